//! The calendar export, read back: its events, stable UIDs, locations, time zone and escaping;
//! and `cercle export calendar` on the command line.

use crate::common;

use cercle::domain::tutoring::RequestStatus;
use cercle::domain::{Cohort, Data};
use cercle::exchange::calendar::{render, uid, vtimezone};
use cercle::i18n::Lang;
use common::pty::cercle;
use icalendar::{Calendar, CalendarComponent, Component, Event, EventLike, EventStatus};
use std::collections::HashSet;

fn current(data: &Data) -> &Cohort {
    data.current().unwrap()
}

fn parse(ics: &str) -> Calendar {
    ics.parse().expect("the export parses")
}

fn events(calendar: &Calendar) -> Vec<&Event> {
    calendar.events().collect()
}

#[test]
fn seminars_and_sessions_with_stable_uids_and_venues() {
    let data = cercle::sample::sample();
    let cohort = current(&data);
    let first = render(&data, &[cohort], Lang::En);
    let second = render(&data, &[cohort], Lang::En);
    assert_eq!(first, second, "two exports of the same data are identical");

    let calendar = parse(&first);
    let events = events(&calendar);
    let half_days: Vec<_> = cohort.seminars.iter().flat_map(|s| &s.half_days).collect();
    let sessions: Vec<_> = cohort
        .tutor_requests
        .iter()
        .filter(|r| r.session.is_some())
        .filter(|r| {
            matches!(
                r.status,
                RequestStatus::Scheduled | RequestStatus::Done | RequestStatus::Cancelled
            )
        })
        .collect();
    assert_eq!(sessions.len(), 3, "scheduled, done and cancelled sessions");
    assert_eq!(events.len(), half_days.len() + sessions.len());

    let uids: HashSet<&str> = events.iter().map(|e| e.get_uid().unwrap()).collect();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");
    for half_day in &half_days {
        assert!(
            uids.contains(uid(half_day.id.as_str()).as_str()),
            "{}",
            half_day.id
        );
    }
    for request in &sessions {
        assert!(
            uids.contains(uid(request.id.as_str()).as_str()),
            "{}",
            request.id
        );
    }
    for event in &events {
        assert!(event.get_timestamp().is_some(), "every event has a DTSTAMP");
        assert!(event.get_start().is_some() && event.get_end().is_some());
    }

    // A seminar half-day: its venue as location, its times in Paris.
    let seminar = cohort.seminars.first().unwrap();
    let venue = data.venue(&seminar.venue).unwrap();
    let half_day = &seminar.half_days[0];
    let event = events
        .iter()
        .find(|e| e.get_uid() == Some(uid(half_day.id.as_str()).as_str()))
        .unwrap();
    let location = event.get_location().unwrap();
    assert!(
        location.contains(&venue.name) && location.contains(&venue.address),
        "{location}"
    );
    assert!(event.get_summary().unwrap().starts_with("Seminar: 1.1 "));
    assert!(
        first.contains("DTSTART;TZID=Europe/Paris:20260310T090000\r\n"),
        "local time with its zone"
    );

    // Sessions: the place as location, a cancelled one marked so.
    let by_uid = |id: &str| {
        events
            .iter()
            .find(|e| e.get_uid() == Some(uid(id).as_str()))
            .unwrap()
    };
    let scheduled = by_uid("tr-na26-02");
    assert_eq!(
        scheduled.get_location(),
        Some("Fablab des Portes Ferrées, Limoges")
    );
    assert_eq!(scheduled.get_status(), Some(EventStatus::Confirmed));
    assert!(first.contains("DTSTART;TZID=Europe/Paris:20261203T100000\r\n"));
    assert!(first.contains("DTEND;TZID=Europe/Paris:20261203T110000\r\n"));
    assert_eq!(
        by_uid("tr-na26-09").get_status(),
        Some(EventStatus::Cancelled)
    );
    assert_eq!(
        by_uid("tr-na26-01").get_summary(),
        Some("Tutoring: Relecture des statuts de SCIC")
    );
}

#[test]
fn follows_rfc_5545_framing() {
    let data = cercle::sample::sample();
    let ics = render(
        &data,
        &data.cohorts.iter().map(|c| &**c).collect::<Vec<_>>(),
        Lang::Fr,
    );
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "every line ends in CRLF"
    );
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "folded at 75 octets: {line}");
    }
    for required in ["VERSION:2.0\r\n", "PRODID:", "CALSCALE:GREGORIAN\r\n"] {
        assert!(ics.contains(required), "{required}");
    }
    // The time zone every TZID refers to comes once, before the first event.
    assert_eq!(ics.matches("BEGIN:VTIMEZONE").count(), 1);
    assert!(ics.find("BEGIN:VTIMEZONE").unwrap() < ics.find("BEGIN:VEVENT").unwrap());
    let calendar = parse(&ics);
    let zones: Vec<_> = calendar
        .components
        .iter()
        .filter(|c| matches!(c, CalendarComponent::Other(o) if o.component_kind() == "VTIMEZONE"))
        .collect();
    assert_eq!(zones.len(), 1);
    // Every cohort, in French.
    let half_days: usize = data
        .cohorts
        .iter()
        .flat_map(|c| &c.seminars)
        .map(|s| s.half_days.len())
        .sum();
    assert!(calendar.events().count() > half_days);
    assert!(ics.contains("SUMMARY:Séminaire\u{a0}: "));
}

#[test]
fn text_is_escaped_and_control_characters_shown_harmlessly() {
    let mut data = cercle::sample::sample();
    let id = data.current().unwrap().id.clone();
    let cohort = data.cohort_mut(&id).unwrap();
    let request = cohort
        .tutor_requests
        .iter_mut()
        .find(|r| r.status == RequestStatus::Scheduled)
        .unwrap();
    request.subject = "Budget, statuts; \\ et\r\nla suite\u{1b}[31m".into();
    let ics = render(&data, &[data.current().unwrap()], Lang::En);
    assert!(
        ics.contains("SUMMARY:Tutoring: Budget\\, statuts\\; \\\\ et\\nla suite␛[31m\r\n"),
        "{ics}"
    );
    assert!(!ics.contains('\u{1b}'));
    let calendar = parse(&ics);
    let summary = calendar
        .events()
        .find_map(|e| {
            e.get_summary()
                .filter(|s| s.starts_with("Tutoring: Budget"))
        })
        .unwrap()
        .to_owned();
    // ESC shows as its picture (tests/injection.rs): visible, and harmless in a terminal.
    assert_eq!(summary, "Tutoring: Budget, statuts; \\ et\nla suite␛[31m");
}

#[test]
fn dtstamp_follows_the_last_change() {
    let data = cercle::sample::sample();
    let cohort = current(&data);
    let calendar = parse(&render(&data, &[cohort], Lang::En));
    let request = cohort
        .tutor_requests
        .iter()
        .find(|r| r.id.as_str() == "tr-na26-02")
        .unwrap();
    let event = calendar
        .events()
        .find(|e| e.get_uid() == Some("tr-na26-02@cercle"))
        .unwrap();
    assert_eq!(event.get_timestamp(), Some(request.last_change()));
    assert_eq!(event.get_sequence(), Some(2));
}

#[test]
fn the_command_writes_a_private_file_or_prints() {
    let dir = tempfile::tempdir().unwrap();
    assert!(cercle(dir.path(), &["init", "--sample"]).status.success());
    // `-o` writes into a folder that exists; it never creates one.
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let file = dir.path().join("out").join("cal.ics");
    let file_arg = file.to_str().unwrap();
    let args = [
        "export", "calendar", "--format", "ics", "--cohort", "2026", "-o", file_arg,
    ];
    let written = cercle(dir.path(), &args);
    assert!(
        written.status.success(),
        "{}",
        String::from_utf8_lossy(&written.stderr)
    );
    let text = std::fs::read_to_string(&file).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert!(text.contains("X-WR-CALNAME:Cercle · Nouvelle-Aquitaine 2026\r\n"));
    assert!(!text.contains("h-na24-"), "only the chosen cohort");
    // Again, to standard output: the same bytes.
    let printed = cercle(
        dir.path(),
        &["export", "calendar", "--cohort", "c-na-2026", "-o", "-"],
    );
    assert_eq!(String::from_utf8(printed.stdout).unwrap(), text);
    // Without --cohort: every cohort.
    let all = cercle(dir.path(), &["export", "calendar"]);
    assert!(String::from_utf8_lossy(&all.stdout).contains("h-na24-"));
    // An unknown cohort lists the candidates.
    let unknown = cercle(dir.path(), &["export", "calendar", "--cohort", "Bretagne"]);
    assert!(!unknown.status.success());
    let message = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        message.contains("Nouvelle-Aquitaine 2026 (c-na-2026)"),
        "{message}"
    );
}

#[test]
fn the_time_zone_block_comes_from_the_iana_database() {
    let block = vtimezone(2026..=2027);
    // The EU's rule: summer time from the last Sunday of March, 02:00 local, to the last
    // Sunday of October, 03:00 local.
    for switch in [
        "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:20260329T020000\r\n",
        "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:20261025T030000\r\n",
        "DTSTART:20270328T020000\r\n",
        "DTSTART:20271031T030000\r\n",
    ] {
        assert!(block.contains(switch), "{switch} in {block}");
    }
    assert_eq!(block.matches("BEGIN:DAYLIGHT").count(), 2);
    assert_eq!(block.matches("BEGIN:STANDARD").count(), 2);
}
