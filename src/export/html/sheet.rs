//! The attendance sheet as a printable HTML page: one section per seminar, a grid of trainees
//! by half-day. Each cell says what happened and carries the trainee's electronic signature or
//! a box to sign by hand, absences are crossed out, each trainee's hours are summed, the
//! trainer's seal closes each half-day, and an annex lists the corrections.

use super::Shown;
use crate::domain::{Cohort, Data, HalfDay, PersonId, Seminar, SeminarId};
use crate::export::attendance::{
    annex_rows, by_seminar, cell_status, modules, name, signature_lines, trainer_lines,
    venue_address,
};
use crate::export::certificate::{hours, registration};
use crate::export::{HALF_DAYS_ACROSS, period_fr};
use crate::i18n::format::{date, time};
use maud::{Markup, html};

/// How the sheet prints: A4 landscape, the header row of each table repeated on every page,
/// no row cut in two, and the trainer's row kept with the last trainee's.
const SHEET_PRINT: &str = "@page{size:A4 landscape;margin:1cm}thead{display:table-header-group}\
tr{break-inside:avoid;page-break-inside:avoid}tbody.closing{break-inside:avoid;page-break-inside:avoid}\
table.grid{table-layout:fixed;margin-bottom:1em}table.grid th:first-child{width:9em}\
table.grid td,table.grid th{font-size:.8em;overflow-wrap:anywhere}p.group{margin:.6em 0 .2em;font-weight:bold}\
section{break-after:page;page-break-after:always}";

/// The sheet of a cohort, or of one of its seminars, as a printable HTML page.
pub fn html(data: &Data, cohort: &Cohort, seminar: Option<&SeminarId>) -> String {
    let body = html! {
        @for (seminar, half_days) in by_seminar(cohort, seminar) {
            (section(data, cohort, seminar, &half_days))
        }
    };
    super::page(
        &format!("Feuille d'émargement – {}", cohort.name),
        SHEET_PRINT,
        &body,
    )
}

/// One seminar: who gives the training, where and for whom, then its grid, in groups of at
/// most [`HALF_DAYS_ACROSS`] half-days so that no column is cut at the edge of the paper.
fn section(data: &Data, cohort: &Cohort, seminar: &Seminar, half_days: &[&HalfDay]) -> Markup {
    let (codes, titles) = modules(data, seminar);
    let org = &data.organisation;
    let groups: Vec<&[&HalfDay]> = half_days.chunks(HALF_DAYS_ACROSS).collect();
    html! {
        section {
            h1 { "Feuille d'émargement" }
            table.meta {
                tr {
                    td { "Organisme de formation" }
                    td { (Shown(org.name_or(&data.programme.provider))) }
                }
                @for line in registration(org) {
                    tr { td {} td { (Shown(&line)) } }
                }
                tr { td { "Formation" } td { (Shown(&data.programme.title)) } }
                tr { td { "Module" } td { (Shown(&codes)) " " (Shown(&titles)) } }
                tr { td { "Lieu" } td { (Shown(&venue_address(data, seminar))) } }
                tr { td { "Formateur·rice" } td { (Shown(&name(data, &seminar.trainer))) } }
                tr { td { "Promotion" } td { (Shown(&cohort.name)) } }
            }
            @for (g, group) in groups.iter().enumerate() {
                @if groups.len() > 1 {
                    p.group { "Demi-journées, partie " (g + 1) " sur " (groups.len()) }
                }
                (grid(data, cohort, group))
            }
            (corrections(data, half_days))
        }
    }
}

/// One table of the sheet: its header row (repeated on each printed page), a row per trainee,
/// and the trainer's row in one group with the last trainee's, which never breaks.
fn grid(data: &Data, cohort: &Cohort, half_days: &[&HalfDay]) -> Markup {
    html! {
        table.grid {
            thead {
                tr {
                    th { "Stagiaire" }
                    @for h in half_days {
                        th { (date(h.date)) " " (period_fr(h.period)) br; (time(h.start)) "–" (time(h.end)) }
                    }
                    th { "Heures suivies" }
                }
            }
            @if let Some((last, others)) = cohort.trainees.split_last() {
                tbody {
                    @for trainee in others { (trainee_row(data, trainee, half_days)) }
                }
                tbody.closing {
                    (trainee_row(data, last, half_days))
                    (trainer_row(data, half_days))
                }
            } @else {
                tbody { (trainer_row(data, half_days)) }
            }
        }
    }
}

/// A trainee's row: a cell per half-day (crossed out when absent), then her hours followed.
fn trainee_row(data: &Data, trainee: &PersonId, half_days: &[&HalfDay]) -> Markup {
    let minutes: u32 = half_days
        .iter()
        .filter_map(|h| h.mark_of(trainee).map(|m| h.followed_minutes(m)))
        .sum();
    html! {
        tr {
            td { (Shown(&name(data, trainee))) }
            @for h in half_days {
                @if let Some(mark) = h.mark_of(trainee) {
                    @let signature = signature_lines(mark);
                    td class=(if mark.status.attended() { "sign" } else { "absent" }) {
                        (cell_status(mark.status, mark.time))
                        @if !signature.is_empty() {
                            br;
                            small { (signature.join(" ")) }
                        }
                    }
                } @else {
                    td.sign {}
                }
            }
            td { (hours(minutes)) }
        }
    }
}

/// The trainer's row: for each half-day, who signed it, then her seal or signature.
fn trainer_row(data: &Data, half_days: &[&HalfDay]) -> Markup {
    html! {
        tr.trainer {
            td { "Signature du formateur·rice" }
            @for h in half_days {
                @let lines = trainer_lines(data, h);
                td.sign {
                    @if let Some((by, rest)) = lines.split_first() {
                        (Shown(by))
                        br;
                        small {
                            @for (i, line) in rest.iter().enumerate() {
                                @if i > 0 { br; }
                                (Shown(line))
                            }
                        }
                    }
                }
            }
            td {}
        }
    }
}

/// The annex: every correction made after a seal (who, when, from → to, why) and every seal
/// withdrawn (who, when, which seal, why); nothing when there was none.
fn corrections(data: &Data, half_days: &[&HalfDay]) -> Markup {
    let rows = annex_rows(data, half_days);
    html! {
        @if !rows.is_empty() {
            h2 { "Annexe : corrections après signature" }
            table {
                tr {
                    th { "Demi-journée" } th { "Stagiaire" } th { "Par" } th { "Le" }
                    th { "Avant" } th { "Après" } th { "Motif" }
                }
                @for row in &rows {
                    tr {
                        @for cell in row {
                            td { (Shown(cell)) }
                        }
                    }
                }
            }
        }
    }
}
