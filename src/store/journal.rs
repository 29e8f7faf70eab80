//! Writing several documents as one save: all of them or none, whatever moment a crash picks.
//!
//! Each new document is written to a temporary file beside its place. Then the journal,
//! `cercle.journal.json`, lists what the save does (this temporary file goes to that path, with
//! this hash; that file goes away) and is written to a temporary file. All of them, their
//! folders and those of the save's backup set are synced (written first and synced after, the
//! first sync carries most of it to the disk in one commit of the file system), and the journal
//! is renamed into place: that rename is the moment the save happens. Then each temporary file is
//! renamed over its document, the folders are synced, and the journal is removed.
//!
//! When the base of the backup sets is whole ([`super::base`]), each new document is linked into
//! it too (and each removed one removed) before the journal goes, so the base is in step after
//! a crash as well.
//!
//! A crash before the journal's rename leaves the documents as they were (the temporary files
//! are leftovers, removed at the next open). A crash after it leaves a journal, which the next
//! open (under the lock) carries out to the end before reading anything: the documents are then
//! those of the new save. A reader without the lock reads through the journal instead.

use super::fsio::{self, TempFile};
use super::seen::{self, Fingerprint};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The journal's file name in the data directory.
pub const JOURNAL_FILE: &str = "cercle.journal.json";
/// The format of the journal itself.
const JOURNAL_VERSION: u32 = 1;

/// One document to write or to remove, by its path relative to the data directory.
#[derive(Debug, Clone)]
pub(crate) enum Change {
    /// The document's new bytes.
    Write { path: String, bytes: Vec<u8> },
    /// The document is no longer part of the data.
    Remove { path: String },
}

/// A document the save put in place.
#[derive(Debug, Clone)]
pub(crate) struct Written {
    /// Its path, relative to the data directory.
    pub(crate) path: String,
    /// Its metadata once in place.
    pub(crate) meta: Fingerprint,
    /// The hash of its bytes.
    pub(crate) hash: u128,
    /// Its size.
    pub(crate) bytes: u64,
}

/// Why a save of several documents did not finish.
#[derive(Debug)]
pub(crate) enum CommitError {
    /// It failed before the journal was in place: nothing changed.
    Before { path: PathBuf, error: io::Error },
    /// It failed after: the save happened, and is finished at the next open or save.
    After { path: PathBuf, error: io::Error },
    /// A test stopped it there, as a crash would: every file is left as it was at that moment.
    Stopped,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Journal {
    journal: u32,
    steps: Vec<Step>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "do", rename_all = "snake_case", deny_unknown_fields)]
enum Step {
    Replace {
        path: String,
        temp: String,
        hash: String,
    },
    Remove {
        path: String,
    },
}

impl Step {
    fn path(&self) -> &str {
        match self {
            Self::Replace { path, .. } | Self::Remove { path } => path,
        }
    }
}

/// Where a test may stop a save, as if the machine stopped there: called with the name of the
/// step just done; `true` stops.
pub(crate) type Fault<'a> = &'a mut dyn FnMut(&'static str) -> bool;

/// Never stops: what every real save passes.
pub(crate) fn no_fault(_: &'static str) -> bool {
    false
}

/// Writes `changes` (paths relative to `dir`) in `dir` as one save (see the module's notes),
/// linking each new document into `base` as well (the base of the backup sets) when given.
/// `durable` are folders written just before (a backup set's) that must be on the disk before
/// the save happens: they are synced with the save's own.
pub(crate) fn commit(
    dir: &Path,
    changes: &[Change],
    base: Option<&Path>,
    durable: &[PathBuf],
    fault: Fault<'_>,
) -> Result<Vec<Written>, CommitError> {
    let before = |path: &Path| {
        let path = path.to_path_buf();
        move |error| CommitError::Before { path, error }
    };
    let mut temps: Vec<(String, TempFile, u128, u64)> = Vec::new();
    let mut folders = BTreeSet::new();
    let mut steps = Vec::new();
    // Everything is written first and synced after, file by file: the first sync puts it all
    // on the disk at once, and the others find nothing left to do.
    for change in changes {
        match change {
            Change::Write { path, bytes } => {
                let dest = dir.join(path);
                let (Some(parent), Some(name)) = (dest.parent(), dest.file_name()) else {
                    return Err(before(&dest)(io::Error::from(io::ErrorKind::InvalidInput)));
                };
                create_folders(dir, parent, &mut folders).map_err(before(parent))?;
                // Named `.cercle-…`, so that a leftover is known as one of the store's.
                let mut temp =
                    TempFile::create(parent, &format!("cercle-{}", name.to_string_lossy()))
                        .map_err(before(&dest))?;
                io::Write::write_all(temp.file_mut(), bytes).map_err(before(&dest))?;
                let hash = seen::hash(bytes);
                let relative = relative(dir, temp.path());
                steps.push(Step::Replace {
                    path: path.clone(),
                    temp: relative,
                    hash: format!("{hash:032x}"),
                });
                folders.insert(parent.to_path_buf());
                temps.push((path.clone(), temp, hash, bytes.len() as u64));
                if fault("temporary file written") {
                    return Err(stop(temps, None));
                }
            }
            Change::Remove { path } => steps.push(Step::Remove { path: path.clone() }),
        }
    }
    let journal = Journal {
        journal: JOURNAL_VERSION,
        steps,
    };
    let journal_path = dir.join(JOURNAL_FILE);
    let bytes = serde_json::to_vec_pretty(&journal)
        .map_err(|e| before(&journal_path)(io::Error::other(e)))?;
    let mut written = TempFile::create(dir, JOURNAL_FILE)
        .and_then(|mut t| io::Write::write_all(t.file_mut(), &bytes).map(|()| t))
        .map_err(before(&journal_path))?;
    // The new documents, the journal naming them and the folders holding them are on the disk
    // before the journal takes its name.
    for (path, temp, _, _) in &temps {
        temp.file().sync_all().map_err(before(&dir.join(path)))?;
    }
    written.file().sync_all().map_err(before(&journal_path))?;
    for folder in folders.iter().chain(durable) {
        fsio::sync_dir(folder).map_err(before(folder))?;
    }
    if fault("journal written") {
        return Err(stop(temps, Some(written)));
    }
    written
        .persist(&journal_path)
        .map_err(before(&journal_path))?;
    // From here on the save has happened: a failure leaves the journal, which the next open
    // or save carries out.
    let after = |path: &Path| {
        let path = path.to_path_buf();
        move |error| CommitError::After { path, error }
    };
    fsio::sync_dir(dir).map_err(after(dir))?;
    if fault("journal in place") {
        return Err(stop(temps, None));
    }
    // The journal names the temporary files: whatever happens now, they must stay.
    for (_, temp, _, _) in &mut temps {
        temp.keep();
    }
    let mut done = Vec::new();
    for (path, mut temp, hash, bytes) in temps {
        let dest = dir.join(&path);
        temp.persist(&dest).map_err(after(&dest))?;
        let meta = temp.file().metadata().map_err(after(&dest))?;
        done.push(Written {
            path,
            meta: Fingerprint::from(&meta),
            hash,
            bytes,
        });
        if fault("document replaced") {
            return Err(CommitError::Stopped);
        }
    }
    finish(dir, &journal.steps, base, &mut folders, fault).map_err(
        |(path, error)| match error {
            Some(error) => CommitError::After { path, error },
            None => CommitError::Stopped,
        },
    )?;
    Ok(done)
}

/// Leaves every temporary file where it is, as a crash would.
fn stop(temps: Vec<(String, TempFile, u128, u64)>, journal: Option<TempFile>) -> CommitError {
    for (_, temp, _, _) in temps {
        std::mem::forget(temp);
    }
    std::mem::forget(journal);
    CommitError::Stopped
}

/// Removes what the steps remove, brings `base` in step, syncs the folders touched and removes
/// the journal.
fn finish(
    dir: &Path,
    steps: &[Step],
    base: Option<&Path>,
    folders: &mut BTreeSet<PathBuf>,
    fault: Fault<'_>,
) -> Result<(), (PathBuf, Option<io::Error>)> {
    for step in steps {
        if let Step::Remove { path } = step {
            let target = dir.join(path);
            match fs::remove_file(&target) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err((target, Some(e))),
                _ => {}
            }
            if let Some(parent) = target.parent() {
                folders.insert(parent.to_path_buf());
            }
            if fault("document removed") {
                return Err((target, None));
            }
        }
    }
    // Before the journal goes: a crash until then does this again at the next open. The index
    // is the last step, so the base is never ahead of its documents.
    if let Some(base) = base {
        for step in steps {
            let folder = match step {
                Step::Replace { path, .. } => super::base::put(dir, base, path),
                Step::Remove { path } => super::base::remove(base, path),
            };
            folders.insert(folder.map_err(|e| (base.join(step.path()), Some(e)))?);
        }
        if fault("base updated") {
            return Err((base.to_path_buf(), None));
        }
    }
    for folder in folders.iter() {
        fsio::sync_dir(folder).map_err(|e| (folder.clone(), Some(e)))?;
    }
    let journal = dir.join(JOURNAL_FILE);
    fs::remove_file(&journal).map_err(|e| (journal.clone(), Some(e)))?;
    fsio::sync_dir(dir).map_err(|e| (dir.to_path_buf(), Some(e)))
}

/// Creates the folders between `dir` and `folder` (0700), refusing a link in the way; the
/// folders that hold a new one are remembered to be synced.
fn create_folders(dir: &Path, folder: &Path, sync: &mut BTreeSet<PathBuf>) -> io::Result<()> {
    let Ok(inside) = folder.strip_prefix(dir) else {
        return Err(io::Error::from(io::ErrorKind::InvalidInput));
    };
    let mut at = dir.to_path_buf();
    for part in inside.components() {
        let parent = at.clone();
        at.push(part);
        if !at.is_dir() || fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
            fsio::create_own_dir(&at)?;
            sync.insert(parent);
        }
    }
    Ok(())
}

fn relative(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

/// Carries out a journal a save left behind (a crash after its rename), so that the documents
/// (and `base`, when given) are those of that save; `Ok(false)` when there is none. Only under
/// the lock.
pub(crate) fn recover(
    dir: &Path,
    is_own: fn(&str) -> bool,
    base: Option<&Path>,
) -> io::Result<bool> {
    let Some(journal) = read(dir, is_own)? else {
        return Ok(false);
    };
    let mut folders = BTreeSet::new();
    for step in &journal.steps {
        if let Step::Replace { path, temp, hash } = step {
            let dest = dir.join(path);
            match fs::rename(dir.join(temp), &dest) {
                Ok(()) => {}
                // Renamed before the crash: the document must then be the one the journal says.
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    let found = fs::read(&dest).map(|b| format!("{:032x}", seen::hash(&b)));
                    if found.as_ref().ok() != Some(hash) {
                        return Err(io::Error::new(
                            io::ErrorKind::InvalidData,
                            format!(
                                "{JOURNAL_FILE} says {path} was replaced, but neither its new \
                                 version nor the file it names is there"
                            ),
                        ));
                    }
                }
                Err(e) => return Err(e),
            }
            if let Some(parent) = dest.parent() {
                folders.insert(parent.to_path_buf());
            }
        }
    }
    finish(dir, &journal.steps, base, &mut folders, &mut no_fault).map_err(|(path, e)| {
        e.unwrap_or_else(|| io::Error::other(format!("stopped at {}", path.display())))
    })?;
    Ok(true)
}

fn read(dir: &Path, is_own: fn(&str) -> bool) -> io::Result<Option<Journal>> {
    let path = dir.join(JOURNAL_FILE);
    let bytes = match fsio::open_own(&path, fs::OpenOptions::new().read(true)) {
        Ok(mut file) => {
            let mut bytes = Vec::new();
            io::Read::read_to_end(&mut file, &mut bytes)?;
            bytes
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let journal: Journal = serde_json::from_slice(&bytes)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("{JOURNAL_FILE}: {e}")))?;
    // Every path must be a document of Cercle's, and every temporary file beside its document:
    // a journal must not move or remove anything else.
    let sound = journal.journal == JOURNAL_VERSION
        && journal.steps.iter().all(|step| match step {
            Step::Remove { path } => is_own(path),
            Step::Replace { path, temp, .. } => {
                let (folder, name) = temp.rsplit_once('/').unwrap_or(("", temp));
                let home = path.rsplit_once('/').map_or("", |(f, _)| f);
                is_own(path) && folder == home && fsio::is_temp_name(name) && !name.contains('\\')
            }
        });
    if !sound {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{JOURNAL_FILE} names files that are not Cercle's documents"),
        ));
    }
    Ok(Some(journal))
}

/// What a reader without the lock must read instead of each document while a save is being
/// carried out: the new version (`Some(temp)`) or nothing (`None`, removed). Empty when no
/// save is in flight.
pub(crate) fn pending(
    dir: &Path,
    is_own: fn(&str) -> bool,
) -> io::Result<HashMap<String, Option<PathBuf>>> {
    let Some(journal) = read(dir, is_own)? else {
        return Ok(HashMap::new());
    };
    Ok(journal
        .steps
        .into_iter()
        .map(|step| match step {
            Step::Replace { path, temp, .. } => {
                let temp = dir.join(temp);
                // Already renamed: the document in place is the new one.
                let read = if temp.exists() { temp } else { dir.join(&path) };
                (path, Some(read))
            }
            Step::Remove { path } => (path, None),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn own(path: &str) -> bool {
        path == "cercle.json" || super::super::layout::is_document_path(path)
    }

    /// Every file under `dir` but the lock and leftovers, with its bytes.
    fn state(dir: &Path) -> BTreeMap<String, Vec<u8>> {
        let mut out = BTreeMap::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(folder) = stack.pop() {
            for entry in fs::read_dir(&folder).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    out.insert(relative(dir, &path), fs::read(&path).unwrap());
                }
            }
        }
        out
    }

    fn write(path: &str, bytes: &str) -> Change {
        Change::Write {
            path: path.into(),
            bytes: bytes.as_bytes().to_vec(),
        }
    }

    fn documents(state: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<u8>> {
        state
            .iter()
            .filter(|(p, _)| own(p))
            .map(|(p, b)| (p.clone(), b.clone()))
            .collect()
    }

    #[test]
    fn a_save_stopped_at_any_step_leaves_before_or_after() {
        let first = [
            write("cercle.json", "index 1"),
            write("cercle/cohorts/a.json", "a 1"),
            write("cercle/cohorts/b.json", "b 1"),
            write("cercle/people/00.json", "p 1"),
        ];
        let second = [
            write("cercle.json", "index 2"),
            write("cercle/cohorts/a.json", "a 2"),
            write("cercle/cohorts/c.json", "c 2"),
            Change::Remove {
                path: "cercle/cohorts/b.json".into(),
            },
        ];
        let tmp = tempfile::tempdir().unwrap();
        let base = tmp.path().join("base");
        fs::create_dir(&base).unwrap();
        commit(&base, &first, None, &[], &mut no_fault).unwrap();
        let before = state(&base);
        let after = {
            let dir = tmp.path().join("after");
            fs::create_dir(&dir).unwrap();
            commit(&dir, &first, None, &[], &mut no_fault).unwrap();
            commit(&dir, &second, None, &[], &mut no_fault).unwrap();
            state(&dir)
        };
        assert_ne!(before, after);
        assert!(!after.contains_key("cercle/cohorts/b.json"));
        let (mut befores, mut afters) = (0, 0);
        for stop_at in 0.. {
            let dir = tmp.path().join(format!("run-{stop_at}"));
            fs::create_dir(&dir).unwrap();
            commit(&dir, &first, None, &[], &mut no_fault).unwrap();
            let mut steps = 0;
            let result = commit(&dir, &second, None, &[], &mut |_| {
                steps += 1;
                steps > stop_at
            });
            let stopped = matches!(result, Err(CommitError::Stopped));
            // What a reader without the lock sees, before the next open finishes the save.
            let pending = pending(&dir, own).unwrap();
            let seen: BTreeMap<String, Vec<u8>> = documents(&state(&dir))
                .into_keys()
                .chain(pending.keys().cloned())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .filter_map(|p| match pending.get(&p) {
                    Some(Some(read)) => Some((p, fs::read(read).unwrap())),
                    Some(None) => None,
                    None => Some((p.clone(), fs::read(dir.join(&p)).unwrap())),
                })
                .collect();
            // The next open: the journal is carried out, the leftovers removed.
            recover(&dir, own, None).unwrap();
            for folder in ["", "cercle/cohorts", "cercle/people"] {
                fsio::remove_temp_files(&dir.join(folder));
            }
            let now = state(&dir);
            assert_eq!(seen, documents(&now), "stopped after {stop_at} steps");
            if now == before {
                befores += 1;
            } else {
                assert_eq!(now, after, "stopped after {stop_at} steps");
                afters += 1;
            }
            if !stopped {
                break;
            }
        }
        // Stopped after each temporary file, before and after the journal's rename, after each
        // replacement and the removal: both outcomes were reached.
        assert!(
            befores >= 3 && afters >= 4,
            "{befores} before, {afters} after"
        );
    }

    #[test]
    fn a_journal_naming_other_files_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        for journal in [
            r#"{"journal":1,"steps":[{"do":"remove","path":"../elsewhere"}]}"#,
            r#"{"journal":1,"steps":[{"do":"replace","path":"cercle.json","temp":"/etc/passwd","hash":"0"}]}"#,
            r#"{"journal":1,"steps":[{"do":"replace","path":"cercle/cohorts/a.json","temp":".cercle.json.tmp-1-1","hash":"0"}]}"#,
            r#"{"journal":9,"steps":[]}"#,
            "not json",
        ] {
            fs::write(tmp.path().join(JOURNAL_FILE), journal).unwrap();
            let error = recover(tmp.path(), own, None).unwrap_err();
            assert_eq!(error.kind(), io::ErrorKind::InvalidData, "{journal}");
        }
    }
}
