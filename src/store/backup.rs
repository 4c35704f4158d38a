//! Backups: consistent copies of the journal file, encrypted exactly as the journal is
//! (the file holds only envelopes and key protectors; nothing is re-encrypted and no
//! plaintext step exists). A copy is taken with SQLite's online backup API, written to
//! a temporary file beside its destination, fsynced, renamed into place, and the folder
//! fsynced, so a failure at any point leaves the older files as they were.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use rusqlite::{Connection, MAIN_DB};

use super::{migrations::CURRENT_VERSION, Store};
use crate::{Error, ErrorCode, Result};

/// Backup files are named `attune-backup-YYYYMMDD-HHMMSS.attune`: a date, never a name.
pub const BACKUP_PREFIX: &str = "attune-backup-";
pub const BACKUP_EXTENSION: &str = "attune";
/// Where a restore in place keeps the journal it replaced (inside the journal folder).
pub const KEPT_BEFORE_RESTORE: &str = "kept-before-restore";
/// The largest backup file accepted for restore or verify.
pub const MAX_BACKUP_BYTES: u64 = 4 * 1024 * 1024 * 1024;

impl Store {
    /// The whole journal as one consistent SQLite image, read through the online
    /// backup API (pending WAL content included).
    pub fn snapshot(&self) -> Result<Vec<u8>> {
        let mut copy = Connection::open_in_memory()?;
        {
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut copy)?;
            backup.run_to_completion(256, std::time::Duration::ZERO, None)?;
        }
        let data = copy.serialize(MAIN_DB)?;
        Ok(data.to_vec())
    }

    /// A fingerprint of everything a person wrote (records and key protectors, not the
    /// bookkeeping in `meta`): when it is unchanged, a new backup would add nothing.
    pub fn content_fingerprint(&self) -> Result<[u8; 32]> {
        let mut hasher = Vec::new();
        let mut stmt = self
            .conn
            .prepare("SELECT tbl, id, revision, key_id, envelope FROM records ORDER BY seq")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let tbl: i64 = r.get(0)?;
            let id: Vec<u8> = r.get(1)?;
            let revision: i64 = r.get(2)?;
            let key_id: i64 = r.get(3)?;
            let envelope: Vec<u8> = r.get(4)?;
            hasher.extend_from_slice(&tbl.to_be_bytes());
            hasher.extend_from_slice(&id);
            hasher.extend_from_slice(&revision.to_be_bytes());
            hasher.extend_from_slice(&key_id.to_be_bytes());
            hasher.extend_from_slice(&crate::crypto::sha256(&envelope));
        }
        let mut stmt = self
            .conn
            .prepare("SELECT id, kind, params, salt, nonce, wrapped FROM protectors ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            for i in 0..6 {
                let v: rusqlite::types::Value = r.get(i)?;
                hasher.extend_from_slice(format!("{v:?}").as_bytes());
            }
        }
        Ok(crate::crypto::sha256(&hasher))
    }
}

/// The file name of a backup taken at `at`.
pub fn backup_file_name(at: DateTime<Utc>) -> String {
    format!(
        "{BACKUP_PREFIX}{}.{BACKUP_EXTENSION}",
        at.format("%Y%m%d-%H%M%S")
    )
}

/// When the backup named `name` was taken, if it is one of ours.
pub fn backup_time(name: &str) -> Option<NaiveDateTime> {
    let stamp = name
        .strip_prefix(BACKUP_PREFIX)?
        .strip_suffix(&format!(".{BACKUP_EXTENSION}"))?;
    NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S").ok()
}

fn unwritable(dest: &Path, e: &std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::StorageFull || e.raw_os_error() == Some(27) {
        // ENOSPC, or EFBIG from a file-size limit: the same advice.
        Error::disk_full()
    } else {
        Error::new(
            ErrorCode::Unwritable,
            format!(
                "Could not write the backup in {}. Check the folder is there and has space; your journal and older backups are unchanged.",
                dest.parent().map_or_else(|| dest.display().to_string(), |d| d.display().to_string())
            ),
        )
    }
}

/// Write `bytes` to `dest` durably and all at once: a temporary file beside it,
/// `write` (normally `write_all`), fsync, rename, folder fsync. On any failure the
/// temporary file is removed and `dest` (if it existed) is untouched. `write` is a
/// parameter so tests can inject a writer that fails halfway.
pub fn write_durably(
    dest: &Path,
    bytes: &[u8],
    write: impl FnOnce(&mut File, &[u8]) -> std::io::Result<()>,
) -> Result<()> {
    let dir = match dest.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(dest.file_name().unwrap_or_default());
    temp_name.push(".partial");
    let temp = dir.join(temp_name);
    let _ = fs::remove_file(&temp);
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let result = options
        .open(&temp)
        .and_then(|mut file| {
            write(&mut file, bytes)?;
            file.flush()?;
            file.sync_all()
        })
        .and_then(|()| fs::rename(&temp, dest))
        .and_then(|()| File::open(&dir).and_then(|d| d.sync_all()));
    if let Err(e) = result {
        let _ = fs::remove_file(&temp);
        return Err(unwritable(dest, &e));
    }
    Ok(())
}

/// Take a backup of `store` into `folder` under a dated name; returns its path.
pub fn back_up_into(store: &Store, folder: &Path, now: DateTime<Utc>) -> Result<PathBuf> {
    if !folder.is_dir() {
        return Err(Error::new(
            ErrorCode::Unwritable,
            format!(
                "The backup folder {} is not there (a USB stick that is out?). Your journal is fine; choose the folder again or plug it in.",
                folder.display()
            ),
        ));
    }
    let image = store.snapshot()?;
    let dest = folder.join(backup_file_name(now));
    write_durably(&dest, &image, |f, b| f.write_all(b))?;
    Ok(dest)
}

/// A backup file checked enough to restore from: a SQLite journal of a format this
/// version reads, sound by SQLite's own integrity check. Nothing is decrypted here.
pub fn read_backup_image(file: &Path) -> Result<Vec<u8>> {
    let refused = || {
        Error::new(
            ErrorCode::DamagedJournal,
            "This file is not a readable Attune backup (it may be damaged or something else). Nothing was changed.",
        )
    };
    let meta = fs::metadata(file).map_err(|e| Error::from_io(&e, "read the backup file"))?;
    if meta.len() > MAX_BACKUP_BYTES {
        return Err(refused());
    }
    let bytes = fs::read(file).map_err(|e| Error::from_io(&e, "read the backup file"))?;
    if !bytes.starts_with(b"SQLite format 3\0") {
        return Err(refused());
    }
    // An in-memory copy can only be read in rollback mode: mark the copy's header so
    // (bytes 18 and 19 say 2 for a WAL journal). The file itself is left as it is.
    let mut check = bytes.clone();
    if check.len() > 19 {
        check[18] = 1;
        check[19] = 1;
    }
    let mut conn = Connection::open_in_memory()?;
    conn.deserialize_read_exact(MAIN_DB, check.as_slice(), check.len(), true)
        .map_err(|_| refused())?;
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|_| refused())?;
    if version > CURRENT_VERSION {
        return Err(Error::new(
            ErrorCode::NewerVersion,
            "This backup was made by a newer version of Attune. Update Attune to restore it; nothing was changed.",
        ));
    }
    if version == 0 {
        return Err(refused());
    }
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|_| refused())?;
    // Exactly the tables Attune makes, and nothing that could run (triggers, views).
    let ours = super::migrations::schema_is_ours(&conn).map_err(|_| refused())?;
    if ok != "ok" || !ours {
        return Err(refused());
    }
    Ok(bytes)
}

/// How many backups to keep, per period (the newest of each period is kept).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Rotation {
    pub daily: u32,
    pub weekly: u32,
    pub monthly: u32,
}

impl Default for Rotation {
    fn default() -> Self {
        Self {
            daily: 7,
            weekly: 5,
            monthly: 12,
        }
    }
}

/// Which of `taken` (backup times) to keep under `policy`: the newest backup of each
/// of the last `daily` days, `weekly` ISO weeks and `monthly` months that have one,
/// and always the newest backup of all. Returns the indexes to keep.
pub fn to_keep(taken: &[NaiveDateTime], policy: Rotation) -> std::collections::BTreeSet<usize> {
    let mut order: Vec<usize> = (0..taken.len()).collect();
    order.sort_by(|&a, &b| taken[b].cmp(&taken[a]));
    let mut keep = std::collections::BTreeSet::new();
    if let Some(&newest) = order.first() {
        keep.insert(newest);
    }
    let mut pick = |limit: u32, period: &dyn Fn(&NaiveDateTime) -> (i32, u32)| {
        let mut seen = Vec::new();
        for &i in &order {
            let p = period(&taken[i]);
            if seen.contains(&p) {
                continue;
            }
            if seen.len() >= limit as usize {
                break;
            }
            seen.push(p);
            keep.insert(i);
        }
    };
    pick(policy.daily, &|t| (t.year(), t.ordinal()));
    pick(policy.weekly, &|t| {
        let w = t.iso_week();
        (w.year(), w.week())
    });
    pick(policy.monthly, &|t| (t.year(), t.month()));
    keep
}

/// One backup file in a folder.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct BackupFile {
    pub file_name: String,
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    pub taken_at: NaiveDateTime,
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub bytes: u64,
}

/// The backups in `folder`, newest first (other files are ignored).
pub fn list_backups(folder: &Path) -> Result<Vec<BackupFile>> {
    let entries = fs::read_dir(folder).map_err(|e| Error::from_io(&e, "read the backup folder"))?;
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(taken_at) = backup_time(&name) {
            let bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
            out.push(BackupFile {
                file_name: name,
                taken_at,
                bytes,
            });
        }
    }
    out.sort_by_key(|b| std::cmp::Reverse(b.taken_at));
    Ok(out)
}

/// Delete the backups in `folder` that `policy` does not keep; returns how many went.
pub fn rotate(folder: &Path, policy: Rotation) -> Result<usize> {
    let all = list_backups(folder)?;
    let times: Vec<NaiveDateTime> = all.iter().map(|b| b.taken_at).collect();
    let keep = to_keep(&times, policy);
    let mut removed = 0;
    for (i, b) in all.iter().enumerate() {
        if !keep.contains(&i) && fs::remove_file(folder.join(&b.file_name)).is_ok() {
            removed += 1;
        }
    }
    Ok(removed)
}

/// Put the backup in `file` into `dir` as a new journal (the folder must not hold one).
/// The journal then opens with the passphrase or recovery key it had when backed up.
pub fn restore_into(dir: &Path, file: &Path) -> Result<()> {
    let image = read_backup_image(file)?;
    if Store::exists(dir) {
        return Err(super::journal_exists(dir));
    }
    super::private_dir(dir).map_err(|e| Error::from_io(&e, "create the journal folder"))?;
    let _lock = super::take_lock(dir)?;
    if Store::exists(dir) {
        return Err(super::journal_exists(dir));
    }
    write_durably(&super::db_path(dir), &image, |f, b| f.write_all(b))
}

impl Store {
    /// Replace this journal with the backup in `file`, after keeping the current
    /// journal aside in `keep_aside` (a backup of its own, so even a wrong click loses
    /// nothing). Returns where the current journal was kept. The store is consumed: open
    /// the journal again afterwards.
    pub fn replace_with_backup(
        self,
        file: &Path,
        keep_aside: &Path,
        now: DateTime<Utc>,
    ) -> Result<PathBuf> {
        let image = read_backup_image(file)?;
        fs::create_dir_all(keep_aside)
            .map_err(|e| Error::from_io(&e, "create the folder for the kept copy"))?;
        let kept = back_up_into(&self, keep_aside, now)?;
        self.checkpoint_truncate()?;
        let Store { conn, dir, _lock } = self;
        conn.close().map_err(|(_, e)| Error::from(e))?;
        // The old write-ahead log belongs to the old file: it must not meet the new one.
        for leftover in ["-wal", "-shm"] {
            let path = PathBuf::from(format!("{}{leftover}", super::db_path(&dir).display()));
            if path.exists() {
                fs::remove_file(&path)
                    .map_err(|e| Error::from_io(&e, "tidy the journal folder"))?;
            }
        }
        write_durably(&super::db_path(&dir), &image, |f, b| f.write_all(b))?;
        drop(_lock);
        Ok(kept)
    }
}

/// Bookkeeping in the journal's `meta` table: when the last backup succeeded and the
/// content fingerprint it had (no content, no names).
const LAST_AT_KEY: &str = "backup.last_at";
const LAST_FINGERPRINT_KEY: &str = "backup.fingerprint";
/// Automatic backups happen at most this often.
pub const AUTO_EVERY: chrono::Duration = chrono::Duration::hours(20);
/// A gentle notice after this many days without a successful backup.
pub const NOTICE_AFTER_DAYS: i64 = 7;

impl Store {
    /// When the last backup succeeded, if ever.
    pub fn last_backup_at(&self) -> Result<Option<DateTime<Utc>>> {
        Ok(self
            .meta(LAST_AT_KEY)?
            .and_then(|b| String::from_utf8(b).ok())
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t.with_timezone(&Utc)))
    }

    /// Has anything changed since the last backup?
    pub fn changed_since_backup(&self) -> Result<bool> {
        let last = self.meta(LAST_FINGERPRINT_KEY)?;
        Ok(last.as_deref() != Some(self.content_fingerprint()?.as_slice()))
    }

    /// Record a successful backup taken at `at`.
    pub fn note_backup(&mut self, at: DateTime<Utc>) -> Result<()> {
        let fingerprint = self.content_fingerprint()?;
        self.transaction(|tx| {
            super::write_meta(tx, LAST_AT_KEY, at.to_rfc3339().as_bytes())?;
            super::write_meta(tx, LAST_FINGERPRINT_KEY, &fingerprint)
        })
    }
}
