//! Edited bytes on disk: a damaged record is reported and skipped while the rest stays
//! readable, and a damaged key protector exits like a wrong passphrase.

// Test code, helpers included: a failed step should stop the test where it happened.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::*;
use attune::crypto::{KdfParams, Passphrase, RecoveryKey};
use attune::journal::{EntryId, Journal};
use attune::vault::{KdfChoice, Vault};
use attune::ErrorCode;

const ENTRY_COUNT: usize = 5;

/// A closed journal with [`ENTRY_COUNT`] entries: its recovery key and each entry's
/// title by id (hex).
fn closed_journal(dir: &Path) -> (RecoveryKey, BTreeMap<String, String>) {
    let (mut journal, recovery) = create_journal(dir);
    add_sample_entries(&mut journal, ENTRY_COUNT);
    let titles = journal
        .entries()
        .unwrap()
        .iter()
        .map(|e| (e.id.to_hex(), e.title.clone().unwrap()))
        .collect();
    journal.lock();
    (recovery, titles)
}

/// Open the journal and check that exactly `damaged` (ids in hex; `None` for a row
/// whose id is unreadable) are reported, at unlock and by verify, and that every other
/// entry reads with its title.
fn assert_only_damaged(
    dir: &Path,
    titles: &BTreeMap<String, String>,
    damaged: &[Option<String>],
    what: &str,
) {
    let journal = open_journal(dir, PASSPHRASE);
    let mut reported: Vec<Option<String>> =
        journal.damaged().iter().map(|d| d.id.clone()).collect();
    reported.sort();
    let mut expected = damaged.to_vec();
    expected.sort();
    assert_eq!(reported, expected, "{what}: damaged at unlock");

    let report = attune::verify::journal(&journal).unwrap();
    let mut verified: Vec<Option<String>> = report.damaged.iter().map(|d| d.id.clone()).collect();
    verified.sort();
    assert_eq!(verified, expected, "{what}: damaged by verify");
    assert_eq!(
        report.records_checked, ENTRY_COUNT,
        "{what}: records checked"
    );
    assert!(report.file_problems.is_empty(), "{what}: {report:?}");

    let unreadable = titles
        .keys()
        .filter(|id| {
            !journal
                .entries()
                .unwrap()
                .iter()
                .any(|e| &e.id.to_hex() == *id)
        })
        .count();
    assert_eq!(unreadable, damaged.len(), "{what}: unreadable entries");
    for (id, title) in titles {
        if damaged.contains(&Some(id.clone())) {
            continue;
        }
        let entry = journal.get(&EntryId::from_hex(id).unwrap());
        // An entry whose id column was rewritten is unreadable under its old id too.
        if let Ok(entry) = entry {
            assert_eq!(entry.title.as_deref(), Some(title.as_str()), "{what}");
        }
    }
    assert_eq!(
        journal.len(),
        ENTRY_COUNT - damaged.len(),
        "{what}: readable"
    );
}

#[test]
fn an_untouched_journal_reports_nothing_damaged() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (_, titles) = closed_journal(&dir);
    assert_only_damaged(&dir, &titles, &[], "untouched");
}

#[test]
fn one_flipped_bit_anywhere_in_an_envelope_damages_exactly_that_record() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (_, titles) = closed_journal(&dir);
    let records = stored_records_in(&dir, attune::store::Table::Entries);
    let target = &records[2];
    let damaged = [Some(target.id_hex())];

    // Every byte (version, salt, nonce, ciphertext, tag): every bit of the first and
    // last 64 bytes, one bit (a different one each time) of the bytes between.
    let len = target.envelope.len();
    assert!(len > 512);
    let flips = (0..len).flat_map(|i| {
        let bits = if i < 64 || i >= len - 64 {
            0..8
        } else {
            i % 8..i % 8 + 1
        };
        bits.map(move |bit| (i, bit))
    });
    for (i, bit) in flips {
        let mut bad = target.envelope.clone();
        bad[i] ^= 1 << bit;
        set_envelope(&dir, target.seq, &bad);
        assert_only_damaged(&dir, &titles, &damaged, &format!("bit {bit} of byte {i}"));
    }

    set_envelope(&dir, target.seq, &target.envelope);
    assert_only_damaged(&dir, &titles, &[], "restored envelope");
}

#[test]
fn swapped_envelopes_damage_both_records_and_no_other() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (_, titles) = closed_journal(&dir);
    let records = stored_records_in(&dir, attune::store::Table::Entries);
    let (a, b) = (&records[0], &records[3]);
    set_envelope(&dir, a.seq, &b.envelope);
    set_envelope(&dir, b.seq, &a.envelope);
    assert_only_damaged(
        &dir,
        &titles,
        &[Some(a.id_hex()), Some(b.id_hex())],
        "swapped envelopes",
    );
}

#[test]
fn a_truncated_envelope_damages_only_that_record() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (_, titles) = closed_journal(&dir);
    let records = stored_records_in(&dir, attune::store::Table::Entries);
    let target = &records[1];
    let len = target.envelope.len();
    // Empty, header only, header plus less than a tag, one byte short, tag cut off.
    for keep in [0, 1, 45, 45 + 15, len - 1, len - 16] {
        set_envelope(&dir, target.seq, &target.envelope[..keep]);
        assert_only_damaged(
            &dir,
            &titles,
            &[Some(target.id_hex())],
            &format!("truncated to {keep} bytes"),
        );
    }
    // Extra bytes at the end are damage too.
    let mut longer = target.envelope.clone();
    longer.extend_from_slice(&[0; 16]);
    set_envelope(&dir, target.seq, &longer);
    assert_only_damaged(&dir, &titles, &[Some(target.id_hex())], "lengthened");
}

#[test]
fn a_changed_revision_kind_or_key_id_column_damages_only_that_record() {
    use rusqlite::types::Value;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (_, titles) = closed_journal(&dir);
    let records = stored_records_in(&dir, attune::store::Table::Entries);
    let target = &records[4];
    assert_eq!((target.kind, target.revision, target.key_id), (1, 1, 1));
    let damaged = [Some(target.id_hex())];

    let cases: [(&str, Value, Value); 6] = [
        ("revision", Value::Integer(2), Value::Integer(1)),
        ("revision", Value::Integer(0), Value::Integer(1)),
        ("kind", Value::Integer(2), Value::Integer(1)),
        ("kind", Value::Integer(0), Value::Integer(1)),
        ("key_id", Value::Integer(2), Value::Integer(1)),
        ("key_id", Value::Integer(0), Value::Integer(1)),
    ];
    for (column, bad, good) in cases {
        set_record_column(&dir, target.seq, column, bad.clone());
        assert_only_damaged(&dir, &titles, &damaged, &format!("{column} = {bad:?}"));
        set_record_column(&dir, target.seq, column, good);
    }
    assert_only_damaged(&dir, &titles, &[], "columns restored");

    // Values that do not even fit the column's type leave the id unnamed but still
    // damage only that one row.
    for (column, bad) in [
        ("revision", Value::Integer(-1)),
        ("kind", Value::Integer(256)),
        ("key_id", Value::Integer(-5)),
    ] {
        set_record_column(&dir, target.seq, column, bad.clone());
        assert_only_damaged(&dir, &titles, &[None], &format!("{column} = {bad:?}"));
        set_record_column(&dir, target.seq, column, Value::Integer(1));
    }
}

#[test]
fn a_changed_id_column_damages_only_that_record() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (_, titles) = closed_journal(&dir);
    let records = stored_records_in(&dir, attune::store::Table::Entries);
    let target = &records[0];

    // Another well-formed id: the record is reported under the id it now sits at.
    let mut moved = target.id.clone();
    moved[7] ^= 0x10;
    set_record_column(&dir, target.seq, "id", moved.clone().into());
    let moved_hex = moved.iter().map(|b| format!("{b:02x}")).collect::<String>();
    let journal = open_journal(&dir, PASSPHRASE);
    let reported: Vec<_> = journal.damaged().iter().map(|d| d.id.clone()).collect();
    assert_eq!(reported, vec![Some(moved_hex.clone())]);
    assert_eq!(journal.len(), ENTRY_COUNT - 1);
    assert!(journal
        .get(&EntryId::from_hex(&target.id_hex()).unwrap())
        .is_err());
    for (id, title) in &titles {
        if *id != target.id_hex() {
            let entry = journal.get(&EntryId::from_hex(id).unwrap()).unwrap();
            assert_eq!(entry.title.as_deref(), Some(title.as_str()));
        }
    }
    let report = attune::verify::journal(&journal).unwrap();
    assert_eq!(report.damaged.len(), 1);
    assert_eq!(report.damaged[0].id.as_deref(), Some(moved_hex.as_str()));
    journal.lock();

    // An id of the wrong size: damaged, with no id to name.
    set_record_column(&dir, target.seq, "id", target.id[..15].to_vec().into());
    let journal = open_journal(&dir, PASSPHRASE);
    let reported: Vec<_> = journal.damaged().iter().map(|d| d.id.clone()).collect();
    assert_eq!(reported, vec![None]);
    assert_eq!(journal.len(), ENTRY_COUNT - 1);
    journal.lock();

    set_record_column(&dir, target.seq, "id", target.id.clone().into());
    assert_only_damaged(&dir, &titles, &[], "id restored");
}

fn unlock_code(dir: &Path) -> Option<ErrorCode> {
    Vault::unlock(dir, &passphrase()).err().map(|e| e.code)
}

fn recover_code(dir: &Path, recovery: &RecoveryKey) -> Option<ErrorCode> {
    Vault::recover(
        dir,
        recovery,
        &passphrase(),
        attune::vault::KdfChoice::TestFast,
    )
    .err()
    .map(|e| e.code)
}

/// Byte positions to flip in a protector column: the first, the middle and the last,
/// and every byte of short columns.
fn protector_positions(len: usize) -> Vec<usize> {
    if len <= 16 {
        (0..len).collect()
    } else {
        vec![0, 1, len / 2, len - 2, len - 1]
    }
}

/// Flip one bit at a time in each column of a stored protector: `opens` (which tries
/// the way in that protector guards) must answer `WrongSecret` every time, and
/// `still_fine` (checks that must hold meanwhile) is asked after each flip. Each column
/// is restored afterwards.
fn flip_each_protector_column(
    dir: &Path,
    kind: i64,
    opens: &dyn Fn() -> Option<ErrorCode>,
    still_fine: &dyn Fn(&str),
) {
    let good = stored_protector(dir, kind);
    for (column, bytes) in [
        ("id", &good.id),
        ("params", &good.params),
        ("salt", &good.salt),
        ("nonce", &good.nonce),
        ("wrapped", &good.wrapped),
    ] {
        for i in protector_positions(bytes.len()) {
            let mut bad = bytes.clone();
            bad[i] ^= 1;
            set_protector_column(dir, kind, column, &bad);
            assert_eq!(opens(), Some(ErrorCode::WrongSecret), "{column} byte {i}");
            still_fine(&format!("{column} byte {i}"));
            set_protector_column(dir, kind, column, bytes);
        }
    }
}

#[test]
fn a_flipped_bit_in_the_passphrase_protector_exits_like_a_wrong_passphrase() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    closed_journal(&dir);
    let good = stored_protector(&dir, PASSPHRASE_PROTECTOR);
    assert_eq!(good.params, KdfParams::test_fast().encode());

    flip_each_protector_column(&dir, PASSPHRASE_PROTECTOR, &|| unlock_code(&dir), &|_| {});
    // Cut short by a byte (the schema itself refuses a short id).
    for (column, bytes) in [
        ("params", &good.params),
        ("salt", &good.salt),
        ("nonce", &good.nonce),
        ("wrapped", &good.wrapped),
    ] {
        set_protector_column(&dir, PASSPHRASE_PROTECTOR, column, &bytes[1..]);
        assert_eq!(
            unlock_code(&dir),
            Some(ErrorCode::WrongSecret),
            "{column} shortened"
        );
        set_protector_column(&dir, PASSPHRASE_PROTECTOR, column, bytes);
        assert_eq!(unlock_code(&dir), None, "{column} restored");
    }
}

#[test]
fn a_flipped_bit_in_the_recovery_protector_exits_like_a_wrong_recovery_key() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (recovery, _) = closed_journal(&dir);
    flip_each_protector_column(
        &dir,
        RECOVERY_PROTECTOR,
        &|| recover_code(&dir, &recovery),
        // The passphrase protector is a separate way in and still opens.
        &|at| assert_eq!(unlock_code(&dir), None, "{at}: passphrase"),
    );
    // Restored: the recovery key opens again (and, being used, is replaced).
    assert_eq!(recover_code(&dir, &recovery), None);
}

#[test]
fn a_changed_protector_kind_or_key_id_exits_like_a_wrong_passphrase() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    closed_journal(&dir);
    for (sql, undo) in [
        (
            "UPDATE protectors SET key_id = 2 WHERE kind = 1",
            "UPDATE protectors SET key_id = 1 WHERE kind = 1",
        ),
        (
            "UPDATE protectors SET kind = 3 WHERE kind = 1",
            "UPDATE protectors SET kind = 1 WHERE kind = 3",
        ),
        (
            "UPDATE protectors SET kind = kind + 10",
            "UPDATE protectors SET kind = kind - 10",
        ),
    ] {
        db(&dir).execute(sql, []).unwrap();
        assert_eq!(unlock_code(&dir), Some(ErrorCode::WrongSecret), "{sql}");
        db(&dir).execute(undo, []).unwrap();
        assert_eq!(unlock_code(&dir), None, "{undo}");
    }
}

/// Canonical Argon2id parameters, encoded as `src/crypto/kdf.rs` does.
fn encode_params(memory_kib: u32, iterations: u32, lanes: u32, test_only: bool) -> Vec<u8> {
    let encoded = KdfParams {
        memory_kib,
        iterations,
        lanes,
        test_only,
    }
    .encode()
    .to_vec();
    // The layout the bounds check reads: version, three big-endian words, flags.
    let mut by_hand = vec![1u8];
    by_hand.extend_from_slice(&memory_kib.to_be_bytes());
    by_hand.extend_from_slice(&iterations.to_be_bytes());
    by_hand.extend_from_slice(&lanes.to_be_bytes());
    by_hand.push(u8::from(test_only));
    assert_eq!(encoded, by_hand);
    encoded
}

#[test]
fn out_of_bounds_kdf_parameters_are_refused_promptly_without_deriving() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    closed_journal(&dir);
    let good = stored_protector(&dir, PASSPHRASE_PROTECTOR);
    let gib = 1024 * 1024;

    let cases = [
        ("4 GiB of memory", encode_params(4 * gib, 3, 1, false)),
        (
            "4 GiB of memory, test mark",
            encode_params(4 * gib, 1, 1, true),
        ),
        (
            "all the memory there is",
            encode_params(u32::MAX, 3, 1, false),
        ),
        // A million passes over 256 KiB would take minutes if it ran.
        ("a million passes", encode_params(256, 1_000_000, 1, true)),
        (
            "a million passes, 64 MiB",
            encode_params(64 * 1024, 1_000_000, 1, false),
        ),
        ("64 lanes", encode_params(64 * 1024, 3, 64, false)),
        ("no lanes", encode_params(64 * 1024, 3, 0, false)),
        ("no passes", encode_params(64 * 1024, 0, 1, false)),
        // Weaker than real protectors allow, without the test mark.
        (
            "test costs without the test mark",
            encode_params(256, 1, 1, false),
        ),
        ("unknown encoding version", {
            let mut p = encode_params(256, 1, 1, true);
            p[0] = 2;
            p
        }),
        ("unknown flag", {
            let mut p = encode_params(256, 1, 1, true);
            p[13] = 3;
            p
        }),
        ("empty", Vec::new()),
    ];
    for (what, params) in cases {
        set_protector_column(&dir, PASSPHRASE_PROTECTOR, "params", &params);
        let started = Instant::now();
        let code = unlock_code(&dir);
        let took = started.elapsed();
        assert_eq!(code, Some(ErrorCode::WrongSecret), "{what}");
        // Not a speed goal: a derivation at these costs would run for many minutes or
        // hours, so coming back within a minute at all shows none ran.
        assert!(
            took < Duration::from_secs(60),
            "{what}: unlock took {took:?}, as if it derived"
        );
    }

    set_protector_column(&dir, PASSPHRASE_PROTECTOR, "params", &good.params);
    assert_eq!(unlock_code(&dir), None);
    assert!(Journal::load(Vault::unlock(&dir, &passphrase()).unwrap(), now()).is_ok());
}

#[test]
fn intact_protectors_open_only_with_the_right_passphrase() {
    // Sanity for the tests above: with the protector intact, only the right passphrase opens.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    closed_journal(&dir);
    assert_eq!(unlock_code(&dir), None);
    assert_eq!(
        Vault::unlock(&dir, &Passphrase::new("not the passphrase"))
            .err()
            .map(|e| e.code),
        Some(ErrorCode::WrongSecret)
    );
}

#[test]
fn a_record_moved_to_an_unknown_table_is_reported_refuses_rotation_and_can_be_purged() {
    use rusqlite::types::Value;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (_, titles) = closed_journal(&dir);
    let target = &stored_records_in(&dir, attune::store::Table::Entries)[2];
    set_record_column(&dir, target.seq, "tbl", Value::Integer(99));
    assert_only_damaged(&dir, &titles, &[Some(target.id_hex())], "moved to table 99");

    let mut journal = open_journal(&dir, PASSPHRASE);
    let err = journal.vault_mut().rotate_key(&passphrase()).unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::DamagedRecords,
        "nothing may stay under the old key"
    );
    let id = EntryId::from_hex(&target.id_hex()).unwrap();
    journal.purge(&id).unwrap();
    assert!(attune::verify::journal(&journal).unwrap().is_sound());
    assert!(journal.damaged().is_empty());
    journal.vault_mut().rotate_key(&passphrase()).unwrap();
}

#[test]
fn a_flipped_test_flag_cannot_weaken_the_passphrase_protector_through_recovery() {
    // A real-strength journal whose passphrase protector is edited on disk to say "test
    // protector": the right passphrase then fails, and recovery must not take the edited
    // flag as a reason to make the new protector weak.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (vault, recovery) = Vault::create(&dir, &passphrase(), KdfChoice::Calibrated).unwrap();
    vault.lock();
    let mut params = stored_protector(&dir, PASSPHRASE_PROTECTOR).params;
    assert_eq!(params[13], 0);
    params[13] = 1;
    set_protector_column(&dir, PASSPHRASE_PROTECTOR, "params", &params);
    assert_eq!(
        code_of(Vault::unlock(&dir, &passphrase())),
        ErrorCode::WrongSecret
    );

    let (vault, _fresh) = Vault::recover(
        &dir,
        &recovery,
        &Passphrase::new("a new passphrase after recovery"),
        KdfChoice::Calibrated,
    )
    .unwrap();
    assert!(!vault.uses_test_kdf());
    vault.lock();
    let made = KdfParams::decode(&stored_protector(&dir, PASSPHRASE_PROTECTOR).params).unwrap();
    assert!(!made.test_only, "{made:?}");
    assert!(made.memory_kib >= 64 * 1024, "{made:?}");
}

#[test]
fn extra_passphrase_protectors_are_refused_before_any_key_derivation() {
    // Rows added to make every unlock run many costly derivations: the file gets the
    // wrong-secret answer, even for the right passphrase, and nothing is derived.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (journal, recovery) = create_journal(&dir);
    journal.lock();
    let p = stored_protector(&dir, PASSPHRASE_PROTECTOR);
    let mut extra_id = p.id.clone();
    extra_id[0] ^= 0xff;
    db(&dir)
        .execute(
            "INSERT INTO protectors (id, kind, params, salt, nonce, wrapped, key_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            rusqlite::params![extra_id, p.kind, p.params, p.salt, p.nonce, p.wrapped, p.key_id],
        )
        .unwrap();
    assert_eq!(
        code_of(Vault::unlock(&dir, &passphrase())),
        ErrorCode::WrongSecret
    );
    // The recovery key still opens it (its own protector is single) and recovery
    // writes one passphrase protector again.
    let (vault, _) = Vault::recover(&dir, &recovery, &passphrase(), KdfChoice::TestFast).unwrap();
    vault.lock();
    assert!(Vault::unlock(&dir, &passphrase()).is_ok());
}
