//! The attendance sheet (feuille d'émargement) as PDF/A, landscape: for each seminar, a header
//! repeated on every page (the organisation, its NDA and SIRET, the exact title of the training,
//! the modules, the venue and its address, the trainer, the cohort), then a grid of trainees by
//! half-day. A wide seminar is split into pages by groups of half-days, so that no column is
//! clipped; a long one by groups of trainees, so that the trainer's row never stands alone.
//! The annex of corrections follows each seminar's grid.

use super::text::{Face, fit, width, wrap};
use super::{About, MARGIN, Page, PdfError, render};
use crate::domain::organisation::siret_spaced;
use crate::domain::{Cohort, Data, HalfDay, PersonId, Seminar, SeminarId};
use crate::export::attendance::{
    annex_rows, by_seminar, cell_status, name, signature_lines, trainer_lines, venue_address,
};
use crate::export::certificate::hours;
use crate::export::period_fr;
use crate::i18n::format::{date, time};
use chrono::NaiveDate;

/// Landscape A4, in points.
const WIDTH: f32 = super::A4.1;
const HEIGHT: f32 = super::A4.0;
/// The trainees' names.
const NAME_WIDTH: f32 = 118.0;
/// Each hours column ("Heures", and "Total" on the last group).
const HOURS_WIDTH: f32 = 42.0;
/// The narrowest a half-day column may be: its signature line fits on two lines.
const MIN_COLUMN: f32 = 80.0;
/// The row of the column titles.
const HEAD_ROW: f32 = 28.0;
/// A trainee's row.
const ROW: f32 = 30.0;
/// The trainer's row: her name, the seal and the key.
const TRAINER_ROW: f32 = 44.0;
/// Sizes of the grid's text.
const SMALL: f32 = 6.3;
const CELL: f32 = 7.6;

/// The sheet of a cohort, or of one of its seminars, as a PDF/A document made on `today`.
pub fn pdf(
    data: &Data,
    cohort: &Cohort,
    seminar: Option<&SeminarId>,
    today: NaiveDate,
) -> Result<Vec<u8>, PdfError> {
    let pages = pages(data, cohort, seminar);
    let provider = data.organisation.name_or(&data.programme.provider);
    let title = format!("Feuille d'émargement – {}", cohort.name);
    let nda = &data.organisation.nda;
    let footer = if nda.is_empty() {
        format!("{title} – {provider}")
    } else {
        format!("{title} – {provider} – NDA {nda}")
    };
    let about = About {
        title: &title,
        author: provider,
        made: super::noon(today),
    };
    render(&pages, &footer, &about)
}

/// The pages of the sheet, laid out: each seminar's grid pages, then its annex.
pub fn pages(data: &Data, cohort: &Cohort, seminar: Option<&SeminarId>) -> Vec<Page> {
    let mut pages = Vec::new();
    for (seminar, half_days) in by_seminar(cohort, seminar) {
        let header = Header::of(data, cohort, seminar);
        grid(&mut pages, data, cohort, &header, &half_days);
        annex(&mut pages, data, &header, &half_days);
    }
    if pages.is_empty() {
        let mut page = Page::new(true);
        page.text(
            MARGIN,
            MARGIN + 14.0,
            12.0,
            Face::Bold,
            "Feuille d'émargement\u{a0}: aucune demi-journée",
        );
        pages.push(page);
    }
    pages
}

/// What the top of every page of a seminar says.
struct Header {
    left: Vec<(String, String)>,
    right: Vec<(String, String)>,
}

const LABEL: f32 = 7.2;
const LINE: f32 = 9.6;
const LABEL_WIDTH: f32 = 62.0;

impl Header {
    fn of(data: &Data, cohort: &Cohort, seminar: &Seminar) -> Self {
        let org = &data.organisation;
        let mut left = vec![(
            "Organisme".to_owned(),
            org.name_or(&data.programme.provider).to_owned(),
        )];
        if !org.address.trim().is_empty() {
            left.push(("Adresse".into(), org.address.replace('\n', ", ")));
        }
        if !org.nda.is_empty() {
            let region = org.nda_region.trim();
            let nda = if region.is_empty() {
                org.nda.clone()
            } else {
                format!("{} (préfet de région {region})", org.nda)
            };
            left.push(("NDA".into(), nda));
        }
        if !org.siret.is_empty() {
            left.push(("SIRET".into(), siret_spaced(&org.siret)));
        }
        if let Some(q) = org.qualiopi.as_deref().filter(|q| !q.trim().is_empty()) {
            left.push(("Qualiopi".into(), q.to_owned()));
        }
        // Each module's code with its exact title, as the catalogue reads.
        let modules: Vec<String> = seminar
            .modules
            .iter()
            .filter_map(|m| data.programme.module(m))
            .map(|m| format!("{} {}", m.code, m.title))
            .collect();
        let label = if modules.len() > 1 {
            "Modules"
        } else {
            "Module"
        };
        let venue = venue_address(data, seminar);
        let right = vec![
            ("Formation".into(), data.programme.title.clone()),
            (label.into(), modules.join(" · ")),
            ("Lieu".into(), venue),
            ("Formateur·rice".into(), name(data, &seminar.trainer)),
            ("Promotion".into(), cohort.name.clone()),
        ];
        Self { left, right }
    }

    /// Draws the header at the top of `page`; returns where the grid may start.
    fn draw(&self, page: &mut Page, continued: &str) -> f32 {
        let top = MARGIN + 13.0;
        page.text(MARGIN, top, 13.0, Face::Bold, "FEUILLE D'ÉMARGEMENT");
        if !continued.is_empty() {
            let x = MARGIN + width("FEUILLE D'ÉMARGEMENT", 13.0, Face::Bold) + 10.0;
            page.text(x, top, 8.0, Face::Regular, continued);
        }
        let half = (WIDTH - 2.0 * MARGIN - 16.0) / 2.0;
        let bottom_left = block(page, &self.left, MARGIN, top + 6.0, half);
        let bottom_right = block(page, &self.right, MARGIN + half + 16.0, top + 6.0, half);
        bottom_left.max(bottom_right) + 8.0
    }
}

/// Label-value lines in a column; returns the y under the last one.
fn block(page: &mut Page, lines: &[(String, String)], x: f32, mut y: f32, room: f32) -> f32 {
    for (label, value) in lines {
        let indent = if label.is_empty() { 0.0 } else { LABEL_WIDTH };
        let wrapped = wrap(value, LABEL, Face::Bold, room - indent);
        for (i, text) in wrapped.iter().enumerate() {
            y += LINE;
            if i == 0 && !label.is_empty() {
                page.text(x, y, LABEL, Face::Regular, label);
            }
            let face = if label.is_empty() {
                Face::Regular
            } else {
                Face::Bold
            };
            page.text(x + indent, y, LABEL, face, text);
        }
    }
    y
}

/// The grid pages of a seminar: by groups of half-days that fit across, then by groups of
/// trainees that fit down, the trainer's row kept with at least one trainee.
fn grid(pages: &mut Vec<Page>, data: &Data, cohort: &Cohort, header: &Header, days: &[&HalfDay]) {
    let across = WIDTH - 2.0 * MARGIN - NAME_WIDTH - 2.0 * HOURS_WIDTH;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a few columns
    let most = ((across / MIN_COLUMN).floor() as usize).clamp(1, crate::export::HALF_DAYS_ACROSS);
    let groups = days.len().div_ceil(most).max(1);
    let per_group = days.len().div_ceil(groups).max(1);
    let chunks: Vec<&[&HalfDay]> = days.chunks(per_group).collect();
    for (g, chunk) in chunks.iter().enumerate() {
        let last_group = g + 1 == chunks.len();
        let mut probe = Page::new(true);
        let grid_top = header.draw(&mut probe, "");
        let room = HEIGHT - MARGIN - super::FOOTER - grid_top - HEAD_ROW;
        for rows in row_pages(cohort.trainees.len(), room) {
            let mut page = Page::new(true);
            let continued = if chunks.len() > 1 {
                format!("demi-journées {} sur {}", g + 1, chunks.len())
            } else {
                String::new()
            };
            let top = header.draw(&mut page, &continued);
            let table = Table {
                days: chunk,
                all_days: days,
                total: last_group && chunks.len() > 1,
            };
            table.draw(&mut page, data, cohort, top, &rows);
            pages.push(page);
        }
    }
}

/// Which trainees go on each page (by index), and whether the trainer's row closes it: as
/// many as fit in `room`, the trainer's row on the last page with at least one trainee.
fn row_pages(trainees: usize, room: f32) -> Vec<(std::ops::Range<usize>, bool)> {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let fit = ((room / ROW).floor() as usize).max(2);
    let mut out = Vec::new();
    let mut start = 0;
    loop {
        let left = trainees - start;
        #[allow(clippy::cast_precision_loss)]
        let with_trainer = left as f32 * ROW + TRAINER_ROW <= room;
        if with_trainer {
            out.push((start..trainees, true));
            return out;
        }
        if left <= fit {
            // All would fit but not with the trainer's row: one trainee goes over with it.
            let split = (trainees - 1).max(start);
            if split > start {
                out.push((start..split, false));
            }
            out.push((split..trainees, true));
            return out;
        }
        out.push((start..start + fit, false));
        start += fit;
    }
}

struct Table<'a> {
    days: &'a [&'a HalfDay],
    all_days: &'a [&'a HalfDay],
    total: bool,
}

impl Table<'_> {
    #[allow(clippy::cast_precision_loss)] // a few columns
    fn column(&self) -> f32 {
        let hours = if self.total { 2.0 } else { 1.0 } * HOURS_WIDTH;
        let across = WIDTH - 2.0 * MARGIN - NAME_WIDTH - hours;
        (across / self.days.len().max(1) as f32).min(150.0)
    }

    #[allow(clippy::cast_precision_loss)] // a few columns
    fn x_of(&self, i: usize) -> f32 {
        MARGIN + NAME_WIDTH + i as f32 * self.column()
    }

    /// The hours columns shown: this group's, and the seminar's total on its last group.
    fn hours_columns(&self) -> usize {
        if self.total { 2 } else { 1 }
    }

    fn draw(
        &self,
        page: &mut Page,
        data: &Data,
        cohort: &Cohort,
        top: f32,
        (rows, trainer): &(std::ops::Range<usize>, bool),
    ) {
        self.titles(page, top);
        let mut y = top + HEAD_ROW;
        for trainee in &cohort.trainees[rows.clone()] {
            self.trainee_row(page, data, trainee, y);
            y += ROW;
        }
        if *trainer {
            self.trainer_row(page, data, y);
        }
    }

    fn titles(&self, page: &mut Page, top: f32) {
        let column = self.column();
        page.rect((MARGIN, top, NAME_WIDTH, HEAD_ROW), Some(225));
        page.text(MARGIN + 3.0, top + 11.0, CELL, Face::Bold, "Stagiaire");
        for (i, h) in self.days.iter().enumerate() {
            let x = self.x_of(i);
            page.rect((x, top, column, HEAD_ROW), Some(225));
            let day = date(h.date);
            let when = format!("{} {}–{}", period_fr(h.period), time(h.start), time(h.end));
            let when = fit(&when, 7.0, Face::Regular, column - 5.0);
            page.text(x + 3.0, top + 11.0, CELL, Face::Bold, &day);
            page.text(x + 3.0, top + 21.0, 7.0, Face::Regular, &when);
        }
        let mut hx = self.x_of(self.days.len());
        for title in ["Heures", "Total"].iter().take(self.hours_columns()) {
            page.rect((hx, top, HOURS_WIDTH, HEAD_ROW), Some(225));
            page.text(hx + 3.0, top + 11.0, CELL, Face::Bold, title);
            hx += HOURS_WIDTH;
        }
    }

    /// A trainee's row: her name, each half-day's status and signature (an absence crossed
    /// out), her hours.
    fn trainee_row(&self, page: &mut Page, data: &Data, trainee: &PersonId, y: f32) {
        let column = self.column();
        page.rect((MARGIN, y, NAME_WIDTH, ROW), None);
        let names = wrap(&name(data, trainee), CELL, Face::Bold, NAME_WIDTH - 6.0);
        for (line, dy) in names.iter().take(2).zip([0.0, 9.0]) {
            page.text(MARGIN + 3.0, y + 11.0 + dy, CELL, Face::Bold, line);
        }
        let mut minutes = 0;
        for (i, h) in self.days.iter().enumerate() {
            let x = self.x_of(i);
            let mark = h.mark_of(trainee);
            let absent = mark.is_some_and(|m| !m.status.attended());
            page.rect((x, y, column, ROW), absent.then_some(238));
            let Some(mark) = mark else { continue };
            minutes += h.followed_minutes(mark);
            let status = cell_status(mark.status, mark.time);
            page.text(x + 3.0, y + 10.0, CELL, Face::Regular, &status);
            if absent {
                // An absence is crossed out, never left blank.
                page.line((x + 1.0, y + ROW - 1.0), (x + column - 1.0, y + 1.0), 0.6);
            }
            let mut ly = y + 18.0;
            for line in signature_lines(mark) {
                for part in wrap(&line, SMALL, Face::Regular, column - 5.0)
                    .iter()
                    .take(2)
                {
                    page.text(x + 3.0, ly, SMALL, Face::Regular, part);
                    ly += 7.5;
                }
            }
        }
        let total: u32 = self
            .all_days
            .iter()
            .filter_map(|h| h.mark_of(trainee).map(|m| h.followed_minutes(m)))
            .sum();
        let mut hx = self.x_of(self.days.len());
        for value in [minutes, total].iter().take(self.hours_columns()) {
            page.rect((hx, y, HOURS_WIDTH, ROW), None);
            page.text(hx + 3.0, y + 11.0, CELL, Face::Regular, &hours(*value));
            hx += HOURS_WIDTH;
        }
    }

    /// The trainer's row: who signed each half-day, and her seal.
    fn trainer_row(&self, page: &mut Page, data: &Data, y: f32) {
        let column = self.column();
        page.rect((MARGIN, y, NAME_WIDTH, TRAINER_ROW), Some(245));
        page.text(MARGIN + 3.0, y + 11.0, CELL, Face::Bold, "Formateur·rice");
        let under = "signature et scellé";
        page.text(MARGIN + 3.0, y + 20.0, SMALL, Face::Regular, under);
        for (i, h) in self.days.iter().enumerate() {
            let x = self.x_of(i);
            page.rect((x, y, column, TRAINER_ROW), None);
            let mut ly = y + 10.0;
            for (n, line) in trainer_lines(data, h).iter().enumerate() {
                let (size, face) = if n == 0 {
                    (CELL, Face::Bold)
                } else {
                    (SMALL, Face::Regular)
                };
                for part in wrap(line, size, face, column - 5.0) {
                    if ly < y + TRAINER_ROW - 2.0 {
                        page.text(x + 3.0, ly, size, face, &part);
                    }
                    ly += 7.5;
                }
            }
        }
        let mut hx = self.x_of(self.days.len());
        for _ in 0..self.hours_columns() {
            page.rect((hx, y, HOURS_WIDTH, TRAINER_ROW), Some(245));
            hx += HOURS_WIDTH;
        }
    }
}

/// The annex of a seminar: every correction made after a seal (which half-day, whose line,
/// by whom, when, from → to, why) and every seal withdrawn, on pages of its own under the
/// same header.
fn annex(pages: &mut Vec<Page>, data: &Data, header: &Header, days: &[&HalfDay]) {
    let rows = annex_rows(data, days);
    if rows.is_empty() {
        return;
    }
    let columns: [(&str, f32); 7] = [
        ("Demi-journée", 92.0),
        ("Stagiaire", 110.0),
        ("Par", 100.0),
        ("Le", 70.0),
        ("Avant", 90.0),
        ("Après", 90.0),
        ("Motif", 0.0),
    ];
    let used: f32 = columns.iter().map(|c| c.1).sum();
    let motif = WIDTH - 2.0 * MARGIN - used;
    let widths: Vec<f32> = columns
        .iter()
        .map(|c| if c.1 == 0.0 { motif } else { c.1 })
        .collect();
    let mut rows = rows.into_iter();
    let bottom = HEIGHT - MARGIN - super::FOOTER;
    let mut next = rows.next();
    while next.is_some() {
        let mut page = Page::new(true);
        let mut y = header.draw(&mut page, "annexe");
        page.text(
            MARGIN,
            y + 10.0,
            10.0,
            Face::Bold,
            "Annexe\u{a0}: corrections après signature",
        );
        y += 18.0;
        let mut x = MARGIN;
        for ((title, _), w) in columns.iter().zip(&widths) {
            page.rect((x, y, *w, 16.0), Some(225));
            page.text(x + 3.0, y + 11.0, CELL, Face::Bold, title);
            x += w;
        }
        y += 16.0;
        let mut placed = false;
        while let Some(row) = &next {
            let cells: Vec<Vec<String>> = row
                .iter()
                .zip(&widths)
                .map(|(text, w)| wrap(text, CELL, Face::Regular, w - 6.0))
                .collect();
            let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            #[allow(clippy::cast_precision_loss)]
            let height = lines as f32 * 9.5 + 6.0;
            if y + height > bottom && placed {
                break;
            }
            placed = true;
            let mut x = MARGIN;
            for (cell, w) in cells.iter().zip(&widths) {
                page.rect((x, y, *w, height), None);
                for (i, text) in cell.iter().enumerate() {
                    #[allow(clippy::cast_precision_loss)]
                    let dy = i as f32 * 9.5;
                    page.text(x + 3.0, y + 11.0 + dy, CELL, Face::Regular, text);
                }
                x += w;
            }
            y += height;
            next = rows.next();
        }
        pages.push(page);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_trainer_row_never_stands_alone() {
        for trainees in 0..30 {
            for room in [100.0_f32, 200.0, 300.0, 400.0] {
                let pages = super::row_pages(trainees, room);
                let (last, trainer) = pages.last().unwrap();
                assert!(trainer);
                assert!(trainees == 0 || !last.is_empty(), "{trainees} in {room}");
                let covered: usize = pages.iter().map(|(r, _)| r.len()).sum();
                assert_eq!(covered, trainees);
            }
        }
    }
}
