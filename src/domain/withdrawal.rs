//! Withdrawing a seal: undo never erases a seal. The trainer who takes a seal back records its
//! withdrawal, with her reason, signed with her key as one more link of the cohort's chain. The
//! sheet then stands unsealed: its corrections still go to the history, and it is sealed again.

use super::attendance::{HalfDay, SealWithdrawal};
use super::cohort::Cohort;
use super::ids::{HalfDayId, PersonId};
use super::seal::{SheetError, find, key_of, next_link, reason_given, seal_hash};
use super::signing;
use chrono::{DateTime, Utc};
use ed25519_dalek::SigningKey;

/// What a withdrawal signs: which cohort, half-day and seal (by its hash) it withdraws, who,
/// when and why, and its place in the chain.
pub fn withdrawal_message(
    cohort: &str,
    half_day: &HalfDay,
    withdrawal: &SealWithdrawal,
    sealed: &str,
) -> Vec<u8> {
    let content = (
        "cercle/withdrawal/1",
        cohort,
        &half_day.id,
        half_day.date,
        half_day.period,
        withdrawal.seal,
        sealed,
        &withdrawal.by,
        withdrawal.at,
        &withdrawal.reason,
        withdrawal.seq,
        &withdrawal.prev,
    );
    // A tuple of plain values always serialises.
    serde_json::to_vec(&content).unwrap_or_default()
}

/// A trainer withdraws the seal a half-day stands under, with her reason, signed with her key.
pub fn withdraw_seal(
    cohort: &mut Cohort,
    half_day: &HalfDayId,
    by: &PersonId,
    key: &SigningKey,
    at: DateTime<Utc>,
    reason: &str,
) -> Result<(), SheetError> {
    let reason = reason_given(reason)?;
    let public = key_of(cohort, by, key)?;
    let (seq, prev) = next_link(cohort);
    let id = cohort.id.as_str().to_owned();
    let sheet = find(cohort, half_day)?;
    let sealed = sheet.standing_seal().ok_or(SheetError::NotSealed)?;
    let hash = seal_hash(sealed);
    let mut withdrawal = SealWithdrawal {
        seal: sealed.seq,
        by: by.clone(),
        at,
        reason: reason.to_owned(),
        seq,
        prev,
        key: public,
        sig: String::new(),
    };
    withdrawal.sig = signing::sign_bytes(key, &withdrawal_message(&id, sheet, &withdrawal, &hash));
    sheet.withdrawals.push(withdrawal);
    Ok(())
}
