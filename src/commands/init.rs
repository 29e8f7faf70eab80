//! `cercle init [--sample]` and `cercle generate`: a new data file, never over one.

use super::exit::Failure;
use super::load::not_saved;
use super::out;
use crate::domain::Data;
use crate::i18n::Lang;
use std::path::Path;

/// Writes a new data file, refusing to replace one.
fn create(dir: &Path, data: &Data, what: &str, lang: Lang) -> Result<(), Failure> {
    let mut store = super::load::open(dir, lang)?;
    if store.data_path().exists() {
        return Err(format!(
            "{} already exists; Cercle never replaces data. Choose another --data-dir, or move the file away first.",
            store.data_path().display()
        ).into());
    }
    store.save(data).map_err(|e| not_saved(&e, lang))?;
    out::line(
        &format!("{what} written to {}", store.data_path().display()),
        lang,
    )
}

/// `init`: the sample cohort, or an empty programme.
pub(super) fn init(dir: &Path, sample: bool, lang: Lang) -> Result<(), Failure> {
    if sample {
        create(dir, &crate::sample::sample(), "The sample cohort was", lang)
    } else {
        create(
            dir,
            &Data::empty("Facilitateur·rice de tiers-lieux", ""),
            "An empty programme was",
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
        &format!("A synthetic network of {cohorts} cohorts (seed {seed}) was"),
        lang,
    )
}
