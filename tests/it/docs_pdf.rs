//! The PDF documents, read back with poppler as an auditor's tools would: A4 (`pdfinfo`), the
//! PDF/A-2b identification in the XMP (`pdfinfo -meta`), every font embedded (`pdffonts`), and
//! the text every field the law and the ministry's model ask for (`pdftotext`). The wide grid
//! (12 trainees × 14 half-days) keeps every column on a page, repeats the header and never
//! leaves the trainer's row alone.

use crate::common;
use crate::docs_certificate::dates;
use cercle::domain::{Data, HalfDay, PersonId, PersonRole, SeminarId};
use cercle::export::pdf::{self, Mark};
use chrono::NaiveDate;
use std::path::Path;
use std::process::Command;

/// The sample's day, and a week later (after the 08/12 seminar has started).
const NOW: &str = "2026-12-06T09:00:00Z";

/// Runs a poppler tool; `.ci/run` installs them (poppler-utils).
fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed (apt-get install poppler-utils): {e}"));
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// What poppler reads of a PDF: its info, its XMP, its fonts, its text (page by page).
struct Read {
    info: String,
    meta: String,
    fonts: String,
    pages: Vec<String>,
}

fn read(path: &Path) -> Read {
    let file = path.to_str().unwrap();
    let info = poppler("pdfinfo", &[file]);
    let count: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let pages = (1..=count)
        .map(|n| {
            let n = n.to_string();
            poppler("pdftotext", &["-f", &n, "-l", &n, file, "-"])
        })
        .collect();
    Read {
        meta: poppler("pdfinfo", &["-meta", file]),
        fonts: poppler("pdffonts", &[file]),
        info,
        pages,
    }
}

impl Read {
    /// A4, PDF/A-2b identified in the XMP, every font embedded, "page i/n" on every page.
    fn assert_archival(&self) {
        let sizes: Vec<&str> = self
            .info
            .lines()
            .filter(|l| l.starts_with("Page size:"))
            .collect();
        assert!(sizes.iter().all(|l| l.contains("(A4)")), "{}", self.info);
        assert!(
            self.meta.contains("<pdfaid:part>2</pdfaid:part>")
                && self
                    .meta
                    .contains("<pdfaid:conformance>B</pdfaid:conformance>"),
            "no PDF/A-2b identification: {}",
            self.meta
        );
        let fonts: Vec<&str> = self.fonts.lines().skip(2).collect();
        assert!(!fonts.is_empty(), "{}", self.fonts);
        for font in fonts {
            // name, type, encoding, then the emb / sub / uni columns.
            let columns: Vec<&str> = font.split_whitespace().collect();
            let emb = columns[columns.len() - 5];
            assert_eq!(emb, "yes", "a font is not embedded: {font}");
        }
        let count = self.pages.len();
        for (i, page) in self.pages.iter().enumerate() {
            let number = format!("page {}/{count}", i + 1);
            assert!(page.contains(&number), "no {number}: {page}");
        }
    }

    /// The text of every page, its lines joined with single spaces (paragraphs wrap).
    fn text(&self) -> String {
        self.pages
            .join("\n")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn sample_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let status = common::command(dir.path())
        .args(["init", "--sample"])
        .status()
        .unwrap();
    assert!(status.success());
    dir
}

fn cercle(dir: &Path, args: &[&str]) {
    let out = common::command(dir)
        .env("CERCLE_NOW", NOW)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_cohort_sheet_is_an_archival_a4_pdf_with_every_required_field() {
    let dir = sample_dir();
    let file = dir.path().join("sheet.pdf");
    let out = file.to_str().unwrap();
    cercle(
        dir.path(),
        &["export", "attendance", "--format", "pdf", "-o", out],
    );
    let read = read(&file);
    read.assert_archival();
    assert!(
        read.info.contains("841.89 x 595.28"),
        "landscape: {}",
        read.info
    );
    let data = cercle::sample::sample();
    let text = read.text();
    let cohort = data.current().unwrap();
    for wanted in [
        "SCIC Coopérative des Tiers-Lieux Solidaires",
        "75330987633",
        "SIRET 912 345 678 00011",
        "Facilitateur·rice de tiers-lieux",
        "1.1 Immersion & culture tiers-lieux",
        "27 avenue des Sources",
        "Hélène Marchetti",
        "présent·e",
        "signé électroniquement le 10/03/2026 à 09:10",
        "scellé électroniquement",
        "absence justifiée",
        "Annexe : corrections après signature",
        "matin 09:00–12:30",
    ] {
        assert!(text.contains(wanted), "missing {wanted:?}");
    }
    for id in &cohort.trainees {
        let name = &data.person(id).unwrap().name;
        assert!(text.contains(name.as_str()), "missing {name}");
    }
    // The reason of an excused absence never reaches the sheet.
    for seminar in &cohort.seminars {
        for h in &seminar.half_days {
            for m in &h.marks {
                if let Some(reason) = m.reason.as_deref().filter(|r| r.len() > 6) {
                    assert!(!text.contains(reason), "printed a reason: {reason}");
                }
            }
        }
    }
    // Every page repeats the header.
    for page in &read.pages {
        assert!(page.contains("FEUILLE D'ÉMARGEMENT"), "{page}");
        assert!(
            page.contains("NDA") || page.contains("75330987633"),
            "{page}"
        );
    }
}

#[test]
fn the_certificate_follows_the_ministry_model_and_never_certifies_the_future() {
    let dir = sample_dir();
    let file = dir.path().join("certificate.pdf");
    let out = file.to_str().unwrap();
    let args = [
        "export",
        "certificate",
        "--trainee",
        "p-camille-dubois",
        "--format",
        "pdf",
        "-o",
        out,
    ];
    cercle(dir.path(), &args);
    let read = read(&file);
    read.assert_archival();
    assert!(
        read.info.contains("595.28 x 841.89"),
        "portrait: {}",
        read.info
    );
    assert_eq!(read.pages.len(), 1);
    let text = read.text();
    for wanted in [
        "CERTIFICAT DE RÉALISATION",
        "Je soussigné·e Roseline Lefèvre, Présidente,",
        "SCIC Coopérative des Tiers-Lieux Solidaires",
        "75330987633",
        "auprès du préfet de région Nouvelle-Aquitaine",
        "SIRET 912 345 678 00011",
        "Camille Dubois",
        "Facilitateur·rice de tiers-lieux",
        "Action de formation",
        "Bilan de compétences",
        "Action de validation des acquis de l'expérience",
        "Action de formation par apprentissage",
        "je m'engage à conserver l'ensemble des pièces justificatives",
        "Fait à : Bordeaux",
        "le : 06/12/2026",
    ] {
        assert!(text.contains(wanted), "missing {wanted:?} in {text}");
    }
    // The cohort ends in 2027, and a seminar begins on 08/12: the certificate stops at the
    // last half-day held by 06/12.
    let data = cercle::sample::sample();
    let cohort = data.current().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
    let last_held = cohort
        .seminars
        .iter()
        .flat_map(|s| &s.half_days)
        .filter(|h| h.is_held(today) && h.date <= today)
        .map(|h| h.date)
        .max()
        .unwrap();
    let (_, period) = text.split_once("qui s'est déroulée du").unwrap();
    let stated = dates(&period.chars().take(30).collect::<String>());
    assert_eq!(stated.len(), 2, "{period}");
    assert!(stated[1] <= last_held, "{} after {last_held}", stated[1]);
    assert!(cohort.end > today, "the test needs a cohort not over yet");
}

#[test]
fn every_certificate_of_a_cohort_is_a_pdf() {
    let dir = sample_dir();
    let folder = dir.path().join("certificats");
    std::fs::create_dir(&folder).unwrap();
    let out = folder.to_str().unwrap();
    let args = [
        "export",
        "certificate",
        "--all",
        "--format",
        "pdf",
        "-o",
        out,
    ];
    cercle(dir.path(), &args);
    let files: Vec<_> = std::fs::read_dir(&folder).unwrap().collect();
    let data = cercle::sample::sample();
    assert_eq!(files.len(), data.current().unwrap().trainees.len());
    let one = folder.join("certificat-malik-benali.pdf");
    let read = read(&one);
    read.assert_archival();
    assert!(read.text().contains("Malik Benali"));
}

/// The sample with 12 trainees and a 14-half-day seminar, `s-wide`, every line marked.
pub(crate) fn wide() -> Data {
    let mut data = cercle::sample::sample();
    let id = data.current().unwrap().id.clone();
    let enrolled = data.current().unwrap().trainees.clone();
    let extra: Vec<PersonId> = data
        .people
        .iter()
        .filter(|p| p.role == PersonRole::Trainee && !enrolled.contains(&p.id))
        .map(|p| p.id.clone())
        .take(12 - enrolled.len())
        .collect();
    let cohort = data.cohort_mut(&id).unwrap();
    cohort.trainees.extend(extra.iter().cloned());
    assert_eq!(cohort.trainees.len(), 12);
    let mut days: Vec<HalfDay> = cohort
        .seminars
        .iter()
        .flat_map(|s| s.half_days.clone())
        .filter(|h| !h.marks.is_empty())
        .take(14)
        .collect();
    assert_eq!(days.len(), 14);
    for h in &mut days {
        for trainee in &extra {
            let mut mark = h.marks[0].clone();
            mark.trainee = trainee.clone();
            h.marks.push(mark);
        }
    }
    let mut seminar = cohort.seminars[0].clone();
    seminar.id = SeminarId::new("s-wide");
    seminar.half_days = days;
    cohort.seminars.push(seminar);
    data
}

#[test]
fn a_wide_seminar_keeps_every_column_repeats_its_header_and_never_leaves_the_trainer_alone() {
    let data = wide();
    let cohort = data.current().unwrap();
    let seminar = SeminarId::new("s-wide");
    // Nothing drawn outside its page's margins: no column is clipped.
    let pages = pdf::sheet::pages(&data, cohort, Some(&seminar));
    assert!(pages.len() >= 2, "14 half-days need more than one page");
    for page in &pages {
        let (width, height) = page.size();
        for mark in &page.marks {
            if let Mark::Text {
                x,
                y,
                size,
                face,
                text,
            } = mark
            {
                let right = x + pdf::text::width(text, *size, *face);
                assert!(
                    *x >= pdf::MARGIN - 0.5 && right <= width - pdf::MARGIN + 0.5,
                    "{text:?} runs from {x} to {right} on a page {width} wide"
                );
                assert!(*y <= height - pdf::MARGIN, "{text:?} at {y}");
            }
        }
    }
    // Read back by poppler: every half-day on a page, the header on each, the trainer's row
    // with trainees.
    let bytes = pdf::sheet::pdf(
        &data,
        cohort,
        Some(&seminar),
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap(),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wide.pdf");
    std::fs::write(&file, bytes).unwrap();
    let read = read(&file);
    read.assert_archival();
    let text = read.text();
    let wide = cohort.seminars.iter().find(|s| s.id == seminar).unwrap();
    for h in &wide.half_days {
        assert!(
            text.contains(&h.date.format("%d/%m/%Y").to_string()),
            "{} is missing",
            h.date
        );
    }
    let names: Vec<String> = cohort
        .trainees
        .iter()
        .map(|id| data.person(id).unwrap().name.clone())
        .collect();
    for name in &names {
        assert!(text.contains(name.as_str()), "{name} is missing");
    }
    let mut trainer_rows = 0;
    for page in &read.pages {
        assert!(page.contains("FEUILLE D'ÉMARGEMENT"), "{page}");
        assert!(
            page.contains("Stagiaire") && page.contains("Formation"),
            "{page}"
        );
        if page.contains("signature et scellé") {
            trainer_rows += 1;
            assert!(
                names.iter().any(|n| page.contains(n.as_str())),
                "the trainer's row stands alone: {page}"
            );
        }
    }
    assert_eq!(trainer_rows, 2, "one trainer row per group of half-days");
}

#[test]
fn forget_lists_a_pdf_sheet_whose_html_twin_names_the_person() {
    let dir = sample_dir();
    let exports = dir.path().join("exports");
    std::fs::create_dir(&exports).unwrap();
    let stem = exports.join("emargement-nouvelle-aquitaine-2024");
    for format in ["html", "pdf"] {
        let file = stem.with_extension(format);
        let args = [
            "export",
            "attendance",
            "--cohort",
            "2024",
            "--format",
            format,
            "-o",
        ];
        let mut args: Vec<&str> = args.to_vec();
        args.push(file.to_str().unwrap());
        cercle(dir.path(), &args);
    }
    let pdf = stem.with_extension("pdf");
    // The PDF's text is compressed: the name is not in its bytes.
    assert!(!String::from_utf8_lossy(&std::fs::read(&pdf).unwrap()).contains("Agathe Brunet"));
    let out = common::command(dir.path())
        .args(["forget", "Agathe Brunet", "--yes"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}");
    assert!(said.contains(&pdf.display().to_string()), "{said}");
}
