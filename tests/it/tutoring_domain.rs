//! The tutor request state machine and the routing of requests to tutors.

use cercle::domain::geo::departement;
use cercle::domain::routing::{LOAD_KM, SPECIALITY_KM, rank, suggest};
use cercle::domain::tutoring::{
    MeetingFormat, Outcome, RequestStatus, Step, StepError, TutorRequest, TutoringSession,
    permitted,
};
use cercle::domain::{Person, PersonId, PersonRole, TutorRequestId};
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use proptest::prelude::*;

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap()
}

fn session(day: u32) -> TutoringSession {
    TutoringSession {
        date: NaiveDate::from_ymd_opt(2026, 12, day).unwrap(),
        time: NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
        place: "Visio".into(),
        format: MeetingFormat::Video,
    }
}

/// One step of each kind, each with what it needs.
fn every_step() -> Vec<Step> {
    vec![
        Step::Accept {
            tutor: "p-tutor".into(),
        },
        Step::Decline {
            reason: "out of scope".into(),
        },
        Step::Duplicate {
            of: "tr-other".into(),
            reason: "asked twice".into(),
        },
        Step::Defer {
            until: NaiveDate::from_ymd_opt(2026, 12, 10).unwrap(),
            reason: "after the seminar".into(),
        },
        Step::Schedule(session(3)),
        Step::Done(Outcome {
            summary: "went well".into(),
            next_steps: String::new(),
        }),
        Step::Cancel { reason: None },
    ]
}

/// A request brought to `status` through legal steps.
fn request_in(status: RequestStatus) -> TutorRequest {
    let mut request = TutorRequest::new("tr-1".into(), "p-trainee".into(), "Budget".into(), at(1));
    let path: &[usize] = match status {
        RequestStatus::Open => &[],
        RequestStatus::Accepted => &[0],
        RequestStatus::Declined => &[1],
        RequestStatus::Duplicate => &[2],
        RequestStatus::Deferred => &[3],
        RequestStatus::Scheduled => &[0, 4],
        RequestStatus::Done => &[0, 4, 5],
        RequestStatus::Cancelled => &[6],
    };
    for (n, &i) in path.iter().enumerate() {
        let day = u32::try_from(n).unwrap() + 2;
        request
            .apply(every_step()[i].clone(), "p-tutor".into(), at(day))
            .unwrap();
    }
    assert_eq!(request.status, status);
    request
}

#[test]
fn every_illegal_transition_is_refused_and_changes_nothing() {
    let mut refused = 0;
    for from in RequestStatus::ALL {
        for step in every_step() {
            let to = step.target();
            let mut request = request_in(from);
            let before = request.clone();
            let outcome = request.apply(step, "p-tutor".into(), at(20));
            if from.can_become(to) {
                assert!(outcome.is_ok(), "{from} → {to}: {outcome:?}");
                let last = request.history.last().unwrap();
                assert_eq!((last.from, last.to), (from, to));
                assert_eq!(last.by, PersonId::new("p-tutor"));
                assert_eq!(last.at, at(20));
                assert_eq!(request.history.len(), before.history.len() + 1);
                assert_eq!(request.status, to);
            } else {
                refused += 1;
                assert_eq!(outcome, Err(StepError::NotAllowed { from, to }));
                assert_eq!(request, before, "{from} → {to} left a trace");
            }
        }
    }
    // 8 statuses × 7 steps, minus the 16 allowed transitions.
    assert_eq!(refused, 8 * 7 - 16);
}

#[test]
fn the_transition_table() {
    use RequestStatus::*;
    assert_eq!(
        Open.next(),
        &[Accepted, Declined, Duplicate, Deferred, Cancelled]
    );
    assert_eq!(Deferred.next(), Open.next());
    assert_eq!(Accepted.next(), &[Scheduled, Deferred, Cancelled]);
    assert_eq!(Scheduled.next(), &[Scheduled, Done, Cancelled]);
    for closed in [Done, Declined, Duplicate, Cancelled] {
        assert!(closed.is_closed() && closed.next().is_empty(), "{closed}");
    }
    assert!(!Open.can_become(Open), "nobody reopens by hand");
    assert!(!Open.can_become(Scheduled) && !Open.can_become(Done));
}

#[test]
fn decline_duplicate_and_defer_need_a_reason() {
    let blank = "  \n ".to_owned();
    let steps = [
        Step::Decline {
            reason: blank.clone(),
        },
        Step::Duplicate {
            of: "tr-other".into(),
            reason: blank.clone(),
        },
        Step::Defer {
            until: NaiveDate::from_ymd_opt(2026, 12, 10).unwrap(),
            reason: blank,
        },
    ];
    for step in steps {
        let to = step.target();
        let mut request = request_in(RequestStatus::Open);
        assert_eq!(
            request.apply(step, "p-tutor".into(), at(2)),
            Err(StepError::ReasonRequired(to))
        );
        assert_eq!(request, request_in(RequestStatus::Open));
    }
    // A cancellation may go without one; a reason given is kept, trimmed.
    let mut request = request_in(RequestStatus::Open);
    let cancel = Step::Cancel {
        reason: Some("  found help elsewhere ".into()),
    };
    request.apply(cancel, "p-trainee".into(), at(2)).unwrap();
    assert_eq!(
        request.history[0].reason.as_deref(),
        Some("found help elsewhere")
    );
}

#[test]
fn steps_record_what_they_set() {
    let mut request = request_in(RequestStatus::Open);
    let duplicate_of_itself = Step::Duplicate {
        of: TutorRequestId::new("tr-1"),
        reason: "same".into(),
    };
    assert_eq!(
        request.apply(duplicate_of_itself, "p-tutor".into(), at(2)),
        Err(StepError::DuplicateOfItself)
    );
    let mut deferred = request_in(RequestStatus::Deferred);
    assert_eq!(deferred.deferred_to, NaiveDate::from_ymd_opt(2026, 12, 10));
    assert_eq!(
        deferred.history[0].reason.as_deref(),
        Some("after the seminar")
    );
    deferred
        .apply(every_step()[0].clone(), "p-tutor".into(), at(12))
        .unwrap();
    assert_eq!(deferred.tutor, Some(PersonId::new("p-tutor")));

    let mut scheduled = request_in(RequestStatus::Scheduled);
    let no_summary = Step::Done(Outcome {
        summary: " ".into(),
        next_steps: "x".into(),
    });
    assert_eq!(
        scheduled.apply(no_summary, "p-tutor".into(), at(20)),
        Err(StepError::SummaryRequired)
    );
    // Moving a session keeps the slot it moves from in the history.
    scheduled
        .apply(Step::Schedule(session(7)), "p-tutor".into(), at(21))
        .unwrap();
    assert_eq!(scheduled.session, Some(session(7)));
    let last = scheduled.history.last().unwrap();
    assert_eq!(
        (last.from, last.to),
        (RequestStatus::Scheduled, RequestStatus::Scheduled)
    );
    assert_eq!(last.reason.as_deref(), Some("2026-12-03 14:00"));
    assert_eq!(scheduled.last_change(), at(21));
}

#[test]
fn trainers_triage_and_the_trainee_may_only_cancel() {
    for to in RequestStatus::ALL {
        assert!(permitted(to, PersonRole::Trainer, false), "{to}");
        let own = to == RequestStatus::Cancelled;
        assert_eq!(permitted(to, PersonRole::Trainee, true), own, "{to}");
        assert!(!permitted(to, PersonRole::Trainee, false), "{to}");
        assert!(!permitted(to, PersonRole::Host, false), "{to}");
    }
}

#[test]
fn urgent_requests_stand_out_after_three_days_unanswered() {
    let mut request = request_in(RequestStatus::Open);
    request.urgency = cercle::domain::tutoring::Urgency::Urgent;
    let created = request.created;
    assert!(!request.is_overdue(created + chrono::Duration::days(3)));
    assert!(request.is_overdue(created + chrono::Duration::days(3) + chrono::Duration::minutes(1)));
    assert_eq!(request.age_days(created + chrono::Duration::hours(80)), 3);
    request
        .apply(every_step()[0].clone(), "p-tutor".into(), at(2))
        .unwrap();
    assert!(
        !request.is_overdue(created + chrono::Duration::days(9)),
        "answered"
    );
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Whatever is tried, the history is a chain from open to the current status, one entry
    /// per step that was allowed, and a refused step never leaves a trace.
    #[test]
    fn histories_chain_whatever_is_tried(steps in proptest::collection::vec(0usize..7, 0..30)) {
        let mut request = request_in(RequestStatus::Open);
        let mut allowed = 0;
        for (n, i) in steps.into_iter().enumerate() {
            let before = request.clone();
            let step = every_step()[i].clone();
            let to = step.target();
            let day = u32::try_from(n % 28).unwrap() + 1;
            if request.apply(step, "p-tutor".into(), at(day)).is_ok() {
                allowed += 1;
                prop_assert!(before.status.can_become(to));
            } else {
                prop_assert_eq!(&request, &before);
            }
        }
        prop_assert_eq!(request.history.len(), allowed);
        let mut status = RequestStatus::Open;
        for transition in &request.history {
            prop_assert_eq!(transition.from, status);
            prop_assert!(transition.from.can_become(transition.to));
            status = transition.to;
        }
        prop_assert_eq!(status, request.status);
    }
}

fn trainer(id: &str, departement: &str, specialities: &[&str]) -> Person {
    Person {
        id: id.into(),
        name: id.trim_start_matches("p-").to_owned(),
        role: PersonRole::Trainer,
        departement: departement.into(),
        specialities: specialities.iter().map(|s| (*s).to_owned()).collect(),
        ..Person::default()
    }
}

#[test]
fn routing_by_distance_speciality_and_load() {
    let bordeaux = trainer("p-bordeaux", "33", &["gouvernance"]);
    let pau = trainer("p-pau", "64", &["fabmanager"]);
    let paris = trainer("p-paris", "75", &["fabmanager"]);
    let nowhere = trainer("p-nowhere", "", &[]);
    let trainee = departement("40"); // Mont-de-Marsan
    // Distances from Mont-de-Marsan's prefecture, by great circle.
    let plain = rank(
        trainee,
        "Budget du café",
        &[(&bordeaux, 0), (&pau, 0), (&paris, 0)],
    );
    let order: Vec<&str> = plain.iter().map(|s| s.tutor.as_str()).collect();
    assert_eq!(order, ["p-pau", "p-bordeaux", "p-paris"], "nearest first");
    let km = |s: &cercle::domain::routing::Suggestion| s.distance_km.unwrap();
    assert!((65.0..72.0).contains(&km(&plain[0])), "{}", km(&plain[0]));
    assert!((100.0..112.0).contains(&km(&plain[1])), "{}", km(&plain[1]));
    assert!((575.0..610.0).contains(&km(&plain[2])), "{}", km(&plain[2]));
    assert_eq!(
        plain[0].departement.map(|d| d.name),
        Some("Pyrénées-Atlantiques")
    );
    assert!(plain.iter().all(|s| s.speciality.is_none()));

    // The right speciality beats a shorter road.
    let about_governance = rank(
        trainee,
        "2.2 Juridique & gouvernance",
        &[(&bordeaux, 0), (&pau, 0)],
    );
    assert_eq!(about_governance[0].tutor.as_str(), "p-bordeaux");
    assert_eq!(
        about_governance[0].speciality.as_deref(),
        Some("gouvernance")
    );
    assert!((about_governance[0].cost - (km(&plain[1]) - SPECIALITY_KM)).abs() < 1e-9);

    // Load: a busy tutor drops behind an idle one a little farther away.
    let busy = rank(trainee, "Budget", &[(&pau, 1), (&bordeaux, 0)]);
    assert_eq!(busy[0].tutor.as_str(), "p-bordeaux");
    assert_eq!(busy[1].load, 1);
    assert!((busy[1].cost - (km(&plain[0]) + LOAD_KM)).abs() < 1e-9);

    // Of two with the speciality, the nearer comes first; an unknown place comes last.
    let fab = rank(
        trainee,
        "FAB Fabmanager",
        &[(&paris, 0), (&nowhere, 0), (&pau, 0)],
    );
    let order: Vec<&str> = fab.iter().map(|s| s.tutor.as_str()).collect();
    assert_eq!(order, ["p-pau", "p-paris", "p-nowhere"]);
    assert_eq!(fab[2].distance_km, None);
}

#[test]
fn routing_the_sample_requests() {
    let data = cercle::sample::sample();
    let cohort = data.current().unwrap();
    let request = |id: &str| {
        cohort
            .tutor_requests
            .iter()
            .find(|r| r.id.as_str() == id)
            .unwrap()
    };
    // Inès, Mont-de-Marsan, asks about a tiers-lieu nourricier: Sabine (Niort) has the speciality.
    let suggested = suggest(&data, cohort, request("tr-na26-05"));
    let ids: Vec<&str> = suggested.iter().map(|s| s.tutor.as_str()).collect();
    assert_eq!(
        ids,
        ["p-sabine-roux", "p-helene-marchetti", "p-yannick-le-goff"]
    );
    assert_eq!(
        suggested[0].speciality.as_deref(),
        Some("tiers-lieu nourricier")
    );
    assert_eq!(suggested[0].load, 1, "Sabine holds the café's budget");
    assert_eq!(suggested[1].load, 0);
    // Nathan, Poitiers, about the town hall (module 4.1): Hélène knows "parties prenantes".
    let suggested = suggest(&data, cohort, request("tr-na26-04"));
    assert_eq!(suggested[0].tutor.as_str(), "p-helene-marchetti");
    assert_eq!(
        suggested[0].speciality.as_deref(),
        Some("parties prenantes")
    );
    assert_eq!(
        suggested[1].tutor.as_str(),
        "p-sabine-roux",
        "Niort is nearer than Limoges"
    );
}
