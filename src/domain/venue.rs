//! The tiers-lieux that host seminars.

use super::ids::{PersonId, VenueId};
use super::people::PlaceKind;
use serde::{Deserialize, Serialize};

/// A tiers-lieu hosting a seminar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Venue {
    /// Stable id.
    pub id: VenueId,
    /// Name of the place.
    pub name: String,
    /// What kind of place it is.
    #[serde(default)]
    pub kind: PlaceKind,
    /// Town or city.
    #[serde(default)]
    pub city: String,
    /// French département code.
    #[serde(default)]
    pub departement: String,
    /// Postal address.
    #[serde(default)]
    pub address: String,
    /// How many people the room holds.
    #[serde(default)]
    pub capacity: u32,
    /// The person who hosts the cohort there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<PersonId>,
}
