//! Supervision sessions (RS/C received and given) and the yearly hours.

use std::path::Path;

use chrono::Utc;
use serde::Deserialize;

use super::files::{self, SavedFile, WriteMode};
use crate::journal::{HoursSummary, Journal, SessionId, SessionInput, SupervisionSession};
use crate::Result;

/// Names one supervision session.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SessionRef {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub id: SessionId,
}

/// Which sessions to list.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct SessionsRequest {
    /// Only this year's; every session when none.
    pub year: Option<i32>,
}

/// Which year's hours.
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct HoursRequest {
    pub year: i32,
}

/// A session's id from what a person typed: the whole id, or a unique prefix.
pub fn resolve(journal: &Journal, typed: &str) -> Result<SessionId> {
    journal.resolve_session_id(typed)
}

/// Supervision sessions (notes included), newest first: one year's, or all.
pub fn list(journal: &Journal, req: &SessionsRequest) -> Result<Vec<SupervisionSession>> {
    journal.sessions_of(req.year)
}

/// Log a new session (no id) or change one (its id); entries named must exist.
pub fn save(journal: &mut Journal, req: SessionInput) -> Result<SupervisionSession> {
    journal.save_session(req, Utc::now())
}

/// Delete a session for good (also a damaged one, by its id).
pub fn delete(journal: &mut Journal, req: &SessionRef) -> Result<()> {
    journal.delete_session(&req.id)
}

/// A year's RS/C hours, received and given, with progress towards the target set in
/// the settings (`rsc_hours_target`).
pub fn hours(journal: &Journal, req: &HoursRequest) -> Result<HoursSummary> {
    journal.hours(req.year)
}

/// Set the yearly RS/C hours target.
pub fn set_hours_target(journal: &mut Journal, hours: u32) -> Result<()> {
    let mut settings = journal.settings()?;
    settings.rsc_hours_target = Some(hours);
    settings.validate()?;
    journal.save_settings(&settings)
}

/// A year's hours log as CSV: dates, durations, formats, names and roles, never notes
/// or entries.
pub fn hours_csv(journal: &Journal, req: &HoursRequest) -> Result<String> {
    journal.hours_csv(req.year)
}

/// A name for the hours CSV that names no one.
pub fn hours_csv_file_name(req: &HoursRequest) -> String {
    crate::journal::sessions::hours_csv_file_name(req.year)
}

/// Write a year's hours log as CSV to `path`.
pub fn save_hours_csv(
    journal: &Journal,
    req: &HoursRequest,
    path: &Path,
    mode: WriteMode,
) -> Result<SavedFile> {
    files::save_made(path, mode, || hours_csv(journal, req))
}
