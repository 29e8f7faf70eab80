//! The programme: its certification, its competency framework and its modules.

use super::ids::{BlockId, CompetencyId, ModuleId, ProgrammeId};
use serde::{Deserialize, Serialize};

/// The training programme a cohort follows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Programme {
    /// Stable id.
    pub id: ProgrammeId,
    /// Exact title of the training, as printed on attendance sheets.
    pub title: String,
    /// The training organisation (organisme de formation).
    pub provider: String,
    /// The certification the programme leads to.
    #[serde(default)]
    pub certification: Certification,
    /// The competency framework: a common core plus specific blocks.
    #[serde(default)]
    pub blocks: Vec<CompetencyBlock>,
    /// The modules of the curriculum.
    #[serde(default)]
    pub modules: Vec<Module>,
}

/// A professional certification, e.g. RS5142 "Piloter un tiers-lieu".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Certification {
    /// Registry code, e.g. `RS5142`.
    pub code: String,
    /// Title of the certification.
    pub title: String,
}

/// Whether a block belongs to the common core or is specific to a type of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// Tronc commun.
    #[default]
    Core,
    /// A specific block, e.g. fabmanager.
    Specific,
}

/// A block of the competency framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetencyBlock {
    /// Stable id.
    pub id: BlockId,
    /// Short code, e.g. `B1` or `FAB`.
    pub code: String,
    /// Title of the block.
    pub title: String,
    /// Common core or specific.
    #[serde(default)]
    pub kind: BlockKind,
    /// The competencies of the block.
    #[serde(default)]
    pub competencies: Vec<Competency>,
}

/// One competency of a block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Competency {
    /// Stable id.
    pub id: CompetencyId,
    /// What the competency is.
    pub title: String,
}

/// A unit of the curriculum, tied to a competency block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Module {
    /// Stable id.
    pub id: ModuleId,
    /// Catalogue code, e.g. `2.1`.
    pub code: String,
    /// Exact title, as printed on attendance sheets.
    pub title: String,
    /// The block this module belongs to.
    pub block: BlockId,
    /// Hours planned for every trainee.
    pub planned_hours: f64,
    /// Learning objectives.
    #[serde(default)]
    pub objectives: Vec<String>,
}

impl Programme {
    /// Looks a module up by id.
    pub fn module(&self, id: &ModuleId) -> Option<&Module> {
        self.modules.iter().find(|m| &m.id == id)
    }

    /// The catalogue codes of modules ("2.1"), an unknown one by its id.
    pub fn codes(&self, modules: &[ModuleId]) -> Vec<String> {
        modules
            .iter()
            .map(|m| {
                self.module(m)
                    .map_or_else(|| m.to_string(), |m| m.code.clone())
            })
            .collect()
    }

    /// A module as people name it, its code then its title ("1.2 Penser global, agir local"),
    /// or its id when the programme does not know it.
    pub fn module_label(&self, id: &ModuleId) -> String {
        self.module(id)
            .map_or_else(|| id.to_string(), |m| format!("{} {}", m.code, m.title))
    }

    /// Looks a block up by id.
    pub fn block(&self, id: &BlockId) -> Option<&CompetencyBlock> {
        self.blocks.iter().find(|b| &b.id == id)
    }

    /// Total planned hours of the programme, for every trainee (all are enrolled in all modules).
    pub fn planned_hours(&self) -> f64 {
        self.modules.iter().map(|m| m.planned_hours).sum()
    }
}
