//! Counting the records of each kind that a commit adds, changes and removes, for its message.

use crate::domain::{Cohort, Data, Seminar};
use crate::i18n::{Lang, Msg, fill};
use std::collections::BTreeMap;

/// The records outside cohorts, and the cohorts themselves (their name, dates and rosters).
pub(super) fn directory(old: &Data, new: &Data) -> [(Tally, Msg, Msg); 3] {
    let roster = |a: &Cohort, b: &Cohort| {
        (
            &a.name,
            a.start,
            a.end,
            a.price_eur,
            &a.trainees,
            &a.trainers,
        ) == (
            &b.name,
            b.start,
            b.end,
            b.price_eur,
            &b.trainees,
            &b.trainers,
        )
    };
    [
        (
            tally(&old.people, &new.people, |p| p.id.clone(), PartialEq::eq),
            Msg::SyncPersonOne,
            Msg::SyncPersonMany,
        ),
        (
            tally(&old.venues, &new.venues, |v| v.id.clone(), PartialEq::eq),
            Msg::SyncVenueOne,
            Msg::SyncVenueMany,
        ),
        (
            tally(
                &old.cohorts,
                &new.cohorts,
                |c| c.id.clone(),
                |a, b| roster(a, b),
            ),
            Msg::SyncCohortOne,
            Msg::SyncCohortMany,
        ),
    ]
}

/// The records inside cohorts. A seminar changes with its modules, venue, trainer or
/// half-days, not with the marks (those are the roll calls).
pub(super) fn cohorts(old: &Data, new: &Data) -> [(Tally, Msg, Msg); 9] {
    let plan = |a: &Seminar, b: &Seminar| {
        let days = |s: &Seminar| -> Vec<_> {
            s.half_days
                .iter()
                .map(|h| (h.id.clone(), h.date, h.period, h.start, h.end))
                .collect()
        };
        (&a.modules, &a.venue, &a.trainer) == (&b.modules, &b.venue, &b.trainer)
            && days(a) == days(b)
    };
    [
        (
            in_cohorts(old, new, |c| &c.seminars, |s| s.id.clone(), plan),
            Msg::SyncSeminarOne,
            Msg::SyncSeminarMany,
        ),
        (
            in_cohorts(
                old,
                new,
                |c| &c.tutor_requests,
                |r| r.id.clone(),
                PartialEq::eq,
            ),
            Msg::SyncRequestOne,
            Msg::SyncRequestMany,
        ),
        (
            in_cohorts(old, new, |c| &c.knowledge, |k| k.id.clone(), PartialEq::eq),
            Msg::SyncKnowledgeOne,
            Msg::SyncKnowledgeMany,
        ),
        (
            in_cohorts(old, new, |c| &c.exchanges, |e| e.id.clone(), PartialEq::eq),
            Msg::SyncExchangeOne,
            Msg::SyncExchangeMany,
        ),
        (
            in_cohorts(old, new, |c| &c.follow_ups, |f| f.id.clone(), PartialEq::eq),
            Msg::SyncFollowUpOne,
            Msg::SyncFollowUpMany,
        ),
        (
            in_cohorts(
                old,
                new,
                |c| &c.funding,
                |f| format!("{}/{:?}", f.trainee, f.source),
                PartialEq::eq,
            ),
            Msg::SyncFundingOne,
            Msg::SyncFundingMany,
        ),
        (
            in_cohorts(
                old,
                new,
                |c| &c.candidacies,
                |c| c.trainee.clone(),
                PartialEq::eq,
            ),
            Msg::SyncCandidacyOne,
            Msg::SyncCandidacyMany,
        ),
        (
            in_cohorts(
                old,
                new,
                |c| &c.assessments,
                |a| (a.trainee.clone(), a.competency.clone()),
                PartialEq::eq,
            ),
            Msg::SyncAssessmentOne,
            Msg::SyncAssessmentMany,
        ),
        (
            in_cohorts(
                old,
                new,
                |c| &c.departures,
                |d| d.trainee.clone(),
                PartialEq::eq,
            ),
            Msg::SyncDepartureOne,
            Msg::SyncDepartureMany,
        ),
    ]
}

/// How many records of one kind were added, changed and removed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tally {
    added: usize,
    changed: usize,
    removed: usize,
}

impl Tally {
    fn add(&mut self, other: Self) {
        self.added += other.added;
        self.changed += other.changed;
        self.removed += other.removed;
    }

    pub(super) fn describe(self, lang: Lang, one: Msg, many: Msg, out: &mut Vec<String>) {
        for (count, verb) in [
            (self.added, Msg::SyncAdded),
            (self.changed, Msg::SyncUpdated),
            (self.removed, Msg::SyncRemoved),
        ] {
            if count > 0 {
                out.push(counted(
                    lang,
                    verb,
                    count,
                    if count == 1 { one } else { many },
                ));
            }
        }
    }
}

pub(super) fn counted(lang: Lang, verb: Msg, count: usize, noun: Msg) -> String {
    fill(
        verb.text(lang),
        &[("count", &count.to_string()), ("what", noun.text(lang))],
    )
}

/// Compares two lists by key: a record is changed when `same` says so.
pub(super) fn tally<T, K: Ord>(
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> K,
    same: impl Fn(&T, &T) -> bool,
) -> Tally {
    let before: BTreeMap<K, &T> = old.iter().map(|t| (key(t), t)).collect();
    let after: BTreeMap<K, &T> = new.iter().map(|t| (key(t), t)).collect();
    let mut tally = Tally::default();
    for (k, n) in &after {
        match before.get(k) {
            None => tally.added += 1,
            Some(o) if !same(o, n) => tally.changed += 1,
            Some(_) => {}
        }
    }
    tally.removed = before.keys().filter(|k| !after.contains_key(*k)).count();
    tally
}

/// [`tally`] over one list of every cohort, matching cohorts by id.
pub(super) fn in_cohorts<T, K: Ord>(
    old: &Data,
    new: &Data,
    list: impl Fn(&Cohort) -> &Vec<T>,
    key: impl Fn(&T) -> K + Copy,
    same: impl Fn(&T, &T) -> bool + Copy,
) -> Tally {
    let empty = Vec::new();
    let mut total = Tally::default();
    for cohort in &new.cohorts {
        let before = old.cohort(&cohort.id).map_or(&empty, &list);
        total.add(tally(before, list(cohort), key, same));
    }
    for cohort in old.cohorts.iter().filter(|c| new.cohort(&c.id).is_none()) {
        total.add(tally(list(cohort), &empty, key, same));
    }
    total
}
