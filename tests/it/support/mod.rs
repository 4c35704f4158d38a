//! Helpers shared by the integration tests (and, through `#[path]`, by the binaries
//! that run programs): journals in temporary folders, packets, files compared byte for
//! byte, and raw SQLite access for tampering.
//!
//! Every journal here uses the weak test key derivation, so a whole test file runs in
//! seconds. Files are compared and scanned byte for byte, never through the library.

// Each test file uses a different subset of these helpers.
#![allow(dead_code)]
// Test code: a failed step should stop the test where it happened.
#![allow(clippy::unwrap_used, clippy::expect_used)]

pub mod packets;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use attune::crypto::{Passphrase, RecoveryKey};
use attune::journal::{Entry, EntryId, EntryKind, Journal, NewEntry, Setting};
use attune::vault::{KdfChoice, Vault};
use attune::{ErrorCode, Result};
use chrono::{DateTime, NaiveDate, Utc};

/// The passphrase of every journal these tests create.
pub const PASSPHRASE: &str = "correct horse battery staple";

pub fn passphrase() -> Passphrase {
    Passphrase::new(PASSPHRASE)
}

pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// A fresh journal in `dir` (test KDF), loaded and empty, and its recovery key.
pub fn create_journal(dir: &Path) -> (Journal, RecoveryKey) {
    let (vault, recovery) =
        Vault::create(dir, &passphrase(), KdfChoice::TestFast).expect("create the journal");
    let journal = Journal::load(vault, now()).expect("load the new journal");
    (journal, recovery)
}

/// Unlock `dir` with `pass` and load every entry.
pub fn open_journal(dir: &Path, pass: &str) -> Journal {
    let vault = Vault::unlock(dir, &Passphrase::new(pass)).expect("unlock the journal");
    Journal::load(vault, now()).expect("load the journal")
}

/// A synthetic entry, distinct for each `n`, using most fields.
pub fn sample_entry(n: usize) -> NewEntry {
    NewEntry {
        encounter_date: NaiveDate::from_ymd_opt(2025, 1 + (n % 12) as u32, 1 + (n % 28) as u32),
        kind: Some(if n.is_multiple_of(2) {
            EntryKind::Encounter
        } else {
            EntryKind::Private
        }),
        setting: Some(Setting::ALL[n % Setting::ALL.len()]),
        family_code: Some(format!("FAM{n:03}")),
        title: Some(format!("Sample entry {n}")),
        body: format!("Reflection number {n}: what I noticed, what I felt, what I wonder."),
        tags: vec![format!("tag{n}"), "sleep".into()],
        carrying: Some((n % 11) as u8),
        bring_to_supervision: n.is_multiple_of(3),
        ..Default::default()
    }
}

/// Add `count` sample entries and return their ids, in order.
pub fn add_sample_entries(journal: &mut Journal, count: usize) -> Vec<EntryId> {
    (0..count)
        .map(|n| {
            journal
                .add(sample_entry(n), now())
                .expect("add an entry")
                .id
        })
        .collect()
}

/// Every readable entry, keyed by id, for comparing one opening with another.
pub fn entries_by_id(journal: &Journal) -> BTreeMap<EntryId, Entry> {
    journal.entries().map(|e| (e.id, e.clone())).collect()
}

/// The error code of a result that must have failed.
pub fn code_of<T: std::fmt::Debug>(result: Result<T>) -> ErrorCode {
    match result {
        Ok(value) => panic!("expected an error, got Ok({value:?})"),
        Err(err) => err.code,
    }
}

/// Every regular file under `dir`, recursively, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(at) = pending.pop() {
        for item in fs::read_dir(&at).expect("read a folder") {
            let path = item.expect("read a folder entry").path();
            let kind = fs::symlink_metadata(&path)
                .expect("stat a file")
                .file_type();
            if kind.is_dir() {
                pending.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Name (relative to `dir`) and bytes of every file under `dir`.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    files_under(dir)
        .into_iter()
        .map(|path| {
            let name = path
                .strip_prefix(dir)
                .expect("a file under the folder")
                .display()
                .to_string();
            let bytes = fs::read(&path).expect("read a file");
            (name, bytes)
        })
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Describe a snapshot by name, length and SHA-256, for failure messages.
fn describe(files: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    files
        .iter()
        .map(|(name, bytes)| {
            format!(
                "{name} ({} bytes, sha256 {})",
                bytes.len(),
                hex(&attune::crypto::sha256(bytes))
            )
        })
        .collect()
}

/// Assert that two snapshots hold the same file names with the same bytes.
pub fn assert_same_files(
    before: &BTreeMap<String, Vec<u8>>,
    after: &BTreeMap<String, Vec<u8>>,
    what: &str,
) {
    assert!(!before.is_empty(), "{what}: the snapshot holds no files");
    assert!(
        before == after,
        "{what}: the journal folder changed\nbefore: {:#?}\nafter:  {:#?}",
        describe(before),
        describe(after)
    );
}

/// Does `needle` occur anywhere in `haystack`?
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    assert!(!needle.is_empty(), "an empty needle matches everything");
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The files under `dir` (names relative to it) whose bytes contain `needle`.
pub fn files_containing(dir: &Path, needle: &[u8]) -> Vec<String> {
    snapshot(dir)
        .into_iter()
        .filter(|(_, bytes)| contains(bytes, needle))
        .map(|(name, _)| name)
        .collect()
}

/// The journal database file of `dir`.
pub fn db_path(dir: &Path) -> PathBuf {
    dir.join(attune::store::DB_FILE)
}

/// A plain SQLite connection to the journal file, for reading or tampering. Only use
/// it while no `Journal` or `Vault` has the folder open.
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
        .prepare("SELECT seq, id, kind, revision, key_id, envelope FROM records ORDER BY seq")
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| {
            Ok(StoredRecord {
                seq: r.get(0)?,
                id: r.get(1)?,
                kind: r.get(2)?,
                revision: r.get(3)?,
                key_id: r.get(4)?,
                envelope: r.get(5)?,
            })
        })
        .expect("query records")
        .collect::<rusqlite::Result<Vec<_>>>()
        .expect("read records");
    rows
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
