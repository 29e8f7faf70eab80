//! Who I am belongs to a data directory: one machine holds two trainees' copies side by side,
//! each knowing whose it is, with one settings file for both.

use crate::common;
use std::path::Path;

/// Runs `cercle ARGS` on `dir` with the settings folder `settings` shared by every directory.
fn run(dir: &Path, settings: &Path, args: &[&str]) -> String {
    let out = common::command(dir)
        .env("CERCLE_CONFIG_DIR", settings)
        .args(args)
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "cercle {args:?}: {said}");
    said
}

#[test]
fn two_trainees_copies_on_one_machine_each_know_whose_they_are() {
    let trainer = tempfile::tempdir().unwrap();
    let settings = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    run(trainer.path(), settings.path(), &["init", "--sample"]);
    let mut copies = Vec::new();
    for (id, name) in [
        ("p-camille-dubois", "Camille Dubois"),
        ("p-malik-benali", "Malik Benali"),
    ] {
        let bundle = out.path().join(format!("for-{id}.json"));
        run(
            trainer.path(),
            settings.path(),
            &[
                "export",
                "bundle",
                "--for",
                "trainees",
                "--trainee",
                name,
                "-o",
                bundle.to_str().unwrap(),
            ],
        );
        let copy = tempfile::tempdir().unwrap();
        run(
            copy.path(),
            settings.path(),
            &["import", "bundle", bundle.to_str().unwrap()],
        );
        copies.push((id, copy));
    }
    // Each copy sends its own trainee's work back, without naming her.
    for (id, copy) in &copies {
        let back = out.path().join(format!("from-{id}.json"));
        run(
            copy.path(),
            settings.path(),
            &[
                "export",
                "bundle",
                "--for",
                "trainer",
                "-o",
                back.to_str().unwrap(),
            ],
        );
        let bundle: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&back).unwrap()).unwrap();
        assert_eq!(bundle["made_by"]["id"], *id, "the copy knows whose it is");
        assert_eq!(bundle["trainee"], *id);
    }
    // The shared settings file says nobody: each directory does.
    let shared = std::fs::read_to_string(settings.path().join("config.toml")).unwrap_or_default();
    assert!(!shared.contains("me ="), "{shared}");
}
