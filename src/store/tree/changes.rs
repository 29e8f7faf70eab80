//! Which documents a save writes: those of the data that differ from what the store last
//! wrote, and those to remove, worked out without serialising what is the very same record.

use super::state::Tree;
use crate::domain::{Cohort, Data, Person, Shared};
use crate::store::DATA_FILE;
use crate::store::journal::Change;
use crate::store::layout::{self, Documents};
use crate::store::seen;
use std::collections::{HashMap, HashSet};

/// The documents of `data` that differ from what `tree` last wrote, and those to remove, with
/// the file of each cohort when they were worked out again. A record that is the very same as
/// the last one written is not even serialised; when the people and the cohorts' ids are the
/// very same and the index's other fields are equal, the index is not serialised either, so a
/// mark costs its cohort's document whatever the size of the network.
pub(super) fn changes(
    tree: &Tree,
    data: &Data,
) -> Result<(Vec<Change>, Option<Vec<String>>), serde_json::Error> {
    let last = &tree.last;
    let same_people = last.people.len() == data.people.len()
        && last
            .people
            .iter()
            .zip(data.people.iter())
            .all(|(a, b)| Shared::same(a, b));
    let same_ids = tree.cohort_files.len() == data.cohorts.len()
        && last.cohorts.len() == data.cohorts.len()
        && last
            .cohorts
            .iter()
            .zip(data.cohorts.iter())
            .all(|(a, b)| Shared::same(a, b) || a.id == b.id);
    // A document whose hash was forgotten (another program changed it, and this save
    // overwrites it) is compared whatever its records.
    let all_known = !tree.docs.is_empty() && tree.docs.values().all(|s| s.hash.is_some());
    if !(same_people && same_ids && all_known) {
        let docs = layout::split(data);
        let changes = all_changes(tree, data, &docs)?;
        let files = docs.cohorts.into_iter().map(|(file, _)| file).collect();
        return Ok((changes, Some(files)));
    }
    let mut changes = Vec::new();
    for ((file, before), cohort) in tree
        .cohort_files
        .iter()
        .zip(last.cohorts.iter())
        .zip(data.cohorts.iter())
    {
        if Shared::same(before, cohort) {
            continue;
        }
        let bytes = layout::pretty(&**cohort)?;
        if !same_hash(tree, file, &bytes) {
            changes.push(Change::Write {
                path: file.clone(),
                bytes,
            });
        }
    }
    if !same_index_fields(last, data) {
        let index = layout::index_json(data, &layout::split(data))?;
        if !same_hash(tree, DATA_FILE, &index) {
            changes.push(Change::Write {
                path: DATA_FILE.to_owned(),
                bytes: index,
            });
        }
    }
    Ok((changes, None))
}

/// Whether the fields the index holds besides the people and the cohorts are equal.
fn same_index_fields(a: &Data, b: &Data) -> bool {
    // Named one by one, so that a field added to the data fails to build here until placed.
    let Data {
        schema_version,
        programme,
        organisation,
        people: _,
        venues,
        cohorts: _,
        current_cohort,
        conflicts,
    } = a;
    *schema_version == b.schema_version
        && *programme == b.programme
        && *organisation == b.organisation
        && *venues == b.venues
        && *current_cohort == b.current_cohort
        && *conflicts == b.conflicts
}

/// The documents `changes` writes or removes.
pub(super) fn touched(changes: &[Change]) -> impl Iterator<Item = &str> {
    changes.iter().map(|c| match c {
        Change::Write { path, .. } | Change::Remove { path } => path.as_str(),
    })
}

/// Whether `bytes` are those last read or written at `file`.
fn same_hash(tree: &Tree, file: &str, bytes: &[u8]) -> bool {
    tree.docs
        .get(file)
        .and_then(|s| s.hash)
        .is_some_and(|h| h == seen::hash(bytes))
}

/// [`changes`] when people or cohorts came or went: every document compared.
fn all_changes(
    tree: &Tree,
    data: &Data,
    docs: &Documents<'_>,
) -> Result<Vec<Change>, serde_json::Error> {
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
        if !same_hash(tree, file, &bytes) {
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
        if !same_hash(tree, file, &bytes) {
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
    if !same_hash(tree, DATA_FILE, &index) {
        changes.push(Change::Write {
            path: DATA_FILE.to_owned(),
            bytes: index,
        });
    }
    Ok(changes)
}
