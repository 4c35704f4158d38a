//! Journal entries: what a reflection holds, and the rules its fields follow.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

pub use crate::ids::EntryId;
use crate::{Error, Result};

/// Longest title, family code, tag, and free text, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_FAMILY_CODE_CHARS: usize = 16;
pub const MAX_TAG_CHARS: usize = 40;
pub const MAX_TAGS: usize = 30;
pub const MAX_BODY_CHARS: usize = 200_000;
pub const MAX_ANSWERS: usize = 60;
/// Words marked "not a name here" in one reflection.
pub const MAX_NOT_NAMES: usize = 50;
/// Longest id an imported reflection keeps of its source (a uuid, a number, a digest).
pub const MAX_SOURCE_ID_CHARS: usize = 128;
/// Longest prompt text kept with an answer, and longest plan step, in characters.
pub const MAX_PROMPT_TEXT_CHARS: usize = 1_000;
pub const MAX_PLAN_STEP_CHARS: usize = 1_000;

/// What kind of reflection an entry is. Supervision sessions are their own records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// Written after an encounter with a baby and family.
    Encounter,
    /// A private reflection, not tied to one encounter.
    Private,
}

impl EntryKind {
    pub fn parse(text: &str) -> Result<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "encounter" => Ok(Self::Encounter),
            "private" => Ok(Self::Private),
            _ => Err(Error::invalid(
                "The kind is either \"encounter\" or \"private\".",
            )),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Encounter => "encounter",
            Self::Private => "private",
        }
    }
}

/// Where the encounter happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Setting {
    HomeVisit,
    Clinic,
    Hospital,
    EarlyCare,
    Community,
    Telehealth,
    Office,
    Other,
}

impl Setting {
    pub const ALL: [Setting; 8] = [
        Self::HomeVisit,
        Self::Clinic,
        Self::Hospital,
        Self::EarlyCare,
        Self::Community,
        Self::Telehealth,
        Self::Office,
        Self::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::HomeVisit => "home_visit",
            Self::Clinic => "clinic",
            Self::Hospital => "hospital",
            Self::EarlyCare => "early_care",
            Self::Community => "community",
            Self::Telehealth => "telehealth",
            Self::Office => "office",
            Self::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Result<Self> {
        let wanted = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Self::ALL
            .into_iter()
            .find(|s| s.label() == wanted)
            .ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|s| s.label()).collect();
                Error::invalid(format!("The setting is one of: {}.", names.join(", ")))
            })
    }
}

/// The guided-prompt pack an entry was written with (see [`crate::prompts`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct PackRef {
    pub id: String,
    pub version: u32,
}

/// One answer to one prompt. Stored generically so old entries render after a pack
/// changes version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct PromptAnswer {
    /// The prompt's id within its pack, or `lens:<lens-id>` for an IMH lens.
    pub prompt_id: String,
    /// The prompt text as it was asked, kept inside the encrypted entry so the entry
    /// still reads well after its pack is edited or deleted. Older entries lack it.
    #[serde(default)]
    pub prompt: String,
    pub value: AnswerValue,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum AnswerValue {
    Text(String),
    Scale(u8),
    Choice(String),
    /// A small next step and the day it is meant for (the burnout pack's closing).
    Plan {
        step: String,
        by: NaiveDate,
    },
}

impl AnswerValue {
    /// The answer as one line of plain text, for the CLI and exports.
    pub fn to_display(&self) -> String {
        match self {
            Self::Text(t) | Self::Choice(t) => t.clone(),
            Self::Scale(v) => format!("{v}/10"),
            Self::Plan { step, by } => format!("{step} (by {by})"),
        }
    }

    /// The words of the answer a search should look through.
    pub(crate) fn searchable(&self) -> Option<&str> {
        match self {
            Self::Text(t) | Self::Choice(t) | Self::Plan { step: t, .. } => Some(t.as_str()),
            Self::Scale(_) => None,
        }
    }

    /// Has something actually been written or chosen?
    pub fn is_answered(&self) -> bool {
        match self {
            Self::Text(t) | Self::Choice(t) | Self::Plan { step: t, .. } => !t.trim().is_empty(),
            Self::Scale(_) => true,
        }
    }
}

impl Zeroize for AnswerValue {
    fn zeroize(&mut self) {
        match self {
            Self::Text(t) | Self::Choice(t) | Self::Plan { step: t, .. } => t.zeroize(),
            Self::Scale(v) => v.zeroize(),
        }
    }
}

impl Zeroize for PromptAnswer {
    fn zeroize(&mut self) {
        self.prompt_id.zeroize();
        self.prompt.zeroize();
        self.value.zeroize();
    }
}

/// The journal app an imported reflection came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum ImportSource {
    /// Day One's JSON export (a ZIP, or its unpacked folder or JSON file).
    #[serde(rename = "dayone")]
    #[cfg_attr(feature = "cli", value(name = "dayone"))]
    DayOne,
    /// jrnl: its JSON export, its plain text journal, or a folder journal.
    #[serde(rename = "jrnl")]
    Jrnl,
    /// Mini Diary's JSON export.
    #[serde(rename = "minidiary")]
    #[cfg_attr(feature = "cli", value(name = "minidiary"))]
    MiniDiary,
    /// Mini Diarium's JSON export.
    #[serde(rename = "minidiarium")]
    #[cfg_attr(feature = "cli", value(name = "minidiarium"))]
    MiniDiarium,
    /// A folder of Markdown files (Obsidian daily notes and the like, Attune's own
    /// Markdown folder export), or one Markdown file.
    #[serde(rename = "markdown")]
    Markdown,
}

impl ImportSource {
    pub const ALL: [ImportSource; 5] = [
        Self::DayOne,
        Self::Jrnl,
        Self::MiniDiary,
        Self::MiniDiarium,
        Self::Markdown,
    ];

    /// The name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::DayOne => "dayone",
            Self::Jrnl => "jrnl",
            Self::MiniDiary => "minidiary",
            Self::MiniDiarium => "minidiarium",
            Self::Markdown => "markdown",
        }
    }

    /// The app's name, for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::DayOne => "Day One",
            Self::Jrnl => "jrnl",
            Self::MiniDiary => "Mini Diary",
            Self::MiniDiarium => "Mini Diarium",
            Self::Markdown => "Markdown files",
        }
    }
}

/// Where an imported reflection came from, kept inside its encrypted record: importing
/// the same file again adds nothing the second time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Imported {
    pub source: ImportSource,
    /// The source's own id for the entry (Day One's uuid, Mini Diarium's id, Mini
    /// Diary's day), or, where it has none, a fingerprint of its date, title and text.
    pub source_id: String,
    pub imported_at: DateTime<Utc>,
}

impl Zeroize for Imported {
    fn zeroize(&mut self) {
        self.source_id.zeroize();
    }
}

/// A journal entry as the person sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Entry {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub id: EntryId,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub encounter_date: NaiveDate,
    pub kind: EntryKind,
    pub setting: Option<Setting>,
    pub family_code: Option<String>,
    pub title: Option<String>,
    pub prompt_pack: Option<PackRef>,
    pub answers: Vec<PromptAnswer>,
    pub body: String,
    pub tags: Vec<String>,
    /// "How heavy does this feel?", 0 to 10 (stored as `carrying`).
    pub carrying: Option<u8>,
    pub bring_to_supervision: bool,
    /// Words the person marked "not a name here": the editor stops pointing at them in
    /// this reflection only. Share and export reviews still show them, and other
    /// reflections are not affected (the journal-wide allow-list is separate).
    #[serde(default)]
    pub not_names: Vec<String>,
    /// Bumped on every edit; bound into the record's associated data.
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub revision: u64,
    /// Set while the entry is in the trash.
    pub deleted_at: Option<DateTime<Utc>>,
    /// Set on a reflection brought in from another journal app.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub imported: Option<Imported>,
}

impl Zeroize for Entry {
    fn zeroize(&mut self) {
        self.title.zeroize();
        self.family_code.zeroize();
        self.body.zeroize();
        self.tags.zeroize();
        self.not_names.zeroize();
        for answer in &mut self.answers {
            answer.zeroize();
        }
        self.answers.clear();
        if let Some(imported) = &mut self.imported {
            imported.zeroize();
        }
    }
}

/// A reflection arriving from another journal app: what was written, when it was
/// written and last changed there, and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    pub entry: NewEntry,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub imported: Imported,
}

/// The fields a person writes, for a new entry. Missing fields take defaults (today,
/// an encounter reflection, nothing else).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct NewEntry {
    pub encounter_date: Option<NaiveDate>,
    pub kind: Option<EntryKind>,
    pub setting: Option<Setting>,
    pub family_code: Option<String>,
    pub title: Option<String>,
    pub prompt_pack: Option<PackRef>,
    pub answers: Vec<PromptAnswer>,
    pub body: String,
    pub tags: Vec<String>,
    pub carrying: Option<u8>,
    pub bring_to_supervision: bool,
    pub not_names: Vec<String>,
}

/// A change to an existing entry: only the fields that are `Some` change. For
/// optional fields, `Some(None)` clears them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct EntryChange {
    pub encounter_date: Option<NaiveDate>,
    pub kind: Option<EntryKind>,
    #[serde(deserialize_with = "present_or_null")]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub setting: Option<Option<Setting>>,
    #[serde(deserialize_with = "present_or_null")]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub family_code: Option<Option<String>>,
    #[serde(deserialize_with = "present_or_null")]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub title: Option<Option<String>>,
    #[serde(deserialize_with = "present_or_null")]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub prompt_pack: Option<Option<PackRef>>,
    pub answers: Option<Vec<PromptAnswer>>,
    pub body: Option<String>,
    pub tags: Option<Vec<String>>,
    #[serde(deserialize_with = "present_or_null")]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub carrying: Option<Option<u8>>,
    pub bring_to_supervision: Option<bool>,
    pub not_names: Option<Vec<String>>,
}

/// For `Option<Option<T>>` fields: absent means "no change" (the default), `null`
/// means "clear", a value means "set". Plain serde would read `null` as absent.
fn present_or_null<'de, T, D>(d: D) -> std::result::Result<Option<Option<T>>, D::Error>
where
    T: Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// Trimmed, without repeats (case-insensitive), each a short single word or phrase.
fn not_names(words: Vec<String>) -> Result<Vec<String>> {
    let mut kept: Vec<String> = Vec::new();
    for word in words {
        let word = word.trim().to_string();
        if word.is_empty() {
            continue;
        }
        if word.chars().count() > MAX_TAG_CHARS || word.chars().any(char::is_control) {
            return Err(Error::invalid(format!(
                "A word marked \"not a name\" can be at most {MAX_TAG_CHARS} characters, on one line."
            )));
        }
        if !kept.iter().any(|k| k.to_lowercase() == word.to_lowercase()) {
            kept.push(word);
        }
    }
    if kept.len() > MAX_NOT_NAMES {
        return Err(Error::invalid(format!(
            "One reflection can mark at most {MAX_NOT_NAMES} words as \"not a name\"."
        )));
    }
    Ok(kept)
}

impl Entry {
    /// Build a fresh entry from what was written, validating every field.
    pub fn create(id: EntryId, input: NewEntry, now: DateTime<Utc>) -> Result<Self> {
        let mut entry = Self {
            id,
            created_at: now,
            updated_at: now,
            encounter_date: input.encounter_date.unwrap_or_else(|| now.date_naive()),
            kind: input.kind.unwrap_or(EntryKind::Encounter),
            setting: input.setting,
            family_code: input.family_code,
            title: input.title,
            prompt_pack: input.prompt_pack,
            answers: input.answers,
            body: input.body,
            tags: input.tags,
            carrying: input.carrying,
            bring_to_supervision: input.bring_to_supervision,
            not_names: input.not_names,
            revision: 1,
            deleted_at: None,
            imported: None,
        };
        entry.normalise_and_validate()?;
        Ok(entry)
    }

    /// Build an entry brought in from another app, keeping the times it was written and
    /// last changed there (never later than each other) and where it came from.
    pub fn import(id: EntryId, incoming: Incoming) -> Result<Self> {
        let Incoming {
            entry,
            created_at,
            updated_at,
            imported,
        } = incoming;
        let mut made = Self::create(id, entry, created_at)?;
        made.updated_at = updated_at.max(created_at);
        let id_ok = !imported.source_id.is_empty()
            && imported.source_id.chars().count() <= MAX_SOURCE_ID_CHARS
            && !imported.source_id.chars().any(char::is_control);
        if !id_ok {
            return Err(Error::invalid(format!(
                "An imported entry's source id is 1 to {MAX_SOURCE_ID_CHARS} characters on one line."
            )));
        }
        made.imported = Some(imported);
        Ok(made)
    }

    /// Apply a change, validating the result. Revision and timestamps are the caller's.
    pub fn apply(&mut self, change: EntryChange) -> Result<()> {
        let mut next = self.clone();
        // Each field the change names replaces the entry's; the rest stay.
        macro_rules! take {
            ($($field:ident),*) => {
                $(if let Some(v) = change.$field {
                    next.$field = v;
                })*
            };
        }
        take!(
            encounter_date,
            kind,
            setting,
            family_code,
            title,
            prompt_pack,
            answers,
            body,
            tags,
            carrying,
            bring_to_supervision,
            not_names
        );
        next.normalise_and_validate()?;
        *self = next;
        Ok(())
    }

    /// Trim, drop empties, de-duplicate tags, and check every limit. Messages name the
    /// field, never its content.
    fn normalise_and_validate(&mut self) -> Result<()> {
        self.title = self
            .title
            .take()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty());
        if let Some(t) = &self.title {
            if t.chars().count() > MAX_TITLE_CHARS {
                return Err(Error::invalid(format!(
                    "A title can be at most {MAX_TITLE_CHARS} characters."
                )));
            }
        }
        self.family_code = self
            .family_code
            .take()
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty());
        if let Some(code) = &self.family_code {
            validate_family_code(code)?;
        }
        if self.body.chars().count() > MAX_BODY_CHARS {
            return Err(Error::invalid(format!(
                "The text can be at most {MAX_BODY_CHARS} characters; split it into two reflections."
            )));
        }
        let mut tags: Vec<String> = Vec::new();
        for tag in std::mem::take(&mut self.tags) {
            let tag = tag.trim().trim_start_matches('#').trim().to_string();
            if tag.is_empty() {
                continue;
            }
            if tag.chars().count() > MAX_TAG_CHARS {
                return Err(Error::invalid(format!(
                    "A tag can be at most {MAX_TAG_CHARS} characters."
                )));
            }
            if tag.contains(',') || tag.chars().any(char::is_control) {
                return Err(Error::invalid(
                    "A tag cannot contain commas or line breaks.",
                ));
            }
            if !tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
                tags.push(tag);
            }
        }
        if tags.len() > MAX_TAGS {
            return Err(Error::invalid(format!(
                "A reflection can have at most {MAX_TAGS} tags."
            )));
        }
        self.tags = tags;
        self.not_names = not_names(std::mem::take(&mut self.not_names))?;
        if let Some(c) = self.carrying {
            if c > 10 {
                return Err(Error::invalid(
                    "The \"how heavy does this feel\" rating goes from 0 to 10.",
                ));
            }
        }
        if self.answers.len() > MAX_ANSWERS {
            return Err(Error::invalid(format!(
                "A reflection can hold at most {MAX_ANSWERS} answers to questions."
            )));
        }
        for answer in &self.answers {
            let id_ok = !answer.prompt_id.is_empty()
                && answer.prompt_id.len() <= 64
                && answer
                    .prompt_id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'));
            if !id_ok {
                return Err(Error::invalid(
                    "A prompt id is 1 to 64 letters, digits, '-', '_', '.' or ':'.",
                ));
            }
            if answer.prompt.chars().count() > MAX_PROMPT_TEXT_CHARS {
                return Err(Error::invalid(format!(
                    "A prompt's text can be at most {MAX_PROMPT_TEXT_CHARS} characters."
                )));
            }
            match &answer.value {
                AnswerValue::Scale(v) if *v > 10 => {
                    return Err(Error::invalid("A scale answer goes from 0 to 10."));
                }
                AnswerValue::Text(t) | AnswerValue::Choice(t)
                    if t.chars().count() > MAX_BODY_CHARS =>
                {
                    return Err(Error::invalid("A prompt answer is too long."));
                }
                AnswerValue::Plan { step, .. } if step.trim().is_empty() => {
                    return Err(Error::invalid(
                        "A plan needs a small step; write one, or leave the plan out.",
                    ));
                }
                AnswerValue::Plan { step, .. } if step.chars().count() > MAX_PLAN_STEP_CHARS => {
                    return Err(Error::invalid(format!(
                        "A plan's step can be at most {MAX_PLAN_STEP_CHARS} characters."
                    )));
                }
                _ => {}
            }
        }
        if let Some(pack) = &self.prompt_pack {
            if pack.id.is_empty() || pack.id.len() > 64 {
                return Err(Error::invalid("A prompt pack id is 1 to 64 characters."));
            }
        }
        Ok(())
    }

    /// The words a search looks through, in one string, fields separated by newlines.
    pub(crate) fn searchable_parts(&self) -> impl Iterator<Item = &str> {
        self.title
            .as_deref()
            .into_iter()
            .chain(self.family_code.as_deref())
            .chain(self.tags.iter().map(String::as_str))
            .chain(std::iter::once(self.body.as_str()))
            .chain(self.answers.iter().filter_map(|a| a.value.searchable()))
    }
}

/// A family code is a short label the practitioner chooses: letters, digits, '-' or '_'.
/// It is never meant to be a name, and the shape rule keeps full names out.
pub fn validate_family_code(code: &str) -> Result<()> {
    let ok = code.chars().count() <= MAX_FAMILY_CODE_CHARS
        && code
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "A family code is a short code you choose (up to {MAX_FAMILY_CODE_CHARS} letters, digits, '-' or '_'), never a name."
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-03-04T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn defaults_fill_in_and_tags_are_tidied() {
        let e = Entry::create(
            EntryId([1; 16]),
            NewEntry {
                tags: vec![
                    " #Sleep ".into(),
                    "sleep".into(),
                    "".into(),
                    "feeding".into(),
                ],
                title: Some("  ".into()),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
        assert_eq!(e.tags, vec!["Sleep".to_string(), "feeding".to_string()]);
        assert_eq!(e.title, None);
        assert_eq!(e.kind, EntryKind::Encounter);
        assert_eq!(e.encounter_date, now().date_naive());
        assert_eq!(e.revision, 1);
    }

    #[test]
    fn limits_are_enforced_with_messages_free_of_content() {
        let bad = [
            NewEntry {
                carrying: Some(11),
                ..Default::default()
            },
            NewEntry {
                family_code: Some("Jane Smith".into()),
                ..Default::default()
            },
            NewEntry {
                tags: vec!["a,b".into()],
                ..Default::default()
            },
            NewEntry {
                title: Some("x".repeat(201)),
                ..Default::default()
            },
        ];
        for input in bad {
            let err = Entry::create(EntryId([1; 16]), input, now()).unwrap_err();
            assert_eq!(err.code, crate::ErrorCode::InvalidInput);
            assert!(!err.message.contains("Jane"));
        }
    }

    #[test]
    fn change_clears_and_sets_only_what_it_names() {
        let mut e = Entry::create(
            EntryId([1; 16]),
            NewEntry {
                title: Some("T".into()),
                body: "b".into(),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
        e.apply(EntryChange {
            title: Some(None),
            carrying: Some(Some(4)),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(e.title, None);
        assert_eq!(e.body, "b");
        assert_eq!(e.carrying, Some(4));
        let before = e.clone();
        assert!(e
            .apply(EntryChange {
                carrying: Some(Some(12)),
                ..Default::default()
            })
            .is_err());
        assert_eq!(e, before, "a refused change leaves the entry as it was");
    }

    #[test]
    fn json_change_tells_absent_from_null() {
        let change: EntryChange =
            serde_json::from_str(r#"{"title": null, "carrying": 3}"#).unwrap();
        assert_eq!(change.title, Some(None), "null clears");
        assert_eq!(change.carrying, Some(Some(3)));
        assert_eq!(change.family_code, None, "absent leaves alone");
    }

    #[test]
    fn ids_round_trip_through_hex() {
        let id = EntryId([0xab; 16]);
        assert_eq!(EntryId::from_hex(&id.to_hex()), Some(id));
        assert_eq!(EntryId::from_hex("xyz"), None);
    }
}
