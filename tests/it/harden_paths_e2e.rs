//! "Save a copy" (`W`) in the real app, aimed at the lock and at a backup: refused, with the
//! reason on screen, and the lock keeps every other writer out.

use crate::common;

use common::pty::{Session, documents, sample_dirs};

/// Types `name` into the "Save a copy" field (titled `title`) in place of what it proposes,
/// and submits.
fn save_copy_as(app: &mut Session, title: &str, name: &str) {
    app.send("W");
    app.wait_for(title);
    app.send(&"\x7f".repeat(120));
    app.send(name);
    app.send("\r");
}

#[test]
fn a_copy_aimed_at_the_lock_or_a_backup_is_refused_and_the_lock_holds() {
    let (data, config) = sample_dirs("role = \"trainer\"\n");
    let dir = data.path();
    let mut app = Session::start(dir, config.path(), &[]);
    app.wait_for("Modules (");
    // A change saved, so that the previous version is kept as a backup.
    app.send("3d");
    app.wait_for("Please confirm");
    app.send("y");
    let store = cercle::store::Store::open_read_only(dir).unwrap();
    let mut backups = store.backups().unwrap();
    for _ in 0..100 {
        if !backups.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        backups = store.backups().unwrap();
    }
    let backup = backups
        .first()
        .expect("the save kept a backup")
        .path
        .clone();
    // The backup is a set of the documents the save replaced, laid out as the data directory.
    let kept = documents(&backup);
    let lock = dir.join(cercle::store::LOCK_FILE);
    let pid = std::fs::read(&lock).unwrap();

    save_copy_as(&mut app, "Save a copy", "cercle.lock");
    app.wait_for("The copy was not saved");
    app.wait_for("is one of Cercle's own file");
    assert_eq!(std::fs::read(&lock).unwrap(), pid);
    assert!(matches!(
        cercle::store::Store::open(dir),
        Err(cercle::store::StoreError::Locked { .. })
    ));

    for document in ["cercle.json", "cercle/cohorts/c-na-2026.json"] {
        let relative = backup.strip_prefix(dir).unwrap().join(document);
        save_copy_as(&mut app, "Save a copy", &relative.display().to_string());
        app.wait_for("The copy was not saved");
        app.send("\x1b");
        assert!(documents(&backup) == kept, "{document} of the set is kept");
    }
    // Nor is a document of the data itself a place for a copy.
    app.wait_for("[saved]");
    let current = documents(dir);
    save_copy_as(&mut app, "Save a copy", "cercle/cohorts/c-na-2026.json");
    app.wait_for("The copy was not saved");
    assert!(documents(dir) == current, "no document was rewritten");

    app.send("q");
    assert!(app.wait_exit().success());
}

#[test]
fn in_french_the_refusal_is_told_in_french() {
    let (data, config) = sample_dirs("role = \"trainer\"\nlanguage = \"fr\"\n");
    let dir = data.path();
    let mut app = Session::start(dir, config.path(), &[]);
    app.wait_for("Modules (");
    let pid = std::fs::read(dir.join(cercle::store::LOCK_FILE)).unwrap();
    save_copy_as(&mut app, "Enregistrer une copie", "cercle.lock");
    app.wait_for("La copie n'a pas été enregistrée");
    app.wait_for("cercle.lock est l'un des");
    assert_eq!(
        std::fs::read(dir.join(cercle::store::LOCK_FILE)).unwrap(),
        pid
    );
    app.send("q");
    assert!(app.wait_exit().success());
}
