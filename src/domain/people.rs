//! People around the programme: trainees, trainers and venue hosts, with what each agreed to share.

use super::ids::PersonId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Someone around the programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Person {
    /// Stable id.
    pub id: PersonId,
    /// Full name as the person writes it.
    pub name: String,
    /// Trainee, trainer or venue host.
    #[serde(default)]
    pub role: PersonRole,
    /// Pronouns, when the person gave them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pronouns: Option<String>,
    /// Email addresses, the first one preferred.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<String>,
    /// Phone numbers, the first one preferred.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<String>,
    /// Town or city.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub city: String,
    /// French département code, e.g. `33` or `2A`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub departement: String,
    /// Organisation the person works for.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    /// Employer, printed on the completion certificate when it funds the training.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub employer: String,
    /// Job title or function.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub job: String,
    /// The tiers-lieu project a trainee builds during the training.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<Project>,
    /// A trainer's specialities, e.g. `fabmanager`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub specialities: Vec<String>,
    /// Skills and free tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Website.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub website: String,
    /// Notes about the person.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// The contact fields the person agreed to share with the cohort.
    #[serde(default, deserialize_with = "each_once")]
    pub shared: BTreeSet<ContactField>,
}

/// What a person is to the programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PersonRole {
    /// A stagiaire.
    #[default]
    Trainee,
    /// A formateur·rice / tuteur·rice.
    Trainer,
    /// The host of a venue.
    Host,
    /// Administration staff of the provider.
    Staff,
}

/// A contact field that needs the person's consent to be shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactField {
    /// Email addresses.
    Email,
    /// Phone numbers.
    Phone,
    /// City and département.
    City,
    /// Organisation and job.
    Organisation,
    /// The tiers-lieu project.
    Project,
    /// Website.
    Website,
    /// Pronouns.
    Pronouns,
    /// Skills and tags.
    Tags,
    /// Notes that are not confidential (a confidential one is never shared).
    Notes,
}

/// A trainee's tiers-lieu project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Project {
    /// Name of the place.
    pub name: String,
    /// What kind of place it is.
    #[serde(default)]
    pub kind: PlaceKind,
    /// Where the project stands.
    #[serde(default)]
    pub phase: ProjectPhase,
}

/// A type of tiers-lieu.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// Coworking space.
    Coworking,
    /// Fablab.
    Fablab,
    /// Atelier partagé.
    SharedWorkshop,
    /// Café associatif.
    Cafe,
    /// Tiers-lieu agricole or nourricier.
    Farm,
    /// Espace hybride.
    #[default]
    Hybrid,
    /// Point or médiation numérique.
    Digital,
    /// Medialab.
    Medialab,
}

impl ContactField {
    /// Every consent, in the order they are shown and written.
    pub const ALL: [Self; 9] = [
        Self::Email,
        Self::Phone,
        Self::City,
        Self::Organisation,
        Self::Project,
        Self::Website,
        Self::Pronouns,
        Self::Tags,
        Self::Notes,
    ];
}

impl PlaceKind {
    /// Every kind, in display order.
    pub const ALL: [Self; 8] = [
        Self::Coworking,
        Self::Fablab,
        Self::SharedWorkshop,
        Self::Cafe,
        Self::Farm,
        Self::Hybrid,
        Self::Digital,
        Self::Medialab,
    ];
}

/// The phase of a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ProjectPhase {
    /// Création.
    #[default]
    Creation,
    /// Développement.
    Development,
    /// Repositionnement.
    Repositioning,
}

/// The fields shared; one named twice is read once, but the schema refuses it.
fn each_once<'de, D: serde::Deserializer<'de>>(d: D) -> Result<BTreeSet<ContactField>, D::Error> {
    let named = Vec::<ContactField>::deserialize(d)?;
    let count = named.len();
    let shared: BTreeSet<ContactField> = named.into_iter().collect();
    if shared.len() != count {
        super::screen::doubt();
    }
    Ok(shared)
}

/// A note; a confidential one never leaves the circle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Note {
    /// The text of the note.
    pub text: String,
    /// Never exported when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub confidential: bool,
}

impl Person {
    /// The person as others may see them: only the fields they agreed to share, no employer
    /// and no notes (notes are written about a person, not consented by them).
    #[must_use]
    pub fn as_shared(&self) -> Self {
        let has = |field| self.shares(field);
        let keep = |field, text: &String| {
            if has(field) {
                text.clone()
            } else {
                String::new()
            }
        };
        let list = |field, items: &Vec<String>| {
            if has(field) {
                items.clone()
            } else {
                Vec::new()
            }
        };
        Self {
            id: self.id.clone(),
            name: self.name.clone(),
            role: self.role,
            pronouns: self
                .pronouns
                .clone()
                .filter(|_| has(ContactField::Pronouns)),
            emails: list(ContactField::Email, &self.emails),
            phones: list(ContactField::Phone, &self.phones),
            city: keep(ContactField::City, &self.city),
            departement: keep(ContactField::City, &self.departement),
            organisation: keep(ContactField::Organisation, &self.organisation),
            employer: String::new(),
            job: keep(ContactField::Organisation, &self.job),
            project: self.project.clone().filter(|_| has(ContactField::Project)),
            specialities: list(ContactField::Tags, &self.specialities),
            tags: list(ContactField::Tags, &self.tags),
            website: keep(ContactField::Website, &self.website),
            notes: Vec::new(),
            shared: self.shared.clone(),
        }
    }

    /// The person as they may see themselves: everything but confidential notes.
    #[must_use]
    pub fn without_confidential(&self) -> Self {
        let mut own = self.clone();
        own.notes.retain(|n| !n.confidential);
        own
    }
    /// Whether the person agreed to share this field with the cohort.
    pub fn shares(&self, field: ContactField) -> bool {
        self.shared.contains(&field)
    }

    /// Skills and tags, then a trainer's specialities.
    pub fn skills(&self) -> impl Iterator<Item = &str> {
        self.tags
            .iter()
            .chain(&self.specialities)
            .map(String::as_str)
    }
}

/// Whether `code` is a French département: 01 to 95 (with 2A and 2B for Corsica) or an
/// overseas one (971 to 976).
pub fn is_departement(code: &str) -> bool {
    match code {
        "2A" | "2B" | "2a" | "2b" => true,
        _ if code.len() == 2 => code
            .parse::<u8>()
            .is_ok_and(|n| (1..=95).contains(&n) && n != 20),
        _ if code.len() == 3 => code.parse::<u16>().is_ok_and(|n| (971..=976).contains(&n)),
        _ => false,
    }
}

/// A light check of an email address: something, one `@`, a domain with a dot, no spaces.
pub fn is_email(text: &str) -> bool {
    let mut parts = text.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(local), Some(domain), None) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !text.chars().any(char::is_whitespace)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{is_departement, is_email};

    #[test]
    fn departements_include_corsica_and_overseas() {
        for ok in ["01", "33", "2A", "2B", "95", "971", "976"] {
            assert!(is_departement(ok), "{ok}");
        }
        for bad in ["", "0", "00", "20", "96", "977", "3", "ab", "333"] {
            assert!(!is_departement(bad), "{bad}");
        }
    }

    #[test]
    fn emails_need_one_at_and_a_domain() {
        assert!(is_email("camille@example.org"));
        for bad in [
            "",
            "camille",
            "@example.org",
            "a@b",
            "a@@b.fr",
            "a b@c.fr",
            "a@.fr",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
