//! Popups over the screen: questions, the cohort picker and forms.

use super::text::safe;
use super::theme::Theme;
use crate::app::App;
use crate::app::Form;
use crate::app::Purpose;
use crate::app::circle::CircleForm;
use crate::app::contacts::ContactsForm;
use crate::app::form::FieldKind;
use crate::app::list::Cursor;
use crate::app::modules::ModulesForm;
use crate::i18n::Msg;
use crate::i18n::format::date;
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

pub(super) fn framed<'a>(title: &str, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.title)
        .title(Span::styled(format!(" {title} "), theme.title))
}

/// The rows `text` takes wrapped at `width` columns, paragraphs (`\n`) apart.
fn wrapped_rows(text: &str, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let rows: usize = text
        .split('\n')
        .map(|line| Line::from(line).width().div_ceil(width).max(1))
        .sum();
    u16::try_from(rows).unwrap_or(u16::MAX)
}

/// The lines of a text with paragraphs, made safe to print.
fn paragraphs<'a>(text: &str, theme: &Theme) -> Vec<Line<'a>> {
    text.split('\n')
        .map(|line| Line::from(Span::styled(safe(line).into_owned(), theme.text)))
        .collect()
}

/// A message to read in full (where a file was written); any key closes it.
pub fn told(frame: &mut Frame, app: &App, area: Rect, told: (Msg, &str), theme: &Theme) {
    let (title, text) = told;
    let width = area.width.min(72);
    // A long path wraps anywhere: give it room.
    let height = wrapped_rows(text, width.saturating_sub(6)) + 4;
    let popup = centered(area, width, height);
    let mut body = paragraphs(text, theme);
    body.push(Line::default());
    body.push(Line::from(vec![
        Span::styled(
            crate::app::keymap::code(ratatui::crossterm::event::KeyCode::Enter)
                .label_in(app.lang()),
            theme.key,
        ),
        Span::styled(format!(" {}", app.tr(Msg::KeyClose)), theme.dim),
    ]));
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(body)
            .block(framed(app.tr(title), theme))
            .wrap(Wrap { trim: true }),
        popup,
    );
}

/// A yes/no question.
pub fn question(frame: &mut Frame, app: &App, area: Rect, text: &str, theme: &Theme) {
    let width = area.width.min(if text.contains('\n') { 72 } else { 60 });
    let height = (wrapped_rows(text, width.saturating_sub(6)) + 4).max(7);
    let popup = centered(area, width, height);
    let mut body = paragraphs(text, theme);
    body.extend([
        Line::default(),
        Line::from(vec![
            Span::styled("y", theme.key),
            Span::styled(format!(" {}   ", app.tr(Msg::KeyYes)), theme.dim),
            Span::styled("n", theme.key),
            Span::styled(format!(" {}", app.tr(Msg::KeyNo)), theme.dim),
        ]),
    ]);
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
            let (start, end) = (date(c.start), date(c.end));
            let text = format!("{mark}{}  {start} – {end}", safe(&c.name));
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

/// The folder picker: the folder shown in the title, its subfolders, the one highlighted,
/// and why a folder could not be read.
pub fn folder_picker(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    picker: &crate::app::folder_picker::Picker,
    theme: &Theme,
) {
    let popup = centered(area, 76, area.height.saturating_sub(4).clamp(3, 20));
    let rows = usize::from(popup.height.saturating_sub(2)).max(1);
    let mut lines: Vec<Line> = Vec::new();
    if let Some(error) = &picker.error {
        lines.push(Line::from(Span::styled(
            format!(" {}", safe(error)),
            theme.warn,
        )));
    }
    if picker.subfolders.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(" {}", app.tr(Msg::NoSubfolder)),
            theme.dim,
        )));
    }
    let room = rows.saturating_sub(lines.len()).max(1);
    // A long list scrolls so that the highlighted folder stays in view.
    let skip = (picker.cursor.selected + 1).saturating_sub(room);
    lines.extend(
        picker
            .subfolders
            .iter()
            .enumerate()
            .skip(skip)
            .take(room)
            .map(|(i, name)| {
                let style = if i == picker.cursor.selected {
                    theme.selected
                } else {
                    theme.text
                };
                Line::from(Span::styled(format!(" {}/ ", safe(name)), style))
            }),
    );
    let folder = picker.folder.display().to_string();
    let width = usize::from(popup.width.saturating_sub(4));
    // The end of a long path says more than its start: cut at the start, with "…".
    let count = folder.chars().count();
    let folder = if count > width.saturating_sub(24) {
        let keep = width.saturating_sub(25);
        format!(
            "…{}",
            folder
                .chars()
                .skip(count - keep.min(count))
                .collect::<String>()
        )
    } else {
        folder
    };
    let title = crate::i18n::fill(
        app.tr(Msg::FolderPickerTitle),
        &[("folder", &safe(&folder))],
    );
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(framed(&title, theme)), popup);
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

/// A form: one labelled field per row, the focused one editable, errors inline. A form taller
/// than the screen scrolls to keep the focused field in view, one line a field.
pub fn form(frame: &mut Frame, app: &App, area: Rect, form: &Form, theme: &Theme) {
    let title = form_title(app, form);
    let wanted = u16::try_from(form.fields.len() * 2 + 4).unwrap_or(u16::MAX);
    // Two lines a field when they all fit, else one (and one more under a refused field).
    let spacing = if wanted <= area.height { 2 } else { 1 };
    let heights: Vec<u16> = form
        .fields
        .iter()
        .map(|f| spacing.max(1 + u16::from(f.error.is_some())))
        .collect();
    // The fields, the borders and the help line at the bottom.
    let needed = heights.iter().sum::<u16>().saturating_add(3);
    let popup = centered(area, 76, needed);
    frame.render_widget(Clear, popup);
    let block = framed(&title, theme);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let help_area = Rect {
        y: inner.y + inner.height.saturating_sub(1),
        height: inner.height.min(1),
        ..inner
    };
    let inner = Rect {
        height: inner.height.saturating_sub(1),
        ..inner
    };
    let label_width = label_width(app, form, inner.width);
    let mut start = 0;
    while start < form.focus && heights[start..=form.focus].iter().sum::<u16>() > inner.height {
        start += 1;
    }
    let mut y = inner.y;
    for (n, field) in form.fields.iter().enumerate().skip(start) {
        if y >= inner.y + inner.height {
            break;
        }
        draw_field(
            frame,
            app,
            form,
            n,
            Rect::new(inner.x, y, inner.width, 1),
            label_width,
            theme,
        );
        if let Some(error) = field.error {
            let line = Line::from(Span::styled(format!("↳ {}", app.tr(error)), theme.error));
            let error_area = Rect::new(
                inner.x + label_width,
                y + 1,
                inner.width.saturating_sub(label_width),
                1,
            );
            if error_area.y < inner.y + inner.height {
                frame.render_widget(Paragraph::new(line), error_area);
            }
        }
        y += heights[n];
    }
    if let Some(help) = form_help(app, form, label_width) {
        let text = super::text::shorten(&help, usize::from(help_area.width)).into_owned();
        frame.render_widget(Paragraph::new(text).style(theme.dim), help_area);
    }
}

/// A form's title: what it is for.
fn form_title(app: &App, form: &Form) -> String {
    match &form.purpose {
        // Only the person form has consents: its title says how to record them.
        Purpose::Contacts(ContactsForm::NewPerson | ContactsForm::EditPerson(_)) => {
            let name = if form.purpose == Purpose::Contacts(ContactsForm::NewPerson) {
                Msg::NewPersonTitle
            } else {
                Msg::EditPersonTitle
            };
            format!(
                "{} · {}t {}",
                app.tr(name),
                app.tr(Msg::KeyNameCtrl),
                app.tr(Msg::KeyToggleShare)
            )
        }
        Purpose::Tutoring(kind) => super::tutoring::detail::form_title(app, kind),
        Purpose::Modules(ModulesForm::NewSeminar) => app.tr(Msg::NewSeminarTitle).to_owned(),
        Purpose::Modules(ModulesForm::EditSeminar(_)) => app.tr(Msg::EditSeminarTitle).to_owned(),
        Purpose::Modules(ModulesForm::FollowUp(_)) => app.tr(Msg::FollowUpTitle).to_owned(),
        Purpose::Modules(ModulesForm::ExcuseReason(..)) => app.tr(Msg::ExcuseTitle).to_owned(),
        Purpose::Modules(ModulesForm::ChangeReason(..)) => {
            app.tr(Msg::FieldChangeReason).to_owned()
        }
        Purpose::Modules(ModulesForm::Remark(..)) => app.tr(Msg::FieldRemark).to_owned(),
        Purpose::Modules(ModulesForm::EditMark(..)) => app.tr(Msg::FormTitle).to_owned(),
        Purpose::Modules(
            signing @ (ModulesForm::SignLine(..)
            | ModulesForm::Seal(..)
            | ModulesForm::MissingSignature(..)
            | ModulesForm::ResetCode(_)
            | ModulesForm::Withdraw(..)
            | ModulesForm::WithdrawSeal(_)),
        ) => signing_title(app, signing),
        Purpose::Modules(ModulesForm::Organisation) => app.tr(Msg::OrganisationTitle).to_owned(),
        Purpose::Circle(CircleForm::NewTrainee) => app.tr(Msg::EnrolTitle).to_owned(),
        Purpose::Circle(CircleForm::Departure(_)) => app.tr(Msg::DepartureTitle).to_owned(),
        Purpose::Circle(CircleForm::Knowledge(None)) => app.tr(Msg::NewKnowledgeTitle).to_owned(),
        Purpose::Circle(CircleForm::Knowledge(Some(_))) => {
            app.tr(Msg::EditKnowledgeTitle).to_owned()
        }
        Purpose::Circle(CircleForm::PutInTouch(..)) => app.tr(Msg::PutInTouchTitle).to_owned(),
        Purpose::Circle(CircleForm::Evaluate(_)) => app.tr(Msg::EvaluateTitle).to_owned(),
        Purpose::Circle(CircleForm::Evidence(..)) => app.tr(Msg::EvidenceTitle).to_owned(),
        Purpose::Circle(CircleForm::Candidacy(_)) => app.tr(Msg::CandidacyTitle).to_owned(),
        Purpose::Circle(CircleForm::DeclineProposal(_)) => {
            app.tr(Msg::KeyDeclineProposal).to_owned()
        }
        Purpose::Circle(CircleForm::Funding(..)) => app.tr(Msg::FundingTitle).to_owned(),
        Purpose::Circle(CircleForm::CodevNotes(step)) => {
            let step = crate::domain::round::CodevStep::ALL
                .get(*step)
                .map_or("", |s| app.tr(super::circle::step_msg(*s)));
            crate::i18n::fill(app.tr(Msg::CodevNotesTitle), &[("step", step)])
        }
        Purpose::Contacts(ContactsForm::MergePeople { .. }) => app.tr(Msg::MergeTitle).to_owned(),
        Purpose::Contacts(ContactsForm::ImportContacts) => app.tr(Msg::ImportTitle).to_owned(),
        Purpose::Contacts(ContactsForm::ShareWithCohort(_)) => app.tr(Msg::ShareTitle).to_owned(),
        Purpose::ImportBundle => app.tr(Msg::ImportBundleTitle).to_owned(),
        Purpose::SaveCopy => app.tr(Msg::SaveCopyTitle).to_owned(),
    }
}

/// A field's label as written, `*` after a required one.
fn full_label(app: &App, field: &crate::app::form::Field) -> String {
    let mut label = app.tr(field.label).to_owned();
    if field.kind.is_required() {
        label.push_str(" *");
    }
    label
}

/// The labels' column: as wide as the longest label and a space, so that no value touches
/// its label, but at most two fifths of the form; a longer label is shortened there, and
/// shown whole in the help line when its field is focused.
fn label_width(app: &App, form: &Form, width: u16) -> u16 {
    let longest = form
        .fields
        .iter()
        .map(|f| Span::raw(full_label(app, f)).width())
        .max()
        .unwrap_or(0);
    u16::try_from(longest + 1)
        .unwrap_or(u16::MAX)
        .min(width * 2 / 5)
}

/// The line at the bottom of a form: the names a lookup offers (as the user types, or after a
/// name was not found), else the focused field's label in full when it had to be shortened.
fn form_help(app: &App, form: &Form, label_width: u16) -> Option<String> {
    let field = form.fields.get(form.focus)?;
    let mut suggestions = field.suggestions();
    if suggestions.is_empty() && field.error == Some(Msg::FieldNotFound) {
        // Nothing is near what was typed: the first names there are, to show what is asked.
        suggestions = field
            .candidates
            .iter()
            .take(crate::app::form::CANDIDATES_SHOWN)
            .map(String::as_str)
            .collect();
    }
    if !suggestions.is_empty() {
        let names: Vec<String> = suggestions.iter().map(|s| safe(s).into_owned()).collect();
        return Some(crate::i18n::fill(
            app.tr(Msg::FormCandidates),
            &[("names", &names.join(", "))],
        ));
    }
    let label = full_label(app, field);
    (Span::raw(label.as_str()).width() >= usize::from(label_width))
        .then(|| crate::i18n::fill(app.tr(Msg::FormFullLabel), &[("label", &label)]))
}

fn draw_field(
    frame: &mut Frame,
    app: &App,
    form: &Form,
    n: usize,
    row: Rect,
    label_width: u16,
    theme: &Theme,
) {
    let Some(field) = form.fields.get(n) else {
        return;
    };
    let focused = n == form.focus;
    let label = full_label(app, field);
    // A space always stays between the label and the value.
    let label = super::text::shorten(&label, usize::from(label_width.saturating_sub(1)));
    let label_style = if focused { theme.key } else { theme.dim };
    frame.render_widget(
        Paragraph::new(Span::styled(label.into_owned(), label_style)),
        Rect::new(row.x, row.y, label_width, 1),
    );
    // The consent, when the field has one, sits at the right end.
    let consent_width = if field.consent.is_some() { 14 } else { 0 };
    let input_area = Rect::new(
        row.x + label_width,
        row.y,
        row.width.saturating_sub(label_width + consent_width),
        1,
    );
    if let Some(consent) = field.consent {
        let (mark, word, style) = if form.shared.contains(&consent) {
            ("✓", Msg::IsShared, theme.good)
        } else {
            ("·", Msg::NotShared, theme.dim)
        };
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {mark} {}", app.tr(word)), style)),
            Rect::new(
                input_area.x + input_area.width,
                row.y,
                consent_width.min(row.width),
                1,
            ),
        );
    }
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
    } else if field.kind == FieldKind::Options {
        let line = choice_line(field, focused, theme, input_area.width);
        frame.render_widget(Paragraph::new(line), input_area);
    } else if focused {
        let mut input = field.input.clone();
        input.set_cursor_line_style(theme.text);
        input.set_cursor_style(theme.selected);
        input.set_selection_style(theme.selected);
        frame.render_widget(&input, input_area);
    } else {
        let text = field.input.lines().join(" ⏎ ");
        frame.render_widget(
            Paragraph::new(safe(&text).into_owned()).style(theme.text),
            input_area,
        );
    }
}

/// A field of options from the data (a merge): the options side by side when they fit in
/// `width`, the chosen one marked (● and, when focused, in the selection style); else the chosen
/// one between ◂ ▸, with which of how many.
fn choice_line(
    field: &crate::app::form::Field,
    focused: bool,
    theme: &Theme,
    width: u16,
) -> Line<'static> {
    let side_by_side: usize = field
        .options
        .iter()
        .map(|c| c.chars().count().max(1) + 4)
        .sum();
    if side_by_side > usize::from(width) {
        let value = safe(&field.value()).into_owned();
        let style = if focused { theme.selected } else { theme.text };
        // Which of how many, so that it is clear there is more to see with Space.
        let count = format!(" {}/{}", field.choice + 1, field.options.len());
        return Line::from(vec![
            Span::styled(format!("◂ {value} ▸"), style),
            Span::styled(count, theme.dim),
        ]);
    }
    let mut spans = Vec::new();
    for (n, choice) in field.options.iter().enumerate() {
        let shown = if choice.is_empty() {
            "—"
        } else {
            choice.as_str()
        };
        let (mark, style) = match (n == field.choice, focused) {
            (true, true) => ("●", theme.selected),
            (true, false) => ("●", theme.text),
            (false, _) => ("○", theme.dim),
        };
        if n > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(format!("{mark} {}", safe(shown)), style));
    }
    Line::from(spans)
}

/// The title of the form that withdraws a seal: which sheet, and that the code signs it.
fn withdraw_seal_title(app: &App, id: &crate::domain::HalfDayId) -> String {
    let sheet = app.cohort().and_then(|c| {
        c.seminars
            .iter()
            .flat_map(|s| &s.half_days)
            .find(|h| &h.id == id)
    });
    let (date, period) = sheet.map_or_else(Default::default, |h| {
        let period = match h.period {
            crate::domain::Period::Morning => Msg::PeriodMorning,
            crate::domain::Period::Afternoon => Msg::PeriodAfternoon,
        };
        (h.date.format("%d/%m/%Y").to_string(), app.tr(period))
    });
    crate::i18n::fill(
        app.tr(Msg::WithdrawSealTitle),
        &[("date", &date), ("period", period)],
    )
}

/// The title of a signing form: whose code, or what a reason is asked for.
fn signing_title(app: &App, form: &ModulesForm) -> String {
    let name = |who| super::text::person_name(app, who).into_owned();
    let (msg, value) = match form {
        ModulesForm::SignLine(_, who) => (Msg::SignLineTitle, name(who)),
        ModulesForm::MissingSignature(_, who) => (Msg::MissingSignatureTitle, name(who)),
        ModulesForm::ResetCode(who) => (Msg::ResetCodeTitle, name(who)),
        ModulesForm::Withdraw(_, n) => (Msg::WithdrawTitle, (n + 1).to_string()),
        ModulesForm::WithdrawSeal(id) => return withdraw_seal_title(app, id),
        ModulesForm::Seal(_, who) => (Msg::SealTitle, name(who)),
        _ => (Msg::SealTitle, String::new()),
    };
    crate::i18n::fill(app.tr(msg), &[("name", &value), ("n", &value)])
}
