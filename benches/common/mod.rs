//! The two sizes every bench runs at, and an app opened on each, as the event loop opens it.
#![allow(dead_code)] // each bench uses part of it

use cercle::app::{self, App};
use cercle::config::{Config, Role};
use cercle::domain::Data;
use cercle::i18n::Lang;
use chrono::{TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;

/// The terminal size the issue measures at.
pub const WIDTH: u16 = 120;
/// The terminal size the issue measures at.
pub const HEIGHT: u16 = 40;

/// "small" (the sample cohort) and "network" (`cercle generate --cohorts 1000 --seed 42`).
pub fn sizes() -> Vec<(&'static str, Arc<Data>)> {
    vec![
        ("small", Arc::new(cercle::sample::sample())),
        ("network", Arc::new(cercle::generate::generate(1000, 42))),
    ]
}

/// An app on `data` as a trainer, on the day the sample and the generator are written around.
pub fn app(data: &Arc<Data>) -> App {
    let config = Config {
        lang: Lang::En,
        role: Some(Role::Trainer),
        ..Config::default()
    };
    let now = Utc
        .with_ymd_and_hms(2026, 11, 28, 10, 0, 0)
        .single()
        .unwrap_or_default();
    let mut app = App::new(config, now);
    app.size = (WIDTH, HEIGHT);
    app.open(Arc::clone(data));
    app
}

/// A test terminal of the measured size.
pub fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal never fails")
}

/// One key: `j`, `G`, or a named key as `<End>`.
pub fn key(name: &str) -> KeyEvent {
    let code = match name {
        "<Enter>" => KeyCode::Enter,
        "<Esc>" => KeyCode::Esc,
        "<End>" => KeyCode::End,
        "<Home>" => KeyCode::Home,
        "<BS>" => KeyCode::Backspace,
        other => KeyCode::Char(other.chars().next().unwrap_or(' ')),
    };
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Types keys, one character each (named keys in angle brackets).
pub fn press(app: &mut App, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let len = if c == '<' {
            rest.find('>').map_or(1, |end| end + 1)
        } else {
            c.len_utf8()
        };
        app::update_key(app, key(&rest[..len]));
        rest = &rest[len..];
    }
}

/// One key, then one frame: what a user waits for.
pub fn key_and_frame(app: &mut App, terminal: &mut Terminal<TestBackend>, keys: &str) {
    press(app, keys);
    let _ = terminal.draw(|frame| cercle::ui::draw(frame, app));
}

/// `data` with one mark changed in a cohort in the middle of it.
pub fn with_one_mark_changed(data: &cercle::domain::Data, n: usize) -> cercle::domain::Data {
    with_one_mark_changed_in(data, data.cohorts.len() / 2, n)
}

/// The same change, in the cohort at index `at`.
pub fn with_one_mark_changed_in(
    data: &cercle::domain::Data,
    at: usize,
    n: usize,
) -> cercle::domain::Data {
    use cercle::domain::Status;
    let mut next = data.clone();
    let marks = next.cohorts[at]
        .seminars
        .iter_mut()
        .flat_map(|s| s.half_days.iter_mut())
        .flat_map(|h| h.marks.iter_mut());
    if let Some(mark) = marks.into_iter().nth(n % 64) {
        mark.status = if mark.status == Status::Absent {
            Status::Present
        } else {
            Status::Absent
        };
    }
    next
}
