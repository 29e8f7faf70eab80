//! Snapshots of the Peer contacts screen's modes, in both languages, at 80×24 and 120×40.

use crate::common;

use cercle::app::App;
use cercle::domain::{Person, PersonId};
use cercle::i18n::Lang;
use common::{press, render, sample_app};
use std::sync::Arc;

fn snap_all(name: &str, setup: impl Fn(&mut App)) {
    for lang in [Lang::En, Lang::Fr] {
        let mut app = sample_app(lang);
        setup(&mut app);
        let (width, height) = crate::common::snapshot_size(lang);
        let screen = render(&app, width, height);
        assert!(!screen.contains('\u{1b}'));
        insta::assert_snapshot!(format!("{name}_{lang:?}_{width}x{height}"), screen);
    }
}

#[test]
fn grouped_by_cohort() {
    snap_all("contacts_by_cohort", |app| {
        press(app, "3v");
    });
}

#[test]
fn a_persons_card_filling_the_screen() {
    snap_all("contacts_card", |app| {
        press(app, "3/malik<Enter><Enter>");
    });
}

#[test]
fn editing_a_person_with_consents() {
    snap_all("contacts_edit_form", |app| {
        press(app, "3/camille<Enter>e");
    });
}

#[test]
fn merging_two_records() {
    snap_all("contacts_merge_form", |app| {
        press(app, "3/camille<Enter>");
        let camille = app.data.people[0].clone();
        let old = Person {
            id: PersonId::new("p-camille-old"),
            name: "Camille DUBOIS".into(),
            emails: vec![camille.emails[0].clone(), "cdubois@example.net".into()],
            city: "Talence".into(),
            departement: "33".into(),
            ..Person::default()
        };
        Arc::make_mut(&mut app.data).people.push(old.into());
        app.refresh_rows();
        press(app, "M");
    });
}
