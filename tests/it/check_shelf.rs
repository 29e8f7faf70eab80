//! `cercle check` off the shelf: a finished cohort whose document is unchanged is checked
//! through the outline the shelf keeps of it, and the check says exactly what a reading of the
//! whole data says, faults across cohorts included.

use crate::common::command;
use cercle::domain::Data;
use cercle::domain::figures::last_day;
use cercle::domain::integrity::{Problem, problems, problems_outlined};
use cercle::store::Store;
use cercle::store::shelf::{Glimpsed, Purpose, glimpse};
use cercle::store::shelf::{OUTLINES_FILE, SHELF_FILE};
use chrono::NaiveDate;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 8).unwrap()
}

/// A network whose finished cohorts break rules on their own and across cohorts, with the
/// positions of two of them.
fn faulty_network() -> (Data, usize, usize) {
    let mut data = cercle::generate::generate(12, 3);
    let finished: Vec<usize> = (0..data.cohorts.len())
        .filter(|&i| {
            last_day(&data.cohorts[i]) < today()
                && Some(&data.cohorts[i].id) != data.current_cohort.as_ref()
        })
        .collect();
    assert!(finished.len() >= 3, "{finished:?}");
    let (a, b, c) = (finished[0], finished[1], finished[2]);
    // A half-day id and a knowledge id shared by two cohorts.
    let shared = data.cohorts[b].seminars[0].half_days[0].id.clone();
    data.cohorts[a].seminars[0].half_days[0].id = shared;
    let shared = data.cohorts[c].knowledge[0].id.clone();
    data.cohorts[a].knowledge[0].id = shared;
    // A trainer in two places at once: cohort b's seminar takes the trainer and the time of
    // one of cohort c's.
    let (trainer, slot) = {
        let seminar = &data.cohorts[c].seminars[1];
        (seminar.trainer.clone(), seminar.half_days[0].clone())
    };
    let seminar = &mut data.cohorts[b].seminars[1];
    seminar.trainer = trainer;
    let half_day = &mut seminar.half_days[0];
    (half_day.date, half_day.period) = (slot.date, slot.period);
    (half_day.start, half_day.end) = (slot.start, slot.end);
    // A venue that does not exist, a mark of a stranger.
    data.cohorts[c].seminars[2].venue = cercle::domain::ids::VenueId::new("v-nowhere");
    let mut stranger = data.cohorts[c].seminars[0].half_days[1].marks[0].clone();
    stranger.trainee = cercle::domain::PersonId::new("p-stranger");
    data.cohorts[c].seminars[0].half_days[1]
        .marks
        .push(stranger);
    (data, a, c)
}

/// What the whole data of `dir` breaks, read as the app reads it.
fn whole(dir: &Path) -> Vec<Problem> {
    let data = Store::open_read_only(dir).unwrap().load().unwrap().unwrap();
    problems(&data, today())
}

/// What a look for `check` finds in `dir`, and the ids of the cohorts it took off the shelf.
fn looked(dir: &Path) -> (Vec<Problem>, Vec<String>) {
    let look = glimpse(dir, today(), Purpose::Check).unwrap();
    let checked = look.checked.unwrap();
    let shelved = (look.cohorts.iter())
        .filter_map(|c| match c {
            Glimpsed::Shelved(figures) => Some(figures.id.as_str().to_owned()),
            _ => None,
        })
        .collect();
    (problems_outlined(&look.data, &checked.outlines), shelved)
}

#[test]
fn a_check_off_the_shelf_finds_what_the_whole_data_breaks() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let (mut data, a, _) = faulty_network();
    Store::open(dir).unwrap().save(&data).unwrap();
    let expected = whole(dir);
    let said = |needle: &str| expected.iter().any(|p| p.message.contains(needle));
    for fault in [
        "two half-day records share",
        "two knowledge records share",
        "booked in two places",
        "venue v-nowhere",
        "marks p-stranger",
    ] {
        assert!(said(fault), "{fault}: {expected:#?}");
    }
    // The first check reads every document; the second, only the current cohort and those
    // under way.
    let (first, shelved) = looked(dir);
    assert_eq!(first, expected);
    assert!(shelved.is_empty(), "{shelved:?}");
    let (second, shelved) = looked(dir);
    assert_eq!(second, expected);
    assert!(shelved.contains(&data.cohorts[a].id.as_str().to_owned()));
    assert!(shelved.len() >= 3, "{shelved:?}");

    // A person named by a cohort on the shelf leaves the people directory: that cohort stays
    // on the shelf, and the check names who it lists in vain.
    let gone = data.cohorts[a].trainees[0].clone();
    let mut people: Vec<_> = data.people.iter().map(|p| (**p).clone()).collect();
    people.retain(|p| p.id != gone);
    data.people = people.into_iter().map(Into::into).collect();
    Store::open(dir).unwrap().save(&data).unwrap();
    let expected = whole(dir);
    assert!(
        (expected.iter()).any(|p| p.message.contains(&format!("lists {gone}"))),
        "{expected:#?}"
    );
    let (third, shelved) = looked(dir);
    assert_eq!(third, expected);
    assert!(shelved.contains(&data.cohorts[a].id.as_str().to_owned()));
}

/// `cercle check` on `dir`: its exit code and what it printed.
fn check(dir: &Path) -> (Option<i32>, String) {
    let out = command(dir).arg("check").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    (out.status.code(), text)
}

#[test]
fn check_trusts_the_shelf_only_for_the_very_bytes_it_outlined() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let (data, a, c) = faulty_network();
    Store::open(dir).unwrap().save(&data).unwrap();
    // A field the records ignore and the schema refuses, in a finished cohort.
    let doubtful = dir.join(format!("cercle/cohorts/{}.json", data.cohorts[c].id));
    let text = fs::read_to_string(&doubtful).unwrap();
    fs::write(
        &doubtful,
        text.replacen("\"name\": ", "\"nom\": 1, \"name\": ", 1),
    )
    .unwrap();
    let (code, cold) = check(dir);
    assert_eq!(code, Some(cercle::commands::exit::RULES_BROKEN.into()));
    assert!(cold.contains("'nom' was unexpected"), "{cold}");
    // Off the shelf, the same report, the document the screen doubted read again.
    assert_eq!(check(dir), (code, cold.clone()));

    // What the outlines say of a cohort is what the check reports of it…
    let outlines = dir.join(OUTLINES_FILE);
    let mut kept: serde_json::Value =
        serde_json::from_slice(&fs::read(&outlines).unwrap()).unwrap();
    let file = format!("cercle/cohorts/{}.json", data.cohorts[a].id);
    kept["cohorts"][&file]["outline"]["own"] =
        serde_json::json!([{ "severity": "warning", "message": "noted on the shelf" }]);
    fs::write(&outlines, serde_json::to_vec(&kept).unwrap()).unwrap();
    assert!(check(dir).1.contains("noted on the shelf"));
    // …as long as the document is the very one it was made from: one byte more and it is read.
    let document = dir.join(&file);
    let mut bytes = fs::read(&document).unwrap();
    bytes.push(b'\n');
    fs::write(&document, bytes).unwrap();
    assert_eq!(check(dir), (code, cold));
}

/// What the outlines a shelf keeps say of each cohort, pinned: its size, and what it breaks on
/// its own. When a change to the rules moves them, the shelves written before would still
/// answer for the old rules: raise `SHELF_VERSION` in `src/store/shelf.rs` together with the
/// new snapshot.
#[test]
fn the_outlines_a_shelf_keeps_are_made_as_pinned() {
    use cercle::domain::integrity::Outline;
    let (mut network, a, c) = faulty_network();
    // Faults a cohort breaks on its own: a trainee marked twice, a half-day ending before it
    // starts, a half-day on a public holiday, one trainee too many.
    let half_day = &mut network.cohorts[a].seminars[1].half_days[0];
    let twice = half_day.marks[0].clone();
    half_day.marks.push(twice);
    std::mem::swap(&mut half_day.start, &mut half_day.end);
    network.cohorts[a].seminars[2].half_days[0].date = NaiveDate::from_ymd_opt(2018, 5, 1).unwrap();
    let trainees = &mut network.cohorts[c].trainees;
    while trainees.len() <= 12 {
        let extra = format!("p-extra-{}", trainees.len());
        trainees.push(cercle::domain::PersonId::new(extra));
    }
    let mut lines = String::new();
    for cohort in (cercle::sample::sample().cohorts.iter()).chain(&network.cohorts) {
        let outline = Outline::of(cohort, last_day(cohort).succ_opt().unwrap());
        let slots: usize = outline.seminars.iter().map(|s| s.half_days.len()).sum();
        let own = (outline.own.iter()).chain(outline.seminars.iter().flat_map(|s| &s.problems));
        let _ = writeln!(
            lines,
            "{} enrolled {} seminars {} half-days {} ids {}",
            outline.id,
            outline.enrolled.len(),
            outline.seminars.len(),
            slots,
            outline.knowledge.len() + outline.exchanges.len() + outline.tutor_requests.len(),
        );
        for problem in own {
            let _ = writeln!(lines, "  {:?}: {}", problem.severity, problem.message);
        }
    }
    insta::assert_snapshot!(lines);
}

#[test]
fn forgetting_a_person_takes_the_shelf_that_names_them() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = cercle::generate::generate(6, 2);
    Store::open(dir).unwrap().save(&data).unwrap();
    assert_eq!(check(dir).0, Some(0));
    let finished = (data.cohorts.iter())
        .find(|c| last_day(c) < today() && Some(&c.id) != data.current_cohort.as_ref())
        .unwrap();
    let trainee = finished.trainees[0].as_str().to_owned();
    let (shelf, outlines) = (dir.join(SHELF_FILE), dir.join(OUTLINES_FILE));
    assert!(shelf.exists());
    assert!(fs::read_to_string(&outlines).unwrap().contains(&trainee));
    crate::common::succeeded(command(dir).args(["forget", &trainee, "--yes"]));
    assert!(!shelf.exists() && !outlines.exists());
    // The next check makes them again from the documents, where the trainee is no more.
    assert_eq!(check(dir).0, Some(0));
    assert!(!fs::read_to_string(&outlines).unwrap().contains(&trainee));
}

/// What the whole data of the faulty network breaks, pinned: the checks over outlines say what
/// the checks over the records said, in the same order.
#[test]
fn the_rules_a_faulty_network_breaks_are_told_as_pinned() {
    let (data, _, _) = faulty_network();
    let mut lines = String::new();
    for problem in problems(&data, today()) {
        let _ = writeln!(lines, "{:?}: {}", problem.severity, problem.message);
    }
    insta::assert_snapshot!(lines);
}

#[test]
fn the_documents_the_schema_refuses_are_told_in_the_order_of_their_paths() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut data = cercle::sample::sample();
    // The index lists the later cohort first.
    data.cohorts.reverse();
    Store::open(dir).unwrap().save(&data).unwrap();
    for cohort in &data.cohorts {
        let path = dir.join(format!("cercle/cohorts/{}.json", cohort.id));
        let text = fs::read_to_string(&path).unwrap();
        fs::write(
            &path,
            text.replacen("\"name\": ", "\"nom\": 1, \"name\": ", 1),
        )
        .unwrap();
    }
    for _ in 0..2 {
        let (_, said) = check(dir);
        let files: Vec<&str> = (said.lines())
            .filter_map(|line| line.strip_prefix("error: cercle/cohorts/"))
            .map(|rest| rest.split(':').next().unwrap())
            .collect();
        assert_eq!(files, ["c-na-2024.json", "c-na-2026.json"], "{said}");
    }
}
