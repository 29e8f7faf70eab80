//! The measured sessions: the fixtures on disk, the floor's first frame, and `cercle` at network
//! size from its start to a save, in a pseudo-terminal of 120×40.

use super::common::{HEIGHT, WIDTH};
use super::documents::documents;
use super::pty::{Session, peak_memory};
use cercle::domain::Data;
use cercle::store::{DATA_FILE, Store};
use portable_pty::CommandBuilder;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Text only the loading screen shows (the app runs in English).
const LOADING: &str = "Loading the data";
/// Text only the main screens show: a tab.
const MAIN: &str = " 2 Knowledge circle ";
/// The header while a save runs, and once it is done.
const SAVING: &str = "[saving…]";
const SAVED: &str = "[saved]";
/// The shelf of finished cohorts' figures, kept beside the documents.
const SHELF_FILE: &str = cercle::store::shelf::SHELF_FILE;
/// The outlines `check` keeps beside the shelf.
const OUTLINES_FILE: &str = cercle::store::shelf::OUTLINES_FILE;

/// How the fixtures are written: split into documents (the issue's layout), or as one file
/// (`RATIOS_LAYOUT=one-file`), to measure a Cercle that only knows one file.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Split,
    OneFile,
}

impl Layout {
    /// The layout `RATIOS_LAYOUT` asks for.
    pub fn from_env() -> Result<Self, String> {
        match std::env::var("RATIOS_LAYOUT").as_deref() {
            Err(_) | Ok("" | "split") => Ok(Self::Split),
            Ok("one-file") => Ok(Self::OneFile),
            Ok(other) => Err(format!(
                "RATIOS_LAYOUT={other}: expected `split` or `one-file`"
            )),
        }
    }

    /// Its name in the table.
    pub fn name(self) -> &'static str {
        match self {
            Self::Split => "split into documents",
            Self::OneFile => "one file",
        }
    }
}

/// The data directories measured.
pub struct Fixture {
    /// The network: `generate --cohorts 1000 --seed 42`.
    pub network: PathBuf,
    /// The sample cohort.
    pub small: PathBuf,
    /// An empty settings directory, so the user's own settings play no part.
    pub config: PathBuf,
    /// The network's documents as written, put back before each run (each run saves a change).
    pub pristine: PathBuf,
    /// The size of the network's documents (the index and every document, or the one file).
    pub network_bytes: u64,
    /// Attendance marks in the network.
    pub marks: usize,
    /// People in the network.
    pub people: usize,
}

impl Fixture {
    /// Writes both sizes under `root`, as the store writes them in `layout`.
    pub fn write(root: &Path, layout: Layout) -> Result<Self, String> {
        let network = root.join("network");
        let small = root.join("small");
        let config = root.join("config");
        let pristine = root.join("pristine");
        std::fs::create_dir_all(&config).map_err(|e| e.to_string())?;
        let data = cercle::generate::generate(1000, 42);
        let marks = data
            .cohorts
            .iter()
            .flat_map(|c| &c.seminars)
            .flat_map(|s| &s.half_days)
            .map(|h| h.marks.len())
            .sum();
        let people = data.people.len();
        write(&pristine, &data, layout)?;
        drop(data);
        // The finished cohorts on the shelf, with their outlines, as an earlier check leaves
        // them (it puts their figures there too, as an open or a summary does).
        let today = cercle::domain::clock::Clock::from_env().today();
        cercle::store::shelf::glimpse(&pristine, today, cercle::store::shelf::Purpose::Check);
        write(&small, &cercle::sample::sample(), layout)?;
        let network_bytes = documents(&pristine)?
            .iter()
            .map(|path| std::fs::metadata(pristine.join(path)).map(|m| m.len()))
            .sum::<std::io::Result<u64>>()
            .map_err(|e| e.to_string())?;
        super::check(&small)?;
        super::check(&pristine)?;
        Ok(Self {
            network,
            small,
            config,
            pristine,
            network_bytes,
            marks,
            people,
        })
    }

    /// Puts the network's documents back as written, without backups; with the
    /// shelf and the outlines an earlier check left (see `cercle::store::shelf`) when
    /// `with_shelf`, else with neither.
    pub fn reset_network(&self, with_shelf: bool) -> Result<(), String> {
        copy_documents(&self.pristine, &self.network, true)?;
        for file in [SHELF_FILE, OUTLINES_FILE] {
            let kept = self.pristine.join(file);
            if with_shelf && kept.exists() {
                std::fs::copy(&kept, self.network.join(file)).map_err(|e| e.to_string())?;
            }
        }
        Ok(())
    }
}

/// Writes `data` in a new directory `dir`, in `layout`.
fn write(dir: &Path, data: &Data, layout: Layout) -> Result<(), String> {
    let e = |e: cercle::store::StoreError| e.to_string();
    match layout {
        Layout::Split => {
            let mut store = Store::open(dir).map_err(e)?;
            store.migrate_to_split(data).map(|_| ()).map_err(e)
        }
        // The bytes the store writes as one file, whatever layout a plain save chooses.
        Layout::OneFile => {
            let bytes = cercle::store::to_json(data).map_err(e)?;
            cercle::store::write_private(&dir.join(DATA_FILE), &bytes)
                .map(|_| ())
                .map_err(|e| e.to_string())
        }
    }
}

/// Makes `to` (replaced if it exists) a private directory holding `from`'s documents, as links
/// (a save replaces a document by renaming, so the originals are safe) or as copies.
pub fn copy_documents(from: &Path, to: &Path, link: bool) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(to);
    for path in documents(from)? {
        let target = to.join(&path);
        if let Some(folder) = target.parent() {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(folder)
                .map_err(|e| e.to_string())?;
        }
        let done = if link {
            std::fs::hard_link(from.join(&path), &target)
        } else {
            std::fs::copy(from.join(&path), &target).map(|_| ())
        };
        done.map_err(|e| format!("{}: {e}", target.display()))?;
    }
    Ok(())
}

/// What one run of `cercle` at network size measured.
pub struct Run {
    /// From the start to the loading screen.
    pub first_frame: Duration,
    /// From the start to the main screen.
    pub ready: Duration,
    /// From the start to a key typed as the main screen showed, answered.
    pub answered: Duration,
    /// From the start to the data read whole (every key acting on it).
    pub whole: Duration,
    /// From the mark typed to the screen saying a save runs.
    pub change: Duration,
    /// From the mark typed to the screen saying it is saved.
    pub save: Duration,
    /// Each key typed while the save ran, until the screen showed it.
    pub keys_saving: Vec<Duration>,
    /// The same keys with nothing running.
    pub keys_idle: Vec<Duration>,
    /// The process's peak resident memory.
    pub peak_memory: u64,
}

fn cercle_command(cercle: &Path, data: &Path, config: &Path) -> CommandBuilder {
    let mut command = CommandBuilder::new(cercle);
    command.arg("--data-dir");
    command.arg(data);
    command.args(["--lang", "en"]);
    command.env("CERCLE_CONFIG_DIR", config);
    command.env_remove("NO_COLOR");
    command
}

/// The floor program's first frame.
pub fn floor_first_frame(floor: &Path) -> Result<Duration, String> {
    let (mut session, started) = Session::start(CommandBuilder::new(floor), WIDTH, HEIGHT)?;
    let shown = session.wait_for("floor: first frame")?;
    session.send("q")?;
    session.finish(Duration::from_secs(5));
    Ok(shown - started)
}

/// `cercle`'s first frame on a directory (then it is closed as soon as it is ready).
pub fn first_frame(cercle: &Path, data: &Path, config: &Path) -> Result<Duration, String> {
    let command = cercle_command(cercle, data, config);
    let (mut session, started) = Session::start(command, WIDTH, HEIGHT)?;
    // Data loaded in a flash may reach the terminal in the same read as the loading screen,
    // which the screen then never shows on its own: the first frame is no later than that.
    let shown = session
        .wait_until(|screen| screen.contains(LOADING) || screen.contains(MAIN))
        .map_err(|shown| format!("the screen never showed the first frame; it shows:\n{shown}"))?;
    session.wait_for(MAIN)?;
    session.send("q")?;
    session.finish(Duration::from_secs(5));
    Ok(shown - started)
}

/// `cercle`'s main screen on a directory, from the start (then it is closed).
pub fn ready(cercle: &Path, data: &Path, config: &Path) -> Result<Duration, String> {
    let command = cercle_command(cercle, data, config);
    let (mut session, started) = Session::start(command, WIDTH, HEIGHT)?;
    let shown = session.wait_for(MAIN)? - started;
    session.wait_for(SAVED)?;
    session.send("q")?;
    session.finish(Duration::from_secs(5));
    Ok(shown)
}

/// `cercle` at network size: start, loading screen, main screen, a mark on the roll call, keys
/// typed into the filter while the save runs and after it, then quit.
pub fn network(cercle: &Path, fixture: &Fixture) -> Result<Run, String> {
    let command = cercle_command(cercle, &fixture.network, &fixture.config);
    let (mut s, started) = Session::start(command, WIDTH, HEIGHT)?;
    let first_frame = s.wait_for(LOADING)? - started;
    let ready = s.wait_for(MAIN)? - started;
    // A key typed at once: over the first look it moves about the screens before every
    // cohort is read (the header says "opening…" until they are).
    s.send("s")?;
    let answered = s.wait_for("Seminars (")? - started;
    let whole = s.wait_for(SAVED)? - started;
    // The current cohort's last seminar lies ahead: its first half-day is not signed.
    s.send("G")?;
    s.wait_for("11/01/2027")?;
    std::thread::sleep(Duration::from_millis(50));
    s.send("\r")?;
    s.wait_for("Enter take the roll")?;
    s.send("\r")?;
    s.wait_for("Roll call ·")?;
    let marked = s.send("p")?;
    let change = s.wait_for(SAVING)? - marked;
    s.watch(SAVED);
    s.send("/")?;
    s.wait_for("Filter: ▏")?;
    let mut typed = String::new();
    let mut keys_saving = Vec::new();
    let mut keys_idle = Vec::new();
    for letter in "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz".chars() {
        typed.push(letter);
        let sent = s.send(&letter.to_string())?;
        let wanted = format!("Filter: {typed}▏");
        let shown = s.wait_for(&wanted)?;
        let screen = s.contents();
        if screen.contains(SAVING) {
            keys_saving.push(shown - sent);
        } else if screen.contains(SAVED) {
            keys_idle.push(shown - sent);
            if keys_idle.len() >= 8 {
                break;
            }
        }
        if std::env::var_os("RATIOS_DEBUG").is_some() {
            eprintln!(
                "{letter} {:?} saving={}",
                shown - sent,
                screen.contains(SAVING)
            );
        }
        // Keys a person types, not a flood: about 30 a second.
        std::thread::sleep(Duration::from_millis(30));
    }
    s.wait_for(SAVED)?;
    let save = s
        .seen(SAVED)
        .unwrap_or_else(Instant::now)
        .saturating_duration_since(marked);
    let peak_memory = s.pid().and_then(peak_memory).unwrap_or_default();
    s.send("\x1b")?;
    s.send("q")?;
    s.finish(Duration::from_secs(10));
    Ok(Run {
        first_frame,
        ready,
        answered,
        whole,
        change,
        save,
        keys_saving,
        keys_idle,
        peak_memory,
    })
}
