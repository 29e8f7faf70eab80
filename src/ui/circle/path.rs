//! A trainee's path: hours followed, certification candidacy and funding above, the competency
//! grid with its evidence below.

use super::knowledge::note_text;
use crate::app::App;
use crate::app::circle::{assessment, competencies, level_msg};
use crate::domain::Cohort;
use crate::domain::path::{CandidacyStatus, EvidenceSource, FundingSource, FundingStatus, Level};
use crate::domain::rules::trainee_attendance;
use crate::i18n::{Msg, fill};
use crate::ui::table::above_list;
use crate::ui::table::{self, Columns};
use crate::ui::text::hours;
use crate::ui::text::{person_name, safe};
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row};
use std::fmt::Write as _;

/// The word for a candidacy's status.
pub fn candidacy_msg(status: CandidacyStatus) -> Msg {
    match status {
        CandidacyStatus::NotApplying => Msg::CandidacyNotApplying,
        CandidacyStatus::Applying => Msg::CandidacyApplying,
        CandidacyStatus::Submitted => Msg::CandidacySubmitted,
        CandidacyStatus::Certified => Msg::CandidacyCertified,
        CandidacyStatus::NotCertified => Msg::CandidacyNotCertified,
    }
}

fn source_msg(source: FundingSource) -> Msg {
    match source {
        FundingSource::Opco => Msg::SourceOpco,
        FundingSource::FranceTravail => Msg::SourceFranceTravail,
        FundingSource::Employer => Msg::SourceEmployer,
        FundingSource::SelfFunded => Msg::SourceSelf,
        FundingSource::Other => Msg::SourceOther,
    }
}

fn funding_msg(status: FundingStatus) -> Msg {
    match status {
        FundingStatus::Requested => Msg::FundingRequested,
        FundingStatus::Granted => Msg::FundingGranted,
        FundingStatus::Refused => Msg::FundingRefused,
        FundingStatus::Paid => Msg::FundingPaid,
    }
}

/// An amount in euros with a thin space between thousands: 3 500 EUR.
fn euros(amount: u32) -> String {
    format!("{} EUR", crate::domain::text::grouped(amount as usize))
}

/// Draws the path of the trainee opened.
pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let (Some(cohort), Some(trainee)) = (app.cohort(), app.circle.trainee.as_ref()) else {
        return;
    };
    let (top, list) = above_list(area, app);
    let attendance = trainee_attendance(&cohort.seminars, trainee, app.today);
    let head = vec![
        Line::from(vec![
            Span::styled(format!(" {} · ", person_name(app, trainee)), theme.title),
            Span::styled(
                fill(
                    app.tr(Msg::HoursFollowed),
                    &[
                        ("followed", &hours(app, attendance.minutes_followed)),
                        ("planned", &hours(app, attendance.minutes_planned)),
                    ],
                ),
                theme.text,
            ),
        ]),
        Line::from(vec![
            Span::styled(format!(" {} ", app.label(Msg::Certification)), theme.key),
            Span::styled(candidacy(app, cohort, trainee), theme.text),
        ]),
        Line::from(vec![
            Span::styled(format!(" {} ", app.label(Msg::Funding)), theme.key),
            Span::styled(funding(app, cohort, trainee), theme.text),
        ]),
        Line::from(vec![
            Span::styled(format!(" {} ", app.label(Msg::ColEvidence)), theme.key),
            Span::styled(selected_evidence(app, cohort, trainee), theme.text),
        ]),
    ];
    frame.render_widget(Paragraph::new(head), top);
    let grid = competencies(app);
    let columns = Columns {
        title: Line::from(Span::styled(
            format!(" {} ", app.tr(Msg::ViewPath)),
            theme.title,
        )),
        headers: &[
            Msg::ColBlock,
            Msg::ColCompetency,
            Msg::ColLevel,
            Msg::ColEvidence,
        ],
        widths: &[
            Constraint::Length(5),
            Constraint::Fill(3),
            Constraint::Length(12),
            Constraint::Fill(2),
        ],
    };
    table::draw_list(
        frame,
        app,
        list,
        theme,
        &columns,
        (grid.len(), app.circle.path),
        |n| {
            let (block, competency) = grid[n];
            let found = assessment(app, trainee, &competency.id);
            let level = found.map_or(Level::NotStarted, |a| a.level);
            let style = match level {
                Level::NotStarted => theme.dim,
                Level::InProgress => theme.warn,
                Level::Acquired => theme.good,
            };
            let evidence = found
                .map(|a| evidence_text(app, cohort, a))
                .unwrap_or_default();
            Row::new(vec![
                Cell::from(safe(&block.code).into_owned()),
                Cell::from(safe(&competency.title).into_owned()),
                Cell::from(Span::styled(app.tr(level_msg(level)), style)),
                Cell::from(evidence),
            ])
        },
    );
}

/// The evidence notes of an assessment, each with what it rests on.
fn evidence_text(
    app: &App,
    cohort: &Cohort,
    assessment: &crate::domain::path::Assessment,
) -> String {
    assessment
        .evidence
        .iter()
        .map(|e| {
            let source = e
                .source
                .as_ref()
                .map(|s| source_label(app, cohort, s))
                .unwrap_or_default();
            format!("{}{source}", note_text(app, &e.note))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The evidence on the competency under the cursor, in full.
fn selected_evidence(app: &App, cohort: &Cohort, trainee: &crate::domain::PersonId) -> String {
    competencies(app)
        .get(app.circle.path.selected)
        .and_then(|(_, c)| assessment(app, trainee, &c.id))
        .map(|a| evidence_text(app, cohort, a))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "–".to_owned())
}

/// What a piece of evidence rests on, in a few words: " (seminar 15/10/2026)".
fn source_label(app: &App, cohort: &Cohort, source: &EvidenceSource) -> String {
    let text = match source {
        EvidenceSource::Seminar(id) => cohort
            .seminars
            .iter()
            .find(|s| &s.id == id)
            .and_then(|s| s.half_days.first())
            .map(|h| {
                format!(
                    "{} {}",
                    app.tr(Msg::SourceSeminar),
                    h.date.format("%d/%m/%Y")
                )
            }),
        EvidenceSource::Exchange(id) => cohort.exchanges.iter().find(|e| &e.id == id).map(|e| {
            format!(
                "{} {}",
                app.tr(Msg::SourceExchange),
                e.date.format("%d/%m/%Y")
            )
        }),
        EvidenceSource::TutorRequest(id) => cohort
            .tutor_requests
            .iter()
            .find(|r| &r.id == id)
            .map(|r| format!("{} {}", app.tr(Msg::SourceTutorRequest), safe(&r.subject))),
    };
    text.map(|t| format!(" ({t})")).unwrap_or_default()
}

fn candidacy(app: &App, cohort: &Cohort, trainee: &crate::domain::PersonId) -> String {
    let Some(candidacy) = cohort.candidacies.iter().find(|c| &c.trainee == trainee) else {
        return app.tr(Msg::CandidacyNotApplying).to_owned();
    };
    let mut text = app.tr(candidacy_msg(candidacy.status)).to_owned();
    if let Some(since) = candidacy.since {
        let since = since.format("%d/%m/%Y").to_string();
        let _ = write!(text, " ({})", fill(app.tr(Msg::Since), &[("date", &since)]));
    }
    let earlier: Vec<String> = candidacy
        .history
        .iter()
        .rev()
        .skip(1)
        .map(|s| {
            format!(
                "{} {}",
                app.tr(candidacy_msg(s.status)),
                s.date.format("%d/%m/%Y")
            )
        })
        .collect();
    if !earlier.is_empty() {
        let _ = write!(text, " · {}", earlier.join(" · "));
    }
    text
}

fn funding(app: &App, cohort: &Cohort, trainee: &crate::domain::PersonId) -> String {
    let lines: Vec<String> = cohort
        .funding
        .iter()
        .filter(|f| &f.trainee == trainee)
        .map(|f| {
            format!(
                "{} {} {}",
                app.tr(source_msg(f.source)),
                euros(f.amount_eur),
                app.tr(funding_msg(f.status))
            )
        })
        .collect();
    if lines.is_empty() {
        app.tr(Msg::NoFunding).to_owned()
    } else {
        lines.join(" + ")
    }
}
