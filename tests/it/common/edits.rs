//! Random edits of the sample cohort, as two machines would make them, for merge tests.

use cercle::domain::knowledge::{KnowledgeItem, KnowledgeKind};
use cercle::domain::{Data, KnowledgeId, Person, PersonId, PersonRole, Status};
use proptest::prelude::*;
use std::collections::BTreeSet;

/// One edit a user could make.
#[derive(Debug, Clone)]
pub enum Edit {
    /// Set the status of mark `mark` of half-day `half_day` of the current cohort.
    Mark {
        half_day: usize,
        mark: usize,
        status: usize,
    },
    /// Change a person's city.
    City { person: usize, city: String },
    /// Add a knowledge offer with this id suffix.
    AddOffer { tag: u32, title: String },
    /// Delete a knowledge item of the current cohort.
    DeleteKnowledge { item: usize },
    /// Add a person with this id suffix.
    AddPerson { tag: u32, name: String },
    /// Change a tutor request's subject.
    Subject { request: usize, subject: String },
    /// Rename any cohort.
    CohortName { cohort: usize, name: String },
    /// Add a cohort with this id suffix.
    AddCohort { tag: u32 },
}

/// Any edit, with text that may hold accents, emoji and control characters.
pub fn edit() -> impl Strategy<Value = Edit> {
    let text = "[a-zé😀\u{1b}\\[ ]{0,8}";
    prop_oneof![
        (0usize..64, 0usize..16, 0usize..5).prop_map(|(half_day, mark, status)| Edit::Mark {
            half_day,
            mark,
            status
        }),
        (0usize..64, text).prop_map(|(person, city)| Edit::City { person, city }),
        (0u32..4, text).prop_map(|(tag, title)| Edit::AddOffer { tag, title }),
        (0usize..32).prop_map(|item| Edit::DeleteKnowledge { item }),
        (0u32..4, text).prop_map(|(tag, name)| Edit::AddPerson { tag, name }),
        (0usize..16, text).prop_map(|(request, subject)| Edit::Subject { request, subject }),
        (0usize..4, text).prop_map(|(cohort, name)| Edit::CohortName { cohort, name }),
        (0u32..3).prop_map(|tag| Edit::AddCohort { tag }),
    ]
}

/// Applies `edits` made on machine `side` (which keeps added ids apart per machine).
pub fn apply(data: &mut Data, side: &str, edits: &[Edit]) {
    for edit in edits {
        apply_one(data, side, edit);
    }
}

fn apply_one(data: &mut Data, side: &str, edit: &Edit) {
    let cohort = data.cohorts.len() - 1;
    match edit {
        Edit::Mark {
            half_day,
            mark,
            status,
        } => {
            let half_days: Vec<_> = data.cohorts[cohort]
                .seminars
                .iter_mut()
                .flat_map(|s| s.half_days.iter_mut())
                .collect();
            let count = half_days.len();
            if let Some(h) = half_days.into_iter().nth(half_day % count.max(1)) {
                let n = h.marks.len();
                if let Some(m) = h.marks.get_mut(mark % n.max(1)) {
                    m.status = Status::ALL[status % Status::ALL.len()];
                }
            }
        }
        Edit::City { person, city } => {
            let n = data.people.len();
            data.people[person % n].city.clone_from(city);
        }
        Edit::AddOffer { tag, title } => {
            let person = data.cohorts[cohort].trainees[0].clone();
            data.cohorts[cohort].knowledge.push(KnowledgeItem {
                id: KnowledgeId::new(format!("k-{side}-{tag}")),
                person,
                kind: KnowledgeKind::Offer,
                title: title.clone(),
                topic: None,
                note: None,
            });
        }
        Edit::DeleteKnowledge { item } => {
            let list = &mut data.cohorts[cohort].knowledge;
            if !list.is_empty() {
                let at = item % list.len();
                list.remove(at);
            }
        }
        Edit::AddPerson { tag, name } => data.people.push(
            Person {
                id: PersonId::new(format!("p-{side}-{tag}")),
                name: name.clone(),
                role: PersonRole::Host,
                ..Person::default()
            }
            .into(),
        ),
        Edit::CohortName { cohort, name } => {
            let n = data.cohorts.len();
            data.cohorts[cohort % n].name.clone_from(name);
        }
        Edit::AddCohort { tag } => data.cohorts.insert(
            0,
            cercle::domain::Cohort {
                id: format!("c-{side}-{tag}").as_str().into(),
                name: format!("{side} {tag}"),
                ..cercle::domain::Cohort::default()
            }
            .into(),
        ),
        Edit::Subject { request, subject } => {
            let list = &mut data.cohorts[cohort].tutor_requests;
            let n = list.len();
            if let Some(r) = list.get_mut(request % n.max(1)) {
                r.subject.clone_from(subject);
            }
        }
    }
}

/// The ids of the records the edits add or delete (people, knowledge items), to check that a
/// merge lost none.
pub fn ids(data: &Data) -> BTreeSet<String> {
    let mut ids: BTreeSet<String> = data.people.iter().map(|p| p.id.to_string()).collect();
    for cohort in &data.cohorts {
        ids.extend(cohort.knowledge.iter().map(|k| k.id.to_string()));
    }
    ids
}

/// The current cohort (a copy, for the roll call rules) and its first half-day that `wanted`
/// accepts.
pub fn half_day(
    data: &mut Data,
    wanted: impl Fn(&cercle::domain::HalfDay) -> bool,
) -> (cercle::domain::Cohort, &mut cercle::domain::HalfDay) {
    let cohort = data.cohorts.last_mut().expect("a cohort");
    let roster = (**cohort).clone();
    let day = cohort
        .seminars
        .iter_mut()
        .flat_map(|s| s.half_days.iter_mut())
        .find(|h| wanted(h))
        .expect("such a half-day in the sample");
    (roster, day)
}
