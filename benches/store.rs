//! The store at both sizes: loading (read, parse, and the contacts search fields the screens
//! need, as the loading thread builds them) and a durable save (written, synced, renamed, with
//! the previous file kept as a backup), and the check a save starts with, that no other
//! program changed the file; and, on the split layout, a mark's save and a load.

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
        // What every save now does first: the file read back and hashed, to notice an edit
        // by another program that kept its size, time and inode.
        group.bench_function(BenchmarkId::new("check for changes", size), |b| {
            b.iter(|| store.changed_on_disk());
        });
        // The same data split into documents: a mark writes its cohort's document alone, with
        // the backup set that keeps the version it replaces. Backups are kept between saves
        // (each set is two links; rotation removes one per save), as in use.
        let Ok(split_tmp) = tempfile::tempdir() else {
            return;
        };
        let Ok(mut split) = Store::open(split_tmp.path()) else {
            return;
        };
        if split.migrate_to_split(&data).is_err() {
            return;
        }
        let mut current = (*data).clone();
        let mut n = 0;
        group.bench_function(
            BenchmarkId::new("split: one mark, durable save", size),
            |b| {
                b.iter_batched(
                    || {
                        n += 1;
                        current = common::with_one_mark_changed(&current, n);
                        current.clone()
                    },
                    |next| split.save(&next).map(|report| report.bytes),
                    BatchSize::PerIteration,
                );
            },
        );
        group.bench_function(BenchmarkId::new("split: load", size), |b| {
            b.iter_batched(
                || (),
                |()| Store::open_read_only(split_tmp.path()).ok()?.load().ok(),
                BatchSize::PerIteration,
            );
        });
    }
    group.finish();
}

criterion_group!(benches, store);
criterion_main!(benches);
