//! The repository of a data directory: its settings for Cercle, and what it can tell.

use super::{
    Git, GitError, Identity, LAST_SYNC_FILE, Options, REMOTE, Status, SyncError, driver, git,
};
use crate::store;
use chrono::{DateTime, Utc};
use std::fs;
use std::path::Path;

/// How long ssh (and a stalled http transfer) may wait for the team's server.
const SERVER_WAIT_SECONDS: u32 = 15;

/// Sets up git for this repository: the merge driver (the path of the running Cercle, which may
/// have moved since the last sync) and an identity when git has none.
pub(super) fn prepare(dir: &Path, options: &Options) -> Result<Git, SyncError> {
    let mut git = Git::new(dir, options.interactive);
    git.set_env(driver::MERGE_TIME_ENV, &options.now.to_rfc3339());
    // Emptied before each merge (a folder left by a merge that was undone belongs to none).
    git.set_env(
        driver::FOUND_ENV,
        &driver::found_dir(dir).display().to_string(),
    );
    git.set_env(
        driver::BASE_ENV,
        &driver::base_dir(dir).display().to_string(),
    );
    let command = format!(
        "{} merge-driver %O %A %B %P",
        git::shell_quote(&options.driver)
    );
    for (key, value) in [
        ("merge.cercle.name", "Cercle: merge by stable ids"),
        ("merge.cercle.driver", command.as_str()),
    ] {
        if git.run(&["config", "--local", key])?.stdout.trim_end() != value {
            git.ok(&["config", "--local", key, value])?;
        }
    }
    let fallback = options.identity.clone().unwrap_or_else(|| Identity {
        name: "Cercle".to_owned(),
        email: "cercle@cercle.invalid".to_owned(),
    });
    for (key, value, vars) in [
        (
            "user.name",
            &fallback.name,
            ["GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"],
        ),
        (
            "user.email",
            &fallback.email,
            ["GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"],
        ),
    ] {
        if !git.run(&["config", key])?.ok {
            for var in vars.into_iter().filter(|v| std::env::var_os(v).is_none()) {
                git.set_env(var, value);
            }
        }
    }
    // An unreachable server must end as "offline", not hold the lock for minutes: ssh waits
    // for a connection only so long. In the app ssh must not ask for a passphrase or a host
    // key on the terminal the app draws on: it fails instead (an ssh agent still works).
    // A user's own ssh command is theirs to tune.
    let own_ssh = ["GIT_SSH_COMMAND", "GIT_SSH"]
        .iter()
        .any(|v| std::env::var_os(v).is_some())
        || git.run(&["config", "core.sshCommand"])?.ok;
    if !own_ssh {
        let batch = if options.interactive {
            ""
        } else {
            " -o BatchMode=yes"
        };
        git.set_env(
            "GIT_SSH_COMMAND",
            &format!("ssh -o ConnectTimeout={SERVER_WAIT_SECONDS}{batch}"),
        );
    }
    // Over http, a server that stops answering is given up on too, unless the user set it.
    let own_http = std::env::var_os("GIT_HTTP_LOW_SPEED_LIMIT").is_some()
        || git.run(&["config", "http.lowSpeedLimit"])?.ok;
    if !own_http {
        git.set_env("GIT_HTTP_LOW_SPEED_LIMIT", "1000");
        git.set_env("GIT_HTTP_LOW_SPEED_TIME", &SERVER_WAIT_SECONDS.to_string());
    }
    Ok(git)
}

pub(super) fn status_of(git: &Git, branch: &str) -> Result<Status, SyncError> {
    let remote = has_remote(git)?;
    let theirs = remote_ref(branch);
    let head = exists(git, "HEAD")?;
    let (ahead, behind) = match (head, exists(git, &theirs)?) {
        (true, true) => (
            count(git, &format!("{theirs}..HEAD"))?,
            count(git, &format!("HEAD..{theirs}"))?,
        ),
        (true, false) if remote => (count(git, "HEAD")?, 0),
        _ => (0, 0),
    };
    let last_sync = fs::read_to_string(git.dir().join(".git").join(LAST_SYNC_FILE))
        .ok()
        .and_then(|t| DateTime::parse_from_rfc3339(t.trim()).ok())
        .map(|t| t.with_timezone(&Utc));
    Ok(Status {
        last_sync,
        ahead,
        behind,
        remote,
    })
}

pub(super) fn current_branch(git: &Git) -> Result<String, SyncError> {
    let out = git.run(&["symbolic-ref", "--quiet", "--short", "HEAD"])?;
    if out.ok {
        Ok(out.stdout.trim().to_owned())
    } else {
        Err(SyncError::Git(GitError::Failed {
            args: "symbolic-ref HEAD".into(),
            message:
                "the data directory's repository is not on a branch; run `git switch main` in it"
                    .into(),
        }))
    }
}

pub(super) fn remote_ref(branch: &str) -> String {
    format!("refs/remotes/{REMOTE}/{branch}")
}

pub(super) fn has_remote(git: &Git) -> Result<bool, SyncError> {
    Ok(git.ok(&["remote"])?.lines().any(|r| r == REMOTE))
}

pub(super) fn exists(git: &Git, reference: &str) -> Result<bool, SyncError> {
    Ok(git
        .run(&[
            "rev-parse",
            "--verify",
            "-q",
            &format!("{reference}^{{commit}}"),
        ])?
        .ok)
}

pub(super) fn count(git: &Git, range: &str) -> Result<usize, SyncError> {
    Ok(git
        .ok(&["rev-list", "--count", range])?
        .trim()
        .parse()
        .unwrap_or(0))
}

/// Writes `lines` into a small settings file, or adds those it lacks, in their order.
pub(super) fn ensure_line_file(path: &Path, lines: &str) -> Result<(), SyncError> {
    let existing = fs::read_to_string(path).unwrap_or_default();
    let missing: Vec<&str> = lines
        .lines()
        .filter(|line| !existing.lines().any(|l| l == *line))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let mut text = existing;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    for line in missing {
        text.push_str(line);
        text.push('\n');
    }
    store::write_private(path, text.as_bytes())
        .map(|_| ())
        .map_err(|e| SyncError::Io(format!("{}: {e}", path.display())))
}

/// git writes files with the umask's mode; the data file holds personal data, so it stays 0600.
pub(super) fn keep_private(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    // A missing file (nothing saved yet) has nothing to protect.
    let _ = fs::set_permissions(path, fs::Permissions::from_mode(0o600));
}

/// The repository's directory is readable by the user only, like the data directory.
pub(super) fn keep_private_dir(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    // Best effort, as for the files: a sync is not refused for a mode it could not set.
    let _ = fs::set_permissions(path, fs::Permissions::from_mode(0o700));
}

/// What the store's change detection looks at, to tell whether git rewrote the file.
pub(super) fn file_identity(path: &Path) -> Option<(u64, u64, Option<std::time::SystemTime>)> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path)
        .ok()
        .map(|m| (m.ino(), m.len(), m.modified().ok()))
}
