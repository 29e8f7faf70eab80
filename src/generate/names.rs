//! Word lists for synthetic data: French first and last names, regions and towns, place names.
//! Combinations are random, so no generated person is meant to be anyone real.

use crate::domain::PlaceKind;

/// French first names.
pub const FIRST_NAMES: &[&str] = &[
    "Camille",
    "Léa",
    "Manon",
    "Chloé",
    "Inès",
    "Sarah",
    "Julie",
    "Clara",
    "Élodie",
    "Aurélie",
    "Mathilde",
    "Pauline",
    "Anaïs",
    "Margaux",
    "Lucie",
    "Amina",
    "Nadia",
    "Solène",
    "Maëlle",
    "Agathe",
    "Thomas",
    "Lucas",
    "Hugo",
    "Romain",
    "Julien",
    "Nicolas",
    "Mathieu",
    "Antoine",
    "Samuel",
    "Malik",
    "Karim",
    "Yann",
    "Bastien",
    "Florian",
    "Damien",
    "Cédric",
    "Théo",
    "Baptiste",
    "Gaël",
    "Noé",
    "Sacha",
    "Alix",
    "Morgan",
    "Dominique",
];

/// French last names.
pub const LAST_NAMES: &[&str] = &[
    "Dubois",
    "Moreau",
    "Garnier",
    "Lacoste",
    "Delmas",
    "Chabot",
    "Perrin",
    "Rivière",
    "Benali",
    "Ndiaye",
    "Brunet",
    "Roche",
    "Vasseur",
    "Faure",
    "Marty",
    "Guérin",
    "Tessier",
    "Lemaire",
    "Girard",
    "Bonnet",
    "Mercier",
    "Lefèvre",
    "Fabre",
    "Chevalier",
    "Gauthier",
    "Barbier",
    "Renaud",
    "Arnaud",
    "Colin",
    "Picard",
    "Roussel",
    "Leclerc",
    "Carpentier",
    "Aubert",
    "Hamon",
    "Le Gall",
    "Kerbrat",
    "Etcheverry",
    "Castaing",
    "Peyrot",
    "Haddad",
    "Da Silva",
];

/// A region with its towns and their département codes.
pub struct Region {
    /// The region's name, used to name cohorts.
    pub name: &'static str,
    /// Towns and their département codes.
    pub towns: &'static [(&'static str, &'static str)],
}

/// The regions cohorts are run in.
pub const REGIONS: &[Region] = &[
    Region {
        name: "Nouvelle-Aquitaine",
        towns: &[
            ("Bordeaux", "33"),
            ("Périgueux", "24"),
            ("Mont-de-Marsan", "40"),
            ("Pau", "64"),
            ("Agen", "47"),
            ("Limoges", "87"),
            ("Niort", "79"),
            ("La Rochelle", "17"),
            ("Angoulême", "16"),
            ("Poitiers", "86"),
        ],
    },
    Region {
        name: "Bretagne",
        towns: &[
            ("Rennes", "35"),
            ("Brest", "29"),
            ("Vannes", "56"),
            ("Saint-Brieuc", "22"),
            ("Lorient", "56"),
            ("Quimper", "29"),
        ],
    },
    Region {
        name: "Occitanie",
        towns: &[
            ("Toulouse", "31"),
            ("Montpellier", "34"),
            ("Albi", "81"),
            ("Rodez", "12"),
            ("Nîmes", "30"),
            ("Perpignan", "66"),
            ("Cahors", "46"),
        ],
    },
    Region {
        name: "Auvergne-Rhône-Alpes",
        towns: &[
            ("Lyon", "69"),
            ("Grenoble", "38"),
            ("Clermont-Ferrand", "63"),
            ("Valence", "26"),
            ("Aurillac", "15"),
            ("Annecy", "74"),
        ],
    },
    Region {
        name: "Pays de la Loire",
        towns: &[
            ("Nantes", "44"),
            ("Angers", "49"),
            ("Le Mans", "72"),
            ("Laval", "53"),
            ("La Roche-sur-Yon", "85"),
        ],
    },
    Region {
        name: "Hauts-de-France",
        towns: &[
            ("Lille", "59"),
            ("Amiens", "80"),
            ("Arras", "62"),
            ("Beauvais", "60"),
            ("Laon", "02"),
        ],
    },
    Region {
        name: "Grand Est",
        towns: &[
            ("Strasbourg", "67"),
            ("Nancy", "54"),
            ("Reims", "51"),
            ("Metz", "57"),
            ("Troyes", "10"),
        ],
    },
    Region {
        name: "Normandie",
        towns: &[
            ("Rouen", "76"),
            ("Caen", "14"),
            ("Cherbourg-en-Cotentin", "50"),
            ("Évreux", "27"),
            ("Alençon", "61"),
        ],
    },
    Region {
        name: "Centre-Val de Loire",
        towns: &[
            ("Tours", "37"),
            ("Orléans", "45"),
            ("Bourges", "18"),
            ("Blois", "41"),
            ("Châteauroux", "36"),
        ],
    },
    Region {
        name: "Bourgogne-Franche-Comté",
        towns: &[
            ("Dijon", "21"),
            ("Besançon", "25"),
            ("Auxerre", "89"),
            ("Mâcon", "71"),
            ("Nevers", "58"),
        ],
    },
    Region {
        name: "Provence-Alpes-Côte d'Azur",
        towns: &[
            ("Marseille", "13"),
            ("Avignon", "84"),
            ("Gap", "05"),
            ("Digne-les-Bains", "04"),
            ("Toulon", "83"),
        ],
    },
    Region {
        name: "Île-de-France",
        towns: &[
            ("Montreuil", "93"),
            ("Saint-Denis", "93"),
            ("Créteil", "94"),
            ("Évry-Courcouronnes", "91"),
            ("Cergy", "95"),
        ],
    },
];

/// The first word of a place's name, by kind.
pub fn place_prefixes(kind: PlaceKind) -> &'static [&'static str] {
    match kind {
        PlaceKind::Coworking => &["Cowork", "L'Escale", "Le Bureau partagé"],
        PlaceKind::Fablab => &["Fablab", "La Fabrique numérique"],
        PlaceKind::SharedWorkshop => &["L'Établi", "Atelier partagé"],
        PlaceKind::Cafe => &["Café", "Le Comptoir"],
        PlaceKind::Farm => &["La Ferme", "Les Jardins"],
        PlaceKind::Hybrid => &["Tiers-lieu", "La Friche", "Le Hangar"],
        PlaceKind::Digital => &["Point numérique", "L'Espace connecté"],
        PlaceKind::Medialab => &["Médialab", "Le Studio"],
    }
}

/// The end of a place's name.
pub const PLACE_SUFFIXES: &[&str] = &[
    "des Tilleuls",
    "du Moulin",
    "de la Gare",
    "des Halles",
    "du Port",
    "des Sources",
    "du Lavoir",
    "des Forges",
    "de l'Écluse",
    "du Marché",
    "des Coteaux",
    "du Faubourg",
    "de la Tannerie",
    "des Vignes",
    "du Canal",
    "de la Filature",
    "des Communs",
    "du Bocage",
];

/// Street names for venue addresses.
pub const STREETS: &[&str] = &[
    "rue des Coopérateurs",
    "impasse des Tisserands",
    "chemin des Communaux",
    "rue de la Fonderie",
    "place du Foirail",
    "allée des Charrons",
    "rue des Vanniers",
    "quai des Gabares",
];

/// A trainer's specialities.
pub const SPECIALITIES: &[&str] = &[
    "fabmanager",
    "gouvernance",
    "financement",
    "communication",
    "codéveloppement",
    "tiers-lieu nourricier",
    "café associatif",
    "médiation numérique",
    "mesure d'impact",
    "modèle économique",
];

/// Skills trainees tag themselves with.
pub const TAGS: &[&str] = &[
    "menuiserie",
    "réemploi",
    "maraîchage",
    "vidéo",
    "comptabilité",
    "animation",
    "graphisme",
    "bénévolat",
    "cuisine",
    "électronique",
    "jardinage",
    "radio",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fold::slug;

    #[test]
    fn every_name_slugs_to_something() {
        for name in FIRST_NAMES.iter().chain(LAST_NAMES) {
            let s = slug(name);
            assert!(!s.is_empty() && s.is_ascii(), "{name} -> {s}");
        }
    }
}
