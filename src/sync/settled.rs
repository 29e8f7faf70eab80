//! A conflict settled on two laptops, each choosing before hearing of the other's choice. A
//! laptop that chose the value already in the file changed nothing but the list of conflicts,
//! so a plain three-way merge would take the other laptop's choice and drop this one silently.
//! The merge asks again instead, whichever laptop merges.

use crate::domain::Data;
use crate::domain::conflict::{Choice, Conflict};
use crate::share::{add_conflicts, value_at};
use chrono::{DateTime, Utc};

/// Adds to `merged` a conflict for each one of `base` that both sides settled differently.
pub fn ask_again_when_chosen_differently(
    base: Option<&Data>,
    ours: &Data,
    theirs: &Data,
    merged: &mut Data,
    now: DateTime<Utc>,
) {
    let Some(base) = base else { return };
    let waiting = |data: &Data, conflict: &Conflict| {
        data.conflicts.iter().any(|c| {
            c.path == conflict.path
                && c.choices
                    .iter()
                    .zip(&conflict.choices)
                    .all(|(a, b)| a.value == b.value)
        })
    };
    let mut again = Vec::new();
    for settled in base
        .conflicts
        .iter()
        .filter(|c| !waiting(ours, c) && !waiting(theirs, c))
    {
        let path = &settled.path.0;
        let (mine, other) = (value_at(ours, path), value_at(theirs, path));
        if mine == other {
            continue;
        }
        // A fixed order, so that both laptops reach the same file.
        let text = |v: &Option<serde_json::Value>| v.as_ref().map(ToString::to_string);
        let mut values = [mine, other];
        values.sort_by_key(text);
        let in_file = value_at(merged, path);
        // Neither value in the file: the merge met the field changed on both sides and already
        // asks about it.
        let Some(kept) = values.iter().position(|v| *v == in_file) else {
            continue;
        };
        let [first, second] = values;
        again.push(Conflict {
            path: settled.path.clone(),
            base: value_at(base, path),
            choices: [first, second].map(|value| Choice {
                value,
                from: String::new(),
            }),
            kept,
            found: now,
        });
    }
    add_conflicts(&mut merged.conflicts, again);
}
