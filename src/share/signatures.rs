//! Signatures that travel in bundles. A trainee signs her half-days in her own Cercle with the
//! key she chose in the room (the trainers' bundle brings her its public half and salt); her
//! bundle carries the signed lines back, with her key; the trainers' import checks each one
//! against their own sheet before recording it, and registers her key at her first signature.

use super::bundle::{Audience, Bundle};
use crate::domain::seal::{SheetError, receive_line};
use crate::domain::signing::{self, Adopted};
use crate::domain::{Data, HalfDayId, Period};
use chrono::NaiveDate;

/// One signed line a bundle brought, and whether it was recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The half-day it signs.
    pub half_day: HalfDayId,
    /// Its date and period, when this data has it.
    pub when: Option<(NaiveDate, Period)>,
    /// Recorded, or why not.
    pub outcome: Result<(), SheetError>,
}

/// What an import did with the signing a bundle carries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signing {
    /// The fingerprint of a key registered now, to confirm with its owner in person.
    pub new_key: Option<String>,
    /// The fingerprint of a key refused: she has another one here.
    pub refused_key: Option<String>,
    /// The lines signed since the last bundle: recorded or refused.
    pub lines: Vec<Line>,
}

impl Signing {
    /// Whether the import records nothing of the signing.
    pub fn is_empty(&self) -> bool {
        self.new_key.is_none() && self.refused_key.is_none() && self.lines.is_empty()
    }
}

/// Takes the keys and signed lines of `bundle` into its cohort in `data`. From the
/// trainers: her own keys, with their resets. From her: her keys (a new one only when she has
/// none here) and each line she signed, checked; one already recorded is not listed again.
pub fn receive(data: &mut Data, bundle: &Bundle) -> Signing {
    let mut signing = Signing::default();
    let Some(cohort) = data.cohort_mut(&bundle.cohort) else {
        return signing;
    };
    let from_trainers = bundle.audience == Audience::Trainee;
    for key in bundle.keys.iter().filter(|k| k.person == bundle.trainee) {
        match signing::adopt(&mut cohort.keys, key, from_trainers) {
            Adopted::New if !from_trainers => {
                signing.new_key = Some(signing::fingerprint(&key.public));
            }
            Adopted::Refused if !from_trainers => {
                signing.refused_key = Some(signing::fingerprint(&key.public));
            }
            _ => {}
        }
    }
    if from_trainers {
        return signing;
    }
    for signed in &bundle.signatures {
        let sheet = cohort
            .seminars
            .iter()
            .flat_map(|s| &s.half_days)
            .find(|h| h.id == signed.half_day);
        let when = sheet.map(|h| (h.date, h.period));
        let known = sheet
            .and_then(|h| h.mark_of(&bundle.trainee)?.signed.as_deref())
            .is_some_and(|s| s == signed);
        if known {
            continue;
        }
        let outcome = receive_line(cohort, &bundle.trainee, signed);
        signing.lines.push(Line {
            half_day: signed.half_day.clone(),
            when,
            outcome,
        });
    }
    signing
}
