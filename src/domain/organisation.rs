//! The training organisation's legal identity (organisme de formation): what funders look for
//! on an attendance sheet and a certificate (name, NDA, SIRET, address, who signs, where).

use serde::{Deserialize, Serialize};

/// The organisation's legal identity, printed on every document a funder reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Organisation {
    /// Legal name (raison sociale); the programme's `provider` when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Numéro de déclaration d'activité: 11 digits, given by the regional prefecture.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub nda: String,
    /// The region whose prefect registered the declaration ("Nouvelle-Aquitaine").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub nda_region: String,
    /// SIRET: 14 digits (SIREN and establishment), passing the Luhn check.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub siret: String,
    /// Postal address, on one line or several.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    /// The legal representative, who signs the certificates.
    #[serde(
        default,
        skip_serializing_if = "Representative::is_empty",
        deserialize_with = "object_only"
    )]
    pub representative: Representative,
    /// The city written after "Fait à" on a certificate.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub city: String,
    /// The Qualiopi certificate's number, when the organisation holds one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualiopi: Option<String>,
}

/// Reads a record whose fields are all optional from a JSON object only: serde's derive would
/// also take a list (`[]`) for it, which the schema rightly refuses.
pub fn object_only<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Object<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Object<T> {
        type Value = T;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
        }
    }
    deserializer.deserialize_map(Object(std::marker::PhantomData))
}

/// The person who signs for the organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Representative {
    /// Full name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Title, e.g. "Présidente" or "Directeur".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
}

/// A field of the identity, named so that a message or a form can point at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentityField {
    /// The legal name.
    Name,
    /// The NDA.
    Nda,
    /// The SIRET.
    Siret,
    /// The address.
    Address,
    /// The representative's name.
    RepresentativeName,
    /// The representative's title.
    RepresentativeTitle,
    /// The city for "Fait à".
    City,
}

/// Why a number is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    /// Not the right count of digits.
    #[error("{0} digits expected")]
    Length(usize),
    /// Something else than digits and spaces.
    #[error("digits only")]
    NotDigits,
    /// The Luhn check fails: a digit was mistyped.
    #[error("the check digit does not match (a digit is probably mistyped)")]
    Checksum,
}

/// The digits of a number typed with spaces or dots ("123 456 789 00012"); an error when
/// anything else is in it or the count is not `len`.
fn digits(text: &str, len: usize) -> Result<String, NumberError> {
    let kept: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    if !kept.chars().all(|c| c.is_ascii_digit()) {
        return Err(NumberError::NotDigits);
    }
    if kept.len() != len {
        return Err(NumberError::Length(len));
    }
    Ok(kept)
}

/// Whether `digits` (ASCII digits only) passes the Luhn check, as SIREN and SIRET numbers do.
fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let twice = d * 2;
                if twice > 9 { twice - 9 } else { twice }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// A SIRET as typed, checked: 14 digits passing the Luhn check; the digits alone when right.
pub fn check_siret(text: &str) -> Result<String, NumberError> {
    let kept = digits(text, 14)?;
    if luhn(&kept) {
        Ok(kept)
    } else {
        Err(NumberError::Checksum)
    }
}

/// An NDA as typed, checked: 11 digits; the digits alone when right.
pub fn check_nda(text: &str) -> Result<String, NumberError> {
    digits(text, 11)
}

/// A SIRET as printed: "123 456 789 00012" (SIREN by threes, then the establishment).
pub fn siret_spaced(siret: &str) -> String {
    if siret.len() != 14 || !siret.is_ascii() {
        return siret.to_owned();
    }
    format!(
        "{} {} {} {}",
        &siret[..3],
        &siret[3..6],
        &siret[6..9],
        &siret[9..]
    )
}

impl Representative {
    /// Neither name nor title: left out of the file.
    pub fn is_empty(&self) -> bool {
        self.name.is_empty() && self.title.is_empty()
    }
}

impl Organisation {
    /// Nothing filled in: left out of the file.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }

    /// The name printed on documents: the legal name, else the programme's provider.
    pub fn name_or<'a>(&'a self, provider: &'a str) -> &'a str {
        if self.name.trim().is_empty() {
            provider
        } else {
            &self.name
        }
    }

    /// The fields a document needs that are empty, in the order of the form.
    pub fn missing(&self) -> Vec<IdentityField> {
        [
            (IdentityField::Name, &self.name),
            (IdentityField::Nda, &self.nda),
            (IdentityField::Siret, &self.siret),
            (IdentityField::Address, &self.address),
            (IdentityField::RepresentativeName, &self.representative.name),
            (
                IdentityField::RepresentativeTitle,
                &self.representative.title,
            ),
            (IdentityField::City, &self.city),
        ]
        .into_iter()
        .filter(|(_, value)| value.trim().is_empty())
        .map(|(field, _)| field)
        .collect()
    }

    /// The numbers that are filled in but wrong (a hand-edited file), with why.
    pub fn wrong_numbers(&self) -> Vec<(IdentityField, NumberError)> {
        let mut wrong = Vec::new();
        if !self.nda.is_empty()
            && let Err(e) = check_nda(&self.nda)
        {
            wrong.push((IdentityField::Nda, e));
        }
        if !self.siret.is_empty()
            && let Err(e) = check_siret(&self.siret)
        {
            wrong.push((IdentityField::Siret, e));
        }
        wrong
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_real_shaped_siret_passes_and_a_mistyped_digit_fails() {
        // 732 829 320 00074: a SIRET of the shape INSEE publishes, passing Luhn.
        assert_eq!(
            check_siret("732 829 320 00074"),
            Ok("73282932000074".into())
        );
        assert_eq!(check_siret("73282932000075"), Err(NumberError::Checksum));
        assert_eq!(check_siret("7328293200007"), Err(NumberError::Length(14)));
        assert_eq!(check_siret("7328293200007A"), Err(NumberError::NotDigits));
    }

    #[test]
    fn an_nda_is_eleven_digits() {
        assert_eq!(check_nda("75 33 12345 33"), Ok("75331234533".into()));
        assert_eq!(check_nda("7533123453"), Err(NumberError::Length(11)));
    }

    #[test]
    fn missing_lists_what_a_document_would_lack() {
        let mut org = Organisation {
            name: "SCIC".into(),
            city: "Bordeaux".into(),
            ..Organisation::default()
        };
        assert!(org.missing().contains(&IdentityField::Siret));
        assert!(!org.missing().contains(&IdentityField::City));
        org.siret = "73282932000075".into();
        assert_eq!(
            org.wrong_numbers(),
            vec![(IdentityField::Siret, NumberError::Checksum)]
        );
        assert_eq!(siret_spaced("73282932000074"), "732 829 320 00074");
    }
}
