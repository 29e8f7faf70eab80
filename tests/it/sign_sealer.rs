//! `S` seals as who I am; when that is not set it asks which of the cohort's trainers seals,
//! and the seal carries the one chosen, never the planned trainer's name in her place.

use crate::circle::notice;
use crate::common::{press, render};
use crate::modules::today_app;
use cercle::app::modules::open_half_day;
use cercle::app::{App, Overlay};
use cercle::domain::PersonId;
use cercle::i18n::Lang;

/// The roll call of today's sample half-day, everyone present, nobody said who they are.
fn unknown_user(lang: Lang) -> App {
    let mut app = today_app(false);
    app.config.lang = lang;
    app.config.me = None;
    press(&mut app, "tP");
    app
}

#[test]
fn sealing_without_who_i_am_asks_which_trainer_in_both_languages() {
    for (lang, code, question) in [
        (Lang::En, "en", "Who seals this sheet?"),
        (Lang::Fr, "fr", "Qui scelle cette feuille\u{a0}?"),
    ] {
        let mut app = unknown_user(lang);
        press(&mut app, "S");
        assert!(
            matches!(app.overlay, Some(Overlay::Choice(_))),
            "S asks who seals, it does not open a code form: {}",
            notice(&app)
        );
        let shown = render(&app, 80, 24);
        assert!(shown.contains(question), "{shown}");
        for name in ["Hélène Marchetti", "Sabine Roux", "Yannick Le Goff"] {
            assert!(shown.contains(name), "{name} is offered: {shown}");
        }
        insta::assert_snapshot!(format!("sign_sealer_chooser_{code}"), shown);
        // Esc: nothing sealed, nobody chosen for her.
        press(&mut app, "<Esc>");
        assert!(app.overlay.is_none());
        assert!(open_half_day(&app).unwrap().1.seals.is_empty());
    }
}

#[test]
fn a_substitute_chosen_seals_as_herself_not_as_the_planned_trainer() {
    let mut app = unknown_user(Lang::En);
    let planned = open_half_day(&app).unwrap().0.trainer.clone();
    assert_eq!(planned, PersonId::new("p-helene-marchetti"));
    // By name: Hélène, Sabine, Yannick. Yannick is third.
    press(&mut app, "S<Down><Down><Enter>");
    let form = render(&app, 120, 40);
    assert!(
        form.contains("Seal the sheet as Yannick Le Goff"),
        "the form says who seals: {form}"
    );
    // His first signature: the code typed twice registers his key.
    press(&mut app, "yannick2026<Enter>yannick2026<Enter>");
    let seals = &open_half_day(&app).unwrap().1.seals;
    assert_eq!(seals.len(), 1, "{}", notice(&app));
    assert_eq!(seals[0].by, PersonId::new("p-yannick-le-goff"));
    assert_ne!(seals[0].by, planned);
    assert!(notice(&app).contains("Yannick Le Goff"), "{}", notice(&app));
    assert!(!notice(&app).contains("Hélène"), "{}", notice(&app));
}
