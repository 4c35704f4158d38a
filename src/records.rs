//! The typed record layer: how every table's records are read, sealed and checked.
//!
//! A [`Record`] type names its table and record kind once; the functions here do the
//! rest the same way for every table: decrypt and parse (`load_all`, `load_one`),
//! seal the next revision and write it (`seal_next`, `commit`), and say whether a row
//! still reads (`check`, for unlock and `verify`). The plaintext is JSON inside the
//! record envelope (the list index has a compact layout of its own, see
//! [`Plaintext`]); the table number, record id, kind and revision are bound to it as
//! associated data by [`crate::vault`].
//!
//! A record that does not decrypt, does not parse, or disagrees with its plaintext
//! columns is never an error here: it is reported as damaged and the rest of the table
//! stays readable.

use serde::{de::DeserializeOwned, Serialize};
use zeroize::Zeroizing;

use crate::ids::to_hex;
use crate::store::{RecordRow, Table};
use crate::vault::{RecordOpener, Vault};
use crate::{Error, Result};

/// How a record's value becomes the plaintext sealed in its envelope, and back.
pub trait Plaintext: Sized {
    fn encode(&self) -> Result<Vec<u8>>;

    /// The value in `plain`, as [`Plaintext::encode`] wrote it; `None` if it does not
    /// parse.
    fn decode(plain: &[u8]) -> Option<Self>;
}

/// Records are JSON, unless a type read on every command needs a faster layout of its
/// own (the list index).
impl<T: Serialize + DeserializeOwned> Plaintext for T {
    fn encode(&self) -> Result<Vec<u8>> {
        serde_json::to_vec(self).map_err(|_| Error::internal("Could not encode the record."))
    }

    fn decode(plain: &[u8]) -> Option<Self> {
        serde_json::from_slice(plain).ok()
    }
}

/// A value kept encrypted, one record each, in one table.
pub trait Record: Plaintext {
    /// The table it lives in (part of every record's associated data).
    const TABLE: Table;
    /// The record format, stored in plain beside the envelope and authenticated with it.
    const KIND: u8;

    /// Do the copies of the id and revision inside the value agree with the row's
    /// (authenticated) plaintext columns? A record that says otherwise was tampered with.
    fn agrees_with(&self, row: &RecordRow) -> bool {
        let _ = row;
        true
    }

    /// Zeroize what the value holds, for values read only to be checked or refused
    /// (types that zeroize themselves on drop need nothing here).
    fn wipe(&mut self) {}
}

/// A decrypted record and where it is stored.
#[derive(Debug, Clone)]
pub struct Stored<T> {
    pub id: [u8; 16],
    pub revision: u64,
    pub value: T,
}

/// A record that could not be read: its id if the id itself was readable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct DamagedRecord {
    pub id: Option<String>,
}

impl DamagedRecord {
    /// The record filed under `id`.
    pub fn with_id(id: &[u8; 16]) -> Self {
        Self {
            id: Some(to_hex(id)),
        }
    }

    /// A row whose plaintext columns (its id among them) are malformed.
    pub fn unnamed() -> Self {
        Self { id: None }
    }
}

/// Every row of one table: the readable records, oldest row first, and the damaged ones.
#[derive(Debug)]
pub struct Loaded<T> {
    pub records: Vec<Stored<T>>,
    pub damaged: Vec<DamagedRecord>,
}

/// What checking one table found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// Rows in the table, damaged ones included.
    pub rows: usize,
    pub damaged: Vec<DamagedRecord>,
}

/// An encrypted record ready to be written, and its table.
#[derive(Debug, Clone)]
pub struct Sealed {
    table: Table,
    row: RecordRow,
}

impl Sealed {
    /// Write it, durably (its own transaction).
    pub fn put(&self, vault: &Vault) -> Result<()> {
        vault.store().put_record(self.table, &self.row)
    }

    /// Write it inside a transaction the caller holds.
    pub(crate) fn put_in(&self, conn: &rusqlite::Connection) -> Result<()> {
        crate::store::put_record(conn, self.table, &self.row)
    }
}

/// Decrypt and parse one row as a `T`, or `None` if it is damaged.
pub fn open<T: Record>(opener: &RecordOpener<'_>, row: &RecordRow) -> Option<T> {
    if row.kind != T::KIND {
        return None;
    }
    let plain = opener.open(T::TABLE, row).ok()?;
    parse(row, &plain)
}

/// Parse `plain`, the decrypted plaintext of `row`, as a `T`, or `None` if it is
/// damaged (for a reader that looks at the plaintext before parsing it).
pub fn parse<T: Record>(row: &RecordRow, plain: &[u8]) -> Option<T> {
    let mut value = T::decode(plain)?;
    if !value.agrees_with(row) {
        value.wipe();
        return None;
    }
    Some(value)
}

/// Every record of `T`'s table, decrypted; damaged ones are listed, not returned.
pub fn load_all<T: Record>(vault: &Vault) -> Result<Loaded<T>> {
    let (rows, malformed) = vault.store().records(T::TABLE)?;
    let opener = vault.opener();
    let mut loaded = Loaded {
        records: Vec::with_capacity(rows.len()),
        damaged: malformed.iter().map(|_| DamagedRecord::unnamed()).collect(),
    };
    for row in &rows {
        match open::<T>(&opener, row) {
            Some(value) => loaded.records.push(Stored {
                id: row.id,
                revision: row.revision,
                value,
            }),
            None => loaded.damaged.push(DamagedRecord::with_id(&row.id)),
        }
    }
    Ok(loaded)
}

/// One record of `T`'s table by id; `None` when there is none or it is damaged.
pub fn load_one<T: Record>(vault: &Vault, id: &[u8; 16]) -> Result<Option<Stored<T>>> {
    let Some(row) = vault.store().record(T::TABLE, id)? else {
        return Ok(None);
    };
    Ok(open::<T>(&vault.opener(), &row).map(|value| Stored {
        id: row.id,
        revision: row.revision,
        value,
    }))
}

/// Re-read every row of `T`'s table from disk: how many there are, and which do not
/// read. Nothing decrypted is kept.
pub fn check<T: Record>(vault: &Vault) -> Result<Checked> {
    let (rows, malformed) = vault.store().records(T::TABLE)?;
    let opener = vault.opener();
    let mut damaged: Vec<DamagedRecord> =
        malformed.iter().map(|_| DamagedRecord::unnamed()).collect();
    for row in &rows {
        match open::<T>(&opener, row) {
            Some(mut value) => value.wipe(),
            None => damaged.push(DamagedRecord::with_id(&row.id)),
        }
    }
    Ok(Checked {
        rows: rows.len() + malformed.len(),
        damaged,
    })
}

/// The revision after `previous` (1 for a new record).
pub fn next_revision(previous: Option<u64>) -> Result<u64> {
    match previous {
        Some(r) => r
            .checked_add(1)
            .ok_or_else(|| Error::internal("revision overflow")),
        None => Ok(1),
    }
}

/// Encrypt `value` as record `id` at `revision`.
pub fn seal<T: Record>(vault: &Vault, id: [u8; 16], revision: u64, value: &T) -> Result<Sealed> {
    let plain = Zeroizing::new(value.encode()?);
    Ok(Sealed {
        table: T::TABLE,
        row: vault.seal(T::TABLE, id, T::KIND, revision, &plain)?,
    })
}

/// Encrypt `value` as the next revision of record `id` (`previous` is the stored one).
pub fn seal_next<T: Record>(
    vault: &Vault,
    id: [u8; 16],
    previous: Option<u64>,
    value: &T,
) -> Result<Sealed> {
    seal(vault, id, next_revision(previous)?, value)
}

/// Write every sealed record in one transaction: all of it lands, or none of it.
pub fn commit(vault: &mut Vault, sealed: &[Sealed]) -> Result<()> {
    vault.store_mut().transaction(|tx| {
        for s in sealed {
            crate::store::put_record(tx, s.table, &s.row)?;
        }
        Ok(())
    })
}

/// Writes records inside one transaction (see [`write_all`]).
pub struct Writer<'a> {
    tx: &'a rusqlite::Transaction<'a>,
    sealer: crate::vault::RecordSealer<'a>,
}

impl std::fmt::Debug for Writer<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer").finish_non_exhaustive()
    }
}

impl Writer<'_> {
    /// Encrypt `value` as record `id` at `revision` and write it in this transaction.
    pub fn put<T: Record>(&mut self, id: [u8; 16], revision: u64, value: &T) -> Result<()> {
        let plain = Zeroizing::new(value.encode()?);
        let row = self.sealer.seal(T::TABLE, id, T::KIND, revision, &plain)?;
        crate::store::put_record(self.tx, T::TABLE, &row)
    }

    /// Delete every record of `T`'s table in this transaction.
    pub fn delete_all<T: Record>(&mut self) -> Result<()> {
        crate::store::delete_records_in(self.tx, T::TABLE)
    }

    /// Delete record `id` of `T`'s table for good in this transaction; was it there?
    pub fn delete<T: Record>(&mut self, id: &[u8; 16]) -> Result<bool> {
        crate::store::delete_record_in(self.tx, T::TABLE, id)
    }
}

/// Seal and write records one after another in one transaction, as `f` makes them:
/// all of it lands, or none of it. `f` may refuse part-way (a record that breaks a
/// rule), and a write may fail part-way (a full disk); either rolls back every record
/// written before it. For many records at once, where sealing them all first would
/// hold every ciphertext in memory.
pub fn write_all<T>(vault: &mut Vault, f: impl FnOnce(&mut Writer<'_>) -> Result<T>) -> Result<T> {
    vault.transaction_sealing(|tx, sealer| f(&mut Writer { tx, sealer }))
}

/// Records filed under a table this version does not know (moved or forged rows), as
/// damage to report: how many, and their ids.
pub fn check_strays(vault: &Vault) -> Result<Checked> {
    let strays = vault.store().stray_records()?;
    Ok(Checked {
        rows: strays.len(),
        damaged: strays.iter().map(DamagedRecord::with_id).collect(),
    })
}

// ---- one-record tables (settings, the draft) ----------------------------------------

/// The record of a one-record table.
#[derive(Debug)]
pub enum Singleton<T> {
    Absent,
    Present(Stored<T>),
    /// There is a record and it does not read. Never to be taken for "absent": the
    /// caller would silently fall back to defaults.
    Damaged,
}

/// The newest record of `T`'s one-record table.
pub fn load_singleton<T: Record>(vault: &Vault) -> Result<Singleton<T>> {
    let (rows, malformed) = vault.store().records(T::TABLE)?;
    let Some(row) = rows.into_iter().max_by_key(|r| r.revision) else {
        return Ok(match malformed.is_empty() {
            true => Singleton::Absent,
            false => Singleton::Damaged,
        });
    };
    Ok(match open::<T>(&vault.opener(), &row) {
        Some(value) => Singleton::Present(Stored {
            id: row.id,
            revision: row.revision,
            value,
        }),
        None => Singleton::Damaged,
    })
}

/// Write `value` as the next revision of `T`'s one-record table, replacing whatever
/// was there (a damaged record included), in one transaction.
pub fn save_singleton<T: Record>(vault: &mut Vault, value: &T) -> Result<()> {
    let (rows, _) = vault.store().records(T::TABLE)?;
    let (id, previous) = match rows.iter().max_by_key(|r| r.revision) {
        Some(r) => (r.id, Some(r.revision)),
        None => (crate::crypto::random_id()?, None),
    };
    let sealed = seal_next(vault, id, previous, value)?;
    vault.store_mut().put_sole_record(sealed.table, &sealed.row)
}

/// Delete every record of `T`'s table for good.
pub fn delete_all<T: Record>(vault: &Vault) -> Result<()> {
    vault.store().delete_records(T::TABLE)
}
