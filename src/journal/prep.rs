//! The supervision loop on the supervisee's side: a prep sheet before a session (what I
//! want to bring, the reflections I chose, reactions or judgements I noticed, what I
//! hope to take away) and, after it, a short takeaway (what I am taking away, the next
//! step) linked to the session record by its id.
//!
//! Each sheet is one encrypted record in [`Table::Preps`], its takeaway inside it, so a
//! sheet and what came of it stay together. Which reflections a new sheet gathers
//! (flagged ones, and shared ones with responses) is decided in the api layer, which
//! sees the exchange too; here a sheet names entries by id, like a session does.

use std::collections::HashSet;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

use super::{EntryId, Journal, SessionId};
use crate::crypto::random_id;
pub use crate::ids::PrepId;
use crate::records::{self, Record};
use crate::store::{RecordRow, Table};
use crate::{Error, Result};

/// The longest part of a prep sheet, in characters.
pub const MAX_PREP_PART_CHARS: usize = 4000;
/// The longest part of a takeaway, in characters.
pub const MAX_TAKEAWAY_PART_CHARS: usize = 2000;
/// The most reflections one sheet can gather.
pub const MAX_PREP_REFLECTIONS: usize = 100;

/// What I am taking away from a session, and the next step: linked to the session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Takeaway {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub session_id: SessionId,
    pub taking_away: String,
    pub next_step: String,
    pub written_at: DateTime<Utc>,
}

/// A prep sheet as stored, with its takeaway once written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct PrepSheet {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub id: PrepId,
    /// The day of the session it prepares for, when known.
    pub session_date: Option<NaiveDate>,
    /// What I want to bring.
    pub bring: String,
    /// The reflections I chose to bring (an entry deleted later stays named by its id).
    #[cfg_attr(feature = "typescript", ts(type = "Array<string>"))]
    pub reflections: Vec<EntryId>,
    /// Reactions or judgements I noticed in myself.
    pub reactions: String,
    /// What I hope to take away.
    pub hope: String,
    pub takeaway: Option<Takeaway>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// 1 when made; up by one with each change.
    pub revision: u64,
}

impl Record for PrepSheet {
    const TABLE: Table = Table::Preps;
    const KIND: u8 = 1;

    fn agrees_with(&self, row: &RecordRow) -> bool {
        self.id.0 == row.id && self.revision == row.revision
    }
}

impl Drop for Takeaway {
    fn drop(&mut self) {
        self.taking_away.zeroize();
        self.next_step.zeroize();
    }
}

impl Drop for PrepSheet {
    fn drop(&mut self) {
        self.bring.zeroize();
        self.reactions.zeroize();
        self.hope.zeroize();
    }
}

/// A prep sheet to create (no id) or change (its id).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct PrepInput {
    #[cfg_attr(feature = "typescript", ts(type = "string | null"))]
    #[serde(default)]
    pub id: Option<PrepId>,
    #[serde(default)]
    pub session_date: Option<NaiveDate>,
    #[serde(default)]
    pub bring: String,
    #[serde(default)]
    pub reactions: String,
    #[serde(default)]
    pub hope: String,
    /// The reflections to bring. On a new sheet, none given means "gather them": the
    /// flagged reflections and the shared ones with responses.
    #[cfg_attr(feature = "typescript", ts(type = "Array<string> | null"))]
    #[serde(default)]
    pub reflections: Option<Vec<EntryId>>,
}

/// A takeaway for a session: onto the sheet named, else the sheet already linked to the
/// session, else the newest open sheet for that day (or for no day), else a new sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct TakeawayInput {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub session_id: SessionId,
    #[cfg_attr(feature = "typescript", ts(type = "string | null"))]
    #[serde(default)]
    pub prep_id: Option<PrepId>,
    #[serde(default)]
    pub taking_away: String,
    #[serde(default)]
    pub next_step: String,
}

fn check_part(text: &str, max: usize, what: &str) -> Result<String> {
    let text = text.trim();
    if text.chars().count() > max {
        return Err(Error::invalid(format!(
            "{what} can be up to {max} characters."
        )));
    }
    Ok(text.to_string())
}

fn distinct(ids: &[EntryId]) -> Vec<EntryId> {
    let mut seen = HashSet::new();
    ids.iter().copied().filter(|id| seen.insert(*id)).collect()
}

impl Journal {
    /// Every readable prep sheet, newest first (damaged ones are left to `verify`).
    pub fn prep_sheets(&self) -> Result<Vec<PrepSheet>> {
        let mut sheets: Vec<PrepSheet> = records::load_all::<PrepSheet>(self.vault())?
            .records
            .into_iter()
            .map(|s| s.value)
            .collect();
        sheets.sort_by_key(|s| std::cmp::Reverse((s.session_date, s.created_at, s.id)));
        Ok(sheets)
    }

    /// One prep sheet by id.
    pub fn prep_sheet(&self, id: &PrepId) -> Result<PrepSheet> {
        records::load_one::<PrepSheet>(self.vault(), &id.0)?
            .map(|s| s.value)
            .ok_or_else(|| Error::not_found("prep sheet"))
    }

    /// The sheet whose takeaway is linked to this session, if any.
    pub fn takeaway_of(&self, session: &SessionId) -> Result<Option<PrepSheet>> {
        Ok(self.prep_sheets()?.into_iter().find(|s| {
            s.takeaway
                .as_ref()
                .is_some_and(|t| t.session_id == *session)
        }))
    }

    /// Create a sheet (no id) or change one (its id), durably. `reflections` is the
    /// list to keep (the api layer gathers it for a new sheet); entries named must be in
    /// the journal, except those the sheet already named.
    pub fn save_prep(
        &mut self,
        input: &PrepInput,
        reflections: &[EntryId],
        now: DateTime<Utc>,
    ) -> Result<PrepSheet> {
        let bring = check_part(&input.bring, MAX_PREP_PART_CHARS, "What you want to bring")?;
        let reactions = check_part(
            &input.reactions,
            MAX_PREP_PART_CHARS,
            "Reactions and judgements",
        )?;
        let hope = check_part(
            &input.hope,
            MAX_PREP_PART_CHARS,
            "What you hope to take away",
        )?;
        if input
            .session_date
            .is_some_and(|d| !(1900..=9999).contains(&d.year()))
        {
            return Err(Error::invalid("That date is out of range."));
        }
        let reflections = distinct(reflections);
        if reflections.len() > MAX_PREP_REFLECTIONS {
            return Err(Error::invalid(format!(
                "A prep sheet can gather up to {MAX_PREP_REFLECTIONS} reflections."
            )));
        }
        let old = match input.id {
            Some(id) => Some(
                records::load_one::<PrepSheet>(self.vault(), &id.0)?
                    .ok_or_else(|| Error::not_found("prep sheet"))?,
            ),
            None => None,
        };
        let named_before: &[EntryId] = old.as_ref().map_or(&[], |o| &o.value.reflections);
        if reflections
            .iter()
            .any(|e| !named_before.contains(e) && self.get(e).is_err())
        {
            return Err(Error::invalid(
                "One of the reflections named is not in the journal.",
            ));
        }
        if bring.is_empty() && reactions.is_empty() && hope.is_empty() && reflections.is_empty() {
            return Err(Error::invalid(
                "Write something to bring, or choose a reflection, before saving the prep sheet.",
            ));
        }
        let sheet = PrepSheet {
            id: match input.id {
                Some(id) => id,
                None => PrepId(random_id()?),
            },
            session_date: input.session_date,
            bring,
            reflections,
            reactions,
            hope,
            takeaway: old.as_ref().and_then(|o| o.value.takeaway.clone()),
            created_at: old.as_ref().map_or(now, |o| o.value.created_at),
            updated_at: now,
            revision: 0,
        };
        self.put_prep(sheet, old.map(|o| o.revision))
    }

    /// Seal the sheet as the revision after `previous` and write it, durably.
    fn put_prep(&mut self, mut sheet: PrepSheet, previous: Option<u64>) -> Result<PrepSheet> {
        sheet.revision = match previous {
            Some(r) => r
                .checked_add(1)
                .ok_or_else(|| Error::internal("revision overflow"))?,
            None => 1,
        };
        records::seal(self.vault(), sheet.id.0, sheet.revision, &sheet)?.put(self.vault())?;
        Ok(sheet)
    }

    /// Write the takeaway of a session (see [`TakeawayInput`] for which sheet holds it).
    pub fn save_takeaway(
        &mut self,
        input: &TakeawayInput,
        now: DateTime<Utc>,
    ) -> Result<PrepSheet> {
        let session_date = self.session(&input.session_id)?.date;
        let taking_away = check_part(
            &input.taking_away,
            MAX_TAKEAWAY_PART_CHARS,
            "What you are taking away",
        )?;
        let next_step = check_part(&input.next_step, MAX_TAKEAWAY_PART_CHARS, "The next step")?;
        if taking_away.is_empty() && next_step.is_empty() {
            return Err(Error::invalid(
                "Write what you are taking away or a next step.",
            ));
        }
        let stored = records::load_all::<PrepSheet>(self.vault())?.records;
        let linked = stored.iter().find(|s| {
            s.value
                .takeaway
                .as_ref()
                .is_some_and(|t| t.session_id == input.session_id)
        });
        let chosen = match (input.prep_id, linked) {
            (Some(id), Some(l)) if l.value.id != id => {
                return Err(Error::invalid(
                    "This session's takeaway is already on another prep sheet.",
                ))
            }
            (Some(id), _) => Some(
                stored
                    .iter()
                    .find(|s| s.value.id == id)
                    .ok_or_else(|| Error::not_found("prep sheet"))?,
            ),
            (None, Some(l)) => Some(l),
            (None, None) => stored
                .iter()
                .filter(|s| {
                    s.value.takeaway.is_none()
                        && s.value.session_date.is_none_or(|d| d == session_date)
                })
                .max_by_key(|s| (s.value.session_date, s.value.created_at)),
        };
        if let Some(c) = chosen {
            if c.value
                .takeaway
                .as_ref()
                .is_some_and(|t| t.session_id != input.session_id)
            {
                return Err(Error::invalid(
                    "That prep sheet already holds the takeaway of another session.",
                ));
            }
        }
        let takeaway = Takeaway {
            session_id: input.session_id,
            taking_away,
            next_step,
            written_at: now,
        };
        let (sheet, previous) = match chosen {
            Some(c) => {
                let mut sheet = c.value.clone();
                sheet.session_date = Some(session_date);
                sheet.takeaway = Some(takeaway);
                sheet.updated_at = now;
                (sheet, Some(c.revision))
            }
            None => (
                PrepSheet {
                    id: PrepId(random_id()?),
                    session_date: Some(session_date),
                    bring: String::new(),
                    reflections: Vec::new(),
                    reactions: String::new(),
                    hope: String::new(),
                    takeaway: Some(takeaway),
                    created_at: now,
                    updated_at: now,
                    revision: 0,
                },
                None,
            ),
        };
        self.put_prep(sheet, previous)
    }

    /// Delete a prep sheet (and its takeaway) for good.
    pub fn delete_prep(&mut self, id: &PrepId) -> Result<()> {
        if self.vault().store().delete_record(Table::Preps, &id.0)? {
            Ok(())
        } else {
            Err(Error::not_found("prep sheet"))
        }
    }

    /// Resolve a full prep sheet id or a unique prefix of at least 4 hex digits.
    pub fn resolve_prep_id(&self, typed: &str) -> Result<PrepId> {
        let typed = typed.trim().to_ascii_lowercase();
        if let Some(id) = PrepId::from_hex(&typed) {
            return Ok(id);
        }
        if typed.len() < 4 || !typed.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(Error::invalid(
                "A prep sheet id is 32 hex digits; the first 4 or more are enough when they are unique.",
            ));
        }
        let sheets = self.prep_sheets()?;
        let mut found = sheets.iter().filter(|s| s.id.to_hex().starts_with(&typed));
        match (found.next(), found.next()) {
            (Some(s), None) => Ok(s.id),
            (None, _) => Err(Error::not_found("prep sheet")),
            (Some(_), Some(_)) => Err(Error::invalid(
                "More than one prep sheet starts with that id; type a few more characters.",
            )),
        }
    }
}
