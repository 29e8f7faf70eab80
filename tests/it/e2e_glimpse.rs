//! End-to-end, in a real pseudo-terminal: a trainer opens a network whose finished cohorts are
//! on the shelf. Her screens show before those cohorts are read (`[opening…]`); the keys she
//! types meanwhile are held, then acted on in their order once the data is whole; and her mark
//! writes her cohort's document alone: no finished cohort is lost or rewritten.

use crate::common;

use cercle::store::shelf::SHELF_FILE;
use common::pty::{Session, cercle, documents};
use std::ffi::OsStr;

const NOW: &str = "2026-12-08T08:10:00Z";

#[test]
fn keys_typed_while_the_finished_cohorts_are_read_act_once_the_data_is_whole() {
    let data_dir = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let dir = data_dir.path();
    let made = cercle(dir, &["generate", "--cohorts", "150", "--seed", "42"]);
    assert!(made.status.success());
    let env = [("CERCLE_NOW", OsStr::new(NOW))];

    // First open: nothing on the shelf, so no first look; the load puts the finished cohorts
    // on the shelf.
    let mut first = Session::start_with(dir, config.path(), &[], &env);
    first.wait_for("Modules (");
    let shown = String::from_utf8_lossy(&first.raw_output()).into_owned();
    assert!(!shown.contains("opening…"));
    first.send("q");
    assert!(first.wait_exit().success());
    assert!(dir.join(SHELF_FILE).exists());
    let before = documents(dir);

    // Second open: the screens show at once, the finished cohorts still being read.
    let mut app = Session::start_with(dir, config.path(), &[], &env);
    app.wait_for("Modules (");
    let shown = String::from_utf8_lossy(&app.raw_output()).into_owned();
    assert!(shown.contains("opening…"), "no first look was shown");
    // Seminars, the last one, its half-days, the roll call, Camille present: typed at once.
    for key in ["s", "G", "\r", "\r", "p"] {
        app.send(key);
    }
    app.wait_for("Roll call ·");
    app.wait_for("[saved]");
    assert!(!app.contents().contains("opening…"));
    app.send("q");
    assert!(app.wait_exit().success());

    // The mark is in her cohort's document; every other document is as it was.
    let after = documents(dir);
    let current = std::path::Path::new("cercle/cohorts/c-0150.json");
    let changed: Vec<_> = after
        .iter()
        .filter(|(path, bytes)| before.get(*path) != Some(*bytes))
        .map(|(path, _)| path.clone())
        .collect();
    let gone: Vec<_> = before.keys().filter(|p| !after.contains_key(*p)).collect();
    assert!(gone.is_empty(), "documents gone: {gone:?}");
    assert!(
        changed.iter().all(|p| p.ends_with(current)),
        "documents rewritten: {changed:?}"
    );
    assert_eq!(changed.len(), 1, "the mark was not saved");
    let checked = cercle(dir, &["check"]);
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stdout)
    );
}
