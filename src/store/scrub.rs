//! Rewriting the backups and the recovery file, e.g. to forget a person in them too: a person's
//! erasure is not done while a copy of their data sits in `backups/`.

use super::{BACKUP_DIR, RECOVERY_FILE, Store, StoreError, from_json, fsio, to_json};
use crate::domain::Data;
use std::fs;
use std::path::PathBuf;

/// What a rewrite of the backups did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rewritten {
    /// The files rewritten (backups, and the recovery file).
    pub rewritten: Vec<PathBuf>,
    /// The files that could not be read, and so not rewritten: they may still hold what the
    /// edit removes.
    pub unreadable: Vec<PathBuf>,
}

impl Store {
    /// Applies `edit` to every backup and to the recovery file, rewriting (atomically, under the
    /// same name) each one it changes, and removes the shelf and the outlines. `edit` says whether it changed
    /// anything.
    pub fn rewrite_copies(
        &mut self,
        edit: &mut dyn FnMut(&mut Data) -> bool,
    ) -> Result<Rewritten, StoreError> {
        if !self.writable() {
            return Err(self.refusal().unwrap_or(StoreError::ReadOnly {
                path: self.data_path.clone(),
            }));
        }
        let mut done = Rewritten::default();
        // The outlines of `check` name people: caches, the shelf and they go whole, and are
        // made again from the documents as they are now.
        for file in [super::shelf::SHELF_FILE, super::shelf::OUTLINES_FILE] {
            let path = self.dir.join(file);
            if let Err(e) = std::fs::remove_file(&path)
                && e.kind() != std::io::ErrorKind::NotFound
            {
                done.unreadable.push(path);
            }
        }
        let backups = self.backups()?;
        // Oldest first: a set is read through the newer ones, which must still be as they were
        // (a set rewritten holds every document, and is read through nothing).
        let mut files: Vec<(PathBuf, String)> = backups
            .into_iter()
            .rev()
            .map(|b| (self.dir.join(BACKUP_DIR), b.name))
            .collect();
        if self.dir.join(RECOVERY_FILE).exists() {
            files.push((self.dir.clone(), RECOVERY_FILE.to_owned()));
        }
        for (dir, name) in files {
            let path = dir.join(&name);
            if super::backup::is_set_name(&name) && path.is_dir() {
                let Ok(mut data) = super::sets::read(&path) else {
                    done.unreadable.push(path);
                    continue;
                };
                let read = data.clone();
                if edit(&mut data) {
                    super::sets::rewrite(&dir, &name, &data, &read)?;
                    done.rewritten.push(path);
                }
                continue;
            }
            let Some(mut data) = fs::read(&path).ok().and_then(|b| from_json(&b).ok()) else {
                done.unreadable.push(path);
                continue;
            };
            if edit(&mut data) {
                let json = to_json(&data)?;
                fsio::write_atomic(&dir, &name, &json).map_err(StoreError::io("rewrite", &path))?;
                done.rewritten.push(path);
            }
        }
        Ok(done)
    }
}
