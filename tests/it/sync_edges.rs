//! Sync at the edges of the team's repository: a server that cannot be reached, a file the
//! merge driver refuses, and a laptop joining the team under a umask that hides nothing.

use crate::common;

use common::team::{Machine, Team};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

/// A `ssh` that writes down how it was called and fails as an unreachable host does.
fn unreachable_ssh(bin: &Path) -> std::path::PathBuf {
    let log = bin.join("ssh-calls");
    let script = format!(
        "#!/bin/sh\necho \"$@\" >> '{}'\n\
         echo 'ssh: connect to host 10.255.255.1 port 22: Connection timed out' >&2\nexit 255\n",
        log.display()
    );
    let ssh = bin.join("ssh");
    std::fs::write(&ssh, script).unwrap();
    std::fs::set_permissions(&ssh, std::fs::Permissions::from_mode(0o755)).unwrap();
    log
}

fn cercle_with_path(machine: &Machine, bin: &Path, args: &[&str]) -> Command {
    let mut command = machine.command();
    let path = std::env::var("PATH").unwrap_or_default();
    command
        .args(args)
        .env("PATH", format!("{}:{path}", bin.display()));
    command
}

fn said(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn an_unreachable_ssh_server_is_given_up_on_and_the_work_waits_here() {
    let team = Team::new();
    let laptop = team.machine("laptop", None);
    laptop.ok(&["init", "--sample"]);
    let bin = tempfile::tempdir().unwrap();
    let calls = unreachable_ssh(bin.path());
    let remote = "ssh://nobody@10.255.255.1/x.git";
    let out = cercle_with_path(&laptop, bin.path(), &["sync", "init", "--remote", remote])
        .output()
        .unwrap();
    let text = said(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("could not be reached"), "{text}");
    assert!(text.contains("go out at the next sync"), "{text}");
    let logged = std::fs::read_to_string(&calls).unwrap();
    // Without a connect timeout, ssh waits for the system's, minutes long, holding the lock.
    assert!(logged.contains("ConnectTimeout="), "{logged}");
    assert_eq!(laptop.git(&["rev-list", "--count", "HEAD"]), "1");

    // A user's own ssh command is left as it is.
    std::fs::remove_file(&calls).unwrap();
    let out = cercle_with_path(&laptop, bin.path(), &["sync"])
        .env("GIT_SSH_COMMAND", "ssh -p 2222")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", said(&out));
    let logged = std::fs::read_to_string(&calls).unwrap();
    assert!(logged.contains("-p 2222"), "{logged}");
    assert!(!logged.contains("ConnectTimeout"), "{logged}");
}

#[test]
fn a_file_the_driver_refuses_is_explained_once_without_a_doubled_prefix() {
    let team = Team::new();
    let (first, second) = (team.machine("first", None), team.machine("second", None));
    first.ok(&["init", "--sample"]);
    first.ok(&["sync", "init", "--remote", &team.remote()]);
    second.ok(&["sync", "init", "--remote", &team.remote()]);
    // A newer Cercle on the first laptop sends a file this one cannot read (of a version
    // past the split layout's index, version 3).
    let index = first.dir.join("cercle.json");
    let newer = common::pty::jq(&index, &[".schema_version = 9"]);
    std::fs::write(&index, newer).unwrap();
    first.push_by_hand("newer");
    second.edit(|d| d.people[0].city = "Lannion".into());
    let before = second.bytes();
    let out = second.cercle(&["sync"]);
    let text = said(&out);
    assert!(!out.status.success(), "{text}");
    assert!(
        text.contains("nothing was changed here: the other machine's version")
            && text.contains("newer Cercle (data version 9"),
        "{text}"
    );
    assert!(second.bytes() == before, "no document was changed here");
    assert_eq!(text.matches("cercle: ").count(), 1, "{text}");
}

#[test]
fn a_laptop_joining_the_team_keeps_its_files_and_directories_private() {
    // The whole test process (and the git it starts): a umask that hides nothing.
    common::sys::set_umask(0);
    let team = Team::new();
    let (first, second) = (team.machine("first", None), team.machine("second", None));
    first.ok(&["init", "--sample"]);
    first.split();
    first.ok(&["sync", "init", "--remote", &team.remote()]);
    second.ok(&["sync", "init", "--remote", &team.remote()]);
    for machine in [&first, &second] {
        let documents = machine.documents();
        assert!(documents.len() > 2, "{documents:?}");
        for name in ["cercle.json", ".gitattributes", ".gitignore"]
            .into_iter()
            .chain(documents.iter().map(String::as_str))
        {
            let path = machine.dir.join(name);
            assert_eq!(mode(&path), 0o600, "{}", path.display());
        }
        let docs = machine.dir.join("cercle");
        for path in [
            machine.dir.clone(),
            machine.dir.join(".git"),
            docs.join("cohorts"),
            docs.join("people"),
            docs,
        ] {
            assert_eq!(mode(&path), 0o700, "{}", path.display());
        }
    }
}
