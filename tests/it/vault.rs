//! The vault: creating, unlocking, changing secrets and rotating the data key, checked
//! from outside through the public API and the bytes on disk.

// Test code, helpers included: a failed step should stop the test where it happened.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;

use crate::support::*;
use attune::crypto::{Passphrase, RecoveryKey};
use attune::journal::{EntryChange, Journal};
use attune::vault::{KdfChoice, Vault};
use attune::ErrorCode;

const NEW_PASSPHRASE: &str = "a different and longer passphrase";

/// A journal in `dir` with `count` sample entries, closed. Returns the recovery key and
/// the entries as written.
fn closed_journal_with_entries(
    dir: &Path,
    count: usize,
) -> (
    RecoveryKey,
    std::collections::BTreeMap<attune::journal::EntryId, attune::journal::Entry>,
) {
    let (mut journal, recovery) = create_journal(dir);
    add_sample_entries(&mut journal, count);
    let entries = entries_by_id(&journal);
    assert_eq!(entries.len(), count);
    journal.lock();
    (recovery, entries)
}

fn recover(
    dir: &Path,
    recovery: &RecoveryKey,
    new_pass: &str,
) -> attune::Result<(Vault, RecoveryKey)> {
    Vault::recover(
        dir,
        recovery,
        &Passphrase::new(new_pass),
        attune::vault::KdfChoice::TestFast,
    )
}

#[test]
fn created_journal_unlocks_with_its_passphrase_and_reads_the_same_entries() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (_, written) = closed_journal_with_entries(&dir, 4);

    let journal = open_journal(&dir, PASSPHRASE);
    assert!(journal.damaged().is_empty());
    assert_eq!(entries_by_id(&journal), written);
    assert_eq!(journal.vault().key_id(), 1);
    assert!(journal.vault().uses_test_kdf());
    let report = attune::verify::journal(&journal).unwrap();
    assert_eq!(report.records_checked, 4);
    assert!(report.is_sound(), "{report:?}");
}

#[test]
fn wrong_passphrase_gives_wrong_secret_and_leaves_every_file_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    closed_journal_with_entries(&dir, 3);
    let before = snapshot(&dir);
    assert!(before.contains_key(attune::store::DB_FILE));
    assert!(before.contains_key(attune::store::LOCK_FILE));

    for wrong in [
        "correct horse battery stapl",
        "correct horse battery staple ",
        "Correct horse battery staple",
        "",
    ] {
        let err = Vault::unlock(&dir, &Passphrase::new(wrong)).unwrap_err();
        assert_eq!(err.code, ErrorCode::WrongSecret, "{wrong:?}");
        assert_same_files(&before, &snapshot(&dir), "after a wrong passphrase");
    }

    // A recovery key from another journal is refused the same way, and also changes nothing.
    let stranger = RecoveryKey::generate().unwrap();
    assert_eq!(
        code_of(recover(&dir, &stranger, NEW_PASSPHRASE)),
        ErrorCode::WrongSecret
    );
    assert_same_files(&before, &snapshot(&dir), "after a wrong recovery key");

    // The right passphrase still opens it.
    assert_eq!(open_journal(&dir, PASSPHRASE).len(), 3);
}

#[test]
fn changed_passphrase_opens_the_old_one_fails_and_the_recovery_key_still_opens() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (recovery, written) = closed_journal_with_entries(&dir, 3);

    let mut vault = Vault::unlock(&dir, &passphrase()).unwrap();
    vault
        .change_passphrase(&Passphrase::new(NEW_PASSPHRASE))
        .unwrap();
    assert_eq!(
        vault.key_id(),
        1,
        "changing the passphrase keeps the data key"
    );
    vault.lock();

    assert_eq!(
        code_of(Vault::unlock(&dir, &passphrase())),
        ErrorCode::WrongSecret
    );
    let journal = open_journal(&dir, NEW_PASSPHRASE);
    assert_eq!(entries_by_id(&journal), written);
    journal.lock();

    let (vault, _fresh) = recover(&dir, &recovery, "set after the change").unwrap();
    let journal = Journal::load(vault, now()).unwrap();
    assert_eq!(entries_by_id(&journal), written);
}

#[test]
fn recover_sets_a_new_passphrase_issues_a_fresh_recovery_key_and_retires_the_old_one() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (old_recovery, written) = closed_journal_with_entries(&dir, 3);

    let (vault, fresh) = recover(&dir, &old_recovery, NEW_PASSPHRASE).unwrap();
    assert_ne!(
        *fresh.to_display(),
        *old_recovery.to_display(),
        "recover issues a fresh recovery key"
    );
    let journal = Journal::load(vault, now()).unwrap();
    assert_eq!(entries_by_id(&journal), written);
    journal.lock();

    // The old passphrase and the old recovery key both stop working.
    assert_eq!(
        code_of(Vault::unlock(&dir, &passphrase())),
        ErrorCode::WrongSecret
    );
    assert_eq!(
        code_of(recover(&dir, &old_recovery, "yet another passphrase")),
        ErrorCode::WrongSecret
    );

    // The new passphrase opens it with every entry intact.
    let journal = open_journal(&dir, NEW_PASSPHRASE);
    assert_eq!(entries_by_id(&journal), written);
    journal.lock();

    // The fresh recovery key works, as typed back from its shown form.
    let typed = RecoveryKey::parse(&fresh.to_display().to_lowercase()).unwrap();
    let (vault, _) = recover(&dir, &typed, "yet another passphrase").unwrap();
    assert_eq!(Journal::load(vault, now()).unwrap().len(), 3);
}

#[test]
fn replaced_recovery_key_retires_the_old_one_and_the_new_one_opens() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (old_recovery, written) = closed_journal_with_entries(&dir, 2);

    let mut vault = Vault::unlock(&dir, &passphrase()).unwrap();
    let new_recovery = vault.replace_recovery_key().unwrap();
    assert_ne!(*new_recovery.to_display(), *old_recovery.to_display());
    vault.lock();

    assert_eq!(
        code_of(recover(&dir, &old_recovery, NEW_PASSPHRASE)),
        ErrorCode::WrongSecret
    );
    // The passphrase is untouched by replacing the recovery key.
    open_journal(&dir, PASSPHRASE).lock();

    let (vault, _) = recover(&dir, &new_recovery, NEW_PASSPHRASE).unwrap();
    assert_eq!(
        entries_by_id(&Journal::load(vault, now()).unwrap()),
        written
    );
}

#[test]
fn changing_the_passphrase_leaves_no_trace_of_the_old_wrapped_key_in_any_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    closed_journal_with_entries(&dir, 5);

    let old = stored_protector(&dir, PASSPHRASE_PROTECTOR);
    let old_blobs = [("wrapped", &old.wrapped), ("salt", &old.salt)];
    // The scan can find them: before the change they are in the database file.
    for (name, blob) in old_blobs {
        assert_eq!(
            files_containing(&dir, blob),
            vec![attune::store::DB_FILE.to_string()],
            "old {name} before the change"
        );
    }

    let mut journal = open_journal(&dir, PASSPHRASE);
    // A write while open, so the log holds pages from before the change too.
    let id = journal.entries().unwrap().iter().next().unwrap().id;
    journal
        .edit(
            &id,
            EntryChange {
                body: Some("edited before the passphrase change".into()),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    journal
        .vault_mut()
        .change_passphrase(&Passphrase::new(NEW_PASSPHRASE))
        .unwrap();
    // Checked while still open (log truncated) and again after closing.
    for (name, blob) in old_blobs {
        assert_eq!(
            files_containing(&dir, blob),
            Vec::<String>::new(),
            "old {name} while open after the change"
        );
    }
    journal.lock();

    for (name, blob) in old_blobs {
        assert_eq!(
            files_containing(&dir, blob),
            Vec::<String>::new(),
            "old {name} after the change"
        );
    }
    let new = stored_protector(&dir, PASSPHRASE_PROTECTOR);
    assert_ne!(new.wrapped, old.wrapped);
    assert_eq!(
        files_containing(&dir, &new.wrapped),
        vec![attune::store::DB_FILE.to_string()],
        "the new wrapped key is where the scan looks"
    );
    open_journal(&dir, NEW_PASSPHRASE).lock();
}

/// Pieces of an envelope that a leftover copy would contain: its salt, nonce, the
/// start, middle and end of its ciphertext (the end is the tag).
fn envelope_chunks(envelope: &[u8]) -> Vec<Vec<u8>> {
    const HEADER: usize = 1 + 32 + 12;
    let body = &envelope[HEADER..];
    let mid = body.len() / 2;
    vec![
        envelope[1..33].to_vec(),
        envelope[33..HEADER].to_vec(),
        body[..32].to_vec(),
        body[mid..mid + 32].to_vec(),
        body[body.len() - 32..].to_vec(),
    ]
}

/// A journal with small entries, one large enough to spill into overflow pages, and an
/// edited one.
fn closed_journal_for_rotation(dir: &Path) -> RecoveryKey {
    let (mut journal, recovery) = create_journal(dir);
    let ids = add_sample_entries(&mut journal, 5);
    let mut big = sample_entry(99);
    big.body = "A long reflection. ".repeat(1500);
    journal.add(big, now()).unwrap();
    journal
        .edit(
            &ids[1],
            EntryChange {
                title: Some(Some("Edited title".into())),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    journal.lock();
    recovery
}

#[test]
fn rotating_the_key_re_encrypts_every_record_and_leaves_no_old_ciphertext_in_any_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let old_recovery = closed_journal_for_rotation(&dir);

    let old_records = stored_records(&dir);
    // Six entries, and the list index's shards (re-encrypted like every record).
    let entries_in = |records: &[StoredRecord]| {
        records
            .iter()
            .filter(|r| r.tbl == attune::store::Table::Entries as i64)
            .count()
    };
    assert_eq!(entries_in(&old_records), 6);
    assert!(old_records.iter().all(|r| r.key_id == 1));
    assert!(
        old_records.iter().any(|r| r.envelope.len() > 16 * 1024),
        "one record is large enough to need overflow pages"
    );
    let old_chunks: Vec<Vec<u8>> = old_records
        .iter()
        .flat_map(|r| envelope_chunks(&r.envelope))
        .collect();
    for chunk in &old_chunks {
        assert_eq!(files_containing(&dir, chunk), vec![attune::store::DB_FILE]);
    }

    let mut journal = open_journal(&dir, PASSPHRASE);
    let before = entries_by_id(&journal);
    let new_recovery = journal.vault_mut().rotate_key(&passphrase()).unwrap();
    assert_eq!(journal.vault().key_id(), 2);
    assert_ne!(*new_recovery.to_display(), *old_recovery.to_display());
    // While still open (log truncated), and again after closing below.
    for (i, chunk) in old_chunks.iter().enumerate() {
        assert_eq!(
            files_containing(&dir, chunk),
            Vec::<String>::new(),
            "old ciphertext chunk {i} is on disk while open"
        );
    }
    // Entries written after the rotation use the new key too.
    let later = journal.add(sample_entry(7), now()).unwrap().id;
    journal.lock();

    let new_records = stored_records(&dir);
    assert_eq!(entries_in(&new_records), 7);
    for record in &new_records {
        assert_eq!(record.key_id, 2, "record {} key id", record.id_hex());
    }
    for old in &old_records {
        let new = new_records.iter().find(|r| r.id == old.id).unwrap();
        // (The later entry's index shard was rewritten after the rotation.)
        if old.tbl == attune::store::Table::Entries as i64 {
            assert_eq!((new.kind, new.revision), (old.kind, old.revision));
        }
        assert_ne!(new.envelope, old.envelope);
    }
    for (i, chunk) in old_chunks.iter().enumerate() {
        assert_eq!(
            files_containing(&dir, chunk),
            Vec::<String>::new(),
            "old ciphertext chunk {i} is still on disk"
        );
    }
    // The scan would have seen new ciphertext.
    for chunk in envelope_chunks(&new_records[0].envelope) {
        assert_eq!(files_containing(&dir, &chunk), vec![attune::store::DB_FILE]);
    }

    let journal = open_journal(&dir, PASSPHRASE);
    assert_eq!(journal.vault().key_id(), 2);
    assert!(journal.damaged().is_empty());
    let mut after = entries_by_id(&journal);
    assert!(after.remove(&later).is_some());
    assert_eq!(after, before);
    journal.lock();

    assert_eq!(
        code_of(recover(&dir, &old_recovery, NEW_PASSPHRASE)),
        ErrorCode::WrongSecret,
        "the old recovery key stops working"
    );
    let (vault, _) = recover(&dir, &new_recovery, NEW_PASSPHRASE).unwrap();
    assert_eq!(Journal::load(vault, now()).unwrap().len(), 7);
}

#[test]
fn rotating_with_the_wrong_passphrase_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    closed_journal_for_rotation(&dir);
    let before = snapshot(&dir);

    let mut journal = open_journal(&dir, PASSPHRASE);
    let err = journal
        .vault_mut()
        .rotate_key(&Passphrase::new("not the passphrase at all"))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongSecret);
    assert_eq!(journal.vault().key_id(), 1);
    journal.lock();

    assert_same_files(&before, &snapshot(&dir), "after a refused rotation");
}

#[test]
fn a_copy_made_before_rotation_keeps_its_old_state_and_its_old_key_reads_nothing_new() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let old_recovery = closed_journal_for_rotation(&dir);
    let copy = tmp.path().join("leaked-copy");
    fs::create_dir(&copy).unwrap();
    fs::copy(db_path(&dir), db_path(&copy)).unwrap();

    let mut journal = open_journal(&dir, PASSPHRASE);
    let written = entries_by_id(&journal);
    journal.vault_mut().rotate_key(&passphrase()).unwrap();
    journal.lock();

    // The old copy is untouched by the rotation: it opens with the old secrets, at key id 1.
    let old_protector = stored_protector(&copy, PASSPHRASE_PROTECTOR);
    let copy_journal = open_journal(&copy, PASSPHRASE);
    assert_eq!(copy_journal.vault().key_id(), 1);
    assert_eq!(entries_by_id(&copy_journal), written);
    copy_journal.lock();
    let (vault, _) = recover(&copy, &old_recovery, NEW_PASSPHRASE).unwrap();
    assert_eq!(vault.key_id(), 1);
    vault.lock();

    // Graft the copy's (old) passphrase protector and key id onto the rotated journal and
    // relabel its records as key id 1: the old data key unlocks, but decrypts none of them.
    {
        let conn = db(&dir);
        conn.execute("DELETE FROM protectors", []).unwrap();
        conn.execute(
            "INSERT INTO protectors (id, kind, params, salt, nonce, wrapped, key_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)",
            rusqlite::params![
                old_protector.id,
                old_protector.kind,
                old_protector.params,
                old_protector.salt,
                old_protector.nonce,
                old_protector.wrapped
            ],
        )
        .unwrap();
        conn.execute(
            "UPDATE meta SET value = ?1 WHERE key = 'key_id'",
            [1u32.to_be_bytes().to_vec()],
        )
        .unwrap();
        conn.execute("UPDATE records SET key_id = 1", []).unwrap();
    }
    let grafted = open_journal(&dir, PASSPHRASE);
    assert_eq!(grafted.len(), 0, "the old key decrypts no rotated record");
    assert_eq!(grafted.damaged().len(), written.len());
}

#[test]
fn creating_over_an_existing_journal_gives_journal_exists_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (_, written) = closed_journal_with_entries(&dir, 3);
    let before = snapshot(&dir);

    let err =
        Vault::create(&dir, &Passphrase::new(NEW_PASSPHRASE), KdfChoice::TestFast).unwrap_err();
    assert_eq!(err.code, ErrorCode::JournalExists);
    assert_same_files(
        &before,
        &snapshot(&dir),
        "after create over a closed journal",
    );

    // Also while the journal is open.
    let journal = open_journal(&dir, PASSPHRASE);
    let err =
        Vault::create(&dir, &Passphrase::new(NEW_PASSPHRASE), KdfChoice::TestFast).unwrap_err();
    assert_eq!(err.code, ErrorCode::JournalExists);
    journal.lock();
    assert_same_files(
        &before,
        &snapshot(&dir),
        "after create over an open journal",
    );

    assert_eq!(
        code_of(Vault::unlock(&dir, &Passphrase::new(NEW_PASSPHRASE))),
        ErrorCode::WrongSecret
    );
    assert_eq!(entries_by_id(&open_journal(&dir, PASSPHRASE)), written);
}
