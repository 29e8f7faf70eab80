//! Store errors: each one says what happened, to which file, and what the user can do about it.

use super::fault::Fault;
use crate::i18n::{Lang, Msg, fill};
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// The step of a save that failed; the data file is untouched whichever it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStep {
    /// Writing and syncing the temporary file beside the target.
    WriteTemp,
    /// Keeping the previous version in `backups/`.
    Backup,
    /// Renaming the temporary file over the target.
    Replace,
}

impl fmt::Display for SaveStep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::WriteTemp => "writing the temporary file",
            Self::Backup => "backing up the previous version",
            Self::Replace => "replacing the file",
        })
    }
}

/// Everything that can go wrong while reading or writing the data directory.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No data directory was given and none could be derived from the home directory.
    #[error(
        "Cannot find where to keep Cercle's data (no home directory). \
         Pass --data-dir DIR or set CERCLE_DATA_DIR."
    )]
    NoDataDir,

    /// Another process holds the lock of this data directory.
    #[error("{}", locked_message(*.pid, .path))]
    Locked {
        /// The holder's process id, if its lock file could be read.
        pid: Option<u32>,
        /// The lock file.
        path: PathBuf,
    },

    /// The store was opened read-only and refuses every write.
    #[error(
        "Cercle was opened read-only (--read-only), so {path} was not changed. \
         Save a copy elsewhere, or close Cercle and open it again without --read-only."
    )]
    ReadOnly {
        /// The data file that was not written.
        path: PathBuf,
    },

    /// The data file cannot be read; it was left untouched and a copy was set aside.
    #[error("{}", damaged_message(.path, *.line, *.column, .reason, .quarantine.as_deref(), .backup.as_deref()))]
    Damaged {
        /// The damaged file, left exactly as it was.
        path: PathBuf,
        /// 1-based line of the fault; 0 when the fault has no position (e.g. after an upgrade).
        line: usize,
        /// Column of the fault on that line; 0 when unknown or at the very start.
        column: usize,
        /// What is wrong (boxed: every error of the store is the size of its largest).
        reason: Box<Fault>,
        /// The byte-identical copy set aside, if one could be written (never in read-only mode).
        quarantine: Option<PathBuf>,
        /// The newest backup that reads correctly, to offer to `cercle restore`.
        backup: Option<PathBuf>,
    },

    /// The file was written by a newer Cercle: it was opened read-only and will not be overwritten.
    #[error(
        "{path} was written by a newer Cercle (data version {found}; this one supports \
         {supported}). It was opened read-only and will not be overwritten: update Cercle to edit it."
    )]
    FutureSchema {
        /// The data file.
        path: PathBuf,
        /// The version found in the file.
        found: u32,
        /// The newest version this build understands.
        supported: u32,
    },

    /// The file was written by a newer Cercle in a shape this one cannot read at all.
    #[error(
        "{path} was written by a newer Cercle (data version {found}; this one reads up to \
         {supported}) and cannot be read. It was left untouched: update Cercle to open it."
    )]
    TooNew {
        /// The data file.
        path: PathBuf,
        /// The version found in the file.
        found: u32,
        /// The newest version this build understands.
        supported: u32,
    },

    /// A save was refused because the data file is damaged and must not be overwritten.
    #[error(
        "{path} is damaged, so Cercle will not overwrite it. Restore a backup first \
         (cercle restore NAME), or save your work elsewhere."
    )]
    DamagedNotOverwritten {
        /// The damaged data file.
        path: PathBuf,
    },

    /// The data file changed on disk since it was last loaded or saved.
    #[error(
        "{path} was changed by another program since Cercle opened it. \
         Reload it, save elsewhere, or overwrite it."
    )]
    ChangedOnDisk {
        /// The data file.
        path: PathBuf,
    },

    /// No backup has that name.
    #[error("There is no backup named {name:?} in {dir}. List the backups to see their names.")]
    NoSuchBackup {
        /// The name asked for.
        name: String,
        /// The backups directory.
        dir: PathBuf,
    },

    /// The backup asked for cannot be restored.
    #[error("The backup {path} cannot be restored: {reason}. Choose another backup.")]
    BadBackup {
        /// The backup file.
        path: PathBuf,
        /// Why it cannot be used.
        reason: Fault,
    },

    /// The data directory cannot be written (a read-only disk or folder): saves are refused.
    #[error(
        "{path} was not changed: the data directory cannot be written ({reason}). \
         Save a copy elsewhere, or make the directory writable and open Cercle again."
    )]
    DirNotWritable {
        /// The data file that was not written.
        path: PathBuf,
        /// Why the directory cannot be written.
        reason: String,
    },

    /// "Save as" was pointed at the data file itself, which would bypass the store's checks.
    #[error("{path} is Cercle's own data file: save normally instead of saving a copy there.")]
    SameFile {
        /// The data file.
        path: PathBuf,
    },

    /// "Save as" was pointed at another of Cercle's own files (the lock, a backup, the recovery
    /// file): overwriting the lock would let a second writer in beside the app.
    #[error("{}", own_file_text(.path, .dir, crate::i18n::Lang::En))]
    OwnFile {
        /// The file aimed at.
        path: PathBuf,
        /// The data directory.
        dir: PathBuf,
    },

    /// One of Cercle's own files is a symbolic link: it was neither followed nor written.
    #[error("{}", link_text(.path, crate::i18n::Lang::En))]
    Link {
        /// The link.
        path: PathBuf,
    },

    /// A save failed; the target file was not changed.
    #[error("{}", save_message(*.step, .path, .source))]
    Save {
        /// Which step failed.
        step: SaveStep,
        /// The file being saved.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },

    /// Any other input/output failure.
    #[error("Could not {action} {path}: {source}. {}", io_advice(.source.kind()))]
    Io {
        /// What was being done, as a verb phrase ("read", "create the directory").
        action: &'static str,
        /// The file or directory concerned.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },

    /// The data could not be turned into JSON (nothing was written).
    #[error(
        "Could not turn the data into JSON: {0}. Nothing was written; your work is still in memory."
    )]
    Serialize(#[source] serde_json::Error),
}

impl StoreError {
    /// Wraps an I/O error with what was being done and where.
    pub(crate) fn io(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> Self + use<> {
        let path = path.to_path_buf();
        move |source| Self::Io {
            action,
            path,
            source,
        }
    }

    /// Wraps an error from opening one of Cercle's own files with [`super::fsio::open_own`]:
    /// a symbolic link in its place becomes [`StoreError::Link`].
    pub(crate) fn own(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> Self + use<> {
        let path = path.to_path_buf();
        move |source| {
            if super::fsio::is_link_error(&source) {
                Self::Link { path }
            } else {
                Self::Io {
                    action,
                    path,
                    source,
                }
            }
        }
    }

    /// The error in `lang` where the language tables have it, else as it displays.
    pub fn in_lang(&self, lang: Lang) -> String {
        let path_of = |path: &Path| path.display().to_string();
        let say = |msg: Msg, values: &[(&str, &str)]| fill(msg.text(lang), values);
        match self {
            Self::Link { path } => link_text(path, lang),
            Self::OwnFile { path, dir } => own_file_text(path, dir, lang),
            Self::SameFile { path } => say(Msg::OwnDataFileRefused, &[("path", &path_of(path))]),
            Self::NoDataDir => Msg::StoreNoDataDir.text(lang).to_owned(),
            Self::Locked {
                pid: Some(pid),
                path,
            } => say(
                Msg::StoreLocked,
                &[("pid", &pid.to_string()), ("path", &path_of(path))],
            ),
            Self::Locked { pid: None, path } => {
                say(Msg::StoreLockedUnknown, &[("path", &path_of(path))])
            }
            Self::ReadOnly { path } => say(Msg::StoreReadOnly, &[("path", &path_of(path))]),
            Self::Damaged {
                path,
                line,
                column,
                reason,
                quarantine,
                backup,
            } => damaged_text(
                path,
                (*line, *column),
                reason,
                quarantine.as_deref(),
                backup.as_deref(),
                lang,
            ),
            Self::FutureSchema {
                path,
                found,
                supported,
            } => say(
                Msg::StoreFutureSchema,
                &[
                    ("path", &path_of(path)),
                    ("found", &found.to_string()),
                    ("supported", &supported.to_string()),
                ],
            ),
            Self::TooNew {
                path,
                found,
                supported,
            } => say(
                Msg::StoreTooNew,
                &[
                    ("path", &path_of(path)),
                    ("found", &found.to_string()),
                    ("supported", &supported.to_string()),
                ],
            ),
            Self::DamagedNotOverwritten { path } => {
                say(Msg::StoreDamagedNotOverwritten, &[("path", &path_of(path))])
            }
            Self::ChangedOnDisk { path } => {
                say(Msg::StoreChangedOnDisk, &[("path", &path_of(path))])
            }
            Self::NoSuchBackup { name, dir } => say(
                Msg::StoreNoSuchBackup,
                &[("name", &format!("{name:?}")), ("dir", &path_of(dir))],
            ),
            Self::BadBackup { path, reason } => say(
                Msg::StoreBadBackup,
                &[("path", &path_of(path)), ("reason", &reason.say(lang))],
            ),
            Self::DirNotWritable { path, reason } => say(
                Msg::StoreDirNotWritable,
                &[("path", &path_of(path)), ("reason", reason)],
            ),
            Self::Save { step, path, source } => save_text(*step, path, source, lang),
            Self::Io {
                action,
                path,
                source,
            } => {
                let action = match *action {
                    "lock" => Msg::StoreActionLock.text(lang),
                    other => other,
                };
                say(
                    Msg::StoreIo,
                    &[
                        ("action", action),
                        ("path", &path_of(path)),
                        ("reason", &crate::i18n::io_reason(source, lang)),
                        ("advice", advice(source.kind()).text(lang)),
                    ],
                )
            }
            Self::Serialize(e) => say(Msg::StoreSerialize, &[("reason", &e.to_string())]),
        }
    }

    /// Wraps an I/O error from one step of a save.
    pub(crate) fn save(step: SaveStep, path: &Path) -> impl FnOnce(io::Error) -> Self + use<> {
        let path = path.to_path_buf();
        move |source| Self::Save { step, path, source }
    }
}

fn link_text(path: &Path, lang: crate::i18n::Lang) -> String {
    crate::i18n::fill(
        crate::i18n::Msg::OwnFileIsLink.text(lang),
        &[("path", &path.display().to_string())],
    )
}

fn own_file_text(path: &Path, dir: &Path, lang: crate::i18n::Lang) -> String {
    crate::i18n::fill(
        crate::i18n::Msg::OwnFileRefused.text(lang),
        &[
            ("path", &path.display().to_string()),
            ("dir", &dir.join("exports").display().to_string()),
        ],
    )
}

fn locked_message(pid: Option<u32>, path: &Path) -> String {
    let who = pid.map_or_else(
        || "another process".to_owned(),
        |pid| format!("process {pid}"),
    );
    format!(
        "Cercle is already open in {who} (lock: {}). Close it, or open read-only with --read-only.",
        path.display()
    )
}

fn damaged_message(
    path: &Path,
    line: usize,
    column: usize,
    reason: &Fault,
    quarantine: Option<&Path>,
    backup: Option<&Path>,
) -> String {
    let position = if line > 0 {
        format!(" (line {line}, column {column})")
    } else {
        String::new()
    };
    let copy = quarantine.map_or_else(String::new, |copy| {
        format!(" A copy was set aside as {}.", copy.display())
    });
    let restore = backup.and_then(Path::file_name).map_or_else(
        || {
            " No good backup was found: repair the file by hand, or start afresh with another \
             --data-dir."
                .to_owned()
        },
        |name| {
            format!(
                " Restore the newest good backup with: cercle restore {}",
                name.to_string_lossy()
            )
        },
    );
    format!(
        "{} is damaged and was not opened: {reason}{position}. It will not be overwritten.{copy}{restore}",
        path.display()
    )
}

fn save_message(step: SaveStep, path: &Path, source: &io::Error) -> String {
    let what = match source.kind() {
        io::ErrorKind::StorageFull => "No space left on the device",
        io::ErrorKind::QuotaExceeded => "Disk quota exceeded",
        io::ErrorKind::PermissionDenied => "Permission denied",
        io::ErrorKind::ReadOnlyFilesystem => "The disk is read-only",
        io::ErrorKind::FileTooLarge => "The file is larger than this system allows",
        _ => "Error",
    };
    format!(
        "{what} while saving {path} ({step}: {source}). {path} was not changed and your work is \
         still in memory. {}",
        io_advice(source.kind()),
        path = path.display()
    )
}

/// A damaged data file, in the user's language: where, why, the copy set aside, the way out.
fn damaged_text(
    path: &Path,
    (line, column): (usize, usize),
    reason: &Fault,
    quarantine: Option<&Path>,
    backup: Option<&Path>,
    lang: Lang,
) -> String {
    let say = |msg: Msg, values: &[(&str, &str)]| fill(msg.text(lang), values);
    let position = if line > 0 {
        say(
            Msg::StoreDamagedAt,
            &[("line", &line.to_string()), ("column", &column.to_string())],
        )
    } else {
        String::new()
    };
    let mut text = say(
        Msg::StoreDamaged,
        &[
            ("path", &path.display().to_string()),
            ("reason", &reason.say(lang)),
            ("position", &position),
        ],
    );
    if let Some(copy) = quarantine {
        let copy = copy.display().to_string();
        text.push_str(&say(Msg::StoreDamagedCopy, &[("path", &copy)]));
    }
    match backup.and_then(Path::file_name) {
        Some(name) => text.push_str(&say(
            Msg::StoreDamagedRestore,
            &[("name", &name.to_string_lossy())],
        )),
        None => text.push_str(Msg::StoreDamagedNoBackup.text(lang)),
    }
    text
}

/// A failed save, in the user's language: what, where, at which step, and what to do.
fn save_text(step: SaveStep, path: &Path, source: &io::Error, lang: Lang) -> String {
    let what = match source.kind() {
        io::ErrorKind::StorageFull => Msg::SaveNoSpace,
        io::ErrorKind::QuotaExceeded => Msg::SaveQuota,
        io::ErrorKind::PermissionDenied => Msg::SavePermission,
        io::ErrorKind::ReadOnlyFilesystem => Msg::SaveReadOnlyDisk,
        io::ErrorKind::FileTooLarge => Msg::SaveFileTooLarge,
        _ => Msg::SaveError,
    };
    let step = match step {
        SaveStep::WriteTemp => Msg::StepWriteTemp,
        SaveStep::Backup => Msg::StepBackup,
        SaveStep::Replace => Msg::StepReplace,
    };
    fill(
        Msg::StoreSave.text(lang),
        &[
            ("what", what.text(lang)),
            ("path", &path.display().to_string()),
            ("step", step.text(lang)),
            ("reason", &crate::i18n::io_reason(source, lang)),
            ("advice", advice(source.kind()).text(lang)),
        ],
    )
}

/// What to do about an input/output failure.
fn advice(kind: io::ErrorKind) -> Msg {
    match kind {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => Msg::AdviceSpace,
        io::ErrorKind::FileTooLarge => Msg::AdviceFileSize,
        io::ErrorKind::PermissionDenied => Msg::AdvicePermission,
        io::ErrorKind::ReadOnlyFilesystem => Msg::AdviceReadOnlyDisk,
        _ => Msg::AdviceOther,
    }
}

fn io_advice(kind: io::ErrorKind) -> &'static str {
    match kind {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            "Free some space, then try again."
        }
        // A file-size limit (ulimit -f) or a file system's own limit.
        io::ErrorKind::FileTooLarge => "Raise the file-size limit (ulimit -f) or save elsewhere.",
        io::ErrorKind::PermissionDenied => {
            "Check that the data directory belongs to you and is writable."
        }
        io::ErrorKind::ReadOnlyFilesystem => "Save elsewhere, on a writable disk.",
        _ => "Try again, or save elsewhere.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locked_names_the_process_and_the_way_out() {
        let msg = StoreError::Locked {
            pid: Some(1234),
            path: PathBuf::from("/d/cercle.lock"),
        }
        .to_string();
        assert!(msg.contains("process 1234"), "{msg}");
        assert!(msg.contains("--read-only"), "{msg}");
        assert!(msg.contains("/d/cercle.lock"), "{msg}");
        let anonymous = StoreError::Locked {
            pid: None,
            path: PathBuf::from("/d/cercle.lock"),
        }
        .to_string();
        assert!(anonymous.contains("another process"), "{anonymous}");
    }

    #[test]
    fn disk_full_says_work_is_in_memory() {
        let msg = StoreError::Save {
            step: SaveStep::WriteTemp,
            path: PathBuf::from("/d/cercle.json"),
            source: io::Error::from(io::ErrorKind::StorageFull),
        }
        .to_string();
        assert!(msg.starts_with("No space left on the device while saving /d/cercle.json"));
        assert!(msg.contains("still in memory"), "{msg}");
        assert!(msg.contains("Free some space"), "{msg}");
    }

    #[test]
    fn damaged_names_position_copy_and_backup() {
        let msg = StoreError::Damaged {
            path: PathBuf::from("/d/cercle.json"),
            line: 3,
            column: 7,
            reason: Box::new(Fault::NotJson("expected value".into())),
            quarantine: Some(PathBuf::from("/d/cercle.json.corrupt-20261128T130512Z")),
            backup: Some(PathBuf::from("/d/backups/cercle-20261128T120000.000Z.json")),
        }
        .to_string();
        assert!(msg.contains("line 3, column 7"), "{msg}");
        assert!(
            msg.contains("cercle.json.corrupt-20261128T130512Z"),
            "{msg}"
        );
        assert!(
            msg.contains("cercle restore cercle-20261128T120000.000Z.json"),
            "{msg}"
        );
    }
}
