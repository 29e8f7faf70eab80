//! Routing a tutor request: which trainers to suggest, ranked by proximity, speciality and
//! current load, each with the facts that put it there.

use super::fold::fold;
use super::geo::{self, Departement};
use super::knowledge::Topic;
use super::tutoring::TutorRequest;
use super::{Cohort, Data, Person, PersonId, PersonRole};

/// One open request weighs like this many kilometres of distance.
pub const LOAD_KM: f64 = 60.0;
/// A matching speciality is worth this many kilometres: the nearest trainer with the right
/// speciality comes first, unless they are far busier.
pub const SPECIALITY_KM: f64 = 300.0;
/// The distance assumed when either place is unknown.
pub const UNKNOWN_KM: f64 = 500.0;
/// How many leading letters two words must share to match ("financement" meets "financier").
const STEM: usize = 6;

/// A trainer suggested for a request, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The trainer.
    pub tutor: PersonId,
    /// The trainer's département, if known.
    pub departement: Option<&'static Departement>,
    /// Great-circle distance between the trainee's and the trainer's départements.
    pub distance_km: Option<f64>,
    /// The first of the trainer's specialities that the request touches.
    pub speciality: Option<String>,
    /// Requests the trainer has accepted or scheduled and not yet closed.
    pub load: usize,
    /// The ranking cost: kilometres, plus [`LOAD_KM`] per open request, minus
    /// [`SPECIALITY_KM`] for a matching speciality. Lower comes first.
    pub cost: f64,
}

/// Where a person is: their département, else a postal code in their city.
pub fn place(person: &Person) -> Option<&'static Departement> {
    geo::locate(&person.departement, &[&person.city])
}

/// The trainers a cohort can route to: its own, else every trainer of the file.
pub fn candidates<'a>(data: &'a Data, cohort: &'a Cohort) -> Vec<&'a Person> {
    let own: Vec<&Person> = cohort
        .trainers
        .iter()
        .filter_map(|id| data.person(id))
        .filter(|p| p.role == PersonRole::Trainer)
        .collect();
    if own.is_empty() {
        data.people
            .iter()
            .filter(|p| p.role == PersonRole::Trainer)
            .map(|p| &**p)
            .collect()
    } else {
        own
    }
}

/// How many requests a tutor holds open (accepted or scheduled), across every cohort.
pub fn load(data: &Data, tutor: &PersonId) -> usize {
    data.cohorts
        .iter()
        .flat_map(|c| &c.tutor_requests)
        .filter(|r| r.status.is_active() && r.tutor.as_ref() == Some(tutor))
        .count()
}

/// The words a request is about: its module or block, its subject and its description.
pub fn request_text(data: &Data, request: &TutorRequest) -> String {
    let topic = match &request.topic {
        Some(Topic::Module(id)) => data
            .programme
            .module(id)
            .map(|m| format!("{} {}", m.code, m.title)),
        Some(Topic::Block(id)) => data
            .programme
            .block(id)
            .map(|b| format!("{} {}", b.code, b.title)),
        None => None,
    };
    format!(
        "{} {} {}",
        topic.unwrap_or_default(),
        request.subject,
        request.description
    )
}

fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_owned)
        .collect()
}

fn stem(word: &str) -> &str {
    word.char_indices()
        .nth(STEM)
        .map_or(word, |(at, _)| &word[..at])
}

/// Whether a speciality touches a text: each of its words of four letters or more starts a word
/// of the text with its first six letters, ignoring case and accents.
pub fn speciality_matches(speciality: &str, text: &str) -> bool {
    let wanted = words(speciality);
    let found = words(text);
    !wanted.is_empty()
        && wanted
            .iter()
            .all(|w| found.iter().any(|f| f.starts_with(stem(w))))
}

/// Ranks trainers for a trainee's place and a request's words; `loads` gives each trainer's
/// open requests. Lowest cost first, then by name.
pub fn rank(
    trainee_place: Option<&'static Departement>,
    text: &str,
    trainers: &[(&Person, usize)],
) -> Vec<Suggestion> {
    let mut ranked: Vec<(Suggestion, &str)> = trainers
        .iter()
        .map(|&(trainer, load)| {
            let departement = place(trainer);
            let distance_km = trainee_place
                .zip(departement)
                .map(|(a, b)| a.distance_km(b));
            let speciality = trainer
                .specialities
                .iter()
                .find(|s| speciality_matches(s, text))
                .cloned();
            #[allow(clippy::cast_precision_loss)] // a handful of requests
            let cost = distance_km.unwrap_or(UNKNOWN_KM) + LOAD_KM * load as f64
                - if speciality.is_some() {
                    SPECIALITY_KM
                } else {
                    0.0
                };
            let suggestion = Suggestion {
                tutor: trainer.id.clone(),
                departement,
                distance_km,
                speciality,
                load,
                cost,
            };
            (suggestion, trainer.name.as_str())
        })
        .collect();
    ranked.sort_by(|(a, a_name), (b, b_name)| {
        a.cost.total_cmp(&b.cost).then_with(|| a_name.cmp(b_name))
    });
    ranked.into_iter().map(|(s, _)| s).collect()
}

/// The trainers suggested for a request of a cohort, best first; the trainee is never
/// suggested to themselves.
pub fn suggest(data: &Data, cohort: &Cohort, request: &TutorRequest) -> Vec<Suggestion> {
    let trainee_place = data.person(&request.trainee).and_then(place);
    let text = request_text(data, request);
    let trainers: Vec<(&Person, usize)> = candidates(data, cohort)
        .into_iter()
        .filter(|p| p.id != request.trainee)
        .map(|p| (p, load(data, &p.id)))
        .collect();
    rank(trainee_place, &text, &trainers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specialities_match_by_stem_ignoring_accents() {
        assert!(speciality_matches("financement", "pilotage financier"));
        assert!(speciality_matches("Fabmanager", "FAB Fabmanager"));
        assert!(speciality_matches(
            "tiers-lieu nourricier",
            "NOUR Tiers-lieu nourricier"
        ));
        assert!(speciality_matches("codéveloppement", "Codeveloppement"));
        assert!(!speciality_matches(
            "modèle économique",
            "pilotage financier"
        ));
        assert!(!speciality_matches("gouvernance", "Budget du café"));
        assert!(!speciality_matches("", "anything"));
    }
}
