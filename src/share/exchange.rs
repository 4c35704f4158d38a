//! Sharing, importing and answering: the journal side of the exchange.
//!
//! A supervisee shares entries with a confirmed supervisor ([`Table::Shares`] keeps
//! the set per contact, with when each entry was shared and sent, and the withdrawn
//! ones); every share packet carries the full current set plus tombstones. A supervisor
//! imports it into an inbox per supervisee ([`Table::Inbox`]), writes reflective
//! responses and sends them back as a feedback packet; both sides keep responses in
//! [`Table::Feedback`]. Import checks everything before it writes anything, and then
//! writes in one transaction, so a refused packet leaves the journal exactly as it was.

use std::collections::HashSet;
use std::ops::{Deref, DerefMut};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::contacts::{not_found, StoredContact};
use super::document::{
    FeedbackResponse, PacketContent, PacketDocument, SharedAnswer, SharedEntry, WithdrawnResponse,
    PACKET_FORMAT,
};
use super::identity::Me;
use super::packet::{
    next_sequence, open_packet, parse_signing_key_hex, seal_packet, MAX_PACKET_BYTES,
};
use super::Exchange;
use crate::crypto::{random_id, sha256, SigningPublicKey};
use crate::deid::Finding;
use crate::ids::{from_lower_hex, to_hex, ContactId};
use crate::journal::{Entry, EntryId, Journal};
use crate::prompts::PackRequest;
use crate::records::{self, Record, Sealed, Stored};
use crate::store::Table;
use crate::{Error, Result};

/// What withdrawing means, said plainly wherever it is offered.
pub const WITHDRAW_NOTE: &str = "Withdrawing asks your supervisor's Attune to remove it; a copy someone already made cannot be recalled.";
/// Longest part of a reflective response, in characters.
pub const MAX_RESPONSE_PART_CHARS: usize = 4000;

// ---- stored records -------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredMark {
    entry_id: EntryId,
    at: DateTime<Utc>,
    last_sent_at: Option<DateTime<Utc>>,
}

/// What I share with one supervisor (filed under their contact id).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ShareSet {
    shared: Vec<StoredMark>,
    withdrawn: Vec<StoredMark>,
    last_packet_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct InboxStored {
    entry: SharedEntry,
    received_at: DateTime<Utc>,
    on_agenda: bool,
}

/// What one supervisee shares with me (filed under their contact id).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct InboxSet {
    items: Vec<InboxStored>,
    withdrawn: Vec<String>,
    updated_at: Option<DateTime<Utc>>,
    /// Kept after their contact was removed ("keep what they sent"): their name then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    removed_contact_name: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Direction {
    /// I wrote it, as a supervisor.
    Written,
    /// My supervisor wrote it and I imported it.
    Received,
}

/// One reflective response, written or received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FeedbackStored {
    contact_id: ContactId,
    direction: Direction,
    response: FeedbackResponse,
    sent_at: Option<DateTime<Utc>>,
    received_at: Option<DateTime<Utc>>,
    /// For received responses: does the entry it answers exist in this journal?
    entry_known: bool,
    /// The supervisor withdrew it (its words are gone from this record); absent in
    /// records from before withdrawal existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    withdrawn_at: Option<DateTime<Utc>>,
    /// Kept after its writer was removed as a contact ("keep what they sent"): their
    /// name then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    removed_contact_name: Option<String>,
}

impl Record for ShareSet {
    const TABLE: Table = Table::Shares;
    const KIND: u8 = 1;
}

impl Record for InboxSet {
    const TABLE: Table = Table::Inbox;
    const KIND: u8 = 1;
}

impl Record for FeedbackStored {
    const TABLE: Table = Table::Feedback;
    const KIND: u8 = 1;
}

// ---- what crosses to front ends ---------------------------------------------------

/// One entry in a share set, and when it was shared (or withdrawn) and last sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ShareMark {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub entry_id: EntryId,
    pub at: DateTime<Utc>,
    pub last_sent_at: Option<DateTime<Utc>>,
}

/// What I share with one supervisor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ShareStatus {
    pub contact_id: String,
    pub contact_name: String,
    pub shared: Vec<ShareMark>,
    pub withdrawn: Vec<ShareMark>,
    pub last_packet_at: Option<DateTime<Utc>>,
}

/// One entry exactly as it would leave the device, and what in it looks identifying.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SharePreviewEntry {
    pub entry: SharedEntry,
    pub findings: Vec<Finding>,
}

/// Exactly what the next share packet to one supervisor would carry.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SharePreview {
    pub contact_id: String,
    pub contact_name: String,
    pub entries: Vec<SharePreviewEntry>,
    /// Entry ids the packet asks the supervisor's Attune to remove.
    pub withdrawn: Vec<String>,
    /// Identifying-looking passages across all entries.
    pub identifying: usize,
    /// Words on the journal-wide allow-list that would otherwise be flagged in what
    /// leaves, sorted, each once.
    pub silenced: Vec<String>,
}

/// Which way a packet goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum PacketKind {
    Share,
    Feedback,
    /// A supervisee asks their supervisor to confirm sessions.
    ConfirmRequest,
    /// A supervisor's signed answers to confirmation requests.
    ConfirmAnswer,
}

/// What importing a packet did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ImportOutcome {
    pub kind: PacketKind,
    pub contact_id: String,
    pub contact_name: String,
    /// The same packet was imported before; nothing changed.
    pub already_imported: bool,
    /// Share: entries now in this supervisee's inbox.
    pub entries: usize,
    /// Share: entries withdrawn by the supervisee.
    pub withdrawn: usize,
    /// Feedback: responses received.
    pub responses: usize,
    /// Feedback: responses to entries this journal does not have (kept, flagged).
    pub unknown_entries: usize,
    /// Confirmation request: sessions waiting for my answer (new or asked again).
    pub requests: usize,
    /// Confirmation answer: sessions now confirmed or declined.
    pub answers: usize,
}

/// A supervisee's shared entry in my inbox: their words, read-only.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct InboxItem {
    pub contact_id: String,
    pub entry: SharedEntry,
    pub received_at: DateTime<Utc>,
    pub on_agenda: bool,
    /// How many responses I have written to it.
    pub responses: usize,
}

/// One supervisee's inbox.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct InboxGroup {
    pub contact_id: String,
    pub contact_name: String,
    pub items: Vec<InboxItem>,
    pub updated_at: Option<DateTime<Utc>>,
    /// Kept from someone since removed as a contact: read-only, no responses.
    pub removed_contact: bool,
}

/// Mark a shared entry for (or off) the next session's agenda.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct AgendaMark {
    pub contact_id: String,
    pub entry_id: String,
    pub on_agenda: bool,
}

/// One reflective response: the supervisor's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct FeedbackThread {
    pub response_id: String,
    pub contact_id: String,
    /// Who wrote it: the supervisor's name as pinned (or mine, for ones I wrote).
    pub supervisor_name: String,
    /// I wrote it (supervisor side).
    pub mine: bool,
    pub entry_id: String,
    /// False when the entry it answers is not in this journal (kept, flagged).
    pub entry_known: bool,
    pub written_at: DateTime<Utc>,
    pub heard: String,
    /// What the supervisor noticed the supervisee doing well (may be empty).
    pub noticed: String,
    pub wonder: String,
    pub stays: String,
    pub sent_at: Option<DateTime<Utc>>,
    /// Edited after it was first written (its revision is above 1).
    pub edited: bool,
    /// Withdrawn by the supervisor: the parts are empty, and the views say so.
    pub withdrawn: bool,
    /// From someone since removed as a contact (kept when they were removed).
    pub from_removed_contact: bool,
}

/// The parts of a reflective response as written; any may be empty, not all.
#[derive(Debug, Clone, Copy, Default)]
pub struct ResponseParts<'a> {
    pub heard: &'a str,
    pub noticed: &'a str,
    pub wonder: &'a str,
    pub stays: &'a str,
}

// ---- helpers ----------------------------------------------------------------------

/// An import refused: the same code as the packet layer's refusals, and a message that
/// never quotes the packet or names anyone.
pub(crate) fn refused(message: &str) -> Error {
    Error::new(crate::ErrorCode::PacketRefused, message)
}

pub(crate) fn now_ms(now: DateTime<Utc>) -> u64 {
    u64::try_from(now.timestamp_millis()).unwrap_or(0)
}

/// An entry or response id as a packet carries it: 32 lowercase hex digits.
fn valid_entry_id(id: &str) -> bool {
    from_lower_hex::<16>(id).is_some()
}

fn check_response_parts(parts: [&str; 4]) -> Result<()> {
    if parts.iter().all(|p| p.trim().is_empty()) {
        return Err(Error::invalid(
            "Write at least one part: what you heard, what you noticed, what you wonder, or what you would like to come back to.",
        ));
    }
    if parts
        .iter()
        .any(|p| p.chars().count() > MAX_RESPONSE_PART_CHARS)
    {
        return Err(Error::invalid(format!(
            "Each part of a response can be up to {MAX_RESPONSE_PART_CHARS} characters."
        )));
    }
    Ok(())
}

fn received_record_id(contact_id: &ContactId, response_id: &str) -> [u8; 16] {
    let mut input = b"attune/feedback/v1\0".to_vec();
    input.extend_from_slice(&contact_id.0);
    input.extend_from_slice(response_id.as_bytes());
    let digest = sha256(&input);
    let mut id = [0u8; 16];
    id.copy_from_slice(&digest[..16]);
    id
}

fn marks(list: &[StoredMark]) -> Vec<ShareMark> {
    list.iter()
        .map(|m| ShareMark {
            entry_id: m.entry_id,
            at: m.at,
            last_sent_at: m.last_sent_at,
        })
        .collect()
}

impl<J: Deref<Target = Journal>> Exchange<J> {
    fn share_set(&self, contact: &ContactId) -> Result<Option<Stored<ShareSet>>> {
        records::load_one(self.vault(), &contact.0)
    }

    fn inbox_set(&self, contact: &ContactId) -> Result<Option<Stored<InboxSet>>> {
        records::load_one(self.vault(), &contact.0)
    }

    fn feedback_records(&self) -> Result<Vec<Stored<FeedbackStored>>> {
        Ok(records::load_all(self.vault())?.records)
    }

    pub(crate) fn my_supervisor(&self, id: &ContactId) -> Result<Stored<StoredContact>> {
        let c = self.usable_contact(id)?;
        if !c.value.my_relation.supervises_me() {
            return Err(Error::invalid(format!(
                "{} is added as your supervisee; reflections are shared with supervisors.",
                c.value.name
            )));
        }
        Ok(c)
    }

    pub(crate) fn my_supervisee(&self, id: &ContactId) -> Result<Stored<StoredContact>> {
        let c = self.usable_contact(id)?;
        if !c.value.my_relation.supervised_by_me() {
            return Err(Error::invalid(format!(
                "{} is added as your supervisor; responses go to supervisees.",
                c.value.name
            )));
        }
        Ok(c)
    }

    /// An entry as it would be shared: its words and the prompts they answer.
    fn to_shared(&self, e: &Entry) -> Result<SharedEntry> {
        let registry = self.journal.pack_registry()?;
        let pack_title = e.prompt_pack.as_ref().and_then(|p| {
            registry
                .get(&PackRequest {
                    id: p.id.clone(),
                    version: Some(p.version),
                })
                .ok()
                .map(|pack| pack.title.clone())
        });
        Ok(SharedEntry {
            entry_id: e.id.to_hex(),
            revision: e.revision,
            encounter_date: e.encounter_date,
            kind: e.kind,
            setting: e.setting,
            family_code: e.family_code.clone(),
            title: e.title.clone(),
            pack_title,
            answers: e
                .answers
                .iter()
                .map(|a| SharedAnswer {
                    prompt: if a.prompt.is_empty() {
                        a.prompt_id.clone()
                    } else {
                        a.prompt.clone()
                    },
                    value: a.value.clone(),
                })
                .collect(),
            body: e.body.clone(),
            tags: e.tags.clone(),
            carrying: e.carrying,
        })
    }

    fn live_entry(&self, id: &EntryId) -> Result<Entry> {
        let e = self.journal.get(id)?;
        if e.deleted_at.is_some() {
            return Err(Error::invalid(
                "A reflection in the trash cannot be shared. Restore it first.",
            ));
        }
        Ok(e)
    }

    /// The share set with `adding` added (nothing stored), and the entries it holds.
    fn planned_set(
        &self,
        contact: &ContactId,
        adding: &[EntryId],
        now: DateTime<Utc>,
    ) -> Result<(Option<u64>, ShareSet)> {
        for id in adding {
            self.live_entry(id)?;
        }
        let stored = self.share_set(contact)?;
        let previous = stored.as_ref().map(|s| s.revision);
        let mut set = stored.map(|s| s.value).unwrap_or_default();
        for id in adding {
            if !set.shared.iter().any(|m| m.entry_id == *id) {
                set.shared.push(StoredMark {
                    entry_id: *id,
                    at: now,
                    last_sent_at: None,
                });
            }
            set.withdrawn.retain(|m| m.entry_id != *id);
        }
        // An entry trashed or deleted since it was shared goes out as withdrawn.
        let gone: Vec<StoredMark> = set
            .shared
            .iter()
            .filter(|m| {
                self.journal
                    .get(&m.entry_id)
                    .map_or(true, |e| e.deleted_at.is_some())
            })
            .cloned()
            .collect();
        for mut m in gone {
            set.shared.retain(|s| s.entry_id != m.entry_id);
            m.at = now;
            m.last_sent_at = None;
            set.withdrawn.push(m);
        }
        Ok((previous, set))
    }

    /// Exactly what the next packet to this supervisor would carry if `adding` were
    /// shared too, with what looks identifying in each entry. Changes nothing.
    pub fn preview_share(&self, contact: &ContactId, adding: &[EntryId]) -> Result<SharePreview> {
        let c = self.my_supervisor(contact)?;
        let (_, set) = self.planned_set(contact, adding, Utc::now())?;
        let allow = self.journal.settings()?.allow_list();
        let mut entries = Vec::with_capacity(set.shared.len());
        let mut identifying = 0;
        let leaving = self
            .journal
            .entries_by_id(set.shared.iter().map(|m| &m.entry_id))?;
        for e in leaving.iter() {
            let findings = crate::journal::identifying_passages(e, &allow);
            identifying += findings.len();
            entries.push(SharePreviewEntry {
                entry: self.to_shared(e)?,
                findings,
            });
        }
        Ok(SharePreview {
            contact_id: contact.to_hex(),
            contact_name: c.value.name,
            entries,
            withdrawn: set.withdrawn.iter().map(|m| m.entry_id.to_hex()).collect(),
            identifying,
            silenced: crate::journal::silenced_words(leaving.iter(), &allow),
        })
    }

    /// What is shared with this contact (empty when nothing yet).
    pub fn share_status(&self, contact: &ContactId) -> Result<ShareStatus> {
        let c = self.stored_contact(contact)?;
        let set = self
            .share_set(contact)?
            .map(|s| s.value)
            .unwrap_or_default();
        Ok(status(contact, &c.value.name, &set))
    }

    /// The supervisee's inbox as the packet says it is now: the packet's entries (minus
    /// withdrawn ones), keeping my agenda marks and when each first arrived.
    fn next_inbox(
        &self,
        contact: &ContactId,
        entries: &[SharedEntry],
        withdrawn: &[String],
        now: DateTime<Utc>,
    ) -> Result<(Sealed, usize)> {
        if entries
            .iter()
            .map(|e| &e.entry_id)
            .chain(withdrawn)
            .any(|id| !valid_entry_id(id))
        {
            return Err(refused(
                "This file holds a reflection Attune cannot read. Nothing was changed.",
            ));
        }
        let stored = self.inbox_set(contact)?;
        let previous = stored.as_ref().map(|s| s.revision);
        let old = stored.map(|s| s.value).unwrap_or_default();
        let gone: HashSet<&str> = withdrawn.iter().map(String::as_str).collect();
        let mut seen = HashSet::new();
        let mut items = Vec::with_capacity(entries.len());
        for e in entries {
            if gone.contains(e.entry_id.as_str()) || !seen.insert(e.entry_id.clone()) {
                continue;
            }
            let before = old.items.iter().find(|i| i.entry.entry_id == e.entry_id);
            items.push(InboxStored {
                entry: e.clone(),
                received_at: before.map_or(now, |b| b.received_at),
                on_agenda: before.is_some_and(|b| b.on_agenda),
            });
        }
        let n = items.len();
        let next = InboxSet {
            items,
            withdrawn: withdrawn.to_vec(),
            updated_at: Some(now),
            removed_contact_name: None,
        };
        Ok((
            records::seal_next(self.vault(), contact.0, previous, &next)?,
            n,
        ))
    }

    /// Entries my supervisees shared with me, per supervisee (one, when named).
    pub fn inbox(&self, contact: Option<&ContactId>) -> Result<Vec<InboxGroup>> {
        let responses = self.feedback_records()?;
        let mut groups = Vec::new();
        for c in self.stored_contacts()? {
            let id = ContactId(c.id);
            if contact.is_some_and(|wanted| *wanted != id)
                || !c.value.my_relation.supervised_by_me()
            {
                continue;
            }
            let set = self.inbox_set(&id)?.map(|s| s.value).unwrap_or_default();
            let contact_hex = id.to_hex();
            let mut items: Vec<InboxItem> = set
                .items
                .iter()
                .map(|i| InboxItem {
                    contact_id: contact_hex.clone(),
                    entry: i.entry.clone(),
                    received_at: i.received_at,
                    on_agenda: i.on_agenda,
                    responses: responses
                        .iter()
                        .filter(|r| {
                            r.value.direction == Direction::Written
                                && r.value.contact_id == id
                                && r.value.response.entry_id == i.entry.entry_id
                        })
                        .count(),
                })
                .collect();
            items.sort_by_key(|i| std::cmp::Reverse(i.entry.encounter_date));
            groups.push(InboxGroup {
                contact_id: contact_hex,
                contact_name: c.value.name.clone(),
                items,
                updated_at: set.updated_at,
                removed_contact: false,
            });
        }
        // What people since removed sent, when the person chose to keep it.
        if contact.is_none() {
            for kept in records::load_all::<InboxSet>(self.vault())?.records {
                let Some(name) = kept.value.removed_contact_name.clone() else {
                    continue;
                };
                let contact_hex = to_hex(&kept.id);
                let mut items: Vec<InboxItem> = kept
                    .value
                    .items
                    .iter()
                    .map(|i| InboxItem {
                        contact_id: contact_hex.clone(),
                        entry: i.entry.clone(),
                        received_at: i.received_at,
                        on_agenda: false,
                        responses: 0,
                    })
                    .collect();
                items.sort_by_key(|i| std::cmp::Reverse(i.entry.encounter_date));
                groups.push(InboxGroup {
                    contact_id: contact_hex,
                    contact_name: name,
                    items,
                    updated_at: kept.value.updated_at,
                    removed_contact: true,
                });
            }
        }
        if let Some(id) = contact {
            if groups.is_empty() {
                self.my_supervisee(id)?;
            }
        }
        Ok(groups)
    }

    /// The shared entries marked for the next session with this supervisee.
    pub fn agenda(&self, contact: &ContactId) -> Result<Vec<InboxItem>> {
        Ok(self
            .inbox(Some(contact))?
            .into_iter()
            .flat_map(|g| g.items)
            .filter(|i| i.on_agenda)
            .collect())
    }

    /// Responses my supervisors sent about one of my entries (or all, with `None`),
    /// oldest first.
    pub fn feedback_for(&self, entry: Option<&EntryId>) -> Result<Vec<FeedbackThread>> {
        let names: Vec<(ContactId, String)> = self
            .stored_contacts()?
            .into_iter()
            .map(|s| (ContactId(s.id), s.value.name.clone()))
            .collect();
        let mut out: Vec<FeedbackThread> = self
            .feedback_records()?
            .iter()
            .filter(|s| s.value.direction == Direction::Received)
            .filter(|s| entry.is_none_or(|e| s.value.response.entry_id == e.to_hex()))
            .map(|s| {
                let name = names
                    .iter()
                    .find(|(id, _)| *id == s.value.contact_id)
                    .map(|(_, n)| n.as_str())
                    .or(s.value.removed_contact_name.as_deref())
                    .unwrap_or("Your supervisor");
                thread(&s.value, name)
            })
            .collect();
        out.sort_by_key(|t| t.written_at);
        Ok(out)
    }

    /// Responses I wrote to one supervisee, oldest first.
    pub fn responses_written(&self, contact: &ContactId) -> Result<Vec<FeedbackThread>> {
        let me = self.me()?;
        let name = me
            .as_ref()
            .and_then(|m| m.display_name.clone())
            .unwrap_or_else(|| "You".to_string());
        let mut out: Vec<FeedbackThread> = self
            .feedback_records()?
            .iter()
            .filter(|s| s.value.direction == Direction::Written && s.value.contact_id == *contact)
            .map(|s| thread(&s.value, &name))
            .collect();
        out.sort_by_key(|t| t.written_at);
        Ok(out)
    }
}

impl<J: DerefMut<Target = Journal>> Exchange<J> {
    /// Add entries to what is shared with this supervisor (sent with the next packet).
    pub fn share(&mut self, contact: &ContactId, adding: &[EntryId]) -> Result<ShareStatus> {
        let c = self.my_supervisor(contact)?;
        if adding.is_empty() {
            return Err(Error::invalid("Choose at least one reflection to share."));
        }
        let (previous, set) = self.planned_set(contact, adding, Utc::now())?;
        let sealed = records::seal_next(self.vault(), contact.0, previous, &set)?;
        self.commit(&[sealed])?;
        Ok(status(contact, &c.value.name, &set))
    }

    /// Ask this supervisor's Attune to remove an entry: a tombstone goes in the next
    /// packet. See [`WITHDRAW_NOTE`].
    pub fn withdraw(&mut self, contact: &ContactId, entry: &EntryId) -> Result<ShareStatus> {
        let c = self.stored_contact(contact)?;
        let stored = self
            .share_set(contact)?
            .ok_or_else(|| Error::invalid("That reflection is not shared with this contact."))?;
        let mut set = stored.value.clone();
        let Some(at) = set.shared.iter().position(|m| m.entry_id == *entry) else {
            return Err(Error::invalid(
                "That reflection is not shared with this contact.",
            ));
        };
        let mut mark = set.shared.remove(at);
        mark.at = Utc::now();
        mark.last_sent_at = None;
        set.withdrawn.push(mark);
        let sealed = records::seal_next(self.vault(), contact.0, Some(stored.revision), &set)?;
        self.commit(&[sealed])?;
        Ok(status(contact, &c.value.name, &set))
    }

    pub(crate) fn document(
        me: &Me,
        c: &StoredContact,
        sequence: u64,
        now: DateTime<Utc>,
        content: PacketContent,
    ) -> Result<PacketDocument> {
        Ok(PacketDocument {
            format: PACKET_FORMAT,
            packet_id: to_hex(&random_id::<16>()?),
            sequence,
            created_at: now,
            sender: me.keys(),
            sender_name: me.display_name.clone().unwrap_or_default(),
            recipient: c.keys.clone(),
            content,
        })
    }

    /// The share packet for this supervisor: the full current set (as the entries read
    /// now) and the tombstones, signed, encrypted to them and to me. Records what was
    /// sent and when.
    pub fn write_share_packet(&mut self, contact: &ContactId) -> Result<Vec<u8>> {
        let c = self.my_supervisor(contact)?;
        let now = Utc::now();
        let (previous, mut set) = self.planned_set(contact, &[], now)?;
        if set.shared.is_empty() && set.withdrawn.is_empty() {
            return Err(Error::invalid(format!(
                "Nothing is shared with {} yet. Choose reflections to share first.",
                c.value.name
            )));
        }
        let entries = set
            .shared
            .iter()
            .map(|m| {
                self.journal
                    .get(&m.entry_id)
                    .and_then(|e| self.to_shared(&e))
            })
            .collect::<Result<Vec<_>>>()?;
        let withdrawn = set.withdrawn.iter().map(|m| m.entry_id.to_hex()).collect();
        let me = self.me_or_create()?;
        let sequence = next_sequence(c.value.last_sent_sequence, now_ms(now));
        let doc = Self::document(
            &me,
            &c.value,
            sequence,
            now,
            PacketContent::Share { entries, withdrawn },
        )?;
        let bytes = seal_packet(
            &doc,
            &me.signing,
            &[c.value.keys.age_recipient.clone(), me.age.recipient()],
        )?;
        for m in set.shared.iter_mut().chain(set.withdrawn.iter_mut()) {
            m.last_sent_at = Some(now);
        }
        set.last_packet_at = Some(now);
        let mut contact_next = c.value.clone();
        contact_next.last_sent_sequence = Some(sequence);
        let sealed = [
            records::seal_next(self.vault(), contact.0, previous, &set)?,
            records::seal_next(self.vault(), c.id, Some(c.revision), &contact_next)?,
        ];
        self.commit(&sealed)?;
        Ok(bytes)
    }

    /// Write a reflective response to a supervisee's shared entry (sent with the next
    /// feedback packet).
    pub fn write_response(
        &mut self,
        contact: &ContactId,
        entry_id: &str,
        parts: ResponseParts<'_>,
    ) -> Result<FeedbackThread> {
        let c = self.my_supervisee(contact)?;
        let ResponseParts {
            heard,
            noticed,
            wonder,
            stays,
        } = parts;
        check_response_parts([heard, noticed, wonder, stays])?;
        let entry_id = entry_id.trim().to_ascii_lowercase();
        let inbox = self
            .inbox_set(contact)?
            .map(|s| s.value)
            .unwrap_or_default();
        let matches: Vec<&InboxStored> = inbox
            .items
            .iter()
            .filter(|i| i.entry.entry_id.starts_with(&entry_id) && entry_id.len() >= 4)
            .collect();
        let [item] = matches.as_slice() else {
            return Err(Error::invalid(format!(
                "No reflection {} shared with you has that id.",
                c.value.name
            )));
        };
        let id: [u8; 16] = random_id()?;
        let record = FeedbackStored {
            contact_id: *contact,
            direction: Direction::Written,
            response: FeedbackResponse {
                response_id: to_hex(&id),
                entry_id: item.entry.entry_id.clone(),
                revision: 1,
                written_at: Utc::now(),
                heard: heard.trim().to_string(),
                noticed: noticed.trim().to_string(),
                wonder: wonder.trim().to_string(),
                stays: stays.trim().to_string(),
            },
            sent_at: None,
            received_at: None,
            entry_known: true,
            withdrawn_at: None,
            removed_contact_name: None,
        };
        let sealed = records::seal_next(self.vault(), id, None, &record)?;
        self.commit(&[sealed])?;
        let me = self.me_or_create()?;
        Ok(thread(&record, me.display_name.as_deref().unwrap_or("You")))
    }

    /// One response I wrote to this supervisee, by id (a unique prefix of 4 or more).
    fn written_response(
        &self,
        contact: &ContactId,
        response_id: &str,
    ) -> Result<Stored<FeedbackStored>> {
        let typed = response_id.trim().to_ascii_lowercase();
        let mut found: Vec<Stored<FeedbackStored>> = self
            .feedback_records()?
            .into_iter()
            .filter(|s| {
                s.value.direction == Direction::Written
                    && s.value.contact_id == *contact
                    && typed.len() >= 4
                    && s.value.response.response_id.starts_with(&typed)
            })
            .collect();
        match (found.pop(), found.is_empty()) {
            (Some(one), true) => Ok(one),
            _ => Err(Error::not_found("response")),
        }
    }

    /// Change a response I wrote: the next feedback packet carries the new words under
    /// the same id, one revision up, and the supervisee's Attune replaces the old ones.
    pub fn edit_response(
        &mut self,
        contact: &ContactId,
        response_id: &str,
        parts: ResponseParts<'_>,
    ) -> Result<FeedbackThread> {
        self.my_supervisee(contact)?;
        check_response_parts([parts.heard, parts.noticed, parts.wonder, parts.stays])?;
        let stored = self.written_response(contact, response_id)?;
        if stored.value.withdrawn_at.is_some() {
            return Err(Error::invalid(
                "This response was withdrawn, so it cannot be changed. Write a new one instead.",
            ));
        }
        let mut next = stored.value.clone();
        next.response.revision = next.response.revision.saturating_add(1);
        next.response.heard = parts.heard.trim().to_string();
        next.response.noticed = parts.noticed.trim().to_string();
        next.response.wonder = parts.wonder.trim().to_string();
        next.response.stays = parts.stays.trim().to_string();
        next.sent_at = None;
        let sealed = records::seal_next(self.vault(), stored.id, Some(stored.revision), &next)?;
        self.commit(&[sealed])?;
        let me = self.me_or_create()?;
        Ok(thread(&next, me.display_name.as_deref().unwrap_or("You")))
    }

    /// Withdraw a response I wrote: its words are taken out here, and the next feedback
    /// packet asks the supervisee's Attune to take them out too.
    pub fn withdraw_response(
        &mut self,
        contact: &ContactId,
        response_id: &str,
    ) -> Result<FeedbackThread> {
        self.my_supervisee(contact)?;
        let stored = self.written_response(contact, response_id)?;
        if stored.value.withdrawn_at.is_some() {
            return Err(Error::invalid("This response is already withdrawn."));
        }
        let mut next = stored.value.clone();
        let revision = next.response.revision.saturating_add(1);
        next.response = withdrawn_words(&next.response, revision);
        next.withdrawn_at = Some(Utc::now());
        next.sent_at = None;
        let sealed = records::seal_next(self.vault(), stored.id, Some(stored.revision), &next)?;
        self.commit(&[sealed])?;
        let me = self.me_or_create()?;
        Ok(thread(&next, me.display_name.as_deref().unwrap_or("You")))
    }

    /// The feedback packet for this supervisee: every response I wrote them.
    pub fn write_feedback_packet(&mut self, contact: &ContactId) -> Result<Vec<u8>> {
        let c = self.my_supervisee(contact)?;
        let mine: Vec<Stored<FeedbackStored>> = self
            .feedback_records()?
            .into_iter()
            .filter(|s| s.value.direction == Direction::Written && s.value.contact_id == *contact)
            .collect();
        if mine.is_empty() {
            return Err(Error::invalid(format!(
                "You have not written a response to {} yet.",
                c.value.name
            )));
        }
        let responses = mine
            .iter()
            .filter(|s| s.value.withdrawn_at.is_none())
            .map(|s| s.value.response.clone())
            .collect();
        let withdrawn = mine
            .iter()
            .filter(|s| s.value.withdrawn_at.is_some())
            .map(|s| WithdrawnResponse {
                response_id: s.value.response.response_id.clone(),
                revision: s.value.response.revision,
            })
            .collect();
        self.send_packet(
            &c,
            PacketContent::Feedback {
                responses,
                withdrawn,
            },
            &mine,
            |f, now| f.sent_at = Some(now),
        )
    }

    /// Seal `content` for the contact, and in one transaction mark each of `sent` as
    /// sent (`mark_sent`) and keep the contact's new sequence number.
    pub(super) fn send_packet<R: Record + Clone>(
        &mut self,
        c: &Stored<StoredContact>,
        content: PacketContent,
        sent: &[Stored<R>],
        mark_sent: impl Fn(&mut R, DateTime<Utc>),
    ) -> Result<Vec<u8>> {
        let now = Utc::now();
        let me = self.me_or_create()?;
        let sequence = next_sequence(c.value.last_sent_sequence, now_ms(now));
        let doc = Self::document(&me, &c.value, sequence, now, content)?;
        let bytes = seal_packet(
            &doc,
            &me.signing,
            &[c.value.keys.age_recipient.clone(), me.age.recipient()],
        )?;
        let mut sealed = Vec::with_capacity(sent.len() + 1);
        for s in sent {
            let mut next = s.value.clone();
            mark_sent(&mut next, now);
            sealed.push(records::seal_next(
                self.vault(),
                s.id,
                Some(s.revision),
                &next,
            )?);
        }
        let mut contact_next = c.value.clone();
        contact_next.last_sent_sequence = Some(sequence);
        sealed.push(records::seal_next(
            self.vault(),
            c.id,
            Some(c.revision),
            &contact_next,
        )?);
        self.commit(&sealed)?;
        Ok(bytes)
    }

    /// Import a share or feedback packet. Every check runs before anything is written;
    /// a refused packet leaves the journal unchanged.
    pub fn import_packet(&mut self, bytes: &[u8]) -> Result<ImportOutcome> {
        self.import_packet_from(bytes, None)
    }

    /// Import a packet that must come from `expected` (one found in that contact's
    /// exchange folder), with every check of [`Exchange::import_packet`].
    pub fn import_packet_from(
        &mut self,
        bytes: &[u8],
        expected: Option<&ContactId>,
    ) -> Result<ImportOutcome> {
        if bytes.len() > MAX_PACKET_BYTES {
            return Err(refused(
                "This file is too large to be an Attune exchange file. Nothing was changed.",
            ));
        }
        let Some(me) = self.me()? else {
            return Err(refused(
                "This journal has no contacts yet, so no file can be meant for it. Nothing was changed.",
            ));
        };
        let contacts = self.stored_contacts()?;
        // Decrypted once, checked against every pinned key; whether the signer is
        // confirmed is asked afterwards, so a refused packet costs one decryption.
        let pinned: Vec<SigningPublicKey> = contacts
            .iter()
            .filter_map(|s| parse_signing_key_hex(&s.value.keys.signing_key))
            .collect();
        let opened = open_packet(bytes, &me.age, &pinned)?;
        let doc = &opened.document;
        let Some(c) = contacts
            .iter()
            .find(|s| parse_signing_key_hex(&s.value.keys.signing_key) == Some(opened.signer))
        else {
            return Err(refused(
                "This file is not from a confirmed contact. Nothing was changed.",
            ));
        };
        if expected.is_some_and(|e| e.0 != c.id) {
            return Err(refused(
                "This file in an exchange folder comes from someone other than the contact the folder is for. Nothing was changed.",
            ));
        }
        if !c.value.usable() {
            return Err(refused(
                "This file comes from a contact whose safety code is not confirmed yet. Compare it with them and confirm it first. Nothing was changed.",
            ));
        }
        if doc.sender != c.value.keys {
            return Err(refused(
                "This file's sender keys do not match the ones saved for this contact. Nothing was changed.",
            ));
        }
        if doc.recipient != me.keys() {
            return Err(refused(
                "This file was meant for someone else. Nothing was changed.",
            ));
        }
        let kind = match &doc.content {
            PacketContent::Share { .. } => PacketKind::Share,
            PacketContent::Feedback { .. } => PacketKind::Feedback,
            PacketContent::ConfirmRequest { .. } => PacketKind::ConfirmRequest,
            PacketContent::ConfirmAnswer { .. } => PacketKind::ConfirmAnswer,
        };
        match kind {
            PacketKind::Share if !c.value.my_relation.supervised_by_me() => {
                return Err(refused(
                    "This file shares reflections, but it comes from someone added as your supervisor, not your supervisee. Nothing was changed.",
                ));
            }
            PacketKind::Feedback if !c.value.my_relation.supervises_me() => {
                return Err(refused(
                    "This file holds responses, but it comes from someone added as your supervisee, not your supervisor. Nothing was changed.",
                ));
            }
            PacketKind::ConfirmRequest if !c.value.my_relation.supervised_by_me() => {
                return Err(refused(
                    "This file asks you to confirm sessions, but it comes from someone added as your supervisor, not your supervisee. Nothing was changed.",
                ));
            }
            PacketKind::ConfirmAnswer if !c.value.my_relation.supervises_me() => {
                return Err(refused(
                    "This file answers session confirmations, but it comes from someone added as your supervisee, not your supervisor. Nothing was changed.",
                ));
            }
            _ => {}
        }
        let confirmations = matches!(kind, PacketKind::ConfirmRequest | PacketKind::ConfirmAnswer);
        let digest = to_hex(&opened.document_bytes_sha256);
        let contact = ContactId(c.id);
        let mut outcome = ImportOutcome {
            kind,
            contact_id: contact.to_hex(),
            contact_name: c.value.name.clone(),
            already_imported: false,
            entries: 0,
            withdrawn: 0,
            responses: 0,
            unknown_entries: 0,
            requests: 0,
            answers: 0,
        };
        let last_seen = if confirmations {
            &c.value.last_confirm_received
        } else {
            &c.value.last_received
        };
        if let Some(last) = last_seen {
            if last.packet_id == doc.packet_id && last.document_sha256 == digest {
                outcome.already_imported = true;
                return Ok(outcome);
            }
            if doc.sequence <= last.sequence {
                return Err(refused(
                    "This file is older than one already opened. Nothing was changed.",
                ));
            }
        }
        let now = Utc::now();
        let mut contact_next = c.value.clone();
        let mark = Some(super::contacts::ReceivedMark {
            sequence: doc.sequence,
            packet_id: doc.packet_id.clone(),
            document_sha256: digest,
            at: now,
        });
        if confirmations {
            contact_next.last_confirm_received = mark;
        } else {
            contact_next.last_received = mark;
        }
        let mut sealed: Vec<Sealed> = Vec::new();
        match &doc.content {
            PacketContent::Share { entries, withdrawn } => {
                let (inbox, n) = self.next_inbox(&contact, entries, withdrawn, now)?;
                outcome.entries = n;
                outcome.withdrawn = withdrawn.len();
                sealed.push(inbox);
            }
            PacketContent::Feedback {
                responses,
                withdrawn,
            } => {
                for w in withdrawn {
                    if !valid_entry_id(&w.response_id) {
                        return Err(refused(
                            "This file holds a response Attune cannot read. Nothing was changed.",
                        ));
                    }
                    let id = received_record_id(&contact, &w.response_id);
                    // Only a response this journal holds can be withdrawn, and only by
                    // a withdrawal newer than the words it has.
                    let Some(existing) = records::load_one::<FeedbackStored>(self.vault(), &id)?
                    else {
                        continue;
                    };
                    if existing.value.response.revision >= w.revision {
                        continue;
                    }
                    outcome.withdrawn += 1;
                    let mut record = existing.value.clone();
                    record.response = withdrawn_words(&record.response, w.revision);
                    record.received_at = Some(now);
                    record.withdrawn_at = Some(now);
                    sealed.push(records::seal_next(
                        self.vault(),
                        id,
                        Some(existing.revision),
                        &record,
                    )?);
                }
                for r in responses {
                    if !valid_entry_id(&r.entry_id)
                        || !valid_entry_id(&r.response_id)
                        || check_response_parts([&r.heard, &r.noticed, &r.wonder, &r.stays])
                            .is_err()
                    {
                        return Err(refused(
                            "This file holds a response Attune cannot read. Nothing was changed.",
                        ));
                    }
                    let id = received_record_id(&contact, &r.response_id);
                    let existing = records::load_one::<FeedbackStored>(self.vault(), &id)?;
                    // An older revision never overwrites a newer one, and a withdrawn
                    // response comes back only with words newer than the withdrawal.
                    if existing.as_ref().is_some_and(|e| {
                        e.value.response.revision > r.revision
                            || (e.value.withdrawn_at.is_some()
                                && e.value.response.revision >= r.revision)
                    }) {
                        continue;
                    }
                    let entry_known =
                        EntryId::from_hex(&r.entry_id).is_some_and(|e| self.journal.contains(&e));
                    if !entry_known {
                        outcome.unknown_entries += 1;
                    }
                    outcome.responses += 1;
                    let record = FeedbackStored {
                        contact_id: contact,
                        direction: Direction::Received,
                        response: r.clone(),
                        sent_at: None,
                        received_at: Some(now),
                        entry_known,
                        withdrawn_at: None,
                        removed_contact_name: None,
                    };
                    sealed.push(records::seal_next(
                        self.vault(),
                        id,
                        existing.map(|e| e.revision),
                        &record,
                    )?);
                }
            }
            PacketContent::ConfirmRequest { requests } => {
                let (mut s, n) = self.take_confirm_requests(&contact, requests, now)?;
                outcome.requests = n;
                sealed.append(&mut s);
            }
            PacketContent::ConfirmAnswer { answers } => {
                let (mut s, n) =
                    self.take_confirm_answers(&contact, &opened.signer, &me, answers, now)?;
                outcome.answers = n;
                sealed.append(&mut s);
            }
        }
        sealed.push(records::seal_next(
            self.vault(),
            c.id,
            Some(c.revision),
            &contact_next,
        )?);
        self.commit(&sealed)?;
        Ok(outcome)
    }

    /// Put a shared entry on (or off) the agenda for the next session with them.
    pub fn set_agenda(&mut self, contact: &ContactId, entry_id: &str, on: bool) -> Result<()> {
        let stored = self.inbox_set(contact)?.ok_or_else(not_found)?;
        let mut set = stored.value.clone();
        let item = set
            .items
            .iter_mut()
            .find(|i| i.entry.entry_id == entry_id)
            .ok_or_else(|| Error::not_found("shared entry"))?;
        item.on_agenda = on;
        let sealed = records::seal_next(self.vault(), contact.0, Some(stored.revision), &set)?;
        self.commit(&[sealed])
    }
}

fn status(contact: &ContactId, name: &str, set: &ShareSet) -> ShareStatus {
    ShareStatus {
        contact_id: contact.to_hex(),
        contact_name: name.to_string(),
        shared: marks(&set.shared),
        withdrawn: marks(&set.withdrawn),
        last_packet_at: set.last_packet_at,
    }
}

fn thread(s: &FeedbackStored, name: &str) -> FeedbackThread {
    let r = &s.response;
    FeedbackThread {
        response_id: r.response_id.clone(),
        contact_id: s.contact_id.to_hex(),
        supervisor_name: name.to_string(),
        mine: s.direction == Direction::Written,
        entry_id: r.entry_id.clone(),
        entry_known: s.entry_known,
        written_at: r.written_at,
        heard: r.heard.clone(),
        noticed: r.noticed.clone(),
        wonder: r.wonder.clone(),
        stays: r.stays.clone(),
        sent_at: s.sent_at,
        edited: r.revision > 1 && s.withdrawn_at.is_none(),
        withdrawn: s.withdrawn_at.is_some(),
        from_removed_contact: s.removed_contact_name.is_some(),
    }
}

/// A response with its words taken out, at the withdrawal's revision.
fn withdrawn_words(r: &FeedbackResponse, revision: u64) -> FeedbackResponse {
    FeedbackResponse {
        response_id: r.response_id.clone(),
        entry_id: r.entry_id.clone(),
        revision,
        written_at: r.written_at,
        heard: String::new(),
        noticed: String::new(),
        wonder: String::new(),
        stays: String::new(),
    }
}

/// Parse a contact id given in full (32 hex digits).
pub fn parse_contact_id(text: &str) -> Result<ContactId> {
    ContactId::from_hex(text.trim()).ok_or_else(not_found)
}

// ---- removing a contact ------------------------------------------------------------

/// What removing a contact deletes from this journal, counted, with the plain words
/// shown before the person confirms (and after, as what happened).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ContactRemoval {
    pub contact_id: String,
    pub contact_name: String,
    /// Their reflections in my inbox (they shared them with me).
    pub their_reflections: usize,
    /// Responses they wrote to my reflections.
    pub responses_from_them: usize,
    /// Responses I wrote to their reflections.
    pub responses_to_them: usize,
    /// My reflections marked as shared with them (the reflections themselves stay).
    pub shared_with_them: usize,
    /// What happens, said plainly: what goes, what stays, what cannot be recalled.
    pub summary: String,
    /// What happens when the person keeps what they sent (empty when they sent
    /// nothing this journal holds).
    pub summary_keeping: String,
    /// What they sent was kept, marked as from a removed contact.
    pub kept_theirs: bool,
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn removal_summary(r: &ContactRemoval) -> String {
    let name = &r.contact_name;
    let mut goes = Vec::new();
    if r.their_reflections > 0 {
        goes.push(format!(
            "the {} {name} shared with you",
            count(r.their_reflections, "reflection", "reflections")
        ));
    }
    if r.responses_to_them > 0 {
        goes.push(format!(
            "your {} to {name}",
            count(r.responses_to_them, "response", "responses")
        ));
    }
    if r.responses_from_them > 0 {
        goes.push(format!(
            "the {} {name} wrote to you",
            count(r.responses_from_them, "response", "responses")
        ));
    }
    if r.shared_with_them > 0 {
        goes.push(format!(
            "the list of the {} you shared with {name} (the reflections themselves stay)",
            count(r.shared_with_them, "reflection", "reflections")
        ));
    }
    let deleted = if goes.is_empty() {
        format!("Removing {name} deletes their contact card and safety code from this journal.")
    } else {
        format!(
            "Removing {name} deletes their contact card and safety code from this journal, and with them {}.",
            goes.join("; ")
        )
    };
    format!("{deleted} {}", removal_tail(name))
}

fn removal_tail(name: &str) -> String {
    format!(
        "Your own reflections stay. What you already sent {name} stays with {name}: Attune cannot recall it. \
         Files from {name} will be refused; to exchange again, add their card and compare the safety code again."
    )
}

/// The words for removing a contact but keeping what they sent.
fn removal_keeping_summary(r: &ContactRemoval) -> String {
    let name = &r.contact_name;
    let mut kept = Vec::new();
    if r.their_reflections > 0 {
        kept.push(format!(
            "the {} {name} shared with you",
            count(r.their_reflections, "reflection", "reflections")
        ));
    }
    if r.responses_from_them > 0 {
        kept.push(format!(
            "the {} {name} wrote to you",
            count(r.responses_from_them, "response", "responses")
        ));
    }
    if kept.is_empty() {
        return String::new();
    }
    let mut goes = vec!["their contact card and safety code".to_string()];
    if r.responses_to_them > 0 {
        goes.push(format!(
            "your {} to {name}",
            count(r.responses_to_them, "response", "responses")
        ));
    }
    if r.shared_with_them > 0 {
        goes.push(format!(
            "the list of the {} you shared with {name} (the reflections themselves stay)",
            count(r.shared_with_them, "reflection", "reflections")
        ));
    }
    format!(
        "Removing {name} but keeping what they sent deletes {} from this journal. {} stay readable, marked as from a removed contact. {}",
        goes.join("; "),
        capitalise(&kept.join(" and ")),
        removal_tail(name)
    )
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

impl<J: Deref<Target = Journal>> Exchange<J> {
    /// What removing this contact would delete, with the words to confirm it. Changes
    /// nothing.
    pub fn contact_removal(&self, contact: &ContactId) -> Result<ContactRemoval> {
        let c = self.stored_contact(contact)?;
        let inbox = self.inbox_set(contact)?;
        let shares = self.share_set(contact)?;
        let feedback = self.feedback_records()?;
        let responses = |d: Direction| {
            feedback
                .iter()
                .filter(|f| f.value.contact_id == *contact && f.value.direction == d)
                .count()
        };
        let mut removal = ContactRemoval {
            contact_id: contact.to_hex(),
            contact_name: c.value.name.clone(),
            their_reflections: inbox.map_or(0, |i| i.value.items.len()),
            responses_from_them: responses(Direction::Received),
            responses_to_them: responses(Direction::Written),
            shared_with_them: shares.map_or(0, |s| s.value.shared.len()),
            summary: String::new(),
            summary_keeping: String::new(),
            kept_theirs: false,
        };
        removal.summary = removal_summary(&removal);
        removal.summary_keeping = removal_keeping_summary(&removal);
        Ok(removal)
    }
}

impl<J: DerefMut<Target = Journal>> Exchange<J> {
    /// Remove a contact and everything this journal holds from or for them (their card,
    /// their shared reflections and responses, my responses to them, what I marked as
    /// shared with them), in one transaction. Their packets are refused afterwards: the
    /// key that signed them is no longer pinned.
    pub fn remove_contact(&mut self, contact: &ContactId) -> Result<ContactRemoval> {
        self.remove_contact_keeping(contact, false)
    }

    /// Remove a contact; with `keep_theirs`, the reflections and responses they sent
    /// stay readable, marked as from a removed contact (their card, my responses to
    /// them and my share list go all the same, and their files are refused).
    pub fn remove_contact_keeping(
        &mut self,
        contact: &ContactId,
        keep_theirs: bool,
    ) -> Result<ContactRemoval> {
        let mut removal = self.contact_removal(contact)?;
        let keep = keep_theirs && !removal.summary_keeping.is_empty();
        let name = removal.contact_name.clone();
        let mut kept: Vec<Sealed> = Vec::new();
        let mut feedback: Vec<[u8; 16]> = Vec::new();
        for f in self.feedback_records()? {
            if f.value.contact_id != *contact {
                continue;
            }
            if keep && f.value.direction == Direction::Received {
                let mut next = f.value.clone();
                next.removed_contact_name = Some(name.clone());
                kept.push(records::seal_next(
                    self.vault(),
                    f.id,
                    Some(f.revision),
                    &next,
                )?);
            } else {
                feedback.push(f.id);
            }
        }
        let inbox = self.inbox_set(contact)?;
        let mut keep_inbox = false;
        if keep {
            if let Some(stored) = inbox {
                let mut next = stored.value.clone();
                next.removed_contact_name = Some(name.clone());
                for i in &mut next.items {
                    i.on_agenda = false;
                }
                kept.push(records::seal_next(
                    self.vault(),
                    contact.0,
                    Some(stored.revision),
                    &next,
                )?);
                keep_inbox = true;
            }
        }
        // One transaction: what is kept is marked, and the rest goes, or nothing changes.
        self.journal.vault_mut().store_mut().transaction(|tx| {
            for s in &kept {
                s.put_in(tx)?;
            }
            crate::store::delete_record_in(tx, Table::Contacts, &contact.0)?;
            crate::store::delete_record_in(tx, Table::Shares, &contact.0)?;
            if !keep_inbox {
                crate::store::delete_record_in(tx, Table::Inbox, &contact.0)?;
            }
            crate::store::delete_record_in(tx, Table::ExchangeFolders, &contact.0)?;
            for id in &feedback {
                crate::store::delete_record_in(tx, Table::Feedback, id)?;
            }
            Ok(())
        })?;
        removal.kept_theirs = keep;
        Ok(removal)
    }
}
