//! Running the `git` program. Transport, credentials (ssh keys, credential helpers) and history
//! are git's; Cercle only asks it, so whatever works for the user's `git push` works here.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// Why git could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// There is no `git` program on the PATH.
    #[error(
        "the git program was not found; sync uses git to reach the team's repository: install it (e.g. `sudo apt install git`) and try again"
    )]
    Missing,
    /// git ran and said no.
    #[error("git {args} failed: {message}")]
    Failed {
        /// The arguments, for the message.
        args: String,
        /// What git said.
        message: String,
    },
    /// git did not finish in time (an unreachable server that does not answer).
    #[error("git {args} gave no answer in {seconds} s and was stopped")]
    TimedOut {
        /// The arguments, for the message.
        args: String,
        /// The time allowed.
        seconds: u64,
    },
    /// git could not be started or read.
    #[error("could not run git: {0}")]
    Io(#[from] std::io::Error),
}

impl GitError {
    /// The error in the user's language; what git itself said is quoted as git said it.
    pub fn in_lang(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::{Msg, fill};
        match self {
            Self::Missing => Msg::GitMissing.text(lang).to_owned(),
            Self::Failed { args, message } => fill(
                Msg::GitFailed.text(lang),
                &[("args", args), ("message", message)],
            ),
            Self::TimedOut { args, seconds } => fill(
                Msg::GitTimedOut.text(lang),
                &[("args", args), ("seconds", &seconds.to_string())],
            ),
            Self::Io(e) => fill(
                Msg::GitCannotRun.text(lang),
                &[("reason", &crate::i18n::io_reason(e, lang))],
            ),
        }
    }
}

/// What a git command printed, and whether it succeeded.
#[derive(Debug, Clone)]
pub struct Output {
    /// Exit status 0.
    pub ok: bool,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Output {
    /// The first line git wrote on standard error, or on standard output if none.
    pub fn message(&self) -> String {
        let text = if self.stderr.trim().is_empty() {
            &self.stdout
        } else {
            &self.stderr
        };
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("hint:"))
            .collect();
        lines.join(" ")
    }

    /// The first line of [`Output::message`]: enough to say why a server was not reached.
    pub fn first_line(&self) -> String {
        let text = if self.stderr.trim().is_empty() {
            &self.stdout
        } else {
            &self.stderr
        };
        text.lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with("hint:"))
            .unwrap_or_default()
            .to_owned()
    }
}

/// The git of one data directory.
#[derive(Debug, Clone)]
pub struct Git {
    dir: PathBuf,
    env: Vec<(String, String)>,
    /// How long a command that talks to the network may take.
    network_timeout: Option<Duration>,
}

impl Git {
    /// git in `dir`. `interactive` lets git and ssh ask for a password on the terminal; the app
    /// owns the terminal, so there they must fail instead of asking.
    pub fn new(dir: &Path, interactive: bool) -> Self {
        let mut env = Vec::new();
        if !interactive {
            env.push(("GIT_TERMINAL_PROMPT".to_owned(), "0".to_owned()));
        }
        Self {
            dir: dir.to_owned(),
            env,
            network_timeout: (!interactive).then_some(Duration::from_secs(90)),
        }
    }

    /// Sets an environment variable for every later command.
    pub fn set_env(&mut self, name: &str, value: &str) {
        self.env.retain(|(n, _)| n != name);
        self.env.push((name.to_owned(), value.to_owned()));
    }

    /// The directory git runs in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new("git");
        command
            .current_dir(&self.dir)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (name, value) in &self.env {
            command.env(name, value);
        }
        command
    }

    /// Runs git and returns what it printed, whatever its exit status.
    pub fn run(&self, args: &[&str]) -> Result<Output, GitError> {
        self.run_within(args, None)
    }

    /// Runs git with the network time limit (fetch, push, ls-remote).
    pub fn run_network(&self, args: &[&str]) -> Result<Output, GitError> {
        self.run_within(args, self.network_timeout)
    }

    /// Runs git and returns its standard output, or fails with what it said.
    pub fn ok(&self, args: &[&str]) -> Result<String, GitError> {
        let out = self.run(args)?;
        if out.ok {
            Ok(out.stdout)
        } else {
            Err(GitError::Failed {
                args: args.join(" "),
                message: out.message(),
            })
        }
    }

    fn run_within(&self, args: &[&str], limit: Option<Duration>) -> Result<Output, GitError> {
        let mut child = match self.command(args).spawn() {
            Ok(child) => child,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(GitError::Missing),
            Err(e) => return Err(GitError::Io(e)),
        };
        // Both pipes are drained on their own threads, so a chatty git never blocks on a full
        // pipe while we wait for it.
        let stdout = drain(child.stdout.take());
        let stderr = drain(child.stderr.take());
        let ok = match limit {
            None => child.wait()?.success(),
            Some(limit) => {
                if let Some(ok) = wait_until(&mut child, Instant::now() + limit)? {
                    ok
                } else {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(GitError::TimedOut {
                        args: args.join(" "),
                        seconds: limit.as_secs(),
                    });
                }
            }
        };
        Ok(Output {
            ok,
            stdout: stdout.join().unwrap_or_default(),
            stderr: stderr.join().unwrap_or_default(),
        })
    }
}

/// Waits for the child until `deadline`: `Some(success)` if it ended, `None` if time ran out.
fn wait_until(child: &mut Child, deadline: Instant) -> std::io::Result<Option<bool>> {
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status.success()));
        }
        if Instant::now() >= deadline {
            return Ok(None);
        }
        thread::sleep(Duration::from_millis(10));
    }
}

fn drain(pipe: Option<impl Read + Send + 'static>) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// Quotes a path for the shell git runs a merge driver through.
pub fn shell_quote(path: &Path) -> String {
    format!("'{}'", path.to_string_lossy().replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_with_a_quote_survives_the_shell() {
        assert_eq!(shell_quote(Path::new("/a b/it's")), r"'/a b/it'\''s'");
    }

    #[test]
    fn the_message_skips_hints_and_blank_lines() {
        let out = Output {
            ok: false,
            stdout: String::new(),
            stderr: "hint: try this\n\nfatal: no\n  remote gone\n".to_owned(),
        };
        assert_eq!(out.message(), "fatal: no remote gone");
    }
}
