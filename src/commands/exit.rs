//! The exit codes of `cercle`, each with its own number, and the failure a subcommand returns:
//! a message for a person, and the code a script reads. The README's table lists them.

use crate::store::StoreError;

/// Done.
pub const SUCCESS: u8 = 0;
/// The command failed, and said why (a file that cannot be written, a name not found…).
pub const FAILED: u8 = 1;
/// The command line itself is wrong (clap's own code for a usage error).
pub const USAGE: u8 = 2;
/// The data is open in another Cercle, which holds its lock.
pub const LOCKED: u8 = 3;
/// The app was started without a terminal.
pub const NO_TERMINAL: u8 = 4;
/// `check`: the file reads, but breaks a rule of the programme.
pub const RULES_BROKEN: u8 = 5;
/// The data file is damaged, or cannot be read.
pub const DAMAGED: u8 = 6;
/// `verify`: the attendance record was changed outside Cercle.
pub const ALTERED: u8 = 7;
/// The program reading the output went away (`| head`): 128 + SIGPIPE, as shells report it.
pub const CLOSED: u8 = 141;

/// Why a subcommand failed: what to tell the person, and the code to exit with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The exit code.
    pub code: u8,
    /// The message, in the user's language.
    pub message: String,
}

impl Failure {
    /// A failure with its own code.
    pub fn new(code: u8, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }

    /// The code a store error means for a script: a lock held, a damaged or unreadable file,
    /// or a plain failure.
    pub fn code_of(error: &StoreError) -> u8 {
        match error {
            StoreError::Locked { .. } => LOCKED,
            StoreError::Damaged { .. }
            | StoreError::DamagedNotOverwritten { .. }
            | StoreError::FutureSchema { .. }
            | StoreError::TooNew { .. }
            | StoreError::Io { .. } => DAMAGED,
            _ => FAILED,
        }
    }
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Self::new(FAILED, message)
    }
}

impl From<&str> for Failure {
    fn from(message: &str) -> Self {
        Self::new(FAILED, message)
    }
}
