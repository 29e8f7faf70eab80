//! Render tests: every screen, the help, a form, the welcome screen and the too-small message,
//! in French at 80×24 and in English at 120×40; and the monochrome theme for `NO_COLOR`.

use crate::common;

use cercle::app::{App, Screen};
use cercle::config::{Config, ThemeName};
use cercle::i18n::Lang;
use common::{now, press, render, render_buffer, sample_app, themed_app};
use ratatui::style::Color;

const LANGS: [(Lang, &str); 2] = [(Lang::En, "en"), (Lang::Fr, "fr")];

fn snap(name: &str, app: &App) {
    let (width, height) = common::snapshot_size(app.lang());
    insta::assert_snapshot!(
        format!("{name}_{width}x{height}"),
        render(app, width, height)
    );
}

#[test]
fn every_screen_in_both_languages() {
    for (lang, code) in LANGS {
        for screen in Screen::ALL {
            let mut app = sample_app(lang);
            press(&mut app, &(screen.index() + 1).to_string());
            snap(&format!("screen_{}_{code}", screen.index() + 1), &app);
        }
    }
}

#[test]
fn help_in_both_languages() {
    for (lang, code) in LANGS {
        let mut app = sample_app(lang);
        press(&mut app, "3?");
        snap(&format!("help_{code}"), &app);
    }
}

#[test]
fn a_form_with_an_inline_error() {
    for (lang, code) in LANGS {
        let mut app = sample_app(lang);
        press(&mut app, "3n<Tab>bad@<Enter>");
        snap(&format!("form_{code}"), &app);
    }
}

#[test]
fn welcome_screen() {
    for (lang, code) in LANGS {
        let mut app = App::new(
            Config {
                lang,
                ..Config::default()
            },
            now(),
        );
        app.welcome();
        snap(&format!("welcome_{code}"), &app);
    }
}

#[test]
fn too_small_message_and_tiny_sizes_never_panic() {
    for (lang, code) in LANGS {
        let app = sample_app(lang);
        insta::assert_snapshot!(format!("too_small_{code}"), render(&app, 20, 5));
    }
    let mut app = sample_app(Lang::Fr);
    for overlay in ["", "?", "3n", "3d", "c"] {
        press(&mut app, "<Esc><Esc>");
        press(&mut app, overlay);
        for width in [1, 2, 5, 19, 20, 49, 50, 51, 80] {
            for height in [1, 2, 5, 11, 12, 13, 24] {
                render(&app, width, height);
            }
        }
    }
}

#[test]
fn filtered_list_shows_the_filter_and_the_count() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "3/ar");
    insta::assert_snapshot!("contacts_filtered_80x24", render(&app, 80, 24));
}

#[test]
fn no_color_draws_without_colour_but_keeps_the_selection_visible() {
    let mut app = themed_app(Lang::En, ThemeName::Mono);
    press(&mut app, "3j");
    let buffer = render_buffer(&app, 80, 24);
    let mut reversed = 0;
    for cell in buffer.content() {
        assert_eq!(
            cell.fg,
            Color::Reset,
            "no foreground colour at {:?}",
            cell.symbol()
        );
        assert_eq!(cell.bg, Color::Reset, "no background colour");
        if cell.modifier.contains(ratatui::style::Modifier::REVERSED) {
            reversed += 1;
        }
    }
    assert!(
        reversed > 20,
        "the selected row and the active tab are in reverse video"
    );
    insta::assert_snapshot!("no_color_contacts_80x24", render(&app, 80, 24));
}

#[test]
fn hostile_text_renders_as_harmless_visible_characters() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "3");
    let data = std::sync::Arc::make_mut(&mut app.data);
    data.people[0].name = "Zoé \u{1b}[31m🌱東京\u{7}\u{202E}evil".into();
    app.refresh_rows();
    // Sorted by name, "Zoé" comes last.
    press(&mut app, "G");
    let screen = render(&app, 80, 24);
    assert!(
        !screen.contains('\u{1b}'),
        "no raw escape reaches the terminal"
    );
    assert!(screen.contains("Zoé ␛[31m🌱東京␇"), "{screen}");
}

#[test]
fn key_names_are_in_the_users_language() {
    let mut fr = sample_app(Lang::Fr);
    press(&mut fr, "3?");
    let help = render(&fr, 120, 40);
    for french in ["Entrée", "Échap", "Maj+Tab", "Pg. préc.", "Ctrl+r"] {
        assert!(help.contains(french), "{french} in:\n{help}");
    }
    for english in ["Enter", "Esc ", "Shift-Tab", "PgUp", "Ctrl-"] {
        assert!(!help.contains(english), "{english} in:\n{help}");
    }
    let mut en = sample_app(Lang::En);
    press(&mut en, "3?");
    let help = render(&en, 120, 40);
    assert!(
        help.contains("Enter") && help.contains("Shift-Tab"),
        "{help}"
    );
}

#[test]
fn a_first_look_shows_the_screens_and_says_it_is_opening() {
    for (lang, code) in LANGS {
        let config = Config {
            lang,
            role: Some(cercle::config::Role::Trainer),
            ..Config::default()
        };
        let mut app = App::new(config, now());
        app.glimpse(cercle::app::Prepared::new(cercle::sample::sample()));
        let shown = render(&app, 80, 24);
        let opening = if lang == Lang::Fr {
            "[ouverture…]"
        } else {
            "[opening…]"
        };
        assert!(shown.contains(opening), "{shown}");
        snap(&format!("glimpse_{code}"), &app);
        // Keys do nothing to data not yet whole: the event loop holds them till it is.
        let before = std::sync::Arc::clone(&app.data);
        assert!(press(&mut app, "stp").is_empty());
        assert!(std::sync::Arc::ptr_eq(&before, &app.data));
    }
}
