//! Moving about the roll call: Enter on a seminar opens today's half-day when today is one of
//! its days (not its first day's), ←/→ go to the previous and next half-day, and `T` on a
//! sealed sheet records the old and the new time.

use crate::common::{self, press, render};
use crate::modules::today_app;
use cercle::app::App;
use cercle::app::modules::{open_half_day, seminars_by_date};
use cercle::domain::rollcall::lay_out;
use cercle::domain::{HalfDayId, Seminar, SeminarId};
use chrono::NaiveTime;
use std::sync::Arc;

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// The sample with a two-day seminar that began yesterday.
fn second_day_app() -> App {
    let mut app = common::sample_app(cercle::i18n::Lang::En);
    let yesterday = app.today.pred_opt().unwrap();
    let data = Arc::make_mut(&mut app.data);
    let cohort = data.current().unwrap().clone();
    let mut n = 0;
    let mut ids = || {
        n += 1;
        HalfDayId::new(format!("h-two-{n}"))
    };
    let half_days = lay_out(
        &mut ids,
        yesterday,
        2,
        (time(9, 0), time(12, 30)),
        (time(14, 0), time(17, 30)),
    );
    let seminar = Seminar {
        id: SeminarId::new("s-two"),
        modules: vec![data.programme.modules[13].id.clone()],
        venue: data.venues[0].id.clone(),
        trainer: cohort.trainers[0].clone(),
        half_days,
    };
    data.cohort_mut(&cohort.id).unwrap().seminars.push(seminar);
    app.refresh_rows();
    app
}

fn open(app: &App) -> String {
    open_half_day(app).unwrap().1.id.to_string()
}

#[test]
fn enter_on_a_seminar_opens_todays_half_day_and_arrows_move_between_half_days() {
    let mut app = second_day_app();
    press(&mut app, "s");
    let at = seminars_by_date(app.cohort().unwrap())
        .iter()
        .position(|s| s.id.as_str() == "s-two")
        .unwrap();
    app.modules.seminars.cursor.selected = at;
    // 11:00 in Paris on the second day: its morning, not the first day's.
    press(&mut app, "<Enter>");
    assert_eq!(open(&app), "h-two-3");
    press(&mut app, "<Right>");
    assert_eq!(open(&app), "h-two-4");
    press(&mut app, "<Left><Left>");
    assert_eq!(open(&app), "h-two-2");
    let shown = render(&app, 120, 40);
    assert!(shown.contains("afternoon"), "{shown}");
    // The arrows go on past the seminar, through the cohort's half-days in date order.
    press(&mut app, "<Left><Left>");
    let before = open_half_day(&app).unwrap();
    assert_ne!(before.0.id.as_str(), "s-two");
}

#[test]
fn t_on_a_sealed_sheet_records_the_old_and_the_new_time() {
    let mut app = today_app(false);
    app.config.me = Some(app.cohort().unwrap().trainers[0].clone());
    // Camille late at 11:00 (now), everyone else present, sealed.
    press(&mut app, "tl");
    press(&mut app, "PShelene2026<Enter>");
    let sheet = open_half_day(&app).unwrap().1.clone();
    assert!(sheet.signature.is_some());
    press(
        &mut app,
        "<Home>T<BS><BS><BS><BS><BS>09:40<Tab>the bus was late<Enter>",
    );
    let sheet = open_half_day(&app).unwrap().1.clone();
    assert_eq!(sheet.history.len(), 1, "{:?}", app.notice);
    let change = &sheet.history[0];
    assert_eq!(change.from_time, Some(time(11, 0)));
    assert_eq!(change.to_time, Some(time(9, 40)));
    press(&mut app, "H");
    let shown = render(&app, 120, 40);
    assert!(shown.contains("late 11:00 → late 09:40"), "{shown}");
}
