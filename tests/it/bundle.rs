//! Sharing bundles through the command line: the trainer sends, a trainee imports into an empty
//! directory, both edit, the trainee sends back, and the trainer sees exactly what changed.

use crate::common;

use cercle::domain::knowledge::{KnowledgeItem, KnowledgeKind};
use cercle::domain::{Data, KnowledgeId, PersonId};
use cercle::store::Store;
use common::pty::cercle;
use std::path::{Path, PathBuf};

const COHORT: &str = "c-na-2026";
const CAMILLE: &str = "p-camille-dubois";

fn run(dir: &Path, args: &[&str]) -> String {
    let out = cercle(dir, args);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "cercle {args:?} failed: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

fn load(dir: &Path) -> Data {
    Store::open_read_only(dir).unwrap().load().unwrap().unwrap()
}

fn edit(dir: &Path, change: impl FnOnce(&mut Data)) {
    let mut store = Store::open(dir).unwrap();
    let mut data = store.load().unwrap().unwrap();
    change(&mut data);
    store.save(&data).unwrap();
}

fn camille(data: &mut Data) -> &mut cercle::domain::Person {
    data.people
        .iter_mut()
        .find(|p| p.id.as_str() == CAMILLE)
        .unwrap()
}

fn cohort(data: &mut Data) -> &mut cercle::domain::Cohort {
    data.cohorts
        .iter_mut()
        .find(|c| c.id.as_str() == COHORT)
        .unwrap()
}

/// The trainer's directory with the sample, and the bundle it made for Camille.
fn trainer_and_bundle() -> (tempfile::TempDir, PathBuf) {
    let trainer = tempfile::tempdir().unwrap();
    run(trainer.path(), &["init", "--sample"]);
    let file = trainer.path().join("for-camille.json");
    let f = file.to_str().unwrap();
    run(
        trainer.path(),
        &[
            "export",
            "bundle",
            "--for",
            "trainees",
            "--trainee",
            "Camille Dubois",
            "-o",
            f,
        ],
    );
    (trainer, file)
}

/// Both sides edit: Camille her city, a tutor request and a new offer; the trainer her city
/// and the cohort's name.
fn both_edit(trainer: &Path, camille_dir: &Path) {
    edit(camille_dir, |d| {
        camille(d).city = "Bègles".into();
        let c = cohort(d);
        c.tutor_requests
            .iter_mut()
            .find(|r| r.trainee.as_str() == CAMILLE)
            .unwrap()
            .subject = "Relecture des statuts de SCIC (v2)".into();
        c.knowledge.push(KnowledgeItem {
            id: KnowledgeId::new("k-camille-new"),
            person: PersonId::new(CAMILLE),
            kind: KnowledgeKind::Offer,
            title: "Compostage partagé 🌱".into(),
            topic: None,
            note: None,
        });
    });
    edit(trainer, |d| {
        camille(d).city = "Talence".into();
        cohort(d).name = "Nouvelle-Aquitaine 2026 (printemps)".into();
    });
}

#[test]
fn a_round_trip_brings_back_exactly_the_additions_the_updates_and_one_conflict() {
    let (trainer, to_camille) = trainer_and_bundle();
    let camille_dir = tempfile::tempdir().unwrap();
    let preview = run(
        camille_dir.path(),
        &[
            "--lang",
            "en",
            "import",
            "bundle",
            to_camille.to_str().unwrap(),
        ],
    );
    assert!(preview.contains("Person Camille Dubois"), "{preview}");
    let mine = load(camille_dir.path());
    assert_eq!(
        mine.current_cohort
            .as_ref()
            .map(cercle::domain::CohortId::as_str),
        Some(COHORT)
    );

    both_edit(trainer.path(), camille_dir.path());

    // Her first bundle told her copy who she is: she sends hers back as the command
    // line reads, without naming herself. Who she is belongs to her data directory.
    let settings =
        std::fs::read_to_string(camille_dir.path().join(cercle::config::IDENTITY_FILE)).unwrap();
    assert!(
        settings.contains(&format!("me = \"{CAMILLE}\"")),
        "{settings}"
    );
    assert!(settings.contains("role = \"trainee\""), "{settings}");
    let back = camille_dir.path().join("back.json");
    run(
        camille_dir.path(),
        &[
            "export",
            "bundle",
            "--for",
            "trainer",
            "-o",
            back.to_str().unwrap(),
        ],
    );
    let dry = run(
        trainer.path(),
        &[
            "--lang",
            "en",
            "import",
            "bundle",
            back.to_str().unwrap(),
            "--dry-run",
        ],
    );
    assert!(dry.contains("Dry run: nothing was written."), "{dry}");
    assert_eq!(
        load(trainer.path()).conflicts.len(),
        0,
        "a dry run writes nothing"
    );
    let report = run(
        trainer.path(),
        &["--lang", "en", "import", "bundle", back.to_str().unwrap()],
    );
    assert!(
        report.contains("Imported: 1 added, 1 changed, 0 removed, 1 to choose."),
        "{report}"
    );
    let after = load(trainer.path());
    let c = after.cohort(&COHORT.into()).unwrap();
    assert!(c.knowledge.iter().any(|k| k.id.as_str() == "k-camille-new"));
    assert_eq!(
        c.tutor_requests[0].subject,
        "Relecture des statuts de SCIC (v2)"
    );
    assert_eq!(
        c.name, "Nouvelle-Aquitaine 2026 (printemps)",
        "the trainer's own edit stays"
    );
    let [conflict] = after.conflicts.as_slice() else {
        panic!("one conflict expected: {:?}", after.conflicts)
    };
    assert_eq!(conflict.path.to_string(), format!("people[{CAMILLE}].city"));
    let values: Vec<_> = conflict
        .choices
        .iter()
        .filter_map(|c| c.value.clone())
        .collect();
    assert_eq!(values, ["Bègles", "Talence"]);
    // The file names her side, and keeps no word of the trainer's language for theirs.
    let origins: Vec<&str> = conflict.choices.iter().map(|c| c.from.as_str()).collect();
    assert_eq!(origins, ["Camille Dubois", ""]);
    assert_eq!(
        after.person(&CAMILLE.into()).unwrap().city,
        "Talence",
        "ours stays until chosen"
    );

    // Idempotence: the same bundle again changes nothing.
    let again = run(
        trainer.path(),
        &["--lang", "en", "import", "bundle", back.to_str().unwrap()],
    );
    assert!(again.contains("Nothing new"), "{again}");
    assert_eq!(load(trainer.path()), after);

    the_next_bundle_carries_the_waiting_conflict(trainer.path(), camille_dir.path());
}

/// Before anyone chooses, the trainers send Camille her next bundle: the city they keep
/// meanwhile is not decided, so it reaches her as the same conflict, not as a change.
fn the_next_bundle_carries_the_waiting_conflict(trainer: &Path, camille_dir: &Path) {
    let next = trainer.join("next-for-camille.json");
    run(
        trainer,
        &[
            "export",
            "bundle",
            "--for",
            "trainees",
            "--trainee",
            "Camille Dubois",
            "-o",
            next.to_str().unwrap(),
        ],
    );
    let hers = run(
        camille_dir,
        &["--lang", "en", "import", "bundle", next.to_str().unwrap()],
    );
    assert!(hers.contains(", 1 to choose."), "{hers}");
    let mine = load(camille_dir);
    assert_eq!(
        mine.person(&CAMILLE.into()).unwrap().city,
        "Bègles",
        "{hers}"
    );
    assert_eq!(mine.conflicts.len(), 1);
    assert_eq!(
        mine.conflicts[0].path.to_string(),
        format!("people[{CAMILLE}].city")
    );
}

#[test]
fn a_second_import_of_the_trainers_bundle_changes_nothing() {
    let (_trainer, to_camille) = trainer_and_bundle();
    let camille_dir = tempfile::tempdir().unwrap();
    run(
        camille_dir.path(),
        &["import", "bundle", to_camille.to_str().unwrap()],
    );
    let once = std::fs::read(camille_dir.path().join("cercle.json")).unwrap();
    run(
        camille_dir.path(),
        &["import", "bundle", to_camille.to_str().unwrap()],
    );
    assert_eq!(
        std::fs::read(camille_dir.path().join("cercle.json")).unwrap(),
        once
    );
}

/// Every file of a directory with its bytes, to prove nothing was written.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walk(dir)
        .into_iter()
        .map(|p| (p.clone(), std::fs::read(&p).unwrap()))
        .collect();
    files.sort();
    files
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .flat_map(|e| {
            if e.path().is_dir() {
                walk(&e.path())
            } else {
                vec![e.path()]
            }
        })
        .filter(|p| !p.ends_with("cercle.lock"))
        .collect()
}

fn refused(dir: &Path, bundle: &Path, expected: &str) {
    let before = snapshot(dir);
    let out = cercle(
        dir,
        &["--lang", "en", "import", "bundle", bundle.to_str().unwrap()],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "accepted: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(stderr.contains(expected), "{stderr}");
    assert!(stderr.contains("Nothing was written."), "{stderr}");
    assert_eq!(snapshot(dir), before, "nothing is written");
}

#[test]
fn a_tampered_truncated_newer_or_foreign_bundle_is_refused_and_nothing_is_written() {
    let (trainer, to_camille) = trainer_and_bundle();
    let text = std::fs::read_to_string(&to_camille).unwrap();
    let dir = trainer.path();

    let tampered = dir.join("tampered.json");
    std::fs::write(
        &tampered,
        text.replacen("Camille Dubois", "Camille Dupont", 1),
    )
    .unwrap();
    refused(dir, &tampered, "does not match its hash");

    let truncated = dir.join("truncated.json");
    std::fs::write(&truncated, &text[..text.len() / 2]).unwrap();
    refused(dir, &truncated, "truncated: it ends at line");

    let newer = dir.join("newer.json");
    // Her bundle carries her signing key: version 2, the newest this Cercle reads.
    assert!(text.contains("\"version\": 2"), "{text}");
    std::fs::write(&newer, text.replacen("\"version\": 2", "\"version\": 3", 1)).unwrap();
    refused(dir, &newer, "format version 3");

    let garbage = dir.join("garbage.json");
    std::fs::write(&garbage, "{\"hello\": [1, 2]}").unwrap();
    refused(dir, &garbage, "not a Cercle bundle");

    let other = tempfile::tempdir().unwrap();
    run(other.path(), &["generate", "--cohorts", "1", "--seed", "7"]);
    let foreign = other.path().join("foreign.json");
    run(
        other.path(),
        &[
            "export",
            "bundle",
            "--for",
            "trainees",
            "-o",
            other.path().to_str().unwrap(),
        ],
    );
    let made = walk(other.path())
        .into_iter()
        .find(|p| p.to_string_lossy().ends_with(".cercle-bundle.json"))
        .unwrap();
    std::fs::rename(made, &foreign).unwrap();
    refused(dir, &foreign, "which is not in this data");

    // The trainers' own data, whoever they said they are, does not take in a bundle they made
    // for a trainee (nor does it make them that trainee).
    refused(dir, &to_camille, "is for Camille Dubois, not for you");
}

#[test]
fn a_trainee_refuses_what_is_not_for_her_and_says_why_in_her_language() {
    let (_trainer, to_camille) = trainer_and_bundle();
    // A trainee does not take in another trainee's bundle.
    let camille_dir = tempfile::tempdir().unwrap();
    run(
        camille_dir.path(),
        &["import", "bundle", to_camille.to_str().unwrap()],
    );
    let before = snapshot(camille_dir.path());
    let out = cercle(
        camille_dir.path(),
        &[
            "--lang",
            "en",
            "import",
            "bundle",
            to_camille.to_str().unwrap(),
            "--as",
            "p-malik-benali",
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is for Camille Dubois, not for you"));
    assert_eq!(snapshot(camille_dir.path()), before);

    // Nor her own bundle for the trainers, said in her language. She writes it into a folder.
    let outbox = camille_dir.path().join("outbox");
    std::fs::create_dir(&outbox).unwrap();
    run(
        camille_dir.path(),
        &[
            "export",
            "bundle",
            "--for",
            "trainer",
            "-o",
            outbox.to_str().unwrap(),
        ],
    );
    let back =
        outbox.join("nouvelle-aquitaine-2026--camille-dubois--for-trainers.cercle-bundle.json");
    let b = back.to_str().unwrap();
    let before = snapshot(camille_dir.path());
    let out = cercle(camille_dir.path(), &["--lang", "fr", "import", "bundle", b]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("destiné à l'équipe de formation, pas à vous"),
        "{said}"
    );
    assert_eq!(snapshot(camille_dir.path()), before);

    let missing = camille_dir.path().join("nulle part.json");
    let out = cercle(
        camille_dir.path(),
        &[
            "--lang",
            "fr",
            "import",
            "bundle",
            missing.to_str().unwrap(),
        ],
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("nulle part.json\u{a0}: aucun fichier à cet endroit."),
        "{said}"
    );
}

#[test]
fn bundles_are_private_files() {
    use std::os::unix::fs::PermissionsExt as _;
    let (_trainer, to_camille) = trainer_and_bundle();
    let mode = std::fs::metadata(&to_camille).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn a_file_that_is_no_bundle_is_refused_in_french_words() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), &["init", "--sample"]);
    let garbage = dir.path().join("notes.json");
    std::fs::write(&garbage, "{\"hello\": [1, 2]}").unwrap();
    let out = cercle(
        dir.path(),
        &[
            "--lang",
            "fr",
            "import",
            "bundle",
            garbage.to_str().unwrap(),
        ],
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        said.contains(
            "Ce n'est pas un paquet Cercle (voir ligne 1, colonne 1). Rien n'a été écrit."
        ),
        "{said}"
    );
}
