//! What a cohort's circle records besides attendance and tutoring: knowledge, exchanges,
//! funding, candidacies, assessments and the follow-ups after absences.

use super::Generator;
use super::schedule::paris_to_utc;
use crate::domain::cohort::{Channel, FollowUp};
use crate::domain::knowledge::{
    Evaluation, Exchange, ExchangeFormat, KnowledgeItem, KnowledgeKind, Topic,
};
use crate::domain::path::{
    Assessment, Candidacy, CandidacyStatus, Funding, FundingSource, FundingStatus, Level,
};
use crate::domain::{
    BlockId, Cohort, ExchangeId, FollowUpId, KnowledgeId, ModuleId, Note, PersonId, Status,
};
use crate::sample::SAMPLE_TODAY;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

/// Offers the circle hears, with the module or block they touch.
const OFFERS: &[(&str, &str)] = &[
    ("Prise en main de la découpeuse laser", "b-fab"),
    ("Monter un dossier de subvention", "m-2-1"),
    ("Animer une communauté en ligne", "m-3-2"),
    ("Licences de débit de boissons et hygiène", "b-cafe"),
    ("Tenir une comptabilité associative", "m-2-1"),
    ("Animer un atelier de créativité", "m-3-1"),
    ("Réaliser une vidéo de présentation", "m-3-3"),
    ("Organiser une vente en circuit court", "b-nour"),
    ("Faciliter une réunion en gouvernance partagée", "m-2-2"),
    ("Cartographier les acteurs d'un territoire", "m-4-1"),
];

/// Requests the circle hears, with the module or block they touch.
const REQUESTS: &[(&str, &str)] = &[
    ("Trouver des financements de fonctionnement", "m-2-1"),
    ("Rédiger les statuts d'une SCIC", "m-2-2"),
    ("Mesurer l'impact social du lieu", "m-1-4"),
    ("Accueillir du public en sécurité", "m-2-3"),
    ("Mobiliser des bénévoles dans la durée", "m-4-3"),
    ("Gérer un conflit dans le collectif", "m-4-4"),
    ("Mettre en place un atelier bois", "b-fab"),
    ("Construire une programmation annuelle", "m-3-2"),
    ("Choisir ses outils de communication", "m-3-3"),
    ("Lancer un jardin partagé", "b-nour"),
];

/// Exchanges per cohort, once it has met.
const EXCHANGES: usize = 3;

pub(super) fn topic(id: &str) -> Topic {
    if id.starts_with("b-") {
        Topic::Block(BlockId::new(id))
    } else {
        Topic::Module(ModuleId::new(id))
    }
}

fn note(text: &str) -> Note {
    Note {
        text: text.to_owned(),
        confidential: false,
    }
}

/// A Paris time on the hour, in UTC.
pub(super) fn at(date: NaiveDate, hour: u32) -> DateTime<Utc> {
    // Callers pass hours from small ranges below 24.
    paris_to_utc(
        date,
        NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or(NaiveTime::MIN),
    )
}

impl Generator {
    /// Fills in everything but the seminars of a cohort whose seminars are set.
    pub(super) fn circle(&mut self, tag: &str, cohort: &mut Cohort) {
        self.knowledge(tag, cohort);
        self.tutor_requests(tag, cohort);
        self.paths(cohort);
        self.follow_ups(tag, cohort);
    }

    /// One offer and one request per trainee, and a few exchanges between them.
    fn knowledge(&mut self, tag: &str, cohort: &mut Cohort) {
        for trainee in &cohort.trainees {
            for (kind, list) in [
                (KnowledgeKind::Offer, OFFERS),
                (KnowledgeKind::Request, REQUESTS),
            ] {
                let (title, about) = *self.rng.pick(list);
                cohort.knowledge.push(KnowledgeItem {
                    id: KnowledgeId::new(format!("k-{tag}-{:02}", cohort.knowledge.len() + 1)),
                    person: trainee.clone(),
                    kind,
                    title: title.to_owned(),
                    topic: Some(topic(about)),
                    note: None,
                });
            }
        }
        let held: Vec<NaiveDate> = cohort
            .seminars
            .iter()
            .filter_map(|s| s.half_days.first())
            .map(|h| h.date)
            .filter(|d| *d < SAMPLE_TODAY)
            .collect();
        if held.is_empty() {
            return;
        }
        for n in 1..=EXCHANGES {
            // Offers sit at even positions, requests at odd ones, two per trainee.
            let trainees = cohort.trainees.len();
            let giver = self.rng.below(trainees);
            let taker = (giver + 1 + self.rng.below(trainees - 1)) % trainees;
            let offer = &cohort.knowledge[2 * giver];
            let request = &cohort.knowledge[2 * taker + 1];
            // The one who asked evaluates: she took part.
            let evaluation = self.rng.chance(50).then(|| Evaluation {
                by: Some(request.person.clone()),
                useful: self.rng.chance(85),
                note: note("Échange évalué en fin de séminaire."),
            });
            let exchange = Exchange {
                id: ExchangeId::new(format!("e-{tag}-{n:02}")),
                offer: Some(offer.id.clone()),
                request: Some(request.id.clone()),
                people: vec![offer.person.clone(), request.person.clone()],
                format: *self.rng.pick(&[
                    ExchangeFormat::OneToOne,
                    ExchangeFormat::OneToMany,
                    ExchangeFormat::Together,
                ]),
                date: *self.rng.pick(&held),
                evaluations: evaluation.into_iter().collect(),
            };
            cohort.exchanges.push(exchange);
        }
    }

    /// Funding for every trainee, a few candidacies and one assessment each.
    fn paths(&mut self, cohort: &mut Cohort) {
        let ended = cohort.end < SAMPLE_TODAY;
        let competencies: Vec<_> = self
            .programme
            .blocks
            .iter()
            .flat_map(|b| &b.competencies)
            .map(|c| c.id.clone())
            .collect();
        for trainee in &cohort.trainees {
            let source = *self.rng.pick(&[
                FundingSource::Opco,
                FundingSource::Opco,
                FundingSource::FranceTravail,
                FundingSource::Employer,
                FundingSource::SelfFunded,
                FundingSource::Other,
            ]);
            let status = if ended {
                FundingStatus::Paid
            } else {
                *self.rng.pick(&[
                    FundingStatus::Requested,
                    FundingStatus::Granted,
                    FundingStatus::Paid,
                ])
            };
            cohort.funding.push(Funding {
                trainee: trainee.clone(),
                source,
                amount_eur: cohort.price_eur,
                status,
            });
            if self.rng.chance(30) {
                let status = match (ended, self.rng.chance(80)) {
                    (true, true) => CandidacyStatus::Certified,
                    (true, false) => CandidacyStatus::NotCertified,
                    (false, true) => CandidacyStatus::Applying,
                    (false, false) => CandidacyStatus::Submitted,
                };
                cohort.candidacies.push(Candidacy {
                    trainee: trainee.clone(),
                    status,
                    since: Some(cohort.end.min(SAMPLE_TODAY)),
                    history: Vec::new(),
                });
            }
            if let Some(competency) =
                (!competencies.is_empty()).then(|| self.rng.pick(&competencies).clone())
            {
                let level = if ended {
                    Level::Acquired
                } else {
                    *self
                        .rng
                        .pick(&[Level::NotStarted, Level::InProgress, Level::Acquired])
                };
                cohort.assessments.push(Assessment {
                    trainee: trainee.clone(),
                    competency,
                    level,
                    evidence: Vec::new(),
                });
            }
        }
    }

    /// A phone call logged two days after every day with an unexcused absence.
    fn follow_ups(&mut self, tag: &str, cohort: &mut Cohort) {
        let mut absences: Vec<(NaiveDate, PersonId)> = Vec::new();
        for half_day in cohort.seminars.iter().flat_map(|s| &s.half_days) {
            for mark in half_day.marks.iter().filter(|m| m.status == Status::Absent) {
                absences.push((half_day.date, mark.trainee.clone()));
            }
        }
        absences.sort();
        absences.dedup();
        for (date, trainee) in absences {
            let by = self.rng.pick(&self.staff).clone();
            cohort.follow_ups.push(FollowUp {
                id: FollowUpId::new(format!("f-{tag}-{:02}", cohort.follow_ups.len() + 1)),
                trainee,
                by,
                at: at(
                    (date + Duration::days(2)).min(SAMPLE_TODAY - Duration::days(1)),
                    10,
                ),
                channel: Channel::Phone,
                outcome: note("Appel après absence : la personne reste engagée dans la formation."),
            });
        }
    }
}
