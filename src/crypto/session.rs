//! Command-line sessions: a copy of the data key wrapped under a random session key.
//!
//! `attune unlock` makes a [`SessionKey`] (32 random bytes that live only in the shell's
//! `ATTUNE_SESSION` variable) and a [`SealedSession`] (kept only in the user's runtime
//! folder). The wrap is ChaCha20-Poly1305 under
//! `KEK = HKDF-SHA256(session key, salt = session id, info = "attune/v1/session-kek")`
//! with a random nonce; the associated data is `"attune/sess/v1" ||` the fixed-width
//! [`SessionBinding`], so the journal's identity, the key id, the expiry and everything
//! else the binding says cannot be changed without the session failing to open.
//!
//! File layout (all integers big-endian):
//! `"ATTUNESS" || version (1) || binding (82) || nonce (12) || wrapped key + tag (48)`.

use zeroize::Zeroizing;

use super::envelope::{aead_open, aead_seal, hkdf_sha256, AEAD_NONCE_LEN};
use super::{fill_random, CryptoError, DataKey};

const MAGIC: &[u8; 8] = b"ATTUNESS";
const FORMAT_VERSION: u8 = 1;
const AAD_TAG: &[u8] = b"attune/sess/v1";
const KEK_INFO: &[u8] = b"attune/v1/session-kek";
const TEXT_PREFIX: &str = "as1";
const BINDING_LEN: usize = 16 + 16 + 4 + 1 + 8 + 8 + 16 + 8 + 5;
const WRAPPED_LEN: usize = 32 + 16;
/// Length of a session file.
pub const SEALED_SESSION_LEN: usize = MAGIC.len() + 1 + BINDING_LEN + AEAD_NONCE_LEN + WRAPPED_LEN;

/// The secret half of a session: 32 random bytes and the session's id, written as
/// `as1.<id hex>.<key hex>` for the `ATTUNE_SESSION` variable. Zeroized on drop, never
/// printed by `Debug`.
pub struct SessionKey {
    id: [u8; 16],
    key: Zeroizing<[u8; 32]>,
}

impl SessionKey {
    /// A fresh session: random id, random key.
    pub fn generate() -> Result<Self, CryptoError> {
        let mut id = [0u8; 16];
        fill_random(&mut id)?;
        let mut key = Zeroizing::new([0u8; 32]);
        fill_random(key.as_mut())?;
        Ok(Self { id, key })
    }

    /// The session's id: not secret (it names the session's file), but unguessable.
    pub fn id(&self) -> [u8; 16] {
        self.id
    }

    /// The text for the `ATTUNE_SESSION` variable.
    pub fn to_text(&self) -> Zeroizing<String> {
        let mut text = Zeroizing::new(String::with_capacity(3 + 1 + 32 + 1 + 64));
        text.push_str(TEXT_PREFIX);
        text.push('.');
        text.push_str(&hex::encode(self.id));
        text.push('.');
        let key_hex = Zeroizing::new(hex::encode(&self.key[..]));
        text.push_str(&key_hex);
        text
    }

    /// Read the variable's text; `None` if it is not a session's shape.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.trim().split('.');
        let (Some(TEXT_PREFIX), Some(id), Some(key), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        let mut id_bytes = [0u8; 16];
        hex::decode_to_slice(id, &mut id_bytes).ok()?;
        let mut key_bytes = Zeroizing::new([0u8; 32]);
        hex::decode_to_slice(key, &mut key_bytes[..]).ok()?;
        Some(Self {
            id: id_bytes,
            key: key_bytes,
        })
    }

    /// The secret bytes, for the canary tests.
    #[cfg(test)]
    pub(crate) fn secret_for_tests(&self) -> &[u8; 32] {
        &self.key
    }

    fn kek(&self) -> Result<Zeroizing<[u8; 32]>, CryptoError> {
        hkdf_sha256(self.key.as_ref(), &self.id, KEK_INFO)
    }
}

impl std::fmt::Debug for SessionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionKey([REDACTED])")
    }
}

/// What a session is bound to; every field is in the associated data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionBinding {
    /// The session's id (also the file's name).
    pub session_id: [u8; 16],
    /// The journal it opens.
    pub journal_id: [u8; 16],
    /// The id of the data key it holds (a key rotation makes it stale).
    pub key_id: u32,
    /// The journal's passphrase protector is a test protector (authenticated at unlock).
    pub test_kdf: bool,
    /// When it was made and when it ends, Unix seconds.
    pub created_at: i64,
    pub expires_at: i64,
    /// The kernel's boot id at unlock (a reboot ends the session).
    pub boot_id: [u8; 16],
    /// Milliseconds the computer had spent suspended since boot, at unlock (a suspend
    /// since then ends the session).
    pub asleep_ms: u64,
    /// The expiry rule's minutes, for messages (the journal's auto-lock time).
    pub minutes: u32,
    /// Reserved, zero.
    pub reserved: u8,
}

impl SessionBinding {
    fn to_bytes(self) -> [u8; BINDING_LEN] {
        let mut out = [0u8; BINDING_LEN];
        let mut w = Writer(&mut out, 0);
        w.put(&self.session_id);
        w.put(&self.journal_id);
        w.put(&self.key_id.to_be_bytes());
        w.put(&[u8::from(self.test_kdf)]);
        w.put(&self.created_at.to_be_bytes());
        w.put(&self.expires_at.to_be_bytes());
        w.put(&self.boot_id);
        w.put(&self.asleep_ms.to_be_bytes());
        w.put(&self.minutes.to_be_bytes());
        w.put(&[self.reserved]);
        out
    }

    fn from_bytes(bytes: &[u8; BINDING_LEN]) -> Option<Self> {
        let mut r = Reader(bytes, 0);
        let binding = Self {
            session_id: r.take()?,
            journal_id: r.take()?,
            key_id: u32::from_be_bytes(r.take()?),
            test_kdf: match r.take::<1>()?[0] {
                0 => false,
                1 => true,
                _ => return None,
            },
            created_at: i64::from_be_bytes(r.take()?),
            expires_at: i64::from_be_bytes(r.take()?),
            boot_id: r.take()?,
            asleep_ms: u64::from_be_bytes(r.take()?),
            minutes: u32::from_be_bytes(r.take()?),
            reserved: r.take::<1>()?[0],
        };
        Some(binding)
    }

    fn aad(self) -> Vec<u8> {
        let mut aad = Vec::with_capacity(AAD_TAG.len() + BINDING_LEN);
        aad.extend_from_slice(AAD_TAG);
        aad.extend_from_slice(&self.to_bytes());
        aad
    }
}

struct Writer<'a>(&'a mut [u8], usize);
impl Writer<'_> {
    fn put(&mut self, bytes: &[u8]) {
        self.0[self.1..self.1 + bytes.len()].copy_from_slice(bytes);
        self.1 += bytes.len();
    }
}

struct Reader<'a>(&'a [u8], usize);
impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let out = self.0.get(self.1..self.1 + N)?.try_into().ok()?;
        self.1 += N;
        Some(out)
    }
}

/// A session file: the binding in the clear (so a wrong journal or an expired session
/// can be named before decrypting) and the data key wrapped under the session key.
/// Nothing read from the binding is trusted until [`SealedSession::open`] succeeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedSession {
    pub binding: SessionBinding,
    nonce: [u8; AEAD_NONCE_LEN],
    wrapped: Vec<u8>,
}

impl SealedSession {
    /// Wrap `key` under `session` with `binding` as associated data. The binding must
    /// name this session's id.
    pub fn seal(
        key: &DataKey,
        session: &SessionKey,
        binding: SessionBinding,
    ) -> Result<Self, CryptoError> {
        if binding.session_id != session.id {
            return Err(CryptoError::Undecryptable);
        }
        let mut nonce = [0u8; AEAD_NONCE_LEN];
        fill_random(&mut nonce)?;
        let wrapped = aead_seal(&*session.kek()?, &nonce, &binding.aad(), key.expose())?;
        Ok(Self {
            binding,
            nonce,
            wrapped,
        })
    }

    /// The data key, if `session` opens this and nothing in it was changed.
    pub fn open(&self, session: &SessionKey) -> Result<DataKey, CryptoError> {
        if self.binding.session_id != session.id {
            return Err(CryptoError::Undecryptable);
        }
        let plain = aead_open(
            &*session.kek()?,
            &self.nonce,
            &self.binding.aad(),
            &self.wrapped,
        )?;
        if plain.len() != 32 {
            return Err(CryptoError::Undecryptable);
        }
        // Copied straight into zeroizing memory: no stray copy of the key on the stack.
        let mut key = Zeroizing::new([0u8; 32]);
        key.copy_from_slice(&plain);
        Ok(DataKey::from_bytes(key))
    }

    /// The file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(SEALED_SESSION_LEN);
        out.extend_from_slice(MAGIC);
        out.push(FORMAT_VERSION);
        out.extend_from_slice(&self.binding.to_bytes());
        out.extend_from_slice(&self.nonce);
        out.extend_from_slice(&self.wrapped);
        out
    }

    /// Parse a session file (shape only: nothing is authenticated yet).
    pub fn parse(bytes: &[u8]) -> Option<Self> {
        if bytes.len() != SEALED_SESSION_LEN
            || &bytes[..MAGIC.len()] != MAGIC
            || bytes[MAGIC.len()] != FORMAT_VERSION
        {
            return None;
        }
        let mut r = Reader(bytes, MAGIC.len() + 1);
        let binding = SessionBinding::from_bytes(&r.take::<BINDING_LEN>()?)?;
        let nonce = r.take::<AEAD_NONCE_LEN>()?;
        let wrapped = r.take::<WRAPPED_LEN>()?.to_vec();
        Some(Self {
            binding,
            nonce,
            wrapped,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn binding(session: &SessionKey) -> SessionBinding {
        SessionBinding {
            session_id: session.id(),
            journal_id: [7; 16],
            key_id: 1,
            test_kdf: false,
            created_at: 1_700_000_000,
            expires_at: 1_700_000_300,
            boot_id: [3; 16],
            asleep_ms: 12_345,
            minutes: 5,
            reserved: 0,
        }
    }

    #[test]
    fn a_session_round_trips_through_its_text_and_file() {
        let key = DataKey::generate().unwrap();
        let session = SessionKey::generate().unwrap();
        let sealed = SealedSession::seal(&key, &session, binding(&session)).unwrap();
        let bytes = sealed.to_bytes();
        assert_eq!(bytes.len(), SEALED_SESSION_LEN);
        let again = SessionKey::parse(&session.to_text()).unwrap();
        let parsed = SealedSession::parse(&bytes).unwrap();
        assert_eq!(parsed, sealed);
        assert_eq!(parsed.open(&again).unwrap().expose(), key.expose());
    }

    #[test]
    fn a_wrong_session_key_does_not_open_it() {
        let key = DataKey::generate().unwrap();
        let session = SessionKey::generate().unwrap();
        let sealed = SealedSession::seal(&key, &session, binding(&session)).unwrap();
        // Same id, another key.
        let mut other = SessionKey::generate().unwrap();
        other.id = session.id();
        assert_eq!(sealed.open(&other).err(), Some(CryptoError::Undecryptable));
        // Another session altogether.
        let stranger = SessionKey::generate().unwrap();
        assert!(sealed.open(&stranger).is_err());
    }

    #[test]
    fn every_changed_byte_of_the_file_is_refused() {
        let key = DataKey::generate().unwrap();
        let session = SessionKey::generate().unwrap();
        let bytes = SealedSession::seal(&key, &session, binding(&session))
            .unwrap()
            .to_bytes();
        for i in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x01;
            let opened = SealedSession::parse(&bad).and_then(|s| s.open(&session).ok());
            assert!(opened.is_none(), "byte {i} changed and it still opened");
        }
        assert!(SealedSession::parse(&bytes[..bytes.len() - 1]).is_none());
    }

    #[test]
    fn the_expiry_and_journal_are_bound() {
        let key = DataKey::generate().unwrap();
        let session = SessionKey::generate().unwrap();
        let sealed = SealedSession::seal(&key, &session, binding(&session)).unwrap();
        let mut later = sealed.clone();
        later.binding.expires_at += 3600;
        assert!(later.open(&session).is_err());
        let mut elsewhere = sealed.clone();
        elsewhere.binding.journal_id = [8; 16];
        assert!(elsewhere.open(&session).is_err());
        let mut rotated = sealed;
        rotated.binding.key_id = 2;
        assert!(rotated.open(&session).is_err());
    }

    #[test]
    fn neither_key_is_in_the_file_and_neither_prints() {
        let key = DataKey::generate().unwrap();
        let session = SessionKey::generate().unwrap();
        let bytes = SealedSession::seal(&key, &session, binding(&session))
            .unwrap()
            .to_bytes();
        let contains = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).any(|w| w == needle);
        assert!(!contains(&bytes, key.expose()));
        assert!(!contains(&bytes, session.key.as_ref()));
        assert!(!contains(&bytes, &session.kek().unwrap()[..]));
        assert_eq!(format!("{session:?}"), "SessionKey([REDACTED])");
    }

    #[test]
    fn malformed_session_texts_are_not_sessions() {
        let session = SessionKey::generate().unwrap();
        let text = session.to_text();
        assert!(SessionKey::parse(&text).is_some());
        for bad in [
            "",
            "as1",
            "as2.00.00",
            &text[..text.len() - 1],
            &format!("{}.x", &*text),
            &text.replace("as1.", "as1.zz"),
        ] {
            assert!(SessionKey::parse(bad).is_none(), "{bad:?}");
        }
    }
}
