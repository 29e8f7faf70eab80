//! The Knowledge circle screen: the cohort's trainees and their projects.

use super::table;
use super::text::{phase, place, safe};
use super::theme::Theme;
use crate::app::{App, Screen};
use crate::domain::CohortState;
use crate::i18n::{Msg, fill};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row};

/// Draws the Knowledge circle screen.
pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let cohort = app.cohort();
    let name = table::title(app, Screen::Circle, app.tr(Msg::ScreenCircle));
    let mut title = vec![Span::styled(name, theme.title)];
    if let Some(cohort) = cohort {
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
        let state = fill(app.tr(template), &[("n", &n.to_string())]);
        title.push(Span::styled(format!("{state} "), style));
    }
    let widths = [
        Constraint::Fill(2),
        Constraint::Fill(2),
        Constraint::Fill(1),
        Constraint::Fill(1),
        Constraint::Fill(1),
    ];
    let headers = [
        Msg::ColName,
        Msg::ColProject,
        Msg::ColPlace,
        Msg::ColPhase,
        Msg::ColCity,
    ];
    let spec = table::Spec {
        screen: Screen::Circle,
        title: Line::from(title),
        headers: &headers,
        widths: &widths,
    };
    table::draw(frame, app, area, theme, spec, |i| {
        let Some(person) = cohort
            .and_then(|c| c.trainees.get(i))
            .and_then(|id| app.data.person(id))
        else {
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
        Row::new(vec![
            Cell::from(safe(&person.name).into_owned()),
            Cell::from(project),
            Cell::from(kind),
            Cell::from(stage),
            Cell::from(format!(
                "{} ({})",
                safe(&person.city),
                safe(&person.departement)
            )),
        ])
    });
}
