//! Conflicts left by a merge: the same field changed differently on two machines since they
//! last shared. They are kept in the file until someone chooses, so no edit is ever dropped.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

/// One step from the top of the document down to the field in conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Step {
    /// A named field of an object, e.g. `"status"`.
    Field(String),
    /// The element of a list whose identifying fields have these values, e.g. `{"id": "s-1"}`.
    Item(Map<String, Value>),
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Field(name) => f.write_str(name),
            Self::Item(key) => {
                let parts: Vec<String> = key
                    .values()
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                    .collect();
                write!(f, "[{}]", parts.join(","))
            }
        }
    }
}

/// A path into the document, printable as `cohorts[c-1].seminars[s-2].half_days[h-3]…`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct Path(pub Vec<Step>);

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            if i > 0 && matches!(step, Step::Field(_)) {
                f.write_str(".")?;
            }
            write!(f, "{step}")?;
        }
        Ok(())
    }
}

/// One of the two values in conflict, with where it came from when that is known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    /// The value; `None` when this side deleted the record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// Where it came from, e.g. "bundle from Camille Dubois"; empty when unknown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from: String,
}

/// A field changed differently on both sides since they last shared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// Where the field is.
    pub path: Path,
    /// Its value when both sides last agreed; `None` when both sides added it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Value>,
    /// The two values, in a fixed order that does not depend on which side merged.
    pub choices: [Choice; 2],
    /// Which of the two is in the document now, until someone chooses.
    pub kept: usize,
    /// When the merge met it.
    pub found: DateTime<Utc>,
}

impl Conflict {
    /// The value not in the document now.
    pub fn other(&self) -> &Choice {
        &self.choices[1 - self.kept.min(1)]
    }
}
