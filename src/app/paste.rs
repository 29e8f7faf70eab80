//! A paste from the terminal (bracketed paste): text for the field being typed in, never keys.
//! Without it, a pasted line break would save a form and the letters after it would run as
//! commands (`e` exports, `u` undoes, `q` quits).

use super::form::{Pasted, cut_to, pasted_text};
use super::keymap::Context;
use super::list::Cursor;
use super::{App, Overlay};
use crate::domain::text::grouped;
use crate::i18n::{Msg, fill};

/// The most characters a filter holds: a search, not a document.
pub const FILTER_LIMIT: usize = 200;

impl App {
    /// Takes pasted text: into the focused text field of a form, or into the filter being
    /// typed (line breaks become spaces there). Anywhere else it is ignored, and the status
    /// line says so. What goes past a field's limit is left out, and the status line says so.
    pub fn paste(&mut self, text: &str) {
        let pasted = match super::context(self) {
            Context::Form => match &mut self.overlay {
                Some(Overlay::Form(form)) => form.paste(text),
                _ => Pasted::NotText,
            },
            Context::Filter => self.paste_filter(text),
            _ => Pasted::NotText,
        };
        match pasted {
            Pasted::Whole => {}
            Pasted::Cut { limit } => self.refuse_past(Msg::PasteCut, limit),
            Pasted::NotText => self.notify(self.tr(Msg::PasteIgnored)),
        }
    }

    /// Says that what went past a field's `limit` was left out (`msg` takes `{limit}`).
    pub fn refuse_past(&mut self, msg: Msg, limit: usize) {
        let text = fill(self.tr(msg), &[("limit", &grouped(limit))]);
        self.notify_error(text);
    }

    fn paste_filter(&mut self, text: &str) -> Pasted {
        let text = pasted_text(text, false);
        let listing = self.list_in_view_mut();
        let room = FILTER_LIMIT.saturating_sub(listing.filter.chars().count());
        let (kept, cut) = cut_to(&text, room);
        listing.filter.push_str(kept);
        listing.cursor = Cursor::default();
        self.refresh_rows();
        if cut {
            Pasted::Cut {
                limit: FILTER_LIMIT,
            }
        } else {
            Pasted::Whole
        }
    }
}
