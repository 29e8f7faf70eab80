//! The fonts shipped with Cercle (`DejaVu` Sans Condensed, regular and bold, free: see
//! `assets/fonts/LICENSE-DejaVu.txt`), and the measures that lay text out: widths, lines
//! wrapped to a width, text cut to fit.

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};
use std::sync::OnceLock;

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSansCondensed.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSansCondensed-Bold.ttf");

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    /// `DejaVu` Sans Condensed.
    Regular,
    /// `DejaVu` Sans Condensed Bold.
    Bold,
}

struct Loaded {
    font: krilla::text::Font,
    /// The font file, to measure with.
    bytes: &'static [u8],
}

fn loaded(face: Face) -> &'static Loaded {
    static FONTS: OnceLock<[Loaded; 2]> = OnceLock::new();
    let fonts = FONTS.get_or_init(|| {
        [REGULAR, BOLD].map(|bytes| Loaded {
            // Cannot fail: the fonts are fixed at compile time, and a test draws with both.
            font: krilla::text::Font::new(bytes.into(), 0).expect("the shipped font reads"),
            bytes,
        })
    });
    &fonts[usize::from(face == Face::Bold)]
}

/// The krilla font of a face, to draw with.
pub fn font(face: Face) -> krilla::text::Font {
    loaded(face).font.clone()
}

/// The width of `text` at `size` points, from the font's advance widths.
pub fn width(text: &str, size: f32, face: Face) -> f32 {
    let Ok(font) = FontRef::new(loaded(face).bytes) else {
        return 0.0;
    };
    let units = loaded(face).font.units_per_em();
    let charmap = font.charmap();
    let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
    let total: f32 = text
        .chars()
        .map(|c| {
            let glyph = charmap.map(c).unwrap_or_default();
            metrics.advance_width(glyph).unwrap_or(0.0)
        })
        .sum();
    total * size / units
}

/// `text` cut to `room` points, ending with "…" when cut.
pub fn fit(text: &str, size: f32, face: Face, room: f32) -> String {
    if width(text, size, face) <= room {
        return text.to_owned();
    }
    let mut kept = String::new();
    for c in text.chars() {
        kept.push(c);
        if width(&kept, size, face) + width("…", size, face) > room {
            kept.pop();
            break;
        }
    }
    format!("{}…", kept.trim_end())
}

/// `text` broken into lines of at most `room` points, at spaces (a word longer than a line is
/// cut); newlines in the text are kept.
pub fn wrap(text: &str, size: f32, face: Face, room: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let tried = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if width(&tried, size, face) <= room {
                line = tried;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line = if width(word, size, face) <= room {
                word.to_owned()
            } else {
                fit(word, size, face, room)
            };
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_is_wider_and_lines_never_pass_their_room() {
        let text = "Coopérative des Tiers-Lieux Solidaires";
        assert!(width(text, 10.0, Face::Bold) > width(text, 10.0, Face::Regular));
        let lines = wrap(text, 10.0, Face::Regular, 80.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| width(l, 10.0, Face::Regular) <= 80.0));
        assert_eq!(lines.join(" "), text);
        let cut = fit(text, 10.0, Face::Regular, 60.0);
        assert!(cut.ends_with('…') && width(&cut, 10.0, Face::Regular) <= 60.0);
    }
}
