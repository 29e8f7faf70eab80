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
    frame.render_widget(Paragraph::new(head(app, cohort, trainee, theme)), top);
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
            Constraint::Length(if app.trainee_copy() { 18 } else { 12 }),
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
            let mut evidence = found
                .map(|a| evidence_text(app, cohort, a))
                .unwrap_or_default();
            let proposed = proposals_text(app, cohort, trainee, &competency.id);
            if !proposed.is_empty() {
                evidence = [evidence, proposed]
                    .into_iter()
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ");
            }
            // Her copy holds no assessment: the level is the trainers' to tell.
            let level = if found.is_none() && app.trainee_copy() {
                Span::styled(app.tr(Msg::KeptByTeamShort), theme.dim)
            } else {
                Span::styled(app.tr(level_msg(level)), style)
            };
            Row::new(vec![
                Cell::from(safe(&block.code).into_owned()),
                Cell::from(safe(&competency.title).into_owned()),
                Cell::from(level),
                Cell::from(evidence),
            ])
        },
    );
}

/// The lines above the grid: hours followed, candidacy, funding, the evidence and proposals on
/// the competency under the cursor.
fn head(
    app: &App,
    cohort: &Cohort,
    trainee: &crate::domain::PersonId,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let attendance = trainee_attendance(&cohort.seminars, trainee, app.today);
    let labelled = |label: Msg, value: String| {
        Line::from(vec![
            Span::styled(format!(" {} ", app.label(label)), theme.key),
            Span::styled(value, theme.text),
        ])
    };
    vec![
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
        labelled(Msg::Certification, candidacy(app, cohort, trainee)),
        labelled(Msg::Funding, funding(app, cohort, trainee)),
        labelled(Msg::ColEvidence, selected_evidence(app, cohort, trainee)),
        labelled(Msg::Proposals, selected_proposals(app, cohort, trainee)),
    ]
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
        .map(|e| evidence_line(app, cohort, e))
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

/// The proposals of the trainee on one competency, each with where it stands.
fn proposals_text(
    app: &App,
    cohort: &Cohort,
    trainee: &crate::domain::PersonId,
    competency: &crate::domain::CompetencyId,
) -> String {
    use crate::domain::path::Proposed;
    cohort
        .proposals
        .iter()
        .filter(|p| &p.trainee == trainee && &p.competency == competency)
        .map(|p| {
            let what = match &p.proposed {
                Proposed::Evidence(e) => evidence_line(app, cohort, e),
                Proposed::Level(level) => app.tr(level_msg(*level)).to_owned(),
            };
            match &p.answer {
                None => fill(app.tr(Msg::ProposalWaiting), &[("what", &what)]),
                Some(a) if a.accepted => fill(app.tr(Msg::ProposalWasAccepted), &[("what", &what)]),
                Some(a) => fill(
                    app.tr(Msg::ProposalWasDeclined),
                    &[("what", &what), ("reason", &safe(&a.reason))],
                ),
            }
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The proposals on the competency under the cursor; for the trainers, how many wait in all.
fn selected_proposals(app: &App, cohort: &Cohort, trainee: &crate::domain::PersonId) -> String {
    let here = competencies(app)
        .get(app.circle.path.selected)
        .map(|(_, c)| proposals_text(app, cohort, trainee, &c.id))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "–".to_owned());
    let waiting = cohort
        .proposals
        .iter()
        .filter(|p| &p.trainee == trainee && p.waiting())
        .count();
    if app.trainee_copy() || waiting == 0 {
        here
    } else {
        let all = fill(
            app.tr(Msg::ProposalsWaiting),
            &[("n", &waiting.to_string())],
        );
        format!("{here} · {all}")
    }
}

/// What a piece of evidence rests on, in a few words: " (seminar 15/10/2026)".
/// One piece of evidence: its note, and where it comes from.
fn evidence_line(app: &App, cohort: &Cohort, evidence: &crate::domain::path::Evidence) -> String {
    let source = evidence
        .source
        .as_ref()
        .map(|s| source_label(app, cohort, s))
        .unwrap_or_default();
    format!("{}{source}", note_text(app, &evidence.note))
}

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
        EvidenceSource::Codev(id) => cohort
            .codev_sessions
            .iter()
            .find(|s| &s.id == id)
            .map(|s| format!("{} {}", app.tr(Msg::SourceCodev), s.date.format("%d/%m/%Y"))),
    };
    text.map(|t| format!(" ({t})")).unwrap_or_default()
}

fn candidacy(app: &App, cohort: &Cohort, trainee: &crate::domain::PersonId) -> String {
    let Some(candidacy) = cohort.candidacies.iter().find(|c| &c.trainee == trainee) else {
        // Her copy never holds candidacies: saying "not applying" would be a guess.
        return app
            .tr(if app.trainee_copy() {
                Msg::KeptByTeam
            } else {
                Msg::CandidacyNotApplying
            })
            .to_owned();
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
    if lines.is_empty() && app.trainee_copy() {
        app.tr(Msg::KeptByTeam).to_owned()
    } else if lines.is_empty() {
        app.tr(Msg::NoFunding).to_owned()
    } else {
        lines.join(" + ")
    }
}
