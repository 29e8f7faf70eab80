//! The application state and its `update`: keys become actions, `update` changes the state and
//! returns effects that the event loop carries out. Nothing here touches the terminal or the disk.

pub mod action;
pub mod circle;
pub mod conflict;
pub mod contacts;
pub mod dates;
pub mod derived;
pub mod folder_picker;
pub mod form;
pub mod kept;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod list;
pub mod modules;
pub mod paste;
pub mod paths;
pub mod rows;
pub mod screen;
pub mod send;
pub mod sharing;
pub mod sync;
pub mod tutoring;
pub mod undo;
mod update;
pub mod welcome;

pub use action::Action;
pub use keymap::Context;
pub use screen::Screen;
pub use update::{context, update, update_key};

use crate::config::{Config, Role};
use crate::domain::{Cohort, Data, PersonId};
use crate::i18n::{Lang, Msg};
use chrono::{DateTime, NaiveDate, Utc};
use list::{Cursor, Listing};
use std::sync::Arc;
use undo::History;

/// What a form is for, and so what submitting it does: each screen lists its own forms, and
/// registers them here with one line.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Purpose {
    /// A form of the Modules screen.
    Modules(modules::ModulesForm),
    /// A form of the Knowledge circle.
    Circle(circle::CircleForm),
    /// A form of the Peer contacts screen.
    Contacts(contacts::ContactsForm),
    /// A form of the Tutor requests screen.
    Tutoring(tutoring::TutoringForm),
    /// The path of a sharing bundle to import.
    ImportBundle,
    /// Where to write a copy of the data.
    SaveCopy,
}

impl Purpose {
    /// Whether submitting changes the data, and so needs a session that can save it.
    pub fn changes_data(&self) -> bool {
        !matches!(self, Self::SaveCopy)
    }
}

/// A form of the app: the form machinery, with the app's purposes.
pub type Form = form::Form<Purpose>;

/// Something the event loop must do after `update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write the data to disk (off the UI thread).
    Save,
    /// Write the user's settings (language, role).
    SaveConfig,
    /// Leave the app.
    Quit,
    /// Edit this text in `$EDITOR`, then hand it back with [`App::editor_done`].
    OpenEditor(String),
    /// Write a document (file name, contents) into the data directory's `exports/` folder.
    Export(String, Vec<u8>),
    /// Set the crash recovery file aside (after the data it held is saved, if recovered).
    DiscardRecovery,
    /// Put this text on the clipboard through the terminal (OSC 52, which works over ssh).
    Copy(String),
    /// Open the mail client on this address (`xdg-open mailto:…`, where it exists).
    OpenMail(String),
    /// Read a contacts file, then hand it to [`App::import_read`].
    ReadImport(String),
    /// Write a cohort's calendar (.ics) into the data directory's `exports/` folder.
    ExportCalendar(crate::domain::CohortId),
    /// Sync with the team through git, then hand the outcome to [`sync::finished`].
    Sync,
    /// Read a sharing bundle, then hand it to [`App::bundle_read`].
    ReadBundle(String),
    /// Read the entries of a folder as typed (`~/` the home folder, empty the current one),
    /// then hand them to [`App::folder_listed`].
    ListFolder(String, paths::Listed),
    /// Keep what was just received from one side (`None`: the trainers), the base of the next
    /// exchange with them.
    KeepReceived {
        /// The cohort.
        cohort: crate::domain::CohortId,
        /// The trainee it came from, or `None` for the trainers.
        from: Option<PersonId>,
        /// The copy to keep.
        bytes: Vec<u8>,
    },
    /// Read the data file again, as another program left it; hand it to [`conflict::reloaded`].
    Reload,
    /// Save over changes another program made (theirs are kept as a backup).
    Overwrite,
    /// Write a copy of the data to this file (relative: in the data directory).
    SaveCopy(std::path::PathBuf),
    /// Make and write bundles (a trainee's for her trainers, or the trainers' for each
    /// trainee) into the sending folder, then hand the files to [`App::sent`].
    Send(crate::share::send::From),
    /// Open a mail draft to the trainers with a bundle (`xdg-email`, or `xdg-open mailto:`).
    MailDraft(Box<send::MailDraft>),
}

/// The stage the app is in.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// The data is being read on a worker thread.
    Loading,
    /// No data file yet: the welcome screen.
    Welcome,
    /// A recovery file from a crash was found: recover it or discard it.
    Recovery(Arc<Data>),
    /// The data could not be read; the message says why and what to do.
    Failed(String),
    /// The four screens.
    Main,
}

/// Whether the data on disk matches what is on screen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SaveState {
    /// Everything is on disk.
    #[default]
    Saved,
    /// A save is under way.
    Saving,
    /// The last save failed; the work is kept in memory.
    Failed(String),
    /// Saves are refused (another instance, or a newer file format).
    ReadOnly(String),
}

/// What is drawn over the screen.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// The `?` help, with its scroll position.
    Help(Cursor),
    /// The cohort picker.
    CohortPicker(Cursor),
    /// "Who am I?": the current cohort's trainers and trainees.
    MePicker(Cursor),
    /// A yes/no question and what yes does.
    Confirm(Question),
    /// A form.
    Form(Box<Form>),
    /// A short list to choose from.
    Choice(Choice),
    /// What importing a bundle will do, waiting for a yes.
    Preview(Box<sharing::Preview>),
    /// The merge screen: fields changed on both sides, to choose.
    Conflicts(Cursor),
    /// The data file was changed by another program: reload, save elsewhere or overwrite?
    ChangedOnDisk,
    /// A message to read in full (where a file was written), with its title; Enter or Esc
    /// closes it.
    Told(Msg, String),
    /// The folder where `E` writes bundles, chosen by walking the folders.
    FolderPicker(folder_picker::Picker),
}

/// A short list to choose from, and what the choice is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Its title.
    pub title: Msg,
    /// The options, already in the user's language.
    pub options: Vec<String>,
    /// The highlighted option.
    pub cursor: Cursor,
    /// What choosing does.
    pub purpose: ChoicePurpose,
}

/// What a choice is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChoicePurpose {
    /// The reason of an excused absence.
    Excuse(crate::domain::HalfDayId, PersonId),
    /// Circle: who to enrol (`None` creates a new person).
    Enrol(Vec<Option<PersonId>>),
    /// Circle: which suggested match to put in touch (offer, request).
    Match(Vec<(crate::domain::KnowledgeId, crate::domain::KnowledgeId)>),
    /// Circle: what a piece of evidence rests on.
    EvidenceSource(
        PersonId,
        crate::domain::CompetencyId,
        Vec<Option<crate::domain::path::EvidenceSource>>,
    ),
    /// Roll call: the corrections of a half-day, to read; choosing one closes the list.
    Corrections,
    /// Roll call: which of the cohort's trainers seals the half-day, when who I am is not set.
    Sealer(crate::domain::HalfDayId, Vec<PersonId>),
    /// Follow-up list: a trainee's follow-ups, to read.
    FollowUps,
    /// A trainee's path: the level she thinks she reached on a competency.
    SelfAssessment(crate::domain::CompetencyId),
}

/// A question waiting for yes or no.
#[derive(Debug, Clone)]
pub struct Question {
    /// What is asked, already in the user's language.
    pub text: String,
    /// What happens on yes.
    pub on_yes: Pending,
}

/// An action that waits for a confirmation.
#[derive(Debug, Clone)]
pub enum Pending {
    /// Delete a person from the directory.
    DeletePerson(PersonId),
    /// Throw away what was typed in a form.
    DiscardForm(Box<Form>),
    /// Quit although the last changes could not be saved.
    QuitUnsaved,
    /// Circle: delete an offer or a request.
    DeleteKnowledge(crate::domain::KnowledgeId),
    /// Open a mail draft to the trainers with the bundle just written.
    MailDraft(Box<send::MailDraft>),
    /// Change role (`R`), as the question said.
    SwitchRole(Role),
    /// Become this person for Cercle (`i`), as the question said.
    BecomePerson(PersonId),
    /// Circle: draw the speaking order again.
    Redraw,
    /// Circle: end the codevelopment session under way, keeping it as it stands.
    EndCodev,
    /// Modules: save the seminar form although its doubts were named; no opens it again.
    SaveSeminar(Box<Form>),
}

/// A message for the user in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// An error rather than information.
    pub error: bool,
    /// The text, already in the user's language.
    pub text: String,
    /// When it was said (the app's clock), so that it goes after a few seconds.
    pub at: DateTime<Utc>,
}

/// How long information stays in the status line; an error stays twice as long.
pub const NOTICE_SECONDS: i64 = 6;

/// Loaded data with what its screens need that takes time to build (the contacts search
/// fields of 15,000 people): made on the loading thread, swapped in by [`App::open_prepared`].
#[derive(Debug)]
pub struct Prepared {
    /// The data.
    pub data: Arc<Data>,
    contacts: contacts::State,
}

impl Prepared {
    /// `data` for a first look ([`App::glimpse`]): nothing built, since the screen it shows
    /// is never the contacts.
    pub fn glance(data: Data) -> Self {
        Self {
            data: Arc::new(data),
            contacts: contacts::State::default(),
        }
    }

    /// Builds what the screens need for `data`.
    pub fn new(data: Data) -> Self {
        let data = Arc::new(data);
        let contacts = contacts::State::prepared_for(&data);
        Self { data, contacts }
    }
}

/// The whole state of the interface.
#[derive(Debug, Clone)]
pub struct App {
    /// The data; shared with the saver thread without copying.
    pub data: Arc<Data>,
    /// The stage.
    pub phase: Phase,
    /// The screen in view.
    pub screen: Screen,
    /// The user's settings.
    pub config: Config,
    /// Today, injected so that views and rules are reproducible.
    pub today: NaiveDate,
    /// Now, injected for the same reason; the event loop moves it forward.
    pub now: DateTime<Utc>,
    /// The popup, if any.
    pub overlay: Option<Overlay>,
    /// Where the Modules screen is.
    pub modules: modules::ModulesState,
    /// Where the Knowledge circle screen is.
    pub circle: circle::CircleState,
    /// Whether the filter of the screen in view is being typed.
    pub filtering: bool,
    /// The contacts screen's search, sort and grouping.
    pub contacts: contacts::State,
    /// Undo and redo.
    pub history: History,
    /// The save state shown in the header.
    pub save: SaveState,
    /// The last message for the user.
    pub notice: Option<Notice>,
    /// The terminal's size, for paging and mouse hits.
    pub size: (u16, u16),
    /// While loading: bytes done and the file's size, for the progress bar.
    pub loading: Option<(u64, u64)>,
    /// While loading: the data of a first look is on screen (see [`App::glimpse`]).
    pub glimpsed: bool,
    /// Makes new ids unique across machines; injected so that tests are reproducible.
    pub seed: u64,
    /// The Tutor requests screen's filters and detail view.
    pub tutoring: tutoring::TutoringView,
    /// Where the data stands against the team's repository, shown in the header.
    pub sync: sync::SyncView,
    /// What the views need from the whole network, built once per version of the data.
    pub derived: derived::Derived,
    /// The form a stopped run was typing in, reopened if its work is recovered.
    pub kept_form: Option<Box<Form>>,
    /// The key table, with the keys the user chose in `[keys]`.
    pub keys: Arc<[keymap::Binding]>,
    /// How many ids this run made.
    ids_made: u64,
}

impl App {
    /// A new app in the loading phase.
    pub fn new(config: Config, now: DateTime<Utc>) -> Self {
        let keys = keys::table(&config.keys).0.into();
        Self {
            data: Arc::new(Data::default()),
            phase: Phase::Loading,
            screen: Screen::Modules,
            config,
            today: crate::domain::clock::today(now),
            now,
            overlay: None,
            modules: modules::ModulesState::default(),
            circle: circle::CircleState::default(),
            filtering: false,
            contacts: contacts::State::default(),
            history: History::default(),
            save: SaveState::Saved,
            notice: None,
            size: (80, 24),
            loading: None,
            glimpsed: false,
            seed: 0,
            tutoring: tutoring::TutoringView::default(),
            sync: sync::SyncView::default(),
            derived: derived::Derived::default(),
            kept_form: None,
            keys,
            ids_made: 0,
        }
    }

    /// Moves the clock on: "now", and "today" in Paris. A message said long enough ago goes.
    pub fn set_now(&mut self, now: DateTime<Utc>) {
        self.now = now;
        self.today = crate::domain::clock::today(now);
        if let Some(notice) = &self.notice {
            let seconds = if notice.error {
                2 * NOTICE_SECONDS
            } else {
                NOTICE_SECONDS
            };
            if now - notice.at >= chrono::TimeDelta::seconds(seconds) {
                self.notice = None;
            }
        }
    }

    /// The app's language.
    pub fn lang(&self) -> Lang {
        self.config.lang
    }

    /// A word or sentence in the app's language.
    pub fn tr(&self, msg: Msg) -> &'static str {
        msg.text(self.config.lang)
    }

    /// A label before its value, "Accueil :" or "Host:" (`i18n::format::label`).
    pub fn label(&self, msg: Msg) -> String {
        crate::i18n::format::label(self.tr(msg), self.config.lang)
    }

    /// The people the "who am I?" picker offers: the current cohort's trainers, then trainees.
    pub fn cohort_people(&self) -> Vec<&crate::domain::Person> {
        self.cohort()
            .map(|c| {
                c.trainers
                    .iter()
                    .chain(&c.trainees)
                    .filter_map(|id| self.data.person(id))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The user as a person of the data, once they said who they are.
    pub fn me(&self) -> Option<&crate::domain::Person> {
        self.config.me.as_ref().and_then(|id| self.data.person(id))
    }

    /// The current cohort, if the file has one.
    pub fn cohort(&self) -> Option<&Cohort> {
        self.data.current()
    }

    /// Whether this is a trainee's copy: her part of the cohort, as her trainers' bundle
    /// brought it (the rest is kept by the training team).
    pub fn trainee_copy(&self) -> bool {
        self.config.role == Some(Role::Trainee)
    }

    /// Opens the data once it is loaded: the main screens, on the role's landing screen.
    pub fn open(&mut self, data: Arc<Data>) {
        self.data = data;
        self.phase = Phase::Main;
        self.screen = match self.config.role {
            Some(Role::Trainee) => Screen::Circle,
            _ => Screen::Modules,
        };
        self.refresh_rows();
        if self.config.role == Some(Role::Trainer) {
            modules::land(self);
        }
        // Conflicts left by a merge wait for someone to choose: show them first.
        if !self.data.conflicts.is_empty() {
            self.overlay = Some(Overlay::Conflicts(Cursor::default()));
        }
    }

    /// Opens data whose search fields were built off the UI thread (see [`Prepared`]).
    pub fn open_prepared(&mut self, prepared: Prepared) {
        self.glimpsed = false;
        self.contacts.adopt(prepared.contacts);
        self.open(prepared.data);
    }

    /// Shows the data of a first look (its finished cohorts not read yet) as the screens will
    /// show it, while loading goes on: the phase stays [`Phase::Loading`], so no key acts on
    /// data that is not whole (the event loop holds them until the data is).
    pub fn glimpse(&mut self, prepared: Prepared) {
        // A look that comes after the whole data has nothing to add.
        if self.phase != Phase::Loading {
            return;
        }
        // Glimpsed first: the rows then leave the contacts' search unbuilt (see `refresh_rows`).
        self.glimpsed = true;
        self.contacts.adopt(prepared.contacts);
        self.open(prepared.data);
        self.phase = Phase::Loading;
    }

    /// The load ended without data to open: what a first look showed goes, and every view's
    /// state with it (the settings, the terminal's size and what is said stay).
    pub fn forget_glimpse(&mut self) {
        if !self.glimpsed {
            return;
        }
        let mut fresh = Self::new(self.config.clone(), self.now);
        fresh.size = self.size;
        fresh.seed = self.seed;
        fresh.save = std::mem::take(&mut self.save);
        fresh.notice = self.notice.take();
        fresh.loading = self.loading;
        *self = fresh;
    }

    /// Whether `key` quits the app while it loads, the only key that acts then: the loading
    /// screen's quit keys, or over a first look the screens' (`q`, Ctrl-C; in a filter or a
    /// form the keys moved to, `q` is a letter).
    pub fn quits(&self, key: &ratatui::crossterm::event::KeyEvent) -> bool {
        let context = if self.glimpsed && self.phase == Phase::Loading {
            Context::Global
        } else {
            update::context(self)
        };
        match keys::dispatch_as(&self.keys, self.config.role, context, self.screen, key) {
            Some(Ok(Action::Quit)) => true,
            // The loading screen's Esc leaves; over the screens, Esc goes back, once loaded.
            Some(Ok(Action::Back)) => !self.glimpsed,
            _ => false,
        }
    }

    /// Shows the welcome screen (no data file yet).
    pub fn welcome(&mut self) {
        self.phase = Phase::Welcome;
    }

    /// Records the outcome of a save.
    pub fn saved(&mut self, outcome: Result<(), String>) {
        self.save = match outcome {
            Ok(()) => SaveState::Saved,
            Err(reason) => {
                self.notify_error(format!("{} {reason}", self.tr(Msg::SaveFailed)));
                SaveState::Failed(reason)
            }
        };
    }

    /// Says where a document was written, or why it was not.
    pub fn exported(&mut self, outcome: Result<std::path::PathBuf, String>) {
        match outcome {
            Ok(path) => {
                let text = crate::i18n::fill(
                    self.tr(Msg::Exported),
                    &[("path", &path.display().to_string())],
                );
                self.notify(text);
            }
            Err(reason) => {
                let text = crate::i18n::fill(self.tr(Msg::ExportFailed), &[("reason", &reason)]);
                self.notify_error(text);
            }
        }
    }

    /// Hands back the text edited in `$EDITOR`.
    pub fn editor_done(&mut self, text: Result<String, String>) {
        match text {
            Ok(text) => {
                if let Some(Overlay::Form(form)) = &mut self.overlay
                    && let Some(limit) = form.replace_focused(&text)
                {
                    self.refuse_past(Msg::FieldFull, limit);
                }
            }
            Err(reason) => self.notify_error(reason),
        }
    }

    /// Says where the bundles the disk thread wrote are; `mail`: a mail draft can be opened.
    pub fn sent(&mut self, outcome: Result<Vec<std::path::PathBuf>, String>, mail: bool) {
        send::sent(self, outcome, mail);
    }

    /// Takes the entries of a folder the event loop read, for a path being completed or the
    /// folder picker.
    /// `folder` is the folder as the event loop resolved it (`~` expanded, made absolute).
    pub fn folder_listed(
        &mut self,
        listed: paths::Listed,
        folder: std::path::PathBuf,
        read: Result<Vec<paths::Entry>, String>,
    ) {
        match listed {
            paths::Listed::Completion(typed) => paths::completed(self, &typed, read),
            paths::Listed::Picker => folder_picker::listed(self, folder, read),
        }
    }

    /// Previews a bundle read by the event loop; applying it is one undoable step.
    pub fn bundle_read(&mut self, read: sharing::Read) {
        sharing::read(self, read);
    }

    /// Imports a contacts file read by the event loop, as one undoable step.
    pub fn import_read(&mut self, path: &str, text: Result<String, String>) -> Vec<Effect> {
        contacts::import(self, path, text)
    }

    /// The form being typed in, if one is open (or waiting for "discard it?" or "save it as it
    /// is?").
    pub fn form_being_typed(&self) -> Option<&Form> {
        match &self.overlay {
            Some(
                Overlay::Form(form)
                | Overlay::Confirm(Question {
                    on_yes: Pending::DiscardForm(form) | Pending::SaveSeminar(form),
                    ..
                }),
            ) => Some(form),
            _ => None,
        }
    }

    /// Shows information in the status line.
    pub fn notify(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            error: false,
            text: text.into(),
            at: self.now,
        });
    }

    /// Shows an error in the status line.
    pub fn notify_error(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            error: true,
            text: text.into(),
            at: self.now,
        });
    }

    /// Rows of a list that fit in the body at the current size.
    pub fn page_height(&self) -> usize {
        // Header, tabs, status and footer take four lines, the list's border and title three.
        usize::from(self.size.1.saturating_sub(7 + self.list_top())).max(1)
    }

    /// Lines of text inside a full-height overlay (the import preview): the frame less a line
    /// above and below, and the box's borders.
    pub fn overlay_height(&self) -> usize {
        usize::from(self.size.1.saturating_sub(4)).max(1)
    }

    /// Lines the screen in view draws above its list (a summary, a venue card).
    pub fn list_top(&self) -> u16 {
        match self.screen {
            Screen::Modules => modules::list_top(self),
            Screen::Circle => circle::list_top(self),
            Screen::Contacts | Screen::Tutoring => 0,
        }
    }

    /// Recomputes each screen's filtered rows after the data or a filter changed.
    pub fn refresh_rows(&mut self) {
        self.derived.refresh(&self.data);
        for screen in Screen::ALL {
            let filter = self.listing(screen).filter.clone();
            let (total, rows) = match screen {
                Screen::Modules => modules::rows(self, &filter),
                Screen::Circle => circle::rows(self, &filter),
                // Over a first look, keys wait and the screen in view stays the one opened
                // (never the contacts): their search is built with the whole data.
                Screen::Contacts if self.glimpsed => (self.data.people.len(), Vec::new()),
                Screen::Contacts => (self.data.people.len(), contacts::rows(self)),
                Screen::Tutoring => tutoring::queue(self, &filter),
            };
            let height = self.page_height();
            let listing = self.listing_mut(screen);
            listing.rows = rows;
            listing.total = total;
            listing.cursor.fit(listing.rows.len(), height);
        }
        modules::refresh_view_rows(self);
        circle::refresh_view_rows(self);
    }

    /// The list `/` filters now: the list of the view in front (the roll call, the offers and
    /// requests…), else the screen's main list.
    pub fn list_in_view(&self) -> &Listing {
        let view = match self.screen {
            Screen::Modules => modules::view_listing(self),
            Screen::Circle => circle::view_listing(self),
            Screen::Contacts | Screen::Tutoring => None,
        };
        view.unwrap_or_else(|| self.listing(self.screen))
    }

    /// The same, to change; its rows are recomputed by [`App::refresh_rows`].
    pub fn list_in_view_mut(&mut self) -> &mut Listing {
        let screen = self.screen;
        let has_view = match screen {
            Screen::Modules => modules::view_listing(self).is_some(),
            Screen::Circle => circle::view_listing(self).is_some(),
            Screen::Contacts | Screen::Tutoring => false,
        };
        match screen {
            Screen::Modules if has_view => modules::view_listing_mut(self).expect("checked above"),
            Screen::Circle if has_view => circle::view_listing_mut(self).expect("checked above"),
            _ => self.listing_mut(screen),
        }
    }

    /// A screen's main list. Each screen keeps its own, in its own state.
    pub fn listing(&self, screen: Screen) -> &Listing {
        match screen {
            Screen::Modules => &self.modules.listing,
            Screen::Circle => &self.circle.listing,
            Screen::Contacts => &self.contacts.listing,
            Screen::Tutoring => &self.tutoring.listing,
        }
    }

    /// A screen's main list, to change.
    pub fn listing_mut(&mut self, screen: Screen) -> &mut Listing {
        match screen {
            Screen::Modules => &mut self.modules.listing,
            Screen::Circle => &mut self.circle.listing,
            Screen::Contacts => &mut self.contacts.listing,
            Screen::Tutoring => &mut self.tutoring.listing,
        }
    }

    /// The record index selected on a screen, if its list is not empty.
    pub fn selected(&self, screen: Screen) -> Option<usize> {
        self.listing(screen).selected()
    }

    /// A new record id, `prefix-<time>-<tag>`: readable, sortable, and unique across the
    /// machines of a cohort through the seed (records are merged by id).
    pub fn fresh_id(&mut self, prefix: &str) -> String {
        self.ids_made += 1;
        let tag = self
            .seed
            .wrapping_add(self.ids_made.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        format!(
            "{prefix}-{}-{:06x}",
            self.now.format("%Y%m%d%H%M%S"),
            tag & 0xFF_FFFF
        )
    }

    /// Changes the data as one undoable step named `label`, and asks for a save.
    pub fn change(&mut self, label: String, edit: impl FnOnce(&mut Data)) -> Vec<Effect> {
        self.try_change(label, |data| {
            edit(data);
            Ok::<(), std::convert::Infallible>(())
        })
        .unwrap_or_default()
    }

    /// Like [`App::change`], for an edit a rule may refuse: then nothing changes at all.
    pub fn try_change<E>(
        &mut self,
        label: String,
        edit: impl FnOnce(&mut Data) -> Result<(), E>,
    ) -> Result<Vec<Effect>, E> {
        if let SaveState::ReadOnly(reason) = &self.save {
            let text = format!("{} {reason}", self.tr(Msg::ReadOnlyRefused));
            self.notify_error(text);
            return Ok(Vec::new());
        }
        let before = Arc::clone(&self.data);
        if let Err(error) = edit(Arc::make_mut(&mut self.data)) {
            // Putting the old pointer back is free, whatever the edit touched.
            self.data = before;
            return Err(error);
        }
        self.history.record(label, before);
        self.refresh_rows();
        self.save = SaveState::Saving;
        Ok(vec![Effect::Save])
    }
}
