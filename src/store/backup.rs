//! Backups in `backups/`: naming, listing, taking one, and rotation.
//!
//! A backup is named after the UTC moment it was taken, to the millisecond, so that names sort
//! by time: `cercle-20261128T130512.123Z.json`. The copy kept before an upgrade of an older
//! file is `cercle-20261128T130512.123Z-v0.json` (0 being the old version); rotation never
//! removes those.

use super::fsio::{self, FILE_MODE};
use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use std::collections::BTreeSet;
use std::fs::{self, Permissions};
use std::io;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Name of the backups directory inside the data directory.
pub const BACKUP_DIR: &str = "backups";
/// How many of the newest backups rotation always keeps.
pub const KEEP_LAST: usize = 10;
/// How many UTC days (today included) keep their newest backup.
pub const KEEP_DAYS: i64 = 7;

const STAMP: &str = "%Y%m%dT%H%M%S%.3f";

/// What a backup was taken for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupKind {
    /// The previous version, kept at a save or a restore; subject to rotation.
    Rotating,
    /// The original of an older file, kept before upgrading it; never rotated away.
    BeforeUpgrade {
        /// The data version of that file.
        from: u32,
    },
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    /// File name, as given to `restore`.
    pub name: String,
    /// Full path.
    pub path: PathBuf,
    /// When the backup was taken (from its name).
    pub taken_at: DateTime<Utc>,
    /// Size in bytes.
    pub size: u64,
    /// What it was taken for.
    pub kind: BackupKind,
}

/// The file name of a backup taken at `at`.
pub(crate) fn backup_name(at: DateTime<Utc>, kind: BackupKind) -> String {
    let stamp = at.format(STAMP);
    match kind {
        BackupKind::Rotating => format!("cercle-{stamp}Z.json"),
        BackupKind::BeforeUpgrade { from } => format!("cercle-{stamp}Z-v{from}.json"),
    }
}

/// The folder name of a backup set (the documents of a split directory) taken at `at`.
pub(crate) fn set_name(at: DateTime<Utc>) -> String {
    format!("cercle-{}Z.d", at.format(STAMP))
}

/// Whether `name` is the name of a backup set rather than of a one-file backup.
pub(crate) fn is_set_name(name: &str) -> bool {
    name.ends_with("Z.d") && parse_backup_name(name).is_some()
}

/// Reads a backup name back; `None` for any other file.
pub(crate) fn parse_backup_name(name: &str) -> Option<(DateTime<Utc>, BackupKind)> {
    if let Some(stamp) = name
        .strip_prefix("cercle-")
        .and_then(|n| n.strip_suffix("Z.d"))
    {
        let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
        return (set_name(at) == name).then_some((at, BackupKind::Rotating));
    }
    let stem = name.strip_prefix("cercle-")?.strip_suffix(".json")?;
    let (stamp, kind) = match stem.split_once("Z-v") {
        Some((stamp, from)) => (
            stamp,
            BackupKind::BeforeUpgrade {
                from: from.parse().ok()?,
            },
        ),
        None => (stem.strip_suffix('Z')?, BackupKind::Rotating),
    };
    let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    // Only names we would have written, so that lookalikes are never rotated away.
    (backup_name(at, kind) == name).then_some((at, kind))
}

/// Which backups rotation keeps: the newest [`KEEP_LAST`], plus the newest one of each of the
/// last [`KEEP_DAYS`] UTC days, today included.
pub fn backups_to_keep(times: &[DateTime<Utc>], now: DateTime<Utc>) -> BTreeSet<DateTime<Utc>> {
    let mut newest_first = times.to_vec();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    newest_first.dedup();
    let mut keep: BTreeSet<_> = newest_first.iter().take(KEEP_LAST).copied().collect();
    let today = now.date_naive();
    let mut days = BTreeSet::new();
    for at in &newest_first {
        let day = at.date_naive();
        // Newest first, so the first one seen of a day is that day's newest.
        if (0..KEEP_DAYS).contains(&(today - day).num_days()) && days.insert(day) {
            keep.insert(*at);
        }
    }
    keep
}

/// Lists the backups in `dir`, newest first; a missing directory has none.
pub(crate) fn list(dir: &Path) -> io::Result<Vec<BackupInfo>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry?;
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        let Some((taken_at, kind)) = parse_backup_name(&name) else {
            continue;
        };
        let meta = entry.metadata()?;
        // A set is as large as its index says at a glance; its documents are shared by links.
        let meta = if meta.is_dir() && is_set_name(&name) {
            match fs::metadata(entry.path().join(super::DATA_FILE)) {
                Ok(index) => index,
                // Not a set Cercle finished: not offered.
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e),
            }
        } else {
            meta
        };
        if meta.is_file() {
            found.push(BackupInfo {
                name,
                path: entry.path(),
                taken_at,
                size: meta.len(),
                kind,
            });
        }
    }
    found.sort_by(|a, b| {
        b.taken_at
            .cmp(&a.taken_at)
            .then_with(|| b.name.cmp(&a.name))
    });
    Ok(found)
}

/// Keeps the current `file` in `dir` as a backup taken at `now`; `None` if there is no file.
///
/// A hard link is atomic and costs nothing even for a big file, and is safe because the store
/// never writes a file in place. Where links are not supported, the file is copied.
pub(crate) fn take(file: &Path, dir: &Path, now: DateTime<Utc>) -> io::Result<Option<PathBuf>> {
    if !file.exists() {
        return Ok(None);
    }
    fsio::create_own_dir(dir)?;
    let mut at = now;
    // Two backups in the same millisecond get consecutive names, keeping the order.
    for _ in 0..1000 {
        let name = backup_name(at, BackupKind::Rotating);
        let dest = dir.join(&name);
        match fs::hard_link(file, &dest) {
            Ok(()) => {
                // A file written by another program may be readable by others; the link shares
                // its mode, so tighten it (this also tightens the file about to be replaced).
                if fs::metadata(&dest)?.permissions().mode() & 0o077 != 0 {
                    fs::set_permissions(&dest, Permissions::from_mode(FILE_MODE))?;
                }
                fsio::sync_dir(dir)?;
                return Ok(Some(dest));
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => at += TimeDelta::milliseconds(1),
            Err(e) if e.kind() == io::ErrorKind::NotFound && !file.exists() => return Ok(None),
            Err(_) => return fsio::copy_atomic(file, dir, &name).map(Some),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "could not find a free backup name",
    ))
}

/// Keeps the version-`from` `file` as its pre-upgrade backup, by a hard link (free, even for a
/// large file, since the store never writes a file in place) or else a copy.
pub(crate) fn keep_file_before_upgrade(
    file: &Path,
    dir: &Path,
    from: u32,
    now: DateTime<Utc>,
) -> io::Result<PathBuf> {
    // A file opened several times before it could be converted (a full disk) is kept once.
    let kept = fs::metadata(file)?;
    let same = list(dir).unwrap_or_default().into_iter().find(|b| {
        b.kind == (BackupKind::BeforeUpgrade { from })
            && fs::metadata(&b.path).is_ok_and(|m| m.dev() == kept.dev() && m.ino() == kept.ino())
    });
    if let Some(same) = same {
        return Ok(same.path);
    }
    fsio::create_own_dir(dir)?;
    let mut at = now;
    loop {
        let name = backup_name(at, BackupKind::BeforeUpgrade { from });
        let dest = dir.join(&name);
        match fs::hard_link(file, &dest) {
            Ok(()) => {
                fs::set_permissions(&dest, Permissions::from_mode(FILE_MODE))?;
                fsio::sync_dir(dir)?;
                return Ok(dest);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => at += TimeDelta::milliseconds(1),
            Err(_) => return fsio::copy_atomic(file, dir, &name),
        }
    }
}

/// Removes the rotating backups that [`backups_to_keep`] does not keep; returns their paths.
/// A backup set is removed newest first, after `fold` gave the next older set what it needs of
/// it (`sets::fold_into`: the documents that set lacks).
pub(crate) fn rotate(
    dir: &Path,
    now: DateTime<Utc>,
    fold: fn(&Path, &Path) -> io::Result<()>,
) -> io::Result<Vec<PathBuf>> {
    let rotating: Vec<_> = list(dir)?
        .into_iter()
        .filter(|b| b.kind == BackupKind::Rotating)
        .collect();
    let times: Vec<_> = rotating.iter().map(|b| b.taken_at).collect();
    let keep = backups_to_keep(&times, now);
    // Newest first, as listed: a set folded into the next older one, itself removed next, is
    // folded on with it.
    let sets: Vec<&BackupInfo> = rotating.iter().filter(|b| is_set_name(&b.name)).collect();
    let mut removed = Vec::new();
    for backup in &rotating {
        if keep.contains(&backup.taken_at) {
            continue;
        }
        if is_set_name(&backup.name) {
            let older = sets.iter().skip_while(|s| s.name != backup.name).nth(1);
            if let Some(older) = older {
                fold(&backup.path, &older.path)?;
            }
            // Moved aside first, in one rename: a crash while removing its files leaves a
            // leftover removed at the next open, never a set with documents missing.
            let aside = fsio::temp_dir(dir, "old")?;
            fs::rename(&backup.path, aside.join("set"))?;
            fs::remove_dir_all(&aside)?;
        } else {
            fs::remove_file(&backup.path)?;
        }
        removed.push(backup.path.clone());
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, hour: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, hour, min, 0).unwrap()
    }

    #[test]
    fn names_sort_by_time_and_read_back() {
        let t = at(28, 13, 5) + TimeDelta::milliseconds(123);
        assert_eq!(
            backup_name(t, BackupKind::Rotating),
            "cercle-20261128T130500.123Z.json"
        );
        for kind in [BackupKind::Rotating, BackupKind::BeforeUpgrade { from: 0 }] {
            assert_eq!(parse_backup_name(&backup_name(t, kind)), Some((t, kind)));
        }
        let earlier = backup_name(t - TimeDelta::milliseconds(1), BackupKind::Rotating);
        assert!(earlier < backup_name(t, BackupKind::Rotating));
        for other in [
            "cercle.json",
            "cercle-20261128T130500Z.json",
            "cercle-20261128T130500.123Z.json.bak",
            "cercle-2026112xT130500.123Z.json",
            "cercle-20261128T130500.123Z-vx.json",
        ] {
            assert_eq!(parse_backup_name(other), None, "{other}");
        }
    }

    #[test]
    fn few_backups_are_all_kept() {
        let times: Vec<_> = (0..4).map(|m| at(28, 10, m)).collect();
        assert_eq!(
            backups_to_keep(&times, at(28, 12, 0)),
            times.iter().copied().collect()
        );
    }

    #[test]
    fn one_busy_day_keeps_the_newest_ten() {
        let times: Vec<_> = (0..25).map(|m| at(28, 10, m)).collect();
        let keep = backups_to_keep(&times, at(28, 12, 0));
        assert_eq!(keep, times[15..].iter().copied().collect());
    }

    #[test]
    fn older_days_keep_their_newest_for_a_week() {
        // Today (the 28th): twelve saves. Each of the 20 previous days: three saves.
        let mut times: Vec<_> = (0..12).map(|m| at(28, 9, m)).collect();
        for day in 8..28 {
            times.extend([at(day, 8, 0), at(day, 14, 0), at(day, 18, 30)]);
        }
        let keep = backups_to_keep(&times, at(28, 20, 0));
        let mut expected: BTreeSet<_> = (2..12).map(|m| at(28, 9, m)).collect();
        // The 22nd to the 27th, with today: seven days.
        expected.extend((22..28).map(|day| at(day, 18, 30)));
        assert_eq!(keep, expected);
    }

    #[test]
    fn newest_ten_win_even_when_old() {
        let times: Vec<_> = (1..=12).map(|day| at(day, 8, 0)).collect();
        let keep = backups_to_keep(&times, at(28, 8, 0));
        assert_eq!(keep, times[2..].iter().copied().collect());
    }
}
