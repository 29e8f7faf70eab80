//! Backups of a split directory: a backup set is a folder of `backups/`,
//! `cercle-<UTC time>Z.d`, holding the index as it was at one moment and the documents the save
//! taken then replaced or removed, as they were: a save costs what it changed, not the network.
//!
//! The whole state a set keeps is read through its own index: each document it names is taken
//! from the set itself, else from the oldest newer set that holds it, else from the base
//! ([`super::base`], the documents as Cercle last wrote them). This is exact because every
//! version of a document Cercle replaces goes to the set of that save, and a change made by
//! another program is kept from the sets by the base. A set that holds every document (the
//! sets of older versions of Cercle, one rewritten to forget a person, the base kept whole) is
//! the same thing with nothing left to look up.
//!
//! A set is gathered by hard links, which cost no copy: the store never writes a document in
//! place (a save renames a new file over it), so a link keeps the old version exactly. It is
//! gathered in a temporary folder and renamed to its name once whole, so a set in `backups/` is
//! always complete; a crash leaves a temporary folder, removed at the next open. Rotation that
//! removes a set first links into the next older set the documents that set lacks
//! ([`fold_into`]), so older states stay exact; the oldest set is simply removed.

use super::backup;
use super::base;
use super::fault::{Fault, Located};
use super::fsio;
use super::reading;
use super::{DATA_FILE, StoreError};
use crate::domain::{Cohort, Data, Shared};
use chrono::{DateTime, TimeDelta, Utc};
use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Gathers the documents `files` (paths relative to `dir`, the index among them) into a new set
/// in `backups`, taken at `now`, leaving the folders it wrote to be synced (the set's, then
/// `backups`) to the caller: a save syncs them with its own, before it replaces anything.
pub(crate) fn take(
    dir: &Path,
    files: &[&str],
    backups: &Path,
    now: DateTime<Utc>,
) -> io::Result<(PathBuf, Vec<PathBuf>)> {
    fsio::create_own_dir(backups)?;
    let temp = fsio::temp_dir(backups, "set")?;
    let mut folders = BTreeSet::new();
    for file in files {
        let dest = temp.join(file);
        let folder = dest.parent().unwrap_or(&temp).to_path_buf();
        if folders.insert(folder.clone()) {
            base::create_folders(&temp, &folder)?;
        }
        let source = dir.join(file);
        if fs::hard_link(&source, &dest).is_err() {
            let name = dest
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            fsio::copy_atomic(&source, &folder, &name)?;
        }
    }
    let mut at = now;
    loop {
        let dest = backups.join(backup::set_name(at));
        if dest.exists() {
            at += TimeDelta::milliseconds(1);
            continue;
        }
        // Renamed once whole. Until the folders are synced a power cut may keep part of it:
        // the save has not happened then, and what the set lacks is read from the base,
        // which still holds the same versions.
        fs::rename(&temp, &dest)?;
        let mut synced: Vec<PathBuf> = folders
            .into_iter()
            .map(|f| dest.join(f.strip_prefix(&temp).unwrap_or(Path::new(""))))
            .collect();
        synced.push(backups.to_path_buf());
        return Ok((dest, synced));
    }
}

/// Writes `data` as a new set in `backups` under the name `name`, replacing the set there: for
/// rewriting a backup (to forget a person in it too). `read` is the data as [`read`] gave it,
/// before the edit: a cohort still the very same record is linked without being serialised.
pub(crate) fn rewrite(
    backups: &Path,
    name: &str,
    data: &Data,
    read: &Data,
) -> Result<(), StoreError> {
    let failed = |path: &Path| StoreError::io("rewrite", path);
    let target = backups.join(name);
    let elsewhere = lookups(&target).map_err(failed(&target))?;
    let temp = fsio::temp_dir(backups, "set").map_err(failed(backups))?;
    let before: HashMap<String, &Shared<Cohort>> =
        super::layout::split_cohorts(read).into_iter().collect();
    let untouched = |file: &str, cohort: &Shared<Cohort>| {
        before
            .get(file)
            .is_some_and(|was| Shared::same(was, cohort))
    };
    let (writes, kept) =
        super::parts::split_documents_but(data, untouched).map_err(StoreError::Serialize)?;
    let source_of = |file: &str| match elsewhere.get(file) {
        Some(Some(instead)) => instead.clone(),
        _ => target.join(file),
    };
    // A document the rewrite left byte for byte as it was is linked from where the set read it;
    // only the few that changed (those naming a forgotten person) are written and synced, one
    // by one. Writing them all cost two syncs per document: a network's thousand cohorts,
    // thousands of syncs per set.
    let mut folders = BTreeSet::new();
    let mut place = |file: &str, bytes: Option<&[u8]>| -> Result<(), StoreError> {
        let dest = temp.join(file);
        let folder = dest.parent().unwrap_or(&temp).to_path_buf();
        base::create_folders(&temp, &folder).map_err(failed(&folder))?;
        folders.extend(
            folder
                .ancestors()
                .take_while(|f| f.starts_with(&temp))
                .map(Path::to_path_buf),
        );
        if link_same(&source_of(file), &dest, bytes).unwrap_or(false) {
            return Ok(());
        }
        let bytes = if let Some(bytes) = bytes {
            bytes.to_vec()
        } else {
            let found = super::layout::split_cohorts(data)
                .into_iter()
                .find(|(f, _)| f == file);
            let Some((_, cohort)) = found else {
                return Err(failed(&dest)(io::Error::other("a cohort went missing")));
            };
            super::layout::pretty(&**cohort).map_err(StoreError::Serialize)?
        };
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        fsio::write_atomic(&folder, &name, &bytes)
            .map(drop)
            .map_err(failed(&dest))
    };
    for (file, bytes) in &writes {
        place(file, Some(bytes))?;
    }
    for file in &kept {
        place(file, None)?;
    }
    // The links, and the folders made for them, are durable once their folders are, before
    // the set takes its name: the deepest first.
    for folder in folders.iter().rev() {
        fsio::sync_dir(folder).map_err(failed(folder))?;
    }
    // The new set takes the name and the old one the temporary's in one step: a crash at any
    // moment leaves a whole set under the name, the old or the new, and a leftover the next
    // open removes. Only where the swap fails (a file system or a sandbox that refuses it;
    // nothing moved then) is the old set moved aside first.
    if fsio::exchange(&temp, &target).unwrap_or(false) {
        fsio::sync_dir(backups).map_err(failed(backups))?;
        fs::remove_dir_all(&temp).map_err(failed(&temp))?;
        return Ok(());
    }
    let old = fsio::temp_dir(backups, "old").map_err(failed(backups))?;
    fs::rename(&target, old.join("set")).map_err(failed(&target))?;
    fs::rename(&temp, &target).map_err(failed(&target))?;
    fsio::sync_dir(backups).map_err(failed(backups))?;
    fs::remove_dir_all(&old).map_err(failed(&old))?;
    Ok(())
}

/// Links `source` as `dest` when it holds `bytes` (without them, the record rewritten is the
/// very one read from it); says whether it did. A link in the source's place is not followed,
/// and the link made must be the file compared, made private as the set's own files are.
fn link_same(source: &Path, dest: &Path, bytes: Option<&[u8]>) -> io::Result<bool> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let mut found = fsio::open_own(source, fs::OpenOptions::new().read(true))?;
    let meta = found.metadata()?;
    if let Some(bytes) = bytes {
        let mut was = Vec::with_capacity(bytes.len());
        io::Read::read_to_end(&mut found, &mut was)?;
        if was != bytes {
            return Ok(false);
        }
    }
    fs::hard_link(source, dest)?;
    let made = fs::symlink_metadata(dest)?;
    if (made.dev(), made.ino()) != (meta.dev(), meta.ino()) {
        fs::remove_file(dest)?;
        return Ok(false);
    }
    fs::set_permissions(dest, fs::Permissions::from_mode(fsio::FILE_MODE))?;
    Ok(true)
}

/// Reads the data a set keeps: its index, each document it names from the set itself, else
/// from the oldest newer set beside it that holds it, else from the base.
pub(crate) fn read(set: &Path) -> Result<Data, Fault> {
    let unread = |path: &Path, e: &io::Error| Fault::CannotRead {
        path: path.display().to_string(),
        kind: e.kind(),
        detail: e.to_string(),
    };
    let index = set.join(DATA_FILE);
    let bytes = fs::read(&index).map_err(|e| unread(&index, &e))?;
    let elsewhere = lookups(set).map_err(|e| unread(set, &e))?;
    reading::read_tree(set, &bytes, &elsewhere, false)
        .map(|(data, ..)| data)
        .map_err(|failure| match *failure {
            (_, Err(StoreError::Io { path, source, .. })) => unread(&path, &source),
            (file, Err(error)) => Fault::Unread(format!("{file}: {error}")),
            (file, Ok((_, unreadable))) => {
                let (line, column, fault) = unreadable.located(super::SPLIT_VERSION);
                Fault::InDocument(Box::new(Located {
                    file,
                    line,
                    column,
                    fault,
                }))
            }
        })
}

/// Where each document the set `set` lacks is read: the oldest newer set that holds it, else the
/// base.
fn lookups(set: &Path) -> io::Result<HashMap<String, Option<PathBuf>>> {
    let backups = set.parent().unwrap_or(Path::new("."));
    let name = set
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut newer: Vec<String> = fs::read_dir(backups)?
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter(|n| backup::is_set_name(n) && *n > name)
        .collect();
    // Set names sort by the time they were taken.
    newer.sort();
    let layers = newer
        .iter()
        .map(|n| backups.join(n))
        .chain([base::path(backups)]);
    let own: std::collections::HashSet<String> = base::documents_in(set)?.into_iter().collect();
    let mut found: HashMap<String, Option<PathBuf>> = HashMap::new();
    for layer in layers {
        for file in base::documents_in(&layer)? {
            if !own.contains(&file) && !found.contains_key(&file) {
                found.insert(file.clone(), Some(layer.join(&file)));
            }
        }
    }
    Ok(found)
}

/// Before the set `newer` is removed by rotation: links into `older`, the next older set, each
/// document `newer` holds that `older` lacks, so that `older` keeps reading as it did. A
/// document `older`'s index does not name is simply never read there.
pub(crate) fn fold_into(newer: &Path, older: &Path) -> io::Result<()> {
    let mut folders = BTreeSet::new();
    for file in base::documents_in(newer)? {
        let dest = older.join(&file);
        if fs::symlink_metadata(&dest).is_ok() {
            continue;
        }
        let folder = dest.parent().unwrap_or(older).to_path_buf();
        if folders.insert(folder.clone()) {
            base::create_folders(older, &folder)?;
        }
        if fs::hard_link(newer.join(&file), &dest).is_err() {
            let name = dest
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            fsio::copy_atomic(&newer.join(&file), &folder, &name)?;
        }
    }
    for folder in &folders {
        fsio::sync_dir(folder)?;
    }
    Ok(())
}
