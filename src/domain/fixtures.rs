//! Small records for the domain's own tests: a day of October 2026, a half-day, a cohort.

use super::attendance::{HalfDay, Mark, Period, Seminar, Status};
use super::cohort::Cohort;
use super::ids::{CohortId, HalfDayId, PersonId, SeminarId};
use chrono::{NaiveDate, NaiveTime};

/// Day `d` of October 2026.
pub fn date(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, d).unwrap()
}

/// A time of day.
pub fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// A half-day on day `day` of October 2026 with `marks` (who, status, arrival).
pub fn half_day(
    id: &str,
    day: u32,
    period: Period,
    marks: &[(&str, Status, Option<NaiveTime>)],
) -> HalfDay {
    let (start, end) = match period {
        Period::Morning => (time(9, 0), time(12, 30)),
        Period::Afternoon => (time(14, 0), time(17, 30)),
    };
    HalfDay {
        id: HalfDayId::new(id),
        date: date(day),
        period,
        start,
        end,
        marks: marks
            .iter()
            .map(|(who, status, at)| Mark {
                trainee: PersonId::new(*who),
                status: *status,
                time: *at,
                reason: None,
                remark: None,
                by: None,
                at: None,
                signed: None,
                missing_signature: None,
            })
            .collect(),
        signature: None,
        history: Vec::new(),
        seals: Vec::new(),
        withdrawals: Vec::new(),
    }
}

/// Cohort `c` with `trainees` trainees `t0`… and one seminar `s1` holding `half_days`.
pub fn cohort(trainees: usize, half_days: Vec<HalfDay>) -> Cohort {
    Cohort {
        id: CohortId::new("c"),
        trainees: (0..trainees)
            .map(|i| PersonId::new(format!("t{i}")))
            .collect(),
        seminars: vec![Seminar {
            id: SeminarId::new("s1"),
            trainer: PersonId::new("trainer"),
            half_days,
            ..Seminar::default()
        }],
        ..Cohort::default()
    }
}
