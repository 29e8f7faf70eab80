//! What a trainee proposes on her own path (a piece of evidence, a self-assessment), and the
//! trainers' answer: accepted, it lands on the path; declined, it stays with its reason.

use super::{CircleForm, current_mut};
use crate::app::form::{Field, FieldKind};
use crate::app::list::Cursor;
use crate::app::{App, Choice, ChoicePurpose, Effect, Form, Overlay, Purpose};
use crate::domain::path::{Answer, Assessment, Level, Proposal, Proposed};
use crate::domain::{CompetencyId, PersonId};
use crate::i18n::Msg;

/// The levels a trainee may say she reached, in the order the choice lists them.
pub const LEVELS: [Level; 3] = [Level::NotStarted, Level::InProgress, Level::Acquired];

/// Records a proposal of the trainee's, as one undoable step.
pub fn propose(
    app: &mut App,
    trainee: PersonId,
    competency: CompetencyId,
    proposed: Proposed,
) -> Vec<Effect> {
    let id = app.fresh_id("pr");
    let made_on = app.today;
    let label = app.tr(Msg::ProposedLabel).to_owned();
    app.notify(app.tr(Msg::ProposedNotice));
    app.change(label, |data| {
        if let Some(cohort) = current_mut(data) {
            cohort.proposals.push(Proposal {
                id,
                trainee,
                competency,
                proposed,
                made_on,
                answer: None,
            });
        }
    })
}

/// Space on her own path: where does she think she stands? `options` name [`LEVELS`].
pub fn level_choice(app: &mut App, competency: CompetencyId, options: Vec<String>) {
    app.overlay = Some(Overlay::Choice(Choice {
        title: Msg::SelfAssessmentTitle,
        options,
        cursor: Cursor::default(),
        purpose: ChoicePurpose::SelfAssessment(competency),
    }));
}

/// The proposals of a trainee on a competency, oldest first.
pub fn of<'a>(
    app: &'a App,
    trainee: &PersonId,
    competency: &CompetencyId,
) -> impl Iterator<Item = &'a Proposal> {
    app.cohort()
        .into_iter()
        .flat_map(|c| &c.proposals)
        .filter(move |p| &p.trainee == trainee && &p.competency == competency)
}

/// The first proposal waiting for an answer on the competency under the cursor.
fn waiting(app: &App) -> Option<Proposal> {
    let trainee = app.circle.trainee.as_ref()?;
    let competency = app
        .data
        .programme
        .blocks
        .iter()
        .flat_map(|b| &b.competencies)
        .nth(app.circle.path.selected)?;
    of(app, trainee, &competency.id)
        .find(|p| p.waiting())
        .cloned()
}

/// `y` on a trainee's path: accepts the proposal waiting on the competency.
pub fn accept(app: &mut App) -> Vec<Effect> {
    let Some(proposal) = waiting(app) else {
        app.notify(app.tr(Msg::NoProposalWaiting));
        return Vec::new();
    };
    answer(app, &proposal, true, String::new())
}

/// `x` on a trainee's path: asks why the proposal waiting on the competency is declined.
pub fn decline(app: &mut App) {
    let Some(proposal) = waiting(app) else {
        app.notify(app.tr(Msg::NoProposalWaiting));
        return;
    };
    let fields = vec![Field::new(Msg::FieldReason, FieldKind::Required, "")];
    let form = Form::new(
        Purpose::Circle(CircleForm::DeclineProposal(proposal.id)),
        fields,
    );
    app.overlay = Some(Overlay::Form(Box::new(form)));
}

/// The decline form, submitted.
pub fn declined(app: &mut App, id: &str, reason: String) -> Vec<Effect> {
    let Some(proposal) = app
        .cohort()
        .and_then(|c| c.proposals.iter().find(|p| p.id == id))
        .cloned()
    else {
        return Vec::new();
    };
    answer(app, &proposal, false, reason)
}

/// Writes the answer; an accepted proposal lands on the path.
fn answer(app: &mut App, proposal: &Proposal, accepted: bool, reason: String) -> Vec<Effect> {
    let by = app.config.me.clone().unwrap_or_default();
    let on = app.today;
    let label = app
        .tr(if accepted {
            Msg::ProposalAccepted
        } else {
            Msg::ProposalDeclined
        })
        .to_owned();
    app.notify(label.clone());
    let id = proposal.id.clone();
    app.change(label, |data| {
        let Some(cohort) = current_mut(data) else {
            return;
        };
        let Some(proposal) = cohort.proposals.iter_mut().find(|p| p.id == id) else {
            return;
        };
        proposal.answer = Some(Answer {
            accepted,
            reason,
            by,
            on,
        });
        if !accepted {
            return;
        }
        let (trainee, competency, proposed) = (
            proposal.trainee.clone(),
            proposal.competency.clone(),
            proposal.proposed.clone(),
        );
        let at = cohort
            .assessments
            .iter()
            .position(|a| a.trainee == trainee && a.competency == competency)
            .unwrap_or_else(|| {
                cohort.assessments.push(Assessment {
                    trainee,
                    competency,
                    level: Level::NotStarted,
                    evidence: Vec::new(),
                });
                cohort.assessments.len() - 1
            });
        match proposed {
            Proposed::Evidence(evidence) => cohort.assessments[at].evidence.push(evidence),
            Proposed::Level(level) => cohort.assessments[at].level = level,
        }
    })
}
