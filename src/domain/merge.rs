//! Merging two records of the same person: finding them, and folding one into the other so that
//! every reference to the record that goes points to the one that stays.

use super::fold::fold;
use super::{Data, Person, PersonId};

/// The other records that look like the same person as `data.people[i]`: a shared email
/// (ignoring case) or the same name (ignoring case and accents).
pub fn duplicates(data: &Data, i: usize) -> Vec<usize> {
    let Some(person) = data.people.get(i) else {
        return Vec::new();
    };
    let name = fold(person.name.trim());
    let emails: Vec<String> = person.emails.iter().map(|e| e.to_lowercase()).collect();
    data.people
        .iter()
        .enumerate()
        .filter(|&(j, other)| {
            j != i
                && (fold(other.name.trim()) == name
                    || other
                        .emails
                        .iter()
                        .any(|e| emails.contains(&e.to_lowercase())))
        })
        .map(|(j, _)| j)
        .collect()
}

/// Replaces the record `merged.id` by `merged`, removes the record `gone`, and points every
/// reference to `gone` (rosters, marks, signatures, requests, follow-ups, venue hosts) to the
/// record that stays. A cohort that listed both keeps the person once.
pub fn merge(data: &mut Data, merged: Person, gone: &PersonId) -> Result<(), String> {
    let keep = merged.id.clone();
    data.people.retain(|p| &p.id != gone);
    if let Some(slot) = data.people.iter_mut().find(|p| p.id == keep) {
        *slot = merged.into();
    }
    // References are renamed through the JSON form, so that a field added to the model later
    // is covered without touching this code.
    for cohort in &mut data.cohorts {
        let mut value = serde_json::to_value(&*cohort).map_err(|e| e.to_string())?;
        if rename(&mut value, gone.as_str(), keep.as_str()) {
            *cohort = serde_json::from_value(value).map_err(|e| e.to_string())?;
            let cohort = &mut **cohort;
            for list in [&mut cohort.trainees, &mut cohort.trainers] {
                let mut seen = std::collections::HashSet::new();
                list.retain(|id| seen.insert(id.clone()));
            }
        }
    }
    // Only a list that names `gone` is written to, and so copied.
    if data.venues.iter().any(|v| v.host.as_ref() == Some(gone)) {
        for venue in &mut data.venues {
            if venue.host.as_ref() == Some(gone) {
                venue.host = Some(keep.clone());
            }
        }
    }
    Ok(())
}

/// Replaces every string equal to `from` by `to`; says whether any was found.
pub(crate) fn rename(value: &mut serde_json::Value, from: &str, to: &str) -> bool {
    match value {
        serde_json::Value::String(s) if s == from => {
            to.clone_into(s);
            true
        }
        // Every value is visited: a short-circuit would leave later references behind.
        serde_json::Value::Array(items) => {
            let mut found = false;
            for v in items {
                found |= rename(v, from, to);
            }
            found
        }
        serde_json::Value::Object(map) => {
            let mut found = false;
            for v in map.values_mut() {
                found |= rename(v, from, to);
            }
            found
        }
        _ => false,
    }
}
