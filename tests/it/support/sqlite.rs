//! The journal file read and changed through plain SQLite, below the library: to check
//! what is stored, and to damage it on purpose. Only use these while no `Journal` or
//! `Vault` has the folder open.

use std::path::{Path, PathBuf};

use attune::store::Table;

use super::hex;

/// The journal database file of `dir`.
pub fn db_path(dir: &Path) -> PathBuf {
    dir.join(attune::store::DB_FILE)
}

/// A plain SQLite connection to the journal file, for reading or tampering.
pub fn db(dir: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(db_path(dir)).expect("open the journal file");
    // Tests rewrite the file hundreds of times; durability is not what they test.
    conn.pragma_update(None, "synchronous", "OFF")
        .expect("set synchronous");
    conn
}

/// One row of the `records` table, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRecord {
    pub seq: i64,
    /// Which kind of record this is: a [`Table`] number.
    pub tbl: i64,
    pub id: Vec<u8>,
    pub kind: i64,
    pub revision: i64,
    pub key_id: i64,
    pub envelope: Vec<u8>,
}

impl StoredRecord {
    /// The id as the journal reports it (32 hex digits).
    pub fn id_hex(&self) -> String {
        hex(&self.id)
    }
}

/// Every row of the `records` table, in `seq` order.
pub fn stored_records(dir: &Path) -> Vec<StoredRecord> {
    let conn = db(dir);
    let mut stmt = conn
        .prepare("SELECT seq, tbl, id, kind, revision, key_id, envelope FROM records ORDER BY seq")
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| {
            Ok(StoredRecord {
                seq: r.get(0)?,
                tbl: r.get(1)?,
                id: r.get(2)?,
                kind: r.get(3)?,
                revision: r.get(4)?,
                key_id: r.get(5)?,
                envelope: r.get(6)?,
            })
        })
        .expect("query records")
        .collect::<rusqlite::Result<Vec<_>>>()
        .expect("read records");
    rows
}

/// The rows of the `records` table that hold `table`'s records, in `seq` order.
pub fn stored_records_in(dir: &Path, table: Table) -> Vec<StoredRecord> {
    stored_records(dir)
        .into_iter()
        .filter(|r| r.tbl == table as i64)
        .collect()
}

/// Set `column` of the record at `seq` to `value`.
pub fn set_record_column(dir: &Path, seq: i64, column: &str, value: rusqlite::types::Value) {
    let sql = format!("UPDATE records SET {column} = ?1 WHERE seq = ?2");
    let changed = db(dir)
        .execute(&sql, rusqlite::params![value, seq])
        .unwrap();
    assert_eq!(changed, 1);
}

/// Replace the envelope of the record at `seq` with `envelope`.
pub fn set_envelope(dir: &Path, seq: i64, envelope: &[u8]) {
    set_record_column(dir, seq, "envelope", envelope.to_vec().into());
}

/// One row of the `protectors` table, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredProtector {
    pub id: Vec<u8>,
    pub kind: i64,
    pub params: Vec<u8>,
    pub salt: Vec<u8>,
    pub nonce: Vec<u8>,
    pub wrapped: Vec<u8>,
    pub key_id: i64,
}

/// Passphrase protectors have kind 1, recovery-key protectors kind 2.
pub const PASSPHRASE_PROTECTOR: i64 = 1;
pub const RECOVERY_PROTECTOR: i64 = 2;

/// The one protector of `kind`.
pub fn stored_protector(dir: &Path, kind: i64) -> StoredProtector {
    let conn = db(dir);
    let mut stmt = conn
        .prepare(
            "SELECT id, kind, params, salt, nonce, wrapped, key_id FROM protectors WHERE kind = ?1",
        )
        .expect("prepare");
    let mut found = stmt
        .query_map([kind], |r| {
            Ok(StoredProtector {
                id: r.get(0)?,
                kind: r.get(1)?,
                params: r.get(2)?,
                salt: r.get(3)?,
                nonce: r.get(4)?,
                wrapped: r.get(5)?,
                key_id: r.get(6)?,
            })
        })
        .expect("query protectors")
        .collect::<rusqlite::Result<Vec<_>>>()
        .expect("read protectors");
    assert_eq!(found.len(), 1, "exactly one protector of kind {kind}");
    found.remove(0)
}

/// Set `column` of the one protector of `kind` to `value`.
pub fn set_protector_column(dir: &Path, kind: i64, column: &str, value: &[u8]) {
    let sql = format!("UPDATE protectors SET {column} = ?1 WHERE kind = ?2");
    let changed = db(dir)
        .execute(&sql, rusqlite::params![value, kind])
        .unwrap();
    assert_eq!(changed, 1);
}
