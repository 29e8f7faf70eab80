//! A document deleted on one side and changed on the other: a person forgotten on one laptop,
//! alone in their people shard (whose file then goes away), while another laptop edited them.
//! git stops there with a modify/delete conflict and never calls the merge driver. Each such
//! document is merged here as the driver merges any other, the deleted side read as empty: the
//! edit is kept and the deletion becomes a conflict to choose, as in one file; the index is then
//! made to name what was kept.

use super::documents::{found_dir, read_at};
use super::driver::{self, Folders};
use super::git::Git;
use crate::schema::DocumentKind;
use crate::store::{self, DATA_FILE};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use std::fs;

/// After a merge git could not finish: merges the documents deleted on one side and changed on
/// the other, and stages them. `Ok(false)` when anything else is in conflict (git's own words
/// then say why), so that the caller undoes the merge as before.
pub(super) fn resolve(git: &Git, now: DateTime<Utc>) -> Result<bool, String> {
    let fail = |e: &dyn std::fmt::Display| e.to_string();
    let listed = git.ok(&["ls-files", "-u", "-z"]).map_err(|e| fail(&e))?;
    // Each unmerged path with the stages git holds of it: 1 the common version, 2 ours, 3 theirs.
    let mut stages: BTreeMap<String, [bool; 3]> = BTreeMap::new();
    for entry in listed.split('\0').filter(|e| !e.is_empty()) {
        let Some((meta, path)) = entry.split_once('\t') else {
            return Ok(false);
        };
        let stage: usize = meta
            .rsplit(' ')
            .next()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        if let Some(seen) = stages
            .entry(path.to_owned())
            .or_default()
            .get_mut(stage.wrapping_sub(1))
        {
            *seen = true;
        }
    }
    let one_side_deleted = |path: &str, [base, ours, theirs]: [bool; 3]| {
        base && ours != theirs
            && matches!(
                store::document_kind(path),
                Some(DocumentKind::Cohort | DocumentKind::People)
            )
    };
    if stages.is_empty() || stages.iter().any(|(p, s)| !one_side_deleted(p, *s)) {
        return Ok(false);
    }
    let work = git.dir().join(".git").join("cercle-merge-deleted");
    let _ = fs::remove_dir_all(&work);
    let found = found_dir(git);
    let (mut people, mut cohorts) = (Vec::new(), Vec::new());
    for (path, [_, ours, theirs]) in &stages {
        let side = |stage: &str, present: bool, name: &str| -> Result<std::path::PathBuf, String> {
            let bytes = if present {
                read_at(git, Some(stage), path)
                    .map_err(|e| fail(&e))?
                    .unwrap_or_default()
            } else {
                Vec::new()
            };
            let file = work.join(name);
            store::write_private(&file, &bytes).map_err(|e| fail(&e))?;
            Ok(file)
        };
        let base = side(":1", true, "base")?;
        let mine = side(":2", *ours, "ours")?;
        let other = side(":3", *theirs, "theirs")?;
        let folders = Folders {
            found: Some(&found),
            bases: None,
        };
        driver::merge_files(&base, &mine, &other, Some(path), now, folders)?;
        let merged = fs::read(&mine).map_err(|e| fail(&e))?;
        let kind = store::document_kind(path).unwrap_or(DocumentKind::People);
        let data = store::document_data(kind, &merged).map_err(|e| fail(&e))?;
        let target = git.dir().join(path);
        if data.people.is_empty() && data.cohorts.is_empty() {
            let _ = fs::remove_file(&target);
            git.ok(&["rm", "-q", "--cached", "--ignore-unmatch", "--", path])
                .map_err(|e| fail(&e))?;
            continue;
        }
        people.extend(data.people.iter().map(|p| p.id.as_str().to_owned()));
        cohorts.extend(
            data.cohorts
                .iter()
                .map(|c| (c.id.as_str().to_owned(), path.clone())),
        );
        store::write_private(&target, &merged).map_err(|e| fail(&e))?;
        git.ok(&["add", "--", path]).map_err(|e| fail(&e))?;
    }
    let _ = fs::remove_dir_all(&work);
    if !people.is_empty() || !cohorts.is_empty() {
        let index = read_at(git, None, DATA_FILE)
            .map_err(|e| fail(&e))?
            .ok_or_else(|| format!("no {DATA_FILE} after the merge"))?;
        let named = store::index_naming(&index, &people, &cohorts)?;
        store::write_private(&git.dir().join(DATA_FILE), &named).map_err(|e| fail(&e))?;
        git.ok(&["add", "--", DATA_FILE]).map_err(|e| fail(&e))?;
    }
    Ok(true)
}
