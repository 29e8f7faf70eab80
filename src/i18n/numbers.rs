//! Numbers as each language writes them: a decimal comma and a non-breaking space before `%`
//! in French ("98,4 %", "14,5 h"), a decimal point in English ("98.4 %", "14.5 h").

use super::Lang;

/// The space French puts before `%`, `:` and the like: it never breaks a line there.
pub const NBSP: char = '\u{a0}';

/// A number with `places` decimals, in the language's way.
pub fn decimal(value: f64, places: usize, lang: Lang) -> String {
    let text = format!("{value:.places$}");
    match lang {
        Lang::Fr => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A rate in percent with one decimal: "98,4 %" in French, "98.4 %" in English.
pub fn percent(value: f64, lang: Lang) -> String {
    let space = match lang {
        Lang::Fr => NBSP,
        Lang::En => ' ',
    };
    format!("{}{space}%", decimal(value, 1, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_writes_a_comma_and_an_unbreakable_space() {
        assert_eq!(percent(98.44, Lang::Fr), "98,4\u{a0}%");
        assert_eq!(percent(98.44, Lang::En), "98.4 %");
        assert_eq!(decimal(14.5, 1, Lang::Fr), "14,5");
        assert_eq!(decimal(14.5, 1, Lang::En), "14.5");
    }
}
