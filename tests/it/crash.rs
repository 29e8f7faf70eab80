//! kill -9 in the middle of saves, at seeded random moments, on a mid-size generated file: the
//! file always reads back as the state before or after the save in flight, the next start gets
//! the lock at once and finds no temporary file, and every backup reads.
//!
//! `cargo test --test crash -- --nocapture` prints the figures.

use crate::common::killing::{Moments, run_and_kill};
use cercle::store::{BACKUP_DIR, DATA_FILE, LOCK_FILE, Store};
use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::Duration;

const RUNS: u32 = 100;
const SAVER_IN: &str = "CERCLE_TEST_CRASH_SAVER_IN";
/// The programme title carries the save's number, always with the same width.
const MARK: &[u8] = b"crash-test-";
const DIGITS: usize = 6;

/// The data file of save `n`: the first one with its number written in.
fn version(first: &[u8], n: u32) -> Vec<u8> {
    let at = first
        .windows(MARK.len())
        .position(|w| w == MARK)
        .expect("the mark is in the file")
        + MARK.len();
    let mut bytes = first.to_vec();
    bytes[at..at + DIGITS].copy_from_slice(format!("{n:0DIGITS$}").as_bytes());
    bytes
}

fn number(bytes: &[u8]) -> u32 {
    let at = bytes.windows(MARK.len()).position(|w| w == MARK).unwrap() + MARK.len();
    std::str::from_utf8(&bytes[at..at + DIGITS])
        .unwrap()
        .parse()
        .unwrap()
}

/// Run by the crash test in a child process: saves versions after the one on disk, forever,
/// saying "saving N" before each save and "saved N" after it.
#[test]
#[ignore = "helper: run in a child process by the crash test"]
fn saver() {
    let Some(dir) = std::env::var_os(SAVER_IN) else {
        return;
    };
    let mut store = Store::open(Path::new(&dir)).expect("the saver takes the lock");
    let on_disk = std::fs::read(store.data_path()).unwrap();
    let mut out = std::io::stdout();
    for n in number(&on_disk) + 1.. {
        let json = version(&on_disk, n);
        let _ = std::io::Write::write_all(&mut out, format!("saving {n}\n").as_bytes());
        store.save_bytes(&json).expect("the save succeeds");
        let _ = std::io::Write::write_all(&mut out, format!("saved {n}\n").as_bytes());
    }
}

fn temp_files(dir: &Path) -> Vec<std::path::PathBuf> {
    [dir.to_owned(), dir.join(BACKUP_DIR)]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).into_iter().flatten().flatten())
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(".tmp-"))
        .collect()
}

#[test]
fn kill_9_during_saves_never_loses_or_mixes_a_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut data = cercle::generate::generate(8, 7);
    data.programme.title = format!("crash-test-{:0DIGITS$}", 0);
    Store::open(dir).unwrap().save(&data).unwrap();
    let first = std::fs::read(dir.join(DATA_FILE)).unwrap();
    let mut moments = Moments(0x00C0_FFEE);
    let (mut saves, mut old, mut new, mut mid_write) = (0u32, 0u32, 0u32, 0u32);

    for run in 0..RUNS {
        // Anywhere in the next ~40 ms: a save of this file takes a few, so the moment falls
        // in any of its steps (temporary file, sync, backup, rename, rotation).
        let pause = Duration::from_micros(moments.next(40_000));
        let killed = run_and_kill("crash::saver", SAVER_IN, dir, 0, pause);
        let (pid, last_started, last_done) =
            (killed.pid, killed.last_started(), killed.last_done());
        saves += killed.saves();

        // The file is the one before the save in flight, or the one after, byte for byte.
        let bytes = std::fs::read(dir.join(DATA_FILE)).unwrap();
        if bytes == version(&first, last_started) {
            new += 1;
        } else {
            assert_eq!(
                bytes,
                version(&first, last_started - 1),
                "run {run}: the file is neither before nor after save {last_started}"
            );
            assert_ne!(
                last_done,
                Some(last_started),
                "run {run}: a finished save was lost"
            );
            old += 1;
        }
        // What a kill left behind is as private as the file; the dead saver's pid stays in
        // the lock file, and does not block.
        let leftovers = temp_files(dir);
        mid_write += u32::from(!leftovers.is_empty());
        for temp in &leftovers {
            let mode = std::fs::metadata(temp).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", temp.display());
        }
        let mut holder = String::new();
        std::fs::File::open(dir.join(LOCK_FILE))
            .unwrap()
            .read_to_string(&mut holder)
            .unwrap();
        assert_eq!(holder, pid.to_string(), "run {run}");
        let mut store = Store::open(dir).expect("the lock is free at once after kill -9");
        assert!(
            temp_files(dir).is_empty(),
            "run {run}: temporary files left"
        );
        let loaded = store.load().unwrap().expect("the file reads");
        assert!(loaded.programme.title.starts_with("crash-test-"));
    }

    let store = Store::open(dir).unwrap();
    let backups = store.backups().unwrap();
    assert!(!backups.is_empty());
    for backup in &backups {
        let bytes = std::fs::read(&backup.path).unwrap();
        cercle::store::from_json(&bytes).expect("every backup reads");
        assert_eq!(bytes, version(&first, number(&bytes)), "{}", backup.name);
    }
    eprintln!(
        "kill -9: {RUNS} runs on a {} KB file, {saves} saves completed, {RUNS} kills: \
         {old} left the file before the save in flight, {new} after it, {mid_write} left a \
         temporary file (removed at the next start); files mixed or unreadable: 0; \
         {} backups, all readable",
        first.len() / 1000,
        backups.len()
    );
}
