//! The attendance workbook (XLSX): one sheet per seminar, one row per trainee and half-day, and
//! a "Relevé d'heures" sheet with each trainee's hours and absences. Dates are dates, hours and
//! rates numbers, codes text, so that a spreadsheet sorts, sums and filters them as they are.
//! Every sheet keeps its header in view (frozen) and sizes its columns to what they hold.

use super::{period_fr, status_fr};
use crate::domain::rules::chronological;
use crate::domain::text::visible_lines;
use crate::domain::{Cohort, Data, HalfDay, PersonId, Seminar, SeminarId, Status};
use chrono::NaiveDate;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

/// The name of the sheet of hours.
pub const HOURS_SHEET: &str = "Relevé d'heures";

/// The header of a seminar's sheet.
pub const SEMINAR_HEADER: [&str; 12] = [
    "Date",
    "Demi-journée",
    "Début",
    "Fin",
    "Code module",
    "Lieu",
    "Formateur·rice",
    "Stagiaire",
    "Statut",
    "Heure",
    "Heures prévues",
    "Heures suivies",
];

/// The header of the sheet of hours.
pub const HOURS_HEADER: [&str; 8] = [
    "Stagiaire",
    "Heures prévues",
    "Heures tenues",
    "Heures suivies",
    "Absences justifiées (demi-journées)",
    "Absences non justifiées (demi-journées)",
    "Heures manquées",
    "Taux d'assiduité (heures suivies / tenues)",
];

/// The widest a column grows, in pixels: a long title wraps rather than pushing the rest away.
const MAX_WIDTH: u32 = 320;

/// The cell formats the sheets share.
struct Formats {
    header: Format,
    date: Format,
    time: Format,
    hours: Format,
    rate: Format,
    text: Format,
}

impl Formats {
    fn new() -> Self {
        Self {
            header: Format::new().set_bold().set_text_wrap(),
            date: Format::new().set_num_format("dd/mm/yyyy"),
            time: Format::new().set_num_format("hh:mm"),
            hours: Format::new().set_num_format("0.0#"),
            rate: Format::new().set_num_format("0.0%"),
            // "@" is the text format: a code typed over keeps its leading zero.
            text: Format::new().set_num_format("@"),
        }
    }
}

/// The workbook of a cohort's attendance (or of one of its seminars), as of `today` (Paris):
/// half-days after it count as planned, not held.
pub fn to_xlsx(
    data: &Data,
    cohort: &Cohort,
    seminar: Option<&SeminarId>,
    today: NaiveDate,
) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    // A fixed creation date (the day of the export) keeps the file the same from one run to the
    // next, rather than stamped with the second it was written.
    let created = ExcelDateTime::from_ymd(
        u16::try_from(chrono::Datelike::year(&today)).unwrap_or(2000),
        u8::try_from(chrono::Datelike::month(&today)).unwrap_or(1),
        u8::try_from(chrono::Datelike::day(&today)).unwrap_or(1),
    )?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(format!(
                "Feuille d'émargement – {}",
                visible_lines(&cohort.name)
            ))
            .set_company(visible_lines(&data.programme.provider))
            .set_creation_datetime(&created),
    );
    let all: Vec<(&Seminar, &HalfDay)> = chronological(cohort)
        .into_iter()
        .filter(|(s, _)| seminar.is_none_or(|id| &s.id == id))
        .collect();
    let mut seminars: Vec<&Seminar> = Vec::new();
    for (s, _) in &all {
        if !seminars.iter().any(|x| x.id == s.id) {
            seminars.push(s);
        }
    }
    hours_sheet(
        workbook.add_worksheet(),
        data,
        cohort,
        &seminars,
        today,
        &formats,
    )?;
    for (n, seminar) in seminars.iter().enumerate() {
        let half_days: Vec<&HalfDay> = all
            .iter()
            .filter(|(s, _)| s.id == seminar.id)
            .map(|(_, h)| *h)
            .collect();
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(n + 1, &codes(data, seminar)))?;
        seminar_sheet(sheet, data, cohort, seminar, &half_days, &formats)?;
    }
    workbook.save_to_buffer()
}

/// A seminar's sheet name: its rank and module codes, without the characters Excel refuses in
/// a name, and within its 31 characters.
pub fn sheet_name(rank: usize, codes: &str) -> String {
    let clean: String = visible_lines(codes)
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' | '\'' | '\n' => ' ',
            c => c,
        })
        .collect();
    let name = format!("{rank:02} {}", clean.trim());
    name.chars().take(31).collect::<String>().trim().to_owned()
}

fn codes(data: &Data, seminar: &Seminar) -> String {
    seminar
        .modules
        .iter()
        .filter_map(|m| data.programme.module(m).map(|m| m.code.as_str()))
        .collect::<Vec<_>>()
        .join(" + ")
}

fn name(data: &Data, id: &PersonId) -> String {
    visible_lines(
        &data
            .person(id)
            .map_or_else(|| id.to_string(), |p| p.name.clone()),
    )
    .into_owned()
}

fn header(sheet: &mut Worksheet, titles: &[&str], formats: &Formats) -> Result<(), XlsxError> {
    for (col, title) in (0u16..).zip(titles) {
        sheet.write_string_with_format(0, col, *title, &formats.header)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn hours(minutes: u32) -> f64 {
    f64::from(minutes) / 60.0
}

fn seminar_sheet(
    sheet: &mut Worksheet,
    data: &Data,
    cohort: &Cohort,
    seminar: &Seminar,
    half_days: &[&HalfDay],
    formats: &Formats,
) -> Result<(), XlsxError> {
    header(sheet, &SEMINAR_HEADER, formats)?;
    let codes = codes(data, seminar);
    let venue = data.venue(&seminar.venue).map_or_else(
        || seminar.venue.to_string(),
        |v| format!("{}, {}", v.name, v.city),
    );
    let venue = visible_lines(&venue);
    let trainer = name(data, &seminar.trainer);
    let mut row: u32 = 1;
    for half_day in half_days {
        for trainee in &cohort.trainees {
            let mark = half_day.mark_of(trainee);
            sheet.write_datetime_with_format(row, 0, half_day.date, &formats.date)?;
            sheet.write_string(row, 1, period_fr(half_day.period))?;
            sheet.write_datetime_with_format(row, 2, half_day.start, &formats.time)?;
            sheet.write_datetime_with_format(row, 3, half_day.end, &formats.time)?;
            sheet.write_string_with_format(row, 4, codes.as_str(), &formats.text)?;
            sheet.write_string(row, 5, venue.as_ref())?;
            sheet.write_string(row, 6, trainer.as_str())?;
            sheet.write_string(row, 7, name(data, trainee))?;
            if let Some(mark) = mark {
                sheet.write_string(row, 8, status_fr(mark.status))?;
                if let Some(time) = mark.time {
                    sheet.write_datetime_with_format(row, 9, time, &formats.time)?;
                }
            }
            sheet.write_number_with_format(
                row,
                10,
                hours(half_day.planned_minutes()),
                &formats.hours,
            )?;
            if let Some(mark) = mark {
                sheet.write_number_with_format(
                    row,
                    11,
                    hours(half_day.followed_minutes(mark)),
                    &formats.hours,
                )?;
            }
            row += 1;
        }
    }
    sheet.set_autofit_max_width(MAX_WIDTH).autofit();
    Ok(())
}

/// One trainee's line of the sheet of hours.
#[derive(Default)]
struct Tally {
    planned: u32,
    held: u32,
    followed: u32,
    excused: u32,
    absent: u32,
    missed: u32,
}

fn hours_sheet(
    sheet: &mut Worksheet,
    data: &Data,
    cohort: &Cohort,
    seminars: &[&Seminar],
    today: NaiveDate,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(HOURS_SHEET)?;
    header(sheet, &HOURS_HEADER, formats)?;
    for (row, trainee) in (1u32..).zip(&cohort.trainees) {
        let mut tally = Tally::default();
        for half_day in seminars.iter().flat_map(|s| &s.half_days) {
            let planned = half_day.planned_minutes();
            tally.planned += planned;
            if !half_day.is_held(today) {
                continue;
            }
            tally.held += planned;
            if let Some(mark) = half_day.mark_of(trainee) {
                let followed = half_day.followed_minutes(mark);
                tally.followed += followed;
                tally.missed += planned.saturating_sub(followed);
                match mark.status {
                    Status::Excused => tally.excused += 1,
                    Status::Absent => tally.absent += 1,
                    _ => {}
                }
            }
        }
        sheet.write_string(row, 0, name(data, trainee))?;
        for (col, minutes) in [(1, tally.planned), (2, tally.held), (3, tally.followed)] {
            sheet.write_number_with_format(row, col, hours(minutes), &formats.hours)?;
        }
        sheet.write_number(row, 4, tally.excused)?;
        sheet.write_number(row, 5, tally.absent)?;
        sheet.write_number_with_format(row, 6, hours(tally.missed), &formats.hours)?;
        if tally.held > 0 {
            let rate = f64::from(tally.followed) / f64::from(tally.held);
            sheet.write_number_with_format(row, 7, rate, &formats.rate)?;
        }
    }
    sheet.set_autofit_max_width(MAX_WIDTH).autofit();
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn sheet_names_drop_what_excel_refuses_and_fit_31_characters() {
        assert_eq!(super::sheet_name(3, "2.1 + 2.2"), "03 2.1 + 2.2");
        let long = super::sheet_name(12, "a/b:c[d]*?'e\\f and a very long list of codes");
        assert!(long.chars().count() <= 31, "{long}");
        assert!(
            !long.contains(['/', ':', '[', ']', '*', '?', '\'', '\\']),
            "{long}"
        );
    }
}
