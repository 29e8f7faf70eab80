//! Untrusted text made harmless for a terminal: names and notes may hold escape sequences (ESC,
//! CSI, OSC), bells, NUL, or bidi controls that reorder what is shown. Pure functions, shared by
//! the views, the exports and the command line.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether a character could act on a terminal or reorder text instead of showing: control
/// characters (C0, DEL, C1) and the bidi embeddings, overrides, isolates and marks.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// The text as harmless visible characters: C0 controls and DEL become their Unicode pictures
/// (ESC shows as ␛), the others (C1, bidi controls) become �. Zero-width joiners, wide CJK and
/// emoji are ordinary text and stay.
pub fn visible(text: &str) -> Cow<'_, str> {
    visible_except(text, &[])
}

/// [`visible`], keeping line breaks and tabs: for cells and notes that may span lines.
pub fn visible_lines(text: &str) -> Cow<'_, str> {
    visible_except(text, &['\n', '\t'])
}

fn visible_except<'a>(text: &'a str, keep: &[char]) -> Cow<'a, str> {
    let bad = |c: char| is_unsafe(c) && !keep.contains(&c);
    if !text.chars().any(bad) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                c if !bad(c) => c,
                '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'),
                '\u{7f}' => '\u{2421}',
                _ => '\u{fffd}',
            })
            .collect(),
    )
}

/// A count with a thin space between thousands (100 000), as both languages can read it.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

/// JSON text with every unsafe character inside its strings written as a `\uXXXX` escape:
/// the same data, losslessly, that prints harmlessly. (`serde_json` escapes C0 already, but not
/// DEL, C1 or bidi controls; the structure of JSON is ASCII, so only strings hold them.)
pub fn escape_json(json: &str) -> Cow<'_, str> {
    if !json.chars().any(is_unsafe) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        // A raw line break or tab between tokens (pretty printing) is layout, not data.
        if is_unsafe(c) && !matches!(c, '\n' | '\t' | '\r') {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_visible_and_harmless() {
        assert_eq!(visible("Zoé 🌱 東京 👩‍🔧"), "Zoé 🌱 東京 👩‍🔧");
        assert_eq!(visible("a\u{1b}[2Jb"), "a␛[2Jb");
        assert_eq!(visible("\u{7}\u{0}\u{7f}"), "␇␀␡");
        assert_eq!(visible("x\u{202E}y\u{9b}"), "x\u{fffd}y\u{fffd}");
        assert_eq!(visible_lines("a\nb\tc\rd"), "a\nb\tc␍d");
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(3500), "3\u{202f}500");
        assert_eq!(grouped(1_000_000), "1\u{202f}000\u{202f}000");
    }

    #[test]
    fn json_escapes_round_trip() {
        let text = "a\u{1b}]52;c;x\u{7}\u{7f}\u{9b}\u{202e}東";
        let json = serde_json::to_string_pretty(&vec![text]).unwrap();
        let escaped = escape_json(&json);
        assert!(!escaped.chars().any(is_unsafe) || escaped.contains('\n'));
        assert!(!escaped.contains('\u{1b}') && !escaped.contains('\u{9b}'));
        let back: Vec<String> = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, [text]);
    }
}
