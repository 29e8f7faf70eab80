//! A real `cercle` in a real pseudo-terminal, read back through the vt100 parser.
#![allow(dead_code)]

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A running `cercle` in a pseudo-terminal.
pub struct Session {
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    done: Receiver<()>,
}

impl Session {
    pub fn start(data_dir: &Path, config_dir: &Path, args: &[&str]) -> Self {
        Self::start_under(&[], data_dir, config_dir, args)
    }

    /// [`Session::start`] with more environment variables (e.g. to keep git away from the
    /// user's own settings).
    pub fn start_with(
        data_dir: &Path,
        config_dir: &Path,
        args: &[&str],
        env: &[(&str, &std::ffi::OsStr)],
    ) -> Self {
        Self::launch(&[], data_dir, config_dir, args, env)
    }

    /// Starts `cercle` through other programs (`runner` then cercle's path and `args`), e.g. a
    /// shell that limits file sizes, or one that mounts the data directory read-only.
    pub fn start_under(
        runner: &[String],
        data_dir: &Path,
        config_dir: &Path,
        args: &[&str],
    ) -> Self {
        Self::launch(runner, data_dir, config_dir, args, &[])
    }

    fn launch(
        runner: &[String],
        data_dir: &Path,
        config_dir: &Path,
        args: &[&str],
        env: &[(&str, &std::ffi::OsStr)],
    ) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let program = super::CERCLE;
        let mut command = match runner.split_first() {
            None => CommandBuilder::new(program),
            Some((first, rest)) => {
                let mut command = CommandBuilder::new(first);
                command.args(rest);
                command.arg(program);
                command
            }
        };
        command.args(args);
        command.env("CERCLE_DATA_DIR", data_dir);
        command.env("CERCLE_CONFIG_DIR", config_dir);
        command.env("LANG", "en_GB.UTF-8");
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        command.env_remove("LC_ALL");
        for (name, value) in env {
            command.env(name, value);
        }
        let child = pty.slave.spawn_command(command).expect("cercle starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("a reader");
        let writer = pty.master.take_writer().expect("a writer");
        let rows = NonZeroU16::new(24).unwrap();
        let cols = NonZeroU16::new(80).unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let (tx, done) = mpsc::channel();
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (screen_w, raw_w) = (Arc::clone(&screen), Arc::clone(&raw));
        std::thread::spawn(move || {
            let _keep_master = pty.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                screen_w.lock().unwrap().process(&buf[..n]);
                raw_w.lock().unwrap().extend_from_slice(&buf[..n]);
            }
            let _ = tx.send(());
        });
        Self {
            child,
            writer,
            screen,
            raw,
            done,
        }
    }

    /// Everything the program wrote, escape sequences included (e.g. to find OSC 52).
    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// The foreground colour where `text` first shows on screen (a focused label is drawn in
    /// another colour than the others), if it shows.
    pub fn colour_of(&self, text: &str) -> Option<vt100::Color> {
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        let (rows, _) = screen.size();
        for row in 0..rows.get() {
            let line = screen.contents_between(row, 0, row, u16::MAX);
            if let Some(at) = line.find(text) {
                let col = u16::try_from(line[..at].chars().count()).ok()?;
                return screen.cell(row, col).map(vt100::Cell::fgcolor);
            }
        }
        None
    }

    /// Waits until the screen shows `text`; fails the test with the screen if it never does.
    pub fn wait_for(&self, text: &str) {
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

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Leave the app one frame to take each key in order.
        std::thread::sleep(Duration::from_millis(60));
    }

    /// Sends `signal` (`HUP`, `TERM`…) to the program, as a closing terminal or a logout would.
    pub fn signal(&self, signal: &str) {
        let pid = self.child.process_id().expect("a pid");
        let sent = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &pid.to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
    }

    pub fn wait_exit(mut self) -> portable_pty::ExitStatus {
        let _ = self.done.recv_timeout(Duration::from_secs(20));
        self.child.wait().expect("cercle exits")
    }
}

/// Runs `cercle ARGS` on `data_dir` (see [`super::command`]) and returns what it did.
pub fn cercle(data_dir: &Path, args: &[&str]) -> std::process::Output {
    super::command(data_dir)
        .args(args)
        .output()
        .expect("cercle runs")
}

pub use super::settings_of;

/// The data of a directory as one JSON document (the index, its people and its cohorts put
/// back together), read as a program without the lock reads it.
pub fn read_json(dir: &Path) -> serde_json::Value {
    let data = cercle::store::Store::open_read_only(dir)
        .unwrap()
        .load()
        .unwrap()
        .expect("the directory holds data");
    serde_json::to_value(&data).unwrap()
}

/// Writes `value` (the data as one JSON document, as [`read_json`] gives it) into `dir` as
/// Cercle saves it: for a test that sets its data up by editing the JSON.
pub fn write_json(dir: &Path, value: &serde_json::Value) {
    let data: cercle::domain::Data = serde_json::from_value(value.clone()).unwrap();
    let mut store = cercle::store::Store::open(dir).unwrap();
    store.load().unwrap();
    store.save(&data).unwrap();
}

/// The document of the cohort `id` in a split data directory, as its index names it.
pub fn cohort_document(dir: &Path, id: &str) -> std::path::PathBuf {
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("cercle.json")).unwrap()).unwrap();
    let entry = index["cohorts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no cohort {id} in the index of {}", dir.display()));
    dir.join(entry["file"].as_str().unwrap())
}

/// Edits the document of the cohort `id` as another program would: reads it, changes it,
/// writes it back in place.
pub fn edit_cohort(dir: &Path, id: &str, edit: impl FnOnce(&mut serde_json::Value)) {
    let path = cohort_document(dir, id);
    let mut cohort: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    edit(&mut cohort);
    std::fs::write(&path, serde_json::to_vec_pretty(&cohort).unwrap()).unwrap();
}

/// The current cohort in a data file read as JSON.
pub fn current_cohort(file: &mut serde_json::Value) -> &mut serde_json::Value {
    let current = file["current_cohort"].clone();
    file["cohorts"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|c| c["id"] == current)
        .unwrap()
}

/// Renames the person called `from` in the people document of `dir` that holds them, as
/// another program would write it.
pub fn rename_person(dir: &Path, from: &str, to: &str) {
    for entry in std::fs::read_dir(dir.join("cercle/people")).unwrap() {
        let path = entry.unwrap().path();
        let mut people: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let found = people
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|p| p["name"] == from);
        if let Some(person) = found {
            person["name"] = to.into();
            std::fs::write(&path, serde_json::to_vec_pretty(&people).unwrap()).unwrap();
            return;
        }
    }
    panic!("no one is called {from} in {}", dir.display());
}

/// Every document of a split data directory or a backup set (the index, the cohorts, the
/// people) with its bytes: two calls compare equal when no document was rewritten.
pub fn documents(dir: &Path) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    let mut found = std::collections::BTreeMap::new();
    let index = dir.join("cercle.json");
    found.insert(index.clone(), std::fs::read(&index).unwrap());
    for folder in ["cercle/cohorts", "cercle/people"] {
        // A backup set holds only the folders of the documents its save replaced.
        let Ok(entries) = std::fs::read_dir(dir.join(folder)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            found.insert(path.clone(), std::fs::read(&path).unwrap());
        }
    }
    found
}

/// Runs `jq ARGS` over the document at `path` and returns what it prints: the document as jq,
/// a program editing Cercle's files, writes it (keys in their order).
pub fn jq(path: &Path, args: &[&str]) -> Vec<u8> {
    let edited = std::process::Command::new("jq")
        .args(args)
        .arg(path)
        .output()
        .expect("jq runs (apt-get install jq)");
    assert!(
        edited.status.success(),
        "{}",
        String::from_utf8_lossy(&edited.stderr)
    );
    edited.stdout
}

/// Another program replaces the index (which holds the programme) with jq, as editors and sync
/// tools do (a new file renamed); returns the bytes it wrote.
pub fn edit_outside(dir: &Path, title: &str) -> Vec<u8> {
    let index = dir.join("cercle.json");
    let bytes = jq(
        &index,
        &["--arg", "title", title, ".programme.title = $title"],
    );
    let temp = dir.join("outside.tmp");
    std::fs::write(&temp, &bytes).unwrap();
    std::fs::rename(&temp, &index).unwrap();
    bytes
}

/// A data directory holding the sample cohort, and a config directory holding `settings`.
/// Hélène Marchetti, trainer, opening the sample cohort on 28/11/2026 at 11:00 in Paris: the
/// data and settings directories (kept alive by the caller) and the session, its first screen
/// drawn.
pub fn sample_trainer_session() -> (tempfile::TempDir, tempfile::TempDir, Session) {
    let (data, config) = sample_dirs("role = \"trainer\"\nme = \"p-helene-marchetti\"\n");
    let env: [(&str, &std::ffi::OsStr); 1] =
        [("CERCLE_NOW", std::ffi::OsStr::new("2026-11-28T10:00:00Z"))];
    let app = Session::start_with(data.path(), config.path(), &[], &env);
    app.wait_for("Modules (");
    (data, config, app)
}

pub fn sample_dirs(settings: &str) -> (tempfile::TempDir, tempfile::TempDir) {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    assert!(cercle(data.path(), &["init", "--sample"]).status.success());
    std::fs::write(config.path().join("config.toml"), settings).unwrap();
    (data, config)
}
