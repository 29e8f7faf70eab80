//! The completion certificate (certificat de réalisation): the proof of hours actually followed
//! that funders ask for.

use super::{STYLE, html_escape};
use crate::domain::path::FundingSource;
use crate::domain::rules::trainee_attendance;
use crate::domain::{Cohort, Data, PersonId};
use chrono::NaiveDate;
use std::fmt::Write as _;

/// Hours as funders write them: "10 h 30".
fn hours(minutes: u32) -> String {
    match minutes % 60 {
        0 => format!("{} h", minutes / 60),
        rest => format!("{} h {rest:02}", minutes / 60),
    }
}

/// The certificate of one trainee as a printable HTML page, issued on `today`.
pub fn html(data: &Data, cohort: &Cohort, trainee: &PersonId, today: NaiveDate) -> String {
    let person = data.person(trainee);
    let name = person.map_or_else(|| trainee.to_string(), |p| p.name.clone());
    let attendance = trainee_attendance(&cohort.seminars, trainee, today);
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
<section><h1>Certificat de réalisation</h1>\n<p>Je soussigné·e, représentant·e de l'organisme de formation <strong>{provider}</strong>, atteste que :</p>\n\
<table class=\"meta\"><tr><td>Stagiaire</td><td><strong>{name}</strong></td></tr>\n",
        name = html_escape(&name),
        provider = html_escape(&data.programme.provider),
    );
    if let Some(employer) = employer {
        let _ = writeln!(
            out,
            "<tr><td>Employeur</td><td>{}</td></tr>",
            html_escape(employer)
        );
    }
    let _ = write!(
        out,
        "<tr><td>Formation</td><td>{title}</td></tr>\n\
<tr><td>Nature de l'action</td><td>Action de formation (article L6313-1 du Code du travail)</td></tr>\n\
<tr><td>Promotion</td><td>{cohort}</td></tr>\n\
<tr><td>Dates</td><td>du {start} au {end}</td></tr>\n\
<tr><td>Durée prévue</td><td>{planned}</td></tr>\n\
<tr><td>Durée réalisée</td><td><strong>{followed}</strong></td></tr>\n\
</table>\n<p>Fait le {today}.</p>\n<p>Signature et cachet de l'organisme :</p>\n</section></body></html>\n",
        title = html_escape(&data.programme.title),
        cohort = html_escape(&cohort.name),
        start = cohort.start.format("%d/%m/%Y"),
        end = cohort.end.format("%d/%m/%Y"),
        planned = hours(attendance.minutes_planned),
        followed = hours(attendance.minutes_followed),
        today = today.format("%d/%m/%Y"),
    );
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn hours_read_like_a_funder_writes_them() {
        assert_eq!(super::hours(630), "10 h 30");
        assert_eq!(super::hours(420), "7 h");
    }
}
