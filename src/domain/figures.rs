//! A cohort's figures as `cercle summary` prints them, and whether they can no longer change
//! with the calendar: a finished cohort's figures depend on its document alone.

use super::rules::{CohortAttendance, cohort_attendance};
use super::{Cohort, CohortId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a summary says of one cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortFigures {
    /// The cohort's id.
    pub id: CohortId,
    /// Its name.
    pub name: String,
    /// Its trainees who did not leave.
    pub trainees: usize,
    /// Its half-days and attendance.
    pub attendance: CohortAttendance,
}

impl CohortFigures {
    /// The figures of `cohort` on `today`.
    pub fn of(cohort: &Cohort, today: NaiveDate) -> Self {
        Self {
            id: cohort.id.clone(),
            name: cohort.name.clone(),
            trainees: cohort.active_trainees().count(),
            attendance: cohort_attendance(cohort, today),
        }
    }
}

/// The last day of `cohort`: its end, or a half-day held later than it. From the day after,
/// every half-day is past, so its figures are the same whatever day it is.
pub fn last_day(cohort: &Cohort) -> NaiveDate {
    cohort
        .seminars
        .iter()
        .flat_map(|s| &s.half_days)
        .map(|h| h.date)
        .fold(cohort.end, NaiveDate::max)
}
