//! End-to-end, in a pseudo-terminal: a roll call of 10 trainees, each signing her own line with
//! her code (one choosing hers, typed twice), the trainer's seal, quit; `cercle verify` passes;
//! one mark changed with `jq`, and `verify` fails, naming the half-day.

use crate::common;
use crate::e2e_roll_call::{marked_half_day, seal_as_the_trainer, seminar_on};
use cercle::sample::code_of;
use common::pty::{Session, cercle, cohort_document, jq, read_json, write_json};
use std::path::Path;

#[test]
fn ten_trainees_sign_the_trainer_seals_and_verify_catches_a_changed_mark() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let dir = data.path();
    let today = cercle::domain::clock::today(chrono::Utc::now()).to_string();
    let (current, _, trainees) = seminar_on(dir, config.path(), &today);
    // The last trainee's code was reset (she forgot it): her next signature chooses a new one,
    // and what her old key signed still verifies.
    let mut file = read_json(dir);
    let cohort = file["cohorts"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|c| c["id"] == current)
        .unwrap();
    let keys = cohort["keys"].as_array_mut().unwrap();
    let key = keys
        .iter_mut()
        .find(|k| k["person"] == trainees[9].as_str())
        .unwrap();
    let reset_at = (chrono::Utc::now() - chrono::Duration::minutes(1)).to_rfc3339();
    key["reset"] =
        serde_json::json!({ "by": "p-helene-marchetti", "at": reset_at, "reason": "code oublié" });
    write_json(dir, &file);
    let name_of = |id: &str| {
        let people = file["people"].as_array().unwrap();
        let person = people.iter().find(|p| p["id"] == id).unwrap();
        person["name"].as_str().unwrap().to_owned()
    };

    let mut app = Session::start(dir, config.path(), &[]);
    app.wait_for("0 marked ·");
    app.send("P");
    app.wait_for("10 marked · 0 signed · 0 absent");
    app.send("a");
    app.wait_for("10 marked · 0 signed · 1 absent");
    // The absent trainee cannot sign.
    app.send("k");
    app.send("g");
    app.wait_for("Marked absent: no signature");
    app.send("j");
    for (i, trainee) in trainees.iter().enumerate().skip(1) {
        let name = name_of(trainee);
        let code = code_of(&name);
        app.send("g");
        app.wait_for("signs their line");
        if i == 9 {
            app.wait_for("Code again");
            app.send(&format!("{code}\t{code}\r"));
        } else {
            app.send(&format!("{code}\r"));
        }
        app.wait_for(&format!("{i} signed ·"));
        assert!(!app.contents().contains(&code), "the code is never shown");
        app.send("j");
    }
    app.wait_for("10 marked · 9 signed · 1 absent");
    seal_as_the_trainer(&mut app, "signed by");
    // Undo does not take the seal back: it asks for its withdrawal, with a reason; left
    // unanswered, the sheet stays sealed.
    app.send("u");
    app.wait_for("Withdraw the seal of");
    app.send("\x1b");
    app.send("q");
    assert!(app.wait_exit().success());

    let sheet = marked_half_day(dir, &current);
    assert_eq!(sheet["seals"].as_array().unwrap().len(), 1);
    let verified = cercle(dir, &["verify"]);
    let said = String::from_utf8_lossy(&verified.stdout);
    assert_eq!(verified.status.code(), Some(0), "{said}");
    assert!(said.contains("The attendance record holds"), "{said}");

    // One mark changed outside Cercle, with jq, in the cohort's document.
    let filter = format!(
        r#"(.seminars[] | select(.id == "s-e2e") | .half_days[] | select(.id == "{}") | .marks[1].status) = "absent""#,
        sheet["id"].as_str().unwrap()
    );
    edit_with_jq(dir, current.as_str().unwrap(), &filter);
    let said = verify_says_altered(dir, &today, &sheet);
    assert!(said.contains(&name_of(&trainees[1])), "{said}");
}

/// Runs `jq FILTER` over the document of the cohort `cohort` and writes what it prints back,
/// as someone editing the file outside Cercle would.
pub(crate) fn edit_with_jq(dir: &Path, cohort: &str, filter: &str) {
    let path = cohort_document(dir, cohort);
    let edited = jq(&path, &[filter]);
    std::fs::write(&path, edited).unwrap();
}

/// `cercle verify` fails with the exit code of an altered record and names the half-day
/// `sheet` (held on `today`); returns what it printed.
pub(crate) fn verify_says_altered(dir: &Path, today: &str, sheet: &serde_json::Value) -> String {
    let verified = cercle(dir, &["verify"]);
    let said = String::from_utf8_lossy(&verified.stdout).into_owned();
    assert_eq!(verified.status.code(), Some(7), "{said}");
    let day = chrono::NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap();
    // The English words for the periods are the file's own: "08/12/2026 morning".
    let half_day = format!(
        "{} {}",
        day.format("%d/%m/%Y"),
        sheet["period"].as_str().unwrap()
    );
    assert!(said.contains(&half_day), "{said}");
    said
}
