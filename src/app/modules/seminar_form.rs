//! Saving the seminar form: the modules, venue and trainer typed are looked up, and the
//! half-days laid out ("N days from date D, 9:00-12:30 and 14:00-17:30"). What the sheet will
//! be checked for (a holiday, the trainer booked elsewhere, more half-days than planned) is
//! named first, and saving waits for a yes.

use super::ModulesForm;
use crate::app::Form;
use crate::app::{App, Effect};
use crate::app::{Overlay, Pending, Question};
use crate::domain::lookup::find;
use crate::domain::planning::{Doubt, doubts};
use crate::domain::rollcall::lay_out;
use crate::domain::{HalfDayId, ModuleId, PersonId, Seminar, SeminarId};
use crate::i18n::format::{date, hours};
use crate::i18n::{Msg, fill};

/// Saves the seminar form; `None` keeps it open with the refused fields marked. Unless
/// `confirmed`, a seminar with doubts is not saved: a question names them, and its no goes back
/// to the form as it was typed.
pub fn submit(app: &mut App, form: &mut Form, confirmed: bool) -> Option<Vec<Effect>> {
    let editing = match &form.purpose {
        crate::app::Purpose::Modules(ModulesForm::EditSeminar(id)) => Some(id.clone()),
        _ => None,
    };
    let modules = lookup_modules(app, &form.value(Msg::FieldModules));
    let venue = {
        let venues = &app.data.venues;
        find(
            "venue",
            venues,
            &form.value(Msg::FieldVenue),
            |v| v.id.as_str(),
            |v| &v.name,
        )
        .map(|v| v.id.clone())
        .ok()
    };
    let trainer = lookup_trainer(app, &form.value(Msg::FieldTrainer));
    let mut ok = true;
    for (label, found) in [
        (Msg::FieldModules, modules.is_some()),
        (Msg::FieldVenue, venue.is_some()),
        (Msg::FieldTrainer, trainer.is_some()),
    ] {
        if !found {
            form.refuse(label, Msg::FieldNotFound);
            ok = false;
        }
    }
    let (Some(modules), Some(venue), Some(trainer), true) = (modules, venue, trainer, ok) else {
        app.notify_error(app.tr(Msg::FormHasErrors));
        return None;
    };
    let layout = super::layout_fields(form);
    let mut half_days = Vec::new();
    if let Some((start, days, morning, afternoon)) = layout {
        let mut next = || HalfDayId::new(app.fresh_id("h"));
        half_days = lay_out(&mut next, start, days, morning, afternoon);
    }
    if !confirmed {
        let planned = Seminar {
            id: editing.clone().unwrap_or_else(|| SeminarId::new("")),
            modules: modules.clone(),
            venue: venue.clone(),
            trainer: trainer.clone(),
            half_days: half_days.clone(),
        };
        if ask_first(app, form, planned, layout.is_none()) {
            return Some(Vec::new());
        }
    }
    let label = crate::i18n::fill(
        app.tr(if editing.is_some() {
            Msg::EditedSeminar
        } else {
            Msg::AddedSeminar
        }),
        &[("modules", &form.value(Msg::FieldModules))],
    );
    let id = editing
        .clone()
        .unwrap_or_else(|| SeminarId::new(app.fresh_id("s")));
    app.notify(label.clone());
    let relayout = layout.is_some();
    Some(app.change(label, move |data| {
        let current = data.current().map(|c| c.id.clone());
        let Some(cohort) = current.and_then(|c| data.cohort_mut(&c)) else {
            return;
        };
        match cohort.seminars.iter_mut().find(|s| s.id == id) {
            Some(seminar) => {
                seminar.modules = modules;
                seminar.venue = venue;
                seminar.trainer = trainer;
                if relayout {
                    seminar.half_days = half_days;
                }
            }
            None => cohort.seminars.push(Seminar {
                id,
                modules,
                venue,
                trainer,
                half_days,
            }),
        }
    }))
}

/// Module codes or titles, separated by commas; `None` if one is unknown or none is given.
fn lookup_modules(app: &App, text: &str) -> Option<Vec<ModuleId>> {
    let modules = &app.data.programme.modules;
    let found: Option<Vec<ModuleId>> = text
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| {
            modules
                .iter()
                .find(|m| m.code == t)
                .or_else(|| find("module", modules, t, |m| m.id.as_str(), |m| &m.title).ok())
                .map(|m| m.id.clone())
        })
        .collect();
    found.filter(|list| !list.is_empty())
}

/// A trainer of the cohort (or any trainer) by name or id.
fn lookup_trainer(app: &App, text: &str) -> Option<PersonId> {
    let trainers: Vec<&crate::domain::Person> = app
        .data
        .people
        .iter()
        .filter(|p| p.role == crate::domain::PersonRole::Trainer)
        .map(|p| &**p)
        .collect();
    find("trainer", &trainers, text, |p| p.id.as_str(), |p| &p.name)
        .ok()
        .map(|p| p.id.clone())
}

/// The question before saving a seminar with doubts: each one named, then what yes and no do.
fn question(app: &App, seminar: &Seminar, found: &[Doubt]) -> String {
    let lang = app.lang();
    let trainer = app
        .data
        .person(&seminar.trainer)
        .map(|p| p.name.clone())
        .unwrap_or_default();
    let mut lines = vec![app.tr(Msg::SeminarDoubtsTitle).to_owned()];
    for doubt in found {
        lines.push(match doubt {
            Doubt::Holiday { date: day, name } => fill(
                app.tr(Msg::DoubtHoliday),
                &[("date", &date(*day)), ("name", name)],
            ),
            Doubt::TrainerBooked {
                seminar,
                cohort,
                when,
            } => {
                let modules = app
                    .data
                    .cohorts
                    .iter()
                    .flat_map(|c| &c.seminars)
                    .find(|s| &s.id == seminar)
                    .map(|s| app.data.programme.codes(&s.modules).join(", "))
                    .unwrap_or_default();
                fill(
                    app.tr(Msg::DoubtTrainerBooked),
                    &[
                        ("trainer", &trainer),
                        ("modules", &modules),
                        ("cohort", cohort),
                        ("when", &half_days_named(app, when)),
                    ],
                )
            }
            Doubt::MoreThanPlanned {
                half_days,
                minutes,
                planned,
                modules,
            } => fill(
                app.tr(Msg::DoubtMoreThanPlanned),
                &[
                    ("n", &half_days.to_string()),
                    ("hours", &hours(*minutes, lang)),
                    ("planned", &hours(*planned, lang)),
                    ("modules", &modules.join(", ")),
                ],
            ),
        });
    }
    lines.push(app.tr(Msg::SeminarDoubtsAsk).to_owned());
    lines.join("\n")
}

/// Half-days as a trainer reads them: a whole day by its date, a half by its date and half.
fn half_days_named(app: &App, when: &[(chrono::NaiveDate, crate::domain::Period)]) -> String {
    let mut days: Vec<chrono::NaiveDate> = when.iter().map(|(d, _)| *d).collect();
    days.dedup();
    days.iter()
        .map(|day| {
            let halves: Vec<_> = when.iter().filter(|(d, _)| d == day).collect();
            match halves[..] {
                [(_, period)] => {
                    let half = app.tr(match period {
                        crate::domain::Period::Morning => Msg::PeriodMorning,
                        crate::domain::Period::Afternoon => Msg::PeriodAfternoon,
                    });
                    format!("{} ({half})", date(*day))
                }
                _ => date(*day),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Asks before saving `planned` when it raises doubts, keeping the form for the answer; says
/// whether it asked. A seminar whose days stay (`kept_days`) is checked on its days as they are.
fn ask_first(app: &mut App, form: &Form, mut planned: Seminar, kept_days: bool) -> bool {
    if kept_days {
        planned.half_days = app
            .cohort()
            .and_then(|c| c.seminars.iter().find(|s| s.id == planned.id))
            .map(|s| s.half_days.clone())
            .unwrap_or_default();
    }
    let found = app
        .cohort()
        .map(|c| doubts(&app.data, &c.id, &planned))
        .unwrap_or_default();
    if found.is_empty() {
        return false;
    }
    let text = question(app, &planned, &found);
    app.overlay = Some(Overlay::Confirm(Question {
        text,
        on_yes: Pending::SaveSeminar(Box::new(form.clone())),
    }));
    true
}
