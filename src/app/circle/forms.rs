//! The circle's forms and what saving each one does.

use super::{current_mut, enrol, me_as_trainee};
use crate::app::Form;
use crate::app::Purpose;
use crate::app::circle::CircleForm;
use crate::app::dates::parse_date;
use crate::app::form::{Field, FieldKind};
use crate::app::keymap::View;
use crate::app::{App, Effect};
use crate::domain::fold::fold;
use crate::domain::knowledge::{
    Evaluation, Exchange, ExchangeFormat, KnowledgeItem, KnowledgeKind, Topic,
};
use crate::domain::lookup::find;
use crate::domain::path::{Assessment, Candidacy, Evidence, Funding};
use crate::domain::{
    ExchangeId, KnowledgeId, Note, Person, PersonId, PersonRole, PlaceKind, Project, ProjectPhase,
};
use crate::i18n::{Msg, fill};

use super::choices::{CANDIDACY_STATUSES, CONFIDENTIAL, FUNDING_STATUSES, PHASES, PLACES, SOURCES};

/// The fields of a new person enrolled straight away.
pub fn new_trainee_fields() -> Vec<Field> {
    vec![
        Field::new(Msg::FieldName, FieldKind::Required, ""),
        Field::new(Msg::FieldProjectName, FieldKind::Text, ""),
        Field::new(Msg::FieldPlaceKind, FieldKind::Choice(&PLACES), "5"),
        Field::new(Msg::FieldPhase, FieldKind::Choice(&PHASES), "0"),
        Field::new(Msg::FieldCity, FieldKind::Text, ""),
        Field::new(Msg::FieldDepartement, FieldKind::Departement, ""),
    ]
}

/// A note's two fields: its text (of `kind`) and whether it is confidential.
pub fn note_fields(note: Option<&Note>, kind: FieldKind) -> [Field; 2] {
    let confidential = if note.is_some_and(|n| n.confidential) {
        "1"
    } else {
        "0"
    };
    [
        Field::new(Msg::FieldNote, kind, note.map_or("", |n| &n.text)),
        Field::new(
            Msg::FieldConfidential,
            FieldKind::Choice(&CONFIDENTIAL),
            confidential,
        ),
    ]
}

/// A note from a form's note and confidential fields; `None` when no text was typed.
fn note(form: &Form) -> Option<Note> {
    let text = form.value(Msg::FieldNote);
    (!text.is_empty()).then(|| Note {
        text,
        confidential: form.choice(Msg::FieldConfidential) == 1,
    })
}

/// Saves a form of this screen; `None` keeps it open (a name or tag was not found).
pub fn submit(app: &mut App, form: &mut Form) -> Option<Vec<Effect>> {
    match form.purpose.clone() {
        Purpose::Circle(CircleForm::NewTrainee) => Some(new_trainee(app, form)),
        Purpose::Circle(CircleForm::Departure(trainee)) => Some(departure(app, form, &trainee)),
        Purpose::Circle(CircleForm::CodevNotes(step)) => {
            Some(super::codev::notes_saved(app, form, step))
        }
        Purpose::Circle(CircleForm::Knowledge(id)) => knowledge(app, form, id.as_ref()),
        Purpose::Circle(CircleForm::PutInTouch(offer, request)) => {
            exchange(app, form, offer, request)
        }
        Purpose::Circle(CircleForm::Evaluate(id)) => Some(evaluate(app, form, &id)),
        Purpose::Circle(CircleForm::Evidence(trainee, competency, source)) => {
            let evidence = Evidence {
                note: note(form)?,
                source,
            };
            if app.trainee_copy() {
                // On her copy, evidence is a proposal the trainers accept or decline.
                let proposed = crate::domain::path::Proposed::Evidence(evidence);
                return Some(super::proposals::propose(
                    app, trainee, competency, proposed,
                ));
            }
            let label = app.tr(Msg::EvidenceLabel).to_owned();
            Some(change_cohort(app, label, |cohort| {
                let at = cohort
                    .assessments
                    .iter()
                    .position(|a| a.trainee == trainee && a.competency == competency);
                let at = at.unwrap_or_else(|| {
                    cohort.assessments.push(Assessment {
                        trainee,
                        competency,
                        level: crate::domain::path::Level::NotStarted,
                        evidence: Vec::new(),
                    });
                    cohort.assessments.len() - 1
                });
                cohort.assessments[at].evidence.push(evidence);
            }))
        }
        Purpose::Circle(CircleForm::DeclineProposal(id)) => Some(super::proposals::declined(
            app,
            &id,
            form.value(Msg::FieldReason),
        )),
        Purpose::Circle(CircleForm::Candidacy(trainee)) => {
            let status = CANDIDACY_STATUSES[form.choice(Msg::FieldStatus).min(4)];
            let date = parse_date(&form.value(Msg::FieldDate))?;
            let label = app.tr(Msg::CandidacyLabel).to_owned();
            Some(change_cohort(app, label, |cohort| {
                if let Some(candidacy) =
                    cohort.candidacies.iter_mut().find(|c| c.trainee == trainee)
                {
                    candidacy.set(status, date);
                } else {
                    let mut candidacy = Candidacy {
                        trainee,
                        status,
                        since: None,
                        history: Vec::new(),
                    };
                    candidacy.set(status, date);
                    cohort.candidacies.push(candidacy);
                }
            }))
        }
        Purpose::Circle(CircleForm::Funding(trainee, line)) => funding(app, form, trainee, line),
        _ => None,
    }
}

/// Changes the current cohort as one undoable step, and says so.
fn change_cohort(
    app: &mut App,
    label: String,
    edit: impl FnOnce(&mut crate::domain::Cohort),
) -> Vec<Effect> {
    app.notify(label.clone());
    app.change(label, |data| {
        if let Some(cohort) = current_mut(data) {
            edit(cohort);
        }
    })
}

fn new_trainee(app: &mut App, form: &Form) -> Vec<Effect> {
    let name = form.value(Msg::FieldName);
    let project_name = form.value(Msg::FieldProjectName);
    let person = Person {
        id: PersonId::new(app.fresh_id("p")),
        name: name.clone(),
        role: PersonRole::Trainee,
        city: form.value(Msg::FieldCity),
        departement: form.value(Msg::FieldDepartement).to_uppercase(),
        project: (!project_name.is_empty()).then(|| Project {
            name: project_name,
            kind: PlaceKind::ALL[form.choice(Msg::FieldPlaceKind).min(7)],
            phase: [
                ProjectPhase::Creation,
                ProjectPhase::Development,
                ProjectPhase::Repositioning,
            ][form.choice(Msg::FieldPhase).min(2)],
        }),
        ..Person::default()
    };
    let id = person.id.clone();
    enrol(app, &name, |data| {
        data.people.push(person.into());
        current_mut(data)
            .ok_or(crate::domain::EnrolError::Full)?
            .enrol(id)
    })
}

fn departure(app: &mut App, form: &Form, trainee: &PersonId) -> Vec<Effect> {
    let Some(date) = parse_date(&form.value(Msg::FieldDate)) else {
        return Vec::new();
    };
    let reason = form.value(Msg::FieldReason);
    let name = app
        .data
        .person(trainee)
        .map(|p| p.name.clone())
        .unwrap_or_default();
    let label = fill(app.tr(Msg::DepartedLabel), &[("name", &name)]);
    let outcome = app.try_change(label.clone(), |data| {
        current_mut(data)
            .ok_or(crate::domain::DepartError::NotEnrolled(trainee.clone()))?
            .depart(trainee, date, &reason)
    });
    match outcome {
        Ok(effects) => {
            app.notify(label);
            effects
        }
        Err(error) => {
            let text = match error {
                crate::domain::DepartError::NotEnrolled(_) => {
                    fill(app.tr(Msg::NotATrainee), &[("name", &name)])
                }
                crate::domain::DepartError::AlreadyLeft(id) => {
                    let date = app
                        .cohort()
                        .and_then(|c| c.departure(&id))
                        .map(|d| d.date.format("%d/%m/%Y").to_string())
                        .unwrap_or_default();
                    fill(app.tr(Msg::AlreadyLeft), &[("date", &date)])
                }
            };
            app.notify_error(text);
            Vec::new()
        }
    }
}

/// A person of the cohort by name or id: a trainee, or a trainer too when `trainers`.
fn lookup_person(app: &App, text: &str, trainers: bool) -> Option<PersonId> {
    let cohort = app.cohort()?;
    let also: &[PersonId] = if trainers { &cohort.trainers } else { &[] };
    let people: Vec<&Person> = cohort
        .trainees
        .iter()
        .chain(also)
        .filter_map(|id| app.data.person(id))
        .collect();
    find("person", &people, text, |p| p.id.as_str(), |p| &p.name)
        .ok()
        .map(|p| p.id.clone())
}

/// A tag typed as a module code ("2.1"), a block code ("FAB") or a title; `Ok(None)` when
/// nothing was typed, `Err(())` when nothing matches.
fn lookup_topic(app: &App, text: &str) -> Result<Option<Topic>, ()> {
    if text.is_empty() {
        return Ok(None);
    }
    let programme = &app.data.programme;
    let wanted = fold(text);
    if let Some(module) = programme.modules.iter().find(|m| fold(&m.code) == wanted) {
        return Ok(Some(Topic::Module(module.id.clone())));
    }
    if let Some(block) = programme.blocks.iter().find(|b| fold(&b.code) == wanted) {
        return Ok(Some(Topic::Block(block.id.clone())));
    }
    find(
        "module",
        &programme.modules,
        text,
        |m| m.id.as_str(),
        |m| &m.title,
    )
    .map(|m| Some(Topic::Module(m.id.clone())))
    .map_err(|_| ())
}

fn knowledge(app: &mut App, form: &mut Form, id: Option<&KnowledgeId>) -> Option<Vec<Effect>> {
    let person = match me_as_trainee(app) {
        Some(me) => Some(me),
        None => lookup_person(app, &form.value(Msg::FieldWhose), false),
    };
    let topic = lookup_topic(app, &form.value(Msg::FieldTag)).ok();
    if person.is_none() {
        form.refuse(Msg::FieldWhose, Msg::FieldNotFound);
    }
    if topic.is_none() {
        form.refuse(Msg::FieldTag, Msg::FieldNotFound);
    }
    let (Some(person), Some(topic)) = (person, topic) else {
        app.notify_error(app.tr(Msg::FormHasErrors));
        return None;
    };
    let kind = if form.choice(Msg::FieldKind) == 1 {
        KnowledgeKind::Request
    } else {
        KnowledgeKind::Offer
    };
    let item = KnowledgeItem {
        id: id
            .cloned()
            .unwrap_or_else(|| KnowledgeId::new(app.fresh_id("k"))),
        person,
        kind,
        title: form.value(Msg::FieldTitle),
        topic,
        note: note(form),
    };
    let label = fill(
        app.tr(if kind == KnowledgeKind::Offer {
            Msg::OfferLabel
        } else {
            Msg::RequestLabel
        }),
        &[("title", &item.title)],
    );
    let effects = change_cohort(app, label, |cohort| {
        match cohort.knowledge.iter_mut().find(|k| k.id == item.id) {
            Some(existing) => *existing = item,
            None => cohort.knowledge.push(item),
        }
    });
    if id.is_none() {
        // The new one is the last record: selected when the filter shows it.
        let last = app
            .cohort()
            .map_or(0, |c| c.knowledge.len())
            .saturating_sub(1);
        let height = app.page_height();
        app.circle.knowledge.select_where(height, |n| n == last);
    }
    Some(effects)
}

fn exchange(
    app: &mut App,
    form: &mut Form,
    offer: Option<KnowledgeId>,
    request: Option<KnowledgeId>,
) -> Option<Vec<Effect>> {
    let names = form.value(Msg::FieldPeople);
    let people: Option<Vec<PersonId>> = names
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        // A trainer may take part, e.g. in an exchange built together.
        .map(|n| lookup_person(app, n, true))
        .collect();
    let people = people.filter(|p| p.len() >= 2);
    let Some(people) = people else {
        form.refuse(Msg::FieldPeople, Msg::FieldNotFound);
        app.notify_error(app.tr(Msg::FormHasErrors));
        return None;
    };
    let date = parse_date(&form.value(Msg::FieldDate))?;
    let format = [
        ExchangeFormat::OneToOne,
        ExchangeFormat::OneToMany,
        ExchangeFormat::Together,
    ][form.choice(Msg::FieldFormat).min(2)];
    let exchange = Exchange {
        id: ExchangeId::new(app.fresh_id("e")),
        offer,
        request,
        people,
        format,
        date,
        evaluations: Vec::new(),
    };
    let label = app.tr(Msg::PutInTouchLabel).to_owned();
    let effects = change_cohort(app, label, |cohort| cohort.exchanges.push(exchange));
    // The new exchange is where its evaluation will be written: shown, whatever the filter.
    app.circle.exchanges.filter.clear();
    app.refresh_rows();
    let height = app.page_height();
    app.circle.exchanges.select_last(height);
    app.circle.back_to = app.circle.view.filter(|v| *v == View::Knowledge);
    app.circle.view = Some(View::Exchanges);
    Some(effects)
}

fn evaluate(app: &mut App, form: &Form, id: &ExchangeId) -> Vec<Effect> {
    let evaluation = Evaluation {
        by: app.config.me.clone(),
        useful: form.choice(Msg::FieldUseful) == 0,
        note: note(form).unwrap_or_default(),
    };
    let label = app.tr(Msg::EvaluatedLabel).to_owned();
    change_cohort(app, label, |cohort| {
        if let Some(exchange) = cohort.exchanges.iter_mut().find(|e| &e.id == id) {
            exchange.evaluate(evaluation);
        }
    })
}

fn funding(
    app: &mut App,
    form: &mut Form,
    trainee: PersonId,
    line: Option<usize>,
) -> Option<Vec<Effect>> {
    let Ok(amount) = form
        .value(Msg::FieldAmount)
        .replace([' ', '\u{a0}'], "")
        .parse::<u32>()
    else {
        form.refuse(Msg::FieldAmount, Msg::FieldBadAmount);
        app.notify_error(app.tr(Msg::FormHasErrors));
        return None;
    };
    let funding = Funding {
        trainee,
        source: SOURCES[form.choice(Msg::FieldSource).min(4)],
        amount_eur: amount,
        status: FUNDING_STATUSES[form.choice(Msg::FieldStatus).min(3)],
    };
    let label = app.tr(Msg::FundingLabel).to_owned();
    Some(change_cohort(app, label, |cohort| {
        let existing = line.and_then(|n| {
            cohort
                .funding
                .iter_mut()
                .filter(|f| f.trainee == funding.trainee)
                .nth(n)
        });
        match existing {
            Some(f) => *f = funding,
            None => cohort.funding.push(funding),
        }
    }))
}
