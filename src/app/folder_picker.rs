//! Choosing, from inside the app, the folder where `E` writes bundles (`send_folder`): a list
//! of the subfolders of one folder, ↑/↓ to move, Enter to go in, Backspace to go up, `c` to
//! choose. The event loop reads each folder (`Effect::ListFolder`).

use super::list::Cursor;
use super::paths::{Entry, Listed};
use super::{Action, App, Effect, Overlay};
use crate::i18n::{Msg, fill};
use std::path::PathBuf;

/// The folder picker's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    /// The folder shown, as the event loop resolved it (absolute); empty until it is read.
    pub folder: PathBuf,
    /// Its subfolders, sorted, hidden ones left out.
    pub subfolders: Vec<String>,
    /// The highlighted subfolder.
    pub cursor: Cursor,
    /// Why the folder could not be read, if it could not.
    pub error: Option<String>,
}

/// Opens the picker on the folder chosen before, else the home folder.
pub fn open(app: &mut App) -> Vec<Effect> {
    let start = app
        .config
        .send_folder
        .as_ref()
        .map_or_else(|| "~".to_owned(), |f| f.to_string_lossy().into_owned());
    app.overlay = Some(Overlay::FolderPicker(Picker {
        folder: PathBuf::new(),
        subfolders: Vec::new(),
        cursor: Cursor::default(),
        error: None,
    }));
    vec![read(start)]
}

fn read(folder: String) -> Effect {
    Effect::ListFolder(folder, Listed::Picker)
}

/// A folder read for the picker, still open: its subfolders, or why it could not be read
/// (then the picker stays where it was, and says so).
pub fn listed(app: &mut App, folder: PathBuf, read: Result<Vec<Entry>, String>) {
    let unreadable = app.tr(Msg::FolderUnreadable);
    let Some(Overlay::FolderPicker(picker)) = &mut app.overlay else {
        return;
    };
    match read {
        Ok(entries) => {
            let mut subfolders: Vec<String> = entries
                .into_iter()
                .filter(|e| e.folder && !e.name.starts_with('.'))
                .map(|e| e.name)
                .collect();
            subfolders.sort_by_key(|name| (crate::domain::fold::fold(name), name.clone()));
            *picker = Picker {
                folder,
                subfolders,
                cursor: Cursor::default(),
                error: None,
            };
        }
        Err(why) => {
            let shown = folder.display().to_string();
            picker.error = Some(fill(unreadable, &[("folder", &shown), ("why", &why)]));
            if picker.folder.as_os_str().is_empty() {
                picker.folder = folder;
            }
        }
    }
}

/// The picker's keys: move, go in, go up, choose, or close.
pub fn update(app: &mut App, mut picker: Picker, action: Action) -> Vec<Effect> {
    let len = picker.subfolders.len();
    let height = app.page_height();
    let mut effects = Vec::new();
    match action {
        Action::Back => return effects,
        Action::Up => picker.cursor.step(-1, len, height),
        Action::Down => picker.cursor.step(1, len, height),
        Action::Top => picker.cursor.select(0, len, height),
        Action::Bottom => picker.cursor.select(len.saturating_sub(1), len, height),
        Action::Open => {
            if let Some(name) = picker.subfolders.get(picker.cursor.selected) {
                let inside = picker.folder.join(name);
                effects.push(read(inside.to_string_lossy().into_owned()));
            }
        }
        Action::ParentFolder => {
            if let Some(parent) = picker.folder.parent() {
                effects.push(read(parent.to_string_lossy().into_owned()));
            }
        }
        Action::ChooseFolder if !picker.folder.as_os_str().is_empty() => {
            let shown = picker.folder.display().to_string();
            app.config.send_folder = Some(picker.folder);
            app.notify(fill(app.tr(Msg::SendFolderChosen), &[("folder", &shown)]));
            return vec![Effect::SaveConfig];
        }
        _ => {}
    }
    app.overlay = Some(Overlay::FolderPicker(picker));
    effects
}

/// The picker's part of the key table (the key that opens it is one of the shared ones).
#[rustfmt::skip] // a table reads best one binding a line
pub static KEYS: &[crate::app::keymap::Binding] = {
    use crate::app::keymap::{Context, bind, code, ctrl, key};
    use ratatui::crossterm::event::KeyCode;
    &[
    bind(Context::FolderPicker, &[code(KeyCode::Up), key('k')], Action::Up, Msg::KeyUp, false),
    bind(Context::FolderPicker, &[code(KeyCode::Down), key('j')], Action::Down, Msg::KeyDown, false),
    bind(Context::FolderPicker, &[code(KeyCode::Home), key('g')], Action::Top, Msg::KeyTop, false),
    bind(Context::FolderPicker, &[code(KeyCode::End), key('G')], Action::Bottom, Msg::KeyBottom, false),
    bind(Context::FolderPicker, &[code(KeyCode::Enter), code(KeyCode::Right)], Action::Open, Msg::KeyEnterFolder, true),
    bind(Context::FolderPicker, &[code(KeyCode::Backspace), code(KeyCode::Left)], Action::ParentFolder, Msg::KeyParentFolder, true),
    bind(Context::FolderPicker, &[key('c')], Action::ChooseFolder, Msg::KeyChooseFolder, true),
    bind(Context::FolderPicker, &[code(KeyCode::Esc), key('q')], Action::Back, Msg::KeyClose, true),
    bind(Context::FolderPicker, &[ctrl('c')], Action::Quit, Msg::KeyQuit, false),
    ]
};
