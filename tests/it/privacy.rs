//! Privacy: every kind of file Cercle writes is 0600 and every directory it makes 0700, even
//! under `umask 000`; a person's data can be exported, and a person can be forgotten, with
//! the records the law requires kept under a pseudonym.

use crate::common;

use cercle::domain::{Data, PersonId};
use cercle::store::{DATA_FILE, LOCK_FILE, Store, to_json};
use common::pty::{cercle, documents};
use serde_json::Value;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Stdio;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

fn assert_private(path: &Path) {
    let want = if path.is_dir() { 0o700 } else { 0o600 };
    assert_eq!(mode(path), want, "{}", path.display());
}

/// `path` and, for a folder, everything under it: a backup set, the data's documents.
fn everything_under(path: &Path) -> Vec<std::path::PathBuf> {
    let mut found = vec![path.to_path_buf()];
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            found.extend(everything_under(&entry.unwrap().path()));
        }
    }
    found
}

#[test]
fn every_kind_of_file_is_private_even_under_umask_000() {
    // The whole test process (and the commands it starts): a umask that hides nothing.
    common::sys::set_umask(0);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("new/data");

    // The data directory, the lock, the data file, the backups and their directory.
    let mut store = Store::open(&dir).unwrap();
    store.save(&cercle::sample::sample()).unwrap();
    let backup = store.save(&Data::empty("T", "P")).unwrap().backup.unwrap();
    for path in [&dir, &dir.join(LOCK_FILE), &dir.join(DATA_FILE)] {
        assert_private(path);
    }
    // Every folder and document of the split layout, in the directory and in the backup set.
    assert!(backup.is_dir(), "a backup is a set: {}", backup.display());
    let set = everything_under(&backup);
    assert!(set.iter().any(|p| p.ends_with("cercle/people")));
    for path in set
        .iter()
        .chain(&everything_under(&dir.join(cercle::store::DOCS_DIR)))
    {
        assert_private(path);
    }
    assert_private(backup.parent().unwrap());
    // A copy saved elsewhere, and the recovery file a crash leaves.
    let copy = store.save_as(&tmp.path().join("copy.json"), b"{}").unwrap();
    assert_private(&copy);
    assert_private(&cercle::store::write_recovery(&dir, b"{}").unwrap());
    // Settings, notes edited in $EDITOR and the app's exports all go through this.
    let note = cercle::store::write_private(&tmp.path().join("fresh/.cercle-edit-1.txt"), b"x");
    assert_private(&note.unwrap());
    assert_private(&tmp.path().join("fresh"));
    drop(store);

    // The app's exports, written by the disk worker into `exports/`.
    let worker = cercle::tui::worker::start(
        Store::open(&dir).unwrap(),
        dir.clone(),
        cercle::i18n::Lang::En,
    );
    let export = dir.join("exports/sheet.csv");
    worker
        .jobs
        .send(cercle::tui::worker::Job::Export {
            path: export.clone(),
            bytes: b"a,b\n".to_vec(),
        })
        .unwrap();
    let report = worker.reports.recv().unwrap();
    assert!(matches!(
        report,
        cercle::tui::worker::Report::Exported(Ok(_))
    ));
    assert_private(&export);
    assert_private(export.parent().unwrap());
    drop(worker);

    // A quarantine copy of a damaged file.
    let damaged = tmp.path().join("damaged");
    std::fs::create_dir(&damaged).unwrap();
    std::fs::write(damaged.join(DATA_FILE), b"{\"cut").unwrap();
    let Err(cercle::store::StoreError::Damaged {
        quarantine: Some(quarantine),
        ..
    }) = Store::open(&damaged).unwrap().load()
    else {
        panic!("no quarantine copy");
    };
    assert_private(&quarantine);

    // Every command that writes a file.
    let cli = tmp.path().join("cli");
    assert!(cercle(&cli, &["init", "--sample"]).status.success());
    for path in everything_under(&cli) {
        assert_private(&path);
    }
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    for (name, args) in [
        ("sheet.csv", &["attendance", "--format", "csv"][..]),
        ("sheet.html", &["attendance", "--format", "html"]),
        (
            "certificate.html",
            &["certificate", "--trainee", "Camille Dubois"],
        ),
        ("contacts.vcf", &["contacts"]),
        ("calendar.ics", &["calendar"]),
        ("person.json", &["person", "Camille Dubois"]),
    ] {
        let file = out.join(name);
        let mut all = vec!["export"];
        all.extend_from_slice(args);
        all.extend(["-o", file.to_str().unwrap()]);
        let done = cercle(&cli, &all);
        assert!(
            done.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&done.stderr)
        );
        assert_private(&file);
    }
}

// ---------------------------------------------------------------- access and erasure

fn sample_dir() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    assert!(cercle(tmp.path(), &["init", "--sample"]).status.success());
    tmp
}

fn load(dir: &Path) -> Data {
    Store::open_read_only(dir).unwrap().load().unwrap().unwrap()
}

fn mentions(value: &Value, id: &str) -> bool {
    match value {
        Value::String(s) => s == id,
        Value::Array(items) => items.iter().any(|v| mentions(v, id)),
        Value::Object(map) => map.values().any(|v| mentions(v, id)),
        _ => false,
    }
}

fn count(value: &Value, id: &str) -> usize {
    match value {
        Value::String(s) => usize::from(s == id),
        Value::Array(items) => items.iter().map(|v| count(v, id)).sum(),
        Value::Object(map) => map.values().map(|v| count(v, id)).sum(),
        _ => 0,
    }
}

#[test]
fn a_persons_export_holds_every_record_about_them_and_no_one_elses_marks() {
    let tmp = sample_dir();
    let data = load(tmp.path());
    let done = cercle(tmp.path(), &["export", "person", "p-agathe-brunet"]);
    assert!(done.status.success());
    let export: Value = serde_json::from_slice(&done.stdout).unwrap();
    assert_eq!(export["person"]["name"], "Agathe Brunet");
    let id = "p-agathe-brunet";
    let cohorts = serde_json::to_value(&data.cohorts).unwrap();
    // Every mention of the person in the data is in the export.
    assert_eq!(count(&export["cohorts"], id), count(&cohorts, id));
    for cohort in export["cohorts"].as_array().unwrap() {
        for (key, list) in cohort.as_object().unwrap() {
            let Some(items) = list.as_array().filter(|_| key != "seminars") else {
                continue;
            };
            assert!(items.iter().all(|item| mentions(item, id)), "{key}");
        }
        for half_day in cohort["seminars"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["half_days"].as_array().unwrap())
        {
            let marks = half_day["marks"].as_array().unwrap();
            assert!(
                marks.iter().all(|m| m["trainee"] == id),
                "only their own marks"
            );
        }
    }
    // A part of a name finds the person for an export, and unknown names are refused.
    let found = cercle(tmp.path(), &["export", "person", "agathe"]);
    assert_eq!(found.stdout, done.stdout);
    assert!(
        !cercle(tmp.path(), &["export", "person", "nobody"])
            .status
            .success()
    );
}

fn forget(dir: &Path, args: &[&str], answer: &str) -> std::process::Output {
    let mut child = crate::common::command(dir)
        .arg("forget")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), answer.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn forget_asks_first_and_refuses_a_part_of_a_name() {
    let tmp = sample_dir();
    let before = documents(tmp.path());
    let said = forget(tmp.path(), &["Agathe Brunet"], "no\n");
    assert!(!said.status.success());
    let out = String::from_utf8_lossy(&said.stdout);
    assert!(out.contains("Type yes to confirm"), "{out}");
    assert!(String::from_utf8_lossy(&said.stderr).contains("nothing was changed"));
    let partial = forget(tmp.path(), &["Agathe", "--yes"], "");
    assert!(!partial.status.success());
    assert!(String::from_utf8_lossy(&partial.stderr).contains("full name or their id"));
    assert!(documents(tmp.path()) == before, "no document was rewritten");
}

#[test]
fn a_forgotten_person_is_gone_everywhere_but_signed_sheets_keep_a_pseudonym() {
    let tmp = sample_dir();
    let dir = tmp.path();
    let data = load(dir);
    let id = PersonId::new("p-agathe-brunet");
    let marks_before = serde_json::to_value(&data.cohorts).unwrap();
    let marks_before = count(&marks_before, id.as_str());
    // Copies that hold the person: a backup set (one more save, as the app makes it) and a
    // recovery file.
    let mut store = Store::open(dir).unwrap();
    store.load().unwrap();
    store
        .save(&Data {
            current_cohort: None,
            ..data.clone()
        })
        .unwrap();
    drop(store);
    cercle::store::write_recovery(dir, &to_json(&data).unwrap()).unwrap();
    // A bundle kept from her, and a sync history: Cercle cannot rewrite them, so it says so.
    let kept = dir.join("bundles/c-na-2026--trainee-p-agathe-brunet.json");
    std::fs::create_dir_all(kept.parent().unwrap()).unwrap();
    std::fs::write(&kept, "{\"name\": \"Agathe Brunet\"}").unwrap();
    std::fs::create_dir(dir.join(".git")).unwrap();

    let said = forget(dir, &["Agathe Brunet"], "yes\n");
    assert!(
        said.status.success(),
        "{}",
        String::from_utf8_lossy(&said.stderr)
    );
    let out = String::from_utf8_lossy(&said.stdout);
    assert!(out.contains("Kept because the law requires it"), "{out}");
    assert!(out.contains("Personne anonymisée 1"), "{out}");
    assert!(out.contains("attendance marks"), "{out}");
    assert!(
        out.contains(&format!(
            "may still hold Agathe Brunet; check it and delete it if so: {}",
            kept.display()
        )),
        "{out}"
    );
    assert!(out.contains("The sync history"), "{out}");

    let after = load(dir);
    assert!(after.person(&id).is_none());
    let stand_in = after
        .people
        .iter()
        .find(|p| p.name == "Personne anonymisée 1")
        .expect("a pseudonym");
    assert!(stand_in.emails.is_empty() && stand_in.notes.is_empty());
    let cohorts = serde_json::to_value(&after.cohorts).unwrap();
    assert_eq!(
        count(&cohorts, stand_in.id.as_str()),
        marks_before - 1,
        "the candidacy went"
    );
    // Gone from every copy too, and no copy keeps the name.
    let store = Store::open_read_only(dir).unwrap();
    let mut copies: Vec<_> = store
        .backups()
        .unwrap()
        .into_iter()
        .map(|b| b.path)
        .collect();
    assert!(
        copies.iter().any(|p| p.is_dir()),
        "a backup set: {copies:?}"
    );
    copies.push(dir.join(cercle::store::RECOVERY_FILE));
    copies.push(dir.join(DATA_FILE));
    copies.push(dir.join(cercle::store::DOCS_DIR));
    let files = copies.iter().flat_map(|p| everything_under(p));
    for path in files.filter(|p| p.is_file()) {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            !text.contains("agathe") && !text.contains("Agathe"),
            "{}",
            path.display()
        );
    }
    // The file still keeps every rule: the pseudonym stands on the roster where marks need it.
    assert!(cercle(dir, &["check"]).status.success());
}

#[test]
fn a_forgotten_trainers_signatures_stay_under_a_pseudonym() {
    let tmp = sample_dir();
    let dir = tmp.path();
    let data = load(dir);
    let signed = |data: &Data, by: &str| {
        data.cohorts
            .iter()
            .flat_map(|c| &c.seminars)
            .flat_map(|s| &s.half_days)
            .filter(|h| h.signature.as_ref().is_some_and(|s| s.by.as_str() == by))
            .count()
    };
    let before = signed(&data, "p-yannick-le-goff");
    assert!(before > 0);
    assert!(
        forget(dir, &["p-yannick-le-goff", "--yes"], "")
            .status
            .success()
    );
    let after = load(dir);
    let stand_in = after
        .people
        .iter()
        .find(|p| p.id.as_str().starts_with("forgotten-"));
    assert_eq!(signed(&after, stand_in.unwrap().id.as_str()), before);
    assert_eq!(signed(&after, "p-yannick-le-goff"), 0);
}

#[test]
fn forget_counts_the_free_texts_that_still_name_the_person_in_every_part_of_the_data() {
    let said = |dir: &Path| {
        let out = forget(dir, &["--yes", "p-agathe-brunet"], "");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.split("still appears in ")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .map_or(0, |n| n.parse::<usize>().unwrap())
    };
    let plain = sample_dir();
    let before = said(plain.path());

    // Her name written by others, in a person's note, a cohort's record and a venue.
    let tmp = sample_dir();
    let dir = tmp.path();
    let mut data = load(dir);
    let other = data
        .people
        .iter()
        .position(|p| p.id.as_str() != "p-agathe-brunet")
        .unwrap();
    data.people[other].notes.push(cercle::domain::people::Note {
        text: "Voir avec AGATHE brunet".into(),
        confidential: false,
    });
    let with_knowledge = data
        .cohorts
        .iter()
        .position(|c| !c.knowledge.is_empty())
        .unwrap();
    data.cohorts[with_knowledge].knowledge[0].title = "Compostage, d'après Agathe Brunet".into();
    data.venues[0].name = "Chez agathe Brunet".into();
    let mut store = Store::open(dir).unwrap();
    store.load().unwrap();
    store.save(&data).unwrap();
    drop(store);
    assert_eq!(said(dir), before + 3);
}
