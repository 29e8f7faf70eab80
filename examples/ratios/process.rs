//! The programs measured, and a whole process run to its end: how long it took and the peak
//! memory of its largest process, its children (git, the merge driver) included.

use std::ffi::OsString;
use std::io::{Read, Seek};
use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// The programs compared.
pub struct Binaries {
    pub cercle: PathBuf,
    pub floor_frame: PathBuf,
    pub floor_scan: PathBuf,
}

/// Finds the release `cercle` and the floors beside this program, building them first when
/// run through cargo.
pub fn binaries() -> Result<Binaries, String> {
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let examples = me.parent().ok_or("no directory for this program")?;
    let release = examples.parent().ok_or("no target directory")?;
    if let Some(cargo) = std::env::var_os("CARGO") {
        eprintln!("building the release cercle and the floor programs …");
        let built = Command::new(cargo)
            .args(["build", "--release", "--bin", "cercle"])
            .args(["--example", "floor_first_frame", "--example", "floor_scan"])
            .status()
            .map_err(|e| e.to_string())?;
        if !built.success() {
            return Err("the build failed".into());
        }
    }
    let found = Binaries {
        cercle: release.join("cercle"),
        floor_frame: examples.join("floor_first_frame"),
        floor_scan: examples.join("floor_scan"),
    };
    for path in [&found.cercle, &found.floor_frame, &found.floor_scan] {
        if !path.is_file() {
            return Err(format!(
                "{} is missing: run `cargo run --release --example ratios`",
                path.display()
            ));
        }
    }
    Ok(found)
}

/// A process run to its end.
pub struct Finished {
    /// From its start to its end.
    pub took: Duration,
    /// The peak resident memory of the largest process of its tree, in bytes.
    pub peak: u64,
    /// Its exit code (none when a signal ended it).
    pub code: Option<i32>,
    /// What it printed, both streams.
    pub output: String,
}

impl Finished {
    /// Itself if it exited with one of `codes`, otherwise why not.
    pub fn expect(self, what: &str, codes: &[i32]) -> Result<Self, String> {
        match self.code {
            Some(code) if codes.contains(&code) => Ok(self),
            code => Err(format!(
                "{what} ended with {code:?}:\n{}",
                self.output.trim_end()
            )),
        }
    }
}

/// The argument that makes this program a launcher (see [`launch`]).
pub const LAUNCH: &str = "--launch-and-measure";

/// Runs `command` to its end and measures it. It is started by a copy of this program
/// ([`launch`]): a process started directly by this one, which holds hundreds of megabytes,
/// would be charged this one's peak memory by the kernel, which counts it at `exec`.
pub fn run(command: &mut Command) -> Result<Finished, String> {
    let log = tempfile::tempfile().map_err(|e| e.to_string())?;
    let report = tempfile::NamedTempFile::new().map_err(|e| e.to_string())?;
    let stream = || log.try_clone().map(Stdio::from).map_err(|e| e.to_string());
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut launcher = Command::new(me);
    launcher
        .arg(LAUNCH)
        .arg(report.path())
        .arg(command.get_program())
        .args(command.get_args());
    for (name, value) in command.get_envs() {
        match value {
            Some(value) => launcher.env(name, value),
            None => launcher.env_remove(name),
        };
    }
    if let Some(dir) = command.get_current_dir() {
        launcher.current_dir(dir);
    }
    let status = launcher
        .stdin(Stdio::null())
        .stdout(stream()?)
        .stderr(stream()?)
        .status()
        .map_err(|e| format!("{command:?} did not start: {e}"))?;
    let mut output = String::new();
    let mut log = log;
    log.rewind()
        .and_then(|()| log.read_to_string(&mut output))
        .map_err(|e| e.to_string())?;
    let said = std::fs::read_to_string(report.path()).map_err(|e| e.to_string())?;
    let mut fields = said.split_whitespace().map(str::parse::<i64>);
    let mut field = || fields.next().and_then(Result::ok);
    let (Some(nanos), Some(kb), Some(code)) = (field(), field(), field()) else {
        return Err(format!("{command:?} ({status}): {output}"));
    };
    Ok(Finished {
        took: Duration::from_nanos(u64::try_from(nanos).unwrap_or_default()),
        // Linux counts it in kilobytes.
        peak: u64::try_from(kb).unwrap_or_default() * 1024,
        code: i32::try_from(code).ok().filter(|&c| c >= 0),
        output,
    })
}

/// The launcher: `LAUNCH REPORT PROGRAM ARGS…` runs the program with this process's output,
/// waiting for it with `wait4`, whose resource usage holds the largest peak of the program and
/// of every descendant it waited for; then writes to REPORT how long it took (ns), that peak
/// (KB) and its exit code (-1 for a signal).
pub fn launch(args: &[OsString]) -> ExitCode {
    let [report, program, args @ ..] = args else {
        return ExitCode::FAILURE;
    };
    let started = Instant::now();
    let Ok(child) = Command::new(program).args(args).spawn() else {
        eprintln!("{} did not start", program.display());
        return ExitCode::FAILURE;
    };
    let Ok(pid) = libc::pid_t::try_from(child.id()) else {
        return ExitCode::FAILURE;
    };
    let mut status = 0;
    // SAFETY: `rusage` is plain integers, for which all zeros is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: both pointers are to live locals of the right types; `pid` is our own child,
        // which nothing else waits for (`child` is dropped without waiting).
        let waited = unsafe { libc::wait4(pid, &raw mut status, 0, &raw mut usage) };
        if waited == pid {
            break;
        }
        if std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
            return ExitCode::FAILURE;
        }
    }
    let took = started.elapsed().as_nanos();
    drop(child);
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    let said = format!("{took} {} {code}\n", usage.ru_maxrss);
    match std::fs::write(report, said) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::FAILURE,
    }
}

/// Runs a whole process that must succeed; returns how long it took.
pub fn timed(command: &mut Command) -> Result<Duration, String> {
    let what = format!("{command:?}");
    Ok(run(command)?.expect(&what, &[0])?.took)
}
