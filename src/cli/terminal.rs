//! Text from files on a terminal: control characters (C0, DEL, C1) and the bidirectional
//! formatting characters (U+200E/F, U+202A–202E, U+2066–2069) would move the cursor,
//! recolour, retitle the window or reorder what is shown (a "Trojan source" id that reads
//! differently from what it is), so they are written escaped, as `\u{202e}`. JSON and CSV
//! output are data and stay exact.

use std::borrow::Cow;
use std::io::{self, Write};

/// Whether the terminal would act on `c` rather than show it.
fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every unsafe character escaped; borrowed when there is none.
pub fn terminal_safe(s: &str) -> Cow<'_, str> {
    escape(s, is_unsafe)
}

fn escape(s: &str, unsafe_char: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(&unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A writer for messages (stderr): every unsafe character but the newline that ends each
/// message escaped. Bytes that are not UTF-8 are written as `\x..`; a character split
/// across two writes is held until it is whole.
pub struct SafeLines<W: Write> {
    inner: W,
    /// The start of a character whose remaining bytes are still to come.
    partial: Vec<u8>,
}

impl<W: Write> SafeLines<W> {
    pub fn new(inner: W) -> Self {
        SafeLines {
            inner,
            partial: Vec::new(),
        }
    }
}

impl<W: Write> Write for SafeLines<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.partial.extend_from_slice(buf);
        let bytes = std::mem::take(&mut self.partial);
        let mut rest = bytes.as_slice();
        let mut out = String::new();
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    out.push_str(&escape(text, |c| c != '\n' && is_unsafe(c)));
                    break;
                }
                Err(e) => {
                    let (valid, after) = rest.split_at(e.valid_up_to());
                    let text = std::str::from_utf8(valid).unwrap_or_default();
                    out.push_str(&escape(text, |c| c != '\n' && is_unsafe(c)));
                    match e.error_len() {
                        Some(n) => {
                            for b in &after[..n] {
                                out.push_str(&format!("\\x{b:02x}"));
                            }
                            rest = &after[n..];
                        }
                        None => {
                            self.partial = after.to_vec();
                            break;
                        }
                    }
                }
            }
        }
        self.inner.write_all(out.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_characters_are_escaped_and_the_rest_kept() {
        assert_eq!(terminal_safe("企业 A-1 (ok)"), "企业 A-1 (ok)");
        assert!(matches!(terminal_safe("plain"), Cow::Borrowed(_)));
        assert_eq!(
            terminal_safe("a\u{1b}[2Jb\u{7}\u{0}\u{7f}\u{85}\u{9f}"),
            "a\\u{1b}[2Jb\\u{7}\\u{0}\\u{7f}\\u{85}\\u{9f}"
        );
        assert_eq!(
            terminal_safe("x\u{202e}gnp.exe\u{202c}\u{2066}\u{2069}\u{200e}\u{200f}\t\n\r"),
            "x\\u{202e}gnp.exe\\u{202c}\\u{2066}\\u{2069}\\u{200e}\\u{200f}\\u{9}\\u{a}\\u{d}"
        );
        // Their neighbours are ordinary characters.
        assert_eq!(
            terminal_safe("\u{a0}\u{200d}\u{2029}\u{206a}"),
            "\u{a0}\u{200d}\u{2029}\u{206a}"
        );
    }

    #[test]
    fn message_lines_keep_their_newlines_and_whole_characters_across_writes() {
        let mut w = SafeLines::new(Vec::new());
        let text = "文件\u{1b}]0;title\u{7}\n";
        let bytes = text.as_bytes();
        // Split inside the first character (3 bytes in UTF-8).
        w.write_all(&bytes[..1]).unwrap();
        w.write_all(&bytes[1..]).unwrap();
        w.write_all(b"bad \xff byte\n").unwrap();
        assert_eq!(
            String::from_utf8(w.inner).unwrap(),
            "文件\\u{1b}]0;title\\u{7}\nbad \\xff byte\n"
        );
    }
}
