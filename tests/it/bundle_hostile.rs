//! Hostile bundles: damaged bytes, and well-formed bundles (with a valid hash) whose records
//! have any shape. Each is refused or merged; none panics, and a refusal changes nothing.

use crate::common;

use cercle::domain::PersonId;
use cercle::share::bundle::{self, Audience, Bundle, Maker};
use cercle::share::import::{Importer, plan};
use cercle::share::records::Records;
use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use serde_json::Value;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 10, 0, 0).unwrap()
}

fn valid() -> Vec<u8> {
    let data = cercle::sample::sample();
    let cohort = data.current().unwrap();
    let maker = Maker {
        id: cohort.trainers[0].clone(),
        name: "T".into(),
    };
    bundle::for_trainee(
        &data,
        cohort,
        &cohort.trainees[0],
        maker,
        now(),
        &Records::new(),
    )
    .to_json()
}

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        "[a-z0-9:\\-é😀\u{1b}\u{0}]{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 32, 5, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::from),
            proptest::collection::btree_map("[a-z_]{1,10}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("programme".to_owned()),
        "(cohort|venue|person|seminar|knowledge|exchange|tutor_request|other):[a-z0-9\\-]{0,12}",
        "[a-z:]{0,10}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn damaged_bytes_are_refused_without_panic(
        cut in 0usize..60_000,
        flips in proptest::collection::vec((0usize..60_000, any::<u8>()), 0..8),
    ) {
        let mut bytes = valid();
        for (at, byte) in flips {
            let at = at % bytes.len();
            bytes[at] = byte;
        }
        bytes.truncate(cut.min(bytes.len()));
        common::hostile::bundle(&bytes);
    }

    #[test]
    fn records_of_any_shape_are_merged_or_refused_without_panic(
        records in proptest::collection::btree_map(key(), json(), 0..8),
        base in proptest::collection::btree_map(key(), json(), 0..4),
        to_trainers in any::<bool>(),
        fresh in any::<bool>(),
    ) {
        let data = cercle::sample::sample();
        let cohort = data.current().unwrap().id.clone();
        let audience = if to_trainers { Audience::Trainers } else { Audience::Trainee };
        let trainee = PersonId::new("p-camille-dubois");
        let maker = Maker { id: trainee.clone(), name: "C".into() };
        let made = Bundle::new(cohort, audience, trainee, maker, now(), records, base);
        let parsed = Bundle::parse(&made.to_json()).unwrap();
        let importer = Importer { me: None, trainer: false, ours: "here".into(), now: now() };
        let into = if fresh { None } else { Some(&data) };
        if let Ok(plan) = plan(into, parsed, &Records::new(), &importer) {
            // Whatever was merged, the result is a valid document.
            let bytes = serde_json::to_vec(&plan.data).unwrap();
            let _: cercle::domain::Data = serde_json::from_slice(&bytes).unwrap();
        }
    }
}
