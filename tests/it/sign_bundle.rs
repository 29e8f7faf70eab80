//! Signing on a trainee's own machine: the trainers' bundle brings her key, she signs in her
//! own Cercle with her code, her bundle carries the signature back, and the trainers' import
//! checks it before recording it; a forged or altered one is refused with the reason.

use crate::sign_rules::{
    CHEAP, TRAINER, at, code, cohort, half_day_id, input, put, seal_as_trainer, trainee,
};
use cercle::domain::audit::verify;
use cercle::domain::seal::{self, SheetError};
use cercle::domain::signing::{self, Attempts};
use cercle::domain::{CohortId, Data, PersonId, Status};
use cercle::i18n::Lang;
use cercle::share::bundle::{self, Bundle, Maker};
use cercle::share::import::{Importer, Plan, plan};
use cercle::share::preview;
use cercle::share::records::Records;

/// The trainers' data: half-day 1 marked (t2 absent), not sealed yet.
fn trainers() -> (Data, CohortId) {
    let (mut data, id) = cohort();
    let cohort = data.cohort_mut(&id).unwrap();
    for i in 0..10 {
        let status = if i == 2 {
            Status::Absent
        } else {
            Status::Present
        };
        put(
            &mut cohort.seminars[0].half_days[0],
            i,
            input(status, None),
            at(8, 8, 5),
        );
    }
    (data, id)
}

/// Trainee `i`'s own Cercle, from the trainers' bundle, read back from its file.
fn her_cercle(trainers: &Data, id: &CohortId, i: usize) -> Data {
    let maker = Maker {
        id: PersonId::new(TRAINER),
        name: "Hélène".into(),
    };
    let cohort = trainers.cohort(id).unwrap();
    let made = bundle::for_trainee(
        trainers,
        cohort,
        &trainee(i),
        maker,
        at(8, 12, 0),
        &Records::new(),
    );
    let parsed = Bundle::parse(&made.to_json()).unwrap();
    let importer = Importer {
        me: Some(&trainee(i)),
        trainer: false,
        ours: String::new(),
        now: at(8, 12, 5),
    };
    plan(None, parsed, &Records::new(), &importer).unwrap().data
}

/// Her bundle back to the trainers, as its file reads.
fn her_bundle(hers: &Data, id: &CohortId, i: usize) -> Bundle {
    let cohort = hers.cohort(id).unwrap();
    let made = bundle::for_trainers(hers, cohort, &trainee(i), at(8, 20, 0), &Records::new());
    Bundle::parse(&made.to_json()).unwrap()
}

fn import(trainers: &Data, bundle: Bundle) -> Plan {
    let me = PersonId::new(TRAINER);
    let importer = Importer {
        me: Some(&me),
        trainer: true,
        ours: String::new(),
        now: at(8, 21, 0),
    };
    plan(Some(trainers), bundle, &Records::new(), &importer).unwrap()
}

fn line_signed(data: &Data, id: &CohortId, i: usize) -> bool {
    let sheet = &data.cohort(id).unwrap().seminars[0].half_days[0];
    sheet.mark_of(&trainee(i)).unwrap().signed.is_some()
}

/// She signs half-day 1 at home with her code.
fn signs_at_home(hers: &mut Data, id: &CohortId, i: usize) {
    let cohort = hers.cohort_mut(id).unwrap();
    seal::sign_own_line(
        cohort,
        &half_day_id(1),
        &trainee(i),
        (&code(i), None),
        &mut Attempts::default(),
        [0; 16],
        at(8, 19, 30),
    )
    .unwrap();
}

#[test]
fn her_bundle_from_the_trainers_carries_her_key_and_nobody_elses() {
    let (trainers, id) = trainers();
    let hers = her_cercle(&trainers, &id, 4);
    let keys = &hers.cohort(&id).unwrap().keys;
    assert_eq!(keys.len(), 1, "{keys:?}");
    assert_eq!(keys[0].person, trainee(4));
    let made = bundle::for_trainee(
        &trainers,
        trainers.cohort(&id).unwrap(),
        &trainee(4),
        Maker {
            id: PersonId::new(TRAINER),
            name: String::new(),
        },
        at(8, 12, 0),
        &Records::new(),
    );
    let text = String::from_utf8(made.to_json()).unwrap();
    let other = &trainers.cohort(&id).unwrap().keys[5];
    assert!(
        !text.contains(&other.salt),
        "another trainee's salt travels"
    );
}

#[test]
fn a_signature_made_in_her_own_cercle_comes_back_and_verifies_on_the_trainers_side() {
    let (mut trainers, id) = trainers();
    let mut hers = her_cercle(&trainers, &id, 4);
    // A wrong code is refused at home as in the room.
    let wrong = seal::sign_own_line(
        hers.cohort_mut(&id).unwrap(),
        &half_day_id(1),
        &trainee(4),
        ("not-her-code", None),
        &mut Attempts::default(),
        [0; 16],
        at(8, 19, 0),
    );
    assert_eq!(wrong, Err(SheetError::Sign(signing::SignError::WrongCode)));
    signs_at_home(&mut hers, &id, 4);
    let received = her_bundle(&hers, &id, 4);
    assert_eq!(received.signatures.len(), 1);
    assert_eq!(received.version, bundle::VERSION);
    let plan = import(&trainers, received);
    assert_eq!(plan.signing.lines.len(), 1);
    assert_eq!(plan.signing.lines[0].outcome, Ok(()));
    assert_eq!(plan.signing.new_key, None, "her key was known already");
    assert!(!plan.is_empty());
    assert!(line_signed(&plan.data, &id, 4));
    trainers = plan.data;
    // The trainer seals: the record holds, her signature included.
    seal_as_trainer(&mut trainers, &id, 1, at(8, 22, 0));
    let problems = verify(&trainers, trainers.cohort(&id).unwrap());
    assert!(problems.is_empty(), "{problems:?}");
    // The same bundle again records nothing new.
    let again = import(&trainers, her_bundle(&hers, &id, 4));
    assert!(again.signing.is_empty(), "{:?}", again.signing);
}

#[test]
fn a_forged_or_altered_signature_is_refused_with_the_reason() {
    let (trainers, id) = trainers();
    let mut hers = her_cercle(&trainers, &id, 4);
    signs_at_home(&mut hers, &id, 4);
    let honest = her_bundle(&hers, &id, 4);

    // Altered on the way: signed at another time than the signature says (the bundle's hash
    // made again, as anyone can).
    let mut lines = honest.signatures.clone();
    lines[0].at += chrono::Duration::minutes(1);
    let altered = honest.clone().with_signing(honest.keys.clone(), lines);
    let plan = import(&trainers, altered);
    assert_eq!(plan.signing.lines[0].outcome, Err(SheetError::Forged));
    assert!(!line_signed(&plan.data, &id, 4));
    let said = preview::lines(&plan, Lang::En).join("\n");
    assert!(
        said.contains("signature refused, it does not match the line"),
        "{said}"
    );

    // Forged with a key made from another code, passed off as hers.
    let mut forger = Vec::new();
    let fake = signing::register(
        &mut forger,
        &trainee(4),
        "guessed",
        "guessed",
        [7; 16],
        CHEAP,
        at(8, 19, 0),
    )
    .unwrap();
    let mut lines = honest.signatures.clone();
    lines[0].key = signing::public_text(&fake);
    let sheet = &trainers.cohort(&id).unwrap().seminars[0].half_days[0];
    lines[0].sig = signing::sign_bytes(&fake, &seal::line_message(sheet, &trainee(4), &lines[0]));
    let passed_off = honest.clone().with_signing(forger.clone(), lines);
    let plan = import(&trainers, passed_off);
    assert_eq!(
        plan.signing.lines[0].outcome,
        Err(SheetError::WrongKey(trainee(4)))
    );
    assert_eq!(
        plan.signing.refused_key,
        Some(signing::fingerprint(&forger[0].public))
    );
    assert!(!line_signed(&plan.data, &id, 4));
    let said = preview::lines(&plan, Lang::Fr).join("\n");
    assert!(
        said.contains("elle n'a pas été faite avec sa clé enregistrée"),
        "{said}"
    );

    // A signature of a line the sheet does not say: absent here, or another status.
    let mut hers_absent = her_cercle(&trainers, &id, 2);
    let cohort = hers_absent.cohort_mut(&id).unwrap();
    cohort.seminars[0].half_days[0].marks[0].status = Status::Present;
    signs_at_home(&mut hers_absent, &id, 2);
    let plan = import(&trainers, her_bundle(&hers_absent, &id, 2));
    assert_eq!(
        plan.signing.lines[0].outcome,
        Err(SheetError::Absent(trainee(2)))
    );
    assert!(!line_signed(&plan.data, &id, 2));
    let mut hers_late = her_cercle(&trainers, &id, 5);
    let line = &mut hers_late.cohort_mut(&id).unwrap().seminars[0].half_days[0].marks[0];
    line.status = Status::Late;
    line.time = Some(crate::sign_rules::t(9, 40));
    signs_at_home(&mut hers_late, &id, 5);
    let plan = import(&trainers, her_bundle(&hers_late, &id, 5));
    assert!(
        matches!(
            plan.signing.lines[0].outcome,
            Err(SheetError::Differs { .. })
        ),
        "{:?}",
        plan.signing.lines
    );
    assert!(!line_signed(&plan.data, &id, 5));
    let said = preview::lines(&plan, Lang::En).join("\n");
    assert!(
        said.contains("they signed \"late 09:40\", the sheet says \"present\""),
        "{said}"
    );
}

#[test]
fn her_first_signature_at_home_registers_her_key_and_shows_its_fingerprint() {
    let (mut trainers, id) = trainers();
    trainers
        .cohort_mut(&id)
        .unwrap()
        .keys
        .retain(|k| k.person != trainee(6));
    let mut hers = her_cercle(&trainers, &id, 6);
    assert!(hers.cohort(&id).unwrap().keys.is_empty());
    // No code yet: her first signature chooses it, typed twice.
    let cohort = hers.cohort_mut(&id).unwrap();
    let first = seal::sign_own_line(
        cohort,
        &half_day_id(1),
        &trainee(6),
        (&code(6), None),
        &mut Attempts::default(),
        [3; 16],
        at(8, 19, 0),
    );
    assert_eq!(first, Err(SheetError::Sign(signing::SignError::NoKey)));
    let key = signing::register(
        &mut cohort.keys,
        &trainee(6),
        &code(6),
        &code(6),
        [3; 16],
        CHEAP,
        at(8, 19, 0),
    )
    .unwrap();
    seal::sign_line(
        &mut cohort.seminars[0].half_days[0],
        &trainee(6),
        &key,
        at(8, 19, 1),
    )
    .unwrap();
    let plan = import(&trainers, her_bundle(&hers, &id, 6));
    let fingerprint = signing::fingerprint(&signing::public_text(&key));
    assert_eq!(plan.signing.new_key.as_deref(), Some(fingerprint.as_str()));
    assert_eq!(plan.signing.lines[0].outcome, Ok(()));
    assert!(signing::active_key(&plan.data.cohort(&id).unwrap().keys, &trainee(6)).is_some());
    let said = preview::lines(&plan, Lang::En).join("\n");
    assert!(
        said.contains(&format!(
            "fingerprint {fingerprint}: confirm it with them in person"
        )),
        "{said}"
    );
    let problems = verify(&plan.data, plan.data.cohort(&id).unwrap());
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn in_her_own_cercle_g_signs_her_own_line_and_s_seals_nothing() {
    use cercle::app::App;
    use cercle::config::{Config, Role};
    let (trainers, id) = trainers();
    let hers = her_cercle(&trainers, &id, 4);
    let config = Config {
        lang: Lang::En,
        role: Some(Role::Trainee),
        me: Some(trainee(4)),
        ..Config::default()
    };
    let mut app = App::new(config, at(8, 19, 30));
    app.open(std::sync::Arc::new(hers));
    let seminar = app.data.cohort(&id).unwrap().seminars[0].id.clone();
    app.screen = cercle::app::screen::Screen::Modules;
    cercle::app::modules::open_roll_call(&mut app, seminar, half_day_id(1));
    // The cursor is on the first line, someone else's: S seals nothing, g signs hers.
    app.modules.roll.cursor = cercle::app::list::Cursor::default();
    crate::common::press(&mut app, "S");
    assert!(app.overlay.is_none());
    let notice = app
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(notice.contains("training team's to do"), "{notice}");
    crate::common::press(&mut app, &format!("g{}<Enter>", code(4)));
    assert!(line_signed(&app.data, &id, 4), "{:?}", app.notice);
    let back = her_bundle(&app.data, &id, 4);
    assert_eq!(import(&trainers, back).signing.lines[0].outcome, Ok(()));
}
