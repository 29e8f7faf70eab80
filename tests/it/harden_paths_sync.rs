//! A teammate cannot plant a file in another's data directory through sync: a pull that brings
//! anything but the shared files is refused and names the path; the lock stays a lock.

use crate::common;

use common::team::Team;
use std::os::unix::fs::{PermissionsExt, symlink};

#[test]
fn a_lock_link_committed_by_a_teammate_is_refused_at_the_pull_and_at_joining() {
    let team = Team::new();
    let first = team.machine("trainer-1", None);
    let second = team.machine("trainer-2", None);
    first.ok(&["init", "--sample"]);
    first.ok(&["sync", "init", "--remote", &team.remote()]);
    second.ok(&["sync", "init", "--remote", &team.remote()]);

    // A file of the first trainer's, beside her data directory, that the link points to.
    let precious = first.dir.parent().unwrap().join("precious.txt");
    std::fs::write(&precious, "my thesis, chapter 3\n").unwrap();
    std::fs::set_permissions(&precious, std::fs::Permissions::from_mode(0o644)).unwrap();

    // The teammate replaces her ignored lock by a link and forces it into the history.
    std::fs::remove_file(second.dir.join("cercle.lock")).unwrap();
    symlink("../precious.txt", second.dir.join("cercle.lock")).unwrap();
    second.git(&["add", "-f", "cercle.lock"]);
    second.git(&[
        "-c",
        "user.name=Teammate",
        "-c",
        "user.email=t@example.invalid",
        "commit",
        "-q",
        "-m",
        "harmless",
    ]);
    second.git(&["push", "-q", "origin", "HEAD:main"]);

    let out = first.cercle(&["sync"]);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.status.success(), "{text}");
    assert!(text.contains("\"cercle.lock\""), "{text}");
    assert!(text.contains("not a file Cercle shares"), "{text}");
    // The same refusal in French.
    let out = first.cercle(&["--lang", "fr", "sync"]);
    let dit = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "{dit}");
    assert!(
        dit.contains("\"cercle.lock\", qui n'est pas un fichier que Cercle partage"),
        "{dit}"
    );
    let lock = first.dir.join("cercle.lock");
    assert!(
        !std::fs::symlink_metadata(&lock)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // What git tracks is what Cercle shares: its own files and the data's documents, no lock.
    let shared: Vec<String> = [".gitattributes", ".gitignore", "cercle.json"]
        .map(str::to_owned)
        .into_iter()
        .chain(first.documents())
        .collect();
    assert!(shared.len() > 3, "{shared:?}");
    assert_eq!(first.git(&["ls-files"]), shared.join("\n"));

    // The next start takes the lock as usual, and the linked file is untouched.
    drop(cercle::store::Store::open(&first.dir).unwrap());
    assert_eq!(
        std::fs::read_to_string(&precious).unwrap(),
        "my thesis, chapter 3\n"
    );
    let mode = std::fs::metadata(&precious).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);

    // A laptop joining the team is refused the same way, with nothing checked out.
    let office = team.machine("administration", None);
    let out = office.cercle(&["sync", "init", "--remote", &team.remote()]);
    let text = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "{text}");
    assert!(text.contains("\"cercle.lock\""), "{text}");
    assert!(!office.dir.join("cercle.json").exists());
    assert!(
        std::fs::symlink_metadata(office.dir.join("cercle.lock"))
            .is_ok_and(|m| !m.file_type().is_symlink())
    );
}
