//! Mini Diary and its successor Mini Diarium, both one JSON file.
//!
//! - Mini Diary: `{"metadata": {"application", "version", "dateUpdated"}, "entries":
//!   {"YYYY-MM-DD": {"dateUpdated", "title", "text"}}}`, one entry per day, text in
//!   Markdown. The day is the entry's id. Mini Diary keeps no time of writing: the
//!   last change (`"Sun Feb 15 2026 15:15:14 GMT+0100"`) stands in for it.
//! - Mini Diarium: `{"metadata": {"application": "Mini Diarium", ...}, "entries": [{"id",
//!   "date", "title", "text" (HTML), "dateUpdated", "tags", ...}]}`; the HTML becomes
//!   Markdown, the id tells duplicates apart, fonts and other settings stay behind.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::Deserialize;
use zeroize::Zeroizing;

use super::source::Input;
use super::text::{self, fingerprint};
use super::{malformed, AttuneFields, DroppedKind, Format, ImportedEntry, Parsed, Written};
use crate::{Error, Result};

#[derive(Deserialize)]
struct DiaryExport {
    entries: BTreeMap<String, DiaryEntry>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DiaryEntry {
    date_updated: Option<String>,
    #[serde(default)]
    title: Zeroizing<String>,
    #[serde(default)]
    text: Zeroizing<String>,
}

#[derive(Deserialize)]
struct DiariumExport {
    entries: Vec<DiariumEntry>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DiariumEntry {
    id: Option<serde_json::Value>,
    date: String,
    #[serde(default)]
    title: Zeroizing<String>,
    #[serde(default)]
    text: Zeroizing<String>,
    date_created: Option<String>,
    date_updated: Option<String>,
    #[serde(default)]
    tags: Vec<Zeroizing<String>>,
}

/// The one JSON file both apps export.
fn the_file(input: &Input, format: Format) -> Result<&super::source::File> {
    match input {
        Input::File(file) => Ok(file),
        _ => Err(Error::invalid(format!(
            "{} exports one JSON file: choose that file. Nothing was imported.",
            format.label()
        ))),
    }
}

fn day(text: &str, place: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        .filter(|_| text.trim().len() == 10)
        .ok_or_else(|| {
            Error::invalid(format!(
                "{place} has a date Attune cannot read (it expects YYYY-MM-DD). Nothing was imported."
            ))
        })
}

/// A JavaScript `Date.toString()` (`Sun Feb 15 2026 15:15:14 GMT+0100 (Central
/// European Standard Time)`), or an RFC 3339 time.
fn changed_at(text: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text.trim()) {
        return Some(t.with_timezone(&Utc));
    }
    let without_name = text.split(" (").next().unwrap_or(text).trim();
    DateTime::parse_from_str(without_name, "%a %b %d %Y %H:%M:%S GMT%z")
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

pub fn read_mini_diary(input: &Input) -> Result<Parsed> {
    let file = the_file(input, Format::MiniDiary)?;
    let text = text::utf8(&file.bytes, &file.name)?;
    let export: DiaryExport =
        serde_json::from_str(&text).map_err(|_| malformed(&file.name, Format::MiniDiary))?;
    let mut parsed = Parsed::default();
    for (n, (key, raw)) in export.entries.into_iter().enumerate() {
        let place = format!("{}, entry {}", file.name, n + 1);
        let date = day(&key, &place)?;
        let title = text::plain_line_ends(raw.title.trim());
        let body = text::plain_line_ends(raw.text.trim());
        let changed = raw.date_updated.as_deref().and_then(changed_at);
        push(
            &mut parsed,
            place,
            date,
            changed,
            changed,
            title,
            body,
            Vec::new(),
            key.trim().to_string(),
        );
    }
    Ok(parsed)
}

pub fn read_mini_diarium(input: &Input) -> Result<Parsed> {
    let file = the_file(input, Format::MiniDiarium)?;
    let text = text::utf8(&file.bytes, &file.name)?;
    let export: DiariumExport =
        serde_json::from_str(&text).map_err(|_| malformed(&file.name, Format::MiniDiarium))?;
    let mut parsed = Parsed::default();
    for (n, raw) in export.entries.into_iter().enumerate() {
        let place = format!("{}, entry {}", file.name, n + 1);
        let date = day(&raw.date, &place)?;
        let title = text::plain_line_ends(raw.title.trim());
        let body = super::html::to_markdown(&text::plain_line_ends(&raw.text), &mut parsed.dropped);
        let tags = text::tidy_tags(raw.tags.iter().map(|t| t.as_str()), &mut parsed.dropped);
        let changed = raw.date_updated.as_deref().and_then(changed_at);
        let written = raw.date_created.as_deref().and_then(changed_at).or(changed);
        let id = match &raw.id {
            Some(serde_json::Value::Number(n)) => Some(n.to_string()),
            Some(serde_json::Value::String(s))
                if !s.is_empty() && s.len() <= 64 && !s.chars().any(char::is_control) =>
            {
                Some(s.clone())
            }
            _ => None,
        };
        let source_id = id.unwrap_or_else(|| fingerprint(&[&raw.date, &title, &body]));
        push(
            &mut parsed,
            place,
            date,
            written,
            changed,
            title,
            body,
            tags,
            source_id,
        );
    }
    Ok(parsed)
}

#[allow(clippy::too_many_arguments)]
fn push(
    parsed: &mut Parsed,
    place: String,
    date: NaiveDate,
    written: Option<DateTime<Utc>>,
    changed: Option<DateTime<Utc>>,
    title: String,
    body: String,
    tags: Vec<String>,
    source_id: String,
) {
    if title.is_empty() && body.is_empty() {
        parsed.dropped.add(DroppedKind::EmptyEntry, 1);
        return;
    }
    let (title, body) = match text::fit_title(&title) {
        Some(t) => (Some(t), body),
        None if title.is_empty() => (None, body),
        None => (None, format!("{title}\n\n{body}").trim().to_string()),
    };
    // With no time of writing at all, noon of the entry's day (local) stands in.
    let written = written.map(Written::At).unwrap_or_else(|| {
        Written::Local(NaiveDateTime::new(
            date,
            chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default(),
        ))
    });
    parsed.entries.push(ImportedEntry {
        source_id,
        date,
        written: Some(written),
        changed,
        title,
        body,
        tags,
        starred: false,
        attune: AttuneFields::default(),
        place,
    });
}

#[cfg(test)]
mod tests {
    use super::super::source::File;
    use super::*;

    fn file(json: &str) -> Input {
        Input::File(File {
            name: "export.json".into(),
            bytes: Zeroizing::new(json.as_bytes().to_vec()),
            modified: None,
        })
    }

    #[test]
    fn mini_diary_days_are_entries() {
        let parsed = read_mini_diary(&file(r#"{"metadata":{"application":"Mini Diary","version":"3.3.0"},"entries":{
            "2024-01-02":{"dateUpdated":"Sun Feb 15 2026 15:15:14 GMT+0100 (Central European Standard Time)","title":"Second","text":"**Bold** words"},
            "2024-01-01":{"dateUpdated":"nonsense","title":"","text":""}}}"#)).unwrap();
        assert_eq!(parsed.entries.len(), 1);
        assert_eq!(parsed.dropped.count(DroppedKind::EmptyEntry), 1);
        let e = &parsed.entries[0];
        assert_eq!(e.source_id, "2024-01-02");
        assert_eq!(e.body, "**Bold** words");
        assert_eq!(e.changed.unwrap().to_rfc3339(), "2026-02-15T14:15:14+00:00");
    }

    #[test]
    fn mini_diarium_html_becomes_markdown() {
        let parsed = read_mini_diarium(&file(r#"{"metadata":{"application":"Mini Diarium","version":"0.4.0"},"entries":[
            {"id":42,"date":"2024-01-15","title":"Visit","text":"<p>We <em>played</em>.</p><p>Then home.</p>","dateUpdated":"2024-01-15T12:00:00Z","tags":["work"],"metadata":{"fontFamily":"Merriweather"}}]}"#)).unwrap();
        let e = &parsed.entries[0];
        assert_eq!(e.source_id, "42");
        assert_eq!(e.body, "We *played*.\n\nThen home.");
        assert_eq!(e.tags, vec!["work".to_string()]);
        let err = read_mini_diarium(&file(
            r#"{"entries":[{"id":1,"date":"15/01/2024","title":"x","text":""}]}"#,
        ))
        .unwrap_err();
        assert!(err.message.contains("entry 1 has a date"));
    }
}
