//! The single-writer lock: an OS lock on `cercle.lock`, which dies with its process.
//!
//! The lock file is never deleted: deleting it would let a third process lock a new file while a
//! second one still waits on the old one. A leftover file from a killed process holds no lock.

use super::error::StoreError;
use super::fsio::{self, FILE_MODE};
use std::fs::{File, OpenOptions, Permissions, TryLockError};
use std::io::Read;
use std::os::unix::fs::{FileExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// Name of the lock file in the data directory.
pub const LOCK_FILE: &str = "cercle.lock";

/// Holds the data directory's lock for as long as it lives.
#[derive(Debug)]
pub(crate) struct DirLock {
    // Closing the file releases the OS lock.
    _file: File,
}

/// Takes the lock of `dir`, or says which process holds it.
pub(crate) fn acquire(dir: &Path) -> Result<DirLock, StoreError> {
    let path = dir.join(LOCK_FILE);
    let mut file = fsio::open_own(
        &path,
        OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            // Truncating before holding the lock would erase the holder's pid.
            .truncate(false)
            .mode(FILE_MODE),
    )
    .map_err(StoreError::own("open the lock file", &path))?;
    match try_lock(&file) {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            let pid = read_pid(&mut file);
            return Err(StoreError::Locked { pid, path });
        }
        Err(TryLockError::Error(source)) => {
            return Err(StoreError::Io {
                action: "lock",
                path,
                source,
            });
        }
    }
    file.set_permissions(Permissions::from_mode(FILE_MODE))
        .map_err(StoreError::io("set the permissions of", &path))?;
    // The pid only feeds the message of whoever comes second: failing to write it (disk full)
    // must not stop this instance, which does hold the lock. It is written over the old one,
    // and the file cut only when the old one was longer: a truncation can wait for the file
    // system's journal, several milliseconds before the first frame.
    let pid = std::process::id().to_string();
    let _ = file.write_all_at(pid.as_bytes(), 0).and_then(|()| {
        let len = pid.len() as u64;
        match file.metadata() {
            Ok(meta) if meta.len() > len => file.set_len(len),
            other => other.map(|_| ()),
        }
    });
    Ok(DirLock { _file: file })
}

/// Tries the lock a few times over a tenth of a second before saying it is held. A lock is an
/// open file, and a process starting a program (git, an editor) carries a copy of every open file
/// from its fork until the program replaces it: a lock just released can look held for that
/// moment. A real holder is still there after it.
fn try_lock(file: &File) -> Result<(), TryLockError> {
    retry(
        || file.try_lock(),
        || {
            std::thread::sleep(std::time::Duration::from_millis(5));
        },
    )
}

/// How many times the lock is tried before it is said to be held.
const ATTEMPTS: u32 = 20;

/// Runs `attempt` until it does not find the lock held, up to [`ATTEMPTS`] times, pausing between.
fn retry(
    mut attempt: impl FnMut() -> Result<(), TryLockError>,
    mut pause: impl FnMut(),
) -> Result<(), TryLockError> {
    for _ in 1..ATTEMPTS {
        match attempt() {
            Err(TryLockError::WouldBlock) => pause(),
            other => return other,
        }
    }
    attempt()
}

fn read_pid(file: &mut File) -> Option<u32> {
    let mut text = String::new();
    file.read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn second_lock_in_this_process_is_refused_with_our_pid() {
        let tmp = tempfile::tempdir().unwrap();
        let held = acquire(tmp.path()).unwrap();
        let Err(StoreError::Locked { pid, path }) = acquire(tmp.path()) else {
            panic!("second lock was granted");
        };
        assert_eq!(pid, Some(std::process::id()));
        assert_eq!(path, tmp.path().join(LOCK_FILE));
        drop(held);
        acquire(tmp.path()).expect("lock is free once dropped");
    }

    #[test]
    fn a_lock_held_for_a_moment_is_waited_for_and_a_held_one_refused() {
        let mut tries = 0;
        let taken = retry(
            || {
                tries += 1;
                if tries < 3 {
                    Err(TryLockError::WouldBlock)
                } else {
                    Ok(())
                }
            },
            || {},
        );
        assert!(taken.is_ok());
        assert_eq!(tries, 3);

        let mut tries = 0;
        let mut pauses = 0;
        let held = retry(
            || {
                tries += 1;
                Err(TryLockError::WouldBlock)
            },
            || pauses += 1,
        );
        assert!(matches!(held, Err(TryLockError::WouldBlock)));
        assert_eq!((tries, pauses), (ATTEMPTS, ATTEMPTS - 1));
    }

    #[test]
    fn leftover_lock_file_does_not_block() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(LOCK_FILE);
        fs::write(&path, "999999 and some junk").unwrap();
        fs::set_permissions(&path, Permissions::from_mode(0o644)).unwrap();
        let _held = acquire(tmp.path()).unwrap();
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            std::process::id().to_string()
        );
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}
