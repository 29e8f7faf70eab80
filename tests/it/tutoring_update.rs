//! The Tutor requests screen driven by keys: asking, each step of a request with its form and
//! inline checks, who may do what, the queue's order and filters, the calendar export.

use crate::common;

use cercle::app::form::FieldKind;
use cercle::app::{Action, App, Effect, Overlay, Screen};
use cercle::domain::tutoring::{MeetingFormat, RequestStatus, TutorRequest, Urgency};
use cercle::domain::{CohortId, PersonId};
use cercle::i18n::{Lang, Msg};
use chrono::{NaiveDate, NaiveTime};
use common::{now, press, sample_app};

fn as_person(id: &str) -> App {
    let mut app = sample_app(Lang::En);
    app.config.me = Some(PersonId::new(id));
    press(&mut app, "4");
    app
}

fn request(app: &App, id: &str) -> TutorRequest {
    app.cohort()
        .unwrap()
        .tutor_requests
        .iter()
        .find(|r| r.id.as_str() == id)
        .cloned()
        .unwrap_or_else(|| panic!("no request {id}"))
}

fn ids(app: &App) -> Vec<String> {
    let cohort = app.cohort().unwrap();
    app.tutoring
        .listing
        .rows
        .iter()
        .map(|&i| cohort.tutor_requests[i].id.to_string())
        .collect()
}

fn select(app: &mut App, id: &str) {
    let row = ids(app).iter().position(|r| r == id).unwrap();
    let (len, height) = (app.tutoring.listing.rows.len(), app.page_height());
    app.tutoring.listing.cursor.select(row, len, height);
}

fn notice(app: &App) -> String {
    app.notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

fn form_errors(app: &App) -> Vec<Option<Msg>> {
    match &app.overlay {
        Some(Overlay::Form(form)) => form.fields.iter().map(|f| f.error).collect(),
        other => panic!("no form open: {other:?}"),
    }
}

#[test]
fn without_me_nothing_is_done_and_the_notice_says_press_i() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "4");
    for key in ["n", "a", "x", "s", "d", "C"] {
        app.notice = None;
        assert!(press(&mut app, key).is_empty());
        assert!(app.overlay.is_none(), "{key}");
        assert!(notice(&app).contains("Press i"), "{key}: {}", notice(&app));
    }
}

#[test]
fn a_trainee_asks_for_tutoring() {
    let mut app = as_person("p-nathan-perrin");
    let before = app.cohort().unwrap().tutor_requests.len();
    press(&mut app, "n");
    assert!(matches!(app.overlay, Some(Overlay::Form(_))));
    let effects = press(
        &mut app,
        "Statuts de l'association<Tab>2.2<Tab>Relire les articles 3 à 7<Tab><Right><Tab><Left><Tab>lundis; jeudis matin<Enter>",
    );
    assert_eq!(effects, vec![Effect::Save]);
    assert!(app.overlay.is_none());
    let cohort = app.cohort().unwrap();
    assert_eq!(cohort.tutor_requests.len(), before + 1);
    let asked = cohort.tutor_requests.last().unwrap().clone();
    assert_eq!(asked.trainee, PersonId::new("p-nathan-perrin"));
    assert_eq!(asked.subject, "Statuts de l'association");
    assert_eq!(
        asked.topic,
        Some(cercle::domain::knowledge::Topic::Module("m-2-2".into()))
    );
    assert_eq!(asked.description, "Relire les articles 3 à 7");
    assert_eq!(asked.urgency, Urgency::Urgent);
    assert_eq!(asked.format, MeetingFormat::Visit);
    assert_eq!(asked.windows, ["lundis", "jeudis matin"]);
    assert_eq!((asked.status, asked.created), (RequestStatus::Open, now()));
    assert!(asked.history.is_empty());
    // The new request is selected, and undo takes it back.
    let selected = cercle::app::tutoring::selected(&app).unwrap();
    assert_eq!(selected.id, asked.id);
    press(&mut app, "u");
    assert_eq!(app.cohort().unwrap().tutor_requests.len(), before);
}

#[test]
fn the_module_or_block_is_checked_on_submit() {
    let mut app = as_person("p-nathan-perrin");
    assert!(press(&mut app, "nBudget<Tab>9.9<Enter>").is_empty());
    assert_eq!(form_errors(&app)[1], Some(Msg::FieldUnknownTopic));
    // A block code in any case, or a part of a title, is understood.
    press(&mut app, "<BS><BS><BS>fab<Enter>");
    assert!(app.overlay.is_none());
    let asked = app.cohort().unwrap().tutor_requests.last().unwrap().clone();
    assert_eq!(
        asked.topic,
        Some(cercle::domain::knowledge::Topic::Block("b-fab".into()))
    );
}

#[test]
fn only_trainees_ask_and_only_trainers_triage() {
    let mut helene = as_person("p-helene-marchetti");
    press(&mut helene, "n");
    assert!(helene.overlay.is_none());
    assert!(notice(&helene).contains("Tutor requests are made by trainees"));

    let mut nathan = as_person("p-nathan-perrin");
    select(&mut nathan, "tr-na26-04");
    press(&mut nathan, "a");
    assert!(nathan.overlay.is_none());
    assert!(notice(&nathan).contains("the training team's to do"));
    // A refusal never invites her to be someone else.
    assert!(!notice(&nathan).contains("to change"));
    // A trainee may call off their own request.
    press(&mut nathan, "Cplus besoin<Enter>");
    let cancelled = request(&nathan, "tr-na26-04");
    assert_eq!(cancelled.status, RequestStatus::Cancelled);
    assert_eq!(cancelled.history[0].by, PersonId::new("p-nathan-perrin"));
    assert_eq!(cancelled.history[0].reason.as_deref(), Some("plus besoin"));
}

#[test]
fn accepting_assigns_the_top_suggestion_unless_another_trainer_is_typed() {
    let mut app = as_person("p-helene-marchetti");
    select(&mut app, "tr-na26-05");
    press(&mut app, "a");
    match &app.overlay {
        Some(Overlay::Form(form)) => assert_eq!(form.value(Msg::FieldTutor), "Sabine Roux"),
        other => panic!("{other:?}"),
    }
    assert_eq!(press(&mut app, "<Enter>"), vec![Effect::Save]);
    let accepted = request(&app, "tr-na26-05");
    assert_eq!(accepted.status, RequestStatus::Accepted);
    assert_eq!(accepted.tutor, Some(PersonId::new("p-sabine-roux")));
    let step = &accepted.history[0];
    assert_eq!(step.by, PersonId::new("p-helene-marchetti"), "by = me");
    assert_eq!(
        (step.at, step.from, step.to),
        (now(), RequestStatus::Open, RequestStatus::Accepted)
    );
    assert_eq!(
        notice(&app),
        "Dimensionner le potager partagé: open → accepted"
    );

    select(&mut app, "tr-na26-04");
    press(&mut app, "a");
    press(&mut app, "zz<Enter>");
    assert_eq!(form_errors(&app), [Some(Msg::FieldUnknownTrainer)]);
    let typed = "<BS>".repeat(40) + "yannick<Enter>";
    press(&mut app, &typed);
    assert_eq!(
        request(&app, "tr-na26-04").tutor,
        Some(PersonId::new("p-yannick-le-goff"))
    );
}

#[test]
fn decline_duplicate_and_defer_need_a_reason_and_check_their_fields() {
    let mut app = as_person("p-sabine-roux");
    select(&mut app, "tr-na26-04");
    press(&mut app, "x<Enter>");
    assert_eq!(form_errors(&app), [Some(Msg::FieldRequired)]);
    press(&mut app, "<Esc>y");
    assert!(app.overlay.is_none());

    // Duplicate: the other request by part of its subject, never itself.
    press(&mut app, "DMobiliser<Tab>same<Enter>");
    assert_eq!(form_errors(&app)[0], Some(Msg::FieldUnknownRequest));
    // The refused field has the focus.
    press(&mut app, &("<BS>".repeat(20) + "budget prév<Enter>"));
    let duplicate = request(&app, "tr-na26-04");
    assert_eq!(duplicate.status, RequestStatus::Duplicate);
    assert_eq!(duplicate.duplicate_of, Some("tr-na26-03".into()));
    assert_eq!(duplicate.history[0].reason.as_deref(), Some("same"));
    press(&mut app, "u");
    assert_eq!(request(&app, "tr-na26-04").status, RequestStatus::Open);
    select(&mut app, "tr-na26-04");

    // Defer: a real date, after today, and a reason.
    press(&mut app, "f31/02/2026<Tab>after the seminar<Enter>");
    assert_eq!(form_errors(&app), [Some(Msg::FieldBadDate), None]);
    press(&mut app, &("<BS>".repeat(10) + "2026-11-01<Enter>"));
    assert_eq!(form_errors(&app), [Some(Msg::FieldNotAfterToday), None]);
    press(&mut app, &("<BS>".repeat(10) + "10/12/2026<Enter>"));
    let deferred = request(&app, "tr-na26-04");
    assert_eq!(deferred.status, RequestStatus::Deferred);
    assert_eq!(deferred.deferred_to, NaiveDate::from_ymd_opt(2026, 12, 10));
    assert_eq!(
        deferred.history[0].reason.as_deref(),
        Some("after the seminar")
    );
}

#[test]
fn schedule_then_done() {
    let mut app = as_person("p-sabine-roux");
    select(&mut app, "tr-na26-03");
    press(
        &mut app,
        "s2026-12-05<Tab>9h3x<Tab>Café Pas Sage, Agen<Enter>",
    );
    assert_eq!(
        form_errors(&app),
        [None, Some(Msg::FieldBadTime), None, None]
    );
    match &app.overlay {
        Some(Overlay::Form(form)) => {
            assert!(matches!(form.fields[3].kind, FieldKind::Choice(_)));
            assert_eq!(form.choice(Msg::FieldFormat), 1, "the format asked: a call");
        }
        other => panic!("{other:?}"),
    }
    press(&mut app, "<BS><BS><BS><BS>09:30<Enter>");
    let scheduled = request(&app, "tr-na26-03");
    assert_eq!(scheduled.status, RequestStatus::Scheduled);
    let session = scheduled.session.unwrap();
    assert_eq!(session.date, NaiveDate::from_ymd_opt(2026, 12, 5).unwrap());
    assert_eq!(session.time, NaiveTime::from_hms_opt(9, 30, 0).unwrap());
    assert_eq!(session.place, "Café Pas Sage, Agen");
    assert_eq!(session.format, MeetingFormat::Call);

    press(&mut app, "d<Enter>");
    assert_eq!(form_errors(&app), [Some(Msg::FieldRequired), None]);
    press(&mut app, "Hypothèses revues<Tab>Tableau v2<Enter>");
    let done = request(&app, "tr-na26-03");
    assert_eq!(done.status, RequestStatus::Done);
    let outcome = done.outcome.unwrap();
    assert_eq!(
        (outcome.summary.as_str(), outcome.next_steps.as_str()),
        ("Hypothèses revues", "Tableau v2")
    );
    let path: Vec<_> = done.history.iter().map(|t| (t.from, t.to)).collect();
    assert_eq!(
        path,
        [
            (RequestStatus::Open, RequestStatus::Accepted),
            (RequestStatus::Accepted, RequestStatus::Scheduled),
            (RequestStatus::Scheduled, RequestStatus::Done),
        ]
    );
}

#[test]
fn an_impossible_transition_is_refused_with_a_message() {
    let mut app = as_person("p-helene-marchetti");
    select(&mut app, "tr-na26-01");
    let before = app.data.clone();
    for key in ["s", "a", "x", "d"] {
        assert!(press(&mut app, key).is_empty());
        assert!(app.overlay.is_none(), "{key}");
        assert!(
            notice(&app).starts_with("A request that is done cannot become"),
            "{key}: {}",
            notice(&app)
        );
    }
    assert_eq!(app.data, before, "nothing changed");
    let mut app = as_person("p-helene-marchetti");
    app.config.lang = Lang::Fr;
    select(&mut app, "tr-na26-07");
    press(&mut app, "a");
    assert_eq!(
        notice(&app),
        "Une demande déclinée ne peut pas devenir acceptée."
    );
}

#[test]
fn the_queue_puts_urgent_unanswered_first_and_closed_last() {
    let app = as_person("p-helene-marchetti");
    assert_eq!(
        ids(&app),
        [
            "tr-na26-05", // urgent, open for 6 days
            "tr-na26-02", // urgent, scheduled
            "tr-na26-06",
            "tr-na26-03",
            "tr-na26-04",
            "tr-na26-01", // closed, oldest first
            "tr-na26-07",
            "tr-na26-09",
            "tr-na26-08",
        ]
    );
}

#[test]
fn filters_by_status_tutor_and_trainee_and_words() {
    let mut app = as_person("p-helene-marchetti");
    press(&mut app, "t");
    assert_eq!(app.tutoring.status, Some(RequestStatus::Open));
    assert_eq!(ids(&app), ["tr-na26-05", "tr-na26-04"]);
    press(&mut app, "t");
    assert_eq!(ids(&app), ["tr-na26-06"]);
    press(&mut app, &"t".repeat(7));
    assert_eq!(
        app.tutoring.status, None,
        "back to all after the last status"
    );
    assert_eq!(ids(&app).len(), 9);

    press(&mut app, "T");
    assert_eq!(
        app.tutoring.tutor,
        Some(PersonId::new("p-helene-marchetti"))
    );
    assert_eq!(ids(&app), ["tr-na26-01"]);
    press(&mut app, "T");
    assert_eq!(ids(&app), ["tr-na26-02", "tr-na26-09"], "Yannick's");
    press(&mut app, "TT");
    assert_eq!(app.tutoring.tutor, None);

    press(&mut app, "pp");
    assert_eq!(app.tutoring.trainee, Some(PersonId::new("p-malik-benali")));
    assert_eq!(ids(&app), ["tr-na26-09"]);
    press(&mut app, &"p".repeat(9));
    assert_eq!(app.tutoring.trainee, None);

    // The `/` filter still works, with field words too.
    press(&mut app, "/tutor:sabine<Enter>");
    assert_eq!(ids(&app), ["tr-na26-03"]);
    press(&mut app, "<Esc>/status:decl<Enter>");
    assert_eq!(ids(&app), ["tr-na26-07"]);
    press(&mut app, "<Esc>/trainee:lea budget<Enter>");
    assert_eq!(ids(&app), ["tr-na26-03"]);
    press(&mut app, "<Esc>/mairie<Enter>");
    assert_eq!(ids(&app), ["tr-na26-04"]);
}

#[test]
fn enter_shows_the_request_in_full_and_esc_comes_back() {
    let mut app = as_person("p-helene-marchetti");
    press(&mut app, "/potager<Enter>");
    press(&mut app, "<Enter>");
    assert!(app.tutoring.zoom);
    press(&mut app, "<Esc>");
    assert!(!app.tutoring.zoom);
    assert_eq!(
        app.tutoring.listing.filter, "potager",
        "Esc closed the detail, not the filter"
    );

    // In full view there is no list to click; beside the queue a click selects a row.
    let mut app = as_person("p-helene-marchetti");
    press(&mut app, "<Enter>");
    let click = Action::Click { column: 5, row: 6 };
    cercle::app::update(&mut app, click);
    assert_eq!(app.tutoring.listing.cursor.selected, 0);
    press(&mut app, "<Esc>");
    cercle::app::update(&mut app, click);
    assert_eq!(app.tutoring.listing.cursor.selected, 2);
}

#[test]
fn e_exports_the_current_cohort_calendar() {
    let mut app = as_person("p-helene-marchetti");
    assert_eq!(
        press(&mut app, "e"),
        vec![Effect::ExportCalendar(CohortId::new("c-na-2026"))]
    );
    assert_eq!(app.screen, Screen::Tutoring);
}
