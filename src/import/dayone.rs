//! Day One's JSON export: a ZIP holding one `<Journal>.json` per journal
//! (`{"metadata": {"version": "1.0"}, "entries": [...]}`) and the media, named by
//! their MD5, in `photos/`, `audios/`, `videos/` and `pdfs/`. The unpacked folder, or one
//! journal's JSON file alone, read the same.
//!
//! Kept: the text (Day One's Markdown, with its backslash escapes and media links taken
//! out; its rich text only when there is no Markdown), the title (a heading on the first
//! line, or the first paragraph), the tags, starred or pinned, the uuid (for
//! duplicates), the time it was written and last changed, and its day in the entry's own
//! time zone. Left behind and counted: location, weather, device, activity, photos,
//! audio, video and PDFs.

use chrono::{DateTime, NaiveDate, Utc};
use serde::de::IgnoredAny;
use serde::Deserialize;
use zeroize::Zeroizing;

use super::source::{Input, Limits};
use super::text::{self, fingerprint};
use super::{malformed, AttuneFields, DroppedKind, Format, ImportedEntry, Parsed, Written};
use crate::{Error, Result};

#[derive(Deserialize)]
struct Export {
    metadata: Option<Metadata>,
    entries: Vec<RawEntry>,
}

#[derive(Deserialize)]
struct Metadata {
    version: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawEntry {
    uuid: Option<String>,
    creation_date: Option<String>,
    modified_date: Option<String>,
    time_zone: Option<String>,
    text: Option<Zeroizing<String>>,
    rich_text: Option<Zeroizing<String>>,
    #[serde(default)]
    starred: bool,
    #[serde(default)]
    is_pinned: bool,
    #[serde(default)]
    tags: Vec<Zeroizing<String>>,
    location: Option<IgnoredAny>,
    weather: Option<IgnoredAny>,
    user_activity: Option<IgnoredAny>,
    creation_device: Option<IgnoredAny>,
    creation_device_type: Option<IgnoredAny>,
    creation_device_model: Option<IgnoredAny>,
    creation_os_name: Option<IgnoredAny>,
    creation_os_version: Option<IgnoredAny>,
    photos: Option<Vec<IgnoredAny>>,
    audios: Option<Vec<IgnoredAny>>,
    videos: Option<Vec<IgnoredAny>>,
    pdf_attachments: Option<Vec<IgnoredAny>>,
}

/// The Day One rich text's shape, read only when an entry has no Markdown `text`.
#[derive(Deserialize)]
struct RichText {
    #[serde(default)]
    contents: Vec<RichRun>,
}

#[derive(Deserialize)]
struct RichRun {
    text: Option<Zeroizing<String>>,
    attributes: Option<RichAttributes>,
    #[serde(default, rename = "embeddedObjects")]
    embedded_objects: Vec<IgnoredAny>,
}

#[derive(Deserialize)]
struct RichAttributes {
    line: Option<RichLine>,
    #[serde(default)]
    bold: bool,
    #[serde(default)]
    italic: bool,
}

#[derive(Deserialize)]
struct RichLine {
    header: Option<u8>,
}

/// Read every journal JSON file of a Day One export.
pub fn read(input: &Input, _limits: &Limits) -> Result<Parsed> {
    let mut parsed = Parsed::default();
    let files: Vec<_> = input
        .files()
        .iter()
        .filter(|f| {
            matches!(input, Input::File(_)) || f.name.to_ascii_lowercase().ends_with(".json")
        })
        .collect();
    if files.is_empty() {
        return Err(Error::invalid(
            "There is no Day One journal (a .json file) in what you chose. Choose the ZIP file Day One exported. Nothing was imported.",
        ));
    }
    for file in files {
        parse_json(&file.bytes, &file.name, &mut parsed)?;
    }
    if matches!(input, Input::Folder(_)) {
        super::source::note_others(input, &mut parsed.dropped);
    }
    Ok(parsed)
}

/// Parse one Day One journal JSON file (`name` is for messages), adding its entries.
pub fn parse_json(bytes: &[u8], name: &str, parsed: &mut Parsed) -> Result<()> {
    let text = text::utf8(bytes, name)?;
    let export: Export =
        serde_json::from_str(&text).map_err(|_| malformed(name, Format::DayOne))?;
    let version = export
        .metadata
        .ok_or_else(|| malformed(name, Format::DayOne))?
        .version
        .unwrap_or_default();
    if version.split('.').next() != Some("1") {
        return Err(Error::invalid(format!(
            "{name} is a Day One export in format version \"{}\"; Attune reads version 1.0. Nothing was imported.",
            version.chars().take(16).collect::<String>()
        )));
    }
    let mut unknown_zones = 0;
    for (n, raw) in export.entries.into_iter().enumerate() {
        let place = format!("{name}, entry {}", n + 1);
        if let Some(entry) = entry(raw, place, parsed, &mut unknown_zones)? {
            parsed.entries.push(entry);
        }
    }
    if unknown_zones > 0 {
        parsed.notes.push(format!(
            "{unknown_zones} {} a time zone Attune does not know; {} taken in UTC.",
            if unknown_zones == 1 {
                "entry named"
            } else {
                "entries named"
            },
            if unknown_zones == 1 {
                "its day is"
            } else {
                "their days are"
            }
        ));
    }
    Ok(())
}

/// Day One's times: `2021-03-03T11:48:50Z` (older exports may add fractions).
fn instant(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// The day `at` falls on in the time zone Day One recorded, if Attune knows it.
fn local_day(at: DateTime<Utc>, zone: &str) -> Option<NaiveDate> {
    let tz = jiff::tz::TimeZone::get(zone).ok()?;
    let zoned = jiff::Timestamp::from_second(at.timestamp())
        .ok()?
        .to_zoned(tz);
    NaiveDate::from_ymd_opt(
        i32::from(zoned.year()),
        u32::try_from(zoned.month()).ok()?,
        u32::try_from(zoned.day()).ok()?,
    )
}

fn entry(
    raw: RawEntry,
    place: String,
    parsed: &mut Parsed,
    unknown_zones: &mut usize,
) -> Result<Option<ImportedEntry>> {
    let written = raw
        .creation_date
        .as_deref()
        .and_then(instant)
        .ok_or_else(|| {
            Error::invalid(format!(
                "{place} has no readable creation date. Nothing was imported."
            ))
        })?;
    let date = match raw.time_zone.as_deref() {
        Some(zone) => local_day(written, zone).unwrap_or_else(|| {
            *unknown_zones += 1;
            written.date_naive()
        }),
        None => written.date_naive(),
    };
    let dropped = &mut parsed.dropped;
    let device = [
        &raw.creation_device,
        &raw.creation_device_type,
        &raw.creation_device_model,
        &raw.creation_os_name,
        &raw.creation_os_version,
    ]
    .iter()
    .any(|f| f.is_some());
    dropped.add(DroppedKind::Location, usize::from(raw.location.is_some()));
    dropped.add(DroppedKind::Weather, usize::from(raw.weather.is_some()));
    dropped.add(
        DroppedKind::Activity,
        usize::from(raw.user_activity.is_some()),
    );
    dropped.add(DroppedKind::Device, usize::from(device));
    let count = |v: &Option<Vec<IgnoredAny>>| v.as_ref().map_or(0, Vec::len);
    dropped.add(DroppedKind::Photo, count(&raw.photos));
    dropped.add(DroppedKind::Audio, count(&raw.audios));
    dropped.add(DroppedKind::Video, count(&raw.videos));
    dropped.add(DroppedKind::Pdf, count(&raw.pdf_attachments));

    let markdown = match (&raw.text, &raw.rich_text) {
        (Some(text), _) => Zeroizing::new(text::plain_line_ends(text)),
        (None, Some(rich)) => rich_text(rich),
        (None, None) => Zeroizing::new(String::new()),
    };
    let cleaned = Zeroizing::new(text::remove_moment_links(&markdown, dropped));
    let (title, body) = text::split_title(&cleaned);
    // Escapes come out after the split (an escaped `\#` is no heading); a link spelled
    // with escapes only shows once they are out, so links are looked for again.
    let title = title
        .map(|t| text::remove_moment_links(&text::unescape_markdown(&t), dropped))
        .and_then(|t| text::fit_title(&t));
    let body = text::remove_moment_links(&text::unescape_markdown(&body), dropped);
    if title.is_none() && body.trim().is_empty() {
        dropped.add(DroppedKind::EmptyEntry, 1);
        return Ok(None);
    }
    let tags = text::tidy_tags(raw.tags.iter().map(|t| t.as_str()), dropped);
    let source_id = match raw.uuid.as_deref().map(str::trim) {
        Some(uuid)
            if !uuid.is_empty() && uuid.len() <= 64 && !uuid.chars().any(char::is_control) =>
        {
            uuid.to_string()
        }
        _ => fingerprint(&[&written.to_rfc3339(), title.as_deref().unwrap_or(""), &body]),
    };
    Ok(Some(ImportedEntry {
        source_id,
        date,
        written: Some(Written::At(written)),
        changed: raw.modified_date.as_deref().and_then(instant),
        title,
        body,
        tags,
        starred: raw.starred || raw.is_pinned,
        attune: AttuneFields::default(),
        place,
    }))
}

/// Day One's rich text (a JSON document inside the entry) as Markdown: headers and
/// bold or italic runs kept, embedded objects (photos) left out.
fn rich_text(json: &str) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::new());
    let Ok(doc) = serde_json::from_str::<RichText>(json) else {
        return out;
    };
    for run in doc.contents {
        let Some(text) = run.text.as_deref() else {
            let _ = run.embedded_objects;
            continue;
        };
        let attrs = run.attributes.as_ref();
        let header = attrs
            .and_then(|a| a.line.as_ref())
            .and_then(|l| l.header)
            .filter(|h| (1..=6).contains(h));
        if let Some(level) = header {
            if out.is_empty() || out.ends_with('\n') {
                out.push_str(&"#".repeat(usize::from(level)));
                out.push(' ');
            }
        }
        let mark = match attrs {
            Some(a) if a.bold => "**",
            Some(a) if a.italic => "*",
            _ => "",
        };
        let trimmed = text.trim_end_matches('\n');
        if !mark.is_empty() && !trimmed.trim().is_empty() {
            out.push_str(mark);
            out.push_str(trimmed);
            out.push_str(mark);
            out.push_str(&text[trimmed.len()..]);
        } else {
            out.push_str(text);
        }
        if header.is_some() && !out.ends_with('\n') {
            out.push_str("\n\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Result<Parsed> {
        let mut parsed = Parsed::default();
        parse_json(json.as_bytes(), "Journal.json", &mut parsed).map(|()| parsed)
    }

    #[test]
    fn an_entry_keeps_its_words_day_tags_and_times() {
        let parsed = parse(r##"{"metadata":{"version":"1.0"},"entries":[{
            "uuid":"2F8DDCA258634D9994DF3A4FEE328035","creationDate":"2021-03-03T18:34:56Z",
            "modifiedDate":"2021-03-13T21:58:46Z","timeZone":"Australia\/Sydney",
            "text":"# Tea starts the day\n\n![](dayone-moment:\/\/06EA843B)\n\nA cup of tea\\.\\. never mind","starred":true,
            "tags":["morning","tea"],"location":{"placeName":"Home"},"weather":{"temperatureCelsius":10},
            "creationDevice":"Phone","photos":[{"md5":"8452"}],"audios":[{},{}]}]}"##).unwrap();
        let e = &parsed.entries[0];
        assert_eq!(e.source_id, "2F8DDCA258634D9994DF3A4FEE328035");
        // 18:34 UTC is 05:34 the next morning in Sydney.
        assert_eq!(e.date, NaiveDate::from_ymd_opt(2021, 3, 4).unwrap());
        assert_eq!(e.title.as_deref(), Some("Tea starts the day"));
        assert_eq!(e.body, "A cup of tea.. never mind");
        assert_eq!(e.tags, vec!["morning".to_string(), "tea".to_string()]);
        assert!(e.starred);
        for (kind, n) in [
            (DroppedKind::Location, 1),
            (DroppedKind::Weather, 1),
            (DroppedKind::Device, 1),
            (DroppedKind::Photo, 1),
            (DroppedKind::Audio, 2),
            (DroppedKind::MediaLink, 1),
        ] {
            assert_eq!(parsed.dropped.count(kind), n, "{kind:?}");
        }
    }

    #[test]
    fn another_format_version_or_shape_is_refused_plainly() {
        let err = parse(r#"{"metadata":{"version":"2.0"},"entries":[]}"#)
            .err()
            .unwrap();
        assert!(err.message.contains("version \"2.0\""), "{}", err.message);
        let err = parse(r#"{"entries":[]}"#).err().unwrap();
        assert!(err.message.contains("Journal.json is not a Day One export"));
        let err = parse(r#"{"metadata":{"version":"1.0"},"entries":[{"uuid":"A","text":"x"}]}"#)
            .err()
            .unwrap();
        assert!(err
            .message
            .contains("entry 1 has no readable creation date"));
    }

    #[test]
    fn rich_text_is_read_when_there_is_no_markdown() {
        let rich = r#"{\"contents\":[{\"attributes\":{\"line\":{\"header\":1}},\"text\":\"All packed\\n\"},{\"embeddedObjects\":[{\"type\":\"photo\"}]},{\"text\":\"Here we \"},{\"text\":\"come\",\"attributes\":{\"bold\":true}}]}"#;
        let parsed = parse(&format!(
            r#"{{"metadata":{{"version":"1.0"}},"entries":[{{"uuid":"B","creationDate":"2021-03-03T11:48:50Z","richText":"{rich}"}}]}}"#
        ))
        .unwrap();
        let e = &parsed.entries[0];
        assert_eq!(e.title.as_deref(), Some("All packed"));
        assert_eq!(e.body, "Here we **come**");
        assert_eq!(e.date, NaiveDate::from_ymd_opt(2021, 3, 3).unwrap());
    }
}
