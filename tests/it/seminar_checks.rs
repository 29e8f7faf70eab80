//! The seminar form's checks: a holiday, a trainer booked elsewhere, more half-days than the
//! modules plan are named before saving, and saving waits for a yes.

use cercle::domain::planning::{Doubt, doubts};
use cercle::domain::{CohortId, Data, HalfDay, Period, Seminar, SeminarId};
use cercle::sample::sample;
use chrono::NaiveDate;

fn seminar(data: &Data, id: &str) -> Seminar {
    data.cohorts
        .iter()
        .flat_map(|c| &c.seminars)
        .find(|s| s.id.as_str() == id)
        .unwrap()
        .clone()
}

fn moved(mut seminar: Seminar, to: NaiveDate) -> Seminar {
    let first = seminar.half_days[0].date;
    for h in &mut seminar.half_days {
        h.date = to + (h.date - first);
    }
    seminar
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn the_sample_seminars_raise_no_doubt() {
    let data = sample();
    for cohort in &data.cohorts {
        for s in &cohort.seminars {
            assert_eq!(doubts(&data, &cohort.id, s), [], "{}", s.id);
        }
    }
}

#[test]
fn a_day_on_a_holiday_is_named() {
    let data = sample();
    let cohort = CohortId::new("c-na-2026");
    // Ascension 2026 is Thursday 14 May: a seminar from Wednesday 13 May meets it.
    let s = moved(seminar(&data, "s-na26-03"), day(2026, 5, 13));
    assert_eq!(
        doubts(&data, &cohort, &s),
        [Doubt::Holiday {
            date: day(2026, 5, 14),
            name: "Ascension"
        }]
    );
}

#[test]
fn a_trainer_booked_elsewhere_is_found_in_any_cohort() {
    let data = sample();
    let cohort = CohortId::new("c-na-2026");
    // Sabine runs s-na26-02 on 14-15 April 2026; s-na26-03 is hers too.
    let s = moved(seminar(&data, "s-na26-03"), day(2026, 4, 15));
    let found = doubts(&data, &cohort, &s);
    assert_eq!(
        found,
        [Doubt::TrainerBooked {
            seminar: SeminarId::new("s-na26-02"),
            cohort: "Nouvelle-Aquitaine 2026".into(),
            when: vec![
                (day(2026, 4, 15), Period::Morning),
                (day(2026, 4, 15), Period::Afternoon)
            ],
        }]
    );
    // Another trainer on those days: nothing.
    let mut other = s.clone();
    other.trainer = cercle::domain::PersonId::new("p-yannick-le-goff");
    assert_eq!(doubts(&data, &cohort, &other), []);
}

#[test]
fn more_half_days_than_the_modules_plan_are_counted_with_their_siblings() {
    let data = sample();
    let cohort = CohortId::new("c-na-2026");
    let mut s = seminar(&data, "s-na26-03");
    let extra = HalfDay {
        id: cercle::domain::HalfDayId::new("h-extra"),
        date: day(2026, 5, 21),
        ..s.half_days[0].clone()
    };
    s.half_days.push(extra);
    assert_eq!(
        doubts(&data, &cohort, &s),
        [Doubt::MoreThanPlanned {
            half_days: 5,
            minutes: 5 * 210,
            planned: 14 * 60,
            modules: vec!["2.1".into()],
        }]
    );
    // A second seminar of module 1.1 in the cohort counts with the first.
    let mut again = seminar(&data, "s-na26-01");
    again.id = SeminarId::new("s-new");
    let again = moved(again, day(2026, 6, 2));
    match &doubts(&data, &cohort, &again)[..] {
        [Doubt::MoreThanPlanned { half_days: 8, .. }] => {}
        other => panic!("{other:?}"),
    }
}

// The form: what a trainer meets when saving.

use crate::common::{press, render, sample_app, snapshot_size};
use cercle::app::{App, Overlay, Pending, Question};
use cercle::i18n::Lang;

/// Opens the form of the cohort's last seminar (s-na26-09, Hélène's 4.4 on 19-20 January
/// 2027, not yet held, so its days can move) and types `typed` into it.
fn edit_last_seminar(lang: Lang, typed: &str) -> App {
    let mut app = sample_app(lang);
    press(&mut app, "s<End>e");
    assert!(
        matches!(app.overlay, Some(Overlay::Form(_))),
        "the form is open"
    );
    press(&mut app, typed);
    app
}

/// The question asked before saving, if any.
fn question(app: &App) -> Option<String> {
    match &app.overlay {
        Some(Overlay::Confirm(Question {
            text,
            on_yes: Pending::SaveSeminar(_),
        })) => Some(text.clone()),
        _ => None,
    }
}

fn last_seminar(app: &App) -> Seminar {
    app.cohort()
        .unwrap()
        .seminars
        .iter()
        .find(|s| s.id.as_str() == "s-na26-09")
        .unwrap()
        .clone()
}

/// Down three fields to the first day, cleared and typed.
const TO_START: &str = "<Down><Down><Down><C-u>";

#[test]
fn a_holiday_asks_first_no_goes_back_to_the_form_and_yes_saves() {
    let mut app = edit_last_seminar(Lang::En, &format!("{TO_START}24/12/2026<Enter>"));
    let text = question(&app).expect("a question before saving");
    assert!(
        text.contains("25/12/2026 is a public holiday (Noël)"),
        "{text}"
    );
    assert_eq!(
        last_seminar(&app).half_days[0].date,
        day(2027, 1, 19),
        "nothing saved yet"
    );
    // No: the form again, with what was typed.
    press(&mut app, "n");
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the form is back");
    };
    assert_eq!(form.value(cercle::i18n::Msg::FieldStart), "24/12/2026");
    // Corrected to the 22nd: saved at once, no question.
    press(&mut app, "<C-u>22/12/2026<Enter>");
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    assert_eq!(last_seminar(&app).half_days[0].date, day(2026, 12, 22));
    // Moved onto Christmas again, and confirmed: saved as it is.
    press(&mut app, "e");
    press(&mut app, &format!("{TO_START}24/12/2026<Enter>"));
    assert!(question(&app).is_some());
    let effects = press(&mut app, "y");
    assert!(app.overlay.is_none());
    assert!(!effects.is_empty(), "a save");
    let dates: Vec<NaiveDate> = last_seminar(&app)
        .half_days
        .iter()
        .map(|h| h.date)
        .collect();
    assert_eq!(
        dates,
        [
            day(2026, 12, 24),
            day(2026, 12, 24),
            day(2026, 12, 25),
            day(2026, 12, 25)
        ]
    );
}

#[test]
fn a_trainer_booked_elsewhere_is_named_with_the_other_seminar() {
    // Sabine runs 4.3 on 8-9 December 2026 (s-na26-08).
    let app = edit_last_seminar(
        Lang::En,
        "<Down><Down><C-u>Sabine Roux<Down><C-u>08/12/2026<Enter>",
    );
    let text = question(&app).expect("asked");
    assert!(
        text.contains(
            "· Sabine Roux already runs seminar 4.3 (Nouvelle-Aquitaine 2026) at the same time: 08/12/2026, 09/12/2026."
        ),
        "{text}"
    );
    assert!(!text.contains("holiday"), "{text}");
}

#[test]
fn more_half_days_than_planned_are_counted_in_hours_in_french() {
    let app = edit_last_seminar(Lang::Fr, "<Down><Down><Down><Down><C-u>3<Enter>");
    let text = question(&app).expect("asked");
    assert!(
        text.contains("· 6 demi-journées (21\u{a0}h) pour les 14\u{a0}h prévues en 4.4."),
        "{text}"
    );
    assert!(text.starts_with("Avant d'enregistrer ce séminaire, vérifiez\u{a0}:"));
}

#[test]
fn a_seminar_without_doubt_is_saved_at_once() {
    let app = edit_last_seminar(Lang::En, "<Down><C-u>La Forge Numérique<Enter>");
    assert!(question(&app).is_none(), "{:?}", app.overlay);
    assert!(app.overlay.is_none(), "{:?} {:?}", app.overlay, app.notice);
    let venue = last_seminar(&app).venue;
    assert_eq!(app.data.venue(&venue).unwrap().name, "La Forge Numérique");
}

#[test]
fn snapshots_of_the_question_before_saving_a_seminar() {
    for (lang, code) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
        // Sabine's days, and three days for a 14-hour module.
        let app = edit_last_seminar(
            lang,
            "<Down><Down><C-u>Sabine Roux<Down><C-u>08/12/2026<Down><C-u>3<Enter>",
        );
        assert!(question(&app).is_some());
        let (width, height) = snapshot_size(lang);
        insta::assert_snapshot!(
            format!("seminar_doubts_{code}"),
            render(&app, width, height)
        );
    }
}
