//! What a view draws above its list and where the mouse finds its rows come from one place
//! (`App::list_top`): a click on the line where a row is drawn selects that row, in every view.

use crate::common::{press, render, sample_app};
use cercle::app::{Action, App, update};
use cercle::i18n::Lang;

/// The screen line where `text` is drawn, if it is.
fn line_of(app: &App, text: &str) -> Option<u16> {
    render(app, 80, 24)
        .lines()
        .position(|line| line.contains(text))
        .and_then(|at| u16::try_from(at).ok())
}

fn click_on(app: &mut App, text: &str) {
    let row =
        line_of(app, text).unwrap_or_else(|| panic!("{text} is drawn:\n{}", render(app, 80, 24)));
    update(app, Action::Click { column: 3, row });
}

#[test]
fn a_click_selects_the_row_drawn_under_it_in_the_programme_and_the_roll_call() {
    let mut app = sample_app(Lang::En);
    app.size = (80, 24);
    let third: String = app.data.programme.modules[2]
        .title
        .chars()
        .take(20)
        .collect();
    click_on(&mut app, &third);
    assert_eq!(app.listing(cercle::app::Screen::Modules).cursor.selected, 2);

    // A seminar's half-days, under its venue card, then its roll call, under its heading.
    press(&mut app, "s<Enter>");
    press(&mut app, "<Enter>");
    let cohort = app.cohort().unwrap();
    let third = app.data.person(&cohort.trainees[2]).unwrap().name.clone();
    click_on(&mut app, &third);
    assert_eq!(
        app.modules.roll.cursor.selected,
        2,
        "{}",
        render(&app, 80, 24)
    );
}

#[test]
fn a_click_selects_the_row_drawn_under_it_in_the_circles_views() {
    let mut app = sample_app(Lang::En);
    app.size = (80, 24);
    press(&mut app, "2o");
    let second: String = app.cohort().unwrap().knowledge[1]
        .title
        .chars()
        .take(20)
        .collect();
    click_on(&mut app, &second);
    assert_eq!(
        app.circle.knowledge.cursor.selected,
        1,
        "{}",
        render(&app, 80, 24)
    );

    press(&mut app, "<Esc>2p");
    let third: String = cercle::app::circle::competencies(&app)[2]
        .1
        .title
        .chars()
        .take(20)
        .collect();
    click_on(&mut app, &third);
    assert_eq!(app.circle.path.selected, 2, "{}", render(&app, 80, 24));
}
