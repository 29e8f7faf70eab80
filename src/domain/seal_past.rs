//! Signs and seals, after the fact, half-days whose roll was written without signatures: the
//! sample and the synthetic network, whose people's codes are public. Each trainee who
//! attended signs her line as it stood before any correction, the trainer seals it, and seals
//! it again after its corrections, in date order, so that `verify` passes on them.

use super::Data;
use super::attendance::{HalfDay, LineSignature, Seal};
use super::ids::PersonId;
use super::seal::{SheetContext, line_message, marks_at, next_link, seal_hash, seal_message};
use super::signing::{self, KdfParams};
use chrono::Duration;
use ed25519_dalek::SigningKey;
use rustc_hash::FxHashMap;
use sha2::{Digest, Sha256};

/// A published code needs no cost: these keys are derived quickly, and say so in their
/// parameters. Keys registered in the app use [`KdfParams::DEFAULT`].
pub const PUBLIC_CODE_KDF: KdfParams = KdfParams {
    m_kib: 64,
    t: 1,
    p: 1,
};

/// Registers a key for every trainee and trainer of every cohort (from `code_of`), then signs
/// and seals every half-day that carries a trainer signature but no seal.
pub fn sign_and_seal_past(data: &mut Data, code_of: &dyn Fn(&PersonId) -> String) {
    for c in 0..data.cohorts.len() {
        let cohort = &data.cohorts[c];
        let mut contexts = Vec::new();
        let mut order = Vec::new();
        for (s, seminar) in cohort.seminars.iter().enumerate() {
            contexts.push(SheetContext::of(data, cohort, seminar));
            for (h, half_day) in seminar.half_days.iter().enumerate() {
                if half_day.signature.is_some() && half_day.seals.is_empty() {
                    order.push((half_day.date, half_day.period, s, h));
                }
            }
        }
        order.sort_unstable();
        let cohort = &mut data.cohorts[c];
        let people: Vec<PersonId> = cohort
            .trainees
            .iter()
            .chain(&cohort.trainers)
            .cloned()
            .collect();
        let mut keys = FxHashMap::default();
        for person in people {
            let code = code_of(&person);
            let salt: [u8; 16] = Sha256::digest(format!("cercle-sample-salt/{person}").as_bytes())
                [..16]
                .try_into()
                .unwrap_or_default();
            let since = cohort
                .start
                .and_hms_opt(8, 0, 0)
                .unwrap_or_default()
                .and_utc();
            if signing::active_key(&cohort.keys, &person).is_none()
                && let Ok(key) = signing::register(
                    &mut cohort.keys,
                    &person,
                    &code,
                    &code,
                    salt,
                    PUBLIC_CODE_KDF,
                    since,
                )
            {
                keys.insert(person, key);
            }
        }
        for (_, _, s, h) in order {
            let mut seq_prev = next_link(cohort);
            let half_day = &mut cohort.seminars[s].half_days[h];
            sign_lines(half_day, &keys);
            for covered in [0, half_day.history.len()] {
                if covered > 0 || half_day.seals.is_empty() {
                    let sealed =
                        seal_once(&contexts[s], half_day, &keys, covered, seq_prev.clone());
                    if let Some(hash) = sealed {
                        seq_prev = (seq_prev.0 + 1, hash);
                    }
                }
            }
        }
    }
}

/// Each trainee who attended signs her line as it stood before any correction, ten minutes in.
fn sign_lines(half_day: &mut HalfDay, keys: &FxHashMap<PersonId, SigningKey>) {
    let at = super::clock::to_utc(half_day.date, half_day.start) + Duration::minutes(10);
    for before in marks_at(half_day, 0) {
        let Some(key) = keys.get(&before.trainee) else {
            continue;
        };
        if !before.status.attended() {
            continue;
        }
        let mut signed = LineSignature {
            half_day: half_day.id.clone(),
            status: before.status,
            time: before.time,
            at,
            key: signing::public_text(key),
            sig: String::new(),
        };
        signed.sig = signing::sign_bytes(key, &line_message(half_day, &before.trainee, &signed));
        if let Some(mark) = half_day
            .marks
            .iter_mut()
            .find(|m| m.trainee == before.trainee)
        {
            mark.signed = Some(Box::new(signed));
        }
    }
}

/// Seals the half-day with its first `covered` corrections; returns the new seal's hash.
fn seal_once(
    ctx: &SheetContext,
    half_day: &mut HalfDay,
    keys: &FxHashMap<PersonId, SigningKey>,
    covered: usize,
    (seq, prev): (u32, String),
) -> Option<String> {
    let signature = half_day.signature.as_mut()?;
    // Sealed now: what it was signed before seals existed is covered from here on.
    signature.before_seals = false;
    let signature = half_day.signature.as_ref()?;
    let key = keys.get(&signature.by)?;
    let at = match covered {
        0 => signature.at,
        n => half_day.history[n - 1].at + Duration::minutes(1),
    };
    let mut seal = Seal {
        by: signature.by.clone(),
        at,
        seq,
        prev,
        history: u32::try_from(covered).unwrap_or(u32::MAX),
        key: signing::public_text(key),
        sig: String::new(),
        role: None,
    };
    seal.sig = signing::sign_bytes(key, &seal_message(ctx, half_day, &seal));
    let hash = seal_hash(&seal);
    half_day.seals.push(seal);
    Some(hash)
}
