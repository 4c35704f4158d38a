//! A folder of Markdown notes (Obsidian daily notes and the like; nested folders too),
//! or one note. Each `.md` or `.markdown` file is one entry.
//!
//! - The date: the front matter's `date`, else a `YYYY-MM-DD` in the file name, else the
//!   day the file last changed (said in the preview).
//! - The title: the front matter's `title`, else a heading on the first line, else the
//!   file name without its date.
//! - Tags: the front matter's `tags` (a list, or words separated by commas or spaces).
//!   Inline `#tags` stay in the text.
//! - Attune's own Markdown folder export (front matter `attune: 1`) also brings back the
//!   kind, setting, family code, "carrying" rating, flag, prompt pack, and the answers,
//!   which it writes as headed sections after the text, each marked with an
//!   [`ANSWER_MARKER`] comment.
//!
//! Notes have no ids: duplicates are told by a fingerprint of the date, title and text.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use super::frontmatter::{self, FrontMatter, Value};
use super::source::{File, Input, Limits};
use super::text::{self, fingerprint};
use super::{AttuneFields, DroppedKind, ImportedEntry, Parsed, Written};
use crate::journal::{AnswerValue, EntryKind, PackRef, PromptAnswer, Setting};
use crate::{Error, Result};

pub use frontmatter::quote;

/// The front matter key and version of Attune's own Markdown export.
pub const FORMAT_KEY: &str = "attune";
pub const FORMAT_VERSION: u32 = 1;
/// Opens the comment before each answer's section in Attune's own export:
/// `<!-- attune-answer id="…" type="text|scale|choice|plan" [by="YYYY-MM-DD"] -->`.
pub const ANSWER_MARKER: &str = "<!-- attune-answer";

fn is_note(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

pub fn read(input: &Input, _limits: &Limits) -> Result<Parsed> {
    let mut parsed = Parsed::default();
    let notes: Vec<&File> = input.files().iter().filter(|f| is_note(&f.name)).collect();
    if notes.is_empty() {
        return Err(Error::invalid(
            "There are no Markdown files (.md) in what you chose. Nothing was imported.",
        ));
    }
    let mut undated = 0;
    for file in &notes {
        if let Some(entry) = parse_note(file, &mut parsed, &mut undated)? {
            parsed.entries.push(entry);
        }
    }
    let unread = input.files().len() - notes.len() + input.others();
    parsed.dropped.add(DroppedKind::OtherFile, unread);
    if undated > 0 {
        parsed.notes.push(format!(
            "{undated} note{} had no date in the front matter or the file name; the day each file last changed is used.",
            if undated == 1 { "" } else { "s" }
        ));
    }
    Ok(parsed)
}

fn refused(name: &str, why: &str) -> Error {
    Error::invalid(format!("{name}: {why} Nothing was imported."))
}

/// The first `YYYY-MM-DD` in a file name, if any.
fn date_in_name(name: &str) -> Option<(NaiveDate, usize, usize)> {
    let bytes = name.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let candidate = name.get(i..i + 10)?;
        let shaped = candidate.bytes().enumerate().all(|(j, b)| {
            if j == 4 || j == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
        let day = NaiveDate::parse_from_str(candidate, "%Y-%m-%d").ok();
        (shaped).then_some(day).flatten().map(|d| (d, i, i + 10))
    })
}

fn text_field<'a>(front: &'a FrontMatter, key: &str, name: &str) -> Result<Option<&'a str>> {
    match front.get(key) {
        None => Ok(None),
        Some(Value::Text(t)) if t.trim().is_empty() => Ok(None),
        Some(Value::Text(t)) => Ok(Some(t.trim())),
        Some(_) => Err(refused(
            name,
            &format!("its front matter's \"{key}\" is not a single value."),
        )),
    }
}

/// A front matter date or time: `YYYY-MM-DD`, or with a time (RFC 3339, or a local
/// `YYYY-MM-DD HH:MM[:SS]`).
fn when(text: &str) -> Option<(NaiveDate, Option<Written>)> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        let at = t.with_timezone(&Utc);
        return Some((t.date_naive(), Some(Written::At(at))));
    }
    for format in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(text, format) {
            return Some((t.date(), Some(Written::Local(t))));
        }
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .map(|d| (d, None))
}

fn parse_note(
    file: &File,
    parsed: &mut Parsed,
    undated: &mut usize,
) -> Result<Option<ImportedEntry>> {
    let name = file.name.as_str();
    let note = text::utf8(&file.bytes, name)?;
    let (front, rest) = frontmatter::split(&note)
        .map_err(|why| refused(name, &format!("its front matter cannot be read ({why}).")))?;
    let front = front.unwrap_or_default();
    let ours = match text_field(&front, FORMAT_KEY, name)? {
        None => false,
        Some(v) if v.parse::<u32>().ok() == Some(FORMAT_VERSION) => true,
        Some(_) => {
            return Err(refused(
                name,
                "it was written by a newer version of Attune. Update Attune, then import it.",
            ))
        }
    };
    let stem = name
        .rsplit('/')
        .next()
        .unwrap_or(name)
        .trim_end_matches(".markdown")
        .trim_end_matches(".md")
        .trim_end_matches(".MD");

    let (date, mut written) = match text_field(&front, "date", name)? {
        Some(d) => when(d).ok_or_else(|| {
            refused(
                name,
                "its front matter's \"date\" is not a date (YYYY-MM-DD).",
            )
        })?,
        None => match date_in_name(stem) {
            Some((d, _, _)) => (d, None),
            None => {
                let day = file.modified.map(|m| m.date_naive()).ok_or_else(|| {
                    refused(name, "it has no date in its front matter or its name.")
                })?;
                *undated += 1;
                (day, None)
            }
        },
    };
    if let Some(created) = text_field(&front, "created", name)? {
        written = Some(
            when(created)
                .and_then(|(_, w)| w)
                .ok_or_else(|| refused(name, "its front matter's \"created\" is not a time."))?,
        );
    }

    let (body_text, answers) = if ours {
        split_answers(rest, name)?
    } else {
        (rest.to_string(), Vec::new())
    };
    let mut body = text::tidy_blank_lines(&body_text);
    let mut title = text_field(&front, "title", name)?.map(str::to_string);
    // A title taken only from the file's name does not make an empty note worth keeping.
    let mut titled_by_name = false;
    if title.is_none() && !ours {
        let first = body.lines().next().unwrap_or("");
        if let Some(heading) = text::heading_text(first).and_then(text::fit_title) {
            title = Some(heading);
            body = body
                .split_once('\n')
                .map_or(String::new(), |(_, after)| after.trim().to_string());
        } else {
            let from_name = match date_in_name(stem) {
                Some((_, start, end)) => format!("{} {}", &stem[..start], &stem[end..]),
                None => stem.to_string(),
            };
            let from_name =
                from_name.trim_matches(|c: char| c.is_whitespace() || "-_.".contains(c));
            title = text::fit_title(from_name);
            titled_by_name = title.is_some();
        }
    }
    let title = match title {
        Some(t) if t.chars().count() > crate::journal::entry::MAX_TITLE_CHARS => {
            body = format!("{t}\n\n{body}").trim().to_string();
            None
        }
        other => other,
    };

    let mut raw_tags: Vec<String> = Vec::new();
    for key in ["tags", "tag"] {
        match front.get(key) {
            None => {}
            Some(Value::List(list)) => raw_tags.extend(list.iter().cloned()),
            Some(Value::Text(t)) => raw_tags.extend(
                t.split([',', ' '])
                    .map(str::to_string)
                    .filter(|t| !t.is_empty()),
            ),
            Some(Value::Other) => {
                return Err(refused(
                    name,
                    &format!("its front matter's \"{key}\" is not a list of tags."),
                ))
            }
        }
    }
    let tags = text::tidy_tags(raw_tags, &mut parsed.dropped);

    let mut attune = AttuneFields::default();
    let mut starred = false;
    if ours {
        attune = attune_fields(&front, name, answers)?;
        starred = text_field(&front, "bring_to_supervision", name)? == Some("true");
    }
    if (title.is_none() || titled_by_name) && body.is_empty() && attune.answers.is_empty() {
        parsed.dropped.add(DroppedKind::EmptyEntry, 1);
        return Ok(None);
    }
    let source_id = fingerprint(&[&date.to_string(), title.as_deref().unwrap_or(""), &body]);
    Ok(Some(ImportedEntry {
        source_id,
        date,
        written,
        changed: None,
        title,
        body,
        tags,
        starred,
        attune,
        place: name.to_string(),
    }))
}

fn attune_fields(
    front: &FrontMatter,
    name: &str,
    answers: Vec<PromptAnswer>,
) -> Result<AttuneFields> {
    let bad = |key: &str| {
        refused(
            name,
            &format!("its front matter's \"{key}\" is not one Attune writes."),
        )
    };
    let kind = text_field(front, "kind", name)?
        .map(|k| EntryKind::parse(k).map_err(|_| bad("kind")))
        .transpose()?;
    let setting = text_field(front, "setting", name)?
        .map(|s| Setting::parse(s).map_err(|_| bad("setting")))
        .transpose()?;
    let carrying = text_field(front, "carrying", name)?
        .map(|c| c.parse::<u8>().map_err(|_| bad("carrying")))
        .transpose()?;
    let prompt_pack = match text_field(front, "pack", name)? {
        None => None,
        Some(id) => Some(PackRef {
            id: id.to_string(),
            version: text_field(front, "pack_version", name)?
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| bad("pack_version"))?,
        }),
    };
    Ok(AttuneFields {
        kind,
        setting,
        family_code: text_field(front, "family_code", name)?.map(str::to_string),
        carrying,
        prompt_pack,
        answers,
    })
}

/// The value of `key="…"` in a marker's attributes.
fn marker_attribute<'a>(attrs: &'a str, key: &str) -> Option<&'a str> {
    let start = attrs.find(&format!("{key}=\""))? + key.len() + 2;
    let len = attrs[start..].find('"')?;
    Some(&attrs[start..start + len])
}

/// Attune's own export: the text, then each answer as a marked, headed section.
fn split_answers(text: &str, name: &str) -> Result<(String, Vec<PromptAnswer>)> {
    let mut pieces = text.split(ANSWER_MARKER);
    let body = pieces.next().unwrap_or("").to_string();
    let mut answers = Vec::new();
    for piece in pieces {
        let bad = || {
            refused(
                name,
                "one of its answers is not laid out as Attune writes them.",
            )
        };
        let (attrs, after) = piece.split_once("-->").ok_or_else(bad)?;
        let id = marker_attribute(attrs, "id").ok_or_else(bad)?;
        let kind = marker_attribute(attrs, "type").ok_or_else(bad)?;
        let after = after
            .trim_start_matches([' ', '\t'])
            .strip_prefix('\n')
            .unwrap_or(after);
        let (heading, value) = after.split_once('\n').unwrap_or((after, ""));
        let prompt = text::heading_text(heading).ok_or_else(bad)?;
        let prompt = if prompt == id { "" } else { prompt };
        let value = value.trim().to_string();
        let value = match kind {
            "text" => AnswerValue::Text(value),
            "choice" => AnswerValue::Choice(value),
            "scale" => AnswerValue::Scale(
                value
                    .trim_end_matches("/10")
                    .trim()
                    .parse()
                    .map_err(|_| bad())?,
            ),
            "plan" => AnswerValue::Plan {
                step: value,
                by: marker_attribute(attrs, "by")
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                    .ok_or_else(bad)?,
            },
            _ => return Err(bad()),
        };
        answers.push(PromptAnswer {
            prompt_id: id.to_string(),
            prompt: prompt.to_string(),
            value,
        });
    }
    Ok((body, answers))
}

#[cfg(test)]
mod tests {
    use super::*;
    use zeroize::Zeroizing;

    fn note(name: &str, text: &str) -> File {
        File {
            name: name.into(),
            bytes: Zeroizing::new(text.as_bytes().to_vec()),
            modified: DateTime::parse_from_rfc3339("2023-05-06T07:08:09Z")
                .ok()
                .map(|t| t.with_timezone(&Utc)),
        }
    }

    fn one(name: &str, text: &str) -> Result<ImportedEntry> {
        let mut parsed = Parsed::default();
        let mut undated = 0;
        parse_note(&note(name, text), &mut parsed, &mut undated).map(|e| e.unwrap())
    }

    #[test]
    fn daily_notes_take_their_day_from_the_name_or_front_matter() {
        let e = one("daily/2024-01-15.md", "Slept badly.\r\n").unwrap();
        assert_eq!(e.date, NaiveDate::from_ymd_opt(2024, 1, 15).unwrap());
        assert_eq!(e.title, None);
        assert_eq!(e.body, "Slept badly.");
        let e = one(
            "x/2024-01-15 Visit notes.md",
            "---\ndate: 2024-02-01\ntags: [sleep, \"#home visit\"]\n---\n# Heading title\n\nBody\n",
        )
        .unwrap();
        assert_eq!(e.date, NaiveDate::from_ymd_opt(2024, 2, 1).unwrap());
        assert_eq!(e.title.as_deref(), Some("Heading title"));
        assert_eq!(e.body, "Body");
        assert_eq!(e.tags, vec!["sleep".to_string(), "home visit".to_string()]);
        let e = one("Visit notes.md", "words").unwrap();
        assert_eq!(e.title.as_deref(), Some("Visit notes"));
        assert_eq!(e.date, NaiveDate::from_ymd_opt(2023, 5, 6).unwrap());
    }

    #[test]
    fn attune_notes_bring_their_answers_back() {
        let text = "---\nattune: 1\ndate: 2026-03-04\ntitle: \"A visit\"\nkind: private\nsetting: home_visit\nfamily_code: \"F-1\"\ncarrying: 6\npack: \"after-encounter\"\npack_version: 2\nbring_to_supervision: true\n---\n\nThe text.\n\n<!-- attune-answer id=\"what\" type=\"text\" -->\n## What happened?\n\nWe played.\n\n<!-- attune-answer id=\"load\" type=\"scale\" -->\n## load\n\n7/10\n\n<!-- attune-answer id=\"plan\" type=\"plan\" by=\"2026-03-27\" -->\n## A step\n\nRest.\n";
        let e = one("2026-03-04 A visit.md", text).unwrap();
        assert_eq!(e.body, "The text.");
        assert!(e.starred);
        assert_eq!(e.attune.kind, Some(EntryKind::Private));
        assert_eq!(e.attune.carrying, Some(6));
        assert_eq!(e.attune.answers.len(), 3);
        assert_eq!(e.attune.answers[0].prompt, "What happened?");
        assert_eq!(e.attune.answers[1].prompt, "");
        assert_eq!(e.attune.answers[1].value, AnswerValue::Scale(7));
        let err = one("n.md", "---\nattune: 2\n---\nx").unwrap_err();
        assert!(err.message.contains("newer version of Attune"));
        let err = one("n.md", "---\ndate: soon\n---\nx").unwrap_err();
        assert!(err.message.contains("n.md: its front matter's \"date\""));
    }
}
