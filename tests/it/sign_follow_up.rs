//! The follow-up list as evidence an auditor can read: each concern with the absences behind
//! it and the threshold in force, and the follow-ups logged, read back per trainee.

use crate::common::{press, render, sample_app};
use cercle::app::modules::follow_ups;
use cercle::domain::rollcall::Attention;
use cercle::i18n::Lang;

#[test]
fn a_concern_shows_its_absences_and_the_threshold_and_follow_ups_are_read_back() {
    let mut app = sample_app(Lang::En);
    app.config.me = Some(app.cohort().unwrap().trainers[0].clone());
    press(&mut app, "f");
    let items = follow_ups(&app);
    let at = items
        .iter()
        .position(|i| matches!(i, Attention::Trainee { absences, .. } if !absences.is_empty()))
        .expect("the sample has a trainee to follow up");
    let Attention::Trainee { absences, .. } = &items[at] else {
        unreachable!()
    };
    let first = absences[0].date.format("%d/%m").to_string();
    let shown = render(&app, 120, 40);
    assert!(shown.contains("threshold 80 %"), "{shown}");
    assert!(shown.contains(&first), "{shown}");
    app.modules.follow.cursor.selected = at;
    press(&mut app, "L");
    let before = render(&app, 120, 40);
    assert!(before.contains("Follow-ups logged"), "{before}");
    assert!(!before.contains("called, back on Monday"), "{before}");
    // The form opens on the outcome, its first text field.
    press(&mut app, "<Esc><Enter>called, back on Monday<Enter>");
    press(&mut app, "<Enter>met at the seminar<Enter>");
    press(&mut app, "L");
    let listed = render(&app, 120, 40);
    assert!(
        listed.contains("Hélène Marchetti · phone: called, back on Monday"),
        "{listed}"
    );
    assert!(listed.contains("met at the seminar"), "{listed}");
}
