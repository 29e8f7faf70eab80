//! The JSON Schema of the data file: it accepts what the app writes, rejects what the app
//! rejects, and says where.

use cercle::domain::{Data, SCHEMA_VERSION};
use cercle::generate::generate;
use cercle::sample::{SAMPLE_JSON, sample};
use cercle::schema::{SCHEMA_JSON, validate};
use serde_json::{Value, json};
use std::collections::HashSet;

fn sample_value() -> Value {
    serde_json::from_str(SAMPLE_JSON).unwrap()
}

#[test]
fn schema_describes_this_version() {
    let schema: Value = serde_json::from_str(SCHEMA_JSON).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(
        schema["properties"]["schema_version"]["const"],
        json!(SCHEMA_VERSION)
    );
}

#[test]
fn the_sample_validates() {
    assert_eq!(validate(&sample_value()), Vec::<String>::new());
}

#[test]
fn a_generated_network_validates() {
    let value = serde_json::to_value(generate(5, 7)).unwrap();
    assert_eq!(validate(&value), Vec::<String>::new());
}

#[test]
fn a_wrong_enum_value_is_reported_with_its_pointer() {
    let mut value = sample_value();
    value["cohorts"][1]["seminars"][0]["half_days"][0]["marks"][2]["status"] = json!("presnt");
    let errors = validate(&value);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("/cohorts/1/seminars/0/half_days/0/marks/2/status: "),
        "{errors:?}"
    );
    assert!(errors[0].contains("presnt"), "{errors:?}");
}

#[test]
fn a_person_without_a_name_is_reported_with_its_pointer() {
    let mut value = sample_value();
    value["people"][3].as_object_mut().unwrap().remove("name");
    let errors = validate(&value);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("/people/3: "), "{errors:?}");
    assert!(errors[0].contains("\"name\""), "{errors:?}");
}

#[test]
fn unknown_fields_and_bad_formats_are_caught() {
    let mut value = sample_value();
    value["venues"][0]["capacité"] = json!(20);
    value["cohorts"][0]["start"] = json!("2024-13-01");
    value["cohorts"][0]["seminars"][0]["half_days"][1]["start"] = json!("9h00");
    let errors = validate(&value);
    let pointers: Vec<_> = errors
        .iter()
        .map(|e| e.split(": ").next().unwrap())
        .collect();
    assert!(pointers.contains(&"/venues/0"), "{errors:?}");
    assert!(pointers.contains(&"/cohorts/0/start"), "{errors:?}");
    assert!(
        pointers.contains(&"/cohorts/0/seminars/0/half_days/1/start"),
        "{errors:?}"
    );
}

#[test]
fn a_document_that_is_not_an_object_points_at_the_root() {
    let errors = validate(&json!([1, 2]));
    assert!(
        !errors.is_empty() && errors[0].starts_with("/: "),
        "{errors:?}"
    );
}

// ---- The schema agrees with serde, field by field ------------------------------------------

/// The shape of a value: its keys and the shapes below them, without the data.
fn shape(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let fields: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{k}:{}", shape(v)))
                .collect();
            format!("{{{}}}", fields.join(","))
        }
        Value::Array(items) => {
            let mut shapes: Vec<String> = items.iter().map(shape).collect();
            shapes.sort();
            shapes.dedup();
            format!("[{}]", shapes.join("|"))
        }
        Value::String(_) => "s".into(),
        Value::Number(_) => "n".into(),
        Value::Bool(_) => "b".into(),
        Value::Null => "null".into(),
    }
}

/// A copy of `value` keeping, in each array, only the first element of every shape not yet
/// seen at that place in the document: every kind of record and every optional field stays.
fn prune(value: &Value, place: &str, seen: &mut HashSet<(String, String)>) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), prune(v, &format!("{place}/{k}"), seen)))
                .collect(),
        ),
        Value::Array(items) => {
            let mut kept = Vec::new();
            for item in items {
                if seen.insert((place.to_owned(), shape(item))) {
                    kept.push(prune(item, &format!("{place}/*"), seen));
                }
            }
            Value::Array(kept)
        }
        other => other.clone(),
    }
}

/// Every object in `value`, by JSON pointer.
fn objects(value: &Value, pointer: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                objects(v, format!("{pointer}/{k}"), out);
            }
            out.push(pointer);
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                objects(v, format!("{pointer}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn schema_and_serde_agree_on_every_field() {
    let mut full = sample_value();
    // Records and fields the sample leaves out, added so that they are checked too.
    let current = &mut full["cohorts"][1];
    current["departures"] = json!([{
        "trainee": "p-nathan-perrin", "date": "2026-12-01", "reason": "Nouvel emploi"
    }]);
    current["tutor_requests"][3]["duplicate_of"] = json!("tr-na26-01");
    current["tutor_requests"][3]["deferred_to"] = json!("2027-01-05");
    let half_day = &mut current["seminars"][0]["half_days"][0];
    half_day["seals"] = json!([{
        "by": "p-helene-marchetti", "at": "2026-10-05T08:00:00Z", "seq": 0, "prev": "",
        "history": 0, "key": "a2V5", "sig": "c2ln"
    }]);
    half_day["withdrawals"] = json!([{
        "seal": 0, "by": "p-helene-marchetti", "at": "2026-10-05T09:00:00Z",
        "reason": "scellé trop tôt", "seq": 1, "prev": "00ff", "key": "a2V5", "sig": "c2ln"
    }]);
    let doc = prune(&full, "", &mut HashSet::new());
    assert!(validate(&doc).is_empty() && serde_json::from_value::<Data>(doc.clone()).is_ok());
    let mut pointers = Vec::new();
    objects(&doc, String::new(), &mut pointers);
    let replacements = [
        json!("zzz"),
        json!(null),
        json!(7),
        json!(-1),
        json!(1.5),
        json!(true),
        json!([]),
        json!({}),
    ];
    let mut checked = 0;
    let mut disagreements = Vec::new();
    for pointer in &pointers {
        let keys: Vec<String> = doc
            .pointer(pointer)
            .unwrap()
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        for key in keys {
            if pointer.is_empty() && key == "schema_version" {
                continue; // the schema pins version 1 on purpose; the app reads any number
            }
            let mut variants = Vec::new();
            let mut removed = doc.clone();
            removed
                .pointer_mut(pointer)
                .unwrap()
                .as_object_mut()
                .unwrap()
                .remove(&key);
            variants.push(("removed".to_owned(), removed));
            for replacement in &replacements {
                let mut changed = doc.clone();
                changed.pointer_mut(pointer).unwrap()[&key] = replacement.clone();
                variants.push((format!("set to {replacement}"), changed));
            }
            for (what, variant) in variants {
                let serde_ok = serde_json::from_value::<Data>(variant.clone()).is_ok();
                let schema_ok = validate(&variant).is_empty();
                checked += 1;
                if serde_ok != schema_ok {
                    disagreements.push(format!(
                        "{pointer}/{key} {what}: serde {serde_ok}, schema {schema_ok}"
                    ));
                }
            }
        }
    }
    assert!(
        checked > 1000,
        "only {checked} variants: the pruning kept too little"
    );
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}

#[test]
fn the_sample_round_trips_through_serde_unchanged() {
    // What validates is what the app reads: the schema never passes a field serde would drop.
    let value = sample_value();
    let data: Data = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(data, crate::sample::unsigned(sample()));
    assert_eq!(serde_json::to_value(&data).unwrap(), value);
}

/// The schemas of the split layout's documents: shipped in `assets/schema/`, made from the data
/// file's, and every document of a split sample and network validates against its own.
#[test]
fn each_kind_of_document_has_its_schema_and_the_documents_validate() {
    use cercle::schema::{DocumentKind, document_schema, validate_document};
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/schema");
    for kind in DocumentKind::ALL {
        let made = serde_json::to_string_pretty(&document_schema(kind)).unwrap() + "\n";
        let path = folder.join(kind.file_name());
        if std::env::var_os("CERCLE_WRITE_SCHEMAS").is_some() {
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(&path, &made).unwrap();
        }
        let shipped = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            shipped == made,
            "{} is out of date: run CERCLE_WRITE_SCHEMAS=1 cargo test --test it schema",
            path.display()
        );
    }
    for data in [sample(), generate(4, 9)] {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = cercle::store::Store::open(tmp.path()).unwrap();
        store.migrate_to_split(&data).unwrap();
        let mut checked = 0;
        for entry in walkdir(tmp.path()) {
            let name = entry
                .strip_prefix(tmp.path())
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let kind = if name == "cercle.json" {
                DocumentKind::Index
            } else if name.starts_with("cercle/cohorts/") {
                DocumentKind::Cohort
            } else if name.starts_with("cercle/people/") {
                DocumentKind::People
            } else {
                continue;
            };
            let value: Value = serde_json::from_slice(&std::fs::read(&entry).unwrap()).unwrap();
            assert_eq!(
                validate_document(kind, &value),
                Vec::<String>::new(),
                "{name}"
            );
            checked += 1;
        }
        assert!(checked > data.cohorts.len());
    }
    // And a fault is caught, with its pointer.
    let mut cohort = serde_json::to_value(&*sample().cohorts[0]).unwrap();
    cohort["price_eur"] = json!("cher");
    let errors = validate_document(DocumentKind::Cohort, &cohort);
    assert!(
        errors.iter().any(|e| e.starts_with("/price_eur: ")),
        "{errors:?}"
    );
}

fn walkdir(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            if entry.path().is_dir() {
                stack.push(entry.path());
            } else {
                out.push(entry.path());
            }
        }
    }
    out
}
