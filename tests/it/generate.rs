//! The synthetic generator: deterministic, of the announced size, and within every rule.

use cercle::domain::holidays::holiday_name;
use cercle::domain::integrity::{Severity, problems};
use cercle::domain::tutoring::RequestStatus;
use cercle::domain::{Data, MAX_TRAINEES, MIN_TRAINEES, PersonRole};
use cercle::generate::generate;
use cercle::sample::{SAMPLE_TODAY, sample};
use chrono::{Datelike, Weekday};
use std::collections::HashSet;

fn json(data: &Data) -> String {
    serde_json::to_string(data).unwrap()
}

#[test]
fn same_seed_same_data() {
    assert_eq!(json(&generate(4, 11)), json(&generate(4, 11)));
}

#[test]
fn different_seeds_differ() {
    assert_ne!(json(&generate(4, 11)), json(&generate(4, 12)));
}

#[test]
fn small_network_has_the_expected_counts() {
    let data = generate(3, 1);
    assert_eq!(data.cohorts.len(), 3);
    assert_eq!(data.programme, sample().programme);
    assert_eq!(
        data.current_cohort.as_ref(),
        data.cohorts.last().map(|c| &c.id)
    );
    let mut expected_people = 0;
    for cohort in &data.cohorts {
        let trainees = cohort.trainees.len();
        assert!(
            (MIN_TRAINEES..=MAX_TRAINEES).contains(&trainees),
            "{trainees}"
        );
        expected_people += trainees;
        assert_eq!(cohort.seminars.len(), 10);
        let half_days: Vec<_> = cohort.seminars.iter().flat_map(|s| &s.half_days).collect();
        assert_eq!(half_days.len(), 40);
        for half_day in &half_days {
            let expected = if half_day.date < SAMPLE_TODAY {
                trainees
            } else {
                0
            };
            assert_eq!(half_day.marks.len(), expected, "{}", half_day.id);
            assert_eq!(
                half_day.signature.is_some(),
                expected > 0,
                "{}",
                half_day.id
            );
        }
        assert!(cohort.trainers.len() >= 2);
        assert_eq!(
            cohort.knowledge.len(),
            2 * trainees,
            "an offer and a request each"
        );
        assert_eq!(cohort.tutor_requests.len(), 10);
        assert_eq!(cohort.funding.len(), trainees);
        assert!(cohort.start <= cohort.end);
    }
    let role_count = |role| data.people.iter().filter(|p| p.role == role).count();
    assert_eq!(role_count(PersonRole::Trainee), expected_people);
    assert_eq!(role_count(PersonRole::Host), data.venues.len());
    assert_eq!(
        role_count(PersonRole::Trainer),
        4,
        "the smallest trainer pool"
    );
    assert_eq!(role_count(PersonRole::Staff), 1);
}

#[test]
fn small_network_keeps_every_rule() {
    let data = generate(3, 1);
    let found = problems(&data, SAMPLE_TODAY);
    assert!(
        !found.iter().any(|p| p.severity == Severity::Error),
        "{found:#?}"
    );
    assert!(found.is_empty(), "not even a warning: {found:#?}");
}

#[test]
fn a_crowded_network_never_double_books_a_trainer() {
    // 150 cohorts share a pool of 4 trainers: many seminars overlap and must be moved.
    let data = generate(150, 3);
    let errors: Vec<_> = problems(&data, SAMPLE_TODAY)
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn marks_belong_to_enrolled_trainees_and_days_are_working_days() {
    let data = generate(6, 9);
    for cohort in &data.cohorts {
        assert!(cohort.trainees.len() <= MAX_TRAINEES);
        let enrolled: HashSet<_> = cohort.trainees.iter().collect();
        for half_day in cohort.seminars.iter().flat_map(|s| &s.half_days) {
            assert!(half_day.marks.iter().all(|m| enrolled.contains(&m.trainee)));
            assert!(!matches!(
                half_day.date.weekday(),
                Weekday::Sat | Weekday::Sun
            ));
            assert_eq!(holiday_name(half_day.date), None, "{}", half_day.id);
        }
    }
}

#[test]
fn ids_are_unique_and_references_resolve() {
    let data = generate(5, 2);
    let people: HashSet<_> = data.people.iter().map(|p| &p.id).collect();
    assert_eq!(people.len(), data.people.len());
    let venues: HashSet<_> = data.venues.iter().map(|v| &v.id).collect();
    assert_eq!(venues.len(), data.venues.len());
    for venue in &data.venues {
        assert!(venue.host.as_ref().is_some_and(|h| people.contains(h)));
    }
    for cohort in &data.cohorts {
        let knowledge: HashSet<_> = cohort.knowledge.iter().map(|k| &k.id).collect();
        for exchange in &cohort.exchanges {
            assert!(
                exchange
                    .offer
                    .iter()
                    .chain(&exchange.request)
                    .all(|k| knowledge.contains(k))
            );
            assert!(exchange.people.iter().all(|p| people.contains(p)));
        }
        for follow_up in &cohort.follow_ups {
            assert!(people.contains(&follow_up.by) && follow_up.at.date_naive() < SAMPLE_TODAY);
        }
    }
}

#[test]
fn tutor_request_histories_are_consistent() {
    let data = generate(8, 5);
    let mut seen = HashSet::new();
    for cohort in &data.cohorts {
        for request in &cohort.tutor_requests {
            let mut at = RequestStatus::Open;
            let mut when = request.created;
            for step in &request.history {
                assert_eq!(step.from, at, "{}", request.id);
                assert!(step.at >= when && step.at.date_naive() < SAMPLE_TODAY);
                at = step.to;
                when = step.at;
            }
            assert_eq!(at, request.status, "{}", request.id);
            assert_eq!(
                request.status == RequestStatus::Done,
                request.outcome.is_some()
            );
            seen.insert(request.status);
        }
    }
    assert!(seen.contains(&RequestStatus::Done) && seen.contains(&RequestStatus::Declined));
}
