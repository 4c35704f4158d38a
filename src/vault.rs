//! The vault: creating, unlocking and re-keying a journal.
//!
//! An unlocked [`Vault`] holds the data key and the open [`Store`]. It seals and opens
//! records for the layers above; it never hands out key bytes. Dropping it (lock)
//! zeroizes the key.

use std::path::Path;

use zeroize::Zeroizing;

use crate::crypto::{
    self, open_record, seal_record, CryptoError, DataKey, KdfParams, Passphrase, ProtectorKind,
    RecordAad, RecoveryKey, SealedSession, SessionBinding, SessionKey, WrappedKey,
};
use crate::store::{self, RecordRow, Store, Table};
use crate::{Error, ErrorCode, Result};

/// Set to `1` at `init` to create a journal with a deliberately weak key derivation.
pub const TEST_FAST_KDF_ENV: &str = "ATTUNE_TEST_FAST_KDF";

const META_JOURNAL_ID: &str = "journal_id";
const META_KEY_ID: &str = "key_id";

/// How the passphrase protector's Argon2id cost is chosen at creation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KdfChoice {
    /// Calibrated to this machine (about 0.75 s, at least 64 MiB).
    Calibrated,
    /// Weak, for tests and benchmarks only; marked as such inside the protector.
    TestFast,
}

impl KdfChoice {
    /// `TestFast` only when `ATTUNE_TEST_FAST_KDF=1` *and* this build has the `test-kdf`
    /// feature (tests, benchmarks and scale scripts turn it on; a plain release build
    /// lacks it, so a stray variable cannot make a real journal weak).
    pub fn from_env() -> Self {
        #[cfg(feature = "test-kdf")]
        if std::env::var(TEST_FAST_KDF_ENV).is_ok_and(|v| v == "1") {
            return Self::TestFast;
        }
        Self::Calibrated
    }

    /// The strength for a protector re-made for a journal whose (authenticated) current
    /// protector is `test_only`: a test journal stays fast only in builds that allow it.
    fn keep(test_only: bool) -> Self {
        if test_only && cfg!(feature = "test-kdf") {
            Self::TestFast
        } else {
            Self::Calibrated
        }
    }

    fn params(self) -> Result<KdfParams> {
        Ok(match self {
            Self::Calibrated => KdfParams::calibrate()?,
            Self::TestFast => KdfParams::test_fast(),
        })
    }
}

/// An unlocked journal file: the store plus the data key.
#[derive(Debug)]
pub struct Vault {
    store: Store,
    journal_id: [u8; 16],
    key: DataKey,
    key_id: u32,
    test_kdf: bool,
}

fn meta_journal_id(store: &Store) -> Result<[u8; 16]> {
    store
        .meta(META_JOURNAL_ID)?
        .and_then(|v| v.try_into().ok())
        .ok_or_else(Error::damaged_journal)
}

/// The one protector of `kind` for the current key. Attune writes exactly one of each;
/// a file with more (rows added to make every unlock run many costly derivations) gets
/// the same answer as a wrong secret, before any derivation runs.
fn only_protector(store: &Store, kind: ProtectorKind, key_id: u32) -> Result<Option<WrappedKey>> {
    let mut found: Vec<WrappedKey> = store
        .protectors()?
        .into_iter()
        .filter(|(p, k)| p.kind == kind && *k == key_id)
        .map(|(p, _)| p)
        .collect();
    match found.len() {
        0 => Ok(None),
        1 => Ok(found.pop()),
        _ => Err(match kind {
            ProtectorKind::Passphrase => Error::wrong_secret(),
            ProtectorKind::RecoveryKey => Error::wrong_recovery_key(),
        }),
    }
}

fn meta_key_id(store: &Store) -> Result<u32> {
    store
        .meta(META_KEY_ID)?
        .and_then(|v| v.try_into().ok())
        .map(u32::from_be_bytes)
        .ok_or_else(Error::damaged_journal)
}

/// The id of the journal in `dir`, read without unlocking it (it is in the clear).
pub fn journal_id_of(dir: &Path) -> Result<[u8; 16]> {
    meta_journal_id(&Store::open(dir)?)
}

impl Vault {
    /// Create a journal in `dir`. Returns the unlocked vault and the recovery key, which
    /// the caller must show to the person once.
    pub fn create(
        dir: &Path,
        passphrase: &Passphrase,
        kdf: KdfChoice,
    ) -> Result<(Self, RecoveryKey)> {
        if Store::exists(dir) {
            // Checked before the (slow) calibration; Store::create checks again under the lock.
            return Err(store::journal_exists(dir));
        }
        let params = kdf.params()?;
        let journal_id: [u8; 16] = crypto::random_id()?;
        let key = DataKey::generate()?;
        let recovery = RecoveryKey::generate()?;
        let pass_protector = WrappedKey::with_passphrase(&journal_id, &key, passphrase, params)?;
        let recovery_protector = WrappedKey::with_recovery_key(&journal_id, &key, &recovery)?;
        let key_id = 1u32;
        let store = Store::create(dir, |tx| {
            store::write_meta(tx, META_JOURNAL_ID, &journal_id)?;
            store::write_meta(tx, META_KEY_ID, &key_id.to_be_bytes())?;
            store::replace_protector(tx, &pass_protector, key_id)?;
            store::replace_protector(tx, &recovery_protector, key_id)?;
            Ok(())
        })?;
        let vault = Self {
            store,
            journal_id,
            key,
            key_id,
            test_kdf: params.test_only,
        };
        Ok((vault, recovery))
    }

    /// Unlock the journal in `dir` with its passphrase. On a wrong passphrase nothing on
    /// disk changes.
    pub fn unlock(dir: &Path, passphrase: &Passphrase) -> Result<Self> {
        let store = Store::open(dir)?;
        let journal_id = meta_journal_id(&store)?;
        let key_id = meta_key_id(&store)?;
        let protector = only_protector(&store, ProtectorKind::Passphrase, key_id)?
            .ok_or_else(Error::wrong_secret)?;
        match protector.open_with_passphrase(&journal_id, passphrase) {
            Ok(key) => {
                // Authenticated now: the parameters are part of what the key opened.
                let test_kdf = protector.kdf_params().map(|p| p.test_only).unwrap_or(false);
                Ok(Self {
                    store,
                    journal_id,
                    key,
                    key_id,
                    test_kdf,
                })
            }
            Err(CryptoError::Random) => Err(CryptoError::Random.into()),
            Err(_) => Err(Error::wrong_secret()),
        }
    }

    /// Unlock with a command-line session instead of the passphrase (see
    /// [`crate::session`]). `find` gets the journal's id and current key id and returns
    /// the session's sealed file, or why the session cannot be used; only a file that
    /// the session key opens, bound to this journal and key, unlocks.
    pub(crate) fn unlock_with_session(
        dir: &Path,
        session: &SessionKey,
        find: impl FnOnce(&[u8; 16], u32) -> Result<SealedSession>,
        refused: impl FnOnce() -> Error,
    ) -> Result<Self> {
        let store = Store::open(dir)?;
        let journal_id = meta_journal_id(&store)?;
        let key_id = meta_key_id(&store)?;
        let sealed = find(&journal_id, key_id)?;
        if sealed.binding.journal_id != journal_id || sealed.binding.key_id != key_id {
            return Err(refused());
        }
        let key = sealed.open(session).map_err(|_| refused())?;
        Ok(Self {
            store,
            journal_id,
            key,
            key_id,
            // Authenticated: the binding is the wrap's associated data.
            test_kdf: sealed.binding.test_kdf,
        })
    }

    /// Wrap this vault's data key for a command-line session; `binding` gets this
    /// journal's id, key id and test mark filled in.
    pub(crate) fn seal_session(
        &self,
        session: &SessionKey,
        binding: SessionBinding,
    ) -> Result<SealedSession> {
        let binding = SessionBinding {
            journal_id: self.journal_id,
            key_id: self.key_id,
            test_kdf: self.test_kdf,
            ..binding
        };
        Ok(SealedSession::seal(&self.key, session, binding)?)
    }

    /// The data key's bytes, for the canary tests.
    #[cfg(test)]
    pub(crate) fn key_for_tests(&self) -> &[u8; 32] {
        self.key.expose()
    }

    /// The journal's random id (in the clear in the file too).
    pub fn journal_id(&self) -> [u8; 16] {
        self.journal_id
    }

    /// Unlock with the recovery key (used by [`Vault::recover`]). Nothing is read from
    /// the passphrase protector: its parameters are not authenticated until it opens.
    fn unlock_with_recovery_key(dir: &Path, recovery: &RecoveryKey) -> Result<Self> {
        let store = Store::open(dir)?;
        let journal_id = meta_journal_id(&store)?;
        let key_id = meta_key_id(&store)?;
        let found = only_protector(&store, ProtectorKind::RecoveryKey, key_id)?
            .and_then(|p| p.open_with_recovery_key(&journal_id, recovery).ok());
        let key = found.ok_or_else(Error::wrong_recovery_key)?;
        Ok(Self {
            store,
            journal_id,
            key,
            key_id,
            test_kdf: false,
        })
    }

    /// Open with the recovery key, set a new passphrase and issue a fresh recovery key
    /// (the old one stops working). Returns the unlocked vault and the new recovery key.
    /// The new passphrase protector's strength is `kdf`, the caller's choice (from the
    /// environment, in builds that allow it): never read from the old protector, whose
    /// parameters could have been edited on disk.
    pub fn recover(
        dir: &Path,
        recovery: &RecoveryKey,
        new_passphrase: &Passphrase,
        kdf: KdfChoice,
    ) -> Result<(Self, RecoveryKey)> {
        let mut vault = Self::unlock_with_recovery_key(dir, recovery)?;
        let params = kdf.params()?;
        vault.test_kdf = params.test_only;
        let fresh = RecoveryKey::generate()?;
        let pass =
            WrappedKey::with_passphrase(&vault.journal_id, &vault.key, new_passphrase, params)?;
        let rec = WrappedKey::with_recovery_key(&vault.journal_id, &vault.key, &fresh)?;
        let key_id = vault.key_id;
        vault.store.transaction(|tx| {
            store::replace_protector(tx, &pass, key_id)?;
            store::replace_protector(tx, &rec, key_id)
        })?;
        vault.store.checkpoint_truncate()?;
        Ok((vault, fresh))
    }

    /// Re-wrap the data key under a new passphrase, then truncate the log so the old
    /// wrapped key is gone from every file.
    pub fn change_passphrase(&mut self, new_passphrase: &Passphrase) -> Result<()> {
        let kdf = KdfChoice::keep(self.test_kdf);
        let protector = WrappedKey::with_passphrase(
            &self.journal_id,
            &self.key,
            new_passphrase,
            kdf.params()?,
        )?;
        let key_id = self.key_id;
        self.store
            .transaction(|tx| store::replace_protector(tx, &protector, key_id))?;
        self.store.checkpoint_truncate()
    }

    /// Issue a new recovery key; the old one stops working.
    pub fn replace_recovery_key(&mut self) -> Result<RecoveryKey> {
        let fresh = RecoveryKey::generate()?;
        let protector = WrappedKey::with_recovery_key(&self.journal_id, &self.key, &fresh)?;
        let key_id = self.key_id;
        self.store
            .transaction(|tx| store::replace_protector(tx, &protector, key_id))?;
        self.store.checkpoint_truncate()?;
        Ok(fresh)
    }

    /// Rotate the data key: a new key, every record re-encrypted under it (key id + 1),
    /// the passphrase protector re-made and a new recovery key issued. For when an old
    /// copy of the journal, with its old passphrase, may have leaked. The current
    /// passphrase is asked again to confirm. Refused while any record is damaged, since
    /// a damaged record could not be carried over.
    pub fn rotate_key(&mut self, passphrase: &Passphrase) -> Result<RecoveryKey> {
        // Confirm the passphrase against the stored protector before changing anything.
        self.check_passphrase(passphrase)?;
        let new_key = DataKey::generate()?;
        let new_key_id = self
            .key_id
            .checked_add(1)
            .ok_or_else(|| Error::internal("key id overflow"))?;
        let kdf = KdfChoice::keep(self.test_kdf);
        let pass =
            WrappedKey::with_passphrase(&self.journal_id, &new_key, passphrase, kdf.params()?)?;
        let fresh = RecoveryKey::generate()?;
        let rec = WrappedKey::with_recovery_key(&self.journal_id, &new_key, &fresh)?;
        let journal_id = self.journal_id;
        let old_key = &self.key;
        if !self.store.stray_records()?.is_empty() {
            return Err(damaged_for_rotation());
        }
        self.store.transaction(|tx| {
            for table in Table::ALL {
                let (rows, malformed) = store::read_records(tx, table)?;
                if !malformed.is_empty() {
                    return Err(damaged_for_rotation());
                }
                for row in rows {
                    let aad = record_aad(&journal_id, table, &row);
                    let plain = open_record(old_key, &aad, &row.envelope)
                        .map_err(|_| damaged_for_rotation())?;
                    let envelope = seal_record(&new_key, &aad, &plain)?;
                    store::put_record(
                        tx,
                        table,
                        &RecordRow {
                            envelope,
                            key_id: new_key_id,
                            ..row
                        },
                    )?;
                }
            }
            store::write_meta(tx, META_KEY_ID, &new_key_id.to_be_bytes())?;
            store::delete_protectors(tx)?;
            store::replace_protector(tx, &pass, new_key_id)?;
            store::replace_protector(tx, &rec, new_key_id)?;
            Ok(())
        })?;
        self.store.checkpoint_truncate()?;
        self.key = new_key;
        self.key_id = new_key_id;
        Ok(fresh)
    }

    /// Is `passphrase` the one that opens this journal? (To confirm a sensitive change.)
    pub fn check_passphrase(&self, passphrase: &Passphrase) -> Result<()> {
        let key = Self::confirm_passphrase(&self.store, &self.journal_id, self.key_id, passphrase)?;
        if key.expose() == self.key.expose() {
            Ok(())
        } else {
            Err(Error::wrong_secret())
        }
    }

    /// Does `recovery` open this journal?
    pub fn check_recovery_key(&self, recovery: &RecoveryKey) -> Result<()> {
        self.store
            .protectors()?
            .into_iter()
            .filter(|(p, k)| p.kind == ProtectorKind::RecoveryKey && *k == self.key_id)
            .find_map(|(p, _)| p.open_with_recovery_key(&self.journal_id, recovery).ok())
            .filter(|key| key.expose() == self.key.expose())
            .map(|_| ())
            .ok_or_else(Error::wrong_recovery_key)
    }

    fn confirm_passphrase(
        store: &Store,
        journal_id: &[u8; 16],
        key_id: u32,
        passphrase: &Passphrase,
    ) -> Result<DataKey> {
        only_protector(store, ProtectorKind::Passphrase, key_id)?
            .and_then(|p| p.open_with_passphrase(journal_id, passphrase).ok())
            .ok_or_else(Error::wrong_secret)
    }

    /// Lock: drop the key (zeroized) and close the file.
    pub fn lock(self) {
        drop(self);
    }

    /// Was this journal created with the weak test key derivation?
    pub fn uses_test_kdf(&self) -> bool {
        self.test_kdf
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    pub fn key_id(&self) -> u32 {
        self.key_id
    }

    /// Encrypt `plaintext` as record `id` of `table` at `revision`.
    pub fn seal(
        &self,
        table: Table,
        id: [u8; 16],
        kind: u8,
        revision: u64,
        plaintext: &[u8],
    ) -> Result<RecordRow> {
        RecordSealer {
            key: &self.key,
            journal_id: self.journal_id,
            key_id: self.key_id,
        }
        .seal(table, id, kind, revision, plaintext)
    }

    /// Run `f` inside one store transaction with a handle that seals records, for
    /// writing many records that are made one after another (see
    /// [`crate::records::write_all`]).
    pub fn transaction_sealing<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>, RecordSealer<'_>) -> Result<T>,
    ) -> Result<T> {
        let sealer = RecordSealer {
            key: &self.key,
            journal_id: self.journal_id,
            key_id: self.key_id,
        };
        self.store.transaction(|tx| f(tx, sealer))
    }

    /// Decrypt a stored record. Fails (coarsely) if it was edited, moved or truncated.
    pub fn open(&self, table: Table, row: &RecordRow) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
        self.opener().open(table, row)
    }

    /// A small read-only handle that decrypts records, borrowed from the vault.
    pub fn opener(&self) -> RecordOpener<'_> {
        RecordOpener {
            key: &self.key,
            journal_id: self.journal_id,
            key_id: self.key_id,
        }
    }
}

/// See [`Vault::opener`].
#[derive(Debug, Clone, Copy)]
pub struct RecordOpener<'a> {
    key: &'a DataKey,
    journal_id: [u8; 16],
    key_id: u32,
}

impl RecordOpener<'_> {
    /// Decrypt a stored record; as [`Vault::open`].
    pub fn open(&self, table: Table, row: &RecordRow) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
        if row.key_id != self.key_id {
            return Err(CryptoError::Undecryptable);
        }
        open_record(
            self.key,
            &record_aad(&self.journal_id, table, row),
            &row.envelope,
        )
    }
}

/// See [`Vault::transaction_sealing`]: seals records while the store is in a
/// transaction.
#[derive(Debug, Clone, Copy)]
pub struct RecordSealer<'a> {
    key: &'a DataKey,
    journal_id: [u8; 16],
    key_id: u32,
}

impl RecordSealer<'_> {
    /// Encrypt `plaintext` as record `id` of `table` at `revision`; as [`Vault::seal`].
    pub fn seal(
        &self,
        table: Table,
        id: [u8; 16],
        kind: u8,
        revision: u64,
        plaintext: &[u8],
    ) -> Result<RecordRow> {
        let aad = RecordAad {
            journal_id: self.journal_id,
            table: table as u8,
            record_id: id,
            kind,
            revision,
        };
        Ok(RecordRow {
            id,
            kind,
            revision,
            key_id: self.key_id,
            envelope: seal_record(self.key, &aad, plaintext)?,
        })
    }
}

fn record_aad(journal_id: &[u8; 16], table: Table, row: &RecordRow) -> RecordAad {
    RecordAad {
        journal_id: *journal_id,
        table: table as u8,
        record_id: row.id,
        kind: row.kind,
        revision: row.revision,
    }
}

fn damaged_for_rotation() -> Error {
    Error::new(
        ErrorCode::DamagedRecords,
        "Some records are damaged, so the key was not rotated and nothing changed. Run `attune verify`, purge the damaged records, then try again.",
    )
}

#[cfg(test)]
mod kdf_switch_tests {
    use super::*;

    /// Run in both kinds of build (the README's test command runs it without the
    /// feature too): a stray variable makes a weak journal only where tests allow it.
    #[test]
    fn the_fast_test_kdf_needs_the_test_kdf_build() {
        std::env::set_var(TEST_FAST_KDF_ENV, "1");
        let chosen = KdfChoice::from_env();
        assert_eq!(chosen == KdfChoice::TestFast, cfg!(feature = "test-kdf"));
        assert_eq!(
            KdfChoice::keep(true) == KdfChoice::TestFast,
            cfg!(feature = "test-kdf")
        );
        assert_eq!(KdfChoice::keep(false), KdfChoice::Calibrated);
    }
}
