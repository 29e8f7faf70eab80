//! The Modules screen: the programme, seminars, the roll call and the follow-up list.

use crate::common;

use cercle::app::keymap::View;
use cercle::app::{App, Effect, Overlay};
use cercle::domain::rollcall::lay_out;
use cercle::domain::{HalfDayId, PersonId, Seminar, SeminarId, Status};
use cercle::i18n::Lang;
use chrono::NaiveTime;
use common::{press, render, sample_app};
use std::sync::Arc;

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// The sample with a seminar today (the tests' today) and, if asked, 12 trainees.
pub(crate) fn today_app(twelve: bool) -> App {
    let mut app = sample_app(Lang::En);
    let today = app.today;
    let data = Arc::make_mut(&mut app.data);
    let trainer = data.current().unwrap().trainers[0].clone();
    let venue = data.venues[0].id.clone();
    let module = data.programme.modules[13].id.clone();
    let extra: Vec<PersonId> = data
        .people
        .iter()
        .filter(|p| p.role == cercle::domain::PersonRole::Trainee)
        .map(|p| p.id.clone())
        .collect();
    let cohort_id = data.current().unwrap().id.clone();
    let cohort = data.cohort_mut(&cohort_id).unwrap();
    if twelve {
        let newcomers: Vec<PersonId> = extra
            .into_iter()
            .filter(|id| !cohort.trainees.contains(id))
            .take(2)
            .collect();
        for id in newcomers {
            cohort.enrol(id).unwrap();
        }
    }
    let mut n = 0;
    let mut ids = || {
        n += 1;
        HalfDayId::new(format!("h-today-{n}"))
    };
    let half_days = lay_out(
        &mut ids,
        today,
        1,
        (time(9, 0), time(12, 30)),
        (time(14, 0), time(17, 30)),
    );
    cohort.seminars.push(Seminar {
        id: SeminarId::new("s-today"),
        modules: vec![module],
        venue,
        trainer,
        half_days,
    });
    app.refresh_rows();
    app
}

/// The sample's first trainer, Hélène Marchetti (code `helene2026`), says who she is: `S` seals
/// as her.
fn as_the_trainer(mut app: App) -> App {
    app.config.me = Some(PersonId::new("p-helene-marchetti"));
    app
}

/// What follows `S`: the trainer's code.
const SEAL_CODE: &str = "helene2026<Enter>";

fn today_sheet(app: &App) -> cercle::domain::HalfDay {
    let cohort = app.cohort().unwrap();
    let seminar = cohort
        .seminars
        .iter()
        .find(|s| s.id.as_str() == "s-today")
        .unwrap();
    // The tests' clock is 10:00 UTC: the morning sheet.
    seminar.half_days[0].clone()
}

#[test]
fn a_full_roll_call_of_twelve_takes_fourteen_keys() {
    let mut app = as_the_trainer(today_app(true));
    assert_eq!(app.cohort().unwrap().active_trainees().count(), 12);
    let keys = format!("t{}S", "p".repeat(12));
    assert_eq!(keys.chars().count(), 14);
    let mut effects = press(&mut app, &keys);
    effects.extend(press(&mut app, SEAL_CODE));
    assert_eq!(effects.iter().filter(|e| **e == Effect::Save).count(), 13);
    let sheet = today_sheet(&app);
    assert_eq!(sheet.marks.len(), 12);
    assert!(sheet.marks.iter().all(|m| m.status == Status::Present));
    assert!(sheet.signature.is_some(), "signed");
}

#[test]
fn everyone_present_with_two_exceptions_takes_five_keys() {
    let mut app = as_the_trainer(today_app(true));
    // Open, everyone present, the first absent, the second late, sign.
    press(&mut app, "tPalS");
    press(&mut app, SEAL_CODE);
    let sheet = today_sheet(&app);
    let roll: Vec<PersonId> = app.cohort().unwrap().active_trainees().cloned().collect();
    assert_eq!(sheet.mark_of(&roll[0]).unwrap().status, Status::Absent);
    let late = sheet.mark_of(&roll[1]).unwrap();
    assert_eq!(late.status, Status::Late);
    assert!(late.time.is_some(), "arrival time defaults to now");
    assert_eq!(
        sheet
            .marks
            .iter()
            .filter(|m| m.status == Status::Present)
            .count(),
        10
    );
    assert!(sheet.signature.is_some());
}

#[test]
fn a_signed_sheet_asks_why_and_keeps_the_history() {
    let mut app = as_the_trainer(today_app(false));
    press(&mut app, "tPS");
    press(&mut app, SEAL_CODE);
    assert!(today_sheet(&app).signature.is_some());
    press(&mut app, "a");
    assert!(
        matches!(app.overlay, Some(Overlay::Form(_))),
        "a reason is asked"
    );
    let effects = press(&mut app, "<Enter>");
    assert!(effects.is_empty(), "an empty reason is refused");
    press(&mut app, "arrived after the break then left<Enter>");
    let sheet = today_sheet(&app);
    let first = app.cohort().unwrap().trainees[0].clone();
    assert_eq!(sheet.mark_of(&first).unwrap().status, Status::Absent);
    assert_eq!(sheet.history.len(), 1);
    assert_eq!(sheet.history[0].from, Some(Status::Present));
    assert_eq!(sheet.history[0].reason, "arrived after the break then left");
    assert_eq!(
        (sheet.history[0].from_time, sheet.history[0].to_time),
        (None, None)
    );
    // Undo never takes a correction of a sealed sheet back, nor the seal.
    press(&mut app, "u");
    let sheet = today_sheet(&app);
    assert_eq!(sheet.history.len(), 1);
    assert_eq!(sheet.seals.len(), 1);
}

#[test]
fn an_excuse_comes_from_a_short_list_or_is_typed() {
    let mut app = today_app(false);
    press(&mut app, "tx");
    assert!(matches!(app.overlay, Some(Overlay::Choice(_))));
    press(&mut app, "j<Enter>");
    let roll: Vec<PersonId> = app.cohort().unwrap().active_trainees().cloned().collect();
    let mark = today_sheet(&app).mark_of(&roll[0]).cloned().unwrap();
    assert_eq!(
        (mark.status, mark.reason.as_deref()),
        (Status::Excused, Some("medical appointment"))
    );
    // "Other" asks for a typed reason.
    press(&mut app, "x<End><Enter>convocation au tribunal<Enter>");
    let mark = today_sheet(&app).mark_of(&roll[1]).cloned().unwrap();
    assert_eq!(mark.reason.as_deref(), Some("convocation au tribunal"));
}

#[test]
fn remarks_and_times_can_be_edited() {
    let mut app = today_app(false);
    press(&mut app, "tl");
    press(&mut app, "kT");
    // The late arrival's time field, cleared then typed.
    press(&mut app, "<BS><BS><BS><BS><BS>09:47<Enter>");
    press(&mut app, "rbus en panne<Enter>");
    let roll: Vec<PersonId> = app.cohort().unwrap().active_trainees().cloned().collect();
    let mark = today_sheet(&app).mark_of(&roll[0]).cloned().unwrap();
    assert_eq!(mark.time, Some(time(9, 47)));
    assert_eq!(mark.remark.as_deref(), Some("bus en panne"));
}

#[test]
fn without_a_half_day_today_the_next_one_is_named() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "t");
    let notice = app.notice.clone().unwrap().text;
    assert!(notice.contains("08/12/2026"), "{notice}");
    assert_eq!(app.modules.view, Some(View::Seminars));
}

#[test]
fn a_seminar_is_laid_out_from_a_form() {
    let mut app = sample_app(Lang::En);
    let before = app.cohort().unwrap().seminars.len();
    press(&mut app, "n");
    // Modules, venue, trainer (defaults to me: none here), first day, days, times.
    // ↓ goes to the next field as typed (Tab would complete the names first).
    press(&mut app, "4.4, 4.3<Down>Forge<Down>Hélène<Down>");
    press(
        &mut app,
        "<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>12/01/2027<Tab><BS>3<Enter>",
    );
    // 4.3 and 4.4 already have their seminars: the time planned is exceeded, and said first.
    let Some(Overlay::Confirm(question)) = &app.overlay else {
        panic!("asked before saving: {:?}", app.overlay);
    };
    assert!(
        question
            .text
            .contains("14 half-days (49\u{a0}h) for the 28\u{a0}h planned in 4.4, 4.3."),
        "{}",
        question.text
    );
    press(&mut app, "y");
    let cohort = app.cohort().unwrap();
    assert_eq!(cohort.seminars.len(), before + 1, "{:?}", app.notice);
    let seminar = cohort.seminars.last().unwrap();
    assert_eq!(seminar.modules.len(), 2);
    assert_eq!(seminar.half_days.len(), 6);
    assert_eq!(seminar.half_days[0].start, time(9, 0));
    assert_eq!(seminar.half_days[5].date.to_string(), "2027-01-14");
}

#[test]
fn an_unknown_venue_keeps_the_form_open_with_the_field_marked() {
    let mut app = sample_app(Lang::En);
    let before = app.cohort().unwrap().seminars.len();
    press(&mut app, "n4.4<Tab>Nowhere at all<Tab>Hélène<Enter>");
    assert_eq!(app.cohort().unwrap().seminars.len(), before);
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the form stays open");
    };
    assert!(form.fields[1].error.is_some());
}

#[test]
fn the_follow_up_list_logs_a_dated_follow_up() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "f");
    assert_eq!(app.modules.view, Some(View::FollowUp));
    let items = cercle::app::modules::follow_ups(&app);
    let at = items
        .iter()
        .position(|i| matches!(i, cercle::domain::rollcall::Attention::Trainee { .. }))
        .expect("the sample has someone to follow up");
    let before = app.cohort().unwrap().follow_ups.len();
    press(
        &mut app,
        &format!(
            "{}<Enter>Called, back next seminar<Tab><Right><Enter>",
            "j".repeat(at)
        ),
    );
    let cohort = app.cohort().unwrap();
    assert_eq!(cohort.follow_ups.len(), before + 1);
    let entry = cohort.follow_ups.last().unwrap();
    assert_eq!(entry.channel, cercle::domain::cohort::Channel::Email);
    assert_eq!(entry.outcome.text, "Called, back next seminar");
}

#[test]
fn sheets_and_certificates_are_exported_from_the_screen() {
    let mut app = sample_app(Lang::En);
    let effects = press(&mut app, "s<Enter>x");
    let names: Vec<&str> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Export(name, _) => Some(name.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        names,
        [
            "emargement-s-na26-01.csv",
            "emargement-s-na26-01.xlsx",
            "emargement-s-na26-01.html",
            "emargement-s-na26-01.pdf"
        ]
    );
    let effects = press(&mut app, "<Enter>C");
    assert!(
        matches!(&effects[..], [Effect::Export(name, html), Effect::Export(pdf_name, pdf)]
            if name.starts_with("certificat-") && String::from_utf8_lossy(html).contains("Certificat de réalisation")
                && pdf_name.starts_with("certificat-") && std::path::Path::new(pdf_name).extension().is_some_and(|e| e == "pdf") && pdf.starts_with(b"%PDF"))
    );
}

#[test]
fn views_go_back_with_esc() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "s<Enter><Enter>");
    assert_eq!(app.modules.view, Some(View::RollCall));
    press(&mut app, "<Esc>");
    assert_eq!(app.modules.view, Some(View::Seminar));
    press(&mut app, "<Esc><Esc>");
    assert_eq!(app.modules.view, None);
}

#[test]
fn snapshots_of_the_modules_views() {
    for (lang, code) in [(Lang::En, "en"), (Lang::Fr, "fr")] {
        let mut app = today_app(false);
        app.config.lang = lang;
        insta::assert_snapshot!(format!("modules_programme_{code}"), render(&app, 80, 24));
        press(&mut app, "s");
        insta::assert_snapshot!(format!("modules_seminars_{code}"), render(&app, 80, 24));
        press(&mut app, "<Enter>");
        insta::assert_snapshot!(format!("modules_seminar_{code}"), render(&app, 120, 40));
        press(&mut app, "<Esc><Esc>tppla");
        insta::assert_snapshot!(
            format!("modules_roll_call_midway_{code}"),
            render(&app, 80, 24)
        );
        app.config.me = as_the_trainer(today_app(false)).config.me;
        press(&mut app, "PS");
        press(&mut app, SEAL_CODE);
        insta::assert_snapshot!(
            format!("modules_roll_call_signed_{code}"),
            render(&app, 120, 40)
        );
        press(&mut app, "<Esc><Esc><Esc>f");
        insta::assert_snapshot!(format!("modules_follow_up_{code}"), render(&app, 80, 24));
    }
}

#[test]
fn a_trainee_sees_their_own_hours() {
    let mut app = sample_app(Lang::Fr);
    app.config.me = Some(app.cohort().unwrap().trainees[0].clone());
    insta::assert_snapshot!("modules_programme_trainee_fr", render(&app, 80, 24));
}
