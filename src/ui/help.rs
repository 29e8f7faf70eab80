//! The `?` help: every binding of the key table, grouped by where it applies.

use super::popup::centered;
use super::theme::Theme;
use crate::app::keymap::{Context, View};
use crate::app::keys;
use crate::app::layout::tab_label;
use crate::app::list::Cursor;
use crate::app::{App, Screen};
use crate::i18n::{Lang, Msg};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// The heading of a context in the help and the README.
pub fn context_title(context: Context, lang: Lang) -> String {
    match context {
        Context::Global => Msg::HelpGlobal.text(lang).to_owned(),
        Context::On(screen) => tab_label(screen, lang).trim().to_owned(),
        Context::Form => Msg::HelpForm.text(lang).to_owned(),
        Context::Filter => Msg::HelpFilter.text(lang).to_owned(),
        Context::Confirm => Msg::HelpConfirm.text(lang).to_owned(),
        Context::Preview => Msg::HelpPreview.text(lang).to_owned(),
        Context::Conflicts => Msg::HelpConflicts.text(lang).to_owned(),
        Context::ChangedOnDisk => Msg::HelpChangedOnDisk.text(lang).to_owned(),
        Context::FolderPicker => Msg::HelpFolderPicker.text(lang).to_owned(),
        Context::Welcome => Msg::HelpWelcome.text(lang).to_owned(),
        Context::Popup => Msg::HelpPopup.text(lang).to_owned(),
        Context::View(view) => match view {
            View::Seminars => Msg::HelpSeminars,
            View::Seminar => Msg::HelpSeminar,
            View::RollCall => Msg::HelpRollCall,
            View::FollowUp => Msg::HelpFollowUp,
            View::Knowledge => Msg::HelpKnowledge,
            View::Exchanges => Msg::HelpExchanges,
            View::Path => Msg::HelpPath,
            View::Round => Msg::HelpRound,
            View::Codev => Msg::HelpCodev,
        }
        .text(lang)
        .to_owned(),
    }
}

/// Draws the help over the screen, scrolled by `cursor`.
pub fn draw(frame: &mut Frame, app: &App, area: Rect, cursor: Cursor, theme: &Theme) {
    let popup = centered(area, 72, area.height.saturating_sub(2));
    let mut lines = Vec::new();
    // Where the user is comes first (the view, then the screen), so the most useful keys show.
    let here: Vec<Context> = match app
        .modules
        .view
        .filter(|_| app.screen == crate::app::Screen::Modules)
    {
        Some(view) => vec![Context::View(view), Context::On(app.screen)],
        None => vec![Context::On(app.screen)],
    };
    let mut order: Vec<Context> = keys::HELP_ORDER.to_vec();
    order.retain(|c| !here.contains(c));
    order.splice(0..0, here);
    for context in order {
        if matches!(context, Context::On(s) if s != app.screen && !has_bindings(app, s)) {
            continue;
        }
        lines.push(Line::from(Span::styled(
            context_title(context, app.lang()),
            theme.title,
        )));
        for binding in keys::bindings_of(&app.keys, context) {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {:<16}", binding.keys_label(app.lang())),
                    theme.key,
                ),
                Span::styled(binding.label_for_help(app.lang()), theme.text),
            ]));
        }
        lines.push(Line::default());
    }
    let offset = u16::try_from(cursor.offset).unwrap_or(u16::MAX);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(
            format!(" {} (?) ", app.tr(Msg::HelpTitle)),
            theme.title,
        ));
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(block).scroll((offset, 0)),
        popup,
    );
}

fn has_bindings(app: &App, screen: Screen) -> bool {
    keys::bindings_of(&app.keys, Context::On(screen))
        .next()
        .is_some()
}
