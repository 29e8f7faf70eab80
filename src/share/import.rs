//! Importing a bundle: a plan first (what will be added, changed, removed and in conflict),
//! then the merged data, applied as one step. Nothing is written here.

use super::bundle::{Audience, Bundle, BundleError};
use super::project::{may_touch_exchange, own_place_only, owned_by};
use super::records::{self, Kind, Records};
use super::{Prefer, Sides, add_conflicts, merge};
use crate::domain::conflict::{Conflict, Path};
use crate::domain::{CohortId, Data, PersonId};
use chrono::{DateTime, Utc};
use serde_json::Value;
use std::collections::BTreeSet;

/// What an import does to one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// A new record.
    Added,
    /// These fields change.
    Changed(Vec<String>),
    /// The other side deleted it.
    Removed,
    /// A trainee's bundle answered her own proposal: only her trainers accept or decline it.
    OwnAnswer,
}

/// One record an import touches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Its kind.
    pub kind: Kind,
    /// Its name in domain words: a person's name, an offer's title…
    pub title: String,
    /// What happens to it.
    pub effect: Effect,
}

/// What importing a bundle will do, and the data it will leave.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The bundle.
    pub bundle: Bundle,
    /// The records it adds, changes or removes.
    pub changes: Vec<Change>,
    /// Fields both sides changed since they last shared.
    pub conflicts: Vec<Conflict>,
    /// Records it carries that are not its maker's to change (left as they are).
    pub ignored: Vec<Change>,
    /// The data after the import.
    pub data: Data,
    /// The records to keep as "last received from this side", the base of the next exchange.
    pub received: Records,
    /// The keys and signed lines it carries, as they were received.
    pub signing: super::signatures::Signing,
}

impl Plan {
    /// Whether the import changes nothing.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.conflicts.is_empty() && self.signing.is_empty()
    }
}

/// Who imports, as the plan needs to know.
#[derive(Debug, Clone)]
pub struct Importer<'a> {
    /// The user, when known: a trainee only takes their own bundle.
    pub me: Option<&'a PersonId>,
    /// The user said they are a trainer: a bundle made for a trainee is not for them.
    pub trainer: bool,
    /// How our side is named in conflicts, e.g. "this machine".
    pub ours: String,
    /// When.
    pub now: DateTime<Utc>,
}

/// Plans the import of `bundle` into `data` (`None`: an empty data directory), given the
/// records last received from the same side (`stored`).
pub fn plan(
    data: Option<&Data>,
    bundle: Bundle,
    stored: &Records,
    importer: &Importer<'_>,
) -> Result<Plan, BundleError> {
    let mut data = data.cloned().unwrap_or_default();
    let cohort = bundle.cohort.clone();
    let fresh = data.cohorts.is_empty() && data.people.is_empty();
    let known = data.cohort(&cohort);
    if known.is_none() && !(fresh && bundle.audience == Audience::Trainee) {
        return Err(BundleError::OtherCohort(cohort));
    }
    check_side(&data, &bundle, importer)?;

    // From a trainee, take only what is theirs, here and in the bundle.
    let trainee = bundle.trainee.clone();
    // An empty data directory has a blank programme, which is nobody's edit.
    let ours_of = |key: &str| records::get(&data, &cohort, key).filter(|_| !fresh);
    let allowed = |key: &str, value: &Value| match bundle.audience {
        Audience::Trainee => Kind::of(key).is_some(),
        Audience::Trainers => {
            let ours = ours_of(key);
            may_touch_exchange(key, value, ours.as_ref(), &trainee)
                || (owned_by(key, value, &trainee)
                    && ours.is_none_or(|ours| owned_by(key, &ours, &trainee)))
        }
    };
    let mut ignored = Vec::new();
    let mut refused = BTreeSet::new();
    let mut theirs = Records::new();
    for (key, value) in &bundle.records {
        if allowed(key, value) {
            let value = match bundle.audience {
                Audience::Trainers => {
                    as_hers_may(key, value, ours_of(key).as_ref(), &trainee, &mut ignored)
                }
                Audience::Trainee => value.clone(),
            };
            theirs.insert(key.clone(), value);
        } else if let Some((kind, _)) = Kind::of(key) {
            refused.insert(key.clone());
            ignored.push(Change {
                kind,
                title: title(kind, value),
                effect: Effect::Changed(Vec::new()),
            });
        }
    }
    let base: Records = bundle
        .base
        .iter()
        .chain(stored)
        // A record carried but refused (given away to someone else, say) is left as it is
        // here: not a deletion either.
        .filter(|(key, value)| allowed(key, value) && !refused.contains(*key))
        .fold(Records::new(), |mut base, (key, value)| {
            // The bundle's own base first: it is the newest both sides agreed on.
            base.entry(key.clone()).or_insert_with(|| value.clone());
            base
        });
    if bundle.audience == Audience::Trainers {
        let dropped: Vec<&String> = base.keys().filter(|k| !theirs.contains_key(*k)).collect();
        for (key, fixed) in left_by_her(&dropped, &ours_of, &trainee) {
            ignored.push(people_kept(&fixed));
            theirs.insert(key, fixed);
        }
    }
    let keys: BTreeSet<String> = theirs.keys().chain(base.keys()).cloned().collect();
    let ours: Records = keys
        .iter()
        .filter_map(|key| Some((key.clone(), ours_of(key)?)))
        .collect();

    let sides = Sides {
        ours: importer.ours.clone(),
        theirs: bundle.made_by.name.clone(),
        prefer: Prefer::Ours,
        now: importer.now,
    };
    let merged = merge(
        Some(&Value::Object(base.into_iter().collect())),
        &Value::Object(ours.clone().into_iter().collect()),
        &Value::Object(theirs.clone().into_iter().collect()),
        &sides,
    );
    let Value::Object(merged_records) = merged.value else {
        return Err(BundleError::Tampered);
    };

    let changes = apply(&mut data, &cohort, &keys, &ours, &merged_records)?;
    let conflicts: Vec<Conflict> = merged
        .conflicts
        .into_iter()
        .map(|mut c| {
            c.path = in_document(&cohort, &c.path);
            c
        })
        .collect();
    if fresh {
        data.current_cohort = Some(cohort);
    }
    let waiting = data.conflicts.len();
    add_conflicts(&mut data.conflicts, conflicts);
    let conflicts = data.conflicts[waiting..].to_vec();
    Ok(Plan {
        signing: super::signatures::receive(&mut data, &bundle),
        bundle,
        changes,
        conflicts,
        ignored,
        data,
        received: theirs,
    })
}

/// A record from a trainee's bundle as it may land here: the role stays the one the trainers
/// gave, and in an exchange only her own place follows her bundle. What was not followed is
/// added to `ignored`, for the preview to say.
fn as_hers_may(
    key: &str,
    value: &Value,
    ours: Option<&Value>,
    trainee: &PersonId,
    ignored: &mut Vec<Change>,
) -> Value {
    let mut value = value.clone();
    if let Some(role) = trainers_only(key, &value, ours) {
        // Her profile is hers to change, not the role the trainers gave her.
        value["role"] = role;
        ignored.push(Change {
            kind: Kind::Person,
            title: title(Kind::Person, &value),
            effect: Effect::Changed(vec!["role".to_owned()]),
        });
    }
    if let Some(fixed) = own_place_only(key, Some(&value), ours, trainee) {
        ignored.push(people_kept(&fixed));
        value = fixed;
    }
    if let Some(kept) = trainers_answer(key, &value, ours) {
        // Only her trainers answer what she proposes: their answer (or none yet) stays.
        if value.get("answer").is_some_and(|a| !a.is_null()) {
            ignored.push(Change {
                kind: Kind::Proposal,
                title: title(Kind::Proposal, &value),
                effect: Effect::OwnAnswer,
            });
        }
        if kept.is_null() {
            if let Some(record) = value.as_object_mut() {
                record.remove("answer");
            }
        } else {
            value["answer"] = kept;
        }
    }
    value
}

/// The answer held here, when a trainee's bundle carries another on one of her proposals:
/// `null` when the trainers have not answered yet. A trainee's Cercle never writes an answer,
/// so a different one was written by hand.
fn trainers_answer(key: &str, theirs: &Value, ours: Option<&Value>) -> Option<Value> {
    if !matches!(Kind::of(key), Some((Kind::Proposal, _))) {
        return None;
    }
    let answer = |record: Option<&Value>| {
        record
            .and_then(|r| r.get("answer"))
            .cloned()
            .unwrap_or(Value::Null)
    };
    let ours = answer(ours);
    (answer(Some(theirs)) != ours).then_some(ours)
}

/// The exchanges her bundle dropped, as they stay here: without her, unless they were hers
/// alone (then they go).
fn left_by_her(
    dropped: &[&String],
    ours_of: &dyn Fn(&str) -> Option<Value>,
    trainee: &PersonId,
) -> Vec<(String, Value)> {
    dropped
        .iter()
        .filter_map(|key| {
            let fixed = own_place_only(key, None, ours_of(key).as_ref(), trainee)?;
            Some(((*key).clone(), fixed))
        })
        .collect()
}

/// The note that a trainee's bundle changed who else took part in an exchange, and was not
/// followed there.
fn people_kept(exchange: &Value) -> Change {
    Change {
        kind: Kind::Exchange,
        title: title(Kind::Exchange, exchange),
        effect: Effect::Changed(vec!["people".to_owned()]),
    }
}

/// Refuses a bundle that is not for this side of the exchange.
fn check_side(data: &Data, bundle: &Bundle, importer: &Importer<'_>) -> Result<(), BundleError> {
    if let Some(me) = importer.me {
        return check_recipient(data, bundle, me);
    }
    let theirs_copy = data
        .cohort(&bundle.cohort)
        .is_some_and(|c| trainers_copy(c, &bundle.trainee));
    if bundle.audience == Audience::Trainee && (importer.trainer || theirs_copy) {
        // Nobody said who they are, but this is the trainers' side: a bundle made for a
        // trainee would re-sort their sheets, raise false conflicts, and make them her.
        return Err(not_for_you(data, bundle));
    }
    Ok(())
}

/// Refuses a bundle meant for someone else: a trainee takes only their own, and a trainee's
/// bundle is for the trainers.
fn check_recipient(data: &Data, bundle: &Bundle, me: &PersonId) -> Result<(), BundleError> {
    let known = data.cohort(&bundle.cohort);
    let mine = match bundle.audience {
        Audience::Trainee => me == &bundle.trainee,
        Audience::Trainers => !known.is_some_and(|c| c.trainees.contains(me)),
    };
    if mine {
        return Ok(());
    }
    Err(not_for_you(data, bundle))
}

/// The role the trainers gave, when a trainee's bundle changes it on a person record.
fn trainers_only(key: &str, theirs: &Value, ours: Option<&Value>) -> Option<Value> {
    if !matches!(Kind::of(key), Some((Kind::Person, _))) {
        return None;
    }
    let role = ours?.get("role")?;
    (theirs.get("role") != Some(role)).then(|| role.clone())
}

/// Whether this copy of a cohort is the trainers': it holds what no trainee's bundle carries,
/// another trainee's marks, funding or the follow-up log.
pub fn trainers_copy(cohort: &crate::domain::Cohort, trainee: &PersonId) -> bool {
    !cohort.funding.is_empty()
        || !cohort.follow_ups.is_empty()
        || cohort
            .seminars
            .iter()
            .flat_map(|s| &s.half_days)
            .flat_map(|h| &h.marks)
            .any(|m| &m.trainee != trainee)
}

/// The refusal of a bundle meant for someone else, naming who it is for.
fn not_for_you(data: &Data, bundle: &Bundle) -> BundleError {
    let name = data
        .person(&bundle.trainee)
        .map(|p| p.name.clone())
        .or_else(|| {
            let record = bundle
                .records
                .get(&Kind::Person.key(bundle.trainee.as_str()))?;
            Some(title(Kind::Person, record))
        })
        .unwrap_or_else(|| bundle.trainee.to_string());
    BundleError::NotForYou(match bundle.audience {
        Audience::Trainee => Some(name),
        Audience::Trainers => None,
    })
}

/// Puts the merged records in the data; returns what each one undergoes.
fn apply(
    data: &mut Data,
    cohort: &CohortId,
    keys: &BTreeSet<String>,
    ours: &Records,
    merged: &serde_json::Map<String, Value>,
) -> Result<Vec<Change>, BundleError> {
    let mut changes = Vec::new();
    for key in keys {
        let before = ours.get(key);
        let after = merged.get(key);
        let Some(effect) = effect_of(before, after) else {
            continue;
        };
        let (kind, _) = Kind::of(key).ok_or(BundleError::Tampered)?;
        let shown = after.or(before).unwrap_or(&Value::Null);
        changes.push(Change {
            kind,
            title: title(kind, shown),
            effect,
        });
        records::put(data, cohort, key, after.cloned()).map_err(|e| BundleError::NotABundle {
            line: 1,
            column: 1,
            reason: e.to_string(),
        })?;
    }
    Ok(changes)
}

/// A conflict's path in the merged records, as a path in the whole document.
fn in_document(cohort: &CohortId, path: &Path) -> Path {
    let mut steps = path.0.iter();
    let Some(crate::domain::conflict::Step::Field(key)) = steps.next() else {
        return path.clone();
    };
    let mut full = records::path(cohort, key);
    full.0.extend(steps.cloned());
    full
}

fn effect_of(before: Option<&Value>, after: Option<&Value>) -> Option<Effect> {
    match (before, after) {
        (None, Some(_)) => Some(Effect::Added),
        (Some(_), None) => Some(Effect::Removed),
        (Some(b), Some(a)) if a != b => {
            let fields = match (b.as_object(), a.as_object()) {
                (Some(b), Some(a)) => a
                    .keys()
                    .chain(b.keys())
                    .filter(|k| a.get(*k) != b.get(*k))
                    .cloned()
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect(),
                _ => Vec::new(),
            };
            Some(Effect::Changed(fields))
        }
        _ => None,
    }
}

/// A record's name in domain words.
pub fn title(kind: Kind, value: &Value) -> String {
    let text = |field: &str| {
        value
            .get(field)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned()
    };
    match kind {
        Kind::Programme | Kind::Knowledge => text("title"),
        Kind::Cohort | Kind::Venue | Kind::Person => text("name"),
        Kind::TutorRequest => text("subject"),
        Kind::Proposal => text("competency"),
        Kind::Exchange => text("date"),
        Kind::Seminar => {
            let dates: Vec<&str> = value
                .get("half_days")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|h| h.get("date").and_then(Value::as_str))
                .collect();
            match (dates.first(), dates.last()) {
                (Some(first), Some(last)) if first != last => format!("{first} – {last}"),
                (Some(first), _) => (*first).to_owned(),
                _ => text("id"),
            }
        }
    }
}
