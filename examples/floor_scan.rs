//! The floor for "ready": read the data and scan all of it with `serde_json` into
//! `serde::de::IgnoredAny`, so every byte is looked at and nothing is built.
//!
//! `cargo run --release --example floor_scan -- DIR/cercle.json` scans one file;
//! `-- DIR` scans a data directory: its `cercle.json` and, in the split layout, every document
//! under `cercle/`, one after the other on one thread. `examples/ratios` times it as a whole
//! process beside `cercle`.

#[path = "ratios/documents.rs"]
mod documents;

use serde::de::IgnoredAny;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: floor_scan FILE|DIR");
        return ExitCode::FAILURE;
    };
    let files = if path.is_dir() {
        documents::documents(&path).map(|found| found.iter().map(|file| path.join(file)).collect())
    } else {
        Ok(vec![path])
    };
    let mut buffer = Vec::new();
    let scanned = files.and_then(|files| {
        files
            .iter()
            .map(|file| scan(file, &mut buffer))
            .sum::<Result<usize, String>>()
            .map(|bytes| (files.len(), bytes))
    });
    match scanned {
        Ok((files, bytes)) => {
            println!("scanned {bytes} bytes in {files} documents");
            ExitCode::SUCCESS
        }
        Err(reason) => {
            eprintln!("floor_scan: {reason}");
            ExitCode::FAILURE
        }
    }
}

/// Reads one document into `buffer` (kept from one document to the next) and scans it.
fn scan(file: &Path, buffer: &mut Vec<u8>) -> Result<usize, String> {
    buffer.clear();
    std::fs::File::open(file)
        .and_then(|mut f| f.read_to_end(buffer))
        .map_err(|e| format!("{}: {e}", file.display()))?;
    serde_json::from_slice::<IgnoredAny>(buffer).map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(buffer.len())
}
