//! The certificate (certificat de réalisation) as a printable HTML page, following the
//! ministry's model field by field; what it states comes from [`facts`], shared with the PDF.

use super::Shown;
use crate::domain::{Cohort, Data, PersonId};
use crate::export::certificate::{KEEPING_CLAUSE, NATURES, facts};
use crate::i18n::format::date;
use chrono::NaiveDate;
use maud::html;

/// The certificate of one trainee issued on `today`, for the period up to `until` (at most
/// `today`), covering the half-days held by then; `None` when none was. What the
/// organisation's identity lacks is left blank, to fill in by hand.
pub fn html(
    data: &Data,
    cohort: &Cohort,
    trainee: &PersonId,
    today: NaiveDate,
    until: Option<NaiveDate>,
) -> Option<String> {
    let facts = facts(data, cohort, trainee, today, until)?;
    let org = facts.organisation;
    let heading = std::iter::once(org.address.clone())
        .chain(facts.registration())
        .filter(|line| !line.trim().is_empty());
    let who = [
        org.representative.name.trim(),
        org.representative.title.trim(),
    ]
    .iter()
    .filter(|s| !s.is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join(", ");
    let body = html! {
        section {
            p.organisation {
                strong { (Shown(facts.provider)) }
                @for line in heading { br; (Shown(&line)) }
            }
            h1 { "Certificat de réalisation" }
            p {
                (Shown(&facts.signatory()))
                " représentant·e légal·e du dispensateur de l'action concourant au développement des compétences "
                strong { (Shown(facts.provider)) } ","
            }
            p {
                "atteste que : " strong { (Shown(&facts.trainee)) }
                @if let Some(employer) = facts.employer {
                    ", salarié·e de l'entreprise " strong { (Shown(employer)) }
                }
            }
            p {
                "a suivi l'action " strong { (Shown(facts.title)) }
                " (promotion " (Shown(facts.cohort)) ")"
            }
            p { "Nature de l'action concourant au développement des compétences :" }
            // This programme is an action de formation, the first box; the others stay empty.
            ul.natures style="list-style:none" {
                @for (i, nature) in NATURES.iter().enumerate() {
                    @if i == 0 {
                        li.checked { "☒ " (nature) }
                    } @else {
                        li { "☐ " (nature) }
                    }
                }
            }
            p {
                "qui s'est déroulée du " strong { (date(facts.covered.start)) }
                " au " strong { (date(facts.covered.end)) } ","
            }
            p {
                "pour une durée de " strong { (facts.hours_followed()) }
                " (sur " (facts.hours_held()) " de demi-journées tenues)."
            }
            p.clause { (KEEPING_CLAUSE) }
            p { "Fait à : " (Shown(facts.city())) }
            p { "le : " (date(today)) }
            p {
                "Signature et cachet du responsable du dispensateur de l'action :"
                br;
                (Shown(&who))
            }
        }
    };
    Some(super::page(
        &format!("Certificat de réalisation – {}", facts.trainee),
        "@page{size:A4}",
        &body,
    ))
}
