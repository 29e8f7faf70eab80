//! The bundle file: a header (format version, cohort, who made it, for whom, when, a content
//! hash) and the records it carries, with the base they were last agreed on.

use super::records::Records;
use crate::domain::attendance::LineSignature;
use crate::domain::signing::PersonKey;
use crate::domain::{CohortId, PersonId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::fmt::Write as _;

/// The name in every bundle's `format` field.
pub const FORMAT: &str = "cercle-bundle";
/// The newest bundle format version this build reads. Version 2 adds the signing keys and the
/// trainee's signed lines; a bundle without them is still written as version 1, so that an
/// older Cercle reads it.
pub const VERSION: u32 = 2;

/// Who a bundle is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Made by the trainers for one trainee.
    Trainee,
    /// Made by a trainee for the trainers.
    Trainers,
}

/// Who made a bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Maker {
    /// Their person id.
    pub id: PersonId,
    /// Their name, to show before importing.
    pub name: String,
}

/// A sharing bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// Always [`FORMAT`].
    pub format: String,
    /// The format version.
    pub version: u32,
    /// The cohort it belongs to.
    pub cohort: CohortId,
    /// Who it is for.
    pub audience: Audience,
    /// The trainee it concerns: the one it is for, or the one who made it.
    pub trainee: PersonId,
    /// Who made it.
    pub made_by: Maker,
    /// When.
    pub made_at: DateTime<Utc>,
    /// The records, by `kind:id`.
    pub records: Records,
    /// The same records as the maker last received them from the other side, so that the
    /// other side can tell its own edits from the maker's.
    #[serde(default)]
    pub base: Records,
    /// The trainee's signing keys (public key and salt, never a code): from the trainers, so
    /// that she signs at home with the key she chose in the room; from her, so that the
    /// trainers register the key of her first signature.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<PersonKey>,
    /// The lines she signed in her own Cercle, which the trainers check before recording.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatures: Vec<LineSignature>,
    /// `sha256:` and the hash of everything above, written canonically.
    pub hash: String,
}

/// Why a bundle was refused. Nothing is written when one is.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum BundleError {
    /// The file ends too early.
    #[error("the bundle is truncated (it ends at line {line}, column {column})")]
    Truncated {
        /// Line where it ends.
        line: usize,
        /// Column where it ends.
        column: usize,
    },
    /// Not JSON, or not a bundle.
    #[error("this is not a Cercle bundle (line {line}, column {column}: {reason})")]
    NotABundle {
        /// Line of the problem.
        line: usize,
        /// Column of the problem.
        column: usize,
        /// What is wrong.
        reason: String,
    },
    /// Made by a newer Cercle.
    #[error(
        "this bundle has format version {0}, newer than this Cercle reads ({VERSION}); update Cercle"
    )]
    Newer(u32),
    /// Changed after it was made.
    #[error("the bundle was changed after it was made: its content does not match its hash")]
    Tampered,
    /// For a cohort this data does not hold.
    #[error("this bundle is for cohort {0}, which is not in this data")]
    OtherCohort(CohortId),
    /// Made for someone else: a trainee, by name, or the trainers (`None`).
    #[error(
        "this bundle is for {}, not for this machine's user",
        .0.as_deref().unwrap_or("the trainers")
    )]
    NotForYou(Option<String>),
}

/// The hash of a bundle's content: everything but the `hash` field, keys in order.
fn hash_of(bundle: &Bundle) -> String {
    let mut value = serde_json::to_value(bundle).unwrap_or(Value::Null);
    if let Some(object) = value.as_object_mut() {
        object.remove("hash");
    }
    let digest = Sha256::digest(super::canonical(&value).as_bytes());
    let hex = digest.iter().fold(String::new(), |mut hex, b| {
        let _ = write!(hex, "{b:02x}");
        hex
    });
    format!("sha256:{hex}")
}

impl Bundle {
    /// A new bundle, with its hash.
    pub fn new(
        cohort: CohortId,
        audience: Audience,
        trainee: PersonId,
        made_by: Maker,
        made_at: DateTime<Utc>,
        records: Records,
        base: Records,
    ) -> Self {
        let mut bundle = Self {
            format: FORMAT.to_owned(),
            version: 1,
            cohort,
            audience,
            trainee,
            made_by,
            made_at,
            records,
            base,
            keys: Vec::new(),
            signatures: Vec::new(),
            hash: String::new(),
        };
        bundle.hash = hash_of(&bundle);
        bundle
    }

    /// The bundle with the trainee's keys and signed lines, as version 2 when it carries any.
    #[must_use]
    pub fn with_signing(mut self, keys: Vec<PersonKey>, signatures: Vec<LineSignature>) -> Self {
        if !keys.is_empty() || !signatures.is_empty() {
            self.version = VERSION;
        }
        self.keys = keys;
        self.signatures = signatures;
        self.hash = hash_of(&self);
        self
    }

    /// The bundle as written to a file: control and bidi characters as `\uXXXX` escapes, so
    /// that it prints harmlessly and reads back the same.
    pub fn to_json(&self) -> Vec<u8> {
        let json = serde_json::to_string_pretty(self).unwrap_or_default();
        let mut json = crate::domain::text::escape_json(&json).into_owned();
        json.push('\n');
        json.into_bytes()
    }

    /// Reads a bundle, refusing a truncated, foreign, newer or tampered one.
    pub fn parse(bytes: &[u8]) -> Result<Self, BundleError> {
        let value: Value = serde_json::from_slice(bytes).map_err(|e| {
            if e.is_eof() {
                BundleError::Truncated {
                    line: e.line(),
                    column: e.column(),
                }
            } else {
                not_a_bundle(&e)
            }
        })?;
        if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
            return Err(BundleError::NotABundle {
                line: 1,
                column: 1,
                reason: format!("no \"format\": \"{FORMAT}\""),
            });
        }
        let version = value.get("version").and_then(Value::as_u64).unwrap_or(0);
        if version > u64::from(VERSION) {
            return Err(BundleError::Newer(
                u32::try_from(version).unwrap_or(u32::MAX),
            ));
        }
        let bundle: Self = serde_json::from_slice(bytes).map_err(|e| not_a_bundle(&e))?;
        if hash_of(&bundle) != bundle.hash {
            return Err(BundleError::Tampered);
        }
        Ok(bundle)
    }
}

fn not_a_bundle(e: &serde_json::Error) -> BundleError {
    let reason = e.to_string();
    // serde_json appends " at line L column C"; the fields say it already.
    let reason = reason
        .split(" at line ")
        .next()
        .unwrap_or(&reason)
        .to_owned();
    BundleError::NotABundle {
        line: e.line(),
        column: e.column(),
        reason,
    }
}

/// The bundle the trainers send to `trainee`, with what they last received from them as base.
pub fn for_trainee(
    data: &crate::domain::Data,
    cohort: &crate::domain::Cohort,
    trainee: &PersonId,
    made_by: Maker,
    made_at: DateTime<Utc>,
    received: &Records,
) -> Bundle {
    let records = super::project::for_trainee(data, cohort, trainee);
    let base = super::records::without_undecided(received, &cohort.id, &data.conflicts);
    let (keys, _) = super::project::signing_of(cohort, trainee);
    Bundle::new(
        cohort.id.clone(),
        Audience::Trainee,
        trainee.clone(),
        made_by,
        made_at,
        records,
        base,
    )
    .with_signing(keys, Vec::new())
}

/// The bundle `trainee` sends to the trainers, with what they last received of theirs as base.
pub fn for_trainers(
    data: &crate::domain::Data,
    cohort: &crate::domain::Cohort,
    trainee: &PersonId,
    made_at: DateTime<Utc>,
    received: &Records,
) -> Bundle {
    let records = super::project::from_trainee(data, cohort, trainee);
    let base = super::records::without_undecided(received, &cohort.id, &data.conflicts)
        .into_iter()
        .filter(|(key, value)| super::project::owned_by(key, value, trainee))
        .collect();
    let name = data
        .person(trainee)
        .map_or_else(|| trainee.to_string(), |p| p.name.clone());
    let made_by = Maker {
        id: trainee.clone(),
        name,
    };
    let (keys, signatures) = super::project::signing_of(cohort, trainee);
    Bundle::new(
        cohort.id.clone(),
        Audience::Trainers,
        trainee.clone(),
        made_by,
        made_at,
        records,
        base,
    )
    .with_signing(keys, signatures)
}
