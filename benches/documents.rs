//! Documents at both sizes: the attendance workbook (XLSX) and the French CSV of the current
//! cohort, every certificate of that cohort (what `cercle export certificate --all` makes, as
//! HTML and as PDF), the HTML sheet of the cohort, and the PDF/A sheets of a seminar and of
//! the cohort.

#[path = "common/mod.rs"]
mod common;

use cercle::export::attendance::to_csv;
use cercle::export::dialect::Dialect;
use cercle::export::html::certificate::html;
use cercle::export::html::sheet::html as sheet;
use cercle::export::pdf;
use cercle::export::workbook::to_xlsx;
use cercle::sample::SAMPLE_TODAY;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn documents(c: &mut Criterion) {
    let mut group = c.benchmark_group("documents");
    group.sample_size(20);
    for (size, data) in common::sizes() {
        let Some(cohort) = data.current() else {
            continue;
        };
        group.bench_function(BenchmarkId::new("cohort workbook (xlsx)", size), |b| {
            b.iter(|| to_xlsx(black_box(&data), cohort, None, SAMPLE_TODAY).map(|x| x.len()));
        });
        group.bench_function(BenchmarkId::new("every certificate (--all)", size), |b| {
            b.iter(|| {
                cohort
                    .trainees
                    .iter()
                    .filter_map(|t| html(black_box(&data), cohort, t, SAMPLE_TODAY, None))
                    .map(|page| page.len())
                    .sum::<usize>()
            });
        });
        group.bench_function(BenchmarkId::new("cohort sheet (html)", size), |b| {
            b.iter(|| sheet(black_box(&data), cohort, None).len());
        });
        let seminar = cohort.seminars.first().map(|s| s.id.clone());
        group.bench_function(BenchmarkId::new("seminar sheet (pdf)", size), |b| {
            b.iter(|| {
                pdf::sheet::pdf(black_box(&data), cohort, seminar.as_ref(), SAMPLE_TODAY)
                    .map(|x| x.len())
            });
        });
        group.bench_function(BenchmarkId::new("cohort sheet (pdf)", size), |b| {
            b.iter(|| {
                pdf::sheet::pdf(black_box(&data), cohort, None, SAMPLE_TODAY).map(|x| x.len())
            });
        });
        group.bench_function(
            BenchmarkId::new("every certificate (pdf, --all)", size),
            |b| {
                b.iter(|| {
                    cohort
                        .trainees
                        .iter()
                        .filter_map(|t| {
                            pdf::certificate::pdf(black_box(&data), cohort, t, SAMPLE_TODAY, None)
                                .ok()
                                .flatten()
                        })
                        .map(|doc| doc.len())
                        .sum::<usize>()
                });
            },
        );
        group.bench_function(BenchmarkId::new("cohort sheet (French csv)", size), |b| {
            b.iter(|| to_csv(black_box(&data), cohort, None, Dialect::French).map(|x| x.len()));
        });
    }
    group.finish();
}

criterion_group!(benches, documents);
criterion_main!(benches);
