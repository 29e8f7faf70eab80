//! A three-way merge of two edits of one JSON document, by stable ids.
//!
//! Bundles (between a trainer and the trainees) and git sync (between trainers) both come down
//! to this: a common base, our edit and theirs. Records are matched by id, a field changed on
//! one side only is taken, and a field changed differently on both sides becomes a
//! [`Conflict`], kept in the document for someone to choose, never dropped.

use crate::domain::conflict::{Choice, Conflict, Path, Step};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Which value stays in the document while a conflict waits for someone to choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prefer {
    /// Ours: an import never changes what the user sees until they choose.
    Ours,
    /// A fixed order of the values, so that the result is the same whichever side is "ours"
    /// (git's merge driver needs this for every machine to converge).
    Canonical,
}

/// How to merge, and how to label the two sides in the conflicts.
#[derive(Debug, Clone)]
pub struct Sides {
    /// Where our values come from, e.g. "this machine".
    pub ours: String,
    /// Where theirs come from, e.g. "bundle from Camille Dubois".
    pub theirs: String,
    /// Which value stays while a conflict waits.
    pub prefer: Prefer,
    /// When the merge runs.
    pub now: DateTime<Utc>,
}

/// The merged document and the conflicts met on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The merged document.
    pub value: Value,
    /// Fields changed differently on both sides.
    pub conflicts: Vec<Conflict>,
}

/// Merges `ours` and `theirs`, two edits of `base` (`None` when they share no history).
pub fn merge(base: Option<&Value>, ours: &Value, theirs: &Value, sides: &Sides) -> Merged {
    let (value, conflicts) = merge_at(Vec::new(), base, Some(ours), Some(theirs), sides);
    Merged {
        value: value.unwrap_or(Value::Null),
        conflicts,
    }
}

/// Merges one element found at `path` in a larger document (`None`: absent on that side);
/// conflicts carry the whole path.
pub fn merge_at(
    path: Vec<Step>,
    base: Option<&Value>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    sides: &Sides,
) -> (Option<Value>, Vec<Conflict>) {
    let mut merger = Merger {
        sides,
        path,
        conflicts: Vec::new(),
    };
    let value = merger.value(base, ours, theirs, "");
    (value, merger.conflicts)
}

/// The text of a value with its keys in order, so equal values compare equal as text.
/// (`serde_json`'s map is ordered by key unless its `preserve_order` feature is on.)
pub fn canonical(value: &Value) -> String {
    value.to_string()
}

struct Merger<'a> {
    sides: &'a Sides,
    path: Vec<Step>,
    conflicts: Vec<Conflict>,
}

impl Merger<'_> {
    /// Merges one value; `None` means absent (never added, or deleted).
    fn value(
        &mut self,
        base: Option<&Value>,
        ours: Option<&Value>,
        theirs: Option<&Value>,
        name: &str,
    ) -> Option<Value> {
        if ours == theirs {
            return ours.cloned();
        }
        if base == ours {
            return theirs.cloned();
        }
        if base == theirs {
            return ours.cloned();
        }
        if name == WHOLE || WHOLE_FIELDS.contains(&name) {
            return self.conflict(base, ours, theirs);
        }
        match (ours, theirs) {
            // The top is a document or a map of records, never an enum variant.
            (Some(Value::Object(o)), Some(Value::Object(t)))
                if self.path.is_empty() || !variants(o, t) =>
            {
                let b = base.and_then(Value::as_object);
                Some(Value::Object(self.objects(b, o, t)))
            }
            (Some(Value::Array(o)), Some(Value::Array(t))) => {
                let b = base.and_then(Value::as_array);
                Some(Value::Array(self.arrays(name, b, o, t)))
            }
            _ => self.conflict(base, ours, theirs),
        }
    }

    fn objects(
        &mut self,
        base: Option<&Map<String, Value>>,
        ours: &Map<String, Value>,
        theirs: &Map<String, Value>,
    ) -> Map<String, Value> {
        let keys: BTreeSet<&String> = ours.keys().chain(theirs.keys()).collect();
        let mut merged = Map::new();
        for key in keys {
            self.path.push(Step::Field(key.clone()));
            let b = base.and_then(|b| b.get(key));
            if let Some(v) = self.value(b, ours.get(key), theirs.get(key), key) {
                merged.insert(key.clone(), v);
            }
            self.path.pop();
        }
        // A key only the base had was deleted on both sides: it stays deleted.
        merged
    }

    fn arrays(
        &mut self,
        name: &str,
        base: Option<&Vec<Value>>,
        ours: &[Value],
        theirs: &[Value],
    ) -> Vec<Value> {
        let empty = Vec::new();
        let base = base.unwrap_or(&empty);
        let fields = identity(name, [base.as_slice(), ours, theirs]);
        let (Some(b), Some(o), Some(t)) = (
            keyed(base, fields),
            keyed(ours, fields),
            keyed(theirs, fields),
        ) else {
            // Two elements share a key: merge as a set of whole values instead.
            let (b, o, t) = (whole(base), whole(ours), whole(theirs));
            return self.keyed_arrays(name, base, &b, &o, &t);
        };
        self.keyed_arrays(name, base, &b, &o, &t)
    }

    /// Merges elements matched by key: base order first, then additions in key order, so the
    /// result does not depend on which side is ours.
    fn keyed_arrays(
        &mut self,
        name: &str,
        base: &[Value],
        b: &Keyed<'_>,
        o: &Keyed<'_>,
        t: &Keyed<'_>,
    ) -> Vec<Value> {
        let mut order: Vec<&String> = base.iter().filter_map(|v| b.key_of(v)).collect::<Vec<_>>();
        let added: BTreeSet<&String> = o
            .items
            .keys()
            .chain(t.items.keys())
            .filter(|k| !b.items.contains_key(*k))
            .collect();
        order.extend(added);
        let mut merged = Vec::with_capacity(order.len());
        for key in order {
            let (selector, bv) = b
                .items
                .get(key)
                .map_or((None, None), |(s, v)| (Some(s), Some(*v)));
            let ov = o.items.get(key).map(|(_, v)| *v);
            let tv = t.items.get(key).map(|(_, v)| *v);
            let selector = selector
                .or_else(|| o.items.get(key).map(|(s, _)| s))
                .or_else(|| t.items.get(key).map(|(s, _)| s))
                .cloned()
                .unwrap_or_default();
            self.path.push(Step::Item(selector));
            let whole = if WHOLE_ITEMS.contains(&name) {
                WHOLE
            } else {
                ""
            };
            if let Some(v) = self.value(bv, ov, tv, whole) {
                merged.push(v);
            }
            self.path.pop();
        }
        merged
    }

    /// Records a conflict and returns the value that stays in the document meanwhile.
    fn conflict(
        &mut self,
        base: Option<&Value>,
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        let mine = Choice {
            value: ours.cloned(),
            from: self.sides.ours.clone(),
        };
        let other = Choice {
            value: theirs.cloned(),
            from: self.sides.theirs.clone(),
        };
        let text = |c: &Choice| c.value.as_ref().map(canonical);
        let ours_first = text(&mine) <= text(&other);
        let choices = if ours_first {
            [mine, other]
        } else {
            [other, mine]
        };
        // A deleted record against an edited one: keep the edit, so no work is lost. Otherwise
        // ours, or the greater value when the result must not depend on the side.
        let kept = if choices[0].value.is_none() {
            1
        } else {
            match self.sides.prefer {
                Prefer::Ours => usize::from(!ours_first),
                Prefer::Canonical => 1,
            }
        };
        let value = choices[kept].value.clone();
        self.conflicts.push(Conflict {
            path: Path(self.path.clone()),
            base: base.cloned(),
            choices,
            kept,
            found: self.sides.now,
        });
        value
    }
}

/// Lists whose elements are each one fact, never mixed field by field from two machines: a mark's
/// status, time, reason and author belong together.
const WHOLE_ITEMS: [&str; 2] = ["marks", "evaluations"];
/// Fields that are one fact each in the same way: who signed and when; a session's date, time
/// and place; an evaluation.
const WHOLE_FIELDS: [&str; 3] = ["signature", "session", "evaluation"];
/// The name given to an element of a [`WHOLE_ITEMS`] list.
const WHOLE: &str = "#whole";

/// Two different enum variants such as `{"module": "m-1"}` and `{"block": "b-2"}` are one value
/// each, not fields to mix: an object of one key, other than a record's id, against another key.
fn variants(ours: &Map<String, Value>, theirs: &Map<String, Value>) -> bool {
    let single = |m: &Map<String, Value>| m.len() == 1 && !m.contains_key("id");
    (single(ours) || single(theirs)) && !ours.keys().eq(theirs.keys())
}

/// The fields that identify an element of the list called `name`.
fn identity(name: &str, lists: [&[Value]; 3]) -> &'static [&'static str] {
    let by_name: &'static [&'static str] = match name {
        "marks" | "departures" | "candidacies" => &["trainee"],
        "funding" => &["trainee", "source"],
        "assessments" => &["trainee", "competency"],
        "evaluations" => &["by"],
        _ => &[],
    };
    if !by_name.is_empty() {
        return by_name;
    }
    let all_have_ids = lists
        .iter()
        .flat_map(|l| l.iter())
        .all(|v| v.get("id").is_some_and(Value::is_string));
    let any = lists.iter().any(|l| !l.is_empty());
    if all_have_ids && any { &["id"] } else { &[] }
}

/// Elements by key: the key's text, its selector and the element.
struct Keyed<'a> {
    items: BTreeMap<String, (Map<String, Value>, &'a Value)>,
    fields: &'static [&'static str],
}

impl Keyed<'_> {
    fn key_of(&self, value: &Value) -> Option<&String> {
        let (text, _) = key(value, self.fields)?;
        self.items.get_key_value(&text).map(|(k, _)| k)
    }
}

/// Keys the list by `fields` (by the whole value when there are none); `None` if a key repeats
/// or an element lacks it.
fn keyed<'a>(list: &'a [Value], fields: &'static [&'static str]) -> Option<Keyed<'a>> {
    let mut items = BTreeMap::new();
    for value in list {
        let (text, selector) = key(value, fields)?;
        if items.insert(text, (selector, value)).is_some() {
            return None;
        }
    }
    Some(Keyed { items, fields })
}

/// The list as a set of whole values (repeats collapse).
fn whole(list: &[Value]) -> Keyed<'_> {
    let items = list
        .iter()
        .filter_map(|value| key(value, &[]).map(|(text, selector)| (text, (selector, value))))
        .collect();
    Keyed { items, fields: &[] }
}

fn key(value: &Value, fields: &[&str]) -> Option<(String, Map<String, Value>)> {
    if fields.is_empty() {
        let mut selector = Map::new();
        selector.insert("value".to_owned(), value.clone());
        return Some((canonical(value), selector));
    }
    let mut selector = Map::new();
    for field in fields {
        selector.insert((*field).to_owned(), value.get(*field)?.clone());
    }
    Some((canonical(&Value::Object(selector.clone())), selector))
}
