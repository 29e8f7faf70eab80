//! Attendance sheets (feuilles d'émargement) as CSV, one row per trainee and half-day, in the
//! French or the RFC [`Dialect`]; and what every format of the sheet (CSV, XLSX, HTML, PDF)
//! says the same way: the seminars in order, the venue, a cell's status, a trainee's
//! signature and the trainer's seal.

use super::dialect::Dialect;
use super::{period_fr, status_fr};
use crate::domain::rules::chronological;
use crate::domain::signing::fingerprint;
use crate::domain::{Cohort, Data, HalfDay, Seminar, Status};
use crate::i18n::format::{date, time};
use chrono::NaiveTime;

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

/// The codes and the titles of a seminar's modules, each joined by " + ".
pub(crate) fn modules(data: &Data, seminar: &Seminar) -> (String, String) {
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

/// The venue as a sheet names it: its name, address and city, those known; the city once,
/// when the address already ends with it ("3 place des Tisserands, 16000 Angoulême").
pub(crate) fn venue_address(data: &Data, seminar: &Seminar) -> String {
    data.venue(&seminar.venue).map_or_else(
        || seminar.venue.to_string(),
        |v| {
            let city = if v.address.trim_end().ends_with(v.city.trim()) {
                ""
            } else {
                v.city.as_str()
            };
            [v.name.as_str(), v.address.as_str(), city]
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

/// What a cell says, as the sheet goes round the room: the reason of an absence stays with the
/// trainers ("absence justifiée" is enough here).
pub fn cell_status(status: Status, time: Option<NaiveTime>) -> String {
    match (status, time.map(crate::i18n::format::time)) {
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
            vec![format!("signé électroniquement {}", on_date_at(s.at))]
        }
        (None, Some(_)) => vec!["signature manquante".to_owned()],
        (None, None) => Vec::new(),
    }
}

/// "le 19/05/2026 à 09:10", in Paris time.
fn on_date_at(at: chrono::DateTime<chrono::Utc>) -> String {
    crate::i18n::format::on_date_at(at, crate::i18n::Lang::Fr)
}

/// The trainer's cell of a half-day: who, then her seal (when in Paris time, the key's
/// fingerprint) or her signature from before seals; empty when not signed.
pub fn trainer_lines(data: &Data, h: &HalfDay) -> Vec<String> {
    let Some(signature) = &h.signature else {
        return Vec::new();
    };
    let when = on_date_at(signature.at);
    let by = name(data, &signature.by);
    // A co-trainer or a substitute is named as such, beside the planned trainer's name.
    let role = h
        .seals
        .iter()
        .find(|s| s.by == signature.by)
        .and_then(|s| s.role);
    let planned = data
        .cohorts
        .iter()
        .flat_map(|c| &c.seminars)
        .find(|s| s.half_days.iter().any(|x| x.id == h.id))
        .map(|s| name(data, &s.trainer))
        .unwrap_or_default();
    let by = crate::i18n::format::sealer(&by, role, &planned, crate::i18n::Lang::Fr);
    if let Some(withdrawn) = h.seal_withdrawn() {
        // Not sealed any more until sealed again: the annex says who withdrew it and why.
        return vec![
            by,
            format!("scellé retiré {} (voir l'annexe)", on_date_at(withdrawn.at)),
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

/// The rows of the annex, in the order of the half-days: every correction made after a seal
/// and every seal withdrawn, each as (half-day, trainee, by, when, before, after, reason).
pub fn annex_rows(data: &Data, half_days: &[&HalfDay]) -> Vec<[String; 7]> {
    let line =
        |status: Option<Status>, time| status.map_or_else(String::new, |s| cell_status(s, time));
    let when = |at| {
        let at = crate::domain::clock::local(at);
        format!("{} {}", date(at.date()), time(at.time()))
    };
    let mut rows = Vec::new();
    for h in half_days {
        let day = format!("{} {}", date(h.date), period_fr(h.period));
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

#[cfg(test)]
mod tests {
    use crate::domain::SeminarId;

    #[test]
    fn the_venue_names_its_city_once() {
        let mut data = crate::sample::sample();
        let id = SeminarId::new("s-na26-03");
        let cohort = data.current().unwrap();
        let seminar = cohort.seminars.iter().find(|s| s.id == id).unwrap().clone();
        assert_eq!(
            super::venue_address(&data, &seminar),
            "Le Comptoir Associatif, 3 place des Tisserands, 16000 Angoulême"
        );
        let venue = data
            .venues
            .iter_mut()
            .find(|v| v.id == seminar.venue)
            .unwrap();
        "3 place des Tisserands".clone_into(&mut venue.address);
        assert_eq!(
            super::venue_address(&data, &seminar),
            "Le Comptoir Associatif, 3 place des Tisserands, Angoulême"
        );
    }
}
