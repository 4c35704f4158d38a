//! What only the desktop app keeps between commands: the journal folder, the journal
//! while unlocked, the reflection being typed (staged, written encrypted on lock), a
//! recovery key just issued (so it can be saved from Rust, never from the web view),
//! and why the last backup failed. Everything else is the area modules' functions over
//! [`App::journal`].

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;
use zeroize::{Zeroize, Zeroizing};

use super::backups::{self, BackupStatus, RestoredBackup};
use super::files::{SavedFile, WriteMode};
use super::keys::{self, CreateResponse, RecoveryKeyCheck};
use crate::journal::{Draft, Journal};
use crate::store::Store;
use crate::{Error, ErrorCode, Result};

/// Where the app stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Status {
    /// A journal exists in the folder.
    pub has_journal: bool,
    pub unlocked: bool,
    /// The journal folder, for the About page and error help.
    pub journal_dir: String,
    /// Records that could not be read at unlock (reported, skipped).
    pub damaged_records: u32,
    /// The journal was made with the weak test key derivation.
    pub test_journal: bool,
}

/// For the About page.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct About {
    pub version: String,
    pub schema_version: u32,
}

pub fn about() -> About {
    About {
        version: env!("CARGO_PKG_VERSION").to_string(),
        schema_version: crate::store::CURRENT_VERSION,
    }
}

fn locked() -> Error {
    Error::new(
        ErrorCode::Locked,
        "The journal is locked. Unlock it to go on.",
    )
}

fn busy() -> Error {
    Error::new(
        ErrorCode::JournalBusy,
        "Attune is still finishing the last task (an import, export or backup). Try again in a moment.",
    )
}

/// A packet file waiting to be imported: its name only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct WaitingPacket {
    pub file_name: String,
}

/// The desktop app's state around one journal folder.
#[derive(Debug)]
pub struct App {
    dir: PathBuf,
    journal: Option<Journal>,
    /// What is in the editor right now, kept in memory and written (encrypted) when the
    /// journal locks or the window closes.
    staged: Option<Draft>,
    /// A recovery key just issued, kept only until the person has typed it back or the
    /// journal locks.
    fresh_recovery_key: Option<Zeroizing<String>>,
    /// Why the last backup failed (shown in Settings; cleared by a success).
    backup_error: Option<String>,
    /// A packet file opened with Attune (double-click, or handed to the running app),
    /// waiting to be imported once the journal is unlocked. The path stays here; the
    /// page only ever learns the file's name.
    waiting_packet: Option<PathBuf>,
    /// The packet file last imported from [`App::waiting_packet`], which the person may
    /// then delete.
    imported_packet: Option<PathBuf>,
    /// Something that is not a packet was dropped on the window while it was locked:
    /// the kind note about it waits for the unlock rather than being lost.
    not_a_packet_dropped: bool,
    /// The export chosen in the native dialog and previewed, waiting for "Import": kept
    /// here so the page never holds its path. Forgotten on lock.
    pending_import: Option<(PathBuf, Option<crate::journal::ImportSource>)>,
    /// The journal is out on loan to slow work ([`App::lend`]).
    lent: bool,
    /// A lock was asked for while the journal was lent: it locks the moment it is back.
    lock_on_return: bool,
}

impl App {
    pub fn new(dir: PathBuf) -> Self {
        Self {
            dir,
            journal: None,
            staged: None,
            fresh_recovery_key: None,
            backup_error: None,
            waiting_packet: None,
            imported_packet: None,
            not_a_packet_dropped: false,
            pending_import: None,
            lent: false,
            lock_on_return: false,
        }
    }

    /// A packet file was opened with Attune: keep it until the journal is unlocked.
    pub fn packet_opened(&mut self, path: PathBuf) {
        self.waiting_packet = Some(path);
    }

    /// The name of the packet file waiting to be imported, if any (never its folder).
    pub fn waiting_packet(&self) -> Result<Option<WaitingPacket>> {
        self.journal()?;
        Ok(self.waiting_packet.as_deref().map(|p| WaitingPacket {
            file_name: p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }))
    }

    /// The waiting packet's path, for an import; it stays waiting if the import fails.
    pub fn waiting_packet_path(&self) -> Result<PathBuf> {
        self.journal()?;
        self.waiting_packet
            .clone()
            .ok_or_else(|| Error::new(ErrorCode::NotFound, "No file is waiting to be imported."))
    }

    /// The waiting packet was imported: it may now be deleted.
    pub fn packet_imported(&mut self) {
        self.imported_packet = self.waiting_packet.take();
    }

    /// Something that is not a packet was dropped on the locked window: say so after
    /// the unlock.
    pub fn not_a_packet_dropped(&mut self) {
        self.not_a_packet_dropped = true;
    }

    /// Was something that is not a packet dropped while the journal was locked? Asked
    /// once after the unlock (the answer is then forgotten).
    pub fn dropped_while_locked(&mut self) -> Result<bool> {
        self.journal()?;
        Ok(std::mem::take(&mut self.not_a_packet_dropped))
    }

    /// Not now: forget the waiting packet (the file stays where it is).
    pub fn dismiss_waiting_packet(&mut self) {
        self.waiting_packet = None;
    }

    /// Delete the packet file just imported, when the person asks to. Only a file that
    /// was imported, and only once.
    pub fn delete_imported_packet(&mut self) -> Result<()> {
        self.journal()?;
        let Some(path) = self.imported_packet.take() else {
            return Err(Error::new(
                ErrorCode::NotFound,
                "There is no imported file to delete.",
            ));
        };
        std::fs::remove_file(&path).map_err(|e| Error::from_io(&e, "delete the file"))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn status(&self) -> Status {
        Status {
            has_journal: Store::exists(&self.dir),
            unlocked: self.is_unlocked(),
            journal_dir: self.dir.display().to_string(),
            damaged_records: self
                .journal
                .as_ref()
                .map_or(0, |j| u32::try_from(j.damaged().len()).unwrap_or(u32::MAX)),
            test_journal: self
                .journal
                .as_ref()
                .is_some_and(|j| j.vault().uses_test_kdf()),
        }
    }

    /// Take over a journal opened by [`keys::open_journal`], [`keys::create_journal`]
    /// or [`keys::recover_journal`]. A journal already open is locked first.
    pub fn install(&mut self, journal: Journal) -> Result<Status> {
        if self.lent {
            return Err(busy());
        }
        self.lock()?;
        self.journal = Some(journal);
        // At most daily, only after changes; a failure shows in Settings, never here.
        let _ = self.auto_backup(Utc::now());
        Ok(self.status())
    }

    pub fn is_unlocked(&self) -> bool {
        self.journal.is_some() || (self.lent && !self.lock_on_return)
    }

    /// The unlocked journal, or the "locked" error (or "busy" while it is lent).
    pub fn journal(&self) -> Result<&Journal> {
        self.journal.as_ref().ok_or_else(|| self.why_not_here())
    }

    pub fn journal_mut(&mut self) -> Result<&mut Journal> {
        let why = self.why_not_here();
        self.journal.as_mut().ok_or(why)
    }

    fn why_not_here(&self) -> Error {
        if self.lent && !self.lock_on_return {
            busy()
        } else {
            locked()
        }
    }

    /// Take the journal out for slow work (importing a packet, exporting, backing up) so
    /// that whatever holds the `App` is free while it runs: above all, a lock asked for
    /// meanwhile is never kept waiting. Other commands get "busy" until
    /// [`App::give_back`]; a lock makes the app locked at once and locks the journal the
    /// moment it comes back.
    pub fn lend(&mut self) -> Result<Journal> {
        let journal = self.journal.take().ok_or_else(|| self.why_not_here())?;
        self.lent = true;
        self.lock_on_return = false;
        Ok(journal)
    }

    /// The lent journal back from its work. Returns whether it stays open: if a lock was
    /// asked for while it was out, it is locked now (draft kept, key and entries gone).
    pub fn give_back(&mut self, journal: Journal) -> bool {
        self.lent = false;
        self.journal = Some(journal);
        if std::mem::take(&mut self.lock_on_return) {
            let _ = self.lock();
            false
        } else {
            true
        }
    }

    /// The lent journal was lost (its work panicked): it was dropped, so it is locked.
    pub fn lost_loan(&mut self) {
        self.lent = false;
        self.lock_on_return = false;
        let _ = self.lock();
    }

    /// Run an api function over the unlocked journal (the "locked" error otherwise).
    pub fn read<T>(&self, f: impl FnOnce(&Journal) -> Result<T>) -> Result<T> {
        f(self.journal()?)
    }

    /// Run an api function that may change the unlocked journal.
    pub fn write<T>(&mut self, f: impl FnOnce(&mut Journal) -> Result<T>) -> Result<T> {
        f(self.journal_mut()?)
    }

    /// Lock: keep the staged draft (encrypted), then drop the key and every decrypted
    /// entry. Locking a locked app does nothing.
    pub fn lock(&mut self) -> Result<()> {
        self.fresh_recovery_key = None;
        self.pending_import = None;
        if self.lent {
            // The journal is out on loan: the app counts as locked from now on, and the
            // journal (with the staged draft) locks the moment it comes back.
            self.lock_on_return = true;
            return Ok(());
        }
        let flushed = self.flush_draft();
        // A backup failing must never stop the journal from locking.
        let _ = self.auto_backup(Utc::now());
        // What was being typed is wiped, written or not (a write that failed is reported).
        if let Some(mut staged) = self.staged.take() {
            staged.zeroize();
        }
        if let Some(journal) = self.journal.take() {
            journal.lock();
        }
        flushed
    }

    /// Keep the export the person chose (and saw previewed) for the import that follows.
    pub fn hold_import(&mut self, path: PathBuf, format: Option<crate::journal::ImportSource>) {
        self.pending_import = Some((path, format));
    }

    /// The export held for import, taken: it is imported once, or chosen again.
    pub fn take_import(&mut self) -> Result<(PathBuf, Option<crate::journal::ImportSource>)> {
        self.journal()?;
        self.pending_import.take().ok_or_else(|| {
            Error::invalid("Choose the export to import first; nothing was imported.")
        })
    }

    /// Forget the export held for import (the person cancelled).
    pub fn cancel_import(&mut self) {
        self.pending_import = None;
    }

    /// Write the staged draft, encrypted (on lock and when the window closes).
    pub fn flush_draft(&mut self) -> Result<()> {
        let Some(mut draft) = self.staged.take() else {
            return Ok(());
        };
        draft.saved_at = Some(Utc::now());
        let result = self.journal_mut().and_then(|j| j.save_draft(&draft));
        if result.is_err() {
            self.staged = Some(draft);
        } else {
            draft.zeroize();
        }
        result
    }

    /// Hold what is in the editor in memory (called as the person types).
    pub fn stage_draft(&mut self, draft: Draft) -> Result<()> {
        self.journal()?;
        if let Some(mut before) = self.staged.replace(draft) {
            before.zeroize();
        }
        Ok(())
    }

    /// The draft kept from last time (after unlock), if any.
    pub fn kept_draft(&self) -> Result<Option<Draft>> {
        match &self.staged {
            Some(d) => Ok(Some(d.clone())),
            None => self.journal()?.draft(),
        }
    }

    /// Forget the draft, staged and kept (after it was saved as an entry or thrown away).
    pub fn discard_draft(&mut self) -> Result<()> {
        if let Some(mut staged) = self.staged.take() {
            staged.zeroize();
        }
        self.journal_mut()?.discard_draft()
    }

    /// Take an automatic backup when one is due ([`backups::auto_backup_due`]). Called
    /// on unlock and on lock/close. Returns whether one was taken; a failure is kept
    /// for Settings and never stops the journal.
    pub fn auto_backup(&mut self, now: DateTime<Utc>) -> Result<bool> {
        let Some(journal) = self.journal.as_ref() else {
            return Ok(false);
        };
        if !backups::auto_backup_due(journal, now)? {
            return Ok(false);
        }
        self.back_up_now_at(now).map(|_| true)
    }

    /// How "Back up now" went (the backup itself runs on the lent journal, through
    /// [`backups::back_up_now`]): the failure is kept for Settings, and the status after.
    pub fn backed_up(&mut self, result: Result<backups::BackedUp>) -> Result<BackupStatus> {
        self.note_backup(&result);
        result?;
        self.backup_status()
    }

    fn back_up_now_at(&mut self, now: DateTime<Utc>) -> Result<()> {
        let result = backups::back_up_now(self.journal_mut()?, now);
        self.note_backup(&result);
        result.map(|_| ())
    }

    /// Remember how a backup went, for Settings.
    fn note_backup<T>(&mut self, result: &Result<T>) {
        self.backup_error = result.as_ref().err().map(|e| e.message.clone());
    }

    /// Where backups stand, with the last failure kept here.
    pub fn backup_status(&self) -> Result<BackupStatus> {
        backups::status(self.journal()?, self.backup_error.clone())
    }

    /// Remember `folder` (chosen in a native dialog by the shell) as the backup folder.
    pub fn set_backup_folder(&mut self, folder: &Path) -> Result<BackupStatus> {
        backups::set_folder(self.journal_mut()?, folder)?;
        self.backup_status()
    }

    /// A backup may be restored where there is no journal yet (a new computer), or over
    /// this journal while it is unlocked (never by someone at a locked screen).
    pub fn may_restore(&self) -> Result<()> {
        if Store::exists(&self.dir) {
            self.journal()?;
        }
        Ok(())
    }

    /// Replace this journal with the backup in `file` (chosen in a native dialog by the
    /// shell), after locking (the draft is kept). Afterwards the journal is locked: it
    /// opens with the backup's passphrase or recovery key.
    pub fn restore_backup(&mut self, file: &Path) -> Result<RestoredBackup> {
        self.may_restore()?;
        // A damaged or foreign file is refused before the journal locks.
        backups::check_file(file)?;
        self.lock()?;
        backups::restore_in_place(&self.dir, file)
    }

    /// Does the typed recovery key open this journal? Once it matches, the app forgets
    /// the fresh key.
    pub fn check_recovery_key(&mut self, req: &RecoveryKeyCheck) -> Result<()> {
        keys::check_recovery_key(self.journal()?, req)?;
        self.fresh_recovery_key = None;
        Ok(())
    }

    /// Keep the key just issued by creation or recovery, for [`Self::save_recovery_key`].
    pub fn remember_recovery_key(&mut self, shown: &CreateResponse) -> Result<()> {
        self.journal()?;
        self.fresh_recovery_key = Some(Zeroizing::new(shown.recovery_key.text().to_string()));
        Ok(())
    }

    /// Is there a freshly issued key that can still be saved? If not, why not.
    pub fn recovery_key_saveable(&self) -> Result<()> {
        self.journal()?;
        match self.fresh_recovery_key {
            Some(_) => Ok(()),
            None => Err(Error::invalid(
                "The recovery key can be saved only while it is on screen, right after it is made.",
            )),
        }
    }

    /// Save the freshly issued recovery key, with a short note, to a file the person
    /// chose in a save dialog (owner-only, replaced only once complete).
    pub fn save_recovery_key(&self, path: &Path) -> Result<SavedFile> {
        self.recovery_key_saveable()?;
        let Some(key) = &self.fresh_recovery_key else {
            return Err(Error::internal("The recovery key is gone."));
        };
        keys::save_recovery_key(key, path, WriteMode::Replace)
    }
}

impl Drop for App {
    fn drop(&mut self) {
        // Closing the app keeps what was being written.
        let _ = self.lock();
    }
}
