//! Journals in temporary folders, with the test passphrase and sample entries.

use std::collections::BTreeMap;
use std::path::Path;

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
    journal
        .entries()
        .unwrap()
        .iter()
        .map(|e| (e.id, e.clone()))
        .collect()
}

/// The error code of a result that must have failed.
pub fn code_of<T: std::fmt::Debug>(result: Result<T>) -> ErrorCode {
    match result {
        Ok(value) => panic!("expected an error, got Ok({value:?})"),
        Err(err) => err.code,
    }
}
