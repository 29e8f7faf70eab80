//! What was last received from each side, kept beside the data (0600) as the base of the next
//! exchange: `bundles/<cohort>--<side>.json`.

use super::bundle::{Audience, Bundle};
use super::records::Records;
use crate::domain::{CohortId, PersonId};
use std::path::{Path, PathBuf};

/// The file holding what was last received from the other side of `bundle`'s exchange.
pub fn path_for(dir: &Path, cohort: &CohortId, from: Side<'_>) -> PathBuf {
    let side = match from {
        Side::Trainers => "trainers".to_owned(),
        Side::Trainee(id) => format!("trainee-{}", safe(id.as_str())),
    };
    dir.join("bundles")
        .join(format!("{}--{side}.json", safe(cohort.as_str())))
}

/// The other side of an exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side<'a> {
    /// The cohort's trainers.
    Trainers,
    /// One trainee.
    Trainee(&'a PersonId),
}

impl<'a> Side<'a> {
    /// The side that made `bundle`.
    pub fn maker(bundle: &'a Bundle) -> Self {
        match bundle.audience {
            Audience::Trainee => Self::Trainers,
            Audience::Trainers => Self::Trainee(&bundle.trainee),
        }
    }
}

/// Ids come from files others made: keep a file name to letters, digits, `-` and `_`.
fn safe(id: &str) -> String {
    let cleaned: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    if cleaned.is_empty() {
        "_".to_owned()
    } else {
        cleaned
    }
}

/// What was last received from `from`; empty when nothing was, or when the copy is unreadable
/// (then every difference is treated as new on both sides, which can only add conflicts).
pub fn load(dir: &Path, cohort: &CohortId, from: Side<'_>) -> Records {
    std::fs::read(path_for(dir, cohort, from))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Keeps what was just received from `from` (0600, written atomically).
pub fn keep(
    dir: &Path,
    cohort: &CohortId,
    from: Side<'_>,
    records: &Records,
) -> std::io::Result<()> {
    let bytes = serde_json::to_vec(records).map_err(std::io::Error::other)?;
    crate::store::write_private(&path_for(dir, cohort, from), &bytes).map(|_| ())
}
