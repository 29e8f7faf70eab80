//! The Tutor requests screen's state and actions: the queue with its filters, and the steps a
//! request goes through, each made in the user's name (`i` says who that is).

mod forms;
pub mod keys;

use super::{Action, App, Effect, Overlay, Screen};
use crate::domain::fold::fold;
use crate::domain::routing;
use crate::domain::tutoring::{RequestStatus, TutorRequest, Urgency, permitted};
use crate::domain::{Person, PersonId, PersonRole, TutorRequestId};
use crate::i18n::words::status_msg;
use crate::i18n::{Msg, fill};
use forms::{ask_form, step_form};
use std::cmp::Reverse;

pub use forms::submit;

/// What the Tutor requests screen shows: its filters, and whether the selected request fills
/// the body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TutoringView {
    /// The queue of requests, filtered.
    pub listing: super::list::Listing,
    /// Only requests in this status.
    pub status: Option<RequestStatus>,
    /// Only requests assigned to this tutor.
    pub tutor: Option<PersonId>,
    /// Only requests of this trainee.
    pub trainee: Option<PersonId>,
    /// The selected request is shown in full instead of beside the queue.
    pub zoom: bool,
}

/// Which tutoring form is open.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TutoringForm {
    /// A trainee asks for tutoring.
    Ask,
    /// A step that takes a request to this status.
    Step(RequestStatus, TutorRequestId),
}

/// The Tutor requests screen's own actions.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::New => ask(app),
        Action::Open => {
            app.tutoring.zoom = !app.tutoring.zoom && app.selected(Screen::Tutoring).is_some();
            Vec::new()
        }
        Action::Move(to) => step(app, to),
        Action::ExportCalendar => {
            if let Some(cohort) = app.cohort() {
                return vec![Effect::ExportCalendar(cohort.id.clone())];
            }
            app.notify_error(app.tr(Msg::NoCohortYet));
            Vec::new()
        }
        _ => {
            filters_and_export(app, action);
            Vec::new()
        }
    }
}

fn filters_and_export(app: &mut App, action: Action) {
    match action {
        Action::CycleStatusFilter => {
            let all = RequestStatus::ALL.map(Some);
            app.tutoring.status = cycle(&all, app.tutoring.status.as_ref());
            refilter(app);
        }
        Action::CycleTutorFilter => {
            let tutors: Vec<Option<PersonId>> = app
                .cohort()
                .map(|c| routing::candidates(&app.data, c))
                .unwrap_or_default()
                .into_iter()
                .map(|p| Some(p.id.clone()))
                .collect();
            app.tutoring.tutor = cycle(&tutors, app.tutoring.tutor.as_ref());
            refilter(app);
        }
        Action::CycleTraineeFilter => {
            let trainees: Vec<Option<PersonId>> = app
                .cohort()
                .map(|c| c.trainees.iter().map(|t| Some(t.clone())).collect())
                .unwrap_or_default();
            app.tutoring.trainee = cycle(&trainees, app.tutoring.trainee.as_ref());
            refilter(app);
        }
        _ => {}
    }
}

/// The next value after `current` in `values`, going back to `None` after the last.
fn cycle<T: Clone + PartialEq>(values: &[Option<T>], current: Option<&T>) -> Option<T> {
    match current {
        None => values.first().cloned().flatten(),
        Some(current) => values
            .iter()
            .position(|v| v.as_ref() == Some(current))
            .and_then(|at| values.get(at + 1))
            .cloned()
            .flatten(),
    }
}

fn refilter(app: &mut App) {
    app.tutoring.listing.cursor = super::list::Cursor::default();
    app.refresh_rows();
}

/// The selected request of the current cohort.
pub fn selected(app: &App) -> Option<&TutorRequest> {
    let index = app.selected(Screen::Tutoring)?;
    app.cohort()?.tutor_requests.get(index)
}

/// The user as a person, or a notice saying to press `i`.
fn me(app: &mut App) -> Option<Person> {
    let me = app.me().cloned();
    if me.is_none() {
        app.notify_error(app.tr(Msg::WhoAreYouFirst));
    }
    me
}

fn ask(app: &mut App) -> Vec<Effect> {
    let Some(me) = me(app) else {
        return Vec::new();
    };
    if me.role != PersonRole::Trainee {
        app.notify_error(fill(app.tr(Msg::OnlyTraineesAsk), &[("name", &me.name)]));
    } else if app.cohort().is_none() {
        app.notify_error(app.tr(Msg::NoCohortYet));
    } else {
        app.overlay = Some(Overlay::Form(Box::new(ask_form())));
    }
    Vec::new()
}

fn step(app: &mut App, to: RequestStatus) -> Vec<Effect> {
    let Some(request) = selected(app).cloned() else {
        return Vec::new();
    };
    let Some(me) = me(app) else {
        return Vec::new();
    };
    if !permitted(to, me.role, me.id == request.trainee) {
        app.notify_error(fill(app.tr(Msg::OnlyTrainers), &[("name", &me.name)]));
    } else if !request.status.can_become(to) {
        let text = cannot_become(app, request.status, to);
        app.notify_error(text);
    } else {
        app.overlay = Some(Overlay::Form(Box::new(step_form(app, to, &request))));
    }
    Vec::new()
}

/// "A request that is done cannot become scheduled", in the user's language.
pub fn cannot_become(app: &App, from: RequestStatus, to: RequestStatus) -> String {
    let word = |s| app.tr(status_msg(s));
    fill(
        app.tr(Msg::CannotBecome),
        &[("from", word(from)), ("to", word(to))],
    )
}

/// Whether a request passes the screen's filters and every word typed with `/`. Words may be
/// `status:`, `tutor:` or `trainee:` followed by part of a value (`état:`, `tuteur:` and
/// `stagiaire:` in French).
fn keeps(app: &App, request: &TutorRequest, words: &[String]) -> bool {
    let view = &app.tutoring;
    if view.status.is_some_and(|s| s != request.status)
        || view
            .tutor
            .as_ref()
            .is_some_and(|t| request.tutor.as_ref() != Some(t))
        || view.trainee.as_ref().is_some_and(|t| &request.trainee != t)
    {
        return false;
    }
    let name = |id: Option<&PersonId>| {
        id.and_then(|id| app.data.person(id))
            .map_or_else(String::new, |p| fold(&p.name))
    };
    let text = fold(&search_text(app, request));
    words.iter().all(|word| match word.split_once(':') {
        Some(("status" | "etat", value)) => {
            let status = request.status;
            status.key().starts_with(value) || fold(app.tr(status_msg(status))).starts_with(value)
        }
        Some(("tutor" | "tuteur" | "tutrice", value)) => {
            name(request.tutor.as_ref()).contains(value)
        }
        Some(("trainee" | "stagiaire", value)) => name(Some(&request.trainee)).contains(value),
        _ => text.contains(word.as_str()),
    })
}

/// The words a filter is matched against for a request: subject, people, status and id.
fn search_text(app: &App, request: &TutorRequest) -> String {
    let name = |id: Option<&PersonId>| {
        id.and_then(|id| app.data.person(id))
            .map_or("", |p| p.name.as_str())
    };
    let status = app.tr(status_msg(request.status));
    format!(
        "{} {} {} {status} {}",
        request.subject,
        name(Some(&request.trainee)),
        name(request.tutor.as_ref()),
        request.id
    )
}

/// The queue: the current cohort's requests that pass the filters, those still in progress
/// first, urgent ones left unanswered at the top, then by urgency and age.
pub fn queue(app: &App, filter: &str) -> (usize, Vec<usize>) {
    let Some(cohort) = app.cohort() else {
        return (0, Vec::new());
    };
    let words: Vec<String> = filter.split_whitespace().map(fold).collect();
    let requests = &cohort.tutor_requests;
    let mut rows: Vec<usize> = requests
        .iter()
        .enumerate()
        .filter(|(_, r)| keeps(app, r, &words))
        .map(|(i, _)| i)
        .collect();
    rows.sort_by_key(|&i| {
        let r = &requests[i];
        // Once closed, urgency no longer matters: closed requests follow in the order asked.
        let closed = r.status.is_closed();
        let urgency = if closed { Urgency::Low } else { r.urgency };
        (closed, !r.is_overdue(app.now), Reverse(urgency), r.created)
    });
    (requests.len(), rows)
}
