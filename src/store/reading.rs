//! Reading the documents of the split layout, from the data directory or from a backup set.

use super::error::StoreError;
use super::layout;
use super::parse::Unreadable;
use super::seen::{self, Fingerprint, Seen};
use super::{DATA_FILE, fsio};
use crate::domain::Data;
use std::collections::HashMap;
use std::fs::OpenOptions;
use std::io;
use std::path::{Path, PathBuf};

/// One document read and parsed, with what was seen of it; or why not, with its path (the bytes
/// of a damaged one, to set aside).
type Read<T> = Result<(T, Seen), Failure>;

/// Why a document could not be read: its path, and the error, or its bytes and what is wrong
/// with them (to set them aside).
pub(super) type Failure = Box<(String, Result<(Vec<u8>, Unreadable), StoreError>)>;

/// The data of a split directory as read: the data, what was seen of each document, and the
/// documents its schema may still reject (when read for `check`).
pub(super) type Tree = (Data, HashMap<String, Seen>, Vec<String>);

/// Reads the data of the split layout under `root` (a data directory, or a backup set) from its
/// index `bytes`, reading the documents a journal names instead of those in place; with what
/// was seen of each document. With `screen`, also says which documents the schema's validator
/// must read (every other one the records prove sound; the index is not screened).
pub(super) fn read_tree(
    root: &Path,
    bytes: &[u8],
    pending: &HashMap<String, Option<PathBuf>>,
    screen: bool,
) -> Result<Tree, Failure> {
    let damaged =
        |reason: Unreadable| Box::new((DATA_FILE.to_owned(), Ok((bytes.to_vec(), reason))));
    let index = layout::read_index(bytes).map_err(damaged)?;
    let mut docs = HashMap::new();
    let mut doubtful = Vec::new();
    let cohort_files: Vec<&str> = index.cohorts.iter().map(|c| c.file.as_str()).collect();
    let people_files: Vec<&str> = index.people_files.iter().map(String::as_str).collect();
    let read = |_: &str, b: &[u8], _| layout::read_document(b, screen);
    let cohorts = read_all(root, &cohort_files, pending, &mut docs, &mut doubtful, read)?;
    let read = |_: &str, b: &[u8], _| layout::read_document(b, screen);
    let shards = read_all(root, &people_files, pending, &mut docs, &mut doubtful, read)?;
    let data = layout::join(index, cohorts, shards).map_err(|reason| {
        damaged(Unreadable::Damaged {
            line: 0,
            column: 0,
            reason,
        })
    })?;
    Ok((data, docs, doubtful))
}

/// Reads and parses `files` on the machine's cores, in their order; `parse` gets each file's
/// path, bytes and hash, and says too whether a document is doubtful (added to `doubtful`).
pub(super) fn read_all<T: Send>(
    root: &Path,
    files: &[&str],
    pending: &HashMap<String, Option<PathBuf>>,
    docs: &mut HashMap<String, Seen>,
    doubtful: &mut Vec<String>,
    parse: impl Fn(&str, &[u8], u128) -> Result<(T, bool), Unreadable> + Sync,
) -> Result<Vec<T>, Failure> {
    let parse = &parse;
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let chunk = files.len().div_ceil(threads).max(1);
    // Each thread reads into one buffer, kept from one document to the next: a fresh one per
    // document is fresh memory the kernel hands over page by page, a thousand times.
    let read_one = |file: &str, bytes: &mut Vec<u8>| -> Read<(T, bool)> {
        let in_place = root.join(file);
        let read = match pending.get(file) {
            // Renamed in place since the journal was read: the document there is the new one.
            Some(Some(instead)) => {
                read_document(instead, bytes).or_else(|_| read_document(&in_place, bytes))
            }
            _ => read_document(&in_place, bytes),
        };
        let meta = read.map_err(|e| Box::new((file.to_owned(), Err(e))))?;
        let hash = seen::hash(bytes);
        let seen = Seen {
            meta,
            hash: Some(hash),
        };
        match parse(file, bytes, hash) {
            Ok(value) => Ok((value, seen)),
            Err(unreadable) => Err(Box::new((file.to_owned(), Ok((bytes.clone(), unreadable))))),
        }
    };
    let results: Vec<Read<(T, bool)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    let mut bytes = Vec::new();
                    part.iter()
                        .map(|f| read_one(f, &mut bytes))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    if results.len() != files.len() {
        return Err(Box::new((
            String::new(),
            Err(StoreError::io("read", root)(io::Error::other(
                "a reading thread stopped",
            ))),
        )));
    }
    let mut out = Vec::with_capacity(files.len());
    for (file, result) in files.iter().zip(results) {
        let ((value, doubted), seen) = result?;
        docs.insert((*file).to_owned(), seen);
        if doubted {
            doubtful.push((*file).to_owned());
        }
        out.push(value);
    }
    Ok(out)
}

/// Whether a save began or ran since the documents `docs` (by their paths under `root`) were
/// read: a journal is there, or one of them is no longer the file that was read.
pub(super) fn moved(root: &Path, docs: &HashMap<String, Seen>) -> bool {
    root.join(super::JOURNAL_FILE).exists()
        || docs.iter().any(|(file, seen)| {
            seen::fingerprint(&root.join(file))
                .ok()
                .flatten()
                .is_none_or(|now| now != seen.meta)
        })
}

/// Reads one document into `bytes` (emptied first) without following a link in its place.
pub(super) fn read_document(path: &Path, bytes: &mut Vec<u8>) -> Result<Fingerprint, StoreError> {
    bytes.clear();
    let mut file = fsio::open_own(path, OpenOptions::new().read(true))
        .map_err(StoreError::own("open", path))?;
    let meta = file.metadata().map_err(StoreError::io("inspect", path))?;
    bytes.reserve(usize::try_from(meta.len()).unwrap_or(0));
    io::Read::read_to_end(&mut file, bytes).map_err(StoreError::io("read", path))?;
    Ok(Fingerprint::from(&meta))
}
