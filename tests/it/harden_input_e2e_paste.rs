//! End-to-end, in a real pseudo-terminal: a bracketed paste holding a line break and command
//! letters lands whole in the field being typed in. Nothing is saved, exported, undone or quit
//! until the person presses Enter; the terminal's paste mode is turned off on the way out.

use crate::common;

use common::pty::{Session, read_json, sample_dirs};
use std::time::{Duration, Instant};

const PASTE_ON: &str = "\u{1b}[?2004h";
const PASTE_OFF: &str = "\u{1b}[?2004l";

fn descriptions(json: &serde_json::Value) -> Vec<String> {
    json["cohorts"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["tutor_requests"].as_array().cloned().unwrap_or_default())
        .map(|r| r["description"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn a_bracketed_paste_lands_whole_in_the_field_and_runs_no_command() {
    let (data, config) = sample_dirs("role = \"trainee\"\nme = \"p-nathan-perrin\"\n");
    let dir = data.path();
    let before = std::fs::read(dir.join("cercle.json")).unwrap();
    let mut app = Session::start(dir, config.path(), &[]);
    app.wait_for("Knowledge circle (");
    app.send("4");
    app.wait_for("Tutor requests (9)");
    app.send("n");
    app.wait_for("New tutor request");
    // The subject, then on to the description.
    app.send("Statuts\t\t");

    app.send("\u{1b}[200~Bonjour,\nvoici ma question e u q\u{1b}[201~");
    app.wait_for("voici ma question e u q");
    // To the next field: the description shows whole, its line break as ⏎.
    app.send("\t");
    app.wait_for("Bonjour, ⏎ voici ma question e u q");

    assert!(
        app.child.try_wait().unwrap().is_none(),
        "the app is still running"
    );
    assert!(
        app.contents().contains("New tutor request"),
        "the form is open"
    );
    assert_eq!(
        std::fs::read(dir.join("cercle.json")).unwrap(),
        before,
        "nothing was saved or undone"
    );
    assert!(!dir.join("exports").exists(), "nothing was exported");

    app.send("\r");
    app.wait_for("Tutor requests (10)");
    app.wait_for("[saved]");
    let raw = String::from_utf8_lossy(&app.raw_output()).into_owned();
    assert!(raw.contains(PASTE_ON), "the app turns bracketed paste on");
    app.send("q");
    assert!(paste_mode_left(&app), "and off again on the way out");
    assert!(app.wait_exit().success());
    assert!(
        descriptions(&read_json(dir)).contains(&"Bonjour,\nvoici ma question e u q".to_owned())
    );
}

/// Whether the terminal was told to leave paste mode after it was last told to enter it
/// (waiting for the app to get there).
fn paste_mode_left(app: &Session) -> bool {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        let raw = String::from_utf8_lossy(&app.raw_output()).into_owned();
        if raw
            .rfind(PASTE_ON)
            .is_some_and(|on| raw[on..].contains(PASTE_OFF))
        {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}
