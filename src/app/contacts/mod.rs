//! The Peer contacts screen's actions: new, edit and delete people.

use super::form::{Form, Purpose};
use super::{Action, App, Effect, Overlay, Pending, Question, Screen};
use crate::domain::{Person, PersonId, PersonRole};
use crate::i18n::{Msg, fill};

/// The Peer contacts screen's own actions.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let selected = app
        .selected(Screen::Contacts)
        .and_then(|index| app.data.people.get(index))
        .cloned();
    match (action, selected) {
        (Action::New, _) => {
            app.overlay = Some(Overlay::Form(Box::new(Form::person(
                Purpose::NewPerson,
                None,
            ))));
        }
        (Action::Edit | Action::Open, Some(person)) => {
            let form = Form::person(Purpose::EditPerson(person.id.clone()), Some(&person));
            app.overlay = Some(Overlay::Form(Box::new(form)));
        }
        (Action::Delete, Some(person)) => {
            let text = fill(app.tr(Msg::ConfirmDeletePerson), &[("name", &person.name)]);
            app.overlay = Some(Overlay::Confirm(Question {
                text,
                on_yes: Pending::DeletePerson(person.id),
            }));
        }
        _ => {}
    }
    Vec::new()
}

/// Deletes a person, once confirmed.
pub fn delete(app: &mut App, id: &PersonId) -> Vec<Effect> {
    let name = app
        .data
        .person(id)
        .map(|p| p.name.clone())
        .unwrap_or_default();
    let label = fill(app.tr(Msg::DeletedPerson), &[("name", &name)]);
    app.notify(label.clone());
    app.change(label, |data| data.people.retain(|p| &p.id != id))
}

/// Saves the person form.
pub fn submit(app: &mut App, form: &Form) -> Vec<Effect> {
    match &form.purpose {
        Purpose::NewPerson => {
            let mut person = Person {
                id: PersonId::new(app.fresh_id("p")),
                role: PersonRole::Trainee,
                ..Person::default()
            };
            form.apply_to(&mut person);
            let label = fill(app.tr(Msg::AddedPerson), &[("name", &person.name)]);
            app.notify(label.clone());
            let effects = app.change(label, |data| data.people.push(person));
            // Select the new person.
            let i = Screen::Contacts.index();
            let height = app.page_height();
            let len = app.rows[i].len();
            app.cursors[i].select(len.saturating_sub(1), len, height);
            effects
        }
        Purpose::EditPerson(id) => {
            let id = id.clone();
            let name = form.value(Msg::FieldName);
            let label = fill(app.tr(Msg::EditedPerson), &[("name", &name)]);
            app.notify(label.clone());
            app.change(label, |data| {
                if let Some(person) = data.people.iter_mut().find(|p| p.id == id) {
                    form.apply_to(person);
                }
            })
        }
    }
}
