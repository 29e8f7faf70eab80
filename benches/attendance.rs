//! Attendance aggregates at both sizes: what the Modules screen shows for the current cohort
//! (its rate, each trainee's hours, the longest run of absences) and what `cercle summary`
//! computes for every cohort of the file; and what the seminar form checks before saving.

#[path = "common/mod.rs"]
mod common;

use cercle::domain::planning::doubts;
use cercle::domain::rules::{cohort_attendance, longest_unexcused_run, trainee_attendance};
use cercle::sample::SAMPLE_TODAY;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn aggregates(c: &mut Criterion) {
    let mut group = c.benchmark_group("attendance");
    for (size, data) in common::sizes() {
        let Some(cohort) = data.current() else {
            continue;
        };
        group.bench_function(BenchmarkId::new("current cohort", size), |b| {
            b.iter(|| cohort_attendance(black_box(cohort), SAMPLE_TODAY));
        });
        group.bench_function(
            BenchmarkId::new("each trainee's hours and absences", size),
            |b| {
                b.iter(|| {
                    cohort
                        .trainees
                        .iter()
                        .map(|t| {
                            let hours = trainee_attendance(&cohort.seminars, t, SAMPLE_TODAY);
                            let run = longest_unexcused_run(cohort, t, SAMPLE_TODAY);
                            hours.minutes_followed + u32::try_from(run.len()).unwrap_or(u32::MAX)
                        })
                        .sum::<u32>()
                });
            },
        );
        // What saving the seminar form checks first: every cohort's seminars of its trainer.
        if let Some(seminar) = cohort.seminars.last() {
            group.bench_function(BenchmarkId::new("seminar form's doubts", size), |b| {
                b.iter(|| doubts(black_box(&data), &cohort.id, black_box(seminar)).len());
            });
        }
        group.bench_function(BenchmarkId::new("every cohort (summary)", size), |b| {
            b.iter(|| {
                data.cohorts
                    .iter()
                    .map(|c| cohort_attendance(c, SAMPLE_TODAY).attended)
                    .sum::<u32>()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, aggregates);
criterion_main!(benches);
