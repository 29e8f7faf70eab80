//! Sync in the app: the key, the outcome folded into what was typed meanwhile, the header.

use crate::common;

use cercle::app::sync::{finished, start};
use cercle::app::{Effect, SaveState};
use cercle::config::Role;
use cercle::domain::Data;
use cercle::i18n::Lang;
use cercle::sync::{Reach, Status, Synced};
use chrono::TimeZone;
use common::{press, render, sample_app};
use std::sync::Arc;

fn status(ahead: usize, behind: usize) -> Status {
    Status {
        last_sync: Some(
            chrono::Utc
                .with_ymd_and_hms(2026, 11, 28, 8, 30, 0)
                .unwrap(),
        ),
        ahead,
        behind,
        remote: true,
    }
}

/// The team's file: the data as it was when the sync started, with one change from the team.
fn from_the_team(base: &Data) -> Data {
    let mut merged = base.clone();
    merged.people[0].city = "Morlaix".into();
    merged
}

fn synced(reach: Reach, file_changed: bool) -> Synced {
    Synced {
        committed: None,
        file_changed,
        reach,
        status: status(0, 0),
    }
}

#[test]
fn the_sync_key_asks_for_a_sync_only_when_sync_is_set_up_and_none_runs() {
    let mut app = sample_app(Lang::En);
    assert!(press(&mut app, "<C-g>").is_empty());
    assert!(
        app.notice
            .as_ref()
            .unwrap()
            .text
            .contains("cercle sync init")
    );
    app.sync.status = Some(status(0, 0));
    assert_eq!(press(&mut app, "<C-g>"), [Effect::Sync]);
    assert!(app.sync.running);
    assert!(press(&mut app, "<C-g>").is_empty(), "one sync at a time");
    // From a view inside a screen too: the roll call of a seminar.
    let mut app = sample_app(Lang::En);
    app.sync.status = Some(status(0, 0));
    press(&mut app, "s<Enter><Enter>");
    assert_eq!(press(&mut app, "<C-g>"), [Effect::Sync]);
}

#[test]
fn a_trainee_is_told_that_sync_is_for_the_trainers_and_bundles_are_hers() {
    for (lang, words) in [
        (
            Lang::En,
            ["trainer team", "E (send to the team)", "theirs: B"],
        ),
        (
            Lang::Fr,
            [
                "équipe de formation",
                "E (envoyer à l'équipe)",
                "le leur\u{a0}: B",
            ],
        ),
    ] {
        let mut app = sample_app(lang);
        app.config.role = Some(Role::Trainee);
        assert!(press(&mut app, "<C-g>").is_empty());
        let text = &app.notice.as_ref().unwrap().text;
        assert!(words.iter().all(|w| text.contains(w)), "{text}");
        assert!(!text.contains("sync init"), "{text}");
    }
}

#[test]
fn quitting_during_a_sync_says_why_the_app_waits_and_closes_when_it_ends() {
    for (lang, words) in [
        (Lang::En, "Cercle will close when it ends"),
        (Lang::Fr, "Cercle se fermera quand elle sera finie"),
    ] {
        let mut app = sample_app(lang);
        app.sync.status = Some(status(0, 0));
        let base = Arc::clone(&app.data);
        assert_eq!(press(&mut app, "<C-g>"), [Effect::Sync]);
        for quit in ["q", "<C-c>"] {
            assert!(
                press(&mut app, quit).is_empty(),
                "{quit} waits for the sync"
            );
            let text = &app.notice.as_ref().unwrap().text;
            assert!(text.contains(words), "{text}");
        }
        let done = finished(&mut app, &base, Ok((synced(Reach::Pushed, false), None)));
        assert_eq!(done, [Effect::Quit]);
    }
    // With no sync running, quitting is immediate as before.
    let mut app = sample_app(Lang::En);
    assert_eq!(press(&mut app, "q"), [Effect::Quit]);
}

#[test]
fn no_sync_while_saving_fails_since_the_file_on_disk_is_not_what_is_shown() {
    let mut app = sample_app(Lang::Fr);
    app.sync.status = Some(status(0, 0));
    app.save = SaveState::Failed("disque plein".into());
    assert!(start(&mut app).is_empty());
    let notice = app.notice.clone().unwrap();
    assert!(
        notice.error && notice.text.contains("disque plein"),
        "{notice:?}"
    );
    assert!(!app.sync.running);
    app.save = SaveState::ReadOnly("opened read-only".into());
    assert!(start(&mut app).is_empty(), "a read-only view never commits");
    assert!(app.notice.clone().unwrap().text.contains("lecture seule"));
}

#[test]
fn the_merged_file_replaces_the_data_when_nothing_was_typed_meanwhile() {
    let mut app = sample_app(Lang::En);
    app.sync.running = true;
    let base = Arc::clone(&app.data);
    let team = from_the_team(&base);
    let effects = finished(
        &mut app,
        &base,
        Ok((synced(Reach::Pushed, true), Some(team))),
    );
    assert!(effects.is_empty(), "the file on disk is already this");
    assert_eq!(app.data.people[0].city, "Morlaix");
    assert!(!app.sync.running);
    assert!(
        !app.history.can_undo(),
        "no undo takes the team's changes back out"
    );
    let text = &app.notice.as_ref().unwrap().text;
    assert!(
        text.contains("Synced with the team.") && text.contains("changes are in"),
        "{text}"
    );
}

#[test]
fn what_was_typed_during_the_sync_is_kept_with_the_team_changes_and_saved() {
    let mut app = sample_app(Lang::En);
    let base = Arc::clone(&app.data);
    app.change("typed".into(), |d| d.people[1].city = "Vannes".into());
    let team = from_the_team(&base);
    let effects = finished(
        &mut app,
        &base,
        Ok((synced(Reach::Pushed, true), Some(team))),
    );
    assert_eq!(effects, [Effect::Save]);
    assert_eq!(app.data.people[0].city, "Morlaix");
    assert_eq!(app.data.people[1].city, "Vannes");
    assert_eq!(app.save, SaveState::Saving);
}

#[test]
fn offline_and_failures_are_said_and_conflicts_counted() {
    let mut app = sample_app(Lang::En);
    let base = Arc::clone(&app.data);
    let offline = synced(Reach::Offline("no route to host".into()), false);
    finished(&mut app, &base, Ok((offline, None)));
    let text = &app.notice.as_ref().unwrap().text;
    assert!(
        text.contains("no route to host") && text.contains("next sync"),
        "{text}"
    );
    let mut merged = (*base).clone();
    let conflict = serde_json::from_value(serde_json::json!({
        "path": ["people", {"id": "p-x"}, "city"],
        "choices": [{"value": "A"}, {"value": "B"}],
        "kept": 1,
        "found": "2026-11-28T10:00:00Z"
    }))
    .unwrap();
    merged.conflicts.push(conflict);
    finished(
        &mut app,
        &base,
        Ok((synced(Reach::Pushed, true), Some(merged))),
    );
    let text = &app.notice.as_ref().unwrap().text;
    assert!(
        text.contains("Conflicts waiting for a choice: 1."),
        "{text}"
    );
    finished(&mut app, &base, Err("git exploded".into()));
    let notice = app.notice.clone().unwrap();
    assert!(notice.error && notice.text.contains("git exploded"));
}

#[test]
fn the_header_shows_the_last_sync_what_waits_on_each_side_and_the_conflicts() {
    for lang in [Lang::En, Lang::Fr] {
        let mut app = sample_app(lang);
        let header =
            |app: &cercle::app::App| render(app, 100, 24).lines().next().unwrap().to_owned();
        assert!(
            !header(&app).contains('⇅'),
            "no badge when sync is not set up"
        );
        app.sync.status = Some(status(2, 1));
        let mut data = (*app.data).clone();
        data.conflicts.push(
            serde_json::from_value(serde_json::json!({
                "path": ["people", {"id": "p-x"}, "city"],
                "choices": [{"value": "A"}, {"value": "B"}],
                "kept": 1,
                "found": "2026-11-28T10:00:00Z"
            }))
            .unwrap(),
        );
        app.data = Arc::new(data);
        insta::assert_snapshot!(format!("sync_header_{lang:?}"), header(&app));
        app.sync.running = true;
        insta::assert_snapshot!(format!("sync_header_running_{lang:?}"), header(&app));
        app.sync = cercle::app::sync::SyncView::default();
        app.sync.status = Some(Status::default());
        assert!(header(&app).contains(if lang == Lang::En {
            "never synced"
        } else {
            "jamais"
        }));
    }
}
