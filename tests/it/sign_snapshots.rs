//! The signing mode of the roll call, in both languages: a trainee typing her code (hidden),
//! and the sheet once everyone present has signed and the trainer sealed it.

use crate::common::{press, render};
use crate::modules::today_app;
use cercle::i18n::Lang;

#[test]
fn signing_mode_in_both_languages() {
    for (lang, code) in [(Lang::En, "en"), (Lang::Fr, "fr")] {
        let mut app = today_app(false);
        app.config.lang = lang;
        app.config.me = Some(app.cohort().unwrap().trainers[0].clone());
        // Everyone present, Camille absent, then Malik types his code.
        press(&mut app, "tPakjgmalik20");
        let typing = render(&app, 80, 24);
        assert!(!typing.contains("malik20"), "the code is hidden as typed");
        insta::assert_snapshot!(format!("sign_typing_a_code_{code}"), typing);
        press(&mut app, "26<Enter>j");
        for name in [
            "ines", "thomas", "lea", "romain", "aurelie", "samuel", "claire", "nathan",
        ] {
            press(&mut app, &format!("g{name}2026<Enter>j"));
        }
        press(&mut app, "Shelene2026<Enter>");
        insta::assert_snapshot!(
            format!("sign_signed_and_sealed_{code}"),
            render(&app, 120, 40)
        );
    }
}

#[test]
fn the_history_view_in_both_languages() {
    for (lang, code) in [(Lang::En, "en"), (Lang::Fr, "fr")] {
        let mut app = today_app(false);
        app.config.lang = lang;
        app.config.me = Some(app.cohort().unwrap().trainers[0].clone());
        press(&mut app, "tPHk");
        let none = render(&app, 80, 24);
        press(&mut app, "<Esc>Shelene2026<Enter>");
        // After the seal: Camille was late at 09:40, not present.
        press(&mut app, "lcame in at 09:40<Enter>H");
        let shown = render(&app, 120, 40);
        assert!(shown.contains("→"), "{shown}");
        insta::assert_snapshot!(format!("sign_history_view_{code}"), shown);
        assert!(
            none.contains("No correction") || none.contains("Aucune correction"),
            "{none}"
        );
    }
}
