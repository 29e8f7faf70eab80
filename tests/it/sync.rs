//! Sync through git: a bare repository, two trainers and the administration, each with their
//! own data directory, editing at the same time and syncing in every order.

use crate::common;

use cercle::domain::rollcall;
use cercle::domain::{Data, PersonId, Status};
use common::edits::{Edit, apply, half_day, ids};
use common::team::{Machine, Team};
use std::collections::BTreeSet;
use std::os::unix::fs::PermissionsExt;

const TRAINER: &str = "p-helene-marchetti";

/// The team with the sample on the first trainer's laptop, shared, and joined by the two others.
fn team() -> (Team, [Machine; 3]) {
    let team = Team::new();
    let first = team.machine("trainer-1", Some(TRAINER));
    let second = team.machine("trainer-2", Some("p-yannick-le-goff"));
    let office = team.machine("administration", None);
    first.ok(&["init", "--sample"]);
    first.split();
    first.ok(&["sync", "init", "--remote", &team.remote()]);
    for machine in [&second, &office] {
        machine.ok(&["sync", "init", "--remote", &team.remote()]);
        assert_eq!(
            machine.bytes(),
            first.bytes(),
            "joining takes the team's file"
        );
    }
    (team, [first, second, office])
}

fn mark_of(data: &mut Data, half_day: usize, mark: usize) -> &mut cercle::domain::Mark {
    let cohort = data.cohorts.last_mut().unwrap();
    &mut cohort.seminars[0].half_days[half_day].marks[mark]
}

#[test]
fn three_machines_editing_at_once_converge_whatever_the_order_of_their_syncs() {
    let orders: [[usize; 3]; 3] = [[0, 1, 2], [2, 0, 1], [1, 2, 0]];
    for order in orders {
        let (team, machines) = team();
        let edits: [Vec<Edit>; 3] = [
            vec![
                Edit::AddPerson {
                    tag: 1,
                    name: "Noé Garnier".into(),
                },
                Edit::City {
                    person: 3,
                    city: "Lorient".into(),
                },
                Edit::Mark {
                    half_day: 1,
                    mark: 2,
                    status: 3,
                },
            ],
            vec![
                Edit::AddOffer {
                    tag: 1,
                    title: "Compostage".into(),
                },
                Edit::City {
                    person: 4,
                    city: "Agen".into(),
                },
                Edit::Mark {
                    half_day: 1,
                    mark: 2,
                    status: 4,
                },
            ],
            vec![
                Edit::AddPerson {
                    tag: 2,
                    name: "Inès Morel".into(),
                },
                Edit::DeleteKnowledge { item: 0 },
                Edit::Subject {
                    request: 0,
                    subject: "Statuts SCIC".into(),
                },
            ],
        ];
        let names = ["a", "b", "c"];
        let base = machines[0].data();
        for ((machine, edit), name) in machines.iter().zip(&edits).zip(names) {
            machine.edit(|data| apply(data, name, edit));
        }
        let expected: BTreeSet<String> = machines.iter().flat_map(|m| ids(&m.data())).collect();
        let deleted: BTreeSet<String> = ids(&base)
            .difference(&ids(&machines[2].data()))
            .cloned()
            .collect();
        // Two rounds: the first sends everything, the second lets the first ones catch up.
        for _ in 0..2 {
            for &i in &order {
                machines[i].ok(&["sync"]);
            }
        }
        let first = machines[0].bytes();
        for machine in &machines {
            assert_eq!(machine.bytes(), first, "order {order:?}: the files differ");
            assert_eq!(machine.git(&["rev-parse", "HEAD"]), team.head());
            assert_eq!(machine.git(&["status", "--porcelain"]), "");
            let text = String::from_utf8(machine.bytes()).unwrap();
            assert!(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"));
        }
        let merged = machines[0].data();
        for id in expected.difference(&deleted) {
            assert!(ids(&merged).contains(id), "order {order:?}: {id} was lost");
        }
        let people = |data: &Data, i: usize| data.people[i].city.clone();
        assert_eq!(people(&merged, 3), "Lorient");
        assert_eq!(people(&merged, 4), "Agen");
        // The same mark changed differently by the two trainers waits for a choice.
        assert_eq!(merged.conflicts.len(), 1, "order {order:?}");
        // The whole mark, never a mix of the two trainers' status, time and author.
        let path = merged.conflicts[0].path.to_string();
        assert!(path.contains("].marks[") && path.ends_with(']'), "{path}");
    }
}

#[test]
fn the_same_mark_changed_on_two_machines_is_a_conflict_in_the_file_without_markers() {
    let (_team, [first, second, _]) = team();
    first.edit(|d| mark_of(d, 0, 0).status = Status::Absent);
    second.edit(|d| mark_of(d, 0, 0).status = Status::Excused);
    first.ok(&["sync"]);
    let said = second.ok(&["sync"]);
    assert!(
        said.contains("Conflicts waiting for a choice: 1."),
        "{said}"
    );
    first.ok(&["sync"]);
    assert_eq!(first.bytes(), second.bytes());
    let text = String::from_utf8(first.bytes()).unwrap();
    for marker in ["<<<<<<<", "=======", ">>>>>>>"] {
        assert!(!text.contains(marker), "{marker} left in the file");
    }
    assert_eq!(first.git(&["ls-files", "--unmerged"]), "");
    let mut data = first.data();
    let [conflict] = data.conflicts.as_slice() else {
        panic!("one conflict expected: {:?}", data.conflicts);
    };
    // The conflict is the whole mark: status, time and author together.
    let values: BTreeSet<String> = conflict
        .choices
        .iter()
        .map(|c| c.value.clone().unwrap()["status"].to_string())
        .collect();
    assert_eq!(
        values,
        BTreeSet::from(["\"absent\"".into(), "\"excused\"".into()])
    );
    let kept = conflict.choices[conflict.kept].value.clone().unwrap();
    let mark = serde_json::to_value(&*mark_of(&mut data, 0, 0)).unwrap();
    assert_eq!(
        mark, kept,
        "the value kept meanwhile is the one in the file"
    );
    // The merge commit says in domain words what came in.
    let log = second.git(&["log", "-1", "--format=%s"]);
    assert!(log.starts_with("Sync with the team: "), "{log}");
    assert!(log.contains("1 conflict waiting for a choice"), "{log}");
}

/// Camille's job set differently on the first two laptops, synced into a conflict they both hold.
fn jobs_in_conflict() -> (Team, [Machine; 3]) {
    let (team, machines) = team();
    let [first, second, _] = &machines;
    first.edit(|d| camille(d).job = "L1-job".into());
    second.edit(|d| camille(d).job = "L2-job".into());
    first.ok(&["sync"]);
    second.ok(&["sync"]);
    first.ok(&["sync"]);
    assert_eq!(first.data().conflicts.len(), 1);
    (team, machines)
}

fn camille(data: &mut Data) -> &mut cercle::domain::Person {
    let id = PersonId::new("p-camille-dubois");
    data.people.iter_mut().find(|p| p.id == id).unwrap()
}

/// Chooses `job` on the merge screen, as the app does.
fn choose(machine: &Machine, job: &str) {
    machine.edit(|d| {
        let value = Some(serde_json::json!(job));
        let choice = d.conflicts[0].choices.iter().position(|c| c.value == value);
        cercle::share::resolve(d, 0, choice.unwrap()).unwrap();
    });
}

#[test]
fn a_conflict_settled_differently_on_two_laptops_is_asked_again() {
    // Either laptop may send its choice first; one of the two chose the value already in the
    // file, which changes nothing but the list of conflicts.
    for first_to_sync in [0, 1] {
        let (_team, [first, second, office]) = jobs_in_conflict();
        choose(&first, "L1-job");
        choose(&second, "L2-job");
        let (early, late) = if first_to_sync == 0 {
            (&first, &second)
        } else {
            (&second, &first)
        };
        early.ok(&["sync"]);
        let said = late.ok(&["sync"]);
        assert!(
            said.contains("Conflicts waiting for a choice: 1."),
            "{said}"
        );
        early.ok(&["sync"]);
        office.ok(&["sync"]);
        for machine in [&first, &office] {
            assert_eq!(machine.bytes(), second.bytes(), "every laptop converges");
        }
        let mut data = second.data();
        let [conflict] = data.conflicts.as_slice() else {
            panic!("the two choices wait as one conflict: {:?}", data.conflicts);
        };
        let values: BTreeSet<String> = conflict
            .choices
            .iter()
            .map(|c| c.value.clone().unwrap().to_string())
            .collect();
        assert_eq!(
            values,
            BTreeSet::from(["\"L1-job\"".into(), "\"L2-job\"".into()])
        );
        let kept = conflict.choices[conflict.kept].value.clone();
        assert_eq!(kept, Some(serde_json::json!(camille(&mut data).job)));
    }
}

#[test]
fn a_conflict_settled_the_same_way_on_two_laptops_stays_settled() {
    let (_team, [first, second, _]) = jobs_in_conflict();
    choose(&first, "L2-job");
    choose(&second, "L2-job");
    first.ok(&["sync"]);
    second.ok(&["sync"]);
    first.ok(&["sync"]);
    assert_eq!(first.bytes(), second.bytes());
    let mut data = first.data();
    assert!(data.conflicts.is_empty(), "{:?}", data.conflicts);
    assert_eq!(camille(&mut data).job, "L2-job");
}

#[test]
fn offline_a_sync_commits_here_and_the_next_one_pushes() {
    let (team, [first, second, _]) = team();
    let before = team.head();
    team.set_reachable(false);
    first.edit(|d| d.people[0].city = "Douarnenez".into());
    let said = first.ok(&["sync"]);
    assert!(said.contains("could not be reached"), "{said}");
    assert!(said.contains("go out at the next sync"), "{said}");
    assert!(said.contains("1 commit(s) to send"), "{said}");
    assert_eq!(first.git(&["log", "-1", "--format=%s"]), "1 person updated");
    // The same, said in French.
    let dit = first.ok(&["--lang", "fr", "sync", "status"]);
    assert!(
        dit.contains("Dernière synchronisation avec l'équipe")
            && dit.contains("1 commit(s) à envoyer"),
        "{dit}"
    );
    // And for a script.
    let status: serde_json::Value =
        serde_json::from_str(&first.ok(&["sync", "status", "--json"])).unwrap();
    assert_eq!(status["ahead"], 1);
    assert_eq!(status["behind"], 0);
    assert_eq!(status["remote"], true);
    assert!(status["last_sync"].is_string(), "{status}");
    team.set_reachable(true);
    assert_eq!(
        team.head(),
        before,
        "nothing reached the team while offline"
    );
    let said = first.ok(&["sync"]);
    assert!(said.contains("Synced with the team."), "{said}");
    assert_eq!(team.head(), first.git(&["rev-parse", "HEAD"]));
    second.ok(&["sync"]);
    assert_eq!(second.data().people[0].city, "Douarnenez");
}

#[test]
fn commits_say_what_changed_in_domain_words_and_who_changed_it() {
    let (_team, [first, _, office]) = team();
    let trainer = PersonId::new(TRAINER);
    let mut date = None;
    first.edit(|data| {
        let (roster, day) = half_day(data, |h| h.signature.is_none());
        rollcall::mark_rest_present(&roster, day, &trainer, common::now()).unwrap();
        rollcall::sign(day, &trainer, common::now()).unwrap();
        date = Some((day.date, day.period));
        let requests = &mut data.cohorts.last_mut().unwrap().tutor_requests;
        for request in requests.iter_mut().take(2) {
            request.subject.push_str(" (revu)");
        }
    });
    first.ok(&["sync"]);
    let (date, period) = date.unwrap();
    let period = if period == cercle::domain::Period::Morning {
        "morning"
    } else {
        "afternoon"
    };
    let expected = format!(
        "Hélène Marchetti|Roll call {} {period} signed by H. Marchetti; 2 tutor requests updated",
        date.format("%-d %b")
    );
    assert_eq!(first.git(&["log", "-1", "--format=%an|%s"]), expected);
    // A machine whose user is no one of the data, with no git identity, still commits.
    office.edit(|d| d.people[1].city = "Bayonne".into());
    office.ok(&["sync"]);
    assert_eq!(
        office.git(&["log", "-1", "--format=%an|%s", "HEAD^1"]),
        "Cercle|1 person updated"
    );
    // Its merge of the trainer's work says what came in.
    let (_, signed) = expected.split_once('|').unwrap();
    assert_eq!(
        office.git(&["log", "-1", "--format=%s"]),
        format!("Sync with the team: {signed}")
    );
}

#[test]
fn only_the_data_and_its_documents_are_shared_and_they_stay_private() {
    let (_team, [first, second, _]) = team();
    for name in [
        "cercle.recovery.json",
        "cercle.json.corrupt-20261128T100000Z",
        ".cercle.json.tmp-1-0",
        ".cercle-edit-1.txt",
        "exports/sheet.csv",
        "backups/cercle-20261128T100000.000Z.json",
        "backups/cercle-20261128T100000.000Z.d/cercle/cohorts/c-na-2026.json",
        "cercle/cohorts/.cercle-save.tmp-1-0",
        "cercle/people/.c-na.json.tmp-1-0",
        "cercle/notes.txt",
    ] {
        let path = first.dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "personal").unwrap();
    }
    first.ok(&["sync"]);
    let mut shared = vec![
        ".gitattributes".to_owned(),
        ".gitignore".to_owned(),
        "cercle.json".to_owned(),
    ];
    shared.extend(first.documents().into_iter().filter(|d| !d.contains("/.")));
    assert!(shared.len() > 5, "{shared:?}");
    assert_eq!(first.git(&["ls-files"]), shared.join("\n"));
    assert_eq!(first.git(&["status", "--porcelain"]), "");
    for document in &shared[2..] {
        assert_eq!(
            first.git(&["check-attr", "merge", document]),
            format!("{document}: merge: cercle"),
            "every document goes through Cercle's merge driver"
        );
    }
    let driver = second.git(&["config", "merge.cercle.driver"]);
    assert_eq!(
        driver,
        format!("'{}' merge-driver %O %A %B %P", crate::common::CERCLE)
    );
    for file in &shared {
        let mode = std::fs::metadata(second.dir.join(file))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(
            mode & 0o777,
            0o600,
            "{file}: a checked-out file stays private"
        );
    }
}

/// The file's identity on disk (inode and modification time) and its blob in the last commit.
fn untouched(machine: &Machine, file: &str) -> (u64, std::time::SystemTime, String) {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(machine.dir.join(file)).unwrap();
    let blob = machine.git(&["rev-parse", &format!("HEAD:{file}")]);
    (meta.ino(), meta.modified().unwrap(), blob)
}

#[test]
fn a_sync_touches_only_the_documents_changed_on_either_side() {
    let (_team, [first, second, _]) = team();
    let data = first.data();
    let [old, current] = [&data.cohorts[0], data.cohorts.last().unwrap()]
        .map(|c| format!("cercle/cohorts/{}.json", c.id));
    assert_ne!(old, current);
    let person = data.people[0].id.to_string();
    let shard = cercle::store::person_document(&person);
    let before = untouched(&second, &old);
    // One mark here, one person's city there: each commit holds its one document.
    first.edit(|d| mark_of(d, 0, 0).status = Status::Absent);
    first.ok(&["sync"]);
    assert_eq!(
        first.git(&["show", "--name-only", "--format=", "HEAD"]),
        current,
        "one mark commits its cohort's document alone"
    );
    second.edit(|d| d.people[0].city = "Quimper".into());
    second.ok(&["sync"]);
    assert_eq!(
        second.git(&["show", "--name-only", "--format=", "HEAD^2"]),
        current
    );
    // The merge brought in the other cohort's document, and nothing else changed here.
    assert_eq!(
        second.git(&["diff", "--name-only", "HEAD^1", "HEAD"]),
        current
    );
    assert_eq!(
        untouched(&second, &old),
        before,
        "an unrelated cohort's file was neither rewritten nor given a new blob"
    );
    first.ok(&["sync"]);
    assert_eq!(first.bytes(), second.bytes());
    // Here the team's merge came in as it was: only the person's shard changed.
    assert_eq!(first.git(&["diff", "--name-only", "HEAD^2", "HEAD"]), shard);
    let merged = first.data();
    assert_eq!(merged.people[0].city, "Quimper");
    assert_eq!(mark_of(&mut merged.clone(), 0, 0).status, Status::Absent);
}

#[test]
fn the_team_keeping_the_data_in_another_layout_is_not_merged_and_says_why() {
    let (_team, [first, second, _]) = team();
    // An older Cercle on the second laptop sends the data as one file again.
    let whole = cercle::store::to_json(&second.data()).unwrap();
    second.git(&["rm", "-r", "-q", "cercle"]);
    std::fs::write(second.dir.join("cercle.json"), whole).unwrap();
    second.push_by_hand("one file");
    first.edit(|d| d.people[1].city = "Brest".into());
    let before = first.bytes();
    let out = first.cercle(&["--lang", "fr", "sync"]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("un document par promotion"), "{said}");
    assert_eq!(first.bytes(), before, "nothing of the team's was taken");
    assert!(cercle::store::is_split_dir(&first.dir));
    assert_eq!(first.git(&["status", "--porcelain"]), "");
}

#[test]
fn no_sync_runs_while_another_instance_holds_the_lock() {
    let (_team, [first, ..]) = team();
    let held = cercle::store::Store::open(&first.dir).unwrap();
    let out = first.cercle(&["sync"]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("Cercle is open on this data"), "{said}");
    assert!(said.contains("Ctrl-g"), "{said}");
    drop(held);
    first.ok(&["sync"]);
}

#[test]
fn without_git_sync_says_what_to_install() {
    let team = Team::new();
    let machine = team.machine("laptop", None);
    machine.ok(&["init", "--sample"]);
    let empty = tempfile::tempdir().unwrap();
    let mut command = machine.command();
    let out = command
        .args(["sync", "init"])
        .env("PATH", empty.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("the git program was not found"), "{said}");
    assert!(said.contains("install"), "{said}");
    let out = machine.cercle(&["sync"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("cercle sync init --remote URL"), "{said}");
}

#[test]
fn a_team_that_kept_one_file_converges_once_every_laptop_converted() {
    let (_team, [first, second, office]) = team();
    // The team's history as an earlier Cercle left it: one file, on every laptop.
    let whole = cercle::store::to_json(&first.data()).unwrap();
    first.git(&["rm", "-r", "-q", "cercle"]);
    std::fs::write(first.dir.join("cercle.json"), whole).unwrap();
    first.push_by_hand("one file");
    for machine in [&second, &office] {
        machine.git(&["fetch", "-q", "origin"]);
        machine.git(&["reset", "-q", "--hard", "origin/main"]);
        assert!(!cercle::store::is_split_dir(&machine.dir));
    }
    // Each laptop opens the new Cercle (which converts its directory) and changes a cohort of
    // its own before any of them syncs.
    first.edit(|d| d.cohorts[0].name = "Première promotion".into());
    second.edit(|d| mark_of(d, 0, 0).status = Status::Absent);
    office.edit(|d| d.people[1].city = "Brest".into());
    for machine in [&first, &second, &office] {
        assert!(cercle::store::is_split_dir(&machine.dir));
        machine.ok(&["sync"]);
    }
    for machine in [&first, &second] {
        machine.ok(&["sync"]);
    }
    let data = first.data();
    assert_eq!(data.cohorts[0].name, "Première promotion");
    assert_eq!(mark_of(&mut data.clone(), 0, 0).status, Status::Absent);
    assert_eq!(data.people[1].city, "Brest");
    assert!(data.conflicts.is_empty(), "{:?}", data.conflicts);
    assert_eq!(second.bytes(), first.bytes());
    assert_eq!(office.bytes(), first.bytes());
}

#[test]
fn a_person_forgotten_on_one_laptop_and_edited_on_another_is_kept_with_a_conflict() {
    let (_team, [first, second, office]) = team();
    let data = first.data();
    // Someone alone in their people document: forgetting them removes that file.
    let shard_of = |id: &str| cercle::store::person_document(id);
    let alone = data
        .people
        .iter()
        .find(|p| {
            let shard = shard_of(p.id.as_str());
            data.people
                .iter()
                .filter(|q| shard_of(q.id.as_str()) == shard)
                .count()
                == 1
        })
        .expect("someone alone in their shard");
    let (who, name) = (alone.id.as_str().to_owned(), alone.name.clone());
    assert!(first.cercle(&["forget", &name, "--yes"]).status.success());
    assert!(!first.dir.join(shard_of(&who)).exists());
    second.edit(|d| {
        let person = d.people.iter_mut().find(|p| p.id.as_str() == who).unwrap();
        person.city = "Brest".into();
    });
    first.ok(&["sync"]);
    // git stops at a modify/delete conflict there; the sync merges it as any document.
    second.ok(&["sync"]);
    let merged = second.data();
    let kept = merged.people.iter().find(|p| p.id.as_str() == who);
    assert_eq!(
        kept.map(|p| p.city.as_str()),
        Some("Brest"),
        "the edit was lost"
    );
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    for machine in [&first, &office, &second, &first] {
        machine.ok(&["sync"]);
    }
    assert_eq!(first.bytes(), second.bytes());
    assert_eq!(office.bytes(), second.bytes());
    assert_eq!(first.git(&["status", "--porcelain"]), "");
}
