//! Whatever the data, a bundle never holds another trainee's marks, any funding, the follow-up
//! log, or a confidential note.

use cercle::domain::knowledge::Evaluation;
use cercle::domain::{Data, Note};
use cercle::share::bundle::{self, Maker};
use cercle::share::records::Records;
use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use serde_json::Value;

/// A secret no bundle may carry, told apart by its number.
fn secret(n: usize) -> Note {
    Note {
        text: format!("SECRET-{n} 🔒"),
        confidential: true,
    }
}

/// Sprinkles confidential notes over people, offers, evaluations and marks' remarks.
fn with_secrets(mut data: Data, picks: &[usize]) -> Data {
    let mut n = 0;
    for (i, pick) in picks.iter().enumerate() {
        n += 1;
        let people = data.people.len();
        data.people[pick % people].notes.push(secret(n));
        let count = data.cohorts.len();
        let cohort = &mut data.cohorts[i % count];
        if !cohort.knowledge.is_empty() {
            let k = pick % cohort.knowledge.len();
            cohort.knowledge[k].note = Some(secret(n + 1000));
        }
        if !cohort.exchanges.is_empty() {
            let e = pick % cohort.exchanges.len();
            let by = cohort.exchanges[e].people.first().cloned();
            cohort.exchanges[e].evaluate(Evaluation {
                by,
                useful: true,
                note: secret(n + 2000),
            });
        }
    }
    data
}

/// Every mark's trainee anywhere in a JSON value.
fn marked(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                if key == "marks" || key == "history" {
                    for m in v.as_array().into_iter().flatten() {
                        if let Some(t) = m.get("trainee").and_then(Value::as_str) {
                            out.push(t.to_owned());
                        }
                    }
                }
                marked(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| marked(v, out)),
        _ => {}
    }
}

fn check(json: &str, trainee: &str) -> Result<(), TestCaseError> {
    prop_assert!(!json.contains("SECRET-"), "a confidential note leaked");
    prop_assert!(!json.contains("\"confidential\":true"));
    prop_assert!(!json.contains("\"funding\""), "funding leaked");
    prop_assert!(!json.contains("\"follow_ups\""), "the follow-up log leaked");
    prop_assert!(!json.contains("\"amount_eur\""));
    let value: Value = serde_json::from_str(json).unwrap();
    let mut trainees = Vec::new();
    marked(&value, &mut trainees);
    prop_assert!(
        trainees.iter().all(|t| t == trainee),
        "marks of {:?} leaked",
        trainees
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn no_bundle_carries_what_it_must_not(
        seed in 0u64..10_000,
        cohorts in 1usize..3,
        picks in proptest::collection::vec(0usize..1000, 1..12),
        received_secrets in any::<bool>(),
    ) {
        let data = with_secrets(cercle::generate::generate(cohorts, seed), &picks);
        let now = Utc.with_ymd_and_hms(2026, 11, 28, 10, 0, 0).unwrap();
        for cohort in &data.cohorts {
            let maker = Maker { id: cohort.trainers[0].clone(), name: "T".into() };
            for trainee in &cohort.trainees {
                // What was last received may hold anything the other side sent.
                let base = if received_secrets {
                    let from = bundle::for_trainers(&data, cohort, trainee, now, &Records::new());
                    from.records
                } else {
                    Records::new()
                };
                let out = bundle::for_trainee(&data, cohort, trainee, maker.clone(), now, &base);
                check(&serde_json::to_string(&out).unwrap(), trainee.as_str())?;
                let back = bundle::for_trainers(&data, cohort, trainee, now, &out.records);
                check(&serde_json::to_string(&back).unwrap(), trainee.as_str())?;
            }
        }
    }
}
