//! The codevelopment session: choosing the client and consultants, then six steps whose times
//! the facilitator adjusts with `+`/`-`, each with its notes pad (`e`). The session is kept in
//! the cohort when its notes are saved and when it ends; ending it before its last step asks
//! first.

use super::{CircleForm, active, current_mut, move_view_cursor};
use crate::app::form::{Field, FieldKind};
use crate::app::{Action, App, Effect, Form, Overlay, Pending, Purpose, Question};
use crate::domain::codev::{CodevSession, keep};
use crate::domain::round::{Codev, CodevError, CodevStep};
use crate::i18n::{Msg, fill};

/// The codevelopment view's actions.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let now = app.now;
    if app.circle.codev.session.is_none() {
        if move_view_cursor(app, action) {
            return Vec::new();
        }
        choose(app, action);
        return Vec::new();
    }
    let Some(session) = app.circle.codev.session.as_mut() else {
        return Vec::new();
    };
    match action {
        Action::StartPause if session.current().is_some() => session.timer.toggle(now),
        Action::MoreTime => session.adjust(1),
        Action::LessTime => session.adjust(-1),
        Action::NextStep if session.current().is_some() => {
            session.next(now);
            if session.current().is_none() {
                // The last step is over: the whole session is kept.
                return keep_session(app);
            }
        }
        Action::Edit => open_notes(app),
        Action::BeginCodev if session.current().is_none() => app.circle.codev.session = None,
        Action::BeginCodev => ask_end(app),
        _ => {}
    }
    Vec::new()
}

/// Choosing the people, then beginning.
fn choose(app: &mut App, action: Action) {
    let people = active(app);
    let under_cursor = people.get(app.circle.codev.cursor.selected).cloned();
    let fresh = (action == Action::BeginCodev).then(|| app.fresh_id("codev"));
    let codev = &mut app.circle.codev;
    match action {
        Action::SetClient => {
            codev
                .consultants
                .retain(|c| Some(c) != under_cursor.as_ref());
            codev.client = under_cursor;
        }
        Action::ToggleConsultant => {
            if let Some(person) = under_cursor.filter(|p| Some(p) != codev.client.as_ref()) {
                if let Some(at) = codev.consultants.iter().position(|c| *c == person) {
                    codev.consultants.remove(at);
                } else {
                    codev.consultants.push(person);
                }
            }
        }
        Action::BeginCodev => match Codev::begin(codev.client.as_ref(), &codev.consultants) {
            Ok(session) => {
                codev.session = Some(session);
                codev.record = fresh.unwrap_or_default();
            }
            Err(error) => {
                let text = codev_error(app, &error);
                app.notify_error(text);
            }
        },
        _ => {}
    }
}

fn codev_error(app: &App, error: &CodevError) -> String {
    match error {
        CodevError::NoClient => app.tr(Msg::CodevNoClient).to_owned(),
        CodevError::TooFew(n) | CodevError::TooMany(n) => {
            fill(app.tr(Msg::CodevSize), &[("n", &n.to_string())])
        }
    }
}

/// The step whose notes `e` opens: the one under way, or the last once the session is over.
fn notes_step(session: &Codev) -> usize {
    session.step.min(CodevStep::ALL.len() - 1)
}

/// Opens the notes pad of the step under way.
fn open_notes(app: &mut App) {
    let Some(session) = &app.circle.codev.session else {
        return;
    };
    let step = notes_step(session);
    let field = Field::new(Msg::FieldNote, FieldKind::Note, &session.notes[step]);
    let form = Form::new(Purpose::Circle(CircleForm::CodevNotes(step)), vec![field]);
    app.overlay = Some(Overlay::Form(Box::new(form)));
}

/// Saves the notes of a step into the session, and the session into the cohort.
pub fn notes_saved(app: &mut App, form: &Form, step: usize) -> Vec<Effect> {
    let text = form.value(Msg::FieldNote);
    let Some(notes) = app
        .circle
        .codev
        .session
        .as_mut()
        .and_then(|s| s.notes.get_mut(step))
    else {
        return Vec::new();
    };
    *notes = text;
    keep_session(app)
}

/// Asks before ending a session under way, saying where it stops and that its notes are kept.
fn ask_end(app: &mut App) {
    let Some(session) = &app.circle.codev.session else {
        return;
    };
    let client = app
        .data
        .person(&session.client)
        .map(|p| p.name.clone())
        .unwrap_or_default();
    let text = fill(
        app.tr(Msg::ConfirmEndCodev),
        &[
            ("client", &client),
            ("step", &(session.step + 1).to_string()),
        ],
    );
    app.overlay = Some(Overlay::Confirm(Question {
        text,
        on_yes: Pending::EndCodev,
    }));
}

/// Ends the session under way, keeping it as it stands.
pub fn end(app: &mut App) -> Vec<Effect> {
    let effects = keep_session(app);
    app.circle.codev.session = None;
    effects
}

/// Writes the session as it stands into the current cohort (one record per session).
fn keep_session(app: &mut App) -> Vec<Effect> {
    let Some(session) = &app.circle.codev.session else {
        return Vec::new();
    };
    let record = CodevSession::of(session, &app.circle.codev.record, app.today);
    let label = app.tr(Msg::CodevKept).to_owned();
    app.notify(label.clone());
    app.change(label, move |data| {
        if let Some(cohort) = current_mut(data) {
            keep(&mut cohort.codev_sessions, record);
        }
    })
}
