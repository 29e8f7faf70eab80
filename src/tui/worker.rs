//! The disk worker: loading and saving run on their own thread, so a key is never kept waiting.

use crate::app::Form;
use crate::app::Prepared;
use crate::domain::Data;
use crate::store::{self, Store, StoreError};
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

/// Work for the disk thread.
pub enum Job {
    /// Read the data file (and look for a recovery file).
    Load,
    /// Write this state.
    Save(Arc<Data>),
    /// Write this state over changes another program made (theirs are kept as a backup).
    SaveOverwriting(Arc<Data>),
    /// Read the data file again, as another program left it.
    Reload,
    /// Write a copy of this state to another file.
    SaveCopy {
        /// Where.
        path: PathBuf,
        /// What.
        data: Arc<Data>,
        /// The language a refusal is told in.
        lang: crate::i18n::Lang,
    },
    /// Set the recovery file aside, once the data it held is safe.
    DiscardRecovery,
    /// Write an export (0600) to this path.
    Export {
        /// Where.
        path: PathBuf,
        /// What.
        bytes: Vec<u8>,
    },
    /// Sync with the team (the store's lock is held by this thread all along), then read the
    /// data file again if the sync changed it.
    Sync(Box<crate::sync::Options>),
    /// Find where the data stands against the team's repository.
    SyncStatus,
    /// Make and write bundles into a folder (the chosen one, or the downloads folder).
    Send {
        /// The data to make them from.
        data: Arc<Data>,
        /// What to send; its folder is empty when the user chose none.
        order: crate::share::send::Order,
    },
    /// Keep a private file beside the data (what a bundle brought), without a report.
    Keep {
        /// Where.
        path: PathBuf,
        /// What.
        bytes: Vec<u8>,
    },
}

/// What the disk thread reports back.
#[allow(clippy::large_enum_variant)] // `Loaded` is sent once; boxing it would buy nothing
pub enum Report {
    /// How far loading got.
    Progress(store::LoadProgress),
    /// A first look at the data, its finished cohorts left on the shelf: shown while the rest
    /// is read, before [`Report::Loaded`].
    Glimpsed(Prepared),
    /// The data (None when there is no file yet), a recovery file if one was found, and why
    /// saves are refused if they are.
    Loaded {
        /// The data read, if any, with what its screens need already built.
        data: Result<Option<Prepared>, String>,
        /// The state kept by a crashed run, and the form it was typing in, if any.
        recovery: Option<(Data, Option<Form>)>,
        /// Why the file is read-only, if it is.
        read_only: Option<String>,
        /// What to tell the user when the load converted a one-file directory.
        converted: Option<String>,
    },
    /// The outcome of a save.
    Saved(Result<(), String>),
    /// A save refused because another program changed the file (the store's message): the
    /// user must choose what to do.
    Conflict(String),
    /// The data file read again.
    Reloaded(Result<Data, String>),
    /// The outcome of a copy: the path written, or why it was not.
    CopySaved(Result<PathBuf, String>),
    /// The outcome of an export: the path written, or why it was not.
    Exported(Result<PathBuf, String>),
    /// The bundles written, or why they were not.
    Sent(Result<Vec<PathBuf>, String>),
    /// The outcome of a sync.
    Synced(crate::app::sync::Outcome),
    /// Where the data stands against the team's repository (`None`: sync is not set up).
    SyncStatus(Option<crate::sync::Status>),
    /// What `verify` found wrong with the current cohort's record, checked after loading.
    Verified(Vec<crate::domain::audit::Problem>),
}

/// The handle the event loop keeps.
pub struct Worker {
    /// Sends jobs.
    pub jobs: Sender<Job>,
    /// Receives reports.
    pub reports: Receiver<Report>,
}

/// Starts the disk thread, which owns the store; it reports in `lang`.
pub fn start(mut store: Store, dir: PathBuf, lang: crate::i18n::Lang) -> Worker {
    let (jobs, job_rx) = mpsc::channel::<Job>();
    let (report_tx, reports) = mpsc::channel();
    thread::spawn(move || {
        let mut last_save_ok = true;
        // Jobs met while gathering saves, done next in their order.
        let mut later = VecDeque::new();
        while let Some(job) = later.pop_front().or_else(|| job_rx.recv().ok()) {
            let report = match job {
                Job::Load => {
                    load(&mut store, &dir, lang, &report_tx);
                    continue;
                }
                Job::Save(data) => {
                    // Only the newest state matters: skip saves that a later one replaces.
                    let mut data = data;
                    let mut discard = false;
                    let mut exports = Vec::new();
                    while let Ok(next) = job_rx.try_recv() {
                        match next {
                            Job::Save(newer) => data = newer,
                            Job::DiscardRecovery => discard = true,
                            Job::Export { path, bytes } => exports.push((path, bytes)),
                            // A choice of the user's ends the gathering: it comes after.
                            other => {
                                later.push_back(other);
                                break;
                            }
                        }
                    }
                    for (path, bytes) in exports {
                        let _ = report_tx.send(export(&path, &bytes));
                    }
                    let outcome = store.save(&data);
                    last_save_ok = outcome.is_ok();
                    if discard && last_save_ok {
                        let _ = store::discard_recovery(&dir);
                    }
                    match outcome {
                        Err(e @ StoreError::ChangedOnDisk { .. }) => {
                            Report::Conflict(e.in_lang(lang))
                        }
                        other => Report::Saved(other.map(|_| ()).map_err(|e| {
                            let said = e.in_lang(lang);
                            crate::store::logbook::note(&format!(
                                "{} {said}",
                                crate::i18n::Msg::SaveFailed.text(lang)
                            ));
                            said
                        })),
                    }
                }
                Job::SaveOverwriting(data) => {
                    let outcome =
                        store::to_json(&data).and_then(|json| store.save_overwriting(&json));
                    last_save_ok = outcome.is_ok();
                    Report::Saved(outcome.map(|_| ()).map_err(|e| e.in_lang(lang)))
                }
                Job::Reload => Report::Reloaded(match store.load() {
                    Ok(Some(data)) => Ok(data),
                    Ok(None) => Err(crate::i18n::fill(
                        crate::i18n::Msg::ReloadGone.text(lang),
                        &[("path", &store.data_path().display().to_string())],
                    )),
                    Err(e) => Err(e.in_lang(lang)),
                }),
                Job::SaveCopy { path, data, lang } => Report::CopySaved(
                    store::to_json(&data)
                        .and_then(|json| store.save_as(&path, &json))
                        .map_err(|e| e.in_lang(lang)),
                ),
                Job::DiscardRecovery => {
                    if last_save_ok {
                        let _ = store::discard_recovery(&dir);
                    }
                    continue;
                }
                Job::Export { path, bytes } => export(&path, &bytes),
                Job::Sync(options) => {
                    Report::Synced(journaled(sync(&mut store, &dir, &options), lang))
                }
                Job::SyncStatus => Report::SyncStatus(crate::sync::status(&dir).ok().flatten()),
                Job::Send { data, order } => send(&dir, &data, order),
                Job::Keep { path, bytes } => {
                    keep(&path, &bytes);
                    continue;
                }
            };
            if report_tx.send(report).is_err() {
                break;
            }
        }
    });
    Worker { jobs, reports }
}

/// Reads the data, the recovery file and why the store is read-only, and reports them; starts
/// the record's check once the data is there, and puts the finished cohorts on the shelf once
/// the data is on its way to the screens.
fn load(
    store: &mut Store,
    dir: &std::path::Path,
    lang: crate::i18n::Lang,
    report_tx: &Sender<Report>,
) {
    let today = crate::domain::clock::Clock::from_env().today();
    // A recovery file asks its question over the data read whole: no first look then.
    if !dir.join(store::RECOVERY_FILE).exists()
        && let Some(glimpse) = store::shelf::glimpse(dir, today, store::shelf::Purpose::Screens)
    {
        let _ = report_tx.send(Report::Glimpsed(Prepared::glance(glimpse.data)));
    }
    let progress = report_tx.clone();
    let data = store
        .load_with_progress(&mut |step| {
            let _ = progress.send(Report::Progress(step));
        })
        .map(|data| data.map(Prepared::new))
        .map_err(|e| e.in_lang(lang));
    // A recovery file that cannot be read back is left where it is.
    let recovery = store::read_recovery(dir).ok().flatten().and_then(|r| {
        let form = crate::app::kept::recovered_form(&r.json);
        store::from_json(&r.json).ok().map(|data| (data, form))
    });
    let read_only = store.read_only_reason().map(|r| r.in_lang(lang));
    // Short enough for one status line; the journal of errors names the file kept.
    let converted = store
        .converted()
        .map(|_| crate::i18n::Msg::StoreConverted.text(lang).to_owned());
    let read = matches!(&data, Ok(Some(_)));
    if let Ok(Some(prepared)) = &data {
        check_record(Arc::clone(&prepared.data), report_tx.clone());
    }
    let _ = report_tx.send(Report::Loaded {
        data,
        recovery,
        read_only,
        converted,
    });
    if read {
        store.shelve(today);
    }
}

/// Checks the current cohort's signatures and seals on a thread of its own: a network's record
/// takes longer than a frame, and saves must not wait for it. The report comes after the
/// data's (this thread starts once the data is read).
fn check_record(data: Arc<Data>, reports: Sender<Report>) {
    thread::spawn(move || {
        let Some(cohort) = data.current() else {
            return;
        };
        let problems = crate::domain::audit::verify(&data, cohort);
        let _ = reports.send(Report::Verified(problems));
    });
}

/// Syncs, and reads the file again if git changed it, so that the store knows the new file
/// (its change detection would otherwise refuse the next save).
/// The end of a sync, kept in the journal for a user asking for help.
fn journaled(
    outcome: crate::app::sync::Outcome,
    lang: crate::i18n::Lang,
) -> crate::app::sync::Outcome {
    crate::store::logbook::note(&match &outcome {
        Ok((synced, _)) => crate::app::sync::reached(&synced.reach, lang),
        Err(why) => crate::i18n::fill(crate::i18n::Msg::SyncFailed.text(lang), &[("reason", why)]),
    });
    outcome
}

fn sync(
    store: &mut Store,
    dir: &std::path::Path,
    options: &crate::sync::Options,
) -> crate::app::sync::Outcome {
    let synced = crate::sync::sync(dir, options).map_err(|e| e.in_lang(options.lang))?;
    let data = if synced.file_changed {
        store.load().map_err(|e| e.in_lang(options.lang))?
    } else {
        None
    };
    Ok((synced, data))
}

/// Writes the bundles of an order into its folder, or the downloads folder when none was chosen.
fn send(dir: &std::path::Path, data: &Data, mut order: crate::share::send::Order) -> Report {
    if order.folder.as_os_str().is_empty() {
        order.folder = crate::share::send::default_folder().unwrap_or_default();
    }
    Report::Sent(crate::share::send::write(dir, data, &order))
}

/// A copy that only makes the next exchange's merge finer: if it cannot be written, the next
/// import counts more edits as made on both sides, which shows conflicts and loses nothing.
fn keep(path: &std::path::Path, bytes: &[u8]) {
    let _ = store::write_private(path, bytes);
}

fn export(path: &std::path::Path, bytes: &[u8]) -> Report {
    Report::Exported(
        store::write_private(path, bytes)
            .map(|_| path.to_owned())
            .map_err(|e| format!("{}: {e}", path.display())),
    )
}
