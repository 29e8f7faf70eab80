//! Writing `cercle.json`: saves, "save as" and restoring a backup, all through a temporary file
//! renamed over the target, so that a crash leaves the old file or the new one, never a mix.

use super::error::{SaveStep, StoreError};
use super::parse::{self, Document, Unreadable};
use super::seen::{self, Fingerprint, Hashing, Seen};
use super::{DATA_FILE, ReadOnlyReason, Restored, SaveReport, Store, backup, fsio};
use crate::domain::Data;
use chrono::{DateTime, Utc};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A backup by its kind.
enum Source {
    /// A backup set of a split directory.
    Set(PathBuf),
    /// A one-file backup.
    File(PathBuf),
}

/// Why filling a temporary file failed.
enum Fill {
    /// Writing failed (a full disk).
    Io(io::Error),
    /// The data could not be written as JSON.
    Serialize(serde_json::Error),
}

impl Store {
    /// Saves `data` (see [`Store::save_bytes`]), written as [`to_json`] writes it but straight
    /// into the temporary file: a network's 150 MB of JSON is never held in memory beside the
    /// data, and never grown and copied as one buffer.
    pub fn save(&mut self, data: &Data) -> Result<SaveReport, StoreError> {
        if self.tree.is_some() {
            return self.save_tree(data, true, &mut super::journal::no_fault);
        }
        self.write_with(true, |file| {
            let mut out = io::BufWriter::with_capacity(1 << 20, file);
            serde_json::to_writer_pretty(&mut out, data).map_err(|e| {
                if e.is_io() {
                    Fill::Io(e.into())
                } else {
                    Fill::Serialize(e)
                }
            })?;
            out.write_all(b"\n")
                .and_then(|()| out.flush())
                .map_err(Fill::Io)
        })
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

    /// Whether `cercle.json` changed on disk since it was last loaded or saved: what a save
    /// checks before writing. It reads the whole file when the metadata is unchanged, so call it
    /// off the UI thread.
    pub fn changed_on_disk(&self) -> Result<bool, StoreError> {
        if self.tree.is_some() {
            return self.documents_changed();
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
        if self.tree.is_some() {
            let data = super::from_json(json)
                .map_err(|e| StoreError::Serialize(serde::de::Error::custom(e.to_string())))?;
            return self.save_tree(&data, check_changes, &mut super::journal::no_fault);
        }
        self.write_with(check_changes, |file| file.write_all(json).map_err(Fill::Io))
    }

    /// Writes a new `cercle.json` whose bytes `fill` writes into the temporary file.
    fn write_with(
        &mut self,
        check_changes: bool,
        fill: impl FnOnce(&mut Hashing<'_>) -> Result<(), Fill>,
    ) -> Result<SaveReport, StoreError> {
        if let Some(refusal) = self.refusal() {
            return Err(refusal);
        }
        let path = self.data_path.clone();
        // Both refuse a symbolic link in the file's place; only a checked save reads it.
        if check_changes {
            if seen::changed(&path, self.seen.as_ref())? {
                return Err(StoreError::ChangedOnDisk { path });
            }
        } else {
            seen::fingerprint(&path)?;
        }
        // Written first: a full disk then fails before anything else was touched.
        let failed = |e| StoreError::save(SaveStep::WriteTemp, &path)(e);
        let mut temp = fsio::TempFile::create(&self.dir, DATA_FILE).map_err(failed)?;
        let mut writer = Hashing::new(temp.file_mut());
        match fill(&mut writer) {
            Ok(()) => {}
            Err(Fill::Io(e)) => return Err(failed(e)),
            Err(Fill::Serialize(e)) => return Err(StoreError::Serialize(e)),
        }
        let hash = writer.digest();
        let written = temp
            .file()
            .sync_all()
            .and_then(|()| temp.file().metadata())
            .map_err(failed)?
            .len();
        let now = crate::domain::clock::now();
        let backup = backup::take(&path, &self.backups_dir(), now).map_err(|e| {
            if fsio::is_link_error(&e) {
                StoreError::Link {
                    path: self.backups_dir(),
                }
            } else {
                StoreError::save(SaveStep::Backup, &path)(e)
            }
        })?;
        temp.persist(&path)
            .map_err(StoreError::save(SaveStep::Replace, &path))?;
        let mut report = SaveReport {
            path,
            bytes: usize::try_from(written).unwrap_or(usize::MAX),
            backup,
            pruned: Vec::new(),
            warnings: Vec::new(),
        };
        self.after_replace(
            temp.file(),
            hash,
            now,
            &mut report.pruned,
            &mut report.warnings,
        );
        Ok(report)
    }

    /// Bookkeeping once a new `cercle.json` is in place: nothing here can undo the write.
    fn after_replace(
        &mut self,
        written: &File,
        hash: u128,
        now: DateTime<Utc>,
        pruned: &mut Vec<PathBuf>,
        warnings: &mut Vec<String>,
    ) {
        // The still-open file is the one now at `cercle.json`: no race with another program.
        match written.metadata() {
            Ok(meta) => {
                self.seen = Some(Seen {
                    meta: Fingerprint::from(&meta),
                    hash: Some(hash),
                });
            }
            Err(e) => warnings.push(format!("could not inspect the saved file: {e}")),
        }
        if let Err(e) = fsio::sync_dir(&self.dir) {
            warnings.push(format!(
                "could not sync {} (the save may not survive a power cut): {e}",
                self.dir.display()
            ));
        }
        match backup::rotate(&self.backups_dir(), now) {
            Ok(removed) => *pruned = removed,
            Err(e) => warnings.push(format!("could not remove old backups: {e}")),
        }
    }

    /// The data the backup `name` keeps, read without putting it back: a backup set is read
    /// through the newer sets and the base (see `docs/data-format.md`).
    pub fn read_backup(&self, name: &str) -> Result<Data, StoreError> {
        match self.backup_source(name)? {
            Source::Set(set) => super::sets::read(&set).map_err(|reason| StoreError::BadBackup {
                path: set.clone(),
                reason,
            }),
            Source::File(file) => self.read_backup_file(&file).map(|(_, data)| data),
        }
    }

    /// Where the backup `name` is.
    fn backup_source(&self, name: &str) -> Result<Source, StoreError> {
        let dir = self.backups_dir();
        match backup::parse_backup_name(name) {
            Some(_) if backup::is_set_name(name) && dir.join(name).is_dir() => {
                Ok(Source::Set(dir.join(name)))
            }
            Some(_) if dir.join(name).is_file() => Ok(Source::File(dir.join(name))),
            _ => Err(StoreError::NoSuchBackup {
                name: name.to_owned(),
                dir,
            }),
        }
    }

    /// A one-file backup's bytes and the data they hold, upgraded if older.
    fn read_backup_file(&self, source: &Path) -> Result<(Vec<u8>, Data), StoreError> {
        let bytes = fs::read(source).map_err(StoreError::io("read the backup", source))?;
        let bad = |reason: String| StoreError::BadBackup {
            path: source.to_path_buf(),
            reason,
        };
        match parse::read_document(&bytes, self.migrations) {
            Ok(Document::Current(data) | Document::Upgraded { data, .. }) => Ok((bytes, data)),
            Ok(Document::Future { found, .. }) | Err(Unreadable::TooNew { found }) => Err(bad(
                format!("it was written by a newer Cercle (data version {found})"),
            )),
            Err(Unreadable::Damaged { reason, .. }) => Err(bad(reason)),
        }
    }

    /// Puts the backup `name` back as `cercle.json`, after keeping the current file (even a
    /// damaged one) as a backup. Lifts the refusal to save that damage or a newer file caused.
    pub fn restore(&mut self, name: &str) -> Result<Restored, StoreError> {
        if !self.writable() {
            return Err(self.refusal().unwrap_or(StoreError::ReadOnly {
                path: self.data_path.clone(),
            }));
        }
        let dir = self.backups_dir();
        let (bytes, data) = match self.backup_source(name)? {
            Source::Set(set) => return self.restore_set(&set),
            Source::File(file) => self.read_backup_file(&file)?,
        };
        let now = crate::domain::clock::now();
        let path = self.data_path.clone();
        // A link in the file's place would be kept as the "previous version" instead of it.
        seen::fingerprint(&path)?;
        let previous = match self.keep_set_before_restore(now)? {
            Some(set) => Some(set),
            None => backup::take(&path, &dir, now).map_err(StoreError::io(
                "keep the current file before restoring over",
                &path,
            ))?,
        };
        let mut temp = fsio::TempFile::create(&self.dir, DATA_FILE)
            .and_then(|mut t| t.write_synced(&bytes).map(|()| t))
            .map_err(StoreError::save(SaveStep::WriteTemp, &path))?;
        temp.persist(&path)
            .map_err(StoreError::save(SaveStep::Replace, &path))?;
        // A one-file backup replaced the index: the documents beside it are no longer read.
        self.forget_tree();
        self.set_file_state(None);
        // Rotation or sync trouble does not undo the restore; the app can list the backups.
        self.after_replace(
            temp.file(),
            seen::hash(&bytes),
            now,
            &mut Vec::new(),
            &mut Vec::new(),
        );
        Ok(Restored { data, previous })
    }
}
