//! The supervisor's side of preparing a session: a private planning note per
//! supervisee (one encrypted record in [`Table::PlanningNotes`], filed under the
//! contact's id, never sent anywhere), shown beside the agenda the inbox already builds
//! from the shared reflections marked for the next session.

use std::ops::{Deref, DerefMut};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

use super::exchange::InboxItem;
use super::Exchange;
use crate::ids::ContactId;
use crate::journal::Journal;
use crate::records::{self, Record};
use crate::store::Table;
use crate::{Error, Result};

/// The longest planning note, in characters.
pub const MAX_PLANNING_NOTE_CHARS: usize = 5000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PlanningNoteStored {
    pub text: String,
    pub updated_at: DateTime<Utc>,
}

impl Record for PlanningNoteStored {
    const TABLE: Table = Table::PlanningNotes;
    const KIND: u8 = 1;
}

impl Drop for PlanningNoteStored {
    fn drop(&mut self) {
        self.text.zeroize();
    }
}

/// What I plan for the next session with one supervisee: my note and their reflections
/// on the agenda.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SessionPlan {
    pub contact_id: String,
    pub contact_name: String,
    /// My private note (empty when none yet).
    pub note: String,
    pub note_updated_at: Option<DateTime<Utc>>,
    /// Shared reflections marked for the next session.
    pub agenda: Vec<InboxItem>,
}

impl<J: Deref<Target = Journal>> Exchange<J> {
    /// My planning note and the agenda for the next session with this supervisee.
    pub fn session_plan(&self, contact: &ContactId) -> Result<SessionPlan> {
        let c = self.stored_contact(contact)?;
        if !c.value.my_relation.supervised_by_me() {
            return Err(Error::invalid(format!(
                "{} is added as your supervisor; planning notes are for supervisees.",
                c.value.name
            )));
        }
        let stored = records::load_one::<PlanningNoteStored>(self.vault(), &contact.0)?;
        Ok(SessionPlan {
            contact_id: contact.to_hex(),
            contact_name: c.value.name.clone(),
            note: stored
                .as_ref()
                .map(|s| s.value.text.clone())
                .unwrap_or_default(),
            note_updated_at: stored.as_ref().map(|s| s.value.updated_at),
            agenda: self.agenda(contact)?,
        })
    }
}

impl<J: DerefMut<Target = Journal>> Exchange<J> {
    /// Keep (or, with empty text, clear) my planning note for this supervisee.
    pub fn set_planning_note(&mut self, contact: &ContactId, text: &str) -> Result<SessionPlan> {
        let plan = self.session_plan(contact)?;
        let text = text.trim();
        if text.chars().count() > MAX_PLANNING_NOTE_CHARS {
            return Err(Error::invalid(format!(
                "A planning note can be up to {MAX_PLANNING_NOTE_CHARS} characters."
            )));
        }
        if text.is_empty() {
            if plan.note_updated_at.is_some() {
                self.vault()
                    .store()
                    .delete_record(Table::PlanningNotes, &contact.0)?;
            }
        } else {
            let previous = records::load_one::<PlanningNoteStored>(self.vault(), &contact.0)?
                .map(|s| s.revision);
            let note = PlanningNoteStored {
                text: text.to_string(),
                updated_at: Utc::now(),
            };
            let sealed = records::seal_next(self.vault(), contact.0, previous, &note)?;
            self.commit(&[sealed])?;
        }
        self.session_plan(contact)
    }
}
