//! The table the ratios command prints: a line per measure, with its target and result.

use super::stats::{ms, ratio};
use std::time::Duration;

/// One line of the table.
pub struct Line {
    pub what: String,
    pub ours: String,
    pub floor: String,
    pub ratio: String,
    pub target: String,
    pub pass: Option<bool>,
}

impl Line {
    /// A time against its floor, which it may take at most `limit` times.
    pub fn timed(what: &str, ours: Duration, floor: Duration, limit: f64) -> Self {
        let r = ratio(ours, floor);
        Self {
            what: what.to_owned(),
            ours: ms(ours),
            floor: ms(floor),
            ratio: format!("{r:.2}×"),
            target: format!("≤ {limit}×"),
            pass: Some(r <= limit),
        }
    }
}

impl Line {
    /// A time against its floor, for information: no target.
    pub fn noted(what: &str, ours: Duration, floor: Duration) -> Self {
        Self {
            target: String::new(),
            pass: None,
            ..Self::timed(what, ours, floor, 1.0)
        }
    }
}

/// Prints the table, with the conditions it was measured in.
pub fn print(lines: &[Line], runs: usize, layout: &str) {
    println!();
    println!(
        "Cercle ratios: medians of {runs} runs, 120×40, network = generate --cohorts 1000 --seed 42, {layout}"
    );
    // The conditions: the floors use one core, Cercle's loading two, so a busy machine weighs
    // on Cercle's side.
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load = load.split_whitespace().next().unwrap_or("?").to_owned();
    println!("{cores} cores, load average {load} at the end");
    println!(
        "{:<60} {:>11} {:>15} {:>16} {:>18}  result",
        "measure", "cercle", "floor", "ratio", "target"
    );
    for line in lines {
        let result = match line.pass {
            Some(true) => "pass",
            Some(false) => "MISS",
            None => "",
        };
        println!(
            "{:<60} {:>11} {:>15} {:>16} {:>18}  {result}",
            line.what, line.ours, line.floor, line.ratio, line.target
        );
    }
}
