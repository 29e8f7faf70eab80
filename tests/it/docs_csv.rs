//! The attendance CSV in its two dialects, read back with the csv crate as a French spreadsheet
//! and a program would read it; and the contacts import, which reads both.

use crate::common;

use cercle::domain::{Data, PersonId};
use cercle::export::attendance::{CSV_HEADER, CSV_HEADER_FR};
use cercle::export::dialect::unguard;
use cercle::i18n::Lang;
use chrono::DateTime;
use std::path::Path;

const BOM: &[u8] = "\u{feff}".as_bytes();

/// The sample in `dir`, its first venue in the Aisne ("02") and a trainee with accents.
fn sample_in(dir: &Path) -> Data {
    let mut data = cercle::sample::sample();
    data.venues[0].departement = "02".into();
    let first = data.current().unwrap().trainees[0].clone();
    let person = data.people.iter_mut().find(|p| p.id == first).unwrap();
    "Zoé Lefèvre-Ñúñez".clone_into(&mut person.name);
    cercle::store::Store::open(dir)
        .unwrap()
        .save(&data)
        .unwrap();
    data
}

fn export(dir: &Path, args: &[&str]) -> Vec<u8> {
    let file = dir.join("sheet.csv");
    let mut all = vec!["export", "attendance", "--format", "csv", "-o"];
    all.push(file.to_str().unwrap());
    all.extend_from_slice(args);
    let out = common::command(dir).args(&all).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    std::fs::read(file).unwrap()
}

/// The header and the rows of a CSV, as the csv crate reads it with `delimiter`.
pub fn rows(bytes: &[u8], delimiter: u8) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(bytes);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    (header, reader.records().map(Result::unwrap).collect())
}

#[test]
fn the_french_csv_reads_back_with_its_accents_and_leading_zeros() {
    let dir = tempfile::tempdir().unwrap();
    let data = sample_in(dir.path());
    let cohort = data.current().unwrap();
    let bytes = export(dir.path(), &["--lang", "fr"]);
    let body = bytes
        .strip_prefix(BOM)
        .expect("a UTF-8 byte-order mark first");
    let (header, rows) = rows(body, b';');
    assert_eq!(header, CSV_HEADER_FR);
    let half_days: usize = cohort.seminars.iter().map(|s| s.half_days.len()).sum();
    assert_eq!(rows.len(), half_days * cohort.trainees.len());
    let col = |name: &str| CSV_HEADER_FR.iter().position(|h| *h == name).unwrap();
    assert!(
        rows.iter()
            .any(|r| &r[col("Stagiaire")] == "Zoé Lefèvre-Ñúñez")
    );
    assert_eq!(unguard(&rows[0][col("Code module")]), "1.1");
    assert!(
        rows.iter()
            .all(|r| r[col("Code module")].starts_with("=\"")),
        "codes are written as text for the spreadsheet"
    );
    let departements: Vec<String> = rows
        .iter()
        .map(|r| unguard(&r[col("Département du lieu")]))
        .collect();
    assert!(departements.iter().any(|d| d == "02"), "{departements:?}");
    assert!(
        rows.iter()
            .all(|r| r[col("Date")].len() == 10 && r[col("Date")].as_bytes()[2] == b'/'),
        "dd/mm/yyyy"
    );
    assert!(
        rows.iter()
            .any(|r| &r[col("Statut")] == "Absent·e excusé·e")
    );
    let hours: Vec<&str> = rows
        .iter()
        .map(|r| &r[col("Heures suivies")])
        .filter(|h| !h.is_empty())
        .collect();
    assert!(hours.iter().any(|h| h.contains(',')), "{hours:?}");
    assert!(hours.iter().all(|h| !h.contains('.')), "{hours:?}");
    let signed: Vec<&str> = rows
        .iter()
        .map(|r| &r[col("Signé le")])
        .filter(|s| !s.is_empty())
        .collect();
    assert!(!signed.is_empty());
    for at in signed {
        assert!(at.ends_with("+01:00") || at.ends_with("+02:00"), "{at}");
        assert!(!at.contains("UTC") && !at.contains('.'), "{at}");
    }
}

#[test]
fn the_rfc_dialect_is_plain_rfc_4180_whatever_the_language() {
    let dir = tempfile::tempdir().unwrap();
    sample_in(dir.path());
    let bytes = export(dir.path(), &["--lang", "fr", "--dialect", "rfc"]);
    assert!(!bytes.starts_with(BOM));
    let (header, rows) = rows(&bytes, b',');
    assert_eq!(header, CSV_HEADER);
    let col = |name: &str| CSV_HEADER.iter().position(|h| *h == name).unwrap();
    assert_eq!(&rows[0][col("module_code")], "1.1");
    assert!(rows.iter().any(|r| &r[col("venue_departement")] == "02"));
    assert!(rows.iter().any(|r| r[col("hours")].contains('.')));
    for row in &rows {
        let at = &row[col("signed_at")];
        if !at.is_empty() {
            let parsed = DateTime::parse_from_rfc3339(at).unwrap();
            assert!(
                [3600, 7200].contains(&parsed.offset().local_minus_utc()),
                "{at}"
            );
            assert!(!at.contains('.'), "no fractions of a second: {at}");
        }
    }
    // An English interface gets the RFC form without asking.
    let english = export(dir.path(), &[]);
    assert_eq!(english, bytes);
}

fn import(text: &str, lang: Lang) -> Result<Data, String> {
    let mut data = Data::default();
    let mut n = 0;
    cercle::exchange::import(&mut data, text, lang, || {
        n += 1;
        PersonId::new(format!("p-{n}"))
    })?;
    Ok(data)
}

#[test]
fn the_contacts_import_reads_both_dialects_with_or_without_a_bom() {
    let french = "Nom;Courriel;Département;Téléphone;Ville\n\
                  Zoé Lefèvre;zoe@example.org;=\"02\";06 12 34 56 78;Laon, Aisne\n";
    let rfc = "name,emails,departement,phones,city\n\
               Zoé Lefèvre,zoe@example.org,02,06 12 34 56 78,\"Laon, Aisne\"\n";
    for text in [
        format!("\u{feff}{french}"),
        french.to_owned(),
        format!("\u{feff}{rfc}"),
        rfc.to_owned(),
    ] {
        let data = import(&text, Lang::En).unwrap();
        let person = &data.people[0];
        assert_eq!(person.name, "Zoé Lefèvre", "{text}");
        assert_eq!(person.departement, "02", "{text}");
        assert_eq!(person.emails, ["zoe@example.org"], "{text}");
        assert_eq!(person.city, "Laon, Aisne", "{text}");
    }
}

#[test]
fn an_import_without_a_name_column_says_which_column_it_looked_for() {
    let text = "\u{feff}Courriel;Ville\nzoe@example.org;Laon\n";
    let english = import(text, Lang::En).unwrap_err();
    assert!(english.contains("\"name\""), "{english}");
    assert!(english.contains("\"Courriel\", \"Ville\""), "{english}");
    let french = import(text, Lang::Fr).unwrap_err();
    assert!(french.contains("« nom »"), "{french}");
    assert!(french.contains("\"Courriel\", \"Ville\""), "{french}");
}

#[test]
fn the_french_contacts_csv_keeps_departements_and_phones_as_text_and_reads_back() {
    let person = cercle::domain::Person {
        id: PersonId::new("p-aisne"),
        name: "Zoé Lefèvre".into(),
        departement: "02".into(),
        city: "Laon".into(),
        phones: vec!["0612345678".into()],
        shared: cercle::domain::ContactField::ALL.into_iter().collect(),
        ..cercle::domain::Person::default()
    };
    let text =
        cercle::exchange::csv::write_in(&[&person], cercle::export::dialect::Dialect::French)
            .unwrap();
    let body = text.strip_prefix('\u{feff}').expect("a BOM first");
    let (header, rows) = rows(body.as_bytes(), b';');
    assert_eq!(header, cercle::exchange::csv::COLUMNS_FR);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(&rows[0][col("Département")], "=\"02\"");
    assert_eq!(unguard(&rows[0][col("Téléphones")]), "0612345678");
    assert_eq!(&rows[0][col("Nom")], "Zoé Lefèvre");
    let data = import(&text, Lang::Fr).unwrap();
    assert_eq!(data.people[0].departement, "02");
    assert_eq!(data.people[0].phones, ["0612345678"]);
    assert_eq!(data.people[0].name, "Zoé Lefèvre");
}
