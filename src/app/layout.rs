//! Where things are on screen. Shared by the views (to draw) and by `update` (to map clicks), so
//! that a click lands where the eye sees it.

use super::screen::Screen;
use crate::i18n::{Lang, Msg};
use ratatui::layout::Rect;

/// The smallest terminal the screens are laid out for; below it a message asks for more room.
pub const MIN_SIZE: (u16, u16) = (50, 12);

/// The regions of the main view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Regions {
    /// Programme, cohort and save state.
    pub header: Rect,
    /// The numbered screens.
    pub tabs: Rect,
    /// The screen itself.
    pub body: Rect,
    /// The status line (notices, the filter being typed).
    pub status: Rect,
    /// The keys that work here.
    pub footer: Rect,
}

/// Splits the terminal into the main regions, or `None` when it is too small.
pub fn regions(area: Rect) -> Option<Regions> {
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        return None;
    }
    let line = |y: u16| Rect::new(area.x, y, area.width, 1);
    Some(Regions {
        header: line(area.y),
        tabs: line(area.y + 1),
        body: Rect::new(area.x, area.y + 2, area.width, area.height - 4),
        status: line(area.y + area.height - 2),
        footer: line(area.y + area.height - 1),
    })
}

/// The label of a screen's tab, with its number.
pub fn tab_label(screen: Screen, lang: Lang) -> String {
    // Tabs use short names where the full ones would not fit in 80 columns.
    let name = match screen {
        Screen::Modules => Msg::ScreenModules,
        Screen::Circle => Msg::TabCircle,
        Screen::Contacts => Msg::TabContacts,
        Screen::Tutoring => Msg::TabTutoring,
    };
    format!(" {} {} ", screen.index() + 1, name.text(lang))
}

/// The columns each tab spans, in order, starting at `x`.
pub fn tab_spans(x: u16, lang: Lang) -> Vec<(Screen, std::ops::Range<u16>)> {
    let mut start = x;
    Screen::ALL
        .iter()
        .map(|&screen| {
            let width = u16::try_from(unicode_width(&tab_label(screen, lang))).unwrap_or(u16::MAX);
            let span = start..start.saturating_add(width);
            start = span.end.saturating_add(1);
            (screen, span)
        })
        .collect()
}

fn unicode_width(text: &str) -> usize {
    ratatui::text::Line::from(text).width()
}

/// The list area inside the body: its rows start under what the screen draws above the list
/// (`top` lines), the border and the column header.
pub fn list_rows(body: Rect, screen: Screen, top: u16) -> Rect {
    let body = Rect {
        y: body.y + top.min(body.height),
        height: body.height.saturating_sub(top),
        ..body
    };
    let width = match screen {
        // The contacts and tutoring lists leave room for the detail pane.
        Screen::Contacts | Screen::Tutoring => body.width * 11 / 20,
        _ => body.width,
    };
    Rect::new(
        body.x + 1,
        body.y + 2,
        width.saturating_sub(2),
        body.height.saturating_sub(3),
    )
}
