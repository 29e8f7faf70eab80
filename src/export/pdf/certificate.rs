//! The certificat de réalisation as a PDF/A page, field by field of the ministry's model: the
//! organisation and its numbers, who signs, the trainee and her funding employer, the action
//! and its nature (four boxes, "action de formation" ticked), the dates and hours held, the
//! clause on keeping the supporting documents, "Fait à …, le …" and the signature.

use super::text::{Face, fit, wrap};
use super::{A4, About, MARGIN, Page, PdfError, render};
use crate::domain::{Cohort, Data, PersonId};
use crate::export::certificate::{Facts, KEEPING_CLAUSE, NATURES, facts};
use chrono::NaiveDate;

const BODY: f32 = 10.5;
const LEADING: f32 = 15.0;

/// The certificate of one trainee as a PDF, issued on `today` for the period up to `until`;
/// `Ok(None)` when no half-day was held by then.
pub fn pdf(
    data: &Data,
    cohort: &Cohort,
    trainee: &PersonId,
    today: NaiveDate,
    until: Option<NaiveDate>,
) -> Result<Option<Vec<u8>>, PdfError> {
    let Some(facts) = facts(data, cohort, trainee, today, until) else {
        return Ok(None);
    };
    let page = lay_out(&facts);
    let title = format!("Certificat de réalisation – {}", facts.trainee);
    let about = About {
        title: &title,
        author: facts.provider,
        made: super::noon(today),
    };
    let footer = format!("{} – {}", facts.provider, title);
    render(&[page], &footer, &about).map(Some)
}

/// Writes paragraphs down a page, each wrapped to the text's width.
struct Pen {
    page: Page,
    y: f32,
    left: f32,
    room: f32,
}

impl Pen {
    fn paragraph(&mut self, text: &str, face: Face, size: f32) {
        for line in wrap(text, size, face, self.room) {
            self.y += size * 1.45;
            self.page.text(self.left, self.y, size, face, &line);
        }
    }

    /// A label in regular, then its value in bold on the same line (wrapped under it when
    /// long).
    fn field(&mut self, label: &str, value: &str) {
        let gap = super::text::width(&format!("{label} "), BODY, Face::Regular);
        self.y += LEADING;
        self.page
            .text(self.left, self.y, BODY, Face::Regular, label);
        let lines = wrap(value, BODY, Face::Bold, self.room - gap);
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                self.y += LEADING;
            }
            self.page
                .text(self.left + gap, self.y, BODY, Face::Bold, line);
        }
    }

    fn skip(&mut self, points: f32) {
        self.y += points;
    }
}

/// The nature of the action: the four boxes of article L. 6313-1, the first ticked.
fn natures(pen: &mut Pen) {
    let left = pen.left;
    pen.paragraph(
        "Nature de l'action concourant au développement des compétences :",
        Face::Regular,
        BODY,
    );
    for (i, nature) in NATURES.iter().enumerate() {
        pen.y += LEADING + 2.0;
        let side = 9.0;
        let (x, top) = (left + 12.0, pen.y - side + 1.0);
        pen.page.rect((x, top, side, side), None);
        if i == 0 {
            // The box ticked: a cross.
            pen.page.line((x, top), (x + side, top + side), 1.0);
            pen.page.line((x + side, top), (x, top + side), 1.0);
        }
        let face = if i == 0 { Face::Bold } else { Face::Regular };
        pen.page.text(x + side + 6.0, pen.y, BODY, face, nature);
    }
}

fn lay_out(facts: &Facts<'_>) -> Page {
    let (width, _) = A4;
    let left = MARGIN * 2.0;
    let mut pen = Pen {
        page: Page::new(false),
        y: MARGIN * 1.5,
        left,
        room: width - 2.0 * left,
    };
    // The organisation, as on its letterhead.
    pen.paragraph(facts.provider, Face::Bold, 11.0);
    let org = facts.organisation;
    for line in org.address.lines().chain(
        facts
            .registration()
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    ) {
        if !line.trim().is_empty() {
            pen.paragraph(line, Face::Regular, 8.5);
        }
    }
    pen.skip(26.0);
    let title = "CERTIFICAT DE RÉALISATION";
    let title_width = super::text::width(title, 17.0, Face::Bold);
    pen.y += 17.0;
    pen.page
        .text((width - title_width) / 2.0, pen.y, 17.0, Face::Bold, title);
    pen.skip(22.0);
    pen.paragraph(
        &format!(
            "{} représentant·e légal·e du dispensateur de l'action concourant au développement des compétences {},",
            facts.signatory(),
            facts.provider
        ),
        Face::Regular,
        BODY,
    );
    pen.skip(6.0);
    pen.field("atteste que :", &facts.trainee);
    if let Some(employer) = facts.employer {
        pen.field("salarié·e de l'entreprise", employer);
    }
    pen.skip(6.0);
    pen.field("a suivi l'action", facts.title);
    pen.paragraph(&format!("(promotion {})", facts.cohort), Face::Regular, 8.5);
    pen.skip(8.0);
    natures(&mut pen);
    pen.skip(10.0);
    pen.paragraph(
        &format!(
            "qui s'est déroulée du {} au {},",
            facts.covered.start.format("%d/%m/%Y"),
            facts.covered.end.format("%d/%m/%Y")
        ),
        Face::Regular,
        BODY,
    );
    pen.paragraph(
        &format!(
            "pour une durée de {} (sur {} de demi-journées tenues).",
            facts.hours_followed(),
            facts.hours_held()
        ),
        Face::Regular,
        BODY,
    );
    pen.skip(12.0);
    pen.paragraph(KEEPING_CLAUSE, Face::Regular, 9.0);
    pen.skip(18.0);
    pen.field("Fait à :", facts.city());
    pen.field("le :", &facts.issued.format("%d/%m/%Y").to_string());
    pen.skip(14.0);
    signature(&mut pen, org);
    pen.page
}

/// The signature's place, on the right half: who signs, her title, and a box for the
/// signature and the stamp.
fn signature(pen: &mut Pen, org: &crate::domain::Organisation) {
    let left = pen.left;
    let column = left + pen.room / 2.0;
    let room = pen.room / 2.0;
    pen.y += LEADING;
    let y = pen.y;
    for (i, line) in wrap(
        "Signature et cachet du responsable du dispensateur de l'action :",
        9.0,
        Face::Regular,
        room,
    )
    .iter()
    .enumerate()
    {
        #[allow(clippy::cast_precision_loss)] // a handful of lines
        let dy = i as f32 * 12.0;
        pen.page.text(column, y + dy, 9.0, Face::Regular, line);
    }
    let who = &org.representative;
    let mut y = y + 26.0;
    for line in [who.name.trim(), who.title.trim()] {
        pen.page.text(
            column,
            y,
            BODY,
            Face::Bold,
            &fit(line, BODY, Face::Bold, room),
        );
        y += LEADING;
    }
    pen.page.rect((column, y, room, 80.0), None);
}
