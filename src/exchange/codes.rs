//! The codes written in exchange files for kinds of place, phases, roles and consents: the same
//! words as in the data file, so a file reads the same everywhere.

use crate::domain::{ContactField, PersonRole, PlaceKind, ProjectPhase};

/// The code written for a kind of place.
pub fn kind_code(kind: PlaceKind) -> &'static str {
    match kind {
        PlaceKind::Coworking => "coworking",
        PlaceKind::Fablab => "fablab",
        PlaceKind::SharedWorkshop => "shared_workshop",
        PlaceKind::Cafe => "cafe",
        PlaceKind::Farm => "farm",
        PlaceKind::Hybrid => "hybrid",
        PlaceKind::Digital => "digital",
        PlaceKind::Medialab => "medialab",
    }
}

/// The kind of place a code names (hybrid when unknown).
pub fn kind_from(code: &str) -> PlaceKind {
    PlaceKind::ALL
        .into_iter()
        .find(|k| kind_code(*k).eq_ignore_ascii_case(code.trim()))
        .unwrap_or_default()
}

/// The code written for a project phase.
pub fn phase_code(phase: ProjectPhase) -> &'static str {
    match phase {
        ProjectPhase::Creation => "creation",
        ProjectPhase::Development => "development",
        ProjectPhase::Repositioning => "repositioning",
    }
}

/// The phase a code names (creation when unknown).
pub fn phase_from(code: &str) -> ProjectPhase {
    [ProjectPhase::Development, ProjectPhase::Repositioning]
        .into_iter()
        .find(|p| phase_code(*p).eq_ignore_ascii_case(code.trim()))
        .unwrap_or_default()
}

/// The code written for a role.
pub fn role_code(role: PersonRole) -> &'static str {
    match role {
        PersonRole::Trainee => "trainee",
        PersonRole::Trainer => "trainer",
        PersonRole::Host => "host",
        PersonRole::Staff => "staff",
    }
}

/// The role a code names (trainee when unknown).
pub fn role_from(code: &str) -> PersonRole {
    [PersonRole::Trainer, PersonRole::Host, PersonRole::Staff]
        .into_iter()
        .find(|r| role_code(*r).eq_ignore_ascii_case(code.trim()))
        .unwrap_or_default()
}

/// The code written for a consent.
pub fn consent_code(field: ContactField) -> &'static str {
    match field {
        ContactField::Email => "email",
        ContactField::Phone => "phone",
        ContactField::City => "city",
        ContactField::Organisation => "organisation",
        ContactField::Project => "project",
        ContactField::Website => "website",
        ContactField::Pronouns => "pronouns",
        ContactField::Tags => "tags",
        ContactField::Notes => "notes",
    }
}

/// The consent a code names.
pub fn consent_from(code: &str) -> Option<ContactField> {
    ContactField::ALL
        .into_iter()
        .find(|f| consent_code(*f).eq_ignore_ascii_case(code.trim()))
}
