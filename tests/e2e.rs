//! End-to-end: the real binary in a real pseudo-terminal, keys typed, the screen read back
//! through the vt100 parser.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A running `cercle` in a pseudo-terminal.
struct Session {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    done: Receiver<()>,
}

impl Session {
    fn start(data_dir: &Path, config_dir: &Path, args: &[&str]) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_cercle"));
        command.args(args);
        command.env("CERCLE_DATA_DIR", data_dir);
        command.env("CERCLE_CONFIG_DIR", config_dir);
        command.env("LANG", "en_GB.UTF-8");
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        command.env_remove("LC_ALL");
        let child = pty.slave.spawn_command(command).expect("cercle starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("a reader");
        let writer = pty.master.take_writer().expect("a writer");
        let rows = NonZeroU16::new(24).unwrap();
        let cols = NonZeroU16::new(80).unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let (tx, done) = mpsc::channel();
        let screen_w = Arc::clone(&screen);
        std::thread::spawn(move || {
            let _keep_master = pty.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                screen_w.lock().unwrap().process(&buf[..n]);
            }
            let _ = tx.send(());
        });
        Self {
            child,
            writer,
            screen,
            done,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`; fails the test with the screen if it never does.
    fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "the screen never showed {text:?}; it shows:\n{}",
            self.contents()
        );
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Leave the app one frame to take each key in order.
        std::thread::sleep(Duration::from_millis(60));
    }

    fn wait_exit(mut self) -> portable_pty::ExitStatus {
        let _ = self.done.recv_timeout(Duration::from_secs(20));
        self.child.wait().expect("cercle exits")
    }
}

fn cercle(data_dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_cercle"))
        .args(args)
        .env("CERCLE_DATA_DIR", data_dir)
        .output()
        .expect("cercle runs")
}

#[test]
fn first_run_sample_screens_help_undo_quit_and_a_saved_valid_file() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let dir = data.path().join("cercle");
    let mut app = Session::start(&dir, config.path(), &[]);
    app.wait_for("Welcome to Cercle");
    app.send("t");
    app.wait_for("→ trainer");
    app.send("s");
    app.wait_for("Nouvelle-Aquitaine");
    app.wait_for("[saved]");
    for (key, title) in [
        ("2", "Knowledge circle ("),
        ("3", "Peer contacts ("),
        ("4", "Tutor requests ("),
        ("1", "Modules ("),
    ] {
        app.send(key);
        app.wait_for(title);
    }
    app.send("?");
    app.wait_for("Keys (?)");
    app.send("\x1b");
    std::thread::sleep(Duration::from_millis(100));
    assert!(!app.contents().contains("Keys (?)"), "Esc closes the help");
    // A change, then undo it.
    let people_before = read_json(&dir)["people"].as_array().unwrap().len();
    app.send("3");
    app.send("d");
    app.wait_for("Please confirm");
    app.send("y");
    app.wait_for("[saved]");
    app.send("u");
    app.wait_for("Undone: delete");
    app.wait_for("[saved]");
    app.send("q");
    let status = app.wait_exit();
    assert!(status.success(), "{status:?}");

    let json = read_json(&dir);
    assert_eq!(
        json["people"].as_array().unwrap().len(),
        people_before,
        "the undo was saved"
    );
    let check = cercle(&dir, &["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let settings = std::fs::read_to_string(config.path().join("config.toml")).unwrap();
    assert!(settings.contains("role = \"trainer\""), "{settings}");
    assert!(!dir.join("cercle.lock").exists() || lock_is_free(&dir));
}

fn read_json(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join("cercle.json")).unwrap()).unwrap()
}

fn lock_is_free(dir: &Path) -> bool {
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(dir.join("cercle.lock"))
        .unwrap();
    file.try_lock().is_ok()
}

#[test]
fn a_second_instance_is_refused_with_the_holder_named() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let dir = data.path().to_owned();
    assert!(cercle(&dir, &["init", "--sample"]).status.success());
    let mut first = Session::start(&dir, config.path(), &["--lang", "fr"]);
    first.wait_for("Modules (");
    let pid = first.child.process_id().expect("a pid");
    let second = cercle(&dir, &[]);
    assert!(!second.status.success());
    let message = String::from_utf8_lossy(&second.stderr);
    assert!(
        message.contains(&pid.to_string()),
        "the holder is named: {message}"
    );
    first.send("q");
    assert!(first.wait_exit().success());
}
