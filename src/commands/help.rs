//! The command line in the user's language: clap's `Command` is built at run time with the
//! help of each subcommand, argument and value from the tables (the English `///` of
//! `src/cli.rs`, the French `i18n::help`), clap's own words (usage, headings, help and version
//! flags, possible and default values) from the `Msg` tables, and its errors said through the
//! tables too. `--help`, the man page and the completions all read the same `Command`.

use super::{exit, out};
use crate::cli::Cli;
use crate::i18n::{Lang, Msg, fill, help};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches};
use std::ffi::OsString;
use std::fmt::Write as _;
use std::process::ExitCode;

/// The language `--lang` asks for on a command line not yet parsed (`--lang fr`, `--lang=en`).
pub fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let mut words = args.iter().map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next().map(std::borrow::Cow::into_owned),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        };
        match value.as_deref() {
            Some("fr") => return Some(Lang::Fr),
            Some("en") => return Some(Lang::En),
            _ => {}
        }
    }
    None
}

/// The whole command line, hidden subcommands included, in a language.
pub fn command(lang: Lang) -> clap::Command {
    let command = translate(Cli::command(), "", lang)
        .after_help(Msg::CliExamples.text(lang))
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(Msg::CliPrintVersion.text(lang)),
        );
    let mut command = helped(command, lang);
    // clap adds its `help` subcommands when the command is built: they are reworded after.
    command.build();
    help_subcommands(command, lang)
}

/// The `help` subcommand clap adds beside subcommands, in a language.
fn help_subcommands(command: clap::Command, lang: Lang) -> clap::Command {
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    names.into_iter().fold(command, |command, name| {
        command.mut_subcommand(&name, |sub| {
            if name == "help" {
                sub.about(Msg::CliHelpCommand.text(lang))
                    .help_template(template(lang, false, true, false))
            } else {
                help_subcommands(sub, lang)
            }
        })
    })
}

/// A command with its `-h, --help` flag said in a language.
fn helped(command: clap::Command, lang: Lang) -> clap::Command {
    command.disable_help_flag(true).arg(
        clap::Arg::new("help")
            .short('h')
            .long("help")
            .action(clap::ArgAction::Help)
            .help(Msg::CliPrintHelp.text(lang)),
    )
}

/// Parses the command line in a language; a request for help or the version is answered, and
/// a mistake said through the tables, each with its exit code.
pub fn parse(args: Vec<OsString>, lang: Lang) -> Result<Cli, ExitCode> {
    let mut command = command(lang);
    let matches = command
        .try_get_matches_from_mut(args)
        .map_err(|e| report(&e, &mut command, lang))?;
    Cli::from_arg_matches(&matches).map_err(|e| report(&e, &mut command, lang))
}

fn report(error: &clap::Error, command: &mut clap::Command, lang: Lang) -> ExitCode {
    match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // Help and version are clap's text, rendered from the translated command.
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(exit::USAGE));
        }
        _ => {}
    }
    let mut text = said(error, lang);
    let suggested = match error
        .get(ContextKind::SuggestedArg)
        .or_else(|| error.get(ContextKind::SuggestedSubcommand))
    {
        Some(ContextValue::String(one)) => Some(one.clone()),
        Some(ContextValue::Strings(many)) => many.first().cloned(),
        _ => None,
    };
    if let Some(suggested) = suggested {
        text.push_str("\n\n  ");
        text.push_str(&fill(
            Msg::CliErrTip.text(lang),
            &[("suggested", &suggested)],
        ));
    }
    let usage = command.render_usage().to_string();
    let usage = usage
        .split_once(':')
        .map_or(usage.as_str(), |(_, u)| u)
        .trim();
    let _ = write!(
        text,
        "\n\n{} {usage}\n\n{}",
        Msg::CliUsage.text(lang),
        Msg::CliMoreHelp.text(lang)
    );
    out::error(&text, lang);
    ExitCode::from(exit::USAGE)
}

/// What went wrong, in the user's words.
fn said(error: &clap::Error, lang: Lang) -> String {
    let context = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(s)) => s.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let (arg, value) = (
        context(ContextKind::InvalidArg),
        context(ContextKind::InvalidValue),
    );
    let msg = match error.kind() {
        ErrorKind::UnknownArgument => Msg::CliErrUnknownArgument,
        ErrorKind::InvalidSubcommand => {
            return fill(
                Msg::CliErrUnknownCommand.text(lang),
                &[("arg", &context(ContextKind::InvalidSubcommand))],
            );
        }
        ErrorKind::InvalidValue if value.is_empty() => Msg::CliErrMissingValue,
        ErrorKind::InvalidValue => {
            let valid = context(ContextKind::ValidValue);
            let mut text = fill(
                Msg::CliErrInvalidValue.text(lang),
                &[("arg", &arg), ("value", &value)],
            );
            if !valid.is_empty() {
                text.push(' ');
                text.push_str(&fill(
                    Msg::CliPossibleValues.text(lang),
                    &[("values", &valid)],
                ));
            }
            return text;
        }
        ErrorKind::ValueValidation => return value_problem(&arg, &value, lang),
        ErrorKind::MissingRequiredArgument => {
            return fill(Msg::CliErrMissing.text(lang), &[("args", &arg)]);
        }
        ErrorKind::ArgumentConflict => {
            return fill(
                Msg::CliErrConflict.text(lang),
                &[("arg", &arg), ("other", &context(ContextKind::PriorArg))],
            );
        }
        ErrorKind::TooManyValues => Msg::CliErrTooMany,
        _ => Msg::CliErrOther,
    };
    fill(msg.text(lang), &[("arg", &arg), ("value", &value)])
}

/// A value clap read but the argument refused: a day for `--until`, a number out of range.
fn value_problem(arg: &str, value: &str, lang: Lang) -> String {
    let mut text = fill(
        Msg::CliErrInvalidValue.text(lang),
        &[("arg", arg), ("value", value)],
    );
    text.push_str(": ");
    if arg.starts_with("--until") {
        text.push_str(&fill(Msg::CliNotADay.text(lang), &[("value", value)]));
    } else if arg.starts_with("--cohorts") {
        text.push_str(&fill(
            Msg::CliNumberRange.text(lang),
            &[("value", value), ("min", "1"), ("max", "100000")],
        ));
    }
    let text = text.trim_end_matches([' ', ':']).to_owned();
    match lang {
        Lang::Fr => crate::i18n::format::french_spaces(&text),
        Lang::En => text,
    }
}

/// The help template: clap's sections under headings from the tables.
pub(super) fn template(lang: Lang, commands: bool, positionals: bool, options: bool) -> String {
    let mut text = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n",
        Msg::CliUsage.text(lang)
    );
    let sections = [
        (commands, Msg::CliCommands, "{subcommands}"),
        (positionals, Msg::CliArguments, "{positionals}"),
        (options, Msg::CliOptions, "{options}"),
    ];
    for (shown, heading, tag) in sections {
        if shown {
            let _ = write!(text, "\n{}\n{tag}\n", heading.text(lang));
        }
    }
    text.push_str("{after-help}");
    text
}

/// The path of a subcommand or an argument, as `i18n::help` names it.
fn arg_path(path: &str, arg: &clap::Arg) -> String {
    let name = arg
        .get_long()
        .map_or_else(|| arg.get_id().to_string(), |l| format!("--{l}"));
    format!("{path} {name}").trim().to_owned()
}

/// One command, its arguments and subcommands, in a language.
fn translate(mut command: clap::Command, path: &str, lang: Lang) -> clap::Command {
    let words = |path: &str, english: Option<String>| match lang {
        Lang::En => english,
        Lang::Fr => help::french(path).map(str::to_owned).or(english),
    };
    let about = words(path, command.get_about().map(ToString::to_string));
    if let Some(about) = about {
        command = command.about(about).long_about(None);
    }
    let ids: Vec<(String, String)> = command
        .get_arguments()
        .map(|a| (a.get_id().to_string(), arg_path(path, a)))
        .collect();
    for (id, arg_path) in ids {
        command = command.mut_arg(&id, |arg| argument(arg, &arg_path, lang));
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let sub_path = format!("{path} {name}").trim().to_owned();
        command =
            command.mut_subcommand(&name, |sub| helped(translate(sub, &sub_path, lang), lang));
    }
    let (commands, positionals) = (
        command.get_subcommands().any(|s| !s.is_hide_set()),
        command.get_positionals().any(|a| !a.is_hide_set()),
    );
    if commands {
        command = command.subcommand_value_name(Msg::CliCommandValue.text(lang));
    }
    // Every command has options: its own, the global ones, and --help.
    let options = true;
    command.help_template(template(lang, commands, positionals, options))
}

/// One argument in a language: its help, then the values it takes and its default, said by the
/// tables rather than by clap.
fn argument(arg: clap::Arg, path: &str, lang: Lang) -> clap::Arg {
    let help = match lang {
        Lang::Fr => help::french(path).map(str::to_owned),
        Lang::En => None,
    }
    .or_else(|| arg.get_help().map(ToString::to_string));
    let mut help = help.unwrap_or_default();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| {
            let said = match lang {
                Lang::Fr => help::french(&format!("{path} {}", v.get_name())).map(str::to_owned),
                Lang::En => None,
            }
            .or_else(|| v.get_help().map(ToString::to_string));
            said.map_or_else(
                || v.get_name().to_owned(),
                |h| format!("{} ({h})", v.get_name()),
            )
        })
        .collect();
    // Not built yet: the action says whether the argument takes a value.
    let takes_value = arg.get_action().takes_values();
    if !values.is_empty() && takes_value {
        help.push(' ');
        help.push_str(&fill(
            Msg::CliPossibleValues.text(lang),
            &[("values", &values.join(", "))],
        ));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && takes_value {
        help.push(' ');
        help.push_str(&fill(
            Msg::CliDefaultValue.text(lang),
            &[("value", &defaults.join(", "))],
        ));
    }
    let arg = arg.help(help).long_help(None);
    let arg = match lang {
        Lang::Fr => french_value_names(arg),
        Lang::En => arg,
    };
    if takes_value {
        arg.hide_possible_values(true).hide_default_value(true)
    } else {
        arg
    }
}

/// An argument whose value names (`<FILE>`) are said in French; a name the table lacks stays
/// as it is, and a test keeps the table whole.
fn french_value_names(arg: clap::Arg) -> clap::Arg {
    let names: Vec<&'static str> = arg
        .get_value_names()
        .unwrap_or_default()
        .iter()
        .map(|name| help::french_value(name.as_str()))
        .collect::<Option<_>>()
        .unwrap_or_default();
    if names.is_empty() {
        arg
    } else {
        arg.value_names(names)
    }
}

/// Every value name of a command and its visible subcommands (`FILE`).
pub fn value_names(command: &clap::Command) -> std::collections::BTreeSet<String> {
    let mut found: std::collections::BTreeSet<String> = command
        .get_arguments()
        .filter(|arg| arg.get_action().takes_values())
        .flat_map(|arg| arg.get_value_names().unwrap_or_default())
        .map(ToString::to_string)
        .collect();
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        found.extend(value_names(sub));
    }
    found
}

/// Every visible path of the command line, for the tests of the French table.
pub fn paths(command: &clap::Command) -> Vec<String> {
    fn walk(command: &clap::Command, path: &str, found: &mut Vec<String>) {
        found.push(path.to_owned());
        for arg in command.get_arguments() {
            let id = arg.get_id().as_str();
            if (arg.is_global_set() && !path.is_empty()) || id == "help" || id == "version" {
                continue;
            }
            let here = arg_path(path, arg);
            for value in arg
                .get_possible_values()
                .iter()
                .filter(|v| v.get_help().is_some())
            {
                found.push(format!("{here} {}", value.get_name()));
            }
            found.push(here);
        }
        for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
            if sub.get_name() != "help" {
                walk(sub, format!("{path} {}", sub.get_name()).trim(), found);
            }
        }
    }
    let mut found = Vec::new();
    walk(command, "", &mut found);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_visible_path_has_its_french_help() {
        let mut command = Cli::command();
        command.build();
        let missing: Vec<String> = paths(&command)
            .into_iter()
            .filter(|p| help::french(p).is_none())
            .collect();
        assert!(missing.is_empty(), "no French help for {missing:?}");
    }

    #[test]
    fn every_value_name_has_its_french_name() {
        let mut command = Cli::command();
        command.build();
        let english = value_names(&command);
        assert!(english.contains("FILE"), "{english:?}");
        let missing: Vec<&String> = english
            .iter()
            .filter(|name| help::french_value(name).is_none())
            .collect();
        assert!(missing.is_empty(), "no French value name for {missing:?}");
        let french = value_names(&super::command(Lang::Fr));
        assert!(french.contains("FICHIER"), "{french:?}");
        assert!(!french.contains("FILE"), "{french:?}");
    }

    #[test]
    fn the_language_is_found_in_the_arguments() {
        let args = |words: &[&str]| words.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_in_args(&args(&["cercle", "--lang", "fr", "check"])),
            Some(Lang::Fr)
        );
        assert_eq!(
            lang_in_args(&args(&["cercle", "check", "--lang=en"])),
            Some(Lang::En)
        );
        assert_eq!(lang_in_args(&args(&["cercle", "--", "--lang", "fr"])), None);
        assert_eq!(lang_in_args(&args(&["cercle", "--lang"])), None);
    }

    #[test]
    fn french_help_has_french_headings_and_no_clap_english() {
        let help = command(Lang::Fr).render_long_help().to_string();
        for french in [
            "Utilisation\u{a0}:",
            "Commandes\u{a0}:",
            "Options\u{a0}:",
            "Afficher l'aide",
            "Exemples",
        ] {
            assert!(help.contains(french), "{french} in {help}");
        }
        for english in [
            "Usage",
            "Commands:",
            "Print help",
            "Print version",
            "possible values",
        ] {
            assert!(!help.contains(english), "{english} in {help}");
        }
        let mut command = command(Lang::Fr);
        let export = command.find_subcommand_mut("export").unwrap();
        let attendance = export.find_subcommand_mut("attendance").unwrap();
        let text = attendance.render_long_help().to_string();
        assert!(
            text.contains("valeurs possibles\u{a0}: csv (Valeurs séparées"),
            "{text}"
        );
    }
}
