//! The directory's rules on the sample: duplicates found, merges that keep every reference,
//! and who belongs to which cohort.

use cercle::domain::directory::memberships;
use cercle::domain::merge::{duplicates, merge};
use cercle::domain::{Data, Person, PersonId, PersonRole};

#[test]
fn duplicates_share_an_email_or_a_name() {
    let mut data = cercle::sample::sample();
    let first = data.people[0].clone();
    data.people.push(
        Person {
            id: PersonId::new("p-copy"),
            name: first.name.to_uppercase(),
            ..Person::default()
        }
        .into(),
    );
    data.people.push(
        Person {
            id: PersonId::new("p-mail"),
            name: "Someone Else".into(),
            emails: vec![first.emails[0].to_uppercase()],
            ..Person::default()
        }
        .into(),
    );
    let found: Vec<&str> = duplicates(&data, 0)
        .into_iter()
        .map(|i| data.people[i].id.as_str())
        .collect();
    assert_eq!(found, ["p-copy", "p-mail"]);
    assert!(duplicates(&data, 1).is_empty());
}

#[test]
fn merging_points_every_reference_to_the_record_that_stays() {
    let mut data = cercle::sample::sample();
    let cohort = data.cohorts.last().unwrap().clone();
    let (keep, gone) = (cohort.trainees[0].clone(), cohort.trainees[1].clone());
    let mut merged = data.person(&keep).unwrap().clone();
    merged.name = "Merged".into();
    let references = |data: &Data, id: &PersonId| {
        serde_json::to_string(&data.cohorts)
            .unwrap()
            .matches(&format!("\"{id}\""))
            .count()
    };
    assert!(references(&data, &gone) > 0);
    merge(&mut data, merged, &gone).unwrap();
    assert_eq!(references(&data, &gone), 0);
    assert!(data.person(&gone).is_none());
    assert_eq!(data.person(&keep).unwrap().name, "Merged");
    let trainees = &data.cohorts.last().unwrap().trainees;
    assert_eq!(trainees.iter().filter(|t| **t == keep).count(), 1);
    assert_eq!(trainees.len(), cohort.trainees.len() - 1);
}

#[test]
fn sample_trainees_belong_to_their_cohort_and_trainers_to_several() {
    let data = cercle::sample::sample();
    let cohorts = memberships(&data);
    let trainer = data
        .people
        .iter()
        .position(|p| p.role == PersonRole::Trainer)
        .unwrap();
    assert!(!cohorts[trainer].is_empty());
    for (i, person) in data.people.iter().enumerate() {
        for &c in &cohorts[i] {
            let cohort = &data.cohorts[c];
            let member = cohort.trainees.contains(&person.id)
                || cohort.trainers.contains(&person.id)
                || person.role == PersonRole::Host;
            assert!(member, "{} in {}", person.name, cohort.name);
        }
    }
}
