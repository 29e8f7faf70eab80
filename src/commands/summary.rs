//! `cercle summary [--json]`: each cohort's trainees, half-days and attendance.

use super::exit::Failure;
use super::load::read;
use super::out;
use crate::domain::clock::Clock;
use crate::domain::figures::CohortFigures;
use crate::domain::rules;
use crate::i18n::{Lang, Msg, numbers};
use crate::store::shelf::{self, Glimpsed, Purpose};
use rayon::prelude::*;
use std::fmt::Write as _;
use std::path::Path;

/// `summary`: a line per cohort, or JSON. On a trainee's copy (`mine`), it says whose copy it
/// is and counts her own attendance only: the others' marks are not in it.
pub(super) fn summary(
    dir: &Path,
    json: bool,
    lang: Lang,
    mine: Option<&crate::domain::PersonId>,
) -> Result<(), Failure> {
    let today = Clock::from_env().today();
    // A network's finished cohorts come off the shelf when their documents are unchanged: the
    // look hashes them rather than building their records. A trainee's copy counts her own
    // attendance, which the shelf does not keep, so it is read whole.
    let glimpse = mine
        .is_none()
        .then(|| shelf::glimpse(dir, today, Purpose::Figures));
    // The process ends right after printing: the records of a network (100 MB in half a
    // million pieces) are left to the system at exit rather than freed one by one.
    let looked = glimpse.flatten().and_then(|glimpse| {
        let rows = glimpse
            .cohorts
            .par_iter()
            .map(|place| match place {
                Glimpsed::Read(at) => {
                    Some(row(&CohortFigures::of(&glimpse.data.cohorts[*at], today)))
                }
                Glimpsed::Shelved(figures) => Some(row(figures)),
                // Not for figures: the whole data says.
                Glimpsed::Unread(_) => None,
            })
            .collect::<Option<Vec<_>>>()?;
        Some((std::mem::ManuallyDrop::new(glimpse.data), rows))
    });
    let (data, rows) = if let Some(looked) = looked {
        looked
    } else {
        let data = std::mem::ManuallyDrop::new(read(dir, lang)?);
        let rows = full_rows(&data, mine, today);
        (data, rows)
    };
    if json {
        let json = serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?;
        let mut json = crate::domain::text::escape_json(&json).into_owned();
        json.push('\n');
        return out::document(json.as_bytes(), lang);
    }
    let mut text = String::new();
    if let Some(me) = mine {
        let name = data
            .person(me)
            .map_or_else(|| me.to_string(), |p| p.name.clone());
        let name = crate::domain::text::visible(&name);
        let _ = writeln!(
            text,
            "{}",
            crate::i18n::fill(Msg::CliSummaryTraineeCopy.text(lang), &[("name", &name)])
        );
    }
    let _ = writeln!(
        text,
        "{:<32} {:>10} {:>20} {:>11}",
        Msg::CliSummaryCohort.text(lang),
        Msg::CliSummaryTrainees.text(lang),
        Msg::CliSummaryHeld.text(lang),
        Msg::CliSummaryRate.text(lang)
    );
    for row in &rows {
        let rate = row["attendance_rate"]
            .as_f64()
            .map_or_else(|| "-".to_owned(), |r| numbers::percent(r, lang));
        let name: String = crate::domain::text::visible(row["name"].as_str().unwrap_or_default())
            .chars()
            .take(32)
            .collect();
        let _ = writeln!(
            text,
            "{name:<32} {:>10} {:>11} / {:<6} {rate:>11}",
            // A JSON value ignores widths; its text does not.
            row["trainees"].to_string(),
            row["half_days_held"].to_string(),
            row["half_days_planned"].to_string()
        );
    }
    out::block(&text, lang)
}

/// A cohort's line, as JSON.
fn row(figures: &CohortFigures) -> serde_json::Value {
    let rate = figures.attendance.rate();
    serde_json::json!({
        "id": figures.id,
        "name": figures.name,
        "trainees": figures.trainees,
        "half_days_held": figures.attendance.half_days_held,
        "half_days_planned": figures.attendance.half_days_planned,
        "attendance_rate": rate.map(|r| (r * 10.0).round() / 10.0),
    })
}

/// Every cohort's line from the data read whole. On her copy, a trainee's own attendance: the
/// only one it holds.
fn full_rows(
    data: &crate::domain::Data,
    mine: Option<&crate::domain::PersonId>,
    today: chrono::NaiveDate,
) -> Vec<serde_json::Value> {
    // Each cohort's figures on a core of its own, in the cohorts' order.
    data.cohorts
        .par_iter()
        .map(|cohort| {
            let Some(me) = mine.filter(|me| cohort.is_enrolled(me)) else {
                return row(&CohortFigures::of(cohort, today));
            };
            let own = rules::trainee_attendance(&cohort.seminars, me, today);
            let mut line = serde_json::json!({
                "id": cohort.id,
                "name": cohort.name,
                "trainees": cohort.active_trainees().count(),
                "half_days_held": own.half_days_held,
                "half_days_planned": own.half_days_planned,
                "attendance_rate": own.rate_held().map(|r| (r * 10.0).round() / 10.0),
            });
            line["copy_of"] = serde_json::json!(me);
            line
        })
        .collect()
}
