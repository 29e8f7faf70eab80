//! Events met while the data loads, held until it is on the screens, and shown at once over a
//! first look when they only move about it.

use crate::app::{App, Effect, Phase};
use ratatui::crossterm::event::Event;
use std::sync::Arc;

/// Keys, clicks and pastes met while the data loads (on the loading screen, or over a first
/// look, see [`App::glimpse`]): held, then acted on in their order once the data is on the
/// screens, so that none acts on data that lacks a cohort and none is lost. Only a key that
/// quits acts at once.
///
/// Over a first look, the keys that only move about the screens (a screen, a row, a filter, a
/// form being filled) show at once on a copy of the app ([`Held::shown`]), the one drawn. The
/// first that would change the data, save, ask anything of the loop, or show a list the first
/// look holds only in part (the contacts, the cohorts) is not tried there: from it on, keys
/// wait. Once the data is whole, every key held is acted on again, on the
/// whole data, as if all had waited: the copy was only shown.
#[derive(Default)]
pub(super) struct Held {
    events: std::collections::VecDeque<Event>,
    /// The first look with the keys tried on it, while they all moved about the screens.
    shown: Option<App>,
    /// How many of the events held, the first ones, were tried on `shown`.
    tried: usize,
    /// A key tried would have changed the data or asked something: none is tried any more.
    stopped: bool,
}

/// Whether what `app` shows lists the same rows over a first look as over the whole data: not
/// the peer contacts (their search is built with the whole data) nor the cohorts to pick from
/// (the finished ones are not read yet). A key that moves a cursor there would pick, once
/// acted on again, another row than the one it showed.
fn lists_whole(app: &App) -> bool {
    app.screen != crate::app::Screen::Contacts
        && !matches!(app.overlay, Some(crate::app::Overlay::CohortPicker(_)))
}

impl Held {
    /// Acts on `event`, or holds it while loading or while earlier ones wait (a resize acts at
    /// once, on the first look shown too).
    pub(super) fn on_event(&mut self, app: &mut App, event: Event) -> Vec<Effect> {
        let loading = app.phase == Phase::Loading;
        if matches!(event, Event::Resize(..)) {
            if let Some(shown) = &mut self.shown {
                super::on_event(shown, &event);
            }
            return super::on_event(app, &event);
        }
        if !loading && self.events.is_empty() {
            return super::on_event(app, &event);
        }
        if loading
            && let Event::Key(key) = &event
            && self.shown(app).quits(key)
        {
            *self = Self::default();
            return vec![Effect::Quit];
        }
        if loading && app.glimpsed && !self.stopped && self.tried == self.events.len() {
            self.try_on_first_look(app, &event);
        }
        self.events.push_back(event);
        Vec::new()
    }

    /// Tries `event` on the first look shown: kept when it only moved about the screens, else
    /// no key is tried any more.
    fn try_on_first_look(&mut self, app: &App, event: &Event) {
        let mut shown = self.shown.clone().unwrap_or_else(|| {
            let mut first = app.clone();
            // The copy is the screens the keys move about (the app itself stays loading).
            first.phase = Phase::Main;
            first
        });
        let data = Arc::clone(&shown.data);
        let effects = super::on_event(&mut shown, event);
        let moved = effects.is_empty() && Arc::ptr_eq(&data, &shown.data);
        if moved && shown.phase == Phase::Main && lists_whole(&shown) {
            self.shown = Some(shown);
            self.tried += 1;
        } else {
            self.stopped = true;
        }
    }

    /// Brings the first look shown up to what the loop told the app since the keys were tried
    /// on it: the time (and so the notices that expire) and where the sync stands.
    pub(super) fn follow(&mut self, app: &App) {
        if let Some(shown) = &mut self.shown {
            shown.set_now(app.now);
            shown.sync = app.sync;
        }
    }

    /// The app to draw: the first look with the keys tried on it, while the data loads.
    pub(super) fn shown<'a>(&'a self, app: &'a App) -> &'a App {
        match &self.shown {
            Some(shown) if app.phase == Phase::Loading => shown,
            _ => app,
        }
    }

    /// Once loaded, acts on the events held, adding what they ask to `effects`: those tried on
    /// the first look all at once (the screen then shows them as it did), the others one a
    /// turn, so that each one's effects come before the next. A load that did not end on the
    /// screens (a welcome, a recovery question, a failure) forgets them: they were typed for
    /// the screens.
    pub(super) fn release_one(&mut self, app: &mut App, effects: &mut Vec<Effect>) {
        match app.phase {
            Phase::Loading => {}
            Phase::Main => {
                self.shown = None;
                self.stopped = false;
                let batch = std::mem::take(&mut self.tried).max(1);
                for _ in 0..batch {
                    let Some(event) = self.events.pop_front() else {
                        break;
                    };
                    let asked = super::on_event(app, &event);
                    let acted = !asked.is_empty();
                    effects.extend(asked);
                    // What one asks of the loop is done before the next acts.
                    if acted {
                        break;
                    }
                }
            }
            _ => *self = Self::default(),
        }
    }

    /// Whether events wait to be acted on, so the loop must not wait for a new one.
    pub(super) fn waiting(&self) -> bool {
        !self.events.is_empty()
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

    #[test]
    fn keys_over_a_first_look_show_at_once_and_act_again_on_the_whole_data() {
        let mut app = loading();
        let mut held = Held::default();
        app.glimpse(Prepared::new(crate::domain::Data::default()));
        let landing = app.screen;
        for c in ['4', '/', 'x', 'q'] {
            assert!(held.on_event(&mut app, key(c)).is_empty(), "{c}");
        }
        // Shown at once; in the filter, `q` is a letter.
        let shown = held.shown(&app);
        assert_eq!(shown.screen, crate::app::Screen::Tutoring);
        assert_eq!(shown.list_in_view().filter, "xq");
        // The app itself is as it was, and waits for the whole data.
        assert_eq!((app.screen, app.filtering), (landing, false));
        assert!(held.waiting());
        app.open_prepared(Prepared::new(crate::domain::Data::default()));
        let mut effects = Vec::new();
        held.release_one(&mut app, &mut effects);
        // All at once, on the whole data: what was shown, without a frame going back.
        assert!(!held.waiting());
        assert!(effects.is_empty());
        assert_eq!(app.screen, crate::app::Screen::Tutoring);
        assert_eq!(app.list_in_view().filter, "xq");
        assert!(held.shown.is_none(), "the copy shown is gone");
    }

    #[test]
    fn a_key_that_asks_for_more_than_a_move_waits_and_the_next_ones_with_it() {
        let mut app = loading();
        let mut held = Held::default();
        app.glimpse(Prepared::new(crate::domain::Data::default()));
        let landing = app.screen;
        let ctrl_s = Event::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
        assert!(held.on_event(&mut app, ctrl_s).is_empty());
        assert!(held.on_event(&mut app, key('3')).is_empty());
        // Not tried: the save it asks must not start on a first look, nor the keys after it
        // act before it.
        assert_eq!(held.shown(&app).screen, landing);
        app.open_prepared(Prepared::new(crate::domain::Data::default()));
        let mut effects = Vec::new();
        held.release_one(&mut app, &mut effects);
        assert_eq!(effects, vec![Effect::Save]);
        assert_eq!(app.screen, landing, "the next key acts the next turn");
        held.release_one(&mut app, &mut effects);
        assert_eq!(app.screen, crate::app::Screen::Contacts);
        assert!(!held.waiting());
    }

    #[test]
    fn a_list_the_first_look_holds_in_part_is_not_shown_before_the_whole_data() {
        for first in ['3', 'c'] {
            let mut app = loading();
            let mut held = Held::default();
            app.glimpse(Prepared::new(crate::domain::Data::default()));
            let landing = app.screen;
            assert!(held.on_event(&mut app, key(first)).is_empty());
            assert!(held.on_event(&mut app, key('j')).is_empty());
            // Neither the contacts nor the cohorts to pick from: their rows are not all there.
            let shown = held.shown(&app);
            assert_eq!(
                (shown.screen, shown.overlay.is_none()),
                (landing, true),
                "{first}"
            );
            app.open_prepared(Prepared::new(crate::domain::Data::default()));
            let mut effects = Vec::new();
            held.release_one(&mut app, &mut effects);
            held.release_one(&mut app, &mut effects);
            assert!(!held.waiting());
            let picking = matches!(app.overlay, Some(crate::app::Overlay::CohortPicker(_)));
            assert!(
                app.screen == crate::app::Screen::Contacts || picking,
                "{first}"
            );
        }
    }

    #[test]
    fn the_first_look_shown_follows_the_time_and_the_sync() {
        let mut app = loading();
        let mut held = Held::default();
        app.glimpse(Prepared::new(crate::domain::Data::default()));
        assert!(held.on_event(&mut app, key('4')).is_empty());
        let later = app.now + chrono::TimeDelta::minutes(5);
        app.set_now(later);
        app.sync.running = true;
        held.follow(&app);
        let shown = held.shown(&app);
        assert_eq!((shown.now, shown.sync), (later, app.sync));
        assert_eq!(shown.screen, crate::app::Screen::Tutoring);
    }
}
