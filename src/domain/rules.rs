//! The rules users live by, as plain functions: hours and rates, double bookings and
//! consecutive absences. The integrity checks behind `cercle check` are in `integrity`.

use super::Data;
use super::attendance::{HalfDay, Period, Seminar, Status};
use super::cohort::Cohort;
use super::ids::{HalfDayId, PersonId, SeminarId};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// A trainee's attendance, in half-days and minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Attendance {
    /// Half-days planned for the cohort.
    pub half_days_planned: u32,
    /// Half-days held so far.
    pub half_days_held: u32,
    /// Half-days the trainee attended, at least in part.
    pub half_days_attended: u32,
    /// Minutes planned over all half-days.
    pub minutes_planned: u32,
    /// Minutes planned over the half-days held.
    pub minutes_held: u32,
    /// Minutes actually followed.
    pub minutes_followed: u32,
}

impl Attendance {
    /// Rate of attendance over the half-days held so far, in percent (None before any is held).
    pub fn rate_held(&self) -> Option<f64> {
        percent(self.half_days_attended, self.half_days_held)
    }

    /// Rate of attendance over the whole programme, in percent.
    pub fn rate_overall(&self) -> Option<f64> {
        percent(self.half_days_attended, self.half_days_planned)
    }

    /// Hours followed.
    pub fn hours_followed(&self) -> f64 {
        f64::from(self.minutes_followed) / 60.0
    }

    /// Hours planned over all half-days.
    pub fn hours_planned(&self) -> f64 {
        f64::from(self.minutes_planned) / 60.0
    }

    fn add(&mut self, other: Self) {
        self.half_days_planned += other.half_days_planned;
        self.half_days_held += other.half_days_held;
        self.half_days_attended += other.half_days_attended;
        self.minutes_planned += other.minutes_planned;
        self.minutes_held += other.minutes_held;
        self.minutes_followed += other.minutes_followed;
    }
}

fn percent(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) * 100.0 / f64::from(whole))
}

/// One trainee's attendance over a set of seminars.
pub fn trainee_attendance<'a>(
    seminars: impl IntoIterator<Item = &'a Seminar>,
    trainee: &PersonId,
    today: NaiveDate,
) -> Attendance {
    let mut total = Attendance::default();
    for half_day in seminars.into_iter().flat_map(|s| &s.half_days) {
        let planned = half_day.planned_minutes();
        let held = half_day.is_held(today) && !half_day.never_taken(today);
        let followed = half_day
            .mark_of(trainee)
            .map_or(0, |m| half_day.followed_minutes(m));
        let attended = half_day
            .mark_of(trainee)
            .is_some_and(|m| m.status.attended());
        total.add(Attendance {
            half_days_planned: 1,
            half_days_held: u32::from(held),
            half_days_attended: u32::from(attended),
            minutes_planned: planned,
            minutes_held: if held { planned } else { 0 },
            minutes_followed: followed,
        });
    }
    total
}

/// A cohort's attendance: the sum over its active trainees, and its half-day counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct CohortAttendance {
    /// Half-days planned.
    pub half_days_planned: u32,
    /// Half-days held so far.
    pub half_days_held: u32,
    /// Trainee half-days attended over the held half-days.
    pub attended: u32,
    /// Trainee half-days expected over the held half-days.
    pub expected: u32,
}

impl CohortAttendance {
    /// The cohort's attendance rate over the half-days held, in percent.
    pub fn rate(&self) -> Option<f64> {
        percent(self.attended, self.expected)
    }
}

/// A cohort's attendance on `today`.
pub fn cohort_attendance(cohort: &Cohort, today: NaiveDate) -> CohortAttendance {
    let active: HashSet<&PersonId> = cohort.active_trainees().collect();
    let mut out = CohortAttendance::default();
    for half_day in cohort.seminars.iter().flat_map(|s| &s.half_days) {
        out.half_days_planned += 1;
        if !half_day.is_held(today) || half_day.never_taken(today) {
            continue;
        }
        out.half_days_held += 1;
        out.expected += u32::try_from(active.len()).unwrap_or(u32::MAX);
        let attended = half_day
            .marks
            .iter()
            .filter(|m| active.contains(&m.trainee) && m.status.attended())
            .count();
        out.attended += u32::try_from(attended).unwrap_or(u32::MAX);
    }
    out
}

/// The cohort's half-days in chronological order, with their seminar.
pub fn chronological(cohort: &Cohort) -> Vec<(&Seminar, &HalfDay)> {
    let mut all: Vec<(&Seminar, &HalfDay)> = cohort
        .seminars
        .iter()
        .flat_map(|s| s.half_days.iter().map(move |h| (s, h)))
        .collect();
    all.sort_by_key(|(_, h)| (h.date, h.period, h.start));
    all
}

/// The longest run of consecutive unexcused absences of a trainee, over the held half-days:
/// the half-days of the run.
pub fn longest_unexcused_run<'a>(
    cohort: &'a Cohort,
    trainee: &PersonId,
    today: NaiveDate,
) -> Vec<&'a HalfDay> {
    let (mut run, mut longest) = (Vec::new(), Vec::new());
    for (_, half_day) in chronological(cohort) {
        if !half_day.is_held(today) {
            break;
        }
        // An unmarked past half-day is not proof of absence; an excuse or presence breaks the run.
        if half_day.mark_of(trainee).map(|m| m.status) == Some(Status::Absent) {
            run.push(half_day);
            if run.len() > longest.len() {
                longest.clone_from(&run);
            }
        } else {
            run.clear();
        }
    }
    longest
}

/// A trainer booked in two places at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoubleBooking {
    /// The trainer.
    pub trainer: PersonId,
    /// The day.
    pub date: NaiveDate,
    /// The half of the day.
    pub period: Period,
    /// The two seminars.
    pub seminars: (SeminarId, SeminarId),
}

/// The double bookings that involve a seminar of the current cohort: what its screens warn
/// about. Only the current cohort's half-days are indexed, and the rest of the network is
/// scanned once against them, so the cost is one pass without building a map of every trainer.
pub fn double_bookings_of_current(data: &Data) -> Vec<DoubleBooking> {
    type Ours<'a> = (&'a PersonId, &'a SeminarId, &'a HalfDay);
    let Some(current) = data.current() else {
        return Vec::new();
    };
    // Keyed by date alone (cheap to hash); the few trainers of a day are compared directly.
    let mut slots: HashMap<(NaiveDate, Period), Vec<Ours>> = HashMap::new();
    let mut trainers: Vec<&PersonId> = Vec::new();
    for seminar in &current.seminars {
        if !trainers.contains(&&seminar.trainer) {
            trainers.push(&seminar.trainer);
        }
        for half_day in &seminar.half_days {
            slots
                .entry((half_day.date, half_day.period))
                .or_default()
                .push((&seminar.trainer, &seminar.id, half_day));
        }
    }
    let mut found = Vec::new();
    for cohort in &data.cohorts {
        let own = cohort.id == current.id;
        for seminar in cohort
            .seminars
            .iter()
            .filter(|s| trainers.contains(&&s.trainer))
        {
            for half_day in &seminar.half_days {
                let Some(here) = slots.get(&(half_day.date, half_day.period)) else {
                    continue;
                };
                for &(trainer, ours, our_half) in here {
                    // Two seminars of the current cohort meet twice in this loop: count them once.
                    let counted = own && ours >= &seminar.id;
                    let overlap = half_day.start < our_half.end && our_half.start < half_day.end;
                    if trainer == &seminar.trainer && ours != &seminar.id && overlap && !counted {
                        found.push(DoubleBooking {
                            trainer: seminar.trainer.clone(),
                            date: half_day.date,
                            period: half_day.period,
                            seminars: (ours.clone(), seminar.id.clone()),
                        });
                    }
                }
            }
        }
    }
    found
}

/// The id of the half-day a trainer would mark now, if one is today.
pub fn half_day_on(cohort: &Cohort, date: NaiveDate) -> Option<&HalfDayId> {
    chronological(cohort)
        .into_iter()
        .find(|(_, h)| h.date == date)
        .map(|(_, h)| &h.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cohort::{CohortState, EnrolError};
    use crate::domain::fixtures::{cohort, date, half_day, time};
    use crate::domain::ids::*;

    #[test]
    fn a_thirteenth_trainee_is_refused_and_states_follow_the_8_12_rule() {
        let mut c = cohort(7, Vec::new());
        assert_eq!(c.state(), CohortState::CannotStart { enrolled: 7 });
        c.enrol(PersonId::new("t7")).unwrap();
        assert_eq!(c.state(), CohortState::Running { enrolled: 8 });
        for i in 8..12 {
            c.enrol(PersonId::new(format!("t{i}"))).unwrap();
        }
        assert_eq!(c.state(), CohortState::Full);
        assert_eq!(c.enrol(PersonId::new("t12")), Err(EnrolError::Full));
        assert_eq!(
            c.enrol(PersonId::new("t0")),
            Err(EnrolError::AlreadyEnrolled(PersonId::new("t0")))
        );
        assert_eq!(c.trainees.len(), 12);
    }

    #[test]
    fn hours_followed_count_late_arrivals_and_early_departures() {
        let c = cohort(
            2,
            vec![
                half_day(
                    "h1",
                    1,
                    Period::Morning,
                    &[
                        ("t0", Status::Present, None),
                        ("t1", Status::Late, Some(time(10, 0))),
                    ],
                ),
                half_day(
                    "h2",
                    1,
                    Period::Afternoon,
                    &[
                        ("t0", Status::LeftEarly, Some(time(16, 0))),
                        ("t1", Status::Excused, None),
                    ],
                ),
                half_day(
                    "h3",
                    2,
                    Period::Morning,
                    &[("t0", Status::Absent, None), ("t1", Status::Present, None)],
                ),
                half_day("h4", 30, Period::Morning, &[]),
            ],
        );
        let today = date(10);
        let t0 = trainee_attendance(&c.seminars, &PersonId::new("t0"), today);
        assert_eq!(t0.minutes_followed, 210 + 120);
        assert_eq!(
            (
                t0.half_days_attended,
                t0.half_days_held,
                t0.half_days_planned
            ),
            (2, 3, 4)
        );
        assert_eq!(t0.minutes_planned, 4 * 210);
        let rate = t0.rate_held().unwrap();
        assert!((rate - 200.0 / 3.0).abs() < 1e-9);
        assert!((t0.rate_overall().unwrap() - 50.0).abs() < 1e-9);
        let t1 = trainee_attendance(&c.seminars, &PersonId::new("t1"), today);
        assert_eq!(t1.minutes_followed, 150 + 210, "late at 10:00 follows 2h30");
        assert!((t1.hours_followed() - 6.0).abs() < 1e-9);
        let all = cohort_attendance(&c, today);
        assert_eq!((all.attended, all.expected), (4, 6));
    }

    #[test]
    fn consecutive_unexcused_absences_are_counted_in_date_order() {
        // Listed out of order on purpose: the run is computed chronologically.
        let c = cohort(
            1,
            vec![
                half_day("h3", 3, Period::Morning, &[("t0", Status::Absent, None)]),
                half_day("h1", 1, Period::Morning, &[("t0", Status::Absent, None)]),
                half_day("h2", 2, Period::Morning, &[("t0", Status::Absent, None)]),
                half_day("h4", 4, Period::Morning, &[("t0", Status::Excused, None)]),
                half_day("h5", 5, Period::Morning, &[("t0", Status::Absent, None)]),
            ],
        );
        assert_eq!(
            longest_unexcused_run(&c, &PersonId::new("t0"), date(20)).len(),
            3
        );
        assert!(longest_unexcused_run(&c, &PersonId::new("t1"), date(20)).is_empty());
    }
}
