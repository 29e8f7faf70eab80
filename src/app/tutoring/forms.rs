//! The tutoring forms: asking for tutoring, and each step of a request (accept, decline,
//! duplicate, defer, schedule, done, cancel). Checks that need the data are made on submit and
//! shown inline, on the field.

use super::TutoringForm;
use crate::app::Form;
use crate::app::Purpose;
use crate::app::dates::{parse_date, parse_time};
use crate::app::form::{Field, FieldKind};
use crate::app::{App, Effect, Overlay};
use crate::domain::fold::fold;
use crate::domain::knowledge::Topic;
use crate::domain::lookup::{LookupError, find};
use crate::domain::routing;
use crate::domain::tutoring::{
    Outcome, RequestStatus, Step, StepError, TutorRequest, TutoringSession,
};
use crate::domain::{Person, PersonRole, TutorRequestId};
use crate::i18n::words::{FORMATS, URGENCIES, status_msg};
use crate::i18n::{Msg, fill};

const URGENCY_WORDS: [Msg; 3] = [URGENCIES[0].1, URGENCIES[1].1, URGENCIES[2].1];
const FORMAT_WORDS: [Msg; 3] = [FORMATS[0].1, FORMATS[1].1, FORMATS[2].1];

fn form(kind: TutoringForm, fields: Vec<Field>) -> Form {
    Form::new(Purpose::Tutoring(kind), fields)
}

/// The form a trainee fills in to ask for tutoring.
pub fn ask_form() -> Form {
    let normal = URGENCIES.iter().position(|(_, m)| *m == Msg::UrgencyNormal);
    let call = FORMATS.iter().position(|(_, m)| *m == Msg::FormatCall);
    form(
        TutoringForm::Ask,
        vec![
            Field::new(Msg::FieldSubject, FieldKind::Required, ""),
            Field::new(Msg::FieldTopic, FieldKind::Text, ""),
            Field::new(Msg::FieldDescription, FieldKind::Note, ""),
            Field::choice(Msg::FieldUrgency, &URGENCY_WORDS, normal.unwrap_or(0)),
            Field::choice(Msg::FieldFormat, &FORMAT_WORDS, call.unwrap_or(0)),
            Field::new(Msg::FieldWindows, FieldKind::Text, ""),
        ],
    )
}

/// The form of a step that takes `request` to `to`, filled with what is known.
pub fn step_form(app: &App, to: RequestStatus, request: &TutorRequest) -> Form {
    let format_at = |f| FORMATS.iter().position(|(g, _)| *g == f).unwrap_or(0);
    let fields = match to {
        RequestStatus::Accepted => {
            // The top suggestion is the natural first choice; any trainer may be typed.
            let top = app
                .cohort()
                .map(|c| routing::suggest(&app.data, c, request))
                .and_then(|s| s.into_iter().next())
                .and_then(|s| app.data.person(&s.tutor).map(|p| p.name.clone()));
            vec![Field::new(
                Msg::FieldTutor,
                FieldKind::Required,
                &top.unwrap_or_default(),
            )]
        }
        RequestStatus::Duplicate => vec![
            Field::new(Msg::FieldDuplicateOf, FieldKind::Required, ""),
            Field::new(Msg::FieldReason, FieldKind::Required, ""),
        ],
        RequestStatus::Deferred => vec![
            Field::new(Msg::FieldUntil, FieldKind::Date, ""),
            Field::new(Msg::FieldReason, FieldKind::Required, ""),
        ],
        RequestStatus::Scheduled => {
            let session = request.session.as_ref();
            let date = session.map(|s| s.date.to_string()).unwrap_or_default();
            let time = session
                .map(|s| s.time.format("%H:%M").to_string())
                .unwrap_or_default();
            let place = session.map(|s| s.place.clone()).unwrap_or_default();
            let format = session.map_or(request.format, |s| s.format);
            vec![
                Field::new(Msg::FieldDate, FieldKind::Date, &date),
                Field::new(Msg::FieldTime, FieldKind::Time, &time),
                Field::new(Msg::FieldPlace, FieldKind::Text, &place),
                Field::choice(Msg::FieldFormat, &FORMAT_WORDS, format_at(format)),
            ]
        }
        RequestStatus::Done => vec![
            Field::new(Msg::FieldSummary, FieldKind::Required, ""),
            Field::new(Msg::FieldNextSteps, FieldKind::Note, ""),
        ],
        RequestStatus::Cancelled => vec![Field::new(Msg::FieldReason, FieldKind::Text, "")],
        RequestStatus::Declined | RequestStatus::Open => {
            vec![Field::new(Msg::FieldReason, FieldKind::Required, "")]
        }
    };
    form(TutoringForm::Step(to, request.id.clone()), fields)
}

/// Saves a tutoring form; a refused field puts the form back with the reason on the field.
pub fn submit(app: &mut App, mut form: Box<Form>, kind: TutoringForm) -> Vec<Effect> {
    let outcome = match kind {
        TutoringForm::Ask => ask(app, &form),
        TutoringForm::Step(to, id) => step(app, &form, to, &id),
    };
    match outcome {
        Ok(effects) => effects,
        Err(Refusal::Field(label, error)) => {
            form.refuse(label, error);
            app.notify_error(app.tr(Msg::FormHasErrors));
            app.overlay = Some(Overlay::Form(form));
            Vec::new()
        }
        Err(Refusal::Step(text)) => {
            app.notify_error(text);
            app.overlay = Some(Overlay::Form(form));
            Vec::new()
        }
    }
}

/// Why a form was not saved.
enum Refusal {
    /// A field's value is refused.
    Field(Msg, Msg),
    /// The step itself is refused, with the message to show.
    Step(String),
}

fn lookup_error(label: Msg, unknown: Msg) -> impl Fn(LookupError) -> Refusal {
    move |error| match error {
        LookupError::Unknown { .. } => Refusal::Field(label, unknown),
        LookupError::Ambiguous { .. } => Refusal::Field(label, Msg::FieldAmbiguous),
    }
}

/// The module or block typed: its code (`2.1`, `FAB`), else a part of its title.
fn topic(app: &App, typed: &str) -> Result<Option<Topic>, Refusal> {
    if typed.is_empty() {
        return Ok(None);
    }
    let programme = &app.data.programme;
    let topics: Vec<(Topic, &str, &str)> = programme
        .modules
        .iter()
        .map(|m| {
            (
                Topic::Module(m.id.clone()),
                m.code.as_str(),
                m.title.as_str(),
            )
        })
        .chain(programme.blocks.iter().map(|b| {
            (
                Topic::Block(b.id.clone()),
                b.code.as_str(),
                b.title.as_str(),
            )
        }))
        .collect();
    if let Some((topic, _, _)) = topics.iter().find(|t| fold(t.1) == fold(typed)) {
        return Ok(Some(topic.clone()));
    }
    find("topic", &topics, typed, |t| t.1, |t| t.2)
        .map(|t| Some(t.0.clone()))
        .map_err(lookup_error(Msg::FieldTopic, Msg::FieldUnknownTopic))
}

fn ask(app: &mut App, form: &Form) -> Result<Vec<Effect>, Refusal> {
    let (Some(me), Some(cohort)) = (app.me(), app.cohort()) else {
        return Err(Refusal::Step(app.tr(Msg::WhoAreYouFirst).to_owned()));
    };
    let (trainee, cohort_id) = (me.id.clone(), cohort.id.clone());
    let topic = topic(app, &form.value(Msg::FieldTopic))?;
    let subject = form.value(Msg::FieldSubject);
    let id = TutorRequestId::new(app.fresh_id("tr"));
    let mut request = TutorRequest::new(id.clone(), trainee, subject.clone(), app.now);
    request.topic = topic;
    request.description = form.value(Msg::FieldDescription);
    request.urgency = URGENCIES[form.choice(Msg::FieldUrgency) % URGENCIES.len()].0;
    request.format = FORMATS[form.choice(Msg::FieldFormat) % FORMATS.len()].0;
    request.windows = form
        .value(Msg::FieldWindows)
        .split([';', ','])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    let label = fill(app.tr(Msg::RequestAdded), &[("subject", &subject)]);
    app.notify(label.clone());
    let effects = app.change(label, |data| {
        if let Some(cohort) = data.cohort_mut(&cohort_id) {
            cohort.tutor_requests.push(request);
        }
    });
    select(app, &id);
    Ok(effects)
}

/// Moves the cursor to a request of the current cohort.
fn select(app: &mut App, id: &TutorRequestId) {
    let Some(index) = app
        .cohort()
        .and_then(|c| c.tutor_requests.iter().position(|r| &r.id == id))
    else {
        return;
    };
    let height = app.page_height();
    app.tutoring
        .listing
        .select_where(height, |record| record == index);
}

/// What the form says to do, as a domain step.
fn to_step(
    app: &App,
    form: &Form,
    to: RequestStatus,
    request: &TutorRequest,
) -> Result<Step, Refusal> {
    let reason = form.value(Msg::FieldReason);
    // The form checked the format already; this only guards against a field left out.
    let date =
        |label| parse_date(&form.value(label)).ok_or(Refusal::Field(label, Msg::FieldBadDate));
    Ok(match to {
        RequestStatus::Accepted => {
            let trainers: Vec<&Person> = app
                .data
                .people
                .iter()
                .filter(|p| p.role == PersonRole::Trainer)
                .map(|p| &**p)
                .collect();
            let tutor = find(
                "trainer",
                &trainers,
                &form.value(Msg::FieldTutor),
                |p| p.id.as_str(),
                |p| p.name.as_str(),
            )
            .map_err(lookup_error(Msg::FieldTutor, Msg::FieldUnknownTrainer))?;
            Step::Accept {
                tutor: tutor.id.clone(),
            }
        }
        RequestStatus::Duplicate => {
            let others: Vec<&TutorRequest> = app
                .cohort()
                .map(|c| {
                    c.tutor_requests
                        .iter()
                        .filter(|r| r.id != request.id)
                        .collect()
                })
                .unwrap_or_default();
            let of = find(
                "request",
                &others,
                &form.value(Msg::FieldDuplicateOf),
                |r| r.id.as_str(),
                |r| r.subject.as_str(),
            )
            .map_err(lookup_error(
                Msg::FieldDuplicateOf,
                Msg::FieldUnknownRequest,
            ))?;
            Step::Duplicate {
                of: of.id.clone(),
                reason,
            }
        }
        RequestStatus::Deferred => {
            let until = date(Msg::FieldUntil)?;
            if until <= app.today {
                return Err(Refusal::Field(Msg::FieldUntil, Msg::FieldNotAfterToday));
            }
            Step::Defer { until, reason }
        }
        RequestStatus::Scheduled => {
            let day = date(Msg::FieldDate)?;
            if day < app.today {
                return Err(Refusal::Field(Msg::FieldDate, Msg::FieldDatePast));
            }
            let time = parse_time(&form.value(Msg::FieldTime))
                .ok_or(Refusal::Field(Msg::FieldTime, Msg::FieldBadTime))?;
            Step::Schedule(TutoringSession {
                date: day,
                time,
                place: form.value(Msg::FieldPlace),
                format: FORMATS[form.choice(Msg::FieldFormat) % FORMATS.len()].0,
            })
        }
        RequestStatus::Done => Step::Done(Outcome {
            summary: form.value(Msg::FieldSummary),
            next_steps: form.value(Msg::FieldNextSteps),
        }),
        RequestStatus::Cancelled => Step::Cancel {
            reason: Some(reason),
        },
        RequestStatus::Declined | RequestStatus::Open => Step::Decline { reason },
    })
}

fn step(
    app: &mut App,
    form: &Form,
    to: RequestStatus,
    id: &TutorRequestId,
) -> Result<Vec<Effect>, Refusal> {
    let (Some(me), Some(cohort)) = (app.me(), app.cohort()) else {
        return Err(Refusal::Step(app.tr(Msg::WhoAreYouFirst).to_owned()));
    };
    let (by, cohort_id) = (me.id.clone(), cohort.id.clone());
    let Some(mut request) = cohort.tutor_requests.iter().find(|r| &r.id == id).cloned() else {
        return Ok(Vec::new());
    };
    let from = request.status;
    let step = to_step(app, form, to, &request)?;
    // Tried on a copy first, so that a refused step leaves no undo entry behind.
    request
        .apply(step, by, app.now)
        .map_err(|e| Refusal::Step(step_error(app, &e)))?;
    let word = |s| app.tr(status_msg(s));
    let label = fill(
        app.tr(Msg::RequestMoved),
        &[
            ("subject", &request.subject),
            ("from", word(from)),
            ("to", word(to)),
        ],
    );
    app.notify(label.clone());
    let effects = app.change(label, |data| {
        if let Some(slot) = data
            .cohort_mut(&cohort_id)
            .and_then(|c| c.tutor_requests.iter_mut().find(|r| &r.id == id))
        {
            *slot = request;
        }
    });
    select(app, id);
    Ok(effects)
}

/// A refused step, in the user's language.
pub fn step_error(app: &App, error: &StepError) -> String {
    match error {
        StepError::NotAllowed { from, to } => super::cannot_become(app, *from, *to),
        StepError::ReasonRequired(to) => fill(
            app.tr(Msg::ReasonNeeded),
            &[("to", app.tr(status_msg(*to)))],
        ),
        StepError::DuplicateOfItself => app.tr(Msg::DuplicateOfItself).to_owned(),
        StepError::SummaryRequired => app.tr(Msg::SummaryNeeded).to_owned(),
    }
}
