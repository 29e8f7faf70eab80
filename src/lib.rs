//! Cercle: a keyboard-first terminal app for a cohort of tiers-lieux facilitator trainees.
//!
//! Floors, from the bottom: [`domain`] (pure types and rules), [`store`] (the JSON file on disk),
//! then the application state and the views above them.

pub mod domain;
pub mod generate;
pub mod sample;
pub mod schema;
