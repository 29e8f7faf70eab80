//! The participatory days: the speaking round and the codevelopment session. Timers live in the
//! app, never in the file; they read `app.now`, which the event loop's ticks move on.

use super::active;
use crate::app::keymap::View;
use crate::app::{Action, App, Effect};
use crate::app::{Overlay, Pending, Question};
use crate::domain::Period;
use crate::domain::PersonId;
use crate::domain::round::{Round, Turn, in_the_room, todays_roll_call};
use crate::i18n::{Msg, fill};

/// Whom a speaking round was drawn from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speakers {
    /// The trainees marked present or late at the day's roll call of this half.
    RollCall(Period),
    /// No roll was taken today: every active trainee.
    Cohort,
}

/// The people a round is drawn from: those in the room at the day's roll call when it was
/// taken, else the whole cohort.
fn speakers(app: &App) -> (Vec<PersonId>, Speakers) {
    let now = crate::domain::clock::local(app.now).time();
    let taken = app
        .cohort()
        .and_then(|c| todays_roll_call(c, app.today, now).map(|h| (c, h)));
    match taken {
        Some((cohort, half_day)) => (
            in_the_room(cohort, half_day),
            Speakers::RollCall(half_day.period),
        ),
        None => (active(app), Speakers::Cohort),
    }
}

/// Opens the speaking round, drawing an order if none is under way.
pub fn open_round(app: &mut App) {
    if app.circle.round.is_none() {
        draw(app);
    }
    app.circle.view = Some(View::Round);
}

/// Draws a new order of the people in the room. The seed comes from the app's seed and the
/// number of draws, so a test with a fixed seed gets a fixed order.
pub fn draw(app: &mut App) {
    let seed = app.seed.wrapping_add(app.circle.draws);
    app.circle.draws += 1;
    let (people, from) = speakers(app);
    app.circle.round = Some(Round::draw(&people, seed, app.circle.round_minutes));
    app.circle.speakers = from;
    app.circle.time_up_said = false;
}

/// `d` asks before a new draw: the order and the turns taken so far would be lost.
fn ask_redraw(app: &mut App) {
    let spoke = app.circle.round.as_ref().map_or(0, |r| r.current);
    let text = fill(app.tr(Msg::ConfirmRedraw), &[("n", &spoke.to_string())]);
    app.overlay = Some(Overlay::Confirm(Question {
        text,
        on_yes: Pending::Redraw,
    }));
}

/// The speaking round's and the codevelopment session's actions.
pub fn update(app: &mut App, view: View, action: Action) -> Vec<Effect> {
    let now = app.now;
    if view == View::Round {
        match action {
            Action::StartPause => {
                if let Some(round) = app.circle.round.as_mut().filter(|r| !r.is_done()) {
                    round.timer.toggle(now);
                }
            }
            Action::NextSpeaker | Action::SkipSpeaker => {
                let how = if action == Action::NextSpeaker {
                    Turn::Spoke
                } else {
                    Turn::Skipped
                };
                if let Some(round) = app.circle.round.as_mut() {
                    round.advance(how, now);
                }
                app.circle.time_up_said = false;
            }
            Action::Redraw => ask_redraw(app),
            Action::MoreTime | Action::LessTime => {
                let step = if action == Action::MoreTime { 1 } else { -1 };
                let minutes = (app.circle.round_minutes + step).clamp(1, 30);
                app.circle.round_minutes = minutes;
                if let Some(round) = app.circle.round.as_mut() {
                    round.timer.limit = chrono::TimeDelta::minutes(minutes);
                }
            }
            _ => {}
        }
        return Vec::new();
    }
    super::codev::update(app, action)
}

/// Says once when the speaker's time is up; the facilitator decides when to move on.
pub fn tick(app: &mut App) {
    let now = app.now;
    let over = app
        .circle
        .round
        .as_ref()
        .filter(|r| r.timer.running() && r.timer.is_over(now))
        .and_then(|r| r.speaker().cloned());
    if let Some(speaker) = over.filter(|_| !app.circle.time_up_said) {
        app.circle.time_up_said = true;
        let name = app
            .data
            .person(&speaker)
            .map(|p| p.name.clone())
            .unwrap_or_default();
        app.notify(fill(app.tr(Msg::TimeUp), &[("name", &name)]));
    }
}
