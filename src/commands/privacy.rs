//! `cercle export person P` and `cercle forget P`: a person's rights of access and erasure.

use super::exit::Failure;
use super::load::person;
use super::out;
use crate::domain::privacy::{self, Forgotten};
use crate::domain::{Data, Person};
use crate::i18n::{Lang, Msg, fill};
use std::fmt::Write as _;
use std::io::BufRead as _;
use std::path::Path;

/// Everything about the person, as JSON escaped so that it prints harmlessly.
pub fn person_json(data: &Data, query: &str, lang: Lang) -> Result<Vec<u8>, String> {
    let person = person(data, query, lang)?;
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
        .ok_or(Msg::ForgetNoData.text(lang))?;
    let person = person(&data, query, lang)?.clone();
    // Erasing is for good: a part of a name is not enough to pick whom.
    let fold = crate::domain::fold::fold;
    if person.id.as_str() != query && fold(person.name.trim()) != fold(query.trim()) {
        let said = fill(
            Msg::ForgetPartOfName.text(lang),
            &[
                ("query", &format!("\"{query}\"")),
                ("name", &crate::domain::text::visible(&person.name)),
                ("id", person.id.as_str()),
            ],
        );
        return Err(said.into());
    }
    let mut planned = data.clone();
    let plan = privacy::forget(&mut planned, &person.id)?;
    let name = crate::domain::text::visible(&person.name).into_owned();
    out::block(
        &describe(&name, person.id.as_str(), &plan, true, lang),
        lang,
    )?;
    if !yes && !confirmed(&name, lang)? {
        return Err(Msg::ForgetNothingChanged.text(lang).into());
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
        .map_err(|e| e.in_lang(lang))?;
    let say = |msg: Msg, path: &Path, count: usize| {
        let (path, count) = (path.display().to_string(), count.to_string());
        fill(
            msg.text(lang),
            &[("name", &name), ("path", &path), ("count", &count)],
        )
    };
    let mut text = String::new();
    let done = say(Msg::ForgetDone, store.data_path(), copies.rewritten.len());
    let _ = writeln!(text, "{done}");
    for path in copies.unreadable.iter().chain(&leftovers(dir, &person)) {
        let _ = writeln!(text, "{}", say(Msg::ForgetLeftover, path, 0));
    }
    if dir.join(".git").exists() {
        // Cercle never rewrites the team's shared history on its own: every clone holds it.
        let _ = writeln!(text, "{}", say(Msg::ForgetHistory, &dir.join(".git"), 0));
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

/// The words for what forgetting erases or keeps (`domain::privacy` counts them in English).
fn counted(what: &str) -> Msg {
    match what {
        "venue hosted" => Msg::ForgotVenueHosted,
        "contact record" => Msg::ForgotContact,
        "offers and requests of knowledge" => Msg::ForgotKnowledge,
        "places in exchanges" => Msg::ForgotExchanges,
        "tutor requests" => Msg::ForgotRequests,
        "competency assessments" => Msg::ForgotAssessments,
        "certification candidacies" => Msg::ForgotCandidacies,
        "places in codevelopment sessions" => Msg::ForgotCodev,
        "departures (reason erased)" => Msg::ForgotDepartures,
        "follow-up log entries (text erased)" => Msg::ForgotFollowUps,
        "funding lines" => Msg::ForgotFunding,
        "places on a cohort's roster" => Msg::ForgotRoster,
        "seminars run as trainer" => Msg::ForgotSeminars,
        "signatures of attendance sheets" => Msg::ForgotSignatures,
        "changes to signed sheets" => Msg::ForgotChanges,
        _ => Msg::ForgotMarks,
    }
}

/// What forgetting does, in words.
pub fn describe(name: &str, id: &str, plan: &Forgotten, future: bool, lang: Lang) -> String {
    let list = |items: &[(&str, usize)]| {
        items
            .iter()
            .map(|(what, n)| format!("{n} {}", counted(what).text(lang)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let say = |msg: Msg, values: &[(&str, &str)]| fill(msg.text(lang), values);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        say(Msg::ForgetTitle, &[("name", name), ("id", id)])
    );
    let erased = if future {
        Msg::ForgetErasedFuture
    } else {
        Msg::ForgetErasedPast
    };
    let _ = writeln!(out, "{}", say(erased, &[("list", &list(&plan.erased))]));
    if let Some(stand_in) = &plan.pseudonym {
        let pseudonym = format!("\"{}\"", stand_in.name);
        let _ = writeln!(
            out,
            "{}",
            say(
                Msg::ForgetKept,
                &[
                    ("name", name),
                    ("pseudonym", &pseudonym),
                    ("id", stand_in.id.as_str()),
                    ("list", &list(&plan.kept)),
                ],
            )
        );
    }
    if plan.name_still_in > 0 {
        let count = plan.name_still_in.to_string();
        let _ = writeln!(out, "{}", say(Msg::ForgetNameStill, &[("count", &count)]));
    }
    out
}

fn confirmed(name: &str, lang: Lang) -> Result<bool, Failure> {
    out::block(
        &fill(Msg::ForgetConfirm.text(lang), &[("name", name)]),
        lang,
    )?;
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| {
            fill(
                Msg::ForgetCannotRead.text(lang),
                &[("reason", &crate::i18n::io_reason(&e, lang))],
            )
        })?;
    Ok(matches!(
        answer.trim().to_lowercase().as_str(),
        "y" | "yes" | "o" | "oui"
    ))
}
