//! Sending from the app: a trainee's bundle for her trainers, or the trainers' bundles for
//! each trainee of the cohort, written into a folder under names that say who and when. The
//! event loop runs it on the disk thread; the command line has its own `export bundle`.

use super::bundle::{self, Maker};
use super::received::{self, Side};
use crate::domain::{CohortId, Data, PersonId};
use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};

/// What to send, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    /// The cohort.
    pub cohort: CohortId,
    /// Who makes it, and so for whom.
    pub from: From,
    /// The folder the files go into.
    pub folder: PathBuf,
    /// When it is made.
    pub now: DateTime<Utc>,
}

/// Who makes the bundles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum From {
    /// A trainee, for her trainers: one bundle.
    Trainee(PersonId),
    /// A trainer, for each active trainee.
    Trainer(Maker),
}

/// Letters, digits and `-` only, at most 60 characters: a file name has a limit and a name
/// has none.
fn slug(text: &str) -> String {
    let slug = crate::domain::fold::slug(text);
    slug[..slug.len().min(60)].trim_end_matches('-').to_owned()
}

/// The file name of a bundle: the cohort, the trainee, the day and time in Paris, and for
/// whom. `camille-dubois--2026-12-08-0910--for-the-trainers` says who and when at a glance
/// in a downloads folder or as a mail attachment.
pub fn file_name(cohort: &str, trainee: &str, now: DateTime<Utc>, for_trainers: bool) -> String {
    let when = crate::domain::clock::local(now).format("%Y-%m-%d-%H%M");
    let whom = if for_trainers {
        "--for-the-trainers"
    } else {
        ""
    };
    format!(
        "{}--{}--{when}{whom}.cercle-bundle.json",
        slug(cohort),
        slug(trainee)
    )
}

/// Makes and writes the bundles of an order (each 0600), with what was last received from the
/// other side as their base; returns the files written.
pub fn write(dir: &Path, data: &Data, order: &Order) -> Result<Vec<PathBuf>, String> {
    let cohort = data
        .cohort(&order.cohort)
        .ok_or_else(|| format!("no cohort {}", order.cohort))?;
    let name_of = |id: &PersonId| {
        data.person(id)
            .map_or_else(|| id.to_string(), |p| p.name.clone())
    };
    std::fs::create_dir_all(&order.folder)
        .map_err(|e| format!("{}: {e}", order.folder.display()))?;
    let mut written = Vec::new();
    let mut put = |name: String, bytes: Vec<u8>| -> Result<(), String> {
        let path = order.folder.join(name);
        crate::store::write_private(&path, &bytes)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path);
        Ok(())
    };
    match &order.from {
        From::Trainee(trainee) => {
            let base = received::last(dir, &cohort.id, Side::Trainers);
            let made = bundle::for_trainers(data, cohort, trainee, order.now, &base);
            put(
                file_name(&cohort.name, &name_of(trainee), order.now, true),
                made.to_json(),
            )?;
        }
        From::Trainer(maker) => {
            for trainee in cohort.active_trainees() {
                let base = received::last(dir, &cohort.id, Side::Trainee(trainee));
                let made =
                    bundle::for_trainee(data, cohort, trainee, maker.clone(), order.now, &base);
                put(
                    file_name(&cohort.name, &name_of(trainee), order.now, false),
                    made.to_json(),
                )?;
            }
        }
    }
    Ok(written)
}

/// The folder bundles go into when the user chose none: `XDG_DOWNLOAD_DIR` when set, the
/// system's downloads folder, or the home folder.
pub fn default_folder() -> Option<PathBuf> {
    std::env::var_os("XDG_DOWNLOAD_DIR")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            let dirs = directories::UserDirs::new()?;
            Some(
                dirs.download_dir()
                    .map_or_else(|| dirs.home_dir().to_owned(), Path::to_owned),
            )
        })
}
