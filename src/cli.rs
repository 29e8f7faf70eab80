//! The command line, with clap. `--data-dir` and `--lang` are global: accepted before or after
//! the subcommand.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Cercle: the terminal app of a tiers-lieux facilitator training cohort.
#[derive(Debug, Parser)]
#[command(name = "cercle", version, about, long_about = None)]
pub struct Cli {
    /// The data directory (else `$CERCLE_DATA_DIR`, else the platform's data directory).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// The interface language (else from `LC_ALL`, `LC_MESSAGES` or `LANG`).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Open the data without taking the lock; nothing can be saved.
    #[arg(long)]
    pub read_only: bool,
    /// Also print the journal (errors and sync steps, kept in the state directory) on standard
    /// error as it is written.
    #[arg(long, global = true)]
    pub verbose: bool,
    /// What to do; without one, the app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// A language on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Français.
    Fr,
    /// English.
    En,
}

/// A shell for completions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShellArg {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
    /// PowerShell.
    #[value(name = "powershell")]
    PowerShell,
    /// Elvish.
    Elvish,
    /// Nushell.
    Nushell,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create an empty data file, or the sample cohort; never replaces an existing one.
    Init {
        /// Start from the sample cohort shipped with Cercle.
        #[arg(long)]
        sample: bool,
    },
    /// Check the data file against the schema and the rules (exit 0 sound, 5 rules broken,
    /// 6 damaged or unreadable).
    Check {
        /// Print JSON: the file, its counts, and each error and warning.
        #[arg(long)]
        json: bool,
    },
    /// Print each cohort's trainees, half-days and attendance rate.
    Summary {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Write a deterministic synthetic network of cohorts (benchmarks and stress tests);
    /// never replaces existing data.
    Generate {
        /// How many cohorts.
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=100_000))]
        cohorts: u32,
        /// The seed; the same seed gives the same data.
        #[arg(long, default_value_t = 42)]
        seed: u64,
    },
    /// Import records from a file, saved as one step (the file before is kept as a backup).
    Import {
        /// What to import.
        #[command(subcommand)]
        what: ImportCommand,
    },
    /// List the backups of the data file, newest first.
    Backups {
        /// Print JSON: each backup's name, size and whether it reads.
        #[arg(long)]
        json: bool,
    },
    /// Restore a backup (the current file is backed up first).
    Restore {
        /// The backup's name, as `cercle backups` prints it.
        backup: String,
    },
    /// Write data out: attendance sheets, certificates, the calendar.
    Export {
        /// What to export.
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// Share the data with the trainer team through a git repository: commit this machine's
    /// changes, fetch and merge the team's, push (see docs/sync.md).
    Sync {
        /// Set up instead of syncing.
        #[command(subcommand)]
        what: Option<SyncCommand>,
    },
    /// git's merge driver for cercle.json, registered by `cercle sync init`: merges by stable
    /// ids and writes the result over OURS.
    #[command(hide = true)]
    MergeDriver {
        /// The common version (%O).
        base: PathBuf,
        /// This machine's version (%A), replaced by the merge.
        ours: PathBuf,
        /// The other machine's version (%B).
        theirs: PathBuf,
        /// Where the result goes in the data directory (%P): a document of the split layout is
        /// merged as that document.
        path: Option<String>,
    },
    /// Erase a person everywhere (the data file, its backups and the recovery file); records
    /// the law requires to keep, such as signed attendance sheets, stay under a pseudonym.
    Forget {
        /// The person, by id or name.
        person: String,
        /// Do not ask for confirmation (for scripts).
        #[arg(long)]
        yes: bool,
    },
    /// Check every trainee signature, every seal and each cohort's chain of seals (exit 0 the
    /// record holds, 7 it was altered).
    Verify {
        /// Only this cohort, by id or name.
        #[arg(long, value_name = "COHORT")]
        cohort: Option<String>,
        /// Print JSON instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Print shell completions.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: ShellArg,
    },
    /// Print the manual page (roff), for `man`: `cercle man > cercle.1`.
    Man,
}

/// What `cercle sync` does besides syncing.
#[derive(Debug, Subcommand)]
pub enum SyncCommand {
    /// Make the data directory a git repository ready to sync, or join the team's: an empty
    /// data directory takes what the remote holds.
    Init {
        /// The team's repository (any URL git understands: ssh, https, a path).
        #[arg(long, value_name = "URL")]
        remote: Option<String>,
    },
    /// Say when the last sync reached the team and how many commits wait on each side.
    Status {
        /// Print JSON: the last sync (RFC 3339, UTC), commits ahead and behind, and whether a
        /// remote is set.
        #[arg(long)]
        json: bool,
    },
}

/// What `cercle export` writes.
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Sharing bundles: from the trainers, one per trainee (their own attendance only, never
    /// funding, the follow-up log or anything confidential); from a trainee, their contributions.
    Bundle {
        /// The cohort, by id or name (default: the current one).
        #[arg(long)]
        cohort: Option<String>,
        /// `trainees`: the trainers' bundles for the trainees; `trainer`: a trainee's bundle back.
        #[arg(long = "for", value_enum)]
        audience: BundleFor,
        /// The trainee: the only one to make a bundle for, or the one making it (with
        /// `--for trainer`; by default who you are, as the first bundle you imported said).
        #[arg(long)]
        trainee: Option<String>,
        /// The trainer making the bundles (default: the cohort's first trainer).
        #[arg(long, value_name = "TRAINER")]
        by: Option<String>,
        /// A file for one bundle (`-`: standard output), or a directory for one per trainee
        /// (default: the current directory).
        #[arg(short = 'o', long, value_name = "PATH")]
        output: Option<PathBuf>,
    },
    /// The directory, each person with only the fields they agreed to share.
    Contacts {
        /// The file format.
        #[arg(long, value_enum, default_value_t = ContactFormat::Vcard)]
        format: ContactFormat,
        /// Only the people this search finds, as typed in the app's `/` (e.g. `dep:33 role:trainer`).
        #[arg(long, value_name = "QUERY")]
        filter: Option<String>,
        /// The CSV's layout: `fr` (semicolons, a BOM, French headers, départements and phones
        /// kept as text) or `rfc` (RFC 4180); by default the interface language's.
        #[arg(long, value_enum)]
        dialect: Option<DialectArg>,
        /// The file to write (`-` or none: standard output).
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The attendance sheet of a cohort or of one seminar (one row per trainee and half-day).
    Attendance {
        /// The cohort, by id or name (default: the current one).
        #[arg(long)]
        cohort: Option<String>,
        /// One seminar only, by id or module code.
        #[arg(long)]
        seminar: Option<String>,
        /// CSV for spreadsheets, XLSX for a workbook with typed cells, HTML for printing and
        /// signing, PDF for filing and sending.
        #[arg(long, value_enum)]
        format: SheetFormat,
        /// The CSV's layout: `fr` (semicolons, a BOM, decimal commas, French headers) or `rfc`
        /// (RFC 4180: commas, English headers); by default the interface language's.
        #[arg(long, value_enum)]
        dialect: Option<DialectArg>,
        /// Where to write it (default: standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// A trainee's completion certificate (certificat de réalisation), as HTML or PDF: from the first
    /// half-day to the last one held, never a planned one.
    Certificate {
        /// The trainee, by id (found in any cohort, past or current) or by name.
        #[arg(long, required_unless_present = "all", conflicts_with = "all")]
        trainee: Option<String>,
        /// One certificate per trainee of the cohort, written into the directory `-o` names
        /// (default: the current directory).
        #[arg(long)]
        all: bool,
        /// The cohort, by id or name (default: the trainee's, or the current one).
        #[arg(long)]
        cohort: Option<String>,
        /// Certify the period up to this day only (for funders paying in instalments), as
        /// `2026-12-31` or `31/12/2026`; never later than today.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        until: Option<chrono::NaiveDate>,
        /// The file format.
        #[arg(long, value_enum, default_value_t = CertificateFormat::Html)]
        format: CertificateFormat,
        /// Where to write it (default: standard output; with `--all`, a directory).
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
    },
    /// Everything Cercle holds about one person (their right of access), as JSON.
    Person(PersonExport),
    /// The seminars (one event per half-day, the venue as location) and the tutoring sessions,
    /// as an iCalendar file (RFC 5545) with stable UIDs.
    Calendar {
        /// The file format.
        #[arg(long, value_enum, default_value_t = CalendarFormat::Ics)]
        format: CalendarFormat,
        /// Only this cohort (id or name); without it, every cohort.
        #[arg(long, value_name = "COHORT")]
        cohort: Option<String>,
        /// The file to write (0600); `-` or none prints to standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// A day as a person types it: `2026-12-31` or `31/12/2026`.
fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    let text = text.trim();
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(text, "%d/%m/%Y"))
        .map_err(|_| format!("{text:?} is not a day: write 2026-12-31 or 31/12/2026"))
}

/// What `cercle export person` writes: everything about one person, as JSON.
#[derive(Debug, clap::Args)]
pub struct PersonExport {
    /// The person, by id or name.
    pub person: String,
    /// The file to write (0600); `-` or none prints to standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// What `cercle import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// A sharing bundle: previewed, then merged by id as one step (conflicts wait in the app's
    /// merge screen). A truncated, tampered, newer or foreign bundle is refused.
    Bundle {
        /// The bundle file.
        file: PathBuf,
        /// Print what would be added, changed and in conflict, and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Who imports (a trainee only takes their own bundle), by id or name; by default who
        /// you are in the settings. A trainee's first bundle records her there.
        #[arg(long = "as", value_name = "PERSON")]
        me: Option<String>,
        /// Print JSON instead of the preview: the bundle, each change, conflict and record left
        /// as it was, and whether it was saved.
        #[arg(long)]
        json: bool,
    },
    /// People from a vCard (3.0 or 4.0) or CSV file, the format taken from its content; people
    /// are matched by email.
    Contacts {
        /// The file to read.
        file: PathBuf,
        /// Print JSON: the format read, the counts, and what became of each card.
        #[arg(long)]
        json: bool,
    },
}

/// Who a bundle is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BundleFor {
    /// From the trainers, for the trainees.
    Trainees,
    /// From a trainee, for the trainers.
    Trainer,
}

/// A contacts file format on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ContactFormat {
    /// vCard 4.0 (RFC 6350).
    Vcard,
    /// CSV with a header line.
    Csv,
}

/// The formats of an attendance sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SheetFormat {
    /// Separated values, in a dialect (see `--dialect`).
    Csv,
    /// An Excel workbook: one sheet per seminar and the hours of each trainee.
    Xlsx,
    /// A printable page.
    Html,
    /// A PDF/A document on A4 landscape, fonts embedded, ready to file or send to a funder.
    Pdf,
}

/// The formats of a certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CertificateFormat {
    /// A printable page.
    Html,
    /// A PDF/A document on A4, fonts embedded.
    Pdf,
}

/// The layout of a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DialectArg {
    /// What a French spreadsheet opens: semicolons, a BOM, decimal commas, French headers.
    Fr,
    /// RFC 4180: commas, no BOM, decimal points, English headers.
    Rfc,
}

/// A calendar file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CalendarFormat {
    /// iCalendar (`.ics`).
    Ics,
}
