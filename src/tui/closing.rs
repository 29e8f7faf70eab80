//! SIGHUP (the terminal was closed) and SIGTERM (a logout, a shutdown) are met as a crash is:
//! unsaved work goes to the recovery file, which the next start offers back, and the app
//! leaves. Without this, their default action ends the process and the work is lost.

use super::saver::Saver;
use super::worker::Worker;
use crate::app::{App, SaveState};
use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::flag;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether the terminal was closed or the session is ending; the event loop looks each tick.
pub struct Closing(Arc<AtomicBool>);

impl Closing {
    /// Listens for SIGHUP and SIGTERM from now on. A second one, while the first is handled,
    /// ends the process at once, as if we did not listen: a stuck app can still be stopped.
    pub fn listen() -> std::io::Result<Self> {
        let asked = Arc::new(AtomicBool::new(false));
        for signal in [SIGHUP, SIGTERM] {
            // Registered first, so the first signal finds the flag still down.
            flag::register_conditional_default(signal, Arc::clone(&asked))?;
            flag::register(signal, Arc::clone(&asked))?;
        }
        Ok(Self(asked))
    }

    /// Whether SIGHUP or SIGTERM arrived.
    pub fn asked(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// Keeps what is not on disk in the recovery file of `dir`, as the panic hook does, then lets
/// a save under way end so the lock is not dropped in the middle of it.
pub fn keep_unsaved_work(app: &mut App, worker: &Worker, saver: &mut Saver, dir: &Path) {
    // Read-only: no change could be made. Saved: the file already holds everything.
    if matches!(app.save, SaveState::Saved | SaveState::ReadOnly(_)) {
        return;
    }
    // Written before waiting: a SIGKILL that follows a SIGTERM must find the work kept.
    if super::panic::keep(dir, &app.data).is_err() {
        return;
    }
    if saver.busy() && saver.flush(worker, app) && app.save == SaveState::Saved {
        // The save landed after all: the file holds the work, so no recovery is owed.
        let _ = crate::store::discard_recovery(dir);
    }
}
