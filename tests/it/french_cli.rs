//! The command line in French: `--help` built from the tables when the locale or `--lang` says
//! French, clap's own words and errors included, and the manual page that follows it.

use crate::common;

/// `cercle ARGS` with a locale, its settings in a folder of the test's own.
fn run(locale: &str, args: &[&str]) -> std::process::Output {
    let settings = tempfile::tempdir().unwrap();
    common::command(settings.path())
        .env("LANG", locale)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn help_is_french_under_a_french_locale() {
    let out = run("fr_FR.UTF-8", &["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for french in [
        "Utilisation\u{a0}: cercle [OPTIONS] [COMMANDE]",
        "Commandes\u{a0}:",
        "Afficher l'aide",
        "Créer un fichier de données vide",
        "Exemples\u{a0}:",
    ] {
        assert!(help.contains(french), "{french}\n{help}");
    }
    for english in [
        "Usage",
        "Commands:",
        "Print help",
        "Create an empty data file",
    ] {
        assert!(!help.contains(english), "{english}\n{help}");
    }
    // --lang comes before the locale, both ways.
    let english =
        String::from_utf8(run("fr_FR.UTF-8", &["--lang", "en", "--help"]).stdout).unwrap();
    assert!(
        english.contains("Usage: cercle") && english.contains("Examples:"),
        "{english}"
    );
    let french =
        String::from_utf8(run("C", &["export", "certificate", "--help", "--lang=fr"]).stdout)
            .unwrap();
    assert!(french.contains("Le certificat de réalisation"), "{french}");
}

#[test]
fn the_values_an_option_takes_are_said_in_french() {
    let out = run("fr_FR.UTF-8", &["export", "attendance", "--help"]);
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(
        help.contains("[valeurs possibles\u{a0}: csv (Valeurs séparées"),
        "{help}"
    );
    assert!(!help.contains("possible values"), "{help}");
}

#[test]
fn mistakes_on_the_command_line_are_said_in_french_with_the_usage_code() {
    for (args, said) in [
        (&["--bogus"][..], "argument inattendu «\u{a0}--bogus\u{a0}»"),
        (
            &["export", "certificat"][..],
            "il en existe un proche, «\u{a0}certificate\u{a0}»",
        ),
        (
            &["export", "attendance", "--format", "docx"][..],
            "[valeurs possibles\u{a0}: csv, xlsx, html, pdf]",
        ),
        (
            &["export", "certificate", "--until", "demain"][..],
            "demain n'est pas un jour",
        ),
        (
            &["generate", "--cohorts", "0"][..],
            "0 n'est pas un nombre de 1 à 100000",
        ),
    ] {
        let out = run("fr_FR.UTF-8", args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let text = String::from_utf8(out.stderr).unwrap();
        assert!(text.contains(said), "{args:?}: {text}");
        assert!(
            text.contains("Utilisation\u{a0}:") && !text.contains("Usage"),
            "{text}"
        );
        assert!(out.stdout.is_empty(), "errors go to standard error");
    }
}

#[test]
fn the_manual_page_follows_the_language() {
    let page = String::from_utf8(run("fr_FR.UTF-8", &["man"]).stdout).unwrap();
    for french in [
        ".SH NOM",
        ".SH SOUS-COMMANDES",
        ".SH EXEMPLES",
        "Afficher l\\*(Aqaide",
    ] {
        assert!(page.contains(french), "{french}");
    }
    assert!(!page.contains(".SH NAME") && !page.contains("Print help"));
    let english = String::from_utf8(run("en_GB.UTF-8", &["man"]).stdout).unwrap();
    assert!(english.contains(".SH NAME") && english.contains(".SH EXAMPLES"));
}

#[test]
fn french_completions_describe_in_french() {
    let script = String::from_utf8(run("fr_FR.UTF-8", &["completions", "fish"]).stdout).unwrap();
    assert!(
        script.contains("Le certificat de réalisation"),
        "{script:.400}"
    );
    assert!(!script.contains("merge-driver"));
}
