//! Parties outside any journal, with raw keys, and their packet documents: for the
//! packet, canary, exchange and interop tests.

use attune::crypto::{age_encrypt, AgeIdentity, SigningKey, SigningPublicKey};
use attune::journal::{AnswerValue, EntryKind, Setting};
use attune::share::contacts::ContactCard;
use attune::share::document::{
    FeedbackResponse, PacketContent, PacketDocument, PartyKeys, SharedAnswer, SharedEntry,
    PACKET_FORMAT,
};
use attune::share::{encode_frame, seal_packet, signing_key_hex, CardRole};
use chrono::{NaiveDate, TimeZone, Utc};

/// One person's identity, held outside Attune's journals to hand-make cards and
/// packets: a name, a signing key and an age identity.
pub struct Party {
    pub name: &'static str,
    pub signing: SigningKey,
    pub age: AgeIdentity,
}

impl Party {
    pub fn new(name: &'static str) -> Self {
        Self {
            name,
            signing: SigningKey::generate().unwrap(),
            age: AgeIdentity::generate(),
        }
    }

    pub fn keys(&self) -> PartyKeys {
        PartyKeys {
            signing_key: signing_key_hex(&self.signing.public_key()),
            age_recipient: self.age.recipient(),
        }
    }

    pub fn public(&self) -> SigningPublicKey {
        self.signing.public_key()
    }

    /// This party's contact card, in the given role.
    pub fn card(&self, role: CardRole) -> String {
        ContactCard {
            name: self.name.into(),
            role,
            keys: self.keys(),
        }
        .to_text()
    }

    /// A packet from this party to `to`, sealed to `to` only.
    pub fn packet(&self, to: &PartyKeys, sequence: u64, content: PacketContent) -> Vec<u8> {
        let doc = PacketDocument {
            format: PACKET_FORMAT,
            packet_id: format!("{:032x}", sequence),
            sequence,
            created_at: Utc::now(),
            sender: self.keys(),
            sender_name: self.name.into(),
            recipient: to.clone(),
            content,
        };
        seal_packet(&doc, &self.signing, std::slice::from_ref(&to.age_recipient)).unwrap()
    }
}

/// A shared entry whose text fields carry `body` (and variations of it).
pub fn shared_entry(n: u64, body: &str) -> SharedEntry {
    SharedEntry {
        entry_id: format!("{n:032x}"),
        revision: n + 1,
        encounter_date: NaiveDate::from_ymd_opt(2025, 3, 14).unwrap(),
        kind: EntryKind::Encounter,
        setting: Some(Setting::HomeVisit),
        family_code: Some("FAM-7".into()),
        title: Some(format!("Visit {n}")),
        pack_title: Some("After a visit".into()),
        answers: vec![SharedAnswer {
            prompt: "What did the baby show you?".into(),
            value: AnswerValue::Text(format!("Answer to {n}")),
        }],
        body: body.to_string(),
        tags: vec!["sleep".into()],
        carrying: Some(4),
    }
}

/// A share packet's document from `from` to `to`.
pub fn share_document(from: &Party, to: &Party, entries: Vec<SharedEntry>) -> PacketDocument {
    PacketDocument {
        format: PACKET_FORMAT,
        packet_id: "0123456789abcdef0123456789abcdef".into(),
        sequence: 1_750_000_000_000,
        created_at: Utc.with_ymd_and_hms(2025, 6, 15, 9, 30, 0).unwrap(),
        sender: from.keys(),
        sender_name: from.name.into(),
        recipient: to.keys(),
        content: PacketContent::Share {
            entries,
            withdrawn: vec![format!("{:032x}", 99)],
        },
    }
}

/// A feedback packet's document from `from` to `to`, one response to entry 1.
pub fn feedback_document(from: &Party, to: &Party, heard: &str) -> PacketDocument {
    let mut doc = share_document(from, to, Vec::new());
    doc.content = PacketContent::Feedback {
        responses: vec![FeedbackResponse {
            response_id: "fedcba9876543210fedcba9876543210".into(),
            entry_id: format!("{:032x}", 1),
            revision: 1,
            written_at: Utc.with_ymd_and_hms(2025, 6, 16, 17, 0, 0).unwrap(),
            heard: heard.to_string(),
            noticed: String::new(),
            wonder: "I wonder what the quiet moments held.".into(),
            stays: String::new(),
        }],
        withdrawn: Vec::new(),
    };
    doc
}

/// Sign and frame `document` exactly as given (any bytes), then encrypt it: the way to
/// build packets that `seal_packet` would never write.
pub fn seal_raw(document: &[u8], signer: &SigningKey, recipients: &[String]) -> Vec<u8> {
    let frame = encode_frame(document, signer).unwrap();
    age_encrypt(recipients, &frame).unwrap()
}

/// Encrypt any plaintext as a packet would be.
pub fn seal_frame(frame: &[u8], recipients: &[String]) -> Vec<u8> {
    age_encrypt(recipients, frame).unwrap()
}
