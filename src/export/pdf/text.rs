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

/// What a character the font cannot draw becomes. PDF/A forbids the font's empty glyph, so an
/// emoji or a control character in a name would otherwise stop the whole document.
const STAND_IN: char = '?';

/// `text` as the font can draw it: each character without a glyph (an emoji, a control or
/// bidi character) replaced by a visible stand-in.
pub fn printable(text: &str, face: Face) -> String {
    let Ok(font) = FontRef::new(loaded(face).bytes) else {
        return text.to_owned();
    };
    let charmap = font.charmap();
    text.chars()
        .map(|c| {
            // Bidi controls could reorder what a reader sees: they are shown, not obeyed.
            let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
            let drawn = !c.is_control() && !bidi && charmap.map(c).is_some_and(|g| g.to_u32() != 0);
            if drawn { c } else { STAND_IN }
        })
        .collect()
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

/// `text` broken into lines of at most `room` points, at spaces but never at a no-break space
/// (a word longer than a line is cut); newlines in the text are kept.
pub fn wrap(text: &str, size: f32, face: Face, room: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        // Only ordinary spaces break a line: a no-break space keeps a word and its colon.
        for word in paragraph.split([' ', '\t']).filter(|w| !w.is_empty()) {
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
    fn characters_without_a_glyph_get_a_stand_in() {
        for face in [Face::Regular, Face::Bold] {
            assert_eq!(printable("Léa 🦊\u{202e}x\u{7}", face), "Léa ??x?");
            assert_eq!(
                printable("Ça coûte 98,4\u{a0}%", face),
                "Ça coûte 98,4\u{a0}%"
            );
        }
    }

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
