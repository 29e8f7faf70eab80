//! The offers and requests with the matches the circle suggests, and the exchanges.

use super::{NOT_YET, not_yet};
use crate::app::App;
use crate::app::circle::{item_suggestions, match_line, topic_label};
use crate::domain::knowledge::KnowledgeKind;
use crate::domain::{Cohort, Note};
use crate::i18n::{Msg, fill};
use crate::ui::table::above_list;
use crate::ui::table::{self, Columns};
use crate::ui::text::{person_name, safe};
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row};

/// A note as shown: marked when confidential (it never leaves through an export).
pub fn note_text(app: &App, note: &Note) -> String {
    if note.confidential {
        format!("[{}] {}", app.tr(Msg::Confidential), safe(&note.text))
    } else {
        safe(&note.text).into_owned()
    }
}

/// Draws the offers and requests, the selected one's note and suggested matches above.
pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let Some(cohort) = app.cohort() else {
        return;
    };
    let (top, list) = above_list(area, app);
    let listing = &app.circle.knowledge;
    frame.render_widget(Paragraph::new(head(app, cohort, theme)), top);
    let columns = Columns {
        title: Line::from(Span::styled(
            super::super::table::counted(app.tr(Msg::ViewKnowledge), listing),
            theme.title,
        )),
        headers: &[
            Msg::ColMatch,
            Msg::ColWho,
            Msg::ColKind,
            Msg::ColTitle,
            Msg::ColTag,
        ],
        widths: &[
            Constraint::Length(2),
            Constraint::Fill(2),
            Constraint::Length(9),
            Constraint::Fill(4),
            Constraint::Length(5),
        ],
    };
    let all = cohort_suggestions(app, cohort);
    table::draw_list(
        frame,
        app,
        list,
        theme,
        &columns,
        (listing.rows.len(), listing.cursor),
        |n| {
            let item = &cohort.knowledge[listing.rows[n]];
            let meets = all.iter().any(|(o, r)| *o == item.id || *r == item.id);
            let kind = if item.kind == KnowledgeKind::Offer {
                Msg::KindOffer
            } else {
                Msg::KindRequest
            };
            let mark = if not_yet(cohort, &item.person) {
                NOT_YET
            } else {
                ""
            };
            let confidential = if item.note.as_ref().is_some_and(|n| n.confidential) {
                format!(" [{}]", app.tr(Msg::Confidential))
            } else {
                String::new()
            };
            Row::new(vec![
                Cell::from(if meets { "⇄" } else { "" }),
                Cell::from(format!("{mark}{}", person_name(app, &item.person))),
                Cell::from(app.tr(kind)),
                Cell::from(format!("{}{confidential}", safe(&item.title))),
                Cell::from(
                    item.topic
                        .as_ref()
                        .map(|t| topic_label(app, t))
                        .unwrap_or_default(),
                ),
            ])
        },
    );
}

/// The selected item's note and the first match suggested for it.
fn head(app: &App, cohort: &Cohort, theme: &Theme) -> Vec<Line<'static>> {
    let selected = app
        .circle
        .knowledge
        .selected()
        .and_then(|n| cohort.knowledge.get(n));
    let mut head = Vec::new();
    if let Some(item) = selected {
        let note = item
            .note
            .as_ref()
            .map_or_else(|| "–".to_owned(), |n| note_text(app, n));
        head.push(Line::from(vec![
            Span::styled(format!(" {} ", app.label(Msg::FieldNote)), theme.key),
            Span::styled(note, theme.text),
        ]));
        let found = item_suggestions(app, &item.id);
        match found.first() {
            Some(first) => {
                let how = how_it_meets(app, first);
                head.push(Line::from(vec![
                    Span::styled(format!(" ⇄ {} ", app.label(Msg::Suggested)), theme.good),
                    Span::styled(safe(&match_line(app, first)).into_owned(), theme.text),
                ]));
                let more = if found.len() > 1 {
                    fill(
                        app.tr(Msg::MoreMatches),
                        &[("n", &(found.len() - 1).to_string())],
                    )
                } else {
                    String::new()
                };
                head.push(Line::from(Span::styled(
                    format!(
                        "   {how}{more} · {} {}",
                        app.label(Msg::KeyNameEnter),
                        app.tr(Msg::KeyPutInTouch)
                    ),
                    theme.dim,
                )));
            }
            None => head.push(Line::from(Span::styled(
                format!(" {}", app.tr(Msg::NoMatchSuggested)),
                theme.dim,
            ))),
        }
    }
    head
}

fn cohort_suggestions(
    app: &App,
    cohort: &Cohort,
) -> Vec<(crate::domain::KnowledgeId, crate::domain::KnowledgeId)> {
    crate::domain::circle::suggestions(cohort, &app.data.programme)
        .into_iter()
        .map(|s| (s.offer, s.request))
        .collect()
}

/// How a suggestion meets: by tag, by words, or both.
fn how_it_meets(app: &App, suggestion: &crate::domain::circle::Suggestion) -> String {
    let mut parts = Vec::new();
    if suggestion.by_tag {
        parts.push(app.tr(Msg::ByTag).to_owned());
    }
    if !suggestion.words.is_empty() {
        parts.push(fill(
            app.tr(Msg::ByWords),
            &[("words", &suggestion.words.join(", "))],
        ));
    }
    parts.join(" · ")
}

/// The selected exchange in full: who took part, and its evaluation.
fn exchange_head(
    app: &App,
    exchange: &crate::domain::knowledge::Exchange,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let people = exchange
        .people
        .iter()
        .map(|p| person_name(app, p).into_owned())
        .collect::<Vec<_>>()
        .join(", ");
    let evaluation = evaluations_text(app, exchange).unwrap_or_else(|| "–".to_owned());
    let label = |msg: Msg| format!(" {} ", app.label(msg));
    vec![
        Line::from(vec![
            Span::styled(label(Msg::FieldPeople), theme.key),
            Span::styled(people, theme.text),
        ]),
        Line::from(vec![
            Span::styled(label(Msg::ColEvaluation), theme.key),
            Span::styled(evaluation, theme.text),
        ]),
    ]
}

/// The evaluations of an exchange the user may read, in words: on a trainee's copy her own
/// (each participant evaluates for herself, and notes are not shared between them); for the
/// trainers every one, each with who made it. `None` when there is none to show.
fn evaluations_text(app: &App, exchange: &crate::domain::knowledge::Exchange) -> Option<String> {
    let one = |e: &crate::domain::knowledge::Evaluation| {
        let word = app.tr(if e.useful {
            Msg::UsefulYes
        } else {
            Msg::UsefulNo
        });
        if e.note.text.is_empty() {
            word.to_owned()
        } else {
            format!("{word} · {}", note_text(app, &e.note))
        }
    };
    if app.trainee_copy() {
        let me = app.config.me.as_ref()?;
        return exchange.evaluation_by(me).map(one);
    }
    let all: Vec<String> = exchange
        .evaluations
        .iter()
        .map(|e| match &e.by {
            Some(by) if exchange.evaluations.len() > 1 => {
                format!(
                    "{} {}",
                    crate::i18n::format::label(&person_name(app, by), app.lang()),
                    one(e)
                )
            }
            _ => one(e),
        })
        .collect();
    (!all.is_empty()).then(|| all.join(" | "))
}

/// Draws the exchanges with their evaluation.
pub fn exchanges(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let Some(cohort) = app.cohort() else {
        return;
    };
    let (top, area) = above_list(area, app);
    let listing = &app.circle.exchanges;
    if let Some(exchange) = listing.selected().and_then(|n| cohort.exchanges.get(n)) {
        frame.render_widget(Paragraph::new(exchange_head(app, exchange, theme)), top);
    }
    let columns = Columns {
        title: Line::from(Span::styled(
            table::counted(app.tr(Msg::ViewExchanges), listing),
            theme.title,
        )),
        headers: &[
            Msg::ColDate,
            Msg::ColFormat,
            Msg::ColPeople,
            Msg::ColAbout,
            Msg::ColEvaluation,
        ],
        widths: &[
            Constraint::Length(10),
            Constraint::Length(14),
            Constraint::Fill(3),
            Constraint::Fill(3),
            Constraint::Fill(3),
        ],
    };
    // A value cut by its column ends with "…" at a word, never in the middle of one.
    let room = super::super::table::column_widths(area, columns.widths);
    let fit = |column: usize, text: &str| {
        crate::ui::text::shorten(text, room.get(column).copied().unwrap_or(0)).into_owned()
    };
    table::draw_list(
        frame,
        app,
        area,
        theme,
        &columns,
        (listing.rows.len(), listing.cursor),
        |n| {
            let Some(exchange) = listing.rows.get(n).and_then(|&i| cohort.exchanges.get(i)) else {
                return Row::default();
            };
            let people = exchange
                .people
                .iter()
                .map(|p| person_name(app, p).into_owned())
                .collect::<Vec<_>>()
                .join(", ");
            let about = [&exchange.offer, &exchange.request]
                .into_iter()
                .flatten()
                .find_map(|id| cohort.knowledge.iter().find(|k| &k.id == id))
                .map_or_else(String::new, |k| safe(&k.title).into_owned());
            let (evaluation, style) = match evaluations_text(app, exchange) {
                Some(text) => (text, theme.text),
                None if exchange.date > app.today => (app.tr(Msg::Upcoming).to_owned(), theme.dim),
                None => (app.tr(Msg::ToEvaluate).to_owned(), theme.warn),
            };
            Row::new(vec![
                Cell::from(exchange.date.format("%d/%m/%Y").to_string()),
                Cell::from(fit(
                    1,
                    app.tr(crate::i18n::words::exchange_format(exchange.format)),
                )),
                Cell::from(fit(2, &people)),
                Cell::from(fit(3, &about)),
                Cell::from(Span::styled(fit(4, &evaluation), style)),
            ])
        },
    );
}
