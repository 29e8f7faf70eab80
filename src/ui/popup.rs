//! Popups over the screen: questions, the cohort picker and forms.

use super::text::safe;
use super::theme::Theme;
use crate::app::App;
use crate::app::form::{FieldKind, Form, Purpose};
use crate::app::list::Cursor;
use crate::i18n::Msg;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

/// A rectangle of at most `width`×`height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

fn framed<'a>(title: &str, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.title)
        .title(Span::styled(format!(" {title} "), theme.title))
}

/// A yes/no question.
pub fn question(frame: &mut Frame, app: &App, area: Rect, text: &str, theme: &Theme) {
    let popup = centered(area, 60, 7);
    let body = vec![
        Line::from(Span::styled(safe(text).into_owned(), theme.text)),
        Line::default(),
        Line::from(vec![
            Span::styled("y", theme.key),
            Span::styled(format!(" {}   ", app.tr(Msg::KeyYes)), theme.dim),
            Span::styled("n", theme.key),
            Span::styled(format!(" {}", app.tr(Msg::KeyNo)), theme.dim),
        ]),
    ];
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(body)
            .block(framed(app.tr(Msg::ConfirmTitle), theme))
            .wrap(Wrap { trim: true }),
        popup,
    );
}

/// The list of cohorts to choose the current one.
pub fn cohort_picker(frame: &mut Frame, app: &App, area: Rect, cursor: Cursor, theme: &Theme) {
    let cohorts = &app.data.cohorts;
    let height = u16::try_from(cohorts.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let popup = centered(area, 60, height.min(area.height.saturating_sub(2)));
    let rows = usize::from(popup.height.saturating_sub(2));
    let current = app.cohort().map(|c| &c.id);
    let lines: Vec<Line> = cohorts
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(rows)
        .map(|(i, c)| {
            let mark = if Some(&c.id) == current { "● " } else { "  " };
            let text = format!("{mark}{}  {} – {}", safe(&c.name), c.start, c.end);
            let style = if i == cursor.selected {
                theme.selected
            } else {
                theme.text
            };
            Line::from(Span::styled(text, style))
        })
        .collect();
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(framed(app.tr(Msg::CohortPickerTitle), theme)),
        popup,
    );
}

/// A short list to choose from.
pub fn choice(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    choice: &crate::app::Choice,
    theme: &Theme,
) {
    let height = u16::try_from(choice.options.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let widest = choice
        .options
        .iter()
        .map(|o| Line::from(o.as_str()).width())
        .max()
        .unwrap_or(0);
    let width = u16::try_from(widest + 4).unwrap_or(u16::MAX).clamp(44, 76);
    let popup = centered(area, width, height.min(area.height.saturating_sub(2)));
    let rows = usize::from(popup.height.saturating_sub(2)).max(1);
    // Long lists (people to enrol) scroll so that the selection stays in view.
    let skip = (choice.cursor.selected + 1).saturating_sub(rows);
    let lines: Vec<Line> = choice
        .options
        .iter()
        .enumerate()
        .skip(skip)
        .take(rows)
        .map(|(i, option)| {
            let style = if i == choice.cursor.selected {
                theme.selected
            } else {
                theme.text
            };
            Line::from(Span::styled(format!(" {} ", safe(option)), style))
        })
        .collect();
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(framed(app.tr(choice.title), theme)),
        popup,
    );
}

/// The "who am I?" list: the current cohort's trainers and trainees.
pub fn me_picker(frame: &mut Frame, app: &App, area: Rect, cursor: Cursor, theme: &Theme) {
    let people = app.cohort_people();
    let height = u16::try_from(people.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let popup = centered(area, 50, height.min(area.height.saturating_sub(2)));
    let rows = usize::from(popup.height.saturating_sub(2));
    let lines: Vec<Line> = people
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(rows)
        .map(|(i, person)| {
            let mark = if app.config.me.as_ref() == Some(&person.id) {
                "● "
            } else {
                "  "
            };
            let role = app.tr(super::text::person_role(person.role));
            let style = if i == cursor.selected {
                theme.selected
            } else {
                theme.text
            };
            Line::from(Span::styled(
                format!("{mark}{}  ({role})", safe(&person.name)),
                style,
            ))
        })
        .collect();
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(framed(app.tr(Msg::MePickerTitle), theme)),
        popup,
    );
}

/// A form: one labelled field per row, the focused one editable, errors inline.
pub fn form(frame: &mut Frame, app: &App, area: Rect, form: &Form, theme: &Theme) {
    let title = match &form.purpose {
        Purpose::NewPerson => app.tr(Msg::NewPersonTitle).to_owned(),
        Purpose::EditPerson(_) => app.tr(Msg::EditPersonTitle).to_owned(),
        Purpose::Tutoring(kind) => super::tutoring_detail::form_title(app, kind),
        Purpose::NewSeminar => app.tr(Msg::NewSeminarTitle).to_owned(),
        Purpose::EditSeminar(_) => app.tr(Msg::EditSeminarTitle).to_owned(),
        Purpose::FollowUp(_) => app.tr(Msg::FollowUpTitle).to_owned(),
        Purpose::ExcuseReason(..) => app.tr(Msg::ExcuseTitle).to_owned(),
        Purpose::ChangeReason(..) => app.tr(Msg::FieldChangeReason).to_owned(),
        Purpose::Remark(..) => app.tr(Msg::FieldRemark).to_owned(),
        Purpose::EditMark(..) => app.tr(Msg::FormTitle).to_owned(),
        Purpose::NewTrainee => app.tr(Msg::EnrolTitle).to_owned(),
        Purpose::Departure(_) => app.tr(Msg::DepartureTitle).to_owned(),
        Purpose::Knowledge(None) => app.tr(Msg::NewKnowledgeTitle).to_owned(),
        Purpose::Knowledge(Some(_)) => app.tr(Msg::EditKnowledgeTitle).to_owned(),
        Purpose::PutInTouch(..) => app.tr(Msg::PutInTouchTitle).to_owned(),
        Purpose::Evaluate(_) => app.tr(Msg::EvaluateTitle).to_owned(),
        Purpose::Evidence(..) => app.tr(Msg::EvidenceTitle).to_owned(),
        Purpose::Candidacy(_) => app.tr(Msg::CandidacyTitle).to_owned(),
        Purpose::Funding(..) => app.tr(Msg::FundingTitle).to_owned(),
    };
    let wanted = u16::try_from(form.fields.len() * 2 + 3).unwrap_or(u16::MAX);
    let popup = centered(area, 70, wanted);
    frame.render_widget(Clear, popup);
    let block = framed(&title, theme);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let label_width = 16u16.min(inner.width / 3);
    for (n, field) in form.fields.iter().enumerate() {
        let y = inner.y + u16::try_from(n * 2).unwrap_or(u16::MAX);
        if y >= inner.y + inner.height {
            break;
        }
        let focused = n == form.focus;
        let mut label = app.tr(field.label).to_owned();
        if field.kind.is_required() {
            label.push_str(" *");
        }
        let label_style = if focused { theme.key } else { theme.dim };
        frame.render_widget(
            Paragraph::new(Span::styled(label, label_style)),
            Rect::new(inner.x, y, label_width, 1),
        );
        let input_area = Rect::new(
            inner.x + label_width,
            y,
            inner.width.saturating_sub(label_width),
            1,
        );
        if let FieldKind::Choice(options) = field.kind {
            let word = options.get(field.choice).map_or("", |m| app.tr(*m));
            let mut spans = vec![Span::styled(
                format!("◂ {word} ▸"),
                if focused { theme.selected } else { theme.text },
            )];
            if focused {
                spans.push(Span::styled(
                    format!("  {}", app.tr(Msg::FieldChoiceHint)),
                    theme.dim,
                ));
            }
            frame.render_widget(Paragraph::new(Line::from(spans)), input_area);
        } else if focused {
            let mut input = field.input.clone();
            input.set_cursor_line_style(theme.text);
            input.set_cursor_style(theme.selected);
            frame.render_widget(&input, input_area);
        } else {
            let text = field.input.lines().join(" ⏎ ");
            frame.render_widget(
                Paragraph::new(safe(&text).into_owned()).style(theme.text),
                input_area,
            );
        }
        if let Some(error) = field.error {
            let line = Line::from(Span::styled(format!("↳ {}", app.tr(error)), theme.error));
            let error_area = Rect::new(input_area.x, y + 1, input_area.width, 1);
            if error_area.y < inner.y + inner.height {
                frame.render_widget(Paragraph::new(line), error_area);
            }
        }
    }
}
