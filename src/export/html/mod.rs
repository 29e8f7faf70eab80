//! The HTML documents, a quick preview to print from a browser: the attendance sheet
//! ([`sheet`]) and the certificate ([`certificate`]). They are maud templates, checked when
//! Cercle is compiled: every value put into one is escaped by maud, so a name holding
//! `<script>` stays a name, and only the fixed stylesheets go out unescaped.

pub mod certificate;
pub mod sheet;

use maud::{DOCTYPE, Markup, PreEscaped, Render, html};

/// The print stylesheet shared by the HTML documents.
const STYLE: &str = "body{font-family:sans-serif;margin:2em;color:#000}\
h1{font-size:1.3em}table{border-collapse:collapse;width:100%}\
th,td{border:1px solid #444;padding:.3em;text-align:left;vertical-align:top}\
td.sign{height:2.6em;min-width:6em}td.absent{text-decoration:line-through;background:#eee}\
.meta td{border:none}@media print{body{margin:0}section{page-break-after:always}}";

/// Text from the data as a page shows it: maud escapes its markup, and its control and bidi
/// characters become visible ones (ESC shows as ␛), as on screen, so that a page read in a
/// terminal or copied elsewhere carries no sequence.
struct Shown<'a>(&'a str);

impl Render for Shown<'_> {
    fn render_to(&self, buffer: &mut String) {
        crate::domain::text::visible_lines(self.0).render_to(buffer);
    }
}

/// A whole page in French: its title, the shared stylesheet followed by the document's own
/// print rules (`print`, a fixed stylesheet), and its body.
fn page(title: &str, print: &'static str, body: &Markup) -> String {
    let mut out = html! {
        (DOCTYPE)
        html lang="fr" {
            head {
                meta charset="utf-8";
                title { (Shown(title)) }
                style { (PreEscaped(STYLE)) (PreEscaped(print)) }
            }
            body { (body) }
        }
    }
    .into_string();
    out.push('\n');
    out
}
