//! The participatory days: a speaking round in a drawn order, and a codevelopment session in
//! six timed steps. Time is always passed in (`now`), so that tests never wait.

use super::attendance::{HalfDay, Status};
use super::cohort::Cohort;
use super::ids::PersonId;
use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};

/// One step of splitmix64 (Steele, Lea and Flood): a tiny generator, enough to draw an order
/// that a test can reproduce from its seed.
pub fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The people in an order drawn from `seed` (Fisher-Yates): the same seed, the same order.
pub fn speaking_order<T: Clone>(people: &[T], seed: u64) -> Vec<T> {
    let mut state = seed;
    let mut order = people.to_vec();
    for i in (1..order.len()).rev() {
        let bound = u64::try_from(i + 1).unwrap_or(u64::MAX);
        // The remainder is at most `i`, a usize.
        let j = usize::try_from(splitmix64(&mut state) % bound).unwrap_or(0);
        order.swap(i, j);
    }
    order
}

/// The half-day of `today` whose roll was taken that a speaking round follows: the last one begun
/// by `now` (Paris time), else the day's first one with marks. `None` when no roll was taken today.
pub fn todays_roll_call(cohort: &Cohort, today: NaiveDate, now: NaiveTime) -> Option<&HalfDay> {
    let mut taken: Vec<&HalfDay> = cohort
        .seminars
        .iter()
        .flat_map(|s| &s.half_days)
        .filter(|h| h.date == today && !h.marks.is_empty())
        .collect();
    taken.sort_by_key(|h| (h.start, h.period));
    taken
        .iter()
        .rev()
        .find(|h| h.start <= now)
        .or_else(|| taken.first())
        .copied()
}

/// The active trainees, in roster order, that the roll call of `half_day` marks in the room:
/// present or late. Someone who left early is not called to speak, nor someone absent.
pub fn in_the_room(cohort: &Cohort, half_day: &HalfDay) -> Vec<PersonId> {
    cohort
        .active_trainees()
        .filter(|t| {
            half_day
                .mark_of(t)
                .is_some_and(|m| matches!(m.status, Status::Present | Status::Late))
        })
        .cloned()
        .collect()
}

/// A countdown that can be paused; it reads the time it is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timer {
    /// The time allowed.
    pub limit: TimeDelta,
    /// When it was last started, while it runs.
    pub started: Option<DateTime<Utc>>,
    /// Time counted before the last start.
    pub before: TimeDelta,
}

impl Timer {
    /// A stopped timer of `minutes`.
    pub fn minutes(minutes: i64) -> Self {
        Self {
            limit: TimeDelta::minutes(minutes),
            started: None,
            before: TimeDelta::zero(),
        }
    }

    /// Whether it is counting.
    pub fn running(&self) -> bool {
        self.started.is_some()
    }

    /// Starts or resumes it.
    pub fn start(&mut self, now: DateTime<Utc>) {
        if self.started.is_none() {
            self.started = Some(now);
        }
    }

    /// Pauses it, keeping the time counted.
    pub fn pause(&mut self, now: DateTime<Utc>) {
        if let Some(started) = self.started.take() {
            self.before += (now - started).max(TimeDelta::zero());
        }
    }

    /// Starts it if paused, pauses it if running.
    pub fn toggle(&mut self, now: DateTime<Utc>) {
        if self.running() {
            self.pause(now);
        } else {
            self.start(now);
        }
    }

    /// The time counted so far.
    pub fn elapsed(&self, now: DateTime<Utc>) -> TimeDelta {
        self.before
            + self
                .started
                .map_or(TimeDelta::zero(), |s| (now - s).max(TimeDelta::zero()))
    }

    /// The time left; negative once over.
    pub fn left(&self, now: DateTime<Utc>) -> TimeDelta {
        self.limit - self.elapsed(now)
    }

    /// Whether the time allowed is used up.
    pub fn is_over(&self, now: DateTime<Utc>) -> bool {
        self.left(now) <= TimeDelta::zero()
    }
}

/// How a speaker's turn went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Turn {
    /// Still to come.
    Waiting,
    /// They spoke.
    Spoke,
    /// They passed.
    Skipped,
}

/// A speaking round: the order drawn, whose turn it is, and their timer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    /// The speakers in the order drawn.
    pub order: Vec<PersonId>,
    /// How each turn went, in the same order.
    pub turns: Vec<Turn>,
    /// The speaker whose turn it is; `order.len()` once everyone had theirs.
    pub current: usize,
    /// The current speaker's timer.
    pub timer: Timer,
    /// The seed the order was drawn from.
    pub seed: u64,
}

impl Round {
    /// A round of these people in an order drawn from `seed`, `minutes` each.
    pub fn draw(people: &[PersonId], seed: u64, minutes: i64) -> Self {
        let order = speaking_order(people, seed);
        Self {
            turns: vec![Turn::Waiting; order.len()],
            order,
            current: 0,
            timer: Timer::minutes(minutes),
            seed,
        }
    }

    /// The speaker whose turn it is.
    pub fn speaker(&self) -> Option<&PersonId> {
        self.order.get(self.current)
    }

    /// Whether everyone had their turn.
    pub fn is_done(&self) -> bool {
        self.current >= self.order.len()
    }

    /// Ends the current turn as `how` and gives the floor to the next speaker, whose timer starts
    /// if the last one was running.
    pub fn advance(&mut self, how: Turn, now: DateTime<Utc>) {
        let Some(turn) = self.turns.get_mut(self.current) else {
            return;
        };
        *turn = how;
        self.current += 1;
        let was_running = self.timer.running();
        self.timer = Timer::minutes(self.timer.limit.num_minutes());
        if was_running && !self.is_done() {
            self.timer.start(now);
        }
    }
}

/// The six steps of a codevelopment session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodevStep {
    /// The client exposes their situation.
    Expose,
    /// The consultants ask questions to clarify it.
    Clarify,
    /// The client says what help they expect.
    Contract,
    /// The consultants share ideas; the client listens.
    Consult,
    /// The client draws an action plan.
    ActionPlan,
    /// Everyone says what they learned.
    Learnings,
}

impl CodevStep {
    /// The steps in order.
    pub const ALL: [Self; 6] = [
        Self::Expose,
        Self::Clarify,
        Self::Contract,
        Self::Consult,
        Self::ActionPlan,
        Self::Learnings,
    ];

    /// The usual length of the step, in minutes (a session of about 70 minutes).
    pub fn minutes(self) -> i64 {
        match self {
            Self::Expose => 15,
            Self::Clarify | Self::ActionPlan | Self::Learnings => 10,
            Self::Contract => 5,
            Self::Consult => 20,
        }
    }
}

/// Fewest people in a codevelopment session, the client included.
pub const CODEV_MIN: usize = 4;
/// Most people in a codevelopment session, the client included.
pub const CODEV_MAX: usize = 8;

/// Why a codevelopment session cannot begin.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodevError {
    /// Nobody brings a situation.
    #[error("choose the client first")]
    NoClient,
    /// Fewer than 4 people.
    #[error("{0} people: a session needs {CODEV_MIN} to {CODEV_MAX}")]
    TooFew(usize),
    /// More than 8 people.
    #[error("{0} people: a session holds {CODEV_MIN} to {CODEV_MAX}")]
    TooMany(usize),
}

/// A codevelopment session under way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Codev {
    /// Who brings a situation.
    pub client: PersonId,
    /// Who helps.
    pub consultants: Vec<PersonId>,
    /// The step under way, an index into [`CodevStep::ALL`]; 6 once finished.
    pub step: usize,
    /// The step's timer.
    pub timer: Timer,
    /// The minutes each step is given, the usual ones until the facilitator changes them.
    pub minutes: [i64; 6],
    /// What was noted during each step.
    pub notes: [String; 6],
}

/// The fewest and most minutes a step is given.
pub const STEP_MINUTES: std::ops::RangeInclusive<i64> = 1..=90;

impl Codev {
    /// A session of a client and consultants (the client is never their own consultant),
    /// refused outside 4 to 8 people.
    pub fn begin(client: Option<&PersonId>, consultants: &[PersonId]) -> Result<Self, CodevError> {
        let client = client.ok_or(CodevError::NoClient)?;
        let consultants: Vec<PersonId> = consultants
            .iter()
            .filter(|c| *c != client)
            .cloned()
            .collect();
        match consultants.len() + 1 {
            n if n < CODEV_MIN => Err(CodevError::TooFew(n)),
            n if n > CODEV_MAX => Err(CodevError::TooMany(n)),
            _ => Ok(Self {
                client: client.clone(),
                consultants,
                step: 0,
                timer: Timer::minutes(CodevStep::Expose.minutes()),
                minutes: CodevStep::ALL.map(CodevStep::minutes),
                notes: Default::default(),
            }),
        }
    }

    /// The step under way, if the session is not finished.
    pub fn current(&self) -> Option<CodevStep> {
        CodevStep::ALL.get(self.step).copied()
    }

    /// Gives the step under way `by` minutes more (or fewer), within [`STEP_MINUTES`]; its
    /// timer keeps what it counted.
    pub fn adjust(&mut self, by: i64) {
        if let Some(minutes) = self.minutes.get_mut(self.step) {
            *minutes = (*minutes + by).clamp(*STEP_MINUTES.start(), *STEP_MINUTES.end());
            self.timer.limit = TimeDelta::minutes(*minutes);
        }
    }

    /// The minutes of the whole session as planned now.
    pub fn total_minutes(&self) -> i64 {
        self.minutes.iter().sum()
    }

    /// Moves to the next step with its own timer, running if the last one was.
    pub fn next(&mut self, now: DateTime<Utc>) {
        if self.current().is_none() {
            return;
        }
        self.step += 1;
        let was_running = self.timer.running();
        if let Some(minutes) = self.minutes.get(self.step) {
            self.timer = Timer::minutes(*minutes);
            if was_running {
                self.timer.start(now);
            }
        } else {
            self.timer.pause(now);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(minute: u32, second: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 28, 10, minute, second)
            .unwrap()
    }

    fn people(n: usize) -> Vec<PersonId> {
        (0..n).map(|i| PersonId::new(format!("p{i}"))).collect()
    }

    #[test]
    fn the_speaking_order_is_a_reproducible_shuffle() {
        let ten = people(10);
        let order = speaking_order(&ten, 42);
        assert_eq!(order, speaking_order(&ten, 42), "same seed, same order");
        assert_ne!(
            order,
            speaking_order(&ten, 43),
            "another seed, another order"
        );
        let mut sorted = order.clone();
        sorted.sort();
        assert_eq!(sorted, ten, "everyone once");
        // Pinned so that a change of generator is noticed.
        let names: Vec<&str> = order.iter().map(PersonId::as_str).collect();
        assert_eq!(
            names,
            ["p0", "p9", "p5", "p8", "p6", "p4", "p7", "p2", "p1", "p3"]
        );
        assert!(speaking_order::<u8>(&[], 1).is_empty());
    }

    #[test]
    fn the_round_follows_the_last_roll_call_begun_and_calls_only_who_is_in_the_room() {
        let mark = |who: &str, status: &str| serde_json::json!({"trainee": who, "status": status});
        let half =
            |id: &str, date: &str, period: &str, start: &str, marks: Vec<serde_json::Value>| {
                serde_json::json!({"id": id, "date": date, "period": period, "start": start,
                "end": "12:30:00", "marks": marks})
            };
        let cohort: Cohort = serde_json::from_value(serde_json::json!({
            "id": "c", "name": "C", "start": "2026-01-01", "end": "2026-12-31",
            "trainees": ["a", "b", "c", "d", "e"],
            "departures": [{"trainee": "e", "date": "2026-06-01", "reason": "moved"}],
            "seminars": [{"id": "s", "modules": [], "venue": "v", "trainer": "t", "half_days": [
                half("yesterday", "2026-12-07", "morning", "09:00:00",
                    vec![mark("a", "present"), mark("b", "present")]),
                half("am", "2026-12-08", "morning", "09:00:00", vec![
                    mark("a", "present"), mark("b", "absent"), mark("c", "late"),
                    mark("d", "left_early"), mark("e", "present")]),
                half("pm", "2026-12-08", "afternoon", "14:00:00", vec![mark("b", "present")]),
                half("empty", "2026-12-09", "morning", "09:00:00", vec![]),
            ]}]
        }))
        .unwrap();
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        let time = |h: u32| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
        let id = |h: Option<&HalfDay>| h.map(|h| h.id.as_str().to_owned());
        assert_eq!(
            id(todays_roll_call(&cohort, day(8), time(10))),
            Some("am".into())
        );
        assert_eq!(
            id(todays_roll_call(&cohort, day(8), time(15))),
            Some("pm".into())
        );
        assert_eq!(
            id(todays_roll_call(&cohort, day(8), time(7))),
            Some("am".into()),
            "before the day begins, its first roll call"
        );
        assert_eq!(
            todays_roll_call(&cohort, day(9), time(10)),
            None,
            "no marks"
        );
        assert_eq!(
            todays_roll_call(&cohort, day(10), time(10)),
            None,
            "no half-day"
        );
        let morning = todays_roll_call(&cohort, day(8), time(10)).unwrap();
        let called = in_the_room(&cohort, morning);
        let names: Vec<&str> = called.iter().map(PersonId::as_str).collect();
        assert_eq!(
            names,
            ["a", "c"],
            "absent, left early and departed are not called"
        );
    }

    #[test]
    fn a_timer_counts_down_pauses_and_goes_over() {
        let mut timer = Timer::minutes(3);
        assert_eq!(timer.left(at(5, 0)), TimeDelta::minutes(3), "stopped");
        timer.start(at(0, 0));
        assert_eq!(timer.left(at(1, 0)), TimeDelta::minutes(2));
        timer.pause(at(1, 0));
        assert_eq!(timer.left(at(9, 0)), TimeDelta::minutes(2), "paused");
        timer.toggle(at(10, 0));
        assert_eq!(timer.left(at(11, 30)), TimeDelta::seconds(30));
        assert!(!timer.is_over(at(11, 30)));
        assert!(timer.is_over(at(12, 0)));
        assert_eq!(timer.left(at(12, 10)), TimeDelta::seconds(-10));
    }

    #[test]
    fn a_round_gives_the_floor_in_turn_with_next_and_skip() {
        let mut round = Round::draw(&people(3), 7, 2);
        let first = round.speaker().cloned().unwrap();
        round.timer.start(at(0, 0));
        round.advance(Turn::Spoke, at(2, 30));
        assert_eq!(round.turns[0], Turn::Spoke);
        assert_ne!(round.speaker(), Some(&first));
        assert!(round.timer.running(), "the next timer starts at once");
        assert_eq!(round.timer.left(at(3, 0)), TimeDelta::seconds(90));
        round.advance(Turn::Skipped, at(3, 0));
        round.advance(Turn::Spoke, at(4, 0));
        assert!(round.is_done());
        assert_eq!(round.speaker(), None);
        assert_eq!(round.turns, [Turn::Spoke, Turn::Skipped, Turn::Spoke]);
        round.advance(Turn::Spoke, at(5, 0));
        assert_eq!(round.current, 3, "nothing after the last");
    }

    #[test]
    fn codev_takes_four_to_eight_people_and_runs_six_timed_steps() {
        let all = people(9);
        let client = &all[0];
        assert_eq!(Codev::begin(None, &all[1..4]), Err(CodevError::NoClient));
        assert_eq!(
            Codev::begin(Some(client), &all[1..3]),
            Err(CodevError::TooFew(3))
        );
        assert_eq!(
            Codev::begin(Some(client), &all[1..9]),
            Err(CodevError::TooMany(9))
        );
        // The client listed among the consultants counts once.
        let mut codev = Codev::begin(Some(client), &all[0..4]).unwrap();
        assert_eq!(codev.consultants.len(), 3);
        assert!(Codev::begin(Some(client), &all[1..8]).is_ok(), "8 people");
        let minutes: Vec<i64> = CodevStep::ALL.iter().map(|s| s.minutes()).collect();
        assert_eq!(minutes, [15, 10, 5, 20, 10, 10]);
        codev.timer.start(at(0, 0));
        let mut seen = vec![codev.current().unwrap()];
        for minute in 1..=6 {
            codev.next(at(minute, 0));
            seen.extend(codev.current());
        }
        assert_eq!(seen, CodevStep::ALL);
        let mut again = Codev::begin(Some(client), &all[1..4]).unwrap();
        again.timer.start(at(0, 0));
        again.adjust(-20);
        assert_eq!(again.minutes[0], 1, "never under a minute");
        again.adjust(3);
        assert_eq!(
            again.timer.left(at(1, 0)),
            TimeDelta::minutes(3),
            "the timer follows"
        );
        again.next(at(1, 0));
        again.adjust(100);
        assert_eq!(
            again.minutes[..2],
            [4, 90],
            "never over 90, each step its own"
        );
        assert_eq!(again.total_minutes(), 4 + 90 + 5 + 20 + 10 + 10);
        assert_eq!(codev.current(), None);
        assert!(!codev.timer.running(), "the timer stops at the end");
    }
}
