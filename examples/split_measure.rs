//! The cost of one mark's durable save, and of reading the data back, on a network kept as one
//! file and on the same network split into documents, side by side in one run.
//!
//! `cargo run --release --example split_measure -- [COHORTS] [SEED] [RUNS]` (1000 42 5), then
//! it prints the two directories it left for `cercle check` and `cercle sync` to be timed on.

#[path = "../benches/common/mod.rs"]
mod common;

use cercle::store::Store;

use std::time::Instant;

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

    Store::open(&one).map_err(e)?.save(&data).map_err(e)?;
    let size = std::fs::metadata(one.join("cercle.json"))
        .map_err(|e| e.to_string())?
        .len();
    let mut store = Store::open(&split).map_err(e)?;
    store.migrate_to_split(&data).map_err(e)?;
    drop(store);
    println!(
        "network: {cohorts} cohorts, {} people, {:.1} MB as one file",
        data.people.len(),
        mb(size)
    );

    for (name, dir) in [("one file", &one), ("split", &split)] {
        let started = Instant::now();
        let mut store = Store::open(dir).map_err(e)?;
        let loaded = store.load().map_err(e)?.ok_or("no data")?;
        let read = started.elapsed();
        let mut current = loaded;
        let (mut times, mut bytes) = (Vec::new(), 0);
        for run in 0..runs {
            current = common::with_one_mark_changed(&current, usize::try_from(run).unwrap_or(0));
            let started = Instant::now();
            let report = store.save(&current).map_err(e)?;
            times.push(started.elapsed());
            bytes = report.bytes;
        }
        times.sort();
        println!(
            "{name:>8}: load {} ms; one mark, durable save: median {} ms of {runs} (min {} ms, max {} ms), {bytes} bytes written",
            read.as_millis(),
            times[times.len() / 2].as_millis(),
            times[0].as_millis(),
            times[times.len() - 1].as_millis(),
        );
    }
    println!(
        "left for the commands: {} and {}",
        one.display(),
        split.display()
    );
    Ok(())
}

fn mb(bytes: u64) -> f64 {
    // Sizes of a data file are far below 2^52 bytes: the conversion is exact.
    #[allow(clippy::cast_precision_loss)]
    let bytes = bytes as f64;
    bytes / 1e6
}
