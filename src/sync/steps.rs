//! The steps of a sync: commit this machine's changes, fetch, merge the team's, push.

use super::git::Output;
use super::repo::{
    count, current_branch, exists, file_identity, has_remote, keep_private, keep_private_dir,
    remote_ref, status_of,
};
use super::{
    ATTEMPTS, DEFAULT_BRANCH, Git, GitError, LAST_SYNC_FILE, Options, REMOTE, Reach, SyncError,
    Synced, message,
};
use crate::i18n::{Lang, Msg, fill};
use crate::store::{self, DATA_FILE};
use std::fs;

/// The files a sync shares; nothing else is taken from the team.
const SHARED: [&str; 3] = [DATA_FILE, ".gitattributes", ".gitignore"];

pub(super) fn run(git: &Git, options: &Options) -> Result<Synced, SyncError> {
    let data_path = git.dir().join(DATA_FILE);
    let before = file_identity(&data_path);
    // A sync cut short in the middle of a merge leaves it open; its commit is safe, so undo it.
    if git.dir().join(".git").join("MERGE_HEAD").exists() {
        git.ok(&["merge", "--abort"])?;
    }
    let committed = commit(git, options.lang)?;
    let branch = current_branch(git)?;
    let reach = if has_remote(git)? {
        exchange(git, &branch, options.lang)?
    } else {
        Reach::NoRemote
    };
    if matches!(reach, Reach::Pushed | Reach::UpToDate) {
        let stamp = git.dir().join(".git").join(LAST_SYNC_FILE);
        fs::write(&stamp, options.now.to_rfc3339())
            .map_err(|e| SyncError::Io(format!("{}: {e}", stamp.display())))?;
    }
    keep_private(&data_path);
    // A checkout (joining the team) writes with the umask's modes; the data directory promises
    // 0600 files and 0700 directories, and `.git` holds every past version of the data.
    for name in [".gitattributes", ".gitignore"] {
        keep_private(&git.dir().join(name));
    }
    keep_private_dir(&git.dir().join(".git"));
    Ok(Synced {
        committed,
        file_changed: file_identity(&data_path) != before,
        reach,
        status: status_of(git, &branch)?,
    })
}

/// Fetches, merges and pushes, again if the team pushed in between.
fn exchange(git: &Git, branch: &str, lang: Lang) -> Result<Reach, SyncError> {
    for _ in 0..ATTEMPTS {
        if let Some(offline) = fetch(git)? {
            return Ok(Reach::Offline(offline));
        }
        integrate(git, branch, lang)?;
        let theirs = remote_ref(branch);
        if exists(git, &theirs)? && count(git, &format!("{theirs}..HEAD"))? == 0 {
            return Ok(Reach::UpToDate);
        }
        let out = match git.run_network(&[
            "push",
            "--porcelain",
            "-u",
            REMOTE,
            &format!("HEAD:refs/heads/{branch}"),
        ]) {
            Ok(out) => out,
            Err(GitError::TimedOut { .. }) => {
                return Ok(Reach::Offline(
                    "the team's repository did not answer".into(),
                ));
            }
            Err(e) => return Err(e.into()),
        };
        if out.ok {
            return Ok(Reach::Pushed);
        }
        let refused = out.stdout.contains("[rejected]") || out.stdout.contains("fetch first");
        if !refused {
            return Ok(Reach::Offline(out.first_line()));
        }
    }
    Ok(Reach::Offline(
        "the team's repository kept changing while this machine tried to send".into(),
    ))
}

/// Fetches the team's history; `Some(reason)` when it cannot be reached.
fn fetch(git: &Git) -> Result<Option<String>, SyncError> {
    match git.run_network(&["fetch", "--quiet", REMOTE]) {
        Ok(out) if out.ok => Ok(None),
        Ok(out) => Ok(Some(out.first_line())),
        Err(GitError::TimedOut { .. }) => Ok(Some("the team's repository did not answer".into())),
        Err(e) => Err(e.into()),
    }
}

/// Merges the team's branch into this one (fast-forward when this one has nothing new).
fn integrate(git: &Git, branch: &str, lang: Lang) -> Result<(), SyncError> {
    let theirs = remote_ref(branch);
    if !exists(git, &theirs)?
        || git
            .run(&["merge-base", "--is-ancestor", &theirs, "HEAD"])?
            .ok
    {
        return Ok(());
    }
    only_shared_files(git, &theirs)?;
    if git
        .run(&["merge-base", "--is-ancestor", "HEAD", &theirs])?
        .ok
    {
        git.ok(&["merge", "--ff-only", "-q", &theirs])?;
        return Ok(());
    }
    let before = committed_data(git);
    let out = git.run(&[
        "merge",
        "--no-ff",
        "--no-commit",
        "--allow-unrelated-histories",
        "-q",
        &theirs,
    ])?;
    // The driver never leaves markers in cercle.json, but it refuses files it cannot read
    // (a newer Cercle's), and other files may conflict: then nothing of the merge is kept.
    let merged = fs::read(git.dir().join(DATA_FILE))
        .map_err(|e| e.to_string())
        .and_then(|bytes| store::from_json(&bytes).map_err(|e| e.to_string()));
    let merged = match (out.ok, merged) {
        (true, Ok(merged)) => merged,
        (_, Err(reason)) => return Err(abort(git, reason)),
        (false, Ok(_)) => return Err(abort(git, refusal(&out))),
    };
    let what = message::describe(before.as_ref(), &merged, lang);
    let text = fill(Msg::SyncMergeCommit.text(lang), &[("what", &what)]);
    git.ok(&["commit", "-q", "--no-edit", "-m", &text])?;
    Ok(())
}

/// Why git's merge failed: the driver's own words when it refused, without the `cercle: ` it
/// starts them with (the sync's message already says where it comes from), else git's.
fn refusal(out: &Output) -> String {
    let text = format!("{}\n{}", out.stderr, out.stdout);
    let driver: Vec<&str> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("cercle: "))
        .collect();
    if driver.is_empty() {
        out.message()
    } else {
        driver.join(" ")
    }
}

fn abort(git: &Git, reason: String) -> SyncError {
    let _ = git.run(&["merge", "--abort"]);
    SyncError::Merge(reason)
}

/// Commits the data file (and the sync settings) if they changed; returns the subject line.
fn commit(git: &Git, lang: Lang) -> Result<Option<String>, SyncError> {
    let paths: Vec<&str> = SHARED
        .into_iter()
        .filter(|p| git.dir().join(p).exists())
        .collect();
    if paths.is_empty() {
        return Ok(None);
    }
    let mut add = vec!["add", "--"];
    add.extend(&paths);
    git.ok(&add)?;
    let staged = git.ok(&["diff", "--cached", "--name-only"])?;
    if staged.trim().is_empty() {
        return Ok(None);
    }
    let message = if staged.lines().any(|l| l == DATA_FILE) {
        let new = fs::read(git.dir().join(DATA_FILE))
            .map_err(|e| e.to_string())
            .and_then(|bytes| store::from_json(&bytes).map_err(|e| e.to_string()))
            .map_err(|e| SyncError::Io(format!("{DATA_FILE}: {e}")))?;
        message::describe(committed_data(git).as_ref(), &new, lang)
    } else {
        Msg::SyncSettingsCommit.text(lang).to_owned()
    };
    git.ok(&["commit", "-q", "-m", &message])?;
    Ok(message.lines().next().map(str::to_owned))
}

/// The data file as last committed, if there is one that reads.
fn committed_data(git: &Git) -> Option<crate::domain::Data> {
    let out = git.run(&["show", &format!("HEAD:{DATA_FILE}")]).ok()?;
    out.ok
        .then(|| store::from_json(out.stdout.as_bytes()).ok())
        .flatten()
}

/// An empty data directory takes the team's history: the branch the remote holds.
pub(super) fn join_team(git: &Git) -> Result<(), SyncError> {
    if let Some(reason) = fetch(git)? {
        return Err(SyncError::Git(GitError::Failed {
            args: format!("fetch {REMOTE}"),
            message: reason,
        }));
    }
    let branches = git.ok(&[
        "for-each-ref",
        "--format=%(refname:lstrip=3)",
        &format!("refs/remotes/{REMOTE}/"),
    ])?;
    let branches: Vec<&str> = branches
        .lines()
        .filter(|b| !b.is_empty() && *b != "HEAD")
        .collect();
    let chosen = [DEFAULT_BRANCH, "master"]
        .into_iter()
        .find(|b| branches.contains(b))
        .or_else(|| branches.first().copied());
    if let Some(branch) = chosen {
        only_shared_files(git, &remote_ref(branch))?;
        git.ok(&["checkout", "-q", "-B", branch, &remote_ref(branch)])?;
    }
    Ok(())
}

/// Refuses the team's commit `rev` if its tree holds anything but the files a sync shares, as
/// regular files. git replaces ignored files without a word: a `cercle.lock` committed with
/// `git add -f` (a symbolic link to a file of the user's, say) would take the lock's place.
fn only_shared_files(git: &Git, rev: &str) -> Result<(), SyncError> {
    let tree = git.ok(&["ls-tree", "-r", "-z", "--full-tree", rev])?;
    for entry in tree.split('\0').filter(|e| !e.is_empty()) {
        // "<mode> <type> <object>\t<path>"; 100644 and 100755 are regular files.
        let (info, path) = entry.split_once('\t').unwrap_or((entry, ""));
        let regular = info.starts_with("100644 ") || info.starts_with("100755 ");
        if !regular || !SHARED.contains(&path) {
            return Err(SyncError::Foreign(path.to_owned()));
        }
    }
    Ok(())
}
