//! Documents asked for from the screens: the event loop writes them into the data directory's
//! `exports/` folder (0600) and says where.

use crate::app::{App, Effect};
use crate::domain::{PersonId, SeminarId};
use crate::export::{attendance, html, pdf, workbook};
use crate::i18n::Msg;

use crate::domain::fold::slug;

fn sheets(app: &mut App, seminar: Option<&SeminarId>, stem: &str) -> Vec<Effect> {
    let Some(cohort) = app.cohort() else {
        return Vec::new();
    };
    let dialect = crate::export::dialect::Dialect::of(app.config.lang);
    let written = attendance::to_csv(&app.data, cohort, seminar, dialect)
        .map_err(|e| e.to_string())
        .and_then(|csv| {
            workbook::to_xlsx(&app.data, cohort, seminar, app.today)
                .map(|xlsx| (csv, xlsx))
                .map_err(|e| e.to_string())
        })
        .and_then(|(csv, xlsx)| {
            pdf::sheet::pdf(&app.data, cohort, seminar, app.today)
                .map(|pdf| (csv, xlsx, pdf))
                .map_err(|e| e.to_string())
        });
    match written {
        Ok((csv, xlsx, pdf)) => {
            let html = html::sheet::html(&app.data, cohort, seminar);
            vec![
                Effect::Export(format!("{stem}.csv"), csv),
                Effect::Export(format!("{stem}.xlsx"), xlsx),
                Effect::Export(format!("{stem}.html"), html.into_bytes()),
                Effect::Export(format!("{stem}.pdf"), pdf),
            ]
        }
        Err(error) => {
            let text = crate::i18n::fill(app.tr(Msg::ExportFailed), &[("reason", &error)]);
            app.notify_error(text);
            Vec::new()
        }
    }
}

/// The whole cohort's attendance sheet, as CSV, XLSX, HTML and PDF.
pub fn cohort_sheet(app: &mut App) -> Vec<Effect> {
    let stem = format!(
        "emargement-{}",
        slug(&app.cohort().map(|c| c.name.clone()).unwrap_or_default())
    );
    sheets(app, None, &stem)
}

/// One seminar's attendance sheet, as CSV, XLSX, HTML and PDF.
pub fn seminar_sheet(app: &mut App, seminar: &SeminarId) -> Vec<Effect> {
    let stem = format!("emargement-{}", slug(seminar.as_str()));
    sheets(app, Some(seminar), &stem)
}

/// A trainee's completion certificate, as HTML and PDF, covering the half-days held so far; nothing
/// but a message when none was.
pub fn certificate(app: &mut App, trainee: &PersonId) -> Vec<Effect> {
    let Some(cohort) = app.cohort() else {
        return Vec::new();
    };
    let name = app
        .data
        .person(trainee)
        .map_or_else(|| trainee.to_string(), |p| p.name.clone());
    let Some(html) = html::certificate::html(&app.data, cohort, trainee, app.today, None) else {
        let text = crate::i18n::fill(
            app.tr(Msg::CertificateNothingHeld),
            &[
                ("whom", &name),
                ("cohort", &cohort.name),
                ("day", &app.today.format("%d/%m/%Y").to_string()),
            ],
        );
        app.notify_error(text);
        return Vec::new();
    };
    let stem = format!("certificat-{}", slug(&name));
    let mut effects = vec![Effect::Export(format!("{stem}.html"), html.into_bytes())];
    match pdf::certificate::pdf(&app.data, cohort, trainee, app.today, None) {
        Ok(Some(pdf)) => effects.push(Effect::Export(format!("{stem}.pdf"), pdf)),
        Ok(None) => {}
        Err(error) => {
            let text =
                crate::i18n::fill(app.tr(Msg::ExportFailed), &[("reason", &error.to_string())]);
            app.notify_error(text);
        }
    }
    effects
}
