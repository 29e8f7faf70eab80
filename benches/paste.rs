//! A paste into a form's note, then the frame that shows it: what a person waits for after
//! pasting. 1 MB (cut to the note's limit) and exactly the limit must both land well under
//! 100 ms. For comparison, the same text typed key by key with a frame per key, which is what a
//! paste cost before bracketed paste: the text area maps all its lines again at each letter,
//! so the cost grows with the square of the text.

#[path = "common/mod.rs"]
mod common;

use cercle::app::App;
use cercle::app::form::NOTE_LIMIT;
use cercle::domain::PersonId;
use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use std::sync::Arc;

const LINE: &str = "Bonjour, voici ma question sur les statuts de l'association, article 3.\n";

/// `bytes` of prose, line after line.
fn prose(bytes: usize) -> String {
    LINE.repeat(bytes / LINE.len() + 1)[..bytes].to_owned()
}

/// A trainee's tutor request form, its description (a note) focused.
fn asking() -> App {
    let mut app = common::app(&Arc::new(cercle::sample::sample()));
    app.config.me = Some(PersonId::new("p-nathan-perrin"));
    common::press(&mut app, "4nStatuts");
    for _ in 0..2 {
        cercle::app::update(&mut app, cercle::app::Action::NextField);
    }
    app
}

fn paste_and_frame(c: &mut Criterion) {
    let app = asking();
    let mut terminal = common::terminal();
    let mut group = c.benchmark_group("paste+frame");
    for (name, bytes) in [("1 MB", 1 << 20), ("the note's limit", NOTE_LIMIT)] {
        let text = prose(bytes);
        group.bench_function(BenchmarkId::new("note", name), |b| {
            b.iter_batched(
                || app.clone(),
                |mut app| {
                    app.paste(&text);
                    let _ = terminal.draw(|frame| cercle::ui::draw(frame, &app));
                    app
                },
                BatchSize::LargeInput,
            );
        });
    }
    group.finish();
}

fn typed_key_by_key(c: &mut Criterion) {
    let app = asking();
    let mut terminal = common::terminal();
    let mut group = c.benchmark_group("typed, a frame per key");
    group.sample_size(10);
    for bytes in [1_000, 2_000, 4_000] {
        // One line: Enter would save the form.
        let text = prose(bytes).replace('\n', " ");
        group.bench_function(BenchmarkId::new("note", format!("{bytes} B")), |b| {
            b.iter_batched(
                || app.clone(),
                |mut app| {
                    for c in text.chars() {
                        common::key_and_frame(&mut app, &mut terminal, &c.to_string());
                    }
                    app
                },
                BatchSize::LargeInput,
            );
        });
    }
    group.finish();
}

criterion_group!(benches, paste_and_frame, typed_key_by_key);
criterion_main!(benches);
