//! CSV: one person a row, with a header. Lists (emails, phones, tags) hold one item a line
//! inside their cell, so that commas and semicolons in values need nothing special. Notes may
//! span lines themselves (a vCard's note keeps its line breaks): their cell holds one note a
//! paragraph, a blank line between two, so a two-line note reads back as one note.

use super::card::{Card, Read};
use super::codes::{
    consent_code, consent_from, kind_code, kind_from, phase_code, phase_from, role_code, role_from,
};
use crate::domain::{Person, Project};
use crate::export::dialect::Dialect;

/// The columns, in the order written.
pub const COLUMNS: [&str; 17] = [
    "name",
    "pronouns",
    "role",
    "emails",
    "phones",
    "city",
    "departement",
    "organisation",
    "job",
    "website",
    "project",
    "project_type",
    "project_phase",
    "tags",
    "notes",
    "shared",
    "uid",
];

/// The columns in the French dialect, one for one with [`COLUMNS`]; the import reads them back.
pub const COLUMNS_FR: [&str; 17] = [
    "Nom",
    "Pronoms",
    "Rôle",
    "Courriels",
    "Téléphones",
    "Ville",
    "Département",
    "Organisation",
    "Métier",
    "Site web",
    "Projet",
    "Type de projet",
    "Phase du projet",
    "Étiquettes",
    "Notes",
    "Partagé",
    "uid",
];

/// Writes people as RFC 4180 CSV, each with only the fields they agreed to share.
pub fn write(people: &[&Person]) -> Result<String, String> {
    write_in(people, Dialect::Rfc)
}

/// Writes people as CSV in a dialect, each with only the fields they agreed to share. In the
/// French one the département is kept as text (`="02"`), as are phones, which a spreadsheet
/// would otherwise turn into numbers without their leading zero.
pub fn write_in(people: &[&Person], dialect: Dialect) -> Result<String, String> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(dialect.delimiter())
        .from_writer(dialect.preamble().as_bytes().to_vec());
    let header = match dialect {
        Dialect::French => COLUMNS_FR,
        Dialect::Rfc => COLUMNS,
    };
    writer.write_record(header).map_err(|e| e.to_string())?;
    for person in people {
        let card = Card::shared(person);
        let project = card.project.as_ref();
        let shared: Vec<&str> = card.shared.iter().map(|f| consent_code(*f)).collect();
        let row = [
            card.name.clone(),
            card.pronouns.clone().unwrap_or_default(),
            role_code(card.role).to_owned(),
            card.emails.join("\n"),
            card.phones.join("\n"),
            card.city.clone(),
            card.departement.clone(),
            card.organisation.clone(),
            card.job.clone(),
            card.website.clone(),
            project.map(|p| p.name.clone()).unwrap_or_default(),
            project
                .map(|p| kind_code(p.kind).to_owned())
                .unwrap_or_default(),
            project
                .map(|p| phase_code(p.phase).to_owned())
                .unwrap_or_default(),
            card.tags.join("\n"),
            card.notes.join("\n\n"),
            shared.join(","),
            card.uid.clone(),
        ];
        // Controls and bidi characters show as visible ones, so the file prints harmlessly, and
        // no cell runs as a formula, phones included: `+33 …` is a formula to a spreadsheet,
        // and a phone is whatever its owner typed. The import takes the guard off again.
        let mut row = row.map(|cell| crate::export::csv_cell(&cell).into_owned());
        if dialect == Dialect::French {
            for (i, column) in COLUMNS.iter().enumerate() {
                if matches!(*column, "departement" | "phones") && !row[i].contains('\n') {
                    row[i] = dialect.code(&crate::export::dialect::unguard(&row[i]));
                }
            }
        }
        writer.write_record(&row).map_err(|e| e.to_string())?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// Our column for a header another program or a person may write, in English or French, with
/// or without accents ("Département", "courriel", "Téléphone").
fn column_name(header: &str) -> String {
    let folded = crate::domain::fold::fold(header.trim());
    let named = match folded.as_str() {
        "email" | "e-mail" | "mail" | "courriel" | "courriels" | "emails" => "emails",
        "phone" | "tel" | "telephone" | "telephones" | "mobile" | "phones" | "portable" => "phones",
        "note" | "notes" | "remarques" => "notes",
        "tag" | "tags" | "etiquettes" | "mots-cles" | "competences" => "tags",
        "nom" | "full name" | "name" | "nom complet" | "prenom nom" => "name",
        "ville" | "city" | "commune" => "city",
        "pronoms" => "pronouns",
        "role" => "role",
        "departement" | "dep" | "dept" => "departement",
        "organisation" | "structure" | "organisme" => "organisation",
        "job" | "metier" | "fonction" | "poste" => "job",
        "site" | "site web" | "site internet" | "website" => "website",
        "projet" | "project" => "project",
        "type de projet" | "type de lieu" | "project_type" => "project_type",
        "phase du projet" | "phase" | "project_phase" => "project_phase",
        "partage" | "partages" | "shared" => "shared",
        other => other,
    };
    named.to_owned()
}

/// The separator of a CSV file, read from its header line: `;` (what French spreadsheets
/// write) when the line holds more semicolons than commas outside quotes, else `,`.
pub fn delimiter(text: &str) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            '\n' | '\r' if !quoted => break,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

/// Reads every row of a CSV file with a header naming at least a `name` column; a bad row is
/// reported and the next one read. Both dialects are read: commas or semicolons, with or
/// without a byte-order mark, headers in English or French, codes written `="02"`. A header
/// without a name column is refused in `lang`, naming the column it looked for and the ones
/// it found.
pub fn read(text: &str, lang: crate::i18n::Lang) -> Result<Vec<Read>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let found = reader
        .headers()
        .map_err(|e| format!("the CSV header cannot be read: {e}"))?
        .clone();
    let headers: Vec<String> = found.iter().map(column_name).collect();
    let column = |name: &str| headers.iter().position(|h| h == name);
    if column("name").is_none() {
        let found: Vec<String> = found.iter().map(|h| format!("\"{h}\"")).collect();
        return Err(crate::i18n::fill(
            crate::i18n::Msg::CsvNoNameColumn.text(lang),
            &[("found", &found.join(", "))],
        ));
    }
    let mut out = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let position = n + 1;
        let (line, card) = match record {
            Ok(record) => {
                let line = record
                    .position()
                    .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
                let cell = |name: &str| {
                    let text = column(name)
                        .and_then(|i| record.get(i))
                        .unwrap_or("")
                        .trim();
                    // The guards our exports put on a formula (`'=…`) and a code (`="02"`) go.
                    crate::export::dialect::unguard(text)
                };
                (line, card_of(&cell))
            }
            Err(e) => (
                e.position()
                    .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0)),
                Err(e.to_string()),
            ),
        };
        out.push(Read {
            position,
            line,
            card,
        });
    }
    Ok(out)
}

fn card_of(cell: &dyn Fn(&str) -> String) -> Result<Card, String> {
    let lines = |name: &str| -> Vec<String> {
        cell(name)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let name = cell("name");
    if name.is_empty() {
        return Err("it has no name".into());
    }
    let emails = lines("emails");
    if let Some(bad) = emails.iter().find(|e| !crate::domain::people::is_email(e)) {
        return Err(format!("{bad:?} is not an email address"));
    }
    let project = cell("project");
    Ok(Card {
        uid: cell("uid"),
        name,
        pronouns: Some(cell("pronouns")).filter(|p| !p.is_empty()),
        role: role_from(&cell("role")),
        emails,
        phones: lines("phones"),
        city: cell("city"),
        departement: cell("departement").to_ascii_uppercase(),
        organisation: cell("organisation"),
        job: cell("job"),
        website: cell("website"),
        tags: lines("tags"),
        project: (!project.is_empty()).then(|| Project {
            name: project,
            kind: kind_from(&cell("project_type")),
            phase: phase_from(&cell("project_phase")),
        }),
        notes: paragraphs(&cell("notes")),
        shared: cell("shared").split(',').filter_map(consent_from).collect(),
    })
}

/// The notes of a cell: one a paragraph, with its own line breaks; blank lines part them (a
/// note that holds a blank line itself reads back as two).
fn paragraphs(cell: &str) -> Vec<String> {
    let mut notes = Vec::new();
    let mut note: Vec<&str> = Vec::new();
    for line in cell.lines().chain([""]) {
        if line.trim().is_empty() {
            if !note.is_empty() {
                notes.push(note.join("\n"));
                note.clear();
            }
        } else {
            note.push(line.trim_end());
        }
    }
    notes
}
