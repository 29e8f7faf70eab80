//! A synthetic network of cohorts for load tests and demos, the same for the same seed.
//!
//! Nothing here reads the clock or iterates a hash map: "today" is the sample's fixed
//! [`SAMPLE_TODAY`](crate::sample::SAMPLE_TODAY), and the
//! only randomness is a splitmix64 generator seeded by the caller.

mod circle;
mod names;
mod schedule;
mod tutoring;

use crate::domain::cohort::DEFAULT_PRICE_EUR;
use crate::domain::fold::slug;
use crate::domain::{
    Cohort, CohortId, ContactField, Data, Note, Person, PersonId, PersonRole, PlaceKind, Programme,
    Project, ProjectPhase, SCHEMA_VERSION, Venue, VenueId,
};
use crate::sample::sample;
use chrono::{Datelike, Duration, NaiveDate};
use names::{FIRST_NAMES, LAST_NAMES, REGIONS};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// A synthetic data set of `cohorts` cohorts, identical for identical arguments.
///
/// Each cohort has 8 to 12 trainees (12 more often than not), 10 two-day seminars (40
/// half-days) marked and signed up to 2026-11-28, one knowledge offer and one request per
/// trainee, 10 tutor requests and a funding line per trainee. Trainers come from a pool of
/// about 3 per 100 cohorts and are never booked twice on the same day.
pub fn generate(cohorts: usize, seed: u64) -> Data {
    let mut generator = Generator::new(cohorts, seed);
    for k in 0..cohorts {
        generator.cohort(k, cohorts);
    }
    let current_cohort = generator.cohorts.last().map(|c| c.id.clone());
    Data {
        schema_version: SCHEMA_VERSION,
        programme: generator.programme,
        organisation: generator.organisation,
        people: generator.people.into_iter().map(Into::into).collect(),
        venues: generator.venues.into(),
        cohorts: generator.cohorts.into_iter().map(Into::into).collect(),
        current_cohort,
        conflicts: Vec::new(),
    }
}

/// Seminars per cohort.
const SEMINARS: usize = 10;
/// Days between the starts of two seminars of a cohort.
const SEMINAR_SPACING_DAYS: i64 = 35;
/// New venues, each with its host, per cohort.
const VENUES_PER_COHORT: usize = 4;
/// The earliest and latest cohort starts (before a few days of jitter).
const FIRST_START: NaiveDate = ymd(2016, 1, 4);
const LAST_START: NaiveDate = ymd(2026, 3, 2);

/// A date known valid; only used in constants, so a mistake fails the build, not a run.
const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("invalid date in a constant"),
    }
}

/// splitmix64 (Steele, Lea and Flood), enough for synthetic data and free of dependencies.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        crate::domain::round::splitmix64(&mut self.0)
    }

    /// A number in `0..n`; `n` must not be 0. The modulo bias is negligible for small `n`.
    #[allow(clippy::cast_possible_truncation)] // the remainder is below `n`, itself a usize
    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: i64, high: i64) -> i64 {
        let span = usize::try_from(high - low + 1).unwrap_or(1);
        low + i64::try_from(self.below(span)).unwrap_or(0)
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

struct Generator {
    rng: Rng,
    programme: Programme,
    organisation: crate::domain::Organisation,
    people: Vec<Person>,
    venues: Vec<Venue>,
    cohorts: Vec<Cohort>,
    /// The trainer pool, shared by all cohorts.
    trainers: Vec<PersonId>,
    /// Administration staff, who log follow-ups.
    staff: Vec<PersonId>,
    /// Venue indices by region.
    region_venues: Vec<Vec<usize>>,
    /// Days each trainer (by pool index) is booked; only looked up, never iterated.
    busy: HashSet<(usize, NaiveDate)>,
    /// How many cohorts already carry a region-and-year name, to number the next one.
    names_taken: BTreeMap<(usize, i32), u32>,
}

impl Generator {
    fn new(cohorts: usize, seed: u64) -> Self {
        let sample = sample();
        let mut generator = Self {
            rng: Rng(seed),
            programme: sample.programme,
            organisation: sample.organisation,
            people: Vec::new(),
            venues: Vec::new(),
            cohorts: Vec::with_capacity(cohorts),
            trainers: Vec::new(),
            staff: Vec::new(),
            region_venues: vec![Vec::new(); REGIONS.len()],
            busy: HashSet::new(),
            names_taken: BTreeMap::new(),
        };
        for _ in 0..(cohorts * 3 / 100).max(4) {
            let region = generator.rng.below(REGIONS.len());
            let id = generator.person(PersonRole::Trainer, region);
            generator.trainers.push(id);
        }
        for _ in 0..(cohorts / 100).max(1) {
            let id = generator.person(PersonRole::Staff, 0);
            generator.staff.push(id);
        }
        generator
    }

    /// A new person of `role` living in `region`; returns their id.
    fn person(&mut self, role: PersonRole, region: usize) -> PersonId {
        let first = *self.rng.pick(FIRST_NAMES);
        let last = *self.rng.pick(LAST_NAMES);
        let (city, departement) = *self.rng.pick(REGIONS[region].towns);
        let number = self.people.len() + 1;
        let id = PersonId::new(format!("p-{}-{}-{number}", slug(first), slug(last)));
        let handle = format!("{}.{}{number}", slug(first), slug(last));
        let phone = format!(
            "06 39 98 {:02} {:02}",
            self.rng.below(100),
            self.rng.below(100)
        );
        let mut person = Person {
            id: id.clone(),
            name: format!("{first} {last}"),
            role,
            emails: vec![format!("{handle}@example.org")],
            phones: vec![phone],
            city: city.to_owned(),
            departement: departement.to_owned(),
            shared: self.consents(),
            ..Person::default()
        };
        match role {
            PersonRole::Trainee => {
                let kind = *self.rng.pick(&PlaceKind::ALL);
                let phase = *self.rng.pick(&[
                    ProjectPhase::Creation,
                    ProjectPhase::Development,
                    ProjectPhase::Repositioning,
                ]);
                person.project = Some(Project {
                    name: self.place_name(kind),
                    kind,
                    phase,
                });
                if self.rng.chance(40) {
                    person.tags = vec![(*self.rng.pick(names::TAGS)).to_owned()];
                }
                if self.rng.chance(5) {
                    person.notes = vec![Note {
                        text: "Aménagement d'horaires demandé pour raison de santé.".to_owned(),
                        confidential: true,
                    }];
                }
            }
            PersonRole::Trainer => {
                let a = self.rng.below(names::SPECIALITIES.len());
                let b = (a + 1 + self.rng.below(names::SPECIALITIES.len() - 1))
                    % names::SPECIALITIES.len();
                person.specialities = vec![
                    names::SPECIALITIES[a].to_owned(),
                    names::SPECIALITIES[b].to_owned(),
                ];
                "Formateur·rice".clone_into(&mut person.job);
            }
            PersonRole::Host => "Hôte du lieu".clone_into(&mut person.job),
            PersonRole::Staff => "Responsable administrative".clone_into(&mut person.job),
        }
        self.people.push(person);
        id
    }

    /// What a person agreed to share: one in ten shares nothing, others a random few.
    fn consents(&mut self) -> BTreeSet<ContactField> {
        if self.rng.chance(10) {
            return BTreeSet::new();
        }
        [
            ContactField::Email,
            ContactField::Phone,
            ContactField::City,
            ContactField::Organisation,
            ContactField::Project,
            ContactField::Website,
            ContactField::Pronouns,
            ContactField::Tags,
        ]
        .into_iter()
        .filter(|_| self.rng.chance(60))
        .collect()
    }

    fn place_name(&mut self, kind: PlaceKind) -> String {
        let prefix = self.rng.pick(names::place_prefixes(kind));
        let suffix = self.rng.pick(names::PLACE_SUFFIXES);
        format!("{prefix} {suffix}")
    }

    /// A new venue in `region`, with a new host.
    fn venue(&mut self, region: usize) -> usize {
        let kind = *self.rng.pick(&PlaceKind::ALL);
        let host = self.person(PersonRole::Host, region);
        let (city, departement) = *self.rng.pick(REGIONS[region].towns);
        let index = self.venues.len();
        let name = self.place_name(kind);
        let street = self.rng.pick(names::STREETS);
        let address = format!(
            "{} {street}, {departement}000 {city}",
            self.rng.between(1, 60)
        );
        self.venues.push(Venue {
            id: VenueId::new(format!("v-{}-{}", slug(&name), index + 1)),
            name,
            kind,
            city: city.to_owned(),
            departement: departement.to_owned(),
            address,
            capacity: 15 + u32::try_from(self.rng.below(4)).unwrap_or(0) * 5,
            host: Some(host),
        });
        self.region_venues[region].push(index);
        index
    }

    /// Cohort number `k` of `n`: starts spread from January 2016 to March 2026, the last running.
    fn cohort(&mut self, k: usize, n: usize) {
        let span = usize::try_from((LAST_START - FIRST_START).num_days()).unwrap_or(0);
        let offset = i64::try_from(span * (k + 1) / n.max(1)).unwrap_or(0);
        let start = FIRST_START + Duration::days(offset + self.rng.between(0, 20));
        let region = self.rng.below(REGIONS.len());
        let taken = self.names_taken.entry((region, start.year())).or_insert(0);
        *taken += 1;
        let name = match *taken {
            1 => format!("{} {}", REGIONS[region].name, start.year()),
            n => format!("{} {} ({n})", REGIONS[region].name, start.year()),
        };
        let size = if self.rng.chance(60) {
            12
        } else {
            8 + self.rng.below(4)
        };
        let trainees: Vec<PersonId> = (0..size)
            .map(|_| self.person(PersonRole::Trainee, region))
            .collect();
        for _ in 0..VENUES_PER_COHORT {
            self.venue(region);
        }
        let mut crew = Vec::new();
        let crew_size = 2 + self.rng.below(3);
        while crew.len() < crew_size.min(self.trainers.len()) {
            let t = self.rng.below(self.trainers.len());
            if !crew.contains(&t) {
                crew.push(t);
            }
        }
        let tag = format!("{:04}", k + 1);
        let seminars = self.seminars(&tag, start, region, &mut crew, &trainees);
        let mut cohort = Cohort {
            id: CohortId::new(format!("c-{tag}")),
            name,
            start: seminars
                .first()
                .and_then(|s| s.half_days.first())
                .map_or(start, |h| h.date),
            end: seminars
                .last()
                .and_then(|s| s.half_days.last())
                .map_or(start, |h| h.date),
            price_eur: DEFAULT_PRICE_EUR,
            trainees,
            trainers: crew.iter().map(|&t| self.trainers[t].clone()).collect(),
            seminars,
            ..Cohort::default()
        };
        self.circle(&tag, &mut cohort);
        self.cohorts.push(cohort);
    }
}
