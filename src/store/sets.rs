//! Backups of a split directory: a backup set is a folder of `backups/`,
//! `cercle-<UTC time>Z.d`, holding the index and every document as they were at one moment.
//!
//! A set is gathered by hard links, which cost no copy: the store never writes a document in
//! place (a save renames a new file over it), so a link keeps the old version exactly. It is
//! gathered in a temporary folder and renamed to its name once whole, so a set in `backups/` is
//! always complete; a crash leaves a temporary folder, removed at the next open.

use super::backup;
use super::fsio;
use super::reading;
use super::{DATA_FILE, StoreError};
use crate::domain::Data;
use chrono::{DateTime, TimeDelta, Utc};
use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Gathers the documents `files` (paths relative to `dir`, the index among them) into a new set
/// in `backups`, taken at `now`.
pub(crate) fn take(
    dir: &Path,
    files: &[&str],
    backups: &Path,
    now: DateTime<Utc>,
) -> io::Result<PathBuf> {
    fsio::create_own_dir(backups)?;
    let temp = fsio::temp_dir(backups, "set")?;
    let mut folders = BTreeSet::new();
    for file in files {
        let dest = temp.join(file);
        let folder = dest.parent().unwrap_or(&temp).to_path_buf();
        if folders.insert(folder.clone()) {
            create_folders(&temp, &folder)?;
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
    for folder in &folders {
        fsio::sync_dir(folder)?;
    }
    let mut at = now;
    loop {
        let dest = backups.join(backup::set_name(at));
        if dest.exists() {
            at += TimeDelta::milliseconds(1);
            continue;
        }
        fs::rename(&temp, &dest)?;
        fsio::sync_dir(backups)?;
        return Ok(dest);
    }
}

/// Writes `data` as a new set in `backups` under the name `name`, replacing the set there: for
/// rewriting a backup (to forget a person in it too).
pub(crate) fn rewrite(backups: &Path, name: &str, data: &Data) -> Result<(), StoreError> {
    let failed = |path: &Path| StoreError::io("rewrite", path);
    let temp = fsio::temp_dir(backups, "set").map_err(failed(backups))?;
    let writes = super::parts::split_documents(data).map_err(StoreError::Serialize)?;
    for (file, bytes) in &writes {
        let dest = temp.join(file);
        let folder = dest.parent().unwrap_or(&temp).to_path_buf();
        create_folders(&temp, &folder).map_err(failed(&folder))?;
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        fsio::write_atomic(&folder, &name, bytes).map_err(failed(&dest))?;
    }
    // The old set is moved aside before the new one takes its name, then removed.
    let target = backups.join(name);
    let old = fsio::temp_dir(backups, "old").map_err(failed(backups))?;
    fs::rename(&target, old.join("set")).map_err(failed(&target))?;
    fs::rename(&temp, &target).map_err(failed(&target))?;
    fsio::sync_dir(backups).map_err(failed(backups))?;
    fs::remove_dir_all(&old).map_err(failed(&old))?;
    Ok(())
}

/// Reads the data a set holds.
pub(crate) fn read(set: &Path) -> Result<Data, String> {
    let index = set.join(DATA_FILE);
    let bytes = fs::read(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    reading::read_tree(set, &bytes, &HashMap::new())
        .map(|(data, _)| data)
        .map_err(|failure| match *failure {
            (file, Err(error)) => format!("{file}: {error}"),
            (file, Ok((_, unreadable))) => format!("{file}: {unreadable}"),
        })
}

fn create_folders(root: &Path, folder: &Path) -> io::Result<()> {
    let inside = folder.strip_prefix(root).unwrap_or(Path::new(""));
    let mut at = root.to_path_buf();
    for part in inside.components() {
        at.push(part);
        fsio::create_own_dir(&at)?;
    }
    Ok(())
}
