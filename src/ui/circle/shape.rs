//! Where the drawn circle goes in its pane: the largest circle whose names fit, placed so that
//! the circle and its names together sit in the middle of the pane, at every size.

use ratatui::layout::Rect;
use std::f64::consts::{FRAC_PI_2, TAU};

/// The circle's size and the part of the pane it is drawn in. The canvas has one x unit per
/// column and one y unit per half-row, so that the circle looks round.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shape {
    /// The radius: in columns across, in half-rows down.
    pub radius: f64,
    /// The centre, in canvas units from the bottom left of `area`.
    pub centre: (f64, f64),
    /// Where the canvas is drawn: just the circle and its names, centred in the pane.
    pub area: Rect,
}

/// How far off its point a name stands, in canvas units (a column, a half-row).
pub const NAME_GAP: f64 = 2.0;

/// The direction of the `k`th of `n` points: the first at the top, then clockwise.
#[allow(clippy::cast_precision_loss)] // a few dozen points
pub fn angle(k: usize, n: usize) -> f64 {
    FRAC_PI_2 - TAU * k as f64 / n.max(1) as f64
}

/// How far a name of `width` columns reaches left and right of where it is printed: names on
/// the right start at their point, names on the left end there, names at the top and bottom
/// are centred on it.
pub fn reach(cos: f64, width: f64) -> (f64, f64) {
    if cos < -0.25 {
        (width, 0.0)
    } else if cos <= 0.25 {
        (width / 2.0, width / 2.0)
    } else {
        (0.0, width)
    }
}

impl Shape {
    /// The largest circle whose names (`widths`, in columns, one per point in order) fit in
    /// `inner` with a column to spare on each side, centred with its names.
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "sizes of a few dozen cells, clamped to the pane"
    )]
    pub fn fit(inner: Rect, widths: &[f64]) -> Self {
        let n = widths.len();
        // The columns left and right of the centre's, for a radius: the circle itself, and
        // every name from the column it is printed at (the canvas rounds down) to its last.
        let extent = |r: f64| {
            let names = (0..n).map(|k| {
                let cos = angle(k, n).cos();
                let (left, _) = reach(cos, widths[k]);
                let start = ((r + NAME_GAP) * cos - left).floor();
                (-start, start + widths[k] - 1.0)
            });
            names.fold((r + 1.0, r + 1.0), |(l, r), (nl, nr)| {
                (l.max(nl), r.max(nr))
            })
        };
        let room = f64::from(inner.width.saturating_sub(2));
        let tallest = f64::from(inner.height.saturating_sub(3)).max(2.0);
        let mut radius = tallest.floor();
        while radius > 2.0 {
            let (left, right) = extent(radius);
            if left + right + 1.0 <= room {
                break;
            }
            radius -= 1.0;
        }
        let (left, right) = extent(radius);
        let across = ((left + right + 1.0) as u16).min(inner.width);
        // The names above and below stand a row off the circle, and take a row each.
        let down = ((radius + NAME_GAP) as u16 + 1).min(inner.height);
        let area = Rect {
            x: inner.x + (inner.width - across) / 2,
            y: inner.y + (inner.height - down) / 2,
            width: across,
            height: down,
        };
        Self {
            radius,
            centre: (left, radius + NAME_GAP),
            area,
        }
    }

    /// Where the `k`th of `n` points stands at `r` from the centre, with its direction's
    /// cosine (which side its name goes).
    pub fn point(&self, k: usize, n: usize, r: f64) -> (f64, f64, f64) {
        let angle = angle(k, n);
        let (cx, cy) = self.centre;
        (cx + r * angle.cos(), cy + r * angle.sin(), angle.cos())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_drawing_is_centred_with_its_names_and_a_column_to_spare() {
        let inner = Rect::new(1, 3, 70, 34);
        let widths = [15.0, 17.0, 12.0, 14.0, 13.0, 14.0, 12.0, 15.0, 13.0, 15.0];
        let shape = Shape::fit(inner, &widths);
        let (left_gap, right_gap) = (shape.area.x - inner.x, inner.right() - shape.area.right());
        assert!(left_gap >= 1 && right_gap >= 1, "{shape:?}");
        assert!(left_gap.abs_diff(right_gap) <= 1, "{shape:?}");
        let (top_gap, bottom_gap) = (shape.area.y - inner.y, inner.bottom() - shape.area.bottom());
        assert!(top_gap.abs_diff(bottom_gap) <= 1, "{shape:?}");
        // Every name lands inside the canvas, from the column it is printed at (rounded down).
        for (k, width) in widths.iter().enumerate() {
            let (x, _, cos) = shape.point(k, widths.len(), shape.radius + NAME_GAP);
            let start = (x - reach(cos, *width).0).floor();
            assert!(start >= 0.0, "name {k} starts before the canvas");
            assert!(
                start + width <= f64::from(shape.area.width),
                "name {k} ends past the canvas"
            );
        }
    }

    #[test]
    fn a_tiny_pane_keeps_the_drawing_inside() {
        for (width, height) in [(0, 0), (1, 1), (4, 3), (18, 3), (30, 8)] {
            let inner = Rect::new(2, 2, width, height);
            let shape = Shape::fit(inner, &[8.0; 12]);
            assert!(shape.area.right() <= inner.right() && shape.area.bottom() <= inner.bottom());
            assert!(shape.area.x >= inner.x && shape.area.y >= inner.y);
            assert!(shape.radius >= 2.0);
        }
    }
}
