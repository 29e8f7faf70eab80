//! The Knowledge circle screen's state and actions: the roster (enrol, departures), and the
//! views of offers and requests, exchanges, a trainee's path, the speaking round and codev.

mod choices;
mod codev;
mod forms;
pub mod keys;
mod knowledge;
mod path;
pub mod proposals;
mod round;
pub use codev::end as end_codev;
pub use round::{Speakers, draw as redraw};

pub use forms::submit;
pub use knowledge::{delete as delete_knowledge, item_suggestions, match_line, topic_label};
pub use path::competencies;
pub use path::{assessment, level_msg};

use super::Form;
use super::Purpose;
use super::form::{Field, FieldKind};
use super::keymap::View;
use super::list::Cursor;
use super::{Action, App, Choice, ChoicePurpose, Effect, Overlay, Screen};
use crate::domain::round::{Codev, Round};
use crate::domain::{Cohort, Data, PersonId};
use crate::i18n::{Msg, fill};

/// Minutes each speaker has in a new speaking round.
pub const SPEAKER_MINUTES: i64 = 3;

/// The forms of the Knowledge circle.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CircleForm {
    /// A new person enrolled at once.
    NewTrainee,
    /// A trainee's departure.
    Departure(PersonId),
    /// A new offer or request, or editing one.
    Knowledge(Option<crate::domain::KnowledgeId>),
    /// An exchange between the people of an offer and a request.
    PutInTouch(
        Option<crate::domain::KnowledgeId>,
        Option<crate::domain::KnowledgeId>,
    ),
    /// The evaluation of an exchange.
    Evaluate(crate::domain::ExchangeId),
    /// Evidence on a trainee's competency, resting on a record.
    Evidence(
        PersonId,
        crate::domain::CompetencyId,
        Option<crate::domain::path::EvidenceSource>,
    ),
    /// A trainee's certification candidacy.
    Candidacy(PersonId),
    /// A funding line of a trainee (the nth, or a new one).
    Funding(PersonId, Option<usize>),
    /// Why the trainers decline a trainee's proposal (its id).
    DeclineProposal(String),
    /// The notes of a step of the codevelopment session under way (its number from 0).
    CodevNotes(usize),
}

/// Where the Knowledge circle screen is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CircleState {
    /// The cohort's trainees, filtered.
    pub listing: crate::app::list::Listing,
    /// The view in front; `None` is the roster, drawn as a circle or as a list.
    pub view: Option<View>,
    /// The roster as a plain list rather than a drawing (narrow terminals, screen readers).
    pub list: bool,
    /// The offers and requests, filtered with `/`.
    pub knowledge: crate::app::list::Listing,
    /// The exchanges, filtered with `/`.
    pub exchanges: crate::app::list::Listing,
    /// The cursor of a trainee's competency grid.
    pub path: Cursor,
    /// The trainee whose path is open.
    pub trainee: Option<PersonId>,
    /// The view Esc goes back to (the roster when `None`).
    pub back_to: Option<View>,
    /// The speaking round under way (kept in memory only, never saved).
    pub round: Option<Round>,
    /// Minutes per speaker for the next round.
    pub round_minutes: i64,
    /// How many orders were drawn, so that each draw differs.
    pub draws: u64,
    /// Whether the end of the current speaker's time was announced.
    pub time_up_said: bool,
    /// Whom the round under way was drawn from.
    pub speakers: round::Speakers,
    /// The codevelopment session being set up or run.
    pub codev: CodevState,
}

/// A codevelopment session: choosing the people, then the six steps.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CodevState {
    /// The cursor over the active trainees while choosing.
    pub cursor: Cursor,
    /// Who brings a situation.
    pub client: Option<PersonId>,
    /// Who helps.
    pub consultants: Vec<PersonId>,
    /// The session once begun.
    pub session: Option<Codev>,
    /// The id the session is kept under in the cohort.
    pub record: String,
}

impl Default for CircleState {
    fn default() -> Self {
        Self {
            listing: crate::app::list::Listing::default(),
            view: None,
            list: false,
            knowledge: crate::app::list::Listing::default(),
            exchanges: crate::app::list::Listing::default(),
            path: Cursor::default(),
            trainee: None,
            back_to: None,
            round: None,
            round_minutes: SPEAKER_MINUTES,
            draws: 0,
            time_up_said: false,
            speakers: round::Speakers::Cohort,
            codev: CodevState::default(),
        }
    }
}

impl CircleState {
    /// Whether a timer is counting, so that the event loop sends ticks.
    pub fn timer_running(&self) -> bool {
        self.round.as_ref().is_some_and(|r| r.timer.running())
            || self
                .codev
                .session
                .as_ref()
                .is_some_and(|s| s.timer.running())
    }
}

/// The trainee selected on the roster.
pub fn selected_trainee(app: &App) -> Option<PersonId> {
    let index = app.selected(Screen::Circle)?;
    app.cohort()?.trainees.get(index).cloned()
}

/// The active trainees of the current cohort, in roster order.
pub fn active(app: &App) -> Vec<PersonId> {
    app.cohort()
        .map(|c| c.active_trainees().cloned().collect())
        .unwrap_or_default()
}

/// The current cohort, to change it.
pub(crate) fn current_mut(data: &mut Data) -> Option<&mut Cohort> {
    let id = data.current()?.id.clone();
    data.cohort_mut(&id)
}

/// `M`: the user's own path, from any screen.
pub fn my_path(app: &mut App) {
    let Some(me) = me_as_trainee(app) else {
        app.notify_error(app.tr(Msg::SendWhoAreYou));
        return;
    };
    app.screen = Screen::Circle;
    app.filtering = false;
    if app.circle.trainee.as_ref() != Some(&me) {
        app.circle.path = Cursor::default();
    }
    app.circle.trainee = Some(me);
    app.circle.back_to = None;
    app.circle.view = Some(View::Path);
}

/// Whether the user is a trainee of the cohort, who may change only their own records.
pub fn me_as_trainee(app: &App) -> Option<PersonId> {
    let me = app.config.me.as_ref()?;
    app.cohort()
        .filter(|c| c.is_enrolled(me))
        .map(|_| me.clone())
}

/// Handles the screen's actions; `None` leaves the action to the generic list.
pub fn update(app: &mut App, action: Action) -> Option<Vec<Effect>> {
    let Some(view) = app.circle.view else {
        return roster(app, action);
    };
    if action == Action::Back {
        app.circle.view = app.circle.back_to.take();
        return Some(Vec::new());
    }
    // The roster's keys work from every view, unless the view gives the key its own meaning.
    let own = view == View::Knowledge && action == Action::ShowExchanges;
    if !own && ROSTER_KEYS.contains(&action) {
        app.circle.view = None;
        if action == Action::ToggleCircleView {
            return Some(Vec::new());
        }
        return roster(app, action);
    }
    match view {
        View::Knowledge => Some(knowledge::update(app, action)),
        View::Exchanges => Some(knowledge::update_exchanges(app, action)),
        View::Path => path::update(app, action),
        View::Round | View::Codev => Some(round::update(app, view, action)),
        _ => None,
    }
}

/// The roster's own actions, which open a view or act on the selected trainee.
const ROSTER_KEYS: [Action; 8] = [
    Action::ToggleCircleView,
    Action::Enrol,
    Action::Depart,
    Action::ShowKnowledge,
    Action::ShowExchanges,
    Action::ShowPath,
    Action::ShowRound,
    Action::ShowCodev,
];

fn roster(app: &mut App, action: Action) -> Option<Vec<Effect>> {
    app.circle.back_to = None;
    match action {
        Action::ToggleCircleView => app.circle.list = !app.circle.list,
        Action::Enrol => enrol_choice(app),
        Action::Depart => depart_form(app),
        Action::ShowKnowledge => knowledge::open(app),
        Action::ShowExchanges => app.circle.view = Some(View::Exchanges),
        Action::Open | Action::ShowPath => path::open(app),
        Action::ShowRound => round::open_round(app),
        Action::ShowCodev => app.circle.view = Some(View::Codev),
        // Around the drawn circle, left and right move too.
        Action::Left | Action::Right => {
            let height = app.page_height();
            let listing = &mut app.circle.listing;
            let step = if action == Action::Left { -1 } else { 1 };
            listing.cursor.step(step, listing.rows.len(), height);
        }
        _ => return None,
    }
    Some(Vec::new())
}

/// The people who may join: everyone in the directory not in the cohort, trainees first; the
/// first option creates a new person.
fn enrol_choice(app: &mut App) {
    let Some(cohort) = app.cohort() else {
        app.notify_error(app.tr(Msg::NoCohort));
        return;
    };
    if cohort.active_trainees().count() >= crate::domain::MAX_TRAINEES {
        let text = enrol_error(app, &crate::domain::EnrolError::Full);
        app.notify_error(fill(app.tr(Msg::EnrolRefused), &[("reason", &text)]));
        return;
    }
    let mut people: Vec<&crate::domain::Person> = app
        .data
        .people
        .iter()
        .filter(|p| !cohort.is_enrolled(&p.id) && !cohort.trainers.contains(&p.id))
        .map(|p| &**p)
        .collect();
    people.sort_by_key(|p| p.role != crate::domain::PersonRole::Trainee);
    let mut options = vec![app.tr(Msg::NewPersonOption).to_owned()];
    let mut ids = vec![None];
    for person in people {
        options.push(person.name.clone());
        ids.push(Some(person.id.clone()));
    }
    app.overlay = Some(Overlay::Choice(Choice {
        title: Msg::EnrolTitle,
        options,
        cursor: Cursor::default(),
        purpose: ChoicePurpose::Enrol(ids),
    }));
}

/// Enrols the person chosen, or opens the form of a new one.
pub fn enrol_chosen(app: &mut App, choice: Option<PersonId>) -> Vec<Effect> {
    let Some(id) = choice else {
        let form = Form::new(
            Purpose::Circle(CircleForm::NewTrainee),
            forms::new_trainee_fields(),
        );
        app.overlay = Some(Overlay::Form(Box::new(form)));
        return Vec::new();
    };
    let name = app
        .data
        .person(&id)
        .map(|p| p.name.clone())
        .unwrap_or_default();
    enrol(app, &name, |data| {
        // The list was only offered with a current cohort; without one, nobody may join.
        current_mut(data)
            .ok_or(crate::domain::EnrolError::Full)?
            .enrol(id)
    })
}

/// How many trainees the current cohort has, and those that the filter keeps.
/// The list of the view in front, when it has one that `/` filters.
pub fn view_listing(app: &App) -> Option<&crate::app::list::Listing> {
    match app.circle.view {
        Some(View::Knowledge) => Some(&app.circle.knowledge),
        Some(View::Exchanges) => Some(&app.circle.exchanges),
        _ => None,
    }
}

/// The same, to change.
pub fn view_listing_mut(app: &mut App) -> Option<&mut crate::app::list::Listing> {
    match app.circle.view {
        Some(View::Knowledge) => Some(&mut app.circle.knowledge),
        Some(View::Exchanges) => Some(&mut app.circle.exchanges),
        _ => None,
    }
}

/// Recomputes the filtered rows of the views' lists after the data or a filter changed.
pub fn refresh_view_rows(app: &mut App) {
    let height = app.page_height();
    let knowledge = knowledge::rows(app, &app.circle.knowledge.filter);
    app.circle.knowledge.refill(knowledge, height);
    let exchanges = knowledge::exchange_rows(app, &app.circle.exchanges.filter);
    app.circle.exchanges.refill(exchanges, height);
}

/// The roster's rows for its `/` filter.
pub fn rows(app: &App, filter: &str) -> (usize, Vec<usize>) {
    let trainees = app.cohort().map_or(&[][..], |c| c.trainees.as_slice());
    let rows = crate::app::rows::filtered(trainees.len(), filter, |i| {
        trainees
            .get(i)
            .and_then(|id| app.data.person(id))
            .map(crate::app::rows::person_text)
            .unwrap_or_default()
    });
    (trainees.len(), rows)
}

/// Enrols as one undoable step, or says why the cohort refused; selects the newcomer.
pub(crate) fn enrol(
    app: &mut App,
    name: &str,
    edit: impl FnOnce(&mut Data) -> Result<(), crate::domain::EnrolError>,
) -> Vec<Effect> {
    let label = fill(app.tr(Msg::EnrolledLabel), &[("name", name)]);
    match app.try_change(label.clone(), edit) {
        Ok(effects) => {
            app.notify(label);
            let height = app.page_height();
            app.circle.listing.select_last(height);
            effects
        }
        Err(error) => {
            let reason = enrol_error(app, &error);
            let text = fill(app.tr(Msg::EnrolRefused), &[("reason", &reason)]);
            app.notify_error(text);
            Vec::new()
        }
    }
}

/// Why the cohort refused someone, in the user's language.
fn enrol_error(app: &App, error: &crate::domain::EnrolError) -> String {
    match error {
        crate::domain::EnrolError::Full => app.tr(Msg::EnrolFull).to_owned(),
        crate::domain::EnrolError::AlreadyEnrolled(id) => {
            let name = app.data.person(id).map_or(id.as_str(), |p| p.name.as_str());
            fill(app.tr(Msg::EnrolTwice), &[("name", name)])
        }
    }
}

fn depart_form(app: &mut App) {
    let Some(trainee) = selected_trainee(app) else {
        return;
    };
    if let Some(left) = app.cohort().and_then(|c| c.departure(&trainee)) {
        let date = left.date.format("%d/%m/%Y").to_string();
        app.notify_error(fill(app.tr(Msg::AlreadyLeft), &[("date", &date)]));
        return;
    }
    let today = app.today.format("%d/%m/%Y").to_string();
    let fields = vec![
        Field::new(Msg::FieldDate, FieldKind::Date, &today),
        Field::new(Msg::FieldReason, FieldKind::Required, ""),
    ];
    let form = Form::new(Purpose::Circle(CircleForm::Departure(trainee)), fields);
    app.overlay = Some(Overlay::Form(Box::new(form)));
}

/// Takes a choice made in one of the screen's short lists.
pub fn chosen(app: &mut App, purpose: ChoicePurpose, index: usize) -> Vec<Effect> {
    match purpose {
        ChoicePurpose::Enrol(ids) => enrol_chosen(app, ids.get(index).cloned().flatten()),
        ChoicePurpose::Match(pairs) => match pairs.get(index) {
            Some((offer, request)) => {
                knowledge::put_in_touch_form(app, offer, request);
                Vec::new()
            }
            None => Vec::new(),
        },
        ChoicePurpose::EvidenceSource(trainee, competency, sources) => {
            let source = sources.get(index).cloned().flatten();
            path::evidence_form(app, trainee, competency, source);
            Vec::new()
        }
        ChoicePurpose::SelfAssessment(competency) => {
            match (me_as_trainee(app), proposals::LEVELS.get(index)) {
                (Some(me), Some(level)) => proposals::propose(
                    app,
                    me,
                    competency,
                    crate::domain::path::Proposed::Level(*level),
                ),
                _ => Vec::new(),
            }
        }
        ChoicePurpose::Excuse(..)
        | ChoicePurpose::Corrections
        | ChoicePurpose::Sealer(..)
        | ChoicePurpose::FollowUps => Vec::new(),
    }
}

/// Whether the roster shows as the list: chosen with `v`, or because the drawing cannot be
/// read here (see [`drawing_fallback`]).
pub fn shows_list(app: &App) -> bool {
    app.circle.list || drawing_fallback(app).is_some()
}

/// Why the circle cannot be drawn at this size or on this terminal, if it cannot: the names
/// would overlap, or the terminal's font has no Braille glyphs (`braille` in config.toml, else
/// guessed from `TERM` and `LANG`). The roster is then shown as a list, which says why.
pub fn drawing_fallback(app: &App) -> Option<Msg> {
    if app.config.braille == Some(false) {
        return Some(Msg::CircleNoBraille);
    }
    // The drawing's area: the body less the detail pane and the borders (see `ui::circle`).
    let (width, height) = app.size;
    let detail = (width * 2 / 5).clamp(24.min(width), 56);
    let inner_width = f64::from(width.saturating_sub(detail).saturating_sub(2));
    let inner_height = f64::from(height.saturating_sub(6)) * 2.0;
    let people = &app.circle.listing.rows;
    let full = inner_width >= 60.0;
    let trainees = app.cohort().map_or(&[][..], |c| c.trainees.as_slice());
    let widest = people
        .iter()
        .filter_map(|&i| trainees.get(i))
        .filter_map(|id| app.data.person(id))
        .map(|p| {
            let name = if full {
                p.name.as_str()
            } else {
                p.name.split_whitespace().next().unwrap_or_default()
            };
            // The name, its marks (▶, ◦) and "(me)".
            ratatui::text::Line::from(name).width() + 8
        })
        .max()
        .unwrap_or(0);
    #[allow(clippy::cast_precision_loss)] // a few dozen names
    let (n, widest) = (people.len() as f64, widest as f64);
    // Neighbours on the sides are r·2π/n half-rows apart: a label is one row, two half-rows.
    let needed = n / std::f64::consts::PI;
    let room = (inner_width / 2.0 - widest - 1.0).min(inner_height / 2.0 - 2.0);
    (people.len() > 1 && room < needed).then_some(Msg::CircleTooSmall)
}

/// A click on the `n`th visible row of a view's list selects it; false outside such a view.
pub fn click(app: &mut App, n: usize) -> bool {
    if app.circle.view.is_none() && !shows_list(app) {
        // The drawing has no rows: a click there selects nobody rather than the wrong person.
        return true;
    }
    let height = app.page_height();
    let Some((len, cursor)) = view_cursor(app) else {
        return false;
    };
    let target = cursor.offset + n;
    if target < len {
        cursor.select(target, len, height);
    }
    true
}

fn view_cursor(app: &mut App) -> Option<(usize, &mut Cursor)> {
    let view = app.circle.view?;
    let len = match view {
        View::Knowledge => app.circle.knowledge.rows.len(),
        View::Exchanges => app.circle.exchanges.rows.len(),
        View::Path => competencies(app).len(),
        View::Codev => active(app).len(),
        _ => return None,
    };
    let cursor = match view {
        View::Knowledge => &mut app.circle.knowledge.cursor,
        View::Exchanges => &mut app.circle.exchanges.cursor,
        View::Path => &mut app.circle.path,
        _ => &mut app.circle.codev.cursor,
    };
    Some((len, cursor))
}

/// Moves the cursor of the view in front; false when there is no such cursor or no move.
pub(crate) fn move_view_cursor(app: &mut App, action: Action) -> bool {
    let height = app.page_height();
    match view_cursor(app) {
        Some((len, cursor)) => super::modules::move_cursor(cursor, action, len, height),
        None => false,
    }
}

/// Sent by the event loop while a timer runs: time moved on (`app.now`); the view redraws the
/// time left. Nothing is saved.
pub fn tick(app: &mut App) -> Vec<Effect> {
    round::tick(app);
    Vec::new()
}

/// Lines the view in front draws above its list.
pub fn list_top(app: &App) -> u16 {
    match app.circle.view {
        None if shows_list(app) => 2,
        Some(View::Exchanges) => 2,
        Some(View::Knowledge | View::Round) => 3,
        Some(View::Path) => 5,
        Some(View::Codev) => 1,
        _ => 0,
    }
}
