//! When `cercle.json` was changed by another program while the app was open, or a save failed:
//! the user chooses between taking the file as it is now (reload), keeping their version beside
//! it (save elsewhere), or writing their version over it (overwrite). Nothing is lost whichever
//! they choose: a reload keeps their version in the undo history, an overwrite keeps the other
//! program's version as a backup.

use super::Form;
use super::Purpose;
use super::form::{Field, FieldKind};
use super::{Action, App, Effect, Overlay, SaveState};
use crate::domain::Data;
use crate::i18n::{Msg, fill};
use std::path::PathBuf;
use std::sync::Arc;

/// A save was refused because the file changed on disk: asks the user what to do.
pub fn changed_on_disk(app: &mut App) {
    app.notify_error(app.tr(Msg::ChangedOnDiskNotice));
    app.save = SaveState::Failed(app.tr(Msg::ChangedOnDiskShort).to_owned());
    // A form being filled in stays open; the question comes when the user is free to answer.
    if !matches!(app.overlay, Some(Overlay::Form(_))) {
        app.overlay = Some(Overlay::ChangedOnDisk);
    }
}

/// The answer to the question.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Reload => {
            app.notify(app.tr(Msg::Reloading));
            vec![Effect::Reload]
        }
        Action::Overwrite => {
            app.save = SaveState::Saving;
            vec![Effect::Overwrite]
        }
        Action::SaveElsewhere => {
            save_elsewhere(app);
            Vec::new()
        }
        // Later: the header keeps saying the work is not saved; Ctrl-s asks again.
        Action::Back => Vec::new(),
        _ => {
            app.overlay = Some(Overlay::ChangedOnDisk);
            Vec::new()
        }
    }
}

/// Offers to write the data to another file: a name beside the data file, to edit at will.
pub fn save_elsewhere(app: &mut App) {
    let suggested = format!("cercle-{}.json", app.now.format("%Y%m%d-%H%M%S"));
    let field = Field::new(Msg::FieldFile, FieldKind::Path, &suggested);
    app.overlay = Some(Overlay::Form(Box::new(Form::new(
        Purpose::SaveCopy,
        vec![field],
    ))));
}

/// The "save elsewhere" form was filled in: a relative name is taken in the data directory.
pub fn submit(form: &Form) -> Vec<Effect> {
    vec![Effect::SaveCopy(PathBuf::from(form.value(Msg::FieldFile)))]
}

/// The file as another program left it, read again: it replaces the data, as one undoable
/// step, so that `u` brings the user's version back.
pub fn reloaded(app: &mut App, outcome: Result<Data, String>) {
    match outcome {
        Ok(data) => {
            let before = std::mem::replace(&mut app.data, Arc::new(data));
            app.history
                .record(app.tr(Msg::ReloadedLabel).to_owned(), before);
            app.refresh_rows();
            app.save = SaveState::Saved;
            app.overlay = None;
            app.notify(app.tr(Msg::Reloaded));
        }
        Err(reason) => {
            app.notify_error(fill(app.tr(Msg::ReloadFailed), &[("reason", &reason)]));
        }
    }
}

/// Says where the copy was written, or why it was not.
pub fn copy_saved(app: &mut App, outcome: Result<PathBuf, String>) {
    match outcome {
        Ok(path) => app.notify(fill(
            app.tr(Msg::CopySaved),
            &[("path", &path.display().to_string())],
        )),
        Err(reason) => app.notify_error(fill(app.tr(Msg::CopyFailed), &[("reason", &reason)])),
    }
}

/// The keys of this screen, its part of the key table.
#[rustfmt::skip] // a table reads best one binding a line
pub static KEYS: &[crate::app::keymap::Binding] = {
    use crate::app::action::Action;
    use crate::app::keymap::{Context, bind, code, ctrl, key};
    use crate::i18n::Msg;
    use ratatui::crossterm::event::KeyCode;
    &[
    bind(Context::ChangedOnDisk, &[key('r')], Action::Reload, Msg::KeyReload, true),
    bind(Context::ChangedOnDisk, &[key('w'), key('W')], Action::SaveElsewhere, Msg::KeySaveElsewhere, true),
    bind(Context::ChangedOnDisk, &[key('o')], Action::Overwrite, Msg::KeyOverwrite, true),
    bind(Context::ChangedOnDisk, &[code(KeyCode::Esc)], Action::Back, Msg::KeyDecideLater, true),
    bind(Context::ChangedOnDisk, &[ctrl('c')], Action::Quit, Msg::KeyQuit, false),
    ]
};
