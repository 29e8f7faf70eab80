//! `cercle completions SHELL` and `cercle man`: a completion script for the shell, and the
//! manual page, both made from the command line's own definition so they never drift from it.

use super::exit::Failure;
use super::out;
use crate::cli::ShellArg;
use crate::i18n::Lang;

/// The command line as a user may type it: the hidden subcommands (git's merge driver) are
/// left out, so that no completion or manual page offers them.
fn visible(lang: Lang) -> clap::Command {
    let full = super::help::command(lang);
    let subcommands: Vec<clap::Command> = full
        .get_subcommands()
        // clap's `help` subcommand names every subcommand, the hidden ones too.
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
        .cloned()
        .collect();
    // The help and version flags are among `full`'s arguments already, in the user's words.
    let mut visible = clap::Command::new("cercle")
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .args(full.get_arguments().cloned())
        .subcommands(subcommands);
    if let Some(about) = full.get_about() {
        visible = visible.about(about.clone());
    }
    visible = visible
        .help_template(super::help::template(lang, true, true, true))
        .after_help(crate::i18n::Msg::CliExamples.text(lang));
    if full.get_version().is_some() {
        visible = visible.version(env!("CARGO_PKG_VERSION"));
    }
    visible
}

/// `completions SHELL`: the script, on standard output.
pub(super) fn completions(shell: ShellArg, lang: Lang) -> Result<(), Failure> {
    let mut command = visible(lang);
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
    clap_mangen::Man::new(visible(lang))
        .render(&mut page)
        .map_err(|e| e.to_string())?;
    let page = String::from_utf8_lossy(&page);
    out::document(headings(&page, lang).as_bytes(), lang)
}

/// The manual's section headings in the user's language (`clap_mangen` writes them in English);
/// the examples' section, which it calls EXTRA, is named for what it holds.
fn headings(page: &str, lang: Lang) -> String {
    page.lines()
        .map(|line| match (lang, line) {
            (Lang::En, ".SH EXTRA") => ".SH EXAMPLES".to_owned(),
            (Lang::Fr, ".SH EXTRA") => ".SH EXEMPLES".to_owned(),
            (Lang::Fr, ".SH NAME") => ".SH NOM".to_owned(),
            (Lang::Fr, ".SH SUBCOMMANDS") => ".SH SOUS-COMMANDES".to_owned(),
            (Lang::Fr, other) => other.replace("\\fIsubcommands\\fR", "\\fIsous-commandes\\fR"),
            (Lang::En, other) => other.to_owned(),
        })
        .fold(String::new(), |mut text, line| {
            text.push_str(&line);
            text.push('\n');
            text
        })
}
