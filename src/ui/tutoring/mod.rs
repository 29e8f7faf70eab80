//! The Tutor requests screen: the current cohort's queue, with the selected request beside it
//! (or in full, after Enter). Urgent requests left unanswered stand out.

use super::table;
use super::text::{person_name, request_status, safe};
use super::theme::Theme;
pub(super) mod detail;

use crate::app::{App, Screen, layout};
use crate::domain::tutoring::Urgency;
use crate::i18n::{Msg, fill};
use detail as tutoring_detail;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row};

/// Below this width the list leaves the trainee's name to the detail pane.
const WIDE_LIST: u16 = 60;

/// Draws the Tutor requests screen.
pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    if app.tutoring.zoom {
        tutoring_detail::draw(frame, app, area, theme);
        return;
    }
    let list_width = layout::list_rows(area, Screen::Tutoring, 0).width + 2;
    let list = Rect {
        width: list_width,
        ..area
    };
    let detail = Rect {
        x: area.x + list_width,
        width: area.width - list_width,
        ..area
    };
    queue(frame, app, list, theme);
    tutoring_detail::draw(frame, app, detail, theme);
}

/// The list's title: the count, then the filters in force.
fn title(app: &App, theme: &Theme) -> Line<'static> {
    let name = table::title(app, Screen::Tutoring, app.tr(Msg::ScreenTutoring));
    let mut spans = vec![Span::styled(name, theme.title)];
    let view = &app.tutoring;
    let mut filters = Vec::new();
    if let Some(status) = view.status {
        filters.push(fill(
            app.tr(Msg::FilterStatusNow),
            &[("value", app.tr(request_status(status)))],
        ));
    }
    if let Some(tutor) = &view.tutor {
        let name = person_name(app, tutor);
        filters.push(fill(app.tr(Msg::FilterTutorNow), &[("value", &name)]));
    }
    if let Some(trainee) = &view.trainee {
        let name = person_name(app, trainee);
        filters.push(fill(app.tr(Msg::FilterTraineeNow), &[("value", &name)]));
    }
    for filter in filters {
        spans.push(Span::styled(format!("· {filter} "), theme.warn));
    }
    Line::from(spans)
}

fn queue(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let cohort = app.cohort();
    let wide = area.width >= WIDE_LIST;
    let (widths, headers): (Vec<Constraint>, Vec<Msg>) = if wide {
        (
            vec![
                Constraint::Length(2),
                Constraint::Fill(3),
                Constraint::Fill(2),
                Constraint::Length(10),
                Constraint::Length(5),
            ],
            vec![
                Msg::ColUrgency,
                Msg::ColSubject,
                Msg::ColTrainee,
                Msg::ColStatus,
                Msg::ColAge,
            ],
        )
    } else {
        (
            vec![
                Constraint::Length(2),
                Constraint::Fill(1),
                Constraint::Length(10),
                Constraint::Length(5),
            ],
            vec![
                Msg::ColUrgency,
                Msg::ColSubject,
                Msg::ColStatus,
                Msg::ColAge,
            ],
        )
    };
    let spec = table::Spec {
        screen: Screen::Tutoring,
        title: title(app, theme),
        headers: &headers,
        widths: &widths,
    };
    table::draw(frame, app, area, theme, spec, |i| {
        let Some(request) = cohort.and_then(|c| c.tutor_requests.get(i)) else {
            return Row::default();
        };
        let overdue = request.is_overdue(app.now);
        // Other rows keep the row's style, so that the selection shows the same everywhere.
        let style = if overdue {
            theme.warn
        } else {
            ratatui::style::Style::new()
        };
        // The urgency column shows "!" for urgent and "!!" once it waited too long.
        let mark = match (overdue, request.urgency) {
            (true, _) => "!!",
            (false, Urgency::Urgent) => "!",
            _ => "",
        };
        let age = request.age_days(app.now);
        let mut cells = vec![
            Cell::from(mark).style(theme.warn),
            Cell::from(safe(&request.subject).into_owned()).style(style),
        ];
        if wide {
            cells.push(Cell::from(person_name(app, &request.trainee).into_owned()).style(style));
        }
        cells.push(Cell::from(app.tr(request_status(request.status))).style(style));
        cells.push(Cell::from(format!("{age} {}", app.tr(Msg::DaysShort))).style(style));
        Row::new(cells)
    });
}
