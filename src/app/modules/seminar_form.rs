//! Saving the seminar form: the modules, venue and trainer typed are looked up, and the
//! half-days laid out ("N days from date D, 9:00-12:30 and 14:00-17:30").

use super::ModulesForm;
use crate::app::Form;
use crate::app::{App, Effect};
use crate::domain::lookup::find;
use crate::domain::rollcall::lay_out;
use crate::domain::{HalfDayId, ModuleId, PersonId, Seminar, SeminarId};
use crate::i18n::Msg;

/// Saves the seminar form; `None` keeps it open with the refused fields marked.
pub fn submit(app: &mut App, form: &mut Form) -> Option<Vec<Effect>> {
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
