//! The supervision exchange: identities, contacts, share and feedback packets, import.
//!
//! Packets travel as files through any channel. The crypto lives in [`crate::crypto`];
//! this module owns the formats and the rules. [`document`] is the signed document a
//! packet carries; [`packet`] seals and opens it. [`identity`] keeps this journal's
//! keys, [`contacts`] the people it exchanges with and their safety codes, and
//! [`exchange`] what was shared, received and answered. Every record lives encrypted in
//! the journal, like entries, through [`crate::records`]; [`Exchange`] is the view over
//! a journal that all of it hangs off.

pub mod confirm;
pub mod contacts;
pub mod document;
pub mod exchange;
pub mod folders;
pub mod identity;
pub mod packet;
pub mod planning;

pub use confirm::{ConfirmState, ConfirmationRequest, SessionConfirmation};
pub use contacts::{safety_code, CardRole, Contact, ContactCard, KeyChange, MyRelation};
pub use document::{Decision, SessionFacts};
pub use exchange::{
    AgendaMark, ContactRemoval, FeedbackThread, ImportOutcome, InboxGroup, InboxItem, PacketKind,
    ShareMark, SharePreview, SharePreviewEntry, ShareStatus, WITHDRAW_NOTE,
};
pub use folders::{FolderCopy, FolderNews, FolderPacket, FolderProblem, FolderWatch};
pub use identity::IdentityInfo;
pub use packet::{
    encode_frame, next_sequence, open_packet, open_plaintext, parse_document, parse_frame,
    parse_signing_key_hex, seal_packet, signing_key_hex, OpenedPacket, MAX_DOCUMENT_BYTES,
    MAX_PACKET_BYTES, PACKET_MAGIC, SIGNATURE_CONTEXT,
};
pub use planning::SessionPlan;

use std::ops::{Deref, DerefMut};

pub use crate::ids::ContactId;
pub(crate) use confirm::ConfirmationStored;
pub(crate) use contacts::StoredContact;
pub(crate) use exchange::{FeedbackStored, InboxSet, ShareSet};
pub(crate) use folders::FolderLink;
pub(crate) use identity::StoredIdentity;
pub(crate) use planning::PlanningNoteStored;

use crate::journal::Journal;
use crate::records::{self, Sealed};
use crate::vault::Vault;
use crate::Result;

/// The supervision exchange over one journal: identity, contacts, sharing, packets,
/// inbox and responses. It is a view, so the journal itself knows nothing of the
/// exchange: `Exchange::new(&mut journal)` can change things, `Exchange::read(&journal)`
/// only reads.
#[derive(Debug)]
pub struct Exchange<J> {
    journal: J,
}

impl<'j> Exchange<&'j mut Journal> {
    pub fn new(journal: &'j mut Journal) -> Self {
        Self { journal }
    }
}

impl<'j> Exchange<&'j Journal> {
    pub fn read(journal: &'j Journal) -> Self {
        Self { journal }
    }
}

impl<J: Deref<Target = Journal>> Exchange<J> {
    fn vault(&self) -> &Vault {
        self.journal.vault()
    }
}

impl<J: DerefMut<Target = Journal>> Exchange<J> {
    /// Write every sealed record in one transaction: all of it lands, or none of it.
    fn commit(&mut self, sealed: &[Sealed]) -> Result<()> {
        records::commit(self.journal.vault_mut(), sealed)
    }
}
