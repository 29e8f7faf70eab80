//! The sample cohort shipped in the binary: a fictional programme to explore the app with.
//!
//! `assets/sample-cohort.json` is written by `tools/make_sample.py`; every person, venue and
//! address in it is invented. Its past half-days are signed and sealed when it is read: each
//! person's code is her first name in lower case without accents, then `2026` (the README
//! lists them), so that anyone can try signing.

use crate::domain::seal_past::sign_and_seal_past;
use crate::domain::{Data, PersonId};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;

/// The sample document, as written in `assets/sample-cohort.json`.
pub const SAMPLE_JSON: &str = include_str!("../assets/sample-cohort.json");

/// The "today" the sample is written around: half-days before it are marked and signed.
pub const SAMPLE_TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 28) {
    Some(date) => date,
    None => panic!("2026-11-28 is a valid date"), // evaluated at compile time
};

/// The sample document, parsed, its past half-days signed by their trainees and sealed.
pub fn sample() -> Data {
    // Cannot fail at run time: the text is fixed at compile time and the test
    // `sample_parses_and_is_canonical` in tests/sample.rs parses this very constant.
    let mut data: Data = serde_json::from_str(SAMPLE_JSON).expect("the embedded sample parses");
    let codes: FxHashMap<PersonId, String> = data
        .people
        .iter()
        .map(|p| (p.id.clone(), code_of(&p.name)))
        .collect();
    sign_and_seal_past(&mut data, &|id| codes.get(id).cloned().unwrap_or_default());
    data
}

/// A sample person's code: her first name in lower case without accents, then `2026`
/// (Camille Dubois signs with `camille2026`, Élodie Marty with `elodie2026`).
pub fn code_of(name: &str) -> String {
    let first = name.split_whitespace().next().unwrap_or_default();
    format!("{}2026", deunicode::deunicode(first).to_lowercase())
}
