//! The Modules screen: the programme with each module's progress, and its views (seminars, a
//! seminar, the roll call, the follow-up list).

mod follow_up;
mod roll_call;
mod seminars;

use super::table;
use super::text::safe;
use super::theme::Theme;
use crate::app::keymap::View;
use crate::app::{App, Screen};
use crate::domain::rules::{cohort_attendance, trainee_attendance};
use crate::domain::{Cohort, Module, PersonId};
use crate::i18n::{Msg, fill};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row};

/// Draws the Modules screen in its current view.
pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    match app.modules.view {
        None => programme(frame, app, area, theme),
        Some(View::Seminars) => seminars::list(frame, app, area, theme),
        Some(View::Seminar) => seminars::seminar(frame, app, area, theme),
        Some(View::RollCall) => roll_call::draw(frame, app, area, theme),
        Some(View::FollowUp) => follow_up::draw(frame, app, area, theme),
        // The other views belong to other screens.
        Some(_) => {}
    }
}

/// A percentage for display ("98,4 %"), or a dash.
pub fn percent(app: &App, rate: Option<f64>) -> String {
    crate::i18n::format::rate(rate, app.lang())
}

use crate::ui::table::above_list;
pub use crate::ui::text::hours;

/// Minutes a trainee followed of a module: each half-day is shared among its seminar's modules.
fn module_minutes(cohort: &Cohort, module: &Module, trainee: &PersonId) -> u32 {
    cohort
        .seminars
        .iter()
        .filter(|s| s.modules.contains(&module.id))
        .map(|s| {
            let shared = u32::try_from(s.modules.len().max(1)).unwrap_or(1);
            s.half_days
                .iter()
                .filter_map(|h| h.mark_of(trainee).map(|m| h.followed_minutes(m)))
                .sum::<u32>()
                / shared
        })
        .sum()
}

fn programme(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let cohort = app.cohort();
    // The trainee's own progress when the user is a trainee of this cohort.
    let me = app
        .config
        .me
        .as_ref()
        .filter(|id| cohort.is_some_and(|c| c.is_enrolled(id)));
    let summary = cohort.map(|c| {
        if let Some(me) = me {
            let mine = trainee_attendance(&c.seminars, me, app.today);
            fill(
                app.tr(Msg::MyProgress),
                &[
                    ("followed", &hours(app, mine.minutes_followed)),
                    ("planned", &hours(app, mine.minutes_planned)),
                    ("held", &percent(app, mine.rate_held())),
                    ("overall", &percent(app, mine.rate_overall())),
                ],
            )
        } else {
            let all = cohort_attendance(c, app.today);
            fill(
                app.tr(Msg::CohortProgress),
                &[
                    ("held", &all.half_days_held.to_string()),
                    ("planned", &all.half_days_planned.to_string()),
                    ("rate", &percent(app, all.rate())),
                ],
            )
        }
    });
    let (top, list) = above_list(area, app);
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            format!(" {}", summary.unwrap_or_default()),
            theme.title,
        ))),
        top,
    );
    let programme = &app.data.programme;
    let title = table::title(app, Screen::Modules, app.tr(Msg::ScreenModules));
    let mut widths = vec![
        Constraint::Length(5),
        Constraint::Fill(1),
        Constraint::Length(6),
        Constraint::Length(7),
        Constraint::Length(12),
    ];
    let mut headers = vec![
        Msg::ColCode,
        Msg::ColModule,
        Msg::ColBlock,
        Msg::ColHours,
        Msg::ColHalfDays,
    ];
    if me.is_some() {
        widths.push(Constraint::Length(10));
        headers.push(Msg::ColMyHours);
    }
    let spec = table::Spec {
        screen: Screen::Modules,
        title: Line::from(title),
        headers: &headers,
        widths: &widths,
    };
    table::draw(frame, app, list, theme, spec, |i| {
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
        let block = programme
            .block(&module.block)
            .map_or("", |b| b.code.as_str());
        let mut cells = vec![
            Cell::from(safe(&module.code).into_owned()),
            Cell::from(safe(&module.title).into_owned()),
            Cell::from(safe(block).into_owned()),
            Cell::from(format!(
                "{:>5}",
                crate::i18n::format::trimmed(module.planned_hours, 2, app.lang())
            )),
            Cell::from(format!("{held:>3} / {planned:<3}")),
        ];
        if let (Some(me), Some(cohort)) = (me, cohort) {
            cells.push(Cell::from(format!(
                "{:>6}",
                hours(app, module_minutes(cohort, module, me))
            )));
        }
        Row::new(cells)
    });
}
