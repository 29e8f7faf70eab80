//! The knowledge circle's rules: which offer meets which request, who has not brought an offer
//! or a request yet, and who exchanged with whom. Nothing here ranks people or counts hours.

use super::cohort::Cohort;
use super::fold::fold;
use super::ids::{KnowledgeId, PersonId};
use super::knowledge::{KnowledgeItem, KnowledgeKind, Topic};
use super::programme::Programme;
use std::collections::{BTreeMap, BTreeSet};

/// An offer that meets a request: the circle suggests putting the two people in touch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The offer.
    pub offer: KnowledgeId,
    /// The request.
    pub request: KnowledgeId,
    /// Whether their tags meet (same module or block, or a module of that block).
    pub by_tag: bool,
    /// The significant words their titles share, as the offer writes them (accents kept).
    pub words: Vec<String>,
}

/// Words too common to say that two titles are about the same thing.
const COMMON: &[&str] = &[
    "avec", "dans", "pour", "leur", "leurs", "cette", "comme", "sans", "sous", "entre", "plus",
    "tout", "tous", "toute", "faire", "mettre", "lieu", "lieux", "tiers", "notre", "votre", "with",
    "from", "into", "that", "this", "your", "about", "place", "how", "what", "make",
];

/// The significant words of a title: folded (no case, no accents), words of four letters or
/// more, common words left out, a plural `s` or `x` dropped ("subventions" meets "subvention").
pub fn words(text: &str) -> BTreeSet<String> {
    shown_words(text).into_keys().collect()
}

/// The significant words of a title, folded, each with the word as the title writes it (in
/// lower case, accents kept): what two titles share is compared folded and shown as written.
fn shown_words(text: &str) -> BTreeMap<String, String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter_map(|word| {
            let folded = fold(word);
            let stem = folded
                .strip_suffix(['s', 'x'])
                .filter(|s| s.chars().count() >= 4)
                .unwrap_or(&folded)
                .to_owned();
            let keep = folded.chars().count() >= 4
                && !COMMON.contains(&folded.as_str())
                && !COMMON.contains(&stem.as_str());
            keep.then(|| (stem, word.to_lowercase()))
        })
        .collect()
}

/// Whether two tags meet: the same module or block, or a module and its block.
pub fn tags_meet(a: &Topic, b: &Topic, programme: &Programme) -> bool {
    let block_of = |topic: &Topic| match topic {
        Topic::Block(block) => Some(block.clone()),
        Topic::Module(module) => programme.module(module).map(|m| m.block.clone()),
    };
    match (a, b) {
        (Topic::Module(x), Topic::Module(y)) => x == y,
        (Topic::Block(x), Topic::Block(y)) => x == y,
        _ => block_of(a).is_some() && block_of(a) == block_of(b),
    }
}

/// Whether an offer meets a request, and how; `None` when it does not, or when they come from
/// the same person.
pub fn meets(
    offer: &KnowledgeItem,
    request: &KnowledgeItem,
    programme: &Programme,
) -> Option<Suggestion> {
    if offer.kind != KnowledgeKind::Offer
        || request.kind != KnowledgeKind::Request
        || offer.person == request.person
    {
        return None;
    }
    let by_tag = match (&offer.topic, &request.topic) {
        (Some(a), Some(b)) => tags_meet(a, b, programme),
        _ => false,
    };
    let wanted = words(&request.title);
    let shared: Vec<String> = shown_words(&offer.title)
        .into_iter()
        .filter(|(folded, _)| wanted.contains(folded))
        .map(|(_, shown)| shown)
        .collect();
    (by_tag || !shared.is_empty()).then(|| Suggestion {
        offer: offer.id.clone(),
        request: request.id.clone(),
        by_tag,
        words: shared,
    })
}

/// Every suggestion of the cohort among its active trainees, request by request, leaving out
/// the pairs already put in touch. Within a request, matches by tag and words come first.
pub fn suggestions(cohort: &Cohort, programme: &Programme) -> Vec<Suggestion> {
    let active: BTreeSet<&PersonId> = cohort.active_trainees().collect();
    let items: Vec<&KnowledgeItem> = cohort
        .knowledge
        .iter()
        .filter(|k| active.contains(&k.person))
        .collect();
    let done = |offer: &KnowledgeId, request: &KnowledgeId| {
        cohort
            .exchanges
            .iter()
            .any(|e| e.offer.as_ref() == Some(offer) && e.request.as_ref() == Some(request))
    };
    let mut out = Vec::new();
    for request in items.iter().filter(|k| k.kind == KnowledgeKind::Request) {
        let mut found: Vec<Suggestion> = items
            .iter()
            .filter_map(|offer| meets(offer, request, programme))
            .filter(|s| !done(&s.offer, &s.request))
            .collect();
        found.sort_by_key(|s| (!s.by_tag || s.words.is_empty(), !s.by_tag));
        out.extend(found);
    }
    out
}

/// The suggestions that involve one offer or request.
pub fn suggestions_for<'a>(all: &'a [Suggestion], item: &KnowledgeId) -> Vec<&'a Suggestion> {
    all.iter()
        .filter(|s| &s.offer == item || &s.request == item)
        .collect()
}

/// What a person has brought to the circle so far: (an offer, a request).
pub fn brought(cohort: &Cohort, person: &PersonId) -> (bool, bool) {
    let has = |kind| {
        cohort
            .knowledge
            .iter()
            .any(|k| &k.person == person && k.kind == kind)
    };
    (has(KnowledgeKind::Offer), has(KnowledgeKind::Request))
}

/// How many exchanges each pair of people shared, each pair once (the smaller id first).
pub fn links(cohort: &Cohort) -> BTreeMap<(PersonId, PersonId), usize> {
    let mut out = BTreeMap::new();
    for exchange in &cohort.exchanges {
        let people: BTreeSet<&PersonId> = exchange.people.iter().collect();
        let people: Vec<&PersonId> = people.into_iter().collect();
        for (i, a) in people.iter().enumerate() {
            for b in &people[i + 1..] {
                *out.entry(((*a).clone(), (*b).clone())).or_insert(0) += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::{Exchange, ExchangeFormat};
    use crate::domain::{BlockId, ExchangeId, Module, ModuleId};

    fn item(
        id: &str,
        person: &str,
        kind: KnowledgeKind,
        title: &str,
        topic: &str,
    ) -> KnowledgeItem {
        let topic = match topic {
            "" => None,
            t if t.starts_with("b-") => Some(Topic::Block(BlockId::new(t))),
            t => Some(Topic::Module(ModuleId::new(t))),
        };
        KnowledgeItem {
            id: KnowledgeId::new(id),
            person: PersonId::new(person),
            kind,
            title: title.to_owned(),
            topic,
            note: None,
        }
    }

    fn programme() -> Programme {
        Programme {
            modules: vec![Module {
                id: ModuleId::new("m-2-1"),
                code: "2.1".into(),
                title: "Gestion".into(),
                block: BlockId::new("b-2"),
                planned_hours: 7.0,
                objectives: Vec::new(),
            }],
            ..Programme::default()
        }
    }

    fn cohort(items: Vec<KnowledgeItem>) -> Cohort {
        Cohort {
            trainees: ["a", "b", "c"].map(PersonId::new).to_vec(),
            knowledge: items,
            ..Cohort::default()
        }
    }

    use KnowledgeKind::{Offer, Request};

    #[test]
    fn words_are_folded_stemmed_and_common_ones_dropped() {
        let found = words("Trouver des Subventions pour le lieu");
        assert_eq!(found, ["subvention", "trouver"].map(String::from).into());
        assert!(words("Monter un dossier de subvention").contains("subvention"));
        assert!(words("Café et bières").contains("biere"));
    }

    #[test]
    fn an_offer_meets_a_request_by_tag_or_by_words_never_its_own() {
        let p = programme();
        let offer = item("o", "a", Offer, "Monter un dossier FDVA", "m-2-1");
        let by_tag = item("r1", "b", Request, "Équilibrer un budget", "m-2-1");
        let by_block = item("r2", "b", Request, "Piloter les ressources", "b-2");
        let by_words = item("r3", "b", Request, "Relire mon dossier", "m-1-4");
        let neither = item("r4", "b", Request, "Lancer un jardin", "b-nour");
        let own = item("r5", "a", Request, "Monter un dossier", "m-2-1");
        assert!(meets(&offer, &by_tag, &p).is_some_and(|s| s.by_tag && s.words.is_empty()));
        assert!(meets(&offer, &by_block, &p).is_some_and(|s| s.by_tag));
        let words = meets(&offer, &by_words, &p).unwrap();
        assert!(!words.by_tag);
        assert_eq!(words.words, ["dossier"]);
        assert_eq!(meets(&offer, &neither, &p), None);
        assert_eq!(
            meets(&offer, &own, &p),
            None,
            "nobody is matched with themselves"
        );
        let animate = item("o2", "a", Offer, "Animer une Communauté", "b-nour");
        let grow = item("r6", "b", Request, "Faire grandir ma communaute", "m-1-4");
        let shared = meets(&animate, &grow, &p).unwrap();
        assert_eq!(shared.words, ["communauté"], "accents are kept where shown");
        assert_eq!(
            meets(&by_tag, &offer, &p),
            None,
            "a request does not meet a request"
        );
    }

    #[test]
    fn suggestions_skip_pairs_already_in_touch_and_people_who_left() {
        let p = programme();
        let mut c = cohort(vec![
            item("o1", "a", Offer, "Monter un dossier de subvention", "m-2-1"),
            item("o2", "c", Offer, "Trouver des subventions", ""),
            item("r1", "b", Request, "Trouver des subventions", "m-2-1"),
        ]);
        let all = suggestions(&c, &p);
        let pairs: Vec<(&str, &str)> = all
            .iter()
            .map(|s| (s.offer.as_str(), s.request.as_str()))
            .collect();
        // o1 meets by tag and words, o2 by words only: the fuller match first.
        assert_eq!(pairs, [("o1", "r1"), ("o2", "r1")]);
        c.exchanges.push(Exchange {
            id: ExchangeId::new("e"),
            offer: Some(KnowledgeId::new("o1")),
            request: Some(KnowledgeId::new("r1")),
            people: vec![PersonId::new("a"), PersonId::new("b")],
            format: ExchangeFormat::OneToOne,
            date: chrono::NaiveDate::MIN,
            evaluation: None,
        });
        assert_eq!(suggestions(&c, &p).len(), 1);
        c.departures.push(crate::domain::cohort::Departure {
            trainee: PersonId::new("c"),
            date: chrono::NaiveDate::MIN,
            reason: String::new(),
        });
        assert!(suggestions(&c, &p).is_empty());
        assert_eq!(suggestions_for(&all, &KnowledgeId::new("o2")).len(), 1);
    }

    #[test]
    fn who_brought_what_and_who_exchanged_with_whom() {
        let mut c = cohort(vec![item("o1", "a", Offer, "x", "")]);
        assert_eq!(brought(&c, &PersonId::new("a")), (true, false));
        assert_eq!(brought(&c, &PersonId::new("b")), (false, false));
        for people in [vec!["b", "a"], vec!["a", "b", "c"]] {
            c.exchanges.push(Exchange {
                id: ExchangeId::new("e"),
                offer: None,
                request: None,
                people: people.into_iter().map(PersonId::new).collect(),
                format: ExchangeFormat::Together,
                date: chrono::NaiveDate::MIN,
                evaluation: None,
            });
        }
        let links = links(&c);
        let count = |a: &str, b: &str| links.get(&(PersonId::new(a), PersonId::new(b))).copied();
        assert_eq!(count("a", "b"), Some(2));
        assert_eq!(count("a", "c"), Some(1));
        assert_eq!(count("b", "a"), None, "each pair once, in order");
    }
}
