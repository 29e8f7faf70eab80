//! The one clock. Instants are stored in UTC; every time a person reads or types is Paris time,
//! from the IANA time-zone database, whatever the machine's own zone is set to.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// The programme's time zone: metropolitan France.
pub const ZONE: Tz = chrono_tz::Europe::Paris;

/// The environment variable that sets the clock for a whole run (RFC 3339), for demonstrations
/// and end-to-end tests: `CERCLE_NOW=2026-12-08T08:10:00Z`.
pub const NOW_VARIABLE: &str = "CERCLE_NOW";

/// Where "now" comes from: the system's clock, or a fixed instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Clock {
    /// The machine's clock.
    #[default]
    System,
    /// Always this instant.
    Fixed(DateTime<Utc>),
}

impl Clock {
    /// The clock a run uses: fixed by [`NOW_VARIABLE`] when it holds an instant, else the
    /// system's.
    pub fn from_env() -> Self {
        std::env::var(NOW_VARIABLE)
            .ok()
            .and_then(|text| DateTime::parse_from_rfc3339(text.trim()).ok())
            .map_or(Self::System, |at| Self::Fixed(at.with_timezone(&Utc)))
    }

    /// The present instant.
    pub fn now(self) -> DateTime<Utc> {
        match self {
            Self::System => Utc::now(),
            Self::Fixed(at) => at,
        }
    }

    /// Today in Paris.
    pub fn today(self) -> NaiveDate {
        today(self.now())
    }
}

/// The present instant, from the clock of this run ([`Clock::from_env`]).
pub fn now() -> DateTime<Utc> {
    Clock::from_env().now()
}

/// The wall-clock time in Paris at an instant.
pub fn local(at: DateTime<Utc>) -> NaiveDateTime {
    at.with_timezone(&ZONE).naive_local()
}

/// The date in Paris at an instant.
pub fn today(at: DateTime<Utc>) -> NaiveDate {
    local(at).date()
}

/// The instant of a Paris wall-clock time. In the autumn's repeated hour the first one is
/// taken; a time in the spring's skipped hour is read an hour later, as a clock set forward
/// shows it. Both happen at night, when no seminar or session is held.
pub fn to_utc(date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let wall = date.and_time(time);
    ZONE.from_local_datetime(&wall)
        .earliest()
        .or_else(|| {
            ZONE.from_local_datetime(&(wall + Duration::hours(1)))
                .earliest()
        })
        .map_or_else(|| wall.and_utc(), |at| at.with_timezone(&Utc))
}

/// The offset from UTC in force in Paris at an instant, in seconds.
pub fn offset_seconds(at: DateTime<Utc>) -> i32 {
    use chrono::Offset;
    at.with_timezone(&ZONE).offset().fix().local_minus_utc()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn paris_is_one_hour_ahead_in_winter_and_two_in_summer() {
        assert_eq!(
            local(utc(2026, 12, 8, 8, 10)).time(),
            NaiveTime::from_hms_opt(9, 10, 0).unwrap()
        );
        assert_eq!(
            local(utc(2026, 7, 8, 7, 10)).time(),
            NaiveTime::from_hms_opt(9, 10, 0).unwrap()
        );
    }

    #[test]
    fn the_switches_happen_at_one_utc_on_the_last_sundays() {
        assert_eq!(offset_seconds(utc(2026, 3, 29, 0, 59)), 3600);
        assert_eq!(offset_seconds(utc(2026, 3, 29, 1, 0)), 7200);
        assert_eq!(offset_seconds(utc(2026, 10, 25, 0, 59)), 7200);
        assert_eq!(offset_seconds(utc(2026, 10, 25, 1, 0)), 3600);
    }

    #[test]
    fn wall_times_round_trip_and_the_skipped_hour_moves_forward() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
        let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
        assert_eq!(to_utc(date, nine), utc(2026, 12, 8, 8, 0));
        let spring = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        let skipped = NaiveTime::from_hms_opt(2, 30, 0).unwrap();
        assert_eq!(
            local(to_utc(spring, skipped)).time(),
            NaiveTime::from_hms_opt(3, 30, 0).unwrap()
        );
    }

    #[test]
    fn the_date_turns_at_midnight_in_paris_not_in_utc() {
        assert_eq!(
            today(utc(2026, 12, 7, 23, 30)),
            NaiveDate::from_ymd_opt(2026, 12, 8).unwrap()
        );
    }

    #[test]
    fn a_fixed_clock_says_its_instant() {
        let at = utc(2026, 12, 8, 8, 10);
        assert_eq!(Clock::Fixed(at).now(), at);
        assert_eq!(
            Clock::Fixed(at).today(),
            NaiveDate::from_ymd_opt(2026, 12, 8).unwrap()
        );
    }
}
