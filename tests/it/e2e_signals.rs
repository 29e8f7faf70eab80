//! End-to-end, in a real pseudo-terminal: the terminal is closed (SIGHUP) or the session ends
//! (SIGTERM) while work is unsaved. The work is kept in the recovery file, as after a crash,
//! and the next start offers it back; with everything saved, the app just leaves.

use crate::common;

use common::pty::{Session, documents, edit_outside, read_json, sample_dirs};

type Documents = std::collections::BTreeMap<std::path::PathBuf, Vec<u8>>;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

const NEWCOMER: &str = "Zoé Signalée";

/// Sends `signal` (`HUP`, `TERM`) to the app, as a closing terminal or a logout would.
fn send_signal(app: &Session, signal: &str) {
    let pid = app.child.process_id().expect("a pid");
    let sent = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

fn names(json: &serde_json::Value) -> Vec<String> {
    json["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// Another program changes the file, then I add a person, whose save is refused: the work is
/// unsaved. Returns the documents as the other program left them.
fn add_a_person_that_cannot_be_saved(app: &mut Session, dir: &Path) -> Documents {
    app.wait_for("Modules (");
    edit_outside(dir, "Edited elsewhere");
    let theirs = documents(dir);
    app.send("3n");
    app.wait_for("New person");
    app.send(NEWCOMER);
    app.send("\r");
    app.wait_for("The data file changed");
    theirs
}

/// Another program changes the file, so my new person cannot be saved; then `signal`.
fn unsaved_work_is_kept_on(signal: &str) {
    let (data, config) = sample_dirs("role = \"trainer\"\n");
    let dir = data.path();
    let mut app = Session::start(dir, config.path(), &[]);
    let theirs = add_a_person_that_cannot_be_saved(&mut app, dir);

    send_signal(&app, signal);
    let status = app.wait_exit();
    assert!(status.success(), "{signal}: {status:?}");

    let recovery = dir.join(cercle::store::RECOVERY_FILE);
    assert!(recovery.exists(), "{signal}: no recovery file");
    let mode = std::fs::metadata(&recovery).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{signal}: the recovery file is private");
    let kept: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&recovery).unwrap()).unwrap();
    assert!(
        names(&kept).contains(&NEWCOMER.to_owned()),
        "{signal}: the new person is kept"
    );
    assert!(
        documents(dir) == theirs,
        "{signal}: the other program's documents are left as they were"
    );

    offered_back_at_the_next_start(dir, config.path());
}

/// The next start offers the kept work; taking it saves it over the other program's file.
fn offered_back_at_the_next_start(dir: &Path, config: &Path) {
    let mut app = Session::start(dir, config, &[]);
    app.wait_for("Cercle stopped unexpectedly last time.");
    app.send("y");
    app.wait_for("was recovered");
    app.wait_for("[saved]");
    app.send("q");
    assert!(app.wait_exit().success());
    assert!(names(&read_json(dir)).contains(&NEWCOMER.to_owned()));
    assert!(!dir.join(cercle::store::RECOVERY_FILE).exists());
}

#[test]
fn closing_the_terminal_keeps_unsaved_work_for_the_next_start() {
    unsaved_work_is_kept_on("HUP");
}

#[test]
fn the_end_of_the_session_keeps_unsaved_work_for_the_next_start() {
    unsaved_work_is_kept_on("TERM");
}

/// Waits until the app left and released its lock (it is no child of ours to wait for).
fn lock_freed(dir: &Path) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while cercle::store::Store::open(dir).is_err() {
        assert!(Instant::now() < deadline, "the app never released its lock");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A real hangup, as when a terminal emulator or a tmux session is closed: the app runs in a
/// terminal of `script`'s, and `script` is killed, which closes that terminal for good. The
/// terminal's input then stays at end-of-file, which keeps crossterm's `poll` from returning.
#[test]
fn a_terminal_that_really_hangs_up_keeps_unsaved_work() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no `script` (util-linux) to run the app in a terminal of its own");
        return;
    }
    let (data, config) = sample_dirs("role = \"trainer\"\n");
    let dir = data.path();
    let runner: Vec<String> = ["sh", "-c", r#"exec script -qfec "$0" /dev/null"#]
        .map(str::to_owned)
        .to_vec();
    let mut app = Session::start_under(&runner, dir, config.path(), &[]);
    let theirs = add_a_person_that_cannot_be_saved(&mut app, dir);

    send_signal(&app, "KILL");
    let _ = app.wait_exit();
    lock_freed(dir);
    let recovery = dir.join(cercle::store::RECOVERY_FILE);
    let kept: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&recovery).unwrap()).unwrap();
    assert!(names(&kept).contains(&NEWCOMER.to_owned()));
    assert!(documents(dir) == theirs, "no document was rewritten");
}

#[test]
fn with_everything_saved_sigterm_just_leaves_and_frees_the_lock() {
    let (data, config) = sample_dirs("role = \"trainer\"\n");
    let dir = data.path();
    let mut app = Session::start(dir, config.path(), &[]);
    app.wait_for("Modules (");
    app.send("3n");
    app.wait_for("New person");
    app.send(NEWCOMER);
    app.send("\r");
    app.wait_for("[saved]");

    send_signal(&app, "TERM");
    assert!(app.wait_exit().success());
    assert!(!dir.join(cercle::store::RECOVERY_FILE).exists());
    assert!(names(&read_json(dir)).contains(&NEWCOMER.to_owned()));
    cercle::store::Store::open(dir).expect("the lock is free");
}
