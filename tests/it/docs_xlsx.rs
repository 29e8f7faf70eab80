//! The attendance workbook read back with calamine, as a spreadsheet reads it: typed cells
//! (dates as dates, hours and rates as numbers, codes as text), and opened as the archive it
//! is for its frozen headers and column widths.

use crate::common;

use calamine::{Data as Cell, DataType, Reader, Xlsx, open_workbook_from_rs};
use cercle::domain::rules::trainee_attendance;
use cercle::domain::{Data, Status};
use cercle::export::workbook::{HOURS_HEADER, HOURS_SHEET, SEMINAR_HEADER, to_xlsx};
use cercle::sample::SAMPLE_TODAY;
use std::io::{Cursor, Read as _};

fn workbook(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap()
}

fn number(cell: &Cell) -> f64 {
    match cell {
        Cell::Float(x) => *x,
        Cell::Int(x) => f64::from(i32::try_from(*x).unwrap()),
        other => panic!("a number was expected, not {other:?}"),
    }
}

#[test]
fn the_workbook_has_typed_cells_a_sheet_per_seminar_and_the_hours_of_each_trainee() {
    let data: Data = cercle::sample::sample();
    let cohort = data.current().unwrap();
    let bytes = to_xlsx(&data, cohort, None, SAMPLE_TODAY).unwrap();
    let mut book = workbook(&bytes);
    let names = book.sheet_names();
    let seminars: Vec<_> = cohort
        .seminars
        .iter()
        .filter(|s| !s.half_days.is_empty())
        .collect();
    assert_eq!(names[0], HOURS_SHEET);
    assert_eq!(names.len(), 1 + seminars.len(), "{names:?}");

    let hours = book.worksheet_range(HOURS_SHEET).unwrap();
    let header: Vec<String> = (0..HOURS_HEADER.len())
        .map(|c| hours.get((0, c)).unwrap().to_string())
        .collect();
    assert_eq!(header, HOURS_HEADER);
    assert_eq!(hours.height(), 1 + cohort.trainees.len());
    for (row, trainee) in (1..).zip(&cohort.trainees) {
        let person = data.person(trainee).unwrap();
        assert_eq!(
            hours.get((row, 0)),
            Some(&Cell::String(person.name.clone()))
        );
        let expected = trainee_attendance(&cohort.seminars, trainee, SAMPLE_TODAY);
        let planned = number(hours.get((row, 1)).unwrap());
        let followed = number(hours.get((row, 3)).unwrap());
        assert!((planned - expected.hours_planned()).abs() < 1e-9);
        assert!((followed - expected.hours_followed()).abs() < 1e-9);
        let marks = cohort
            .seminars
            .iter()
            .flat_map(|s| &s.half_days)
            .filter(|h| h.is_held(SAMPLE_TODAY))
            .filter_map(|h| h.mark_of(trainee));
        let (excused, absent) = marks.fold((0, 0), |(e, a), m| match m.status {
            Status::Excused => (e + 1, a),
            Status::Absent => (e, a + 1),
            _ => (e, a),
        });
        assert!((number(hours.get((row, 4)).unwrap()) - f64::from(excused)).abs() < 1e-9);
        assert!((number(hours.get((row, 5)).unwrap()) - f64::from(absent)).abs() < 1e-9);
        let rate = number(hours.get((row, 7)).unwrap());
        let held = f64::from(expected.minutes_held) / 60.0;
        assert!((rate - followed / held).abs() < 1e-9, "{rate}");
    }

    let first = book.worksheet_range(&names[1]).unwrap();
    let header: Vec<String> = (0..SEMINAR_HEADER.len())
        .map(|c| first.get((0, c)).unwrap().to_string())
        .collect();
    assert_eq!(header, SEMINAR_HEADER);
    let half_day = &seminars[0].half_days[0];
    let day = first.get((1, 0)).unwrap();
    assert!(day.is_datetime(), "a date cell is a date: {day:?}");
    assert_eq!(day.as_date(), Some(half_day.date));
    let start = first.get((1, 2)).unwrap();
    assert!(start.is_datetime(), "{start:?}");
    assert_eq!(start.as_time(), Some(half_day.start));
    assert_eq!(first.get((1, 4)), Some(&Cell::String("1.1".into())));
    let planned = number(first.get((1, 10)).unwrap());
    assert!((planned - f64::from(half_day.planned_minutes()) / 60.0).abs() < 1e-9);
    assert_eq!(
        first.height(),
        1 + seminars[0].half_days.len() * cohort.trainees.len()
    );
}

#[test]
fn every_sheet_keeps_its_header_frozen_and_its_columns_readable() {
    let data = cercle::sample::sample();
    let cohort = data.current().unwrap();
    let bytes = to_xlsx(&data, cohort, None, SAMPLE_TODAY).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let sheets: Vec<String> = archive
        .file_names()
        .map(|n| n.unwrap().into_owned())
        .filter(|n| n.starts_with("xl/worksheets/sheet"))
        .collect();
    assert!(sheets.len() > 1);
    for name in sheets {
        let mut xml = String::new();
        archive
            .by_name(&name)
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        assert!(
            xml.contains(r#"ySplit="1""#) && xml.contains(r#"state="frozen""#),
            "{name}: the header row is frozen"
        );
        let widths: Vec<f64> = xml
            .split(" width=\"")
            .skip(1)
            .map(|rest| rest.split('"').next().unwrap().parse().unwrap())
            .collect();
        assert!(!widths.is_empty(), "{name}: columns are sized");
        assert!(
            widths.iter().all(|w| (5.0..=60.0).contains(w)),
            "{name}: {widths:?}"
        );
    }
}

#[test]
fn the_command_line_writes_the_workbook_of_one_seminar() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        common::command(dir.path())
            .args(["init", "--sample"])
            .status()
            .unwrap()
            .success()
    );
    let file = dir.path().join("releve.xlsx");
    let out = common::command(dir.path())
        .args([
            "export",
            "attendance",
            "--seminar",
            "3.1",
            "--format",
            "xlsx",
            "-o",
        ])
        .arg(&file)
        .env("CERCLE_NOW", "2026-11-28T10:00:00Z")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let mut book = workbook(&std::fs::read(&file).unwrap());
    let names = book.sheet_names();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names[1].contains("3.1"), "{names:?}");
    let sheet = book.worksheet_range(&names[1]).unwrap();
    assert!(sheet.get((1, 0)).unwrap().is_datetime());
}

#[test]
fn forget_lists_a_workbook_that_names_the_person() {
    const NAME: &str = "Agathe D'Aubigné & Fils";
    let (data, _config) = common::pty::sample_dirs("");
    let dir = data.path();
    common::pty::rename_person(dir, "Agathe Brunet", NAME);
    let exports = dir.join("exports");
    std::fs::create_dir(&exports).unwrap();
    let book = exports.join("releve.xlsx");
    let out = common::pty::cercle(
        dir,
        &[
            "export",
            "attendance",
            "--cohort",
            "2024",
            "--format",
            "xlsx",
            "-o",
            book.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let out = common::pty::cercle(dir, &["forget", NAME, "--yes"]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains(&format!("check it and delete it if so: {}", book.display())),
        "the workbook is not listed:\n{said}"
    );
}

#[test]
fn a_workbook_is_never_poured_onto_a_terminal() {
    let (data, config) = common::pty::sample_dirs("");
    let session = common::pty::Session::start(
        data.path(),
        config.path(),
        &["--lang", "fr", "export", "attendance", "--format", "xlsx"],
    );
    session.wait_for("-o FICHIER.xlsx");
    let raw = session.raw_output();
    assert!(!session.wait_exit().success());
    assert!(
        !raw.windows(4).any(|w| w == b"PK\x03\x04"),
        "no archive reached the screen"
    );
}
