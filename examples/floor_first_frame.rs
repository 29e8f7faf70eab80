//! The floor for "first frame": the least a ratatui program does before its first frame is on
//! screen (enter the alternate screen, draw one line, flush), then it waits for any key.
//!
//! `examples/ratios` times it in a pseudo-terminal beside `cercle`.

use ratatui::crossterm::event::{self, Event};
use ratatui::widgets::Paragraph;

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let drawn = terminal.draw(|frame| {
        frame.render_widget(Paragraph::new("floor: first frame"), frame.area());
    });
    // Any key ends it, so that the measuring side can close it cleanly.
    let waited = drawn.and_then(|_| {
        loop {
            if let Event::Key(_) = event::read()? {
                break Ok(());
            }
        }
    });
    ratatui::restore();
    waited
}
