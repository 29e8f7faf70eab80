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
