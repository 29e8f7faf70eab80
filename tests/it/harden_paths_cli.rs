//! `-o` on the command line: never one of Cercle's own files, even through `link/..`, and
//! never into a folder that does not exist.

use crate::common;

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Output;

/// Runs `cercle ARGS` on `data` from the folder `cwd`, as a user typing in a shell there.
fn cercle_in(cwd: &Path, data: &Path, args: &[&str]) -> Output {
    common::command(data)
        .current_dir(cwd)
        .args(args)
        .output()
        .unwrap()
}

fn said(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn an_export_through_link_dotdot_does_not_overwrite_the_data_file() {
    let (data, _config) = common::pty::sample_dirs("");
    let dir = data.path();
    std::fs::create_dir_all(dir.join("exports")).unwrap();
    let cwd = tempfile::tempdir().unwrap();
    symlink(dir.join("exports"), cwd.path().join("xlink")).unwrap();
    let before = std::fs::read(dir.join("cercle.json")).unwrap();

    for aimed in ["xlink/../cercle.json", "xlink/../cercle.lock"] {
        let out = cercle_in(
            cwd.path(),
            dir,
            &["export", "contacts", "--format", "csv", "-o", aimed],
        );
        let text = said(&out);
        assert!(!out.status.success(), "{aimed}: {text}");
        assert!(text.contains("one of Cercle's own files"), "{text}");
    }
    assert_eq!(std::fs::read(dir.join("cercle.json")).unwrap(), before);
    assert!(!cwd.path().join("cercle.json").exists());
}

#[test]
fn an_export_into_a_folder_that_does_not_exist_is_refused() {
    let (data, _config) = common::pty::sample_dirs("");
    let out_dir = tempfile::tempdir().unwrap();
    let missing = out_dir.path().join("typo").join("deeper");
    for args in [
        vec!["export", "contacts", "-o"],
        vec!["export", "bundle", "--for", "trainees", "-o"],
    ] {
        let target = if args.contains(&"bundle") {
            format!("{}/", missing.display())
        } else {
            missing.join("contacts.vcf").display().to_string()
        };
        let mut args = args.clone();
        args.push(&target);
        let out = cercle_in(out_dir.path(), data.path(), &args);
        let text = said(&out);
        assert!(!out.status.success(), "{args:?}: {text}");
        assert!(text.contains("does not exist"), "{text}");
        assert!(text.contains("nothing was written"), "{text}");
        assert!(
            !out_dir.path().join("typo").exists(),
            "{args:?} created folders"
        );
    }
    // An existing folder is written into as before.
    let file = out_dir.path().join("contacts.vcf");
    let out = cercle_in(
        out_dir.path(),
        data.path(),
        &["export", "contacts", "-o", "contacts.vcf"],
    );
    assert!(out.status.success(), "{}", said(&out));
    assert!(file.is_file());
}

#[test]
fn the_refusals_speak_french_too() {
    let (data, _config) = common::pty::sample_dirs("");
    let cwd = tempfile::tempdir().unwrap();
    let missing = cwd.path().join("typo").join("contacts.vcf");
    let aimed = data.path().join("cercle.lock");
    for (target, words) in [
        (&missing, "n'existe pas\u{a0}: rien n'a été écrit"),
        (
            &aimed,
            "est l'un des fichiers de Cercle\u{a0}: rien n'a été écrit",
        ),
    ] {
        let out = cercle_in(
            cwd.path(),
            data.path(),
            &[
                "--lang",
                "fr",
                "export",
                "contacts",
                "-o",
                target.to_str().unwrap(),
            ],
        );
        let text = said(&out);
        assert!(!out.status.success(), "{text}");
        assert!(text.contains(words), "{text}");
    }
    assert!(!cwd.path().join("typo").exists());
}
