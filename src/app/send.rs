//! Sending from the app (`E`): a trainee writes her bundle for the training team; the trainers
//! prepare the bundles of every trainee. The disk thread writes them (`Effect::Send`); the app
//! says where, and for whom, and offers a mail draft where the system has a mail opener.

use super::{App, Effect, Overlay, Pending, Question};
use crate::config::Role;
use crate::i18n::{Msg, fill};
use crate::share::bundle::Maker;
use crate::share::send::From;
use std::path::PathBuf;

/// A mail to the trainers with the trainee's bundle, to open as a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailDraft {
    /// The trainers' addresses.
    pub to: Vec<String>,
    /// The subject.
    pub subject: String,
    /// The body, which names the file to attach (a `mailto:` cannot attach it).
    pub body: String,
    /// The bundle.
    pub attach: PathBuf,
}

/// `E` for a trainee: her bundle for the training team.
pub fn send_to_team(app: &mut App) -> Vec<Effect> {
    let Some(me) = super::circle::me_as_trainee(app) else {
        app.notify_error(app.tr(Msg::SendWhoAreYou));
        return Vec::new();
    };
    app.notify(app.tr(Msg::Sending));
    vec![Effect::Send(From::Trainee(me))]
}

/// `E` for the trainers: a bundle for each trainee of the cohort, made by the user.
pub fn prepare_bundles(app: &mut App) -> Vec<Effect> {
    if app.config.role == Some(Role::Trainee) {
        app.notify_error(app.tr(Msg::TraineeMakesNoTrainersBundles));
        return Vec::new();
    }
    let maker = app
        .me()
        .filter(|me| app.cohort().is_some_and(|c| c.trainers.contains(&me.id)))
        .map(|me| Maker {
            id: me.id.clone(),
            name: me.name.clone(),
        });
    let Some(maker) = maker else {
        app.notify_error(app.tr(Msg::PrepareWhoAreYou));
        return Vec::new();
    };
    app.notify(app.tr(Msg::Sending));
    vec![Effect::Send(From::Trainer(maker))]
}

/// Says what the disk thread wrote, and for a trainee, offers a mail draft to her trainers
/// when `mail` (the system can open one).
pub fn sent(app: &mut App, outcome: Result<Vec<PathBuf>, String>, mail: bool) {
    let paths = match outcome {
        Ok(paths) => paths,
        Err(reason) => {
            app.notify_error(fill(app.tr(Msg::SendFailed), &[("reason", &reason)]));
            return;
        }
    };
    let trainee = app.config.role == Some(Role::Trainee);
    let text = match (trainee, paths.as_slice()) {
        (true, [path]) => fill(
            app.tr(Msg::SentToTeam),
            &[("path", &path.display().to_string())],
        ),
        (_, paths) => {
            let folder = paths
                .first()
                .and_then(|p| p.parent())
                .map(|f| f.display().to_string())
                .unwrap_or_default();
            fill(
                app.tr(Msg::BundlesPrepared),
                &[("n", &paths.len().to_string()), ("folder", &folder)],
            )
        }
    };
    app.notify(text.replace('\n', " "));
    let to: Vec<String> = app
        .cohort()
        .map(|c| {
            c.trainers
                .iter()
                .filter_map(|id| app.data.person(id)?.emails.first().cloned())
                .collect()
        })
        .unwrap_or_default();
    let offer = paths.first().filter(|_| trainee && mail);
    if let Some(path) = offer {
        let name = app.me().map(|p| p.name.clone()).unwrap_or_default();
        let draft = MailDraft {
            to,
            subject: fill(app.tr(Msg::MailSubject), &[("name", &name)]),
            body: fill(
                app.tr(Msg::MailBody),
                &[("path", &path.display().to_string())],
            ),
            attach: path.clone(),
        };
        app.overlay = Some(Overlay::Confirm(Question {
            text: format!("{text}\n\n{}", app.tr(Msg::OfferMailDraft)),
            on_yes: Pending::MailDraft(Box::new(draft)),
        }));
    } else {
        let title = if trainee {
            Msg::ToldTitle
        } else {
            Msg::PreparedTitle
        };
        app.overlay = Some(Overlay::Told(title, text));
    }
}
