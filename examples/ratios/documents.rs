//! The documents of a data directory, in either layout (shared with `floor_scan`).

use cercle::store::{DATA_FILE, DOCS_DIR};
use std::path::{Path, PathBuf};

/// The data's documents in `dir`, relative to it: the data file (the index when split) first,
/// then every file under the documents' folder, sorted.
pub fn documents(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut found = vec![PathBuf::from(DATA_FILE)];
    let mut folders = vec![PathBuf::from(DOCS_DIR)];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(dir.join(&folder)) else {
            continue;
        };
        for entry in entries {
            let entry = entry.map_err(|e| e.to_string())?;
            let path = folder.join(entry.file_name());
            if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
                folders.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found[1..].sort();
    Ok(found)
}
