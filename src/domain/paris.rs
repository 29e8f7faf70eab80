//! French local time (Europe/Paris) without a time-zone database: the programme runs in
//! metropolitan France, whose rule has been the EU's since 1996.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};

/// The last Sunday of a month.
fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }?;
    let last = first_of_next.pred_opt()?;
    let back = i64::from(last.weekday().num_days_from_sunday());
    Some(last - Duration::days(back))
}

/// Whether summer time is in force at this instant: from the last Sunday of March to the last
/// Sunday of October, at 01:00 UTC both times.
pub fn is_summer_time(at: DateTime<Utc>) -> bool {
    let year = at.year();
    let start = last_sunday(year, 3).and_then(|d| d.and_hms_opt(1, 0, 0));
    let end = last_sunday(year, 10).and_then(|d| d.and_hms_opt(1, 0, 0));
    match (start, end) {
        (Some(start), Some(end)) => {
            let naive = at.naive_utc();
            naive >= start && naive < end
        }
        _ => false,
    }
}

/// A Paris wall-clock time in UTC. The switch days count as their new season: the switch
/// happens at night, when no seminar or session is held.
pub fn to_utc(date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let summer = last_sunday(date.year(), 3).is_some_and(|start| start <= date)
        && last_sunday(date.year(), 10).is_some_and(|end| date < end);
    let offset = if summer { 2 } else { 1 };
    (date.and_time(time) - Duration::hours(offset)).and_utc()
}

/// The wall-clock time in Paris at a UTC instant.
pub fn local(at: DateTime<Utc>) -> NaiveDateTime {
    let hours = if is_summer_time(at) { 2 } else { 1 };
    at.naive_utc() + Duration::hours(hours)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn last_sundays_of_march_and_october() {
        assert_eq!(last_sunday(2026, 3), NaiveDate::from_ymd_opt(2026, 3, 29));
        assert_eq!(last_sunday(2026, 10), NaiveDate::from_ymd_opt(2026, 10, 25));
        assert_eq!(last_sunday(2024, 3), NaiveDate::from_ymd_opt(2024, 3, 31));
        assert_eq!(last_sunday(2025, 12), NaiveDate::from_ymd_opt(2025, 12, 28));
        assert!(last_sunday(2027, 10).is_some_and(|d| d.weekday() == chrono::Weekday::Sun));
    }

    #[test]
    fn winter_is_utc_plus_one_and_summer_utc_plus_two() {
        assert_eq!(
            local(utc(2026, 11, 24, 8, 30)).to_string(),
            "2026-11-24 09:30:00"
        );
        assert_eq!(
            local(utc(2026, 7, 1, 8, 30)).to_string(),
            "2026-07-01 10:30:00"
        );
        // The switches happen at 01:00 UTC.
        assert!(!is_summer_time(utc(2026, 3, 29, 0, 59)));
        assert!(is_summer_time(utc(2026, 3, 29, 1, 0)));
        assert!(is_summer_time(utc(2026, 10, 25, 0, 59)));
        assert!(!is_summer_time(utc(2026, 10, 25, 1, 0)));
    }
}
