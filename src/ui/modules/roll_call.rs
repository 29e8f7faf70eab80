//! The roll call of a half-day: one line per trainee, a counter, and the signature.

use super::super::table::{self, Columns};
use super::super::text::{person_name, safe};
use super::super::theme::Theme;
use super::seminars::{module_codes, period, sheet_warnings};
use crate::app::App;
use crate::app::modules::{open_half_day, roll, status_msg};
use crate::domain::Status;
use crate::domain::rollcall::warnings;
use crate::i18n::{Msg, fill};
use crate::ui::table::above_list;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row};

/// Draws the roll call.
pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let (Some(cohort), Some((seminar, half_day))) = (app.cohort(), open_half_day(app)) else {
        return;
    };
    let trainees = roll(app);
    let marked = trainees
        .iter()
        .filter(|t| half_day.mark_of(t).is_some())
        .count();
    let venue = app
        .data
        .venue(&seminar.venue)
        .map_or_else(String::new, |v| safe(&v.name).into_owned());
    let withdrawn = half_day.seal_withdrawn();
    let signature = match (&half_day.signature, withdrawn) {
        (_, Some(w)) => fill(
            app.tr(Msg::SealWithdrawnHead),
            &[
                ("name", &person_name(app, &w.by)),
                ("time", &crate::i18n::format::on_day_at(w.at, app.lang())),
            ],
        ),
        (Some(s), None) => fill(
            app.tr(Msg::SignedBy),
            &[
                ("name", &sealer_name(app, seminar, half_day, &s.by)),
                ("time", &crate::i18n::format::on_day_at(s.at, app.lang())),
            ],
        ),
        (None, None) => app.tr(Msg::NotSigned).to_owned(),
    };
    let found = warnings(
        cohort,
        seminar,
        half_day,
        &app.derived.double_bookings(&app.data),
        app.today,
    );
    let (top, list) = above_list(area, app);
    let count = |keep: fn(&crate::domain::Mark) -> bool| {
        let marks = trainees.iter().filter_map(|t| half_day.mark_of(t));
        marks.filter(|m| keep(m)).count().to_string()
    };
    let counter = match mine(app) {
        // Her copy holds her own line only: counting the sheet from it would be wrong.
        Some(me) => {
            let status = half_day
                .mark_of(&me)
                .map_or("·", |m| app.tr(status_msg(m.status)));
            fill(app.tr(Msg::RollCallYourLine), &[("status", status)])
        }
        None => fill(
            app.tr(Msg::MarkedCount),
            &[
                ("n", &marked.to_string()),
                ("signed", &count(|m| m.signed.is_some())),
                ("absent", &count(|m| !m.status.attended())),
            ],
        ),
    };
    let head = vec![
        Line::from(vec![
            Span::styled(
                format!(" {counter} "),
                if marked == trainees.len() || mine(app).is_some() {
                    theme.good
                } else {
                    theme.warn
                },
            ),
            Span::styled(
                format!("· {signature}"),
                match (&half_day.signature, withdrawn) {
                    (_, Some(_)) => theme.warn,
                    (Some(_), None) => theme.good,
                    (None, None) => theme.dim,
                },
            ),
        ]),
        Line::from(Span::styled(
            format!(" {}", sheet_warnings(app, &half_day.id, &found)),
            theme.warn,
        )),
    ];
    frame.render_widget(Paragraph::new(head), top);
    let title = format!(
        " {} · {} {} {}–{} · {} · {venue} ",
        app.tr(Msg::ViewRollCall),
        half_day.date.format("%d/%m/%Y"),
        period(app, half_day.period),
        half_day.start.format("%H:%M"),
        half_day.end.format("%H:%M"),
        module_codes(app, seminar),
    );
    mark_list(frame, app, list, theme, title, &trainees, half_day);
}

fn mark_list(
    frame: &mut Frame,
    app: &App,
    list: Rect,
    theme: &Theme,
    title: String,
    trainees: &[crate::domain::PersonId],
    half_day: &crate::domain::HalfDay,
) {
    let me = mine(app);
    // Her own line carries its mark after the name: the column makes room for both.
    let shown_name = |t: &crate::domain::PersonId| {
        if me.as_ref() == Some(t) {
            format!("{} · {}", person_name(app, t), app.tr(Msg::YourLine))
        } else {
            person_name(app, t).into_owned()
        }
    };
    let longest = trainees
        .iter()
        .map(|t| Span::raw(shown_name(t)).width())
        .max()
        .unwrap_or(0);
    let name_width = u16::try_from(longest + 2).unwrap_or(u16::MAX).clamp(12, 40);
    // The status column holds the longest status, and "kept by the team" on a trainee's copy.
    let status_width = if me.is_some() {
        u16::try_from(Span::raw(app.tr(Msg::KeptByTeamShort)).width() + 1)
            .unwrap_or(16)
            .max(16)
    } else {
        16
    };
    let listing = &app.modules.roll;
    // A filter says how many of the trainees it leaves, first, so that a narrow terminal
    // cuts the venue rather than the count.
    let title = if listing.rows.len() == listing.total {
        title
    } else {
        format!(" ({}/{}){title}", listing.rows.len(), listing.total)
    };
    let columns = Columns {
        title: Line::from(title),
        headers: &[
            Msg::ColTrainee,
            Msg::ColStatus,
            Msg::ColTime,
            Msg::ColReason,
            Msg::ColRemark,
        ],
        widths: &[
            // As wide as the longest name, no more: the status stays next to the name on a
            // wide terminal.
            Constraint::Length(name_width),
            Constraint::Length(status_width),
            Constraint::Length(6),
            Constraint::Fill(1),
            Constraint::Fill(1),
        ],
    };
    table::draw_list(
        frame,
        app,
        list,
        theme,
        &columns,
        (listing.rows.len(), listing.cursor),
        |n| {
            let trainee = &trainees[listing.rows[n]];
            let mark = half_day.mark_of(trainee);
            let others = me.is_some() && me.as_ref() != Some(trainee);
            let blank = if others {
                app.tr(Msg::KeptByTeamShort)
            } else {
                "·"
            };
            let (status, style) = mark.map_or((blank.to_owned(), theme.dim), |m| {
                let style = match m.status {
                    Status::Present => theme.good,
                    Status::Late | Status::LeftEarly | Status::Excused => theme.warn,
                    Status::Absent => theme.error,
                };
                (app.tr(status_msg(m.status)).to_owned(), style)
            });
            let name = if me.as_ref() == Some(trainee) {
                Span::styled(shown_name(trainee), theme.title)
            } else {
                Span::raw(shown_name(trainee))
            };
            Row::new(vec![
                Cell::from(name),
                Cell::from(Span::styled(status, style)),
                Cell::from(
                    mark.and_then(|m| m.time)
                        .map(|t| t.format("%H:%M").to_string())
                        .unwrap_or_default(),
                ),
                Cell::from(
                    mark.and_then(|m| m.reason.as_deref())
                        .map(|r| safe(r).into_owned())
                        .unwrap_or_default(),
                ),
                Cell::from(mark.map(|m| signed_and_remark(app, m)).unwrap_or_default()),
            ])
        },
    );
}

/// On a trainee's copy, who she is: her line is the only one her copy holds.
fn mine(app: &App) -> Option<crate::domain::PersonId> {
    app.config.me.clone().filter(|_| app.trainee_copy())
}

/// The last column: her signature (or "signature manquante"), then the remark.
fn signed_and_remark(app: &App, mark: &crate::domain::Mark) -> String {
    let signed = match (&mark.signed, &mark.missing_signature) {
        (Some(s), _) => {
            let time = crate::domain::clock::local(s.at)
                .format("%H:%M")
                .to_string();
            Some(fill(app.tr(Msg::LineSignedAt), &[("time", &time)]))
        }
        (None, Some(_)) => Some(app.tr(Msg::MissingSignature).to_owned()),
        (None, None) => None,
    };
    let remark = mark.remark.as_deref().map(|r| safe(r).into_owned());
    signed
        .into_iter()
        .chain(remark)
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Who sealed the sheet, with her part when she is not the seminar's planned trainer.
fn sealer_name(
    app: &App,
    seminar: &crate::domain::Seminar,
    half_day: &crate::domain::HalfDay,
    by: &crate::domain::PersonId,
) -> String {
    let role = half_day
        .seals
        .iter()
        .find(|s| &s.by == by)
        .and_then(|s| s.role);
    crate::i18n::format::sealer(
        &person_name(app, by),
        role,
        &person_name(app, &seminar.trainer),
        app.lang(),
    )
}
