//! What the subcommands share: reading the data without the lock, finding a person, and
//! telling a failed save as the command line must.

use super::exit::Failure;
use crate::domain::Data;
use crate::i18n::{Lang, Msg, fill};
use crate::store::{Store, StoreError};
use std::path::Path;

/// Reads the data without taking the lock: these commands only look. The refusal, in the
/// user's language, gives advice that fits a read.
pub fn read(dir: &Path, lang: Lang) -> Result<Data, Failure> {
    read_with_store(dir, lang).map(|(_, data)| data)
}

/// [`read`], with the read-only store that read it (which knows the documents it read).
pub(crate) fn read_with_store(dir: &Path, lang: Lang) -> Result<(Store, Data), Failure> {
    read_through(dir, lang, false)
}

/// [`read_with_store`] for `check`: each document of a split directory screened as it is read
/// (see [`Store::screening`]).
pub(crate) fn read_screened(dir: &Path, lang: Lang) -> Result<(Store, Data), Failure> {
    read_through(dir, lang, true)
}

fn read_through(dir: &Path, lang: Lang, screen: bool) -> Result<(Store, Data), Failure> {
    let failed = |e: StoreError| {
        let code = Failure::code_of(&e);
        let message = match e {
            StoreError::Io { path, source, .. } => crate::i18n::cannot_read(&path, &source, lang),
            other => other.in_lang(lang),
        };
        Failure::new(code, message)
    };
    let mut store = Store::open_read_only(dir).map_err(failed)?;
    if screen {
        store.screening();
    }
    let data = store.load().map_err(failed)?.ok_or_else(|| {
        Failure::new(
            super::exit::DAMAGED,
            fill(
                Msg::NoDataToRead.text(lang),
                &[("dir", &dir.display().to_string())],
            ),
        )
    })?;
    Ok((store, data))
}

/// Opens the data directory to write, or says why not with the code a script reads (the lock
/// held by another Cercle, a damaged file).
pub fn open(dir: &Path, lang: Lang) -> Result<Store, Failure> {
    Store::open(dir).map_err(|e| store_failure(&e, lang))
}

/// A store's refusal as a command tells it: in the user's language, with its exit code.
pub fn store_failure(error: &StoreError, lang: Lang) -> Failure {
    Failure::new(Failure::code_of(error), error.in_lang(lang))
}

/// A failed save, as the command line must tell it: the command is over, so what was not
/// written is not "still in memory"; the file is as it was, and the command can run again.
pub(crate) fn not_saved(error: &StoreError, lang: Lang) -> String {
    use std::io::ErrorKind;
    let (path, reason) = match error {
        StoreError::Save { path, source, .. } => (
            path.display().to_string(),
            match source.kind() {
                ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
                    Msg::DiskFull.text(lang).to_owned()
                }
                ErrorKind::ReadOnlyFilesystem => Msg::DiskReadOnly.text(lang).to_owned(),
                ErrorKind::FileTooLarge => Msg::FileTooBig.text(lang).to_owned(),
                _ => crate::i18n::io_reason(source, lang),
            },
        ),
        StoreError::Serialize(e) => (crate::store::DATA_FILE.to_owned(), e.to_string()),
        other => return other.in_lang(lang),
    };
    fill(
        Msg::NothingWritten.text(lang),
        &[("path", &path), ("reason", &reason)],
    )
}

/// A person by id or by an unambiguous part of their name; the error lists the candidates.
pub(crate) fn person<'a>(
    data: &'a Data,
    query: &str,
    lang: Lang,
) -> Result<&'a crate::domain::Person, String> {
    crate::domain::lookup::find(
        "person",
        &data.people,
        query,
        |p| p.id.as_str(),
        |p| &p.name,
    )
    .map(|p| &**p)
    .map_err(|e| crate::i18n::words::lookup(&e, lang))
}
