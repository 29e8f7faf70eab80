//! The Modules screen's state and actions: the programme, the seminars, the roll call of a
//! half-day and the follow-up list.

use super::Purpose;
mod corrections;
mod documents;
pub mod keys;
mod organisation_form;
mod seminar_form;
mod signing;
pub use corrections::{correction_chosen, withdraw_recorded};
pub use signing::{is_altered, sealer_chosen, verified};

use super::Form;
use super::dates::{parse_date, parse_time, parse_time_range};
use super::form::{Field, FieldKind};
use super::keymap::View;
use super::list::Cursor;
use super::{Action, App, Choice, ChoicePurpose, Effect, Overlay};
use crate::domain::clock;
use crate::domain::cohort::{Channel, FollowUp};
use crate::domain::rollcall::{self, MarkInput, RollCallError};
use crate::domain::rules::chronological;
use crate::domain::{
    Cohort, FollowUpId, HalfDay, HalfDayId, Note, PersonId, Seminar, SeminarId, Status,
};
use crate::i18n::{Msg, fill};
use chrono::Timelike;

/// Where the Modules screen is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ModulesState {
    /// The programme's modules, filtered.
    pub listing: super::list::Listing,
    /// The view in front; `None` is the programme.
    pub view: Option<View>,
    /// The seminar opened, in the seminar and roll-call views.
    pub seminar: Option<SeminarId>,
    /// The half-day whose roll is being taken.
    pub half_day: Option<HalfDayId>,
    /// The seminars by date, filtered with `/`.
    pub seminars: super::list::Listing,
    /// The cursor of a seminar's half-days.
    pub half_days: Cursor,
    /// The roll call's trainees, filtered with `/`.
    pub roll: super::list::Listing,
    /// The follow-up list, filtered with `/`.
    pub follow: super::list::Listing,
    /// Wrong codes per line, in memory only.
    pub attempts: crate::domain::signing::Attempts,
    /// The half-day whose unmarked trainees were listed: the next `S` seals it anyway.
    pub confirm_unmarked: Option<HalfDayId>,
    /// What `verify` found altered in the current cohort's record, checked after loading.
    pub altered: Vec<crate::domain::audit::Problem>,
}

/// The forms of the Modules screen.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ModulesForm {
    /// A new seminar in the current cohort.
    NewSeminar,
    /// Editing a seminar.
    EditSeminar(SeminarId),
    /// Why a mark of a signed sheet changes, with the change waiting.
    ChangeReason(HalfDayId, PersonId, crate::domain::rollcall::MarkInput),
    /// A remark on a mark.
    Remark(HalfDayId, PersonId),
    /// The time or reason of a mark.
    EditMark(HalfDayId, PersonId),
    /// A typed reason for an excused absence.
    ExcuseReason(HalfDayId, PersonId),
    /// A follow-up entry for a trainee.
    FollowUp(PersonId),
    /// A trainee's code, to sign her line.
    SignLine(HalfDayId, PersonId),
    /// The code of the trainer who seals the sheet (who I am, or who was chosen).
    Seal(HalfDayId, PersonId),
    /// Why a trainee's line stays unsigned ("signature manquante").
    MissingSignature(HalfDayId, PersonId),
    /// Why a trainee's code is reset.
    ResetCode(PersonId),
    /// Why a correction of the history is withdrawn (its number from 0).
    Withdraw(HalfDayId, u32),
    /// Why the seal a sheet stands under is withdrawn, and the trainer's code to sign that.
    WithdrawSeal(HalfDayId),
    /// The organisation's legal identity.
    Organisation,
}

/// The reasons offered for an excused absence, the last one opening a typed reason.
pub const EXCUSES: [Msg; 6] = [
    Msg::ExcuseIllness,
    Msg::ExcuseMedical,
    Msg::ExcuseFamily,
    Msg::ExcuseTransport,
    Msg::ExcuseWork,
    Msg::ExcuseOther,
];

/// The ways a follow-up is made, in the order of [`Channel`].
pub const CHANNELS: [Msg; 4] = [
    Msg::ChannelPhone,
    Msg::ChannelEmail,
    Msg::ChannelInPerson,
    Msg::ChannelVideo,
];

/// The cohort's seminars in date order (of their first half-day).
pub fn seminars_by_date(cohort: &Cohort) -> Vec<&Seminar> {
    let mut list: Vec<&Seminar> = cohort.seminars.iter().collect();
    list.sort_by_key(|s| s.half_days.iter().map(|h| (h.date, h.period)).min());
    list
}

/// The seminar opened, if it still exists.
pub fn open_seminar(app: &App) -> Option<&Seminar> {
    let id = app.modules.seminar.as_ref()?;
    app.cohort()?.seminars.iter().find(|s| &s.id == id)
}

/// The half-day whose roll is taken, with its seminar.
pub fn open_half_day(app: &App) -> Option<(&Seminar, &HalfDay)> {
    let id = app.modules.half_day.as_ref()?;
    app.cohort()?
        .seminars
        .iter()
        .find_map(|s| s.half_days.iter().find(|h| &h.id == id).map(|h| (s, h)))
}

/// The trainees on a roll call, in roster order (those who left are not called).
pub fn roll(app: &App) -> Vec<PersonId> {
    app.cohort()
        .map(|c| c.active_trainees().cloned().collect())
        .unwrap_or_default()
}

/// The roll call's rows for its `/` filter: the trainees' names.
fn roll_rows(app: &App, filter: &str) -> (usize, Vec<usize>) {
    let trainees = roll(app);
    let rows = super::rows::filtered(trainees.len(), filter, |i| {
        app.data
            .person(&trainees[i])
            .map(super::rows::person_text)
            .unwrap_or_default()
    });
    (trainees.len(), rows)
}

/// The list of the view in front, when it has one that `/` filters.
pub fn view_listing(app: &App) -> Option<&super::list::Listing> {
    match app.modules.view {
        Some(View::RollCall) => Some(&app.modules.roll),
        Some(View::Seminars) => Some(&app.modules.seminars),
        Some(View::FollowUp) => Some(&app.modules.follow),
        _ => None,
    }
}

/// The same, to change.
pub fn view_listing_mut(app: &mut App) -> Option<&mut super::list::Listing> {
    match app.modules.view {
        Some(View::RollCall) => Some(&mut app.modules.roll),
        Some(View::Seminars) => Some(&mut app.modules.seminars),
        Some(View::FollowUp) => Some(&mut app.modules.follow),
        _ => None,
    }
}

/// Recomputes the filtered rows of the views' lists after the data or a filter changed.
pub fn refresh_view_rows(app: &mut App) {
    let height = app.page_height();
    let roll = roll_rows(app, &app.modules.roll.filter);
    app.modules.roll.refill(roll, height);
    let seminars = seminar_rows(app, &app.modules.seminars.filter);
    app.modules.seminars.refill(seminars, height);
    // The follow-up list is worked out from every mark: only while it is in front.
    if app.modules.view == Some(View::FollowUp) {
        let follow = follow_rows(app, &app.modules.follow.filter);
        app.modules.follow.refill(follow, height);
    }
}

/// The seminars' rows for their `/` filter, in date order: date, modules, venue, trainer.
fn seminar_rows(app: &App, filter: &str) -> (usize, Vec<usize>) {
    let seminars = app.cohort().map(seminars_by_date).unwrap_or_default();
    let rows = super::rows::filtered(seminars.len(), filter, |i| {
        let seminar = seminars[i];
        let dates: Vec<String> = seminar
            .half_days
            .iter()
            .map(|h| h.date.format("%d/%m/%Y").to_string())
            .collect();
        let modules: Vec<String> = seminar
            .modules
            .iter()
            .filter_map(|m| app.data.programme.module(m))
            .map(|m| format!("{} {}", m.code, m.title))
            .collect();
        let venue = app
            .data
            .venue(&seminar.venue)
            .map(|v| format!("{} {}", v.name, v.city))
            .unwrap_or_default();
        let trainer = app
            .data
            .person(&seminar.trainer)
            .map_or("", |p| p.name.as_str());
        format!(
            "{} {} {venue} {trainer}",
            dates.join(" "),
            modules.join(" ")
        )
    });
    (seminars.len(), rows)
}

/// The follow-up list's rows for its `/` filter: the trainee, or the sheet's date.
fn follow_rows(app: &App, filter: &str) -> (usize, Vec<usize>) {
    let items = follow_ups(app);
    let rows = super::rows::filtered(items.len(), filter, |i| match &items[i] {
        rollcall::Attention::Trainee { trainee, .. } => app
            .data
            .person(trainee)
            .map(super::rows::person_text)
            .unwrap_or_default(),
        rollcall::Attention::UnsignedSheet { date, .. }
        | rollcall::Attention::NeverTaken { date, .. } => date.format("%d/%m/%Y").to_string(),
    });
    (items.len(), rows)
}

/// The follow-up list of the current cohort.
pub fn follow_ups(app: &App) -> Vec<rollcall::Attention> {
    app.cohort()
        .map(|c| rollcall::attention(c, app.today, app.config.attendance_threshold))
        .unwrap_or_default()
}

/// Handles the Modules screen's actions; `None` leaves the action to the generic list.
pub fn update(app: &mut App, action: Action) -> Option<Vec<Effect>> {
    let height = app.page_height();
    match action {
        Action::ShowSeminars => {
            app.modules.view = Some(View::Seminars);
            return Some(Vec::new());
        }
        Action::ShowFollowUp => {
            app.modules.view = Some(View::FollowUp);
            refresh_view_rows(app);
            return Some(Vec::new());
        }
        Action::TodayRollCall => {
            today(app);
            return Some(Vec::new());
        }
        Action::New => {
            app.overlay = Some(Overlay::Form(Box::new(seminar_form(app, None))));
            return Some(Vec::new());
        }
        Action::EditOrganisation => {
            let form = organisation_form::open(app);
            app.overlay = Some(Overlay::Form(Box::new(form)));
            return Some(Vec::new());
        }
        Action::ExportSheet if app.modules.view != Some(View::Seminar) => {
            return Some(documents::cohort_sheet(app));
        }
        _ => {}
    }
    let view = app.modules.view?;
    if action == Action::Back {
        app.modules.view = match view {
            View::RollCall => Some(View::Seminar),
            View::Seminar => Some(View::Seminars),
            _ => None,
        };
        return Some(Vec::new());
    }
    let (len, cursor) = view_cursor(app, view);
    if move_cursor(cursor, action, len, height) {
        return Some(Vec::new());
    }
    Some(match view {
        View::Seminars => seminars(app, action),
        View::Seminar => seminar(app, action),
        View::RollCall => roll_call(app, action),
        View::FollowUp => follow_up(app, action),
        // The other views belong to other screens.
        _ => Vec::new(),
    })
}

/// The length of a view's list and its cursor.
fn view_cursor(app: &mut App, view: View) -> (usize, &mut Cursor) {
    match view {
        View::Seminars => (
            app.modules.seminars.rows.len(),
            &mut app.modules.seminars.cursor,
        ),
        View::Seminar => (
            open_seminar(app).map_or(0, |s| s.half_days.len()),
            &mut app.modules.half_days,
        ),
        View::RollCall => (app.modules.roll.rows.len(), &mut app.modules.roll.cursor),
        // The other views belong to other screens: an empty list.
        _ => (
            app.modules.follow.rows.len(),
            &mut app.modules.follow.cursor,
        ),
    }
}

/// A click on the `n`th visible row of the view's list selects it; false outside a view.
pub fn click(app: &mut App, n: usize) -> bool {
    let Some(view) = app.modules.view else {
        return false;
    };
    let height = app.page_height();
    let (len, cursor) = view_cursor(app, view);
    let target = cursor.offset + n;
    if target < len {
        cursor.select(target, len, height);
    }
    true
}

/// Moves a view's cursor; false when the action is not a move.
pub(crate) fn move_cursor(cursor: &mut Cursor, action: Action, len: usize, height: usize) -> bool {
    let page = isize::try_from(height).unwrap_or(1);
    match action {
        Action::Up => cursor.step(-1, len, height),
        Action::Down => cursor.step(1, len, height),
        Action::PageUp => cursor.step(-page, len, height),
        Action::PageDown => cursor.step(page, len, height),
        Action::Top => cursor.select(0, len, height),
        Action::Bottom => cursor.select(len.saturating_sub(1), len, height),
        Action::ScrollUp => cursor.scroll(-3, len, height),
        Action::ScrollDown => cursor.scroll(3, len, height),
        _ => return false,
    }
    true
}

/// How many modules the programme has, and those that the filter keeps.
pub fn rows(app: &App, filter: &str) -> (usize, Vec<usize>) {
    let modules = &app.data.programme.modules;
    let rows = super::rows::filtered(modules.len(), filter, |i| {
        modules
            .get(i)
            .map(|m| format!("{} {}", m.code, m.title))
            .unwrap_or_default()
    });
    (modules.len(), rows)
}

/// Lines the view in front draws above its list: the programme's summary, a seminar's venue
/// card, the roll call's heading.
pub fn list_top(app: &App) -> u16 {
    match app.modules.view {
        None => 1,
        Some(View::Seminar) => 6,
        Some(View::RollCall) => 2,
        _ => 0,
    }
}

/// Today's half-day, if there is one: the afternoon's after 13:00 when there are both.
fn todays_half_day(app: &App) -> Option<(SeminarId, HalfDayId)> {
    let cohort = app.cohort()?;
    let afternoon = clock::local(app.now).hour() >= 13;
    let todays: Vec<(&Seminar, &HalfDay)> = chronological(cohort)
        .into_iter()
        .filter(|(_, h)| h.date == app.today)
        .collect();
    todays
        .iter()
        .find(|(_, h)| (h.period == crate::domain::Period::Afternoon) == afternoon)
        .or(todays.first())
        .map(|(s, h)| (s.id.clone(), h.id.clone()))
}

/// A trainer lands on today's roll call when there is one.
pub fn land(app: &mut App) {
    if let Some((seminar, half_day)) = todays_half_day(app) {
        open_roll_call(app, seminar, half_day);
    }
}

/// Opens today's half-day, or says when the next one is.
fn today(app: &mut App) {
    if let Some((seminar, half_day)) = todays_half_day(app) {
        open_roll_call(app, seminar, half_day);
        return;
    }
    let Some(cohort) = app.cohort() else {
        app.notify_error(app.tr(Msg::NoCohort));
        return;
    };
    let next = chronological(cohort)
        .into_iter()
        .find(|(_, h)| h.date > app.today)
        .map(|(_, h)| h.date.format("%d/%m/%Y").to_string());
    let text = match next {
        Some(date) => fill(app.tr(Msg::NoHalfDayTodayNext), &[("date", &date)]),
        None => app.tr(Msg::NoHalfDayToday).to_owned(),
    };
    app.notify(text);
    app.modules.view = Some(View::Seminars);
}

/// Opens the roll call of a half-day, the cursor on the first trainee not marked yet.
pub fn open_roll_call(app: &mut App, seminar: SeminarId, half_day: HalfDayId) {
    app.modules.seminar = Some(seminar);
    app.modules.half_day = Some(half_day);
    app.modules.view = Some(View::RollCall);
    app.modules.roll = super::list::Listing::default();
    refresh_view_rows(app);
    let trainees = roll(app);
    let marked: Vec<bool> = open_half_day(app).map_or_else(Vec::new, |(_, h)| {
        trainees.iter().map(|t| h.mark_of(t).is_some()).collect()
    });
    let height = app.page_height();
    app.modules
        .roll
        .select_where(height, |n| marked.get(n) == Some(&false));
}

fn seminars(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(cohort) = app.cohort() else {
        return Vec::new();
    };
    let Some(id) = app
        .modules
        .seminars
        .selected()
        .and_then(|n| seminars_by_date(cohort).get(n).copied())
        .map(|s| s.id.clone())
    else {
        return Vec::new();
    };
    match action {
        Action::Open => open_seminar_today(app, id),
        Action::Edit => {
            let form = seminar_form(app, Some(&id));
            app.overlay = Some(Overlay::Form(Box::new(form)));
        }
        _ => {}
    }
    Vec::new()
}

/// Opens a seminar: straight into today's roll call when today is one of its days, else on
/// its list of half-days with the cursor on the next one to come.
fn open_seminar_today(app: &mut App, id: SeminarId) {
    let todays = todays_half_day(app).filter(|(seminar, _)| seminar == &id);
    if let Some((seminar, half_day)) = todays {
        open_roll_call(app, seminar, half_day);
        return;
    }
    let today = app.today;
    let coming = app
        .cohort()
        .and_then(|c| c.seminars.iter().find(|s| s.id == id))
        .map_or(0, |s| {
            s.half_days
                .iter()
                .position(|h| h.date >= today)
                .unwrap_or(0)
        });
    app.modules.seminar = Some(id);
    app.modules.view = Some(View::Seminar);
    let len = open_seminar(app).map_or(0, |s| s.half_days.len());
    let height = app.page_height();
    app.modules.half_days = Cursor::default();
    app.modules.half_days.select(coming, len, height);
}

fn seminar(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(seminar) = open_seminar(app) else {
        app.modules.view = Some(View::Seminars);
        return Vec::new();
    };
    let id = seminar.id.clone();
    let half_day = seminar
        .half_days
        .get(app.modules.half_days.selected)
        .map(|h| h.id.clone());
    match action {
        Action::Open => {
            if let Some(half_day) = half_day {
                open_roll_call(app, id, half_day);
            }
            Vec::new()
        }
        Action::Edit => {
            let form = seminar_form(app, Some(&id));
            app.overlay = Some(Overlay::Form(Box::new(form)));
            Vec::new()
        }
        Action::ExportSheet => documents::seminar_sheet(app, &id),
        _ => Vec::new(),
    }
}

/// Who marks and signs: the user if they said who they are, else the seminar's trainer.
fn signer(app: &App) -> Option<PersonId> {
    app.config
        .me
        .clone()
        .or_else(|| open_half_day(app).map(|(s, _)| s.trainer.clone()))
}

fn roll_call(app: &mut App, action: Action) -> Vec<Effect> {
    let Some((_, half_day)) = open_half_day(app) else {
        app.modules.view = Some(View::Seminar);
        return Vec::new();
    };
    let half_day_id = half_day.id.clone();
    let signed = half_day.signature.is_some();
    let trainees = roll(app);
    // The row shown under the cursor, whatever the filter leaves.
    let Some(trainee) = app
        .modules
        .roll
        .selected()
        .and_then(|n| trainees.get(n))
        .cloned()
    else {
        return Vec::new();
    };
    let now = clock::local(app.now).time();
    let input = |status, time| MarkInput {
        status,
        time,
        reason: None,
    };
    match action {
        Action::MarkPresent => set_mark(app, &half_day_id, &trainee, input(Status::Present, None)),
        Action::MarkLate => set_mark(app, &half_day_id, &trainee, input(Status::Late, Some(now))),
        Action::MarkLeftEarly => set_mark(
            app,
            &half_day_id,
            &trainee,
            input(Status::LeftEarly, Some(now)),
        ),
        Action::MarkAbsent => set_mark(app, &half_day_id, &trainee, input(Status::Absent, None)),
        Action::MarkExcused => {
            let options = EXCUSES.iter().map(|m| app.tr(*m).to_owned()).collect();
            app.overlay = Some(Overlay::Choice(Choice {
                title: Msg::ExcuseTitle,
                options,
                cursor: Cursor::default(),
                purpose: ChoicePurpose::Excuse(half_day_id, trainee),
            }));
            Vec::new()
        }
        Action::EveryonePresent => everyone_present(app, &half_day_id),
        Action::Sign => signing::seal_form(app, half_day_id),
        Action::SignLine => {
            // In a trainee's own Cercle, she signs her own line whatever the cursor is on.
            let own = signing::trainee_self(app).unwrap_or(trainee);
            signing::line_form(app, half_day_id, &own)
        }
        Action::ShowCorrections => signing::corrections(app),
        Action::MissingSignature => corrections::missing_form(app, half_day_id, trainee),
        Action::ResetCode => corrections::reset_form(app, trainee),
        Action::WithdrawSeal => corrections::withdraw_seal_form(app, &half_day_id),
        Action::Left => step_half_day(app, &half_day_id, -1),
        Action::Right => step_half_day(app, &half_day_id, 1),
        Action::Remark => {
            let current = open_half_day(app)
                .and_then(|(_, h)| h.mark_of(&trainee))
                .and_then(|m| m.remark.clone())
                .unwrap_or_default();
            let field = Field::new(Msg::FieldRemark, FieldKind::Text, &current);
            let form = Form::new(
                Purpose::Modules(ModulesForm::Remark(half_day_id, trainee)),
                vec![field],
            );
            app.overlay = Some(Overlay::Form(Box::new(form)));
            Vec::new()
        }
        Action::EditMark => {
            edit_mark(app, half_day_id, trainee, signed);
            Vec::new()
        }
        Action::Certificate => documents::certificate(app, &trainee),
        _ => Vec::new(),
    }
}

/// Opens the cohort's previous or next half-day (in date order, across seminars).
fn step_half_day(app: &mut App, from: &HalfDayId, step: isize) -> Vec<Effect> {
    let Some(cohort) = app.cohort() else {
        return Vec::new();
    };
    let order = chronological(cohort);
    let next = order
        .iter()
        .position(|(_, h)| &h.id == from)
        .and_then(|at| at.checked_add_signed(step))
        .and_then(|at| order.get(at))
        .map(|(s, h)| (s.id.clone(), h.id.clone()));
    match next {
        Some((seminar, half_day)) => open_roll_call(app, seminar, half_day),
        None => app.notify(app.tr(Msg::NoMoreHalfDays)),
    }
    Vec::new()
}

fn edit_mark(app: &mut App, half_day: HalfDayId, trainee: PersonId, signed: bool) {
    let Some(mark) = open_half_day(app).and_then(|(_, h)| h.mark_of(&trainee).cloned()) else {
        app.notify_error(app.tr(Msg::MarkFirst));
        return;
    };
    let time = mark
        .time
        .map(|t| t.format("%H:%M").to_string())
        .unwrap_or_default();
    let mut fields = Vec::new();
    if matches!(mark.status, Status::Late | Status::LeftEarly) {
        fields.push(Field::new(Msg::FieldTime, FieldKind::Time, &time));
    }
    if matches!(mark.status, Status::Absent | Status::Excused) {
        let reason = mark.reason.clone().unwrap_or_default();
        fields.push(Field::new(Msg::FieldReason, FieldKind::Text, &reason));
    }
    if fields.is_empty() {
        app.notify(app.tr(Msg::NothingToEdit));
        return;
    }
    if signed {
        fields.push(Field::new(Msg::FieldChangeReason, FieldKind::Required, ""));
    }
    let form = Form::new(
        Purpose::Modules(ModulesForm::EditMark(half_day, trainee)),
        fields,
    );
    app.overlay = Some(Overlay::Form(Box::new(form)));
}

/// Marks a trainee; on a signed sheet, asks why first. The cursor moves on by itself.
pub fn set_mark(
    app: &mut App,
    half_day: &HalfDayId,
    trainee: &PersonId,
    input: MarkInput,
) -> Vec<Effect> {
    let signed = open_half_day(app).is_some_and(|(_, h)| h.signature.is_some());
    if signed {
        let field = Field::new(Msg::FieldChangeReason, FieldKind::Required, "");
        let purpose = Purpose::Modules(ModulesForm::ChangeReason(
            half_day.clone(),
            trainee.clone(),
            input,
        ));
        app.overlay = Some(Overlay::Form(Box::new(Form::new(purpose, vec![field]))));
        return Vec::new();
    }
    apply_mark(app, half_day, trainee, input, None, true)
}

/// Applies a mark as one undoable step, with its reason when the sheet is signed.
pub fn apply_mark(
    app: &mut App,
    half_day: &HalfDayId,
    trainee: &PersonId,
    input: MarkInput,
    change_reason: Option<&str>,
    advance: bool,
) -> Vec<Effect> {
    let Some(by) = signer(app) else {
        return Vec::new();
    };
    let now = app.now;
    let name = app
        .data
        .person(trainee)
        .map(|p| p.name.clone())
        .unwrap_or_default();
    let label = fill(
        app.tr(Msg::MarkedLabel),
        &[
            ("name", &name),
            ("status", app.tr(status_msg(input.status))),
        ],
    );
    let outcome = app.try_change(label, |data| {
        with_half_day(data, half_day, |cohort, h| {
            rollcall::mark(cohort, h, trainee, input, &by, now, change_reason)
        })
    });
    // A correction of a signed sheet is a record: undo never takes it back.
    if change_reason.is_some() && outcome.is_ok() {
        let entry = app.cohort().and_then(|c| {
            let sheet = c.seminars.iter().flat_map(|s| &s.half_days);
            let len = sheet.clone().find(|h| &h.id == half_day)?.history.len();
            u32::try_from(len.checked_sub(1)?).ok()
        });
        let recorded = entry.map(|n| crate::app::undo::Recorded::Correction(half_day.clone(), n));
        app.history.keep_signed(recorded);
    }
    // The cursor moves on by itself after a status key, not after an edit.
    if advance && outcome.is_ok() {
        let len = app.modules.roll.rows.len();
        let height = app.page_height();
        app.modules.roll.cursor.step(1, len, height);
    }
    report(app, outcome)
}

fn everyone_present(app: &mut App, half_day: &HalfDayId) -> Vec<Effect> {
    let Some(by) = signer(app) else {
        return Vec::new();
    };
    let now = app.now;
    let label = app.tr(Msg::EveryonePresentLabel).to_owned();
    let mut count = 0;
    let outcome = app.try_change(label, |data| {
        with_half_day(data, half_day, |cohort, h| {
            count = rollcall::mark_rest_present(cohort, h, &by, now)?;
            Ok(())
        })
    });
    if outcome.is_ok() {
        app.notify(fill(
            app.tr(Msg::MarkedPresentCount),
            &[("n", &count.to_string())],
        ));
        // The exceptions come next, from the top.
        app.modules.roll.cursor = Cursor::default();
    }
    report(app, outcome)
}

/// Runs `edit` on a half-day of the current cohort, found by id, with its cohort.
fn with_half_day<T>(
    data: &mut crate::domain::Data,
    id: &HalfDayId,
    edit: impl FnOnce(&Cohort, &mut HalfDay) -> Result<T, RollCallError>,
) -> Result<T, RollCallError> {
    let current = data.current().map(|c| c.id.clone());
    let Some(cohort) = current.and_then(|c| data.cohort_mut(&c)) else {
        return Err(RollCallError::NothingToSign);
    };
    // The cohort is read while one of its half-days changes: take the half-day out, edit, put back.
    let Some((s, h)) = cohort.seminars.iter().enumerate().find_map(|(s, seminar)| {
        seminar
            .half_days
            .iter()
            .position(|h| &h.id == id)
            .map(|h| (s, h))
    }) else {
        return Err(RollCallError::NothingToSign);
    };
    let mut half_day = cohort.seminars[s].half_days[h].clone();
    let result = edit(cohort, &mut half_day);
    if result.is_ok() {
        cohort.seminars[s].half_days[h] = half_day;
    }
    result
}

/// The effects of a change, or the reason it was refused shown to the user.
fn report(app: &mut App, outcome: Result<Vec<Effect>, RollCallError>) -> Vec<Effect> {
    outcome.unwrap_or_else(|error| {
        let msg = match error {
            RollCallError::NotEnrolled(_) => Msg::NotEnrolled,
            RollCallError::NotMarked(_) => Msg::MarkFirst,
            RollCallError::ReasonNeeded => Msg::SignedNeedsReason,
            RollCallError::AlreadySigned => Msg::AlreadySigned,
            RollCallError::NothingToSign => Msg::NothingToSign,
        };
        app.notify_error(app.tr(msg));
        Vec::new()
    })
}

/// The word for a status.
pub fn status_msg(status: Status) -> Msg {
    crate::i18n::words::attendance_msg(status)
}

fn follow_up(app: &mut App, action: Action) -> Vec<Effect> {
    let items = follow_ups(app);
    let Some(item) = app.modules.follow.selected().and_then(|n| items.get(n)) else {
        return Vec::new();
    };
    match (action, item) {
        (Action::Open, rollcall::Attention::Trainee { trainee, .. }) => {
            let fields = vec![
                Field::choice(Msg::FieldChannel, &CHANNELS, 0),
                Field::new(Msg::FieldOutcome, FieldKind::Required, ""),
            ];
            let form = Form::new(
                Purpose::Modules(ModulesForm::FollowUp(trainee.clone())),
                fields,
            );
            app.overlay = Some(Overlay::Form(Box::new(form)));
            Vec::new()
        }
        (Action::Open, rollcall::Attention::UnsignedSheet { half_day, .. }) => {
            let seminar = app.cohort().and_then(|c| {
                c.seminars
                    .iter()
                    .find(|s| s.half_days.iter().any(|h| &h.id == half_day))
            });
            if let Some(seminar) = seminar.map(|s| s.id.clone()) {
                open_roll_call(app, seminar, half_day.clone());
            }
            Vec::new()
        }
        (Action::ListFollowUps, rollcall::Attention::Trainee { trainee, .. }) => {
            let trainee = trainee.clone();
            corrections::follow_ups_of(app, &trainee);
            Vec::new()
        }
        (Action::Certificate, rollcall::Attention::Trainee { trainee, .. }) => {
            let trainee = trainee.clone();
            documents::certificate(app, &trainee)
        }
        _ => Vec::new(),
    }
}

/// The seminar form, new or filled with a seminar.
fn seminar_form(app: &App, id: Option<&SeminarId>) -> Form {
    let seminar = id.and_then(|id| app.cohort()?.seminars.iter().find(|s| &s.id == id));
    let programme = &app.data.programme;
    let modules = seminar
        .map(|s| {
            s.modules
                .iter()
                .filter_map(|m| programme.module(m).map(|m| m.code.clone()))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    let venue = seminar
        .and_then(|s| app.data.venue(&s.venue))
        .map(|v| v.name.clone())
        .unwrap_or_default();
    let trainer = seminar
        .map(|s| s.trainer.clone())
        .or_else(|| app.config.me.clone())
        .and_then(|id| app.data.person(&id).map(|p| p.name.clone()))
        .unwrap_or_default();
    let first = seminar.and_then(|s| s.half_days.first());
    let start = first.map_or_else(
        || app.today.format("%d/%m/%Y").to_string(),
        |h| h.date.format("%d/%m/%Y").to_string(),
    );
    let days = seminar.map_or(2, |s| {
        s.half_days
            .iter()
            .map(|h| h.date)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    });
    let trainers = app
        .data
        .people
        .iter()
        .filter(|p| p.role == crate::domain::PersonRole::Trainer)
        .map(|p| p.name.clone())
        .collect();
    let mut fields = vec![
        Field::new(Msg::FieldModules, FieldKind::Required, &modules)
            .looked_up(programme.modules.iter().map(|m| m.title.clone()).collect()),
        Field::new(Msg::FieldVenue, FieldKind::Required, &venue)
            .looked_up(app.data.venues.iter().map(|v| v.name.clone()).collect()),
        Field::new(Msg::FieldTrainer, FieldKind::Required, &trainer).looked_up(trainers),
    ];
    // The days of a seminar whose roll was taken stay as they are: the sheets hold them.
    let marked = seminar.is_some_and(|s| s.half_days.iter().any(|h| !h.marks.is_empty()));
    if !marked {
        fields.push(Field::new(Msg::FieldStart, FieldKind::Date, &start));
        fields.push(Field::new(
            Msg::FieldDays,
            FieldKind::Days,
            &days.to_string(),
        ));
        fields.push(Field::new(
            Msg::FieldMorning,
            FieldKind::TimeRange,
            "09:00-12:30",
        ));
        fields.push(Field::new(
            Msg::FieldAfternoon,
            FieldKind::TimeRange,
            "14:00-17:30",
        ));
    }
    let purpose = id.map_or(Purpose::Modules(ModulesForm::NewSeminar), |id| {
        Purpose::Modules(ModulesForm::EditSeminar(id.clone()))
    });
    Form::new(purpose, fields)
}

/// A remark on a trainee's mark (an empty one takes it away).
fn set_remark(
    app: &mut App,
    half_day: &HalfDayId,
    trainee: &PersonId,
    remark: String,
) -> Vec<Effect> {
    let label = app.tr(Msg::RemarkLabel).to_owned();
    let outcome = app.try_change(label, |data| {
        with_half_day(data, half_day, |_, h| {
            let mark = h.marks.iter_mut().find(|m| &m.trainee == trainee);
            let mark = mark.ok_or(RollCallError::NotMarked(trainee.clone()))?;
            mark.remark = (!remark.is_empty()).then_some(remark);
            Ok(())
        })
    });
    report(app, outcome)
}

/// Saves a form of this screen. Returns `None` (the form stays open) when a lookup fails.
pub fn submit(app: &mut App, form: &mut Form) -> Option<Vec<Effect>> {
    match form.purpose.clone() {
        Purpose::Modules(ModulesForm::NewSeminar | ModulesForm::EditSeminar(_)) => {
            seminar_form::submit(app, form, false)
        }
        Purpose::Modules(ModulesForm::Organisation) => organisation_form::submit(app, form),
        Purpose::Modules(ModulesForm::ChangeReason(half_day, trainee, input)) => {
            let reason = form.value(Msg::FieldChangeReason);
            Some(apply_mark(
                app,
                &half_day,
                &trainee,
                input,
                Some(&reason),
                true,
            ))
        }
        Purpose::Modules(ModulesForm::ExcuseReason(half_day, trainee)) => {
            let input = MarkInput {
                status: Status::Excused,
                time: None,
                reason: Some(form.value(Msg::FieldReason)),
            };
            Some(set_mark(app, &half_day, &trainee, input))
        }
        Purpose::Modules(ModulesForm::Remark(half_day, trainee)) => Some(set_remark(
            app,
            &half_day,
            &trainee,
            form.value(Msg::FieldRemark),
        )),
        Purpose::Modules(ModulesForm::EditMark(half_day, trainee)) => {
            let mark = open_half_day(app).and_then(|(_, h)| h.mark_of(&trainee).cloned())?;
            let time = parse_time(&form.value(Msg::FieldTime)).or(mark.time);
            let reason = Some(form.value(Msg::FieldReason))
                .filter(|r| !r.is_empty())
                .or(mark.reason);
            let input = MarkInput {
                status: mark.status,
                time,
                reason,
            };
            let why = Some(form.value(Msg::FieldChangeReason)).filter(|r| !r.is_empty());
            Some(apply_mark(
                app,
                &half_day,
                &trainee,
                input,
                why.as_deref(),
                false,
            ))
        }
        Purpose::Modules(
            ModulesForm::SignLine(..)
            | ModulesForm::Seal(..)
            | ModulesForm::MissingSignature(..)
            | ModulesForm::ResetCode(_)
            | ModulesForm::Withdraw(..)
            | ModulesForm::WithdrawSeal(_),
        ) => Some(corrections::submit(app, form)),
        Purpose::Modules(ModulesForm::FollowUp(trainee)) => {
            let channel = [
                Channel::Phone,
                Channel::Email,
                Channel::InPerson,
                Channel::Video,
            ][form.choice(Msg::FieldChannel).min(3)];
            let outcome = form.value(Msg::FieldOutcome);
            let by = app
                .config
                .me
                .clone()
                .or_else(|| app.cohort()?.trainers.first().cloned())?;
            let entry = FollowUp {
                id: FollowUpId::new(app.fresh_id("f")),
                trainee,
                by,
                at: app.now,
                channel,
                outcome: Note {
                    text: outcome,
                    confidential: false,
                },
            };
            let label = app.tr(Msg::FollowUpLabel).to_owned();
            app.notify(label.clone());
            Some(app.change(label, |data| {
                let current = data.current().map(|c| c.id.clone());
                if let Some(cohort) = current.and_then(|id| data.cohort_mut(&id)) {
                    cohort.follow_ups.push(entry);
                }
            }))
        }
        _ => None,
    }
}

/// Takes the excuse chosen in the list: a reason, or "other" to type one.
pub fn excuse_chosen(
    app: &mut App,
    half_day: HalfDayId,
    trainee: PersonId,
    choice: usize,
) -> Vec<Effect> {
    if choice + 1 >= EXCUSES.len() {
        let field = Field::new(Msg::FieldReason, FieldKind::Required, "");
        let form = Form::new(
            Purpose::Modules(ModulesForm::ExcuseReason(half_day, trainee)),
            vec![field],
        );
        app.overlay = Some(Overlay::Form(Box::new(form)));
        return Vec::new();
    }
    let reason = app.tr(EXCUSES[choice]).to_owned();
    let input = MarkInput {
        status: Status::Excused,
        time: None,
        reason: Some(reason),
    };
    set_mark(app, &half_day, &trainee, input)
}

/// Saves the seminar form after its doubts were confirmed; a lookup that fails now (the data
/// changed meanwhile) opens the form again.
pub fn save_seminar_anyway(app: &mut App, mut form: Box<Form>) -> Vec<Effect> {
    if let Some(effects) = seminar_form::submit(app, &mut form, true) {
        return effects;
    }
    app.overlay = Some(Overlay::Form(form));
    Vec::new()
}

/// A seminar's layout: first day, number of days, morning and afternoon times.
pub type Layout = (
    chrono::NaiveDate,
    u32,
    (chrono::NaiveTime, chrono::NaiveTime),
    (chrono::NaiveTime, chrono::NaiveTime),
);

/// Parses the layout fields of the seminar form.
pub fn layout_fields(form: &Form) -> Option<Layout> {
    Some((
        parse_date(&form.value(Msg::FieldStart))?,
        form.value(Msg::FieldDays).parse().ok()?,
        parse_time_range(&form.value(Msg::FieldMorning))?,
        parse_time_range(&form.value(Msg::FieldAfternoon))?,
    ))
}
