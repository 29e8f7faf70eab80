//! The one key table. Dispatch, the footer hints, the `?` help and the README's table of keys are
//! all read from it, so they cannot disagree.

use super::action::Action;
use super::screen::Screen;
use crate::domain::tutoring::RequestStatus;
use crate::i18n::Msg;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt::Write as _;

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

const fn key(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::NONE,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

const fn code(code: KeyCode) -> Key {
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
}

const fn bind(
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
    }
}

use Context::{ChangedOnDisk, Confirm, Filter, Form, Global, Popup, Welcome};
const MODULES: Context = Context::On(Screen::Modules);
const SEMINARS: Context = Context::View(View::Seminars);
const SEMINAR: Context = Context::View(View::Seminar);
const ROLL_CALL: Context = Context::View(View::RollCall);
const FOLLOW_UP: Context = Context::View(View::FollowUp);
const CIRCLE: Context = Context::On(Screen::Circle);
const KNOWLEDGE: Context = Context::View(View::Knowledge);
const EXCHANGES: Context = Context::View(View::Exchanges);
const PATH: Context = Context::View(View::Path);
const ROUND: Context = Context::View(View::Round);
const CODEV: Context = Context::View(View::Codev);

/// The key table.
#[rustfmt::skip] // a table reads best one binding a line
pub static BINDINGS: &[Binding] = &[
    bind(Welcome, &[key('s')], Action::StartSample, Msg::KeyStartSample, true),
    bind(Welcome, &[key('e')], Action::StartEmpty, Msg::KeyStartEmpty, true),
    bind(Welcome, &[key('b')], Action::ImportBundle, Msg::KeyStartFromBundle, true),
    bind(Welcome, &[key('t')], Action::RoleTrainer, Msg::KeyRoleTrainer, true),
    bind(Welcome, &[key('a')], Action::RoleTrainee, Msg::KeyRoleTrainee, true),
    bind(Welcome, &[key('q'), ctrl('c')], Action::Quit, Msg::KeyQuit, true),
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
    bind(ChangedOnDisk, &[key('r')], Action::Reload, Msg::KeyReload, true),
    bind(ChangedOnDisk, &[key('w'), key('W')], Action::SaveElsewhere, Msg::KeySaveElsewhere, true),
    bind(ChangedOnDisk, &[key('o')], Action::Overwrite, Msg::KeyOverwrite, true),
    bind(ChangedOnDisk, &[code(KeyCode::Esc)], Action::Back, Msg::KeyDecideLater, true),
    bind(ChangedOnDisk, &[ctrl('c')], Action::Quit, Msg::KeyQuit, false),
    bind(Form, &[code(KeyCode::Enter), ctrl('s')], Action::Submit, Msg::KeySubmit, true),
    bind(Form, &[code(KeyCode::Tab), code(KeyCode::Down)], Action::NextField, Msg::KeyNextField, true),
    bind(Form, &[code(KeyCode::BackTab), code(KeyCode::Up)], Action::PreviousField, Msg::KeyPreviousField, false),
    bind(Form, &[ctrl('e')], Action::ExternalEditor, Msg::KeyExternalEditor, true),
    bind(Form, &[ctrl('t')], Action::ToggleShare, Msg::KeyToggleShare, false),
    bind(Form, &[code(KeyCode::Esc)], Action::Back, Msg::KeyCancel, true),
    bind(Filter, &[code(KeyCode::Enter)], Action::Open, Msg::KeyKeepFilter, true),
    bind(Filter, &[code(KeyCode::Esc)], Action::Back, Msg::KeyClearFilter, true),
    bind(Filter, &[code(KeyCode::Up)], Action::Up, Msg::KeyUp, false),
    bind(Filter, &[code(KeyCode::Down)], Action::Down, Msg::KeyDown, false),
    bind(ROLL_CALL, &[key('p')], Action::MarkPresent, Msg::KeyMarkPresent, true),
    bind(ROLL_CALL, &[key('l')], Action::MarkLate, Msg::KeyMarkLate, true),
    bind(ROLL_CALL, &[key('e')], Action::MarkLeftEarly, Msg::KeyMarkLeftEarly, true),
    bind(ROLL_CALL, &[key('a')], Action::MarkAbsent, Msg::KeyMarkAbsent, true),
    bind(ROLL_CALL, &[key('x')], Action::MarkExcused, Msg::KeyMarkExcused, true),
    bind(ROLL_CALL, &[key('P')], Action::EveryonePresent, Msg::KeyEveryonePresent, true),
    bind(ROLL_CALL, &[key('r')], Action::Remark, Msg::KeyRemark, false),
    bind(ROLL_CALL, &[key('T')], Action::EditMark, Msg::KeyEditMark, false),
    bind(ROLL_CALL, &[key('S')], Action::Sign, Msg::KeySign, true),
    bind(ROLL_CALL, &[key('C')], Action::Certificate, Msg::KeyCertificate, false),
    bind(SEMINARS, &[code(KeyCode::Enter)], Action::Open, Msg::KeyOpenSeminar, true),
    bind(SEMINARS, &[key('e')], Action::Edit, Msg::KeyEditSeminar, true),
    bind(SEMINAR, &[code(KeyCode::Enter)], Action::Open, Msg::KeyOpenRollCall, true),
    bind(SEMINAR, &[key('e')], Action::Edit, Msg::KeyEditSeminar, true),
    bind(SEMINAR, &[key('x')], Action::ExportSheet, Msg::KeyExportSeminarSheet, true),
    bind(FOLLOW_UP, &[code(KeyCode::Enter)], Action::Open, Msg::KeyAddFollowUp, true),
    bind(FOLLOW_UP, &[key('C')], Action::Certificate, Msg::KeyCertificate, true),
    bind(MODULES, &[key('t')], Action::TodayRollCall, Msg::KeyTodayRollCall, true),
    bind(MODULES, &[key('s')], Action::ShowSeminars, Msg::KeyShowSeminars, true),
    bind(MODULES, &[key('f')], Action::ShowFollowUp, Msg::KeyShowFollowUp, true),
    bind(MODULES, &[key('n')], Action::New, Msg::KeyNewSeminar, true),
    bind(MODULES, &[key('x')], Action::ExportSheet, Msg::KeyExportCohortSheet, false),
    bind(KNOWLEDGE, &[code(KeyCode::Enter)], Action::Open, Msg::KeyPutInTouch, true),
    bind(KNOWLEDGE, &[key('n')], Action::New, Msg::KeyNewKnowledge, true),
    bind(KNOWLEDGE, &[key('e')], Action::Edit, Msg::KeyEditKnowledge, true),
    bind(KNOWLEDGE, &[key('d'), code(KeyCode::Delete)], Action::Delete, Msg::KeyDeleteKnowledge, false),
    bind(KNOWLEDGE, &[key('x')], Action::ShowExchanges, Msg::KeyShowExchanges, true),
    bind(EXCHANGES, &[code(KeyCode::Enter), key('e')], Action::Open, Msg::KeyEvaluate, true),
    bind(PATH, &[code(KeyCode::Enter), key(' ')], Action::CycleLevel, Msg::KeyCycleLevel, true),
    bind(PATH, &[key('n')], Action::AddEvidence, Msg::KeyAddEvidence, true),
    bind(PATH, &[key('a')], Action::EditCandidacy, Msg::KeyEditCandidacy, true),
    bind(PATH, &[key('f')], Action::EditFunding, Msg::KeyEditFunding, true),
    bind(PATH, &[key('F')], Action::AddFunding, Msg::KeyAddFunding, false),
    bind(ROUND, &[key(' ')], Action::StartPause, Msg::KeyStartPause, true),
    bind(ROUND, &[key('n')], Action::NextSpeaker, Msg::KeyNextSpeaker, true),
    bind(ROUND, &[key('s')], Action::SkipSpeaker, Msg::KeySkipSpeaker, true),
    bind(ROUND, &[key('d')], Action::Redraw, Msg::KeyRedraw, true),
    bind(ROUND, &[key('+')], Action::MoreTime, Msg::KeyMoreTime, false),
    bind(ROUND, &[key('-')], Action::LessTime, Msg::KeyLessTime, false),
    bind(CODEV, &[code(KeyCode::Enter)], Action::SetClient, Msg::KeySetClient, true),
    bind(CODEV, &[key('m')], Action::ToggleConsultant, Msg::KeyToggleConsultant, true),
    bind(CODEV, &[key('b')], Action::BeginCodev, Msg::KeyBeginCodev, true),
    bind(CODEV, &[key(' ')], Action::StartPause, Msg::KeyStartPause, true),
    bind(CODEV, &[key('n')], Action::NextStep, Msg::KeyNextStep, true),
    bind(CIRCLE, &[key('v')], Action::ToggleCircleView, Msg::KeyToggleCircleView, true),
    bind(CIRCLE, &[key('o')], Action::ShowKnowledge, Msg::KeyShowKnowledge, true),
    bind(CIRCLE, &[key('x')], Action::ShowExchanges, Msg::KeyShowExchanges, false),
    bind(CIRCLE, &[key('p')], Action::ShowPath, Msg::KeyShowPath, true),
    bind(CIRCLE, &[key('s')], Action::ShowRound, Msg::KeyShowRound, true),
    bind(CIRCLE, &[key('C')], Action::ShowCodev, Msg::KeyShowCodev, false),
    bind(CIRCLE, &[key('a')], Action::Enrol, Msg::KeyEnrol, false),
    bind(CIRCLE, &[key('d')], Action::Depart, Msg::KeyDepart, false),
    bind(Context::On(Screen::Contacts), &[key('n')], Action::New, Msg::KeyNewPerson, true),
    bind(Context::On(Screen::Contacts), &[key('e')], Action::Edit, Msg::KeyEditPerson, true),
    bind(Context::On(Screen::Contacts), &[key('d'), code(KeyCode::Delete)], Action::Delete, Msg::KeyDeletePerson, false),
    bind(Context::On(Screen::Contacts), &[key('y')], Action::CopyEmail, Msg::KeyCopyEmail, true),
    bind(Context::On(Screen::Contacts), &[key('Y')], Action::CopyPhone, Msg::KeyCopyPhone, false),
    bind(Context::On(Screen::Contacts), &[key('m')], Action::Mail, Msg::KeyMail, false),
    bind(Context::On(Screen::Contacts), &[key('M')], Action::Merge, Msg::KeyMerge, false),
    bind(Context::On(Screen::Contacts), &[key('s')], Action::Sort, Msg::KeySort, true),
    bind(Context::On(Screen::Contacts), &[key('v')], Action::Group, Msg::KeyGroup, false),
    bind(Context::On(Screen::Contacts), &[key('x')], Action::Export, Msg::KeyExport, false),
    bind(Context::On(Screen::Contacts), &[key('I')], Action::Import, Msg::KeyImport, false),
    bind(Context::On(Screen::Tutoring), &[key('n')], Action::New, Msg::KeyNewRequest, true),
    bind(Context::On(Screen::Tutoring), &[key('a')], Action::Move(RequestStatus::Accepted), Msg::KeyAccept, true),
    bind(Context::On(Screen::Tutoring), &[key('x')], Action::Move(RequestStatus::Declined), Msg::KeyDecline, false),
    bind(Context::On(Screen::Tutoring), &[key('D')], Action::Move(RequestStatus::Duplicate), Msg::KeyMarkDuplicate, false),
    bind(Context::On(Screen::Tutoring), &[key('f')], Action::Move(RequestStatus::Deferred), Msg::KeyDefer, false),
    bind(Context::On(Screen::Tutoring), &[key('s')], Action::Move(RequestStatus::Scheduled), Msg::KeySchedule, true),
    bind(Context::On(Screen::Tutoring), &[key('d')], Action::Move(RequestStatus::Done), Msg::KeyMarkDone, true),
    bind(Context::On(Screen::Tutoring), &[key('C')], Action::Move(RequestStatus::Cancelled), Msg::KeyCancelRequest, false),
    bind(Context::On(Screen::Tutoring), &[key('t')], Action::CycleStatusFilter, Msg::KeyFilterStatus, true),
    bind(Context::On(Screen::Tutoring), &[key('T')], Action::CycleTutorFilter, Msg::KeyFilterTutor, false),
    bind(Context::On(Screen::Tutoring), &[key('p')], Action::CycleTraineeFilter, Msg::KeyFilterTrainee, false),
    bind(Context::On(Screen::Tutoring), &[key('e')], Action::ExportCalendar, Msg::KeyExportCalendar, false),
    bind(Context::On(Screen::Tutoring), &[code(KeyCode::Enter)], Action::Open, Msg::KeyDetail, false),
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
    bind(Global, &[key('!')], Action::ShowConflicts, Msg::KeyShowConflicts, false),
    bind(Context::Preview, &[key('y'), key('o'), code(KeyCode::Enter)], Action::Yes, Msg::KeyApplyImport, true),
    bind(Context::Preview, &[key('n'), code(KeyCode::Esc)], Action::No, Msg::KeyCancel, true),
    bind(Context::Preview, &[code(KeyCode::Up), key('k')], Action::Up, Msg::KeyUp, false),
    bind(Context::Preview, &[code(KeyCode::Down), key('j')], Action::Down, Msg::KeyDown, false),
    bind(Context::Preview, &[code(KeyCode::PageUp)], Action::PageUp, Msg::KeyPageUp, false),
    bind(Context::Preview, &[code(KeyCode::PageDown)], Action::PageDown, Msg::KeyPageDown, false),
    bind(Context::Conflicts, &[code(KeyCode::Up), key('k')], Action::Up, Msg::KeyUp, true),
    bind(Context::Conflicts, &[code(KeyCode::Down), key('j')], Action::Down, Msg::KeyDown, true),
    bind(Context::Conflicts, &[key('1')], Action::ChooseFirst, Msg::KeyChooseFirst, true),
    bind(Context::Conflicts, &[key('2')], Action::ChooseSecond, Msg::KeyChooseSecond, true),
    bind(Context::Conflicts, &[code(KeyCode::Esc), key('q')], Action::Back, Msg::KeyClose, true),
    bind(Context::Conflicts, &[ctrl('c')], Action::Quit, Msg::KeyQuit, false),
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

    /// How the key is written in hints, help and the README.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".to_owned(),
            KeyCode::Esc => "Esc".to_owned(),
            KeyCode::Tab => "Tab".to_owned(),
            KeyCode::BackTab => "Shift-Tab".to_owned(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::Home => "Home".to_owned(),
            KeyCode::End => "End".to_owned(),
            KeyCode::Delete => "Del".to_owned(),
            KeyCode::Backspace => "Backspace".to_owned(),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

impl Binding {
    /// All of the binding's keys, joined for display ("↑ k").
    pub fn keys_label(&self) -> String {
        self.keys
            .iter()
            .map(Key::label)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The contexts searched for a key, most specific first.
pub fn contexts(base: Context, screen: Screen) -> Vec<Context> {
    match base {
        Context::Global | Context::On(_) => vec![Context::On(screen), Context::Global],
        Context::View(view) => vec![base, Context::On(view.screen()), Context::Global],
        other => vec![other],
    }
}

/// The action a key triggers in these contexts, if any.
pub fn dispatch(base: Context, screen: Screen, event: &KeyEvent) -> Option<Action> {
    contexts(base, screen).into_iter().find_map(|context| {
        BINDINGS
            .iter()
            .filter(|b| b.context == context)
            .find(|b| b.keys.iter().any(|k| k.matches(event)))
            .map(|b| b.action)
    })
}

/// The bindings the footer shows in these contexts.
pub fn hints(base: Context, screen: Screen) -> Vec<&'static Binding> {
    contexts(base, screen)
        .into_iter()
        .flat_map(|context| {
            BINDINGS
                .iter()
                .filter(move |b| b.context == context && b.hint)
        })
        .collect()
}

/// The bindings of one context, for the help and the README.
pub fn bindings_of(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.context == context)
}

/// The contexts in the order the help and the README list them.
pub const HELP_ORDER: [Context; 21] = [
    Context::Global,
    Context::On(Screen::Modules),
    Context::View(View::Seminars),
    Context::View(View::Seminar),
    Context::View(View::RollCall),
    Context::View(View::FollowUp),
    Context::On(Screen::Circle),
    Context::View(View::Knowledge),
    Context::View(View::Exchanges),
    Context::View(View::Path),
    Context::View(View::Round),
    Context::View(View::Codev),
    Context::On(Screen::Contacts),
    Context::On(Screen::Tutoring),
    Context::Form,
    Context::Filter,
    Context::Confirm,
    Context::Preview,
    Context::Conflicts,
    Context::ChangedOnDisk,
    Context::Welcome,
];

/// How many lines the help shows: a title, the bindings and a blank line per context.
pub fn help_line_count() -> usize {
    HELP_ORDER
        .iter()
        .map(|&context| bindings_of(context).count() + 2)
        .sum()
}

/// The key table as Markdown, grouped like the help: the README carries it, and a test checks
/// that the two agree.
pub fn markdown(lang: crate::i18n::Lang, title: impl Fn(Context) -> String) -> String {
    let mut out = String::new();
    for context in HELP_ORDER {
        let bindings: Vec<&Binding> = bindings_of(context).collect();
        if bindings.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "\n**{}**\n\n| Keys | Action |\n|---|---|\n",
            title(context)
        );
        for binding in bindings {
            let keys = binding
                .keys
                .iter()
                .map(|k| format!("`{}`", k.label()))
                .collect::<Vec<_>>()
                .join(" ");
            let _ = writeln!(out, "| {keys} | {} |", binding.label.text(lang));
        }
    }
    out
}
