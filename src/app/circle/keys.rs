//! The Knowledge circle's keys: its own, and those of its views (offers and requests,
//! exchanges, a trainee's path, the speaking round, codevelopment).

use crate::app::action::Action;
use crate::app::keymap::{Binding, Context, View, bind, code, key};
use crate::app::screen::Screen;
use crate::i18n::Msg;
use ratatui::crossterm::event::KeyCode;

const CIRCLE: Context = Context::On(Screen::Circle);
const KNOWLEDGE: Context = Context::View(View::Knowledge);
const EXCHANGES: Context = Context::View(View::Exchanges);
const PATH: Context = Context::View(View::Path);
const ROUND: Context = Context::View(View::Round);
const CODEV: Context = Context::View(View::Codev);

/// The screen's part of the key table.
#[rustfmt::skip] // a table reads best one binding a line
pub static KEYS: &[Binding] = &[
    bind(KNOWLEDGE, &[code(KeyCode::Enter)], Action::Open, Msg::KeyPutInTouch, true),
    bind(KNOWLEDGE, &[key('n')], Action::New, Msg::KeyNewKnowledge, true),
    bind(KNOWLEDGE, &[key('e')], Action::Edit, Msg::KeyEditKnowledge, true),
    bind(KNOWLEDGE, &[key('d'), code(KeyCode::Delete)], Action::Delete, Msg::KeyDeleteKnowledge, false),
    bind(KNOWLEDGE, &[key('x')], Action::ShowExchanges, Msg::KeyShowExchanges, true),
    bind(EXCHANGES, &[code(KeyCode::Enter), key('e')], Action::Open, Msg::KeyEvaluate, true),
    bind(PATH, &[code(KeyCode::Enter), key(' ')], Action::CycleLevel, Msg::KeyCycleLevel, true).trainers(),
    bind(PATH, &[code(KeyCode::Enter), key(' ')], Action::CycleLevel, Msg::KeyProposeLevel, true).trainees(),
    bind(PATH, &[key('n')], Action::AddEvidence, Msg::KeyAddEvidence, true).trainers(),
    bind(PATH, &[key('n')], Action::AddEvidence, Msg::KeyProposeEvidence, true).trainees(),
    bind(PATH, &[key('y')], Action::AcceptProposal, Msg::KeyAcceptProposal, true).trainers(),
    bind(PATH, &[key('x')], Action::DeclineProposal, Msg::KeyDeclineProposal, false).trainers(),
    bind(PATH, &[key('a')], Action::EditCandidacy, Msg::KeyEditCandidacy, true).trainers(),
    bind(PATH, &[key('f')], Action::EditFunding, Msg::KeyEditFunding, true).trainers(),
    bind(PATH, &[key('F')], Action::AddFunding, Msg::KeyAddFunding, false).trainers(),
    bind(ROUND, &[key(' ')], Action::StartPause, Msg::KeyStartPause, true),
    bind(ROUND, &[key('n')], Action::NextSpeaker, Msg::KeyNextSpeaker, true),
    bind(ROUND, &[key('s')], Action::SkipSpeaker, Msg::KeySkipSpeaker, true),
    bind(ROUND, &[key('d')], Action::Redraw, Msg::KeyRedraw, true),
    bind(ROUND, &[key('+')], Action::MoreTime, Msg::KeyMoreTime, false),
    bind(ROUND, &[key('-')], Action::LessTime, Msg::KeyLessTime, false),
    // The setup line names Enter, m and b; the footer keeps room for the session's keys.
    bind(CODEV, &[key(' ')], Action::StartPause, Msg::KeyStartPause, true),
    bind(CODEV, &[key('b')], Action::BeginCodev, Msg::KeyBeginCodev, true),
    bind(CODEV, &[key('n')], Action::NextStep, Msg::KeyNextStep, true),
    bind(CODEV, &[key('e')], Action::Edit, Msg::KeyCodevNotes, true),
    bind(CODEV, &[key('+')], Action::MoreTime, Msg::KeyStepLonger, false),
    bind(CODEV, &[key('-')], Action::LessTime, Msg::KeyStepShorter, false),
    bind(CODEV, &[code(KeyCode::Enter)], Action::SetClient, Msg::KeySetClient, false),
    bind(CODEV, &[key('m')], Action::ToggleConsultant, Msg::KeyToggleConsultant, false),
    bind(CIRCLE, &[key('v')], Action::ToggleCircleView, Msg::KeyToggleCircleView, true),
    bind(CIRCLE, &[key('o')], Action::ShowKnowledge, Msg::KeyShowKnowledge, true),
    bind(CIRCLE, &[key('x')], Action::ShowExchanges, Msg::KeyShowExchanges, false),
    bind(CIRCLE, &[key('p')], Action::ShowPath, Msg::KeyShowPath, true),
    bind(CIRCLE, &[key('s')], Action::ShowRound, Msg::KeyShowRound, true),
    bind(CIRCLE, &[key('C')], Action::ShowCodev, Msg::KeyShowCodev, false),
    bind(CIRCLE, &[key('a')], Action::Enrol, Msg::KeyEnrol, false).trainers(),
    bind(CIRCLE, &[key('d')], Action::Depart, Msg::KeyDepart, false).trainers(),
];
