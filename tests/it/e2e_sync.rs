//! End-to-end: a trainer syncs from the app while the administration syncs from the command
//! line, through one shared repository.

use crate::common;

use common::pty::Session;
use common::team::Team;

#[test]
fn the_sync_key_brings_the_team_changes_in_and_sends_this_machine_changes_out() {
    let team = Team::new();
    let trainer = team.machine("trainer", Some("p-helene-marchetti"));
    let office = team.machine("administration", None);
    trainer.ok(&["init", "--sample"]);
    trainer.ok(&["sync", "init", "--remote", &team.remote()]);
    office.ok(&["sync", "init", "--remote", &team.remote()]);
    office.edit(|d| d.people[0].city = "Douarnenez".into());
    office.ok(&["sync"]);

    let vars = trainer.git_vars();
    let env: Vec<(&str, &std::ffi::OsStr)> =
        vars.iter().map(|(k, v)| (*k, v.as_os_str())).collect();
    let mut app = Session::start_with(&trainer.dir, &trainer.config, &[], &env);
    app.wait_for("[saved]");
    app.wait_for("⇅ synced");
    // The app holds the lock: the command line does not sync behind its back.
    let refused = trainer.cercle(&["sync"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("Cercle is open"));

    app.send("\x07");
    app.wait_for("The team's changes are in.");
    // The store knows the merged file: a change saves without a "changed on disk" refusal.
    let people = trainer.data().people.len();
    app.send("3");
    app.send("d");
    app.wait_for("Please confirm");
    app.send("y");
    app.wait_for("[saved]");
    assert!(!app.contents().contains("not saved"), "{}", app.contents());
    app.send("\x07");
    app.wait_for("Synced with the team.");
    app.send("q");
    assert!(app.wait_exit().success());

    let data = trainer.data();
    assert_eq!(data.people[0].city, "Douarnenez");
    assert_eq!(data.people.len(), people - 1);
    assert_eq!(team.head(), trainer.git(&["rev-parse", "HEAD"]));
    assert!(
        trainer
            .git(&["log", "-1", "--format=%s"])
            .contains("1 person removed")
    );
    office.ok(&["sync"]);
    assert_eq!(office.bytes(), trainer.bytes());
}
