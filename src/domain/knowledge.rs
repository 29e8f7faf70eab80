//! The knowledge circle: offers and requests of knowledge, and the exchanges that meet them.

use super::ids::{BlockId, ExchangeId, KnowledgeId, ModuleId, PersonId};
use super::people::Note;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Whether someone offers a piece of knowledge or asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KnowledgeKind {
    /// "I can share this."
    Offer,
    /// "I would like to learn this."
    Request,
}

/// What a piece of knowledge is about: a module or a whole competency block.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// A module.
    Module(ModuleId),
    /// A competency block.
    Block(BlockId),
}

/// An offer or a request of knowledge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnowledgeItem {
    /// Stable id.
    pub id: KnowledgeId,
    /// Who brings it.
    pub person: PersonId,
    /// Offer or request.
    pub kind: KnowledgeKind,
    /// In a few words.
    pub title: String,
    /// The module or block it touches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<Topic>,
    /// More detail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Note>,
}

/// How an exchange is shaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExchangeFormat {
    /// One person to another.
    OneToOne,
    /// One person to several.
    OneToMany,
    /// Built together.
    Together,
}

/// An exchange: an offer met a request and the circle put people in touch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exchange {
    /// Stable id.
    pub id: ExchangeId,
    /// The offer it answers, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer: Option<KnowledgeId>,
    /// The request it answers, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<KnowledgeId>,
    /// Everyone who took part.
    pub people: Vec<PersonId>,
    /// Its shape.
    pub format: ExchangeFormat,
    /// When it took place.
    pub date: NaiveDate,
    /// How it went, afterwards: each participant's own evaluation (a file written when an
    /// exchange had one shared evaluation, `evaluation`, reads as one of unknown author).
    #[serde(
        default,
        alias = "evaluation",
        deserialize_with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub evaluations: Vec<Evaluation>,
}

/// An evaluation as older files hold it (one per exchange, or none) or as it is now (a list).
/// Read by a visitor rather than an untagged enum, which would read it as untyped content first
/// and hide its unknown fields from [`super::screen`]; the older forms are a doubt there.
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Evaluation>, D::Error> {
    use serde::de::{self, MapAccess, SeqAccess, Visitor};
    struct OneOrMany;
    impl<'de> Visitor<'de> for OneOrMany {
        type Value = Vec<Evaluation>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a list of evaluations, one evaluation, or null")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut all = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
            while let Some(one) = seq.next_element()? {
                all.push(one);
            }
            Ok(all)
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            super::screen::doubt();
            Evaluation::deserialize(de::value::MapAccessDeserializer::new(map)).map(|one| vec![one])
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
    }
    d.deserialize_any(OneOrMany)
}

impl Exchange {
    /// The evaluation `who` made of the exchange, if any.
    pub fn evaluation_by(&self, who: &PersonId) -> Option<&Evaluation> {
        self.evaluations.iter().find(|e| e.by.as_ref() == Some(who))
    }

    /// Writes `who`'s evaluation, replacing her earlier one; the others' stay as they are.
    pub fn evaluate(&mut self, evaluation: Evaluation) {
        match self.evaluations.iter_mut().find(|e| e.by == evaluation.by) {
            Some(earlier) => *earlier = evaluation,
            None => self.evaluations.push(evaluation),
        }
    }
}

/// An exchange evaluated afterwards, by one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    /// Who evaluated it: a participant, or a trainer (unknown for one written when an exchange
    /// had a single evaluation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<PersonId>,
    /// Whether it was useful.
    pub useful: bool,
    /// A note on it.
    #[serde(default)]
    pub note: Note,
}
