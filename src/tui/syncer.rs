//! Keeps a sync and the saves apart. A sync starts only when no save is in flight, and saves
//! wait while it runs: git never commits a half-written file, and a save never overwrites the
//! file a merge just wrote with a state that lacks the team's changes.

use super::saver::Saver;
use super::worker::{Job, Report, Worker};
use crate::app::{self, App, Effect, SaveState};
use crate::domain::Data;
use crate::sync::{self, Identity};
use std::sync::Arc;

/// The sync bookkeeping of the event loop.
#[derive(Debug, Default)]
pub struct Syncer {
    /// The data as it was when the running sync started; `None` when none runs.
    base: Option<Arc<Data>>,
    /// The sync key was pressed during a save: sync once it is done.
    owed: bool,
    /// A save was asked for during the sync: save once it is done.
    save_owed: bool,
}

impl Syncer {
    /// The sync key was pressed (the app already checked that a sync may start).
    pub fn request(&mut self, worker: &Worker, saver: &Saver, app: &App) {
        if saver.busy() {
            self.owed = true;
        } else {
            self.start(worker, app);
        }
    }

    fn start(&mut self, worker: &Worker, app: &App) {
        self.base = Some(Arc::clone(&app.data));
        let options = sync::Options {
            lang: app.lang(),
            identity: Identity::of(&app.data, app.config.me.as_ref()),
            interactive: false,
            driver: sync::this_program(),
            now: crate::domain::clock::now(),
        };
        let _ = worker.jobs.send(Job::Sync(Box::new(options)));
    }

    /// A save is asked for: it waits while a sync runs.
    pub fn save(&mut self, worker: &Worker, saver: &mut Saver, app: &App) {
        super::panic::remember(&app.data);
        if self.base.is_some() {
            self.save_owed = true;
        } else {
            saver.request(worker, &app.data);
        }
    }

    /// A save ended: a sync that waited for it starts now, unless the save failed (the file
    /// on disk is then not what the screen shows; the status line already says why).
    pub fn after_save(&mut self, worker: &Worker, saver: &Saver, app: &mut App) {
        if self.owed && !saver.busy() {
            self.owed = false;
            if matches!(app.save, SaveState::Failed(_)) {
                app.sync.running = false;
                // No sync will end to close the app: the next quit key closes it.
                app.sync.quit_when_done = false;
            } else {
                self.start(worker, app);
            }
        }
    }

    /// The sync ended: the app takes its outcome, then the saves that waited go out. Returns
    /// what else the event loop must do (quit, when the user asked to during the sync).
    pub fn finished(
        &mut self,
        worker: &Worker,
        saver: &mut Saver,
        app: &mut App,
        outcome: app::sync::Outcome,
    ) -> Vec<Effect> {
        let base = self.base.take().unwrap_or_else(|| Arc::clone(&app.data));
        let mut effects = app::sync::finished(app, &base, outcome);
        super::panic::remember(&app.data);
        if std::mem::take(&mut self.save_owed) || effects.contains(&Effect::Save) {
            saver.request(worker, &app.data);
        }
        effects.retain(|e| *e != Effect::Save);
        effects
    }

    /// Before leaving: waits for the sync under way, so that what it merged is kept.
    pub fn flush(&mut self, worker: &Worker, saver: &mut Saver, app: &mut App) {
        while self.base.is_some() {
            match worker.reports.recv() {
                Ok(Report::Synced(outcome)) => {
                    // Already leaving: a quit asked for during the sync is this one.
                    let _ = self.finished(worker, saver, app, outcome);
                }
                Ok(Report::Saved(outcome)) => saver.finished(worker, app, outcome),
                Ok(_) => {}
                Err(_) => break,
            }
        }
    }
}
