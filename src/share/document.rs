//! The document inside a packet (format 1). It is signed and encrypted as a whole
//! (see DESIGN.md, "Supervision exchange"); nothing here is trusted until the
//! signature has been checked against a key pinned in the journal, and it is parsed
//! strictly: unknown fields, unknown kinds and other format versions are refused.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::journal::{AnswerValue, EntryKind, Setting};

/// The document format this version writes and reads.
pub const PACKET_FORMAT: u32 = 1;

/// The public keys that name one party: Ed25519 signing key (64 lowercase hex digits)
/// and age X25519 recipient (`age1…`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyKeys {
    pub signing_key: String,
    pub age_recipient: String,
}

/// One packet's document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PacketDocument {
    pub format: u32,
    /// 32 lowercase hex digits, random per packet.
    pub packet_id: String,
    /// max(last + 1, Unix time in ms), per pinned sender key.
    pub sequence: u64,
    pub created_at: DateTime<Utc>,
    pub sender: PartyKeys,
    /// The sender's display name as on their contact card (informational only).
    pub sender_name: String,
    pub recipient: PartyKeys,
    pub content: PacketContent,
}

/// What a packet carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum PacketContent {
    /// Supervisee to supervisor: the full current set of entries shared with this
    /// supervisor, plus the ids of entries withdrawn since (tombstones).
    Share {
        entries: Vec<SharedEntry>,
        withdrawn: Vec<String>,
    },
    /// Supervisor to supervisee: reflective responses to shared entries.
    Feedback { responses: Vec<FeedbackResponse> },
}

/// An entry as shared: the supervisee's words, read-only on the other side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SharedEntry {
    /// The entry's id in the supervisee's journal (32 hex digits).
    pub entry_id: String,
    pub revision: u64,
    pub encounter_date: NaiveDate,
    pub kind: EntryKind,
    pub setting: Option<Setting>,
    pub family_code: Option<String>,
    pub title: Option<String>,
    /// The title of the prompt pack it was written with, if any.
    pub pack_title: Option<String>,
    pub answers: Vec<SharedAnswer>,
    pub body: String,
    pub tags: Vec<String>,
    pub carrying: Option<u8>,
}

/// A guided answer with the prompt text it answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SharedAnswer {
    pub prompt: String,
    pub value: AnswerValue,
}

/// A supervisor's reflective response to one shared entry, in the non-evaluative
/// scaffold (what I heard, what I wonder, what stays with me). Any part may be empty,
/// not all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedbackResponse {
    /// 32 hex digits, random per response; a later revision keeps the id.
    pub response_id: String,
    /// The supervisee's entry id it answers.
    pub entry_id: String,
    pub revision: u64,
    pub written_at: DateTime<Utc>,
    pub heard: String,
    pub wonder: String,
    pub stays: String,
}
