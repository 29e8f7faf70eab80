//! Searching the directory: fuzzy words and field filters typed in one box, e.g.
//! `cam type:fablab dep:33 cohort:"Bretagne 4"`.
//!
//! Words are matched with nucleo-matcher (the fzf algorithm of the helix editor): each word must
//! match one field of a person, accents and case ignored. The name and the project's name are
//! matched fuzzily ("cmldb" finds "Camille Dubois"); the longer fields (organisation, place,
//! tags, emails) need the letters together, or "ar" would find everyone through "example.org".
//! The score is the sum of each word's best field score, the name counting double.
//! Filters of one field are alternatives (`dep:33 dep:24`); filters of different fields must all
//! hold.

use super::fold::fold;
use super::geo;
use super::{Data, Person, PersonRole, PlaceKind, ProjectPhase};
use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Matcher, Utf32String};

/// A field a filter applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// `type:` the kind of place of the project.
    Type,
    /// `dep:` the département.
    Dep,
    /// `cohort:` a cohort the person belongs to (part of its name).
    Cohort,
    /// `role:` trainee, trainer, host or staff.
    Role,
    /// `phase:` the phase of the project.
    Phase,
    /// `tag:` a skill, tag or speciality (part of it).
    Tag,
}

impl Key {
    fn parse(name: &str) -> Option<Self> {
        Some(match fold(name).as_str() {
            "type" | "kind" => Self::Type,
            "dep" | "departement" => Self::Dep,
            "cohort" | "promo" | "promotion" => Self::Cohort,
            "role" => Self::Role,
            "phase" => Self::Phase,
            "tag" | "skill" => Self::Tag,
            _ => return None,
        })
    }
}

/// One `key:value` filter; the value is folded (lower case, no accents).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// The field.
    pub key: Key,
    /// What it must hold.
    pub value: String,
}

/// A parsed search: fuzzy words and filters.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// Each word, and its strict form (letters together) for the long fields.
    atoms: Vec<(Atom, Atom)>,
    /// The filters, in the order typed.
    pub filters: Vec<Filter>,
    /// The words typed after `!`, folded: they also exclude by role, kind of place and phase
    /// (`!stagiaire`), which are not words of a person's fields.
    excluded: Vec<String>,
    /// What was typed that the search could not take, to say so.
    pub problem: Option<QueryProblem>,
}

/// A part of a search that names no filter or value Cercle knows: it finds nobody, and the
/// user is told what is accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryProblem {
    /// `typ:fablab`: no filter of that name.
    UnknownKey(String),
    /// `type:zzz`: that filter has no such value; the accepted values.
    UnknownValue(String, Vec<&'static str>),
}

/// The filter names the directory's search accepts, as the user types them.
pub const KEY_NAMES: [&str; 6] = ["type", "dep", "cohort", "role", "phase", "tag"];

impl Query {
    /// Parses what was typed. `key:"two words"` and `"two words"` keep their spaces; an
    /// unknown `key:` is an ordinary word.
    pub fn parse(text: &str) -> Self {
        let mut query = Self::default();
        for (token, quoted) in tokens(text) {
            if let Some((name, value)) = token.split_once(':')
                && let Some(key) = Key::parse(name)
            {
                let value = fold(value.trim());
                if let Some(accepted) = accepted_values(key)
                    && !value.is_empty()
                    && !accepted.iter().any(|a| a.starts_with(&value))
                {
                    query
                        .problem
                        .get_or_insert(QueryProblem::UnknownValue(token.clone(), accepted));
                }
                if !value.is_empty() {
                    query.filters.push(Filter { key, value });
                }
                continue;
            }
            if let Some((name, _)) = token.split_once(':')
                && !quoted
                && !name.is_empty()
                && name.chars().all(char::is_alphabetic)
            {
                // A misspelt filter ("typ:fablab") is said, not searched as a word.
                query
                    .problem
                    .get_or_insert(QueryProblem::UnknownKey(name.to_owned()));
            }
            if let Some(word) = token.strip_prefix('!').filter(|w| !w.is_empty()) {
                query.excluded.push(fold(word));
            }
            let needle = normalise(&token);
            if needle.trim().is_empty() {
                continue;
            }
            let atom = if quoted {
                substring(&needle)
            } else {
                Atom::parse(&needle, CaseMatching::Ignore, Normalization::Smart)
            };
            let strict = if atom.kind == AtomKind::Fuzzy {
                substring(&needle)
            } else {
                atom.clone()
            };
            query.atoms.push((atom, strict));
        }
        query
    }

    /// Whether words were typed (then the list is ranked by score).
    pub fn has_words(&self) -> bool {
        self.atoms.iter().any(|(a, _)| !a.negative)
    }

    /// Whether the query asks for nothing (every person matches).
    pub fn is_empty(&self) -> bool {
        self.atoms.is_empty() && self.filters.is_empty()
    }
}

/// An atom matching the letters together, ignoring case and accents.
fn substring(needle: &str) -> Atom {
    Atom::new(
        needle,
        CaseMatching::Ignore,
        Normalization::Smart,
        AtomKind::Substring,
        false,
    )
}

/// Splits on spaces, keeping quoted parts whole (the quotes removed); says whether the token
/// was quoted.
fn tokens(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let (mut in_quotes, mut quoted) = (false, false);
    for c in text.chars() {
        match c {
            '"' => {
                in_quotes = !in_quotes;
                quoted = true;
            }
            c if c.is_whitespace() && !in_quotes => {
                if !current.is_empty() {
                    out.push((std::mem::take(&mut current), quoted));
                }
                quoted = false;
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        out.push((current, quoted));
    }
    out
}

/// Lower case without accents, so that "elodie" and "Élodie" both find "Élodie".
fn normalise(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(nucleo_matcher::chars::normalize)
        .collect()
}

/// The fields the words are matched against, prepared once per data version.
#[derive(Clone, Default)]
pub struct Index {
    people: Vec<[Utf32String; FIELDS]>,
}

const FIELDS: usize = 6;
/// The fields matched fuzzily: the name and the project's name.
const FUZZY_FIELDS: [bool; FIELDS] = [true, false, false, true, false, false];
/// The name field's weight: a match in the name ranks above one elsewhere.
const NAME_WEIGHT: u32 = 2;

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Index({} people)", self.people.len())
    }
}

impl Index {
    /// Prepares the search fields of every person of `data`.
    pub fn new(data: &Data) -> Self {
        Self {
            people: data.people.iter().map(|p| fields(p)).collect(),
        }
    }
}

fn fields(p: &Person) -> [Utf32String; FIELDS] {
    let place = geo::departement(&p.departement).map_or("", |d| d.name);
    let tags: Vec<&str> = p.skills().collect();
    [
        Utf32String::from(p.name.as_str()),
        Utf32String::from(format!("{} {}", p.organisation, p.job).trim()),
        Utf32String::from(format!("{} {} {place}", p.city, p.departement).trim()),
        Utf32String::from(p.project.as_ref().map_or("", |p| p.name.as_str())),
        Utf32String::from(tags.join(" ").as_str()),
        Utf32String::from(p.emails.join(" ").as_str()),
    ]
}

/// The people matching `query`, as `(index into data.people, score)` in the data's order.
/// `cohorts` are each person's cohorts (see [`super::directory::memberships`]).
pub fn search(
    data: &Data,
    index: &Index,
    cohorts: &[Vec<usize>],
    query: &Query,
    matcher: &mut Matcher,
) -> Vec<(usize, u32)> {
    search_among(data, index, cohorts, query, matcher, None)
}

/// The same, looking only at the people `among` (indices into `data.people`) when given: a
/// query that only adds letters to the previous one can only find fewer people.
pub fn search_among(
    data: &Data,
    index: &Index,
    cohorts: &[Vec<usize>],
    query: &Query,
    matcher: &mut Matcher,
    among: Option<&[usize]>,
) -> Vec<(usize, u32)> {
    // Which cohorts a `cohort:` filter names, decided once rather than per person.
    let wanted_cohorts: Vec<bool> = data
        .cohorts
        .iter()
        .map(|c| {
            let name = fold(&c.name);
            query
                .filters
                .iter()
                .any(|f| f.key == Key::Cohort && name.contains(&f.value))
        })
        .collect();
    let mut keys: Vec<Key> = Vec::new();
    for filter in &query.filters {
        if !keys.contains(&filter.key) {
            keys.push(filter.key);
        }
    }
    let mut check = |i: usize| -> Option<(usize, u32)> {
        let (person, haystacks) = (data.people.get(i)?, index.people.get(i)?);
        let passes = keys.iter().all(|&key| {
            query.filters.iter().filter(|f| f.key == key).any(|f| {
                if key == Key::Cohort {
                    cohorts
                        .get(i)
                        .is_some_and(|c| c.iter().any(|&c| wanted_cohorts[c]))
                } else {
                    holds(person, f)
                }
            })
        });
        if !passes || query.excluded.iter().any(|w| excluded_by(person, w)) {
            return None;
        }
        score(&query.atoms, haystacks, matcher).map(|s| (i, s))
    };
    match among {
        Some(rows) => rows.iter().filter_map(|&i| check(i)).collect(),
        None => (0..data.people.len()).filter_map(check).collect(),
    }
}

/// Whether every person `new` finds is among those `old` found, both being what was typed:
/// only letters or words were added, and neither holds a filter, a quote or an operator
/// (`dep:3` to `dep:33` finds others; `!x` finds more as it grows).
pub fn refines(old: &str, new: &str) -> bool {
    let plain = |t: &str| {
        !t.chars()
            .any(|c| matches!(c, ':' | '"' | '!' | '$' | '^' | '\''))
    };
    !old.trim().is_empty() && new.starts_with(old) && plain(new)
}

fn score(
    atoms: &[(Atom, Atom)],
    haystacks: &[Utf32String; FIELDS],
    matcher: &mut Matcher,
) -> Option<u32> {
    let mut total = 0;
    for (fuzzy, strict) in atoms {
        let atom_for = |n: usize| if FUZZY_FIELDS[n] { fuzzy } else { strict };
        if fuzzy.negative {
            // A negative word excludes the person if any field holds it.
            if haystacks
                .iter()
                .enumerate()
                .any(|(n, h)| atom_for(n).score(h.slice(..), matcher).is_none())
            {
                return None;
            }
            continue;
        }
        let best = haystacks
            .iter()
            .enumerate()
            .filter_map(|(n, h)| {
                let weight = if n == 0 { NAME_WEIGHT } else { 1 };
                atom_for(n)
                    .score(h.slice(..), matcher)
                    .map(|s| u32::from(s) * weight)
            })
            .max()?;
        total += best;
    }
    Some(total)
}

/// Whether a person passes one filter (other than `cohort:`).
fn holds(person: &Person, filter: &Filter) -> bool {
    let value = filter.value.as_str();
    let any = |aliases: &[&str]| aliases.iter().any(|a| a.starts_with(value));
    match filter.key {
        Key::Type => person
            .project
            .as_ref()
            .is_some_and(|p| any(kind_aliases(p.kind))),
        Key::Phase => person
            .project
            .as_ref()
            .is_some_and(|p| any(phase_aliases(p.phase))),
        Key::Role => any(role_aliases(person.role)),
        Key::Dep => {
            let dep = person.departement.to_ascii_lowercase();
            dep == value || (value.len() == 1 && dep == format!("0{value}"))
        }
        Key::Tag => person.skills().any(|t| fold(t).contains(value)),
        Key::Cohort => false,
    }
}

/// The values a filter of closed choices accepts (every alias), `None` for open ones.
fn accepted_values(key: Key) -> Option<Vec<&'static str>> {
    let all = match key {
        Key::Type => PlaceKind::ALL
            .iter()
            .flat_map(|k| kind_aliases(*k))
            .copied()
            .collect(),
        Key::Phase => [
            ProjectPhase::Creation,
            ProjectPhase::Development,
            ProjectPhase::Repositioning,
        ]
        .iter()
        .flat_map(|p| phase_aliases(*p))
        .copied()
        .collect(),
        Key::Role => [
            PersonRole::Trainee,
            PersonRole::Trainer,
            PersonRole::Host,
            PersonRole::Staff,
        ]
        .iter()
        .flat_map(|r| role_aliases(*r))
        .copied()
        .collect(),
        Key::Dep | Key::Cohort | Key::Tag => return None,
    };
    Some(all)
}

/// Whether `!word` excludes the person by what is not a word of their fields: their role, or
/// their project's kind of place or phase.
fn excluded_by(person: &Person, word: &str) -> bool {
    let names = |aliases: &[&str]| aliases.contains(&word);
    names(role_aliases(person.role))
        || person
            .project
            .as_ref()
            .is_some_and(|p| names(kind_aliases(p.kind)) || names(phase_aliases(p.phase)))
}

/// The words a filter accepts for a kind of place (English and French, folded); a prefix is
/// enough (`type:fab`).
fn kind_aliases(kind: PlaceKind) -> &'static [&'static str] {
    match kind {
        PlaceKind::Coworking => &["coworking"],
        PlaceKind::Fablab => &["fablab"],
        PlaceKind::SharedWorkshop => &["shared_workshop", "workshop", "atelier"],
        PlaceKind::Cafe => &["cafe"],
        PlaceKind::Farm => &["farm", "ferme", "agricole", "nourricier"],
        PlaceKind::Hybrid => &["hybrid", "hybride"],
        PlaceKind::Digital => &["digital", "numerique", "mediation"],
        PlaceKind::Medialab => &["medialab"],
    }
}

fn phase_aliases(phase: ProjectPhase) -> &'static [&'static str] {
    match phase {
        ProjectPhase::Creation => &["creation"],
        ProjectPhase::Development => &["development", "developpement"],
        ProjectPhase::Repositioning => &["repositioning", "repositionnement"],
    }
}

fn role_aliases(role: PersonRole) -> &'static [&'static str] {
    match role {
        PersonRole::Trainee => &["trainee", "stagiaire"],
        PersonRole::Trainer => &[
            "trainer",
            "formateur",
            "formatrice",
            "tutor",
            "tuteur",
            "tutrice",
        ],
        PersonRole::Host => &["host", "hote", "accueil"],
        PersonRole::Staff => &["staff", "equipe", "admin"],
    }
}

/// The positions (in graphemes, as nucleo counts them) of `text`'s letters that the query's
/// words match, for highlighting. Empty when no word matches `text` itself.
pub fn highlight(query: &Query, text: &str, matcher: &mut Matcher) -> Vec<u32> {
    let haystack = Utf32String::from(text);
    let mut indices = Vec::new();
    for (atom, _) in query.atoms.iter().filter(|(a, _)| !a.negative) {
        atom.indices(haystack.slice(..), matcher, &mut indices);
    }
    indices.sort_unstable();
    indices.dedup();
    indices
}

/// A matcher set up for the directory (one per search: it holds a scratch buffer of ~135 KB).
pub fn matcher() -> Matcher {
    let mut config = nucleo_matcher::Config::DEFAULT;
    // People look names up by their start: "mar" ranks Marie Martin above Jean Marais.
    config.prefer_prefix = true;
    Matcher::new(config)
}

/// The `limit` names that best match what was typed, best first, with the directory's matcher
/// (each word fuzzily, accents and case ignored): the candidates a form offers for a name.
/// Nothing typed offers nothing.
pub fn best_names(typed: &str, names: &[String], limit: usize) -> Vec<usize> {
    let query = Query::parse(typed);
    if query.atoms.is_empty() {
        return Vec::new();
    }
    let mut matcher = matcher();
    let mut scored: Vec<(u32, usize)> = names
        .iter()
        .enumerate()
        .filter_map(|(n, name)| {
            let haystack = Utf32String::from(name.as_str());
            query
                .atoms
                .iter()
                .map(|(atom, _)| atom.score(haystack.slice(..), &mut matcher))
                .try_fold(0u32, |sum, score| score.map(|s| sum + u32::from(s)))
                .map(|score| (score, n))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().take(limit).map(|(_, n)| n).collect()
}
