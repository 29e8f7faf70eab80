//! `cercle sync` at network size, against a local bare repository: two data directories of the
//! same team, a mark saved in each (in two cohorts), then their syncs timed as whole processes,
//! git and the merge driver included in the peak memory.

use super::common::with_one_mark_changed_in;
use super::process::{Binaries, Finished, run};
use super::session::{Fixture, copy_documents};
use super::stats::{mb, median, ms};
use super::table::Line;
use cercle::store::Store;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// The team: a bare repository, a home without git settings, and two laptops.
struct Team {
    cercle: PathBuf,
    home: PathBuf,
    remote: PathBuf,
}

/// One laptop: its data directory and settings.
struct Machine {
    dir: PathBuf,
    config: PathBuf,
}

impl Team {
    fn new(root: &Path, cercle: &Path) -> Result<Self, String> {
        let team = Self {
            cercle: cercle.to_owned(),
            home: root.join("home"),
            remote: root.join("team.git"),
        };
        std::fs::create_dir_all(&team.home).map_err(|e| e.to_string())?;
        let mut init = team.git(root);
        init.args(["init", "-q", "--bare", "-b", "main"])
            .arg(&team.remote);
        run(&mut init)?.expect("git init --bare", &[0])?;
        Ok(team)
    }

    /// A laptop named `name`, with settings of its own (a trainer).
    fn machine(root: &Path, name: &str) -> Result<Machine, String> {
        let machine = Machine {
            dir: root.join(name),
            config: root.join(format!("{name}-config")),
        };
        std::fs::create_dir_all(&machine.config).map_err(|e| e.to_string())?;
        std::fs::write(machine.config.join("config.toml"), "role = \"trainer\"\n")
            .map_err(|e| e.to_string())?;
        Ok(machine)
    }

    /// The environment of every program of the team: no one's own git or Cercle settings.
    fn env(&self, command: &mut Command) {
        command
            .env("HOME", &self.home)
            .env("GIT_CONFIG_GLOBAL", self.home.join("gitconfig"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("LANG", "en_GB.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE");
    }

    fn git(&self, dir: &Path) -> Command {
        let mut command = Command::new("git");
        command.current_dir(dir);
        self.env(&mut command);
        command
    }

    /// `cercle ARGS` on `machine`, run to its end; it must succeed.
    fn cercle(&self, machine: &Machine, args: &[&str]) -> Result<Finished, String> {
        let mut command = Command::new(&self.cercle);
        self.env(&mut command);
        command
            .env("CERCLE_DATA_DIR", &machine.dir)
            .env("CERCLE_CONFIG_DIR", &machine.config)
            .args(args);
        run(&mut command)?.expect(&format!("cercle {}", args.join(" ")), &[0])
    }

    /// Whether `machine`'s last commit merges two: the sync measured did merge.
    fn merged(&self, machine: &Machine) -> Result<(), String> {
        let out = run(self
            .git(&machine.dir)
            .args(["rev-list", "--parents", "-n", "1", "HEAD"]))?
        .expect("git rev-list", &[0])?
        .output;
        match out.split_whitespace().count() {
            3 => Ok(()),
            _ => Err(format!(
                "the sync did not merge: HEAD and its parents are {out}"
            )),
        }
    }

    /// The loose objects of `machine`'s repository: how many, and their size in bytes.
    fn loose_objects(&self, machine: &Machine) -> Result<(u64, u64), String> {
        let out = run(self.git(&machine.dir).args(["count-objects", "-v"]))?
            .expect("git count-objects", &[0])?
            .output;
        let field = |name: &str| {
            out.lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().parse::<u64>().ok())
                .ok_or_else(|| format!("git count-objects -v said:\n{out}"))
        };
        Ok((field("count:")?, field("size:")? * 1024))
    }
}

/// Saves one mark changed in the cohort at index `cohort` of `machine`'s data, through the
/// store, as the app would (not timed).
fn mark(machine: &Machine, cohort: fn(usize) -> usize, n: usize) -> Result<(), String> {
    let e = |e: cercle::store::StoreError| e.to_string();
    let mut store = Store::open(&machine.dir).map_err(e)?;
    let data = store.load().map_err(e)?.ok_or("no data")?;
    let changed = with_one_mark_changed_in(&data, cohort(data.cohorts.len()), n);
    drop(data);
    store.save(&changed).map(|_| ()).map_err(e)
}

/// Each kind of sync, every run.
#[derive(Default)]
struct Syncs {
    one_mark: Vec<Finished>,
    merged: Vec<Finished>,
    pulled: Vec<Finished>,
    nothing: Vec<Finished>,
    objects: Vec<(u64, u64)>,
}

/// The sync lines. The first `sync init` of the network commits every document and takes long
/// (about 30 s): it is done once, before the timed syncs, and shown for information.
pub fn measure(
    bins: &Binaries,
    fixture: &Fixture,
    root: &Path,
    runs: usize,
) -> Result<Vec<Line>, String> {
    let root = root.join("sync");
    std::fs::create_dir_all(&root).map_err(|e| e.to_string())?;
    let team = Team::new(&root, &bins.cercle)?;
    let (first, second) = (Team::machine(&root, "a")?, Team::machine(&root, "b")?);
    copy_documents(&fixture.pristine, &first.dir, false)?;
    let remote = team.remote.display().to_string();
    eprintln!("sync: the first `cercle sync init` of the network (slow) …");
    let init = team.cercle(&first, &["sync", "init", "--remote", &remote])?;
    let joined = team.cercle(&second, &["sync", "init", "--remote", &remote])?;
    let mut syncs = Syncs::default();
    for n in 0..runs {
        eprintln!("sync run {} of {runs} …", n + 1);
        // Two cohorts, one on each laptop.
        mark(&first, |cohorts| cohorts / 2, n)?;
        mark(&second, |cohorts| cohorts / 3, n)?;
        let before = team.loose_objects(&first)?;
        syncs.one_mark.push(team.cercle(&first, &["sync"])?);
        let after = team.loose_objects(&first)?;
        syncs.objects.push((
            after.0.saturating_sub(before.0),
            after.1.saturating_sub(before.1),
        ));
        syncs.merged.push(team.cercle(&second, &["sync"])?);
        team.merged(&second)?;
        syncs.pulled.push(team.cercle(&first, &["sync"])?);
        syncs.nothing.push(team.cercle(&first, &["sync"])?);
    }
    Ok(lines(&mut syncs, &init, &joined))
}

fn lines(syncs: &mut Syncs, init: &Finished, joined: &Finished) -> Vec<Line> {
    let line = |what: &str, all: &[Finished], limit: Option<Duration>, memory: Option<u64>| {
        let mut took: Vec<Duration> = all.iter().map(|f| f.took).collect();
        let took = median(&mut took);
        let peak = all.iter().map(|f| f.peak).max().unwrap_or_default();
        let target = match (limit, memory) {
            (Some(limit), Some(memory)) => format!("≤ {} & {}", ms(limit), mb(memory)),
            (Some(limit), None) => format!("≤ {}", ms(limit)),
            _ => String::new(),
        };
        Line {
            what: what.to_owned(),
            ours: ms(took),
            floor: format!("peak {}", mb(peak)),
            ratio: String::new(),
            target,
            pass: limit.map(|limit| took <= limit && memory.is_none_or(|m| peak <= m)),
        }
    };
    let (count, bytes) = syncs
        .objects
        .iter()
        .copied()
        .max_by_key(|&(_, bytes)| bytes)
        .unwrap_or_default();
    let objects_limit = 1_000_000;
    vec![
        line(
            "cercle sync, one local mark, network",
            &syncs.one_mark,
            Some(Duration::from_secs(2)),
            None,
        ),
        line(
            "cercle sync, a mark on each side (two cohorts), merged",
            &syncs.merged,
            Some(Duration::from_secs(3)),
            Some(300_000_000),
        ),
        Line {
            what: "objects one sync of one mark writes (loose, the most)".into(),
            ours: format!("{} KB", bytes.div_ceil(1000)),
            floor: format!("{count} objects"),
            ratio: String::new(),
            target: format!("≤ {}", mb(objects_limit)),
            pass: Some(!syncs.objects.is_empty() && bytes <= objects_limit),
        },
        line("cercle sync, pulling one change", &syncs.pulled, None, None),
        line("cercle sync, nothing new", &syncs.nothing, None, None),
        line(
            "first cercle sync init, network (once)",
            std::slice::from_ref(init),
            None,
            None,
        ),
        line(
            "cercle sync init joining, network (once)",
            std::slice::from_ref(joined),
            None,
            None,
        ),
    ]
}
