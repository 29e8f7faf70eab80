//! End-to-end, in a real pseudo-terminal: filtering the roll call then marking the trainee
//! typed; a form journey (a seminar whose first day is typed without its year, its trainer
//! completed with Tab, a wrong name corrected), everything in the saved file. Mouse tracking is
//! limited to clicks and the wheel.

use crate::common;
use crate::e2e_roll_call::{marked_half_day, seminar_on};

use common::pty::{Session, read_json, sample_trainer_session};

#[test]
fn filtering_the_roll_call_then_marking_marks_the_trainee_typed() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let dir = data.path();
    let today = cercle::domain::clock::today(chrono::Utc::now()).to_string();
    let (current, _, trainees) = seminar_on(dir, config.path(), &today);
    let malik = trainees.iter().position(|t| t == "p-malik-benali").unwrap();
    assert_ne!(malik, 0);

    let mut app = Session::start(dir, config.path(), &[]);
    app.wait_for("0 marked ·");
    app.send("/malik");
    app.wait_for("(1/10)");
    app.send("\r");
    app.send("a");
    app.wait_for("1 marked ·");
    app.wait_for("[saved]");
    // Esc clears the filter and stays on the roll call.
    app.send("\x1b");
    app.wait_for("Camille Dubois");
    app.send("q");
    assert!(app.wait_exit().success());

    let sheet = marked_half_day(dir, &current);
    let marks = sheet["marks"].as_array().unwrap();
    assert_eq!(marks.len(), 1);
    assert_eq!(marks[0]["trainee"], trainees[malik]);
    assert_eq!(marks[0]["status"], "absent");
}

#[test]
fn a_seminar_form_journey_with_a_day_without_its_year_and_a_completed_name() {
    let (data, _config, mut app) = sample_trainer_session();
    let dir = data.path().to_owned();
    // Mouse reports of clicks and the wheel only, never every motion.
    let raw = String::from_utf8_lossy(&app.raw_output()).into_owned();
    assert!(raw.contains("\u{1b}[?1000h") && raw.contains("\u{1b}[?1006h"));
    assert!(!raw.contains("\u{1b}[?1003h"), "no any-motion tracking");
    app.send("n");
    app.wait_for("New seminar");
    // Modules, a venue started and completed with Tab, a wrong trainer.
    app.send("4.4\x1b[Bforg");
    app.wait_for("Did you mean: ");
    app.send("\t\t");
    app.send("\x15Zorglub\x1b[B17/12\r");
    app.wait_for("Did you mean: ");
    app.wait_for("Some fields need fixing.");
    // The focus is on the trainer, the first field refused: cleared and typed again.
    app.send("\x15Sabine");
    app.send("\t\r");
    // 4.4 already has its seminar in January: saving asks first.
    app.wait_for("for the 14");
    app.send("y");
    app.wait_for("add the seminar");
    app.wait_for("[saved]");
    app.send("q");
    assert!(app.wait_exit().success());

    let json = read_json(&dir);
    let current = json["current_cohort"].clone();
    let cohort = json["cohorts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == current)
        .unwrap();
    let seminar = cohort["seminars"].as_array().unwrap().last().unwrap();
    assert_eq!(seminar["half_days"][0]["date"], "2026-12-17");
    assert!(seminar["venue"].as_str().unwrap().contains("forge"));
    assert!(seminar["trainer"].as_str().unwrap().contains("sabine"));
}
