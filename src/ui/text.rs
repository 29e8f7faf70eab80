//! Making untrusted text safe to draw: names and notes may hold escape sequences.

use crate::app::App;
use crate::domain::tutoring::RequestStatus;
use crate::i18n::Msg;
use std::borrow::Cow;

/// Text from the data as harmless visible characters: control characters become their Unicode
/// pictures (ESC shows as ␛), and bidi overrides, which could reorder what is shown, become �.
pub fn safe(text: &str) -> Cow<'_, str> {
    crate::domain::text::visible(text)
}

// The words for roles, phases and places live with the other words, so `app` can use them too.
pub use crate::i18n::words::{person_role, phase, place};

/// The interface word for a tutor request's status.
pub fn request_status(status: RequestStatus) -> Msg {
    crate::i18n::words::status_msg(status)
}

/// A person's name by id, made safe, or the id itself when the person is unknown.
pub fn person_name<'a>(app: &'a App, id: &'a crate::domain::PersonId) -> Cow<'a, str> {
    app.data
        .person(id)
        .map_or(Cow::Borrowed(id.as_str()), |p| safe(&p.name))
}

/// Minutes as hours in the app's language: "14,5 h".
pub fn hours(app: &App, minutes: u32) -> String {
    crate::i18n::format::hours(minutes, app.lang())
}

/// `text` in at most `width` columns: whole when it fits, else cut at a word's end (so that
/// "106 km" never loses its "km", nor a word half of itself) and ended with "…". A single
/// word longer than the room is cut where the room ends.
pub fn shorten(text: &str, width: usize) -> Cow<'_, str> {
    let columns = |s: &str| ratatui::text::Span::raw(s).width();
    if columns(text) <= width {
        return Cow::Borrowed(text);
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    // The longest start that leaves a column for "…".
    let mut end = 0;
    for (at, c) in text.char_indices() {
        let next = at + c.len_utf8();
        if columns(&text[..next]) > width - 1 {
            break;
        }
        end = next;
    }
    let start = &text[..end];
    // Back to the last space between two words, unless that throws most of the room away. A
    // number and its unit are one: no cut between "106" and "km", nor at a no-break space.
    let breaks = |at: usize| {
        let before = text[..at].chars().next_back();
        let space = text[at..].chars().next();
        let after = text[at..].trim_start().chars().next();
        space.is_some_and(|c| c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}')
            && !(before.is_some_and(|c| c.is_ascii_digit())
                && after.is_some_and(|c| c.is_alphabetic() || c == '%'))
    };
    let at_word = (1..=end)
        .rev()
        .filter(|&at| text.is_char_boundary(at))
        .find(|&at| breaks(at));
    let kept = match at_word {
        Some(space) if columns(&start[..space]) * 2 >= width => &start[..space],
        _ => start,
    };
    // A separator left at the end says nothing: "Bordeaux · 10" becomes "Bordeaux…".
    let kept = kept.trim_end_matches(|c: char| c.is_whitespace() || "·,;:-–—/".contains(c));
    Cow::Owned(format!("{kept}…"))
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn a_cut_value_ends_with_an_ellipsis_at_a_word() {
        assert_eq!(shorten("Bordeaux · 106 km", 20), "Bordeaux · 106 km");
        assert_eq!(shorten("Bordeaux · 106 km", 15), "Bordeaux…");
        assert_eq!(shorten("Bordeaux · 106 km", 13), "Bordeaux…");
        assert_eq!(shorten("de un à plusieurs", 12), "de un à…");
        assert_eq!(shorten("Anticonstitutionnellement", 6), "Antic…");
        assert_eq!(
            shorten("suivi 14,5\u{a0}h sur 126 h", 16),
            "suivi 14,5\u{a0}h…"
        );
        assert_eq!(shorten("abc", 0), "");
    }
}
