//! Update tests: key sequences drive the app, and the state and the effects are checked.

use crate::common;

use cercle::app::{Effect, Overlay, Phase, SaveState, Screen};
use cercle::config::Role;
use cercle::i18n::Lang;
use common::{now, press, sample_app};

#[test]
fn number_keys_and_tab_switch_screens() {
    let mut app = sample_app(Lang::En);
    assert_eq!(app.screen, Screen::Modules);
    press(&mut app, "3");
    assert_eq!(app.screen, Screen::Contacts);
    press(&mut app, "<Tab>");
    assert_eq!(app.screen, Screen::Tutoring);
    press(&mut app, "<Tab>");
    assert_eq!(app.screen, Screen::Modules, "Tab wraps around");
    press(&mut app, "<S-Tab>");
    assert_eq!(app.screen, Screen::Tutoring);
    press(&mut app, "2");
    assert_eq!(app.screen, Screen::Circle);
}

#[test]
fn moving_and_jumping_in_a_list() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "3");
    let len = app.listing(Screen::Contacts).rows.len();
    assert!(len > 10, "the sample has people");
    press(&mut app, "jj");
    assert_eq!(app.listing(Screen::Contacts).cursor.selected, 2);
    press(&mut app, "k");
    assert_eq!(app.listing(Screen::Contacts).cursor.selected, 1);
    press(&mut app, "G");
    assert_eq!(app.listing(Screen::Contacts).cursor.selected, len - 1);
    press(&mut app, "g");
    assert_eq!(app.listing(Screen::Contacts).cursor.selected, 0);
    press(&mut app, "<End><Up>");
    assert_eq!(app.listing(Screen::Contacts).cursor.selected, len - 2);
    press(&mut app, "<Home><PgDn>");
    assert_eq!(
        app.listing(Screen::Contacts).cursor.selected,
        app.page_height().min(len - 1)
    );
}

#[test]
fn filter_narrows_the_list_and_esc_clears_it() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "3");
    let all = app.listing(Screen::Contacts).rows.len();
    let name = app.data.people[0].name.clone();
    let first_word = name.split_whitespace().next().unwrap().to_lowercase();
    press(&mut app, &format!("/{first_word}"));
    assert!(app.filtering);
    let shown = app.listing(Screen::Contacts).rows.len();
    assert!(shown >= 1 && shown < all, "{shown} of {all}");
    // Typing 'q' in the filter is text, not quit.
    let effects = press(&mut app, "<Enter>");
    assert!(effects.is_empty());
    assert!(!app.filtering, "Enter keeps the filter and leaves typing");
    assert_eq!(app.listing(Screen::Contacts).rows.len(), shown);
    press(&mut app, "<Esc>");
    assert_eq!(app.listing(Screen::Contacts).rows.len(), all);
}

#[test]
fn typing_q_in_a_filter_does_not_quit() {
    let mut app = sample_app(Lang::En);
    let effects = press(&mut app, "/q");
    assert!(!effects.contains(&Effect::Quit));
    assert_eq!(app.listing(Screen::Modules).filter, "q");
}

#[test]
fn help_opens_and_closes() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "?");
    assert!(matches!(app.overlay, Some(Overlay::Help(_))));
    press(&mut app, "jj");
    press(&mut app, "<Esc>");
    assert!(app.overlay.is_none());
    press(&mut app, "??");
    assert!(app.overlay.is_none(), "? toggles");
}

#[test]
fn quit_keys_quit() {
    let mut app = sample_app(Lang::En);
    assert_eq!(press(&mut app, "q"), vec![Effect::Quit]);
    assert_eq!(press(&mut app, "<C-c>"), vec![Effect::Quit]);
}

#[test]
fn editing_a_person_saves_and_undo_redo_restore_it() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "3");
    // The list is sorted by name: the first row is whoever comes first.
    let first = app.selected(Screen::Contacts).unwrap();
    let before = app.data.people[first].clone();
    // Open the form on the name, selected as it is short: End keeps it, to add to it.
    press(&mut app, "e");
    assert!(matches!(app.overlay, Some(Overlay::Form(_))));
    let effects = press(&mut app, "<End> 🌱<Enter>");
    assert_eq!(effects, vec![Effect::Save]);
    assert!(app.overlay.is_none());
    assert_eq!(app.data.people[first].name, format!("{} 🌱", before.name));
    assert_eq!(app.save, SaveState::Saving);

    let effects = press(&mut app, "u");
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(app.data.people[first], before);
    let notice = app.notice.clone().unwrap().text;
    assert!(notice.starts_with("Undone: edit"), "{notice}");

    press(&mut app, "<C-r>");
    assert_eq!(app.data.people[first].name, format!("{} 🌱", before.name));
    assert!(app.notice.clone().unwrap().text.starts_with("Redone:"));
}

#[test]
fn a_form_refuses_bad_values_inline() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "3n");
    let count = app.data.people.len();
    let effects = press(&mut app, "<Enter>");
    assert!(effects.is_empty(), "an empty name is refused");
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the form stays open");
    };
    assert!(form.fields[0].error.is_some());
    press(&mut app, "Zoé Lefèvre<Tab>zoe-at-example<Enter>");
    assert_eq!(app.data.people.len(), count, "a bad email is refused");
    press(
        &mut app,
        "<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>zoe@example.org<Enter>",
    );
    assert_eq!(app.data.people.len(), count + 1);
    let added = app.data.people.last().unwrap();
    assert_eq!(added.name, "Zoé Lefèvre");
    assert_eq!(added.emails, vec!["zoe@example.org".to_owned()]);
}

#[test]
fn esc_on_a_typed_form_asks_before_throwing_away() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "3n");
    press(&mut app, "Abc<Esc>");
    assert!(matches!(app.overlay, Some(Overlay::Confirm(_))));
    press(&mut app, "n");
    assert!(
        matches!(app.overlay, Some(Overlay::Form(_))),
        "no keeps the form"
    );
    press(&mut app, "<Esc>y");
    assert!(app.overlay.is_none());
    // An untouched form closes at once.
    press(&mut app, "n<Esc>");
    assert!(app.overlay.is_none());
}

#[test]
fn deleting_asks_first_and_can_be_undone() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "3");
    let count = app.data.people.len();
    press(&mut app, "d");
    assert!(matches!(app.overlay, Some(Overlay::Confirm(_))));
    press(&mut app, "n");
    assert_eq!(app.data.people.len(), count);
    press(&mut app, "dy");
    assert_eq!(app.data.people.len(), count - 1);
    press(&mut app, "u");
    assert_eq!(app.data.people.len(), count);
}

#[test]
fn the_cohort_picker_switches_the_current_cohort() {
    let mut app = sample_app(Lang::En);
    let first = app.cohort().unwrap().id.clone();
    press(&mut app, "c");
    assert!(matches!(app.overlay, Some(Overlay::CohortPicker(_))));
    press(&mut app, "k<Enter>");
    let second = app.cohort().unwrap().id.clone();
    assert_ne!(first, second, "another cohort is current");
    press(&mut app, "u");
    assert_eq!(app.cohort().unwrap().id, first);
}

#[test]
fn the_welcome_screen_asks_the_role_and_opens_the_sample() {
    let mut app = cercle::app::App::new(cercle::config::Config::default(), now());
    app.welcome();
    assert_eq!(press(&mut app, "a"), vec![Effect::SaveConfig]);
    assert_eq!(app.config.role, Some(Role::Trainee));
    let effects = press(&mut app, "s");
    assert_eq!(effects, vec![Effect::Save, Effect::SaveConfig]);
    assert_eq!(app.phase, Phase::Main);
    assert_eq!(app.screen, Screen::Circle, "a trainee lands on the circle");
    assert!(!app.data.people.is_empty());
}

#[test]
fn a_failed_save_keeps_the_work_and_asks_before_quitting() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "3e!<Enter>");
    app.saved(Err("No space left on device".into()));
    assert!(matches!(app.save, SaveState::Failed(_)));
    let first = app.selected(Screen::Contacts).unwrap();
    assert!(
        app.data.people[first].name.ends_with('!'),
        "the work stays in memory"
    );
    assert!(app.notice.clone().unwrap().error);
    assert!(press(&mut app, "q").is_empty(), "quitting asks first");
    assert_eq!(press(&mut app, "y"), vec![Effect::Quit]);
}

#[test]
fn read_only_data_refuses_changes_with_a_reason() {
    let mut app = sample_app(Lang::En);
    app.save = SaveState::ReadOnly("opened read-only".into());
    let before = app.data.clone();
    let effects = press(&mut app, "3dy");
    assert!(effects.is_empty());
    assert_eq!(app.data, before);
    assert!(app.notice.clone().unwrap().text.contains("read-only"));
}

#[test]
fn mouse_clicks_select_tabs_and_rows() {
    use cercle::app::{Action, update};
    let mut app = sample_app(Lang::En);
    app.size = (80, 24);
    let spans = cercle::app::layout::tab_spans(0, Lang::En);
    let contacts = spans[2].1.start;
    update(
        &mut app,
        Action::Click {
            column: contacts,
            row: 1,
        },
    );
    assert_eq!(app.screen, Screen::Contacts);
    // Rows start under the border and the header of the list (body at line 2).
    update(
        &mut app,
        Action::Click {
            column: 3,
            row: 2 + 2 + 3,
        },
    );
    assert_eq!(app.listing(Screen::Contacts).cursor.selected, 3);
    update(&mut app, Action::ScrollDown);
    assert!(
        app.listing(Screen::Contacts).cursor.offset > 0
            || app.listing(Screen::Contacts).rows.len() <= app.page_height()
    );
}

#[test]
fn keys_in_any_order_never_panic() {
    let mut app = sample_app(Lang::Fr);
    let all =
        "1234qjkhlgG/abc<Esc><Enter>?<Esc>c<Down><Enter>u<C-r>3nX<Tab>y<Esc>y3dnR<PgDn><PgUp>";
    for _ in 0..3 {
        press(&mut app, all);
    }
}

#[test]
fn i_says_who_i_am_and_the_header_shows_it() {
    let mut app = sample_app(Lang::En);
    assert!(app.me().is_none());
    press(&mut app, "i");
    assert!(matches!(app.overlay, Some(Overlay::MePicker(_))));
    // Who I am changes whose name my requests and bundles carry: it asks first.
    let effects = press(&mut app, "j<Enter>");
    assert!(effects.is_empty());
    assert!(app.me().is_none());
    assert!(matches!(app.overlay, Some(Overlay::Confirm(_))));
    let effects = press(&mut app, "y");
    assert_eq!(effects, vec![Effect::SaveConfig]);
    let second = app.cohort_people()[1].id.clone();
    assert_eq!(app.config.me, Some(second));
    let screen = common::render(&app, 120, 40);
    assert!(
        screen
            .lines()
            .next()
            .unwrap()
            .contains(&app.me().unwrap().name)
    );
}

#[test]
fn alt_or_ctrl_with_a_letter_is_not_typed_into_a_filter() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = sample_app(Lang::En);
    press(&mut app, "/ca");
    cercle::app::update_key(
        &mut app,
        KeyEvent::new(KeyCode::Char('2'), KeyModifiers::ALT),
    );
    cercle::app::update_key(
        &mut app,
        KeyEvent::new(KeyCode::Char('x'), KeyModifiers::CONTROL),
    );
    assert_eq!(app.listing(Screen::Modules).filter, "ca");
}

#[test]
fn a_first_look_that_comes_after_the_whole_data_changes_nothing() {
    // Whatever order the reports come in, the whole data is never replaced by a first look.
    let mut app = sample_app(Lang::En);
    let before = std::sync::Arc::clone(&app.data);
    app.glimpse(cercle::app::Prepared::new(cercle::domain::Data::default()));
    assert_eq!(app.phase, Phase::Main);
    assert!(!app.glimpsed);
    assert!(std::sync::Arc::ptr_eq(&before, &app.data));
}

#[test]
fn the_contacts_search_is_built_with_the_whole_data_not_for_a_first_look() {
    let config = cercle::config::Config {
        role: Some(Role::Trainer),
        ..cercle::config::Config::default()
    };
    let mut app = cercle::app::App::new(config, now());
    app.glimpse(cercle::app::Prepared::glance(cercle::sample::sample()));
    assert!(app.listing(Screen::Contacts).rows.is_empty());
    app.open_prepared(cercle::app::Prepared::new(cercle::sample::sample()));
    assert_eq!(
        app.listing(Screen::Contacts).rows.len(),
        app.data.people.len()
    );
}
