//! The store on the split layout: loading the documents an index names, saving only those that
//! changed through the journal, and converting a one-file directory.

use super::error::{SaveStep, StoreError};
use super::journal::{self, Change, CommitError, Fault, Written};
use super::layout::{self, Documents};
use super::parse::Unreadable;
use super::reading::read_tree;
use super::seen::{self, Fingerprint, Seen};
use super::{DATA_FILE, ReadOnlyReason, Restored, SaveReport, Store, backup, fsio, sets};
use crate::domain::{Cohort, Data, Person, SCHEMA_VERSION, Shared};
use crate::schema::DocumentKind;
use std::collections::{HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};

/// What the store knows of a split directory.
#[derive(Debug)]
pub(super) struct Tree {
    /// The data as last loaded or saved. Its records are shared with the app's versions, so a
    /// cohort or a person that is the very same record has not changed since.
    last: Data,
    /// Each document (by its path relative to the data directory) as last read or written.
    docs: HashMap<String, Seen>,
}

/// Whether `path` (relative to the data directory) may be named by a journal.
pub(super) fn is_own_document(path: &str) -> bool {
    path == DATA_FILE || layout::is_document_path(path)
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
            .map(|name| {
                let kind = if name == DATA_FILE {
                    DocumentKind::Index
                } else if name.starts_with(&format!("{}/people/", layout::DOCS_DIR)) {
                    DocumentKind::People
                } else {
                    DocumentKind::Cohort
                };
                (name.clone(), Some(kind))
            })
            .collect()
    }

    /// Whether a document read by the last load of a split directory is no longer the one in
    /// place, or a save is under way: a save ran during the reading.
    pub(super) fn tree_moved(&self) -> bool {
        let Some(tree) = &self.tree else {
            return false;
        };
        self.dir.join(journal::JOURNAL_FILE).exists()
            || tree.docs.iter().any(|(file, seen)| {
                seen::fingerprint(&self.dir.join(file))
                    .ok()
                    .flatten()
                    .is_none_or(|now| now != seen.meta)
            })
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
        let (data, mut docs) =
            read_tree(&self.dir, bytes, pending).map_err(|failure| match *failure {
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
        self.tree = Some(Tree {
            last: data.clone(),
            docs,
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
        let (line, column, reason) = match unreadable {
            Unreadable::Damaged {
                line,
                column,
                reason,
            } => (line, column, reason),
            too_new @ Unreadable::TooNew { .. } => (0, 0, too_new.to_string()),
        };
        self.set_file_state(Some(ReadOnlyReason::Damaged));
        let quarantine = if self.writable() {
            super::quarantine(&self.dir, bytes).ok()
        } else {
            None
        };
        StoreError::Damaged {
            path,
            line,
            column,
            reason,
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
        self.tree = Some(Tree {
            last: Data::default(),
            docs: HashMap::new(),
        });
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

    /// [`Store::save_tree`], keeping the documents as they were in a backup set when `backup`.
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
        // A save that failed after its journal is finished first.
        journal::recover(&self.dir, is_own_document)
            .map_err(StoreError::save(SaveStep::Replace, &path))?;
        if !check_changes {
            self.forget_changed_documents()?;
        }
        let Some(tree) = self.tree.as_ref() else {
            return Err(StoreError::save(SaveStep::WriteTemp, &path)(
                io::Error::other("the directory is not in the split layout"),
            ));
        };
        let docs = layout::split(data);
        let changes = changes(tree, data, &docs).map_err(StoreError::Serialize)?;
        if check_changes {
            self.check_documents(&changes)?;
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
        let kept = if backup { self.keep_set(now)? } else { None };
        let written = journal::commit(&self.dir, &changes, fault).map_err(|e| match e {
            CommitError::Before { path, error } => {
                StoreError::save(SaveStep::WriteTemp, &path)(error)
            }
            CommitError::After { path, error } => StoreError::save(SaveStep::Replace, &path)(error),
            CommitError::Stopped => {
                StoreError::save(SaveStep::Replace, &path)(io::Error::other("stopped by a test"))
            }
        })?;
        let mut report = self.after_commit(data, &changes, written);
        report.backup = kept;
        match backup::rotate(&self.backups_dir(), now) {
            Ok(removed) => report.pruned = removed,
            Err(e) => report
                .warnings
                .push(format!("could not remove old backups: {e}")),
        }
        Ok(report)
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

    /// Keeps the documents as they are now in a backup set; `None` when there are none yet.
    fn keep_set(&self, now: chrono::DateTime<chrono::Utc>) -> Result<Option<PathBuf>, StoreError> {
        let Some(tree) = self.tree.as_ref().filter(|t| !t.docs.is_empty()) else {
            return Ok(None);
        };
        let files: Vec<&str> = tree.docs.keys().map(String::as_str).collect();
        let backups = self.backups_dir();
        sets::take(&self.dir, &files, &backups, now)
            .map(Some)
            .map_err(|e| {
                if fsio::is_link_error(&e) {
                    StoreError::Link { path: backups }
                } else {
                    StoreError::save(SaveStep::Backup, &self.data_path)(e)
                }
            })
    }

    /// Puts the data of a backup back: the documents as they are now are first kept as a set
    /// (or the one file, in a directory not yet split), then the backup's are written by one
    /// journal. Lifts the refusal to save that damage or a newer file caused.
    pub(super) fn put_back(&mut self, data: Data) -> Result<Restored, StoreError> {
        let now = crate::domain::clock::now();
        let previous = if self.tree.is_some() {
            self.keep_set(now)?
        } else {
            // A link in the file's place would be kept as the "previous version" instead of it.
            seen::fingerprint(&self.data_path)?;
            backup::take(&self.data_path, &self.backups_dir(), now).map_err(StoreError::io(
                "keep the current file before restoring over",
                &self.data_path,
            ))?
        };
        if self.tree.is_none() {
            self.tree = Some(Tree {
                last: Data::default(),
                docs: HashMap::new(),
            });
        }
        self.set_file_state(None);
        self.save_tree_with(&data, false, false, &mut journal::no_fault)?;
        Ok(Restored { data, previous })
    }

    /// Refuses a save when a document it writes or removes was changed by another program since
    /// it was read, or any other document was replaced (its metadata tells).
    pub(super) fn check_documents(&self, changes: &[Change]) -> Result<(), StoreError> {
        let Some(tree) = &self.tree else {
            return Ok(());
        };
        let touched: HashSet<&str> = changes
            .iter()
            .map(|c| match c {
                Change::Write { path, .. } | Change::Remove { path } => path.as_str(),
            })
            .collect();
        for (file, seen) in &tree.docs {
            let path = self.dir.join(file);
            let differs = if touched.contains(file.as_str()) {
                seen::changed(&path, Some(seen))?
            } else {
                seen::fingerprint(&path)? != Some(seen.meta)
            };
            if differs {
                return Err(StoreError::ChangedOnDisk { path });
            }
        }
        // A document that appeared where this save writes one was not there when read.
        for file in &touched {
            if !tree.docs.contains_key(*file) && seen::fingerprint(&self.dir.join(file))?.is_some()
            {
                return Err(StoreError::ChangedOnDisk {
                    path: self.dir.join(file),
                });
            }
        }
        Ok(())
    }

    fn after_commit(
        &mut self,
        data: &Data,
        changes: &[Change],
        written: Vec<Written>,
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

/// The documents of `docs` that differ from what `tree` last wrote, and those to remove. A
/// record that is the very same as the last one written is not even serialised.
fn changes(
    tree: &Tree,
    data: &Data,
    docs: &Documents<'_>,
) -> Result<Vec<Change>, serde_json::Error> {
    let same_hash = |file: &str, bytes: &[u8]| {
        tree.docs
            .get(file)
            .and_then(|s| s.hash)
            .is_some_and(|h| h == seen::hash(bytes))
    };
    let mut changes = Vec::new();
    let mut keep: HashSet<&str> = HashSet::new();
    keep.insert(DATA_FILE);
    let last_cohorts: HashMap<String, &Shared<Cohort>> =
        layout::split_cohorts(&tree.last).into_iter().collect();
    for (file, cohort) in &docs.cohorts {
        keep.insert(file);
        let unchanged = tree
            .docs
            .get(file.as_str())
            .is_some_and(|s| s.hash.is_some())
            && last_cohorts
                .get(file.as_str())
                .is_some_and(|last| Shared::same(last, cohort));
        if unchanged {
            continue;
        }
        let bytes = layout::pretty(&***cohort)?;
        if !same_hash(file, &bytes) {
            changes.push(Change::Write {
                path: file.clone(),
                bytes,
            });
        }
    }
    let last_people = layout::split_people(&tree.last);
    for (file, people) in &docs.people {
        keep.insert(file);
        let unchanged = tree
            .docs
            .get(file.as_str())
            .is_some_and(|s| s.hash.is_some())
            && last_people.get(file).is_some_and(|last| {
                last.len() == people.len()
                    && last.iter().zip(people).all(|(a, b)| Shared::same(a, b))
            });
        if unchanged {
            continue;
        }
        let list: Vec<&Person> = people.iter().map(|p| &***p).collect();
        let bytes = layout::pretty(&list)?;
        if !same_hash(file, &bytes) {
            changes.push(Change::Write {
                path: file.clone(),
                bytes,
            });
        }
    }
    for file in tree.docs.keys() {
        if !keep.contains(file.as_str()) {
            changes.push(Change::Remove { path: file.clone() });
        }
    }
    // The index last: it names the files above.
    let index = layout::index_json(data, docs)?;
    if !same_hash(DATA_FILE, &index) {
        changes.push(Change::Write {
            path: DATA_FILE.to_owned(),
            bytes: index,
        });
    }
    Ok(changes)
}

/// Finishes a save a crash interrupted, then removes the leftovers of saves that never reached
/// their journal: only under the lock.
pub(super) fn recover(dir: &Path) -> Result<(), StoreError> {
    journal::recover(dir, is_own_document).map_err(StoreError::io(
        "finish the save left unfinished in",
        &dir.join(journal::JOURNAL_FILE),
    ))?;
    for folder in ["cohorts", "people"] {
        fsio::remove_temp_files(&dir.join(layout::DOCS_DIR).join(folder));
    }
    Ok(())
}

/// Documents a reader without the lock reads instead of those in place.
pub(super) fn pending(dir: &Path) -> HashMap<String, Option<PathBuf>> {
    journal::pending(dir, is_own_document).unwrap_or_default()
}
