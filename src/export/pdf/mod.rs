//! PDF/A documents made by Cercle itself, with krilla: A4, the shipped `DejaVu` fonts embedded
//! (subset), PDF/A-2b with its XMP identification, text that can be searched and copied, and
//! "page 2/3" at the foot of every page.
//!
//! A document is laid out first as [`Page`]s of simple marks (text, lines, boxes), so that the
//! page count is known before the footers are written; [`render`] then draws them.

pub mod certificate;
pub mod sheet;
pub mod text;

use krilla::Document;
use krilla::color::luma;
use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::TextDirection;
use text::Face;

/// A4 in points: 210 × 297 mm.
pub const A4: (f32, f32) = (595.28, 841.89);
/// The margin around every page, in points (1 cm).
pub const MARGIN: f32 = 28.35;
/// The height kept at the foot of a page for its footer.
pub const FOOTER: f32 = 16.0;

/// One mark on a page, in points from the top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// One line of text; `y` is its baseline.
    Text {
        /// Left edge.
        x: f32,
        /// Baseline.
        y: f32,
        /// Font size.
        size: f32,
        /// Bold or regular.
        face: Face,
        /// The words.
        text: String,
    },
    /// A straight line.
    Line {
        /// Start.
        from: (f32, f32),
        /// End.
        to: (f32, f32),
        /// Width in points.
        width: f32,
    },
    /// A rectangle, stroked, and filled with a grey when one is given (0 black, 255 white).
    Box {
        /// Left, top, width, height.
        rect: (f32, f32, f32, f32),
        /// The fill's grey.
        fill: Option<u8>,
    },
}

/// A page laid out: its orientation and its marks, without the footer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// Landscape (842 × 595) rather than portrait.
    pub landscape: bool,
    /// What is drawn on it.
    pub marks: Vec<Mark>,
}

impl Page {
    /// An empty page.
    pub fn new(landscape: bool) -> Self {
        Self {
            landscape,
            marks: Vec::new(),
        }
    }

    /// Width and height in points.
    pub fn size(&self) -> (f32, f32) {
        if self.landscape { (A4.1, A4.0) } else { A4 }
    }

    /// Adds a line of text.
    pub fn text(&mut self, x: f32, y: f32, size: f32, face: Face, text: &str) {
        if !text.is_empty() {
            self.marks.push(Mark::Text {
                x,
                y,
                size,
                face,
                text: text::printable(text, face),
            });
        }
    }

    /// Adds a straight line.
    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), width: f32) {
        self.marks.push(Mark::Line { from, to, width });
    }

    /// Adds a rectangle.
    pub fn rect(&mut self, rect: (f32, f32, f32, f32), fill: Option<u8>) {
        self.marks.push(Mark::Box { rect, fill });
    }
}

/// What the document says about itself, in its XMP metadata.
pub struct About<'a> {
    /// The title ("Feuille d'émargement – Nouvelle-Aquitaine 2026").
    pub title: &'a str,
    /// Who made it: the organisation.
    pub author: &'a str,
    /// When, in Paris time.
    pub made: chrono::DateTime<chrono_tz::Tz>,
}

/// Noon in Paris on `day`: when a document of that day says it was made, so that the same
/// data gives the same file.
pub fn noon(day: chrono::NaiveDate) -> chrono::DateTime<chrono_tz::Tz> {
    use chrono::TimeZone;
    let zone = crate::domain::clock::ZONE;
    day.and_hms_opt(12, 0, 0)
        .and_then(|t| zone.from_local_datetime(&t).single())
        .unwrap_or_else(|| zone.from_utc_datetime(&chrono::DateTime::UNIX_EPOCH.naive_utc()))
}

/// Why a PDF could not be written (a bug, since every input is laid out by us).
#[derive(Debug, thiserror::Error)]
#[error("the PDF could not be written: {0}")]
pub struct PdfError(String);

/// Draws the pages into a PDF/A-2b document, each with "page i/n" at its foot and `footer` at
/// its left.
pub fn render(pages: &[Page], footer: &str, about: &About<'_>) -> Result<Vec<u8>, PdfError> {
    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_B)
        .finish()
        .map_err(|e| PdfError(format!("{e:?}")))?;
    let settings = krilla::SerializeSettings {
        configuration,
        ..krilla::SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    document.set_metadata(metadata(about));
    let count = pages.len();
    for (i, page) in pages.iter().enumerate() {
        let (width, height) = page.size();
        let settings =
            PageSettings::from_wh(width, height).ok_or_else(|| PdfError("page size".into()))?;
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        for mark in &page.marks {
            draw(&mut surface, mark);
        }
        let baseline = height - MARGIN + 4.0;
        let number = format!("page {}/{count}", i + 1);
        let size = 7.0;
        let right = width - MARGIN - text::width(&number, size, Face::Regular);
        let room = right - MARGIN - 12.0;
        let footer = text::fit(footer, size, Face::Regular, room);
        draw(
            &mut surface,
            &Mark::Text {
                x: MARGIN,
                y: baseline,
                size,
                face: Face::Regular,
                text: footer,
            },
        );
        draw(
            &mut surface,
            &Mark::Text {
                x: right,
                y: baseline,
                size,
                face: Face::Regular,
                text: number,
            },
        );
        surface.finish();
        pdf_page.finish();
    }
    document.finish().map_err(|e| PdfError(format!("{e:?}")))
}

fn metadata(about: &About<'_>) -> Metadata {
    use chrono::{Datelike, Offset, Timelike};
    let made = about.made;
    let offset = made.offset().fix().local_minus_utc() / 60;
    let when = DateTime::new(u16::try_from(made.year()).unwrap_or(2000))
        .month(u8::try_from(made.month()).unwrap_or(1))
        .day(u8::try_from(made.day()).unwrap_or(1))
        .hour(u8::try_from(made.hour()).unwrap_or(0))
        .minute(u8::try_from(made.minute()).unwrap_or(0))
        .second(u8::try_from(made.second()).unwrap_or(0))
        .utc_offset_hour(i8::try_from(offset / 60).unwrap_or(0))
        .utc_offset_minute(u8::try_from(offset.rem_euclid(60)).unwrap_or(0));
    Metadata::new()
        .title(about.title.to_owned())
        .authors(vec![about.author.to_owned()])
        .creator("Cercle".to_owned())
        .language("fr-FR".to_owned())
        .creation_date(when)
}

fn draw(surface: &mut krilla::surface::Surface<'_>, mark: &Mark) {
    match mark {
        Mark::Text {
            x,
            y,
            size,
            face,
            text,
        } => {
            surface.set_fill(Some(Fill::default()));
            surface.set_stroke(None);
            surface.draw_text(
                Point::from_xy(*x, *y),
                text::font(*face),
                *size,
                text,
                false,
                TextDirection::LeftToRight,
            );
        }
        Mark::Line { from, to, width } => {
            let mut path = PathBuilder::new();
            path.move_to(from.0, from.1);
            path.line_to(to.0, to.1);
            if let Some(path) = path.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(stroke(*width)));
                surface.draw_path(&path);
            }
        }
        Mark::Box { rect, fill } => {
            let Some(area) = Rect::from_xywh(rect.0, rect.1, rect.2, rect.3) else {
                return;
            };
            let mut path = PathBuilder::new();
            path.push_rect(area);
            if let Some(path) = path.finish() {
                surface.set_fill(fill.map(|grey| Fill {
                    paint: luma::Color::new(grey).into(),
                    opacity: NormalizedF32::ONE,
                    rule: krilla::paint::FillRule::default(),
                }));
                surface.set_stroke(Some(stroke(0.5)));
                surface.draw_path(&path);
            }
        }
    }
}

fn stroke(width: f32) -> Stroke {
    Stroke {
        paint: luma::Color::new(40).into(),
        width,
        ..Stroke::default()
    }
}
