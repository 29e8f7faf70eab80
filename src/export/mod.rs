//! Documents that leave Cercle: attendance sheets (CSV, XLSX, HTML, PDF) and completion
//! certificates (HTML, PDF).
//! They are built here in memory; writing them to a file is the caller's (0600, in the private data directory
//! or where the user asked). Nothing marked confidential is ever put in them.

pub mod attendance;
pub mod certificate;
pub mod dialect;
pub mod pdf;
pub mod reading;
pub mod workbook;

/// The most half-days printed side by side on a landscape A4 page; a wider seminar is split
/// into groups of at most this many.
pub const HALF_DAYS_ACROSS: usize = 7;

/// Escapes text for HTML, so that a name holding `<script>` stays a name.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if crate::domain::text::is_unsafe(c) && c != '\n' => {
                out.push_str(&crate::domain::text::visible(&c.to_string()));
            }
            c => out.push(c),
        }
    }
    out
}

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

/// The print stylesheet shared by the HTML documents.
pub const STYLE: &str = "body{font-family:sans-serif;margin:2em;color:#000}\
h1{font-size:1.3em}table{border-collapse:collapse;width:100%}\
th,td{border:1px solid #444;padding:.3em;text-align:left;vertical-align:top}\
td.sign{height:2.6em;min-width:6em}td.absent{text-decoration:line-through;background:#eee}\
.meta td{border:none}@media print{body{margin:0}section{page-break-after:always}}";

#[cfg(test)]
mod tests {
    #[test]
    fn html_escape_neutralises_markup() {
        assert_eq!(
            super::html_escape("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }
}
