//! The completion certificate covers what happened: from the first half-day to the last one
//! held, never a planned end or a day after today; a period up to `--until`; every trainee of
//! a cohort at once; a trainee of a past cohort found by her id alone.

use crate::common;

use cercle::domain::rules::chronological;
use cercle::domain::{Cohort, Data, Mark, PersonId, Status};
use cercle::export::html;
use cercle::sample::SAMPLE_TODAY;
use chrono::NaiveDate;
use scraper::Html;
use std::path::Path;

/// The clock of every run here: the sample's day, 28/11/2026 in Paris.
const NOW: &str = "2026-11-28T10:00:00Z";

fn text(html: &str) -> String {
    Html::parse_document(html).root_element().text().collect()
}

/// Every dd/mm/yyyy date a text states.
pub(crate) fn dates(text: &str) -> Vec<NaiveDate> {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(10)
        .filter(|w| {
            w.iter().enumerate().all(|(i, c)| {
                if i == 2 || i == 5 {
                    *c == '/'
                } else {
                    c.is_ascii_digit()
                }
            })
        })
        .filter_map(|w| {
            let w: String = w.iter().collect();
            NaiveDate::parse_from_str(&w, "%d/%m/%Y").ok()
        })
        .collect()
}

/// The "du … au …" of a certificate.
fn period(text: &str) -> (NaiveDate, NaiveDate) {
    let (_, rest) = text.split_once("qui s'est déroulée du ").unwrap();
    let found = dates(&rest[..30]);
    (found[0], found[1])
}

/// The minutes a trainee followed over the half-days held up to a day, counted here.
fn followed_until(cohort: &Cohort, trainee: &PersonId, last: NaiveDate) -> u32 {
    chronological(cohort)
        .into_iter()
        .filter(|(_, h)| h.date <= last && h.is_held(SAMPLE_TODAY))
        .filter_map(|(_, h)| h.mark_of(trainee).map(|m| h.followed_minutes(m)))
        .sum()
}

/// Hours as the French texts write them, "10,5 h", worked out here on their own.
fn hours(minutes: u32) -> String {
    let text = format!("{:.2}", f64::from(minutes) / 60.0);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{}\u{a0}h", text.replace('.', ","))
}

#[test]
fn an_early_certificate_never_certifies_a_date_after_the_last_half_day_held() {
    let mut data: Data = cercle::sample::sample();
    let current = data.current().unwrap().id.clone();
    let cohort_index = data.cohorts.iter().position(|c| c.id == current).unwrap();
    let trainee = data.cohorts[cohort_index].trainees[0].clone();
    // A roll taken early, for a half-day after today: it is still not held.
    let cohort = &mut data.cohorts[cohort_index];
    let future = cohort
        .seminars
        .iter_mut()
        .flat_map(|s| &mut s.half_days)
        .find(|h| h.date > SAMPLE_TODAY)
        .unwrap();
    future.marks.push(Mark {
        trainee: trainee.clone(),
        status: Status::Present,
        time: None,
        reason: None,
        remark: None,
        by: None,
        at: None,
        signed: None,
        missing_signature: None,
    });
    let cohort = data.current().unwrap();
    assert!(cohort.end > SAMPLE_TODAY, "the training is not over");
    let last_held = chronological(cohort)
        .into_iter()
        .map(|(_, h)| h.date)
        .filter(|d| *d <= SAMPLE_TODAY)
        .max()
        .unwrap();
    let html = html::certificate::html(&data, cohort, &trainee, SAMPLE_TODAY, None).unwrap();
    let text = text(&html);
    let (start, end) = period(&text);
    assert_eq!(start, chronological(cohort)[0].1.date);
    assert_eq!(end, last_held, "{text}");
    for date in dates(&text) {
        assert!(date <= SAMPLE_TODAY, "{date} is after today in {text}");
    }
    let followed = followed_until(cohort, &trainee, SAMPLE_TODAY);
    assert!(
        text.contains(&format!("pour une durée de {}", hours(followed))),
        "{text}"
    );
}

#[test]
fn until_gives_a_certificate_for_a_period() {
    let data = cercle::sample::sample();
    let cohort = data.current().unwrap();
    let trainee = &cohort.trainees[1];
    let days: Vec<NaiveDate> = chronological(cohort).iter().map(|(_, h)| h.date).collect();
    let until = days[days.len() / 3];
    let html = html::certificate::html(&data, cohort, trainee, SAMPLE_TODAY, Some(until)).unwrap();
    let text = text(&html);
    assert_eq!(period(&text).1, until);
    let followed = followed_until(cohort, trainee, until);
    assert!(followed < followed_until(cohort, trainee, SAMPLE_TODAY));
    assert!(
        text.contains(&format!("pour une durée de {}", hours(followed))),
        "{text}"
    );
    // Before the first half-day there is nothing to certify.
    let before = days[0].pred_opt().unwrap();
    assert!(html::certificate::html(&data, cohort, trainee, SAMPLE_TODAY, Some(before)).is_none());
}

fn cercle(dir: &Path, args: &[&str]) -> std::process::Output {
    common::command(dir)
        .args(args)
        .env("CERCLE_NOW", NOW)
        .output()
        .unwrap()
}

#[test]
fn a_past_cohorts_trainee_is_found_by_her_id_alone() {
    let dir = tempfile::tempdir().unwrap();
    assert!(cercle(dir.path(), &["init", "--sample"]).status.success());
    let out = cercle(
        dir.path(),
        &["export", "certificate", "--trainee", "p-agathe-brunet"],
    );
    assert!(out.status.success(), "{out:?}");
    let text = text(&String::from_utf8(out.stdout).unwrap());
    assert!(text.contains("Agathe Brunet") && text.contains("Nouvelle-Aquitaine 2024"));
    let (start, end) = period(&text);
    assert_eq!(start, NaiveDate::from_ymd_opt(2024, 3, 12).unwrap());
    assert!(end <= NaiveDate::from_ymd_opt(2025, 1, 24).unwrap());
    // With --until, and in French when nothing was held yet.
    let out = cercle(
        dir.path(),
        &[
            "--lang",
            "fr",
            "export",
            "certificate",
            "--trainee",
            "p-agathe-brunet",
            "--until",
            "01/01/2024",
        ],
    );
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("rien à certifier"), "{said}");
}

#[test]
fn all_writes_one_certificate_per_trainee_into_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    assert!(cercle(dir.path(), &["init", "--sample"]).status.success());
    let folder = dir.path().join("certificats");
    let out = cercle(
        dir.path(),
        &[
            "export",
            "certificate",
            "--all",
            "-o",
            folder.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success(), "a missing folder is refused");
    std::fs::create_dir(&folder).unwrap();
    let out = cercle(
        dir.path(),
        &[
            "export",
            "certificate",
            "--all",
            "--cohort",
            "2026",
            "--until",
            "2026-06-30",
            "-o",
            folder.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let data = cercle::sample::sample();
    let cohort = data.current().unwrap();
    let files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), cohort.trainees.len());
    for id in &cohort.trainees {
        let name = &data.person(id).unwrap().name;
        let file = folder.join(format!(
            "certificat-{}.html",
            cercle::domain::fold::slug(name)
        ));
        let text = text(&std::fs::read_to_string(&file).unwrap());
        assert!(text.contains(name.as_str()), "{}", file.display());
        assert!(period(&text).1 <= NaiveDate::from_ymd_opt(2026, 6, 30).unwrap());
    }
}
