//! A roll call signed on one laptop while another, not yet aware of the signature, changed a
//! mark: the merge keeps the other laptop's mark, and the sheet's history records it as a
//! change after signing, as the roll call itself would have. A signed sheet never changes
//! silently, whichever laptop merges.

use crate::domain::{Data, HalfDay, MarkChange};
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// The reason written in the history, in both languages of the app: the file is read by
/// funders and auditors whatever the language of the laptop that merged.
pub const LATE_CHANGE_REASON: &str = "changed on another laptop before the signature reached it \
     · modifié sur un autre poste avant d'y recevoir la signature";

/// Adds to the history of each half-day signed on one side only the marks the other side changed.
pub fn record_late_changes(
    base: Option<&Data>,
    ours: &Data,
    theirs: &Data,
    merged: &mut Data,
    now: DateTime<Utc>,
) {
    let (b, o, t) = (
        base.map(half_days).unwrap_or_default(),
        half_days(ours),
        half_days(theirs),
    );
    let days = merged
        .cohorts
        .iter_mut()
        .flat_map(|c| c.seminars.iter_mut())
        .flat_map(|s| s.half_days.iter_mut());
    for day in days {
        let (Some(mine), Some(other)) = (o.get(day.id.as_str()), t.get(day.id.as_str())) else {
            continue;
        };
        let (signer, unaware) = match (&mine.signature, &other.signature) {
            (Some(_), None) => (*mine, *other),
            (None, Some(_)) => (*other, *mine),
            _ => continue,
        };
        if signer.signature != day.signature {
            continue;
        }
        let before = b.get(day.id.as_str()).copied();
        record(day, signer, unaware, before, now);
    }
}

fn record(
    day: &mut HalfDay,
    signer: &HalfDay,
    unaware: &HalfDay,
    before: Option<&HalfDay>,
    now: DateTime<Utc>,
) {
    let Some(signature) = day.signature.clone() else {
        return;
    };
    let mut changes = Vec::new();
    for mark in &day.marks {
        let changed_there =
            unaware.mark_of(&mark.trainee) != before.and_then(|b| b.mark_of(&mark.trainee));
        let as_signed = signer.mark_of(&mark.trainee);
        if !changed_there || as_signed.map(|s| s.status) == Some(mark.status) {
            continue;
        }
        let change = MarkChange {
            trainee: mark.trainee.clone(),
            by: mark.by.clone().unwrap_or_else(|| signature.by.clone()),
            at: mark.at.unwrap_or(now),
            from: as_signed.map(|s| s.status),
            to: mark.status,
            from_time: as_signed.and_then(|s| s.time),
            to_time: mark.time,
            reason: LATE_CHANGE_REASON.to_owned(),
            withdraws: None,
        };
        // A merge run again (or on the other laptop) must not write it twice.
        if !day.history.contains(&change) {
            changes.push(change);
        }
    }
    day.history.extend(changes);
}

fn half_days(data: &Data) -> HashMap<&str, &HalfDay> {
    data.cohorts
        .iter()
        .flat_map(|c| &c.seminars)
        .flat_map(|s| &s.half_days)
        .map(|h| (h.id.as_str(), h))
        .collect()
}
