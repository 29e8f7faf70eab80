//! Seminar dates, trainer bookings and the marks of every half-day held.

use super::{Generator, SEMINAR_SPACING_DAYS, SEMINARS};
use crate::domain::holidays::holiday_name;
use crate::domain::{
    HalfDay, HalfDayId, Mark, ModuleId, Period, PersonId, Seminar, SeminarId, Signature, Status,
};
use crate::sample::SAMPLE_TODAY;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};

/// Morning and afternoon, with their times.
const PERIODS: [(Period, &str, NaiveTime, NaiveTime); 2] = [
    (Period::Morning, "am", hm(9, 0), hm(12, 30)),
    (Period::Afternoon, "pm", hm(14, 0), hm(17, 30)),
];

const EXCUSES: &[&str] = &[
    "Arrêt maladie, justificatif transmis",
    "Enfant malade",
    "Convocation administrative",
    "Obsèques d'un proche",
    "Grève des transports",
];

impl Generator {
    /// The seminars of a cohort starting around `start`, booking trainers from `crew` first.
    pub(super) fn seminars(
        &mut self,
        tag: &str,
        start: NaiveDate,
        region: usize,
        crew: &mut Vec<usize>,
        trainees: &[PersonId],
    ) -> Vec<Seminar> {
        let modules = self.module_plan();
        let mut seminars = Vec::with_capacity(SEMINARS);
        let mut earliest = start;
        for (i, modules) in modules.into_iter().enumerate() {
            let mut target =
                start + Duration::days(SEMINAR_SPACING_DAYS * i64::try_from(i).unwrap_or(0));
            if target.month() == 8 {
                target += Duration::days(21); // nobody trains in August
            }
            let (day, trainer) = self.book(target.max(earliest), crew, i);
            earliest = day + Duration::days(14);
            let venues = &self.region_venues[region];
            let venue = self.venues[venues[self.rng.below(venues.len())]].id.clone();
            let trainer_id = self.trainers[trainer].clone();
            let half_days = self.half_days(tag, i + 1, day, &trainer_id, trainees);
            seminars.push(Seminar {
                id: SeminarId::new(format!("s-{tag}-{:02}", i + 1)),
                modules,
                venue,
                trainer: trainer_id,
                half_days,
            });
        }
        seminars
    }

    /// Spreads the programme's modules over the seminars, in catalogue order.
    fn module_plan(&self) -> Vec<Vec<ModuleId>> {
        let all = &self.programme.modules;
        let mut plan = vec![Vec::new(); SEMINARS];
        for (j, module) in all.iter().enumerate() {
            plan[j * SEMINARS / all.len()].push(module.id.clone());
        }
        for (i, modules) in plan.iter_mut().enumerate() {
            if modules.is_empty() && !all.is_empty() {
                modules.push(all[i % all.len()].id.clone());
            }
        }
        plan
    }

    /// The first two-day slot from `target` on with a free trainer, and that trainer's index.
    ///
    /// The cohort's own trainers come first; then anyone from the pool, who joins the cohort.
    /// Terminates: the pool is never empty and bookings are finite, so a free day comes.
    fn book(
        &mut self,
        target: NaiveDate,
        crew: &mut Vec<usize>,
        turn: usize,
    ) -> (NaiveDate, usize) {
        let mut day = target;
        loop {
            if is_seminar_start(day) {
                let offset = self.rng.below(self.trainers.len());
                let free = |t: &usize| {
                    !self.busy.contains(&(*t, day))
                        && !self.busy.contains(&(*t, day + Duration::days(1)))
                };
                let own = (0..crew.len())
                    .map(|k| crew[(turn + k) % crew.len()])
                    .find(|t| free(t));
                let trainer = own.or_else(|| {
                    (0..self.trainers.len())
                        .map(|k| (offset + k) % self.trainers.len())
                        .find(|t| free(t))
                });
                if let Some(trainer) = trainer {
                    if !crew.contains(&trainer) {
                        crew.push(trainer);
                    }
                    self.busy.insert((trainer, day));
                    self.busy.insert((trainer, day + Duration::days(1)));
                    return (day, trainer);
                }
            }
            day += Duration::days(1);
        }
    }

    /// The four half-days of a seminar starting on `day`; those before today are marked.
    fn half_days(
        &mut self,
        tag: &str,
        number: usize,
        day: NaiveDate,
        trainer: &PersonId,
        trainees: &[PersonId],
    ) -> Vec<HalfDay> {
        let mut out = Vec::with_capacity(4);
        for (day_no, date) in [(1, day), (2, day + Duration::days(1))] {
            for (period, suffix, start, end) in PERIODS {
                let mut half_day = HalfDay {
                    id: HalfDayId::new(format!("h-{tag}-{number:02}-{day_no}{suffix}")),
                    date,
                    period,
                    start,
                    end,
                    marks: Vec::new(),
                    signature: None,
                    history: Vec::new(),
                    seals: Vec::new(),
                    withdrawals: Vec::new(),
                };
                if date < SAMPLE_TODAY {
                    let at = paris_to_utc(date, start + Duration::minutes(5));
                    half_day.marks = trainees
                        .iter()
                        .map(|t| self.mark(t, start, end, trainer, at))
                        .collect();
                    half_day.signature = Some(Signature {
                        by: trainer.clone(),
                        at: paris_to_utc(date, end + Duration::minutes(5)),
                        before_seals: true,
                    });
                }
                out.push(half_day);
            }
        }
        out
    }

    /// One trainee's mark: mostly present, sometimes late, gone early, excused or absent.
    fn mark(
        &mut self,
        trainee: &PersonId,
        start: NaiveTime,
        end: NaiveTime,
        by: &PersonId,
        at: DateTime<Utc>,
    ) -> Mark {
        let roll = self.rng.below(1000);
        let mut mark = Mark {
            trainee: trainee.clone(),
            status: Status::Present,
            time: None,
            reason: None,
            remark: None,
            by: Some(by.clone()),
            at: Some(at),
            signed: None,
            missing_signature: None,
        };
        match roll {
            0..=929 => {}
            930..=959 => {
                mark.status = Status::Late;
                mark.time = Some(start + Duration::minutes(5 * self.rng.between(2, 11)));
            }
            960..=974 => {
                mark.status = Status::LeftEarly;
                mark.time = Some(end - Duration::minutes(15 * self.rng.between(2, 6)));
            }
            975..=989 => {
                mark.status = Status::Excused;
                mark.reason = Some((*self.rng.pick(EXCUSES)).to_owned());
            }
            _ => mark.status = Status::Absent,
        }
        mark
    }
}

/// Whether a two-day seminar may start on `day`: both days are weekdays and not holidays.
pub(super) fn is_seminar_start(day: NaiveDate) -> bool {
    let next = day + Duration::days(1);
    matches!(
        day.weekday(),
        Weekday::Mon | Weekday::Tue | Weekday::Wed | Weekday::Thu
    ) && holiday_name(day).is_none()
        && holiday_name(next).is_none()
}

/// A time known valid; only used in constants, so a mistake fails the build, not a run.
pub(super) const fn hm(hour: u32, minute: u32) -> NaiveTime {
    match NaiveTime::from_hms_opt(hour, minute, 0) {
        Some(time) => time,
        None => panic!("invalid time in a constant"),
    }
}

/// A Paris wall-clock time in UTC (summer time from the last Sunday of March to the last
/// Sunday of October).
pub(super) fn paris_to_utc(date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    crate::domain::clock::to_utc(date, time)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn paris_time_follows_summer_time() {
        let nine = hm(9, 0);
        // 2026: summer time from 29 March to 25 October.
        assert_eq!(
            paris_to_utc(date(2026, 3, 27), nine).to_rfc3339(),
            "2026-03-27T08:00:00+00:00"
        );
        assert_eq!(
            paris_to_utc(date(2026, 3, 30), nine).to_rfc3339(),
            "2026-03-30T07:00:00+00:00"
        );
        assert_eq!(
            paris_to_utc(date(2026, 10, 23), nine).to_rfc3339(),
            "2026-10-23T07:00:00+00:00"
        );
        assert_eq!(
            paris_to_utc(date(2026, 10, 26), nine).to_rfc3339(),
            "2026-10-26T08:00:00+00:00"
        );
    }

    #[test]
    fn seminars_start_on_a_working_pair_of_days() {
        assert!(is_seminar_start(date(2026, 11, 17))); // Tuesday
        assert!(!is_seminar_start(date(2026, 11, 20))); // Friday: Saturday follows
        assert!(!is_seminar_start(date(2026, 11, 10))); // Tuesday before Armistice
        assert!(!is_seminar_start(date(2026, 4, 6))); // Easter Monday
    }
}
