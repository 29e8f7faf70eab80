//! Taking the roll: marking trainees on a half-day, signing the sheet, and the append-only
//! history of changes made after signing. Also the warnings a sheet carries and the follow-up
//! list a quality audit asks for.

use super::attendance::{HalfDay, Mark, MarkChange, Period, Seminar, Signature, Status};
use super::cohort::Cohort;
use super::holidays::holiday_name;
use super::ids::{HalfDayId, PersonId};
use super::rules::{DoubleBooking, longest_unexcused_run, trainee_attendance};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

/// What a mark says, before it is stamped with who and when.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MarkInput {
    /// The status.
    pub status: Status,
    /// Arrival time (late) or leaving time (left early).
    pub time: Option<NaiveTime>,
    /// The reason of an absence.
    pub reason: Option<String>,
}

/// Why a mark or a signature was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RollCallError {
    /// The trainee is not enrolled in the cohort.
    #[error("{0} is not enrolled in this cohort")]
    NotEnrolled(PersonId),
    /// The sheet is signed: a change needs a reason, which is kept in its history.
    #[error("this half-day is signed: give a reason for the change")]
    ReasonNeeded,
    /// The sheet is already signed.
    #[error("this half-day is already signed")]
    AlreadySigned,
    /// The trainee has no mark yet on this half-day.
    #[error("{0} has no mark yet on this half-day")]
    NotMarked(PersonId),
    /// Nobody is marked yet.
    #[error("nobody is marked yet: take the roll before signing")]
    NothingToSign,
}

/// Marks a trainee. On a signed sheet a reason is required, and the change goes to the history.
pub fn mark(
    cohort: &Cohort,
    half_day: &mut HalfDay,
    trainee: &PersonId,
    input: MarkInput,
    by: &PersonId,
    at: DateTime<Utc>,
    change_reason: Option<&str>,
) -> Result<(), RollCallError> {
    if !cohort.is_enrolled(trainee) {
        return Err(RollCallError::NotEnrolled(trainee.clone()));
    }
    let previous = half_day.mark_of(trainee).cloned();
    let time = input
        .time
        .filter(|_| matches!(input.status, Status::Late | Status::LeftEarly));
    if half_day.signature.is_some() {
        let reason = change_reason
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .ok_or(RollCallError::ReasonNeeded)?;
        half_day.history.push(MarkChange {
            trainee: trainee.clone(),
            by: by.clone(),
            at,
            from: previous.as_ref().map(|m| m.status),
            to: input.status,
            from_time: previous.as_ref().and_then(|m| m.time),
            to_time: time,
            reason: reason.to_owned(),
            withdraws: None,
        });
    }
    // Before the seal, a line changed under her signature is hers to sign again; after it, her
    // signature stays and the history says what changed since.
    let unchanged =
        |m: &&Mark| half_day.signature.is_some() || (m.status == input.status && m.time == time);
    let signed = previous
        .as_ref()
        .filter(unchanged)
        .and_then(|m| m.signed.clone());
    let missing_signature = previous.as_ref().and_then(|m| m.missing_signature.clone());
    let mark = Mark {
        trainee: trainee.clone(),
        status: input.status,
        time,
        reason: input
            .reason
            .filter(|_| matches!(input.status, Status::Absent | Status::Excused)),
        remark: half_day.mark_of(trainee).and_then(|m| m.remark.clone()),
        by: Some(by.clone()),
        at: Some(at),
        signed,
        missing_signature,
    };
    match half_day.marks.iter_mut().find(|m| &m.trainee == trainee) {
        Some(existing) => *existing = mark,
        None => half_day.marks.push(mark),
    }
    Ok(())
}

/// Marks present every active trainee not marked yet ("everyone present", then the exceptions).
/// Returns how many were marked.
pub fn mark_rest_present(
    cohort: &Cohort,
    half_day: &mut HalfDay,
    by: &PersonId,
    at: DateTime<Utc>,
) -> Result<usize, RollCallError> {
    if half_day.signature.is_some() {
        return Err(RollCallError::AlreadySigned);
    }
    let unmarked: Vec<PersonId> = cohort
        .active_trainees()
        .filter(|t| half_day.mark_of(t).is_none())
        .cloned()
        .collect();
    for trainee in &unmarked {
        let input = MarkInput {
            status: Status::Present,
            time: None,
            reason: None,
        };
        mark(cohort, half_day, trainee, input, by, at, None)?;
    }
    Ok(unmarked.len())
}

/// Signs the sheet: the trainer's name and the time are recorded, and the sheet is locked.
pub fn sign(half_day: &mut HalfDay, by: &PersonId, at: DateTime<Utc>) -> Result<(), RollCallError> {
    if half_day.signature.is_some() {
        return Err(RollCallError::AlreadySigned);
    }
    if half_day.marks.is_empty() {
        return Err(RollCallError::NothingToSign);
    }
    half_day.signature = Some(Signature {
        by: by.clone(),
        at,
        before_seals: false,
    });
    Ok(())
}

/// How long after a half-day ends a signature still counts as taken on the spot.
pub const LATE_SIGNATURE: Duration = Duration::hours(24);

/// Whether the sheet was signed long after its half-day ended: funders reject sheets whose
/// signatures were all gathered afterwards.
pub fn signed_late(half_day: &HalfDay) -> bool {
    half_day.signature.as_ref().is_some_and(|s| {
        // The half-day's times are local (Europe/Paris, UTC+1 or +2); a day's margin absorbs that.
        let end = half_day.date.and_time(half_day.end).and_utc();
        s.at > end + LATE_SIGNATURE
    })
}

/// Something wrong with a sheet, shown where it applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetWarning {
    /// The date is a French public holiday.
    Holiday(&'static str),
    /// The trainer is booked elsewhere at the same time.
    TrainerElsewhere,
    /// More people are marked present than the cohort holds.
    TooManyPresent {
        /// Marked present.
        present: usize,
        /// Members of the cohort.
        members: usize,
    },
    /// Marks were taken for a half-day still to come.
    MarkedInFuture,
    /// Signed more than a day after it ended.
    SignedLate,
    /// Past and not signed.
    Unsigned,
}

/// The warnings of one half-day.
pub fn warnings(
    cohort: &Cohort,
    seminar: &Seminar,
    half_day: &HalfDay,
    bookings: &[DoubleBooking],
    today: NaiveDate,
) -> Vec<SheetWarning> {
    let mut out = Vec::new();
    if let Some(name) = holiday_name(half_day.date) {
        out.push(SheetWarning::Holiday(name));
    }
    if bookings.iter().any(|b| {
        b.trainer == seminar.trainer
            && b.date == half_day.date
            && b.period == half_day.period
            && (b.seminars.0 == seminar.id || b.seminars.1 == seminar.id)
    }) {
        out.push(SheetWarning::TrainerElsewhere);
    }
    let present = half_day
        .marks
        .iter()
        .filter(|m| m.status.attended())
        .count();
    let members = cohort.active_trainees().count();
    if present > members {
        out.push(SheetWarning::TooManyPresent { present, members });
    }
    if half_day.date > today && !half_day.marks.is_empty() {
        out.push(SheetWarning::MarkedInFuture);
    }
    if signed_late(half_day) {
        out.push(SheetWarning::SignedLate);
    }
    if half_day.date < today && half_day.signature.is_none() {
        out.push(SheetWarning::Unsigned);
    }
    out
}

/// Lays out a seminar's half-days: `days` days from `start`, a morning and an afternoon each.
pub fn lay_out(
    ids: &mut dyn FnMut() -> HalfDayId,
    start: NaiveDate,
    days: u32,
    morning: (NaiveTime, NaiveTime),
    afternoon: (NaiveTime, NaiveTime),
) -> Vec<HalfDay> {
    (0..days)
        .filter_map(|n| start.checked_add_days(chrono::Days::new(u64::from(n))))
        .flat_map(|date| {
            [(Period::Morning, morning), (Period::Afternoon, afternoon)].map(
                |(period, (from, to))| HalfDay {
                    id: ids(),
                    date,
                    period,
                    start: from,
                    end: to,
                    marks: Vec::new(),
                    signature: None,
                    history: Vec::new(),
                    seals: Vec::new(),
                    withdrawals: Vec::new(),
                },
            )
        })
        .collect()
}

/// Why a trainee needs attention.
#[derive(Debug, Clone, PartialEq)]
pub enum Concern {
    /// Two or more unexcused absences in a row.
    ConsecutiveAbsences(u32),
    /// Attendance over the held half-days under the threshold, in percent.
    LowRate(f64),
}

/// One absence behind a concern: when, and whether it was excused (an excused absence still
/// cuts the hours a funder pays for).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Absence {
    /// The day.
    pub date: NaiveDate,
    /// Morning or afternoon.
    pub period: Period,
    /// Excused ("absence justifiée").
    pub excused: bool,
}

/// Something in the cohort that needs attention.
#[derive(Debug, Clone, PartialEq)]
pub enum Attention {
    /// A trainee to follow up, once per concern.
    Trainee {
        /// Who.
        trainee: PersonId,
        /// Why.
        concern: Concern,
        /// The absences behind it: the run, or every absence for a low rate.
        absences: Vec<Absence>,
    },
    /// A past half-day whose sheet is not signed.
    UnsignedSheet {
        /// Which.
        half_day: HalfDayId,
        /// When.
        date: NaiveDate,
        /// Morning or afternoon.
        period: Period,
    },
    /// A past half-day whose roll was never taken: out of the rates, until it is.
    NeverTaken {
        /// Which.
        half_day: HalfDayId,
        /// When.
        date: NaiveDate,
        /// Morning or afternoon.
        period: Period,
    },
}

/// The absences of a trainee over the half-days taken so far, in date order.
fn absences(cohort: &Cohort, trainee: &PersonId, today: NaiveDate) -> Vec<Absence> {
    super::rules::chronological(cohort)
        .into_iter()
        .filter(|(_, h)| h.is_held(today))
        .filter_map(|(_, h)| {
            let status = h.mark_of(trainee)?.status;
            (!status.attended()).then_some(Absence {
                date: h.date,
                period: h.period,
                excused: status == Status::Excused,
            })
        })
        .collect()
}

/// The cohort-wide follow-up list: consecutive unexcused absences and low rates (excused
/// absences count against the rate), with the absences behind each; unsigned sheets; past
/// half-days never taken.
pub fn attention(cohort: &Cohort, today: NaiveDate, threshold_percent: u8) -> Vec<Attention> {
    let mut out = Vec::new();
    for trainee in cohort.active_trainees() {
        let run: Vec<Absence> = longest_unexcused_run(cohort, trainee, today)
            .into_iter()
            .map(|h| Absence {
                date: h.date,
                period: h.period,
                excused: false,
            })
            .collect();
        if run.len() >= 2 {
            out.push(Attention::Trainee {
                trainee: trainee.clone(),
                concern: Concern::ConsecutiveAbsences(u32::try_from(run.len()).unwrap_or(u32::MAX)),
                absences: run,
            });
        }
        if let Some(rate) = trainee_attendance(&cohort.seminars, trainee, today).rate_held()
            && rate < f64::from(threshold_percent)
        {
            out.push(Attention::Trainee {
                trainee: trainee.clone(),
                concern: Concern::LowRate(rate),
                absences: absences(cohort, trainee, today),
            });
        }
    }
    for (_, half_day) in super::rules::chronological(cohort) {
        let (id, date, period) = (half_day.id.clone(), half_day.date, half_day.period);
        if half_day.never_taken(today) {
            out.push(Attention::NeverTaken {
                half_day: id,
                date,
                period,
            });
        } else if half_day.date < today && half_day.signature.is_none() {
            out.push(Attention::UnsignedSheet {
                half_day: id,
                date,
                period,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{CohortId, SeminarId};
    use chrono::TimeZone;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn at(day: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 10, day, h, 0, 0).unwrap()
    }

    fn setup() -> (Cohort, HalfDay) {
        let cohort = Cohort {
            id: CohortId::new("c"),
            trainees: (0..12).map(|i| PersonId::new(format!("t{i}"))).collect(),
            ..Cohort::default()
        };
        let mut n = 0;
        let mut ids = || {
            n += 1;
            HalfDayId::new(format!("h{n}"))
        };
        let day = NaiveDate::from_ymd_opt(2026, 10, 5).unwrap();
        let half_day = lay_out(
            &mut ids,
            day,
            1,
            (t(9, 0), t(12, 30)),
            (t(14, 0), t(17, 30)),
        )
        .remove(0);
        (cohort, half_day)
    }

    fn input(status: Status) -> MarkInput {
        MarkInput {
            status,
            time: None,
            reason: None,
        }
    }

    #[test]
    fn everyone_present_then_exceptions_then_sign() {
        let (cohort, mut h) = setup();
        let trainer = PersonId::new("trainer");
        let late = MarkInput {
            status: Status::Late,
            time: Some(t(9, 40)),
            reason: None,
        };
        mark(
            &cohort,
            &mut h,
            &PersonId::new("t3"),
            late,
            &trainer,
            at(5, 8),
            None,
        )
        .unwrap();
        assert_eq!(
            mark_rest_present(&cohort, &mut h, &trainer, at(5, 8)).unwrap(),
            11
        );
        assert_eq!(h.marks.len(), 12);
        assert_eq!(
            h.mark_of(&PersonId::new("t3")).unwrap().status,
            Status::Late
        );
        sign(&mut h, &trainer, at(5, 11)).unwrap();
        assert!(!signed_late(&h));
        assert_eq!(
            sign(&mut h, &trainer, at(5, 11)),
            Err(RollCallError::AlreadySigned)
        );
    }

    #[test]
    fn a_signed_sheet_needs_a_reason_and_keeps_an_append_only_history() {
        let (cohort, mut h) = setup();
        let trainer = PersonId::new("trainer");
        mark_rest_present(&cohort, &mut h, &trainer, at(5, 8)).unwrap();
        sign(&mut h, &trainer, at(5, 11)).unwrap();
        let who = PersonId::new("t0");
        let result = mark(
            &cohort,
            &mut h,
            &who,
            input(Status::Absent),
            &trainer,
            at(6, 9),
            None,
        );
        assert_eq!(result, Err(RollCallError::ReasonNeeded));
        assert_eq!(
            h.mark_of(&who).unwrap().status,
            Status::Present,
            "unchanged"
        );
        mark(
            &cohort,
            &mut h,
            &who,
            input(Status::Absent),
            &trainer,
            at(6, 9),
            Some("error"),
        )
        .unwrap();
        mark(
            &cohort,
            &mut h,
            &who,
            input(Status::Excused),
            &trainer,
            at(6, 10),
            Some("certificate"),
        )
        .unwrap();
        assert_eq!(h.history.len(), 2);
        assert_eq!(
            (h.history[0].from, h.history[0].to),
            (Some(Status::Present), Status::Absent)
        );
        assert_eq!(h.history[1].reason, "certificate");
        assert_eq!(
            mark_rest_present(&cohort, &mut h, &trainer, at(6, 10)),
            Err(RollCallError::AlreadySigned)
        );
    }

    #[test]
    fn strangers_are_refused_and_empty_sheets_cannot_be_signed() {
        let (cohort, mut h) = setup();
        let trainer = PersonId::new("trainer");
        let stranger = PersonId::new("nobody");
        let result = mark(
            &cohort,
            &mut h,
            &stranger,
            input(Status::Present),
            &trainer,
            at(5, 8),
            None,
        );
        assert_eq!(result, Err(RollCallError::NotEnrolled(stranger)));
        assert_eq!(
            sign(&mut h, &trainer, at(5, 12)),
            Err(RollCallError::NothingToSign)
        );
    }

    #[test]
    fn late_signatures_and_sheet_warnings() {
        let (cohort, mut h) = setup();
        let trainer = PersonId::new("trainer");
        mark_rest_present(&cohort, &mut h, &trainer, at(5, 8)).unwrap();
        sign(&mut h, &trainer, at(9, 12)).unwrap();
        assert!(signed_late(&h));
        let seminar = Seminar {
            id: SeminarId::new("s"),
            trainer: trainer.clone(),
            ..Seminar::default()
        };
        let today = NaiveDate::from_ymd_opt(2026, 10, 20).unwrap();
        let found = warnings(&cohort, &seminar, &h, &[], today);
        assert_eq!(found, vec![SheetWarning::SignedLate]);
        // A holiday, a future date with marks, more present than members.
        h.date = NaiveDate::from_ymd_opt(2026, 11, 11).unwrap();
        h.signature = None;
        let small = Cohort {
            trainees: cohort.trainees[..10].to_vec(),
            ..cohort.clone()
        };
        let found = warnings(&small, &seminar, &h, &[], today);
        assert!(found.contains(&SheetWarning::Holiday("Armistice 1918")));
        assert!(found.contains(&SheetWarning::MarkedInFuture));
        assert!(found.contains(&SheetWarning::TooManyPresent {
            present: 12,
            members: 10
        }));
    }

    #[test]
    fn lay_out_makes_a_morning_and_an_afternoon_per_day() {
        let mut n = 0;
        let mut ids = || {
            n += 1;
            HalfDayId::new(format!("h{n}"))
        };
        let start = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
        let days = lay_out(
            &mut ids,
            start,
            3,
            (t(9, 0), t(12, 30)),
            (t(14, 0), t(17, 30)),
        );
        assert_eq!(days.len(), 6);
        assert_eq!(days[5].date, NaiveDate::from_ymd_opt(2026, 12, 10).unwrap());
        assert_eq!(days[5].period, Period::Afternoon);
        assert_eq!(days[0].planned_minutes() + days[1].planned_minutes(), 420);
        assert_eq!(days[5].id, HalfDayId::new("h6"));
    }

    #[test]
    fn the_follow_up_list_finds_absences_low_rates_and_unsigned_sheets() {
        let (mut cohort, h) = setup();
        let trainer = PersonId::new("trainer");
        let mut days = Vec::new();
        for (i, day) in [1, 2, 3].into_iter().enumerate() {
            let mut sheet = h.clone();
            sheet.id = HalfDayId::new(format!("d{i}"));
            sheet.date = NaiveDate::from_ymd_opt(2026, 10, day).unwrap();
            mark(
                &cohort,
                &mut sheet,
                &PersonId::new("t0"),
                input(Status::Absent),
                &trainer,
                at(day, 9),
                None,
            )
            .unwrap();
            mark_rest_present(&cohort, &mut sheet, &trainer, at(day, 9)).unwrap();
            if day != 3 {
                sign(&mut sheet, &trainer, at(day, 12)).unwrap();
            }
            days.push(sheet);
        }
        // A fourth day, past, whose roll was never taken; t0 excused on a fifth.
        let mut never = h.clone();
        never.id = HalfDayId::new("d3");
        never.date = NaiveDate::from_ymd_opt(2026, 10, 4).unwrap();
        let mut fifth = h.clone();
        fifth.id = HalfDayId::new("d4");
        fifth.date = NaiveDate::from_ymd_opt(2026, 10, 5).unwrap();
        let excused = MarkInput {
            status: Status::Excused,
            time: None,
            reason: Some("illness".into()),
        };
        mark(
            &cohort,
            &mut fifth,
            &PersonId::new("t0"),
            excused,
            &trainer,
            at(5, 9),
            None,
        )
        .unwrap();
        mark_rest_present(&cohort, &mut fifth, &trainer, at(5, 9)).unwrap();
        days.extend([never, fifth]);
        cohort.seminars = vec![Seminar {
            half_days: days,
            ..Seminar::default()
        }];
        let day = |d| NaiveDate::from_ymd_opt(2026, 10, d).unwrap();
        let absence = |d, excused| Absence {
            date: day(d),
            period: Period::Morning,
            excused,
        };
        let today = day(20);
        let found = attention(&cohort, today, 80);
        assert!(found.contains(&Attention::Trainee {
            trainee: PersonId::new("t0"),
            concern: Concern::ConsecutiveAbsences(3),
            absences: vec![absence(1, false), absence(2, false), absence(3, false)],
        }));
        // The excused absence counts against the rate and is listed; the day never taken is
        // neither: t1's rate stays whole.
        assert!(found.contains(&Attention::Trainee {
            trainee: PersonId::new("t0"),
            concern: Concern::LowRate(0.0),
            absences: vec![
                absence(1, false),
                absence(2, false),
                absence(3, false),
                absence(5, true),
            ],
        }));
        let rate = trainee_attendance(&cohort.seminars, &PersonId::new("t1"), today).rate_held();
        assert_eq!(rate, Some(100.0));
        assert!(found.iter().any(
            |a| matches!(a, Attention::UnsignedSheet { half_day, .. } if half_day.as_str() == "d2")
        ));
        assert!(found.iter().any(
            |a| matches!(a, Attention::NeverTaken { half_day, .. } if half_day.as_str() == "d3")
        ));
        assert!(!found.iter().any(
            |a| matches!(a, Attention::UnsignedSheet { half_day, .. } if half_day.as_str() == "d3")
        ));
        assert_eq!(found.len(), 5, "{found:?}");
    }
}
