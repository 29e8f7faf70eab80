//! The domain: pure types and rules of a facilitator training. No I/O, no terminal.

pub mod attendance;
pub mod audit;
pub mod circle;
pub mod clock;
pub mod codev;
pub mod cohort;
pub mod conflict;
pub mod directory;
pub mod figures;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod fold;
pub mod geo;
pub mod holidays;
pub mod ids;
pub mod integrity;
pub mod knowledge;
pub mod lookup;
pub mod merge;
pub mod organisation;
pub mod path;
pub mod people;
pub mod planning;
pub mod privacy;
pub mod programme;
pub mod records;
pub mod rollcall;
pub mod round;
pub mod routing;
pub mod rules;
pub mod screen;
pub mod seal;
pub mod seal_past;
pub mod search;
pub mod shared;
pub mod signing;
pub mod text;
pub mod timestamp;
pub mod tutoring;
pub mod venue;
pub mod withdrawal;

pub use attendance::{
    HalfDay, Mark, MarkChange, Period, SealRole, SealWithdrawal, Seminar, Signature, Status,
};
pub use cohort::{Cohort, CohortState, DepartError, EnrolError, MAX_TRAINEES, MIN_TRAINEES};
pub use ids::*;
pub use organisation::{Organisation, Representative};
pub use people::{ContactField, Note, Person, PersonRole, PlaceKind, Project, ProjectPhase};
pub use programme::{BlockKind, Certification, Competency, CompetencyBlock, Module, Programme};
pub use records::{Keyed, Records};
pub use shared::Shared;
pub use venue::Venue;

use serde::{Deserialize, Serialize};

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 2;

/// The whole state: one JSON document. Its top-level names are stable, since users script them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Data {
    /// Version of the file's shape.
    pub schema_version: u32,
    /// The programme the cohorts follow.
    pub programme: Programme,
    /// The training organisation's legal identity, printed on sheets and certificates.
    #[serde(
        default,
        skip_serializing_if = "Organisation::is_empty",
        deserialize_with = "organisation::object_only"
    )]
    pub organisation: Organisation,
    /// Everyone around the programme, each shared between versions of the data.
    #[serde(default)]
    pub people: Records<Person>,
    /// The tiers-lieux hosting seminars, shared between versions of the data as one list.
    #[serde(default)]
    pub venues: Shared<Vec<Venue>>,
    /// Every cohort, past and present, each shared between versions of the data.
    #[serde(default)]
    pub cohorts: Records<Cohort>,
    /// The cohort the app opens on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_cohort: Option<CohortId>,
    /// Fields two machines changed differently, waiting for someone to choose.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<conflict::Conflict>,
}

impl Default for Data {
    fn default() -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            programme: Programme::default(),
            organisation: Organisation::default(),
            people: Records::default(),
            venues: Shared::default(),
            cohorts: Records::default(),
            current_cohort: None,
            conflicts: Vec::new(),
        }
    }
}

impl Keyed for Person {
    fn key(&self) -> &str {
        self.id.as_str()
    }
}

impl Keyed for Cohort {
    fn key(&self) -> &str {
        self.id.as_str()
    }
}

impl Data {
    /// The cohort the app opens on: the chosen one, else the last one.
    pub fn current(&self) -> Option<&Cohort> {
        self.current_cohort
            .as_ref()
            .and_then(|id| self.cohort(id))
            .or_else(|| self.cohorts.last().map(|c| &**c))
    }

    /// Looks a cohort up by id.
    pub fn cohort(&self, id: &CohortId) -> Option<&Cohort> {
        self.cohorts.find(id.as_str())
    }

    /// Looks a cohort up by id, to change it: only that cohort is copied, if an older version
    /// of the data still holds it.
    pub fn cohort_mut(&mut self, id: &CohortId) -> Option<&mut Cohort> {
        let i = self.cohorts.position(id.as_str())?;
        Some(&mut self.cohorts[i])
    }

    /// Looks a person up by id (through an index, built once per version of the list).
    pub fn person(&self, id: &PersonId) -> Option<&Person> {
        self.people.find(id.as_str())
    }

    /// Looks a venue up by id.
    pub fn venue(&self, id: &VenueId) -> Option<&Venue> {
        self.venues.iter().find(|v| &v.id == id)
    }

    /// An empty programme, ready to be filled in.
    pub fn empty(title: &str, provider: &str) -> Self {
        Self {
            programme: Programme {
                id: ProgrammeId::new("programme"),
                title: title.to_owned(),
                provider: provider.to_owned(),
                ..Programme::default()
            },
            ..Self::default()
        }
    }
}
