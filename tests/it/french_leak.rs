//! No English in French: every screen reached from the key table (three keys deep, on the
//! sample and on hostile data) and every subcommand (its help, its output and its errors) is
//! searched for the English table's phrases that French says otherwise, and for common English
//! words. A phrase found is a leak: a string that skipped the tables.

use crate::common;
use cercle::app::keys::{TABLE, contexts};
use cercle::app::{App, context};
use cercle::i18n::{Lang, Msg};
use common::render;
use ratatui::crossterm::event::KeyEvent;
use std::collections::{BTreeSet, HashSet, VecDeque};
use std::sync::Arc;

/// The English table's phrases French says otherwise: each text cut at its placeholders and
/// lines, kept when it has four letters or more and the French table never uses it.
fn english_phrases() -> Vec<String> {
    let french: String = Msg::ALL
        .iter()
        .map(|m| m.text(Lang::Fr))
        .collect::<Vec<_>>()
        .join("\n");
    let mut phrases = BTreeSet::new();
    for &msg in Msg::ALL {
        let english = msg.text(Lang::En);
        if english == msg.text(Lang::Fr) {
            continue;
        }
        let plain: String = english
            .split('{')
            .map(|part| part.split_once('}').map_or(part, |(_, rest)| rest))
            .collect::<Vec<_>>()
            .join("\n");
        for piece in plain.split('\n') {
            let piece = piece.trim_matches(|c: char| !c.is_alphanumeric());
            let letters = piece.chars().filter(|c| c.is_alphabetic()).count();
            if letters >= 4 && !french.contains(piece) {
                phrases.insert(piece.to_owned());
            }
        }
    }
    phrases.into_iter().collect()
}

/// Words that are English and never French, to catch what never went through a table.
const ENGLISH_WORDS: &[&str] = &[
    "the", "cannot", "nothing", "will", "with", "which", "there", "this", "that", "was", "were",
    "has", "have", "already", "could", "not", "and", "from", "into", "your", "found", "saved",
    "opened", "failed", "error", "warning", "file", "open",
];

/// The text a person reads of a document: an HTML page without its tags and style sheet.
fn readable(text: &str) -> String {
    let text = match (text.find("<style>"), text.find("</style>")) {
        (Some(start), Some(end)) if start < end => format!("{}{}", &text[..start], &text[end..]),
        _ => text.to_owned(),
    };
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Where a phrase stands as whole words ("late" is not in "plateforme"). Options and code
/// (`--read-only`, `` `trainees` ``) are the command line's syntax, not words.
fn find_word(text: &str, phrase: &str) -> Option<usize> {
    text.match_indices(phrase).map(|(at, _)| at).find(|&at| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        let syntax = text[..at].ends_with("--") || before == Some('`') || before == Some('-');
        !word(before) && !word(after) && !syntax
    })
}

/// The leaks in a text, each with the words around it: English phrases, and English words.
fn leaks(text: &str, phrases: &[String]) -> Vec<String> {
    let text = &readable(text);
    let around = |at: usize| {
        let boundary = |mut i: usize, step: fn(usize) -> usize| {
            while !text.is_char_boundary(i) {
                i = step(i);
            }
            i
        };
        let start = boundary(at.saturating_sub(60), |i| i - 1);
        let end = boundary((at + 60).min(text.len()), |i| i + 1);
        text[start..end].replace('\n', "⏎")
    };
    let mut found: Vec<String> = phrases
        .iter()
        .filter_map(|p| find_word(text, p).map(|at| format!("«{p}» in «{}»", around(at))))
        .collect();
    let words: HashSet<&str> = text
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .collect();
    found.extend(
        ENGLISH_WORDS
            .iter()
            .filter(|w| words.contains(*w))
            .map(|w| format!("word «{w}» in «{}»", around(text.find(*w).unwrap_or(0)))),
    );
    found
}

/// The sample, and the sample with hostile names and notes: accents, emoji, control
/// characters, a bidi override and very long text.
fn datasets() -> Vec<cercle::domain::Data> {
    let sample = cercle::sample::sample();
    let json = serde_json::to_string(&sample).unwrap();
    let long = "Ærø Ünïcødé ".repeat(30);
    let hostile = json
        .replace("Camille Dubois", "Camille \\u001b[31mDubois 🎉 Œdipe d'Été")
        .replace(
            "Inès Garnier",
            &format!("Inès\\u0007 Garnier\\u202e {long}"),
        )
        .replace("Tiers-lieu de la Gare", "Tiers‑lieu 🚉 «\\ttab» ");
    let hostile: cercle::domain::Data = serde_json::from_str(&hostile).unwrap();
    vec![sample, hostile]
}

fn app_on(data: &cercle::domain::Data) -> App {
    let mut app = common::sample_app(Lang::Fr);
    app.open(Arc::new(data.clone()));
    app
}

fn event(key: &cercle::app::keymap::Key) -> KeyEvent {
    KeyEvent::new(key.code, key.modifiers)
}

/// Every screen a French user reaches in up to three keys of the key table, from each of the
/// four screens, drawn at 120×40; the frames are kept once each, with the keys that led there.
fn frames(data: &cercle::domain::Data, deepest: usize) -> Vec<(String, String)> {
    let mut seen = HashSet::new();
    let mut frames = Vec::new();
    let mut queue: VecDeque<(App, String, usize)> = VecDeque::new();
    for screen in 1..=4 {
        let mut app = app_on(data);
        common::press(&mut app, &screen.to_string());
        queue.push_back((app, screen.to_string(), 0));
    }
    while let Some((app, path, depth)) = queue.pop_front() {
        let frame = render(&app, 120, 40);
        if !seen.insert(frame.clone()) {
            continue;
        }
        frames.push((path.clone(), frame));
        if depth == deepest {
            continue;
        }
        let base = context(&app);
        for here in contexts(base, app.screen) {
            for binding in TABLE.iter().filter(|b| b.context == here) {
                let Some(key) = binding.keys.first() else {
                    continue;
                };
                let mut next = app.clone();
                cercle::app::update_key(&mut next, event(key));
                queue.push_back((next, format!("{path} {}", key.label()), depth + 1));
            }
        }
    }
    frames
}

#[test]
fn no_screen_shows_english_to_a_french_user() {
    let phrases = english_phrases();
    assert!(
        phrases.iter().any(|p| p == "Tutor requests"),
        "the table is read"
    );
    let mut problems = Vec::new();
    // The sample three keys deep; hostile data two keys deep, where its names are shown.
    for (data, deepest) in datasets().into_iter().zip([3, 2]) {
        let frames = frames(&data, deepest);
        assert!(
            frames.len() > 50,
            "the walk reaches the views: {}",
            frames.len()
        );
        for (path, frame) in frames {
            let found = leaks(&frame, &phrases);
            if !found.is_empty() {
                problems.push(format!("after {path}: {found:?}"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} frames show English:\n{}",
        problems.len(),
        problems
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// `cercle --lang fr ARGS` on a data directory: what it wrote to both outputs.
fn french(dir: &std::path::Path, args: &[&str]) -> String {
    let out = common::command(dir)
        .arg("--lang")
        .arg("fr")
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn collect_values(command: &clap::Command, values: &mut BTreeSet<String>) {
    for arg in command.get_arguments() {
        values.extend(
            arg.get_possible_values()
                .iter()
                .map(|v| v.get_name().to_owned()),
        );
    }
    for sub in command.get_subcommands() {
        collect_values(sub, values);
    }
}

/// The English names of the values options take (`FILE`) that French says otherwise.
fn english_value_names() -> Vec<String> {
    use clap::CommandFactory;
    let mut command = cercle::cli::Cli::command();
    command.build();
    let names: Vec<String> = cercle::commands::help::value_names(&command)
        .into_iter()
        .filter(|name| cercle::i18n::help::french_value(name) != Some(name.as_str()))
        .collect();
    assert!(names.iter().any(|n| n == "FILE"), "{names:?}");
    names
}

/// The English value names a text shows as the command line writes them: `<FILE>`, `[FILE]`,
/// `<FILE>...`.
fn value_names_in(text: &str, names: &[String]) -> Vec<String> {
    names
        .iter()
        .filter(|name| text.contains(&format!("<{name}>")) || text.contains(&format!("[{name}]")))
        .map(|name| format!("value name «{name}»"))
        .collect()
}

#[test]
fn the_value_name_check_sees_english_ones() {
    let names = english_value_names();
    let help = "Utilisation : cercle import bundle [OPTIONS] <FILE>";
    assert_eq!(value_names_in(help, &names), ["value name «FILE»"]);
    assert!(value_names_in("cercle import bundle <FICHIER>", &names).is_empty());
}

/// Words of `serde_json`'s messages a French reader must not meet.
const SERDE_WORDS: &[&str] = &[
    "expected", "while", "parsing", "missing", "trailing", "must", "key", "string", "EOF",
];

type Damage = (&'static str, fn(&str) -> String);

/// Ways a cohort's document can be damaged, each changing its text.
const DAMAGES: &[Damage] = &[
    ("a key without quotes", |t| {
        t.replacen("\"name\"", "name", 1)
    }),
    ("cut off", |t| t[..t.len() / 2].to_owned()),
    ("a field missing", |t| t.replacen("\"name\"", "\"nom\"", 1)),
    ("a trailing comma", |t| t.replacen('}', ",}", 1)),
    ("empty", |_| String::new()),
];

#[test]
fn no_subcommand_speaks_english_to_a_french_user() {
    let phrases = english_phrases();
    let dir = tempfile::tempdir().unwrap();
    let empty = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nulle-part.vcf");
    let missing = missing.to_str().unwrap();
    let mut runs: Vec<Vec<&str>> = vec![
        vec!["init", "--sample"],
        vec!["init"],
        vec!["check"],
        vec!["summary"],
        vec!["backups"],
        vec!["restore", "pas-une-sauvegarde"],
        vec!["export", "attendance", "--format", "html"],
        vec!["export", "attendance", "--format", "csv"],
        vec!["export", "certificate", "--trainee", "Malik Benali"],
        vec!["export", "certificate", "--trainee", "Personne Inconnue"],
        vec!["export", "calendar"],
        vec!["export", "bundle", "--for", "trainees", "-o", "-"],
        vec!["verify"],
        vec!["forget", "Malik Benali"],
        vec!["forget", "Personne Inconnue", "--yes"],
        vec!["sync", "status"],
        vec!["sync"],
        vec!["import", "contacts", missing],
        vec!["import", "bundle", missing],
        vec!["--bogus"],
        vec!["export", "attendance", "--format", "docx"],
        vec!["export", "certificate", "--until", "demain"],
        vec!["--help"],
        vec!["man"],
        vec!["import", "bundle"],
        vec!["export", "certificate", "--trainee"],
        vec!["restore"],
    ];
    let mut command = cercle::commands::help::command(Lang::Fr);
    command.build();
    let subcommands: Vec<Vec<String>> = command
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .flat_map(|s| {
            let name = s.get_name().to_owned();
            std::iter::once(vec![name.clone(), "--help".to_owned()]).chain(
                s.get_subcommands()
                    .map(move |t| vec![name.clone(), t.get_name().to_owned(), "--help".to_owned()]),
            )
        })
        .collect();
    runs.extend(
        subcommands
            .iter()
            .map(|s| s.iter().map(String::as_str).collect()),
    );
    // The values options take (`--for trainees`) are the command line's syntax, not words.
    let mut values = BTreeSet::new();
    collect_values(&command, &mut values);
    let phrases: Vec<String> = phrases
        .into_iter()
        .filter(|p| !values.contains(p))
        .collect();
    let english_names = english_value_names();
    let mut problems = Vec::new();
    for args in &runs {
        let said = french(dir.path(), args);
        let mut found = leaks(&said, &phrases);
        found.extend(value_names_in(&said, &english_names));
        if !found.is_empty() {
            problems.push(format!("cercle --lang fr {}: {found:?}", args.join(" ")));
        }
    }
    // On a directory without data, every command says so in French.
    for args in [&["check"][..], &["summary"], &["verify"], &["backups"]] {
        let said = french(empty.path(), args);
        let found = leaks(&said, &phrases);
        if !found.is_empty() {
            problems.push(format!("(no data) {args:?}: {found:?}"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} runs speak English:\n{}",
        problems.len(),
        problems.join("\n---\n")
    );
}

#[test]
fn what_is_wrong_with_damaged_data_is_said_in_french() {
    let phrases = english_phrases();
    let mut problems = Vec::new();
    // serde_json's words included.
    for (damage, change) in DAMAGES {
        let damaged = tempfile::tempdir().unwrap();
        french(damaged.path(), &["init", "--sample"]);
        let cohorts = damaged.path().join("cercle/cohorts");
        let file = std::fs::read_dir(&cohorts)
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, change(&text)).unwrap();
        for args in [&["check"][..], &["summary"]] {
            let said = french(damaged.path(), args);
            assert!(said.contains("abîmé"), "{damage}: {said}");
            let mut found = leaks(&said, &phrases);
            // serde_json's own words, which the tables never held.
            let words: HashSet<&str> = said.split(|c: char| !c.is_alphabetic()).collect();
            found.extend(
                SERDE_WORDS
                    .iter()
                    .filter(|w| words.contains(*w))
                    .map(|w| format!("serde_json's «{w}»")),
            );
            if !found.is_empty() {
                problems.push(format!("({damage}) {args:?}: {found:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n---\n"));
}
