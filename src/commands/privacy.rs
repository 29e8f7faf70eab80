//! `cercle export person P` and `cercle forget P`: a person's rights of access and erasure.

use super::exit::Failure;
use super::load::person;
use super::out;
use crate::domain::privacy::{self, Forgotten};
use crate::domain::{Data, Person};
use crate::i18n::Lang;
use std::fmt::Write as _;
use std::io::BufRead as _;
use std::path::Path;

/// Everything about the person, as JSON escaped so that it prints harmlessly.
pub fn person_json(data: &Data, query: &str) -> Result<Vec<u8>, String> {
    let person = person(data, query)?;
    let value = privacy::about(data, &person.id)?;
    let mut json = serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?;
    json.push('\n');
    Ok(crate::domain::text::escape_json(&json)
        .into_owned()
        .into_bytes())
}

/// Forgets a person after saying what will go and what stays, and asking (unless `yes`).
pub fn forget(dir: &Path, query: &str, yes: bool, lang: Lang) -> Result<(), Failure> {
    let mut store = super::load::open(dir, lang)?;
    let data = store
        .load()
        .map_err(|e| super::load::store_failure(&e, lang))?
        .ok_or("there is no data file yet, so no one to forget")?;
    let person = person(&data, query)?.clone();
    // Erasing is for good: a part of a name is not enough to pick whom.
    let fold = crate::domain::fold::fold;
    if person.id.as_str() != query && fold(person.name.trim()) != fold(query.trim()) {
        return Err(format!(
            "\"{query}\" is only part of {}'s name: to forget someone, give their full name or their id ({})",
            crate::domain::text::visible(&person.name),
            person.id
        ).into());
    }
    let mut planned = data.clone();
    let plan = privacy::forget(&mut planned, &person.id)?;
    let name = crate::domain::text::visible(&person.name).into_owned();
    out::block(&describe(&name, person.id.as_str(), &plan, true), lang)?;
    if !yes && !confirmed(&name, lang)? {
        return Err("nothing was changed".into());
    }
    store
        .save(&planned)
        .map_err(|e| super::load::not_saved(&e, lang))?;
    let pseudonym = plan.pseudonym.as_ref().map(|p| p.id.clone());
    let copies = store
        .rewrite_copies(&mut |copy| {
            if copy.person(&person.id).is_none() {
                return false;
            }
            // The same stand-in everywhere, so a restored backup agrees with the file.
            let forgotten = privacy::forget(copy, &person.id);
            if let (Ok(f), Some(id)) = (&forgotten, &pseudonym) {
                rename_stand_in(copy, f, id);
            }
            forgotten.is_ok()
        })
        .map_err(|e| e.to_string())?;
    let mut text = String::new();
    let _ = writeln!(
        text,
        "{name} was forgotten in {} and in {} backup or recovery file(s).",
        store.data_path().display(),
        copies.rewritten.len()
    );
    for path in copies.unreadable.iter().chain(&leftovers(dir, &person)) {
        let _ = writeln!(
            text,
            "This file may still hold {name}; check it and delete it if so: {}",
            path.display()
        );
    }
    if dir.join(".git").exists() {
        // Cercle never rewrites the team's shared history on its own: every clone holds it.
        let _ = writeln!(
            text,
            "The sync history ({}) and the team's repository still hold earlier versions that \
             name {name}: rewriting them needs every clone of the team (see docs/sync.md, \
             \"Forgetting a person\").",
            dir.join(".git").display()
        );
    }
    out::block(&text, lang)
}

/// The stand-in a backup got is renamed to the one the data file got.
fn rename_stand_in(copy: &mut Data, forgotten: &Forgotten, id: &crate::domain::PersonId) {
    let Some(stand_in) = &forgotten.pseudonym else {
        return;
    };
    if &stand_in.id == id {
        return;
    }
    let mut value = serde_json::to_value(&*copy).unwrap_or_default();
    if crate::domain::merge::rename(&mut value, stand_in.id.as_str(), id.as_str())
        && let Ok(renamed) = serde_json::from_value(value)
    {
        *copy = renamed;
    }
}

/// Damaged copies and exports in the data directory that name the person, in their text as
/// any export format encodes it (HTML entities, JSON and vCard escapes, CSV quoting) or in
/// their file name (`certificat-camille-dubois.html`), or a PDF whose HTML twin names her: they
/// cannot be rewritten safely, so the user is told.
fn leftovers(dir: &Path, person: &Person) -> Vec<std::path::PathBuf> {
    let needles = [person.id.as_str(), person.name.as_str()];
    let named = format!("-{}-", super::bundle::slug(&person.name));
    let holds = |path: &Path| {
        let stem = path
            .file_stem()
            .map(|s| super::bundle::slug(&s.to_string_lossy()));
        let reads = |path: &Path| {
            std::fs::read(path)
                .is_ok_and(|bytes| crate::export::reading::names_any(&bytes, &needles))
        };
        // A PDF's text is compressed glyph by glyph; the app writes each PDF beside its HTML
        // twin, which says whom it names.
        let pdf = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
        stem.is_some_and(|s| named != "--" && format!("-{s}-").contains(&named))
            || reads(path)
            || (pdf && reads(&path.with_extension("html")))
    };
    let mut found = Vec::new();
    for sub in [dir.to_owned(), dir.join("exports"), dir.join("bundles")] {
        for entry in std::fs::read_dir(&sub).into_iter().flatten().flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let candidate = sub.ends_with("exports")
                || sub.ends_with("bundles")
                || name.starts_with(crate::store::QUARANTINE_PREFIX)
                || (name.starts_with("cercle-")
                    && Path::new(&name)
                        .extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("json")));
            if candidate && path.is_file() && holds(&path) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// What forgetting does, in words.
pub fn describe(name: &str, id: &str, plan: &Forgotten, future: bool) -> String {
    let list = |items: &[(&str, usize)]| {
        items
            .iter()
            .map(|(what, n)| format!("{n} {what}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = String::new();
    let verb = if future { "will be" } else { "were" };
    let _ = writeln!(out, "Forgetting {name} ({id}).");
    let _ = writeln!(
        out,
        "Erased everywhere: {} {verb} removed.",
        list(&plan.erased)
    );
    if let Some(stand_in) = &plan.pseudonym {
        let _ = writeln!(
            out,
            "Kept because the law requires it (signed attendance sheets, funders' and quality \
             audits), with {name} replaced by the pseudonym \"{}\" ({}): {}.",
            stand_in.name,
            stand_in.id,
            list(&plan.kept)
        );
    }
    if plan.name_still_in > 0 {
        let _ = writeln!(
            out,
            "The name still appears in {} free text(s) written about others (notes, titles); \
             edit them by hand.",
            plan.name_still_in
        );
    }
    out
}

fn confirmed(name: &str, lang: Lang) -> Result<bool, Failure> {
    out::block(
        &format!("Forget {name} for good? Type yes to confirm: "),
        lang,
    )?;
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| format!("could not read the answer: {e}"))?;
    Ok(matches!(
        answer.trim().to_lowercase().as_str(),
        "y" | "yes" | "o" | "oui"
    ))
}
