//! `update`: the only place the state changes. Returns the effects for the event loop.

use super::Form;
use super::Purpose;
use super::keymap::Context;
use super::keys;
use super::layout;
use super::list::Cursor;
use super::{Action, App, Effect, Overlay, Pending, Phase, Question, Screen};
use crate::config::Role;
use crate::i18n::{Msg, fill};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The key context of the state: which part of the key table applies now.
pub fn context(app: &App) -> Context {
    match (&app.phase, &app.overlay) {
        (Phase::Welcome, Some(Overlay::Help(_))) => Context::Popup,
        (Phase::Welcome, _) => Context::Welcome,
        (Phase::Recovery(_), _) | (_, Some(Overlay::Confirm(_))) => Context::Confirm,
        (Phase::Loading | Phase::Failed(_), _)
        | (_, Some(Overlay::Help(_) | Overlay::CohortPicker(_) | Overlay::MePicker(_))) => {
            Context::Popup
        }
        (_, Some(Overlay::Form(_))) => Context::Form,
        (_, Some(Overlay::Choice(_) | Overlay::Told(..))) => Context::Popup,
        (_, Some(Overlay::Preview(_))) => Context::Preview,
        (_, Some(Overlay::Conflicts(_))) => Context::Conflicts,
        (_, Some(Overlay::ChangedOnDisk)) => Context::ChangedOnDisk,
        (_, Some(Overlay::FolderPicker(_))) => Context::FolderPicker,
        _ if app.filtering => Context::Filter,
        _ => match (app.screen, app.modules.view, app.circle.view) {
            (Screen::Modules, Some(view), _) | (Screen::Circle, _, Some(view)) => {
                Context::View(view)
            }
            _ => Context::Global,
        },
    }
}

/// Handles a key: through the key table, or as text typed into a form or a filter.
pub fn update_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if key.kind == KeyEventKind::Release {
        return Vec::new();
    }
    let context = context(app);
    match keys::dispatch_as(&app.keys, app.config.role, context, app.screen, &key) {
        Some(Ok(action)) => return update(app, action),
        Some(Err(binding)) => {
            not_yours(app, &binding);
            return Vec::new();
        }
        None => {}
    }
    match context {
        Context::Form => {
            if let Some(Overlay::Form(form)) = &mut app.overlay {
                match form.input(key) {
                    super::form::Typed::Done => {}
                    super::form::Typed::Full(limit) => app.refuse_past(Msg::FieldFull, limit),
                    super::form::Typed::NotText => app.notify(app.tr(Msg::ChoiceNotTyped)),
                }
            }
        }
        Context::Filter => type_filter(app, key),
        _ => {}
    }
    Vec::new()
}

/// Says why a key does nothing for this user, without inviting them to be someone else.
fn not_yours(app: &mut App, binding: &super::keymap::Binding) {
    let template = match binding.who {
        super::keymap::Who::Trainees => Msg::KeyForTrainees,
        _ => Msg::KeyForTrainers,
    };
    let text = fill(app.tr(template), &[("what", app.tr(binding.label))]);
    app.notify_error(text);
}

fn type_filter(app: &mut App, key: KeyEvent) {
    // Alt or Ctrl with a letter is a command (or Esc and a key read together), never text.
    let text = !key
        .modifiers
        .intersects(KeyModifiers::ALT | KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char(c) if text && !c.is_control() => {
            let filter = &mut app.list_in_view_mut().filter;
            if filter.chars().count() >= super::paste::FILTER_LIMIT {
                app.refuse_past(Msg::FieldFull, super::paste::FILTER_LIMIT);
                return;
            }
            filter.push(c);
        }
        KeyCode::Backspace => {
            app.list_in_view_mut().filter.pop();
        }
        _ => return,
    }
    filter_changed(app);
}

/// After the filter changed: the list from its top, its rows again.
fn filter_changed(app: &mut App) {
    app.list_in_view_mut().cursor = Cursor::default();
    app.refresh_rows();
}

/// `Ctrl-u` and `Ctrl-w` in the filter box, as in a shell: all of it, or its last word.
fn edit_filter(app: &mut App, action: Action) {
    let filter = &mut app.list_in_view_mut().filter;
    if action == Action::ClearField {
        filter.clear();
    } else {
        let kept = filter
            .trim_end()
            .rfind(char::is_whitespace)
            .map_or(0, |at| at + 1);
        filter.truncate(kept);
    }
    filter_changed(app);
}

/// Applies an action and returns what the event loop must do.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if action == Action::Quit {
        if app.sync.running {
            super::sync::quit_when_done(app);
            return Vec::new();
        }
        if let super::SaveState::Failed(reason) = &app.save
            && app.phase == Phase::Main
            && !matches!(app.overlay, Some(Overlay::Confirm(_)))
        {
            let text = fill(app.tr(Msg::ConfirmQuitUnsaved), &[("reason", reason)]);
            app.overlay = Some(Overlay::Confirm(Question {
                text,
                on_yes: Pending::QuitUnsaved,
            }));
            return Vec::new();
        }
        return vec![Effect::Quit];
    }
    if action == Action::Tick {
        return super::circle::tick(app);
    }
    match app.phase.clone() {
        Phase::Loading | Phase::Failed(_) => {
            if action == Action::Back {
                return vec![Effect::Quit];
            }
            Vec::new()
        }
        Phase::Welcome => match app.overlay.take() {
            Some(overlay @ Overlay::Help(_)) => on_overlay(app, overlay, action),
            _ => super::welcome::update(app, action),
        },
        Phase::Recovery(data) => super::welcome::recovery(app, action, data),
        Phase::Main => {
            let effects = match app.overlay.take() {
                None => main(app, action),
                Some(overlay) => on_overlay(app, overlay, action),
            };
            refuse_unsaveable(app);
            effects
        }
    }
}

/// A read-only session opens no form, nor a choice leading to one, whose end is a change it
/// could not save: it says why at once, before anything is typed. (A copy saved elsewhere, `W`,
/// still opens.)
fn refuse_unsaveable(app: &mut App) {
    let super::SaveState::ReadOnly(reason) = &app.save else {
        return;
    };
    let unsaveable = match &app.overlay {
        Some(Overlay::Form(form)) => form.purpose.changes_data(),
        Some(Overlay::Choice(_)) => true,
        _ => false,
    };
    if unsaveable {
        let text = format!("{} {reason}", app.tr(Msg::FormReadOnly));
        app.overlay = None;
        app.notify_error(text);
    }
}

fn main(app: &mut App, action: Action) -> Vec<Effect> {
    if app.screen == Screen::Contacts && app.contacts.zoomed && action == Action::Back {
        // Esc first closes the person's card, then clears the filter.
        app.contacts.zoomed = false;
        return Vec::new();
    }
    if app.filtering && matches!(action, Action::ClearField | Action::DeleteWord) {
        edit_filter(app, action);
        return Vec::new();
    }
    if app.filtering && matches!(action, Action::Open | Action::Back) {
        // Enter keeps the filter and leaves typing; Esc clears it.
        app.filtering = false;
        if action == Action::Back {
            app.list_in_view_mut().filter.clear();
            filter_changed(app);
        }
        return Vec::new();
    }
    let zoomed = app.screen == Screen::Tutoring && app.tutoring.zoom;
    if action == Action::Back && !zoomed && !app.list_in_view().filter.is_empty() {
        // Esc clears a kept filter first; the next Esc goes back.
        app.list_in_view_mut().filter.clear();
        filter_changed(app);
        return Vec::new();
    }
    let len = app.listing(app.screen).rows.len();
    let height = app.page_height();
    let page = isize::try_from(height).unwrap_or(isize::MAX);
    let global = is_global(action);
    if !global && let Some(effects) = screen_update(app, action) {
        return effects;
    }
    match action {
        Action::NextScreen => show(app, app.screen.next()),
        Action::PreviousScreen => show(app, app.screen.previous()),
        Action::Show(screen) => show(app, screen),
        Action::ImportBundle | Action::ShowConflicts => super::sharing::open(app, action),
        Action::Up => app.listing_mut(app.screen).cursor.step(-1, len, height),
        Action::Down => app.listing_mut(app.screen).cursor.step(1, len, height),
        Action::PageUp => app.listing_mut(app.screen).cursor.step(-page, len, height),
        Action::PageDown => app.listing_mut(app.screen).cursor.step(page, len, height),
        Action::Top => app.listing_mut(app.screen).cursor.select(0, len, height),
        Action::Bottom => {
            app.listing_mut(app.screen)
                .cursor
                .select(len.saturating_sub(1), len, height);
        }
        Action::ScrollUp => app.listing_mut(app.screen).cursor.scroll(-3, len, height),
        Action::ScrollDown => app.listing_mut(app.screen).cursor.scroll(3, len, height),
        Action::Filter => app.filtering = true,
        Action::Back if app.screen == Screen::Tutoring && app.tutoring.zoom => {
            app.tutoring.zoom = false;
        }
        Action::Back => {}
        Action::Help => app.overlay = Some(Overlay::Help(Cursor::default())),
        Action::PickCohort => open_cohort_picker(app, height),
        Action::PickMe => open_me_picker(app, height),
        Action::Undo => return undo(app, true),
        Action::Redo => return undo(app, false),
        Action::SwitchRole => ask_switch_role(app),
        Action::SendToTeam => return super::send::send_to_team(app),
        Action::ChooseSendFolder => return super::folder_picker::open(app),
        Action::PrepareBundles => return super::send::prepare_bundles(app),
        Action::MyPath => super::circle::my_path(app),
        Action::Click { column, row } => click(app, column, row),
        Action::Sync => return super::sync::start(app),
        Action::SaveNow | Action::SaveElsewhere => return save_now(app, action),
        _ => {
            return match app.screen {
                Screen::Contacts => super::contacts::update(app, action),
                Screen::Tutoring => super::tutoring::update(app, action),
                Screen::Modules | Screen::Circle => Vec::new(),
            };
        }
    }
    Vec::new()
}

/// Opens the cohort picker on the current cohort.
fn open_cohort_picker(app: &mut App, height: usize) {
    let current = app.cohort().map(|c| c.id.clone());
    let at = app
        .data
        .cohorts
        .iter()
        .position(|c| Some(&c.id) == current.as_ref());
    let mut cursor = Cursor::default();
    cursor.select(at.unwrap_or(0), app.data.cohorts.len(), height);
    app.overlay = Some(Overlay::CohortPicker(cursor));
}

/// Opens the "who I am" picker on the person set, if any.
fn open_me_picker(app: &mut App, height: usize) {
    let people = app.cohort_people();
    let at = people
        .iter()
        .position(|p| Some(&p.id) == app.config.me.as_ref());
    let len = people.len();
    let mut cursor = Cursor::default();
    cursor.select(at.unwrap_or(0), len, height);
    app.overlay = Some(Overlay::MePicker(cursor));
}

/// Asks before changing the role, saying what changes.
fn ask_switch_role(app: &mut App) {
    let role = match app.config.role {
        Some(Role::Trainer) => Role::Trainee,
        _ => Role::Trainer,
    };
    let question = match role {
        Role::Trainer => Msg::ConfirmBecomeTrainer,
        Role::Trainee => Msg::ConfirmBecomeTrainee,
    };
    app.overlay = Some(Overlay::Confirm(Question {
        text: app.tr(question).to_owned(),
        on_yes: Pending::SwitchRole(role),
    }));
}

/// Actions that mean the same on every screen, which no screen may take over.
fn is_global(action: Action) -> bool {
    matches!(
        action,
        Action::NextScreen
            | Action::PreviousScreen
            | Action::Show(_)
            | Action::Help
            | Action::Filter
            | Action::PickCohort
            | Action::PickMe
            | Action::Undo
            | Action::Redo
            | Action::SwitchRole
            | Action::SendToTeam
            | Action::ChooseSendFolder
            | Action::PrepareBundles
            | Action::MyPath
            | Action::ImportBundle
            | Action::ShowConflicts
            | Action::Click { .. }
            | Action::SaveNow
            | Action::SaveElsewhere
            | Action::Sync
    )
}

/// The screen's own handling of an action, before the generic list; `None` passes it on.
fn screen_update(app: &mut App, action: Action) -> Option<Vec<Effect>> {
    match app.screen {
        Screen::Modules => super::modules::update(app, action),
        Screen::Circle => super::circle::update(app, action),
        Screen::Contacts | Screen::Tutoring => None,
    }
}

/// Ctrl-s saves again (e.g. once space was freed; a refused save asks its question again);
/// `W` writes a copy elsewhere, which works even when the data directory is read-only.
fn save_now(app: &mut App, action: Action) -> Vec<Effect> {
    if action == Action::SaveElsewhere {
        super::conflict::save_elsewhere(app);
        return Vec::new();
    }
    if let super::SaveState::ReadOnly(reason) = &app.save {
        let text = format!("{} {reason}", app.tr(Msg::ReadOnlyRefused));
        app.notify_error(text);
        return Vec::new();
    }
    app.save = super::SaveState::Saving;
    vec![Effect::Save]
}

fn show(app: &mut App, screen: Screen) {
    if app.screen != screen {
        // What was said was about the screen left.
        app.notice = None;
    }
    app.screen = screen;
    app.filtering = false;
}

fn undo(app: &mut App, undo: bool) -> Vec<Effect> {
    // A seal or a correction is a record: undoing it asks to withdraw it, with a reason.
    if undo && let Some(recorded) = app.history.recorded().cloned() {
        return super::modules::withdraw_recorded(app, &recorded);
    }
    let label = if undo {
        app.history.undo(&mut app.data)
    } else {
        app.history.redo(&mut app.data)
    };
    let Some(label) = label else {
        app.notify(app.tr(if undo {
            Msg::NothingToUndo
        } else {
            Msg::NothingToRedo
        }));
        return Vec::new();
    };
    app.refresh_rows();
    let template = app.tr(if undo { Msg::Undone } else { Msg::Redone });
    app.notify(fill(template, &[("what", &label)]));
    app.save = super::SaveState::Saving;
    vec![Effect::Save]
}

fn click(app: &mut App, column: u16, row: u16) {
    let area = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
    let Some(regions) = layout::regions(area) else {
        return;
    };
    if row == regions.tabs.y {
        if let Some((screen, _)) = layout::tab_spans(regions.tabs.x, app.lang())
            .into_iter()
            .find(|(_, span)| span.contains(&column))
        {
            show(app, screen);
        }
        return;
    }
    if app.screen == Screen::Tutoring && app.tutoring.zoom {
        // The request fills the body: there is no list to click.
        return;
    }
    let list = layout::list_rows(regions.body, app.screen, app.list_top());
    if list.contains(ratatui::layout::Position::new(column, row)) {
        let n = usize::from(row - list.y);
        if app.screen == Screen::Modules && super::modules::click(app, n) {
            return;
        }
        if app.screen == Screen::Circle && super::circle::click(app, n) {
            return;
        }
        let height = app.page_height();
        let listing = app.listing_mut(app.screen);
        let target = listing.cursor.offset + n;
        if target < listing.rows.len() {
            listing.cursor.select(target, listing.rows.len(), height);
        }
    }
}

fn on_overlay(app: &mut App, overlay: Overlay, action: Action) -> Vec<Effect> {
    match overlay {
        Overlay::Help(mut cursor) => {
            let len = keys::help_line_count(&app.keys);
            let height = app.page_height();
            match action {
                Action::Back | Action::Help => return Vec::new(),
                Action::Up | Action::ScrollUp => cursor.scroll(-1, len, height),
                Action::Down | Action::ScrollDown => cursor.scroll(1, len, height),
                Action::PageUp => cursor.scroll(-isize::try_from(height).unwrap_or(1), len, height),
                Action::PageDown => {
                    cursor.scroll(isize::try_from(height).unwrap_or(1), len, height);
                }
                _ => {}
            }
            app.overlay = Some(Overlay::Help(cursor));
            Vec::new()
        }
        Overlay::CohortPicker(mut cursor) => pick_cohort(app, &mut cursor, action),
        Overlay::MePicker(mut cursor) => pick_me(app, &mut cursor, action),
        Overlay::Confirm(question) => match action {
            Action::Yes => confirmed(app, question.on_yes),
            Action::No => {
                if let Pending::DiscardForm(form) | Pending::SaveSeminar(form) = question.on_yes {
                    app.overlay = Some(Overlay::Form(form));
                }
                Vec::new()
            }
            _ => {
                app.overlay = Some(Overlay::Confirm(question));
                Vec::new()
            }
        },
        Overlay::Form(form) => on_form(app, form, action),
        Overlay::Preview(preview) => super::sharing::on_preview(app, preview, action),
        Overlay::Conflicts(cursor) => super::sharing::on_conflicts(app, cursor, action),
        Overlay::ChangedOnDisk => super::conflict::update(app, action),
        Overlay::FolderPicker(picker) => super::folder_picker::update(app, picker, action),
        Overlay::Told(title, text) => {
            if !matches!(action, Action::Back | Action::Open | Action::Help) {
                app.overlay = Some(Overlay::Told(title, text));
            }
            Vec::new()
        }
        Overlay::Choice(mut choice) => {
            let len = choice.options.len();
            let height = app.page_height();
            match action {
                Action::Back => return Vec::new(),
                Action::Up => choice.cursor.step(-1, len, height),
                Action::Down => choice.cursor.step(1, len, height),
                Action::PageUp => {
                    choice
                        .cursor
                        .step(-isize::try_from(height).unwrap_or(1), len, height);
                }
                Action::PageDown => {
                    choice
                        .cursor
                        .step(isize::try_from(height).unwrap_or(1), len, height);
                }
                Action::Top => choice.cursor.select(0, len, height),
                Action::Bottom => choice.cursor.select(len.saturating_sub(1), len, height),
                Action::Open => {
                    return match choice.purpose {
                        super::ChoicePurpose::Excuse(half_day, trainee) => {
                            super::modules::excuse_chosen(
                                app,
                                half_day,
                                trainee,
                                choice.cursor.selected,
                            )
                        }
                        super::ChoicePurpose::Corrections => {
                            super::modules::correction_chosen(app, choice.cursor.selected)
                        }
                        super::ChoicePurpose::Sealer(half_day, trainers) => {
                            super::modules::sealer_chosen(
                                app,
                                half_day,
                                trainers.get(choice.cursor.selected).cloned(),
                            )
                        }
                        purpose => super::circle::chosen(app, purpose, choice.cursor.selected),
                    };
                }
                _ => {}
            }
            app.overlay = Some(Overlay::Choice(choice));
            Vec::new()
        }
    }
}

fn pick_cohort(app: &mut App, cursor: &mut Cursor, action: Action) -> Vec<Effect> {
    let len = app.data.cohorts.len();
    let height = app.page_height();
    match action {
        Action::Back => return Vec::new(),
        Action::Up => cursor.step(-1, len, height),
        Action::Down => cursor.step(1, len, height),
        Action::Open => {
            let Some(cohort) = app.data.cohorts.get(cursor.selected) else {
                return Vec::new();
            };
            let (id, name) = (cohort.id.clone(), cohort.name.clone());
            if app.cohort().map(|c| &c.id) == Some(&id) {
                return Vec::new();
            }
            let label = fill(app.tr(Msg::SwitchedCohort), &[("name", &name)]);
            app.notify(label.clone());
            return app.change(label, |data| data.current_cohort = Some(id));
        }
        _ => {}
    }
    app.overlay = Some(Overlay::CohortPicker(*cursor));
    Vec::new()
}

fn pick_me(app: &mut App, cursor: &mut Cursor, action: Action) -> Vec<Effect> {
    let len = app.cohort_people().len();
    let height = app.page_height();
    match action {
        Action::Back => return Vec::new(),
        Action::Up => cursor.step(-1, len, height),
        Action::Down => cursor.step(1, len, height),
        Action::PageUp | Action::PageDown => {
            let page = isize::try_from(height).unwrap_or(1);
            cursor.step(
                if action == Action::PageUp {
                    -page
                } else {
                    page
                },
                len,
                height,
            );
        }
        Action::Open => {
            let Some((id, name)) = app
                .cohort_people()
                .get(cursor.selected)
                .map(|p| (p.id.clone(), p.name.clone()))
            else {
                return Vec::new();
            };
            if app.config.me.as_ref() == Some(&id) {
                return Vec::new();
            }
            app.overlay = Some(Overlay::Confirm(Question {
                text: fill(app.tr(Msg::ConfirmBecomePerson), &[("name", &name)]),
                on_yes: Pending::BecomePerson(id),
            }));
            return Vec::new();
        }
        _ => {}
    }
    app.overlay = Some(Overlay::MePicker(*cursor));
    Vec::new()
}

fn confirmed(app: &mut App, pending: Pending) -> Vec<Effect> {
    match pending {
        Pending::DeletePerson(id) => super::contacts::delete(app, &id),
        Pending::DiscardForm(_) => Vec::new(),
        Pending::QuitUnsaved => vec![Effect::Quit],
        Pending::SaveSeminar(form) => super::modules::save_seminar_anyway(app, form),
        Pending::EndCodev => super::circle::end_codev(app),
        Pending::Redraw => {
            super::circle::redraw(app);
            Vec::new()
        }
        Pending::DeleteKnowledge(id) => super::circle::delete_knowledge(app, &id),
        Pending::MailDraft(draft) => vec![Effect::MailDraft(draft)],
        Pending::SwitchRole(role) => {
            app.config.role = Some(role);
            let name = app.tr(role.label());
            app.notify(fill(app.tr(Msg::RoleNow), &[("role", name)]));
            vec![Effect::SaveConfig]
        }
        Pending::BecomePerson(id) => {
            let name = app
                .data
                .person(&id)
                .map(|p| p.name.clone())
                .unwrap_or_default();
            app.config.me = Some(id);
            app.notify(fill(app.tr(Msg::YouAreNow), &[("name", &name)]));
            vec![Effect::SaveConfig]
        }
    }
}

fn on_form(app: &mut App, mut form: Box<Form>, action: Action) -> Vec<Effect> {
    let mut effects = Vec::new();
    match action {
        Action::NextField => form.next(),
        Action::CompleteOrNext => match super::paths::completion_asked(&form) {
            Some(read) => effects.push(read),
            None => form.complete_or_next(),
        },
        Action::ClearField => form.clear_focused(),
        Action::PreviousField => form.previous(),
        Action::ExternalEditor => effects.push(Effect::OpenEditor(form.focused_text())),
        Action::ToggleShare => form.toggle_share(),
        Action::Back if form.is_dirty() => {
            app.overlay = Some(Overlay::Confirm(Question {
                text: app.tr(Msg::ConfirmDiscard).to_owned(),
                on_yes: Pending::DiscardForm(form),
            }));
            return effects;
        }
        Action::Back => return effects,
        Action::Submit => {
            if form.validate(app.today) {
                // What was refused is corrected: its message goes.
                if app
                    .notice
                    .as_ref()
                    .is_some_and(|n| n.text == app.tr(Msg::FormHasErrors))
                {
                    app.notice = None;
                }
                // Each screen submits its own forms.
                let submitted = match form.purpose.clone() {
                    Purpose::Modules(_) => super::modules::submit(app, &mut form),
                    Purpose::Circle(_) => super::circle::submit(app, &mut form),
                    Purpose::Contacts(_) => Some(super::contacts::submit(app, &form)),
                    Purpose::Tutoring(kind) => return super::tutoring::submit(app, form, kind),
                    Purpose::ImportBundle => {
                        // The form stays open until the file is read: a wrong path keeps it.
                        let effects = super::sharing::submit(&form);
                        app.overlay = Some(Overlay::Form(form));
                        return effects;
                    }
                    Purpose::SaveCopy => Some(super::conflict::submit(&form)),
                };
                if let Some(effects) = submitted {
                    return effects;
                }
            } else {
                app.notify_error(app.tr(Msg::FormHasErrors));
            }
        }
        _ => {}
    }
    app.overlay = Some(Overlay::Form(form));
    effects
}
