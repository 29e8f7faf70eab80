//! A cohort (promotion): its trainees and trainers, its seminars and everything the circle records.

use super::attendance::Seminar;
use super::ids::FollowUpId;
use super::ids::{CohortId, PersonId};
use super::knowledge::{Exchange, KnowledgeItem};
use super::path::{Assessment, Candidacy, Funding};
use super::people::Note;
use super::tutoring::TutorRequest;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Fewest trainees a cohort needs to start.
pub const MIN_TRAINEES: usize = 8;
/// Most trainees a cohort may hold.
pub const MAX_TRAINEES: usize = 12;
/// The default price per trainee, in euros.
pub const DEFAULT_PRICE_EUR: u32 = 3500;

fn default_price() -> u32 {
    DEFAULT_PRICE_EUR
}

/// One run of the programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Cohort {
    /// Stable id.
    pub id: CohortId,
    /// Name, e.g. "Nouvelle-Aquitaine 2026".
    pub name: String,
    /// First day of the training.
    pub start: NaiveDate,
    /// Last day of the training.
    pub end: NaiveDate,
    /// Price per trainee, in euros.
    #[serde(default = "default_price")]
    pub price_eur: u32,
    /// The trainees' person ids, in roster order.
    #[serde(default)]
    pub trainees: Vec<PersonId>,
    /// The trainers' person ids.
    #[serde(default)]
    pub trainers: Vec<PersonId>,
    /// Trainees who left, who stay in the records.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departures: Vec<Departure>,
    /// The seminars, each with its half-days and marks.
    #[serde(default, deserialize_with = "super::records::tight")]
    pub seminars: Vec<Seminar>,
    /// Knowledge offers and requests of the circle.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::records::tight"
    )]
    pub knowledge: Vec<KnowledgeItem>,
    /// Exchanges of knowledge.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exchanges: Vec<Exchange>,
    /// Requests for a tutor's help.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::records::tight"
    )]
    pub tutor_requests: Vec<TutorRequest>,
    /// Funding of each trainee.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub funding: Vec<Funding>,
    /// Certification candidacies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidacies: Vec<Candidacy>,
    /// Competency assessments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessments: Vec<Assessment>,
    /// The dated follow-up log (Qualiopi indicator 12).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUp>,
    /// What trainees proposed on their paths (evidence, self-assessments), answered or not.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proposals: Vec<crate::domain::path::Proposal>,
    /// The codevelopment sessions held, with their notes: the trainers' record, never sent
    /// in a bundle.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codev_sessions: Vec<super::codev::CodevSession>,
    /// The signing keys of its trainees and trainers: public keys and salts, never a code
    /// nor a private key.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<super::signing::PersonKey>,
}

/// A trainee who left the cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Departure {
    /// Who left.
    pub trainee: PersonId,
    /// When.
    pub date: NaiveDate,
    /// Why.
    pub reason: String,
}

/// How a follow-up was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// A phone call.
    Phone,
    /// An email.
    Email,
    /// A face-to-face talk.
    InPerson,
    /// A video call.
    Video,
}

/// One dated entry of the follow-up log: the evidence a quality audit asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    /// Stable id.
    pub id: FollowUpId,
    /// The trainee followed up.
    pub trainee: PersonId,
    /// Who followed up.
    pub by: PersonId,
    /// When.
    pub at: DateTime<Utc>,
    /// How.
    pub channel: Channel,
    /// What came of it.
    pub outcome: Note,
}

/// Where a cohort stands against the 8-12 rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CohortState {
    /// Fewer than 8 trainees: the session cannot start.
    CannotStart {
        /// Trainees enrolled.
        enrolled: usize,
    },
    /// Between 8 and 11 trainees.
    Running {
        /// Trainees enrolled.
        enrolled: usize,
    },
    /// 12 trainees: nobody else may join.
    Full,
    /// More than 12: the file breaks the rule (only possible through an outside edit).
    OverFull {
        /// Trainees enrolled.
        enrolled: usize,
    },
}

/// Why a trainee could not join a cohort.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EnrolError {
    /// The cohort already holds 12.
    #[error(
        "the cohort is full: it already holds {MAX_TRAINEES} trainees, the most a session may hold"
    )]
    Full,
    /// The person is already enrolled.
    #[error("{0} is already enrolled in this cohort")]
    AlreadyEnrolled(PersonId),
}

/// Why a departure could not be recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DepartError {
    /// The person is not a trainee of the cohort.
    #[error("{0} is not a trainee of this cohort")]
    NotEnrolled(PersonId),
    /// The departure is already recorded.
    #[error("{0} already left")]
    AlreadyLeft(PersonId),
}

impl Cohort {
    /// Trainees still in the training (those who left are kept in the records, not here).
    pub fn active_trainees(&self) -> impl Iterator<Item = &PersonId> {
        self.trainees
            .iter()
            .filter(|t| !self.departures.iter().any(|d| &d.trainee == *t))
    }

    /// Where the cohort stands against the 8-12 rule.
    pub fn state(&self) -> CohortState {
        let enrolled = self.active_trainees().count();
        match enrolled {
            n if n < MIN_TRAINEES => CohortState::CannotStart { enrolled: n },
            n if n < MAX_TRAINEES => CohortState::Running { enrolled: n },
            MAX_TRAINEES => CohortState::Full,
            n => CohortState::OverFull { enrolled: n },
        }
    }

    /// Enrols a trainee, refusing a 13th.
    pub fn enrol(&mut self, trainee: PersonId) -> Result<(), EnrolError> {
        if self.trainees.contains(&trainee) {
            return Err(EnrolError::AlreadyEnrolled(trainee));
        }
        if self.active_trainees().count() >= MAX_TRAINEES {
            return Err(EnrolError::Full);
        }
        self.trainees.push(trainee);
        Ok(())
    }

    /// Records that a trainee left on `date` for `reason`: they stay in `trainees` and in every
    /// record, and no longer count towards the 8-12 rule.
    pub fn depart(
        &mut self,
        trainee: &PersonId,
        date: NaiveDate,
        reason: &str,
    ) -> Result<(), DepartError> {
        if !self.trainees.contains(trainee) {
            return Err(DepartError::NotEnrolled(trainee.clone()));
        }
        if self.departure(trainee).is_some() {
            return Err(DepartError::AlreadyLeft(trainee.clone()));
        }
        self.departures.push(Departure {
            trainee: trainee.clone(),
            date,
            reason: reason.to_owned(),
        });
        Ok(())
    }

    /// The departure of a trainee who left.
    pub fn departure(&self, trainee: &PersonId) -> Option<&Departure> {
        self.departures.iter().find(|d| &d.trainee == trainee)
    }

    /// Whether the trainee belongs to the cohort (every trainee is enrolled in every module).
    pub fn is_enrolled(&self, trainee: &PersonId) -> bool {
        self.trainees.contains(trainee)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_departure_keeps_the_trainee_in_the_records_and_frees_a_place() {
        let mut c = Cohort::default();
        for i in 0..MAX_TRAINEES {
            c.enrol(PersonId::new(format!("t{i}"))).unwrap();
        }
        assert_eq!(c.enrol(PersonId::new("t12")), Err(EnrolError::Full));
        let date = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let left = PersonId::new("t3");
        c.depart(&left, date, "new job").unwrap();
        assert_eq!(c.state(), CohortState::Running { enrolled: 11 });
        assert!(c.trainees.contains(&left), "still in the records");
        assert!(!c.active_trainees().any(|t| t == &left));
        assert_eq!(
            c.departure(&left).map(|d| d.reason.as_str()),
            Some("new job")
        );
        assert_eq!(
            c.depart(&left, date, "again"),
            Err(DepartError::AlreadyLeft(left.clone()))
        );
        assert_eq!(
            c.depart(&PersonId::new("x"), date, ""),
            Err(DepartError::NotEnrolled(PersonId::new("x")))
        );
        c.enrol(PersonId::new("t12")).unwrap();
        assert_eq!(c.state(), CohortState::Full);
    }
}
