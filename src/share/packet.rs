//! Packets on the wire: sealing a [`PacketDocument`] into a file and opening one.
//!
//! A packet is a standard age file (age-encryption.org/v1), encrypted to the recipient
//! and to the sender. Inside is one frame:
//!
//! ```text
//! PACKET_MAGIC (8) || document length (u32, big-endian) || document (JSON) || signature (64)
//! signature = Ed25519(SIGNATURE_CONTEXT || document)
//! ```
//!
//! Opening follows a fixed order, so nothing unauthenticated is ever acted on: size cap,
//! age decryption, frame parse, signature checked against keys pinned in the journal
//! (never a key the packet carries), and only then strict parsing of the document and
//! the checks that it names the verifying key as sender and this journal as recipient.
//! Sequence numbers and roles are the journal's business (it knows what it saw last).
//! Every refusal is an [`ErrorCode::PacketRefused`] with its own plain message; none
//! quotes the packet's contents.

use serde::Deserialize;
use zeroize::Zeroizing;

use super::document::{PacketDocument, PACKET_FORMAT};
use crate::crypto::{
    age_encrypt, age_open, is_age_recipient, sha256, verify_signature, AgeIdentity, AgeOpenError,
    Signature, SigningKey, SigningPublicKey,
};
use crate::ids::{from_lower_hex, to_hex};
use crate::{Error, ErrorCode, Result};

/// Largest packet file accepted (bytes).
pub const MAX_PACKET_BYTES: usize = 16 * 1024 * 1024;
/// Largest document a packet may carry (bytes).
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;
/// Frame magic.
pub const PACKET_MAGIC: &[u8; 8] = b"ATTUNEP1";
/// Domain separation for the signature, so it can never be mistaken for (or replayed
/// as) a signature over anything else this key signs.
pub const SIGNATURE_CONTEXT: &[u8] = b"attune/packet/v1\0";

const LENGTH_BYTES: usize = 4;
const SIGNATURE_BYTES: usize = 64;
const FRAME_OVERHEAD: usize = PACKET_MAGIC.len() + LENGTH_BYTES + SIGNATURE_BYTES;

/// A signed document whose signature checked out against one of the candidate keys.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedPacket {
    /// The pinned key that verified the signature.
    pub signer: SigningPublicKey,
    pub document: PacketDocument,
    /// SHA-256 of the signed document bytes: the same packet imported twice has the same
    /// digest.
    pub document_bytes_sha256: [u8; 32],
}

/// A signing key as written in [`super::document::PartyKeys`]: 64 lowercase hex digits.
pub fn signing_key_hex(key: &SigningPublicKey) -> String {
    to_hex(key)
}

/// The key written by [`signing_key_hex`]; anything else (upper case, spaces, another
/// length) is `None`.
pub fn parse_signing_key_hex(text: &str) -> Option<SigningPublicKey> {
    from_lower_hex(text)
}

/// The sequence number of the next packet to one contact: `max(last + 1, now_ms)`, so it
/// grows even when the clock goes backwards.
pub fn next_sequence(last: Option<u64>, now_ms: u64) -> u64 {
    match last {
        Some(last) => last.saturating_add(1).max(now_ms),
        None => now_ms,
    }
}

/// Encode, sign and encrypt `doc` to the recipient and to the sender (both `age1…`
/// recipients). The document must name `signer` as its sender.
pub fn seal_packet(
    doc: &PacketDocument,
    signer: &SigningKey,
    recipients: &[String],
) -> Result<Vec<u8>> {
    if doc.format != PACKET_FORMAT {
        return Err(Error::invalid(
            "This version of Attune writes packets in its own format only.",
        ));
    }
    if parse_signing_key_hex(&doc.sender.signing_key) != Some(signer.public_key()) {
        return Err(Error::invalid(
            "The packet's sender is not this journal's signing key.",
        ));
    }
    if recipients.is_empty() || !recipients.iter().all(|r| is_age_recipient(r)) {
        return Err(Error::invalid(
            "A packet needs at least one recipient key, each starting with age1.",
        ));
    }
    let document = Zeroizing::new(
        serde_json::to_vec(doc).map_err(|_| Error::internal("The file could not be written."))?,
    );
    let frame = encode_frame(&document, signer)?;
    let sealed = age_encrypt(recipients, &frame)
        .map_err(|_| Error::internal("The file could not be encrypted."))?;
    if sealed.len() > MAX_PACKET_BYTES {
        return Err(too_large_to_send());
    }
    Ok(sealed)
}

/// Sign `document` (as it will be sent, byte for byte) and frame it. The caller
/// encrypts the result; [`seal_packet`] is the usual way in.
pub fn encode_frame(document: &[u8], signer: &SigningKey) -> Result<Zeroizing<Vec<u8>>> {
    if document.len() > MAX_DOCUMENT_BYTES {
        return Err(too_large_to_send());
    }
    let length = u32::try_from(document.len()).map_err(|_| too_large_to_send())?;
    let signature = signer.sign(&signed_message(document));
    let mut frame = Zeroizing::new(Vec::with_capacity(document.len() + FRAME_OVERHEAD));
    frame.extend_from_slice(PACKET_MAGIC);
    frame.extend_from_slice(&length.to_be_bytes());
    frame.extend_from_slice(document);
    frame.extend_from_slice(&signature);
    Ok(frame)
}

/// Open a packet file meant for `me`, signed by one of `candidates` (the signing keys
/// pinned in the journal for confirmed contacts).
pub fn open_packet(
    bytes: &[u8],
    me: &AgeIdentity,
    candidates: &[SigningPublicKey],
) -> Result<OpenedPacket> {
    if bytes.len() > MAX_PACKET_BYTES {
        return Err(refused(
            "This file is too large to be an Attune exchange file (16 MB at most). Nothing was \
             changed.",
        ));
    }
    let plaintext =
        age_open(me, bytes, MAX_DOCUMENT_BYTES + FRAME_OVERHEAD).map_err(|err| match err {
            AgeOpenError::NotAgeFile | AgeOpenError::TooManyStanzas => {
                refused("This file is not an Attune exchange file. Nothing was changed.")
            }
            AgeOpenError::NotForMe => refused(
                "This file was not sent to this journal. It may be meant for someone \
                 else, or for another journal. Nothing was changed.",
            ),
            AgeOpenError::Damaged => damaged(),
            AgeOpenError::TooLarge => refused(
                "This file holds more than Attune accepts (16 MB at most). Nothing was \
                 changed.",
            ),
        })?;
    open_plaintext(&plaintext, &me.recipient(), candidates)
}

/// Split a decrypted frame into the document bytes and the signature. Checks the shape
/// only: magic, length, and that nothing follows the signature.
pub fn parse_frame(plaintext: &[u8]) -> Result<(&[u8], &Signature)> {
    let rest = plaintext
        .strip_prefix(PACKET_MAGIC.as_slice())
        .ok_or_else(malformed_frame)?;
    let (length, rest) = rest
        .split_first_chunk::<LENGTH_BYTES>()
        .ok_or_else(malformed_frame)?;
    let length = usize::try_from(u32::from_be_bytes(*length)).map_err(|_| malformed_frame())?;
    if length > MAX_DOCUMENT_BYTES || rest.len() != length.saturating_add(SIGNATURE_BYTES) {
        return Err(malformed_frame());
    }
    let (document, signature) = rest.split_at(length);
    let signature: &Signature = signature.try_into().map_err(|_| malformed_frame())?;
    Ok((document, signature))
}

/// Everything [`open_packet`] does after age decryption: frame parse, signature against
/// each pinned candidate, strict document parse, sender and recipient checks.
/// `my_recipient` is this journal's `age1…` recipient.
pub fn open_plaintext(
    plaintext: &[u8],
    my_recipient: &str,
    candidates: &[SigningPublicKey],
) -> Result<OpenedPacket> {
    let (document_bytes, signature) = parse_frame(plaintext)?;
    let message = signed_message(document_bytes);
    let signer = candidates
        .iter()
        .find(|key| verify_signature(key, &message, signature).is_ok())
        .copied()
        .ok_or_else(|| unverified(document_bytes, candidates))?;

    let document = parse_document(document_bytes)?;
    if document.sender.signing_key != signing_key_hex(&signer) {
        return Err(refused(
            "The sender named inside this file is not the contact who signed it, so it \
             was not opened. Nothing was changed.",
        ));
    }
    if document.recipient.age_recipient != my_recipient {
        return Err(refused(
            "This file reached this journal but is addressed to someone else, so it was \
             not opened. Nothing was changed.",
        ));
    }
    Ok(OpenedPacket {
        signer,
        document,
        document_bytes_sha256: sha256(document_bytes),
    })
}

/// Only the format number, read leniently, so a newer document gets its own message.
#[derive(Deserialize)]
struct FormatProbe {
    format: u32,
}

/// Strict parse of a document's bytes (unknown fields and kinds refused; format must be
/// [`PACKET_FORMAT`]). Call it only on bytes whose signature has checked out.
pub fn parse_document(bytes: &[u8]) -> Result<PacketDocument> {
    let probe: FormatProbe = serde_json::from_slice(bytes).map_err(|_| malformed_document())?;
    if probe.format > PACKET_FORMAT {
        return Err(refused(
            "This file was made by a newer Attune. Update Attune, then import it again. \
             Nothing was changed.",
        ));
    }
    if probe.format != PACKET_FORMAT {
        return Err(malformed_document());
    }
    // serde_json's own messages may quote the document, so they are not passed on.
    let document: PacketDocument =
        serde_json::from_slice(bytes).map_err(|_| malformed_document())?;
    document.check().map_err(|_| {
        refused(
            "This file holds something Attune does not accept (text that is too long, \
             a rating out of range, repeated ids, or too many reflections), so it was not \
             opened. Nothing was changed.",
        )
    })?;
    Ok(document)
}

fn signed_message(document: &[u8]) -> Zeroizing<Vec<u8>> {
    let mut message = Zeroizing::new(Vec::with_capacity(SIGNATURE_CONTEXT.len() + document.len()));
    message.extend_from_slice(SIGNATURE_CONTEXT);
    message.extend_from_slice(document);
    message
}

/// No pinned key verified the signature. If the unverified document names one of the
/// pinned keys, someone claims to be that contact: the bytes were forged or changed on
/// the way. Otherwise it comes from someone not confirmed. The lookup only picks the
/// wording; both are refusals.
fn unverified(document: &[u8], candidates: &[SigningPublicKey]) -> Error {
    let claims_a_contact = candidates.iter().any(|key| {
        let hex = signing_key_hex(key);
        document
            .windows(hex.len())
            .any(|window| window == hex.as_bytes())
    });
    if claims_a_contact {
        damaged()
    } else {
        refused("This file is not signed by anyone you have confirmed as a contact.")
    }
}

fn refused(message: &str) -> Error {
    Error::new(ErrorCode::PacketRefused, message)
}

fn damaged() -> Error {
    refused(
        "The file is damaged or was changed on the way. Ask the sender for a fresh copy. \
         Nothing was changed.",
    )
}

fn malformed_frame() -> Error {
    refused(
        "This file opened, but what is inside is not laid out as Attune exchange files are. \
         Nothing was changed.",
    )
}

fn malformed_document() -> Error {
    refused(
        "This file is signed by your contact, but its contents could not be read. \
         Nothing was changed.",
    )
}

fn too_large_to_send() -> Error {
    Error::invalid("This is too much to send in one file (16 MB at most). Share fewer reflections.")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn signing_keys_round_trip_through_lowercase_hex_only() {
        let key = SigningKey::generate().unwrap().public_key();
        let hex = signing_key_hex(&key);
        assert_eq!(hex.len(), 64);
        assert_eq!(parse_signing_key_hex(&hex), Some(key));
        assert!(hex
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase()));
        // A key with a letter digit, so upper case differs.
        let letters = [0xabu8; 32];
        let hex = signing_key_hex(&letters);
        assert_eq!(parse_signing_key_hex(&hex), Some(letters));
        assert_eq!(parse_signing_key_hex(&hex.to_uppercase()), None);
        assert_eq!(parse_signing_key_hex(&hex[..62]), None);
        assert_eq!(parse_signing_key_hex(&format!("{hex}00")), None);
        assert_eq!(parse_signing_key_hex(&format!(" {}", &hex[1..])), None);
        assert_eq!(parse_signing_key_hex(&"g".repeat(64)), None);
    }

    #[test]
    fn the_next_sequence_follows_the_clock_and_never_repeats() {
        assert_eq!(next_sequence(None, 1_700_000_000_000), 1_700_000_000_000);
        assert_eq!(next_sequence(Some(5), 1_700_000_000_000), 1_700_000_000_000);
        // A clock that went backwards (or two packets in one millisecond).
        assert_eq!(
            next_sequence(Some(1_700_000_000_000), 1_600_000_000_000),
            1_700_000_000_001
        );
        assert_eq!(next_sequence(Some(42), 42), 43);
        assert_eq!(next_sequence(Some(u64::MAX), 0), u64::MAX);
    }

    #[test]
    fn a_frame_splits_into_document_and_signature_and_nothing_else() {
        let key = SigningKey::generate().unwrap();
        let frame = encode_frame(b"{\"format\":1}", &key).unwrap();
        let (document, signature) = parse_frame(&frame).unwrap();
        assert_eq!(document, b"{\"format\":1}");
        verify_signature(&key.public_key(), &signed_message(document), signature).unwrap();
        // Without the context the signature does not verify.
        assert!(verify_signature(&key.public_key(), document, signature).is_err());

        let empty = encode_frame(b"", &key).unwrap();
        assert_eq!(parse_frame(&empty).unwrap().0, b"");
        for bad in [
            &frame[..frame.len() - 1],
            &frame[..11],
            &[],
            &[frame.as_slice(), b"x"].concat()[..],
        ] {
            assert_eq!(parse_frame(bad).unwrap_err().code, ErrorCode::PacketRefused);
        }
    }
}
