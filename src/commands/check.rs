//! `cercle check`: the schema and the rules.

use super::load::read_screened;
use super::out;
use crate::domain::clock::Clock;
use crate::domain::integrity::{self, Severity};
use crate::i18n::{Lang, Msg, fill};
use crate::schema::{DocumentKind, locate, schema_errors};
use crate::store::shelf::{Glimpse, Purpose, glimpse};
use chrono::NaiveDate;
use rayon::prelude::*;
use std::fmt::Write as _;
use std::mem::ManuallyDrop;
use std::path::Path;
use std::process::ExitCode;

/// `check`: success when sound; [`super::exit::RULES_BROKEN`] when the file loads but breaks a
/// rule; [`super::exit::DAMAGED`] when it cannot be read.
pub(super) fn check(dir: &Path, json: bool, lang: Lang) -> ExitCode {
    let path = dir.join(crate::store::DATA_FILE);
    if let Err(e) = std::fs::metadata(&path) {
        out::error(&crate::i18n::cannot_read(&path, &e, lang), lang);
        return ExitCode::from(super::exit::DAMAGED);
    }
    let today = Clock::from_env().today();
    // A look first: a finished cohort whose outline is on the shelf, made from the very bytes
    // of its document, is not read again. Anything the look cannot vouch for, the full reading
    // below tells as it always did.
    let verdict = match glimpse(dir, today, Purpose::Check) {
        Some(Glimpse {
            data,
            cohorts,
            checked: Some(checked),
        }) => {
            // The process ends right after the report: a network's records are left to the system.
            let (data, mut checked) = (ManuallyDrop::new(data), ManuallyDrop::new(checked));
            let rules = integrity::problems_outlined(&data, &checked.outlines);
            let counts = (cohorts.len(), data.people.len());
            let documents = std::mem::take(&mut checked.unscreened);
            Verdict::of(dir, &data, counts, documents, rules, lang)
        }
        _ => match read_whole(dir, today, json, lang) {
            Ok(verdict) => verdict,
            Err(code) => return code,
        },
    };
    let errors = verdict.errors();
    let printed = if json {
        let of = |wanted: Severity| -> Vec<&str> {
            (verdict.problems.iter())
                .filter(|(s, _)| *s == wanted)
                .map(|(_, m)| m.as_str())
                .collect()
        };
        out::json(
            &serde_json::json!({
                "file": path.display().to_string(),
                "cohorts": verdict.cohorts,
                "people": verdict.people,
                "errors": of(Severity::Error),
                "warnings": of(Severity::Warning),
            }),
            lang,
        )
    } else {
        out::block(&report(&path, &verdict, lang), lang)
    };
    if let Err(failure) = printed {
        out::error(&failure.message, lang);
        return ExitCode::from(failure.code);
    }
    if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::exit::RULES_BROKEN)
    }
}

/// What `check` found: the counts it reports, and every problem in order.
struct Verdict {
    cohorts: usize,
    people: usize,
    problems: Vec<(Severity, String)>,
}

impl Verdict {
    /// The verdict on `data` (`counts`: its cohorts and people), whose rules gave `rules`, once
    /// the schema's validator has read `documents`.
    fn of(
        dir: &Path,
        data: &crate::domain::Data,
        counts: (usize, usize),
        documents: Vec<(String, Option<DocumentKind>)>,
        rules: Vec<integrity::Problem>,
        lang: Lang,
    ) -> Self {
        let mut problems: Vec<(Severity, String)> = schema_pass(dir, documents, lang)
            .into_iter()
            .map(|message| (Severity::Error, message))
            .collect();
        problems.extend(rules.into_iter().map(|p| (p.severity, p.message)));
        problems.extend(
            organisation(&data.organisation, lang)
                .into_iter()
                .map(|m| (Severity::Warning, m)),
        );
        Self {
            cohorts: counts.0,
            people: counts.1,
            problems,
        }
    }

    fn errors(&self) -> usize {
        (self.problems.iter())
            .filter(|(s, _)| *s == Severity::Error)
            .count()
    }
}

/// The verdict on the data read whole, as the store reads it; or, when it cannot be read, the
/// exit code once every schema error is told.
fn read_whole(dir: &Path, today: NaiveDate, json: bool, lang: Lang) -> Result<Verdict, ExitCode> {
    let path = dir.join(crate::store::DATA_FILE);
    let (store, data) = match read_screened(dir, lang) {
        Ok(read) => read,
        Err(failure) => {
            // A document the records cannot read: every schema error of every document is
            // worth telling, not only the first one the loading met.
            if failure.code == super::exit::DAMAGED {
                let problems: Vec<String> = schema_pass(dir, every_document(dir), lang);
                let printed = if json {
                    out::json(
                        &serde_json::json!({ "file": path.display().to_string(), "errors": problems, "warnings": [] }),
                        lang,
                    )
                } else {
                    out::block(
                        &lines(problems.iter().map(|m| (Severity::Error, m.as_str())), lang),
                        lang,
                    )
                };
                if let Err(failure) = printed {
                    out::error(&failure.message, lang);
                }
            }
            out::error(&failure.message, lang);
            return Err(ExitCode::from(failure.code));
        }
    };
    // The process ends right after the report: a network's records are left to the system.
    let (store, data) = (ManuallyDrop::new(store), ManuallyDrop::new(data));
    // The schema's validator reads only what the screen could not vouch for: the index, and a
    // document holding a field the records ignore or a form the schema refuses.
    let documents = match store.unscreened() {
        Some(doubtful) => store
            .documents()
            .into_iter()
            .filter(|(name, _)| doubtful.contains(name))
            .collect(),
        None => store.documents(),
    };
    let rules = integrity::problems(&data, today);
    let counts = (data.cohorts.len(), data.people.len());
    Ok(Verdict::of(dir, &data, counts, documents, rules, lang))
}

/// Every schema error of `documents`, one document per core at a time, in their order.
fn schema_pass(
    dir: &Path,
    documents: Vec<(String, Option<DocumentKind>)>,
    lang: Lang,
) -> Vec<String> {
    documents
        .into_par_iter()
        .flat_map_iter(|(name, kind)| schema_problems(dir, &name, kind, lang))
        .collect()
}

/// The documents in `dir` as they lie, for a directory the store could not read: the data
/// file, and in the split layout every cohort and people document, sorted.
fn every_document(dir: &Path) -> Vec<(String, Option<DocumentKind>)> {
    let docs = dir.join(crate::store::DOCS_DIR);
    if !docs.is_dir() {
        return vec![(crate::store::DATA_FILE.to_owned(), None)];
    }
    let mut found = vec![(
        crate::store::DATA_FILE.to_owned(),
        Some(DocumentKind::Index),
    )];
    for (folder, kind) in [
        ("cohorts", DocumentKind::Cohort),
        ("people", DocumentKind::People),
    ] {
        let Ok(entries) = std::fs::read_dir(docs.join(folder)) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .flatten()
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|name| {
                !name.starts_with('.') && Path::new(name).extension().is_some_and(|e| e == "json")
            })
            .map(|name| format!("{}/{folder}/{name}", crate::store::DOCS_DIR))
            .collect();
        names.sort();
        found.extend(names.into_iter().map(|name| (name, Some(kind))));
    }
    found
}

/// Every way the document `name` (relative to `dir`) breaks the schema of its `kind`, in
/// `lang`, each led by its file, line and column (`cercle/cohorts/c-1.json:12:9: schema: /name:
/// …`); a document that cannot be read at all is one sentence naming its path. One document is
/// read at a time on each core: the untyped copy the validator needs is never more than one
/// document per core.
fn schema_problems(dir: &Path, name: &str, kind: Option<DocumentKind>, lang: Lang) -> Vec<String> {
    let path = dir.join(name);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => return vec![crate::i18n::cannot_read(&path, &e, lang)],
    };
    let value = match serde_json::from_slice::<serde_json::Value>(&bytes) {
        Ok(value) => value,
        Err(e) => {
            let fault = crate::store::describe(&bytes, &e).say(lang);
            return vec![format!("{name}:{}:{}: {fault}", e.line(), e.column())];
        }
    };
    schema_errors(kind, &value)
        .into_iter()
        .map(|error| {
            let (line, column) = locate(&bytes, &error.at)
                .or_else(|| locate(&bytes, &error.pointer))
                .unwrap_or((1, 1));
            let said = fill(
                Msg::CheckSchema.text(lang),
                &[
                    ("pointer", &error.pointer),
                    ("message", error.message_in(lang)),
                ],
            );
            format!("{name}:{line}:{column}: {said}")
        })
        .collect()
}

/// What the documents would miss of the organisation's identity, and its wrong numbers.
fn organisation(org: &crate::domain::Organisation, lang: Lang) -> Vec<String> {
    use crate::domain::organisation::IdentityField as F;
    use crate::i18n::words::{identity_field, number_error};
    let mut out = Vec::new();
    for field in org.missing() {
        let (label, key) = identity_field(field);
        // The sheets carry the name and numbers; the certificate carries everything.
        let template = if matches!(field, F::Name | F::Nda | F::Siret) {
            Msg::CheckSheetsLack
        } else {
            Msg::CheckCertificatesLack
        };
        out.push(fill(
            template.text(lang),
            &[("field", label.text(lang)), ("key", key)],
        ));
    }
    for (field, error) in org.wrong_numbers() {
        let why = number_error(field, error);
        out.push(fill(
            Msg::CheckOrganisationWrong.text(lang),
            &[
                ("field", identity_field(field).0.text(lang)),
                ("why", why.text(lang)),
            ],
        ));
    }
    out
}

/// The report for a person: a line per problem, then the counts.
fn report(path: &Path, verdict: &Verdict, lang: Lang) -> String {
    let errors = verdict.errors();
    let problems = &verdict.problems;
    let mut text = lines(problems.iter().map(|(s, m)| (*s, m.as_str())), lang);
    let counts = fill(
        Msg::CliCheckCounts.text(lang),
        &[
            ("path", &path.display().to_string()),
            ("cohorts", &verdict.cohorts.to_string()),
            ("people", &verdict.people.to_string()),
            ("errors", &errors.to_string()),
            ("warnings", &(problems.len() - errors).to_string()),
        ],
    );
    let _ = writeln!(text, "{counts}");
    text
}

/// A line per problem, led by its severity in the user's language.
fn lines<'a>(problems: impl Iterator<Item = (Severity, &'a str)>, lang: Lang) -> String {
    let colon = match lang {
        Lang::Fr => "\u{a0}:",
        Lang::En => ":",
    };
    let mut text = String::new();
    for (severity, message) in problems {
        let word = if severity == Severity::Error {
            Msg::CliCheckError
        } else {
            Msg::CliCheckWarning
        };
        let _ = writeln!(
            text,
            "{}{colon} {}",
            word.text(lang),
            crate::domain::text::visible(message)
        );
    }
    text
}
