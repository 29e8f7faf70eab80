//! The Peer contacts screen's actions: new, edit, delete, copy, mail, merge, export, import,
//! sort and group.

pub mod keys;
mod list;
mod merge;
mod person_form;
pub mod sharing_choice;

pub use list::State;

/// The forms of the Peer contacts screen.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ContactsForm {
    /// A new person in the directory.
    NewPerson,
    /// Editing a person.
    EditPerson(PersonId),
    /// Merging `other` into `keep`, choosing field by field.
    MergePeople {
        /// The record that stays.
        keep: PersonId,
        /// The record merged into it, then removed.
        other: PersonId,
    },
    /// Importing a contacts file (vCard or CSV).
    ImportContacts,
    /// What a person shares with the cohort, detail by detail.
    ShareWithCohort(PersonId),
}

use super::Form;
use super::Purpose;
use super::form::{Field, FieldKind};
use super::{Action, App, Effect, Overlay, Pending, Question, Screen};
use crate::domain::{Person, PersonId};
use crate::exchange::{self, Format};
use crate::i18n::{Msg, fill};
use std::sync::Arc;

/// The contacts list's rows for the current data, filter and user (cached).
pub fn rows(app: &mut App) -> Vec<usize> {
    let data = Arc::clone(&app.data);
    let me = app.me().map(|p| p.departement.clone());
    let text = app.contacts.listing.filter.clone();
    app.contacts.rows(&data, &text, me.as_deref()).to_vec()
}

/// The Peer contacts screen's own actions.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let selected = app
        .selected(Screen::Contacts)
        .and_then(|index| app.data.people.get(index))
        .map(|p| Person::clone(p));
    match (action, selected) {
        (Action::New, _) => {
            let form = Form::person(Purpose::Contacts(ContactsForm::NewPerson), None);
            app.overlay = Some(Overlay::Form(Box::new(form)));
        }
        (Action::Edit, Some(person)) => {
            let form = Form::person(
                Purpose::Contacts(ContactsForm::EditPerson(person.id.clone())),
                Some(&person),
            );
            app.overlay = Some(Overlay::Form(Box::new(form)));
        }
        (Action::Open, Some(_)) => app.contacts.zoomed = true,
        (Action::Delete, Some(person)) => {
            let text = fill(app.tr(Msg::ConfirmDeletePerson), &[("name", &person.name)]);
            app.overlay = Some(Overlay::Confirm(Question {
                text,
                on_yes: Pending::DeletePerson(person.id),
            }));
        }
        (Action::CopyEmail | Action::CopyPhone, Some(person)) => return copy(app, &person, action),
        (Action::Mail, Some(person)) => {
            if let Some(email) = person.emails.first() {
                return vec![Effect::OpenMail(email.clone())];
            }
            app.notify_error(fill(app.tr(Msg::NoEmail), &[("name", &person.name)]));
        }
        (Action::Merge, Some(person)) => merge::start(app, &person),
        (Action::Export, _) => return export(app),
        (Action::Import, _) => {
            let field = Field::new(Msg::FieldFile, FieldKind::Path, "");
            let form = Form::new(Purpose::Contacts(ContactsForm::ImportContacts), vec![field]);
            app.overlay = Some(Overlay::Form(Box::new(form)));
        }
        (Action::Sort, _) => {
            app.contacts.sort = app.contacts.sort.next();
            app.refresh_rows();
        }
        (Action::Group, _) => {
            app.contacts.group = app.contacts.group.next();
            app.refresh_rows();
        }
        _ => {}
    }
    Vec::new()
}

fn copy(app: &mut App, person: &Person, action: Action) -> Vec<Effect> {
    use crate::domain::people::ContactField;
    let (value, missing, field) = if action == Action::CopyEmail {
        (person.emails.first(), Msg::NoEmail, ContactField::Email)
    } else {
        (person.phones.first(), Msg::NoPhone, ContactField::Phone)
    };
    if let Some(value) = value {
        app.notify(fill(app.tr(Msg::Copied), &[("what", value)]));
        return vec![Effect::Copy(value.clone())];
    }
    // A trainee's copy holds what each person agreed to share: there an absent detail may only
    // be unshared. The trainers' copy holds everything, so absent means absent.
    let missing = if !app.trainee_copy() || person.shares(field) {
        missing
    } else if field == ContactField::Email {
        Msg::EmailNotShared
    } else {
        Msg::PhoneNotShared
    };
    app.notify_error(fill(app.tr(missing), &[("name", &person.name)]));
    Vec::new()
}

/// Exports the people listed (the filter applied) as vCard 4.0.
fn export(app: &mut App) -> Vec<Effect> {
    let people: Vec<&Person> = app
        .contacts
        .listing
        .rows
        .iter()
        .filter_map(|&i| app.data.people.get(i).map(|p| &**p))
        .collect();
    match exchange::export(&people, Format::Vcard) {
        Ok(contents) => {
            let name = format!("contacts-{}.vcf", app.now.format("%Y%m%d-%H%M%S"));
            vec![Effect::Export(name, contents.into_bytes())]
        }
        Err(reason) => {
            app.notify_error(reason);
            Vec::new()
        }
    }
}

/// Imports a contacts file's text as one undoable step, and sums up what happened.
pub fn import(app: &mut App, path: &str, text: Result<String, String>) -> Vec<Effect> {
    let text = match text {
        Ok(text) => text,
        Err(reason) => {
            app.notify_error(reason);
            return Vec::new();
        }
    };
    let mut data = (*app.data).clone();
    let seed = app.fresh_id("p");
    let mut n = 0;
    let lang = app.lang();
    let report = exchange::import(&mut data, &text, lang, || {
        n += 1;
        PersonId::new(format!("{seed}-{n}"))
    });
    let report = match report {
        Ok(report) => report,
        Err(reason) => {
            app.notify_error(format!("{path}: {reason}"));
            return Vec::new();
        }
    };
    let (added, updated, skipped, failed) = report.counts();
    let numbers = [added, updated, skipped, failed].map(|n| n.to_string());
    let mut summary = fill(
        app.tr(Msg::Imported),
        &[
            ("path", path),
            ("added", &numbers[0]),
            ("updated", &numbers[1]),
            ("skipped", &numbers[2]),
            ("failed", &numbers[3]),
        ],
    );
    if let Some(first) = report.entries.iter().find_map(|e| match &e.outcome {
        exchange::Outcome::Failed(why) => Some(format!("#{}: {why}", e.position)),
        _ => None,
    }) {
        summary = format!("{summary} ({first})");
    }
    if !report.changed() {
        app.notify(summary);
        return Vec::new();
    }
    let label = fill(app.tr(Msg::ImportLabel), &[("path", path)]);
    let effects = app.change(label, |current| *current = data);
    app.notify(summary);
    effects
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

/// Saves a contacts form: a person, a merge or an import.
pub fn submit(app: &mut App, form: &Form) -> Vec<Effect> {
    match &form.purpose {
        Purpose::Contacts(ContactsForm::NewPerson) => {
            let mut person = Person {
                id: PersonId::new(app.fresh_id("p")),
                ..Person::default()
            };
            form.apply_to(&mut person);
            let id = person.id.clone();
            let label = fill(app.tr(Msg::AddedPerson), &[("name", &person.name)]);
            app.notify(label.clone());
            let effects = app.change(label, |data| data.people.push(person.into()));
            select(app, &id);
            effects
        }
        Purpose::Contacts(ContactsForm::EditPerson(id)) => {
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
        Purpose::Contacts(ContactsForm::MergePeople { keep, other }) => {
            merge::finish(app, form, keep, other)
        }
        Purpose::Contacts(ContactsForm::ImportContacts) => {
            vec![Effect::ReadImport(form.value(Msg::FieldFile))]
        }
        Purpose::Contacts(ContactsForm::ShareWithCohort(id)) => {
            sharing_choice::submit(app, form, id)
        }
        // The other forms belong to other screens.
        _ => Vec::new(),
    }
}

/// Moves the selection to a person, if listed.
pub fn select(app: &mut App, id: &PersonId) {
    let height = app.page_height();
    let people = &app.data.people;
    app.contacts
        .listing
        .select_where(height, |p| people.get(p).is_some_and(|p| &p.id == id));
}
