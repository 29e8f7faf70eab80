//! The question asked when another program changed the data file: its keys come from the key
//! table, like the footer's.

use super::popup::{centered, framed};
use super::theme::Theme;
use crate::app::App;
use crate::app::keymap::Context;
use crate::app::keys;
use crate::i18n::Msg;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

/// Draws the question over the screen.
pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let mut lines = vec![
        Line::from(Span::styled(app.tr(Msg::ChangedOnDiskText), theme.text)),
        Line::default(),
    ];
    for binding in keys::bindings_of(&app.keys, Context::ChangedOnDisk).filter(|b| b.hint) {
        lines.push(Line::from(vec![
            Span::styled(
                format!("{:>5}  ", binding.keys_label(app.lang())),
                theme.key,
            ),
            Span::styled(app.tr(binding.label), theme.text),
        ]));
    }
    let popup = centered(area, 66, 11);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .block(framed(app.tr(Msg::ChangedOnDiskTitle), theme))
            .wrap(Wrap { trim: false }),
        popup,
    );
}
