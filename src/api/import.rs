//! Bringing a journal over from another app (Day One, jrnl, Mini Diary, Mini Diarium,
//! Markdown notes): first a preview of what would come over and what would not, then the
//! import itself, all of it in one transaction or nothing.
//!
//! The same file imported twice adds nothing the second time: an entry is already in
//! the journal when a reflection imported earlier came from the same app under the same
//! source id (kept encrypted inside each imported reflection), or when a reflection has
//! the same encounter date, title and text. docs/import.md says what each format brings.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::{DateTime, Local, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use super::deid::DeidCount;
use crate::deid::{count_by_kind, Finding};
use crate::import::{self, DroppedKind, ImportedEntry, Limits, Written};
use crate::journal::{
    Entry, EntryId, EntryKind, ImportSource, Imported, Incoming, Journal, NewEntry,
};
use crate::{Error, Result};

/// How to import: the format (found from the contents when not given), and two choices
/// the person makes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct ImportOptions {
    pub format: Option<ImportSource>,
    /// Every reflection comes in as a private reflection, not an encounter.
    pub as_private: bool,
    /// Entries starred or pinned in the other app are flagged "bring to supervision".
    pub flag_starred: bool,
}

/// The app's first step: which kind of thing the native dialog should ask for (a file
/// or a folder) and, if the person said, which app made it. The path itself never comes
/// from the page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct ImportChoice {
    pub folder: bool,
    pub format: Option<ImportSource>,
}

/// The app's second step: import what was chosen and previewed, with the person's
/// choices.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct ImportJournalRequest {
    pub as_private: bool,
    pub flag_starred: bool,
}

/// How often a tag comes in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct TagCount {
    pub tag: String,
    pub count: usize,
}

/// Something the import leaves behind, said plainly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct DroppedItem {
    pub kind: DroppedKind,
    pub count: usize,
    pub text: String,
}

/// A reflection with passages that look identifying, named by date and title only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct FlaggedReflection {
    pub date: NaiveDate,
    pub title: Option<String>,
    pub findings: usize,
}

/// What the de-identification check finds across everything that would come in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ImportDeid {
    pub total: usize,
    /// Per kind, in a fixed order.
    pub counts: Vec<DeidCount>,
    /// The reflections with the most findings (at most five), most first.
    pub most: Vec<FlaggedReflection>,
}

/// What an import would bring, before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ImportPreview {
    pub format: ImportSource,
    /// The app's name, for people.
    pub format_label: String,
    /// Reflections the import would add.
    pub entries: usize,
    /// Entries already in the journal (imported before, or the same date, title and
    /// text), which are left out.
    pub already_in_journal: usize,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    /// Entries dated after today (kept as they are).
    pub future_dated: usize,
    /// Entries starred or pinned in the other app.
    pub starred: usize,
    /// Every tag that comes in, most used first.
    pub tags: Vec<TagCount>,
    /// What is left behind, each said plainly.
    pub dropped: Vec<DroppedItem>,
    /// Other things to know (a time zone Attune did not know, undated notes).
    pub notes: Vec<String>,
    pub deid: ImportDeid,
}

/// An import done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ImportDone {
    /// Reflections added.
    pub imported: usize,
    pub preview: ImportPreview,
}

/// What an import would add, with its preview.
struct Plan {
    incoming: Vec<Incoming>,
    preview: ImportPreview,
}

/// What names a reflection's content for the duplicate rule.
fn content_key(date: NaiveDate, title: Option<&str>, body: &str) -> [u8; 32] {
    let mut data = zeroize::Zeroizing::new(Vec::new());
    for part in [date.to_string().as_str(), title.unwrap_or(""), body] {
        data.extend_from_slice(&(part.len() as u64).to_be_bytes());
        data.extend_from_slice(part.as_bytes());
    }
    crate::crypto::sha256(&data)
}

/// The instant a local wall-clock time names here (the earlier one when clocks go back).
fn local_instant(time: chrono::NaiveDateTime) -> DateTime<Utc> {
    Local
        .from_local_datetime(&time)
        .earliest()
        .map_or_else(|| time.and_utc(), |t| t.with_timezone(&Utc))
}

fn incoming(
    item: &ImportedEntry,
    source: ImportSource,
    options: &ImportOptions,
    now: DateTime<Utc>,
) -> Incoming {
    let noon = NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default();
    let created_at = match item.written {
        Some(Written::At(t)) => t,
        Some(Written::Local(t)) => local_instant(t),
        None => local_instant(item.date.and_time(noon)),
    };
    let kind = if options.as_private {
        EntryKind::Private
    } else {
        item.attune.kind.unwrap_or(EntryKind::Encounter)
    };
    Incoming {
        entry: NewEntry {
            encounter_date: Some(item.date),
            kind: Some(kind),
            setting: item.attune.setting,
            family_code: item.attune.family_code.clone(),
            title: item.title.clone(),
            prompt_pack: item.attune.prompt_pack.clone(),
            answers: item.attune.answers.clone(),
            body: item.body.clone(),
            tags: item.tags.clone(),
            carrying: item.attune.carrying,
            bring_to_supervision: options.flag_starred && item.starred,
            not_names: Vec::new(),
        },
        created_at,
        updated_at: item.changed.unwrap_or(created_at),
        imported: Imported {
            source,
            source_id: item.source_id.clone(),
            imported_at: now,
        },
    }
}

fn plan(
    journal: &Journal,
    path: &Path,
    options: &ImportOptions,
    limits: &Limits,
    now: DateTime<Utc>,
) -> Result<Plan> {
    let parsed = import::read(path, options.format, limits)?;
    let source = parsed
        .format
        .ok_or_else(|| Error::internal("The import's format was not settled."))?;
    let entries = journal.entries()?;
    let known_ids: HashSet<(ImportSource, &str)> = entries
        .iter()
        .filter_map(|e| e.imported.as_ref())
        .map(|i| (i.source, i.source_id.as_str()))
        .collect();
    let known_content: HashSet<[u8; 32]> = entries
        .iter()
        .map(|e| content_key(e.encounter_date, e.title.as_deref(), &e.body))
        .collect();
    let allow = journal.settings()?.allow_list();
    let today = now.with_timezone(&Local).date_naive();

    let mut incoming_list = Vec::with_capacity(parsed.entries.len());
    let mut already = 0;
    let mut findings: Vec<Finding> = Vec::new();
    let mut flagged: Vec<FlaggedReflection> = Vec::new();
    let mut tags: HashMap<String, (String, usize)> = HashMap::new();
    let (mut first, mut last) = (None::<NaiveDate>, None::<NaiveDate>);
    let (mut future, mut starred) = (0, 0);
    for item in &parsed.entries {
        let seen = known_ids.contains(&(source, item.source_id.as_str()))
            || known_content.contains(&content_key(item.date, item.title.as_deref(), &item.body));
        if seen {
            already += 1;
            continue;
        }
        let arriving = incoming(item, source, options, now);
        // Built once here, as it will be saved, so every rule is checked before anything
        // is written and the review sees exactly what would be stored.
        let entry = Entry::import(EntryId([0; 16]), arriving.clone())
            .map_err(|e| import::entry_refused(&item.place, item.date, &e.message))?;
        let found = crate::journal::identifying_passages(&entry, &allow);
        if !found.is_empty() {
            flagged.push(FlaggedReflection {
                date: entry.encounter_date,
                title: entry.title.clone(),
                findings: found.len(),
            });
        }
        findings.extend(found);
        for tag in &entry.tags {
            tags.entry(tag.to_lowercase())
                .or_insert_with(|| (tag.clone(), 0))
                .1 += 1;
        }
        first = Some(first.map_or(item.date, |d| d.min(item.date)));
        last = Some(last.map_or(item.date, |d| d.max(item.date)));
        future += usize::from(item.date > today);
        starred += usize::from(item.starred);
        incoming_list.push(arriving);
    }
    flagged.sort_by(|a, b| b.findings.cmp(&a.findings).then(a.date.cmp(&b.date)));
    flagged.truncate(5);
    let mut tags: Vec<TagCount> = tags
        .into_values()
        .map(|(tag, count)| TagCount { tag, count })
        .collect();
    tags.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.tag.to_lowercase().cmp(&b.tag.to_lowercase()))
    });
    let preview = ImportPreview {
        format: source,
        format_label: source.label().to_string(),
        entries: incoming_list.len(),
        already_in_journal: already,
        first_date: first,
        last_date: last,
        future_dated: future,
        starred,
        tags,
        dropped: parsed
            .dropped
            .iter()
            .map(|(kind, count)| DroppedItem {
                kind,
                count,
                text: kind.describe(count),
            })
            .collect(),
        notes: parsed.notes.clone(),
        deid: ImportDeid {
            total: findings.len(),
            counts: count_by_kind(&findings)
                .into_iter()
                .map(|(kind, count)| DeidCount {
                    kind,
                    count,
                    label: kind.label().to_string(),
                    why: kind.why().to_string(),
                })
                .collect(),
            most: flagged,
        },
    };
    Ok(Plan {
        incoming: incoming_list,
        preview,
    })
}

/// What importing `path` would bring, with nothing written.
pub fn preview(journal: &Journal, path: &Path, options: &ImportOptions) -> Result<ImportPreview> {
    preview_within(journal, path, options, &Limits::DEFAULT)
}

/// [`preview`] under other caps (tests use small ones).
pub fn preview_within(
    journal: &Journal,
    path: &Path,
    options: &ImportOptions,
    limits: &Limits,
) -> Result<ImportPreview> {
    plan(journal, path, options, limits, Utc::now()).map(|p| p.preview)
}

/// Import `path`: every new reflection in one transaction, or nothing at all. Imported
/// reflections are searchable at once.
pub fn import(journal: &mut Journal, path: &Path, options: &ImportOptions) -> Result<ImportDone> {
    import_within(journal, path, options, &Limits::DEFAULT)
}

/// [`import`] under other caps (tests use small ones).
pub fn import_within(
    journal: &mut Journal,
    path: &Path,
    options: &ImportOptions,
    limits: &Limits,
) -> Result<ImportDone> {
    let Plan { incoming, preview } = plan(journal, path, options, limits, Utc::now())?;
    let imported = journal.add_all(incoming)?;
    Ok(ImportDone { imported, preview })
}
