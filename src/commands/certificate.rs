//! `cercle export certificate`: one trainee's completion certificate, found by her exact id in
//! any cohort, or every trainee's of a cohort (`--all`) into a directory; each covers the
//! half-days held, up to `--until` when a period is asked for.

use super::exit::Failure;
use super::out::{self, emit};
use crate::domain::clock::Clock;
use crate::domain::fold::slug;
use crate::domain::lookup::find;
use crate::domain::{Cohort, Data, Person, PersonId};
use crate::export::html;
use crate::i18n::{Lang, Msg, fill};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// What was asked for on the command line.
pub struct Request<'a> {
    /// The trainee, by id or name; `None` with `all`.
    pub trainee: Option<&'a str>,
    /// Every trainee of the cohort.
    pub all: bool,
    /// The cohort `--cohort` named.
    pub cohort: Option<&'a Cohort>,
    /// The end of the period to certify.
    pub until: Option<NaiveDate>,
    /// A PDF/A document rather than an HTML page.
    pub pdf: bool,
    /// The file, or the directory with `all`.
    pub output: Option<PathBuf>,
}

/// Writes the certificates asked for, issued today (Paris, from the run's clock).
pub fn export(dir: &Path, data: &Data, request: &Request<'_>, lang: Lang) -> Result<(), Failure> {
    let today = Clock::from_env().today();
    if !request.all {
        let query = request.trainee.unwrap_or_default();
        let (cohort, person) = trainee(data, request.cohort, query, lang)?;
        let bytes = make(data, cohort, person, today, request, lang)?;
        return emit(dir, request.output.clone(), &bytes, lang);
    }
    let cohort = request
        .cohort
        .or_else(|| data.current())
        .ok_or(Msg::CliNoCohort.text(lang))?;
    let folder = request.output.clone().unwrap_or_else(|| PathBuf::from("."));
    if !folder.is_dir() {
        return Err(fill(
            Msg::OutputFolderMissing.text(lang),
            &[("folder", &folder.display().to_string())],
        )
        .into());
    }
    let people: Vec<&Person> = cohort
        .trainees
        .iter()
        .filter_map(|id| data.person(id))
        .collect();
    for person in &people {
        let bytes = make(data, cohort, person, today, request, lang)?;
        let mut stem = slug(&person.name);
        if people
            .iter()
            .any(|p| p.id != person.id && slug(&p.name) == stem)
        {
            // Two trainees of one name: the id tells their files apart.
            stem = format!("{stem}-{}", slug(person.id.as_str()));
        }
        let extension = if request.pdf { "pdf" } else { "html" };
        let path = folder.join(format!("certificat-{stem}.{extension}"));
        out::check_output(dir, &path, lang)?;
        crate::store::write_private(&path, &bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        out::line(
            &fill(
                Msg::CertificateWritten.text(lang),
                &[
                    ("path", &path.display().to_string()),
                    ("whom", &person.name),
                ],
            ),
            lang,
        )?;
    }
    Ok(())
}

/// One certificate, or why there is nothing to certify yet.
fn make(
    data: &Data,
    cohort: &Cohort,
    person: &Person,
    today: NaiveDate,
    request: &Request<'_>,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    let until = request.until;
    let made = if request.pdf {
        crate::export::pdf::certificate::pdf(data, cohort, &person.id, today, until)
            .map_err(|e| e.to_string())?
    } else {
        html::certificate::html(data, cohort, &person.id, today, until).map(String::into_bytes)
    };
    made.ok_or_else(|| {
        let day = until.map_or(today, |u| u.min(today));
        fill(
            Msg::CertificateNothingHeld.text(lang),
            &[
                ("whom", &person.name),
                ("cohort", &cohort.name),
                ("day", &day.format("%d/%m/%Y").to_string()),
            ],
        )
    })
}

/// The trainee and her cohort: without `--cohort`, an exact id finds her in any cohort (the
/// latest she was part of), and a name is looked for in the current cohort.
fn trainee<'a>(
    data: &'a Data,
    cohort: Option<&'a Cohort>,
    query: &str,
    lang: Lang,
) -> Result<(&'a Cohort, &'a Person), String> {
    if cohort.is_none() {
        let id = PersonId::new(query);
        let theirs = data
            .cohorts
            .iter()
            .filter(|c| c.trainees.contains(&id))
            .max_by_key(|c| c.start);
        if let (Some(cohort), Some(person)) = (theirs, data.person(&id)) {
            return Ok((cohort, person));
        }
    }
    let cohort = cohort
        .or_else(|| data.current())
        .ok_or(Msg::CliNoCohort.text(lang))?;
    let people: Vec<&Person> = cohort
        .trainees
        .iter()
        .filter_map(|id| data.person(id))
        .collect();
    let person = find("trainee", &people, query, |p| p.id.as_str(), |p| &p.name)
        .map_err(|e| crate::i18n::words::lookup(&e, lang))?;
    Ok((cohort, person))
}
