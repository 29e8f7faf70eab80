//! The same `/` filter on the seminars, the follow-up list and the exchanges: it keeps the rows
//! that match (`!word` excludes), says how many of how many, the keys act on the row shown, and
//! Esc clears it before it goes back.

use crate::common::{press, render, sample_app, snapshot_size};
use cercle::app::circle::CircleForm;
use cercle::app::keymap::View;
use cercle::app::modules::seminars_by_date;
use cercle::app::{Overlay, Purpose};
use cercle::i18n::Lang;

#[test]
fn the_seminars_filter_and_enter_opens_the_seminar_shown() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "s/Dax<Enter>");
    let cohort = app.cohort().unwrap();
    let by_date = seminars_by_date(cohort);
    let shown: Vec<String> = app
        .modules
        .seminars
        .rows
        .iter()
        .map(|&n| by_date[n].id.to_string())
        .collect();
    let at_dax: Vec<String> = by_date
        .iter()
        .filter(|s| app.data.venue(&s.venue).unwrap().city == "Dax")
        .map(|s| s.id.to_string())
        .collect();
    let all = by_date.len();
    assert!(at_dax.len() > 1 && at_dax.len() < all);
    assert_eq!(shown, at_dax);
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains(&format!("Seminars ({}/{all})", at_dax.len())),
        "{screen}"
    );
    // Enter on the second row shown opens that seminar, not the second of all.
    let second = at_dax[1].clone();
    press(&mut app, "j<Enter>");
    assert_eq!(app.modules.seminar.as_ref().unwrap().as_str(), second);
    // Back on the list, the filter is kept; Esc clears it, then a second Esc leaves.
    press(&mut app, "<Esc>");
    assert_eq!(app.modules.view, Some(View::Seminars));
    assert_eq!(app.modules.seminars.filter, "Dax");
    press(&mut app, "<Esc>");
    assert_eq!(app.modules.view, Some(View::Seminars));
    assert!(app.modules.seminars.filter.is_empty());
    assert_eq!(app.modules.seminars.rows.len(), all);
    press(&mut app, "<Esc>");
    assert_eq!(app.modules.view, None);
}

#[test]
fn the_follow_up_list_filters_and_an_excluded_trainee_is_not_acted_on() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "f");
    let total = app.modules.follow.total;
    assert!(total >= 1, "the sample has someone to follow up");
    press(&mut app, "/romain<Enter>");
    assert_eq!(app.modules.follow.rows.len(), 1);
    press(&mut app, "<Esc>/!romain<Enter>");
    assert!(app.modules.follow.rows.len() < total);
    assert!(render(&app, 120, 40).contains(&format!(
        "Follow-up ({}/{total})",
        app.modules.follow.rows.len()
    )));
    // Enter logs a follow-up for the row shown: with Romain excluded, not for him.
    press(&mut app, "<Enter>");
    let romain = matches!(
        &app.overlay,
        Some(Overlay::Form(form)) if matches!(
            &form.purpose,
            Purpose::Modules(cercle::app::modules::ModulesForm::FollowUp(p)) if p.as_str() == "p-romain-delmas"
        )
    );
    assert!(!romain, "an excluded trainee is never the one acted on");
}

#[test]
fn the_exchanges_filter_and_enter_evaluates_the_exchange_shown() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "2x");
    let exchanges = app.cohort().unwrap().exchanges.clone();
    assert_eq!(app.circle.exchanges.rows.len(), exchanges.len());
    press(&mut app, "/!Chabot<Enter>");
    let shown: Vec<usize> = app.circle.exchanges.rows.clone();
    assert_eq!(shown.len(), 1);
    let chabot = cercle::domain::PersonId::new("p-aurelie-chabot");
    assert!(!exchanges[shown[0]].people.contains(&chabot));
    assert!(
        exchanges[0].people.contains(&chabot),
        "the first of all is hers"
    );
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Exchanges (1/2)"), "{screen}");
    press(&mut app, "<Enter>");
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the evaluation form");
    };
    assert_eq!(
        form.purpose,
        Purpose::Circle(CircleForm::Evaluate(exchanges[shown[0]].id.clone()))
    );
    // Esc closes the form, clears the filter, then goes back.
    press(&mut app, "<Esc><Esc>");
    assert!(app.circle.exchanges.filter.is_empty());
    assert_eq!(app.circle.view, Some(View::Exchanges));
    press(&mut app, "<Esc>");
    assert_eq!(app.circle.view, None);
}

#[test]
fn snapshots_of_the_filtered_seminars_follow_up_and_exchanges() {
    for lang in [Lang::Fr, Lang::En] {
        let (width, height) = snapshot_size(lang);
        let code = if lang == Lang::Fr { "fr" } else { "en" };
        for (name, keys) in [
            ("seminars", "s/Dax<Enter>"),
            ("follow_up", "f/!romain<Enter>"),
            ("exchanges", "2x/Chabot<Enter>"),
        ] {
            let mut app = sample_app(lang);
            app.size = (width, height);
            press(&mut app, keys);
            app.notice = None;
            insta::assert_snapshot!(
                format!("filtered_{name}_{code}_{width}x{height}"),
                render(&app, width, height)
            );
        }
    }
}
