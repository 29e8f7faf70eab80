//! The completion certificate (certificat de réalisation): the proof of hours actually followed
//! that funders ask for. What it covers and states is worked out here, once; `export::html`
//! and `export::pdf` each lay it out.

use crate::domain::path::FundingSource;
use crate::domain::rules::chronological;
use crate::domain::{Cohort, Data, PersonId};
use chrono::NaiveDate;

/// Hours as every French text of Cercle writes them: "10,5 h".
pub fn hours(minutes: u32) -> String {
    crate::i18n::format::hours(minutes, crate::i18n::Lang::Fr)
}

/// What a certificate covers: the half-days held from the first to the last one held by the
/// day it is issued (or by the end of the period it is asked for), never a planned one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Covered {
    /// The first half-day held.
    pub start: NaiveDate,
    /// The last half-day held within the period.
    pub end: NaiveDate,
    /// Minutes of the half-days held within the period.
    pub minutes_held: u32,
    /// Minutes the trainee actually followed within the period.
    pub minutes_followed: u32,
}

/// What a certificate of `trainee` issued on `today` covers, up to `until` when a period is
/// asked for (funders paying in instalments): the half-days held on or before both dates. A
/// half-day after `today` is never counted, even if its roll was taken early. `None` when no
/// half-day was held by then.
pub fn covered(
    cohort: &Cohort,
    trainee: &PersonId,
    today: NaiveDate,
    until: Option<NaiveDate>,
) -> Option<Covered> {
    let last_day = until.map_or(today, |u| u.min(today));
    let mut covered: Option<Covered> = None;
    for (_, half_day) in chronological(cohort) {
        if half_day.date > last_day || !half_day.is_held(today) {
            continue;
        }
        let followed = half_day
            .mark_of(trainee)
            .map_or(0, |m| half_day.followed_minutes(m));
        let c = covered.get_or_insert(Covered {
            start: half_day.date,
            end: half_day.date,
            minutes_held: 0,
            minutes_followed: 0,
        });
        c.end = c.end.max(half_day.date);
        c.minutes_held += half_day.planned_minutes();
        c.minutes_followed += followed;
    }
    covered
}

/// The four natures of an action of article L. 6313-1 of the Code du travail, as the
/// ministry's model lists them; this programme is the first.
pub const NATURES: [&str; 4] = [
    "Action de formation",
    "Bilan de compétences",
    "Action de validation des acquis de l'expérience",
    "Action de formation par apprentissage",
];

/// The ministry's clause on keeping the supporting documents.
pub const KEEPING_CLAUSE: &str = "Sans préjudice des délais imposés par les règles fixées par le financeur de l'action, je m'engage à conserver l'ensemble des pièces justificatives qui ont permis d'établir le présent certificat pendant une durée de 3 ans à compter de la fin de l'année du dernier paiement. En cas de cofinancement des fonds européens la durée est portée à 10 ans.";

/// Everything a certificate states, field by field of the ministry's model, whatever its
/// format.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts<'a> {
    /// The organisation's identity (name, NDA, SIRET, address, signatory, city).
    pub organisation: &'a crate::domain::Organisation,
    /// The organisation's name as printed.
    pub provider: &'a str,
    /// The trainee's name.
    pub trainee: String,
    /// Her employer, when it funds her training.
    pub employer: Option<&'a str>,
    /// The exact title of the training.
    pub title: &'a str,
    /// The cohort's name.
    pub cohort: &'a str,
    /// What is certified.
    pub covered: Covered,
    /// The day it is issued ("le …").
    pub issued: NaiveDate,
}

/// What the certificate of `trainee` issued on `today` states, for the period up to `until`
/// (at most `today`); `None` when no half-day was held by then.
pub fn facts<'a>(
    data: &'a Data,
    cohort: &'a Cohort,
    trainee: &PersonId,
    today: NaiveDate,
    until: Option<NaiveDate>,
) -> Option<Facts<'a>> {
    let covered = covered(cohort, trainee, today, until)?;
    let person = data.person(trainee);
    let employer_funds = cohort
        .funding
        .iter()
        .any(|f| &f.trainee == trainee && f.source == FundingSource::Employer);
    Some(Facts {
        organisation: &data.organisation,
        provider: data.organisation.name_or(&data.programme.provider),
        trainee: person.map_or_else(|| trainee.to_string(), |p| p.name.clone()),
        employer: person
            .map(|p| p.employer.as_str())
            .filter(|e| employer_funds && !e.is_empty()),
        title: &data.programme.title,
        cohort: &cohort.name,
        covered,
        issued: today,
    })
}

impl Facts<'_> {
    /// "Je soussigné·e Roseline Lefèvre, Présidente," or a blank to fill in by hand.
    pub fn signatory(&self) -> String {
        let who = &self.organisation.representative;
        match (who.name.trim(), who.title.trim()) {
            ("", _) => "Je soussigné·e ______________________________,".to_owned(),
            (name, "") => format!("Je soussigné·e {name},"),
            (name, title) => format!("Je soussigné·e {name}, {title},"),
        }
    }

    /// The organisation's registration as documents write it: NDA with its prefecture, SIRET,
    /// Qualiopi; one line each, those known.
    pub fn registration(&self) -> Vec<String> {
        registration(self.organisation)
    }

    /// The hours followed, "52 h 30".
    pub fn hours_followed(&self) -> String {
        hours(self.covered.minutes_followed)
    }

    /// The hours of the half-days held in the period.
    pub fn hours_held(&self) -> String {
        hours(self.covered.minutes_held)
    }

    /// The city after "Fait à", or a blank.
    pub fn city(&self) -> &str {
        let city = self.organisation.city.trim();
        if city.is_empty() {
            "____________________"
        } else {
            city
        }
    }
}

/// The organisation's registration lines, those known: "Déclaration d'activité enregistrée
/// sous le numéro … auprès du préfet de région …", "SIRET …", "Certificat Qualiopi n° …".
pub fn registration(org: &crate::domain::Organisation) -> Vec<String> {
    let mut lines = Vec::new();
    if !org.nda.is_empty() {
        let region = if org.nda_region.trim().is_empty() {
            String::new()
        } else {
            format!(" auprès du préfet de région {}", org.nda_region.trim())
        };
        lines.push(format!(
            "Déclaration d'activité enregistrée sous le numéro {}{region}",
            org.nda
        ));
    }
    if !org.siret.is_empty() {
        lines.push(format!(
            "SIRET {}",
            crate::domain::organisation::siret_spaced(&org.siret)
        ));
    }
    if let Some(q) = org.qualiopi.as_deref().filter(|q| !q.trim().is_empty()) {
        lines.push(format!("Certificat Qualiopi n° {q}"));
    }
    lines
}

#[cfg(test)]
mod tests {
    #[test]
    fn hours_read_like_a_funder_writes_them() {
        assert_eq!(super::hours(630), "10,5\u{a0}h");
        assert_eq!(super::hours(420), "7\u{a0}h");
    }
}
