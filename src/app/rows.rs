//! The records each screen lists, and the filter typed with `/`.

use super::{App, Screen};
use crate::domain::Person;
use crate::domain::fold::fold;

/// How many records a screen lists before filtering.
pub fn count(app: &App, screen: Screen) -> usize {
    match screen {
        Screen::Modules => app.data.programme.modules.len(),
        Screen::Circle => app.cohort().map_or(0, |c| c.trainees.len()),
        Screen::Contacts => app.data.people.len(),
        Screen::Tutoring => app.cohort().map_or(0, |c| c.tutor_requests.len()),
    }
}

/// The words a filter is matched against for one record.
pub fn search_text(app: &App, screen: Screen, index: usize) -> String {
    let data = &app.data;
    match screen {
        Screen::Modules => data
            .programme
            .modules
            .get(index)
            .map(|m| format!("{} {}", m.code, m.title))
            .unwrap_or_default(),
        Screen::Circle => app
            .cohort()
            .and_then(|c| c.trainees.get(index))
            .and_then(|id| data.person(id))
            .map(person_text)
            .unwrap_or_default(),
        Screen::Contacts => data
            .people
            .get(index)
            .map(|p| person_text(p))
            .unwrap_or_default(),
        Screen::Tutoring => app
            .cohort()
            .and_then(|c| c.tutor_requests.get(index))
            .map(|r| {
                let name = |id: Option<&crate::domain::PersonId>| {
                    id.and_then(|id| data.person(id))
                        .map_or("", |p| p.name.as_str())
                };
                let status = app.tr(crate::i18n::words::status_msg(r.status));
                format!(
                    "{} {} {} {status} {}",
                    r.subject,
                    name(Some(&r.trainee)),
                    name(r.tutor.as_ref()),
                    r.id
                )
            })
            .unwrap_or_default(),
    }
}

fn person_text(person: &Person) -> String {
    let project = person.project.as_ref().map_or("", |p| p.name.as_str());
    format!(
        "{} {} {} {} {project}",
        person.name, person.city, person.departement, person.organisation
    )
}

/// The indices of the records whose words contain every word of the filter, ignoring case and
/// accents ("cafe" finds "Café").
pub fn filtered(app: &App, screen: Screen, filter: &str) -> Vec<usize> {
    if screen == Screen::Tutoring {
        // The queue has its own filters and order.
        return super::tutoring::queue(app, filter);
    }
    let words: Vec<String> = filter.split_whitespace().map(fold).collect();
    (0..count(app, screen))
        .filter(|&i| {
            if words.is_empty() {
                return true;
            }
            let text = fold(&search_text(app, screen, i));
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .collect()
}
