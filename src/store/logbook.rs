//! The logbook: a log of errors and sync steps a user can send when asking for help. It lives
//! in the state directory (`$CERCLE_STATE_DIR`, else the platform's state directory, else the
//! data directory), is 0600 in a 0700 directory, and is rotated once: past [`LIMIT`] bytes the
//! file becomes `cercle.log.1` (the older one is dropped), so it never holds more than twice
//! that. With `--verbose` each line is also printed on standard error as it is written.
//!
//! Only what the program says goes in: its errors and the steps of a sync, never the data
//! (no note, no confidential entry; a message quoting data is one the user already saw).

use std::fs::OpenOptions;
use std::io::Write as _;
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// The journal's file name.
pub const FILE_NAME: &str = "cercle.log";
/// The size past which the journal is rotated.
pub const LIMIT: u64 = 256 * 1024;

/// Where the journal is written, and whether it is echoed.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    verbose: bool,
    lock: Mutex<()>,
}

static JOURNAL: OnceLock<Journal> = OnceLock::new();

/// Starts the journal of this process in `dir`; later calls keep the first.
pub fn init(dir: &Path, verbose: bool) {
    let _ = JOURNAL.set(Journal {
        path: dir.join(FILE_NAME),
        verbose,
        lock: Mutex::new(()),
    });
}

/// Writes one line to the journal, if one was started; a journal that cannot be written is
/// left alone (it is an aid, never a reason to fail).
pub fn note(text: &str) {
    if let Some(journal) = JOURNAL.get() {
        journal.write(text);
    }
}

impl Journal {
    /// A journal at `path`, for tests and for [`init`].
    pub fn at(path: PathBuf, verbose: bool) -> Self {
        Self {
            path,
            verbose,
            lock: Mutex::new(()),
        }
    }

    /// Appends a line with the time (UTC), rotating first when the file is full.
    pub fn write(&self, text: &str) {
        let _guard = self.lock.lock();
        let line = format!(
            "{} {}\n",
            crate::domain::clock::now().format("%Y-%m-%dT%H:%M:%SZ"),
            crate::domain::text::visible(text.trim_end())
        );
        if self.verbose {
            let _ = std::io::stderr().write_all(line.as_bytes());
        }
        if let Some(dir) = self.path.parent() {
            let _ = super::fsio::create_private_dir(dir);
        }
        if std::fs::metadata(&self.path).is_ok_and(|m| m.len() >= LIMIT) {
            let _ = std::fs::rename(&self.path, self.path.with_extension("log.1"));
        }
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .mode(super::fsio::FILE_MODE)
            .open(&self.path);
        if let Ok(mut file) = file {
            let _ = file.write_all(line.as_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt as _;

    #[test]
    fn the_journal_is_private_and_rotated_once() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::at(dir.path().join("state").join(FILE_NAME), false);
        journal.write("sync: pushed 2 commits");
        let path = dir.path().join("state").join(FILE_NAME);
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("sync: pushed 2 commits")
        );
        let long = "x".repeat(1000);
        for _ in 0..(2 * LIMIT / 1000 + 10) {
            journal.write(&long);
        }
        let rotated = path.with_extension("log.1");
        assert!(rotated.exists(), "rotated once");
        assert!(std::fs::metadata(&path).unwrap().len() < LIMIT + 2000);
        assert!(std::fs::metadata(&rotated).unwrap().len() < LIMIT + 2000);
        let files = std::fs::read_dir(dir.path().join("state")).unwrap().count();
        assert_eq!(files, 2, "never more than the journal and one older copy");
        journal.write("\u{1b}[31mred");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains('\u{1b}'), "escapes are made visible");
    }
}
