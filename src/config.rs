//! The user's settings, from an optional `config.toml`: language, theme, role, attendance
//! threshold. A bad value is reported with the file, line and key, and its default is used.

use crate::i18n::{Lang, Msg};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The file name in the config directory.
pub const FILE_NAME: &str = "config.toml";

/// What the user does in the programme; it sets the landing screen, it is not a permission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Runs seminars and takes the roll.
    Trainer,
    /// Follows the training.
    Trainee,
}

impl Role {
    /// The role's name in the interface.
    pub fn label(self) -> Msg {
        match self {
            Self::Trainer => Msg::RoleTrainer,
            Self::Trainee => Msg::RoleTrainee,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Self::Trainer => "trainer",
            Self::Trainee => "trainee",
        }
    }
}

/// The colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// For dark terminals.
    #[default]
    Dark,
    /// For light terminals.
    Light,
    /// Strong contrast.
    HighContrast,
    /// No colour at all (also chosen by `NO_COLOR`).
    Mono,
}

impl ThemeName {
    fn key(self) -> &'static str {
        match self {
            Self::Dark => "dark",
            Self::Light => "light",
            Self::HighContrast => "high-contrast",
            Self::Mono => "mono",
        }
    }
}

/// The settings in force.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The interface language in force.
    pub lang: Lang,
    /// The language the file sets, if it sets one; otherwise the locale decides each time.
    pub language: Option<Lang>,
    /// The colour theme.
    pub theme: ThemeName,
    /// Trainer or trainee, once asked.
    pub role: Option<Role>,
    /// Below this attendance rate (percent) a trainee needs attention.
    pub attendance_threshold: u8,
    /// Who the user is in the data (a person id), to sign sheets and make requests.
    pub me: Option<crate::domain::PersonId>,
    /// `NO_COLOR` is set: draw without colour whatever the theme (never written to the file).
    pub no_color: bool,
    /// Whether the terminal's font has Braille glyphs, which the circle is drawn with
    /// (`braille = false` in config.toml); `None`: guessed from `TERM` and `LANG` at start.
    pub braille: Option<bool>,
    /// Keys chosen in the `[keys]` table (`quit = "x"`), as written; the app checks them.
    pub keys: Vec<KeyChoice>,
    /// The folder where "send to the team" writes bundles, once chosen (`send_folder`); the
    /// downloads folder otherwise.
    pub send_folder: Option<PathBuf>,
}

/// One line of the `[keys]` table: an action and the key the user wants for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyChoice {
    /// The action's name, as the help's table of keys lists it (`quit`, `mark_present`…).
    pub action: String,
    /// The key, as written (`x`, `ctrl-q`, `F2`…).
    pub key: String,
    /// Where it is written.
    pub line: usize,
}

impl Config {
    /// The theme to draw with.
    pub fn effective_theme(&self) -> ThemeName {
        if self.no_color {
            ThemeName::Mono
        } else {
            self.theme
        }
    }
}

/// Whether a terminal can be expected to show Braille glyphs: not the Linux console, nor a
/// terminal whose locale is not UTF-8 (`PuTTY` and some Windows fonts lack them too; there,
/// `braille = false` says so).
pub fn guess_braille(term: Option<&str>, locale: Option<&str>) -> bool {
    let console = term.is_some_and(|t| t == "linux" || t == "dumb" || t.starts_with("vt"));
    let utf8 = locale.is_none_or(|l| {
        let l = l.to_ascii_lowercase();
        l.contains("utf-8") || l.contains("utf8")
    });
    !console && utf8
}

impl Default for Config {
    fn default() -> Self {
        Self {
            lang: Lang::En,
            language: None,
            theme: ThemeName::Dark,
            role: None,
            attendance_threshold: 80,
            me: None,
            no_color: false,
            braille: None,
            keys: Vec::new(),
            send_folder: None,
        }
    }
}

/// A setting that could not be used, with where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigWarning {
    /// The file.
    pub path: PathBuf,
    /// The line, from 1.
    pub line: usize,
    /// The key, when the file could be read.
    pub key: String,
    /// What was wrong.
    pub problem: String,
}

impl std::fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: {}: {} (the default is used)",
            self.path.display(),
            self.line,
            self.key,
            self.problem
        )
    }
}

/// The theme a setting names.
fn theme_named(name: Option<&str>) -> Option<ThemeName> {
    match name? {
        "dark" => Some(ThemeName::Dark),
        "light" => Some(ThemeName::Light),
        "high-contrast" => Some(ThemeName::HighContrast),
        "mono" => Some(ThemeName::Mono),
        _ => None,
    }
}

/// Reads the settings over `base` (which holds the language chosen from the environment).
/// A missing file is not an error; every bad value is a warning.
pub fn parse(text: &str, path: &Path, base: Config) -> (Config, Vec<ConfigWarning>) {
    let mut config = base;
    let mut warnings = Vec::new();
    let warn = |line: usize, key: &str, problem: String| ConfigWarning {
        path: path.to_owned(),
        line,
        key: key.to_owned(),
        problem,
    };
    let table: toml::Table = match text.parse() {
        Ok(table) => table,
        Err(error) => {
            let line = error.span().map_or(1, |span| line_of(text, span.start));
            warnings.push(warn(line, "-", error.message().to_owned()));
            return (config, warnings);
        }
    };
    for (key, value) in &table {
        let line = line_of_key(text, key);
        let as_str = value.as_str();
        let result: Result<(), String> = match key.as_str() {
            "language" => match as_str {
                Some("fr") => Some(Lang::Fr),
                Some("en") => Some(Lang::En),
                _ => None,
            }
            .map(|lang| {
                config.lang = lang;
                config.language = Some(lang);
            })
            .ok_or_else(|| format!("expected \"fr\" or \"en\", found {value}")),
            "theme" => theme_named(as_str)
                .map(|theme| config.theme = theme)
                .ok_or_else(|| {
                    format!(
                        "expected \"dark\", \"light\", \"high-contrast\" or \"mono\", found {value}"
                    )
                }),
            "role" => match as_str {
                Some("trainer") => Some(Role::Trainer),
                Some("trainee") => Some(Role::Trainee),
                _ => None,
            }
            .map(|role| config.role = Some(role))
            .ok_or_else(|| format!("expected \"trainer\" or \"trainee\", found {value}")),
            "braille" => value
                .as_bool()
                .map(|on| config.braille = Some(on))
                .ok_or_else(|| format!("expected true or false, found {value}")),
            "attendance_threshold" => value
                .as_integer()
                .and_then(|n| u8::try_from(n).ok())
                .filter(|n| *n <= 100)
                .map(|n| config.attendance_threshold = n)
                .ok_or_else(|| format!("expected a percentage from 0 to 100, found {value}")),
            "me" => as_str
                .filter(|id| !id.trim().is_empty())
                .map(|id| config.me = Some(crate::domain::PersonId::new(id)))
                .ok_or_else(|| {
                    format!("expected a person id such as \"p-camille-dubois\", found {value}")
                }),
            "send_folder" => as_str
                .filter(|dir| !dir.trim().is_empty())
                .map(|dir| config.send_folder = Some(PathBuf::from(dir)))
                .ok_or_else(|| format!("expected a folder such as \"~/Documents\", found {value}")),
            "keys" => match value.as_table() {
                Some(keys) => {
                    for (action, key) in keys {
                        let line = line_of_key(text, action);
                        match key.as_str() {
                            Some(key) => config.keys.push(KeyChoice {
                                action: action.clone(),
                                key: key.to_owned(),
                                line,
                            }),
                            None => warnings.push(warn(
                                line,
                                &format!("keys.{action}"),
                                format!("expected a key such as \"x\" or \"ctrl-q\", found {key}"),
                            )),
                        }
                    }
                    Ok(())
                }
                None => Err(format!(
                    "expected a table of action = \"key\", found {value}"
                )),
            },
            _ => Err("unknown setting".to_owned()),
        };
        if let Err(problem) = result {
            warnings.push(warn(line, key, problem));
        }
    }
    // The table is sorted by key; the user reads the file top to bottom.
    warnings.sort_by_key(|w| w.line);
    config.keys.sort_by_key(|k| k.line);
    (config, warnings)
}

/// The file's text for these settings, to write back after a change made in the app.
pub fn render(config: &Config) -> String {
    let mut out = String::from("# Cercle settings\n");
    if let Some(lang) = config.language {
        let code = match lang {
            Lang::Fr => "fr",
            Lang::En => "en",
        };
        let _ = writeln!(out, "language = \"{code}\"");
    }
    let _ = writeln!(out, "theme = \"{}\"", config.theme.key());
    if let Some(role) = config.role {
        let _ = writeln!(out, "role = \"{}\"", role.key());
    }
    let _ = writeln!(
        out,
        "attendance_threshold = {}",
        config.attendance_threshold
    );
    if let Some(folder) = &config.send_folder {
        let folder = toml::Value::String(folder.display().to_string());
        let _ = writeln!(out, "send_folder = {folder}");
    }
    if let Some(me) = &config.me {
        // Ids are plain ASCII we made, but a hand-edited file may hold anything: quote it as TOML.
        let _ = writeln!(out, "me = {}", toml::Value::String(me.to_string()));
    }
    out
}

/// The settings file after a change made in Cercle: `existing` with only the changed settings
/// rewritten, so that the user's comments, order and layout stay as they wrote them. A file
/// that is not TOML is written anew ([`render`]).
pub fn updated(existing: Option<&str>, config: &Config) -> String {
    use toml_edit::{DocumentMut, Item, value};
    let Some(mut doc) = existing.and_then(|text| text.parse::<DocumentMut>().ok()) else {
        return render(config);
    };
    let fresh: DocumentMut = render(config).parse().unwrap_or_default();
    for key in [
        "language",
        "theme",
        "role",
        "attendance_threshold",
        "send_folder",
        "me",
    ] {
        match fresh.get(key).and_then(Item::as_value) {
            // Unchanged values keep their own spelling and inline comments.
            Some(new)
                if doc
                    .get(key)
                    .and_then(Item::as_value)
                    .map(ToString::to_string)
                    .map(|v| v.trim().to_owned())
                    == Some(new.to_string().trim().to_owned()) => {}
            Some(new) => {
                let kept = doc
                    .get(key)
                    .and_then(Item::as_value)
                    .map(|old| old.decor().clone());
                let mut new = new.clone();
                if let Some(decor) = kept {
                    *new.decor_mut() = decor;
                }
                doc[key] = value(new);
            }
            None => {
                doc.remove(key);
            }
        }
    }
    doc.to_string()
}

/// Writes the settings after a change made in Cercle, keeping what the user wrote in the file
/// ([`updated`]); the file is private (0600). Who the user is and their role are not written
/// there: they belong to the data directory ([`save_identity`]).
pub fn save(path: &Path, config: &Config) -> std::io::Result<()> {
    let existing = std::fs::read_to_string(path).ok();
    let shared = Config {
        me: None,
        role: None,
        ..config.clone()
    };
    crate::store::write_private(path, updated(existing.as_deref(), &shared).as_bytes()).map(|_| ())
}

/// The file in a data directory that says who the user is there and their role: one machine
/// can hold a trainer's data and a trainee's copy side by side. It is private (0600), and
/// neither the sync (its `.gitignore` shares only the data file) nor a bundle carries it.
pub const IDENTITY_FILE: &str = "cercle.me.toml";

/// Who the user is in the data directory `dir`, and their role, over what `config` says (the
/// settings file said it for every directory before each directory had its own).
pub fn read_identity(dir: &Path, config: &mut Config) -> Vec<ConfigWarning> {
    let path = dir.join(IDENTITY_FILE);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Vec::new();
    };
    let (read, warnings) = parse(&text, &path, config.clone());
    config.me = read.me;
    config.role = read.role;
    warnings
}

/// Writes who the user is and their role into the data directory `dir`, keeping what the file
/// holds besides.
pub fn save_identity(dir: &Path, config: &Config) -> std::io::Result<()> {
    use toml_edit::{DocumentMut, value};
    let path = dir.join(IDENTITY_FILE);
    let existing = std::fs::read_to_string(&path).ok();
    let mut doc: DocumentMut = existing
        .as_deref()
        .and_then(|text| text.parse().ok())
        .unwrap_or_else(|| {
            "# Who I am in this data directory (Cercle writes it; never synced or sent)\n"
                .parse()
                .unwrap_or_default()
        });
    match config.role {
        Some(role) => doc["role"] = value(role.key()),
        None => {
            doc.remove("role");
        }
    }
    match &config.me {
        Some(me) => doc["me"] = value(me.to_string()),
        None => {
            doc.remove("me");
        }
    }
    crate::store::write_private(&path, doc.to_string().as_bytes()).map(|_| ())
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(1, |before| before.lines().count().max(1))
}

fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(1, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Config, Vec<ConfigWarning>) {
        parse(text, Path::new("/c/config.toml"), Config::default())
    }

    #[test]
    fn good_values_are_used() {
        let (config, warnings) = read(
            "language = \"fr\"\ntheme = \"light\"\nrole = \"trainee\"\nattendance_threshold = 75\n",
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(config.lang, Lang::Fr);
        assert_eq!(config.theme, ThemeName::Light);
        assert_eq!(config.role, Some(Role::Trainee));
        assert_eq!(config.attendance_threshold, 75);
    }

    #[test]
    fn a_bad_value_names_file_line_and_key_and_keeps_the_default() {
        let (config, warnings) =
            read("language = \"fr\"\n\ntheme = \"purple\"\nattendance_threshold = 180\n");
        assert_eq!(config.theme, ThemeName::Dark);
        assert_eq!(config.attendance_threshold, 80);
        assert_eq!(config.lang, Lang::Fr, "the good line still applies");
        let text: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(warnings.len(), 2);
        assert!(
            text[0].starts_with("/c/config.toml:3: theme:"),
            "{}",
            text[0]
        );
        assert!(
            text[1].starts_with("/c/config.toml:4: attendance_threshold:"),
            "{}",
            text[1]
        );
    }

    #[test]
    fn broken_toml_is_a_warning_with_a_line() {
        let (config, warnings) = read("theme = \"dark\"\nrole = \n");
        assert_eq!(config, Config::default());
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].line, 2);
    }

    #[test]
    fn a_change_keeps_the_users_comments_order_and_other_lines() {
        let mine = "# Mes réglages\ntheme = \"dark\" # le soir\n\n# qui je suis\nme = \"p-camille\"\nrole = \"trainee\"\n";
        let (config, _) = read(mine);
        let changed = Config {
            role: Some(Role::Trainer),
            ..config.clone()
        };
        let text = updated(Some(mine), &changed);
        assert!(
            text.starts_with(
                "# Mes réglages\ntheme = \"dark\" # le soir\n\n# qui je suis\nme = \"p-camille\"\n"
            ),
            "{text}"
        );
        assert!(text.contains("role = \"trainer\""), "{text}");
        let (back, warnings) = read(&text);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(back, changed);
        // Nothing changed: the file stays byte for byte.
        assert!(
            updated(Some(mine), &config).starts_with(mine.trim_end()),
            "{}",
            updated(Some(mine), &config)
        );
        // Not TOML: written anew.
        assert_eq!(updated(Some("role = ["), &changed), render(&changed));
    }

    #[test]
    fn rendered_settings_read_back_the_same() {
        let config = Config {
            lang: Lang::Fr,
            language: Some(Lang::Fr),
            theme: ThemeName::HighContrast,
            role: Some(Role::Trainer),
            attendance_threshold: 70,
            me: Some(crate::domain::PersonId::new("p-camille")),
            no_color: false,
            braille: None,
            keys: Vec::new(),
            send_folder: None,
        };
        let (back, warnings) = read(&render(&config));
        assert!(warnings.is_empty());
        assert_eq!(back, config);
    }
}
