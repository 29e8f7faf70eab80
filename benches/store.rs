//! The store at both sizes: loading (read, parse, and the contacts search fields the screens
//! need, as the loading thread builds them) and a durable save (written, synced, renamed, with
//! the previous file kept as a backup), and the same save with and without the check that the
//! file was not changed by another program.

#[path = "common/mod.rs"]
mod common;

use cercle::app::Prepared;
use cercle::store::{BACKUP_DIR, Store};
use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use std::time::Duration;

fn store(c: &mut Criterion) {
    let mut group = c.benchmark_group("store");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    for (size, data) in common::sizes() {
        let Ok(tmp) = tempfile::tempdir() else {
            return;
        };
        let dir = tmp.path().to_path_buf();
        let Ok(mut store) = Store::open(&dir) else {
            return;
        };
        if store.save(&data).is_err() {
            return;
        }
        group.bench_function(BenchmarkId::new("load and prepare", size), |b| {
            // What was loaded is freed outside the timing: the app keeps it.
            b.iter_batched(
                || (),
                |()| {
                    let mut reader = Store::open_read_only(&dir).ok()?;
                    reader.load().ok()?.map(Prepared::new)
                },
                BatchSize::PerIteration,
            );
        });
        group.bench_function(BenchmarkId::new("durable save", size), |b| {
            // Backups are hard links to older files: cleared between saves, so that a long run
            // does not fill the disk with them.
            b.iter_batched(
                || {
                    let _ = std::fs::remove_dir_all(dir.join(BACKUP_DIR));
                },
                |()| store.save(&data).map(|report| report.bytes),
                BatchSize::PerIteration,
            );
        });
        // The same JSON saved with and without the check for changes by other programs: the
        // difference is what reading the file back and hashing it costs before each save.
        let Ok(json) = cercle::store::to_json(&data) else {
            return;
        };
        for (name, checked) in [
            ("ready JSON, checked", true),
            ("ready JSON, unchecked", false),
        ] {
            group.bench_function(BenchmarkId::new(name, size), |b| {
                b.iter_batched(
                    || {
                        let _ = std::fs::remove_dir_all(dir.join(BACKUP_DIR));
                    },
                    |()| {
                        if checked {
                            store.save_bytes(&json)
                        } else {
                            store.save_overwriting(&json)
                        }
                        .map(|report| report.bytes)
                    },
                    BatchSize::PerIteration,
                );
            });
        }
    }
    group.finish();
}

criterion_group!(benches, store);
criterion_main!(benches);
