//! Backups: encrypted copies of the journal file into a folder with rotation, one copy
//! to carry to another computer, checking a backup, and restoring one.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::files::{self, SavedFile, WriteMode};
use super::keys::SecretText;
use crate::ids::to_hex;
use crate::journal::Journal;
use crate::store::backup::{self, BackupFile, Rotation};
use crate::store::Store;
use crate::vault::Vault;
use crate::verify::{self, VerifyReport};
use crate::{Error, Result};

/// Where backups stand, for Settings → Backups and the gentle notice.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct BackupStatus {
    pub folder: Option<String>,
    pub rotation: Rotation,
    pub last_at: Option<DateTime<Utc>>,
    /// Why the last automatic or manual backup failed, if it did (cleared by a success).
    pub last_error: Option<String>,
    /// No successful backup for a week (or never, once a folder is set).
    pub notice: bool,
    pub backups: Vec<BackupFile>,
}

/// A restore done: where the journal that was replaced is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RestoredBackup {
    /// The file name of the kept copy, in `kept-before-restore/` of the journal folder
    /// (empty when there was no journal to keep: a restore onto a new computer).
    pub kept_as: String,
}

/// A backup taken into the folder: the new file, and how many old ones rotation removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackedUp {
    pub file: PathBuf,
    pub removed: usize,
}

/// The backup folder remembered in the settings.
pub fn folder(journal: &Journal) -> Result<Option<PathBuf>> {
    Ok(journal.settings()?.backup_folder.map(PathBuf::from))
}

/// Remember `folder` as the backup folder (chosen in a native dialog, or named on the
/// command line).
pub fn set_folder(journal: &mut Journal, folder: &Path) -> Result<()> {
    if !folder.is_dir() {
        return Err(Error::invalid(
            "That folder is not there. Choose another one.",
        ));
    }
    let mut settings = journal.settings()?;
    settings.backup_folder = Some(folder.display().to_string());
    journal.save_settings(&settings)
}

/// Back up into the backup folder, rotate, and note the success.
pub fn back_up_now(journal: &mut Journal, now: DateTime<Utc>) -> Result<BackedUp> {
    let settings = journal.settings()?;
    let Some(folder) = settings.backup_folder.map(PathBuf::from) else {
        return Err(Error::invalid(
            "No backup folder is set yet. Choose one first (Settings, Backups; or `attune backup --folder DIR`).",
        ));
    };
    let file = backup::back_up_into(journal.vault().store(), &folder, now)?;
    let removed = backup::rotate(&folder, settings.backup_rotation.unwrap_or_default())?;
    journal.vault_mut().store_mut().note_backup(now)?;
    Ok(BackedUp { file, removed })
}

/// How many backups now in the folder the next rotation would delete under `next` that
/// it keeps under the rule in force: asked before a setting that keeps fewer is saved,
/// so a page cannot quietly empty the backup folder.
pub fn removed_by_new_rotation(journal: &Journal, next: Rotation) -> Result<usize> {
    let settings = journal.settings()?;
    let Some(folder) = settings.backup_folder.map(PathBuf::from) else {
        return Ok(0);
    };
    let taken: Vec<_> = backup::list_backups(&folder)?
        .into_iter()
        .map(|b| b.taken_at)
        .collect();
    let kept_now = backup::to_keep(&taken, settings.backup_rotation.unwrap_or_default());
    let kept_next = backup::to_keep(&taken, next);
    Ok(kept_now.difference(&kept_next).count())
}

/// Is an automatic backup due: a folder is set, something changed since the last one,
/// and the last is older than [`backup::AUTO_EVERY`]?
pub fn auto_backup_due(journal: &Journal, now: DateTime<Utc>) -> Result<bool> {
    if journal.settings()?.backup_folder.is_none() {
        return Ok(false);
    }
    let store = journal.vault().store();
    let recent = store
        .last_backup_at()?
        .is_some_and(|at| now - at < backup::AUTO_EVERY);
    Ok(!recent && store.changed_since_backup()?)
}

/// Where backups stand; `last_error` is what the front end kept from the last failure.
pub fn status(journal: &Journal, last_error: Option<String>) -> Result<BackupStatus> {
    let settings = journal.settings()?;
    let last_at = journal.vault().store().last_backup_at()?;
    let notice = settings.backup_folder.is_some()
        && last_at
            .is_none_or(|at| Utc::now() - at > chrono::Duration::days(backup::NOTICE_AFTER_DAYS));
    let backups = settings
        .backup_folder
        .as_deref()
        .map(|f| backup::list_backups(Path::new(f)).unwrap_or_default())
        .unwrap_or_default();
    Ok(BackupStatus {
        folder: settings.backup_folder,
        rotation: settings.backup_rotation.unwrap_or_default(),
        last_at,
        last_error,
        notice,
        backups,
    })
}

/// The backups in `folder`, newest first.
pub fn list(folder: &Path) -> Result<Vec<BackupFile>> {
    backup::list_backups(folder)
}

/// The suggested name for a backup copy: the date and time, never a name.
pub fn copy_file_name() -> String {
    backup::backup_file_name(Utc::now())
}

/// One backup file for moving to another computer: the journal file as it is, still
/// encrypted (it opens with the passphrase or recovery key). Needs no passphrase.
pub fn save_copy(store: &Store, path: &Path, mode: WriteMode) -> Result<SavedFile> {
    use std::io::Write;
    if mode == WriteMode::NewOnly {
        files::refuse_existing(path)?;
    }
    let image = store.snapshot()?;
    backup::write_durably(path, &image, |f, b| f.write_all(b))?;
    Ok(SavedFile::at(path))
}

/// Check a backup file without restoring it: it must be a sound journal of a format
/// this version reads, open with `passphrase`, and every record must decrypt. Works on
/// an (encrypted) copy in a private temporary folder, removed afterwards.
pub fn verify_backup(file: &Path, passphrase: &SecretText) -> Result<VerifyReport> {
    backup::read_backup_image(file)?;
    let id: [u8; 8] = crate::crypto::random_id()?;
    let scratch = std::env::temp_dir().join(format!("attune-verify-{}", to_hex(&id)));
    struct Scratch(PathBuf);
    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
    let _cleanup = Scratch(scratch.clone());
    backup::restore_into(&scratch, file)?;
    let journal = Journal::load(
        Vault::unlock(&scratch, &passphrase.as_passphrase())?,
        Utc::now(),
    )?;
    verify::journal(&journal)
}

/// Rebuild the list index from the entries in memory, in one transaction (`verify
/// --repair`); the entries are not touched.
pub fn repair_index(journal: &mut Journal) -> Result<()> {
    journal.rebuild_index()
}

/// Re-read every record of the open journal and check it, plus the file itself.
pub fn verify_journal(journal: &Journal) -> Result<VerifyReport> {
    verify::journal(journal)
}

/// Is `file` a backup this version can restore (a sound journal file of a format it
/// reads)? Nothing is decrypted.
pub fn check_file(file: &Path) -> Result<()> {
    backup::read_backup_image(file).map(|_| ())
}

/// Restore the backup in `file` into `dir`, which must hold no journal yet (a new
/// folder, or a new computer).
pub fn restore_into(dir: &Path, file: &Path) -> Result<RestoredBackup> {
    backup::restore_into(dir, file)?;
    Ok(RestoredBackup {
        kept_as: String::new(),
    })
}

/// Replace the journal in `dir` (which must be locked: nobody holds it open) with the
/// backup in `file`, after keeping the current journal aside, still encrypted, in
/// `kept-before-restore/` inside the journal folder. With no journal in `dir` yet, the
/// backup simply becomes the journal.
pub fn restore_in_place(dir: &Path, file: &Path) -> Result<RestoredBackup> {
    // Check the file before anything changes.
    check_file(file)?;
    if !Store::exists(dir) {
        return restore_into(dir, file);
    }
    let kept = Store::open(dir)?.replace_with_backup(
        file,
        &dir.join(backup::KEPT_BEFORE_RESTORE),
        Utc::now(),
    )?;
    Ok(RestoredBackup {
        kept_as: kept
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    })
}
