//! A cohort's data as separate records keyed `kind:id` (`person:p-1`, `seminar:s-2`…), the unit
//! that bundles carry, compare and merge. One cohort at a time.

use crate::domain::conflict::{Conflict, Path, Step};
use crate::domain::{Cohort, CohortId, Data};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Records by key, in key order.
pub type Records = BTreeMap<String, Value>;

/// What kind of record a key names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// The programme (one record).
    Programme,
    /// The cohort's own fields: name, dates, trainees, trainers, departures.
    Cohort,
    /// A venue.
    Venue,
    /// A person.
    Person,
    /// A seminar, with its half-days and marks.
    Seminar,
    /// A knowledge offer or request.
    Knowledge,
    /// An exchange of knowledge, with its evaluation.
    Exchange,
    /// A tutor request.
    TutorRequest,
    /// What a trainee proposed on her path, and the trainers' answer.
    Proposal,
}

impl Kind {
    const NAMES: [(Self, &'static str); 9] = [
        (Self::Programme, "programme"),
        (Self::Cohort, "cohort"),
        (Self::Venue, "venue"),
        (Self::Person, "person"),
        (Self::Seminar, "seminar"),
        (Self::Knowledge, "knowledge"),
        (Self::Exchange, "exchange"),
        (Self::TutorRequest, "tutor_request"),
        (Self::Proposal, "proposal"),
    ];

    /// The kind's name in keys and in JSON for scripts (`person`, `tutor_request`…).
    pub fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(k, _)| *k == self)
            .map_or("", |(_, n)| n)
    }

    /// The kind and id a key names; `None` for an unknown kind.
    pub fn of(key: &str) -> Option<(Self, &str)> {
        let (name, id) = key.split_once(':').unwrap_or((key, ""));
        let kind = Self::NAMES.iter().find(|(_, n)| *n == name)?.0;
        Some((kind, id))
    }

    /// The key of the record of this kind with this id.
    pub fn key(self, id: &str) -> String {
        let name = self.name();
        if self == Self::Programme {
            name.to_owned()
        } else {
            format!("{name}:{id}")
        }
    }
}

/// The cohort's own fields, without its lists of records.
fn cohort_header(cohort: &Cohort) -> Cohort {
    Cohort {
        seminars: Vec::new(),
        knowledge: Vec::new(),
        exchanges: Vec::new(),
        tutor_requests: Vec::new(),
        funding: Vec::new(),
        candidacies: Vec::new(),
        assessments: Vec::new(),
        follow_ups: Vec::new(),
        proposals: Vec::new(),
        codev_sessions: Vec::new(),
        ..cohort.clone()
    }
}

fn json<T: Serialize>(record: &T) -> Option<Value> {
    serde_json::to_value(record).ok()
}

/// The record `key` of cohort `cohort` as it is in `data`, if it exists.
pub fn get(data: &Data, cohort: &CohortId, key: &str) -> Option<Value> {
    let (kind, id) = Kind::of(key)?;
    let c = data.cohort(cohort);
    match kind {
        Kind::Programme => json(&data.programme),
        Kind::Venue => json(data.venues.iter().find(|v| v.id.as_str() == id)?),
        Kind::Person => json(data.people.iter().find(|p| p.id.as_str() == id)?),
        Kind::Cohort => json(&cohort_header(c?)),
        Kind::Seminar => json(c?.seminars.iter().find(|s| s.id.as_str() == id)?),
        Kind::Knowledge => json(c?.knowledge.iter().find(|k| k.id.as_str() == id)?),
        Kind::Exchange => json(c?.exchanges.iter().find(|e| e.id.as_str() == id)?),
        Kind::TutorRequest => json(c?.tutor_requests.iter().find(|r| r.id.as_str() == id)?),
        Kind::Proposal => json(c?.proposals.iter().find(|p| p.id == id)?),
    }
}

/// Why a record could not be put in the data.
#[derive(Debug, thiserror::Error)]
pub enum PutError {
    /// The key names no kind of record we know.
    #[error("unknown kind of record: {0}")]
    UnknownKind(String),
    /// The record does not have the shape of its kind.
    #[error("record {key}: {source}")]
    Shape {
        /// The record's key.
        key: String,
        /// What serde said.
        source: serde_json::Error,
    },
}

/// Puts `value` as record `key` of `cohort` (replacing the one with its id, or adding it), or
/// removes it for `None`. The cohort is created when it does not exist yet.
pub fn put(
    data: &mut Data,
    cohort: &CohortId,
    key: &str,
    value: Option<Value>,
) -> Result<(), PutError> {
    let (kind, id) = Kind::of(key).ok_or_else(|| PutError::UnknownKind(key.to_owned()))?;
    let shape = |source| PutError::Shape {
        key: key.to_owned(),
        source,
    };
    if kind == Kind::Programme {
        if let Some(v) = value {
            data.programme = serde_json::from_value(v).map_err(shape)?;
        }
        return Ok(());
    }
    match kind {
        Kind::Venue => {
            return upsert(&mut data.venues, id, value, |v| v.id.as_str()).map_err(shape);
        }
        Kind::Person => {
            return upsert(&mut data.people, id, value, |p| p.id.as_str()).map_err(shape);
        }
        _ => {}
    }
    let at = if let Some(at) = data.cohorts.iter().position(|c| &c.id == cohort) {
        at
    } else {
        data.cohorts.push(
            Cohort {
                id: cohort.clone(),
                ..Cohort::default()
            }
            .into(),
        );
        data.cohorts.len() - 1
    };
    let c = &mut data.cohorts[at];
    match kind {
        Kind::Cohort => {
            if let Some(v) = value {
                let header: Cohort = serde_json::from_value(v).map_err(shape)?;
                c.name = header.name;
                c.start = header.start;
                c.end = header.end;
                c.price_eur = header.price_eur;
                c.trainees = header.trainees;
                c.trainers = header.trainers;
                c.departures = header.departures;
            }
            Ok(())
        }
        Kind::Seminar => upsert(&mut c.seminars, id, value, |s| s.id.as_str()),
        Kind::Knowledge => upsert(&mut c.knowledge, id, value, |k| k.id.as_str()),
        Kind::Exchange => upsert(&mut c.exchanges, id, value, |e| e.id.as_str()),
        Kind::TutorRequest => upsert(&mut c.tutor_requests, id, value, |r| r.id.as_str()),
        Kind::Proposal => upsert(&mut c.proposals, id, value, |p| p.id.as_str()),
        Kind::Programme | Kind::Venue | Kind::Person => Ok(()),
    }
    .map_err(shape)
}

fn upsert<T: DeserializeOwned>(
    list: &mut Vec<T>,
    id: &str,
    value: Option<Value>,
    id_of: impl Fn(&T) -> &str,
) -> Result<(), serde_json::Error> {
    let at = list.iter().position(|r| id_of(r) == id);
    match (at, value) {
        (Some(i), Some(v)) => list[i] = serde_json::from_value(v)?,
        (None, Some(v)) => list.push(serde_json::from_value(v)?),
        (Some(i), None) => {
            list.remove(i);
        }
        (None, None) => {}
    }
    Ok(())
}

/// Where record `key` of `cohort` sits in the whole document, for conflicts and the merge screen.
pub fn path(cohort: &CohortId, key: &str) -> Path {
    let item = |id: &str| {
        let mut selector = Map::new();
        selector.insert("id".to_owned(), Value::from(id));
        Step::Item(selector)
    };
    let field = |name: &str| Step::Field(name.to_owned());
    let Some((kind, id)) = Kind::of(key) else {
        return Path(vec![field(key)]);
    };
    let in_cohort = |list: &str| {
        vec![
            field("cohorts"),
            item(cohort.as_str()),
            field(list),
            item(id),
        ]
    };
    Path(match kind {
        Kind::Programme => vec![field("programme")],
        Kind::Venue => vec![field("venues"), item(id)],
        Kind::Person => vec![field("people"), item(id)],
        Kind::Cohort => vec![field("cohorts"), item(cohort.as_str())],
        Kind::Seminar => in_cohort("seminars"),
        Kind::Knowledge => in_cohort("knowledge"),
        Kind::Exchange => in_cohort("exchanges"),
        Kind::TutorRequest => in_cohort("tutor_requests"),
        Kind::Proposal => in_cohort("proposals"),
    })
}

/// `base` without the records that hold a conflict still waiting here: what was received of
/// them has not been agreed on yet. Sent as the base of a bundle, each such record counts as
/// changed on both sides, so the other side sees the conflict too instead of taking this
/// side's provisional value as decided.
pub fn without_undecided(base: &Records, cohort: &CohortId, conflicts: &[Conflict]) -> Records {
    let paths: Vec<(&String, Path)> = base.keys().map(|k| (k, path(cohort, k))).collect();
    let undecided: std::collections::BTreeSet<&String> = conflicts
        .iter()
        .filter_map(|c| {
            // The record a conflict is in is the deepest one whose path leads to it (a seminar,
            // not its cohort).
            paths
                .iter()
                .filter(|(_, p)| c.path.0.starts_with(&p.0))
                .max_by_key(|(_, p)| p.0.len())
                .map(|(key, _)| *key)
        })
        .collect();
    base.iter()
        .filter(|(key, _)| !undecided.contains(key))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}
