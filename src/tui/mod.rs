//! The event loop: terminal events become actions, `update` returns effects, and this loop
//! carries them out (disk work through the worker thread, the editor, quitting).

mod closing;
mod editor;
mod held;
mod modes;
pub mod outside;
mod panic;
mod saver;
mod syncer;
pub mod worker;

use crate::app::{self, App, Effect, Phase, SaveState};
use crate::config::{self, Config};
use crate::store::Store;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, MouseEventKind};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use worker::{Job, Report, Worker};

/// How often a running timer moves the clock on.
const TICK: Duration = Duration::from_millis(250);

/// What the app needs to start.
pub struct Options {
    /// The data directory.
    pub data_dir: PathBuf,
    /// The settings file, if the platform has a config directory.
    pub config_path: Option<PathBuf>,
    /// The settings in force.
    pub config: Config,
    /// Problems found in the settings file, shown at start.
    pub config_warnings: Vec<String>,
}

/// Runs the interface until the user quits. The store is already open (and locked).
/// Closing the terminal (SIGHUP) or ending the session (SIGTERM) leaves as a crash does.
pub fn run(store: Store, options: &Options) -> std::io::Result<()> {
    closing::listen(options.data_dir.clone())?;
    let mut terminal = ratatui::init();
    panic::install(options.data_dir.clone());
    let _ = modes::enter(&mut std::io::stdout());
    let result = event_loop(&mut terminal, store, options);
    let _ = modes::leave(&mut std::io::stdout());
    // Not `ratatui::restore`: when the terminal is gone, printing why restoring it failed
    // would fail too, as a panic.
    let _ = ratatui::try_restore();
    result
}

/// How long to wait for a key: while loading, look at the worker's reports often, so the data
/// shows as soon as it is ready; otherwise wake rarely, for the timers, to spare the battery.
fn poll_wait(phase: &Phase, held: bool) -> Duration {
    if held && *phase != Phase::Loading {
        // Keys typed while loading wait their turn: no pause between them.
        Duration::ZERO
    } else if *phase == Phase::Loading {
        Duration::from_millis(5)
    } else {
        Duration::from_millis(50)
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    store: Store,
    options: &Options,
) -> std::io::Result<()> {
    // Read once: the clock of this run (the system's, or CERCLE_NOW's fixed instant).
    let clock = crate::domain::clock::Clock::from_env();
    let mut app = starting_app(terminal, options, clock)?;
    // The first frame goes out before the disk thread even starts, so nothing competes with it.
    terminal.draw(|frame| crate::ui::draw(frame, &app))?;
    let worker = &worker::start(store, options.data_dir.clone(), options.config.lang);
    let _ = worker.jobs.send(Job::Load);
    let _ = worker.jobs.send(Job::SyncStatus);
    let mut saver = saver::Saver::default();
    let mut syncer = syncer::Syncer::default();
    let mut last_tick = std::time::Instant::now();
    let mut changed = false;
    let mut held = held::Held::default();
    loop {
        // While loading, the screen changes only with progress: no frame is drawn for nothing
        // beside the threads reading the file.
        if changed || app.phase != Phase::Loading {
            terminal.draw(|frame| crate::ui::draw(frame, held.shown(&app)))?;
        }
        changed = false;
        let mut effects = Vec::new();
        if event::poll(poll_wait(&app.phase, held.waiting()))? {
            app.set_now(clock.now());
            effects = held.on_event(&mut app, event::read()?);
            changed = true;
        }
        // Time moves on, keys pressed or not: what the disk thread reports is said at this
        // instant, and a message goes after a few seconds.
        let had_notice = app.notice.is_some();
        app.set_now(clock.now());
        changed |= had_notice && app.notice.is_none();
        // A running timer needs time to pass while no key is pressed.
        if app.circle.timer_running() && last_tick.elapsed() >= TICK {
            last_tick = std::time::Instant::now();
            app.set_now(clock.now());
            effects.extend(app::update(&mut app, app::Action::Tick));
        }
        changed |= take_reports(&mut app, worker, &mut saver, &mut syncer, &mut effects);
        held.follow(&app);
        held.release_one(&mut app, &mut effects);
        // Each turn, so a SIGHUP or SIGTERM finds the latest state and whether it is on disk.
        panic::remember_app(&app, changed || !effects.is_empty());
        for effect in effects {
            match effect {
                Effect::Save => syncer.save(worker, &mut saver, &app),
                Effect::Sync => syncer.request(worker, &saver, &app),
                Effect::DiscardRecovery => {
                    let _ = worker.jobs.send(Job::DiscardRecovery);
                }
                Effect::SaveConfig => save_config(&mut app, options),
                Effect::Export(name, bytes) => {
                    let path = options.data_dir.join("exports").join(&name);
                    let _ = worker.jobs.send(Job::Export { path, bytes });
                }
                Effect::ExportCalendar(cohort) => {
                    let (path, bytes) = calendar_export(&app, &options.data_dir, &cohort);
                    let _ = worker.jobs.send(Job::Export { path, bytes });
                }
                Effect::OpenEditor(text) => {
                    let edited = editor::edit(terminal, &options.data_dir, &text);
                    app.editor_done(edited);
                }
                Effect::Copy(text) => outside::copy(&text),
                Effect::OpenMail(address) => outside::open_mail(&mut app, &address),
                Effect::ReadBundle(path) => {
                    let read = outside::read_bundle(&options.data_dir, &path, app.config.lang);
                    app.bundle_read(read);
                }
                Effect::ListFolder(folder, listed) => {
                    let resolved = outside::resolve(&folder);
                    app.folder_listed(listed, resolved, outside::list_folder(&folder));
                }
                Effect::KeepReceived {
                    cohort,
                    from,
                    bytes,
                } => {
                    let path =
                        app::sharing::received_path(&options.data_dir, &cohort, from.as_ref());
                    let _ = worker.jobs.send(Job::Keep { path, bytes });
                }
                Effect::ReadImport(path) => {
                    import(&mut app, worker, &mut saver, &mut syncer, &path);
                }
                Effect::Reload => {
                    let _ = worker.jobs.send(Job::Reload);
                }
                Effect::Overwrite => {
                    panic::remember(&app.data);
                    saver.overwrite(worker, &app.data);
                }
                Effect::SaveCopy(path) => {
                    let path = options.data_dir.join(path);
                    let (data, lang) = (Arc::clone(&app.data), app.config.lang);
                    let _ = worker.jobs.send(Job::SaveCopy { path, data, lang });
                }
                Effect::Send(from) => send(&app, worker, from),
                Effect::MailDraft(draft) => outside::mail_draft(&mut app, &draft),
                Effect::Quit => {
                    syncer.flush(worker, &mut saver, &mut app);
                    // A save that fails now keeps the app open, with the failure shown.
                    if saver.flush(worker, &mut app) {
                        return Ok(());
                    }
                }
            }
        }
    }
}

/// Takes in what the disk thread reported since the last frame.
/// The app as it starts: today, an id seed for this run, the terminal's size, and the first
/// problem found in the settings.
fn starting_app(
    terminal: &DefaultTerminal,
    options: &Options,
    clock: crate::domain::clock::Clock,
) -> std::io::Result<App> {
    let app_now = clock.now();
    let mut app = App::new(options.config.clone(), app_now);
    // Std's hasher keys are random per process: enough to keep ids apart between machines.
    app.seed = std::hash::BuildHasher::hash_one(&std::hash::RandomState::new(), std::process::id());
    if let Some(first) = options.config_warnings.first() {
        app.notify_error(first.clone());
    }
    let size = terminal.size()?;
    app.size = (size.width, size.height);
    Ok(app)
}

/// Takes every report the disk thread sent, adding to `effects` what they ask the loop to do;
/// says whether there was any.
fn take_reports(
    app: &mut App,
    worker: &Worker,
    saver: &mut saver::Saver,
    syncer: &mut syncer::Syncer,
    effects: &mut Vec<Effect>,
) -> bool {
    let mut any = false;
    loop {
        let report = match worker.reports.try_recv() {
            Ok(report) => report,
            Err(std::sync::mpsc::TryRecvError::Empty) => break,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                // The disk thread is gone: a load it never reported must not wait forever.
                if app.phase == Phase::Loading {
                    app.forget_glimpse();
                    app.phase = Phase::Failed(app.tr(crate::i18n::Msg::LoadStopped).to_owned());
                    any = true;
                }
                break;
            }
        };
        any = true;
        match report {
            Report::Loaded {
                data,
                recovery,
                read_only,
                converted,
            } => {
                loaded(app, data, recovery, read_only);
                if let Some(note) = converted {
                    app.notify(note);
                }
            }
            Report::Saved(outcome) => {
                saver.finished(worker, app, outcome);
                syncer.after_save(worker, saver, app);
            }
            Report::Synced(outcome) => effects.extend(syncer.finished(worker, saver, app, outcome)),
            Report::SyncStatus(status) => app::sync::status_found(app, status),
            Report::Conflict(_) => saver.conflict(app),
            Report::Reloaded(outcome) => app::conflict::reloaded(app, outcome),
            Report::CopySaved(outcome) => app::conflict::copy_saved(app, outcome),
            Report::Glimpsed(prepared) => app.glimpse(prepared),
            Report::Progress(step) => app.loading = Some(loading_fraction(step)),
            Report::Exported(outcome) => app.exported(outcome),
            Report::Verified(problems) => app::modules::verified(app, problems),
            Report::Sent(outcome) => app.sent(outcome, outside::can_draft_mail()),
        }
    }
    any
}

/// Reading counts for the first fifth of the bar, building the records for the rest.
fn loading_fraction(step: crate::store::LoadProgress) -> (u64, u64) {
    match step {
        crate::store::LoadProgress::Reading { done, total } => (done / 5, total.max(1)),
        crate::store::LoadProgress::Parsing { total } => (total / 5, total.max(1)),
    }
}

/// Reads the file an import names and hands it to the app, saving what it changed.
fn import(
    app: &mut App,
    worker: &Worker,
    saver: &mut saver::Saver,
    syncer: &mut syncer::Syncer,
    path: &str,
) {
    let text = outside::read_import(path);
    if app.import_read(path, text).contains(&Effect::Save) {
        syncer.save(worker, saver, app);
    }
}

/// Acts on one event from the terminal.
pub(super) fn on_event(app: &mut App, event: &Event) -> Vec<Effect> {
    match *event {
        Event::Key(key) => app::update_key(app, key),
        Event::Mouse(mouse) => {
            let action = match mouse.kind {
                MouseEventKind::Down(_) => app::Action::Click {
                    column: mouse.column,
                    row: mouse.row,
                },
                MouseEventKind::ScrollUp => app::Action::ScrollUp,
                MouseEventKind::ScrollDown => app::Action::ScrollDown,
                _ => return Vec::new(),
            };
            app::update(app, action)
        }
        // A paste is text for the field being typed in, never keys.
        Event::Paste(ref text) => {
            app.paste(text);
            Vec::new()
        }
        Event::Resize(width, height) => {
            app.size = (width, height);
            app.refresh_rows();
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn loaded(
    app: &mut App,
    data: Result<Option<app::Prepared>, String>,
    recovery: Option<(crate::domain::Data, Option<app::Form>)>,
    read_only: Option<String>,
) {
    if let Some(reason) = read_only {
        app.save = SaveState::ReadOnly(reason.clone());
        app.notify_error(reason);
    }
    if !matches!(data, Ok(Some(_))) {
        app.forget_glimpse();
    }
    match data {
        Err(reason) => app.phase = Phase::Failed(reason),
        Ok(data) => {
            let had_data = data.is_some();
            if let Some(prepared) = data {
                app.open_prepared(prepared);
            }
            match recovery {
                Some((kept, form)) => {
                    app.phase = Phase::Recovery(Arc::new(kept));
                    app.kept_form = form.map(Box::new);
                }
                None if !had_data => app.welcome(),
                None => {}
            }
        }
    }
    panic::remember(&app.data);
}

/// Hands the disk thread the bundles to write: into the folder the user chose, or (an empty
/// folder) the downloads folder, which the disk thread looks up.
fn send(app: &App, worker: &Worker, from: crate::share::send::From) {
    let Some(cohort) = app.cohort().map(|c| c.id.clone()) else {
        return;
    };
    let folder = app
        .config
        .send_folder
        .as_deref()
        .map(outside::expand)
        .unwrap_or_default();
    let order = crate::share::send::Order {
        cohort,
        from,
        folder,
        now: app.now,
    };
    let data = Arc::clone(&app.data);
    let _ = worker.jobs.send(Job::Send { data, order });
}

fn save_config(app: &mut App, options: &Options) {
    // Who I am and my role belong to this data directory; the rest is for every directory.
    if let Err(error) = config::save_identity(&options.data_dir, &app.config) {
        let path = options.data_dir.join(config::IDENTITY_FILE);
        app.notify_error(format!("{}: {error}", path.display()));
    }
    let Some(path) = &options.config_path else {
        return;
    };
    if let Err(error) = config::save(path, &app.config) {
        app.notify_error(format!("{}: {error}", path.display()));
    }
}

/// The calendar file of a cohort, to be written in the data directory's `exports/` folder.
fn calendar_export(
    app: &App,
    data_dir: &std::path::Path,
    cohort: &crate::domain::CohortId,
) -> (PathBuf, Vec<u8>) {
    let cohorts: Vec<&crate::domain::Cohort> = app.data.cohort(cohort).into_iter().collect();
    let ics = crate::exchange::calendar::render(&app.data, &cohorts, app.lang());
    let path = data_dir.join("exports").join(format!(
        "calendar-{}.ics",
        crate::domain::fold::slug(cohort.as_str())
    ));
    (path, ics.into_bytes())
}
