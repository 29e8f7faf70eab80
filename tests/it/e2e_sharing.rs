//! End-to-end in a real pseudo-terminal: the trainer imports a trainee's bundle with `B`,
//! reads the preview, says yes, chooses a side in the merge screen, and quits; the file holds
//! the choice.

use crate::common;

use cercle::store::Store;
use common::pty::{Session, cercle, read_json};
use std::path::Path;

fn ok(dir: &Path, args: &[&str]) {
    let out = cercle(dir, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn set_city(dir: &Path, city: &str) {
    let mut store = Store::open(dir).unwrap();
    let mut data = store.load().unwrap().unwrap();
    let camille = data
        .people
        .iter_mut()
        .find(|p| p.id.as_str() == "p-camille-dubois")
        .unwrap();
    camille.city = city.into();
    store.save(&data).unwrap();
}

#[test]
fn import_a_bundle_preview_it_and_choose_in_the_merge_screen() {
    let trainer = tempfile::tempdir().unwrap();
    let camille = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    ok(trainer.path(), &["init", "--sample"]);
    let to_her = trainer.path().join("to-camille.json");
    let to_her = to_her.to_str().unwrap();
    ok(
        trainer.path(),
        &[
            "export",
            "bundle",
            "--for",
            "trainees",
            "--trainee",
            "Camille Dubois",
            "-o",
            to_her,
        ],
    );
    ok(camille.path(), &["import", "bundle", to_her]);
    set_city(camille.path(), "Bègles");
    set_city(trainer.path(), "Talence");
    let back = camille.path().join("back.json");
    let back = back.to_str().unwrap();
    ok(
        camille.path(),
        &[
            "export",
            "bundle",
            "--for",
            "trainer",
            "--trainee",
            "p-camille-dubois",
            "-o",
            back,
        ],
    );

    std::fs::write(
        config.path().join("config.toml"),
        "language = \"en\"\nrole = \"trainer\"\n",
    )
    .unwrap();
    let mut app = Session::start(trainer.path(), config.path(), &[]);
    app.wait_for("Modules (");
    app.send("B");
    app.wait_for("Import a sharing bundle");
    app.send(back);
    app.send("\r");
    app.wait_for("Changed on both sides, to choose (1)");
    app.wait_for("Bundle from Camille Dubois");
    app.send("y");
    app.wait_for("Changed on both sides: choose (1)");
    app.wait_for("Person Camille Dubois · city");
    app.send("1");
    app.wait_for("Kept « Bègles »");
    app.send("q");
    assert!(app.wait_exit().success());

    let data = read_json(trainer.path());
    let city = data["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "p-camille-dubois")
        .unwrap()["city"]
        .clone();
    assert_eq!(city, "Bègles");
    assert!(data.get("conflicts").is_none(), "no conflict left");
    assert!(
        trainer
            .path()
            .join("bundles")
            .join("c-na-2026--trainee-p-camille-dubois.json")
            .exists()
    );
}
