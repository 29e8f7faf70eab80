//! Forms: labelled text fields built on ratatui-textarea, with inline validation.

use super::dates::{complete_date, parse_date, parse_time, parse_time_range};
use crate::domain::ContactField;
use crate::domain::people::{is_departement, is_email};
use crate::domain::text::is_unsafe;
use crate::i18n::Msg;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// How a field is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldKind {
    /// Required text.
    Required,
    /// Optional text.
    Text,
    /// An email address, or empty.
    Email,
    /// A French département code, or empty.
    Departement,
    /// A long note, best edited in `$EDITOR`.
    Note,
    /// A required date, `YYYY-MM-DD` or `DD/MM/YYYY`.
    Date,
    /// A required time, `HH:MM`.
    Time,
    /// Two times, `HH:MM-HH:MM`.
    TimeRange,
    /// A number of days, 1 to 10.
    Days,
    /// One of a few words, chosen with ←/→ or Space.
    Choice(#[serde(deserialize_with = "super::kept::words")] &'static [Msg]),
    /// One of a few values from the data (held in the field's `options`), chosen the same way.
    Options,
    /// Email addresses separated by commas, or empty.
    Emails,
    /// A personal code: required, and drawn as dots while typed.
    Code,
    /// A path to a file or a folder, required; Tab completes it from its folder.
    Path,
}

/// The most characters a one-line field holds: longer than any name, address or path.
pub const LINE_LIMIT: usize = 1_000;
/// The most characters a note holds: about fifty pages.
pub const NOTE_LIMIT: usize = 100_000;

impl FieldKind {
    /// The most characters a field of this kind holds: typing, a paste or `$EDITOR` stop there.
    pub fn limit(self) -> usize {
        if self == Self::Note {
            NOTE_LIMIT
        } else {
            LINE_LIMIT
        }
    }

    /// Whether the field is typed in (a choice is chosen, not typed).
    pub fn is_text(self) -> bool {
        !matches!(self, Self::Choice(_) | Self::Options)
    }

    /// Whether the field must be filled in (its label is marked `*`).
    pub fn is_required(self) -> bool {
        matches!(
            self,
            Self::Required
                | Self::Date
                | Self::Time
                | Self::TimeRange
                | Self::Days
                | Self::Code
                | Self::Path
        )
    }
}

/// One labelled field.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Field {
    /// Its label.
    pub label: Msg,
    /// How it is checked.
    pub kind: FieldKind,
    /// The text being typed.
    #[serde(with = "super::kept::text_area")]
    pub input: TextArea<'static>,
    /// The text it started with, to know whether anything was typed.
    initial: String,
    /// The validation message, if the value is refused.
    pub error: Option<Msg>,
    /// The option chosen in a choice field.
    pub choice: usize,
    /// The values of an `Options` field, already in the user's language.
    pub options: Vec<String>,
    /// The consent this field's value depends on, shown beside it.
    pub consent: Option<ContactField>,
    /// The names a lookup field offers as the user types (people, venues, modules), matched
    /// like the contacts search; empty for other fields.
    #[serde(default)]
    pub candidates: Vec<String>,
}

/// The longest pre-filled value that is selected when its field is focused, so that typing
/// replaces it (a time, a date, a number of days); longer texts are edited, not replaced.
const SELECTED_UP_TO: usize = 24;
/// How many candidates a lookup field offers at once.
pub const CANDIDATES_SHOWN: usize = 4;

impl Field {
    /// A field holding `value`.
    pub fn new(label: Msg, kind: FieldKind, value: &str) -> Self {
        let lines: Vec<String> = value.lines().map(str::to_owned).collect();
        let mut input = TextArea::new(if lines.is_empty() {
            vec![String::new()]
        } else {
            lines
        });
        input.move_cursor(ratatui_textarea::CursorMove::Bottom);
        input.move_cursor(ratatui_textarea::CursorMove::End);
        if kind == FieldKind::Code {
            input.set_mask_char('•');
        }
        // A choice field starts on the option whose index the value gives.
        let choice = match kind {
            FieldKind::Choice(options) => value
                .trim()
                .parse::<usize>()
                .unwrap_or(0)
                .min(options.len().saturating_sub(1)),
            _ => 0,
        };
        let initial = match kind {
            FieldKind::Choice(_) => choice.to_string(),
            _ => value.to_owned(),
        };
        Self {
            label,
            kind,
            input,
            initial,
            error: None,
            choice,
            options: Vec::new(),
            consent: None,
            candidates: Vec::new(),
        }
    }

    /// The same field, offering these names as the user types (see [`Field::suggestions`]).
    #[must_use]
    pub fn looked_up(mut self, names: Vec<String>) -> Self {
        self.candidates = names;
        self
    }

    /// Whether the field is a list separated by commas (its last item is the one looked up).
    fn is_list(&self) -> bool {
        matches!(self.kind, FieldKind::Emails)
            || matches!(self.label, Msg::FieldPeople | Msg::FieldModules)
    }

    /// What is being looked up: the text, or the last item of a list.
    fn looked_for(&self) -> String {
        let text = self.input.lines().join(" ");
        if self.is_list() {
            text.rsplit(',')
                .next()
                .unwrap_or_default()
                .trim()
                .to_owned()
        } else {
            text.trim().to_owned()
        }
    }

    /// The candidates that best match what was typed, best first (none when nothing is typed
    /// or the text already is one of them).
    pub fn suggestions(&self) -> Vec<&str> {
        let typed = self.looked_for();
        if self.candidates.is_empty() || self.candidates.contains(&typed) {
            return Vec::new();
        }
        crate::domain::search::best_names(&typed, &self.candidates, CANDIDATES_SHOWN)
            .into_iter()
            .map(|n| self.candidates[n].as_str())
            .collect()
    }

    /// Completes what is being looked up with the best candidate; says whether anything
    /// changed.
    fn complete(&mut self) -> bool {
        let Some(best) = self.suggestions().first().map(|s| (*s).to_owned()) else {
            return false;
        };
        let text = self.input.lines().join(" ");
        let value = match text.rsplit_once(',').filter(|_| self.is_list()) {
            Some((before, _)) => format!("{before}, {best}"),
            None => best,
        };
        self.set_text(&value);
        true
    }

    /// Replaces the text, the cursor at its end.
    fn set_text(&mut self, text: &str) {
        let mut input = TextArea::new(vec![text.to_owned()]);
        input.move_cursor(ratatui_textarea::CursorMove::End);
        if self.kind == FieldKind::Code {
            input.set_mask_char('•');
        }
        self.input = input;
        self.error = None;
    }

    /// Selects a short pre-filled value as the field is focused, so that typing replaces it
    /// ("09:10" then "10h30" gives "10h30", not "09:1010h30").
    fn focused(&mut self) {
        let lines = self.input.lines();
        let short = lines.len() == 1 && (1..=SELECTED_UP_TO).contains(&lines[0].chars().count());
        if self.kind.is_text() && !matches!(self.kind, FieldKind::Note | FieldKind::Code) && short {
            self.input.select_all();
        }
    }

    /// Forgets the selection as the field loses the focus.
    fn left(&mut self) {
        self.input.cancel_selection();
    }

    /// A choice field, with one option chosen.
    pub fn choice(label: Msg, options: &'static [Msg], chosen: usize) -> Self {
        Self::new(label, FieldKind::Choice(options), &chosen.to_string())
    }

    /// A field choosing one of `options` (values from the data, already translated).
    pub fn options(label: Msg, options: Vec<String>, chosen: usize) -> Self {
        let mut field = Self::new(label, FieldKind::Options, "");
        field.choice = chosen.min(options.len().saturating_sub(1));
        field.initial = field.choice.to_string();
        field.options = options;
        field
    }

    /// The same field, tied to a consent.
    #[must_use]
    pub fn shared_as(mut self, consent: ContactField) -> Self {
        self.consent = Some(consent);
        self
    }

    /// How many options a choice field offers (0 for a text field).
    pub fn option_count(&self) -> usize {
        match self.kind {
            FieldKind::Choice(options) => options.len(),
            FieldKind::Options => self.options.len(),
            _ => 0,
        }
    }

    /// The items of a field holding a list separated by commas.
    pub fn items(&self) -> Vec<String> {
        split_list(&self.value())
    }

    /// How many characters the field holds, a line break counting as one.
    pub fn char_count(&self) -> usize {
        let lines = self.input.lines();
        lines.iter().map(|l| l.chars().count()).sum::<usize>() + lines.len().saturating_sub(1)
    }

    fn current(&self) -> String {
        match self.kind {
            FieldKind::Choice(_) | FieldKind::Options => self.choice.to_string(),
            _ => self.input.lines().join("\n"),
        }
    }

    /// The text of the field, with control characters removed and spaces trimmed.
    pub fn value(&self) -> String {
        if self.kind == FieldKind::Options {
            return self.options.get(self.choice).cloned().unwrap_or_default();
        }
        let joined = self.input.lines().join("\n");
        clean(&joined, self.kind == FieldKind::Note)
    }

    fn check(&mut self) -> bool {
        let value = self.value();
        self.error = match self.kind {
            kind if kind.is_required() && value.is_empty() => Some(Msg::FieldRequired),
            FieldKind::Email if !value.is_empty() && !is_email(&value) => Some(Msg::FieldBadEmail),
            FieldKind::Emails if self.items().iter().any(|e| !is_email(e)) => {
                Some(Msg::FieldBadEmail)
            }
            FieldKind::Departement if !value.is_empty() && !is_departement(&value) => {
                Some(Msg::FieldBadDepartement)
            }
            FieldKind::Date if parse_date(&value).is_none() => Some(Msg::FieldBadDate),
            FieldKind::Time if parse_time(&value).is_none() => Some(Msg::FieldBadTime),
            FieldKind::TimeRange if parse_time_range(&value).is_none() => {
                Some(Msg::FieldBadTimeRange)
            }
            FieldKind::Days if !value.parse::<u32>().is_ok_and(|n| (1..=10).contains(&n)) => {
                Some(Msg::FieldBadDays)
            }
            _ => None,
        };
        self.error.is_none()
    }
}

/// The items of a comma-separated list, trimmed, the empty ones dropped.
pub fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Removes control characters (escape sequences, bidi overrides, NUL) from typed or pasted text,
/// keeping newlines only where a note allows them.
pub fn clean(text: &str, keep_newlines: bool) -> String {
    let kept: String = text
        .chars()
        .filter(|&c| (keep_newlines && c == '\n') || !is_unsafe(c))
        .collect();
    kept.trim().to_owned()
}

/// Pasted text as a field takes it: every line break (`\n`, `\r\n` or `\r`) a `\n` where the
/// field keeps them, else a space, so that lines stay words apart; a tab a space; the other
/// control characters (ESC and so escape sequences, bidi overrides, NUL) dropped, so that
/// nothing pasted acts on the terminal when the field is drawn.
pub fn pasted_text(text: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(if keep_newlines { '\n' } else { ' ' });
            }
            '\t' => out.push(' '),
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// The first `room` characters of `text`, and whether anything was left out.
pub fn cut_to(text: &str, room: usize) -> (&str, bool) {
    match text.char_indices().nth(room) {
        Some((at, _)) => (&text[..at], true),
        None => (text, false),
    }
}

/// What became of a key typed into a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typed {
    /// The field took it (or it meant nothing there).
    Done,
    /// The field holds `limit` characters at most: the character was refused.
    Full(usize),
    /// A letter on a choice field: choices move with ←/→ or Space, never with letters, so
    /// that a sentence typed in the wrong place changes nothing.
    NotText,
}

/// What became of a paste into a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pasted {
    /// All of it is in the field.
    Whole,
    /// The field holds `limit` characters at most: what went past was left out.
    Cut {
        /// The field's limit.
        limit: usize,
    },
    /// The focused field is a choice, not text: nothing was pasted.
    NotText,
}

/// A form on screen. `P` says what it is for, and so what submitting it does; the app's
/// screens each list their own (see `app::Purpose`), so that this machinery knows none of them.
/// Kept in the recovery file when Cercle is stopped while it is open.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Form<P> {
    /// What submitting does.
    pub purpose: P,
    /// Its fields, top to bottom.
    pub fields: Vec<Field>,
    /// The field being typed in.
    pub focus: usize,
    /// The consents as toggled in the form.
    pub shared: BTreeSet<ContactField>,
    initial_shared: BTreeSet<ContactField>,
}

impl<P> Form<P> {
    /// A form of these fields, open on its first text field (a choice before it is seen,
    /// not typed into).
    pub fn new(purpose: P, fields: Vec<Field>) -> Self {
        let focus = fields.iter().position(|f| f.kind.is_text()).unwrap_or(0);
        let mut form = Self {
            purpose,
            fields,
            focus,
            shared: BTreeSet::new(),
            initial_shared: BTreeSet::new(),
        };
        form.focus_on(focus);
        form
    }

    /// Moves the focus to field `at`, selecting its short pre-filled value.
    pub fn focus_on(&mut self, at: usize) {
        if let Some(field) = self.fields.get_mut(self.focus) {
            field.left();
        }
        self.focus = at.min(self.fields.len().saturating_sub(1));
        if let Some(field) = self.fields.get_mut(self.focus) {
            field.focused();
        }
    }

    /// The same form, starting with these consents.
    #[must_use]
    pub fn with_shared(mut self, shared: BTreeSet<ContactField>) -> Self {
        self.shared.clone_from(&shared);
        self.initial_shared = shared;
        self
    }

    /// Shares or stops sharing the focused field with the cohort.
    pub fn toggle_share(&mut self) {
        if let Some(consent) = self.fields.get(self.focus).and_then(|f| f.consent)
            && !self.shared.remove(&consent)
        {
            self.shared.insert(consent);
        }
    }

    /// Whether anything was typed since the form opened.
    pub fn is_dirty(&self) -> bool {
        self.shared != self.initial_shared || self.fields.iter().any(|f| f.current() != f.initial)
    }

    /// Checks every field, marking the refused ones; focuses the first refused field. A date
    /// without its year ("17/12") is completed first: the next such day from `today`.
    pub fn validate(&mut self, today: chrono::NaiveDate) -> bool {
        let mut ok = true;
        for field in &mut self.fields {
            if field.kind == FieldKind::Date
                && let Some(date) = complete_date(&field.value(), today)
            {
                field.set_text(&date.format("%d/%m/%Y").to_string());
            }
            ok &= field.check();
        }
        self.focus_first_error();
        ok
    }

    /// Focuses the first refused field, top to bottom, whatever order they were refused in.
    fn focus_first_error(&mut self) {
        if let Some(first) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus_on(first);
        }
    }

    /// The value of the field with this label.
    pub fn value(&self, label: Msg) -> String {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .map(Field::value)
            .unwrap_or_default()
    }

    /// The option chosen in the choice field with this label.
    pub fn choice(&self, label: Msg) -> usize {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .map_or(0, |f| f.choice)
    }

    /// Marks a field refused (a check that needs the data, made on submit); the focus goes
    /// to the first refused field.
    pub fn refuse(&mut self, label: Msg, error: Msg) {
        if let Some(at) = self.fields.iter().position(|f| f.label == label) {
            self.fields[at].error = Some(error);
            self.focus_first_error();
        }
    }

    /// Types a key into the focused field; in a choice field ←/→ and Space change the option,
    /// and a letter changes nothing.
    pub fn input(&mut self, key: KeyEvent) -> Typed {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return Typed::Done;
        };
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if !field.kind.is_text() {
            let len = field.option_count().max(1);
            match key.code {
                KeyCode::Left => field.choice = (field.choice + len - 1) % len,
                KeyCode::Right | KeyCode::Char(' ') => field.choice = (field.choice + 1) % len,
                KeyCode::Char(_) if !ctrl => return Typed::NotText,
                _ => {}
            }
            return Typed::Done;
        }
        let limit = field.kind.limit();
        if matches!(key.code, KeyCode::Char(_)) && !ctrl && field.char_count() >= limit {
            return Typed::Full(limit);
        }
        if field.input.is_selecting()
            && matches!(
                key.code,
                KeyCode::Left | KeyCode::Right | KeyCode::Home | KeyCode::End
            )
        {
            // The arrows leave a pre-selected value as it is, to edit it.
            field.input.cancel_selection();
        }
        field.input.input(key);
        field.error = None;
        Typed::Done
    }

    /// Replaces the focused text field's text, the cursor at its end (a completed path).
    pub fn set_focused(&mut self, text: &str) {
        if let Some(field) = self.fields.get_mut(self.focus).filter(|f| f.kind.is_text()) {
            field.set_text(text);
        }
    }

    /// Empties the focused text field (`Ctrl-u`, as in a shell).
    pub fn clear_focused(&mut self) {
        if let Some(field) = self.fields.get_mut(self.focus).filter(|f| f.kind.is_text()) {
            field.set_text("");
        }
    }

    /// Tab in a lookup field: completes the name being typed with the best candidate;
    /// otherwise, or when it is already complete, moves to the next field.
    pub fn complete_or_next(&mut self) {
        let completed = self.fields.get_mut(self.focus).is_some_and(Field::complete);
        if !completed {
            self.next();
        }
    }

    /// Puts pasted text into the focused field at the cursor, as text, never as keys (see
    /// [`pasted_text`]); what goes past the field's limit is left out.
    pub fn paste(&mut self, text: &str) -> Pasted {
        let Some(field) = self.fields.get_mut(self.focus).filter(|f| f.kind.is_text()) else {
            return Pasted::NotText;
        };
        let limit = field.kind.limit();
        let text = pasted_text(text, field.kind == FieldKind::Note);
        let (kept, cut) = cut_to(&text, limit.saturating_sub(field.char_count()));
        // One insertion for the whole text: the text area maps its lines once, not per letter.
        field.input.insert_str(kept);
        field.error = None;
        if cut {
            Pasted::Cut { limit }
        } else {
            Pasted::Whole
        }
    }

    /// Moves to the next field, wrapping.
    pub fn next(&mut self) {
        self.focus_on((self.focus + 1) % self.fields.len().max(1));
    }

    /// Moves to the previous field, wrapping.
    pub fn previous(&mut self) {
        let len = self.fields.len().max(1);
        self.focus_on((self.focus + len - 1) % len);
    }

    /// The focused field's text, for `$EDITOR`.
    pub fn focused_text(&self) -> String {
        self.fields
            .get(self.focus)
            .map(|f| f.input.lines().join("\n"))
            .unwrap_or_default()
    }

    /// Replaces the focused field's text (after `$EDITOR`); returns the field's limit when
    /// the text went past it and the rest was left out.
    pub fn replace_focused(&mut self, text: &str) -> Option<usize> {
        let field = self
            .fields
            .get_mut(self.focus)
            .filter(|f| f.kind.is_text())?;
        let keep = field.kind == FieldKind::Note;
        let text = clean(text, keep);
        let limit = field.kind.limit();
        let (kept, cut) = cut_to(&text, limit);
        let initial = std::mem::take(&mut field.initial);
        let candidates = std::mem::take(&mut field.candidates);
        let consent = field.consent;
        *field = Field::new(field.label, field.kind, kept);
        field.initial = initial;
        field.candidates = candidates;
        field.consent = consent;
        cut.then_some(limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_removes_escapes_and_bidi_but_keeps_accents_and_emoji() {
        assert_eq!(
            clean("  Zoé \u{1b}[31m🌱\u{7}\u{202E} ", false),
            "Zoé [31m🌱"
        );
        assert_eq!(clean("a\nb\u{0}", true), "a\nb");
        assert_eq!(clean("a\nb", false), "ab");
    }
}
