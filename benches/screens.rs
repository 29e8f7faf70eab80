//! One key plus one frame at 120×40, on each of the four screens, at both sizes: a step down,
//! and a jump to the end of the screen's list. At network size this must stay within twice the
//! small size: the work follows what is visible, not how much data there is.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};

/// Each screen's key, and how it is reached.
const SCREENS: [(&str, &str); 4] = [
    ("modules", "1"),
    ("circle", "2"),
    ("contacts", "3"),
    ("tutoring", "4"),
];

fn key_and_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("key_and_frame");
    for (size, data) in common::sizes() {
        for (screen, reach) in SCREENS {
            let mut app = common::app(&data);
            let mut terminal = common::terminal();
            common::key_and_frame(&mut app, &mut terminal, reach);
            group.bench_function(format!("{screen}/{size}/down"), |b| {
                // Down then up, so that the cursor stays where it started.
                let mut step = 0;
                b.iter(|| {
                    step += 1;
                    let key = if step % 2 == 0 { "k" } else { "j" };
                    common::key_and_frame(&mut app, &mut terminal, key);
                });
            });
            group.bench_function(format!("{screen}/{size}/to_the_end"), |b| {
                let mut step = 0;
                b.iter(|| {
                    step += 1;
                    let key = if step % 2 == 0 { "<Home>" } else { "<End>" };
                    common::key_and_frame(&mut app, &mut terminal, key);
                });
            });
        }
    }
    group.finish();
}

criterion_group!(benches, key_and_frame);
criterion_main!(benches);
