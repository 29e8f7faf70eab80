//! vCard: a writer of vCard 4.0 (RFC 6350) and a tolerant reader of vCard 3.0 and 4.0.
//!
//! Our own rather than a crate's, on purpose: vcard4 0.7 rejects a whole file for one LABEL or
//! CLASS line (Google's 3.0 exports hold them), misreads `\;` inside structured values and stops
//! at the first error; ical 0.11 reads tolerantly but hands back raw values and its writer
//! neither folds by octets nor escapes. What we need is small: fold at 75 octets without
//! splitting a character, escape `\ , ; newline`, and read card by card so that one bad card
//! is reported by position while the others are kept.
//!
//! What other clients need, and how the data maps onto it:
//! - `N:` (family; given) beside `FN`, so that khard and others sort by surname: the surname is
//!   the last word of the name, or from a particle on ("Yannick Le Goff": `N:Le Goff;Yannick`);
//! - `TEL;TYPE=cell` for a French mobile number (06, 07, +33 6, +33 7), `TEL;TYPE=voice`
//!   otherwise, so that abook keeps the phones;
//! - `ADR:;;;locality;;;France`: the town in the locality field, the country in its own; the
//!   data holds no street, postal code nor région, so those fields stay empty, and the
//!   département (a code, not a region) goes to `X-CERCLE-DEPARTEMENT`, never into the region;
//! - one `NOTE` per note, its line breaks escaped as `\n`, so a two-line note comes back as one.

use super::card::{Card, Read};
use super::codes::{
    consent_code, consent_from, kind_code, kind_from, phase_code, phase_from, role_code, role_from,
};
use crate::domain::{Person, Project};

/// The longest line, in octets, before folding (RFC 6350 §3.2).
const FOLD_AT: usize = 75;

/// Writes people as vCard 4.0, each with only the fields they agreed to share.
pub fn write(people: &[&Person]) -> String {
    let mut out = String::new();
    for person in people {
        write_card(&mut out, person);
    }
    out
}

fn write_card(out: &mut String, p: &Person) {
    let card = Card::shared(p);
    let mut line = |text: String| fold_into(out, &text);
    line("BEGIN:VCARD".into());
    line("VERSION:4.0".into());
    line(format!("UID:{}", escape(&card.uid)));
    line(format!("FN:{}", escape(&card.name)));
    let (family, given) = surname_and_given(&card.name);
    line(format!("N:{};{};;;", escape(family), escape(given)));
    line("KIND:individual".into());
    if let Some(pronouns) = &card.pronouns {
        // RFC 9554 adds PRONOUNS to vCard 4.0.
        line(format!("PRONOUNS:{}", escape(pronouns)));
    }
    for (n, email) in card.emails.iter().enumerate() {
        let pref = if n == 0 { ";PREF=1" } else { "" };
        line(format!("EMAIL{pref}:{}", escape(email)));
    }
    for (n, phone) in card.phones.iter().enumerate() {
        let pref = if n == 0 { ";PREF=1" } else { "" };
        let kind = if is_mobile(phone) { "cell" } else { "voice" };
        line(format!("TEL;TYPE={kind}{pref}:{}", escape(phone)));
    }
    if !card.city.is_empty() || !card.departement.is_empty() {
        // ADR: box; extended; street; locality; region; postal code; country.
        line(format!("ADR:;;;{};;;France", escape(&card.city)));
    }
    if !card.departement.is_empty() {
        line(format!(
            "X-CERCLE-DEPARTEMENT:{}",
            escape(&card.departement)
        ));
    }
    if !card.organisation.is_empty() {
        line(format!("ORG:{}", escape(&card.organisation)));
    }
    if !card.job.is_empty() {
        line(format!("TITLE:{}", escape(&card.job)));
    }
    if !card.website.is_empty() {
        line(format!("URL:{}", escape(&card.website)));
    }
    if !card.tags.is_empty() {
        let tags: Vec<String> = card.tags.iter().map(|t| escape(t)).collect();
        line(format!("CATEGORIES:{}", tags.join(",")));
    }
    if let Some(project) = &card.project {
        line(format!(
            "X-CERCLE-PROJECT:{};{};{}",
            escape(&project.name),
            kind_code(project.kind),
            phase_code(project.phase)
        ));
    }
    line(format!("X-CERCLE-ROLE:{}", role_code(card.role)));
    let shared: Vec<&str> = card.shared.iter().map(|f| consent_code(*f)).collect();
    line(format!("X-CERCLE-SHARED:{}", shared.join(",")));
    for note in &card.notes {
        line(format!("NOTE:{}", escape(note)));
    }
    line("END:VCARD".into());
}

/// The surname and the given names of a full name: from the first particle after the first
/// word ("Le Goff", "de la Tour"), else the last word with a letter.
fn surname_and_given(name: &str) -> (&str, &str) {
    const PARTICLES: &[&str] = &[
        "le", "la", "de", "du", "des", "d'", "van", "von", "der", "da", "di", "del", "ben", "el",
    ];
    let name = name.trim();
    let starts: Vec<usize> = name
        .char_indices()
        .filter(|&(i, c)| i > 0 && !c.is_whitespace() && name[..i].ends_with(char::is_whitespace))
        .map(|(i, _)| i)
        .collect();
    // The last word with a letter: an emoji after the name is not a surname.
    let word_at = |i: usize| name[i..].split_whitespace().next().unwrap_or_default();
    let Some(&last) = starts
        .iter()
        .rev()
        .find(|&&i| word_at(i).chars().any(char::is_alphabetic))
    else {
        return (name, "");
    };
    let from = starts
        .iter()
        .copied()
        .find(|&i| {
            let lower = word_at(i).to_lowercase();
            PARTICLES.contains(&lower.as_str())
                || lower.starts_with("d'")
                || lower.starts_with("d’")
        })
        .unwrap_or(last);
    (&name[from..], name[..from].trim_end())
}

/// Whether a phone number is a French mobile one: 06, 07, or +33 6, +33 7.
fn is_mobile(phone: &str) -> bool {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    let national = digits
        .strip_prefix("+33")
        .or_else(|| digits.strip_prefix("0033"))
        .map_or(digits.clone(), |rest| format!("0{rest}"));
    national.starts_with("06") || national.starts_with("07")
}

/// Escapes a text value: backslash, comma, semicolon and newline (RFC 6350 §3.4); control and
/// bidi characters become visible ones, so that the file prints harmlessly.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::domain::text::visible_lines(text).chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line folded at 75 octets, CRLF-terminated; a continuation line starts with
/// a space, and a character's octets are never split.
pub fn fold_into(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > FOLD_AT {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// Reads every card of a vCard 3.0 or 4.0 file; a bad card is reported and the next one read.
pub fn read(text: &str) -> Vec<Read> {
    let mut out = Vec::new();
    let mut current: Option<(usize, Vec<(usize, String)>)> = None;
    for (number, line) in unfold(text) {
        let upper = line.trim().to_ascii_uppercase();
        if upper == "BEGIN:VCARD" {
            if let Some((start, _)) = current.take() {
                out.push(refused(out.len() + 1, start, "it has no END:VCARD".into()));
            }
            current = Some((number, Vec::new()));
        } else if upper == "END:VCARD" {
            match current.take() {
                Some((start, lines)) => {
                    let card = parse_card(&lines);
                    out.push(Read {
                        position: out.len() + 1,
                        line: start,
                        card,
                    });
                }
                None => out.push(refused(
                    out.len() + 1,
                    number,
                    "END:VCARD without BEGIN:VCARD".into(),
                )),
            }
        } else if let Some((_, lines)) = &mut current {
            lines.push((number, line));
        } else if !line.trim().is_empty() {
            out.push(refused(
                out.len() + 1,
                number,
                format!("text outside a card: {:?}", truncate(&line)),
            ));
        }
    }
    if let Some((start, _)) = current {
        out.push(refused(out.len() + 1, start, "it has no END:VCARD".into()));
    }
    out
}

fn refused(position: usize, line: usize, reason: String) -> Read {
    Read {
        position,
        line,
        card: Err(reason),
    }
}

fn truncate(text: &str) -> String {
    text.chars().take(40).collect()
}

/// Joins folded lines (a line starting with a space or a tab continues the previous one), and
/// numbers each logical line by where it started.
fn unfold(text: &str) -> Vec<(usize, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out: Vec<(usize, String)> = Vec::new();
    for (n, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        match raw.chars().next() {
            Some(' ' | '\t') if !out.is_empty() => {
                if let Some((_, last)) = out.last_mut() {
                    last.push_str(&raw[1..]);
                }
            }
            _ => out.push((n + 1, raw.to_owned())),
        }
    }
    out
}

/// A content line split into its name (group dropped, upper-cased), parameters and raw value.
struct ContentLine {
    name: String,
    params: Vec<(String, String)>,
    value: String,
}

fn split_line(line: &str) -> Option<ContentLine> {
    let mut in_quotes = false;
    let colon = line.char_indices().find_map(|(i, c)| match c {
        '"' => {
            in_quotes = !in_quotes;
            None
        }
        ':' if !in_quotes => Some(i),
        _ => None,
    })?;
    let (head, value) = (&line[..colon], &line[colon + 1..]);
    let mut parts = head.split(';');
    let name = parts.next()?.trim();
    let name = name.rsplit('.').next().unwrap_or(name).to_ascii_uppercase();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return None;
    }
    let params = parts
        .map(|p| {
            let (key, value) = p.split_once('=').unwrap_or(("TYPE", p));
            (
                key.trim().to_ascii_uppercase(),
                value.trim_matches('"').to_owned(),
            )
        })
        .collect();
    Some(ContentLine {
        name,
        params,
        value: value.to_owned(),
    })
}

fn parse_card(lines: &[(usize, String)]) -> Result<Card, String> {
    let mut card = Card::default();
    let mut version = None;
    let mut structured_name = None;
    let mut shared = None;
    for (number, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let Some(content) = split_line(line) else {
            return Err(format!(
                "line {number} is not a vCard property: {:?}",
                truncate(line)
            ));
        };
        if content
            .params
            .iter()
            .any(|(k, v)| k == "ENCODING" && v.eq_ignore_ascii_case("QUOTED-PRINTABLE"))
        {
            return Err(format!(
                "line {number} is quoted-printable (vCard 2.1), which is not read"
            ));
        }
        let value = content.value.as_str();
        match content.name.as_str() {
            "VERSION" => version = Some(value.trim().to_owned()),
            "FN" => unescape(value).trim().clone_into(&mut card.name),
            "N" => structured_name = Some(components(value)),
            "UID" => card.uid = unescape(value),
            "PRONOUNS" => card.pronouns = Some(unescape(value)).filter(|p| !p.is_empty()),
            "EMAIL" => push_nonempty(&mut card.emails, unescape(value).trim()),
            "TEL" => {
                let tel = unescape(value);
                push_nonempty(&mut card.phones, tel.trim().trim_start_matches("tel:"));
            }
            "ADR" => {
                let parts = components(value);
                let part = |i: usize| parts.get(i).cloned().unwrap_or_default();
                card.city = part(3);
                if card.departement.is_empty() {
                    card.departement = departement_of(&part(4), &part(5));
                }
            }
            "X-CERCLE-DEPARTEMENT" => card.departement = departement_of(&unescape(value), ""),
            "ORG" => card.organisation = components(value).join(", "),
            "TITLE" | "ROLE" if card.job.is_empty() => card.job = unescape(value),
            "URL" => card.website = unescape(value),
            "CATEGORIES" => {
                for tag in list(value) {
                    push_nonempty(&mut card.tags, tag.trim());
                }
            }
            // One NOTE is one note, its lines kept together.
            "NOTE" => push_nonempty(&mut card.notes, unescape(value).trim()),
            "X-CERCLE-PROJECT" => {
                let parts = components(value);
                let part = |i: usize| parts.get(i).map_or("", String::as_str);
                card.project = Some(Project {
                    name: part(0).to_owned(),
                    kind: kind_from(part(1)),
                    phase: phase_from(part(2)),
                });
            }
            "X-CERCLE-ROLE" => card.role = role_from(value.trim()),
            "X-CERCLE-SHARED" => {
                shared = Some(list(value).iter().filter_map(|c| consent_from(c)).collect());
            }
            _ => {}
        }
    }
    match version.as_deref() {
        Some("3.0" | "4.0") => {}
        Some(other) => return Err(format!("version {other} is not read (3.0 and 4.0 are)")),
        None => return Err("it has no VERSION".into()),
    }
    if card.name.is_empty()
        && let Some(parts) = structured_name
    {
        // N is family; given; additional; prefixes; suffixes.
        let get = |i: usize| parts.get(i).map_or("", String::as_str);
        card.name = [get(3), get(1), get(2), get(0), get(4)]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
    }
    if card.name.is_empty() {
        return Err("it has no name (FN or N)".into());
    }
    if let Some(bad) = card
        .emails
        .iter()
        .find(|e| !crate::domain::people::is_email(e))
    {
        return Err(format!("{bad:?} is not an email address"));
    }
    card.shared = shared.unwrap_or_default();
    Ok(card)
}

fn push_nonempty(list: &mut Vec<String>, value: &str) {
    if !value.is_empty() && !list.iter().any(|v| v == value) {
        list.push(value.to_owned());
    }
}

/// The département from an ADR's region (a code, or a name) or its French postal code.
fn departement_of(region: &str, postal_code: &str) -> String {
    use crate::domain::{fold::fold, geo, people::is_departement};
    let region = region.trim();
    if is_departement(region) {
        return region.to_ascii_uppercase();
    }
    geo::departements()
        .iter()
        .find(|d| !region.is_empty() && fold(d.name) == fold(region))
        .or_else(|| geo::departement_of_postcode(postal_code))
        .map(|d| d.code.to_owned())
        .unwrap_or_default()
}

/// Undoes the escapes of a text value; `\n` and `\N` are newlines, an unknown escape keeps its
/// character.
pub fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Splits a value on unescaped `sep`, unescaping each part.
fn split_unescaped(value: &str, sep: char) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            current.push(c);
            if let Some(next) = chars.next() {
                current.push(next);
            }
        } else if c == sep {
            parts.push(unescape(&std::mem::take(&mut current)));
        } else {
            current.push(c);
        }
    }
    parts.push(unescape(&current));
    parts
}

/// The components of a structured value (N, ADR, ORG), split on unescaped semicolons.
fn components(value: &str) -> Vec<String> {
    split_unescaped(value, ';')
}

/// The items of a list value (CATEGORIES), split on unescaped commas.
fn list(value: &str) -> Vec<String> {
    split_unescaped(value, ',')
}
