//! The views: they only draw the state. No clock, no disk, no randomness.

mod circle;
mod conflict;
mod contacts;
pub mod help;
pub mod modules;
mod popup;
mod sharing;
mod sync;
mod table;
pub mod text;
pub mod theme;
mod tutoring;
mod welcome;

use crate::app::keymap::{self, Context};
use crate::app::keys;
use crate::app::layout::{self, Regions};
use crate::app::{App, Overlay, Phase, SaveState, Screen};
use crate::i18n::Msg;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use text::safe;
use theme::Theme;

/// Draws the whole interface.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let theme = Theme::of(app.config.effective_theme());
    let Some(regions) = layout::regions(area) else {
        too_small(frame, app, area);
        return;
    };
    match &app.phase {
        // A first look: the screens as they will be, keys held until the data is whole.
        Phase::Loading if app.glimpsed => main_view(frame, app, regions, &theme),
        Phase::Loading => loading(frame, app, area, &theme),
        Phase::Failed(reason) => {
            let text = format!("{}\n\n{}", app.tr(Msg::LoadFailed), safe(reason));
            message(frame, app, area, &text, theme.error);
        }
        Phase::Welcome => {
            welcome::draw(frame, app, area, &theme);
            if let Some(Overlay::Help(cursor)) = &app.overlay {
                help::draw(frame, app, area, *cursor, &theme);
            }
        }
        Phase::Recovery(_) => {
            main_view(frame, app, regions, &theme);
            popup::question(frame, app, area, app.tr(Msg::RecoveryQuestion), &theme);
        }
        Phase::Main => {
            main_view(frame, app, regions, &theme);
            match &app.overlay {
                Some(Overlay::Help(cursor)) => help::draw(frame, app, area, *cursor, &theme),
                Some(Overlay::CohortPicker(cursor)) => {
                    popup::cohort_picker(frame, app, area, *cursor, &theme);
                }
                Some(Overlay::MePicker(cursor)) => {
                    popup::me_picker(frame, app, area, *cursor, &theme);
                }
                Some(Overlay::Confirm(question)) => {
                    popup::question(frame, app, area, &question.text, &theme);
                }
                Some(Overlay::Form(form)) => popup::form(frame, app, area, form, &theme),
                Some(Overlay::Choice(choice)) => popup::choice(frame, app, area, choice, &theme),
                Some(Overlay::FolderPicker(picker)) => {
                    popup::folder_picker(frame, app, area, picker, &theme);
                }
                Some(Overlay::Preview(preview)) => {
                    sharing::preview(frame, app, area, preview, &theme);
                }
                Some(Overlay::Conflicts(cursor)) => {
                    sharing::conflicts(frame, app, area, *cursor, &theme);
                }
                Some(Overlay::ChangedOnDisk) => conflict::draw(frame, app, area, &theme),
                Some(Overlay::Told(title, text)) => {
                    popup::told(frame, app, area, (*title, text), &theme);
                }
                None => {}
            }
        }
    }
}

fn main_view(frame: &mut Frame, app: &App, regions: Regions, theme: &Theme) {
    header(frame, app, regions.header, theme);
    tabs(frame, app, regions.tabs, theme);
    match app.screen {
        Screen::Modules => modules::draw(frame, app, regions.body, theme),
        Screen::Circle => circle::draw(frame, app, regions.body, theme),
        Screen::Contacts => contacts::draw(frame, app, regions.body, theme),
        Screen::Tutoring => tutoring::draw(frame, app, regions.body, theme),
    }
    status(frame, app, regions.status, theme);
    footer(frame, app, regions.footer, theme);
}

fn header(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let (word, style) = match &app.save {
        _ if app.glimpsed => (app.tr(Msg::Opening).to_owned(), theme.warn),
        SaveState::Saved => (app.tr(Msg::Saved).to_owned(), theme.good),
        SaveState::Saving => (app.tr(Msg::Saving).to_owned(), theme.warn),
        SaveState::Failed(reason) => (
            format!("{} {}", app.label(Msg::NotSaved), safe(reason)),
            theme.error,
        ),
        SaveState::ReadOnly(_) => (app.tr(Msg::ReadOnly).to_owned(), theme.warn),
    };
    let mut state = Line::from(Span::styled(format!(" [{word}] "), style));
    if let Some(badge) = sync::badge(app, theme) {
        state.spans.insert(0, badge);
    }
    let state_width = u16::try_from(state.width())
        .unwrap_or(area.width)
        .min(area.width / 2);
    let title_area = Rect {
        width: area.width - state_width,
        ..area
    };
    let state_area = Rect {
        x: area.x + area.width - state_width,
        width: state_width,
        ..area
    };
    let title = header_title(app, usize::from(title_area.width), theme);
    frame.render_widget(Paragraph::new(title), title_area);
    frame.render_widget(
        Paragraph::new(state).alignment(Alignment::Right),
        state_area,
    );
}

/// "Cercle · programme · cohort · me" in `width` columns. The cohort's full name (2024 and
/// 2026 cohorts differ only at its end) and the user's name are what tell one Cercle from
/// another: the programme's name is shortened first, then left out; only then the cohort.
/// An empty part leaves no empty segment.
fn header_title(app: &App, width: usize, theme: &Theme) -> Line<'static> {
    let cohort = app.cohort().map_or_else(
        || app.tr(Msg::NoCohort).to_owned(),
        |c| safe(&c.name).into_owned(),
    );
    let mut kept = cohort;
    if let Some(me) = app.me() {
        kept = format!("{kept} · {}", safe(&me.name));
    }
    let name = " Cercle ";
    let columns = |s: &str| Span::raw(s).width();
    let room = width.saturating_sub(columns(name) + columns("· "));
    let programme = safe(app.data.programme.title.trim()).into_owned();
    let rest = if programme.is_empty() || columns(&kept) + 3 >= room {
        text::shorten(&kept, room).into_owned()
    } else {
        // What is left after " · cohort · me" goes to the programme; under a few columns
        // a shortened name says nothing, so it is left out.
        let left = room - columns(&kept) - 3;
        let short = text::shorten(&programme, left);
        if short.chars().count() < 6 && short.ends_with('…') {
            kept
        } else {
            format!("{short} · {kept}")
        }
    };
    Line::from(vec![
        Span::styled(name, theme.title),
        Span::styled(format!("· {rest}"), theme.text),
    ])
}

fn tabs(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let mut spans = Vec::new();
    for (screen, _) in layout::tab_spans(area.x, app.lang()) {
        let style = if screen == app.screen {
            theme.selected
        } else {
            theme.tab
        };
        spans.push(Span::styled(layout::tab_label(screen, app.lang()), style));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn status(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let filter = &app.list_in_view().filter;
    let mut spans = Vec::new();
    if app.filtering || !filter.is_empty() {
        let cursor = if app.filtering { "▏" } else { "" };
        spans.push(Span::styled(
            format!(" {} ", app.label(Msg::FilterPrompt)),
            theme.key,
        ));
        spans.push(Span::styled(
            format!("{}{cursor}", safe(filter)),
            theme.text,
        ));
    }
    // What the filter cannot take is said at once, with what it accepts.
    if let Some(problem) = filter_problem(app) {
        spans.push(Span::styled(format!("  · {}", safe(&problem)), theme.error));
    }
    // A kept filter leaves room for the notice, so that what an action says is not hidden.
    if let Some(notice) = app.notice.as_ref().filter(|_| !app.filtering) {
        let style = if notice.error {
            theme.error
        } else {
            theme.text
        };
        let gap = if spans.is_empty() { "" } else { "  ·" };
        spans.push(Span::styled(format!("{gap} {}", safe(&notice.text)), style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// What the filter of the list in view holds that it cannot take, in the user's language:
/// a filter name the list does not know (`typ:fablab`), or a value outside a filter's
/// choices, with what is accepted. The contacts search knows names (`type:`, `dep:`…); the
/// other lists filter by words.
fn filter_problem(app: &App) -> Option<String> {
    use crate::domain::search::{KEY_NAMES, Query, QueryProblem};
    let filter = &app.list_in_view().filter;
    let searched = app.screen == Screen::Contacts;
    let found = if searched {
        Query::parse(filter).problem
    } else {
        filter
            .split_whitespace()
            .filter_map(|w| w.split_once(':'))
            .find(|(key, _)| !key.is_empty() && key.chars().all(char::is_alphabetic))
            .map(|(key, _)| QueryProblem::UnknownKey(key.to_owned()))
    };
    Some(match found? {
        QueryProblem::UnknownKey(key) if searched => crate::i18n::fill(
            app.tr(Msg::FilterUnknownKey),
            &[("key", &key), ("keys", &KEY_NAMES.join(", "))],
        ),
        QueryProblem::UnknownKey(key) => {
            crate::i18n::fill(app.tr(Msg::FilterWordsOnly), &[("key", &key)])
        }
        QueryProblem::UnknownValue(token, accepted) => crate::i18n::fill(
            app.tr(Msg::FilterUnknownValue),
            &[("value", &token), ("values", &accepted.join(", "))],
        ),
    })
}

fn footer(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let context = crate::app::context(app);
    frame.render_widget(
        Paragraph::new(hint_line(app, context, theme, area.width)),
        area,
    );
}

/// The footer's hints for a context in `width` columns: the first key of each hinted binding
/// and its label, the screen's own first (the most useful of the moment), each whole or not
/// at all, and the `?` help always last, where the rest is.
fn hint_line(app: &App, context: Context, theme: &Theme, width: u16) -> Line<'static> {
    let hint = |binding: &keymap::Binding| {
        let key = binding
            .keys
            .first()
            .map(|k| k.label_in(app.lang()))
            .unwrap_or_default();
        let label = format!(" {}  ", app.tr(binding.label));
        let width = Span::raw(key.as_str()).width() + Span::raw(label.as_str()).width();
        (key, label, width)
    };
    let hints = keys::hints(&app.keys, app.config.role, context, app.screen);
    let help = hints
        .iter()
        .find(|b| b.action == crate::app::Action::Help)
        .map(|b| hint(b));
    // The two spaces after the last hint need not fit.
    let mut room = usize::from(width)
        .saturating_sub(1)
        .saturating_add(2)
        .saturating_sub(help.as_ref().map_or(0, |h| h.2));
    let mut spans = vec![Span::raw(" ")];
    let mut push = |(key, label, _): (String, String, usize)| {
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(label, theme.dim));
    };
    for binding in hints
        .iter()
        .filter(|b| b.action != crate::app::Action::Help)
    {
        let shown = hint(binding);
        if shown.2 <= room {
            room -= shown.2;
            push(shown);
        }
    }
    if let Some(help) = help {
        push(help);
    }
    Line::from(spans)
}

fn message(frame: &mut Frame, app: &App, area: Rect, text: &str, style: Style) {
    let _ = app;
    let paragraph = Paragraph::new(text.to_owned())
        .style(style)
        .wrap(Wrap { trim: true })
        .alignment(Alignment::Center);
    let top = area.height / 3;
    let inner = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    frame.render_widget(paragraph, inner);
}

#[allow(clippy::cast_precision_loss)] // a progress bar: a file of 2^52 bytes is not a worry
fn loading(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    message(frame, app, area, app.tr(Msg::Loading), theme.text);
    if let Some((done, total)) = app.loading {
        let megabytes = format!(
            "{}{}MB",
            crate::i18n::numbers::decimal(total as f64 / 1_000_000.0, 1, app.lang()),
            crate::i18n::format::NBSP
        );
        let ratio = (done as f64 / total as f64).clamp(0.0, 1.0);
        let bar = ratatui::widgets::Gauge::default()
            .gauge_style(theme.title)
            .ratio(ratio)
            .label(megabytes);
        let width = area.width.min(50);
        let y = area.y + area.height / 3 + 2;
        if y < area.y + area.height {
            frame.render_widget(
                bar,
                Rect::new(area.x + (area.width - width) / 2, y, width, 1),
            );
        }
    }
}

fn too_small(frame: &mut Frame, app: &App, area: Rect) {
    let paragraph = Paragraph::new(app.tr(Msg::TooSmall)).wrap(Wrap { trim: true });
    frame.render_widget(paragraph, area);
}
