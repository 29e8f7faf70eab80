//! Each trainee's path: competencies, certification candidacy and funding.

use super::ids::{CompetencyId, PersonId};
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
    pub evidence: Vec<Note>,
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
