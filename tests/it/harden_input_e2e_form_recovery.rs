//! End-to-end, in a real pseudo-terminal: the terminal hangs up (SIGHUP) while a form is half
//! typed. The form is kept in the recovery file with its text; the next start offers it back,
//! and the form opens again where it was, to be finished and saved.

use crate::common;

use cercle::app::kept::{recovered_form, recovery_json};
use cercle::app::{Action, Form, Overlay, Phase, Purpose, update};
use cercle::domain::PersonId;
use cercle::i18n::Lang;
use common::pty::{Session, read_json, sample_dirs};
use common::{press, sample_app};

const NAME: &str = "Zoé Recouvrée";

fn people(dir: &std::path::Path) -> Vec<(String, String)> {
    read_json(dir)["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let name = p["name"].as_str().unwrap_or_default().to_owned();
            (name, p["emails"][0].as_str().unwrap_or_default().to_owned())
        })
        .collect()
}

#[test]
fn a_form_half_typed_when_the_terminal_hangs_up_opens_again_at_the_next_start() {
    let (data, config) = sample_dirs("role = \"trainer\"\n");
    let dir = data.path();
    let before = std::fs::read(dir.join("cercle.json")).unwrap();
    let mut app = Session::start(dir, config.path(), &[]);
    app.wait_for("Modules (");
    app.send("3n");
    app.wait_for("New person");
    app.send(NAME);
    app.send("\tzoe@");
    app.wait_for("zoe@");

    app.signal("HUP");
    assert!(app.wait_exit().success());
    let kept = std::fs::read_to_string(dir.join(cercle::store::RECOVERY_FILE))
        .expect("the recovery file is written");
    assert!(
        kept.contains(NAME) && kept.contains("zoe@"),
        "the form's text is in the recovery file"
    );
    assert_eq!(
        std::fs::read(dir.join("cercle.json")).unwrap(),
        before,
        "the data file is left as it was"
    );

    let mut app = Session::start(dir, config.path(), &[]);
    app.wait_for("Cercle stopped unexpectedly last time.");
    app.send("y");
    app.wait_for("New person");
    app.wait_for(NAME);
    // The cursor is back in the email, after what was typed.
    app.send("exemple.fr\r");
    app.wait_for(&format!("add {NAME}"));
    app.wait_for("[saved]");
    app.send("q");
    assert!(app.wait_exit().success());
    assert!(
        people(dir).contains(&(NAME.to_owned(), "zoe@exemple.fr".to_owned())),
        "the person is saved as typed before and after the hangup: {:?}",
        people(dir)
    );
    assert!(!dir.join(cercle::store::RECOVERY_FILE).exists());
}

/// A form with choice fields (a tutor request) goes through the recovery file whole: its
/// purpose, each field's text and choice, where the focus was, and that it was typed in.
#[test]
fn a_kept_form_reads_back_whole_and_reopens_when_the_work_is_recovered() {
    let mut app = sample_app(Lang::En);
    app.config.me = Some(PersonId::new("p-nathan-perrin"));
    press(&mut app, "4nStatuts<Tab><Tab>");
    app.paste("Bonjour,\nvoici ma question");
    press(&mut app, "<Tab><Right><Right>");
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("no form open");
    };
    let json = recovery_json(&app.data, Some(form)).unwrap();

    // The data reads as ever: a reader of the data alone ignores the form.
    assert_eq!(cercle::store::from_json(&json).unwrap(), *app.data);
    let back = recovered_form(&json).expect("the form reads back");
    let texts = |form: &Form| -> Vec<(Vec<String>, usize)> {
        form.fields
            .iter()
            .map(|f| (f.input.lines().to_vec(), f.choice))
            .collect()
    };
    assert_eq!(texts(&back), texts(form));
    assert_eq!((back.focus, back.is_dirty()), (form.focus, true));
    assert!(matches!(back.purpose, Purpose::Tutoring(_)));
    let without = recovery_json(&app.data, None).unwrap();
    assert!(recovered_form(&without).is_none());

    // The next start: yes reopens the form; no drops it.
    for (answer, reopens) in [(Action::Yes, true), (Action::No, false)] {
        let mut next = sample_app(Lang::En);
        next.phase = Phase::Recovery(std::sync::Arc::clone(&app.data));
        next.kept_form = Some(Box::new(back.clone()));
        update(&mut next, answer);
        assert_eq!(matches!(next.overlay, Some(Overlay::Form(_))), reopens);
        assert!(next.kept_form.is_none());
    }
}
