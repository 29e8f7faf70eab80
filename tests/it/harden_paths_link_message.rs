//! A link planted where Cercle keeps its own file is refused at once, by every command and by
//! the app, in the user's language, and the file it points to is left alone.

use crate::common;

use std::os::unix::fs::{PermissionsExt, symlink};
use std::process::Stdio;

#[test]
fn a_planted_link_is_refused_in_french_and_in_english_by_commands_and_the_app() {
    let (data, _config) = common::pty::sample_dirs("");
    let dir = data.path();
    let outside = tempfile::tempdir().unwrap();
    let precious = outside.path().join("precious.txt");
    std::fs::write(&precious, "my thesis, chapter 3\n").unwrap();
    std::fs::set_permissions(&precious, std::fs::Permissions::from_mode(0o644)).unwrap();
    let lock = dir.join("cercle.lock");
    let _ = std::fs::remove_file(&lock);
    symlink(&precious, &lock).unwrap();

    let run = |args: &[&str]| {
        common::command(dir)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    let expected = [
        (
            "fr",
            "est un lien symbolique, là où Cercle attend son propre fichier",
        ),
        ("en", "is a symbolic link where Cercle expects its own file"),
    ];
    for (lang, words) in expected {
        // A command that writes, and one that only reads.
        for args in [
            vec!["--lang", lang, "import", "contacts", "nothing.vcf"],
            vec!["--lang", lang, "summary"],
        ] {
            let out = run(&args);
            let said = String::from_utf8_lossy(&out.stderr);
            assert!(!out.status.success(), "{args:?}: {said}");
            assert!(said.contains(words), "{args:?}: {said}");
            assert!(said.contains(&lock.display().to_string()), "{said}");
        }
        // The app itself, in a terminal.
        let config = tempfile::tempdir().unwrap();
        let app = common::pty::Session::start(dir, config.path(), &["--lang", lang]);
        app.wait_for(words);
        assert!(!app.wait_exit().success(), "{lang}: the app does not open");
    }
    assert_eq!(
        std::fs::read_to_string(&precious).unwrap(),
        "my thesis, chapter 3\n"
    );
    let mode = std::fs::metadata(&precious).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);
}
