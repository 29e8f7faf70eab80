//! `cercle export contacts` and `cercle import contacts`.

use crate::cli::ContactFormat;
use crate::domain::directory;
use crate::domain::{Data, Person, PersonId};
use crate::exchange::{self, Format};
use crate::i18n::Lang;
use crate::store::Store;
use std::path::Path;

/// The directory (or the people a search finds) as vCard or CSV (in a dialect), each person
/// with only the fields they agreed to share.
pub(crate) fn render(
    data: &Data,
    format: ContactFormat,
    filter: Option<&str>,
    dialect: crate::export::dialect::Dialect,
) -> Result<Vec<u8>, String> {
    // The filter sees only what each person shares: a file of the people "in dep:47" would
    // otherwise tell the département of those who kept it private.
    let mut shared = data.clone();
    shared.people = data
        .people
        .iter()
        .map(|p| p.as_shared())
        .collect::<Vec<_>>()
        .into();
    let found = directory::find(
        &shared,
        filter.unwrap_or(""),
        directory::Sort::Name,
        directory::Group::None,
        None,
    );
    let people: Vec<&Person> = found.iter().map(|&i| &*data.people[i]).collect();
    match format {
        ContactFormat::Vcard => exchange::export(&people, Format::Vcard),
        ContactFormat::Csv => exchange::csv::write_in(&people, dialect),
    }
    .map(String::into_bytes)
}

/// Imports a vCard or CSV file into the data, saved once; prints what became of each card.
pub fn import(dir: &Path, file: &Path, lang: Lang) -> Result<(), String> {
    let text =
        std::fs::read_to_string(file).map_err(|e| crate::i18n::cannot_read(file, &e, lang))?;
    let mut store = Store::open(dir).map_err(|e| e.to_string())?;
    let mut data = store.load().map_err(|e| e.to_string())?.ok_or_else(|| {
        format!(
            "no data file in {} yet; run `cercle init` first",
            dir.display()
        )
    })?;
    let stamp = crate::domain::clock::now().format("%Y%m%d%H%M%S");
    let tag = std::process::id();
    let mut n = 0;
    let report = exchange::import(&mut data, &text, lang, || {
        n += 1;
        PersonId::new(format!("p-{stamp}-{tag:x}-{n}"))
    })
    .map_err(|e| format!("{}: {e}", file.display()))?;
    if report.changed() {
        store
            .save(&data)
            .map_err(|e| super::load::not_saved(&e, lang))?;
    }
    super::out::block(&report.render(), lang)
}
