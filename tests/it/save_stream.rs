//! A first save writes every document of the split layout, and says how many bytes it wrote;
//! the documents read back as the data, and as the one document `to_json` makes of it.

use cercle::store::{DATA_FILE, DOCS_DIR, Store, from_json, to_json};
use std::path::Path;

/// The size of every file in `dir` and its folders.
fn bytes_under(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            if e.path().is_dir() {
                bytes_under(&e.path())
            } else {
                e.metadata().unwrap().len()
            }
        })
        .sum()
}

#[test]
fn a_first_save_writes_every_document_and_counts_its_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let data = cercle::generate::generate(3, 9);
    let mut store = Store::open(tmp.path()).unwrap();
    let report = store.save(&data).unwrap();
    let index = std::fs::metadata(tmp.path().join(DATA_FILE)).unwrap().len();
    let written = index + bytes_under(&tmp.path().join(DOCS_DIR));
    assert_eq!(report.bytes as u64, written);
    // And it reads back as the same data, the one-document form too.
    let mut again = Store::open_read_only(tmp.path()).unwrap();
    assert_eq!(again.load().unwrap(), Some(data.clone()));
    assert_eq!(from_json(&to_json(&data).unwrap()).unwrap(), data);
}
