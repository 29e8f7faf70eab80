//! The recovery file: unsaved work written by a panic hook, beside (never over) `cercle.json`.
//!
//! These functions take only the directory, because a panic hook cannot reach the `Store`.

use super::fsio;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Name of the recovery file in the data directory.
pub const RECOVERY_FILE: &str = "cercle.recovery.json";

/// Work found in a recovery file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// Where it was found.
    pub path: PathBuf,
    /// When it was written, if the file system says.
    pub written_at: Option<SystemTime>,
    /// The JSON as written (a serialised `Data`).
    pub json: Vec<u8>,
}

/// Writes `json` to `cercle.recovery.json` in `dir` (0600, atomically); returns its path.
pub fn write_recovery(dir: &Path, json: &[u8]) -> io::Result<PathBuf> {
    fsio::create_private_dir(dir)?;
    fsio::write_atomic(dir, RECOVERY_FILE, json)
}

/// Reads the recovery file of `dir`, if there is one.
pub fn read_recovery(dir: &Path) -> io::Result<Option<Recovery>> {
    let path = dir.join(RECOVERY_FILE);
    // Never through a link: it would offer whatever file it points to as lost work.
    let read = fsio::open_own(&path, fs::OpenOptions::new().read(true)).and_then(|mut file| {
        let mut json = Vec::new();
        io::Read::read_to_end(&mut file, &mut json).map(|_| json)
    });
    let json = match read {
        Ok(json) => json,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let written_at = fs::metadata(&path).and_then(|m| m.modified()).ok();
    Ok(Some(Recovery {
        path,
        written_at,
        json,
    }))
}

/// Deletes the recovery file of `dir` once its work was restored or declined.
pub fn discard_recovery(dir: &Path) -> io::Result<()> {
    match fs::remove_file(dir.join(RECOVERY_FILE)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn write_read_discard() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        assert_eq!(read_recovery(&dir).unwrap(), None);
        fs::create_dir(&dir).unwrap();
        fs::write(dir.join("cercle.json"), b"saved").unwrap();

        let path = write_recovery(&dir, b"{\"first\": 1}").unwrap();
        assert_eq!(path, dir.join(RECOVERY_FILE));
        let path = write_recovery(&dir, b"{\"second\": 2}").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let found = read_recovery(&dir).unwrap().unwrap();
        assert_eq!(found.json, b"{\"second\": 2}");
        assert!(found.written_at.is_some());
        assert_eq!(fs::read(dir.join("cercle.json")).unwrap(), b"saved");
        // Only the two files: no temporary file left behind.
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 2);

        discard_recovery(&dir).unwrap();
        assert_eq!(read_recovery(&dir).unwrap(), None);
        discard_recovery(&dir).unwrap();
        assert_eq!(fs::read(dir.join("cercle.json")).unwrap(), b"saved");
    }

    #[test]
    fn works_before_the_data_directory_exists() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("new");
        write_recovery(&dir, b"{}").unwrap();
        let mode = fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
    }
}
