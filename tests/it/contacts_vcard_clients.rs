//! vCards as other clients read them: python's `vobject` (the library khard is built on) reads
//! Cercle's export back, independently of Cercle's own reader. It must find the surname and
//! given names in `N`, each phone with its type, the town and country in their own address
//! fields with no département in the region, and a two-line note as one note.

use cercle::domain::{ContactField, Note, Person, PersonId};
use cercle::exchange::vcard;
use std::process::Command;

/// The system's python, where `python3-vobject` is installed (see `.ci/run`).
const PYTHON: &str = "/usr/bin/python3";

const READER: &str = r#"
import json, sys, vobject
cards = []
for card in vobject.readComponents(sys.stdin.read()):
    c = card.contents
    n = card.n.value
    adr = card.adr.value if 'adr' in c else None
    cards.append({
        "fn": card.fn.value,
        "family": n.family,
        "given": n.given,
        "tels": [[t.value, t.params.get("TYPE", [])] for t in c.get("tel", [])],
        "adr": None if adr is None else {
            "locality": adr.city, "region": adr.region, "code": adr.code, "country": adr.country,
        },
        "notes": [note.value for note in c.get("note", [])],
    })
print(json.dumps(cards))
"#;

/// What vobject reads from a vCard file.
fn read_with_vobject(text: &str) -> serde_json::Value {
    use std::io::Write as _;
    let mut child = Command::new(PYTHON)
        .args(["-c", READER])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3 with vobject (apt install python3-vobject)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "vobject refused the file: {}\n{text}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn people() -> Vec<Person> {
    let all = || ContactField::ALL.into_iter().collect();
    vec![
        Person {
            id: PersonId::new("p-yannick"),
            name: "Yannick Le Goff".into(),
            emails: vec!["yannick@example.org".into()],
            phones: vec!["06 12 34 56 78".into(), "05 56 00 11 22".into()],
            city: "Périgueux".into(),
            departement: "24".into(),
            notes: vec![Note {
                text: "Première ligne, avec virgule\nDeuxième ligne; après un point-virgule".into(),
                confidential: false,
            }],
            shared: all(),
            ..Person::default()
        },
        Person {
            id: PersonId::new("p-ines"),
            name: "Inès Garnier".into(),
            emails: vec!["ines@example.org".into()],
            phones: vec!["+33 7 98 76 54 32".into()],
            city: "Bordeaux".into(),
            departement: "33".into(),
            shared: all(),
            ..Person::default()
        },
    ]
}

#[test]
fn vobject_reads_names_phones_address_and_a_two_line_note() {
    let people = people();
    let text = vcard::write(&people.iter().collect::<Vec<_>>());
    let cards = read_with_vobject(&text);
    let yannick = &cards[0];
    assert_eq!(yannick["fn"], "Yannick Le Goff");
    assert_eq!(yannick["family"], "Le Goff", "sorted by surname");
    assert_eq!(yannick["given"], "Yannick");
    assert_eq!(
        yannick["tels"],
        serde_json::json!([["06 12 34 56 78", ["cell"]], ["05 56 00 11 22", ["voice"]]])
    );
    let adr = &yannick["adr"];
    assert_eq!(adr["locality"], "Périgueux");
    assert_eq!(adr["country"], "France");
    assert_eq!(adr["region"], "", "the département is not a region");
    assert_eq!(
        yannick["notes"],
        serde_json::json!(["Première ligne, avec virgule\nDeuxième ligne; après un point-virgule"]),
        "one note, its two lines kept"
    );
    let ines = &cards[1];
    assert_eq!(
        (&ines["family"], &ines["given"]),
        (&"Garnier".into(), &"Inès".into())
    );
    assert_eq!(ines["tels"][0][1], serde_json::json!(["cell"]));
    // And Cercle reads its own file back the same way: the note whole, the département kept.
    let back = vcard::read(&text);
    let card = back[0].card.as_ref().unwrap();
    assert_eq!(card.notes, [people[0].notes[0].text.clone()]);
    assert_eq!(card.departement, "24");
    assert_eq!(card.city, "Périgueux");
}
