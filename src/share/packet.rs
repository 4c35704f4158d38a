//! TEMPORARY STAND-IN, replaced at merge by the share-packet branch's `packet.rs`.
//!
//! Same public API as that module (seal/open a packet: an age file holding
//! `magic || length || document || Ed25519 signature over (context || document)`),
//! with real age encryption and real signatures, so the journal side can be built and
//! tested now. It is not the reviewed parser: take theirs at merge.

use crate::crypto::{
    age_decrypt, age_encrypt, sha256, verify_signature, AgeIdentity, SigningKey, SigningPublicKey,
};
use crate::share::document::{PacketDocument, PACKET_FORMAT};
use crate::{Error, Result};

/// The largest packet file accepted (and the largest plaintext inside one).
pub const MAX_PACKET_BYTES: usize = 16 * 1024 * 1024;
pub const PACKET_MAGIC: &[u8; 8] = b"ATTUNEP1";
pub const SIGNATURE_CONTEXT: &[u8] = b"attune/packet/v1\0";

/// A packet whose signature checked out against a pinned key.
#[derive(Debug)]
pub struct OpenedPacket {
    pub signer: SigningPublicKey,
    pub document: PacketDocument,
    pub document_bytes_sha256: [u8; 32],
}

fn unreadable() -> Error {
    Error::invalid("This file is not an Attune packet meant for you, or it was damaged on the way.")
}

/// Sign `doc` with `signer` and encrypt it to every `age1…` recipient.
pub fn seal_packet(
    doc: &PacketDocument,
    signer: &SigningKey,
    recipients: &[String],
) -> Result<Vec<u8>> {
    let document =
        serde_json::to_vec(doc).map_err(|_| Error::internal("Could not encode the packet."))?;
    let len = u32::try_from(document.len())
        .map_err(|_| Error::invalid("This packet would be too large."))?;
    let mut signed = SIGNATURE_CONTEXT.to_vec();
    signed.extend_from_slice(&document);
    let signature = signer.sign(&signed);
    let mut inner = Vec::with_capacity(document.len() + 76);
    inner.extend_from_slice(PACKET_MAGIC);
    inner.extend_from_slice(&len.to_be_bytes());
    inner.extend_from_slice(&document);
    inner.extend_from_slice(&signature);
    if inner.len() > MAX_PACKET_BYTES {
        return Err(Error::invalid("This packet would be too large."));
    }
    Ok(age_encrypt(recipients, &inner)?)
}

/// Decrypt with `me`, verify the signature against the pinned `candidates` only, then
/// parse strictly and check the recipient is `me`.
pub fn open_packet(
    bytes: &[u8],
    me: &AgeIdentity,
    candidates: &[SigningPublicKey],
) -> Result<OpenedPacket> {
    if bytes.len() > MAX_PACKET_BYTES {
        return Err(Error::invalid(
            "This file is too large to be an Attune packet.",
        ));
    }
    let inner = age_decrypt(me, bytes, MAX_PACKET_BYTES).map_err(|_| unreadable())?;
    let rest = inner.strip_prefix(PACKET_MAGIC).ok_or_else(unreadable)?;
    let (len, rest) = rest.split_at_checked(4).ok_or_else(unreadable)?;
    let len = usize::try_from(u32::from_be_bytes(
        len.try_into().map_err(|_| unreadable())?,
    ))
    .map_err(|_| unreadable())?;
    let (document, signature) = rest.split_at_checked(len).ok_or_else(unreadable)?;
    if signature.len() != 64 {
        return Err(unreadable());
    }
    let mut signed = SIGNATURE_CONTEXT.to_vec();
    signed.extend_from_slice(document);
    let signer = candidates
        .iter()
        .find(|k| verify_signature(k, &signed, signature).is_ok())
        .copied()
        .ok_or_else(|| {
            Error::invalid(
                "This packet is not signed by a confirmed contact. Import their contact card and confirm the safety code first.",
            )
        })?;
    let value: serde_json::Value = serde_json::from_slice(document).map_err(|_| unreadable())?;
    if value.get("format").and_then(serde_json::Value::as_u64) != Some(u64::from(PACKET_FORMAT)) {
        return Err(Error::invalid(
            "This packet was made by a newer version of Attune. Update Attune to import it.",
        ));
    }
    let parsed: PacketDocument = serde_json::from_value(value).map_err(|_| unreadable())?;
    if parsed.recipient.age_recipient != me.recipient() {
        return Err(Error::invalid("This packet was meant for someone else."));
    }
    if parse_signing_key_hex(&parsed.sender.signing_key) != Some(signer) {
        return Err(unreadable());
    }
    Ok(OpenedPacket {
        signer,
        document: parsed,
        document_bytes_sha256: sha256(document),
    })
}

/// A signing key as 64 lowercase hex digits.
pub fn signing_key_hex(key: &SigningPublicKey) -> String {
    key.iter().map(|b| format!("{b:02x}")).collect()
}

/// Parse 64 lowercase hex digits.
pub fn parse_signing_key_hex(text: &str) -> Option<SigningPublicKey> {
    if text.len() != 64 || !text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

/// The next sequence number: max(last + 1, now in ms).
pub fn next_sequence(last: Option<u64>, now_ms: u64) -> u64 {
    match last {
        Some(l) => l.saturating_add(1).max(now_ms),
        None => now_ms,
    }
}
