//! The one way out of the command line. Every message and line it prints goes through the text
//! cleaner ([`crate::domain::text`]), whatever it holds: names from a bundle, paths, reasons.
//! A line too long to read is cut, and says so. A failed write is an error the command
//! reports; a reader that went away (`| head`) ends the command quietly.

use super::exit::Failure;
use crate::domain::text;
use crate::i18n::{Lang, Msg, fill};
use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The most characters of one line that are echoed; the rest is cut, with a note saying so.
pub const LINE_LIMIT: usize = 1000;

/// Text as it may reach a terminal: controls and bidi characters shown as visible ones (line
/// breaks and tabs kept), and each line cut at [`LINE_LIMIT`] characters with a note.
pub fn clean(text: &str, lang: Lang) -> Cow<'_, str> {
    let visible = text::visible_lines(text);
    if visible.lines().all(|l| l.chars().nth(LINE_LIMIT).is_none()) {
        return visible;
    }
    let cut: Vec<String> = visible
        .split('\n')
        .map(|line| {
            let mut kept: String = line.chars().take(LINE_LIMIT).collect();
            let more = line.chars().count().saturating_sub(LINE_LIMIT);
            if more > 0 {
                kept.push_str(&fill(
                    Msg::OutputCut.text(lang),
                    &[("count", &more.to_string())],
                ));
            }
            kept
        })
        .collect();
    Cow::Owned(cut.join("\n"))
}

/// Prints one line (or several) on standard output, cleaned.
pub fn line(text: &str, lang: Lang) -> Result<(), Failure> {
    let mut text = clean(text, lang).into_owned();
    text.push('\n');
    write(text.as_bytes(), lang)
}

/// Prints text as it is laid out (a prompt, or lines that end with their own line break),
/// cleaned.
pub fn block(text: &str, lang: Lang) -> Result<(), Failure> {
    write(clean(text, lang).as_bytes(), lang)
}

/// Prints a document on standard output: CSV, vCard, iCalendar, HTML or JSON, whose writer
/// escaped every character from the data already (see `docs/security.md`).
pub fn document(bytes: &[u8], lang: Lang) -> Result<(), Failure> {
    write(bytes, lang)
}

/// Says something beside the output, on standard error, cleaned ("Written to …").
pub fn note(text: &str, lang: Lang) {
    // A standard error that cannot be written has nowhere left to report it.
    let _ = writeln!(std::io::stderr(), "{}", clean(text, lang));
}

/// Reports a failure on standard error, cleaned, after the program's name.
pub fn error(message: &str, lang: Lang) {
    crate::store::logbook::note(message);
    note(&format!("cercle: {message}"), lang);
}

/// Writes to standard output; a write that fails is an error to report, unless the reader went
/// away, which ends the process quietly with [`super::exit::CLOSED`].
fn write(bytes: &[u8], lang: Lang) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            // Nothing is half done here: commands print before or after their one save.
            std::process::exit(i32::from(super::exit::CLOSED))
        }
        Err(e) => Err(fill(
            Msg::CannotWriteOutput.text(lang),
            &[("reason", &e.to_string())],
        )
        .into()),
    }
}

/// Refuses `-o PATH` when it is one of the files Cercle keeps in data directory `dir`, or when
/// its folder does not exist: a typo in it would otherwise create a tree of folders to hold
/// personal data, somewhere the user did not mean. The refusal is in `lang`.
pub(crate) fn check_output(
    dir: &Path,
    path: &Path,
    lang: crate::i18n::Lang,
) -> Result<(), Failure> {
    use crate::i18n::{Msg, fill};
    if crate::store::is_own_file(dir, path) {
        return Err(fill(
            Msg::OutputOwnFile.text(lang),
            &[
                ("path", &path.display().to_string()),
                ("dir", &dir.join("exports").display().to_string()),
            ],
        )
        .into());
    }
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(folder) if !folder.is_dir() => Err(fill(
            Msg::OutputFolderMissing.text(lang),
            &[("folder", &folder.display().to_string())],
        )
        .into()),
        _ => Ok(()),
    }
}

/// Writes to the file (private, atomically) or to standard output; never over one of the files
/// Cercle keeps in data directory `dir`, never into a folder that does not exist.
pub(crate) fn emit(
    dir: &Path,
    output: Option<PathBuf>,
    bytes: &[u8],
    lang: crate::i18n::Lang,
) -> Result<(), Failure> {
    match output {
        Some(path) if path.as_os_str() != "-" => {
            check_output(dir, &path, lang)?;
            // A bare file name has an empty parent, which `write_private` cannot create.
            let path = if path.parent() == Some(Path::new("")) {
                Path::new(".").join(path)
            } else {
                path
            };
            crate::store::write_private(&path, bytes)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            note(
                &fill(
                    Msg::CliWrittenTo.text(lang),
                    &[("path", &path.display().to_string())],
                ),
                lang,
            );
            Ok(())
        }
        _ => document(bytes, lang),
    }
}

/// Prints a JSON value for a script, pretty and ending with a line break; text from data is
/// escaped as JSON (`\u001b`), so it reaches no terminal raw.
pub fn json(value: &serde_json::Value, lang: Lang) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    let mut text = text::escape_json(&text).into_owned();
    text.push('\n');
    document(text.as_bytes(), lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_cut_and_says_so_in_both_languages() {
        let long = format!("a{}\nshort", "é".repeat(3 * LINE_LIMIT));
        for lang in [Lang::En, Lang::Fr] {
            let shown = clean(&long, lang);
            let first = shown.lines().next().unwrap();
            assert!(first.chars().count() < LINE_LIMIT + 80, "{first}");
            assert!(first.contains(&(2 * LINE_LIMIT + 1).to_string()), "{first}");
            assert!(shown.ends_with("\nshort"));
        }
        assert_eq!(clean("a\u{1b}]52;c;x\u{7}", Lang::En), "a␛]52;c;x␇");
    }
}
