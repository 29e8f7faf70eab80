//! The shelf: the figures of the finished cohorts, kept in `cercle-shelf.json` beside the data,
//! each with the hash of the document it was counted from.
//!
//! A look at the data ([`glimpse`], for `cercle summary`) reads the document of a finished
//! cohort only to hash it. When the hash is the one on the shelf, the figures are those of that
//! very document, so its records are not built; any other byte in the document and it is read
//! as before. A finished cohort's figures no longer depend on the day
//! ([`crate::domain::figures::last_day`]), so they stay exact.
//!
//! The shelf is a cache. It is never shared (the sync's `.gitignore` leaves it out), never
//! backed up, and rebuilt from the documents when it is missing, damaged, or was written by
//! another build of Cercle. Writing it needs no lock: it is replaced whole by a rename, and two
//! looks that write it at once both write what the documents say.

use super::layout::{self, CohortEntry};
use super::reading::read_all;
use super::seen;
use super::{DATA_FILE, JOURNAL_FILE, fsio};
use crate::domain::figures::{CohortFigures, last_day};
use crate::domain::{Cohort, Data};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::fs::OpenOptions;
use std::io::{self, Read, Write};
use std::path::Path;

/// The shelf's file in the data directory.
pub const SHELF_FILE: &str = "cercle-shelf.json";

/// Raised when this build counts a figure differently: every shelf written before is dropped.
const FIGURES_VERSION: u32 = 1;

/// The shelf as written.
#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Shelf {
    /// Which build counted the figures.
    build: String,
    /// Each finished cohort's figures, by the path of its document.
    cohorts: BTreeMap<String, Shelved>,
}

/// One finished cohort on the shelf.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Shelved {
    /// The xxh3-128 hash of the document, in hexadecimal.
    hash: String,
    /// The cohort's last day: the figures hold from the day after.
    last_day: NaiveDate,
    /// Its figures.
    figures: CohortFigures,
}

/// Which build counted the figures: another one may count them differently.
fn build() -> String {
    format!("{} {FIGURES_VERSION}", env!("CARGO_PKG_VERSION"))
}

/// What a look at a split directory found.
#[derive(Debug)]
pub struct Glimpse {
    /// The data, without the cohorts found on the shelf.
    pub data: Data,
    /// Every cohort in the index's order: read into `data`, or found on the shelf.
    pub cohorts: Vec<Glimpsed>,
}

/// One cohort of a [`Glimpse`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Glimpsed {
    /// Read: the cohort at this position in the glimpse's data.
    Read(usize),
    /// Finished, and its document the very one its figures were counted from.
    Shelved(CohortFigures),
}

/// A cohort's document as the look found it.
enum Found {
    Shelved(CohortFigures),
    Read(Box<Cohort>, Option<Shelved>),
}

/// Looks at the data of the split directory `dir` on `today`, leaving unread the finished
/// cohorts whose figures are on the shelf (except the current cohort, which is always read),
/// and puts on the shelf the finished cohorts it had to read.
///
/// `None` whenever a plain read must decide: not a split directory, a save in flight or one
/// that ran during the look, or a document that does not read (the full read then says why,
/// as it always did). The look takes no lock and changes no document.
pub fn glimpse(dir: &Path, today: NaiveDate) -> Option<Glimpse> {
    let journal = dir.join(JOURNAL_FILE);
    let index_path = dir.join(DATA_FILE);
    if journal.exists() {
        return None;
    }
    let mut bytes = Vec::new();
    let index_seen = read_own(&index_path, &mut bytes).ok()?;
    let mut index = layout::read_index(&bytes).ok()?;
    let shelf = read_shelf(dir);
    let current = index.data.current_cohort.clone();
    let cohort_files: Vec<&str> = index.cohorts.iter().map(|c| c.file.as_str()).collect();
    let people_files: Vec<&str> = index.people_files.iter().map(String::as_str).collect();
    let (mut docs, mut doubtful, pending) = (HashMap::new(), Vec::new(), HashMap::new());
    let is_current = |file: &str| {
        index
            .cohorts
            .iter()
            .any(|c| c.file == file && current.as_ref().is_some_and(|id| id.as_str() == c.id))
    };
    let found = read_all(
        dir,
        &cohort_files,
        &pending,
        &mut docs,
        &mut doubtful,
        |file, bytes, hash| {
            let hash = format!("{hash:032x}");
            if let Some(shelved) = shelf.cohorts.get(file)
                && shelved.hash == hash
                && shelved.last_day < today
                && !is_current(file)
            {
                return Ok((Found::Shelved(shelved.figures.clone()), false));
            }
            let cohort = layout::read_cohort(bytes)?;
            let last = last_day(&cohort);
            let shelved = (last < today).then(|| Shelved {
                hash,
                last_day: last,
                figures: CohortFigures::of(&cohort, today),
            });
            Ok((Found::Read(Box::new(cohort), shelved), false))
        },
    )
    .ok()?;
    let read = |_: &str, bytes: &[u8], _| layout::read_people(bytes).map(|p| (p, false));
    let shards = read_all(dir, &people_files, &pending, &mut docs, &mut doubtful, read).ok()?;
    // A save that ran meanwhile may have replaced some documents and not others.
    let moved = journal.exists()
        || seen::fingerprint(&index_path).ok().flatten() != Some(index_seen)
        || docs.iter().any(|(file, seen)| {
            seen::fingerprint(&dir.join(file)).ok().flatten() != Some(seen.meta)
        });
    if moved {
        return None;
    }
    let entries = std::mem::take(&mut index.cohorts);
    let mut next = Shelf {
        build: build(),
        cohorts: BTreeMap::new(),
    };
    let mut cohorts = Vec::new();
    let mut read_entries: Vec<CohortEntry> = Vec::new();
    let mut order = Vec::with_capacity(entries.len());
    for (entry, found) in entries.into_iter().zip(found) {
        match found {
            Found::Shelved(figures) => {
                if figures.id.as_str() != entry.id {
                    return None;
                }
                if let Some(kept) = shelf.cohorts.get(&entry.file) {
                    next.cohorts.insert(entry.file.clone(), kept.clone());
                }
                order.push(Glimpsed::Shelved(figures));
            }
            Found::Read(cohort, shelved) => {
                if let Some(shelved) = shelved {
                    next.cohorts.insert(entry.file.clone(), shelved);
                }
                order.push(Glimpsed::Read(cohorts.len()));
                cohorts.push(*cohort);
                read_entries.push(entry);
            }
        }
    }
    index.cohorts = read_entries;
    let data = layout::join(index, cohorts, shards).ok()?;
    if next != shelf {
        // A cache: a directory that cannot be written is looked at all the same.
        let _ = write_shelf(dir, &next);
    }
    Some(Glimpse {
        data,
        cohorts: order,
    })
}

/// Reads a file of the store into `bytes` without following a link in its place.
fn read_own(path: &Path, bytes: &mut Vec<u8>) -> io::Result<seen::Fingerprint> {
    let mut file = fsio::open_own(path, OpenOptions::new().read(true))?;
    let meta = file.metadata()?;
    file.read_to_end(bytes)?;
    Ok(seen::Fingerprint::from(&meta))
}

/// The shelf of `dir`; an empty one when there is none, or it does not read, or another build
/// wrote it.
fn read_shelf(dir: &Path) -> Shelf {
    let mut bytes = Vec::new();
    read_own(&dir.join(SHELF_FILE), &mut bytes)
        .ok()
        .and_then(|_| serde_json::from_slice::<Shelf>(&bytes).ok())
        .filter(|shelf| shelf.build == build())
        .unwrap_or_default()
}

/// Replaces the shelf of `dir` whole (0600). Not synced to the disk: a shelf a crash cut short
/// does not read, and is rebuilt.
fn write_shelf(dir: &Path, shelf: &Shelf) -> io::Result<()> {
    let json = serde_json::to_vec(shelf).map_err(io::Error::other)?;
    let mut temp = fsio::TempFile::create(dir, SHELF_FILE)?;
    temp.file_mut().write_all(&json)?;
    temp.persist(&dir.join(SHELF_FILE))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn shelved(glimpse: &Glimpse) -> Vec<&str> {
        glimpse
            .cohorts
            .iter()
            .filter_map(|c| match c {
                Glimpsed::Shelved(figures) => Some(figures.id.as_str()),
                Glimpsed::Read(_) => None,
            })
            .collect()
    }

    #[test]
    fn a_second_look_leaves_unread_the_finished_cohorts_but_the_current_one() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let mut data = crate::generate::generate(12, 3);
        let today = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
        let finished: Vec<String> = data
            .cohorts
            .iter()
            .filter(|c| last_day(c) < today)
            .map(|c| c.id.as_str().to_owned())
            .collect();
        assert!((2..12).contains(&finished.len()), "{finished:?}");
        // The app opens on a finished cohort: it is read all the same.
        data.current_cohort = Some(data.cohorts[0].id.clone());
        let mut store = Store::open(dir).unwrap();
        store.save(&data).unwrap();
        drop(store);

        let first = glimpse(dir, today).unwrap();
        assert!(shelved(&first).is_empty());
        assert_eq!(first.data, data);
        let second = glimpse(dir, today).unwrap();
        assert_eq!(shelved(&second), finished[1..].to_vec());
        assert_eq!(second.data.cohorts.len(), 12 - (finished.len() - 1));
        assert_eq!(second.cohorts[0], Glimpsed::Read(0));
        // Their figures are those the whole data gives.
        for (place, cohort) in second.cohorts.iter().zip(&data.cohorts) {
            let figures = match place {
                Glimpsed::Read(at) => CohortFigures::of(&second.data.cohorts[*at], today),
                Glimpsed::Shelved(figures) => figures.clone(),
            };
            assert_eq!(figures, CohortFigures::of(cohort, today));
        }
        // On a cohort's last day, it is read: a half-day of that day may still be marked.
        let last = last_day(&data.cohorts[1]);
        let on_the_day = glimpse(dir, last).unwrap();
        assert!(!shelved(&on_the_day).contains(&data.cohorts[1].id.as_str()));
    }

    #[test]
    fn a_save_in_flight_or_a_directory_not_split_is_left_to_the_full_reading() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let today = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
        assert!(glimpse(dir, today).is_none());
        let data = crate::generate::generate(3, 3);
        std::fs::write(dir.join(DATA_FILE), crate::store::to_json(&data).unwrap()).unwrap();
        assert!(glimpse(dir, today).is_none());
        std::fs::remove_file(dir.join(DATA_FILE)).unwrap();
        Store::open(dir).unwrap().save(&data).unwrap();
        assert!(glimpse(dir, today).is_some());
        std::fs::write(dir.join(JOURNAL_FILE), b"{}").unwrap();
        assert!(glimpse(dir, today).is_none());
    }
}
