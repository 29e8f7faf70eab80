//! End-to-end: a trainer opens today's half-day, marks everyone present, two exceptions, signs
//! and quits; the marks and the signature are in the saved file.

mod common;

use common::pty::{Session, cercle};
use serde_json::{Value, json};

#[test]
fn todays_roll_call_everyone_present_two_exceptions_signed_and_saved() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let dir = data.path();
    assert!(cercle(dir, &["init", "--sample"]).status.success());
    // A seminar today, whatever day the test runs: both half-days, so the hour does not matter.
    let path = dir.join("cercle.json");
    let mut file: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let today = chrono::Local::now().date_naive().to_string();
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
    std::fs::write(&path, serde_json::to_vec_pretty(&file).unwrap()).unwrap();
    let settings = format!(
        "role = \"trainer\"\nme = \"{}\"\n",
        trainer.as_str().unwrap()
    );
    std::fs::write(config.path().join("config.toml"), settings).unwrap();

    let mut app = Session::start(dir, config.path(), &[]);
    // A trainer lands on today's roll call; `t` is the one key that opens it from anywhere.
    app.wait_for("0/10 marked");
    app.send("t");
    app.send("P");
    app.wait_for("10/10 marked");
    app.send("a");
    app.send("l");
    app.send("S");
    app.wait_for("signed by");
    app.wait_for("[saved]");
    app.send("q");
    assert!(app.wait_exit().success());

    let saved: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let cohort = saved["cohorts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == current)
        .unwrap();
    let seminar = cohort["seminars"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "s-e2e")
        .unwrap();
    let sheet = seminar["half_days"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["signature"].is_object())
        .expect("a signed sheet");
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
        cercle(dir, &["check"]).status.code() != Some(2),
        "the file reads back"
    );
}
