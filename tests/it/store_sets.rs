//! Backup sets of the split layout that hold only what each save replaced: each still reads, and
//! restores, as exactly the state it was taken before, after more saves, after rotation folded
//! removed sets away, and after another program changed the documents.

use cercle::domain::Data;
use cercle::store::{BACKUP_DIR, Store};
use chrono::{TimeDelta, Utc};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// A split directory holding `data`, open.
fn split_dir(dir: &Path, data: &Data) -> Store {
    let mut store = Store::open(dir).unwrap();
    store.migrate_to_split(data).unwrap();
    drop(store);
    let mut store = Store::open(dir).unwrap();
    assert_eq!(store.load().unwrap().as_ref(), Some(data));
    store
}

/// The files a set holds, by their paths inside it.
fn files_in(set: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut stack = vec![set.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder).unwrap().flatten() {
            if entry.path().is_dir() {
                stack.push(entry.path());
            } else {
                let inside = entry.path().strip_prefix(set).unwrap().to_owned();
                out.insert(inside.to_string_lossy().into_owned());
            }
        }
    }
    out
}

fn name_of(set: &Path) -> String {
    set.file_name().unwrap().to_string_lossy().into_owned()
}

/// `data` with cohort `k`'s name changed to `label`.
fn renamed(data: &Data, k: usize, label: &str) -> Data {
    let mut next = data.clone();
    label.clone_into(&mut next.cohorts[k].name);
    next
}

#[test]
fn a_save_keeps_only_the_documents_it_replaces() {
    let tmp = tempfile::tempdir().unwrap();
    let data = cercle::generate::generate(5, 2);
    let mut store = split_dir(tmp.path(), &data);
    let next = renamed(&data, 2, "changed");
    let set = store.save(&next).unwrap().backup.unwrap();
    let file = format!("cercle/cohorts/{}.json", data.cohorts[2].id.as_str());
    assert_eq!(
        files_in(&set),
        BTreeSet::from(["cercle.json".to_owned(), file])
    );
    // What it lacks is read from the documents as they are: it is the state before.
    assert_eq!(store.backup_data(&name_of(&set)).unwrap(), data);
}

#[test]
fn an_older_set_restores_exactly_after_saves_that_touched_other_documents() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = cercle::generate::generate(6, 4);
    let mut store = split_dir(dir, &data);
    // Each save touches something else: a cohort, another, a person, a cohort added, one
    // removed, the programme (the index alone), and the first cohort again.
    let mut versions = vec![data.clone()];
    let mut sets = Vec::new();
    let steps: Vec<Step> = vec![
        Box::new(|d| renamed(d, 0, "first")),
        Box::new(|d| renamed(d, 3, "fourth")),
        Box::new(|d| {
            let mut n = d.clone();
            n.people[7].name = "Renamed Person".into();
            n
        }),
        Box::new(|d| {
            let mut n = d.clone();
            let mut copy = (*n.cohorts[1]).clone();
            copy.id = cercle::domain::CohortId::new("c-added");
            n.cohorts.push(copy.into());
            n
        }),
        Box::new(|d| {
            let mut n = d.clone();
            n.cohorts.remove(4);
            n
        }),
        Box::new(|d| {
            let mut n = d.clone();
            n.programme.title = "Another title".into();
            n
        }),
        Box::new(|d| renamed(d, 0, "first again")),
    ];
    for step in &steps {
        let next = step(versions.last().unwrap());
        sets.push(store.save(&next).unwrap().backup.unwrap());
        versions.push(next);
    }
    // Every set reads as the state before its save.
    for (k, set) in sets.iter().enumerate() {
        assert_eq!(
            store.backup_data(&name_of(set)).unwrap(),
            versions[k],
            "set {k}"
        );
    }
    // Restoring the oldest gives it back, on disk too; the state it replaced is kept in turn.
    let restored = store.restore(&name_of(&sets[0])).unwrap();
    assert_eq!(restored.data, data);
    drop(store);
    let mut store = Store::open(dir).unwrap();
    assert_eq!(store.load().unwrap().unwrap(), data);
    let previous = name_of(&restored.previous.unwrap());
    assert_eq!(
        store.backup_data(&previous).unwrap(),
        *versions.last().unwrap()
    );
    for (k, set) in sets.iter().enumerate() {
        assert_eq!(
            store.backup_data(&name_of(set)).unwrap(),
            versions[k],
            "set {k}"
        );
    }
}

/// One edit of the data.
type Step = Box<dyn Fn(&Data) -> Data>;

/// The set name of a moment.
fn set_name(at: chrono::DateTime<Utc>) -> String {
    format!("cercle-{}Z.d", at.format("%Y%m%dT%H%M%S%.3f"))
}

#[test]
fn rotation_keeps_the_older_sets_exact_when_it_removes_the_ones_between() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = cercle::generate::generate(4, 9);
    let mut store = split_dir(dir, &data);
    let backups = dir.join(BACKUP_DIR);
    // Three saves two days ago (their sets renamed back in time, in order), touching cohort 0.
    let mut current = data.clone();
    let mut old: Vec<(String, Data)> = Vec::new();
    let two_days_ago = Utc::now() - TimeDelta::days(2);
    for n in 0..3 {
        let next = renamed(&current, 0, &format!("old {n}"));
        let set = store.save(&next).unwrap().backup.unwrap();
        let name = set_name(two_days_ago + TimeDelta::minutes(n));
        fs::rename(&set, backups.join(&name)).unwrap();
        old.push((name, current));
        current = next;
    }
    // Then today: the first two saves touch cohorts the old sets never held, and are the ones
    // rotation removes once ten newer sets are kept.
    let mut today: Vec<(PathBuf, Data)> = Vec::new();
    for n in 0..cercle::store::KEEP_LAST + 2 {
        let next = renamed(&current, 1 + n % 3, &format!("today {n}"));
        let set = store.save(&next).unwrap().backup.unwrap();
        today.push((set, current));
        current = next;
    }
    let kept: BTreeSet<String> = store
        .backups()
        .unwrap()
        .into_iter()
        .map(|b| b.name)
        .collect();
    // The newest of two days ago stays, its two elders go; today's first two go.
    assert!(kept.contains(&old[2].0));
    assert!(!kept.contains(&old[0].0) && !kept.contains(&old[1].0));
    assert!(!kept.contains(&name_of(&today[0].0)) && !kept.contains(&name_of(&today[1].0)));
    // The set kept from two days ago still reads as the state it was taken before, though the
    // versions of cohorts 1 and 2 it needed were in the sets removed.
    assert_eq!(store.backup_data(&old[2].0).unwrap(), old[2].1);
    for (set, before) in &today[2..] {
        assert_eq!(store.backup_data(&name_of(set)).unwrap(), *before);
    }
    assert_eq!(store.restore(&old[2].0).unwrap().data, old[2].1);
}

#[test]
fn another_programs_change_never_reaches_an_older_set() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = cercle::generate::generate(4, 5);
    let mut store = split_dir(dir, &data);
    let first = renamed(&data, 0, "first");
    let set = store.save(&first).unwrap().backup.unwrap();
    drop(store);
    // Another program (a sync, an editor) replaces cohort 1's document, as git does: a new file
    // in place of the old one.
    let file = dir.join(format!(
        "cercle/cohorts/{}.json",
        data.cohorts[1].id.as_str()
    ));
    let theirs =
        fs::read_to_string(&file)
            .unwrap()
            .replacen("\"name\": \"", "\"name\": \"Theirs ", 1);
    fs::remove_file(&file).unwrap();
    fs::write(&file, theirs).unwrap();
    let mut store = Store::open(dir).unwrap();
    let loaded = store.load().unwrap().unwrap();
    assert!(loaded.cohorts[1].name.starts_with("Theirs "));
    let second = renamed(&loaded, 0, "second");
    let report = store.save(&second).unwrap();
    assert!(!report.warnings.is_empty());
    // The set from before their change still reads cohort 1 as it was then.
    assert_eq!(store.backup_data(&name_of(&set)).unwrap(), data);
    // The state Cercle last knew before their change is kept as a set of its own.
    let sets: Vec<Data> = store
        .backups()
        .unwrap()
        .into_iter()
        .filter(|b| b.name.ends_with("Z.d"))
        .map(|b| store.backup_data(&b.name).unwrap())
        .collect();
    assert!(sets.contains(&first), "the state before their change");
    assert!(sets.contains(&loaded), "the state before the second save");
}

#[test]
fn overwriting_another_programs_edit_keeps_theirs_as_a_backup() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = cercle::generate::generate(4, 6);
    let mut store = split_dir(dir, &data);
    let earlier = store
        .save(&renamed(&data, 2, "earlier"))
        .unwrap()
        .backup
        .unwrap();
    let file = dir.join(format!(
        "cercle/cohorts/{}.json",
        data.cohorts[0].id.as_str()
    ));
    let theirs =
        fs::read_to_string(&file)
            .unwrap()
            .replacen("\"name\": \"", "\"name\": \"Theirs ", 1);
    fs::remove_file(&file).unwrap();
    fs::write(&file, &theirs).unwrap();
    let mine = renamed(&renamed(&data, 2, "earlier"), 0, "mine");
    assert!(store.save(&mine).is_err());
    let json = cercle::store::to_json(&mine).unwrap();
    let report = store.save_overwriting(&json).unwrap();
    let kept = store
        .backup_data(&name_of(&report.backup.unwrap()))
        .unwrap();
    assert!(kept.cohorts[0].name.starts_with("Theirs "));
    // What Cercle had written before their edit is kept too, and the older set is still exact.
    assert_eq!(store.backup_data(&name_of(&earlier)).unwrap(), data);
    drop(store);
    let mut store = Store::open(dir).unwrap();
    assert_eq!(store.load().unwrap().unwrap(), mine);
}

#[test]
fn forgetting_a_person_reaches_every_set_and_each_still_reads() {
    let tmp = tempfile::tempdir().unwrap();
    let data = cercle::generate::generate(4, 8);
    let mut store = split_dir(tmp.path(), &data);
    let gone = data.people[3].id.clone();
    // Sets that hold her people file, the index naming her, and cohorts she is not in.
    let mut current = data.clone();
    for n in 0..4 {
        let mut next = renamed(&current, n % 4, &format!("save {n}"));
        if n == 1 {
            next.people[3].name = "Renamed once".into();
        }
        store.save(&next).unwrap();
        current = next;
    }
    let mut without = current.clone();
    without.people.retain(|p| p.id != gone);
    store.save(&without).unwrap();
    let inode = |path: &std::path::Path| {
        std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(path).unwrap())
    };
    let cohorts_in = |set: &std::path::Path| -> Vec<std::path::PathBuf> {
        std::fs::read_dir(set.join("cercle/cohorts"))
            .map(|found| found.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default()
    };
    let backups_dir = tmp.path().join(cercle::store::BACKUP_DIR);
    let before: std::collections::HashSet<u64> = std::fs::read_dir(&backups_dir)
        .unwrap()
        .flat_map(|set| cohorts_in(&set.unwrap().path()))
        .map(|path| inode(&path))
        .collect();
    let done = store
        .rewrite_copies(&mut |copy: &mut Data| {
            let before = copy.people.len();
            copy.people.retain(|p| p.id != gone);
            copy.people.len() != before
        })
        .unwrap();
    assert!(done.unreadable.is_empty(), "{:?}", done.unreadable);
    assert!(done.rewritten.len() >= 5, "{:?}", done.rewritten);
    for backup in store.backups().unwrap() {
        let kept = store.backup_data(&backup.name).unwrap();
        assert!(kept.person(&gone).is_none(), "{}", backup.name);
    }
    // A rewritten set wrote only what changed: its cohorts (she is in people alone) are links
    // to the documents it read, not copies, each one a write and two syncs.
    let rewritten = done
        .rewritten
        .iter()
        .filter(|p| p.is_dir())
        .collect::<Vec<_>>();
    assert!(!rewritten.is_empty());
    for path in rewritten.into_iter().flat_map(|set| cohorts_in(set)) {
        assert!(
            before.contains(&inode(&path)),
            "{} was written again",
            path.display()
        );
    }
}

/// A split directory in `dir` of a small network, and the set its one save kept (cohort 1 renamed).
fn one_set(dir: &Path) -> (Store, Data, PathBuf) {
    let data = cercle::generate::generate(3, 4);
    let mut store = split_dir(dir, &data);
    let set = store
        .save(&renamed(&data, 1, "changed"))
        .unwrap()
        .backup
        .unwrap();
    (store, data, set)
}

#[test]
fn a_damaged_document_in_a_set_is_named_with_its_line_in_the_users_language() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, data, set) = one_set(tmp.path());
    let file = format!("cercle/cohorts/{}.json", data.cohorts[1].id.as_str());
    let text = fs::read_to_string(set.join(&file)).unwrap();
    // A key without its quotes, on the document's third line.
    let broken = text.replacen("\"name\"", "name", 1);
    let line = 1 + broken[..broken.find("name").unwrap()].matches('\n').count();
    fs::remove_file(set.join(&file)).unwrap();
    fs::write(set.join(&file), broken).unwrap();
    let error = store.backup_data(&name_of(&set)).unwrap_err();
    let cercle::store::StoreError::BadBackup { reason, .. } = &error else {
        panic!("{error:?}");
    };
    let cercle::store::Fault::InDocument(located) = reason else {
        panic!("{reason:?}");
    };
    assert_eq!((located.file.as_str(), located.line), (file.as_str(), line));
    let french = error.in_lang(cercle::i18n::Lang::Fr);
    assert!(
        french.contains(&format!("{file}\u{a0}: ce n'est pas du JSON valide"))
            && french.contains(&format!("(ligne {line}, colonne")),
        "{french}"
    );
}

#[test]
fn a_set_that_cannot_be_read_says_why_in_the_users_language() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, _, set) = one_set(tmp.path());
    fs::remove_file(set.join("cercle.json")).unwrap();
    let error = store.backup_data(&name_of(&set)).unwrap_err();
    let index = set.join("cercle.json").display().to_string();
    let french = error.in_lang(cercle::i18n::Lang::Fr);
    assert!(
        french.contains(&format!("{index}\u{a0}: aucun fichier à cet endroit")),
        "{french}"
    );
    let english = error.in_lang(cercle::i18n::Lang::En);
    assert!(
        english.contains(&format!("{index}: there is no file there")),
        "{english}"
    );
}
