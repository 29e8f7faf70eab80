//! The fixed lists the circle's forms choose from, each with the domain values in the same
//! order.

use crate::domain::path::{CandidacyStatus, FundingSource, FundingStatus};
use crate::i18n::Msg;

/// Offer or request, in the order of the choice field.
pub const KINDS: [Msg; 2] = [Msg::KindOffer, Msg::KindRequest];
/// Whether a note is confidential: no, yes.
pub const CONFIDENTIAL: [Msg; 2] = [Msg::ConfidentialNo, Msg::ConfidentialYes];
/// The shapes of an exchange, in the order of [`ExchangeFormat`].
pub const FORMATS: [Msg; 3] = [
    Msg::FormatOneToOne,
    Msg::FormatOneToMany,
    Msg::FormatTogether,
];
/// Whether an exchange was useful: yes, no.
pub const USEFUL: [Msg; 2] = [Msg::UsefulYes, Msg::UsefulNo];
/// The kinds of place, in the order of [`PlaceKind::ALL`].
pub const PLACES: [Msg; 8] = [
    Msg::PlaceCoworking,
    Msg::PlaceFablab,
    Msg::PlaceSharedWorkshop,
    Msg::PlaceCafe,
    Msg::PlaceFarm,
    Msg::PlaceHybrid,
    Msg::PlaceDigital,
    Msg::PlaceMedialab,
];
/// The phases of a project.
pub const PHASES: [Msg; 3] = [
    Msg::PhaseCreation,
    Msg::PhaseDevelopment,
    Msg::PhaseRepositioning,
];
/// The statuses of a candidacy, in the order of [`CANDIDACY_STATUSES`].
pub const CANDIDACY: [Msg; 5] = [
    Msg::CandidacyNotApplying,
    Msg::CandidacyApplying,
    Msg::CandidacySubmitted,
    Msg::CandidacyCertified,
    Msg::CandidacyNotCertified,
];
/// The statuses of a candidacy, in the order of the choice field.
pub const CANDIDACY_STATUSES: [CandidacyStatus; 5] = [
    CandidacyStatus::NotApplying,
    CandidacyStatus::Applying,
    CandidacyStatus::Submitted,
    CandidacyStatus::Certified,
    CandidacyStatus::NotCertified,
];
/// Who pays, in the order of [`SOURCES`].
pub const SOURCE_MSGS: [Msg; 5] = [
    Msg::SourceOpco,
    Msg::SourceFranceTravail,
    Msg::SourceEmployer,
    Msg::SourceSelf,
    Msg::SourceOther,
];
/// Who pays, in the order of the choice field.
pub const SOURCES: [FundingSource; 5] = [
    FundingSource::Opco,
    FundingSource::FranceTravail,
    FundingSource::Employer,
    FundingSource::SelfFunded,
    FundingSource::Other,
];
/// Where a funding stands, in the order of [`FUNDING_STATUSES`].
pub const FUNDING_MSGS: [Msg; 4] = [
    Msg::FundingRequested,
    Msg::FundingGranted,
    Msg::FundingRefused,
    Msg::FundingPaid,
];
/// Where a funding stands, in the order of the choice field.
pub const FUNDING_STATUSES: [FundingStatus; 4] = [
    FundingStatus::Requested,
    FundingStatus::Granted,
    FundingStatus::Refused,
    FundingStatus::Paid,
];
