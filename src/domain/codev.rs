//! A codevelopment session as the trainers keep it: who took part, each step's time and notes,
//! and whether it went to its end. Written when its notes are saved and when it ends, so that
//! a session can be read back, and cited on the client's path, after the day.

use super::ids::PersonId;
use super::round::{Codev, CodevStep};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One step of a session kept: its time and what was noted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodevStepRecord {
    /// Which step.
    pub step: CodevStep,
    /// The minutes it was given.
    pub minutes: u32,
    /// What was noted during it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// A codevelopment session kept in the cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodevSession {
    /// Stable id.
    pub id: String,
    /// The day it was held.
    pub date: NaiveDate,
    /// Who brought a situation.
    pub client: PersonId,
    /// Who helped.
    pub consultants: Vec<PersonId>,
    /// The six steps in order.
    pub steps: Vec<CodevStepRecord>,
    /// How many steps were done: 6 when it went to its end.
    #[serde(deserialize_with = "steps_done")]
    pub steps_done: u8,
}

/// A count of steps; more than the six steps is read, but the schema refuses it.
fn steps_done<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    let done = <u8 as serde::Deserialize>::deserialize(d)?;
    if usize::from(done) > CodevStep::ALL.len() {
        super::screen::doubt();
    }
    Ok(done)
}

impl CodevSession {
    /// The record of `session`, held on `date`, under `id`.
    pub fn of(session: &Codev, id: &str, date: NaiveDate) -> Self {
        let steps = CodevStep::ALL
            .iter()
            .enumerate()
            .map(|(i, step)| CodevStepRecord {
                step: *step,
                minutes: u32::try_from(session.minutes[i]).unwrap_or(0),
                notes: session.notes[i].clone(),
            })
            .collect();
        Self {
            id: id.to_owned(),
            date,
            client: session.client.clone(),
            consultants: session.consultants.clone(),
            steps,
            steps_done: u8::try_from(session.step.min(CodevStep::ALL.len())).unwrap_or(0),
        }
    }

    /// Whether it went to its end.
    pub fn finished(&self) -> bool {
        usize::from(self.steps_done) >= CodevStep::ALL.len()
    }
}

/// Puts `record` in `sessions`, replacing the one with its id.
pub fn keep(sessions: &mut Vec<CodevSession>, record: CodevSession) {
    match sessions.iter_mut().find(|s| s.id == record.id) {
        Some(kept) => *kept = record,
        None => sessions.push(record),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_is_kept_with_its_times_and_notes_and_read_back() {
        let people: Vec<PersonId> = (0..4).map(|i| PersonId::new(format!("p{i}"))).collect();
        let mut session = Codev::begin(Some(&people[0]), &people[1..]).unwrap();
        session.adjust(5);
        session.notes[0] = "Le lieu manque de bénévoles.".into();
        let now = chrono::Utc::now();
        session.next(now);
        let day = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
        let record = CodevSession::of(&session, "codev-1", day);
        assert_eq!(record.steps[0].minutes, 20, "15 and 5 more");
        assert_eq!(record.steps[1].minutes, 10);
        assert_eq!(record.steps_done, 1);
        assert!(!record.finished());
        let json = serde_json::to_value(&record).unwrap();
        assert_eq!(json["steps"][0]["step"], "expose");
        assert_eq!(json["steps"][0]["notes"], "Le lieu manque de bénévoles.");
        assert!(json["steps"][1].get("notes").is_none(), "no empty notes");
        let back: CodevSession = serde_json::from_value(json).unwrap();
        assert_eq!(back, record);
        let mut kept = vec![record.clone()];
        let mut later = record;
        later.steps_done = 6;
        keep(&mut kept, later);
        assert_eq!(kept.len(), 1, "one record per session");
        assert!(kept[0].finished());
    }
}
