//! The documents of a split directory one at a time, for the sync and its merge driver: a sync
//! reads only the documents that changed, and the driver merges one document, never the
//! network. Each document is read as a [`Data`] holding only what it holds, so that the merge
//! and the commit messages work on it as on a whole file.

use super::layout::{self, CohortEntry};
use super::{DATA_FILE, Unreadable};
use crate::domain::{Cohort, CohortId, Data, Person, PersonId, SCHEMA_VERSION, Shared};
use crate::schema::DocumentKind;
use std::collections::{BTreeSet, HashMap};

/// What kind of document of the split layout `path` (relative to the data directory) is.
pub fn document_kind(path: &str) -> Option<DocumentKind> {
    if path == DATA_FILE {
        return Some(DocumentKind::Index);
    }
    if !layout::is_document_path(path) {
        return None;
    }
    let people = format!("{}/people/", layout::DOCS_DIR);
    Some(if path.starts_with(&people) {
        DocumentKind::People
    } else {
        DocumentKind::Cohort
    })
}

/// Every document of `data` in the split layout, by its path in the data directory, the index
/// last: what a save of it into an empty directory writes.
pub fn split_documents(data: &Data) -> Result<Vec<(String, Vec<u8>)>, serde_json::Error> {
    split_documents_but(data, |_, _| false).map(|(all, _)| all)
}

/// Documents by their paths, with their bytes.
pub(crate) type Documents = Vec<(String, Vec<u8>)>;

/// [`split_documents`], leaving out each cohort `kept` says is as it was (its file is in the
/// second list, unserialised).
pub(crate) fn split_documents_but(
    data: &Data,
    kept: impl Fn(&str, &Shared<Cohort>) -> bool,
) -> Result<(Documents, Vec<String>), serde_json::Error> {
    let docs = layout::split(data);
    let mut all = Vec::with_capacity(docs.cohorts.len() + docs.people.len() + 1);
    let mut left = Vec::new();
    for (file, cohort) in &docs.cohorts {
        if kept(file, cohort) {
            left.push(file.clone());
        } else {
            all.push((file.clone(), layout::pretty(&***cohort)?));
        }
    }
    for (file, people) in &docs.people {
        let list: Vec<&Person> = people.iter().map(|p| &***p).collect();
        all.push((file.clone(), layout::pretty(&list)?));
    }
    all.push((DATA_FILE.to_owned(), layout::index_json(data, &docs)?));
    Ok((all, left))
}

/// The file that holds the person `id` in a split directory.
pub fn person_document(id: &str) -> String {
    layout::people_file(id)
}

/// Reads one document as the data it holds: a cohort's as data with that one cohort, a people
/// shard's as data with those people, and the index as data whose people and cohorts are
/// records with their ids only (so that a merge orders and removes them as it would the whole
/// records).
pub fn document_data(kind: DocumentKind, bytes: &[u8]) -> Result<Data, Unreadable> {
    let mut data = Data::default();
    match kind {
        DocumentKind::Cohort => data.cohorts.push(Shared::new(layout::read_cohort(bytes)?)),
        DocumentKind::People => data.people = layout::read_people(bytes)?.into(),
        DocumentKind::Index => {
            let index = layout::read_index(bytes)?;
            data = index.data;
            data.people = index
                .people_order
                .iter()
                .map(|id| Person {
                    id: PersonId::new(id.as_str()),
                    ..Person::default()
                })
                .collect::<Vec<_>>()
                .into();
            data.cohorts = index
                .cohorts
                .iter()
                .map(|entry| {
                    Shared::new(Cohort {
                        id: CohortId::new(entry.id.as_str()),
                        ..Cohort::default()
                    })
                })
                .collect();
        }
    }
    Ok(data)
}

/// Writes `data` as a document of `kind`, the inverse of [`document_data`]: the index names the
/// files of its people and cohorts by their ids, as a save would.
pub fn document_bytes(kind: DocumentKind, data: &Data) -> Result<Vec<u8>, String> {
    let json = match kind {
        DocumentKind::Cohort => match data.cohorts.as_slice() {
            [cohort] => layout::pretty(&**cohort),
            other => return Err(format!("{} cohorts where one was merged", other.len())),
        },
        DocumentKind::People => {
            let people: Vec<&Person> = data.people.iter().map(|p| &**p).collect();
            layout::pretty(&people)
        }
        DocumentKind::Index => layout::index_json(data, &layout::split(data)),
    };
    json.map_err(|e| e.to_string())
}

/// The data as far as the documents `docs` (paths and bytes) tell, beside the index `index`:
/// the people and cohorts they hold, in the index's order. For describing and checking what
/// changed without reading the rest.
pub fn partial_data(index: &[u8], docs: &[(String, Vec<u8>)]) -> Result<Data, String> {
    let index = layout::read_index(index).map_err(|e| format!("{DATA_FILE}: {e}"))?;
    let mut cohorts: HashMap<&str, Cohort> = HashMap::new();
    let mut people: HashMap<String, Person> = HashMap::new();
    for (path, bytes) in docs {
        let fail = |e: Unreadable| format!("{path}: {e}");
        match document_kind(path) {
            Some(DocumentKind::Cohort) => {
                cohorts.insert(path, layout::read_cohort(bytes).map_err(fail)?);
            }
            Some(DocumentKind::People) => {
                for person in layout::read_people(bytes).map_err(fail)? {
                    people.insert(person.id.as_str().to_owned(), person);
                }
            }
            Some(DocumentKind::Index) | None => {}
        }
    }
    let mut data = index.data;
    data.cohorts = index
        .cohorts
        .iter()
        .filter_map(|entry: &CohortEntry| cohorts.remove(entry.file.as_str()))
        .map(Shared::new)
        .collect();
    data.people = index
        .people_order
        .iter()
        .filter_map(|id| people.remove(id))
        .collect::<Vec<_>>()
        .into();
    Ok(data)
}

/// The document that holds the field a conflict's path starts with (`cohorts[id]…`,
/// `people[id]…`, else the index), given the index's bytes for the cohorts' files.
pub fn document_of(index: &[u8], path: &crate::domain::conflict::Path) -> Option<String> {
    use crate::domain::conflict::Step;
    let [Step::Field(list), Step::Item(selector), ..] = path.0.as_slice() else {
        return Some(DATA_FILE.to_owned());
    };
    let id = selector.get("id").and_then(serde_json::Value::as_str);
    match (list.as_str(), id) {
        ("people", Some(id)) => Some(layout::people_file(id)),
        ("cohorts", Some(id)) => layout::read_index(index)
            .ok()?
            .cohorts
            .into_iter()
            .find(|entry| entry.id == id)
            .map(|entry| entry.file),
        _ => Some(DATA_FILE.to_owned()),
    }
}

/// The index `bytes` with its other fields changed by `change` (the people and cohorts it names
/// stay as they are): for adding the conflicts a merge of other documents found.
pub fn change_index(bytes: &[u8], change: impl FnOnce(&mut Data)) -> Result<Vec<u8>, String> {
    let index = layout::read_index(bytes).map_err(|e| format!("{DATA_FILE}: {e}"))?;
    let mut data = index.data;
    change(&mut data);
    data.schema_version = SCHEMA_VERSION;
    let files: Vec<&str> = index.people_files.iter().map(String::as_str).collect();
    let order: Vec<&str> = index.people_order.iter().map(String::as_str).collect();
    let cohorts: Vec<(&str, &str)> = index
        .cohorts
        .iter()
        .map(|c| (c.id.as_str(), c.file.as_str()))
        .collect();
    layout::write_index(&data, &files, &order, &cohorts).map_err(|e| e.to_string())
}

/// The index `bytes`, naming also the people `ids` (at the end of the order, with their shards)
/// and the `cohorts` (id and file, at the end) it did not name yet: for a merge that kept a
/// document one side had deleted.
pub fn index_naming(
    bytes: &[u8],
    ids: &[String],
    cohorts: &[(String, String)],
) -> Result<Vec<u8>, String> {
    let index = layout::read_index(bytes).map_err(|e| format!("{DATA_FILE}: {e}"))?;
    let mut data = index.data;
    data.schema_version = SCHEMA_VERSION;
    let mut order = index.people_order;
    let mut files = index.people_files;
    for id in ids {
        if !order.contains(id) {
            order.push(id.clone());
        }
        let file = layout::people_file(id);
        if !files.contains(&file) {
            files.push(file);
        }
    }
    let mut listed: Vec<(String, String)> =
        index.cohorts.into_iter().map(|c| (c.id, c.file)).collect();
    for cohort in cohorts {
        if !listed.iter().any(|(id, _)| *id == cohort.0) {
            listed.push(cohort.clone());
        }
    }
    files.sort();
    let files: Vec<&str> = files.iter().map(String::as_str).collect();
    let order: Vec<&str> = order.iter().map(String::as_str).collect();
    let listed: Vec<(&str, &str)> = listed
        .iter()
        .map(|(id, file)| (id.as_str(), file.as_str()))
        .collect();
    layout::write_index(&data, &files, &order, &listed).map_err(|e| e.to_string())
}

/// Every document an index names, itself first.
pub fn named_documents(index: &[u8]) -> Result<Vec<String>, String> {
    let index = layout::read_index(index).map_err(|e| format!("{DATA_FILE}: {e}"))?;
    let mut all: BTreeSet<String> = index.people_files.into_iter().collect();
    all.extend(index.cohorts.into_iter().map(|c| c.file));
    Ok(std::iter::once(DATA_FILE.to_owned()).chain(all).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_document_reads_as_the_data_it_holds_and_writes_back_the_same() {
        let data = crate::sample::sample();
        let docs = layout::split(&data);
        let index = layout::index_json(&data, &docs).unwrap();
        let as_data = document_data(DocumentKind::Index, &index).unwrap();
        assert_eq!(as_data.people.len(), data.people.len());
        assert_eq!(
            document_bytes(DocumentKind::Index, &as_data).unwrap(),
            index
        );
        let (file, cohort) = &docs.cohorts[0];
        let bytes = layout::pretty(&***cohort).unwrap();
        assert_eq!(document_kind(file), Some(DocumentKind::Cohort));
        let one = document_data(DocumentKind::Cohort, &bytes).unwrap();
        assert_eq!(document_bytes(DocumentKind::Cohort, &one).unwrap(), bytes);
        let partial = partial_data(&index, &[(file.clone(), bytes)]).unwrap();
        assert_eq!(partial.cohorts.len(), 1);
        assert_eq!(partial.programme, data.programme);
        let (shard, people) = docs.people.iter().next().unwrap();
        assert_eq!(document_kind(shard), Some(DocumentKind::People));
        let list: Vec<&Person> = people.iter().map(|p| &***p).collect();
        let bytes = layout::pretty(&list).unwrap();
        let some = document_data(DocumentKind::People, &bytes).unwrap();
        assert_eq!(document_bytes(DocumentKind::People, &some).unwrap(), bytes);
        assert_eq!(document_kind("cercle/other/x.json"), None);
        let changed = change_index(&index, |d| d.programme.title = "Autre".into()).unwrap();
        let read = document_data(DocumentKind::Index, &changed).unwrap();
        assert_eq!(read.programme.title, "Autre");
        assert_eq!(read.people, as_data.people);
    }
}
