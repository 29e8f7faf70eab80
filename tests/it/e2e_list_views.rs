//! End-to-end, in a real pseudo-terminal: `/` on the seminars and on the exchanges, the count
//! shown, Esc clearing the filter before going back, and Enter evaluating the exchange shown,
//! in the saved file.

use crate::common;

use common::pty::{current_cohort, read_json, sample_trainer_session};

#[test]
fn filtering_the_seminars_and_the_exchanges_then_evaluating_the_exchange_shown() {
    let (data, _config, mut app) = sample_trainer_session();
    let dir = data.path().to_owned();
    app.send("s");
    app.wait_for("Seminars (9)");
    app.send("/dax");
    app.wait_for("Seminars (3/9)");
    app.send("\r\x1b");
    app.wait_for("Seminars (9)");
    app.send("\x1b");
    app.wait_for("Modules (");

    app.send("2x");
    app.wait_for("Exchanges (2)");
    app.send("/!chabot\r");
    app.wait_for("Exchanges (1/2)");
    app.send("\r");
    app.wait_for("Evaluation of the exchange");
    app.send("Tout le groupe a progressé\r");
    app.wait_for("[saved]");
    app.send("\x1b");
    app.wait_for("Exchanges (2)");
    app.send("q");
    assert!(app.wait_exit().success());

    let mut file = read_json(&dir);
    let cohort = current_cohort(&mut file);
    let exchanges = cohort["exchanges"].as_array().unwrap();
    let evaluated: Vec<&serde_json::Value> = exchanges
        .iter()
        .filter(|e| {
            e["evaluations"].as_array().is_some_and(|v| {
                v.iter()
                    .any(|x| x["note"]["text"] == "Tout le groupe a progressé")
            })
        })
        .collect();
    assert_eq!(evaluated.len(), 1);
    let people = evaluated[0]["people"].as_array().unwrap();
    assert!(!people.iter().any(|p| p == "p-aurelie-chabot"));
}
