//! A trainee's first step once her copy opens: what does she share with the cohort? One
//! question per kind of contact detail she has, each answered on its own line.

use super::ContactsForm;
use crate::app::form::{Field, FieldKind};
use crate::app::{App, Effect, Form, Overlay, Purpose};
use crate::domain::people::ContactField;
use crate::domain::{Person, PersonId};
use crate::i18n::Msg;

/// The two answers, in the order of the choice: not shared first, the safe default.
pub const ANSWERS: [Msg; 2] = [Msg::NotShared, Msg::IsShared];

/// The kinds of details, each with its label in the form.
const FIELDS: [(ContactField, Msg); 9] = [
    (ContactField::Email, Msg::FieldEmail),
    (ContactField::Phone, Msg::FieldPhone),
    (ContactField::City, Msg::FieldCity),
    (ContactField::Organisation, Msg::FieldOrganisation),
    (ContactField::Project, Msg::FieldProject),
    (ContactField::Website, Msg::FieldWebsite),
    (ContactField::Pronouns, Msg::FieldPronouns),
    (ContactField::Tags, Msg::FieldTags),
    (ContactField::Notes, Msg::FieldNotes),
];

/// Whether the person has something of this kind to share.
fn has(person: &Person, field: ContactField) -> bool {
    match field {
        ContactField::Email => !person.emails.is_empty(),
        ContactField::Phone => !person.phones.is_empty(),
        ContactField::City => !person.city.is_empty() || !person.departement.is_empty(),
        ContactField::Organisation => !person.organisation.is_empty() || !person.job.is_empty(),
        ContactField::Project => person.project.is_some(),
        ContactField::Website => !person.website.is_empty(),
        ContactField::Pronouns => person.pronouns.is_some(),
        ContactField::Tags => !person.tags.is_empty(),
        ContactField::Notes => person.notes.iter().any(|n| !n.confidential),
    }
}

/// Opens the question for the person, one line per detail she has, as she shares it now.
pub fn open(app: &mut App, id: &PersonId) {
    let Some(person) = app.data.person(id) else {
        return;
    };
    let fields: Vec<Field> = FIELDS
        .iter()
        .filter(|(field, _)| has(person, *field))
        .map(|(field, label)| {
            let now = usize::from(person.shares(*field));
            Field::new(*label, FieldKind::Choice(&ANSWERS), &now.to_string())
        })
        .collect();
    if fields.is_empty() {
        return;
    }
    let form = Form::new(
        Purpose::Contacts(ContactsForm::ShareWithCohort(id.clone())),
        fields,
    );
    app.overlay = Some(Overlay::Form(Box::new(form)));
}

/// The answers, saved as one step.
pub fn submit(app: &mut App, form: &Form, id: &PersonId) -> Vec<Effect> {
    let chosen: Vec<(ContactField, bool)> = FIELDS
        .iter()
        .filter(|(_, label)| form.fields.iter().any(|f| f.label == *label))
        .map(|(field, label)| (*field, form.choice(*label) == 1))
        .collect();
    let label = app.tr(Msg::SharingChosen).to_owned();
    app.notify(label.clone());
    let id = id.clone();
    app.change(label, |data| {
        if let Some(person) = data.people.iter_mut().find(|p| p.id == id) {
            for (field, shared) in chosen {
                if shared {
                    person.shared.insert(field);
                } else {
                    person.shared.remove(&field);
                }
            }
        }
    })
}
