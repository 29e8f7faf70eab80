//! `serde_json`'s words for what is wrong with a document, in the user's language.
//!
//! `serde_json` says what it met in English, from a fixed list for the syntax and a few patterns
//! for the shape (``missing field `x` ``). French gets each of them in French, the names and values
//! quoted as found; anything else is shown as `serde_json` wrote it.

use super::Lang;
use super::format::guillemets;

/// `serde_json`'s syntax messages, and their French.
const SYNTAX: &[(&str, &str)] = &[
    (
        "EOF while parsing a list",
        "fin du fichier au milieu d'une liste",
    ),
    (
        "EOF while parsing an object",
        "fin du fichier au milieu d'un objet",
    ),
    (
        "EOF while parsing a string",
        "fin du fichier au milieu d'un texte",
    ),
    (
        "EOF while parsing a value",
        "fin du fichier avant une valeur",
    ),
    ("expected `:`", "«\u{a0}:\u{a0}» attendu"),
    (
        "expected `,` or `]`",
        "«\u{a0},\u{a0}» ou «\u{a0}]\u{a0}» attendu",
    ),
    (
        "expected `,` or `}`",
        "«\u{a0},\u{a0}» ou «\u{a0}}\u{a0}» attendu",
    ),
    (
        "expected ident",
        "mot inconnu (true, false ou null attendu)",
    ),
    ("expected value", "une valeur est attendue"),
    ("expected `\"`", "«\u{a0}\"\u{a0}» attendu"),
    ("invalid escape", "séquence d'échappement invalide"),
    ("invalid number", "nombre invalide"),
    ("number out of range", "nombre hors limites"),
    (
        "invalid unicode code point",
        "point de code Unicode invalide",
    ),
    (
        "control character (\\u0000-\\u001F) found while parsing a string",
        "caractère de contrôle (\\u0000-\\u001F) dans un texte",
    ),
    (
        "key must be a string",
        "une clé doit être un texte entre guillemets",
    ),
    (
        "lone leading surrogate in hex escape",
        "demi-caractère Unicode isolé",
    ),
    ("trailing comma", "virgule en trop"),
    ("trailing characters", "caractères après la fin du document"),
    ("unexpected end of hex escape", "séquence \\u incomplète"),
    ("recursion limit exceeded", "imbrication trop profonde"),
    // chrono's, on a date or a time it cannot read.
    ("input contains invalid characters", "caractères inattendus"),
    ("premature end of input", "texte trop court"),
    ("input is out of range", "valeur hors limites"),
    ("trailing input", "texte en trop à la fin"),
    (
        "no possible date and time matching input",
        "aucune date ni heure ne correspond",
    ),
    (
        "input is not enough for unique date and time",
        "il manque de quoi fixer la date et l'heure",
    ),
];

/// serde's messages about the shape, by how they start, and their French; `{0}` is the rest of
/// the message up to the first comma (a name in backquotes, or a value), `{1}` what follows
/// "expected".
const SHAPE: &[(&str, &str)] = &[
    (
        "not an RFC 3339 date and time: ",
        "pas une date et heure au format RFC 3339\u{a0}: {0}",
    ),
    ("missing field ", "le champ {0} manque"),
    ("unknown field ", "champ inconnu {0}"),
    ("duplicate field ", "le champ {0} est donné deux fois"),
    (
        "unknown variant ",
        "valeur inconnue {0}, attendu\u{a0}: {1}",
    ),
    (
        "invalid type: ",
        "type inattendu\u{a0}: {0}, attendu\u{a0}: {1}",
    ),
    (
        "invalid value: ",
        "valeur invalide\u{a0}: {0}, attendu\u{a0}: {1}",
    ),
    (
        "invalid length ",
        "longueur invalide\u{a0}: {0}, attendu\u{a0}: {1}",
    ),
];

/// `serde_json`'s `detail` (without its position) in `lang`.
pub fn json_detail(detail: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return detail.to_owned();
    }
    if let Some((_, fr)) = SYNTAX.iter().find(|(en, _)| *en == detail) {
        return (*fr).to_owned();
    }
    for (start, fr) in SHAPE {
        let Some(rest) = detail.strip_prefix(start) else {
            continue;
        };
        let (what, expected) = match rest.split_once(", expected ") {
            Some(split) => split,
            // Said otherwise than this pattern knows ("there are no variants"): as it is.
            None if fr.contains("{1}") => return detail.to_owned(),
            None => (rest, ""),
        };
        // One pass, so that a `{1}` inside a field's name is never filled.
        return fr
            .split("{0}")
            .map(|part| part.replace("{1}", &expected_fr(expected)))
            .collect::<Vec<_>>()
            .join(&found(what));
    }
    detail.to_owned()
}

/// What serde put in backquotes (`` `name` ``), without them.
fn unticked(text: &str) -> Option<&str> {
    text.strip_prefix('`')
        .and_then(|t| t.strip_suffix('`'))
        .filter(|t| !t.contains('`'))
}

/// A name serde put in backquotes, in French quotes; anything else as it is.
fn quoted(text: &str) -> String {
    unticked(text).map_or_else(|| text.to_owned(), guillemets)
}

/// What serde met (`string "x"`, ``integer `5` ``, a name in backquotes), in French.
fn found(text: &str) -> String {
    const KINDS: &[(&str, &str)] = &[
        ("string ", "le texte "),
        ("integer ", "l'entier "),
        ("floating point ", "le nombre "),
        ("boolean ", "le booléen "),
        ("character ", "le caractère "),
    ];
    for (en, fr) in KINDS {
        if let Some(value) = text.strip_prefix(en) {
            return format!("{fr}{}", unticked(value).unwrap_or(value));
        }
    }
    match text {
        "sequence" => "une liste".to_owned(),
        "map" => "un objet".to_owned(),
        "null" | "unit value" | "Option value" => "null".to_owned(),
        _ => quoted(text),
    }
}

/// What serde expected: a type, a description from a reader of ours, or names in backquotes.
fn expected_fr(text: &str) -> String {
    const SAID: &[(&str, &str)] = &[
        ("a string", "un texte"),
        ("a boolean", "un booléen (true ou false)"),
        ("a sequence", "une liste"),
        ("a map", "un objet"),
        ("an object", "un objet"),
        (
            "an RFC 3339 date and time",
            "une date et heure au format RFC 3339",
        ),
        (
            "an RFC 3339 date and time, or null",
            "une date et heure au format RFC 3339, ou null",
        ),
        ("a person's id", "l'identifiant d'une personne"),
        (
            "a list of evaluations, one evaluation, or null",
            "une liste d'évaluations, une évaluation, ou null",
        ),
        ("a formatted date string", "une date (AAAA-MM-JJ)"),
        ("a formatted time string", "une heure (HH:MM:SS)"),
    ];
    if let Some((_, fr)) = SAID.iter().find(|(en, _)| *en == text) {
        return (*fr).to_owned();
    }
    let number = |prefix: char| {
        text.strip_prefix(prefix)
            .is_some_and(|bits| ["8", "16", "32", "64", "128", "size"].contains(&bits))
    };
    match text {
        "u8" => return "un entier de 0 à 255".to_owned(),
        "u16" => return "un entier de 0 à 65\u{202f}535".to_owned(),
        _ if number('u') => return "un entier positif ou nul".to_owned(),
        _ if number('i') => return "un entier".to_owned(),
        _ => {}
    }
    if text == "f32" || text == "f64" {
        return "un nombre".to_owned();
    }
    if text.starts_with("struct ") || text.starts_with("a struct ") {
        return "un objet".to_owned();
    }
    if let Some(names) = text.strip_prefix("one of ") {
        return format!(
            "l'une des valeurs {}",
            names.split(", ").map(quoted).collect::<Vec<_>>().join(", ")
        );
    }
    if let Some((one, other)) = text.split_once(" or ") {
        return format!("{} ou {}", quoted(one), quoted(other));
    }
    quoted(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `serde_json` says of `text`, without the position.
    fn said<T: serde::de::DeserializeOwned>(text: &str) -> String {
        let error = serde_json::from_str::<T>(text).err().unwrap().to_string();
        error
            .rsplit_once(" at line ")
            .map_or(error.clone(), |(m, _)| m.to_owned())
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Mark {
        status: Status,
        hours: u8,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Status {
        Present,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Period {
        Morning,
        Afternoon,
        Evening,
    }

    #[derive(Debug, serde::Deserialize)]
    enum Never {}

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Marked {
        #[serde(deserialize_with = "crate::domain::timestamp::utc")]
        at: chrono::DateTime<chrono::Utc>,
    }

    #[test]
    fn what_the_records_and_chrono_say_is_translated_too() {
        use crate::domain::PersonId;
        use chrono::NaiveDate;
        let cases = [
            said::<Period>(r#""night""#),
            said::<NaiveDate>(r#""2026-02-30""#),
            said::<NaiveDate>(r#""hier""#),
            said::<NaiveDate>(r#""2026-03""#),
            said::<NaiveDate>(r#""2026-03-02x""#),
            said::<Marked>(r#"{"at": "hier"}"#),
            said::<Marked>(r#"{"at": 5}"#),
            said::<PersonId>("5"),
            said::<bool>(r#""oui""#),
            said::<Mark>(r#""x""#),
            said::<Vec<u8>>("{}"),
            said::<Never>(r#""x""#),
        ];
        let french: Vec<String> = cases.iter().map(|c| json_detail(c, Lang::Fr)).collect();
        assert_eq!(
            french,
            [
                "valeur inconnue «\u{a0}night\u{a0}», attendu\u{a0}: l'une des valeurs «\u{a0}morning\u{a0}», «\u{a0}afternoon\u{a0}», «\u{a0}evening\u{a0}»",
                "valeur hors limites",
                "caractères inattendus",
                "texte trop court",
                "texte en trop à la fin",
                "pas une date et heure au format RFC 3339\u{a0}: \"hier\"",
                "type inattendu\u{a0}: l'entier 5, attendu\u{a0}: une date et heure au format RFC 3339",
                "type inattendu\u{a0}: l'entier 5, attendu\u{a0}: l'identifiant d'une personne",
                "type inattendu\u{a0}: le texte \"oui\", attendu\u{a0}: un booléen (true ou false)",
                "type inattendu\u{a0}: le texte \"x\", attendu\u{a0}: un objet",
                "type inattendu\u{a0}: un objet, attendu\u{a0}: une liste",
                // Said otherwise than the pattern knows: left as serde said it.
                "unknown variant `x`, there are no variants",
            ]
        );
    }

    #[test]
    fn the_messages_serde_json_writes_are_the_ones_translated() {
        let cases = [
            said::<serde_json::Value>("{\n oops\n}"),
            said::<serde_json::Value>("[1, 2"),
            said::<serde_json::Value>("{\"a\" 1}"),
            said::<serde_json::Value>("[1,]"),
            said::<serde_json::Value>("[1] x"),
            said::<Mark>(r#"{"status": "present"}"#),
            said::<Mark>(r#"{"status": "present", "hours": 1, "by": 2}"#),
            said::<Mark>(r#"{"status": "gone", "hours": 1}"#),
            said::<Mark>(r#"{"status": "present", "hours": "two"}"#),
            said::<Mark>(r#"{"status": "present", "hours": 300}"#),
        ];
        let french: Vec<String> = cases.iter().map(|c| json_detail(c, Lang::Fr)).collect();
        assert_eq!(
            french,
            [
                "une clé doit être un texte entre guillemets",
                "fin du fichier au milieu d'une liste",
                "«\u{a0}:\u{a0}» attendu",
                "virgule en trop",
                "caractères après la fin du document",
                "le champ «\u{a0}hours\u{a0}» manque",
                "champ inconnu «\u{a0}by\u{a0}»",
                "valeur inconnue «\u{a0}gone\u{a0}», attendu\u{a0}: «\u{a0}present\u{a0}»",
                "type inattendu\u{a0}: le texte \"two\", attendu\u{a0}: un entier de 0 à 255",
                "valeur invalide\u{a0}: l'entier 300, attendu\u{a0}: un entier de 0 à 255",
            ]
        );
        assert_eq!(json_detail(&cases[0], Lang::En), cases[0]);
    }
}
