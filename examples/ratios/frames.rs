//! Key plus frame, in process: one key handled and one frame drawn at 120×40 on each screen,
//! at both sizes, interleaved so that both see the same machine.

use super::common;
use super::stats::median;
use std::time::{Duration, Instant};

/// A screen (or a view of one) and the keys that reach it from the start.
pub const SCREENS: [(&str, &str); 6] = [
    ("Modules: programme", "1"),
    ("Modules: seminars", "1s"),
    ("Modules: roll call", "1s<Enter><Enter>"),
    ("Knowledge circle", "2"),
    ("Peer contacts", "3"),
    ("Tutor requests", "4"),
];

/// The keys each round presses: down, up, to the end of the list and back to the top.
const KEYS: [&str; 4] = ["j", "k", "<End>", "<Home>"];

/// The median key plus frame of each screen: `(small, network)`.
pub fn measure(
    sizes: &[(&str, std::sync::Arc<cercle::domain::Data>)],
    rounds: usize,
) -> Vec<(Duration, Duration)> {
    let mut samples = vec![[Vec::new(), Vec::new()]; SCREENS.len()];
    let mut apps: Vec<Vec<_>> = sizes
        .iter()
        .map(|(_, data)| {
            SCREENS
                .iter()
                .map(|(_, setup)| {
                    let mut app = common::app(data);
                    common::press(&mut app, setup);
                    (app, common::terminal())
                })
                .collect()
        })
        .collect();
    for _ in 0..rounds {
        for (size, apps) in apps.iter_mut().enumerate() {
            for (screen, (app, terminal)) in apps.iter_mut().enumerate() {
                for key in KEYS {
                    let started = Instant::now();
                    common::key_and_frame(app, terminal, key);
                    samples[screen][size].push(started.elapsed());
                }
            }
        }
    }
    samples
        .iter_mut()
        .map(|[small, network]| (median(small), median(network)))
        .collect()
}
