//! A trainer team on one machine: a bare repository and data directories syncing through it,
//! each with its own settings, and a git that knows no one (as on a fresh laptop or in CI).
#![allow(dead_code)]

use cercle::domain::Data;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The team: its shared repository and a home with no git settings.
pub struct Team {
    root: tempfile::TempDir,
}

/// One laptop of the team.
pub struct Machine {
    /// The data directory.
    pub dir: PathBuf,
    /// The settings directory.
    pub config: PathBuf,
    home: PathBuf,
}

impl Team {
    /// A bare repository, empty.
    pub fn new() -> Self {
        let root = tempfile::tempdir().unwrap();
        let team = Self { root };
        let status = git_in(team.root.path(), &team.home())
            .args(["init", "-q", "--bare", "-b", "main", "team.git"])
            .status()
            .unwrap();
        assert!(status.success());
        std::fs::create_dir_all(team.home()).unwrap();
        team
    }

    fn home(&self) -> PathBuf {
        self.root.path().join("home")
    }

    /// The shared repository's path, as a remote URL.
    pub fn remote(&self) -> String {
        self.root.path().join("team.git").display().to_string()
    }

    /// A laptop named `name`, whose settings say the user is the person `me`.
    pub fn machine(&self, name: &str, me: Option<&str>) -> Machine {
        let dir = self.root.path().join(name);
        let config = self.root.path().join(format!("{name}-config"));
        std::fs::create_dir_all(&config).unwrap();
        let settings = match me {
            Some(me) => format!("role = \"trainer\"\nme = \"{me}\"\n"),
            None => "role = \"trainer\"\n".to_owned(),
        };
        std::fs::write(config.join("config.toml"), settings).unwrap();
        Machine {
            dir,
            config,
            home: self.home(),
        }
    }

    /// The commit the shared repository's `main` points to.
    pub fn head(&self) -> String {
        let out = git_in(&self.root.path().join("team.git"), &self.home())
            .args(["rev-parse", "main"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Takes the shared repository away (an unreachable server), or puts it back.
    pub fn set_reachable(&self, reachable: bool) {
        let (here, away) = (
            self.root.path().join("team.git"),
            self.root.path().join("team.away"),
        );
        let (from, to) = if reachable {
            (away, here)
        } else {
            (here, away)
        };
        std::fs::rename(from, to).unwrap();
    }
}

impl Machine {
    /// The environment every Cercle and git of this machine runs in.
    pub fn env(&self, command: &mut Command) {
        command
            .env("CERCLE_DATA_DIR", &self.dir)
            .env("CERCLE_CONFIG_DIR", &self.config)
            .env("HOME", &self.home)
            .env("GIT_CONFIG_GLOBAL", self.home.join("gitconfig"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("LANG", "en_GB.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES");
        for var in [
            "GIT_AUTHOR_NAME",
            "GIT_AUTHOR_EMAIL",
            "GIT_COMMITTER_NAME",
            "GIT_COMMITTER_EMAIL",
            "GIT_DIR",
            "GIT_WORK_TREE",
            "EMAIL",
            "GIT_SSH_COMMAND",
            "GIT_SSH",
        ] {
            command.env_remove(var);
        }
    }

    /// The variables that keep git on this machine away from the user's own settings, for a
    /// session in a pseudo-terminal.
    pub fn git_vars(&self) -> Vec<(&'static str, std::ffi::OsString)> {
        vec![
            ("HOME", self.home.clone().into_os_string()),
            (
                "GIT_CONFIG_GLOBAL",
                self.home.join("gitconfig").into_os_string(),
            ),
            ("GIT_CONFIG_NOSYSTEM", "1".into()),
        ]
    }

    /// `cercle` on this machine, to be given its arguments.
    pub fn command(&self) -> Command {
        let mut command = Command::new(super::CERCLE);
        self.env(&mut command);
        command
    }

    /// Runs `cercle ARGS` on this machine.
    pub fn cercle(&self, args: &[&str]) -> Output {
        let mut command = self.command();
        command.args(args);
        command.output().expect("cercle runs")
    }

    /// Runs `cercle ARGS` and fails the test with its output if it fails.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cercle(args);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.status.success(), "cercle {args:?} failed:\n{text}");
        text
    }

    /// Runs `git ARGS` in the data directory and returns its standard output.
    pub fn git(&self, args: &[&str]) -> String {
        let mut command = Command::new("git");
        command.current_dir(&self.dir).args(args);
        self.env(&mut command);
        let out = command.output().unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Commits everything tracked and pushes it by hand, as another program (an older or newer
    /// Cercle) would have.
    pub fn push_by_hand(&self, message: &str) {
        let who = [
            "-c",
            "user.name=Other",
            "-c",
            "user.email=other@cercle.invalid",
        ];
        self.git(&[&who[..], &["commit", "-q", "-am", message]].concat());
        self.git(&["push", "-q", "origin", "main"]);
    }

    /// The shared data's bytes: the data file, and on the split layout every document after
    /// it, each preceded by its path, so that two machines hold the same data exactly when
    /// these are equal.
    pub fn bytes(&self) -> Vec<u8> {
        let mut bytes = std::fs::read(self.dir.join("cercle.json")).unwrap();
        for path in self.documents() {
            bytes.extend_from_slice(format!("\n== {path}\n").as_bytes());
            bytes.extend(std::fs::read(self.dir.join(&path)).unwrap());
        }
        bytes
    }

    /// The documents of the split layout, by their paths in the data directory, sorted.
    pub fn documents(&self) -> Vec<String> {
        let mut all = Vec::new();
        for kind in ["cohorts", "people"] {
            let Ok(entries) = std::fs::read_dir(self.dir.join("cercle").join(kind)) else {
                continue;
            };
            for entry in entries {
                let name = entry.unwrap().file_name().to_string_lossy().into_owned();
                if !name.starts_with('.') {
                    all.push(format!("cercle/{kind}/{name}"));
                }
            }
        }
        all.sort();
        all
    }

    /// Converts the data directory to the split layout, as opening it to write does.
    pub fn split(&self) {
        let mut store = cercle::store::Store::open(&self.dir).unwrap();
        let data = store.load().unwrap().unwrap();
        if !store.is_split() {
            store.migrate_to_split(&data).unwrap();
        }
    }

    /// The data, read as the store reads it.
    pub fn data(&self) -> Data {
        let mut store = cercle::store::Store::open_read_only(&self.dir).unwrap();
        store.load().unwrap().unwrap()
    }

    /// Changes the data as the app would save it.
    pub fn edit(&self, change: impl FnOnce(&mut Data)) {
        let mut store = cercle::store::Store::open(&self.dir).unwrap();
        let mut data = store.load().unwrap().unwrap();
        change(&mut data);
        store.save(&data).unwrap();
    }
}

fn git_in(dir: &Path, home: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .current_dir(dir)
        .env("HOME", home)
        .env("GIT_CONFIG_GLOBAL", home.join("gitconfig"))
        .env("GIT_CONFIG_NOSYSTEM", "1");
    command
}
