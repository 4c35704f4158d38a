//! All of Attune's cryptography, behind a small safe API.
//!
//! This is the only module that uses `ring`, `argon2` and `age`. The rest of the code holds
//! key *handles* ([`DataKey`], [`RecoveryKey`]) and calls [`seal_record`] /
//! [`open_record`] and the protector functions; it never sees key bytes. Key types
//! zeroize on drop and print `[REDACTED]` in `Debug`.
//!
//! Formats (all versioned, see `docs/security.md`):
//! - record envelope: `0x01 || salt(32) || nonce(12) || ciphertext+tag`, subkey =
//!   HKDF-SHA256(data key, salt, "attune/v1/record"), ChaCha20-Poly1305 (RFC 8439);
//! - key protector: the data key wrapped with ChaCha20-Poly1305 under a key-encryption
//!   key from Argon2id (RFC 9106) or from HKDF over the recovery key;
//! - command-line session: the data key wrapped under a random session key
//!   ([`SealedSession`]), bound to the journal, key id and expiry.

mod envelope;
mod identity;
mod kdf;
mod padding;
mod protector;
mod recovery_key;
mod session;
#[cfg(test)]
mod vectors;

pub use envelope::{open_record, seal_record, RecordAad};
pub use identity::{
    age_decrypt, age_encrypt, age_open, is_age_recipient, verify_signature, AgeIdentity,
    AgeOpenError, Signature, SigningKey, SigningPublicKey,
};
pub use kdf::KdfParams;
pub use padding::PAGE_SIZE;
pub use protector::{ProtectorKind, WrappedKey};
pub use recovery_key::{RecoveryKey, RecoveryKeyError};
pub use session::{SealedSession, SessionBinding, SessionKey, SEALED_SESSION_LEN};

use ring::rand::{SecureRandom, SystemRandom};
use unicode_normalization::UnicodeNormalization;
use zeroize::{Zeroize, Zeroizing};

/// Shortest passphrase the core accepts, in characters (after NFC normalisation).
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// Why a cryptographic operation failed. Deliberately coarse: callers learn *that*
/// something did not authenticate, never which byte or which step.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CryptoError {
    /// The data did not authenticate: wrong key, edited, swapped or truncated bytes.
    #[error("the data could not be decrypted")]
    Undecryptable,
    /// Stored key-derivation parameters are outside the bounds we accept; nothing was derived.
    #[error("key derivation parameters are out of bounds")]
    KdfParamsOutOfBounds,
    /// The operating system's random number generator failed.
    #[error("the system random number generator failed")]
    Random,
    /// The plaintext is larger than a record may be.
    #[error("record too large")]
    TooLarge,
}

/// Fill `buf` from the operating system's CSPRNG.
pub(crate) fn fill_random(buf: &mut [u8]) -> Result<(), CryptoError> {
    SystemRandom::new()
        .fill(buf)
        .map_err(|_| CryptoError::Random)
}

/// `N` random bytes, for identifiers (journal, record and protector ids).
pub fn random_id<const N: usize>() -> Result<[u8; N], CryptoError> {
    let mut id = [0u8; N];
    fill_random(&mut id)?;
    Ok(id)
}

/// SHA-256 of `data`, for checksums and safety codes.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    let digest = ring::digest::digest(&ring::digest::SHA256, data);
    let mut out = [0u8; 32];
    out.copy_from_slice(digest.as_ref());
    out
}

/// The 256-bit key that encrypts every record of a journal (the "DEK").
///
/// Only ever held in memory while the journal is unlocked; zeroized on drop.
pub struct DataKey(Zeroizing<[u8; 32]>);

impl DataKey {
    /// A fresh random data key.
    pub fn generate() -> Result<Self, CryptoError> {
        let mut bytes = Zeroizing::new([0u8; 32]);
        fill_random(bytes.as_mut())?;
        Ok(Self(bytes))
    }

    pub(crate) fn from_bytes(bytes: Zeroizing<[u8; 32]>) -> Self {
        Self(bytes)
    }

    pub(crate) fn expose(&self) -> &[u8; 32] {
        &self.0
    }
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey([REDACTED])")
    }
}

/// A passphrase, NFC-normalised, zeroized on drop, never printed.
///
/// It has no `Serialize` and no `Display`, so it cannot leak into output by accident.
pub struct Passphrase(Zeroizing<String>);

/// Why a passphrase was not accepted as a *new* passphrase.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PassphraseError {
    #[error("a passphrase needs at least {MIN_PASSPHRASE_CHARS} characters")]
    TooShort,
    /// zxcvbn scores it 0 or 1 (guessed within about a million tries): a common
    /// password, a keyboard run, a repeated word or a date.
    #[error("that passphrase would be easy to guess ({0}). A few unrelated words are easy to remember and hard to guess")]
    EasyToGuess(&'static str),
}

impl Passphrase {
    /// Normalise to NFC, so the same words typed on another keyboard or system open the
    /// journal. No other change: spaces and case matter.
    pub fn new(raw: &str) -> Self {
        Self(Zeroizing::new(raw.nfc().collect()))
    }

    /// As [`Passphrase::new`], and checks the rules for choosing a new passphrase.
    pub fn new_checked(raw: &str) -> Result<Self, PassphraseError> {
        let pass = Self::new(raw);
        if pass.0.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(PassphraseError::TooShort);
        }
        let judged = zxcvbn::zxcvbn(&pass.0, &[]);
        if u8::from(judged.score()) < 2 {
            return Err(PassphraseError::EasyToGuess(why_easy(judged.feedback())));
        }
        Ok(pass)
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

/// zxcvbn's reason, in our words (its own sentences are not ours to show).
fn why_easy(feedback: Option<&zxcvbn::feedback::Feedback>) -> &'static str {
    use zxcvbn::feedback::Warning;
    match feedback.and_then(|f| f.warning()) {
        Some(
            Warning::ThisIsATop10Password
            | Warning::ThisIsATop100Password
            | Warning::ThisIsACommonPassword
            | Warning::ThisIsSimilarToACommonlyUsedPassword,
        ) => "it is a commonly used password",
        Some(
            Warning::StraightRowsOfKeysAreEasyToGuess
            | Warning::ShortKeyboardPatternsAreEasyToGuess,
        ) => "it follows the keyboard",
        Some(
            Warning::RepeatsLikeAaaAreEasyToGuess
            | Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess,
        ) => "it repeats itself",
        Some(Warning::SequencesLikeAbcAreEasyToGuess) => "it is a sequence",
        Some(Warning::RecentYearsAreEasyToGuess | Warning::DatesAreOftenEasyToGuess) => {
            "it is mostly a date or a year"
        }
        Some(
            Warning::NamesAndSurnamesByThemselvesAreEasyToGuess
            | Warning::CommonNamesAndSurnamesAreEasyToGuess,
        ) => "it is mostly a name",
        Some(Warning::AWordByItselfIsEasyToGuess) => "it is a single word",
        _ => "it follows a common pattern",
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase([REDACTED])")
    }
}

/// Strip exactly one trailing newline (`\n` or `\r\n`), as read from a file or stdin.
pub fn strip_one_newline(text: &mut String) {
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
}

/// Wipe a buffer that held secret or decrypted bytes.
pub fn wipe(buf: &mut Vec<u8>) {
    buf.zeroize();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passphrase_is_nfc_normalised() {
        // "é" precomposed vs "e" + combining acute accent.
        let a = Passphrase::new("caf\u{e9} au lait");
        let b = Passphrase::new("cafe\u{301} au lait");
        assert_eq!(a.as_bytes(), b.as_bytes());
    }

    #[test]
    fn short_passphrase_is_refused() {
        assert_eq!(
            Passphrase::new_checked("short").err(),
            Some(PassphraseError::TooShort)
        );
        assert!(Passphrase::new_checked("ten chars!").is_ok());
    }

    #[test]
    fn exactly_one_newline_is_stripped() {
        let mut s = String::from("pass \n\n");
        strip_one_newline(&mut s);
        assert_eq!(s, "pass \n");
        let mut s = String::from("pass\r\n");
        strip_one_newline(&mut s);
        assert_eq!(s, "pass");
        let mut s = String::from("pass");
        strip_one_newline(&mut s);
        assert_eq!(s, "pass");
    }

    #[test]
    fn keys_do_not_print() {
        let key = DataKey::generate().unwrap();
        assert_eq!(format!("{key:?}"), "DataKey([REDACTED])");
        let pass = Passphrase::new("correct horse battery");
        assert!(!format!("{pass:?}").contains("horse"));
    }
}
