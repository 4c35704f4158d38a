//! Supervision sessions: a log of reflective supervision/consultation (RS/C) meetings,
//! kept encrypted one record each, and the yearly hours drawn from it.
//!
//! A session is its own record, not a kind of entry: the date, how long, individual or
//! group, with whom (a name or a role the person chooses), which way it went (received
//! or given), the entries talked about, and private notes. Endorsement asks for hours
//! *received*, so only those count towards the yearly target; hours given as a
//! supervisor are totalled beside them. The hours summary and its CSV hold dates,
//! durations, formats, roles and names only, never notes or entry text.

use std::collections::HashSet;
use std::fmt::Write as _;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

use super::{EntryId, Journal};
use crate::crypto::random_id;
pub use crate::ids::SessionId;
use crate::records::{self, Record};
use crate::store::{RecordRow, Table};
use crate::{Error, Result};

/// The longest session, in minutes (a ten-hour day of group consultation).
pub const MAX_MINUTES: u32 = 600;
/// The longest "with whom", in characters.
pub const MAX_WITH_WHOM_CHARS: usize = 80;
/// The longest provider name, facilitator name or credential, in characters.
pub const MAX_PROVIDER_CHARS: usize = 80;
/// The largest group.
pub const MAX_GROUP_SIZE: u32 = 100;
/// The longest notes on a session, in characters.
pub const MAX_SESSION_NOTES_CHARS: usize = 5000;
/// The most entries one session can name.
pub const MAX_ENTRIES_DISCUSSED: usize = 100;
/// Years the hours can be asked for.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=9999;

/// One person with a supervisor, or a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "snake_case")]
pub enum SessionFormat {
    Individual,
    Group,
}

impl SessionFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Individual => "individual",
            Self::Group => "group",
        }
    }
}

/// Which way the session went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum SessionRole {
    /// I received RS/C: these hours count towards the yearly target.
    #[default]
    Receiving,
    /// I gave RS/C as supervisor or consultant: totalled apart, not counted.
    Giving,
}

impl SessionRole {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Receiving => "receiving",
            Self::Giving => "giving",
        }
    }
}

/// How the session met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    InPerson,
    Video,
    Phone,
}

impl Delivery {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InPerson => "in person",
            Self::Video => "video",
            Self::Phone => "phone",
        }
    }
}

/// What Endorsement asks about a session, beyond date and length: who provided it and
/// their credential, the group (if it was one), how it met, and whether it counts.
/// Every part is optional, so sessions logged before these existed still open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct SessionDetails {
    /// The provider's name as it goes on an application.
    pub provider_name: Option<String>,
    /// The provider's credential or Endorsement category ("IMHM-C").
    pub provider_credential: Option<String>,
    pub delivery: Option<Delivery>,
    /// Group sessions: who facilitated.
    pub facilitator: Option<String>,
    /// Group sessions: how many took part, me included.
    pub group_size: Option<u32>,
    /// Group sessions: whether I presented.
    pub presented: Option<bool>,
    /// Peer consultation (colleagues without a provider): never counts.
    pub peer: bool,
    /// I count these hours toward Endorsement (true unless said otherwise).
    pub counts_toward_endorsement: bool,
}

impl Default for SessionDetails {
    fn default() -> Self {
        Self {
            provider_name: None,
            provider_credential: None,
            delivery: None,
            facilitator: None,
            group_size: None,
            presented: None,
            peer: false,
            counts_toward_endorsement: true,
        }
    }
}

impl SessionDetails {
    fn zeroize_text(&mut self) {
        self.provider_name.zeroize();
        self.provider_credential.zeroize();
        self.facilitator.zeroize();
    }

    /// Who provided the session, for "one main source": the provider's name, else the
    /// facilitator's, else "with whom"; compared without case or outer spaces.
    pub fn provider_or<'a>(&'a self, with_whom: &'a str) -> &'a str {
        self.provider_name
            .as_deref()
            .or(self.facilitator.as_deref())
            .unwrap_or(with_whom)
    }
}

/// A supervision session as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SupervisionSession {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub id: SessionId,
    pub date: NaiveDate,
    /// 1 to 600.
    pub minutes: u32,
    pub format: SessionFormat,
    /// A name or role the person chose ("my reflective supervisor", "Tuesday group").
    pub with_whom: String,
    pub role: SessionRole,
    /// Entries talked about. An entry deleted later stays named here by its id.
    #[cfg_attr(feature = "typescript", ts(type = "Array<string>"))]
    pub entries_discussed: Vec<EntryId>,
    pub notes: Option<String>,
    /// Provider, credential, group and delivery, and whether it counts.
    #[serde(default)]
    pub details: SessionDetails,
    pub created_at: DateTime<Utc>,
    /// 1 when made; up by one with each change.
    pub revision: u64,
}

impl Record for SupervisionSession {
    const TABLE: Table = Table::Sessions;
    const KIND: u8 = 1;

    /// The plaintext id and revision are authenticated by the envelope; the copies
    /// inside must agree.
    fn agrees_with(&self, row: &RecordRow) -> bool {
        self.id.0 == row.id && self.revision == row.revision
    }
}

impl Drop for SupervisionSession {
    fn drop(&mut self) {
        self.notes.zeroize();
        self.with_whom.zeroize();
        self.details.zeroize_text();
    }
}

/// A session to create (no id) or change (its id), as the person gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SessionInput {
    #[cfg_attr(feature = "typescript", ts(type = "string | null"))]
    #[serde(default)]
    pub id: Option<SessionId>,
    pub date: NaiveDate,
    pub minutes: u32,
    pub format: SessionFormat,
    pub with_whom: String,
    /// Receiving unless said otherwise.
    #[serde(default)]
    pub role: SessionRole,
    #[cfg_attr(feature = "typescript", ts(type = "Array<string>"))]
    #[serde(default)]
    pub entries_discussed: Vec<EntryId>,
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default)]
    pub details: SessionDetails,
}

/// Minutes in one month of the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct MonthMinutes {
    /// 1 (January) to 12.
    pub month: u32,
    pub received_minutes: u32,
    pub given_minutes: u32,
}

/// One year's RS/C hours: received (what endorsement counts), given, and progress
/// towards the person's target.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct HoursSummary {
    pub year: i32,
    /// The yearly target from the settings, if one is set.
    pub target_hours: Option<f32>,
    pub received_minutes: u32,
    pub given_minutes: u32,
    /// Sessions in the year, received and given.
    pub sessions: u32,
    /// Every month, January first (months without a session hold zeros).
    pub by_month: Vec<MonthMinutes>,
    /// Received hours over the target, 0 to 1 (1 once reached); none without a target.
    pub progress: Option<f32>,
}

/// The sessions of `year` (every year with none), newest first.
fn of_year(sessions: &[SupervisionSession], year: Option<i32>) -> Vec<&SupervisionSession> {
    let mut out: Vec<&SupervisionSession> = sessions
        .iter()
        .filter(|s| year.is_none_or(|y| s.date.year() == y))
        .collect();
    out.sort_by_key(|s| std::cmp::Reverse((s.date, s.created_at, s.id)));
    out
}

fn check_year(year: i32) -> Result<()> {
    if YEARS.contains(&year) {
        Ok(())
    } else {
        Err(Error::invalid("Give a year such as 2026."))
    }
}

/// The hours of `year` in `sessions`, against `target_hours` (received hours).
pub fn hours(
    sessions: &[SupervisionSession],
    year: i32,
    target_hours: Option<u32>,
) -> HoursSummary {
    let mut by_month: Vec<MonthMinutes> = (1..=12)
        .map(|month| MonthMinutes {
            month,
            received_minutes: 0,
            given_minutes: 0,
        })
        .collect();
    let mut count = 0u32;
    for s in sessions.iter().filter(|s| s.date.year() == year) {
        count = count.saturating_add(1);
        let month = &mut by_month[s.date.month0() as usize];
        let slot = match s.role {
            SessionRole::Receiving => &mut month.received_minutes,
            SessionRole::Giving => &mut month.given_minutes,
        };
        *slot = slot.saturating_add(s.minutes);
    }
    let received_minutes = by_month.iter().map(|m| m.received_minutes).sum::<u32>();
    let given_minutes = by_month.iter().map(|m| m.given_minutes).sum::<u32>();
    let target_hours = target_hours.filter(|t| *t > 0);
    HoursSummary {
        year,
        target_hours: target_hours.map(|t| t as f32),
        received_minutes,
        given_minutes,
        sessions: count,
        progress: target_hours
            .map(|t| (f64::from(received_minutes) / (f64::from(t) * 60.0)).min(1.0) as f32),
        by_month,
    }
}

/// The CSV header of the hours export.
pub const HOURS_CSV_HEADER: &str = "date,minutes,hours,format,with_whom,role";

/// A suggested file name for the hours export: the year, and no one's name.
pub fn hours_csv_file_name(year: i32) -> String {
    format!("attune-rsc-hours-{year}.csv")
}

/// The hours log of `year` as CSV (RFC 4180, CRLF line ends), oldest first: dates,
/// durations, formats, names and roles only, never notes or entries.
pub fn hours_csv(sessions: &[SupervisionSession], year: i32) -> String {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let rows = of_year(sessions, Some(year)).into_iter().rev().map(|s| {
        [
            s.date.to_string(),
            s.minutes.to_string(),
            hours_text(s.minutes),
            s.format.as_str().to_string(),
            s.with_whom.clone(),
            s.role.as_str().to_string(),
        ]
    });
    // Writing to memory cannot fail; an error would leave the rows out, not panic.
    let _ = out.write_record(HOURS_CSV_HEADER.split(','));
    for fields in rows {
        let _ = out.write_record(fields.iter().map(|f| defuse_formula(f).into_owned()));
    }
    out.into_inner()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

/// Minutes as hours with two decimals, e.g. `1.50`.
fn hours_text(minutes: u32) -> String {
    let mut text = String::new();
    let _ = write!(text, "{:.2}", f64::from(minutes) / 60.0);
    text
}

/// One CSV field: a field a spreadsheet would read as a formula gets a leading `'`;
/// one holding a comma, quote or line break is quoted, its quotes doubled.
/// A cell a spreadsheet would run as a formula gets a leading apostrophe, so a name
/// typed as `=HYPERLINK(...)` stays text.
pub fn defuse_formula(field: &str) -> std::borrow::Cow<'_, str> {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{field}"))
    } else {
        std::borrow::Cow::Borrowed(field)
    }
}

/// Check and tidy what was given for a session: "with whom" and notes trimmed, empty
/// notes dropped, repeated entries named once.
/// A short one-line name (provider, facilitator, credential): trimmed, empty dropped.
fn one_line(text: Option<&str>, what: &str) -> Result<Option<String>> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if text.chars().count() > MAX_PROVIDER_CHARS || text.chars().any(char::is_control) {
        return Err(Error::invalid(format!(
            "Write the {what} on one line, up to {MAX_PROVIDER_CHARS} characters."
        )));
    }
    Ok(Some(text.to_string()))
}

/// Check and tidy the Endorsement details: group parts only on a group session.
fn validate_details(format: SessionFormat, d: &SessionDetails) -> Result<SessionDetails> {
    let tidy = SessionDetails {
        provider_name: one_line(d.provider_name.as_deref(), "provider's name")?,
        provider_credential: one_line(d.provider_credential.as_deref(), "provider's credential")?,
        delivery: d.delivery,
        facilitator: one_line(d.facilitator.as_deref(), "facilitator's name")?,
        group_size: d.group_size,
        presented: d.presented,
        peer: d.peer,
        counts_toward_endorsement: d.counts_toward_endorsement,
    };
    if format == SessionFormat::Individual
        && (tidy.facilitator.is_some() || tidy.group_size.is_some() || tidy.presented.is_some())
    {
        return Err(Error::invalid(
            "Facilitator, group size and presenting are for group sessions; choose group, or leave them empty.",
        ));
    }
    if tidy
        .group_size
        .is_some_and(|n| !(2..=MAX_GROUP_SIZE).contains(&n))
    {
        return Err(Error::invalid(format!(
            "A group has 2 to {MAX_GROUP_SIZE} people, you included."
        )));
    }
    Ok(tidy)
}

fn validate(input: &SessionInput) -> Result<(String, Option<String>, Vec<EntryId>)> {
    if !(1..=MAX_MINUTES).contains(&input.minutes) {
        return Err(Error::invalid(format!(
            "A session lasts from 1 to {MAX_MINUTES} minutes."
        )));
    }
    if !YEARS.contains(&input.date.year()) {
        return Err(Error::invalid("That date is out of range."));
    }
    let with_whom = input.with_whom.trim();
    if with_whom.is_empty() || with_whom.chars().count() > MAX_WITH_WHOM_CHARS {
        return Err(Error::invalid(format!(
            "Say with whom in 1 to {MAX_WITH_WHOM_CHARS} characters: a name or a role, such as \"my supervisor\"."
        )));
    }
    if with_whom.chars().any(char::is_control) {
        return Err(Error::invalid("Write \"with whom\" on one line."));
    }
    let notes = input
        .notes
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    if notes.is_some_and(|n| n.chars().count() > MAX_SESSION_NOTES_CHARS) {
        return Err(Error::invalid(format!(
            "Session notes can be up to {MAX_SESSION_NOTES_CHARS} characters."
        )));
    }
    let mut seen = HashSet::new();
    let entries: Vec<EntryId> = input
        .entries_discussed
        .iter()
        .copied()
        .filter(|id| seen.insert(*id))
        .collect();
    if entries.len() > MAX_ENTRIES_DISCUSSED {
        return Err(Error::invalid(format!(
            "A session can name up to {MAX_ENTRIES_DISCUSSED} reflections."
        )));
    }
    Ok((with_whom.to_string(), notes.map(str::to_string), entries))
}

impl Journal {
    /// Decrypt every session into memory (at unlock); unreadable ones are reported.
    pub(super) fn load_sessions(&mut self) -> Result<()> {
        let loaded = records::load_all::<SupervisionSession>(&self.vault)?;
        self.damaged.extend(loaded.damaged);
        self.sessions = loaded.records.into_iter().map(|s| s.value).collect();
        Ok(())
    }

    /// Every readable session, in no particular order.
    pub fn sessions(&self) -> &[SupervisionSession] {
        &self.sessions
    }

    /// The sessions of `year` (every year with none), newest first.
    pub fn sessions_of(&self, year: Option<i32>) -> Result<Vec<SupervisionSession>> {
        if let Some(y) = year {
            check_year(y)?;
        }
        Ok(of_year(&self.sessions, year).into_iter().cloned().collect())
    }

    /// One session by id.
    pub fn session(&self, id: &SessionId) -> Result<&SupervisionSession> {
        self.sessions
            .iter()
            .find(|s| s.id == *id)
            .ok_or_else(|| Error::not_found("session"))
    }

    /// Create a session (no id) or change one (its id), durably. Entries named must be
    /// in the journal, except those the session already named (an entry deleted since
    /// stays named by its id).
    pub fn save_session(
        &mut self,
        mut input: SessionInput,
        now: DateTime<Utc>,
    ) -> Result<SupervisionSession> {
        let checked = self.check_session(&input);
        let details = validate_details(input.format, &input.details);
        // What was typed is copied (trimmed) into the session; wipe the original.
        input.notes.zeroize();
        input.with_whom.zeroize();
        input.details.zeroize_text();
        let (with_whom, notes, entries_discussed) = checked?;
        let details = details?;
        let (at, created_at, revision) = match input.id {
            None => (None, now, 1),
            Some(id) => {
                let at = self
                    .sessions
                    .iter()
                    .position(|s| s.id == id)
                    .ok_or_else(|| Error::not_found("session"))?;
                let old = &self.sessions[at];
                let revision = old
                    .revision
                    .checked_add(1)
                    .ok_or_else(|| Error::internal("revision overflow"))?;
                (Some(at), old.created_at, revision)
            }
        };
        let session = SupervisionSession {
            id: match input.id {
                Some(id) => id,
                None => SessionId(random_id()?),
            },
            date: input.date,
            minutes: input.minutes,
            format: input.format,
            with_whom,
            role: input.role,
            entries_discussed,
            notes,
            details,
            created_at,
            revision,
        };
        records::seal(&self.vault, session.id.0, session.revision, &session)?.put(&self.vault)?;
        match at {
            Some(at) => self.sessions[at] = session.clone(),
            None => self.sessions.push(session.clone()),
        }
        Ok(session)
    }

    fn check_session(
        &self,
        input: &SessionInput,
    ) -> Result<(String, Option<String>, Vec<EntryId>)> {
        let checked = validate(input)?;
        let named_before: &[EntryId] = match input.id {
            Some(id) => &self.session(&id)?.entries_discussed,
            None => &[],
        };
        if checked
            .2
            .iter()
            .any(|e| !named_before.contains(e) && self.get(e).is_err())
        {
            return Err(Error::invalid(
                "One of the reflections named is not in the journal.",
            ));
        }
        Ok(checked)
    }

    /// Delete a session for good; also removes a damaged session record by its id.
    pub fn delete_session(&mut self, id: &SessionId) -> Result<()> {
        let store = self.vault.store();
        if let Some(at) = self.sessions.iter().position(|s| s.id == *id) {
            store.delete_record(Table::Sessions, &id.0)?;
            self.sessions.remove(at);
            return Ok(());
        }
        let hex = id.to_hex();
        if self.damaged.iter().any(|d| d.id.as_deref() == Some(&hex))
            && store.delete_record(Table::Sessions, &id.0)?
        {
            self.damaged.retain(|d| d.id.as_deref() != Some(&hex));
            return Ok(());
        }
        Err(Error::not_found("session"))
    }

    /// Resolve a full session id or a unique prefix of at least 4 hex digits (as typed
    /// in a terminal). A damaged session can be named by its full id.
    pub fn resolve_session_id(&self, typed: &str) -> Result<SessionId> {
        let typed = typed.trim().to_ascii_lowercase();
        if let Some(id) = SessionId::from_hex(&typed) {
            return Ok(id);
        }
        if typed.len() < 4 || !typed.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(Error::invalid(
                "A session id is 32 hex digits; the first 4 or more are enough when they are unique.",
            ));
        }
        let mut found = self
            .sessions
            .iter()
            .filter(|s| s.id.to_hex().starts_with(&typed));
        match (found.next(), found.next()) {
            (Some(s), None) => Ok(s.id),
            (None, _) => Err(Error::not_found("session")),
            (Some(_), Some(_)) => Err(Error::invalid(
                "More than one session starts with that id; type a few more characters.",
            )),
        }
    }

    /// The RS/C hours of `year`, against the target in the settings.
    pub fn hours(&self, year: i32) -> Result<HoursSummary> {
        check_year(year)?;
        Ok(hours(
            &self.sessions,
            year,
            self.settings()?.rsc_hours_target,
        ))
    }

    /// The hours log of `year` as CSV: dates, durations and names, never content.
    pub fn hours_csv(&self, year: i32) -> Result<String> {
        check_year(year)?;
        Ok(hours_csv(&self.sessions, year))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One cell as the hours CSV writes it.
    fn csv_field(field: &str) -> String {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        w.write_record([defuse_formula(field).as_ref()]).unwrap();
        let line = String::from_utf8(w.into_inner().unwrap()).unwrap();
        line.strip_suffix("\r\n").unwrap().to_string()
    }

    #[test]
    fn csv_fields_are_quoted_only_when_they_need_it() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn csv_fields_a_spreadsheet_would_run_are_defused() {
        for start in ["=", "+", "-", "@", "\t"] {
            let field = format!("{start}SUM(A1)");
            assert_eq!(csv_field(&field), format!("'{field}"));
        }
        assert_eq!(csv_field("\rx"), "\"'\rx\"");
        assert_eq!(csv_field("=1,2"), "\"'=1,2\"");
        assert_eq!(csv_field("a=b"), "a=b");
    }

    #[test]
    fn hours_are_shown_with_two_decimals() {
        assert_eq!(hours_text(90), "1.50");
        assert_eq!(hours_text(20), "0.33");
        assert_eq!(hours_text(600), "10.00");
    }
}
