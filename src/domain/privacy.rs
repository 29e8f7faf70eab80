//! A person's rights over their data: everything about them in one document (access), and
//! forgetting them (erasure), except the records the law requires to keep, which stay under a
//! pseudonym: attendance sheets and what funders audit.

use super::{Data, Person, PersonId};
use serde_json::{Map, Value, json};

/// Everything the data holds about one person, as one JSON document: their record, the
/// venues they host, and in each cohort that mentions them, the records that do (their own
/// attendance lines, never other trainees').
pub fn about(data: &Data, id: &PersonId) -> Result<Value, String> {
    let person = data
        .person(id)
        .ok_or_else(|| format!("no person has the id {id}"))?;
    let hosted: Vec<&super::Venue> = data
        .venues
        .iter()
        .filter(|v| v.host.as_ref() == Some(id))
        .collect();
    let mut cohorts = Vec::new();
    for cohort in &data.cohorts {
        let value = serde_json::to_value(cohort).map_err(|e| e.to_string())?;
        if let Some(part) = cohort_part(value, id.as_str()) {
            cohorts.push(part);
        }
    }
    Ok(json!({
        "format": "cercle-person-export",
        "version": 1,
        "programme": data.programme.title,
        "provider": data.programme.provider,
        "person": person,
        "venues_hosted": hosted,
        "cohorts": cohorts,
    }))
}

/// Whether any string inside `value` is exactly `id`.
pub(crate) fn mentions(value: &Value, id: &str) -> bool {
    match value {
        Value::String(s) => s == id,
        Value::Array(items) => items.iter().any(|v| mentions(v, id)),
        Value::Object(map) => map.values().any(|v| mentions(v, id)),
        _ => false,
    }
}

/// A cohort cut down to what concerns `id`: its own fields, and from each list the records
/// that mention the person. A list added to cohorts later is covered without touching this.
fn cohort_part(cohort: Value, id: &str) -> Option<Value> {
    if !mentions(&cohort, id) {
        return None;
    }
    let Value::Object(map) = cohort else {
        return None;
    };
    let mut out = Map::new();
    for (key, value) in map {
        let value = match value {
            Value::Array(items) => Value::Array(
                items
                    .into_iter()
                    .filter_map(|item| match key.as_str() {
                        "seminars" => seminar_part(item, id),
                        _ => mentions(&item, id).then_some(item),
                    })
                    .collect(),
            ),
            other => other,
        };
        out.insert(key, value);
    }
    Some(Value::Object(out))
}

/// A seminar with only the half-days the person took part in, and only their own marks.
fn seminar_part(mut seminar: Value, id: &str) -> Option<Value> {
    if !mentions(&seminar, id) {
        return None;
    }
    let ran_it = seminar["trainer"] == id;
    if let Some(Value::Array(half_days)) = seminar.get_mut("half_days") {
        half_days.retain_mut(|half_day| {
            for list in ["marks", "history"] {
                if let Some(Value::Array(items)) = half_day.get_mut(list) {
                    items.retain(|item| item["trainee"] == id);
                }
            }
            ran_it || mentions(half_day, id)
        });
    }
    Some(seminar)
}

/// What forgetting a person did, or would do.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Forgotten {
    /// The stand-in kept where the law requires a record; `None` when nothing had to be kept.
    pub pseudonym: Option<Person>,
    /// What was erased, as (what, how many).
    pub erased: Vec<(&'static str, usize)>,
    /// What was kept under the pseudonym, as (what, how many).
    pub kept: Vec<(&'static str, usize)>,
    /// Free texts (notes, reasons, titles) of other records that still hold the person's name.
    pub name_still_in: usize,
}

/// The pseudonym's id prefix.
pub const PSEUDONYM_PREFIX: &str = "forgotten-";

/// Removes a person everywhere. Records the law requires to keep stay, with the person replaced
/// by a pseudonym: attendance marks (status, times, reason; their remark is erased) and
/// signatures, with the changes made to signed sheets (Code du travail R6332-26); the seminars
/// they ran; their funding lines and departure (funders' audits; the reason of leaving is
/// erased); the dated follow-up log (Qualiopi; its text is erased). Everything else about them
/// is erased: their record, offers and requests, tutor requests, assessments, candidacy, their
/// place in exchanges, the venue they host.
pub fn forget(data: &mut Data, id: &PersonId) -> Result<Forgotten, String> {
    let person = data
        .person(id)
        .cloned()
        .ok_or_else(|| format!("no person has the id {id}"))?;
    let n = data
        .people
        .iter()
        .filter(|p| p.id.as_str().starts_with(PSEUDONYM_PREFIX))
        .count()
        + 1;
    let stand_in = Person {
        id: PersonId::new(format!("{PSEUDONYM_PREFIX}{n}")),
        name: format!("Personne anonymisée {n}"),
        role: person.role,
        ..Person::default()
    };
    // Only the cohorts that hold her id anywhere are changed (every reference to a person is
    // her id); the others stay shared with every other version of the data, untouched, and a
    // save does not write them again.
    let quoted = serde_json::to_vec(id.as_str()).map_err(|e| e.to_string())?;
    let finder = memchr::memmem::Finder::new(&quoted);
    let mut hers = Vec::new();
    for (i, cohort) in data.cohorts.iter().enumerate() {
        let json = serde_json::to_vec(&**cohort).map_err(|e| e.to_string())?;
        if finder.find(&json).is_some() {
            hers.push(i);
        }
    }
    let mut tally = Tally::default();
    for &i in &hers {
        let cohort = &mut data.cohorts[i];
        erase_owned(cohort, id, &mut tally);
        keep_legal(cohort, id, &mut tally);
    }
    let hosted = data
        .venues
        .iter_mut()
        .filter(|v| v.host.as_ref() == Some(id))
        .map(|v| v.host = None)
        .count();
    tally.erased("venue hosted", hosted);
    data.people.retain(|p| &p.id != id);
    tally.erased("contact record", 1);

    // Whatever still points to the person (a field added later too) points to the stand-in.
    let mut kept_any = false;
    for &i in &hers {
        let cohort = &mut data.cohorts[i];
        let mut value = serde_json::to_value(&*cohort).map_err(|e| e.to_string())?;
        if super::merge::rename(&mut value, id.as_str(), stand_in.id.as_str()) {
            *cohort = serde_json::from_value(value).map_err(|e| e.to_string())?;
            kept_any = true;
        }
    }
    let pseudonym = kept_any.then(|| {
        data.people.push(stand_in.clone().into());
        stand_in
    });
    let name_still_in = texts_in(data, &person.name)?;
    Ok(Forgotten {
        pseudonym,
        erased: tally.erased,
        kept: tally.kept,
        name_still_in,
    })
}

/// How many strings of `data` hold `name` ([`texts_holding`]), read one record at a time: the
/// whole network as one untyped value was half a gigabyte, once for the data and once for each
/// backup set a person is forgotten in.
fn texts_in(data: &mut Data, name: &str) -> Result<usize, String> {
    let holding = |value: Result<Value, serde_json::Error>| {
        value
            .map(|v| texts_holding(&v, name))
            .map_err(|e| e.to_string())
    };
    let needle = name.trim().to_lowercase();
    if needle.is_empty() {
        return Ok(0);
    }
    // A record's JSON text, lowercased, is looked at first: most never hold the name. (A name
    // that JSON escapes is looked for in every record's values instead.)
    let escaped = needle
        .chars()
        .any(|c| c == '"' || c == '\\' || c.is_control());
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    let may_hold = |json: Result<String, serde_json::Error>| {
        json.map(|text| escaped || finder.find(text.to_lowercase().as_bytes()).is_some())
            .map_err(|e| e.to_string())
    };
    let mut count = 0;
    for person in &data.people {
        if may_hold(serde_json::to_string(&**person))? {
            count += holding(serde_json::to_value(&**person))?;
        }
    }
    for cohort in &data.cohorts {
        if may_hold(serde_json::to_string(&**cohort))? {
            count += holding(serde_json::to_value(&**cohort))?;
        }
    }
    // The rest (the programme, the venues, the conflicts) as a whole, without those two lists.
    let people = std::mem::take(&mut data.people);
    let cohorts = std::mem::take(&mut data.cohorts);
    let rest = serde_json::to_value(&*data);
    data.people = people;
    data.cohorts = cohorts;
    Ok(count + holding(rest)?)
}

#[derive(Default)]
struct Tally {
    erased: Vec<(&'static str, usize)>,
    kept: Vec<(&'static str, usize)>,
}

impl Tally {
    fn erased(&mut self, what: &'static str, n: usize) {
        if n > 0 {
            self.erased.push((what, n));
        }
    }

    fn kept(&mut self, what: &'static str, n: usize) {
        if n > 0 {
            self.kept.push((what, n));
        }
    }
}

/// Removes the records that are the person's own and that no law asks to keep.
fn erase_owned(cohort: &mut super::Cohort, id: &PersonId, tally: &mut Tally) {
    let theirs: Vec<_> = cohort
        .knowledge
        .iter()
        .filter(|k| &k.person == id)
        .map(|k| k.id.clone())
        .collect();
    cohort.knowledge.retain(|k| &k.person != id);
    tally.erased("offers and requests of knowledge", theirs.len());
    let mut exchanges = 0;
    for exchange in &mut cohort.exchanges {
        if exchange.offer.as_ref().is_some_and(|k| theirs.contains(k)) {
            exchange.offer = None;
        }
        if exchange
            .request
            .as_ref()
            .is_some_and(|k| theirs.contains(k))
        {
            exchange.request = None;
        }
        let before = exchange.people.len();
        exchange.people.retain(|p| p != id);
        exchanges += before - exchange.people.len();
    }
    cohort.exchanges.retain(|e| !e.people.is_empty());
    tally.erased("places in exchanges", exchanges);
    let before = cohort.tutor_requests.len();
    cohort.tutor_requests.retain(|r| &r.trainee != id);
    tally.erased("tutor requests", before - cohort.tutor_requests.len());
    let before = cohort.assessments.len();
    cohort.assessments.retain(|a| &a.trainee != id);
    tally.erased("competency assessments", before - cohort.assessments.len());
    let before = cohort.candidacies.len();
    cohort.candidacies.retain(|c| &c.trainee != id);
    tally.erased(
        "certification candidacies",
        before - cohort.candidacies.len(),
    );
    // A session brought by them goes with its notes; elsewhere only their place.
    let mut places = 0;
    cohort.codev_sessions.retain(|s| {
        let theirs = &s.client == id;
        places += usize::from(theirs);
        !theirs
    });
    for session in &mut cohort.codev_sessions {
        let before = session.consultants.len();
        session.consultants.retain(|c| c != id);
        places += before - session.consultants.len();
    }
    tally.erased("places in codevelopment sessions", places);
}

/// Counts the records kept for the law, erasing the free text they need not keep.
fn keep_legal(cohort: &mut super::Cohort, id: &PersonId, tally: &mut Tally) {
    let (mut marks, mut signatures, mut changes) = (0, 0, 0);
    let mut seminars = 0;
    for seminar in &mut cohort.seminars {
        seminars += usize::from(&seminar.trainer == id);
        for half_day in &mut seminar.half_days {
            for mark in half_day.marks.iter_mut().filter(|m| &m.trainee == id) {
                mark.remark = None;
                marks += 1;
            }
            signatures += usize::from(half_day.signature.as_ref().is_some_and(|s| &s.by == id));
            changes += half_day
                .history
                .iter()
                .filter(|c| &c.trainee == id || &c.by == id)
                .count();
        }
    }
    tally.kept("attendance marks (remarks erased)", marks);
    tally.kept("signatures of attendance sheets", signatures);
    tally.kept("changes to signed sheets", changes);
    tally.kept("seminars run as trainer", seminars);
    tally.kept(
        "funding lines",
        cohort.funding.iter().filter(|f| &f.trainee == id).count(),
    );
    let mut departures = 0;
    for departure in cohort.departures.iter_mut().filter(|d| &d.trainee == id) {
        departure.reason.clear();
        departures += 1;
    }
    tally.kept("departures (reason erased)", departures);
    let mut follow_ups = 0;
    for follow_up in &mut cohort.follow_ups {
        if &follow_up.trainee == id {
            follow_up.outcome = super::Note::default();
            follow_ups += 1;
        } else if &follow_up.by == id {
            follow_ups += 1;
        }
    }
    tally.kept("follow-up log entries (text erased)", follow_ups);
    let on_roster = usize::from(cohort.trainees.contains(id) || cohort.trainers.contains(id));
    tally.kept("places on a cohort's roster", on_roster);
}

/// How many strings in `value` contain `name` (ignoring case), e.g. in other people's notes.
fn texts_holding(value: &Value, name: &str) -> usize {
    let name = name.trim().to_lowercase();
    if name.is_empty() {
        return 0;
    }
    match value {
        Value::String(s) => usize::from(s.to_lowercase().contains(&name)),
        Value::Array(items) => items.iter().map(|v| texts_holding(v, &name)).sum(),
        Value::Object(map) => map.values().map(|v| texts_holding(v, &name)).sum(),
        _ => 0,
    }
}
