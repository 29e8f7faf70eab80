//! La table française.

#[allow(clippy::enum_glob_use)] // the table names every key; the glob keeps it readable
use super::Msg::{self, *};

/// Le texte français d'une clé.
#[allow(clippy::too_many_lines, clippy::match_same_arms)] // a table: one arm per key, and two keys may share a word in one language
pub fn text(msg: Msg) -> &'static str {
    match msg {
        ScreenModules => "Modules",
        ScreenCircle => "Cercle de connaissances",
        ScreenContacts => "Contacts entre pairs",
        ScreenTutoring => "Demandes de tutorat",
        TabCircle => "Cercle",
        TabContacts => "Contacts",
        TabTutoring => "Tutorat",
        KeyStartSample => "explorer la promotion d'exemple",
        KeyStartEmpty => "commencer un programme vide",
        KeyRoleTrainer => "je suis formateur·rice",
        KeyRoleTrainee => "je suis stagiaire",
        KeyQuit => "quitter",
        KeyNameSpace => "Espace",
        KeyNameEnter => "Entrée",
        KeyNameEsc => "Échap",
        KeyNameBackTab => "Maj+Tab",
        KeyNamePageUp => "Pg. préc.",
        KeyNamePageDown => "Pg. suiv.",
        KeyNameHome => "Début",
        KeyNameEnd => "Fin",
        KeyNameDelete => "Suppr",
        KeyNameBackspace => "Retour arr.",
        KeyNameCtrl => "Ctrl+",
        CliExists => {
            "{path} existe déjà\u{a0}; Cercle ne remplace jamais des données. Choisissez un autre --data-dir, ou déplacez d'abord ce fichier."
        }
        CliSampleWritten => "La promotion d'exemple a été écrite dans {path}",
        CliEmptyWritten => "Un programme vide a été écrit dans {path}",
        CliNetworkWritten => {
            "Un réseau fictif de {cohorts} promotions (graine {seed}) a été écrit dans {path}"
        }
        CliNoBackups => "Pas encore de sauvegarde dans {dir}.",
        CliBackupDamaged => "(abîmée\u{a0}: ne pas restaurer)",
        CliBackupSet => "{name}  prise {when}",
        CliBackupFile => "{name}  prise {when}, {size}\u{a0}ko",
        CliRestored => "{name} restaurée.",
        CliRestoredKept => {
            "{name} restaurée\u{a0}; les données qu'elle remplace sont gardées sous {path}."
        }
        CliWrittenTo => "Écrit dans {path}",
        CliCheckError => "erreur",
        CliCheckWarning => "avertissement",
        CliCheckCounts => {
            "{path}\u{a0}: {cohorts} promotions, {people} personnes, {errors} erreurs, {warnings} avertissements"
        }
        CliSummaryCohort => "promotion",
        CliSummaryTrainees => "stagiaires",
        CliSummaryHeld => "demi-journées tenues",
        CliCommandValue => "COMMANDE",
        CliUsage => "Utilisation\u{a0}:",
        CliCommands => "Commandes\u{a0}:",
        CliArguments => "Arguments\u{a0}:",
        CliOptions => "Options\u{a0}:",
        CliPrintHelp => "Afficher l'aide",
        CliPrintVersion => "Afficher la version",
        CliHelpCommand => "Afficher cette aide, ou celle de la sous-commande nommée",
        CliPossibleValues => "[valeurs possibles\u{a0}: {values}]",
        CliDefaultValue => "[par défaut\u{a0}: {value}]",
        CliExamples => {
            "Exemples\u{a0}:\n  cercle init --sample\n  cercle summary\n  cercle export attendance --format html -o feuille.html\n  cercle export certificate --trainee \"Camille Dubois\" -o certificat.html\n  cercle check --json\n  cercle --lang en --help"
        }
        CliErrUnknownArgument => "argument inattendu «\u{a0}{arg}\u{a0}»",
        CliErrUnknownCommand => "sous-commande inconnue «\u{a0}{arg}\u{a0}»",
        CliErrInvalidValue => "valeur «\u{a0}{value}\u{a0}» refusée pour «\u{a0}{arg}\u{a0}»",
        CliErrMissingValue => "il manque une valeur après «\u{a0}{arg}\u{a0}»",
        CliErrMissing => "ces arguments sont nécessaires et manquent\u{a0}: {args}",
        CliErrConflict => "«\u{a0}{arg}\u{a0}» ne va pas avec «\u{a0}{other}\u{a0}»",
        CliErrTooMany => "valeur en trop\u{a0}: «\u{a0}{value}\u{a0}»",
        CliErrOther => "la ligne de commande n'est pas comprise",
        CliErrTip => "astuce\u{a0}: il en existe un proche, «\u{a0}{suggested}\u{a0}»",
        CliMoreHelp => "Pour en savoir plus, essayez «\u{a0}--help\u{a0}».",
        CliNotADay => "{value} n'est pas un jour\u{a0}: écrivez 31/12/2026 ou 2026-12-31",
        CliNumberRange => "{value} n'est pas un nombre de {min} à {max}",
        StoreNoDataDir => {
            "Impossible de savoir où garder les données de Cercle (pas de dossier personnel). Donnez --data-dir DOSSIER ou réglez CERCLE_DATA_DIR."
        }
        StoreLocked => {
            "Cercle est déjà ouvert dans le processus {pid} (verrou\u{a0}: {path}). Fermez-le, ou ouvrez en lecture seule avec --read-only."
        }
        StoreLockedUnknown => {
            "Cercle est déjà ouvert dans un autre processus (verrou\u{a0}: {path}). Fermez-le, ou ouvrez en lecture seule avec --read-only."
        }
        StoreLockedShort => "un autre Cercle (processus {pid}) a ces données ouvertes",
        StoreReadOnly => {
            "Cercle a été ouvert en lecture seule (--read-only), donc {path} n'a pas été modifié. Enregistrez une copie ailleurs, ou fermez Cercle et rouvrez-le sans --read-only."
        }
        StoreDamaged => {
            "{path} est abîmé et n'a pas été ouvert\u{a0}: {reason}{position}. Il ne sera pas écrasé."
        }
        StoreDamagedAt => " (ligne {line}, colonne {column})",
        StoreDamagedCopy => " Une copie a été mise de côté sous {path}.",
        StoreDamagedRestore => {
            " Restaurez la dernière bonne sauvegarde avec\u{a0}: cercle restore {name}"
        }
        StoreDamagedNoBackup => {
            " Aucune bonne sauvegarde n'a été trouvée\u{a0}: réparez le fichier à la main, ou repartez de zéro avec un autre --data-dir."
        }
        StoreFutureSchema => {
            "{path} a été écrit par un Cercle plus récent (version des données {found}\u{a0}; celui-ci connaît {supported}). Il est ouvert en lecture seule et ne sera pas écrasé\u{a0}: mettez Cercle à jour pour le modifier."
        }
        StoreTooNew => {
            "{path} a été écrit par un Cercle plus récent (version des données {found}\u{a0}; celui-ci lit jusqu'à {supported}) et ne peut pas être lu. Il n'a pas été touché\u{a0}: mettez Cercle à jour pour l'ouvrir."
        }
        StoreDamagedNotOverwritten => {
            "{path} est abîmé, donc Cercle ne l'écrasera pas. Restaurez d'abord une sauvegarde (cercle restore NOM), ou enregistrez votre travail ailleurs."
        }
        StoreChangedOnDisk => {
            "{path} a été modifié par un autre programme depuis l'ouverture de Cercle. Rechargez-le, enregistrez ailleurs, ou écrasez-le."
        }
        StoreNoSuchBackup => {
            "Aucune sauvegarde ne s'appelle {name} dans {dir}. Listez les sauvegardes pour voir leurs noms."
        }
        StoreBadBackup => {
            "La sauvegarde {path} ne peut pas être restaurée\u{a0}: {reason}. Choisissez-en une autre."
        }
        StoreDirNotWritable => {
            "{path} n'a pas été modifié\u{a0}: le dossier des données ne peut pas être écrit ({reason}). Enregistrez une copie ailleurs, ou rendez le dossier modifiable et rouvrez Cercle."
        }
        StoreSave => {
            "{what} pendant l'enregistrement de {path} ({step}\u{a0}: {reason}). {path} n'a pas été modifié et votre travail est toujours en mémoire. {advice}"
        }
        StoreIo => "Impossible de {action} {path}\u{a0}: {reason}. {advice}",
        StoreSerialize => {
            "Impossible de mettre les données en JSON\u{a0}: {reason}. Rien n'a été écrit\u{a0}; votre travail est toujours en mémoire."
        }
        StoreActionLock => "verrouiller",
        SaveNoSpace => "Plus de place sur le disque",
        SaveQuota => "Quota de disque dépassé",
        SavePermission => "Permission refusée",
        SaveReadOnlyDisk => "Le disque est en lecture seule",
        SaveFileTooLarge => "Le fichier dépasse la taille que ce système permet",
        SaveError => "Erreur",
        StepWriteTemp => "écriture du fichier temporaire",
        StepBackup => "sauvegarde de la version précédente",
        StepReplace => "remplacement du fichier",
        AdviceSpace => "Libérez de la place, puis réessayez.",
        AdviceFileSize => {
            "Relevez la limite de taille des fichiers (ulimit -f) ou enregistrez ailleurs."
        }
        AdvicePermission => {
            "Vérifiez que le dossier des données vous appartient et peut être écrit."
        }
        AdviceReadOnlyDisk => "Enregistrez ailleurs, sur un disque modifiable.",
        AdviceOther => "Réessayez, ou enregistrez ailleurs.",
        ReadOnlyRequested => "ouvert en lecture seule (--read-only)\u{a0}: rien ne sera enregistré",
        ReadOnlyFuture => {
            "écrit par un Cercle plus récent (format {found}, celui-ci connaît {supported})\u{a0}: ouvert en lecture seule\u{a0}; mettez Cercle à jour pour le modifier"
        }
        ReadOnlyDamaged => {
            "le fichier de données est abîmé\u{a0}: rien ne sera enregistré tant qu'une sauvegarde n'est pas restaurée (cercle backups, cercle restore NOM)"
        }
        ReadOnlyNotWritable => {
            "le dossier des données ne peut pas être écrit ({reason})\u{a0}: ouvert en lecture seule, rien ne sera enregistré\u{a0}; enregistrez une copie ailleurs"
        }
        StoreConverted => {
            "Données rangées par promotion\u{a0}; l'ancien fichier est gardé dans backups/"
        }
        SyncErrNotSetUp => {
            "{path} n'est pas encore prêt pour la synchronisation\u{a0}: lancez `cercle sync init --remote URL` (voir docs/sync.md)"
        }
        SyncErrMerge => {
            "les modifications de l'équipe n'ont pas pu être fusionnées, donc rien n'a changé ici\u{a0}: {reason}. Mettez Cercle à jour sur chaque machine, puis synchronisez à nouveau"
        }
        GitMissing => {
            "le programme git est introuvable\u{a0}; la synchronisation passe par git pour joindre le dépôt de l'équipe\u{a0}: installez-le (par ex. `sudo apt install git`) et réessayez"
        }
        GitFailed => "git {args} a échoué\u{a0}: {message}",
        GitTimedOut => "git {args} n'a pas répondu en {seconds}\u{a0}s et a été arrêté",
        GitCannotRun => "impossible de lancer git\u{a0}: {reason}",
        LookupUnknown => "aucun·e {kind} ne porte le nom ou le numéro {query}",
        LookupAmbiguous => "{query} peut désigner plusieurs {kind}s\u{a0}; donnez l'identifiant",
        LookupCandidates => ". Possibilités\u{a0}: {list}",
        KindCohort => "promotion",
        KindTrainee => "stagiaire",
        KindPerson => "personne",
        KindSeminar => "séminaire",
        KindVenue => "lieu",
        KindModule => "module",
        KindTrainer => "formateur·rice",
        KindTopic => "sujet",
        KindRequestWord => "demande",
        ForgetTitle => "Oubli de {name} ({id}).",
        ForgetErasedFuture => "Effacé partout\u{a0}: {list} seront supprimé·es.",
        ForgetErasedPast => "Effacé partout\u{a0}: {list} ont été supprimé·es.",
        ForgetKept => {
            "Gardé parce que la loi l'exige (feuilles d'émargement signées, contrôles des financeurs et de la qualité), {name} y étant remplacé·e par le pseudonyme {pseudonym} ({id})\u{a0}: {list}."
        }
        ForgetNameStill => {
            "Le nom apparaît encore dans {count} texte(s) libre(s) écrit(s) sur d'autres (notes, titres)\u{a0}; modifiez-les à la main."
        }
        ForgetConfirm => "Oublier {name} pour de bon\u{a0}? Tapez oui pour confirmer\u{a0}: ",
        ForgetNothingChanged => "rien n'a été modifié",
        ForgetNoData => "il n'y a pas encore de fichier de données, donc personne à oublier",
        ForgetPartOfName => {
            "{query} n'est qu'une partie du nom de {name}\u{a0}: pour oublier quelqu'un, donnez son nom complet ou son identifiant ({id})"
        }
        ForgetDone => {
            "{name} a été oublié·e dans {path} et dans {count} fichier(s) de sauvegarde ou de récupération."
        }
        ForgetLeftover => {
            "Ce fichier contient peut-être encore {name}\u{a0}; vérifiez-le et supprimez-le si c'est le cas\u{a0}: {path}"
        }
        ForgetHistory => {
            "L'historique de synchronisation ({path}) et le dépôt de l'équipe gardent des versions antérieures qui nomment {name}\u{a0}: les réécrire demande chaque copie de l'équipe (voir docs/sync.md, «\u{a0}Forgetting a person\u{a0}»)."
        }
        ForgetCannotRead => "impossible de lire la réponse\u{a0}: {reason}",
        ForgotVenueHosted => "lieu accueilli",
        ForgotContact => "fiche de contact",
        ForgotKnowledge => "offres et demandes de savoirs",
        ForgotExchanges => "places dans des échanges",
        ForgotRequests => "demandes de tutorat",
        ForgotAssessments => "évaluations de compétences",
        ForgotCandidacies => "candidatures à la certification",
        ForgotDepartures => "départs (motif effacé)",
        ForgotFollowUps => "entrées du suivi (texte effacé)",
        ForgotFunding => "lignes de financement",
        ForgotRoster => "places dans la liste d'une promotion",
        ForgotSeminars => "séminaires animés comme formateur·rice",
        ForgotMarks => "marques de présence (remarques effacées)",
        ForgotSignatures => "signatures de feuilles d'émargement",
        ForgotChanges => "modifications de feuilles signées",
        CliNoCohort => "le fichier ne contient encore aucune promotion",
        ReloadGone => "{path} n'existe plus\u{a0}; écraser le réécrit",
        CliSummaryRate => "assiduité",
        KeyUp => "monter",
        KeyDown => "descendre",
        KeyLeft => "à gauche",
        KeyRight => "à droite",
        KeyPageUp => "page précédente",
        KeyPageDown => "page suivante",
        KeyTop => "première ligne",
        KeyBottom => "dernière ligne",
        KeyChoose => "choisir",
        KeyClose => "fermer",
        KeyYes => "oui",
        KeyNo => "non",
        KeySubmit => "enregistrer",
        KeyNextField => "champ suivant",
        KeyPreviousField => "champ précédent",
        KeyExternalEditor => "éditer dans $EDITOR",
        KeyCancel => "abandonner",
        KeyKeepFilter => "garder le filtre",
        KeyClearFilter => "effacer le filtre",
        KeyNewPerson => "nouvelle personne",
        KeyEditPerson => "modifier",
        KeyDeletePerson => "supprimer",
        KeyScreenModules => "écran Modules",
        KeyScreenCircle => "écran Cercle de connaissances",
        KeyScreenContacts => "écran Contacts entre pairs",
        KeyScreenTutoring => "écran Demandes de tutorat",
        KeyNextScreen => "écran suivant",
        KeyPreviousScreen => "écran précédent",
        KeyOpen => "ouvrir",
        KeyBack => "retour, effacer le filtre",
        KeyFilter => "filtrer",
        KeyUndo => "annuler",
        KeyRedo => "rétablir",
        KeyPickCohort => "promotion",
        KeySwitchRole => "changer de rôle (formateur·rice ou stagiaire)",
        KeyHelp => "aide",
        KeyPickMe => "dire qui je suis",
        MePickerTitle => "Qui êtes-vous\u{a0}?",
        YouAreNow => "Vous êtes désormais {name} pour Cercle.",
        HelpTitle => "Touches",
        HelpGlobal => "Partout",
        HelpForm => "Dans un formulaire",
        HelpFilter => "Pendant le filtrage",
        HelpConfirm => "Quand une question est posée",
        HelpWelcome => "Écran d'accueil",
        HelpPopup => "Dans une liste flottante",
        Saved => "enregistré",
        Saving => "enregistrement…",
        Opening => "ouverture…",
        LoadStopped => {
            "La lecture des données s'est arrêtée de façon inattendue\u{a0}; rien n'a été modifié. Relancez Cercle."
        }
        NotSaved => "non enregistré",
        ReadOnly => "lecture seule",
        SaveFailed => "Non enregistré\u{a0}; votre travail est gardé en mémoire.",
        ReadOnlyRefused => {
            "Modification refusée\u{a0}: les données sont ouvertes en lecture seule."
        }
        PasteIgnored => {
            "Texte collé ignoré\u{a0}: aucun champ de saisie n'est ouvert pour le recevoir."
        }
        PasteCut => {
            "Seuls les {limit} premiers caractères ont été collés\u{a0}: ce champ n'en contient pas plus."
        }
        FieldFull => "Ce champ est plein\u{a0}: il contient au plus {limit} caractères.",
        FormReadOnly => {
            "Ce formulaire ne s'ouvre pas\u{a0}: les données sont ouvertes en lecture seule, il ne pourrait pas être enregistré."
        }
        ChangedOnDiskTitle => "Le fichier de données a changé",
        ChangedOnDiskText => {
            "Un autre programme a modifié cercle.json depuis l'ouverture de Cercle\u{a0}: vos dernières modifications n'ont donc pas été écrites par-dessus. Elles sont gardées en mémoire."
        }
        ChangedOnDiskNotice => "Non enregistré\u{a0}: un autre programme a modifié cercle.json.",
        ChangedOnDiskShort => "modifié sur le disque",
        HelpChangedOnDisk => "Quand un autre programme a modifié le fichier de données",
        KeyReload => "recharger le fichier (u ramène votre version)",
        KeySaveElsewhere => "enregistrer une copie ailleurs",
        KeyOverwrite => "écraser (leur version gardée en sauvegarde)",
        KeyDecideLater => "décider plus tard (Ctrl+s redemande)",
        KeySaveNow => "enregistrer maintenant, à nouveau après un échec",
        Reloading => "Relecture du fichier…",
        Reloaded => {
            "Fichier rechargé tel que l'autre programme l'a laissé\u{a0}; u ramène votre version."
        }
        ReloadedLabel => "rechargement depuis le disque",
        ReloadFailed => "Rechargement impossible\u{a0}: {reason}",
        CopySaved => "Copie enregistrée dans {path}\u{a0}; cercle.json n'a pas été modifié.",
        CopyFailed => "La copie n'a pas été enregistrée\u{a0}: {reason}",
        SaveCopyTitle => "Enregistrer une copie (un nom seul va dans le dossier des données)",
        Overwritten => {
            "Enregistré par-dessus les modifications de l'autre programme\u{a0}; elles sont gardées en sauvegarde."
        }
        NoCohort => "pas encore de promotion",
        FilterPrompt => "Filtre",
        Loading => "Chargement des données…",
        LoadFailed => "Les données n'ont pas pu être ouvertes",
        TooSmall => "Terminal trop petit. Agrandissez-le à 50×12 au moins.",
        WelcomeTitle => "Bienvenue dans Cercle",
        WelcomeIntro => {
            "Cercle accompagne une promotion de facilitateur·rices de tiers-lieux\u{a0}: modules et émargement, cercle de connaissances, contacts entre pairs et demandes de tutorat. Aucun fichier de données n'a été trouvé."
        }
        WelcomeRoleQuestion => {
            "Êtes-vous formateur·rice ou stagiaire\u{a0}? (modifiable plus tard avec R)"
        }
        WelcomeChoices => "Que voulez-vous faire\u{a0}?",
        RoleTrainer => "formateur·rice",
        RoleTrainee => "stagiaire",
        RoleNotChosen => "pas encore choisi",
        RecoveryQuestion => {
            "Cercle s'est arrêté brutalement la dernière fois. Récupérer le travail conservé\u{a0}?"
        }
        RecoveredLabel => "récupérer le travail conservé après un arrêt brutal",
        Recovered => "Le travail conservé après l'arrêt a été récupéré (u pour annuler).",
        RecoveryDiscarded => {
            "Le fichier de récupération a été mis de côté\u{a0}; les données enregistrées sont ouvertes."
        }
        EmptyProgrammeTitle => "Facilitateur·rice de tiers-lieux",
        RoleNow => "Vous êtes maintenant {role}.",
        NothingToUndo => "Rien à annuler.",
        NothingToRedo => "Rien à rétablir.",
        Undone => "Annulé\u{a0}: {what}",
        Redone => "Rétabli\u{a0}: {what}",
        SwitchedCohort => "passer à la promotion {name}",
        ConfirmDeletePerson => "Supprimer {name} de l'annuaire\u{a0}? (u pour annuler)",
        DeletedPerson => "supprimer {name}",
        ConfirmDiscard => "Abandonner ce que vous avez saisi\u{a0}?",
        ConfirmQuitUnsaved => {
            "Vos dernières modifications ne sont pas enregistrées ({reason}). Quitter quand même et les perdre\u{a0}?"
        }
        FormHasErrors => "Certains champs sont à corriger.",
        AddedPerson => "ajouter {name}",
        EditedPerson => "modifier {name}",
        ConfirmTitle => "Confirmation",
        CohortPickerTitle => "Choisir la promotion",
        NewPersonTitle => "Nouvelle personne",
        EditPersonTitle => "Modifier la personne",
        EmptyList => "Rien ici pour l'instant.",
        FieldName => "Nom",
        FieldEmail => "Courriel",
        FieldPhone => "Téléphone",
        FieldCity => "Ville",
        FieldDepartement => "Département",
        FieldOrganisation => "Structure",
        FieldNotes => "Notes",
        FieldRequired => "obligatoire",
        FieldBadEmail => "adresse de courriel invalide",
        FieldBadDepartement => "département français invalide (01-95, 2A, 2B, 971-976)",
        FieldBadDate => "date invalide\u{a0}: écrire AAAA-MM-JJ ou JJ/MM/AAAA",
        FieldBadTime => "heure invalide\u{a0}: écrire HH:MM",
        FieldBadTimeRange => "deux heures\u{a0}: 09:00-12:30",
        FieldBadDays => "un nombre de jours de 1 à 10",
        FieldPlaceKind => "Type de lieu",
        NoMatchSuggested => "Aucune mise en relation suggérée pour l'instant.",
        ColCode => "Code",
        ColModule => "Module",
        ColHours => "Heures",
        ColHalfDays => "Demi-journées",
        ColName => "Nom",
        ColProject => "Projet",
        ColPhase => "Phase",
        ColPlace => "Lieu",
        ColRole => "Rôle",
        ColCity => "Ville",
        ColSubject => "Objet",
        ColTrainee => "Stagiaire",
        ColStatus => "État",
        ColAge => "Âge",
        ColTrainees => "Stagiaires",
        ColAttendance => "Assiduité",
        Confidential => "confidentiel",
        DaysShort => "j",
        CohortState => "Promotion",
        CannotStart => "ne peut pas encore démarrer ({n}/8)",
        Running => "en cours ({n}/12)",
        Full => "complète (12/12)",
        OverFull => "au-delà de la limite ({n}/12)",
        PersonTrainee => "stagiaire",
        PersonTrainer => "formateur·rice",
        PersonHost => "accueil du lieu",
        PersonStaff => "administration",
        PhaseCreation => "création",
        PhaseDevelopment => "développement",
        PhaseRepositioning => "repositionnement",
        PlaceCoworking => "coworking",
        PlaceFablab => "fablab",
        PlaceSharedWorkshop => "atelier partagé",
        PlaceCafe => "café associatif",
        PlaceFarm => "tiers-lieu nourricier",
        PlaceHybrid => "espace hybride",
        PlaceDigital => "médiation numérique",
        PlaceMedialab => "medialab",
        RequestOpen => "ouverte",
        RequestAccepted => "acceptée",
        RequestDeclined => "déclinée",
        RequestDuplicate => "doublon",
        RequestDeferred => "reportée",
        RequestScheduled => "planifiée",
        RequestDone => "réalisée",
        RequestCancelled => "retirée",
        AddedSeminar => "ajouter le séminaire {modules}",
        EditedSeminar => "modifier le séminaire {modules}",
        AlreadySigned => "Cette demi-journée est déjà signée.",
        NothingToSign => "Personne n'est encore émargé\u{a0}: faites l'appel avant de signer.",
        NotEnrolled => "Cette personne n'est pas inscrite dans la promotion.",
        SignedNeedsReason => {
            "Cette demi-journée est signée\u{a0}: une modification demande un motif."
        }
        ReasonNeeded => "Un motif est nécessaire pour qu'une demande soit {to}.",
        MarkFirst => "Émargez d'abord cette personne.",
        NothingToEdit => "Une présence n'a ni heure ni motif à modifier.",
        ChannelPhone => "téléphone",
        ChannelEmail => "courriel",
        ChannelInPerson => "en personne",
        ChannelVideo => "visio",
        EveryonePresentLabel => "tous les autres présents",
        MarkedPresentCount => "{n} personnes marquées présentes. Place aux exceptions.",
        ExcuseTitle => "Motif de l'absence",
        ExcuseIllness => "maladie",
        ExcuseMedical => "rendez-vous médical",
        ExcuseFamily => "raison familiale",
        ExcuseTransport => "problème de transport",
        ExcuseWork => "obligation professionnelle",
        ExcuseOther => "autre\u{a0}: le saisir…",
        ExportFailed => "L'export n'a pas pu être écrit\u{a0}: {reason}",
        Exported => "Écrit dans {path}",
        FieldAfternoon => "Après-midi",
        FieldMorning => "Matin",
        FieldChangeReason => "Motif du changement",
        FieldChannel => "Moyen",
        FieldDays => "Jours",
        FieldModules => "Modules (codes)",
        FieldNotFound => "introuvable\u{a0}: vérifiez l'orthographe",
        FieldOutcome => "Suite donnée",
        FieldReason => "Motif",
        FieldRemark => "Remarque",
        FieldStart => "Premier jour",
        FieldTime => "Heure",
        FieldTrainer => "Formateur·rice",
        FieldVenue => "Lieu",
        FollowUpLabel => "noter un suivi",
        RemarkLabel => "ajouter une remarque",
        MarkedLabel => "émarger {name} {status}",
        SignedLabel => "feuille signée par {name}",
        KeyAddFollowUp => "noter un suivi",
        KeyCertificate => "certificat de réalisation",
        KeyEditMark => "modifier l'heure ou le motif",
        KeyEditSeminar => "modifier le séminaire",
        KeyEveryonePresent => "tous les autres présents",
        KeyExportCohortSheet => "émargement de la promotion (CSV, XLSX, HTML, PDF)",
        KeyExportSeminarSheet => "feuille d'émargement (CSV, XLSX, HTML, PDF)",
        KeyMarkAbsent => "absent·e",
        KeyMarkExcused => "excusé·e",
        KeyMarkLate => "en retard",
        KeyMarkLeftEarly => "parti·e plus tôt",
        KeyMarkPresent => "présent·e",
        KeyNewSeminar => "nouveau séminaire",
        KeyOpenRollCall => "faire l'appel",
        KeyOpenSeminar => "ouvrir le séminaire",
        KeyRemark => "remarque",
        KeyShowFollowUp => "suivi",
        KeyShowSeminars => "séminaires",
        KeySign => "sceller la feuille",
        KeyTodayRollCall => "appel du jour",
        NoHalfDayToday => "Pas de demi-journée aujourd'hui.",
        NoHalfDayTodayNext => "Pas de demi-journée aujourd'hui\u{a0}; la prochaine est le {date}.",
        StatusAbsent => "absent·e",
        StatusExcused => "excusé·e",
        StatusLate => "en retard",
        StatusLeftEarly => "parti·e plus tôt",
        StatusPresent => "présent·e",
        ViewSeminars => "Séminaires",
        ViewFollowUp => "Suivi",
        ViewRollCall => "Appel",
        MarkedCount => "{n} marqué·es · {signed} signé·es · absent·es\u{a0}: {absent}",
        SignedBy => "signée par {name} {time}",
        NotSigned => "non signée",
        WarnHoliday => "jour férié\u{a0}: {name}",
        WarnTrainerElsewhere => "le ou la formateur·rice est attendu·e ailleurs au même moment",
        WarnTooManyPresent => "{present} présents pour {members} inscrits",
        WarnMarkedInFuture => "émargée avant d'avoir eu lieu",
        WarnSignedLate => "signée plus d'un jour après la fin",
        WarnUnsigned => "passée et non signée",
        ColDate => "Date",
        ColPeriod => "Demi-journée",
        ColTimes => "Horaires",
        ColVenue => "Lieu",
        ColTrainer => "Formateur·rice",
        ColSigned => "Feuille",
        ColTime => "Heure",
        ColReason => "Motif",
        ColRemark => "Remarque",
        ColConcern => "À suivre",
        ColFollowUps => "Suivis",
        ColMyHours => "Mes heures",
        ColBlock => "Bloc",
        ConcernAbsences => "{n} absences injustifiées consécutives",
        ConcernLowRate => "assiduité de {rate} à ce jour",
        UnsignedSheetItem => "feuille du {date} ({period}) non signée",
        PeriodMorning => "matin",
        PeriodAfternoon => "après-midi",
        VenueHost => "Accueil",
        VenueCapacity => "Capacité",
        MyProgress => {
            "Mes heures\u{a0}: {followed} sur {planned} · {held} des demi-journées tenues, {overall} du programme"
        }
        CohortProgress => "Demi-journées tenues\u{a0}: {held} sur {planned} · assiduité {rate}",
        HelpSeminars => "Séminaires",
        HelpSeminar => "Un séminaire",
        HelpRollCall => "Appel",
        HelpFollowUp => "Suivi",
        NewSeminarTitle => "Nouveau séminaire",
        EditSeminarTitle => "Modifier le séminaire",
        FormTitle => "Détails",
        FollowUpTitle => "Suivi",
        KeyNewRequest => "demander un tutorat",
        KeyAccept => "accepter",
        KeyDecline => "décliner",
        KeyMarkDuplicate => "doublon",
        KeyDefer => "reporter",
        KeySchedule => "planifier",
        KeyMarkDone => "réalisée",
        KeyCancelRequest => "retirer la demande",
        KeyExportCalendar => "exporter le calendrier (.ics)",
        KeyFilterStatus => "filtre d'état",
        KeyFilterTutor => "filtre tuteur·rice",
        KeyFilterTrainee => "filtre stagiaire",
        KeyDetail => "afficher en entier / revenir",
        NewRequestTitle => "Nouvelle demande de tutorat",
        AcceptTitle => "Accepter",
        DeclineTitle => "Décliner",
        DuplicateTitle => "Marquer comme doublon",
        DeferTitle => "Reporter",
        ScheduleTitle => "Planifier une séance",
        DoneTitle => "Séance réalisée",
        CancelTitle => "Retirer la demande",
        FieldSubject => "Objet",
        FieldTopic => "Module ou bloc",
        FieldDescription => "Description",
        FieldUrgency => "Urgence",
        FieldFormat => "Format",
        FieldWindows => "Créneaux",
        FieldTutor => "Tuteur·rice",
        FieldDuplicateOf => "Doublon de",
        FieldUntil => "Jusqu'au",
        FieldDate => "Date",
        FieldPlace => "Lieu",
        FieldSummary => "Compte rendu",
        FieldNextSteps => "Suites à donner",
        FieldDatePast => "ce jour est déjà passé",
        FieldNotAfterToday => "choisir un jour après aujourd'hui",
        FieldUnknownTopic => "aucun module ni bloc n'a ce code ou ce titre",
        FieldUnknownTrainer => "aucun·e formateur·rice du fichier ne porte ce nom",
        FieldUnknownRequest => {
            "aucune autre demande de la promotion n'a cet identifiant ou cet objet"
        }
        FieldAmbiguous => "plusieurs correspondent\u{a0}: en écrire plus, ou l'identifiant",
        FieldChoiceHint => "←/→ pour choisir",
        UrgencyLow => "faible",
        UrgencyNormal => "normale",
        UrgencyUrgent => "urgente",
        FormatVisit => "visite sur place",
        FormatCall => "appel",
        FormatVideo => "visio",
        WhoAreYouFirst => {
            "Qui êtes-vous\u{a0}? Appuyez sur i pour le dire\u{a0}: les demandes sont faites et traitées en votre nom."
        }
        OnlyTraineesAsk => {
            "Les demandes de tutorat sont faites par les stagiaires\u{a0}; les formateur·rices les reçoivent ici."
        }
        OnlyTrainers => {
            "Cela revient à l'équipe de formation, qui tient les demandes\u{a0}; votre demande reste visible ici."
        }
        CannotBecome => "Une demande {from} ne peut pas devenir {to}.",
        DuplicateOfItself => "Une demande ne peut pas être son propre doublon.",
        SummaryNeeded => "Un compte rendu de la séance est nécessaire.",
        NoCohortYet => "Il n'y a pas encore de promotion où demander.",
        RequestAdded => "demande de tutorat\u{a0}: {subject}",
        RequestMoved => "{subject}\u{a0}: {from} → {to}",
        CalendarExported => "Calendrier écrit dans {path}",
        ColUrgency => "!",
        DetailTopic => "Sujet",
        DetailWindows => "Créneaux",
        DetailTutor => "Tuteur·rice",
        DetailSession => "Séance",
        DetailOutcome => "Compte rendu",
        DetailNextSteps => "Suites",
        DetailDeferredTo => "Reportée au",
        DetailDuplicateOf => "Doublon de",
        DetailAsked => "demandée {n}",
        SuggestionsTitle => "Tuteur·rices suggéré·es",
        HistoryTitle => "Historique",
        NoHistoryYet => "Aucune étape pour l'instant.",
        NoSuggestion => "Aucun·e formateur·rice à suggérer.",
        Overdue => "urgente, sans réponse depuis {n} jours",
        FilterStatusNow => "état\u{a0}: {value}",
        FilterTutorNow => "tuteur·rice\u{a0}: {value}",
        FilterTraineeNow => "stagiaire\u{a0}: {value}",
        KmAway => "{km} km",
        DistanceUnknown => "distance inconnue",
        OpenRequestsNone => "aucune demande en cours",
        OpenRequestsOne => "1 demande en cours",
        OpenRequestsMany => "{n} demandes en cours",
        CalendarSeminar => "Séminaire\u{a0}: {modules}",
        CalendarSeminarNote => "Promotion {cohort}, avec {trainer}",
        CalendarTutoring => "Tutorat\u{a0}: {subject}",
        CalendarTutoringNote => {
            "Stagiaire\u{a0}: {trainee}\nTuteur·rice\u{a0}: {tutor}\nFormat\u{a0}: {format}"
        }
        // Knowledge circle screen.
        LeftShort => "parti·e le {date}",
        NotATrainee => "{name} n'est pas stagiaire de cette promotion",
        EnrolTwice => "{name} est déjà inscrit·e dans cette promotion",
        EnrolFull => {
            "la promotion est complète\u{a0}: elle compte déjà 12 stagiaires, le maximum pour une session"
        }
        AlreadyLeft => "Départ déjà enregistré le {date}.",
        ByTag => "même étiquette",
        ByWords => "mots communs\u{a0}: {words}",
        CandidacyApplying => "candidature en préparation",
        CandidacyCertified => "certifié·e",
        CandidacyLabel => "candidature à la certification",
        CandidacyNotApplying => "pas de candidature",
        CandidacyNotCertified => "non certifié·e",
        CandidacySubmitted => "dossier déposé",
        CandidacyTitle => "Candidature à la certification",
        Certification => "Certification",
        CodevClient => "client",
        CodevConsultant => "consultant·e",
        CodevDone => "La séance est terminée. Merci à toutes et tous.",
        CodevNoClient => "Choisissez d'abord le client (Entrée).",
        CodevSize => "{n} personnes\u{a0}: une séance de codéveloppement en réunit 4 à 8.",
        CodevSetup => {
            "Client\u{a0}: {client} · {n} personnes (4 à 8) · Entrée client, m consultant·e, b commencer"
        }
        CodevUnderWay => "Client\u{a0}: {client} · {n} consultant·es · +/- minutes, e notes",
        ColAbout => "Sujet",
        ColCompetency => "Compétence",
        ColEvaluation => "Évaluation",
        ColEvidence => "Preuves",
        ColFormat => "Format",
        ColKind => "Type",
        ColLevel => "Niveau",
        ColMatch => "⇄",
        ColPeople => "Personnes",
        ColTag => "Étiq.",
        ColTitle => "Intitulé",
        ColTraining => "Formation",
        ColWho => "Qui",
        ConfidentialNo => "non",
        ConfidentialYes => "oui (jamais exporté)",
        ConfirmDeleteKnowledge => "Supprimer « {title} »\u{a0}?",
        DeletedKnowledge => "offre ou demande supprimée",
        DepartedLabel => "départ de {name}",
        DepartureTitle => "Départ",
        EditKnowledgeTitle => "Modifier l'offre ou la demande",
        EnrolRefused => "Inscription refusée\u{a0}: {reason}.",
        EnrolTitle => "Inscrire un·e stagiaire",
        EnrolledLabel => "{name} inscrit·e",
        EvaluateAfter => "Un échange s'évalue après avoir eu lieu.",
        EvaluateTitle => "Évaluation de l'échange",
        EvaluatedLabel => "échange évalué",
        EvidenceLabel => "preuve ajoutée",
        EvidenceSourceTitle => "La preuve s'appuie sur…",
        EvidenceTitle => "Preuve",
        ExchangedWith => "A échangé avec",
        FieldAmount => "Montant (EUR)",
        FieldBadAmount => "un nombre entier d'euros, par ex. 3500",
        FieldConfidential => "Confidentiel",
        FieldKind => "Offre ou demande",
        FieldNote => "Note",
        FieldPeople => "Personnes",
        FieldPhase => "Phase",
        FieldProjectName => "Projet",
        FieldSource => "Financeur",
        FieldStatus => "Statut",
        FieldTag => "Module ou bloc",
        FieldTitle => "En quelques mots",
        FieldUseful => "Utile\u{a0}?",
        FieldWhose => "De qui",
        FormatOneToMany => "un à plusieurs",
        FormatOneToOne => "un à un",
        FormatTogether => "co-construit",
        Funding => "Prise en charge",
        FundingGranted => "accordée",
        FundingLabel => "prise en charge",
        FundingPaid => "payée",
        FundingRefused => "refusée",
        FundingRequested => "demandée",
        FundingTitle => "Prise en charge",
        HelpCodev => "Codéveloppement",
        HelpExchanges => "Échanges",
        HelpKnowledge => "Offres et demandes",
        HelpPath => "Parcours d'un·e stagiaire",
        HelpRound => "Tour de parole",
        HoursFollowed => "{followed} suivies sur {planned}",
        InTraining => "en formation",
        KeyAddEvidence => "ajouter une preuve",
        KeyAddFunding => "autre ligne de financement",
        KeyBeginCodev => "commencer / terminer",
        KeyCycleLevel => "niveau suivant",
        KeyDeleteKnowledge => "supprimer",
        KeyDepart => "enregistrer un départ",
        KeyEditCandidacy => "candidature",
        KeyEditFunding => "prise en charge",
        KeyEditKnowledge => "modifier",
        KeyEnrol => "inscrire un·e stagiaire",
        KeyEvaluate => "évaluer",
        KeyLessTime => "une minute de moins chacun·e",
        KeyMoreTime => "une minute de plus chacun·e",
        KeyNewKnowledge => "nouvelle offre ou demande",
        KeyNextSpeaker => "suivant·e",
        KeyNextStep => "étape suivante",
        KeyPutInTouch => "mettre en relation",
        KeyRedraw => "nouveau tirage",
        KeySetClient => "client",
        KeyShowCodev => "codéveloppement",
        KeyShowExchanges => "échanges",
        KeyShowKnowledge => "offres et demandes",
        KeyShowPath => "parcours",
        KeyShowRound => "tour de parole",
        KeySkipSpeaker => "passer",
        KeyStartPause => "démarrer / pause",
        KeyToggleCircleView => "cercle / liste",
        KeyToggleConsultant => "consultant·e",
        KindOffer => "offre",
        KindRequest => "demande",
        LeftOn => "parti·e le {date}\u{a0}: {reason}",
        LevelAcquired => "acquise",
        LevelInProgress => "en cours",
        LevelLabel => "compétence {level}",
        LevelNotStarted => "non commencée",
        MatchLine => "{giver} propose « {title} » à {taker}",
        MatchTitle => "Mettre en relation",
        MoreMatches => " · {n} de plus",
        NewKnowledgeTitle => "Nouvelle offre ou demande",
        NewPersonOption => "+ une nouvelle personne…",
        NoExchangeYet => "aucun échange pour l'instant",
        NoFunding => "aucune enregistrée",
        NoSource => "— aucun enregistrement",
        NotYetLegend => "n'a pas encore apporté une offre et une demande",
        NothingYet => "rien pour l'instant",
        OfferLabel => "offre « {title} »",
        Offers => "Offres",
        OnlyYourOwn => "Vous ne pouvez modifier que vos propres offres et demandes.",
        PutInTouchLabel => "mise en relation",
        PutInTouchTitle => "Mise en relation\u{a0}: l'échange",
        RequestLabel => "demande « {title} »",
        Requests => "Demandes",
        RoundDone => "Tout le monde a eu son tour.",
        RoundTitle => "Ordre de parole · {minutes} min chacun·e",
        Since => "depuis le {date}",
        SourceEmployer => "employeur",
        SourceExchange => "échange",
        SourceFranceTravail => "France Travail",
        SourceOpco => "OPCO",
        SourceOther => "autre",
        SourceSelf => "autofinancement",
        SourceSeminar => "séminaire",
        SourceTutorRequest => "demande de tutorat",
        Speaking => "La parole est à",
        StepActionPlan => "Plan d'action",
        StepClarify => "Clarification",
        StepConsult => "Consultation",
        StepContract => "Contrat",
        StepExpose => "Exposé",
        StepLearnings => "Apprentissages",
        Suggested => "Suggestion",
        TimeLeft => "reste {time}",
        TimeOver => "dépassé de {time}",
        TimeUp => "Le temps de {name} est écoulé.",
        TimerPaused => "en pause",
        TimerRunning => "en cours",
        ToEvaluate => "à évaluer",
        TrainersKeepPaths => {
            "Les formateur·rices tiennent les parcours\u{a0}; demandez au vôtre de le mettre à jour."
        }
        TurnSkipped => "a passé",
        TurnSpoke => "a parlé",
        Upcoming => "à venir",
        UsefulNo => "pas utile",
        UsefulYes => "utile",
        ViewCodev => "Codéveloppement",
        ViewExchanges => "Échanges",
        ViewKnowledge => "Offres et demandes",
        ViewPath => "Compétences",
        KeyToggleShare => "partagé ou non",
        KeyCopyEmail => "copier le courriel",
        KeyCopyPhone => "copier le téléphone",
        KeyMail => "écrire un courriel",
        KeyMerge => "fusionner avec un doublon",
        KeySort => "trier",
        KeyGroup => "grouper par promo ou rôle",
        KeyExport => "exporter la liste (vCard)",
        KeyImport => "importer des contacts (vCard ou CSV)",
        ExportWritten => "Exporté dans {path}",
        Imported => {
            "{path}\u{a0}: {added} ajoutés, {updated} mis à jour, {skipped} ignorés, {failed} refusés"
        }
        ImportLabel => "importer {path}",
        NoEmail => "{name} n'a pas d'adresse de courriel.",
        NoPhone => "{name} n'a pas de numéro de téléphone.",
        Copied => "{what} copié (par le presse-papiers du terminal).",
        NoDuplicate => "Aucune autre fiche de {name} (même courriel ou même nom).",
        SeveralDuplicates => "{n} fiches semblables\u{a0}; fusion avec la première.",
        MergeBoth => "les deux",
        MergedPeople => "fusionner {other} dans {name}",
        MergeTitle => "Fusionner deux fiches (Espace choisit)",
        ImportTitle => "Importer des contacts",
        FieldFile => "Fichier",
        FieldPronouns => "Pronoms",
        FieldRole => "Rôle",
        FieldJob => "Fonction",
        FieldWebsite => "Site web",
        FieldProject => "Projet",
        FieldTags => "Compétences",
        FieldShared => "Partagé",
        MailOpened => "Ouverture du client de messagerie pour {what}…",
        NoMailOpener => {
            "Pas de xdg-open ici pour ouvrir la messagerie\u{a0}; y copie l'adresse à la place."
        }
        IsShared => "partagé",
        NotShared => "non partagé",
        SortName => "par nom",
        SortCohort => "par promo",
        SortDistance => "les plus proches d'abord",
        SortNoMe => "les plus proches d'abord (dites qui vous êtes avec i)",
        BestMatch => "meilleurs résultats d'abord",
        GroupedByCohort => "par promo",
        GroupedByRole => "par rôle",
        ColCohort => "Promo",
        NoCohortGroup => "sans promo",
        DetailCohorts => "Promos",
        CardHint => "Échap ferme la fiche",
        // Sync with the team.
        SyncFirstCommit => "Première version des données du programme",
        SyncOtherChanges => "Autres modifications",
        SyncMore => "et {count} de plus",
        SyncProgramme => "programme modifié",
        SyncPersonOne => "personne",
        SyncPersonMany => "personnes",
        SyncVenueOne => "lieu",
        SyncVenueMany => "lieux",
        SyncCohortOne => "promotion",
        SyncCohortMany => "promotions",
        SyncSeminarOne => "séminaire",
        SyncSeminarMany => "séminaires",
        SyncRequestOne => "demande de tutorat",
        SyncRequestMany => "demandes de tutorat",
        SyncKnowledgeOne => "offre ou demande de savoir",
        SyncKnowledgeMany => "offres et demandes de savoirs",
        SyncExchangeOne => "échange",
        SyncExchangeMany => "échanges",
        SyncFollowUpOne => "suivi",
        SyncFollowUpMany => "suivis",
        SyncFundingOne => "financement",
        SyncFundingMany => "financements",
        SyncCandidacyOne => "candidature à la certification",
        SyncCandidacyMany => "candidatures à la certification",
        SyncAssessmentOne => "évaluation de compétence",
        SyncAssessmentMany => "évaluations de compétences",
        SyncDepartureOne => "départ",
        SyncDepartureMany => "départs",
        SyncConflictOne => "conflit",
        SyncConflictMany => "conflits",
        SyncAdded => "ajout de {count} {what}",
        SyncUpdated => "modification de {count} {what}",
        SyncRemoved => "suppression de {count} {what}",
        SyncFound => "{count} {what} en attente d'un choix",
        SyncSettled => "résolution de {count} {what}",
        SyncSigned => "Émargement du {day} {period} signé par {who}",
        SyncMarksOne => "Émargement du {day} {period}\u{a0}: {count} marque",
        SyncMarksMany => "Émargement du {day} {period}\u{a0}: {count} marques",
        SyncMergeCommit => "Synchronisation avec l'équipe\u{a0}: {what}",
        SyncSettingsCommit => "Synchronisation mise en place pour ce dossier de données",
        KeySync => "synchroniser avec l'équipe",
        SyncNotSetUp => {
            "La synchronisation n'est pas en place\u{a0}: lancez cercle sync init --remote URL (voir docs/sync.md)."
        }
        SyncRunning => "Synchronisation avec l'équipe…",
        SyncForTrainers => {
            "La synchronisation sert à l'équipe de formation. Pour envoyer votre travail\u{a0}: E (envoyer à l'équipe)\u{a0}; pour recevoir le leur\u{a0}: B."
        }
        SyncQuitWaits => {
            "Une synchronisation est en cours\u{a0}; Cercle se fermera quand elle sera finie."
        }
        SyncAlreadyRunning => "Une synchronisation est déjà en cours.",
        SyncWaitsForSave => {
            "Pas de synchronisation tant que le dernier enregistrement a échoué\u{a0}: {reason}"
        }
        SyncPushed => "Synchronisé avec l'équipe.",
        SyncUpToDate => "À jour avec l'équipe.",
        SyncOffline => {
            "L'équipe est injoignable ({reason})\u{a0}: vos modifications restent dans l'historique local et partiront à la prochaine synchronisation."
        }
        SyncLocalOnly => "Gardé dans l'historique local\u{a0}: aucun dépôt d'équipe n'est défini.",
        SyncReceived => "Les modifications de l'équipe sont arrivées.",
        SyncConflictsWaiting => "Conflits en attente d'un choix\u{a0}: {count}.",
        SyncFailed => "Échec de la synchronisation\u{a0}: {reason}",
        SyncHeader => "synchro {when}",
        SyncNever => "jamais synchronisé",
        SyncHeaderRunning => "synchro…",
        SyncHeaderConflicts => "conflits\u{a0}: {count}",
        RecordProgramme => "Programme",
        RecordCohort => "Promotion",
        RecordVenue => "Tiers-lieu",
        RecordPerson => "Personne",
        RecordSeminar => "Séminaire",
        RecordKnowledge => "Offre ou demande",
        RecordExchange => "Échange",
        RecordTutorRequest => "Demande de tutorat",
        ConflictDeleted => "(supprimé)",
        BundleTheTrainers => "l'équipe de formation",
        BundleHeader => "Paquet de {who} pour {whom}, promotion {cohort}, fait {when}",
        BundleNothingNew => "Rien de nouveau\u{a0}: tout ce que contient ce paquet est déjà là.",
        BundleAdds => "Sera ajouté ({n})\u{a0}:",
        BundleChanges => "Sera modifié ({n})\u{a0}:",
        BundleRemoves => "Sera supprimé ({n})\u{a0}:",
        BundleConflicts => "Modifié des deux côtés, à trancher ({n})\u{a0}:",
        BundleIgnored => "Hors de ce que ce paquet peut modifier, laissé tel quel ({n})\u{a0}:",
        FolderUnreadable => "Impossible de lire le dossier {folder}\u{a0}: {why}",
        KeyChooseSendFolder => "choisir le dossier où écrire les paquets",
        KeyEnterFolder => "ouvrir le dossier",
        KeyParentFolder => "dossier parent",
        KeyChooseFolder => "choisir ce dossier",
        HelpFolderPicker => "Dossier des paquets",
        FolderPickerTitle => "Dossier des paquets\u{a0}: {folder}",
        NoSubfolder => "Aucun dossier dedans. c pour choisir celui-ci.",
        SendFolderChosen => "Les paquets seront écrits dans {folder}.",
        NoPathMatch => "Rien dans ce dossier ne commence comme {typed}.",
        PathCandidates => "Tab\u{a0}: {names}",
        PathMore => " et {n} de plus",
        BundleOwnAnswer => {
            "le paquet d'une stagiaire ne peut pas répondre à sa propre proposition\u{a0}; seule l'équipe de formation l'accepte ou la refuse"
        }
        BundleTruncated => {
            "Le paquet est tronqué\u{a0}: il s'arrête ligne {line}, colonne {column}. Rien n'a été écrit."
        }
        BundleNotABundle => {
            // The parser's reason is technical English: the place is what helps, in both.
            "Ce n'est pas un paquet Cercle (voir ligne {line}, colonne {column}). Rien n'a été écrit."
        }
        BundleNewer => {
            "Ce paquet est au format {version}\u{a0}; cette version de Cercle lit jusqu'au format {known}. Mettez Cercle à jour. Rien n'a été écrit."
        }
        BundleTampered => {
            "Ce paquet a été modifié après sa création\u{a0}: son contenu ne correspond pas à son empreinte. Rien n'a été écrit."
        }
        BundleOtherCohort => {
            "Ce paquet concerne la promotion {cohort}, absente de ces données. Rien n'a été écrit."
        }
        BundleNotForYou => "Ce paquet est destiné à {whom}, pas à vous. Rien n'a été écrit.",
        BundleImported => {
            "Importé\u{a0}: {added} ajouté(s), {changed} modifié(s), {removed} supprimé(s), {conflicts} à trancher."
        }
        BundleDryRun => "Essai\u{a0}: rien n'a été écrit.",
        CannotReadFile => "Impossible de lire {path}\u{a0}: {reason}.",
        NoFileThere => "aucun fichier à cet endroit",
        IsAFolder => "c'est un dossier, pas un fichier",
        NotAllowed => "accès refusé",
        OutputCut => " … [coupé\u{a0}: {count} caractères de plus]",
        CsvNoNameColumn => {
            "l'en-tête du CSV n'a pas de colonne pour le nom (« nom » ou « name »)\u{a0}; les colonnes trouvées sont {found} (séparées par des virgules ou des points-virgules, selon la ligne d'en-tête)"
        }
        CertificateNothingHeld => {
            "{whom}\u{a0}: aucune demi-journée de {cohort} n'a eu lieu au {day}, il n'y a encore rien à certifier"
        }
        CertificateWritten => "{path}\u{a0}: certificat de {whom}",
        WorkbookToTerminal => {
            "un classeur XLSX n'est pas du texte à afficher dans un terminal\u{a0}: écrivez-le dans un fichier avec -o FICHIER.xlsx, ou redirigez la sortie"
        }
        CannotWriteOutput => "Impossible d'écrire sur la sortie standard\u{a0}: {reason}.",
        NoTerminal => {
            "L'application a besoin d'un terminal pour s'afficher et lire les touches, et l'entrée ou la sortie standard n'en est pas un. Les commandes marchent partout\u{a0}: cercle --help."
        }
        NothingWritten => {
            "Rien n'a été écrit\u{a0}: {reason}. {path} est intact, tel qu'avant cette commande. Relancez la commande une fois le problème réglé."
        }
        DiskFull => "le disque est plein",
        DiskReadOnly => "le disque est en lecture seule",
        FileTooBig => "le fichier dépasserait la taille limite fixée sur ce système (ulimit -f)",
        NoDataToRead => {
            "Il n'y a pas encore de fichier de données dans {dir}. Vérifiez le dossier (--data-dir, $CERCLE_DATA_DIR), ou créez-en un\u{a0}: cercle init --sample, ou ouvrez l'application."
        }
        WordHalfDay => "demi-journée",
        WordAttendance => "présence",
        WordHistory => "historique",
        WordSignature => "signature",
        SyncCommitted => "Enregistré dans l'historique\u{a0}: {subject}",
        SyncNothingToCommit => "Rien de nouveau à enregistrer ici.",
        SyncAddRemote => "Ajoutez-en un avec `cercle sync init --remote URL`.",
        SyncOpenToChoose => "Ouvrez Cercle pour choisir entre les deux valeurs.",
        SyncStatusLine => {
            "Dernière synchronisation avec l'équipe\u{a0}: {last}\u{a0}; {ahead} commit(s) à envoyer, {behind} à fusionner."
        }
        SyncStatusNever => "jamais",
        SyncNoRemote => "Aucun dépôt d'équipe n'est défini.",
        SyncOpenElsewhere => {
            "Cercle est ouvert sur ces données{process}\u{a0}: synchronisez depuis l'application ({key}), ou quittez-la d'abord."
        }
        BundleWritten => "{path}\u{a0}: paquet pour {whom}",
        ThisMachine => "ce poste",
        KeyForTrainers => {
            "«\u{a0}{what}\u{a0}» revient à l'équipe de formation\u{a0}: votre copie ne tient que votre part de la promotion."
        }
        KeyForTrainees => "«\u{a0}{what}\u{a0}» est pour les stagiaires, depuis leur propre copie.",
        TrainersOnlyMark => "(formateur·rices)",
        TraineesOnlyMark => "(stagiaires)",
        KeySendToTeam => "envoyer à l'équipe",
        KeyPrepareBundles => "préparer les paquets de la promotion",
        KeyMyPath => "mon parcours",
        SendWhoAreYou => {
            "Cercle ne sait pas encore quel·le stagiaire vous êtes\u{a0}: importez d'abord le paquet que vos formateur·rices vous ont donné (B)."
        }
        PrepareWhoAreYou => {
            "Dites d'abord quel·le formateur·rice de cette promotion vous êtes (i)\u{a0}: les paquets portent le nom de qui les a faits."
        }
        TraineeMakesNoTrainersBundles => {
            "La copie d'un·e stagiaire ne tient que sa part de la promotion\u{a0}: elle ne peut pas faire les paquets que l'équipe de formation envoie."
        }
        Sending => "Écriture du paquet…",
        SendFailed => "Le paquet n'a pas été écrit\u{a0}: {reason}",
        SentToTeam => {
            "Votre paquet pour vos formateur·rices est écrit\u{a0}:\n{path}\nEnvoyez ce fichier à l'équipe de formation (par courriel ou sur une clé USB)\u{a0}; Cercle n'envoie rien de lui-même."
        }
        BundlesPrepared => {
            "{n} paquets pour les stagiaires sont écrits dans {folder}, un par stagiaire, chacun à son nom."
        }
        OfferMailDraft => {
            "Ouvrir un brouillon de courriel à vos formateur·rices avec ce fichier\u{a0}?"
        }
        MailSubject => "Cercle\u{a0}: paquet de {name}",
        MailBody => "Bonjour, voici mon paquet Cercle\u{a0}: {path}",
        ConfirmBecomeTrainer => {
            "Utiliser Cercle comme formateur·rice\u{a0}? Le pied de page et l'aide proposeront alors les touches de l'équipe (appel, séminaires, parcours)\u{a0}; votre copie des données ne change pas."
        }
        ConfirmBecomeTrainee => {
            "Utiliser Cercle comme stagiaire\u{a0}? Le pied de page et l'aide ne proposeront que les touches d'un·e stagiaire\u{a0}; vos données ne changent pas."
        }
        ConfirmBecomePerson => {
            "Être {name} pour Cercle\u{a0}? Vos demandes, évaluations et paquets seront alors faits à ce nom."
        }
        RecordProposal => "Proposition sur le parcours",
        ProposedLabel => "proposition pour l'équipe",
        ProposedNotice => {
            "Proposé\u{a0}: cela part vers vos formateur·rices avec votre prochain paquet (E)\u{a0}; il·elles l'acceptent ou le refusent."
        }
        SelfAssessmentTitle => "Où pensez-vous en être\u{a0}?",
        NoProposalWaiting => "Aucune proposition n'attend sur cette compétence.",
        ProposalAccepted => "proposition acceptée",
        ProposalDeclined => "proposition refusée",
        KeyAcceptProposal => "accepter la proposition",
        KeyDeclineProposal => "refuser la proposition (avec un motif)",
        KeyProposeLevel => "dire où j'en suis",
        KeyProposeEvidence => "proposer une preuve",
        KeptByTeam => "tenu par l'équipe de formation",
        Proposals => "Propositions",
        ProposalWaiting => "en attente\u{a0}: {what}",
        ProposalWasAccepted => "acceptée\u{a0}: {what}",
        ProposalWasDeclined => "refusée\u{a0}: {what} ({reason})",
        ProposalsWaiting => "{n} en attente (y accepte, x refuse)",
        OwnPathOnly => {
            "Sur votre copie, le parcours montré est le vôtre\u{a0}: ceux des autres sont tenus par l'équipe de formation."
        }
        ToldTitle => "Envoi à l'équipe",
        KeptByTeamShort => "tenu par l'équipe",
        ShareTitle => "Que partagez-vous avec la promotion\u{a0}?",
        SharingChosen => "ce que vous partagez avec la promotion",
        RollCallYourLine => {
            "Votre ligne\u{a0}: {status} · la feuille est tenue par l'équipe de formation"
        }
        YourLine => "votre ligne",
        CliSummaryTraineeCopy => {
            "Copie de {name}, stagiaire\u{a0}: elle ne tient que son propre émargement, le taux est donc le sien\u{a0}; celui de la promotion est tenu par l'équipe de formation."
        }
        CardOffers => "Offres",
        CardRequests => "Demandes",
        CardExchanges => "Échanges",
        EmailNotShared => "{name} ne partage pas d'adresse électronique avec la promotion.",
        PhoneNotShared => "{name} ne partage pas de numéro de téléphone avec la promotion.",
        OnlyParticipantsEvaluate => {
            "Seules les personnes qui ont pris part à un échange l'évaluent, chacune pour elle-même."
        }
        PreparedTitle => "Paquets pour les stagiaires",
        KeyImportBundle => "importer un paquet de partage",
        KeyShowConflicts => "conflits à trancher (écran de fusion)",
        KeyApplyImport => "importer",
        KeyChooseFirst => "garder la valeur 1",
        KeyChooseSecond => "garder la valeur 2",
        ImportBundleLabel => "import du paquet de {who}",
        NoConflicts => "Aucun conflit à trancher.",
        ConflictChosen => "{value} gardé pour {what}",
        ConflictsTitle => "Modifié des deux côtés\u{a0}: à trancher",
        ConflictKept => "dans le fichier pour l'instant",
        ConflictBase => "avant",
        PreviewTitle => "Importer un paquet de partage",
        ImportBundleTitle => "Importer un paquet de partage",
        HelpPreview => "Aperçu d'un import de paquet",
        HelpConflicts => "Écran de fusion",
        KeyStartFromBundle => "partir d'un paquet envoyé par l'équipe de formation",
        VerifyLine => "{cohort} · {seminar} · {date} {period}\u{a0}: {what}",
        VerifyHolds => {
            "Émargement intact\u{a0}: {cohorts} promotion(s), {lines} signatures de stagiaires et {seals} scellés vérifiés ({problems} remarque(s))."
        }
        VerifyAltered => {
            "Émargement modifié hors de Cercle\u{a0}: {problems} problème(s) sur {cohorts} promotion(s) ({lines} signatures de stagiaires, {seals} scellés)."
        }
        VerifyLineForged => {
            "la signature de {who} ne correspond pas à sa ligne (contrefaite, ou ligne modifiée)"
        }
        VerifyLineMoved => "la signature de {who} a été faite pour une autre demi-journée ({from})",
        VerifyLineKey => "la signature de {who} n'a pas été faite avec sa clé",
        VerifyStatusChanged => {
            "statut de {who} modifié hors de Cercle\u{a0}: signé « {expected} », le fichier dit « {found} »"
        }
        VerifyTimeChanged => {
            "heure de {who} modifiée hors de Cercle\u{a0}: signé {expected}, le fichier dit {found}"
        }
        VerifySealBroken => "la feuille diffère de ce que {who} a scellé",
        VerifySealKey => "le scellé n'a pas été fait avec la clé de {who}",
        VerifyHistoryRemoved => {
            "corrections supprimées de l'historique\u{a0}: le scellé en couvre {sealed}, il en reste {found}"
        }
        VerifySealRemoved => "feuille signée sans son scellé\u{a0}: le scellé a été supprimé",
        VerifyChainBroken => "le scellé n° {seq} ne suit pas le scellé précédent de la promotion",
        VerifySealsMissing => {
            "scellés n° {from} à {to} manquants avant cette demi-journée\u{a0}: une demi-journée scellée, un scellé ou son retrait a été supprimé"
        }
        VerifyBeforeSeals => {
            "signée avant les scellés (ancienne version de Cercle)\u{a0}: rien à vérifier"
        }
        VerifyForgotten => {
            "une personne de la feuille a été effacée (cercle forget)\u{a0}: sa ligne et le scellé ne peuvent plus être vérifiés"
        }
        FieldCode => "Code personnel",
        FieldCodeAgain => "Code, à nouveau",
        KeySignLine => "émarger (la personne tape son code)",
        LineSignedLabel => "{name} a signé sa ligne",
        SealedLabel => "Feuille scellée par {name}",
        SealWhoAreYou => {
            "Dites d'abord qui vous êtes (touche i)\u{a0}: le scellé porte le nom de la personne qui scelle, jamais celui du formateur prévu à sa place."
        }
        FieldSealRole => "Votre rôle",
        SealRoleCoTrainer => "co-formateur·rice",
        SealRoleSubstitute => "remplaçant·e de {planned}",
        SealWhoTitle => "Qui scelle cette feuille\u{a0}?",
        SealNoTrainer => {
            "Cette promotion n'a pas de formateur\u{a0}: ajoutez-en un avant de sceller."
        }
        SealUnmarked => "{n} sans statut\u{a0}: {names}. S de nouveau pour sceller quand même.",
        CodeWrong => "Code incorrect\u{a0}: rien n'est signé.",
        CodePaused => "Trop de codes incorrects\u{a0}: cette ligne attend jusqu'à {time}.",
        CodeTooShort => "Un code a au moins 6 caractères.",
        CodesDiffer => "Les deux codes diffèrent\u{a0}: rien n'est signé.",
        AbsentCannotSign => "Marqué·e absent·e\u{a0}: pas de signature sur cette ligne.",
        LineAlreadySigned => "Cette ligne est déjà signée.",
        SignLineTitle => "{name} signe sa ligne\u{a0}: code caché",
        SealTitle => "Sceller la feuille en tant que {name}\u{a0}: votre code",
        LineSignedAt => "✓ signé à {time}",
        MissingSignature => "signature manquante",
        KeyCorrections => "corrections de la demi-journée",
        CorrectionsTitle => "Corrections après signature",
        NoCorrections => "Aucune correction sur cette demi-journée.",
        WithdrawsCorrection => "retire la correction {n}",
        CorrectionLine => "{at} {trainee}\u{a0}: {from} → {to} · {reason}{withdraws} · {by}",
        BundleSignedLines => "Lignes signées dans son propre Cercle ({n})\u{a0}:",
        BundleLineRecorded => "{when}\u{a0}: signature vérifiée et enregistrée",
        BundleLineRefused => "{when}\u{a0}: signature refusée, {why}",
        BundleNewKey => {
            "Nouvelle clé de signature pour {who}, empreinte {fingerprint}\u{a0}: à confirmer avec elle ou lui en personne."
        }
        BundleKeyRefused => {
            "Une clé de signature pour {who} a été refusée (empreinte {fingerprint})\u{a0}: une autre de ses clés est enregistrée ici."
        }
        SignRefusedForged => "elle ne correspond pas à la ligne (contrefaite ou modifiée)",
        SignRefusedKey => "elle n'a pas été faite avec sa clé enregistrée",
        SignRefusedDiffers => "signé «\u{a0}{signed}\u{a0}», la feuille dit «\u{a0}{here}\u{a0}»",
        SignRefusedSealed => "la feuille est scellée",
        SignRefusedAbsent => "marqué·e absent·e",
        SignRefusedNotMarked => "pas marqué·e sur cette feuille",
        SignRefusedUnknown => "demi-journée inconnue ici",
        SignRefusedAlready => "la ligne est déjà signée",
        OnlyTrainersSeal => {
            "Seul·e un·e formateur·rice scelle la feuille\u{a0}: signez votre ligne avec g."
        }
        RecordAltered => {
            "Le registre d'émargement a été modifié\u{a0}: feuille {seminar}, {date} {period}{more}. Lancez cercle verify pour voir ce qui diffère."
        }
        RecordAlteredMore => " (et {n} autre·s)",
        WarnAltered => "⚠ registre modifié hors de Cercle (cercle verify)",
        KeyMissingSignature => "signature manquante (avec le motif)",
        KeyResetCode => "réinitialiser le code (avec le motif)",
        MissingSignatureLabel => "Signature manquante enregistrée pour {name}",
        CodeResetLabel => {
            "Code de {name} réinitialisé\u{a0}: sa prochaine signature en choisit un nouveau"
        }
        WithdrawnLabel => "Correction {n} retirée",
        NoCodeYet => "Pas encore de code\u{a0}: sa première signature le choisit.",
        CodeResetLine => "{at} {trainee}\u{a0}: code réinitialisé · {reason} · {by}",
        MissingSignatureTitle => "Signature manquante pour {name}\u{a0}: pourquoi\u{a0}?",
        ResetCodeTitle => "Réinitialiser le code de {name}\u{a0}: pourquoi\u{a0}?",
        WithdrawTitle => "Retirer la correction {n}\u{a0}: pourquoi\u{a0}?",
        SealAgainNothing => "Déjà scellée, et rien n'a été corrigé depuis.",
        KeyWithdrawSeal => "retirer le scellé (avec le motif)",
        WithdrawSealTitle => {
            "Retirer le scellé du {date} {period}\u{a0}: pourquoi\u{a0}? Votre code le signe"
        }
        SealWithdrawnLabel => {
            "Scellé retiré par {name}, avec le motif\u{a0}: corrigez la feuille, puis scellez-la à nouveau (S)"
        }
        NoSealToWithdraw => "Aucun scellé en vigueur sur cette feuille\u{a0}: rien à retirer.",
        SealLine => "{at} scellé par {sealer}",
        SealWithdrawalLine => "{at} scellé retiré · {reason} · {by} (scellé {sealed} par {sealer})",
        SealWithdrawnHead => "scellé retiré par {name} {time}\u{a0}: rescellez avec S",
        VerifyWithdrawalForged => {
            "le retrait de scellé de {who} ne correspond pas à ce qu'il dit (falsifié ou modifié)"
        }
        VerifyWithdrawalKey => "le retrait de scellé n'a pas été fait avec la clé de {who}",
        VerifyWithdrawalOrphan => "un retrait nomme le scellé n° {seq}, que cette feuille n'a pas",
        KeyPrevHalfDay => "demi-journée précédente",
        KeyNextHalfDay => "demi-journée suivante",
        NoMoreHalfDays => "Pas d'autre demi-journée de ce côté.",
        FollowUpThreshold => "seuil {threshold}\u{a0}%",
        ColAbsences => "Absences",
        NeverTakenItem => "appel du {date} ({period}) jamais fait (hors des taux)",
        KeyListFollowUps => "suivis notés pour la personne",
        FollowUpsTitle => "Suivis notés",
        FollowUpLine => "{at} · {by} · {channel}\u{a0}: {outcome}",
        NoFollowUpYet => "Aucun suivi noté pour l'instant.",
        OwnFileRefused => {
            "{path} est l'un des fichiers de Cercle\u{a0}: rien n'a été écrit. Enregistrez la copie ailleurs, par exemple dans {dir}."
        }
        OwnDataFileRefused => {
            "{path} est le fichier de données de Cercle\u{a0}: enregistrez normalement au lieu d'y mettre une copie."
        }
        OutputOwnFile => {
            "{path} est l'un des fichiers de Cercle\u{a0}: rien n'a été écrit. Exportez ailleurs, par exemple dans {dir}."
        }
        OutputFolderMissing => {
            "le dossier {folder} n'existe pas\u{a0}: rien n'a été écrit. Créez-le d'abord (mkdir -p {folder}), ou écrivez ailleurs."
        }
        SyncSplitLayout => {
            "{dir} garde ses données en un document par promotion, et la dernière version de l'équipe est encore en un seul fichier (ou l'inverse)\u{a0}: rien des changements de l'équipe n'a été pris. Ouvrez une fois Cercle dans cette version sur le poste qui l'a envoyée (il met ses données à jour), synchronisez-le, puis synchronisez ici de nouveau"
        }
        SyncForeignPath => {
            "le dépôt de l'équipe contient {path}, qui n'est pas un fichier que Cercle partage (seuls cercle.json, les documents de cercle/cohorts et cercle/people, .gitattributes et .gitignore le sont, en fichiers ordinaires)\u{a0}: rien des changements de l'équipe n'a été pris. Retirez-le du dépôt de l'équipe (git rm --cached), puis synchronisez à nouveau"
        }
        OrganisationTitle => {
            "Identité légale\u{a0}: NDA (déclaration d'activité), SIRET, signataire"
        }
        KeyEditOrganisation => "identité de l'organisme (NDA, SIRET)",
        OrganisationSaved => "identité de l'organisme enregistrée",
        FieldOrgName => "Raison sociale",
        FieldOrgNda => "NDA",
        FieldOrgNdaRegion => "Région du NDA",
        FieldOrgSiret => "SIRET",
        FieldOrgAddress => "Adresse",
        FieldOrgRepresentative => "Représentant·e",
        FieldOrgRepresentativeTitle => "Qualité",
        FieldOrgCity => "Fait à (ville)",
        FieldOrgQualiopi => "Qualiopi",
        FieldNdaDigits => "11 chiffres attendus",
        FieldSiretDigits => "14 chiffres attendus",
        FieldSiretCheck => "clé de contrôle fausse\u{a0}: chiffre mal tapé",
        CheckSheetsLack => {
            "les feuilles d'émargement et les certificats n'auraient pas le champ {field} de l'organisme (organisation.{key})\u{a0}; remplissez-le avec O sur l'écran Modules"
        }
        CheckCertificatesLack => {
            "les certificats n'auraient pas le champ {field} de l'organisme (organisation.{key})\u{a0}; remplissez-le avec O sur l'écran Modules"
        }
        CheckOrganisationWrong => "le champ {field} de l'organisme est faux\u{a0}: {why}",
        OwnFileIsLink => {
            "{path} est un lien symbolique, là où Cercle attend son propre fichier\u{a0}: Cercle n'a rien lu ni écrit à travers lui. Supprimez le lien\u{a0}; s'il menait à vos données, mettez ce fichier à sa place. Puis rouvrez Cercle."
        }
        ChoiceNotTyped => {
            "Ce champ est un choix\u{a0}: ←/→ ou Espace le changent\u{a0}; les lettres vont dans les champs de texte."
        }
        FieldNotABundle => "pas un paquet Cercle\u{a0}: vérifiez le chemin",
        FieldUnreadableFile => "illisible\u{a0}: vérifiez le chemin",
        FormCandidates => "Vouliez-vous dire\u{a0}: {names}\u{a0}? (Tab complète)",
        FormFullLabel => "Champ\u{a0}: {label}",
        KeyCompleteOrNext => "champ suivant/compléter",
        KeyClearField => "vider le champ",
        KeyClearFilterText => "effacer ce qui est tapé",
        KeyDeleteWord => "effacer le dernier mot",
        FilterUnknownKey => {
            "« {key} » n'est pas un filtre ici\u{a0}; les filtres sont\u{a0}: {keys}. !mot exclut."
        }
        FilterWordsOnly => {
            "« {key} » n'est pas un filtre ici\u{a0}: tapez des mots, et !mot pour exclure."
        }
        FilterUnknownValue => {
            "« {value} » ne trouve personne\u{a0}: les valeurs possibles sont {values}."
        }
        CircleTooSmall => "en liste\u{a0}: les noms ne tiennent pas dans un cercle ici",
        CircleNoBraille => {
            "en liste\u{a0}: ce terminal ne peut pas dessiner le cercle (braille dans config.toml)"
        }
        MeMark => "(moi)",
        RoundFromMorning => "Tiré parmi les {n} présent·es à l'appel de ce matin.",
        RoundFromAfternoon => "Tiré parmi les {n} présent·es à l'appel de cet après-midi.",
        RoundFromCohort => "Pas d'appel aujourd'hui\u{a0}: tiré parmi toute la promotion ({n}).",
        ConfirmRedraw => {
            "Tirer à nouveau l'ordre de parole\u{a0}? Cet ordre est perdu, avec les tours déjà pris ({n})."
        }
        SeminarDoubtsTitle => "Avant d'enregistrer ce séminaire, vérifiez\u{a0}:",
        SeminarDoubtsAsk => {
            "L'enregistrer tel quel\u{a0}? Non revient au formulaire pour le corriger."
        }
        DoubtHoliday => "· le {date} est un jour férié ({name}).",
        DoubtTrainerBooked => {
            "· {trainer} anime déjà le séminaire {modules} ({cohort}) aux mêmes heures\u{a0}: {when}."
        }
        DoubtMoreThanPlanned => {
            "· {n} demi-journées ({hours}) pour les {planned} prévues en {modules}."
        }
        KeyCodevNotes => "notes",
        KeyStepLonger => "une minute de plus pour l'étape",
        KeyStepShorter => "une minute de moins pour l'étape",
        ConfirmEndCodev => {
            "Terminer maintenant la séance de {client}, à l'étape {step} sur 6\u{a0}? Ses durées et ses notes sont gardées."
        }
        CodevKept => "Séance de codéveloppement gardée",
        CodevNotesTitle => "Notes\u{a0}: {step}",
        CodevTotal => "{minutes} min en tout",
        ForgotCodev => "places dans des séances de codéveloppement",
        SourceCodev => "codéveloppement",
        FaultEmpty => "le fichier est vide",
        CheckSchema => "schéma, {pointer}\u{a0}: {message}",
        FaultInDocument => "{file}\u{a0}: {fault}{position}",
        FaultZeros => {
            "le fichier ne contient que des octets nuls, comme en laisse un arrêt brutal pendant l'écriture"
        }
        FaultByteOrderMark => {
            "le fichier commence par une marque d'ordre des octets (EF BB BF), que JSON n'admet pas\u{a0}; un éditeur l'a sans doute ajoutée"
        }
        FaultCutOff => "le fichier s'arrête trop tôt, comme s'il avait été coupé ({detail})",
        FaultNotJson => "ce n'est pas du JSON valide ({detail})",
        FaultNotShape => "c'est du JSON, mais pas la forme d'un fichier de Cercle ({detail})",
        FaultNeverWritten => {
            "aucun Cercle n'a jamais écrit la version des données {version}\u{a0}: elle ne peut pas être mise à jour"
        }
        FaultUpgradeFailed => {
            "la mise à jour depuis la version des données {from} a échoué\u{a0}: {detail}"
        }
        FaultUpgradedNotShape => {
            "même après mise à jour depuis la version des données {from}, ce n'est pas la forme d'un fichier de Cercle ({detail})"
        }
        FaultIndexVersion => {
            "un index des données rangées par promotion doit avoir la version de schéma {index}, pas {found}"
        }
        FaultForeignFile => "l'index nomme {file}, qui n'est pas un document de Cercle",
        FaultPersonNowhere => {
            "l'index cite la personne {id}, qui n'est dans aucun fichier de personnes"
        }
        FaultCohortMismatch => "{file} contient la promotion {holds}, mais l'index dit {says}",
        FaultNewer => {
            "écrit par un Cercle plus récent (version des données {found}\u{a0}; celui-ci connaît {supported})"
        }
    }
}
