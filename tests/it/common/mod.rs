//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod edits;
pub mod hostile;
pub mod killing;
pub mod pty;
pub mod sys;
pub mod team;

use cercle::app::{self, App, Effect};
use cercle::config::{Config, Role, ThemeName};
use cercle::i18n::Lang;
use chrono::{DateTime, TimeZone, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

/// The `cercle` binary under test.
pub const CERCLE: &str = env!("CARGO_BIN_EXE_cercle");

/// `cercle` as every test runs it: its data in `data_dir` and its settings beside them (see
/// [`settings_of`]), never the user's own; English, whatever the machine's language.
pub fn command(data_dir: &Path) -> Command {
    let mut command = Command::new(CERCLE);
    command
        .env("CERCLE_DATA_DIR", data_dir)
        .env("CERCLE_CONFIG_DIR", settings_of(data_dir).parent().unwrap())
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    command
}

/// Runs `command`, which must succeed (else the test fails with what it wrote on stderr); its
/// output.
pub fn succeeded(command: &mut Command) -> std::process::Output {
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Puts the sample in `dir` and writes there, as `file`, the trainers' bundle for Camille
/// Dubois: where a trainee's copy starts. Returns the bundle's path.
pub fn sample_bundle_for_camille(dir: &Path, file: &str) -> PathBuf {
    let bundle = dir.join(file);
    for args in [
        &["init", "--sample"][..],
        &[
            "export",
            "bundle",
            "--for",
            "trainees",
            "--trainee",
            "Camille Dubois",
            "-o",
        ][..],
    ] {
        let mut command = command(dir);
        command.args(args);
        if args[0] == "export" {
            command.arg(&bundle);
        }
        let out = command.output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    bundle
}

/// The settings file that [`command`] gives the commands run on `data_dir`.
pub fn settings_of(data_dir: &Path) -> PathBuf {
    data_dir.join("test-settings").join("config.toml")
}

/// The one terminal size a language's snapshots are taken at: French at 80×24, where long
/// French words meet a small screen, and English at 120×40, where the wide layouts show. Two
/// views of each screen instead of four copies that only doubled the count.
pub fn snapshot_size(lang: Lang) -> (u16, u16) {
    match lang {
        Lang::Fr => (80, 24),
        Lang::En => (120, 40),
    }
}

/// The instant every test runs at, so that snapshots are stable.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 10, 0, 0).unwrap()
}

/// An app on the sample cohort, in a language, as a trainer.
pub fn sample_app(lang: Lang) -> App {
    let config = Config {
        lang,
        role: Some(Role::Trainer),
        ..Config::default()
    };
    let mut app = App::new(config, now());
    app.open(Arc::new(cercle::sample::sample()));
    app
}

/// The same with another theme.
pub fn themed_app(lang: Lang, theme: ThemeName) -> App {
    let mut app = sample_app(lang);
    app.config.theme = theme;
    app
}

/// Parses "jj<Enter><C-r>" into key events: `<Name>` for named keys, `<C-x>` for Ctrl.
pub fn keys(spec: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut chars = spec.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '<' {
            out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            continue;
        }
        let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
        let event = match name.as_str() {
            "Enter" => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
            "Esc" => KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
            "Tab" => KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE),
            "S-Tab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
            "Up" => KeyEvent::new(KeyCode::Up, KeyModifiers::NONE),
            "Down" => KeyEvent::new(KeyCode::Down, KeyModifiers::NONE),
            "Left" => KeyEvent::new(KeyCode::Left, KeyModifiers::NONE),
            "Right" => KeyEvent::new(KeyCode::Right, KeyModifiers::NONE),
            "PgDn" => KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE),
            "PgUp" => KeyEvent::new(KeyCode::PageUp, KeyModifiers::NONE),
            "Home" => KeyEvent::new(KeyCode::Home, KeyModifiers::NONE),
            "End" => KeyEvent::new(KeyCode::End, KeyModifiers::NONE),
            "BS" => KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
            "lt" => KeyEvent::new(KeyCode::Char('<'), KeyModifiers::NONE),
            ctrl if ctrl.starts_with("C-") => KeyEvent::new(
                KeyCode::Char(ctrl.chars().nth(2).expect("a letter after C-")),
                KeyModifiers::CONTROL,
            ),
            other => panic!("unknown key <{other}>"),
        };
        out.push(event);
    }
    out
}

/// Types a key sequence, returning every effect in order.
pub fn press(app: &mut App, spec: &str) -> Vec<Effect> {
    keys(spec)
        .into_iter()
        .flat_map(|key| app::update_key(app, key))
        .collect()
}

/// Draws the app into a test terminal and returns the screen as text.
pub fn render(app: &App, width: u16, height: u16) -> String {
    let buffer = render_buffer(app, width, height);
    let mut out = String::new();
    for y in 0..height {
        let mut line = String::new();
        let mut x = 0;
        while x < width {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            // A wide character covers the next cell too, as it does in a terminal.
            x += u16::try_from(ratatui::text::Span::raw(symbol).width().max(1)).unwrap_or(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Draws the app and returns the buffer, for style checks.
pub fn render_buffer(app: &App, width: u16, height: u16) -> ratatui::buffer::Buffer {
    hostile::draw(app, width, height)
}

/// The one file an earlier Cercle kept, as the conversion at first open put it aside in
/// `dir`'s backups: its bytes, each copy kept (there must be one).
pub fn kept_one_file(dir: &std::path::Path) -> Vec<Vec<u8>> {
    cercle::store::Store::open_read_only(dir)
        .unwrap()
        .backups()
        .unwrap()
        .into_iter()
        .filter(|b| b.kind == cercle::store::BackupKind::BeforeUpgrade { from: 2 })
        .map(|b| std::fs::read(&b.path).unwrap())
        .collect()
}
