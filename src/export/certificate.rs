//! The completion certificate (certificat de réalisation): the proof of hours actually followed
//! that funders ask for.

use super::{STYLE, html_escape};
use crate::domain::path::FundingSource;
use crate::domain::rules::chronological;
use crate::domain::{Cohort, Data, PersonId};
use chrono::NaiveDate;
use std::fmt::Write as _;

/// Hours as every French text of Cercle writes them: "10,5 h".
fn hours(minutes: u32) -> String {
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
const NATURES: [&str; 4] = [
    "Action de formation",
    "Bilan de compétences",
    "Action de validation des acquis de l'expérience",
    "Action de formation par apprentissage",
];

/// The ministry's clause on keeping the supporting documents.
pub const KEEPING_CLAUSE: &str = "Sans préjudice des délais imposés par les règles fixées par le financeur de l'action, je m'engage à conserver l'ensemble des pièces justificatives qui ont permis d'établir le présent certificat pendant une durée de 3 ans à compter de la fin de l'année du dernier paiement. En cas de cofinancement des fonds européens la durée est portée à 10 ans.";

/// The certificate of one trainee as a printable HTML page, issued on `today`, covering the
/// half-days held by then (see [`covered`]); `None` when none was.
pub fn html(data: &Data, cohort: &Cohort, trainee: &PersonId, today: NaiveDate) -> Option<String> {
    html_until(data, cohort, trainee, today, None)
}

/// The certificate of one trainee for the period up to `until` (at most `today`), following
/// the ministry's model of the certificat de réalisation; `None` when no half-day was held by
/// then. What the data has no place for yet (the signatory's name, the city) is left blank.
pub fn html_until(
    data: &Data,
    cohort: &Cohort,
    trainee: &PersonId,
    today: NaiveDate,
    until: Option<NaiveDate>,
) -> Option<String> {
    let covered = covered(cohort, trainee, today, until)?;
    let person = data.person(trainee);
    let name = person.map_or_else(|| trainee.to_string(), |p| p.name.clone());
    let employer_funds = cohort
        .funding
        .iter()
        .any(|f| &f.trainee == trainee && f.source == FundingSource::Employer);
    let employer = person
        .map(|p| p.employer.as_str())
        .filter(|e| employer_funds && !e.is_empty());
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Certificat de réalisation – {name}</title><style>{STYLE}</style></head><body>\n\
<section><h1>Certificat de réalisation</h1>\n<p>Je soussigné·e, représentant·e légal·e du dispensateur de l'action concourant au développement des compétences <strong>{provider}</strong>,</p>\n\
<p>atteste que : <strong>{name}</strong>",
        name = html_escape(&name),
        provider = html_escape(&data.programme.provider),
    );
    if let Some(employer) = employer {
        let _ = write!(
            out,
            ", salarié·e de l'entreprise <strong>{}</strong>",
            html_escape(employer)
        );
    }
    let _ = write!(
        out,
        "</p>\n<p>a suivi l'action <strong>{title}</strong> (promotion {cohort})</p>\n\
<p>Nature de l'action concourant au développement des compétences :</p>\n<ul class=\"natures\" style=\"list-style:none\">",
        title = html_escape(&data.programme.title),
        cohort = html_escape(&cohort.name),
    );
    for (i, nature) in NATURES.iter().enumerate() {
        let (box_, checked) = if i == 0 {
            ("☒", " class=\"checked\"")
        } else {
            ("☐", "")
        };
        let _ = write!(out, "<li{checked}>{box_} {nature}</li>");
    }
    let _ = write!(
        out,
        "</ul>\n<p>qui s'est déroulée du <strong>{start}</strong> au <strong>{end}</strong>,</p>\n\
<p>pour une durée de <strong>{followed}</strong> (sur {held} de demi-journées tenues).</p>\n\
<p class=\"clause\">{KEEPING_CLAUSE}</p>\n\
<p>Fait à : ____________________</p>\n<p>le : {today}</p>\n\
<p>Signature et cachet du responsable du dispensateur de l'action :</p>\n</section></body></html>\n",
        start = covered.start.format("%d/%m/%Y"),
        end = covered.end.format("%d/%m/%Y"),
        followed = hours(covered.minutes_followed),
        held = hours(covered.minutes_held),
        today = today.format("%d/%m/%Y"),
    );
    Some(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn hours_read_like_a_funder_writes_them() {
        assert_eq!(super::hours(630), "10,5\u{a0}h");
        assert_eq!(super::hours(420), "7\u{a0}h");
    }
}
