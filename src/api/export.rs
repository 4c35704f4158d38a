//! Plain-text export of the journal: the review of what looks identifying, and the
//! file. The trash is never exported, by any front end.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::files::{self, SavedFile, WriteMode};
use crate::deid::FindingKind;
use crate::journal::{Entries, Entry, EntryId, Journal};
use crate::{Error, Result};

/// The format of a plaintext export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Every entry as it is stored, in one JSON file.
    Json,
    /// One Markdown document.
    #[cfg_attr(feature = "cli", value(name = "md", alias = "markdown"))]
    Markdown,
    /// A folder of Markdown notes, one per reflection, with YAML front matter (opens as
    /// an Obsidian vault; Attune imports it back).
    #[cfg_attr(feature = "cli", value(name = "md-folder", alias = "obsidian"))]
    MarkdownFolder,
    /// jrnl's JSON export format.
    Jrnl,
}

impl ExportFormat {
    /// The file's extension; empty for the folder.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Json | Self::Jrnl => "json",
            Self::Markdown => "md",
            Self::MarkdownFolder => "",
        }
    }

    /// Whether the export is a folder rather than a file.
    pub fn is_folder(self) -> bool {
        self == Self::MarkdownFolder
    }
}

/// A request to export the journal as plain text.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ExportRequest {
    pub format: ExportFormat,
    /// The person has gone through the identifying passages the review listed. Required
    /// when there are any.
    pub reviewed: bool,
}

/// One passage that looks identifying, and the entry it is in.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ExportFinding {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub entry_id: EntryId,
    pub title: Option<String>,
    pub encounter_date: chrono::NaiveDate,
    pub kind: FindingKind,
    pub label: String,
    pub text: String,
}

/// What an export would carry, for the review before it is written.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ExportReview {
    /// Entries the export holds (the trash is left out).
    pub entries: usize,
    pub findings: Vec<ExportFinding>,
    /// Words on the journal-wide allow-list that would otherwise be flagged in what
    /// leaves (shown so a name allowed by mistake is seen), sorted, each once.
    pub silenced: Vec<String>,
}

/// An export written: the file, and how many entries it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub file: SavedFile,
    pub entries: usize,
}

/// What every export holds: the entries not in the trash.
fn exported(journal: &Journal) -> Result<Entries> {
    journal.entries_where(|i| i.deleted_at.is_none())
}

/// The entries an export would hold and every passage in them that looks identifying
/// (using the allow-list): the review required before export.
pub fn review(journal: &Journal) -> Result<ExportReview> {
    review_of(journal, &exported(journal)?.iter().collect::<Vec<_>>())
}

/// The same review over chosen entries (a print of some reflections goes through it
/// exactly as the export does).
pub fn review_of(journal: &Journal, chosen: &[&Entry]) -> Result<ExportReview> {
    let allow = journal.settings()?.allow_list();
    let mut findings = Vec::new();
    let mut entries = 0;
    for e in chosen.iter().copied() {
        entries += 1;
        for f in crate::journal::identifying_passages(e, &allow) {
            findings.push(ExportFinding {
                entry_id: e.id,
                title: e.title.clone(),
                encounter_date: e.encounter_date,
                kind: f.kind,
                label: f.kind.label().to_string(),
                text: f.text,
            });
        }
    }
    Ok(ExportReview {
        entries,
        findings,
        silenced: crate::journal::silenced_words(chosen.iter().copied(), &allow),
    })
}

/// May this export go ahead? (Before a save dialog opens, and again before writing.)
pub fn check(journal: &Journal, req: &ExportRequest) -> Result<()> {
    check_reviewed(
        journal,
        &exported(journal)?.iter().collect::<Vec<_>>(),
        req.reviewed,
        "exporting",
    )
}

/// The one rule for anything that takes reflections out of the journal as plain text:
/// when the review of `chosen` lists passages, they must have been gone through.
pub fn check_reviewed(
    journal: &Journal,
    chosen: &[&Entry],
    reviewed: bool,
    doing: &str,
) -> Result<()> {
    if !reviewed && !review_of(journal, chosen)?.findings.is_empty() {
        return Err(Error::invalid(format!(
            "Some passages look identifying. Go through them before {doing}."
        )));
    }
    Ok(())
}

/// A file (or folder) name for an export that names no one: the date and the format.
pub fn file_name(format: ExportFormat) -> String {
    let today = chrono::Local::now().date_naive();
    match format {
        ExportFormat::MarkdownFolder => format!("attune-export-{today}"),
        ExportFormat::Jrnl => format!("attune-export-{today}-jrnl.json"),
        _ => format!("attune-export-{today}.{}", format.extension()),
    }
}

/// Write the journal (without the trash) as plain text to `path`: a file, or for the
/// Markdown folder a new folder (never one already there, whatever `mode` says: a
/// folder is not replaced). Refused until the identifying passages were reviewed.
pub fn write(
    journal: &Journal,
    req: &ExportRequest,
    path: &Path,
    mode: WriteMode,
) -> Result<Exported> {
    let entries = exported(journal)?;
    let chosen: Vec<&Entry> = entries.iter().collect();
    let file = if req.format.is_folder() {
        files::refuse_existing(path)?;
        check_reviewed(journal, &chosen, req.reviewed, "exporting")?;
        let notes = crate::journal::to_markdown_notes(entries.iter());
        crate::files::write_new_private_folder(path, &notes)?;
        SavedFile::at(path)
    } else {
        files::save_made(path, mode, || {
            check_reviewed(journal, &chosen, req.reviewed, "exporting")?;
            match req.format {
                ExportFormat::Json => crate::journal::to_json(entries.iter()),
                ExportFormat::Markdown => Ok(crate::journal::to_markdown(entries.iter())),
                ExportFormat::Jrnl => crate::journal::to_jrnl_json(entries.iter()),
                ExportFormat::MarkdownFolder => Err(Error::internal("A folder is not a file.")),
            }
        })?
    };
    Ok(Exported {
        file,
        entries: entries.len(),
    })
}
