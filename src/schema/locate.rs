//! Where a JSON pointer's value starts in a document's text, as a line and a column: what a
//! person needs to find a schema error in a file, which the validator only names by pointer.
//!
//! A small walk over the text that skips every value but the one on the way, so it reads the
//! document once per error and builds nothing.

/// The 1-based line and column (in characters) where the value at `pointer` (RFC 6901, `""` or
/// `"/"` for the whole document) starts in `text`; `None` if the text does not hold it.
pub fn locate(text: &[u8], pointer: &str) -> Option<(usize, usize)> {
    let mut walk = Walk { text, at: 0 };
    walk.space();
    for part in pointer.split('/').skip(1).filter(|p| !p.is_empty()) {
        let part = part.replace("~1", "/").replace("~0", "~");
        walk.enter(&part)?;
    }
    Some(position(text, walk.at))
}

/// The line and column of byte `at`.
pub fn position(text: &[u8], at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.split(|&b| b == b'\n').count();
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

struct Walk<'a> {
    text: &'a [u8],
    at: usize,
}

impl Walk<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        self.space();
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// Steps into the member `part` of the object, or the item `part` of the array, here.
    fn enter(&mut self, part: &str) -> Option<()> {
        self.space();
        match self.peek()? {
            b'{' => {
                self.at += 1;
                loop {
                    self.space();
                    let key = self.string()?;
                    self.eat(b':')?;
                    self.space();
                    if key == part {
                        return Some(());
                    }
                    self.skip()?;
                    self.next_or_end(b'}')?;
                }
            }
            b'[' => {
                let wanted: usize = part.parse().ok()?;
                self.at += 1;
                for _ in 0..wanted {
                    self.space();
                    self.skip()?;
                    self.next_or_end(b']')?;
                }
                self.space();
                (self.peek()? != b']').then_some(())
            }
            _ => None,
        }
    }

    /// Past a `,` to the next member or item; `None` at the end of the container.
    fn next_or_end(&mut self, end: u8) -> Option<()> {
        self.space();
        match self.peek()? {
            b',' => {
                self.at += 1;
                Some(())
            }
            b if b == end => None,
            _ => None,
        }
    }

    /// Reads a string (decoding its escapes through `serde_json`).
    fn string(&mut self) -> Option<String> {
        let start = self.at;
        self.skip_string()?;
        serde_json::from_slice(&self.text[start..self.at]).ok()
    }

    fn skip_string(&mut self) -> Option<()> {
        if self.peek()? != b'"' {
            return None;
        }
        self.at += 1;
        loop {
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(());
                }
                b'\\' => self.at += 2,
                _ => self.at += 1,
            }
        }
    }

    /// Steps over one value of any kind.
    fn skip(&mut self) -> Option<()> {
        self.space();
        match self.peek()? {
            b'"' => self.skip_string(),
            open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.at += 1;
                self.space();
                if self.peek()? == close {
                    self.at += 1;
                    return Some(());
                }
                loop {
                    if open == b'{' {
                        self.space();
                        self.skip_string()?;
                        self.eat(b':')?;
                    }
                    self.skip()?;
                    self.space();
                    match self.peek()? {
                        b',' => self.at += 1,
                        b if b == close => {
                            self.at += 1;
                            return Some(());
                        }
                        _ => return None,
                    }
                }
            }
            _ => {
                // A number, true, false or null: up to the next delimiter.
                let start = self.at;
                while self.peek().is_some_and(|b| {
                    !matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                }) {
                    self.at += 1;
                }
                (self.at > start).then_some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"a\": [1, {\"x\": \"é\\\"}\"}, [true]],\n  \"b/c\": {\"d\": null},\n  \"e\": \"ça\"\n}\n";

    #[test]
    fn pointers_lead_to_their_line_and_column() {
        let text = TEXT.as_bytes();
        assert_eq!(locate(text, ""), Some((1, 1)));
        assert_eq!(locate(text, "/a"), Some((2, 8)));
        assert_eq!(locate(text, "/a/0"), Some((2, 9)));
        assert_eq!(locate(text, "/a/1"), Some((2, 12)));
        assert_eq!(locate(text, "/a/1/x"), Some((2, 18)));
        assert_eq!(locate(text, "/a/2"), Some((2, 27)));
        assert_eq!(locate(text, "/a/2/0"), Some((2, 28)));
        assert_eq!(locate(text, "/b~1c/d"), Some((3, 16)));
        assert_eq!(locate(text, "/e"), Some((4, 8)));
        for missing in ["/z", "/a/3", "/a/x", "/e/0", "/b~1c/d/0"] {
            assert_eq!(locate(text, missing), None, "{missing}");
        }
        assert_eq!(locate(b"{\"a\": ", "/a/0"), None);
        assert_eq!(locate(b"", "/a"), None);
    }

    #[test]
    fn it_agrees_with_serde_json_on_a_real_document() {
        let data = crate::sample::sample();
        let text = serde_json::to_vec_pretty(&data).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&text).unwrap();
        let pointer = "/cohorts/1/seminars/0/half_days/0/marks/2/status";
        let (line, column) = locate(&text, pointer).unwrap();
        let lines: Vec<&str> = std::str::from_utf8(&text).unwrap().lines().collect();
        let rest: String = lines[line - 1].chars().skip(column - 1).collect();
        let expected = serde_json::to_string(value.pointer(pointer).unwrap()).unwrap();
        assert!(rest.starts_with(&expected), "{rest} / {expected}");
    }
}
