//! The cohort drawn as a circle: each trainee a point with their name, the selected one
//! highlighted, and a line between people who exchanged knowledge (doubled for several).

use super::shape::{NAME_GAP, Shape, reach};
use super::{NOT_YET, exchanged_with, not_yet, state_span, training_state};
use crate::app::circle::{selected_trainee, topic_label};
use crate::app::{App, Screen};
use crate::domain::circle::links;
use crate::domain::knowledge::KnowledgeKind;
use crate::domain::{Cohort, PersonId};
use crate::i18n::Msg;
use crate::ui::text::{phase, place, safe};
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Circle, Context, Line as Segment};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// Draws the circle on the left and the selected trainee on the right.
pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let Some(cohort) = app.cohort() else {
        frame.render_widget(Paragraph::new(app.tr(Msg::NoCohort)), area);
        return;
    };
    let detail_width = (area.width * 2 / 5).clamp(24.min(area.width), 56);
    let circle_area = Rect {
        width: area.width - detail_width,
        ..area
    };
    let detail_area = Rect {
        x: area.x + circle_area.width,
        width: detail_width,
        ..area
    };
    circle(frame, app, cohort, circle_area, theme);
    detail(frame, app, cohort, detail_area, theme);
}

/// The trainees shown (the filter applies), with their position in the roster.
fn shown(app: &App, cohort: &Cohort) -> Vec<(usize, PersonId)> {
    app.circle
        .listing
        .rows
        .iter()
        .filter_map(|&i| cohort.trainees.get(i).map(|id| (i, id.clone())))
        .collect()
}

/// The label of a trainee: the full name where there is room, else the first name.
fn label(app: &App, id: &PersonId, full: bool) -> String {
    let name = app.data.person(id).map_or(id.as_str(), |p| p.name.as_str());
    let name = if full {
        name
    } else {
        name.split_whitespace().next().unwrap_or(name)
    };
    safe(name).into_owned()
}

#[allow(clippy::cast_precision_loss)] // a few dozen points on a terminal
fn circle(frame: &mut Frame, app: &App, cohort: &Cohort, area: Rect, theme: &Theme) {
    let title = Line::from(vec![
        Span::styled(
            crate::ui::table::title(app, Screen::Circle, app.tr(Msg::ScreenCircle)),
            theme.title,
        ),
        state_span(app, cohort, theme),
    ]);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(title);
    let inner = block.inner(area);
    let people = shown(app, cohort);
    if people.is_empty() || inner.width < 4 || inner.height < 3 {
        let empty = Paragraph::new(format!("\n{}", app.tr(Msg::EmptyList)))
            .style(theme.dim)
            .block(block);
        frame.render_widget(empty, area);
        return;
    }
    let full = inner.width >= 60;
    let selected = selected_trainee(app);
    let names: Vec<String> = people
        .iter()
        .map(|(_, id)| name_text(app, cohort, id, selected.as_ref() == Some(id), full))
        .collect();
    let widths: Vec<f64> = names
        .iter()
        .map(|name| Line::from(name.as_str()).width() as f64)
        .collect();
    let shape = Shape::fit(inner, &widths);
    let (radius, n) = (shape.radius, people.len());
    let point = |k: usize, r: f64| shape.point(k, n, r);
    let (width, height) = (
        f64::from(shape.area.width.saturating_sub(1)),
        f64::from(shape.area.height.saturating_sub(1)) * 2.0,
    );
    let line_color = theme.dim.fg.unwrap_or(Color::Reset);
    let strong_color = theme.title.fg.unwrap_or(Color::Reset);
    let point_color = theme.text.fg.unwrap_or(Color::Reset);
    let pairs = links(cohort);
    let position = |id: &PersonId| people.iter().position(|(_, p)| p == id);
    frame.render_widget(block, area);
    let canvas = Canvas::default()
        .marker(Marker::Braille)
        .x_bounds([0.0, width])
        .y_bounds([0.0, height])
        .paint(|ctx| {
            for ((a, b), count) in &pairs {
                let (Some(a), Some(b)) = (position(a), position(b)) else {
                    continue;
                };
                let ((x1, y1, _), (x2, y2, _)) = (point(a, radius), point(b, radius));
                let color = if *count > 1 { strong_color } else { line_color };
                ctx.draw(&Segment::new(x1, y1, x2, y2, color));
                if *count > 1 {
                    // Several exchanges: a doubled, stronger line.
                    ctx.draw(&Segment::new(x1 + 0.5, y1 + 0.5, x2 + 0.5, y2 + 0.5, color));
                }
            }
            ctx.layer();
            for (k, (_, id)) in people.iter().enumerate() {
                let (x, y, _) = point(k, radius);
                let is_selected = selected.as_ref() == Some(id);
                let r = if is_selected { 1.2 } else { 0.5 };
                ctx.draw(&Circle::new(x, y, r, point_color));
            }
            for (k, (_, id)) in people.iter().enumerate() {
                let style = if selected.as_ref() == Some(id) {
                    theme.selected
                } else if cohort.departure(id).is_some() {
                    theme.dim
                } else {
                    theme.text
                };
                let text = Line::from(Span::styled(names[k].clone(), style));
                print_name(ctx, text, widths[k], point(k, radius + NAME_GAP));
            }
        });
    frame.render_widget(canvas, shape.area);
}

/// A trainee's name as drawn: the pointer when selected, the mark of who has not brought an
/// offer and a request yet, "(me)".
fn name_text(app: &App, cohort: &Cohort, id: &PersonId, selected: bool, full: bool) -> String {
    let mark = if not_yet(cohort, id) { NOT_YET } else { "" };
    let pointer = if selected { "▶" } else { "" };
    let me = if app.config.me.as_ref() == Some(id) {
        format!(" {}", app.tr(Msg::MeMark))
    } else {
        String::new()
    };
    format!("{pointer}{mark}{}{me}", label(app, id, full))
}

/// A name beside its point: to the right of points on the right, to the left on the left.
fn print_name(ctx: &mut Context, text: Line<'static>, width: f64, (x, y, cos): (f64, f64, f64)) {
    let (left, _) = reach(cos, width);
    ctx.print((x - left).max(0.0), y, text);
}

fn detail(frame: &mut Frame, app: &App, cohort: &Cohort, area: Rect, theme: &Theme) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border);
    let Some(id) = selected_trainee(app) else {
        frame.render_widget(block, area);
        return;
    };
    let person = app.data.person(&id);
    let mut lines = vec![Line::from(Span::styled(
        person.map_or_else(|| id.to_string(), |p| safe(&p.name).into_owned()),
        theme.title,
    ))];
    if let Some(project) = person.and_then(|p| p.project.as_ref()) {
        lines.push(Line::from(Span::styled(
            format!(
                "{} · {} · {}",
                safe(&project.name),
                app.tr(place(project.kind)),
                app.tr(phase(project.phase))
            ),
            theme.text,
        )));
    }
    if let Some(p) = person.filter(|p| !p.city.is_empty()) {
        lines.push(Line::from(Span::styled(
            format!("{} ({})", safe(&p.city), safe(&p.departement)),
            theme.text,
        )));
    }
    lines.push(Line::from(Span::styled(
        training_state(app, cohort, &id),
        theme.dim,
    )));
    for (kind, word) in [
        (KnowledgeKind::Offer, Msg::Offers),
        (KnowledgeKind::Request, Msg::Requests),
    ] {
        let items: Vec<String> = cohort
            .knowledge
            .iter()
            .filter(|k| k.person == id && k.kind == kind)
            .map(|k| {
                let tag = k
                    .topic
                    .as_ref()
                    .map(|t| format!(" [{}]", topic_label(app, t)))
                    .unwrap_or_default();
                format!("  {}{tag}", safe(&k.title))
            })
            .collect();
        lines.push(Line::from(Span::styled(app.label(word), theme.key)));
        if items.is_empty() {
            lines.push(Line::from(Span::styled(
                format!("  {NOT_YET} {}", app.tr(Msg::NothingYet)),
                theme.dim,
            )));
        }
        lines.extend(
            items
                .into_iter()
                .map(|t| Line::from(Span::styled(t, theme.text))),
        );
    }
    let with: Vec<String> = exchanged_with(app, cohort, &id)
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    lines.push(Line::from(vec![
        Span::styled(format!("{} ", app.label(Msg::ExchangedWith)), theme.key),
        Span::styled(
            if with.is_empty() {
                app.tr(Msg::NoExchangeYet).to_owned()
            } else {
                with.join(", ")
            },
            theme.text,
        ),
    ]));
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        format!("{NOT_YET} {}", app.tr(Msg::NotYetLegend)),
        theme.dim,
    )));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}
