//! `cercle backups` and `cercle restore NAME`.

use super::exit::Failure;
use super::load::not_saved;
use super::out;
use crate::i18n::{Lang, Msg, fill};
use crate::store::Store;
use std::fmt::Write as _;
use std::path::Path;

/// `backups`: the backups kept, newest first, damaged ones marked.
pub(super) fn backups(dir: &Path, json: bool, lang: Lang) -> Result<(), Failure> {
    let store = Store::open_read_only(dir).map_err(|e| super::load::store_failure(&e, lang))?;
    let list = store.backups().map_err(|e| e.in_lang(lang))?;
    // A damaged file set aside by a restore is a backup too: say it, so nobody restores it.
    let sound = |backup: &crate::store::BackupInfo| {
        if backup.path.is_dir() {
            // A set holds what its save replaced: it is read through the newer ones.
            return store.backup_data(&backup.name).is_ok();
        }
        std::fs::read(&backup.path).is_ok_and(|bytes| crate::store::from_json(&bytes).is_ok())
    };
    if json {
        let rows: Vec<serde_json::Value> = list
            .iter()
            .map(|b| {
                serde_json::json!({
                    "name": b.name,
                    "bytes": b.size,
                    "sound": sound(b),
                })
            })
            .collect();
        return out::json(&serde_json::Value::Array(rows), lang);
    }
    if list.is_empty() {
        out::line(
            &fill(
                Msg::CliNoBackups.text(lang),
                &[("dir", &dir.join("backups").display().to_string())],
            ),
            lang,
        )?;
    }
    let damaged = format!("  {}", Msg::CliBackupDamaged.text(lang));
    let mut text = String::new();
    for backup in list {
        let mark = if sound(&backup) { "" } else { &damaged };
        let when = crate::i18n::format::on_date_at(backup.taken_at, lang);
        // A set is a folder: its size says nothing of the data it keeps.
        let line = if backup.path.is_dir() {
            fill(
                Msg::CliBackupSet.text(lang),
                &[("name", &backup.name), ("when", &when)],
            )
        } else {
            #[allow(clippy::cast_precision_loss)] // a backup is far below 2^52 bytes
            let kb = backup.size as f64 / 1000.0;
            fill(
                Msg::CliBackupFile.text(lang),
                &[
                    ("name", &backup.name),
                    ("when", &when),
                    ("size", &crate::i18n::format::trimmed(kb, 1, lang)),
                ],
            )
        };
        let _ = writeln!(text, "{line}{mark}");
    }
    out::block(&text, lang)
}

/// `restore NAME`: a backup back in place; the file it replaces is kept.
pub(super) fn restore(dir: &Path, name: &str, lang: Lang) -> Result<(), Failure> {
    let mut store = super::load::open(dir, lang)?;
    // Read first, so that the documents the restore replaces are kept as a set (not the index
    // alone); damaged data cannot be read, and is kept as the file it is.
    let _ = store.load();
    let restored = store.restore(name).map_err(|e| not_saved(&e, lang))?;
    match restored.previous {
        Some(previous) => out::line(
            &fill(
                Msg::CliRestoredKept.text(lang),
                &[("name", name), ("path", &previous.display().to_string())],
            ),
            lang,
        ),
        None => out::line(&fill(Msg::CliRestored.text(lang), &[("name", name)]), lang),
    }
}
