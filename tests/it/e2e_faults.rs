//! Faults met by the real app in a real terminal: another program edits the data file, the
//! disk is full (a file-size limit), the data directory is read-only. In each, nothing the
//! user did is lost and nothing on disk is damaged.

use crate::common;

use common::pty::{Session, cercle, documents, edit_outside, read_json, sample_dirs};
use common::sys;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const SAMPLE_TITLE: &str = "Facilitateur·rice de tiers-lieux";

fn people(json: &serde_json::Value) -> usize {
    json["people"].as_array().unwrap().len()
}

/// Every file under `dir` (one level, and `backups/`) with a hash of its bytes; the lock file
/// only by name (a command run as another user than root may write its pid in a leftover one).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, u64> {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    let mut files = BTreeMap::new();
    for sub in [dir.to_owned(), dir.join("backups")] {
        for entry in std::fs::read_dir(&sub).into_iter().flatten().flatten() {
            if entry.file_type().unwrap().is_file() {
                let bytes = std::fs::read(entry.path()).unwrap();
                let hash = if entry.file_name() == "cercle.lock" {
                    0
                } else {
                    BuildHasherDefault::<DefaultHasher>::default().hash_one(bytes)
                };
                files.insert(entry.path(), hash);
            }
        }
    }
    files
}

#[test]
fn another_programs_edit_is_never_overwritten_without_asking() {
    let (data, config) = sample_dirs("role = \"trainer\"\n");
    let dir = data.path();
    let before = people(&read_json(dir));
    let mut app = Session::start(dir, config.path(), &[]);
    app.wait_for("Modules (");

    // 1. Their edit, then mine: my save is refused and the choice offered; I save elsewhere.
    edit_outside(dir, "Edited elsewhere");
    app.send("3d");
    app.wait_for("Please confirm");
    app.send("y");
    app.wait_for("The data file changed");
    assert_eq!(read_json(dir)["programme"]["title"], "Edited elsewhere");
    app.send("w");
    app.wait_for("Save a copy");
    app.send("\r");
    app.wait_for("A copy was saved to");
    let copy = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("cercle-2"))
        .expect("the copy is in the data directory");
    let copy: serde_json::Value = serde_json::from_slice(&std::fs::read(copy).unwrap()).unwrap();
    assert_eq!(people(&copy), before - 1, "the copy holds my change");
    assert_eq!(read_json(dir)["programme"]["title"], "Edited elsewhere");

    // 2. Ctrl-s asks again; I overwrite: mine is saved, theirs kept as a backup.
    app.send("\x13");
    app.wait_for("The data file changed");
    app.send("o");
    app.wait_for("Saved over the other program");
    let json = read_json(dir);
    assert_eq!(people(&json), before - 1);
    assert_eq!(json["programme"]["title"], SAMPLE_TITLE);
    let backups = cercle::store::Store::open_read_only(dir)
        .unwrap()
        .backups()
        .unwrap();
    let theirs = std::fs::read_to_string(backups[0].path.join("cercle.json")).unwrap();
    assert!(
        theirs.contains("Edited elsewhere"),
        "theirs kept in a backup set"
    );

    // 3. Their edit again, then my undo: I reload theirs, and the file stays as they left it.
    let bytes = edit_outside(dir, "Second edit");
    let theirs = documents(dir);
    app.send("u");
    app.wait_for("The data file changed");
    app.send("r");
    app.wait_for("Reloaded the file");
    app.wait_for("Second edit");
    app.send("q");
    assert!(app.wait_exit().success());
    assert_eq!(std::fs::read(dir.join("cercle.json")).unwrap(), bytes);
    assert!(documents(dir) == theirs, "no document was rewritten");
}

#[test]
fn a_full_disk_keeps_the_file_and_the_work_until_space_returns() {
    let (data, config) = sample_dirs("role = \"trainer\"\n");
    let dir = data.path();
    let original = std::fs::read(dir.join("cercle.json")).unwrap();
    let before = people(&read_json(dir));
    // Files may not grow past 16 blocks (8 or 16 KiB, far below the 130 KiB file); SIGXFSZ
    // ignored turns a write past the limit into an error instead of a kill.
    let runner: Vec<String> = [
        "sh",
        "-c",
        r#"trap '' XFSZ; ulimit -S -f 16 && exec "$0" "$@""#,
    ]
    .map(str::to_owned)
    .to_vec();
    let mut app = Session::start_under(&runner, dir, config.path(), &[]);
    app.wait_for("Modules (");
    app.send("3d");
    app.wait_for("Please confirm");
    app.send("y");
    app.wait_for("kept in memory. The file is larger");
    app.wait_for("[not saved");
    assert_eq!(
        std::fs::read(dir.join("cercle.json")).unwrap(),
        original,
        "the original is byte-identical"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary file left: {leftovers:?}"
    );
    // The app keeps running.
    app.send("2");
    app.wait_for("Knowledge circle (");

    // Space comes back; saving again writes the work kept in memory.
    sys::lift_file_size_limit(app.child.process_id().expect("a pid"));
    app.send("\x13");
    app.wait_for("[saved]");
    app.send("q");
    assert!(app.wait_exit().success());
    assert_eq!(people(&read_json(dir)), before - 1, "nothing was lost");
}

#[test]
fn a_read_only_data_directory_opens_read_only_and_is_left_untouched() {
    let (data, config) = sample_dirs("role = \"trainer\"\n");
    let dir = data.path();
    let elsewhere = tempfile::tempdir().unwrap();
    let before = snapshot(dir);
    let runner = match sys::read_only_runner(dir) {
        Ok(runner) => runner,
        Err(why) => {
            eprintln!("skipped: {why}");
            return;
        }
    };
    let mut app = Session::start_under(&runner, dir, config.path(), &[]);
    app.wait_for("cannot be written");
    app.wait_for("[read-only]");
    app.send("3d");
    app.wait_for("Please confirm");
    app.send("y");
    app.wait_for("This change was not made");
    // A copy can still be saved elsewhere.
    let copy = elsewhere.path().join("copy.json");
    app.send("W");
    app.wait_for("Save a copy");
    app.send(&"\x7f".repeat(40));
    app.send(&copy.display().to_string());
    app.send("\r");
    app.wait_for("A copy was saved to");
    app.send("q");
    assert!(app.wait_exit().success());

    // Commands that only read work; those that write say why they cannot.
    let run = |args: &[&str]| {
        let mut words = runner.clone();
        words.push(crate::common::CERCLE.to_owned());
        words.extend(args.iter().map(|a| (*a).to_owned()));
        let mut command = std::process::Command::new(&words[0]);
        command.args(&words[1..]).env("CERCLE_DATA_DIR", dir);
        command.output().unwrap()
    };
    assert!(run(&["summary"]).status.success());
    let forget = run(&["forget", "Agathe Brunet", "--yes"]);
    assert!(!forget.status.success());
    let said = String::from_utf8_lossy(&forget.stderr).to_lowercase();
    assert!(
        said.contains("read-only") || said.contains("permission"),
        "{said}"
    );
    sys::make_writable_again(dir);
    assert_eq!(snapshot(dir), before, "nothing in the directory changed");
    let copied: serde_json::Value = serde_json::from_slice(&std::fs::read(&copy).unwrap()).unwrap();
    assert_eq!(copied, read_json(dir));
    assert!(cercle(dir, &["check"]).status.success());
}

#[test]
fn a_second_app_is_refused_then_opens_at_once_after_kill_9_of_the_first() {
    let (data, config) = sample_dirs("role = \"trainer\"\n");
    let dir = data.path();
    let mut first = Session::start(dir, config.path(), &[]);
    first.wait_for("Modules (");
    first.send("3d");
    first.wait_for("Please confirm");
    first.send("y");
    first.wait_for("[saved]");
    let saved = std::fs::read(dir.join("cercle.json")).unwrap();
    let pid = first.child.process_id().expect("a pid");
    // In a terminal of its own: without one, the app would not even try the lock.
    let refused = Session::start(dir, config.path(), &[]);
    refused.wait_for(&format!("process {pid}"));
    assert_eq!(refused.wait_exit().exit_code(), 3, "the second is refused");

    let killed = std::process::Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let _ = first.wait_exit();
    // No waiting and no stale lock: the next one opens on the first try, with the saved work.
    let mut second = Session::start(dir, config.path(), &[]);
    second.wait_for("Modules (");
    assert_eq!(std::fs::read(dir.join("cercle.json")).unwrap(), saved);
    second.send("q");
    assert!(second.wait_exit().success());
}
