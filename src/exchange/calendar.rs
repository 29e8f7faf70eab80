//! The calendar export (RFC 5545): the seminars, one event per half-day with the venue as its
//! location, and the tutoring sessions. UIDs come from record ids and DTSTAMPs from each
//! record's last change, so two exports of the same data are byte for byte the same and a
//! calendar that imports both updates its events instead of doubling them.

use crate::domain::attendance::{HalfDay, Seminar};
use crate::domain::tutoring::{RequestStatus, TutorRequest};
use crate::domain::{Cohort, Data, PersonId};
use crate::i18n::{Lang, Msg, fill};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike, EventStatus, Property};

/// The time zone every event is written in.
pub const TZID: &str = "Europe/Paris";

/// How long a tutoring session is taken to last: a session records only its start.
pub const SESSION_MINUTES: i64 = 60;

/// The Europe/Paris time zone (EU summer time since 1996), which RFC 5545 requires beside
/// every `TZID` used; icalendar 0.17 does not write one.
pub const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\n\
TZID:Europe/Paris\r\n\
X-LIC-LOCATION:Europe/Paris\r\n\
BEGIN:DAYLIGHT\r\n\
TZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0200\r\n\
TZNAME:CEST\r\n\
DTSTART:19700329T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
END:DAYLIGHT\r\n\
BEGIN:STANDARD\r\n\
TZOFFSETFROM:+0200\r\n\
TZOFFSETTO:+0100\r\n\
TZNAME:CET\r\n\
DTSTART:19701025T030000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
END:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// The stable UID of a record's event.
pub fn uid(id: &str) -> String {
    format!("{id}@cercle")
}

fn paris(date: NaiveDate, time: NaiveTime) -> CalendarDateTime {
    CalendarDateTime::WithTimezone {
        date_time: NaiveDateTime::new(date, time),
        tzid: TZID.to_owned(),
    }
}

/// Text for a calendar: line breaks kept as `\n` (escaped by the writer), other control
/// characters, which RFC 5545 forbids in a value, dropped.
fn text(value: &str) -> String {
    // Controls and bidi characters show as visible ones, so that the file prints harmlessly.
    crate::domain::text::visible_lines(&value.replace("\r\n", "\n")).replace('\t', " ")
}

fn name(data: &Data, id: &PersonId) -> String {
    data.person(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

/// When a half-day last changed: its signature, marks or corrections; else the cohort's start.
fn half_day_stamp(cohort: &Cohort, half_day: &HalfDay) -> DateTime<Utc> {
    half_day
        .signature
        .iter()
        .map(|s| s.at)
        .chain(half_day.marks.iter().filter_map(|m| m.at))
        .chain(half_day.history.iter().map(|h| h.at))
        .max()
        .unwrap_or_else(|| cohort.start.and_time(NaiveTime::MIN).and_utc())
}

fn seminar_event(
    data: &Data,
    cohort: &Cohort,
    seminar: &Seminar,
    half_day: &HalfDay,
    lang: Lang,
) -> Event {
    let modules: Vec<String> = seminar
        .modules
        .iter()
        .map(|id| {
            data.programme
                .module(id)
                .map_or_else(|| id.to_string(), |m| format!("{} {}", m.code, m.title))
        })
        .collect();
    let summary = fill(
        Msg::CalendarSeminar.text(lang),
        &[("modules", &modules.join(" / "))],
    );
    let location = data.venue(&seminar.venue).map_or_else(
        || seminar.venue.to_string(),
        |v| {
            let place = if v.address.is_empty() {
                &v.city
            } else {
                &v.address
            };
            format!("{}, {place}", v.name)
        },
    );
    let description = fill(
        Msg::CalendarSeminarNote.text(lang),
        &[
            ("cohort", &cohort.name),
            ("trainer", &name(data, &seminar.trainer)),
        ],
    );
    Event::new()
        .uid(&uid(half_day.id.as_str()))
        .timestamp(half_day_stamp(cohort, half_day))
        .starts(paris(half_day.date, half_day.start))
        .ends(paris(half_day.date, half_day.end))
        .summary(&text(&summary))
        .location(&text(&location))
        .description(&text(&description))
        .done()
}

fn session_event(data: &Data, request: &TutorRequest, lang: Lang) -> Option<Event> {
    let session = request.session.as_ref()?;
    let status = match request.status {
        RequestStatus::Scheduled | RequestStatus::Done => EventStatus::Confirmed,
        RequestStatus::Cancelled => EventStatus::Cancelled,
        _ => return None,
    };
    let format = crate::i18n::words::format_msg(session.format).text(lang);
    let start = NaiveDateTime::new(session.date, session.time);
    let end = start + Duration::minutes(SESSION_MINUTES);
    let summary = fill(
        Msg::CalendarTutoring.text(lang),
        &[("subject", &request.subject)],
    );
    let tutor = request
        .tutor
        .as_ref()
        .map_or_else(String::new, |t| name(data, t));
    let description = fill(
        Msg::CalendarTutoringNote.text(lang),
        &[
            ("trainee", &name(data, &request.trainee)),
            ("tutor", &tutor),
            ("format", format),
        ],
    );
    let location = if session.place.is_empty() {
        format
    } else {
        &session.place
    };
    Some(
        Event::new()
            .uid(&uid(request.id.as_str()))
            .timestamp(request.last_change())
            .sequence(u32::try_from(request.history.len()).unwrap_or(u32::MAX))
            .starts(paris(session.date, session.time))
            .ends(paris(end.date(), end.time()))
            .summary(&text(&summary))
            .location(&text(location))
            .description(&text(&description))
            .status(status)
            .done(),
    )
}

/// The calendar of these cohorts: every half-day of their seminars and every tutoring session
/// set (a cancelled one stays, marked cancelled, so that calendars drop it).
pub fn render(data: &Data, cohorts: &[&Cohort], lang: Lang) -> String {
    let mut calendar = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", "-//Cercle//Cercle calendar export//FR"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        ("X-WR-TIMEZONE", TZID),
    ] {
        calendar.append_property(Property::new(key, value));
    }
    let name = match cohorts {
        [one] => format!("Cercle · {}", one.name),
        _ => format!("Cercle · {}", data.programme.title),
    };
    calendar.append_property(Property::new("X-WR-CALNAME", text(&name)));
    for cohort in cohorts {
        for seminar in &cohort.seminars {
            for half_day in &seminar.half_days {
                calendar.push(seminar_event(data, cohort, seminar, half_day, lang));
            }
        }
        for request in &cohort.tutor_requests {
            if let Some(event) = session_event(data, request, lang) {
                calendar.push(event);
            }
        }
    }
    with_timezone(&calendar.to_string())
}

/// Puts the VTIMEZONE block before the first event (or at the end of an empty calendar).
fn with_timezone(ics: &str) -> String {
    let at = ics
        .find("BEGIN:VEVENT")
        .or_else(|| ics.find("END:VCALENDAR"))
        .unwrap_or(ics.len());
    format!("{}{VTIMEZONE}{}", &ics[..at], &ics[at..])
}
