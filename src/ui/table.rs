//! A list drawn as a table, of which only the visible rows are built.

use super::theme::Theme;
use crate::app::list::Cursor;
use crate::app::{App, Screen};
use crate::i18n::Msg;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table};

/// What a list shows: its screen, title and columns.
pub struct Spec<'a, 'h> {
    /// The screen whose rows and cursor are drawn.
    pub screen: Screen,
    /// The title in the border.
    pub title: Line<'a>,
    /// Column headers.
    pub headers: &'h [Msg],
    /// Column widths.
    pub widths: &'h [Constraint],
}

/// Draws a screen's filtered list, calling `row` only for the rows that show, with the
/// record's index.
pub fn draw<'a>(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    theme: &Theme,
    spec: Spec<'a, '_>,
    mut row: impl FnMut(usize) -> Row<'a>,
) {
    let listing = app.listing(spec.screen);
    let rows = &listing.rows;
    let columns = Columns {
        title: spec.title,
        headers: spec.headers,
        widths: spec.widths,
    };
    draw_list(
        frame,
        app,
        area,
        theme,
        &columns,
        (rows.len(), listing.cursor),
        |n| row(rows[n]),
    );
}

/// A list's title and columns.
pub struct Columns<'a, 'h> {
    /// The title in the border.
    pub title: Line<'a>,
    /// Column headers.
    pub headers: &'h [Msg],
    /// Column widths.
    pub widths: &'h [Constraint],
}

/// Draws `len` rows with a cursor, calling `row` with the position of each visible row only.
pub fn draw_list<'a>(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    theme: &Theme,
    columns: &Columns<'a, '_>,
    (len, cursor): (usize, Cursor),
    mut row: impl FnMut(usize) -> Row<'a>,
) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(columns.title.clone());
    if len == 0 {
        let empty = Paragraph::new(format!("\n{}", app.tr(Msg::EmptyList)))
            .style(theme.dim)
            .block(block);
        frame.render_widget(empty, area);
        return;
    }
    let height = usize::from(area.height.saturating_sub(3));
    let visible = cursor.visible(len, height);
    let body: Vec<Row> = visible
        .clone()
        .map(|n| {
            let built = row(n);
            if n == cursor.selected {
                built.style(theme.selected)
            } else {
                built
            }
        })
        .collect();
    let header = Row::new(columns.headers.iter().map(|h| app.tr(*h))).style(theme.title);
    let table = Table::new(body, columns.widths.to_vec())
        .header(header)
        .block(block)
        .style(theme.text);
    frame.render_widget(table, area);
}

/// The width of each column of a list drawn in `area` (borders included) with these widths,
/// as the table lays them out: so that a row can shorten a value with "…" at a word
/// ([`super::text::shorten`]) rather than have it cut wherever the column ends.
pub fn column_widths(area: Rect, widths: &[Constraint]) -> Vec<usize> {
    let inner = Rect::new(0, 0, area.width.saturating_sub(2), 1);
    ratatui::layout::Layout::horizontal(widths.to_vec())
        .flex(ratatui::layout::Flex::Start)
        .spacing(1)
        .split(inner)
        .iter()
        .map(|r| usize::from(r.width))
        .collect()
}

/// The title of a list, with the count shown and the filter count when one applies.
pub fn title(app: &App, screen: Screen, name: &str) -> String {
    counted(name, app.listing(screen))
}

/// A list's name with how many rows it shows: "(20)", or "(3/20)" when a filter applies.
pub fn counted(name: &str, listing: &crate::app::list::Listing) -> String {
    let (total, shown) = (listing.total, listing.rows.len());
    if shown == total {
        format!(" {name} ({total}) ")
    } else {
        format!(" {name} ({shown}/{total}) ")
    }
}

/// Splits off the top of a screen's body the lines its view draws above its list: as many as
/// the app says (`App::list_top`), which its mouse handling uses too, so the two never drift.
pub fn above_list(area: Rect, app: &App) -> (Rect, Rect) {
    let lines = app.list_top().min(area.height);
    (
        Rect {
            height: lines,
            ..area
        },
        Rect {
            y: area.y + lines,
            height: area.height - lines,
            ..area
        },
    )
}
