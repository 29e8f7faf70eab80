//! The organisation's legal identity: edited in the Modules screen's form (numbers checked as
//! they are saved), kept in the data file, and `cercle check` warns about what a document
//! would lack.

use crate::common::{self, press, sample_app};
use cercle::app::Overlay;
use cercle::i18n::Lang;

/// Empties a field of the open form and types `text` in it (the cursor is at its end).
fn retype(len: usize, text: &str) -> String {
    format!("{}{text}", "<BS>".repeat(len))
}

#[test]
fn the_form_refuses_a_mistyped_siret_and_saves_a_right_one() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "O");
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("O opens the organisation's form");
    };
    assert_eq!(form.fields[3].value(), "91234567800011");
    // Name, NDA, region, then the SIRET with its last digit mistyped.
    let keys = format!("<Tab><Tab><Tab>{}<Enter>", retype(14, "912 345 678 00012"));
    press(&mut app, &keys);
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("a mistyped SIRET keeps the form open");
    };
    assert!(form.fields[3].error.is_some(), "the SIRET is marked");
    assert_eq!(app.data.organisation.siret, "91234567800011");
    // Put right (spaces allowed), with a new representative.
    let keys = format!(
        "{}<Tab><Tab>{}<Enter>",
        retype(17, "732 829 320 00074"),
        retype(16, "Anouk Berthier")
    );
    press(&mut app, &keys);
    assert!(app.overlay.is_none(), "{:?}", app.notice);
    assert_eq!(app.data.organisation.siret, "73282932000074");
    assert_eq!(app.data.organisation.representative.name, "Anouk Berthier");
}

#[test]
fn an_nda_of_ten_digits_is_refused() {
    let mut app = sample_app(Lang::Fr);
    press(&mut app, "O");
    press(
        &mut app,
        &format!("<Tab>{}<Enter>", retype(11, "7533098763")),
    );
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("a short NDA keeps the form open");
    };
    assert!(form.fields[1].error.is_some());
    assert_eq!(app.data.organisation.nda, "75330987633");
}

#[test]
fn check_warns_about_what_the_documents_would_lack() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_str().unwrap();
    assert!(
        common::command(dir.path())
            .args(["--data-dir", path, "init", "--sample"])
            .status()
            .unwrap()
            .success()
    );
    let check = |dir: &std::path::Path| {
        let out = common::command(dir)
            .args(["--data-dir", dir.to_str().unwrap(), "check", "--json"])
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        report["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    let sound = check(dir.path());
    assert!(
        !sound.iter().any(|w| w.contains("organisation")),
        "the sample's identity is complete: {sound:?}"
    );
    // The organisation, in the index, edited by hand with jq.
    let file = dir.path().join("cercle.json");
    let edited = common::pty::jq(
        &file,
        &["del(.organisation.city) | .organisation.siret = \"91234567800012\""],
    );
    std::fs::write(&file, edited).unwrap();
    let warnings = check(dir.path());
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("certificates would lack") && w.contains("organisation.city")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("SIRET is wrong") && w.contains("check digit")),
        "{warnings:?}"
    );
}

#[test]
fn snapshots_of_the_organisation_form() {
    for (lang, code) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
        let mut app = sample_app(lang);
        press(&mut app, "O");
        let (width, height) = common::snapshot_size(lang);
        insta::assert_snapshot!(
            format!("organisation_form_{code}"),
            common::render(&app, width, height)
        );
    }
}

#[test]
fn a_trainer_fills_in_the_identity_in_the_app_and_the_certificate_carries_it() {
    use common::pty::{Session, cercle, read_json, sample_dirs};
    let (data, config) = sample_dirs("role = \"trainer\"\nme = \"p-helene-marchetti\"\n");
    let dir = data.path().to_owned();
    let mut app = Session::start(&dir, config.path(), &[]);
    app.wait_for("[saved]");
    app.send("1");
    app.send("O");
    app.wait_for("Legal identity");
    // To the SIRET, a digit mistyped: refused, the form stays open.
    let wrong = format!("\t\t\t{}912 345 678 00012\r", "\x7f".repeat(14));
    app.send(&wrong);
    app.wait_for("wrong check digit: a digit is mistyped");
    let right = format!("{}732 829 320 00074\r", "\x7f".repeat(17));
    app.send(&right);
    app.wait_for("organisation's identity saved");
    app.wait_for("[saved]");
    app.send("q");
    assert!(app.wait_exit().success());
    let saved = read_json(&dir);
    assert_eq!(saved["organisation"]["siret"], "73282932000074");
    let out = cercle(
        &dir,
        &["export", "certificate", "--trainee", "p-camille-dubois"],
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("SIRET 732 829 320 00074"));
}
