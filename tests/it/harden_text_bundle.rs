//! A trainee's bundle changes only what is hers: in an exchange, her own place among the
//! people and nobody else's. And a bundle file carries control and bidi characters escaped.

use cercle::domain::{CohortId, Data, PersonId};
use cercle::share::bundle::{self, Maker};
use cercle::share::import::{Effect, Importer, Plan, plan};
use cercle::share::records::Records;

const COHORT: &str = "c-na-2026";
const CAMILLE: &str = "p-camille-dubois";

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::UNIX_EPOCH
}

/// Who took part, in order of id: the merge keeps people as a set.
fn people_of(data: &Data, exchange: &str) -> Option<Vec<String>> {
    let cohort = data.cohort(&CohortId::new(COHORT))?;
    let exchange = cohort
        .exchanges
        .iter()
        .find(|e| e.id.as_str() == exchange)?;
    let mut people: Vec<String> = exchange.people.iter().map(ToString::to_string).collect();
    people.sort();
    Some(people)
}

fn set_people(data: &mut Data, exchange: &str, people: &[&str]) {
    let cohort = data
        .cohorts
        .iter_mut()
        .find(|c| c.id.as_str() == COHORT)
        .unwrap();
    let exchange = cohort
        .exchanges
        .iter_mut()
        .find(|e| e.id.as_str() == exchange)
        .unwrap();
    exchange.people = people.iter().map(|p| PersonId::new(*p)).collect();
}

/// The trainers' sample, and Camille's machine after importing the trainers' bundle, with
/// what she received from them (the base of her bundle back).
fn camille_machine() -> (Data, Data, Records) {
    let trainers = cercle::sample::sample();
    let cohort = trainers.cohort(&CohortId::new(COHORT)).unwrap();
    let maker = Maker {
        id: PersonId::new("p-helene-marchetti"),
        name: "Hélène Marchetti".into(),
    };
    let camille = PersonId::new(CAMILLE);
    let to_her = bundle::for_trainee(&trainers, cohort, &camille, maker, now(), &Records::new());
    let importer = Importer {
        me: Some(&camille),
        trainer: false,
        ours: "ici".into(),
        now: now(),
    };
    let hers = plan(None, to_her, &Records::new(), &importer).unwrap();
    (trainers.clone(), hers.data, hers.received)
}

/// The trainers import the bundle Camille makes on her machine.
fn back_to_trainers(trainers: &Data, hers: &Data, received: &Records) -> Plan {
    let cohort = hers.cohort(&CohortId::new(COHORT)).unwrap();
    let back = bundle::for_trainers(hers, cohort, &PersonId::new(CAMILLE), now(), received);
    let importer = Importer {
        me: None,
        trainer: true,
        ours: "this machine".into(),
        now: now(),
    };
    plan(Some(trainers), back, &Records::new(), &importer).unwrap()
}

#[test]
fn a_trainee_may_add_or_remove_herself_in_an_exchange_and_nobody_else() {
    let (trainers, mut hers, received) = camille_machine();
    assert_eq!(
        people_of(&trainers, "e-na26-02").unwrap(),
        [
            CAMILLE,
            "p-malik-benali",
            "p-romain-delmas",
            "p-samuel-ndiaye"
        ]
    );
    // She drops two peers from an exchange she took part in and adds a third; joins an
    // exchange she was not in, bringing a peer along.
    set_people(
        &mut hers,
        "e-na26-02",
        &["p-romain-delmas", CAMILLE, "p-ines-garnier"],
    );
    set_people(
        &mut hers,
        "e-na26-01",
        &[
            "p-aurelie-chabot",
            "p-ines-garnier",
            CAMILLE,
            "p-malik-benali",
        ],
    );
    let done = back_to_trainers(&trainers, &hers, &received);
    assert_eq!(
        people_of(&done.data, "e-na26-02").unwrap(),
        [
            CAMILLE,
            "p-malik-benali",
            "p-romain-delmas",
            "p-samuel-ndiaye"
        ],
        "nobody else's place changes"
    );
    assert_eq!(
        people_of(&done.data, "e-na26-01").unwrap(),
        ["p-aurelie-chabot", CAMILLE, "p-ines-garnier"],
        "she joins, alone"
    );
    assert!(
        done.ignored
            .iter()
            .any(|c| c.effect == Effect::Changed(vec!["people".into()])),
        "the preview says what was not followed: {:?}",
        done.ignored
    );
}

#[test]
fn a_trainee_who_leaves_an_exchange_leaves_it_to_the_others() {
    let (trainers, mut hers, received) = camille_machine();
    set_people(
        &mut hers,
        "e-na26-02",
        &["p-romain-delmas", "p-malik-benali", "p-samuel-ndiaye"],
    );
    let done = back_to_trainers(&trainers, &hers, &received);
    assert_eq!(
        people_of(&done.data, "e-na26-02").expect("the exchange stays for the others"),
        ["p-malik-benali", "p-romain-delmas", "p-samuel-ndiaye"],
        "she is out, the others stay"
    );
}

#[test]
fn a_bundle_file_carries_control_and_bidi_characters_escaped_and_reads_back_the_same() {
    let mut data = cercle::sample::sample();
    let hostile = "Camille\u{202e}ecnarF\u{9b}31m\u{85}\u{1b}]52;c;aGk=\u{7}\u{7f}";
    let camille = data
        .people
        .iter_mut()
        .find(|p| p.id.as_str() == CAMILLE)
        .unwrap();
    hostile.clone_into(&mut camille.name);
    let cohort = data.cohort(&CohortId::new(COHORT)).unwrap();
    let maker = Maker {
        id: PersonId::new("p-helene-marchetti"),
        name: hostile.into(),
    };
    let made = bundle::for_trainee(
        &data,
        cohort,
        &PersonId::new(CAMILLE),
        maker,
        now(),
        &Records::new(),
    );
    let bytes = made.to_json();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let raw: Vec<char> = text
        .chars()
        .filter(|&c| cercle::domain::text::is_unsafe(c) && c != '\n')
        .collect();
    assert!(raw.is_empty(), "raw in the bundle: {raw:?}");
    assert!(
        text.contains("\\u202e") && text.contains("\\u009b"),
        "escaped"
    );
    let back = bundle::Bundle::parse(&bytes).expect("the escaped bundle reads and its hash holds");
    assert_eq!(back, made);
}

#[test]
fn the_copy_kept_of_a_bundle_is_escaped_too_and_reads_back_the_same() {
    use cercle::share::received::{self, Side};
    let hostile = "Zoé\u{202e}\u{9b}31m\u{85}\u{1b}]0;x\u{7}";
    let mut records = Records::new();
    records.insert(
        format!("person:{CAMILLE}"),
        serde_json::json!({ "name": hostile }),
    );
    let bytes = received::to_keep("sha256:x", &records, &Records::new());
    let text = String::from_utf8(bytes.clone()).unwrap();
    let raw: Vec<char> = text
        .chars()
        .filter(|&c| cercle::domain::text::is_unsafe(c))
        .collect();
    assert!(raw.is_empty(), "raw in the copy kept: {raw:?}");
    let tmp = tempfile::tempdir().unwrap();
    let cohort = CohortId::new(COHORT);
    let path = received::path_for(tmp.path(), &cohort, Side::Trainers);
    received::keep(&path, &bytes).unwrap();
    assert_eq!(received::last(tmp.path(), &cohort, Side::Trainers), records);
}
