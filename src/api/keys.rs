//! Keys: create, unlock and recover a journal; change the passphrase, rotate the data
//! key, replace or check the recovery key. The slow steps (key derivation) are plain
//! functions that need no open journal, so a front end can run them off its lock.

use std::path::Path;

use chrono::Utc;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::files::{self, SavedFile, WriteMode};
use crate::crypto::{Passphrase, RecoveryKey};
use crate::journal::{Journal, Settings, MAX_AUTO_LOCK_MINUTES, MIN_AUTO_LOCK_MINUTES};
use crate::records::{self, Singleton};
use crate::session;
use crate::vault::{KdfChoice, Vault};
use crate::Result;

/// Text that arrives from a front end and must never be sent back or printed: a
/// passphrase or a typed recovery key. It can be deserialized, not serialized.
#[derive(Deserialize, Default)]
#[serde(transparent)]
pub struct SecretText(Zeroizing<String>);

impl SecretText {
    pub fn new(text: &str) -> Self {
        Self(Zeroizing::new(text.to_string()))
    }

    pub(crate) fn as_passphrase(&self) -> Passphrase {
        Passphrase::new(&self.0)
    }

    /// A passphrase about to be set: it must meet the rules.
    pub(crate) fn as_new_passphrase(&self) -> Result<Passphrase> {
        Ok(Passphrase::new_checked(&self.0)?)
    }

    pub(crate) fn as_recovery_key(&self) -> Result<RecoveryKey> {
        Ok(RecoveryKey::parse(&self.0)?)
    }
}

impl std::fmt::Debug for SecretText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretText([REDACTED])")
    }
}

/// A recovery key on its one trip out, to be shown to the person once.
#[derive(Serialize)]
#[serde(transparent)]
pub struct ShownRecoveryKey(Zeroizing<String>);

impl ShownRecoveryKey {
    fn from_key(key: &RecoveryKey) -> Self {
        Self(key.to_display())
    }

    /// The shown text (for tests and the CLI).
    pub fn text(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for ShownRecoveryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ShownRecoveryKey([REDACTED])")
    }
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CreateRequest {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub passphrase: SecretText,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CreateResponse {
    /// Shown once; the person is asked to type it back.
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub recovery_key: ShownRecoveryKey,
}

impl CreateResponse {
    fn new(key: &RecoveryKey) -> Self {
        Self {
            recovery_key: ShownRecoveryKey::from_key(key),
        }
    }
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct UnlockRequest {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub passphrase: SecretText,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RecoveryKeyCheck {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub recovery_key: SecretText,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RecoverRequest {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub recovery_key: SecretText,
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub new_passphrase: SecretText,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ChangePassphraseRequest {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub current: SecretText,
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub new_passphrase: SecretText,
}

/// Create a journal in `dir` (slow: calibrates and runs the key derivation).
pub fn create_journal(
    dir: &Path,
    req: &CreateRequest,
    kdf: KdfChoice,
) -> Result<(Journal, CreateResponse)> {
    let pass = req.passphrase.as_new_passphrase()?;
    let (vault, key) = Vault::create(dir, &pass, kdf)?;
    let journal = Journal::load(vault, Utc::now())?;
    Ok((journal, CreateResponse::new(&key)))
}

/// Unlock the journal in `dir` (slow: runs the key derivation).
pub fn open_journal(dir: &Path, req: &UnlockRequest) -> Result<Journal> {
    open_journal_with(dir, &req.passphrase)
}

/// Unlock the vault in `dir` without loading the journal (slow only by the key
/// derivation): for a command that writes one record, such as `attune add`.
pub fn open_vault_with(dir: &Path, passphrase: &SecretText) -> Result<Vault> {
    Vault::unlock(dir, &passphrase.as_passphrase())
}

/// [`open_journal`] for a caller that needs the passphrase again afterwards.
pub fn open_journal_with(dir: &Path, passphrase: &SecretText) -> Result<Journal> {
    Journal::load(Vault::unlock(dir, &passphrase.as_passphrase())?, Utc::now())
}

/// Open with the recovery key, set a new passphrase, issue a fresh recovery key (slow).
/// The new passphrase protector gets the strength `kdf` names, like a new journal.
pub fn recover_journal(
    dir: &Path,
    req: &RecoverRequest,
    kdf: KdfChoice,
) -> Result<(Journal, CreateResponse)> {
    let key = req.recovery_key.as_recovery_key()?;
    let pass = req.new_passphrase.as_new_passphrase()?;
    let (vault, fresh) = Vault::recover(dir, &key, &pass, kdf)?;
    Ok((
        Journal::load(vault, Utc::now())?,
        CreateResponse::new(&fresh),
    ))
}

/// Change the passphrase; the current one is asked again even though the journal is
/// open, so an unattended unlocked screen cannot be used to take it over.
pub fn change_passphrase(journal: &mut Journal, req: &ChangePassphraseRequest) -> Result<()> {
    let new = req.new_passphrase.as_new_passphrase()?;
    journal
        .vault()
        .check_passphrase(&req.current.as_passphrase())?;
    journal.vault_mut().change_passphrase(&new)
}

/// Re-encrypt every record under a new data key; the passphrase stays, the recovery
/// key is replaced.
pub fn rotate_key(journal: &mut Journal, passphrase: &SecretText) -> Result<CreateResponse> {
    let fresh = journal
        .vault_mut()
        .rotate_key(&passphrase.as_passphrase())?;
    Ok(CreateResponse::new(&fresh))
}

/// Issue a new recovery key; the old one stops working.
pub fn replace_recovery_key(journal: &mut Journal) -> Result<CreateResponse> {
    let fresh = journal.vault_mut().replace_recovery_key()?;
    Ok(CreateResponse::new(&fresh))
}

/// Does the typed recovery key open this journal? Used right after creation, to make
/// sure the person wrote it down correctly.
pub fn check_recovery_key(journal: &Journal, req: &RecoveryKeyCheck) -> Result<()> {
    let key = req.recovery_key.as_recovery_key()?;
    journal.vault().check_recovery_key(&key)
}

/// The suggested name for a saved recovery key (no names, no dates that identify).
pub const RECOVERY_KEY_FILE_NAME: &str = "attune-recovery-key.txt";

/// Save a recovery key, with what it is for, owner-only.
pub fn save_recovery_key(key: &str, path: &Path, mode: WriteMode) -> Result<SavedFile> {
    files::save(path, recovery_key_sheet(key).as_bytes(), mode)
}

/// The text of a saved recovery key: the key and what it is for.
fn recovery_key_sheet(key: &str) -> Zeroizing<String> {
    Zeroizing::new(format!(
        "Attune recovery key\n\
         \n\
         {key}\n\
         \n\
         If you forget your passphrase, this key is the only way back into your Attune\n\
         journal. Anyone who has it and a copy of your journal can read the journal.\n\
         Keep it somewhere safe and private, away from this computer: printed, on a\n\
         USB stick in a drawer, or in a password manager. Then delete this file from\n\
         the computer.\n\
         \n\
         Capitals and dashes do not matter when you type it.\n"
    ))
}

/// Refuse early (before any passphrase is asked) when `dir` already holds a journal.
pub fn ensure_no_journal(dir: &Path) -> Result<()> {
    if crate::store::Store::exists(dir) {
        return Err(crate::store::journal_exists(dir));
    }
    Ok(())
}

/// Start a command-line session (slow: runs the key derivation once): the data key,
/// wrapped under a new random session key, is kept in the user's runtime folder until
/// the journal's auto-lock time has passed. Returns the text for `ATTUNE_SESSION`.
pub fn start_session(dir: &Path, passphrase: &SecretText) -> Result<session::Started> {
    let vault = Vault::unlock(dir, &passphrase.as_passphrase())?;
    let minutes = match records::load_singleton::<Settings>(&vault)? {
        Singleton::Present(stored) => stored.value.auto_lock_minutes,
        Singleton::Absent | Singleton::Damaged => Settings::default().auto_lock_minutes,
    }
    .clamp(MIN_AUTO_LOCK_MINUTES, MAX_AUTO_LOCK_MINUTES);
    session::start(&vault, minutes)
}

/// Unlock the vault in `dir` with a session's text (fast: no key derivation), without
/// loading the journal. A session that cannot be used gives [`crate::ErrorCode::Locked`].
pub fn open_vault_with_session(dir: &Path, session_text: &str) -> Result<Vault> {
    session::open(dir, session_text)
}

/// Load the journal of an unlocked vault.
pub fn load_journal(vault: Vault) -> Result<Journal> {
    Journal::load(vault, Utc::now())
}

/// End the journal's sessions (and the one `session_text` names); how many ended.
pub fn end_sessions(dir: &Path, session_text: Option<&str>) -> Result<usize> {
    session::end(dir, session_text)
}
