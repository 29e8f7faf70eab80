//! The seminars of the cohort by date, and one seminar: its venue card and its half-days.

use super::super::table::{self, Columns};
use super::super::text::{person_name, place, safe};
use super::super::theme::Theme;
use crate::app::App;
use crate::app::modules::{open_seminar, seminars_by_date};
use crate::domain::rollcall::{SheetWarning, warnings};
use crate::domain::{HalfDay, HalfDayId, Period, Seminar};
use crate::i18n::{Msg, fill};
use crate::ui::table::above_list;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row};

/// The module codes of a seminar, joined.
pub fn module_codes(app: &App, seminar: &Seminar) -> String {
    app.data.programme.codes(&seminar.modules).join(" + ")
}

/// "morning" or "afternoon" in the user's language.
pub fn period(app: &App, period: Period) -> &'static str {
    app.tr(match period {
        Period::Morning => Msg::PeriodMorning,
        Period::Afternoon => Msg::PeriodAfternoon,
    })
}

/// The words of a sheet's warnings, joined.
pub fn warning_text(app: &App, found: &[SheetWarning]) -> String {
    found
        .iter()
        .map(|w| match w {
            SheetWarning::Holiday(name) => fill(app.tr(Msg::WarnHoliday), &[("name", name)]),
            SheetWarning::TrainerElsewhere => app.tr(Msg::WarnTrainerElsewhere).to_owned(),
            SheetWarning::TooManyPresent { present, members } => fill(
                app.tr(Msg::WarnTooManyPresent),
                &[
                    ("present", &present.to_string()),
                    ("members", &members.to_string()),
                ],
            ),
            SheetWarning::MarkedInFuture => app.tr(Msg::WarnMarkedInFuture).to_owned(),
            SheetWarning::SignedLate => app.tr(Msg::WarnSignedLate).to_owned(),
            SheetWarning::Unsigned => app.tr(Msg::WarnUnsigned).to_owned(),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The sheet's warnings, an altered record first.
pub fn sheet_warnings(app: &App, half_day: &HalfDayId, found: &[SheetWarning]) -> String {
    let altered = crate::app::modules::is_altered(app, half_day).then(|| app.tr(Msg::WarnAltered));
    let rest = warning_text(app, found);
    altered
        .into_iter()
        .map(str::to_owned)
        .chain((!rest.is_empty()).then_some(rest))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The seminars list.
pub fn list(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let Some(cohort) = app.cohort() else {
        return;
    };
    let seminars = seminars_by_date(cohort);
    let bookings = app.derived.double_bookings(&app.data);
    let listing = &app.modules.seminars;
    let columns = Columns {
        title: Line::from(table::counted(app.tr(Msg::ViewSeminars), listing)),
        headers: &[
            Msg::ColDate,
            Msg::ColModule,
            Msg::ColVenue,
            Msg::ColTrainer,
            Msg::ColSigned,
        ],
        widths: &[
            Constraint::Length(11),
            Constraint::Length(10),
            Constraint::Fill(2),
            Constraint::Fill(1),
            Constraint::Length(8),
        ],
    };
    table::draw_list(
        frame,
        app,
        area,
        theme,
        &columns,
        (listing.rows.len(), listing.cursor),
        |n| {
            // The rows were counted from the same seminars; a record gone since shows empty.
            let Some(seminar) = listing.rows.get(n).and_then(|&i| seminars.get(i).copied()) else {
                return Row::default();
            };
            let first = seminar.half_days.iter().map(|h| h.date).min();
            let signed = seminar
                .half_days
                .iter()
                .filter(|h| h.signature.is_some())
                .count();
            let warned = seminar
                .half_days
                .iter()
                .any(|h| !warnings(cohort, seminar, h, &bookings, app.today).is_empty());
            let venue = app.data.venue(&seminar.venue).map_or_else(
                || seminar.venue.to_string(),
                |v| format!("{} ({})", safe(&v.name), safe(&v.city)),
            );
            let sheet = format!(
                "{signed}/{}{}",
                seminar.half_days.len(),
                if warned { " ⚠" } else { "" }
            );
            Row::new(vec![
                Cell::from(
                    first
                        .map(|d| d.format("%d/%m/%Y").to_string())
                        .unwrap_or_default(),
                ),
                Cell::from(module_codes(app, seminar)),
                Cell::from(venue),
                Cell::from(person_name(app, &seminar.trainer).into_owned()),
                Cell::from(Span::styled(
                    sheet,
                    if warned { theme.warn } else { theme.text },
                )),
            ])
        },
    );
}

/// One seminar: the venue card, then its half-days with their sheets' state and warnings.
pub fn seminar(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let (Some(cohort), Some(seminar)) = (app.cohort(), open_seminar(app)) else {
        return;
    };
    let (card, list) = above_list(area, app);
    venue_card(frame, app, seminar, card, theme);
    let bookings = app.derived.double_bookings(&app.data);
    let columns = Columns {
        title: Line::from(format!(
            " {} · {} ",
            module_codes(app, seminar),
            person_name(app, &seminar.trainer)
        )),
        headers: &[
            Msg::ColDate,
            Msg::ColPeriod,
            Msg::ColTimes,
            Msg::ColSigned,
            Msg::ColConcern,
        ],
        widths: &[
            Constraint::Length(11),
            Constraint::Length(12),
            Constraint::Length(12),
            Constraint::Length(12),
            Constraint::Fill(1),
        ],
    };
    let half_days: &[HalfDay] = &seminar.half_days;
    let total = cohort.active_trainees().count();
    table::draw_list(
        frame,
        app,
        list,
        theme,
        &columns,
        (half_days.len(), app.modules.half_days),
        |n| {
            let h = &half_days[n];
            let found = warnings(cohort, seminar, h, &bookings, app.today);
            let state = if h.signature.is_some() {
                "✔".to_owned()
            } else {
                format!("{}/{total}", h.marks.len())
            };
            Row::new(vec![
                Cell::from(h.date.format("%d/%m/%Y").to_string()),
                Cell::from(period(app, h.period)),
                Cell::from(format!(
                    "{}–{}",
                    h.start.format("%H:%M"),
                    h.end.format("%H:%M")
                )),
                Cell::from(state),
                Cell::from(Span::styled(sheet_warnings(app, &h.id, &found), theme.warn)),
            ])
        },
    );
}

fn venue_card(frame: &mut Frame, app: &App, seminar: &Seminar, area: Rect, theme: &Theme) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border);
    let Some(venue) = app.data.venue(&seminar.venue) else {
        frame.render_widget(Paragraph::new(seminar.venue.to_string()).block(block), area);
        return;
    };
    let host = venue.host.as_ref().and_then(|id| app.data.person(id));
    let contact = host.map_or_else(String::new, |p| {
        let mut parts = vec![safe(&p.name).into_owned()];
        parts.extend(p.phones.first().map(|x| safe(x).into_owned()));
        parts.extend(p.emails.first().map(|x| safe(x).into_owned()));
        parts.join(" · ")
    });
    let lines = vec![
        Line::from(vec![
            Span::styled(safe(&venue.name).into_owned(), theme.title),
            Span::styled(format!(" · {}", app.tr(place(venue.kind))), theme.dim),
        ]),
        Line::from(format!(
            "{} ({}) · {}",
            safe(&venue.city),
            safe(&venue.departement),
            safe(&venue.address)
        )),
        Line::from(format!("{} {contact}", app.label(Msg::VenueHost))),
        Line::from(format!(
            "{} {}",
            app.label(Msg::VenueCapacity),
            venue.capacity
        )),
    ];
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
