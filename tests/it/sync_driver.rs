//! git's merge driver, run as git runs it: `cercle merge-driver %O %A %B`, on files.

use crate::common;

use cercle::domain::rollcall::{self, MarkInput};
use cercle::domain::{Data, PersonId, Status};
use cercle::store::{from_json, to_json};
use common::edits::{apply, edit, half_day, ids};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use std::collections::BTreeSet;
use std::path::Path;

/// Runs the driver on copies of the three versions; returns its success and the merged bytes.
fn drive(base: &Data, ours: &Data, theirs: &Data) -> (bool, Vec<u8>, String) {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, data: &Data| {
        let path = dir.path().join(name);
        std::fs::write(&path, to_json(data).unwrap()).unwrap();
        path
    };
    let (o, a, b) = (write("O", base), write("A", ours), write("B", theirs));
    drive_files(&o, &a, &b)
}

fn drive_files(o: &Path, a: &Path, b: &Path) -> (bool, Vec<u8>, String) {
    let out = crate::common::command(o.parent().unwrap())
        .arg("merge-driver")
        .args([o, a, b])
        // The sync gives the driver its clock; every machine's merge of one pair is the same.
        .env("CERCLE_MERGE_TIME", "2026-12-03T10:00:00Z")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.success(), std::fs::read(a).unwrap(), stderr)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 10,
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..ProptestConfig::default()
    })]

    /// Any two edits of a common base, merged by the driver, give a file that loads, holds every
    /// record added on either side, has no conflict markers, and is the same whichever side
    /// git calls "ours".
    #[test]
    fn the_driver_merges_any_two_edits_the_same_whichever_side_is_ours(
        a in proptest::collection::vec(edit(), 0..8),
        b in proptest::collection::vec(edit(), 0..8),
    ) {
        let base = cercle::sample::sample();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        apply(&mut ours, "a", &a);
        apply(&mut theirs, "b", &b);
        let (ok_ab, ab, said) = drive(&base, &ours, &theirs);
        prop_assert!(ok_ab, "{}", said);
        let (ok_ba, ba, said) = drive(&base, &theirs, &ours);
        prop_assert!(ok_ba, "{}", said);
        prop_assert!(ab == ba, "the result depends on which side is ours");
        let text = String::from_utf8(ab.clone()).unwrap();
        prop_assert!(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"));
        let merged = from_json(&ab).unwrap();
        let deleted: BTreeSet<String> = ids(&base)
            .difference(&ids(&ours))
            .chain(ids(&base).difference(&ids(&theirs)))
            .cloned()
            .collect();
        for id in ids(&ours).union(&ids(&theirs)).filter(|id| !deleted.contains(*id)) {
            prop_assert!(ids(&merged).contains(id), "{} was lost", id);
        }
    }
}

/// The first signed half-day of the current cohort with marks, and the cohort.
fn signed(data: &mut Data) -> (cercle::domain::Cohort, &mut cercle::domain::HalfDay) {
    half_day(data, |h| h.signature.is_some() && h.marks.len() > 2)
}

fn change_after_signing(data: &mut Data, trainee: usize, status: Status, minute: u32) {
    let by = PersonId::new("p-helene-marchetti");
    let (cohort, half_day) = signed(data);
    let who = half_day.marks[trainee].trainee.clone();
    let at = common::now() + chrono::Duration::minutes(i64::from(minute));
    let input = MarkInput {
        status,
        time: None,
        reason: None,
    };
    rollcall::mark(&cohort, half_day, &who, input, &by, at, Some("certificate")).unwrap();
}

#[test]
fn a_signed_roll_call_changed_on_both_machines_keeps_both_histories() {
    let base = cercle::sample::sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    change_after_signing(&mut ours, 0, Status::Excused, 5);
    change_after_signing(&mut theirs, 1, Status::Absent, 3);
    let (ok, bytes, said) = drive(&base, &ours, &theirs);
    assert!(ok, "{said}");
    let mut merged = from_json(&bytes).unwrap();
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let mut base = base;
    let before = signed(&mut base).1.history.clone();
    let (_, half_day) = signed(&mut merged);
    assert_eq!(half_day.history.len(), before.len() + 2);
    assert!(
        half_day.history.starts_with(&before),
        "the older history stays first"
    );
    let added: Vec<_> = half_day.history[before.len()..]
        .iter()
        .map(|c| (c.to, c.at))
        .collect();
    let at = |m: i64| common::now() + chrono::Duration::minutes(m);
    assert_eq!(
        added,
        [(Status::Absent, at(3)), (Status::Excused, at(5))],
        "both changes, in the order they were made"
    );
    assert_eq!(half_day.marks[0].status, Status::Excused);
    assert_eq!(half_day.marks[1].status, Status::Absent);
    assert!(half_day.signature.is_some());
}

#[test]
fn a_file_from_a_newer_cercle_is_refused_and_ours_is_left_as_it_was() {
    let base = cercle::sample::sample();
    let mut theirs = base.clone();
    theirs.schema_version += 1;
    let dir = tempfile::tempdir().unwrap();
    let (o, a, b) = (
        dir.path().join("O"),
        dir.path().join("A"),
        dir.path().join("B"),
    );
    std::fs::write(&o, to_json(&base).unwrap()).unwrap();
    std::fs::write(&a, to_json(&base).unwrap()).unwrap();
    std::fs::write(&b, to_json(&theirs).unwrap()).unwrap();
    let (ok, bytes, said) = drive_files(&o, &a, &b);
    assert!(!ok);
    assert!(said.contains("newer Cercle"), "{said}");
    assert_eq!(bytes, to_json(&base).unwrap());
}

#[test]
fn both_machines_adding_the_file_merge_with_no_common_base() {
    let ours = cercle::sample::sample();
    let mut theirs = ours.clone();
    theirs.people[0].city = "Quimper".into();
    let dir = tempfile::tempdir().unwrap();
    let (o, a, b) = (
        dir.path().join("O"),
        dir.path().join("A"),
        dir.path().join("B"),
    );
    std::fs::write(&o, "").unwrap();
    std::fs::write(&a, to_json(&ours).unwrap()).unwrap();
    std::fs::write(&b, to_json(&theirs).unwrap()).unwrap();
    let (ok, bytes, said) = drive_files(&o, &a, &b);
    assert!(ok, "{said}");
    let merged = from_json(&bytes).unwrap();
    assert_eq!(
        merged.conflicts.len(),
        1,
        "the one difference waits for a choice"
    );
    assert_eq!(merged.conflicts[0].base, None);
}

/// The first half-day of the current cohort not signed yet.
fn unsigned(data: &mut Data) -> &mut cercle::domain::HalfDay {
    half_day(data, |h| h.signature.is_none()).1
}

#[test]
fn a_mark_changed_before_the_signature_arrived_goes_to_the_signed_sheet_history() {
    let mut base = cercle::sample::sample();
    let by = PersonId::new("p-helene-marchetti");
    let cohort = base.cohorts.last().unwrap().clone();
    rollcall::mark_rest_present(&cohort, unsigned(&mut base), &by, common::now()).unwrap();
    let id = unsigned(&mut base).id.clone();
    let (mut signing, mut unaware) = (base.clone(), base.clone());
    rollcall::sign(unsigned(&mut signing), &by, common::now()).unwrap();
    let trainee = unsigned(&mut unaware).marks[2].trainee.clone();
    let late = common::now() + chrono::Duration::minutes(20);
    let input = MarkInput {
        status: Status::LeftEarly,
        time: None,
        reason: None,
    };
    let other = PersonId::new("p-yannick-le-goff");
    rollcall::mark(
        &cohort,
        unsigned(&mut unaware),
        &trainee,
        input,
        &other,
        late,
        None,
    )
    .unwrap();
    let (ok, one, said) = drive(&base, &signing, &unaware);
    assert!(ok, "{said}");
    let (_, two, _) = drive(&base, &unaware, &signing);
    assert_eq!(one, two, "the same whichever laptop merges");
    let merged = from_json(&one).unwrap();
    assert!(merged.conflicts.is_empty());
    let day = merged
        .cohorts
        .iter()
        .flat_map(|c| &c.seminars)
        .flat_map(|s| &s.half_days)
        .find(|h| h.id == id)
        .unwrap();
    assert!(day.signature.is_some(), "the signature stays");
    assert_eq!(day.mark_of(&trainee).unwrap().status, Status::LeftEarly);
    let [change] = day.history.as_slice() else {
        panic!("one change after signing expected: {:?}", day.history);
    };
    assert_eq!(
        (change.from, change.to, &change.by, change.at),
        (Some(Status::Present), Status::LeftEarly, &other, late)
    );
    assert_eq!(change.reason, cercle::sync::signed::LATE_CHANGE_REASON);
    // Merging the result again with either side adds nothing more.
    let (_, again, _) = drive(&base, &merged, &signing);
    assert_eq!(from_json(&again).unwrap(), merged);
}
