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

/// A time typed as `HH:MM` (`9:30` too).
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn times_as_hours_and_minutes() {
        assert_eq!(parse_time("14:30"), NaiveTime::from_hms_opt(14, 30, 0));
        assert_eq!(parse_time("9:05"), NaiveTime::from_hms_opt(9, 5, 0));
        for bad in ["", "25:00", "14h30", "14", "12:60"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }
}
