//! Each trainee's path: competencies, certification candidacy and funding.

use super::ids::{CompetencyId, ExchangeId, PersonId, SeminarId, TutorRequestId};
use super::people::Note;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a trainee stands on one competency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Not started.
    #[default]
    NotStarted,
    /// In progress.
    InProgress,
    /// Acquired.
    Acquired,
}

/// A trainee's level on a competency, with evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// The trainee.
    pub trainee: PersonId,
    /// The competency.
    pub competency: CompetencyId,
    /// The level reached.
    pub level: Level,
    /// Evidence notes (seminars attended, exchanges, tutor requests).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

/// A note of evidence on a competency, which may point to the record it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(from = "EvidenceRead")]
pub struct Evidence {
    /// The note itself (a confidential one never leaves the circle).
    #[serde(flatten)]
    pub note: Note,
    /// The seminar, exchange or tutor request it rests on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<EvidenceSource>,
}

/// A piece of evidence as read: its note's fields beside its source. Read without `flatten`,
/// which would take the note's fields as untyped content first and hide an unknown one from
/// [`super::screen`].
#[derive(Deserialize)]
struct EvidenceRead {
    text: String,
    #[serde(default)]
    confidential: bool,
    #[serde(default)]
    source: Option<EvidenceSource>,
}

impl From<EvidenceRead> for Evidence {
    fn from(read: EvidenceRead) -> Self {
        Self {
            note: Note {
                text: read.text,
                confidential: read.confidential,
            },
            source: read.source,
        }
    }
}

/// The record a piece of evidence rests on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceSource {
    /// A seminar the trainee attended.
    Seminar(SeminarId),
    /// An exchange of knowledge they took part in.
    Exchange(ExchangeId),
    /// A tutor request of theirs.
    TutorRequest(TutorRequestId),
    /// A codevelopment session where they brought their situation (its id).
    Codev(String),
}

/// Where a certification candidacy stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum CandidacyStatus {
    /// Not applying.
    #[default]
    NotApplying,
    /// Applying.
    Applying,
    /// File submitted.
    Submitted,
    /// Certified.
    Certified,
    /// Not certified.
    NotCertified,
}

/// A trainee's candidacy to the certification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidacy {
    /// The trainee.
    pub trainee: PersonId,
    /// Where it stands.
    pub status: CandidacyStatus,
    /// When it reached that status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<NaiveDate>,
    /// Every status it went through, with its date, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<CandidacyStep>,
}

/// One dated step of a candidacy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidacyStep {
    /// The status reached.
    pub status: CandidacyStatus,
    /// When.
    pub date: NaiveDate,
}

impl Candidacy {
    /// Moves the candidacy to `status` on `date`, keeping the step in its history.
    pub fn set(&mut self, status: CandidacyStatus, date: NaiveDate) {
        self.status = status;
        self.since = Some(date);
        self.history.push(CandidacyStep { status, date });
    }
}

impl Level {
    /// The next level, wrapping from acquired back to not started.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Self::NotStarted => Self::InProgress,
            Self::InProgress => Self::Acquired,
            Self::Acquired => Self::NotStarted,
        }
    }
}

/// Who pays for a trainee's training.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FundingSource {
    /// An OPCO (formerly OPCA).
    Opco,
    /// France Travail (formerly Pôle Emploi).
    FranceTravail,
    /// The employer.
    Employer,
    /// The trainee.
    SelfFunded,
    /// Anything else.
    Other,
}

/// Where a funding stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum FundingStatus {
    /// Asked for.
    #[default]
    Requested,
    /// Granted.
    Granted,
    /// Refused.
    Refused,
    /// Paid.
    Paid,
}

/// The funding (prise en charge) of one trainee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Funding {
    /// The trainee.
    pub trainee: PersonId,
    /// Who pays.
    pub source: FundingSource,
    /// How much, in euros.
    pub amount_eur: u32,
    /// Where it stands.
    pub status: FundingStatus,
}

/// What a trainee proposes on her own path: a piece of evidence, or where she thinks she
/// stands (a self-assessment). Made on her copy, it travels in her bundle; the trainers
/// accept or decline it, with a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    /// Its id (`pr-…`), unique across machines.
    pub id: String,
    /// The trainee who proposes it.
    pub trainee: PersonId,
    /// The competency it is about.
    pub competency: CompetencyId,
    /// What is proposed.
    pub proposed: Proposed,
    /// When it was made.
    pub made_on: NaiveDate,
    /// The trainers' answer, once given.
    #[serde(
        default,
        deserialize_with = "super::screen::not_null",
        skip_serializing_if = "Option::is_none"
    )]
    pub answer: Option<Answer>,
}

/// What a proposal holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Proposed {
    /// A piece of evidence to add to the competency.
    Evidence(Evidence),
    /// The level the trainee thinks she reached.
    Level(Level),
}

/// The trainers' answer to a proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// Accepted (the evidence or level is on the path) or declined.
    pub accepted: bool,
    /// Why, in a few words (required when declined).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// The trainer who answered.
    pub by: PersonId,
    /// When.
    pub on: NaiveDate,
}

impl Proposal {
    /// Whether the trainers have yet to answer it.
    pub fn waiting(&self) -> bool {
        self.answer.is_none()
    }
}
