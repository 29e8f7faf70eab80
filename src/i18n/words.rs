//! The interface words for values of the domain (a request's status, an urgency, a format, a
//! role, a project phase, a kind of place), shared by the views, the forms and the exports.

use super::Msg;
use crate::domain::tutoring::{MeetingFormat, RequestStatus, Urgency};
use crate::domain::{PersonRole, PlaceKind, ProjectPhase};

/// The word for how an exchange was held: one to one, one to many, built together.
pub fn exchange_format(format: crate::domain::knowledge::ExchangeFormat) -> Msg {
    use crate::domain::knowledge::ExchangeFormat;
    match format {
        ExchangeFormat::OneToOne => Msg::FormatOneToOne,
        ExchangeFormat::OneToMany => Msg::FormatOneToMany,
        ExchangeFormat::Together => Msg::FormatTogether,
    }
}

/// The interface word for a request's status.
pub fn status_msg(status: RequestStatus) -> Msg {
    match status {
        RequestStatus::Open => Msg::RequestOpen,
        RequestStatus::Accepted => Msg::RequestAccepted,
        RequestStatus::Declined => Msg::RequestDeclined,
        RequestStatus::Duplicate => Msg::RequestDuplicate,
        RequestStatus::Deferred => Msg::RequestDeferred,
        RequestStatus::Scheduled => Msg::RequestScheduled,
        RequestStatus::Done => Msg::RequestDone,
        RequestStatus::Cancelled => Msg::RequestCancelled,
    }
}

/// The urgencies in the order forms offer them, with their words.
pub const URGENCIES: [(Urgency, Msg); 3] = [
    (Urgency::Low, Msg::UrgencyLow),
    (Urgency::Normal, Msg::UrgencyNormal),
    (Urgency::Urgent, Msg::UrgencyUrgent),
];

/// The meeting formats in the order forms offer them, with their words.
pub const FORMATS: [(MeetingFormat, Msg); 3] = [
    (MeetingFormat::Visit, Msg::FormatVisit),
    (MeetingFormat::Call, Msg::FormatCall),
    (MeetingFormat::Video, Msg::FormatVideo),
];

/// The word for an urgency.
pub fn urgency_msg(urgency: Urgency) -> Msg {
    URGENCIES
        .iter()
        .find(|(u, _)| *u == urgency)
        .map_or(Msg::UrgencyNormal, |(_, m)| *m)
}

/// The word for a meeting format.
pub fn format_msg(format: MeetingFormat) -> Msg {
    FORMATS
        .iter()
        .find(|(f, _)| *f == format)
        .map_or(Msg::FormatCall, |(_, m)| *m)
}

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

/// The interface word for an attendance status.
pub fn attendance_msg(status: crate::domain::Status) -> Msg {
    use crate::domain::Status;
    match status {
        Status::Present => Msg::StatusPresent,
        Status::Late => Msg::StatusLate,
        Status::LeftEarly => Msg::StatusLeftEarly,
        Status::Absent => Msg::StatusAbsent,
        Status::Excused => Msg::StatusExcused,
    }
}

/// Why what the user typed names no single record, in their language.
pub fn lookup(error: &crate::domain::lookup::LookupError, lang: super::Lang) -> String {
    use crate::domain::lookup::LookupError;
    let (msg, kind, query, candidates) = match error {
        LookupError::Unknown {
            kind,
            query,
            candidates,
        } => (Msg::LookupUnknown, kind, query, candidates),
        LookupError::Ambiguous {
            kind,
            query,
            candidates,
        } => (Msg::LookupAmbiguous, kind, query, candidates),
    };
    let kind = match *kind {
        "cohort" => Msg::KindCohort,
        "trainee" => Msg::KindTrainee,
        "seminar" => Msg::KindSeminar,
        "venue" => Msg::KindVenue,
        "module" => Msg::KindModule,
        "trainer" => Msg::KindTrainer,
        "topic" => Msg::KindTopic,
        "request" => Msg::KindRequestWord,
        _ => Msg::KindPerson,
    };
    // What was typed and the names listed go to a terminal: made harmless there.
    let visible = crate::domain::text::visible;
    let mut text = super::fill(
        msg.text(lang),
        &[
            ("kind", kind.text(lang)),
            ("query", &visible(&format!("\"{query}\""))),
        ],
    );
    if !candidates.is_empty() {
        text.push_str(&super::fill(
            Msg::LookupCandidates.text(lang),
            &[("list", &visible(&candidates.join("; ")))],
        ));
    }
    text
}

/// The label of a field of the organisation's identity, and its key in the data file.
pub fn identity_field(field: crate::domain::organisation::IdentityField) -> (Msg, &'static str) {
    use crate::domain::organisation::IdentityField as F;
    match field {
        F::Name => (Msg::FieldOrgName, "name"),
        F::Nda => (Msg::FieldOrgNda, "nda"),
        F::Siret => (Msg::FieldOrgSiret, "siret"),
        F::Address => (Msg::FieldOrgAddress, "address"),
        F::RepresentativeName => (Msg::FieldOrgRepresentative, "representative.name"),
        F::RepresentativeTitle => (Msg::FieldOrgRepresentativeTitle, "representative.title"),
        F::City => (Msg::FieldOrgCity, "city"),
    }
}

/// Why a number of the identity is refused: the NDA's or the SIRET's count of digits, or the
/// SIRET's check digit.
pub fn number_error(
    field: crate::domain::organisation::IdentityField,
    error: crate::domain::organisation::NumberError,
) -> Msg {
    use crate::domain::organisation::{IdentityField, NumberError};
    match (field, error) {
        (_, NumberError::Checksum) => Msg::FieldSiretCheck,
        (IdentityField::Nda, _) => Msg::FieldNdaDigits,
        _ => Msg::FieldSiretDigits,
    }
}
