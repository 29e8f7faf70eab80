//! Events met while the data loads, held until it is on the screens.

use crate::app::{App, Effect, Phase};
use ratatui::crossterm::event::Event;

/// Keys, clicks and pastes met while the data loads (on the loading screen, or over a first
/// look, see [`App::glimpse`]): held, then acted on in their order once the data is on the
/// screens, one a turn so that each one's effects come before the next, so that none acts on
/// data that lacks a cohort and none is lost. Only a key that quits acts at once.
#[derive(Default)]
pub(super) struct Held(std::collections::VecDeque<Event>);

impl Held {
    /// Acts on `event`, or holds it while loading or while earlier ones wait (a resize acts at
    /// once).
    pub(super) fn on_event(&mut self, app: &mut App, event: Event) -> Vec<Effect> {
        let loading = app.phase == Phase::Loading;
        if matches!(event, Event::Resize(..)) || (!loading && self.0.is_empty()) {
            return super::on_event(app, &event);
        }
        if loading
            && let Event::Key(key) = &event
            && app.quits(key)
        {
            self.0.clear();
            return vec![Effect::Quit];
        }
        self.0.push_back(event);
        Vec::new()
    }

    /// Once loaded, acts on the next event held, adding what it asks to `effects`. A load that
    /// did not end on the screens (a welcome, a recovery question, a failure) forgets them:
    /// they were typed for the screens.
    pub(super) fn release_one(&mut self, app: &mut App, effects: &mut Vec<Effect>) {
        match app.phase {
            Phase::Loading => {}
            Phase::Main => {
                if let Some(event) = self.0.pop_front() {
                    effects.extend(super::on_event(app, &event));
                }
            }
            _ => self.0.clear(),
        }
    }

    /// Whether events wait to be acted on, so the loop must not wait for a new one.
    pub(super) fn waiting(&self) -> bool {
        !self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Prepared;
    use crate::config::Config;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(c: char) -> Event {
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    fn loading() -> App {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-28T10:00:00Z").unwrap();
        App::new(Config::default(), now.into())
    }

    #[test]
    fn keys_typed_while_loading_act_in_order_one_a_turn_once_the_screens_show() {
        let mut app = loading();
        let mut held = Held::default();
        // On the loading screen, then over a first look: held, not lost.
        assert!(held.on_event(&mut app, key('3')).is_empty());
        app.glimpse(Prepared::new(crate::domain::Data::default()));
        assert!(held.on_event(&mut app, key('/')).is_empty());
        assert!(held.on_event(&mut app, key('x')).is_empty());
        let mut effects = Vec::new();
        held.release_one(&mut app, &mut effects);
        assert!(held.waiting(), "released before the data was whole");
        app.open_prepared(Prepared::new(crate::domain::Data::default()));
        // A key typed now waits behind those typed before.
        assert!(held.on_event(&mut app, key('y')).is_empty());
        held.release_one(&mut app, &mut effects);
        assert_eq!(app.screen, crate::app::Screen::Contacts);
        assert!(!app.filtering, "two keys in one turn");
        held.release_one(&mut app, &mut effects);
        assert!(app.filtering);
        held.release_one(&mut app, &mut effects);
        held.release_one(&mut app, &mut effects);
        assert!(!held.waiting());
        assert_eq!(app.list_in_view().filter, "xy");
    }

    #[test]
    fn a_quit_key_acts_at_once_and_a_load_without_screens_forgets_the_keys() {
        let mut app = loading();
        let mut held = Held::default();
        assert!(held.on_event(&mut app, key('2')).is_empty());
        let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert_eq!(held.on_event(&mut app, ctrl_c.clone()), vec![Effect::Quit]);
        assert!(!held.waiting());
        // Over a first look, `q` quits as on the screens.
        app.glimpse(Prepared::new(crate::domain::Data::default()));
        assert_eq!(held.on_event(&mut app, key('q')), vec![Effect::Quit]);
        // A load that ends on the welcome screen: `s` was not typed to start the sample.
        assert!(held.on_event(&mut app, key('s')).is_empty());
        app.forget_glimpse();
        app.welcome();
        let mut effects = Vec::new();
        held.release_one(&mut app, &mut effects);
        assert!(effects.is_empty());
        assert!(!held.waiting());
        assert_eq!(app.phase, Phase::Welcome);
    }
}
