//! The subcommands: each returns the process exit code, and prints what a user can act on.

pub(crate) mod bundle;
pub(crate) mod contacts;
pub mod out;
pub(crate) mod privacy;
mod sync;

use crate::cli::{Command, ShellArg};
use crate::domain::Data;
use crate::domain::clock::Clock;
use crate::domain::rules::{self, Severity};
use crate::i18n::{Lang, Msg, fill};
use crate::store::{Store, StoreError};
use clap::CommandFactory;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

/// Runs a subcommand against the data directory, with the user's settings (the language of
/// what it writes for people, who the user is) and where they are kept.
pub fn run(
    command: Command,
    dir: &Path,
    config: &crate::config::Config,
    config_path: Option<&Path>,
) -> ExitCode {
    let lang = config.lang;
    if !matches!(command, Command::Completions { .. })
        && let Some(link) = crate::store::planted_link(dir)
    {
        eprintln!("cercle: {}", link.in_lang(lang));
        return ExitCode::FAILURE;
    }
    let outcome = match command {
        Command::Init { sample } => init(dir, sample, lang),
        Command::Check => return check(dir, lang),
        Command::Summary { json } => summary(dir, json, lang),
        Command::Generate { cohorts, seed } => generate(dir, cohorts, seed, lang),
        Command::Import { what } => match what {
            crate::cli::ImportCommand::Contacts { file } => contacts::import(dir, &file, lang),
            crate::cli::ImportCommand::Bundle { file, dry_run, me } => {
                let me = me.or_else(|| config.me.as_ref().map(ToString::to_string));
                let trainer = config.role == Some(crate::config::Role::Trainer);
                bundle::import(dir, &file, dry_run, me.as_deref(), trainer, lang)
                    .map(|first| bundle::remember_me(first, config, config_path, lang))
            }
        },
        Command::Backups => backups(dir, lang),
        Command::Restore { backup } => restore(dir, &backup, lang),
        Command::Export { what } => {
            crate::commands_export::run(what, dir, lang, config.me.as_ref())
        }
        Command::Sync { what } => sync::run(what, dir, config),
        Command::MergeDriver { base, ours, theirs } => sync::merge_driver(&base, &ours, &theirs),
        Command::Forget { person, yes } => privacy::forget(dir, &person, yes, lang),
        Command::Completions { shell } => completions(shell, lang),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            out::error(&message, lang);
            ExitCode::FAILURE
        }
    }
}

/// A failed save, as the command line must tell it: the command is over, so what was not
/// written is not "still in memory"; the file is as it was, and the command can run again.
pub(crate) fn not_saved(error: &StoreError, lang: Lang) -> String {
    use std::io::ErrorKind;
    let (path, reason) = match error {
        StoreError::Save { path, source, .. } => (
            path.display().to_string(),
            match source.kind() {
                ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
                    Msg::DiskFull.text(lang).to_owned()
                }
                ErrorKind::ReadOnlyFilesystem => Msg::DiskReadOnly.text(lang).to_owned(),
                ErrorKind::FileTooLarge => Msg::FileTooBig.text(lang).to_owned(),
                _ => crate::i18n::io_reason(source, lang),
            },
        ),
        StoreError::Serialize(e) => (crate::store::DATA_FILE.to_owned(), e.to_string()),
        other => return other.to_string(),
    };
    fill(
        Msg::NothingWritten.text(lang),
        &[("path", &path), ("reason", &reason)],
    )
}

/// A person by id or by an unambiguous part of their name; the error lists the candidates.
pub(crate) fn person<'a>(data: &'a Data, query: &str) -> Result<&'a crate::domain::Person, String> {
    crate::domain::lookup::find(
        "person",
        &data.people,
        query,
        |p| p.id.as_str(),
        |p| &p.name,
    )
    .map(|p| &**p)
    .map_err(|e| e.to_string())
}

/// Writes a new data file, refusing to replace one.
fn create(dir: &Path, data: &Data, what: &str, lang: Lang) -> Result<(), String> {
    let mut store = Store::open(dir).map_err(|e| e.to_string())?;
    if store.data_path().exists() {
        return Err(format!(
            "{} already exists; Cercle never replaces data. Choose another --data-dir, or move the file away first.",
            store.data_path().display()
        ));
    }
    store.save(data).map_err(|e| not_saved(&e, lang))?;
    out::line(
        &format!("{what} written to {}", store.data_path().display()),
        lang,
    )
}

fn init(dir: &Path, sample: bool, lang: Lang) -> Result<(), String> {
    if sample {
        create(dir, &crate::sample::sample(), "The sample cohort was", lang)
    } else {
        create(
            dir,
            &Data::empty("Facilitateur·rice de tiers-lieux", ""),
            "An empty programme was",
            lang,
        )
    }
}

fn generate(dir: &Path, cohorts: u32, seed: u64, lang: Lang) -> Result<(), String> {
    let data = crate::generate::generate(cohorts as usize, seed);
    create(
        dir,
        &data,
        &format!("A synthetic network of {cohorts} cohorts (seed {seed}) was"),
        lang,
    )
}

/// Reads the data without taking the lock: these commands only look. The refusal, in the
/// user's language, gives advice that fits a read.
pub fn read(dir: &Path, lang: Lang) -> Result<Data, String> {
    let failed = |e: StoreError| match e {
        StoreError::Io { path, source, .. } => crate::i18n::cannot_read(&path, &source, lang),
        other => other.to_string(),
    };
    let mut store = Store::open_read_only(dir).map_err(failed)?;
    store.load().map_err(failed)?.ok_or_else(|| {
        fill(
            Msg::NoDataToRead.text(lang),
            &[("dir", &dir.display().to_string())],
        )
    })
}

/// `check`: 0 when sound, 1 when the file loads but breaks a rule, 2 when it cannot be read.
fn check(dir: &Path, lang: Lang) -> ExitCode {
    let path = dir.join(crate::store::DATA_FILE);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            out::error(&crate::i18n::cannot_read(&path, &e, lang), lang);
            return ExitCode::from(2);
        }
    };
    let data = match read(dir, lang) {
        Ok(data) => data,
        Err(e) => {
            out::error(&e, lang);
            return ExitCode::from(2);
        }
    };
    let mut problems: Vec<(Severity, String)> = Vec::new();
    match serde_json::from_slice::<serde_json::Value>(&bytes) {
        Ok(value) => problems.extend(
            crate::schema::validate(&value)
                .into_iter()
                .map(|e| (Severity::Error, format!("schema: {e}"))),
        ),
        Err(e) => problems.push((Severity::Error, format!("schema: {e}"))),
    }
    let today = Clock::from_env().today();
    problems.extend(
        rules::problems(&data, today)
            .into_iter()
            .map(|p| (p.severity, p.message)),
    );
    let errors = problems
        .iter()
        .filter(|(s, _)| *s == Severity::Error)
        .count();
    let mut text = String::new();
    for (severity, message) in &problems {
        let word = if *severity == Severity::Error {
            "error"
        } else {
            "warning"
        };
        let _ = writeln!(text, "{word}: {}", crate::domain::text::visible(message));
    }
    let _ = writeln!(
        text,
        "{}: {} cohorts, {} people, {errors} errors, {} warnings",
        path.display(),
        data.cohorts.len(),
        data.people.len(),
        problems.len() - errors
    );
    if let Err(e) = out::block(&text, lang) {
        out::error(&e, lang);
        return ExitCode::FAILURE;
    }
    if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn summary(dir: &Path, json: bool, lang: Lang) -> Result<(), String> {
    // The process ends right after printing: the records of a network (100 MB in half a
    // million pieces) are left to the system at exit rather than freed one by one.
    let data = std::mem::ManuallyDrop::new(read(dir, lang)?);
    let today = Clock::from_env().today();
    let rows: Vec<serde_json::Value> = data
        .cohorts
        .iter()
        .map(|cohort| {
            let attendance = rules::cohort_attendance(cohort, today);
            serde_json::json!({
                "id": cohort.id,
                "name": cohort.name,
                "trainees": cohort.active_trainees().count(),
                "half_days_held": attendance.half_days_held,
                "half_days_planned": attendance.half_days_planned,
                "attendance_rate": attendance.rate().map(|r| (r * 10.0).round() / 10.0),
            })
        })
        .collect();
    if json {
        let json = serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?;
        let mut json = crate::domain::text::escape_json(&json).into_owned();
        json.push('\n');
        return out::document(json.as_bytes(), lang);
    }
    let mut text = String::new();
    let _ = writeln!(
        text,
        "{:<32} {:>8} {:>17} {:>11}",
        "cohort", "trainees", "half-days held", "attendance"
    );
    for row in &rows {
        let rate = row["attendance_rate"]
            .as_f64()
            .map_or_else(|| "-".to_owned(), |r| format!("{r:.1} %"));
        let name: String = crate::domain::text::visible(row["name"].as_str().unwrap_or_default())
            .chars()
            .take(32)
            .collect();
        let _ = writeln!(
            text,
            "{name:<32} {:>8} {:>8} / {:<6} {rate:>11}",
            // A JSON value ignores widths; its text does not.
            row["trainees"].to_string(),
            row["half_days_held"].to_string(),
            row["half_days_planned"].to_string()
        );
    }
    out::block(&text, lang)
}

fn backups(dir: &Path, lang: Lang) -> Result<(), String> {
    let store = Store::open_read_only(dir).map_err(|e| e.to_string())?;
    let list = store.backups().map_err(|e| e.to_string())?;
    if list.is_empty() {
        out::line(
            &format!("No backups yet in {}.", dir.join("backups").display()),
            lang,
        )?;
    }
    let mut text = String::new();
    for backup in list {
        // A damaged file set aside by a restore is a backup too: say it, so nobody restores it.
        let sound =
            std::fs::read(&backup.path).is_ok_and(|bytes| crate::store::from_json(&bytes).is_ok());
        let mark = if sound {
            ""
        } else {
            "  (damaged: do not restore)"
        };
        let _ = writeln!(text, "{}  {} bytes{mark}", backup.name, backup.size);
    }
    out::block(&text, lang)
}

fn restore(dir: &Path, name: &str, lang: Lang) -> Result<(), String> {
    let mut store = Store::open(dir).map_err(|e| e.to_string())?;
    let restored = store.restore(name).map_err(|e| not_saved(&e, lang))?;
    match restored.previous {
        Some(previous) => out::line(
            &format!(
                "Restored {name}; the file it replaced was kept as {}.",
                previous.display()
            ),
            lang,
        ),
        None => out::line(&format!("Restored {name}."), lang),
    }
}

fn completions(shell: ShellArg, lang: Lang) -> Result<(), String> {
    let shell = match shell {
        ShellArg::Bash => clap_complete::Shell::Bash,
        ShellArg::Zsh => clap_complete::Shell::Zsh,
        ShellArg::Fish => clap_complete::Shell::Fish,
    };
    let mut script = Vec::new();
    clap_complete::generate(
        shell,
        &mut crate::cli::Cli::command(),
        "cercle",
        &mut script,
    );
    out::document(&script, lang)
}
