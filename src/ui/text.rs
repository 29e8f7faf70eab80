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

#[cfg(test)]
mod tests {
    use super::safe;

    #[test]
    fn escapes_become_visible_and_harmless() {
        assert_eq!(safe("Zoé 🌱 東京"), "Zoé 🌱 東京");
        assert_eq!(safe("a\u{1b}[2Jb"), "a␛[2Jb");
        assert_eq!(safe("\u{7}\u{0}\u{7f}"), "␇␀␡");
        assert_eq!(safe("x\u{202E}y\u{9b}"), "x\u{fffd}y\u{fffd}");
        assert!(!safe("\u{1b}]52;c;aGk=\u{7}").contains('\u{1b}'));
    }
}
