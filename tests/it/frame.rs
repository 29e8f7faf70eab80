//! A frame that keeps what matters: footer hints whole or not at all, the most useful first and
//! `?` last; the header keeps the cohort's full name and the user's; columns end with "…" at a
//! word; status messages expire.

use crate::common::{press, render, sample_app};
use crate::modules::today_app;
use cercle::app::App;
use cercle::domain::PersonId;
use cercle::i18n::Lang;

fn roll_call(lang: Lang) -> App {
    let mut app = today_app(false);
    app.config.lang = lang;
    app.config.me = Some(PersonId::new("p-helene-marchetti"));
    press(&mut app, "t");
    app
}

fn footer(screen: &str) -> &str {
    screen.lines().last().unwrap_or_default()
}

#[test]
fn the_roll_calls_footer_shows_the_seal_key_whole_at_80_columns() {
    for (lang, sign) in [
        (Lang::Fr, "S sceller la feuille"),
        (Lang::En, "S seal the sheet"),
    ] {
        for (width, height) in [(80, 24), (120, 40)] {
            let app = roll_call(lang);
            let screen = render(&app, width, height);
            let footer = footer(&screen);
            assert!(footer.contains(sign), "{footer}");
            assert!(
                footer
                    .trim_end()
                    .ends_with(if lang == Lang::Fr { "? aide" } else { "? help" }),
                "{footer}"
            );
            let name = format!("roll_call_footer_{lang:?}_{width}x{height}");
            insta::assert_snapshot!(name, screen);
        }
    }
}

#[test]
fn footer_hints_are_never_cut_in_the_middle() {
    for width in [50u16, 64, 80, 100] {
        for lang in [Lang::Fr, Lang::En] {
            let mut app = roll_call(lang);
            for keys in ["", "<Esc>", "<Esc><Esc>", "2", "3", "4", "3e"] {
                press(&mut app, keys);
                let screen = render(&app, width, 24);
                let footer = footer(&screen);
                // Every hint drawn is one of the table's, whole: its label ends before the gap.
                assert!(footer.chars().count() <= usize::from(width), "{footer}");
                let help = if lang == Lang::Fr { "? aide" } else { "? help" };
                if !keys.ends_with('e') {
                    assert!(footer.trim_end().ends_with(help), "{width}: {footer}");
                }
            }
        }
    }
}

#[test]
fn the_header_keeps_the_cohorts_full_name_and_mine_at_80_columns() {
    let mut app = sample_app(Lang::Fr);
    app.config.me = Some(PersonId::new("p-helene-marchetti"));
    let cohort = app.cohort().unwrap().name.clone();
    let screen = render(&app, 80, 24);
    let header = screen.lines().next().unwrap();
    assert!(header.contains(&cohort), "{header}");
    assert!(header.contains("Hélène Marchetti"), "{header}");
    // The programme's name gave way, ending with "…", or went.
    assert!(!header.contains(&app.data.programme.title), "{header}");
    let wide = render(&app, 200, 50);
    assert!(
        wide.lines()
            .next()
            .unwrap()
            .contains(&app.data.programme.title)
    );
}

#[test]
fn the_status_stays_next_to_its_name_on_a_wide_terminal() {
    let mut app = roll_call(Lang::En);
    press(&mut app, "p");
    let screen = render(&app, 200, 50);
    let line = screen
        .lines()
        .find(|l| l.contains("Camille Dubois"))
        .unwrap();
    let name = line.find("Camille Dubois").unwrap();
    let status = line.find("present").unwrap();
    assert!(status - name < 36, "{line}");
}

#[test]
fn a_cut_value_ends_with_an_ellipsis_at_a_word() {
    let mut app = sample_app(Lang::Fr);
    press(&mut app, "2x");
    let screen = render(&app, 80, 24);
    assert!(screen.contains("un à plusieurs"), "{screen}");
    for line in screen.lines().filter(|l| l.contains("/2026")) {
        // Each cell ends whole or with "…": no word cut by the column's end.
        assert!(!line.contains("plusieu "), "{line}");
    }
    assert!(
        screen.contains('…'),
        "the long cells say they were cut: {screen}"
    );
}

#[test]
fn status_messages_expire_after_a_few_seconds_or_at_the_next_screen() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "u");
    assert!(app.notice.is_some(), "nothing to undo, it says");
    let later = app.now + chrono::TimeDelta::seconds(2);
    app.set_now(later);
    assert!(app.notice.is_some(), "still there after 2 s");
    app.set_now(later + chrono::TimeDelta::seconds(10));
    assert!(app.notice.is_none(), "gone after a few seconds");
    press(&mut app, "u");
    assert!(app.notice.is_some());
    press(&mut app, "2");
    assert!(app.notice.is_none(), "gone with the screen");
}

#[test]
fn the_circle_at_50x12_falls_back_to_the_list_and_says_so() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = sample_app(lang);
        app.config.me = Some(app.cohort().unwrap().trainees[1].clone());
        app.size = (50, 12);
        press(&mut app, "2");
        assert!(cercle::app::circle::shows_list(&app));
        let screen = render(&app, 50, 12);
        let why = if lang == Lang::Fr {
            "en liste"
        } else {
            "a list"
        };
        assert!(screen.contains(why), "{screen}");
        insta::assert_snapshot!(format!("circle_fallback_{lang:?}_50x12"), screen);
        // With room, the drawing comes back, and marks me.
        for (width, height) in [(80, 24), (120, 40)] {
            app.size = (width, height);
            let screen = render(&app, width, height);
            let me = if lang == Lang::Fr { "(moi)" } else { "(me)" };
            assert!(!screen.contains(why), "{screen}");
            assert!(screen.contains(me), "{screen}");
            insta::assert_snapshot!(format!("circle_me_{lang:?}_{width}x{height}"), screen);
        }
    }
}

#[test]
fn without_braille_the_circle_is_a_list_that_says_why() {
    let mut app = sample_app(Lang::En);
    app.config.braille = Some(false);
    app.size = (120, 40);
    press(&mut app, "2");
    let screen = render(&app, 120, 40);
    assert!(screen.contains("cannot draw the circle"), "{screen}");
    assert!(!screen.contains('⠀') && !screen.contains('⣿'));
    assert!(!cercle::config::guess_braille(
        Some("linux"),
        Some("fr_FR.UTF-8")
    ));
    assert!(!cercle::config::guess_braille(
        Some("xterm-256color"),
        Some("C")
    ));
    assert!(cercle::config::guess_braille(
        Some("xterm-256color"),
        Some("fr_FR.UTF-8")
    ));
}
