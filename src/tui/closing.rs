//! SIGHUP (the terminal was closed) and SIGTERM (a logout, a shutdown) are met as a crash is:
//! unsaved work goes to the recovery file, which the next start offers back, then the app
//! leaves. Without this, their default action ends the process and the work is lost.
//!
//! A thread of its own meets them, not the event loop: once the terminal is gone, crossterm's
//! `event::poll` reads end-of-file forever and never returns to the loop.

use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::iterator::Signals;
use std::path::PathBuf;

/// Listens for SIGHUP and SIGTERM from now on; on either, keeps the unsaved work in the
/// recovery file of `dir`, gives the terminal back if it is still there, and ends the process.
pub fn listen(dir: PathBuf) -> std::io::Result<()> {
    let mut signals = Signals::new([SIGHUP, SIGTERM])?;
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            // The work first: restoring a terminal may block, and a SIGKILL may follow.
            super::panic::keep_unsaved(&dir);
            restore_terminal();
            // The lock is released with the process; a save under way is atomic (a new file
            // renamed), so cercle.json is whole, old or new.
            std::process::exit(0);
        }
    });
    Ok(())
}

/// Leaves raw mode, the modes and the alternate screen, ignoring a terminal that is gone.
fn restore_terminal() {
    let _ = ratatui::crossterm::terminal::disable_raw_mode();
    super::modes::leave_in_haste();
}
