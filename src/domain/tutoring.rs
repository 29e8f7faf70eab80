//! Tutor requests: a trainee asks a trainer for help between seminars.

use super::ids::{PersonId, TutorRequestId};
use super::knowledge::Topic;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

/// How urgent a request is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// It can wait.
    Low,
    /// The usual.
    #[default]
    Normal,
    /// Needs an answer soon.
    Urgent,
}

/// How the tutoring takes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum MeetingFormat {
    /// A visit on site.
    Visit,
    /// A phone call.
    #[default]
    Call,
    /// A video call.
    Video,
}

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    /// Waiting for a tutor.
    #[default]
    Open,
    /// A tutor took it.
    Accepted,
    /// A tutor declined it.
    Declined,
    /// Same as another request.
    Duplicate,
    /// Put off to a date.
    Deferred,
    /// A session is scheduled.
    Scheduled,
    /// The session took place.
    Done,
    /// Called off.
    Cancelled,
}

/// A request for a tutor's help.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TutorRequest {
    /// Stable id.
    pub id: TutorRequestId,
    /// Who asks.
    pub trainee: PersonId,
    /// In a few words.
    pub subject: String,
    /// The module or block it touches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<Topic>,
    /// What the trainee needs.
    #[serde(default)]
    pub description: String,
    /// How urgent.
    #[serde(default)]
    pub urgency: Urgency,
    /// Preferred format.
    #[serde(default)]
    pub format: MeetingFormat,
    /// Preferred time windows, in the trainee's words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub windows: Vec<String>,
    /// When it was asked.
    pub created: DateTime<Utc>,
    /// Where it stands.
    #[serde(default)]
    pub status: RequestStatus,
    /// The tutor assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tutor: Option<PersonId>,
    /// The request this one duplicates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<TutorRequestId>,
    /// The date it was deferred to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deferred_to: Option<NaiveDate>,
    /// The session, once scheduled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<TutoringSession>,
    /// What came of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// Every transition, never rewritten.
    #[serde(default)]
    pub history: Vec<Transition>,
}

/// A scheduled tutoring session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TutoringSession {
    /// The day.
    pub date: NaiveDate,
    /// The start time.
    pub time: NaiveTime,
    /// Where.
    #[serde(default)]
    pub place: String,
    /// How.
    pub format: MeetingFormat,
}

/// What a done request led to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// A summary of the session.
    pub summary: String,
    /// The next steps.
    #[serde(default)]
    pub next_steps: String,
}

/// One step in a request's life.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transition {
    /// Who made it.
    pub by: PersonId,
    /// When.
    pub at: DateTime<Utc>,
    /// The status before.
    pub from: RequestStatus,
    /// The status after.
    pub to: RequestStatus,
    /// Why, where a reason is needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Days an urgent request may wait unanswered before it stands out.
pub const URGENT_WAIT_DAYS: i64 = 3;

impl RequestStatus {
    /// Every status, in the order a request usually goes through them.
    pub const ALL: [Self; 8] = [
        Self::Open,
        Self::Deferred,
        Self::Accepted,
        Self::Scheduled,
        Self::Done,
        Self::Declined,
        Self::Duplicate,
        Self::Cancelled,
    ];

    /// The statuses a request may move to from this one: the state machine.
    pub fn next(self) -> &'static [Self] {
        use RequestStatus::{
            Accepted, Cancelled, Declined, Deferred, Done, Duplicate, Open, Scheduled,
        };
        match self {
            Open | Deferred => &[Accepted, Declined, Duplicate, Deferred, Cancelled],
            Accepted => &[Scheduled, Deferred, Cancelled],
            // Scheduled to scheduled moves the session; the old slot is kept in the history.
            Scheduled => &[Scheduled, Done, Cancelled],
            Done | Declined | Duplicate | Cancelled => &[],
        }
    }

    /// Whether a request may move from this status to `to`.
    pub fn can_become(self, to: Self) -> bool {
        self.next().contains(&to)
    }

    /// Whether nothing more can happen to a request in this status.
    pub fn is_closed(self) -> bool {
        self.next().is_empty()
    }

    /// Whether a tutor is busy with a request in this status (it counts in their load).
    pub fn is_active(self) -> bool {
        matches!(self, Self::Accepted | Self::Scheduled)
    }

    /// Whether moving to this status needs a reason.
    pub fn needs_reason(self) -> bool {
        matches!(self, Self::Declined | Self::Duplicate | Self::Deferred)
    }

    /// The status as written in the file (`open`, `scheduled`…).
    pub fn key(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
            Self::Duplicate => "duplicate",
            Self::Deferred => "deferred",
            Self::Scheduled => "scheduled",
            Self::Done => "done",
            Self::Cancelled => "cancelled",
        }
    }
}

impl std::fmt::Display for RequestStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

/// What someone does to a request; each step leads to one status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A trainer takes it on, or assigns it to a tutor.
    Accept {
        /// The tutor it is assigned to.
        tutor: PersonId,
    },
    /// A trainer declines it.
    Decline {
        /// Why (required).
        reason: String,
    },
    /// It is the same as another request.
    Duplicate {
        /// The request it duplicates.
        of: TutorRequestId,
        /// Why (required).
        reason: String,
    },
    /// Put off to a date.
    Defer {
        /// Until when.
        until: NaiveDate,
        /// Why (required).
        reason: String,
    },
    /// A session is set (or moved).
    Schedule(TutoringSession),
    /// The session took place.
    Done(Outcome),
    /// Called off.
    Cancel {
        /// Why, if said.
        reason: Option<String>,
    },
}

impl Step {
    /// The status this step leads to.
    pub fn target(&self) -> RequestStatus {
        match self {
            Self::Accept { .. } => RequestStatus::Accepted,
            Self::Decline { .. } => RequestStatus::Declined,
            Self::Duplicate { .. } => RequestStatus::Duplicate,
            Self::Defer { .. } => RequestStatus::Deferred,
            Self::Schedule(_) => RequestStatus::Scheduled,
            Self::Done(_) => RequestStatus::Done,
            Self::Cancel { .. } => RequestStatus::Cancelled,
        }
    }

    fn reason(&self) -> Option<String> {
        let reason = match self {
            Self::Decline { reason }
            | Self::Duplicate { reason, .. }
            | Self::Defer { reason, .. } => Some(reason.as_str()),
            Self::Cancel { reason } => reason.as_deref(),
            Self::Accept { .. } | Self::Schedule(_) | Self::Done(_) => None,
        };
        reason
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
    }
}

/// Why a step was refused; the request is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StepError {
    /// The state machine has no such transition.
    #[error("a request that is {from} cannot become {to}")]
    NotAllowed {
        /// Where the request stands.
        from: RequestStatus,
        /// Where the step would take it.
        to: RequestStatus,
    },
    /// Declining, marking a duplicate and deferring each need a reason.
    #[error("a reason is needed to make a request {0}")]
    ReasonRequired(RequestStatus),
    /// A request cannot duplicate itself.
    #[error("a request cannot be a duplicate of itself")]
    DuplicateOfItself,
    /// A done request needs a summary.
    #[error("a summary of the session is needed")]
    SummaryRequired,
}

/// Whether someone may make a request move to `to`: trainers triage and follow through; the
/// trainee who asked may only call it off.
pub fn permitted(to: RequestStatus, role: super::PersonRole, is_requester: bool) -> bool {
    role == super::PersonRole::Trainer || (to == RequestStatus::Cancelled && is_requester)
}

impl TutorRequest {
    /// A new open request.
    pub fn new(
        id: TutorRequestId,
        trainee: PersonId,
        subject: String,
        created: DateTime<Utc>,
    ) -> Self {
        Self {
            id,
            trainee,
            subject,
            topic: None,
            description: String::new(),
            urgency: Urgency::default(),
            format: MeetingFormat::default(),
            windows: Vec::new(),
            created,
            status: RequestStatus::Open,
            tutor: None,
            duplicate_of: None,
            deferred_to: None,
            session: None,
            outcome: None,
            history: Vec::new(),
        }
    }

    /// Makes a step, recording who made it and when; an impossible step changes nothing.
    pub fn apply(&mut self, step: Step, by: PersonId, at: DateTime<Utc>) -> Result<(), StepError> {
        let (from, to) = (self.status, step.target());
        if !from.can_become(to) {
            return Err(StepError::NotAllowed { from, to });
        }
        let mut reason = step.reason();
        if to.needs_reason() && reason.is_none() {
            return Err(StepError::ReasonRequired(to));
        }
        match step {
            Step::Accept { tutor } => self.tutor = Some(tutor),
            Step::Duplicate { of, .. } => {
                if of == self.id {
                    return Err(StepError::DuplicateOfItself);
                }
                self.duplicate_of = Some(of);
            }
            Step::Defer { until, .. } => self.deferred_to = Some(until),
            Step::Schedule(session) => {
                if let Some(old) = self.session.replace(session) {
                    // Nothing is lost: the slot it moves from goes into the history.
                    reason = Some(format!("{} {}", old.date, old.time.format("%H:%M")));
                }
            }
            Step::Done(outcome) => {
                if outcome.summary.trim().is_empty() {
                    return Err(StepError::SummaryRequired);
                }
                self.outcome = Some(outcome);
            }
            Step::Decline { .. } | Step::Cancel { .. } => {}
        }
        self.status = to;
        self.history.push(Transition {
            by,
            at,
            from,
            to,
            reason,
        });
        Ok(())
    }

    /// Whole days since the request was made.
    pub fn age_days(&self, now: DateTime<Utc>) -> i64 {
        (now - self.created).num_days().max(0)
    }

    /// An urgent request still unanswered after [`URGENT_WAIT_DAYS`] days.
    pub fn is_overdue(&self, now: DateTime<Utc>) -> bool {
        self.urgency == Urgency::Urgent
            && self.status == RequestStatus::Open
            && now - self.created > chrono::Duration::days(URGENT_WAIT_DAYS)
    }

    /// When the request last changed: its last transition, else its creation.
    pub fn last_change(&self) -> DateTime<Utc> {
        self.history.last().map_or(self.created, |t| t.at)
    }
}
