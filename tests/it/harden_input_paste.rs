//! A paste from the terminal is text for the field being typed in, never keys: line breaks stay
//! in a note and become spaces elsewhere, command letters are letters, control characters never
//! reach the screen, a field holds no more than its limit, and with nothing to type in the paste
//! is ignored with a word in the status line.

use crate::common;

use cercle::app::form::{FieldKind, LINE_LIMIT, NOTE_LIMIT};
use cercle::app::paste::FILTER_LIMIT;
use cercle::app::{App, Overlay, Screen};
use cercle::domain::PersonId;
use cercle::domain::text::is_unsafe;
use cercle::i18n::{Lang, Msg};
use common::{press, render, sample_app};

const QUESTION: &str = "Bonjour,\nvoici ma question e u q";

/// A trainee's tutor request form, the description (a note) focused.
fn asking(lang: Lang) -> App {
    let mut app = sample_app(lang);
    app.config.me = Some(PersonId::new("p-nathan-perrin"));
    press(&mut app, "4n");
    press(&mut app, "Statuts<Tab><Tab>");
    assert_eq!(focused(&app).1, FieldKind::Note);
    app
}

/// The focused field's lines and kind.
fn focused(app: &App) -> (Vec<String>, FieldKind) {
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("no form open");
    };
    let field = &form.fields[form.focus];
    (field.input.lines().to_vec(), field.kind)
}

fn notice(app: &App) -> (bool, String) {
    let notice = app.notice.clone().expect("a notice");
    (notice.error, notice.text)
}

#[test]
fn a_paste_lands_whole_in_a_note_and_no_letter_runs_as_a_command() {
    let mut app = asking(Lang::En);
    let data = app.data.clone();
    app.paste(QUESTION);
    assert_eq!(focused(&app).0, ["Bonjour,", "voici ma question e u q"]);
    assert!(matches!(app.overlay, Some(Overlay::Form(_))), "still open");
    assert_eq!(app.data, data, "nothing saved, nothing undone");
    assert_eq!(app.screen, Screen::Tutoring);
    assert!(app.notice.is_none(), "{:?}", app.notice);

    // Saved as typed, the line break included.
    press(&mut app, "<Enter>");
    let asked = app.cohort().unwrap().tutor_requests.last().unwrap();
    assert_eq!(asked.description, QUESTION);
}

#[test]
fn a_paste_goes_in_at_the_cursor_and_windows_line_breaks_are_one_break() {
    let mut app = asking(Lang::En);
    press(&mut app, "ab<Left>");
    app.paste("1\r\n2\r3");
    assert_eq!(focused(&app).0, ["a1", "2", "3b"]);
}

#[test]
fn in_a_one_line_field_line_breaks_become_spaces() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "3n");
    assert_eq!(focused(&app).1, FieldKind::Required);
    app.paste("Zoé\r\nMartin\tDubois\n");
    assert_eq!(focused(&app).0, ["Zoé Martin Dubois "]);
}

#[test]
fn control_characters_and_escape_sequences_never_reach_the_screen() {
    let mut app = asking(Lang::En);
    app.paste("a\u{1b}]52;c;aGk=\u{7}b\u{1b}[2J\u{202e}c\u{0}\u{9b}d\u{7f}");
    let (lines, _) = focused(&app);
    assert_eq!(lines, ["a]52;c;aGk=b[2Jcd"]);
    let screen = render(&app, 80, 24);
    assert!(
        !screen.chars().any(|c| c != '\n' && is_unsafe(c)),
        "{screen:?}"
    );
}

#[test]
fn a_paste_while_filtering_goes_into_the_filter() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "3/");
    app.paste("Camille\n");
    assert_eq!(app.listing(Screen::Contacts).filter, "Camille ");
    assert!(app.filtering);
    assert!(!app.listing(Screen::Contacts).rows.is_empty());
}

#[test]
fn with_no_text_field_open_a_paste_is_ignored_and_the_status_line_says_so() {
    for (lang, said) in [
        (Lang::En, "Pasted text ignored"),
        (Lang::Fr, "Texte collé ignoré"),
    ] {
        let mut app = sample_app(lang);
        let filter = |app: &App| app.listing(app.screen).filter.clone();
        let before = (app.data.clone(), app.screen, filter(&app));
        app.paste("3neuq");
        assert_eq!((app.data.clone(), app.screen, filter(&app)), before);
        assert!(app.overlay.is_none());
        let (error, text) = notice(&app);
        assert!(!error && text.starts_with(said), "{text}");
    }
}

#[test]
fn a_choice_field_takes_no_paste() {
    let mut app = asking(Lang::En);
    press(&mut app, "<Tab>");
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("no form open");
    };
    let chosen = form.fields[form.focus].choice;
    app.paste("urgent");
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the form closed");
    };
    assert_eq!(form.fields[form.focus].choice, chosen);
    assert!(notice(&app).1.contains("ignored"));
}

#[test]
fn a_note_keeps_what_fits_under_its_limit_and_says_the_rest_was_left_out() {
    for (lang, said) in [
        (
            Lang::En,
            "Only the first 100\u{202f}000 characters were pasted",
        ),
        (
            Lang::Fr,
            "Seuls les 100\u{202f}000 premiers caractères ont été collés",
        ),
    ] {
        let mut app = asking(lang);
        press(&mut app, "ab");
        app.paste(&"é\n".repeat(NOTE_LIMIT));
        let Some(Overlay::Form(form)) = &app.overlay else {
            panic!("no form open");
        };
        let field = &form.fields[form.focus];
        assert_eq!(field.char_count(), NOTE_LIMIT);
        assert!(field.input.lines()[0].starts_with("abé"));
        let (error, text) = notice(&app);
        assert!(error && text.starts_with(said), "{text}");

        // Full: a typed letter is refused too.
        app.notice = None;
        press(&mut app, "z");
        assert_eq!(
            focused(&app)
                .0
                .concat()
                .chars()
                .filter(|&c| c == 'z')
                .count(),
            0
        );
        assert!(notice(&app).1.contains("100\u{202f}000"));
    }
}

#[test]
fn a_one_line_field_and_a_filter_have_their_limits_too() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "3n");
    app.paste(&"x".repeat(LINE_LIMIT + 1));
    assert_eq!(focused(&app).0[0].len(), LINE_LIMIT);
    assert!(notice(&app).1.contains("1\u{202f}000"));

    let mut app = sample_app(Lang::En);
    press(&mut app, "3/");
    app.paste(&"y".repeat(FILTER_LIMIT * 2));
    assert_eq!(app.listing(Screen::Contacts).filter.len(), FILTER_LIMIT);
    press(&mut app, "z");
    assert_eq!(app.listing(Screen::Contacts).filter.len(), FILTER_LIMIT);
    assert!(notice(&app).0);
}

#[test]
fn text_from_the_editor_is_held_to_the_limit_too() {
    let mut app = asking(Lang::En);
    app.editor_done(Ok("long ".repeat(NOTE_LIMIT)));
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("no form open");
    };
    assert_eq!(form.fields[form.focus].char_count(), NOTE_LIMIT);
    assert!(
        notice(&app)
            .1
            .contains(Msg::FieldFull.text(Lang::En).split(':').next().unwrap())
    );
}
