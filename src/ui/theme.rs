//! Colours and emphasis. Every theme keeps selection and state visible without colour too
//! (reverse video, bold), so `NO_COLOR` loses nothing.

use crate::config::ThemeName;
use ratatui::style::{Color, Modifier, Style};

/// The styles a view draws with.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// Ordinary text.
    pub text: Style,
    /// Less important text.
    pub dim: Style,
    /// Titles and the active tab.
    pub title: Style,
    /// The selected row.
    pub selected: Style,
    /// An inactive tab.
    pub tab: Style,
    /// A good state (saved).
    pub good: Style,
    /// A state that needs attention.
    pub warn: Style,
    /// An error.
    pub error: Style,
    /// Key names in hints.
    pub key: Style,
    /// Borders.
    pub border: Style,
}

impl Theme {
    /// The styles of a theme.
    pub fn of(name: ThemeName) -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reverse = Style::new().add_modifier(Modifier::REVERSED);
        match name {
            ThemeName::Mono => Self {
                text: Style::new(),
                dim: Style::new(),
                title: bold,
                selected: reverse.add_modifier(Modifier::BOLD),
                tab: Style::new(),
                good: Style::new(),
                warn: bold,
                error: bold.add_modifier(Modifier::UNDERLINED),
                key: bold,
                border: Style::new(),
            },
            ThemeName::HighContrast => Self {
                text: Style::new().fg(Color::White),
                dim: Style::new().fg(Color::White),
                title: bold.fg(Color::Yellow),
                selected: bold.fg(Color::Black).bg(Color::Yellow),
                tab: Style::new().fg(Color::White),
                good: bold.fg(Color::LightGreen),
                warn: bold.fg(Color::Yellow),
                error: bold.fg(Color::White).bg(Color::Red),
                key: bold.fg(Color::Cyan),
                border: Style::new().fg(Color::White),
            },
            ThemeName::Light => Self {
                text: Style::new().fg(Color::Black),
                dim: Style::new().fg(Color::DarkGray),
                title: bold.fg(Color::Blue),
                selected: reverse.fg(Color::Blue),
                tab: Style::new().fg(Color::DarkGray),
                good: Style::new().fg(Color::Green),
                warn: bold.fg(Color::Magenta),
                error: bold.fg(Color::Red),
                key: bold.fg(Color::Blue),
                border: Style::new().fg(Color::DarkGray),
            },
            ThemeName::Dark => Self {
                text: Style::new(),
                dim: Style::new().fg(Color::Gray),
                title: bold.fg(Color::LightCyan),
                selected: reverse.fg(Color::LightCyan),
                tab: Style::new().fg(Color::Gray),
                good: Style::new().fg(Color::LightGreen),
                warn: bold.fg(Color::LightYellow),
                error: bold.fg(Color::LightRed),
                key: bold.fg(Color::LightCyan),
                border: Style::new().fg(Color::DarkGray),
            },
        }
    }
}
