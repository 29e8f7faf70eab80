//! What a seminar being planned will be checked for, said before it is saved: a day that is a
//! public holiday, its trainer booked in another seminar at the same time, more half-days than
//! its modules plan. Funders reject sheets for the first two; the third is usually a typo in
//! the number of days.

use super::Data;
use super::attendance::{HalfDay, Period, Seminar};
use super::holidays::holiday_name;
use super::ids::{CohortId, ModuleId, SeminarId};
use chrono::NaiveDate;

/// Something to confirm before a seminar is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Doubt {
    /// One of its days is a French public holiday.
    Holiday {
        /// The day.
        date: NaiveDate,
        /// The holiday's French name.
        name: &'static str,
    },
    /// Its trainer runs another seminar at the same time.
    TrainerBooked {
        /// The other seminar.
        seminar: SeminarId,
        /// The other seminar's cohort, by name.
        cohort: String,
        /// The half-days of ours that meet it, in order.
        when: Vec<(NaiveDate, Period)>,
    },
    /// Its modules' seminars hold more time than the modules plan.
    MoreThanPlanned {
        /// The half-days held for these modules, this seminar's included.
        half_days: usize,
        /// Their minutes.
        minutes: u32,
        /// The minutes the modules plan.
        planned: u32,
        /// The modules' codes.
        modules: Vec<String>,
    },
}

fn minutes(half_day: &HalfDay) -> u32 {
    u32::try_from((half_day.end - half_day.start).num_minutes()).unwrap_or(0)
}

/// Whether two half-days share some time.
fn overlap(a: &HalfDay, b: &HalfDay) -> bool {
    a.date == b.date && a.start < b.end && b.start < a.end
}

/// What to confirm before saving `seminar` (new, or replacing the one with its id) in `cohort`.
pub fn doubts(data: &Data, cohort: &CohortId, seminar: &Seminar) -> Vec<Doubt> {
    let mut found = Vec::new();
    let mut days: Vec<NaiveDate> = seminar.half_days.iter().map(|h| h.date).collect();
    days.dedup();
    for date in days {
        if let Some(name) = holiday_name(date) {
            found.push(Doubt::Holiday { date, name });
        }
    }
    for other_cohort in &data.cohorts {
        for other in other_cohort
            .seminars
            .iter()
            .filter(|s| s.id != seminar.id && s.trainer == seminar.trainer)
        {
            let when: Vec<(NaiveDate, Period)> = seminar
                .half_days
                .iter()
                .filter(|ours| other.half_days.iter().any(|theirs| overlap(ours, theirs)))
                .map(|h| (h.date, h.period))
                .collect();
            if !when.is_empty() {
                found.push(Doubt::TrainerBooked {
                    seminar: other.id.clone(),
                    cohort: other_cohort.name.clone(),
                    when,
                });
            }
        }
    }
    found.extend(more_than_planned(data, cohort, seminar));
    found
}

/// The time held for the seminar's modules against the time they plan. A seminar of the cohort
/// counts when it teaches only modules of this one, so that a seminar sharing its days with
/// other modules never raises a doubt it cannot settle.
fn more_than_planned(data: &Data, cohort: &CohortId, seminar: &Seminar) -> Option<Doubt> {
    let modules: Vec<&super::Module> = seminar
        .modules
        .iter()
        .filter_map(|m| data.programme.module(m))
        .collect();
    if modules.is_empty() {
        return None;
    }
    let planned_hours: f64 = modules.iter().map(|m| m.planned_hours).sum();
    // Planned hours are a few dozen at most: the cast cannot lose anything that matters.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let planned = (planned_hours * 60.0).round().max(0.0) as u32;
    let within = |taught: &[ModuleId]| {
        !taught.is_empty() && taught.iter().all(|m| seminar.modules.contains(m))
    };
    let others = data
        .cohort(cohort)
        .into_iter()
        .flat_map(|c| &c.seminars)
        .filter(|s| s.id != seminar.id && within(&s.modules));
    let held: Vec<&HalfDay> = others
        .flat_map(|s| &s.half_days)
        .chain(&seminar.half_days)
        .collect();
    let minutes: u32 = held.iter().map(|h| minutes(h)).sum();
    (minutes > planned).then(|| Doubt::MoreThanPlanned {
        half_days: held.len(),
        minutes,
        planned,
        modules: modules.iter().map(|m| m.code.clone()).collect(),
    })
}
