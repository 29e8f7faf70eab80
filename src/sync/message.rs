//! The commit message of a sync, in domain words: what changed between the last committed file
//! and the current one ("Roll call 3 Dec morning signed by A. Martin; 2 tutor requests
//! updated"), so that `git log` reads as the programme's history.
//!
//! It names trainers who signed, never trainees, and counts everything else: a log is shown to
//! the whole team, and what is confidential never leaves the circle.

use super::tally::{cohorts, counted, directory};
use crate::domain::{Data, HalfDay, Period};
use crate::i18n::{Lang, Msg, fill};
use std::collections::BTreeMap;

/// The longest first line before the rest is summed up as "and N more".
const SUBJECT_WIDTH: usize = 72;

/// The message of a commit taking `old` (the last committed file, `None` for the first commit)
/// to `new`: a subject line, then every change one a line when they do not all fit.
pub fn describe(old: Option<&Data>, new: &Data, lang: Lang) -> String {
    let Some(old) = old else {
        return Msg::SyncFirstCommit.text(lang).to_owned();
    };
    let items = changes(old, new, lang);
    if items.is_empty() {
        return Msg::SyncOtherChanges.text(lang).to_owned();
    }
    subject_and_body(&items, lang)
}

fn subject_and_body(items: &[String], lang: Lang) -> String {
    let mut subject = String::new();
    let mut shown = 0;
    for item in items {
        let rest = items.len() - shown - 1;
        let more = if rest == 0 {
            String::new()
        } else {
            format!(
                "; {}",
                fill(Msg::SyncMore.text(lang), &[("count", &rest.to_string())])
            )
        };
        let sep = if shown == 0 { "" } else { "; " };
        let wide = subject.chars().count() + sep.len() + item.chars().count() + more.len();
        if shown > 0 && wide > SUBJECT_WIDTH {
            break;
        }
        subject.push_str(sep);
        subject.push_str(item);
        shown += 1;
    }
    if shown < items.len() {
        let rest = (items.len() - shown).to_string();
        subject.push_str("; ");
        subject.push_str(&fill(Msg::SyncMore.text(lang), &[("count", &rest)]));
    }
    let mut message = capitalise(&subject);
    if shown < items.len() {
        message.push_str("\n\n");
        for item in items {
            message.push_str("- ");
            message.push_str(item);
            message.push('\n');
        }
    }
    message
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Every change, roll calls first (what a trainer looks for), then the records by kind.
fn changes(old: &Data, new: &Data, lang: Lang) -> Vec<String> {
    let mut items = roll_calls(old, new, lang);
    if old.programme != new.programme {
        items.push(Msg::SyncProgramme.text(lang).to_owned());
    }
    for (tally, one, many) in directory(old, new).into_iter().chain(cohorts(old, new)) {
        tally.describe(lang, one, many, &mut items);
    }
    let settled = old
        .conflicts
        .iter()
        .filter(|c| !new.conflicts.contains(c))
        .count();
    let found = new
        .conflicts
        .iter()
        .filter(|c| !old.conflicts.contains(c))
        .count();
    for (count, verb) in [(settled, Msg::SyncSettled), (found, Msg::SyncFound)] {
        if count > 0 {
            let noun = if count == 1 {
                Msg::SyncConflictOne
            } else {
                Msg::SyncConflictMany
            };
            items.push(counted(lang, verb, count, noun));
        }
    }
    items
}

/// A line per half-day whose roll call changed: signed (with the trainer's name), or how many
/// marks changed.
fn roll_calls(old: &Data, new: &Data, lang: Lang) -> Vec<String> {
    let before: BTreeMap<&str, &HalfDay> = old
        .cohorts
        .iter()
        .flat_map(|c| &c.seminars)
        .flat_map(|s| &s.half_days)
        .map(|h| (h.id.as_str(), h))
        .collect();
    let mut lines = Vec::new();
    let days = new
        .cohorts
        .iter()
        .flat_map(|c| &c.seminars)
        .flat_map(|s| &s.half_days);
    for half_day in days {
        let was = before.get(half_day.id.as_str()).copied();
        let when = [
            ("day", day(lang, half_day.date)),
            ("period", period(lang, half_day.period).to_owned()),
        ];
        let newly_signed =
            half_day.signature.is_some() && was.is_none_or(|w| w.signature.is_none());
        if let (true, Some(signature)) = (newly_signed, &half_day.signature) {
            let who = new
                .person(&signature.by)
                .map_or_else(|| signature.by.to_string(), |p| short_name(&p.name));
            let values = [&when[..], &[("who", who)]].concat();
            lines.push(fill_owned(Msg::SyncSigned.text(lang), &values));
            continue;
        }
        let marks = half_day
            .marks
            .iter()
            .filter(|m| was.and_then(|w| w.mark_of(&m.trainee)) != Some(*m))
            .count();
        if marks > 0 {
            let msg = if marks == 1 {
                Msg::SyncMarksOne
            } else {
                Msg::SyncMarksMany
            };
            let values = [&when[..], &[("count", marks.to_string())]].concat();
            lines.push(fill_owned(msg.text(lang), &values));
        }
    }
    lines
}

fn fill_owned(template: &str, values: &[(&str, String)]) -> String {
    let borrowed: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(template, &borrowed)
}

fn day(lang: Lang, date: chrono::NaiveDate) -> String {
    match lang {
        Lang::En => date.format("%-d %b").to_string(),
        Lang::Fr => date.format("%-d/%m").to_string(),
    }
}

fn period(lang: Lang, period: Period) -> &'static str {
    match period {
        Period::Morning => Msg::PeriodMorning,
        Period::Afternoon => Msg::PeriodAfternoon,
    }
    .text(lang)
}

/// "Camille Dubois" as "C. Dubois", without control characters: a log is read in terminals.
pub fn short_name(name: &str) -> String {
    let clean: String = name.chars().filter(|c| !c.is_control()).collect();
    let words: Vec<&str> = clean.split_whitespace().collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [first, .., last] => {
            let initial: String = first.chars().take(1).collect();
            format!("{initial}. {last}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{PersonId, Signature, Status};

    fn first_half_day(data: &mut Data) -> &mut HalfDay {
        let cohort = data.cohorts.last_mut().unwrap();
        cohort
            .seminars
            .iter_mut()
            .flat_map(|s| s.half_days.iter_mut())
            .find(|h| h.signature.is_none())
            .unwrap()
    }

    #[test]
    fn a_signature_names_the_trainer_and_requests_are_counted() {
        let old = crate::sample::sample();
        let mut new = old.clone();
        let trainer = new.cohorts.last().unwrap().trainers[0].clone();
        let half_day = first_half_day(&mut new);
        half_day.signature = Some(Signature {
            by: trainer.clone(),
            at: crate::domain::clock::now(),
        });
        let (date, period) = (half_day.date, half_day.period);
        let requests = &mut new.cohorts.last_mut().unwrap().tutor_requests;
        requests[0].subject = "Changed".into();
        requests[1].subject = "Changed too".into();
        let name = short_name(&new.person(&trainer).unwrap().name);
        let period = if period == Period::Morning {
            "morning"
        } else {
            "afternoon"
        };
        assert_eq!(
            describe(Some(&old), &new, Lang::En),
            format!(
                "Roll call {} {period} signed by {name}; 2 tutor requests updated",
                date.format("%-d %b")
            )
        );
        assert!(describe(Some(&old), &new, Lang::Fr).starts_with("Émargement du"));
    }

    #[test]
    fn marks_are_counted_without_naming_trainees() {
        let old = crate::sample::sample();
        let mut new = old.clone();
        let half_day = new.cohorts.last_mut().unwrap().seminars[0]
            .half_days
            .iter_mut()
            .find(|h| h.marks.len() > 1)
            .unwrap();
        let trainee = half_day.marks.first().map(|m| m.trainee.clone());
        for mark in &mut half_day.marks {
            mark.status = Status::Excused;
        }
        let message = describe(Some(&old), &new, Lang::En);
        assert!(message.starts_with("Roll call"), "{message}");
        assert!(message.contains(" marks"), "{message}");
        let name = trainee.and_then(|t| new.person(&t).map(|p| p.name.clone()));
        assert!(!message.contains(&name.unwrap_or_else(|| "-".into())));
    }

    #[test]
    fn a_long_list_keeps_a_short_subject_and_lists_everything_below() {
        let old = crate::sample::sample();
        let mut new = old.clone();
        new.programme.title = "Another title".into();
        new.people[0].city = "Pau".into();
        new.people.push(
            crate::domain::Person {
                id: PersonId::new("p-new"),
                name: "New".into(),
                ..crate::domain::Person::default()
            }
            .into(),
        );
        new.venues.clear();
        new.cohorts.last_mut().unwrap().knowledge.clear();
        let message = describe(Some(&old), &new, Lang::En);
        let subject = message.lines().next().unwrap();
        assert!(subject.chars().count() <= SUBJECT_WIDTH + 12, "{subject}");
        assert!(subject.contains("more"), "{subject}");
        assert!(message.contains("- 1 person added"), "{message}");
        assert!(message.contains("removed"), "{message}");
    }

    #[test]
    fn names_are_shortened_and_cleaned() {
        assert_eq!(short_name("Camille Dubois"), "C. Dubois");
        assert_eq!(short_name("Élodie de la Fontaine"), "É. Fontaine");
        assert_eq!(short_name("Zoé\u{1b}[2J"), "Zoé[2J");
        assert_eq!(short_name(""), "");
    }
}
