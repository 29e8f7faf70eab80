//! The welcome screen of a first start, and the question after a crash: the two states the app
//! is in before its four screens open.

use super::{Action, App, Effect, Overlay, SaveState};
use crate::config::Role;
use crate::domain::Data;
use crate::i18n::Msg;
use std::sync::Arc;

/// The welcome screen: who I am, then the sample, an empty file, or a bundle.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::RoleTrainer | Action::RoleTrainee => {
            app.config.role = Some(if action == Action::RoleTrainer {
                Role::Trainer
            } else {
                Role::Trainee
            });
            vec![Effect::SaveConfig]
        }
        Action::StartSample | Action::StartEmpty => {
            let data = if action == Action::StartSample {
                crate::sample::sample()
            } else {
                Data::empty(app.tr(Msg::EmptyProgrammeTitle), "")
            };
            app.open(Arc::new(data));
            app.save = SaveState::Saving;
            vec![Effect::Save, Effect::SaveConfig]
        }
        Action::ImportBundle => {
            // Nothing is written until the bundle is imported.
            app.open(Arc::new(Data::default()));
            super::sharing::open(app, action);
            Vec::new()
        }
        Action::Help => {
            app.overlay = Some(Overlay::Help(super::list::Cursor::default()));
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// The question after a crash: take back the work that was kept, or set it aside.
pub fn recovery(app: &mut App, action: Action, recovered: Arc<Data>) -> Vec<Effect> {
    match action {
        Action::Yes => {
            let before = Arc::clone(&app.data);
            app.open(recovered);
            app.history
                .record(app.tr(Msg::RecoveredLabel).to_owned(), before);
            app.save = SaveState::Saving;
            app.notify(app.tr(Msg::Recovered));
            // The form being typed when Cercle stopped opens again, with its text.
            if let Some(form) = app.kept_form.take() {
                app.overlay = Some(Overlay::Form(form));
            }
            vec![Effect::Save, Effect::DiscardRecovery]
        }
        Action::No => {
            app.kept_form = None;
            let data = Arc::clone(&app.data);
            app.open(data);
            app.notify(app.tr(Msg::RecoveryDiscarded));
            vec![Effect::DiscardRecovery]
        }
        _ => Vec::new(),
    }
}

/// The keys of this screen, its part of the key table.
#[rustfmt::skip] // a table reads best one binding a line
pub static KEYS: &[crate::app::keymap::Binding] = {
    use crate::app::action::Action;
    use crate::app::keymap::{Context, bind, ctrl, key};
    use crate::i18n::Msg;
    &[
    bind(Context::Welcome, &[key('s')], Action::StartSample, Msg::KeyStartSample, true),
    bind(Context::Welcome, &[key('e')], Action::StartEmpty, Msg::KeyStartEmpty, true),
    bind(Context::Welcome, &[key('b')], Action::ImportBundle, Msg::KeyStartFromBundle, true),
    bind(Context::Welcome, &[key('t')], Action::RoleTrainer, Msg::KeyRoleTrainer, true),
    bind(Context::Welcome, &[key('a')], Action::RoleTrainee, Msg::KeyRoleTrainee, true),
    bind(Context::Welcome, &[key('?')], Action::Help, Msg::KeyHelp, true),
    bind(Context::Welcome, &[key('q'), ctrl('c')], Action::Quit, Msg::KeyQuit, true),
    ]
};
