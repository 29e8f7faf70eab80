//! What the store last read or wrote of `cercle.json`, to notice changes by other programs.
//!
//! Two layers. The metadata (device, inode, size, modification time) catches editors and sync
//! tools, which replace the file or change its size or time, at the cost of one `lstat`. When
//! all of it is unchanged, the content is hashed (xxh3, 128 bits) and compared with the hash
//! of what was last read or written, which catches an edit in place that kept all four (a
//! program that sets the time back, a file system with a coarse clock). That read happens
//! before every save, on the thread that saves: never on the UI thread.

use super::error::StoreError;
use super::fsio;
use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::time::SystemTime;
use xxhash_rust::xxh3::Xxh3;

/// The identity of the data file as the metadata tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Fingerprint {
    dev: u64,
    ino: u64,
    len: u64,
    modified: Option<SystemTime>,
}

impl From<&Metadata> for Fingerprint {
    fn from(meta: &Metadata) -> Self {
        Self {
            dev: meta.dev(),
            ino: meta.ino(),
            len: meta.len(),
            modified: meta.modified().ok(),
        }
    }
}

/// The data file as last read or written: its metadata and, once its bytes went through the
/// store, the hash of those bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Seen {
    pub(super) meta: Fingerprint,
    /// `None` before any load or save: only the metadata can be compared then.
    pub(super) hash: Option<u128>,
}

/// The metadata of the data file at `path`, `None` when there is none. A symbolic link in its
/// place is refused: following it would read and replace whatever it points to.
pub(super) fn fingerprint(path: &Path) -> Result<Option<Fingerprint>, StoreError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => Err(StoreError::Link {
            path: path.to_path_buf(),
        }),
        Ok(meta) => Ok(Some(Fingerprint::from(&meta))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StoreError::io("inspect", path)(e)),
    }
}

/// The hash kept of the data file's bytes.
pub(super) fn hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

/// Whether the data file at `path` differs from what was last `seen`: by its metadata, else by
/// its content. A file that vanished or appeared counts as changed.
pub(super) fn changed(path: &Path, seen: Option<&Seen>) -> Result<bool, StoreError> {
    let now = fingerprint(path)?;
    let (Some(now), Some(seen)) = (now, seen) else {
        return Ok(now.is_some() != seen.is_some());
    };
    if now != seen.meta {
        return Ok(true);
    }
    let Some(expected) = seen.hash else {
        return Ok(false);
    };
    let mut file = fsio::open_own(path, OpenOptions::new().read(true))
        .map_err(StoreError::own("open", path))?;
    let found = hash_stream(&mut file).map_err(StoreError::io("read", path))?;
    Ok(found != expected)
}

/// Hashes a file a megabyte at a time, so that a 150 MB file is never held in memory twice.
fn hash_stream(file: &mut File) -> io::Result<u128> {
    let mut hasher = Xxh3::new();
    let mut buffer = vec![0; 1 << 20];
    loop {
        match file.read(&mut buffer) {
            Ok(0) => return Ok(hasher.digest128()),
            Ok(n) => hasher.update(&buffer[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_is_hashed_as_the_whole_would_be() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("f");
        fs::write(&path, b"hello world").unwrap();
        let mut file = File::open(&path).unwrap();
        assert_eq!(hash_stream(&mut file).unwrap(), hash(b"hello world"));
        assert_ne!(hash(b"hello world"), hash(b"hello worle"));
    }
}
