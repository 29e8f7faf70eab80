//! The floor for "ready": read the data file and scan all of it with `serde_json` into
//! `serde::de::IgnoredAny`, so every byte is looked at and nothing is built.
//!
//! `cargo run --release --example floor_scan -- DIR/cercle.json`; `examples/ratios` times it
//! as a whole process beside `cercle`.

use serde::de::IgnoredAny;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: floor_scan FILE");
        return ExitCode::FAILURE;
    };
    let scanned = std::fs::read(&path)
        .map_err(|e| e.to_string())
        .and_then(|bytes| {
            serde_json::from_slice::<IgnoredAny>(&bytes)
                .map(|_| bytes.len())
                .map_err(|e| e.to_string())
        });
    match scanned {
        Ok(len) => {
            println!("scanned {len} bytes");
            ExitCode::SUCCESS
        }
        Err(reason) => {
            eprintln!("floor_scan: {reason}");
            ExitCode::FAILURE
        }
    }
}
