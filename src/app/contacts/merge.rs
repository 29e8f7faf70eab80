//! Merging two records of the same person, field by field, in a form of choices: keep this
//! record's value, take the other's, or (for lists) both.

use super::super::Form;
use super::super::Purpose;
use super::super::form::Field;
use super::{App, Effect, Overlay};
use crate::app::contacts::ContactsForm;
use crate::domain::merge::{duplicates, merge};
use crate::domain::{ContactField, Person, PersonId};
use crate::i18n::words::person_role;
use crate::i18n::{Msg, fill};

/// A part of a record that is chosen as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Name,
    Pronouns,
    Role,
    Emails,
    Phones,
    Place,
    Organisation,
    Website,
    Project,
    Tags,
    Notes,
    Shared,
}

const PARTS: [Part; 12] = [
    Part::Name,
    Part::Pronouns,
    Part::Role,
    Part::Emails,
    Part::Phones,
    Part::Place,
    Part::Organisation,
    Part::Website,
    Part::Project,
    Part::Tags,
    Part::Notes,
    Part::Shared,
];

impl Part {
    fn label(self) -> Msg {
        match self {
            Self::Name => Msg::FieldName,
            Self::Pronouns => Msg::FieldPronouns,
            Self::Role => Msg::FieldRole,
            Self::Emails => Msg::FieldEmail,
            Self::Phones => Msg::FieldPhone,
            Self::Place => Msg::FieldCity,
            Self::Organisation => Msg::FieldOrganisation,
            Self::Website => Msg::FieldWebsite,
            Self::Project => Msg::FieldProject,
            Self::Tags => Msg::FieldTags,
            Self::Notes => Msg::FieldNotes,
            Self::Shared => Msg::FieldShared,
        }
    }

    fn of(label: Msg) -> Option<Self> {
        PARTS.into_iter().find(|p| p.label() == label)
    }

    /// Whether both records' values can be kept together.
    fn is_list(self) -> bool {
        matches!(
            self,
            Self::Emails | Self::Phones | Self::Tags | Self::Notes | Self::Shared
        )
    }

    fn show(self, app: &App, p: &Person) -> String {
        match self {
            Self::Name => p.name.clone(),
            Self::Pronouns => p.pronouns.clone().unwrap_or_default(),
            Self::Role => app.tr(person_role(p.role)).to_owned(),
            Self::Emails => p.emails.join(", "),
            Self::Phones => p.phones.join(", "),
            Self::Place if p.departement.is_empty() => p.city.clone(),
            Self::Place => format!("{} ({})", p.city, p.departement),
            Self::Organisation => [p.organisation.as_str(), p.job.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" · "),
            Self::Website => p.website.clone(),
            Self::Project => p
                .project
                .as_ref()
                .map(|p| p.name.clone())
                .unwrap_or_default(),
            Self::Tags => p.tags.join(", "),
            Self::Notes => p
                .notes
                .iter()
                .map(|n| n.text.as_str())
                .collect::<Vec<_>>()
                .join(" / "),
            Self::Shared => p
                .shared
                .iter()
                .map(|f| app.tr(consent_label(*f)))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// Copies this part of `from` into `into`, replacing it, or joining lists when `both`.
    fn take(self, from: &Person, into: &mut Person, both: bool) {
        fn join<T: Clone + PartialEq>(into: &mut Vec<T>, from: &[T], both: bool) {
            if !both {
                into.clear();
            }
            for item in from {
                if !into.contains(item) {
                    into.push(item.clone());
                }
            }
        }
        match self {
            Self::Name => into.name.clone_from(&from.name),
            Self::Pronouns => into.pronouns.clone_from(&from.pronouns),
            Self::Role => into.role = from.role,
            Self::Emails => {
                join(&mut into.emails, &from.emails, both);
                // The same address in two cases is one address.
                let mut seen = std::collections::HashSet::new();
                into.emails.retain(|e| seen.insert(e.to_lowercase()));
            }
            Self::Phones => join(&mut into.phones, &from.phones, both),
            Self::Place => {
                into.city.clone_from(&from.city);
                into.departement.clone_from(&from.departement);
            }
            Self::Organisation => {
                into.organisation.clone_from(&from.organisation);
                into.job.clone_from(&from.job);
                into.employer.clone_from(&from.employer);
            }
            Self::Website => into.website.clone_from(&from.website),
            Self::Project => into.project.clone_from(&from.project),
            Self::Tags => join(&mut into.tags, &from.tags, both),
            Self::Notes => join(&mut into.notes, &from.notes, both),
            Self::Shared => {
                if !both {
                    into.shared.clear();
                }
                into.shared.extend(from.shared.iter().copied());
            }
        }
    }
}

/// The word for a consent: the label of the field it covers.
fn consent_label(field: ContactField) -> Msg {
    match field {
        ContactField::Email => Msg::FieldEmail,
        ContactField::Phone => Msg::FieldPhone,
        ContactField::City => Msg::FieldCity,
        ContactField::Organisation => Msg::FieldOrganisation,
        ContactField::Project => Msg::FieldProject,
        ContactField::Website => Msg::FieldWebsite,
        ContactField::Pronouns => Msg::FieldPronouns,
        ContactField::Tags => Msg::FieldTags,
        ContactField::Notes => Msg::FieldNotes,
    }
}

/// Opens the merge form for the selected person and their first look-alike, or says there is
/// none.
pub fn start(app: &mut App, person: &Person) {
    let Some(i) = app.data.people.position(person.id.as_str()) else {
        return;
    };
    let found = duplicates(&app.data, i);
    let Some(other) = found.first().and_then(|&j| app.data.people.get(j)).cloned() else {
        app.notify(fill(app.tr(Msg::NoDuplicate), &[("name", &person.name)]));
        return;
    };
    let both = app.tr(Msg::MergeBoth).to_owned();
    let fields = PARTS
        .into_iter()
        .filter_map(|part| {
            let (mine, theirs) = (part.show(app, person), part.show(app, &other));
            if mine == theirs && part != Part::Name {
                return None;
            }
            let mut choices = vec![mine.clone(), theirs.clone()];
            if part.is_list() {
                choices.push(both.clone());
            }
            // Lists keep both by default; a value keeps this record's, unless it is empty.
            let chosen = match (part.is_list(), mine.is_empty()) {
                (true, _) => 2,
                (false, true) => 1,
                (false, false) => 0,
            };
            Some(Field::options(part.label(), choices, chosen))
        })
        .collect();
    let form = Form::new(
        Purpose::Contacts(ContactsForm::MergePeople {
            keep: person.id.clone(),
            other: other.id.clone(),
        }),
        fields,
    );
    if found.len() > 1 {
        let count = found.len().to_string();
        app.notify(fill(app.tr(Msg::SeveralDuplicates), &[("n", &count)]));
    }
    app.overlay = Some(Overlay::Form(Box::new(form)));
}

/// Merges `other` into `keep` with the choices of the form, as one undoable step.
pub fn finish(app: &mut App, form: &Form, keep: &PersonId, other: &PersonId) -> Vec<Effect> {
    let (Some(mine), Some(theirs)) = (app.data.person(keep), app.data.person(other)) else {
        return Vec::new();
    };
    let mut merged = mine.clone();
    for field in &form.fields {
        let Some(part) = Part::of(field.label) else {
            continue;
        };
        match field.choice {
            1 => part.take(theirs, &mut merged, false),
            2 => part.take(theirs, &mut merged, true),
            _ => {}
        }
    }
    let label = fill(
        app.tr(Msg::MergedPeople),
        &[("name", &merged.name), ("other", &theirs.name)],
    );
    let mut failure = None;
    let effects = app.change(label.clone(), |data| {
        if let Err(e) = merge(data, merged, other) {
            failure = Some(e);
        }
    });
    match failure {
        Some(reason) => app.notify_error(reason),
        None => app.notify(label),
    }
    super::select(app, keep);
    effects
}
