//! The split layout on disk: migration from one file, saves that write only what changed, a
//! save stopped at every step, another program's edits, a damaged document.

use cercle::domain::Data;
use cercle::store::{BackupKind, DATA_FILE, JOURNAL_FILE, ReadOnlyReason, Store, StoreError};
use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

/// Every file under `dir` but the lock and the backups, with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            let name = path
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if name == "backups" || name == "cercle.lock" {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                out.insert(name, fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// A directory holding `data` as an earlier Cercle kept it, one file of data version 2.
fn one_file_dir(dir: &Path, data: &Data) -> Vec<u8> {
    fs::create_dir_all(dir).unwrap();
    let bytes = cercle::store::to_json(data).unwrap();
    fs::write(dir.join(DATA_FILE), &bytes).unwrap();
    bytes
}

/// A one-file directory holding `data`, converted to the split layout at its first open.
fn split_dir(dir: &Path, data: &Data) -> Store {
    one_file_dir(dir, data);
    let mut store = Store::open(dir).unwrap();
    assert_eq!(store.load().unwrap().as_ref(), Some(data));
    assert!(store.is_split());
    store
}

fn load(dir: &Path) -> Data {
    Store::open(dir).unwrap().load().unwrap().unwrap()
}

#[test]
fn a_one_file_directory_is_converted_at_its_first_open_and_the_file_kept() {
    // The sample cohort, and a generated network of 40 cohorts.
    for data in [cercle::sample::sample(), cercle::generate::generate(40, 42)] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let original = one_file_dir(dir, &data);
        // A read-only open reads it as it is and converts nothing.
        let mut look = Store::open_read_only(dir).unwrap();
        assert_eq!(look.load().unwrap(), Some(data.clone()));
        assert!(!look.is_split() && !cercle::store::is_split_dir(dir));
        assert_eq!(fs::read(dir.join(DATA_FILE)).unwrap(), original);
        drop(look);
        // The first open that may write converts it.
        let mut store = Store::open(dir).unwrap();
        assert_eq!(store.load().unwrap(), Some(data.clone()));
        assert!(store.is_split() && cercle::store::is_split_dir(dir));
        let told = store
            .converted()
            .map(Path::to_path_buf)
            .expect("the load says it converted");
        assert_eq!(fs::read(&told).unwrap(), original);
        // The next load has nothing to convert, and says so.
        store.load().unwrap();
        assert_eq!(store.converted(), None);
        drop(store);

        let all = files(dir);
        let cohorts = all
            .keys()
            .filter(|p| p.starts_with("cercle/cohorts/"))
            .count();
        assert_eq!(cohorts, data.cohorts.len());
        assert!(all.keys().any(|p| p.starts_with("cercle/people/")));
        assert!(all[DATA_FILE].len() < original.len() / 2);
        let mut store = Store::open(dir).unwrap();
        assert_eq!(store.load().unwrap(), Some(data.clone()));
        assert!(store.is_split());
        assert_eq!(crate::common::kept_one_file(dir), vec![original.clone()]);
        // Private, folders and files alike.
        for path in ["cercle", "cercle/cohorts", "cercle/people"] {
            let mode = fs::metadata(dir.join(path)).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o700, "{path}");
        }
        for path in all.keys() {
            let mode = fs::metadata(dir.join(path)).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{path}");
        }
    }
}

#[test]
fn a_file_of_the_previous_version_is_upgraded_then_split() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut value = serde_json::to_value(cercle::sample::sample()).unwrap();
    value["schema_version"] = 1.into();
    fs::write(dir.join(DATA_FILE), serde_json::to_vec(&value).unwrap()).unwrap();
    let mut store = Store::open(dir).unwrap();
    let data = store.load().unwrap().unwrap();
    assert!(store.is_split());
    drop(store);
    assert_eq!(load(dir), data);
    let froms: Vec<_> = Store::open(dir)
        .unwrap()
        .backups()
        .unwrap()
        .into_iter()
        .map(|b| b.kind)
        .collect();
    assert!(
        froms.contains(&BackupKind::BeforeUpgrade { from: 1 }),
        "{froms:?}"
    );
}

#[test]
fn a_change_to_one_cohort_writes_that_cohort_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = cercle::generate::generate(20, 5);
    let mut store = split_dir(dir, &data);
    let before = files(dir);
    let inodes = |dir: &Path| -> BTreeMap<String, u64> {
        files(dir)
            .into_keys()
            .map(|p| {
                let ino = fs::metadata(dir.join(&p)).unwrap().ino();
                (p, ino)
            })
            .collect()
    };
    let old = inodes(dir);

    let mut changed = data.clone();
    changed.cohorts[7].name.push_str(" (bis)");
    let report = store.save(&changed).unwrap();
    let after = files(dir);
    let rewritten: Vec<String> = inodes(dir)
        .into_iter()
        .filter(|(p, ino)| old.get(p) != Some(ino))
        .map(|(p, _)| p)
        .collect();
    let file = format!("cercle/cohorts/{}.json", changed.cohorts[7].id.as_str());
    assert_eq!(rewritten, vec![file.clone()]);
    assert_eq!(report.bytes, after[&file].len());
    assert!(report.bytes * 10 < before.values().map(Vec::len).sum::<usize>());
    // Saving the same data again writes nothing.
    assert_eq!(store.save(&changed).unwrap().bytes, 0);
    // A person: their shard and nothing else; a new cohort: its file and the index.
    let mut more = changed.clone();
    more.people[3].name.push_str(" Martin");
    let mut extra = (*more.cohorts[0]).clone();
    extra.id = cercle::domain::CohortId::new("c-extra");
    more.cohorts.push(extra.into());
    store.save(&more).unwrap();
    let rewritten: Vec<String> = inodes(dir)
        .into_iter()
        .filter(|(p, ino)| old.get(p) != Some(ino) && *p != file)
        .map(|(p, _)| p)
        .collect();
    assert_eq!(rewritten.len(), 3, "{rewritten:?}");
    assert!(rewritten.contains(&DATA_FILE.to_owned()));
    assert!(rewritten.contains(&"cercle/cohorts/c-extra.json".to_owned()));
    drop(store);
    assert_eq!(load(dir), more);
    // A cohort removed: its file goes with it.
    let mut store = Store::open(dir).unwrap();
    store.load().unwrap();
    let mut fewer = more.clone();
    fewer.cohorts.pop();
    store.save(&fewer).unwrap();
    assert!(!dir.join("cercle/cohorts/c-extra.json").exists());
    drop(store);
    assert_eq!(load(dir), fewer);
}

#[test]
fn a_save_stopped_at_any_step_loads_as_before_or_after() {
    let tmp = tempfile::tempdir().unwrap();
    let data = cercle::generate::generate(6, 11);
    // A save touching several documents: two cohorts, a person, the index, a removal.
    let mut after = data.clone();
    after.cohorts[1].name.push_str(" *");
    after.cohorts[4].name.push_str(" *");
    after.people[2].name.push_str(" *");
    after.programme.title.push_str(" *");
    after.cohorts.remove(5);
    let (mut befores, mut afters) = (0, 0);
    for stop_at in 0.. {
        let dir = tmp.path().join(format!("run-{stop_at}"));
        let mut store = split_dir(&dir, &data);
        let mut steps = 0;
        let result = store.save_stopping_at(&after, &mut |_| {
            steps += 1;
            steps > stop_at
        });
        drop(store);
        let finished = result.is_ok();
        // A reader without the lock, before anyone finishes the save.
        let seen = Store::open_read_only(&dir)
            .unwrap()
            .load()
            .unwrap()
            .unwrap();
        let now = load(&dir);
        assert_eq!(seen, now, "stopped after {stop_at} steps");
        assert!(!dir.join(JOURNAL_FILE).exists());
        if now == data {
            befores += 1;
        } else {
            assert_eq!(now, after, "stopped after {stop_at} steps: a mix");
            afters += 1;
        }
        if finished {
            break;
        }
    }
    assert!(
        befores >= 2 && afters >= 3,
        "{befores} before, {afters} after"
    );
    eprintln!(
        "a save of several documents stopped at each of its {} steps: {befores} loaded as before, {afters} as after",
        befores + afters - 1
    );
}

#[test]
fn another_programs_edit_is_never_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = cercle::sample::sample();
    let mut store = split_dir(dir, &data);
    let file = dir.join(format!(
        "cercle/cohorts/{}.json",
        data.cohorts[0].id.as_str()
    ));
    let theirs = String::from_utf8(fs::read(&file).unwrap())
        .unwrap()
        .replacen("\"name\": \"", "\"name\": \"Edited ", 1);
    fs::write(&file, &theirs).unwrap();
    assert!(store.changed_on_disk().unwrap());
    let mut mine = data.clone();
    mine.cohorts[0].name.push_str(" (mine)");
    assert!(matches!(
        store.save(&mine),
        Err(StoreError::ChangedOnDisk { path }) if path == file
    ));
    assert_eq!(fs::read_to_string(&file).unwrap(), theirs);
    // A change to another cohort writes that cohort's document alone: theirs stays as it is.
    let mut other = data.clone();
    other.cohorts[1].name.push_str(" (mine)");
    store.save(&other).unwrap();
    assert_eq!(fs::read_to_string(&file).unwrap(), theirs);
    // Their document is still not overwritten by a save that changes it from what was read.
    other.cohorts[0].name.push_str(" (mine)");
    assert!(matches!(
        store.save(&other),
        Err(StoreError::ChangedOnDisk { path }) if path == file
    ));
    // Read again, both edits are there and saves go on.
    let mut reread = store.load().unwrap().unwrap();
    assert!(reread.cohorts[0].name.starts_with("Edited "));
    assert!(reread.cohorts[1].name.ends_with(" (mine)"));
    reread.cohorts[0].name.push_str(" (mine)");
    store.save(&reread).unwrap();
    drop(store);
    assert!(load(dir).cohorts[0].name.ends_with(" (mine)"));
}

#[test]
fn a_damaged_document_is_kept_aside_and_never_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = cercle::sample::sample();
    drop(split_dir(dir, &data));
    let file = dir.join(format!(
        "cercle/cohorts/{}.json",
        data.cohorts[0].id.as_str()
    ));
    let mut bytes = fs::read(&file).unwrap();
    bytes.truncate(bytes.len() / 2);
    fs::write(&file, &bytes).unwrap();
    let mut store = Store::open(dir).unwrap();
    let Err(StoreError::Damaged {
        path,
        line,
        quarantine,
        ..
    }) = store.load()
    else {
        panic!("a cut document loads");
    };
    assert_eq!(path, file);
    assert!(line > 1);
    let quarantine = quarantine.unwrap();
    assert_eq!(fs::read(&quarantine).unwrap(), bytes);
    // The copy's name says which document it is a copy of.
    let name = quarantine
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        name.starts_with(cercle::store::QUARANTINE_PREFIX)
            && name.ends_with(&format!("-{}", data.cohorts[0].id.as_str())),
        "{name}"
    );
    assert_eq!(store.read_only_reason(), Some(&ReadOnlyReason::Damaged));
    assert!(store.save(&data).is_err());
    assert_eq!(fs::read(&file).unwrap(), bytes);
}

#[test]
fn two_documents_damaged_alike_each_get_a_copy_named_after_them() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = cercle::sample::sample();
    drop(split_dir(dir, &data));
    let file = |k: usize| {
        dir.join(format!(
            "cercle/cohorts/{}.json",
            data.cohorts[k].id.as_str()
        ))
    };
    let copy_of = |k: usize| {
        let kept = fs::read(file(k)).unwrap();
        // Emptied, as a crash while writing can leave a file.
        fs::write(file(k), b"").unwrap();
        let Err(StoreError::Damaged { quarantine, .. }) = Store::open(dir).unwrap().load() else {
            panic!("an empty document loads");
        };
        fs::write(file(k), kept).unwrap();
        quarantine.unwrap()
    };
    let (first, second) = (copy_of(0), copy_of(1));
    assert_ne!(first, second);
    for (copy, k) in [(first, 0), (second, 1)] {
        let name = copy.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.ends_with(data.cohorts[k].id.as_str()), "{name}");
        assert_eq!(fs::read(&copy).unwrap(), b"");
    }
}

#[test]
fn each_save_keeps_a_whole_set_and_any_backup_restores() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = cercle::generate::generate(5, 2);
    let mut store = split_dir(dir, &data);
    let mut versions = vec![data.clone()];
    for n in 0..cercle::store::KEEP_LAST + 3 {
        let mut next = versions.last().unwrap().clone();
        next.cohorts[n % 5].name = format!("version {n}");
        let report = store.save(&next).unwrap();
        assert!(report.backup.is_some());
        versions.push(next);
    }
    let backups = store.backups().unwrap();
    let sets: Vec<_> = backups.iter().filter(|b| b.name.ends_with("Z.d")).collect();
    // Rotation keeps the newest ten of today; the copy from before the split stays.
    assert_eq!(sets.len(), cercle::store::KEEP_LAST);
    assert!(
        backups
            .iter()
            .any(|b| b.kind == BackupKind::BeforeUpgrade { from: 2 })
    );
    // Each set is whole: the newest holds the version before the last save.
    let newest = sets[0].name.clone();
    let restored = store.restore(&newest).unwrap();
    assert_eq!(restored.data, versions[versions.len() - 2]);
    assert!(restored.previous.is_some());
    drop(store);
    assert_eq!(load(dir), versions[versions.len() - 2]);
    // What was current before the restore was kept, and restores in turn.
    let mut store = Store::open(dir).unwrap();
    store.load().unwrap();
    let previous = restored.previous.unwrap();
    let name = previous.file_name().unwrap().to_str().unwrap();
    assert_eq!(store.restore(name).unwrap().data, *versions.last().unwrap());
    // The file from before the split restores too, written split.
    let original = backups
        .iter()
        .find(|b| b.kind == BackupKind::BeforeUpgrade { from: 2 })
        .unwrap();
    assert_eq!(store.restore(&original.name).unwrap().data, data);
    assert!(store.is_split() && cercle::store::is_split_dir(dir));
    drop(store);
    assert_eq!(load(dir), data);
    // Private all the way down.
    let mut stack = vec![dir.join("backups")];
    while let Some(folder) = stack.pop() {
        let mode = fs::metadata(&folder).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "{}", folder.display());
        for entry in fs::read_dir(&folder).unwrap().flatten() {
            if entry.path().is_dir() {
                stack.push(entry.path());
            } else {
                let mode = entry.metadata().unwrap().permissions().mode() & 0o777;
                assert_eq!(mode, 0o600, "{}", entry.path().display());
            }
        }
    }
}

#[test]
fn forgetting_a_person_reaches_the_backup_sets() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = cercle::sample::sample();
    let mut store = split_dir(dir, &data);
    let mut next = data.clone();
    next.cohorts[0].name.push_str(" 2");
    store.save(&next).unwrap();
    let name = data.people[0].name.clone();
    let done = store
        .rewrite_copies(&mut |d: &mut Data| {
            let before = d.people.len();
            d.people.retain(|p| p.name != name);
            d.people.len() != before
        })
        .unwrap();
    assert!(done.unreadable.is_empty(), "{:?}", done.unreadable);
    assert!(
        done.rewritten
            .iter()
            .any(|p| p.to_string_lossy().ends_with("Z.d"))
    );
    for backup in store.backups().unwrap() {
        if backup.name.ends_with("Z.d") {
            let restored = store.restore(&backup.name).unwrap().data;
            assert!(restored.people.iter().all(|p| p.name != name));
        }
    }
}

#[test]
fn a_split_directory_is_told_from_one_kept_as_one_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    drop(split_dir(dir, &cercle::sample::sample()));
    assert!(cercle::store::is_split_dir(dir));
    let other = tempfile::tempdir().unwrap();
    one_file_dir(other.path(), &cercle::sample::sample());
    assert!(!cercle::store::is_split_dir(other.path()));
    // A new directory is split from its first save.
    let new = tempfile::tempdir().unwrap();
    Store::open(new.path())
        .unwrap()
        .save(&cercle::sample::sample())
        .unwrap();
    assert!(cercle::store::is_split_dir(new.path()));
}

#[test]
fn a_link_in_place_of_the_documents_folder_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    drop(split_dir(&dir, &cercle::sample::sample()));
    let elsewhere = tmp.path().join("elsewhere");
    fs::rename(dir.join("cercle"), &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, dir.join("cercle")).unwrap();
    assert!(matches!(
        cercle::store::planted_link(&dir),
        Some(StoreError::Link { path }) if path == dir.join("cercle")
    ));
}

#[test]
fn a_save_before_any_load_of_a_split_directory_writes_only_what_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = cercle::generate::generate(6, 4);
    drop(split_dir(dir, &data));
    let before = files(dir);
    let mut changed = data.clone();
    changed.cohorts[2].name = "Renommée".into();
    // A store opened and saved at once, as a command that writes without reading would.
    let report = Store::open(dir).unwrap().save(&changed).unwrap();
    assert!(report.backup.is_some(), "the documents were kept first");
    let after = files(dir);
    let rewritten: Vec<&String> = after
        .keys()
        .filter(|p| before.get(*p) != after.get(*p))
        .collect();
    assert_eq!(rewritten.len(), 1, "{rewritten:?}");
    assert!(rewritten[0].starts_with("cercle/cohorts/"));
    assert_eq!(load(dir), changed);
    // Nothing was kept as if the index were a file of an earlier version.
    let mut store = Store::open(dir).unwrap();
    store.load().unwrap();
    assert!(
        store
            .backups()
            .unwrap()
            .iter()
            .all(|b| b.kind == BackupKind::Rotating
                || fs::read(&b.path).is_ok_and(|bytes| !cercle::store::is_index(&bytes)))
    );
}
