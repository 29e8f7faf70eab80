//! Stable identifiers. Every record carries one, so that files can be merged by id and
//! scripted with `jq`; they are plain strings in the JSON.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta] $name:ident),* $(,)?) => {$(
        #[$doc]
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Wraps any string as this kind of id.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The id as it is written in the file.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    )*};
}

id_type! {
    /// Identifies the programme.
    ProgrammeId,
    /// Identifies a competency block (common core or specific block).
    BlockId,
    /// Identifies one competency inside a block.
    CompetencyId,
    /// Identifies a module of the curriculum.
    ModuleId,
    /// Identifies a person: trainee, trainer or venue host.
    PersonId,
    /// Identifies a tiers-lieu that hosts seminars.
    VenueId,
    /// Identifies a cohort (promotion).
    CohortId,
    /// Identifies a seminar.
    SeminarId,
    /// Identifies a half-day, the legal unit of attendance.
    HalfDayId,
    /// Identifies a knowledge offer or request.
    KnowledgeId,
    /// Identifies an exchange of knowledge.
    ExchangeId,
    /// Identifies a tutor request.
    TutorRequestId,
    /// Identifies a follow-up log entry.
    FollowUpId,
}
