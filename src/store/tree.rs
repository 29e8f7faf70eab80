//! The store on the split layout: loading the documents an index names, saving only those that
//! changed through the journal, and converting a one-file directory.
//!
//! A save costs what it changed. It serialises only the cohorts that are not the very same
//! records as last written (and the index or the people only when theirs changed); it checks
//! for another program's edits only the index and the documents it writes or removes; and its
//! backup set links only the versions it replaces ([`super::sets`], read through the base,
//! [`super::base`], which the first save after a load compares with the documents read).

mod changes;
mod state;

use super::error::{SaveStep, StoreError};
use super::journal::{self, Change, CommitError, Fault, Written};
use super::layout;
use super::parse::Unreadable;
use super::reading::read_tree;
use super::seen::{self, Fingerprint, Seen};
use super::{DATA_FILE, ReadOnlyReason, Restored, SaveReport, Store, backup, base, fsio, sets};
use crate::domain::{Data, SCHEMA_VERSION};
use crate::schema::DocumentKind;
use changes::{changes, touched};
pub(super) use state::Tree;
use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Whether `path` (relative to the data directory) may be named by a journal.
pub(super) fn is_own_document(path: &str) -> bool {
    path == DATA_FILE || layout::is_document_path(path)
}

/// Whether a store's loads screen each document for `cercle check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Screen {
    /// They read as the app does.
    Off,
    /// They screen; the last load read no split directory.
    On,
    /// The last load screened a split directory: the documents it could not vouch for.
    Read(Vec<String>),
}

impl Store {
    /// The documents the last load read, by their paths relative to the data directory, with
    /// the kind of each (`None`: the one data file of a directory not split); the index first.
    pub fn documents(&self) -> Vec<(String, Option<DocumentKind>)> {
        let Some(tree) = &self.tree else {
            return vec![(DATA_FILE.to_owned(), None)];
        };
        let mut names: Vec<&String> = tree.docs.keys().collect();
        names.sort();
        names
            .into_iter()
            .map(|name| (name.clone(), super::parts::document_kind(name)))
            .collect()
    }

    /// Makes the loads read each document of a split directory through
    /// [`crate::domain::screen`], for `cercle check`.
    pub fn screening(&mut self) {
        self.screen = Screen::On;
    }

    /// After a screening load of a split directory, the documents the schema's validator must
    /// still read: the index, and those the records could not vouch for. `None` when the last
    /// load was not screened (a one-file directory, or no [`Store::screening`]).
    pub fn unscreened(&self) -> Option<Vec<String>> {
        let Screen::Read(doubtful) = &self.screen else {
            return None;
        };
        self.tree.as_ref()?;
        let mut names = vec![DATA_FILE.to_owned()];
        names.extend(doubtful.iter().cloned());
        Some(names)
    }

    /// Whether a document read by the last load of a split directory is no longer the one in
    /// place, or a save is under way: a save ran during the reading.
    pub(super) fn tree_moved(&self) -> bool {
        let Some(tree) = &self.tree else {
            return false;
        };
        super::reading::moved(&self.dir, &tree.docs)
    }

    /// Where the one file a load converted was kept in `backups/`; `None` when the last load
    /// converted nothing.
    pub fn converted(&self) -> Option<&Path> {
        self.converted.as_deref()
    }

    /// What was seen of each document of a split directory; `None` for one file.
    pub(super) fn documents_seen(&self) -> Option<&HashMap<String, Seen>> {
        self.tree.as_ref().map(|tree| &tree.docs)
    }

    /// Puts on the shelf ([`super::shelf`]) the finished cohorts of the data last loaded or
    /// saved, so that the next look at the directory reads only the others.
    pub fn shelve(&self, today: chrono::NaiveDate) {
        if let Some(tree) = &self.tree {
            super::shelf::refresh(&self.dir, &tree.last, &tree.cohort_files, &tree.docs, today);
        }
    }

    /// Whether the directory holds the split layout (an index and its documents).
    pub fn is_split(&self) -> bool {
        self.tree.is_some()
    }

    /// Reads the documents named by the index `bytes` (already read from `cercle.json`, whose
    /// metadata is `meta`), through the journal of a save in flight for a reader without the lock.
    pub(super) fn load_tree(
        &mut self,
        bytes: &[u8],
        meta: Fingerprint,
        pending: &HashMap<String, Option<PathBuf>>,
    ) -> Result<Data, StoreError> {
        let screen = self.screen != Screen::Off;
        let (data, mut docs, doubtful) =
            read_tree(&self.dir, bytes, pending, screen).map_err(|failure| match *failure {
                (_, Err(error)) => error,
                (name, Ok((bytes, unreadable))) => self.damaged_document(&name, &bytes, unreadable),
            })?;
        docs.insert(
            DATA_FILE.to_owned(),
            Seen {
                meta,
                hash: Some(seen::hash(bytes)),
            },
        );
        let cohort_files = layout::split_cohorts(&data)
            .into_iter()
            .map(|(file, _)| file)
            .collect();
        if screen {
            self.screen = Screen::Read(doubtful);
        }
        self.tree = Some(Tree {
            last: data.clone(),
            docs,
            cohort_files,
            base_ready: false,
        });
        Ok(data)
    }

    /// A damaged document (or one-file `cercle.json`): saves are refused, and its bytes are set
    /// aside; read-only stores write nothing, and elsewhere the copy is a second safety (saves are
    /// refused anyway), so failing to make it does not hide the damage itself.
    pub(super) fn damaged_document(
        &mut self,
        file: &str,
        bytes: &[u8],
        unreadable: Unreadable,
    ) -> StoreError {
        let path = self.dir.join(file);
        let (line, column, reason) = unreadable.located(crate::domain::SCHEMA_VERSION);
        self.set_file_state(Some(ReadOnlyReason::Damaged));
        let quarantine = if self.writable() {
            super::quarantine(&self.dir, file, bytes).ok()
        } else {
            None
        };
        StoreError::Damaged {
            path,
            line,
            column,
            reason: Box::new(reason),
            quarantine,
            backup: self.newest_valid_backup().map(|b| b.path),
        }
    }

    /// Converts a one-file directory to the split layout with `data` (what was loaded from it):
    /// the file is first kept in `backups/` as it was, then every document is put in place by
    /// one journal, the index last taking the name `cercle.json`.
    pub fn migrate_to_split(&mut self, data: &Data) -> Result<SaveReport, StoreError> {
        self.migrate(data, SCHEMA_VERSION, true)
    }

    /// A one-file directory just read, converted to the split layout at once when the store may
    /// write (`from`: the data version of the file, kept as the backup of that version). A
    /// conversion that fails (a full disk) leaves the one file as it was, and the data is used
    /// all the same: the next save converts, and says why if it fails again.
    pub(super) fn convert(&mut self, data: Data, from: u32) -> Data {
        if !self.writable() {
            return data;
        }
        if let Err(e) = self.migrate(&data, from, true) {
            super::logbook::note(&format!(
                "{}: not converted to the split layout, kept as one file: {e}",
                self.data_path.display()
            ));
        } else if let Some(kept) = &self.converted {
            super::logbook::note(&format!(
                "{}: converted to the split layout, the file kept as {}",
                self.data_path.display(),
                kept.display()
            ));
        }
        data
    }

    /// [`Store::migrate_to_split`] of a file of data version `from`, refusing to overwrite
    /// changes made by another program when `check_changes`.
    pub(super) fn migrate(
        &mut self,
        data: &Data,
        from: u32,
        check_changes: bool,
    ) -> Result<SaveReport, StoreError> {
        if let Some(refusal) = self.refusal() {
            return Err(refusal);
        }
        if self.tree.is_some() {
            return self.save_tree(data, check_changes, &mut journal::no_fault);
        }
        let path = self.data_path.clone();
        if check_changes && seen::changed(&path, self.seen.as_ref())? {
            return Err(StoreError::ChangedOnDisk { path });
        }
        if super::is_split_dir(&self.dir) {
            // Saved before any load: the documents are read first, so that the save writes
            // what changed and keeps the others' previous versions, as any other save does.
            self.load()?;
            if self.tree.is_some() {
                return self.save_tree(data, check_changes, &mut journal::no_fault);
            }
        }
        let kept = if seen::fingerprint(&path)?.is_some() {
            let dir = self.backups_dir();
            let kept =
                backup::keep_file_before_upgrade(&path, &dir, from, crate::domain::clock::now())
                    .map_err(StoreError::save(SaveStep::Backup, &path))?;
            Some(kept)
        } else {
            None
        };
        self.tree = Some(Tree::empty());
        let saved = self.save_tree_with(data, false, false, &mut journal::no_fault);
        if saved.is_err() {
            // Nothing was converted: the one file is still the data.
            self.tree = None;
        } else {
            self.converted = kept;
        }
        saved
    }

    /// Saves `data` in the split layout: the documents that changed, as one save.
    pub(super) fn save_tree(
        &mut self,
        data: &Data,
        check_changes: bool,
        fault: Fault<'_>,
    ) -> Result<SaveReport, StoreError> {
        self.save_tree_with(data, check_changes, true, fault)
    }

    /// [`Store::save_tree`], keeping the documents it replaces in a backup set when `backup`.
    fn save_tree_with(
        &mut self,
        data: &Data,
        check_changes: bool,
        backup: bool,
        fault: Fault<'_>,
    ) -> Result<SaveReport, StoreError> {
        if let Some(refusal) = self.refusal() {
            return Err(refusal);
        }
        let path = self.data_path.clone();
        let backups = self.backups_dir();
        let base = base::path(&backups);
        // A save that failed after its journal is finished first.
        let built = Some(base.as_path()).filter(|b| base::is_built(b));
        journal::recover(&self.dir, is_own_document, built)
            .map_err(StoreError::save(SaveStep::Replace, &path))?;
        if !check_changes {
            self.forget_changed_documents()?;
        }
        let Some(tree) = self.tree.as_ref() else {
            return Err(StoreError::save(SaveStep::WriteTemp, &path)(
                io::Error::other("the directory is not in the split layout"),
            ));
        };
        let (changes, cohort_files) = changes(tree, data).map_err(StoreError::Serialize)?;
        if check_changes {
            self.check_touched(&changes)?;
        }
        if changes.is_empty() {
            return Ok(SaveReport {
                path,
                bytes: 0,
                backup: None,
                pruned: Vec::new(),
                warnings: Vec::new(),
            });
        }
        let now = crate::domain::clock::now();
        let mut warnings = Vec::new();
        // A save that overwrites (or restores over) documents another program changed keeps
        // theirs: the base is brought in step with the disk, so the set below links them.
        let on_disk = if check_changes {
            None
        } else {
            self.documents_on_disk(&changes)?
        };
        if !tree.base_ready || on_disk.is_some() {
            // Another program's changes since the base was last brought in step are kept from
            // the older sets: the base is kept whole as a set of its own first.
            let docs = on_disk.as_ref().unwrap_or(&tree.docs);
            if let Some(kept) =
                base::refresh(&self.dir, &backups, docs, now).map_err(|e| self.backup_failed(&e))?
            {
                warnings.push(format!(
                    "the documents were changed by another program since Cercle last wrote \
                     them; the state before is kept as the backup {}",
                    kept.display()
                ));
            }
        }
        let (kept, durable) = if backup {
            self.keep_set(&changes, now)?
        } else {
            (None, Vec::new())
        };
        let mirror = base::is_built(&base).then_some(base.as_path());
        let written =
            journal::commit(&self.dir, &changes, mirror, &durable, fault).map_err(|e| match e {
                CommitError::Before { path, error } => {
                    StoreError::save(SaveStep::WriteTemp, &path)(error)
                }
                CommitError::After { path, error } => {
                    StoreError::save(SaveStep::Replace, &path)(error)
                }
                CommitError::Stopped => StoreError::save(SaveStep::Replace, &path)(
                    io::Error::other("stopped by a test"),
                ),
            })?;
        let mut report = self.after_commit(data, &changes, written, cohort_files);
        if let Some(tree) = &mut self.tree {
            // The journal linked every new document into a base that was whole; one that was
            // not (a directory just converted) is gathered at the next save.
            tree.base_ready = mirror.is_some();
        }
        report.backup = kept;
        report.warnings = warnings;
        match backup::rotate(&backups, now, sets::fold_into) {
            Ok(removed) => report.pruned = removed,
            Err(e) => report
                .warnings
                .push(format!("could not remove old backups: {e}")),
        }
        Ok(report)
    }

    fn backup_failed(&self, e: &io::Error) -> StoreError {
        if fsio::is_link_error(e) {
            StoreError::Link {
                path: self.backups_dir(),
            }
        } else {
            StoreError::save(SaveStep::Backup, &self.data_path)(io::Error::new(
                e.kind(),
                e.to_string(),
            ))
        }
    }

    /// Keeps, as a backup set, the index and the documents `changes` replace or remove, as they
    /// are in the base; `None` when there are none yet (a directory being converted). The
    /// folders to sync before the save replaces anything come with it.
    fn keep_set(
        &self,
        changes: &[Change],
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(Option<PathBuf>, Vec<PathBuf>), StoreError> {
        let backups = self.backups_dir();
        let base = base::path(&backups);
        if !base::is_built(&base) {
            return Ok((None, Vec::new()));
        }
        let mut files: Vec<&str> = touched(changes)
            .filter(|file| *file != DATA_FILE && fs::symlink_metadata(base.join(file)).is_ok())
            .collect();
        files.push(DATA_FILE);
        sets::take(&base, &files, &backups, now)
            .map(|(set, folders)| (Some(set), folders))
            .map_err(|e| self.backup_failed(&e))
    }

    /// Forgets the hash of every document another program changed since it was read: a save
    /// that overwrites their changes then writes each of them again, whether or not ours
    /// changed, and keeps theirs in the backup set. A link in a document's place is refused.
    fn forget_changed_documents(&mut self) -> Result<(), StoreError> {
        let dir = self.dir.clone();
        if let Some(tree) = &mut self.tree {
            for (file, seen) in &mut tree.docs {
                if seen::changed(&dir.join(file), Some(seen))? {
                    seen.hash = None;
                }
            }
        }
        Ok(())
    }

    /// Puts the data of a backup back through one journal, the documents it replaces kept as
    /// the save's backup set (or the one file, in a directory not yet split). Lifts the refusal
    /// to save that damage or a newer file caused.
    pub(super) fn put_back(&mut self, data: Data) -> Result<Restored, StoreError> {
        self.set_file_state(None);
        if self.tree.is_some() {
            // The documents it replaces are kept as the save's backup set.
            let report = self.save_tree_with(&data, false, true, &mut journal::no_fault)?;
            return Ok(Restored {
                data,
                previous: report.backup,
            });
        }
        // A link in the file's place would be kept as the "previous version" instead of it.
        seen::fingerprint(&self.data_path)?;
        let now = crate::domain::clock::now();
        let previous =
            backup::take(&self.data_path, &self.backups_dir(), now).map_err(StoreError::io(
                "keep the current file before restoring over",
                &self.data_path,
            ))?;
        self.tree = Some(Tree::empty());
        self.save_tree_with(&data, false, false, &mut journal::no_fault)?;
        Ok(Restored { data, previous })
    }

    /// Refuses a save when the index or a document it writes or removes was changed by another
    /// program since it was read (its metadata, then its hash), or appeared where the save puts
    /// a new one. The other documents are not looked at: the save leaves them as they are.
    pub(super) fn check_touched(&self, changes: &[Change]) -> Result<(), StoreError> {
        let Some(tree) = &self.tree else {
            return Ok(());
        };
        for file in touched(changes).chain([DATA_FILE]) {
            let path = self.dir.join(file);
            if seen::changed(&path, tree.docs.get(file))? {
                return Err(StoreError::ChangedOnDisk { path });
            }
        }
        Ok(())
    }

    /// What the store knows of the documents, with what is on disk now for those `changes`
    /// touches that another program changed; `None` when none was.
    fn documents_on_disk(
        &self,
        changes: &[Change],
    ) -> Result<Option<HashMap<String, Seen>>, StoreError> {
        let Some(tree) = self.tree.as_ref().filter(|t| !t.docs.is_empty()) else {
            return Ok(None);
        };
        let mut docs: Option<HashMap<String, Seen>> = None;
        for file in touched(changes).chain([DATA_FILE]) {
            let now = seen::fingerprint(&self.dir.join(file))?;
            if now == tree.docs.get(file).map(|s| s.meta) {
                continue;
            }
            let docs = docs.get_or_insert_with(|| tree.docs.clone());
            match now {
                Some(meta) => docs.insert(file.to_owned(), Seen { meta, hash: None }),
                None => docs.remove(file),
            };
        }
        Ok(docs)
    }

    fn after_commit(
        &mut self,
        data: &Data,
        changes: &[Change],
        written: Vec<Written>,
        cohort_files: Option<Vec<String>>,
    ) -> SaveReport {
        let bytes: u64 = written.iter().map(|w| w.bytes).sum();
        if let Some(tree) = &mut self.tree {
            for change in changes {
                if let Change::Remove { path } = change {
                    tree.docs.remove(path);
                }
            }
            for w in written {
                let seen = Seen {
                    meta: w.meta,
                    hash: Some(w.hash),
                };
                if w.path == DATA_FILE {
                    self.seen = Some(seen);
                }
                tree.docs.insert(w.path, seen);
            }
            tree.last = data.clone();
            if let Some(files) = cohort_files {
                tree.cohort_files = files;
            }
        }
        self.set_file_state(None);
        SaveReport {
            path: self.data_path.clone(),
            bytes: usize::try_from(bytes).unwrap_or(usize::MAX),
            backup: None,
            pruned: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// [`Store::save`] on the split layout, stopped by `fault` as a crash would stop it: for the
    /// crash tests.
    #[doc(hidden)]
    pub fn save_stopping_at(
        &mut self,
        data: &Data,
        fault: &mut dyn FnMut(&'static str) -> bool,
    ) -> Result<SaveReport, StoreError> {
        self.save_tree(data, true, fault)
    }
}

/// Finishes a save a crash interrupted, then removes the leftovers of saves that never reached
/// their journal: only under the lock.
pub(super) fn recover(dir: &Path) -> Result<(), StoreError> {
    let base = base::path(&dir.join(super::BACKUP_DIR));
    let built = Some(base.as_path()).filter(|b| base::is_built(b));
    journal::recover(dir, is_own_document, built).map_err(StoreError::io(
        "finish the save left unfinished in",
        &dir.join(journal::JOURNAL_FILE),
    ))?;
    for folder in ["cohorts", "people"] {
        fsio::remove_temp_files(&dir.join(layout::DOCS_DIR).join(folder));
        // A link into the base that a crash left under its temporary name.
        if built.is_some() {
            fsio::remove_temp_files(&base.join(layout::DOCS_DIR).join(folder));
        }
    }
    if built.is_some() {
        fsio::remove_temp_files(&base);
    }
    Ok(())
}

/// Documents a reader without the lock reads instead of those in place.
pub(super) fn pending(dir: &Path) -> HashMap<String, Option<PathBuf>> {
    journal::pending(dir, is_own_document).unwrap_or_default()
}
