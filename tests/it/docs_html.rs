//! The HTML sheet prints on A4 landscape: the header row of each table repeats on every page, a
//! wide seminar is split into tables of at most seven half-days, and the trainer's row is kept
//! with the last trainee's.

use crate::docs_pdf::wide;
use cercle::domain::SeminarId;
use cercle::export::html::sheet;
use scraper::{Html, Selector};

fn select(text: &str) -> Selector {
    Selector::parse(text).unwrap()
}

#[test]
fn a_wide_seminar_prints_in_tables_of_seven_half_days_with_their_header_repeated() {
    let data = wide();
    let cohort = data.current().unwrap();
    let html = sheet::html(&data, cohort, Some(&SeminarId::new("s-wide")));
    let style: String = Html::parse_document(&html)
        .select(&select("style"))
        .flat_map(|s| s.text())
        .collect();
    assert!(style.contains("@page{size:A4 landscape"), "{style}");
    assert!(
        style.contains("thead{display:table-header-group}"),
        "{style}"
    );
    let doc = Html::parse_document(&html);
    let tables: Vec<_> = doc.select(&select("table.grid")).collect();
    assert_eq!(tables.len(), 2, "14 half-days print as two tables");
    let mut columns = 0;
    for table in &tables {
        let heads: Vec<_> = table.select(&select("thead th")).collect();
        // Stagiaire, the half-days, Heures suivies.
        assert!(heads.len() - 2 <= 7, "{} half-days across", heads.len() - 2);
        columns += heads.len() - 2;
        let closing = table
            .select(&select("tbody.closing"))
            .next()
            .expect("the trainer's row is kept with a trainee's");
        let rows: Vec<_> = closing.select(&select("tr")).collect();
        assert_eq!(rows.len(), 2);
        assert!(
            rows[1]
                .value()
                .has_class("trainer", scraper::CaseSensitivity::CaseSensitive)
        );
        let names: usize = table.select(&select("tbody tr")).count();
        assert_eq!(
            names,
            12 + 1,
            "every trainee and the trainer in every table"
        );
    }
    assert_eq!(columns, 14, "no half-day is left out");
    // The organisation's numbers head the sheet.
    assert!(html.contains("SIRET 912 345 678 00011"));
    assert!(html.contains("75330987633"));
}
