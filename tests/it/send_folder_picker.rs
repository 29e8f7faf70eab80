//! Choosing the folder where `E` writes bundles from inside the app: Ctrl-o opens a list of
//! folders, ↑/↓ move, Enter goes in, Backspace goes up, `c` chooses; the choice is saved in the
//! settings. End to end in a pseudo-terminal, and snapshots in both languages.

use crate::common;
use crate::common::{press, render, sample_app, snapshot_size};
use cercle::app::paths::{Entry, Listed};
use cercle::app::{Effect, Overlay};
use cercle::i18n::Lang;
use common::pty::{Session, sample_dirs};
use std::path::PathBuf;

fn folders(names: &[&str]) -> Vec<Entry> {
    names
        .iter()
        .map(|name| Entry {
            name: (*name).to_owned(),
            folder: !name.contains('.'),
        })
        .collect()
}

#[test]
fn the_picker_walks_the_folders_and_keeps_the_one_chosen() {
    let mut app = sample_app(Lang::En);
    let effects = press(&mut app, "<C-o>");
    assert_eq!(effects, [Effect::ListFolder("~".into(), Listed::Picker)]);
    let home = PathBuf::from("/home/camille");
    app.folder_listed(
        Listed::Picker,
        home.clone(),
        Ok(folders(&["Téléchargements", ".cache", "Bureau", "a.json"])),
    );
    let Some(Overlay::FolderPicker(picker)) = &app.overlay else {
        panic!("the picker");
    };
    assert_eq!(
        picker.subfolders,
        ["Bureau", "Téléchargements"],
        "folders only, sorted"
    );
    // Down then Enter goes into the folder highlighted.
    let effects = press(&mut app, "<Down><Enter>");
    assert_eq!(
        effects,
        [Effect::ListFolder(
            "/home/camille/Téléchargements".into(),
            Listed::Picker
        )]
    );
    app.folder_listed(Listed::Picker, home.join("Téléchargements"), Ok(Vec::new()));
    // Backspace goes up.
    let effects = press(&mut app, "<BS>");
    assert_eq!(
        effects,
        [Effect::ListFolder("/home/camille".into(), Listed::Picker)]
    );
    // `c` takes the folder shown, saved in the settings.
    let effects = press(&mut app, "c");
    assert_eq!(effects, [Effect::SaveConfig]);
    assert!(app.overlay.is_none());
    assert_eq!(
        app.config.send_folder.as_deref(),
        Some(home.join("Téléchargements").as_path())
    );
    assert!(
        app.notice
            .as_ref()
            .unwrap()
            .text
            .contains("/home/camille/Téléchargements")
    );
}

#[test]
fn an_unreadable_folder_is_said_and_the_picker_stays_where_it_was() {
    let mut app = sample_app(Lang::Fr);
    press(&mut app, "<C-o>");
    let home = PathBuf::from("/home/camille");
    app.folder_listed(Listed::Picker, home.clone(), Ok(folders(&["privé"])));
    press(&mut app, "<Enter>");
    app.folder_listed(
        Listed::Picker,
        home.join("privé"),
        Err("Permission non accordée".into()),
    );
    let Some(Overlay::FolderPicker(picker)) = &app.overlay else {
        panic!("the picker stays open");
    };
    assert_eq!(picker.folder, home);
    assert!(
        picker
            .error
            .as_ref()
            .unwrap()
            .contains("Impossible de lire le dossier /home/camille/privé\u{a0}: Permission")
    );
    // Esc closes it without changing the settings.
    press(&mut app, "<Esc>");
    assert!(app.overlay.is_none());
    assert_eq!(app.config.send_folder, None);
}

#[test]
fn snapshots_of_the_folder_picker() {
    for lang in [Lang::Fr, Lang::En] {
        let (width, height) = snapshot_size(lang);
        let mut app = sample_app(lang);
        app.size = (width, height);
        press(&mut app, "<C-o>");
        app.folder_listed(
            Listed::Picker,
            PathBuf::from("/home/camille"),
            Ok(folders(&[
                "Bureau",
                "Documents",
                "Téléchargements",
                "Projet tiers-lieu",
            ])),
        );
        press(&mut app, "<Down>");
        let code = if lang == Lang::Fr { "fr" } else { "en" };
        insta::assert_snapshot!(
            format!("send_folder_picker_{code}_{width}x{height}"),
            render(&app, width, height)
        );
    }
}

#[test]
fn the_send_folder_is_picked_in_the_terminal_and_saved_in_the_settings() {
    let (data, config) = sample_dirs("role = \"trainer\"\nme = \"p-helene-marchetti\"\n");
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("Documents/Envois à l'équipe")).unwrap();
    std::fs::create_dir_all(home.path().join("Bureau")).unwrap();
    let env: [(&str, &std::ffi::OsStr); 1] = [("HOME", home.path().as_os_str())];
    let mut app = Session::start_with(data.path(), config.path(), &[], &env);
    app.wait_for("Modules (");
    app.send("\x0f");
    app.wait_for("Folder for bundles:");
    app.wait_for("Documents/");
    // Bureau first, then Documents: down, in, and in again.
    app.send("j");
    app.send("\r");
    app.wait_for("Envois à l'équipe/");
    app.send("\r");
    app.wait_for("No folder inside.");
    // Up and back in, then chosen.
    app.send("\x7f");
    app.wait_for("Envois à l'équipe/");
    app.send("\r");
    app.wait_for("No folder inside.");
    app.send("c");
    app.wait_for("Bundles will be written to");
    app.send("q");
    assert!(app.wait_exit().success());
    let settings = std::fs::read_to_string(config.path().join("config.toml")).unwrap();
    let chosen = std::fs::canonicalize(home.path().join("Documents/Envois à l'équipe")).unwrap();
    let saved: toml::Value = toml::from_str(&settings).unwrap();
    assert_eq!(
        saved["send_folder"].as_str(),
        Some(chosen.to_str().unwrap()),
        "{settings}"
    );
}
