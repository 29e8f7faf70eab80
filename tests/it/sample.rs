//! The embedded sample cohort: it parses, it is what the app would write, and it keeps the rules.

use cercle::domain::holidays::holiday_name;
use cercle::domain::integrity::{Severity, problems};
use cercle::domain::tutoring::RequestStatus;
use cercle::domain::{CohortId, Data, PersonRole, Status};
use cercle::sample::{SAMPLE_JSON, SAMPLE_TODAY, sample};
use chrono::{Datelike, Weekday};
use std::collections::HashSet;

fn current(data: &Data) -> &cercle::domain::Cohort {
    data.current().expect("the sample has a current cohort")
}

/// The sample without what reading it adds: its people's keys, their signatures and the seals.
pub(crate) fn unsigned(mut data: Data) -> Data {
    for cohort in &mut data.cohorts {
        cohort.keys.clear();
        for half_day in cohort.seminars.iter_mut().flat_map(|s| &mut s.half_days) {
            half_day.seals.clear();
            half_day.marks.iter_mut().for_each(|m| m.signed = None);
        }
    }
    data
}

#[test]
fn the_sample_is_signed_and_sealed_and_verifies() {
    let data = sample();
    for cohort in &data.cohorts {
        assert_eq!(cercle::domain::audit::verify(&data, cohort), vec![]);
        let signed = cohort.seminars.iter().flat_map(|s| &s.half_days);
        assert!(
            signed
                .filter(|h| h.signature.is_some())
                .all(|h| !h.seals.is_empty())
        );
    }
    let value = serde_json::to_value(&data).unwrap();
    assert!(
        cercle::schema::validate(&value).is_empty(),
        "the schema describes signatures and seals"
    );
}

#[test]
fn sample_parses_and_is_canonical() {
    let data: Data = serde_json::from_str(SAMPLE_JSON).expect("the sample parses");
    assert_eq!(data, unsigned(sample()));
    // Written exactly as the app writes it: no unknown field silently dropped, no churn on save.
    let written = serde_json::to_string_pretty(&data).unwrap() + "\n";
    assert!(
        written == SAMPLE_JSON,
        "assets/sample-cohort.json differs from its serde form; regenerate it"
    );
}

#[test]
fn sample_has_the_announced_shape() {
    let data = sample();
    assert_eq!(data.schema_version, cercle::domain::SCHEMA_VERSION);
    assert_eq!(data.programme.title, "Facilitateur·rice de tiers-lieux");
    assert_eq!(data.programme.certification.code, "RS5142");
    assert_eq!(data.programme.modules.len(), 14);
    assert_eq!(data.current_cohort, Some(CohortId::new("c-na-2026")));
    let cohort = current(&data);
    assert_eq!(cohort.name, "Nouvelle-Aquitaine 2026");
    assert_eq!(cohort.trainees.len(), 10);
    assert!(cohort.seminars.len() >= 8);
    assert_eq!(cohort.price_eur, 3500);
    let role_of = |id| data.person(id).map(|p| p.role);
    assert!(
        cohort
            .trainees
            .iter()
            .all(|t| role_of(t) == Some(PersonRole::Trainee))
    );
    let trainers = data.people.iter().filter(|p| p.role == PersonRole::Trainer);
    assert_eq!(trainers.count(), 3);
    assert_eq!(data.venues.len(), 4);
    for venue in &data.venues {
        let host = venue.host.as_ref().and_then(|h| data.person(h));
        assert_eq!(host.map(|h| h.role), Some(PersonRole::Host), "{}", venue.id);
    }
    assert!(data.cohorts.len() >= 2, "a second, past cohort");
    let past = data.cohorts.iter().find(|c| c.id != cohort.id).unwrap();
    assert!(past.end < SAMPLE_TODAY);
    assert!(cohort.funding.len() >= cohort.trainees.len());
    assert!(
        cohort
            .trainees
            .iter()
            .all(|t| cohort.funding.iter().any(|f| &f.trainee == t))
    );
    assert!(
        data.people.iter().any(|p| p.shared.is_empty()),
        "someone shares nothing"
    );
    assert!(
        data.people
            .iter()
            .flat_map(|p| &p.notes)
            .any(|n| n.confidential)
    );
}

#[test]
fn sample_keeps_every_rule() {
    let data = sample();
    let found = problems(&data, SAMPLE_TODAY);
    assert!(
        !found.iter().any(|p| p.severity == Severity::Error),
        "{found:#?}"
    );
    assert!(found.is_empty(), "not even a warning: {found:#?}");
}

#[test]
fn every_half_day_is_a_working_day() {
    let data = sample();
    for half_day in data
        .cohorts
        .iter()
        .flat_map(|c| &c.seminars)
        .flat_map(|s| &s.half_days)
    {
        let day = half_day.date;
        assert!(
            !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
            "{}",
            half_day.id
        );
        assert_eq!(
            holiday_name(day),
            None,
            "{} falls on a holiday",
            half_day.id
        );
    }
}

#[test]
fn past_half_days_are_marked_and_signed_future_ones_are_not() {
    let data = sample();
    let cohort = current(&data);
    let half_days = || cohort.seminars.iter().flat_map(|s| &s.half_days);
    assert!(
        half_days().any(|h| h.date > SAMPLE_TODAY),
        "some seminars lie ahead"
    );
    for seminar in &cohort.seminars {
        for half_day in &seminar.half_days {
            if half_day.date < SAMPLE_TODAY {
                assert_eq!(
                    half_day.marks.len(),
                    cohort.trainees.len(),
                    "{}",
                    half_day.id
                );
                let signature = half_day.signature.as_ref().expect("past sheets are signed");
                assert_eq!(signature.by, seminar.trainer);
                assert_eq!(signature.at.date_naive(), half_day.date);
                let marked = half_day.marks.iter().filter_map(|m| m.at).max().unwrap();
                assert!(signature.at > marked, "signed after the roll call");
            } else {
                assert!(half_day.marks.is_empty() && half_day.signature.is_none());
            }
        }
    }
}

#[test]
fn sample_shows_every_attendance_status() {
    let data = sample();
    let marks: Vec<_> = current(&data)
        .seminars
        .iter()
        .flat_map(|s| &s.half_days)
        .flat_map(|h| &h.marks)
        .collect();
    let has = |status| marks.iter().any(|m| m.status == status);
    assert!(has(Status::Late) && has(Status::LeftEarly) && has(Status::Absent));
    assert!(
        marks
            .iter()
            .any(|m| m.status == Status::Excused && m.reason.is_some())
    );
    for mark in &marks {
        if matches!(mark.status, Status::Late | Status::LeftEarly) {
            assert!(mark.time.is_some(), "a late or early mark carries its time");
        }
    }
}

#[test]
fn sample_circle_and_tutoring_hang_together() {
    let data = sample();
    let cohort = current(&data);
    let people: HashSet<_> = cohort.trainees.iter().collect();
    assert!(cohort.knowledge.iter().all(|k| people.contains(&k.person)));
    assert!(cohort.exchanges.iter().any(|e| !e.evaluations.is_empty()));
    let statuses: HashSet<_> = cohort.tutor_requests.iter().map(|r| r.status).collect();
    for stage in [
        RequestStatus::Open,
        RequestStatus::Accepted,
        RequestStatus::Scheduled,
        RequestStatus::Done,
    ] {
        assert!(statuses.contains(&stage), "a request at {stage:?}");
    }
    for request in &cohort.tutor_requests {
        // The history walks from open to the current status, one step at a time, in order.
        let mut at = RequestStatus::Open;
        let mut when = request.created;
        for step in &request.history {
            assert_eq!(step.from, at, "{}", request.id);
            assert!(step.at >= when, "{}", request.id);
            at = step.to;
            when = step.at;
        }
        assert_eq!(at, request.status, "{}", request.id);
    }
    assert!(!cohort.follow_ups.is_empty());
    assert!(!cohort.candidacies.is_empty() && !cohort.assessments.is_empty());
}
