//! Forms: labelled text fields built on ratatui-textarea, with inline validation.

use crate::domain::path::EvidenceSource;
use crate::domain::people::{is_departement, is_email};
use crate::domain::rollcall::MarkInput;
use crate::domain::{
    CompetencyId, ExchangeId, HalfDayId, KnowledgeId, Person, PersonId, SeminarId,
};
use crate::i18n::Msg;
use chrono::{NaiveDate, NaiveTime};
use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

/// What a form is for, and so what submitting it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// A new person in the directory.
    NewPerson,
    /// Editing a person.
    EditPerson(PersonId),
    /// A new seminar in the current cohort.
    NewSeminar,
    /// Editing a seminar.
    EditSeminar(SeminarId),
    /// Why a mark of a signed sheet changes, with the change waiting.
    ChangeReason(HalfDayId, PersonId, MarkInput),
    /// A remark on a mark.
    Remark(HalfDayId, PersonId),
    /// The time or reason of a mark.
    EditMark(HalfDayId, PersonId),
    /// A typed reason for an excused absence.
    ExcuseReason(HalfDayId, PersonId),
    /// A follow-up entry for a trainee.
    FollowUp(PersonId),
    // Knowledge circle.
    /// Circle: a new person enrolled at once.
    NewTrainee,
    /// Circle: a trainee's departure.
    Departure(PersonId),
    /// Circle: a new offer or request, or editing one.
    Knowledge(Option<KnowledgeId>),
    /// Circle: an exchange between the people of an offer and a request.
    PutInTouch(Option<KnowledgeId>, Option<KnowledgeId>),
    /// Circle: the evaluation of an exchange.
    Evaluate(ExchangeId),
    /// Circle: evidence on a trainee's competency, resting on a record.
    Evidence(PersonId, CompetencyId, Option<EvidenceSource>),
    /// Circle: a trainee's certification candidacy.
    Candidacy(PersonId),
    /// Circle: a funding line of a trainee (the nth, or a new one).
    Funding(PersonId, Option<usize>),
}

/// How a field is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// A date, `YYYY-MM-DD` or `DD/MM/YYYY`.
    Date,
    /// A time, `HH:MM`.
    Time,
    /// Two times, `HH:MM-HH:MM`.
    TimeRange,
    /// A number of days, 1 to 10.
    Days,
    /// One of a fixed list, changed with ← and →; the text holds the index.
    Choice(&'static [Msg]),
}

/// One labelled field.
#[derive(Debug, Clone)]
pub struct Field {
    /// Its label.
    pub label: Msg,
    /// How it is checked.
    pub kind: FieldKind,
    /// The text being typed.
    pub input: TextArea<'static>,
    /// The text it started with, to know whether anything was typed.
    initial: String,
    /// The validation message, if the value is refused.
    pub error: Option<Msg>,
}

impl Field {
    /// A field with its label, kind and starting text.
    pub fn new(label: Msg, kind: FieldKind, value: &str) -> Self {
        let lines: Vec<String> = value.lines().map(str::to_owned).collect();
        let mut input = TextArea::new(if lines.is_empty() {
            vec![String::new()]
        } else {
            lines
        });
        input.move_cursor(ratatui_textarea::CursorMove::Bottom);
        input.move_cursor(ratatui_textarea::CursorMove::End);
        Self {
            label,
            kind,
            input,
            initial: value.to_owned(),
            error: None,
        }
    }

    /// The chosen option of a choice field.
    pub fn choice(&self) -> usize {
        self.value().parse().unwrap_or(0)
    }

    /// The text of the field, with control characters removed and spaces trimmed.
    pub fn value(&self) -> String {
        let joined = self.input.lines().join("\n");
        clean(&joined, self.kind == FieldKind::Note)
    }

    fn check(&mut self) -> bool {
        let value = self.value();
        self.error = match self.kind {
            FieldKind::Required if value.is_empty() => Some(Msg::FieldRequired),
            FieldKind::Date if parse_date(&value).is_none() => Some(Msg::FieldBadDate),
            FieldKind::Time if parse_time(&value).is_none() => Some(Msg::FieldBadTime),
            FieldKind::TimeRange if parse_time_range(&value).is_none() => {
                Some(Msg::FieldBadTimeRange)
            }
            FieldKind::Days if !value.parse::<u32>().is_ok_and(|n| (1..=10).contains(&n)) => {
                Some(Msg::FieldBadDays)
            }
            FieldKind::Email if !value.is_empty() && !is_email(&value) => Some(Msg::FieldBadEmail),
            FieldKind::Departement if !value.is_empty() && !is_departement(&value) => {
                Some(Msg::FieldBadDepartement)
            }
            _ => None,
        };
        self.error.is_none()
    }
}

/// A date typed as `YYYY-MM-DD` or `DD/MM/YYYY` (the French habit).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d/%m/%Y"))
        .ok()
}

/// A time typed as `HH:MM` (or `9h30`, as French speakers often write it).
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let text = text.trim().replace(['h', 'H'], ":");
    let text = if text.ends_with(':') {
        format!("{text}00")
    } else {
        text
    };
    NaiveTime::parse_from_str(&text, "%H:%M").ok()
}

/// Two times `HH:MM-HH:MM`, the first before the second.
pub fn parse_time_range(text: &str) -> Option<(NaiveTime, NaiveTime)> {
    let (from, to) = text.split_once('-')?;
    let (from, to) = (parse_time(from)?, parse_time(to)?);
    (from < to).then_some((from, to))
}

/// Removes control characters (escape sequences, bidi overrides, NUL) from typed or pasted text,
/// keeping newlines only where a note allows them.
pub fn clean(text: &str, keep_newlines: bool) -> String {
    let kept: String = text
        .chars()
        .filter(|&c| (keep_newlines && c == '\n') || !(c.is_control() || is_bidi_control(c)))
        .collect();
    kept.trim().to_owned()
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// A form on screen.
#[derive(Debug, Clone)]
pub struct Form {
    /// What submitting does.
    pub purpose: Purpose,
    /// Its fields, top to bottom.
    pub fields: Vec<Field>,
    /// The field being typed in.
    pub focus: usize,
}

impl Form {
    /// The person form, empty or filled with a person's fields.
    pub fn person(purpose: Purpose, person: Option<&Person>) -> Self {
        let p = person.cloned().unwrap_or_default();
        let first = |v: &[String]| v.first().cloned().unwrap_or_default();
        let notes = p
            .notes
            .iter()
            .map(|n| n.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        Self {
            purpose,
            fields: vec![
                Field::new(Msg::FieldName, FieldKind::Required, &p.name),
                Field::new(Msg::FieldEmail, FieldKind::Email, &first(&p.emails)),
                Field::new(Msg::FieldPhone, FieldKind::Text, &first(&p.phones)),
                Field::new(Msg::FieldCity, FieldKind::Text, &p.city),
                Field::new(
                    Msg::FieldDepartement,
                    FieldKind::Departement,
                    &p.departement,
                ),
                Field::new(Msg::FieldOrganisation, FieldKind::Text, &p.organisation),
                Field::new(Msg::FieldNotes, FieldKind::Note, &notes),
            ],
            focus: 0,
        }
    }

    /// Whether anything was typed since the form opened.
    pub fn is_dirty(&self) -> bool {
        self.fields
            .iter()
            .any(|f| f.input.lines().join("\n") != f.initial)
    }

    /// Checks every field, marking the refused ones; focuses the first refused field.
    pub fn validate(&mut self) -> bool {
        let mut ok = true;
        for field in &mut self.fields {
            ok &= field.check();
        }
        if let Some(first) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = first;
        }
        ok
    }

    /// The value of the field with this label.
    pub fn value(&self, label: Msg) -> String {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .map(Field::value)
            .unwrap_or_default()
    }

    /// A form of these fields.
    pub fn new(purpose: Purpose, fields: Vec<Field>) -> Self {
        Self {
            purpose,
            fields,
            focus: 0,
        }
    }

    /// Types a key into the focused field; a choice moves with ← → and Space.
    pub fn input(&mut self, key: KeyEvent) {
        use ratatui::crossterm::event::KeyCode;
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        field.error = None;
        if let FieldKind::Choice(options) = field.kind {
            let len = options.len().max(1);
            let current = field.choice();
            let next = match key.code {
                KeyCode::Right | KeyCode::Char(' ') => (current + 1) % len,
                KeyCode::Left => (current + len - 1) % len,
                _ => return,
            };
            let initial = std::mem::take(&mut field.initial);
            *field = Field::new(field.label, field.kind, &next.to_string());
            field.initial = initial;
            return;
        }
        field.input.input(key);
    }

    /// Marks the field with this label as refused, and focuses it.
    pub fn set_error(&mut self, label: Msg, error: Msg) {
        if let Some(at) = self.fields.iter().position(|f| f.label == label) {
            self.fields[at].error = Some(error);
            if self.fields[..at].iter().all(|f| f.error.is_none()) {
                self.focus = at;
            }
        }
    }

    /// The chosen option's index of the field with this label.
    pub fn choice(&self, label: Msg) -> usize {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .map_or(0, Field::choice)
    }

    /// Moves to the next field, wrapping.
    pub fn next(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len().max(1);
    }

    /// Moves to the previous field, wrapping.
    pub fn previous(&mut self) {
        let len = self.fields.len().max(1);
        self.focus = (self.focus + len - 1) % len;
    }

    /// The focused field's text, for `$EDITOR`.
    pub fn focused_text(&self) -> String {
        self.fields
            .get(self.focus)
            .map(|f| f.input.lines().join("\n"))
            .unwrap_or_default()
    }

    /// Replaces the focused field's text (after `$EDITOR`).
    pub fn replace_focused(&mut self, text: &str) {
        if let Some(field) = self.fields.get_mut(self.focus) {
            let keep = field.kind == FieldKind::Note;
            let text = clean(text, keep);
            let initial = std::mem::take(&mut field.initial);
            *field = Field::new(field.label, field.kind, &text);
            field.initial = initial;
        }
    }

    /// Applies the form to a person record.
    pub fn apply_to(&self, person: &mut Person) {
        person.name = self.value(Msg::FieldName);
        set_first(&mut person.emails, self.value(Msg::FieldEmail));
        set_first(&mut person.phones, self.value(Msg::FieldPhone));
        person.city = self.value(Msg::FieldCity);
        person.departement = self.value(Msg::FieldDepartement).to_uppercase();
        person.organisation = self.value(Msg::FieldOrganisation);
        let notes = self.value(Msg::FieldNotes);
        // Keep a note's confidential mark when its text is unchanged.
        let previous = std::mem::take(&mut person.notes);
        person.notes =
            notes
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|line| {
                    previous.iter().find(|n| n.text == line).cloned().unwrap_or(
                        crate::domain::Note {
                            text: line.to_owned(),
                            confidential: false,
                        },
                    )
                })
                .collect();
    }
}

fn set_first(list: &mut Vec<String>, value: String) {
    match (list.is_empty(), value.is_empty()) {
        (_, true) if !list.is_empty() => {
            list.remove(0);
        }
        (true, false) => list.push(value),
        (false, false) => list[0] = value,
        _ => {}
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

    #[test]
    fn validation_marks_the_first_bad_field() {
        let mut form = Form::person(Purpose::NewPerson, None);
        assert!(!form.validate());
        assert_eq!(form.fields[0].error, Some(Msg::FieldRequired));
        form.replace_focused("Zoé Martin");
        form.focus = 1;
        form.replace_focused("not-an-email");
        assert!(!form.validate());
        assert_eq!(form.focus, 1);
        assert_eq!(form.fields[1].error, Some(Msg::FieldBadEmail));
    }

    #[test]
    fn applying_keeps_confidential_notes() {
        let mut person = Person {
            name: "A".into(),
            notes: vec![crate::domain::Note {
                text: "secret".into(),
                confidential: true,
            }],
            ..Person::default()
        };
        let form = Form::person(Purpose::EditPerson(person.id.clone()), Some(&person));
        assert!(!form.is_dirty());
        form.apply_to(&mut person);
        assert!(person.notes[0].confidential);
    }
}
