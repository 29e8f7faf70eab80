//! The speaking round and the codevelopment session, each with its timer. The time left is read
//! from `app.now` and the timer's state in the app.

use super::clock;
use crate::app::App;
use crate::app::circle::{Speakers, active};
use crate::domain::Period;
use crate::domain::round::{CodevStep, Timer, Turn};
use crate::i18n::{Msg, fill};
use crate::ui::table::above_list;
use crate::ui::text::{person_name, safe};
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// The timer's line: the time left (or over), and whether it runs.
fn timer_line(app: &App, timer: &Timer, theme: &Theme) -> Line<'static> {
    let left = timer.left(app.now);
    let (text, style) = if timer.is_over(app.now) {
        (
            fill(app.tr(Msg::TimeOver), &[("time", &clock(-left))]),
            theme.error,
        )
    } else {
        (
            fill(app.tr(Msg::TimeLeft), &[("time", &clock(left))]),
            theme.title,
        )
    };
    let state = app.tr(if timer.running() {
        Msg::TimerRunning
    } else {
        Msg::TimerPaused
    });
    Line::from(vec![
        Span::styled(format!(" ⏱ {text} "), style),
        Span::styled(format!("({state})"), theme.dim),
    ])
}

fn framed<'a>(title: String, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(title, theme.title))
}

/// Draws the speaking round: the timer of the speaker, then the order with each turn.
pub fn round(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let Some(round) = &app.circle.round else {
        return;
    };
    let (top, list) = above_list(area, app);
    let mut head = match round.speaker() {
        Some(speaker) => vec![
            Line::from(vec![
                Span::styled(format!(" {} ", app.label(Msg::Speaking)), theme.key),
                Span::styled(person_name(app, speaker).into_owned(), theme.title),
            ]),
            timer_line(app, &round.timer, theme),
        ],
        None => vec![Line::from(Span::styled(
            format!(" {}", app.tr(Msg::RoundDone)),
            theme.good,
        ))],
    };
    let from = match app.circle.speakers {
        Speakers::RollCall(Period::Morning) => Msg::RoundFromMorning,
        Speakers::RollCall(Period::Afternoon) => Msg::RoundFromAfternoon,
        Speakers::Cohort => Msg::RoundFromCohort,
    };
    let n = round.order.len().to_string();
    head.push(Line::from(Span::styled(
        format!(" {}", fill(app.tr(from), &[("n", &n)])),
        theme.dim,
    )));
    frame.render_widget(Paragraph::new(head), top);
    let lines: Vec<Line> = round
        .order
        .iter()
        .zip(&round.turns)
        .enumerate()
        .map(|(i, (person, turn))| {
            let (mark, style): (&str, Style) = match turn {
                _ if i == round.current => ("▶", theme.selected),
                Turn::Waiting => (" ", theme.text),
                Turn::Spoke => ("✓", theme.dim),
                Turn::Skipped => ("–", theme.dim),
            };
            let word = match turn {
                Turn::Spoke => format!(" ({})", app.tr(Msg::TurnSpoke)),
                Turn::Skipped => format!(" ({})", app.tr(Msg::TurnSkipped)),
                Turn::Waiting => String::new(),
            };
            Line::from(Span::styled(
                format!(" {mark} {:>2}. {}{word}", i + 1, person_name(app, person)),
                style,
            ))
        })
        .collect();
    let title = fill(
        app.tr(Msg::RoundTitle),
        &[("minutes", &app.circle.round_minutes.to_string())],
    );
    frame.render_widget(
        Paragraph::new(lines).block(framed(format!(" {title} "), theme)),
        list,
    );
}

/// The name of a codevelopment step.
pub fn step_msg(step: CodevStep) -> Msg {
    match step {
        CodevStep::Expose => Msg::StepExpose,
        CodevStep::Clarify => Msg::StepClarify,
        CodevStep::Contract => Msg::StepContract,
        CodevStep::Consult => Msg::StepConsult,
        CodevStep::ActionPlan => Msg::StepActionPlan,
        CodevStep::Learnings => Msg::StepLearnings,
    }
}

/// Draws the codevelopment session: choosing the people, or the six steps under way.
pub fn codev(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let state = &app.circle.codev;
    let (top, list) = above_list(area, app);
    let Some(session) = &state.session else {
        let people = active(app);
        let count = usize::from(state.client.is_some()) + state.consultants.len();
        let client = state
            .client
            .as_ref()
            .map_or_else(|| "–".to_owned(), |c| person_name(app, c).into_owned());
        let head = fill(
            app.tr(Msg::CodevSetup),
            &[("client", &client), ("n", &count.to_string())],
        );
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {head}"), theme.text)),
            top,
        );
        let rows = usize::from(list.height.saturating_sub(2));
        let lines: Vec<Line> = people
            .iter()
            .enumerate()
            .skip(state.cursor.offset)
            .take(rows)
            .map(|(i, p)| {
                let role = if state.client.as_ref() == Some(p) {
                    format!("[{}]", app.tr(Msg::CodevClient))
                } else if state.consultants.contains(p) {
                    format!("[{}]", app.tr(Msg::CodevConsultant))
                } else {
                    String::new()
                };
                let style = if i == state.cursor.selected {
                    theme.selected
                } else {
                    theme.text
                };
                Line::from(Span::styled(
                    format!(" {} {role}", person_name(app, p)),
                    style,
                ))
            })
            .collect();
        let title = format!(" {} ", app.tr(Msg::ViewCodev));
        frame.render_widget(Paragraph::new(lines).block(framed(title, theme)), list);
        return;
    };
    let head = fill(
        app.tr(Msg::CodevUnderWay),
        &[
            ("client", &person_name(app, &session.client)),
            ("n", &session.consultants.len().to_string()),
        ],
    );
    frame.render_widget(
        Paragraph::new(Span::styled(format!(" {head}"), theme.text)),
        top,
    );
    let mut lines: Vec<Line> = Vec::new();
    for (i, step) in CodevStep::ALL.iter().enumerate() {
        let (mark, style) = match i.cmp(&session.step) {
            std::cmp::Ordering::Less => ("✓", theme.dim),
            std::cmp::Ordering::Equal => ("▶", theme.selected),
            std::cmp::Ordering::Greater => (" ", theme.text),
        };
        lines.push(Line::from(Span::styled(
            format!(
                " {mark} {}. {} ({} min)",
                i + 1,
                app.tr(step_msg(*step)),
                session.minutes[i]
            ),
            style,
        )));
        // The notes' first line, so that the pad of each step shows it holds something.
        if let Some(first) = session.notes[i].lines().find(|l| !l.trim().is_empty()) {
            lines.push(Line::from(Span::styled(
                format!("     ✎ {}", safe(first)),
                theme.dim,
            )));
        }
    }
    lines.push(Line::default());
    if session.current().is_some() {
        lines.push(timer_line(app, &session.timer, theme));
    } else {
        lines.push(Line::from(Span::styled(
            format!(" {}", app.tr(Msg::CodevDone)),
            theme.good,
        )));
    }
    let total = fill(
        app.tr(Msg::CodevTotal),
        &[("minutes", &session.total_minutes().to_string())],
    );
    let title = format!(" {} · {total} ", app.tr(Msg::ViewCodev));
    frame.render_widget(Paragraph::new(lines).block(framed(title, theme)), list);
}
