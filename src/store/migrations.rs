//! Versioned schema migrations. The schema version lives in SQLite's `user_version`.
//!
//! Each step moves the schema from version `n` to `n + 1` inside one transaction. Old
//! journals are kept as fixtures under `tests/fixtures/` and opened by a test, one per
//! earlier version, so every step stays exercised.

use rusqlite::Transaction;

/// The schema version this build writes.
pub const CURRENT_VERSION: u32 = 1;

/// `MIGRATIONS[n]` takes a journal from version `n` to `n + 1`.
const MIGRATIONS: &[&str] = &[
    // 0 -> 1: the first schema. Only ids, kinds, revisions and key ids are plaintext.
    "CREATE TABLE meta (
         key   TEXT PRIMARY KEY NOT NULL,
         value BLOB NOT NULL
     ) STRICT;
     CREATE TABLE protectors (
         id      BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
         kind    INTEGER NOT NULL,
         params  BLOB NOT NULL,
         salt    BLOB NOT NULL,
         nonce   BLOB NOT NULL,
         wrapped BLOB NOT NULL,
         key_id  INTEGER NOT NULL
     ) STRICT;
     CREATE TABLE records (
         seq      INTEGER PRIMARY KEY,
         tbl      INTEGER NOT NULL,
         id       BLOB NOT NULL,
         kind     INTEGER NOT NULL,
         revision INTEGER NOT NULL,
         key_id   INTEGER NOT NULL,
         envelope BLOB NOT NULL,
         UNIQUE (tbl, id)
     ) STRICT;",
];

/// Bring `tx` from `from` up to [`CURRENT_VERSION`].
pub(crate) fn migrate(tx: &Transaction<'_>, from: u32) -> rusqlite::Result<()> {
    for (step, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", step as u32 + 1)?;
    }
    Ok(())
}

/// Does `conn` hold exactly the schema Attune creates, nothing more (no triggers, views,
/// extra tables or indexes a planted file could carry) and nothing changed? Compared
/// entry by entry with a fresh in-memory database built by the same migrations.
pub(crate) fn schema_is_ours(conn: &rusqlite::Connection) -> rusqlite::Result<bool> {
    let mut fresh = rusqlite::Connection::open_in_memory()?;
    let tx = fresh.transaction()?;
    migrate(&tx, 0)?;
    tx.commit()?;
    Ok(schema_of(conn)? == schema_of(&fresh)?)
}

fn schema_of(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<[Option<String>; 4]>> {
    let mut stmt = conn
        .prepare("SELECT type, name, tbl_name, sql FROM main.sqlite_master ORDER BY type, name")?;
    let rows = stmt.query_map([], |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?]))?;
    rows.collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_is_listed() {
        assert_eq!(MIGRATIONS.len() as u32, CURRENT_VERSION);
    }

    #[test]
    fn migrating_an_empty_database_reaches_the_current_version() -> rusqlite::Result<()> {
        let mut conn = rusqlite::Connection::open_in_memory()?;
        let tx = conn.transaction()?;
        migrate(&tx, 0)?;
        tx.commit()?;
        let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        assert_eq!(version, CURRENT_VERSION);
        Ok(())
    }
}
