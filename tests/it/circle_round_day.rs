//! The speaking round of the day: drawn from the trainees in the room at the day's roll call
//! (the whole cohort when no roll was taken), and drawn again only after a yes.

use crate::common::{press, render, sample_app, snapshot_size};
use crate::modules::today_app;
use cercle::app::{App, Overlay, Pending, Question};
use cercle::domain::PersonId;
use cercle::domain::round::speaking_order;
use cercle::i18n::Lang;

fn roster(app: &App) -> Vec<PersonId> {
    app.cohort().unwrap().active_trainees().cloned().collect()
}

fn order(app: &App) -> Vec<PersonId> {
    app.circle.round.clone().unwrap().order
}

/// Today's morning roll: everyone present, the first absent, the second late, the third gone
/// early; then the circle's speaking round.
fn round_after_the_roll_call(lang: Lang) -> App {
    let mut app = today_app(false);
    app.config.lang = lang;
    app.seed = 42;
    press(&mut app, "tPale<Esc><Esc>2s");
    app
}

#[test]
fn the_round_calls_only_who_is_in_the_room_at_the_days_roll_call() {
    let app = round_after_the_roll_call(Lang::En);
    let all = roster(&app);
    // Absent and gone early are not called; late is.
    let in_the_room: Vec<PersonId> = all
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != 0 && *i != 2)
        .map(|(_, p)| p.clone())
        .collect();
    assert_eq!(order(&app), speaking_order(&in_the_room, 42));
    assert!(order(&app).contains(&all[1]), "late is in the room");
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("Drawn from the 8 present at this morning's roll call."),
        "{screen}"
    );
}

#[test]
fn without_a_roll_call_today_the_round_takes_the_cohort_and_says_so() {
    let mut app = sample_app(Lang::Fr);
    app.seed = 42;
    press(&mut app, "2s");
    assert_eq!(order(&app), speaking_order(&roster(&app), 42));
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("Pas d'appel aujourd'hui\u{a0}: tiré parmi toute la promotion (10)."),
        "{screen}"
    );
}

#[test]
fn redrawing_asks_first_and_no_keeps_the_order_and_the_turns() {
    let mut app = round_after_the_roll_call(Lang::En);
    let first = order(&app);
    press(&mut app, "nn");
    press(&mut app, "d");
    let Some(Overlay::Confirm(Question {
        text,
        on_yes: Pending::Redraw,
    })) = &app.overlay
    else {
        panic!("asked: {:?}", app.overlay);
    };
    assert!(text.contains("turns taken (2)"), "{text}");
    press(&mut app, "n");
    assert!(app.overlay.is_none());
    let round = app.circle.round.clone().unwrap();
    assert_eq!(round.order, first, "no keeps the order");
    assert_eq!(round.current, 2, "and the turns taken");
    // Yes draws again, from the same people.
    press(&mut app, "dy");
    let round = app.circle.round.clone().unwrap();
    assert_ne!(round.order, first);
    assert_eq!(round.current, 0);
    let mut again = round.order.clone();
    let mut before = first.clone();
    again.sort();
    before.sort();
    assert_eq!(again, before, "the same people in the room");
}

#[test]
fn snapshots_of_the_days_round_and_its_question() {
    for (lang, code) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
        let mut app = round_after_the_roll_call(lang);
        let (width, height) = snapshot_size(lang);
        insta::assert_snapshot!(
            format!("round_of_the_day_{code}"),
            render(&app, width, height)
        );
        press(&mut app, "nd");
        insta::assert_snapshot!(
            format!("round_redraw_question_{code}"),
            render(&app, width, height)
        );
    }
}
