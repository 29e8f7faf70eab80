//! `S` seals as who I am; when that is not set it asks which of the cohort's trainers seals,
//! and the seal carries the one chosen, never the planned trainer's name in her place.

use crate::circle::notice;
use crate::common::{press, render};
use crate::modules::today_app;
use cercle::app::modules::open_half_day;
use cercle::app::{App, Overlay};
use cercle::domain::audit::verify;
use cercle::domain::{PersonId, SealRole};
use cercle::i18n::Lang;

/// The roll call of today's sample half-day, everyone present, nobody said who they are.
fn unknown_user(lang: Lang) -> App {
    let mut app = today_app(false);
    app.config.lang = lang;
    app.config.me = None;
    press(&mut app, "tP");
    app
}

#[test]
fn sealing_without_who_i_am_asks_which_trainer_in_both_languages() {
    for (lang, code, question) in [
        (Lang::En, "en", "Who seals this sheet?"),
        (Lang::Fr, "fr", "Qui scelle cette feuille\u{a0}?"),
    ] {
        let mut app = unknown_user(lang);
        press(&mut app, "S");
        assert!(
            matches!(app.overlay, Some(Overlay::Choice(_))),
            "S asks who seals, it does not open a code form: {}",
            notice(&app)
        );
        let shown = render(&app, 80, 24);
        assert!(shown.contains(question), "{shown}");
        for name in ["Hélène Marchetti", "Sabine Roux", "Yannick Le Goff"] {
            assert!(shown.contains(name), "{name} is offered: {shown}");
        }
        insta::assert_snapshot!(format!("sign_sealer_chooser_{code}"), shown);
        // Esc: nothing sealed, nobody chosen for her.
        press(&mut app, "<Esc>");
        assert!(app.overlay.is_none());
        assert!(open_half_day(&app).unwrap().1.seals.is_empty());
    }
}

#[test]
fn a_substitute_chosen_seals_as_herself_recorded_as_such_on_screen_and_on_the_sheet() {
    let mut app = unknown_user(Lang::En);
    let (seminar, planned) = {
        let (s, _) = open_half_day(&app).unwrap();
        (s.id.clone(), s.trainer.clone())
    };
    assert_eq!(planned, PersonId::new("p-helene-marchetti"));
    // By name: Hélène, Sabine, Yannick. Yannick is third.
    press(&mut app, "S<Down><Down><Enter>");
    let form = render(&app, 120, 40);
    assert!(
        form.contains("Seal the sheet as Yannick Le Goff"),
        "the form says who seals: {form}"
    );
    assert!(form.contains("co-trainer"), "{form}");
    // He replaces Hélène; his first signature: the code typed twice registers his key.
    press(&mut app, "<Right><Tab>yannick2026<Tab>yannick2026<Enter>");
    let sheet = open_half_day(&app).unwrap().1.clone();
    assert_eq!(sheet.seals.len(), 1, "{}", notice(&app));
    assert_eq!(sheet.seals[0].by, PersonId::new("p-yannick-le-goff"));
    assert_eq!(sheet.seals[0].role, Some(SealRole::Substitute));
    assert_eq!(
        sheet.signature.as_ref().map(|s| s.by.clone()),
        Some(PersonId::new("p-yannick-le-goff"))
    );
    assert!(!notice(&app).contains("Hélène"), "{}", notice(&app));
    // The role is signed: the record verifies, and changing it is caught.
    let cohort = app.cohort().unwrap().clone();
    assert!(
        verify(&app.data, &cohort)
            .iter()
            .all(|p| !p.finding.is_alteration())
    );
    let mut forged = cohort.clone();
    for s in forged.seminars.iter_mut().flat_map(|s| &mut s.half_days) {
        for seal in &mut s.seals {
            if seal.role.is_some() {
                seal.role = Some(SealRole::CoTrainer);
            }
        }
    }
    assert!(
        verify(&app.data, &forged)
            .iter()
            .any(|p| p.finding.is_alteration())
    );
    // The roll call's header names him with his part.
    let header = render(&app, 120, 40);
    assert!(
        header.contains("Yannick Le Goff, substitute for Hélène Marchetti"),
        "{header}"
    );
    // `H`, the half-day's history, lists the seal with his part.
    press(&mut app, "H");
    let history = render(&app, 120, 40);
    assert!(
        history.contains("sealed by Yannick Le Goff, substitute for Hél"),
        "{history}"
    );
    press(&mut app, "<Esc>");

    // The HTML sheet's trainer row, read back.
    let html = cercle::export::html::sheet::html(&app.data, &cohort, Some(&seminar));
    let doc = scraper::Html::parse_document(&html);
    let cells = scraper::Selector::parse("tr.trainer td").unwrap();
    let row: Vec<String> = doc
        .select(&cells)
        .map(|td| td.text().collect::<String>())
        .collect();
    assert!(
        row.iter()
            .any(|t| t.starts_with("Yannick Le Goff, remplaçant·e d'Hélène Marchetti")),
        "{row:?}"
    );
    assert!(
        row.iter().all(|t| !t.starts_with("Hélène")),
        "the planned trainer never signs in his place: {row:?}"
    );

    // The PDF sheet, read by pdftotext.
    let pdf =
        cercle::export::pdf::sheet::pdf(&app.data, &cohort, Some(&seminar), app.today).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sheet.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext is needed (apt-get install poppler-utils)");
    let text = String::from_utf8(out.stdout).unwrap();
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("Yannick Le Goff,"), "{words}");
    assert!(words.contains("remplaçant·e d'Hélène Marchetti"), "{words}");
}

/// End-to-end, in a pseudo-terminal: nobody said who they are; `S` asks which trainer seals,
/// a substitute is chosen and says so, and the file records her as such.
#[test]
fn e2e_unknown_user_picks_a_substitute_who_seals_as_such() {
    use crate::common::pty::Session;
    use crate::e2e_roll_call::{marked_half_day, seminar_on};
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let dir = data.path();
    let today = cercle::domain::clock::today(chrono::Utc::now()).to_string();
    let (current, _, _) = seminar_on(dir, config.path(), &today);
    // A trainer's Cercle where "who I am" was never set.
    std::fs::write(config.path().join("config.toml"), "role = \"trainer\"\n").unwrap();
    let mut app = Session::start(dir, config.path(), &[]);
    app.wait_for("0 marked ·");
    app.send("P");
    app.wait_for("10 marked ·");
    app.send("S");
    app.wait_for("Who seals this sheet?");
    app.send("\x1b[B\x1b[B\r");
    app.wait_for("Seal the sheet as Yannick Le Goff");
    app.send("\x1b[C\tyannick2026\tyannick2026\r");
    app.wait_for("signed by Yannick Le Goff, substitute for");
    app.wait_for("[saved]");
    app.send("q");
    assert!(app.wait_exit().success());
    let sheet = marked_half_day(dir, &current);
    let seal = &sheet["seals"][0];
    assert_eq!(seal["by"], "p-yannick-le-goff");
    assert_eq!(seal["role"], "substitute");
    assert_eq!(sheet["signature"]["by"], "p-yannick-le-goff");
}
