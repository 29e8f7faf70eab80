//! A list drawn as a table, of which only the visible rows are built.

use super::theme::Theme;
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

/// Draws a screen's list, calling `row` only for the rows that show, with the record's index.
pub fn draw<'a>(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    theme: &Theme,
    spec: Spec<'a, '_>,
    mut row: impl FnMut(usize) -> Row<'a>,
) {
    let Spec {
        screen,
        title,
        headers,
        widths,
    } = spec;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(title);
    let i = screen.index();
    let rows = &app.rows[i];
    let cursor = app.cursors[i];
    if rows.is_empty() {
        let empty = Paragraph::new(format!("\n{}", app.tr(Msg::EmptyList)))
            .style(theme.dim)
            .block(block);
        frame.render_widget(empty, area);
        return;
    }
    let height = usize::from(area.height.saturating_sub(3));
    let visible = cursor.visible(rows.len(), height);
    let body: Vec<Row> = rows[visible.clone()]
        .iter()
        .enumerate()
        .map(|(n, &index)| {
            let built = row(index);
            if visible.start + n == cursor.selected {
                built.style(theme.selected)
            } else {
                built.style(theme.text)
            }
        })
        .collect();
    let header = Row::new(headers.iter().map(|h| app.tr(*h))).style(theme.title);
    let table = Table::new(body, widths.to_vec())
        .header(header)
        .block(block);
    frame.render_widget(table, area);
}

/// The title of a list, with the count shown and the filter count when one applies.
pub fn title(app: &App, screen: Screen, name: &str) -> String {
    let i = screen.index();
    let total = crate::app::rows::count(app, screen);
    let shown = app.rows[i].len();
    if shown == total {
        format!(" {name} ({total}) ")
    } else {
        format!(" {name} ({shown}/{total}) ")
    }
}
