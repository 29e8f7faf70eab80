//! The bytes a line signature and a seal sign never change: files sealed by an earlier Cercle
//! must still verify. They are compared here with the canonical JSON arrays written out in
//! full, value by value, on the sample's sealed sheets and on a sheet whose corrections added
//! a mark and changed another after its seal.

use cercle::domain::attendance::{HalfDay, Mark, MarkChange, Seal};
use cercle::domain::seal::{SheetContext, line_message, marks_at, seal_message};
use cercle::domain::{PersonId, Status};
use serde_json::{Value, json};

/// The line as a seal covers it, written out as the format says.
fn line_content(mark: &Mark) -> Value {
    json!([
        mark.trainee,
        mark.status,
        mark.time,
        mark.signed.as_ref().map(|s| &s.sig),
        mark.missing_signature.as_ref().map(|m| &m.reason),
    ])
}

fn change_content(change: &MarkChange) -> Value {
    json!([
        change.trainee,
        change.by,
        change.at,
        change.from,
        change.to,
        change.from_time,
        change.to_time,
        change.reason,
        change.withdraws,
    ])
}

/// The format's seal content, built as a JSON value.
fn expected_seal(ctx: &SheetContext, half_day: &HalfDay, seal: &Seal) -> Vec<u8> {
    let covered = seal.history as usize;
    // The marks walked back over the corrections the seal does not cover, as the sample's
    // sealing does it.
    let marks = marks_at(half_day, covered);
    let lines: Vec<Value> = marks.iter().map(line_content).collect();
    let history: Vec<Value> = half_day
        .history
        .iter()
        .take(covered)
        .map(change_content)
        .collect();
    json!([
        "cercle/seal/1",
        ctx.programme,
        ctx.cohort,
        ctx.seminar,
        ctx.modules,
        ctx.venue,
        half_day.id,
        half_day.date,
        half_day.period,
        half_day.start,
        half_day.end,
        lines,
        history,
        seal.history,
        seal.prev,
        seal.by,
        seal.at,
        seal.seq,
    ])
    .to_string()
    .into_bytes()
}

#[test]
fn seals_and_line_signatures_sign_the_canonical_arrays() {
    let data = cercle::sample::sample();
    let (mut seals, mut lines) = (0, 0);
    for cohort in &data.cohorts {
        for seminar in &cohort.seminars {
            let ctx = SheetContext::of(&data, cohort, seminar);
            for half_day in &seminar.half_days {
                for seal in &half_day.seals {
                    let message = seal_message(&ctx, half_day, seal);
                    assert_eq!(
                        String::from_utf8(message).unwrap(),
                        String::from_utf8(expected_seal(&ctx, half_day, seal)).unwrap()
                    );
                    seals += 1;
                }
                for mark in &half_day.marks {
                    let Some(signed) = &mark.signed else { continue };
                    let expected = json!([
                        "cercle/line/1",
                        signed.half_day,
                        half_day.date,
                        half_day.period,
                        half_day.start,
                        half_day.end,
                        mark.trainee,
                        signed.status,
                        signed.time,
                        signed.at,
                    ]);
                    let message = line_message(half_day, &mark.trainee, signed);
                    assert_eq!(String::from_utf8(message).unwrap(), expected.to_string());
                    lines += 1;
                }
            }
        }
    }
    assert!(seals > 10 && lines > 50, "{seals} seals, {lines} lines");

    // A sheet whose corrections, after a seal covering none, marked a trainee who had no mark
    // and changed another's time: the seal covers the sheet as it was.
    let cohort = data.current().unwrap();
    let seminar = cohort
        .seminars
        .iter()
        .find(|s| s.half_days.iter().any(|h| !h.seals.is_empty()))
        .unwrap();
    let ctx = SheetContext::of(&data, cohort, seminar);
    let mut half_day = seminar
        .half_days
        .iter()
        .find(|h| !h.seals.is_empty())
        .unwrap()
        .clone();
    let seal = Seal {
        history: 0,
        ..half_day.seals[0].clone()
    };
    let newcomer = PersonId::new("p-newcomer");
    let first = half_day.marks[0].clone();
    half_day.marks.push(Mark {
        trainee: newcomer.clone(),
        ..first.clone()
    });
    half_day.marks[0].status = Status::Late;
    half_day.marks[0].time = chrono::NaiveTime::from_hms_opt(9, 40, 0);
    let change = |trainee: &PersonId, from, to, to_time| MarkChange {
        trainee: trainee.clone(),
        by: seal.by.clone(),
        at: seal.at,
        from,
        to,
        from_time: None,
        to_time,
        reason: "« arrivée » tardive\n".into(),
        withdraws: None,
    };
    half_day.history = vec![
        change(&newcomer, None, first.status, None),
        change(
            &first.trainee,
            Some(first.status),
            Status::Late,
            half_day.marks[0].time,
        ),
    ];
    for covered in [0, 1, 2] {
        let seal = Seal {
            history: covered,
            ..seal.clone()
        };
        assert_eq!(
            seal_message(&ctx, &half_day, &seal),
            expected_seal(&ctx, &half_day, &seal),
            "covering {covered}"
        );
    }
}
