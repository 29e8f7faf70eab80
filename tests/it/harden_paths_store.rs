//! The store's own files can't be turned against it: a symbolic link planted in their place is
//! refused without writing through it, "save a copy" never lands on them, `link/..` is resolved
//! as the kernel resolves it, and an edit that keeps size, time and inode is still noticed.

use cercle::store::{self, Store, StoreError};
use std::fs::{self, OpenOptions};
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// A file of the user's outside the data directory, 0644, that a link will point to.
fn precious(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("precious.txt");
    fs::write(&path, "my thesis, chapter 3\n").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    path
}

fn sample_store(dir: &Path) -> (Store, cercle::domain::Data) {
    let data = cercle::sample::sample();
    let mut store = Store::open(dir).unwrap();
    store.save(&data).unwrap();
    (store, data)
}

/// `data` with another title: a change that a save writes into the index.
fn retitled(data: &cercle::domain::Data, title: &str) -> cercle::domain::Data {
    let mut changed = data.clone();
    changed.programme.title = title.into();
    changed
}

#[test]
fn a_lock_that_is_a_link_is_refused_and_its_target_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    fs::create_dir(&dir).unwrap();
    let target = precious(tmp.path());
    symlink(&target, dir.join(store::LOCK_FILE)).unwrap();

    let err = Store::open(&dir).unwrap_err();
    assert!(matches!(err, StoreError::Link { .. }), "{err}");
    let said = err.to_string();
    assert!(said.contains("cercle.lock"), "{said}");
    assert!(said.contains("symbolic link"), "{said}");
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        "my thesis, chapter 3\n"
    );
    assert_eq!(mode(&target), 0o644);
    assert!(!dir.join(store::DATA_FILE).exists());
}

#[test]
fn a_data_file_that_is_a_link_is_refused_and_nothing_written() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    fs::create_dir(&dir).unwrap();
    let elsewhere = tmp.path().join("elsewhere.json");
    let bytes = store::to_json(&cercle::sample::sample()).unwrap();
    fs::write(&elsewhere, &bytes).unwrap();
    fs::set_permissions(&elsewhere, fs::Permissions::from_mode(0o644)).unwrap();
    symlink(&elsewhere, dir.join(store::DATA_FILE)).unwrap();

    for opened in [Store::open(&dir), Store::open_read_only(&dir)] {
        let err = opened.unwrap_err();
        assert!(matches!(err, StoreError::Link { .. }), "{err}");
    }
    assert!(
        fs::symlink_metadata(dir.join(store::DATA_FILE))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read(&elsewhere).unwrap(), bytes);
    assert_eq!(mode(&elsewhere), 0o644);
    assert!(!dir.join(store::BACKUP_DIR).exists());
}

#[test]
fn a_data_file_replaced_by_a_link_while_open_is_not_saved_through() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (mut store, data) = sample_store(&dir);
    let target = precious(tmp.path());
    fs::remove_file(dir.join(store::DATA_FILE)).unwrap();
    symlink(&target, dir.join(store::DATA_FILE)).unwrap();

    for saved in [
        store.save(&data).map(|_| ()),
        store
            .save_overwriting(&store::to_json(&data).unwrap())
            .map(|_| ()),
        store.load().map(|_| ()),
    ] {
        let err = saved.unwrap_err();
        assert!(matches!(err, StoreError::Link { .. }), "{err}");
    }
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        "my thesis, chapter 3\n"
    );
    assert_eq!(mode(&target), 0o644);
}

#[test]
fn a_copy_is_never_saved_over_the_lock_a_backup_or_the_recovery_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (mut store, data) = sample_store(&dir);
    store.save(&retitled(&data, "Autre titre")).unwrap();
    let backup = store.backups().unwrap()[0].path.join(store::DATA_FILE);
    let json = store::to_json(&data).unwrap();
    store::write_recovery(&dir, &store::to_json(&data).unwrap()).unwrap();

    for own in [
        dir.join(store::LOCK_FILE),
        backup,
        dir.join(store::RECOVERY_FILE),
    ] {
        let before = fs::read(&own).unwrap();
        let err = store.save_as(&own, &json).unwrap_err();
        assert!(
            matches!(err, StoreError::OwnFile { .. }),
            "{}: {err}",
            own.display()
        );
        assert!(err.to_string().contains("nothing was written"), "{err}");
        assert_eq!(fs::read(&own).unwrap(), before, "{}", own.display());
    }
    // The lock still holds: the command line cannot write while this store is open.
    assert!(matches!(Store::open(&dir), Err(StoreError::Locked { .. })));
    // The data file itself keeps its own message; a copy elsewhere is still fine.
    assert!(matches!(
        store.save_as(&dir.join(store::DATA_FILE), &json),
        Err(StoreError::SameFile { .. })
    ));
    let copy = tmp.path().join("copy.json");
    store.save_as(&copy, &json).unwrap();
    assert_eq!(fs::read(&copy).unwrap(), json);
}

#[test]
fn a_link_then_dotdot_is_resolved_as_the_kernel_does() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    fs::create_dir_all(dir.join("exports")).unwrap();
    let link = tmp.path().join("xlink");
    symlink(dir.join("exports"), &link).unwrap();
    // The kernel reads `xlink/..` as `data/`, the parent of the link's target.
    let aimed = link.join("..").join(store::DATA_FILE);
    assert!(store::is_own_file(&dir, &aimed));
    assert!(store::is_own_file(
        &dir,
        &link.join("..").join(store::LOCK_FILE)
    ));
    // Beside the link, in the folder that holds it, is not the data directory.
    assert!(!store::is_own_file(
        &dir,
        &tmp.path().join(store::DATA_FILE)
    ));
    assert!(!store::is_own_file(&dir, &link.join("sheet.csv")));

    let (store, data) = sample_store(&dir);
    let json = store::to_json(&data).unwrap();
    let before = fs::read(dir.join(store::DATA_FILE)).unwrap();
    assert!(matches!(
        store.save_as(&aimed, &json),
        Err(StoreError::SameFile { .. })
    ));
    assert_eq!(fs::read(dir.join(store::DATA_FILE)).unwrap(), before);
}

/// Changes one byte of the data file in place, keeping its size, inode and modification time.
fn edit_in_place_keeping_metadata(path: &Path, from: &str, to: &str) {
    assert_eq!(from.len(), to.len());
    let meta = fs::metadata(path).unwrap();
    let text = fs::read_to_string(path).unwrap();
    let at = text.find(from).expect("the text to change is in the file");
    let file = OpenOptions::new().write(true).open(path).unwrap();
    std::os::unix::fs::FileExt::write_all_at(&file, to.as_bytes(), at as u64).unwrap();
    file.set_modified(meta.modified().unwrap()).unwrap();
    drop(file);
    let after = fs::metadata(path).unwrap();
    assert_eq!(after.len(), meta.len());
    assert_eq!(after.modified().unwrap(), meta.modified().unwrap());
    assert_eq!(
        std::os::unix::fs::MetadataExt::ino(&after),
        std::os::unix::fs::MetadataExt::ino(&meta)
    );
}

#[test]
fn an_edit_that_keeps_size_time_and_inode_is_noticed_by_content() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (mut store, data) = sample_store(&dir);
    let path = dir.join(store::DATA_FILE);
    let title = data.programme.title.clone();
    let changed: String = title.chars().rev().collect();
    assert_eq!(changed.len(), title.len());

    // After a save: the hash of what was written.
    assert!(!store.changed_on_disk().unwrap());
    edit_in_place_keeping_metadata(&path, &title, &changed);
    assert!(store.changed_on_disk().unwrap());
    let edited = fs::read(&path).unwrap();
    // A save that writes the index (the programme is there) reads it first.
    let err = store.save(&retitled(&data, "Autre titre")).unwrap_err();
    assert!(matches!(err, StoreError::ChangedOnDisk { .. }), "{err}");
    assert_eq!(
        fs::read(&path).unwrap(),
        edited,
        "their edit is not overwritten"
    );

    // After a load: the hash of what was read.
    let mut store = {
        drop(store);
        Store::open(&dir).unwrap()
    };
    let loaded = store.load().unwrap().unwrap();
    store.save(&loaded).expect("an unchanged file saves");
    edit_in_place_keeping_metadata(&path, &changed, &title);
    let err = store.save(&retitled(&loaded, "Autre titre")).unwrap_err();
    assert!(matches!(err, StoreError::ChangedOnDisk { .. }), "{err}");
    // Overwriting stays the user's choice, and keeps theirs as a backup.
    store
        .save_overwriting(&store::to_json(&loaded).unwrap())
        .unwrap();
    store.save(&loaded).expect("after overwriting, saves go on");
}

#[test]
fn a_backups_folder_that_is_a_link_takes_no_backup_and_nothing_is_saved() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (mut store, data) = sample_store(&dir);
    let elsewhere = tmp.path().join("documents");
    fs::create_dir(&elsewhere).unwrap();
    // A first save keeps no backup: there is no folder yet for the link to replace.
    assert!(!dir.join(store::BACKUP_DIR).exists());
    symlink(&elsewhere, dir.join(store::BACKUP_DIR)).unwrap();
    let before = fs::read(dir.join(store::DATA_FILE)).unwrap();

    let err = store.save(&retitled(&data, "Autre titre")).unwrap_err();
    assert!(matches!(err, StoreError::Link { .. }), "{err}");
    assert!(err.to_string().contains("backups"), "{err}");
    assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
    assert_eq!(fs::read(dir.join(store::DATA_FILE)).unwrap(), before);
}

#[test]
fn a_recovery_file_that_is_a_link_is_not_offered_back() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    fs::create_dir(&dir).unwrap();
    let elsewhere = tmp.path().join("someone-elses.json");
    fs::write(
        &elsewhere,
        store::to_json(&cercle::sample::sample()).unwrap(),
    )
    .unwrap();
    symlink(&elsewhere, dir.join(store::RECOVERY_FILE)).unwrap();
    assert!(store::read_recovery(&dir).is_err());
    // Writing the recovery file replaces the link, never what it points to.
    store::write_recovery(&dir, b"{}").unwrap();
    assert!(fs::read(&elsewhere).unwrap().len() > 2);
    assert_eq!(fs::read(dir.join(store::RECOVERY_FILE)).unwrap(), b"{}");
}
