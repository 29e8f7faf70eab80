//! Stable identifiers. Every record carries one, so that files can be merged by id and
//! scripted with `jq`; they are plain strings in the JSON.

use rustc_hash::FxBuildHasher as FastHash;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

macro_rules! id_type {
    ($(#[$doc:meta] $name:ident),* $(,)?) => {$(
        #[$doc]
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Wraps any string as this kind of id.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The id as it is written in the file.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    )*};
}

id_type! {
    /// Identifies the programme.
    ProgrammeId,
    /// Identifies a competency block (common core or specific block).
    BlockId,
    /// Identifies one competency inside a block.
    CompetencyId,
    /// Identifies a module of the curriculum.
    ModuleId,
    /// Identifies a tiers-lieu that hosts seminars.
    VenueId,
    /// Identifies a cohort (promotion).
    CohortId,
    /// Identifies a seminar.
    SeminarId,
    /// Identifies a half-day, the legal unit of attendance.
    HalfDayId,
    /// Identifies a knowledge offer or request.
    KnowledgeId,
    /// Identifies an exchange of knowledge.
    ExchangeId,
    /// Identifies a tutor request.
    TutorRequestId,
    /// Identifies a follow-up log entry.
    FollowUpId,
}

/// Identifies a person: trainee, trainer or venue host.
///
/// A person is named in thousands of records (every mark holds its trainee and who marked it),
/// so the text is shared: a copy of an id copies a pointer, and while a file is read inside
/// [`interning`], every mention of one person shares one text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct PersonId(Arc<str>);

impl PersonId {
    /// Wraps any string as a person's id.
    pub fn new(id: impl Into<String>) -> Self {
        Self(Arc::from(id.into()))
    }

    /// The id as it is written in the file.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PersonId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for PersonId {
    fn from(s: &str) -> Self {
        Self(Arc::from(s))
    }
}

impl Serialize for PersonId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for PersonId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;
        impl Visitor<'_> for Text {
            type Value = PersonId;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a person's id")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<PersonId, E> {
                Ok(PersonId(shared_text(text)))
            }
        }
        deserializer.deserialize_str(Text)
    }
}

/// The texts shared so far by an [`interning`], and the last one asked for: a half-day's marks
/// all name the same trainer as marking, one after the other.
#[derive(Default)]
struct Interner {
    texts: HashSet<Arc<str>, FastHash>,
    last: Option<Arc<str>>,
}

thread_local! {
    /// The [`interning`] under way on this thread, if any.
    static SHARED: RefCell<Option<Interner>> = const { RefCell::new(None) };
}

/// Runs `read` (typically reading a file) so that ids read in it share their text: the same
/// person's id in 500 marks is kept once, which saves memory and an allocation per mention.
pub fn interning<T>(read: impl FnOnce() -> T) -> T {
    let outer = SHARED.with(|shared| shared.borrow().is_some());
    if outer {
        return read();
    }
    SHARED.with(|shared| *shared.borrow_mut() = Some(Interner::default()));
    let out = read();
    SHARED.with(|shared| shared.borrow_mut().take());
    out
}

fn shared_text(text: &str) -> Arc<str> {
    SHARED.with(|shared| match shared.borrow_mut().as_mut() {
        Some(interner) => {
            if let Some(last) = interner.last.as_ref().filter(|last| ***last == *text) {
                return Arc::clone(last);
            }
            let found = if let Some(known) = interner.texts.get(text) {
                Arc::clone(known)
            } else {
                let new: Arc<str> = Arc::from(text);
                interner.texts.insert(Arc::clone(&new));
                new
            };
            interner.last = Some(Arc::clone(&found));
            found
        }
        None => Arc::from(text),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_while_interning_share_their_text() {
        let json = r#"["p-1", "p-2", "p-1"]"#;
        let ids: Vec<PersonId> = interning(|| serde_json::from_str(json)).unwrap();
        assert!(Arc::ptr_eq(&ids[0].0, &ids[2].0));
        assert_eq!(ids[0], PersonId::new("p-1"));
        assert_eq!(
            serde_json::to_string(&ids).unwrap(),
            r#"["p-1","p-2","p-1"]"#
        );
        let apart: Vec<PersonId> = serde_json::from_str(json).unwrap();
        assert!(!Arc::ptr_eq(&apart[0].0, &apart[2].0), "no sharing outside");
        assert_eq!(format!("{:?}", ids[1]), r#"PersonId("p-2")"#);
    }
}
