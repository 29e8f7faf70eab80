//! On a panic, and on SIGHUP or SIGTERM (see `closing`): restore the terminal and keep the work
//! in memory in a recovery file beside the data, never over `cercle.json`, with the form being
//! typed in; the next start offers it back.

use crate::app::{App, Form, Phase, SaveState};
use crate::domain::Data;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

static LAST_STATE: Mutex<Option<Arc<Data>>> = Mutex::new(None);
/// The form being typed in, if any.
static LAST_FORM: Mutex<Option<Form>> = Mutex::new(None);
/// Whether `LAST_STATE` holds work not yet on disk (a panic keeps it anyway: it may be mid-save).
static UNSAVED: AtomicBool = AtomicBool::new(false);

/// Remembers the state the hook would keep (an `Arc` clone: no copy).
pub fn remember(data: &Arc<Data>) {
    if let Ok(mut slot) = LAST_STATE.lock() {
        *slot = Some(Arc::clone(data));
    }
}

/// Remembers what a signal would keep of `app`: its data, whether it is on disk, and the form
/// being typed in (copied only when something `happened`, since it changes only then). A
/// half-typed form is unsaved work too, but a read-only session writes nothing.
pub fn remember_app(app: &App, happened: bool) {
    if app.phase == Phase::Loading {
        // Nothing to keep yet: the data on screen, if any, is a first look that lacks the
        // finished cohorts, and keeping it would offer it back as work to save over them.
        if let Ok(mut slot) = LAST_STATE.lock() {
            *slot = None;
        }
        remember_unsaved(false);
        return;
    }
    remember(&app.data);
    let form = app.form_being_typed();
    if happened && let Ok(mut slot) = LAST_FORM.lock() {
        *slot = form.cloned();
    }
    remember_unsaved(match app.save {
        SaveState::Saved => form.is_some_and(Form::is_dirty),
        SaveState::ReadOnly(_) => false,
        SaveState::Saving | SaveState::Failed(_) => true,
    });
}

/// Remembers whether the remembered state holds work not yet on disk.
pub fn remember_unsaved(unsaved: bool) {
    UNSAVED.store(unsaved, Ordering::SeqCst);
}

/// Writes the remembered state to the recovery file of `dir` if it holds unsaved work;
/// says whether it wrote one.
pub fn keep_unsaved(dir: &Path) -> bool {
    if !UNSAVED.load(Ordering::SeqCst) {
        return false;
    }
    let data = LAST_STATE.lock().ok().and_then(|slot| slot.clone());
    let form = LAST_FORM.lock().ok().and_then(|slot| slot.clone());
    data.is_some_and(|data| keep(dir, &data, form.as_ref()).is_ok())
}

/// Chains our hook in front of the one `ratatui::init` installed.
pub fn install(dir: PathBuf) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // try_lock: the panic may have happened while the lock was held.
        if let Ok(slot) = LAST_STATE.try_lock()
            && let Some(data) = slot.as_ref()
        {
            let form = LAST_FORM.try_lock().ok().and_then(|slot| slot.clone());
            let _ = keep(&dir, data, form.as_ref());
        }
        // ratatui's hook, next, leaves raw mode and the alternate screen, not our modes.
        super::modes::leave_in_haste();
        previous(info);
    }));
}

/// Writes `data`, and the form being typed in, to the recovery file of `dir`, where the next
/// start looks for them.
fn keep(dir: &Path, data: &Data, form: Option<&Form>) -> std::io::Result<()> {
    let json = crate::app::kept::recovery_json(data, form)?;
    crate::store::write_recovery(dir, &json).map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Prepared;

    #[test]
    fn nothing_is_kept_while_loading_not_even_a_first_look() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-28T10:00:00Z").unwrap();
        let mut app = App::new(crate::config::Config::default(), now.into());
        app.glimpse(Prepared::new(Data::default()));
        remember(&Arc::new(Data::default()));
        remember_app(&app, true);
        assert!(LAST_STATE.lock().unwrap().is_none(), "a first look is kept");
        assert!(!UNSAVED.load(Ordering::SeqCst));
        app.open_prepared(Prepared::new(Data::default()));
        remember_app(&app, true);
        assert!(LAST_STATE.lock().unwrap().is_some());
    }
}
