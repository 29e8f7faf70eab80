//! One tutor request in detail: what is asked, where it stands, the tutors suggested for it
//! with the reason each is there, and its history.

use crate::app::App;
use crate::app::tutoring::{TutoringForm, selected};
use crate::domain::knowledge::Topic;
use crate::domain::routing::{self, Suggestion};
use crate::domain::tutoring::{RequestStatus, TutorRequest};
use crate::i18n::words::{format_msg, urgency_msg};
use crate::i18n::{Msg, fill, format};
use crate::ui::text::{person_name, phase, place, request_status, safe};
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// How many suggestions are shown.
const SUGGESTIONS: usize = 3;

/// Draws the selected request in `area`.
pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border);
    let mut lines = Vec::new();
    if app.me().is_none() {
        lines.push(Line::from(Span::styled(
            app.tr(Msg::WhoAreYouFirst).to_owned(),
            theme.warn,
        )));
        lines.push(Line::default());
    }
    if let Some(request) = selected(app) {
        lines.extend(detail(app, request, theme));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

fn field(app: &App, theme: &Theme, label: Msg, value: String) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{} ", app.label(label)), theme.dim),
        Span::styled(value, theme.text),
    ])
}

fn topic(app: &App, request: &TutorRequest) -> Option<String> {
    let programme = &app.data.programme;
    match request.topic.as_ref()? {
        Topic::Module(id) => programme
            .module(id)
            .map(|m| format!("{} {}", safe(&m.code), safe(&m.title))),
        Topic::Block(id) => programme
            .block(id)
            .map(|b| format!("{} {}", safe(&b.code), safe(&b.title))),
    }
}

fn detail(app: &App, request: &TutorRequest, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        safe(&request.subject).into_owned(),
        theme.title,
    ))];
    let trainee = app.data.person(&request.trainee);
    let mut who = person_name(app, &request.trainee).into_owned();
    if let Some(project) = trainee.and_then(|p| p.project.as_ref()) {
        who = format!(
            "{who} · {} ({}, {})",
            safe(&project.name),
            app.tr(place(project.kind)),
            app.tr(phase(project.phase))
        );
    }
    lines.push(Line::from(Span::styled(who, theme.text)));
    if let Some(topic) = topic(app, request) {
        lines.push(field(app, theme, Msg::DetailTopic, topic));
    }
    let age = request.age_days(app.now).to_string();
    let asked = crate::i18n::format::days_ago(request.age_days(app.now), app.lang());
    let facts = format!(
        "{} · {} · {} · {}",
        app.tr(request_status(request.status)),
        app.tr(urgency_msg(request.urgency)),
        app.tr(format_msg(request.format)),
        fill(app.tr(Msg::DetailAsked), &[("n", &asked)])
    );
    lines.push(Line::from(Span::styled(facts, theme.dim)));
    if request.is_overdue(app.now) {
        let text = fill(app.tr(Msg::Overdue), &[("n", &age)]);
        lines.push(Line::from(Span::styled(format!("!! {text}"), theme.warn)));
    }
    if !request.windows.is_empty() {
        let windows = request.windows.join(" ; ");
        lines.push(field(
            app,
            theme,
            Msg::DetailWindows,
            safe(&windows).into_owned(),
        ));
    }
    if !request.description.is_empty() {
        lines.extend(
            request
                .description
                .lines()
                .map(|l| Line::from(Span::styled(safe(l).into_owned(), theme.text))),
        );
    }
    lines.extend(where_it_stands(app, request, theme));
    if matches!(
        request.status,
        RequestStatus::Open | RequestStatus::Deferred
    ) {
        lines.extend(suggestions(app, request, theme));
    }
    lines.extend(history(app, request, theme));
    lines
}

fn where_it_stands(app: &App, request: &TutorRequest, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::default()];
    if let Some(tutor) = &request.tutor {
        let name = person_name(app, tutor).into_owned();
        lines.push(field(app, theme, Msg::DetailTutor, name));
    }
    if let (RequestStatus::Deferred, Some(until)) = (request.status, request.deferred_to) {
        lines.push(field(
            app,
            theme,
            Msg::DetailDeferredTo,
            format::date(until),
        ));
    }
    if let Some(of) = &request.duplicate_of {
        let subject = app
            .cohort()
            .and_then(|c| c.tutor_requests.iter().find(|r| &r.id == of))
            .map_or_else(|| of.to_string(), |r| safe(&r.subject).into_owned());
        lines.push(field(app, theme, Msg::DetailDuplicateOf, subject));
    }
    if let Some(session) = &request.session {
        let mut text = format!(
            "{} · {}",
            format::date_at(session.date, session.time, app.lang()),
            app.tr(format_msg(session.format))
        );
        if !session.place.is_empty() {
            text = format!("{text} · {}", safe(&session.place));
        }
        lines.push(field(app, theme, Msg::DetailSession, text));
    }
    if let Some(outcome) = &request.outcome {
        let summary = safe(&outcome.summary).into_owned();
        lines.push(field(app, theme, Msg::DetailOutcome, summary));
        if !outcome.next_steps.is_empty() {
            let next = safe(&outcome.next_steps).into_owned();
            lines.push(field(app, theme, Msg::DetailNextSteps, next));
        }
    }
    if lines.len() == 1 {
        lines.clear();
    }
    lines
}

/// Why a tutor is suggested: "Gironde, 48 km, fabmanager, 1 open request".
pub fn why(app: &App, suggestion: &Suggestion) -> String {
    let mut parts = Vec::new();
    if let Some(departement) = suggestion.departement {
        parts.push(departement.name.to_owned());
    }
    parts.push(suggestion.distance_km.map_or_else(
        || app.tr(Msg::DistanceUnknown).to_owned(),
        |km| {
            // Rounded to the kilometre: the places are prefectures, not addresses.
            #[allow(clippy::cast_possible_truncation)]
            let km = km.round() as i64;
            fill(app.tr(Msg::KmAway), &[("km", &km.to_string())])
        },
    ));
    if let Some(speciality) = &suggestion.speciality {
        parts.push(safe(speciality).into_owned());
    }
    parts.push(match suggestion.load {
        0 => app.tr(Msg::OpenRequestsNone).to_owned(),
        1 => app.tr(Msg::OpenRequestsOne).to_owned(),
        n => fill(app.tr(Msg::OpenRequestsMany), &[("n", &n.to_string())]),
    });
    parts.join(", ")
}

fn suggestions(app: &App, request: &TutorRequest, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::default(),
        Line::from(Span::styled(
            app.tr(Msg::SuggestionsTitle).to_owned(),
            theme.title,
        )),
    ];
    let suggested = app
        .cohort()
        .map(|c| routing::suggest(&app.data, c, request))
        .unwrap_or_default();
    if suggested.is_empty() {
        lines.push(Line::from(Span::styled(
            app.tr(Msg::NoSuggestion).to_owned(),
            theme.dim,
        )));
    }
    for (n, suggestion) in suggested.iter().take(SUGGESTIONS).enumerate() {
        lines.push(Line::from(vec![
            Span::styled(format!("{}. ", n + 1), theme.key),
            Span::styled(person_name(app, &suggestion.tutor).into_owned(), theme.text),
            Span::styled(format!(" · {}", why(app, suggestion)), theme.dim),
        ]));
    }
    lines
}

fn history(app: &App, request: &TutorRequest, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::default(),
        Line::from(Span::styled(
            app.tr(Msg::HistoryTitle).to_owned(),
            theme.title,
        )),
    ];
    if request.history.is_empty() {
        lines.push(Line::from(Span::styled(
            app.tr(Msg::NoHistoryYet).to_owned(),
            theme.dim,
        )));
    }
    for step in &request.history {
        lines.push(Line::from(vec![
            Span::styled(
                format!("{} ", format::on_date_at(step.at, app.lang())),
                theme.dim,
            ),
            Span::styled(person_name(app, &step.by).into_owned(), theme.text),
            Span::styled(
                format!(
                    " {} → {}",
                    app.tr(request_status(step.from)),
                    app.tr(request_status(step.to))
                ),
                theme.text,
            ),
        ]));
        if let Some(reason) = &step.reason {
            lines.push(Line::from(Span::styled(
                format!("   {}", safe(reason)),
                theme.dim,
            )));
        }
    }
    lines
}

/// A tutoring form's title, naming the request (or the project asked about).
pub fn form_title(app: &App, kind: &TutoringForm) -> String {
    match kind {
        TutoringForm::Ask => {
            let title = app.tr(Msg::NewRequestTitle);
            match app.me().and_then(|p| p.project.as_ref()) {
                Some(project) => format!("{title} · {}", safe(&project.name)),
                None => title.to_owned(),
            }
        }
        TutoringForm::Step(to, id) => {
            let title = app.tr(match to {
                RequestStatus::Accepted => Msg::AcceptTitle,
                RequestStatus::Duplicate => Msg::DuplicateTitle,
                RequestStatus::Deferred => Msg::DeferTitle,
                RequestStatus::Scheduled => Msg::ScheduleTitle,
                RequestStatus::Done => Msg::DoneTitle,
                RequestStatus::Cancelled => Msg::CancelTitle,
                RequestStatus::Declined | RequestStatus::Open => Msg::DeclineTitle,
            });
            let subject = app
                .cohort()
                .and_then(|c| c.tutor_requests.iter().find(|r| &r.id == id))
                .map(|r| safe(&r.subject).into_owned());
            subject.map_or_else(|| title.to_owned(), |s| format!("{title} · {s}"))
        }
    }
}
