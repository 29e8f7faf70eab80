//! Search as you type, at both sizes: the network (`generate(1000, 42)`) holds about 15,000
//! people. One keystroke recomputes the rows (match every person, then order the hits); the
//! search fields are built once per data version.

#[path = "common/mod.rs"]
mod common;

use cercle::app::contacts::State;
use cercle::domain::Data;
use cercle::domain::directory::{self, Group, Sort, SortKeys};
use cercle::domain::search::{self, Index, Query};
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::sync::Arc;

fn keystroke(c: &mut Criterion) {
    let mut group = c.benchmark_group("contacts_search");
    for (size, data) in common::sizes() {
        eprintln!(
            "{size}: {} people, {} cohorts",
            data.people.len(),
            data.cohorts.len()
        );
        sizes(&mut group, size, &data);
    }
    group.finish();
}

fn sizes(group: &mut BenchmarkGroup<'_, WallTime>, size: &str, data: &Arc<Data>) {
    let index = Index::new(data);
    let keys = SortKeys::new(data);
    for text in [
        "c",
        "cam",
        "camille dub",
        "dep:33 type:fablab ma",
        "cohort:bretagne role:trainer",
    ] {
        group.bench_function(
            BenchmarkId::new(format!("search and order {text:?}"), size),
            |b| {
                let mut matcher = search::matcher();
                b.iter(|| {
                    let query = Query::parse(black_box(text));
                    let mut hits =
                        search::search(data, &index, &keys.cohorts, &query, &mut matcher);
                    directory::order(
                        data,
                        &keys,
                        &mut hits,
                        query.has_words(),
                        Sort::Name,
                        Group::None,
                        None,
                    );
                    hits.len()
                });
            },
        );
    }
    // The screen's own path: the cached state, one character typed and one erased in turn, so
    // that every call recomputes.
    group.bench_function(
        BenchmarkId::new("screen keystroke (cam / cami)", size),
        |b| {
            let mut state = State::default();
            let mut typed = false;
            b.iter(|| {
                typed = !typed;
                let text = if typed { "cami" } else { "cam" };
                state.rows(data, text, Some("33")).len()
            });
        },
    );
    // Typing a name letter by letter: each letter only looks at what the last one found.
    group.bench_function(
        BenchmarkId::new("typing \"camille\" (7 keystrokes)", size),
        |b| {
            // The search fields are built once, as in the app; each round starts from "c" again.
            let mut state = State::default();
            b.iter(|| {
                let mut text = String::new();
                let mut shown = 0;
                for c in "camille".chars() {
                    text.push(c);
                    shown = state.rows(data, &text, None).len();
                }
                shown
            });
        },
    );
    group.bench_function(
        BenchmarkId::new("prepare search fields (once per data change)", size),
        |b| {
            b.iter(|| (Index::new(data), SortKeys::new(data)));
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = keystroke
}
criterion_main!(benches);
