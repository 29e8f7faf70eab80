//! Conflicts and changes in domain words: "Person Camille Dubois · city", "Seminar 2026-11-16 –
//! 2026-11-18 · half-day 2026-11-16 morning · mark of Camille Dubois · status".

use super::records::Kind;
use crate::domain::conflict::{Conflict, Path, Step};
use crate::domain::{CohortId, Data, PersonId};
use crate::i18n::{Lang, Msg};
use serde_json::Value;
use std::fmt::Write as _;

/// The word for a kind of record.
pub fn kind_msg(kind: Kind) -> Msg {
    match kind {
        Kind::Programme => Msg::RecordProgramme,
        Kind::Cohort => Msg::RecordCohort,
        Kind::Venue => Msg::RecordVenue,
        Kind::Person => Msg::RecordPerson,
        Kind::Seminar => Msg::RecordSeminar,
        Kind::Knowledge => Msg::RecordKnowledge,
        Kind::Exchange => Msg::RecordExchange,
        Kind::TutorRequest => Msg::RecordTutorRequest,
        Kind::Proposal => Msg::RecordProposal,
    }
}

/// A record's field in the interface's words, when it has some; other fields keep their name.
pub fn field(name: &str, lang: Lang) -> String {
    let msg = match name {
        "name" => Msg::FieldName,
        "city" => Msg::FieldCity,
        "departement" => Msg::FieldDepartement,
        "organisation" => Msg::FieldOrganisation,
        "notes" => Msg::FieldNotes,
        "job" => Msg::FieldJob,
        "website" => Msg::FieldWebsite,
        "project" => Msg::FieldProject,
        "tags" => Msg::FieldTags,
        "shared" => Msg::FieldShared,
        "pronouns" => Msg::FieldPronouns,
        "role" => Msg::FieldRole,
        "emails" => Msg::FieldEmail,
        "phones" => Msg::FieldPhone,
        "title" => Msg::ColTitle,
        "topic" => Msg::FieldTopic,
        "note" => Msg::FieldNote,
        "kind" => Msg::FieldKind,
        "subject" => Msg::FieldSubject,
        "description" => Msg::FieldDescription,
        "urgency" => Msg::FieldUrgency,
        "format" => Msg::FieldFormat,
        "status" => Msg::FieldStatus,
        "reason" => Msg::FieldReason,
        "remark" => Msg::FieldRemark,
        "venue" => Msg::FieldVenue,
        "trainer" | "trainers" => Msg::FieldTrainer,
        "people" => Msg::FieldPeople,
        "tutor" => Msg::FieldTutor,
        "windows" => Msg::FieldWindows,
        "half_days" => Msg::WordHalfDay,
        "marks" => Msg::WordAttendance,
        "history" => Msg::WordHistory,
        "signature" => Msg::WordSignature,
        _ => return name.to_owned(),
    };
    msg.text(lang).to_lowercase()
}

/// Where a conflict is, in words: the record, then the fields down to the one in conflict.
pub fn path(data: &Data, path: &Path, lang: Lang) -> String {
    let steps = &path.0;
    let name = |id: &str| {
        data.person(&PersonId::new(id))
            .map_or_else(|| id.to_owned(), |p| p.name.clone())
    };
    let id_at = |i: usize| match steps.get(i) {
        Some(Step::Item(selector)) => selector.get("id").and_then(Value::as_str).unwrap_or(""),
        _ => "",
    };
    let field_at = |i: usize| match steps.get(i) {
        Some(Step::Field(f)) => f.as_str(),
        _ => "",
    };
    let cohort = CohortId::new(id_at(1));
    let (kind, key, rest) = match field_at(0) {
        "programme" => (Kind::Programme, String::new(), 1),
        "people" => (Kind::Person, Kind::Person.key(id_at(1)), 2),
        "venues" => (Kind::Venue, Kind::Venue.key(id_at(1)), 2),
        "cohorts" => match field_at(2) {
            "seminars" => (Kind::Seminar, Kind::Seminar.key(id_at(3)), 4),
            "knowledge" => (Kind::Knowledge, Kind::Knowledge.key(id_at(3)), 4),
            "exchanges" => (Kind::Exchange, Kind::Exchange.key(id_at(3)), 4),
            "tutor_requests" => (Kind::TutorRequest, Kind::TutorRequest.key(id_at(3)), 4),
            "proposals" => (Kind::Proposal, Kind::Proposal.key(id_at(3)), 4),
            _ => (Kind::Cohort, Kind::Cohort.key(cohort.as_str()), 2),
        },
        _ => return path.to_string(),
    };
    let key = if kind == Kind::Programme {
        Kind::Programme.key("")
    } else {
        key
    };
    let title = super::records::get(data, &cohort, &key)
        .map_or_else(String::new, |v| super::import::title(kind, &v));
    let mut words = vec![
        format!("{} {title}", kind_msg(kind).text(lang))
            .trim_end()
            .to_owned(),
    ];
    for step in steps.iter().skip(rest) {
        match step {
            Step::Field(f) => words.push(field(f, lang)),
            Step::Item(selector) => {
                let shown = if let Some(trainee) = selector.get("trainee").and_then(Value::as_str) {
                    name(trainee)
                } else {
                    selector
                        .values()
                        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                if let Some(last) = words.last_mut() {
                    let _ = write!(last, " [{shown}]");
                }
            }
        }
    }
    words.join(" · ")
}

/// Where choice `n` of a conflict came from. The file keeps no word of any language for this
/// machine's side of an import: an unnamed side facing a named one is this machine, said in
/// `lang`; a merge by git names neither.
pub fn origin(conflict: &Conflict, n: usize, lang: Lang) -> Option<String> {
    let from = &conflict.choices.get(n)?.from;
    if !from.is_empty() {
        return Some(from.clone());
    }
    let other = &conflict.choices.get(1 - n.min(1))?.from;
    (!other.is_empty()).then(|| Msg::ThisMachine.text(lang).to_owned())
}

/// A value in a conflict, short enough for one line: a record shows its telling fields first
/// (`status: absent, reason: « train cancelled », …`).
pub fn value(shown: Option<&Value>, lang: Lang) -> String {
    let text = match shown {
        None => return Msg::ConflictDeleted.text(lang).to_owned(),
        Some(Value::Object(fields)) => {
            const FIRST: [&str; 6] = ["status", "name", "title", "subject", "reason", "time"];
            let mut keys: Vec<&String> = fields.keys().collect();
            keys.sort_by_key(|k| FIRST.iter().position(|f| f == k).unwrap_or(FIRST.len()));
            keys.iter()
                .map(|k| format!("{k}: {}", value(fields.get(*k), lang)))
                .collect::<Vec<_>>()
                .join(", ")
        }
        Some(Value::String(s)) => format!("« {s} »"),
        Some(v) => v.to_string(),
    };
    let mut short: String = text.chars().take(70).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}
