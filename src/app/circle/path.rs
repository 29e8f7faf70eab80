//! Each trainee's path: the competency grid with its evidence, the certification candidacy and
//! the funding.

use super::choices::{
    CANDIDACY, CANDIDACY_STATUSES, FUNDING_MSGS, FUNDING_STATUSES, SOURCE_MSGS, SOURCES,
};
use super::{me_as_trainee, move_view_cursor, selected_trainee};
use crate::app::Form;
use crate::app::Purpose;
use crate::app::circle::CircleForm;
use crate::app::form::{Field, FieldKind};
use crate::app::keymap::View;
use crate::app::list::Cursor;
use crate::app::{Action, App, Choice, ChoicePurpose, Effect, Overlay};
use crate::domain::path::{Assessment, EvidenceSource, Level};
use crate::domain::{Competency, CompetencyBlock, CompetencyId, PersonId};
use crate::i18n::{Msg, fill};

/// Every competency of the programme with its block, in the order of the grid.
pub fn competencies(app: &App) -> Vec<(&CompetencyBlock, &Competency)> {
    app.data
        .programme
        .blocks
        .iter()
        .flat_map(|b| b.competencies.iter().map(move |c| (b, c)))
        .collect()
}

/// Opens the selected trainee's path; on a trainee's copy, her own (the others' are kept by
/// the training team).
pub fn open(app: &mut App) {
    if app.trainee_copy() {
        if selected_trainee(app) != me_as_trainee(app) {
            app.notify(app.tr(Msg::OwnPathOnly));
        }
        super::my_path(app);
        return;
    }
    let Some(trainee) = selected_trainee(app) else {
        return;
    };
    app.circle.trainee = Some(trainee);
    app.circle.path = Cursor::default();
    app.circle.view = Some(View::Path);
}

/// The assessment of a trainee on a competency, if any.
pub fn assessment<'a>(
    app: &'a App,
    trainee: &PersonId,
    competency: &CompetencyId,
) -> Option<&'a Assessment> {
    app.cohort()?
        .assessments
        .iter()
        .find(|a| &a.trainee == trainee && &a.competency == competency)
}

/// The path view's actions.
pub fn update(app: &mut App, action: Action) -> Option<Vec<Effect>> {
    if move_view_cursor(app, action) {
        return Some(Vec::new());
    }
    let trainee = app.circle.trainee.clone()?;
    let competency = competencies(app)
        .get(app.circle.path.selected)
        .map(|(_, c)| c.id.clone());
    // A trainee proposes on her own path; the trainers keep the paths and answer.
    if app.trainee_copy() {
        let own = me_as_trainee(app).as_ref() == Some(&trainee);
        match (action, competency) {
            (Action::CycleLevel | Action::Open, Some(competency)) if own => {
                let options = super::proposals::LEVELS
                    .iter()
                    .map(|l| app.tr(level_msg(*l)).to_owned())
                    .collect();
                super::proposals::level_choice(app, competency, options);
            }
            (Action::AddEvidence, Some(competency)) if own => {
                evidence_choice(app, trainee, competency);
            }
            (
                Action::CycleLevel
                | Action::Open
                | Action::AddEvidence
                | Action::EditCandidacy
                | Action::EditFunding
                | Action::AddFunding,
                _,
            ) => app.notify_error(app.tr(Msg::TrainersKeepPaths)),
            _ => {}
        }
        return Some(Vec::new());
    }
    let writes = matches!(
        action,
        Action::CycleLevel
            | Action::AddEvidence
            | Action::EditCandidacy
            | Action::EditFunding
            | Action::AddFunding
            | Action::AcceptProposal
            | Action::DeclineProposal
    );
    if writes && me_as_trainee(app).is_some() {
        // A trainee of the cohort using the trainers' keys still does not keep paths.
        app.notify_error(app.tr(Msg::TrainersKeepPaths));
        return Some(Vec::new());
    }
    match (action, competency) {
        (Action::AcceptProposal, _) => return Some(super::proposals::accept(app)),
        (Action::DeclineProposal, _) => super::proposals::decline(app),
        (Action::CycleLevel | Action::Open, Some(competency)) => {
            return Some(cycle_level(app, trainee, competency));
        }
        (Action::AddEvidence, Some(competency)) => evidence_choice(app, trainee, competency),
        (Action::EditCandidacy, _) => candidacy_form(app, trainee),
        (Action::EditFunding, _) => funding_form(app, trainee, Some(0)),
        (Action::AddFunding, _) => funding_form(app, trainee, None),
        _ => {}
    }
    Some(Vec::new())
}

fn cycle_level(app: &mut App, trainee: PersonId, competency: CompetencyId) -> Vec<Effect> {
    let level = assessment(app, &trainee, &competency)
        .map_or(Level::NotStarted, |a| a.level)
        .next();
    let label = fill(
        app.tr(Msg::LevelLabel),
        &[("level", app.tr(level_msg(level)))],
    );
    app.notify(label.clone());
    app.change(label, |data| {
        let Some(cohort) = super::current_mut(data) else {
            return;
        };
        match cohort
            .assessments
            .iter_mut()
            .find(|a| a.trainee == trainee && a.competency == competency)
        {
            Some(a) => a.level = level,
            None => cohort.assessments.push(Assessment {
                trainee,
                competency,
                level,
                evidence: Vec::new(),
            }),
        }
    })
}

/// The word for a level.
pub fn level_msg(level: Level) -> Msg {
    match level {
        Level::NotStarted => Msg::LevelNotStarted,
        Level::InProgress => Msg::LevelInProgress,
        Level::Acquired => Msg::LevelAcquired,
    }
}

/// What a piece of evidence may rest on: the seminars the trainee attended, their exchanges and
/// their tutor requests; the first option is none.
fn evidence_choice(app: &mut App, trainee: PersonId, competency: CompetencyId) {
    let Some(cohort) = app.cohort() else {
        return;
    };
    let mut options = vec![app.tr(Msg::NoSource).to_owned()];
    let mut sources = vec![None];
    for seminar in &cohort.seminars {
        let attended = seminar.half_days.iter().any(|h| {
            h.mark_of(&trainee)
                .is_some_and(|m| h.followed_minutes(m) > 0)
        });
        if let (true, Some(first)) = (attended, seminar.half_days.first()) {
            let modules = seminar
                .modules
                .iter()
                .filter_map(|m| app.data.programme.module(m).map(|m| m.code.clone()))
                .collect::<Vec<_>>()
                .join(", ");
            options.push(format!(
                "{} {} {modules}",
                app.tr(Msg::SourceSeminar),
                first.date.format("%d/%m/%Y")
            ));
            sources.push(Some(EvidenceSource::Seminar(seminar.id.clone())));
        }
    }
    for exchange in cohort
        .exchanges
        .iter()
        .filter(|e| e.people.contains(&trainee))
    {
        let title = [&exchange.offer, &exchange.request]
            .into_iter()
            .flatten()
            .find_map(|id| cohort.knowledge.iter().find(|k| &k.id == id))
            .map_or("", |k| k.title.as_str());
        options.push(format!(
            "{} {} {title}",
            app.tr(Msg::SourceExchange),
            exchange.date.format("%d/%m/%Y")
        ));
        sources.push(Some(EvidenceSource::Exchange(exchange.id.clone())));
    }
    for request in cohort
        .tutor_requests
        .iter()
        .filter(|r| r.trainee == trainee)
    {
        options.push(format!(
            "{} {}",
            app.tr(Msg::SourceTutorRequest),
            request.subject
        ));
        sources.push(Some(EvidenceSource::TutorRequest(request.id.clone())));
    }
    // A session where she brought her situation is evidence of her work on it.
    for session in cohort.codev_sessions.iter().filter(|s| s.client == trainee) {
        options.push(format!(
            "{} {}",
            app.tr(Msg::SourceCodev),
            session.date.format("%d/%m/%Y")
        ));
        sources.push(Some(EvidenceSource::Codev(session.id.clone())));
    }
    app.overlay = Some(Overlay::Choice(Choice {
        title: Msg::EvidenceSourceTitle,
        options,
        cursor: Cursor::default(),
        purpose: ChoicePurpose::EvidenceSource(trainee, competency, sources),
    }));
}

/// The evidence note form, once its source is chosen.
pub fn evidence_form(
    app: &mut App,
    trainee: PersonId,
    competency: CompetencyId,
    source: Option<EvidenceSource>,
) {
    let fields = super::forms::note_fields(None, FieldKind::Required).to_vec();
    let form = Form::new(
        Purpose::Circle(CircleForm::Evidence(trainee, competency, source)),
        fields,
    );
    app.overlay = Some(Overlay::Form(Box::new(form)));
}

fn candidacy_form(app: &mut App, trainee: PersonId) {
    let status = app
        .cohort()
        .and_then(|c| c.candidacies.iter().find(|c| c.trainee == trainee))
        .map_or(0, |c| {
            CANDIDACY_STATUSES
                .iter()
                .position(|s| *s == c.status)
                .unwrap_or(0)
        });
    let fields = vec![
        Field::new(
            Msg::FieldStatus,
            FieldKind::Choice(&CANDIDACY),
            &status.to_string(),
        ),
        Field::new(
            Msg::FieldDate,
            FieldKind::Date,
            &app.today.format("%d/%m/%Y").to_string(),
        ),
    ];
    let form = Form::new(Purpose::Circle(CircleForm::Candidacy(trainee)), fields);
    app.overlay = Some(Overlay::Form(Box::new(form)));
}

/// The funding form: the trainee's first line (`Some(0)`) or a new one; a new line proposes
/// what the price leaves to fund.
fn funding_form(app: &mut App, trainee: PersonId, line: Option<usize>) {
    let Some(cohort) = app.cohort() else {
        return;
    };
    let lines: Vec<_> = cohort
        .funding
        .iter()
        .filter(|f| f.trainee == trainee)
        .collect();
    let existing = line.and_then(|n| lines.get(n)).copied();
    let funded: u32 = lines.iter().map(|f| f.amount_eur).sum();
    let left = cohort.price_eur.saturating_sub(funded);
    let (source, amount, status) = existing.map_or(
        (0, if left == 0 { cohort.price_eur } else { left }, 0),
        |f| {
            (
                SOURCES.iter().position(|s| *s == f.source).unwrap_or(0),
                f.amount_eur,
                FUNDING_STATUSES
                    .iter()
                    .position(|s| *s == f.status)
                    .unwrap_or(0),
            )
        },
    );
    let line = existing.map(|_| 0);
    let fields = vec![
        Field::new(
            Msg::FieldSource,
            FieldKind::Choice(&SOURCE_MSGS),
            &source.to_string(),
        ),
        Field::new(Msg::FieldAmount, FieldKind::Required, &amount.to_string()),
        Field::new(
            Msg::FieldStatus,
            FieldKind::Choice(&FUNDING_MSGS),
            &status.to_string(),
        ),
    ];
    let form = Form::new(Purpose::Circle(CircleForm::Funding(trainee, line)), fields);
    app.overlay = Some(Overlay::Form(Box::new(form)));
}
