//! The filter typed with `/`, matched the same way on every screen's list.

use super::{App, Screen};
use crate::domain::Person;
use crate::domain::fold::fold;
use crate::i18n::{Msg, fill};

/// The indices, below `count`, of the records whose words contain every word of the filter,
/// ignoring case and accents ("cafe" finds "Café"), and none of the words typed after `!`
/// (`!stagiaire`). `text` gives a record's words.
pub fn filtered(count: usize, filter: &str, text: impl Fn(usize) -> String) -> Vec<usize> {
    let (mut wanted, mut unwanted) = (Vec::new(), Vec::new());
    for word in filter.split_whitespace() {
        match word.strip_prefix('!') {
            Some("") => {}
            Some(word) => unwanted.push(fold(word)),
            None => wanted.push(fold(word)),
        }
    }
    (0..count)
        .filter(|&i| {
            if wanted.is_empty() && unwanted.is_empty() {
                return true;
            }
            let text = fold(&text(i));
            wanted.iter().all(|w| text.contains(w.as_str()))
                && !unwanted.iter().any(|w| text.contains(w.as_str()))
        })
        .collect()
}

/// What the filter of the list in view holds that it cannot take, in the user's language:
/// a filter name the list does not know (`typ:fablab`), or a value outside a filter's
/// choices, with what is accepted. The contacts search knows names (`type:`, `dep:`…); the
/// other lists filter by words.
pub fn problem(app: &App) -> Option<String> {
    use crate::domain::search::{KEY_NAMES, Query, QueryProblem};
    let filter = &app.list_in_view().filter;
    let searched = app.screen == Screen::Contacts;
    let found = if searched {
        Query::parse(filter).problem
    } else {
        filter
            .split_whitespace()
            .filter_map(|w| w.split_once(':'))
            .find(|(key, _)| !key.is_empty() && key.chars().all(char::is_alphabetic))
            .map(|(key, _)| QueryProblem::UnknownKey(key.to_owned()))
    };
    Some(match found? {
        QueryProblem::UnknownKey(key) if searched => fill(
            app.tr(Msg::FilterUnknownKey),
            &[("key", &key), ("keys", &KEY_NAMES.join(", "))],
        ),
        QueryProblem::UnknownKey(key) => fill(app.tr(Msg::FilterWordsOnly), &[("key", &key)]),
        QueryProblem::UnknownValue(token, accepted) => fill(
            app.tr(Msg::FilterUnknownValue),
            &[("value", &token), ("values", &accepted.join(", "))],
        ),
    })
}

/// The words of a person a filter is matched against: name, place, organisation, project.
pub fn person_text(person: &Person) -> String {
    let project = person.project.as_ref().map_or("", |p| p.name.as_str());
    format!(
        "{} {} {} {} {project}",
        person.name, person.city, person.departement, person.organisation
    )
}
