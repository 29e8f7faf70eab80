//! A contact's note that spans two lines goes out in the contacts CSV as one field, quoted with
//! its line break, in both dialects; the csv crate reads it back as one cell of one row, and
//! Cercle's import as one note, beside the person's other notes.

use crate::docs_csv::rows;
use cercle::domain::{ContactField, Note, Person, PersonId};
use cercle::exchange::csv::{COLUMNS, COLUMNS_FR, read, write_in};
use cercle::export::dialect::Dialect;
use cercle::i18n::Lang;

const TWO_LINES: &str =
    "Rencontrée au fablab de Laon\nrappeler en janvier; \"avant le 15\", sans faute";
const OTHER: &str = "Anime un repair café";

fn person(notes: &[&str]) -> Person {
    Person {
        id: PersonId::new("p-zoe"),
        name: "Zoé Lefèvre".into(),
        notes: notes
            .iter()
            .map(|text| Note {
                text: (*text).to_owned(),
                confidential: false,
            })
            .collect(),
        shared: [ContactField::Notes].into_iter().collect(),
        ..Person::default()
    }
}

#[test]
fn a_two_line_note_is_one_quoted_field_in_both_dialects_and_reads_back_whole() {
    for (dialect, delimiter, columns, notes_column, lang) in [
        (Dialect::Rfc, b',', COLUMNS, "notes", Lang::En),
        (Dialect::French, b';', COLUMNS_FR, "Notes", Lang::Fr),
    ] {
        for notes in [&[TWO_LINES][..], &[TWO_LINES, OTHER]] {
            let text = write_in(&[&person(notes)], dialect).unwrap();
            let body = match dialect {
                Dialect::French => text.strip_prefix('\u{feff}').expect("a BOM first"),
                Dialect::Rfc => {
                    assert!(!text.starts_with('\u{feff}'), "no BOM in RFC 4180");
                    text.as_str()
                }
            };
            // The line break is inside the quotes of one field, its quotes doubled.
            assert!(
                body.contains("\"Rencontrée au fablab de Laon\nrappeler en janvier; \"\"avant le 15\"\", sans faute"),
                "{dialect:?}: {body}"
            );
            let (header, rows) = rows(body.as_bytes(), delimiter);
            assert_eq!(header, columns);
            assert_eq!(rows.len(), 1, "{dialect:?}: the line break starts no row");
            assert_eq!(rows[0].len(), columns.len());
            let cell = &rows[0][header.iter().position(|h| h == notes_column).unwrap()];
            assert_eq!(cell, notes.join("\n\n"), "{dialect:?}");

            let read = read(&text, lang).unwrap();
            let card = read[0].card.clone().unwrap();
            assert_eq!(
                card.notes, notes,
                "{dialect:?}: the import keeps each note whole"
            );
        }
    }
}
