//! Completion from the data: the shell asks the binary itself (`COMPLETE=bash cercle -- cercle
//! export certificate --trainee Ca`), and `clap_complete`'s dynamic engine answers with the
//! cohorts, trainees, trainers, seminars and people of the data directory, accents kept. The
//! hidden subcommands (git's merge driver) are never offered.
//!
//! A shell registers it once with `source <(COMPLETE=bash cercle)` (zsh: `COMPLETE=zsh`; fish:
//! `COMPLETE=fish cercle | source`); the Debian package installs that registration.

use crate::domain::fold::fold;
use crate::domain::{Data, PersonRole};
use crate::i18n::Lang;
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use clap_complete::env::CompleteEnv;
use std::ffi::{OsStr, OsString};
use std::path::PathBuf;
use std::sync::Arc;

/// The variable the shell sets to ask for completions.
pub const VAR: &str = "COMPLETE";

/// What an argument is completed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Cohort,
    Seminar,
    Trainee,
    Trainer,
    Person,
}

impl Kind {
    /// The kind of value an argument takes, by its id, or `None` for one the data cannot name.
    fn of(id: &str) -> Option<Self> {
        Some(match id {
            "cohort" => Self::Cohort,
            "seminar" => Self::Seminar,
            "trainee" => Self::Trainee,
            "by" => Self::Trainer,
            "me" | "person" => Self::Person,
            _ => return None,
        })
    }
}

/// Where candidates come from: the data directory, read once when the first value is asked
/// for (completing a subcommand never reads), and the shell that asks.
#[derive(Debug)]
struct Source {
    dir: Option<PathBuf>,
    lang: Lang,
    bash: bool,
    data: std::sync::OnceLock<Option<Data>>,
}

/// Answers the shell and ends the process when it asks for completions (`COMPLETE` set);
/// returns otherwise, having done nothing.
pub fn answer_the_shell(args: &[OsString], lang: Lang) {
    let Some(shell) = std::env::var_os(VAR).filter(|v| !v.is_empty() && v != "0") else {
        return;
    };
    let source = Arc::new(Source {
        dir: data_dir_in(args),
        lang,
        // clap_complete removes the variable before it asks the completers.
        bash: shell == "bash",
        data: std::sync::OnceLock::new(),
    });
    CompleteEnv::with_factory(move || with_completers(super::help::command(lang), &source))
        .var(VAR)
        // The registration calls `cercle` from the PATH, wherever it was generated.
        .bin("cercle")
        .completer("cercle")
        .complete();
}

/// The `--data-dir` of the words being completed (`--data-dir D`, `--data-dir=D`).
fn data_dir_in(args: &[OsString]) -> Option<PathBuf> {
    let words: Vec<&OsStr> = args.iter().map(OsString::as_os_str).collect();
    words.iter().enumerate().rev().find_map(|(at, word)| {
        let text = word.to_str()?;
        if text == "--data-dir" {
            words.get(at + 1).map(PathBuf::from)
        } else {
            text.strip_prefix("--data-dir=").map(PathBuf::from)
        }
    })
}

/// The command with a completer on every argument that names something in the data.
fn with_completers(command: clap::Command, source: &Arc<Source>) -> clap::Command {
    let ids: Vec<(String, Kind)> = command
        .get_arguments()
        .filter_map(|a| Some((a.get_id().to_string(), Kind::of(a.get_id().as_str())?)))
        .collect();
    let mut command = ids.into_iter().fold(command, |command, (id, kind)| {
        let source = Arc::clone(source);
        command.mut_arg(id, |arg| {
            arg.add(ArgValueCompleter::new(move |typed: &OsStr| {
                source.candidates(kind, typed)
            }))
        })
    });
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        command = command.mut_subcommand(name, |sub| with_completers(sub, source));
    }
    command
}

impl Source {
    /// The values of a kind that start like what was typed (accents, case and the shell's
    /// quoting aside), each with its id, or its modules, beside it (zsh and fish show it).
    fn candidates(&self, kind: Kind, typed: &OsStr) -> Vec<CompletionCandidate> {
        let data = self.data.get_or_init(|| {
            let dir = crate::store::resolve_data_dir(self.dir.clone()).ok()?;
            super::load::read(&dir, self.lang).ok()
        });
        let Some(data) = data else {
            return Vec::new();
        };
        let typed = fold(&unquoted(&typed.to_string_lossy()));
        named(data, kind)
            .into_iter()
            .filter(|(value, beside)| {
                fold(value).starts_with(&typed) || fold(beside).starts_with(&typed)
            })
            .map(|(value, beside)| {
                // bash puts a candidate on the line as it is: its spaces must be escaped there.
                let value = if self.bash { escaped(&value) } else { value };
                CompletionCandidate::new(value).help(Some(beside.into()))
            })
            .collect()
    }
}

/// Every value of a kind in the data, with what is shown beside it.
fn named(data: &Data, kind: Kind) -> Vec<(String, String)> {
    match kind {
        Kind::Cohort => data
            .cohorts
            .iter()
            .map(|c| (c.name.clone(), c.id.to_string()))
            .collect(),
        Kind::Seminar => data
            .cohorts
            .iter()
            .flat_map(|c| &c.seminars)
            .map(|s| {
                let modules: Vec<String> = s
                    .modules
                    .iter()
                    .map(|id| data.programme.module_label(id))
                    .collect();
                (s.id.to_string(), modules.join(" ; "))
            })
            .collect(),
        Kind::Trainee | Kind::Trainer | Kind::Person => data
            .people
            .iter()
            .filter(|p| match kind {
                Kind::Trainee => p.role == PersonRole::Trainee,
                Kind::Trainer => p.role == PersonRole::Trainer,
                _ => true,
            })
            .map(|p| (p.name.clone(), p.id.to_string()))
            .collect(),
    }
}

/// What a person typed, without the shell's quoting: `"Inès G` or `Inès\ G` is `Inès G`.
fn unquoted(typed: &str) -> String {
    let typed = typed.trim_start_matches(['"', '\'']);
    let mut out = String::with_capacity(typed.len());
    let mut chars = typed.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            other => out.push(other),
        }
    }
    out
}

/// A value as bash must see it on the line: its spaces and shell characters escaped.
fn escaped(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 4);
    for c in value.chars() {
        if c.is_whitespace() || "'\"\\$`&|;<>()*?[]{}!#~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_words_lose_the_shell_quoting_and_values_get_it() {
        assert_eq!(unquoted("\"Inès G"), "Inès G");
        assert_eq!(unquoted("Inès\\ G"), "Inès G");
        assert_eq!(escaped("Yannick Le Goff"), "Yannick\\ Le\\ Goff");
        assert_eq!(escaped("L'Ère (bis)"), "L\\'Ère\\ \\(bis\\)");
    }

    #[test]
    fn the_data_directory_is_found_among_the_words() {
        let words = |w: &[&str]| w.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            data_dir_in(&words(&[
                "cercle",
                "--",
                "cercle",
                "--data-dir",
                "/d",
                "ex"
            ])),
            Some(PathBuf::from("/d"))
        );
        assert_eq!(
            data_dir_in(&words(&["cercle", "--", "cercle", "--data-dir=/e"])),
            Some(PathBuf::from("/e"))
        );
        assert_eq!(data_dir_in(&words(&["cercle", "--", "cercle", "ex"])), None);
    }
}
