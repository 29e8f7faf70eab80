//! The terminal modes Cercle asks for beyond ratatui's raw mode and alternate screen: mouse
//! capture, and bracketed paste (a paste arrives as one piece of text, never as keys). Each way
//! out turns them off again: quitting, `$EDITOR`, a panic, SIGHUP and SIGTERM.

use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use std::io::{self, Write};
use std::os::fd::AsFd;

/// Turns the modes on.
pub fn enter(out: &mut impl Write) -> io::Result<()> {
    execute!(out, EnableMouseCapture, EnableBracketedPaste)
}

/// Turns the modes off.
pub fn leave(out: &mut impl Write) -> io::Result<()> {
    execute!(out, DisableMouseCapture, DisableBracketedPaste)
}

/// Turns the modes off through a handle of our own, and leaves the alternate screen: for a
/// panic or a signal, when the event loop may hold the lock of `stdout()` while drawing.
/// A terminal that is gone is ignored.
pub fn leave_in_haste() {
    use ratatui::crossterm::terminal::LeaveAlternateScreen;
    if let Ok(fd) = io::stdout().as_fd().try_clone_to_owned() {
        let mut out = std::fs::File::from(fd);
        let _ = leave(&mut out);
        let _ = execute!(out, LeaveAlternateScreen);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn leaving_turns_off_what_entering_turned_on() {
        let (mut on, mut off) = (Vec::new(), Vec::new());
        super::enter(&mut on).unwrap();
        super::leave(&mut off).unwrap();
        let (on, off) = (
            String::from_utf8(on).unwrap(),
            String::from_utf8(off).unwrap(),
        );
        // Bracketed paste is mode 2004; each mode turned on (`h`) is turned off (`l`).
        assert!(on.contains("\u{1b}[?2004h"), "{on:?}");
        for set in on.split('\u{1b}').filter(|s| s.ends_with('h')) {
            let reset = format!("\u{1b}{}l", set.trim_end_matches('h'));
            assert!(off.contains(&reset), "{set:?} is not turned off: {off:?}");
        }
    }
}
