//! The codevelopment session: step durations adjusted with +/-, a notes pad per step, the
//! session kept in the cohort, and a question before ending it early with `b`.

use crate::common::{press, render, sample_app, snapshot_size};
use cercle::app::{App, Effect, Overlay, Pending, Question};
use cercle::domain::codev::CodevSession;
use cercle::domain::round::CodevStep;
use cercle::i18n::Lang;

/// A session under way: Camille the client, the next three her consultants.
fn session_begun(lang: Lang) -> App {
    let mut app = sample_app(lang);
    press(&mut app, "2C<Enter>jmjmjmb");
    assert!(app.circle.codev.session.is_some(), "begun");
    app
}

fn kept(app: &App) -> Vec<CodevSession> {
    app.cohort().unwrap().codev_sessions.clone()
}

#[test]
fn plus_and_minus_change_the_step_under_way_and_its_timer() {
    let mut app = session_begun(Lang::En);
    press(&mut app, "+++");
    let session = app.circle.codev.session.clone().unwrap();
    assert_eq!(session.minutes[0], 18);
    assert_eq!(session.timer.limit, chrono::TimeDelta::minutes(18));
    let screen = render(&app, 80, 24);
    assert!(screen.contains("1. Expose (18 min)"), "{screen}");
    assert!(screen.contains("73 min in all"), "{screen}");
    // The next step keeps its own time, and - shortens it.
    press(&mut app, "n--");
    let session = app.circle.codev.session.clone().unwrap();
    assert_eq!(session.minutes[..2], [18, 8]);
    assert_eq!(session.current(), Some(CodevStep::Clarify));
}

#[test]
fn each_step_has_its_notes_pad_and_saving_notes_keeps_the_session() {
    let mut app = session_begun(Lang::En);
    press(&mut app, "e");
    assert!(
        matches!(app.overlay, Some(Overlay::Form(_))),
        "the pad opens"
    );
    assert!(render(&app, 80, 24).contains("Notes: Expose"));
    let effects = press(&mut app, "Le lieu manque de bénévoles<Enter>");
    assert!(app.overlay.is_none());
    assert!(effects.contains(&Effect::Save), "{effects:?}");
    let session = app.circle.codev.session.clone().unwrap();
    assert_eq!(session.notes[0], "Le lieu manque de bénévoles");
    let records = kept(&app);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].steps[0].notes, "Le lieu manque de bénévoles");
    assert_eq!(records[0].client, app.cohort().unwrap().trainees[0]);
    assert_eq!(records[0].consultants.len(), 3);
    assert_eq!(records[0].date, app.today);
    assert!(render(&app, 80, 24).contains("✎ Le lieu manque de bénévoles"));
    // The next step's pad is its own; the first one's notes stay.
    press(&mut app, "ne");
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the second pad");
    };
    assert_eq!(form.value(cercle::i18n::Msg::FieldNote), "");
    press(&mut app, "Quelles ressources ?<Enter>");
    let records = kept(&app);
    assert_eq!(records.len(), 1, "one record per session");
    assert_eq!(records[0].steps[1].notes, "Quelles ressources ?");
    assert_eq!(records[0].steps[0].notes, "Le lieu manque de bénévoles");
    assert_eq!(records[0].steps_done, 1);
}

#[test]
fn ending_a_session_under_way_asks_first_and_keeps_it_as_it_stands() {
    let mut app = session_begun(Lang::En);
    press(&mut app, "n+b");
    let Some(Overlay::Confirm(Question {
        text,
        on_yes: Pending::EndCodev,
    })) = &app.overlay
    else {
        panic!("asked: {:?}", app.overlay);
    };
    assert!(
        text.contains("End Camille Dubois's session now, at step 2 of 6?"),
        "{text}"
    );
    press(&mut app, "n");
    assert!(app.circle.codev.session.is_some(), "no keeps it going");
    assert!(kept(&app).is_empty(), "nothing kept yet");
    let effects = press(&mut app, "by");
    assert!(app.circle.codev.session.is_none(), "ended");
    assert!(effects.contains(&Effect::Save));
    let records = kept(&app);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].steps_done, 1);
    assert!(!records[0].finished());
    assert_eq!(records[0].steps[1].minutes, 11);
}

#[test]
fn a_session_gone_to_its_end_is_kept_and_closes_without_a_question() {
    let mut app = session_begun(Lang::En);
    let effects = press(&mut app, "nnnnnn");
    assert!(effects.contains(&Effect::Save), "kept at its end");
    assert!(kept(&app)[0].finished());
    press(&mut app, "b");
    assert!(app.overlay.is_none(), "nothing to lose: no question");
    assert!(app.circle.codev.session.is_none());
    // The kept session is valid against the data file's schema, and reads back.
    let value = serde_json::to_value(&*app.data).unwrap();
    assert_eq!(cercle::schema::validate(&value), Vec::<String>::new());
    let back: cercle::domain::Data = serde_json::from_value(value).unwrap();
    assert_eq!(back.current().unwrap().codev_sessions, kept(&app));
}

#[test]
fn a_file_without_sessions_still_reads() {
    let mut value = serde_json::to_value(&*sample_app(Lang::En).data).unwrap();
    for cohort in value["cohorts"].as_array_mut().unwrap() {
        assert!(
            cohort.get("codev_sessions").is_none(),
            "none written when empty"
        );
        cohort.as_object_mut().unwrap().remove("codev_sessions");
    }
    let data: cercle::domain::Data = serde_json::from_value(value).unwrap();
    assert!(data.current().unwrap().codev_sessions.is_empty());
}

#[test]
fn snapshots_of_the_codevelopment_session_kept() {
    for (lang, code) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
        let mut app = session_begun(lang);
        press(&mut app, "++eLe lieu manque de bénévoles<Enter>n-");
        let (width, height) = snapshot_size(lang);
        insta::assert_snapshot!(format!("codev_kept_{code}"), render(&app, width, height));
        press(&mut app, "b");
        insta::assert_snapshot!(
            format!("codev_end_question_{code}"),
            render(&app, width, height)
        );
    }
}

#[test]
fn a_kept_session_is_evidence_the_client_can_cite_on_her_path() {
    let mut app = session_begun(Lang::En);
    press(&mut app, "nnnnnnb<Esc>");
    let id = kept(&app)[0].id.clone();
    let camille = app.cohort().unwrap().trainees[0].clone();
    // Camille's path, evidence on her first competency: the session is offered last.
    press(&mut app, "p");
    assert_eq!(app.circle.trainee.as_ref(), Some(&camille));
    press(&mut app, "n");
    let Some(Overlay::Choice(choice)) = &app.overlay else {
        panic!("the sources: {:?}", app.overlay);
    };
    let last = choice.options.last().unwrap();
    assert!(last.starts_with("codevelopment 28/11/2026"), "{last}");
    press(&mut app, "G<Enter>Séance sur le bénévolat<Enter>");
    let evidence = app
        .cohort()
        .unwrap()
        .assessments
        .iter()
        .filter(|a| a.trainee == camille)
        .flat_map(|a| &a.evidence)
        .find(|e| e.note.text == "Séance sur le bénévolat")
        .cloned()
        .expect("the evidence is recorded");
    assert_eq!(
        evidence.source,
        Some(cercle::domain::path::EvidenceSource::Codev(id))
    );
    assert!(render(&app, 120, 40).contains("(codevelopment 28/11/2026)"));
}
