//! A save writes the JSON straight into the file: the same bytes as `to_json`, never a copy of
//! them in memory.

use cercle::store::{DATA_FILE, Store, to_json};

#[test]
fn a_save_writes_exactly_what_to_json_makes() {
    let tmp = tempfile::tempdir().unwrap();
    let data = cercle::generate::generate(3, 9);
    let mut store = Store::open(tmp.path()).unwrap();
    let report = store.save(&data).unwrap();
    let written = std::fs::read(tmp.path().join(DATA_FILE)).unwrap();
    let expected = to_json(&data).unwrap();
    assert!(
        written == expected,
        "the streamed save differs from to_json"
    );
    assert_eq!(report.bytes, expected.len());
    // And it reads back as the same data.
    let mut again = Store::open_read_only(tmp.path()).unwrap();
    assert_eq!(again.load().unwrap(), Some(data));
}
