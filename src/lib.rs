//! Cercle: a keyboard-first terminal app for a cohort of tiers-lieux facilitator trainees.
//!
//! Floors, from the bottom: [`domain`] (pure types and rules); [`store`], [`config`] and the
//! exports beside it (I/O, no terminal); [`app`] (state and `update`); [`ui`] (views); and
//! [`tui`], the event loop that carries out effects. [`cli`] and [`commands`] are the command
//! line.

pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod domain;
pub mod exchange;
pub mod export;
pub mod generate;
pub mod i18n;
pub mod sample;
pub mod schema;
pub mod share;
pub mod store;
pub mod sync;
pub mod tui;
pub mod ui;
