//! The Modules screen's keys: its own, and those of its views (seminars, a seminar, the roll
//! call, the follow-up list).

use crate::app::action::Action;
use crate::app::keymap::{Binding, Context, View, bind, code, key};
use crate::app::screen::Screen;
use crate::i18n::Msg;
use ratatui::crossterm::event::KeyCode;

const MODULES: Context = Context::On(Screen::Modules);
const SEMINARS: Context = Context::View(View::Seminars);
const SEMINAR: Context = Context::View(View::Seminar);
const ROLL_CALL: Context = Context::View(View::RollCall);
const FOLLOW_UP: Context = Context::View(View::FollowUp);

/// The screen's part of the key table.
#[rustfmt::skip] // a table reads best one binding a line
pub static KEYS: &[Binding] = &[
    // The roll call's most used keys first: the footer shows what fits, in this order.
    bind(ROLL_CALL, &[key('p')], Action::MarkPresent, Msg::KeyMarkPresent, true).trainers(),
    bind(ROLL_CALL, &[key('a')], Action::MarkAbsent, Msg::KeyMarkAbsent, true).trainers(),
    bind(ROLL_CALL, &[key('l')], Action::MarkLate, Msg::KeyMarkLate, true).trainers(),
    bind(ROLL_CALL, &[key('S')], Action::Sign, Msg::KeySign, true).trainers(),
    bind(ROLL_CALL, &[key('e')], Action::MarkLeftEarly, Msg::KeyMarkLeftEarly, true).trainers(),
    bind(ROLL_CALL, &[key('x')], Action::MarkExcused, Msg::KeyMarkExcused, true).trainers(),
    bind(ROLL_CALL, &[key('P')], Action::EveryonePresent, Msg::KeyEveryonePresent, true).trainers(),
    bind(ROLL_CALL, &[key('r')], Action::Remark, Msg::KeyRemark, false).trainers(),
    bind(ROLL_CALL, &[key('T')], Action::EditMark, Msg::KeyEditMark, false).trainers(),
    bind(ROLL_CALL, &[key('g')], Action::SignLine, Msg::KeySignLine, true),
    bind(ROLL_CALL, &[key('H')], Action::ShowCorrections, Msg::KeyCorrections, false),
    bind(ROLL_CALL, &[key('M')], Action::MissingSignature, Msg::KeyMissingSignature, false).trainers(),
    bind(ROLL_CALL, &[key('K')], Action::ResetCode, Msg::KeyResetCode, false).trainers(),
    bind(ROLL_CALL, &[key('U')], Action::WithdrawSeal, Msg::KeyWithdrawSeal, false).trainers(),
    bind(ROLL_CALL, &[code(KeyCode::Left)], Action::Left, Msg::KeyPrevHalfDay, false),
    bind(ROLL_CALL, &[code(KeyCode::Right)], Action::Right, Msg::KeyNextHalfDay, false),
    bind(ROLL_CALL, &[key('C')], Action::Certificate, Msg::KeyCertificate, false).trainers(),
    bind(SEMINARS, &[code(KeyCode::Enter)], Action::Open, Msg::KeyOpenSeminar, true),
    bind(SEMINARS, &[key('e')], Action::Edit, Msg::KeyEditSeminar, true).trainers(),
    bind(SEMINAR, &[code(KeyCode::Enter)], Action::Open, Msg::KeyOpenRollCall, true),
    bind(SEMINAR, &[key('e')], Action::Edit, Msg::KeyEditSeminar, true).trainers(),
    bind(SEMINAR, &[key('x')], Action::ExportSheet, Msg::KeyExportSeminarSheet, true).trainers(),
    bind(FOLLOW_UP, &[code(KeyCode::Enter)], Action::Open, Msg::KeyAddFollowUp, true).trainers(),
    bind(FOLLOW_UP, &[key('L')], Action::ListFollowUps, Msg::KeyListFollowUps, true).trainers(),
    bind(FOLLOW_UP, &[key('C')], Action::Certificate, Msg::KeyCertificate, true).trainers(),
    bind(MODULES, &[key('t')], Action::TodayRollCall, Msg::KeyTodayRollCall, true),
    bind(MODULES, &[key('s')], Action::ShowSeminars, Msg::KeyShowSeminars, true),
    bind(MODULES, &[key('f')], Action::ShowFollowUp, Msg::KeyShowFollowUp, true).trainers(),
    bind(MODULES, &[key('n')], Action::New, Msg::KeyNewSeminar, true).trainers(),
    bind(MODULES, &[key('O')], Action::EditOrganisation, Msg::KeyEditOrganisation, false).trainers(),
    bind(MODULES, &[key('x')], Action::ExportSheet, Msg::KeyExportCohortSheet, false).trainers(),
];
