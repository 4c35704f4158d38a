//! YAML front matter, the few shapes notes use: `key: value` (plain, "double-quoted"
//! or 'single-quoted'), flow lists (`[a, b]`) and block lists (`- a`). Comments and
//! blank lines are skipped; a key with any other shape (nested maps, `|` blocks) is
//! kept as [`Value::Other`], so an unknown key never stops an import but a key Attune
//! reads in a shape it cannot is refused with the file's name.

/// One value of the front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    List(Vec<String>),
    Other,
}

/// The front matter of a note, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub fields: Vec<(String, Value)>,
}

impl FrontMatter {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.fields
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    }
}

/// Split `text` into its front matter (when it starts with a `---` line that a later
/// `---` or `...` line closes) and the rest. Without a closing line it has none.
pub fn split(text: &str) -> Result<(Option<FrontMatter>, &str), String> {
    let Some(after) = text.strip_prefix("---\n") else {
        return Ok((None, text));
    };
    let mut offset = 0;
    let mut block_end = None;
    for line in after.split_inclusive('\n') {
        let bare = line.trim_end_matches('\n').trim_end();
        if bare == "---" || bare == "..." {
            block_end = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((yaml_end, rest_start)) = block_end else {
        return Ok((None, text));
    };
    let front = parse(&after[..yaml_end])?;
    Ok((Some(front), &after[rest_start..]))
}

fn parse(yaml: &str) -> Result<FrontMatter, String> {
    let mut front = FrontMatter::default();
    let lines: Vec<&str> = yaml.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if line.starts_with([' ', '\t']) || trimmed.starts_with("- ") || trimmed == "-" {
            // Belongs to a key whose shape was not understood: skip it with that key.
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err(format!(
                "the line \"{}\" is not \"key: value\"",
                short(trimmed)
            ));
        };
        let key = key.trim().to_string();
        let value = value.trim();
        let parsed = if value.is_empty() {
            // A block list follows, or nothing.
            let mut items = Vec::new();
            let mut other = false;
            while i < lines.len() {
                let next = lines[i];
                let t = next.trim();
                if t.is_empty() || t.starts_with('#') {
                    i += 1;
                    continue;
                }
                if let Some(item) = t
                    .strip_prefix("- ")
                    .or(if t == "-" { Some("") } else { None })
                {
                    if !next.starts_with([' ', '\t', '-']) {
                        break;
                    }
                    match scalar(item.trim()) {
                        Some(s) => items.push(s),
                        None => other = true,
                    }
                    i += 1;
                } else if next.starts_with([' ', '\t']) {
                    other = true;
                    i += 1;
                } else {
                    break;
                }
            }
            if other {
                Value::Other
            } else if items.is_empty() {
                Value::Text(String::new())
            } else {
                Value::List(items)
            }
        } else if let Some(inner) = value.strip_prefix('[') {
            match inner.strip_suffix(']') {
                Some(inner) => flow_list(inner).map_or(Value::Other, Value::List),
                None => Value::Other,
            }
        } else if value.starts_with(['{', '|', '>', '&', '*', '!']) {
            Value::Other
        } else {
            scalar(value).map_or(Value::Other, Value::Text)
        };
        front.fields.push((key, parsed));
    }
    Ok(front)
}

fn short(text: &str) -> String {
    text.chars().take(40).collect()
}

/// Items of a flow list's inside (`a, "b, c", 'd'`).
fn flow_list(inner: &str) -> Option<Vec<String>> {
    let mut items = Vec::new();
    let mut rest = inner.trim();
    while !rest.is_empty() {
        let (item, next) = if rest.starts_with(['"', '\'']) {
            let q = rest.chars().next()?;
            let end = closing_quote(&rest[1..], q)? + 1;
            (&rest[..=end], rest[end + 1..].trim_start())
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            (rest[..end].trim(), &rest[end..])
        };
        items.push(scalar(item)?);
        rest = next.strip_prefix(',').unwrap_or(next).trim_start();
        if !next.is_empty() && !next.starts_with(',') {
            return None;
        }
    }
    Some(items)
}

/// Where the quote `q` that closes a quoted scalar is, in the text after the opening one.
fn closing_quote(text: &str, q: char) -> Option<usize> {
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        if q == '"' && c == '\\' {
            chars.next();
        } else if c == q {
            if q == '\'' && text[i + 1..].starts_with('\'') {
                chars.next();
                continue;
            }
            return Some(i);
        }
    }
    None
}

/// A scalar's text: quotes taken off and escapes read; a plain scalar loses a trailing
/// ` # comment`.
fn scalar(value: &str) -> Option<String> {
    if let Some(inner) = value.strip_prefix('"') {
        let end = closing_quote(inner, '"')?;
        if !inner[end + 1..].trim().is_empty() && !inner[end + 1..].trim().starts_with('#') {
            return None;
        }
        let mut out = String::new();
        let mut chars = inner[..end].chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                '0' => out.push('\0'),
                '"' => out.push('"'),
                '\\' => out.push('\\'),
                '/' => out.push('/'),
                ' ' => out.push(' '),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                _ => return None,
            }
        }
        return Some(out);
    }
    if let Some(inner) = value.strip_prefix('\'') {
        let end = closing_quote(inner, '\'')?;
        return Some(inner[..end].replace("''", "'"));
    }
    let plain = match value.find(" #") {
        Some(at) => &value[..at],
        None => value,
    };
    Some(plain.trim().to_string())
}

/// `text` as a double-quoted YAML scalar that [`split`] reads back exactly.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Value {
        Value::Text(s.to_string())
    }

    #[test]
    fn the_shapes_notes_use_are_read() {
        let note = "---\ndate: 2024-01-15\ntitle: \"A \\\"hard\\\" day: \\u00e9\"\nalias: 'it''s'\ntags: [sleep, \"home visit\", 'a,b']\nother:\n  - one\n  - two\n# a comment\nnested:\n  key: value\nplain: words # comment\n---\nBody\n";
        let (front, rest) = split(note).unwrap();
        let front = front.unwrap();
        assert_eq!(rest, "Body\n");
        assert_eq!(front.get("date"), Some(&text("2024-01-15")));
        assert_eq!(front.get("title"), Some(&text("A \"hard\" day: é")));
        assert_eq!(front.get("alias"), Some(&text("it's")));
        assert_eq!(
            front.get("tags"),
            Some(&Value::List(vec![
                "sleep".into(),
                "home visit".into(),
                "a,b".into()
            ]))
        );
        assert_eq!(
            front.get("other"),
            Some(&Value::List(vec!["one".into(), "two".into()]))
        );
        assert_eq!(front.get("nested"), Some(&Value::Other));
        assert_eq!(front.get("plain"), Some(&text("words")));
    }

    #[test]
    fn quoting_round_trips() {
        for s in [
            "plain",
            "a: b # c",
            "quote \" and \\ back",
            "line\nbreak",
            "tab\there",
            "\u{1}",
        ] {
            let note = format!("---\nk: {}\n---\n", quote(s));
            let (front, _) = split(&note).unwrap();
            assert_eq!(front.unwrap().get("k"), Some(&text(s)), "{s:?}");
        }
    }

    #[test]
    fn no_closing_line_means_no_front_matter() {
        assert_eq!(
            split("---\ntitle: x\nno end").unwrap(),
            (None, "---\ntitle: x\nno end")
        );
        assert_eq!(split("# Title").unwrap(), (None, "# Title"));
        assert!(split("---\nnot a pair\n---\n").is_err());
    }
}
