//! jrnl: its JSON export (`{"tags": {...}, "entries": [{"title", "body", "date",
//! "time", "tags", "starred"}]}`), its plain text journal (`[YYYY-MM-DD HH:MM] Title`,
//! then the body; ` *` after the title stars it; `@tags` anywhere in the text), and
//! folder journals (`YYYY/MM/DD.txt`, each in the text format, the day taken from the
//! path as jrnl does).
//!
//! Kept: title, body, date and time (as local time), tags without their `@`, starred.
//! jrnl has no ids, so duplicates are told by a fingerprint of the date, time, title and
//! text (a jrnl entry exported from Day One keeps its uuid).

use chrono::{NaiveDate, NaiveDateTime};
use serde::Deserialize;
use zeroize::Zeroizing;

use super::source::{Input, Limits};
use super::text::{self, fingerprint};
use super::{malformed, AttuneFields, DroppedKind, Format, ImportedEntry, Parsed, Written};
use crate::{Error, Result};

#[derive(Deserialize)]
struct Export {
    entries: Vec<RawEntry>,
}

#[derive(Deserialize)]
struct RawEntry {
    #[serde(default)]
    title: Zeroizing<String>,
    #[serde(default)]
    body: Zeroizing<String>,
    date: String,
    time: Option<String>,
    #[serde(default)]
    tags: Vec<Zeroizing<String>>,
    #[serde(default)]
    starred: bool,
    uuid: Option<String>,
}

/// The time formats a jrnl journal is read with: jrnl's default, and with seconds.
const TIME_FORMATS: [&str; 3] = ["%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %I:%M %p"];

/// Does `bytes` start like a jrnl text journal?
pub fn looks_like_text(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = &start[..start.len().min(64)];
    let Some(close) = start.iter().position(|&b| b == b']') else {
        return false;
    };
    start.first() == Some(&b'[')
        && std::str::from_utf8(&start[1..close]).is_ok_and(|s| parse_time(s).is_some())
}

fn parse_time(text: &str) -> Option<NaiveDateTime> {
    TIME_FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text.trim(), f).ok())
}

/// The day of a folder journal's file (`2024/01/15.txt`, at any depth), if its path is one.
pub fn day_file_date(path: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = path.rsplitn(4, '/').collect();
    if parts.len() < 3 {
        return None;
    }
    let day = parts[0].strip_suffix(".txt")?;
    let (month, year) = (parts[1], parts[2]);
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

pub fn read(input: &Input, _limits: &Limits) -> Result<Parsed> {
    let mut parsed = Parsed::default();
    match input {
        Input::File(file) => {
            if file.bytes.trim_ascii_start().starts_with(b"{") {
                parse_json(&file.bytes, &file.name, &mut parsed)?;
            } else {
                let text = text::utf8(&file.bytes, &file.name)?;
                parse_text(&text, &file.name, None, &mut parsed);
            }
        }
        Input::Folder(folder) => {
            let mut any = false;
            for file in &folder.files {
                let Some(day) = day_file_date(&file.name) else {
                    continue;
                };
                any = true;
                let text = text::utf8(&file.bytes, &file.name)?;
                parse_text(&text, &file.name, Some(day), &mut parsed);
            }
            if !any {
                return Err(Error::invalid(
                    "This folder holds no jrnl folder journal (files laid out as YYYY/MM/DD.txt). Choose the journal's folder, or its text or JSON file. Nothing was imported.",
                ));
            }
            let unread = folder.files.len() - parsed_day_files(folder);
            parsed.dropped.add(DroppedKind::OtherFile, folder.others + unread);
        }
        Input::Zip(zip) => {
            return Err(Error::invalid(format!(
                "{} is a ZIP file; jrnl journals are text or JSON. Choose the journal file itself. Nothing was imported.",
                zip.name
            )))
        }
    }
    Ok(parsed)
}

fn parsed_day_files(folder: &super::source::Folder) -> usize {
    folder
        .files
        .iter()
        .filter(|f| day_file_date(&f.name).is_some())
        .count()
}

/// Parse jrnl's JSON export.
pub fn parse_json(bytes: &[u8], name: &str, parsed: &mut Parsed) -> Result<()> {
    let text = text::utf8(bytes, name)?;
    let export: Export = serde_json::from_str(&text).map_err(|_| malformed(name, Format::Jrnl))?;
    for (n, raw) in export.entries.into_iter().enumerate() {
        let place = format!("{name}, entry {}", n + 1);
        let stamp = format!("{} {}", raw.date, raw.time.as_deref().unwrap_or("00:00"));
        let when = parse_time(&stamp).ok_or_else(|| {
            Error::invalid(format!(
                "{place} has a date or time Attune cannot read (it expects YYYY-MM-DD and HH:MM). Nothing was imported."
            ))
        })?;
        let title = text::plain_line_ends(raw.title.trim());
        let body = text::plain_line_ends(raw.body.trim());
        let tags = text::tidy_tags(raw.tags.iter().map(|t| t.as_str()), &mut parsed.dropped);
        let source_id = raw
            .uuid
            .filter(|u| !u.is_empty() && u.len() <= 64 && !u.chars().any(char::is_control))
            .unwrap_or_else(|| fingerprint(&[&stamp, &title, &body]));
        push(
            parsed,
            place,
            when,
            title,
            body,
            tags,
            raw.starred,
            source_id,
        );
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn push(
    parsed: &mut Parsed,
    place: String,
    when: NaiveDateTime,
    title: String,
    body: String,
    tags: Vec<String>,
    starred: bool,
    source_id: String,
) {
    if title.is_empty() && body.is_empty() {
        parsed.dropped.add(DroppedKind::EmptyEntry, 1);
        return;
    }
    // A title too long for Attune opens the text instead.
    let (title, body) = match text::fit_title(&title) {
        Some(t) => (Some(t), body),
        None if title.is_empty() => (None, body),
        None => (None, format!("{title}\n\n{body}").trim().to_string()),
    };
    parsed.entries.push(ImportedEntry {
        source_id,
        date: when.date(),
        written: Some(Written::Local(when)),
        changed: None,
        title,
        body,
        tags,
        starred,
        attune: AttuneFields::default(),
        place,
    });
}

/// Parse a jrnl text journal. In a folder journal, `day` (from the file's path) is each
/// entry's day, as jrnl reads it.
pub fn parse_text(text: &str, name: &str, day: Option<NaiveDate>, parsed: &mut Parsed) {
    // Entries start at `[date] ` at the start of the text or of a line.
    let mut starts: Vec<(usize, usize, NaiveDateTime)> = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix('[') {
            if let Some(close) = rest
                .find("] ")
                .or_else(|| rest.trim_end().strip_suffix(']').map(|s| s.len()))
            {
                if let Some(when) = parse_time(&rest[..close]) {
                    let header_len = (1 + close + 2).min(line.len());
                    starts.push((line_start, line_start + header_len, when));
                }
            }
        }
        line_start += line.len();
    }
    if starts.is_empty() && !text.trim().is_empty() {
        parsed.notes.push(format!(
            "{name} has no line starting with [YYYY-MM-DD HH:MM], so no entries were found in it."
        ));
    }
    for (i, &(_, content_start, when)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(text.len(), |next| next.0);
        let raw = &text[content_start..end];
        let (first, rest) = raw.split_once('\n').unwrap_or((raw, ""));
        let mut title = first.trim().to_string();
        let mut starred = false;
        if let Some(t) = title.strip_suffix('*') {
            starred = true;
            title = t.trim_end().to_string();
        }
        let body = rest.trim().to_string();
        let when = match day {
            Some(d) => d.and_time(when.time()),
            None => when,
        };
        let tags = text::tidy_tags(at_tags(raw), &mut parsed.dropped);
        let stamp = when.format("%Y-%m-%d %H:%M").to_string();
        let source_id = fingerprint(&[&stamp, &title, &body]);
        let place = format!("{name}, entry {}", i + 1);
        push(parsed, place, when, title, body, tags, starred, source_id);
    }
}

/// jrnl's tags: `@` then letters, digits or `-+*#/_`, at the start of a word; lower case.
pub fn at_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    let mut previous = ' ';
    for (i, c) in text.char_indices() {
        if c == '@' && previous.is_whitespace() {
            let rest = &text[i + 1..];
            let len = rest
                .find(|ch: char| !(ch.is_alphanumeric() || "-+*#/_".contains(ch)))
                .unwrap_or(rest.len());
            if len > 0 {
                let tag = rest[..len].to_lowercase();
                if !tags.contains(&tag) {
                    tags.push(tag);
                }
            }
        }
        previous = c;
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_journals_split_into_entries_with_tags_and_stars() {
        let journal = "[2024-01-15 09:30] Visit with @FamilyA *\nWe sat on the floor.\n@sleep was hard.\n\n[2024-01-16 18:05] Short one.\n[not a date] stays in the text\n";
        let mut parsed = Parsed::default();
        parse_text(journal, "journal.txt", None, &mut parsed);
        assert_eq!(parsed.entries.len(), 2);
        let a = &parsed.entries[0];
        assert_eq!(a.title.as_deref(), Some("Visit with @FamilyA"));
        assert_eq!(a.body, "We sat on the floor.\n@sleep was hard.");
        assert!(a.starred);
        assert_eq!(a.tags, vec!["familya".to_string(), "sleep".to_string()]);
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2024, 1, 15).unwrap());
        let b = &parsed.entries[1];
        assert_eq!(b.title.as_deref(), Some("Short one."));
        assert_eq!(b.body, "[not a date] stays in the text");
        assert!(!b.starred);
    }

    #[test]
    fn folder_journal_days_come_from_the_path() {
        assert_eq!(
            day_file_date("2024/01/15.txt"),
            NaiveDate::from_ymd_opt(2024, 1, 15)
        );
        assert_eq!(day_file_date("journal/2024/02/30.txt"), None);
        assert_eq!(day_file_date("notes.txt"), None);
        let mut parsed = Parsed::default();
        parse_text(
            "[2020-01-01 10:00] t\nb",
            "2024/01/15.txt",
            NaiveDate::from_ymd_opt(2024, 1, 15),
            &mut parsed,
        );
        assert_eq!(
            parsed.entries[0].date,
            NaiveDate::from_ymd_opt(2024, 1, 15).unwrap()
        );
    }

    #[test]
    fn json_export_reads_and_refuses_bad_dates() {
        let mut parsed = Parsed::default();
        parse_json(br#"{"tags":{"@work":1},"entries":[{"title":"T","body":"B","date":"2024-03-01","time":"07:45","tags":["@work"],"starred":false}]}"#, "j.json", &mut parsed).unwrap();
        assert_eq!(parsed.entries[0].tags, vec!["work".to_string()]);
        let mut parsed = Parsed::default();
        let err = parse_json(
            br#"{"entries":[{"title":"T","body":"B","date":"March 1","time":"07:45"}]}"#,
            "j.json",
            &mut parsed,
        )
        .unwrap_err();
        assert!(err.message.contains("j.json, entry 1"));
        assert!(looks_like_text(b"[2024-01-15 09:30] x"));
        assert!(!looks_like_text(b"[x] y"));
    }
}
