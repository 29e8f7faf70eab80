//! What each bundle may carry. A trainee's bundle from the trainers holds the programme, the
//! seminars with that trainee's own marks only, the venues, the people as each agreed to be
//! seen, the circle's offers and requests, the exchanges, and their own tutor requests; never
//! another trainee's attendance, funding, the follow-up log, or a confidential note. The
//! trainee's bundle back holds only what is theirs, with what she proposed on her path
//! (evidence, a self-assessment); her bundle from the trainers brings their answers.

use super::records::{Kind, Records};
use crate::domain::attendance::LineSignature;
use crate::domain::knowledge::{Exchange, KnowledgeItem};
use crate::domain::signing::PersonKey;
use crate::domain::{Cohort, Data, Person, PersonId, PersonRole, Seminar};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;

fn put<T: Serialize>(records: &mut Records, kind: Kind, id: &str, record: &T) {
    if let Ok(value) = serde_json::to_value(record) {
        records.insert(kind.key(id), value);
    }
}

/// The records the trainers send to `trainee` of `cohort`.
pub fn for_trainee(data: &Data, cohort: &Cohort, trainee: &PersonId) -> Records {
    let mut records = Records::new();
    put(&mut records, Kind::Programme, "", &data.programme);
    let mut header = cohort.clone();
    header.seminars.clear();
    header.knowledge.clear();
    header.exchanges.clear();
    header.tutor_requests.clear();
    header.funding.clear();
    header.candidacies.clear();
    header.assessments.clear();
    header.follow_ups.clear();
    // A salt and a public key let anyone try codes offline: hers travel in the bundle's own
    // list, the others' never.
    header.keys.clear();
    header.proposals.clear();
    // What is said in a codevelopment session stays with the trainers.
    header.codev_sessions.clear();
    // Why someone left is theirs to tell.
    for departure in &mut header.departures {
        departure.reason.clear();
    }
    put(&mut records, Kind::Cohort, cohort.id.as_str(), &header);

    let mut people: BTreeSet<&PersonId> = cohort.trainees.iter().chain(&cohort.trainers).collect();
    for seminar in &cohort.seminars {
        people.insert(&seminar.trainer);
        put(
            &mut records,
            Kind::Seminar,
            seminar.id.as_str(),
            &own_marks(seminar, trainee),
        );
    }
    let venues: BTreeSet<_> = cohort.seminars.iter().map(|s| &s.venue).collect();
    for venue in data.venues.iter().filter(|v| venues.contains(&v.id)) {
        put(&mut records, Kind::Venue, venue.id.as_str(), venue);
    }
    let circle = Circle {
        knowledge: cohort.knowledge.iter().collect(),
        exchanges: cohort.exchanges.iter().collect(),
    };
    for tutor in put_circle(&mut records, cohort, trainee, &circle) {
        people.insert(tutor);
    }
    // Trainees ask a trainer close by, so every trainer is listed (as they agreed to be seen).
    let trainers = data.people.iter().filter(|p| p.role == PersonRole::Trainer);
    for person in data
        .people
        .iter()
        .filter(|p| people.contains(&p.id))
        .chain(trainers)
    {
        put(
            &mut records,
            Kind::Person,
            person.id.as_str(),
            &seen(person, trainee),
        );
    }
    records
}

/// The records `trainee` sends back: their profile, their offers and requests, their tutor
/// requests, and the exchanges they took part in (with their evaluation).
pub fn from_trainee(data: &Data, cohort: &Cohort, trainee: &PersonId) -> Records {
    let mut records = Records::new();
    if let Some(person) = data.person(trainee) {
        put(
            &mut records,
            Kind::Person,
            trainee.as_str(),
            &person.without_confidential(),
        );
    }
    let circle = Circle {
        knowledge: cohort
            .knowledge
            .iter()
            .filter(|k| &k.person == trainee)
            .collect(),
        exchanges: cohort
            .exchanges
            .iter()
            .filter(|e| e.people.contains(trainee))
            .collect(),
    };
    put_circle(&mut records, cohort, trainee, &circle);
    records
}

/// The offers, requests and exchanges a bundle carries.
struct Circle<'a> {
    knowledge: Vec<&'a KnowledgeItem>,
    exchanges: Vec<&'a Exchange>,
}

/// Puts the circle's records (without confidential notes, evaluations only for those who took
/// part) and `trainee`'s own tutor requests; returns their tutors.
fn put_circle<'a>(
    records: &mut Records,
    cohort: &'a Cohort,
    trainee: &PersonId,
    circle: &Circle<'_>,
) -> Vec<&'a PersonId> {
    for item in &circle.knowledge {
        let mut item = (*item).clone();
        item.note = item.note.filter(|n| !n.confidential);
        put(records, Kind::Knowledge, item.id.as_str(), &item);
    }
    for exchange in &circle.exchanges {
        put(
            records,
            Kind::Exchange,
            exchange.id.as_str(),
            &seen_by(exchange, trainee),
        );
    }
    let mut tutors = Vec::new();
    for request in cohort
        .tutor_requests
        .iter()
        .filter(|r| &r.trainee == trainee)
    {
        tutors.extend(request.tutor.as_ref());
        put(records, Kind::TutorRequest, request.id.as_str(), request);
    }
    // What she proposed on her path, and the trainers' answers, go both ways.
    for proposal in cohort.proposals.iter().filter(|p| &p.trainee == trainee) {
        if let crate::domain::path::Proposed::Evidence(evidence) = &proposal.proposed
            && evidence.note.confidential
        {
            continue;
        }
        put(records, Kind::Proposal, &proposal.id, proposal);
    }
    tutors
}

/// Whether record `value` under `key` belongs to `trainee`, so that their bundle may change it.
pub fn owned_by(key: &str, value: &Value, trainee: &PersonId) -> bool {
    let is = |field: &str| value.get(field).and_then(Value::as_str) == Some(trainee.as_str());
    match Kind::of(key) {
        Some((Kind::Person, id)) => id == trainee.as_str(),
        Some((Kind::Knowledge, _)) => is("person"),
        Some((Kind::TutorRequest | Kind::Proposal, _)) => is("trainee"),
        Some((Kind::Exchange, _)) => value
            .get("people")
            .and_then(Value::as_array)
            .is_some_and(|people| people.iter().any(|p| p.as_str() == Some(trainee.as_str()))),
        _ => false,
    }
}

/// Whether `trainee` is among the people of exchange record `value`.
fn takes_part(value: &Value, trainee: &PersonId) -> bool {
    value
        .get("people")
        .and_then(Value::as_array)
        .is_some_and(|people| people.iter().any(|p| p.as_str() == Some(trainee.as_str())))
}

/// Whether a trainee's bundle may touch exchange `key` at all: one she takes part in, here
/// (`ours`) or, for a new one, in her bundle (`theirs`).
pub fn may_touch_exchange(
    key: &str,
    theirs: &Value,
    ours: Option<&Value>,
    trainee: &PersonId,
) -> bool {
    matches!(Kind::of(key), Some((Kind::Exchange, _)))
        && match ours {
            Some(ours) => takes_part(ours, trainee) || takes_part(theirs, trainee),
            None => takes_part(theirs, trainee),
        }
}

/// An exchange from a trainee's bundle as it may land here: she may add or remove herself
/// and nobody else, so the people are ours with only her own place as her bundle says; and an
/// exchange she was not part of she may only join. `theirs` is `None` when her bundle dropped
/// the exchange. Returns the record to take instead of hers, when hers went further.
pub fn own_place_only(
    key: &str,
    theirs: Option<&Value>,
    ours: Option<&Value>,
    trainee: &PersonId,
) -> Option<Value> {
    if !matches!(Kind::of(key), Some((Kind::Exchange, _))) {
        return None;
    }
    let ours = ours?;
    let joins = theirs.is_some_and(|t| takes_part(t, trainee));
    let mut people: Vec<Value> = ours
        .get("people")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|p| p.as_str() != Some(trainee.as_str()))
        .cloned()
        .collect();
    if theirs.is_none() && people.is_empty() {
        // Hers alone: dropping it is hers to do.
        return None;
    }
    let was_in = takes_part(ours, trainee);
    if joins {
        // Where she stood, or last when she joins.
        let at = ours
            .get("people")
            .and_then(Value::as_array)
            .and_then(|all| {
                all.iter()
                    .position(|p| p.as_str() == Some(trainee.as_str()))
            })
            .unwrap_or(people.len());
        people.insert(at.min(people.len()), Value::from(trainee.as_str()));
    }
    // Someone else's exchange she only joins; her own she may edit, but not who else was there.
    let mut fixed = match theirs {
        Some(theirs) if was_in && theirs.is_object() => theirs.clone(),
        _ => ours.clone(),
    };
    if !fixed.is_object() {
        return None;
    }
    fixed["people"] = Value::Array(people);
    (Some(&fixed) != theirs).then_some(fixed)
}

/// A person as `viewer` may see them: themselves in full (but confidential notes), others as
/// they agreed to share.
fn seen(person: &Person, viewer: &PersonId) -> Person {
    if &person.id == viewer {
        person.without_confidential()
    } else {
        person.as_shared()
    }
}

/// A seminar with only `trainee`'s marks and the history of their marks.
fn own_marks(seminar: &Seminar, trainee: &PersonId) -> Seminar {
    let mut seminar = seminar.clone();
    for half_day in &mut seminar.half_days {
        half_day.marks.retain(|m| &m.trainee == trainee);
        half_day.history.retain(|c| &c.trainee == trainee);
    }
    seminar
}

/// An exchange as `viewer` may see it: only their own evaluation (each participant evaluates
/// for herself, and the notes are not shared between participants), never a confidential one.
fn seen_by(exchange: &Exchange, viewer: &PersonId) -> Exchange {
    let mut exchange = exchange.clone();
    exchange
        .evaluations
        .retain(|e| e.by.as_ref() == Some(viewer) && !e.note.confidential);
    exchange
}

/// A trainee's keys and the lines she signed, as her bundle carries them.
pub fn signing_of(cohort: &Cohort, trainee: &PersonId) -> (Vec<PersonKey>, Vec<LineSignature>) {
    let keys = cohort
        .keys
        .iter()
        .filter(|k| &k.person == trainee)
        .cloned()
        .collect();
    let lines = cohort
        .seminars
        .iter()
        .flat_map(|s| &s.half_days)
        .filter_map(|h| h.mark_of(trainee)?.signed.as_deref().cloned())
        .collect();
    (keys, lines)
}
