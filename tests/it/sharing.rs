//! A change copies only the records it touches: the undo step and the data after the change
//! share every other cohort and person, so a change costs the same in a network of ten years.

use crate::common;

use cercle::app::update;
use cercle::app::{Action, App};
use cercle::config::{Config, Role};
use cercle::domain::Shared;
use std::sync::Arc;

fn network_app() -> App {
    let config = Config {
        role: Some(Role::Trainer),
        ..Config::default()
    };
    let mut app = App::new(config, common::now());
    app.open(Arc::new(cercle::generate::generate(6, 7)));
    app
}

#[test]
fn a_change_to_one_cohort_shares_every_other_record_with_the_undo_step() {
    let mut app = network_app();
    let before = Arc::clone(&app.data);
    let id = app.cohort().unwrap().id.clone();
    app.change("rename".into(), |data| {
        data.cohort_mut(&id).unwrap().name.push_str(" (bis)");
    });
    let after = Arc::clone(&app.data);
    assert_eq!(before.cohorts.len(), after.cohorts.len());
    for (old, new) in before.cohorts.iter().zip(&after.cohorts) {
        assert_eq!(Shared::same(old, new), old.id != id, "cohort {}", old.id);
    }
    assert!(
        before
            .people
            .iter()
            .zip(&after.people)
            .all(|(a, b)| Shared::same(a, b)),
        "no person was copied"
    );
    assert!(
        !before.cohort(&id).unwrap().name.ends_with("(bis)"),
        "the undo step kept the name as it was"
    );

    // Undo puts the very same version back.
    update(&mut app, Action::Undo);
    assert!(Arc::ptr_eq(&app.data, &before));
}

#[test]
fn a_change_to_one_person_copies_that_person_only() {
    let mut app = network_app();
    let before = Arc::clone(&app.data);
    let id = before.people[3].id.clone();
    app.change("rename".into(), |data| {
        if let Some(person) = data.people.iter_mut().find(|p| p.id == id) {
            person.name.push('!');
        }
    });
    let copied: Vec<bool> = before
        .people
        .iter()
        .zip(&app.data.people)
        .map(|(a, b)| !Shared::same(a, b))
        .collect();
    assert_eq!(copied.iter().filter(|&&c| c).count(), 1);
    assert!(copied[3]);
    assert!(
        before
            .cohorts
            .iter()
            .zip(&app.data.cohorts)
            .all(|(a, b)| Shared::same(a, b))
    );
}
