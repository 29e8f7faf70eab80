//! The same bytes give the same answer on any number of cores: a large file, read on two cores
//! in parts, is accepted or refused exactly as the plain reader on one core does it, damaged
//! files above all (a trailing comma after the last cohort, whitespace JSON does not allow).
#![allow(unsafe_code)]

use crate::common;

use cercle::store::{Unreadable, from_json};
use proptest::prelude::*;
use std::sync::LazyLock;

/// A file large enough to be read in parts (8 MB and more), in Cercle's own layout.
static LARGE: LazyLock<String> = LazyLock::new(|| {
    let json = cercle::store::to_json(&cercle::generate::generate(60, 3)).unwrap();
    String::from_utf8(json).unwrap()
});

/// Where the cohorts array of [`LARGE`] closes: the line `  ]` after its last cohort.
fn array_end(json: &str) -> usize {
    let open = json.find("\n  \"cohorts\": [\n").unwrap();
    open + json[open..].find("\n  ]").unwrap()
}

/// Where one cohort ends and the next begins: the comma of each `    },` line.
fn boundaries(json: &str) -> Vec<usize> {
    json.match_indices("\n    },\n    {")
        .map(|(at, _)| at + "\n    }".len())
        .collect()
}

unsafe extern "C" {
    fn sched_setaffinity(pid: i32, size: usize, mask: *const u64) -> i32;
}

/// Reads `bytes` on a thread allowed only the first core, as a one-core machine reads them.
fn read_on_one_core(bytes: &[u8]) -> Result<cercle::domain::Data, Unreadable> {
    std::thread::scope(|scope| {
        scope
            .spawn(|| {
                let mask: u64 = 1;
                // SAFETY: the mask outlives the call and its size is given; pid 0 is this thread.
                let pinned = unsafe { sched_setaffinity(0, size_of::<u64>(), &raw const mask) };
                assert_eq!(pinned, 0, "could not keep the thread to one core");
                assert_eq!(std::thread::available_parallelism().unwrap().get(), 1);
                from_json(bytes)
            })
            .join()
            .unwrap()
    })
}

/// Whether this machine lets a reader use two cores; with one, there is nothing to compare.
fn two_cores() -> bool {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    if cores < 2 {
        eprintln!("skipped: one core here, the file is always read in one piece");
    }
    cores >= 2
}

#[test]
fn damage_at_a_cohort_boundary_is_judged_the_same_on_one_core_and_two() {
    if !two_cores() {
        return;
    }
    let json = &*LARGE;
    let end = array_end(json);
    let first = boundaries(json)[0];
    let cases = [
        ("a trailing comma", end, ","),
        ("a form feed at the end", end, "\u{c}"),
        ("a no-break space between two", first + 1, "\u{a0}"),
        ("a doubled comma", first, ","),
        ("a vertical tab", first, "\u{b}"),
    ];
    for (what, at, insert) in cases {
        let mut bytes = json.clone();
        bytes.insert_str(at, insert);
        let two = from_json(bytes.as_bytes());
        assert!(
            matches!(two, Err(Unreadable::Damaged { .. })),
            "{what}: read on two cores as {:?}",
            two.map(|d| d.cohorts.len())
        );
        assert_eq!(two, read_on_one_core(bytes.as_bytes()), "{what}");
    }
    // The undamaged file reads the same, whole, both ways.
    let whole = from_json(json.as_bytes()).unwrap();
    assert_eq!(read_on_one_core(json.as_bytes()).unwrap(), whole);
}

/// Damage near where the parts are cut: at a cohort boundary or at the array's end.
fn damage() -> impl Strategy<Value = (prop::sample::Index, prop::sample::Index, bool)> {
    (
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        any::<bool>(),
    )
}

const INSERTS: &[&str] = &[
    ",", ",,", " ", "\t", "\r\n", "\u{c}", "\u{b}", "\u{a0}", "\u{2028}", "null,", "{},", "}", "]",
];

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 12,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_parallel_reader_agrees_with_the_plain_one_on_damaged_files(
        (spot, insert, at_end) in damage()
    ) {
        if !two_cores() {
            return Ok(());
        }
        let json = &*LARGE;
        let at = if at_end {
            array_end(json)
        } else {
            let all = boundaries(json);
            // Before or after the comma between two cohorts.
            all[spot.index(all.len())] + usize::from(spot.index(2) == 1)
        };
        let mut bytes = json.clone();
        bytes.insert_str(at, INSERTS[insert.index(INSERTS.len())]);
        prop_assert_eq!(from_json(bytes.as_bytes()), read_on_one_core(bytes.as_bytes()));
    }
}

#[test]
fn cercle_check_says_the_same_pinned_to_one_core() {
    if !two_cores() {
        return;
    }
    if std::process::Command::new("taskset")
        .arg("-V")
        .output()
        .is_err()
    {
        eprintln!("skipped: no taskset here");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let mut bytes = LARGE.clone();
    bytes.insert(array_end(&bytes), ',');
    std::fs::write(data.path().join("cercle.json"), &bytes).unwrap();
    let two = common::pty::cercle(data.path(), &["check"]);
    let one = std::process::Command::new("taskset")
        .args(["-c", "0", crate::common::CERCLE, "check"])
        .env("CERCLE_DATA_DIR", data.path())
        .env(
            "CERCLE_CONFIG_DIR",
            common::pty::settings_of(data.path()).parent().unwrap(),
        )
        .output()
        .unwrap();
    let said = |out: &std::process::Output| String::from_utf8_lossy(&out.stderr).into_owned();
    let damaged = Some(i32::from(cercle::commands::exit::DAMAGED));
    assert_eq!(two.status.code(), damaged, "two cores: {}", said(&two));
    assert_eq!(one.status.code(), damaged, "one core: {}", said(&one));
    assert_eq!(said(&two), said(&one));
}
