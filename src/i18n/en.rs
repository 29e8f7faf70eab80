//! The English table.

#[allow(clippy::enum_glob_use)] // the table names every key; the glob keeps it readable
use super::Msg::{self, *};

/// The English text of a key.
#[allow(clippy::too_many_lines, clippy::match_same_arms)] // a table: one arm per key, and two keys may share a word in one language
pub fn text(msg: Msg) -> &'static str {
    match msg {
        ScreenModules => "Modules",
        ScreenCircle => "Knowledge circle",
        ScreenContacts => "Peer contacts",
        ScreenTutoring => "Tutor requests",
        TabCircle => "Knowledge circle",
        TabContacts => "Peer contacts",
        TabTutoring => "Tutor requests",
        KeyStartSample => "explore the sample cohort",
        KeyStartEmpty => "start an empty programme",
        KeyRoleTrainer => "I am a trainer",
        KeyRoleTrainee => "I am a trainee",
        KeyQuit => "quit",
        KeyNameSpace => "Space",
        KeyNameEnter => "Enter",
        KeyNameEsc => "Esc",
        KeyNameBackTab => "Shift-Tab",
        KeyNamePageUp => "PgUp",
        KeyNamePageDown => "PgDn",
        KeyNameHome => "Home",
        KeyNameEnd => "End",
        KeyNameDelete => "Del",
        KeyNameBackspace => "Backspace",
        KeyNameCtrl => "Ctrl-",
        CliExists => {
            "{path} already exists; Cercle never replaces data. Choose another --data-dir, or move the file away first."
        }
        CliSampleWritten => "The sample cohort was written to {path}",
        CliEmptyWritten => "An empty programme was written to {path}",
        CliNetworkWritten => {
            "A synthetic network of {cohorts} cohorts (seed {seed}) was written to {path}"
        }
        CliNoBackups => "No backups yet in {dir}.",
        CliBackupDamaged => "(damaged: do not restore)",
        CliBackupSet => "{name}  taken {when}",
        CliBackupFile => "{name}  taken {when}, {size} kB",
        CliRestored => "Restored {name}.",
        CliRestoredKept => "Restored {name}; the data it replaced was kept as {path}.",
        CliWrittenTo => "Written to {path}",
        CliCheckError => "error",
        CliCheckWarning => "warning",
        CliCheckCounts => {
            "{path}: {cohorts} cohorts, {people} people, {errors} errors, {warnings} warnings"
        }
        CliSummaryCohort => "cohort",
        CliSummaryTrainees => "trainees",
        CliSummaryHeld => "half-days held",
        CliCommandValue => "COMMAND",
        CliUsage => "Usage:",
        CliCommands => "Commands:",
        CliArguments => "Arguments:",
        CliOptions => "Options:",
        CliPrintHelp => "Print help",
        CliPrintVersion => "Print version",
        CliHelpCommand => "Print this message or the help of the given subcommand",
        CliPossibleValues => "[possible values: {values}]",
        CliDefaultValue => "[default: {value}]",
        CliExamples => {
            "Examples:\n  cercle init --sample\n  cercle summary\n  cercle export attendance --format html -o sheet.html\n  cercle export certificate --trainee \"Camille Dubois\" -o certificate.html\n  cercle check --json\n  LANG=fr_FR.UTF-8 cercle --help"
        }
        CliErrUnknownArgument => "unexpected argument '{arg}' found",
        CliErrUnknownCommand => "unrecognized subcommand '{arg}'",
        CliErrInvalidValue => "invalid value '{value}' for '{arg}'",
        CliErrMissingValue => "a value is required for '{arg}' but none was supplied",
        CliErrMissing => "the following required arguments were not provided: {args}",
        CliErrConflict => "the argument '{arg}' cannot be used with '{other}'",
        CliErrTooMany => "unexpected value '{value}'",
        CliErrOther => "the command line is not understood",
        CliErrTip => "tip: a similar one exists: '{suggested}'",
        CliMoreHelp => "For more information, try '--help'.",
        CliNotADay => "{value} is not a day: write 2026-12-31 or 31/12/2026",
        CliNumberRange => "{value} is not a number from {min} to {max}",
        StoreNoDataDir => {
            "Cannot find where to keep Cercle's data (no home directory). Pass --data-dir DIR or set CERCLE_DATA_DIR."
        }
        StoreLocked => {
            "Cercle is already open in process {pid} (lock: {path}). Close it, or open read-only with --read-only."
        }
        StoreLockedUnknown => {
            "Cercle is already open in another process (lock: {path}). Close it, or open read-only with --read-only."
        }
        StoreLockedShort => "another Cercle (pid {pid}) has this data open",
        StoreReadOnly => {
            "Cercle was opened read-only (--read-only), so {path} was not changed. Save a copy elsewhere, or close Cercle and open it again without --read-only."
        }
        StoreDamaged => {
            "{path} is damaged and was not opened: {reason}{position}. It will not be overwritten."
        }
        StoreDamagedAt => " (line {line}, column {column})",
        StoreDamagedCopy => " A copy was set aside as {path}.",
        StoreDamagedRestore => " Restore the newest good backup with: cercle restore {name}",
        StoreDamagedNoBackup => {
            " No good backup was found: repair the file by hand, or start afresh with another --data-dir."
        }
        StoreFutureSchema => {
            "{path} was written by a newer Cercle (data version {found}; this one supports {supported}). It was opened read-only and will not be overwritten: update Cercle to edit it."
        }
        StoreTooNew => {
            "{path} was written by a newer Cercle (data version {found}; this one reads up to {supported}) and cannot be read. It was left untouched: update Cercle to open it."
        }
        StoreDamagedNotOverwritten => {
            "{path} is damaged, so Cercle will not overwrite it. Restore a backup first (cercle restore NAME), or save your work elsewhere."
        }
        StoreChangedOnDisk => {
            "{path} was changed by another program since Cercle opened it. Reload it, save elsewhere, or overwrite it."
        }
        StoreNoSuchBackup => {
            "There is no backup named {name} in {dir}. List the backups to see their names."
        }
        StoreBadBackup => "The backup {path} cannot be restored: {reason}. Choose another backup.",
        StoreDirNotWritable => {
            "{path} was not changed: the data directory cannot be written ({reason}). Save a copy elsewhere, or make the directory writable and open Cercle again."
        }
        StoreSave => {
            "{what} while saving {path} ({step}: {reason}). {path} was not changed and your work is still in memory. {advice}"
        }
        StoreIo => "Could not {action} {path}: {reason}. {advice}",
        StoreSerialize => {
            "Could not turn the data into JSON: {reason}. Nothing was written; your work is still in memory."
        }
        StoreActionLock => "lock",
        SaveNoSpace => "No space left on the device",
        SaveQuota => "Disk quota exceeded",
        SavePermission => "Permission denied",
        SaveReadOnlyDisk => "The disk is read-only",
        SaveFileTooLarge => "The file is larger than this system allows",
        SaveError => "Error",
        StepWriteTemp => "writing the temporary file",
        StepBackup => "backing up the previous version",
        StepReplace => "replacing the file",
        AdviceSpace => "Free some space, then try again.",
        AdviceFileSize => "Raise the file-size limit (ulimit -f) or save elsewhere.",
        AdvicePermission => "Check that the data directory belongs to you and is writable.",
        AdviceReadOnlyDisk => "Save elsewhere, on a writable disk.",
        AdviceOther => "Try again, or save elsewhere.",
        ReadOnlyRequested => "opened read-only (--read-only): nothing will be saved",
        ReadOnlyFuture => {
            "written by a newer Cercle (format {found}, this one knows {supported}): opened read-only; update Cercle to change it"
        }
        ReadOnlyDamaged => {
            "the data file is damaged: nothing will be saved until a backup is restored (cercle backups, cercle restore NAME)"
        }
        ReadOnlyNotWritable => {
            "the data directory cannot be written ({reason}): opened read-only, nothing will be saved; save a copy elsewhere"
        }
        StoreConverted => {
            "Data now kept as one document per cohort; the old file is kept in backups/"
        }
        SyncErrNotSetUp => {
            "{path} is not set up for sync yet: run `cercle sync init --remote URL` (see docs/sync.md)"
        }
        SyncErrMerge => {
            "the team's changes could not be merged, so nothing was changed here: {reason}. Update Cercle on every machine, then sync again"
        }
        GitMissing => {
            "the git program was not found; sync uses git to reach the team's repository: install it (e.g. `sudo apt install git`) and try again"
        }
        GitFailed => "git {args} failed: {message}",
        GitTimedOut => "git {args} gave no answer in {seconds} s and was stopped",
        GitCannotRun => "could not run git: {reason}",
        LookupUnknown => "no {kind} is called or numbered {query}",
        LookupAmbiguous => "{query} could be several {kind}s; give the id",
        LookupCandidates => ". Candidates: {list}",
        KindCohort => "cohort",
        KindTrainee => "trainee",
        KindPerson => "person",
        KindSeminar => "seminar",
        KindVenue => "venue",
        KindModule => "module",
        KindTrainer => "trainer",
        KindTopic => "topic",
        KindRequestWord => "request",
        ForgetTitle => "Forgetting {name} ({id}).",
        ForgetErasedFuture => "Erased everywhere: {list} will be removed.",
        ForgetErasedPast => "Erased everywhere: {list} were removed.",
        ForgetKept => {
            "Kept because the law requires it (signed attendance sheets, funders' and quality audits), with {name} replaced by the pseudonym {pseudonym} ({id}): {list}."
        }
        ForgetNameStill => {
            "The name still appears in {count} free text(s) written about others (notes, titles); edit them by hand."
        }
        ForgetConfirm => "Forget {name} for good? Type yes to confirm: ",
        ForgetNothingChanged => "nothing was changed",
        ForgetNoData => "there is no data file yet, so no one to forget",
        ForgetPartOfName => {
            "{query} is only part of {name}'s name: to forget someone, give their full name or their id ({id})"
        }
        ForgetDone => "{name} was forgotten in {path} and in {count} backup or recovery file(s).",
        ForgetLeftover => "This file may still hold {name}; check it and delete it if so: {path}",
        ForgetHistory => {
            "The sync history ({path}) and the team's repository still hold earlier versions that name {name}: rewriting them needs every clone of the team (see docs/sync.md, \"Forgetting a person\")."
        }
        ForgetCannotRead => "could not read the answer: {reason}",
        ForgotVenueHosted => "venue hosted",
        ForgotContact => "contact record",
        ForgotKnowledge => "offers and requests of knowledge",
        ForgotExchanges => "places in exchanges",
        ForgotRequests => "tutor requests",
        ForgotAssessments => "competency assessments",
        ForgotCandidacies => "certification candidacies",
        ForgotDepartures => "departures (reason erased)",
        ForgotFollowUps => "follow-up log entries (text erased)",
        ForgotFunding => "funding lines",
        ForgotRoster => "places on a cohort's roster",
        ForgotSeminars => "seminars run as trainer",
        ForgotMarks => "attendance marks (remarks erased)",
        ForgotSignatures => "signatures of attendance sheets",
        ForgotChanges => "changes to signed sheets",
        CliNoCohort => "the file holds no cohort yet",
        ReloadGone => "{path} no longer exists; overwrite writes it again",
        CliSummaryRate => "attendance",
        KeyUp => "move up",
        KeyDown => "move down",
        KeyLeft => "move left",
        KeyRight => "move right",
        KeyPageUp => "page up",
        KeyPageDown => "page down",
        KeyTop => "first row",
        KeyBottom => "last row",
        KeyChoose => "choose",
        KeyClose => "close",
        KeyYes => "yes",
        KeyNo => "no",
        KeySubmit => "save",
        KeyNextField => "next field",
        KeyPreviousField => "previous field",
        KeyExternalEditor => "edit in $EDITOR",
        KeyCancel => "cancel",
        KeyKeepFilter => "keep the filter",
        KeyClearFilter => "clear the filter",
        KeyNewPerson => "new person",
        KeyEditPerson => "edit",
        KeyDeletePerson => "delete",
        KeyScreenModules => "Modules screen",
        KeyScreenCircle => "Knowledge circle screen",
        KeyScreenContacts => "Peer contacts screen",
        KeyScreenTutoring => "Tutor requests screen",
        KeyNextScreen => "next screen",
        KeyPreviousScreen => "previous screen",
        KeyOpen => "open",
        KeyBack => "back, clear the filter",
        KeyFilter => "filter",
        KeyUndo => "undo",
        KeyRedo => "redo",
        KeyPickCohort => "cohort",
        KeySwitchRole => "switch role (trainer or trainee)",
        KeyHelp => "help",
        KeyPickMe => "say who I am",
        MePickerTitle => "Who are you?",
        YouAreNow => "You are {name} for Cercle now.",
        HelpTitle => "Keys",
        HelpGlobal => "Everywhere",
        HelpForm => "In a form",
        HelpFilter => "While filtering",
        HelpConfirm => "When asked a question",
        HelpWelcome => "Welcome screen",
        HelpPopup => "In a list popup",
        Saved => "saved",
        Saving => "saving…",
        Opening => "opening…",
        LoadStopped => {
            "Reading the data stopped unexpectedly; nothing was changed. Start Cercle again."
        }
        NotSaved => "not saved",
        ReadOnly => "read-only",
        SaveFailed => "Not saved; your work is kept in memory.",
        ReadOnlyRefused => "This change was not made: the data is open read-only.",
        PasteIgnored => "Pasted text ignored: no text field is open to take it.",
        PasteCut => "Only the first {limit} characters were pasted: this field holds no more.",
        FieldFull => "This field is full: it holds {limit} characters at most.",
        FormReadOnly => {
            "This form does not open: the data is open read-only, so it could not be saved."
        }
        ChangedOnDiskTitle => "The data file changed",
        ChangedOnDiskText => {
            "Another program changed cercle.json since Cercle opened it, so your last changes were not written over it. They are kept in memory."
        }
        ChangedOnDiskNotice => "Not saved: another program changed cercle.json.",
        ChangedOnDiskShort => "changed on disk",
        HelpChangedOnDisk => "When another program changed the data file",
        KeyReload => "reload the file (u brings yours back)",
        KeySaveElsewhere => "save a copy elsewhere",
        KeyOverwrite => "overwrite (theirs kept as a backup)",
        KeyDecideLater => "decide later (Ctrl-s asks again)",
        KeySaveNow => "save now, again after a failure",
        Reloading => "Reading the file again…",
        Reloaded => "Reloaded the file as the other program left it; u brings your version back.",
        ReloadedLabel => "reload from disk",
        ReloadFailed => "Could not reload: {reason}",
        CopySaved => "A copy was saved to {path}; cercle.json was not changed.",
        CopyFailed => "The copy was not saved: {reason}",
        SaveCopyTitle => "Save a copy (a name alone goes in the data folder)",
        Overwritten => "Saved over the other program's changes; they were kept as a backup.",
        NoCohort => "no cohort yet",
        FilterPrompt => "Filter",
        Loading => "Loading the data…",
        LoadFailed => "The data could not be opened",
        TooSmall => "Terminal too small. Make it at least 50×12.",
        WelcomeTitle => "Welcome to Cercle",
        WelcomeIntro => {
            "Cercle keeps a facilitator training cohort together: modules and attendance, the knowledge circle, peer contacts and tutor requests. No data file was found."
        }
        WelcomeRoleQuestion => "Are you a trainer or a trainee? (you can change it later with R)",
        WelcomeChoices => "What would you like to do?",
        RoleTrainer => "trainer",
        RoleTrainee => "trainee",
        RoleNotChosen => "not chosen yet",
        RecoveryQuestion => "Cercle stopped unexpectedly last time. Recover the work it kept?",
        RecoveredLabel => "recover the work kept after a crash",
        Recovered => "The work kept after the crash was recovered (u undoes it).",
        RecoveryDiscarded => "The recovery file was set aside; the saved data is open.",
        EmptyProgrammeTitle => "Facilitator of third places",
        RoleNow => "You are now a {role}.",
        NothingToUndo => "Nothing to undo.",
        NothingToRedo => "Nothing to redo.",
        Undone => "Undone: {what}",
        Redone => "Redone: {what}",
        SwitchedCohort => "switch to cohort {name}",
        ConfirmDeletePerson => "Delete {name} from the directory? (u undoes it)",
        DeletedPerson => "delete {name}",
        ConfirmDiscard => "Throw away what you typed?",
        ConfirmQuitUnsaved => {
            "Your last changes are not saved ({reason}). Quit anyway and lose them?"
        }
        FormHasErrors => "Some fields need fixing.",
        AddedPerson => "add {name}",
        EditedPerson => "edit {name}",
        ConfirmTitle => "Please confirm",
        CohortPickerTitle => "Choose the cohort",
        NewPersonTitle => "New person",
        EditPersonTitle => "Edit person",
        EmptyList => "Nothing here yet.",
        FieldName => "Name",
        FieldEmail => "Email",
        FieldPhone => "Phone",
        FieldCity => "City",
        FieldDepartement => "Département",
        FieldOrganisation => "Organisation",
        FieldNotes => "Notes",
        FieldRequired => "required",
        FieldBadEmail => "not an email address",
        FieldBadDepartement => "not a French département (01-95, 2A, 2B, 971-976)",
        FieldBadDate => "not a date: write YYYY-MM-DD or DD/MM/YYYY",
        FieldBadTime => "not a time: write HH:MM",
        FieldBadTimeRange => "two times: 09:00-12:30",
        FieldBadDays => "a number of days from 1 to 10",
        FieldPlaceKind => "Type of place",
        NoMatchSuggested => "No match suggested for now.",
        ColCode => "Code",
        ColModule => "Module",
        ColHours => "Hours",
        ColHalfDays => "Half-days",
        ColName => "Name",
        ColProject => "Project",
        ColPhase => "Phase",
        ColPlace => "Place",
        ColRole => "Role",
        ColCity => "City",
        ColSubject => "Subject",
        ColTrainee => "Trainee",
        ColStatus => "Status",
        ColAge => "Age",
        ColTrainees => "Trainees",
        ColAttendance => "Attendance",
        Confidential => "confidential",
        DaysShort => "d",
        CohortState => "Cohort",
        CannotStart => "cannot start yet ({n}/8)",
        Running => "running ({n}/12)",
        Full => "full (12/12)",
        OverFull => "over the limit ({n}/12)",
        PersonTrainee => "trainee",
        PersonTrainer => "trainer",
        PersonHost => "host",
        PersonStaff => "staff",
        PhaseCreation => "creation",
        PhaseDevelopment => "development",
        PhaseRepositioning => "repositioning",
        PlaceCoworking => "coworking",
        PlaceFablab => "fablab",
        PlaceSharedWorkshop => "shared workshop",
        PlaceCafe => "associative café",
        PlaceFarm => "farm third place",
        PlaceHybrid => "hybrid space",
        PlaceDigital => "digital hub",
        PlaceMedialab => "medialab",
        RequestOpen => "open",
        RequestAccepted => "accepted",
        RequestDeclined => "declined",
        RequestDuplicate => "duplicate",
        RequestDeferred => "deferred",
        RequestScheduled => "scheduled",
        RequestDone => "done",
        RequestCancelled => "cancelled",
        AddedSeminar => "add the seminar {modules}",
        EditedSeminar => "edit the seminar {modules}",
        AlreadySigned => "This half-day is already signed.",
        NothingToSign => "Nobody is marked yet: take the roll before signing.",
        NotEnrolled => "This trainee is not enrolled in the cohort.",
        SignedNeedsReason => "This half-day is signed: a change needs a reason.",
        ReasonNeeded => "A reason is needed to make a request {to}.",
        MarkFirst => "Mark this trainee first.",
        NothingToEdit => "A present mark has no time or reason to edit.",
        ChannelPhone => "phone",
        ChannelEmail => "email",
        ChannelInPerson => "in person",
        ChannelVideo => "video",
        EveryonePresentLabel => "everyone else present",
        MarkedPresentCount => "{n} marked present. Now the exceptions.",
        ExcuseTitle => "Reason of the absence",
        ExcuseIllness => "illness",
        ExcuseMedical => "medical appointment",
        ExcuseFamily => "family reason",
        ExcuseTransport => "transport problem",
        ExcuseWork => "work obligation",
        ExcuseOther => "other: type it…",
        ExportFailed => "The export could not be written: {reason}",
        Exported => "Written to {path}",
        FieldAfternoon => "Afternoon",
        FieldMorning => "Morning",
        FieldChangeReason => "Why the change",
        FieldChannel => "How",
        FieldDays => "Days",
        FieldModules => "Modules (codes)",
        FieldNotFound => "not found: check the spelling",
        FieldOutcome => "Outcome",
        FieldReason => "Reason",
        FieldRemark => "Remark",
        FieldStart => "First day",
        FieldTime => "Time",
        FieldTrainer => "Trainer",
        FieldVenue => "Venue",
        FollowUpLabel => "log a follow-up",
        RemarkLabel => "add a remark",
        MarkedLabel => "mark {name} {status}",
        SignedLabel => "sheet signed by {name}",
        KeyAddFollowUp => "log a follow-up",
        KeyCertificate => "completion certificate",
        KeyEditMark => "edit time or reason",
        KeyEditSeminar => "edit the seminar",
        KeyEveryonePresent => "everyone else present",
        KeyExportCohortSheet => "cohort attendance sheet (CSV, XLSX, HTML, PDF)",
        KeyExportSeminarSheet => "attendance sheet (CSV, XLSX, HTML, PDF)",
        KeyMarkAbsent => "absent",
        KeyMarkExcused => "excused",
        KeyMarkLate => "late",
        KeyMarkLeftEarly => "left early",
        KeyMarkPresent => "present",
        KeyNewSeminar => "new seminar",
        KeyOpenRollCall => "take the roll",
        KeyOpenSeminar => "open the seminar",
        KeyRemark => "remark",
        KeyShowFollowUp => "follow-up",
        KeyShowSeminars => "seminars",
        KeySign => "seal the sheet",
        KeyTodayRollCall => "today's roll call",
        NoHalfDayToday => "No half-day today.",
        NoHalfDayTodayNext => "No half-day today; the next one is on {date}.",
        StatusAbsent => "absent",
        StatusExcused => "excused",
        StatusLate => "late",
        StatusLeftEarly => "left early",
        StatusPresent => "present",
        ViewSeminars => "Seminars",
        ViewFollowUp => "Follow-up",
        ViewRollCall => "Roll call",
        MarkedCount => "{n} marked · {signed} signed · {absent} absent",
        SignedBy => "signed by {name} {time}",
        NotSigned => "not signed",
        WarnHoliday => "public holiday: {name}",
        WarnTrainerElsewhere => "the trainer is booked elsewhere at the same time",
        WarnTooManyPresent => "{present} present for {members} members",
        WarnMarkedInFuture => "marked before it took place",
        WarnSignedLate => "signed more than a day after it ended",
        WarnUnsigned => "past and not signed",
        ColDate => "Date",
        ColPeriod => "Half-day",
        ColTimes => "Times",
        ColVenue => "Venue",
        ColTrainer => "Trainer",
        ColSigned => "Sheet",
        ColTime => "Time",
        ColReason => "Reason",
        ColRemark => "Remark",
        ColConcern => "Needs attention",
        ColFollowUps => "Follow-ups",
        ColMyHours => "My hours",
        ColBlock => "Block",
        ConcernAbsences => "{n} unexcused absences in a row",
        ConcernLowRate => "attendance {rate} so far",
        UnsignedSheetItem => "sheet of {date} {period} not signed",
        PeriodMorning => "morning",
        PeriodAfternoon => "afternoon",
        VenueHost => "Host",
        VenueCapacity => "Capacity",
        MyProgress => {
            "My hours: {followed} of {planned} · {held} of the half-days held, {overall} of the programme"
        }
        CohortProgress => "Half-days held: {held} of {planned} · attendance {rate}",
        HelpSeminars => "Seminars",
        HelpSeminar => "A seminar",
        HelpRollCall => "Roll call",
        HelpFollowUp => "Follow-up",
        NewSeminarTitle => "New seminar",
        EditSeminarTitle => "Edit the seminar",
        FormTitle => "Details",
        FollowUpTitle => "Follow-up",
        KeyNewRequest => "ask for tutoring",
        KeyAccept => "accept",
        KeyDecline => "decline",
        KeyMarkDuplicate => "duplicate",
        KeyDefer => "defer",
        KeySchedule => "schedule",
        KeyMarkDone => "done",
        KeyCancelRequest => "cancel the request",
        KeyExportCalendar => "export the calendar (.ics)",
        KeyFilterStatus => "status filter",
        KeyFilterTutor => "tutor filter",
        KeyFilterTrainee => "trainee filter",
        KeyDetail => "show in full / back",
        NewRequestTitle => "New tutor request",
        AcceptTitle => "Accept",
        DeclineTitle => "Decline",
        DuplicateTitle => "Mark as a duplicate",
        DeferTitle => "Defer",
        ScheduleTitle => "Schedule a session",
        DoneTitle => "Session done",
        CancelTitle => "Cancel the request",
        FieldSubject => "Subject",
        FieldTopic => "Module or block",
        FieldDescription => "Description",
        FieldUrgency => "Urgency",
        FieldFormat => "Format",
        FieldWindows => "Time windows",
        FieldTutor => "Tutor",
        FieldDuplicateOf => "Duplicate of",
        FieldUntil => "Until",
        FieldDate => "Date",
        FieldPlace => "Place",
        FieldSummary => "Summary",
        FieldNextSteps => "Next steps",
        FieldDatePast => "this day is already past",
        FieldNotAfterToday => "choose a day after today",
        FieldUnknownTopic => "no module or block has this code or title",
        FieldUnknownTrainer => "no trainer of the file has this name",
        FieldUnknownRequest => "no other request of the cohort has this id or subject",
        FieldAmbiguous => "several match: type more of it, or the id",
        FieldChoiceHint => "←/→ to choose",
        UrgencyLow => "low",
        UrgencyNormal => "normal",
        UrgencyUrgent => "urgent",
        FormatVisit => "visit on site",
        FormatCall => "call",
        FormatVideo => "video",
        WhoAreYouFirst => {
            "Who are you? Press i to say; requests are made and answered in your name."
        }
        OnlyTraineesAsk => "Tutor requests are made by trainees; the trainers receive them here.",
        OnlyTrainers => {
            "This is the training team's to do, as they keep the requests; yours stays visible here."
        }
        CannotBecome => "A request that is {from} cannot become {to}.",
        DuplicateOfItself => "A request cannot be a duplicate of itself.",
        SummaryNeeded => "A summary of the session is needed.",
        NoCohortYet => "There is no cohort yet to ask in.",
        RequestAdded => "ask for tutoring: {subject}",
        RequestMoved => "{subject}: {from} → {to}",
        CalendarExported => "Calendar written to {path}",
        ColUrgency => "!",
        DetailTopic => "About",
        DetailWindows => "Windows",
        DetailTutor => "Tutor",
        DetailSession => "Session",
        DetailOutcome => "Outcome",
        DetailNextSteps => "Next steps",
        DetailDeferredTo => "Deferred to",
        DetailDuplicateOf => "Duplicate of",
        DetailAsked => "asked {n}",
        SuggestionsTitle => "Suggested tutors",
        HistoryTitle => "History",
        NoHistoryYet => "No step yet.",
        NoSuggestion => "No trainer to suggest.",
        Overdue => "urgent, unanswered for {n} days",
        FilterStatusNow => "status: {value}",
        FilterTutorNow => "tutor: {value}",
        FilterTraineeNow => "trainee: {value}",
        KmAway => "{km} km",
        DistanceUnknown => "distance unknown",
        OpenRequestsNone => "no open request",
        OpenRequestsOne => "1 open request",
        OpenRequestsMany => "{n} open requests",
        CalendarSeminar => "Seminar: {modules}",
        CalendarSeminarNote => "Cohort {cohort}, with {trainer}",
        CalendarTutoring => "Tutoring: {subject}",
        CalendarTutoringNote => "Trainee: {trainee}\nTutor: {tutor}\nFormat: {format}",
        // Knowledge circle screen.
        LeftShort => "left {date}",
        NotATrainee => "{name} is not a trainee of this cohort",
        EnrolTwice => "{name} is already enrolled in this cohort",
        EnrolFull => {
            "the cohort is full: it already holds 12 trainees, the most a session may hold"
        }
        AlreadyLeft => "Already left on {date}.",
        ByTag => "same tag",
        ByWords => "shared words: {words}",
        CandidacyApplying => "applying",
        CandidacyCertified => "certified",
        CandidacyLabel => "certification candidacy",
        CandidacyNotApplying => "not applying",
        CandidacyNotCertified => "not certified",
        CandidacySubmitted => "file submitted",
        CandidacyTitle => "Certification candidacy",
        Certification => "Certification",
        CodevClient => "client",
        CodevConsultant => "consultant",
        CodevDone => "The session is over. Thank you all.",
        CodevNoClient => "Choose the client first (Enter).",
        CodevSize => "{n} people: a codevelopment session takes 4 to 8.",
        CodevSetup => {
            "Client: {client} · {n} people (4 to 8) · Enter client, m consultant, b begin"
        }
        CodevUnderWay => "Client: {client} · {n} consultants · +/- step minutes, e notes",
        ColAbout => "About",
        ColCompetency => "Competency",
        ColEvaluation => "Evaluation",
        ColEvidence => "Evidence",
        ColFormat => "Format",
        ColKind => "Kind",
        ColLevel => "Level",
        ColMatch => "⇄",
        ColPeople => "People",
        ColTag => "Tag",
        ColTitle => "Title",
        ColTraining => "Training",
        ColWho => "Who",
        ConfidentialNo => "no",
        ConfidentialYes => "yes (never exported)",
        ConfirmDeleteKnowledge => "Delete \"{title}\"?",
        DeletedKnowledge => "offer or request deleted",
        DepartedLabel => "departure of {name}",
        DepartureTitle => "Departure",
        EditKnowledgeTitle => "Edit the offer or request",
        EnrolRefused => "Not enrolled: {reason}.",
        EnrolTitle => "Enrol a trainee",
        EnrolledLabel => "{name} enrolled",
        EvaluateAfter => "An exchange is evaluated after it took place.",
        EvaluateTitle => "Evaluation of the exchange",
        EvaluatedLabel => "exchange evaluated",
        EvidenceLabel => "evidence added",
        EvidenceSourceTitle => "The evidence rests on…",
        EvidenceTitle => "Evidence",
        ExchangedWith => "Exchanged with",
        FieldAmount => "Amount (EUR)",
        FieldBadAmount => "a whole number of euros, e.g. 3500",
        FieldConfidential => "Confidential",
        FieldKind => "Offer or request",
        FieldNote => "Note",
        FieldPeople => "People",
        FieldPhase => "Phase",
        FieldProjectName => "Project",
        FieldSource => "Paid by",
        FieldStatus => "Status",
        FieldTag => "Module or block",
        FieldTitle => "In a few words",
        FieldUseful => "Useful?",
        FieldWhose => "Whose",
        FormatOneToMany => "one to many",
        FormatOneToOne => "one to one",
        FormatTogether => "built together",
        Funding => "Funding",
        FundingGranted => "granted",
        FundingLabel => "funding",
        FundingPaid => "paid",
        FundingRefused => "refused",
        FundingRequested => "requested",
        FundingTitle => "Funding",
        HelpCodev => "Codevelopment",
        HelpExchanges => "Exchanges",
        HelpKnowledge => "Offers and requests",
        HelpPath => "A trainee's path",
        HelpRound => "Speaking round",
        HoursFollowed => "{followed} followed of {planned}",
        InTraining => "in training",
        KeyAddEvidence => "add evidence",
        KeyAddFunding => "another funding line",
        KeyBeginCodev => "begin / end",
        KeyCycleLevel => "next level",
        KeyDeleteKnowledge => "delete",
        KeyDepart => "record a departure",
        KeyEditCandidacy => "candidacy",
        KeyEditFunding => "funding",
        KeyEditKnowledge => "edit",
        KeyEnrol => "enrol a trainee",
        KeyEvaluate => "evaluate",
        KeyLessTime => "a minute less each",
        KeyMoreTime => "a minute more each",
        KeyNewKnowledge => "new offer or request",
        KeyNextSpeaker => "next",
        KeyNextStep => "next step",
        KeyPutInTouch => "put in touch",
        KeyRedraw => "draw again",
        KeySetClient => "client",
        KeyShowCodev => "codevelopment",
        KeyShowExchanges => "exchanges",
        KeyShowKnowledge => "offers & requests",
        KeyShowPath => "path",
        KeyShowRound => "speaking round",
        KeySkipSpeaker => "skip",
        KeyStartPause => "start / pause",
        KeyToggleCircleView => "circle / list",
        KeyToggleConsultant => "consultant",
        KindOffer => "offer",
        KindRequest => "request",
        LeftOn => "left on {date}: {reason}",
        LevelAcquired => "acquired",
        LevelInProgress => "in progress",
        LevelLabel => "competency {level}",
        LevelNotStarted => "not started",
        MatchLine => "{giver} offers \"{title}\" to {taker}",
        MatchTitle => "Put in touch",
        MoreMatches => " · {n} more",
        NewKnowledgeTitle => "New offer or request",
        NewPersonOption => "+ a new person…",
        NoExchangeYet => "no exchange yet",
        NoFunding => "none recorded",
        NoSource => "— no record",
        NotYetLegend => "has not brought an offer and a request yet",
        NothingYet => "nothing yet",
        OfferLabel => "offer \"{title}\"",
        Offers => "Offers",
        OnlyYourOwn => "You can change your own offers and requests only.",
        PutInTouchLabel => "put in touch",
        PutInTouchTitle => "Put in touch: the exchange",
        RequestLabel => "request \"{title}\"",
        Requests => "Requests",
        RoundDone => "Everyone had their turn.",
        RoundTitle => "Speaking order · {minutes} min each",
        Since => "since {date}",
        SourceEmployer => "employer",
        SourceExchange => "exchange",
        SourceFranceTravail => "France Travail",
        SourceOpco => "OPCO",
        SourceOther => "other",
        SourceSelf => "self-funded",
        SourceSeminar => "seminar",
        SourceTutorRequest => "tutor request",
        Speaking => "Speaking",
        StepActionPlan => "Action plan",
        StepClarify => "Clarify",
        StepConsult => "Consult",
        StepContract => "Contract",
        StepExpose => "Expose",
        StepLearnings => "Learnings",
        Suggested => "Suggested",
        TimeLeft => "{time} left",
        TimeOver => "over by {time}",
        TimeUp => "Time is up for {name}.",
        TimerPaused => "paused",
        TimerRunning => "running",
        ToEvaluate => "to evaluate",
        TrainersKeepPaths => "The trainers keep the paths; ask yours to update it.",
        TurnSkipped => "passed",
        TurnSpoke => "spoke",
        Upcoming => "upcoming",
        UsefulNo => "not useful",
        UsefulYes => "useful",
        ViewCodev => "Codevelopment",
        ViewExchanges => "Exchanges",
        ViewKnowledge => "Offers and requests",
        ViewPath => "Competencies",
        KeyToggleShare => "shared or not",
        KeyCopyEmail => "copy email",
        KeyCopyPhone => "copy phone",
        KeyMail => "write an email",
        KeyMerge => "merge with a duplicate",
        KeySort => "sort",
        KeyGroup => "group by cohort or role",
        KeyExport => "export the list (vCard)",
        KeyImport => "import contacts (vCard or CSV)",
        ExportWritten => "Exported to {path}",
        Imported => "{path}: {added} added, {updated} updated, {skipped} skipped, {failed} refused",
        ImportLabel => "import {path}",
        NoEmail => "{name} has no email address.",
        NoPhone => "{name} has no phone number.",
        Copied => "Copied {what} (through the terminal's clipboard).",
        NoDuplicate => "No other record of {name} (same email or same name).",
        SeveralDuplicates => "{n} look-alike records; merging with the first.",
        MergeBoth => "both",
        MergedPeople => "merge {other} into {name}",
        MergeTitle => "Merge two records (Space chooses)",
        ImportTitle => "Import contacts",
        FieldFile => "File",
        FieldPronouns => "Pronouns",
        FieldRole => "Role",
        FieldJob => "Job",
        FieldWebsite => "Website",
        FieldProject => "Project",
        FieldTags => "Skills, tags",
        FieldShared => "Shared",
        MailOpened => "Opening the mail client for {what}…",
        NoMailOpener => "No xdg-open here to open a mail client; y copies the address instead.",
        IsShared => "shared",
        NotShared => "not shared",
        SortName => "by name",
        SortCohort => "by cohort",
        SortDistance => "nearest first",
        SortNoMe => "nearest first (say who you are with i)",
        BestMatch => "best match first",
        GroupedByCohort => "by cohort",
        GroupedByRole => "by role",
        ColCohort => "Cohort",
        NoCohortGroup => "no cohort",
        DetailCohorts => "Cohorts",
        CardHint => "Esc closes the card",
        // Sync with the team.
        SyncFirstCommit => "First version of the programme's data",
        SyncOtherChanges => "Other changes",
        SyncMore => "and {count} more",
        SyncProgramme => "programme updated",
        SyncPersonOne => "person",
        SyncPersonMany => "people",
        SyncVenueOne => "venue",
        SyncVenueMany => "venues",
        SyncCohortOne => "cohort",
        SyncCohortMany => "cohorts",
        SyncSeminarOne => "seminar",
        SyncSeminarMany => "seminars",
        SyncRequestOne => "tutor request",
        SyncRequestMany => "tutor requests",
        SyncKnowledgeOne => "knowledge offer or request",
        SyncKnowledgeMany => "knowledge offers and requests",
        SyncExchangeOne => "exchange",
        SyncExchangeMany => "exchanges",
        SyncFollowUpOne => "follow-up",
        SyncFollowUpMany => "follow-ups",
        SyncFundingOne => "funding line",
        SyncFundingMany => "funding lines",
        SyncCandidacyOne => "certification candidacy",
        SyncCandidacyMany => "certification candidacies",
        SyncAssessmentOne => "competency assessment",
        SyncAssessmentMany => "competency assessments",
        SyncDepartureOne => "departure",
        SyncDepartureMany => "departures",
        SyncConflictOne => "conflict",
        SyncConflictMany => "conflicts",
        SyncAdded => "{count} {what} added",
        SyncUpdated => "{count} {what} updated",
        SyncRemoved => "{count} {what} removed",
        SyncFound => "{count} {what} waiting for a choice",
        SyncSettled => "{count} {what} settled",
        SyncSigned => "Roll call {day} {period} signed by {who}",
        SyncMarksOne => "Roll call {day} {period}: {count} mark",
        SyncMarksMany => "Roll call {day} {period}: {count} marks",
        SyncMergeCommit => "Sync with the team: {what}",
        SyncSettingsCommit => "Sync set up for this data directory",
        KeySync => "sync with the team",
        SyncNotSetUp => "Sync is not set up: run cercle sync init --remote URL (see docs/sync.md).",
        SyncRunning => "Syncing with the team…",
        SyncForTrainers => {
            "Sync is for the trainer team. To send your work: E (send to the team); to take in theirs: B."
        }
        SyncQuitWaits => "A sync is running; Cercle will close when it ends.",
        SyncAlreadyRunning => "A sync is already running.",
        SyncWaitsForSave => "No sync while the last save failed: {reason}",
        SyncPushed => "Synced with the team.",
        SyncUpToDate => "Up to date with the team.",
        SyncOffline => {
            "The team could not be reached ({reason}): your changes are kept in the local history and go out at the next sync."
        }
        SyncLocalOnly => "Kept in the local history: no team repository is set.",
        SyncReceived => "The team's changes are in.",
        SyncConflictsWaiting => "Conflicts waiting for a choice: {count}.",
        SyncFailed => "Sync failed: {reason}",
        SyncHeader => "synced {when}",
        SyncNever => "never synced",
        SyncHeaderRunning => "syncing…",
        SyncHeaderConflicts => "conflicts: {count}",
        RecordProgramme => "Programme",
        RecordCohort => "Cohort",
        RecordVenue => "Venue",
        RecordPerson => "Person",
        RecordSeminar => "Seminar",
        RecordKnowledge => "Offer or request",
        RecordExchange => "Exchange",
        RecordTutorRequest => "Tutor request",
        ConflictDeleted => "(deleted)",
        BundleTheTrainers => "the trainers",
        BundleHeader => "Bundle from {who} for {whom}, cohort {cohort}, made {when}",
        BundleNothingNew => "Nothing new: everything in this bundle is already here.",
        BundleAdds => "Will be added ({n}):",
        BundleChanges => "Will be changed ({n}):",
        BundleRemoves => "Will be removed ({n}):",
        BundleConflicts => "Changed on both sides, to choose ({n}):",
        BundleIgnored => "Not theirs to change, left as is ({n}):",
        FolderUnreadable => "Cannot read the folder {folder}: {why}",
        KeyChooseSendFolder => "choose the folder bundles are written to",
        KeyEnterFolder => "open the folder",
        KeyParentFolder => "folder above",
        KeyChooseFolder => "choose this folder",
        HelpFolderPicker => "Folder for bundles",
        FolderPickerTitle => "Folder for bundles: {folder}",
        NoSubfolder => "No folder inside. Press c to choose this one.",
        SendFolderChosen => "Bundles will be written to {folder}.",
        NoPathMatch => "Nothing in that folder starts like {typed}.",
        PathCandidates => "Tab: {names}",
        PathMore => " and {n} more",
        BundleOwnAnswer => {
            "a trainee's bundle cannot answer her own proposal; only her trainers accept or decline it"
        }
        BundleTruncated => {
            "The bundle is truncated: it ends at line {line}, column {column}. Nothing was written."
        }
        BundleNotABundle => {
            "This is not a Cercle bundle (see line {line}, column {column}). Nothing was written."
        }
        BundleNewer => {
            "This bundle has format version {version}; this Cercle reads up to {known}. Update Cercle. Nothing was written."
        }
        BundleTampered => {
            "This bundle was changed after it was made: its content does not match its hash. Nothing was written."
        }
        BundleOtherCohort => {
            "This bundle is for cohort {cohort}, which is not in this data. Nothing was written."
        }
        BundleNotForYou => "This bundle is for {whom}, not for you. Nothing was written.",
        BundleImported => {
            "Imported: {added} added, {changed} changed, {removed} removed, {conflicts} to choose."
        }
        BundleDryRun => "Dry run: nothing was written.",
        CannotReadFile => "Cannot read {path}: {reason}.",
        NoFileThere => "there is no file there",
        IsAFolder => "it is a folder, not a file",
        NotAllowed => "permission denied",
        OutputCut => " … [cut: {count} more characters]",
        CsvNoNameColumn => {
            "the CSV header has no column for the name (\"name\" or \"nom\"); the columns found are {found} (separated by commas or by semicolons, as read from the header line)"
        }
        CertificateNothingHeld => {
            "{whom}: no half-day of {cohort} was held by {day}, so there is nothing to certify yet"
        }
        CertificateWritten => "{path}: certificate for {whom}",
        WorkbookToTerminal => {
            "an XLSX workbook is not text to show on a terminal: write it to a file with -o FILE.xlsx, or redirect the output"
        }
        CannotWriteOutput => "Cannot write to standard output: {reason}.",
        NoTerminal => {
            "The app needs a terminal to draw in and read keys from, and standard input or output is not one. The commands work anywhere: cercle --help."
        }
        NothingWritten => {
            "Nothing was written: {reason}. {path} is intact, as it was before this command. Run the command again once that is fixed."
        }
        DiskFull => "the disk is full",
        DiskReadOnly => "the disk is read-only",
        FileTooBig => "the file would pass the size limit set on this system (ulimit -f)",
        NoDataToRead => {
            "There is no data file in {dir} yet. Check the directory (--data-dir, $CERCLE_DATA_DIR), or create one: cercle init --sample, or open the app."
        }
        WordHalfDay => "half-day",
        WordAttendance => "attendance",
        WordHistory => "history",
        WordSignature => "signature",
        SyncCommitted => "Committed: {subject}",
        SyncNothingToCommit => "Nothing new to commit here.",
        SyncAddRemote => "Add one with `cercle sync init --remote URL`.",
        SyncOpenToChoose => "Open Cercle to choose between the two values.",
        SyncStatusLine => {
            "Last sync with the team: {last}; {ahead} commit(s) to send, {behind} to merge."
        }
        SyncStatusNever => "never",
        SyncNoRemote => "No team repository is set.",
        SyncOpenElsewhere => {
            "Cercle is open on this data{process}: sync from the app ({key}), or quit it first."
        }
        BundleWritten => "{path}: bundle for {whom}",
        ThisMachine => "this machine",
        KeyForTrainers => {
            "“{what}” is the training team's to do: your copy holds only your part of the cohort."
        }
        KeyForTrainees => "“{what}” is for the trainees, from their own copy.",
        TrainersOnlyMark => "(trainers)",
        TraineesOnlyMark => "(trainees)",
        KeySendToTeam => "send to the team",
        KeyPrepareBundles => "prepare the bundles for the cohort",
        KeyMyPath => "my path",
        SendWhoAreYou => {
            "Cercle does not know which trainee you are yet: import the bundle your trainers gave you first (B)."
        }
        PrepareWhoAreYou => {
            "Say which trainer of this cohort you are first (i): the bundles carry who made them."
        }
        TraineeMakesNoTrainersBundles => {
            "A trainee's copy holds only her part of the cohort, so it cannot make the bundles the trainers send."
        }
        Sending => "Writing the bundle…",
        SendFailed => "The bundle was not written: {reason}",
        SentToTeam => {
            "Your bundle for your trainers is written:\n{path}\nSend this file to the training team (by mail or on a USB stick); Cercle sends nothing by itself."
        }
        BundlesPrepared => {
            "{n} bundles for the trainees are written into {folder}, one per trainee, each named after its trainee."
        }
        OfferMailDraft => "Open a mail draft to your trainers with this file?",
        MailSubject => "Cercle: bundle from {name}",
        MailBody => "Hello, here is my Cercle bundle: {path}",
        ConfirmBecomeTrainer => {
            "Use Cercle as a trainer? The footer and help then offer the trainers' keys (roll call, seminars, paths); your copy of the data does not change."
        }
        ConfirmBecomeTrainee => {
            "Use Cercle as a trainee? The footer and help then offer only a trainee's keys; your data does not change."
        }
        ConfirmBecomePerson => {
            "Be {name} for Cercle? Your requests, evaluations and bundles will then be made in this name."
        }
        RecordProposal => "Proposal on the path",
        ProposedLabel => "proposal for the trainers",
        ProposedNotice => {
            "Proposed: it goes to your trainers with your next bundle (E), and they accept or decline it."
        }
        SelfAssessmentTitle => "Where do you think you stand?",
        NoProposalWaiting => "No proposal waits on this competency.",
        ProposalAccepted => "proposal accepted",
        ProposalDeclined => "proposal declined",
        KeyAcceptProposal => "accept the proposal",
        KeyDeclineProposal => "decline the proposal (with a reason)",
        KeyProposeLevel => "say where I stand",
        KeyProposeEvidence => "propose evidence",
        KeptByTeam => "kept by the training team",
        Proposals => "Proposals",
        ProposalWaiting => "waiting: {what}",
        ProposalWasAccepted => "accepted: {what}",
        ProposalWasDeclined => "declined: {what} ({reason})",
        ProposalsWaiting => "{n} waiting (y accepts, x declines)",
        OwnPathOnly => {
            "On your copy, the path shown is yours: the others' paths are kept by the training team."
        }
        ToldTitle => "Sent to the team",
        KeptByTeamShort => "by the team",
        ShareTitle => "What do you share with the cohort?",
        SharingChosen => "what you share with the cohort",
        RollCallYourLine => "Your line: {status} · the sheet is kept by the training team",
        YourLine => "your line",
        CliSummaryTraineeCopy => {
            "Copy of {name}, trainee: it holds her own attendance only, so the rate is hers; the cohort's is kept by the training team."
        }
        CardOffers => "Offers",
        CardRequests => "Requests",
        CardExchanges => "Exchanges",
        EmailNotShared => "{name} does not share an email address with the cohort.",
        PhoneNotShared => "{name} does not share a phone number with the cohort.",
        OnlyParticipantsEvaluate => {
            "Only the people who took part in an exchange evaluate it, each for herself."
        }
        PreparedTitle => "Bundles for the trainees",
        KeyImportBundle => "import a sharing bundle",
        KeyShowConflicts => "conflicts to choose (merge screen)",
        KeyApplyImport => "import",
        KeyChooseFirst => "keep value 1",
        KeyChooseSecond => "keep value 2",
        ImportBundleLabel => "import the bundle from {who}",
        NoConflicts => "No conflict to choose.",
        ConflictChosen => "Kept {value} for {what}",
        ConflictsTitle => "Changed on both sides: choose",
        ConflictKept => "in the file now",
        ConflictBase => "before",
        PreviewTitle => "Import a sharing bundle",
        ImportBundleTitle => "Import a sharing bundle",
        HelpPreview => "Bundle import preview",
        HelpConflicts => "Merge screen",
        KeyStartFromBundle => "start from a bundle your trainers sent",
        VerifyLine => "{cohort} · {seminar} · {date} {period}: {what}",
        VerifyHolds => {
            "The attendance record holds: {cohorts} cohort(s), {lines} trainee signatures and {seals} seals checked ({problems} note(s))."
        }
        VerifyAltered => {
            "The attendance record was altered outside Cercle: {problems} problem(s) in {cohorts} cohort(s) ({lines} trainee signatures, {seals} seals)."
        }
        VerifyLineForged => {
            "{who}'s signature does not match their line (forged, or the line was edited)"
        }
        VerifyLineMoved => "{who}'s signature was made for another half-day ({from})",
        VerifyLineKey => "{who}'s signature was not made with their key",
        VerifyStatusChanged => {
            "{who}'s status changed outside Cercle: signed \"{expected}\", the file says \"{found}\""
        }
        VerifyTimeChanged => {
            "{who}'s time changed outside Cercle: signed {expected}, the file says {found}"
        }
        VerifySealBroken => "the sheet differs from what {who} sealed",
        VerifySealKey => "the seal was not made with {who}'s key",
        VerifyHistoryRemoved => {
            "corrections removed from the history: the seal covers {sealed}, {found} left"
        }
        VerifySealRemoved => "signed sheet without its seal: the seal was removed",
        VerifyChainBroken => "seal {seq} does not follow the cohort's previous seal",
        VerifySealsMissing => {
            "seals {from} to {to} missing before this half-day: a sealed half-day, a seal or its withdrawal was removed"
        }
        VerifyBeforeSeals => "signed before seals (an older Cercle): nothing to check",
        VerifyForgotten => {
            "someone on this sheet was forgotten (cercle forget): their line and the seal can no longer be checked"
        }
        FieldCode => "Personal code",
        FieldCodeAgain => "Code again",
        KeySignLine => "trainee signs (types their code)",
        LineSignedLabel => "{name} signed their line",
        SealedLabel => "Sheet sealed by {name}",
        SealWhoAreYou => {
            "Say who you are first (key i): the seal carries the name of who seals, never the planned trainer's in her place."
        }
        FieldSealRole => "Your part",
        SealRoleCoTrainer => "co-trainer",
        SealRoleSubstitute => "substitute for {planned}",
        SealWhoTitle => "Who seals this sheet?",
        SealNoTrainer => "This cohort has no trainer: add one before sealing.",
        SealUnmarked => "{n} without a status: {names}. S again to seal anyway.",
        CodeWrong => "Wrong code: nothing is signed.",
        CodePaused => "Too many wrong codes: this line waits until {time}.",
        CodeTooShort => "A code has at least 6 characters.",
        CodesDiffer => "The two codes differ: nothing is signed.",
        AbsentCannotSign => "Marked absent: no signature on this line.",
        LineAlreadySigned => "This line is signed already.",
        SignLineTitle => "{name} signs their line: code hidden",
        SealTitle => "Seal the sheet as {name}: your code",
        LineSignedAt => "✓ signed at {time}",
        MissingSignature => "signature missing",
        KeyCorrections => "corrections of the half-day",
        CorrectionsTitle => "Corrections after signing",
        NoCorrections => "No correction on this half-day.",
        WithdrawsCorrection => "withdraws correction {n}",
        CorrectionLine => "{at} {trainee}: {from} → {to} · {reason}{withdraws} · {by}",
        BundleSignedLines => "Lines they signed in their own Cercle ({n}):",
        BundleLineRecorded => "{when}: signature checked and recorded",
        BundleLineRefused => "{when}: signature refused, {why}",
        BundleNewKey => {
            "New signing key for {who}, fingerprint {fingerprint}: confirm it with them in person."
        }
        BundleKeyRefused => {
            "A signing key for {who} was refused (fingerprint {fingerprint}): another key of theirs is registered here."
        }
        SignRefusedForged => "it does not match the line (forged or altered)",
        SignRefusedKey => "it was not made with their registered key",
        SignRefusedDiffers => "they signed \"{signed}\", the sheet says \"{here}\"",
        SignRefusedSealed => "the sheet is sealed",
        SignRefusedAbsent => "they are marked absent",
        SignRefusedNotMarked => "they are not marked on this sheet",
        SignRefusedUnknown => "no such half-day here",
        SignRefusedAlready => "the line is signed already",
        OnlyTrainersSeal => "Only a trainer seals a sheet: sign your own line with g.",
        RecordAltered => {
            "The attendance record was altered: sheet {seminar}, {date} {period}{more}. Run cercle verify to see what differs."
        }
        RecordAlteredMore => " (and {n} more)",
        WarnAltered => "⚠ record altered outside Cercle (cercle verify)",
        KeyMissingSignature => "signature missing (with why)",
        KeyResetCode => "reset the trainee's code (with why)",
        MissingSignatureLabel => "Signature missing recorded for {name}",
        CodeResetLabel => "{name}'s code reset: their next signature chooses a new one",
        WithdrawnLabel => "Correction {n} withdrawn",
        NoCodeYet => "No code chosen yet: their first signature chooses it.",
        CodeResetLine => "{at} {trainee}: code reset · {reason} · {by}",
        MissingSignatureTitle => "Signature missing for {name}: why?",
        ResetCodeTitle => "Reset {name}'s code: why?",
        WithdrawTitle => "Withdraw correction {n}: why?",
        SealAgainNothing => "Sealed already, and nothing was corrected since.",
        KeyWithdrawSeal => "withdraw the seal (with why)",
        WithdrawSealTitle => "Withdraw the seal of {date} {period}: why? Your code signs it",
        SealWithdrawnLabel => {
            "Seal withdrawn by {name}, with the reason: correct the sheet, then seal it again (S)"
        }
        NoSealToWithdraw => "No seal stands on this sheet: nothing to withdraw.",
        SealLine => "{at} sealed by {sealer}",
        SealWithdrawalLine => "{at} seal withdrawn · {reason} · {by} (sealed {sealed} by {sealer})",
        SealWithdrawnHead => "seal withdrawn by {name} {time}: seal again with S",
        VerifyWithdrawalForged => {
            "{who}'s withdrawal of a seal does not match what it says (forged, or altered)"
        }
        VerifyWithdrawalKey => "the withdrawal of a seal was not made with {who}'s key",
        VerifyWithdrawalOrphan => "a withdrawal names seal {seq}, which this sheet does not have",
        KeyPrevHalfDay => "previous half-day",
        KeyNextHalfDay => "next half-day",
        NoMoreHalfDays => "No other half-day that way.",
        FollowUpThreshold => "threshold {threshold} %",
        ColAbsences => "Absences",
        NeverTakenItem => "roll of {date} {period} never taken (left out of the rates)",
        KeyListFollowUps => "follow-ups logged for the trainee",
        FollowUpsTitle => "Follow-ups logged",
        FollowUpLine => "{at} · {by} · {channel}: {outcome}",
        NoFollowUpYet => "No follow-up logged yet.",
        OwnFileRefused => {
            "{path} is one of Cercle's own files: nothing was written. Save the copy elsewhere, for example into {dir}."
        }
        OwnDataFileRefused => {
            "{path} is Cercle's own data file: save normally instead of saving a copy there."
        }
        OutputOwnFile => {
            "{path} is one of Cercle's own files: nothing was written. Export elsewhere, for example into {dir}."
        }
        OutputFolderMissing => {
            "the folder {folder} does not exist, so nothing was written. Create it first (mkdir -p {folder}), or write elsewhere."
        }
        SyncSplitLayout => {
            "{dir} keeps its data as one document per cohort, and the team's latest version is still one file (or the other way round), so nothing of the team's changes was taken. Open Cercle once with this version on the laptop that sent it (which updates its data), sync there, then sync here again"
        }
        SyncForeignPath => {
            "the team's repository holds {path}, which is not a file Cercle shares (only cercle.json, the documents in cercle/cohorts and cercle/people, .gitattributes and .gitignore are, as plain files), so nothing of the team's changes was taken. Remove it from the team's repository (git rm --cached), then sync again"
        }
        OrganisationTitle => "Legal identity: NDA (activity number), SIRET, who signs",
        KeyEditOrganisation => "organisation's identity (NDA, SIRET)",
        OrganisationSaved => "organisation's identity saved",
        FieldOrgName => "Legal name",
        FieldOrgNda => "NDA",
        FieldOrgNdaRegion => "NDA's region",
        FieldOrgSiret => "SIRET",
        FieldOrgAddress => "Address",
        FieldOrgRepresentative => "Representative",
        FieldOrgRepresentativeTitle => "Their title",
        FieldOrgCity => "Fait à (city)",
        FieldOrgQualiopi => "Qualiopi",
        FieldNdaDigits => "11 digits expected",
        FieldSiretDigits => "14 digits expected",
        FieldSiretCheck => "wrong check digit: a digit is mistyped",
        CheckSheetsLack => {
            "attendance sheets and certificates would lack the organisation's {field} (organisation.{key}); fill it in with O on the Modules screen"
        }
        CheckCertificatesLack => {
            "certificates would lack the organisation's {field} (organisation.{key}); fill it in with O on the Modules screen"
        }
        CheckOrganisationWrong => "the organisation's {field} is wrong: {why}",
        OwnFileIsLink => {
            "{path} is a symbolic link where Cercle expects its own file, so Cercle neither read nor wrote through it. Remove the link; if it pointed to your data, move that file into its place. Then open Cercle again."
        }
        ChoiceNotTyped => {
            "This field is a choice: ←/→ or Space change it; letters go into the text fields."
        }
        FieldNotABundle => "not a Cercle bundle: check the path",
        FieldUnreadableFile => "cannot be read: check the path",
        FormCandidates => "Did you mean: {names}? (Tab completes)",
        FormFullLabel => "Field: {label}",
        KeyCompleteOrNext => "next field/complete",
        KeyClearField => "clear the field",
        KeyClearFilterText => "clear what was typed",
        KeyDeleteWord => "remove the last word",
        FilterUnknownKey => {
            "\"{key}:\" is not a filter here; the keys are: {keys}. !word excludes."
        }
        FilterWordsOnly => "\"{key}:\" is not a filter here: type words, and !word to exclude.",
        FilterUnknownValue => "\"{value}\" finds nobody: accepted values are {values}.",
        CircleTooSmall => "a list: the names do not fit in a circle here",
        CircleNoBraille => "a list: this terminal cannot draw the circle (braille in config.toml)",
        MeMark => "(me)",
        RoundFromMorning => "Drawn from the {n} present at this morning's roll call.",
        RoundFromAfternoon => "Drawn from the {n} present at this afternoon's roll call.",
        RoundFromCohort => "No roll call taken today: drawn from the whole cohort ({n}).",
        ConfirmRedraw => {
            "Draw the speaking order again? This order is lost, with the turns taken ({n})."
        }
        SeminarDoubtsTitle => "Before saving this seminar, check:",
        SeminarDoubtsAsk => "Save it as it is? No goes back to the form to correct it.",
        DoubtHoliday => "· {date} is a public holiday ({name}).",
        DoubtTrainerBooked => {
            "· {trainer} already runs seminar {modules} ({cohort}) at the same time: {when}."
        }
        DoubtMoreThanPlanned => "· {n} half-days ({hours}) for the {planned} planned in {modules}.",
        KeyCodevNotes => "notes",
        KeyStepLonger => "a minute more for the step",
        KeyStepShorter => "a minute less for the step",
        ConfirmEndCodev => {
            "End {client}'s session now, at step {step} of 6? Its times and notes are kept."
        }
        CodevKept => "Codevelopment session kept",
        CodevNotesTitle => "Notes: {step}",
        CodevTotal => "{minutes} min in all",
        ForgotCodev => "places in codevelopment sessions",
        SourceCodev => "codevelopment",
        FaultEmpty => "the file is empty",
        CheckSchema => "schema: {pointer}: {message}",
        FaultInDocument => "{file}: {fault}{position}",
        FaultZeros => "the file contains only zero bytes, as a crash while writing can leave it",
        FaultByteOrderMark => {
            "the file starts with a byte-order mark (EF BB BF), which JSON does not allow; an editor probably added it"
        }
        FaultCutOff => "the file ends too early, as if it had been cut off ({detail})",
        FaultNotJson => "it is not valid JSON ({detail})",
        FaultNotShape => "it is JSON, but not the shape of a Cercle file ({detail})",
        FaultNeverWritten => {
            "data version {version} was never written by any Cercle, so it cannot be upgraded"
        }
        FaultUpgradeFailed => "upgrading from data version {from} failed: {detail}",
        FaultUpgradedNotShape => {
            "after upgrading it from data version {from}, it does not have the shape of a Cercle file ({detail})"
        }
        FaultIndexVersion => {
            "an index of the split layout must have schema_version {index}, not {found}"
        }
        FaultForeignFile => "the index names {file}, which is not a document of Cercle's",
        FaultPersonNowhere => "the index lists the person {id}, who is in no people file",
        FaultCohortMismatch => "{file} holds the cohort {holds}, but the index says {says}",
        FaultNewer => {
            "it was written by a newer Cercle (data version {found}; this one supports {supported})"
        }
    }
}
