//! The screen of `cercle check` (`cercle::domain::screen`) against the schema's validator: a
//! document the typed records read without a doubt is one the schema accepts. Every place of
//! the sample's documents is changed in turn (a field added, one removed, a value of another
//! type or form, an item repeated) and the two must agree.

use cercle::domain::Cohort;
use cercle::domain::people::Person;
use cercle::domain::screen::screened;
use cercle::schema::{DocumentKind, schema_errors};
use cercle::store::Store;
use serde_json::{Value, json};

/// The sample's documents, each with its kind, arrays cut to two items (every shape is still
/// there, and each change is quick to validate), and the cohort's records the sample lacks.
fn documents() -> Vec<(DocumentKind, Value)> {
    let tmp = tempfile::tempdir().unwrap();
    let data = cercle::sample::sample();
    Store::open(tmp.path())
        .unwrap()
        .migrate_to_split(&data)
        .unwrap();
    let mut found = Vec::new();
    for (folder, kind) in [
        ("cohorts", DocumentKind::Cohort),
        ("people", DocumentKind::People),
    ] {
        let mut files: Vec<_> = std::fs::read_dir(tmp.path().join("cercle").join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for file in files {
            let mut value: Value = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
            cut(&mut value);
            found.push((kind, value));
        }
    }
    let (_, cohort) = found
        .iter_mut()
        .find(|(kind, _)| *kind == DocumentKind::Cohort)
        .unwrap();
    cohort["codev_sessions"] = json!([{
        "id": "cd-1", "date": "2026-03-02", "client": "p-1", "consultants": ["p-2", "p-3"],
        "steps": [{"step": "expose", "minutes": 10, "notes": "n"}], "steps_done": 6
    }]);
    cohort["departures"] = json!([{"trainee": "p-4", "date": "2026-03-02", "reason": "moved"}]);
    cohort["proposals"] = json!([
        {"id": "pr-1", "trainee": "p-1", "competency": "c-1", "made_on": "2026-03-02",
         "proposed": {"evidence": {"text": "t", "confidential": true, "source": {"seminar": "s-1"}}},
         "answer": {"accepted": false, "by": "p-9", "on": "2026-03-03", "reason": "r"}},
        {"id": "pr-2", "trainee": "p-1", "competency": "c-1", "made_on": "2026-03-02",
         "proposed": {"level": "acquired"}}
    ]);
    found
}

fn cut(value: &mut Value) {
    match value {
        Value::Array(items) => {
            items.truncate(2);
            items.iter_mut().for_each(cut);
        }
        Value::Object(fields) => fields.values_mut().for_each(cut),
        _ => {}
    }
}

/// Whether the typed records read `value` as a document of `kind` without a doubt.
fn clean(kind: DocumentKind, value: &Value) -> bool {
    let bytes = serde_json::to_vec_pretty(value).unwrap();
    match kind {
        DocumentKind::Cohort => matches!(screened::<Cohort>(&bytes), Ok((_, false))),
        DocumentKind::People => matches!(screened::<Vec<Person>>(&bytes), Ok((_, false))),
        DocumentKind::Index => unreachable!("the index is always validated"),
    }
}

/// Every pointer in `value`, each with a copy of what is there.
fn places(value: &Value, at: &str, out: &mut Vec<(String, Value)>) {
    out.push((at.to_owned(), value.clone()));
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                places(item, &format!("{at}/{i}"), out);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                places(
                    item,
                    &format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        _ => {}
    }
}

/// The changes tried at one place: what to put there instead (`None`: remove it).
fn changes(here: &Value) -> Vec<Option<Value>> {
    let mut tried = vec![
        None,
        Some(json!(null)),
        Some(json!(7)),
        Some(json!(-1)),
        Some(json!(1.5)),
    ];
    tried.extend([json!("x"), json!(""), json!(true), json!([]), json!({})].map(Some));
    match here {
        Value::String(text) => {
            // Other forms of a date, a time and an instant, which a lenient reader may take.
            tried.extend(
                [
                    "2026-3-2",
                    "02/03/2026",
                    "9:00",
                    "09:00:00Z",
                    "2026-03-02 08:05:00Z",
                    "2026-03-02T08:05:00",
                    "\u{a0}2026-03-02",
                    "\t09:00",
                ]
                .map(|t| Some(json!(t))),
            );
            tried.push(Some(json!(format!("{text} "))));
        }
        Value::Number(_) => tried.extend([json!(4_294_967_296_u64), json!(256)].map(Some)),
        Value::Array(items) if !items.is_empty() => {
            let mut twice = items.clone();
            twice.push(items[0].clone());
            tried.push(Some(Value::Array(twice)));
        }
        Value::Object(fields) => {
            let mut more = fields.clone();
            more.insert("zz_unknown".into(), json!(1));
            tried.push(Some(Value::Object(more)));
        }
        _ => {}
    }
    tried
}

/// `value` with `change` made at `pointer`; `None` when the place cannot take it (the root).
fn changed(value: &Value, pointer: &str, change: Option<&Value>) -> Option<Value> {
    let (parent, last) = pointer.rsplit_once('/')?;
    let mut out = value.clone();
    let key = last.replace("~1", "/").replace("~0", "~");
    match out.pointer_mut(parent)? {
        Value::Object(fields) => match change {
            Some(v) => {
                fields.insert(key, v.clone());
            }
            None => {
                fields.remove(&key);
            }
        },
        Value::Array(items) => {
            let i: usize = key.parse().ok()?;
            match change {
                Some(v) => items[i] = v.clone(),
                None => {
                    items.remove(i);
                }
            }
        }
        _ => return None,
    }
    Some(out)
}

#[test]
fn a_document_the_records_read_without_doubt_is_one_the_schema_accepts() {
    let mut tried = 0;
    let mut refused = 0;
    let mut disagree = Vec::new();
    let mut untranslated = Vec::new();
    for (kind, document) in documents() {
        assert!(
            schema_errors(Some(kind), &document).is_empty(),
            "the sample breaks its schema"
        );
        assert!(
            clean(kind, &document),
            "a sound {kind:?} document was doubted: check would be slow"
        );
        let mut all = Vec::new();
        places(&document, "", &mut all);
        for (pointer, here) in &all {
            for change in changes(here) {
                let Some(mutant) = changed(&document, pointer, change.as_ref()) else {
                    continue;
                };
                tried += 1;
                let errors = schema_errors(Some(kind), &mutant);
                if !errors.is_empty() {
                    refused += 1;
                    // `check` says each of them in French too.
                    untranslated.extend(
                        errors
                            .iter()
                            .filter(|e| e.french.is_none())
                            .map(|e| e.message.clone()),
                    );
                    if clean(kind, &mutant) {
                        disagree.push(format!(
                            "{kind:?} {pointer} ← {change:?}: {}",
                            errors[0].message
                        ));
                    }
                }
            }
        }
    }
    assert!(
        disagree.is_empty(),
        "{} of {tried} changes the schema refuses went unnoticed:\n{}",
        disagree.len(),
        disagree.join("\n")
    );
    assert!(
        untranslated.is_empty(),
        "{} schema errors have no French: {:?}",
        untranslated.len(),
        untranslated.iter().take(5).collect::<Vec<_>>()
    );
    // The changes do reach the schema: most of them break it.
    assert!(refused * 2 > tried, "{refused} of {tried}");
}

/// The first cohort document (made once), with the pointers of a date, a time and an instant
/// in it.
fn cohort_with_places() -> (&'static Value, [&'static str; 3]) {
    static COHORT: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    let cohort = COHORT.get_or_init(|| {
        documents()
            .into_iter()
            .find(|(kind, _)| *kind == DocumentKind::Cohort)
            .unwrap()
            .1
    });
    let places = [
        "/start",
        "/seminars/0/half_days/0/start",
        "/seminars/0/half_days/0/marks/0/at",
    ];
    for place in places {
        assert!(
            cohort.pointer(place).is_some_and(Value::is_string),
            "{place}"
        );
    }
    (cohort, places)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: 512,
        ..proptest::prelude::ProptestConfig::default()
    })]

    /// Any string that looks like a date, a time or an instant, put where one belongs: when the
    /// schema refuses it, the screen must not vouch for the document.
    #[test]
    fn no_date_or_time_the_schema_refuses_passes_the_screen(
        text in concat!(
            "[ \t\u{a0}\u{2003}+]{0,2}",
            "([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}",
            "|[0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,10})?)?",
            "|[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2})?([.][0-9]{1,3})?(Z|z|[+-][0-9]{2}:?[0-9]{2})?)",
            "[ \t\u{a0}]?"
        )
    ) {
        let (cohort, places) = cohort_with_places();
        for place in places {
            let mutant = changed(cohort, place, Some(&json!(text))).unwrap();
            let refused = !schema_errors(Some(DocumentKind::Cohort), &mutant).is_empty();
            proptest::prop_assert!(
                !(refused && clean(DocumentKind::Cohort, &mutant)),
                "{place} ← {text:?}: the schema refuses it, the screen let it through"
            );
        }
    }
}
