//! The command line: init, check's exit codes, summary, generate, backups and restore,
//! completions, and `--data-dir` before or after the subcommand.

use crate::common;

use cercle::commands::exit;
use common::pty::{cercle, cohort_document, edit_cohort, read_json};

/// `cercle ARGS` with no data directory in its environment: the arguments name it. Its settings
/// stay in a folder of the test's own.
fn run(args: &[&str]) -> std::process::Output {
    let settings = tempfile::tempdir().unwrap();
    common::command(settings.path())
        .args(args)
        .env_remove("CERCLE_DATA_DIR")
        .output()
        .unwrap()
}

#[test]
fn init_then_check_is_sound_and_init_never_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_str().unwrap();
    // --data-dir after the subcommand...
    assert!(
        run(&["init", "--sample", "--data-dir", path])
            .status
            .success()
    );
    // ...and before it.
    let check = run(&["--data-dir", path, "check"]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let before = std::fs::read(dir.path().join("cercle.json")).unwrap();
    let again = run(&["init", "--data-dir", path]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("never replaces"));
    assert_eq!(
        std::fs::read(dir.path().join("cercle.json")).unwrap(),
        before
    );
}

#[test]
fn check_exits_with_its_own_codes_for_a_broken_rule_and_an_unreadable_file() {
    let dir = tempfile::tempdir().unwrap();
    assert!(cercle(dir.path(), &["init", "--sample"]).status.success());
    // Three more trainees, edited into the cohort's document by hand: the data loads but breaks
    // the 8-12 rule.
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("cercle.json")).unwrap()).unwrap();
    let current = index["current_cohort"].as_str().unwrap();
    edit_cohort(dir.path(), current, |cohort| {
        cohort["trainees"].as_array_mut().unwrap().extend(
            ["p-agathe-brunet", "p-bastien-roche", "p-chloe-vasseur"].map(serde_json::Value::from),
        );
    });
    let check = cercle(dir.path(), &["check"]);
    assert_eq!(check.status.code(), Some(exit::RULES_BROKEN.into()));
    assert!(String::from_utf8_lossy(&check.stdout).contains("holds 13 trainees"));
    // A cut-off document is named, with where the reading stopped.
    let document = cohort_document(dir.path(), current);
    let bytes = std::fs::read(&document).unwrap();
    std::fs::write(&document, &bytes[..500]).unwrap();
    let check = cercle(dir.path(), &["check"]);
    assert_eq!(check.status.code(), Some(exit::DAMAGED.into()));
    let said = String::from_utf8_lossy(&check.stderr);
    assert!(
        said.contains(&format!("{current}.json")) && said.contains("line"),
        "{said}"
    );
    // So is a cut-off index.
    std::fs::write(
        dir.path().join("cercle.json"),
        b"{\"schema_version\": 3, \"programme\": ",
    )
    .unwrap();
    let check = cercle(dir.path(), &["check"]);
    assert_eq!(check.status.code(), Some(exit::DAMAGED.into()));
    let said = String::from_utf8_lossy(&check.stderr);
    assert!(
        said.contains("cercle.json") && said.contains("line"),
        "{said}"
    );
}

#[test]
fn summary_prints_each_cohort_as_a_table_or_json() {
    let dir = tempfile::tempdir().unwrap();
    assert!(cercle(dir.path(), &["init", "--sample"]).status.success());
    let out = cercle(dir.path(), &["summary", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let current = rows
        .iter()
        .find(|r| r["name"] == "Nouvelle-Aquitaine 2026")
        .unwrap();
    assert_eq!(current["trainees"], 10);
    assert_eq!(current["half_days_planned"], 36);
    let table = String::from_utf8_lossy(&cercle(dir.path(), &["summary"]).stdout).into_owned();
    assert!(table.contains("Nouvelle-Aquitaine 2026") && table.contains('%'));
    // The columns line up under their headers.
    let lines: Vec<&str> = table.lines().collect();
    let row = lines
        .iter()
        .find(|l| l.starts_with("Nouvelle-Aquitaine 2026"))
        .unwrap();
    let end_of = |text: &str, word: &str| text.find(word).map(|i| i + word.len());
    assert_eq!(end_of(lines[0], "trainees"), end_of(row, "10"), "{table}");
    assert_eq!(end_of(lines[0], "attendance"), Some(row.len()), "{table}");
}

#[test]
fn generate_is_deterministic_and_never_replaces() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    for dir in [&a, &b] {
        assert!(
            cercle(dir.path(), &["generate", "--cohorts", "3", "--seed", "7"])
                .status
                .success()
        );
    }
    let read = |d: &tempfile::TempDir| std::fs::read(d.path().join("cercle.json")).unwrap();
    assert_eq!(read(&a), read(&b), "the same seed gives the same data");
    assert!(
        !cercle(a.path(), &["generate", "--cohorts", "3", "--seed", "8"])
            .status
            .success()
    );
    assert_eq!(cercle(a.path(), &["check"]).status.code(), Some(0));
}

#[test]
fn backups_are_listed_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    assert!(cercle(dir.path(), &["init", "--sample"]).status.success());
    let none = String::from_utf8_lossy(&cercle(dir.path(), &["backups"]).stdout).into_owned();
    assert!(none.contains("No backups yet"));
    // A second save, as the app makes, keeps the first file as a backup.
    let mut store = cercle::store::Store::open(dir.path()).unwrap();
    let mut data = store.load().unwrap().unwrap();
    data.people[0].name = "Changed".into();
    store.save(&data).unwrap();
    drop(store);
    let listed = String::from_utf8_lossy(&cercle(dir.path(), &["backups"]).stdout).into_owned();
    let name = listed.split_whitespace().next().unwrap().to_owned();
    let restored = cercle(dir.path(), &["restore", &name]);
    assert!(
        restored.status.success(),
        "{}",
        String::from_utf8_lossy(&restored.stderr)
    );
    let back = read_json(dir.path());
    assert_ne!(back["people"][0]["name"], "Changed");
    // The documents it replaced were kept as a set, itself sound, and the restore says
    // where.
    let listed = String::from_utf8_lossy(&cercle(dir.path(), &["backups"]).stdout).into_owned();
    let kept = listed.lines().next().unwrap();
    let set = kept.split_whitespace().next().unwrap();
    assert!(
        !kept.contains("damaged") && set.ends_with("Z.d"),
        "{listed}"
    );
    let said = String::from_utf8_lossy(&restored.stdout);
    assert!(
        said.contains("the data it replaced was kept as") && said.contains(set),
        "{said}"
    );
    // Restoring over a damaged file keeps it as a backup: the list marks it, so nobody
    // restores it.
    // (Written beside and renamed into place: the sets share their documents with the directory
    // by hard links, which a write in place would damage too.)
    let damaged = dir.path().join("damaged.tmp");
    std::fs::write(&damaged, [0u8; 64]).unwrap();
    std::fs::rename(&damaged, dir.path().join("cercle.json")).unwrap();
    let restored = cercle(dir.path(), &["restore", &name]);
    assert!(
        restored.status.success(),
        "{}",
        String::from_utf8_lossy(&restored.stderr)
    );
    let listed = String::from_utf8_lossy(&cercle(dir.path(), &["backups"]).stdout).into_owned();
    let marked: Vec<&str> = listed
        .lines()
        .filter(|l| l.contains("(damaged: do not restore)"))
        .collect();
    assert_eq!(marked.len(), 1, "{listed}");
    assert!(marked[0].contains(", 0.1 kB"), "{listed}");
    assert!(
        !cercle(dir.path(), &["restore", "../../etc/passwd"])
            .status
            .success()
    );
}

#[test]
fn completions_and_bad_arguments() {
    let out = run(&["completions", "bash"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("cercle"));
    let bad = run(&["generate", "--cohorts", "0"]);
    assert_eq!(
        bad.status.code(),
        Some(2),
        "clap refuses out-of-range values"
    );
    let bad = run(&["--lang", "de"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("possible values"));
}

#[test]
fn every_shell_gets_a_completion_script_without_the_hidden_commands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish", "nushell"] {
        let out = run(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(
            script.contains("summary"),
            "{shell}: the subcommands are offered"
        );
        assert!(
            !script.contains("merge-driver"),
            "{shell}: git's hidden merge driver is not offered"
        );
    }
    // Bash itself reads the bash script without a syntax error.
    let script = run(&["completions", "bash"]).stdout;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cercle.bash");
    std::fs::write(&path, script).unwrap();
    let checked = std::process::Command::new("bash")
        .arg("-n")
        .arg(&path)
        .status()
        .unwrap();
    assert!(checked.success());
}

#[test]
fn the_manual_page_is_roff_naming_every_visible_subcommand() {
    let out = run(&["man"]);
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH cercle 1"), "{page:.300}");
    for subcommand in [
        "init", "check", "summary", "export", "import", "sync", "forget",
    ] {
        assert!(
            page.contains(&format!("cercle\\-{subcommand}")),
            "{subcommand} in the manual"
        );
    }
    assert!(!page.contains("merge\\-driver"));
}

#[test]
fn each_kind_of_failure_exits_with_its_own_code() {
    let dir = tempfile::tempdir().unwrap();
    assert!(cercle(dir.path(), &["init", "--sample"]).status.success());
    let code = |out: &std::process::Output| out.status.code();
    // A command line clap refuses.
    assert_eq!(code(&run(&["--no-such-option"])), Some(exit::USAGE.into()));
    // A plain failure: a trainee that does not exist.
    let unknown = cercle(
        dir.path(),
        &["export", "certificate", "--trainee", "Nobody At All"],
    );
    assert_eq!(code(&unknown), Some(exit::FAILED.into()));
    // The data held by another Cercle: this process holds the lock.
    let vcard = dir.path().join("one.vcf");
    std::fs::write(
        &vcard,
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoé\r\nEND:VCARD\r\n",
    )
    .unwrap();
    {
        let _held = cercle::store::Store::open(dir.path()).unwrap();
        let refused = cercle(dir.path(), &["import", "contacts", vcard.to_str().unwrap()]);
        assert_eq!(
            code(&refused),
            Some(exit::LOCKED.into()),
            "{}",
            String::from_utf8_lossy(&refused.stderr)
        );
    }
    // A damaged data file, for a command that reads and one that writes.
    std::fs::write(dir.path().join("cercle.json"), b"{\"schema_version\": 1, ").unwrap();
    assert_eq!(
        code(&cercle(dir.path(), &["summary"])),
        Some(exit::DAMAGED.into())
    );
    assert_eq!(
        code(&cercle(
            dir.path(),
            &["import", "contacts", vcard.to_str().unwrap()]
        )),
        Some(exit::DAMAGED.into())
    );
    // Every code differs from the others.
    let codes = [
        exit::SUCCESS,
        exit::FAILED,
        exit::USAGE,
        exit::LOCKED,
        exit::NO_TERMINAL,
        exit::RULES_BROKEN,
        exit::DAMAGED,
        exit::ALTERED,
        exit::CLOSED,
    ];
    let distinct: std::collections::BTreeSet<u8> = codes.iter().copied().collect();
    assert_eq!(distinct.len(), codes.len());
}

#[test]
fn check_and_backups_speak_json_to_scripts() {
    let dir = tempfile::tempdir().unwrap();
    assert!(cercle(dir.path(), &["init", "--sample"]).status.success());
    let out = cercle(dir.path(), &["check", "--json"]);
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["cohorts"], 2);
    assert!(report["errors"].as_array().unwrap().is_empty(), "{report}");
    assert!(report["warnings"].is_array());
    assert!(report["file"].as_str().unwrap().ends_with("cercle.json"));
    // A save makes a backup; the list reads as JSON too.
    let vcard = dir.path().join("one.vcf");
    std::fs::write(
        &vcard,
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoé\r\nEND:VCARD\r\n",
    )
    .unwrap();
    assert!(
        cercle(dir.path(), &["import", "contacts", vcard.to_str().unwrap()])
            .status
            .success()
    );
    let out = cercle(dir.path(), &["backups", "--json"]);
    assert!(out.status.success());
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &list.as_array().unwrap()[0];
    assert!(
        first["name"].as_str().unwrap().starts_with("cercle"),
        "{list}"
    );
    assert!(first["bytes"].as_u64().unwrap() > 0);
    assert_eq!(first["sound"], true);
}

#[test]
fn imports_speak_json_to_scripts() {
    let dir = tempfile::tempdir().unwrap();
    assert!(cercle(dir.path(), &["init", "--sample"]).status.success());
    let vcard = dir.path().join("two.vcf");
    std::fs::write(
        &vcard,
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoé Nouvelle\r\nEMAIL:zoe@example.org\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let out = cercle(
        dir.path(),
        &["import", "contacts", vcard.to_str().unwrap(), "--json"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["format"], "vcard");
    assert_eq!(report["added"], 1, "{report}");
    let entries = report["entries"].as_array().unwrap();
    assert_eq!(entries[0]["name"], "Zoé Nouvelle");
    assert_eq!(entries[0]["outcome"], "added");
    assert_ne!(
        entries[1]["outcome"], "added",
        "a card without a name is not added"
    );

    // A trainer's bundle for Camille, previewed in an empty copy, then imported.
    let bundle = dir.path().join("for-camille.json");
    assert!(
        cercle(
            dir.path(),
            &[
                "export",
                "bundle",
                "--for",
                "trainees",
                "--trainee",
                "Camille Dubois",
                "-o",
                bundle.to_str().unwrap()
            ]
        )
        .status
        .success()
    );
    let copy = tempfile::tempdir().unwrap();
    let args = ["import", "bundle", bundle.to_str().unwrap(), "--json"];
    let preview = cercle(copy.path(), &[&args[..], &["--dry-run"]].concat());
    let plan: serde_json::Value = serde_json::from_slice(&preview.stdout).unwrap();
    assert_eq!(plan["trainee"], "p-camille-dubois");
    assert_eq!(plan["saved"], false);
    let changes = plan["changes"].as_array().unwrap();
    assert!(
        changes.iter().any(|c| c["kind"] == "person"
            && c["title"] == "Camille Dubois"
            && c["effect"] == "added"),
        "{plan}"
    );
    let done: serde_json::Value =
        serde_json::from_slice(&cercle(copy.path(), &args).stdout).unwrap();
    assert_eq!(done["saved"], true);
    assert_eq!(done["changes"], plan["changes"]);
}

#[test]
fn the_command_line_speaks_french_with_french_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let said = |args: &[&str]| {
        let out = cercle(dir.path(), &[&["--lang", "fr"], args].concat());
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    };
    let init = said(&["init", "--sample"]);
    assert!(
        init.contains("La promotion d'exemple a été écrite"),
        "{init}"
    );
    let again = said(&["init", "--sample"]);
    assert!(again.contains("existe déjà"), "{again}");
    let summary = said(&["summary"]);
    assert!(
        summary.contains("assiduité") && summary.contains("98,4\u{a0}%"),
        "{summary}"
    );
    let check = said(&["check"]);
    assert!(
        check.contains("promotions") && check.contains("personnes"),
        "{check}"
    );
    let backups = said(&["backups"]);
    assert!(backups.contains("Pas encore de sauvegarde"), "{backups}");
    for english in [
        "written to",
        "cohort ",
        "attendance",
        "already exists",
        "No backups",
        "98.4",
    ] {
        for text in [&init, &again, &summary, &check, &backups] {
            assert!(!text.contains(english), "{english} in: {text}");
        }
    }
}

/// A script that rewrites the index with its keys sorted (`jq -S`, Python's `sort_keys`, any
/// JSON library that keeps objects sorted) still leaves data Cercle reads.
#[test]
fn an_index_rewritten_with_its_keys_sorted_still_opens() {
    let dir = tempfile::tempdir().unwrap();
    assert!(cercle(dir.path(), &["init", "--sample"]).status.success());
    let index = dir.path().join("cercle.json");
    let sorted = common::pty::jq(&index, &["-S", "."]);
    let temp = dir.path().join("sorted.tmp");
    std::fs::write(&temp, sorted).unwrap();
    std::fs::rename(&temp, &index).unwrap();
    let check = cercle(dir.path(), &["check"]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

/// Another program that writes a document in place (an editor keeping hard links, a shell
/// redirection) changes the data, never the files of the backup sets taken before: a set holds
/// the versions a save replaced, which no longer live anywhere else.
#[test]
fn an_edit_in_place_leaves_the_files_of_the_backup_sets_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    assert!(cercle(dir.path(), &["init", "--sample"]).status.success());
    let before = read_json(dir.path());
    // A save, which keeps the documents it replaces, as they were, in a set.
    let mut value = before.clone();
    value["people"][0]["name"] = "Changed".into();
    common::pty::write_json(dir.path(), &value);
    let store = cercle::store::Store::open_read_only(dir.path()).unwrap();
    let set = store.backups().unwrap()[0].clone();
    let kept = common::pty::documents(&set.path);
    edit_cohort(dir.path(), "c-na-2024", |cohort| {
        cohort["name"] = "Edited in place".into();
    });
    assert!(!kept.is_empty());
    assert!(
        common::pty::documents(&set.path) == kept,
        "the set was changed"
    );
    // The document the save replaced is in the set as it was.
    let restored = serde_json::to_value(store.backup_data(&set.name).unwrap()).unwrap();
    assert_eq!(restored["people"][0], before["people"][0]);
}

/// `cercle backups` says when each backup was taken, in Paris time, and in French the size of a
/// kept file in "ko": the file an earlier Cercle kept, and a set of documents.
#[test]
fn backups_are_listed_with_their_time_and_size_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let sample = cercle::sample::sample();
    std::fs::write(
        dir.path().join("cercle.json"),
        cercle::store::to_json(&sample).unwrap(),
    )
    .unwrap();
    // Converted at its first open, which keeps the one file.
    cercle::store::Store::open(dir.path())
        .unwrap()
        .load()
        .unwrap();
    let mut value = read_json(dir.path());
    value["people"][0]["name"] = "Changed".into();
    common::pty::write_json(dir.path(), &value);
    let listed = |lang: &str| {
        let out = cercle(dir.path(), &["--lang", lang, "backups"]);
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let french = listed("fr");
    let lines: Vec<&str> = french.lines().collect();
    assert_eq!(lines.len(), 2, "{french}");
    assert!(lines.iter().all(|l| l.contains("  prise le ")), "{french}");
    let file = lines.iter().find(|l| l.contains("-v2.json")).unwrap();
    assert!(file.ends_with("\u{a0}ko"), "{file}");
    assert!(
        !french.contains("bytes") && !french.contains("taken"),
        "{french}"
    );
    let english = listed("en");
    assert!(
        english.contains("  taken on ") && english.contains(" kB"),
        "{english}"
    );
}
