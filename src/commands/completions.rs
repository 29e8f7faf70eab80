//! `cercle completions SHELL`: a completion script for the shell.

use super::out;
use crate::cli::ShellArg;
use crate::i18n::Lang;
use clap::CommandFactory;

/// `completions SHELL`: the script, on standard output.
pub(super) fn completions(shell: ShellArg, lang: Lang) -> Result<(), String> {
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
