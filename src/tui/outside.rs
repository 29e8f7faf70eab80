//! Effects that reach outside the app: the clipboard through the terminal, the mail client, and
//! the files of exports and imports.

use crate::app::App;
use crate::i18n::{Msg, fill};
use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// Puts text on the clipboard with OSC 52, which the terminal (even over ssh, even in tmux with
/// `set-clipboard on`) carries to the local clipboard.
pub fn copy(text: &str) {
    let mut out = std::io::stdout();
    // Nothing to do if the terminal is gone; the app will notice on its next draw.
    let _ = out.write_all(osc52(text).as_bytes());
    let _ = out.flush();
}

/// The OSC 52 sequence that sets the clipboard to `text`: `ESC ] 52 ; c ; <base64> BEL`.
pub fn osc52(text: &str) -> String {
    use base64::Engine as _;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\x1b]52;c;{encoded}\x07")
}

/// Opens the mail client on an address through `xdg-open`, where it exists.
pub fn open_mail(app: &mut App, address: &str) {
    if find_on_path("xdg-open").is_none() {
        app.notify_error(app.tr(Msg::NoMailOpener));
        return;
    }
    let mut command = Command::new("xdg-open");
    command.arg(format!("mailto:{address}"));
    match spawn_detached(&mut command) {
        Ok(()) => app.notify(fill(app.tr(Msg::MailOpened), &[("what", address)])),
        Err(e) => app.notify_error(format!("xdg-open: {e}")),
    }
}

/// Starts a desktop helper without a terminal, and reaps it off the UI thread so that it
/// leaves no zombie.
fn spawn_detached(command: &mut Command) -> std::io::Result<()> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// Whether the system can open a mail draft (`xdg-email`, or `xdg-open` with `mailto:`).
pub fn can_draft_mail() -> bool {
    find_on_path("xdg-email").is_some() || find_on_path("xdg-open").is_some()
}

/// Opens a mail draft to the trainers with the bundle: `xdg-email` attaches it; `xdg-open`
/// with a `mailto:` link cannot, and the body names the file to attach.
pub fn mail_draft(app: &mut App, draft: &crate::app::send::MailDraft) {
    let mut command = if find_on_path("xdg-email").is_some() {
        let mut command = Command::new("xdg-email");
        command
            .arg("--subject")
            .arg(&draft.subject)
            .arg("--body")
            .arg(&draft.body)
            .arg("--attach")
            .arg(&draft.attach)
            .args(&draft.to);
        command
    } else {
        let mut command = Command::new("xdg-open");
        command.arg(mailto(draft));
        command
    };
    match spawn_detached(&mut command) {
        Ok(()) => {
            let what = draft.attach.display().to_string();
            app.notify(fill(app.tr(Msg::MailOpened), &[("what", &what)]));
        }
        Err(e) => app.notify_error(format!("{e}")),
    }
}

/// A `mailto:` link with the addresses, subject and body, percent-encoded.
fn mailto(draft: &crate::app::send::MailDraft) -> String {
    let encode = |text: &str| {
        text.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'@' => {
                    char::from(b).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    let to: Vec<String> = draft.to.iter().map(|a| encode(a)).collect();
    format!(
        "mailto:{}?subject={}&body={}",
        to.join(","),
        encode(&draft.subject),
        encode(&draft.body)
    )
}

/// The program's path, if it is on `PATH`.
pub fn find_on_path(program: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(program))
        .find(|path| path.is_file())
}

/// A path typed or pasted in a form, with `~/` for the home directory. File managers paste
/// a path with spaces in quotes: a pair of quotes around it goes.
pub fn expand(path: &std::path::Path) -> PathBuf {
    expand_text(&path.to_string_lossy())
}

fn expand_text(path: &str) -> PathBuf {
    let path = path.trim();
    let path = ['\'', '"']
        .iter()
        .find_map(|&q| path.strip_prefix(q)?.strip_suffix(q))
        .unwrap_or(path);
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ if path == "~" => {
            std::env::var_os("HOME").map_or_else(|| PathBuf::from(path), PathBuf::from)
        }
        _ => PathBuf::from(path),
    }
}

/// The entries of a folder as typed in a form (`~/` the home folder, empty the current one),
/// or why it could not be read. A folder with a hundred thousand entries is cut there: Tab
/// and the picker never need more, and the frame never waits long.
pub fn list_folder(folder: &str) -> Result<Vec<crate::app::paths::Entry>, String> {
    const MOST: usize = 100_000;
    let path = resolve(folder);
    let read = std::fs::read_dir(&path).map_err(|e| e.to_string())?;
    let entries = read
        .take(MOST)
        .filter_map(Result::ok)
        .map(|entry| crate::app::paths::Entry {
            name: entry.file_name().to_string_lossy().into_owned(),
            // Following links, so that a link to a folder is entered like one.
            folder: entry.path().is_dir(),
        })
        .collect();
    Ok(entries)
}

/// A folder as typed (`~` the home folder, empty the current one), made absolute where it
/// can be, so that the folder picker shows where it is and can go up.
pub fn resolve(folder: &str) -> PathBuf {
    let path = if folder.trim().is_empty() {
        PathBuf::from(".")
    } else {
        expand_text(folder)
    };
    std::fs::canonicalize(&path).unwrap_or(path)
}

/// Reads a file to import; `~/` is the home directory.
pub fn read_import(path: &str) -> Result<String, String> {
    let expanded = expand_text(path);
    std::fs::read_to_string(&expanded).map_err(|e| format!("{}: {e}", expanded.display()))
}

/// Reads a bundle file, and what was last received from its maker.
pub fn read_bundle(
    dir: &std::path::Path,
    path: &str,
    lang: crate::i18n::Lang,
) -> crate::app::sharing::Read {
    use crate::app::sharing::ReadError;
    use crate::share::{bundle::Bundle, received};
    let expanded = expand_text(path);
    let bytes = std::fs::read(&expanded)
        .map_err(|e| ReadError::Io(crate::i18n::cannot_read(&expanded, &e, lang)))?;
    let bundle = Bundle::parse(&bytes).map_err(ReadError::Bundle)?;
    let from = received::Side::maker(&bundle);
    let before = received::load(dir, &bundle.cohort, from, &bundle.hash);
    Ok((bundle, before))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pasted_path_loses_its_quotes_and_spaces_around() {
        assert_eq!(
            expand_text("  '/tmp/Camille Dubois été.json' "),
            PathBuf::from("/tmp/Camille Dubois été.json")
        );
        assert_eq!(
            expand_text("\"/tmp/a b.json\""),
            PathBuf::from("/tmp/a b.json")
        );
        assert_eq!(
            expand_text("/tmp/l'atelier.json"),
            PathBuf::from("/tmp/l'atelier.json")
        );
        assert_eq!(expand_text("'"), PathBuf::from("'"));
    }

    #[test]
    fn the_clipboard_sequence_carries_accents_and_emoji_in_base64() {
        assert_eq!(osc52("é🌱"), "\x1b]52;c;w6nwn4yx\x07");
    }

    #[test]
    fn programs_are_found_on_the_path_only_when_there() {
        assert!(
            find_on_path("sh").is_some(),
            "every Unix has sh on its PATH"
        );
        assert!(find_on_path("cercle-no-such-program").is_none());
    }

    #[test]
    fn osc52_wraps_the_text_for_the_clipboard() {
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
    }
}
