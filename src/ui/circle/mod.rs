//! The Knowledge circle screen: the cohort drawn as a circle (or as a plain list), and its views
//! of offers and requests, exchanges, a trainee's path, the speaking round and codev.

mod drawn;
mod knowledge;
mod path;
mod round;
pub use round::step_msg;
mod shape;

use super::table;
use super::text::{person_name, phase, place, safe};
use super::theme::Theme;
use crate::app::circle::selected_trainee;
use crate::app::keymap::View;
use crate::app::{App, Screen};
use crate::domain::circle::{brought, links};
use crate::domain::{Cohort, CohortState, PersonId};
use crate::i18n::{Msg, fill};
use crate::ui::table::above_list;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row};

/// The gentle mark of someone who has not brought an offer or a request yet.
pub const NOT_YET: &str = "◦";

/// Draws the Knowledge circle screen in its current view.
pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    match app.circle.view {
        None if crate::app::circle::shows_list(app) => roster(frame, app, area, theme),
        Some(View::Knowledge) => knowledge::draw(frame, app, area, theme),
        Some(View::Exchanges) => knowledge::exchanges(frame, app, area, theme),
        Some(View::Path) => path::draw(frame, app, area, theme),
        Some(View::Round) => round::round(frame, app, area, theme),
        Some(View::Codev) => round::codev(frame, app, area, theme),
        _ => drawn::draw(frame, app, area, theme),
    }
}

/// The cohort's state against the 8-12 rule, as a styled span.
pub fn state_span(app: &App, cohort: &Cohort, theme: &Theme) -> Span<'static> {
    let (template, n) = match cohort.state() {
        CohortState::CannotStart { enrolled } => (Msg::CannotStart, enrolled),
        CohortState::Running { enrolled } => (Msg::Running, enrolled),
        CohortState::Full => (Msg::Full, 12),
        CohortState::OverFull { enrolled } => (Msg::OverFull, enrolled),
    };
    let style = if matches!(template, Msg::Running | Msg::Full) {
        theme.good
    } else {
        theme.warn
    };
    Span::styled(
        format!("{} ", fill(app.tr(template), &[("n", &n.to_string())])),
        style,
    )
}

/// Whether a person has not brought both an offer and a request yet.
pub fn not_yet(cohort: &Cohort, person: &PersonId) -> bool {
    let (offer, request) = brought(cohort, person);
    !(offer && request)
}

/// The names of those a person exchanged with, and how many times each.
pub fn exchanged_with(app: &App, cohort: &Cohort, person: &PersonId) -> Vec<(String, usize)> {
    links(cohort)
        .into_iter()
        .filter_map(|((a, b), n)| {
            let other = if &a == person {
                b
            } else if &b == person {
                a
            } else {
                return None;
            };
            Some((person_name(app, &other).into_owned(), n))
        })
        .collect()
}

/// "In training", or when and why the trainee left.
pub fn training_state(app: &App, cohort: &Cohort, person: &PersonId) -> String {
    cohort.departure(person).map_or_else(
        || app.tr(Msg::InTraining).to_owned(),
        |d| {
            fill(
                app.tr(Msg::LeftOn),
                &[
                    ("date", &d.date.format("%d/%m/%Y").to_string()),
                    ("reason", &safe(&d.reason)),
                ],
            )
        },
    )
}

/// A time left as `m:ss`, or how far over with a `+`.
pub fn clock(left: chrono::TimeDelta) -> String {
    let seconds = left.num_seconds();
    let sign = if seconds < 0 { "+" } else { "" };
    let seconds = seconds.abs();
    format!("{sign}{}:{:02}", seconds / 60, seconds % 60)
}

/// The roster as a plain list: one line per trainee, for narrow terminals and screen readers.
fn roster(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let Some(cohort) = app.cohort() else {
        frame.render_widget(Paragraph::new(app.tr(Msg::NoCohort)), area);
        return;
    };
    let (top, list) = above_list(area, app);
    let selected = selected_trainee(app);
    let with = selected
        .as_ref()
        .map(|p| exchanged_with(app, cohort, p))
        .unwrap_or_default();
    let names: Vec<String> = with.into_iter().map(|(name, _)| name).collect();
    let with = if names.is_empty() {
        app.tr(Msg::NoExchangeYet).to_owned()
    } else {
        names.join(", ")
    };
    let name = selected
        .as_ref()
        .and_then(|id| app.data.person(id))
        .map(|p| {
            format!(
                "{} · {} ({}) · {}",
                safe(&p.name),
                safe(&p.city),
                safe(&p.departement),
                training_state(app, cohort, &p.id)
            )
        })
        .unwrap_or_default();
    let head = vec![
        Line::from(Span::styled(
            format!(" {name} · {} {with}", app.label(Msg::ExchangedWith)),
            theme.text,
        )),
        // Shown as a list by itself, it says why in place of the legend.
        match crate::app::circle::drawing_fallback(app).filter(|_| !app.circle.list) {
            Some(why) => Line::from(Span::styled(format!(" {}", app.tr(why)), theme.warn)),
            None => Line::from(Span::styled(
                format!(" {NOT_YET} {}", app.tr(Msg::NotYetLegend)),
                theme.dim,
            )),
        },
    ];
    frame.render_widget(Paragraph::new(head), top);
    let title = table::title(app, Screen::Circle, app.tr(Msg::ScreenCircle));
    let title = Line::from(vec![
        Span::styled(title, theme.title),
        state_span(app, cohort, theme),
    ]);
    // The state column fits its longest text; the others share the rest.
    let state_width = cohort
        .trainees
        .iter()
        .map(|t| Line::from(short_state(app, cohort, t)).width())
        .max()
        .unwrap_or(0);
    let widths = [
        Constraint::Fill(3),
        Constraint::Fill(3),
        Constraint::Fill(2),
        Constraint::Fill(2),
        Constraint::Fill(2),
        Constraint::Length(u16::try_from(state_width).unwrap_or(22).min(22)),
    ];
    let headers = [
        Msg::ColName,
        Msg::ColProject,
        Msg::ColPlace,
        Msg::ColPhase,
        Msg::ColCity,
        Msg::ColTraining,
    ];
    let spec = table::Spec {
        screen: Screen::Circle,
        title,
        headers: &headers,
        widths: &widths,
    };
    table::draw(frame, app, list, theme, spec, |i| {
        cohort
            .trainees
            .get(i)
            .map_or_else(Row::default, |id| roster_row(app, cohort, id, theme))
    });
}

/// Where a trainee stands in a few words: the reason of a departure is in the line above.
fn short_state(app: &App, cohort: &Cohort, person: &PersonId) -> String {
    cohort.departure(person).map_or_else(
        || app.tr(Msg::InTraining).to_owned(),
        |d| {
            let date = d.date.format("%d/%m/%Y").to_string();
            fill(app.tr(Msg::LeftShort), &[("date", &date)])
        },
    )
}

fn roster_row(app: &App, cohort: &Cohort, id: &PersonId, theme: &Theme) -> Row<'static> {
    let Some(person) = app.data.person(id) else {
        return Row::default();
    };
    let (project, kind, stage) = person.project.as_ref().map_or_else(
        || (String::new(), String::new(), String::new()),
        |p| {
            (
                safe(&p.name).into_owned(),
                app.tr(place(p.kind)).to_owned(),
                app.tr(phase(p.phase)).to_owned(),
            )
        },
    );
    let mark = if not_yet(cohort, id) { NOT_YET } else { " " };
    let row = Row::new(vec![
        Cell::from(if app.config.me.as_ref() == Some(id) {
            format!("{mark} {} {}", safe(&person.name), app.tr(Msg::MeMark))
        } else {
            format!("{mark} {}", safe(&person.name))
        }),
        Cell::from(project),
        Cell::from(kind),
        Cell::from(stage),
        Cell::from(safe(&person.city).into_owned()),
        Cell::from(short_state(app, cohort, id)),
    ]);
    if cohort.departure(id).is_some() {
        row.style(theme.dim)
    } else {
        row
    }
}
