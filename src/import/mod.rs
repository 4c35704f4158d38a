//! Reading another journal app's export: Day One (JSON in a ZIP), jrnl (JSON, plain
//! text, folder journals), Mini Diary and Mini Diarium (JSON), and folders of Markdown
//! files (Obsidian daily notes and the like, and Attune's own Markdown folder export).
//!
//! Pure functions over bytes and paths: nothing here opens a journal. Each format's
//! parser turns its input into a neutral list of [`ImportedEntry`] and says what it left
//! behind ([`Dropped`]); `api::import` maps them onto reflections, previews them and
//! writes them in one transaction. Every size is capped before it is read ([`Limits`]),
//! nothing outside the chosen file or folder is read (no symbolic links, no ZIP member
//! named outside the archive), and nothing is written anywhere: not even a temporary file.
//!
//! Text must be UTF-8 (a byte-order mark is dropped, Windows line ends become `\n`); any
//! other bytes are refused with the name of the file, never guessed at.

mod dayone;
mod frontmatter;
mod html;
mod jrnl;
pub mod markdown;
mod minidiary;
mod source;
mod text;

use std::path::Path;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::Serialize;
use zeroize::Zeroize;

pub use crate::journal::ImportSource as Format;
use crate::journal::{EntryKind, PackRef, PromptAnswer, Setting};
use crate::{Error, Result};

pub use source::Limits;

/// When an entry was written, as its source tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// An instant (Day One, Mini Diarium, Attune's own export).
    At(DateTime<Utc>),
    /// A wall-clock time with no zone (jrnl, a Markdown front matter without one): the
    /// importing computer's local time is assumed.
    Local(NaiveDateTime),
}

/// Fields only Attune's own Markdown folder export carries.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AttuneFields {
    pub kind: Option<EntryKind>,
    pub setting: Option<Setting>,
    pub family_code: Option<String>,
    pub carrying: Option<u8>,
    pub prompt_pack: Option<PackRef>,
    pub answers: Vec<PromptAnswer>,
}

/// One entry read from another app, before it becomes a reflection.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedEntry {
    /// The source's own id (Day One's uuid, Mini Diarium's id, Mini Diary's day), or a
    /// fingerprint of the entry's date, time, title and text where it has none.
    pub source_id: String,
    /// The entry's own day: the encounter date it gets.
    pub date: NaiveDate,
    pub written: Option<Written>,
    /// When it was last changed in the source.
    pub changed: Option<DateTime<Utc>>,
    pub title: Option<String>,
    /// Plain text or Markdown.
    pub body: String,
    /// Without jrnl's `@` or a `#`.
    pub tags: Vec<String>,
    /// Starred or pinned in the source ("bring to supervision" only when asked).
    pub starred: bool,
    pub attune: AttuneFields,
    /// Where it is in the source, for messages: a file name and the entry's number.
    pub place: String,
}

impl Drop for ImportedEntry {
    fn drop(&mut self) {
        self.title.zeroize();
        self.body.zeroize();
        self.tags.zeroize();
        self.attune.family_code.zeroize();
        for answer in &mut self.attune.answers {
            answer.zeroize();
        }
    }
}

/// What an import leaves behind, by kind (the preview says each plainly).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum DroppedKind {
    Location,
    Weather,
    Device,
    Activity,
    Photo,
    Audio,
    Video,
    Pdf,
    /// Links to Day One photos or audio inside the text, or images in HTML.
    MediaLink,
    /// Entries with neither a title nor any text.
    EmptyEntry,
    /// The same source id a second time in the file (the first is kept).
    RepeatedEntry,
    /// Tags longer than Attune keeps (40 characters), or past the 30th of an entry.
    Tag,
    /// Files in a folder that are not journal files (images, attachments, settings).
    OtherFile,
}

impl DroppedKind {
    /// What was left behind, in a sentence for `count` of them.
    pub fn describe(self, count: usize) -> String {
        let n = count;
        let s = if n == 1 { "" } else { "s" };
        match self {
            Self::Location => format!("Locations ({n} entr{}): not imported.", ies(n)),
            Self::Weather => format!("Weather ({n} entr{}): not imported.", ies(n)),
            Self::Device => format!(
                "Which device and system wrote the entry ({n} entr{}): not imported.",
                ies(n)
            ),
            Self::Activity => format!(
                "Activity and step counts ({n} entr{}): not imported.",
                ies(n)
            ),
            Self::Photo => format!("{n} photo{s}: media are not imported in this version."),
            Self::Audio => {
                format!("{n} audio recording{s}: media are not imported in this version.")
            }
            Self::Video => format!("{n} video{s}: media are not imported in this version."),
            Self::Pdf => format!("{n} PDF attachment{s}: media are not imported in this version."),
            Self::MediaLink => format!(
                "{n} link{s} to photos or audio in the text: removed, since the media stay behind."
            ),
            Self::EmptyEntry => format!("{n} entr{} with no title and no text: skipped.", ies(n)),
            Self::RepeatedEntry => format!(
                "{n} entr{} appearing twice under the same id: only the first is imported.",
                ies(n)
            ),
            Self::Tag => format!(
                "{n} tag{s} longer than 40 characters, or past the 30th on one entry: left off."
            ),
            Self::OtherFile => {
                format!("{n} other file{s} in the folder (not Markdown or journal text): not read.")
            }
        }
    }
}

fn ies(n: usize) -> &'static str {
    if n == 1 {
        "y"
    } else {
        "ies"
    }
}

/// Counts of what an import leaves behind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dropped(std::collections::BTreeMap<DroppedKind, usize>);

impl Dropped {
    pub fn add(&mut self, kind: DroppedKind, n: usize) {
        if n > 0 {
            *self.0.entry(kind).or_default() += n;
        }
    }

    pub fn count(&self, kind: DroppedKind) -> usize {
        self.0.get(&kind).copied().unwrap_or(0)
    }

    /// Each kind left behind and how many, in a fixed order.
    pub fn iter(&self) -> impl Iterator<Item = (DroppedKind, usize)> + '_ {
        self.0.iter().map(|(k, n)| (*k, *n))
    }
}

/// Everything read from one file or folder.
#[derive(Debug, Default)]
pub struct Parsed {
    pub format: Option<Format>,
    pub entries: Vec<ImportedEntry>,
    pub dropped: Dropped,
    /// Plain notes for the preview (a time zone Attune did not know, undated notes).
    pub notes: Vec<String>,
}

/// Read the export at `path` (a file or a folder), in `format` or, when `None`, the
/// format its contents show. Nothing is written anywhere.
pub fn read(path: &Path, format: Option<Format>, limits: &Limits) -> Result<Parsed> {
    let input = source::open(path, limits)?;
    let format = match format {
        Some(f) => f,
        None => detect(&input)?,
    };
    let mut parsed = match format {
        Format::DayOne => dayone::read(&input, limits)?,
        Format::Jrnl => jrnl::read(&input, limits)?,
        Format::MiniDiary => minidiary::read_mini_diary(&input)?,
        Format::MiniDiarium => minidiary::read_mini_diarium(&input)?,
        Format::Markdown => markdown::read(&input, limits)?,
    };
    parsed.format = Some(format);
    if parsed.entries.len() > limits.max_entries {
        return Err(Error::invalid(format!(
            "This export holds more than {} entries, more than Attune imports at once. Export a part of it (a year at a time) and import each part. Nothing was imported.",
            limits.max_entries
        )));
    }
    drop_repeats(&mut parsed);
    Ok(parsed)
}

/// One Day One journal JSON file, parsed from bytes (`name` is for messages). For
/// fuzzing and tests; [`read`] is what an import uses.
pub fn day_one_json(bytes: &[u8], name: &str) -> Result<Parsed> {
    let mut parsed = Parsed::default();
    dayone::parse_json(bytes, name, &mut parsed)?;
    drop_repeats(&mut parsed);
    Ok(parsed)
}

/// A Day One export ZIP held in memory, parsed under `limits`. For fuzzing and tests.
pub fn day_one_zip(bytes: &[u8], limits: &Limits) -> Result<Parsed> {
    let zip = source::read_zip(std::io::Cursor::new(bytes), "export.zip", limits)?;
    let mut parsed = dayone::read(&source::Input::Zip(zip), limits)?;
    drop_repeats(&mut parsed);
    Ok(parsed)
}

/// One Markdown note, parsed from bytes (`name` is its path, for the date and title
/// it may give). For fuzzing and tests.
pub fn markdown_note(name: &str, bytes: &[u8]) -> Result<Parsed> {
    let file = source::File {
        name: name.to_string(),
        bytes: zeroize::Zeroizing::new(bytes.to_vec()),
        modified: None,
    };
    markdown::read(&source::Input::File(file), &Limits::DEFAULT)
}

/// Keep the first entry under each source id; count the rest.
fn drop_repeats(parsed: &mut Parsed) {
    let mut seen = std::collections::HashSet::new();
    let before = parsed.entries.len();
    parsed.entries.retain(|e| seen.insert(e.source_id.clone()));
    parsed
        .dropped
        .add(DroppedKind::RepeatedEntry, before - parsed.entries.len());
}

/// Which format `input` looks like.
fn detect(input: &source::Input) -> Result<Format> {
    let found = match input {
        source::Input::Zip(_) => Some(Format::DayOne),
        source::Input::Folder(folder) => folder.detect(),
        source::Input::File(file) => detect_file(file)?,
    };
    found.ok_or_else(|| {
        Error::invalid(
            "Attune could not tell which app made this export. Name it with --format (dayone, jrnl, minidiary, minidiarium or markdown). Nothing was imported.",
        )
    })
}

fn detect_file(file: &source::File) -> Result<Option<Format>> {
    let name = file.name.to_ascii_lowercase();
    if name.ends_with(".md") || name.ends_with(".markdown") {
        return Ok(Some(Format::Markdown));
    }
    if name.ends_with(".json") || file.bytes.trim_ascii_start().starts_with(b"{") {
        let bytes = file
            .bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .unwrap_or(&file.bytes);
        if std::str::from_utf8(bytes).is_err() {
            return Err(text::utf8(bytes, &file.name)
                .err()
                .unwrap_or_else(|| malformed(&file.name, Format::Jrnl)));
        }
        if serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_err() {
            return Err(Error::invalid(format!(
                "{} is not complete JSON: it may have been cut short or changed. Export it again and import the new file. Nothing was imported.",
                file.name
            )));
        }
        return Ok(text::json_shape(&file.bytes));
    }
    Ok(jrnl::looks_like_text(&file.bytes).then_some(Format::Jrnl))
}

/// The error for a file whose contents are not what its format promises.
pub(crate) fn malformed(name: &str, format: Format) -> Error {
    Error::invalid(format!(
        "{name} is not a {} export Attune can read: its contents are not laid out as expected. Check you chose the export file itself. Nothing was imported.",
        format.label()
    ))
}

/// The error for one entry that breaks a rule, naming where it is, never its text.
pub(crate) fn entry_refused(place: &str, date: NaiveDate, why: &str) -> Error {
    Error::invalid(format!("{place} ({date}): {why} Nothing was imported."))
}
