//! A trainee's bundle never answers her own proposal: the trainers' import keeps their answer
//! (or none yet) and says why, in the preview, when a bundle was edited by hand to accept one.

use crate::common;

use cercle::app::App;
use cercle::config::Config;
use cercle::domain::path::Answer;
use cercle::i18n::Lang;
use cercle::share::bundle::{self, Bundle};
use cercle::share::import::{Effect, Importer, plan};
use cercle::share::preview;
use cercle::share::records::Records;
use cercle::store::Store;
use common::{now, press};
use serde_json::json;
use std::path::Path;

const CAMILLE: &str = "p-camille-dubois";

/// Camille's copy, from the bundle her trainers wrote in `trainers`, with one piece of
/// evidence proposed on her path; and the bundle she sends back.
fn her_bundle_with_a_proposal(trainers: &Path) -> Bundle {
    let to_her = common::sample_bundle_for_camille(trainers, "to-her.json");
    let received = Bundle::parse(&std::fs::read(to_her).unwrap()).unwrap();
    let mut app = App::new(
        Config {
            lang: Lang::En,
            ..Config::default()
        },
        now(),
    );
    app.size = (80, 24);
    app.welcome();
    press(&mut app, "b<Esc>");
    app.bundle_read(Ok((received, Records::new())));
    press(&mut app, "y<Esc>");
    press(&mut app, "Mn<Enter>Restitution du séminaire<Enter>");
    let cohort = app.cohort().unwrap();
    assert_eq!(cohort.proposals.len(), 1, "her evidence, proposed");
    bundle::for_trainers(&app.data, cohort, &CAMILLE.into(), now(), &Records::new())
}

/// Her bundle as a hand could edit it: her proposal accepted in a trainer's name, and the
/// hash written again so that it reads as whole.
fn accepted_by_hand(hers: &Bundle) -> Bundle {
    let mut records = hers.records.clone();
    let key = records
        .keys()
        .find(|k| k.starts_with("proposal:"))
        .unwrap()
        .clone();
    records.get_mut(&key).unwrap()["answer"] = json!({
        "accepted": true,
        "by": "p-helene-marchetti",
        "on": "2026-11-28",
    });
    Bundle::new(
        hers.cohort.clone(),
        hers.audience,
        hers.trainee.clone(),
        hers.made_by.clone(),
        hers.made_at,
        records,
        hers.base.clone(),
    )
}

fn import(dir: &Path, file: &Path, lang: &str, dry_run: bool) -> String {
    let mut command = common::command(dir);
    command
        .env("LANG", lang)
        .args(["import", "bundle"])
        .arg(file);
    if dry_run {
        command.arg("--dry-run");
    }
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_hand_edited_bundle_cannot_accept_her_own_proposal() {
    let trainers = tempfile::tempdir().unwrap();
    let hers = her_bundle_with_a_proposal(trainers.path());
    let edited = trainers.path().join("edited.cercle-bundle.json");
    std::fs::write(&edited, accepted_by_hand(&hers).to_json()).unwrap();

    let preview = import(trainers.path(), &edited, "en_GB.UTF-8", true);
    assert!(
        preview.contains(
            "a trainee's bundle cannot answer her own proposal; only her trainers accept or decline it"
        ),
        "{preview}"
    );
    let apercu = import(trainers.path(), &edited, "fr_FR.UTF-8", true);
    assert!(
        apercu.contains(
            "le paquet d'une stagiaire ne peut pas répondre à sa propre proposition\u{a0}; seule l'équipe de formation l'accepte ou la refuse"
        ),
        "{apercu}"
    );

    // Imported for real: her proposal arrives, waiting for the trainers, off her path.
    import(trainers.path(), &edited, "en_GB.UTF-8", false);
    let data = Store::open_read_only(trainers.path())
        .unwrap()
        .load()
        .unwrap()
        .unwrap();
    let cohort = data.current().unwrap();
    let proposal = cohort
        .proposals
        .iter()
        .find(|p| p.trainee.as_str() == CAMILLE)
        .expect("her proposal is imported");
    assert_eq!(proposal.answer, None);
    assert!(
        !cohort
            .assessments
            .iter()
            .flat_map(|a| &a.evidence)
            .any(|e| e.note.text == "Restitution du séminaire"),
        "nothing lands on her path without the trainers"
    );
}

#[test]
fn the_trainers_answer_given_since_her_last_bundle_stays_without_a_word() {
    let trainers = tempfile::tempdir().unwrap();
    let hers = her_bundle_with_a_proposal(trainers.path());
    let mut data = Store::open_read_only(trainers.path())
        .unwrap()
        .load()
        .unwrap()
        .unwrap();
    let current = data.current().unwrap().id.clone();
    let mut proposal = hers
        .records
        .iter()
        .find(|(k, _)| k.starts_with("proposal:"))
        .map(|(_, v)| serde_json::from_value::<cercle::domain::path::Proposal>(v.clone()))
        .unwrap()
        .unwrap();
    let answer = Answer {
        accepted: false,
        reason: "Pas encore vu en séminaire".into(),
        by: "p-helene-marchetti".into(),
        on: now().date_naive(),
    };
    proposal.answer = Some(answer.clone());
    data.cohort_mut(&current).unwrap().proposals.push(proposal);
    let importer = Importer {
        me: None,
        trainer: true,
        ours: "here".into(),
        now: now(),
    };

    // Her own bundle, which knows nothing of the answer yet: the answer stays, nothing refused.
    let planned = plan(Some(&data), hers.clone(), &Records::new(), &importer).unwrap();
    assert!(
        planned
            .ignored
            .iter()
            .all(|c| c.effect != Effect::OwnAnswer)
    );
    let kept = &planned.data.cohort(&current).unwrap().proposals[0];
    assert_eq!(kept.answer.as_ref(), Some(&answer));

    // The same bundle turned into an acceptance by hand: refused, the trainers' refusal stays.
    let planned = plan(
        Some(&data),
        accepted_by_hand(&hers),
        &Records::new(),
        &importer,
    )
    .unwrap();
    assert!(
        planned
            .ignored
            .iter()
            .any(|c| c.effect == Effect::OwnAnswer)
    );
    let kept = &planned.data.cohort(&current).unwrap().proposals[0];
    assert_eq!(kept.answer.as_ref(), Some(&answer));
    let lines = preview::lines(&planned, Lang::En).join("\n");
    assert!(lines.contains("cannot answer her own proposal"), "{lines}");
}
