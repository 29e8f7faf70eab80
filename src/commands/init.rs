//! `cercle init [--sample]` and `cercle generate`: a new data file, never over one.

use super::exit::Failure;
use super::load::not_saved;
use super::out;
use crate::domain::Data;
use crate::i18n::{Lang, Msg, fill};
use std::path::Path;

/// Writes a new data file, refusing to replace one; `done` says what was written (`{path}`).
fn create(dir: &Path, data: &Data, done: &str, lang: Lang) -> Result<(), Failure> {
    let mut store = super::load::open(dir, lang)?;
    let path = store.data_path().display().to_string();
    if store.data_path().exists() {
        return Err(fill(Msg::CliExists.text(lang), &[("path", &path)]).into());
    }
    store.save(data).map_err(|e| not_saved(&e, lang))?;
    out::line(&fill(done, &[("path", &path)]), lang)
}

/// `init`: the sample cohort, or an empty programme.
pub(super) fn init(dir: &Path, sample: bool, lang: Lang) -> Result<(), Failure> {
    if sample {
        create(
            dir,
            &crate::sample::sample(),
            Msg::CliSampleWritten.text(lang),
            lang,
        )
    } else {
        create(
            dir,
            &Data::empty("Facilitateur·rice de tiers-lieux", ""),
            Msg::CliEmptyWritten.text(lang),
            lang,
        )
    }
}

/// `generate`: a synthetic network of cohorts, for measuring.
pub(super) fn generate(dir: &Path, cohorts: u32, seed: u64, lang: Lang) -> Result<(), Failure> {
    let data = crate::generate::generate(cohorts as usize, seed);
    create(
        dir,
        &data,
        &fill(
            Msg::CliNetworkWritten.text(lang),
            &[
                ("cohorts", &cohorts.to_string()),
                ("seed", &seed.to_string()),
            ],
        ),
        lang,
    )
}
