//! Search as you type over a large directory: `generate(1000, 42)` holds about 15,000 people.
//! One keystroke recomputes the rows (match every person, then order the hits); the search
//! fields are built once per data version.

use cercle::app::contacts::State;
use cercle::domain::directory::{self, Group, Sort, SortKeys};
use cercle::domain::search::{self, Index, Query};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::sync::Arc;

fn keystroke(c: &mut Criterion) {
    let data = Arc::new(cercle::generate::generate(1000, 42));
    eprintln!(
        "{} people, {} cohorts",
        data.people.len(),
        data.cohorts.len()
    );
    let index = Index::new(&data);
    let keys = SortKeys::new(&data);
    let mut group = c.benchmark_group("contacts_search");
    for text in [
        "c",
        "cam",
        "camille dub",
        "dep:33 type:fablab ma",
        "cohort:bretagne role:trainer",
    ] {
        group.bench_function(format!("search and order {text:?}"), |b| {
            let mut matcher = search::matcher();
            b.iter(|| {
                let query = Query::parse(black_box(text));
                let mut hits = search::search(&data, &index, &keys.cohorts, &query, &mut matcher);
                directory::order(
                    &data,
                    &keys,
                    &mut hits,
                    query.has_words(),
                    Sort::Name,
                    Group::None,
                    None,
                );
                hits.len()
            });
        });
    }
    // The screen's own path: the cached state, one character typed and one erased in turn, so
    // that every call recomputes.
    group.bench_function("screen keystroke (cam / cami)", |b| {
        let mut state = State::default();
        let mut typed = false;
        b.iter(|| {
            typed = !typed;
            let text = if typed { "cami" } else { "cam" };
            state.rows(&data, text, Some("33")).len()
        });
    });
    // Typing a name letter by letter: each letter only looks at what the last one found.
    group.bench_function("typing \"camille\" (7 keystrokes)", |b| {
        // The search fields are built once, as in the app; each round starts from "c" again.
        let mut state = State::default();
        b.iter(|| {
            let mut text = String::new();
            let mut shown = 0;
            for c in "camille".chars() {
                text.push(c);
                shown = state.rows(&data, &text, None).len();
            }
            shown
        });
    });
    group.bench_function("prepare search fields (once per data change)", |b| {
        b.iter(|| (Index::new(&data), SortKeys::new(&data)));
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = keystroke
}
criterion_main!(benches);
