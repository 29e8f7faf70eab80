//! The organisation's legal identity, edited in a form: the name, NDA, SIRET, address, legal
//! representative and city printed on attendance sheets and certificates. The numbers are
//! checked as they are saved (11 digits, 14 digits passing the Luhn check).

use super::ModulesForm;
use crate::app::form::{Field, FieldKind};
use crate::app::{App, Effect, Form, Purpose};
use crate::domain::organisation::{IdentityField, NumberError, check_nda, check_siret};
use crate::domain::{Organisation, Representative};
use crate::i18n::Msg;
use crate::i18n::words::{identity_field, number_error};

/// The form, filled with what the data holds.
pub fn open(app: &App) -> Form {
    let org = &app.data.organisation;
    let name = if org.name.is_empty() {
        &app.data.programme.provider
    } else {
        &org.name
    };
    let fields = vec![
        Field::new(Msg::FieldOrgName, FieldKind::Required, name),
        Field::new(Msg::FieldOrgNda, FieldKind::Text, &org.nda),
        Field::new(Msg::FieldOrgNdaRegion, FieldKind::Text, &org.nda_region),
        Field::new(Msg::FieldOrgSiret, FieldKind::Text, &org.siret),
        Field::new(Msg::FieldOrgAddress, FieldKind::Text, &org.address),
        Field::new(
            Msg::FieldOrgRepresentative,
            FieldKind::Text,
            &org.representative.name,
        ),
        Field::new(
            Msg::FieldOrgRepresentativeTitle,
            FieldKind::Text,
            &org.representative.title,
        ),
        Field::new(Msg::FieldOrgCity, FieldKind::Text, &org.city),
        Field::new(
            Msg::FieldOrgQualiopi,
            FieldKind::Text,
            org.qualiopi.as_deref().unwrap_or_default(),
        ),
    ];
    Form::new(Purpose::Modules(ModulesForm::Organisation), fields)
}

/// Saves the identity; `None` keeps the form open with a wrong number marked.
pub fn submit(app: &mut App, form: &mut Form) -> Option<Vec<Effect>> {
    let number = |field: IdentityField, check: fn(&str) -> Result<String, NumberError>| {
        let value = form.value(identity_field(field).0);
        if value.trim().is_empty() {
            return Ok(String::new());
        }
        check(&value).map_err(|e| (field, e))
    };
    let nda = number(IdentityField::Nda, check_nda);
    let siret = number(IdentityField::Siret, check_siret);
    let mut refused = false;
    for result in [&nda, &siret] {
        if let Err((field, error)) = result {
            form.refuse(identity_field(*field).0, number_error(*field, *error));
            refused = true;
        }
    }
    let (Ok(nda), Ok(siret), false) = (nda, siret, refused) else {
        app.notify_error(app.tr(Msg::FormHasErrors));
        return None;
    };
    let qualiopi = form.value(Msg::FieldOrgQualiopi);
    let organisation = Organisation {
        name: form.value(Msg::FieldOrgName),
        nda,
        nda_region: form.value(Msg::FieldOrgNdaRegion),
        siret,
        address: form.value(Msg::FieldOrgAddress),
        representative: Representative {
            name: form.value(Msg::FieldOrgRepresentative),
            title: form.value(Msg::FieldOrgRepresentativeTitle),
        },
        city: form.value(Msg::FieldOrgCity),
        qualiopi: (!qualiopi.trim().is_empty()).then_some(qualiopi),
    };
    let label = app.tr(Msg::OrganisationSaved).to_owned();
    app.notify(label.clone());
    Some(app.change(label, move |data| data.organisation = organisation))
}
