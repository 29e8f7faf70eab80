//! End-to-end: a trainer opens today's half-day, marks everyone present, two exceptions, signs
//! and quits; the marks and the signature are in the saved file. Times are Paris times, whatever
//! the machine's time zone.

use crate::common;

use common::pty::{Session, cercle, read_json, write_json};
use serde_json::{Value, json};
use std::ffi::OsStr;
use std::path::Path;

/// A sample cohort with a seminar on `today` (both half-days, so the hour does not matter), and
/// settings that make the user its trainer. Returns the cohort's id, its trainer and trainees.
pub(crate) fn seminar_on(dir: &Path, config: &Path, today: &str) -> (Value, Value, Vec<String>) {
    assert!(cercle(dir, &["init", "--sample"]).status.success());
    let mut file = read_json(dir);
    let current = file["current_cohort"].clone();
    let cohort = file["cohorts"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|c| c["id"] == current)
        .unwrap();
    let trainer = cohort["trainers"][0].clone();
    let trainees: Vec<String> = cohort["trainees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap().to_owned())
        .collect();
    cohort["seminars"].as_array_mut().unwrap().push(json!({
        "id": "s-e2e", "modules": ["m-4-4"], "venue": "v-fablab-la-forge", "trainer": trainer,
        "half_days": [
            {"id": "h-e2e-am", "date": today, "period": "morning", "start": "00:00:00", "end": "12:30:00"},
            {"id": "h-e2e-pm", "date": today, "period": "afternoon", "start": "12:31:00", "end": "23:59:00"}
        ]
    }));
    write_json(dir, &file);
    let settings = format!(
        "role = \"trainer\"\nme = \"{}\"\n",
        trainer.as_str().unwrap()
    );
    std::fs::write(config.join("config.toml"), settings).unwrap();
    (current, trainer, trainees)
}

/// `S`, then the sample trainer's code (Hélène Marchetti's, as the README gives it); waits for
/// `shown` and for the save.
pub(crate) fn seal_as_the_trainer(app: &mut Session, shown: &str) {
    app.send("S");
    app.wait_for("Seal the sheet");
    app.send("helene2026\r");
    app.wait_for(shown);
    app.wait_for("[saved]");
}

/// The half-day of the e2e seminar that holds marks.
pub(crate) fn marked_half_day(dir: &Path, cohort: &Value) -> Value {
    let saved = read_json(dir);
    let cohort = saved["cohorts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| &c["id"] == cohort)
        .unwrap();
    let seminar = cohort["seminars"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "s-e2e")
        .unwrap();
    seminar["half_days"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["marks"].as_array().is_some_and(|m| !m.is_empty()))
        .expect("a marked half-day")
        .clone()
}

#[test]
fn todays_roll_call_everyone_present_two_exceptions_signed_and_saved() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let dir = data.path();
    let today = cercle::domain::clock::today(chrono::Utc::now()).to_string();
    let (current, trainer, trainees) = seminar_on(dir, config.path(), &today);

    let mut app = Session::start(dir, config.path(), &[]);
    // A trainer lands on today's roll call; `t` is the one key that opens it from anywhere.
    app.wait_for("0 marked ·");
    app.send("t");
    app.send("P");
    app.wait_for("10 marked ·");
    app.send("a");
    app.send("l");
    seal_as_the_trainer(&mut app, "signed by");
    app.send("q");
    assert!(app.wait_exit().success());

    let sheet = marked_half_day(dir, &current);
    assert_eq!(sheet["signature"]["by"], trainer);
    let marks = sheet["marks"].as_array().unwrap();
    assert_eq!(marks.len(), 10);
    let status_of =
        |who: &str| marks.iter().find(|m| m["trainee"] == who).unwrap()["status"].clone();
    assert_eq!(status_of(&trainees[0]), "absent");
    assert_eq!(status_of(&trainees[1]), "late");
    assert!(marks.iter().filter(|m| m["status"] == "present").count() == 8);
    assert!(marks.iter().all(|m| m["by"] == trainer));
    assert!(
        cercle(dir, &["check"]).status.code() != Some(cercle::commands::exit::DAMAGED.into()),
        "the file reads back"
    );
}

/// A late arrival and the signature, recorded on a machine whose clock is set to `zone`, at an
/// instant that is 09:10 in Paris.
fn late_at_ten_past_nine_in_paris(zone: &str, instant: &str, day: &str) {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let dir = data.path();
    let (current, _, trainees) = seminar_on(dir, config.path(), day);
    let env: [(&str, &OsStr); 2] = [
        ("TZ", OsStr::new(zone)),
        ("CERCLE_NOW", OsStr::new(instant)),
    ];
    let mut app = Session::start_with(dir, config.path(), &[], &env);
    app.wait_for("0 marked ·");
    app.send("l");
    app.wait_for("1 marked ·");
    app.send("P");
    app.wait_for("10 marked ·");
    seal_as_the_trainer(&mut app, "09:10");
    app.send("q");
    assert!(app.wait_exit().success());
    let sheet = marked_half_day(dir, &current);
    let first = sheet["marks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["trainee"] == trainees[0].as_str())
        .unwrap();
    assert_eq!(first["status"], "late", "{zone}");
    assert_eq!(
        first["time"], "09:10:00",
        "{zone}: the arrival is Paris time"
    );
    // Instants are stored in UTC, which is the same instant whatever the machine's zone.
    assert_eq!(
        sheet["signature"]["at"].as_str().unwrap()[..16],
        instant[..16],
        "{zone}"
    );
}

#[test]
fn a_machine_set_to_utc_records_paris_time_in_winter_and_summer() {
    late_at_ten_past_nine_in_paris("UTC", "2026-12-08T08:10:00Z", "2026-12-08");
    late_at_ten_past_nine_in_paris("UTC", "2026-07-08T07:10:00Z", "2026-07-08");
}

#[test]
fn a_machine_set_to_new_york_records_paris_time_in_winter_and_summer() {
    late_at_ten_past_nine_in_paris("America/New_York", "2026-12-08T08:10:00Z", "2026-12-08");
    late_at_ten_past_nine_in_paris("America/New_York", "2026-07-08T07:10:00Z", "2026-07-08");
}
