//! Exports and imports: files that leave or enter Cercle, beside the store (I/O, no terminal).
//! Contacts go in and out as vCard and CSV (pure text in, text out; reading and writing files
//! is left to the command line and the event loop); the calendar goes out as iCalendar.

pub mod calendar;
pub mod card;
pub mod codes;
pub mod csv;
pub mod vcard;

use crate::domain::{Data, Person, PersonId};
use card::Read;
use std::collections::HashMap;
use std::fmt::Write as _;

/// A contacts file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// vCard (4.0 written; 3.0 and 4.0 read).
    Vcard,
    /// CSV with a header.
    Csv,
}

impl Format {
    /// The format of a file's content: vCard when it starts with `BEGIN:VCARD`, else CSV.
    pub fn detect(text: &str) -> Self {
        let start = text.trim_start_matches('\u{feff}').trim_start();
        if start
            .get(..11)
            .is_some_and(|s| s.eq_ignore_ascii_case("BEGIN:VCARD"))
        {
            Self::Vcard
        } else {
            Self::Csv
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Vcard => "vcf",
            Self::Csv => "csv",
        }
    }
}

/// Writes people in a format, each with only the fields they agreed to share.
pub fn export(people: &[&Person], format: Format) -> Result<String, String> {
    match format {
        Format::Vcard => Ok(vcard::write(people)),
        Format::Csv => csv::write(people),
    }
}

/// What became of one card of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A new person.
    Added,
    /// An existing person, matched by email (or by Cercle's UID); the fields that changed.
    Updated(Vec<&'static str>),
    /// Nothing to do, and why.
    Skipped(String),
    /// The card could not be read, and why.
    Failed(String),
}

/// One card's line in an import report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The card's position in the file, from 1.
    pub position: usize,
    /// The line it starts on.
    pub line: usize,
    /// The name on the card (empty when it could not be read).
    pub name: String,
    /// What happened.
    pub outcome: Outcome,
}

/// What an import did, card by card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The format read.
    pub format: Format,
    /// One entry per card, in file order.
    pub entries: Vec<Entry>,
}

impl Report {
    /// How many cards were added, updated, skipped and refused.
    pub fn counts(&self) -> (usize, usize, usize, usize) {
        let count = |f: fn(&Outcome) -> bool| self.entries.iter().filter(|e| f(&e.outcome)).count();
        (
            count(|o| matches!(o, Outcome::Added)),
            count(|o| matches!(o, Outcome::Updated(_))),
            count(|o| matches!(o, Outcome::Skipped(_))),
            count(|o| matches!(o, Outcome::Failed(_))),
        )
    }

    /// Whether the import changed anything.
    pub fn changed(&self) -> bool {
        let (added, updated, _, _) = self.counts();
        added + updated > 0
    }

    /// The report as text, one card a line, then the totals.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let unit = match self.format {
            Format::Vcard => "card",
            Format::Csv => "row",
        };
        for e in &self.entries {
            let what = match &e.outcome {
                Outcome::Added => "added".to_owned(),
                Outcome::Updated(fields) => format!("updated ({})", fields.join(", ")),
                Outcome::Skipped(why) => format!("skipped: {why}"),
                Outcome::Failed(why) => format!("refused: {why}"),
            };
            let name = if e.name.is_empty() {
                String::new()
            } else {
                format!(" {}", e.name)
            };
            let line = format!("{unit} {} (line {}){name}: {what}", e.position, e.line);
            // Names and reasons come from the file read: made harmless for the terminal.
            let _ = writeln!(out, "{}", crate::domain::text::visible(&line));
        }
        let (added, updated, skipped, failed) = self.counts();
        let _ = writeln!(
            out,
            "{added} added, {updated} updated, {skipped} skipped, {failed} refused"
        );
        out
    }
}

/// Reads a contacts file, the format taken from its content; a refusal is in `lang`.
pub fn read(text: &str, lang: crate::i18n::Lang) -> Result<(Format, Vec<Read>), String> {
    let format = Format::detect(text);
    let reads = match format {
        Format::Vcard => vcard::read(text),
        Format::Csv => csv::read(text, lang)?,
    };
    Ok((format, reads))
}

/// Imports a contacts file into the data: a card whose email (or Cercle UID) is known updates
/// that person, another one adds a person with an id from `new_id`; a bad card is reported and
/// the others imported. A file that cannot be read at all is refused in `lang`.
pub fn import(
    data: &mut Data,
    text: &str,
    lang: crate::i18n::Lang,
    mut new_id: impl FnMut() -> PersonId,
) -> Result<Report, String> {
    let (format, reads) = read(text, lang)?;
    let mut by_email: HashMap<String, usize> = HashMap::new();
    for (i, person) in data.people.iter().enumerate() {
        for email in &person.emails {
            by_email.entry(email.to_lowercase()).or_insert(i);
        }
    }
    let mut entries = Vec::new();
    for read in reads {
        let (position, line) = (read.position, read.line);
        let card = match read.card {
            Ok(card) => card,
            Err(why) => {
                entries.push(Entry {
                    position,
                    line,
                    name: String::new(),
                    outcome: Outcome::Failed(why),
                });
                continue;
            }
        };
        let mut matches: Vec<usize> = card
            .emails
            .iter()
            .filter_map(|e| by_email.get(&e.to_lowercase()).copied())
            .collect();
        matches.sort_unstable();
        matches.dedup();
        if matches.is_empty()
            && let Some(id) = card.person_id()
            && let Some(i) = data.people.position(id)
        {
            matches.push(i);
        }
        let outcome = match matches.as_slice() {
            [] => {
                let mut person = Person {
                    id: new_id(),
                    ..Person::default()
                };
                card.apply_to(&mut person);
                let i = data.people.len();
                for email in &person.emails {
                    by_email.entry(email.to_lowercase()).or_insert(i);
                }
                data.people.push(person.into());
                Outcome::Added
            }
            [one] => {
                let person = &mut data.people[*one];
                let changed = card.apply_to(person);
                for email in &person.emails {
                    by_email.entry(email.to_lowercase()).or_insert(*one);
                }
                if changed.is_empty() {
                    Outcome::Skipped(format!("{} is already up to date", person.name))
                } else {
                    Outcome::Updated(changed)
                }
            }
            several => {
                let names: Vec<&str> = several
                    .iter()
                    .map(|&i| data.people[i].name.as_str())
                    .collect();
                Outcome::Skipped(format!(
                    "its emails belong to several people ({}); merge them first",
                    names.join(", ")
                ))
            }
        };
        entries.push(Entry {
            position,
            line,
            name: card.name,
            outcome,
        });
    }
    Ok(Report { format, entries })
}
