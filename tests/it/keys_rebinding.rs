//! Keys chosen in `[keys]`: the chosen key does the action and the footer and help show it; a
//! clash, an unknown action or an unknown key is said with its line, and the key of the table
//! stays.

use crate::common::{now, press, render};
use cercle::app::{App, Effect, keys};
use cercle::config::{self, Config, Role};
use cercle::i18n::Lang;
use std::path::Path;

fn app_with(settings: &str) -> (App, Vec<keys::KeyProblem>) {
    let (config, warnings) = config::parse(settings, Path::new("config.toml"), Config::default());
    assert!(warnings.is_empty(), "{warnings:?}");
    let config = Config {
        role: Some(Role::Trainer),
        lang: Lang::En,
        ..config
    };
    let problems = keys::table(&config.keys).1;
    let mut app = App::new(config, now());
    app.open(std::sync::Arc::new(cercle::sample::sample()));
    app.size = (120, 40);
    (app, problems)
}

#[test]
fn a_rebound_quit_quits_and_the_help_shows_it() {
    let (mut app, problems) = app_with("# mine\n[keys]\nquit = \"Q\"\n");
    assert!(problems.is_empty(), "{problems:?}");
    press(&mut app, "2");
    assert!(press(&mut app, "q").is_empty(), "q is free now");
    press(&mut app, "?");
    // Tall enough for the whole help.
    app.size = (120, 300);
    let help = render(&app, 120, 300);
    let line = help
        .lines()
        .find(|l| l.contains(" quit"))
        .unwrap_or_else(|| panic!("{help}"));
    assert!(line.contains("Q Ctrl-c"), "{line}");
    press(&mut app, "<Esc>");
    app.size = (120, 40);
    assert_eq!(press(&mut app, "Q"), vec![Effect::Quit]);
}

#[test]
fn a_clash_an_unknown_action_or_key_is_said_with_its_line_and_the_default_stays() {
    let (mut app, problems) =
        app_with("[keys]\nquit = \"j\"\nteleport = \"t\"\nhelp = \"hyper-q\"\n");
    let said: Vec<(usize, &str)> = problems
        .iter()
        .map(|p| (p.line, p.action.as_str()))
        .collect();
    assert_eq!(
        said,
        [(2, "quit"), (3, "teleport"), (4, "help")],
        "{problems:?}"
    );
    assert!(problems[0].problem.contains("already down"), "{problems:?}");
    // The defaults stay: j moves down, q quits, ? opens the help.
    press(&mut app, "2");
    assert!(press(&mut app, "j").is_empty());
    assert_eq!(press(&mut app, "q"), vec![Effect::Quit]);
}

#[test]
fn a_key_a_screen_already_uses_is_a_clash_too() {
    // `x` shows the exchanges on the circle: quit could never be reached there.
    let (_, problems) = app_with("[keys]\nquit = \"x\"\n");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].problem.contains("already"), "{problems:?}");
}

#[test]
fn every_action_of_the_screens_has_a_name_and_keys_read_as_written() {
    let names: std::collections::BTreeSet<String> =
        keys::TABLE.iter().map(keys::action_name).collect();
    for name in ["quit", "sync", "mark_present", "filter", "help", "undo"] {
        assert!(names.contains(name), "{name} in {names:?}");
    }
    for (text, label) in [
        ("x", "x"),
        ("ctrl-q", "Ctrl-q"),
        ("Ctrl+Q", "Ctrl-q"),
        ("enter", "Enter"),
        ("F2", "F(2)"),
        ("space", "Space"),
    ] {
        assert_eq!(
            keys::parse_key(text).map(|k| k.label()),
            Some(label.to_owned()),
            "{text}"
        );
    }
    assert_eq!(keys::parse_key("hyper-q"), None);
}
