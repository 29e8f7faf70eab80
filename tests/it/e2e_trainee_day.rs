//! End-to-end in a real pseudo-terminal: a trainee's first day, from the bundle her trainers
//! gave her to the bundle she sends back, keyboard only and in French; then the trainers'
//! side, who import it and accept the evidence she proposed.

use crate::common;

use common::pty::{Session, read_json};
use std::ffi::OsStr;
use std::path::PathBuf;

/// The text inside the popup titled `title`, its rows joined without spaces, so that a path
/// the popup wrapped over several rows reads whole again.
fn popup_text(screen: &str, title: &str) -> String {
    let rows: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let top = rows
        .iter()
        .position(|r| r.iter().collect::<String>().contains(title))
        .expect("the popup is on screen");
    let line: String = rows[top].iter().collect();
    let left = line[..line.find(title).unwrap()].chars().count();
    let right = left + rows[top][left..].iter().position(|c| *c == '┐').unwrap();
    rows[top + 1..]
        .iter()
        .take_while(|r| r.get(left) != Some(&'└'))
        .flat_map(|r| r[left + 1..right.min(r.len())].iter())
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn unwrapped(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A trainee's first day; returns the bundle she sent and the trainers' data directory.
fn first_day() -> (PathBuf, tempfile::TempDir, tempfile::TempDir) {
    let trainers = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let to_her =
        common::sample_bundle_for_camille(trainers.path(), "pour-camille.cercle-bundle.json");
    let to_her = to_her.to_str().unwrap();

    let data = home.path().join("data");
    let config = home.path().join("config");
    let downloads = home.path().join("Téléchargements");
    // No mail opener on this PATH: the app must not offer one (nor ever run one in a test).
    let bare_path = home.path().join("bin");
    for dir in [&data, &config, &bare_path] {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(config.join("config.toml"), "language = \"fr\"\n").unwrap();
    let env: [(&str, &OsStr); 4] = [
        ("HOME", home.path().as_os_str()),
        ("XDG_DOWNLOAD_DIR", downloads.as_os_str()),
        ("PATH", bare_path.as_os_str()),
        ("CERCLE_NOW", OsStr::new("2026-12-08T17:30:00Z")),
    ];
    let mut app = Session::start_with(&data, &config, &[], &env);
    app.wait_for("Bienvenue dans Cercle");

    // Start from the trainers' bundle.
    app.send("b");
    app.wait_for("Importer un paquet de partage");
    app.send(to_her);
    app.send("\r");
    app.wait_for("Paquet d'Hélène Marchetti pour Camille Dubois");
    app.send("y");

    // Choose what to share: her email, not the rest.
    app.wait_for("Que partagez-vous avec la promotion\u{a0}?");
    app.send("\x1b[C");
    app.send("\r");
    app.wait_for("ce que vous partagez avec la promotion");

    // Add an offer.
    app.send("o");
    app.wait_for("Offres et demandes");
    app.send("n");
    app.wait_for("En quelques mots");
    if app.colour_of("Offre ou demande") != app.colour_of("Module ou bloc") {
        // The form opened on the choice: go to the text.
        app.send("\t");
    }
    app.send("Réparer un vélo");
    app.send("\r");
    app.wait_for("Réparer un vélo");

    // Open "Mon parcours" and propose evidence.
    app.send("M");
    app.wait_for("Certification\u{a0}: tenu par l'équipe de formation");
    app.send("n");
    app.wait_for("La preuve s'appuie sur");
    app.send("\x1b[B");
    app.send("\r");
    app.wait_for("Preuve");
    app.send("Restitution du séminaire");
    app.send("\r");
    app.wait_for("en attente\u{a0}: Restitution du séminaire");

    // Send to the team.
    app.send("E");
    app.wait_for("Votre paquet pour vos formateur·rices est écrit");
    let shown = popup_text(&app.contents(), "┌ Envoi à l'équipe");
    app.send("\r");
    app.send("q");
    assert!(app.wait_exit().success());

    let files: Vec<PathBuf> = std::fs::read_dir(&downloads)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "one bundle in her downloads: {files:?}");
    let sent = files[0].clone();
    let name = sent.file_name().unwrap().to_str().unwrap();
    assert!(
        name.contains("camille-dubois") && name.contains("2026-12-08-1830"),
        "the name says who and when: {name}"
    );
    assert!(
        shown.contains(&unwrapped(sent.to_str().unwrap())),
        "the screen shows the full path {}:\n{shown}",
        sent.display()
    );
    assert!(shown.contains("Envoyezcefichieràl'équipedeformation"));
    (sent, trainers, home)
}

#[test]
fn a_trainees_first_day_ends_with_her_bundle_at_the_path_shown() {
    let (sent, _trainers, _home) = first_day();
    let bundle = cercle::share::bundle::Bundle::parse(&std::fs::read(&sent).unwrap()).unwrap();
    assert_eq!(bundle.made_by.id.as_str(), "p-camille-dubois");
    let records = serde_json::to_string(&bundle.records).unwrap();
    assert!(records.contains("Réparer un vélo"), "her offer travels");
    assert!(
        records.contains("Restitution du séminaire"),
        "her proposal travels"
    );
}

#[test]
fn the_trainers_import_her_bundle_and_accept_the_evidence() {
    let (sent, trainers, _home) = first_day();
    let config = tempfile::tempdir().unwrap();
    std::fs::write(
        config.path().join("config.toml"),
        "language = \"fr\"\nrole = \"trainer\"\nme = \"p-helene-marchetti\"\n",
    )
    .unwrap();
    let env: [(&str, &OsStr); 1] = [("CERCLE_NOW", OsStr::new("2026-12-09T08:00:00Z"))];
    let mut app = Session::start_with(trainers.path(), config.path(), &[], &env);
    app.wait_for("1 Modules");
    app.send("B");
    app.wait_for("Importer un paquet de partage");
    app.send(sent.to_str().unwrap());
    app.send("\r");
    app.wait_for("Paquet de Camille Dubois pour l'équipe de formation");
    app.send("y");
    app.wait_for("Importé");
    app.send("2");
    app.send("p");
    app.wait_for("Camille Dubois ·");
    app.wait_for("en attente\u{a0}: Restitution du séminaire");
    app.send("y");
    app.wait_for("acceptée\u{a0}: Restitution du séminaire");
    app.send("q");
    assert!(app.wait_exit().success());

    let data = read_json(trainers.path());
    let cohort = &data["cohorts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "c-na-2026")
        .unwrap();
    let assessment = cohort["assessments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["trainee"] == "p-camille-dubois" && a["competency"] == "c-1-1")
        .expect("the evidence is on her path");
    assert!(
        assessment["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["text"] == "Restitution du séminaire")
    );
    let proposal = &cohort["proposals"][0];
    assert_eq!(proposal["answer"]["accepted"], true);
    assert_eq!(proposal["answer"]["by"], "p-helene-marchetti");
}
