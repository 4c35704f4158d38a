//! Fuzz the packet parser after age decryption: frame parse, signature check against a
//! pinned key, strict document parse, sender and recipient checks. Each input is tried
//! three ways: as a decrypted frame (the signature almost never checks out), as a
//! document signed with the pinned key (so the strict parser sees it), and directly as
//! a document. Nothing may panic; nothing changed by the fuzzer may open unless signed.

#![no_main]

use std::sync::OnceLock;

use attune::crypto::{AgeIdentity, SigningKey, SigningPublicKey};
use attune::share::{encode_frame, open_plaintext, parse_document, parse_frame};
use libfuzzer_sys::fuzz_target;

struct Keys {
    signer: SigningKey,
    pinned: [SigningPublicKey; 1],
    me: String,
}

fn keys() -> &'static Keys {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(|| {
        let signer = SigningKey::generate().unwrap();
        let pinned = [signer.public_key()];
        Keys {
            signer,
            pinned,
            me: AgeIdentity::generate().recipient(),
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let keys = keys();
    // A frame made by someone without the key: the signature must never check out.
    if let Ok((_, _)) = parse_frame(data) {
        assert!(open_plaintext(data, &keys.me, &keys.pinned).is_err());
    }
    // The same bytes as a document signed with the pinned key.
    if let Ok(frame) = encode_frame(data, &keys.signer) {
        let opened = open_plaintext(&frame, &keys.me, &keys.pinned);
        if let Ok(opened) = opened {
            assert_eq!(opened.signer, keys.pinned[0]);
        }
    }
    let _ = parse_document(data);
});
