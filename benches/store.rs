//! The disk, at both sizes: loading (read, parse, and build what the screens need) and a
//! durable save (temporary file, fsync, rename, fsync of the directory, backups).

mod common;

use cercle::store::Store;
use criterion::{Criterion, criterion_group, criterion_main};
use std::time::Duration;

fn load_and_save(c: &mut Criterion) {
    let mut group = c.benchmark_group("store");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    for (size, data) in common::sizes() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let mut store = Store::open(dir.path()).expect("the store opens");
        store.save(&data).expect("the first save");
        group.bench_function(format!("load/{size}"), |b| {
            b.iter(|| {
                let loaded = store.load().expect("it loads").expect("a file");
                // What the screens need: the app opened on it, as the event loop does.
                let app = common::app(&std::sync::Arc::new(loaded));
                std::hint::black_box(app.rows.len());
            });
        });
        group.bench_function(format!("durable_save/{size}"), |b| {
            b.iter(|| store.save(&data).expect("it saves"));
        });
    }
    group.finish();
}

criterion_group!(benches, load_and_save);
criterion_main!(benches);
