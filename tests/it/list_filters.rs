//! One filter for every list: `/` filters the list in view (the offers and requests, the roll
//! call…), and a key acts on the row shown; Esc clears the filter before it goes back; what the
//! filter cannot take is said; `!word` excludes; Ctrl-u and Ctrl-w edit the filter box.

use crate::common::{press, render, sample_app};
use crate::modules::today_app;
use cercle::app::keymap::View;
use cercle::app::{App, Overlay, Screen};
use cercle::domain::PersonId;
use cercle::domain::attendance::Status;
use cercle::i18n::{Lang, Msg};

fn knowledge_shown(app: &App) -> Vec<String> {
    let knowledge = &app.cohort().unwrap().knowledge;
    app.circle
        .knowledge
        .rows
        .iter()
        .map(|&n| knowledge[n].person.to_string())
        .collect()
}

#[test]
fn slash_filters_the_offers_and_requests_and_e_edits_the_row_shown() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "2o");
    let all = app.circle.knowledge.rows.len();
    assert_eq!(all, app.cohort().unwrap().knowledge.len());
    press(&mut app, "/Malik<Enter>");
    let shown = knowledge_shown(&app);
    assert!(!shown.is_empty() && shown.len() < all, "{shown:?}");
    assert!(shown.iter().all(|p| p == "p-malik-benali"), "{shown:?}");
    assert!(render(&app, 120, 40).contains(&format!("({}/{all})", shown.len())));
    // `e` edits the row under the cursor: Malik's, not the first of the whole list.
    press(&mut app, "je");
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the edit form");
    };
    let edited = app.circle.knowledge.selected().unwrap();
    assert_eq!(
        form.value(Msg::FieldTitle),
        app.cohort().unwrap().knowledge[edited].title
    );
    assert_eq!(
        app.cohort().unwrap().knowledge[edited].person.as_str(),
        "p-malik-benali"
    );
}

#[test]
fn in_the_roll_call_a_mark_goes_to_the_trainee_typed() {
    let mut app = today_app(false);
    app.config.me = Some(PersonId::new("p-helene-marchetti"));
    press(&mut app, "t");
    assert_eq!(app.modules.view, Some(View::RollCall));
    let roll: Vec<PersonId> = app.cohort().unwrap().active_trainees().cloned().collect();
    let malik = roll
        .iter()
        .position(|p| p.as_str() == "p-malik-benali")
        .unwrap();
    assert_ne!(malik, 0, "Malik is not the first row");
    press(&mut app, "/malik<Enter>a");
    let sheet = app
        .cohort()
        .unwrap()
        .seminars
        .iter()
        .find(|s| s.id.as_str() == "s-today")
        .unwrap()
        .half_days[0]
        .clone();
    assert_eq!(sheet.mark_of(&roll[malik]).unwrap().status, Status::Absent);
    assert!(
        sheet.mark_of(&roll[0]).is_none(),
        "the first row is untouched"
    );
}

#[test]
fn esc_clears_the_filter_first_and_a_second_esc_goes_back() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "2o/Malik<Enter>");
    assert_eq!(app.circle.view, Some(View::Knowledge));
    press(&mut app, "<Esc>");
    assert_eq!(app.circle.knowledge.filter, "");
    assert_eq!(app.circle.view, Some(View::Knowledge), "still on the list");
    press(&mut app, "<Esc>");
    assert_eq!(app.circle.view, None, "then back");
    // While typing too.
    press(&mut app, "o/Mal<Esc>");
    assert_eq!(app.circle.knowledge.filter, "");
    assert_eq!(app.circle.view, Some(View::Knowledge));
}

#[test]
fn an_unknown_filter_key_or_value_says_what_is_accepted() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "3/typ:fablab");
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("\"typ:\" is not a filter here; the keys are: type, dep"),
        "{screen}"
    );
    press(&mut app, "<C-u>type:zzz");
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("\"type:zzz\" finds nobody: accepted values are coworking"),
        "{screen}"
    );
    press(&mut app, "<C-u>type:fab");
    assert!(!render(&app, 120, 40).contains("finds nobody"));
    // A list filtered by words says so.
    let mut app = sample_app(Lang::Fr);
    press(&mut app, "2o/typ:fablab");
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("« typ » n'est pas un filtre ici"),
        "{screen}"
    );
}

#[test]
fn bang_word_excludes() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "2o/!malik<Enter>");
    let shown = knowledge_shown(&app);
    assert!(!shown.is_empty());
    assert!(shown.iter().all(|p| p != "p-malik-benali"), "{shown:?}");
    // In the contacts, by role too.
    press(&mut app, "3/!stagiaire<Enter>");
    let rows = &app.listing(Screen::Contacts).rows;
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|&n| app.data.people[n].role != cercle::domain::PersonRole::Trainee)
    );
}

#[test]
fn ctrl_u_and_ctrl_w_edit_the_filter_box() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "2o/Malik Benali<C-w>");
    assert_eq!(app.circle.knowledge.filter, "Malik ");
    press(&mut app, "<C-u>");
    assert_eq!(app.circle.knowledge.filter, "");
    assert!(app.filtering, "still typing");
}

#[test]
fn a_filtered_offers_list() {
    for lang in [Lang::Fr, Lang::En] {
        for (width, height) in [(80, 24), (120, 40)] {
            let mut app = sample_app(lang);
            press(&mut app, "2o/Malik<Enter>");
            let name = format!("filtered_offers_{lang:?}_{width}x{height}");
            insta::assert_snapshot!(name, render(&app, width, height));
        }
    }
}
