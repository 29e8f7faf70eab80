//! `cercle check` on a split directory: every schema error of every document, each with its
//! file, line and column; the typed data and the rules as before.

use crate::common::command;
use cercle::store::Store;
use std::fs;

/// `cercle check --json` on `dir`, which must exit with `code`, and the errors it reports.
fn check_errors(dir: &std::path::Path, code: u8) -> (std::process::Output, Vec<String>) {
    let out = command(dir).args(["check", "--json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(code.into()));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap().to_owned())
        .collect();
    (out, errors)
}

/// The 1-based line of `text` that holds `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn every_schema_error_is_reported_with_its_file_line_and_column() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = cercle::sample::sample();
    Store::open(dir).unwrap().migrate_to_split(&data).unwrap();
    let ok = command(dir).arg("check").output().unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );

    // Fields the app ignores and the schema refuses: two in a cohort, one in a person.
    let cohort = format!("cercle/cohorts/{}.json", data.cohorts[0].id.as_str());
    let text = fs::read_to_string(dir.join(&cohort)).unwrap();
    let text = text
        .replacen("\"name\": ", "\"nom\": 1,\n  \"name\": ", 1)
        .replacen("\"date\": ", "\"jour\": 2, \"date\": ", 1);
    fs::write(dir.join(&cohort), &text).unwrap();
    let shard = fs::read_dir(dir.join("cercle/people"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .min()
        .unwrap();
    let people = fs::read_to_string(&shard).unwrap().replacen(
        "\"name\": ",
        "\"depatement\": \"33\", \"name\": ",
        1,
    );
    fs::write(&shard, &people).unwrap();

    let (_, errors) = check_errors(dir, cercle::commands::exit::RULES_BROKEN);
    let nom = format!("{cohort}:{}:", line_of(&text, "\"nom\""));
    let jour = format!("{cohort}:{}:", line_of(&text, "\"jour\""));
    let shard_name = shard
        .strip_prefix(dir)
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let person = format!("{shard_name}:{}:", line_of(&people, "depatement"));
    for (start, word) in [(&nom, "nom"), (&jour, "jour"), (&person, "depatement")] {
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with(start.as_str()) && e.contains(word)),
            "{start} {word}: {errors:#?}"
        );
    }
    assert_eq!(errors.len(), 3, "{errors:#?}");
    // The column points at the unknown field's value on its line.
    let column: usize = errors
        .iter()
        .find(|e| e.contains("jour"))
        .and_then(|e| e.split(':').nth(2))
        .and_then(|c| c.parse().ok())
        .unwrap();
    let line = text.lines().nth(line_of(&text, "\"jour\"") - 1).unwrap();
    let at: String = line.chars().skip(column - 1).collect();
    assert!(at.starts_with("2, \"date\""), "{column} in {line}");
}

#[test]
fn a_one_file_directory_names_its_file_line_and_column_too() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut value = serde_json::to_value(cercle::sample::sample()).unwrap();
    value["venues"][0]["capacité"] = 12.into();
    value["people"][2]["surnom"] = "x".into();
    fs::write(
        dir.join("cercle.json"),
        serde_json::to_vec_pretty(&value).unwrap(),
    )
    .unwrap();
    let out = command(dir).args(["check", "--json"]).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    for error in errors {
        let error = error.as_str().unwrap();
        let mut parts = error.splitn(4, ':');
        assert_eq!(parts.next(), Some("cercle.json"), "{error}");
        let line: usize = parts.next().unwrap().parse().unwrap();
        assert!(line > 1, "{error}");
    }
}

#[test]
fn a_document_the_app_cannot_read_still_gets_every_schema_error() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = cercle::sample::sample();
    Store::open(dir).unwrap().migrate_to_split(&data).unwrap();
    // Two faults the records refuse in one cohort, and an unknown field in another document.
    let cohort = format!("cercle/cohorts/{}.json", data.cohorts[0].id.as_str());
    let text = fs::read_to_string(dir.join(&cohort))
        .unwrap()
        .replacen("\"status\": \"present\"", "\"status\": 5", 1)
        .replacen("\"trainer\": \"", "\"trainer\": 7, \"x\": \"", 1);
    fs::write(dir.join(&cohort), &text).unwrap();
    let other = format!("cercle/cohorts/{}.json", data.cohorts[1].id.as_str());
    let second = fs::read_to_string(dir.join(&other)).unwrap().replacen(
        "\"name\": ",
        "\"nom\": 1, \"name\": ",
        1,
    );
    fs::write(dir.join(&other), &second).unwrap();

    let (out, errors) = check_errors(dir, cercle::commands::exit::DAMAGED);
    for (file, text, needle, pointer) in [
        (&cohort, &text, "\"status\": 5", "/status"),
        (&cohort, &text, "\"trainer\": 7", "/trainer"),
        (&other, &second, "\"nom\"", "nom"),
    ] {
        let start = format!("{file}:{}:", line_of(text, needle));
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with(&start) && e.contains(pointer)),
            "{start} {pointer}: {errors:#?}"
        );
    }
    // And the reason the data cannot be opened, as before.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&cohort), "{stderr}");
}
