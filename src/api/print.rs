//! Print and PDF: the documents, their names and their files (feature `print`).
//!
//! Every document is built from the journal into a view model (`crate::print`) and
//! typeset by typst. Reflections leave only through the export's de-identification
//! review ([`super::export::review_of`]); files are owner-only and, from the CLI,
//! never overwritten; file names carry dates, never journal text.

use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use super::export::{self, ExportReview};
use super::files::{self, SavedFile, WriteMode};
use crate::journal::{Entries, Entry, EntryId, Journal};
use crate::print::{
    Agenda, AgendaItem, Document, HoursStatement, PageSetup, Paper, PrepSheet, ReflectionsDoc,
    TrainingRecord,
};
use crate::{Error, Result};

/// The hours statement for a period.
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct PrintHoursRequest {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Letter unless said otherwise.
    #[serde(default)]
    pub paper: Paper,
}

/// Reflections to print: chosen ones, or those of a date range (the trash never).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct PrintReflectionsRequest {
    #[cfg_attr(feature = "typescript", ts(type = "Array<string>"))]
    #[serde(default)]
    pub entry_ids: Vec<EntryId>,
    #[serde(default)]
    pub from: Option<NaiveDate>,
    #[serde(default)]
    pub to: Option<NaiveDate>,
    /// The person has gone through the identifying passages the review listed. Required
    /// when there are any, as for the export.
    #[serde(default)]
    pub reviewed: bool,
    #[serde(default)]
    pub paper: Paper,
}

/// The prep sheet for the next session.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct PrintPrepRequest {
    pub session_date: Option<NaiveDate>,
    /// As for reflections: the flagged reflections' titles leave on paper.
    pub reviewed: bool,
    pub paper: Paper,
}

/// The supervisor's agenda for the next session with one supervisee.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct PrintAgendaRequest {
    pub contact_id: String,
    #[serde(default)]
    pub session_date: Option<NaiveDate>,
    #[serde(default)]
    pub paper: Paper,
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn check_period(from: NaiveDate, to: NaiveDate) -> Result<()> {
    if from > to {
        return Err(Error::invalid(
            "The period ends before it starts. Give the first day, then the last.",
        ));
    }
    Ok(())
}

// Hours statement --------------------------------------------------------------------

/// The hours statement of the sessions received in the period, made on `made_on`.
pub fn hours_statement(
    journal: &Journal,
    req: &PrintHoursRequest,
    made_on: NaiveDate,
) -> Result<HoursStatement> {
    check_period(req.from, req.to)?;
    Ok(HoursStatement::from_sessions(
        PageSetup::new(req.paper, made_on),
        req.from,
        req.to,
        journal.sessions(),
        &crate::api::supervision::session_confirmations(journal)?,
    ))
}

/// "attune-hours-2026-01-01-to-2026-12-31.pdf": the period, nothing else.
pub fn hours_file_name(req: &PrintHoursRequest) -> String {
    format!("attune-hours-{}-to-{}.pdf", req.from, req.to)
}

/// Write the hours statement as a PDF to `path`.
pub fn save_hours(
    journal: &Journal,
    req: &PrintHoursRequest,
    path: &Path,
    mode: WriteMode,
) -> Result<SavedFile> {
    check_period(req.from, req.to)?;
    files::save_made(path, mode, || hours_statement(journal, req, today())?.pdf())
}

// Reflections ------------------------------------------------------------------------

/// The reflections a request names: its ids (each must exist and not be in the trash),
/// or every reflection of its date range; oldest first.
pub fn chosen_reflections(journal: &Journal, req: &PrintReflectionsRequest) -> Result<Entries> {
    let mut chosen = if !req.entry_ids.is_empty() {
        if req.from.is_some() || req.to.is_some() {
            return Err(Error::invalid(
                "Choose reflections, or give dates, not both.",
            ));
        }
        for id in &req.entry_ids {
            let item = journal
                .item(id)
                .ok_or_else(|| Error::not_found("reflection"))?;
            if item.deleted_at.is_some() {
                return Err(Error::invalid(
                    "One of those reflections is in the trash. Restore it first to print it.",
                ));
            }
        }
        journal.entries_where(|i| req.entry_ids.contains(&i.id))?
    } else {
        let (Some(from), Some(to)) = (req.from, req.to) else {
            return Err(Error::invalid(
                "Choose the reflections to print, or give the first and last day.",
            ));
        };
        check_period(from, to)?;
        journal
            .entries_where(|i| i.deleted_at.is_none() && (from..=to).contains(&i.encounter_date))?
    };
    if chosen.is_empty() {
        return Err(Error::invalid(
            "No reflections in those dates. Nothing was printed.",
        ));
    }
    chosen.sort_by_key(|e| (e.encounter_date, e.created_at));
    Ok(chosen)
}

/// The de-identification review of what the print would carry: the export's own.
pub fn reflections_review(
    journal: &Journal,
    req: &PrintReflectionsRequest,
) -> Result<ExportReview> {
    export::review_of(
        journal,
        &chosen_reflections(journal, req)?.iter().collect::<Vec<_>>(),
    )
}

/// The reflections document, refused until identifying passages were reviewed.
pub fn reflections_doc(
    journal: &Journal,
    req: &PrintReflectionsRequest,
    made_on: NaiveDate,
) -> Result<ReflectionsDoc> {
    let entries = chosen_reflections(journal, req)?;
    let chosen: Vec<&Entry> = entries.iter().collect();
    export::check_reviewed(journal, &chosen, req.reviewed, "printing")?;
    Ok(ReflectionsDoc::new(
        PageSetup::new(req.paper, made_on),
        &chosen,
    ))
}

/// "attune-reflections-2026-12-04.pdf": the day it was made.
pub fn reflections_file_name() -> String {
    format!("attune-reflections-{}.pdf", today())
}

/// Write the chosen reflections as a PDF to `path` (after the review).
pub fn save_reflections(
    journal: &Journal,
    req: &PrintReflectionsRequest,
    path: &Path,
    mode: WriteMode,
) -> Result<SavedFile> {
    // Checked before a file is touched.
    export::check_reviewed(
        journal,
        &chosen_reflections(journal, req)?.iter().collect::<Vec<_>>(),
        req.reviewed,
        "printing",
    )?;
    files::save_made(path, mode, || reflections_doc(journal, req, today())?.pdf())
}

// Training record --------------------------------------------------------------------

/// The year's training record (January to December), oldest first.
pub fn training_record(journal: &Journal, year: i32, paper: Paper) -> Result<TrainingRecord> {
    if !(1900..=9999).contains(&year) {
        return Err(Error::invalid("Give a year such as 2026."));
    }
    Ok(TrainingRecord::from_trainings(
        PageSetup::new(paper, today()),
        year,
        &journal.trainings()?,
    ))
}

/// Write the year's training record as a PDF to `path`.
pub fn save_training(
    journal: &Journal,
    year: i32,
    paper: Paper,
    path: &Path,
    mode: WriteMode,
) -> Result<SavedFile> {
    files::save_made(path, mode, || training_record(journal, year, paper)?.pdf())
}

/// "attune-training-2026.pdf".
pub fn training_file_name(year: i32) -> String {
    format!("attune-training-{year}.pdf")
}

// Prep sheet -------------------------------------------------------------------------

/// The reflections flagged to bring to supervision (not in the trash).
fn flagged(journal: &Journal) -> Result<Entries> {
    journal.entries_where(|i| i.deleted_at.is_none() && i.flagged)
}

/// The de-identification review of the flagged reflections the sheet names.
pub fn prep_review(journal: &Journal) -> Result<ExportReview> {
    export::review_of(journal, &flagged(journal)?.iter().collect::<Vec<_>>())
}

/// The prep sheet: the flagged reflections (date and title), and room to write.
pub fn prep_sheet(
    journal: &Journal,
    req: &PrintPrepRequest,
    made_on: NaiveDate,
) -> Result<PrepSheet> {
    let entries = flagged(journal)?;
    let list: Vec<&Entry> = entries.iter().collect();
    export::check_reviewed(journal, &list, req.reviewed, "printing")?;
    Ok(PrepSheet::new(
        PageSetup::new(req.paper, made_on),
        req.session_date,
        &list,
    ))
}

/// "attune-prep-2026-12-04.pdf": the session's date, or today's.
pub fn prep_file_name(req: &PrintPrepRequest) -> String {
    format!("attune-prep-{}.pdf", req.session_date.unwrap_or_else(today))
}

/// Write the prep sheet as a PDF to `path`.
pub fn save_prep(
    journal: &Journal,
    req: &PrintPrepRequest,
    path: &Path,
    mode: WriteMode,
) -> Result<SavedFile> {
    export::check_reviewed(
        journal,
        &flagged(journal)?.iter().collect::<Vec<_>>(),
        req.reviewed,
        "printing",
    )?;
    files::save_made(path, mode, || prep_sheet(journal, req, today())?.pdf())
}

// Agenda -----------------------------------------------------------------------------

/// The agenda for the next session with a supervisee: the shared reflections I put on
/// it (their date and title).
pub fn agenda(
    journal: &mut Journal,
    req: &PrintAgendaRequest,
    made_on: NaiveDate,
) -> Result<Agenda> {
    let id = super::exchange::contact_id(journal, &req.contact_id)?;
    let name = super::exchange::list_contacts(journal)?
        .into_iter()
        .find(|c| c.id == id.to_string())
        .map(|c| c.name.clone())
        .ok_or_else(|| Error::not_found("contact"))?;
    let items = super::exchange::agenda(
        journal,
        &super::exchange::ContactRef {
            contact_id: req.contact_id.clone(),
        },
    )?
    .into_iter()
    .map(|item| AgendaItem {
        date: crate::print::short_date(item.entry.encounter_date),
        title: item
            .entry
            .title
            .clone()
            .unwrap_or_else(|| "Untitled reflection".to_string()),
        responses: item.responses,
    })
    .collect();
    Ok(Agenda::new(
        PageSetup::new(req.paper, made_on),
        &name,
        req.session_date,
        items,
    ))
}

/// "attune-agenda-2026-12-04.pdf".
pub fn agenda_file_name(req: &PrintAgendaRequest) -> String {
    format!(
        "attune-agenda-{}.pdf",
        req.session_date.unwrap_or_else(today)
    )
}

/// Write the agenda as a PDF to `path`.
pub fn save_agenda(
    journal: &mut Journal,
    req: &PrintAgendaRequest,
    path: &Path,
    mode: WriteMode,
) -> Result<SavedFile> {
    if mode == WriteMode::NewOnly {
        files::refuse_existing(path)?;
    }
    let bytes = agenda(journal, req, today())?.pdf()?;
    files::save(path, &bytes, mode)
}
