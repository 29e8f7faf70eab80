//! The signed record: trainees sign their own lines with their code, the trainer seals the
//! sheet, and `audit::verify` catches every way of altering the file afterwards.

use cercle::domain::audit::{Finding, verify};
use cercle::domain::rollcall::{MarkInput, mark};
use cercle::domain::seal::{self, SheetContext, SheetError};
use cercle::domain::signing::{self, Attempts, KdfParams, SignError};
use cercle::domain::{
    Cohort, CohortId, Data, HalfDayId, PersonId, Seminar, SeminarId, Status, rollcall,
};
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};

/// The rules do not depend on the cost of a derivation: tests derive cheaply.
pub(crate) const CHEAP: KdfParams = KdfParams {
    m_kib: 64,
    t: 1,
    p: 1,
};

pub(crate) fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

pub(crate) fn at(day: u32, h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, day, h, m, 0).unwrap()
}

pub(crate) fn trainee(i: usize) -> PersonId {
    PersonId::new(format!("t{i}"))
}

pub(crate) fn code(i: usize) -> String {
    format!("code-{i}")
}

pub(crate) const TRAINER: &str = "trainer";

/// A cohort of 10 with one two-day seminar, every key registered (cheaply).
pub(crate) fn cohort() -> (Data, CohortId) {
    let mut data = Data::empty("Facilitateur·rice de tiers-lieux", "Organisme");
    let mut n = 0;
    let mut ids = || {
        n += 1;
        HalfDayId::new(format!("h{n}"))
    };
    let start = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
    let half_days = rollcall::lay_out(
        &mut ids,
        start,
        2,
        (t(9, 0), t(12, 30)),
        (t(14, 0), t(17, 30)),
    );
    let mut cohort = Cohort {
        id: CohortId::new("c"),
        trainees: (0..10).map(trainee).collect(),
        trainers: vec![PersonId::new(TRAINER)],
        seminars: vec![Seminar {
            id: SeminarId::new("s1"),
            trainer: PersonId::new(TRAINER),
            half_days,
            ..Seminar::default()
        }],
        ..Cohort::default()
    };
    for i in 0..10 {
        let salt = [u8::try_from(i).unwrap(); 16];
        signing::register(
            &mut cohort.keys,
            &trainee(i),
            &code(i),
            &code(i),
            salt,
            CHEAP,
            at(1, 8, 0),
        )
        .unwrap();
    }
    let trainer = PersonId::new(TRAINER);
    signing::register(
        &mut cohort.keys,
        &trainer,
        "trainer-code",
        "trainer-code",
        [99; 16],
        CHEAP,
        at(1, 8, 0),
    )
    .unwrap();
    let id = cohort.id.clone();
    data.cohorts.push(cohort.into());
    (data, id)
}

pub(crate) fn input(status: Status, time: Option<NaiveTime>) -> MarkInput {
    MarkInput {
        status,
        time,
        reason: None,
    }
}

pub(crate) fn half_day_id(n: usize) -> HalfDayId {
    HalfDayId::new(format!("h{n}"))
}

/// Takes the roll of half-day `n` (t2 late, t3 absent), has everyone present sign, and seals.
pub(crate) fn take_and_seal(data: &mut Data, id: &CohortId, n: usize, day: u32) {
    let trainer = PersonId::new(TRAINER);
    let ctx = {
        let cohort = data.cohort(id).unwrap();
        SheetContext::of(data, cohort, &cohort.seminars[0])
    };
    let cohort = data.cohort_mut(id).unwrap();
    let h = n - 1;
    for i in 0..10 {
        let (status, time) = match i {
            2 => (Status::Late, Some(t(9, 40))),
            3 => (Status::Absent, None),
            _ => (Status::Present, None),
        };
        let sheet = &mut cohort.seminars[0].half_days[h];
        put(sheet, i, input(status, time), at(day, 8, 5));
    }
    let mut attempts = Attempts::default();
    for i in (0..10).filter(|&i| i != 3) {
        sign(cohort, &mut attempts, (n, i), &code(i), at(day, 8, 10)).unwrap();
    }
    let key = attempts
        .unlock(
            &cohort.keys,
            (&half_day_id(n), &trainer),
            "trainer-code",
            at(day, 11, 0),
        )
        .unwrap();
    seal::seal(
        &ctx,
        cohort,
        &half_day_id(n),
        &trainer,
        &key,
        at(day, 11, 35),
        false,
    )
    .unwrap();
}

/// The trainer seals half-day `n` at `when`, unmarked trainees or not.
pub(crate) fn seal_as_trainer(data: &mut Data, id: &CohortId, n: usize, when: DateTime<Utc>) {
    let trainer = PersonId::new(TRAINER);
    let ctx = {
        let cohort = data.cohort(id).unwrap();
        SheetContext::of(data, cohort, &cohort.seminars[0])
    };
    let cohort = data.cohort_mut(id).unwrap();
    let line = (&half_day_id(n), &trainer);
    let key = Attempts::default()
        .unlock(&cohort.keys, line, "trainer-code", when)
        .unwrap();
    seal::seal(&ctx, cohort, line.0, &trainer, &key, when, true).unwrap();
}

/// Marks trainee `i` on a sheet, as the trainer, before any seal.
pub(crate) fn put(
    sheet: &mut cercle::domain::HalfDay,
    i: usize,
    line: MarkInput,
    when: DateTime<Utc>,
) {
    let trainer = PersonId::new(TRAINER);
    mark(
        &cohort_view(),
        sheet,
        &trainee(i),
        line,
        &trainer,
        when,
        None,
    )
    .unwrap();
}

/// Trainee `line.1` signs her line of half-day `line.0` with a code she already chose.
fn sign(
    cohort: &mut Cohort,
    attempts: &mut Attempts,
    line: (usize, usize),
    code: &str,
    when: DateTime<Utc>,
) -> Result<(), SheetError> {
    let (half_day, who) = (half_day_id(line.0), trainee(line.1));
    seal::sign_own_line(
        cohort,
        &half_day,
        &who,
        (code, None),
        attempts,
        [0; 16],
        when,
    )
}

/// Enrolment only: `mark` checks that the trainee belongs to the cohort.
fn cohort_view() -> Cohort {
    Cohort {
        trainees: (0..10).map(trainee).collect(),
        ..Cohort::default()
    }
}

fn sealed_two() -> (Data, CohortId) {
    let (mut data, id) = cohort();
    take_and_seal(&mut data, &id, 1, 8);
    take_and_seal(&mut data, &id, 2, 8);
    (data, id)
}

fn findings(data: &Data, id: &CohortId) -> Vec<(HalfDayId, Finding)> {
    verify(data, data.cohort(id).unwrap())
        .into_iter()
        .map(|p| (p.place.half_day, p.finding))
        .collect()
}

#[test]
fn a_signed_and_sealed_record_verifies() {
    let (data, id) = sealed_two();
    assert_eq!(findings(&data, &id), vec![]);
    let sheet = &data.cohort(&id).unwrap().seminars[0].half_days[0];
    assert_eq!(sheet.marks.iter().filter(|m| m.signed.is_some()).count(), 9);
    assert_eq!(sheet.seals[0].seq, 0);
    let stored = serde_json::to_string(&data).unwrap();
    assert!(!stored.contains("code-1"), "no code is stored");
}

#[test]
fn a_wrong_code_is_refused_and_five_pause_the_line() {
    let (mut data, id) = cohort();
    let cohort = data.cohort_mut(&id).unwrap();
    let sheet = &mut cohort.seminars[0].half_days[0];
    put(sheet, 0, input(Status::Present, None), at(8, 8, 5));
    let mut attempts = Attempts::default();
    for _ in 0..4 {
        let wrong = sign(cohort, &mut attempts, (1, 0), "code-9", at(8, 8, 6));
        assert_eq!(wrong, Err(SheetError::Sign(SignError::WrongCode)));
    }
    let fifth = sign(cohort, &mut attempts, (1, 0), "code-9", at(8, 8, 6));
    assert_eq!(fifth, Err(SheetError::Sign(SignError::Paused(at(8, 8, 7)))));
    let right = sign(cohort, &mut attempts, (1, 0), &code(0), at(8, 8, 6));
    assert_eq!(
        right,
        Err(SheetError::Sign(SignError::Paused(at(8, 8, 7)))),
        "the line waits"
    );
    assert!(cohort.seminars[0].half_days[0].marks[0].signed.is_none());
    sign(cohort, &mut attempts, (1, 0), &code(0), at(8, 8, 7)).unwrap();
    assert!(cohort.seminars[0].half_days[0].marks[0].signed.is_some());
}

#[test]
fn an_absent_trainee_cannot_sign_and_a_missing_signature_needs_a_reason() {
    let (mut data, id) = cohort();
    let cohort = data.cohort_mut(&id).unwrap();
    let trainer = PersonId::new(TRAINER);
    let sheet = &mut cohort.seminars[0].half_days[0];
    put(sheet, 3, input(Status::Absent, None), at(8, 8, 5));
    put(sheet, 4, input(Status::Present, None), at(8, 8, 5));
    let mut attempts = Attempts::default();
    let absent = sign(cohort, &mut attempts, (1, 3), &code(3), at(8, 8, 6));
    assert_eq!(absent, Err(SheetError::Absent(trainee(3))));
    let sheet = &mut cohort.seminars[0].half_days[0];
    assert_eq!(
        seal::record_missing(sheet, &trainee(4), &trainer, at(8, 8, 7), "  "),
        Err(SheetError::Sign(SignError::ReasonNeeded))
    );
    seal::record_missing(sheet, &trainee(4), &trainer, at(8, 8, 7), "code oublié").unwrap();
    assert_eq!(
        sheet.marks[1].missing_signature.as_ref().unwrap().reason,
        "code oublié"
    );
}

#[test]
fn no_signature_can_be_made_without_the_trainees_code() {
    let (mut data, id) = sealed_two();
    let cohort = data.cohort_mut(&id).unwrap();
    // Someone with the file but not the code signs with a key of their own: it is not hers.
    let stranger = signing::derive("guessed-code", &[7; 16], CHEAP).unwrap();
    let sheet = &mut cohort.seminars[0].half_days[2];
    put(sheet, 0, input(Status::Present, None), at(9, 8, 5));
    seal::sign_line(sheet, &trainee(0), &stranger, at(9, 8, 6)).unwrap();
    let found = findings(&data, &id);
    assert_eq!(
        found,
        vec![(half_day_id(3), Finding::LineKeyUnknown(trainee(0)))]
    );
}

#[test]
fn sealing_lists_the_unmarked_and_asks_for_a_confirmation() {
    let (mut data, id) = cohort();
    let trainer = PersonId::new(TRAINER);
    let ctx = {
        let cohort = data.cohort(&id).unwrap();
        SheetContext::of(&data, cohort, &cohort.seminars[0])
    };
    let cohort = data.cohort_mut(&id).unwrap();
    let sheet = &mut cohort.seminars[0].half_days[0];
    put(sheet, 0, input(Status::Present, None), at(8, 8, 5));
    let key = signing::derive("trainer-code", &[99; 16], CHEAP).unwrap();
    let refused = seal::seal(
        &ctx,
        cohort,
        &half_day_id(1),
        &trainer,
        &key,
        at(8, 12, 0),
        false,
    );
    assert_eq!(
        refused,
        Err(SheetError::Unmarked((1..10).map(trainee).collect()))
    );
    assert!(cohort.seminars[0].half_days[0].signature.is_none());
    seal::seal(
        &ctx,
        cohort,
        &half_day_id(1),
        &trainer,
        &key,
        at(8, 12, 0),
        true,
    )
    .unwrap();
    let wrong = signing::derive("other-code", &[99; 16], CHEAP).unwrap();
    let by_other = seal::seal(
        &ctx,
        cohort,
        &half_day_id(2),
        &trainer,
        &wrong,
        at(8, 17, 0),
        true,
    );
    assert_eq!(by_other, Err(SheetError::WrongKey(trainer)));
}

fn sheet_mut<'a>(data: &'a mut Data, id: &CohortId, n: usize) -> &'a mut cercle::domain::HalfDay {
    &mut data.cohort_mut(id).unwrap().seminars[0].half_days[n - 1]
}

#[test]
fn verify_catches_a_status_changed_outside_cercle() {
    let (mut data, id) = sealed_two();
    sheet_mut(&mut data, &id, 1).marks[0].status = Status::Absent;
    let found = findings(&data, &id);
    assert!(
        found.contains(&(
            half_day_id(1),
            Finding::StatusChanged {
                trainee: trainee(0),
                expected: Status::Present,
                found: Status::Absent
            }
        )),
        "{found:?}"
    );
    assert!(found.contains(&(half_day_id(1), Finding::SealBroken(PersonId::new(TRAINER)))));
    // An unsigned line (the absent trainee's) is caught by the seal alone.
    let (mut data, id) = sealed_two();
    sheet_mut(&mut data, &id, 2).marks[3].status = Status::Excused;
    assert_eq!(
        findings(&data, &id),
        vec![(half_day_id(2), Finding::SealBroken(PersonId::new(TRAINER)))]
    );
}

#[test]
fn verify_catches_a_time_changed() {
    let (mut data, id) = sealed_two();
    sheet_mut(&mut data, &id, 1).marks[2].time = Some(t(9, 10));
    let found = findings(&data, &id);
    assert!(
        found.contains(&(
            half_day_id(1),
            Finding::TimeChanged {
                trainee: trainee(2),
                expected: Some(t(9, 40)),
                found: Some(t(9, 10))
            }
        )),
        "{found:?}"
    );
}

#[test]
fn verify_catches_a_signature_moved_to_another_half_day() {
    let (mut data, id) = sealed_two();
    let moved = sheet_mut(&mut data, &id, 1).marks[5].signed.clone();
    let other = sheet_mut(&mut data, &id, 3);
    put(other, 5, input(Status::Present, None), at(9, 8, 5));
    other.marks[0].signed = moved;
    assert_eq!(
        findings(&data, &id),
        vec![(
            half_day_id(3),
            Finding::LineMoved {
                trainee: trainee(5),
                from: half_day_id(1)
            }
        )]
    );
    // Renamed to fit its new half-day, it no longer matches what she signed.
    sheet_mut(&mut data, &id, 3).marks[0]
        .signed
        .as_mut()
        .unwrap()
        .half_day = half_day_id(3);
    assert_eq!(
        findings(&data, &id),
        vec![(half_day_id(3), Finding::LineForged(trainee(5)))]
    );
}

#[test]
fn verify_catches_a_sealed_half_day_removed() {
    let (mut data, id) = sealed_two();
    take_and_seal(&mut data, &id, 3, 9);
    data.cohort_mut(&id).unwrap().seminars[0]
        .half_days
        .remove(1);
    assert_eq!(
        findings(&data, &id),
        vec![(half_day_id(3), Finding::SealsMissing { from: 1, to: 2 })]
    );
}

#[test]
fn verify_catches_a_removed_seal_and_a_removed_history_entry() {
    let (mut data, id) = sealed_two();
    sheet_mut(&mut data, &id, 2).seals.clear();
    assert_eq!(
        findings(&data, &id),
        vec![(half_day_id(2), Finding::SealRemoved)]
    );

    let (mut data, id) = corrected();
    let sheet = sheet_mut(&mut data, &id, 1);
    sheet.history.pop();
    sheet.marks[0].status = Status::Present;
    let found = findings(&data, &id);
    assert!(
        found.contains(&(
            half_day_id(1),
            Finding::HistoryRemoved {
                sealed: 1,
                found: 0
            }
        )),
        "{found:?}"
    );
}

/// Half-day 1 sealed, then t0 corrected to left early at 11:00 with a reason, and sealed again.
fn corrected() -> (Data, CohortId) {
    let (mut data, id) = sealed_two();
    let trainer = PersonId::new(TRAINER);
    let ctx = {
        let cohort = data.cohort(&id).unwrap();
        SheetContext::of(&data, cohort, &cohort.seminars[0])
    };
    let cohort = data.cohort_mut(&id).unwrap();
    let sheet = &mut cohort.seminars[0].half_days[0];
    let change = input(Status::LeftEarly, Some(t(11, 0)));
    assert_eq!(
        mark(
            &cohort_view(),
            sheet,
            &trainee(0),
            change.clone(),
            &trainer,
            at(8, 14, 0),
            None
        ),
        Err(rollcall::RollCallError::ReasonNeeded)
    );
    mark(
        &cohort_view(),
        sheet,
        &trainee(0),
        change,
        &trainer,
        at(8, 14, 0),
        Some("parti à 11 h pour un rendez-vous"),
    )
    .unwrap();
    let key = signing::derive("trainer-code", &[99; 16], CHEAP).unwrap();
    seal::seal(
        &ctx,
        cohort,
        &half_day_id(1),
        &trainer,
        &key,
        at(8, 14, 1),
        false,
    )
    .unwrap();
    (data, id)
}

#[test]
fn verify_passes_after_a_legitimate_correction_and_its_withdrawal() {
    let (mut data, id) = corrected();
    assert_eq!(findings(&data, &id), vec![]);
    let sheet = sheet_mut(&mut data, &id, 1);
    let change = &sheet.history[0];
    assert_eq!(
        (change.from, change.to),
        (Some(Status::Present), Status::LeftEarly)
    );
    assert_eq!((change.from_time, change.to_time), (None, Some(t(11, 0))));
    seal::withdraw(
        sheet,
        0,
        &PersonId::new(TRAINER),
        at(8, 15, 0),
        "erreur de ligne",
    )
    .unwrap();
    assert_eq!(
        sheet.history.len(),
        2,
        "the correction stays, its withdrawal is appended"
    );
    assert_eq!(sheet.history[1].withdraws, Some(0));
    assert_eq!(sheet.marks[0].status, Status::Present);
    assert_eq!(sheet.seals.len(), 2, "no seal is erased");
    assert_eq!(findings(&data, &id), vec![]);
}

#[test]
fn signatures_before_seals_are_noted_not_altered() {
    let (mut data, id) = sealed_two();
    let sheet = sheet_mut(&mut data, &id, 2);
    sheet.seals.clear();
    sheet.signature.as_mut().unwrap().before_seals = true;
    let found = findings(&data, &id);
    assert_eq!(found, vec![(half_day_id(2), Finding::SignedBeforeSeals)]);
    assert!(!found[0].1.is_alteration());
}

#[test]
fn verify_catches_a_seal_taken_out_of_the_chain_and_renumbered() {
    let (mut data, id) = sealed_two();
    take_and_seal(&mut data, &id, 3, 9);
    sheet_mut(&mut data, &id, 2).seals.clear();
    sheet_mut(&mut data, &id, 2).signature = None;
    // Renumbered to hide the gap, the third seal no longer follows the first.
    sheet_mut(&mut data, &id, 3).seals[0].seq = 1;
    let found = findings(&data, &id);
    assert!(
        found.contains(&(half_day_id(3), Finding::ChainBroken(1))),
        "{found:?}"
    );
}

#[test]
fn a_forgotten_trainee_leaves_notes_not_alterations() {
    let (mut data, id) = sealed_two();
    let alix = cercle::domain::Person {
        id: trainee(0),
        name: "Alix Martin".into(),
        ..cercle::domain::Person::default()
    };
    data.people.push(alix.into());
    cercle::domain::privacy::forget(&mut data, &trainee(0)).unwrap();
    let found = findings(&data, &id);
    assert_eq!(
        found,
        vec![
            (half_day_id(1), Finding::Forgotten),
            (half_day_id(2), Finding::Forgotten)
        ]
    );
    assert!(found.iter().all(|(_, f)| !f.is_alteration()));
}
