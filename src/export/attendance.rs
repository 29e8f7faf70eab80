//! Attendance sheets (feuilles d'émargement), as CSV (one row per trainee and half-day, in the
//! French or the RFC [`Dialect`]) and as a printable HTML grid: each cell says what happened and
//! carries the trainee's electronic signature or a box to sign by hand, absences are crossed
//! out, each trainee's hours are summed, the trainer's seal closes each half-day, and an annex
//! lists the corrections.

use super::dialect::Dialect;
use super::{STYLE, html_escape, period_fr, status_fr};
use crate::domain::clock;
use crate::domain::rules::chronological;
use crate::domain::signing::fingerprint;
use crate::domain::{Cohort, Data, HalfDay, Seminar, Status};
use chrono::NaiveTime;
use std::fmt::Write as _;

/// How the sheet prints: A4 landscape, the header row of each table repeated on every page,
/// no row cut in two, and the trainer's row kept with the last trainee's.
const SHEET_PRINT: &str = "@page{size:A4 landscape;margin:1cm}thead{display:table-header-group}\
tr{break-inside:avoid;page-break-inside:avoid}tbody.closing{break-inside:avoid;page-break-inside:avoid}\
table.grid{table-layout:fixed;margin-bottom:1em}table.grid th:first-child{width:9em}\
table.grid td,table.grid th{font-size:.8em;overflow-wrap:anywhere}p.group{margin:.6em 0 .2em;font-weight:bold}\
section{break-after:page;page-break-after:always}";

/// The CSV header of the RFC dialect, in the order of the columns.
pub const CSV_HEADER: [&str; 17] = [
    "organisation",
    "training",
    "module_code",
    "module_title",
    "venue",
    "venue_departement",
    "date",
    "period",
    "start",
    "end",
    "trainer",
    "trainee",
    "status",
    "time",
    "hours",
    "signed_by",
    "signed_at",
];

/// The CSV header of the French dialect, column for column with [`CSV_HEADER`].
pub const CSV_HEADER_FR: [&str; 17] = [
    "Organisme",
    "Formation",
    "Code module",
    "Module",
    "Lieu",
    "Département du lieu",
    "Date",
    "Demi-journée",
    "Début",
    "Fin",
    "Formateur·rice",
    "Stagiaire",
    "Statut",
    "Heure",
    "Heures suivies",
    "Signé par",
    "Signé le",
];

pub(crate) fn name(data: &Data, id: &crate::domain::PersonId) -> String {
    data.person(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

fn modules(data: &Data, seminar: &Seminar) -> (String, String) {
    let found: Vec<_> = seminar
        .modules
        .iter()
        .filter_map(|m| data.programme.module(m))
        .collect();
    let codes = found
        .iter()
        .map(|m| m.code.as_str())
        .collect::<Vec<_>>()
        .join(" + ");
    let titles = found
        .iter()
        .map(|m| m.title.as_str())
        .collect::<Vec<_>>()
        .join(" + ");
    (codes, titles)
}

/// The venue as a sheet names it: its name, address and city, those known.
pub(crate) fn venue_address(data: &Data, seminar: &Seminar) -> String {
    data.venue(&seminar.venue).map_or_else(
        || seminar.venue.to_string(),
        |v| {
            [v.name.as_str(), v.address.as_str(), v.city.as_str()]
                .iter()
                .filter(|s| !s.trim().is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", ")
        },
    )
}

fn venue(data: &Data, seminar: &Seminar) -> String {
    data.venue(&seminar.venue).map_or_else(
        || seminar.venue.to_string(),
        |v| format!("{}, {}", v.name, v.city),
    )
}

/// The half-days of a cohort (or of one of its seminars) in date order.
fn sheets<'a>(
    cohort: &'a Cohort,
    seminar: Option<&crate::domain::SeminarId>,
) -> Vec<(&'a Seminar, &'a HalfDay)> {
    chronological(cohort)
        .into_iter()
        .filter(|(s, _)| seminar.is_none_or(|id| &s.id == id))
        .collect()
}

/// The seminars of a sheet in the order of their first half-day, each with its half-days in
/// date order: one section of the printed sheet each.
pub(crate) fn by_seminar<'a>(
    cohort: &'a Cohort,
    seminar: Option<&crate::domain::SeminarId>,
) -> Vec<(&'a Seminar, Vec<&'a HalfDay>)> {
    let mut out: Vec<(&Seminar, Vec<&HalfDay>)> = Vec::new();
    for (s, h) in sheets(cohort, seminar) {
        match out.iter_mut().find(|(x, _)| x.id == s.id) {
            Some((_, days)) => days.push(h),
            None => out.push((s, vec![h])),
        }
    }
    out
}

/// The sheet as CSV in a [`Dialect`], written with the csv crate (quotes, separators and
/// newlines handled). Times carry their Paris offset; the reason of an excused absence is
/// never written, its status says enough.
pub fn to_csv(
    data: &Data,
    cohort: &Cohort,
    seminar: Option<&crate::domain::SeminarId>,
    dialect: Dialect,
) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(dialect.delimiter())
        .from_writer(dialect.preamble().as_bytes().to_vec());
    let french = dialect == Dialect::French;
    writer.write_record(if french { CSV_HEADER_FR } else { CSV_HEADER })?;
    let date_format = if french { "%d/%m/%Y" } else { "%Y-%m-%d" };
    for (seminar, half_day) in sheets(cohort, seminar) {
        let (codes, titles) = modules(data, seminar);
        let place = data.venue(&seminar.venue);
        let signature = half_day.signature.as_ref();
        let signed_at = signature.map_or_else(String::new, |s| {
            let at = s.at.with_timezone(&crate::domain::clock::ZONE);
            if french {
                at.format("%d/%m/%Y %H:%M:%S %:z").to_string()
            } else {
                at.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
            }
        });
        let period = if french {
            period_fr(half_day.period)
        } else {
            period_code(half_day.period)
        };
        for trainee in &cohort.trainees {
            let mark = half_day.mark_of(trainee);
            let status = mark.map_or("", |m| {
                if french {
                    status_fr(m.status)
                } else {
                    status_code(m.status)
                }
            });
            let hours = mark.map_or_else(String::new, |m| {
                dialect.number(f64::from(half_day.followed_minutes(m)) / 60.0)
            });
            let text = |cell: &str| super::csv_cell(cell).into_owned();
            let row = [
                text(&data.programme.provider),
                text(&data.programme.title),
                dialect.code(&codes),
                text(&titles),
                text(&venue(data, seminar)),
                dialect.code(place.map_or("", |v| v.departement.as_str())),
                half_day.date.format(date_format).to_string(),
                period.to_owned(),
                half_day.start.format("%H:%M").to_string(),
                half_day.end.format("%H:%M").to_string(),
                text(&name(data, &seminar.trainer)),
                text(&name(data, trainee)),
                status.to_owned(),
                mark.and_then(|m| m.time)
                    .map(|t| t.format("%H:%M").to_string())
                    .unwrap_or_default(),
                hours,
                text(&signature.map(|s| name(data, &s.by)).unwrap_or_default()),
                signed_at.clone(),
            ];
            writer.write_record(&row)?;
        }
    }
    writer.flush()?;
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

/// The code of a period in the RFC dialect, as in the data file.
fn period_code(period: crate::domain::Period) -> &'static str {
    match period {
        crate::domain::Period::Morning => "morning",
        crate::domain::Period::Afternoon => "afternoon",
    }
}

/// The code of a status in the RFC dialect, as in the data file.
fn status_code(status: crate::domain::Status) -> &'static str {
    use crate::domain::Status;
    match status {
        Status::Present => "present",
        Status::Late => "late",
        Status::LeftEarly => "left_early",
        Status::Absent => "absent",
        Status::Excused => "excused",
    }
}

/// The sheet as a printable HTML page: one section per seminar, a grid of trainees by half-day.
pub fn to_html(data: &Data, cohort: &Cohort, seminar: Option<&crate::domain::SeminarId>) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Feuille d'émargement – {}</title><style>{STYLE}{SHEET_PRINT}</style></head><body>\n",
        html_escape(&cohort.name)
    );
    for (seminar, half_days) in by_seminar(cohort, seminar) {
        section(&mut out, data, cohort, seminar, &half_days);
    }
    out.push_str("</body></html>\n");
    out
}

fn section(
    out: &mut String,
    data: &Data,
    cohort: &Cohort,
    seminar: &Seminar,
    half_days: &[&HalfDay],
) {
    let (codes, titles) = modules(data, seminar);
    let org = &data.organisation;
    let _ = write!(
        out,
        "<section><h1>Feuille d'émargement</h1><table class=\"meta\">\
<tr><td>Organisme de formation</td><td>{}</td></tr>",
        html_escape(org.name_or(&data.programme.provider)),
    );
    for line in super::certificate::registration(org) {
        let _ = write!(out, "<tr><td></td><td>{}</td></tr>", html_escape(&line));
    }
    let _ = writeln!(
        out,
        "<tr><td>Formation</td><td>{}</td></tr>\
<tr><td>Module</td><td>{} {}</td></tr>\
<tr><td>Lieu</td><td>{}</td></tr>\
<tr><td>Formateur·rice</td><td>{}</td></tr>\
<tr><td>Promotion</td><td>{}</td></tr></table>",
        html_escape(&data.programme.title),
        html_escape(&codes),
        html_escape(&titles),
        html_escape(&venue_address(data, seminar)),
        html_escape(&name(data, &seminar.trainer)),
        html_escape(&cohort.name),
    );
    // A wide seminar is printed in groups of half-days, one table each, so that no column is
    // cut at the edge of the paper.
    let groups: Vec<&[&HalfDay]> = half_days.chunks(super::HALF_DAYS_ACROSS).collect();
    for (g, group) in groups.iter().enumerate() {
        if groups.len() > 1 {
            let _ = write!(
                out,
                "<p class=\"group\">Demi-journées, partie {} sur {}</p>",
                g + 1,
                groups.len()
            );
        }
        grid(out, data, cohort, group);
    }
    corrections(out, data, half_days);
    out.push_str("</section>\n");
}

/// One table of the sheet: its header row (repeated on each printed page), a row per trainee,
/// the trainer's row kept on the page of the last trainee.
fn grid(out: &mut String, data: &Data, cohort: &Cohort, half_days: &[&HalfDay]) {
    out.push_str("<table class=\"grid\"><thead><tr><th>Stagiaire</th>");
    for h in half_days {
        let _ = write!(
            out,
            "<th>{} {}<br>{}–{}</th>",
            h.date.format("%d/%m/%Y"),
            period_fr(h.period),
            h.start.format("%H:%M"),
            h.end.format("%H:%M")
        );
    }
    out.push_str("<th>Heures suivies</th></tr></thead>\n<tbody>");
    let last = cohort.trainees.len().saturating_sub(1);
    for (i, trainee) in cohort.trainees.iter().enumerate() {
        if i == last {
            // The last trainee and the trainer's row share a group that never breaks.
            out.push_str("</tbody><tbody class=\"closing\">");
        }
        let _ = write!(out, "<tr><td>{}</td>", html_escape(&name(data, trainee)));
        let mut minutes = 0;
        for h in half_days {
            match h.mark_of(trainee) {
                Some(m) => {
                    minutes += h.followed_minutes(m);
                    let class = if m.status.attended() {
                        "sign"
                    } else {
                        "absent"
                    };
                    let _ = write!(
                        out,
                        "<td class=\"{class}\">{}{}</td>",
                        html_escape(&cell_status(m.status, m.time)),
                        cell_signature(m)
                    );
                }
                None => out.push_str("<td class=\"sign\"></td>"),
            }
        }
        let hours = crate::i18n::format::hours(minutes, crate::i18n::Lang::Fr);
        let _ = writeln!(out, "<td>{hours}</td></tr>");
    }
    out.push_str("<tr class=\"trainer\"><td>Signature du formateur·rice</td>");
    for h in half_days {
        let _ = write!(out, "<td class=\"sign\">{}</td>", trainer_cell(data, h));
    }
    out.push_str("<td></td></tr></tbody></table>\n");
}

/// What a cell says, as the sheet goes round the room: the reason of an absence stays with the
/// trainers ("absence justifiée" is enough here).
pub fn cell_status(status: Status, time: Option<NaiveTime>) -> String {
    let time = time.map(|t| t.format("%H:%M").to_string());
    match (status, time) {
        (Status::Present, _) => "présent·e".to_owned(),
        (Status::Late, Some(t)) => format!("retard {t}"),
        (Status::Late, None) => "retard".to_owned(),
        (Status::LeftEarly, Some(t)) => format!("parti·e à {t}"),
        (Status::LeftEarly, None) => "parti·e plus tôt".to_owned(),
        (Status::Absent, _) => "absent·e".to_owned(),
        (Status::Excused, _) => "absence justifiée".to_owned(),
    }
}

/// The line under a trainee's status: her electronic signature, in Paris time, or
/// "signature manquante"; none (the box to sign by hand) when neither.
pub fn signature_lines(mark: &crate::domain::Mark) -> Vec<String> {
    match (&mark.signed, &mark.missing_signature) {
        (Some(s), _) => {
            let at = clock::local(s.at);
            vec![format!(
                "signé électroniquement le {} à {}",
                at.format("%d/%m/%Y"),
                at.format("%H:%M")
            )]
        }
        (None, Some(_)) => vec!["signature manquante".to_owned()],
        (None, None) => Vec::new(),
    }
}

fn cell_signature(mark: &crate::domain::Mark) -> String {
    match signature_lines(mark).as_slice() {
        [] => String::new(),
        lines => format!("<br><small>{}</small>", lines.join(" ")),
    }
}

/// The trainer's cell of a half-day: who, then her seal (when in Paris time, the key's
/// fingerprint) or her signature from before seals; empty when not signed.
pub fn trainer_lines(data: &Data, h: &HalfDay) -> Vec<String> {
    let Some(signature) = &h.signature else {
        return Vec::new();
    };
    let at = clock::local(signature.at);
    let when = format!("le {} à {}", at.format("%d/%m/%Y"), at.format("%H:%M"));
    let by = name(data, &signature.by);
    if let Some(withdrawn) = h.seal_withdrawn() {
        // Not sealed any more until sealed again: the annex says who withdrew it and why.
        let at = clock::local(withdrawn.at);
        return vec![
            by,
            format!(
                "scellé retiré le {} à {} (voir l'annexe)",
                at.format("%d/%m/%Y"),
                at.format("%H:%M")
            ),
        ];
    }
    match h.seals.first() {
        Some(seal) => vec![
            by,
            format!("scellé électroniquement {when}"),
            format!("clé {}", fingerprint(&seal.key)),
        ],
        None => vec![by, format!("{when} (avant les scellés)")],
    }
}

fn trainer_cell(data: &Data, h: &HalfDay) -> String {
    let lines = trainer_lines(data, h);
    match lines.split_first() {
        None => String::new(),
        Some((by, rest)) => format!(
            "{}<br><small>{}</small>",
            html_escape(by),
            rest.iter()
                .map(|l| html_escape(l))
                .collect::<Vec<_>>()
                .join("<br>")
        ),
    }
}

/// The rows of the annex, in the order of the half-days: every correction made after a seal
/// and every seal withdrawn, each as (half-day, trainee, by, when, before, after, reason).
pub fn annex_rows(data: &Data, half_days: &[&HalfDay]) -> Vec<[String; 7]> {
    let line =
        |status: Option<Status>, time| status.map_or_else(String::new, |s| cell_status(s, time));
    let when = |at| clock::local(at).format("%d/%m/%Y %H:%M").to_string();
    let mut rows = Vec::new();
    for h in half_days {
        let day = format!("{} {}", h.date.format("%d/%m/%Y"), period_fr(h.period));
        let mut entries: Vec<(chrono::DateTime<chrono::Utc>, [String; 7])> = Vec::new();
        for c in &h.history {
            let withdrawal = c
                .withdraws
                .map(|n| format!(" (retrait de la correction {})", n + 1))
                .unwrap_or_default();
            entries.push((
                c.at,
                [
                    day.clone(),
                    name(data, &c.trainee),
                    name(data, &c.by),
                    when(c.at),
                    line(c.from, c.from_time),
                    line(Some(c.to), c.to_time),
                    format!("{}{withdrawal}", c.reason),
                ],
            ));
        }
        for w in &h.withdrawals {
            let sealed = h.seals.iter().find(|s| s.seq == w.seal).map_or_else(
                || "scellé".to_owned(),
                |s| format!("scellé du {} par {}", when(s.at), name(data, &s.by)),
            );
            entries.push((
                w.at,
                [
                    day.clone(),
                    "—".to_owned(),
                    name(data, &w.by),
                    when(w.at),
                    sealed,
                    "scellé retiré".to_owned(),
                    w.reason.clone(),
                ],
            ));
        }
        // Stable: a correction and a withdrawal made in the same minute keep their order.
        entries.sort_by_key(|(at, _)| *at);
        rows.extend(entries.into_iter().map(|(_, row)| row));
    }
    rows
}

/// The annex: every correction made after a seal (who, when, from → to, why), and every seal
/// withdrawn (who, when, which seal, why).
fn corrections(out: &mut String, data: &Data, half_days: &[&HalfDay]) {
    let rows = annex_rows(data, half_days);
    if rows.is_empty() {
        return;
    }
    out.push_str(
        "<h2>Annexe : corrections après signature</h2><table><tr><th>Demi-journée</th>\
<th>Stagiaire</th><th>Par</th><th>Le</th><th>Avant</th><th>Après</th><th>Motif</th></tr>\n",
    );
    for row in rows {
        out.push_str("<tr>");
        for cell in &row {
            let _ = write!(out, "<td>{}</td>", html_escape(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}
