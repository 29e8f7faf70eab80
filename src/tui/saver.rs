//! Keeps at most one save in flight: a change made during a save is saved right after it, with
//! the newest state, so saves never pile up and the last word always reaches the disk.

use super::worker::{Job, Report, Worker};
use crate::app::App;
use crate::domain::Data;
use std::sync::Arc;

/// The save bookkeeping of the event loop.
#[derive(Debug, Default)]
pub struct Saver {
    in_flight: bool,
    again: bool,
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

    /// Takes a save's outcome: starts the next save if one is owed, else reports to the app.
    pub fn finished(&mut self, worker: &Worker, app: &mut App, outcome: Result<(), String>) {
        self.in_flight = false;
        if self.again {
            self.again = false;
            self.request(worker, &app.data);
        } else {
            app.saved(outcome);
        }
    }

    /// Before leaving: waits until every owed save is done, so that nothing typed is lost.
    pub fn flush(&mut self, worker: &Worker, app: &mut App) {
        while self.in_flight {
            match worker.reports.recv() {
                Ok(Report::Saved(outcome)) => self.finished(worker, app, outcome),
                Ok(
                    Report::Loaded { .. }
                    | Report::Progress(_)
                    | Report::Exported(_)
                    | Report::Synced(_)
                    | Report::SyncStatus(_),
                ) => {}
                Err(_) => break,
            }
        }
    }
}
