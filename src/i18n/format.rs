//! How each language writes what a person reads: hours, rates, dates, times, days ago, the
//! space before a colon, and "de" before a name. Every screen, every document meant for people
//! and every command writes these through here, so that "14,5 h" is never "14.5" elsewhere.
//!
//! The rules, chosen once:
//! - hours are decimal, at most two places, no trailing zero: "14,5 h", "126 h", "7,33 h"
//!   ("14.5 h" in English);
//! - a rate has one decimal and a space that never breaks: "98,4 %" ("98.4 %");
//! - dates are dd/mm/yyyy in both languages, a day of this year dd/mm, times hh:mm in Paris;
//! - an instant is "le 08/12 à 09:10" ("on 08/12 at 09:10");
//! - days ago are "aujourd'hui", "hier", "il y a 3 j" ("today", "yesterday", "3 d ago"), never
//!   "il y a 0 j";
//! - French puts a no-break space (U+00A0, [`NBSP`]) before ":", ";", "!", "?" and "%"; English
//!   puts nothing before ":" and a plain space before "%";
//! - "de" is elided before a vowel, accented or not: "d'Inès", "de Léa" ([`de`]);
//! - French quotes a name « thus », with no-break spaces inside ([`guillemets`]).

use super::Lang;
use super::numbers::decimal;
pub use super::numbers::{NBSP, percent};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

/// `text` in French quotes, with the no-break spaces inside them: « texte ».
pub fn guillemets(text: &str) -> String {
    format!("«{NBSP}{text}{NBSP}»")
}

/// A number with at most `places` decimals and no trailing zero: "14,5", "126", "7,33".
pub fn trimmed(value: f64, places: usize, lang: Lang) -> String {
    let text = decimal(value, places, lang);
    let separator = match lang {
        Lang::Fr => ',',
        Lang::En => '.',
    };
    if text.contains(separator) {
        let text = text.trim_end_matches('0');
        text.trim_end_matches(separator).to_owned()
    } else {
        text
    }
}

/// Minutes as a number of hours, without the unit: "14,5", "126".
pub fn hours_number(minutes: u32, lang: Lang) -> String {
    trimmed(f64::from(minutes) / 60.0, 2, lang)
}

/// Minutes as hours with the unit: "14,5 h" ("14.5 h"). The space never breaks.
pub fn hours(minutes: u32, lang: Lang) -> String {
    format!("{}{NBSP}h", hours_number(minutes, lang))
}

/// A rate in percent, or a dash when there is none yet.
pub fn rate(value: Option<f64>, lang: Lang) -> String {
    value.map_or_else(|| "–".to_owned(), |v| percent(v, lang))
}

/// A date: "08/12/2026".
pub fn date(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

/// A day and month: "08/12".
pub fn day_month(day: NaiveDate) -> String {
    day.format("%d/%m").to_string()
}

/// A time of day: "09:10".
pub fn time(at: NaiveTime) -> String {
    at.format("%H:%M").to_string()
}

/// An instant in Paris time, with its day: "le 08/12 à 09:10" ("on 08/12 at 09:10").
pub fn on_day_at(at: DateTime<Utc>, lang: Lang) -> String {
    let local = crate::domain::clock::local(at);
    day_at(&day_month(local.date()), &time(local.time()), lang)
}

/// An instant in Paris time with the full date: "le 08/12/2026 à 09:10".
pub fn on_date_at(at: DateTime<Utc>, lang: Lang) -> String {
    let local = crate::domain::clock::local(at);
    day_at(&date(local.date()), &time(local.time()), lang)
}

/// A date and a time of day: "le 15/01/2030 à 14:00" ("on 15/01/2030 at 14:00").
pub fn date_at(day: NaiveDate, hour: NaiveTime, lang: Lang) -> String {
    day_at(&date(day), &time(hour), lang)
}

fn day_at(day: &str, hour: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("le {day} à {hour}"),
        Lang::En => format!("on {day} at {hour}"),
    }
}

/// How long ago a day was, from a count of days: "aujourd'hui", "hier", "il y a 3 j"; a day to
/// come reads "dans 3 j".
pub fn days_ago(days: i64, lang: Lang) -> String {
    match (lang, days) {
        (Lang::Fr, 0) => "aujourd'hui".to_owned(),
        (Lang::Fr, 1) => "hier".to_owned(),
        (Lang::Fr, -1) => "demain".to_owned(),
        (Lang::Fr, n) if n < 0 => format!("dans {}{NBSP}j", n.unsigned_abs()),
        (Lang::Fr, n) => format!("il y a {n}{NBSP}j"),
        (Lang::En, 0) => "today".to_owned(),
        (Lang::En, 1) => "yesterday".to_owned(),
        (Lang::En, -1) => "tomorrow".to_owned(),
        (Lang::En, n) if n < 0 => format!("in {} d", n.unsigned_abs()),
        (Lang::En, n) => format!("{n} d ago"),
    }
}

/// A label before its value: "Accueil :" with a no-break space in French, "Host:" in English.
pub fn label(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{}{NBSP}:", text.trim_end()),
        Lang::En => format!("{}:", text.trim_end()),
    }
}

/// French text with the spaces before ":", ";", "!", "?" and "%" made unbreakable, and one
/// added where there was none. A colon between digits (a time, "09:10") or inside a word (an
/// address, "https://") is left alone, and so is a "!" or "?" doubled or closing a quote.
pub fn french_spaces(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let high = matches!(c, ':' | ';' | '!' | '?' | '%');
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        let ends_a_word = after.is_none_or(|a| a.is_whitespace() || matches!(a, '»' | ')' | '"'));
        if high && ends_a_word {
            match before {
                Some(' ') => {
                    out.pop();
                    out.push(NBSP);
                }
                Some(b) if b == NBSP || b == '\u{202f}' => {}
                Some(b) if b.is_alphanumeric() || matches!(b, '»' | ')' | '}') => out.push(NBSP),
                _ => {}
            }
        }
        out.push(c);
    }
    out
}

/// "de" before a name, elided before a vowel or a mute "h": "d'Inès", "d'Yvon", "d'Hélène",
/// "de Léa". First names are read with a mute "h" ("d'Henri", "d'Hugo"), as French usage has it.
pub fn de(name: &str) -> String {
    if starts_with_vowel(name) {
        format!("d'{name}")
    } else {
        format!("de {name}")
    }
}

/// The part of who sealed in the planned trainer's stead, to follow her name: "co-trainer",
/// "remplaçant·e d'Inès Garnier".
pub fn seal_role(role: crate::domain::SealRole, planned: &str, lang: Lang) -> String {
    let msg = match role {
        crate::domain::SealRole::CoTrainer => super::Msg::SealRoleCoTrainer,
        crate::domain::SealRole::Substitute => super::Msg::SealRoleSubstitute,
    };
    super::fill(msg.text(lang), &[("planned", planned)])
}

/// Who sealed, with her part when she is not the planned trainer: "Yannick Le Goff,
/// remplaçant·e d'Hélène Marchetti".
pub fn sealer(
    name: &str,
    role: Option<crate::domain::SealRole>,
    planned: &str,
    lang: Lang,
) -> String {
    match role {
        Some(role) => format!("{name}, {}", seal_role(role, planned, lang)),
        None => name.to_owned(),
    }
}

/// "que" before a word, elided before a vowel: "qu'Inès".
pub fn que(word: &str) -> String {
    if starts_with_vowel(word) {
        format!("qu'{word}")
    } else {
        format!("que {word}")
    }
}

fn starts_with_vowel(word: &str) -> bool {
    let word = word.strip_prefix(['h', 'H']).unwrap_or(word);
    word.chars().next().is_some_and(|c| {
        let folded = crate::domain::fold::fold(&c.to_string());
        folded
            .chars()
            .next()
            .is_some_and(|f| matches!(f, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn hours_are_decimal_in_both_languages() {
        assert_eq!(hours(870, Lang::Fr), "14,5\u{a0}h");
        assert_eq!(hours(870, Lang::En), "14.5\u{a0}h");
        assert_eq!(hours(126 * 60, Lang::Fr), "126\u{a0}h");
        assert_eq!(hours(440, Lang::Fr), "7,33\u{a0}h");
        assert_eq!(hours(0, Lang::Fr), "0\u{a0}h");
        assert_eq!(hours_number(6090, Lang::Fr), "101,5");
    }

    #[test]
    fn rates_and_dates() {
        assert_eq!(rate(Some(9.31), Lang::Fr), "9,3\u{a0}%");
        assert_eq!(rate(None, Lang::Fr), "–");
        let day = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
        assert_eq!(date(day), "08/12/2026");
        assert_eq!(day_month(day), "08/12");
    }

    #[test]
    fn an_instant_reads_le_day_a_time() {
        let at = "2026-12-08T08:10:00Z".parse().unwrap();
        assert_eq!(on_day_at(at, Lang::Fr), "le 08/12 à 09:10");
        assert_eq!(on_day_at(at, Lang::En), "on 08/12 at 09:10");
        assert_eq!(on_date_at(at, Lang::Fr), "le 08/12/2026 à 09:10");
    }

    #[test]
    fn days_ago_never_says_zero() {
        assert_eq!(days_ago(0, Lang::Fr), "aujourd'hui");
        assert_eq!(days_ago(1, Lang::Fr), "hier");
        assert_eq!(days_ago(3, Lang::Fr), "il y a 3\u{a0}j");
        assert_eq!(days_ago(-2, Lang::Fr), "dans 2\u{a0}j");
        assert_eq!(days_ago(0, Lang::En), "today");
        assert_eq!(days_ago(3, Lang::En), "3 d ago");
    }

    #[test]
    fn elision_before_vowels_accented_or_not() {
        assert_eq!(de("Inès"), "d'Inès");
        assert_eq!(de("Élodie"), "d'Élodie");
        assert_eq!(de("Yvon"), "d'Yvon");
        assert_eq!(de("Léa"), "de Léa");
        assert_eq!(de("Hugo"), "d'Hugo");
        assert_eq!(de("Hélène"), "d'Hélène");
        assert_eq!(de("H"), "de H");
        assert_eq!(de(""), "de ");
        assert_eq!(que("Inès"), "qu'Inès");
    }

    #[test]
    fn a_substitute_is_named_with_the_planned_trainer_elided() {
        use crate::domain::SealRole::{CoTrainer, Substitute};
        let fr = sealer(
            "Yannick Le Goff",
            Some(Substitute),
            "Inès Garnier",
            Lang::Fr,
        );
        assert_eq!(fr, "Yannick Le Goff, remplaçant·e d'Inès Garnier");
        let en = sealer(
            "Yannick Le Goff",
            Some(Substitute),
            "Inès Garnier",
            Lang::En,
        );
        assert_eq!(en, "Yannick Le Goff, substitute for Inès Garnier");
        assert_eq!(
            sealer("Sabine Roux", Some(CoTrainer), "Léa Moreau", Lang::Fr),
            "Sabine Roux, co-formateur·rice"
        );
        assert_eq!(
            sealer("Léa Moreau", None, "Léa Moreau", Lang::Fr),
            "Léa Moreau"
        );
    }

    #[test]
    fn labels_and_french_spaces() {
        assert_eq!(label("Accueil", Lang::Fr), "Accueil\u{a0}:");
        assert_eq!(label("Host", Lang::En), "Host:");
        assert_eq!(
            french_spaces("Offres : deux; Accueil: vu ! 98,4 % à 09:10 https://x.fr"),
            "Offres\u{a0}: deux\u{a0}; Accueil\u{a0}: vu\u{a0}! 98,4\u{a0}% à 09:10 https://x.fr"
        );
        assert_eq!(french_spaces("« quoi ? »"), "« quoi\u{a0}? »");
    }

    proptest! {
        #[test]
        fn hours_read_back_to_the_same_minutes_within_a_minute(minutes in 0u32..1_000_000) {
            for lang in [Lang::Fr, Lang::En] {
                let text = hours_number(minutes, lang).replace(',', ".");
                let back: f64 = text.parse().unwrap();
                prop_assert!((back * 60.0 - f64::from(minutes)).abs() <= 0.3 + 1e-9);
                let tidy = !(text.ends_with('.') || text.contains('.') && text.ends_with('0'));
                prop_assert!(tidy);
            }
            prop_assert!(!hours(minutes, Lang::Fr).contains('.'));
        }

        #[test]
        fn days_ago_never_shows_zero_or_a_minus(days in -10_000i64..10_000) {
            for lang in [Lang::Fr, Lang::En] {
                let text = days_ago(days, lang);
                prop_assert!(!text.contains(" 0") && !text.starts_with('0') && !text.contains('-'));
            }
        }

        #[test]
        fn french_spaces_only_changes_spaces(text in "[a-zé :;!?%0-9/\u{a0}]{0,40}") {
            let fixed = french_spaces(&text);
            let strip = |s: &str| s.chars().filter(|c| *c != ' ' && *c != NBSP).collect::<String>();
            prop_assert_eq!(strip(&fixed), strip(&text));
            prop_assert_eq!(french_spaces(&fixed), fixed.clone());
        }

        #[test]
        fn de_keeps_the_name_whole(name in "\\PC{0,20}") {
            let text = de(&name);
            prop_assert!(text.ends_with(&name));
            let elided = text == format!("d'{name}") || text == format!("de {name}");
            prop_assert!(elided);
        }
    }
}
