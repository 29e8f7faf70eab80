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
    /// How it went, afterwards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluation: Option<Evaluation>,
}

/// An exchange evaluated afterwards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    /// Whether it was useful.
    pub useful: bool,
    /// A note on it.
    #[serde(default)]
    pub note: Note,
}
