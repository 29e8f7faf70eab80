//! The three-way merge by stable ids that bundles and git sync share.

use crate::common;

use cercle::domain::conflict::Step;
use cercle::domain::{Data, Status};
use cercle::share::{Prefer, Sides, merge, merge_data, resolve};
use common::edits::{apply, edit};
use proptest::prelude::*;
use serde_json::{Value, json};
use std::collections::BTreeSet;

fn sides(prefer: Prefer) -> Sides {
    Sides {
        ours: "here".into(),
        theirs: "there".into(),
        prefer,
        now: common::now(),
    }
}

#[test]
fn a_field_changed_on_one_side_is_taken_and_additions_on_both_are_kept() {
    let base = json!({"people": [{"id": "a", "city": "Lyon"}, {"id": "b", "city": "Pau"}]});
    let ours = json!({"people": [{"id": "a", "city": "Lyon"}, {"id": "b", "city": "Tarbes"}, {"id": "c"}]});
    let theirs =
        json!({"people": [{"id": "a", "city": "Nantes"}, {"id": "b", "city": "Pau"}, {"id": "d"}]});
    let merged = merge(Some(&base), &ours, &theirs, &sides(Prefer::Ours));
    assert_eq!(
        merged.value,
        json!({"people": [{"id": "a", "city": "Nantes"}, {"id": "b", "city": "Tarbes"}, {"id": "c"}, {"id": "d"}]})
    );
    assert!(merged.conflicts.is_empty());
}

#[test]
fn a_record_deleted_on_one_side_and_untouched_on_the_other_goes() {
    let base = json!({"k": [{"id": "1", "t": "x"}, {"id": "2", "t": "y"}]});
    let ours = json!({"k": [{"id": "2", "t": "y"}]});
    let merged = merge(Some(&base), &ours, &base, &sides(Prefer::Ours));
    assert_eq!(merged.value, ours);
}

#[test]
fn the_same_field_changed_differently_is_a_conflict_and_ours_stays_until_chosen() {
    let base = json!({"people": [{"id": "p1", "city": "Pau"}]});
    let ours = json!({"people": [{"id": "p1", "city": "Lyon"}]});
    let theirs = json!({"people": [{"id": "p1", "city": "Nantes"}]});
    let merged = merge(Some(&base), &ours, &theirs, &sides(Prefer::Ours));
    assert_eq!(merged.value, ours);
    let [conflict] = merged.conflicts.as_slice() else {
        panic!("one conflict expected: {:?}", merged.conflicts)
    };
    assert_eq!(conflict.path.to_string(), "people[p1].city");
    assert_eq!(conflict.base, Some(json!("Pau")));
    let values: Vec<_> = conflict
        .choices
        .iter()
        .map(|c| (c.value.clone(), c.from.as_str()))
        .collect();
    assert_eq!(
        values,
        [
            (Some(json!("Lyon")), "here"),
            (Some(json!("Nantes")), "there")
        ]
    );
    assert_eq!(conflict.choices[conflict.kept].value, Some(json!("Lyon")));
}

#[test]
fn a_mark_changed_on_both_sides_is_one_conflict_never_a_mix_of_the_two() {
    let base = json!({"marks": [{"trainee": "p1", "status": "present", "by": "a"}]});
    let ours = json!({"marks": [{"trainee": "p1", "status": "absent", "by": "a"}]});
    let theirs =
        json!({"marks": [{"trainee": "p1", "status": "excused", "by": "b", "reason": "ill"}]});
    for prefer in [Prefer::Ours, Prefer::Canonical] {
        let merged = merge(Some(&base), &ours, &theirs, &sides(prefer));
        let [conflict] = merged.conflicts.as_slice() else {
            panic!("one conflict expected: {:?}", merged.conflicts)
        };
        assert_eq!(conflict.path.to_string(), "marks[p1]");
        let kept = merged.value["marks"][0].clone();
        assert!(
            kept == ours["marks"][0] || kept == theirs["marks"][0],
            "a mix: {kept}"
        );
    }
}

#[test]
fn a_record_deleted_on_one_side_and_edited_on_the_other_is_kept_as_a_conflict() {
    let base = json!({"k": [{"id": "1", "t": "x"}]});
    let ours = json!({"k": []});
    let theirs = json!({"k": [{"id": "1", "t": "edited"}]});
    for prefer in [Prefer::Ours, Prefer::Canonical] {
        let merged = merge(Some(&base), &ours, &theirs, &sides(prefer));
        assert_eq!(merged.value, theirs, "the edit is never lost");
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(merged.conflicts[0].choices[0].value, None);
        assert_eq!(
            merged.conflicts[0].path.0.last(),
            Some(&Step::Item(json!({"id": "1"}).as_object().unwrap().clone()))
        );
    }
}

#[test]
fn lists_of_words_merge_as_sets() {
    let base = json!({"tags": ["a", "b", "c"]});
    let ours = json!({"tags": ["a", "c", "d"]});
    let theirs = json!({"tags": ["a", "b", "c", "e"]});
    let merged = merge(Some(&base), &ours, &theirs, &sides(Prefer::Ours));
    assert_eq!(merged.value, json!({"tags": ["a", "c", "d", "e"]}));
}

#[test]
fn an_enum_variant_is_one_value_not_fields() {
    let base = json!({"topic": {"module": "m1"}});
    let ours = json!({"topic": {"module": "m2"}});
    let theirs = json!({"topic": {"block": "b1"}});
    let merged = merge(Some(&base), &ours, &theirs, &sides(Prefer::Ours));
    assert_eq!(merged.value, ours, "never {{module, block}} together");
    assert_eq!(merged.conflicts.len(), 1);
}

fn mark(d: &mut Data) -> &mut cercle::domain::Mark {
    let c = d.cohorts.last_mut().unwrap();
    &mut c.seminars[0].half_days[0].marks[0]
}

#[test]
fn choosing_the_other_side_puts_it_in_and_settles_the_conflict() {
    let base = cercle::sample::sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    mark(&mut ours).status = Status::Absent;
    mark(&mut theirs).status = Status::Excused;
    let mut merged = merge_data(Some(&base), &ours, &theirs, &sides(Prefer::Ours)).unwrap();
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(mark(&mut merged).status, Status::Absent);
    let other = 1 - merged.conflicts[0].kept;
    resolve(&mut merged, 0, other).unwrap();
    assert_eq!(mark(&mut merged).status, Status::Excused);
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.cohorts, theirs.cohorts);
}

#[test]
fn a_choice_decides_the_field_even_when_it_changed_since_and_settles_its_other_conflicts() {
    let base = cercle::sample::sample();
    let (mut ours, mut theirs, mut third) = (base.clone(), base.clone(), base.clone());
    ours.people[0].city = "Bayonne".into();
    theirs.people[0].city = "Biarritz".into();
    third.people[0].city = "Périgueux".into();
    let once = merge_data(Some(&base), &ours, &theirs, &sides(Prefer::Ours)).unwrap();
    let mut twice = merge_data(Some(&base), &once, &third, &sides(Prefer::Ours)).unwrap();
    assert_eq!(twice.conflicts.len(), 2, "two conflicts wait on one field");
    assert_eq!(twice.people[0].city, "Bayonne");

    // Someone typed another city meanwhile; choosing the side marked as kept still puts it in.
    twice.people[0].city = "Anglet".into();
    let kept = twice.conflicts[0].kept;
    let chosen = twice.conflicts[0].choices[kept].value.clone().unwrap();
    resolve(&mut twice, 0, kept).unwrap();
    assert_eq!(
        serde_json::Value::from(twice.people[0].city.clone()),
        chosen
    );
    assert!(twice.conflicts.is_empty(), "{:?}", twice.conflicts);
}

#[test]
fn merging_twice_does_not_ask_twice() {
    let base = cercle::sample::sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.people[0].city = "Lyon".into();
    theirs.people[0].city = "Nantes".into();
    let once = merge_data(Some(&base), &ours, &theirs, &sides(Prefer::Ours)).unwrap();
    let twice = merge_data(Some(&base), &once, &theirs, &sides(Prefer::Ours)).unwrap();
    assert_eq!(once, twice);
    assert_eq!(twice.conflicts.len(), 1);
}

fn ids(data: &Data) -> BTreeSet<String> {
    let mut ids: BTreeSet<String> = data.people.iter().map(|p| p.id.to_string()).collect();
    for c in &data.cohorts {
        ids.extend(c.knowledge.iter().map(|k| k.id.to_string()));
        ids.extend(c.tutor_requests.iter().map(|r| r.id.to_string()));
    }
    ids
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any two edits of a common base merge into a document that loads, holds every record
    /// added on either side, and is the same whichever side is "ours".
    #[test]
    fn any_two_edits_merge_the_same_whichever_side_is_ours(
        a in proptest::collection::vec(edit(), 0..12),
        b in proptest::collection::vec(edit(), 0..12),
    ) {
        let base = cercle::sample::sample();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        apply(&mut ours, "a", &a);
        apply(&mut theirs, "b", &b);
        let same_sides = Sides { ours: String::new(), theirs: String::new(), ..sides(Prefer::Canonical) };
        let ab = merge_data(Some(&base), &ours, &theirs, &same_sides).unwrap();
        let ba = merge_data(Some(&base), &theirs, &ours, &same_sides).unwrap();
        prop_assert_eq!(&ab, &ba);
        let json = serde_json::to_vec(&ab).unwrap();
        let reloaded: Data = serde_json::from_slice(&json).unwrap();
        prop_assert_eq!(&reloaded, &ab);
        let added = ids(&ours).union(&ids(&theirs)).cloned().collect::<BTreeSet<_>>();
        let removed = ids(&base).difference(&ids(&ours)).chain(ids(&base).difference(&ids(&theirs))).cloned().collect::<BTreeSet<_>>();
        for id in added.difference(&removed) {
            prop_assert!(ids(&ab).contains(id), "{} was lost", id);
        }
        // Nothing changed on one side only is lost: merging with an untouched side gives the edit.
        prop_assert_eq!(merge_data(Some(&base), &ours, &base, &same_sides).unwrap(), ours.clone());
    }

    /// The merge of JSON values is symmetric for any small documents, not only Cercle's.
    #[test]
    fn json_merge_is_symmetric(b in json_value(), o in json_value(), t in json_value()) {
        let s = Sides { ours: String::new(), theirs: String::new(), ..sides(Prefer::Canonical) };
        prop_assert_eq!(merge(Some(&b), &o, &t, &s), merge(Some(&b), &t, &o, &s));
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        (0i64..4).prop_map(Value::from),
        "[ab]{0,2}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            proptest::collection::vec(
                ("[ab]", inner.clone()).prop_map(|(id, v)| json!({"id": id, "v": v})),
                0..4
            )
            .prop_map(Value::from),
            proptest::collection::btree_map("[a-c]|id", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}
