//! A conflict settled on two laptops, each choosing before hearing of the other's choice. A
//! laptop that chose the value already in the file changed nothing but the list of conflicts,
//! so a plain three-way merge would take the other laptop's choice and drop this one silently.
//! The merge asks again instead, whichever laptop merges.

use crate::domain::Data;
use crate::domain::conflict::{Choice, Conflict};
use crate::share::{add_conflicts, value_at};
use chrono::{DateTime, Utc};
use serde_json::Value;

/// Adds to `merged` a conflict for each one of `base` that both sides settled differently.
pub fn ask_again_when_chosen_differently(
    base: Option<&Data>,
    ours: &Data,
    theirs: &Data,
    merged: &mut Data,
    now: DateTime<Utc>,
) {
    let Some(base) = base else { return };
    let mut again = Vec::new();
    for settled in base
        .conflicts
        .iter()
        .filter(|c| !waiting(&ours.conflicts, c) && !waiting(&theirs.conflicts, c))
    {
        let path = &settled.path.0;
        let values = [value_at(ours, path), value_at(theirs, path)];
        again.extend(ask(
            settled,
            values,
            value_at(merged, path).as_ref(),
            || value_at(base, path),
            now,
        ));
    }
    add_conflicts(&mut merged.conflicts, again);
}

/// Whether `conflict` is still waiting in `list` (the same field, the same two values).
pub(super) fn waiting(list: &[Conflict], conflict: &Conflict) -> bool {
    list.iter().any(|c| {
        c.path == conflict.path
            && c.choices
                .iter()
                .zip(&conflict.choices)
                .all(|(a, b)| a.value == b.value)
    })
}

/// The conflict to ask again about `settled`, chosen as `[mine, other]` on the two sides while
/// the merged document holds `in_file`; `None` when both chose the same.
pub(super) fn ask(
    settled: &Conflict,
    [mine, other]: [Option<Value>; 2],
    in_file: Option<&Value>,
    base: impl FnOnce() -> Option<Value>,
    now: DateTime<Utc>,
) -> Option<Conflict> {
    if mine == other {
        return None;
    }
    // A fixed order, so that both laptops reach the same file.
    let text = |v: &Option<Value>| v.as_ref().map(ToString::to_string);
    let mut values = [mine, other];
    values.sort_by_key(text);
    // Neither value in the file: the merge met the field changed on both sides and already
    // asks about it.
    let kept = values.iter().position(|v| v.as_ref() == in_file)?;
    let [first, second] = values;
    Some(Conflict {
        path: settled.path.clone(),
        base: base(),
        choices: [first, second].map(|value| Choice {
            value,
            from: String::new(),
        }),
        kept,
        found: now,
    })
}
