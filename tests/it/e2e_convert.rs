//! End-to-end, in a real pseudo-terminal: a trainer opens the new Cercle on a data directory an
//! earlier one kept as one file. The app converts it to one document per cohort, says so in
//! her language and where the old file is kept, and her next mark writes that cohort alone.

use crate::common;

use cercle::store::DATA_FILE;
use common::pty::{Session, documents, read_json};

#[test]
fn a_one_file_directory_is_converted_at_first_open_and_the_trainer_is_told() {
    let data_dir = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let dir = data_dir.path();
    let sample = cercle::sample::sample();
    let original = cercle::store::to_json(&sample).unwrap();
    std::fs::write(dir.join(DATA_FILE), &original).unwrap();
    std::fs::write(config.path().join("config.toml"), "role = \"trainer\"\n").unwrap();

    let mut app = Session::start(dir, config.path(), &["--lang", "fr"]);
    app.wait_for("Données rangées par promotion\u{a0}; l'ancien fichier est gardé dans backups/");
    assert!(cercle::store::is_split_dir(dir));
    app.send("q");
    assert!(app.wait_exit().success());

    assert_eq!(read_json(dir), serde_json::to_value(&sample).unwrap());
    assert!(
        common::kept_one_file(dir) == vec![original],
        "the old file kept once"
    );

    // Opened again: nothing more to convert, nothing said.
    let before = documents(dir);
    let mut again = Session::start(dir, config.path(), &["--lang", "fr"]);
    again.wait_for("Modules (");
    assert!(!again.contents().contains("Données rangées"));
    again.send("q");
    assert!(again.wait_exit().success());
    assert!(documents(dir) == before, "a second open rewrote documents");
}
