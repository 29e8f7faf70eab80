//! A contact card: what one person's record carries in and out of the directory, in either
//! format. Written from a person, it holds only the fields they agreed to share, and never a
//! confidential note.

use crate::domain::{ContactField, Note, Person, PersonRole, Project};
use std::collections::BTreeSet;

/// The prefix of the UID written for a person's id, so an export read back finds its records.
pub const UID_PREFIX: &str = "cercle:";

/// One person as exchanged.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Card {
    /// `cercle:<id>` when written by Cercle; any text when read.
    pub uid: String,
    /// Full name.
    pub name: String,
    /// Pronouns.
    pub pronouns: Option<String>,
    /// Role in the programme.
    pub role: PersonRole,
    /// Email addresses, preferred first.
    pub emails: Vec<String>,
    /// Phone numbers, preferred first.
    pub phones: Vec<String>,
    /// Town or city.
    pub city: String,
    /// Département code.
    pub departement: String,
    /// Organisation.
    pub organisation: String,
    /// Job title.
    pub job: String,
    /// Website.
    pub website: String,
    /// Skills and tags (and a trainer's specialities).
    pub tags: Vec<String>,
    /// The tiers-lieu project.
    pub project: Option<Project>,
    /// Notes that are not confidential, one per note (a note may hold several lines).
    pub notes: Vec<String>,
    /// The fields the person agreed to share (as written by Cercle).
    pub shared: BTreeSet<ContactField>,
}

/// One card read from a file, or why it was refused, with where it started.
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    /// The card's (or CSV row's) position in the file, from 1.
    pub position: usize,
    /// The line it starts on, from 1.
    pub line: usize,
    /// The card, or why it was refused.
    pub card: Result<Card, String>,
}

impl Card {
    /// The card of a person with only what they agreed to share.
    pub fn shared(p: &Person) -> Self {
        let has = |field| p.shares(field);
        let when = |field, value: &String| {
            if has(field) {
                value.clone()
            } else {
                String::new()
            }
        };
        let tags = if has(ContactField::Tags) {
            let mut tags = p.tags.clone();
            for speciality in &p.specialities {
                if !tags.contains(speciality) {
                    tags.push(speciality.clone());
                }
            }
            tags
        } else {
            Vec::new()
        };
        Self {
            uid: format!("{UID_PREFIX}{}", p.id),
            name: p.name.clone(),
            pronouns: p.pronouns.clone().filter(|_| has(ContactField::Pronouns)),
            role: p.role,
            emails: if has(ContactField::Email) {
                p.emails.clone()
            } else {
                Vec::new()
            },
            phones: if has(ContactField::Phone) {
                p.phones.clone()
            } else {
                Vec::new()
            },
            city: when(ContactField::City, &p.city),
            departement: when(ContactField::City, &p.departement),
            organisation: when(ContactField::Organisation, &p.organisation),
            job: when(ContactField::Organisation, &p.job),
            website: when(ContactField::Website, &p.website),
            tags,
            project: p.project.clone().filter(|_| has(ContactField::Project)),
            notes: p
                .notes
                .iter()
                .filter(|n| has(ContactField::Notes) && !n.confidential)
                .map(|n| n.text.trim().to_owned())
                .filter(|n| !n.is_empty())
                .collect(),
            shared: p.shared.clone(),
        }
    }

    /// The person id this card was written for, when Cercle wrote it.
    pub fn person_id(&self) -> Option<&str> {
        self.uid
            .strip_prefix(UID_PREFIX)
            .filter(|id| !id.is_empty())
    }

    /// Copies the card into a person: what the card holds replaces what the person had, lists
    /// are joined, and nothing the card lacks is erased. Returns the names of the fields that
    /// changed.
    pub fn apply_to(&self, p: &mut Person) -> Vec<&'static str> {
        let mut changed = Vec::new();
        let mut set = |name: &'static str, target: &mut String, value: &str| {
            if !value.is_empty() && target != value {
                value.clone_into(target);
                changed.push(name);
            }
        };
        set("name", &mut p.name, &self.name);
        set("city", &mut p.city, &self.city);
        set("departement", &mut p.departement, &self.departement);
        set("organisation", &mut p.organisation, &self.organisation);
        set("job", &mut p.job, &self.job);
        set("website", &mut p.website, &self.website);
        if self.pronouns.is_some() && p.pronouns != self.pronouns {
            p.pronouns.clone_from(&self.pronouns);
            changed.push("pronouns");
        }
        if self.project.is_some() && p.project != self.project {
            p.project.clone_from(&self.project);
            changed.push("project");
        }
        if self.role != PersonRole::Trainee && p.role != self.role {
            p.role = self.role;
            changed.push("role");
        }
        let mut join = |name: &'static str, target: &mut Vec<String>, values: &[String]| {
            let before = target.len();
            for value in values {
                let known = target.iter().any(|t| t.eq_ignore_ascii_case(value));
                if !known {
                    target.push(value.clone());
                }
            }
            if target.len() != before {
                changed.push(name);
            }
        };
        join("emails", &mut p.emails, &self.emails);
        join("phones", &mut p.phones, &self.phones);
        // A trainer's specialities are written among the tags: they are known already.
        let tags: Vec<String> = self
            .tags
            .iter()
            .filter(|t| !p.specialities.contains(t))
            .cloned()
            .collect();
        join("tags", &mut p.tags, &tags);
        let before = p.notes.len();
        for line in &self.notes {
            if !p.notes.iter().any(|n| &n.text == line) {
                p.notes.push(Note {
                    text: line.clone(),
                    confidential: false,
                });
            }
        }
        if p.notes.len() != before {
            changed.push("notes");
        }
        if !self.shared.is_subset(&p.shared) {
            p.shared.extend(self.shared.iter().copied());
            changed.push("shared");
        }
        changed
    }
}
