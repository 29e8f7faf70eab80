//! Interface words for domain values: a role, a project phase, a kind of place.

use super::Msg;
use crate::domain::{PersonRole, PlaceKind, ProjectPhase};

/// The interface word for a person's role.
pub fn person_role(role: PersonRole) -> Msg {
    match role {
        PersonRole::Trainee => Msg::PersonTrainee,
        PersonRole::Trainer => Msg::PersonTrainer,
        PersonRole::Host => Msg::PersonHost,
        PersonRole::Staff => Msg::PersonStaff,
    }
}

/// The interface word for a project phase.
pub fn phase(phase: ProjectPhase) -> Msg {
    match phase {
        ProjectPhase::Creation => Msg::PhaseCreation,
        ProjectPhase::Development => Msg::PhaseDevelopment,
        ProjectPhase::Repositioning => Msg::PhaseRepositioning,
    }
}

/// The interface word for a kind of place.
pub fn place(kind: PlaceKind) -> Msg {
    match kind {
        PlaceKind::Coworking => Msg::PlaceCoworking,
        PlaceKind::Fablab => Msg::PlaceFablab,
        PlaceKind::SharedWorkshop => Msg::PlaceSharedWorkshop,
        PlaceKind::Cafe => Msg::PlaceCafe,
        PlaceKind::Farm => Msg::PlaceFarm,
        PlaceKind::Hybrid => Msg::PlaceHybrid,
        PlaceKind::Digital => Msg::PlaceDigital,
        PlaceKind::Medialab => Msg::PlaceMedialab,
    }
}
