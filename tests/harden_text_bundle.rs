//! A bundle file carries control and bidi characters escaped.

use cercle::domain::{CohortId, PersonId};
use cercle::share::bundle::{self, Maker};
use cercle::share::records::Records;

const COHORT: &str = "c-na-2026";
const CAMILLE: &str = "p-camille-dubois";

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::UNIX_EPOCH
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
