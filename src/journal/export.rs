//! Plaintext exports (JSON and Markdown), written only where the person asks.

use zeroize::Zeroizing;

use super::{AnswerValue, Entry};
use crate::deid::{scan, scan_field, AllowList, Finding};
use crate::{Error, Result};

/// The running texts of an entry that leave with it: title, body and written answers.
fn running_texts(e: &Entry) -> impl Iterator<Item = &str> {
    let answers = e.answers.iter().filter_map(|a| match &a.value {
        AnswerValue::Text(t) | AnswerValue::Choice(t) => Some(t.as_str()),
        AnswerValue::Plan { step, .. } => Some(step.as_str()),
        AnswerValue::Scale(_) => None,
    });
    e.title
        .iter()
        .map(String::as_str)
        .chain(std::iter::once(e.body.as_str()))
        .chain(answers)
}

/// The short fields that leave with an entry: the family code and the tags, where people
/// type initials or a first name.
fn short_fields(e: &Entry) -> impl Iterator<Item = &str> {
    e.family_code.iter().chain(&e.tags).map(String::as_str)
}

/// What looks identifying in one entry's title, body, written answers, family code and
/// tags (the last two read as short fields, where initials or a first name alone are
/// flagged too). Offsets are within each text, so only the kind and the passage are
/// meant for showing. The entry's own "not a name here" words are not honoured here: a
/// review before anything leaves shows them again.
pub fn identifying_passages(e: &Entry, allow: &AllowList) -> Vec<Finding> {
    running_texts(e)
        .flat_map(|t| scan(t, allow))
        .chain(short_fields(e).flat_map(|t| scan_field(t, allow)))
        .collect()
}

/// Words the journal-wide allow-list keeps from being flagged in these entries, so a
/// review can show what it is not pointing at (a child's name allowed by mistake would
/// otherwise pass every review unseen). Sorted, each once.
pub fn silenced_words<'a>(
    entries: impl Iterator<Item = &'a Entry>,
    allow: &AllowList,
) -> Vec<String> {
    let nothing_allowed = AllowList::new(Vec::<String>::new());
    let mut words: Vec<String> = entries
        .flat_map(|e| identifying_passages(e, &nothing_allowed))
        .filter(|f| allow.contains(&f.text))
        .map(|f| f.text)
        .collect();
    words.sort_by_key(|w| w.to_lowercase());
    words.dedup_by(|a, b| a.to_lowercase() == b.to_lowercase());
    words
}

/// How many passages across `entries` look identifying. The CLI prints the number
/// before anything is shared; never the passages themselves.
pub fn count_identifying<'a>(entries: impl Iterator<Item = &'a Entry>, allow: &AllowList) -> usize {
    entries.map(|e| identifying_passages(e, allow).len()).sum()
}

/// All entries as a JSON array, oldest encounter first.
pub fn to_json<'a>(entries: impl Iterator<Item = &'a Entry>) -> Result<Zeroizing<String>> {
    let mut list: Vec<&Entry> = entries.collect();
    list.sort_by_key(|e| (e.encounter_date, e.created_at));
    serde_json::to_string_pretty(&list)
        .map(Zeroizing::new)
        .map_err(|_| Error::internal("Could not encode the export."))
}

/// All entries as one Markdown document, oldest encounter first.
pub fn to_markdown<'a>(entries: impl Iterator<Item = &'a Entry>) -> Zeroizing<String> {
    let mut list: Vec<&Entry> = entries.collect();
    list.sort_by_key(|e| (e.encounter_date, e.created_at));
    let mut out = Zeroizing::new(String::from("# Attune journal export\n"));
    for e in list {
        out.push_str(&format!(
            "\n## {} · {}\n\n",
            e.encounter_date,
            e.title.as_deref().unwrap_or("Untitled reflection")
        ));
        let mut facts = vec![format!("- Kind: {}", e.kind.label())];
        if let Some(s) = e.setting {
            facts.push(format!("- Setting: {}", s.label().replace('_', " ")));
        }
        if let Some(f) = &e.family_code {
            facts.push(format!("- Family code: {f}"));
        }
        if !e.tags.is_empty() {
            facts.push(format!("- Tags: {}", e.tags.join(", ")));
        }
        if let Some(c) = e.carrying {
            facts.push(format!("- How heavy this feels: {c}/10"));
        }
        if e.bring_to_supervision {
            facts.push("- Bring to supervision".to_string());
        }
        if e.deleted_at.is_some() {
            facts.push("- In the trash".to_string());
        }
        out.push_str(&facts.join("\n"));
        out.push_str("\n\n");
        if !e.body.is_empty() {
            out.push_str(&e.body);
            out.push_str("\n\n");
        }
        for a in &e.answers {
            let value = Zeroizing::new(a.value.to_display());
            // The prompt as it was asked; older entries only know the prompt's id.
            let asked = if a.prompt.is_empty() {
                &a.prompt_id
            } else {
                &a.prompt
            };
            out.push_str(&format!("**{asked}**: {}\n\n", *value));
        }
    }
    out
}

/// A file name for a note: its day and title, without characters that file systems or
/// Obsidian's links refuse, and never longer than 80 characters of title.
fn note_base_name(e: &Entry) -> String {
    let title = e.title.as_deref().unwrap_or("");
    let kept: String = title
        .chars()
        .map(|c| {
            if c.is_control() || crate::text::is_format_char(c) || "/\\:*?\"<>|#^[]".contains(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let words = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    let short: String = words.chars().take(80).collect();
    let short = short.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if short.is_empty() {
        e.encounter_date.to_string()
    } else {
        format!("{} {short}", e.encounter_date)
    }
}

/// One note of the Markdown folder export: YAML front matter (Obsidian properties),
/// the text, then each answer as a headed section marked for a later import.
fn note(e: &Entry) -> Zeroizing<String> {
    use crate::import::markdown::{quote, ANSWER_MARKER, FORMAT_KEY, FORMAT_VERSION};
    let mut out = Zeroizing::new(String::from("---\n"));
    out.push_str(&format!("{FORMAT_KEY}: {FORMAT_VERSION}\n"));
    out.push_str(&format!("date: {}\n", e.encounter_date));
    if let Some(t) = &e.title {
        out.push_str(&format!("title: {}\n", quote(t)));
    }
    out.push_str(&format!("kind: {}\n", e.kind.label()));
    if let Some(s) = e.setting {
        out.push_str(&format!("setting: {}\n", s.label()));
    }
    if let Some(f) = &e.family_code {
        out.push_str(&format!("family_code: {}\n", quote(f)));
    }
    if !e.tags.is_empty() {
        out.push_str("tags:\n");
        for t in &e.tags {
            out.push_str(&format!("  - {}\n", quote(t)));
        }
    }
    if let Some(p) = &e.prompt_pack {
        out.push_str(&format!(
            "pack: {}\npack_version: {}\n",
            quote(&p.id),
            p.version
        ));
    }
    if let Some(c) = e.carrying {
        out.push_str(&format!("carrying: {c}\n"));
    }
    if e.bring_to_supervision {
        out.push_str("bring_to_supervision: true\n");
    }
    out.push_str(&format!(
        "created: {}\n---\n\n",
        e.created_at
            .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
    ));
    if !e.body.is_empty() {
        out.push_str(&e.body);
        out.push('\n');
    }
    for a in &e.answers {
        let (kind, value, by) = match &a.value {
            AnswerValue::Text(t) => ("text", t.clone(), String::new()),
            AnswerValue::Choice(t) => ("choice", t.clone(), String::new()),
            AnswerValue::Scale(v) => ("scale", format!("{v}/10"), String::new()),
            AnswerValue::Plan { step, by } => ("plan", step.clone(), format!(" by=\"{by}\"")),
        };
        let value = Zeroizing::new(value);
        let asked = if a.prompt.is_empty() {
            a.prompt_id.clone()
        } else {
            a.prompt.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        out.push_str(&format!(
            "\n{ANSWER_MARKER} id=\"{}\" type=\"{kind}\"{by} -->\n## {asked}\n\n{}\n",
            a.prompt_id, *value
        ));
    }
    out
}

/// The entries as Markdown notes, one per reflection, oldest encounter first: each
/// named `YYYY-MM-DD title.md`, never two with the same name (ignoring case, as some
/// file systems do).
pub fn to_markdown_notes<'a>(
    entries: impl Iterator<Item = &'a Entry>,
) -> Vec<(String, Zeroizing<String>)> {
    let mut list: Vec<&Entry> = entries.collect();
    list.sort_by_key(|e| (e.encounter_date, e.created_at, e.id));
    let mut taken = std::collections::HashSet::new();
    list.into_iter()
        .map(|e| {
            let base = note_base_name(e);
            let mut name = format!("{base}.md");
            let mut n = 2;
            while !taken.insert(name.to_lowercase()) {
                name = format!("{base} {n}.md");
                n += 1;
            }
            (name, note(e))
        })
        .collect()
}

/// The entries as jrnl's JSON export, oldest first: title, text (with the answers after
/// it), date, local time, tags (with jrnl's `@`, spaces made `-`) and the flag as
/// "starred".
pub fn to_jrnl_json<'a>(entries: impl Iterator<Item = &'a Entry>) -> Result<Zeroizing<String>> {
    use serde_json::{json, Map, Value};
    let mut list: Vec<&Entry> = entries.collect();
    list.sort_by_key(|e| (e.encounter_date, e.created_at, e.id));
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    let mut out = Vec::with_capacity(list.len());
    for e in list {
        let tags: Vec<String> = e
            .tags
            .iter()
            .map(|t| format!("@{}", t.split_whitespace().collect::<Vec<_>>().join("-")))
            .collect();
        for t in &tags {
            *counts.entry(t.clone()).or_default() += 1;
        }
        let mut body = e.body.clone();
        for a in &e.answers {
            let asked = if a.prompt.is_empty() {
                &a.prompt_id
            } else {
                &a.prompt
            };
            body.push_str(&format!("\n\n**{asked}**: {}", a.value.to_display()));
        }
        let local = e.created_at.with_timezone(&chrono::Local);
        out.push(json!({
            "title": e.title.clone().unwrap_or_default(),
            "body": body.trim_start(),
            "date": e.encounter_date.to_string(),
            "time": local.format("%H:%M").to_string(),
            "tags": tags,
            "starred": e.bring_to_supervision,
        }));
    }
    let tags: Map<String, Value> = counts.into_iter().map(|(t, n)| (t, json!(n))).collect();
    serde_json::to_string_pretty(&json!({ "tags": tags, "entries": out }))
        .map(Zeroizing::new)
        .map_err(|_| Error::internal("Could not encode the export."))
}
