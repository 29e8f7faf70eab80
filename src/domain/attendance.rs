//! Seminars, half-days and attendance marks: the facts an attendance sheet is made of.

use super::ids::{HalfDayId, ModuleId, PersonId, SeminarId, VenueId};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

/// A stay of one or more days in a tiers-lieu that hosts the cohort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Seminar {
    /// Stable id.
    pub id: SeminarId,
    /// The module or modules taught.
    pub modules: Vec<ModuleId>,
    /// Where it is held.
    pub venue: VenueId,
    /// Who runs it.
    pub trainer: PersonId,
    /// Its half-days, in date order.
    #[serde(default)]
    pub half_days: Vec<HalfDay>,
}

/// Morning or afternoon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// Matin.
    Morning,
    /// Après-midi.
    Afternoon,
}

/// The legal unit of attendance: one sheet is signed per half-day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HalfDay {
    /// Stable id.
    pub id: HalfDayId,
    /// The day.
    pub date: NaiveDate,
    /// Morning or afternoon.
    pub period: Period,
    /// Start time.
    pub start: NaiveTime,
    /// End time.
    pub end: NaiveTime,
    /// One mark per trainee marked so far.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::records::tight"
    )]
    pub marks: Vec<Mark>,
    /// The trainer's signature; once there, the sheet is locked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<Signature>,
    /// Every change made after signing, never rewritten.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<MarkChange>,
    /// The trainer's seals, oldest first: the first seals the sheet, each later one seals it
    /// again with the corrections made since (see `domain::seal`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seals: Vec<Seal>,
    /// The withdrawals of its seals, oldest first: undoing a seal records one, with a reason,
    /// and erases nothing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub withdrawals: Vec<SealWithdrawal>,
}

/// The status of one trainee for one half-day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Présent·e.
    Present,
    /// En retard, with an arrival time.
    Late,
    /// Parti·e plus tôt, with a leaving time.
    LeftEarly,
    /// Absent·e without a valid reason.
    Absent,
    /// Absent·e with a valid reason.
    Excused,
}

impl Status {
    /// Every status, in the order the roll call offers them.
    pub const ALL: [Self; 5] = [
        Self::Present,
        Self::Late,
        Self::LeftEarly,
        Self::Absent,
        Self::Excused,
    ];

    /// Whether the trainee followed at least part of the half-day.
    pub fn attended(self) -> bool {
        matches!(self, Self::Present | Self::Late | Self::LeftEarly)
    }
}

/// One line of an attendance sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// The trainee.
    pub trainee: PersonId,
    /// What happened.
    pub status: Status,
    /// Arrival time when late, leaving time when left early.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<NaiveTime>,
    /// The reason of an absence or excuse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// A remark on the mark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// Who marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<PersonId>,
    /// When it was marked.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::timestamp::option_utc"
    )]
    pub at: Option<DateTime<Utc>>,
    /// The trainee's own electronic signature of this line. Boxed, as are the rare fields
    /// below: a mark is one of half a million in a network, and an inline signature would
    /// make every one of them a hundred bytes larger, signed or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<Box<LineSignature>>,
    /// "Signature manquante": recorded by a trainer, with a reason, when she could not sign.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing_signature: Option<Box<MissingSignature>>,
}

/// A trainee's Ed25519 signature of her line: what she signed is kept beside it, so that a
/// later change of the line shows as a difference rather than as a bare failure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineSignature {
    /// The half-day she signed (a signature copied to another half-day names its own).
    pub half_day: HalfDayId,
    /// The status she signed.
    pub status: Status,
    /// The time she signed (arrival or leaving), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<NaiveTime>,
    /// When she signed.
    pub at: DateTime<Utc>,
    /// Her public key, base64.
    pub key: String,
    /// The signature, base64.
    pub sig: String,
}

/// A line a trainee could not sign (she forgot her code), as the trainer recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissingSignature {
    /// The trainer who recorded it.
    pub by: PersonId,
    /// When.
    pub at: DateTime<Utc>,
    /// Why.
    pub reason: String,
}

/// The trainer's seal of a half-day: an Ed25519 signature over its canonical content and the
/// hash of the cohort's previous seal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seal {
    /// The trainer who sealed.
    pub by: PersonId,
    /// When.
    pub at: DateTime<Utc>,
    /// Its place in the cohort's chain of seals, from 0.
    pub seq: u32,
    /// The hash of the cohort's previous seal (hex SHA-256), empty for the first.
    #[serde(default)]
    pub prev: String,
    /// How many history entries it covers.
    #[serde(default)]
    pub history: u32,
    /// The trainer's public key, base64.
    pub key: String,
    /// The signature, base64.
    pub sig: String,
    /// Her part in the seminar when she is not its planned trainer; signed with the rest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<SealRole>,
}

/// Who seals a sheet in the planned trainer's stead: recorded as such, never under her name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SealRole {
    /// She trains the seminar beside the planned trainer ("co-formateur·rice").
    CoTrainer,
    /// She replaces the planned trainer ("remplaçant·e de …").
    Substitute,
}

/// A seal withdrawn by a trainer, with her reason: a link of the cohort's chain of its own,
/// signed with her key over the withdrawn seal's hash, so that it can be neither forged nor
/// removed unseen. The seal stays; the sheet stands unsealed until it is sealed again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealWithdrawal {
    /// The place in the chain (`seq`) of the seal withdrawn.
    pub seal: u32,
    /// The trainer who withdrew it.
    pub by: PersonId,
    /// When.
    pub at: DateTime<Utc>,
    /// Why.
    pub reason: String,
    /// Its own place in the cohort's chain.
    pub seq: u32,
    /// The hash of the cohort's previous link (hex SHA-256).
    pub prev: String,
    /// The trainer's public key, base64.
    pub key: String,
    /// The signature, base64.
    pub sig: String,
}

/// The trainer's signature of a half-day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    /// The trainer who signed.
    pub by: PersonId,
    /// When.
    #[serde(deserialize_with = "super::timestamp::utc")]
    pub at: DateTime<Utc>,
    /// Signed by a Cercle that had no seals yet: a name and a time, nothing to check.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub before_seals: bool,
}

/// A change to a mark after its half-day was signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkChange {
    /// The trainee whose mark changed.
    pub trainee: PersonId,
    /// Who changed it.
    pub by: PersonId,
    /// When.
    pub at: DateTime<Utc>,
    /// The status before, if any.
    pub from: Option<Status>,
    /// The status after.
    pub to: Status,
    /// The time (arrival or leaving) before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_time: Option<NaiveTime>,
    /// The time after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_time: Option<NaiveTime>,
    /// Why it was changed.
    pub reason: String,
    /// The position in the history of the entry this one withdraws, when it is a withdrawal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdraws: Option<u32>,
}

impl HalfDay {
    /// Length of the half-day in minutes (0 if the times are reversed).
    pub fn planned_minutes(&self) -> u32 {
        minutes_between(self.start, self.end)
    }

    /// The mark of a trainee, if taken.
    pub fn mark_of(&self, trainee: &PersonId) -> Option<&Mark> {
        self.marks.iter().find(|m| &m.trainee == trainee)
    }

    /// The seal the sheet stands under: its last one, unless that one was withdrawn.
    pub fn standing_seal(&self) -> Option<&Seal> {
        self.seals
            .last()
            .filter(|s| !self.withdrawals.iter().any(|w| w.seal == s.seq))
    }

    /// The withdrawal of its last seal, when the sheet stands unsealed because of it.
    pub fn seal_withdrawn(&self) -> Option<&SealWithdrawal> {
        let last = self.seals.last()?;
        self.withdrawals.iter().rev().find(|w| w.seal == last.seq)
    }

    /// Whether the half-day counts as held on `today`: it is past, or its roll was taken.
    pub fn is_held(&self, today: NaiveDate) -> bool {
        self.date < today || !self.marks.is_empty() || self.signature.is_some()
    }

    /// Past, and nobody was marked nor was it signed: the roll was never taken. It shows as
    /// such, and stays out of the rates rather than counting everyone absent.
    pub fn never_taken(&self, today: NaiveDate) -> bool {
        self.date < today && self.marks.is_empty() && self.signature.is_none()
    }

    /// Minutes actually followed by the holder of a mark.
    pub fn followed_minutes(&self, mark: &Mark) -> u32 {
        match (mark.status, mark.time) {
            (Status::Present, _) | (Status::Late | Status::LeftEarly, None) => {
                self.planned_minutes()
            }
            (Status::Late, Some(arrival)) => minutes_between(arrival.max(self.start), self.end),
            (Status::LeftEarly, Some(leaving)) => {
                minutes_between(self.start, leaving.min(self.end))
            }
            (Status::Absent | Status::Excused, _) => 0,
        }
    }
}

fn minutes_between(from: NaiveTime, to: NaiveTime) -> u32 {
    u32::try_from((to - from).num_minutes()).unwrap_or(0)
}
