//! Every cell of every CSV is guarded against spreadsheet formulas, phones included: a trainee
//! can put `=HYPERLINK(…)` in her own phone through her bundle. The import takes the guard off.

use cercle::domain::{ContactField, Person, PersonId};
use cercle::exchange::{self, Format};

const LIVE: &str = "=HYPERLINK(\"http://example.org/x\",\"Appelez-moi\")";

#[test]
fn a_phone_that_is_a_formula_goes_out_guarded_and_comes_back_as_typed() {
    let person = Person {
        id: PersonId::new("p-formula-phone"),
        name: "Camille Dubois".into(),
        phones: vec![LIVE.into(), "+33 6 12 34 56 78".into()],
        shared: ContactField::ALL.into_iter().collect(),
        ..Person::default()
    };
    let text = exchange::export(&[&person], Format::Csv).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    for (column, cell) in headers.iter().zip(&row) {
        assert!(
            !cell.starts_with(cercle::export::FORMULA_STARTS),
            "the {column} cell {cell:?} would run in a spreadsheet"
        );
    }
    let phones = headers.iter().position(|h| h == "phones").unwrap();
    assert!(row[phones].starts_with("'=HYPERLINK"), "{:?}", &row[phones]);

    let (_, read) = exchange::read(&text, cercle::i18n::Lang::En).unwrap();
    let card = read[0].card.clone().unwrap();
    assert_eq!(
        card.phones,
        [LIVE, "+33 6 12 34 56 78"],
        "the guard comes off"
    );
}
