//! End-to-end, in a real pseudo-terminal, a trainer's day: the seminar form asks before saving
//! a seminar on a holiday; the speaking round takes who is in the room at the morning's roll
//! call and asks before a new draw; a codevelopment session gets its times and notes, asks
//! before it ends early, and is in the saved file.

use crate::common;

use common::pty::{Session, cercle, read_json, sample_dirs};
use std::ffi::OsStr;

/// Tuesday 8 December 2026, 9:10 in Paris: the first morning of Sabine's seminar (s-na26-08).
const NOW: &str = "2026-12-08T08:10:00Z";
const DOWN: &str = "\x1b[B";
const CTRL_U: &str = "\x15";

/// Sabine Roux, a trainer of the cohort, on the seminar's first morning.
fn start() -> (tempfile::TempDir, tempfile::TempDir, Session) {
    let (data, config) = sample_dirs("role = \"trainer\"\nme = \"p-sabine-roux\"\n");
    let app = Session::start_with(
        data.path(),
        config.path(),
        &[],
        &[("CERCLE_NOW", OsStr::new(NOW)), ("TZ", OsStr::new("UTC"))],
    );
    // A trainer on a seminar's day opens on its roll call.
    app.wait_for("Roll call · 08/12/2026 morning");
    (data, config, app)
}

fn cohort(dir: &std::path::Path) -> serde_json::Value {
    read_json(dir)["cohorts"][1].clone()
}

#[test]
fn a_seminar_moved_onto_christmas_is_saved_only_after_a_yes() {
    let (data, _config, mut app) = start();
    // The seminars, the last one (Hélène's 4.4 in January), its form, its first day.
    app.send("\x1b");
    app.wait_for("4.3 · Sabine Roux");
    app.send("\x1b");
    app.wait_for("Seminars (9)");
    app.send("G");
    app.send("e");
    app.wait_for("Edit the seminar");
    app.send(&format!("{DOWN}{DOWN}{DOWN}{CTRL_U}24/12/2026\r"));
    app.wait_for("25/12/2026 is a public holiday (Noël).");
    // No: back to the form, the date as typed; corrected, it saves at once.
    app.send("n");
    app.wait_for("24/12/2026");
    app.send(&format!("{CTRL_U}22/12/2026\r"));
    app.wait_for("22/12/2026  4.4");
    app.wait_for("[saved]");
    let seminar = cohort(data.path())["seminars"][8].clone();
    assert_eq!(seminar["half_days"][0]["date"], "2026-12-22");
    // Onto Christmas again, and yes: saved as it is.
    app.send("e");
    app.wait_for("Edit the seminar");
    app.send(&format!("{DOWN}{DOWN}{DOWN}{CTRL_U}24/12/2026\r"));
    app.wait_for("public holiday (Noël)");
    app.send("y");
    app.wait_for("24/12/2026  4.4");
    app.wait_for("[saved]");
    app.send("q");
    assert!(app.wait_exit().success());
    let seminar = cohort(data.path())["seminars"][8].clone();
    assert_eq!(seminar["half_days"][2]["date"], "2026-12-25");
}

#[test]
fn the_round_takes_who_is_in_the_room_and_a_new_draw_asks_first() {
    let (_data, _config, mut app) = start();
    // The morning's roll call: everyone present, then Camille (first) absent.
    app.send("P");
    app.send("a");
    app.wait_for("[saved]");
    app.send("\x1b\x1b");
    app.send("2");
    app.wait_for("running (10/12)");
    app.send("s");
    app.wait_for("Drawn from the 9 present at this morning's roll call.");
    let round = app.contents();
    assert!(!round.contains("Camille Dubois"), "{round}");
    assert!(round.contains("Malik Benali"), "{round}");
    app.send("n");
    app.wait_for("(spoke)");
    app.send("d");
    app.wait_for("Draw the speaking order again?");
    app.send("n");
    app.wait_for("(spoke)");
    app.send("d");
    app.wait_for("Draw the speaking order again?");
    app.send("y");
    app.wait_for("⏱ 3:00 left (paused)");
    let again = app.contents();
    assert!(!again.contains("(spoke)"), "a new round: {again}");
    assert!(again.contains("Drawn from the 9 present"), "{again}");
    app.send("q");
    assert!(app.wait_exit().success());
}

#[test]
fn a_codevelopment_session_is_timed_noted_asked_before_ending_and_kept() {
    let (data, _config, mut app) = start();
    app.send("2");
    app.wait_for("running (10/12)");
    // Camille the client, three consultants, begin.
    app.send("C");
    app.wait_for("Codevelopment");
    app.send("\r");
    app.send("jmjmjm");
    app.send("b");
    app.wait_for("1. Expose (15 min)");
    app.send("++");
    app.wait_for("1. Expose (17 min)");
    app.send("e");
    app.wait_for("Notes: Expose");
    app.send("Le lieu manque de bénévoles\r");
    app.wait_for("✎ Le lieu manque de bénévoles");
    app.wait_for("[saved]");
    app.send("n");
    app.wait_for("▶ 2. Clarify");
    app.send("b");
    app.wait_for("End Camille Dubois's session now, at step 2 of 6?");
    app.send("n");
    app.wait_for("▶ 2. Clarify");
    app.send("b");
    app.wait_for("at step 2 of 6?");
    app.send("y");
    app.wait_for("people (4 to 8)");
    app.wait_for("[saved]");
    app.send("q");
    assert!(app.wait_exit().success());

    let session = cohort(data.path())["codev_sessions"][0].clone();
    assert_eq!(session["client"], "p-camille-dubois");
    assert_eq!(session["consultants"].as_array().unwrap().len(), 3);
    assert_eq!(session["date"], "2026-12-08");
    assert_eq!(session["steps_done"], 1);
    assert_eq!(session["steps"][0]["minutes"], 17);
    assert_eq!(session["steps"][0]["notes"], "Le lieu manque de bénévoles");
    assert_eq!(session["steps"][3]["step"], "consult");
    let check = cercle(data.path(), &["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}
