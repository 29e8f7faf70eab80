//! End-to-end in a real pseudo-terminal: type a few letters, see the list narrow, open a person,
//! copy their email (the OSC 52 sequence reaches the terminal), quit.

use crate::common;

use common::pty::{Session, cercle};

#[test]
fn search_open_a_person_and_copy_the_email_through_osc_52() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let dir = data.path().to_owned();
    assert!(cercle(&dir, &["init", "--sample"]).status.success());
    let mut app = Session::start(&dir, config.path(), &[]);
    app.wait_for("Modules (");
    app.send("3");
    app.wait_for("Peer contacts (26)");
    app.wait_for("Agathe Brunet");
    app.send("/");
    for letter in ["c", "a", "m"] {
        app.send(letter);
    }
    app.wait_for("Filter: cam");
    app.wait_for("best match first");
    let screen = app.contents();
    assert!(
        !screen.contains("Peer contacts (26)"),
        "the list narrowed:\n{screen}"
    );
    assert!(!screen.contains("Agathe Brunet"), "{screen}");
    assert!(screen.contains("Camille Dubois"), "{screen}");
    app.send("\r");
    app.send("\r");
    app.wait_for("Esc closes the card");
    app.send("y");
    app.wait_for("Copied camille.dubois@example.org");
    let raw = String::from_utf8_lossy(&app.raw_output()).into_owned();
    // base64("camille.dubois@example.org")
    let sequence = "\x1b]52;c;Y2FtaWxsZS5kdWJvaXNAZXhhbXBsZS5vcmc=\x07";
    assert!(
        raw.contains(sequence),
        "no OSC 52 sequence for the email in the output"
    );
    app.send("\x1b");
    app.send("q");
    assert!(app.wait_exit().success());
}
