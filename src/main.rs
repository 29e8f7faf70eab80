//! The `cercle` binary: parses the command line and hands over to the library.

use cercle::cli::LangArg;
use cercle::commands::{exit, out};
use cercle::config::{self, Config};
use cercle::i18n::{Lang, Msg};
use cercle::store::{self, Store, StoreError};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    // The language of the help and of clap's errors: --lang, then config.toml, then the locale.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = cercle::commands::help::lang_in_args(&args).map(|l| match l {
        Lang::Fr => LangArg::Fr,
        Lang::En => LangArg::En,
    });
    let lang = settings(lang).0.lang;
    // A shell asking for completions (`COMPLETE=bash`) is answered, and the process ends.
    cercle::commands::complete::answer_the_shell(&args, lang);
    let cli = match cercle::commands::help::parse(args, lang) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let dir = match store::resolve_data_dir(cli.data_dir.clone()) {
        Ok(dir) => dir,
        Err(e) => {
            let (config, ..) = settings(cli.lang);
            out::error(&e.in_lang(config.lang), config.lang);
            return ExitCode::FAILURE;
        }
    };
    cercle::store::logbook::init(&state_dir(&dir), cli.verbose);
    if let Some(command) = cli.command {
        // Commands speak the language the app would (`--lang`, settings, locale).
        let (mut config, _, mut warnings) = settings(cli.lang);
        warnings.extend(config::read_identity(&dir, &mut config));
        // A setting that could not be used is said by the commands too, on standard error.
        for warning in &warnings {
            out::error(&warning.to_string(), config.lang);
        }
        return cercle::commands::run(command, &dir, &config);
    }
    let (mut config, config_path, mut warnings) = settings(cli.lang);
    warnings.extend(config::read_identity(&dir, &mut config));
    let lang = config.lang;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        // Before the lock and before any drawing: nothing is taken, nothing is drawn into a pipe.
        out::error(Msg::NoTerminal.text(lang), lang);
        return ExitCode::from(exit::NO_TERMINAL);
    }
    for warning in &warnings {
        out::error(&warning.to_string(), lang);
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
            out::error(&e.in_lang(lang), lang);
            return ExitCode::from(exit::LOCKED);
        }
        Err(e) => {
            out::error(&e.in_lang(lang), lang);
            return ExitCode::from(exit::Failure::code_of(&e));
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
            out::error(&format!("the terminal failed: {e}"), lang);
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
    let (mut config, mut warnings) = match path.as_ref().map(|p| (p, std::fs::read_to_string(p))) {
        Some((path, Ok(text))) => config::parse(&text, path, base),
        _ => (base, Vec::new()),
    };
    match lang {
        Some(LangArg::Fr) => config.lang = Lang::Fr,
        Some(LangArg::En) => config.lang = Lang::En,
        None => {}
    }
    if config.braille.is_none() {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|v| !v.is_empty()));
        let term = std::env::var("TERM").ok();
        config.braille = Some(config::guess_braille(term.as_deref(), locale.as_deref()));
    }
    // https://no-color.org: set and not empty means no colour.
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        config.no_color = true;
    }
    if let Some(path) = &path {
        let (_, problems) = cercle::app::keys::table(&config.keys);
        warnings.extend(problems.into_iter().map(|p| config::ConfigWarning {
            path: path.clone(),
            line: p.line,
            key: format!("keys.{}", p.action),
            problem: p.problem,
        }));
    }
    (config, path, warnings)
}

/// Where the journal lives: `$CERCLE_STATE_DIR`, else the platform's state directory
/// (`~/.local/state/cercle`), else the data directory.
fn state_dir(data_dir: &std::path::Path) -> PathBuf {
    std::env::var_os("CERCLE_STATE_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            directories::ProjectDirs::from("", "", "cercle")
                .and_then(|d| d.state_dir().map(std::path::Path::to_owned))
        })
        .unwrap_or_else(|| data_dir.to_owned())
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
