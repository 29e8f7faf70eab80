//! The Tutor requests screen: the current cohort's requests and where each stands.

use super::table;
use super::text::{person_name, request_status, safe};
use super::theme::Theme;
use crate::app::{App, Screen};
use crate::i18n::Msg;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Row};

/// Draws the Tutor requests screen.
pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let cohort = app.cohort();
    let title = table::title(app, Screen::Tutoring, app.tr(Msg::ScreenTutoring));
    let widths = [
        Constraint::Fill(3),
        Constraint::Fill(2),
        Constraint::Length(12),
        Constraint::Length(6),
    ];
    let headers = [
        Msg::ColSubject,
        Msg::ColTrainee,
        Msg::ColStatus,
        Msg::ColAge,
    ];
    let spec = table::Spec {
        screen: Screen::Tutoring,
        title: Line::from(title),
        headers: &headers,
        widths: &widths,
    };
    table::draw(frame, app, area, theme, spec, |i| {
        let Some(request) = cohort.and_then(|c| c.tutor_requests.get(i)) else {
            return Row::default();
        };
        let age = (app.now - request.created).num_days().max(0);
        Row::new(vec![
            Cell::from(safe(&request.subject).into_owned()),
            Cell::from(person_name(app, &request.trainee).into_owned()),
            Cell::from(app.tr(request_status(request.status))),
            Cell::from(format!("{age} {}", app.tr(Msg::DaysShort))),
        ])
    });
}
