//! `cercle check`: the schema and the rules.

use super::load::read;
use super::out;
use crate::domain::clock::Clock;
use crate::domain::rules::{self, Severity};
use crate::i18n::{Lang, Msg, fill};
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

/// `check`: success when sound; [`super::exit::RULES_BROKEN`] when the file loads but breaks a
/// rule; [`super::exit::DAMAGED`] when it cannot be read.
pub(super) fn check(dir: &Path, json: bool, lang: Lang) -> ExitCode {
    let path = dir.join(crate::store::DATA_FILE);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            out::error(&crate::i18n::cannot_read(&path, &e, lang), lang);
            return ExitCode::from(super::exit::DAMAGED);
        }
    };
    let data = match read(dir, lang) {
        Ok(data) => data,
        Err(failure) => {
            out::error(&failure.message, lang);
            return ExitCode::from(failure.code);
        }
    };
    let mut problems: Vec<(Severity, String)> = Vec::new();
    match serde_json::from_slice::<serde_json::Value>(&bytes) {
        Ok(value) => problems.extend(
            crate::schema::validate(&value)
                .into_iter()
                .map(|e| (Severity::Error, format!("schema: {e}"))),
        ),
        Err(e) => problems.push((Severity::Error, format!("schema: {e}"))),
    }
    let today = Clock::from_env().today();
    problems.extend(
        rules::problems(&data, today)
            .into_iter()
            .map(|p| (p.severity, p.message)),
    );
    problems.extend(
        organisation(&data.organisation, lang)
            .into_iter()
            .map(|m| (Severity::Warning, m)),
    );
    let errors = problems
        .iter()
        .filter(|(s, _)| *s == Severity::Error)
        .count();
    let printed = if json {
        let of = |wanted: Severity| -> Vec<&str> {
            problems
                .iter()
                .filter(|(s, _)| *s == wanted)
                .map(|(_, m)| m.as_str())
                .collect()
        };
        out::json(
            &serde_json::json!({
                "file": path.display().to_string(),
                "cohorts": data.cohorts.len(),
                "people": data.people.len(),
                "errors": of(Severity::Error),
                "warnings": of(Severity::Warning),
            }),
            lang,
        )
    } else {
        out::block(&report(&path, &data, &problems, lang), lang)
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
fn report(
    path: &Path,
    data: &crate::domain::Data,
    problems: &[(Severity, String)],
    lang: Lang,
) -> String {
    let errors = problems
        .iter()
        .filter(|(s, _)| *s == Severity::Error)
        .count();
    let mut text = String::new();
    for (severity, message) in problems {
        let word = if *severity == Severity::Error {
            Msg::CliCheckError
        } else {
            Msg::CliCheckWarning
        };
        let colon = match lang {
            Lang::Fr => "\u{a0}:",
            Lang::En => ":",
        };
        let _ = writeln!(
            text,
            "{}{colon} {}",
            word.text(lang),
            crate::domain::text::visible(message)
        );
    }
    let counts = fill(
        Msg::CliCheckCounts.text(lang),
        &[
            ("path", &path.display().to_string()),
            ("cohorts", &data.cohorts.len().to_string()),
            ("people", &data.people.len().to_string()),
            ("errors", &errors.to_string()),
            ("warnings", &(problems.len() - errors).to_string()),
        ],
    );
    let _ = writeln!(text, "{counts}");
    text
}
