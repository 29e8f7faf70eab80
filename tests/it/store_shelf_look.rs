//! A look at a split directory (`cercle::store::shelf::glimpse`): which cohorts it leaves
//! unread, what it leaves to the full reading, and the figures it takes off the shelf, which
//! are those of the whole data.

use cercle::domain::figures::{CohortFigures, last_day};
use cercle::store::shelf::{Glimpse, Glimpsed, Purpose, glimpse};
use cercle::store::{DATA_FILE, JOURNAL_FILE, Store};
use chrono::NaiveDate;
use std::fmt::Write as _;

#[test]
fn a_finished_cohorts_figures_are_the_same_whatever_the_day() {
    let network = cercle::generate::generate(12, 3);
    for cohort in cercle::sample::sample()
        .cohorts
        .iter()
        .chain(&network.cohorts)
    {
        let day_after = last_day(cohort).succ_opt().unwrap();
        for later in [1, 30, 4000] {
            assert_eq!(
                CohortFigures::of(cohort, day_after),
                CohortFigures::of(cohort, day_after + chrono::Days::new(later)),
                "{}",
                cohort.id
            );
        }
    }
}

fn shelved(glimpse: &Glimpse) -> Vec<&str> {
    glimpse
        .cohorts
        .iter()
        .filter_map(|c| match c {
            Glimpsed::Shelved(figures) => Some(figures.id.as_str()),
            Glimpsed::Unread(id) => Some(id.as_str()),
            Glimpsed::Read(_) => None,
        })
        .collect()
}

#[test]
fn a_second_look_leaves_unread_the_finished_cohorts_but_the_current_one() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut data = cercle::generate::generate(12, 3);
    let today = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
    let finished: Vec<String> = data
        .cohorts
        .iter()
        .filter(|c| last_day(c) < today)
        .map(|c| c.id.as_str().to_owned())
        .collect();
    assert!((2..12).contains(&finished.len()), "{finished:?}");
    // The app opens on a finished cohort: it is read all the same.
    data.current_cohort = Some(data.cohorts[0].id.clone());
    let mut store = Store::open(dir).unwrap();
    store.save(&data).unwrap();
    drop(store);

    let first = glimpse(dir, today, Purpose::Figures).unwrap();
    assert!(shelved(&first).is_empty());
    assert_eq!(first.data, data);
    let second = glimpse(dir, today, Purpose::Figures).unwrap();
    assert_eq!(shelved(&second), finished[1..].to_vec());
    assert_eq!(second.data.cohorts.len(), 12 - (finished.len() - 1));
    assert_eq!(second.cohorts[0], Glimpsed::Read(0));
    // Their figures are those the whole data gives.
    for (place, cohort) in second.cohorts.iter().zip(&data.cohorts) {
        let figures = match place {
            Glimpsed::Read(at) => CohortFigures::of(&second.data.cohorts[*at], today),
            Glimpsed::Shelved(figures) => figures.clone(),
            Glimpsed::Unread(id) => panic!("{id} not opened for figures"),
        };
        assert_eq!(figures, CohortFigures::of(cohort, today));
    }
    // On a cohort's last day, it is read: a half-day of that day may still be marked.
    let last = last_day(&data.cohorts[1]);
    let on_the_day = glimpse(dir, last, Purpose::Figures).unwrap();
    assert!(!shelved(&on_the_day).contains(&data.cohorts[1].id.as_str()));
}

#[test]
fn a_full_load_fills_the_shelf_that_a_look_then_needs() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = cercle::generate::generate(8, 4);
    let today = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
    Store::open(dir).unwrap().save(&data).unwrap();
    // Nothing on the shelf: a look that needs it reads nothing.
    assert!(glimpse(dir, today, Purpose::Screens).is_none());
    let mut store = Store::open(dir).unwrap();
    store.load().unwrap();
    store.shelve(today);
    drop(store);
    let look = glimpse(dir, today, Purpose::Screens).unwrap();
    // Every finished cohort but the current one.
    let finished = data
        .cohorts
        .iter()
        .filter(|c| last_day(c) < today && Some(&c.id) != data.current_cohort.as_ref())
        .count();
    assert!(finished > 1);
    assert_eq!(shelved(&look).len(), finished);
    assert!(
        look.cohorts
            .iter()
            .all(|c| !matches!(c, Glimpsed::Shelved(_))),
        "a look for the screens opens no finished cohort"
    );
    assert_eq!(look.data.cohorts.len(), data.cohorts.len() - finished);
}

#[test]
fn a_save_in_flight_or_a_directory_not_split_is_left_to_the_full_reading() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let today = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
    assert!(glimpse(dir, today, Purpose::Figures).is_none());
    let data = cercle::generate::generate(3, 3);
    std::fs::write(dir.join(DATA_FILE), cercle::store::to_json(&data).unwrap()).unwrap();
    assert!(glimpse(dir, today, Purpose::Figures).is_none());
    std::fs::remove_file(dir.join(DATA_FILE)).unwrap();
    Store::open(dir).unwrap().save(&data).unwrap();
    assert!(glimpse(dir, today, Purpose::Figures).is_some());
    std::fs::write(dir.join(JOURNAL_FILE), b"{}").unwrap();
    assert!(glimpse(dir, today, Purpose::Figures).is_none());
}

/// The figures a shelf keeps, pinned. When a change to the rules moves them, the shelves
/// written before would still answer with the old count: raise `SHELF_VERSION` in
/// `src/store/shelf.rs` together with the new snapshot.
#[test]
fn the_figures_a_shelf_keeps_are_counted_as_pinned() {
    let network = cercle::generate::generate(12, 3);
    let mut lines = String::new();
    for cohort in cercle::sample::sample()
        .cohorts
        .iter()
        .chain(&network.cohorts)
    {
        let day_after = last_day(cohort).succ_opt().unwrap();
        let f = CohortFigures::of(cohort, day_after);
        let _ = writeln!(
            lines,
            "{} last {} trainees {} held {}/{} attended {}/{}",
            f.id,
            last_day(cohort),
            f.trainees,
            f.attendance.half_days_held,
            f.attendance.half_days_planned,
            f.attendance.attended,
            f.attendance.expected
        );
    }
    insta::assert_snapshot!(lines);
}
