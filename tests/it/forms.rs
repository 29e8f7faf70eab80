//! Forms that never surprise: where a form opens, what letters do on a choice, pre-filled
//! values, Ctrl-u, the first field in error, lookups and their candidates, dates without a
//! year, and a wrong path that keeps what was typed.

use crate::common::{keys, now, press, render, sample_app};
use cercle::app::form::{Field, FieldKind, Form, Typed};
use cercle::app::{Effect, Overlay};
use cercle::i18n::{Lang, Msg};

fn form(app: &cercle::app::App) -> &cercle::app::Form {
    match &app.overlay {
        Some(Overlay::Form(form)) => form,
        other => panic!("a form, not {other:?}"),
    }
}

fn notice(app: &cercle::app::App) -> String {
    app.notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

#[test]
fn a_form_whose_first_field_is_a_choice_keeps_it_and_the_text_lands_in_the_first_text_field() {
    let mut app = sample_app(Lang::En);
    let camille = app.cohort().unwrap().trainees[0].clone();
    app.config.me = Some(camille);
    // A trainee's offer form starts with its kind (offer or request), a choice.
    press(&mut app, "2on");
    assert_eq!(form(&app).fields[0].label, Msg::FieldKind);
    press(&mut app, "hello");
    assert_eq!(form(&app).choice(Msg::FieldKind), 0, "still an offer");
    assert_eq!(form(&app).value(Msg::FieldTitle), "hello");
    // Back on the choice, letters (h and l included) change nothing, and say why.
    press(&mut app, "<S-Tab>hjkl");
    assert_eq!(form(&app).choice(Msg::FieldKind), 0);
    assert!(notice(&app).contains("←/→ or Space"), "{}", notice(&app));
    press(&mut app, "<Right>");
    assert_eq!(form(&app).choice(Msg::FieldKind), 1, "the arrows choose");
    assert_eq!(form(&app).value(Msg::FieldTitle), "hello");
}

fn time_form(value: &str) -> Form<()> {
    Form::new(
        (),
        vec![
            Field::new(
                Msg::FieldNote,
                FieldKind::Note,
                "a long note that stays as it is",
            ),
            Field::new(Msg::FieldTime, FieldKind::Time, value),
        ],
    )
}

fn type_into(form: &mut Form<()>, spec: &str) {
    for key in keys(spec) {
        assert_eq!(form.input(key), Typed::Done);
    }
}

#[test]
fn a_short_pre_filled_value_is_replaced_by_what_is_typed() {
    let mut form = time_form("09:10");
    form.next();
    type_into(&mut form, "10h30");
    assert_eq!(form.fields[1].value(), "10h30", "not 09:1010h30");
    // The arrows keep it, to edit it.
    let mut form = time_form("09:10");
    form.next();
    type_into(&mut form, "<End><BS>5");
    assert_eq!(form.fields[1].value(), "09:15");
    // A long note is edited, not replaced.
    let mut form = time_form("09:10");
    form.focus_on(0);
    type_into(&mut form, "!");
    assert_eq!(form.fields[0].value(), "a long note that stays as it is!");
}

#[test]
fn ctrl_u_clears_the_field_as_in_a_shell() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "n<Down><Down>Hélène Marchetti<C-u>Sabine");
    assert_eq!(
        form(&app).value(Msg::FieldTrainer),
        "Sabine",
        "not one letter less"
    );
    let mut form = time_form("09:10");
    form.next();
    type_into(&mut form, "<End>");
    form.clear_focused();
    assert_eq!(form.fields[1].value(), "");
    type_into(&mut form, "14:00");
    assert_eq!(form.fields[1].value(), "14:00");
}

#[test]
fn after_a_failed_save_the_focus_is_on_the_first_field_in_error() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "n");
    // Unknown modules and an unknown trainer, a good venue between them.
    press(&mut app, "zzqqzz<Down>Forge<Down>Nobody Atall<Enter>");
    let form = form(&app);
    assert!(form.fields[0].error.is_some() && form.fields[2].error.is_some());
    assert_eq!(form.focus, 0, "the modules, first from the top");
    assert_eq!(notice(&app), app.tr(Msg::FormHasErrors));
}

#[test]
fn lookups_offer_candidates_as_you_type_and_tab_completes() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "n<Down>forg");
    let venue = &form(&app).fields[1];
    let suggestions = venue.suggestions();
    assert!(
        suggestions.first().is_some_and(|s| s.contains("Forge")),
        "{suggestions:?}"
    );
    let best = suggestions[0].to_owned();
    assert!(render(&app, 120, 40).contains(&format!("Did you mean: {best}")));
    press(&mut app, "<Tab>");
    assert_eq!(form(&app).value(Msg::FieldVenue), best, "Tab completes");
    assert_eq!(form(&app).focus, 1);
    press(&mut app, "<Tab>");
    assert_eq!(form(&app).focus, 2, "then goes on");
}

#[test]
fn a_wrong_name_lists_candidates() {
    let mut app = sample_app(Lang::Fr);
    press(&mut app, "n4.4<Down>Forge<Down><C-u>Hélèn Marchet<Enter>");
    let trainer = &form(&app).fields[2];
    assert_eq!(trainer.error, Some(Msg::FieldNotFound));
    assert_eq!(form(&app).focus, 2);
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("Vouliez-vous dire\u{a0}: Hélène Marchetti"),
        "{screen}"
    );
}

#[test]
fn a_day_without_its_year_is_the_next_one() {
    let mut app = sample_app(Lang::En);
    let before = app.cohort().unwrap().seminars.len();
    // Today is 28/11/2026 (see `common::now`).
    assert_eq!(app.today, cercle::domain::clock::today(now()));
    press(&mut app, "n4.4<Down>Forge<Down>Hélène<Down>17/12<Enter>");
    // 4.4 already has its seminar in January: the time planned is exceeded, said first.
    assert!(matches!(
        app.overlay,
        Some(cercle::app::Overlay::Confirm(_))
    ));
    press(&mut app, "y");
    let cohort = app.cohort().unwrap();
    assert_eq!(cohort.seminars.len(), before + 1, "{:?}", app.notice);
    let first = cohort.seminars.last().unwrap().half_days[0].date;
    assert_eq!(
        first,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 17).unwrap()
    );
}

#[test]
fn a_wrong_path_keeps_the_bundle_form_open_with_what_was_typed() {
    let mut app = sample_app(Lang::En);
    let effects = press(&mut app, "B/nowhere/bundle.json<Enter>");
    assert_eq!(
        effects,
        vec![Effect::ReadBundle("/nowhere/bundle.json".to_owned())]
    );
    app.bundle_read(Err(cercle::app::sharing::ReadError::Io(
        "/nowhere/bundle.json: no such file".to_owned(),
    )));
    let form = form(&app);
    assert_eq!(form.value(Msg::FieldFile), "/nowhere/bundle.json");
    assert_eq!(form.fields[0].error, Some(Msg::FieldUnreadableFile));
    assert!(notice(&app).contains("no such file"));
}

#[test]
fn labels_take_the_longest_labels_width_and_never_touch_their_values() {
    for lang in [Lang::Fr, Lang::En] {
        for (width, height) in [(80, 24), (120, 40)] {
            let mut app = sample_app(lang);
            // The offer form has long labels ("Offre ou demande", "En quelques mots") that
            // once ran into their values.
            press(&mut app, "2on<Down><Down>Faire des confitures");
            let screen = render(&app, width, height);
            for field in &form(&app).fields {
                let value = field.value();
                if value.chars().count() < 3 || !field.kind.is_text() {
                    continue;
                }
                let line = screen
                    .lines()
                    .find(|l| l.contains(value.as_str()))
                    .unwrap_or_else(|| panic!("{value} shows:\n{screen}"));
                let before = &line[..line.find(value.as_str()).unwrap()];
                assert!(before.ends_with(' '), "{value} touches its label: {line}");
            }
            let name = format!("form_long_labels_{lang:?}_{width}x{height}");
            insta::assert_snapshot!(name, screen);
        }
    }
}

#[test]
fn a_successful_save_clears_the_form_error_message() {
    let mut app = sample_app(Lang::Fr);
    let before = app.cohort().unwrap().knowledge.len();
    press(&mut app, "2on<Tab><Tab>Quelque chose<Tab>9.9<Enter>");
    assert_eq!(notice(&app), "Certains champs sont à corriger.");
    // The focus is on the refused tag: cleared and typed again, the offer is saved.
    press(&mut app, "<C-u>4.3<Enter>");
    assert!(app.overlay.is_none(), "{:?}", app.notice);
    assert_eq!(app.cohort().unwrap().knowledge.len(), before + 1);
    assert_ne!(notice(&app), "Certains champs sont à corriger.");
}
