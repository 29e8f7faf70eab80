//! Undo and redo of changes to the data, each a named step.

use crate::domain::{Data, HalfDayId};
use std::sync::Arc;

/// How many steps are kept.
const DEPTH: usize = 100;

/// One step: what it was called and the data as it was on the other side of it.
#[derive(Debug, Clone)]
struct Step {
    label: String,
    data: Arc<Data>,
}

/// A record undo never takes back: `u` after it asks to withdraw it, with a reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recorded {
    /// A half-day's seal.
    Seal(HalfDayId),
    /// A correction of a sealed sheet, by its place in the half-day's history.
    Correction(HalfDayId, u32),
}

/// The undo and redo stacks. Snapshots share structure through `Arc`, and each cohort and
/// person is [`Shared`](crate::domain::Shared), so a step keeps only the records its change
/// replaced.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    recorded: Option<Recorded>,
}

impl History {
    /// Records a change named `label`, keeping the data as it was before it.
    pub fn record(&mut self, label: String, before: Arc<Data>) {
        self.undo.push(Step {
            label,
            data: before,
        });
        if self.undo.len() > DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.recorded = None;
    }

    /// Undoes the last change: returns its label and swaps the data back.
    pub fn undo(&mut self, data: &mut Arc<Data>) -> Option<String> {
        let step = self.undo.pop()?;
        let after = std::mem::replace(data, step.data);
        self.redo.push(Step {
            label: step.label.clone(),
            data: after,
        });
        Some(step.label)
    }

    /// Redoes the last undone change.
    pub fn redo(&mut self, data: &mut Arc<Data>) -> Option<String> {
        let step = self.redo.pop()?;
        let before = std::mem::replace(data, step.data);
        self.undo.push(Step {
            label: step.label.clone(),
            data: before,
        });
        Some(step.label)
    }

    /// Forgets every step: after a signature or a seal, nothing before it can be undone, so
    /// that `u` never takes a signature, a seal or a correction back. A seal or a correction
    /// is remembered instead: `u` then asks to withdraw it ([`History::recorded`]).
    pub fn keep_signed(&mut self, recorded: Option<Recorded>) {
        self.undo.clear();
        self.redo.clear();
        self.recorded = recorded;
    }

    /// The record `u` would withdraw, when the last change was one and nothing came since.
    pub fn recorded(&self) -> Option<&Recorded> {
        self.recorded.as_ref().filter(|_| self.undo.is_empty())
    }

    /// Whether there is anything to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_then_redo_restores_each_side() {
        let mut history = History::default();
        let before = Arc::new(Data::empty("A", "P"));
        let mut data = Arc::new(Data::empty("B", "P"));
        history.record("rename".into(), Arc::clone(&before));
        assert_eq!(history.undo(&mut data).as_deref(), Some("rename"));
        assert_eq!(data.programme.title, "A");
        assert_eq!(history.redo(&mut data).as_deref(), Some("rename"));
        assert_eq!(data.programme.title, "B");
        assert_eq!(history.redo(&mut data), None);
    }

    #[test]
    fn a_new_change_clears_redo_and_depth_is_bounded() {
        let mut history = History::default();
        let mut data = Arc::new(Data::default());
        for i in 0..150 {
            history.record(format!("step {i}"), Arc::clone(&data));
        }
        assert_eq!(history.undo.len(), DEPTH);
        history.undo(&mut data);
        history.record("new".into(), Arc::clone(&data));
        assert!(history.redo.is_empty());
    }
}
