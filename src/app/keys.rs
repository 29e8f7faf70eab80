//! The one key table, put together from the part each screen declares in its own room and
//! the part they share, with the keys the user chose in `[keys]`. Dispatch, the footer hints,
//! the `?` help and the README's table of keys all read it, so they cannot disagree. A new
//! screen adds its part with one line below.

use super::action::Action;
use super::keymap::{Binding, Context, Key, View};
use super::screen::Screen;
use crate::config::{KeyChoice, Role};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt::Write as _;
use std::sync::LazyLock;

/// The key table as shipped, before the user's choices.
pub static TABLE: LazyLock<Vec<Binding>> = LazyLock::new(|| {
    [
        super::welcome::KEYS,
        super::conflict::KEYS,
        super::modules::keys::KEYS,
        super::circle::keys::KEYS,
        super::contacts::keys::KEYS,
        super::tutoring::keys::KEYS,
        super::sharing::KEYS,
        super::folder_picker::KEYS,
        super::keymap::SHARED,
    ]
    .concat()
});

/// The contexts searched for a key, most specific first.
pub fn contexts(base: Context, screen: Screen) -> Vec<Context> {
    match base {
        Context::Global | Context::On(_) => vec![Context::On(screen), Context::Global],
        Context::View(view) => vec![base, Context::On(view.screen()), Context::Global],
        other => vec![other],
    }
}

/// The action a key triggers in these contexts, if any.
pub fn dispatch(
    table: &[Binding],
    base: Context,
    screen: Screen,
    event: &KeyEvent,
) -> Option<Action> {
    contexts(base, screen).into_iter().find_map(|context| {
        table
            .iter()
            .filter(|b| b.context == context)
            .find(|b| b.keys.iter().any(|k| k.matches(event)))
            .map(|b| b.action)
    })
}

/// What a key does for a user of `role`: the action of the first binding of the key they may
/// use, the most specific context first (a key the trainers have on one screen may be the
/// trainees' on every screen); or, when none is theirs, the binding they may not use (a
/// trainee pressing a trainers' key), to say why nothing happens.
pub fn dispatch_as(
    table: &[Binding],
    role: Option<Role>,
    base: Context,
    screen: Screen,
    event: &KeyEvent,
) -> Option<Result<Action, Binding>> {
    let mut refused = None;
    for context in contexts(base, screen) {
        for binding in table
            .iter()
            .filter(|b| b.context == context && b.keys.iter().any(|k| k.matches(event)))
        {
            if binding.who.allows(role) {
                return Some(Ok(binding.action));
            }
            refused.get_or_insert(*binding);
        }
    }
    refused.map(Err)
}

/// The bindings the footer shows in these contexts to a user of `role`.
pub fn hints(
    table: &[Binding],
    role: Option<Role>,
    base: Context,
    screen: Screen,
) -> Vec<&Binding> {
    contexts(base, screen)
        .into_iter()
        .flat_map(|context| {
            table
                .iter()
                .filter(move |b| b.context == context && b.hint && b.who.allows(role))
        })
        .collect()
}

/// The bindings of one context, for the help and the README.
pub fn bindings_of(table: &[Binding], context: Context) -> impl Iterator<Item = &Binding> {
    table.iter().filter(move |b| b.context == context)
}

/// The contexts in the order the help and the README list them.
pub const HELP_ORDER: [Context; 22] = [
    Context::Global,
    Context::On(Screen::Modules),
    Context::View(View::Seminars),
    Context::View(View::Seminar),
    Context::View(View::RollCall),
    Context::View(View::FollowUp),
    Context::On(Screen::Circle),
    Context::View(View::Knowledge),
    Context::View(View::Exchanges),
    Context::View(View::Path),
    Context::View(View::Round),
    Context::View(View::Codev),
    Context::On(Screen::Contacts),
    Context::On(Screen::Tutoring),
    Context::Form,
    Context::Filter,
    Context::Confirm,
    Context::Preview,
    Context::Conflicts,
    Context::ChangedOnDisk,
    Context::FolderPicker,
    Context::Welcome,
];

/// How many lines the help shows: a title, the bindings and a blank line per context.
pub fn help_line_count(table: &[Binding]) -> usize {
    HELP_ORDER
        .iter()
        .map(|&context| bindings_of(table, context).count() + 2)
        .sum()
}

/// The key table as Markdown, grouped like the help: the README carries it, and a test checks
/// that the two agree.
pub fn markdown(lang: crate::i18n::Lang, title: impl Fn(Context) -> String) -> String {
    let mut out = String::new();
    for context in HELP_ORDER {
        let bindings: Vec<&Binding> = bindings_of(&TABLE, context).collect();
        if bindings.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "\n**{}**\n\n| Keys | Action |\n|---|---|\n",
            title(context)
        );
        for binding in bindings {
            let keys = binding
                .keys
                .iter()
                .map(|k| format!("`{}`", k.label()))
                .collect::<Vec<_>>()
                .join(" ");
            let _ = writeln!(out, "| {keys} | {} |", binding.label_for_help(lang));
        }
    }
    out
}

/// A choice of `[keys]` that could not be used, with its line: the key of the table stays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyProblem {
    /// The line in the settings file.
    pub line: usize,
    /// The action, as written.
    pub action: String,
    /// What was wrong.
    pub problem: String,
}

/// The name of a binding's action in `[keys]`: its label without `Key`, in snake case
/// (`KeyMarkPresent` is `mark_present`).
pub fn action_name(binding: &Binding) -> String {
    let label = format!("{:?}", binding.label);
    let mut name = String::new();
    for c in label.trim_start_matches("Key").chars() {
        if c.is_ascii_uppercase() {
            if !name.is_empty() {
                name.push('_');
            }
            name.push(c.to_ascii_lowercase());
        } else {
            name.push(c);
        }
    }
    name
}

/// A key as the user writes it: `x`, `X`, `ctrl-q` (or `ctrl+q`), `enter`, `esc`, `tab`,
/// `space`, `f2`, `up`, `pgdn`, `home`, `del`…
pub fn parse_key(text: &str) -> Option<Key> {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let (modifiers, name) = match lower
        .strip_prefix("ctrl-")
        .or_else(|| lower.strip_prefix("ctrl+"))
    {
        Some(rest) => (KeyModifiers::CONTROL, &text[text.len() - rest.len()..]),
        None => (KeyModifiers::NONE, text),
    };
    let mut chars = name.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_control() && c != ' ' => KeyCode::Char(if modifiers.is_empty() {
            c
        } else {
            c.to_ascii_lowercase()
        }),
        _ => match name.to_ascii_lowercase().as_str() {
            "enter" | "entrée" | "return" => KeyCode::Enter,
            "esc" | "escape" | "échap" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "space" | "espace" => KeyCode::Char(' '),
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "del" | "delete" => KeyCode::Delete,
            "backspace" => KeyCode::Backspace,
            other => KeyCode::F(
                other
                    .strip_prefix('f')?
                    .parse()
                    .ok()
                    .filter(|n| (1..=12).contains(n))?,
            ),
        },
    };
    Some(Key { code, modifiers })
}

/// Whether a key in one context can hide or be hidden by the same key in the other: the same
/// place, a screen (or one of its views) and the keys of every screen, a screen and its views.
fn overlap(a: Context, b: Context) -> bool {
    let screen_of = |c: Context| match c {
        Context::On(screen) => Some(screen),
        Context::View(view) => Some(view.screen()),
        _ => None,
    };
    a == b
        || (a == Context::Global && screen_of(b).is_some())
        || (b == Context::Global && screen_of(a).is_some())
        || matches!(
            (a, b),
            (Context::On(_), Context::View(_)) | (Context::View(_), Context::On(_))
        ) && screen_of(a) == screen_of(b)
}

/// Whether the user may choose this binding's key: those of the screens, not of the forms,
/// questions and popups, whose keys every user must find where they expect them.
fn rebindable(binding: &Binding) -> bool {
    matches!(
        binding.context,
        Context::Global | Context::On(_) | Context::View(_)
    )
}

/// The key table with the user's choices: each chosen key becomes the first key of its
/// action's bindings (the one hints show), in place of the table's first key. A choice that
/// names no action, writes no key, or takes a key another action has in the same place is
/// left out, and said.
pub fn table(choices: &[KeyChoice]) -> (Vec<Binding>, Vec<KeyProblem>) {
    let mut table = TABLE.clone();
    let mut problems = Vec::new();
    for choice in choices {
        let problem = |problem: String| KeyProblem {
            line: choice.line,
            action: choice.action.clone(),
            problem,
        };
        let chosen: Vec<usize> = (0..table.len())
            .filter(|&i| rebindable(&table[i]) && action_name(&table[i]) == choice.action)
            .collect();
        if chosen.is_empty() {
            problems.push(problem(
                "no action of that name (the help's names: quit, sync, mark_present…)".to_owned(),
            ));
            continue;
        }
        let Some(key) = parse_key(&choice.key) else {
            problems.push(problem(format!(
                "\"{}\" is not a key Cercle knows",
                choice.key
            )));
            continue;
        };
        let clash = chosen.iter().find_map(|&i| {
            table.iter().enumerate().find(|(j, other)| {
                *j != i
                    && overlap(other.context, table[i].context)
                    && action_name(other) != choice.action
                    && other.keys.contains(&key)
            })
        });
        if let Some((_, other)) = clash {
            problems.push(problem(format!(
                "{} is already {} there",
                key.label(),
                action_name(other)
            )));
            continue;
        }
        for i in chosen {
            let mut keys = vec![key];
            keys.extend(table[i].keys.iter().skip(1).filter(|k| **k != key));
            // The table lives as long as the process: the few chosen keys are kept for good.
            table[i].keys = Vec::leak(keys);
        }
    }
    (table, problems)
}
