//! Cercle outside a terminal: a file name that is not UTF-8 is a file name.

mod common;

use common::pty::sample_dirs;
use std::os::unix::ffi::OsStrExt;
use std::process::Command;

fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cercle"));
    command.args(["--lang", "en"]);
    command
}

#[test]
fn an_export_to_a_file_name_that_is_not_utf8_is_written_there() {
    let (data, _config) = sample_dirs("");
    let out_dir = tempfile::tempdir().unwrap();
    // "café.csv" in Latin-1: a valid Linux file name, not UTF-8.
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.csv");
    let path = out_dir.path().join(name);
    let out = bin()
        .args(["export", "contacts", "--format", "csv", "-o"])
        .arg(&path)
        .env("CERCLE_DATA_DIR", data.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read(&path).unwrap();
    assert!(written.starts_with(b"name,"), "the contacts are there");
    let mode =
        std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&path).unwrap().permissions());
    assert_eq!(mode & 0o777, 0o600);
}
