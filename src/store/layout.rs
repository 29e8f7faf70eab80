//! The split layout: the data as one small index (`cercle.json`), one document per cohort and
//! the people directory in shards, each a JSON document of its own (see `docs/data-format.md`).
//!
//! This file only turns [`Data`] into documents and back; writing them atomically is the
//! journal's work ([`super::journal`]).

use super::fault::Fault;
use super::parse::Unreadable;
use crate::domain::{Cohort, Data, Person, Records, SCHEMA_VERSION, Shared};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap, VecDeque};

/// The `schema_version` of an index: the records of version 2, split into documents.
pub const SPLIT_VERSION: u32 = 3;
/// The folder, beside the index, that holds the cohorts' and the people's documents.
pub const DOCS_DIR: &str = "cercle";
/// How many shards the people directory is cut into: an edit to one person rewrites about one
/// person in 256 (60 of the 15,000 of a large network), and a small programme's people still fit
/// in a few files.
pub(crate) const PEOPLE_SHARDS: u64 = 256;
/// Longest cohort id used as its file name as it is.
const PLAIN_NAME: usize = 64;

/// The file of the cohort whose id is `id`, relative to the data directory. The id itself when
/// it is short, lowercase ASCII letters, digits, `-` and `_` (so no two ids share a file even on
/// a file system that ignores case); otherwise its slug and a hash of the id. Ids never change,
/// so neither does the path: git follows each cohort's history.
pub(crate) fn cohort_file(id: &str) -> String {
    let plain = (1..=PLAIN_NAME).contains(&id.len())
        && id.as_bytes()[0].is_ascii_alphanumeric()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if plain {
        return format!("{DOCS_DIR}/cohorts/{id}.json");
    }
    let slug: String = crate::domain::fold::slug(id).chars().take(40).collect();
    let slug = if slug.is_empty() { "cohort" } else { &slug };
    format!(
        "{DOCS_DIR}/cohorts/{slug}~{:016x}.json",
        xxhash_rust::xxh3::xxh3_64(id.as_bytes())
    )
}

/// The shard holding the person whose id is `id`: a hash of the id, so that a person stays in
/// the same file whatever is added or removed around them.
pub(crate) fn people_file(id: &str) -> String {
    let shard = xxhash_rust::xxh3::xxh3_64(id.as_bytes()) % PEOPLE_SHARDS;
    format!("{DOCS_DIR}/people/{shard:02x}.json")
}

/// The data cut into documents, each record still shared with `data` (nothing is copied).
pub(crate) struct Documents<'a> {
    /// Each cohort with its file, in the data's order.
    pub(crate) cohorts: Vec<(String, &'a Shared<Cohort>)>,
    /// Each people shard with its people, in the data's order.
    pub(crate) people: BTreeMap<String, Vec<&'a Shared<Person>>>,
}

/// Cuts `data` into documents (the index is [`index_json`]).
pub(crate) fn split(data: &Data) -> Documents<'_> {
    Documents {
        cohorts: split_cohorts(data),
        people: split_people(data),
    }
}

/// Each cohort with its file. Two cohorts with the same id (a broken rule, which the store
/// must still not lose) get files of their own.
pub(crate) fn split_cohorts(data: &Data) -> Vec<(String, &Shared<Cohort>)> {
    let mut used = HashMap::new();
    data.cohorts
        .iter()
        .map(|cohort| {
            let base = cohort_file(cohort.id.as_str());
            let seen = used.entry(base.clone()).or_insert(0u32);
            *seen += 1;
            let file = if *seen == 1 {
                base
            } else {
                format!("{}~{seen}.json", base.trim_end_matches(".json"))
            };
            (file, cohort)
        })
        .collect()
}

/// Each people shard with its people, in the data's order.
pub(crate) fn split_people(data: &Data) -> BTreeMap<String, Vec<&Shared<Person>>> {
    let mut people: BTreeMap<String, Vec<&Shared<Person>>> = BTreeMap::new();
    for person in &data.people {
        people
            .entry(people_file(person.id.as_str()))
            .or_default()
            .push(person);
    }
    people
}

/// The index: every top-level field of the data (so that a field added later lands in it too),
/// with the people and the cohorts replaced by the files that hold them.
pub(crate) fn index_json(data: &Data, docs: &Documents<'_>) -> Result<Vec<u8>, serde_json::Error> {
    let order: Vec<&str> = data.people.iter().map(|p| p.id.as_str()).collect();
    let files: Vec<&str> = docs.people.keys().map(String::as_str).collect();
    let list: Vec<(&str, &str)> = docs
        .cohorts
        .iter()
        .map(|(file, cohort)| (cohort.id.as_str(), file.as_str()))
        .collect();
    write_index(data, &files, &order, &list)
}

/// The index of `data`'s other fields (its people and cohorts are not read), naming the people
/// shards `files`, the people's `order`, and each cohort's id and file.
pub(crate) fn write_index(
    data: &Data,
    files: &[&str],
    order: &[&str],
    cohorts: &[(&str, &str)],
) -> Result<Vec<u8>, serde_json::Error> {
    // Every field but the two long lists, named one by one so that a field added to the data
    // fails to build here until it is placed.
    let shell = Data {
        schema_version: data.schema_version,
        programme: data.programme.clone(),
        organisation: data.organisation.clone(),
        people: Records::default(),
        venues: data.venues.clone(),
        cohorts: Records::default(),
        current_cohort: data.current_cohort.clone(),
        conflicts: data.conflicts.clone(),
    };
    let Value::Object(mut rest) = serde_json::to_value(&shell)? else {
        return Err(serde::ser::Error::custom("the data is not a JSON object"));
    };
    rest.remove("schema_version");
    rest.remove("people");
    rest.remove("cohorts");
    let list: Vec<Value> = cohorts
        .iter()
        .map(|(id, file)| serde_json::json!({ "id": id, "file": file }))
        .collect();
    pretty(&IndexOut {
        schema_version: SPLIT_VERSION,
        rest,
        people: serde_json::json!({ "files": files, "order": order }),
        cohorts: list,
    })
}

/// The index in the order a person reads it: its version first, the people and the cohorts
/// (the long lists) last.
#[derive(serde::Serialize)]
struct IndexOut {
    schema_version: u32,
    #[serde(flatten)]
    rest: Map<String, Value>,
    people: Value,
    cohorts: Vec<Value>,
}

/// A document as the store writes it: indented, with a final newline.
pub(crate) fn pretty<T: serde::Serialize + ?Sized>(
    value: &T,
) -> Result<Vec<u8>, serde_json::Error> {
    let mut json = serde_json::to_vec_pretty(value)?;
    json.push(b'\n');
    Ok(json)
}

/// The index as read: the data without its people and cohorts, and where those are.
#[derive(Debug)]
pub(crate) struct Index {
    /// Every other field of the data.
    pub(crate) data: Data,
    /// The people shards to read.
    pub(crate) people_files: Vec<String>,
    /// The people's ids, in the data's order.
    pub(crate) people_order: Vec<String>,
    /// Each cohort's id and file, in the data's order.
    pub(crate) cohorts: Vec<CohortEntry>,
}

/// One cohort in the index.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CohortEntry {
    /// The cohort's id.
    pub(crate) id: String,
    /// Its file, relative to the data directory.
    pub(crate) file: String,
}

#[derive(Deserialize)]
struct IndexDoc {
    #[serde(flatten)]
    data: Data,
    people: Directory,
    cohorts: Vec<CohortEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Directory {
    files: Vec<String>,
    order: Vec<String>,
}

/// Whether `bytes` are an index rather than a whole data file: a document of version
/// [`SPLIT_VERSION`]. Cercle writes the version first, so its own files are told by their start;
/// a file another program rewrote (its keys sorted, say) is scanned for its version.
pub(crate) fn is_index(bytes: &[u8]) -> bool {
    said_first(bytes).map_or_else(
        || {
            serde_json::from_slice::<VersionOnly>(bytes)
                .is_ok_and(|v| v.schema_version == SPLIT_VERSION)
        },
        |version| version == SPLIT_VERSION,
    )
}

/// The data version a document gives as its first field, as Cercle writes it; `None` when it
/// does not start so (only the first bytes are read).
pub(crate) fn said_first(bytes: &[u8]) -> Option<u32> {
    let head = &bytes[..bytes.len().min(256)];
    let text = String::from_utf8_lossy(head);
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let rest = squeezed.strip_prefix("{\"schema_version\":")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    rest[digits.len()..]
        .starts_with([',', '}'])
        .then(|| digits.parse().ok())
        .flatten()
}

/// A document's version alone, whatever else it holds.
#[derive(Deserialize)]
struct VersionOnly {
    schema_version: u32,
}

/// Reads an index; the files it names must be documents of the split layout.
pub(crate) fn read_index(bytes: &[u8]) -> Result<Index, Unreadable> {
    let doc: IndexDoc = parse(bytes)?;
    let mut data = doc.data;
    if data.schema_version != SPLIT_VERSION {
        return Err(Unreadable::Damaged {
            line: 1,
            column: 1,
            reason: Fault::IndexVersion {
                found: data.schema_version,
                index: SPLIT_VERSION,
            },
        });
    }
    data.schema_version = SCHEMA_VERSION;
    for file in doc
        .people
        .files
        .iter()
        .chain(doc.cohorts.iter().map(|c| &c.file))
    {
        if !is_document_path(file) {
            return Err(Unreadable::Damaged {
                line: 0,
                column: 0,
                reason: Fault::ForeignFile(format!("{file:?}")),
            });
        }
    }
    Ok(Index {
        data,
        people_files: doc.people.files,
        people_order: doc.people.order,
        cohorts: doc.cohorts,
    })
}

/// Whether `path` is a place the split layout keeps documents: `cercle/cohorts/X.json` or
/// `cercle/people/X.json`, with no way out of the folder (no `..`, no hidden or absolute path).
pub(crate) fn is_document_path(path: &str) -> bool {
    let mut parts = path.split('/');
    let (Some(top), Some(kind), Some(name), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    top == DOCS_DIR
        && (kind == "cohorts" || kind == "people")
        && name
            .strip_suffix(".json")
            .is_some_and(|stem| !stem.is_empty())
        && !name.starts_with('.')
        && !name.contains('\\')
}

/// Reads one cohort's document.
pub(crate) fn read_cohort(bytes: &[u8]) -> Result<Cohort, Unreadable> {
    parse(bytes)
}

/// Reads one people shard.
pub(crate) fn read_people(bytes: &[u8]) -> Result<Vec<Person>, Unreadable> {
    parse(bytes)
}

fn parse<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, Unreadable> {
    // Checked once as UTF-8, the text is not checked again string by string as `from_slice`
    // does (a tenth of the reading); a document that is not UTF-8 gets `from_slice`'s error.
    crate::domain::ids::interning(|| match std::str::from_utf8(bytes) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(bytes),
    })
    .map_err(|e| super::parse::damaged(bytes, &e))
}

/// Reads one document as [`read_cohort`] or [`read_people`] do; with `screen`, says too whether
/// its schema may still reject it (see [`crate::domain::screen`]), else says `false`.
pub(crate) fn read_document<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    screen: bool,
) -> Result<(T, bool), Unreadable> {
    if !screen {
        return parse(bytes).map(|read| (read, false));
    }
    crate::domain::ids::interning(|| crate::domain::screen::screened(bytes))
        .map_err(|e| super::parse::damaged(bytes, &e))
}

/// Puts the data back together from its index, its cohorts (in the index's order) and its
/// people shards; says what does not fit (a person in the order found in no shard).
pub(crate) fn join(
    index: Index,
    cohorts: Vec<Cohort>,
    shards: Vec<Vec<Person>>,
) -> Result<Data, Fault> {
    // Each person under their id; the rare second record with the same id (a broken rule the
    // store must still not lose) waits apart, so that the common case costs no list per person.
    let mut first: HashMap<String, Person> = HashMap::with_capacity(index.people_order.len());
    let mut more: HashMap<String, VecDeque<Person>> = HashMap::new();
    for person in shards.into_iter().flatten() {
        match first.entry(person.id.as_str().to_owned()) {
            Entry::Vacant(place) => {
                place.insert(person);
            }
            Entry::Occupied(place) => more
                .entry(place.key().clone())
                .or_default()
                .push_back(person),
        }
    }
    let mut people = Vec::with_capacity(index.people_order.len());
    for id in &index.people_order {
        let person = first
            .remove(id)
            .or_else(|| more.get_mut(id).and_then(VecDeque::pop_front))
            .ok_or_else(|| Fault::PersonNowhere(format!("{id:?}")))?;
        people.push(Shared::new(person));
    }
    // A person added to a shard by hand, not in the order: kept, at the end.
    let mut rest: Vec<Person> = first
        .into_values()
        .chain(more.into_values().flatten())
        .collect();
    rest.sort_by(|a, b| a.id.as_str().cmp(b.id.as_str()));
    people.extend(rest.into_iter().map(Shared::new));
    for (entry, cohort) in index.cohorts.iter().zip(&cohorts) {
        if entry.id != cohort.id.as_str() {
            return Err(Fault::CohortMismatch(Box::new([
                entry.file.clone(),
                format!("{:?}", cohort.id.as_str()),
                format!("{:?}", entry.id),
            ])));
        }
    }
    let mut data = index.data;
    data.people = people.into();
    data.cohorts = cohorts.into_iter().map(Shared::new).collect();
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splits and joins back, as the store does with the files.
    pub(crate) fn round_trip(data: &Data) -> Data {
        let docs = split(data);
        let index = read_index(&index_json(data, &docs).unwrap()).unwrap();
        let cohorts = index
            .cohorts
            .iter()
            .map(|entry| {
                let (_, cohort) = docs.cohorts.iter().find(|(f, _)| *f == entry.file).unwrap();
                read_cohort(&pretty(&***cohort).unwrap()).unwrap()
            })
            .collect();
        let shards = index
            .people_files
            .iter()
            .map(|file| read_people(&pretty(&docs.people[file]).unwrap()).unwrap())
            .collect();
        join(index, cohorts, shards).unwrap()
    }

    #[test]
    fn the_sample_splits_and_joins_back_exactly() {
        let data = crate::sample::sample();
        assert_eq!(round_trip(&data), data);
        let docs = split(&data);
        assert!(is_index(&index_json(&data, &docs).unwrap()));
        assert!(!is_index(&crate::store::to_json(&data).unwrap()));
        // Rewritten by another program with its keys sorted, an index is still one.
        let value: Value = serde_json::from_slice(&index_json(&data, &docs).unwrap()).unwrap();
        let sorted = serde_json::to_vec_pretty(&value).unwrap();
        assert_eq!(said_first(&sorted), None);
        assert!(is_index(&sorted));
        assert_eq!(said_first(br#"{"schema_version": 2, "x": 1}"#), Some(2));
        assert_eq!(said_first(br#"{"schema_version": 31}"#), Some(31));
        assert_eq!(docs.cohorts.len(), data.cohorts.len());
        assert!(docs.people.len() > 1);
        let total: usize = docs.people.values().map(Vec::len).sum();
        assert_eq!(total, data.people.len());
    }

    #[test]
    fn odd_and_repeated_ids_get_files_of_their_own() {
        let mut data = crate::sample::sample();
        let first = (*data.cohorts[0]).clone();
        for id in ["Ça/../../etc", "c-na26", "", ".hidden", "UPPER"] {
            let mut copy = first.clone();
            copy.id = crate::domain::CohortId::new(id);
            data.cohorts.push(copy.into());
        }
        data.cohorts.push(first.into());
        let docs = split(&data);
        let mut files: Vec<&String> = docs.cohorts.iter().map(|(f, _)| f).collect();
        assert!(files.iter().all(|f| is_document_path(f)), "{files:?}");
        files.sort();
        files.dedup();
        assert_eq!(files.len(), data.cohorts.len());
        assert_eq!(round_trip(&data), data);
        assert_eq!(cohort_file("c-na26"), "cercle/cohorts/c-na26.json");
        assert_eq!(cohort_file("UPPER"), cohort_file("UPPER"));
        assert_ne!(cohort_file("UPPER"), cohort_file("upper"));
    }

    #[test]
    fn a_person_keeps_their_shard() {
        let data = crate::sample::sample();
        let id = data.people[3].id.as_str().to_owned();
        let mut more = data.clone();
        more.people.remove(0);
        let file = people_file(&id);
        for version in [&data, &more] {
            let docs = split(version);
            assert!(docs.people[&file].iter().any(|p| p.id.as_str() == id));
        }
    }

    #[test]
    fn a_document_that_is_not_utf8_is_refused_where_the_byte_is() {
        let data = crate::sample::sample();
        let docs = split(&data);
        let text = pretty(&**docs.cohorts[0].1).unwrap();
        let at = text.windows(6).position(|w| w == b"\"name\"").unwrap() + 9;
        let line = 1 + memchr::memchr_iter(b'\n', &text[..at]).count();
        let mut bytes = text.clone();
        bytes.insert(at, 0xFF);
        let refused = |read: Result<Cohort, Unreadable>| match read {
            Err(Unreadable::Damaged {
                line,
                reason: Fault::NotJson(detail),
                ..
            }) => (line, detail),
            other => panic!("{other:?}"),
        };
        let (app, detail) = refused(read_cohort(&bytes));
        let (checked, _) = refused(read_document::<Cohort>(&bytes, true).map(|(c, _)| c));
        assert_eq!((app, checked), (line, line));
        assert_eq!(detail, "invalid unicode code point");
        // Without the byte, both read the cohort.
        assert_eq!(read_cohort(&text).unwrap(), **docs.cohorts[0].1);
        assert!(read_document::<Cohort>(&text, true).is_ok());
    }

    #[test]
    fn paths_outside_the_folder_are_refused() {
        for bad in [
            "cercle/cohorts/../../x.json",
            "/etc/passwd",
            "cercle/cohorts/.x.json",
            "cercle/other/x.json",
            "cercle/cohorts/x.txt",
            "cercle/cohorts/a/b.json",
            "backups/x.json",
        ] {
            assert!(!is_document_path(bad), "{bad}");
        }
        assert!(is_document_path("cercle/people/0a.json"));
    }
}
