//! What a key (or a click) asks the app to do.

use super::screen::Screen;
use crate::domain::tutoring::RequestStatus;

/// An intent, produced by the key table or the mouse, consumed by `update`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave the app (everything is already saved).
    Quit,
    /// Go to the next screen.
    NextScreen,
    /// Go to the previous screen.
    PreviousScreen,
    /// Go to a given screen.
    Show(Screen),
    /// Move the selection up.
    Up,
    /// Move the selection down.
    Down,
    /// Move left (previous pane or column).
    Left,
    /// Move right (next pane or column).
    Right,
    /// A page up.
    PageUp,
    /// A page down.
    PageDown,
    /// To the first row.
    Top,
    /// To the last row.
    Bottom,
    /// Open the selected row.
    Open,
    /// Go back or close.
    Back,
    /// Filter the list in view.
    Filter,
    /// Show or hide the help.
    Help,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Choose the current cohort.
    PickCohort,
    /// Say who I am among the cohort's people.
    PickMe,
    /// Create a record.
    New,
    /// Edit the selected record.
    Edit,
    /// Delete the selected record (asks first).
    Delete,
    /// Copy the selected person's email to the clipboard.
    CopyEmail,
    /// Copy the selected person's phone number to the clipboard.
    CopyPhone,
    /// Write to the selected person in the mail client.
    Mail,
    /// Merge the selected person with a record of the same person.
    Merge,
    /// Export the records listed.
    Export,
    /// Import records from a file.
    Import,
    /// Change the order of the list.
    Sort,
    /// Change the grouping of the list.
    Group,
    /// In a form: share the focused field with the cohort, or stop sharing it.
    ToggleShare,
    /// Answer yes to a question.
    Yes,
    /// Answer no to a question.
    No,
    /// Save the form.
    Submit,
    /// Next form field.
    NextField,
    /// Form: clear the field being typed in (Ctrl-u, as in a shell); the filter box too.
    ClearField,
    /// Filter: remove the last word typed (Ctrl-w, as in a shell).
    DeleteWord,
    /// Form: complete the name being typed with the best candidate, else go to the next field.
    CompleteOrNext,
    /// Previous form field.
    PreviousField,
    /// Edit the field in `$EDITOR`.
    ExternalEditor,
    /// Welcome: explore the sample cohort.
    StartSample,
    /// Welcome: start an empty programme.
    StartEmpty,
    /// Welcome or settings: I am a trainer.
    RoleTrainer,
    /// Welcome or settings: I am a trainee.
    RoleTrainee,
    /// Change the role (trainer or trainee).
    SwitchRole,
    /// Modules: the seminars by date.
    ShowSeminars,
    /// Modules: the roll call of today's half-day.
    TodayRollCall,
    /// Modules: what needs a follow-up.
    ShowFollowUp,
    /// Export an attendance sheet (CSV and HTML).
    ExportSheet,
    /// Write the selected trainee's completion certificate.
    Certificate,
    /// Modules: edit the organisation's legal identity.
    EditOrganisation,
    /// Roll call: present.
    MarkPresent,
    /// Roll call: late, arriving now.
    MarkLate,
    /// Roll call: left early, now.
    MarkLeftEarly,
    /// Roll call: absent.
    MarkAbsent,
    /// Roll call: absent with a valid reason.
    MarkExcused,
    /// Roll call: everyone not marked yet is present.
    EveryonePresent,
    /// Roll call: a remark on the mark.
    Remark,
    /// Roll call: edit the time or the reason of the mark.
    EditMark,
    /// Roll call: seal the sheet, as who I am, with my code.
    Sign,
    /// Roll call: the selected trainee signs her line with her code.
    SignLine,
    /// Roll call: the corrections of the half-day (its history).
    ShowCorrections,
    /// Roll call: the selected trainee could not sign; record "signature manquante", with why.
    MissingSignature,
    /// Roll call: reset the selected trainee's code, with why; her next signature chooses one.
    ResetCode,
    /// Roll call: withdraw the seal the sheet stands under, with why, signed with my code.
    WithdrawSeal,
    /// Follow-up list: the follow-ups logged for the selected trainee.
    ListFollowUps,
    /// A mouse click at a cell.
    Click {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
    },
    /// The mouse wheel, up.
    ScrollUp,
    /// The mouse wheel, down.
    ScrollDown,
    /// Take the selected tutor request to this status (a form asks what the step needs).
    Move(RequestStatus),
    /// Tutor requests: show the next status only.
    CycleStatusFilter,
    /// Tutor requests: show the next tutor's only.
    CycleTutorFilter,
    /// Tutor requests: show the next trainee's only.
    CycleTraineeFilter,
    /// Write the cohort's calendar (.ics).
    ExportCalendar,
    // Knowledge circle.
    /// Circle: the drawing or the plain list.
    ToggleCircleView,
    /// Circle: enrol a trainee.
    Enrol,
    /// Circle: record that the selected trainee left.
    Depart,
    /// Circle: the offers and requests.
    ShowKnowledge,
    /// Circle: the exchanges.
    ShowExchanges,
    /// Circle: the selected trainee's path.
    ShowPath,
    /// Circle: the speaking round.
    ShowRound,
    /// Circle: the codevelopment session.
    ShowCodev,
    /// Circle: start or pause the timer.
    StartPause,
    /// Speaking round: the next speaker.
    NextSpeaker,
    /// Speaking round: the speaker passes.
    SkipSpeaker,
    /// Speaking round: draw another order.
    Redraw,
    /// Speaking round: a minute more per speaker.
    MoreTime,
    /// Speaking round: a minute less per speaker.
    LessTime,
    /// Codevelopment: the client is the person under the cursor.
    SetClient,
    /// Codevelopment: add or remove the person under the cursor as a consultant.
    ToggleConsultant,
    /// Codevelopment: begin the session, or end it.
    BeginCodev,
    /// Codevelopment: the next step.
    NextStep,
    /// Path: the next level on the competency.
    CycleLevel,
    /// Path: a note of evidence on the competency.
    AddEvidence,
    /// Path: the certification candidacy.
    EditCandidacy,
    /// Path: the funding.
    EditFunding,
    /// Path: another funding line.
    AddFunding,
    /// Sync with the team: commit, fetch, merge and push, on the disk thread.
    Sync,
    /// Sent by the event loop while a timer runs: time moved on.
    Tick,
    /// Import a sharing bundle.
    ImportBundle,
    /// A trainee: write her bundle for the training team.
    SendToTeam,
    /// The trainers: prepare the bundles of every trainee of the cohort.
    PrepareBundles,
    /// Choose the folder where bundles are written, in the folder picker.
    ChooseSendFolder,
    /// Folder picker: show the folder above.
    ParentFolder,
    /// Folder picker: take the folder shown.
    ChooseFolder,
    /// Open the user's own path ("Mon parcours").
    MyPath,
    /// Path: accept the proposal under the cursor.
    AcceptProposal,
    /// Path: decline the proposal under the cursor, with a reason.
    DeclineProposal,
    /// Open the merge screen.
    ShowConflicts,
    /// Merge screen: keep the first value.
    ChooseFirst,
    /// Merge screen: keep the second value.
    ChooseSecond,
    /// Save now (again, after a failed save).
    SaveNow,
    /// Write a copy of the data to another file.
    SaveElsewhere,
    /// The data file changed on disk: take it as it is now.
    Reload,
    /// The data file changed on disk: write this version over it.
    Overwrite,
}
