//! What the store knows of a split directory between two saves.

use crate::domain::Data;
use crate::store::seen::Seen;
use std::collections::HashMap;

/// What the store knows of a split directory.
#[derive(Debug)]
pub(in crate::store) struct Tree {
    /// The data as last loaded or saved. Its records are shared with the app's versions, so a
    /// cohort or a person that is the very same record has not changed since.
    pub(super) last: Data,
    /// Each document (by its path relative to the data directory) as last read or written.
    pub(super) docs: HashMap<String, Seen>,
    /// The file of each cohort of `last`, in its order.
    pub(super) cohort_files: Vec<String>,
    /// Whether the base of the backup sets is known to hold `docs`: checked at the first save
    /// after a load, then kept in step by each save.
    pub(super) base_ready: bool,
}

impl Tree {
    /// What the store knows before anything was read or written.
    pub(super) fn empty() -> Self {
        Self {
            last: Data::default(),
            docs: HashMap::new(),
            cohort_files: Vec::new(),
            base_ready: false,
        }
    }
}
