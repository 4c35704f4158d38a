//! Fuzz the contact card parser, which reads text pasted from a message or a file, and
//! the name rule. Nothing may panic. A card that parses has a valid name and re-serializes
//! with `to_text()` to a card that parses back the same (the checksum covers the
//! canonical text, so this is what lets a card be passed on). And any name the rule
//! accepts must survive a card round trip too, as `export_card` trusts it to.
//! Non-UTF-8 input is skipped: cards only ever arrive as text.

#![no_main]

use std::sync::OnceLock;

use attune::crypto::{AgeIdentity, SigningKey};
use attune::share::contacts::{validate_name, CardRole, ContactCard};
use attune::share::document::PartyKeys;
use attune::share::packet::signing_key_hex;
use libfuzzer_sys::fuzz_target;

/// Real keys, made once (setup may panic).
fn keys() -> &'static PartyKeys {
    static KEYS: OnceLock<PartyKeys> = OnceLock::new();
    KEYS.get_or_init(|| PartyKeys {
        signing_key: signing_key_hex(&SigningKey::generate().unwrap().public_key()),
        age_recipient: AgeIdentity::generate().recipient(),
    })
}

fn card(name: &str, role: CardRole) -> ContactCard {
    ContactCard {
        name: name.to_string(),
        role,
        keys: keys().clone(),
    }
}

fuzz_target!(
    init: {
        let seed = card("Sam R", CardRole::Both).to_text();
        attune_fuzz::seed_corpus("contact_card", || vec![("card", seed.into_bytes())]);
    },
    |data: &[u8]| {
        let Ok(text) = std::str::from_utf8(data) else { return };
        if let Ok(card) = ContactCard::parse(text) {
            assert_eq!(validate_name(&card.name), Ok(()));
            assert_eq!(ContactCard::parse(&card.to_text()), Ok(card));
        }
        if validate_name(text).is_ok() {
            let card = card(text, CardRole::Supervisor);
            assert_eq!(ContactCard::parse(&card.to_text()), Ok(card));
        }
    }
);
