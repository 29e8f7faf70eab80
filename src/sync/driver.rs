//! git's merge driver for `cercle.json` (`cercle merge-driver %O %A %B`): a three-way merge by
//! stable ids, never git's conflict markers. Fields changed differently on both sides are
//! recorded in the file as [`Conflict`]s, for the app's merge screen.
//!
//! Every machine of a team must reach the same file from the same two edits, or they would
//! never converge: the merge prefers values in a fixed order ([`Prefer::Canonical`]), labels
//! neither side, and takes its clock from the sync that runs it.

use crate::domain::Data;
use crate::domain::conflict::Conflict;
use crate::schema::DocumentKind;
use crate::share::{Prefer, Sides, merge_data};
use crate::store;
use chrono::{DateTime, Utc};
use std::path::Path;

/// The variable through which a sync gives the driver its clock, so that a conflict found by
/// one merge carries the same time whichever side git calls "ours".
pub const MERGE_TIME_ENV: &str = "CERCLE_MERGE_TIME";

/// What the driver did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Driven {
    /// Conflicts waiting in the merged file.
    pub conflicts: usize,
}

/// The clock of a merge: the sync's, else now.
pub fn merge_time(env: Option<&str>) -> DateTime<Utc> {
    env.and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map_or_else(crate::domain::clock::now, |t| t.with_timezone(&Utc))
}

/// Merges the files `base` (`%O`, empty when both sides added the file), `ours` (`%A`) and
/// `theirs` (`%B`), writing the result over `ours` atomically. `path` (`%P`) is where the result
/// goes in the data directory: a document of the split layout is merged on its own, the conflicts
/// found in a cohort or a people shard being handed to the sync through `found` (the folder
/// [`FOUND_ENV`] names), which adds them to the index once git is done.
///
/// When `bases` (the folder [`BASE_ENV`] names) exists, the common version was one file and the
/// sync wrote its documents there: a document's base is its file there, or none.
pub fn merge_files(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    path: Option<&str>,
    now: DateTime<Utc>,
    folders: Folders<'_>,
) -> Result<Driven, String> {
    let kind = path.and_then(store::document_kind);
    let name = path.unwrap_or(store::DATA_FILE);
    let read = |file: &Path, side: &str| -> Result<Option<Data>, String> {
        let bytes = std::fs::read(file).map_err(|e| format!("{side} {}: {e}", file.display()))?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        // The one data file of a directory not split is also `cercle.json`: its content says.
        let read = match kind {
            Some(kind) if kind != DocumentKind::Index || store::is_index(&bytes) => {
                store::document_data(kind, &bytes).map_err(|e| e.to_string())
            }
            _ => store::from_json(&bytes).map_err(|e| e.to_string()),
        };
        read.map(Some)
            .map_err(|e| format!("{side} version of {name}: {e}"))
    };
    let base = match folders.bases.filter(|b| b.is_dir()).map(|b| b.join(name)) {
        Some(converted) if converted.exists() => read(&converted, "the common")?,
        Some(_) => None,
        None => read(base, "the common")?,
    };
    let mine = read(ours, "this machine's")?.unwrap_or_default();
    let other = read(theirs, "the other machine's")?.unwrap_or_default();
    let index = kind == Some(DocumentKind::Index)
        && store::is_index(&std::fs::read(ours).unwrap_or_default());
    // An index holds its people and cohorts as ids only: what the whole merge asks of their
    // content (signatures, conflicts settled twice) is the sync's, once every document is merged.
    let mut merged = if index {
        let sides = Sides {
            ours: String::new(),
            theirs: String::new(),
            prefer: Prefer::Canonical,
            now,
        };
        let mut merged =
            merge_data(base.as_ref(), &mine, &other, &sides).map_err(|e| e.to_string())?;
        merged.conflicts = once_each(merged.conflicts);
        merged
    } else {
        merge(base.as_ref(), &mine, &other, now)?
    };
    let conflicts = merged.conflicts.len();
    let json = match kind {
        Some(kind @ (DocumentKind::Cohort | DocumentKind::People)) => {
            let found_here = std::mem::take(&mut merged.conflicts);
            if !found_here.is_empty() {
                hand_over(folders.found, name, &found_here)?;
            }
            store::document_bytes(kind, &merged)?
        }
        Some(DocumentKind::Index) if index => store::document_bytes(DocumentKind::Index, &merged)?,
        _ => store::to_json(&merged).map_err(|e| e.to_string())?,
    };
    store::write_private(ours, &json).map_err(|e| format!("{}: {e}", ours.display()))?;
    Ok(Driven { conflicts })
}

/// The folders a sync gives the driver.
#[derive(Debug, Clone, Copy, Default)]
pub struct Folders<'a> {
    /// Where the conflicts found in a cohort or a people shard go ([`FOUND_ENV`]).
    pub found: Option<&'a Path>,
    /// Where the documents of a common version kept as one file are ([`BASE_ENV`]).
    pub bases: Option<&'a Path>,
}

/// The variable naming the folder where the sync writes, for the first merge after both sides
/// converted a one-file directory, the documents of the version they had in common.
pub const BASE_ENV: &str = "CERCLE_MERGE_BASES";

/// The folder, inside the data directory `dir`'s `.git`, where the sync writes those documents.
pub fn base_dir(dir: &Path) -> std::path::PathBuf {
    dir.join(".git").join("cercle-merge-base")
}

/// The variable naming the folder where the driver leaves the conflicts found in a document that
/// cannot hold them (a cohort, a people shard), for the sync to add them to the index.
pub const FOUND_ENV: &str = "CERCLE_MERGE_FOUND";

/// The folder, inside the data directory `dir`'s `.git`, where the driver leaves the conflicts
/// it found.
pub fn found_dir(dir: &Path) -> std::path::PathBuf {
    dir.join(".git").join("cercle-merge-found")
}

/// Leaves `conflicts`, found merging the document `name`, in `found` for the sync; refuses the
/// merge when no sync asked for them, since a conflict dropped would be an edit lost.
fn hand_over(found: Option<&Path>, name: &str, conflicts: &[Conflict]) -> Result<(), String> {
    let Some(folder) = found else {
        return Err(format!(
            "{name} holds changes made on both machines, and only `cercle sync` can keep them \
             as conflicts to choose from"
        ));
    };
    let file = folder.join(format!(
        "{:016x}.json",
        xxhash_rust::xxh3::xxh3_64(name.as_bytes())
    ));
    let json = serde_json::to_vec(&Found {
        document: name.to_owned(),
        conflicts: conflicts.to_vec(),
    })
    .map_err(|e| e.to_string())?;
    store::write_private(&file, &json).map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(())
}

/// What the driver found in one document, for the sync.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub(super) struct Found {
    /// The document, relative to the data directory.
    pub(super) document: String,
    /// The conflicts met merging it.
    pub(super) conflicts: Vec<Conflict>,
}

/// The merge of two edits of `base`, the same whichever side is `ours`.
pub fn merge(
    base: Option<&Data>,
    ours: &Data,
    theirs: &Data,
    now: DateTime<Utc>,
) -> Result<Data, String> {
    let sides = Sides {
        ours: String::new(),
        theirs: String::new(),
        prefer: Prefer::Canonical,
        now,
    };
    let mut merged = merge_data(base, ours, theirs, &sides).map_err(|e| e.to_string())?;
    merged.conflicts = once_each(merged.conflicts);
    super::signed::record_late_changes(base, ours, theirs, &mut merged, now);
    super::settled::ask_again_when_chosen_differently(base, ours, theirs, &mut merged, now);
    Ok(merged)
}

/// Two machines that met the same conflict each recorded it, at their own time; the merge of
/// their files keeps it once, with the earlier time, so that the choice is asked once.
pub(super) fn once_each(conflicts: Vec<Conflict>) -> Vec<Conflict> {
    let mut kept: Vec<Conflict> = Vec::with_capacity(conflicts.len());
    for conflict in conflicts {
        let same = kept.iter_mut().find(|k| {
            k.path == conflict.path
                && k.base == conflict.base
                && k.kept == conflict.kept
                && k.choices
                    .iter()
                    .zip(&conflict.choices)
                    .all(|(a, b)| a.value == b.value)
        });
        match same {
            Some(k) => k.found = k.found.min(conflict.found),
            None => kept.push(conflict),
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Status;
    use chrono::TimeZone;

    fn mark(data: &mut Data) -> &mut crate::domain::Mark {
        let cohort = data.cohorts.last_mut().unwrap();
        &mut cohort.seminars[0].half_days[0].marks[0]
    }

    #[test]
    fn the_same_conflict_met_on_two_machines_is_kept_once_with_the_earlier_time() {
        let base = crate::sample::sample();
        let (mut a, mut b) = (base.clone(), base.clone());
        mark(&mut a).status = Status::Absent;
        mark(&mut b).status = Status::Excused;
        let t1 = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        let t2 = Utc.with_ymd_and_hms(2026, 12, 3, 11, 0, 0).unwrap();
        let on_a = merge(Some(&base), &a, &b, t2).unwrap();
        let on_b = merge(Some(&base), &b, &a, t1).unwrap();
        assert_eq!(on_a.conflicts.len(), 1);
        let both = merge(Some(&base), &on_a, &on_b, t2).unwrap();
        assert_eq!(both.conflicts.len(), 1);
        assert_eq!(both.conflicts[0].found, t1);
        assert_eq!(both, merge(Some(&base), &on_b, &on_a, t1).unwrap());
    }

    #[test]
    fn the_clock_comes_from_the_sync_when_it_gives_one() {
        let t = merge_time(Some("2026-12-03T10:00:00Z"));
        assert_eq!(t, Utc.with_ymd_and_hms(2026, 12, 3, 10, 0, 0).unwrap());
        let before = crate::domain::clock::now();
        assert!(merge_time(Some("not a time")) >= before);
    }

    #[test]
    fn both_laptops_reach_the_same_file_whichever_merges() {
        let start = crate::sample::sample();
        let (mut a, mut b) = (start.clone(), start.clone());
        a.people[0].job = "A".into();
        b.people[0].job = "B".into();
        let t = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        let base = merge(Some(&start), &a, &b, t).unwrap();
        assert_eq!(base.conflicts.len(), 1);
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        crate::share::resolve(&mut ours, 0, 0).unwrap();
        crate::share::resolve(&mut theirs, 0, 1).unwrap();
        let here = merge(Some(&base), &ours, &theirs, t).unwrap();
        assert_eq!(here.conflicts.len(), 1);
        assert_eq!(here, merge(Some(&base), &theirs, &ours, t).unwrap());
    }
}
