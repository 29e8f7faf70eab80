//! Attendance aggregates: the current cohort's rates (what the Modules header shows), every
//! cohort's (what `cercle summary` prints), and the integrity checks over the whole file.

mod common;

use cercle::domain::rules;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn aggregates(c: &mut Criterion) {
    let mut group = c.benchmark_group("attendance");
    group.sample_size(20);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default();
    for (size, data) in common::sizes() {
        let current = data.current().expect("a cohort");
        group.bench_function(format!("current_cohort/{size}"), |b| {
            b.iter(|| black_box(rules::cohort_attendance(current, today)));
        });
        group.bench_function(format!("every_cohort/{size}"), |b| {
            b.iter(|| {
                for cohort in &data.cohorts {
                    black_box(rules::cohort_attendance(cohort, today));
                }
            });
        });
    }
    group.finish();
}

criterion_group!(benches, aggregates);
criterion_main!(benches);
