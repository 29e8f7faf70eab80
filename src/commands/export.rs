//! `cercle export …`: documents written to a file (0600) or to standard output.

use super::exit::Failure;
use super::load::read;
use super::out::emit;
use crate::cli::{CalendarFormat, DialectArg, ExportCommand, SheetFormat};
use crate::domain::clock::Clock;
use crate::domain::lookup::find;
use crate::domain::{Cohort, Data};
use crate::export::dialect::Dialect;
use crate::export::{attendance, html, workbook};
use crate::i18n::{Lang, Msg};
use std::path::Path;

/// Runs an export; `lang` is the language of the calendar's titles, `me` who the user said
/// they are (the trainee making a bundle, unless `--trainee` says otherwise).
pub fn run(
    what: ExportCommand,
    dir: &Path,
    lang: crate::i18n::Lang,
    me: Option<&crate::domain::PersonId>,
    role: Option<crate::config::Role>,
) -> Result<(), Failure> {
    let data = read(dir, lang)?;
    match what {
        ExportCommand::Bundle {
            cohort,
            audience,
            trainee,
            by,
            output,
        } => {
            let cohort = pick_cohort(&data, cohort.as_deref(), lang)?;
            let request = crate::commands::bundle::Request {
                audience,
                trainee: trainee.as_deref(),
                by: by.as_deref(),
                me,
                role,
                output,
            };
            crate::commands::bundle::export(dir, &data, cohort, &request, lang)
        }
        ExportCommand::Contacts {
            format,
            filter,
            dialect,
            output,
        } => emit(
            dir,
            output,
            &crate::commands::contacts::render(
                &data,
                format,
                filter.as_deref(),
                dialect_of(dialect, lang),
            )?,
            lang,
        ),
        ExportCommand::Person(crate::cli::PersonExport { person, output }) => emit(
            dir,
            output,
            &crate::commands::privacy::person_json(&data, &person, lang)?,
            lang,
        ),
        ExportCommand::Calendar {
            format: CalendarFormat::Ics,
            cohort,
            output,
        } => {
            let cohorts: Vec<&Cohort> = match cohort.as_deref() {
                Some(query) => vec![pick_cohort(&data, Some(query), lang)?],
                None => data.cohorts.iter().map(|c| &**c).collect(),
            };
            let ics = crate::exchange::calendar::render(&data, &cohorts, lang);
            emit(dir, output, ics.as_bytes(), lang)
        }
        ExportCommand::Attendance {
            cohort,
            seminar,
            format,
            dialect,
            output,
        } => {
            let cohort = pick_cohort(&data, cohort.as_deref(), lang)?;
            let seminar = match seminar.as_deref() {
                None => None,
                Some(query) => Some(pick_seminar(&data, cohort, query, lang)?),
            };
            let bytes = sheet(
                &data,
                cohort,
                seminar.as_ref(),
                format,
                dialect,
                output.as_ref(),
                lang,
            )?;
            emit(dir, output, &bytes, lang)
        }
        ExportCommand::Certificate {
            trainee,
            all,
            cohort,
            until,
            format,
            output,
        } => {
            let cohort = match cohort.as_deref() {
                Some(query) => Some(pick_cohort(&data, Some(query), lang)?),
                None => None,
            };
            let request = crate::commands::certificate::Request {
                trainee: trainee.as_deref(),
                all,
                cohort,
                until,
                pdf: format == crate::cli::CertificateFormat::Pdf,
                output,
            };
            crate::commands::certificate::export(dir, &data, &request, lang)
        }
    }
}

/// The attendance sheet in a format; a workbook is refused when it would go to a terminal.
fn sheet(
    data: &Data,
    cohort: &Cohort,
    seminar: Option<&crate::domain::SeminarId>,
    format: SheetFormat,
    dialect: Option<DialectArg>,
    output: Option<&std::path::PathBuf>,
    lang: crate::i18n::Lang,
) -> Result<Vec<u8>, Failure> {
    let dialect = dialect_of(dialect, lang);
    let to_screen = output.is_none_or(|o| o.as_os_str() == "-");
    if matches!(format, SheetFormat::Xlsx | SheetFormat::Pdf)
        && to_screen
        && std::io::IsTerminal::is_terminal(&std::io::stdout())
    {
        // A workbook is a zip archive: on a terminal it would only scramble the screen.
        return Err(crate::i18n::Msg::WorkbookToTerminal.text(lang).into());
    }
    Ok(match format {
        SheetFormat::Csv => {
            attendance::to_csv(data, cohort, seminar, dialect).map_err(|e| e.to_string())?
        }
        SheetFormat::Xlsx => workbook::to_xlsx(data, cohort, seminar, Clock::from_env().today())
            .map_err(|e| e.to_string())?,
        SheetFormat::Html => html::sheet::html(data, cohort, seminar).into_bytes(),
        SheetFormat::Pdf => {
            crate::export::pdf::sheet::pdf(data, cohort, seminar, Clock::from_env().today())
                .map_err(|e| e.to_string())?
        }
    })
}

/// The CSV dialect asked for, else the interface language's.
fn dialect_of(asked: Option<DialectArg>, lang: crate::i18n::Lang) -> Dialect {
    match asked {
        Some(DialectArg::Fr) => Dialect::French,
        Some(DialectArg::Rfc) => Dialect::Rfc,
        None => Dialect::of(lang),
    }
}

/// The cohort named, or the current one.
pub(crate) fn pick_cohort<'a>(
    data: &'a Data,
    query: Option<&str>,
    lang: Lang,
) -> Result<&'a Cohort, String> {
    match query {
        Some(query) => find(
            "cohort",
            &data.cohorts,
            query,
            |c| c.id.as_str(),
            |c| &c.name,
        )
        .map(|c| &**c)
        .map_err(|e| crate::i18n::words::lookup(&e, lang)),
        None => data
            .current()
            .ok_or_else(|| Msg::CliNoCohort.text(lang).to_owned()),
    }
}

/// A seminar of the cohort by id, or by the codes of its modules ("2.1" or "2.2 + 2.3").
fn pick_seminar(
    data: &Data,
    cohort: &Cohort,
    query: &str,
    lang: Lang,
) -> Result<crate::domain::SeminarId, String> {
    let named: Vec<(String, String)> = cohort
        .seminars
        .iter()
        .map(|s| {
            let codes: Vec<&str> = s
                .modules
                .iter()
                .filter_map(|m| data.programme.module(m).map(|m| m.code.as_str()))
                .collect();
            (s.id.to_string(), codes.join(" + "))
        })
        .collect();
    find("seminar", &named, query, |s| &s.0, |s| &s.1)
        .map(|s| crate::domain::SeminarId::new(s.0.clone()))
        .map_err(|e| crate::i18n::words::lookup(&e, lang))
}
