//! One output channel: text for people, or the stable JSON the README documents.

use attune::Error;
use serde::Serialize;
use zeroize::Zeroizing;

/// Print `value` as pretty JSON (the buffer is wiped afterwards: it may hold entries).
pub fn json<T: Serialize>(value: &T) -> Result<(), Error> {
    let text = Zeroizing::new(
        serde_json::to_string_pretty(value)
            .map_err(|_| Error::invalid("Could not encode JSON."))?,
    );
    println!("{}", *text);
    Ok(())
}

/// "1 entry", "2 entries": `one` and `many` are the whole words.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The "s" of a plural noun, for counts inside longer sentences.
pub fn s(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// "looks" for one, "look" for many.
pub fn looks(n: usize) -> &'static str {
    if n == 1 {
        "looks"
    } else {
        "look"
    }
}

/// The first eight hex digits of an id: enough to type back.
pub fn short(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}

/// Text from another person (a packet, a contact card), shown safely in a terminal:
/// control characters and invisible format characters appear escaped, so nobody can
/// move the cursor, retitle the window or fake a line of Attune's own output.
pub fn theirs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\n' || c == '\t' {
            out.push(c);
        } else if c.is_control() || attune::text::is_format_char(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_others_cannot_drive_the_terminal() {
        let hostile = "hi\u{1b}]0;owned\u{7}\u{1b}[2J\u{202e}gnp.exe\u{9b}31m";
        let shown = theirs(hostile);
        assert!(!shown
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'));
        assert!(!shown.contains('\u{202e}'));
        assert!(shown.starts_with("hi\\u{1b}"));
        assert_eq!(theirs("Line one\nline two"), "Line one\nline two");
    }

    #[test]
    fn plurals_read_right() {
        assert_eq!(count(1, "entry", "entries"), "1 entry");
        assert_eq!(count(0, "entry", "entries"), "0 entries");
        assert_eq!(s(2), "s");
        assert_eq!(looks(1), "looks");
    }
}
