//! The document inside a packet (format 1). It is signed and encrypted as a whole
//! (see DESIGN.md, "Supervision exchange"); nothing here is trusted until the
//! signature has been checked against a key pinned in the journal, and it is parsed
//! strictly: unknown fields, unknown kinds and other format versions are refused.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

use crate::journal::{AnswerValue, EntryKind, SessionFormat, Setting};

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
    /// Supervisor to supervisee: reflective responses to shared entries (each at its
    /// latest revision: an edited one keeps its id with a higher revision), and the
    /// ones the supervisor withdrew since. `withdrawn` is left out when empty, so that
    /// Attune versions before it still read every packet without a withdrawal.
    Feedback {
        responses: Vec<FeedbackResponse>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        withdrawn: Vec<WithdrawnResponse>,
    },
    /// Supervisee to supervisor: every session confirmation asked of this supervisor
    /// and not answered yet (session facts only: never notes or reflections).
    ConfirmRequest { requests: Vec<ConfirmRequestItem> },
    /// Supervisor to supervisee: every answer given to this supervisee, each signed on
    /// its own (see [`crate::share::confirm`]) so the hours record can carry it.
    ConfirmAnswer { answers: Vec<ConfirmAnswerItem> },
}

/// A response the supervisor withdrew: its id and the revision the withdrawal is (one
/// above the last text sent), so an older revision never brings the text back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WithdrawnResponse {
    pub response_id: String,
    pub revision: u64,
}

/// The facts of one session a supervisor is asked to confirm: never notes, names or
/// reflections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SessionFacts {
    pub date: NaiveDate,
    /// 1 to 600.
    pub minutes: u32,
    pub format: SessionFormat,
}

/// One session confirmation asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfirmRequestItem {
    /// 32 lowercase hex digits, random per request; asking again (after an edit) makes
    /// a new one.
    pub request_id: String,
    /// The session's id in the supervisee's journal (32 lowercase hex digits).
    pub session_id: String,
    pub facts: SessionFacts,
    pub asked_at: DateTime<Utc>,
}

/// What the supervisor decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Confirmed,
    Declined,
}

/// A supervisor's answer to one request: the facts as asked, the decision (a decline
/// with its reason), and the supervisor's signature over all of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfirmAnswerItem {
    pub request_id: String,
    pub session_id: String,
    pub facts: SessionFacts,
    pub decision: Decision,
    /// Why it was declined (empty when confirmed).
    pub reason: String,
    pub answered_at: DateTime<Utc>,
    /// Ed25519 over the confirmation statement, 128 lowercase hex digits.
    pub signature: String,
}

impl Drop for ConfirmAnswerItem {
    fn drop(&mut self) {
        self.reason.zeroize();
    }
}

/// Requests or answers one confirmation packet may carry.
pub const MAX_PACKET_CONFIRMATIONS: usize = 2_000;
/// The longest reason for declining, in characters.
pub const MAX_DECLINE_REASON_CHARS: usize = 500;

impl SessionFacts {
    /// Within what a session record may hold.
    pub fn in_bounds(&self) -> bool {
        use chrono::Datelike;
        (1..=crate::journal::sessions::MAX_MINUTES).contains(&self.minutes)
            && (1900..=9999).contains(&self.date.year())
    }
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
/// scaffold (what I heard, what I wonder, what I'd like us to come back to; stored as
/// `stays`, its first wording). Any part may be empty,
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
    /// "What I noticed you doing well": optional, and left out of the packet when empty
    /// so that Attune versions before it still read every other response.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub noticed: String,
    pub wonder: String,
    pub stays: String,
}

// Shared reflections and responses are other people's words: wiped from memory when
// dropped, like the journal's own entries on lock.
impl Drop for SharedEntry {
    fn drop(&mut self) {
        self.family_code.zeroize();
        self.title.zeroize();
        self.pack_title.zeroize();
        self.body.zeroize();
        self.tags.zeroize();
    }
}

impl Drop for SharedAnswer {
    fn drop(&mut self) {
        self.prompt.zeroize();
        self.value.zeroize();
    }
}

impl Drop for FeedbackResponse {
    fn drop(&mut self) {
        self.heard.zeroize();
        self.noticed.zeroize();
        self.wonder.zeroize();
        self.stays.zeroize();
    }
}

/// Entries one share packet may carry, and responses one feedback packet may carry:
/// far above what a supervision relationship produces, far below what would flood a
/// journal (a packet once added 20,000 records).
pub const MAX_PACKET_ENTRIES: usize = 2_000;
pub const MAX_PACKET_RESPONSES: usize = 2_000;

/// Why a signed document's contents were refused (the packet code adds the wording).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfBounds;

impl PacketDocument {
    /// The sender's own rules, checked again on arrival: whatever another Attune would
    /// refuse to write is refused here, so a signed but hand-made document cannot put
    /// out-of-range ratings, oversized text or duplicate ids into this journal.
    pub fn check(&self) -> Result<(), OutOfBounds> {
        use crate::journal::entry::{
            validate_family_code, MAX_ANSWERS, MAX_BODY_CHARS, MAX_PLAN_STEP_CHARS,
            MAX_PROMPT_TEXT_CHARS, MAX_TAGS, MAX_TAG_CHARS, MAX_TITLE_CHARS,
        };
        let chars = |t: &str| t.chars().count();
        let fits = |ok: bool| if ok { Ok(()) } else { Err(OutOfBounds) };
        let hex_id = |id: &str| id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit());
        let lower_hex_id = |id: &str| crate::ids::from_lower_hex::<16>(id).is_some();
        fits(chars(&self.sender_name) <= 64 && !self.sender_name.chars().any(char::is_control))?;
        match &self.content {
            PacketContent::Share { entries, withdrawn } => {
                fits(entries.len() <= MAX_PACKET_ENTRIES && withdrawn.len() <= MAX_PACKET_ENTRIES)?;
                let mut ids = std::collections::HashSet::new();
                for id in entries.iter().map(|e| &e.entry_id).chain(withdrawn) {
                    fits(hex_id(id) && ids.insert(id.to_ascii_lowercase()))?;
                }
                for e in entries {
                    fits(
                        e.title
                            .as_deref()
                            .is_none_or(|t| chars(t) <= MAX_TITLE_CHARS),
                    )?;
                    fits(
                        e.pack_title
                            .as_deref()
                            .is_none_or(|t| chars(t) <= MAX_TITLE_CHARS),
                    )?;
                    if let Some(code) = &e.family_code {
                        validate_family_code(code).map_err(|_| OutOfBounds)?;
                    }
                    fits(chars(&e.body) <= MAX_BODY_CHARS)?;
                    fits(e.tags.len() <= MAX_TAGS)?;
                    let mut tags = std::collections::HashSet::new();
                    for tag in &e.tags {
                        fits(
                            !tag.trim().is_empty()
                                && chars(tag) <= MAX_TAG_CHARS
                                && !tag.contains(',')
                                && !tag.chars().any(char::is_control)
                                && tags.insert(tag.to_lowercase()),
                        )?;
                    }
                    fits(e.carrying.is_none_or(|c| c <= 10))?;
                    fits(e.answers.len() <= MAX_ANSWERS)?;
                    for a in &e.answers {
                        fits(chars(&a.prompt) <= MAX_PROMPT_TEXT_CHARS)?;
                        fits(match &a.value {
                            AnswerValue::Scale(v) => *v <= 10,
                            AnswerValue::Text(t) | AnswerValue::Choice(t) => {
                                chars(t) <= MAX_BODY_CHARS
                            }
                            AnswerValue::Plan { step, .. } => {
                                !step.trim().is_empty() && chars(step) <= MAX_PLAN_STEP_CHARS
                            }
                        })?;
                    }
                }
            }
            PacketContent::Feedback {
                responses,
                withdrawn,
            } => {
                use crate::share::exchange::MAX_RESPONSE_PART_CHARS;
                fits(responses.len() + withdrawn.len() <= MAX_PACKET_RESPONSES)?;
                // One id once: a response is either there (at one revision) or withdrawn.
                let mut ids = std::collections::HashSet::new();
                for r in responses {
                    fits(hex_id(&r.entry_id) && ids.insert(r.response_id.clone()))?;
                    fits(!r.response_id.is_empty() && r.response_id.len() <= 64)?;
                    let parts = [&r.heard, &r.noticed, &r.wonder, &r.stays];
                    fits(parts.iter().any(|p| !p.trim().is_empty()))?;
                    fits(parts.iter().all(|p| chars(p) <= MAX_RESPONSE_PART_CHARS))?;
                }
                for w in withdrawn {
                    fits(hex_id(&w.response_id) && ids.insert(w.response_id.clone()))?;
                    fits(w.revision >= 2)?;
                }
            }
            PacketContent::ConfirmRequest { requests } => {
                fits(requests.len() <= MAX_PACKET_CONFIRMATIONS)?;
                let mut ids = std::collections::HashSet::new();
                let mut sessions = std::collections::HashSet::new();
                for r in requests {
                    fits(lower_hex_id(&r.request_id) && lower_hex_id(&r.session_id))?;
                    fits(ids.insert(&r.request_id) && sessions.insert(&r.session_id))?;
                    fits(r.facts.in_bounds())?;
                }
            }
            PacketContent::ConfirmAnswer { answers } => {
                fits(answers.len() <= MAX_PACKET_CONFIRMATIONS)?;
                let mut ids = std::collections::HashSet::new();
                for a in answers {
                    fits(lower_hex_id(&a.request_id) && lower_hex_id(&a.session_id))?;
                    fits(ids.insert(&a.request_id))?;
                    fits(a.facts.in_bounds())?;
                    fits(
                        a.signature.len() == 128
                            && crate::ids::from_lower_hex::<64>(&a.signature).is_some(),
                    )?;
                    let reason = a.reason.trim();
                    fits(match a.decision {
                        Decision::Confirmed => reason.is_empty(),
                        Decision::Declined => {
                            !reason.is_empty() && chars(&a.reason) <= MAX_DECLINE_REASON_CHARS
                        }
                    })?;
                }
            }
        }
        Ok(())
    }
}
