//! Tutor requests: at every stage, each with the transitions that led it there.

use super::Generator;
use super::circle::{at, topic};
use super::schedule::hm;
use crate::domain::tutoring::{
    MeetingFormat, Outcome, RequestStatus, Transition, TutorRequest, TutoringSession, Urgency,
};
use crate::domain::{Cohort, PersonId, TutorRequestId};
use crate::sample::SAMPLE_TODAY;
use chrono::{Duration, NaiveDate, NaiveTime};

/// Subjects of tutor requests.
const SUBJECTS: &[(&str, &str)] = &[
    ("Relecture du budget prévisionnel", "m-2-1"),
    ("Choix de la forme juridique", "m-2-2"),
    ("Préparer une rencontre avec la mairie", "m-4-1"),
    ("Structurer l'accueil des nouveaux usagers", "m-4-3"),
    ("Plan de communication de l'ouverture", "m-3-3"),
    ("Mise en conformité ERP", "m-2-3"),
    ("Indicateurs d'impact pour le bilan annuel", "m-1-4"),
    ("Sécurité de l'atelier machines", "b-fab"),
    ("Tensions dans l'équipe bénévole", "m-4-4"),
    ("Dossier de certification RS5142", "b-4"),
];

/// Tutor requests per cohort.
const TUTOR_REQUESTS: usize = 10;
/// When tutoring sessions start.
const SESSION_TIME: NaiveTime = hm(14, 0);
/// Requests younger than this many days may still wait at an early stage.
const RECENT_DAYS: i64 = 45;

impl Generator {
    /// Tutor requests at every stage, each with the transitions that led it there.
    pub(super) fn tutor_requests(&mut self, tag: &str, cohort: &mut Cohort) {
        let last_day = cohort.end.min(SAMPLE_TODAY - Duration::days(3));
        let days = (last_day - cohort.start).num_days();
        if days < 1 || cohort.trainers.is_empty() {
            return;
        }
        // Ids follow the order the requests were made in.
        let mut offsets: Vec<i64> = (0..TUTOR_REQUESTS)
            .map(|_| self.rng.between(0, days - 1))
            .collect();
        offsets.sort_unstable();
        for (n, offset) in offsets.into_iter().enumerate() {
            let trainee = self.rng.pick(&cohort.trainees).clone();
            let tutor = self.rng.pick(&cohort.trainers).clone();
            let created_day = cohort.start + Duration::days(offset);
            let created = at(
                created_day,
                u32::try_from(self.rng.between(8, 20)).unwrap_or(9),
            );
            let (subject, about) = *self.rng.pick(SUBJECTS);
            let id = TutorRequestId::new(format!("tr-{tag}-{:02}", n + 1));
            let mut request = TutorRequest {
                topic: Some(topic(about)),
                description: "Besoin d'un regard extérieur avant la prochaine étape du projet."
                    .to_owned(),
                urgency: *self
                    .rng
                    .pick(&[Urgency::Low, Urgency::Normal, Urgency::Urgent]),
                format: *self.rng.pick(&[
                    MeetingFormat::Visit,
                    MeetingFormat::Call,
                    MeetingFormat::Video,
                ]),
                ..TutorRequest::new(id, trainee, subject.to_owned(), created)
            };
            let previous = cohort.tutor_requests.last().map(|r| r.id.clone());
            self.advance(&mut request, &tutor, previous, created_day);
            cohort.tutor_requests.push(request);
        }
    }

    /// Moves a request along its life; every step is dated after the one before, and before
    /// today. Only recent requests may still wait at an early stage.
    fn advance(
        &mut self,
        request: &mut TutorRequest,
        tutor: &PersonId,
        previous: Option<TutorRequestId>,
        created_day: NaiveDate,
    ) {
        let recent = (SAMPLE_TODAY - created_day).num_days() <= RECENT_DAYS;
        let next_day = created_day + Duration::days(1);
        let step = |by: &PersonId, day, from, to, reason: Option<&str>| Transition {
            by: by.clone(),
            at: at(day, 10),
            from,
            to,
            reason: reason.map(str::to_owned),
        };
        let close = |request: &mut TutorRequest, to, reason| {
            request
                .history
                .push(step(tutor, next_day, RequestStatus::Open, to, Some(reason)));
            request.status = to;
        };
        if recent && self.rng.chance(25) {
            return; // still open
        }
        if recent && self.rng.chance(10) {
            close(
                request,
                RequestStatus::Deferred,
                "Reporté après le prochain séminaire",
            );
            request.deferred_to = Some(created_day + Duration::days(self.rng.between(30, 60)));
            return;
        }
        if self.rng.chance(6) {
            close(request, RequestStatus::Declined, "Hors de mes spécialités");
            return;
        }
        if let Some(original) = previous.filter(|_| self.rng.chance(6)) {
            close(
                request,
                RequestStatus::Duplicate,
                "Même demande que la précédente",
            );
            request.duplicate_of = Some(original);
            return;
        }
        request.tutor = Some(tutor.clone());
        let accepted = step(
            tutor,
            next_day,
            RequestStatus::Open,
            RequestStatus::Accepted,
            None,
        );
        request.history.push(accepted);
        request.status = RequestStatus::Accepted;
        let scheduled_day = next_day + Duration::days(1);
        if scheduled_day >= SAMPLE_TODAY || (recent && self.rng.chance(30)) {
            return;
        }
        let session_day = scheduled_day + Duration::days(self.rng.between(3, 20));
        let scheduled = step(
            tutor,
            scheduled_day,
            RequestStatus::Accepted,
            RequestStatus::Scheduled,
            None,
        );
        request.history.push(scheduled);
        request.status = RequestStatus::Scheduled;
        request.session = Some(TutoringSession {
            date: session_day,
            time: SESSION_TIME,
            place: String::new(),
            format: request.format,
        });
        if session_day >= SAMPLE_TODAY {
            return;
        }
        if self.rng.chance(7) {
            let reason = Some("Projet mis en pause");
            let cancelled = step(
                &request.trainee,
                session_day - Duration::days(1),
                RequestStatus::Scheduled,
                RequestStatus::Cancelled,
                reason,
            );
            request.history.push(cancelled);
            request.status = RequestStatus::Cancelled;
            return;
        }
        let done = step(
            tutor,
            session_day,
            RequestStatus::Scheduled,
            RequestStatus::Done,
            None,
        );
        request.history.push(done);
        request.status = RequestStatus::Done;
        request.outcome = Some(Outcome {
            summary: "Points clarifiés, pistes concrètes identifiées.".to_owned(),
            next_steps: "Faire un point au prochain séminaire.".to_owned(),
        });
    }
}
