//! The calendar export (RFC 5545): the seminars, one event per half-day with the venue as its
//! location, and the tutoring sessions. UIDs come from record ids and DTSTAMPs from each
//! record's last change, so two exports of the same data are byte for byte the same and a
//! calendar that imports both updates its events instead of doubling them.

use crate::domain::attendance::{HalfDay, Seminar};
use crate::domain::tutoring::{RequestStatus, TutorRequest};
use crate::domain::{Cohort, Data, PersonId};
use crate::i18n::{Lang, Msg, fill};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike, EventStatus, Property};
use std::fmt::Write as _;

/// The time zone every event is written in.
pub const TZID: &str = "Europe/Paris";

/// How long a tutoring session is taken to last: a session records only its start.
pub const SESSION_MINUTES: i64 = 60;

/// The VTIMEZONE block of Europe/Paris for these years, which RFC 5545 requires beside every
/// `TZID` used (icalendar 0.17 does not write one). Each change of offset is read from the
/// IANA database, the same one every time shown in Cercle comes from, and written as its own
/// observance: if the rules change, the calendar follows the database.
pub fn vtimezone(years: std::ops::RangeInclusive<i32>) -> String {
    use chrono::TimeZone as _;
    let zone = crate::domain::clock::ZONE;
    let mut out = format!("BEGIN:VTIMEZONE\r\nTZID:{TZID}\r\nX-LIC-LOCATION:{TZID}\r\n");
    let mut any = false;
    for year in years.clone() {
        for at in switches(year) {
            let before = zone.from_utc_datetime(&(at - Duration::seconds(1)).naive_utc());
            let after = zone.from_utc_datetime(&at.naive_utc());
            any = true;
            observance(&mut out, at, before.offset(), after.offset());
        }
    }
    if !any {
        // No change of offset in these years: one standard time from their start.
        let start = NaiveDate::from_ymd_opt(*years.start(), 1, 1)
            .unwrap_or_default()
            .and_time(NaiveTime::MIN)
            .and_utc();
        let offset = zone.from_utc_datetime(&start.naive_utc());
        observance(&mut out, start, offset.offset(), offset.offset());
    }
    out.push_str("END:VTIMEZONE\r\n");
    out
}

/// The instants of a year at which Paris changes its offset.
fn switches(year: i32) -> Vec<DateTime<Utc>> {
    let offset = |at: DateTime<Utc>| crate::domain::clock::offset_seconds(at);
    let Some(first) = NaiveDate::from_ymd_opt(year, 1, 1) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut day = first.and_time(NaiveTime::MIN).and_utc();
    while day.year() == year {
        let next = day + Duration::days(1);
        if offset(day) != offset(next) {
            // The change lies within this day: narrow it down to the second.
            let (mut low, mut high) = (day, next);
            while high - low > Duration::seconds(1) {
                let middle = low + (high - low) / 2;
                if offset(middle) == offset(low) {
                    low = middle;
                } else {
                    high = middle;
                }
            }
            found.push(high);
        }
        day = next;
    }
    found
}

/// One STANDARD or DAYLIGHT observance starting at `at`.
fn observance(
    out: &mut String,
    at: DateTime<Utc>,
    from: &chrono_tz::TzOffset,
    to: &chrono_tz::TzOffset,
) {
    use chrono::Offset as _;
    use chrono_tz::{OffsetComponents as _, OffsetName as _};
    let kind = if to.dst_offset().is_zero() {
        "STANDARD"
    } else {
        "DAYLIGHT"
    };
    let utc_offset = |o: &chrono_tz::TzOffset| {
        let seconds = o.fix().local_minus_utc();
        let sign = if seconds < 0 { '-' } else { '+' };
        let minutes = seconds.abs() / 60;
        format!("{sign}{:02}{:02}", minutes / 60, minutes % 60)
    };
    // DTSTART is the wall-clock time the change happens at, read on the clock before it.
    let wall = at.naive_utc() + Duration::seconds(i64::from(from.fix().local_minus_utc()));
    let _ = write!(
        out,
        "BEGIN:{kind}\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\nTZNAME:{}\r\nDTSTART:{}\r\nEND:{kind}\r\n",
        utc_offset(from),
        utc_offset(to),
        to.abbreviation().unwrap_or(TZID),
        wall.format("%Y%m%dT%H%M%S"),
    );
}

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
        .map(|id| data.programme.module_label(id))
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
    with_timezone(&calendar.to_string(), years(cohorts))
}

/// Puts the VTIMEZONE block of these years before the first event (or at the end of an empty
/// calendar).
fn with_timezone(ics: &str, years: std::ops::RangeInclusive<i32>) -> String {
    let at = ics
        .find("BEGIN:VEVENT")
        .or_else(|| ics.find("END:VCALENDAR"))
        .unwrap_or(ics.len());
    format!("{}{}{}", &ics[..at], vtimezone(years), &ics[at..])
}

/// The years the events of these cohorts fall in (the first cohort's start when there are none).
fn years(cohorts: &[&Cohort]) -> std::ops::RangeInclusive<i32> {
    let dates = cohorts.iter().flat_map(|c| {
        let half_days = c
            .seminars
            .iter()
            .flat_map(|s| s.half_days.iter().map(|h| h.date));
        let sessions = c
            .tutor_requests
            .iter()
            .filter_map(|r| r.session.as_ref().map(|s| s.date));
        half_days.chain(sessions)
    });
    let (low, high) = dates.fold(
        (None, None),
        |(low, high): (Option<i32>, Option<i32>), d| {
            (
                Some(low.map_or(d.year(), |l| l.min(d.year()))),
                Some(high.map_or(d.year(), |h| h.max(d.year()))),
            )
        },
    );
    let fallback = cohorts.first().map_or(1970, |c| c.start.year());
    low.unwrap_or(fallback)..=high.unwrap_or(fallback)
}
