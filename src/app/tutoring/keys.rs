//! The Tutor requests screen's keys.

use crate::app::action::Action;
use crate::app::keymap::{Binding, Context, bind, code, key};
use crate::app::screen::Screen;
use crate::domain::tutoring::RequestStatus;
use crate::i18n::Msg;
use ratatui::crossterm::event::KeyCode;

/// The screen's part of the key table.
#[rustfmt::skip] // a table reads best one binding a line
pub static KEYS: &[Binding] = &[
    bind(Context::On(Screen::Tutoring), &[key('n')], Action::New, Msg::KeyNewRequest, true),
    bind(Context::On(Screen::Tutoring), &[key('a')], Action::Move(RequestStatus::Accepted), Msg::KeyAccept, true).trainers(),
    bind(Context::On(Screen::Tutoring), &[key('x')], Action::Move(RequestStatus::Declined), Msg::KeyDecline, false).trainers(),
    bind(Context::On(Screen::Tutoring), &[key('D')], Action::Move(RequestStatus::Duplicate), Msg::KeyMarkDuplicate, false).trainers(),
    bind(Context::On(Screen::Tutoring), &[key('f')], Action::Move(RequestStatus::Deferred), Msg::KeyDefer, false).trainers(),
    bind(Context::On(Screen::Tutoring), &[key('s')], Action::Move(RequestStatus::Scheduled), Msg::KeySchedule, true).trainers(),
    bind(Context::On(Screen::Tutoring), &[key('d')], Action::Move(RequestStatus::Done), Msg::KeyMarkDone, true).trainers(),
    bind(Context::On(Screen::Tutoring), &[key('C')], Action::Move(RequestStatus::Cancelled), Msg::KeyCancelRequest, false),
    bind(Context::On(Screen::Tutoring), &[key('t')], Action::CycleStatusFilter, Msg::KeyFilterStatus, true),
    bind(Context::On(Screen::Tutoring), &[key('T')], Action::CycleTutorFilter, Msg::KeyFilterTutor, false),
    bind(Context::On(Screen::Tutoring), &[key('p')], Action::CycleTraineeFilter, Msg::KeyFilterTrainee, false),
    bind(Context::On(Screen::Tutoring), &[key('e')], Action::ExportCalendar, Msg::KeyExportCalendar, false),
    bind(Context::On(Screen::Tutoring), &[code(KeyCode::Enter)], Action::Open, Msg::KeyDetail, false),
];
