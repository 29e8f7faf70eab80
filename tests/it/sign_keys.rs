//! How many keys a roll call takes: 10 trainees, two exceptions (one absent, one late), the
//! nine present signing with their codes, and the seal. A measurement, printed with
//! `cargo test --test it sign_keys -- --nocapture`; the test checks that the keys counted do
//! take the roll, sign and seal.

use crate::common::{keys, press};
use crate::modules::today_app;
use cercle::app::modules::open_half_day;
use cercle::domain::Status;

#[test]
fn the_keys_of_a_ten_trainee_roll_call_with_two_exceptions_signatures_and_seal() {
    let mut app = today_app(false);
    app.config.me = Some(app.cohort().unwrap().trainers[0].clone());
    // Today's roll call, everyone present, Camille absent, Thomas late.
    let roll = "tPajjl";
    // Back to the top, past Camille; each present trainee signs and the cursor moves on.
    let codes = [
        "malik2026",
        "ines2026",
        "thomas2026",
        "lea2026",
        "romain2026",
        "aurelie2026",
        "samuel2026",
        "claire2026",
        "nathan2026",
    ];
    let signing = codes.iter().fold("<Home>j".to_owned(), |mut keys, c| {
        keys.push('g');
        keys.push_str(c);
        keys.push_str("<Enter>j");
        keys
    });
    let seal = "Shelene2026<Enter>";
    for part in [roll, signing.as_str(), seal] {
        press(&mut app, part);
    }
    let sheet = open_half_day(&app).unwrap().1.clone();
    assert!(sheet.signature.is_some(), "{:?}", app.notice);
    assert_eq!(sheet.seals.len(), 1);
    let signed = sheet.marks.iter().filter(|m| m.signed.is_some()).count();
    assert_eq!(signed, 9);
    let status = |s| sheet.marks.iter().filter(|m| m.status == s).count();
    assert_eq!((status(Status::Absent), status(Status::Late)), (1, 1));

    let typed_codes: usize = codes.iter().map(|c| c.len()).sum::<usize>() + "helene2026".len();
    let total = keys(roll).len() + keys(&signing).len() + keys(seal).len();
    eprintln!(
        "roll call keys: {} to mark (with the two exceptions), {} to sign (of which {} code characters typed by the trainees), {} to seal (of which 10 code characters); {} in all, {} without the codes",
        keys(roll).len(),
        keys(&signing).len(),
        typed_codes - 10,
        keys(seal).len(),
        total,
        total - typed_codes
    );
}
