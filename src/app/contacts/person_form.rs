//! The person form: every field of a directory record, with the consents beside the fields
//! they cover.

use crate::app::Form;
use crate::app::Purpose;
use crate::app::form::{Field, FieldKind};
use crate::domain::{ContactField, Person};
use crate::i18n::Msg;

/// The role choices, in the order of the roles the form lists.
static ROLE_WORDS: [Msg; 4] = [
    Msg::PersonTrainee,
    Msg::PersonTrainer,
    Msg::PersonHost,
    Msg::PersonStaff,
];

/// The kinds of place, in the order of `PlaceKind::ALL`.
static PLACE_WORDS: [Msg; 8] = [
    Msg::PlaceCoworking,
    Msg::PlaceFablab,
    Msg::PlaceSharedWorkshop,
    Msg::PlaceCafe,
    Msg::PlaceFarm,
    Msg::PlaceHybrid,
    Msg::PlaceDigital,
    Msg::PlaceMedialab,
];

/// The phases, in their order.
static PHASE_WORDS: [Msg; 3] = [
    Msg::PhaseCreation,
    Msg::PhaseDevelopment,
    Msg::PhaseRepositioning,
];

impl Form {
    /// The person form, empty or filled with a person's fields.
    pub fn person(purpose: Purpose, person: Option<&Person>) -> Self {
        use crate::domain::{PersonRole, PlaceKind, ProjectPhase};
        let p = person.cloned().unwrap_or_default();
        let notes = p
            .notes
            .iter()
            .map(|n| n.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let project = p.project.clone().unwrap_or_default();
        let roles = [
            PersonRole::Trainee,
            PersonRole::Trainer,
            PersonRole::Host,
            PersonRole::Staff,
        ];
        let phases = [
            ProjectPhase::Creation,
            ProjectPhase::Development,
            ProjectPhase::Repositioning,
        ];
        let text = |label, kind, value: &str| Field::new(label, kind, value);
        let fields = vec![
            text(Msg::FieldName, FieldKind::Required, &p.name),
            text(Msg::FieldEmail, FieldKind::Emails, &p.emails.join(", "))
                .shared_as(ContactField::Email),
            text(Msg::FieldPhone, FieldKind::Text, &p.phones.join(", "))
                .shared_as(ContactField::Phone),
            text(
                Msg::FieldPronouns,
                FieldKind::Text,
                p.pronouns.as_deref().unwrap_or(""),
            )
            .shared_as(ContactField::Pronouns),
            Field::choice(
                Msg::FieldRole,
                &ROLE_WORDS,
                roles.iter().position(|r| *r == p.role).unwrap_or(0),
            ),
            text(Msg::FieldCity, FieldKind::Text, &p.city).shared_as(ContactField::City),
            text(
                Msg::FieldDepartement,
                FieldKind::Departement,
                &p.departement,
            )
            .shared_as(ContactField::City),
            text(Msg::FieldOrganisation, FieldKind::Text, &p.organisation)
                .shared_as(ContactField::Organisation),
            text(Msg::FieldJob, FieldKind::Text, &p.job).shared_as(ContactField::Organisation),
            text(Msg::FieldWebsite, FieldKind::Text, &p.website).shared_as(ContactField::Website),
            text(Msg::FieldProject, FieldKind::Text, &project.name)
                .shared_as(ContactField::Project),
            Field::choice(
                Msg::FieldPlaceKind,
                &PLACE_WORDS,
                PlaceKind::ALL
                    .iter()
                    .position(|k| *k == project.kind)
                    .unwrap_or(0),
            )
            .shared_as(ContactField::Project),
            Field::choice(
                Msg::FieldPhase,
                &PHASE_WORDS,
                phases.iter().position(|f| *f == project.phase).unwrap_or(0),
            )
            .shared_as(ContactField::Project),
            text(Msg::FieldTags, FieldKind::Text, &p.tags.join(", ")).shared_as(ContactField::Tags),
            text(Msg::FieldNotes, FieldKind::Note, &notes).shared_as(ContactField::Notes),
        ];
        Self::new(purpose, fields).with_shared(p.shared)
    }

    /// Applies the form to a person record.
    pub fn apply_to(&self, person: &mut Person) {
        use crate::domain::{PersonRole, PlaceKind, Project, ProjectPhase};
        let list = |label| {
            self.fields
                .iter()
                .find(|f| f.label == label)
                .map(Field::items)
                .unwrap_or_default()
        };
        person.name = self.value(Msg::FieldName);
        person.emails = list(Msg::FieldEmail);
        person.phones = list(Msg::FieldPhone);
        let pronouns = self.value(Msg::FieldPronouns);
        person.pronouns = (!pronouns.is_empty()).then_some(pronouns);
        person.role = [
            PersonRole::Trainee,
            PersonRole::Trainer,
            PersonRole::Host,
            PersonRole::Staff,
        ]
        .get(self.choice(Msg::FieldRole))
        .copied()
        .unwrap_or_default();
        person.city = self.value(Msg::FieldCity);
        person.departement = self.value(Msg::FieldDepartement).to_uppercase();
        person.organisation = self.value(Msg::FieldOrganisation);
        person.job = self.value(Msg::FieldJob);
        person.website = self.value(Msg::FieldWebsite);
        let project = self.value(Msg::FieldProject);
        person.project = (!project.is_empty()).then(|| Project {
            name: project,
            kind: PlaceKind::ALL
                .get(self.choice(Msg::FieldPlaceKind))
                .copied()
                .unwrap_or_default(),
            phase: [
                ProjectPhase::Creation,
                ProjectPhase::Development,
                ProjectPhase::Repositioning,
            ]
            .get(self.choice(Msg::FieldPhase))
            .copied()
            .unwrap_or_default(),
        });
        person.tags = list(Msg::FieldTags);
        person.shared.clone_from(&self.shared);
        let notes = self.value(Msg::FieldNotes);
        // Keep a note's confidential mark when its text is unchanged.
        let previous = std::mem::take(&mut person.notes);
        person.notes =
            notes
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|line| {
                    previous.iter().find(|n| n.text == line).cloned().unwrap_or(
                        crate::domain::Note {
                            text: line.to_owned(),
                            confidential: false,
                        },
                    )
                })
                .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::super::ContactsForm;
    use crate::app::{Form, Purpose};
    use crate::domain::Person;
    use crate::i18n::Msg;

    #[test]
    fn validation_marks_the_first_bad_field() {
        let mut form = Form::person(Purpose::Contacts(ContactsForm::NewPerson), None);
        assert!(!form.validate(chrono::NaiveDate::MIN));
        assert_eq!(form.fields[0].error, Some(Msg::FieldRequired));
        form.replace_focused("Zoé Martin");
        form.focus = 1;
        form.replace_focused("not-an-email");
        assert!(!form.validate(chrono::NaiveDate::MIN));
        assert_eq!(form.focus, 1);
        assert_eq!(form.fields[1].error, Some(Msg::FieldBadEmail));
    }

    #[test]
    fn applying_keeps_confidential_notes() {
        let mut person = Person {
            name: "A".into(),
            notes: vec![crate::domain::Note {
                text: "secret".into(),
                confidential: true,
            }],
            ..Person::default()
        };
        let form = Form::person(
            Purpose::Contacts(ContactsForm::EditPerson(person.id.clone())),
            Some(&person),
        );
        assert!(!form.is_dirty());
        form.apply_to(&mut person);
        assert!(person.notes[0].confidential);
    }
}
