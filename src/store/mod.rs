//! The SQLite file under a journal folder: opaque encrypted records and key protectors.
//!
//! This module knows nothing about keys or plaintext. It owns the file layout, the
//! connection settings (WAL, `synchronous=FULL`, `secure_delete=ON`,
//! `temp_store=MEMORY`), the advisory lock that keeps a second process out, and the
//! migrations.

pub mod backup;
mod migrations;

use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Transaction};

pub use migrations::CURRENT_VERSION;

use crate::crypto::{ProtectorKind, WrappedKey};
use crate::error::busy;
use crate::{Error, ErrorCode, Result};

/// File names inside a journal folder.
pub const DB_FILE: &str = "journal.sqlite3";
pub const LOCK_FILE: &str = "attune.lock";
const CREATING_FILE: &str = "journal.sqlite3.creating";

/// Logical tables. The number is part of every record's associated data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Entries = 1,
    /// The person's settings (one record).
    Settings = 2,
    /// The entry being written when the journal locked or closed (at most one record).
    Drafts = 3,
    /// The person's custom prompt packs (one record each).
    Packs = 4,
    /// Wellbeing check-ins (one record each).
    Checkins = 5,
    /// This journal's exchange keys (one record).
    Identity = 6,
    /// Pinned contacts: supervisors and supervisees (one record each).
    Contacts = 7,
    /// What I shared with each supervisor (one record per contact).
    Shares = 8,
    /// Entries supervisees shared with me (one record per contact).
    Inbox = 9,
    /// Reflective responses, written by me or received (one record each).
    Feedback = 10,
    /// Supervision sessions, for the RS/C hours log (one record each).
    Sessions = 11,
    /// Training records, for Endorsement (one record each).
    Training = 12,
    /// Training certificates, filed under their training's id (one record each).
    Certificates = 13,
    /// Prep sheets before supervision, each with its takeaway after (one record each).
    Preps = 14,
    /// A supervisor's planning note per supervisee (one record per contact).
    PlanningNotes = 15,
    /// Session confirmations: asked for, received to answer, answered (one record each).
    Confirmations = 16,
    /// The list index: what listing, filtering and sorting entries need (ids, dates,
    /// kinds, flags, tags, family codes; never text), in up to 256 shards by the first
    /// byte of the entry id, kept in step with the entries in the same transactions.
    EntryIndex = 17,
    /// Each contact's exchange folder and the files in it already dealt with (one
    /// record per contact).
    ExchangeFolders = 18,
}

impl Table {
    /// Every table this version knows. A record in any other table has been moved or
    /// forged and is reported as damaged.
    pub const ALL: [Table; 18] = [
        Table::Entries,
        Table::Settings,
        Table::Drafts,
        Table::Packs,
        Table::Checkins,
        Table::Identity,
        Table::Contacts,
        Table::Shares,
        Table::Inbox,
        Table::Feedback,
        Table::Sessions,
        Table::Training,
        Table::Certificates,
        Table::Preps,
        Table::PlanningNotes,
        Table::Confirmations,
        Table::EntryIndex,
        Table::ExchangeFolders,
    ];
}

/// One stored record as it sits on disk: plaintext routing fields and the envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordRow {
    pub id: [u8; 16],
    pub kind: u8,
    pub revision: u64,
    pub key_id: u32,
    pub envelope: Vec<u8>,
}

/// A row whose plaintext columns are malformed (for instance an id of the wrong size).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MalformedRow {
    pub seq: i64,
}

/// An open journal file, holding the folder's advisory lock until dropped.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    dir: PathBuf,
    _lock: File,
}

fn db_path(dir: &Path) -> PathBuf {
    dir.join(DB_FILE)
}

/// Take the folder's advisory lock, or say who has it.
fn take_lock(dir: &Path) -> Result<File> {
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).read(true).write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options
        .open(dir.join(LOCK_FILE))
        .map_err(|e| Error::from_io(&e, "open the journal folder"))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(busy()),
        Err(std::fs::TryLockError::Error(e)) => Err(Error::from_io(&e, "lock the journal folder")),
    }
}

fn configure(conn: &Connection) -> Result<()> {
    // A journal file is data, never code: no schema-defined functions or virtual
    // tables run, and the file's own structure cannot be corrupted through SQL.
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.pragma_update(None, "trusted_schema", "OFF")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Wait briefly instead of failing if a checkpoint is running in this process.
    conn.busy_timeout(std::time::Duration::from_secs(2))?;
    Ok(())
}

#[cfg(unix)]
fn private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
fn private_dir(dir: &Path) -> std::io::Result<()> {
    fs::create_dir_all(dir)
}

#[cfg(unix)]
fn private_file(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .create_new(true)
        .write(true)
        .mode(0o600)
        .open(path)
}

#[cfg(not(unix))]
fn private_file(path: &Path) -> std::io::Result<File> {
    OpenOptions::new().create_new(true).write(true).open(path)
}

/// fsync a directory so a rename inside it is durable.
fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| Error::from_io(&e, "save the journal folder"))?;
    Ok(())
}

impl Store {
    /// Does `dir` hold a journal?
    pub fn exists(dir: &Path) -> bool {
        db_path(dir).is_file()
    }

    /// Create a new journal file in `dir`, filling it with `init` inside the first
    /// transaction. The file is built under a temporary name and renamed into place
    /// only when complete, so a failed `init` leaves no half-made journal behind.
    pub fn create(dir: &Path, init: impl FnOnce(&Transaction<'_>) -> Result<()>) -> Result<Self> {
        if Self::exists(dir) {
            return Err(journal_exists(dir));
        }
        private_dir(dir).map_err(|e| Error::from_io(&e, "create the journal folder"))?;
        let lock = take_lock(dir)?;
        if Self::exists(dir) {
            return Err(journal_exists(dir));
        }
        let creating = dir.join(CREATING_FILE);
        for leftover in ["", "-wal", "-shm"] {
            let path = PathBuf::from(format!("{}{leftover}", creating.display()));
            if path.exists() {
                fs::remove_file(&path)
                    .map_err(|e| Error::from_io(&e, "tidy the journal folder"))?;
            }
        }
        let result = Self::build(&creating, init).and_then(|()| {
            fs::rename(&creating, db_path(dir))
                .map_err(|e| Error::from_io(&e, "create the journal"))?;
            sync_dir(dir)
        });
        if let Err(err) = result {
            let _ = fs::remove_file(&creating);
            return Err(err);
        }
        Self::open_locked(dir, lock)
    }

    fn build(path: &Path, init: impl FnOnce(&Transaction<'_>) -> Result<()>) -> Result<()> {
        private_file(path).map_err(|e| Error::from_io(&e, "create the journal file"))?;
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        // Before anything is written: record padding is cut to this page size
        // (crypto::padding), so that records share pages without wasting them. Journals
        // made before keep their 4 KiB pages; the smaller buckets pack those too (an
        // eighth of a new page is half an old one).
        conn.pragma_update(None, "page_size", crate::crypto::PAGE_SIZE as i64)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        configure(&conn)?;
        let tx = conn.transaction()?;
        migrations::migrate(&tx, 0)?;
        init(&tx)?;
        tx.commit()?;
        conn.pragma_update(None, "wal_checkpoint", "TRUNCATE")?;
        conn.close().map_err(|(_, e)| Error::from(e))?;
        File::open(path)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::from_io(&e, "save the journal file"))?;
        Ok(())
    }

    /// Open the journal in `dir`, taking its lock. Nothing is written unless the schema
    /// needs migrating.
    pub fn open(dir: &Path) -> Result<Self> {
        if !Self::exists(dir) {
            return Err(Error::new(
                ErrorCode::NoJournal,
                format!(
                    "There is no journal in {}. Create one with `attune init`, or name another folder with --journal.",
                    dir.display()
                ),
            ));
        }
        let lock = take_lock(dir)?;
        Self::open_locked(dir, lock)
    }

    fn open_locked(dir: &Path, lock: File) -> Result<Self> {
        let conn = Connection::open_with_flags(
            db_path(dir),
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        configure(&conn)?;
        let mut store = Self {
            conn,
            dir: dir.to_path_buf(),
            _lock: lock,
        };
        store.check_schema()?;
        Ok(store)
    }

    fn check_schema(&mut self) -> Result<()> {
        let version: u32 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > CURRENT_VERSION {
            return Err(Error::new(
                ErrorCode::NewerVersion,
                "This journal was written by a newer version of Attune. Update Attune to open it; nothing was changed.",
            ));
        }
        if version == 0 {
            return Err(Error::damaged_journal());
        }
        if version < CURRENT_VERSION {
            let tx = self.conn.transaction()?;
            migrations::migrate(&tx, version)?;
            tx.commit()?;
        }
        let mode: String = self
            .conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::damaged_journal());
        }
        // A trigger, view or extra table planted in the file (a tampered backup, say)
        // would run on our own writes: refuse the file instead.
        if !migrations::schema_is_ours(&self.conn)? {
            return Err(Error::damaged_journal());
        }
        Ok(())
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Run `f` inside one transaction: all of it lands, or none of it.
    pub fn transaction<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction()?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Fold the write-ahead log into the main file and truncate it to zero bytes, so
    /// superseded pages (an old wrapped key, old ciphertext) are gone from every file.
    pub fn checkpoint_truncate(&self) -> Result<()> {
        let (busy, _, _): (i64, i64, i64) =
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?;
        if busy != 0 {
            return Err(self::busy_checkpoint());
        }
        Ok(())
    }

    /// The file's page size in bytes (8 KiB for journals made now, 4 KiB before).
    pub fn page_size(&self) -> Result<u32> {
        Ok(self
            .conn
            .pragma_query_value(None, "page_size", |r| r.get(0))?)
    }

    /// SQLite's own `integrity_check`; an empty list means the file is sound.
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        let mut problems = Vec::new();
        for row in rows {
            let row = row?;
            if row != "ok" {
                problems.push(row);
            }
        }
        Ok(problems)
    }

    // ---- meta -------------------------------------------------------------------

    pub fn meta(&self, key: &str) -> Result<Option<Vec<u8>>> {
        Ok(read_meta(&self.conn, key)?)
    }

    // ---- protectors -------------------------------------------------------------

    /// Every key protector, in a stable order.
    pub fn protectors(&self) -> Result<Vec<(WrappedKey, u32)>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, kind, params, salt, nonce, wrapped, key_id FROM protectors ORDER BY kind, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, Vec<u8>>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, Vec<u8>>(2)?,
                r.get::<_, Vec<u8>>(3)?,
                r.get::<_, Vec<u8>>(4)?,
                r.get::<_, Vec<u8>>(5)?,
                r.get::<_, i64>(6)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, kind, params, salt, nonce, wrapped, key_id) = row?;
            // A malformed protector is skipped; if none is usable, unlock fails like a
            // wrong passphrase (DESIGN: a damaged protector exits like one).
            let parsed = (|| {
                Some((
                    WrappedKey {
                        id: id.try_into().ok()?,
                        kind: ProtectorKind::from_u8(u8::try_from(kind).ok()?)?,
                        params,
                        salt: salt.try_into().ok()?,
                        nonce: nonce.try_into().ok()?,
                        wrapped,
                    },
                    u32::try_from(key_id).ok()?,
                ))
            })();
            if let Some(p) = parsed {
                out.push(p);
            }
        }
        Ok(out)
    }

    // ---- records ----------------------------------------------------------------

    /// Every record of `table`, plus the rows whose plaintext columns are malformed.
    pub fn records(&self, table: Table) -> Result<(Vec<RecordRow>, Vec<MalformedRow>)> {
        read_records(&self.conn, table)
    }

    /// How many rows `table` holds, damaged ones included (read from the `(tbl, id)`
    /// index, no envelope is touched).
    pub fn count_records(&self, table: Table) -> Result<usize> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM records WHERE tbl = ?1",
            [table as u8],
            |r| r.get(0),
        )?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// How many rows of `table` are not of record kind `kind` (a layout an older
    /// version wrote).
    pub fn count_records_not_of_kind(&self, table: Table, kind: u8) -> Result<usize> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM records WHERE tbl = ?1 AND kind != ?2",
            params![table as u8, kind],
            |r| r.get(0),
        )?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// The id and revision of every well-formed row of `table`, without the envelopes.
    pub fn record_revisions(&self, table: Table) -> Result<Vec<([u8; 16], u64)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, revision FROM records WHERE tbl = ?1")?;
        let rows = stmt.query_map([table as u8], |r| {
            Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, i64>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, revision) = row?;
            if let (Ok(id), Ok(revision)) = (id.try_into(), u64::try_from(revision)) {
                out.push((id, revision));
            }
        }
        Ok(out)
    }

    /// Hand every row of `table` to `f` as it is read, in row order, without holding
    /// them all (`Err(seq)` for a row whose plaintext columns are malformed). `f`
    /// returning an error stops the scan.
    pub fn each_record(
        &self,
        table: Table,
        mut f: impl FnMut(std::result::Result<RecordRow, MalformedRow>) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(in_row_order(table))?;
        let mut rows = stmt.query(params![table as u8])?;
        while let Some(r) = rows.next()? {
            f(parse_row(r))?;
        }
        Ok(())
    }

    /// Ids of records filed under a table this version does not know (moved or forged
    /// rows), so they are reported instead of silently ignored.
    ///
    /// Read from the `(tbl, id)` index alone and sorted here: `ORDER BY seq` in SQL
    /// would scan the whole file, and every command that does not load the journal
    /// asks this.
    pub fn stray_records(&self) -> Result<Vec<[u8; 16]>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT seq, id FROM records WHERE tbl NOT IN ({})",
            known_tables_sql()
        ))?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))?;
        let mut found = Vec::new();
        for row in rows {
            found.push(row?);
        }
        found.sort_unstable_by_key(|(seq, _)| *seq);
        // An id of the wrong size is reported as all zeros: still damage to show.
        Ok(found
            .into_iter()
            .map(|(_, id)| id.try_into().unwrap_or([0u8; 16]))
            .collect())
    }

    /// Delete a stray record (see [`Store::stray_records`]) for good.
    pub fn delete_stray_record(&self, id: &[u8; 16]) -> Result<bool> {
        let n = self.conn.execute(
            &format!(
                "DELETE FROM records WHERE id = ?1 AND tbl NOT IN ({})",
                known_tables_sql()
            ),
            [id.as_slice()],
        )?;
        Ok(n > 0)
    }

    /// One record by id.
    pub fn record(&self, table: Table, id: &[u8; 16]) -> Result<Option<RecordRow>> {
        Ok(self
            .conn
            .query_row(
                "SELECT kind, revision, key_id, envelope FROM records WHERE tbl = ?1 AND id = ?2",
                params![table as u8, id.as_slice()],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, Vec<u8>>(3)?,
                    ))
                },
            )
            .optional()?
            .and_then(|(kind, revision, key_id, envelope)| {
                Some(RecordRow {
                    id: *id,
                    kind: u8::try_from(kind).ok()?,
                    revision: u64::try_from(revision).ok()?,
                    key_id: u32::try_from(key_id).ok()?,
                    envelope,
                })
            }))
    }

    /// Insert or replace one record, durably (its own transaction).
    pub fn put_record(&self, table: Table, row: &RecordRow) -> Result<()> {
        put_record(&self.conn, table, row)
    }

    /// Delete one record for good. `secure_delete` zeroes the freed space.
    pub fn delete_record(&self, table: Table, id: &[u8; 16]) -> Result<bool> {
        let n = self.conn.execute(
            "DELETE FROM records WHERE tbl = ?1 AND id = ?2",
            params![table as u8, id.as_slice()],
        )?;
        Ok(n > 0)
    }

    /// Delete every record of `table` for good.
    pub fn delete_records(&self, table: Table) -> Result<()> {
        delete_records_in(&self.conn, table)
    }

    /// Make `row` the only record of `table`, in one transaction (for the one-record
    /// tables: an older copy under another id goes with it).
    pub fn put_sole_record(&mut self, table: Table, row: &RecordRow) -> Result<()> {
        self.transaction(|tx| {
            tx.execute(
                "DELETE FROM records WHERE tbl = ?1 AND id <> ?2",
                params![table as u8, row.id.as_slice()],
            )?;
            put_record(tx, table, row)
        })
    }
}

/// The known table numbers as an SQL list, e.g. `1,2,3` (constants, never user input).
fn known_tables_sql() -> String {
    let known: Vec<String> = Table::ALL.iter().map(|t| (*t as u8).to_string()).collect();
    known.join(",")
}

fn busy_checkpoint() -> Error {
    Error::internal("The journal could not finish tidying its log file. Close other Attune windows and try again.")
}

pub(crate) fn journal_exists(dir: &Path) -> Error {
    Error::new(
        ErrorCode::JournalExists,
        format!(
            "There is already a journal in {}. Nothing was changed. Unlock it, or choose another folder with --journal.",
            dir.display()
        ),
    )
}

/// Read a meta value inside or outside a transaction.
pub fn read_meta(conn: &Connection, key: &str) -> rusqlite::Result<Option<Vec<u8>>> {
    conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()
}

/// Write a meta value.
pub fn write_meta(conn: &Connection, key: &str, value: &[u8]) -> Result<()> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// Delete every key protector (before writing new ones under a rotated key).
pub fn delete_protectors(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM protectors", [])?;
    Ok(())
}

/// Replace every protector of `kind` with `protector`.
pub fn replace_protector(conn: &Connection, protector: &WrappedKey, key_id: u32) -> Result<()> {
    conn.execute(
        "DELETE FROM protectors WHERE kind = ?1",
        [protector.kind as i64],
    )?;
    conn.execute(
        "INSERT INTO protectors (id, kind, params, salt, nonce, wrapped, key_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            protector.id.as_slice(),
            protector.kind as i64,
            protector.params,
            protector.salt.as_slice(),
            protector.nonce.as_slice(),
            protector.wrapped,
            key_id
        ],
    )?;
    Ok(())
}

/// Delete one record for good inside a transaction (`secure_delete` zeroes the space).
pub fn delete_record_in(conn: &Connection, table: Table, id: &[u8; 16]) -> Result<bool> {
    let n = conn.execute(
        "DELETE FROM records WHERE tbl = ?1 AND id = ?2",
        params![table as u8, id.as_slice()],
    )?;
    Ok(n > 0)
}

/// Delete every record of `table`, inside or outside a transaction.
pub fn delete_records_in(conn: &Connection, table: Table) -> Result<()> {
    conn.execute("DELETE FROM records WHERE tbl = ?1", [table as u8])?;
    Ok(())
}

/// Insert or replace one record.
pub fn put_record(conn: &Connection, table: Table, row: &RecordRow) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO records (tbl, id, kind, revision, key_id, envelope) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (tbl, id) DO UPDATE SET kind = excluded.kind, revision = excluded.revision,
             key_id = excluded.key_id, envelope = excluded.envelope",
    )?
    .execute(params![
        table as u8,
        row.id.as_slice(),
        row.kind,
        i64::try_from(row.revision).map_err(|_| Error::internal("revision out of range"))?,
        row.key_id,
        row.envelope
    ])?;
    Ok(())
}

/// The query for every row of `table` in row order. Entries are most of the file: they
/// are read by scanning it in row order (`+tbl` keeps SQLite off the (tbl, id) index),
/// sequential reads and no sort. Every other table is a small part of it and is found
/// through the index, then sorted, so reading the settings or the list index of a
/// journal of 100,000 entries never reads the whole file.
fn in_row_order(table: Table) -> &'static str {
    if table == Table::Entries {
        "SELECT seq, id, kind, revision, key_id, envelope FROM records WHERE +tbl = ?1 ORDER BY seq"
    } else {
        "SELECT seq, id, kind, revision, key_id, envelope FROM records WHERE tbl = ?1 ORDER BY seq"
    }
}

/// Every record of `table`, plus the rows whose plaintext columns are malformed, inside
/// or outside a transaction.
pub fn read_records(
    conn: &Connection,
    table: Table,
) -> Result<(Vec<RecordRow>, Vec<MalformedRow>)> {
    let mut stmt = conn.prepare_cached(in_row_order(table))?;
    let mut rows = stmt.query(params![table as u8])?;
    let mut good = Vec::new();
    let mut bad = Vec::new();
    while let Some(r) = rows.next()? {
        match parse_row(r) {
            Ok(row) => good.push(row),
            Err(malformed) => bad.push(malformed),
        }
    }
    Ok((good, bad))
}

/// One row of `SELECT seq, id, kind, revision, key_id, envelope`.
fn parse_row(r: &rusqlite::Row<'_>) -> std::result::Result<RecordRow, MalformedRow> {
    let parsed = (|| -> Option<RecordRow> {
        Some(RecordRow {
            id: r.get::<_, Vec<u8>>(1).ok()?.try_into().ok()?,
            kind: u8::try_from(r.get::<_, i64>(2).ok()?).ok()?,
            revision: u64::try_from(r.get::<_, i64>(3).ok()?).ok()?,
            key_id: u32::try_from(r.get::<_, i64>(4).ok()?).ok()?,
            envelope: r.get::<_, Vec<u8>>(5).ok()?,
        })
    })();
    parsed.ok_or_else(|| MalformedRow {
        seq: r.get(0).unwrap_or(0),
    })
}
