//! The follow-up list: who needs attention and why, with the follow-ups already logged.

use super::super::table::{self, Columns};
use super::super::text::person_name;
use super::super::theme::Theme;
use super::percent;
use super::seminars::period;
use crate::app::App;
use crate::app::modules::follow_ups;
use crate::domain::rollcall::{Attention, Concern};
use crate::i18n::{Msg, fill};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Row};

/// Draws the follow-up list.
pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let Some(cohort) = app.cohort() else {
        return;
    };
    let items = follow_ups(app);
    let columns = Columns {
        title: Line::from(format!(" {} ({}) ", app.tr(Msg::ViewFollowUp), items.len())),
        headers: &[Msg::ColTrainee, Msg::ColConcern, Msg::ColFollowUps],
        widths: &[
            Constraint::Fill(2),
            Constraint::Fill(3),
            Constraint::Length(10),
        ],
    };
    table::draw_list(
        frame,
        app,
        area,
        theme,
        &columns,
        (items.len(), app.modules.follow),
        |n| match &items[n] {
            Attention::Trainee { trainee, concern } => {
                let why = match concern {
                    Concern::ConsecutiveAbsences(run) => {
                        fill(app.tr(Msg::ConcernAbsences), &[("n", &run.to_string())])
                    }
                    Concern::LowRate(rate) => fill(
                        app.tr(Msg::ConcernLowRate),
                        &[("rate", &percent(app, Some(*rate)))],
                    ),
                };
                let logged = cohort
                    .follow_ups
                    .iter()
                    .filter(|f| &f.trainee == trainee)
                    .count();
                Row::new(vec![
                    Cell::from(person_name(app, trainee).into_owned()),
                    Cell::from(why),
                    Cell::from(logged.to_string()),
                ])
            }
            Attention::UnsignedSheet {
                date, period: p, ..
            } => {
                let text = fill(
                    app.tr(Msg::UnsignedSheetItem),
                    &[
                        ("date", &crate::i18n::format::date(*date)),
                        ("period", period(app, *p)),
                    ],
                );
                Row::new(vec![Cell::from(""), Cell::from(text), Cell::from("")])
            }
        },
    );
}
