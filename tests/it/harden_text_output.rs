//! One rule for what the command line prints: every subcommand, run on hostile data (names,
//! titles, file names and paths holding OSC 52, OSC 0, CSI 2J, RLO and C1 controls), passes
//! no raw control character to standard output or standard error; and an echo of a huge name
//! is cut, saying so.

use cercle::domain::{CohortId, Data, PersonId};
use cercle::share::bundle::{Audience, Bundle, Maker};
use cercle::share::records::Records;
use clap::CommandFactory;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

/// Writes the clipboard, sets the title, clears the screen, reverses the text, and a C1 CSI
/// and NEL.
const HOSTILE: &str =
    "Zoé\u{1b}]52;c;aGk=\u{7}\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}lirpa\u{9b}31m\u{85}";
const CAMILLE: &str = "p-camille-dubois";

/// The sample with hostile names where the commands echo them: a trainee, the trainer who
/// makes the bundles, the cohort, an offer.
fn hostile_data() -> Data {
    let mut data = cercle::sample::sample();
    for person in &mut data.people {
        match person.id.as_str() {
            CAMILLE => person.name = format!("Camille {HOSTILE}"),
            "p-helene-marchetti" => person.name = format!("Hélène {HOSTILE}"),
            _ => {}
        }
    }
    let cohort = data
        .cohorts
        .iter_mut()
        .find(|c| c.id.as_str() == "c-na-2026")
        .unwrap();
    cohort.name = format!("NA 2026 {HOSTILE}");
    if let Some(item) = cohort.knowledge.first_mut() {
        item.title = format!("Offre {HOSTILE}");
    }
    data
}

/// Runs `cercle ARGS` on a data directory, away from the user's settings and git identity.
fn cercle(dir: &Path, home: &Path, args: &[&str]) -> Output {
    crate::common::command(dir)
        .args(["--lang", "en"])
        .args(args)
        .env("CERCLE_CONFIG_DIR", home.join("config"))
        .env("HOME", home)
        .env("GIT_CONFIG_GLOBAL", home.join("gitconfig"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("cercle runs")
}

/// The control and bidi characters of `text` that would reach a terminal raw; a line break, a
/// tab, and the carriage return of a CRLF line end (vCard, iCalendar) are layout.
fn raw_controls(text: &str) -> Vec<char> {
    let mut chars = text.chars().peekable();
    let mut raw = Vec::new();
    while let Some(c) = chars.next() {
        let layout = matches!(c, '\n' | '\t') || (c == '\r' && chars.peek() == Some(&'\n'));
        if cercle::domain::text::is_unsafe(c) && !layout {
            raw.push(c);
        }
    }
    raw
}

/// Every subcommand a user can run: the leaves, and those whose subcommand is optional.
fn subcommands() -> BTreeSet<String> {
    fn walk(command: &clap::Command, prefix: &str, found: &mut BTreeSet<String>) {
        for sub in command.get_subcommands() {
            let name = format!("{prefix}{}", sub.get_name());
            if sub.get_subcommands().next().is_none() || !sub.is_subcommand_required_set() {
                found.insert(name.clone());
            }
            walk(sub, &format!("{name} "), found);
        }
    }
    let mut found = BTreeSet::new();
    walk(&cercle::cli::Cli::command(), "", &mut found);
    found
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `words` (split at spaces), then `extra` arguments as they are (paths, names with spaces).
fn cmd(words: &str, extra: &[&str]) -> Vec<String> {
    words
        .split(' ')
        .chain(extra.iter().copied())
        .map(str::to_owned)
        .collect()
}

/// The trainers' data directory with hostile data, and files to import: returns each command
/// to run, with the data directory it runs on. Even the directories' names are hostile, as
/// paths are echoed too.
fn hostile_runs(home: &Path) -> Vec<(PathBuf, Vec<String>)> {
    let dir = home.join(format!("trainers {HOSTILE}"));
    let fresh = home.join(format!("camille {HOSTILE}"));
    let bundles = home.join(format!("bundles {HOSTILE}"));
    std::fs::create_dir_all(&bundles).unwrap();
    let mut store = cercle::store::Store::open(&dir).unwrap();
    store.save(&cercle::sample::sample()).unwrap();
    store.save(&hostile_data()).unwrap();
    drop(store);
    let (to_camille, back) = (home.join("to-camille.json"), home.join("back.json"));
    let foreign = home.join("foreign.json");
    let maker = Maker {
        id: PersonId::new("p-x"),
        name: HOSTILE.into(),
    };
    let other_cohort = Bundle::new(
        CohortId::new(HOSTILE),
        Audience::Trainers,
        PersonId::new(HOSTILE),
        maker,
        chrono::DateTime::UNIX_EPOCH,
        Records::new(),
        Records::new(),
    );
    std::fs::write(&foreign, other_cohort.to_json()).unwrap();
    let vcard = home.join("contacts.vcf");
    let card = |email: &str| {
        format!("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:{HOSTILE}\r\nEMAIL:{email}\r\nEND:VCARD\r\n")
    };
    let cards = card("zoe@example.org") + &card(&format!("not an email {HOSTILE}"));
    std::fs::write(&vcard, cards).unwrap();
    let missing = home.join(format!("missing {HOSTILE}.json"));
    let camille = format!("Camille {HOSTILE}");
    let trainers = [
        cmd("init", &[]),
        cmd("generate --cohorts 1", &[]),
        cmd("check", &[]),
        cmd("summary", &[]),
        cmd("summary --json", &[]),
        cmd("backups", &[]),
        cmd("restore", &[HOSTILE]),
        cmd("export contacts --format vcard", &[]),
        cmd("export contacts --format csv", &[]),
        cmd("export contacts --filter", &[HOSTILE]),
        cmd("export attendance --format csv", &[]),
        cmd("export attendance --format html", &[]),
        cmd("export certificate --trainee", &[CAMILLE]),
        cmd("export certificate --trainee", &[HOSTILE]),
        cmd("export person", &[CAMILLE]),
        cmd("export calendar", &[]),
        cmd("export calendar --cohort", &[HOSTILE]),
        cmd("export bundle --for trainees -o", &[path(&bundles)]),
        cmd("export bundle --for trainees -o - --trainee", &[CAMILLE]),
        cmd(
            "export bundle --for trainees --trainee",
            &[CAMILLE, "-o", path(&to_camille)],
        ),
        cmd(
            "export bundle --for trainer --trainee",
            &[CAMILLE, "-o", path(&back)],
        ),
        // The trainee's own bundle on the trainers' side: refused, naming her.
        cmd("import bundle", &[path(&to_camille)]),
        cmd("import bundle", &[path(&foreign)]),
        cmd("import bundle", &[path(&missing)]),
        cmd("import bundle --dry-run", &[path(&back)]),
        cmd("import bundle", &[path(&back)]),
        cmd("import contacts", &[path(&vcard)]),
        cmd("import contacts", &[path(&missing)]),
        cmd(
            "merge-driver",
            &[path(&missing), path(&missing), path(&missing)],
        ),
        cmd("completions bash", &[]),
        cmd("man", &[]),
        cmd("sync status", &[]),
        cmd("sync init", &[]),
        cmd("sync", &[]),
        cmd("sync status", &[]),
        cmd("forget Camille --yes", &[]),
        cmd("forget --yes", &[&camille]),
    ];
    let camille_side = [
        cmd("import bundle --dry-run", &[path(&to_camille)]),
        cmd("import bundle", &[path(&to_camille)]),
        cmd("summary", &[]),
    ];
    let on = |dir: &PathBuf, runs: Vec<Vec<String>>| {
        runs.into_iter()
            .map(|args| (dir.clone(), args))
            .collect::<Vec<_>>()
    };
    let mut runs = on(&dir, trainers.to_vec());
    runs.extend(on(&fresh, camille_side.to_vec()));
    runs
}

#[test]
fn every_subcommand_on_hostile_data_prints_no_raw_control_character() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path();
    let mut covered = BTreeSet::new();
    let mut shown = String::new();
    for (data_dir, args) in hostile_runs(home) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = cercle(&data_dir, home, &args);
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let text = String::from_utf8_lossy(bytes);
            let raw = raw_controls(&text);
            assert!(
                raw.is_empty(),
                "cercle {args:?} wrote {raw:?} raw on {stream}: {text}"
            );
            shown.push_str(&text);
        }
        covered.insert(args[0].to_owned());
        covered.insert(format!("{} {}", args[0], args.get(1).unwrap_or(&"")));
    }
    let missed: Vec<String> = subcommands()
        .into_iter()
        .filter(|name| !covered.contains(name))
        .collect();
    assert!(missed.is_empty(), "subcommands not run: {missed:?}");
    // The hostile text did reach the output, shown as harmless pictures.
    assert!(shown.contains("␛]52;c;aGk=␇"), "{shown}");
}

/// A data directory whose trainee Camille has a name of `size` characters.
fn huge_name(size: usize) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let mut data = cercle::sample::sample();
    let camille = data
        .people
        .iter_mut()
        .find(|p| p.id.as_str() == CAMILLE)
        .unwrap();
    camille.name = format!("Camille {}", "x".repeat(size));
    cercle::store::Store::open(&dir)
        .unwrap()
        .save(&data)
        .unwrap();
    (tmp, dir)
}

#[test]
fn a_ten_megabyte_name_is_echoed_cut_and_says_so_in_both_languages() {
    let size = 10 * 1024 * 1024;
    let (tmp, dir) = huge_name(size);
    let home = tmp.path();
    let bundle = home.join("to-camille.json");
    let one = cercle(
        &dir,
        home,
        &[
            "export",
            "bundle",
            "--for",
            "trainees",
            "--trainee",
            CAMILLE,
            "-o",
            path(&bundle),
        ],
    );
    assert!(
        one.status.success(),
        "{}",
        String::from_utf8_lossy(&one.stderr)
    );
    // One bundle per trainee, each named as it is written.
    let made = cercle(
        &dir,
        home,
        &["export", "bundle", "--for", "trainees", "-o", path(home)],
    );
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let echoed = String::from_utf8(made.stdout).unwrap();
    assert!(echoed.len() < 64 * 1024, "{} bytes echoed", echoed.len());
    assert!(echoed.contains("more characters]"), "{echoed:.2000}");

    let fresh = home.join("camille");
    for (lang, cut) in [("en", "more characters]"), ("fr", "caractères de plus]")] {
        let out = crate::common::command(&fresh)
            .args([
                "--lang",
                lang,
                "import",
                "bundle",
                path(&bundle),
                "--dry-run",
            ])
            .env("CERCLE_CONFIG_DIR", home.join("config"))
            .output()
            .unwrap();
        let preview = String::from_utf8(out.stdout).unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(preview.len() < 64 * 1024, "{} bytes echoed", preview.len());
        assert!(preview.contains(cut), "{preview:.3000}");
    }
}
