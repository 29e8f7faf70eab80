//! The store: Cercle's state as JSON documents in a private data directory: a small index,
//! `cercle.json`, one document per cohort and the people in shards (`store::layout`); a
//! directory an earlier Cercle kept as one file is converted at its first open.
//!
//! Crash safety rests on a few rules. One writer at a time (an OS lock on `cercle.lock`). No
//! document is ever written in place: a save writes each changed one to a 0600 temporary file
//! beside it, syncs it, keeps the previous versions in `backups/`, and a journal renamed into
//! place makes them all replace the old ones at once (`store::journal`), so a crash leaves the
//! state before the save or after it. A document that cannot be read is never overwritten: it
//! is copied aside and saves are refused until a backup is restored. A document changed by
//! another program since it was read is not overwritten without asking.
//!
//! The store does I/O but knows nothing of the terminal; it sits just above [`crate::domain`].

mod backup;
mod base;
mod error;
mod fault;
mod fsio;
mod journal;
mod layout;
mod lock;
pub mod logbook;
mod migrate;
mod parse;
mod parts;
mod read;
mod reading;
mod recovery;
mod save;
mod scrub;
mod seen;
mod sets;
pub mod shelf;
mod split;
mod tree;

pub use backup::{BACKUP_DIR, BackupInfo, BackupKind, KEEP_DAYS, KEEP_LAST, backups_to_keep};
pub use error::{SaveStep, StoreError};
pub use fault::{Fault, Located};
pub use journal::JOURNAL_FILE;
pub use layout::{DOCS_DIR, SPLIT_VERSION};
pub use lock::LOCK_FILE;
pub use parse::{Unreadable, describe};
pub use parts::{
    change_index, document_bytes, document_data, document_kind, document_of, index_naming,
    named_documents, partial_data, person_document, split_documents,
};
pub use recovery::{RECOVERY_FILE, Recovery, discard_recovery, read_recovery, write_recovery};
pub use scrub::Rewritten;

use crate::domain::{Data, SCHEMA_VERSION};
use migrate::{MIGRATIONS, Migration};
use parse::Document;
use seen::{Fingerprint, Seen, fingerprint};
use std::ffi::OsString;
use std::fs::{self, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

/// How many times a reader without the lock reads a split directory again when a save changed
/// it meanwhile.
const RETRIES: usize = 20;

/// Name of the data file in the data directory.
pub const DATA_FILE: &str = "cercle.json";
/// Environment variable naming the data directory when `--data-dir` is not given.
pub const DATA_DIR_ENV: &str = "CERCLE_DATA_DIR";
/// Prefix of the byte-identical copies of damaged files, followed by a UTC time.
pub const QUARANTINE_PREFIX: &str = "cercle.json.corrupt-";

/// Picks the data directory: the `--data-dir` flag, else `CERCLE_DATA_DIR`, else the platform's
/// data directory (`~/.local/share/cercle` on Linux).
pub fn resolve_data_dir(flag: Option<PathBuf>) -> Result<PathBuf, StoreError> {
    resolve_data_dir_from(flag, std::env::var_os(DATA_DIR_ENV), || {
        directories::ProjectDirs::from("", "", "cercle").map(|d| d.data_dir().to_path_buf())
    })
}

/// [`resolve_data_dir`] with the environment and the platform passed in, for tests.
fn resolve_data_dir_from(
    flag: Option<PathBuf>,
    env: Option<OsString>,
    platform: impl FnOnce() -> Option<PathBuf>,
) -> Result<PathBuf, StoreError> {
    // An empty value means "not set", as shells make it easy to export an empty variable.
    let given = |p: &PathBuf| !p.as_os_str().is_empty();
    flag.filter(given)
        .or_else(|| env.map(PathBuf::from).filter(given))
        .or_else(platform)
        .ok_or(StoreError::NoDataDir)
}

/// Whether `dir` keeps the split layout (its `cercle.json` is an index of data version 3): read
/// from the file's first bytes when Cercle wrote it.
pub fn is_split_dir(dir: &Path) -> bool {
    let Ok(mut file) = fsio::open_own(&dir.join(DATA_FILE), OpenOptions::new().read(true)) else {
        return false;
    };
    let mut head = [0; 256];
    let Ok(n) = io::Read::read(&mut file, &mut head) else {
        return false;
    };
    if let Some(version) = layout::said_first(&head[..n]) {
        return version == SPLIT_VERSION;
    }
    // Not written by Cercle: the whole document says.
    let mut bytes = head[..n].to_vec();
    io::Read::read_to_end(&mut file, &mut bytes).is_ok_and(|_| layout::is_index(&bytes))
}

/// Whether `bytes` are an index of the split layout rather than a whole data file.
pub fn is_index(bytes: &[u8]) -> bool {
    layout::is_index(bytes)
}

/// Serialises `data` the way the store writes it: indented, so that a line number in an error
/// means something to a person, with a final newline.
pub fn to_json(data: &Data) -> Result<Vec<u8>, StoreError> {
    let mut json = serde_json::to_vec_pretty(data).map_err(StoreError::Serialize)?;
    json.push(b'\n');
    Ok(json)
}

/// Reads bytes written by [`to_json`] (or by an older Cercle, upgraded) without any file: for
/// data that does not come from `cercle.json` (a recovery file, a bundle, a fuzzer). A file of
/// a newer version is refused, since writing it back would lose what this version ignores.
pub fn from_json(bytes: &[u8]) -> Result<Data, Unreadable> {
    match parse::read_document(bytes, MIGRATIONS)? {
        Document::Current(data) | Document::Upgraded { data, .. } => Ok(data),
        Document::Future { found, .. } => Err(Unreadable::TooNew { found }),
    }
}

/// How far a load got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadProgress {
    /// Reading bytes from the disk.
    Reading {
        /// Bytes read so far.
        done: u64,
        /// The file's size.
        total: u64,
    },
    /// All read; building the records.
    Parsing {
        /// The file's size.
        total: u64,
    },
}

/// Why a store refuses to write `cercle.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// Opened with [`Store::open_read_only`]: no lock is held, nothing is written.
    Requested,
    /// The file was written by a newer Cercle.
    FutureSchema {
        /// The version in the file.
        found: u32,
        /// The newest version this build understands.
        supported: u32,
    },
    /// The file is damaged; restoring a backup lifts this.
    Damaged,
    /// The data directory cannot be written (a read-only disk or folder): no lock is held.
    NotWritable(String),
}

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveReport {
    /// The file written.
    pub path: PathBuf,
    /// How many bytes were written.
    pub bytes: usize,
    /// Where the previous version was kept, if there was one.
    pub backup: Option<PathBuf>,
    /// Old backups removed by rotation.
    pub pruned: Vec<PathBuf>,
    /// Things that went wrong after the new file was safely in place (e.g. rotation failed).
    pub warnings: Vec<String>,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    /// The restored data, upgraded if the backup was older.
    pub data: Data,
    /// Where the file it replaced was kept, if there was one.
    pub previous: Option<PathBuf>,
}

/// An open data directory. Holding a (writable) `Store` holds the directory's lock.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    data_path: PathBuf,
    _lock: Option<lock::DirLock>,
    read_only: Option<ReadOnlyReason>,
    /// `cercle.json` as last loaded or saved; `None` when there was none.
    seen: Option<Seen>,
    migrations: &'static [Migration],
    /// The documents of a split directory; `None` for a one-file directory.
    tree: Option<tree::Tree>,
    /// Where the one file was kept, when the last load converted the directory.
    converted: Option<PathBuf>,
    /// Whether loads screen each document for `check` (see [`Store::screening`]).
    screen: tree::Screen,
}

impl Store {
    /// Opens `dir` for reading and writing: creates it (0700), takes the lock, and removes the
    /// temporary files a crashed save may have left.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        fsio::create_private_dir(dir).map_err(StoreError::io("create the data directory", dir))?;
        fsio::tighten(dir);
        let lock = lock::acquire(dir)?;
        // Holding the lock: a save a crash interrupted after its journal is finished, and any
        // temporary file is a leftover, as no one else can be mid-save.
        tree::recover(dir)?;
        fsio::remove_temp_files(dir);
        fsio::remove_temp_files(&dir.join(BACKUP_DIR));
        Self::new(dir, Some(lock), None)
    }

    /// Opens `dir` for writing like [`Store::open`]; when the directory exists but cannot be
    /// written (a read-only disk, a folder of someone else's), opens it read-only instead, so that
    /// the data can still be read and copied elsewhere. The reason says which.
    pub fn open_or_read_only(dir: &Path) -> Result<Self, StoreError> {
        // A file is created and removed before anything else: a directory that refuses it is
        // opened read-only with nothing written, not even the lock file (which may be writable
        // in a directory that is not, left by an earlier run).
        if dir.is_dir()
            && let Err(e) = fsio::TempFile::create(dir, "cercle-probe")
            && matches!(
                e.kind(),
                io::ErrorKind::ReadOnlyFilesystem | io::ErrorKind::PermissionDenied
            )
        {
            return Self::new(dir, None, Some(ReadOnlyReason::NotWritable(e.to_string())));
        }
        Self::open(dir)
    }

    /// Opens `dir` without the lock (another instance may hold it); every save is refused.
    pub fn open_read_only(dir: &Path) -> Result<Self, StoreError> {
        Self::new(dir, None, Some(ReadOnlyReason::Requested))
    }

    fn new(
        dir: &Path,
        lock: Option<lock::DirLock>,
        read_only: Option<ReadOnlyReason>,
    ) -> Result<Self, StoreError> {
        let data_path = dir.join(DATA_FILE);
        Ok(Self {
            dir: dir.to_path_buf(),
            // Before a load only the metadata is known; a link in the file's place is refused.
            seen: fingerprint(&data_path)?.map(|meta| Seen { meta, hash: None }),
            data_path,
            _lock: lock,
            read_only,
            migrations: MIGRATIONS,
            tree: None,
            converted: None,
            screen: tree::Screen::Off,
        })
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The data file, `cercle.json`.
    pub fn data_path(&self) -> &Path {
        &self.data_path
    }

    /// Whether saves are refused.
    pub fn is_read_only(&self) -> bool {
        self.read_only.is_some()
    }

    /// Why saves are refused, if they are.
    pub fn read_only_reason(&self) -> Option<&ReadOnlyReason> {
        self.read_only.as_ref()
    }

    fn backups_dir(&self) -> PathBuf {
        self.dir.join(BACKUP_DIR)
    }

    fn writable(&self) -> bool {
        !matches!(
            self.read_only,
            Some(ReadOnlyReason::Requested | ReadOnlyReason::NotWritable(_))
        )
    }

    /// Sets or clears the refusal that comes from the file's content; a refusal that comes from
    /// how the store was opened always stays.
    fn set_file_state(&mut self, reason: Option<ReadOnlyReason>) {
        if self.writable() {
            self.read_only = reason;
        }
    }

    /// Reads `cercle.json`: `Ok(None)` if there is none yet.
    ///
    /// A damaged file fails with [`StoreError::Damaged`] and is never overwritten; a newer
    /// version makes the store read-only; an older one is upgraded after keeping a backup.
    pub fn load(&mut self) -> Result<Option<Data>, StoreError> {
        self.load_with_progress(&mut |_| {})
    }

    /// [`Store::load`], telling `progress` how far it got, so that a large file shows progress
    /// instead of a frozen screen.
    pub fn load_with_progress(
        &mut self,
        progress: &mut dyn FnMut(LoadProgress),
    ) -> Result<Option<Data>, StoreError> {
        // Without the lock, a save may run while the documents of a split directory are read:
        // they are read again until none of them changed during the reading, so that the data
        // is one save's, never a mix.
        let mut loaded = self.load_once(progress);
        for _ in 0..RETRIES {
            if self.writable() || !self.tree_moved() {
                break;
            }
            loaded = self.load_once(progress);
        }
        loaded
    }

    fn load_once(
        &mut self,
        progress: &mut dyn FnMut(LoadProgress),
    ) -> Result<Option<Data>, StoreError> {
        let path = self.data_path.clone();
        self.converted = None;
        if self.screen != tree::Screen::Off {
            self.screen = tree::Screen::On;
        }
        // Without the lock, a save may be in flight: its journal says what to read instead.
        let pending = if self.writable() {
            std::collections::HashMap::new()
        } else {
            tree::pending(&self.dir)
        };
        let source = match pending.get(DATA_FILE) {
            Some(Some(instead)) => instead.clone(),
            _ => path.clone(),
        };
        let mut file = match fsio::open_own(&source, OpenOptions::new().read(true)) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                self.seen = None;
                self.tree = None;
                self.set_file_state(None);
                return Ok(None);
            }
            Err(e) => return Err(StoreError::own("open", &path)(e)),
        };
        // The fingerprint comes from the open file, so it describes exactly the bytes read.
        let meta = file.metadata().map_err(StoreError::io("inspect", &path))?;
        let total = meta.len();
        let bytes = read::read_all(&mut file, total, &mut |done| {
            progress(LoadProgress::Reading { done, total });
        })
        .map_err(StoreError::io("read", &path))?;
        progress(LoadProgress::Parsing { total });
        self.seen = Some(Seen {
            meta: Fingerprint::from(&meta),
            hash: Some(seen::hash(&bytes)),
        });
        if layout::is_index(&bytes) {
            let data = self.load_tree(&bytes, Fingerprint::from(&meta), &pending)?;
            self.set_file_state(None);
            return Ok(Some(data));
        }
        self.tree = None;

        match parse::read_document(&bytes, self.migrations) {
            Ok(Document::Current(data)) => {
                self.set_file_state(None);
                Ok(Some(self.convert(data, SCHEMA_VERSION)))
            }
            Ok(Document::Upgraded { data, from }) => {
                self.set_file_state(None);
                Ok(Some(self.convert(data, from)))
            }
            Ok(Document::Future { data, found }) => {
                self.set_file_state(Some(ReadOnlyReason::FutureSchema {
                    found,
                    supported: SPLIT_VERSION,
                }));
                Ok(Some(data))
            }
            Err(Unreadable::TooNew { found }) => {
                self.set_file_state(Some(ReadOnlyReason::FutureSchema {
                    found,
                    supported: SPLIT_VERSION,
                }));
                Err(StoreError::TooNew {
                    path,
                    found,
                    supported: SPLIT_VERSION,
                })
            }
            Err(damaged @ Unreadable::Damaged { .. }) => {
                Err(self.damaged_document(DATA_FILE, &bytes, damaged))
            }
        }
    }

    /// The backups, newest first.
    pub fn backups(&self) -> Result<Vec<BackupInfo>, StoreError> {
        let dir = self.backups_dir();
        backup::list(&dir).map_err(StoreError::io("list the backups in", &dir))
    }

    /// The newest backup that reads as a Cercle file this version can open.
    pub fn newest_valid_backup(&self) -> Option<BackupInfo> {
        self.backups().ok()?.into_iter().find(|b| {
            if backup::is_set_name(&b.name) {
                return sets::read(&b.path).is_ok();
            }
            fs::read(&b.path).is_ok_and(|bytes| {
                matches!(
                    parse::read_document(&bytes, self.migrations),
                    Ok(Document::Current(_) | Document::Upgraded { .. })
                )
            })
        })
    }
}

/// Sets `bytes`, the damaged document `file`, aside in `dir` as `cercle.json.corrupt-<UTC time>`
/// (followed by the document's name when it is not the index, so that the copy says what it is
/// a copy of), or finds an identical copy made earlier, so that opening a damaged file again
/// does not pile up copies.
fn quarantine(dir: &Path, file: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    // The document's name, cut so that the copy's name stays well under the system's limit.
    let of = Path::new(file)
        .file_stem()
        .and_then(|stem| stem.to_str())
        .filter(|_| file != DATA_FILE)
        .map_or_else(String::new, |stem| {
            let cut = stem.char_indices().nth(64).map_or(stem.len(), |(at, _)| at);
            format!("-{}", &stem[..cut])
        });
    // A copy of this document: the prefix, a time (16 characters), its name, and a counter.
    let of_this = |name: &str| {
        name.strip_prefix(QUARANTINE_PREFIX)
            .and_then(|rest| rest.get(16..))
            .and_then(|rest| rest.strip_prefix(of.as_str()))
            .is_some_and(|n| {
                n.is_empty()
                    || n.strip_prefix('.')
                        .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
            })
    };
    for entry in fs::read_dir(dir)?.filter_map(Result::ok) {
        let is_copy = entry.file_name().to_str().is_some_and(of_this);
        if is_copy
            && entry
                .metadata()
                .is_ok_and(|m| m.len() == bytes.len() as u64)
            && fs::read(entry.path()).is_ok_and(|b| b == bytes)
        {
            return Ok(entry.path());
        }
    }
    let stamp = crate::domain::clock::now().format("%Y%m%dT%H%M%SZ");
    let mut name = format!("{QUARANTINE_PREFIX}{stamp}{of}");
    let mut n = 1;
    while dir.join(&name).exists() {
        n += 1;
        name = format!("{QUARANTINE_PREFIX}{stamp}{of}.{n}");
    }
    fsio::write_atomic(dir, &name, bytes)
}

impl ReadOnlyReason {
    /// Why, in the user's language.
    pub fn in_lang(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::{Msg, fill};
        match self {
            Self::Requested => Msg::ReadOnlyRequested.text(lang).to_owned(),
            Self::FutureSchema { found, supported } => fill(
                Msg::ReadOnlyFuture.text(lang),
                &[
                    ("found", &found.to_string()),
                    ("supported", &supported.to_string()),
                ],
            ),
            Self::Damaged => Msg::ReadOnlyDamaged.text(lang).to_owned(),
            Self::NotWritable(why) => fill(Msg::ReadOnlyNotWritable.text(lang), &[("reason", why)]),
        }
    }
}

impl std::fmt::Display for ReadOnlyReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Requested => f.write_str("opened read-only (--read-only): nothing will be saved"),
            Self::FutureSchema { found, supported } => write!(
                f,
                "written by a newer Cercle (format {found}, this one knows {supported}): opened read-only; update Cercle to change it"
            ),
            Self::Damaged => f.write_str(
                "the data file is damaged: nothing will be saved until a backup is restored (cercle backups, cercle restore NAME)",
            ),
            Self::NotWritable(why) => write!(
                f,
                "the data directory cannot be written ({why}): opened read-only, nothing will be saved; save a copy elsewhere"
            ),
        }
    }
}

/// A symbolic link in the data directory `dir` where Cercle keeps its own file (the data file,
/// the lock, the recovery file, `backups/`, the split layout's folder and journal), refused before anything is opened: the command
/// line and the app say so at once, in the user's language, instead of failing deeper down.
pub fn planted_link(dir: &Path) -> Option<StoreError> {
    [
        DATA_FILE,
        lock::LOCK_FILE,
        RECOVERY_FILE,
        BACKUP_DIR,
        layout::DOCS_DIR,
        journal::JOURNAL_FILE,
    ]
    .into_iter()
    .map(|name| dir.join(name))
    .find(|path| fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()))
    .map(|path| StoreError::Link { path })
}

/// Whether `path` is one of the files Cercle keeps for itself in data directory `dir`: the data
/// file, its lock, recovery and damaged copies, temporary files, backups, the copies kept of
/// bundles, and the sync's git files. An export written there would destroy them.
pub fn is_own_file(dir: &Path, path: &Path) -> bool {
    let (Some(dir), Some(path)) = (resolved(dir), resolved(path)) else {
        return false;
    };
    let Ok(inside) = path.strip_prefix(&dir) else {
        return false;
    };
    let mut parts = inside.components().map(|c| c.as_os_str().to_string_lossy());
    let first = parts.next().unwrap_or_default();
    let nested = parts.next().is_some();
    if nested {
        return [backup::BACKUP_DIR, layout::DOCS_DIR, "bundles", ".git"].contains(&first.as_ref());
    }
    first.starts_with("cercle.")
        || first == shelf::SHELF_FILE
        || first == shelf::OUTLINES_FILE
        || first.starts_with(fsio::TEMP_PREFIX)
        || [".gitattributes", ".gitignore"].contains(&first.as_ref())
}

/// Whether `a` and `b` name the same file once resolved as [`is_own_file`] resolves them.
fn same_file(a: &Path, b: &Path) -> bool {
    resolved(a).is_some_and(|a| resolved(b) == Some(a))
}

/// `path` made absolute through its nearest existing folder, links followed, `..` resolved.
fn resolved(path: &Path) -> Option<PathBuf> {
    // `..` is resolved as the kernel does: after following the links of the folders before it
    // (`link/..` is the parent of the link's target, not the folder holding the link). Past a
    // folder that does not exist yet it is taken as text, so that `new/../cercle.json` cannot
    // hide the data file behind a folder that `-o` might create.
    let mut absolute = PathBuf::new();
    for part in std::path::absolute(path).ok()?.components() {
        match part {
            std::path::Component::ParentDir => {
                if let Ok(real) = fs::canonicalize(&absolute) {
                    absolute = real;
                }
                absolute.pop();
            }
            std::path::Component::CurDir => {}
            other => absolute.push(other),
        }
    }
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = fs::canonicalize(existing) {
            return Some(rest.iter().rev().fold(real, |p, part| p.join(part)));
        }
        rest.push(existing.file_name()?.to_owned());
        existing = existing.parent()?;
    }
}

/// Writes a small private file (0600) atomically, creating its directory (0700) if needed:
/// for settings and temporary notes, which hold personal data too.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    // Any name Linux accepts, UTF-8 or not: the name is the user's, not Cercle's.
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"))?;
    fsio::create_private_dir(dir)?;
    fsio::write_atomic(dir, name, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cercles_own_files_are_told_from_exports() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        fs::create_dir_all(dir.join("backups")).unwrap();
        let link = tmp.path().join("link");
        std::os::unix::fs::symlink(&dir, &link).unwrap();
        for own in [
            dir.join("cercle.json"),
            dir.join("cercle.lock"),
            dir.join("cercle.recovery.json"),
            dir.join(".cercle-save.tmp-1"),
            dir.join("backups").join("anything.ics"),
            dir.join("cercle").join("cohorts").join("c-1.json"),
            dir.join("cercle.journal.json"),
            dir.join(shelf::SHELF_FILE),
            dir.join(shelf::OUTLINES_FILE),
            dir.join("bundles").join("new").join("x.json"),
            dir.join(".git").join("config"),
            dir.join("not-yet").join("..").join("cercle.json"),
            link.join("cercle.json"),
        ] {
            assert!(is_own_file(&dir, &own), "{}", own.display());
        }
        for export in [
            dir.join("exports").join("calendar.ics"),
            dir.join("notes.csv"),
            tmp.path().join("cercle.json"),
        ] {
            assert!(!is_own_file(&dir, &export), "{}", export.display());
        }
    }

    #[test]
    fn data_dir_flag_then_env_then_platform() {
        let platform = || Some(PathBuf::from("/home/u/.local/share/cercle"));
        let flag = Some(PathBuf::from("/flag"));
        let env = Some(OsString::from("/env"));
        let pick = |f: Option<PathBuf>, e: Option<OsString>| {
            resolve_data_dir_from(f, e, platform).unwrap()
        };
        assert_eq!(pick(flag.clone(), env.clone()), PathBuf::from("/flag"));
        assert_eq!(pick(None, env.clone()), PathBuf::from("/env"));
        assert_eq!(pick(Some(PathBuf::new()), env), PathBuf::from("/env"));
        assert_eq!(
            pick(None, Some(OsString::new())),
            PathBuf::from("/home/u/.local/share/cercle")
        );
        assert!(matches!(
            resolve_data_dir_from(None, None, || None),
            Err(StoreError::NoDataDir)
        ));
    }

    #[test]
    fn store_can_move_to_a_worker_thread() {
        fn assert_send<T: Send>() {}
        assert_send::<Store>();
        assert_send::<StoreError>();
    }

    #[test]
    fn an_older_file_is_kept_then_converted_at_its_first_open() {
        let tmp = tempfile::tempdir().unwrap();
        let original = br#"{"schema_version": 0, "title": "T", "provider": "P"}"#;
        fs::write(tmp.path().join(DATA_FILE), original).unwrap();
        let mut store = Store::open(tmp.path()).unwrap();
        store.migrations = migrate::tests::TEST_MIGRATIONS;

        let data = store.load().unwrap().unwrap();
        assert_eq!(data.schema_version, SCHEMA_VERSION);
        assert_eq!(data.programme.title, "T");
        assert!(!store.is_read_only());
        // Converted at once: the index is in place, the original kept as it was.
        assert!(store.is_split() && is_split_dir(tmp.path()));
        let backups = store.backups().unwrap();
        assert_eq!(backups.len(), 1);
        assert_eq!(backups[0].kind, BackupKind::BeforeUpgrade { from: 0 });
        assert_eq!(fs::read(&backups[0].path).unwrap(), original);
        // Opening it again converts nothing more and keeps no second copy.
        assert_eq!(store.load().unwrap(), Some(data.clone()));
        assert_eq!(store.backups().unwrap(), backups);

        // The pre-upgrade copy survives rotation.
        for _ in 0..KEEP_LAST + 2 {
            let mut next = data.clone();
            next.programme.title.push('+');
            store.save(&next).unwrap();
        }
        let kept = store.backups().unwrap();
        assert!(
            kept.iter()
                .any(|b| b.kind == BackupKind::BeforeUpgrade { from: 0 })
        );
        let mut store = Store::open_read_only(tmp.path()).unwrap();
        assert_eq!(store.load().unwrap().unwrap().programme.title, "T+");
    }
}
