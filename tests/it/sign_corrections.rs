//! What the trainer records beside the signatures, from the roll call's keys, each with a
//! reason and never erased: "signature manquante", a code reset, a correction after the seal
//! and its withdrawal; the sheet sealed again after them, and `verify` still passes.

use crate::circle::notice;
use crate::common::{press, render};
use crate::modules::today_app;
use cercle::app::App;
use cercle::app::modules::open_half_day;
use cercle::domain::Status;
use cercle::domain::audit::verify;
use cercle::domain::signing::active_key;

fn sheet(app: &App) -> cercle::domain::HalfDay {
    open_half_day(app).unwrap().1.clone()
}

#[test]
fn a_missing_signature_a_code_reset_and_a_withdrawn_correction_each_keep_their_reason() {
    let mut app = today_app(false);
    app.config.me = Some(app.cohort().unwrap().trainers[0].clone());
    press(&mut app, "tP");
    let camille = sheet(&app).marks[0].trainee.clone();
    // Camille forgot her code: her line says why it is unsigned.
    press(&mut app, "M<Enter>");
    assert!(
        sheet(&app).marks[0].missing_signature.is_none(),
        "a reason is needed"
    );
    press(&mut app, "code oublié<Enter>");
    let missing = sheet(&app)
        .mark_of(&camille)
        .unwrap()
        .missing_signature
        .clone();
    assert_eq!(missing.unwrap().reason, "code oublié");
    assert!(render(&app, 120, 40).contains("signature missing"));
    // Malik's code is reset, with why.
    let malik = app
        .cohort()
        .unwrap()
        .active_trainees()
        .nth(1)
        .unwrap()
        .clone();
    press(&mut app, "jKforgot it at home<Enter>");
    let keys = &app.cohort().unwrap().keys;
    assert!(active_key(keys, &malik).is_none());
    let reset = keys
        .iter()
        .find(|k| k.person == malik)
        .unwrap()
        .reset
        .clone();
    assert_eq!(reset.unwrap().reason, "forgot it at home");

    // Sealed, then Camille's mark corrected with a reason, then sealed again.
    press(&mut app, "Shelene2026<Enter>");
    assert_eq!(sheet(&app).seals.len(), 1, "{}", notice(&app));
    press(&mut app, "S");
    assert!(
        notice(&app).contains("nothing was corrected since"),
        "{}",
        notice(&app)
    );
    press(&mut app, "<Home>aleft before the start<Enter>");
    assert_eq!(sheet(&app).history.len(), 1);
    press(&mut app, "Shelene2026<Enter>");
    assert_eq!(sheet(&app).seals.len(), 2, "{}", notice(&app));
    let cohort = app.data.current().unwrap();
    assert!(verify(&app.data, cohort).is_empty());

    // The correction withdrawn from the history, with why: one more entry, none erased.
    press(&mut app, "H");
    let listed = render(&app, 120, 40);
    assert!(
        listed.contains("present → absent · left before"),
        "{listed}"
    );
    assert!(listed.contains("Malik Benali: code reset"), "{listed}");
    press(&mut app, "<Enter>mistaken line<Enter>");
    let history = sheet(&app).history;
    assert_eq!(history.len(), 2);
    assert_eq!(history[1].withdraws, Some(0));
    assert_eq!(history[1].reason, "mistaken line");
    assert_eq!(
        sheet(&app).mark_of(&camille).unwrap().status,
        Status::Present
    );
    // Undo never takes the withdrawal back.
    press(&mut app, "u");
    assert_eq!(sheet(&app).history.len(), 2);
    // A withdrawn correction is not withdrawn twice.
    press(&mut app, "H<Enter>");
    assert!(app.overlay.is_none());
    press(&mut app, "Shelene2026<Enter>");
    assert_eq!(sheet(&app).seals.len(), 3, "{}", notice(&app));
    let cohort = app.data.current().unwrap();
    let problems = verify(&app.data, cohort);
    assert!(problems.is_empty(), "{problems:?}");
}
