//! Text shared by the parsers: UTF-8 with line ends made plain, Markdown escapes and
//! Day One's media links taken out, titles split off, tags tidied, fingerprints.

use serde::de::IgnoredAny;
use serde::Deserialize;
use zeroize::Zeroizing;

use super::{Dropped, DroppedKind, Format};
use crate::journal::entry::{MAX_TAGS, MAX_TAG_CHARS, MAX_TITLE_CHARS};
use crate::{Error, Result};

/// `bytes` as UTF-8 text (a leading byte-order mark dropped), with Windows (`\r\n`) and
/// old Mac (`\r`) line ends made `\n`. Other bytes are refused, naming the file.
pub fn utf8(bytes: &[u8], name: &str) -> Result<Zeroizing<String>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Error::invalid(format!(
            "{name} is not UTF-8 text (the first other byte is at position {}). Save or export it as UTF-8 and try again. Nothing was imported.",
            e.valid_up_to()
        ))
    })?;
    Ok(Zeroizing::new(plain_line_ends(text)))
}

/// `\r\n` and lone `\r` become `\n`.
pub fn plain_line_ends(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Which app's JSON export `bytes` looks like, from its shape alone.
pub fn json_shape(bytes: &[u8]) -> Option<Format> {
    #[derive(Deserialize)]
    struct Probe {
        metadata: Option<Meta>,
        tags: Option<IgnoredAny>,
        entries: Entries,
    }
    #[derive(Deserialize)]
    struct Meta {
        application: Option<String>,
    }
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Entries {
        List(Vec<ProbeEntry>),
        // Only its shape matters: an object keyed by day.
        #[allow(dead_code)]
        ByDay(std::collections::HashMap<String, IgnoredAny>),
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct ProbeEntry {
        uuid: Option<IgnoredAny>,
        creation_date: Option<IgnoredAny>,
        time: Option<IgnoredAny>,
        body: Option<IgnoredAny>,
        id: Option<IgnoredAny>,
        date: Option<IgnoredAny>,
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let probe: Probe = serde_json::from_slice(bytes).ok()?;
    let app = probe
        .metadata
        .as_ref()
        .and_then(|m| m.application.as_deref())
        .unwrap_or("");
    match probe.entries {
        Entries::ByDay(_) => Some(Format::MiniDiary),
        Entries::List(list) => {
            let first = list.first();
            if app.contains("Mini Diarium")
                || first.is_some_and(|e| e.id.is_some() && e.date.is_some())
            {
                Some(Format::MiniDiarium)
            } else if probe.tags.is_some()
                || first.is_some_and(|e| e.time.is_some() || e.body.is_some())
            {
                Some(Format::Jrnl)
            } else if probe.metadata.is_some()
                && first.is_none_or(|e| e.uuid.is_some() || e.creation_date.is_some())
            {
                Some(Format::DayOne)
            } else {
                None
            }
        }
    }
}

/// Take out Markdown's backslash escapes (`\.` becomes `.`), as Day One writes them
/// before every punctuation mark that Markdown might read.
pub fn unescape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&next) = chars.peek() {
                if next.is_ascii_punctuation() {
                    out.push(next);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// Remove Day One's links to its own media (`![](dayone-moment://ID)`,
/// `![](dayone-moment:/audio/ID)`, and the object mark U+FFFC), counting the links.
pub fn remove_moment_links(text: &str, dropped: &mut Dropped) -> String {
    const SCHEME: &str = "dayone-moment:";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut removed = 0;
    while let Some(at) = rest.find(SCHEME) {
        // The link starts at the `[` (or `![`) before `](`, when there is one.
        let before = &rest[..at];
        let Some(open) = before.strip_suffix("](").map(|b| b.rfind('[')) else {
            // A bare address: drop it up to the next space.
            out.push_str(before);
            let end = rest[at..]
                .find(char::is_whitespace)
                .map_or(rest.len(), |e| at + e);
            rest = &rest[end..];
            removed += 1;
            continue;
        };
        let Some(open) = open else {
            // `](` with no `[` before it: drop it and the address up to its `)`.
            out.push_str(&before[..before.len() - 2]);
            let end = rest[at..]
                .find(|c: char| c == ')' || c.is_whitespace())
                .map_or(rest.len(), |e| {
                    at + e + usize::from(rest[at + e..].starts_with(')'))
                });
            rest = &rest[end..];
            removed += 1;
            continue;
        };
        let start = if open > 0 && before.as_bytes()[open - 1] == b'!' {
            open - 1
        } else {
            open
        };
        let label = &before[open + 1..before.len() - 2];
        out.push_str(&before[..start]);
        // A text link keeps its words; an image link goes.
        if start == open {
            out.push_str(label);
        }
        let end = rest[at..].find(')').map_or(rest.len(), |e| at + e + 1);
        rest = &rest[end..];
        removed += 1;
    }
    out.push_str(rest);
    dropped.add(DroppedKind::MediaLink, removed);
    tidy_blank_lines(&out.replace('\u{FFFC}', ""))
}

/// Lines with only spaces become empty, runs of blank lines become one, and the text
/// is trimmed of blank lines at either end and spaces at the end of lines.
pub fn tidy_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.split('\n') {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank_run > 0 {
                out.push('\n');
            }
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

/// A title and the rest of the text, the way Day One shows an entry: a heading on the
/// first line is the title; otherwise the first paragraph (the text before the first
/// blank line, on one line), when it is short enough to be a title.
pub fn split_title(text: &str) -> (Option<String>, String) {
    let text = text.trim_start_matches('\n');
    let (first, rest) = match text.split_once("\n\n") {
        Some((first, rest)) => (first, rest),
        None => (text, ""),
    };
    let first_line = first.lines().next().unwrap_or("");
    if let Some(heading) = heading_text(first_line) {
        // Only the heading line is the title; the rest of its paragraph stays.
        let after = first.split_once('\n').map_or("", |(_, after)| after);
        let body = [after, rest]
            .iter()
            .filter(|p| !p.trim().is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("\n\n");
        return (fit_title(heading), body.trim().to_string());
    }
    let joined = first.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    match fit_title(&joined) {
        Some(title) => (Some(title), rest.trim().to_string()),
        None => (None, text.trim().to_string()),
    }
}

/// The text of a Markdown ATX heading line (`# Title`), if it is one.
pub fn heading_text(line: &str) -> Option<&str> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    Some(rest.trim().trim_end_matches('#').trim())
}

/// A title Attune can keep: trimmed, non-empty, at most 200 characters.
pub fn fit_title(title: &str) -> Option<String> {
    let title = title.trim();
    (!title.is_empty() && title.chars().count() <= MAX_TITLE_CHARS).then(|| title.to_string())
}

/// Tags Attune can keep: without a leading `@` or `#`, commas and line breaks made
/// spaces, each once (ignoring case). Longer than 40 characters, or past the 30th: left
/// off and counted.
pub fn tidy_tags<S: AsRef<str>>(
    raw: impl IntoIterator<Item = S>,
    dropped: &mut Dropped,
) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in raw {
        let tag: String = tag
            .as_ref()
            .trim()
            .trim_start_matches(['@', '#'])
            .chars()
            .map(|c| if c == ',' || c.is_control() { ' ' } else { c })
            .collect();
        let tag = tag.split_whitespace().collect::<Vec<_>>().join(" ");
        if tag.is_empty() || tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            continue;
        }
        if tag.chars().count() > MAX_TAG_CHARS || tags.len() == MAX_TAGS {
            dropped.add(DroppedKind::Tag, 1);
            continue;
        }
        tags.push(tag);
    }
    tags
}

/// A short digest naming an entry that has no id of its own: the same date, time, title
/// and text give the same fingerprint.
pub fn fingerprint(parts: &[&str]) -> String {
    let mut data = Zeroizing::new(Vec::new());
    for part in parts {
        data.extend_from_slice(&(part.len() as u64).to_be_bytes());
        data.extend_from_slice(part.as_bytes());
    }
    hex::encode(&crate::crypto::sha256(&data)[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_one_escapes_and_media_links_go() {
        let mut dropped = Dropped::default();
        let text = "# Visit \\.\\.\\. done\n\n![](dayone-moment://76F9B0AC)\n\nWe sat \\(quietly\\)\\.\n\n![](dayone-moment:/audio/ABC)\n\nSee [the note](dayone-moment://XYZ) \\- later\u{FFFC}";
        let cleaned = unescape_markdown(&remove_moment_links(text, &mut dropped));
        assert_eq!(
            cleaned,
            "# Visit ... done\n\nWe sat (quietly).\n\nSee the note - later"
        );
        assert_eq!(dropped.count(DroppedKind::MediaLink), 3);
        // Half a link, or a bare address, goes too (found by fuzzing).
        let half = remove_moment_links(
            "at](dayone-moment://06EA) and dayone-moment:/audio/X end",
            &mut dropped,
        );
        assert_eq!(half, "at and  end");
    }

    #[test]
    fn titles_come_from_a_heading_or_the_first_paragraph() {
        assert_eq!(
            split_title("# A hard visit\n\nThe baby slept."),
            (Some("A hard visit".into()), "The baby slept.".into())
        );
        assert_eq!(
            split_title("First line\nsecond line\n\nBody here."),
            (Some("First line second line".into()), "Body here.".into())
        );
        let long = "x".repeat(201);
        assert_eq!(split_title(&long), (None, long.clone()));
        assert_eq!(split_title(""), (None, String::new()));
        assert_eq!(heading_text("#hashtag"), None);
        assert_eq!(heading_text("## Two ##"), Some("Two"));
    }

    #[test]
    fn tags_are_tidied_and_overlong_ones_counted() {
        let mut dropped = Dropped::default();
        let long = "y".repeat(41);
        let tags = tidy_tags(["@work", "#Work", " sleep, rest ", &long, ""], &mut dropped);
        assert_eq!(tags, vec!["work".to_string(), "sleep rest".to_string()]);
        assert_eq!(dropped.count(DroppedKind::Tag), 1);
    }

    #[test]
    fn line_ends_and_byte_order_marks_are_made_plain() {
        assert_eq!(*utf8(b"\xEF\xBB\xBFa\r\nb\rc", "f").unwrap(), "a\nb\nc");
        let err = utf8(b"ok \xff\xfe", "notes/day.md").unwrap_err();
        assert!(err.message.contains("notes/day.md"));
        assert!(err.message.contains("position 3"));
    }

    #[test]
    fn shapes_are_told_apart() {
        assert_eq!(
            json_shape(br#"{"metadata":{"version":"1.0"},"entries":[{"uuid":"A","creationDate":"2021-01-01T00:00:00Z"}]}"#),
            Some(Format::DayOne)
        );
        assert_eq!(
            json_shape(br#"{"tags":{},"entries":[{"title":"t","body":"b","date":"2021-01-01","time":"09:00"}]}"#),
            Some(Format::Jrnl)
        );
        assert_eq!(
            json_shape(br#"{"metadata":{"version":"3.3.0"},"entries":{"2021-01-01":{"title":"","text":"","dateUpdated":""}}}"#),
            Some(Format::MiniDiary)
        );
        assert_eq!(
            json_shape(br#"{"metadata":{"application":"Mini Diarium"},"entries":[{"id":1,"date":"2021-01-01","title":"","text":""}]}"#),
            Some(Format::MiniDiarium)
        );
        assert_eq!(json_shape(b"[1,2]"), None);
    }
}
