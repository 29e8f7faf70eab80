//! Importing a bundle in the app (preview, then one undoable step) and the merge screen.

use crate::common;

use cercle::app::{App, Effect, Overlay};
use cercle::domain::{Data, PersonId, PersonRole};
use cercle::i18n::Lang;
use cercle::sample::sample;
use cercle::share::bundle::{self, Bundle};
use cercle::share::import::{Effect as Change, Importer, plan};
use cercle::share::records::Records;
use common::{now, press, render, sample_app};
use std::sync::Arc;

const CAMILLE: &str = "p-camille-dubois";

fn city(data: &Data) -> &str {
    &data.person(&CAMILLE.into()).unwrap().city
}

/// The bundle the trainers of `trainers` send Camille.
fn to_camille(trainers: &Data) -> Bundle {
    let cohort = trainers.current().unwrap();
    let maker = bundle::Maker {
        id: cohort.trainers[0].clone(),
        name: "Hélène Marchetti".into(),
    };
    let camille = PersonId::new(CAMILLE);
    bundle::for_trainee(trainers, cohort, &camille, maker, now(), &Records::new())
}

/// The trainers importing, without having said who they are.
fn trainers_importer() -> Importer<'static> {
    Importer {
        me: None,
        trainer: true,
        ours: String::new(),
        now: now(),
    }
}

/// Camille's bundle back to the trainers: her city changed to Bègles and a new offer, after
/// she received the trainers' bundle.
fn camille_bundle() -> Bundle {
    let trainers = sample();
    let camille = PersonId::new(CAMILLE);
    let to_her = to_camille(&trainers);
    let importer = Importer {
        me: Some(&camille),
        trainer: false,
        ours: "Camille".into(),
        now: now(),
    };
    let mut hers = plan(None, to_her.clone(), &Records::new(), &importer)
        .unwrap()
        .data;
    hers.people
        .iter_mut()
        .find(|p| p.id == camille)
        .unwrap()
        .city = "Bègles".into();
    hers.cohorts[0].knowledge.retain(|k| k.person != camille);
    let cohort = hers.current().unwrap();
    bundle::for_trainers(&hers, cohort, &camille, now(), &to_her.records)
}

/// The trainers' app, where Camille's city was also changed (to Talence).
fn trainer_app(lang: Lang) -> App {
    let mut app = sample_app(lang);
    let mut data = (*app.data).clone();
    data.people
        .iter_mut()
        .find(|p| p.id.as_str() == CAMILLE)
        .unwrap()
        .city = "Talence".into();
    app.data = Arc::new(data);
    app
}

#[test]
fn an_import_is_previewed_then_applied_as_one_undoable_step() {
    let mut app = trainer_app(Lang::En);
    let before = Arc::clone(&app.data);
    app.bundle_read(Ok((camille_bundle(), Records::new())));
    let Some(Overlay::Preview(preview)) = &app.overlay else {
        panic!("a preview is shown first")
    };
    let text = preview.lines.join("\n");
    assert!(text.contains("Will be removed"), "{text}");
    assert!(
        text.contains("Changed on both sides, to choose (1)"),
        "{text}"
    );
    assert_eq!(app.data, before, "nothing changes before yes");

    // Scrolling stops with the last line at the bottom of the box, on a small terminal too,
    // where long lines take several rows.
    app.size = (50, 12);
    let len = cercle::app::sharing::preview_rows(&preview.lines, 50).len();
    press(&mut app, "<PgDn><PgDn><PgDn><PgDn>jjjjjjjjjjjjjjjjjjjj");
    let Some(Overlay::Preview(preview)) = &app.overlay else {
        panic!("the preview stays")
    };
    assert!(len > app.overlay_height(), "{len} lines scroll");
    assert_eq!(preview.cursor.offset, len - app.overlay_height());
    let shown = render(&app, 50, 12);
    assert!(
        shown.contains(text.lines().last().unwrap().trim()),
        "{shown}\n{text}"
    );

    app.notify("an earlier message");
    let effects = press(&mut app, "y");
    assert!(effects.contains(&Effect::Save));
    let said = app.notice.clone().unwrap().text;
    assert!(
        said.starts_with("Imported: ") && said.ends_with(", 1 to choose."),
        "{said}"
    );
    assert!(
        effects.iter().any(
            |e| matches!(e, Effect::KeepReceived { from: Some(p), .. } if p.as_str() == CAMILLE)
        )
    );
    assert_eq!(app.data.conflicts.len(), 1);
    assert!(
        matches!(app.overlay, Some(Overlay::Conflicts(_))),
        "the merge screen opens"
    );
    let offers = |d: &Data| {
        d.current()
            .unwrap()
            .knowledge
            .iter()
            .filter(|k| k.person.as_str() == CAMILLE)
            .count()
    };
    assert!(offers(&app.data) < offers(&before), "her deleted offers go");

    press(&mut app, "<Esc>u");
    assert_eq!(app.data, before, "one undo takes the whole import back");
}

#[test]
fn a_refused_bundle_says_why_and_changes_nothing() {
    let mut app = trainer_app(Lang::Fr);
    let before = Arc::clone(&app.data);
    let mut tampered = camille_bundle();
    tampered.made_by.name = "Quelqu'un d'autre".into();
    let json = tampered.to_json();
    let read = Bundle::parse(&json).map(|b| (b, Records::new()));
    app.bundle_read(read.map_err(cercle::app::sharing::ReadError::Bundle));
    assert!(app.overlay.is_none());
    assert!(
        app.notice.as_ref().unwrap().text.contains("empreinte"),
        "{:?}",
        app.notice
    );
    assert_eq!(app.data, before);
}

fn with_conflict(lang: Lang) -> App {
    let mut app = trainer_app(lang);
    app.bundle_read(Ok((camille_bundle(), Records::new())));
    press(&mut app, "y<Esc>");
    let data = Arc::clone(&app.data);
    let mut fresh = sample_app(lang);
    fresh.open(data);
    fresh
}

#[test]
fn the_merge_screen_opens_at_start_and_choosing_puts_the_value_in() {
    let mut app = with_conflict(Lang::En);
    assert!(
        matches!(app.overlay, Some(Overlay::Conflicts(_))),
        "shown at the next start"
    );
    assert_eq!(city(&app.data), "Talence");
    let conflict = &app.data.conflicts[0];
    let bègles = conflict
        .choices
        .iter()
        .position(|c| c.value == Some("Bègles".into()))
        .unwrap();
    let effects = press(&mut app, if bègles == 0 { "1" } else { "2" });
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(city(&app.data), "Bègles");
    assert!(app.data.conflicts.is_empty());
    assert!(
        app.overlay.is_none(),
        "the screen closes when nothing is left"
    );
    press(&mut app, "u");
    assert_eq!(city(&app.data), "Talence");
    assert_eq!(app.data.conflicts.len(), 1, "undo brings the conflict back");
    press(&mut app, "!");
    assert!(matches!(app.overlay, Some(Overlay::Conflicts(_))));
}

#[test]
fn snapshots_of_the_preview_and_the_merge_screen() {
    for lang in [Lang::En, Lang::Fr] {
        let tag = if lang == Lang::En { "en" } else { "fr" };
        let mut app = trainer_app(lang);
        app.bundle_read(Ok((camille_bundle(), Records::new())));
        let conflicts = with_conflict(lang);
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("bundle_preview_{tag}_{w}x{h}"), render(&app, w, h));
            insta::assert_snapshot!(format!("conflicts_{tag}_{w}x{h}"), render(&conflicts, w, h));
        }
    }
}

#[test]
fn a_trainee_starts_from_the_bundle_her_trainers_sent() {
    let mut app = App::new(cercle::config::Config::default(), now());
    app.welcome();
    let effects = press(&mut app, "b");
    assert!(effects.is_empty(), "nothing is written before the import");
    assert!(
        matches!(app.overlay, Some(Overlay::Form(_))),
        "the file is asked"
    );
    let trainers = sample();
    let cohort = trainers.current().unwrap();
    let maker = bundle::Maker {
        id: cohort.trainers[0].clone(),
        name: "Hélène Marchetti".into(),
    };
    let to_her = bundle::for_trainee(
        &trainers,
        cohort,
        &CAMILLE.into(),
        maker,
        now(),
        &Records::new(),
    );
    press(&mut app, "<Esc>");
    app.bundle_read(Ok((to_her, Records::new())));
    let effects = press(&mut app, "y");
    assert!(effects.contains(&Effect::Save));
    assert!(
        effects.contains(&Effect::SaveConfig),
        "she is now known as herself"
    );
    assert_eq!(app.me().map(|p| p.name.as_str()), Some("Camille Dubois"));
    assert_eq!(app.data.current().unwrap().name, cohort.name);
    assert_eq!(city(&app.data), city(&trainers));
    let marks: usize = app
        .data
        .current()
        .unwrap()
        .seminars
        .iter()
        .flat_map(|s| &s.half_days)
        .map(|h| h.marks.len())
        .sum();
    let hers: usize = cohort
        .seminars
        .iter()
        .flat_map(|s| &s.half_days)
        .flat_map(|h| &h.marks)
        .filter(|m| m.trainee.as_str() == CAMILLE)
        .count();
    assert_eq!(marks, hers, "her own marks, and no one else's");
}

#[test]
fn a_trainee_cannot_change_the_role_the_trainers_gave_her() {
    let trainers = sample();
    let camille = PersonId::new(CAMILLE);
    let to_her = to_camille(&trainers);
    let mut hers = trainers.clone();
    let her = hers.people.iter_mut().find(|p| p.id == camille).unwrap();
    her.role = PersonRole::Trainer;
    her.job = "Coordinatrice".into();
    let back = bundle::for_trainers(
        &hers,
        hers.current().unwrap(),
        &camille,
        now(),
        &to_her.records,
    );
    let plan = plan(Some(&trainers), back, &Records::new(), &trainers_importer()).unwrap();
    let after = plan.data.person(&camille).unwrap();
    assert_eq!(after.role, PersonRole::Trainee);
    assert_eq!(
        after.job, "Coordinatrice",
        "the rest of her profile is hers"
    );
    assert!(plan.conflicts.is_empty());
    assert!(
        plan.ignored
            .iter()
            .any(|c| c.effect == Change::Changed(vec!["role".to_owned()])),
        "{:?}",
        plan.ignored
    );
}

#[test]
fn an_offer_given_away_in_a_bundle_is_left_as_it_is_not_deleted() {
    let trainers = sample();
    let camille = PersonId::new(CAMILLE);
    let to_her = to_camille(&trainers);
    let cohort = trainers.current().unwrap();
    let mut back = bundle::for_trainers(&trainers, cohort, &camille, now(), &to_her.records);
    // A hand-edited bundle gives her offer to Malik.
    let key = back
        .records
        .keys()
        .find(|k| k.starts_with("knowledge:"))
        .unwrap()
        .clone();
    back.records.get_mut(&key).unwrap()["person"] = "p-malik-benali".into();
    let plan = plan(Some(&trainers), back, &Records::new(), &trainers_importer()).unwrap();
    assert!(plan.conflicts.is_empty(), "{:?}", plan.conflicts);
    assert!(plan.changes.is_empty(), "{:?}", plan.changes);
    assert_eq!(plan.ignored.len(), 1);
    assert_eq!(plan.data.cohorts, trainers.cohorts, "her offer stays hers");
}
