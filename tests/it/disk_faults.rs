//! The store under faults of the disk and of the file: a full disk (a file-size limit, and a
//! small tmpfs where one can be mounted), damaged files of every kind, and restoring every
//! backup after many saves.

use crate::common;

use cercle::domain::Data;
use cercle::store::{
    BACKUP_DIR, BackupKind, DATA_FILE, QUARANTINE_PREFIX, ReadOnlyReason, SaveStep, Store,
    StoreError, to_json,
};
use std::collections::BTreeSet;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

const FULL_DISK_IN: &str = "CERCLE_TEST_FULL_DISK_IN";
const REFUSED: &str = "CERCLE-TEST-REFUSED:";

fn names(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect()
}

fn changed(mut data: Data) -> Data {
    data.people[0].name.push_str(" (changed)");
    data
}

/// Run in a child process whose disk is full: a file-size limit (`limit` set), or a small
/// tmpfs. Saves the sample over itself and prints the refusal.
#[test]
#[ignore = "helper: run in a child process by the full-disk tests"]
fn full_disk_saver() {
    let Some(dir) = std::env::var_os(FULL_DISK_IN) else {
        return;
    };
    let dir = Path::new(&dir);
    if let Ok(limit) = std::env::var("CERCLE_TEST_FILE_SIZE_LIMIT") {
        common::sys::limit_file_size(limit.parse().unwrap());
    }
    let mut store = Store::open(dir).unwrap();
    let data = if let Some(data) = store.load().unwrap() {
        data
    } else {
        // On the tmpfs the first save fits; then the disk is filled to the last block.
        let data = cercle::sample::sample();
        store.save(&data).unwrap();
        fill(&dir.join("filler"));
        data
    };
    let shard = dir.join(cercle::store::person_document(data.people[0].id.as_str()));
    let before = (
        std::fs::read(dir.join(DATA_FILE)).unwrap(),
        std::fs::read(&shard).unwrap(),
    );
    let err = store.save(&changed(data)).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Save {
                step: SaveStep::WriteTemp,
                ..
            }
        ),
        "{err:?}"
    );
    let after = (
        std::fs::read(dir.join(DATA_FILE)).unwrap(),
        std::fs::read(&shard).unwrap(),
    );
    assert!(after == before, "the documents were changed");
    println!("{REFUSED}{err}");
}

/// Writes `path` until the disk is full.
fn fill(path: &Path) {
    use std::io::Write;
    let mut file = std::fs::File::create(path).unwrap();
    let block = [0u8; 4096];
    while file.write_all(&block).is_ok() {}
    while file.write_all(&block[..1]).is_ok() {}
}

fn run_full_disk_saver(runner: &[&str], dir: &Path, limit: Option<u64>) -> String {
    let exe = std::env::current_exe().unwrap();
    let mut command = Command::new(runner.first().map_or(exe.as_os_str(), |r| r.as_ref()));
    command.args(runner.iter().skip(1));
    if !runner.is_empty() {
        command.arg(&exe);
    }
    command
        .args([
            "--exact",
            "disk_faults::full_disk_saver",
            "--ignored",
            "--nocapture",
        ])
        .env(FULL_DISK_IN, dir);
    if let Some(limit) = limit {
        command.env("CERCLE_TEST_FILE_SIZE_LIMIT", limit.to_string());
    }
    let output = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
        .lines()
        .find_map(|l| l.strip_prefix(REFUSED))
        .expect("the save was refused")
        .to_owned()
}

#[test]
fn a_file_size_limit_refuses_the_save_and_leaves_the_file_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = cercle::sample::sample();
    Store::open(dir).unwrap().save(&data).unwrap();
    let original = std::fs::read(dir.join(DATA_FILE)).unwrap();
    let listing = names(dir);
    // Below the size of the people document the change writes.
    let shard = dir.join(cercle::store::person_document(data.people[0].id.as_str()));
    let limit = std::fs::metadata(&shard).unwrap().len() / 2;

    let said = run_full_disk_saver(&[], dir, Some(limit));
    assert!(said.contains("larger than this system allows"), "{said}");
    assert!(
        said.contains("was not changed") && said.contains("still in memory"),
        "{said}"
    );
    assert_eq!(std::fs::read(dir.join(DATA_FILE)).unwrap(), original);
    // Nothing of the save was left behind; at most the backup set it took first, whole, of the
    // documents as they were.
    let mut now = names(dir);
    if now.remove(BACKUP_DIR) {
        let store = Store::open_read_only(dir).unwrap();
        for backup in store.backups().unwrap() {
            assert_eq!(store.backup_data(&backup.name).unwrap(), data);
        }
    }
    assert_eq!(now, listing, "nothing else was written or left behind");
}

#[test]
fn a_full_tmpfs_refuses_the_save_and_leaves_the_file_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    if !common::sys::is_root() {
        eprintln!("skipped: mounting a small tmpfs needs root (the file-size test covers this)");
        return;
    }
    let words =
        common::sys::in_mount_namespace(r#"mount -t tmpfs -o size=400k,mode=0700 tmpfs "$1""#, dir);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let probe = Command::new("unshare")
        .args(["--mount", "true"])
        .status()
        .is_ok_and(|s| s.success());
    if !probe {
        eprintln!("skipped: no mount namespace here (the file-size test covers this)");
        return;
    }
    let said = run_full_disk_saver(&words, dir, None);
    assert!(said.starts_with("No space left on the device"), "{said}");
    assert!(said.contains("Free some space"), "{said}");
}

// ---------------------------------------------------------------- damaged files

/// A fixed xorshift sequence: arbitrary offsets and bytes, the same at every run.
fn seeded(seed: u64, n: usize) -> Vec<u64> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        })
        .collect()
}

fn damaged_cases() -> Vec<(String, Vec<u8>)> {
    let good = to_json(&cercle::sample::sample()).unwrap();
    let mut cases = vec![
        ("empty".to_owned(), Vec::new()),
        ("zeros".to_owned(), vec![0; 8192]),
        (
            "random bytes".to_owned(),
            seeded(3, 4096).iter().map(|x| x.to_le_bytes()[0]).collect(),
        ),
        (
            "byte-order mark".to_owned(),
            [b"\xEF\xBB\xBF".as_slice(), &good].concat(),
        ),
        (
            "wrong shape".to_owned(),
            br#"{"schema_version": 2, "cohorts": {}}"#.to_vec(),
        ),
        ("a number".to_owned(), b"42\n".to_vec()),
        (
            "a bad programme".to_owned(),
            br#"{"schema_version": 2, "programme": 7}"#.to_vec(),
        ),
    ];
    for offset in seeded(11, 40) {
        let at = usize::try_from(offset).unwrap() % (good.len() - 1);
        cases.push((format!("truncated at byte {at}"), good[..at].to_vec()));
    }
    cases
}

#[test]
fn every_damaged_file_is_refused_with_its_place_kept_and_copied_and_nothing_written() {
    for (case, bytes) in damaged_cases() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        std::fs::write(dir.join(DATA_FILE), &bytes).unwrap();
        let mut store = Store::open(dir).unwrap();
        let err = store.load().unwrap_err();
        let message = err.to_string();
        let StoreError::Damaged {
            line,
            column,
            quarantine: Some(copy),
            ..
        } = err
        else {
            panic!("{case}: not refused as damaged with a copy: {message}");
        };
        assert!(line >= 1, "{case}: {message}");
        assert!(
            message.contains(&format!("line {line}, column {column}")),
            "{case}"
        );
        assert_eq!(std::fs::read(dir.join(DATA_FILE)).unwrap(), bytes, "{case}");
        assert_eq!(
            std::fs::read(&copy).unwrap(),
            bytes,
            "{case}: the copy differs"
        );
        let mode = std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{case}");
        let copy_name = copy.file_name().unwrap().to_str().unwrap().to_owned();
        assert!(copy_name.starts_with(QUARANTINE_PREFIX), "{case}");
        assert!(store.save(&cercle::sample::sample()).is_err(), "{case}");
        let json = to_json(&cercle::sample::sample()).unwrap();
        assert!(store.save_overwriting(&json).is_err(), "{case}");
        assert_eq!(
            names(dir),
            BTreeSet::from(["cercle.json".into(), "cercle.lock".into(), copy_name]),
            "{case}: something else was written"
        );
    }
}

#[test]
fn a_file_from_a_future_version_is_opened_read_only_and_never_written() {
    let mut value = serde_json::to_value(cercle::sample::sample()).unwrap();
    value["schema_version"] = (cercle::store::SPLIT_VERSION + 1).into();
    for bytes in [
        serde_json::to_vec_pretty(&value).unwrap(),
        br#"{"schema_version": 99, "all": "moved"}"#.to_vec(),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        std::fs::write(dir.join(DATA_FILE), &bytes).unwrap();
        let mut store = Store::open(dir).unwrap();
        let _ = store.load();
        assert!(matches!(
            store.read_only_reason(),
            Some(ReadOnlyReason::FutureSchema { .. })
        ));
        assert!(store.save(&cercle::sample::sample()).is_err());
        assert_eq!(std::fs::read(dir.join(DATA_FILE)).unwrap(), bytes);
        // Not damage: no copy is set aside, and nothing else is written.
        assert_eq!(
            names(dir),
            BTreeSet::from(["cercle.json".into(), "cercle.lock".into()])
        );
    }
}

// ---------------------------------------------------------------- backups

#[test]
fn after_many_saves_every_backup_reads_and_restores() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut store = Store::open(dir).unwrap();
    let today = chrono::Utc::now().date_naive();
    let versions: Vec<Data> = (0..15)
        .map(|n| {
            let mut data = cercle::sample::sample();
            data.programme.title = format!("version {n}");
            data
        })
        .collect();
    for data in &versions {
        store.save(data).unwrap();
    }
    if chrono::Utc::now().date_naive() != today {
        // Past midnight (UTC) the day-based rule keeps one more; nothing to check this run.
        return;
    }
    let backups = store.backups().unwrap();
    // Ten kept by rotation (versions 4 to 13), all from today.
    assert_eq!(backups.len(), 10);
    let mut kept: Vec<Data> = Vec::new();
    for backup in &backups {
        assert_eq!(backup.kind, BackupKind::Rotating);
        let mode = std::fs::metadata(&backup.path)
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o700, "{}", backup.name);
        kept.push(store.backup_data(&backup.name).unwrap());
    }
    assert_eq!(
        kept,
        versions[4..14].iter().rev().cloned().collect::<Vec<_>>()
    );
    // Oldest first: each restore keeps the current file as the newest backup, and rotation
    // then removes the oldest, which is the one just restored.
    for (backup, data) in backups.iter().zip(&kept).rev() {
        let restored = store.restore(&backup.name).unwrap();
        assert_eq!(&restored.data, data, "{}", backup.name);
        assert_eq!(store.load().unwrap().as_ref(), Some(data));
    }
    // Ten sets, and the base they are read through.
    assert_eq!(std::fs::read_dir(dir.join(BACKUP_DIR)).unwrap().count(), 11);
    assert_eq!(store.backups().unwrap().len(), 10);
}
