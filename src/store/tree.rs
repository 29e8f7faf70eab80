//! The store on the split layout: loading the documents an index names, saving only those that
//! changed through the journal, and converting a one-file directory.

use super::error::{SaveStep, StoreError};
use super::journal::{self, Change, CommitError, Fault, Written};
use super::layout::{self, Documents};
use super::parse::Unreadable;
use super::seen::{self, Fingerprint, Seen};
use super::{DATA_FILE, ReadOnlyReason, SaveReport, Store, backup, fsio};
use crate::domain::{Cohort, Data, Person, SCHEMA_VERSION, Shared};
use std::collections::{HashMap, HashSet};
use std::fs::OpenOptions;
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

/// One document read and parsed, with what was seen of it; or why not, with its path (the bytes
/// of a damaged one, to set aside).
type Read<T> = Result<(T, Seen), Box<(String, Result<(Vec<u8>, Unreadable), StoreError>)>>;

/// Whether `path` (relative to the data directory) may be named by a journal.
pub(super) fn is_own_document(path: &str) -> bool {
    path == DATA_FILE || layout::is_document_path(path)
}

impl Store {
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
        let index =
            layout::read_index(bytes).map_err(|u| self.damaged_document(DATA_FILE, bytes, u))?;
        let mut docs = HashMap::new();
        docs.insert(
            DATA_FILE.to_owned(),
            Seen {
                meta,
                hash: Some(seen::hash(bytes)),
            },
        );
        let cohort_files: Vec<&str> = index.cohorts.iter().map(|c| c.file.as_str()).collect();
        let cohorts = self.read_all(&cohort_files, pending, &mut docs, layout::read_cohort)?;
        let people_files: Vec<&str> = index.people_files.iter().map(String::as_str).collect();
        let shards = self.read_all(&people_files, pending, &mut docs, layout::read_people)?;
        let data = layout::join(index, cohorts, shards).map_err(|reason| {
            self.damaged_document(
                DATA_FILE,
                bytes,
                Unreadable::Damaged {
                    line: 0,
                    column: 0,
                    reason,
                },
            )
        })?;
        self.tree = Some(Tree {
            last: data.clone(),
            docs,
        });
        Ok(data)
    }

    /// Reads and parses `files` on the machine's cores, in their order.
    fn read_all<T: Send>(
        &mut self,
        files: &[&str],
        pending: &HashMap<String, Option<PathBuf>>,
        docs: &mut HashMap<String, Seen>,
        parse: fn(&[u8]) -> Result<T, Unreadable>,
    ) -> Result<Vec<T>, StoreError> {
        let dir = self.dir.clone();
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        let chunk = files.len().div_ceil(threads).max(1);
        let read_one = |file: &str| -> Read<T> {
            let path = match pending.get(file) {
                Some(Some(instead)) => instead.clone(),
                _ => dir.join(file),
            };
            let (bytes, meta) =
                read_document(&path).map_err(|e| Box::new((file.to_owned(), Err(e))))?;
            let seen = Seen {
                meta,
                hash: Some(seen::hash(&bytes)),
            };
            match parse(&bytes) {
                Ok(value) => Ok((value, seen)),
                Err(unreadable) => Err(Box::new((file.to_owned(), Ok((bytes, unreadable))))),
            }
        };
        let results: Vec<Read<T>> = std::thread::scope(|scope| {
            let handles: Vec<_> = files
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || part.iter().map(|f| read_one(f)).collect::<Vec<_>>())
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        });
        if results.len() != files.len() {
            return Err(StoreError::io("read", &self.dir)(io::Error::other(
                "a reading thread stopped",
            )));
        }
        let mut out = Vec::with_capacity(files.len());
        for (file, result) in files.iter().zip(results) {
            match result {
                Ok((value, seen)) => {
                    docs.insert((*file).to_owned(), seen);
                    out.push(value);
                }
                Err(failure) => {
                    return Err(match *failure {
                        (_, Err(error)) => error,
                        (name, Ok((bytes, unreadable))) => {
                            self.damaged_document(&name, &bytes, unreadable)
                        }
                    });
                }
            }
        }
        Ok(out)
    }

    /// A damaged document: saves are refused, and its bytes are set aside.
    fn damaged_document(&mut self, file: &str, bytes: &[u8], unreadable: Unreadable) -> StoreError {
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
            backup: None,
        }
    }

    /// Converts a one-file directory to the split layout with `data` (what was loaded from it):
    /// the file is first kept in `backups/` as it was, then every document is put in place by
    /// one journal, the index last taking the name `cercle.json`.
    pub fn migrate_to_split(&mut self, data: &Data) -> Result<SaveReport, StoreError> {
        if let Some(refusal) = self.refusal() {
            return Err(refusal);
        }
        let path = self.data_path.clone();
        if self.tree.is_none() {
            if seen::changed(&path, self.seen.as_ref())? {
                return Err(StoreError::ChangedOnDisk { path });
            }
            if path.exists() {
                let dir = self.backups_dir();
                let from = data.schema_version.min(SCHEMA_VERSION);
                backup::keep_file_before_upgrade(&path, &dir, from, crate::domain::clock::now())
                    .map_err(StoreError::save(SaveStep::Backup, &path))?;
            }
            self.tree = Some(Tree {
                last: Data::default(),
                docs: HashMap::new(),
            });
        }
        self.save_tree(data, false, &mut journal::no_fault)
    }

    /// Saves `data` in the split layout: the documents that changed, as one save.
    pub(super) fn save_tree(
        &mut self,
        data: &Data,
        check_changes: bool,
        fault: Fault<'_>,
    ) -> Result<SaveReport, StoreError> {
        if let Some(refusal) = self.refusal() {
            return Err(refusal);
        }
        let path = self.data_path.clone();
        // A save that failed after its journal is finished first.
        journal::recover(&self.dir, is_own_document)
            .map_err(StoreError::save(SaveStep::Replace, &path))?;
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
        let written = journal::commit(&self.dir, &changes, fault).map_err(|e| match e {
            CommitError::Before { path, error } => {
                StoreError::save(SaveStep::WriteTemp, &path)(error)
            }
            CommitError::After { path, error } => StoreError::save(SaveStep::Replace, &path)(error),
            CommitError::Stopped => {
                StoreError::save(SaveStep::Replace, &path)(io::Error::other("stopped by a test"))
            }
        })?;
        Ok(self.after_commit(data, &changes, written))
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
        let unchanged = tree.docs.contains_key(file.as_str())
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
        let unchanged = tree.docs.contains_key(file.as_str())
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

/// Reads one document without following a link in its place.
fn read_document(path: &Path) -> Result<(Vec<u8>, Fingerprint), StoreError> {
    let mut file = fsio::open_own(path, OpenOptions::new().read(true))
        .map_err(StoreError::own("open", path))?;
    let meta = file.metadata().map_err(StoreError::io("inspect", path))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    io::Read::read_to_end(&mut file, &mut bytes).map_err(StoreError::io("read", path))?;
    Ok((bytes, Fingerprint::from(&meta)))
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
