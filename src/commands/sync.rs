//! `cercle sync`, `cercle sync init`, `cercle sync status` and git's `cercle merge-driver`.

use super::exit::Failure;
use crate::cli::SyncCommand;
use crate::config::Config;
use crate::i18n::{Lang, Msg, fill};
use crate::store::{Store, StoreError};
use crate::sync::{self, Identity, Reach, Status, Synced};
use std::path::Path;

/// Syncs, sets up or reports, holding the store's lock so that no app writes meanwhile.
pub(crate) fn run(what: Option<SyncCommand>, dir: &Path, config: &Config) -> Result<(), Failure> {
    if let Some(SyncCommand::Status { json }) = what {
        let status = sync::status(dir).map_err(|e| e.in_lang(config.lang))?;
        let Some(status) = status else {
            let not_set_up = sync::SyncError::NotSetUp(dir.to_owned());
            return Err(not_set_up.in_lang(config.lang).into());
        };
        if json {
            let value = serde_json::json!({
                "remote": status.remote,
                "last_sync": status.last_sync.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
                "ahead": status.ahead,
                "behind": status.behind,
            });
            return super::out::json(&value, config.lang);
        }
        return super::out::line(&describe_status(&status, config.lang), config.lang);
    }
    let mut store = Store::open(dir).map_err(|e| match e {
        StoreError::Locked { pid, .. } => Failure::new(
            super::exit::LOCKED,
            fill(
                Msg::SyncOpenElsewhere.text(config.lang),
                &[
                    (
                        "process",
                        &pid.map(|p| format!(" (process {p})")).unwrap_or_default(),
                    ),
                    ("key", &sync_key()),
                ],
            ),
        ),
        other => super::load::store_failure(&other, config.lang),
    })?;
    // A file that does not read is never committed: it would reach every machine. On the split
    // layout the sync itself reads every document it commits, so only the index and the user's
    // own people file are read here, not the network.
    let split = crate::store::is_split_dir(dir);
    let data = if split {
        own_documents(dir, config)
    } else {
        store
            .load()
            .map_err(|e| super::load::store_failure(&e, config.lang))?
    };
    let options = sync::Options {
        lang: config.lang,
        identity: data
            .as_ref()
            .and_then(|d| Identity::of(d, config.me.as_ref())),
        interactive: true,
        driver: sync::this_program(),
        now: crate::domain::clock::now(),
    };
    let synced = match what {
        Some(SyncCommand::Init { remote }) => sync::init(dir, remote.as_deref(), &options),
        _ => sync::sync(dir, &options),
    }
    .map_err(|e| e.in_lang(config.lang))?;
    let conflicts = if crate::store::is_split_dir(dir) {
        own_documents(dir, config).map_or(0, |d| d.conflicts.len())
    } else {
        store
            .load()
            .map_err(|e| super::load::store_failure(&e, config.lang))?
            .map_or(0, |d| d.conflicts.len())
    };
    let said = report(&synced, conflicts, config.lang);
    // The sync's steps go to the journal, so that a user asking for help can send them.
    for line in said.lines() {
        crate::store::logbook::note(&format!("sync: {line}"));
    }
    super::out::block(&said, config.lang)
}

/// The index of a split directory and the people file holding the user, as data: what a sync
/// needs of the data itself (who commits, how many conflicts wait).
fn own_documents(dir: &Path, config: &Config) -> Option<crate::domain::Data> {
    let index = std::fs::read(dir.join(crate::store::DATA_FILE)).ok()?;
    let mut docs = Vec::new();
    if let Some(me) = &config.me {
        let file = crate::store::person_document(me.as_str());
        if let Ok(bytes) = std::fs::read(dir.join(&file)) {
            docs.push((file, bytes));
        }
    }
    crate::store::partial_data(&index, &docs).ok()
}

/// git's merge driver: exit 0 with the merge written over `ours`, or 1 with `ours` untouched
/// (git then reports a conflict, and `cercle sync` undoes the merge).
pub(crate) fn merge_driver(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    path: Option<&str>,
) -> Result<(), Failure> {
    let now = sync::driver::merge_time(std::env::var(sync::driver::MERGE_TIME_ENV).ok().as_deref());
    let found = std::env::var_os(sync::driver::FOUND_ENV).map(std::path::PathBuf::from);
    let bases = std::env::var_os(sync::driver::BASE_ENV).map(std::path::PathBuf::from);
    let folders = sync::driver::Folders {
        found: found.as_deref(),
        bases: bases.as_deref(),
    };
    sync::driver::merge_files(base, ours, theirs, path, now, folders)
        .map(|_| ())
        .map_err(Failure::from)
}

/// The app's sync key, as the help writes it.
fn sync_key() -> String {
    format!("Ctrl-{}", sync::APP_KEY)
}

/// What a sync did, one line a fact.
fn report(synced: &Synced, conflicts: usize, lang: Lang) -> String {
    let mut lines = vec![match &synced.committed {
        Some(subject) => fill(Msg::SyncCommitted.text(lang), &[("subject", subject)]),
        None => Msg::SyncNothingToCommit.text(lang).to_owned(),
    }];
    let mut say = |msg: Msg| lines.push(msg.text(lang).to_owned());
    if synced.file_changed {
        say(Msg::SyncReceived);
    }
    match &synced.reach {
        Reach::Pushed => say(Msg::SyncPushed),
        Reach::UpToDate => say(Msg::SyncUpToDate),
        Reach::Offline(reason) => {
            lines.push(fill(Msg::SyncOffline.text(lang), &[("reason", reason)]));
        }
        Reach::NoRemote => {
            say(Msg::SyncLocalOnly);
            say(Msg::SyncAddRemote);
        }
    }
    if conflicts > 0 {
        let count = conflicts.to_string();
        lines.push(format!(
            "{} {}",
            fill(Msg::SyncConflictsWaiting.text(lang), &[("count", &count)]),
            Msg::SyncOpenToChoose.text(lang)
        ));
    }
    lines.push(describe_status(&synced.status, lang));
    lines.push(String::new());
    lines.join("\n")
}

fn describe_status(status: &Status, lang: Lang) -> String {
    if !status.remote {
        return Msg::SyncNoRemote.text(lang).to_owned();
    }
    let last = status.last_sync.map_or_else(
        || Msg::SyncStatusNever.text(lang).to_owned(),
        |t| {
            // Paris time, as the app's header and the sheets show it.
            crate::domain::clock::local(t)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        },
    );
    fill(
        Msg::SyncStatusLine.text(lang),
        &[
            ("last", &last),
            ("ahead", &status.ahead.to_string()),
            ("behind", &status.behind.to_string()),
        ],
    )
}
