//! The record envelope: how every stored record is encrypted.
//!
//! `version || salt(32) || nonce(12) || ciphertext+tag(16)`. The version names the
//! padding inside (see [`padding`]): 0x01 powers of two (still read), 0x02 buckets cut
//! to SQLite's pages (written now); nothing else differs. A fresh random salt gives each
//! record its own subkey, HKDF-SHA256 (RFC 5869) of the data key with info
//! `"attune/v1/record"`; the cipher is ChaCha20-Poly1305 (RFC 8439). The associated data
//! binds the blob to its journal, table, record id, kind and revision (fixed-width).

use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, CHACHA20_POLY1305, NONCE_LEN};
use ring::hkdf::{Salt, HKDF_SHA256};
use zeroize::Zeroizing;

use super::padding::{self, Scheme};
use super::{fill_random, CryptoError, DataKey};

/// The envelope version written now (page-cut padding).
pub(crate) const VERSION: u8 = 0x02;
/// The first version (power-of-two padding): read, never written.
pub(crate) const VERSION_POW2: u8 = 0x01;

fn scheme(version: u8) -> Option<Scheme> {
    match version {
        VERSION_POW2 => Some(Scheme::Pow2),
        VERSION => Some(Scheme::Paged),
        _ => None,
    }
}
const SALT_LEN: usize = 32;
const TAG_LEN: usize = 16;
const HEADER_LEN: usize = 1 + SALT_LEN + NONCE_LEN;
const SUBKEY_INFO: &[u8] = b"attune/v1/record";
const AAD_TAG: &[u8] = b"attune/rec/v1";

/// What a record's ciphertext is bound to. Any mismatch (a blob moved to another row,
/// another table, another journal, or an older revision's blob under a newer revision
/// number) makes [`open_record`] fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordAad {
    pub journal_id: [u8; 16],
    pub table: u8,
    pub record_id: [u8; 16],
    pub kind: u8,
    pub revision: u64,
}

impl RecordAad {
    /// Fixed-width binary encoding: `"attune/rec/v1" || journal id || table || record
    /// id || kind || revision (u64 BE)`. Never a joined string.
    pub(crate) fn to_bytes(self) -> [u8; 55] {
        let mut out = [0u8; 55];
        out[..13].copy_from_slice(AAD_TAG);
        out[13..29].copy_from_slice(&self.journal_id);
        out[29] = self.table;
        out[30..46].copy_from_slice(&self.record_id);
        out[46] = self.kind;
        out[47..55].copy_from_slice(&self.revision.to_be_bytes());
        out
    }
}

fn subkey(key: &DataKey, salt: &[u8]) -> Result<LessSafeKey, CryptoError> {
    let prk = Salt::new(HKDF_SHA256, salt).extract(key.expose());
    let okm = prk
        .expand(&[SUBKEY_INFO], &CHACHA20_POLY1305)
        .map_err(|_| CryptoError::Undecryptable)?;
    Ok(LessSafeKey::new(UnboundKey::from(okm)))
}

/// Pad and encrypt `plaintext` into an envelope bound to `aad`.
pub fn seal_record(
    key: &DataKey,
    aad: &RecordAad,
    plaintext: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let mut salt = [0u8; SALT_LEN];
    let mut nonce = [0u8; NONCE_LEN];
    fill_random(&mut salt)?;
    fill_random(&mut nonce)?;
    seal_with(VERSION, key, aad, plaintext, &salt, &nonce)
}

/// [`seal_record`] with the version, salt and nonce given: for known-answer vectors
/// only.
pub(crate) fn seal_with(
    version: u8,
    key: &DataKey,
    aad: &RecordAad,
    plaintext: &[u8],
    salt: &[u8; SALT_LEN],
    nonce: &[u8; NONCE_LEN],
) -> Result<Vec<u8>, CryptoError> {
    let scheme = scheme(version).ok_or(CryptoError::Undecryptable)?;
    let mut body = Zeroizing::new(padding::pad(scheme, plaintext)?);
    subkey(key, salt)?
        .seal_in_place_append_tag(
            Nonce::assume_unique_for_key(*nonce),
            Aad::from(aad.to_bytes()),
            &mut *body,
        )
        .map_err(|_| CryptoError::Undecryptable)?;
    let mut out = Vec::with_capacity(HEADER_LEN + body.len());
    out.push(version);
    out.extend_from_slice(salt);
    out.extend_from_slice(nonce);
    out.extend_from_slice(&body);
    Ok(out)
}

/// Decrypt and unpad an envelope. Any failure is the one coarse
/// [`CryptoError::Undecryptable`].
pub fn open_record(
    key: &DataKey,
    aad: &RecordAad,
    envelope: &[u8],
) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    if envelope.len() < HEADER_LEN + TAG_LEN {
        return Err(CryptoError::Undecryptable);
    }
    // The version byte is not authenticated, and need not be: it only says which
    // padding rule to check, and a changed one fails that check (or the tag) anyway.
    let scheme = scheme(envelope[0]).ok_or(CryptoError::Undecryptable)?;
    let salt = &envelope[1..1 + SALT_LEN];
    let nonce: [u8; NONCE_LEN] = envelope[1 + SALT_LEN..HEADER_LEN]
        .try_into()
        .map_err(|_| CryptoError::Undecryptable)?;
    let mut body = Zeroizing::new(envelope[HEADER_LEN..].to_vec());
    let plain_len = subkey(key, salt)?
        .open_in_place(
            Nonce::assume_unique_for_key(nonce),
            Aad::from(aad.to_bytes()),
            &mut body,
        )
        .map_err(|_| CryptoError::Undecryptable)?
        .len();
    let data = padding::unpad(scheme, &body[..plain_len])?;
    Ok(Zeroizing::new(data.to_vec()))
}

/// ChaCha20-Poly1305 with a caller-supplied key, for wrapping data keys (protectors).
pub(crate) fn aead_seal(
    key: &[u8; 32],
    nonce: &[u8; NONCE_LEN],
    aad: &[u8],
    plaintext: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let key = LessSafeKey::new(
        UnboundKey::new(&CHACHA20_POLY1305, key).map_err(|_| CryptoError::Undecryptable)?,
    );
    let mut buf = Vec::with_capacity(plaintext.len() + TAG_LEN);
    buf.extend_from_slice(plaintext);
    key.seal_in_place_append_tag(
        Nonce::assume_unique_for_key(*nonce),
        Aad::from(aad),
        &mut buf,
    )
    .map_err(|_| CryptoError::Undecryptable)?;
    Ok(buf)
}

/// Inverse of [`aead_seal`]; the plaintext comes back in a zeroizing buffer.
pub(crate) fn aead_open(
    key: &[u8; 32],
    nonce: &[u8; NONCE_LEN],
    aad: &[u8],
    ciphertext: &[u8],
) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    let key = LessSafeKey::new(
        UnboundKey::new(&CHACHA20_POLY1305, key).map_err(|_| CryptoError::Undecryptable)?,
    );
    let mut buf = Zeroizing::new(ciphertext.to_vec());
    let len = key
        .open_in_place(
            Nonce::assume_unique_for_key(*nonce),
            Aad::from(aad),
            &mut buf,
        )
        .map_err(|_| CryptoError::Undecryptable)?
        .len();
    buf.truncate(len);
    Ok(buf)
}

/// HKDF-SHA256 (RFC 5869) producing 32 bytes.
pub(crate) fn hkdf_sha256(
    ikm: &[u8],
    salt: &[u8],
    info: &[u8],
) -> Result<Zeroizing<[u8; 32]>, CryptoError> {
    struct Len32;
    impl ring::hkdf::KeyType for Len32 {
        fn len(&self) -> usize {
            32
        }
    }
    let mut out = Zeroizing::new([0u8; 32]);
    Salt::new(HKDF_SHA256, salt)
        .extract(ikm)
        .expand(&[info], Len32)
        .and_then(|okm| okm.fill(out.as_mut()))
        .map_err(|_| CryptoError::Undecryptable)?;
    Ok(out)
}

pub(crate) const AEAD_NONCE_LEN: usize = NONCE_LEN;
