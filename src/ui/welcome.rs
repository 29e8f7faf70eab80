//! The first-run welcome screen.

use super::theme::Theme;
use crate::app::App;
use crate::app::keymap::Context;
use crate::app::keys;
use crate::i18n::Msg;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// Draws the welcome screen: what Cercle is, the role question and the choices.
pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let role = app
        .config
        .role
        .map_or(app.tr(Msg::RoleNotChosen), |r| app.tr(r.label()));
    let mut lines = vec![
        Line::from(Span::styled(app.tr(Msg::WelcomeIntro), theme.text)),
        Line::default(),
        Line::from(Span::styled(app.tr(Msg::WelcomeRoleQuestion), theme.text)),
        Line::from(vec![
            Span::styled("  → ", theme.dim),
            Span::styled(role, theme.warn),
        ]),
        Line::default(),
        Line::from(Span::styled(app.tr(Msg::WelcomeChoices), theme.text)),
    ];
    for binding in keys::bindings_of(&app.keys, Context::Welcome) {
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {:<10}", binding.keys_label(app.lang())),
                theme.key,
            ),
            Span::styled(app.tr(binding.label), theme.text),
        ]));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(
            format!(" {} ", app.tr(Msg::WelcomeTitle)),
            theme.title,
        ));
    let inner = super::popup::centered(area, 76, 20);
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        inner,
    );
}
