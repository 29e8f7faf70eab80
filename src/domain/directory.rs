//! The directory: who belongs to which cohort, and the orders and groupings of the contacts list.

use super::fold::fold;
use super::geo;
use super::{Data, PersonId, PersonRole, Shared};
use rustc_hash::FxBuildHasher as FastHash;
use std::cmp::{Ordering, Reverse};
use std::collections::HashMap;

/// How the contacts list is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Sort {
    /// Alphabetically, ignoring case and accents.
    #[default]
    Name,
    /// Newest cohort first, then by name.
    Cohort,
    /// Nearest to me first (by département), then by name.
    Distance,
}

impl Sort {
    /// The next order, wrapping around.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Self::Name => Self::Cohort,
            Self::Cohort => Self::Distance,
            Self::Distance => Self::Name,
        }
    }
}

/// How the contacts list is grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Group {
    /// One list.
    #[default]
    None,
    /// By the person's newest cohort.
    Cohort,
    /// By role: trainees, trainers, hosts, staff.
    Role,
}

impl Group {
    /// The next grouping, wrapping around.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Self::None => Self::Cohort,
            Self::Cohort => Self::Role,
            Self::Role => Self::None,
        }
    }
}

/// For each person (by index into `data.people`), the cohorts they belong to as trainee, trainer,
/// or host of a seminar's venue: indices into `data.cohorts`, oldest start first.
pub fn memberships(data: &Data) -> Vec<Vec<usize>> {
    // Built once per load over 15,000 people and every roster: a fast hash, not a keyed one.
    let by_id: HashMap<&PersonId, usize, FastHash> = data
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| (&p.id, i))
        .collect();
    let hosts: HashMap<&str, usize, FastHash> = data
        .venues
        .iter()
        .filter_map(|v| Some((v.id.as_str(), *by_id.get(v.host.as_ref()?)?)))
        .collect();
    let mut order: Vec<usize> = (0..data.cohorts.len()).collect();
    order.sort_by_key(|&c| data.cohorts[c].start);
    let mut out = vec![Vec::new(); data.people.len()];
    for c in order {
        let cohort = &data.cohorts[c];
        let members = cohort
            .trainees
            .iter()
            .chain(&cohort.trainers)
            .filter_map(|id| by_id.get(id).copied())
            .chain(
                cohort
                    .seminars
                    .iter()
                    .filter_map(|s| hosts.get(s.venue.as_str()).copied()),
            );
        for person in members {
            if out[person].last() != Some(&c) {
                out[person].push(c);
            }
        }
    }
    out
}

/// Whether what the directory is built from (each person, venue hosts, each cohort's name,
/// start, members and venues) is the same in `new` as in `old`, so that the search fields and
/// sort keys built for `old` still hold. Unchanged records are the same shared pointer, so a
/// change to one cohort's attendance costs one pointer comparison per record.
pub fn unchanged(old: &Data, new: &Data) -> bool {
    let same_people = old.people.len() == new.people.len()
        && old
            .people
            .iter()
            .zip(new.people.iter())
            .all(|(a, b)| Shared::same(a, b));
    let same_hosts = Shared::same(&old.venues, &new.venues)
        || (old.venues.len() == new.venues.len()
            && old
                .venues
                .iter()
                .zip(new.venues.iter())
                .all(|(a, b)| a.id == b.id && a.host == b.host));
    let same_cohorts = old.cohorts.len() == new.cohorts.len()
        && old.cohorts.iter().zip(new.cohorts.iter()).all(|(a, b)| {
            Shared::same(a, b)
                || (a.id == b.id
                    && a.name == b.name
                    && a.start == b.start
                    && a.trainees == b.trainees
                    && a.trainers == b.trainers
                    && a.seminars.len() == b.seminars.len()
                    && a.seminars
                        .iter()
                        .zip(&b.seminars)
                        .all(|(x, y)| x.venue == y.venue))
        });
    same_people && same_hosts && same_cohorts
}

/// The keys the list is sorted and grouped by, computed once per data version.
#[derive(Debug, Clone, Default)]
pub struct SortKeys {
    /// Each person's name, folded (lower case, no accents).
    pub names: Vec<String>,
    /// Each person's cohorts, oldest first.
    pub cohorts: Vec<Vec<usize>>,
    /// Each person's département's coordinates, if known.
    pub coords: Vec<Option<(f64, f64)>>,
}

impl SortKeys {
    /// The keys of every person of `data`.
    pub fn new(data: &Data) -> Self {
        Self {
            names: data.people.iter().map(|p| fold(&p.name)).collect(),
            cohorts: memberships(data),
            coords: data
                .people
                .iter()
                .map(|p| geo::departement(&p.departement).map(|d| (d.lat, d.lon)))
                .collect(),
        }
    }

    /// A person's newest cohort.
    pub fn newest_cohort(&self, person: usize) -> Option<usize> {
        self.cohorts.get(person).and_then(|c| c.last().copied())
    }
}

/// What a row is grouped under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GroupKey {
    /// No grouping.
    All,
    /// A cohort, by index (None: in no cohort).
    Cohort(Option<usize>),
    /// A role.
    Role(u8),
}

/// The group a person falls in.
pub fn group_of(data: &Data, keys: &SortKeys, person: usize, group: Group) -> GroupKey {
    match group {
        Group::None => GroupKey::All,
        Group::Cohort => GroupKey::Cohort(keys.newest_cohort(person)),
        Group::Role => GroupKey::Role(match data.people.get(person).map(|p| p.role) {
            Some(PersonRole::Trainee) | None => 0,
            Some(PersonRole::Trainer) => 1,
            Some(PersonRole::Host) => 2,
            Some(PersonRole::Staff) => 3,
        }),
    }
}

/// Orders search hits `(person, score)`: by group, then by score when `ranked` (words were
/// typed), then by `sort`, then by name. `me` is the user's position, for the distance order.
pub fn order(
    data: &Data,
    keys: &SortKeys,
    hits: &mut [(usize, u32)],
    ranked: bool,
    sort: Sort,
    group: Group,
    me: Option<(f64, f64)>,
) {
    let cohort_start = |p: usize| keys.newest_cohort(p).map(|c| data.cohorts[c].start);
    let distance = |p: usize| match (me, keys.coords.get(p).copied().flatten()) {
        (Some(me), Some(there)) => geo::haversine_km(me, there),
        _ => f64::INFINITY,
    };
    let group_rank = |p: usize| match group_of(data, keys, p, group) {
        // Newest cohort first; people in no cohort last.
        GroupKey::Cohort(c) => (
            c.is_none(),
            Reverse(c.map(|c| data.cohorts[c].start)),
            c.unwrap_or(usize::MAX),
        ),
        GroupKey::Role(r) => (false, Reverse(None), usize::from(r)),
        GroupKey::All => (false, Reverse(None), 0),
    };
    hits.sort_by(|&(a, score_a), &(b, score_b)| {
        group_rank(a)
            .cmp(&group_rank(b))
            .then_with(|| {
                if ranked {
                    score_b.cmp(&score_a)
                } else {
                    Ordering::Equal
                }
            })
            .then_with(|| match sort {
                Sort::Name => Ordering::Equal,
                Sort::Cohort => cohort_start(b).cmp(&cohort_start(a)),
                Sort::Distance => distance(a).total_cmp(&distance(b)),
            })
            .then_with(|| keys.names[a].cmp(&keys.names[b]))
            .then(a.cmp(&b))
    });
}

/// The people a search finds (`text` as typed in the app's `/`), in the list's order: a
/// one-off search that prepares everything it needs (the screen keeps its preparation).
pub fn find(
    data: &Data,
    text: &str,
    sort: Sort,
    group: Group,
    me: Option<(f64, f64)>,
) -> Vec<usize> {
    use super::search::{self, Index, Query};
    let query = Query::parse(text);
    let keys = SortKeys::new(data);
    let index = Index::new(data);
    let mut hits = search::search(data, &index, &keys.cohorts, &query, &mut search::matcher());
    order(data, &keys, &mut hits, query.has_words(), sort, group, me);
    hits.into_iter().map(|(i, _)| i).collect()
}
