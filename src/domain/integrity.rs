//! The integrity checks behind `cercle check`, over an outline of each cohort.
//!
//! An [`Outline`] keeps what a cohort breaks on its own and what the checks across the network
//! need of it: the records it names, its ids, its trainers' half-days. A finished cohort's
//! outline depends on its document alone (every half-day is past, whatever day it is), so
//! `check` keeps it on the shelf beside its figures and need not read that document again while
//! its bytes are unchanged. Data read whole is checked through the same outlines, so both ways
//! say the same, in the same order.

use super::Data;
use super::attendance::{HalfDay, Period, Seminar};
use super::cohort::{Cohort, CohortState, MAX_TRAINEES};
use super::holidays::holiday_name;
use super::ids::{
    CohortId, ExchangeId, HalfDayId, KnowledgeId, ModuleId, PersonId, SeminarId, TutorRequestId,
    VenueId,
};
use super::rules::DoubleBooking;
use chrono::{NaiveDate, NaiveTime};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

/// How serious a problem found by `check` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth a look; the file is still sound.
    Warning,
    /// The file breaks a rule.
    Error,
}

/// A problem found in the data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    /// How serious.
    pub severity: Severity,
    /// What is wrong, in words a user can act on.
    pub message: String,
}

fn error(message: String) -> Problem {
    Problem {
        severity: Severity::Error,
        message,
    }
}

fn warning(message: String) -> Problem {
    Problem {
        severity: Severity::Warning,
        message,
    }
}

/// What `check` needs of one cohort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outline {
    /// The cohort's id.
    pub id: CohortId,
    /// Its name, as the messages give it.
    pub name: String,
    /// What it breaks as a whole (more trainees than allowed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub own: Vec<Problem>,
    /// Its trainees then its trainers, who must be in the people directory.
    pub enrolled: Vec<PersonId>,
    /// Its seminars, in order.
    pub seminars: Vec<SeminarOutline>,
    /// The ids of its knowledge items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub knowledge: Vec<KnowledgeId>,
    /// The ids of its exchanges.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exchanges: Vec<ExchangeId>,
    /// The ids of its tutor requests.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tutor_requests: Vec<TutorRequestId>,
}

/// What `check` needs of one seminar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeminarOutline {
    /// The seminar's id.
    pub id: SeminarId,
    /// Where it is held.
    pub venue: VenueId,
    /// Who runs it.
    pub trainer: PersonId,
    /// What it teaches.
    pub modules: Vec<ModuleId>,
    /// When it is held.
    pub half_days: Vec<Slot>,
    /// What its half-days break, in their order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
}

/// A half-day as the checks across cohorts see it: its id, and when its trainer is busy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slot {
    /// The half-day's id.
    pub id: HalfDayId,
    /// The day.
    pub date: NaiveDate,
    /// Morning or afternoon.
    pub period: Period,
    /// Start time.
    pub start: NaiveTime,
    /// End time.
    pub end: NaiveTime,
}

impl Outline {
    /// The outline of `cohort` on `today` (which only decides the past and the future of its
    /// half-days: from the day after its last one, any day gives the same outline).
    pub fn of(cohort: &Cohort, today: NaiveDate) -> Self {
        let mut own = Vec::new();
        if let CohortState::OverFull { enrolled } = cohort.state() {
            own.push(error(format!(
                "cohort {} holds {enrolled} trainees, more than the {MAX_TRAINEES} allowed",
                cohort.name
            )));
        }
        Self {
            id: cohort.id.clone(),
            name: cohort.name.clone(),
            own,
            enrolled: cohort
                .trainees
                .iter()
                .chain(&cohort.trainers)
                .cloned()
                .collect(),
            seminars: (cohort.seminars.iter())
                .map(|seminar| SeminarOutline::of(cohort, seminar, today))
                .collect(),
            knowledge: cohort.knowledge.iter().map(|k| k.id.clone()).collect(),
            exchanges: cohort.exchanges.iter().map(|e| e.id.clone()).collect(),
            tutor_requests: cohort.tutor_requests.iter().map(|t| t.id.clone()).collect(),
        }
    }
}

impl SeminarOutline {
    fn of(cohort: &Cohort, seminar: &Seminar, today: NaiveDate) -> Self {
        let id = &seminar.id;
        let mut problems = Vec::new();
        // Kept from one half-day to the next: a network has forty thousand of them.
        let mut marked: FxHashSet<&PersonId> = FxHashSet::default();
        for half_day in &seminar.half_days {
            // Written only for a problem: a network has forty thousand sound half-days.
            let when = When(half_day);
            if half_day.end <= half_day.start {
                problems.push(error(format!(
                    "half-day {when} of seminar {id} ends before it starts"
                )));
            }
            if let Some(holiday) = holiday_name(half_day.date) {
                problems.push(error(format!(
                    "half-day {when} of seminar {id} falls on a public holiday ({holiday})"
                )));
            }
            marked.clear();
            for mark in &half_day.marks {
                if !cohort.is_enrolled(&mark.trainee) {
                    problems.push(error(format!(
                        "half-day {when} of seminar {id} marks {}, who is not enrolled in cohort {}",
                        mark.trainee, cohort.name
                    )));
                }
                if !marked.insert(&mark.trainee) {
                    problems.push(error(format!(
                        "half-day {when} of seminar {id} marks {} twice",
                        mark.trainee
                    )));
                }
            }
            if half_day.date > today && !half_day.marks.is_empty() {
                problems.push(warning(format!(
                    "half-day {when} of seminar {id} is marked but lies in the future"
                )));
            }
            if half_day.date < today && half_day.signature.is_none() && !half_day.marks.is_empty() {
                problems.push(warning(format!(
                    "half-day {when} of seminar {id} is past and not signed"
                )));
            }
        }
        Self {
            id: id.clone(),
            venue: seminar.venue.clone(),
            trainer: seminar.trainer.clone(),
            modules: seminar.modules.clone(),
            half_days: (seminar.half_days.iter())
                .map(|h| Slot {
                    id: h.id.clone(),
                    date: h.date,
                    period: h.period,
                    start: h.start,
                    end: h.end,
                })
                .collect(),
            problems,
        }
    }
}

/// A half-day as the messages name it: its date and period.
struct When<'a>(&'a HalfDay);

impl std::fmt::Display for When<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {:?}", self.0.date, self.0.period)
    }
}

/// Every rule the data breaks, for `cercle check`, its cohorts read whole.
pub fn problems(data: &Data, today: NaiveDate) -> Vec<Problem> {
    // Each cohort on a core of its own (a network holds a thousand), in the cohorts' order.
    let outlines: Vec<Outline> = (data.cohorts.par_iter())
        .map(|cohort| Outline::of(cohort, today))
        .collect();
    problems_outlined(data, &outlines)
}

/// Every rule broken by `data` whose cohorts are `outlines`: every cohort of the network, in
/// its order (the cohorts of `data` itself are not looked at).
pub fn problems_outlined(data: &Data, outlines: &[Outline]) -> Vec<Problem> {
    let mut out = Vec::new();
    // Fast hashing, as the records' own indexes of ids (`records::Records`).
    let people: FxHashSet<&PersonId> = data.people.iter().map(|p| &p.id).collect();
    let venues: FxHashSet<_> = data.venues.iter().map(|v| &v.id).collect();
    let modules: FxHashSet<_> = data.programme.modules.iter().map(|m| &m.id).collect();
    duplicate_ids(data, outlines, &mut out);
    if let Some(current) = &data.current_cohort
        && !outlines.iter().any(|o| &o.id == current)
    {
        out.push(error(format!(
            "the current cohort {current} does not exist"
        )));
    }
    for module in &data.programme.modules {
        if data.programme.block(&module.block).is_none() {
            out.push(error(format!(
                "module {} belongs to block {}, which does not exist",
                module.code, module.block
            )));
        }
    }
    let known = Known {
        people: &people,
        venues: &venues,
        modules: &modules,
    };
    let per_cohort: Vec<Vec<Problem>> = (outlines.par_iter())
        .map(|outline| known.problems(outline))
        .collect();
    out.extend(per_cohort.into_iter().flatten());
    for booking in double_bookings(outlines) {
        out.push(error(format!(
            "trainer {} is booked in two places on {} {:?}: seminars {} and {}",
            booking.trainer, booking.date, booking.period, booking.seminars.0, booking.seminars.1
        )));
    }
    out
}

/// The records a cohort's may point to.
struct Known<'a> {
    people: &'a FxHashSet<&'a PersonId>,
    venues: &'a FxHashSet<&'a VenueId>,
    modules: &'a FxHashSet<&'a ModuleId>,
}

impl Known<'_> {
    /// The problems of one cohort: its own, and the records it names that do not exist.
    fn problems(&self, outline: &Outline) -> Vec<Problem> {
        let mut out = outline.own.clone();
        for person in &outline.enrolled {
            if !self.people.contains(person) {
                out.push(error(format!(
                    "cohort {} lists {person}, who is not in people",
                    outline.name
                )));
            }
        }
        for seminar in &outline.seminars {
            let id = &seminar.id;
            if !self.venues.contains(&seminar.venue) {
                out.push(error(format!(
                    "seminar {id} is held at venue {}, which does not exist",
                    seminar.venue
                )));
            }
            if !self.people.contains(&seminar.trainer) {
                out.push(error(format!(
                    "seminar {id} is run by {}, who is not in people",
                    seminar.trainer
                )));
            }
            for module in &seminar.modules {
                if !self.modules.contains(module) {
                    out.push(error(format!(
                        "seminar {id} teaches module {module}, which does not exist"
                    )));
                }
            }
            out.extend(seminar.problems.iter().cloned());
        }
        out
    }
}

fn duplicate_ids(data: &Data, outlines: &[Outline], out: &mut Vec<Problem>) {
    let seminars = || outlines.iter().flat_map(|o| &o.seminars);
    let ids = (data.people.iter().map(|p| ("person", p.id.as_str())))
        .chain(data.venues.iter().map(|v| ("venue", v.id.as_str())))
        .chain(outlines.iter().map(|o| ("cohort", o.id.as_str())))
        .chain((data.programme.modules.iter()).map(|m| ("module", m.id.as_str())))
        .chain((data.programme.blocks.iter()).map(|b| ("block", b.id.as_str())))
        .chain(seminars().map(|s| ("seminar", s.id.as_str())))
        .chain((seminars().flat_map(|s| &s.half_days)).map(|h| ("half-day", h.id.as_str())))
        .chain((outlines.iter().flat_map(|o| &o.knowledge)).map(|k| ("knowledge", k.as_str())))
        .chain((outlines.iter().flat_map(|o| &o.exchanges)).map(|e| ("exchange", e.as_str())))
        .chain(
            (outlines.iter().flat_map(|o| &o.tutor_requests))
                .map(|t| ("tutor request", t.as_str())),
        );
    // Keyed by kind, so that a person and a venue may share a readable id.
    let mut seen: FxHashSet<(&str, &str)> = FxHashSet::default();
    for (kind, id) in ids {
        if !seen.insert((kind, id)) {
            out.push(error(format!("two {kind} records share the id {id}")));
        }
    }
}

/// Every time a trainer is booked on overlapping half-days of two different seminars, over the
/// cohorts of `outlines`.
pub fn double_bookings(outlines: &[Outline]) -> Vec<DoubleBooking> {
    type Busy<'a> = (&'a PersonId, NaiveDate, Period);
    let mut seen: FxHashMap<Busy, Vec<(&SeminarId, &Slot)>> = FxHashMap::default();
    let mut found = Vec::new();
    for seminar in outlines.iter().flat_map(|o| &o.seminars) {
        for half_day in &seminar.half_days {
            let slot = seen
                .entry((&seminar.trainer, half_day.date, half_day.period))
                .or_default();
            for (other, other_half) in slot.iter() {
                let overlap = half_day.start < other_half.end && other_half.start < half_day.end;
                if *other != &seminar.id && overlap {
                    found.push(DoubleBooking {
                        trainer: seminar.trainer.clone(),
                        date: half_day.date,
                        period: half_day.period,
                        seminars: ((*other).clone(), seminar.id.clone()),
                    });
                }
            }
            slot.push((&seminar.id, half_day));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::attendance::Status;
    use crate::domain::fixtures::{cohort, date, half_day};

    fn outlines(cohorts: &[&Cohort]) -> Vec<Outline> {
        cohorts.iter().map(|c| Outline::of(c, date(20))).collect()
    }

    #[test]
    fn a_trainer_in_two_places_at_once_is_found() {
        let mut a = cohort(8, vec![half_day("a1", 5, Period::Morning, &[])]);
        let mut b = cohort(8, vec![half_day("b1", 5, Period::Morning, &[])]);
        b.id = CohortId::new("c2");
        b.seminars[0].id = SeminarId::new("s2");
        let found = double_bookings(&outlines(&[&a, &b]));
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].seminars,
            (SeminarId::new("s1"), SeminarId::new("s2"))
        );
        // Another trainer, or the afternoon, is no clash.
        b.seminars[0].trainer = PersonId::new("other");
        assert!(double_bookings(&outlines(&[&a, &b])).is_empty());
        a.seminars[0]
            .half_days
            .push(half_day("a2", 5, Period::Afternoon, &[]));
        assert!(double_bookings(&outlines(&[&a])).is_empty());
    }

    #[test]
    fn problems_report_marks_of_strangers_overfull_cohorts_and_holidays() {
        let mut data = Data::default();
        let mut c = cohort(
            13,
            vec![half_day(
                "h1",
                1,
                Period::Morning,
                &[("stranger", Status::Present, None)],
            )],
        );
        c.seminars[0].half_days[0].date = NaiveDate::from_ymd_opt(2026, 11, 11).unwrap();
        data.cohorts = vec![c].into();
        let messages: Vec<String> = problems(&data, date(20))
            .into_iter()
            .map(|p| p.message)
            .collect();
        let has = |needle: &str| messages.iter().any(|m| m.contains(needle));
        assert!(has("holds 13 trainees"), "{messages:?}");
        assert!(has("not enrolled"), "{messages:?}");
        assert!(has("public holiday (Armistice 1918)"), "{messages:?}");
        assert!(has("venue"), "{messages:?}");
    }

    #[test]
    fn an_outline_read_back_says_what_the_cohort_says() {
        let mut c = cohort(13, vec![half_day("h1", 1, Period::Morning, &[])]);
        c.seminars[0].half_days[0].marks = half_day(
            "x",
            1,
            Period::Morning,
            &[("t0", Status::Present, None), ("t0", Status::Absent, None)],
        )
        .marks;
        let outline = Outline::of(&c, date(20));
        let json = serde_json::to_string(&outline).unwrap();
        let back: Outline = serde_json::from_str(&json).unwrap();
        assert_eq!(back, outline);
        let data = Data {
            cohorts: vec![c].into(),
            ..Data::default()
        };
        assert_eq!(problems_outlined(&data, &[back]), problems(&data, date(20)));
    }
}
