//! `cercle verify`: checks every trainee signature, every seal and each cohort's chain of
//! seals, and lists what was altered, with the seminar, the date and the period.

use super::exit::{ALTERED, Failure};
use super::load::read;
use super::out;
use crate::domain::audit::{Finding, Problem, verify_all};
use crate::domain::{Cohort, Data, Period, PersonId};
use crate::i18n::{Lang, Msg, fill};
use serde_json::json;
use std::fmt::Write as _;
use std::path::Path;

/// `verify`: the problems on standard output, one a line (or JSON); the record altered is a
/// failure of its own ([`ALTERED`]), its verdict on standard error.
pub(super) fn verify(
    dir: &Path,
    query: Option<&str>,
    as_json: bool,
    lang: Lang,
) -> Result<(), Failure> {
    // The process ends right after printing: a network's records are left to the system.
    let data = std::mem::ManuallyDrop::new(read(dir, lang)?);
    let cohorts: Vec<&Cohort> = match query {
        Some(_) => vec![super::export::pick_cohort(&data, query, lang)?],
        None => data.cohorts.iter().map(|c| &**c).collect(),
    };
    let (mut lines, mut seals) = (0usize, 0usize);
    for half_day in cohorts
        .iter()
        .flat_map(|c| &c.seminars)
        .flat_map(|s| &s.half_days)
    {
        lines += half_day.marks.iter().filter(|m| m.signed.is_some()).count();
        seals += half_day.seals.len();
    }
    let rows = verify_all(&data, &cohorts);
    let altered = rows.iter().any(|(_, p)| p.finding.is_alteration());
    let counts = [
        ("cohorts", cohorts.len().to_string()),
        ("lines", lines.to_string()),
        ("seals", seals.to_string()),
        ("problems", rows.len().to_string()),
    ];
    let counts: Vec<(&str, &str)> = counts.iter().map(|(k, v)| (*k, v.as_str())).collect();
    if as_json {
        let problems: Vec<_> = rows
            .iter()
            .map(|(cohort, p)| {
                json!({
                    "cohort": cohort.id,
                    "seminar": p.place.seminar,
                    "half_day": p.place.half_day,
                    "date": p.place.date,
                    "period": p.place.period,
                    "altered": p.finding.is_alteration(),
                    "what": describe(&data, &p.finding, lang),
                })
            })
            .collect();
        let document = json!({
            "altered": altered,
            "cohorts": cohorts.len(),
            "trainee_signatures": lines,
            "seals": seals,
            "problems": problems,
        });
        let text = serde_json::to_string_pretty(&document).map_err(|e| e.to_string())?;
        let text = crate::domain::text::escape_json(&text).into_owned();
        out::document(format!("{text}\n").as_bytes(), lang)?;
    } else {
        let mut text = String::new();
        for (cohort, problem) in &rows {
            let _ = writeln!(text, "{}", line(&data, cohort, problem, lang));
        }
        if !altered {
            let _ = writeln!(text, "{}", fill(Msg::VerifyHolds.text(lang), &counts));
        }
        out::block(&text, lang)?;
    }
    if altered {
        return Err(Failure::new(
            ALTERED,
            fill(Msg::VerifyAltered.text(lang), &counts),
        ));
    }
    Ok(())
}

/// One problem on one line: where (cohort · seminar · date period), then what.
fn line(data: &Data, cohort: &Cohort, problem: &Problem, lang: Lang) -> String {
    let place = &problem.place;
    let seminar = cohort
        .seminars
        .iter()
        .find(|s| s.id == place.seminar)
        .map_or_else(
            || place.seminar.to_string(),
            |s| crate::domain::seal::SheetContext::of(data, cohort, s).modules_label(),
        );
    let period = match place.period {
        Period::Morning => Msg::PeriodMorning,
        Period::Afternoon => Msg::PeriodAfternoon,
    };
    fill(
        Msg::VerifyLine.text(lang),
        &[
            ("cohort", &cohort.name),
            ("seminar", &seminar),
            ("date", &place.date.format("%d/%m/%Y").to_string()),
            ("period", period.text(lang)),
            ("what", &describe(data, &problem.finding, lang)),
        ],
    )
}

/// What a finding says, in words.
fn describe(data: &Data, finding: &Finding, lang: Lang) -> String {
    let name = |id: &PersonId| {
        data.person(id)
            .map_or_else(|| id.to_string(), |p| p.name.clone())
    };
    let status = |s| crate::i18n::words::attendance_msg(s).text(lang).to_owned();
    let time = |t: Option<chrono::NaiveTime>| {
        t.map_or_else(|| "—".to_owned(), |t| t.format("%H:%M").to_string())
    };
    let (msg, values): (Msg, Vec<(&str, String)>) = match finding {
        Finding::LineForged(who) => (Msg::VerifyLineForged, vec![("who", name(who))]),
        Finding::LineMoved { trainee, from } => (
            Msg::VerifyLineMoved,
            vec![("who", name(trainee)), ("from", from.to_string())],
        ),
        Finding::LineKeyUnknown(who) => (Msg::VerifyLineKey, vec![("who", name(who))]),
        Finding::StatusChanged {
            trainee,
            expected,
            found,
        } => (
            Msg::VerifyStatusChanged,
            vec![
                ("who", name(trainee)),
                ("expected", status(*expected)),
                ("found", status(*found)),
            ],
        ),
        Finding::TimeChanged {
            trainee,
            expected,
            found,
        } => (
            Msg::VerifyTimeChanged,
            vec![
                ("who", name(trainee)),
                ("expected", time(*expected)),
                ("found", time(*found)),
            ],
        ),
        Finding::SealBroken(who) => (Msg::VerifySealBroken, vec![("who", name(who))]),
        Finding::SealKeyUnknown(who) => (Msg::VerifySealKey, vec![("who", name(who))]),
        Finding::HistoryRemoved { sealed, found } => (
            Msg::VerifyHistoryRemoved,
            vec![("sealed", sealed.to_string()), ("found", found.to_string())],
        ),
        Finding::SealRemoved => (Msg::VerifySealRemoved, vec![]),
        Finding::ChainBroken(seq) => (Msg::VerifyChainBroken, vec![("seq", seq.to_string())]),
        Finding::SealsMissing { from, to } => (
            Msg::VerifySealsMissing,
            vec![("from", from.to_string()), ("to", to.to_string())],
        ),
        Finding::WithdrawalForged(who) => (Msg::VerifyWithdrawalForged, vec![("who", name(who))]),
        Finding::WithdrawalKeyUnknown(who) => (Msg::VerifyWithdrawalKey, vec![("who", name(who))]),
        Finding::WithdrawalOrphan(seq) => {
            (Msg::VerifyWithdrawalOrphan, vec![("seq", seq.to_string())])
        }
        Finding::SignedBeforeSeals => (Msg::VerifyBeforeSeals, vec![]),
        Finding::Forgotten => (Msg::VerifyForgotten, vec![]),
    };
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(msg.text(lang), &values)
}
