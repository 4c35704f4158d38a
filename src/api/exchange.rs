//! The supervision exchange as Session methods: identity, contacts, sharing, import,
//! inbox and feedback. The shell chooses file paths in native dialogs (never the web
//! view) and passes them here; byte-level versions serve tests.

use std::path::Path;

use serde::Deserialize;

use super::{SavedFile, Session};
use crate::journal::EntryId;
use crate::share::contacts::MAX_CARD_BYTES;
pub use crate::share::document::{SharedAnswer, SharedEntry};
use crate::share::packet::MAX_PACKET_BYTES;
pub use crate::share::{
    AgendaMark, CardRole, Contact, FeedbackThread, IdentityInfo, ImportOutcome, InboxGroup,
    InboxItem, KeyChange, MyRelation, PacketKind, ShareMark, SharePreview, SharePreviewEntry,
    ShareStatus, WITHDRAW_NOTE,
};
use crate::{Error, Result};

/// My contact card, to make.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ContactCardRequest {
    /// The name the other person will see (a first name or initials are enough).
    pub name: String,
    pub role: CardRole,
}

/// My contact card as text, and a file name for saving it that names no one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ContactCardText {
    pub text: String,
    pub file_name: String,
}

/// A card pasted as text, and who its owner is to me.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ImportCardRequest {
    pub text: String,
    pub relation: MyRelation,
    /// Replace the keys pinned for this person (they set Attune up again); the new
    /// keys wait for a fresh safety-code confirmation.
    #[serde(default)]
    pub replace_key: bool,
}

/// A card read from a file the person chose.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ImportCardFileRequest {
    pub relation: MyRelation,
    #[serde(default)]
    pub replace_key: bool,
}

/// One contact, by id (a unique prefix of 4 or more hex digits is enough).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ContactRef {
    pub contact_id: String,
}

/// Confirm a contact once the safety code matched.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ConfirmContactRequest {
    pub contact_id: String,
    /// The person compared the safety code with the contact and every digit matched.
    pub compared: bool,
}

/// Entries to share with a supervisor (or to preview sharing).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ShareRequest {
    pub contact_id: String,
    #[cfg_attr(feature = "typescript", ts(type = "Array<string>"))]
    pub entry_ids: Vec<EntryId>,
}

/// Take one entry back from what is shared with a supervisor.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct WithdrawRequest {
    pub contact_id: String,
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub entry_id: EntryId,
}

/// What is shared now, and what withdrawing means.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct WithdrawResponse {
    pub status: ShareStatus,
    pub note: String,
}

/// Entries flagged "bring to supervision" (not in the trash), newest encounter first.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct FlaggedEntries {
    #[cfg_attr(feature = "typescript", ts(type = "Array<string>"))]
    pub entry_ids: Vec<EntryId>,
}

/// Whose inbox: one supervisee, or all of them.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct InboxRequest {
    #[serde(default)]
    pub contact_id: Option<String>,
}

/// A reflective response to a supervisee's shared entry, in the scaffold's three parts.
/// At least one part must be written.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ResponseRequest {
    pub contact_id: String,
    /// The shared entry's id (a unique prefix is enough).
    pub entry_id: String,
    #[serde(default)]
    pub heard: String,
    #[serde(default)]
    pub wonder: String,
    #[serde(default)]
    pub stays: String,
}

/// Feedback received: about one entry, or all.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct FeedbackRequest {
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(type = "string | null"))]
    pub entry_id: Option<EntryId>,
}

fn saved(path: &Path) -> SavedFile {
    SavedFile {
        saved: true,
        file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()),
    }
}

impl Session {
    fn contact_id(&self, typed: &str) -> Result<[u8; 16]> {
        self.journal()?.resolve_contact(typed)
    }

    /// My public keys (made the first time they are needed).
    pub fn identity_show(&mut self) -> Result<IdentityInfo> {
        self.journal_mut()?.identity_show()
    }

    /// My contact card as text, to paste into a message or save.
    pub fn export_contact_card(&mut self, req: &ContactCardRequest) -> Result<ContactCardText> {
        let text = self.journal_mut()?.export_card(&req.name, req.role)?;
        Ok(ContactCardText {
            text,
            file_name: "attune-contact-card.txt".to_string(),
        })
    }

    /// Save my contact card to a file chosen in a save dialog.
    pub fn export_contact_card_to(
        &mut self,
        req: &ContactCardRequest,
        path: &Path,
    ) -> Result<SavedFile> {
        let card = self.export_contact_card(req)?;
        crate::files::replace_private_file(path, card.text.as_bytes())?;
        Ok(saved(path))
    }

    /// Pin the person on a pasted card. Show the safety code next: they must compare it.
    pub fn import_contact_card(&mut self, req: &ImportCardRequest) -> Result<Contact> {
        self.journal_mut()?
            .import_card(&req.text, req.relation, req.replace_key)
    }

    /// Pin the person on a card file chosen in an open dialog.
    pub fn import_contact_card_file(
        &mut self,
        req: &ImportCardFileRequest,
        path: &Path,
    ) -> Result<Contact> {
        let bytes = crate::files::read_capped(path, MAX_CARD_BYTES, "contact card")?;
        let text = String::from_utf8(bytes)
            .map_err(|_| Error::invalid("This file is not an Attune contact card."))?;
        self.journal_mut()?
            .import_card(&text, req.relation, req.replace_key)
    }

    /// Every contact, with safety codes and whether each is confirmed.
    pub fn list_contacts(&mut self) -> Result<Vec<Contact>> {
        self.journal_mut()?.contacts()
    }

    /// Confirm a contact after comparing the safety code (also confirms a key change).
    pub fn confirm_contact(&mut self, req: &ConfirmContactRequest) -> Result<Contact> {
        let id = self.contact_id(&req.contact_id)?;
        self.journal_mut()?.confirm_contact(&id, req.compared)
    }

    /// Entries flagged "bring to supervision", to offer for sharing.
    pub fn flagged_for_supervision(&self) -> Result<FlaggedEntries> {
        Ok(FlaggedEntries {
            entry_ids: self.journal()?.entries_flagged_for_supervision(),
        })
    }

    /// Exactly what the next packet to this supervisor would carry with these entries
    /// added, with the identifying-looking passages in each. Changes nothing.
    pub fn preview_share(&self, req: &ShareRequest) -> Result<SharePreview> {
        let id = self.contact_id(&req.contact_id)?;
        self.journal()?.preview_share(&id, &req.entry_ids)
    }

    /// Add entries to what is shared with this supervisor.
    pub fn share_entries(&mut self, req: &ShareRequest) -> Result<ShareStatus> {
        let id = self.contact_id(&req.contact_id)?;
        self.journal_mut()?.share(&id, &req.entry_ids)
    }

    /// What is shared with this contact, and when it was sent.
    pub fn share_status(&self, req: &ContactRef) -> Result<ShareStatus> {
        let id = self.contact_id(&req.contact_id)?;
        self.journal()?.share_status(&id)
    }

    /// Take an entry back: a tombstone goes in the next packet (a request, not a recall).
    pub fn withdraw_entry(&mut self, req: &WithdrawRequest) -> Result<WithdrawResponse> {
        let id = self.contact_id(&req.contact_id)?;
        Ok(WithdrawResponse {
            status: self.journal_mut()?.withdraw(&id, &req.entry_id)?,
            note: WITHDRAW_NOTE.to_string(),
        })
    }

    /// A file name for a packet that names no one: the kind and the date.
    pub fn packet_file_name(&self, kind: PacketKind) -> String {
        let kind = match kind {
            PacketKind::Share => "share",
            PacketKind::Feedback => "feedback",
        };
        format!("attune-{kind}-{}.attune", chrono::Local::now().date_naive())
    }

    /// The share packet for this supervisor, as bytes.
    pub fn write_share_packet(&mut self, req: &ContactRef) -> Result<Vec<u8>> {
        let id = self.contact_id(&req.contact_id)?;
        self.journal_mut()?.write_share_packet(&id)
    }

    /// Write the share packet to a file chosen in a save dialog.
    pub fn write_share_packet_to(&mut self, req: &ContactRef, path: &Path) -> Result<SavedFile> {
        let bytes = self.write_share_packet(req)?;
        crate::files::replace_private_file(path, &bytes)?;
        Ok(saved(path))
    }

    /// Import a share or feedback packet given as bytes.
    pub fn import_packet(&mut self, bytes: &[u8]) -> Result<ImportOutcome> {
        self.journal_mut()?.import_packet(bytes)
    }

    /// Import a packet file chosen in an open dialog (or dropped on the window).
    pub fn import_packet_file(&mut self, path: &Path) -> Result<ImportOutcome> {
        self.journal()?;
        let bytes = crate::files::read_capped(path, MAX_PACKET_BYTES, "packet")?;
        self.import_packet(&bytes)
    }

    /// Entries my supervisees shared with me, per supervisee.
    pub fn inbox(&self, req: &InboxRequest) -> Result<Vec<InboxGroup>> {
        let id = match &req.contact_id {
            Some(c) => Some(self.contact_id(c)?),
            None => None,
        };
        self.journal()?.inbox(id.as_ref())
    }

    /// Put a shared entry on (or off) the agenda for the next session.
    pub fn set_agenda(&mut self, req: &AgendaMark) -> Result<()> {
        let id = self.contact_id(&req.contact_id)?;
        self.journal_mut()?
            .set_agenda(&id, &req.entry_id, req.on_agenda)
    }

    /// The shared entries on the agenda for the next session with this supervisee.
    pub fn agenda(&self, req: &ContactRef) -> Result<Vec<InboxItem>> {
        let id = self.contact_id(&req.contact_id)?;
        self.journal()?.agenda(&id)
    }

    /// Write a reflective response to a supervisee's shared entry.
    pub fn write_response(&mut self, req: &ResponseRequest) -> Result<FeedbackThread> {
        let id = self.contact_id(&req.contact_id)?;
        self.journal_mut()?
            .write_response(&id, &req.entry_id, &req.heard, &req.wonder, &req.stays)
    }

    /// Responses I wrote to this supervisee.
    pub fn responses_written(&self, req: &ContactRef) -> Result<Vec<FeedbackThread>> {
        let id = self.contact_id(&req.contact_id)?;
        self.journal()?.responses_written(&id)
    }

    /// The feedback packet for this supervisee, as bytes.
    pub fn write_feedback_packet(&mut self, req: &ContactRef) -> Result<Vec<u8>> {
        let id = self.contact_id(&req.contact_id)?;
        self.journal_mut()?.write_feedback_packet(&id)
    }

    /// Write the feedback packet to a file chosen in a save dialog.
    pub fn write_feedback_packet_to(&mut self, req: &ContactRef, path: &Path) -> Result<SavedFile> {
        let bytes = self.write_feedback_packet(req)?;
        crate::files::replace_private_file(path, &bytes)?;
        Ok(saved(path))
    }

    /// Feedback my supervisors sent: on one entry, or all of it.
    pub fn feedback_for(&self, req: &FeedbackRequest) -> Result<Vec<FeedbackThread>> {
        self.journal()?.feedback_for(req.entry_id.as_ref())
    }
}
