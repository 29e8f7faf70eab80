//! The HTML attendance sheet shows who was there: each cell's status and time, the trainee's
//! electronic signature in Paris time, hours per trainee, the trainer's seal, and an annex of
//! the corrections, while the reason of an excused absence stays with the trainers.

use cercle::domain::SeminarId;
use cercle::export::html::sheet;
use cercle::sample::sample;

#[test]
fn the_sheet_shows_statuses_signatures_hours_the_seal_and_the_corrections() {
    let data = sample();
    let cohort = data.current().unwrap();
    let html = sheet::html(&data, cohort, Some(&SeminarId::new("s-na26-03")));
    // Signed at 09:10 in Paris (07:10 UTC in May).
    assert!(
        html.contains("présent·e<br><small>signé électroniquement le 19/05/2026 à 09:10</small>"),
        "{html}"
    );
    assert!(
        html.contains("<td class=\"absent\">absence justifiée</td>"),
        "{html}"
    );
    assert!(
        !html.contains("Convocation au conseil"),
        "the reason stays with the trainers"
    );
    assert!(
        html.contains("<td>14\u{a0}h</td>") && html.contains("<td>10,5\u{a0}h</td>"),
        "{html}"
    );
    assert!(
        html.contains("Sabine Roux<br><small>scellé électroniquement le 20/05/2026"),
        "{html}"
    );
    assert!(
        html.contains("Annexe : corrections après signature"),
        "{html}"
    );
    assert!(
        html.contains("<td>absent·e</td><td>absence justifiée</td><td>Justificatif de convocation reçu le 22 mai</td>"),
        "{html}"
    );
}
