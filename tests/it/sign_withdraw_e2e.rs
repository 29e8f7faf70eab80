//! End-to-end, in a pseudo-terminal: the trainer seals, undoes the seal (which records its
//! withdrawal with her reason), corrects a mark, seals again and quits; `cercle verify` passes.
//! Then the withdrawal's reason is rewritten with `jq`, and `verify` fails, naming the half-day.

use crate::common;
use crate::e2e_roll_call::{marked_half_day, seal_as_the_trainer, seminar_on};
use crate::sign_e2e::{edit_with_jq, verify_says_altered};
use common::pty::{Session, cercle};

#[test]
fn seal_withdraw_with_a_reason_correct_seal_again_and_verify() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let dir = data.path();
    let today = cercle::domain::clock::today(chrono::Utc::now()).to_string();
    let (current, _, _) = seminar_on(dir, config.path(), &today);

    let mut app = Session::start(dir, config.path(), &[]);
    app.wait_for("0 marked ·");
    app.send("P");
    app.wait_for("10 marked · 0 signed · 0 absent");
    seal_as_the_trainer(&mut app, "signed by");
    // Undo: the seal is not erased, its withdrawal is asked for, with a reason and the code.
    app.send("u");
    app.wait_for("Withdraw the seal of");
    app.send("sealed before the last arrival\thelene2026\r");
    app.wait_for("seal withdrawn by");
    // Corrected with a reason, then sealed again.
    app.send("a");
    app.wait_for("Why the change");
    app.send("left before the start\r");
    app.wait_for("10 marked · 0 signed · 1 absent");
    seal_as_the_trainer(&mut app, "signed by");
    app.send("q");
    assert!(app.wait_exit().success());

    let sheet = marked_half_day(dir, &current);
    assert_eq!(sheet["seals"].as_array().unwrap().len(), 2);
    let withdrawals = sheet["withdrawals"].as_array().unwrap();
    assert_eq!(withdrawals.len(), 1);
    assert_eq!(withdrawals[0]["reason"], "sealed before the last arrival");
    assert_eq!(sheet["history"].as_array().unwrap().len(), 1);
    let verified = cercle(dir, &["verify"]);
    let said = String::from_utf8_lossy(&verified.stdout);
    assert_eq!(verified.status.code(), Some(0), "{said}");
    assert!(said.contains("The attendance record holds"), "{said}");

    // The withdrawal's reason rewritten outside Cercle, with jq.
    let filter = format!(
        r#"(.seminars[] | select(.id == "s-e2e") | .half_days[] | select(.id == "{}") | .withdrawals[0].reason) = "a nicer reason""#,
        sheet["id"].as_str().unwrap()
    );
    edit_with_jq(dir, current.as_str().unwrap(), &filter);
    let said = verify_says_altered(dir, &today, &sheet);
    assert!(said.contains("withdrawal of a seal"), "{said}");
}
