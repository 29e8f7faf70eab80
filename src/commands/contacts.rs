//! `cercle export contacts` and `cercle import contacts`.

use super::exit::Failure;
use crate::cli::ContactFormat;
use crate::domain::directory;
use crate::domain::{Data, Person, PersonId};
use crate::exchange::{self, Format};
use crate::i18n::Lang;
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
pub fn import(dir: &Path, file: &Path, json: bool, lang: Lang) -> Result<(), Failure> {
    let text =
        std::fs::read_to_string(file).map_err(|e| crate::i18n::cannot_read(file, &e, lang))?;
    let mut store = super::load::open(dir, lang)?;
    let mut data = store
        .load()
        .map_err(|e| super::load::store_failure(&e, lang))?
        .ok_or_else(|| {
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
    if json {
        return super::out::json(&report_json(&report), lang);
    }
    super::out::block(&report.render(), lang)
}

/// An import's report for a script: the format, the counts, and each card's fate.
fn report_json(report: &exchange::Report) -> serde_json::Value {
    use exchange::Outcome;
    let (added, updated, skipped, failed) = report.counts();
    let entries: Vec<serde_json::Value> = report
        .entries
        .iter()
        .map(|entry| {
            let (outcome, detail) = match &entry.outcome {
                Outcome::Added => ("added", serde_json::Value::Null),
                Outcome::Updated(fields) => ("updated", serde_json::json!(fields)),
                Outcome::Skipped(why) => ("skipped", serde_json::json!(why)),
                Outcome::Failed(why) => ("failed", serde_json::json!(why)),
            };
            serde_json::json!({
                "position": entry.position,
                "line": entry.line,
                "name": entry.name,
                "outcome": outcome,
                "detail": detail,
            })
        })
        .collect();
    serde_json::json!({
        "format": match report.format {
            Format::Vcard => "vcard",
            Format::Csv => "csv",
        },
        "added": added,
        "updated": updated,
        "skipped": skipped,
        "failed": failed,
        "entries": entries,
    })
}
