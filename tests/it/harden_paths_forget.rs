//! `cercle forget` lists every export that still names the person, whatever its format: the
//! name escaped in HTML with no id beside it, or only in the file's name.

use crate::common;

use common::pty::{cercle, rename_person};

const NAME: &str = "Agathe D'Aubigné & Fils";

#[test]
fn forget_lists_html_exports_and_files_named_after_the_person() {
    let (data, _config) = common::pty::sample_dirs("");
    let dir = data.path();
    // A name that HTML escapes (its `&`), so its raw bytes are in no HTML export.
    rename_person(dir, "Agathe Brunet", NAME);

    let exports = dir.join("exports");
    std::fs::create_dir(&exports).unwrap();
    let sheet = exports.join("sheet.html");
    let out = cercle(
        dir,
        &[
            "export",
            "attendance",
            "--cohort",
            "2024",
            "--format",
            "html",
            "-o",
            sheet.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&sheet).unwrap();
    assert!(
        html.contains("D'Aubigné &amp; Fils"),
        "the name is escaped in the sheet"
    );
    assert!(!html.contains(NAME));
    // A document named after her whose content is not text.
    let named = exports.join("certificat-agathe-d-aubigne-fils.pdf");
    std::fs::write(&named, b"%PDF-1.7 \x00\x01\x02").unwrap();
    let unrelated = exports.join("certificat-bastien-roche.pdf");
    std::fs::write(&unrelated, b"%PDF-1.7 \x00\x01\x02").unwrap();

    let out = cercle(dir, &["forget", NAME, "--yes"]);
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for listed in [&sheet, &named] {
        assert!(
            said.contains(&format!(
                "{NAME}; check it and delete it if so: {}",
                listed.display()
            )),
            "{} is not listed:\n{said}",
            listed.display()
        );
    }
    assert!(!said.contains(&unrelated.display().to_string()), "{said}");
}
