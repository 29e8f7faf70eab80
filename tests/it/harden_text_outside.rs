//! Cercle outside a terminal: the app asked for without one says so in one line with its own
//! exit code; a failed write to standard output is reported, a closed pipe ends quietly; a
//! command that cannot save says what is true once it has ended; a file name that is not
//! UTF-8 is a file name; a read gives advice that fits a read.

use crate::common;

use common::pty::{Session, cercle, sample_dirs};
use std::os::unix::ffi::OsStrExt;
use std::process::{Command, Stdio};

/// The app's exit code without a terminal, as the README documents it.
const NO_TERMINAL: i32 = cercle::commands::exit::NO_TERMINAL as i32;
/// The exit code when the reader of the output went away, as the README documents it.
const CLOSED: i32 = cercle::commands::exit::CLOSED as i32;

fn bin() -> Command {
    let mut command = Command::new(crate::common::CERCLE);
    command.args(["--lang", "en"]);
    command
}

#[test]
fn the_app_without_a_terminal_says_so_in_one_line_and_exits_with_its_own_code() {
    let (data, _config) = sample_dirs("");
    let out = bin()
        .env("CERCLE_DATA_DIR", data.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(NO_TERMINAL), "{said}");
    assert_eq!(said.lines().count(), 1, "one line: {said}");
    assert!(said.contains("needs a terminal"), "{said}");
    assert!(out.stdout.is_empty(), "nothing drawn");
}

#[test]
fn the_app_piped_into_another_program_draws_nothing_into_the_pipe() {
    let (data, config) = sample_dirs("role = \"trainer\"\n");
    // `cercle | cat`, in a real terminal: standard input is one, standard output a pipe.
    let runner: Vec<String> = [
        "sh",
        "-c",
        r#"{ "$0" "$@"; echo $? > "$CERCLE_DATA_DIR/code"; } | cat > "$CERCLE_DATA_DIR/piped.txt"; echo "exit=$(cat "$CERCLE_DATA_DIR/code")""#,
    ]
    .map(str::to_owned)
    .to_vec();
    let app = Session::start_under(&runner, data.path(), config.path(), &[]);
    app.wait_for("exit=");
    let screen = app.contents();
    assert!(screen.contains(&format!("exit={NO_TERMINAL}")), "{screen}");
    assert!(screen.contains("needs a terminal"), "{screen}");
    let piped = std::fs::read(data.path().join("piped.txt")).unwrap();
    assert!(
        piped.is_empty(),
        "drawn into the pipe: {}",
        String::from_utf8_lossy(&piped)
    );
    let _ = app.wait_exit();
}

#[test]
fn a_full_standard_output_is_an_error_with_a_message() {
    let (data, _config) = sample_dirs("");
    for args in [
        &["summary"][..],
        &["summary", "--json"],
        &["backups"],
        &["export", "contacts", "--format", "csv"],
        &["export", "person", "p-camille-dubois"],
        &["completions", "bash"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = bin()
            .args(args)
            .env("CERCLE_DATA_DIR", data.path())
            .stdout(full)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "cercle {args:?} said it succeeded");
        assert!(
            said.contains("Cannot write to standard output"),
            "{args:?}: {said}"
        );
        assert!(!said.contains("panicked"), "{args:?}: {said}");
    }
}

#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    let (data, _config) = sample_dirs("");
    for args in [
        &["summary"][..],
        &["backups"],
        &["export", "contacts", "--format", "vcard"],
        &["completions", "bash"],
    ] {
        // `| head -0`: the reader is gone before a byte is written.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = bin()
            .args(args)
            .env("CERCLE_DATA_DIR", data.path())
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.is_empty(), "{args:?} said: {said}");
        assert_eq!(out.status.code(), Some(CLOSED), "{args:?}");
    }
}

/// Run by the full-disk test in a child process: the files it writes are limited to a size.
#[test]
#[ignore = "helper: run in a child process by the full-disk test"]
fn import_on_a_full_disk() {
    let (Some(limit), Some(args)) = (
        std::env::var_os("CERCLE_TEST_FILE_SIZE_LIMIT"),
        std::env::var_os("CERCLE_TEST_ARGS"),
    ) else {
        return;
    };
    common::sys::limit_file_size(limit.to_str().unwrap().parse().unwrap());
    let args: Vec<&str> = args.to_str().unwrap().split('\u{1f}').collect();
    let out = Command::new(crate::common::CERCLE)
        .args(&args)
        .output()
        .unwrap();
    print!(
        "CODE={:?}\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_import_that_cannot_save_says_nothing_was_written_and_to_run_it_again() {
    let (data, _config) = sample_dirs("");
    let dir = data.path();
    let before = std::fs::read(dir.join("cercle.json")).unwrap();
    let vcard = dir.join("new.vcf");
    std::fs::write(
        &vcard,
        format!(
            "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoé Martin\r\nEMAIL:zoe@example.org\r\nNOTE:{}\r\nEND:VCARD\r\n",
            "x".repeat(1000)
        ),
    )
    .unwrap();
    for (lang, says) in [
        (
            "en",
            ["Nothing was written", "intact", "Run the command again"],
        ),
        (
            "fr",
            ["Rien n'a été écrit", "intact", "Relancez la commande"],
        ),
    ] {
        let args = [
            "--lang",
            lang,
            "import",
            "contacts",
            vcard.to_str().unwrap(),
        ];
        let out = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "harden_text_outside::import_on_a_full_disk",
                "--ignored",
                "--nocapture",
            ])
            .env("CERCLE_DATA_DIR", dir)
            .env("CERCLE_TEST_FILE_SIZE_LIMIT", before.len().to_string())
            .env("CERCLE_TEST_ARGS", args.join("\u{1f}"))
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(said.contains("CODE=Some(1)"), "{said}");
        for words in says {
            assert!(said.contains(words), "{lang}: {said}");
        }
        assert!(
            !said.contains("memory") && !said.contains("mémoire"),
            "{said}"
        );
        assert_eq!(std::fs::read(dir.join("cercle.json")).unwrap(), before);
    }
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

#[test]
fn a_summary_of_a_directory_that_does_not_exist_gives_advice_for_a_read() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("nowhere");
    let out = cercle(&missing, &["--lang", "en", "summary"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(!said.contains("save elsewhere"), "{said}");
    assert!(said.contains("There is no data file"), "{said}");
    assert!(said.contains("--data-dir"), "{said}");
}
