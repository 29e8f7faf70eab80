//! The drawn circle sits in the middle of its pane, names included, at 120×40 and at every
//! size where it is drawn; smaller, it is a list; nothing is cut and nothing panics.

use crate::common::{press, render, sample_app};
use cercle::i18n::Lang;

/// The empty margins around what is drawn inside the circle's pane: left, right, top, bottom;
/// `None` when the pane is not on screen.
fn margins(screen: &str) -> Option<(usize, usize, usize, usize)> {
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let top = lines.iter().position(|l| l.first() == Some(&'┌'))?;
    let bottom = lines.iter().position(|l| l.first() == Some(&'└'))?;
    let right = lines[top].iter().position(|&c| c == '┐')?;
    let (mut rows, mut cols) = (Vec::new(), Vec::new());
    for (r, line) in lines.iter().enumerate().take(bottom).skip(top + 1) {
        for (c, ch) in line.iter().enumerate().take(right).skip(1) {
            if *ch != ' ' {
                rows.push(r);
                cols.push(c);
            }
        }
    }
    Some((
        cols.iter().min()? - 1,
        right - 1 - cols.iter().max()?,
        rows.iter().min()? - top - 1,
        bottom - 1 - rows.iter().max()?,
    ))
}

#[test]
fn at_120x40_the_circle_and_its_names_are_centred_in_their_pane() {
    for lang in [Lang::Fr, Lang::En] {
        let mut app = sample_app(lang);
        app.config.me = Some(app.cohort().unwrap().trainees[1].clone());
        app.size = (120, 40);
        press(&mut app, "2");
        assert!(!cercle::app::circle::shows_list(&app));
        let screen = render(&app, 120, 40);
        let (left, right, top, bottom) = margins(&screen).unwrap();
        assert!(
            left >= 1 && right >= 1,
            "no name touches the border\n{screen}"
        );
        assert!(left.abs_diff(right) <= 1, "{left} ≠ {right}\n{screen}");
        assert!(top.abs_diff(bottom) <= 1, "{top} ≠ {bottom}\n{screen}");
        insta::assert_snapshot!(format!("circle_centred_{lang:?}_120x40"), screen);
    }
}

#[test]
fn at_every_size_down_to_20x5_the_drawing_is_centred_or_a_list() {
    let mut app = sample_app(Lang::Fr);
    press(&mut app, "2");
    let mut drawn = 0;
    for width in (20..=200).step_by(9) {
        for height in (5..=60).step_by(5) {
            app.size = (width, height);
            let screen = render(&app, width, height);
            if cercle::app::circle::shows_list(&app) {
                continue;
            }
            drawn += 1;
            let Some((left, right, top, bottom)) = margins(&screen) else {
                continue;
            };
            assert!(
                left.abs_diff(right) <= 1 && top.abs_diff(bottom) <= 1,
                "{width}×{height}: {left} {right} {top} {bottom}\n{screen}"
            );
        }
    }
    assert!(drawn > 20, "the drawing shows at most sizes ({drawn})");
}
