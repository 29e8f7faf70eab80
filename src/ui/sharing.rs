//! The bundle import preview and the merge screen.

use super::popup::{centered, framed};
use super::text::safe;
use super::theme::Theme;
use crate::app::App;
use crate::app::list::Cursor;
use crate::app::sharing::{Preview, preview_rows};
use crate::i18n::Msg;
use crate::share::describe;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

/// What an import will do, scrolled to the cursor; yes applies it.
pub fn preview(frame: &mut Frame, app: &App, area: Rect, preview: &Preview, theme: &Theme) {
    let popup = centered(area, 100, area.height.saturating_sub(2));
    // As many rows as `App::overlay_height`, which bounds the scrolling.
    let rows = usize::from(popup.height.saturating_sub(2));
    let lines: Vec<Line> = preview_rows(&preview.lines, area.width)
        .into_iter()
        .skip(preview.cursor.offset)
        .take(rows)
        .map(|row| Line::from(Span::styled(row, theme.text)))
        .collect();
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(framed(app.tr(Msg::PreviewTitle), theme)),
        popup,
    );
}

/// The conflicts waiting, three lines each: where, then the two values.
pub fn conflicts(frame: &mut Frame, app: &App, area: Rect, cursor: Cursor, theme: &Theme) {
    let popup = centered(area, 100, area.height.saturating_sub(2));
    let rows = usize::from(popup.height.saturating_sub(2));
    let lang = app.config.lang;
    let conflicts = &app.data.conflicts;
    // The selected conflict stays in view; only the conflicts that fit are described.
    let fit = (rows / 3).max(1);
    let first = (cursor.selected + 1).saturating_sub(fit);
    let mut lines = Vec::new();
    for (i, conflict) in conflicts.iter().enumerate().skip(first).take(fit) {
        let style = if i == cursor.selected {
            theme.selected
        } else {
            theme.title
        };
        let where_ = describe::path(&app.data, &conflict.path, lang);
        lines.push(Line::from(Span::styled(safe(&where_).into_owned(), style)));
        for (n, choice) in conflict.choices.iter().enumerate() {
            let mut spans = vec![
                Span::styled(format!("  {} ", n + 1), theme.key),
                Span::styled(
                    safe(&describe::value(choice.value.as_ref(), lang)).into_owned(),
                    theme.text,
                ),
            ];
            if let Some(origin) = describe::origin(conflict, n, lang) {
                spans.push(Span::styled(format!("  ({})", safe(&origin)), theme.dim));
            }
            if n == conflict.kept {
                spans.push(Span::styled(
                    format!("  · {}", app.tr(Msg::ConflictKept)),
                    theme.dim,
                ));
            }
            lines.push(Line::from(spans));
        }
    }
    let title = format!("{} ({})", app.tr(Msg::ConflictsTitle), conflicts.len());
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(framed(&title, theme)), popup);
}
