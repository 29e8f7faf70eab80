//! The sample cohort shipped in the binary: a fictional programme to explore the app with.
//!
//! `assets/sample-cohort.json` is written by `tools/make_sample.py`; every person, venue and
//! address in it is invented.

use crate::domain::Data;
use chrono::NaiveDate;

/// The sample document, as written in `assets/sample-cohort.json`.
pub const SAMPLE_JSON: &str = include_str!("../assets/sample-cohort.json");

/// The "today" the sample is written around: half-days before it are marked and signed.
pub const SAMPLE_TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 28) {
    Some(date) => date,
    None => panic!("2026-11-28 is a valid date"), // evaluated at compile time
};

/// The sample document, parsed.
pub fn sample() -> Data {
    // Cannot fail at run time: the text is fixed at compile time and the test
    // `sample_parses_and_is_canonical` in tests/sample.rs parses this very constant.
    serde_json::from_str(SAMPLE_JSON).expect("the embedded sample parses")
}
