//! The shelf: the figures of the finished cohorts, kept in `cercle-shelf.json` beside the data,
//! each with the hash of the document it was counted from.
//!
//! A look at the data ([`glimpse`], for `cercle summary` and `cercle check`) reads the document
//! of a finished cohort only to hash it. When the hash is the one on the shelf, the figures are
//! those of that very document, so its records are not built; any other byte in the document
//! and it is read as before. A finished cohort's figures no longer depend on the day
//! ([`crate::domain::figures::last_day`]), so they stay exact. Neither does its outline
//! ([`Outline`]: what `check` needs of it), which `check` keeps beside the shelf, in
//! `cercle-outlines.json`, for a document its screen vouched for. No other look reads that
//! file.
//!
//! The shelf and the outlines are caches. They are never shared (the sync's `.gitignore` leaves it out), never
//! backed up, and rebuilt from the documents when it is missing, damaged, or was written by
//! another build of Cercle. Writing it needs no lock: it is replaced whole by a rename, and two
//! looks that write it at once both write what the documents say.

use super::layout::{self, CohortEntry};
use super::reading::{self, read_all};
use super::seen;
use super::{DATA_FILE, JOURNAL_FILE, fsio};
use crate::domain::figures::{CohortFigures, last_day};
use crate::domain::integrity::Outline;
use crate::domain::{Cohort, CohortId, Data, Person};
use crate::schema::DocumentKind;
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::{BTreeMap, HashMap};
use std::fs::OpenOptions;
use std::io::{self, Read, Write};
use std::path::Path;

/// The shelf's file in the data directory.
pub const SHELF_FILE: &str = "cercle-shelf.json";

/// The file of the finished cohorts' outlines, beside the shelf: read by `check` alone, so
/// that no other look pays for reading it.
pub const OUTLINES_FILE: &str = "cercle-outlines.json";

/// Raised when this build counts a figure or outlines a cohort differently: every shelf
/// written before is dropped. (2: the outlines of `check`.)
const SHELF_VERSION: u32 = 2;

/// The shelf, or the outlines, as written.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Shelf<T> {
    /// Which build counted the figures or made the outlines.
    build: String,
    /// Each finished cohort's figures or outline, by the path of its document.
    cohorts: BTreeMap<String, T>,
}

impl<T> Default for Shelf<T> {
    fn default() -> Self {
        Self {
            build: build(),
            cohorts: BTreeMap::new(),
        }
    }
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

/// One finished cohort's outline, made by `check` from a document its screen vouched for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Outlined {
    /// The xxh3-128 hash of the document, in hexadecimal.
    hash: String,
    /// The outline, kept as text: each is parsed on the core that hashed its document.
    outline: Unparsed,
}

/// An outline as its file holds it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
struct Unparsed(Box<RawValue>);

impl PartialEq for Unparsed {
    fn eq(&self, other: &Self) -> bool {
        self.0.get() == other.0.get()
    }
}

/// Which build counted the figures and made the outlines: another one may do it differently.
fn build() -> String {
    format!("{} {SHELF_VERSION}", env!("CARGO_PKG_VERSION"))
}

/// What a look at a split directory found.
#[derive(Debug)]
pub struct Glimpse {
    /// The data, without the cohorts left unread.
    pub data: Data,
    /// Every cohort in the index's order: read into `data`, or left unread.
    pub cohorts: Vec<Glimpsed>,
    /// For [`Purpose::Check`], what `check` needs besides `data`.
    pub checked: Option<Checked>,
}

/// What a look for `check` found besides the data.
#[derive(Debug)]
pub struct Checked {
    /// Every cohort's outline, in the index's order: off the shelf, or of the cohort read.
    pub outlines: Vec<Outline>,
    /// The documents the schema's validator must read, with their kind: the index, and those
    /// the screen could not vouch for.
    pub unscreened: Vec<(String, Option<DocumentKind>)>,
}

/// One cohort of a [`Glimpse`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Glimpsed {
    /// Read: the cohort at this position in the glimpse's data.
    Read(usize),
    /// Finished, and its document the very one its figures were counted from.
    Shelved(CohortFigures),
    /// Finished and on the shelf, its document not even opened ([`Purpose::Screens`]).
    Unread(CohortId),
}

/// What a look is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Figures to print: a finished cohort's document is hashed, and its figures are taken off
    /// the shelf only when the hash is the one they were counted from.
    Figures,
    /// Screens to show while the whole data is read, every key held until it is: the finished
    /// cohorts on the shelf are not opened at all. A directory with nothing on the shelf is not
    /// looked at, since the look would read all of it before the full reading does again.
    Screens,
    /// A check: every document read is screened (as `check` reads them), and a finished
    /// cohort's document is hashed and left unparsed when its outline on the shelf was made
    /// from these very bytes.
    Check,
}

/// A cohort's document as the look found it, with its outline for [`Purpose::Check`].
enum Found {
    /// Left on the shelf.
    Shelved(CohortFigures, Option<Box<Outline>>),
    /// Read.
    Read(Box<Fresh>),
}

/// A cohort's document read by a look.
struct Fresh {
    cohort: Cohort,
    /// What the shelf is to keep of it, if it is finished.
    shelved: Option<Shelved>,
    /// What the outlines are to keep of it, if it is finished and the screen vouched for it.
    outlined: Option<Outlined>,
    /// Its outline, for [`Purpose::Check`].
    outline: Option<Outline>,
}

/// Looks at the data of the split directory `dir` on `today` for `purpose`, leaving unread the
/// finished cohorts whose figures are on the shelf (except the current cohort, which is always
/// read), and puts on the shelf the finished cohorts it had to read.
///
/// `None` whenever a plain read must decide: not a split directory, a save in flight or one
/// that ran during the look, or a document that does not read (the full read then says why,
/// as it always did). The look takes no lock and changes no document.
pub fn glimpse(dir: &Path, today: NaiveDate, purpose: Purpose) -> Option<Glimpse> {
    if dir.join(JOURNAL_FILE).exists() {
        return None;
    }
    let shelf: Shelf<Shelved> = read_shelf(dir, SHELF_FILE);
    if purpose == Purpose::Screens && shelf.cohorts.is_empty() {
        return None;
    }
    let check = purpose == Purpose::Check;
    let outlined: Shelf<Outlined> = if check {
        read_shelf(dir, OUTLINES_FILE)
    } else {
        Shelf::default()
    };
    let mut bytes = Vec::new();
    let index_seen = reading::read_document(&dir.join(DATA_FILE), &mut bytes).ok()?;
    let mut index = layout::read_index(&bytes).ok()?;
    let current = index.data.current_cohort.clone();
    // The finished cohorts whose figures may come off the shelf.
    let on_shelf = |entry: &CohortEntry| {
        shelf.cohorts.get(&entry.file).filter(|shelved| {
            shelved.last_day < today
                && shelved.figures.id.as_str() == entry.id
                && current.as_ref().is_none_or(|id| id.as_str() != entry.id)
        })
    };
    let unopened: Vec<bool> = index
        .cohorts
        .iter()
        .map(|entry| purpose == Purpose::Screens && on_shelf(entry).is_some())
        .collect();
    let cohort_files: Vec<&str> = (index.cohorts.iter().zip(&unopened))
        .filter_map(|(entry, unopened)| (!unopened).then_some(entry.file.as_str()))
        .collect();
    let people_files: Vec<&str> = index.people_files.iter().map(String::as_str).collect();
    let (mut docs, mut doubtful, pending) = (HashMap::new(), Vec::new(), HashMap::new());
    let entries: HashMap<&str, &CohortEntry> =
        index.cohorts.iter().map(|e| (e.file.as_str(), e)).collect();
    let found = read_all(
        dir,
        &cohort_files,
        &pending,
        &mut docs,
        &mut doubtful,
        |file, bytes, hash| {
            let shelved = entries.get(file).and_then(|entry| on_shelf(entry));
            let outlined = shelved.and(outlined.cohorts.get(file));
            found(bytes, &hex(hash), (shelved, outlined), today, check)
        },
    )
    .ok()?;
    let read = |_: &str, bytes: &[u8], _| layout::read_document::<Vec<Person>>(bytes, check);
    let shards = read_all(dir, &people_files, &pending, &mut docs, &mut doubtful, read).ok()?;
    // A save that ran meanwhile may have replaced some documents and not others.
    let index_seen = seen::Seen {
        meta: index_seen,
        hash: None,
    };
    docs.insert(DATA_FILE.to_owned(), index_seen);
    if reading::moved(dir, &docs) {
        return None;
    }
    let mut next = Sorted::default();
    let mut found = found.into_iter();
    for (entry, unopened) in std::mem::take(&mut index.cohorts).into_iter().zip(unopened) {
        // Kept, whether read or not: a document that changed replaces them in `take`.
        if let Some(kept) = on_shelf(&entry) {
            next.shelf.cohorts.insert(entry.file.clone(), kept.clone());
        }
        if let Some(kept) = outlined.cohorts.get(&entry.file) {
            (next.outlined.cohorts).insert(entry.file.clone(), kept.clone());
        }
        if unopened {
            next.order.push(Glimpsed::Unread(CohortId::new(entry.id)));
        } else {
            next.take(entry, found.next()?);
        }
    }
    index.cohorts = next.entries;
    let data = layout::join(index, next.cohorts, shards).ok()?;
    // Caches: a directory that cannot be written is looked at all the same. Nor are they
    // written from documents a save replaced since they were read: a `forget` that ran
    // meanwhile removed them, and must not find its person back in them.
    let changed = (next.shelf != shelf, next.outlined != outlined);
    if (changed.0 || changed.1) && !reading::moved(dir, &docs) {
        if changed.0 {
            let _ = write_shelf(dir, SHELF_FILE, &next.shelf);
        }
        if changed.1 {
            let _ = write_shelf(dir, OUTLINES_FILE, &next.outlined);
        }
    }
    let (order, cohort_outlines) = (next.order, next.outlines);
    Some(Glimpse {
        data,
        cohorts: order,
        checked: check.then(|| Checked::of(cohort_outlines, doubtful)),
    })
}

/// What a look found, cohort by cohort, in the index's order, and what the shelf and the
/// outlines are to keep.
#[derive(Default)]
struct Sorted {
    shelf: Shelf<Shelved>,
    outlined: Shelf<Outlined>,
    /// The cohorts read, with their entries in the index.
    cohorts: Vec<Cohort>,
    entries: Vec<CohortEntry>,
    order: Vec<Glimpsed>,
    /// Every cohort's outline, for [`Purpose::Check`].
    outlines: Vec<Outline>,
}

impl Sorted {
    /// Takes what the look found of the cohort of `entry`.
    fn take(&mut self, entry: CohortEntry, found: Found) {
        match found {
            Found::Shelved(figures, outline) => {
                self.order.push(Glimpsed::Shelved(figures));
                self.outlines.extend(outline.map(|outline| *outline));
            }
            Found::Read(read) => {
                let Fresh {
                    cohort,
                    shelved,
                    outlined,
                    outline,
                } = *read;
                self.outlines.extend(outline);
                // Its document changed: what was kept of it goes, or is made again.
                self.shelf.cohorts.remove(&entry.file);
                if let Some(shelved) = shelved {
                    self.shelf.cohorts.insert(entry.file.clone(), shelved);
                }
                self.outlined.cohorts.remove(&entry.file);
                if let Some(outlined) = outlined {
                    self.outlined.cohorts.insert(entry.file.clone(), outlined);
                }
                self.order.push(Glimpsed::Read(self.cohorts.len()));
                self.cohorts.push(cohort);
                self.entries.push(entry);
            }
        }
    }
}

impl Checked {
    /// What a look for `check` found: the cohorts' `outlines`, and the documents the screen
    /// doubted (`doubtful`), which the schema's validator reads after the index.
    fn of(outlines: Vec<Outline>, mut doubtful: Vec<String>) -> Self {
        // By path, as the full reading lists them (`Store::documents`).
        doubtful.sort();
        let unscreened = std::iter::once(DATA_FILE.to_owned())
            .chain(doubtful)
            .map(|name| {
                let kind = super::parts::document_kind(&name);
                (name, kind)
            })
            .collect();
        Self {
            outlines,
            unscreened,
        }
    }
}

/// A cohort's document (`bytes`, hashed as `hash`): what the shelf keeps of it when that was
/// made from these very bytes (its figures; for a `check`, its outline too), else the cohort
/// read, with what the shelf is to keep of it if it is finished. Says too whether the screen
/// doubts the document (only for a `check`, which screens what it reads).
fn found(
    bytes: &[u8],
    hash: &str,
    (shelved, outlined): (Option<&Shelved>, Option<&Outlined>),
    today: NaiveDate,
    check: bool,
) -> Result<(Found, bool), super::parse::Unreadable> {
    if let Some(shelved) = shelved.filter(|shelved| shelved.hash == hash) {
        let figures = || shelved.figures.clone();
        if !check {
            return Ok((Found::Shelved(figures(), None), false));
        }
        // An outline that does not read is made again from the document, as if it were not there.
        let outline = (outlined.filter(|outlined| outlined.hash == hash))
            .and_then(|outlined| serde_json::from_str::<Outline>(outlined.outline.0.get()).ok());
        if let Some(outline) = outline {
            return Ok((Found::Shelved(figures(), Some(Box::new(outline))), false));
        }
    }
    let (cohort, doubtful) = layout::read_document::<Cohort>(bytes, check)?;
    let outline = check.then(|| Outline::of(&cohort, today));
    let last = last_day(&cohort);
    let finished = last < today;
    let shelved = finished.then(|| Shelved {
        hash: hash.to_owned(),
        last_day: last,
        figures: CohortFigures::of(&cohort, today),
    });
    // A document the screen doubts goes through the schema's validator at every check.
    let outlined = (outline.as_ref().filter(|_| finished && !doubtful))
        .and_then(|outline| serde_json::value::to_raw_value(outline).ok())
        .map(|text| Outlined {
            hash: hash.to_owned(),
            outline: Unparsed(text),
        });
    let fresh = Fresh {
        cohort,
        shelved,
        outlined,
        outline,
    };
    Ok((Found::Read(Box::new(fresh)), doubtful))
}

/// Puts on the shelf the finished cohorts of `data`, just read whole or saved, whose documents
/// (`files`, in the cohorts' order) were seen with a hash in `docs`; leaves the shelf as it is
/// when it already says all that.
pub(super) fn refresh(
    dir: &Path,
    data: &Data,
    files: &[String],
    docs: &HashMap<String, seen::Seen>,
    today: NaiveDate,
) {
    let shelf: Shelf<Shelved> = read_shelf(dir, SHELF_FILE);
    // Counted on every core: at the first open of a network, that is every cohort.
    let cohorts = data
        .cohorts
        .par_iter()
        .zip(files)
        .filter_map(|(cohort, file)| {
            let last = last_day(cohort);
            let hash = docs.get(file).and_then(|seen| seen.hash).map(hex);
            let hash = hash.filter(|_| last < today)?;
            let shelved = match shelf.cohorts.get(file) {
                Some(kept) if kept.hash == hash => kept.clone(),
                _ => Shelved {
                    hash,
                    last_day: last,
                    figures: CohortFigures::of(cohort, today),
                },
            };
            Some((file.clone(), shelved))
        })
        .collect();
    let next = Shelf {
        build: build(),
        cohorts,
    };
    if next != shelf {
        // A cache: a directory that cannot be written keeps working without it.
        let _ = write_shelf(dir, SHELF_FILE, &next);
    }
}

/// A document's hash as the shelf writes it.
fn hex(hash: u128) -> String {
    format!("{hash:032x}")
}

/// The largest shelf read: a network of 1,000 cohorts keeps about 250 KB of figures and 6 MB
/// of outlines.
const SHELF_LIMIT: u64 = 64 << 20;

/// The shelf (or the outlines) `file` of `dir`; an empty one when there is none, or it does
/// not read, or another build wrote it, or it is larger than any Cercle writes.
fn read_shelf<T: serde::de::DeserializeOwned>(dir: &Path, file: &str) -> Shelf<T> {
    let read = || -> io::Result<Vec<u8>> {
        let file = fsio::open_own(&dir.join(file), OpenOptions::new().read(true))?;
        let mut bytes = Vec::new();
        file.take(SHELF_LIMIT + 1).read_to_end(&mut bytes)?;
        Ok(bytes)
    };
    read()
        .ok()
        .filter(|bytes| bytes.len() as u64 <= SHELF_LIMIT)
        .and_then(|bytes| serde_json::from_slice::<Shelf<T>>(&bytes).ok())
        .filter(|shelf| shelf.build == build())
        .unwrap_or_default()
}

/// Replaces the shelf (or the outlines) `file` of `dir` whole (0600). Not synced to the disk:
/// a file a crash cut short does not read, and is rebuilt.
fn write_shelf<T: Serialize>(dir: &Path, file: &str, shelf: &Shelf<T>) -> io::Result<()> {
    let json = serde_json::to_vec(shelf).map_err(io::Error::other)?;
    let mut temp = fsio::TempFile::create(dir, file)?;
    temp.file_mut().write_all(&json)?;
    temp.persist(&dir.join(file))
}
