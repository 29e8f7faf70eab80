//! kill -9 in the middle of saves on the split layout, each save touching several documents
//! (two cohorts, a person's shard and the index): after every kill the directory loads as the
//! state before the save in flight or after it, never a mix, with no journal or temporary file
//! left once opened again, and every backup set reads as one state.
//!
//! `cargo test --test it crash_split -- --nocapture` prints the figures.

use crate::common::killing::{Moments, leftovers, run_and_kill};
use cercle::domain::Data;
use cercle::store::Store;
use std::path::Path;
use std::time::Duration;

const RUNS: u32 = 100;
const SAVER_IN: &str = "CERCLE_TEST_SPLIT_SAVER_IN";

/// Save `n`'s state: its number written in four places that live in four documents.
fn version(base: &Data, n: u32) -> Data {
    let mut data = base.clone();
    let label = format!("crash-test-{n:06}");
    data.programme.title.clone_from(&label);
    data.cohorts[0].name.clone_from(&label);
    let last = data.cohorts.len() - 1;
    data.cohorts[last].name.clone_from(&label);
    data.people[0].name = label;
    data
}

/// The save number a state carries; `None` if its four places disagree (a mix).
fn number(data: &Data) -> Option<u32> {
    let last = data.cohorts.len() - 1;
    let labels = [
        &data.programme.title,
        &data.cohorts[0].name,
        &data.cohorts[last].name,
        &data.people[0].name,
    ];
    let n = labels[0].strip_prefix("crash-test-")?.parse().ok()?;
    labels.iter().all(|l| **l == *labels[0]).then_some(n)
}

/// Run by the test in a child process: saves versions after the one on disk, forever.
#[test]
#[ignore = "helper: run in a child process by the split crash test"]
fn split_saver() {
    let Some(dir) = std::env::var_os(SAVER_IN) else {
        return;
    };
    let mut store = Store::open(Path::new(&dir)).expect("the saver takes the lock");
    let base = store.load().unwrap().unwrap();
    assert!(store.is_split());
    let mut out = std::io::stdout();
    for n in number(&base).unwrap() + 1.. {
        let _ = std::io::Write::write_all(&mut out, format!("saving {n}\n").as_bytes());
        store.save(&version(&base, n)).expect("the save succeeds");
        let _ = std::io::Write::write_all(&mut out, format!("saved {n}\n").as_bytes());
    }
}

#[test]
fn kill_9_during_split_saves_leaves_before_or_after() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let base = version(&cercle::generate::generate(8, 7), 0);
    let mut store = Store::open(dir).unwrap();
    store.migrate_to_split(&base).unwrap();
    drop(store);
    let mut moments = Moments(0x5EED_CAFE);
    let (mut saves, mut before, mut after, mut mid_save) = (0u32, 0u32, 0u32, 0u32);
    let mut bases = 0u32;

    for run in 0..RUNS {
        // A few saves in, then anywhere in the next ~150 ms: a save here takes tens of
        // milliseconds (a dozen syncs), so the moment falls in any of its steps.
        let skip = moments.next(4);
        let pause = Duration::from_micros(moments.next(150_000));
        let killed = run_and_kill("crash_split::split_saver", SAVER_IN, dir, skip, pause);
        let (last_started, last_done) = (killed.last_started(), killed.last_done());
        saves += killed.saves();
        mid_save += u32::from(!leftovers(dir).is_empty());

        // A reader without the lock, before anyone finishes the save, sees the same state as the
        // next writer, which finishes it.
        let seen = Store::open_read_only(dir).unwrap().load().unwrap().unwrap();
        let mut store = Store::open(dir).expect("the lock is free at once after kill -9");
        assert!(leftovers(dir).is_empty(), "run {run}: {:?}", leftovers(dir));
        let loaded = store.load().unwrap().unwrap();
        assert_eq!(seen, loaded, "run {run}");
        let n = number(&loaded).unwrap_or_else(|| panic!("run {run}: a mix of two saves"));
        assert_eq!(loaded, version(&base, n), "run {run}");
        // The base the backup sets are read through, when whole, is the state in place too.
        let kept = dir.join(cercle::store::BACKUP_DIR).join("current.d");
        if kept.join("cercle.json").exists() {
            let held = Store::open_read_only(&kept).unwrap().load().unwrap();
            assert_eq!(held.as_ref(), Some(&loaded), "run {run}: the base");
            bases += 1;
        }
        if n == last_started {
            after += 1;
        } else {
            assert_eq!(n, last_started - 1, "run {run}: neither before nor after");
            assert_ne!(
                last_done,
                Some(last_started),
                "run {run}: a finished save was lost"
            );
            before += 1;
        }
    }

    let mut store = Store::open(dir).unwrap();
    store.load().unwrap();
    let sets: Vec<_> = store
        .backups()
        .unwrap()
        .into_iter()
        .filter(|b| b.name.ends_with("Z.d"))
        .collect();
    assert!(!sets.is_empty());
    let mut newer = u32::MAX;
    for set in &sets {
        // A set holds what its save replaced; read through the newer ones, it is one state,
        // and no newer than the state kept by the set after it.
        let kept = store.backup_data(&set.name).unwrap();
        let n = number(&kept).unwrap_or_else(|| panic!("{}: a mix", set.name));
        assert!(n <= newer, "{}: {n} after {newer}", set.name);
        newer = n;
    }
    eprintln!(
        "kill -9 on the split layout: {RUNS} kills, {saves} saves of 4 documents completed; \
         {before} left the state before the save in flight, {after} after it, {mid_save} left a \
         journal or temporary files (finished or removed at the next open); mixed: 0; \
         {} backup sets, each one state; the base checked whole after {bases} kills",
        sets.len()
    );
    assert!(bases > RUNS / 2, "{bases}");
}

#[test]
fn a_reader_without_the_lock_never_sees_a_mix_of_two_saves() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let base = version(&cercle::generate::generate(6, 3), 0);
    let mut store = Store::open(&dir).unwrap();
    store.migrate_to_split(&base).unwrap();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut n = 1;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                store.save(&version(&base, n)).unwrap();
                n += 1;
            }
            n
        })
    };
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..40 {
        let loaded = Store::open_read_only(&dir)
            .unwrap()
            .load()
            .unwrap()
            .unwrap();
        seen.insert(number(&loaded).expect("a reader saw a mix of two saves"));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let saves = writer.join().unwrap();
    assert!(saves > 2 && seen.len() > 1, "{saves} saves, {seen:?} seen");
}
