//! The trainee's side of Cercle: her copy says what it is, she sends her bundle to the team,
//! reaches her own path from anywhere and proposes on it, and sees only the keys she may use.

use crate::common;

use cercle::app::keymap::{Context, View};
use cercle::app::{Action, App, Effect, Overlay, Screen, keys};
use cercle::config::{Config, Role};
use cercle::domain::path::{Level, Proposed};
use cercle::domain::{Data, PersonId};
use cercle::i18n::Lang;
use cercle::sample::sample;
use cercle::share::bundle::{self, Audience};
use cercle::share::records::Records;
use cercle::share::send::From;
use common::{now, press, render, sample_app};
use std::path::PathBuf;

const CAMILLE: &str = "p-camille-dubois";

/// The bundle the trainers of `trainers` send Camille.
fn to_camille(trainers: &Data) -> bundle::Bundle {
    let cohort = trainers.current().unwrap();
    let maker = bundle::Maker {
        id: cohort.trainers[0].clone(),
        name: "Hélène Marchetti".into(),
    };
    bundle::for_trainee(
        trainers,
        cohort,
        &CAMILLE.into(),
        maker,
        now(),
        &Records::new(),
    )
}

/// Camille's copy, opened from her trainers' bundle as on her first day (the question of what
/// she shares left as it comes).
pub fn camille_first_day(lang: Lang) -> App {
    let mut app = App::new(
        Config {
            lang,
            ..Config::default()
        },
        now(),
    );
    app.size = (80, 24);
    app.welcome();
    press(&mut app, "b<Esc>");
    app.bundle_read(Ok((to_camille(&sample()), Records::new())));
    press(&mut app, "y");
    app
}

/// Camille's copy, the first-day question answered with Esc.
pub fn camille_copy(lang: Lang) -> App {
    let mut app = camille_first_day(lang);
    press(&mut app, "<Esc>");
    assert!(app.overlay.is_none());
    app
}

#[test]
fn after_her_trainers_bundle_she_lands_on_the_circle_and_is_asked_what_she_shares() {
    let app = camille_first_day(Lang::Fr);
    assert_eq!(app.config.role, Some(Role::Trainee));
    assert_eq!(app.screen, Screen::Circle);
    assert_eq!(app.circle.view, None);
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the question of what she shares");
    };
    assert!(form.fields.len() > 1, "one line per detail she has");
    assert!(render(&app, 80, 24).contains("Que partagez-vous avec la promotion\u{a0}?"));
}

#[test]
fn she_chooses_what_she_shares_detail_by_detail() {
    let mut app = camille_first_day(Lang::En);
    let me = PersonId::new(CAMILLE);
    let before = app.data.person(&me).unwrap().shared.clone();
    // Email (the first line) flipped; the rest as it was.
    let effects = press(&mut app, "<Right><Enter>");
    assert!(effects.contains(&Effect::Save));
    let after = &app.data.person(&me).unwrap().shared;
    let email = cercle::domain::people::ContactField::Email;
    assert_ne!(before.contains(&email), after.contains(&email));
    assert_eq!(
        before.len().abs_diff(after.len()),
        1,
        "only the email line changed"
    );
}

#[test]
fn a_trainee_is_shown_only_her_keys_and_told_why_a_trainers_key_does_nothing() {
    let table = &keys::TABLE;
    let roll_call = Context::View(View::RollCall);
    let shown = |role| -> Vec<_> {
        keys::hints(table, role, roll_call, Screen::Modules)
            .iter()
            .map(|b| b.action)
            .collect()
    };
    assert!(shown(Some(Role::Trainer)).contains(&Action::MarkPresent));
    assert!(!shown(Some(Role::Trainee)).contains(&Action::MarkPresent));
    assert!(shown(Some(Role::Trainee)).contains(&Action::SendToTeam));
    assert!(!shown(Some(Role::Trainer)).contains(&Action::SendToTeam));

    let mut app = camille_copy(Lang::Fr);
    let before = app.data.clone();
    let effects = press(&mut app, "4a");
    assert!(effects.is_empty());
    assert!(std::sync::Arc::ptr_eq(&before, &app.data));
    let notice = app.notice.clone().unwrap();
    assert!(notice.error);
    assert!(notice.text.contains("revient à l'équipe de formation"));
    assert!(
        !notice.text.contains(" i "),
        "no invitation to be someone else"
    );
}

#[test]
fn the_help_marks_the_trainers_keys() {
    let mut app = camille_copy(Lang::En);
    press(&mut app, "?");
    let screen = render(&app, 120, 200);
    assert!(screen.contains("accept (trainers)"), "{screen}");
}

#[test]
fn r_and_i_ask_first_and_say_what_changes() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "R");
    assert_eq!(app.config.role, Some(Role::Trainer), "nothing changed yet");
    let Some(Overlay::Confirm(question)) = &app.overlay else {
        panic!("R asks first");
    };
    assert!(question.text.contains("trainee's keys"));
    let effects = press(&mut app, "y");
    assert_eq!(app.config.role, Some(Role::Trainee));
    assert!(effects.contains(&Effect::SaveConfig));

    press(&mut app, "ij<Enter>");
    assert_eq!(app.config.me, None, "nothing changed yet");
    assert!(matches!(app.overlay, Some(Overlay::Confirm(_))));
    press(&mut app, "n");
    assert_eq!(app.config.me, None);
}

#[test]
fn e_sends_her_bundle_and_the_trainers_prepare_the_cohorts() {
    let mut app = camille_copy(Lang::En);
    let effects = press(&mut app, "E");
    assert_eq!(effects, vec![Effect::Send(From::Trainee(CAMILLE.into()))]);

    let mut trainer = sample_app(Lang::En);
    let effects = press(&mut trainer, "E");
    assert!(effects.is_empty(), "the bundles carry who made them");
    assert!(trainer.notice.as_ref().unwrap().error);
    trainer.config.me = Some("p-helene-marchetti".into());
    let effects = press(&mut trainer, "E");
    let [Effect::Send(From::Trainer(maker))] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(maker.id.as_str(), "p-helene-marchetti");
}

#[test]
fn the_bundle_goes_into_the_folder_under_a_name_that_says_who_and_when() {
    let folder = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let app = camille_copy(Lang::En);
    let order = cercle::share::send::Order {
        cohort: app.cohort().unwrap().id.clone(),
        from: From::Trainee(CAMILLE.into()),
        folder: folder.path().join("Téléchargements"),
        now: now(),
    };
    let written = cercle::share::send::write(dir.path(), &app.data, &order).unwrap();
    assert_eq!(written.len(), 1);
    let name = written[0].file_name().unwrap().to_str().unwrap();
    assert_eq!(
        name,
        "nouvelle-aquitaine-2026--camille-dubois--2026-11-28-1100--for-the-trainers.cercle-bundle.json"
    );
    let made = bundle::Bundle::parse(&std::fs::read(&written[0]).unwrap()).unwrap();
    assert_eq!(made.audience, Audience::Trainers);
    assert_eq!(made.made_by.id.as_str(), CAMILLE, "her bundle is hers");

    // The trainers': one per active trainee, each made by the trainer who made them.
    let trainers = sample();
    let order = cercle::share::send::Order {
        cohort: trainers.current().unwrap().id.clone(),
        from: From::Trainer(bundle::Maker {
            id: "p-thomas-leroy".into(),
            name: "Thomas Leroy".into(),
        }),
        folder: folder.path().to_owned(),
        now: now(),
    };
    let written = cercle::share::send::write(dir.path(), &trainers, &order).unwrap();
    assert_eq!(
        written.len(),
        trainers.current().unwrap().active_trainees().count()
    );
    for path in written {
        let made = bundle::Bundle::parse(&std::fs::read(path).unwrap()).unwrap();
        assert_eq!(made.made_by.name, "Thomas Leroy");
    }
}

#[test]
fn the_message_says_where_and_for_whom_and_offers_a_mail_draft_only_where_one_opens() {
    let path = PathBuf::from("/home/camille/Téléchargements/camille.cercle-bundle.json");
    let mut app = camille_copy(Lang::En);
    app.sent(Ok(vec![path.clone()]), false);
    let Some(Overlay::Told(_, text)) = &app.overlay else {
        panic!("the message in full");
    };
    assert!(text.contains(path.to_str().unwrap()));
    assert!(text.contains("for your trainers"));
    press(&mut app, "<Enter>");
    assert!(app.overlay.is_none());

    app.sent(Ok(vec![path.clone()]), true);
    let Some(Overlay::Confirm(question)) = &app.overlay else {
        panic!("a mail draft is offered");
    };
    assert!(question.text.contains("mail draft"));
    let effects = press(&mut app, "y");
    let [Effect::MailDraft(draft)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(draft.attach, path);
    assert!(draft.to.iter().any(|a| a.contains('@')), "to her trainers");

    app.sent(Err("disk full".into()), true);
    assert!(app.notice.as_ref().unwrap().error);
}

#[test]
fn a_trainees_copy_makes_no_trainers_bundles() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::command(dir.path())
        .args(["init", "--sample"])
        .output()
        .unwrap();
    assert!(out.status.success());
    std::fs::write(
        dir.path().join("cercle.me.toml"),
        "role = \"trainee\"\nme = \"p-camille-dubois\"\n",
    )
    .unwrap();
    let out = common::command(dir.path())
        .args(["export", "bundle", "--for", "trainees", "-o"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("cannot make the bundles the trainers send"),
        "{said}"
    );
    let written = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".cercle-bundle.json")
        })
        .count();
    assert_eq!(written, 0);
}

#[test]
fn m_opens_her_own_path_from_every_screen() {
    for screen in ["1", "2", "3", "4"] {
        let mut app = camille_copy(Lang::En);
        press(&mut app, screen);
        press(&mut app, "M");
        assert_eq!(app.screen, Screen::Circle);
        assert_eq!(app.circle.view, Some(View::Path));
        assert_eq!(app.circle.trainee.as_ref().unwrap().as_str(), CAMILLE);
    }
}

#[test]
fn her_path_says_kept_by_the_training_team_where_her_copy_lacks_it() {
    let mut app = camille_copy(Lang::Fr);
    press(&mut app, "M");
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Certification\u{a0}: tenu par l'équipe de formation"));
    assert!(screen.contains("Prise en charge\u{a0}: tenu par l'équipe de formation"));
    assert!(!screen.contains("aucune"));
    assert!(!screen.contains("non commencé"));
    // A peer's path is not hers to see: p opens hers.
    press(&mut app, "<Esc>jp");
    assert_eq!(app.circle.trainee.as_ref().unwrap().as_str(), CAMILLE);
}

#[test]
fn she_proposes_evidence_and_a_self_assessment_and_the_trainers_answer() {
    let mut app = camille_copy(Lang::En);
    press(&mut app, "Mn<Enter>Restitution du séminaire<Enter>");
    press(&mut app, " <Down><Down><Enter>");
    let cohort = app.cohort().unwrap();
    assert!(
        cohort.assessments.is_empty(),
        "her copy holds no assessment"
    );
    assert_eq!(cohort.proposals.len(), 2);
    assert!(matches!(
        &cohort.proposals[0].proposed,
        Proposed::Evidence(e) if e.note.text == "Restitution du séminaire"
    ));
    assert_eq!(
        cohort.proposals[1].proposed,
        Proposed::Level(Level::Acquired)
    );

    // They travel in her bundle.
    let hers = bundle::for_trainers(&app.data, cohort, &CAMILLE.into(), now(), &Records::new());
    let proposals = hers
        .records
        .keys()
        .filter(|k| k.starts_with("proposal:"))
        .count();
    assert_eq!(proposals, 2);

    // The trainers accept the first and decline the second, with a reason.
    let mut trainers = sample_app(Lang::En);
    trainers.config.me = Some("p-helene-marchetti".into());
    let mut data = (*trainers.data).clone();
    let current = data.current().unwrap().id.clone();
    data.cohort_mut(&current).unwrap().proposals = cohort.proposals.clone();
    trainers.data = std::sync::Arc::new(data);
    press(&mut trainers, "2p");
    assert_eq!(trainers.circle.trainee.as_ref().unwrap().as_str(), CAMILLE);
    press(&mut trainers, "y");
    press(&mut trainers, "x");
    press(&mut trainers, "Pas encore vu en séminaire<Enter>");
    let cohort = trainers.cohort().unwrap();
    let answers: Vec<_> = cohort
        .proposals
        .iter()
        .map(|p| p.answer.clone().unwrap())
        .collect();
    assert!(answers[0].accepted);
    assert!(!answers[1].accepted);
    assert_eq!(answers[1].reason, "Pas encore vu en séminaire");
    let assessment = cohort
        .assessments
        .iter()
        .find(|a| a.trainee.as_str() == CAMILLE && a.competency == cohort.proposals[0].competency)
        .unwrap();
    assert!(
        assessment
            .evidence
            .iter()
            .any(|e| e.note.text == "Restitution du séminaire")
    );
    assert_ne!(
        assessment.level,
        Level::Acquired,
        "the declined level stays out"
    );
}

#[test]
fn her_roll_call_shows_her_line_and_counts_nothing_it_cannot() {
    let mut app = camille_copy(Lang::Fr);
    press(&mut app, "1s<Enter><Enter>");
    let screen = render(&app, 120, 40);
    assert!(screen.contains("votre ligne"), "{screen}");
    assert!(screen.contains("Votre ligne\u{a0}:"));
    assert!(!screen.contains("/10"));
    assert!(!screen.contains("1 marqué·es"));
}

#[test]
fn the_header_never_shows_an_empty_segment() {
    let mut app = App::new(Config::default(), now());
    app.open(std::sync::Arc::new(Data::default()));
    let screen = render(&app, 80, 24);
    assert!(!screen.contains("·  ·"), "{screen}");
}

#[test]
fn help_works_on_the_welcome_screen() {
    let mut app = App::new(Config::default(), now());
    app.welcome();
    press(&mut app, "?");
    assert!(matches!(app.overlay, Some(Overlay::Help(_))));
    assert!(render(&app, 80, 24).contains("Keys"));
    press(&mut app, "<Esc>");
    assert!(app.overlay.is_none());
    press(&mut app, "a");
    assert_eq!(
        app.config.role,
        Some(Role::Trainee),
        "the welcome keys work again"
    );
}

#[test]
fn the_person_card_is_titled_with_the_name_and_lists_their_circle() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "3/Camille<Enter><Enter>");
    assert!(app.contacts.zoomed);
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("┤ Camille Dubois") || screen.contains(" Camille Dubois  Esc"),
        "{screen}"
    );
    assert!(screen.contains("Offers:"));
    assert!(screen.contains("Requests:"));
    assert!(screen.contains("Exchanges:"));
}

#[test]
fn y_says_not_shared_when_that_is_why() {
    let mut app = camille_copy(Lang::En);
    // Someone in her copy who does not share a phone number.
    let who = app
        .data
        .people
        .iter()
        .find(|p| {
            p.id.as_str() != CAMILLE && !p.shares(cercle::domain::people::ContactField::Phone)
        })
        .map(|p| p.name.clone())
        .unwrap();
    press(&mut app, &format!("3/{who}<Enter>Y"));
    let notice = app.notice.clone().unwrap();
    assert!(
        notice.text.contains("does not share a phone number"),
        "{}",
        notice.text
    );
}

#[test]
fn each_participant_evaluates_for_herself_and_reads_only_her_own() {
    use cercle::domain::knowledge::Evaluation;
    let mut app = camille_copy(Lang::En);
    press(&mut app, "2x");
    let cohort = app.cohort().unwrap();
    let theirs = cohort
        .exchanges
        .iter()
        .position(|e| !e.people.contains(&CAMILLE.into()) && e.date <= app.today)
        .expect("an exchange she was not part of");
    let hers = cohort
        .exchanges
        .iter()
        .position(|e| e.people.contains(&CAMILLE.into()) && e.date <= app.today)
        .expect("an exchange of hers");
    let partner = cohort.exchanges[hers]
        .people
        .iter()
        .find(|p| p.as_str() != CAMILLE)
        .cloned();

    // Not hers: refused.
    let height = app.page_height();
    let len = cohort.exchanges.len();
    app.circle.exchanges.cursor.select(theirs, len, height);
    press(&mut app, "<Enter>");
    assert!(app.overlay.is_none());
    assert!(
        app.notice
            .as_ref()
            .unwrap()
            .text
            .contains("Only the people who took part")
    );

    // Hers: her own evaluation, beside her partner's, which she never reads.
    let mut data = (*app.data).clone();
    let current = data.current().unwrap().id.clone();
    data.cohort_mut(&current).unwrap().exchanges[hers].evaluations = vec![Evaluation {
        by: partner.clone(),
        useful: false,
        note: cercle::domain::people::Note {
            text: "Note de son partenaire".into(),
            confidential: false,
        },
    }];
    app.data = std::sync::Arc::new(data);
    app.circle.exchanges.cursor.select(hers, len, height);
    assert!(!render(&app, 120, 40).contains("Note de son partenaire"));
    press(&mut app, "<Enter>Très utile<Enter>");
    let exchange = &app.cohort().unwrap().exchanges[hers];
    assert_eq!(exchange.evaluations.len(), 2, "the partner's stays");
    let mine = exchange.evaluation_by(&CAMILLE.into()).unwrap();
    assert_eq!(mine.note.text, "Très utile");
    assert_eq!(
        exchange
            .evaluation_by(partner.as_ref().unwrap())
            .unwrap()
            .note
            .text,
        "Note de son partenaire",
        "not appended to, not replaced"
    );

    // A bundle for her carries her own evaluation only.
    let trainers = app.data.clone();
    let to_her = to_camille(&trainers);
    let record = to_her
        .records
        .get(&format!("exchange:{}", exchange.id))
        .unwrap();
    let carried = record["evaluations"].as_array().unwrap();
    assert_eq!(carried.len(), 1);
    assert_eq!(carried[0]["by"], CAMILLE);
}

#[test]
fn an_exchange_evaluated_once_in_an_older_file_still_reads() {
    let json = serde_json::json!({
        "id": "e-1", "people": ["p-a", "p-b"], "format": "one_to_one", "date": "2026-10-15",
        "evaluation": { "useful": true, "note": { "text": "Utile" } }
    });
    let exchange: cercle::domain::knowledge::Exchange = serde_json::from_value(json).unwrap();
    assert_eq!(exchange.evaluations.len(), 1);
    assert_eq!(exchange.evaluations[0].by, None);
    assert_eq!(exchange.evaluations[0].note.text, "Utile");
    let written = serde_json::to_value(&exchange).unwrap();
    assert!(written.get("evaluation").is_none());
    assert_eq!(written["evaluations"][0]["useful"], true);
}

#[test]
fn summary_on_a_trainees_copy_says_whose_it_is_and_counts_her_own() {
    let trainers = tempfile::tempdir().unwrap();
    let camille = tempfile::tempdir().unwrap();
    let run = |dir: &std::path::Path, args: &[&str]| {
        let out = common::command(dir).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let to_her = common::sample_bundle_for_camille(trainers.path(), "to-her.json");
    run(
        camille.path(),
        &["import", "bundle", to_her.to_str().unwrap()],
    );
    let hers = run(camille.path(), &["summary", "--json"]);
    let hers: serde_json::Value = serde_json::from_str(&hers).unwrap();
    assert_eq!(hers[0]["copy_of"], CAMILLE);
    let text = run(camille.path(), &["summary"]);
    assert!(text.contains("Copy of Camille Dubois"), "{text}");
    // Her rate is her own attendance, not the cohort's counted from her line alone.
    let all: serde_json::Value =
        serde_json::from_str(&run(trainers.path(), &["summary", "--json"])).unwrap();
    let held = all
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == hers[0]["id"])
        .unwrap()["half_days_held"]
        .clone();
    assert_eq!(hers[0]["half_days_held"], held);
    assert!(hers[0]["attendance_rate"].as_f64().unwrap() > 50.0);
}

#[test]
fn snapshots_of_her_path_and_of_the_send_to_team_message() {
    for lang in [Lang::Fr, Lang::En] {
        let code = if lang == Lang::Fr { "fr" } else { "en" };
        for (width, height) in [(80, 24), (120, 40)] {
            let mut app = camille_copy(lang);
            app.size = (width, height);
            press(&mut app, "Mn<Enter>Restitution du séminaire<Enter>");
            // The status line of the moment is not part of what is shown here.
            app.notice = None;
            insta::assert_snapshot!(
                format!("trainee_path_{code}_{width}x{height}"),
                render(&app, width, height)
            );
            let sent = PathBuf::from(
                "/home/camille/Téléchargements/nouvelle-aquitaine-2026--camille-dubois--2026-12-08-1830--for-the-trainers.cercle-bundle.json",
            );
            app.sent(Ok(vec![sent]), false);
            app.notice = None;
            insta::assert_snapshot!(
                format!("trainee_sent_{code}_{width}x{height}"),
                render(&app, width, height)
            );
        }
    }
}
