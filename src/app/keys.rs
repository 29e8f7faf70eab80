//! The one key table, put together from the part each screen declares in its own room and
//! the part they share. Dispatch, the footer hints, the `?` help and the README's table of keys
//! all read it, so they cannot disagree. A new screen adds its part with one line below.

use super::action::Action;
use super::keymap::{Binding, Context, View};
use super::screen::Screen;
use ratatui::crossterm::event::KeyEvent;
use std::fmt::Write as _;
use std::sync::LazyLock;

/// The key table.
pub static TABLE: LazyLock<Vec<Binding>> = LazyLock::new(|| {
    [
        super::welcome::KEYS,
        super::conflict::KEYS,
        super::modules::keys::KEYS,
        super::circle::keys::KEYS,
        super::contacts::keys::KEYS,
        super::tutoring::keys::KEYS,
        super::sharing::KEYS,
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
pub fn dispatch(base: Context, screen: Screen, event: &KeyEvent) -> Option<Action> {
    contexts(base, screen).into_iter().find_map(|context| {
        TABLE
            .iter()
            .filter(|b| b.context == context)
            .find(|b| b.keys.iter().any(|k| k.matches(event)))
            .map(|b| b.action)
    })
}

/// The bindings the footer shows in these contexts.
pub fn hints(base: Context, screen: Screen) -> Vec<&'static Binding> {
    contexts(base, screen)
        .into_iter()
        .flat_map(|context| TABLE.iter().filter(move |b| b.context == context && b.hint))
        .collect()
}

/// The bindings of one context, for the help and the README.
pub fn bindings_of(context: Context) -> impl Iterator<Item = &'static Binding> {
    TABLE.iter().filter(move |b| b.context == context)
}

/// The contexts in the order the help and the README list them.
pub const HELP_ORDER: [Context; 21] = [
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
    Context::Welcome,
];

/// How many lines the help shows: a title, the bindings and a blank line per context.
pub fn help_line_count() -> usize {
    HELP_ORDER
        .iter()
        .map(|&context| bindings_of(context).count() + 2)
        .sum()
}

/// The key table as Markdown, grouped like the help: the README carries it, and a test checks
/// that the two agree.
pub fn markdown(lang: crate::i18n::Lang, title: impl Fn(Context) -> String) -> String {
    let mut out = String::new();
    for context in HELP_ORDER {
        let bindings: Vec<&Binding> = bindings_of(context).collect();
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
            let _ = writeln!(out, "| {keys} | {} |", binding.label.text(lang));
        }
    }
    out
}
