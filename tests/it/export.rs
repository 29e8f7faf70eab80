//! Attendance sheets and certificates: read back with the csv crate and an HTML parser; hostile
//! names survive both; the command line finds cohorts, seminars and trainees by name.

use crate::common;

use cercle::domain::{Data, Status};
use cercle::export::dialect::Dialect;
use cercle::export::{attendance, certificate, html};
use common::pty::cercle;
use scraper::{Html, Selector};

const HOSTILE: &str = "Zoé \"Zo\", <script>alert(1)</script> 🌱";

fn sample_with_hostile_name() -> Data {
    let mut data = cercle::sample::sample();
    let first = data.current().unwrap().trainees[0].clone();
    let person = data.people.iter_mut().find(|p| p.id == first).unwrap();
    HOSTILE.clone_into(&mut person.name);
    data
}

#[test]
fn csv_reads_back_one_row_per_trainee_and_half_day() {
    let data = sample_with_hostile_name();
    let cohort = data.current().unwrap();
    let bytes = attendance::to_csv(&data, cohort, None, Dialect::Rfc).unwrap();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, attendance::CSV_HEADER);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let half_days: usize = cohort.seminars.iter().map(|s| s.half_days.len()).sum();
    assert_eq!(rows.len(), half_days * cohort.trainees.len());
    let hostile: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[11] == HOSTILE).collect();
    assert_eq!(hostile.len(), half_days, "the name survives quoting intact");
    let first = &rows[0];
    assert_eq!(&first[0], data.programme.provider);
    assert_eq!(&first[2], "1.1");
    assert_eq!(&first[7], "morning");
    assert!(
        rows.iter().any(|r| &r[12] == "late" && !r[13].is_empty()),
        "late arrivals carry their time"
    );
    let reasons: Vec<&str> = cohort
        .seminars
        .iter()
        .flat_map(|s| &s.half_days)
        .flat_map(|h| &h.marks)
        .filter_map(|m| m.reason.as_deref())
        .collect();
    assert!(!reasons.is_empty());
    assert!(
        rows.iter()
            .all(|r| r.iter().all(|cell| !reasons.contains(&cell))),
        "the reason of an absence is never written"
    );
    assert!(
        rows.iter().any(|r| !r[15].is_empty() && !r[16].is_empty()),
        "signed by and at"
    );
}

#[test]
fn html_sheet_parses_with_absences_crossed_out_and_no_injected_markup() {
    let data = sample_with_hostile_name();
    let cohort = data.current().unwrap();
    let page = Html::parse_document(&html::sheet::html(&data, cohort, None));
    let script = Selector::parse("script").unwrap();
    assert_eq!(
        page.select(&script).count(),
        0,
        "no script element was injected"
    );
    let cells = Selector::parse("td").unwrap();
    let texts: Vec<String> = page.select(&cells).map(|c| c.text().collect()).collect();
    assert!(texts.iter().any(|t| t == HOSTILE), "the name shows as text");
    let absent = Selector::parse("td.absent").unwrap();
    let crossed = page.select(&absent).count();
    let absences = cohort
        .seminars
        .iter()
        .flat_map(|s| &s.half_days)
        .flat_map(|h| &h.marks)
        .filter(|m| matches!(m.status, Status::Absent | Status::Excused))
        .count();
    assert_eq!(crossed, absences, "every absence is crossed out");
    let sections = Selector::parse("section").unwrap();
    let seminars_held = cohort
        .seminars
        .iter()
        .filter(|s| !s.half_days.is_empty())
        .count();
    assert_eq!(page.select(&sections).count(), seminars_held);
}

#[test]
fn the_certificate_follows_the_ministrys_model() {
    let data = sample_with_hostile_name();
    let cohort = data.current().unwrap();
    let trainee = cohort.trainees[0].clone();
    let today = cercle::sample::SAMPLE_TODAY;
    let page = Html::parse_document(
        &html::certificate::html(&data, cohort, &trainee, today, None).unwrap(),
    );
    let text: String = page.root_element().text().collect();
    assert!(text.contains(HOSTILE));
    for part in [
        "atteste que : ",
        "a suivi l'action ",
        "☒ Action de formation",
        "☐ Bilan de compétences",
        "☐ Action de validation des acquis de l'expérience",
        "☐ Action de formation par apprentissage",
        "qui s'est déroulée du ",
        "pour une durée de ",
        certificate::KEEPING_CLAUSE,
        "Fait à : ",
        "le : 28/11/2026",
    ] {
        assert!(text.contains(part), "{part} is missing from {text}");
    }
    assert!(text.contains(&data.programme.provider));
    assert_eq!(page.select(&Selector::parse("script").unwrap()).count(), 0);
}

#[test]
fn the_command_line_exports_by_name_and_lists_candidates_when_ambiguous() {
    let dir = tempfile::tempdir().unwrap();
    assert!(cercle(dir.path(), &["init", "--sample"]).status.success());
    let out = cercle(
        dir.path(),
        &[
            "export",
            "attendance",
            "--seminar",
            "3.1",
            "--format",
            "csv",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = csv::Reader::from_reader(out.stdout.as_slice())
        .records()
        .count();
    assert_eq!(rows, 4 * 10);
    let file = dir.path().join("sheet.html");
    let out = cercle(
        dir.path(),
        &[
            "export",
            "attendance",
            "--format",
            "html",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success());
    let mode =
        std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&file).unwrap().permissions());
    assert_eq!(mode & 0o777, 0o600);
    let out = cercle(
        dir.path(),
        &["export", "certificate", "--trainee", "camille"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Certificat de réalisation"));
    // "a" matches several trainees: refused, with the candidates.
    let out = cercle(dir.path(), &["export", "certificate", "--trainee", "a"]);
    assert!(!out.status.success());
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(
        message.contains("could be several trainees") && message.contains("Camille Dubois"),
        "{message}"
    );
    let out = cercle(
        dir.path(),
        &[
            "export",
            "attendance",
            "--cohort",
            "Atlantis",
            "--format",
            "csv",
        ],
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("no cohort is called"));
}

#[test]
fn no_export_overwrites_the_data_file_or_its_lock_and_backups() {
    let dir = tempfile::tempdir().unwrap();
    assert!(cercle(dir.path(), &["init", "--sample"]).status.success());
    let data = std::fs::read(dir.path().join("cercle.json")).unwrap();
    for (args, target) in [
        (&["export", "calendar"][..], "cercle.json"),
        (
            &["export", "contacts", "--format", "vcard"][..],
            "cercle.lock",
        ),
        (&["export", "person", "Camille"][..], "backups/latest.json"),
    ] {
        let target = dir.path().join(target);
        let mut all = args.to_vec();
        all.extend(["-o", target.to_str().unwrap()]);
        let out = cercle(dir.path(), &all);
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{all:?} was written");
        assert!(
            said.contains("is one of Cercle's own files: nothing was written"),
            "{said}"
        );
    }
    assert_eq!(std::fs::read(dir.path().join("cercle.json")).unwrap(), data);
    assert!(!dir.path().join("backups/latest.json").exists());
    assert!(cercle(dir.path(), &["check"]).status.success());
}
