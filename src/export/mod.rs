//! Documents that leave Cercle: attendance sheets (CSV, XLSX, HTML, PDF) and completion
//! certificates (HTML, PDF).
//! They are built here in memory; writing them to a file is the caller's (0600, in the private data directory
//! or where the user asked). Nothing marked confidential is ever put in them.

pub mod attendance;
pub mod certificate;
pub mod dialect;
pub mod html;
pub mod pdf;
pub mod reading;
pub mod workbook;

/// The most half-days printed side by side on a landscape A4 page; a wider seminar is split
/// into groups of at most this many.
pub const HALF_DAYS_ACROSS: usize = 7;

/// What a spreadsheet takes for the start of a formula; a tab or carriage return first is
/// dropped by some, which then read what follows.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A CSV cell that prints harmlessly and that a spreadsheet never runs: control and bidi
/// characters become visible ones, and a cell a spreadsheet would take for a formula (see
/// [`FORMULA_STARTS`]) starts with `'`.
pub fn csv_cell(text: &str) -> std::borrow::Cow<'_, str> {
    let text = crate::domain::text::visible_lines(text);
    if text.starts_with(FORMULA_STARTS) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        text
    }
}

/// The French name of a status, as funders read it.
pub fn status_fr(status: crate::domain::Status) -> &'static str {
    use crate::domain::Status;
    match status {
        Status::Present => "Présent·e",
        Status::Late => "En retard",
        Status::LeftEarly => "Parti·e plus tôt",
        Status::Absent => "Absent·e",
        Status::Excused => "Absent·e excusé·e",
    }
}

/// "matin" or "après-midi".
pub fn period_fr(period: crate::domain::Period) -> &'static str {
    match period {
        crate::domain::Period::Morning => "matin",
        crate::domain::Period::Afternoon => "après-midi",
    }
}
