//! The Knowledge circle screen: the roster and its 8-12 rule, departures, offers and requests
//! with suggested matches, exchanges and evaluations, a trainee's path, the speaking round and
//! codevelopment. Time is driven by setting `app.now` and sending a tick: nothing sleeps.

use crate::common;

use cercle::app::keymap::View;
use cercle::app::{self, Action, App, Overlay};
use cercle::config::ThemeName;
use cercle::domain::knowledge::{ExchangeFormat, KnowledgeKind, Topic};
use cercle::domain::path::{CandidacyStatus, EvidenceSource, FundingStatus, Level};
use cercle::domain::round::{CodevStep, Turn, speaking_order};
use cercle::domain::{CohortState, PersonId};
use cercle::i18n::Lang;
use chrono::TimeDelta;
use common::{press, render, render_buffer, sample_app, themed_app};

fn trainee(app: &App, i: usize) -> PersonId {
    app.cohort().unwrap().trainees[i].clone()
}

pub(crate) fn notice(app: &App) -> String {
    app.notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

#[test]
fn the_cohort_state_is_explicit_and_a_thirteenth_is_refused_with_the_reason() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "2");
    assert!(render(&app, 80, 24).contains("running (10/12)"));
    // Two people from the directory: the list offers a new person first, then trainees.
    for _ in 0..2 {
        press(&mut app, "a");
        assert!(matches!(app.overlay, Some(Overlay::Choice(_))));
        press(&mut app, "j<Enter>");
    }
    assert_eq!(app.cohort().unwrap().state(), CohortState::Full);
    assert!(render(&app, 80, 24).contains("full (12/12)"));
    press(&mut app, "a");
    assert!(app.overlay.is_none(), "no list to choose from");
    let text = notice(&app);
    assert!(text.contains("the cohort is full"), "{text}");
    assert!(text.contains("12 trainees"), "{text}");
    assert!(app.notice.as_ref().unwrap().error);
    assert_eq!(app.cohort().unwrap().trainees.len(), 12);
}

#[test]
fn a_new_person_is_created_and_enrolled_in_one_step() {
    let mut app = sample_app(Lang::En);
    let people = app.data.people.len();
    press(
        &mut app,
        "2a<Enter>Zoé Martin<Tab>Le Hangar<Tab><Right><Enter>",
    );
    assert_eq!(app.data.people.len(), people + 1);
    let zoe = app.data.people.last().unwrap();
    assert_eq!(zoe.name, "Zoé Martin");
    assert_eq!(zoe.project.as_ref().unwrap().name, "Le Hangar");
    assert!(app.cohort().unwrap().is_enrolled(&zoe.id));
    assert_eq!(
        app.cohort().unwrap().state(),
        CohortState::Running { enrolled: 11 }
    );
    // One undo takes back the person and the enrolment together.
    press(&mut app, "u");
    assert_eq!(app.data.people.len(), people);
    assert_eq!(app.cohort().unwrap().trainees.len(), 10);
}

#[test]
fn a_departure_is_dated_explained_and_kept_in_the_records() {
    let mut app = sample_app(Lang::En);
    let malik = trainee(&app, 1);
    press(&mut app, "2jd");
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("a departure form");
    };
    assert_eq!(form.fields[0].value(), "28/11/2026", "today by default");
    press(&mut app, "<Tab>Nouvel emploi à Lyon<Enter>");
    let cohort = app.cohort().unwrap();
    let left = cohort.departure(&malik).expect("recorded");
    assert_eq!(left.reason, "Nouvel emploi à Lyon");
    assert_eq!(left.date.to_string(), "2026-11-28");
    assert!(cohort.trainees.contains(&malik), "still in the records");
    assert_eq!(cohort.state(), CohortState::Running { enrolled: 9 });
    press(&mut app, "v");
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("Malik Benali · Périgueux (24) · left on 28/11/2026: Nouvel emploi à Lyon"),
        "{screen}"
    );
    // Recording it twice is refused.
    press(&mut app, "d");
    assert!(app.overlay.is_none());
    assert!(notice(&app).contains("Already left on 28/11/2026"));
}

#[test]
fn an_offer_meets_a_request_and_the_two_people_are_put_in_touch() {
    let mut app = sample_app(Lang::En);
    let (camille, malik) = (trainee(&app, 0), trainee(&app, 1));
    // As a trainer: whose it is defaults to the trainee selected on the roster.
    press(
        &mut app,
        "2o n<Tab><Tab>Écrire une charte d'accueil des bénévoles<Tab>4.3<Enter>",
    );
    press(
        &mut app,
        "<Esc>jon<Tab><Right><Tab>Rédiger la charte des bénévoles<Tab>4.3<Enter>",
    );
    let cohort = app.cohort().unwrap();
    let offer = &cohort.knowledge[cohort.knowledge.len() - 2];
    let request = cohort.knowledge.last().unwrap();
    assert_eq!(
        (&offer.person, offer.kind),
        (&camille, KnowledgeKind::Offer)
    );
    assert_eq!(
        (&request.person, request.kind),
        (&malik, KnowledgeKind::Request)
    );
    assert!(matches!(&request.topic, Some(Topic::Module(m)) if m.as_str() == "m-4-3"));
    let (offer, request) = (offer.id.clone(), request.id.clone());
    let suggested = cercle::app::circle::item_suggestions(&app, &request);
    assert_eq!(suggested.len(), 1);
    assert!(suggested[0].by_tag);
    assert_eq!(
        suggested[0].words,
        ["bénévoles", "charte"],
        "as written, accents kept"
    );
    assert!(render(&app, 80, 24).contains("Suggested: Camille Dubois offers"));
    // Enter on the request: the one match opens the exchange form, filled in.
    press(&mut app, "<Enter>");
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the exchange form");
    };
    assert_eq!(form.fields[2].value(), "Camille Dubois, Malik Benali");
    press(&mut app, "<Enter>");
    assert_eq!(app.circle.view, Some(View::Exchanges));
    let exchange = app.cohort().unwrap().exchanges.last().unwrap().clone();
    assert_eq!(exchange.offer.as_ref(), Some(&offer));
    assert_eq!(exchange.request.as_ref(), Some(&request));
    assert_eq!(exchange.people, [camille, malik]);
    assert_eq!(exchange.format, ExchangeFormat::OneToOne);
    assert_eq!(exchange.date, app.today);
    assert!(cercle::app::circle::item_suggestions(&app, &request).is_empty());
    // Then its evaluation, with a confidential note.
    press(&mut app, "<Enter>Charte relue ensemble<Tab><Right><Enter>");
    let evaluation = app
        .cohort()
        .unwrap()
        .exchanges
        .last()
        .unwrap()
        .evaluations
        .first()
        .cloned()
        .unwrap();
    assert_eq!(evaluation.by, app.config.me);
    assert!(evaluation.useful);
    assert_eq!(evaluation.note.text, "Charte relue ensemble");
    assert!(evaluation.note.confidential);
    assert!(render(&app, 120, 40).contains("[confidential] Charte relue ensemble"));
    // Esc goes back to the offers and requests, then to the circle.
    press(&mut app, "<Esc>");
    assert_eq!(app.circle.view, Some(View::Knowledge));
    press(&mut app, "<Esc>");
    assert_eq!(app.circle.view, None);
}

#[test]
fn an_unknown_tag_or_person_keeps_the_form_open() {
    let mut app = sample_app(Lang::En);
    let before = app.cohort().unwrap().knowledge.len();
    press(&mut app, "2on<Tab><Tab>Something<Tab>9.9<Enter>");
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the form stays open");
    };
    assert!(form.fields[3].error.is_some(), "the tag is marked");
    assert_eq!(app.cohort().unwrap().knowledge.len(), before);
}

#[test]
fn a_trainee_adds_their_own_offers_and_changes_no_one_elses() {
    let mut app = sample_app(Lang::En);
    let camille = trainee(&app, 0);
    app.config.me = Some(camille.clone());
    press(&mut app, "2o");
    // The first item is Romain's: not hers to edit.
    press(&mut app, "ge");
    assert!(app.overlay.is_none());
    assert!(notice(&app).contains("your own"));
    // Her form has no "whose" field.
    press(&mut app, "n");
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("a form");
    };
    assert_eq!(form.fields.len(), 5);
    // It opens on the title, the first text field.
    press(&mut app, "Tenir une caisse associative<Enter>");
    let item = app.cohort().unwrap().knowledge.last().unwrap().clone();
    assert_eq!(item.person, camille);
    assert_eq!(item.title, "Tenir une caisse associative");
    // The path is kept by the trainers.
    press(&mut app, "<Esc>p<Enter>");
    assert!(notice(&app).contains("trainers keep"));
}

#[test]
fn an_exchange_is_evaluated_only_after_it_took_place() {
    let mut app = sample_app(Lang::En);
    let data = std::sync::Arc::make_mut(&mut app.data);
    let id = data.current().unwrap().id.clone();
    data.cohort_mut(&id).unwrap().exchanges[0].date = app.today + TimeDelta::days(3);
    press(&mut app, "2x<Enter>");
    assert!(app.overlay.is_none());
    assert!(notice(&app).contains("after it took place"));
}

#[test]
fn the_speaking_order_is_drawn_from_the_seed_and_each_speaker_is_timed() {
    let mut app = sample_app(Lang::En);
    app.seed = 42;
    let active: Vec<PersonId> = app.cohort().unwrap().active_trainees().cloned().collect();
    press(&mut app, "2s");
    let round = app.circle.round.clone().unwrap();
    assert_eq!(round.order, speaking_order(&active, 42), "reproducible");
    assert_eq!(app.circle.view, Some(View::Round));
    assert!(render(&app, 80, 24).contains("3:00 left (paused)"));
    // Start; a minute and a half pass with no key pressed: the loop's ticks move the clock.
    press(&mut app, " ");
    assert!(app.circle.timer_running());
    app.now += TimeDelta::seconds(90);
    app::update(&mut app, Action::Tick);
    assert!(render(&app, 80, 24).contains("1:30 left (running)"));
    app.now += TimeDelta::seconds(100);
    app::update(&mut app, Action::Tick);
    let first = app.data.person(&round.order[0]).unwrap().name.clone();
    assert_eq!(notice(&app), format!("Time is up for {first}."));
    assert!(render(&app, 80, 24).contains("over by 0:10"));
    // Next, then skip; the next timer starts at once.
    press(&mut app, "ns");
    let round = app.circle.round.clone().unwrap();
    assert_eq!(
        round.turns[..3],
        [Turn::Spoke, Turn::Skipped, Turn::Waiting]
    );
    assert_eq!(round.current, 2);
    assert!(round.timer.running());
    // A minute more each, and another draw (after a yes).
    press(&mut app, "+dy");
    let round = app.circle.round.clone().unwrap();
    assert_eq!(round.timer.limit, TimeDelta::minutes(4));
    assert_eq!(round.order, speaking_order(&active, 43));
    // Leaving the view keeps the round; nothing of it is saved.
    press(&mut app, "<Esc>s");
    assert_eq!(app.circle.round.clone().unwrap().order, round.order);
}

#[test]
fn codevelopment_takes_four_to_eight_people_and_times_its_six_steps() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "2C<Enter>jmjm");
    press(&mut app, "b");
    assert!(app.circle.codev.session.is_none());
    assert!(notice(&app).contains("3 people"), "{}", notice(&app));
    press(&mut app, "jmb");
    let session = app.circle.codev.session.clone().expect("begun with 4");
    assert_eq!(session.client, trainee(&app, 0));
    assert_eq!(session.consultants.len(), 3);
    assert_eq!(session.current(), Some(CodevStep::Expose));
    press(&mut app, " ");
    app.now += TimeDelta::minutes(14);
    app::update(&mut app, Action::Tick);
    assert!(render(&app, 80, 24).contains("1:00 left (running)"));
    press(&mut app, "n");
    let session = app.circle.codev.session.clone().unwrap();
    assert_eq!(session.current(), Some(CodevStep::Clarify));
    assert_eq!(session.timer.left(app.now), TimeDelta::minutes(10));
    press(&mut app, "nnnnn");
    assert!(render(&app, 80, 24).contains("The session is over."));
    assert!(!app.circle.timer_running());
}

#[test]
fn a_trainees_path_keeps_levels_evidence_candidacy_and_funding() {
    let mut app = sample_app(Lang::En);
    let malik = trainee(&app, 1);
    press(&mut app, "2j<Enter>");
    assert_eq!(app.circle.view, Some(View::Path));
    press(&mut app, "<Enter>");
    let level =
        |app: &App| cercle::app::circle::assessment(app, &malik, &"c-1-1".into()).map(|a| a.level);
    assert_eq!(level(&app), Some(Level::InProgress));
    press(&mut app, " ");
    assert_eq!(level(&app), Some(Level::Acquired));
    // Evidence resting on a seminar attended, marked confidential.
    press(&mut app, "n");
    assert!(matches!(app.overlay, Some(Overlay::Choice(_))));
    press(&mut app, "j<Enter>Présente son lieu<Tab><Right><Enter>");
    let assessment = cercle::app::circle::assessment(&app, &malik, &"c-1-1".into()).unwrap();
    let evidence = &assessment.evidence[0];
    assert_eq!(evidence.note.text, "Présente son lieu");
    assert!(evidence.note.confidential);
    assert!(matches!(&evidence.source, Some(EvidenceSource::Seminar(_))));
    // The candidacy, dated, with its history.
    // The form opens on the date: the status is the field above.
    press(&mut app, "a<Up><Right><Enter>a<Up><Right><Enter>");
    let candidacy = app
        .cohort()
        .unwrap()
        .candidacies
        .iter()
        .find(|c| c.trainee == malik)
        .unwrap()
        .clone();
    assert_eq!(candidacy.status, CandidacyStatus::Submitted);
    assert_eq!(candidacy.since, Some(app.today));
    assert_eq!(candidacy.history.len(), 2);
    // The funding: the first line edited, then another line proposing what is left.
    // The form opens on the amount; the status is next.
    press(&mut app, "f<Tab><Left><Enter>");
    let lines = |app: &App| {
        app.cohort()
            .unwrap()
            .funding
            .iter()
            .filter(|f| f.trainee == malik)
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(lines(&app).len(), 1);
    assert_eq!(
        lines(&app)[0].status,
        FundingStatus::Refused,
        "paid, one step back"
    );
    press(&mut app, "F");
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("a funding form");
    };
    assert_eq!(form.fields[1].value(), "3500", "the price by default");
    // The amount is focused and selected: typing replaces it.
    press(&mut app, "x<Enter>");
    assert!(
        matches!(app.overlay, Some(Overlay::Form(_))),
        "a bad amount"
    );
    press(&mut app, "<BS>1200<Enter>");
    assert_eq!(lines(&app).len(), 2);
    assert_eq!(lines(&app)[1].amount_eur, 1200);
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("file submitted (since 28/11/2026)"),
        "{screen}"
    );
    assert!(
        screen.contains("[confidential] Présente son lieu (seminar"),
        "{screen}"
    );
}

#[test]
fn without_colour_the_selected_trainee_stays_visible_on_the_circle() {
    let mut app = themed_app(Lang::En, ThemeName::Mono);
    press(&mut app, "2jj");
    let buffer = render_buffer(&app, 80, 24);
    let name = "▶Inès";
    let (x, y) = (0..24)
        .flat_map(|y| (0..80).map(move |x| (x, y)))
        .find(|&(x, y)| buffer[(x, y)].symbol() == "▶")
        .expect("a pointer glyph marks the selection");
    let reversed = buffer[(x + 1, y)]
        .modifier
        .contains(ratatui::style::Modifier::REVERSED);
    assert!(reversed, "{name} is in reverse video");
    assert!(render(&app, 80, 24).contains(name));
}

#[test]
fn snapshots_of_the_circle_views() {
    for (lang, code) in [(Lang::En, "en"), (Lang::Fr, "fr")] {
        let mut app = sample_app(lang);
        press(&mut app, "2v");
        insta::assert_snapshot!(format!("circle_list_{code}"), render(&app, 80, 24));
        // Thomas's request meets Aurélie's offer (same module, shared words).
        press(&mut app, "vjjjo");
        insta::assert_snapshot!(format!("circle_knowledge_{code}"), render(&app, 80, 24));
        press(&mut app, "x");
        insta::assert_snapshot!(format!("circle_exchanges_{code}"), render(&app, 80, 24));
        press(&mut app, "<Esc><Esc>jjjpjjj");
        insta::assert_snapshot!(format!("circle_path_{code}"), render(&app, 120, 40));
        press(&mut app, "<Esc>s ");
        app.now += TimeDelta::seconds(75);
        app::update(&mut app, Action::Tick);
        press(&mut app, "n");
        app.now += TimeDelta::seconds(20);
        app::update(&mut app, Action::Tick);
        insta::assert_snapshot!(format!("circle_round_{code}"), render(&app, 80, 24));
        press(&mut app, "<Esc>C<Enter>jmjmjmb n");
        insta::assert_snapshot!(format!("circle_codev_{code}"), render(&app, 80, 24));
    }
}

#[test]
fn the_circle_grows_with_the_terminal_and_stays_whole_when_small() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "2");
    let small = render(&app, 80, 24);
    let large = render(&app, 120, 40);
    assert!(small.contains("▶Camille") && !small.contains("▶Camille Dubois"));
    assert!(
        large.contains("▶Camille Dubois"),
        "full names where there is room"
    );
    for (w, h) in [(50, 12), (60, 15), (200, 60)] {
        let screen = render(&app, w, h);
        assert!(screen.contains("Knowledge circle"), "{w}x{h}");
    }
    for view in ["o", "x", "p", "s", "C", "v"] {
        press(&mut app, &format!("<Esc><Esc>{view}"));
        for (w, h) in [(50, 12), (1, 1), (80, 24)] {
            render(&app, w, h);
        }
    }
}

#[test]
fn cercle_check_reports_a_cohort_over_twelve() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        common::pty::cercle(dir.path(), &["init", "--sample"])
            .status
            .success()
    );
    // Three more trainees, edited into the current cohort's document by hand.
    let extra = ["p-agathe-brunet", "p-bastien-roche", "p-chloe-vasseur"];
    common::pty::edit_cohort(dir.path(), "c-na-2026", |cohort| {
        let trainees = cohort["trainees"].as_array_mut().unwrap();
        trainees.extend(extra.map(serde_json::Value::from));
    });
    let check = common::pty::cercle(dir.path(), &["check"]);
    let out = String::from_utf8_lossy(&check.stdout).into_owned()
        + &String::from_utf8_lossy(&check.stderr);
    assert!(!check.status.success(), "{out}");
    assert!(
        out.contains("holds 13 trainees, more than the 12 allowed"),
        "{out}"
    );
}

#[test]
fn several_exchanges_draw_a_stronger_line() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "2");
    let dots = |app: &App| {
        render(app, 80, 24)
            .chars()
            .filter(|c| ('\u{2801}'..='\u{28ff}').contains(c))
            .count()
    };
    let before = dots(&app);
    // A second exchange between Aurélie and Inès, who already exchanged once.
    let data = std::sync::Arc::make_mut(&mut app.data);
    let id = data.current().unwrap().id.clone();
    let cohort = data.cohort_mut(&id).unwrap();
    let mut again = cohort.exchanges[0].clone();
    again.id = "e-again".into();
    cohort.exchanges.push(again);
    let pairs = cercle::domain::circle::links(cohort);
    assert!(pairs.values().any(|&n| n == 2));
    assert!(dots(&app) > before, "the doubled line shows");
}

/// Not a check: prints how long the circle's frames take (`cargo test --release --test circle
/// -- --ignored --nocapture`).
#[test]
#[ignore = "a measurement, run by hand"]
fn measure_circle_frames() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "2");
    for (keys, name) in [
        ("", "circle"),
        ("o", "offers and requests"),
        ("<Esc>v", "list"),
    ] {
        press(&mut app, keys);
        let frames = 200;
        let start = std::time::Instant::now();
        for _ in 0..frames {
            render_buffer(&app, 120, 40);
        }
        let each = start.elapsed() / frames;
        println!("{name}: {each:?} a frame at 120x40");
    }
}
