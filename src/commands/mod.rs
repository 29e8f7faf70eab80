//! The subcommands: each returns the process exit code, and prints what a user can act on.

//!
//! One file per subcommand; this file only sends each to its own. `out` is the one way out
//! for what they print, `load` what they share.

mod backups;
pub(crate) mod bundle;
mod certificate;
mod check;
pub mod complete;
mod completions;
pub(crate) mod contacts;
pub mod exit;
mod export;
pub mod help;
mod init;
pub mod load;
pub mod out;
pub(crate) mod privacy;
mod summary;
mod sync;
mod verify;

pub use load::read;

use crate::cli::Command;
use std::path::Path;
use std::process::ExitCode;

/// Runs a subcommand against the data directory, with the user's settings (the language of
/// what it writes for people; who the user is in this directory).
/// Whose copy this is, when it is a trainee's (her part of the cohort only).
fn trainee_copy(config: &crate::config::Config) -> Option<&crate::domain::PersonId> {
    config
        .me
        .as_ref()
        .filter(|_| config.role == Some(crate::config::Role::Trainee))
}

pub fn run(command: Command, dir: &Path, config: &crate::config::Config) -> ExitCode {
    let lang = config.lang;
    if !matches!(command, Command::Completions { .. } | Command::Man)
        && let Some(link) = crate::store::planted_link(dir)
    {
        eprintln!("cercle: {}", link.in_lang(lang));
        return ExitCode::FAILURE;
    }
    let outcome = match command {
        Command::Init { sample } => init::init(dir, sample, lang),
        Command::Check { json } => return check::check(dir, json, lang),
        Command::Summary { json } => summary::summary(dir, json, lang, trainee_copy(config)),
        Command::Generate { cohorts, seed } => init::generate(dir, cohorts, seed, lang),
        Command::Import { what } => match what {
            crate::cli::ImportCommand::Contacts { file, json } => {
                contacts::import(dir, &file, json, lang)
            }
            crate::cli::ImportCommand::Bundle {
                file,
                dry_run,
                me,
                json,
            } => {
                let me = me.or_else(|| config.me.as_ref().map(ToString::to_string));
                let trainer = config.role == Some(crate::config::Role::Trainer);
                let how = bundle::How {
                    dry_run,
                    json,
                    trainer,
                };
                bundle::import(dir, &file, how, me.as_deref(), lang)
                    .map(|first| bundle::remember_me(first, config, dir, lang))
            }
        },
        Command::Backups { json } => backups::backups(dir, json, lang),
        Command::Restore { backup } => backups::restore(dir, &backup, lang),
        Command::Export { what } => export::run(what, dir, lang, config.me.as_ref(), config.role),
        Command::Sync { what } => sync::run(what, dir, config),
        Command::MergeDriver {
            base,
            ours,
            theirs,
            path,
        } => sync::merge_driver(&base, &ours, &theirs, path.as_deref()),
        Command::Forget { person, yes } => privacy::forget(dir, &person, yes, lang),
        Command::Completions { shell } => completions::completions(shell, lang),
        Command::Man => completions::man(lang),
        Command::Verify { cohort, json } => verify::verify(dir, cohort.as_deref(), json, lang),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            out::error(&failure.message, lang);
            ExitCode::from(failure.code)
        }
    }
}
