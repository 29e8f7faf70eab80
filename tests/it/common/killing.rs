//! kill -9 at seeded moments: a saver runs in a child process (an ignored test of this crate,
//! started by name) and is killed in the middle of its saves.

use cercle::store::{BACKUP_DIR, DOCS_DIR, JOURNAL_FILE};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// A small seeded generator (xorshift): the same moments at every run.
pub struct Moments(pub u64);

impl Moments {
    /// The next number below `below`.
    pub fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

/// What the saver said before it was killed, and its pid.
pub struct Killed {
    /// Every line it printed ("saving N", "saved N").
    pub said: Vec<String>,
    /// Its process id.
    pub pid: u32,
}

impl Killed {
    /// The number of the last save it started.
    pub fn last_started(&self) -> u32 {
        self.said
            .iter()
            .rev()
            .find_map(|l| l.strip_prefix("saving "))
            .and_then(|n| n.parse().ok())
            .expect("the saver started a save")
    }

    /// The number of the last save it finished, if any.
    pub fn last_done(&self) -> Option<u32> {
        self.said
            .iter()
            .rev()
            .find_map(|l| l.strip_prefix("saved "))
            .and_then(|n| n.parse().ok())
    }

    /// How many saves it finished.
    pub fn saves(&self) -> u32 {
        u32::try_from(self.said.iter().filter(|l| l.starts_with("saved ")).count()).unwrap()
    }
}

/// Runs the ignored test `saver` with `env` set to `dir`, lets it start `skip + 1` saves, waits
/// `pause`, and kills it with SIGKILL.
pub fn run_and_kill(saver: &str, env: &str, dir: &Path, skip: u64, pause: Duration) -> Killed {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            saver,
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(env, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id();
    let (lines_tx, lines) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = lines_tx.send(line);
        }
    });
    // The test harness speaks first; the saver's own lines follow.
    let mut said: Vec<String> = Vec::new();
    while said.iter().filter(|l| l.starts_with("saving ")).count() as u64 <= skip {
        said.push(
            lines
                .recv_timeout(Duration::from_secs(30))
                .expect("the saver saves"),
        );
    }
    std::thread::sleep(pause);
    child.kill().unwrap();
    child.wait().unwrap();
    reader.join().unwrap();
    said.extend(lines.try_iter());
    Killed { said, pid }
}

/// What a killed save can leave in a data directory: temporary files (in the backups' base
/// too) and a journal.
pub fn leftovers(dir: &Path) -> Vec<PathBuf> {
    let base = dir.join(BACKUP_DIR).join("current.d");
    let folders = [
        dir.to_path_buf(),
        dir.join(BACKUP_DIR),
        dir.join(DOCS_DIR).join("cohorts"),
        dir.join(DOCS_DIR).join("people"),
        base.clone(),
        base.join(DOCS_DIR).join("cohorts"),
        base.join(DOCS_DIR).join("people"),
    ];
    folders
        .iter()
        .flat_map(|d| std::fs::read_dir(d).into_iter().flatten().flatten())
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(".tmp-") || p.ends_with(JOURNAL_FILE))
        .collect()
}
