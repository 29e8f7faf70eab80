//! Paths typed in forms, completed with Tab from the entries of their folder, as in a shell.
//! The event loop reads the folder (`Effect::ListFolder`); what to make of its entries is
//! decided here, so that it is tested without a disk.

use super::form::FieldKind;
use super::{App, Effect, Overlay};
use crate::domain::fold::fold;
use crate::i18n::{Msg, fill};

/// One entry of a folder, as the event loop read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its name, as the file system gives it (lossily made text).
    pub name: String,
    /// Whether it is a folder (a link to a folder counts).
    pub folder: bool,
}

/// Why a folder was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listed {
    /// Tab in a path field holding this text.
    Completion(String),
    /// The folder picker, showing this folder.
    Picker,
}

/// How many candidates the status line names after Tab; the rest are counted.
const NAMED: usize = 8;

/// A typed path cut before the name being typed: "~/Doc" gives ("~/", "Doc"), "notes" gives
/// ("", "notes"). A lone `~` is the home folder.
pub fn split(typed: &str) -> (&str, &str) {
    if typed == "~" {
        return ("~/", "");
    }
    match typed.rfind('/') {
        Some(at) => (&typed[..=at], &typed[at + 1..]),
        None => ("", typed),
    }
}

/// What Tab makes of a typed path, given the entries of its folder: the text completed as far
/// as every match agrees, and the matches to show when more than one is left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The path after Tab.
    pub text: String,
    /// The entries still possible, folders ending with `/`, when there are several.
    pub candidates: Vec<String>,
}

/// Completes `typed` from `entries`: entries whose name starts with what is typed (exactly,
/// else ignoring case and accents: "cafe" finds "Café"); hidden entries only when a dot is
/// typed. One match is completed whole (a folder with its `/`); several, to their longest
/// common start. `None` when nothing matches.
pub fn complete(typed: &str, entries: &[Entry]) -> Option<Completion> {
    let (folder, start) = split(typed);
    let visible = |e: &&Entry| start.starts_with('.') || !e.name.starts_with('.');
    let mut matches: Vec<&Entry> = entries
        .iter()
        .filter(visible)
        .filter(|e| e.name.starts_with(start))
        .collect();
    if matches.is_empty() {
        let unaccented = fold(start);
        matches = entries
            .iter()
            .filter(visible)
            .filter(|e| fold(&e.name).starts_with(&unaccented))
            .collect();
    }
    matches.sort_by(|a, b| a.name.cmp(&b.name));
    let shown = |e: &Entry| {
        if e.folder {
            format!("{}/", e.name)
        } else {
            e.name.clone()
        }
    };
    match matches.as_slice() {
        [] => None,
        [only] => Some(Completion {
            text: format!("{folder}{}", shown(only)),
            candidates: Vec::new(),
        }),
        several => {
            let common = common_start(several.iter().map(|e| e.name.as_str()));
            // A start shorter than what was typed (matches found by folding) keeps the text.
            let name = if common.chars().count() >= start.chars().count() {
                common
            } else {
                start
            };
            Some(Completion {
                text: format!("{folder}{name}"),
                candidates: several.iter().map(|e| shown(e)).collect(),
            })
        }
    }
}

/// The longest start all the names share, cut between characters, never inside one.
fn common_start<'a>(mut names: impl Iterator<Item = &'a str>) -> &'a str {
    let Some(first) = names.next() else {
        return "";
    };
    let mut end = first.len();
    for name in names {
        end = first
            .char_indices()
            .zip(name.chars())
            .find(|((_, a), b)| a != b)
            .map_or(end.min(name.len()).min(first.len()), |((at, _), _)| at)
            .min(end);
    }
    // `end` is a character boundary of `first`: found by `char_indices`, or a whole length.
    let end = (0..=end)
        .rev()
        .find(|&i| first.is_char_boundary(i))
        .unwrap_or(0);
    &first[..end]
}

/// Tab in the focused field of the form: for a path with text, the folder to read; `None`
/// for any other field (Tab then completes a name or moves on).
pub fn completion_asked(form: &super::Form) -> Option<Effect> {
    let field = form.fields.get(form.focus)?;
    let typed = field.value();
    if field.kind != FieldKind::Path || typed.trim().is_empty() {
        return None;
    }
    let (folder, _) = split(&typed);
    Some(Effect::ListFolder(
        folder.to_owned(),
        Listed::Completion(typed.clone()),
    ))
}

/// The entries of the folder of a path being completed: the field takes the completion (if
/// it still holds what was typed), and the status line names the candidates, or says why
/// nothing was read.
pub fn completed(app: &mut App, typed: &str, read: Result<Vec<Entry>, String>) {
    let entries = match read {
        Ok(entries) => entries,
        Err(why) => {
            let (folder, _) = split(typed);
            let text = fill(
                app.tr(Msg::FolderUnreadable),
                &[("folder", folder), ("why", &why)],
            );
            app.notify_error(text);
            return;
        }
    };
    let Some(completion) = complete(typed, &entries) else {
        app.notify_error(fill(app.tr(Msg::NoPathMatch), &[("typed", typed)]));
        return;
    };
    if let Some(Overlay::Form(form)) = &mut app.overlay
        && form
            .fields
            .get(form.focus)
            .is_some_and(|f| f.value() == typed)
    {
        form.set_focused(&completion.text);
    }
    if completion.candidates.is_empty() {
        return;
    }
    let mut named = completion.candidates[..completion.candidates.len().min(NAMED)].join("  ");
    if completion.candidates.len() > NAMED {
        let more = completion.candidates.len() - NAMED;
        named.push_str(&fill(app.tr(Msg::PathMore), &[("n", &more.to_string())]));
    }
    app.notify(fill(app.tr(Msg::PathCandidates), &[("names", &named)]));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(names: &[(&str, bool)]) -> Vec<Entry> {
        names
            .iter()
            .map(|(name, folder)| Entry {
                name: (*name).to_owned(),
                folder: *folder,
            })
            .collect()
    }

    #[test]
    fn one_match_is_completed_whole_and_a_folder_gets_its_slash() {
        let here = entries(&[
            ("Documents", true),
            ("Téléchargements", true),
            ("notes.txt", false),
        ]);
        let done = complete("~/Doc", &here).unwrap();
        assert_eq!(done.text, "~/Documents/");
        assert!(done.candidates.is_empty());
        assert_eq!(complete("no", &here).unwrap().text, "notes.txt");
        assert_eq!(complete("~/Tél", &here).unwrap().text, "~/Téléchargements/");
        assert_eq!(complete("~/zzz", &here), None);
    }

    #[test]
    fn several_matches_complete_to_their_common_start_between_characters() {
        let here = entries(&[
            ("cohorte été.json", false),
            ("cohorte étape.json", false),
            ("cohorte hiver.json", false),
        ]);
        let done = complete("co", &here).unwrap();
        assert_eq!(done.text, "cohorte ");
        assert_eq!(done.candidates.len(), 3);
        // "é" is two bytes: the common start stops before it, not in its middle.
        let done = complete("cohorte é", &here).unwrap();
        assert_eq!(done.text, "cohorte ét");
        assert_eq!(done.candidates, ["cohorte étape.json", "cohorte été.json"]);
    }

    #[test]
    fn accents_and_case_are_forgiven_when_nothing_matches_exactly() {
        let here = entries(&[("Café", true), ("café-2", true)]);
        let done = complete("caf", &here).unwrap();
        assert_eq!(done.text, "café-2/");
        let done = complete("CAFE", &here).unwrap();
        assert_eq!(done.text, "CAFE", "no shorter than what was typed");
        assert_eq!(done.candidates, ["Café/", "café-2/"]);
    }

    #[test]
    fn hidden_entries_only_when_a_dot_is_typed() {
        let here = entries(&[(".config", true), ("cercle", true)]);
        assert_eq!(complete("~/c", &here).unwrap().text, "~/cercle/");
        assert_eq!(complete("~/.c", &here).unwrap().text, "~/.config/");
    }

    #[test]
    fn the_folder_of_a_typed_path() {
        assert_eq!(split("~"), ("~/", ""));
        assert_eq!(split("~/Docu"), ("~/", "Docu"));
        assert_eq!(split("/tmp/a b/c"), ("/tmp/a b/", "c"));
        assert_eq!(split("été"), ("", "été"));
    }
}
