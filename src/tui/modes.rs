//! The terminal modes Cercle asks for beyond ratatui's raw mode and alternate screen: mouse
//! capture, and bracketed paste (a paste arrives as one piece of text, never as keys). Each way
//! out turns them off again: quitting, `$EDITOR`, a panic, SIGHUP and SIGTERM.

use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use std::io::{self, Write};
use std::os::fd::AsFd;

/// Mouse reports of clicks and the wheel only (`?1000h`), in the SGR encoding (`?1006h`) that
/// crossterm reads. crossterm's `EnableMouseCapture` also asks for every motion (`?1003h`),
/// which floods a connection over ssh and takes text selection from the user for nothing:
/// Cercle only uses clicks and the wheel.
const MOUSE_ON: &str = "\u{1b}[?1000h\u{1b}[?1006h";
/// Turns off what [`MOUSE_ON`] turned on, and the other mouse modes in case a program left one.
const MOUSE_OFF: &str = "\u{1b}[?1006l\u{1b}[?1003l\u{1b}[?1002l\u{1b}[?1000l";

/// Turns the modes on.
pub fn enter(out: &mut impl Write) -> io::Result<()> {
    out.write_all(MOUSE_ON.as_bytes())?;
    execute!(out, EnableBracketedPaste)
}

/// Turns the modes off.
pub fn leave(out: &mut impl Write) -> io::Result<()> {
    out.write_all(MOUSE_OFF.as_bytes())?;
    execute!(out, DisableBracketedPaste)
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
        // Clicks and the wheel, in SGR: never every motion of the mouse.
        assert!(on.contains("\u{1b}[?1000h") && on.contains("\u{1b}[?1006h"));
        for chatty in ["\u{1b}[?1003h", "\u{1b}[?1002h"] {
            assert!(!on.contains(chatty), "{on:?}");
        }
        for set in on.split('\u{1b}').filter(|s| s.ends_with('h')) {
            let reset = format!("\u{1b}{}l", set.trim_end_matches('h'));
            assert!(off.contains(&reset), "{set:?} is not turned off: {off:?}");
        }
    }
}
