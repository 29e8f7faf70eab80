//! Sync for the trainer team through git: each laptop's data directory is a git repository, the
//! team shares any git remote (a bare repository over ssh, a Gitea or GitLab project, a USB
//! stick), and `cercle.json` is merged by Cercle's own driver ([`driver`]), by stable ids.
//!
//! A sync commits the current file with a message in domain words ([`message`]), fetches,
//! merges and pushes. Offline, the commit stays local and goes out at the next sync. The caller
//! holds the store's lock for the whole sync, so no other instance writes meanwhile.
//!
//! Like the store, this floor does I/O but knows nothing of the terminal.

mod deleted;
mod documents;
pub mod driver;
pub mod git;
pub mod message;
mod repo;
mod settled;
pub mod signed;
mod steps;
mod tally;

use crate::i18n::Lang;
use crate::store::DATA_FILE;
use chrono::{DateTime, Utc};
pub use git::{Git, GitError};
use repo::{current_branch, ensure_line_file, has_remote, prepare, status_of};
use std::path::{Path, PathBuf};
use steps::{join_team, run};

/// The name of the team's remote.
pub const REMOTE: &str = "origin";

/// The letter that, with Ctrl, syncs from the app. Kept here so that the command line can name
/// the app's key without reading the app's key table.
pub const APP_KEY: char = 'g';
/// The branch a new repository starts on.
pub const DEFAULT_BRANCH: &str = "main";
/// The lines of `.gitattributes` that route `cercle.json` and every document of the split
/// layout through Cercle's merge driver.
pub const ATTRIBUTES: &str = "cercle.json merge=cercle\n\
cercle/cohorts/*.json merge=cercle\n\
cercle/people/*.json merge=cercle\n";
/// `.gitignore`: only the data file, its documents and these two files are shared. Everything
/// else in the data directory stays on this machine: the lock, temporary files (a save's, in
/// the documents' folders too), backups, copies of damaged files, the recovery file, exports
/// (which hold personal data) and whatever comes later.
pub const IGNORE: &str = "# Cercle: only cercle.json is shared with the team.\n\
/*\n\
!/cercle.json\n\
!/.gitattributes\n\
!/.gitignore\n\
!/cercle/\n\
/cercle/*\n\
!/cercle/cohorts/\n\
!/cercle/people/\n\
/cercle/*/.*\n";
/// Where the time of the last sync that reached the team is kept (inside `.git`, never shared).
const LAST_SYNC_FILE: &str = "cercle-last-sync";
/// How many times a push refused because the team pushed meanwhile is retried.
const ATTEMPTS: usize = 3;

/// Why a sync could not be done.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The data directory is not a git repository yet.
    #[error(
        "{} is not set up for sync yet: run `cercle sync init --remote URL` (see docs/sync.md)",
        .0.display()
    )]
    NotSetUp(PathBuf),
    /// git failed or is missing.
    #[error(transparent)]
    Git(#[from] GitError),
    /// The team's changes could not be merged; the merge was undone.
    #[error(
        "the team's changes could not be merged, so nothing was changed here: {0}. Update Cercle on every machine, then sync again"
    )]
    Merge(String),
    /// The team's history holds a path a sync does not share: nothing of it was taken.
    #[error("{}", foreign_text(.0, Lang::En))]
    Foreign(String),
    /// A file of the data directory could not be read or written.
    #[error("{0}")]
    Io(String),
    /// This data directory and the team's latest version keep the data in different layouts
    /// (one file, or one document per cohort): nothing of the team's was taken.
    #[error("{}", split_text(.0, Lang::En))]
    SplitLayout(PathBuf),
}

impl SyncError {
    /// The error in `lang` where the language tables have it, else as it displays.
    pub fn in_lang(&self, lang: Lang) -> String {
        let say = |msg: crate::i18n::Msg, values: &[(&str, &str)]| {
            crate::i18n::fill(msg.text(lang), values)
        };
        match self {
            Self::Foreign(path) => foreign_text(path, lang),
            Self::SplitLayout(dir) => split_text(dir, lang),
            Self::NotSetUp(path) => say(
                crate::i18n::Msg::SyncErrNotSetUp,
                &[("path", &path.display().to_string())],
            ),
            Self::Merge(reason) => say(crate::i18n::Msg::SyncErrMerge, &[("reason", reason)]),
            Self::Git(e) => e.in_lang(lang),
            Self::Io(reason) => reason.clone(),
        }
    }
}

/// The refusal of a path the team's history should not hold, quoted so that any name prints
/// harmlessly.
fn foreign_text(path: &str, lang: Lang) -> String {
    crate::i18n::fill(
        crate::i18n::Msg::SyncForeignPath.text(lang),
        &[("path", &format!("{path:?}"))],
    )
}

fn split_text(dir: &Path, lang: Lang) -> String {
    crate::i18n::fill(
        crate::i18n::Msg::SyncSplitLayout.text(lang),
        &[("dir", &dir.display().to_string())],
    )
}

/// Who signs commits when git's own settings do not say (`user.name`, `user.email`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The name.
    pub name: String,
    /// The email address.
    pub email: String,
}

impl Identity {
    /// The user as the data knows them (`me`, a person id), for commits when git has no
    /// identity set; an address is made up from the id when the person gave none.
    pub fn of(data: &crate::domain::Data, me: Option<&crate::domain::PersonId>) -> Option<Self> {
        let person = data.person(me?)?;
        Some(Self {
            name: person.name.chars().filter(|c| !c.is_control()).collect(),
            email: person
                .emails
                .first()
                .cloned()
                .unwrap_or_else(|| format!("{}@cercle.invalid", person.id)),
        })
    }
}

/// The program git should run as the merge driver: the Cercle running now.
pub fn this_program() -> PathBuf {
    // Without a path to ourselves, git finds `cercle` on the PATH.
    std::env::current_exe().unwrap_or_else(|_| PathBuf::from("cercle"))
}

/// How to sync.
#[derive(Debug, Clone)]
pub struct Options {
    /// The language of commit messages.
    pub lang: Lang,
    /// Who commits when git has no identity set (the user, as a person of the data).
    pub identity: Option<Identity>,
    /// Whether git and ssh may ask for a password on the terminal.
    pub interactive: bool,
    /// The `cercle` program git runs as the merge driver.
    pub driver: PathBuf,
    /// When the sync runs; conflicts found by its merge carry this time.
    pub now: DateTime<Utc>,
}

/// How far the data travelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    /// Sent to the team's repository.
    Pushed,
    /// Nothing to send: already the same as the team's.
    UpToDate,
    /// The team's repository could not be reached; the commits wait here.
    Offline(String),
    /// No remote is set: the history is kept on this machine only.
    NoRemote,
}

/// Where the data directory stands against the team's repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Status {
    /// When a sync last reached the team.
    pub last_sync: Option<DateTime<Utc>>,
    /// Commits here that the team has not received.
    pub ahead: usize,
    /// Commits of the team not merged here (as of the last fetch).
    pub behind: usize,
    /// Whether a remote is set.
    pub remote: bool,
}

/// What a sync did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synced {
    /// The subject of the commit made of this machine's changes, if there were any.
    pub committed: Option<String>,
    /// Whether `cercle.json` changed on disk (the team's changes came in): reload it.
    pub file_changed: bool,
    /// How far the data travelled.
    pub reach: Reach,
    /// Where things stand now.
    pub status: Status,
}

/// Whether the data directory is set up for sync (it is a git repository of its own: a data
/// directory inside another repository, such as a home directory kept in git, is not).
pub fn is_set_up(dir: &Path) -> bool {
    dir.join(".git").exists()
}

/// Where `dir` stands, or `None` when it is not set up for sync. Looks at the local repository
/// only: "behind" is as fresh as the last sync.
pub fn status(dir: &Path) -> Result<Option<Status>, SyncError> {
    if !is_set_up(dir) {
        return Ok(None);
    }
    let git = Git::new(dir, false);
    let branch = current_branch(&git)?;
    Ok(Some(status_of(&git, &branch)?))
}

/// Makes `dir` a git repository ready to sync, or joins the team's: an empty data directory
/// takes what `remote` holds. Then syncs once.
pub fn init(dir: &Path, remote: Option<&str>, options: &Options) -> Result<Synced, SyncError> {
    if !is_set_up(dir) {
        Git::new(dir, options.interactive).ok(&["init", "-q", "-b", DEFAULT_BRANCH])?;
    }
    let git = prepare(dir, options)?;
    if let Some(url) = remote {
        let verb = if has_remote(&git)? { "set-url" } else { "add" };
        git.ok(&["remote", verb, REMOTE, url])?;
        let unborn = !git.run(&["rev-parse", "--verify", "-q", "HEAD"])?.ok;
        if unborn && !dir.join(DATA_FILE).exists() {
            join_team(&git)?;
        }
    }
    ensure_line_file(&dir.join(".gitattributes"), ATTRIBUTES)?;
    ensure_line_file(&dir.join(".gitignore"), IGNORE)?;
    run(&git, options)
}

/// Commits this machine's changes, fetches, merges the team's and pushes.
pub fn sync(dir: &Path, options: &Options) -> Result<Synced, SyncError> {
    if !is_set_up(dir) {
        return Err(SyncError::NotSetUp(dir.to_owned()));
    }
    let git = prepare(dir, options)?;
    // A repository set up before the split layout learns to share its documents.
    ensure_line_file(&dir.join(".gitattributes"), ATTRIBUTES)?;
    ensure_line_file(&dir.join(".gitignore"), IGNORE)?;
    run(&git, options)
}
