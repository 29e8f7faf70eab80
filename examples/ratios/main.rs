//! Prints the performance ratios of Cercle at network size, each measured side by side with its
//! floor in the same run, because the machines are noisy (see `docs/performance.md`).
//!
//! `cargo run --release --example ratios [-- RUNS]` (default 5 runs; medians are printed).
//! Run through cargo, it first builds the release `cercle` and the two floor programs.
//! `RATIOS_DEBUG=1` prints each key typed during and after the save, with its time.

#[path = "../../benches/common/mod.rs"]
mod common;
mod frames;
mod pty;
mod session;
mod stats;

use cercle::store::{DATA_FILE, Store};
use stats::{mb, median, ms, ratio};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

/// One line of the table.
struct Line {
    what: String,
    ours: String,
    floor: String,
    ratio: String,
    target: String,
    pass: Option<bool>,
}

impl Line {
    fn timed(what: &str, ours: Duration, floor: Duration, limit: f64) -> Self {
        let r = ratio(ours, floor);
        Self {
            what: what.to_owned(),
            ours: ms(ours),
            floor: ms(floor),
            ratio: format!("{r:.2}×"),
            target: format!("≤ {limit}×"),
            pass: Some(r <= limit),
        }
    }
}

fn main() -> ExitCode {
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
    let bins = binaries()?;
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    eprintln!("writing the fixtures in {} …", tmp.path().display());
    let fixture = session::Fixture::write(tmp.path())?;
    let net_file = fixture.network.join(DATA_FILE);

    let mut floor_frame = Vec::new();
    let mut small_frame = Vec::new();
    let mut app = Vec::new();
    let mut scans = Vec::new();
    let mut summaries = Vec::new();
    for run in 0..runs {
        eprintln!("run {} of {runs} …", run + 1);
        // Every program reads the file as written (the app's save comes last), each pair in
        // turn first, so that neither always finds the caches warmed by the other.
        fixture.reset_network()?;
        let scan = || timed(Command::new(&bins.floor_scan).arg(&net_file));
        let summary = || {
            timed(
                Command::new(&bins.cercle)
                    .args(["summary", "--data-dir"])
                    .arg(&fixture.network),
            )
        };
        let floor = || session::floor_first_frame(&bins.floor_frame);
        let first = run % 2 == 0;
        if first {
            scans.push(scan()?);
            summaries.push(summary()?);
            floor_frame.push(floor()?);
        } else {
            summaries.push(summary()?);
            scans.push(scan()?);
        }
        small_frame.push(session::first_frame(
            &bins.cercle,
            &fixture.small,
            &fixture.config,
        )?);
        app.push(session::network(&bins.cercle, &fixture)?);
        if !first {
            floor_frame.push(floor()?);
        }
    }
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
        Line::timed("ready, network (app)", pick(|r| r.ready), scan, 2.0),
        Line::timed(
            "ready, network (cercle summary)",
            median(&mut summaries),
            scan,
            2.0,
        ),
    ];
    for ((name, _), (small, network)) in frames::SCREENS.iter().zip(&screens) {
        let mut line = Line::timed(&format!("key+frame {name}"), *network, *small, 2.0);
        line.what.push_str(" (network vs small)");
        lines.push(line);
    }
    lines.extend(save_lines(&app));
    lines.extend(memory_lines(&app, &fixture));
    print_table(&lines, runs);
    Ok(())
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

#[allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]
fn memory_lines(app: &[session::Run], fixture: &session::Fixture) -> Vec<Line> {
    let peak = app.iter().map(|r| r.peak_memory).max().unwrap_or_default();
    let limit = (fixture.network_bytes as f64 * 1.5) as u64 + 50_000_000;
    vec![
        Line {
            what: "peak memory, network (after load and a save)".into(),
            ours: mb(peak),
            floor: format!("file {}", mb(fixture.network_bytes)),
            ratio: format!("{:.2}× file", peak as f64 / fixture.network_bytes as f64),
            target: format!("≤ {}", mb(limit)),
            pass: Some(peak > 0 && peak <= limit),
        },
        Line {
            what: format!(
                "file size, network ({} marks, {} people)",
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

fn print_table(lines: &[Line], runs: usize) {
    println!();
    println!(
        "Cercle ratios: medians of {runs} runs, 120×40, network = generate --cohorts 1000 --seed 42"
    );
    println!(
        "{:<58} {:>11} {:>15} {:>16} {:>10}  result",
        "measure", "cercle", "floor", "ratio", "target"
    );
    for line in lines {
        let result = match line.pass {
            Some(true) => "pass",
            Some(false) => "MISS",
            None => "",
        };
        println!(
            "{:<58} {:>11} {:>15} {:>16} {:>10}  {result}",
            line.what, line.ours, line.floor, line.ratio, line.target
        );
    }
}

/// The programs compared.
struct Binaries {
    cercle: PathBuf,
    floor_frame: PathBuf,
    floor_scan: PathBuf,
}

/// Finds the release `cercle` and the floors beside this program, building them first when
/// run through cargo.
fn binaries() -> Result<Binaries, String> {
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let examples = me.parent().ok_or("no directory for this program")?;
    let release = examples.parent().ok_or("no target directory")?;
    if let Some(cargo) = std::env::var_os("CARGO") {
        eprintln!("building the release cercle and the floor programs …");
        let built = Command::new(cargo)
            .args(["build", "--release", "--bin", "cercle"])
            .args(["--example", "floor_first_frame", "--example", "floor_scan"])
            .status()
            .map_err(|e| e.to_string())?;
        if !built.success() {
            return Err("the build failed".into());
        }
    }
    let found = Binaries {
        cercle: release.join("cercle"),
        floor_frame: examples.join("floor_first_frame"),
        floor_scan: examples.join("floor_scan"),
    };
    for path in [&found.cercle, &found.floor_frame, &found.floor_scan] {
        if !path.is_file() {
            return Err(format!(
                "{} is missing: run `cargo run --release --example ratios`",
                path.display()
            ));
        }
    }
    Ok(found)
}

/// Runs a whole process to its end; returns how long it took.
fn timed(command: &mut Command) -> Result<Duration, String> {
    let started = Instant::now();
    let output = command.output().map_err(|e| e.to_string())?;
    let took = started.elapsed();
    if !output.status.success() {
        return Err(format!(
            "{command:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(took)
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
