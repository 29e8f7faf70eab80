//! Cercle's integration tests, in one crate so that the whole crate is linked once: each module
//! is one capability, and `common` holds the helpers they share (running the binary with its
//! own data and settings, a pseudo-terminal, hostile input, a team of machines for sync).

mod common;

mod app_update;
mod bundle;
mod bundle_hostile;
mod bundle_privacy;
mod circle;
mod cli;
mod conflict;
mod contacts_exchange;
mod contacts_search;
mod contacts_snapshots;
mod contacts_update;
mod crash;
mod disk_faults;
mod domain_directory;
mod double_bookings;
mod e2e;
mod e2e_circle;
mod e2e_contacts;
mod e2e_faults;
mod e2e_roll_call;
mod e2e_sharing;
mod e2e_signals;
mod e2e_sync;
mod e2e_tutoring;
mod export;
mod generate;
mod harden_text_bundle;
mod harden_text_csv;
mod harden_text_output;
mod harden_text_outside;
mod hostile_input;
mod injection;
mod keys_property;
mod layout;
mod modules;
mod privacy;
mod readme;
mod sample;
mod save_stream;
mod schema;
mod share_merge;
mod sharing;
mod sharing_app;
mod snapshots;
mod store;
mod sync;
mod sync_app;
mod sync_driver;
mod sync_edges;
mod tutoring_calendar;
mod tutoring_snapshots;
mod tutoring_update;
