//! The filter typed with `/`, matched the same way on every screen's list.

use crate::domain::Person;
use crate::domain::fold::fold;

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

/// The words of a person a filter is matched against: name, place, organisation, project.
pub fn person_text(person: &Person) -> String {
    let project = person.project.as_ref().map_or("", |p| p.name.as_str());
    format!(
        "{} {} {} {} {project}",
        person.name, person.city, person.departement, person.organisation
    )
}
