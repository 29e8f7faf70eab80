//! The command line's help in French, by the path of each subcommand, argument and value
//! ("export certificate --trainee", "export attendance --format csv"). The English help is the
//! `///` of `src/cli.rs`, which clap reads; a test checks that every visible path has its French
//! text here.

/// The French help of one path of the command line, or `None` when it has none.
#[allow(clippy::too_many_lines)] // a table: one line per path
pub fn french(path: &str) -> Option<&'static str> {
    Some(match path {
        "" => {
            "Une application de terminal, au clavier, pour une promotion de facilitateur·rices de tiers-lieux"
        }
        "--data-dir" => {
            "Le dossier des données (sinon `$CERCLE_DATA_DIR`, sinon le dossier de données de la plateforme)"
        }
        "--lang" => "La langue de l'interface (sinon d'après `LC_ALL`, `LC_MESSAGES` ou `LANG`)",
        "--lang fr" => "Français",
        "--lang en" => "Anglais",
        "--read-only" => {
            "Ouvrir les données sans prendre le verrou\u{a0}; rien ne pourra être enregistré"
        }
        "--verbose" => {
            "Écrire aussi le journal (erreurs et étapes de synchronisation, gardé dans le dossier d'état) sur la sortie d'erreur, au fil de l'eau"
        }
        "init" => {
            "Créer un fichier de données vide, ou la promotion d'exemple\u{a0}; ne remplace jamais un fichier existant"
        }
        "init --sample" => "Partir de la promotion d'exemple livrée avec Cercle",
        "check" => {
            "Vérifier le fichier de données selon le schéma et les règles (sortie 0 sain, 5 règles enfreintes, 6 abîmé ou illisible)"
        }
        "check --json" => {
            "Écrire du JSON\u{a0}: le fichier, ses effectifs, chaque erreur et chaque avertissement"
        }
        "summary" => {
            "Écrire, pour chaque promotion, ses stagiaires, ses demi-journées et son assiduité"
        }
        "summary --json" => "Écrire du JSON plutôt qu'un tableau",
        "generate" => {
            "Écrire un réseau fictif et reproductible de promotions (mesures et essais de charge)\u{a0}; ne remplace jamais des données"
        }
        "generate --cohorts" => "Combien de promotions",
        "generate --seed" => "La graine\u{a0}; la même graine donne les mêmes données",
        "import" => {
            "Importer depuis un fichier, en une seule étape enregistrée (le fichier d'avant est gardé en sauvegarde)"
        }
        "import bundle" => {
            "Un paquet de partage\u{a0}: prévisualisé, puis fusionné par identifiant en une étape (les conflits attendent dans l'écran de fusion de l'application). Un paquet tronqué, falsifié, plus récent ou d'ailleurs est refusé"
        }
        "import bundle file" => "Le fichier du paquet",
        "import bundle --dry-run" => {
            "Dire ce qui serait ajouté, modifié et en conflit, sans rien écrire"
        }
        "import bundle --as" => {
            "Qui importe (un·e stagiaire ne prend que son propre paquet), par identifiant ou par nom\u{a0}; par défaut, qui vous êtes dans les réglages. Le premier paquet d'une stagiaire l'y enregistre"
        }
        "import bundle --json" => {
            "Écrire du JSON plutôt que l'aperçu\u{a0}: le paquet, chaque modification, chaque conflit, ce qui reste tel quel, et si c'est enregistré"
        }
        "import contacts" => {
            "Des personnes depuis un fichier vCard (3.0 ou 4.0) ou CSV, le format lu dans son contenu\u{a0}; les personnes sont rapprochées par courriel"
        }
        "import contacts file" => "Le fichier à lire",
        "import contacts --json" => {
            "Écrire du JSON\u{a0}: le format lu, les nombres, et ce qu'est devenue chaque fiche"
        }
        "backups" => "Lister les sauvegardes du fichier de données, la plus récente d'abord",
        "backups --json" => {
            "Écrire du JSON\u{a0}: le nom, la taille et la lisibilité de chaque sauvegarde"
        }
        "restore" => "Restaurer une sauvegarde (le fichier actuel est sauvegardé d'abord)",
        "restore backup" => "Le nom de la sauvegarde, tel que `cercle backups` l'écrit",
        "export" => "Écrire des données\u{a0}: feuilles d'émargement, certificats, calendrier",
        "export bundle" => {
            "Des paquets de partage\u{a0}: des formateur·rices, un par stagiaire (sa seule présence, jamais le financement, le suivi ni rien de confidentiel)\u{a0}; d'un·e stagiaire, ses contributions"
        }
        "export bundle --cohort" | "export attendance --cohort" => {
            "La promotion, par identifiant ou par nom (par défaut, celle en cours)"
        }
        "export bundle --for" => {
            "`trainees`\u{a0}: les paquets des formateur·rices pour les stagiaires\u{a0}; `trainer`\u{a0}: le paquet d'un·e stagiaire en retour"
        }
        "export bundle --for trainees" => "Des formateur·rices, pour les stagiaires",
        "export bundle --for trainer" => "D'un·e stagiaire, pour les formateur·rices",
        "export bundle --trainee" => {
            "Le ou la stagiaire\u{a0}: le seul paquet à faire, ou qui le fait (avec `--for trainer`\u{a0}; par défaut, qui vous êtes, d'après le premier paquet importé)"
        }
        "export bundle --by" => {
            "Le ou la formatrice qui fait les paquets (par défaut, le premier de la promotion)"
        }
        "export bundle --output" => {
            "Un fichier pour un paquet (`-`\u{a0}: la sortie standard), ou un dossier pour un par stagiaire (par défaut, le dossier courant)"
        }
        "export contacts" => {
            "L'annuaire, chaque personne avec les seuls champs qu'elle accepte de partager"
        }
        "export contacts --format" | "export calendar --format" | "export certificate --format" => {
            "Le format du fichier"
        }
        "export contacts --format vcard" => "vCard 4.0 (RFC 6350)",
        "export contacts --format csv" => "CSV avec une ligne d'en-têtes",
        "export contacts --filter" => {
            "Seulement les personnes que trouve cette recherche, tapée comme dans le `/` de l'application (par ex. `dep:33 role:trainer`)"
        }
        "export contacts --dialect" => {
            "La forme du CSV\u{a0}: `fr` (points-virgules, BOM, en-têtes français, départements et téléphones gardés en texte) ou `rfc` (RFC 4180)\u{a0}; par défaut, celle de la langue de l'interface"
        }
        "export contacts --dialect fr" | "export attendance --dialect fr" => {
            "Ce qu'ouvre un tableur français\u{a0}: points-virgules, BOM, virgules décimales, en-têtes français"
        }
        "export contacts --dialect rfc" | "export attendance --dialect rfc" => {
            "RFC 4180\u{a0}: virgules, sans BOM, points décimaux, en-têtes anglais"
        }
        "export contacts --output" => "Le fichier à écrire (`-` ou rien\u{a0}: la sortie standard)",
        "export attendance" => {
            "La feuille d'émargement d'une promotion ou d'un séminaire (une ligne par stagiaire et par demi-journée)"
        }
        "export attendance --seminar" => "Un seul séminaire, par identifiant ou code de module",
        "export attendance --format" => {
            "CSV pour les tableurs, XLSX pour un classeur aux cellules typées, HTML pour imprimer et signer"
        }
        "export attendance --format csv" => "Valeurs séparées, dans un dialecte (voir `--dialect`)",
        "export attendance --format xlsx" => {
            "Un classeur Excel\u{a0}: une feuille par séminaire et les heures de chaque stagiaire"
        }
        "export attendance --format html" | "export certificate --format html" => {
            "Une page à imprimer"
        }
        "export attendance --format pdf" => {
            "Un document PDF/A sur A4 paysage, polices incluses, prêt à classer ou à envoyer à un financeur"
        }
        "export attendance --dialect" => {
            "La forme du CSV\u{a0}: `fr` (points-virgules, BOM, virgules décimales, en-têtes français) ou `rfc` (RFC 4180\u{a0}: virgules, en-têtes anglais)\u{a0}; par défaut, celle de la langue de l'interface"
        }
        "export attendance --output" => "Où l'écrire (par défaut, la sortie standard)",
        "export certificate" => {
            "Le certificat de réalisation d'un·e stagiaire, en HTML ou en PDF\u{a0}: de la première demi-journée à la dernière tenue, jamais une demi-journée prévue"
        }
        "export certificate --format pdf" => "Un document PDF/A sur A4, polices incluses",
        "export certificate --trainee" => {
            "Le ou la stagiaire, par identifiant (dans toute promotion, passée ou en cours) ou par nom"
        }
        "export certificate --all" => {
            "Un certificat par stagiaire de la promotion, écrit dans le dossier que nomme `-o` (par défaut, le dossier courant)"
        }
        "export certificate --cohort" => {
            "La promotion, par identifiant ou par nom (par défaut, celle du ou de la stagiaire, ou celle en cours)"
        }
        "export certificate --until" => {
            "Certifier la période jusqu'à ce jour seulement (pour les financeurs qui paient par tranches), écrit `31/12/2026` ou `2026-12-31`\u{a0}; jamais après aujourd'hui"
        }
        "export certificate --output" => {
            "Où l'écrire (par défaut, la sortie standard\u{a0}; avec `--all`, un dossier)"
        }
        "export person" => "Tout ce que Cercle garde sur une personne (son droit d'accès), en JSON",
        "export person person" | "forget person" => "La personne, par identifiant ou par nom",
        "export person --output" | "export calendar --output" => {
            "Le fichier à écrire (0600)\u{a0}; `-` ou rien écrit sur la sortie standard"
        }
        "export calendar" => {
            "Les séminaires (un évènement par demi-journée, le lieu comme emplacement) et les séances de tutorat, en fichier iCalendar (RFC 5545) aux UID stables"
        }
        "export calendar --format ics" => "iCalendar (`.ics`)",
        "export calendar --cohort" => {
            "Seulement cette promotion (identifiant ou nom)\u{a0}; sans elle, toutes"
        }
        "sync" => {
            "Partager les données avec l'équipe des formateur·rices par un dépôt git\u{a0}: enregistrer les modifications de cette machine, récupérer et fusionner celles de l'équipe, envoyer (voir docs/sync.md)"
        }
        "sync init" => {
            "Faire du dossier des données un dépôt git prêt à synchroniser, ou rejoindre celui de l'équipe\u{a0}: un dossier vide prend ce que le dépôt distant contient"
        }
        "sync init --remote" => {
            "Le dépôt de l'équipe (toute adresse que git comprend\u{a0}: ssh, https, un chemin)"
        }
        "sync status" => {
            "Dire quand la dernière synchronisation a atteint l'équipe, et combien de commits attendent de chaque côté"
        }
        "sync status --json" => {
            "Écrire du JSON\u{a0}: la dernière synchronisation (RFC 3339, UTC), les commits en avance et en retard, et si un dépôt distant est réglé"
        }
        "forget" => {
            "Effacer une personne partout (le fichier de données, ses sauvegardes et le fichier de récupération)\u{a0}; ce que la loi impose de garder, comme les feuilles d'émargement signées, reste sous un pseudonyme"
        }
        "forget --yes" => "Ne pas demander de confirmation (pour les scripts)",
        "verify" => {
            "Vérifier chaque signature de stagiaire, chaque scellé et la chaîne des scellés de chaque promotion (sortie 0 le registre tient, 7 il a été modifié)"
        }
        "verify --cohort" => "Seulement cette promotion, par identifiant ou par nom",
        "verify --json" => "Écrire du JSON plutôt que des lignes",
        "completions" => "Écrire le script de complétion d'un shell",
        "completions shell" => "Le shell",
        "completions shell bash" => "Bash",
        "completions shell zsh" => "Zsh",
        "completions shell fish" => "Fish",
        "completions shell powershell" => "PowerShell",
        "completions shell elvish" => "Elvish",
        "completions shell nushell" => "Nushell",
        "man" => "Écrire la page de manuel (roff), pour `man`\u{a0}: `cercle man > cercle.1`",
        _ => return None,
    })
}

/// The French name of a value the command line takes, by its English name (`FILE` in
/// `--output <FILE>`), or `None` when there is none. Help, usage lines, the manual page and
/// clap's errors all show it.
pub fn french_value(english: &str) -> Option<&'static str> {
    Some(match english {
        "AUDIENCE" => "DESTINATAIRES",
        "BACKUP" => "SAUVEGARDE",
        "COHORT" => "PROMOTION",
        "COHORTS" => "NOMBRE",
        "DATE" => "DATE",
        "DIALECT" => "DIALECTE",
        "DIR" => "DOSSIER",
        "FILE" => "FICHIER",
        "FORMAT" => "FORMAT",
        "LANG" => "LANGUE",
        "PATH" => "CHEMIN",
        "PERSON" => "PERSONNE",
        "QUERY" => "RECHERCHE",
        "SEED" => "GRAINE",
        "SEMINAR" => "SÉMINAIRE",
        "SHELL" => "SHELL",
        "TRAINEE" => "STAGIAIRE",
        "TRAINER" => "FORMATEUR·RICE",
        "URL" => "URL",
        _ => return None,
    })
}
