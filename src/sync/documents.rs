//! A sync on the split layout: it reads only the documents that changed on either side, never
//! the network. The merge driver merges each changed document on its own; what no single
//! document can do is done here once git is done: the conflicts found in a cohort or a people
//! shard are added to the index, and a conflict settled differently on two laptops is asked again.

use super::driver::{Found, once_each};
use super::settled::{ask, waiting};
use super::{Git, SyncError};
use crate::domain::Data;
use crate::domain::conflict::Conflict;
use crate::share::{add_conflicts, value_at};
use crate::store::{self, DATA_FILE};
use chrono::{DateTime, Utc};
use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;

/// Whether `path` is one of the files a sync shares: the data file (or index), a document of
/// the split layout, or the sync's own settings.
pub(super) fn is_shared(path: &str) -> bool {
    [".gitattributes", ".gitignore"].contains(&path) || store::document_kind(path).is_some()
}

/// Whether the data directory holds the split layout.
pub(super) fn is_split(git: &Git) -> bool {
    store::is_split_dir(git.dir())
}

/// Whether `rev`'s data file is an index of the split layout; `None` when it has no data file.
pub(super) fn split_at(git: &Git, rev: &str) -> Result<Option<bool>, SyncError> {
    Ok(read_at(git, Some(rev), DATA_FILE)?.map(|bytes| store::is_index(&bytes)))
}

/// Why this version cannot read `rev`'s data file, when a newer Cercle wrote it (of a version
/// past the split layout's); read only when the layouts seem to differ, as such a file does.
pub(super) fn newer_at(git: &Git, rev: &str) -> Result<Option<String>, SyncError> {
    let Some(bytes) = read_at(git, Some(rev), DATA_FILE)? else {
        return Ok(None);
    };
    Ok(match store::from_json(&bytes) {
        Err(too_new @ store::Unreadable::TooNew { found }) if found > store::SPLIT_VERSION => Some(
            format!("the other machine's version of {DATA_FILE}: {too_new}"),
        ),
        _ => None,
    })
}

/// The shared files that differ between `from` and `to` (`None`: what is staged).
pub(super) fn changed(git: &Git, from: &str, to: Option<&str>) -> Result<Vec<String>, SyncError> {
    let mut args = vec!["diff", "--no-renames", "--name-only", "-z"];
    match to {
        Some(to) => args.extend([from, to]),
        None => args.extend(["--cached", from]),
    }
    args.push("--");
    Ok(git
        .ok(&args)?
        .split('\0')
        .filter(|p| is_shared(p) && *p != ".gitattributes" && *p != ".gitignore")
        .map(str::to_owned)
        .collect())
}

/// The bytes of `path` at `rev` (`None`: in the data directory); `None` when it is not there.
pub(super) fn read_at(
    git: &Git,
    rev: Option<&str>,
    path: &str,
) -> Result<Option<Vec<u8>>, SyncError> {
    let Some(rev) = rev else {
        return match fs::read(git.dir().join(path)) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(SyncError::Io(format!("{path}: {e}"))),
        };
    };
    let out = git.run(&["cat-file", "blob", &format!("{rev}:{path}")])?;
    Ok(out.ok.then(|| out.stdout.into_bytes()))
}

/// The data at `rev` (`None`: in the data directory) as far as the documents `files` tell, with
/// the people shards of the trainers who signed in them (a commit message names them).
pub(super) fn partial(git: &Git, rev: Option<&str>, files: &[String]) -> Result<Data, String> {
    let fail = |e: SyncError| e.to_string();
    let index = read_at(git, rev, DATA_FILE)
        .map_err(fail)?
        .ok_or_else(|| format!("no {DATA_FILE}"))?;
    let mut wanted: BTreeSet<String> = files.iter().cloned().collect();
    let mut docs = Vec::new();
    for file in &wanted {
        if let Some(bytes) = read_at(git, rev, file).map_err(fail)? {
            docs.push((file.clone(), bytes));
        }
    }
    let first = store::partial_data(&index, &docs)?;
    let signers: BTreeSet<String> = first
        .cohorts
        .iter()
        .flat_map(|c| &c.seminars)
        .flat_map(|s| &s.half_days)
        .filter_map(|h| h.signature.as_ref())
        .map(|s| store::person_document(s.by.as_str()))
        .filter(|f| wanted.insert(f.clone()))
        .collect();
    if signers.is_empty() {
        return Ok(first);
    }
    for file in signers {
        if let Some(bytes) = read_at(git, rev, &file).map_err(fail)? {
            docs.push((file, bytes));
        }
    }
    store::partial_data(&index, &docs)
}

/// Before the first merge after both sides converted a directory kept as one file: when the
/// version they last had in common is that one file, writes its documents where the driver reads
/// each document's base, so that a document is merged against what it was rather than as added
/// on both sides (which would take one side's edits for the other's). Reads that one file once;
/// any other merge reads nothing here.
pub(super) fn convert_base(git: &Git, theirs: &str) -> Result<(), SyncError> {
    let folder = super::driver::base_dir(git.dir());
    let _ = fs::remove_dir_all(&folder);
    let out = git.run(&["merge-base", "HEAD", theirs])?;
    let Some(base) = out.ok.then(|| out.stdout.trim().to_owned()) else {
        return Ok(());
    };
    let Some(bytes) = read_at(git, Some(&base), DATA_FILE)? else {
        return Ok(());
    };
    if store::is_index(&bytes) {
        return Ok(());
    }
    let fail = |e: String| SyncError::Merge(format!("{DATA_FILE} of {base}: {e}"));
    let data = store::from_json(&bytes).map_err(|e| fail(e.to_string()))?;
    for (path, bytes) in store::split_documents(&data).map_err(|e| fail(e.to_string()))? {
        store::write_private(&folder.join(&path), &bytes)
            .map_err(|e| SyncError::Io(format!("{}: {e}", folder.join(&path).display())))?;
    }
    Ok(())
}

/// Where the driver of this repository leaves what it found.
pub(super) fn found_dir(git: &Git) -> PathBuf {
    super::driver::found_dir(git.dir())
}

/// After git merged `theirs` into `HEAD` (not yet committed): adds to the merged index the
/// conflicts the driver found in other documents and those settled differently on each side,
/// and stages it. Reads the three indexes and the documents those conflicts are in, nothing else.
pub(super) fn after_merge(git: &Git, theirs: &str, now: DateTime<Utc>) -> Result<(), String> {
    let fail = |e: SyncError| e.to_string();
    let mut found = read_found(git)?;
    let base = git
        .run(&["merge-base", "HEAD", theirs])
        .map_err(|e| e.to_string())?;
    let base = base.ok.then(|| base.stdout.trim().to_owned());
    if let Some(base) = &base {
        found.extend(ask_again(git, base, theirs, now)?);
    }
    if found.is_empty() {
        return Ok(());
    }
    let index = read_at(git, None, DATA_FILE)
        .map_err(fail)?
        .ok_or_else(|| format!("no {DATA_FILE} after the merge"))?;
    let changed = store::change_index(&index, |data| {
        let mut all = std::mem::take(&mut data.conflicts);
        add_conflicts(&mut all, found);
        data.conflicts = once_each(all);
    })?;
    store::write_private(&git.dir().join(DATA_FILE), &changed)
        .map_err(|e| format!("{DATA_FILE}: {e}"))?;
    git.ok(&["add", "--", DATA_FILE])
        .map_err(|e| e.to_string())?;
    Ok(())
}

/// The conflicts the driver left, in the order of their documents' paths, so that every laptop
/// adds them in the same order.
fn read_found(git: &Git) -> Result<Vec<Conflict>, String> {
    let folder = found_dir(git);
    let Ok(entries) = fs::read_dir(&folder) else {
        return Ok(Vec::new());
    };
    let mut all: Vec<Found> = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let bytes =
            fs::read(entry.path()).map_err(|e| format!("{}: {e}", entry.path().display()))?;
        all.push(serde_json::from_slice(&bytes).map_err(|e| e.to_string())?);
    }
    let _ = fs::remove_dir_all(&folder);
    all.sort_by(|a, b| a.document.cmp(&b.document));
    Ok(all.into_iter().flat_map(|f| f.conflicts).collect())
}

/// The conflicts of the base that both sides settled, each its own way: asked again (see
/// [`super::settled`]), reading only the documents those fields are in.
fn ask_again(
    git: &Git,
    base: &str,
    theirs: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Conflict>, String> {
    let fail = |e: SyncError| e.to_string();
    let index_at = |rev: Option<&str>| -> Result<Option<Vec<u8>>, String> {
        read_at(git, rev, DATA_FILE).map_err(fail)
    };
    let Some(base_index) = index_at(Some(base))?.filter(|b| store::is_index(b)) else {
        return Ok(Vec::new());
    };
    let conflicts_at = |bytes: &[u8]| {
        store::document_data(crate::schema::DocumentKind::Index, bytes)
            .map(|d| d.conflicts)
            .unwrap_or_default()
    };
    let base_conflicts = conflicts_at(&base_index);
    if base_conflicts.is_empty() {
        return Ok(Vec::new());
    }
    let ours_index = index_at(Some("HEAD"))?.unwrap_or_default();
    let theirs_index = index_at(Some(theirs))?.unwrap_or_default();
    let merged_index = index_at(None)?.unwrap_or_default();
    let (ours_waiting, theirs_waiting) = (conflicts_at(&ours_index), conflicts_at(&theirs_index));
    let mut again = Vec::new();
    for settled in base_conflicts
        .iter()
        .filter(|c| !waiting(&ours_waiting, c) && !waiting(&theirs_waiting, c))
    {
        let Some(file) = store::document_of(&merged_index, &settled.path) else {
            continue;
        };
        let at = |rev: Option<&str>| -> Result<Data, String> {
            let index = index_at(rev)?.unwrap_or_default();
            let docs: Vec<(String, Vec<u8>)> = read_at(git, rev, &file)
                .map_err(fail)?
                .map(|bytes| (file.clone(), bytes))
                .into_iter()
                .collect();
            store::partial_data(&index, &docs)
        };
        let path = &settled.path.0;
        let values = [
            value_at(&at(Some("HEAD"))?, path),
            value_at(&at(Some(theirs))?, path),
        ];
        if values[0] == values[1] {
            continue;
        }
        let base_value = value_at(&at(Some(base))?, path);
        again.extend(ask(
            settled,
            values,
            value_at(&at(None)?, path).as_ref(),
            || base_value,
            now,
        ));
    }
    Ok(again)
}

/// git writes the files and folders it checks out with the umask's modes; the documents hold
/// personal data, so they stay 0600 in 0700 folders like the rest of the data directory.
pub(super) fn keep_private(git: &Git) -> Result<(), SyncError> {
    use std::os::unix::fs::PermissionsExt;
    let docs = git.dir().join(store::DOCS_DIR);
    for folder in [docs.clone(), docs.join("cohorts"), docs.join("people")] {
        super::repo::keep_private_dir(&folder);
    }
    for file in git
        .ok(&["ls-files", "-z", "--", store::DOCS_DIR])?
        .split('\0')
    {
        let path = git.dir().join(file);
        let loose = fs::symlink_metadata(&path)
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o077 != 0);
        if loose {
            super::repo::keep_private(&path);
        }
    }
    Ok(())
}
