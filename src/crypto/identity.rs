//! A journal's identity for the supervision exchange: an Ed25519 signing key (ring,
//! RFC 8032, stored as PKCS#8) and an age X25519 identity (the `age` crate, the
//! age-encryption.org/v1 format). Secret halves zeroize and print `[REDACTED]`; callers
//! hold these handles and the public forms, never raw secret bytes.

use std::io::{Read, Write};
use std::str::FromStr;

use age::secrecy::ExposeSecret;
use ring::signature::{Ed25519KeyPair, KeyPair, UnparsedPublicKey, ED25519};
use zeroize::Zeroizing;

use super::CryptoError;

/// An Ed25519 public key.
pub type SigningPublicKey = [u8; 32];
/// An Ed25519 signature.
pub type Signature = [u8; 64];

/// The secret Ed25519 key that signs this journal's packets.
pub struct SigningKey {
    pair: Ed25519KeyPair,
    pkcs8: Zeroizing<Vec<u8>>,
}

impl SigningKey {
    /// A fresh key from the system's random number generator.
    pub fn generate() -> Result<Self, CryptoError> {
        let rng = ring::rand::SystemRandom::new();
        let doc = Ed25519KeyPair::generate_pkcs8(&rng).map_err(|_| CryptoError::Random)?;
        Self::from_pkcs8(doc.as_ref())
    }

    /// The key as stored (inside an encrypted record).
    pub fn from_pkcs8(pkcs8: &[u8]) -> Result<Self, CryptoError> {
        let pair = Ed25519KeyPair::from_pkcs8(pkcs8).map_err(|_| CryptoError::Undecryptable)?;
        Ok(Self {
            pair,
            pkcs8: Zeroizing::new(pkcs8.to_vec()),
        })
    }

    /// The PKCS#8 bytes, to be sealed into the journal.
    pub fn pkcs8(&self) -> &[u8] {
        &self.pkcs8
    }

    pub fn public_key(&self) -> SigningPublicKey {
        let mut out = [0u8; 32];
        out.copy_from_slice(self.pair.public_key().as_ref());
        out
    }

    pub fn sign(&self, message: &[u8]) -> Signature {
        let mut out = [0u8; 64];
        out.copy_from_slice(self.pair.sign(message).as_ref());
        out
    }
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SigningKey([REDACTED])")
    }
}

/// Does `signature` sign `message` under `public`? Deliberately coarse on failure.
pub fn verify_signature(
    public: &SigningPublicKey,
    message: &[u8],
    signature: &[u8],
) -> Result<(), CryptoError> {
    UnparsedPublicKey::new(&ED25519, public)
        .verify(message, signature)
        .map_err(|_| CryptoError::Undecryptable)
}

/// The secret age X25519 identity that opens packets sent to this journal.
pub struct AgeIdentity(age::x25519::Identity);

impl AgeIdentity {
    pub fn generate() -> Self {
        Self(age::x25519::Identity::generate())
    }

    /// Parse the `AGE-SECRET-KEY-1…` form (as stored inside an encrypted record).
    pub fn parse(secret: &str) -> Result<Self, CryptoError> {
        age::x25519::Identity::from_str(secret.trim())
            .map(Self)
            .map_err(|_| CryptoError::Undecryptable)
    }

    /// The `AGE-SECRET-KEY-1…` form, to be sealed into the journal.
    pub fn to_secret_string(&self) -> Zeroizing<String> {
        Zeroizing::new(self.0.to_string().expose_secret().to_string())
    }

    /// The public `age1…` recipient others encrypt to.
    pub fn recipient(&self) -> String {
        self.0.to_public().to_string()
    }
}

impl std::fmt::Debug for AgeIdentity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AgeIdentity([REDACTED])")
    }
}

/// Is `text` a well-formed `age1…` X25519 recipient?
pub fn is_age_recipient(text: &str) -> bool {
    age::x25519::Recipient::from_str(text).is_ok()
}

/// Encrypt `plaintext` to every `age1…` recipient (a standard age file, binary form).
pub fn age_encrypt(recipients: &[String], plaintext: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let parsed: Vec<age::x25519::Recipient> = recipients
        .iter()
        .map(|r| age::x25519::Recipient::from_str(r).map_err(|_| CryptoError::Undecryptable))
        .collect::<Result<_, _>>()?;
    let encryptor =
        age::Encryptor::with_recipients(parsed.iter().map(|r| r as &dyn age::Recipient))
            .map_err(|_| CryptoError::Undecryptable)?;
    let mut out = Vec::with_capacity(plaintext.len() + 256);
    let mut writer = encryptor
        .wrap_output(&mut out)
        .map_err(|_| CryptoError::Undecryptable)?;
    writer
        .write_all(plaintext)
        .map_err(|_| CryptoError::Undecryptable)?;
    writer.finish().map_err(|_| CryptoError::Undecryptable)?;
    Ok(out)
}

/// Why an age file did not open: coarse, but enough to tell a person whether the file is
/// not an age file at all, not meant for them, or damaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgeOpenError {
    /// No age-encryption.org/v1 header: some other kind of file (or a newer age format).
    NotAgeFile,
    /// A well-formed age file with no recipient stanza this identity opens. X25519
    /// stanzas carry no tag, so a stanza of ours that was edited lands here too.
    NotForMe,
    /// The header, its MAC or the payload failed to authenticate, or the file is cut short.
    Damaged,
    /// The plaintext is larger than the cap given.
    TooLarge,
    /// The header has more recipient stanzas, or more bytes, than Attune ever writes.
    TooManyStanzas,
}

/// Decrypt an age file (age-encryption.org/v1, binary form) meant for `identity`,
/// refusing to produce more than `max_len` bytes (a size cap against hostile input).
pub fn age_open(
    identity: &AgeIdentity,
    ciphertext: &[u8],
    max_len: usize,
) -> Result<Zeroizing<Vec<u8>>, AgeOpenError> {
    check_header_size(ciphertext)?;
    // The buffered reader parses the header once (the unbuffered one re-reads it after
    // every line, which a hostile header turns into quadratic time).
    let decryptor = age::Decryptor::new_buffered(ciphertext).map_err(|err| match err {
        age::DecryptError::UnknownFormat => AgeOpenError::NotAgeFile,
        _ if !ciphertext.starts_with(b"age-encryption.org/") => AgeOpenError::NotAgeFile,
        _ => AgeOpenError::Damaged,
    })?;
    let mut reader = decryptor
        .decrypt(std::iter::once(&identity.0 as &dyn age::Identity))
        .map_err(|err| match err {
            age::DecryptError::NoMatchingKeys => AgeOpenError::NotForMe,
            _ => AgeOpenError::Damaged,
        })?;
    let mut out = Zeroizing::new(Vec::new());
    let limit = u64::try_from(max_len).unwrap_or(u64::MAX).saturating_add(1);
    (&mut reader)
        .take(limit)
        .read_to_end(&mut out)
        .map_err(|_| AgeOpenError::Damaged)?;
    if out.len() > max_len {
        return Err(AgeOpenError::TooLarge);
    }
    Ok(out)
}

/// Recipient stanzas an Attune packet carries: the recipient's, the sender's own and
/// age's random "grease" stanza. Room above that, and far fewer than a header stuffed
/// to stall the parser.
pub const MAX_STANZAS: usize = 8;
/// Bytes of header Attune ever writes for [`MAX_STANZAS`] X25519 stanzas, with room.
pub const MAX_HEADER_BYTES: usize = 4096;

/// Refuse, before age parses anything, a header with more stanzas or bytes than
/// Attune ever writes.
fn check_header_size(ciphertext: &[u8]) -> Result<(), AgeOpenError> {
    const MAGIC: &[u8] = b"age-encryption.org/v1\n";
    if !ciphertext.starts_with(MAGIC) {
        // Not our format (or the armored form): age itself says which.
        return Ok(());
    }
    let head = &ciphertext[..ciphertext.len().min(MAX_HEADER_BYTES)];
    let mut stanzas = 0;
    for line in head.split(|b| *b == b'\n') {
        if line.starts_with(b"---") {
            return Ok(());
        }
        if line.starts_with(b"-> ") {
            stanzas += 1;
            if stanzas > MAX_STANZAS {
                return Err(AgeOpenError::TooManyStanzas);
            }
        }
    }
    // No MAC line within the size Attune writes.
    Err(AgeOpenError::TooManyStanzas)
}

/// As [`age_open`], with the crate's deliberately coarse error.
pub fn age_decrypt(
    identity: &AgeIdentity,
    ciphertext: &[u8],
    max_len: usize,
) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    age_open(identity, ciphertext, max_len).map_err(|err| match err {
        AgeOpenError::TooLarge => CryptoError::TooLarge,
        AgeOpenError::NotAgeFile
        | AgeOpenError::NotForMe
        | AgeOpenError::Damaged
        | AgeOpenError::TooManyStanzas => CryptoError::Undecryptable,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_signature_verifies_under_its_key_only_and_the_key_survives_storage() {
        let key = SigningKey::generate().unwrap();
        let again = SigningKey::from_pkcs8(key.pkcs8()).unwrap();
        assert_eq!(key.public_key(), again.public_key());
        let sig = again.sign(b"document");
        verify_signature(&key.public_key(), b"document", &sig).unwrap();
        assert!(verify_signature(&key.public_key(), b"documenT", &sig).is_err());
        let other = SigningKey::generate().unwrap();
        assert!(verify_signature(&other.public_key(), b"document", &sig).is_err());
        assert_eq!(format!("{key:?}"), "SigningKey([REDACTED])");
    }

    #[test]
    fn age_round_trip_for_each_recipient_and_not_for_others() {
        let a = AgeIdentity::generate();
        let b = AgeIdentity::generate();
        let c = AgeIdentity::generate();
        assert!(is_age_recipient(&a.recipient()));
        assert!(!is_age_recipient("age1notarecipient"));
        let sealed = age_encrypt(&[a.recipient(), b.recipient()], b"hello packet").unwrap();
        assert!(sealed.starts_with(b"age-encryption.org/v1\n"));
        for who in [&a, &b] {
            assert_eq!(
                &age_decrypt(who, &sealed, 1024).unwrap()[..],
                b"hello packet"
            );
        }
        assert_eq!(
            age_decrypt(&c, &sealed, 1024).unwrap_err(),
            CryptoError::Undecryptable
        );
        assert_eq!(
            age_decrypt(&a, &sealed, 4).unwrap_err(),
            CryptoError::TooLarge
        );
        let stored = a.to_secret_string();
        assert_eq!(
            AgeIdentity::parse(&stored).unwrap().recipient(),
            a.recipient()
        );
        assert_eq!(format!("{a:?}"), "AgeIdentity([REDACTED])");
    }

    #[test]
    fn age_open_tells_other_files_misdirected_files_and_damage_apart() {
        let me = AgeIdentity::generate();
        let other = AgeIdentity::generate();
        let sealed = age_encrypt(&[me.recipient()], &[7u8; 100_000]).unwrap();
        assert_eq!(age_open(&me, &sealed, 200_000).unwrap().len(), 100_000);
        assert_eq!(
            age_open(&other, &sealed, 200_000).unwrap_err(),
            AgeOpenError::NotForMe
        );
        assert_eq!(
            age_open(&me, b"PK\x03\x04 a zip file", 10).unwrap_err(),
            AgeOpenError::NotAgeFile
        );
        let mut damaged = sealed.clone();
        let last = damaged.len() - 1;
        damaged[last] ^= 1;
        assert_eq!(
            age_open(&me, &damaged, 200_000).unwrap_err(),
            AgeOpenError::Damaged
        );
        assert_eq!(
            age_open(&me, &sealed[..sealed.len() - 20], 200_000).unwrap_err(),
            AgeOpenError::Damaged
        );
    }
}
