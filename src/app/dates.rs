//! Dates and times as people type them in forms.

use chrono::{NaiveDate, NaiveTime};

/// A date typed as `YYYY-MM-DD` or `DD/MM/YYYY`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d/%m/%Y"))
        .ok()
        // chrono reads "26" as the year 26; nobody means that.
        .filter(|d| (1900..=2999).contains(&chrono::Datelike::year(d)))
}

/// A day typed without its year ("17/12", "17/12/"): the next such day from `today`, today
/// included; `None` for anything else, a full date included.
pub fn complete_date(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let text = text.trim().trim_end_matches('/');
    let (day, month) = text.split_once('/')?;
    let (day, month) = (day.trim().parse().ok()?, month.trim().parse().ok()?);
    let year = chrono::Datelike::year(&today);
    // A 29 February waits for the next leap year.
    (year..=year + 8)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|d| *d >= today)
}

/// A time typed as `HH:MM` (`9:30` too, and `9h30` or `14h` as French speakers write it).
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let text = text.trim().replace(['h', 'H'], ":");
    let text = if text.ends_with(':') {
        format!("{text}00")
    } else {
        text
    };
    NaiveTime::parse_from_str(&text, "%H:%M").ok()
}

/// Two times `HH:MM-HH:MM`, the first before the second.
pub fn parse_time_range(text: &str) -> Option<(NaiveTime, NaiveTime)> {
    let (from, to) = text.split_once('-')?;
    let (from, to) = (parse_time(from)?, parse_time(to)?);
    (from < to).then_some((from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_ranges_are_ordered() {
        let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
        let half_past_twelve = NaiveTime::from_hms_opt(12, 30, 0).unwrap();
        assert_eq!(
            parse_time_range("09:00-12:30"),
            Some((nine, half_past_twelve))
        );
        assert_eq!(parse_time_range("12:30-09:00"), None);
        assert_eq!(parse_time_range("09:00"), None);
    }

    #[test]
    fn dates_in_iso_or_french_order() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 3);
        assert_eq!(parse_date("2026-12-03"), day);
        assert_eq!(parse_date("03/12/2026"), day);
        assert_eq!(parse_date(" 3/12/2026 "), day);
        for bad in [
            "",
            "2026-13-01",
            "31/02/2026",
            "12/03",
            "tomorrow",
            "03/12/26",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_day_without_its_year_is_the_next_one() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(complete_date("17/12", today), day(2026, 12, 17));
        assert_eq!(
            complete_date("3/1", today),
            day(2027, 1, 3),
            "past: next year"
        );
        assert_eq!(
            complete_date("28/11", today),
            day(2026, 11, 28),
            "today counts"
        );
        assert_eq!(complete_date("29/02", today), day(2028, 2, 29));
        for bad in ["", "17", "32/12", "17/13", "17/12/2026", "a/b"] {
            assert_eq!(complete_date(bad, today), None, "{bad}");
        }
    }

    #[test]
    fn times_as_hours_and_minutes() {
        assert_eq!(parse_time("14:30"), NaiveTime::from_hms_opt(14, 30, 0));
        assert_eq!(parse_time("9:05"), NaiveTime::from_hms_opt(9, 5, 0));
        assert_eq!(parse_time("14h30"), NaiveTime::from_hms_opt(14, 30, 0));
        assert_eq!(parse_time("9h"), NaiveTime::from_hms_opt(9, 0, 0));
        for bad in ["", "25:00", "14", "12:60", "h"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }
}
