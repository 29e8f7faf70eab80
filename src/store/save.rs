//! Saves, "save as" and restoring a backup. A save goes through the split layout's journal
//! (`store::tree`), so that a crash leaves the documents before it or after it, never a mix; a
//! copy is written to a temporary file renamed over its target.

use super::error::{SaveStep, StoreError};
use super::fault::Fault;
use super::parse::{self, Document, Unreadable};
use super::seen;
use super::{ReadOnlyReason, Restored, SaveReport, Store, backup, fsio, sets};
use crate::domain::{Data, SCHEMA_VERSION};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

impl Store {
    /// Saves `data`: the documents of the split layout that changed, as one save (see
    /// `store::journal`). A directory still holding one file, or none yet, is converted first.
    pub fn save(&mut self, data: &Data) -> Result<SaveReport, StoreError> {
        self.migrate(data, SCHEMA_VERSION, true)
    }

    /// Saves JSON made by [`to_json`] (e.g. on a worker thread), refusing if the file on disk
    /// changed since it was last loaded or saved (or, before any load, since the store opened).
    pub fn save_bytes(&mut self, json: &[u8]) -> Result<SaveReport, StoreError> {
        self.write(json, true)
    }

    /// Saves like [`Store::save_bytes`], overwriting changes made by another program (they
    /// are kept as a backup).
    pub fn save_overwriting(&mut self, json: &[u8]) -> Result<SaveReport, StoreError> {
        self.write(json, false)
    }

    /// Whether `cercle.json` (or any document of a split directory) changed on disk since it
    /// was last loaded or saved: what a save checks of the documents it writes. It reads the whole file when the metadata is unchanged, so call it
    /// off the UI thread.
    pub fn changed_on_disk(&self) -> Result<bool, StoreError> {
        if let Some(docs) = self.documents_seen() {
            for (file, seen) in docs {
                if seen::changed(&self.dir.join(file), Some(seen))? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        seen::changed(&self.data_path, self.seen.as_ref())
    }

    /// Writes a copy to `path` (atomically, replacing any file there), whatever the store's
    /// state; `cercle.json` is left alone.
    pub fn save_as(&self, path: &Path, json: &[u8]) -> Result<PathBuf, StoreError> {
        let (Some(name), parent) = (path.file_name(), path.parent()) else {
            return Err(StoreError::save(SaveStep::WriteTemp, path)(io::Error::new(
                io::ErrorKind::InvalidInput,
                "not a file name",
            )));
        };
        let parent = match parent {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let dest = parent.join(name);
        // The same guard as the exports' `-o`: the lock above all, whose loss would let the
        // command line write while the app is open.
        if super::is_own_file(&self.dir, &dest) {
            return Err(if super::same_file(&dest, &self.data_path) {
                StoreError::SameFile {
                    path: self.data_path.clone(),
                }
            } else {
                StoreError::OwnFile {
                    path: dest,
                    dir: self.dir.clone(),
                }
            });
        }
        let mut temp = fsio::TempFile::create(parent, &name.to_string_lossy())
            .and_then(|mut t| t.write_synced(json).map(|()| t))
            .map_err(StoreError::save(SaveStep::WriteTemp, &dest))?;
        temp.persist(&dest)
            .map_err(StoreError::save(SaveStep::Replace, &dest))?;
        // The copy is in place; a failed directory sync only weakens its durability.
        let _ = fsio::sync_dir(parent);
        Ok(dest)
    }

    pub(super) fn refusal(&self) -> Option<StoreError> {
        let path = self.data_path.clone();
        Some(match self.read_only.as_ref()? {
            ReadOnlyReason::Requested => StoreError::ReadOnly { path },
            ReadOnlyReason::Damaged => StoreError::DamagedNotOverwritten { path },
            ReadOnlyReason::NotWritable(why) => StoreError::DirNotWritable {
                path,
                reason: why.clone(),
            },
            &ReadOnlyReason::FutureSchema { found, supported } => StoreError::FutureSchema {
                path,
                found,
                supported,
            },
        })
    }

    fn write(&mut self, json: &[u8], check_changes: bool) -> Result<SaveReport, StoreError> {
        let data = super::from_json(json)
            .map_err(|e| StoreError::Serialize(serde::de::Error::custom(e.to_string())))?;
        self.migrate(&data, SCHEMA_VERSION, check_changes)
    }

    /// Puts the backup `name` back as `cercle.json`, after keeping the current file (even a
    /// damaged one) as a backup. Lifts the refusal to save that damage or a newer file caused.
    pub fn restore(&mut self, name: &str) -> Result<Restored, StoreError> {
        if !self.writable() {
            return Err(self.refusal().unwrap_or(StoreError::ReadOnly {
                path: self.data_path.clone(),
            }));
        }
        let data = self.backup_data(name)?;
        self.put_back(data)
    }

    /// The data the backup `name` holds: a set's documents, or a one-file backup (upgraded if
    /// it is older).
    pub fn backup_data(&self, name: &str) -> Result<Data, StoreError> {
        let dir = self.backups_dir();
        let source = dir.join(name);
        match backup::parse_backup_name(name) {
            Some(_) if backup::is_set_name(name) && source.is_dir() => {
                sets::read(&source).map_err(|reason| StoreError::BadBackup {
                    path: source.clone(),
                    reason,
                })
            }
            Some(_) if source.is_file() => self.read_backup_file(&source),
            _ => Err(StoreError::NoSuchBackup {
                name: name.to_owned(),
                dir,
            }),
        }
    }

    /// The data of a one-file backup, upgraded if it is older.
    fn read_backup_file(&self, source: &Path) -> Result<Data, StoreError> {
        let bytes = fs::read(source).map_err(StoreError::io("read the backup", source))?;
        let bad = |reason: Fault| StoreError::BadBackup {
            path: source.to_path_buf(),
            reason,
        };
        match parse::read_document(&bytes, self.migrations) {
            Ok(Document::Current(data) | Document::Upgraded { data, .. }) => Ok(data),
            Ok(Document::Future { found, .. }) | Err(Unreadable::TooNew { found }) => {
                Err(bad(Fault::Newer {
                    found,
                    supported: crate::domain::SCHEMA_VERSION,
                }))
            }
            Err(Unreadable::Damaged { reason, .. }) => Err(bad(reason)),
        }
    }
}
