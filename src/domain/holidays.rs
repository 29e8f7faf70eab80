//! French public holidays (jours fériés), fixed and Easter-based: a sheet dated on one is rejected.

use chrono::{Datelike, Duration, NaiveDate};

/// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
#[allow(clippy::many_single_char_names)] // the letters of the published algorithm
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The national public holidays of metropolitan France in a year, with their French names.
pub fn holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let fixed = [
        (1, 1, "Jour de l'an"),
        (5, 1, "Fête du travail"),
        (5, 8, "Victoire 1945"),
        (7, 14, "Fête nationale"),
        (8, 15, "Assomption"),
        (11, 1, "Toussaint"),
        (11, 11, "Armistice 1918"),
        (12, 25, "Noël"),
    ];
    let mut days: Vec<(NaiveDate, &'static str)> = fixed
        .iter()
        .filter_map(|&(m, d, name)| NaiveDate::from_ymd_opt(year, m, d).map(|date| (date, name)))
        .collect();
    if let Some(easter) = easter_sunday(year) {
        days.push((easter + Duration::days(1), "Lundi de Pâques"));
        days.push((easter + Duration::days(39), "Ascension"));
        days.push((easter + Duration::days(50), "Lundi de Pentecôte"));
    }
    days.sort_unstable();
    days
}

/// The name of the public holiday falling on `date`, if it is one.
pub fn holiday_name(date: NaiveDate) -> Option<&'static str> {
    holidays(date.year())
        .into_iter()
        .find(|(d, _)| *d == date)
        .map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn easter_matches_the_published_dates() {
        let known = [
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2028, 4, 16),
            (2029, 4, 1),
            (2030, 4, 21),
        ];
        for (y, m, d) in known {
            assert_eq!(easter_sunday(y), Some(date(y, m, d)), "Easter {y}");
        }
    }

    #[test]
    fn easter_based_holidays_2024_to_2030() {
        // (Easter Monday, Ascension, Whit Monday) from the official French calendars.
        let known = [
            (2024, (4, 1), (5, 9), (5, 20)),
            (2025, (4, 21), (5, 29), (6, 9)),
            (2026, (4, 6), (5, 14), (5, 25)),
            (2027, (3, 29), (5, 6), (5, 17)),
            (2028, (4, 17), (5, 25), (6, 5)),
            (2029, (4, 2), (5, 10), (5, 21)),
            (2030, (4, 22), (5, 30), (6, 10)),
        ];
        for (y, monday, ascension, whit) in known {
            assert_eq!(
                holiday_name(date(y, monday.0, monday.1)),
                Some("Lundi de Pâques")
            );
            assert_eq!(
                holiday_name(date(y, ascension.0, ascension.1)),
                Some("Ascension")
            );
            assert_eq!(
                holiday_name(date(y, whit.0, whit.1)),
                Some("Lundi de Pentecôte")
            );
            assert_eq!(holidays(y).len(), 11, "eleven holidays in {y}");
        }
    }

    #[test]
    fn fixed_holidays_and_ordinary_days() {
        assert_eq!(holiday_name(date(2026, 7, 14)), Some("Fête nationale"));
        assert_eq!(holiday_name(date(2027, 11, 11)), Some("Armistice 1918"));
        assert_eq!(holiday_name(date(2026, 7, 15)), None);
        // Easter Sunday itself is a Sunday, not listed as a weekday holiday.
        assert_eq!(holiday_name(date(2026, 4, 5)), None);
    }
}
