//! Terminal injection: names and notes holding ESC, CSI and OSC sequences, BEL, NUL, bidi
//! overrides, zero-width joiners, wide CJK and emoji show as harmless visible text with the
//! right widths, on screen, on the command line and in every export.

use crate::common;

use cercle::domain::{Data, Note, PersonId};
use cercle::i18n::Lang;
use common::pty::{Session, cercle};
use common::{press, render, render_buffer, sample_app};
use std::sync::Arc;

/// A name that tries everything: clear the screen, set the title, write the clipboard, ring,
/// hide text behind NUL, reverse the text, and the ordinary wide and joined characters.
const HOSTILE: &str = "=Zoé\u{1b}[2J\u{1b}]0;pwned\u{7}\u{1b}]52;c;aGk=\u{7}\u{0}\u{9b}31m\u{202e}lirpa 東京 🌱 👩\u{200d}🔧";
const NOTE: &str = "note\u{1b}[31m red\u{7}\r\n\u{2066}hidden\u{2069}";

/// The sample with its first trainee renamed, a note and an absence reason made hostile.
fn hostile_data() -> Data {
    let mut data = cercle::sample::sample();
    let id = PersonId::new("p-camille-dubois");
    let person = data.people.iter_mut().find(|p| p.id == id).unwrap();
    HOSTILE.clone_into(&mut person.name);
    person.notes.push(Note {
        text: NOTE.into(),
        confidential: false,
    });
    person.shared.extend(cercle::domain::ContactField::ALL);
    let mark = data
        .cohorts
        .iter_mut()
        .flat_map(|c| &mut c.seminars)
        .flat_map(|s| &mut s.half_days)
        .flat_map(|h| &mut h.marks)
        .find(|m| m.trainee == id)
        .unwrap();
    mark.status = cercle::domain::Status::Excused;
    mark.reason = Some(NOTE.into());
    data
}

fn assert_harmless(what: &str, text: &str) {
    // vCard and iCalendar end their lines with CRLF; a CR anywhere else would be a value's.
    let text = text.replace("\r\n", "\n");
    for bad in [
        '\u{1b}', '\u{7}', '\u{0}', '\u{9b}', '\u{202e}', '\u{2066}', '\r',
    ] {
        assert!(!text.contains(bad), "{what} carries {bad:?} raw");
    }
}

#[test]
fn the_screen_shows_hostile_text_as_visible_characters_with_their_widths() {
    let mut app = sample_app(Lang::En);
    app.data = Arc::new(hostile_data());
    app.refresh_rows();
    press(&mut app, "3/pwned<Enter>");
    for (width, height) in [(120, 30), (80, 24), (40, 12)] {
        let buffer = render_buffer(&app, width, height);
        for cell in buffer.content() {
            assert_harmless("a cell", cell.symbol());
        }
        let screen = render(&app, width, height);
        // Each line is as wide as the terminal at most, and the boxes' right borders line up.
        for line in screen.lines() {
            let span = ratatui::text::Span::raw(line);
            assert!(span.width() <= usize::from(width), "{line:?}");
        }
        if width == 120 {
            assert!(screen.contains("␛[2J␛]0;pwned␇␛]52;c;aGk=␇␀"), "{screen}");
            assert!(screen.contains("東京 🌱"), "{screen}");
            insta::assert_snapshot!("hostile_contact_120x30", screen);
        }
    }
}

#[test]
fn every_export_carries_hostile_text_escaped() {
    let data = hostile_data();
    let cohort = data
        .cohorts
        .iter()
        .find(|c| c.trainees.contains(&PersonId::new("p-camille-dubois")))
        .unwrap();
    let person = data.person(&PersonId::new("p-camille-dubois")).unwrap();
    let csv = cercle::export::attendance::to_csv(
        &data,
        cohort,
        None,
        cercle::export::dialect::Dialect::French,
    )
    .unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.contains("'=Zoé␛[2J"),
        "a formula never runs in a spreadsheet"
    );
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let documents = [
        ("attendance CSV", csv),
        (
            "attendance HTML",
            cercle::export::html::sheet::html(&data, cohort, None),
        ),
        (
            "certificate",
            cercle::export::html::certificate::html(&data, cohort, &person.id, today, None)
                .unwrap(),
        ),
        ("vCard", cercle::exchange::vcard::write(&[person])),
        (
            "contacts CSV",
            cercle::exchange::csv::write(&[person]).unwrap(),
        ),
        (
            "calendar",
            cercle::exchange::calendar::render(&data, &[cohort], Lang::Fr),
        ),
    ];
    for (what, text) in &documents {
        assert_harmless(what, text);
        // vCard folds long lines: read it unfolded.
        let text = text.replace("\r\n ", "");
        assert!(text.contains("東京 🌱"), "{what} keeps ordinary text");
        assert!(text.contains("␛"), "{what} shows the escape");
    }
}

#[test]
fn the_command_line_and_the_real_terminal_never_pass_a_sequence_on() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let dir = data.path();
    let mut hostile = hostile_data();
    hostile.cohorts[0].name = HOSTILE.into();
    let mut store = cercle::store::Store::open(dir).unwrap();
    store.save(&hostile).unwrap();
    drop(store);

    for args in [
        &["summary"][..],
        &["summary", "--json"],
        &["export", "person", "p-camille-dubois"],
        &["export", "attendance", "--format", "csv"],
        &["export", "certificate", "--trainee", "nobody"],
        &["check"],
    ] {
        let out = cercle(dir, args);
        assert_harmless(
            &format!("{args:?} stdout"),
            &String::from_utf8_lossy(&out.stdout),
        );
        assert_harmless(
            &format!("{args:?} stderr"),
            &String::from_utf8_lossy(&out.stderr),
        );
    }
    let person = cercle(dir, &["export", "person", "p-camille-dubois"]);
    let json: serde_json::Value = serde_json::from_slice(&person.stdout).unwrap();
    assert_eq!(
        json["person"]["name"], HOSTILE,
        "the JSON escapes lose nothing"
    );

    std::fs::write(config.path().join("config.toml"), "role = \"trainer\"\n").unwrap();
    let mut app = Session::start(dir, config.path(), &[]);
    app.wait_for("Modules (");
    app.send("3/pwned\r");
    app.wait_for("␛]0;pwned␇");
    app.send("q");
    let raw = app.raw_output();
    assert!(app.wait_exit().success());
    let raw = String::from_utf8_lossy(&raw);
    for payload in [
        "\u{1b}]0;pwned",
        "\u{1b}]52;c;aGk=",
        "\u{9b}31m",
        "\u{202e}",
    ] {
        assert!(!raw.contains(payload), "the terminal received {payload:?}");
    }
}
