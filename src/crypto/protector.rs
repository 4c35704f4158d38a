//! Key protectors: the data key wrapped under a key-encryption key (KEK).
//!
//! A journal has one protector per way in: the passphrase (KEK from Argon2id) and the
//! recovery key (KEK = HKDF-SHA256 of the 128-bit recovery key with its own salt). The
//! wrap is ChaCha20-Poly1305 with associated data
//! `"attune/prot/v1" || journal id || protector id || kind || u16 len || parameters`, so
//! weakening the stored parameters, or moving a protector to another journal, breaks it.

use zeroize::Zeroizing;

use super::envelope::{aead_open, aead_seal, hkdf_sha256, AEAD_NONCE_LEN};
use super::kdf::{self, KdfParams};
use super::{fill_random, random_id, CryptoError, DataKey, Passphrase, RecoveryKey};

const AAD_TAG: &[u8] = b"attune/prot/v1";
const RECOVERY_INFO: &[u8] = b"attune/v1/recovery-kek";
const RECOVERY_PARAMS: [u8; 1] = [1];

/// Which secret opens a protector. Stored as a small integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProtectorKind {
    Passphrase = 1,
    RecoveryKey = 2,
}

impl ProtectorKind {
    pub fn from_u8(value: u8) -> Option<Self> {
        match value {
            1 => Some(Self::Passphrase),
            2 => Some(Self::RecoveryKey),
            _ => None,
        }
    }
}

/// A wrapped data key, exactly as stored in the journal's `protectors` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedKey {
    pub id: [u8; 16],
    pub kind: ProtectorKind,
    /// Canonical parameters (Argon2id costs for passphrases, a version byte otherwise).
    pub params: Vec<u8>,
    pub salt: [u8; 32],
    pub nonce: [u8; AEAD_NONCE_LEN],
    pub wrapped: Vec<u8>,
}

impl WrappedKey {
    /// Wrap `key` under a passphrase with the given Argon2id parameters.
    pub fn with_passphrase(
        journal_id: &[u8; 16],
        key: &DataKey,
        passphrase: &Passphrase,
        params: KdfParams,
    ) -> Result<Self, CryptoError> {
        let salt = random_id::<32>()?;
        let kek = kdf::derive(passphrase.as_bytes(), &salt, &params)?;
        Self::seal(
            journal_id,
            ProtectorKind::Passphrase,
            params.encode().to_vec(),
            salt,
            &kek,
            key,
        )
    }

    /// Wrap `key` under a recovery key.
    pub fn with_recovery_key(
        journal_id: &[u8; 16],
        key: &DataKey,
        recovery: &RecoveryKey,
    ) -> Result<Self, CryptoError> {
        let salt = random_id::<32>()?;
        let kek = hkdf_sha256(recovery.expose(), &salt, RECOVERY_INFO)?;
        Self::seal(
            journal_id,
            ProtectorKind::RecoveryKey,
            RECOVERY_PARAMS.to_vec(),
            salt,
            &kek,
            key,
        )
    }

    /// The stored Argon2id parameters, bounds-checked.
    pub fn kdf_params(&self) -> Result<KdfParams, CryptoError> {
        KdfParams::decode(&self.params)
    }

    /// Unwrap with a passphrase. Parameters are bounds-checked before Argon2 runs.
    pub fn open_with_passphrase(
        &self,
        journal_id: &[u8; 16],
        passphrase: &Passphrase,
    ) -> Result<DataKey, CryptoError> {
        if self.kind != ProtectorKind::Passphrase {
            return Err(CryptoError::Undecryptable);
        }
        let params = self.kdf_params()?;
        let kek = kdf::derive(passphrase.as_bytes(), &self.salt, &params)?;
        self.open(journal_id, &kek)
    }

    /// Unwrap with a recovery key.
    pub fn open_with_recovery_key(
        &self,
        journal_id: &[u8; 16],
        recovery: &RecoveryKey,
    ) -> Result<DataKey, CryptoError> {
        if self.kind != ProtectorKind::RecoveryKey || self.params != RECOVERY_PARAMS {
            return Err(CryptoError::Undecryptable);
        }
        let kek = hkdf_sha256(recovery.expose(), &self.salt, RECOVERY_INFO)?;
        self.open(journal_id, &kek)
    }

    /// [`WrappedKey::with_passphrase`] with the salt, nonce and protector id given: for
    /// known-answer vectors only.
    #[cfg(test)]
    pub(crate) fn with_passphrase_fixed(
        journal_id: &[u8; 16],
        key: &DataKey,
        passphrase: &Passphrase,
        params: KdfParams,
        salt: [u8; 32],
        nonce: [u8; AEAD_NONCE_LEN],
        id: [u8; 16],
    ) -> Result<Self, CryptoError> {
        let kek = kdf::derive(passphrase.as_bytes(), &salt, &params)?;
        Self {
            id,
            kind: ProtectorKind::Passphrase,
            params: params.encode().to_vec(),
            salt,
            nonce,
            wrapped: Vec::new(),
        }
        .wrap(journal_id, &kek, key)
    }

    fn seal(
        journal_id: &[u8; 16],
        kind: ProtectorKind,
        params: Vec<u8>,
        salt: [u8; 32],
        kek: &[u8; 32],
        key: &DataKey,
    ) -> Result<Self, CryptoError> {
        let mut nonce = [0u8; AEAD_NONCE_LEN];
        fill_random(&mut nonce)?;
        Self {
            id: random_id()?,
            kind,
            params,
            salt,
            nonce,
            wrapped: Vec::new(),
        }
        .wrap(journal_id, kek, key)
    }

    /// Fill in `wrapped`: the data key sealed under `kek`, bound to this protector's
    /// journal, id, kind and parameters.
    fn wrap(
        mut self,
        journal_id: &[u8; 16],
        kek: &[u8; 32],
        key: &DataKey,
    ) -> Result<Self, CryptoError> {
        self.wrapped = aead_seal(kek, &self.nonce, &self.aad(journal_id)?, key.expose())?;
        Ok(self)
    }

    fn open(&self, journal_id: &[u8; 16], kek: &[u8; 32]) -> Result<DataKey, CryptoError> {
        let plain = aead_open(kek, &self.nonce, &self.aad(journal_id)?, &self.wrapped)?;
        let bytes: [u8; 32] = plain
            .as_slice()
            .try_into()
            .map_err(|_| CryptoError::Undecryptable)?;
        Ok(DataKey::from_bytes(Zeroizing::new(bytes)))
    }

    fn aad(&self, journal_id: &[u8; 16]) -> Result<Vec<u8>, CryptoError> {
        let params_len =
            u16::try_from(self.params.len()).map_err(|_| CryptoError::Undecryptable)?;
        let mut aad = Vec::with_capacity(AAD_TAG.len() + 35 + self.params.len());
        aad.extend_from_slice(AAD_TAG);
        aad.extend_from_slice(journal_id);
        aad.extend_from_slice(&self.id);
        aad.push(self.kind as u8);
        aad.extend_from_slice(&params_len.to_be_bytes());
        aad.extend_from_slice(&self.params);
        Ok(aad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const JOURNAL: [u8; 16] = [9; 16];

    #[test]
    fn passphrase_protector_round_trips_and_refuses_wrong_passphrase() {
        let key = DataKey::generate().unwrap();
        let pass = Passphrase::new("a long enough passphrase");
        let p = WrappedKey::with_passphrase(&JOURNAL, &key, &pass, KdfParams::test_fast()).unwrap();
        let opened = p.open_with_passphrase(&JOURNAL, &pass).unwrap();
        assert_eq!(opened.expose(), key.expose());
        let wrong = Passphrase::new("a long enough passphrasE");
        assert_eq!(
            p.open_with_passphrase(&JOURNAL, &wrong).err(),
            Some(CryptoError::Undecryptable)
        );
        assert!(
            p.open_with_passphrase(&[8; 16], &pass).is_err(),
            "bound to the journal id"
        );
    }

    #[test]
    fn flipping_the_test_mark_or_any_byte_breaks_the_protector() {
        let key = DataKey::generate().unwrap();
        let pass = Passphrase::new("a long enough passphrase");
        let p = WrappedKey::with_passphrase(&JOURNAL, &key, &pass, KdfParams::test_fast()).unwrap();
        // Raising the stored cost (still in bounds) changes the AAD and the KEK: refused.
        let mut raised = p.clone();
        raised.params[8] = 2;
        assert!(raised.open_with_passphrase(&JOURNAL, &pass).is_err());
        for i in 0..p.wrapped.len() {
            let mut bad = p.clone();
            bad.wrapped[i] ^= 0x01;
            assert!(bad.open_with_passphrase(&JOURNAL, &pass).is_err());
        }
        let mut bad = p.clone();
        bad.salt[0] ^= 1;
        assert!(bad.open_with_passphrase(&JOURNAL, &pass).is_err());
        let mut bad = p.clone();
        bad.nonce[0] ^= 1;
        assert!(bad.open_with_passphrase(&JOURNAL, &pass).is_err());
        let mut bad = p;
        bad.id[0] ^= 1;
        assert!(bad.open_with_passphrase(&JOURNAL, &pass).is_err());
    }

    #[test]
    fn recovery_protector_round_trips() {
        let key = DataKey::generate().unwrap();
        let rk = RecoveryKey::generate().unwrap();
        let p = WrappedKey::with_recovery_key(&JOURNAL, &key, &rk).unwrap();
        assert_eq!(
            p.open_with_recovery_key(&JOURNAL, &rk).unwrap().expose(),
            key.expose()
        );
        let other = RecoveryKey::generate().unwrap();
        assert!(p.open_with_recovery_key(&JOURNAL, &other).is_err());
        // A recovery protector cannot be opened as a passphrase protector and vice versa.
        assert!(p
            .open_with_passphrase(&JOURNAL, &Passphrase::new("whatever it is, really"))
            .is_err());
    }
}
