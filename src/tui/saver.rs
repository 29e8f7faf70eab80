//! Keeps at most one save in flight: a change made during a save is saved right after it, with
//! the newest state, so saves never pile up and the last word always reaches the disk.

use super::worker::{Job, Report, Worker};
use crate::app::App;
use crate::domain::Data;
use crate::i18n::Msg;
use std::sync::Arc;

/// The save bookkeeping of the event loop.
#[derive(Debug, Default)]
#[allow(clippy::struct_excessive_bools)] // four independent facts, not a state machine
pub struct Saver {
    in_flight: bool,
    again: bool,
    /// The save in flight writes over another program's changes.
    overwriting: bool,
    /// A save failed while leaving: the app stays open to say so.
    failed_while_leaving: bool,
}

impl Saver {
    /// Asks for a save of the current state.
    pub fn request(&mut self, worker: &Worker, data: &Arc<Data>) {
        if self.in_flight {
            self.again = true;
        } else {
            self.in_flight = true;
            let _ = worker.jobs.send(Job::Save(Arc::clone(data)));
        }
    }

    /// Whether a save is under way.
    pub fn busy(&self) -> bool {
        self.in_flight
    }

    /// Writes the current state over another program's changes, as the user chose.
    pub fn overwrite(&mut self, worker: &Worker, data: &Arc<Data>) {
        // A save in flight will meet the same change and fail; this one comes after it.
        self.in_flight = true;
        self.again = false;
        self.overwriting = true;
        let _ = worker.jobs.send(Job::SaveOverwriting(Arc::clone(data)));
    }

    /// Takes a save's outcome: starts the next save if one is owed, else reports to the app.
    pub fn finished(&mut self, worker: &Worker, app: &mut App, outcome: Result<(), String>) {
        self.in_flight = false;
        self.failed_while_leaving |= outcome.is_err();
        if self.overwriting && outcome.is_ok() {
            app.notify(app.tr(Msg::Overwritten));
        }
        self.overwriting = false;
        if self.again {
            self.again = false;
            self.request(worker, &app.data);
        } else {
            app.saved(outcome);
        }
    }

    /// A save was refused because another program changed the file: no use trying again
    /// until the user chose what to do.
    pub fn conflict(&mut self, app: &mut App) {
        self.in_flight = false;
        self.again = false;
        self.overwriting = false;
        self.failed_while_leaving = true;
        crate::app::conflict::changed_on_disk(app);
    }

    /// Before leaving: waits until every owed save is done, so that nothing typed is lost.
    /// Returns whether they all succeeded; if one failed, the app must not close, since the
    /// user believed their work was saved when they asked to leave.
    pub fn flush(&mut self, worker: &Worker, app: &mut App) -> bool {
        self.failed_while_leaving = false;
        while self.in_flight {
            match worker.reports.recv() {
                Ok(Report::Saved(outcome)) => self.finished(worker, app, outcome),
                Ok(Report::Conflict(_)) => self.conflict(app),
                Ok(_) => {}
                Err(_) => break,
            }
        }
        !self.failed_while_leaving
    }
}
