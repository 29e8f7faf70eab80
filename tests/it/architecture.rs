//! The house rules, read from the source: no two files import each other, no module imports
//! from a floor above its own (tests included), the app's shared machinery knows no screen, and
//! the command line does not read the app. `docs/ARCHITECTURE.md` draws the same floors.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The floors, from the bottom: a module may import from its own floor and those below.
const FLOORS: &[(&str, u8)] = &[
    ("domain", 0),
    ("i18n", 1),
    ("sample", 1),
    ("schema", 1),
    ("config", 2),
    ("exchange", 2),
    ("export", 2),
    ("store", 2),
    ("share", 3),
    ("sync", 4),
    ("generate", 4),
    ("app", 5),
    ("ui", 6),
    ("tui", 7),
    ("cli", 8),
    ("commands", 8),
];

/// The app's shared machinery: lists, forms, keys, layout. Screens build on it, never the
/// other way round.
const APP_MACHINERY: &[&str] = &[
    "action", "dates", "derived", "form", "keymap", "layout", "list", "rows", "screen", "undo",
];

/// A source tree: each file's module path, its text without comments and strings, and where
/// its test module starts.
struct Tree {
    files: BTreeMap<PathBuf, Vec<String>>,
    modules: BTreeMap<Vec<String>, PathBuf>,
    texts: BTreeMap<PathBuf, String>,
}

fn module_path(root: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(root).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Source text without comments and string literals, which may name paths they do not use.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    if !escaped && c == '"' {
                        break;
                    }
                    escaped = !escaped && c == '\\';
                }
                out.push_str("\"\"");
            }
            // A character literal such as '"' must not open a string.
            '\'' => {
                let rest: String = chars.clone().take(3).collect();
                if rest.starts_with("\"'") || rest.starts_with("\\\"") {
                    let skip = if rest.starts_with("\"'") { 2 } else { 3 };
                    for _ in 0..skip {
                        chars.next();
                    }
                } else {
                    out.push(c);
                }
            }
            _ => out.push(c),
        }
    }
    out
}

impl Tree {
    fn read(root: &Path) -> Self {
        let mut paths = Vec::new();
        rust_files(root, &mut paths);
        let mut tree = Tree {
            files: BTreeMap::new(),
            modules: BTreeMap::new(),
            texts: BTreeMap::new(),
        };
        for path in paths {
            let module = module_path(root, &path);
            let text = code_only(&std::fs::read_to_string(&path).unwrap());
            tree.modules.insert(module.clone(), path.clone());
            tree.files.insert(path.clone(), module);
            tree.texts.insert(path, text);
        }
        tree
    }

    /// The file that defines what `path` names, seen from module `from`.
    fn resolve(&self, from: &[String], path: &[&str]) -> Option<&PathBuf> {
        let mut full: Vec<String> = Vec::new();
        let mut rest = path;
        match path.first() {
            Some(&"crate") => rest = &path[1..],
            Some(&("super" | "self")) => {
                full = from.to_vec();
                while let Some(&word) = rest.first() {
                    match word {
                        "super" => {
                            full.pop();
                        }
                        "self" => {}
                        _ => break,
                    }
                    rest = &rest[1..];
                }
            }
            _ => return None,
        }
        full.extend(rest.iter().map(|s| (*s).to_owned()));
        (0..=full.len())
            .rev()
            .find_map(|n| self.modules.get(&full[..n]))
    }

    /// Every file each file names through `crate::`, `super::` or `self::`.
    fn imports(&self) -> BTreeMap<&PathBuf, BTreeSet<&PathBuf>> {
        let mut all = BTreeMap::new();
        for (file, module) in &self.files {
            let text = &self.texts[file];
            // Inside the test module, `super` is the file's own module.
            let tests_at = text.find("mod tests {").unwrap_or(text.len());
            let mut inner = module.clone();
            inner.push("tests".to_owned());
            let mut found = BTreeSet::new();
            for (at, path) in paths_in(text) {
                let from = if at > tests_at { &inner } else { module };
                let words: Vec<&str> = path.split("::").collect();
                if let Some(target) = self.resolve(from, &words)
                    && target != file
                {
                    found.insert(target);
                }
            }
            all.insert(file, found);
        }
        all
    }
}

/// The paths a text names (`crate::a::b`, `super::c`, and each item of `crate::a::{b, c::d}`),
/// with where they stand.
fn paths_in(text: &str) -> Vec<(usize, String)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    for start in ["crate::", "super::", "self::"] {
        for (at, _) in text.match_indices(start) {
            if at > 0 && (is_word(bytes[at - 1]) || bytes[at - 1] == b':') {
                continue;
            }
            let mut end = at;
            while end < bytes.len() && (is_word(bytes[end]) || bytes[end] == b':') {
                end += 1;
            }
            let path = text[at..end].trim_end_matches(':').to_owned();
            if end < bytes.len() && bytes[end] == b'{' {
                let close = text[end..].find('}').map_or(text.len(), |c| end + c);
                for item in text[end + 1..close].split([',', '{', '}']) {
                    let first = item.trim().split("::").next().unwrap_or("");
                    if first.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                        && first != "self"
                    {
                        found.push((at, format!("{path}::{first}")));
                    }
                }
            }
            found.push((at, path));
        }
    }
    found
}

fn floor(module: &[String]) -> Option<u8> {
    let top = module.first()?;
    FLOORS
        .iter()
        .find(|(name, _)| name == top)
        .map(|(_, floor)| *floor)
}

/// Whether one module holds the other (a module and its own submodules reach each other by
/// `mod` and `super`, as Rust has them do).
fn nested(a: &[String], b: &[String]) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// Every breach of the house rules in a tree, as sentences.
fn breaches(root: &Path) -> Vec<String> {
    let tree = Tree::read(root);
    let imports = tree.imports();
    let mut found = Vec::new();
    let name = |p: &Path| p.strip_prefix(root).unwrap().display().to_string();
    for (&file, targets) in &imports {
        let from = &tree.files[file];
        for &target in targets {
            let to = &tree.files[target];
            if file < target && imports[target].contains(file) && !nested(from, to) {
                found.push(format!(
                    "{} and {} import each other",
                    name(file),
                    name(target)
                ));
            }
            if let (Some(a), Some(b)) = (floor(from), floor(to))
                && b > a
            {
                found.push(format!(
                    "{} imports {} from a floor above",
                    name(file),
                    name(target)
                ));
            }
            let machinery = |m: &[String]| {
                m.len() >= 2 && m[0] == "app" && APP_MACHINERY.contains(&m[1].as_str())
            };
            if machinery(from) && to.first().is_some_and(|t| t == "app") && !machinery(to) {
                found.push(format!(
                    "{} is app machinery but imports the screens' {}",
                    name(file),
                    name(target)
                ));
            }
            if from.first().is_some_and(|m| m == "commands")
                && to.first().is_some_and(|m| m == "app")
            {
                found.push(format!(
                    "the command line ({}) reads the app ({})",
                    name(file),
                    name(target)
                ));
            }
        }
    }
    found
}

#[test]
fn the_source_keeps_the_house_rules() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = breaches(&src);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn a_breach_of_each_rule_is_found() {
    let root = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let path = root.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "lib.rs",
        "pub mod domain;\npub mod app;\npub mod commands;\n",
    );
    write("domain/mod.rs", "pub mod a;\npub mod b;\n");
    // Two siblings that import each other, one of them through a group.
    write("domain/a.rs", "use super::b::Thing;\n");
    write("domain/b.rs", "use crate::domain::{a::Other, c};\n");
    // The domain reaching up into the app, but only in a comment and a string: no breach.
    write(
        "domain/c.rs",
        "// crate::app::form\nconst S: &str = \"crate::app::form\";\n",
    );
    write("app/mod.rs", "pub mod form;\npub mod circle;\n");
    write("app/form.rs", "use super::circle::CircleForm;\n");
    write("app/circle.rs", "use super::form::Form;\n");
    // A test module's `super` is its own file: this names app/form.rs, not app/mod.rs.
    write(
        "commands.rs",
        "#[cfg(test)]\nmod tests {\n    use crate::app::form;\n}\n",
    );
    write(
        "domain/d.rs",
        "#[cfg(test)]\nmod tests {\n    use super::super::a;\n    fn f() { crate::app::form::f(); }\n}\n",
    );
    let found = breaches(root.path());
    let has = |text: &str| found.iter().any(|f| f.contains(text));
    assert!(
        has("domain/a.rs and domain/b.rs import each other"),
        "{found:?}"
    );
    assert!(
        has("app/circle.rs and app/form.rs import each other"),
        "{found:?}"
    );
    assert!(
        has("app/form.rs is app machinery but imports the screens' app/circle.rs"),
        "{found:?}"
    );
    assert!(
        has("the command line (commands.rs) reads the app"),
        "{found:?}"
    );
    assert!(
        has("domain/d.rs imports app/form.rs from a floor above"),
        "{found:?}"
    );
    assert!(
        !has("domain/c.rs"),
        "comments and strings are not imports: {found:?}"
    );
}
