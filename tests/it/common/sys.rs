//! The few system calls the fault tests need, declared by hand (Linux): a file-size limit with
//! SIGXFSZ ignored (a full disk without mounting one), and the effective user id (root ignores
//! file modes, so a read-only directory needs another way there).
#![allow(dead_code, unsafe_code)]

use std::path::Path;
use std::process::Command;

#[repr(C)]
struct Rlimit {
    cur: u64,
    max: u64,
}

const RLIMIT_FSIZE: i32 = 1;
const SIGXFSZ: i32 = 25;
const SIG_IGN: usize = 1;
const RLIM_INFINITY: u64 = u64::MAX;

unsafe extern "C" {
    fn setrlimit(resource: i32, limit: *const Rlimit) -> i32;
    fn prlimit(pid: i32, resource: i32, new: *const Rlimit, old: *mut Rlimit) -> i32;
    fn signal(signum: i32, handler: usize) -> usize;
    fn geteuid() -> u32;
    fn umask(mask: u32) -> u32;
}

/// Sets this process's umask (for every thread, and the children it starts).
pub fn set_umask(mask: u32) {
    // SAFETY: umask cannot fail; it only replaces the mask.
    unsafe {
        umask(mask);
    }
}

/// Limits the files this process writes to `bytes`, writes past it failing with EFBIG instead
/// of killing the process. Only for a child process: the limit holds for every thread.
pub fn limit_file_size(bytes: u64) {
    // SAFETY: plain system calls with valid arguments; SIG_IGN is a valid disposition.
    let done = unsafe {
        signal(SIGXFSZ, SIG_IGN);
        let limit = Rlimit {
            cur: bytes,
            max: RLIM_INFINITY,
        };
        setrlimit(RLIMIT_FSIZE, &raw const limit)
    };
    assert_eq!(done, 0, "setrlimit failed");
}

/// Lifts another process's file-size limit (a soft one, set by `ulimit -S -f`).
pub fn lift_file_size_limit(pid: u32) {
    let unlimited = Rlimit {
        cur: RLIM_INFINITY,
        max: RLIM_INFINITY,
    };
    let pid = i32::try_from(pid).expect("a pid fits an i32");
    // SAFETY: a valid limit is passed and no old limit is asked for (null is allowed).
    let done = unsafe {
        prlimit(
            pid,
            RLIMIT_FSIZE,
            &raw const unlimited,
            std::ptr::null_mut(),
        )
    };
    assert_eq!(done, 0, "prlimit failed");
}

/// Whether this process runs as root.
pub fn is_root() -> bool {
    // SAFETY: geteuid cannot fail and takes no argument.
    unsafe { geteuid() == 0 }
}

/// The words that run a program with `dir` read-only in a way that holds even for root: a
/// read-only bind mount in a new mount namespace (root), or the directory's mode (anyone
/// else). `Err` says why neither is possible here, for the test to skip.
pub fn read_only_runner(dir: &Path) -> Result<Vec<String>, String> {
    if !is_root() {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o500))
            .map_err(|e| format!("cannot make {} read-only: {e}", dir.display()))?;
        return Ok(Vec::new());
    }
    let words = in_mount_namespace(r#"mount --bind -o ro "$1" "$1""#, dir);
    let probe = Command::new(&words[0])
        .args(&words[1..])
        .args(["sh", "-c", "! touch \"$0/.probe\" 2>/dev/null"])
        .arg(dir)
        .output()
        .map_err(|e| format!("unshare cannot run: {e}"))?;
    if probe.status.success() {
        Ok(words)
    } else {
        Err(format!(
            "running as root, and a read-only bind mount is not possible here: {}",
            String::from_utf8_lossy(&probe.stderr).trim()
        ))
    }
}

/// The words that run a program after `mount` (a shell command on `$1`, which is `dir`) in a
/// private mount namespace: the mount exists for that program only, and goes with it.
pub fn in_mount_namespace(mount: &str, dir: &Path) -> Vec<String> {
    let script = format!(r#"{mount} && shift && exec "$@""#);
    [
        "unshare",
        "--mount",
        "--propagation",
        "private",
        "sh",
        "-c",
        &script,
        "sh",
    ]
    .iter()
    .map(|w| (*w).to_owned())
    .chain([dir.display().to_string()])
    .collect()
}

/// Gives a directory made read-only by [`read_only_runner`] back its mode, so it can be removed.
pub fn make_writable_again(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
}
