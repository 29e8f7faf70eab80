//! Sharing in the app: importing a bundle (previewed, then applied as one undoable step) and
//! the merge screen, where each field changed on both sides waits for someone to choose.

use super::Form;
use super::Purpose;
use super::form::{Field, FieldKind};
use super::list::Cursor;
use super::{Action, App, Effect, Overlay};
use crate::domain::{CohortId, PersonId};
use crate::i18n::{Msg, fill};
use crate::share::bundle::{Audience, Bundle, BundleError};
use crate::share::import::{Importer, Plan, plan};
use crate::share::records::Records;
use crate::share::{describe, preview, received};

/// An import waiting for a yes: its plan in words, and where the preview is scrolled.
#[derive(Debug, Clone)]
pub struct Preview {
    /// The plan, applied on yes.
    pub plan: Box<Plan>,
    /// The plan in the user's language, one line each.
    pub lines: Vec<String>,
    /// The scroll position.
    pub cursor: Cursor,
    /// What was last received from the same side, kept with the bundle after the import.
    pub before: Records,
}

/// A bundle file as the event loop read it: the bundle and what was last received from its
/// maker, or why it could not be read.
pub type Read = Result<(Bundle, Records), ReadError>;

/// Why a bundle file could not be read.
#[derive(Debug, Clone)]
pub enum ReadError {
    /// The file could not be opened.
    Io(String),
    /// It is not a bundle we take.
    Bundle(BundleError),
}

/// Opens the import form (`B`) or the merge screen (`!`).
pub fn open(app: &mut App, action: Action) {
    if action == Action::ImportBundle {
        ask_file(app);
    } else {
        show_conflicts(app);
    }
}

/// Asks for the bundle file to import.
fn ask_file(app: &mut App) {
    let field = Field::new(Msg::FieldFile, FieldKind::Path, "");
    app.overlay = Some(Overlay::Form(Box::new(Form::new(
        Purpose::ImportBundle,
        vec![field],
    ))));
}

/// The form's file, to read.
pub fn submit(form: &Form) -> Vec<Effect> {
    vec![Effect::ReadBundle(form.value(Msg::FieldFile))]
}

/// Marks the path of the bundle form, still open, refused: what was typed stays, to correct.
fn keep_path_form(app: &mut App, why: Msg) {
    if let Some(Overlay::Form(form)) = &mut app.overlay
        && form.purpose == crate::app::Purpose::ImportBundle
    {
        form.refuse(Msg::FieldFile, why);
    }
}

/// Plans the import of a bundle the event loop read, and shows the preview.
pub fn read(app: &mut App, read: Read) {
    let refused = |app: &mut App, e: &BundleError| {
        let text = preview::refusal(e, app.config.lang);
        app.notify_error(text);
        keep_path_form(app, Msg::FieldNotABundle);
    };
    let (bundle, before) = match read {
        Ok(read) => read,
        Err(ReadError::Io(reason)) => {
            app.notify_error(reason);
            return keep_path_form(app, Msg::FieldUnreadableFile);
        }
        Err(ReadError::Bundle(e)) => return refused(app, &e),
    };
    let me = app.config.me.clone();
    let importer = Importer {
        me: me.as_ref(),
        trainer: app.config.role == Some(crate::config::Role::Trainer),
        ours: app
            .me()
            // Unnamed, this side is "this machine" when shown, in the language of the moment.
            .map_or_else(String::new, |p| p.name.clone()),
        now: app.now,
    };
    match plan(Some(&app.data), bundle, &before, &importer) {
        Ok(plan) => {
            let lines = preview::lines(&plan, app.config.lang);
            app.overlay = Some(Overlay::Preview(Box::new(Preview {
                plan: Box::new(plan),
                lines,
                cursor: Cursor::default(),
                before,
            })));
        }
        Err(e) => refused(app, &e),
    }
}

/// The preview's lines as the box shows them at terminal width `width`: made visible, then
/// cut into rows that fit, so that scrolling stops with the last row at the bottom.
pub fn preview_rows(lines: &[String], width: u16) -> Vec<String> {
    use unicode_segmentation::UnicodeSegmentation as _;
    // The box is at most 100 columns wide, less its borders.
    let width = usize::from(width.min(100).saturating_sub(2)).max(1);
    let columns = |text: &str| ratatui::text::Span::raw(text).width();
    let mut rows = Vec::new();
    for line in lines {
        let line = crate::domain::text::visible(line);
        let mut row = String::new();
        // Words move to the next row whole; a word wider than the box is cut.
        for word in line.split_inclusive(' ') {
            if !row.is_empty() && columns(&row) + columns(word.trim_end()) > width {
                rows.push(std::mem::take(&mut row));
            }
            for grapheme in word.graphemes(true) {
                if !row.is_empty() && columns(&row) + columns(grapheme) > width && grapheme != " " {
                    rows.push(std::mem::take(&mut row));
                }
                row.push_str(grapheme);
            }
        }
        rows.push(row);
    }
    rows
}

/// Keys in the preview: scroll, then yes applies the import as one undoable step.
pub fn on_preview(app: &mut App, mut preview: Box<Preview>, action: Action) -> Vec<Effect> {
    let len = preview_rows(&preview.lines, app.size.0).len();
    let height = app.overlay_height();
    let page = isize::try_from(height).unwrap_or(1);
    match action {
        Action::No | Action::Back => return Vec::new(),
        Action::Yes | Action::Open => return apply(app, *preview),
        Action::Up | Action::ScrollUp => preview.cursor.scroll(-1, len, height),
        Action::Down | Action::ScrollDown => preview.cursor.scroll(1, len, height),
        Action::PageUp => preview.cursor.scroll(-page, len, height),
        Action::PageDown => preview.cursor.scroll(page, len, height),
        _ => {}
    }
    app.overlay = Some(Overlay::Preview(preview));
    Vec::new()
}

fn apply(app: &mut App, preview: Preview) -> Vec<Effect> {
    let Preview { plan, before, .. } = preview;
    let plan = *plan;
    let bundle = &plan.bundle;
    let keep = Effect::KeepReceived {
        cohort: bundle.cohort.clone(),
        from: match bundle.audience {
            Audience::Trainee => None,
            Audience::Trainers => Some(bundle.trainee.clone()),
        },
        bytes: received::to_keep(&bundle.hash, &plan.received, &before),
    };
    if plan.is_empty() {
        app.notify(app.tr(Msg::BundleNothingNew));
        return vec![keep];
    }
    let label = fill(
        app.tr(Msg::ImportBundleLabel),
        &[("who", &bundle.made_by.name)],
    );
    let conflicts = plan.conflicts.len();
    let summary = preview::summary(&plan, app.config.lang);
    // A trainee's first bundle also says who she is.
    let bundle_for_me = bundle.audience == Audience::Trainee;
    let first_of_mine = bundle_for_me && app.config.me.is_none();
    let trainee = bundle.trainee.clone();
    let mut effects = app.change(label, |data| *data = plan.data);
    app.notify(summary);
    effects.push(keep);
    if bundle_for_me {
        // Every trainee lands in the same place after her trainers' bundle: the circle.
        app.screen = super::Screen::Circle;
        app.circle.view = None;
        app.filtering = false;
    }
    if first_of_mine {
        app.config.me = Some(trainee.clone());
        app.config.role = Some(crate::config::Role::Trainee);
        effects.push(Effect::SaveConfig);
        // Her first step: what she shares with the cohort, detail by detail.
        super::contacts::sharing_choice::open(app, &trainee);
    }
    if conflicts > 0 {
        app.overlay = Some(Overlay::Conflicts(Cursor::default()));
    }
    effects
}

/// Opens the merge screen, or says there is nothing to choose.
fn show_conflicts(app: &mut App) {
    if app.data.conflicts.is_empty() {
        app.notify(app.tr(Msg::NoConflicts));
    } else {
        app.overlay = Some(Overlay::Conflicts(Cursor::default()));
    }
}

/// Keys in the merge screen: move between conflicts, choose one side or the other.
pub fn on_conflicts(app: &mut App, mut cursor: Cursor, action: Action) -> Vec<Effect> {
    let len = app.data.conflicts.len();
    let height = app.page_height() / 3;
    let mut effects = Vec::new();
    match action {
        Action::Back => return effects,
        Action::Up => cursor.step(-1, len, height),
        Action::Down => cursor.step(1, len, height),
        Action::ChooseFirst | Action::ChooseSecond => {
            let choice = usize::from(action == Action::ChooseSecond);
            effects = choose(app, cursor.selected, choice);
            let len = app.data.conflicts.len();
            cursor.select(cursor.selected.min(len.saturating_sub(1)), len, height);
            if len == 0 {
                return effects;
            }
        }
        _ => {}
    }
    app.overlay = Some(Overlay::Conflicts(cursor));
    effects
}

fn choose(app: &mut App, index: usize, choice: usize) -> Vec<Effect> {
    let Some(conflict) = app.data.conflicts.get(index) else {
        return Vec::new();
    };
    let lang = app.config.lang;
    let what = describe::path(&app.data, &conflict.path, lang);
    let value = describe::value(conflict.choices[choice].value.as_ref(), lang);
    let label = fill(
        app.tr(Msg::ConflictChosen),
        &[("value", &value), ("what", &what)],
    );
    let outcome = app.try_change(label.clone(), |data| {
        crate::share::resolve(data, index, choice)
    });
    match outcome {
        Ok(effects) => {
            app.notify(label);
            effects
        }
        Err(e) => {
            app.notify_error(e.to_string());
            Vec::new()
        }
    }
}

/// Where the copy of what was received from a side is kept.
pub fn received_path(
    dir: &std::path::Path,
    cohort: &CohortId,
    from: Option<&PersonId>,
) -> std::path::PathBuf {
    let side = from.map_or(received::Side::Trainers, received::Side::Trainee);
    received::path_for(dir, cohort, side)
}

/// The keys of this screen, its part of the key table.
#[rustfmt::skip] // a table reads best one binding a line
pub static KEYS: &[crate::app::keymap::Binding] = {
    use crate::app::action::Action;
    use crate::app::keymap::{Context, bind, code, ctrl, key};
    use crate::i18n::Msg;
    use ratatui::crossterm::event::KeyCode;
    &[
    bind(Context::Preview, &[key('y'), key('o'), code(KeyCode::Enter)], Action::Yes, Msg::KeyApplyImport, true),
    bind(Context::Preview, &[key('n'), code(KeyCode::Esc)], Action::No, Msg::KeyCancel, true),
    bind(Context::Preview, &[code(KeyCode::Up), key('k')], Action::Up, Msg::KeyUp, false),
    bind(Context::Preview, &[code(KeyCode::Down), key('j')], Action::Down, Msg::KeyDown, false),
    bind(Context::Preview, &[code(KeyCode::PageUp)], Action::PageUp, Msg::KeyPageUp, false),
    bind(Context::Preview, &[code(KeyCode::PageDown)], Action::PageDown, Msg::KeyPageDown, false),
    bind(Context::Conflicts, &[code(KeyCode::Up), key('k')], Action::Up, Msg::KeyUp, true),
    bind(Context::Conflicts, &[code(KeyCode::Down), key('j')], Action::Down, Msg::KeyDown, true),
    bind(Context::Conflicts, &[key('1')], Action::ChooseFirst, Msg::KeyChooseFirst, true),
    bind(Context::Conflicts, &[key('2')], Action::ChooseSecond, Msg::KeyChooseSecond, true),
    bind(Context::Conflicts, &[code(KeyCode::Esc), key('q')], Action::Back, Msg::KeyClose, true),
    bind(Context::Conflicts, &[ctrl('c')], Action::Quit, Msg::KeyQuit, false),
    ]
};
