//! Finding a record from what a user typed: its id, or an unambiguous part of its name.

use std::fmt;

use super::fold::fold;

/// Why what the user typed names no single record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupError {
    /// Nothing matches; the candidates are listed (up to 20).
    Unknown {
        /// What was looked for ("cohort", "trainee").
        kind: &'static str,
        /// What was typed.
        query: String,
        /// What exists, as "name (id)".
        candidates: Vec<String>,
    },
    /// Several match; they are listed.
    Ambiguous {
        /// What was looked for.
        kind: &'static str,
        /// What was typed.
        query: String,
        /// The matches, as "name (id)".
        candidates: Vec<String>,
    },
}

impl fmt::Display for LookupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (text, candidates) = match self {
            Self::Unknown {
                kind,
                query,
                candidates,
            } => (
                format!("no {kind} is called or numbered \"{query}\""),
                candidates,
            ),
            Self::Ambiguous {
                kind,
                query,
                candidates,
            } => (
                format!("\"{query}\" could be several {kind}s; give the id"),
                candidates,
            ),
        };
        // What was typed and the names listed go to a terminal: made harmless there.
        write!(f, "{}", super::text::visible(&text))?;
        if !candidates.is_empty() {
            write!(
                f,
                ". Candidates: {}",
                super::text::visible(&candidates.join("; "))
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for LookupError {}

/// The one record whose id is `query`, else whose name is `query` (ignoring case and accents),
/// else whose name contains it.
pub fn find<'a, T>(
    kind: &'static str,
    items: &'a [T],
    query: &str,
    id: impl Fn(&T) -> &str,
    name: impl Fn(&T) -> &str,
) -> Result<&'a T, LookupError> {
    let label = |item: &T| format!("{} ({})", name(item), id(item));
    if let Some(item) = items.iter().find(|item| id(item) == query) {
        return Ok(item);
    }
    let wanted = fold(query.trim());
    let exact: Vec<&T> = items.iter().filter(|i| fold(name(i)) == wanted).collect();
    let matches = if exact.is_empty() {
        items
            .iter()
            .filter(|i| !wanted.is_empty() && fold(name(i)).contains(&wanted))
            .collect()
    } else {
        exact
    };
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(LookupError::Unknown {
            kind,
            query: query.to_owned(),
            candidates: items.iter().take(20).map(label).collect(),
        }),
        many => Err(LookupError::Ambiguous {
            kind,
            query: query.to_owned(),
            candidates: many.iter().map(|i| label(i)).collect(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PEOPLE: [(&str, &str); 3] = [
        ("p-1", "Camille Dubois"),
        ("p-2", "Camille Martin"),
        ("p-3", "Élodie Marty"),
    ];

    fn look(query: &str) -> Result<&'static str, LookupError> {
        find("trainee", &PEOPLE, query, |p| p.0, |p| p.1).map(|p| p.0)
    }

    #[test]
    fn by_id_by_name_and_by_part_of_a_name() {
        assert_eq!(look("p-2"), Ok("p-2"));
        assert_eq!(look("camille dubois"), Ok("p-1"));
        assert_eq!(look("elodie"), Ok("p-3"), "accents are ignored");
    }

    #[test]
    fn ambiguous_and_unknown_list_the_candidates() {
        let error = look("Camille").unwrap_err().to_string();
        assert!(error.contains("could be several trainees"), "{error}");
        assert!(error.contains("Camille Dubois (p-1)") && error.contains("Camille Martin (p-2)"));
        let error = look("Zoé").unwrap_err().to_string();
        assert!(error.starts_with("no trainee is called"), "{error}");
        assert!(error.contains("Élodie Marty (p-3)"));
        assert!(look("").is_err());
    }
}
