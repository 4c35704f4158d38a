//! The supervision loop: a prep sheet before a session, a takeaway after it, the
//! supervisor's planning note per supervisee, and signed session confirmations through
//! the exchange (asked by the supervisee, answered by the supervisor).
//!
//! A new prep sheet gathers the reflections flagged "bring to supervision" and the
//! ones a supervisor has responded to; that rule lives here because it needs both the
//! journal and the exchange.

use std::path::Path;

use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::exchange::contact_id;
use super::files::{SavedFile, WriteMode};
use super::sessions::SessionRef;
use super::ContactRef;
use crate::journal::{EntryId, Journal, PrepId, PrepInput, PrepSheet, SessionId, TakeawayInput};
use crate::share::Exchange;
pub use crate::share::{
    ConfirmState, ConfirmationRequest, Decision, SessionConfirmation, SessionFacts, SessionPlan,
};
use crate::Result;

/// Names one prep sheet.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct PrepRef {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub id: PrepId,
}

/// A reflection on a prep sheet, as the sheet shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct PrepReflection {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub entry_id: EntryId,
    pub title: Option<String>,
    pub encounter_date: Option<NaiveDate>,
    /// Flagged "bring to supervision".
    pub flagged: bool,
    /// Responses my supervisors sent about it.
    pub responses: usize,
    /// False when it was deleted (or is in the trash) since.
    pub in_journal: bool,
}

/// The session a takeaway is linked to, in brief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LinkedSession {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub id: SessionId,
    pub date: NaiveDate,
    pub minutes: u32,
    pub with_whom: String,
}

/// A prep sheet with its reflections and the session its takeaway is linked to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct PrepView {
    pub sheet: PrepSheet,
    pub reflections: Vec<PrepReflection>,
    /// None before the takeaway, or when the session was deleted since.
    pub session: Option<LinkedSession>,
}

/// My planning note for one supervisee.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct PlanningNoteRequest {
    pub contact_id: String,
    /// Empty clears the note.
    pub note: String,
}

/// Ask a supervisor to confirm a session.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct AskConfirmationRequest {
    pub contact_id: String,
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub session_id: SessionId,
}

/// Confirm a supervisee's request, or decline it with a reason.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct AnswerConfirmationRequest {
    /// The request's id (a unique prefix of 4 or more hex digits is enough).
    pub request_id: String,
    pub decision: Decision,
    /// Why it is declined (required then; empty when confirming).
    #[serde(default)]
    pub reason: String,
}

/// The reflections a new prep sheet gathers: those flagged "bring to supervision", then
/// those a supervisor responded to, each once, none in the trash.
pub fn gather(journal: &Journal) -> Result<Vec<PrepReflection>> {
    let mut ids = journal.entries_flagged_for_supervision();
    let responded = Exchange::read(journal).feedback_for(None)?;
    for t in responded.iter().rev() {
        if let Some(id) = EntryId::from_hex(&t.entry_id) {
            let live = journal.item(&id).is_some_and(|i| i.deleted_at.is_none());
            if live && !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    reflections(journal, &ids)
}

fn reflections(journal: &Journal, ids: &[EntryId]) -> Result<Vec<PrepReflection>> {
    let responses = Exchange::read(journal).feedback_for(None)?;
    Ok(ids
        .iter()
        .map(|id| {
            let entry = journal.get(id).ok().filter(|e| e.deleted_at.is_none());
            let entry = entry.as_ref();
            let hex = id.to_hex();
            PrepReflection {
                entry_id: *id,
                title: entry.and_then(|e| e.title.clone()),
                encounter_date: entry.map(|e| e.encounter_date),
                flagged: entry.is_some_and(|e| e.bring_to_supervision),
                responses: responses.iter().filter(|r| r.entry_id == hex).count(),
                in_journal: entry.is_some(),
            }
        })
        .collect())
}

fn view(journal: &Journal, sheet: PrepSheet) -> Result<PrepView> {
    let reflections = reflections(journal, &sheet.reflections)?;
    let session = sheet
        .takeaway
        .as_ref()
        .and_then(|t| journal.session(&t.session_id).ok())
        .map(|s| LinkedSession {
            id: s.id,
            date: s.date,
            minutes: s.minutes,
            with_whom: s.with_whom.clone(),
        });
    Ok(PrepView {
        sheet,
        reflections,
        session,
    })
}

/// Every prep sheet, newest first.
pub fn list_preps(journal: &Journal) -> Result<Vec<PrepView>> {
    journal
        .prep_sheets()?
        .into_iter()
        .map(|s| view(journal, s))
        .collect()
}

/// One prep sheet.
pub fn get_prep(journal: &Journal, req: &PrepRef) -> Result<PrepView> {
    view(journal, journal.prep_sheet(&req.id)?)
}

/// A prep sheet's id from what a person typed: the whole id, or a unique prefix.
pub fn resolve_prep(journal: &Journal, typed: &str) -> Result<PrepId> {
    journal.resolve_prep_id(typed)
}

/// Save a new prep sheet (no id: reflections gathered unless given) or change one
/// (its id: reflections kept unless given).
pub fn save_prep(journal: &mut Journal, req: PrepInput) -> Result<PrepView> {
    let reflections = match (&req.reflections, req.id) {
        (Some(chosen), _) => chosen.clone(),
        (None, None) => gather(journal)?.into_iter().map(|r| r.entry_id).collect(),
        (None, Some(id)) => journal.prep_sheet(&id)?.reflections.clone(),
    };
    let sheet = journal.save_prep(&req, &reflections, Utc::now())?;
    view(journal, sheet)
}

/// Delete a prep sheet and its takeaway for good.
pub fn delete_prep(journal: &mut Journal, req: &PrepRef) -> Result<()> {
    journal.delete_prep(&req.id)
}

/// Write the takeaway of a session (onto its prep sheet, see [`TakeawayInput`]).
pub fn save_takeaway(journal: &mut Journal, req: TakeawayInput) -> Result<PrepView> {
    let sheet = journal.save_takeaway(&req, Utc::now())?;
    view(journal, sheet)
}

/// The prep sheet holding this session's takeaway, if there is one.
pub fn takeaway_of(journal: &Journal, req: &SessionRef) -> Result<Option<PrepView>> {
    journal.session(&req.id)?;
    journal
        .takeaway_of(&req.id)?
        .map(|s| view(journal, s))
        .transpose()
}

/// My planning note and the agenda for the next session with a supervisee.
pub fn session_plan(journal: &mut Journal, req: &ContactRef) -> Result<SessionPlan> {
    let id = contact_id(journal, &req.contact_id)?;
    Exchange::read(journal).session_plan(&id)
}

/// Keep (or clear) my planning note for a supervisee.
pub fn set_planning_note(journal: &mut Journal, req: &PlanningNoteRequest) -> Result<SessionPlan> {
    let id = contact_id(journal, &req.contact_id)?;
    Exchange::new(journal).set_planning_note(&id, &req.note)
}

/// Ask a supervisor to confirm a session (the packet is written next).
pub fn ask_confirmation(
    journal: &mut Journal,
    req: &AskConfirmationRequest,
) -> Result<SessionConfirmation> {
    let id = contact_id(journal, &req.contact_id)?;
    Exchange::new(journal).ask_confirmation(&id, &req.session_id)
}

/// The confirmations I asked for, and where each stands.
pub fn session_confirmations(journal: &Journal) -> Result<Vec<SessionConfirmation>> {
    Exchange::read(journal).session_confirmations()
}

/// The request packet for a supervisor: every open request to them, facts only.
pub fn write_confirm_request_packet(journal: &mut Journal, req: &ContactRef) -> Result<Vec<u8>> {
    let id = contact_id(journal, &req.contact_id)?;
    Exchange::new(journal).write_confirm_request_packet(&id)
}

/// Write the request packet to a file.
pub fn write_confirm_request_packet_to(
    journal: &mut Journal,
    req: &ContactRef,
    path: &Path,
    mode: WriteMode,
) -> Result<SavedFile> {
    super::exchange::save_packet_to(journal, req, path, mode, write_confirm_request_packet)
}

/// Requests my supervisees sent me, waiting ones first.
pub fn confirmation_requests(journal: &Journal) -> Result<Vec<ConfirmationRequest>> {
    Exchange::read(journal).confirmation_requests()
}

/// Confirm or decline a supervisee's request (signed now, sent with the next packet).
pub fn answer_confirmation(
    journal: &mut Journal,
    req: &AnswerConfirmationRequest,
) -> Result<ConfirmationRequest> {
    Exchange::new(journal).answer_confirmation(&req.request_id, req.decision, &req.reason)
}

/// The answer packet for a supervisee: every answer I gave them.
pub fn write_confirm_answer_packet(journal: &mut Journal, req: &ContactRef) -> Result<Vec<u8>> {
    let id = contact_id(journal, &req.contact_id)?;
    Exchange::new(journal).write_confirm_answer_packet(&id)
}

/// Write the answer packet to a file.
pub fn write_confirm_answer_packet_to(
    journal: &mut Journal,
    req: &ContactRef,
    path: &Path,
    mode: WriteMode,
) -> Result<SavedFile> {
    super::exchange::save_packet_to(journal, req, path, mode, write_confirm_answer_packet)
}
