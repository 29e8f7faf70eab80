//! `cercle export contacts` and `cercle import contacts`.

use crate::cli::ContactFormat;
use crate::domain::directory::{self, SortKeys};
use crate::domain::search::{self, Index, Query};
use crate::domain::{Person, PersonId};
use crate::exchange::{self, Format};
use crate::store::Store;
use std::io::Write as _;
use std::path::Path;

/// Writes the directory (or the people a search finds) as vCard or CSV.
pub fn export(
    dir: &Path,
    format: ContactFormat,
    filter: Option<&str>,
    output: Option<&Path>,
) -> Result<(), String> {
    let data = super::read(dir).map_err(|e| e.to_string())?;
    let query = Query::parse(filter.unwrap_or(""));
    let keys = SortKeys::new(&data);
    let mut hits = search::search(
        &data,
        &Index::new(&data),
        &keys.cohorts,
        &query,
        &mut search::matcher(),
    );
    directory::order(
        &data,
        &keys,
        &mut hits,
        query.has_words(),
        directory::Sort::Name,
        directory::Group::None,
        None,
    );
    let people: Vec<&Person> = hits.iter().map(|&(i, _)| &data.people[i]).collect();
    let format = match format {
        ContactFormat::Vcard => Format::Vcard,
        ContactFormat::Csv => Format::Csv,
    };
    let text = exchange::export(&people, format)?;
    match output {
        Some(path) if path != Path::new("-") => {
            // A bare file name has an empty parent, which `write_private` cannot create.
            let path = &if path.parent() == Some(Path::new("")) {
                Path::new(".").join(path)
            } else {
                path.to_owned()
            };
            crate::store::write_private(path, text.as_bytes())
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            eprintln!("{} people written to {}", people.len(), path.display());
        }
        // A closed pipe (`| head`) is not an error worth a panic.
        _ => {
            let _ = std::io::stdout().write_all(text.as_bytes());
        }
    }
    Ok(())
}

/// Imports a vCard or CSV file into the data, saved once; prints what became of each card.
pub fn import(dir: &Path, file: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let mut store = Store::open(dir).map_err(|e| e.to_string())?;
    let mut data = store.load().map_err(|e| e.to_string())?.ok_or_else(|| {
        format!(
            "no data file in {} yet; run `cercle init` first",
            dir.display()
        )
    })?;
    let stamp = chrono::Utc::now().format("%Y%m%d%H%M%S");
    let tag = std::process::id();
    let mut n = 0;
    let report = exchange::import(&mut data, &text, || {
        n += 1;
        PersonId::new(format!("p-{stamp}-{tag:x}-{n}"))
    })
    .map_err(|e| format!("{}: {e}", file.display()))?;
    if report.changed() {
        store.save(&data).map_err(|e| e.to_string())?;
    }
    let _ = std::io::stdout().write_all(report.render().as_bytes());
    Ok(())
}
