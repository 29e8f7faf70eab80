//! End-to-end, in a real pseudo-terminal: Tab completes a path in the bundle import form, as a
//! shell does: `~` is the home folder, accents and spaces are kept whole, several matches
//! complete to what they share and are named, and a folder that cannot be read is said, never
//! a crash.

use crate::common;

use common::pty::{Session, sample_dirs};

#[test]
fn tab_completes_paths_with_home_accents_and_spaces() {
    let (data, config) = sample_dirs("role = \"trainer\"\nme = \"p-helene-marchetti\"\n");
    let home = tempfile::tempdir().unwrap();
    let downloads = home.path().join("Téléchargements");
    std::fs::create_dir(&downloads).unwrap();
    std::fs::write(downloads.join("pour camille.cercle-bundle.json"), "{}").unwrap();
    std::fs::write(downloads.join("cohorte été.json"), "{}").unwrap();
    std::fs::write(downloads.join("cohorte étape.json"), "{}").unwrap();
    std::fs::write(home.path().join("notes.txt"), "").unwrap();
    let env: [(&str, &std::ffi::OsStr); 1] = [("HOME", home.path().as_os_str())];
    let mut app = Session::start_with(data.path(), config.path(), &[], &env);
    app.wait_for("Modules (");
    app.send("B");
    app.wait_for("Import a sharing bundle");

    // `~` and an accented folder, completed whole with its slash.
    app.send("~/Tél\t");
    app.wait_for("~/Téléchargements/");
    // A name with a space, the only one starting so.
    app.send("po\t");
    app.wait_for("~/Téléchargements/pour camille.cercle-bundle.json");
    // Several matches: what they share, and their names in the status line.
    app.send("\x15~/Téléchargements/coh\t");
    app.wait_for("~/Téléchargements/cohorte ét");
    app.wait_for("Tab: cohorte étape.json  cohorte été.json");
    // A "folder" that is a file cannot be read: said, and the form stays.
    app.send("\x15~/notes.txt/x\t");
    app.wait_for("Cannot read the folder ~/notes.txt/");
    app.wait_for("Import a sharing bundle");
    app.send("\x1b");
    app.wait_for("Throw away what you typed?");
    app.send("y");
    app.send("q");
    assert!(app.wait_exit().success());
}
