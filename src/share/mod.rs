//! Sharing data between machines without a server: the merge by stable ids that bundles and
//! git sync both use, and choosing a side when a merge left a conflict.

pub mod bundle;
pub mod describe;
pub mod import;
pub mod preview;
pub mod project;
pub mod received;
pub mod records;
pub mod signatures;
pub mod threeway;

use crate::domain::conflict::{Conflict, Step};
use crate::domain::shared::Shared;
use crate::domain::{Cohort, CohortId, Data};
use serde_json::Value;
pub use threeway::{Merged, Prefer, Sides, canonical, merge};

/// Why two documents could not be merged.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// A document could not be turned into JSON or back (a merge of two valid documents gave
    /// an invalid one).
    #[error("the merged document is not valid: {0}")]
    Invalid(#[from] serde_json::Error),
    /// The two documents have different schema versions.
    #[error(
        "schema versions differ ({ours} here, {theirs} there); open each with this version of Cercle first"
    )]
    Versions {
        /// Ours.
        ours: u32,
        /// Theirs.
        theirs: u32,
    },
}

/// Merges two edits of `base`; the conflicts met are added to the result's
/// [`Data::conflicts`], once each.
pub fn merge_data(
    base: Option<&Data>,
    ours: &Data,
    theirs: &Data,
    sides: &Sides,
) -> Result<Data, MergeError> {
    if ours.schema_version != theirs.schema_version {
        return Err(MergeError::Versions {
            ours: ours.schema_version,
            theirs: theirs.schema_version,
        });
    }
    // Cohorts hold nearly all the data: each is merged on its own, and only when both sides
    // changed it, so that a large file never becomes one JSON tree in memory.
    let shell = |d: &Data| Data {
        schema_version: d.schema_version,
        programme: d.programme.clone(),
        organisation: d.organisation.clone(),
        people: d.people.clone(),
        venues: d.venues.clone(),
        cohorts: crate::domain::records::Records::default(),
        current_cohort: d.current_cohort.clone(),
        conflicts: d.conflicts.clone(),
    };
    let base_shell = base.map(|b| serde_json::to_value(shell(b))).transpose()?;
    let merged = merge(
        base_shell.as_ref(),
        &serde_json::to_value(shell(ours))?,
        &serde_json::to_value(shell(theirs))?,
        sides,
    );
    let mut data: Data = serde_json::from_value(merged.value)?;
    let mut found = merged.conflicts;
    data.cohorts = merge_cohorts(base, ours, theirs, sides, &mut found)?.into();
    add_conflicts(&mut data.conflicts, found);
    Ok(data)
}

fn find<'a>(list: &'a [Shared<Cohort>], id: &CohortId) -> Option<&'a Shared<Cohort>> {
    list.iter().find(|c| &c.id == id)
}

/// The cohorts merged by id, in the order the generic merge would give: the base's first, then
/// the added ones by id.
fn merge_cohorts(
    base: Option<&Data>,
    ours: &Data,
    theirs: &Data,
    sides: &Sides,
    found: &mut Vec<Conflict>,
) -> Result<Vec<Shared<Cohort>>, MergeError> {
    let base: &[Shared<Cohort>] = base.map_or(&[], |b| &b.cohorts[..]);
    let (mine, other) = (&ours.cohorts[..], &theirs.cohorts[..]);
    if mine == other || base == other {
        return Ok(mine.to_vec());
    }
    if base == mine {
        return Ok(other.to_vec());
    }
    let mut order: Vec<&CohortId> = base.iter().map(|c| &c.id).collect();
    let added: std::collections::BTreeSet<_> = ours
        .cohorts
        .iter()
        .chain(&theirs.cohorts)
        .map(|c| &c.id)
        .filter(|id| find(base, id).is_none())
        .collect();
    order.extend(added);
    let mut merged = Vec::with_capacity(order.len());
    for id in order {
        let (b, o, t) = (
            find(base, id),
            find(&ours.cohorts, id),
            find(&theirs.cohorts, id),
        );
        let picked = if o == t {
            o.cloned()
        } else if b == o {
            t.cloned()
        } else if b == t {
            o.cloned()
        } else {
            let json = |c: Option<&Shared<Cohort>>| c.map(serde_json::to_value).transpose();
            let mut selector = serde_json::Map::new();
            selector.insert("id".to_owned(), Value::from(id.as_str()));
            let path = vec![Step::Field("cohorts".to_owned()), Step::Item(selector)];
            let (value, conflicts) = threeway::merge_at(
                path,
                json(b)?.as_ref(),
                json(o)?.as_ref(),
                json(t)?.as_ref(),
                sides,
            );
            found.extend(conflicts);
            value.map(serde_json::from_value).transpose()?
        };
        merged.extend(picked);
    }
    Ok(merged)
}

/// Adds conflicts not already waiting (the same field with the same two values), so that a
/// merge run twice does not ask twice.
pub fn add_conflicts(waiting: &mut Vec<Conflict>, found: Vec<Conflict>) {
    for conflict in found {
        let known = waiting
            .iter()
            .any(|w| w.path == conflict.path && same_values(w, &conflict));
        if !known {
            waiting.push(conflict);
        }
    }
}

fn same_values(a: &Conflict, b: &Conflict) -> bool {
    a.choices
        .iter()
        .zip(&b.choices)
        .all(|(x, y)| x.value == y.value)
}

/// Why a conflict could not be settled.
#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    /// The record it points to no longer exists (it was deleted since).
    #[error("the field {0} is no longer in the document")]
    Gone(String),
    /// The chosen value does not fit the document.
    #[error("the chosen value does not fit: {0}")]
    Invalid(#[from] serde_json::Error),
}

/// Settles conflict number `index` with choice `choice` (0 or 1): puts that value in the
/// document, and removes the conflict with any other waiting on the same field, since the
/// field is now decided.
pub fn resolve(data: &mut Data, index: usize, choice: usize) -> Result<(), ResolveError> {
    let Some(conflict) = data.conflicts.get(index).cloned() else {
        return Err(ResolveError::Gone(format!("#{index}")));
    };
    let choice = choice.min(1);
    let value = conflict.choices[choice].value.clone();
    // Written even when it is the side kept: the field may have changed since (another
    // conflict on it settled, an edit), and the choice is what the user saw.
    let deleted_already = choice == conflict.kept && value.is_none();
    match put(data, &conflict.path.0, value) {
        Ok(()) => {}
        Err(None) if deleted_already => {}
        Err(e) => return Err(e.unwrap_or_else(|| ResolveError::Gone(conflict.path.to_string()))),
    }
    data.conflicts.retain(|c| c.path != conflict.path);
    Ok(())
}

/// Writes `value` (or deletes, for `None`) at `path`. Only the cohort or person the path goes
/// through is converted to JSON and back, so one choice stays cheap in a large file.
fn put(data: &mut Data, path: &[Step], value: Option<Value>) -> Result<(), Option<ResolveError>> {
    if let [Step::Field(list), Step::Item(selector), rest @ ..] = path
        && !rest.is_empty()
    {
        let id = selector.get("id").and_then(Value::as_str);
        match list.as_str() {
            "cohorts" => {
                let cohort = data.cohorts.iter_mut().find(|c| Some(c.id.as_str()) == id);
                return put_in(cohort.ok_or(None)?, rest, value);
            }
            "people" => {
                let person = data.people.iter_mut().find(|p| Some(p.id.as_str()) == id);
                return put_in(person.ok_or(None)?, rest, value);
            }
            _ => {}
        }
    }
    let conflicts = std::mem::take(&mut data.conflicts);
    let done = put_in(data, path, value);
    data.conflicts = conflicts;
    done
}

fn put_in<T>(
    record: &mut T,
    path: &[Step],
    value: Option<Value>,
) -> Result<(), Option<ResolveError>>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    let mut document = serde_json::to_value(&*record).map_err(|e| Some(e.into()))?;
    set(&mut document, path, value).ok_or(None)?;
    *record = serde_json::from_value(document).map_err(|e| Some(e.into()))?;
    Ok(())
}

/// Sets or deletes the value at `path`; `None` when the path leads nowhere.
fn set(document: &mut Value, path: &[Step], value: Option<Value>) -> Option<()> {
    let (last, parents) = path.split_last()?;
    let mut here = document;
    for step in parents {
        here = child(here, step)?;
    }
    match (last, value) {
        (Step::Field(name), Some(v)) => {
            here.as_object_mut()?.insert(name.clone(), v);
        }
        (Step::Field(name), None) => {
            here.as_object_mut()?.remove(name);
        }
        (Step::Item(selector), value) => {
            let elements = here.as_array_mut()?;
            let at = elements.iter().position(|e| matches(e, selector));
            match (at, value) {
                (Some(i), Some(v)) => elements[i] = v,
                (Some(i), None) => {
                    elements.remove(i);
                }
                (None, Some(v)) => elements.push(v),
                (None, None) => {}
            }
        }
    }
    Some(())
}

fn child<'a>(here: &'a mut Value, step: &Step) -> Option<&'a mut Value> {
    match step {
        Step::Field(name) => here.get_mut(name.as_str()),
        Step::Item(selector) => here
            .as_array_mut()?
            .iter_mut()
            .find(|e| matches(e, selector)),
    }
}

/// The value at `path` (`None` when the record or field is not there). As for [`resolve`], only
/// the cohort or person the path goes through is converted to JSON.
pub fn value_at(data: &Data, path: &[Step]) -> Option<Value> {
    if let [Step::Field(list), Step::Item(selector), rest @ ..] = path
        && !rest.is_empty()
        && matches!(list.as_str(), "cohorts" | "people")
    {
        let id = selector.get("id").and_then(Value::as_str)?;
        let record = if list == "cohorts" {
            let cohort = data.cohorts.iter().find(|c| c.id.as_str() == id)?;
            serde_json::to_value(cohort)
        } else {
            let person = data.people.iter().find(|p| p.id.as_str() == id)?;
            serde_json::to_value(person)
        };
        return get(&record.ok()?, rest).cloned();
    }
    get(&serde_json::to_value(data).ok()?, path).cloned()
}

fn get<'a>(document: &'a Value, path: &[Step]) -> Option<&'a Value> {
    path.iter().try_fold(document, |here, step| match step {
        Step::Field(name) => here.get(name.as_str()),
        Step::Item(selector) => here.as_array()?.iter().find(|e| matches(e, selector)),
    })
}

fn matches(element: &Value, selector: &serde_json::Map<String, Value>) -> bool {
    selector
        .iter()
        .all(|(field, value)| element.get(field) == Some(value))
}
