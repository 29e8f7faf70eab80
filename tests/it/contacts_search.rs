//! The contacts search: fuzzy words ranked, field filters alone and combined, sorting and
//! grouping, and the matched letters highlighted on screen.

use crate::common;

use cercle::app::Screen;
use cercle::domain::directory::{self, Group, Sort};
use cercle::domain::search;
use cercle::domain::{
    Cohort, CohortId, Data, Person, PersonId, PersonRole, PlaceKind, Project, ProjectPhase,
};
use cercle::i18n::Lang;
use chrono::NaiveDate;
use common::{press, render_buffer, sample_app};
use ratatui::style::Modifier;

fn person(id: &str, name: &str, dep: &str, role: PersonRole) -> Person {
    Person {
        id: PersonId::new(id),
        name: name.into(),
        departement: dep.into(),
        role,
        emails: vec![format!("{id}@example.org")],
        ..Person::default()
    }
}

fn project(kind: PlaceKind, phase: ProjectPhase) -> Project {
    Project {
        name: "Le Lieu".into(),
        kind,
        phase,
    }
}

fn cohort(id: &str, name: &str, year: i32, learners: &[&str], tutors: &[&str]) -> Cohort {
    Cohort {
        id: CohortId::new(id),
        name: name.into(),
        start: NaiveDate::from_ymd_opt(year, 1, 10).unwrap(),
        end: NaiveDate::from_ymd_opt(year, 12, 10).unwrap(),
        trainees: learners.iter().map(|t| PersonId::new(*t)).collect(),
        trainers: tutors.iter().map(|t| PersonId::new(*t)).collect(),
        ..Cohort::default()
    }
}

/// A small directory with known answers.
fn directory() -> Data {
    let mut marie = person("marie", "Marie Martin", "33", PersonRole::Trainee);
    marie.project = Some(project(PlaceKind::Fablab, ProjectPhase::Creation));
    marie.city = "Bordeaux".into();
    let mut jean = person("jean", "Jean Marais", "24", PersonRole::Trainer);
    jean.tags = vec!["fabmanager".into()];
    let mut amaury = person("amaury", "Amaury Tessier", "13", PersonRole::Trainee);
    amaury.city = "Marseille".into();
    amaury.project = Some(project(PlaceKind::Cafe, ProjectPhase::Development));
    let mut zoe = person("zoe", "Zoé Lefèvre", "33", PersonRole::Trainee);
    zoe.project = Some(project(PlaceKind::Fablab, ProjectPhase::Development));
    let host = person("host", "Odile Ferrand", "2A", PersonRole::Host);
    Data {
        people: vec![marie, jean, amaury, zoe, host].into(),
        cohorts: vec![
            cohort("b4", "Bretagne 4", 2025, &["marie", "amaury"], &["jean"]),
            cohort("o1", "Occitanie 1", 2026, &["zoe"], &["jean"]),
        ]
        .into(),
        ..Data::default()
    }
}

/// The names a search finds, in the order listed (by name, or by score when words were typed).
fn find(data: &Data, text: &str) -> Vec<String> {
    find_sorted(data, text, Sort::Name, Group::None, None)
}

fn find_sorted(data: &Data, text: &str, sort: Sort, group: Group, me: Option<&str>) -> Vec<String> {
    let here = me
        .and_then(cercle::domain::geo::departement)
        .map(|d| (d.lat, d.lon));
    directory::find(data, text, sort, group, here)
        .into_iter()
        .map(|i| data.people[i].name.clone())
        .collect()
}

#[test]
fn words_rank_name_matches_first_and_ignore_case_and_accents() {
    let data = directory();
    let found = find(&data, "mar");
    assert_eq!(found[..2], ["Marie Martin", "Jean Marais"], "{found:?}");
    assert!(
        found.contains(&"Amaury Tessier".to_owned()),
        "Marseille matches too: {found:?}"
    );
    assert!(!found.contains(&"Odile Ferrand".to_owned()));
    assert_eq!(find(&data, "zoe lef"), ["Zoé Lefèvre"]);
    assert_eq!(
        find(&data, "ÉLÈV"),
        ["Zoé Lefèvre"],
        "accents and case are ignored"
    );
    assert_eq!(
        find(&data, "mrmrt"),
        ["Marie Martin"],
        "names match fuzzily"
    );
    assert!(find(&data, "xyzzy").is_empty());
}

#[test]
fn long_fields_need_the_letters_together() {
    let data = directory();
    // Every email ends in example.org: "ar" must not find everyone through it.
    let found = find(&data, "ar");
    assert!(!found.contains(&"Zoé Lefèvre".to_owned()), "{found:?}");
    assert_eq!(
        find(&data, "fabmana"),
        ["Jean Marais"],
        "tags match by substring"
    );
    assert_eq!(find(&data, "bordeaux"), ["Marie Martin"]);
}

#[test]
fn each_field_filter_alone() {
    let data = directory();
    assert_eq!(find(&data, "type:fablab"), ["Marie Martin", "Zoé Lefèvre"]);
    assert_eq!(
        find(&data, "type:fab"),
        ["Marie Martin", "Zoé Lefèvre"],
        "a prefix is enough"
    );
    assert_eq!(find(&data, "type:cafe"), ["Amaury Tessier"]);
    assert_eq!(find(&data, "dep:33"), ["Marie Martin", "Zoé Lefèvre"]);
    assert_eq!(find(&data, "dep:2a"), ["Odile Ferrand"]);
    assert_eq!(
        find(&data, "cohort:\"Bretagne 4\""),
        ["Amaury Tessier", "Jean Marais", "Marie Martin"]
    );
    assert_eq!(
        find(&data, "cohort:occitanie"),
        ["Jean Marais", "Zoé Lefèvre"],
        "trainers too"
    );
    assert_eq!(find(&data, "role:trainer"), ["Jean Marais"]);
    assert_eq!(
        find(&data, "role:formatrice"),
        ["Jean Marais"],
        "French words work"
    );
    assert_eq!(find(&data, "role:host"), ["Odile Ferrand"]);
    assert_eq!(find(&data, "phase:creation"), ["Marie Martin"]);
    assert_eq!(
        find(&data, "phase:développement"),
        ["Amaury Tessier", "Zoé Lefèvre"]
    );
    assert!(find(&data, "role:astronaut").is_empty());
}

#[test]
fn filters_combine_with_each_other_and_with_words() {
    let data = directory();
    assert_eq!(
        find(&data, "type:fablab dep:33 phase:creation"),
        ["Marie Martin"]
    );
    assert_eq!(
        find(&data, "dep:33 dep:13"),
        ["Amaury Tessier", "Marie Martin", "Zoé Lefèvre"],
        "one field's filters are alternatives"
    );
    assert_eq!(
        find(&data, "cohort:\"Bretagne 4\" role:trainee"),
        ["Amaury Tessier", "Marie Martin"]
    );
    assert_eq!(
        find(&data, "mar cohort:bretagne role:trainee"),
        ["Marie Martin", "Amaury Tessier"]
    );
    assert_eq!(find(&data, "type:fablab zoe"), ["Zoé Lefèvre"]);
    assert_eq!(
        find(&data, "mar !marais"),
        ["Marie Martin", "Amaury Tessier"],
        "a word can exclude"
    );
    assert_eq!(
        find(&data, "unknown:thing").len(),
        0,
        "an unknown key is a plain word"
    );
}

#[test]
fn sorting_by_cohort_and_by_distance_and_grouping() {
    let data = directory();
    assert_eq!(
        find_sorted(&data, "", Sort::Cohort, Group::None, None),
        [
            "Jean Marais",
            "Zoé Lefèvre",
            "Amaury Tessier",
            "Marie Martin",
            "Odile Ferrand"
        ],
        "newest cohort first"
    );
    // From Périgueux (24): Périgueux, then Bordeaux (33) twice, Marseille (13), Ajaccio (2A).
    assert_eq!(
        find_sorted(&data, "", Sort::Distance, Group::None, Some("24")),
        [
            "Jean Marais",
            "Marie Martin",
            "Zoé Lefèvre",
            "Amaury Tessier",
            "Odile Ferrand"
        ]
    );
    assert_eq!(
        find_sorted(&data, "", Sort::Name, Group::Role, None),
        [
            "Amaury Tessier",
            "Marie Martin",
            "Zoé Lefèvre",
            "Jean Marais",
            "Odile Ferrand"
        ]
    );
    assert_eq!(
        find_sorted(&data, "", Sort::Name, Group::Cohort, None),
        [
            "Jean Marais",
            "Zoé Lefèvre",
            "Amaury Tessier",
            "Marie Martin",
            "Odile Ferrand"
        ],
        "newest cohort's people first, then the older cohort's, then people in none"
    );
}

/// The screen as text, the letters in the match style (underlined) wrapped in brackets.
fn render_marked(app: &cercle::app::App, width: u16, height: u16) -> String {
    let buffer = render_buffer(app, width, height);
    let mut out = String::new();
    for y in 0..height {
        let mut line = String::new();
        for x in 0..width {
            let cell = &buffer[(x, y)];
            if cell.modifier.contains(Modifier::UNDERLINED) {
                line.push('[');
                line.push_str(cell.symbol());
                line.push(']');
            } else {
                line.push_str(cell.symbol());
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn the_matched_letters_are_highlighted() {
    for lang in [Lang::En, Lang::Fr] {
        let mut app = sample_app(lang);
        press(&mut app, "3/cmldb");
        let screen = render_marked(&app, 80, 24);
        assert!(screen.contains("[C]a[m]i[l]le [D]u[b]ois"), "{screen}");
        insta::assert_snapshot!(format!("contacts_highlight_{lang:?}_80x24"), screen);
    }
    let mut app = sample_app(Lang::En);
    press(&mut app, "3/élo<Enter>");
    let first = app.listing(Screen::Contacts).rows[0];
    assert_eq!(
        app.data.people[first].name, "Élodie Marty",
        "the best match comes first"
    );
    let screen = render_marked(&app, 120, 40);
    assert!(screen.contains("[É][l][o]die Marty"), "{screen}");
    insta::assert_snapshot!("contacts_highlight_accents_120x40", screen);
}

#[test]
fn typing_letter_by_letter_finds_what_a_fresh_search_finds() {
    let data = std::sync::Arc::new(cercle::generate::generate(20, 7));
    let mut typing = cercle::app::contacts::State::default();
    let mut text = String::new();
    for c in "mar tes".chars() {
        text.push(c);
        let incremental = typing.rows(&data, &text, None).to_vec();
        let fresh = cercle::app::contacts::State::default()
            .rows(&data, &text, None)
            .to_vec();
        assert_eq!(incremental, fresh, "{text}");
    }
    assert!(search::refines("ma", "mar") && search::refines("ma", "ma te"));
    for (old, new) in [
        ("dep:3", "dep:33"),
        ("!a", "!ab"),
        ("", "a"),
        ("mar", "ma"),
        ("a", "a$"),
    ] {
        assert!(!search::refines(old, new), "{old} → {new}");
    }
}
