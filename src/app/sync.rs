//! Sync in the app. The key asks the event loop to sync on the disk thread (which holds the
//! store's lock); the outcome comes back here with the merged file, folded into whatever was
//! typed while the sync ran, so that neither side's work is lost.

use super::undo::History;
use super::{App, Effect, SaveState};
use crate::config::Role;
use crate::domain::Data;
use crate::i18n::{Msg, fill};
use crate::share::{Prefer, Sides, merge_data};
use crate::sync::{Reach, Status, Synced};
use std::sync::Arc;

/// What the header shows of the sync.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncView {
    /// Where the data stands against the team's repository; `None` when sync is not set up.
    pub status: Option<Status>,
    /// A sync is under way.
    pub running: bool,
    /// The user asked to quit during the sync: the app closes when it ends, so that what the
    /// sync merged is kept.
    pub quit_when_done: bool,
}

/// What the disk thread hands back: what the sync did, and the file it merged if it changed.
pub type Outcome = Result<(Synced, Option<Data>), String>;

/// The sync key: starts a sync unless one runs, sync is not set up, or saving is failing (a
/// sync commits the file on disk, which would then not be what the screen shows).
pub fn start(app: &mut App) -> Vec<Effect> {
    if app.sync.running {
        app.notify(app.tr(Msg::SyncAlreadyRunning));
        return Vec::new();
    }
    if app.sync.status.is_none() {
        // Trainees do not join the team's repository: it holds everything about everyone.
        let why = if app.config.role == Some(Role::Trainee) {
            Msg::SyncForTrainers
        } else {
            Msg::SyncNotSetUp
        };
        app.notify_error(app.tr(why));
        return Vec::new();
    }
    let refusal = match &app.save {
        SaveState::Failed(reason) => {
            Some(fill(app.tr(Msg::SyncWaitsForSave), &[("reason", reason)]))
        }
        SaveState::ReadOnly(reason) => Some(format!("{} {reason}", app.tr(Msg::ReadOnlyRefused))),
        SaveState::Saved | SaveState::Saving => None,
    };
    if let Some(text) = refusal {
        app.notify_error(text);
        return Vec::new();
    }
    app.sync.running = true;
    app.notify(app.tr(Msg::SyncRunning));
    vec![Effect::Sync]
}

/// Quitting while a sync runs: the app says why it stays, and closes when the sync ends.
pub fn quit_when_done(app: &mut App) {
    app.sync.quit_when_done = true;
    app.notify(app.tr(Msg::SyncQuitWaits));
}

/// Takes the outcome of a sync that started when the data was `base`.
pub fn finished(app: &mut App, base: &Arc<Data>, outcome: Outcome) -> Vec<Effect> {
    let mut effects = taken(app, base, outcome);
    if std::mem::take(&mut app.sync.quit_when_done) {
        effects.push(Effect::Quit);
    }
    effects
}

fn taken(app: &mut App, base: &Arc<Data>, outcome: Outcome) -> Vec<Effect> {
    app.sync.running = false;
    let (synced, merged) = match outcome {
        Ok(done) => done,
        Err(reason) => {
            let text = fill(app.tr(Msg::SyncFailed), &[("reason", &reason)]);
            app.notify_error(text);
            return Vec::new();
        }
    };
    app.sync.status = Some(synced.status);
    let mut effects = Vec::new();
    if let Some(merged) = merged {
        let typed_meanwhile = !Arc::ptr_eq(&app.data, base) && *app.data != **base;
        let next = if typed_meanwhile {
            let sides = Sides {
                ours: String::new(),
                theirs: String::new(),
                prefer: Prefer::Ours,
                now: app.now,
            };
            // The merge refuses only files of two schema versions, and the store upgraded the
            // merged file to this build's; the team's file is the safe fallback all the same.
            merge_data(Some(base), &app.data, &merged, &sides).unwrap_or(merged)
        } else {
            merged
        };
        app.data = Arc::new(next);
        // Undoing past a sync would take the team's changes back out, and the next sync would
        // send that removal to everyone.
        app.history = History::default();
        app.refresh_rows();
        if typed_meanwhile {
            app.save = SaveState::Saving;
            effects.push(Effect::Save);
        }
    }
    let mut text = reached(&synced.reach, app.config.lang);
    if synced.file_changed {
        text = format!("{text} {}", app.tr(Msg::SyncReceived));
    }
    let waiting = app.data.conflicts.len();
    if waiting > 0 {
        let count = waiting.to_string();
        text = format!(
            "{text} {}",
            fill(app.tr(Msg::SyncConflictsWaiting), &[("count", &count)])
        );
    }
    app.notify(text);
    effects
}

/// How far a sync reached, in a language: the status line and the journal say it alike.
pub fn reached(reach: &Reach, lang: crate::i18n::Lang) -> String {
    match reach {
        Reach::Pushed => Msg::SyncPushed.text(lang).to_owned(),
        Reach::UpToDate => Msg::SyncUpToDate.text(lang).to_owned(),
        Reach::Offline(reason) => fill(Msg::SyncOffline.text(lang), &[("reason", reason)]),
        Reach::NoRemote => Msg::SyncLocalOnly.text(lang).to_owned(),
    }
}

/// Takes the sync state found when the data was loaded.
pub fn status_found(app: &mut App, status: Option<Status>) {
    app.sync.status = status;
}
