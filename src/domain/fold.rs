//! Folding text for matching and for file names: one transliteration for every place, from
//! `deunicode`, which knows œ, æ, ñ, ø and the rest of Unicode.

/// Lower case without accents, for matching: "cafe" finds "Café", "coeur" finds "Cœur".
/// Characters with no Latin form (emoji, unknown scripts) are kept as they are.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match deunicode::deunicode_char(c) {
            // Only letters are transliterated: a symbol or an emoji would turn into words
            // ("coffee") that nobody typed.
            Some(plain) if c.is_alphabetic() && !plain.is_empty() => {
                out.extend(plain.chars().map(|p| p.to_ascii_lowercase()));
            }
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A name made safe for a file or an id: lower-case ASCII letters and digits, words joined by
/// `-` ("Zoé Lefèvre" gives "zoe-lefevre").
pub fn slug(text: &str) -> String {
    let folded = fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents_in_every_latin_letter() {
        assert_eq!(fold("Café Élan"), "cafe elan");
        assert_eq!(fold("Cœur Æther Ñandú Øster"), "coeur aether nandu oster");
        assert_eq!(fold("Ça 🌱"), "ca 🌱");
    }

    #[test]
    fn slugs_are_plain_ascii_words() {
        assert_eq!(slug("Nouvelle-Aquitaine 2026"), "nouvelle-aquitaine-2026");
        assert_eq!(slug("../Zoé <b>"), "zoe-b");
        assert_eq!(slug("  Œuvre   commune "), "oeuvre-commune");
        assert_eq!(slug("🌱"), "");
    }
}
