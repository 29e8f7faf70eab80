//! The steps of a sync: commit this machine's changes, fetch, merge the team's, push.

use super::documents;
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

/// The files a sync stages: the data file, the folder of the split layout's documents, and
/// the sync's settings; nothing else is taken from the team ([`documents::is_shared`]).
const SHARED: [&str; 4] = [DATA_FILE, store::DOCS_DIR, ".gitattributes", ".gitignore"];

pub(super) fn run(git: &Git, options: &Options) -> Result<Synced, SyncError> {
    let data_path = git.dir().join(DATA_FILE);
    let before = file_identity(&data_path);
    // A sync cut short in the middle of a merge leaves it open; its commit is safe, so undo it.
    if git.dir().join(".git").join("MERGE_HEAD").exists() {
        git.ok(&["merge", "--abort"])?;
    }
    let committed = commit(git, options.lang)?;
    let tree_before = head_tree(git);
    let branch = current_branch(git)?;
    let reach = if has_remote(git)? {
        exchange(git, &branch, options)?
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
    if documents::is_split(git) {
        documents::keep_private(git)?;
    }
    keep_private_dir(&git.dir().join(".git"));
    Ok(Synced {
        committed,
        file_changed: file_identity(&data_path) != before || head_tree(git) != tree_before,
        reach,
        status: status_of(git, &branch)?,
    })
}

/// The tree of the last commit: what the data directory's shared files hold once committed.
fn head_tree(git: &Git) -> Option<String> {
    let out = git
        .run(&["rev-parse", "-q", "--verify", "HEAD^{tree}"])
        .ok()?;
    out.ok.then(|| out.stdout.trim().to_owned())
}

/// Fetches, merges and pushes, again if the team pushed in between.
fn exchange(git: &Git, branch: &str, options: &Options) -> Result<Reach, SyncError> {
    for _ in 0..ATTEMPTS {
        if let Some(offline) = fetch(git)? {
            return Ok(Reach::Offline(offline));
        }
        integrate(git, branch, options)?;
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
fn integrate(git: &Git, branch: &str, options: &Options) -> Result<(), SyncError> {
    let lang = options.lang;
    let theirs = remote_ref(branch);
    if !exists(git, &theirs)?
        || git
            .run(&["merge-base", "--is-ancestor", &theirs, "HEAD"])?
            .ok
    {
        return Ok(());
    }
    only_shared_files(git, &theirs)?;
    let split = documents::split_at(git, "HEAD")?;
    if let (Some(here), Some(there)) = (split, documents::split_at(git, &theirs)?)
        && here != there
    {
        // A newer Cercle's data reads as neither layout: the remedy is an update here, not the
        // sender opening its data once more.
        return Err(match documents::newer_at(git, &theirs)? {
            Some(reason) => SyncError::Merge(reason),
            None => SyncError::SplitLayout(git.dir().to_owned()),
        });
    }
    if git
        .run(&["merge-base", "--is-ancestor", "HEAD", &theirs])?
        .ok
    {
        git.ok(&["merge", "--ff-only", "-q", &theirs])?;
        return Ok(());
    }
    let split = split == Some(true);
    let before = if split { None } else { committed_data(git) };
    let _ = fs::remove_dir_all(documents::found_dir(git));
    if split {
        documents::convert_base(git, &theirs)?;
    }
    let out = git.run(&[
        "merge",
        "--no-ff",
        "--no-commit",
        "--allow-unrelated-histories",
        "-q",
        &theirs,
    ])?;
    // Only this merge may read the common version's documents.
    let _ = fs::remove_dir_all(super::driver::base_dir(git.dir()));
    // A document deleted on one side and changed on the other is merged as any other.
    let resolved = !out.ok && split && {
        match super::deleted::resolve(git, options.now) {
            Ok(resolved) => resolved,
            Err(reason) => return Err(abort(git, reason)),
        }
    };
    if !out.ok && !resolved {
        // The driver never leaves markers, but it refuses files it cannot read (a newer
        // Cercle's), and other files may conflict: then nothing of the merge is kept.
        let reason = if split {
            refusal(&out)
        } else {
            read_whole(git).err().unwrap_or_else(|| refusal(&out))
        };
        return Err(abort(git, reason));
    }
    let what = if split {
        match merged_documents(git, &theirs, options) {
            Ok(what) => what,
            Err(reason) => return Err(abort(git, reason)),
        }
    } else {
        match read_whole(git) {
            Ok(merged) => message::describe(before.as_ref(), &merged, lang),
            Err(reason) => return Err(abort(git, reason)),
        }
    };
    let text = fill(Msg::SyncMergeCommit.text(lang), &[("what", &what)]);
    git.ok(&["commit", "-q", "--no-edit", "-m", &text])?;
    Ok(())
}

/// The merged data file of a directory kept as one file.
fn read_whole(git: &Git) -> Result<crate::domain::Data, String> {
    fs::read(git.dir().join(DATA_FILE))
        .map_err(|e| e.to_string())
        .and_then(|bytes| store::from_json(&bytes).map_err(|e| e.to_string()))
}

/// On the split layout, once git merged each document: the conflicts that belong in the index
/// put there, then the documents the merge changed read (a document that does not read is
/// never committed), and what came in described. Only those documents are read.
fn merged_documents(git: &Git, theirs: &str, options: &Options) -> Result<String, String> {
    documents::after_merge(git, theirs, options.now)?;
    let changed = documents::changed(git, "HEAD", None).map_err(|e| e.to_string())?;
    let merged = documents::partial(git, None, &changed)?;
    let before = documents::partial(git, Some("HEAD"), &changed).ok();
    Ok(message::describe(before.as_ref(), &merged, options.lang))
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

/// Commits the data file or its documents (and the sync settings) if they changed; returns the
/// subject line.
fn commit(git: &Git, lang: Lang) -> Result<Option<String>, SyncError> {
    let paths: Vec<&str> = SHARED
        .into_iter()
        .filter(|p| git.dir().join(p).exists())
        .collect();
    if paths.is_empty() {
        return Ok(None);
    }
    let mut add = vec!["add", "-A", "--"];
    add.extend(&paths);
    git.ok(&add)?;
    let staged = git.ok(&["diff", "--cached", "--name-only"])?;
    if staged.trim().is_empty() {
        return Ok(None);
    }
    let docs = format!("{}/", store::DOCS_DIR);
    let data_changed = staged
        .lines()
        .any(|l| l == DATA_FILE || l.starts_with(&docs));
    let message = if !data_changed {
        Msg::SyncSettingsCommit.text(lang).to_owned()
    } else if documents::is_split(git) {
        described_documents(git, lang)?
    } else {
        let new = read_whole(git).map_err(|e| SyncError::Io(format!("{DATA_FILE}: {e}")))?;
        message::describe(committed_data(git).as_ref(), &new, lang)
    };
    git.ok(&["commit", "-q", "-m", &message])?;
    Ok(message.lines().next().map(str::to_owned))
}

/// The message of a commit of the split layout's documents: only those staged are read, as
/// they were last committed and as they are now (the whole file, once, when the last commit
/// kept the data as one file).
fn described_documents(git: &Git, lang: Lang) -> Result<String, SyncError> {
    if !exists(git, "HEAD")? {
        return Ok(message::describe(
            None,
            &crate::domain::Data::default(),
            lang,
        ));
    }
    let changed = documents::changed(git, "HEAD", None)?;
    let new = documents::partial(git, None, &changed)
        .map_err(|e| SyncError::Io(format!("{DATA_FILE}: {e}")))?;
    let old = match documents::split_at(git, "HEAD")? {
        Some(true) => documents::partial(git, Some("HEAD"), &changed).ok(),
        Some(false) => committed_data(git),
        None => None,
    };
    Ok(message::describe(old.as_ref(), &new, lang))
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
        if !regular || !documents::is_shared(path) {
            return Err(SyncError::Foreign(path.to_owned()));
        }
    }
    Ok(())
}
