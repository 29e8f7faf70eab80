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
