//! A program in a pseudo-terminal of the measured size, its screen read back through vt100, and
//! the moment a text first shows on it.

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// How long any one wait may take before the measurement is called off.
const PATIENCE: Duration = Duration::from_secs(60);

/// The screen as the terminal shows it, whether the program closed its side, and texts watched
/// for, with the moment each first showed after it was asked for.
struct Screen {
    parser: vt100::Parser,
    closed: bool,
    watches: Vec<(String, Option<Instant>)>,
}

impl Screen {
    fn look(&mut self) {
        if self.watches.iter().all(|(_, seen)| seen.is_some()) {
            return;
        }
        let now = Instant::now();
        let text = self.parser.screen().contents();
        for (wanted, seen) in &mut self.watches {
            if seen.is_none() && text.contains(wanted.as_str()) {
                *seen = Some(now);
            }
        }
    }
}

/// A running program in a pseudo-terminal.
pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<(Mutex<Screen>, Condvar)>,
}

impl Session {
    /// Starts `command` in a `cols`×`rows` terminal; returns it and the instant just before the
    /// start, which every time is counted from.
    pub fn start(
        mut command: CommandBuilder,
        cols: u16,
        rows: u16,
    ) -> Result<(Self, Instant), String> {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .map_err(|e| format!("no pseudo-terminal: {e}"))?;
        command.env("TERM", "xterm-256color");
        let mut reader = pty.master.try_clone_reader().map_err(|e| e.to_string())?;
        let writer = pty.master.take_writer().map_err(|e| e.to_string())?;
        let size = |n: u16| NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN);
        let screen = Arc::new((
            Mutex::new(Screen {
                parser: vt100::Parser::new(size(rows), size(cols), 0),
                closed: false,
                watches: Vec::new(),
            }),
            Condvar::new(),
        ));
        let shared = Arc::clone(&screen);
        let master = pty.master;
        std::thread::spawn(move || {
            let _keep = master;
            let mut buf = vec![0u8; 1 << 16];
            let (lock, changed) = &*shared;
            loop {
                let n = reader.read(&mut buf).unwrap_or(0);
                let Ok(mut screen) = lock.lock() else { break };
                if n == 0 {
                    screen.closed = true;
                    changed.notify_all();
                    break;
                }
                screen.parser.process(&buf[..n]);
                screen.look();
                changed.notify_all();
            }
        });
        let started = Instant::now();
        let child = pty
            .slave
            .spawn_command(command)
            .map_err(|e| format!("could not start the program: {e}"))?;
        drop(pty.slave);
        Ok((
            Self {
                child,
                writer,
                screen,
            },
            started,
        ))
    }

    /// The screen's text.
    pub fn contents(&self) -> String {
        let (lock, _) = &*self.screen;
        lock.lock()
            .map(|s| s.parser.screen().contents())
            .unwrap_or_default()
    }

    /// Starts watching for `text`: [`Session::seen`] then tells when it first showed (now, if it
    /// already does).
    pub fn watch(&self, text: &str) {
        let (lock, _) = &*self.screen;
        if let Ok(mut screen) = lock.lock() {
            screen.watches.push((text.to_owned(), None));
            screen.look();
        }
    }

    /// When a watched text first showed, if it has.
    pub fn seen(&self, text: &str) -> Option<Instant> {
        let (lock, _) = &*self.screen;
        let screen = lock.lock().ok()?;
        screen
            .watches
            .iter()
            .find(|(wanted, _)| wanted == text)
            .and_then(|(_, seen)| *seen)
    }

    /// Waits until the screen shows `text`; returns when it first did.
    pub fn wait_for(&self, text: &str) -> Result<Instant, String> {
        self.wait_until(|screen| screen.contains(text))
            .map_err(|shown| format!("the screen never showed {text:?}; it shows:\n{shown}"))
    }

    /// Waits until the screen's text passes `test`; on failure returns the screen.
    pub fn wait_until(&self, test: impl Fn(&str) -> bool) -> Result<Instant, String> {
        let (lock, changed) = &*self.screen;
        let deadline = Instant::now() + PATIENCE;
        let mut screen = lock.lock().map_err(|e| e.to_string())?;
        loop {
            let shown = screen.parser.screen().contents();
            if test(&shown) {
                return Ok(Instant::now());
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if screen.closed || left.is_zero() {
                return Err(shown);
            }
            screen = changed
                .wait_timeout(screen, left)
                .map_err(|e| e.to_string())?
                .0;
        }
    }

    /// Types keys; returns the instant they were handed to the terminal.
    pub fn send(&mut self, keys: &str) -> Result<Instant, String> {
        self.writer
            .write_all(keys.as_bytes())
            .and_then(|()| self.writer.flush())
            .map_err(|e| format!("could not type {keys:?}: {e}"))?;
        Ok(Instant::now())
    }

    /// The program's process id.
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Waits for the program to end, killing it after `grace`.
    pub fn finish(mut self, grace: Duration) {
        let deadline = Instant::now() + grace;
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The peak resident memory of a running process, in bytes (`VmHWM` in `/proc/PID/status`).
pub fn peak_memory(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
