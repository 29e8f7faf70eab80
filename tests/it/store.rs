//! The store against a real file system: every test works in its own temporary directory.

use cercle::domain::{Data, Venue, VenueId};
use cercle::store::{
    BACKUP_DIR, DATA_FILE, LOCK_FILE, QUARANTINE_PREFIX, ReadOnlyReason, SaveStep, Store,
    StoreError, to_json,
};
use chrono::{TimeDelta, Utc};
use std::collections::BTreeSet;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

fn sample(n: u32) -> Data {
    let mut data = Data::empty("Facilitateur de tiers-lieux", "Coopérative");
    data.venues.push(Venue {
        id: VenueId::new(format!("venue-{n}")),
        name: format!("La Fabrique n°{n}"),
        city: "Lyon".into(),
        capacity: 20 + n,
        ..Venue::default()
    });
    data
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn names(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect()
}

fn set_name_at(at: chrono::DateTime<Utc>) -> String {
    format!("cercle-{}Z.d", at.format("%Y%m%dT%H%M%S%.3f"))
}

fn backup_name_at(at: chrono::DateTime<Utc>) -> String {
    format!("cercle-{}Z.json", at.format("%Y%m%dT%H%M%S%.3f"))
}

// ---------------------------------------------------------------- lock, across processes

const HOLD_LOCK_IN: &str = "CERCLE_TEST_HOLD_LOCK_IN";
const HELD: &str = "CERCLE-TEST-LOCK-HELD";

/// Run by `a_second_process_is_refused_until_the_holder_dies` in a child process.
#[test]
#[ignore = "helper: run in a child process by the lock test"]
fn lock_holder() {
    let Some(dir) = std::env::var_os(HOLD_LOCK_IN) else {
        return;
    };
    let _store = Store::open(Path::new(&dir)).expect("the child opens the store");
    println!("{HELD}");
    std::io::stdout().flush().unwrap();
    // Hold the lock until killed, or until the parent goes away and stdin closes.
    let _ = std::io::stdin().read_to_end(&mut Vec::new());
}

/// Kills the child even when an assertion fails first.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_second_process_is_refused_until_the_holder_dies() {
    let tmp = tempfile::tempdir().unwrap();
    let mut child = KillOnDrop(
        Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "store::lock_holder", "--ignored", "--nocapture"])
            .env(HOLD_LOCK_IN, tmp.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let stdout = child.0.stdout.take().unwrap();
    let held = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|line| line.contains(HELD));
    assert!(held, "the child never took the lock");
    let pid = child.0.id();

    let err = Store::open(tmp.path()).unwrap_err();
    let StoreError::Locked { pid: holder, path } = &err else {
        panic!("not refused as locked: {err}");
    };
    assert_eq!(*holder, Some(pid));
    assert_eq!(path, &tmp.path().join(LOCK_FILE));
    let msg = err.to_string();
    assert!(msg.contains(&format!("process {pid}")), "{msg}");
    assert!(msg.contains("--read-only"), "{msg}");
    // Reading is still possible beside the holder.
    let mut reader = Store::open_read_only(tmp.path()).unwrap();
    assert_eq!(reader.load().unwrap(), None);

    child.0.kill().unwrap();
    child.0.wait().unwrap();
    // The OS lock died with its process; the lock file left behind does not block.
    assert!(tmp.path().join(LOCK_FILE).exists());
    Store::open(tmp.path()).expect("the lock is free once the holder is dead");
}

// ---------------------------------------------------------------- saving and loading

#[test]
fn save_then_load_gives_the_same_data() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    assert_eq!(store.load().unwrap(), None);
    let data = sample(1);
    let report = store.save(&data).unwrap();
    assert_eq!(report.path, tmp.path().join(DATA_FILE));
    assert_eq!(report.backup, None);
    assert_eq!(store.load().unwrap(), Some(data.clone()));
    drop(store);
    let mut again = Store::open(tmp.path()).unwrap();
    assert_eq!(again.load().unwrap(), Some(data));
}

#[test]
fn files_and_directories_are_private() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("deep/data");
    let mut store = Store::open(&dir).unwrap();
    store.save(&sample(1)).unwrap();
    let report = store.save(&sample(2)).unwrap();
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join(DATA_FILE)), 0o600);
    assert_eq!(mode(&dir.join(LOCK_FILE)), 0o600);
    assert_eq!(mode(&dir.join(BACKUP_DIR)), 0o700);
    let set = report.backup.unwrap();
    assert_eq!(mode(&set), 0o700);
    assert_eq!(mode(&set.join(DATA_FILE)), 0o600);
    for folder in ["cercle", "cercle/cohorts", "cercle/people"] {
        if dir.join(folder).exists() {
            assert_eq!(mode(&dir.join(folder)), 0o700, "{folder}");
        }
    }
    let copy = store
        .save_as(&tmp.path().join("copy.json"), &to_json(&sample(2)).unwrap())
        .unwrap();
    assert_eq!(mode(&copy), 0o600);
}

#[test]
fn leftover_temporary_files_are_removed_at_open() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    fs::create_dir_all(dir.join(BACKUP_DIR)).unwrap();
    fs::write(dir.join(".cercle.json.tmp-4242-0"), b"{\"half").unwrap();
    fs::write(dir.join(".cercle.recovery.json.tmp-4242-1"), b"{").unwrap();
    let in_backups = dir
        .join(BACKUP_DIR)
        .join(".cercle-20261128T130512.123Z.json.tmp-4242-2");
    fs::write(&in_backups, b"{").unwrap();
    fs::write(dir.join("notes.txt"), b"mine").unwrap();

    let _store = Store::open(dir).unwrap();
    assert_eq!(
        names(dir),
        BTreeSet::from(["backups".into(), "cercle.lock".into(), "notes.txt".into()])
    );
    assert!(!in_backups.exists());
}

#[test]
fn a_failed_save_leaves_the_file_untouched_and_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut store = Store::open(dir).unwrap();
    store.save(&sample(1)).unwrap();
    let before = fs::read(dir.join(DATA_FILE)).unwrap();
    // A file where the backups directory should be: keeping the previous version fails.
    fs::write(dir.join(BACKUP_DIR), b"in the way").unwrap();

    let err = store.save(&sample(2)).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Save {
                step: SaveStep::Backup,
                ..
            }
        ),
        "{err:?}"
    );
    let msg = err.to_string();
    assert!(
        msg.contains(&dir.join(DATA_FILE).display().to_string()),
        "{msg}"
    );
    assert!(msg.contains("was not changed"), "{msg}");
    assert!(msg.contains("still in memory"), "{msg}");
    assert_eq!(fs::read(dir.join(DATA_FILE)).unwrap(), before);
    assert_eq!(
        names(dir),
        BTreeSet::from(["backups".into(), "cercle.json".into(), "cercle.lock".into()]),
        "a temporary file was left behind"
    );

    // Once the obstacle is gone, the same store saves (the failure was not taken for a change).
    fs::remove_file(dir.join(BACKUP_DIR)).unwrap();
    store.save(&sample(2)).unwrap();
    assert_eq!(store.load().unwrap(), Some(sample(2)));
}

#[test]
fn a_read_only_store_reads_but_never_writes() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("missing");
    let mut store = Store::open_read_only(&missing).unwrap();
    assert_eq!(store.load().unwrap(), None);
    assert!(!missing.exists());

    let mut writer = Store::open(tmp.path()).unwrap();
    writer.save(&sample(1)).unwrap();
    let mut reader = Store::open_read_only(tmp.path()).unwrap();
    assert_eq!(reader.load().unwrap(), Some(sample(1)));
    assert_eq!(reader.read_only_reason(), Some(&ReadOnlyReason::Requested));
    let before = fs::read(tmp.path().join(DATA_FILE)).unwrap();
    let json = to_json(&sample(2)).unwrap();
    for err in [
        reader.save(&sample(2)).unwrap_err(),
        reader.save_overwriting(&json).unwrap_err(),
    ] {
        assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
    }
    assert_eq!(fs::read(tmp.path().join(DATA_FILE)).unwrap(), before);
    // Saving a copy elsewhere is still offered.
    let copy = tmp.path().join("elsewhere.json");
    reader.save_as(&copy, &json).unwrap();
    assert_eq!(fs::read(&copy).unwrap(), json);
    let err = reader
        .save_as(&tmp.path().join(DATA_FILE), &json)
        .unwrap_err();
    assert!(matches!(err, StoreError::SameFile { .. }), "{err:?}");
}

// ---------------------------------------------------------------- changes by other programs

#[test]
fn a_change_on_disk_is_not_overwritten_without_asking() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join(DATA_FILE);
    let mut store = Store::open(tmp.path()).unwrap();
    store.save(&sample(1)).unwrap();
    // Another program edits the index (which holds the programme and the venues).
    let mut index: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    index["programme"]["title"] = "Leur titre".into();
    let theirs = serde_json::to_vec_pretty(&index).unwrap();
    fs::write(&path, &theirs).unwrap();

    let err = store.save(&sample(2)).unwrap_err();
    assert!(matches!(err, StoreError::ChangedOnDisk { .. }), "{err:?}");
    assert!(err.to_string().contains("changed by another program"));
    assert_eq!(fs::read(&path).unwrap(), theirs);

    // Overwriting writes ours over theirs, even a document ours did not change since the last
    // save, and keeps theirs in the backup.
    let report = store
        .save_overwriting(&to_json(&sample(1)).unwrap())
        .unwrap();
    assert_eq!(
        fs::read(report.backup.unwrap().join(DATA_FILE)).unwrap(),
        theirs
    );
    assert_eq!(store.load().unwrap(), Some(sample(1)));
    // After overwriting, ordinary saves work again.
    store.save(&sample(3)).unwrap();
}

#[test]
fn a_file_that_appeared_counts_as_a_change() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    assert_eq!(store.load().unwrap(), None);
    let theirs = to_json(&sample(99)).unwrap();
    fs::write(tmp.path().join(DATA_FILE), &theirs).unwrap();
    let err = store.save(&sample(1)).unwrap_err();
    assert!(matches!(err, StoreError::ChangedOnDisk { .. }), "{err:?}");
    assert_eq!(fs::read(tmp.path().join(DATA_FILE)).unwrap(), theirs);
    // Reloading makes it ours.
    assert_eq!(store.load().unwrap(), Some(sample(99)));
    store.save(&sample(1)).unwrap();
}

// ---------------------------------------------------------------- damage and newer files

fn random_bytes(len: usize) -> Vec<u8> {
    // A fixed linear congruential sequence: arbitrary bytes, the same at every run.
    let mut x: u32 = 0x1234_5678;
    (0..len)
        .map(|_| {
            x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            x.to_be_bytes()[0]
        })
        .collect()
}

fn assert_refused(case: &str, bytes: &[u8]) {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join(DATA_FILE);
    fs::write(&path, bytes).unwrap();
    let mut store = Store::open(tmp.path()).unwrap();

    let err = store.load().unwrap_err();
    let msg = err.to_string();
    let StoreError::Damaged {
        line,
        quarantine,
        backup,
        ..
    } = err
    else {
        panic!("{case}: not refused as damaged: {msg}");
    };
    assert!(line >= 1, "{case}: no line in {msg}");
    assert!(
        msg.contains(&format!("line {line}, column ")),
        "{case}: {msg}"
    );
    assert_eq!(backup, None, "{case}");
    let quarantine = quarantine.unwrap_or_else(|| panic!("{case}: no copy set aside"));
    assert_eq!(quarantine.parent(), Some(tmp.path()), "{case}");
    let copy_name = quarantine.file_name().unwrap().to_str().unwrap();
    assert!(
        copy_name.starts_with(QUARANTINE_PREFIX),
        "{case}: {copy_name}"
    );
    assert_eq!(
        fs::read(&quarantine).unwrap(),
        bytes,
        "{case}: copy differs"
    );
    assert_eq!(mode(&quarantine), 0o600, "{case}");
    assert_eq!(
        store.read_only_reason(),
        Some(&ReadOnlyReason::Damaged),
        "{case}"
    );

    let json = to_json(&sample(1)).unwrap();
    for refused in [
        store.save(&sample(1)).unwrap_err(),
        store.save_overwriting(&json).unwrap_err(),
    ] {
        assert!(
            matches!(refused, StoreError::DamagedNotOverwritten { .. }),
            "{case}: {refused:?}"
        );
    }
    assert_eq!(fs::read(&path).unwrap(), bytes, "{case}: original changed");
    // Opening it again reuses the same copy instead of piling up new ones.
    let Err(StoreError::Damaged {
        quarantine: again, ..
    }) = store.load()
    else {
        panic!("{case}: second load");
    };
    assert_eq!(again.as_ref(), Some(&quarantine), "{case}");
}

#[test]
fn every_kind_of_damaged_file_is_refused_and_kept() {
    let good = to_json(&sample(1)).unwrap();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(&good);
    assert_refused("empty", b"");
    assert_refused("truncated", &good[..good.len() * 2 / 3]);
    assert_refused("zeros", &[0; 4096]);
    assert_refused("random bytes", &random_bytes(2048));
    assert_refused("byte-order mark", &bom);
    assert_refused(
        "wrong shape",
        br#"{"schema_version": 2, "people": "nobody"}"#,
    );
    assert_refused("not an object", b"[1, 2, 3]\n");
}

#[test]
fn damage_points_to_the_newest_good_backup_and_restore_lifts_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let path = dir.join(DATA_FILE);
    let mut store = Store::open(dir).unwrap();
    store.save(&sample(1)).unwrap();
    store.save(&sample(2)).unwrap();
    let good = store.save(&sample(3)).unwrap().backup.unwrap();
    // A newer backup that is itself damaged must be passed over.
    let bad_name = backup_name_at(Utc::now() + TimeDelta::hours(1));
    fs::write(dir.join(BACKUP_DIR).join(&bad_name), b"{\"cut").unwrap();
    let bad_set = set_name_at(Utc::now() + TimeDelta::hours(2));
    fs::create_dir(dir.join(BACKUP_DIR).join(&bad_set)).unwrap();
    fs::write(
        dir.join(BACKUP_DIR).join(&bad_set).join(DATA_FILE),
        b"{\"cut",
    )
    .unwrap();
    drop(store);
    fs::write(&path, b"\0\0\0\0").unwrap();

    let mut store = Store::open(dir).unwrap();
    let err = store.load().unwrap_err();
    let good_name = good.file_name().unwrap().to_str().unwrap().to_owned();
    assert!(
        err.to_string()
            .contains(&format!("cercle restore {good_name}")),
        "{err}"
    );
    let StoreError::Damaged { backup, .. } = err else {
        panic!("not damaged");
    };
    assert_eq!(backup.as_ref(), Some(&good));

    for bad in [&bad_name, &bad_set] {
        let err = store.restore(bad).unwrap_err();
        assert!(matches!(err, StoreError::BadBackup { .. }), "{err:?}");
    }
    for wrong in [
        "../cercle.json",
        "cercle.json",
        "cercle-20000101T000000.000Z.json",
    ] {
        let err = store.restore(wrong).unwrap_err();
        assert!(
            matches!(err, StoreError::NoSuchBackup { .. }),
            "{wrong}: {err:?}"
        );
    }
    assert_eq!(fs::read(&path).unwrap(), b"\0\0\0\0");

    let restored = store.restore(&good_name).unwrap();
    assert_eq!(restored.data, sample(2));
    // The damaged index was kept before being replaced.
    assert_eq!(fs::read(restored.previous.unwrap()).unwrap(), b"\0\0\0\0");
    assert_eq!(
        fs::read(&path).unwrap(),
        fs::read(good.join(DATA_FILE)).unwrap()
    );
    assert!(!store.is_read_only());
    store.save(&sample(4)).unwrap();
    assert_eq!(store.load().unwrap(), Some(sample(4)));
}

#[test]
fn restore_keeps_the_current_file_first() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    store.save(&sample(1)).unwrap();
    let first = store.save(&sample(2)).unwrap().backup.unwrap();
    let current = fs::read(tmp.path().join(DATA_FILE)).unwrap();

    let restored = store
        .restore(first.file_name().unwrap().to_str().unwrap())
        .unwrap();
    assert_eq!(restored.data, sample(1));
    let previous = restored.previous.unwrap();
    assert_eq!(fs::read(previous.join(DATA_FILE)).unwrap(), current);
    assert_eq!(store.load().unwrap(), Some(sample(1)));
    // The restore counts as our own write: the next save is not taken for a change on disk.
    store.save(&sample(3)).unwrap();
}

fn with_version(data: &Data, version: u32) -> Vec<u8> {
    let mut value = serde_json::to_value(data).unwrap();
    value["schema_version"] = version.into();
    serde_json::to_vec_pretty(&value).unwrap()
}

#[test]
fn a_newer_file_opens_read_only_and_is_never_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join(DATA_FILE);
    let newer = with_version(&sample(1), cercle::store::SPLIT_VERSION + 1);
    fs::write(&path, &newer).unwrap();
    let mut store = Store::open(tmp.path()).unwrap();

    let data = store.load().unwrap().unwrap();
    assert_eq!(data.venues, sample(1).venues);
    let found = cercle::store::SPLIT_VERSION + 1;
    let supported = cercle::store::SPLIT_VERSION;
    assert_eq!(
        store.read_only_reason(),
        Some(&ReadOnlyReason::FutureSchema { found, supported })
    );
    let err = store.save(&sample(2)).unwrap_err();
    assert!(
        matches!(err, StoreError::FutureSchema { found: f, supported: s, .. } if f == found && s == supported),
        "{err:?}"
    );
    let msg = err.to_string();
    assert!(
        msg.contains("newer Cercle") && msg.contains("update Cercle"),
        "{msg}"
    );
    assert!(
        store
            .save_overwriting(&to_json(&sample(2)).unwrap())
            .is_err()
    );
    assert_eq!(fs::read(&path).unwrap(), newer);
}

#[test]
fn a_newer_file_of_unknown_shape_is_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join(DATA_FILE);
    let alien = br#"{"schema_version": 42, "everything": "moved"}"#;
    fs::write(&path, alien).unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    let err = store.load().unwrap_err();
    assert!(
        matches!(err, StoreError::TooNew { found: 42, .. }),
        "{err:?}"
    );
    assert!(matches!(
        store.save(&sample(1)).unwrap_err(),
        StoreError::FutureSchema { found: 42, .. }
    ));
    assert_eq!(fs::read(&path).unwrap(), alien);
    // Not damage: nothing was set aside.
    assert_eq!(
        names(tmp.path()),
        BTreeSet::from(["cercle.json".into(), "cercle.lock".into()])
    );
}

// ---------------------------------------------------------------- backups

#[test]
fn many_saves_leave_exactly_the_rotated_backups() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let backups = dir.join(BACKUP_DIR);
    let mut store = Store::open(dir).unwrap();
    let start = Utc::now();

    // Backups from earlier days, as a long-lived data directory has them.
    fs::create_dir(&backups).unwrap();
    let mut expected = BTreeSet::new();
    for days in [1, 2, 3, 30] {
        let name = backup_name_at(start - TimeDelta::days(days));
        fs::write(backups.join(&name), to_json(&sample(100)).unwrap()).unwrap();
        if days < 7 {
            expected.insert(name);
        }
    }

    let mut taken: Vec<PathBuf> = Vec::new();
    for n in 0..15 {
        taken.extend(store.save(&sample(n)).unwrap().backup);
    }
    if Utc::now().date_naive() != start.date_naive() {
        // Past midnight (UTC) the day-based rule keeps one more; nothing to check this run.
        return;
    }
    // The first save had nothing to back up; the backup at save n holds sample n - 1.
    assert_eq!(taken.len(), 14);
    expected.extend(
        taken[4..]
            .iter()
            .map(|p| p.file_name().unwrap().to_str().unwrap().to_owned()),
    );
    // Beside them, the base the split layout's sets are read through.
    expected.insert("current.d".to_owned());
    assert_eq!(names(&backups), expected);

    let listed = store.backups().unwrap();
    assert_eq!(listed.len(), 13);
    assert!(
        listed.windows(2).all(|w| w[0].taken_at > w[1].taken_at),
        "not newest first"
    );
    for (info, n) in listed.iter().zip((4..14).rev()) {
        assert_eq!(
            store.backup_data(&info.name).unwrap(),
            sample(n),
            "{}",
            info.name
        );
    }
    for info in &listed[10..] {
        assert_eq!(
            store.backup_data(&info.name).unwrap(),
            sample(100),
            "{}",
            info.name
        );
        assert_eq!(info.size, fs::metadata(&info.path).unwrap().len());
    }
}
