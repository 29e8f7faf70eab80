//! The base of the backup sets of a split directory: `backups/current.d`, the documents as
//! Cercle last wrote or read them, each a hard link to the document in place.
//!
//! A backup set holds only what the save that took it replaced (see [`super::sets`]); what it
//! does not hold is found in the newer sets, and last here. The base is kept in step with the
//! documents by every save (the journal links each new document into it before the save is
//! finished, so a crash leaves a journal that does it again), and checked against the
//! documents the store read at the first save after each load. When another program changed
//! the documents meanwhile (a sync that pulled the team's edits, an editor, a damaged file),
//! the base no longer matches: it is then kept whole as a backup set of its own, the last
//! state Cercle knew, before it is gathered again from the documents in place. So a change
//! Cercle did not make never reaches an older set.

use super::seen::{Fingerprint, Seen};
use super::{DATA_FILE, backup, fsio, layout};
use chrono::{DateTime, TimeDelta, Utc};
use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The base's folder name in `backups/`; not a backup's name, so never listed or rotated.
pub(crate) const BASE_DIR: &str = "current.d";

/// The base's folder in the backups folder `backups`.
pub(crate) fn path(backups: &Path) -> PathBuf {
    backups.join(BASE_DIR)
}

/// Whether the base is whole: it is gathered in a temporary folder and renamed into place, so a
/// base with its index holds every document that index names. A link in its place is not one
/// (the documents would be linked wherever it points).
pub(crate) fn is_built(base: &Path) -> bool {
    fs::symlink_metadata(base).is_ok_and(|m| m.is_dir())
        && fs::symlink_metadata(base.join(DATA_FILE)).is_ok_and(|m| m.is_file())
}

/// Links the document `file` of `dir` into `base` in place of the one there: linked under a
/// temporary name, then renamed, so the base never lacks it. Returns the folder to sync.
pub(crate) fn put(dir: &Path, base: &Path, file: &str) -> io::Result<PathBuf> {
    let dest = base.join(file);
    let folder = dest.parent().unwrap_or(base).to_path_buf();
    create_folders(base, &folder)?;
    let temp = folder.join(format!(
        "{}-base{}{}",
        fsio::TEMP_PREFIX,
        fsio::TEMP_MARK,
        std::process::id()
    ));
    let _ = fs::remove_file(&temp);
    fs::hard_link(dir.join(file), &temp)?;
    fs::rename(&temp, &dest)?;
    Ok(folder)
}

/// Removes the document `file` from `base`. Returns the folder to sync.
pub(crate) fn remove(base: &Path, file: &str) -> io::Result<PathBuf> {
    let dest = base.join(file);
    match fs::remove_file(&dest) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    Ok(dest.parent().unwrap_or(base).to_path_buf())
}

/// Makes the base hold exactly `docs` (the documents of `dir` as the store read or wrote them,
/// by their metadata). A base that holds anything else is first kept whole as a backup set
/// taken at `now`, which is returned.
pub(crate) fn refresh(
    dir: &Path,
    backups: &Path,
    docs: &HashMap<String, Seen>,
    now: DateTime<Utc>,
) -> io::Result<Option<PathBuf>> {
    let base = path(backups);
    let built = is_built(&base);
    if built && holds(&base, docs)? {
        return Ok(None);
    }
    let mut kept = None;
    if built {
        let mut at = now;
        while backups.join(backup::set_name(at)).exists() {
            at += TimeDelta::milliseconds(1);
        }
        let set = backups.join(backup::set_name(at));
        fs::rename(&base, &set)?;
        fsio::sync_dir(backups)?;
        kept = Some(set);
    } else if let Ok(meta) = fs::symlink_metadata(&base) {
        // Never whole, so no set reads it; a link is removed, never followed.
        if meta.is_dir() {
            fs::remove_dir_all(&base)?;
        } else {
            fs::remove_file(&base)?;
        }
    }
    if docs.is_empty() {
        return Ok(kept);
    }
    fsio::create_own_dir(backups)?;
    let temp = fsio::temp_dir(backups, "base")?;
    let mut folders = BTreeSet::new();
    for file in docs.keys() {
        folders.insert(put(dir, &temp, file)?);
    }
    for folder in &folders {
        fsio::sync_dir(folder)?;
    }
    fs::rename(&temp, &base)?;
    fsio::sync_dir(backups)?;
    Ok(kept)
}

/// Whether `base` holds the very files `docs` names (the same inodes) and nothing else.
fn holds(base: &Path, docs: &HashMap<String, Seen>) -> io::Result<bool> {
    for (file, seen) in docs {
        match fs::symlink_metadata(base.join(file)) {
            Ok(meta) if meta.is_file() && Fingerprint::from(&meta) == seen.meta => {}
            Ok(_) => return Ok(false),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
            Err(e) => return Err(e),
        }
    }
    // The index is counted among `docs`; any other document in the base is one too many.
    Ok(documents_in(base)?.len() + 1 == docs.len())
}

/// The documents under `root` (a backup set or the base), by their paths relative to it; the
/// index is not among them.
pub(crate) fn documents_in(root: &Path) -> io::Result<Vec<String>> {
    let mut found = Vec::new();
    for kind in ["cohorts", "people"] {
        let folder = root.join(layout::DOCS_DIR).join(kind);
        let entries = match fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        for entry in entries {
            let entry = entry?;
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            let file = format!("{}/{kind}/{name}", layout::DOCS_DIR);
            if layout::is_document_path(&file) && entry.file_type()?.is_file() {
                found.push(file);
            }
        }
    }
    Ok(found)
}

/// Creates the folders between `root` and `folder` (0700), refusing a link in the way.
pub(crate) fn create_folders(root: &Path, folder: &Path) -> io::Result<()> {
    let inside = folder.strip_prefix(root).unwrap_or(Path::new(""));
    let mut at = root.to_path_buf();
    for part in inside.components() {
        at.push(part);
        fsio::create_own_dir(&at)?;
    }
    Ok(())
}
