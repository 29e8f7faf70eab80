//! kill -9 while the backup sets are rewritten, as `cercle forget` rewrites them to erase a
//! person: after every kill each set is still there under its name and reads as one state, the
//! one before its rewrite or the one after.
//!
//! `cargo test --test it crash_forget -- --nocapture` prints the figures.

use crate::common::killing::{Moments, leftovers, run_and_kill};
use cercle::domain::Data;
use cercle::store::Store;
use std::path::Path;
use std::time::Duration;

const RUNS: u32 = 100;
const REWRITER_IN: &str = "CERCLE_TEST_SET_REWRITER_IN";
const LABEL: &str = "rewrite-";

/// The rewrite a copy carries in its programme's title (in the index, which every set holds):
/// 0 before any.
fn rewrite_of(data: &Data) -> u32 {
    data.programme
        .title
        .strip_prefix(LABEL)
        .map_or(0, |n| n.parse().unwrap())
}

/// Run by the test in a child process: rewrites every copy with the next number, forever.
#[test]
#[ignore = "helper: run in a child process by the rewrite crash test"]
fn set_rewriter() {
    let Some(dir) = std::env::var_os(REWRITER_IN) else {
        return;
    };
    let mut store = Store::open(Path::new(&dir)).expect("the rewriter takes the lock");
    store.load().unwrap();
    let first = store
        .backups()
        .unwrap()
        .iter()
        .map(|b| rewrite_of(&store.backup_data(&b.name).unwrap()))
        .max()
        .unwrap();
    let mut out = std::io::stdout();
    for n in first + 1.. {
        let _ = std::io::Write::write_all(&mut out, format!("saving {n}\n").as_bytes());
        let done = store
            .rewrite_copies(&mut |copy: &mut Data| {
                copy.programme.title = format!("{LABEL}{n:06}");
                true
            })
            .expect("the rewrite succeeds");
        assert!(done.unreadable.is_empty(), "{:?}", done.unreadable);
        let _ = std::io::Write::write_all(&mut out, format!("saved {n}\n").as_bytes());
    }
}

#[test]
fn kill_9_while_rewriting_the_backup_sets_loses_none() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = cercle::generate::generate(4, 8);
    let mut store = Store::open(dir).unwrap();
    store.migrate_to_split(&data).unwrap();
    // Sets holding the index and one cohort each, as saves leave them.
    let mut current = data;
    for n in 0..4 {
        let mut next = current.clone();
        next.cohorts[n].name = format!("save {n}");
        store.save(&next).unwrap();
        current = next;
    }
    let sets = |store: &Store| -> Vec<String> {
        let mut names: Vec<String> = store
            .backups()
            .unwrap()
            .into_iter()
            .map(|b| b.name)
            .filter(|name| name.ends_with("Z.d"))
            .collect();
        names.sort();
        names
    };
    let names = sets(&store);
    assert!(names.len() >= 4, "{names:?}");
    drop(store);

    let mut moments = Moments(0xF0E6_E7ED);
    let (mut rewrites, mut mid, mut whole) = (0u32, 0u32, 0u32);
    // What each set held before the run.
    let mut held = vec![0u32; names.len()];
    for run in 0..RUNS {
        let skip = moments.next(3);
        let pause = Duration::from_micros(moments.next(60_000));
        let killed = run_and_kill("crash_forget::set_rewriter", REWRITER_IN, dir, skip, pause);
        let last = killed.last_started();
        rewrites += killed.saves();
        // A set is swapped in one rename, never moved aside first: no folder of an old set is
        // ever left, at whatever moment the kill fell.
        let aside: Vec<_> = std::fs::read_dir(dir.join(cercle::store::BACKUP_DIR))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with(".cercle-old.tmp-"))
            .collect();
        assert!(aside.is_empty(), "run {run}: {aside:?}");
        let store = Store::open(dir).expect("the lock is free at once after kill -9");
        assert!(leftovers(dir).is_empty(), "run {run}: {:?}", leftovers(dir));
        assert_eq!(sets(&store), names, "run {run}: a set is missing");
        let mut seen = Vec::new();
        for (name, before) in names.iter().zip(&held) {
            let kept = store
                .backup_data(name)
                .unwrap_or_else(|e| panic!("run {run}: {name}: {e}"));
            let n = rewrite_of(&kept);
            // The rewrite in flight, or the one before it: this run's last finished one, else
            // what the set held when the run began.
            let earlier = if killed.saves() > 0 {
                last - 1
            } else {
                *before
            };
            assert!(
                n == last || n == earlier,
                "run {run}: {name} holds {n}, not {last} or {earlier}"
            );
            seen.push(n);
        }
        held.clone_from(&seen);
        if killed.last_done() == Some(last) {
            assert!(seen.iter().all(|n| *n == last), "run {run}: {seen:?}");
        }
        if seen.iter().any(|n| *n != seen[0]) {
            mid += 1;
        } else {
            whole += 1;
        }
    }
    eprintln!(
        "kill -9 while rewriting {} backup sets: {RUNS} kills, {rewrites} whole rewrites \
         completed; {mid} kills fell between two sets (some rewritten, the others not yet), \
         {whole} left every set at the same rewrite; sets lost: 0, sets unreadable: 0",
        names.len()
    );
    assert!(mid > 0, "no kill fell inside a rewrite");
}
