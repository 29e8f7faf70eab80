//! The Peer contacts screen: everyone around the programme, with a detail pane.

use super::table;
use super::text::{person_role, phase, place, safe};
use super::theme::Theme;
use crate::app::layout;
use crate::app::{App, Screen};
use crate::domain::Person;
use crate::i18n::Msg;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Wrap};

/// Draws the Peer contacts screen.
pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let list_width = layout::list_rows(area, Screen::Contacts, 0).width + 2;
    let list = Rect {
        width: list_width,
        ..area
    };
    let detail_area = Rect {
        x: area.x + list_width,
        width: area.width - list_width,
        ..area
    };
    let title = table::title(app, Screen::Contacts, app.tr(Msg::ScreenContacts));
    let widths = [
        Constraint::Fill(3),
        Constraint::Fill(2),
        Constraint::Fill(2),
    ];
    let headers = [Msg::ColName, Msg::ColRole, Msg::ColCity];
    let spec = table::Spec {
        screen: Screen::Contacts,
        title: Line::from(title),
        headers: &headers,
        widths: &widths,
    };
    table::draw(frame, app, list, theme, spec, |i| {
        let Some(person) = app.data.people.get(i) else {
            return Row::default();
        };
        Row::new(vec![
            Cell::from(safe(&person.name).into_owned()),
            Cell::from(app.tr(person_role(person.role))),
            Cell::from(safe(&person.city).into_owned()),
        ])
    });
    let selected = app
        .selected(Screen::Contacts)
        .and_then(|i| app.data.people.get(i));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border);
    let lines = selected.map(|p| detail(app, p, theme)).unwrap_or_default();
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        detail_area,
    );
}

fn detail(app: &App, person: &Person, theme: &Theme) -> Vec<Line<'static>> {
    let field = |label: Msg, value: String| {
        Line::from(vec![
            Span::styled(format!("{}: ", app.tr(label)), theme.dim),
            Span::styled(value, theme.text),
        ])
    };
    let mut lines = vec![
        Line::from(Span::styled(safe(&person.name).into_owned(), theme.title)),
        Line::from(Span::styled(
            app.tr(person_role(person.role)).to_owned(),
            theme.dim,
        )),
        Line::default(),
    ];
    for email in &person.emails {
        lines.push(field(Msg::FieldEmail, safe(email).into_owned()));
    }
    for phone in &person.phones {
        lines.push(field(Msg::FieldPhone, safe(phone).into_owned()));
    }
    if !person.city.is_empty() {
        let place = format!("{} ({})", safe(&person.city), safe(&person.departement));
        lines.push(field(Msg::FieldCity, place));
    }
    if !person.organisation.is_empty() {
        lines.push(field(
            Msg::FieldOrganisation,
            safe(&person.organisation).into_owned(),
        ));
    }
    if let Some(project) = &person.project {
        let text = format!(
            "{} · {} · {}",
            safe(&project.name),
            app.tr(place(project.kind)),
            app.tr(phase(project.phase))
        );
        lines.push(field(Msg::ColProject, text));
    }
    for note in &person.notes {
        let mut spans = vec![Span::styled("• ", theme.dim)];
        if note.confidential {
            spans.push(Span::styled(
                format!("[{}] ", app.tr(Msg::Confidential)),
                theme.warn,
            ));
        }
        spans.push(Span::styled(safe(&note.text).into_owned(), theme.text));
        lines.push(Line::from(spans));
    }
    lines
}
