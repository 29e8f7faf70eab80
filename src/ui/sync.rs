//! The sync badge of the header: when the data last reached the team, the commits waiting on
//! each side, and the conflicts waiting for a choice.

use super::theme::Theme;
use crate::app::App;
use crate::domain::clock;
use crate::i18n::{Msg, fill};
use ratatui::style::Style;
use ratatui::text::Span;
use std::fmt::Write as _;

/// The badge, or `None` when the data directory is not set up for sync.
pub fn badge(app: &App, theme: &Theme) -> Option<Span<'static>> {
    let status = app.sync.status?;
    let mut text = if app.sync.running {
        app.tr(Msg::SyncHeaderRunning).to_owned()
    } else {
        match status.last_sync {
            Some(at) => {
                let local = clock::local(at);
                let when = if local.date() == app.today {
                    local.format("%H:%M").to_string()
                } else {
                    local.format("%d/%m").to_string()
                };
                fill(app.tr(Msg::SyncHeader), &[("when", &when)])
            }
            None => app.tr(Msg::SyncNever).to_owned(),
        }
    };
    if status.ahead > 0 {
        let _ = write!(text, " ↑{}", status.ahead);
    }
    if status.behind > 0 {
        let _ = write!(text, " ↓{}", status.behind);
    }
    let conflicts = app.data.conflicts.len();
    if conflicts > 0 {
        let count = conflicts.to_string();
        text.push_str(" · ");
        text.push_str(&fill(
            app.tr(Msg::SyncHeaderConflicts),
            &[("count", &count)],
        ));
    }
    let style: Style = if conflicts > 0 { theme.warn } else { theme.dim };
    Some(Span::styled(format!(" ⇅ {text}"), style))
}
