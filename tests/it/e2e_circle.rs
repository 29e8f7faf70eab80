//! End-to-end on the Knowledge circle: in a real pseudo-terminal, a trainer adds an offer and a
//! request, accepts the suggested match, records the exchange and its evaluation, and quits;
//! everything is in the saved file.

use crate::common;

use common::pty::{Session, cercle, read_json, sample_dirs};

#[test]
fn an_offer_meets_a_request_and_the_exchange_and_its_evaluation_are_saved() {
    // I am Hélène, a trainer of the cohort: I may write for any trainee.
    let (data, config) = sample_dirs("role = \"trainer\"\nme = \"p-helene-marchetti\"\n");
    let dir = data.path().to_owned();
    let mut app = Session::start(&dir, config.path(), &[]);
    app.wait_for("Modules (");
    app.send("2");
    app.wait_for("running (10/12)");
    // Camille's offer (she is selected on the roster).
    app.send("o");
    app.wait_for("Offers and requests (18)");
    app.send("n");
    app.wait_for("New offer or request");
    app.send("\t\tÉcrire une charte d'accueil des bénévoles\t4.3\r");
    app.wait_for("Offers and requests (19)");
    // Malik's request: back to the roster, one down, the kind set to request.
    app.send("\x1b");
    app.send("j");
    app.send("o");
    app.send("n");
    app.wait_for("New offer or request");
    app.send("\t\x1b[C\tRédiger la charte des bénévoles\t4.3\r");
    app.wait_for("Offers and requests (20)");
    app.wait_for("Suggested: Camille Dubois offers");
    // Accept the match: the exchange form comes filled in; save it.
    app.send("\r");
    app.wait_for("Put in touch: the exchange");
    app.wait_for("Camille Dubois, Malik Benali");
    app.send("\r");
    app.wait_for("Exchanges (3)");
    app.wait_for("to evaluate");
    // Its evaluation.
    app.send("\r");
    app.wait_for("Evaluation of the exchange");
    app.send("Nous avons écrit la charte ensemble\r");
    app.wait_for("useful · Nous avons écrit la charte ensemble");
    app.wait_for("[saved]");
    app.send("q");
    assert!(app.wait_exit().success());

    let json = read_json(&dir);
    let cohort = &json["cohorts"][1];
    let knowledge = cohort["knowledge"].as_array().unwrap();
    let offer = &knowledge[knowledge.len() - 2];
    let request = &knowledge[knowledge.len() - 1];
    assert_eq!(offer["person"], "p-camille-dubois");
    assert_eq!(offer["kind"], "offer");
    assert_eq!(offer["title"], "Écrire une charte d'accueil des bénévoles");
    assert_eq!(offer["topic"]["module"], "m-4-3");
    assert_eq!(request["person"], "p-malik-benali");
    assert_eq!(request["kind"], "request");
    let exchange = cohort["exchanges"].as_array().unwrap().last().unwrap();
    assert_eq!(exchange["offer"], offer["id"]);
    assert_eq!(exchange["request"], request["id"]);
    assert_eq!(
        exchange["people"],
        serde_json::json!(["p-camille-dubois", "p-malik-benali"])
    );
    assert_eq!(exchange["format"], "one_to_one");
    assert!(exchange["date"].as_str().is_some_and(|d| d.len() == 10));
    assert_eq!(exchange["evaluations"][0]["useful"], true);
    assert_eq!(
        exchange["evaluations"][0]["note"]["text"],
        "Nous avons écrit la charte ensemble"
    );
    let check = cercle(&dir, &["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}
