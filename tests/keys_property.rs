//! Random key sequences on random terminal sizes, against the sample cohort: no panic, and the
//! rules hold whatever the order of keys.

mod common;

use cercle::app::{self, App, Effect, Screen};
use cercle::i18n::Lang;
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashSet;

/// Every key of the key table, and some keys no table knows.
fn key_pool() -> Vec<KeyEvent> {
    let mut pool: Vec<KeyEvent> = app::keymap::BINDINGS
        .iter()
        .flat_map(|b| b.keys.iter())
        .map(|k| KeyEvent::new(k.code, k.modifiers))
        .collect();
    for c in ['é', '🌱', '東', '\u{1b}', '\u{7}', ' ', 'z', '0', '9'] {
        pool.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    pool.push(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
    pool.push(KeyEvent::new(KeyCode::F(5), KeyModifiers::NONE));
    pool.push(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::ALT));
    pool
}

fn check_rules(app: &App) {
    for cohort in &app.data.cohorts {
        assert!(
            cohort.active_trainees().count() <= 12,
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

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_keys_on_random_sizes_keep_the_rules(
        keys in proptest::collection::vec(0usize..1000, 1..120),
        sizes in proptest::collection::vec((1u16..300, 1u16..100), 1..6),
        french in any::<bool>(),
    ) {
        let pool = key_pool();
        let mut app = common::sample_app(if french { Lang::Fr } else { Lang::En });
        let mut saves = 0;
        for (n, k) in keys.iter().enumerate() {
            let (width, height) = sizes[n % sizes.len()];
            app.size = (width, height);
            let effects = app::update_key(&mut app, pool[k % pool.len()]);
            saves += effects.iter().filter(|e| **e == Effect::Save).count();
            if effects.contains(&Effect::Quit) {
                // Quitting is an effect; the app state stays valid, so keep going.
            }
            common::render(&app, width, height);
        }
        check_rules(&app);
        prop_assert!(Screen::ALL.contains(&app.screen));
        // What would be saved reads back equal.
        let json = cercle::store::to_json(&app.data).unwrap();
        let back: cercle::domain::Data = serde_json::from_slice(&json).unwrap();
        prop_assert_eq!(&back, app.data.as_ref());
        let _ = saves;
    }
}
