//! Contact cards, the people this journal exchanges with, and safety codes.
//!
//! A card is a short text block (to paste into a message or save as a file) with a
//! display name, the role its owner plays, and their two public keys. Imported cards
//! are pinned in [`Table::Contacts`], one encrypted record each. A contact is unusable
//! until the person has compared the safety code with them (in person or on a call) and
//! confirmed it; a card whose keys differ from a pinned contact's is refused unless the
//! person asks to replace the key, and then the new keys wait for a fresh confirmation.

use std::ops::{Deref, DerefMut};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::document::PartyKeys;
use super::packet::parse_signing_key_hex;
use super::Exchange;
use crate::crypto::{is_age_recipient, random_id, sha256};
use crate::ids::{to_hex, ContactId};
use crate::journal::Journal;
use crate::records::{self, Record, Stored};
use crate::store::Table;
use crate::{Error, ErrorCode, Result};

const CARD_HEADER: &str = "Attune contact card v1";
const SAFETY_TAG: &[u8] = b"attune/safety/v1";
/// Longest display name on a card, in characters.
pub const MAX_NAME_CHARS: usize = 60;
/// Longest card text accepted, in bytes (a card is a few hundred).
pub const MAX_CARD_BYTES: usize = 4096;

/// The role a card's owner plays in supervision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "snake_case")]
pub enum CardRole {
    Supervisor,
    Supervisee,
    Both,
}

impl CardRole {
    pub fn label(self) -> &'static str {
        match self {
            Self::Supervisor => "supervisor",
            Self::Supervisee => "supervisee",
            Self::Both => "both",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        match text {
            "supervisor" => Some(Self::Supervisor),
            "supervisee" => Some(Self::Supervisee),
            "both" => Some(Self::Both),
            _ => None,
        }
    }
}

/// Who a contact is to me.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "snake_case")]
pub enum MyRelation {
    /// They supervise me: I share entries with them, they send feedback.
    MySupervisor,
    /// I supervise them: they share entries with me, I send feedback.
    MySupervisee,
    Both,
}

impl MyRelation {
    pub fn supervises_me(self) -> bool {
        matches!(self, Self::MySupervisor | Self::Both)
    }

    pub fn supervised_by_me(self) -> bool {
        matches!(self, Self::MySupervisee | Self::Both)
    }

    fn fits(self, card: CardRole) -> bool {
        match self {
            Self::MySupervisor => card != CardRole::Supervisee,
            Self::MySupervisee => card != CardRole::Supervisor,
            Self::Both => card == CardRole::Both,
        }
    }

    fn union(self, other: Self) -> Self {
        if self == other {
            self
        } else {
            Self::Both
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::MySupervisor => "my supervisor",
            Self::MySupervisee => "my supervisee",
            Self::Both => "my supervisor and supervisee",
        }
    }
}

/// A parsed contact card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactCard {
    pub name: String,
    pub role: CardRole,
    pub keys: PartyKeys,
}

fn checksum(body: &str) -> String {
    to_hex(&sha256(body.as_bytes())[..4])
}

fn bad_card(what: &str) -> Error {
    Error::invalid(format!(
        "This is not a complete Attune contact card ({what}). Ask for the card again and paste all of it."
    ))
}

/// Is `name` fit for a card? One line, 1 to [`MAX_NAME_CHARS`] characters.
pub fn validate_name(name: &str) -> Result<()> {
    let n = name.chars().count();
    // Format characters (bidi overrides, zero-width) could make one name look like
    // another, or reorder what is printed after it.
    let hidden = |c: char| c.is_control() || crate::text::is_format_char(c);
    if name.trim() != name || n == 0 || n > MAX_NAME_CHARS || name.chars().any(hidden) {
        return Err(Error::invalid(format!(
            "A name on a contact card is 1 to {MAX_NAME_CHARS} characters on one line. A first name or initials are enough."
        )));
    }
    Ok(())
}

impl ContactCard {
    /// The card as text, ending with a checksum line that catches a cut-off paste.
    pub fn to_text(&self) -> String {
        let body = format!(
            "{CARD_HEADER}\nname: {}\nrole: {}\nsigning-key: {}\nage: {}\n",
            self.name,
            self.role.label(),
            self.keys.signing_key,
            self.keys.age_recipient
        );
        let sum = checksum(&body);
        format!("{body}check: {sum}\n")
    }

    /// Parse a card strictly: the exact lines in order, nothing else (blank lines and
    /// spaces around the block are forgiven, as mail programs add them).
    pub fn parse(text: &str) -> Result<Self> {
        if text.len() > MAX_CARD_BYTES {
            return Err(bad_card("it is far too long"));
        }
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let [header, name, role, signing, age, check] = lines.as_slice() else {
            return Err(bad_card("lines are missing or extra"));
        };
        if *header != CARD_HEADER {
            return Err(bad_card(
                "the first line should say \"Attune contact card v1\"",
            ));
        }
        let field = |line: &str, key: &str| -> Result<String> {
            line.strip_prefix(key)
                .and_then(|r| r.strip_prefix(": "))
                .map(|v| v.trim().to_string())
                .ok_or_else(|| bad_card(&format!("the \"{key}\" line is missing")))
        };
        let name = field(name, "name")?;
        let role = field(role, "role")?;
        let signing_key = field(signing, "signing-key")?;
        let age_recipient = field(age, "age")?;
        let check = field(check, "check")?;
        let card = Self {
            role: CardRole::parse(&role)
                .ok_or_else(|| bad_card("the role is not one Attune knows"))?,
            keys: PartyKeys {
                signing_key,
                age_recipient,
            },
            name,
        };
        // The checksum covers the canonical text, so it fails on any changed character.
        let body = card.to_text();
        if body.lines().last() != Some(format!("check: {check}").as_str()) {
            return Err(bad_card(
                "its check line does not match, so part of it changed",
            ));
        }
        validate_name(&card.name)?;
        if parse_signing_key_hex(&card.keys.signing_key).is_none() {
            return Err(bad_card("the signing key is not 64 hex digits"));
        }
        if !is_age_recipient(&card.keys.age_recipient) {
            return Err(bad_card("the age key is not valid"));
        }
        Ok(card)
    }
}

/// The safety code two people compare: SHA-256 over a domain tag and both parties'
/// keys (signing key and age recipient, the two parties sorted bytewise), shown as 7
/// groups of 5 digits (about 116 bits). Both sides compute the same code.
pub fn safety_code(a: &PartyKeys, b: &PartyKeys) -> String {
    let party = |k: &PartyKeys| {
        let mut bytes = parse_signing_key_hex(&k.signing_key)
            .map(|k| k.to_vec())
            .unwrap_or_else(|| k.signing_key.as_bytes().to_vec());
        bytes.extend_from_slice(k.age_recipient.as_bytes());
        bytes
    };
    let (mut first, mut second) = (party(a), party(b));
    if second < first {
        std::mem::swap(&mut first, &mut second);
    }
    let mut input = SAFETY_TAG.to_vec();
    input.extend_from_slice(&first);
    input.extend_from_slice(&second);
    let digest = sha256(&input);
    let mut top = [0u8; 16];
    top.copy_from_slice(&digest[..16]);
    let mut n = u128::from_be_bytes(top) % 10u128.pow(35);
    let mut groups = Vec::with_capacity(7);
    for _ in 0..7 {
        groups.push(format!("{:05}", n % 100_000));
        n /= 100_000;
    }
    groups.reverse();
    groups.join(" ")
}

/// A key change offered by a newly imported card, waiting for confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PendingKeys {
    pub keys: PartyKeys,
    pub role: CardRole,
    pub offered_at: DateTime<Utc>,
}

/// The last packet imported from a contact's pinned key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReceivedMark {
    pub sequence: u64,
    pub packet_id: String,
    pub document_sha256: String,
    pub at: DateTime<Utc>,
}

/// A contact as the journal stores it (encrypted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StoredContact {
    pub name: String,
    pub role: CardRole,
    pub my_relation: MyRelation,
    pub keys: PartyKeys,
    pub added_at: DateTime<Utc>,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub pending: Option<PendingKeys>,
    pub last_received: Option<ReceivedMark>,
    /// The last sequence number I sent them (shares and feedback alike: they track one
    /// counter per key).
    pub last_sent_sequence: Option<u64>,
    /// The last session-confirmation packet imported from them. Tracked apart from
    /// shares and feedback, so importing a confirmation before an older share (or the
    /// other way round) refuses neither.
    #[serde(default)]
    pub last_confirm_received: Option<ReceivedMark>,
}

impl Record for StoredContact {
    const TABLE: Table = Table::Contacts;
    const KIND: u8 = 1;
}

impl StoredContact {
    /// Confirmed, with no key change waiting.
    pub fn usable(&self) -> bool {
        self.confirmed_at.is_some() && self.pending.is_none()
    }
}

/// A key change waiting to be confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct KeyChange {
    pub signing_key: String,
    pub age_recipient: String,
    /// The safety code with the new keys: compare it again before confirming.
    pub safety_code: String,
    pub offered_at: DateTime<Utc>,
}

/// A contact, to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Contact {
    /// 32 hex digits; the first 4 or more are enough in the CLI.
    pub id: String,
    pub name: String,
    /// The role on their card.
    pub card_role: CardRole,
    pub my_relation: MyRelation,
    pub signing_key: String,
    pub age_recipient: String,
    /// The safety code with the pinned keys.
    pub safety_code: String,
    pub confirmed: bool,
    pub added_at: DateTime<Utc>,
    pub confirmed_at: Option<DateTime<Utc>>,
    /// Set when a card with new keys was imported: the contact cannot be used until the
    /// new safety code is confirmed.
    pub key_change: Option<KeyChange>,
    /// Confirmed and no key change waiting: packets can go to and come from them.
    pub usable: bool,
    /// The name (not the path) of the exchange folder chosen for them, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub exchange_folder: Option<String>,
}

impl Contact {
    /// The safety code to compare now: the new keys' while a key change waits.
    pub fn code_to_compare(&self) -> &str {
        self.key_change
            .as_ref()
            .map_or(&self.safety_code, |k| &k.safety_code)
    }
}

pub(crate) fn not_found() -> Error {
    Error::new(ErrorCode::NotFound, "No contact with that id.")
}

fn view(id: &ContactId, c: &StoredContact, mine: &PartyKeys) -> Contact {
    Contact {
        id: id.to_hex(),
        name: c.name.clone(),
        card_role: c.role,
        my_relation: c.my_relation,
        signing_key: c.keys.signing_key.clone(),
        age_recipient: c.keys.age_recipient.clone(),
        safety_code: safety_code(mine, &c.keys),
        confirmed: c.confirmed_at.is_some(),
        added_at: c.added_at,
        confirmed_at: c.confirmed_at,
        key_change: c.pending.as_ref().map(|p| KeyChange {
            signing_key: p.keys.signing_key.clone(),
            age_recipient: p.keys.age_recipient.clone(),
            safety_code: safety_code(mine, &p.keys),
            offered_at: p.offered_at,
        }),
        usable: c.usable(),
        exchange_folder: None,
    }
}

fn role_mismatch(relation: MyRelation, card: CardRole) -> Error {
    Error::invalid(format!(
        "This card says its owner is a {}, so it cannot be added as {}. Check with them which card to use.",
        card.label(),
        relation.label()
    ))
}

impl<J: Deref<Target = Journal>> Exchange<J> {
    pub(crate) fn stored_contacts(&self) -> Result<Vec<Stored<StoredContact>>> {
        let mut all = records::load_all::<StoredContact>(self.vault())?.records;
        all.sort_by(|a, b| {
            (a.value.name.to_lowercase(), a.value.added_at)
                .cmp(&(b.value.name.to_lowercase(), b.value.added_at))
        });
        Ok(all)
    }

    /// Resolve a full contact id or a unique prefix of at least 4 hex digits.
    pub fn resolve_contact(&self, typed: &str) -> Result<ContactId> {
        let typed = typed.trim().to_ascii_lowercase();
        if typed.len() < 4 || typed.len() > 32 || !typed.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(Error::invalid(
                "A contact id is 32 hex digits; the first 4 or more are enough when they are unique.",
            ));
        }
        let all = self.stored_contacts()?;
        let mut found = all.iter().filter(|s| to_hex(&s.id).starts_with(&typed));
        match (found.next(), found.next()) {
            (Some(s), None) => Ok(ContactId(s.id)),
            (None, _) => Err(not_found()),
            (Some(_), Some(_)) => Err(Error::invalid(
                "More than one contact starts with that id; type a few more characters.",
            )),
        }
    }

    /// `c` with the name of its exchange folder, if one is chosen.
    fn with_folder(&self, mut c: Contact) -> Result<Contact> {
        if let Some(id) = ContactId::from_hex(&c.id) {
            c.exchange_folder = self
                .contact_folder(&id)?
                .map(|p| super::folders::folder_label(&p));
        }
        Ok(c)
    }

    pub(crate) fn stored_contact(&self, id: &ContactId) -> Result<Stored<StoredContact>> {
        records::load_one(self.vault(), &id.0)?.ok_or_else(not_found)
    }

    /// A contact that is confirmed and has no key change waiting, or why not.
    pub(crate) fn usable_contact(&self, id: &ContactId) -> Result<Stored<StoredContact>> {
        let c = self.stored_contact(id)?;
        if c.value.pending.is_some() {
            return Err(Error::invalid(format!(
                "{}'s keys changed. Compare the new safety code with them and confirm it before sharing.",
                c.value.name
            )));
        }
        if c.value.confirmed_at.is_none() {
            return Err(Error::invalid(format!(
                "Compare the safety code with {} and confirm it before sharing.",
                c.value.name
            )));
        }
        Ok(c)
    }
}

impl<J: DerefMut<Target = Journal>> Exchange<J> {
    /// My contact card, with `name` and the role I play. Makes my keys if needed.
    pub fn export_card(&mut self, name: &str, role: CardRole) -> Result<String> {
        let name = name.trim();
        validate_name(name)?;
        let me = self.me_or_create()?;
        self.set_display_name(name)?;
        Ok(ContactCard {
            name: name.to_string(),
            role,
            keys: me.keys(),
        }
        .to_text())
    }

    /// Every contact, by name.
    pub fn contacts(&mut self) -> Result<Vec<Contact>> {
        let mine = self.me_or_create()?.keys();
        self.stored_contacts()?
            .iter()
            .map(|s| self.with_folder(view(&ContactId(s.id), &s.value, &mine)))
            .collect()
    }

    pub fn contact(&mut self, id: &ContactId) -> Result<Contact> {
        let mine = self.me_or_create()?.keys();
        let s = self.stored_contact(id)?;
        self.with_folder(view(id, &s.value, &mine))
    }

    /// Pin the person on `text`'s card as `relation`. A card for someone already pinned
    /// with the same keys adds the relation; with different keys it is refused unless
    /// `replace_key`, and then the new keys wait for a fresh confirmation.
    pub fn import_card(
        &mut self,
        text: &str,
        relation: MyRelation,
        replace_key: bool,
    ) -> Result<Contact> {
        let card = ContactCard::parse(text)?;
        if !relation.fits(card.role) {
            return Err(role_mismatch(relation, card.role));
        }
        let mine = self.me_or_create()?.keys();
        if card.keys.signing_key == mine.signing_key
            || card.keys.age_recipient == mine.age_recipient
        {
            return Err(Error::invalid(
                "This is your own contact card. Import the card of the person you exchange with.",
            ));
        }
        let now = Utc::now();
        let all = self.stored_contacts()?;
        let same_keys = all.iter().find(|s| s.value.keys == card.keys);
        let same_person = all.iter().find(|s| {
            s.value.name.to_lowercase() == card.name.to_lowercase()
                || s.value.keys.signing_key == card.keys.signing_key
                || s.value.keys.age_recipient == card.keys.age_recipient
        });
        let (id, previous, next) = if let Some(s) = same_keys {
            let mut next = s.value.clone();
            next.my_relation = next.my_relation.union(relation);
            // Importing the pinned card again cancels a key change that was waiting.
            next.pending = None;
            (s.id, Some(s.revision), next)
        } else if let Some(s) = same_person {
            if !replace_key {
                return Err(Error::invalid(format!(
                    "This card has different keys from the ones saved for {}. Nothing was changed. \
                     If they set up Attune again, replace the key and compare the new safety code with them \
                     in person or on a call before using it.",
                    s.value.name
                )));
            }
            let mut next = s.value.clone();
            next.pending = Some(PendingKeys {
                keys: card.keys.clone(),
                role: card.role,
                offered_at: now,
            });
            next.my_relation = next.my_relation.union(relation);
            (s.id, Some(s.revision), next)
        } else {
            let next = StoredContact {
                name: card.name.clone(),
                role: card.role,
                my_relation: relation,
                keys: card.keys.clone(),
                added_at: now,
                confirmed_at: None,
                pending: None,
                last_received: None,
                last_sent_sequence: None,
                last_confirm_received: None,
            };
            (random_id()?, None, next)
        };
        let sealed = records::seal_next(self.vault(), id, previous, &next)?;
        self.commit(&[sealed])?;
        Ok(view(&ContactId(id), &next, &mine))
    }

    /// Mark a contact confirmed once the safety code was compared (a waiting key change
    /// becomes the pinned key, and what was seen from the old key is forgotten).
    pub fn confirm_contact(&mut self, id: &ContactId, compared: bool) -> Result<Contact> {
        if !compared {
            return Err(Error::invalid(
                "Compare the safety code with them first, in person or on a call; confirm only when every digit matches.",
            ));
        }
        let mine = self.me_or_create()?.keys();
        let s = self.stored_contact(id)?;
        let mut next = s.value.clone();
        if let Some(p) = next.pending.take() {
            next.keys = p.keys;
            next.role = p.role;
            next.last_received = None;
            next.last_confirm_received = None;
        }
        next.confirmed_at = Some(Utc::now());
        let sealed = records::seal_next(self.vault(), s.id, Some(s.revision), &next)?;
        self.commit(&[sealed])?;
        self.with_folder(view(id, &next, &mine))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::crypto::{AgeIdentity, SigningKey};
    use crate::share::packet::signing_key_hex;

    fn keys() -> PartyKeys {
        PartyKeys {
            signing_key: signing_key_hex(&SigningKey::generate().unwrap().public_key()),
            age_recipient: AgeIdentity::generate().recipient(),
        }
    }

    #[test]
    fn a_card_round_trips_and_any_changed_character_is_refused() {
        let card = ContactCard {
            name: "Sam R".into(),
            role: CardRole::Supervisor,
            keys: keys(),
        };
        let text = card.to_text();
        assert_eq!(
            ContactCard::parse(&format!("\n  {}\n", text.replace('\n', "\n  "))).unwrap(),
            card
        );
        let changed = text.replace("name: Sam R", "name: Sam Q");
        assert!(ContactCard::parse(&changed)
            .unwrap_err()
            .message
            .contains("check line"));
        let cut: String = text.lines().take(4).collect::<Vec<_>>().join("\n");
        assert!(ContactCard::parse(&cut).is_err());
        let extra = format!("{text}note: hello\n");
        assert!(ContactCard::parse(&extra).is_err());
    }

    #[test]
    fn safety_codes_agree_on_both_sides_and_differ_for_other_keys() {
        let (a, b, c) = (keys(), keys(), keys());
        let code = safety_code(&a, &b);
        assert_eq!(code, safety_code(&b, &a));
        assert_ne!(code, safety_code(&a, &c));
        let groups: Vec<&str> = code.split(' ').collect();
        assert_eq!(groups.len(), 7);
        assert!(groups
            .iter()
            .all(|g| g.len() == 5 && g.chars().all(|c| c.is_ascii_digit())));
    }
}
