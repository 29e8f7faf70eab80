//! One key plus one frame at 120×40 on each screen, at both sizes: moving down, scrolling to
//! the end of the list and back, and (on the roll call) a mark undone, a change and its undo.
//! Work should follow what is on screen: the network should cost about what the sample costs.

#[path = "common/mod.rs"]
mod common;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

/// A screen (or one of its views), the keys that reach it, and the keys of one round.
const CASES: [(&str, &str, [&str; 2]); 9] = [
    ("modules/down", "1", ["j", "k"]),
    ("modules/end", "1", ["<End>", "<Home>"]),
    ("seminars/end", "1s", ["<End>", "<Home>"]),
    ("roll call/down", "1s<Enter><Enter>", ["j", "k"]),
    ("roll call/mark", "1sG<Enter><Enter>", ["p", "u"]),
    ("circle/end", "2", ["<End>", "<Home>"]),
    ("contacts/down", "3", ["j", "k"]),
    ("contacts/end", "3", ["<End>", "<Home>"]),
    ("tutoring/end", "4", ["<End>", "<Home>"]),
];

fn key_and_frame(c: &mut Criterion) {
    let sizes = common::sizes();
    let mut group = c.benchmark_group("key+frame");
    for (name, setup, keys) in CASES {
        for (size, data) in &sizes {
            let mut app = common::app(data);
            common::press(&mut app, setup);
            let mut terminal = common::terminal();
            let mut turn = 0;
            group.bench_function(BenchmarkId::new(name, size), |b| {
                b.iter(|| {
                    turn += 1;
                    common::key_and_frame(&mut app, &mut terminal, keys[turn % 2]);
                });
            });
        }
    }
    group.finish();
}

criterion_group!(benches, key_and_frame);
criterion_main!(benches);
