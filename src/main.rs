//! The `cercle` binary: parses the command line and hands over to the library.

use cercle::cli::{Cli, LangArg};
use cercle::config::{self, Config};
use cercle::i18n::Lang;
use cercle::store::{self, Store, StoreError};
use clap::Parser;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let dir = match store::resolve_data_dir(cli.data_dir.clone()) {
        Ok(dir) => dir,
        Err(e) => {
            eprintln!("cercle: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(command) = cli.command {
        // Commands speak the language the app would (`--lang`, settings, locale).
        let (config, config_path, _) = settings(cli.lang);
        return cercle::commands::run(command, &dir, &config, config_path.as_deref());
    }
    let (config, config_path, warnings) = settings(cli.lang);
    for warning in &warnings {
        eprintln!("cercle: {warning}");
    }
    let opened = if cli.read_only {
        Store::open_read_only(&dir)
    } else {
        // A read-only directory still opens, read-only, with the reason shown.
        Store::open_or_read_only(&dir)
    };
    let store = match opened {
        Ok(store) => store,
        Err(e @ StoreError::Locked { .. }) => {
            eprintln!("cercle: {e}");
            return ExitCode::from(3);
        }
        Err(e) => {
            eprintln!("cercle: {}", e.in_lang(config.lang));
            return ExitCode::FAILURE;
        }
    };
    let options = cercle::tui::Options {
        data_dir: dir,
        config_path,
        config,
        config_warnings: warnings.iter().map(ToString::to_string).collect(),
    };
    match cercle::tui::run(store, &options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // Not `eprintln!`: stderr is often the terminal that just failed, and it panics.
            let _ = writeln!(std::io::stderr(), "cercle: the terminal failed: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The settings: defaults, then the locale, then `config.toml`, then `--lang` and `NO_COLOR`.
fn settings(lang: Option<LangArg>) -> (Config, Option<PathBuf>, Vec<config::ConfigWarning>) {
    let env = |name: &str| std::env::var(name).ok();
    let base = Config {
        lang: Lang::from_locale(env),
        ..Config::default()
    };
    let path = config_dir().map(|dir| dir.join(config::FILE_NAME));
    let (mut config, warnings) = match path.as_ref().map(|p| (p, std::fs::read_to_string(p))) {
        Some((path, Ok(text))) => config::parse(&text, path, base),
        _ => (base, Vec::new()),
    };
    match lang {
        Some(LangArg::Fr) => config.lang = Lang::Fr,
        Some(LangArg::En) => config.lang = Lang::En,
        None => {}
    }
    // https://no-color.org: set and not empty means no colour.
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        config.no_color = true;
    }
    (config, path, warnings)
}

/// `$CERCLE_CONFIG_DIR`, else the platform's config directory (`~/.config/cercle`).
fn config_dir() -> Option<PathBuf> {
    std::env::var_os("CERCLE_CONFIG_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            directories::ProjectDirs::from("", "", "cercle").map(|d| d.config_dir().to_owned())
        })
}
