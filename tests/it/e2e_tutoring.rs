//! End-to-end, in a real pseudo-terminal: a trainee asks for tutoring; a trainer accepts it,
//! schedules the session and marks it done; the saved file holds each step, and the calendar
//! export from the screen holds the session.

use crate::common;

use common::pty::{Session, cercle, read_json, sample_dirs};
use std::path::Path;

const PAGE_UP: &str = "\x1b[5~";

#[test]
fn a_request_is_asked_accepted_scheduled_and_done() {
    let (data, config) = sample_dirs("role = \"trainee\"\nme = \"p-nathan-perrin\"\n");
    let dir = data.path().to_owned();

    let mut app = Session::start(&dir, config.path(), &[]);
    app.wait_for("Knowledge circle (");
    app.send("4");
    app.wait_for("Tutor requests (9)");

    // The trainee asks.
    app.send("n");
    app.wait_for("New tutor request · Tiers-lieu de la Gare");
    app.send("Préparer le conseil municipal\t4.1\tOrdre du jour de janvier\r");
    app.wait_for("Tutor requests (10)");
    app.wait_for("[saved]");

    // A trainer takes over: "i", up to the first trainer, Enter.
    app.send("i");
    app.wait_for("Who are you?");
    app.send(PAGE_UP);
    app.send("\r");
    app.wait_for("You are Hélène Marchetti for Cercle now.");

    // The request in full, found by its words.
    app.send("/conseil municipal\r");
    app.wait_for("Tutor requests (1/10)");
    app.send("\r");
    app.wait_for("Suggested tutors");
    app.wait_for("1. Hélène Marchetti · Gironde, ");
    app.wait_for("km, parties prenantes");

    app.send("a");
    app.wait_for("Tutor *");
    app.send("\r");
    app.wait_for("Hélène Marchetti open → accepted");

    app.send("s");
    app.wait_for("Schedule a session");
    app.send("15/01/2030\t14:00\tMairie de Poitiers\r");
    app.wait_for("Session: on 15/01/2030 at 14:00 · call · Mairie de Poitiers");
    app.wait_for("accepted → scheduled");

    app.send("d");
    app.wait_for("Session done");
    app.send("Ordre du jour prêt\tEnvoyer la note au maire\r");
    app.wait_for("scheduled → done");
    app.wait_for("[saved]");

    // The calendar, one key away (Esc closes the detail, Esc again the filter).
    app.send("\x1b");
    app.send("\x1b");
    app.wait_for("Tutor requests (10)");
    app.send("e");
    app.wait_for("Written to");
    app.send("q");
    assert!(app.wait_exit().success());

    let id = saved_request_went_through_each_step(&dir);
    calendar_holds_the_session(&dir, &id);
    let check = cercle(&dir, &["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

/// The request as saved: every step, by the trainer, from open to done. Returns its id.
fn saved_request_went_through_each_step(dir: &Path) -> String {
    let json = read_json(dir);
    let cohort = json["cohorts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "c-na-2026")
        .unwrap();
    let request = cohort["tutor_requests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["subject"] == "Préparer le conseil municipal")
        .expect("the request is saved");
    assert_eq!(request["trainee"], "p-nathan-perrin");
    assert_eq!(request["topic"]["module"], "m-4-1");
    assert_eq!(request["status"], "done");
    assert_eq!(request["tutor"], "p-helene-marchetti");
    assert_eq!(request["session"]["date"], "2030-01-15");
    assert_eq!(request["outcome"]["summary"], "Ordre du jour prêt");
    let steps: Vec<(String, String, String)> = request["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            assert!(t["at"].as_str().is_some_and(|at| at.ends_with('Z')));
            (
                t["by"].as_str().unwrap().to_owned(),
                t["from"].as_str().unwrap().to_owned(),
                t["to"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let by = "p-helene-marchetti".to_owned();
    assert_eq!(
        steps,
        [
            (by.clone(), "open".to_owned(), "accepted".to_owned()),
            (by.clone(), "accepted".to_owned(), "scheduled".to_owned()),
            (by, "scheduled".to_owned(), "done".to_owned()),
        ]
    );

    request["id"].as_str().unwrap().to_owned()
}

/// The export written from the screen holds the session, privately.
fn calendar_holds_the_session(dir: &Path, id: &str) {
    let ics_path = dir.join("exports").join("calendar-c-na-2026.ics");
    let ics = std::fs::read_to_string(&ics_path).unwrap();
    let uid = format!("UID:{id}@cercle\r\n");
    assert!(ics.contains(&uid), "the session is in the calendar");
    assert!(ics.contains("DTSTART;TZID=Europe/Paris:20300115T140000\r\n"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&ics_path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
