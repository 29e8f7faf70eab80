//! File-system building blocks: private directories, 0600 temporary files, atomic replacement.

use std::fs::{self, DirBuilder, File, OpenOptions, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Mode of every directory the store creates: the data is personal.
pub(crate) const DIR_MODE: u32 = 0o700;
/// Mode of every file the store writes.
pub(crate) const FILE_MODE: u32 = 0o600;

/// Prefix of every temporary file the store makes, so that leftovers can be recognised.
pub(crate) const TEMP_PREFIX: &str = ".cercle";
/// Marker inside temporary file names.
pub(crate) const TEMP_MARK: &str = ".tmp-";

/// Creates `dir` (and its parents) with mode 0700 if it does not exist.
///
/// An existing directory is left as it is here: the data directory is made private when the
/// store opens it, and only if it is Cercle's ([`tighten`]).
pub(crate) fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    DirBuilder::new()
        .recursive(true)
        .mode(DIR_MODE)
        .create(dir)?;
    // The umask may have changed the mode; set it exactly.
    fs::set_permissions(dir, Permissions::from_mode(DIR_MODE))
}

/// Makes an existing data directory readable by its owner only, as a new one is (an earlier
/// version, a copy or a hand-made folder may have left it open to others). Only a directory
/// that is Cercle's (its data file in it, or nothing yet): a `--data-dir`
/// pointed at a folder that holds other things keeps its mode. Best effort, as git's files are.
pub(crate) fn tighten(dir: &Path) {
    use std::os::unix::fs::MetadataExt;
    let Ok(meta) = fs::symlink_metadata(dir) else {
        return;
    };
    // Someone else's folder refuses the change: that is the best effort's limit.
    let open_to_others = meta.mode() & 0o077 != 0;
    if !meta.is_dir() || !open_to_others {
        return;
    }
    // The data file is there in either layout (the index of a split one): a folder that only
    // holds a `cercle/` of another kind (a clone of some project) is not taken for ours.
    let ours = fs::symlink_metadata(dir.join(super::DATA_FILE)).is_ok_and(|m| m.is_file())
        || fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none());
    if ours {
        let _ = fs::set_permissions(dir, Permissions::from_mode(DIR_MODE));
    }
}

/// Opens `path`, one of Cercle's own files, without following a symbolic link in its place:
/// a link planted there (by hand, or by a teammate through sync) would make Cercle read,
/// truncate or chmod whatever file it points to. Such a link fails with [`is_link_error`].
pub(crate) fn open_own(path: &Path, options: &mut OpenOptions) -> io::Result<File> {
    options.custom_flags(libc::O_NOFOLLOW).open(path)
}

/// Whether an open by [`open_own`] failed because the file is a symbolic link.
pub(crate) fn is_link_error(e: &io::Error) -> bool {
    e.raw_os_error() == Some(libc::ELOOP)
}

/// Creates `dir`, a folder of Cercle's own inside the data directory (`backups/`), like
/// [`create_private_dir`]; a symbolic link in its place fails as [`open_own`] does, instead of
/// taking Cercle's files (and their rotation, which deletes) into wherever it points.
pub(crate) fn create_own_dir(dir: &Path) -> io::Result<()> {
    if fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(io::Error::from_raw_os_error(libc::ELOOP));
    }
    create_private_dir(dir)
}

/// Syncs a directory, so that a rename or a new link inside it survives a power cut.
pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Swaps the directory entries `a` and `b` in one step, so that each name always names one of
/// the two. `Ok(false)` when the file system cannot (then nothing moved).
pub(crate) fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(e)
            if [
                rustix::io::Errno::INVAL,
                rustix::io::Errno::NOSYS,
                rustix::io::Errno::NOTSUP,
            ]
            .contains(&e) =>
        {
            Ok(false)
        }
        Err(e) => Err(e.into()),
    }
}

/// Whether `name` is a temporary file left behind by a store write.
pub(crate) fn is_temp_name(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.contains(TEMP_MARK)
}

/// Removes leftover temporary files in `dir`; returns how many were removed.
///
/// Only call this while holding the lock: then no other writer can be mid-save.
pub(crate) fn remove_temp_files(dir: &Path) -> usize {
    // A directory we cannot list has no leftovers we could remove; the next write will report
    // the real problem with a proper message.
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_str().is_some_and(is_temp_name))
        .filter(|e| {
            // A backup set being gathered is a folder; a link is removed, never followed.
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                fs::remove_dir_all(e.path()).is_ok()
            } else {
                fs::remove_file(e.path()).is_ok()
            }
        })
        .count()
}

/// Creates a new private folder `.cercle-<what>.tmp-<pid>-<n>` in `dir`, a leftover if a crash
/// stops its use (removed at the next open).
pub(crate) fn temp_dir(dir: &Path, what: &str) -> io::Result<PathBuf> {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let pid = std::process::id();
    for _ in 0..100 {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!("{TEMP_PREFIX}-{what}{TEMP_MARK}{pid}-{n}"));
        match DirBuilder::new().mode(DIR_MODE).create(&path) {
            Ok(()) => {
                fs::set_permissions(&path, Permissions::from_mode(DIR_MODE))?;
                return Ok(path);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "could not find a free temporary folder name",
    ))
}

/// A new 0600 file beside its final place; it is deleted on drop unless persisted.
pub(crate) struct TempFile {
    file: File,
    path: PathBuf,
    armed: bool,
}

impl TempFile {
    /// Creates `.<final_name>.tmp-<pid>-<n>` in `dir` with `create_new`, so it never reuses a file.
    pub(crate) fn create(dir: &Path, final_name: &str) -> io::Result<Self> {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let pid = std::process::id();
        // Names from this process are unique; a collision can only be a leftover of a dead
        // process with the same pid, so a few retries always suffice.
        for _ in 0..100 {
            let n = NEXT.fetch_add(1, Ordering::Relaxed);
            let path = dir.join(format!(".{final_name}{TEMP_MARK}{pid}-{n}"));
            match OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(FILE_MODE)
                .open(&path)
            {
                Ok(file) => {
                    let temp = Self {
                        file,
                        path,
                        armed: true,
                    };
                    // The umask may have narrowed the mode; make it exact.
                    temp.file
                        .set_permissions(Permissions::from_mode(FILE_MODE))?;
                    return Ok(temp);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e),
            }
        }
        Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "could not find a free temporary file name",
        ))
    }

    /// Writes all of `bytes` and syncs them to the disk.
    pub(crate) fn write_synced(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.file.write_all(bytes)?;
        self.file.sync_all()
    }

    /// The open file, e.g. to copy into it.
    pub(crate) fn file_mut(&mut self) -> &mut File {
        &mut self.file
    }

    /// The open file: after [`TempFile::persist`] it is the file at its final place.
    pub(crate) fn file(&self) -> &File {
        &self.file
    }

    /// Where the temporary file is.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Keeps the file when dropped: a journal now names it, and it must outlive a failure.
    pub(crate) fn keep(&mut self) {
        self.armed = false;
    }

    /// Renames the file over `dest` (atomic on one file system); it is no longer deleted on drop.
    pub(crate) fn persist(&mut self, dest: &Path) -> io::Result<()> {
        fs::rename(&self.path, dest)?;
        self.armed = false;
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if self.armed {
            // Best effort: a leftover is removed at the next open anyway.
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Writes `bytes` to `dir/name` atomically (temporary file, sync, rename, sync the directory).
pub(crate) fn write_atomic(
    dir: &Path,
    name: &(impl AsRef<std::ffi::OsStr> + ?Sized),
    bytes: &[u8],
) -> io::Result<PathBuf> {
    let dest = dir.join(name.as_ref());
    // The temporary file's name only has to be unique; the final name keeps its bytes.
    let mut temp = TempFile::create(dir, &name.as_ref().to_string_lossy())?;
    temp.write_synced(bytes)?;
    temp.persist(&dest)?;
    sync_dir(dir)?;
    Ok(dest)
}

/// Copies `src` to `dir/name` atomically, streaming so a big file is never held twice in memory.
pub(crate) fn copy_atomic(src: &Path, dir: &Path, name: &str) -> io::Result<PathBuf> {
    let dest = dir.join(name);
    let mut from = File::open(src)?;
    let mut temp = TempFile::create(dir, name)?;
    io::copy(&mut from, temp.file_mut())?;
    temp.file().sync_all()?;
    temp.persist(&dest)?;
    sync_dir(dir)?;
    Ok(dest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn exchange_swaps_two_folders_and_moves_nothing_when_one_is_missing() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
        for (dir, text) in [(&a, "first"), (&b, "second")] {
            fs::create_dir(dir).unwrap();
            fs::write(dir.join("f"), text).unwrap();
        }
        assert!(exchange(&a, &b).unwrap());
        let read = |dir: &Path| fs::read_to_string(dir.join("f")).unwrap();
        assert_eq!((read(&a), read(&b)), ("second".into(), "first".into()));
        let missing = tmp.path().join("missing");
        assert!(exchange(&a, &missing).is_err());
        assert_eq!(read(&a), "second");
    }

    #[test]
    fn an_open_data_directory_is_made_private_and_a_folder_of_other_things_is_left_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("data");
        fs::create_dir(&data).unwrap();
        fs::write(data.join(crate::store::DATA_FILE), b"{}").unwrap();
        let empty = tmp.path().join("empty");
        fs::create_dir(&empty).unwrap();
        let other = tmp.path().join("other");
        fs::create_dir(&other).unwrap();
        fs::write(other.join("notes.txt"), b"x").unwrap();
        // A folder that holds a `cercle/` of another kind (a clone of some project) is not ours.
        fs::create_dir(other.join(crate::store::DOCS_DIR)).unwrap();
        for dir in [&data, &empty, &other] {
            fs::set_permissions(dir, Permissions::from_mode(0o755)).unwrap();
        }
        // The data directory through the store's own opening; the others as it would.
        drop(crate::store::Store::open(&data).unwrap());
        tighten(&empty);
        tighten(&other);
        assert_eq!(
            (mode(&data), mode(&empty), mode(&other)),
            (0o700, 0o700, 0o755)
        );
    }

    #[test]
    fn private_dir_is_0700_with_its_parents() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a/b");
        create_private_dir(&dir).unwrap();
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&tmp.path().join("a")), 0o700);
    }

    #[test]
    fn temp_file_is_removed_unless_persisted() {
        let tmp = tempfile::tempdir().unwrap();
        {
            let mut file = TempFile::create(tmp.path(), "cercle.json").unwrap();
            file.write_synced(b"abc").unwrap();
            assert_eq!(mode(&file.path), 0o600);
            assert!(is_temp_name(
                file.path.file_name().unwrap().to_str().unwrap()
            ));
        }
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 0);

        let dest = write_atomic(tmp.path(), "cercle.json", b"abc").unwrap();
        assert_eq!(fs::read(&dest).unwrap(), b"abc");
        assert_eq!(mode(&dest), 0o600);
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
    }

    #[test]
    fn only_our_temp_files_are_removed() {
        let tmp = tempfile::tempdir().unwrap();
        for name in [
            ".cercle.json.tmp-1-0",
            ".cercle-x.json.tmp-2-5",
            "notes.tmp-1",
            ".other.tmp-1",
        ] {
            fs::write(tmp.path().join(name), b"x").unwrap();
        }
        assert_eq!(remove_temp_files(tmp.path()), 2);
        assert!(tmp.path().join("notes.tmp-1").exists());
        assert!(tmp.path().join(".other.tmp-1").exists());
    }
}
