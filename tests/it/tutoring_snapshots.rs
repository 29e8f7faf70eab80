//! Render tests of the Tutor requests screen: the queue, a request with its suggestions, a
//! request's history, the filters, the forms and the empty queue, at 80×24 and 120×40 in both
//! languages; and the overdue request standing out without colour.

use crate::common;

use cercle::app::App;
use cercle::config::ThemeName;
use cercle::domain::PersonId;
use cercle::i18n::Lang;
use common::{press, render, render_buffer, sample_app};
use ratatui::style::Modifier;
use std::sync::Arc;

const LANGS: [(Lang, &str); 2] = [(Lang::En, "en"), (Lang::Fr, "fr")];

fn snap(name: &str, app: &App) {
    let (width, height) = crate::common::snapshot_size(app.lang());
    insta::assert_snapshot!(
        format!("{name}_{width}x{height}"),
        render(app, width, height)
    );
}

fn as_person(lang: Lang, id: &str) -> App {
    let mut app = sample_app(lang);
    app.config.me = Some(PersonId::new(id));
    press(&mut app, "4");
    app
}

/// Selects a request by typing part of its subject in the `/` filter, then opens it in full.
fn open(app: &mut App, words: &str) {
    press(app, &format!("/{words}<Enter><Enter>"));
}

#[test]
fn the_queue() {
    for (lang, code) in LANGS {
        snap(
            &format!("tutoring_queue_{code}"),
            &as_person(lang, "p-helene-marchetti"),
        );
    }
}

#[test]
fn a_request_with_its_suggestions() {
    for (lang, code) in LANGS {
        let mut app = as_person(lang, "p-helene-marchetti");
        open(&mut app, "potager");
        snap(&format!("tutoring_suggestions_{code}"), &app);
    }
}

#[test]
fn a_request_with_its_history() {
    for (lang, code) in LANGS {
        let mut app = as_person(lang, "p-helene-marchetti");
        open(&mut app, "Fil Numérique");
        snap(&format!("tutoring_history_{code}"), &app);
    }
}

#[test]
fn the_queue_filtered_by_status_and_tutor() {
    let mut app = as_person(Lang::En, "p-helene-marchetti");
    press(&mut app, "TTtttt");
    snap("tutoring_filtered", &app);
}

#[test]
fn asking_with_an_inline_error() {
    for (lang, code) in LANGS {
        let mut app = as_person(lang, "p-nathan-perrin");
        press(&mut app, "n<Tab><Tab><Tab><Right><Enter>");
        snap(&format!("tutoring_form_ask_{code}"), &app);
    }
}

#[test]
fn scheduling_with_a_bad_date() {
    for (lang, code) in LANGS {
        let mut app = as_person(lang, "p-sabine-roux");
        press(&mut app, "/budget<Enter>s2026-02-30<Tab>14:00<Enter>");
        snap(&format!("tutoring_form_schedule_{code}"), &app);
    }
}

#[test]
fn the_empty_queue() {
    let mut data = cercle::sample::sample();
    for cohort in &mut data.cohorts {
        cohort.tutor_requests.clear();
    }
    let mut app = as_person(Lang::En, "p-helene-marchetti");
    app.open(Arc::new(data));
    press(&mut app, "4");
    insta::assert_snapshot!("tutoring_empty_80x24", render(&app, 80, 24));
}

#[test]
fn an_urgent_request_left_unanswered_stands_out_without_colour() {
    let mut app = as_person(Lang::En, "p-helene-marchetti");
    app.config.theme = ThemeName::Mono;
    // The first row is "Dimensionner le potager partagé", urgent and open for six days; the
    // selection is moved off it so that only its own style shows.
    press(&mut app, "j");
    let buffer = render_buffer(&app, 120, 40);
    let row = |y: u16| -> String { (1..60).map(|x| buffer[(x, y)].symbol()).collect() };
    assert!(row(4).contains("!! Dimensionner"), "{}", row(4));
    assert!(
        buffer[(5, 4)].modifier.contains(Modifier::BOLD),
        "overdue is bold"
    );
    assert!(row(8).contains("Mobiliser"), "{}", row(8));
    assert!(
        !buffer[(5, 8)].modifier.contains(Modifier::BOLD),
        "others are not"
    );
}
