//! Editing a long text in the user's `$VISUAL` or `$EDITOR`.

use ratatui::DefaultTerminal;
use std::path::Path;
use std::process::Command;

/// Suspends the interface, edits `text` in the editor, and returns the new text.
pub fn edit(terminal: &mut DefaultTerminal, dir: &Path, text: &str) -> Result<String, String> {
    let editor = std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .unwrap_or_else(|_| "vi".to_owned());
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi").to_owned();
    let args: Vec<String> = words.map(str::to_owned).collect();
    // The note is personal data: it stays in the private data directory, readable by us only.
    let path = dir.join(format!(".cercle-edit-{}.txt", std::process::id()));
    crate::store::write_private(&path, text.as_bytes())
        .map_err(|e| format!("{}: {e}", path.display()))?;
    // The editor gets the terminal as it was before Cercle, and sets its own modes.
    let _ = super::modes::leave(&mut std::io::stdout());
    ratatui::restore();
    let status = Command::new(&program).args(&args).arg(&path).status();
    *terminal = ratatui::init();
    let _ = terminal.clear();
    let _ = super::modes::enter(&mut std::io::stdout());
    let result = match status {
        Ok(s) if s.success() => {
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
        }
        Ok(s) => Err(format!("{program} exited with {s}; the field is unchanged")),
        Err(e) => Err(format!("could not start the editor {program}: {e}")),
    };
    let _ = std::fs::remove_file(&path);
    result
}
