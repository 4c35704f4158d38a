//! What front ends call: one function per action, each taking one request and giving
//! one response, all tested without Tauri.
//!
//! The desktop shell wraps a [`Session`] in a mutex and exposes each method as a
//! command. Slow steps (key derivation) are free functions ([`open_journal`],
//! [`create_journal`], [`recover_journal`]) that run without holding the session, so
//! the window never freezes. Errors cross as `{ code, message }` with a closed set of
//! codes ([`ErrorCode`]); messages never hold journal text. Secrets come in through
//! types that can be read but never written back out ([`SecretText`]).

use std::path::{Path, PathBuf};

use chrono::Utc;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

pub use crate::error::{Error, ErrorCode, Result};
pub use crate::journal::{
    AnswerValue, Checkin, CheckinAnswer, CheckinForm, CheckinId, CheckinItem, CheckinSaved,
    DamagedRecord, Direction, Draft, Entry, EntryChange, EntryId, EntryKind, EntrySummary, Filter,
    FindRequest, HoursSummary, ItemTrend, MonthMinutes, NewCheckin, NewEntry, OverallPoint,
    PackRef, Page, PromptAnswer, SessionFormat, SessionId, SessionInput, SessionRole, Setting,
    Settings, Snippet, Sort, Suggestion, SupervisionSession, Theme, TrendPoint, Trends,
    TrendsRequest, VerifyReport, WeekSummary,
};

pub use crate::deid::{Finding, FindingKind};
pub use crate::prompts::{
    AnswerType, CarryingWeek, CollaborativeTask, ElementCoverage, Insights, InsightsRequest, Lens,
    Observation, PackOrigin, PackRequest, PackSummary, Prompt, PromptPack, RenderedAnswer,
    RiosElement, RscTheme, ThemeCoverage,
};

use crate::crypto::{Passphrase, RecoveryKey};
use crate::deid::AllowList;
use crate::journal::{ItemSet, Journal};
use crate::prompts;
use crate::store::Store;
use crate::vault::{KdfChoice, Vault};

/// Text that arrives from a front end and must never be sent back or printed: a
/// passphrase or a typed recovery key. It can be deserialized, not serialized.
#[derive(Deserialize, Default)]
#[serde(transparent)]
pub struct SecretText(Zeroizing<String>);

impl SecretText {
    pub fn new(text: &str) -> Self {
        Self(Zeroizing::new(text.to_string()))
    }

    fn as_passphrase(&self) -> Passphrase {
        Passphrase::new(&self.0)
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

/// Names one entry.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct EntryRef {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub id: EntryId,
}

#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct UpdateRequest {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub id: EntryId,
    pub change: EntryChange,
}

/// Names one check-in.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CheckinRef {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub id: CheckinId,
}

/// Names one supervision session.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SessionRef {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub id: SessionId,
}

/// Which sessions to list.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct SessionsRequest {
    /// Only this year's; every session when none.
    pub year: Option<i32>,
}

/// Which year's hours.
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct HoursRequest {
    pub year: i32,
}

/// For the About page.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct About {
    pub version: String,
    pub schema_version: u32,
}

/// Text to check for what looks identifying (the editor's text, or what is about to be
/// exported).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct DeidRequest {
    pub text: String,
}

/// What the de-identification check found: the spans to highlight, and a count per kind
/// with the words to show beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct DeidReport {
    /// Sorted, non-overlapping; offsets in code points and in UTF-16 units.
    pub findings: Vec<Finding>,
    /// Kinds found at least once, in a fixed order.
    pub counts: Vec<DeidCount>,
    pub total: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct DeidCount {
    pub kind: FindingKind,
    pub count: usize,
    /// A short label ("Phone number").
    pub label: String,
    /// One line on why it matters.
    pub why: String,
}

/// Check `text` against the built-in detectors and `allow` (no journal needed: the CLI's
/// `attune deid` uses this).
pub fn deid_text(text: &str, allow: &[String]) -> DeidReport {
    report(crate::deid::scan(text, &AllowList::new(allow)))
}

fn report(findings: Vec<Finding>) -> DeidReport {
    let counts = crate::deid::count_by_kind(&findings)
        .into_iter()
        .map(|(kind, count)| DeidCount {
            kind,
            count,
            label: kind.label().to_string(),
            why: kind.why().to_string(),
        })
        .collect();
    DeidReport {
        total: findings.len(),
        findings,
        counts,
    }
}

fn locked() -> Error {
    Error::new(
        ErrorCode::Locked,
        "The journal is locked. Unlock it to go on.",
    )
}

/// Create a journal in `dir` (slow: calibrates and runs the key derivation).
pub fn create_journal(
    dir: &Path,
    req: &CreateRequest,
    kdf: KdfChoice,
) -> Result<(Journal, CreateResponse)> {
    let pass = Passphrase::new_checked(&req.passphrase.0)?;
    let (vault, key) = Vault::create(dir, &pass, kdf)?;
    let journal = Journal::load(vault, Utc::now())?;
    Ok((
        journal,
        CreateResponse {
            recovery_key: ShownRecoveryKey::from_key(&key),
        },
    ))
}

/// Unlock the journal in `dir` (slow: runs the key derivation).
pub fn open_journal(dir: &Path, req: &UnlockRequest) -> Result<Journal> {
    Journal::load(
        Vault::unlock(dir, &req.passphrase.as_passphrase())?,
        Utc::now(),
    )
}

/// Open with the recovery key, set a new passphrase, issue a fresh recovery key (slow).
pub fn recover_journal(dir: &Path, req: &RecoverRequest) -> Result<(Journal, CreateResponse)> {
    let key = RecoveryKey::parse(&req.recovery_key.0)?;
    let pass = Passphrase::new_checked(&req.new_passphrase.0)?;
    let (vault, fresh) = Vault::recover(dir, &key, &pass)?;
    Ok((
        Journal::load(vault, Utc::now())?,
        CreateResponse {
            recovery_key: ShownRecoveryKey::from_key(&fresh),
        },
    ))
}

/// Check a backup file without restoring it: it must be a sound journal of a format
/// this version reads, open with `passphrase`, and every record must decrypt. Works on
/// an (encrypted) copy in a private temporary folder, removed afterwards.
pub fn verify_backup(file: &Path, passphrase: &SecretText) -> Result<VerifyReport> {
    verify_backup_with(file, &passphrase.as_passphrase())
}

/// [`verify_backup`] for callers that already hold a [`Passphrase`] (the CLI).
pub fn verify_backup_with(file: &Path, passphrase: &Passphrase) -> Result<VerifyReport> {
    crate::store::backup::read_backup_image(file)?;
    let id: [u8; 8] = crate::crypto::random_id()?;
    let hex: String = id.iter().map(|b| format!("{b:02x}")).collect();
    let scratch = std::env::temp_dir().join(format!("attune-verify-{hex}"));
    struct Scratch(PathBuf);
    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
    let _cleanup = Scratch(scratch.clone());
    crate::store::backup::restore_into(&scratch, file)?;
    let journal = Journal::load(Vault::unlock(&scratch, passphrase)?, Utc::now())?;
    journal.verify()
}

/// One desktop session: the journal folder, and the journal while unlocked.
#[derive(Debug)]
pub struct Session {
    dir: PathBuf,
    journal: Option<Journal>,
    /// What is in the editor right now, kept in memory and written (encrypted) when the
    /// journal locks or the window closes.
    staged: Option<Draft>,
    /// A recovery key just issued, kept only until the person has typed it back (so it
    /// can be saved to a file from here, never from the web view) or the journal locks.
    fresh_recovery_key: Option<Zeroizing<String>>,
    /// Why the last backup failed (shown in Settings; cleared by a success).
    backup_error: Option<String>,
}

/// Where backups stand, for Settings → Backups and the gentle notice.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct BackupStatus {
    pub folder: Option<String>,
    pub rotation: crate::store::backup::Rotation,
    pub last_at: Option<chrono::DateTime<Utc>>,
    /// Why the last automatic or manual backup failed, if it did (cleared by a success).
    pub last_error: Option<String>,
    /// No successful backup for a week (or never, once a folder is set).
    pub notice: bool,
    pub backups: Vec<crate::store::backup::BackupFile>,
}

/// A restore done: where the journal that was replaced is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RestoredBackup {
    /// The file name of the kept copy, in `kept-before-restore/` of the journal folder
    /// (empty when there was no journal to keep: a restore onto a new computer).
    pub kept_as: String,
}

/// A file the person saved, named for the confirmation message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SavedFile {
    /// False when the person closed the save dialog without choosing a file.
    pub saved: bool,
    /// The file name (not the folder), to confirm where it went.
    pub file_name: Option<String>,
}

impl SavedFile {
    pub fn cancelled() -> Self {
        Self {
            saved: false,
            file_name: None,
        }
    }
}

/// The format of a plaintext export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Json,
    Markdown,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Markdown => "md",
        }
    }
}

/// A request to export the journal as plain text.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ExportRequest {
    pub format: ExportFormat,
    /// The person has gone through the identifying passages the review listed. Required
    /// when there are any.
    pub reviewed: bool,
}

/// One passage that looks identifying, and the entry it is in.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ExportFinding {
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub entry_id: EntryId,
    pub title: Option<String>,
    pub encounter_date: chrono::NaiveDate,
    pub kind: FindingKind,
    pub label: String,
    pub text: String,
}

/// What an export would carry, for the review before it is written.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ExportReview {
    /// Entries the export holds (the trash is left out).
    pub entries: usize,
    pub findings: Vec<ExportFinding>,
}

/// The suggested name for a saved recovery key (no names, no dates that identify).
pub const RECOVERY_KEY_FILE_NAME: &str = "attune-recovery-key.txt";

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

impl Session {
    pub fn new(dir: PathBuf) -> Self {
        Self {
            dir,
            journal: None,
            staged: None,
            fresh_recovery_key: None,
            backup_error: None,
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn status(&self) -> Status {
        Status {
            has_journal: Store::exists(&self.dir),
            unlocked: self.journal.is_some(),
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

    /// Take over a journal opened by [`open_journal`], [`create_journal`] or
    /// [`recover_journal`]. A journal already open is locked first.
    pub fn install(&mut self, journal: Journal) -> Result<Status> {
        self.lock()?;
        self.journal = Some(journal);
        // At most daily, only after changes; a failure shows in Settings, never here.
        let _ = self.auto_backup(Utc::now());
        Ok(self.status())
    }

    pub fn is_unlocked(&self) -> bool {
        self.journal.is_some()
    }

    fn journal(&self) -> Result<&Journal> {
        self.journal.as_ref().ok_or_else(locked)
    }

    fn journal_mut(&mut self) -> Result<&mut Journal> {
        self.journal.as_mut().ok_or_else(locked)
    }

    /// Lock: keep the staged draft (encrypted), then drop the key and every decrypted
    /// entry. Locking a locked session does nothing.
    pub fn lock(&mut self) -> Result<()> {
        let flushed = self.flush_draft();
        // A backup failing must never stop the journal from locking.
        let _ = self.auto_backup(Utc::now());
        self.staged = None;
        self.fresh_recovery_key = None;
        if let Some(journal) = self.journal.take() {
            journal.lock();
        }
        flushed
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
        }
        result
    }

    /// Take an automatic backup if a folder is set, something changed since the last
    /// one, and the last is older than [`AUTO_EVERY`](crate::store::backup::AUTO_EVERY).
    /// Called on unlock and on lock/close. Returns whether one was taken; a failure is
    /// kept for Settings and never stops the journal.
    pub fn auto_backup(&mut self, now: chrono::DateTime<Utc>) -> Result<bool> {
        use crate::store::backup;
        let Some(journal) = self.journal.as_ref() else {
            return Ok(false);
        };
        if journal.settings()?.backup_folder.is_none() {
            return Ok(false);
        }
        let store = journal.vault().store();
        let recent = store
            .last_backup_at()?
            .is_some_and(|at| now - at < backup::AUTO_EVERY);
        if recent || !store.changed_since_backup()? {
            return Ok(false);
        }
        self.back_up_now_at(now).map(|_| true)
    }

    /// "Back up now": into the backup folder, then rotate.
    pub fn back_up_now(&mut self) -> Result<BackupStatus> {
        self.back_up_now_at(Utc::now())?;
        self.backup_status()
    }

    fn back_up_now_at(&mut self, now: chrono::DateTime<Utc>) -> Result<()> {
        use crate::store::backup;
        let settings = self.journal()?.settings()?;
        let Some(folder) = settings.backup_folder.map(PathBuf::from) else {
            return Err(Error::invalid(
                "Choose a backup folder first (Settings, Backups).",
            ));
        };
        let result = backup::back_up_into(self.journal()?.vault().store(), &folder, now)
            .and_then(|_| backup::rotate(&folder, settings.backup_rotation.unwrap_or_default()));
        match result {
            Ok(_) => {
                self.backup_error = None;
                self.journal_mut()?.vault_mut().store_mut().note_backup(now)
            }
            Err(e) => {
                self.backup_error = Some(e.message.clone());
                Err(e)
            }
        }
    }

    /// The suggested name for a backup copy: the date and time, never a name.
    pub fn backup_copy_name(&self) -> String {
        crate::store::backup::backup_file_name(Utc::now())
    }

    /// One backup file for moving to another computer, written where the person chose
    /// in a save dialog (still encrypted; opens with the passphrase or recovery key).
    pub fn save_backup_copy(&self, path: &Path) -> Result<SavedFile> {
        use std::io::Write;
        let image = self.journal()?.vault().store().snapshot()?;
        crate::store::backup::write_durably(path, &image, |f, b| f.write_all(b))?;
        Ok(SavedFile {
            saved: true,
            file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()),
        })
    }

    /// Where backups stand.
    pub fn backup_status(&self) -> Result<BackupStatus> {
        use crate::store::backup;
        let journal = self.journal()?;
        let settings = journal.settings()?;
        let last_at = journal.vault().store().last_backup_at()?;
        let notice = settings.backup_folder.is_some()
            && last_at.is_none_or(|at| {
                Utc::now() - at > chrono::Duration::days(backup::NOTICE_AFTER_DAYS)
            });
        let backups = settings
            .backup_folder
            .as_deref()
            .map(|f| backup::list_backups(Path::new(f)).unwrap_or_default())
            .unwrap_or_default();
        Ok(BackupStatus {
            folder: settings.backup_folder,
            rotation: settings.backup_rotation.unwrap_or_default(),
            last_at,
            last_error: self.backup_error.clone(),
            notice,
            backups,
        })
    }

    /// Replace this journal with the backup in `file` (chosen in a native dialog by the
    /// shell), after locking (the draft is kept) and keeping the current journal aside,
    /// still encrypted, in `kept-before-restore/` inside the journal folder. Afterwards
    /// the journal is locked: it opens with the backup's passphrase or recovery key.
    pub fn restore_backup(&mut self, file: &Path) -> Result<RestoredBackup> {
        self.may_restore()?;
        // Check the file before anything changes.
        crate::store::backup::read_backup_image(file)?;
        if !Store::exists(&self.dir) {
            // A new computer: the backup becomes the journal.
            crate::store::backup::restore_into(&self.dir, file)?;
            return Ok(RestoredBackup {
                kept_as: String::new(),
            });
        }
        self.lock()?;
        let store = Store::open(&self.dir)?;
        let kept = store.replace_with_backup(
            file,
            &self.dir.join(crate::store::backup::KEPT_BEFORE_RESTORE),
            Utc::now(),
        )?;
        Ok(RestoredBackup {
            kept_as: kept
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        })
    }

    /// A backup may be restored where there is no journal yet (a new computer), or over
    /// this journal while it is unlocked (never by someone at a locked screen).
    pub fn may_restore(&self) -> Result<()> {
        if Store::exists(&self.dir) {
            self.journal()?;
        }
        Ok(())
    }

    /// Remember `folder` (chosen in a native dialog by the shell) as the backup folder.
    pub fn set_backup_folder(&mut self, folder: &Path) -> Result<BackupStatus> {
        if !folder.is_dir() {
            return Err(Error::invalid(
                "That folder is not there. Choose another one.",
            ));
        }
        let journal = self.journal_mut()?;
        let mut settings = journal.settings()?;
        settings.backup_folder = Some(folder.display().to_string());
        journal.save_settings(&settings)?;
        self.backup_status()
    }

    /// Does the typed recovery key open this journal? Used right after creation, to
    /// make sure the person wrote it down correctly.
    /// Once it matches, the session forgets the fresh key.
    pub fn check_recovery_key(&mut self, req: &RecoveryKeyCheck) -> Result<()> {
        let key = RecoveryKey::parse(&req.recovery_key.0)?;
        self.journal()?.vault().check_recovery_key(&key)?;
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

    /// The entries an export would hold and every passage in them that looks
    /// identifying (using the allow-list): the review the app requires before export.
    pub fn export_review(&self) -> Result<ExportReview> {
        let journal = self.journal()?;
        let allow = journal.settings()?.allow_list();
        let mut findings = Vec::new();
        let mut entries = 0;
        for e in journal.entries().filter(|e| e.deleted_at.is_none()) {
            entries += 1;
            for f in crate::journal::identifying_passages(e, &allow) {
                findings.push(ExportFinding {
                    entry_id: e.id,
                    title: e.title.clone(),
                    encounter_date: e.encounter_date,
                    kind: f.kind,
                    label: f.kind.label().to_string(),
                    text: f.text,
                });
            }
        }
        Ok(ExportReview { entries, findings })
    }

    /// A file name for an export that names no one: the date and the format.
    pub fn export_file_name(&self, format: ExportFormat) -> String {
        format!(
            "attune-export-{}.{}",
            chrono::Local::now().date_naive(),
            format.extension()
        )
    }

    /// Write the journal (without the trash) as plain text to `path`, which the person
    /// chose in a save dialog. Refused until the identifying passages were reviewed.
    pub fn export_journal(&self, req: &ExportRequest, path: &Path) -> Result<SavedFile> {
        self.check_export(req)?;
        let journal = self.journal()?;
        let live = || journal.entries().filter(|e| e.deleted_at.is_none());
        let text = match req.format {
            ExportFormat::Json => crate::journal::to_json(live())?,
            ExportFormat::Markdown => crate::journal::to_markdown(live()),
        };
        crate::files::replace_private_file(path, text.as_bytes())?;
        Ok(SavedFile {
            saved: true,
            file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()),
        })
    }

    /// May this export go ahead? (Before the save dialog opens, and again before writing.)
    pub fn check_export(&self, req: &ExportRequest) -> Result<()> {
        if !req.reviewed && !self.export_review()?.findings.is_empty() {
            return Err(Error::invalid(
                "Some passages look identifying. Go through them before exporting.",
            ));
        }
        Ok(())
    }

    /// Save the freshly issued recovery key, with a short note, to a file the person
    /// chose in a save dialog (owner-only, replaced only once complete).
    pub fn save_recovery_key(&self, path: &Path) -> Result<SavedFile> {
        self.recovery_key_saveable()?;
        let Some(key) = &self.fresh_recovery_key else {
            return Err(Error::internal("The recovery key is gone."));
        };
        let sheet = recovery_key_sheet(key);
        crate::files::replace_private_file(path, sheet.as_bytes())?;
        Ok(SavedFile {
            saved: true,
            file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()),
        })
    }

    pub fn change_passphrase(&mut self, req: &ChangePassphraseRequest) -> Result<()> {
        let new = Passphrase::new_checked(&req.new_passphrase.0)?;
        let journal = self.journal_mut()?;
        journal
            .vault()
            .check_passphrase(&req.current.as_passphrase())?;
        journal.vault_mut().change_passphrase(&new)
    }

    pub fn find_entries(&self, req: &FindRequest) -> Result<Page> {
        self.journal()?.find(req)
    }

    pub fn get_entry(&self, req: &EntryRef) -> Result<Entry> {
        self.journal()?.get(&req.id).cloned()
    }

    /// Answers are checked against the pack they answer, and each keeps the prompt's
    /// text, so the entry reads as written even after the pack changes.
    pub fn create_entry(&mut self, mut req: NewEntry) -> Result<Entry> {
        let journal = self.journal_mut()?;
        journal.prepare_new_entry(&mut req)?;
        journal.add(req, Utc::now()).cloned()
    }

    pub fn update_entry(&mut self, mut req: UpdateRequest) -> Result<Entry> {
        let journal = self.journal_mut()?;
        journal.prepare_entry_change(&req.id, &mut req.change)?;
        journal.edit(&req.id, req.change, Utc::now()).cloned()
    }

    /// An entry's answers with the questions they answer, for reading.
    pub fn entry_answers(&self, req: &EntryRef) -> Result<Vec<RenderedAnswer>> {
        let journal = self.journal()?;
        let entry = journal.get(&req.id)?;
        Ok(prompts::render_answers(entry, &journal.pack_registry()?))
    }

    /// Built-in packs (latest versions) and the person's custom packs.
    pub fn list_packs(&self) -> Result<Vec<PackSummary>> {
        Ok(self.journal()?.pack_registry()?.summaries())
    }

    /// One pack, in full; without a version, its latest.
    pub fn get_pack(&self, req: &PackRequest) -> Result<PromptPack> {
        self.journal()?.pack_registry()?.get(req).cloned()
    }

    /// The IMH-principle lenses that can be added to any entry.
    pub fn lenses(&self) -> Result<Vec<Lens>> {
        prompts::lenses()
    }

    /// Copy a pack into a new custom pack ("<title> (my copy)") and save it.
    pub fn duplicate_pack(&mut self, req: &PackRequest) -> Result<PromptPack> {
        self.journal_mut()?.duplicate_pack(req)
    }

    /// Save a custom pack (validated; its version goes up when its prompts changed).
    pub fn save_pack(&mut self, req: PromptPack) -> Result<PromptPack> {
        self.journal_mut()?.save_custom_pack(req)
    }

    /// Delete a custom pack; entries written with it keep their prompt texts.
    pub fn delete_pack(&mut self, req: &PackRequest) -> Result<()> {
        self.journal_mut()?.delete_custom_pack(&req.id)
    }

    /// Which elements and themes came up lately, and the "carrying" trend.
    pub fn insights(&self, req: &InsightsRequest) -> Result<Insights> {
        let journal = self.journal()?;
        prompts::insights(
            journal.entries(),
            &journal.pack_registry()?,
            req.weeks,
            chrono::Local::now().date_naive(),
        )
    }

    pub fn trash_entry(&mut self, req: &EntryRef) -> Result<Entry> {
        self.journal_mut()?.trash(&req.id, Utc::now()).cloned()
    }

    pub fn restore_entry(&mut self, req: &EntryRef) -> Result<Entry> {
        self.journal_mut()?.restore(&req.id, Utc::now()).cloned()
    }

    /// Hold what is in the editor in memory (called as the person types).
    pub fn stage_draft(&mut self, draft: Draft) -> Result<()> {
        self.journal()?;
        self.staged = Some(draft);
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
        self.staged = None;
        self.journal_mut()?.discard_draft()
    }

    pub fn get_settings(&self) -> Result<Settings> {
        self.journal()?.settings()
    }

    /// Save the settings; allow-list words are trimmed and repeats dropped first.
    pub fn save_settings(&mut self, req: Settings) -> Result<Settings> {
        let req = req.tidied();
        self.journal_mut()?.save_settings(&req)?;
        Ok(req)
    }

    /// The check-in's questions, what it is and is not, and where to turn. Needs no
    /// unlocked journal: it is the same for everyone.
    pub fn checkin_form(&self) -> Result<CheckinForm> {
        Ok(ItemSet::builtin()?.form())
    }

    /// Save a check-in; returns it with its overall reading and any gentle suggestions.
    pub fn save_checkin(&mut self, req: NewCheckin) -> Result<CheckinSaved> {
        self.journal_mut()?.save_checkin(req, Utc::now())
    }

    /// Check-ins over time, per item and overall, with the nudge when the last is old.
    pub fn checkin_trends(&self, req: &TrendsRequest) -> Result<Trends> {
        self.journal()?.checkin_trends(req, Utc::now())
    }

    /// The check-ins of the period `req` names (notes included), newest first.
    pub fn list_checkins(&self, req: &TrendsRequest) -> Result<Vec<Checkin>> {
        self.journal()?.checkins_since(req, Utc::now())
    }

    /// Delete a check-in for good (also a damaged one, by its id).
    pub fn delete_checkin(&mut self, req: &CheckinRef) -> Result<()> {
        self.journal_mut()?.delete_checkin(&req.id)
    }

    /// Supervision sessions (notes included), newest first: one year's, or all.
    pub fn list_sessions(&self, req: &SessionsRequest) -> Result<Vec<SupervisionSession>> {
        self.journal()?.sessions_of(req.year)
    }

    /// Log a new session (no id) or change one (its id); entries named must exist.
    pub fn save_session(&mut self, req: SessionInput) -> Result<SupervisionSession> {
        self.journal_mut()?.save_session(req, Utc::now())
    }

    /// Delete a session for good (also a damaged one, by its id).
    pub fn delete_session(&mut self, req: &SessionRef) -> Result<()> {
        self.journal_mut()?.delete_session(&req.id)
    }

    /// A year's RS/C hours, received and given, with progress towards the target set
    /// in the settings (`rsc_hours_target`).
    pub fn hours_summary(&self, req: &HoursRequest) -> Result<HoursSummary> {
        self.journal()?.hours(req.year)
    }

    /// A year's hours log as CSV, for the shell to write through a save dialog: dates,
    /// durations, formats, names and roles, never notes or entries.
    /// [`crate::journal::sessions::hours_csv_file_name`] suggests a file name.
    pub fn hours_csv(&self, req: &HoursRequest) -> Result<String> {
        self.journal()?.hours_csv(req.year)
    }

    /// Highlight what looks identifying in `req.text`, skipping the words on the
    /// journal's allow-list. Non-blocking in the editor; a required review before export.
    pub fn deid_scan(&self, req: &DeidRequest) -> Result<DeidReport> {
        let allow = self.journal()?.settings()?.allow_list();
        Ok(report(crate::deid::scan(&req.text, &allow)))
    }

    pub fn about(&self) -> About {
        About {
            version: env!("CARGO_PKG_VERSION").to_string(),
            schema_version: crate::store::CURRENT_VERSION,
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Closing the app keeps what was being written.
        let _ = self.lock();
    }
}

mod exchange;
pub use exchange::*;

#[cfg(feature = "typescript")]
pub mod typescript;
