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

/// The copy kept: the records last received, the bundle's hash, and what was kept before it,
/// so that the same bundle imported again (after an undo, say) is merged against the same base.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct Kept {
    hash: String,
    records: Records,
    #[serde(default)]
    before: Records,
}

fn read(dir: &Path, cohort: &CohortId, from: Side<'_>) -> Kept {
    std::fs::read(path_for(dir, cohort, from))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// What was last received from `from` before the bundle with hash `hash`; empty when nothing
/// was, or when the copy is unreadable (then every difference counts as new on both sides,
/// which can only add conflicts, never lose an edit).
pub fn load(dir: &Path, cohort: &CohortId, from: Side<'_>, hash: &str) -> Records {
    let kept = read(dir, cohort, from);
    if kept.hash == hash {
        kept.before
    } else {
        kept.records
    }
}

/// What was last received from `from`, whatever bundle it came in: the base of the next bundle
/// sent back.
pub fn last(dir: &Path, cohort: &CohortId, from: Side<'_>) -> Records {
    read(dir, cohort, from).records
}

/// The bytes to keep after importing bundle `hash` whose records were `records`, merged
/// against `before`: control and bidi characters escaped, as in the bundle itself.
pub fn to_keep(hash: &str, records: &Records, before: &Records) -> Vec<u8> {
    let kept = Kept {
        hash: hash.to_owned(),
        records: records.clone(),
        before: before.clone(),
    };
    let json = serde_json::to_string(&kept).unwrap_or_default();
    crate::domain::text::escape_json(&json)
        .into_owned()
        .into_bytes()
}

/// Keeps what was just received (0600, written atomically).
pub fn keep(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    crate::store::write_private(path, bytes).map(|_| ())
}
