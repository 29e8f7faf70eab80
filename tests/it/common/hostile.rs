//! The hostile-input harness, shared by the property tests (`tests/hostile_input.rs`,
//! `tests/keys_property.rs`, run in CI) and the cargo-fuzz targets (`fuzz/`, which include this
//! file by path). Each function takes arbitrary input, feeds it to one entry point of Cercle,
//! and panics only if an invariant breaks. To cover a new importer, add a function here, a
//! property test beside the others, and a three-line target in `fuzz/fuzz_targets/`.
//!
//! It depends on nothing but `cercle`, `chrono`, `ratatui` and `serde_json`, so that the fuzz crate can
//! build it as it is.
#![allow(dead_code)]

use cercle::app::{self, App, Effect};
use cercle::domain::{Data, PersonId};
use cercle::i18n::Lang;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashSet;
use std::sync::Arc;

/// The JSON loader: never panics; what it accepts is written back and read back equal.
pub fn json_loader(bytes: &[u8]) {
    if let Ok(data) = cercle::store::from_json(bytes) {
        let json = cercle::store::to_json(&data).expect("loaded data serialises");
        let again = cercle::store::from_json(&json).expect("written data reads back");
        assert_eq!(again, data, "a round trip changed the data");
    }
}

/// The bundle importer: a bundle is refused or planned, never a panic, and what a plan leaves
/// (into the sample, or into an empty data directory) is a document that reads back.
pub fn bundle(bytes: &[u8]) {
    use cercle::share::{bundle::Bundle, import, records::Records};
    let Ok(bundle) = Bundle::parse(bytes) else {
        return;
    };
    let sample = cercle::sample::sample();
    let importer = import::Importer {
        me: None,
        trainer: false,
        ours: "here".into(),
        now: chrono::DateTime::UNIX_EPOCH,
    };
    for into in [Some(&sample), None] {
        if let Ok(plan) = import::plan(into, bundle.clone(), &Records::new(), &importer) {
            let json = cercle::store::to_json(&plan.data).expect("a plan serialises");
            cercle::store::from_json(&json).expect("a plan reads back");
        }
    }
}

/// The contacts importer (vCard or CSV, read from the content) into the sample: never panics,
/// and the data it leaves is sound and serialises.
pub fn contacts_import(text: &str) {
    let mut data = cercle::sample::sample();
    let before = data.people.len();
    let mut n = 0;
    let imported = cercle::exchange::import(&mut data, text, Lang::En, || {
        n += 1;
        PersonId::new(format!("p-fuzz-{n}"))
    });
    if let Ok(report) = imported {
        let (added, ..) = report.counts();
        assert_eq!(data.people.len(), before + added, "{}", report.render());
        let _ = report.render();
    }
    check_rules(&data);
    json_loader(&cercle::store::to_json(&data).expect("imported data serialises"));
}

/// The vCard reader alone, on any text.
pub fn vcard(text: &str) {
    let _ = cercle::exchange::vcard::read(text);
    contacts_import(text);
}

/// The CSV reader alone, on any text.
pub fn csv(text: &str) {
    let _ = cercle::exchange::csv::read(text, cercle::i18n::Lang::En);
    contacts_import(text);
}

/// An app on the sample cohort, as a trainer, at a fixed moment.
pub fn sample_app(french: bool) -> App {
    use chrono::TimeZone;
    let config = cercle::config::Config {
        lang: if french {
            cercle::i18n::Lang::Fr
        } else {
            cercle::i18n::Lang::En
        },
        role: Some(cercle::config::Role::Trainer),
        ..cercle::config::Config::default()
    };
    let now = chrono::Utc
        .with_ymd_and_hms(2026, 11, 28, 10, 0, 0)
        .single()
        .expect("a valid moment");
    let mut app = App::new(config, now);
    app.open(Arc::new(cercle::sample::sample()));
    app
}

/// Every key of the key table, and keys no table knows (text, controls, escapes, wide).
pub fn key_pool() -> Vec<KeyEvent> {
    let mut pool: Vec<KeyEvent> = app::keys::TABLE
        .iter()
        .flat_map(|b| b.keys.iter())
        .map(|k| KeyEvent::new(k.code, k.modifiers))
        .collect();
    for c in [
        'é', '🌱', '東', '\u{1b}', '\u{7}', '\u{202e}', ' ', 'z', '0', '9', '-',
    ] {
        pool.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    pool.push(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
    pool.push(KeyEvent::new(KeyCode::F(5), KeyModifiers::NONE));
    pool.push(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::ALT));
    pool
}

/// Draws the app at a size, as the terminal would (any size, even 1×1), and returns what it drew.
pub fn draw(app: &App, width: u16, height: u16) -> ratatui::buffer::Buffer {
    let mut app = app.clone();
    app.size = (width, height);
    app.refresh_rows();
    let backend = ratatui::backend::TestBackend::new(width, height);
    let mut terminal = ratatui::Terminal::new(backend).expect("a test terminal");
    terminal
        .draw(|frame| cercle::ui::draw(frame, &app))
        .expect("drawing never fails on a test backend");
    terminal.backend().buffer().clone()
}

/// The rules no key sequence may break: no cohort holds more than 12, and every mark belongs
/// to an enrolled trainee.
pub fn check_rules(data: &Data) {
    for cohort in &data.cohorts {
        assert!(
            cohort.active_trainees().count() <= cercle::domain::MAX_TRAINEES,
            "no cohort holds more than 12"
        );
        let enrolled: HashSet<_> = cohort.trainees.iter().collect();
        for mark in cohort
            .seminars
            .iter()
            .flat_map(|s| &s.half_days)
            .flat_map(|h| &h.marks)
        {
            assert!(
                enrolled.contains(&mark.trainee),
                "every mark belongs to an enrolled trainee"
            );
        }
    }
}

/// Keys from bytes: the first four choose the terminal size (1×1 to 300×100), each one after
/// a key from the pool. Draws every `draw_every` keys and after the last; returns the app and
/// whether a save was asked for.
pub fn keys(bytes: &[u8], draw_every: usize) -> (App, bool) {
    let pool = key_pool();
    let (size, keys) = bytes.split_at(bytes.len().min(4));
    let pick = |i: usize, n: u16| u16::from(size.get(i).copied().unwrap_or(0)) % n + 1;
    let (width, height) = (pick(0, 150) + pick(1, 150), pick(2, 100));
    let mut app = sample_app(size.get(3).is_some_and(|b| b % 2 == 1));
    app.size = (width.min(300), height);
    let mut saved = false;
    for (n, &byte) in keys.iter().enumerate() {
        let effects = app::update_key(&mut app, pool[usize::from(byte) % pool.len()]);
        saved |= effects.contains(&Effect::Save);
        if n % draw_every.max(1) == 0 {
            let _ = draw(&app, app.size.0, app.size.1);
        }
    }
    let _ = draw(&app, app.size.0, app.size.1);
    check_rules(&app.data);
    (app, saved)
}
