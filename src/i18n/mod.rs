//! Every word the interface shows, one table per language, looked up by key.

mod en;
pub mod format;
mod fr;
pub mod help;
pub mod json;
pub mod numbers;
pub mod words;

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Français.
    Fr,
}

impl Lang {
    /// The language from the locale variables, in POSIX order of precedence: `LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG`. French when the first one set starts with `fr`.
    pub fn from_locale(get: impl Fn(&str) -> Option<String>) -> Self {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(get)
            .find(|v| !v.is_empty());
        match locale {
            Some(v) if v.to_ascii_lowercase().starts_with("fr") => Self::Fr,
            _ => Self::En,
        }
    }
}

macro_rules! messages {
    ($($name:ident),* $(,)?) => {
        /// A key into the language tables (by name in a recovery file's form).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[allow(missing_docs)]
        pub enum Msg { $($name),* }

        impl Msg {
            /// Every key, so that tests can check both tables.
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];
        }
    };
}

messages! {
    // Screens.
    ScreenModules, ScreenCircle, ScreenContacts, ScreenTutoring, TabCircle, TabContacts,
    TabTutoring,
    // Key labels.
    KeyStartSample, KeyStartEmpty, KeyRoleTrainer, KeyRoleTrainee, KeyQuit, KeyUp, KeyDown,
    KeyLeft, KeyRight, KeyPageUp, KeyPageDown, KeyTop, KeyBottom, KeyChoose, KeyClose, KeyYes,
    KeyNo, KeySubmit, KeyNextField, KeyPreviousField, KeyExternalEditor, KeyCancel,
    KeyKeepFilter, KeyClearFilter, KeyNewPerson, KeyEditPerson, KeyDeletePerson,
    KeyScreenModules, KeyScreenCircle, KeyScreenContacts, KeyScreenTutoring, KeyNextScreen,
    KeyPreviousScreen, KeyOpen, KeyBack, KeyFilter, KeyUndo, KeyRedo, KeyPickCohort,
    KeySwitchRole, KeyHelp, KeyPickMe, MePickerTitle, YouAreNow,
    // Key names.
    KeyNameSpace, KeyNameEnter, KeyNameEsc, KeyNameBackTab, KeyNamePageUp, KeyNamePageDown,
    KeyNameHome, KeyNameEnd, KeyNameDelete, KeyNameBackspace, KeyNameCtrl,
    // The command line's own words.
    CliExists, CliSampleWritten, CliEmptyWritten, CliNetworkWritten, CliNoBackups,
    CliBackupDamaged, CliBackupSet, CliBackupFile, CliRestored, CliRestoredKept, CliWrittenTo, CliCheckError,
    CliCheckWarning, CliCheckCounts, CliSummaryCohort, CliSummaryTrainees, CliSummaryHeld,
    CliSummaryRate,
    // clap's own words, and the command line's errors.
    CliUsage, ReloadGone, CliNoCohort, CliCommandValue, CliCommands, CliArguments, CliOptions, CliPrintHelp, CliPrintVersion, CliHelpCommand, CliPossibleValues, CliDefaultValue, CliExamples, CliErrUnknownArgument, CliErrUnknownCommand, CliErrInvalidValue, CliErrMissingValue, CliErrMissing, CliErrConflict, CliErrTooMany, CliErrOther, CliErrTip, CliMoreHelp, CliNotADay, CliNumberRange,
    // Help groups.
    HelpTitle, HelpGlobal, HelpForm, HelpFilter, HelpConfirm, HelpWelcome, HelpPopup,
    // Header and status.
    Saved, Saving, Opening, LoadStopped, NotSaved, ReadOnly, SaveFailed, ReadOnlyRefused, NoCohort, FilterPrompt,
    Loading, LoadFailed, TooSmall,
    // Input from the terminal: pastes, size limits, a read-only session's forms.
    PasteIgnored, PasteCut, FieldFull, FormReadOnly,
    // A data file changed by another program; saving elsewhere.
    ChangedOnDiskTitle, ChangedOnDiskText, ChangedOnDiskNotice, ChangedOnDiskShort, HelpChangedOnDisk, KeyReload,
    KeySaveElsewhere, KeyOverwrite, KeyDecideLater, KeySaveNow, Reloading, Reloaded,
    ReloadedLabel, ReloadFailed, CopySaved, CopyFailed, SaveCopyTitle, Overwritten,
    // Welcome and recovery.
    WelcomeTitle, WelcomeIntro, WelcomeRoleQuestion, WelcomeChoices, RoleTrainer, RoleTrainee,
    RoleNotChosen, RecoveryQuestion, RecoveredLabel, Recovered, RecoveryDiscarded,
    EmptyProgrammeTitle,
    // Changes.
    RoleNow, NothingToUndo, NothingToRedo, Undone, Redone, SwitchedCohort, ConfirmDeletePerson,
    DeletedPerson, ConfirmDiscard, ConfirmQuitUnsaved, FormHasErrors, AddedPerson, EditedPerson, ConfirmTitle,
    CohortPickerTitle, NewPersonTitle, EditPersonTitle, EmptyList,
    // Form fields.
    FieldName, FieldEmail, FieldPhone, FieldCity, FieldDepartement, FieldOrganisation,
    FieldNotes, FieldRequired, FieldBadEmail, FieldBadDepartement, FieldBadDate, FieldBadTime,
    FieldBadTimeRange, FieldBadDays,
    // Columns and details.
    ColCode, ColModule, ColHours, ColHalfDays, ColName, ColProject, ColPhase, ColPlace, ColRole,
    ColCity, ColSubject, ColTrainee, ColStatus, ColAge, ColTrainees, ColAttendance,
    Confidential, DaysShort, CohortState, CannotStart, Running, Full, OverFull,
    // Domain words.
    PersonTrainee, PersonTrainer, PersonHost, PersonStaff,
    PhaseCreation, PhaseDevelopment, PhaseRepositioning,
    PlaceCoworking, PlaceFablab, PlaceSharedWorkshop, PlaceCafe, PlaceFarm, PlaceHybrid,
    PlaceDigital, PlaceMedialab,
    RequestOpen, RequestAccepted, RequestDeclined, RequestDuplicate, RequestDeferred,
    RequestScheduled, RequestDone, RequestCancelled,
    // Modules screen.
    AddedSeminar, EditedSeminar, AlreadySigned, NothingToSign, NotEnrolled, ReasonNeeded, SignedNeedsReason, FieldPlaceKind, NoMatchSuggested, MarkFirst, NothingToEdit, ChannelPhone, ChannelEmail, ChannelInPerson, ChannelVideo, EveryonePresentLabel, MarkedPresentCount, ExcuseTitle, ExcuseIllness, ExcuseMedical, ExcuseFamily, ExcuseTransport, ExcuseWork, ExcuseOther, ExportFailed, Exported, FieldAfternoon, FieldMorning, FieldChangeReason, FieldChannel, FieldDays, FieldModules, FieldNotFound, FieldOutcome, FieldReason, FieldRemark, FieldStart, FieldTime, FieldTrainer, FieldVenue, FollowUpLabel, RemarkLabel, MarkedLabel, SignedLabel, KeyAddFollowUp, KeyCertificate, KeyEditMark, KeyEditSeminar, KeyEveryonePresent, KeyExportCohortSheet, KeyExportSeminarSheet, KeyMarkAbsent, KeyMarkExcused, KeyMarkLate, KeyMarkLeftEarly, KeyMarkPresent, KeyNewSeminar, KeyOpenRollCall, KeyOpenSeminar, KeyRemark, KeyShowFollowUp, KeyShowSeminars, KeySign, KeyTodayRollCall, NoHalfDayToday, NoHalfDayTodayNext, StatusAbsent, StatusExcused, StatusLate, StatusLeftEarly, StatusPresent, ViewSeminars, ViewFollowUp, ViewRollCall, MarkedCount, SignedBy, NotSigned, WarnHoliday, WarnTrainerElsewhere, WarnTooManyPresent, WarnMarkedInFuture, WarnSignedLate, WarnUnsigned, ColDate, ColPeriod, ColTimes, ColVenue, ColTrainer, ColSigned, ColTime, ColReason, ColRemark, ColConcern, ColFollowUps, ColMyHours, ColBlock, ConcernAbsences, ConcernLowRate, UnsignedSheetItem, PeriodMorning, PeriodAfternoon, VenueHost, VenueCapacity, MyProgress, CohortProgress, HelpSeminars, HelpSeminar, HelpRollCall, HelpFollowUp, NewSeminarTitle, EditSeminarTitle, FormTitle, FollowUpTitle,
    // Tutor requests.
    KeyNewRequest, KeyAccept, KeyDecline, KeyMarkDuplicate, KeyDefer, KeySchedule, KeyMarkDone,
    KeyCancelRequest, KeyExportCalendar, KeyFilterStatus, KeyFilterTutor, KeyFilterTrainee,
    KeyDetail, NewRequestTitle, AcceptTitle, DeclineTitle, DuplicateTitle,
    DeferTitle, ScheduleTitle, DoneTitle, CancelTitle, FieldSubject, FieldTopic,
    FieldDescription, FieldUrgency, FieldFormat, FieldWindows, FieldTutor,
    FieldDuplicateOf, FieldUntil, FieldDate, FieldPlace, FieldSummary,
    FieldNextSteps, FieldDatePast, FieldNotAfterToday,
    FieldUnknownTopic, FieldUnknownTrainer, FieldUnknownRequest, FieldAmbiguous,
    FieldChoiceHint, UrgencyLow, UrgencyNormal, UrgencyUrgent, FormatVisit, FormatCall,
    FormatVideo, WhoAreYouFirst, OnlyTraineesAsk, OnlyTrainers, CannotBecome,
    DuplicateOfItself, SummaryNeeded, NoCohortYet, RequestAdded, RequestMoved, CalendarExported,
    ColUrgency, DetailTopic, DetailWindows, DetailTutor, DetailSession,
    DetailOutcome, DetailNextSteps, DetailDeferredTo, DetailDuplicateOf, DetailAsked,
    SuggestionsTitle, HistoryTitle, NoHistoryYet, NoSuggestion, Overdue,
    FilterStatusNow, FilterTutorNow, FilterTraineeNow, KmAway, DistanceUnknown,
    OpenRequestsNone, OpenRequestsOne, OpenRequestsMany, CalendarSeminar,
    CalendarSeminarNote, CalendarTutoring, CalendarTutoringNote,
    // Knowledge circle screen.
    LeftShort,
    NotATrainee,
    EnrolTwice,
    EnrolFull,

    AlreadyLeft, ByTag, ByWords, CandidacyApplying, CandidacyCertified, CandidacyLabel,
    CandidacyNotApplying, CandidacyNotCertified, CandidacySubmitted, CandidacyTitle,
    Certification, CodevClient, CodevConsultant, CodevDone, CodevNoClient, CodevSize, CodevSetup,
    CodevUnderWay, ColAbout, ColCompetency, ColEvaluation, ColEvidence, ColFormat, ColKind,
    ColLevel, ColMatch, ColPeople, ColTag, ColTitle, ColTraining, ColWho, ConfidentialNo,
    ConfidentialYes, ConfirmDeleteKnowledge, DeletedKnowledge, DepartedLabel, DepartureTitle,
    EditKnowledgeTitle, EnrolRefused, EnrolTitle, EnrolledLabel, EvaluateAfter, EvaluateTitle,
    EvaluatedLabel, EvidenceLabel, EvidenceSourceTitle, EvidenceTitle, ExchangedWith,
    FieldAmount, FieldBadAmount, FieldConfidential, FieldKind, FieldNote,
    FieldPeople, FieldPhase, FieldProjectName, FieldSource, FieldStatus, FieldTag,
    FieldTitle, FieldUseful, FieldWhose, FormatOneToMany, FormatOneToOne, FormatTogether,
    Funding, FundingGranted, FundingLabel, FundingPaid, FundingRefused, FundingRequested,
    FundingTitle, HelpCodev, HelpExchanges, HelpKnowledge, HelpPath, HelpRound, HoursFollowed,
    InTraining, KeyAddEvidence, KeyAddFunding, KeyBeginCodev, KeyCycleLevel, KeyDeleteKnowledge,
    KeyDepart, KeyEditCandidacy, KeyEditFunding, KeyEditKnowledge, KeyEnrol, KeyEvaluate,
    KeyLessTime, KeyMoreTime, KeyNewKnowledge, KeyNextSpeaker, KeyNextStep, KeyPutInTouch,
    KeyRedraw, KeySetClient, KeyShowCodev, KeyShowExchanges, KeyShowKnowledge, KeyShowPath,
    KeyShowRound, KeySkipSpeaker, KeyStartPause, KeyToggleCircleView, KeyToggleConsultant,
    KindOffer, KindRequest, LeftOn, LevelAcquired, LevelInProgress, LevelLabel, LevelNotStarted,
    MatchLine, MatchTitle, MoreMatches, NewKnowledgeTitle, NewPersonOption, NoExchangeYet,
    NoFunding, NoSource, NotYetLegend, NothingYet, OfferLabel, Offers, OnlyYourOwn,
    PutInTouchLabel, PutInTouchTitle, RequestLabel, Requests, RoundDone, RoundTitle, Since,
    SourceEmployer, SourceExchange, SourceFranceTravail, SourceOpco, SourceOther, SourceSelf,
    SourceSeminar, SourceTutorRequest, Speaking, StepActionPlan, StepClarify, StepConsult,
    StepContract, StepExpose, StepLearnings, Suggested, TimeLeft, TimeOver, TimeUp, TimerPaused,
    TimerRunning, ToEvaluate, TrainersKeepPaths, TurnSkipped, TurnSpoke, Upcoming, UsefulNo,
    UsefulYes, ViewCodev, ViewExchanges, ViewKnowledge, ViewPath,
    // Peer contacts.
    KeyToggleShare, KeyCopyEmail, KeyCopyPhone, KeyMail, KeyMerge, KeySort, KeyGroup, KeyExport, KeyImport, ExportWritten, Imported, ImportLabel, NoEmail, NoPhone, Copied, NoDuplicate, SeveralDuplicates, MergeBoth, MergedPeople, MergeTitle, ImportTitle, FieldFile, FieldPronouns, FieldRole, FieldJob, FieldWebsite, FieldProject, FieldTags, FieldShared, MailOpened, NoMailOpener, IsShared, NotShared, SortName, SortCohort, SortDistance, SortNoMe, BestMatch, GroupedByCohort, GroupedByRole, ColCohort, NoCohortGroup, DetailCohorts, CardHint,
    // Sync with the team.
    SyncFirstCommit, SyncOtherChanges, SyncMore, SyncProgramme, SyncPersonOne, SyncPersonMany,
    SyncVenueOne, SyncVenueMany, SyncCohortOne, SyncCohortMany, SyncSeminarOne, SyncSeminarMany,
    SyncRequestOne, SyncRequestMany, SyncKnowledgeOne, SyncKnowledgeMany, SyncExchangeOne,
    SyncExchangeMany, SyncFollowUpOne, SyncFollowUpMany, SyncFundingOne, SyncFundingMany,
    SyncCandidacyOne, SyncCandidacyMany, SyncAssessmentOne, SyncAssessmentMany, SyncDepartureOne,
    SyncDepartureMany, SyncConflictOne, SyncConflictMany, SyncAdded, SyncUpdated, SyncRemoved,
    SyncSettled, SyncFound, SyncSigned, SyncMarksOne, SyncMarksMany, SyncMergeCommit,
    SyncSettingsCommit, KeySync, SyncNotSetUp, SyncForTrainers, SyncQuitWaits, SyncRunning, SyncAlreadyRunning, SyncWaitsForSave,
    SyncPushed, SyncUpToDate, SyncOffline, SyncLocalOnly, SyncReceived, SyncConflictsWaiting,
    SyncFailed, SyncHeader, SyncNever, SyncHeaderRunning, SyncHeaderConflicts,
    // Sharing bundles and conflicts.
    RecordProgramme, RecordCohort, RecordVenue, RecordPerson, RecordSeminar, RecordKnowledge, RecordExchange, RecordTutorRequest, ConflictDeleted, BundleTheTrainers, BundleHeader, BundleNothingNew, BundleAdds, BundleChanges, BundleRemoves, BundleConflicts, BundleIgnored, BundleOwnAnswer, FolderUnreadable, KeyChooseSendFolder, KeyEnterFolder, KeyParentFolder, KeyChooseFolder, HelpFolderPicker, FolderPickerTitle, NoSubfolder, SendFolderChosen, NoPathMatch, PathCandidates, PathMore, BundleTruncated, BundleNotABundle, BundleNewer, BundleTampered, BundleOtherCohort, BundleNotForYou, BundleImported, BundleDryRun, BundleWritten, ThisMachine, KeyStartFromBundle, KeyImportBundle, KeyShowConflicts, KeyApplyImport, KeyChooseFirst, KeyChooseSecond, ImportBundleLabel, NoConflicts, ConflictChosen, ConflictsTitle, ConflictKept, ConflictBase, PreviewTitle, ImportBundleTitle, HelpPreview, HelpConflicts,
    // The trainee's side: sending to the team, her path, her partial copy.
    KeyForTrainers,
    KeyForTrainees,
    TrainersOnlyMark,
    TraineesOnlyMark,
    KeySendToTeam,
    KeyPrepareBundles,
    KeyMyPath,
    SendWhoAreYou,
    PrepareWhoAreYou,
    TraineeMakesNoTrainersBundles,
    Sending,
    SendFailed,
    SentToTeam,
    BundlesPrepared,
    OfferMailDraft,
    MailSubject,
    MailBody,
    ConfirmBecomeTrainer,
    ConfirmBecomeTrainee,
    ConfirmBecomePerson,
    RecordProposal,
    ProposedLabel,
    ProposedNotice,
    SelfAssessmentTitle,
    NoProposalWaiting,
    ProposalAccepted,
    ProposalDeclined,
    KeyAcceptProposal,
    KeyDeclineProposal,
    KeyProposeLevel,
    KeyProposeEvidence,
    KeptByTeam,
    Proposals,
    ProposalWaiting,
    ProposalWasAccepted,
    ProposalWasDeclined,
    ProposalsWaiting,
    OwnPathOnly,
    ToldTitle,
    KeptByTeamShort,
    ShareTitle,
    SharingChosen,
    RollCallYourLine,
    YourLine,
    CliSummaryTraineeCopy,
    CardOffers,
    CardRequests,
    CardExchanges,
    EmailNotShared,
    PhoneNotShared,
    OnlyParticipantsEvaluate,
    PreparedTitle,
    // Files that cannot be read.
    CannotReadFile, NoFileThere, IsAFolder, NotAllowed,
    // The command line's output, and what it says outside a terminal.
    OutputCut, CannotWriteOutput, NoTerminal, NothingWritten, DiskFull, DiskReadOnly,
    FileTooBig, NoDataToRead,
    // Reading a contacts CSV file.
    CsvNoNameColumn,
    // Completion certificates.
    CertificateNothingHeld, CertificateWritten,
    // A workbook asked for on a terminal.
    WorkbookToTerminal,
    // Fields of records, in conflicts and previews.
    WordHalfDay, WordAttendance, WordHistory, WordSignature,
    // `cercle sync` on the command line.
    SyncCommitted, SyncNothingToCommit, SyncAddRemote, SyncOpenToChoose, SyncStatusLine,
    SyncStatusNever, SyncNoRemote, SyncOpenElsewhere,
    // `cercle verify`: the signed record.
    VerifyLine, VerifyHolds, VerifyAltered, VerifyLineForged, VerifyLineMoved, VerifyLineKey,
    VerifyStatusChanged, VerifyTimeChanged, VerifySealBroken, VerifySealKey, VerifyHistoryRemoved,
    VerifySealRemoved, VerifyChainBroken, VerifySealsMissing, VerifyBeforeSeals, VerifyForgotten,
    // Signing in the roll call.
    FieldCode, FieldCodeAgain, KeySignLine, LineSignedLabel, SealedLabel, SealWhoAreYou,
    SealWhoTitle, SealNoTrainer, FieldSealRole, SealRoleCoTrainer, SealRoleSubstitute,
    SealLine,
    SealUnmarked, CodeWrong, CodePaused, CodeTooShort, CodesDiffer, AbsentCannotSign,
    LineAlreadySigned, SignLineTitle, SealTitle, LineSignedAt, MissingSignature, KeyCorrections,
    CorrectionsTitle, NoCorrections, WithdrawsCorrection, CorrectionLine,
    // Signatures carried by bundles.
    BundleSignedLines, BundleLineRecorded, BundleLineRefused, BundleNewKey, BundleKeyRefused,
    SignRefusedForged, SignRefusedKey, SignRefusedDiffers, SignRefusedSealed, SignRefusedAbsent,
    SignRefusedNotMarked, SignRefusedUnknown, SignRefusedAlready, OnlyTrainersSeal,
    // The record checked after loading.
    RecordAltered, RecordAlteredMore, WarnAltered,
    // Reasons recorded beside the signatures.
    KeyMissingSignature, KeyResetCode, MissingSignatureLabel, CodeResetLabel, WithdrawnLabel,
    NoCodeYet, CodeResetLine, MissingSignatureTitle, ResetCodeTitle, WithdrawTitle, SealAgainNothing,
    // A seal withdrawn, never erased.
    KeyWithdrawSeal, WithdrawSealTitle, SealWithdrawnLabel, NoSealToWithdraw, SealWithdrawalLine,
    SealWithdrawnHead, VerifyWithdrawalForged, VerifyWithdrawalKey, VerifyWithdrawalOrphan,
    KeyPrevHalfDay, KeyNextHalfDay, NoMoreHalfDays,
    // The follow-up list as evidence.
    FollowUpThreshold, ColAbsences, NeverTakenItem, KeyListFollowUps, FollowUpsTitle, FollowUpLine,
    NoFollowUpYet,
    // Errors of the store, of sync, and of finding a record; `cercle forget`.
    StoreNoDataDir, StoreLocked, StoreLockedUnknown, StoreLockedShort, StoreReadOnly, StoreDamaged, StoreDamagedAt, StoreDamagedCopy, StoreDamagedRestore, StoreDamagedNoBackup, StoreFutureSchema, StoreTooNew, StoreDamagedNotOverwritten, StoreChangedOnDisk, StoreNoSuchBackup, StoreBadBackup, StoreDirNotWritable, StoreSave, StoreIo, StoreSerialize, StoreActionLock, SaveNoSpace, SaveQuota, SavePermission, SaveReadOnlyDisk, SaveFileTooLarge, SaveError, StepWriteTemp, StepBackup, StepReplace, AdviceSpace, AdviceFileSize, AdvicePermission, AdviceReadOnlyDisk, AdviceOther, ReadOnlyRequested, ReadOnlyFuture, ReadOnlyDamaged, ReadOnlyNotWritable, StoreConverted, SyncErrNotSetUp, SyncErrMerge, GitMissing, GitFailed, GitTimedOut, GitCannotRun, LookupUnknown, LookupAmbiguous, LookupCandidates, KindCohort, KindTrainee, KindPerson, KindSeminar, KindVenue, KindModule, KindTrainer, KindTopic, KindRequestWord, ForgetTitle, ForgetErasedFuture, ForgetErasedPast, ForgetKept, ForgetNameStill, ForgetConfirm, ForgetNothingChanged, ForgetNoData, ForgetPartOfName, ForgetDone, ForgetLeftover, ForgetHistory, ForgetCannotRead, ForgotVenueHosted, ForgotContact, ForgotKnowledge, ForgotExchanges, ForgotRequests, ForgotAssessments, ForgotCandidacies, ForgotDepartures, ForgotFollowUps, ForgotFunding, ForgotRoster, ForgotSeminars, ForgotMarks, ForgotSignatures, ForgotChanges,
    // Cercle's own files.
    OwnFileIsLink, OwnFileRefused, OwnDataFileRefused, OutputOwnFile, OutputFolderMissing,
    SyncForeignPath, SyncSplitLayout,
    // Forms and lists that never surprise.
    ChoiceNotTyped, FieldNotABundle, FieldUnreadableFile, FormCandidates, FormFullLabel,
    KeyCompleteOrNext, KeyClearField, KeyClearFilterText, KeyDeleteWord, FilterUnknownKey,
    FilterWordsOnly, FilterUnknownValue, CircleTooSmall, CircleNoBraille, MeMark,
    // The organisation's legal identity.
    OrganisationTitle, KeyEditOrganisation, OrganisationSaved, FieldOrgName, FieldOrgNda,
    FieldOrgNdaRegion, FieldOrgSiret, FieldOrgAddress, FieldOrgRepresentative,
    FieldOrgRepresentativeTitle, FieldOrgCity, FieldOrgQualiopi, FieldNdaDigits,
    FieldSiretDigits, FieldSiretCheck, CheckSheetsLack, CheckCertificatesLack,
    CheckOrganisationWrong,
    // The speaking round of the day, the seminar form's checks, the codevelopment kept.
    RoundFromMorning, RoundFromAfternoon, RoundFromCohort, ConfirmRedraw, SeminarDoubtsTitle,
    SeminarDoubtsAsk, DoubtHoliday, DoubtTrainerBooked, DoubtMoreThanPlanned, KeyCodevNotes,
    KeyStepLonger, KeyStepShorter, ConfirmEndCodev, CodevKept, CodevNotesTitle, CodevTotal, ForgotCodev,
    SourceCodev, FaultEmpty, FaultZeros, FaultByteOrderMark, FaultCutOff, FaultNotJson, FaultNotShape,
    FaultNeverWritten, FaultUpgradeFailed, FaultUpgradedNotShape, FaultIndexVersion, FaultForeignFile,
    FaultPersonNowhere, FaultCohortMismatch, FaultNewer, CheckSchema, FaultInDocument,
}

impl Msg {
    /// The text in a language.
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => en::text(self),
            Lang::Fr => fr::text(self),
        }
    }
}

/// Why a file could not be read, in the user's language for the usual reasons.
pub fn io_reason(error: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => Msg::NoFileThere.text(lang).to_owned(),
        ErrorKind::IsADirectory => Msg::IsAFolder.text(lang).to_owned(),
        ErrorKind::PermissionDenied => Msg::NotAllowed.text(lang).to_owned(),
        _ => error.to_string(),
    }
}

/// "Cannot read PATH: why.", in the user's language.
pub fn cannot_read(path: &std::path::Path, error: &std::io::Error, lang: Lang) -> String {
    fill(
        Msg::CannotReadFile.text(lang),
        &[
            ("path", &path.display().to_string()),
            ("reason", &io_reason(error, lang)),
        ],
    )
}

/// Fills `{name}` placeholders in a template. French elision is done here, on the template's
/// own words only: "de {who}" with "Inès" gives "d'Inès" (see [`format::de`]); the value itself
/// is never changed.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            let slot = format!("{{{name}}}");
            let text = elide(&text, &format!("de {slot}"), &format::de(value));
            let text = elide(&text, &format!("que {slot}"), &format::que(value));
            text.replace(&slot, value)
        })
}

/// Replaces `pattern` by `with` where the pattern starts a word ("made {when}" is left alone).
fn elide(text: &str, pattern: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(pattern) {
        let starts_a_word = !rest[..at]
            .chars()
            .next_back()
            .or_else(|| out.chars().next_back())
            .is_some_and(char::is_alphanumeric);
        out.push_str(&rest[..at]);
        out.push_str(if starts_a_word { with } else { pattern });
        rest = &rest[at + pattern.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(text: &str) -> BTreeSet<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn every_key_has_a_text_in_both_languages_with_the_same_placeholders() {
        for &msg in Msg::ALL {
            let (en, fr) = (msg.text(Lang::En), msg.text(Lang::Fr));
            assert!(!en.trim().is_empty(), "{msg:?} is missing in English");
            assert!(!fr.trim().is_empty(), "{msg:?} is missing in French");
            assert_eq!(
                placeholders(en),
                placeholders(fr),
                "{msg:?} placeholders differ"
            );
        }
    }

    #[test]
    fn locale_precedence_follows_posix() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(Lang::from_locale(env(&[("LANG", "fr_FR.UTF-8")])), Lang::Fr);
        assert_eq!(Lang::from_locale(env(&[("LANG", "en_GB.UTF-8")])), Lang::En);
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", "en_US"), ("LANG", "fr_FR")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "fr_BE"),
                ("LANG", "C")
            ])),
            Lang::Fr
        );
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(fill("Undone: {what}", &[("what", "edit")]), "Undone: edit");
    }

    #[test]
    fn fill_elides_de_before_a_vowel() {
        let header = Msg::BundleHeader.text(Lang::Fr);
        let filled = fill(header, &[("who", "Inès"), ("whom", "Léa")]);
        assert!(filled.starts_with("Paquet d'Inès"), "{filled}");
        assert_eq!(
            fill("le temps de {name}", &[("name", "Léa")]),
            "le temps de Léa"
        );
        assert_eq!(fill("{name} de {name}", &[("name", "Ève")]), "Ève d'Ève");
        assert_eq!(
            fill("made {when}", &[("when", "on 08/12")]),
            "made on 08/12"
        );
        assert_eq!(fill("de {a}", &[("a", "Inès")]), "d'Inès");
    }

    #[test]
    fn undo_and_withdrawing_a_request_are_different_french_words() {
        let undo = Msg::KeyUndo.text(Lang::Fr);
        for msg in [
            Msg::KeyCancelRequest,
            Msg::CancelTitle,
            Msg::RequestCancelled,
        ] {
            let text = msg.text(Lang::Fr).to_lowercase();
            assert!(
                !text.contains(&undo[..5]),
                "{msg:?} reads like undo: {text}"
            );
        }
    }

    #[test]
    fn the_french_table_puts_a_no_break_space_before_high_punctuation() {
        for &msg in Msg::ALL {
            let text = msg.text(Lang::Fr);
            assert_eq!(format::french_spaces(text), text, "{msg:?}");
        }
    }
}
