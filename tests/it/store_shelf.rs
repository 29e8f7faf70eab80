//! The shelf of the finished cohorts' figures (`cercle-shelf.json`): `cercle summary` says with
//! it what a full reading says, reads again a document that changed, rebuilds a shelf it cannot
//! trust, and the shelf stays private and out of the sync.

use crate::common::command;
use cercle::domain::rules::cohort_attendance;
use cercle::store::shelf::{OUTLINES_FILE, SHELF_FILE};
use cercle::store::{DATA_FILE, Store};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// The instant of every run: most generated cohorts are finished by then.
const NOW: &str = "2026-12-08T08:10:00Z";

/// Runs `cercle` on `dir` at [`NOW`], which must succeed; its output.
fn run(dir: &Path, args: &[&str]) -> Vec<u8> {
    crate::common::succeeded(command(dir).env("CERCLE_NOW", NOW).args(args)).stdout
}

fn summary(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&run(dir, &["summary", "--json"])).unwrap()
}

/// Each cohort's line, counted from the data read whole by the store.
fn counted(dir: &Path) -> serde_json::Value {
    let data = Store::open_read_only(dir).unwrap().load().unwrap().unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
    data.cohorts
        .iter()
        .map(|cohort| {
            let all = cohort_attendance(cohort, today);
            serde_json::json!({
                "id": cohort.id,
                "name": cohort.name,
                "trainees": cohort.active_trainees().count(),
                "half_days_held": all.half_days_held,
                "half_days_planned": all.half_days_planned,
                "attendance_rate": all.rate().map(|r| (r * 10.0).round() / 10.0),
            })
        })
        .collect()
}

fn network(dir: &Path) {
    run(dir, &["generate", "--cohorts", "24", "--seed", "9"]);
}

#[test]
fn the_summary_off_the_shelf_is_the_summary_of_the_whole_data() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    network(dir);
    let expected = counted(dir);
    assert_eq!(expected.as_array().unwrap().len(), 24);
    // The first summary reads everything and fills the shelf; the next ones use it.
    assert_eq!(summary(dir), expected);
    let shelf = dir.join(SHELF_FILE);
    assert!(shelf.exists(), "the first summary put nothing on the shelf");
    assert_eq!(
        fs::metadata(&shelf).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let written = fs::metadata(&shelf).unwrap().modified().unwrap();
    assert_eq!(summary(dir), expected);
    assert_eq!(summary(dir), expected);
    // Nothing new to shelve: the shelf is left as it is.
    assert_eq!(fs::metadata(&shelf).unwrap().modified().unwrap(), written);
}

#[test]
fn a_finished_cohort_whose_document_changed_is_counted_again() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    network(dir);
    let before = summary(dir);
    assert_eq!(summary(dir), before);
    // Another machine's sync marks a trainee absent in the first (finished) cohort.
    let file = dir
        .join("cercle/cohorts")
        .join(format!("{}.json", before[0]["id"].as_str().unwrap()));
    let text = fs::read_to_string(&file).unwrap();
    let changed = text.replacen("\"status\": \"present\"", "\"status\": \"absent\"", 1);
    assert_ne!(text, changed);
    fs::write(&file, changed).unwrap();
    let after = summary(dir);
    assert_eq!(after, counted(dir));
    assert_ne!(
        after[0]["attendance_rate"], before[0]["attendance_rate"],
        "the shelf answered for a document that changed"
    );
    assert_eq!(
        after.as_array().unwrap()[1..],
        before.as_array().unwrap()[1..]
    );
}

#[test]
fn a_shelf_that_does_not_read_is_too_large_or_another_build_wrote_is_rebuilt() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    network(dir);
    let expected = counted(dir);
    summary(dir);
    let shelf = dir.join(SHELF_FILE);
    let good = fs::read_to_string(&shelf).unwrap();
    // Figures that lie: from another build, or from this one but past 64 MiB (padded with
    // spaces, still JSON), larger than any shelf Cercle writes. Never used.
    let lying = good.replace("\"attended\":", "\"attended\":1");
    assert_ne!(lying, good);
    let other_build = lying.replacen("\"build\":\"", "\"build\":\"0.0.0-other ", 1);
    let mut too_large = lying.into_bytes();
    too_large.resize((64 << 20) + 1, b' ');
    let cases: [&[u8]; 5] = [
        other_build.as_bytes(),
        &too_large,
        b"{\"build\": ",
        b"\0\0",
        b"",
    ];
    for shelf_bytes in cases {
        fs::write(&shelf, shelf_bytes).unwrap();
        let said = String::from_utf8_lossy(&shelf_bytes[..shelf_bytes.len().min(40)]);
        assert_eq!(summary(dir), expected, "with the shelf {said}");
        assert_eq!(fs::read_to_string(&shelf).unwrap(), good);
    }
}

#[test]
fn the_shelf_names_nobody_and_it_and_the_outlines_stay_out_of_the_sync() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    network(dir);
    summary(dir);
    let shelf = fs::read_to_string(dir.join(SHELF_FILE)).unwrap();
    let data = Store::open_read_only(dir).unwrap().load().unwrap().unwrap();
    assert!(shelf.contains(data.cohorts[0].name.as_str()));
    for person in &data.people {
        assert!(
            !shelf.contains(&person.name),
            "{} is on the shelf",
            person.name
        );
        assert!(
            !shelf.contains(person.id.as_str()),
            "{} is on the shelf",
            person.id
        );
    }
    fs::write(dir.join(".gitignore"), cercle::sync::IGNORE).unwrap();
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .current_dir(dir)
            .args(args)
            .output()
            .unwrap()
    };
    assert!(git(&["init", "-q"]).status.success());
    assert!(git(&["check-ignore", "-q", SHELF_FILE]).status.success());
    assert!(!git(&["check-ignore", "-q", DATA_FILE]).status.success());
    // The outlines of `check`, which name people by their ids, stay out too.
    run(dir, &["check"]);
    assert!(dir.join(OUTLINES_FILE).exists());
    assert!(git(&["check-ignore", "-q", OUTLINES_FILE]).status.success());
}
