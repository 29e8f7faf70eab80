//! The cost of one mark's durable save on the split layout, and of reading the data back, on a
//! network; the same save on the sample cohort, which the target compares it with; and
//! the conversion of the network kept as one file at its first open.
//!
//! `cargo run --release --example split_measure -- [COHORTS] [SEED] [RUNS]` (1000 42 5), then
//! it prints the two directories it left for `cercle check` and `cercle sync` to be timed on.

#[path = "../benches/common/mod.rs"]
mod common;

use cercle::domain::Data;
use cercle::store::Store;

use std::path::Path;
use std::time::{Duration, Instant};

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<u64>().ok());
    let cohorts = args.next().flatten().unwrap_or(1000);
    let seed = args.next().flatten().unwrap_or(42);
    let runs = args.next().flatten().unwrap_or(5);
    let data = cercle::generate::generate(usize::try_from(cohorts).unwrap_or(1000), seed);
    let root = std::env::temp_dir().join(format!("cercle-split-measure-{cohorts}-{seed}"));
    let _ = std::fs::remove_dir_all(&root);
    let (one, split) = (root.join("one-file"), root.join("split"));
    let e = |e: cercle::store::StoreError| e.to_string();

    // The network as an earlier Cercle kept it, one file, left for a conversion to be timed on;
    // the store itself now writes only the split layout.
    std::fs::create_dir_all(&one).map_err(|e| e.to_string())?;
    let json = cercle::store::to_json(&data).map_err(e)?;
    std::fs::write(one.join("cercle.json"), &json).map_err(|e| e.to_string())?;
    let size = json.len() as u64;
    drop(json);
    migrate(&split, &data)?;
    let sample_dir = root.join("sample-split");
    migrate(&sample_dir, &cercle::sample::sample())?;
    // What the conversions wrote is flushed first: a save's syncs would otherwise wait for it.
    let _ = std::process::Command::new("sync").status();
    println!(
        "network: {cohorts} cohorts, {} people, {:.1} MB as one file",
        data.people.len(),
        mb(size)
    );

    let (read, times, bytes) = measure(&split, runs)?;
    println!(
        "   split: load {} ms; one mark, durable save: median {} of {runs} (min {}, max {}), {bytes} bytes written",
        read.as_millis(),
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1]),
    );
    let network_split = times[times.len() / 2];
    // Opened again: the first save after a load also compares the backups' base with the
    // documents read (one lstat each); the very first one after the conversion gathered it.
    let (_, first, _) = measure(&split, 1)?;
    println!(
        "   split: first save after a load (the base checked): {}",
        ms(first[0])
    );
    // The same save on the sample cohort, split the same way.
    let (_, times, bytes) = measure(&sample_dir, runs)?;
    let sample = times[times.len() / 2];
    println!(
        "  sample: split, one mark, durable save: median {} of {runs} (min {}, max {}), {bytes} bytes written",
        ms(sample),
        ms(times[0]),
        ms(times[times.len() - 1]),
    );
    println!(
        "network / sample, split save: {:.2}",
        network_split.as_secs_f64() / sample.as_secs_f64().max(1e-9)
    );
    // The conversion at first open, on a copy of the one file: what a trainer's first start of
    // this version costs on such a network (the one file read, kept, every document written).
    let converted = root.join("converted");
    std::fs::create_dir_all(&converted).map_err(|e| e.to_string())?;
    std::fs::copy(one.join("cercle.json"), converted.join("cercle.json"))
        .map_err(|e| e.to_string())?;
    let _ = std::process::Command::new("sync").status();
    let started = Instant::now();
    let mut store = Store::open(&converted).map_err(e)?;
    let loaded = store.load().map_err(e)?.ok_or("no data")?;
    let took = started.elapsed();
    if !store.is_split() || store.converted().is_none() || loaded != data {
        return Err("the conversion at first open did not give the same data, split".into());
    }
    println!(
        "conversion at first open (read, keep the file, write every document): {}",
        ms(took)
    );
    println!(
        "left for the commands: {} and {}",
        one.display(),
        split.display()
    );
    Ok(())
}

/// A split directory holding `data`, converted as the app converts one.
fn migrate(dir: &Path, data: &Data) -> Result<(), String> {
    let e = |e: cercle::store::StoreError| e.to_string();
    let mut store = Store::open(dir).map_err(e)?;
    store.migrate_to_split(data).map(|_| ()).map_err(e)
}

/// Opens and loads `dir`, then saves one mark changed `runs` times: the load's time, each
/// save's time (sorted) and the bytes the last one wrote.
fn measure(dir: &Path, runs: u64) -> Result<(Duration, Vec<Duration>, usize), String> {
    let e = |e: cercle::store::StoreError| e.to_string();
    let started = Instant::now();
    let mut store = Store::open(dir).map_err(e)?;
    let mut current = store.load().map_err(e)?.ok_or("no data")?;
    let read = started.elapsed();
    let (mut times, mut bytes) = (Vec::new(), 0);
    for run in 0..runs {
        current = common::with_one_mark_changed(&current, usize::try_from(run).unwrap_or(0));
        let started = Instant::now();
        let report = store.save(&current).map_err(e)?;
        times.push(started.elapsed());
        bytes = report.bytes;
    }
    times.sort();
    Ok((read, times, bytes))
}

fn ms(time: Duration) -> String {
    format!("{:.1} ms", time.as_secs_f64() * 1e3)
}

fn mb(bytes: u64) -> f64 {
    // Sizes of a data file are far below 2^52 bytes: the conversion is exact.
    #[allow(clippy::cast_precision_loss)]
    let bytes = bytes as f64;
    bytes / 1e6
}
