//! A read-only session opens no form it could not save: it says why at once, before anything
//! is typed, instead of refusing the whole form at the end. A copy saved elsewhere (`W`) still
//! opens, since it writes nowhere near the data.

use crate::common;

use cercle::app::{App, Overlay, Purpose, SaveState};
use cercle::domain::PersonId;
use cercle::i18n::Lang;
use common::{press, sample_app};

/// Keys that open a form, or a choice that leads to one, each from the main screens.
const OPENERS: [(&str, &str); 8] = [
    ("new person", "3n"),
    ("edit a person", "3e"),
    ("import contacts", "3I"),
    ("new seminar", "1n"),
    ("new offer or request", "2on"),
    ("enrol a trainee (a choice first)", "2a"),
    ("ask for tutoring", "4n"),
    ("import a bundle", "B"),
];

fn app(lang: Lang, read_only: bool) -> App {
    let mut app = sample_app(lang);
    app.config.me = Some(PersonId::new("p-nathan-perrin"));
    if read_only {
        app.save = SaveState::ReadOnly("another Cercle (pid 4242) has this data open".into());
    }
    app
}

#[test]
fn a_read_only_session_opens_no_form_and_says_why_at_once() {
    for (what, keys) in OPENERS {
        let mut writable = app(Lang::En, false);
        press(&mut writable, keys);
        assert!(
            matches!(
                writable.overlay,
                Some(Overlay::Form(_) | Overlay::Choice(_))
            ),
            "{what}: the keys open a form when the data can be saved"
        );

        for (lang, said) in [
            (
                Lang::En,
                "This form does not open: the data is open read-only",
            ),
            (
                Lang::Fr,
                "Ce formulaire ne s'ouvre pas\u{a0}: les données sont ouvertes en lecture seule",
            ),
        ] {
            let mut app = app(lang, true);
            let before = app.data.clone();
            press(&mut app, keys);
            assert!(app.overlay.is_none(), "{what}: {:?}", app.overlay);
            let notice = app.notice.clone().expect("a notice");
            assert!(notice.error, "{what}");
            assert!(
                notice.text.starts_with(said) && notice.text.contains("pid 4242"),
                "{what}: {}",
                notice.text
            );
            // What would have been typed into the form now runs as keys: nothing changes.
            press(&mut app, "Zoé<Enter>");
            assert_eq!(app.data, before, "{what}");
        }
    }
}

#[test]
fn a_copy_elsewhere_still_opens_read_only() {
    let mut app = app(Lang::En, true);
    press(&mut app, "W");
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the copy's form opens: {:?}", app.notice);
    };
    assert_eq!(form.purpose, Purpose::SaveCopy);
}
