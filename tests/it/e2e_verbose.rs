//! `--verbose`: the journal of errors and sync steps, printed as it is written, in the user's
//! language, and kept in a 0600 file of the state directory that a user can send.

use crate::common;
use common::pty::{Session, sample_dirs};
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;

/// The instant every run here is given, which starts each journal line.
const NOW: &str = "2026-12-08T08:10:00Z";

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The journal's lines that say `text`, each as it was written (time first).
fn journal_lines(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|line| line.starts_with(&format!("{NOW} ")))
        .collect()
}

#[test]
fn a_failing_command_prints_its_french_journal_line_and_keeps_it_private() {
    let (data, config) = sample_dirs("");
    let state = tempfile::tempdir().unwrap();
    let state_dir = state.path().join("état");
    let run = |verbose: bool| {
        let mut command = common::command(data.path());
        command
            .env("CERCLE_CONFIG_DIR", config.path())
            .env("CERCLE_STATE_DIR", &state_dir)
            .env("CERCLE_NOW", NOW)
            .env("LANG", "fr_FR.UTF-8")
            .args(["export", "certificate", "--trainee", "Personne Inconnue"]);
        if verbose {
            command.arg("--verbose");
        }
        command.output().unwrap()
    };

    let out = run(true);
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let said = stderr
        .lines()
        .find_map(|l| l.strip_prefix("cercle: "))
        .unwrap_or_else(|| panic!("the error is said: {stderr}"));
    assert!(said.contains("Personne Inconnue"), "{said}");
    assert!(
        said.contains("stagiaire") || said.contains("personne"),
        "French: {said}"
    );
    assert_eq!(
        journal_lines(&stderr),
        [format!("{NOW} {said}")],
        "--verbose prints the journal line as it is written: {stderr}"
    );

    let file = state_dir.join("cercle.log");
    assert_eq!(mode(&file), 0o600, "the journal is private");
    assert_eq!(mode(&state_dir), 0o700, "and so is its directory");
    let kept = std::fs::read_to_string(&file).unwrap();
    assert_eq!(journal_lines(&kept), [format!("{NOW} {said}")]);

    // Without --verbose the journal is still kept, and not printed.
    let out = run(false);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(journal_lines(&stderr).is_empty(), "{stderr}");
    let kept = std::fs::read_to_string(&file).unwrap();
    assert_eq!(journal_lines(&kept).len(), 2, "{kept}");
}

#[test]
fn cercle_already_open_is_journaled_in_french_in_a_terminal() {
    let (data, config) = sample_dirs("role = \"trainer\"\n");
    let state = tempfile::tempdir().unwrap();
    let env = [
        ("CERCLE_STATE_DIR", state.path().as_os_str()),
        ("CERCLE_NOW", std::ffi::OsStr::new(NOW)),
    ];
    let mut first = Session::start_with(data.path(), config.path(), &[], &env);
    first.wait_for("1 Modules");

    let second = Session::start_with(
        data.path(),
        config.path(),
        &["--lang", "fr", "--verbose"],
        &env,
    );
    second.wait_for("Cercle est déjà ouvert");
    let screen = second.contents();
    let status = second.wait_exit();
    assert_eq!(status.exit_code(), 3, "the lock's exit code: {screen}");
    let printed: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        printed.contains(&format!("{NOW} Cercle est déjà ouvert dans le processus")),
        "the journal line on the terminal: {screen}"
    );

    let file = state.path().join("cercle.log");
    assert_eq!(mode(&file), 0o600);
    let kept = std::fs::read_to_string(&file).unwrap();
    let lines = journal_lines(&kept);
    assert_eq!(lines.len(), 1, "{kept}");
    assert!(
        lines[0].contains("Cercle est déjà ouvert dans le processus")
            && lines[0].contains("--read-only"),
        "{kept}"
    );
    first.send("q");
    first.wait_exit();
}
