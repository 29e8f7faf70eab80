//! Checking the record: every trainee signature, every seal and the cohort's chain of seals.
//! Each problem names the seminar, the date and the period, and says what differs.

use super::Data;
use super::attendance::{HalfDay, Period, Seminar, Status};
use super::cohort::Cohort;
use super::ids::{HalfDayId, PersonId, SeminarId};
use super::seal::{SheetContext, line_message, link_hash, seal_hash, seal_message};
use super::signing::{KeyRing, was_key_of};
use super::withdrawal::withdrawal_message;
use chrono::{NaiveDate, NaiveTime};

/// Where a problem is: a seminar's half-day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The seminar.
    pub seminar: SeminarId,
    /// The half-day.
    pub half_day: HalfDayId,
    /// Its date.
    pub date: NaiveDate,
    /// Morning or afternoon.
    pub period: Period,
}

/// What is wrong with the record at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// A trainee's signature does not match her line: forged, or her line was edited.
    LineForged(PersonId),
    /// A trainee's signature was made for another half-day.
    LineMoved {
        /// Whose.
        trainee: PersonId,
        /// The half-day it was made for.
        from: HalfDayId,
    },
    /// A trainee's signature was made with a key that is not hers.
    LineKeyUnknown(PersonId),
    /// Her status differs from what she signed, with no correction to say why.
    StatusChanged {
        /// Whose.
        trainee: PersonId,
        /// What the signature and the corrections give.
        expected: Status,
        /// What the file says.
        found: Status,
    },
    /// Her time differs from what she signed, with no correction to say why.
    TimeChanged {
        /// Whose.
        trainee: PersonId,
        /// What the signature and the corrections give.
        expected: Option<NaiveTime>,
        /// What the file says.
        found: Option<NaiveTime>,
    },
    /// The sheet differs from what its trainer sealed.
    SealBroken(PersonId),
    /// The seal was made with a key that is not its trainer's.
    SealKeyUnknown(PersonId),
    /// Corrections the seal covered are gone.
    HistoryRemoved {
        /// How many the seal covered.
        sealed: u32,
        /// How many are left.
        found: u32,
    },
    /// A withdrawal of a seal does not match what it says: forged, or altered.
    WithdrawalForged(PersonId),
    /// A withdrawal of a seal was made with a key that is not its trainer's.
    WithdrawalKeyUnknown(PersonId),
    /// A withdrawal names a seal this sheet does not have.
    WithdrawalOrphan(u32),
    /// Signed since seals exist, but its seal is gone.
    SealRemoved,
    /// The seal does not follow the cohort's previous seal.
    ChainBroken(u32),
    /// Seals of the chain are missing before this one: a sealed half-day, or a seal, removed.
    SealsMissing {
        /// The first missing place in the chain.
        from: u32,
        /// The seal found after the gap.
        to: u32,
    },
    /// Signed by a Cercle that had no seals yet: nothing to check, nothing altered.
    SignedBeforeSeals,
    /// Someone on the sheet was forgotten (`cercle forget`): her line and the seals that
    /// covered it name a pseudonym now, and cannot be checked; the other lines still are.
    Forgotten,
}

impl Finding {
    /// Whether it means the record was altered (rather than a note).
    pub fn is_alteration(&self) -> bool {
        !matches!(self, Self::SignedBeforeSeals | Self::Forgotten)
    }
}

/// One problem of the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where.
    pub place: Place,
    /// What.
    pub finding: Finding,
}

/// A link of a cohort's chain, where it is.
struct Link<'a> {
    seq: u32,
    prev: &'a str,
    sig: &'a str,
    place: Place,
}

/// Checks one cohort's record. Each public key is decoded once for the whole cohort, and each
/// sheet's lines and seals are read from the sheet as it is, without copying it.
pub fn verify(data: &Data, cohort: &Cohort) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut ring = KeyRing::default();
    let mut chain: Vec<Link> = Vec::new();
    for seminar in &cohort.seminars {
        let ctx = SheetContext::of(data, cohort, seminar);
        for half_day in &seminar.half_days {
            let place = place(seminar, half_day);
            let mut found = |finding| {
                out.push(Problem {
                    place: place.clone(),
                    finding,
                });
            };
            check_lines(cohort, half_day, &mut ring, &mut found);
            check_seals(&ctx, cohort, half_day, &mut ring, &mut found);
            check_withdrawals(cohort, half_day, &mut ring, &mut found);
            let seals = half_day.seals.iter().map(|s| (s.seq, &s.prev, &s.sig));
            let withdrawals = half_day
                .withdrawals
                .iter()
                .map(|w| (w.seq, &w.prev, &w.sig));
            chain.extend(seals.chain(withdrawals).map(|(seq, prev, sig)| Link {
                seq,
                prev,
                sig,
                place: place.clone(),
            }));
        }
    }
    check_chain(chain, &mut out);
    out
}

/// Checks every cohort of the network, each on its own (a cohort's chain is its own), spread
/// over the machine's cores. The problems come in the order of the cohorts.
pub fn verify_all<'a>(data: &'a Data, cohorts: &[&'a Cohort]) -> Vec<(&'a Cohort, Problem)> {
    use rayon::prelude::*;
    let found: Vec<Vec<Problem>> = cohorts
        .par_iter()
        .map(|cohort| verify(data, cohort))
        .collect();
    cohorts
        .iter()
        .zip(found)
        .flat_map(|(cohort, problems)| problems.into_iter().map(move |p| (*cohort, p)))
        .collect()
}

/// The links of the chain in order: each follows the one before it, and none is missing.
fn check_chain(mut chain: Vec<Link>, out: &mut Vec<Problem>) {
    chain.sort_by_key(|l| l.seq);
    let mut expected = 0u32;
    let mut previous: Option<&str> = None;
    for link in &chain {
        if link.seq > expected {
            out.push(Problem {
                place: link.place.clone(),
                finding: Finding::SealsMissing {
                    from: expected,
                    to: link.seq,
                },
            });
        } else if link.prev != previous.map(link_hash).unwrap_or_default() {
            out.push(Problem {
                place: link.place.clone(),
                finding: Finding::ChainBroken(link.seq),
            });
        }
        expected = link.seq + 1;
        previous = Some(link.sig);
    }
}

/// Whether an id is a forgotten person's pseudonym.
fn forgotten(id: &PersonId) -> bool {
    id.as_str().starts_with(super::privacy::PSEUDONYM_PREFIX)
}

fn place(seminar: &Seminar, half_day: &HalfDay) -> Place {
    Place {
        seminar: seminar.id.clone(),
        half_day: half_day.id.clone(),
        date: half_day.date,
        period: half_day.period,
    }
}

fn check_lines<'a>(
    cohort: &Cohort,
    half_day: &'a HalfDay,
    ring: &mut KeyRing<'a>,
    found: &mut impl FnMut(Finding),
) {
    for mark in &half_day.marks {
        let Some(signed) = &mark.signed else { continue };
        let trainee = &mark.trainee;
        if forgotten(trainee) {
            continue;
        }
        if signed.half_day != half_day.id {
            found(Finding::LineMoved {
                trainee: trainee.clone(),
                from: signed.half_day.clone(),
            });
            continue;
        }
        if !was_key_of(&cohort.keys, trainee, &signed.key, signed.at) {
            found(Finding::LineKeyUnknown(trainee.clone()));
            continue;
        }
        let message = line_message(half_day, trainee, signed);
        if !ring.verify(&signed.key, &message, &signed.sig) {
            found(Finding::LineForged(trainee.clone()));
            continue;
        }
        // What she signed, then each correction made after it, gives what the line says now.
        let (status, time) = half_day
            .history
            .iter()
            .filter(|c| &c.trainee == trainee && c.at > signed.at)
            .fold((signed.status, signed.time), |_, c| (c.to, c.to_time));
        if status != mark.status {
            found(Finding::StatusChanged {
                trainee: trainee.clone(),
                expected: status,
                found: mark.status,
            });
        } else if time != mark.time {
            found(Finding::TimeChanged {
                trainee: trainee.clone(),
                expected: time,
                found: mark.time,
            });
        }
    }
}

fn check_seals<'a>(
    ctx: &SheetContext,
    cohort: &Cohort,
    half_day: &'a HalfDay,
    ring: &mut KeyRing<'a>,
    found: &mut impl FnMut(Finding),
) {
    match (&half_day.signature, half_day.seals.is_empty()) {
        (Some(s), true) if s.before_seals => found(Finding::SignedBeforeSeals),
        (Some(_), true) => found(Finding::SealRemoved),
        _ => {}
    }
    // The seals name every line: a pseudonym in place of a forgotten person's id breaks them
    // all, by law (the right to erasure) rather than by tampering.
    let renamed = half_day.marks.iter().any(|m| forgotten(&m.trainee))
        || half_day.seals.iter().any(|s| forgotten(&s.by))
        || half_day.withdrawals.iter().any(|w| forgotten(&w.by));
    if renamed {
        found(Finding::Forgotten);
        return;
    }
    let history = u32::try_from(half_day.history.len()).unwrap_or(u32::MAX);
    for seal in &half_day.seals {
        if seal.history > history {
            found(Finding::HistoryRemoved {
                sealed: seal.history,
                found: history,
            });
        } else if !was_key_of(&cohort.keys, &seal.by, &seal.key, seal.at) {
            found(Finding::SealKeyUnknown(seal.by.clone()));
        } else if !ring.verify(&seal.key, &seal_message(ctx, half_day, seal), &seal.sig) {
            found(Finding::SealBroken(seal.by.clone()));
        }
    }
}

/// Each withdrawal names a seal of this sheet, by its trainer's key, and says what it signed.
/// A withdrawn seal is no alteration: it is still checked as it was made.
fn check_withdrawals<'a>(
    cohort: &Cohort,
    half_day: &'a HalfDay,
    ring: &mut KeyRing<'a>,
    found: &mut impl FnMut(Finding),
) {
    for withdrawal in &half_day.withdrawals {
        if forgotten(&withdrawal.by) {
            continue;
        }
        let Some(sealed) = half_day.seals.iter().find(|s| s.seq == withdrawal.seal) else {
            found(Finding::WithdrawalOrphan(withdrawal.seal));
            continue;
        };
        let message =
            withdrawal_message(cohort.id.as_str(), half_day, withdrawal, &seal_hash(sealed));
        if !was_key_of(&cohort.keys, &withdrawal.by, &withdrawal.key, withdrawal.at) {
            found(Finding::WithdrawalKeyUnknown(withdrawal.by.clone()));
        } else if !ring.verify(&withdrawal.key, &message, &withdrawal.sig) {
            found(Finding::WithdrawalForged(withdrawal.by.clone()));
        }
    }
}
