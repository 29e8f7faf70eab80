//! Completion from the data, asked the way the shells' hooks ask it: `COMPLETE=bash cercle --
//! cercle export certificate --trainee Ca` answers with the sample's trainees, accents kept,
//! and a real bash with the registration sourced puts them on the line.

use crate::common;
use cercle::domain::PersonRole;
use std::path::Path;
use std::process::Command;

/// What `cercle` answers `shell` for the words of a command line, the last one being typed.
fn complete(shell: &str, dir: &Path, words: &[&str]) -> Vec<String> {
    let mut command = common::command(dir);
    command
        .env("COMPLETE", shell)
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_IFS", "\n")
        .arg("--")
        .args(words);
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{words:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .filter(|l| !l.is_empty())
        .collect()
}

/// The words of a command line, then one more.
fn then<'a>(words: &[&'a str], typed: &'a str) -> Vec<&'a str> {
    [words, &[typed]].concat()
}

/// A data directory holding the sample (and the settings directory beside it).
fn sample_dir() -> tempfile::TempDir {
    common::pty::sample_dirs("").0
}

#[test]
fn trainees_and_cohorts_come_from_the_data_with_their_accents() {
    let data = sample_dir();
    let dir = data.path();
    let certificate = ["cercle", "export", "certificate", "--trainee"];
    let with = |typed: &'static str| then(&certificate, typed);

    assert_eq!(complete("bash", dir, &with("Ca")), ["Camille\\ Dubois"]);
    // Without the accent, or in lower case, the accented name is found and kept.
    assert_eq!(complete("bash", dir, &with("ine")), ["Inès\\ Garnier"]);
    assert_eq!(complete("bash", dir, &with("Inès\\ G")), ["Inès\\ Garnier"]);
    assert_eq!(
        complete("fish", dir, &with("É")),
        ["Élodie Marty\tp-elodie-marty"]
    );
    // Every trainee of the sample, and no trainer.
    let sample = cercle::sample::sample();
    let trainees: Vec<String> = sample
        .people
        .iter()
        .filter(|p| p.role == PersonRole::Trainee)
        .map(|p| format!("{}\t{}", p.name, p.id))
        .collect();
    assert!(trainees.len() > 10);
    assert_eq!(complete("fish", dir, &with("")), trainees);
    let team: Vec<String> = sample
        .people
        .iter()
        .filter(|p| p.role == PersonRole::Trainer)
        .map(|p| format!("{}:{}", p.name, p.id))
        .collect();
    assert!(team.iter().any(|t| t.starts_with("Hélène Marchetti:")));
    let by = [
        "cercle", "export", "bundle", "--for", "trainees", "--by", "",
    ];
    assert_eq!(complete("zsh", dir, &by), team);
    let cohorts: Vec<String> = sample
        .cohorts
        .iter()
        .map(|c| format!("{}\t{}", c.name, c.id))
        .collect();
    assert_eq!(
        complete("fish", dir, &["cercle", "verify", "--cohort", ""]),
        cohorts
    );
    assert_eq!(
        complete(
            "bash",
            dir,
            &["cercle", "export", "attendance", "--seminar", "s-na26-0"]
        )
        .len(),
        9
    );
}

#[test]
fn the_data_directory_on_the_line_is_the_one_read() {
    let data = sample_dir();
    let empty = tempfile::tempdir().unwrap();
    let words = [
        "cercle",
        "--data-dir",
        data.path().to_str().unwrap(),
        "export",
        "certificate",
        "--trainee",
        "Ma",
    ];
    assert_eq!(complete("bash", empty.path(), &words), ["Malik\\ Benali"]);
    // A directory without data offers nothing, and says nothing.
    assert!(
        complete(
            "bash",
            empty.path(),
            &["cercle", "export", "certificate", "--trainee", "Ma"]
        )
        .is_empty()
    );
}

#[test]
fn subcommands_are_offered_without_the_hidden_ones() {
    let empty = tempfile::tempdir().unwrap();
    let offered = complete("bash", empty.path(), &["cercle", "m"]);
    assert_eq!(offered, ["man"]);
    let all = complete("bash", empty.path(), &["cercle", ""]);
    assert!(all.iter().any(|c| c == "export"), "{all:?}");
    assert!(!all.iter().any(|c| c == "merge-driver"), "{all:?}");
}

#[test]
fn bash_with_the_registration_sourced_completes_a_trainee() {
    let data = sample_dir();
    let bin_dir = Path::new(common::CERCLE).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    // What `source <(COMPLETE=bash cercle)` does in ~/.bashrc, then one Tab after "Ca".
    let script = r#"
        source <(COMPLETE=bash cercle) || exit 9
        COMP_WORDS=(cercle export certificate --trainee Ca)
        COMP_CWORD=4
        COMP_TYPE=9
        _clap_complete_cercle cercle Ca --trainee
        printf '%s\n' "${COMPREPLY[@]}"
    "#;
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", script])
        .env("PATH", path)
        .env("CERCLE_DATA_DIR", data.path())
        .env(
            "CERCLE_CONFIG_DIR",
            common::settings_of(data.path()).parent().unwrap(),
        )
        .env_remove("COMPLETE")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "Camille\\ Dubois\n");
}
