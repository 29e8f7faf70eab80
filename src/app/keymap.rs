//! The one key table. Dispatch, the footer hints, the `?` help and the README's table of keys are
//! all read from it, so they cannot disagree.

use super::action::Action;
use super::screen::Screen;
use crate::i18n::{Lang, Msg};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Everywhere in the main view.
    Global,
    /// On one screen.
    On(Screen),
    /// In the welcome screen.
    Welcome,
    /// In a list popup (help, cohort picker).
    Popup,
    /// In a form.
    Form,
    /// In a yes/no question.
    Confirm,
    /// While typing a filter.
    Filter,
    /// In a view inside a screen (a seminar, the roll call…).
    View(View),
    /// In the preview of a bundle import.
    Preview,
    /// In the merge screen.
    Conflicts,
    /// Asked what to do about a data file another program changed.
    ChangedOnDisk,
    /// Choosing the folder where `E` writes bundles.
    FolderPicker,
}

/// A view inside a screen, with keys of its own on top of the screen's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    /// Modules: the cohort's seminars by date.
    Seminars,
    /// Modules: one seminar, its venue and half-days.
    Seminar,
    /// Modules: the roll call of a half-day.
    RollCall,
    /// Modules: what needs a follow-up.
    FollowUp,
    /// Circle: the offers and requests of knowledge, with suggested matches.
    Knowledge,
    /// Circle: the exchanges and their evaluations.
    Exchanges,
    /// Circle: a trainee's path (competencies, candidacy, funding).
    Path,
    /// Circle: the speaking round.
    Round,
    /// Circle: a codevelopment session.
    Codev,
}

impl View {
    /// The screen the view belongs to.
    pub fn screen(self) -> Screen {
        match self {
            Self::Seminars | Self::Seminar | Self::RollCall | Self::FollowUp => Screen::Modules,
            Self::Knowledge | Self::Exchanges | Self::Path | Self::Round | Self::Codev => {
                Screen::Circle
            }
        }
    }
}

/// A key with its modifiers, as written in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt, Shift.
    pub modifiers: KeyModifiers,
}

/// A character key.
pub const fn key(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::NONE,
    }
}

/// A character key with Ctrl.
pub const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

/// A named key (Enter, Esc, arrows…).
pub const fn code(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

/// One line of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The keys that trigger it; the first is the one shown in hints.
    pub keys: &'static [Key],
    /// What it does.
    pub action: Action,
    /// What the help calls it.
    pub label: Msg,
    /// Where it applies.
    pub context: Context,
    /// Whether the footer shows it.
    pub hint: bool,
    /// Who may use it: the footer shows it only to them, the help marks it, and anyone else
    /// pressing it is told why nothing happens.
    pub who: Who,
}

/// Who may use a key. A trainee's copy holds only her part of the cohort: the keys that change
/// what the trainers keep (the roll call, seminars, paths, the tutoring queue) are theirs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Who {
    /// Everyone.
    #[default]
    Anyone,
    /// The trainers (and a user who has not said their role, as before roles existed).
    Trainers,
    /// The trainees.
    Trainees,
}

impl Who {
    /// Whether a user of this role may use the key.
    pub fn allows(self, role: Option<crate::config::Role>) -> bool {
        use crate::config::Role;
        match self {
            Self::Anyone => true,
            Self::Trainers => role != Some(Role::Trainee),
            Self::Trainees => role == Some(Role::Trainee),
        }
    }
}

/// One line of a key table.
pub const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    label: Msg,
    hint: bool,
) -> Binding {
    Binding {
        keys,
        action,
        label,
        context,
        hint,
        who: Who::Anyone,
    }
}

impl Binding {
    /// The same binding, for the trainers only.
    #[must_use]
    pub const fn trainers(self) -> Self {
        Self {
            who: Who::Trainers,
            ..self
        }
    }

    /// The same binding, for the trainees only.
    #[must_use]
    pub const fn trainees(self) -> Self {
        Self {
            who: Who::Trainees,
            ..self
        }
    }
}

use Context::{Confirm, Filter, Form, Global, Popup};

/// The bindings every screen shares: moving, screens, filter, help, undo, forms, popups,
/// questions. Each screen declares its own beside its code; `app::keys` puts them together.
#[rustfmt::skip] // a table reads best one binding a line
pub static SHARED: &[Binding] = &[
    bind(Popup, &[code(KeyCode::Up), key('k')], Action::Up, Msg::KeyUp, false),
    bind(Popup, &[code(KeyCode::Down), key('j')], Action::Down, Msg::KeyDown, false),
    bind(Popup, &[code(KeyCode::PageUp)], Action::PageUp, Msg::KeyPageUp, false),
    bind(Popup, &[code(KeyCode::PageDown)], Action::PageDown, Msg::KeyPageDown, false),
    bind(Popup, &[code(KeyCode::Home), key('g')], Action::Top, Msg::KeyTop, false),
    bind(Popup, &[code(KeyCode::End), key('G')], Action::Bottom, Msg::KeyBottom, false),
    bind(Popup, &[code(KeyCode::Enter)], Action::Open, Msg::KeyChoose, true),
    bind(Popup, &[code(KeyCode::Esc), key('?'), key('q')], Action::Back, Msg::KeyClose, true),
    bind(Popup, &[ctrl('c')], Action::Quit, Msg::KeyQuit, false),
    bind(Confirm, &[key('y'), key('o')], Action::Yes, Msg::KeyYes, true),
    bind(Confirm, &[key('n'), code(KeyCode::Esc)], Action::No, Msg::KeyNo, true),
    bind(Form, &[code(KeyCode::Enter), ctrl('s')], Action::Submit, Msg::KeySubmit, true),
    bind(Form, &[code(KeyCode::Tab)], Action::CompleteOrNext, Msg::KeyCompleteOrNext, true),
    bind(Form, &[code(KeyCode::Down)], Action::NextField, Msg::KeyNextField, false),
    bind(Form, &[code(KeyCode::BackTab), code(KeyCode::Up)], Action::PreviousField, Msg::KeyPreviousField, false),
    bind(Form, &[ctrl('u')], Action::ClearField, Msg::KeyClearField, false),
    bind(Form, &[ctrl('e')], Action::ExternalEditor, Msg::KeyExternalEditor, true),
    bind(Form, &[ctrl('t')], Action::ToggleShare, Msg::KeyToggleShare, false),
    bind(Form, &[code(KeyCode::Esc)], Action::Back, Msg::KeyCancel, true),
    bind(Filter, &[code(KeyCode::Enter)], Action::Open, Msg::KeyKeepFilter, true),
    bind(Filter, &[code(KeyCode::Esc)], Action::Back, Msg::KeyClearFilter, true),
    bind(Filter, &[ctrl('u')], Action::ClearField, Msg::KeyClearFilterText, false),
    bind(Filter, &[ctrl('w')], Action::DeleteWord, Msg::KeyDeleteWord, false),
    bind(Filter, &[code(KeyCode::Up)], Action::Up, Msg::KeyUp, false),
    bind(Filter, &[code(KeyCode::Down)], Action::Down, Msg::KeyDown, false),
    bind(Global, &[key('1')], Action::Show(Screen::Modules), Msg::KeyScreenModules, false),
    bind(Global, &[key('2')], Action::Show(Screen::Circle), Msg::KeyScreenCircle, false),
    bind(Global, &[key('3')], Action::Show(Screen::Contacts), Msg::KeyScreenContacts, false),
    bind(Global, &[key('4')], Action::Show(Screen::Tutoring), Msg::KeyScreenTutoring, false),
    bind(Global, &[code(KeyCode::Tab)], Action::NextScreen, Msg::KeyNextScreen, false),
    bind(Global, &[code(KeyCode::BackTab)], Action::PreviousScreen, Msg::KeyPreviousScreen, false),
    bind(Global, &[code(KeyCode::Up), key('k')], Action::Up, Msg::KeyUp, false),
    bind(Global, &[code(KeyCode::Down), key('j')], Action::Down, Msg::KeyDown, false),
    bind(Global, &[code(KeyCode::Left), key('h')], Action::Left, Msg::KeyLeft, false),
    bind(Global, &[code(KeyCode::Right), key('l')], Action::Right, Msg::KeyRight, false),
    bind(Global, &[code(KeyCode::PageUp)], Action::PageUp, Msg::KeyPageUp, false),
    bind(Global, &[code(KeyCode::PageDown)], Action::PageDown, Msg::KeyPageDown, false),
    bind(Global, &[code(KeyCode::Home), key('g')], Action::Top, Msg::KeyTop, false),
    bind(Global, &[code(KeyCode::End), key('G')], Action::Bottom, Msg::KeyBottom, false),
    bind(Global, &[code(KeyCode::Enter)], Action::Open, Msg::KeyOpen, true),
    bind(Global, &[code(KeyCode::Esc)], Action::Back, Msg::KeyBack, false),
    bind(Global, &[key('/')], Action::Filter, Msg::KeyFilter, true),
    bind(Global, &[key('u')], Action::Undo, Msg::KeyUndo, true),
    bind(Global, &[ctrl('r')], Action::Redo, Msg::KeyRedo, false),
    bind(Global, &[key('c')], Action::PickCohort, Msg::KeyPickCohort, true),
    bind(Global, &[key('i')], Action::PickMe, Msg::KeyPickMe, false),
    bind(Global, &[key('R')], Action::SwitchRole, Msg::KeySwitchRole, false),
    bind(Global, &[ctrl('s')], Action::SaveNow, Msg::KeySaveNow, false),
    bind(Global, &[key('W')], Action::SaveElsewhere, Msg::KeySaveElsewhere, false),
    bind(Global, &[ctrl(crate::sync::APP_KEY)], Action::Sync, Msg::KeySync, false),
    bind(Global, &[key('?')], Action::Help, Msg::KeyHelp, true),
    bind(Global, &[key('B')], Action::ImportBundle, Msg::KeyImportBundle, false),
    bind(Global, &[key('E')], Action::SendToTeam, Msg::KeySendToTeam, true).trainees(),
    bind(Global, &[key('E')], Action::PrepareBundles, Msg::KeyPrepareBundles, false).trainers(),
    bind(Global, &[key('M')], Action::MyPath, Msg::KeyMyPath, true).trainees(),
    bind(Global, &[ctrl('o')], Action::ChooseSendFolder, Msg::KeyChooseSendFolder, false),
    bind(Global, &[key('!')], Action::ShowConflicts, Msg::KeyShowConflicts, false),
    bind(Global, &[key('q'), ctrl('c')], Action::Quit, Msg::KeyQuit, true),
];

impl Key {
    /// Whether a terminal key event is this key. Shift is ignored for characters, since the
    /// character itself already carries it ('G', '?').
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let mut modifiers = event.modifiers;
        if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
            modifiers.remove(KeyModifiers::SHIFT);
        }
        let wanted = match event.code {
            // Some terminals send Ctrl-letters upper-cased.
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        self.code == wanted && self.modifiers == modifiers
    }

    /// How the key is written in the README (English).
    pub fn label(&self) -> String {
        self.label_in(Lang::En)
    }

    /// How the key is written in hints and the help, in the user's language ("Entrée",
    /// "Échap", "Maj+Tab" in French).
    pub fn label_in(&self, lang: Lang) -> String {
        let named = |msg: Msg| msg.text(lang).to_owned();
        let name = match self.code {
            KeyCode::Char(' ') => named(Msg::KeyNameSpace),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => named(Msg::KeyNameEnter),
            KeyCode::Esc => named(Msg::KeyNameEsc),
            KeyCode::Tab => "Tab".to_owned(),
            KeyCode::BackTab => named(Msg::KeyNameBackTab),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::PageUp => named(Msg::KeyNamePageUp),
            KeyCode::PageDown => named(Msg::KeyNamePageDown),
            KeyCode::Home => named(Msg::KeyNameHome),
            KeyCode::End => named(Msg::KeyNameEnd),
            KeyCode::Delete => named(Msg::KeyNameDelete),
            KeyCode::Backspace => named(Msg::KeyNameBackspace),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("{}{name}", Msg::KeyNameCtrl.text(lang))
        } else {
            name
        }
    }
}

impl Binding {
    /// What the help and the README call it, marked when only the trainers or only the
    /// trainees may use it.
    pub fn label_for_help(&self, lang: Lang) -> String {
        let mark = match self.who {
            Who::Anyone => return self.label.text(lang).to_owned(),
            Who::Trainers => Msg::TrainersOnlyMark,
            Who::Trainees => Msg::TraineesOnlyMark,
        };
        format!("{} {}", self.label.text(lang), mark.text(lang))
    }

    /// All of the binding's keys, joined for display ("↑ k"), in the user's language.
    pub fn keys_label(&self, lang: Lang) -> String {
        self.keys
            .iter()
            .map(|k| k.label_in(lang))
            .collect::<Vec<_>>()
            .join(" ")
    }
}
