//! The supervision exchange: identity, contacts, sharing, import, inbox and responses.
//! File paths come from the front end's own choice (a native dialog in the app, an
//! argument in the CLI), never from the web view; byte-level versions serve tests.

use std::path::Path;

use serde::Deserialize;

use super::files::{self, SavedFile, WriteMode};
use crate::journal::EntryId;
use crate::journal::Journal;
use crate::share::contacts::MAX_CARD_BYTES;
pub use crate::share::document::{SharedAnswer, SharedEntry};
use crate::share::packet::MAX_PACKET_BYTES;
use crate::share::Exchange;
pub use crate::share::{
    AgendaMark, CardRole, Contact, ContactId, ContactRemoval, FeedbackThread, FolderCopy,
    FolderNews, FolderPacket, FolderProblem, FolderWatch, IdentityInfo, ImportOutcome, InboxGroup,
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
    /// What I noticed you doing well (optional).
    #[serde(default)]
    pub noticed: String,
    #[serde(default)]
    pub wonder: String,
    #[serde(default)]
    pub stays: String,
}

/// New words for a response I wrote (sent with the next feedback packet). At least one
/// part must be written.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct EditResponseRequest {
    pub contact_id: String,
    /// The response's id (a unique prefix of 4 or more is enough).
    pub response_id: String,
    #[serde(default)]
    pub heard: String,
    #[serde(default)]
    pub noticed: String,
    #[serde(default)]
    pub wonder: String,
    #[serde(default)]
    pub stays: String,
}

/// One response I wrote, by its contact and id.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ResponseRef {
    pub contact_id: String,
    pub response_id: String,
}

/// Feedback received: about one entry, or all.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct FeedbackRequest {
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(type = "string | null"))]
    pub entry_id: Option<EntryId>,
}

/// A contact by id (a unique prefix of 4 or more hex digits), or by its name
/// (case-insensitive) when exactly one contact has it.
pub fn contact_id(journal: &mut Journal, typed: &str) -> Result<ContactId> {
    let mut exchange = Exchange::new(journal);
    match exchange.resolve_contact(typed) {
        Ok(id) => Ok(id),
        Err(err) => {
            let named: Vec<Contact> = exchange
                .contacts()?
                .into_iter()
                .filter(|c| c.name.eq_ignore_ascii_case(typed.trim()))
                .collect();
            match named.as_slice() {
                [one] => exchange.resolve_contact(&one.id),
                _ => Err(err),
            }
        }
    }
}

/// My public keys (made the first time they are needed).
pub fn identity_show(journal: &mut Journal) -> Result<IdentityInfo> {
    Exchange::new(journal).identity_show()
}

/// My contact card as text, to paste into a message or save.
pub fn export_contact_card(
    journal: &mut Journal,
    req: &ContactCardRequest,
) -> Result<ContactCardText> {
    let text = Exchange::new(journal).export_card(&req.name, req.role)?;
    Ok(ContactCardText {
        text,
        file_name: "attune-contact-card.txt".to_string(),
    })
}

/// Save my contact card to a file.
pub fn export_contact_card_to(
    journal: &mut Journal,
    req: &ContactCardRequest,
    path: &Path,
    mode: WriteMode,
) -> Result<SavedFile> {
    files::save_made(path, mode, || Ok(export_contact_card(journal, req)?.text))
}

/// Pin the person on a pasted card. Show the safety code next: they must compare it.
pub fn import_contact_card(journal: &mut Journal, req: &ImportCardRequest) -> Result<Contact> {
    Exchange::new(journal).import_card(&req.text, req.relation, req.replace_key)
}

/// The text of a contact card file (size-capped, UTF-8).
pub fn read_contact_card(path: &Path) -> Result<String> {
    let bytes = crate::files::read_capped(path, MAX_CARD_BYTES, "contact card")?;
    String::from_utf8(bytes).map_err(|_| Error::invalid("This file is not an Attune contact card."))
}

/// Pin the person on a card file.
pub fn import_contact_card_file(
    journal: &mut Journal,
    req: &ImportCardFileRequest,
    path: &Path,
) -> Result<Contact> {
    let text = read_contact_card(path)?;
    Exchange::new(journal).import_card(&text, req.relation, req.replace_key)
}

/// One contact, by id or unique name, with its safety code.
pub fn contact(journal: &mut Journal, typed: &str) -> Result<Contact> {
    let id = contact_id(journal, typed)?;
    Exchange::new(journal).contact(&id)
}

/// Every contact, with safety codes and whether each is confirmed.
pub fn list_contacts(journal: &mut Journal) -> Result<Vec<Contact>> {
    Exchange::new(journal).contacts()
}

/// Confirm a contact after comparing the safety code (also confirms a key change).
pub fn confirm_contact(journal: &mut Journal, req: &ConfirmContactRequest) -> Result<Contact> {
    let id = contact_id(journal, &req.contact_id)?;
    Exchange::new(journal).confirm_contact(&id, req.compared)
}

/// What removing a contact would delete, said plainly. Changes nothing.
pub fn contact_removal(journal: &mut Journal, req: &ContactRef) -> Result<ContactRemoval> {
    let id = contact_id(journal, &req.contact_id)?;
    Exchange::read(journal).contact_removal(&id)
}

/// Remove a contact, and keep or remove what they sent.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RemoveContactRequest {
    pub contact_id: String,
    /// Keep the reflections and responses they sent, readable and marked as from a
    /// removed contact (otherwise they go too).
    #[serde(default)]
    pub keep_theirs: bool,
}

/// Remove a contact and what this journal holds from and for them (or, keeping what
/// they sent, the rest); their files are refused afterwards.
pub fn remove_contact(journal: &mut Journal, req: &RemoveContactRequest) -> Result<ContactRemoval> {
    let id = contact_id(journal, &req.contact_id)?;
    Exchange::new(journal).remove_contact_keeping(&id, req.keep_theirs)
}

/// Entries flagged "bring to supervision", to offer for sharing.
pub fn flagged_for_supervision(journal: &Journal) -> FlaggedEntries {
    FlaggedEntries {
        entry_ids: journal.entries_flagged_for_supervision(),
    }
}

/// Exactly what the next packet to this supervisor would carry with these entries
/// added, with the identifying-looking passages in each. Changes nothing.
pub fn preview_share(journal: &mut Journal, req: &ShareRequest) -> Result<SharePreview> {
    let id = contact_id(journal, &req.contact_id)?;
    Exchange::new(journal).preview_share(&id, &req.entry_ids)
}

/// Add entries to what is shared with this supervisor.
pub fn share_entries(journal: &mut Journal, req: &ShareRequest) -> Result<ShareStatus> {
    let id = contact_id(journal, &req.contact_id)?;
    Exchange::new(journal).share(&id, &req.entry_ids)
}

/// What is shared with this contact, and when it was sent.
pub fn share_status(journal: &mut Journal, req: &ContactRef) -> Result<ShareStatus> {
    let id = contact_id(journal, &req.contact_id)?;
    Exchange::new(journal).share_status(&id)
}

/// Take an entry back: a tombstone goes in the next packet (a request, not a recall).
pub fn withdraw_entry(journal: &mut Journal, req: &WithdrawRequest) -> Result<WithdrawResponse> {
    let id = contact_id(journal, &req.contact_id)?;
    Ok(WithdrawResponse {
        status: Exchange::new(journal).withdraw(&id, &req.entry_id)?,
        note: WITHDRAW_NOTE.to_string(),
    })
}

/// Packets end in `.attune-packet`, apart from backups (`.attune`). Packets saved by
/// earlier versions end in `.attune`; import reads a packet whatever its name.
pub const PACKET_EXTENSION: &str = "attune-packet";

/// A file name for a packet that names no one: the kind and the date.
pub fn packet_file_name(kind: PacketKind) -> String {
    let kind = match kind {
        PacketKind::Share => "share",
        PacketKind::Feedback => "feedback",
        PacketKind::ConfirmRequest => "confirm-request",
        PacketKind::ConfirmAnswer => "confirm-answer",
    };
    format!(
        "attune-{kind}-{}.{PACKET_EXTENSION}",
        chrono::Local::now().date_naive()
    )
}

/// The share packet for this supervisor, as bytes.
pub fn write_share_packet(journal: &mut Journal, req: &ContactRef) -> Result<Vec<u8>> {
    let id = contact_id(journal, &req.contact_id)?;
    Exchange::new(journal).write_share_packet(&id)
}

/// Write the share packet to a file.
pub fn write_share_packet_to(
    journal: &mut Journal,
    req: &ContactRef,
    path: &Path,
    mode: WriteMode,
) -> Result<SavedFile> {
    save_packet_to(journal, req, path, mode, write_share_packet)
}

/// Save a packet made for a contact where the person chose, and a copy into the
/// contact's exchange folder when one is chosen ([`SavedFile::folder`] says how that
/// went: a folder gone missing does not stop the packet being saved).
pub(crate) fn save_packet_to(
    journal: &mut Journal,
    req: &ContactRef,
    path: &Path,
    mode: WriteMode,
    make: impl FnOnce(&mut Journal, &ContactRef) -> Result<Vec<u8>>,
) -> Result<SavedFile> {
    let id = contact_id(journal, &req.contact_id)?;
    if mode == WriteMode::NewOnly {
        files::refuse_existing(path)?;
    }
    let bytes = make(journal, req)?;
    let mut saved = files::save(path, &bytes, mode)?;
    saved.folder = Exchange::new(journal).copy_to_folder(&id, &bytes)?;
    Ok(saved)
}

/// Send a packet made for a contact into their exchange folder only (no other file).
fn packet_into_folder(
    journal: &mut Journal,
    req: &ContactRef,
    make: impl FnOnce(&mut Journal, &ContactRef) -> Result<Vec<u8>>,
) -> Result<FolderCopy> {
    let id = contact_id(journal, &req.contact_id)?;
    if Exchange::read(journal).contact_folder(&id)?.is_none() {
        return Err(Error::invalid(
            "No exchange folder is chosen for this contact. Choose one, or save the packet to a file.",
        ));
    }
    let bytes = make(journal, req)?;
    Exchange::new(journal)
        .copy_to_folder(&id, &bytes)?
        .ok_or_else(|| Error::internal("The exchange folder went away."))
}

/// Import a share or feedback packet given as bytes.
pub fn import_packet(journal: &mut Journal, bytes: &[u8]) -> Result<ImportOutcome> {
    Exchange::new(journal).import_packet(bytes)
}

/// Import a packet file (chosen in an open dialog, or named on the command line).
pub fn import_packet_file(journal: &mut Journal, path: &Path) -> Result<ImportOutcome> {
    let bytes = crate::files::read_capped(path, MAX_PACKET_BYTES, "packet")?;
    import_packet(journal, &bytes)
}

/// Entries my supervisees shared with me, per supervisee.
pub fn inbox(journal: &mut Journal, req: &InboxRequest) -> Result<Vec<InboxGroup>> {
    let id = match &req.contact_id {
        Some(c) => Some(contact_id(journal, c)?),
        None => None,
    };
    Exchange::new(journal).inbox(id.as_ref())
}

/// Put a shared entry on (or off) the agenda for the next session.
pub fn set_agenda(journal: &mut Journal, req: &AgendaMark) -> Result<()> {
    let id = contact_id(journal, &req.contact_id)?;
    Exchange::new(journal).set_agenda(&id, &req.entry_id, req.on_agenda)
}

/// The shared entries on the agenda for the next session with this supervisee.
pub fn agenda(journal: &mut Journal, req: &ContactRef) -> Result<Vec<InboxItem>> {
    let id = contact_id(journal, &req.contact_id)?;
    Exchange::new(journal).agenda(&id)
}

/// Write a reflective response to a supervisee's shared entry.
pub fn write_response(journal: &mut Journal, req: &ResponseRequest) -> Result<FeedbackThread> {
    let id = contact_id(journal, &req.contact_id)?;
    let parts = crate::share::exchange::ResponseParts {
        heard: &req.heard,
        noticed: &req.noticed,
        wonder: &req.wonder,
        stays: &req.stays,
    };
    Exchange::new(journal).write_response(&id, &req.entry_id, parts)
}

/// Change a response I wrote; the next feedback packet carries the new words.
pub fn edit_response(journal: &mut Journal, req: &EditResponseRequest) -> Result<FeedbackThread> {
    let id = contact_id(journal, &req.contact_id)?;
    let parts = crate::share::exchange::ResponseParts {
        heard: &req.heard,
        noticed: &req.noticed,
        wonder: &req.wonder,
        stays: &req.stays,
    };
    Exchange::new(journal).edit_response(&id, &req.response_id, parts)
}

/// Withdraw a response I wrote; the next feedback packet asks for it to be taken out.
pub fn withdraw_response(journal: &mut Journal, req: &ResponseRef) -> Result<FeedbackThread> {
    let id = contact_id(journal, &req.contact_id)?;
    Exchange::new(journal).withdraw_response(&id, &req.response_id)
}

/// Responses I wrote to this supervisee.
pub fn responses_written(journal: &mut Journal, req: &ContactRef) -> Result<Vec<FeedbackThread>> {
    let id = contact_id(journal, &req.contact_id)?;
    Exchange::new(journal).responses_written(&id)
}

/// The feedback packet for this supervisee, as bytes.
pub fn write_feedback_packet(journal: &mut Journal, req: &ContactRef) -> Result<Vec<u8>> {
    let id = contact_id(journal, &req.contact_id)?;
    Exchange::new(journal).write_feedback_packet(&id)
}

/// Write the feedback packet to a file.
pub fn write_feedback_packet_to(
    journal: &mut Journal,
    req: &ContactRef,
    path: &Path,
    mode: WriteMode,
) -> Result<SavedFile> {
    save_packet_to(journal, req, path, mode, write_feedback_packet)
}

/// Responses my supervisors sent: on one entry, or all of them.
pub fn feedback_for(journal: &Journal, req: &FeedbackRequest) -> Result<Vec<FeedbackThread>> {
    Exchange::read(journal).feedback_for(req.entry_id.as_ref())
}

// ---- exchange folders ------------------------------------------------------------------

/// A contact's exchange folder: a folder path (`None` to stop using one).
#[derive(Debug, Clone)]
pub struct ContactFolderRequest<'a> {
    pub contact_id: &'a str,
    pub folder: Option<&'a Path>,
}

/// One packet in a contact's exchange folder, by its file name there.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct FolderPacketRef {
    pub contact_id: String,
    pub file_name: String,
}

/// Choose (or stop using) the exchange folder for a contact: a folder both people's
/// sync keeps in step, one per pair. Returns the contact with the folder's name.
pub fn set_contact_folder(
    journal: &mut Journal,
    req: &ContactFolderRequest<'_>,
) -> Result<Contact> {
    let id = contact_id(journal, req.contact_id)?;
    let mut exchange = Exchange::new(journal);
    exchange.set_contact_folder(&id, req.folder)?;
    exchange.contact(&id)
}

/// The path of a contact's exchange folder (for the command line, which shows it).
pub fn contact_folder_path(
    journal: &mut Journal,
    typed: &str,
) -> Result<Option<std::path::PathBuf>> {
    let id = contact_id(journal, typed)?;
    Exchange::read(journal).contact_folder(&id)
}

/// New packets in contacts' exchange folders, and the folders Attune cannot read.
/// Changes nothing.
pub fn folder_news(journal: &Journal) -> Result<FolderNews> {
    Exchange::read(journal).folder_news()
}

/// What to look for in contacts' exchange folders, taken from the journal; looking
/// ([`FolderWatch::news`]) needs no journal, so the app can let go of it first.
pub fn folder_watch(journal: &Journal) -> Result<FolderWatch> {
    Exchange::read(journal).folder_watch()
}

/// Import a packet from its contact's exchange folder (the same checks as any import;
/// it must come from that contact). A refused file is not offered again.
pub fn import_folder_packet(journal: &mut Journal, req: &FolderPacketRef) -> Result<ImportOutcome> {
    let id = contact_id(journal, &req.contact_id)?;
    Exchange::new(journal).import_from_folder(&id, &req.file_name)
}

/// Delete a packet file imported from an exchange folder.
pub fn delete_folder_packet(journal: &mut Journal, req: &FolderPacketRef) -> Result<()> {
    let id = contact_id(journal, &req.contact_id)?;
    Exchange::new(journal).delete_folder_packet(&id, &req.file_name)
}

/// Which packet to send into a contact's exchange folder.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SendToFolderRequest {
    pub contact_id: String,
    pub kind: PacketKind,
}

/// Make this contact's packet of `kind` and put it into their exchange folder only (no
/// save dialog): the same packet a save would write.
pub fn send_packet_to_folder(
    journal: &mut Journal,
    req: &SendToFolderRequest,
) -> Result<FolderCopy> {
    let contact = ContactRef {
        contact_id: req.contact_id.clone(),
    };
    let make = match req.kind {
        PacketKind::Share => write_share_packet,
        PacketKind::Feedback => write_feedback_packet,
        PacketKind::ConfirmRequest => super::supervision::write_confirm_request_packet,
        PacketKind::ConfirmAnswer => super::supervision::write_confirm_answer_packet,
    };
    packet_into_folder(journal, &contact, make)
}
