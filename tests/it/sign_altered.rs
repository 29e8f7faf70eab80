//! The record checked after loading: a sheet altered outside Cercle shows a warning naming it,
//! on the status line and in its views, in both languages; in a real terminal the check runs
//! by itself once the data is read.

use crate::common::{self, press, render, snapshot_size};
use cercle::domain::audit::verify;
use cercle::domain::{Data, Status};
use cercle::i18n::Lang;
use common::pty::{Session, cercle, edit_cohort, read_json};
use std::sync::Arc;

/// The current cohort's first sealed half-day with a present trainee: its seminar, its index
/// and that trainee's line.
fn sealed_line(data: &Data) -> (usize, usize, usize) {
    let cohort = data.current().unwrap();
    for (s, seminar) in cohort.seminars.iter().enumerate() {
        for (h, half_day) in seminar.half_days.iter().enumerate() {
            let line = half_day
                .marks
                .iter()
                .position(|m| m.status == Status::Present && m.signed.is_some());
            if let (false, Some(m)) = (half_day.seals.is_empty(), line) {
                return (s, h, m);
            }
        }
    }
    panic!("the sample has a sealed half-day");
}

#[test]
fn an_altered_sheet_is_named_and_its_roll_call_warns_in_both_languages() {
    for (lang, code) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
        let mut app = common::sample_app(lang);
        let (s, h, m) = sealed_line(&app.data);
        let data = Arc::make_mut(&mut app.data);
        let id = data.current().unwrap().id.clone();
        let cohort = data.cohort_mut(&id).unwrap();
        cohort.seminars[s].half_days[h].marks[m].status = Status::Absent;
        let (seminar, half_day) = {
            let seminar = &cohort.seminars[s];
            (seminar.id.clone(), seminar.half_days[h].clone())
        };
        let problems = verify(&app.data, app.data.current().unwrap());
        assert!(!problems.is_empty());
        cercle::app::modules::verified(&mut app, problems);
        let notice = app.notice.as_ref().unwrap().text.clone();
        assert!(
            notice.contains(&half_day.date.format("%d/%m/%Y").to_string()),
            "{notice}"
        );
        cercle::app::modules::open_roll_call(&mut app, seminar, half_day.id.clone());
        let (width, height) = snapshot_size(lang);
        let shown = render(&app, width, height);
        assert!(
            shown.contains("record altered") || shown.contains("registre modifié"),
            "{shown}"
        );
        insta::assert_snapshot!(format!("sign_altered_sheet_{code}"), shown);
        // Another sheet of the same seminar is not said to be altered.
        press(&mut app, "<Esc>");
        let other = app.data.current().unwrap().seminars[s]
            .half_days
            .iter()
            .find(|x| x.id != half_day.id)
            .map(|x| x.id.clone())
            .unwrap();
        assert!(!cercle::app::modules::is_altered(&app, &other));
    }
}

#[test]
fn the_app_checks_the_record_after_loading_and_names_the_altered_sheet() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let dir = data.path();
    assert!(cercle(dir, &["init", "--sample"]).status.success());
    // Untouched, the app says nothing of the record.
    let mut app = Session::start(dir, config.path(), &[]);
    app.wait_for("Modules");
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(
        !app.contents().contains("was altered"),
        "{}",
        app.contents()
    );
    app.send("q");
    assert!(app.wait_exit().success());

    // One mark of a sealed sheet changed by hand in the cohort's document.
    let current = read_json(dir)["current_cohort"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut day = String::new();
    edit_cohort(dir, &current, |cohort| {
        let sheet = cohort["seminars"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .flat_map(|s| s["half_days"].as_array_mut().unwrap().iter_mut())
            .find(|h| h["seals"].is_array() && h["marks"][0]["status"] == "present")
            .unwrap();
        sheet["marks"][0]["status"] = "absent".into();
        day = chrono::NaiveDate::parse_from_str(sheet["date"].as_str().unwrap(), "%Y-%m-%d")
            .unwrap()
            .format("%d/%m/%Y")
            .to_string();
    });
    let mut app = Session::start(dir, config.path(), &[]);
    app.wait_for("record was altered");
    app.wait_for(&day);
    app.send("q");
    assert!(app.wait_exit().success());
}
