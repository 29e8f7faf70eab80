//! The Peer contacts screen's keys.

use crate::app::action::Action;
use crate::app::keymap::{Binding, Context, bind, code, key};
use crate::app::screen::Screen;
use crate::i18n::Msg;
use ratatui::crossterm::event::KeyCode;

/// The screen's part of the key table.
#[rustfmt::skip] // a table reads best one binding a line
pub static KEYS: &[Binding] = &[
    bind(Context::On(Screen::Contacts), &[key('n')], Action::New, Msg::KeyNewPerson, true),
    bind(Context::On(Screen::Contacts), &[key('e')], Action::Edit, Msg::KeyEditPerson, true),
    bind(Context::On(Screen::Contacts), &[key('d'), code(KeyCode::Delete)], Action::Delete, Msg::KeyDeletePerson, false),
    bind(Context::On(Screen::Contacts), &[key('y')], Action::CopyEmail, Msg::KeyCopyEmail, true),
    bind(Context::On(Screen::Contacts), &[key('Y')], Action::CopyPhone, Msg::KeyCopyPhone, false),
    bind(Context::On(Screen::Contacts), &[key('m')], Action::Mail, Msg::KeyMail, false),
    bind(Context::On(Screen::Contacts), &[key('M')], Action::Merge, Msg::KeyMerge, false).trainers(),
    bind(Context::On(Screen::Contacts), &[key('s')], Action::Sort, Msg::KeySort, true),
    bind(Context::On(Screen::Contacts), &[key('v')], Action::Group, Msg::KeyGroup, false),
    bind(Context::On(Screen::Contacts), &[key('x')], Action::Export, Msg::KeyExport, false),
    bind(Context::On(Screen::Contacts), &[key('I')], Action::Import, Msg::KeyImport, false),
];
