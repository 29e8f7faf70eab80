//! kill -9 in the middle of the conversion a one-file directory goes through at its first open,
//! at seeded random moments, on a mid-size generated network: the next open always reads the
//! data as it was, finishes the conversion, leaves no journal or temporary file, and the file
//! from before is kept once, byte for byte.
//!
//! `cargo test --test it crash:: -- --nocapture` prints the figures.

use crate::common::killing::{Moments, leftovers, run_and_kill};
use cercle::store::{DATA_FILE, JOURNAL_FILE, Store};
use std::path::Path;
use std::time::Duration;

const RUNS: u32 = 40;
const OPENER_IN: &str = "CERCLE_TEST_CRASH_OPENER_IN";

/// Run by the crash test in a child process: opens the directory, which converts it.
#[test]
#[ignore = "helper: run in a child process by the crash test"]
fn opener() {
    let Some(dir) = std::env::var_os(OPENER_IN) else {
        return;
    };
    let mut out = std::io::stdout();
    // On a line of its own: the harness has just written "test crash::opener ... ".
    let _ = std::io::Write::write_all(&mut out, b"\nsaving 1\n");
    let mut store = Store::open(Path::new(&dir)).expect("the opener takes the lock");
    store.load().expect("the file reads");
    let _ = std::io::Write::write_all(&mut out, b"saved 1\n");
}

#[test]
fn kill_9_during_the_conversion_at_first_open_never_loses_or_mixes_the_data() {
    let data = cercle::generate::generate(8, 7);
    let original = cercle::store::to_json(&data).unwrap();
    let mut moments = Moments(0x00C0_FFEE);
    let (mut one_file, mut split, mut journal) = (0u32, 0u32, 0u32);
    // How long one conversion takes here, left to finish: the kills fall anywhere in it.
    let span = {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join(DATA_FILE), &original).unwrap();
        let started = std::time::Instant::now();
        let done = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "crash::opener", "--ignored", "--nocapture"])
            .env(OPENER_IN, tmp.path())
            .output()
            .unwrap();
        assert!(done.status.success());
        assert!(cercle::store::is_split_dir(tmp.path()));
        u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX)
    };

    for run in 0..RUNS {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        std::fs::write(dir.join(DATA_FILE), &original).unwrap();
        let pause = Duration::from_micros(moments.next(span));
        run_and_kill("crash::opener", OPENER_IN, dir, 0, pause);

        // Killed before the index took the name `cercle.json`: still the one file, exactly.
        if cercle::store::is_split_dir(dir) {
            split += 1;
        } else {
            assert_eq!(
                std::fs::read(dir.join(DATA_FILE)).unwrap(),
                original,
                "run {run}: the one file was changed"
            );
            one_file += 1;
        }
        journal += u32::from(dir.join(JOURNAL_FILE).exists());

        let mut store = Store::open(dir).expect("the lock is free at once after kill -9");
        assert_eq!(
            store.load().unwrap().as_ref(),
            Some(&data),
            "run {run}: the data changed"
        );
        assert!(store.is_split(), "run {run}: not converted");
        assert!(leftovers(dir).is_empty(), "run {run}: {:?}", leftovers(dir));
        drop(store);
        let kept = crate::common::kept_one_file(dir);
        assert!(
            kept == vec![original.clone()],
            "run {run}: kept {} copies",
            kept.len()
        );
    }
    eprintln!(
        "kill -9 during the conversion: {RUNS} kills on a {} KB file: {one_file} left the one \
         file as it was, {split} the split layout ({journal} with its journal, finished at the \
         next open); data lost or mixed: 0",
        original.len() / 1000
    );
    assert_eq!(one_file + split, RUNS);
}
