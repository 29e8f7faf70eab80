//! `cercle completions SHELL` and `cercle man`: a completion script for the shell, and the
//! manual page, both made from the command line's own definition so they never drift from it.

use super::exit::Failure;
use super::out;
use crate::cli::ShellArg;
use crate::i18n::Lang;
use clap::CommandFactory;

/// The command line as a user may type it: the hidden subcommands (git's merge driver) are
/// left out, so that no completion or manual page offers them.
fn visible() -> clap::Command {
    let full = crate::cli::Cli::command();
    let subcommands: Vec<clap::Command> = full
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .cloned()
        .collect();
    let mut visible = clap::Command::new("cercle")
        .args(full.get_arguments().cloned())
        .subcommands(subcommands);
    if let Some(about) = full.get_about() {
        visible = visible.about(about.clone());
    }
    if full.get_version().is_some() {
        visible = visible.version(env!("CARGO_PKG_VERSION"));
    }
    visible
}

/// `completions SHELL`: the script, on standard output.
pub(super) fn completions(shell: ShellArg, lang: Lang) -> Result<(), Failure> {
    let mut command = visible();
    let mut script = Vec::new();
    match shell {
        ShellArg::Nushell => clap_complete::generate(
            clap_complete_nushell::Nushell,
            &mut command,
            "cercle",
            &mut script,
        ),
        other => {
            let shell = match other {
                ShellArg::Zsh => clap_complete::Shell::Zsh,
                ShellArg::Fish => clap_complete::Shell::Fish,
                ShellArg::PowerShell => clap_complete::Shell::PowerShell,
                ShellArg::Elvish => clap_complete::Shell::Elvish,
                ShellArg::Bash | ShellArg::Nushell => clap_complete::Shell::Bash,
            };
            clap_complete::generate(shell, &mut command, "cercle", &mut script);
        }
    }
    out::document(&script, lang)
}

/// `man`: the manual page, in roff, on standard output.
pub(super) fn man(lang: Lang) -> Result<(), Failure> {
    let mut page = Vec::new();
    clap_mangen::Man::new(visible())
        .render(&mut page)
        .map_err(|e| e.to_string())?;
    out::document(&page, lang)
}
