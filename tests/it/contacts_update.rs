//! The Peer contacts screen's keys: copy, mail, open, sort, group, delete and undo, the form's
//! choices and consents, merge, export and import, each driven by keys and checked in the state
//! and the effects.

use crate::common;

use cercle::app::Purpose;
use cercle::app::contacts::ContactsForm;
use cercle::app::contacts::State;
use cercle::app::{App, Effect, Overlay, Screen};
use cercle::domain::{ContactField, Person, PersonId, PersonRole};
use cercle::i18n::Lang;
use common::{press, sample_app};
use std::sync::Arc;

fn selected(app: &App) -> Person {
    let i = app.selected(Screen::Contacts).expect("a selected person");
    Person::clone(&app.data.people[i])
}

fn contacts_app() -> App {
    let mut app = sample_app(Lang::En);
    press(&mut app, "3");
    app
}

#[test]
fn y_copies_the_email_and_capital_y_the_phone_through_the_terminal() {
    let mut app = contacts_app();
    let person = selected(&app);
    assert_eq!(
        press(&mut app, "y"),
        vec![Effect::Copy(person.emails[0].clone())]
    );
    assert!(app.notice.clone().unwrap().text.contains(&person.emails[0]));
    assert_eq!(
        press(&mut app, "Y"),
        vec![Effect::Copy(person.phones[0].clone())]
    );
    assert_eq!(
        press(&mut app, "m"),
        vec![Effect::OpenMail(person.emails[0].clone())]
    );
    // Someone without a phone: nothing copied, and the user is told why.
    Arc::make_mut(&mut app.data)
        .people
        .iter_mut()
        .find(|p| p.id == person.id)
        .unwrap()
        .phones
        .clear();
    app.refresh_rows();
    assert!(press(&mut app, "Y").is_empty());
    let notice = app.notice.clone().unwrap();
    assert!(
        notice.error && notice.text.contains("no phone"),
        "{notice:?}"
    );
}

#[test]
fn enter_opens_the_card_and_esc_closes_it_before_clearing_the_filter() {
    let mut app = contacts_app();
    press(&mut app, "/camille<Enter>");
    assert_eq!(selected(&app).name, "Camille Dubois");
    press(&mut app, "<Enter>");
    assert!(app.contacts.zoomed);
    let screen = common::render(&app, 80, 24);
    assert!(
        screen.contains("camille.dubois@example.org") && screen.contains("Esc closes the card"),
        "{screen}"
    );
    press(&mut app, "<Esc>");
    assert!(!app.contacts.zoomed);
    assert_eq!(
        app.listing(Screen::Contacts).filter,
        "camille",
        "the filter stays"
    );
    press(&mut app, "<Esc>");
    assert!(app.listing(Screen::Contacts).filter.is_empty());
}

#[test]
fn s_changes_the_order_and_v_the_grouping() {
    let mut app = contacts_app();
    let names = |app: &App| -> Vec<String> {
        app.listing(Screen::Contacts)
            .rows
            .iter()
            .map(|&i| app.data.people[i].name.clone())
            .collect()
    };
    let by_name = names(&app);
    let mut sorted = by_name.clone();
    sorted.sort_by_key(|n| cercle::domain::fold::fold(n));
    assert_eq!(by_name, sorted);
    press(&mut app, "s");
    let by_cohort = names(&app);
    assert_ne!(by_cohort, by_name);
    // Newest cohort first: the 2026 cohort's trainees come before the 2024 one's.
    let newest = app.data.cohorts.iter().max_by_key(|c| c.start).unwrap();
    let first = app
        .data
        .people
        .iter()
        .find(|p| p.name == by_cohort[0])
        .unwrap();
    assert!(newest.trainees.contains(&first.id) || newest.trainers.contains(&first.id));
    press(&mut app, "ss");
    assert_eq!(names(&app), by_name, "three orders, then back");
    press(&mut app, "vv");
    let roles: Vec<PersonRole> = app
        .listing(Screen::Contacts)
        .rows
        .iter()
        .map(|&i| app.data.people[i].role)
        .collect();
    let mut grouped = roles.clone();
    grouped.sort_by_key(|r| *r as u8);
    assert_eq!(roles, grouped, "grouped by role");
    assert!(common::render(&app, 80, 24).contains("by role"));
}

#[test]
fn sorting_by_distance_puts_my_neighbours_first() {
    let mut app = contacts_app();
    let me = app
        .data
        .people
        .iter()
        .find(|p| p.departement == "64")
        .unwrap()
        .id
        .clone();
    app.config.me = Some(me);
    press(&mut app, "ss");
    let first = selected(&app);
    assert_eq!(first.departement, "64", "I am nearest to myself");
    let screen = common::render(&app, 100, 30);
    assert!(
        screen.contains("nearest first") && screen.contains(" km"),
        "{screen}"
    );
}

#[test]
fn delete_asks_then_undo_brings_the_person_back() {
    let mut app = contacts_app();
    let person = selected(&app);
    press(&mut app, "d");
    assert!(matches!(app.overlay, Some(Overlay::Confirm(_))));
    assert_eq!(press(&mut app, "y"), vec![Effect::Save]);
    assert!(app.data.person(&person.id).is_none());
    press(&mut app, "u");
    assert_eq!(app.data.person(&person.id), Some(&person));
}

#[test]
fn the_form_sets_role_project_tags_and_consents() {
    let mut app = contacts_app();
    press(&mut app, "n");
    // Name, emails, phones, pronouns, then the role: a choice turned with Space.
    press(
        &mut app,
        "Zoé Lefèvre<Tab>zoe@example.org, z@example.fr<C-t><Tab>06 01 02 03 04<Tab>iel<C-t><Tab> ",
    );
    // City, département, organisation, job, website, project, type, phase, tags.
    press(
        &mut app,
        "<Tab>Tulle<Tab>19<Tab><Tab><Tab><Tab>La Forge<C-t><Tab> <Tab><Tab>bois, métal",
    );
    let effects = press(&mut app, "<Enter>");
    assert_eq!(effects, vec![Effect::Save]);
    let zoe = app
        .data
        .people
        .iter()
        .find(|p| p.name == "Zoé Lefèvre")
        .unwrap();
    assert_eq!(zoe.role, PersonRole::Trainer);
    assert_eq!(zoe.emails, ["zoe@example.org", "z@example.fr"]);
    assert_eq!(zoe.pronouns.as_deref(), Some("iel"));
    assert_eq!(
        (zoe.city.as_str(), zoe.departement.as_str()),
        ("Tulle", "19")
    );
    let project = zoe.project.as_ref().unwrap();
    assert_eq!(project.name, "La Forge");
    // The type starts on "hybrid space"; one Space turns it to the next kind.
    assert_eq!(project.kind, cercle::domain::PlaceKind::Digital);
    assert_eq!(zoe.tags, ["bois", "métal"]);
    let shared: Vec<ContactField> = zoe.shared.iter().copied().collect();
    assert_eq!(
        shared,
        [
            ContactField::Email,
            ContactField::Project,
            ContactField::Pronouns
        ]
    );
    assert_eq!(
        selected(&app).name,
        "Zoé Lefèvre",
        "the new person is selected"
    );
}

#[test]
fn merge_chooses_field_by_field_and_is_one_undoable_step() {
    let mut app = contacts_app();
    let original = selected(&app);
    let twin = Person {
        id: PersonId::new("p-twin"),
        name: format!("{} (old)", original.name),
        emails: vec![original.emails[0].to_uppercase(), "old@example.org".into()],
        website: "https://old.example.org".into(),
        ..Person::default()
    };
    Arc::make_mut(&mut app.data).people.push(twin.into());
    app.refresh_rows();
    let before = Arc::clone(&app.data);
    press(&mut app, "M");
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the merge form opens: {:?}", app.notice);
    };
    assert!(matches!(
        form.purpose,
        Purpose::Contacts(ContactsForm::MergePeople { .. })
    ));
    let labels: Vec<_> = form.fields.iter().map(|f| app.tr(f.label)).collect();
    assert_eq!(labels[..2], ["Name", "Email"], "{labels:?}");
    assert!(labels.contains(&"Website"));
    // Keep this name; take the other record's website (the only one there is, chosen already).
    let effects = press(&mut app, "<Enter>");
    assert_eq!(effects, vec![Effect::Save]);
    assert!(app.data.person(&PersonId::new("p-twin")).is_none());
    let merged = app.data.person(&original.id).unwrap();
    assert_eq!(merged.name, original.name);
    assert_eq!(merged.website, "https://old.example.org");
    assert!(
        merged.emails.contains(&"old@example.org".to_owned()),
        "lists keep both"
    );
    assert_eq!(
        merged.emails.len(),
        original.emails.len() + 1,
        "the same email once"
    );
    press(&mut app, "u");
    assert_eq!(*app.data, *before);
}

#[test]
fn merge_says_so_when_there_is_no_duplicate() {
    let mut app = contacts_app();
    press(&mut app, "M");
    assert!(app.overlay.is_none());
    assert!(app.notice.clone().unwrap().text.contains("No other record"));
}

#[test]
fn x_exports_the_filtered_list_as_vcard() {
    let mut app = contacts_app();
    press(&mut app, "/role:trainer<Enter>");
    let effects = press(&mut app, "x");
    let [Effect::Export(name, bytes)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let contents = String::from_utf8(bytes.clone()).unwrap();
    assert!(
        name.starts_with("contacts-20261128-")
            && std::path::Path::new(name).extension() == Some("vcf".as_ref()),
        "{name}"
    );
    let trainers = app.listing(Screen::Contacts).rows.len();
    assert_eq!(contents.matches("BEGIN:VCARD").count(), trainers);
    assert!(!contents.contains("X-CERCLE-ROLE:trainee"));
    app.exported(Ok("/tmp/x.vcf".into()));
    assert!(app.notice.clone().unwrap().text.contains("/tmp/x.vcf"));
}

#[test]
fn an_import_is_one_undoable_step_with_a_summary() {
    let mut app = contacts_app();
    press(&mut app, "I");
    let effects = press(&mut app, "cards.vcf<Enter>");
    assert_eq!(effects, vec![Effect::ReadImport("cards.vcf".into())]);
    let count = app.data.people.len();
    let cards = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna Ng\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Bo Li\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD\r\n";
    let effects = app.import_read("cards.vcf", Ok(cards.into()));
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(app.data.people.len(), count + 2);
    let notice = app.notice.clone().unwrap().text;
    assert!(
        notice.contains("2 added") && notice.contains("1 refused") && notice.contains("#3"),
        "{notice}"
    );
    press(&mut app, "u");
    assert_eq!(
        app.data.people.len(),
        count,
        "one undo takes the whole import back"
    );
    app.import_read("gone.vcf", Err("gone.vcf: No such file".into()));
    assert!(app.notice.clone().unwrap().error);
}

#[test]
fn the_rows_are_cached_until_the_query_or_the_data_changes() {
    let data = Arc::new(cercle::sample::sample());
    let mut state = State::default();
    let first = state.rows(&data, "cam", None).as_ptr();
    assert_eq!(
        state.rows(&data, "cam", None).as_ptr(),
        first,
        "nothing recomputed"
    );
    let fewer = state.rows(&data, "camille", None).len();
    assert!(fewer >= 1);
    let changed = Arc::new((*data).clone());
    assert_eq!(state.rows(&changed, "camille", None).len(), fewer);
}
