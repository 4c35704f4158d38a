//! The supervision exchange: identities, contacts, share and feedback packets, import.
//!
//! Packets travel as files through any channel. The crypto lives in [`crate::crypto`];
//! this module owns the formats and the rules. [`document`] is the signed document a
//! packet carries; [`packet`] seals and opens it. [`identity`] keeps this journal's
//! keys, [`contacts`] the people it exchanges with and their safety codes, and
//! [`exchange`] what was shared, received and answered. Every record lives encrypted in
//! the journal, like entries.

pub mod contacts;
pub mod document;
pub mod exchange;
pub mod identity;
pub mod packet;

pub use contacts::{safety_code, CardRole, Contact, ContactCard, KeyChange, MyRelation};
pub use exchange::{
    AgendaMark, FeedbackThread, ImportOutcome, InboxGroup, InboxItem, PacketKind, ShareMark,
    SharePreview, SharePreviewEntry, ShareStatus, WITHDRAW_NOTE,
};
pub use identity::IdentityInfo;
pub use packet::{
    encode_frame, next_sequence, open_packet, open_plaintext, parse_document, parse_frame,
    parse_signing_key_hex, seal_packet, signing_key_hex, OpenedPacket, MAX_DOCUMENT_BYTES,
    MAX_PACKET_BYTES, PACKET_MAGIC, SIGNATURE_CONTEXT,
};

use serde::{de::DeserializeOwned, Serialize};
use zeroize::Zeroizing;

use crate::journal::Journal;
use crate::store::{RecordRow, Table};
use crate::{Error, Result};

/// Record kind of every exchange record (format version 1).
const RECORD_KIND: u8 = 1;

/// A decrypted exchange record and where it is stored.
pub(crate) struct Stored<T> {
    pub(crate) id: [u8; 16],
    pub(crate) revision: u64,
    pub(crate) value: T,
}

/// Every readable record of `table`. A damaged record is skipped here.
fn load_all<T: DeserializeOwned>(journal: &Journal, table: Table) -> Result<Vec<Stored<T>>> {
    let vault = journal.vault();
    let (rows, _) = vault.store().records(table)?;
    Ok(rows
        .iter()
        .filter(|row| row.kind == RECORD_KIND)
        .filter_map(|row| {
            let plain = vault.open(table, row).ok()?;
            let value = serde_json::from_slice(&plain).ok()?;
            Some(Stored {
                id: row.id,
                revision: row.revision,
                value,
            })
        })
        .collect())
}

fn load_one<T: DeserializeOwned>(
    journal: &Journal,
    table: Table,
    id: &[u8; 16],
) -> Result<Option<Stored<T>>> {
    let vault = journal.vault();
    let Some(row) = vault.store().record(table, id)? else {
        return Ok(None);
    };
    if row.kind != RECORD_KIND {
        return Ok(None);
    }
    let Ok(plain) = vault.open(table, &row) else {
        return Ok(None);
    };
    Ok(serde_json::from_slice(&plain).ok().map(|value| Stored {
        id: row.id,
        revision: row.revision,
        value,
    }))
}

/// Encrypt `value` as the next revision of record `id`.
fn seal<T: Serialize>(
    journal: &Journal,
    table: Table,
    id: [u8; 16],
    previous: Option<u64>,
    value: &T,
) -> Result<(Table, RecordRow)> {
    let plain = Zeroizing::new(
        serde_json::to_vec(value).map_err(|_| Error::internal("Could not encode the record."))?,
    );
    let revision = match previous {
        Some(r) => r
            .checked_add(1)
            .ok_or_else(|| Error::internal("revision overflow"))?,
        None => 1,
    };
    let row = journal
        .vault()
        .seal(table, id, RECORD_KIND, revision, &plain)?;
    Ok((table, row))
}

/// Write every row in one transaction: all of it lands, or none of it.
fn commit(journal: &mut Journal, rows: &[(Table, RecordRow)]) -> Result<()> {
    journal.vault_mut().store_mut().transaction(|tx| {
        for (table, row) in rows {
            crate::store::put_record(tx, *table, row)?;
        }
        Ok(())
    })
}

/// Rows of `table` that do not decrypt or do not parse as `T`, and how many rows there are.
fn damaged_in<T: DeserializeOwned>(
    journal: &Journal,
    table: Table,
) -> Result<(usize, Vec<[u8; 16]>)> {
    let vault = journal.vault();
    let (rows, malformed) = vault.store().records(table)?;
    let damaged = rows
        .iter()
        .filter(|row| {
            row.kind != RECORD_KIND
                || vault
                    .open(table, row)
                    .ok()
                    .and_then(|plain| serde_json::from_slice::<T>(&plain).ok())
                    .is_none()
        })
        .map(|row| row.id)
        .collect();
    Ok((rows.len() + malformed.len(), damaged))
}

/// Every exchange record checked (for `verify`): how many, and the ids of damaged ones.
pub(crate) fn verify_records(journal: &Journal) -> Result<(usize, Vec<[u8; 16]>)> {
    let mut checked = 0;
    let mut damaged = Vec::new();
    for (n, ids) in [
        identity::check(journal)?,
        contacts::check(journal)?,
        exchange::check(journal)?,
    ] {
        checked += n;
        damaged.extend(ids);
    }
    Ok((checked, damaged))
}
