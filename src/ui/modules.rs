//! The Modules screen: the programme's modules, with each one's progress in the current cohort.

use super::table;
use super::text::safe;
use super::theme::Theme;
use crate::app::{App, Screen};
use crate::i18n::Msg;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Row};

/// Draws the Modules screen.
pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let programme = &app.data.programme;
    let cohort = app.cohort();
    let title = table::title(app, Screen::Modules, app.tr(Msg::ScreenModules));
    let widths = [
        Constraint::Length(5),
        Constraint::Fill(1),
        Constraint::Length(7),
        Constraint::Length(14),
    ];
    let headers = [
        Msg::ColCode,
        Msg::ColModule,
        Msg::ColHours,
        Msg::ColHalfDays,
    ];
    let spec = table::Spec {
        screen: Screen::Modules,
        title: Line::from(title),
        headers: &headers,
        widths: &widths,
    };
    table::draw(frame, app, area, theme, spec, |i| {
        let Some(module) = programme.modules.get(i) else {
            return Row::default();
        };
        let (held, planned) = cohort.map_or((0, 0), |c| {
            c.seminars
                .iter()
                .filter(|s| s.modules.contains(&module.id))
                .flat_map(|s| &s.half_days)
                .fold((0, 0), |(held, planned), h| {
                    (held + usize::from(h.is_held(app.today)), planned + 1)
                })
        });
        Row::new(vec![
            Cell::from(safe(&module.code).into_owned()),
            Cell::from(safe(&module.title).into_owned()),
            Cell::from(format!("{:>5.1}", module.planned_hours)),
            Cell::from(format!("{held:>3} / {planned:<3}")),
        ])
    });
}
