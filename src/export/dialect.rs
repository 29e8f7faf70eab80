//! The two ways Cercle writes CSV. French spreadsheets (Excel and `LibreOffice` set to French)
//! split on semicolons, read a file as UTF-8 only when it starts with a byte-order mark, and
//! write decimals with a comma; programs expect RFC 4180: commas, no mark, a decimal point.

use crate::i18n::Lang;

/// The byte-order mark that tells a spreadsheet the file is UTF-8.
pub const BOM: &str = "\u{feff}";

/// How a CSV file is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// What a French spreadsheet opens cleanly: `;`, a BOM, decimal commas, French headers,
    /// dd/mm/yyyy dates, and codes kept as text.
    French,
    /// RFC 4180: `,`, no BOM, decimal points, English headers, ISO dates.
    Rfc,
}

impl Dialect {
    /// The dialect that goes with the interface language: French for French, RFC otherwise.
    pub fn of(lang: Lang) -> Self {
        match lang {
            Lang::Fr => Self::French,
            Lang::En => Self::Rfc,
        }
    }

    /// The field separator.
    pub fn delimiter(self) -> u8 {
        match self {
            Self::French => b';',
            Self::Rfc => b',',
        }
    }

    /// What the file starts with: the BOM in French, nothing otherwise.
    pub fn preamble(self) -> &'static str {
        match self {
            Self::French => BOM,
            Self::Rfc => "",
        }
    }

    /// A decimal number with at most two decimals and no trailing zeros: "14,5" in French,
    /// "14.5" otherwise.
    pub fn number(self, value: f64) -> String {
        let text = format!("{value:.2}");
        let text = text.trim_end_matches('0').trim_end_matches('.');
        match self {
            Self::French => text.replace('.', ","),
            Self::Rfc => text.to_owned(),
        }
    }

    /// A code (a module's "1.1", a département's "02") as a cell that stays text. A French
    /// spreadsheet reads `02` as the number 2 and `1.1` as a date: the cell is written as the
    /// text formula `="02"`, which Excel and `LibreOffice` both show as `02`. The formula holds
    /// only a quoted string (its quotes doubled), so it never runs anything. The RFC form
    /// writes the code as it is, for programs.
    pub fn code(self, code: &str) -> String {
        match self {
            Self::French if !code.is_empty() => format!(
                "=\"{}\"",
                crate::domain::text::visible_lines(code).replace('"', "\"\"")
            ),
            _ => super::csv_cell(code).into_owned(),
        }
    }
}

/// The text of a cell as a spreadsheet shows it: a code written as `="02"` is `02`, a cell our
/// formula guard starts with `'` is read without it; anything else as it is.
pub fn unguard(cell: &str) -> String {
    if let Some(inner) = cell
        .strip_prefix("=\"")
        .and_then(|rest| rest.strip_suffix('"'))
    {
        return inner.replace("\"\"", "\"");
    }
    cell.strip_prefix('\'')
        .filter(|rest| rest.starts_with(super::FORMULA_STARTS))
        .unwrap_or(cell)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_take_a_comma_in_french_and_a_point_otherwise() {
        assert_eq!(Dialect::French.number(14.5), "14,5");
        assert_eq!(Dialect::Rfc.number(14.5), "14.5");
        assert_eq!(Dialect::French.number(7.0), "7");
        assert_eq!(Dialect::French.number(2.0 / 3.0), "0,67");
    }

    #[test]
    fn codes_stay_text_and_come_back_as_typed() {
        assert_eq!(Dialect::French.code("02"), "=\"02\"");
        assert_eq!(Dialect::Rfc.code("02"), "02");
        for code in ["02", "1.1", "2A", "a\"b", "=HYPERLINK(\"x\")", ""] {
            assert_eq!(unguard(&Dialect::French.code(code)), code);
        }
        assert_eq!(unguard("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(unguard("'ok"), "'ok");
    }
}
