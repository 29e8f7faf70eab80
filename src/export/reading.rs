//! Documents read back as text, to find out whom they name: `cercle forget` must list every
//! export that still names a person. A name is seldom in a document as its raw bytes: HTML
//! writes `"Zo"` as `&quot;Zo&quot;`, JSON writes a quote as `\"`, vCard and iCalendar escape
//! commas and fold long lines, CSV doubles quotes, and control characters are shown as their
//! pictures everywhere. Each reading below undoes one format's encoding.

use std::borrow::Cow;

/// The texts `bytes` can be read as, whatever format Cercle wrote them in: as they are, with
/// folded lines joined (vCard, iCalendar), with HTML entities decoded, with vCard and iCalendar
/// escapes undone, the strings of a JSON document, and the cells of a CSV file.
pub fn readings(bytes: &[u8]) -> Vec<String> {
    if let Some(inside) = unzipped(bytes) {
        // A workbook (XLSX) is a zip of XML files: what it says is inside them.
        let mut out = readings(&inside);
        out.push(String::from_utf8_lossy(bytes).into_owned());
        return out;
    }
    let text = String::from_utf8_lossy(bytes);
    // RFC 6350 and RFC 5545 fold a long line by a line break and one space or tab.
    let unfolded = text
        .replace("\r\n ", "")
        .replace("\r\n\t", "")
        .replace("\n ", "");
    let mut out = vec![
        html_escape::decode_html_entities(&unfolded).into_owned(),
        card_unescaped(&unfolded),
    ];
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(bytes) {
        let mut strings = String::new();
        json_strings(&value, &mut strings);
        out.push(strings);
    }
    let mut cells = String::new();
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    for record in csv.records().map_while(Result::ok) {
        for cell in &record {
            cells.push_str(cell);
            cells.push('\n');
        }
    }
    out.push(cells);
    out.push(unfolded);
    out.push(text.into_owned());
    out
}

/// Whether `bytes`, read in any of its [`readings`], hold one of `needles` (a name, an id).
/// A name is also looked for as exports show it, its control characters made visible.
pub fn names_any(bytes: &[u8], needles: &[&str]) -> bool {
    let needles: Vec<Cow<'_, str>> = needles
        .iter()
        .filter(|n| !n.is_empty())
        .flat_map(|n| [Cow::Borrowed(*n), crate::domain::text::visible(n)])
        .collect();
    readings(bytes)
        .iter()
        .any(|text| needles.iter().any(|n| text.contains(n.as_ref())))
}

/// The most bytes read out of one archive: a workbook of a whole network is a few megabytes,
/// and a file made to unpack into gigabytes is read no further.
const UNZIPPED_LIMIT: u64 = 256 << 20;

/// The XML files of a zip archive (a workbook) one after the other, or `None` when `bytes` is
/// no zip archive.
fn unzipped(bytes: &[u8]) -> Option<Vec<u8>> {
    use std::io::Read as _;
    if !bytes.starts_with(b"PK\x03\x04") {
        return None;
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut out = Vec::new();
    for i in 0..archive.len() {
        let Ok(entry) = archive.by_index(i) else {
            continue;
        };
        if !entry.name().is_ok_and(|n| n.ends_with(".xml")) {
            continue;
        }
        let room = UNZIPPED_LIMIT.saturating_sub(out.len() as u64);
        // A damaged entry gives what could be read of it; the others are still looked at.
        let _ = entry.take(room).read_to_end(&mut out);
        out.push(b'\n');
    }
    Some(out)
}

/// vCard and iCalendar text values with their escapes undone (`\,` `\;` `\\` `\n`).
fn card_unescaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Every key and string of a JSON document, one a line.
fn json_strings(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| json_strings(v, out)),
        serde_json::Value::Object(fields) => {
            for (key, v) in fields {
                out.push_str(key);
                out.push('\n');
                json_strings(v, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_found_through_every_encoding_cercle_writes() {
        let name = "Zoé O'Brien, \"Zo\"";
        let html = maud::html! { p title=(name) { (name) } }.into_string();
        let json = serde_json::to_string(&serde_json::json!({ "n": name })).unwrap();
        let card = format!("FN:{}\r\n", crate::exchange::vcard::escape(name));
        let folded = "NOTE:aaaaaaaa Zoé O'Br\r\n ien, \"Zo\"\r\n";
        let mut csv = csv::Writer::from_writer(Vec::new());
        csv.write_record([name, "x"]).unwrap();
        let csv = csv.into_inner().unwrap();
        for doc in [
            html.as_bytes(),
            json.as_bytes(),
            card.as_bytes(),
            folded.as_bytes(),
            &csv,
        ] {
            assert!(names_any(doc, &[name]), "{}", String::from_utf8_lossy(doc));
        }
        assert!(!names_any(b"<p>Zo&eacute; Martin</p>", &[name]));
        assert!(names_any(
            b"<p>Zo&eacute; O&apos;Brien, &quot;Zo&quot;</p>",
            &[name]
        ));
        // A name holding an escape character, shown as its picture in a document.
        let hostile = "Eve\u{1b}]0;x\u{7}";
        let shown = maud::html! { p { (crate::domain::text::visible(hostile)) } }.into_string();
        assert!(names_any(shown.as_bytes(), &[hostile]));
    }
}
