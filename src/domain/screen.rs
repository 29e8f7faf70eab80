//! Reading a document for `cercle check` at the speed of loading it: straight into the typed
//! records, noting whether it holds anything they would accept and its JSON Schema would not
//! (a field they ignore, a choice given twice, an instant not in Cercle's own form). Only such
//! a document needs the schema's validator, which builds an untyped copy of it.
//!
//! The records are the schema for everything else; `tests/it/check_screen.rs` changes the
//! sample's documents in every place and holds the two to agreeing.

use serde::de::DeserializeOwned;
use std::cell::Cell;

thread_local! {
    /// `Some` while a document is screened on this thread: whether it gave cause for doubt.
    static DOUBT: Cell<Option<bool>> = const { Cell::new(None) };
}

/// `bytes` read as a `T` (as `serde_json::from_slice` reads it), and whether the schema may
/// still reject it: `true` when the records ignored a field or accepted a form the schema
/// does not.
///
/// # Errors
/// What `serde_json` says of bytes that are not a `T`.
pub fn screened<T: DeserializeOwned>(bytes: &[u8]) -> Result<(T, bool), serde_json::Error> {
    let outer = DOUBT.replace(Some(false));
    let mut ignored = false;
    let on_ignored = |_: serde_ignored::Path<'_>| ignored = true;
    // Text checked once as UTF-8 is not checked again string by string (see `store::layout`).
    let read = match std::str::from_utf8(bytes) {
        Ok(text) => noting_ignored(serde_json::Deserializer::from_str(text), on_ignored),
        Err(_) => noting_ignored(serde_json::Deserializer::from_slice(bytes), on_ignored),
    };
    let doubted = DOUBT.replace(outer) == Some(true);
    read.map(|value| (value, ignored || doubted || odd_instants(bytes)))
}

/// Reads a whole `T` from `reader`, telling `on_ignored` of each field the records ignore.
fn noting_ignored<'de, R: serde_json::de::Read<'de>, T: DeserializeOwned>(
    mut reader: serde_json::Deserializer<R>,
    on_ignored: impl FnMut(serde_ignored::Path<'_>),
) -> Result<T, serde_json::Error> {
    let value = serde_ignored::deserialize(&mut reader, on_ignored)?;
    reader.end()?;
    Ok(value)
}

/// For `#[serde(default, deserialize_with)]` on an optional record the schema does not let be
/// `null`: read as absent, and a doubt.
///
/// # Errors
/// Whatever reading a `T` says.
pub fn not_null<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    let read = <Option<T> as serde::Deserialize>::deserialize(deserializer)?;
    if read.is_none() {
        doubt();
    }
    Ok(read)
}

/// Whether a string in `bytes` may be a date, a time or an instant in a form chrono reads and
/// the schema refuses (`2026-3-2`, `9:00`, a space for the `T`, a trailing space): one that
/// starts like a number and holds a `-` or a `:`, but is not exactly in the schema's form.
/// Cercle writes only those forms; anything else, even free text, leaves the schema to decide.
fn odd_instants(bytes: &[u8]) -> bool {
    let mut open: Option<usize> = None;
    for at in memchr::memchr_iter(b'"', bytes) {
        match open {
            None => open = Some(at + 1),
            Some(start) => {
                let escaped = bytes[start..at]
                    .iter()
                    .rev()
                    .take_while(|&&b| b == b'\\')
                    .count()
                    % 2
                    == 1;
                if escaped {
                    continue;
                }
                open = None;
                let raw = &bytes[start..at];
                // Most strings start with a letter: nothing chrono would read as a date.
                if raw.first().is_none_or(|&b| {
                    b.is_ascii() && !b.is_ascii_digit() && !b"+- \t\n\r\\".contains(&b)
                }) {
                    continue;
                }
                // What chrono reads is the decoded text: an escape (`\u0039:00`) or a space
                // beyond ASCII (a no-break space before a date) is looked at decoded.
                let plain = raw.iter().all(|&b| b != b'\\' && b.is_ascii());
                let decoded;
                let text = if plain {
                    raw
                } else {
                    match serde_json::from_slice::<String>(&bytes[start - 1..=at]) {
                        Ok(text) => {
                            decoded = text;
                            decoded.as_bytes()
                        }
                        // Not a string after all: the schema's validator will say why.
                        Err(_) => return true,
                    }
                };
                if looks_like_a_number(text) && !in_schema_form(text) {
                    return true;
                }
            }
        }
    }
    false
}

fn looks_like_a_number(text: &[u8]) -> bool {
    // chrono skips any leading whitespace, Unicode's too.
    let trimmed = std::str::from_utf8(text).map_or(text, |t| t.trim_start().as_bytes());
    let unsigned = trimmed
        .strip_prefix(b"+")
        .or_else(|| trimmed.strip_prefix(b"-"))
        .unwrap_or(trimmed);
    unsigned.first().is_some_and(u8::is_ascii_digit) && text.iter().any(|&b| b == b'-' || b == b':')
}

/// `YYYY-MM-DD`, `HH:MM[:SS[.f]]`, or `YYYY-MM-DDTHH:MM:SS[.f](Z|±HH:MM)`, with each field in
/// its range (the day up to 31: chrono refuses a day a month lacks, and so fails the reading).
fn in_schema_form(text: &[u8]) -> bool {
    fn two(b: &[u8], max: u8) -> bool {
        matches!(b, [t, u] if t.is_ascii_digit() && u.is_ascii_digit() && (t - b'0') * 10 + (u - b'0') <= max)
    }
    fn date(b: &[u8]) -> bool {
        matches!(b, [y0, y1, y2, y3, b'-', m @ .., b'-', _, _] if m.len() == 2 && [y0, y1, y2, y3].iter().all(|d| d.is_ascii_digit()))
            && two(&b[5..7], 12)
            && b[5..7] != *b"00"
            && two(&b[8..10], 31)
            && b[8..10] != *b"00"
    }
    fn fraction(b: &[u8]) -> bool {
        b.is_empty()
            || (b[0] == b'.'
                && (2..=10).contains(&b.len())
                && b[1..].iter().all(u8::is_ascii_digit))
    }
    fn time(b: &[u8]) -> bool {
        b.len() >= 5
            && two(&b[0..2], 23)
            && b[2] == b':'
            && two(&b[3..5], 59)
            && (b.len() == 5
                || (b.len() >= 8 && b[5] == b':' && two(&b[6..8], 59) && fraction(&b[8..])))
    }
    fn offset(b: &[u8]) -> bool {
        b == b"Z"
            || (b.len() == 6
                && (b[0] == b'+' || b[0] == b'-')
                && two(&b[1..3], 23)
                && b[3] == b':'
                && two(&b[4..6], 59))
    }
    if text.len() == 10 && date(text) {
        return true;
    }
    if text.len() > 10 && text[10] == b'T' && date(&text[..10]) {
        let rest = &text[11..];
        let zone = rest
            .iter()
            .position(|&b| b == b'Z' || b == b'+' || b == b'-');
        return zone.is_some_and(|z| {
            rest.len() - z <= 6 && time(&rest[..z]) && rest[..z].len() >= 8 && offset(&rest[z..])
        });
    }
    time(text)
}

/// Says, from a lenient reading, that what it accepted may break the schema. Does nothing
/// outside [`screened`].
pub fn doubt() {
    DOUBT.with(|doubt| {
        if doubt.get().is_some() {
            doubt.set(Some(true));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Kept {
        name: String,
    }

    #[test]
    fn a_field_the_records_ignore_is_a_doubt() {
        let (kept, doubtful) = screened::<Kept>(br#"{"name": "Ana"}"#).unwrap();
        assert_eq!((kept.name.as_str(), doubtful), ("Ana", false));
        let (_, doubtful) = screened::<Kept>(br#"{"name": "Ana", "nmae": "x"}"#).unwrap();
        assert!(doubtful, "the unknown field went unnoticed");
    }

    #[test]
    fn only_the_schemas_forms_of_dates_and_times_pass_unseen() {
        for sound in [
            "2026-03-02",
            "09:00",
            "09:00:00",
            "23:59:59.5",
            "2026-03-02T08:05:00Z",
            "2026-03-02T08:05:00.123+02:00",
            "p-1",
            "12 rue",
            "Salle 2",
        ] {
            assert!(
                !odd_instants(format!("[\"{sound}\"]").as_bytes()),
                "{sound}"
            );
        }
        for odd in [
            "2026-3-2",
            "9:00",
            " 09:00",
            "24:00",
            "2026-03-02 08:05:00Z",
            "2026-03-02T08:05:00",
            "2026-03-02T08:05Z",
            "2026-13-02",
            "09:00:60",
            "+2026-03-02",
            "2026-03-02 ",
        ] {
            assert!(
                odd_instants(format!("[\"x\", \"{odd}\"]").as_bytes()),
                "{odd}"
            );
        }
        // Read as chrono reads them: decoded, after any leading whitespace.
        for odd in [
            r#"["\u00a02026-03-02"]"#,
            r#"["\t09:00"]"#,
            r#"["\u0039:00"]"#,
            "[\"\u{a0}09:00\"]",
        ] {
            assert!(odd_instants(odd.as_bytes()), "{odd}");
        }
        assert!(!odd_instants(
            r#"["\u00e9t\u00e9 2026", "Caf\u00e9 9:00"]"#.as_bytes()
        ));
        // A quote inside a string does not shift which strings are read.
        assert!(!odd_instants(br#"["a \" 9:00 \"", "2026-03-02"]"#));
    }

    #[test]
    fn a_doubt_counts_only_while_screening_and_only_for_its_document() {
        doubt();
        let (_, doubtful) = screened::<Kept>(br#"{"name": "Ana"}"#).unwrap();
        assert!(!doubtful, "a doubt from outside the screen leaked into it");
        assert!(screened::<Kept>(br#"{"name": "Ana"} x"#).is_err());
    }
}
