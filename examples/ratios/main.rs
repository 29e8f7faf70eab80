//! Prints the performance ratios of Cercle at network size, each measured side by side with its
//! floor in the same run, because the machines are noisy (see `docs/performance.md`).
//!
//! `cargo run --release --example ratios [-- RUNS]` (default 5 runs; medians are printed).
//! Run through cargo, it first builds the release `cercle` and the two floor programs.
//! `RATIOS_DEBUG=1` prints each key typed during and after the save, with its time.
//! `RATIOS_LAYOUT=one-file` writes the fixtures as one file instead of split into documents,
//! for a Cercle that reads only that (the "before" of `docs/performance.md`); a Cercle that
//! converts such a directory at its first open converts it in the measured runs too.

#[path = "../../benches/common/mod.rs"]
mod common;
mod documents;
mod frames;
mod process;
mod pty;
mod session;
mod stats;
mod store_rows;
mod sync_rows;
mod table;

use cercle::store::Store;
use process::{run as run_process, timed};
use session::Layout;
use stats::{mb, median, ms};
use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Duration;
use table::Line;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.get(1).is_some_and(|a| a == process::LAUNCH) {
        return process::launch(&args[2..]);
    }
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(reason) => {
            eprintln!("ratios: {reason}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let runs: usize = match std::env::args().nth(1) {
        Some(n) => n
            .parse()
            .map_err(|_| format!("not a number of runs: {n}"))?,
        None => 5,
    };
    let layout = Layout::from_env()?;
    let bins = process::binaries()?;
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    eprintln!(
        "writing the fixtures ({}) in {} …",
        layout.name(),
        tmp.path().display()
    );
    let fixture = session::Fixture::write(tmp.path(), layout)?;

    let Samples {
        mut floor_frame,
        mut small_frame,
        app,
        mut scans,
        mut summaries,
        mut checks,
        mut cold_summaries,
        mut cold_ready,
        mut cold_checks,
    } = processes(&bins, &fixture, runs)?;
    eprintln!("one mark's durable save in process …");
    let save = store_rows::measure(&fixture, tmp.path(), runs.max(5))?;
    eprintln!("sync …");
    let syncs = sync_rows::measure(&bins, &fixture, tmp.path(), runs)?;
    eprintln!("key plus frame in process …");
    let sizes = common::sizes();
    let screens = frames::measure(&sizes, 150);

    let floor_frame = median(&mut floor_frame);
    let scan = median(&mut scans);
    let pick = |f: fn(&session::Run) -> Duration| {
        let mut all: Vec<Duration> = app.iter().map(f).collect();
        median(&mut all)
    };
    let mut lines = vec![
        Line::timed(
            "first frame, network",
            pick(|r| r.first_frame),
            floor_frame,
            1.2,
        ),
        Line::timed(
            "first frame, small",
            median(&mut small_frame),
            floor_frame,
            1.2,
        ),
        Line::timed("ready, network (app)", pick(|r| r.ready), scan, 1.3),
        Line::timed(
            "  a key typed at once, answered (app)",
            pick(|r| r.answered),
            scan,
            1.3,
        ),
        Line::noted("  its data read whole", pick(|r| r.whole), scan),
        Line::noted(
            "  ready, network (app), nothing on the shelf",
            median(&mut cold_ready),
            scan,
        ),
        Line::timed(
            "ready, network (cercle summary)",
            median(&mut summaries),
            scan,
            1.3,
        ),
        Line::noted(
            "  ready, network (cercle summary), nothing on the shelf",
            median(&mut cold_summaries),
            scan,
        ),
    ];
    lines.extend(check_lines(&mut checks, scan, fixture.network_bytes));
    lines.push(Line::noted(
        "  cercle check, nothing on the shelf",
        median(&mut cold_checks),
        scan,
    ));
    for ((name, _), (small, network)) in frames::SCREENS.iter().zip(&screens) {
        let mut line = Line::timed(&format!("key+frame {name}"), *network, *small, 2.0);
        line.what.push_str(" (network vs small)");
        lines.push(line);
    }
    lines.extend(save_lines(&app));
    lines.push(save);
    lines.extend(syncs);
    lines.extend(memory_lines(&app, &fixture));
    table::print(&lines, runs, layout.name());
    Ok(())
}

/// What the whole processes measured, each run.
#[derive(Default)]
struct Samples {
    floor_frame: Vec<Duration>,
    small_frame: Vec<Duration>,
    app: Vec<session::Run>,
    scans: Vec<Duration>,
    summaries: Vec<Duration>,
    checks: Vec<process::Finished>,
    /// `cercle summary` and the app's ready with no shelf (a first open after an upgrade).
    cold_summaries: Vec<Duration>,
    cold_ready: Vec<Duration>,
    /// `cercle check` with no shelf: every document read and validated.
    cold_checks: Vec<Duration>,
}

/// Runs the floors, `cercle summary`, `cercle check` and the app, in turn, `runs` times.
fn processes(
    bins: &process::Binaries,
    fixture: &session::Fixture,
    runs: usize,
) -> Result<Samples, String> {
    let mut all = Samples::default();
    for run in 0..runs {
        eprintln!("run {} of {runs} …", run + 1);
        // Every program reads the data as written (the app's save comes last), each in turn
        // first, so that none always finds the caches warmed by the others.
        fixture.reset_network(true)?;
        let scan = || {
            let scanned = run_process(Command::new(&bins.floor_scan).arg(&fixture.network))?
                .expect("floor_scan", &[0])?;
            if run == 0 {
                eprintln!("floor: {}", scanned.output.trim_end());
            }
            Ok::<_, String>(scanned.took)
        };
        let summary = || {
            timed(
                Command::new(&bins.cercle)
                    .args(["summary", "--data-dir"])
                    .arg(&fixture.network),
            )
        };
        // `check` may find a rule broken (exit 5) in generated data: it has read it all.
        let check = || {
            run_process(
                Command::new(&bins.cercle)
                    .args(["check", "--data-dir"])
                    .arg(&fixture.network),
            )?
            .expect("cercle check", &[0, 5])
        };
        let floor = || session::floor_first_frame(&bins.floor_frame);
        let first = run % 2 == 0;
        if first {
            all.scans.push(scan()?);
            all.summaries.push(summary()?);
            all.checks.push(check()?);
            all.floor_frame.push(floor()?);
        } else {
            all.checks.push(check()?);
            all.summaries.push(summary()?);
            all.scans.push(scan()?);
        }
        all.small_frame.push(session::first_frame(
            &bins.cercle,
            &fixture.small,
            &fixture.config,
        )?);
        all.app.push(session::network(&bins.cercle, fixture)?);
        if !first {
            all.floor_frame.push(floor()?);
        }
        // Nothing on the shelf: each reads every document, and leaves a shelf behind.
        fixture.reset_network(false)?;
        all.cold_summaries.push(summary()?);
        fixture.reset_network(false)?;
        all.cold_checks.push(check()?.took);
        fixture.reset_network(false)?;
        all.cold_ready.push(session::ready(
            &bins.cercle,
            &fixture.network,
            &fixture.config,
        )?);
    }
    Ok(all)
}

/// The keys typed while a save runs, and the memory and file lines.
fn save_lines(app: &[session::Run]) -> Vec<Line> {
    let mut during: Vec<Duration> = app.iter().flat_map(|r| r.keys_saving.clone()).collect();
    let mut idle: Vec<Duration> = app.iter().flat_map(|r| r.keys_idle.clone()).collect();
    let mut saves: Vec<Duration> = app.iter().map(|r| r.save).collect();
    let mut changes: Vec<Duration> = app.iter().map(|r| r.change).collect();
    let worst = during.iter().copied().max().unwrap_or_default();
    let budget = Duration::from_millis(16);
    vec![
        Line {
            what: format!("key during a network save (worst of {})", during.len()),
            ours: ms(worst),
            floor: format!("idle {}", ms(median(&mut idle))),
            ratio: format!("median {}", ms(median(&mut during))),
            target: "≤ 16 ms".into(),
            pass: Some(!during.is_empty() && worst <= budget),
        },
        Line {
            what: "a mark (a change, then its save starts)".into(),
            ours: ms(median(&mut changes)),
            floor: String::new(),
            ratio: String::new(),
            target: "≤ 16 ms".into(),
            pass: Some(median(&mut changes) <= budget),
        },
        Line {
            what: "durable save, network (off the UI thread)".into(),
            ours: ms(median(&mut saves)),
            floor: String::new(),
            ratio: String::new(),
            target: String::new(),
            pass: None,
        },
    ]
}

/// `cercle check` against the scan floor, and its peak memory against the data's size.
#[allow(clippy::cast_precision_loss)]
fn check_lines(checks: &mut [process::Finished], scan: Duration, data: u64) -> Vec<Line> {
    let mut took: Vec<Duration> = checks.iter().map(|c| c.took).collect();
    let peak = checks.iter().map(|c| c.peak).max().unwrap_or_default();
    let limit = memory_limit(data, 1.5);
    vec![
        Line::timed("cercle check, network", median(&mut took), scan, 2.0),
        Line {
            what: "peak memory, cercle check, network".into(),
            ours: mb(peak),
            floor: format!("data {}", mb(data)),
            ratio: format!("{:.2}× data", peak as f64 / data as f64),
            target: format!("≤ {}", mb(limit)),
            pass: Some(peak > 0 && peak <= limit),
        },
    ]
}

/// The memory allowed for data of `bytes`: `times` the data and 50 MB.
#[allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]
fn memory_limit(bytes: u64, times: f64) -> u64 {
    (bytes as f64 * times) as u64 + 50_000_000
}

#[allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]
fn memory_lines(app: &[session::Run], fixture: &session::Fixture) -> Vec<Line> {
    let peak = app.iter().map(|r| r.peak_memory).max().unwrap_or_default();
    let limit = memory_limit(fixture.network_bytes, 1.2);
    vec![
        Line {
            what: "peak memory, network (after load and a save)".into(),
            ours: mb(peak),
            floor: format!("data {}", mb(fixture.network_bytes)),
            ratio: format!("{:.2}× data", peak as f64 / fixture.network_bytes as f64),
            target: format!("≤ {}", mb(limit)),
            pass: Some(peak > 0 && peak <= limit),
        },
        Line {
            what: format!(
                "data size, network ({} marks, {} people)",
                fixture.marks, fixture.people
            ),
            ours: mb(fixture.network_bytes),
            floor: String::new(),
            ratio: format!(
                "{:.0} B/mark",
                fixture.network_bytes as f64 / fixture.marks.max(1) as f64
            ),
            target: String::new(),
            pass: None,
        },
    ]
}

/// Whether the store can open a directory (the fixture is sound before measuring).
fn check(dir: &Path) -> Result<(), String> {
    let mut store = Store::open_read_only(dir).map_err(|e| e.to_string())?;
    match store.load() {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err(format!("no data in {}", dir.display())),
        Err(e) => Err(e.to_string()),
    }
}
