//! The follow-up list: who needs attention and why, with the follow-ups already logged.

use super::super::table::{self, Columns};
use super::super::text::person_name;
use super::super::theme::Theme;
use super::percent;
use super::seminars::period;
use crate::app::App;
use crate::app::modules::follow_ups;
use crate::domain::rollcall::{Absence, Attention, Concern};
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
    let threshold = fill(
        app.tr(Msg::FollowUpThreshold),
        &[("threshold", &app.config.attendance_threshold.to_string())],
    );
    let listing = &app.modules.follow;
    let counted = table::counted(app.tr(Msg::ViewFollowUp), listing);
    let columns = Columns {
        title: Line::from(format!("{counted}· {threshold} ")),
        headers: &[
            Msg::ColTrainee,
            Msg::ColConcern,
            Msg::ColAbsences,
            Msg::ColFollowUps,
        ],
        widths: &[
            Constraint::Fill(2),
            Constraint::Fill(3),
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
        (listing.rows.len(), listing.cursor),
        |n| match listing.rows.get(n).and_then(|&i| items.get(i)) {
            None => Row::default(),
            Some(Attention::Trainee {
                trainee,
                concern,
                absences,
            }) => {
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
                    Cell::from(dates(app, absences)),
                    Cell::from(logged.to_string()),
                ])
            }
            Some(
                item @ (Attention::UnsignedSheet {
                    date, period: p, ..
                }
                | Attention::NeverTaken {
                    date, period: p, ..
                }),
            ) => {
                let msg = if matches!(item, Attention::NeverTaken { .. }) {
                    Msg::NeverTakenItem
                } else {
                    Msg::UnsignedSheetItem
                };
                let text = fill(
                    app.tr(msg),
                    &[
                        ("date", &crate::i18n::format::date(*date)),
                        ("period", period(app, *p)),
                    ],
                );
                Row::new(vec![Cell::from(""), Cell::from(text)])
            }
        },
    );
}

/// The absences behind a concern: "10/03 morning, 11/03 afternoon (excused)".
fn dates(app: &App, absences: &[Absence]) -> String {
    absences
        .iter()
        .map(|a| {
            let excused = if a.excused {
                format!(" ({})", app.tr(Msg::StatusExcused))
            } else {
                String::new()
            };
            format!(
                "{} {}{excused}",
                a.date.format("%d/%m"),
                period(app, a.period)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}
