//! End-to-end: the real binary in a real pseudo-terminal, keys typed, the screen read back
//! through the vt100 parser.

use crate::common;

use common::pty::{Session, cercle, read_json};
use std::path::Path;
use std::time::Duration;

#[test]
fn first_run_sample_screens_help_undo_quit_and_a_saved_valid_file() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let dir = data.path().join("cercle");
    let mut app = Session::start(&dir, config.path(), &[]);
    app.wait_for("Welcome to Cercle");
    app.send("t");
    app.wait_for("→ trainer");
    app.send("s");
    app.wait_for("Nouvelle-Aquitaine");
    app.wait_for("[saved]");
    for (key, title) in [
        ("2", "Knowledge circle ("),
        ("3", "Peer contacts ("),
        ("4", "Tutor requests ("),
        ("1", "Modules ("),
    ] {
        app.send(key);
        app.wait_for(title);
    }
    app.send("?");
    app.wait_for("Keys (?)");
    app.send("\x1b");
    std::thread::sleep(Duration::from_millis(100));
    assert!(!app.contents().contains("Keys (?)"), "Esc closes the help");
    // A change, then undo it.
    let people_before = read_json(&dir)["people"].as_array().unwrap().len();
    app.send("3");
    app.send("d");
    app.wait_for("Please confirm");
    app.send("y");
    app.wait_for("[saved]");
    app.send("u");
    app.wait_for("Undone: delete");
    app.wait_for("[saved]");
    app.send("q");
    let status = app.wait_exit();
    assert!(status.success(), "{status:?}");

    let json = read_json(&dir);
    assert_eq!(
        json["people"].as_array().unwrap().len(),
        people_before,
        "the undo was saved"
    );
    let check = cercle(&dir, &["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    // The role belongs to the data directory, private to this machine; the settings file keeps
    // what is the same for every directory.
    let identity = dir.join(cercle::config::IDENTITY_FILE);
    let settings = std::fs::read_to_string(&identity).unwrap();
    assert!(settings.contains("role = \"trainer\""), "{settings}");
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(
            &std::fs::metadata(&identity).unwrap().permissions()
        ) & 0o777,
        0o600
    );
    let shared = std::fs::read_to_string(config.path().join("config.toml")).unwrap();
    assert!(!shared.contains("role"), "{shared}");
    assert!(!dir.join("cercle.lock").exists() || lock_is_free(&dir));
}

fn lock_is_free(dir: &Path) -> bool {
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(dir.join("cercle.lock"))
        .unwrap();
    file.try_lock().is_ok()
}

#[test]
fn a_second_instance_is_refused_with_the_holder_named() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let dir = data.path().to_owned();
    assert!(cercle(&dir, &["init", "--sample"]).status.success());
    let mut first = Session::start(&dir, config.path(), &["--lang", "fr"]);
    first.wait_for("Modules (");
    let pid = first.child.process_id().expect("a pid");
    // In a terminal of its own: without one, the app would not even try the lock.
    let second = Session::start(&dir, config.path(), &[]);
    second.wait_for(&format!("process {pid}"));
    assert_eq!(second.wait_exit().exit_code(), 3, "the holder is named");
    first.send("q");
    assert!(first.wait_exit().success());
}

#[test]
fn work_kept_after_a_crash_is_offered_back_at_the_next_start() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let dir = data.path().to_owned();
    assert!(cercle(&dir, &["init", "--sample"]).status.success());
    // What a panic hook leaves behind: the state in memory, beside (never over) cercle.json.
    let mut kept = cercle::sample::sample();
    kept.people[0].name = "Camille Dubois-Recovered".into();
    cercle::store::write_recovery(&dir, &serde_json::to_vec(&kept).unwrap()).unwrap();
    let before = std::fs::read(dir.join("cercle.json")).unwrap();

    let mut app = Session::start(&dir, config.path(), &[]);
    app.wait_for("Cercle stopped unexpectedly last time.");
    assert_eq!(
        std::fs::read(dir.join("cercle.json")).unwrap(),
        before,
        "nothing is written before the answer"
    );
    app.send("y");
    app.wait_for("was recovered");
    app.wait_for("[saved]");
    app.send("q");
    assert!(app.wait_exit().success());
    let saved = read_json(&dir);
    assert_eq!(saved["people"][0]["name"], "Camille Dubois-Recovered");
    assert!(
        !dir.join(cercle::store::RECOVERY_FILE).exists(),
        "the recovery file is gone once saved"
    );
}
