//! Reading a data file's bytes: the current version, an older one to upgrade, a newer one, or damage.

use super::fault::Fault;
use super::migrate::{self, MigrateError, Migration};
use crate::domain::{Data, SCHEMA_VERSION};
use serde_json::Value;
use serde_json::error::Category;
use std::cmp::Ordering;

/// A file that could be read.
#[derive(Debug)]
pub(crate) enum Document {
    /// Written by this version.
    Current(Data),
    /// Written by an older version and upgraded in memory.
    Upgraded { data: Data, from: u32 },
    /// Written by a newer version, whose shape this one can still read.
    Future { data: Data, found: u32 },
}

/// Bytes that could not be read as Cercle data.
#[derive(Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Not JSON, or not the shape of a Cercle file.
    Damaged {
        /// 1-based line of the fault; 0 when it has no position (e.g. after an upgrade).
        line: usize,
        /// Column of the fault on that line.
        column: usize,
        /// What is wrong.
        reason: Fault,
    },
    /// Written by a newer version, which this one must not write back.
    TooNew {
        /// The version found.
        found: u32,
    },
}

impl Unreadable {
    /// Where the fault is (line and column, 0 when it has none) and what it is; a newer file
    /// says it against `supported`, the newest version the reader knows.
    pub(crate) fn located(self, supported: u32) -> (usize, usize, Fault) {
        match self {
            Self::Damaged {
                line,
                column,
                reason,
            } => (line, column, reason),
            Self::TooNew { found } => (0, 0, Fault::Newer { found, supported }),
        }
    }
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Damaged {
                line,
                column,
                reason,
            } if *line > 0 => write!(f, "{reason} (line {line}, column {column})"),
            Self::Damaged { reason, .. } => write!(f, "{reason}"),
            Self::TooNew { found } => write!(
                f,
                "written by a newer Cercle (data version {found}; this one supports {SCHEMA_VERSION})"
            ),
        }
    }
}

impl std::error::Error for Unreadable {}

/// Reads a data file. The fast path parses straight into [`Data`] once; the slower paths
/// (damage, other versions) parse again as untyped JSON to find out what went wrong.
pub(crate) fn read_document(
    bytes: &[u8],
    migrations: &[Migration],
) -> Result<Document, Unreadable> {
    // Every mention of a person shares one text (see `interning`): less memory, fewer allocations.
    crate::domain::ids::interning(|| read_shared(bytes, migrations))
}

fn read_shared(bytes: &[u8], migrations: &[Migration]) -> Result<Document, Unreadable> {
    // Checked as UTF-8 once, the text's strings need no check each; invalid bytes take the
    // slower path, which says where they are.
    // A large file in Cercle's own layout is read on several cores; any other in one piece.
    let typed = match super::split::read(bytes) {
        Some(data) => Ok(data),
        None => match std::str::from_utf8(bytes) {
            Ok(text) => serde_json::from_str::<Data>(text),
            Err(_) => serde_json::from_slice::<Data>(bytes),
        },
    };
    match typed {
        Ok(data) => match data.schema_version.cmp(&SCHEMA_VERSION) {
            Ordering::Equal => Ok(Document::Current(data)),
            Ordering::Greater => Ok(Document::Future {
                found: data.schema_version,
                data,
            }),
            // Same shape does not mean same meaning: an older file always goes through the steps.
            Ordering::Less => {
                let value = serde_json::from_slice(bytes).map_err(|e| damaged(bytes, &e))?;
                upgrade(value, data.schema_version, migrations)
            }
        },
        Err(shape) => {
            let value: Value = serde_json::from_slice(bytes).map_err(|e| damaged(bytes, &e))?;
            match value
                .get("schema_version")
                .and_then(Value::as_u64)
                .and_then(|v| u32::try_from(v).ok())
            {
                Some(found) if found > SCHEMA_VERSION => Err(Unreadable::TooNew { found }),
                Some(from) if from < SCHEMA_VERSION => upgrade(value, from, migrations),
                _ => Err(damaged(bytes, &shape)),
            }
        }
    }
}

fn upgrade(value: Value, from: u32, migrations: &[Migration]) -> Result<Document, Unreadable> {
    let no_position = |reason: Fault| Unreadable::Damaged {
        line: 0,
        column: 0,
        reason,
    };
    let value = migrate::migrate(value, from, migrations).map_err(|e| {
        no_position(match e {
            MigrateError::NoStep(version) => Fault::NeverWritten(version),
            MigrateError::Step { from, reason } => Fault::UpgradeFailed {
                from,
                detail: reason,
            },
        })
    })?;
    let data = serde_json::from_value(value).map_err(|e| {
        no_position(Fault::UpgradedNotShape {
            from,
            detail: e.to_string(),
        })
    })?;
    Ok(Document::Upgraded { data, from })
}

pub(super) fn damaged(bytes: &[u8], err: &serde_json::Error) -> Unreadable {
    Unreadable::Damaged {
        line: err.line(),
        column: err.column(),
        reason: describe(bytes, err),
    }
}

/// What is wrong with `bytes`, which `serde_json` refused with `err`, naming the usual culprits
/// before serde's own message.
pub fn describe(bytes: &[u8], err: &serde_json::Error) -> Fault {
    if bytes.is_empty() {
        return Fault::Empty;
    }
    if bytes.iter().all(|&b| b == 0) {
        return Fault::Zeros;
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return Fault::ByteOrderMark;
    }
    // serde_json appends " at line L column C"; the position is reported separately.
    let full = err.to_string();
    let message = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(m, _)| m);
    let message = message.to_owned();
    match err.classify() {
        Category::Eof => Fault::CutOff(message),
        Category::Syntax => Fault::NotJson(message),
        Category::Data => Fault::NotShape(message),
        Category::Io => Fault::Unread(message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::migrate::MIGRATIONS;
    use crate::store::migrate::tests::TEST_MIGRATIONS;

    fn sample() -> Vec<u8> {
        serde_json::to_vec_pretty(&Data::empty("Facilitateur de tiers-lieux", "Coopérative"))
            .unwrap()
    }

    fn damage(bytes: &[u8]) -> (usize, usize, String) {
        match read_document(bytes, MIGRATIONS) {
            Err(Unreadable::Damaged {
                line,
                column,
                reason,
            }) => (line, column, reason.to_string()),
            other => panic!("not reported as damaged: {other:?}"),
        }
    }

    #[test]
    fn current_file_reads() {
        assert!(matches!(
            read_document(&sample(), MIGRATIONS),
            Ok(Document::Current(d)) if d.programme.provider == "Coopérative"
        ));
    }

    #[test]
    fn each_kind_of_damage_is_named_with_its_position() {
        let good = sample();
        let (line, _, reason) = damage(b"");
        assert_eq!((line, reason.as_str()), (1, "the file is empty"));
        assert!(damage(&[0; 64]).2.contains("zero bytes"));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(&good);
        assert!(damage(&bom).2.contains("byte-order mark"));
        let (line, _, reason) = damage(&good[..good.len() / 2]);
        assert!(line > 1, "{line}");
        assert!(reason.contains("ends too early"), "{reason}");
        let (line, column, reason) = damage(b"{\n  \"schema_version\": 2,\n  oops\n}");
        assert_eq!((line, column), (3, 3));
        assert!(
            reason.starts_with("it is not valid JSON (key must be a string"),
            "{reason}"
        );
        let (line, _, reason) = damage(br#"{"schema_version": 2, "people": []}"#);
        assert_eq!(line, 1);
        assert!(reason.contains("missing field `programme`"), "{reason}");
        assert!(damage(b"[1, 2, 3]").2.contains("shape"));
    }

    #[test]
    fn newer_versions_read_when_they_can() {
        let mut value: Value = serde_json::from_slice(&sample()).unwrap();
        value["schema_version"] = (SCHEMA_VERSION + 1).into();
        let bytes = serde_json::to_vec(&value).unwrap();
        assert!(matches!(
            read_document(&bytes, MIGRATIONS),
            Ok(Document::Future { found, .. }) if found == SCHEMA_VERSION + 1
        ));
        let alien = br#"{"schema_version": 99, "everything": "moved"}"#;
        assert_eq!(
            read_document(alien, MIGRATIONS).unwrap_err(),
            Unreadable::TooNew { found: 99 }
        );
    }

    #[test]
    fn older_versions_are_upgraded_or_refused() {
        let old = br#"{"schema_version": 0, "title": "T", "provider": "P"}"#;
        let Ok(Document::Upgraded { data, from: 0 }) = read_document(old, TEST_MIGRATIONS) else {
            panic!("not upgraded");
        };
        assert_eq!(data.schema_version, SCHEMA_VERSION);
        assert_eq!(data.programme.title, "T");
        // With the real table, version 0 never existed.
        let (line, _, reason) = damage(old);
        assert_eq!(line, 0);
        assert!(reason.contains("never written"), "{reason}");
    }
}
