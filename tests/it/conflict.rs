//! A data file changed by another program while the app is open: the save is refused, and the
//! user is offered to reload, to save elsewhere, or to overwrite. Update, render and worker
//! tests; the journey in a real terminal is in `e2e_faults.rs`.

use crate::common;

use cercle::app::{self, Context, Effect, Overlay, SaveState, conflict};
use cercle::domain::Data;
use cercle::i18n::Lang;
use cercle::store::{DATA_FILE, Store};
use cercle::tui::worker::{self, Job, Report, Worker};
use common::pty::{edit_outside, read_json};
use common::{press, render, sample_app};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

fn conflicted(lang: Lang) -> cercle::app::App {
    let mut app = sample_app(lang);
    press(&mut app, "3");
    conflict::changed_on_disk(&mut app);
    app
}

#[test]
fn the_refused_save_asks_what_to_do_in_both_languages() {
    for (lang, code) in [(Lang::En, "en"), (Lang::Fr, "fr")] {
        let app = conflicted(lang);
        assert!(matches!(app.overlay, Some(Overlay::ChangedOnDisk)));
        assert_eq!(app::context(&app), Context::ChangedOnDisk);
        assert!(matches!(app.save, SaveState::Failed(_)));
        insta::assert_snapshot!(format!("changed_on_disk_{code}"), render(&app, 80, 24));
    }
}

#[test]
fn reload_takes_their_file_and_undo_brings_mine_back() {
    let mut app = conflicted(Lang::En);
    let mine = Arc::clone(&app.data);
    assert_eq!(press(&mut app, "r"), vec![Effect::Reload]);
    let mut theirs = (*mine).clone();
    theirs.programme.title = "Edited elsewhere".into();
    conflict::reloaded(&mut app, Ok(theirs.clone()));
    assert_eq!(*app.data, theirs);
    assert_eq!(app.save, SaveState::Saved);
    assert!(app.overlay.is_none());
    assert!(render(&app, 100, 24).contains("Edited elsewhere"));
    // Their version is now the one on disk; undo brings mine back and saves it over theirs.
    assert_eq!(press(&mut app, "u"), vec![Effect::Save]);
    assert_eq!(app.data, mine);
}

#[test]
fn a_failed_reload_keeps_my_version() {
    let mut app = conflicted(Lang::Fr);
    let mine = Arc::clone(&app.data);
    press(&mut app, "r");
    conflict::reloaded(&mut app, Err("cercle.json is damaged".into()));
    assert_eq!(app.data, mine);
    let notice = app.notice.clone().unwrap();
    assert!(
        notice.error && notice.text.contains("damaged"),
        "{notice:?}"
    );
}

#[test]
fn overwrite_saves_mine_over_theirs() {
    let mut app = conflicted(Lang::En);
    assert_eq!(press(&mut app, "o"), vec![Effect::Overwrite]);
    assert_eq!(app.save, SaveState::Saving);
    assert!(app.overlay.is_none());
}

#[test]
fn save_elsewhere_asks_for_a_file_then_writes_a_copy() {
    let mut app = conflicted(Lang::En);
    assert!(press(&mut app, "w").is_empty());
    assert!(render(&app, 80, 24).contains("cercle-20261128-100000.json"));
    assert_eq!(
        press(&mut app, "<Enter>"),
        vec![Effect::SaveCopy(PathBuf::from(
            "cercle-20261128-100000.json"
        ))]
    );
    conflict::copy_saved(&mut app, Ok(PathBuf::from("/d/cercle-copy.json")));
    assert!(app.notice.unwrap().text.contains("/d/cercle-copy.json"));
}

#[test]
fn deciding_later_keeps_the_work_unsaved_and_ctrl_s_asks_again() {
    let mut app = conflicted(Lang::En);
    let mine = Arc::clone(&app.data);
    assert!(press(&mut app, "<Esc>").is_empty());
    assert!(app.overlay.is_none());
    assert_eq!(app.data, mine);
    assert!(render(&app, 80, 24).contains("Not saved"));
    assert_eq!(press(&mut app, "<C-s>"), vec![Effect::Save]);
    // Other keys do not dismiss the question.
    conflict::changed_on_disk(&mut app);
    assert!(press(&mut app, "jx3").is_empty());
    assert!(matches!(app.overlay, Some(Overlay::ChangedOnDisk)));
    // `W` offers a copy anywhere in the app, e.g. when the directory is read-only.
    press(&mut app, "<Esc>W");
    assert!(render(&app, 80, 24).contains("Save a copy"));
}

// ---------------------------------------------------------------- the disk worker

fn next_report(worker: &Worker) -> Report {
    loop {
        match worker
            .reports
            .recv_timeout(Duration::from_secs(20))
            .expect("the worker answers")
        {
            // Progress, and the record's check after loading, come on their own time.
            Report::Progress(_) | Report::Verified(_) => {}
            other => return other,
        }
    }
}

fn titled(title: &str) -> Data {
    let mut data = cercle::sample::sample();
    title.clone_into(&mut data.programme.title);
    data
}

#[test]
fn the_worker_refuses_reloads_copies_and_overwrites() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_owned();
    let path = dir.join(DATA_FILE);
    Store::open(&dir).unwrap().save(&titled("first")).unwrap();
    let worker = worker::start(
        Store::open(&dir).unwrap(),
        dir.clone(),
        cercle::i18n::Lang::En,
    );
    worker.jobs.send(Job::Load).unwrap();
    assert!(matches!(next_report(&worker), Report::Loaded { .. }));

    // Another program writes the index, which holds the programme (a new inode, as editors and
    // sync tools do).
    let theirs = edit_outside(&dir, "theirs");

    worker
        .jobs
        .send(Job::Save(Arc::new(titled("mine"))))
        .unwrap();
    let Report::Conflict(reason) = next_report(&worker) else {
        panic!("the save was not refused");
    };
    assert!(reason.contains("changed by another program"), "{reason}");
    assert_eq!(std::fs::read(&path).unwrap(), theirs, "theirs untouched");

    let copy = dir.join("mine.json");
    worker
        .jobs
        .send(Job::SaveCopy {
            path: copy.clone(),
            data: Arc::new(titled("mine")),
            lang: cercle::i18n::Lang::En,
        })
        .unwrap();
    assert!(matches!(next_report(&worker), Report::CopySaved(Ok(p)) if p == copy));
    assert_eq!(
        cercle::store::from_json(&std::fs::read(&copy).unwrap()).unwrap(),
        titled("mine")
    );

    worker.jobs.send(Job::Reload).unwrap();
    let reloaded = match next_report(&worker) {
        Report::Reloaded(Ok(reloaded)) => reloaded,
        Report::Reloaded(Err(reason)) => panic!("the reload failed: {reason}"),
        _ => panic!("no reload"),
    };
    assert_eq!(reloaded, titled("theirs"));

    // After a reload, the file is ours again: an ordinary save goes through.
    worker
        .jobs
        .send(Job::Save(Arc::new(titled("after"))))
        .unwrap();
    assert!(matches!(next_report(&worker), Report::Saved(Ok(()))));

    std::fs::write(&path, &theirs).unwrap();
    worker
        .jobs
        .send(Job::SaveOverwriting(Arc::new(titled("mine"))))
        .unwrap();
    assert!(matches!(next_report(&worker), Report::Saved(Ok(()))));
    assert_eq!(
        read_json(&dir),
        serde_json::to_value(titled("mine")).unwrap()
    );
    let store = Store::open_read_only(&dir).unwrap();
    let newest = &store.backups().unwrap()[0];
    assert_eq!(
        std::fs::read(newest.path.join(DATA_FILE)).unwrap(),
        theirs,
        "theirs kept in the set"
    );
}
