//! Bad input gets a clear error, with a code a front end can act on, and changes nothing.
//!
//! Where a refusal could plausibly write something, the test hashes every file in the
//! journal folder before and after. Every error message is checked for the journal text
//! the test wrote: messages may be shown, logged or sent across IPC, so they must never
//! carry it.

// Tests may panic with a message; this file is nothing but tests and their helpers.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;

use crate::support::*;

use attune::crypto::Passphrase;
use attune::journal::{AnswerValue, EntryChange, EntryId, Journal, NewEntry, PromptAnswer};
use attune::store::{Table, DB_FILE};
use attune::vault::{KdfChoice, Vault};
use attune::verify::VerifyReport;
use attune::{Error, ErrorCode};
use chrono::Utc;

/// Words written into the journal, which no error message may repeat.
const MARKERS: [&str; 3] = ["zebralantern", "quokkaharbour", "marmalade"];

/// Fails if `err` has the wrong code or repeats journal text.
#[track_caller]
fn assert_error(err: &Error, code: ErrorCode) {
    assert_eq!(err.code, code, "unexpected error: {err:?}");
    assert!(!err.message.trim().is_empty(), "an empty message: {err:?}");
    let lower = err.message.to_lowercase();
    for marker in MARKERS {
        assert!(
            !lower.contains(marker),
            "the message repeats journal text {marker:?}: {err:?}"
        );
    }
}

#[track_caller]
fn expect_err<T>(result: attune::Result<T>, code: ErrorCode) -> Error {
    match result {
        Ok(_) => panic!("expected a {code:?} error, got success"),
        Err(err) => {
            assert_error(&err, code);
            err
        }
    }
}

/// The body of the `i`th entry: the markers plus filler of varied length, so that some
/// records spill onto overflow pages.
fn body(i: usize) -> String {
    let filler: String = "the baby turned toward her voice and settled. "
        .chars()
        .cycle()
        .take((i * 997) % 5000)
        .collect();
    format!("{} {} {filler}", MARKERS[0], MARKERS[i % 3])
}

/// A closed journal in `dir` holding `count` entries that all carry the markers.
fn journal_with_entries(dir: &Path, count: usize) {
    let (mut journal, _recovery) = create_journal(dir);
    for i in 0..count {
        journal
            .add(
                NewEntry {
                    title: Some(format!("{} visit {i}", MARKERS[1])),
                    body: body(i),
                    family_code: Some("FAM-7".into()),
                    tags: vec![MARKERS[2].into()],
                    carrying: Some((i % 11) as u8),
                    ..Default::default()
                },
                Utc::now(),
            )
            .expect("add an entry");
    }
    journal.lock();
}

fn stored_records(journal: &Journal) -> usize {
    let (rows, malformed) = journal
        .vault()
        .store()
        .records(Table::Entries)
        .expect("read records");
    rows.len() + malformed.len()
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

// ---- creating and unlocking in the wrong place -------------------------------------

#[test]
fn init_over_an_existing_journal_is_refused_and_changes_nothing() {
    let tmp = temp();
    let dir = tmp.path().join("journal");
    journal_with_entries(&dir, 3);
    let before = snapshot(&dir);

    let other = Passphrase::new("a different passphrase");
    let err = expect_err(
        Vault::create(&dir, &other, KdfChoice::TestFast),
        ErrorCode::JournalExists,
    );
    assert!(
        !err.message.contains("different passphrase"),
        "the message repeats the passphrase: {err:?}"
    );
    assert_eq!(snapshot(&dir), before, "a refused init changed the folder");

    // Also while the journal is open: still "exists", and still nothing written.
    let journal = open_journal(&dir, PASSPHRASE);
    expect_err(
        Vault::create(&dir, &other, KdfChoice::TestFast),
        ErrorCode::JournalExists,
    );
    drop(journal);
    assert_eq!(snapshot(&dir), before);

    // The old passphrase still opens it, with every entry.
    assert_eq!(open_journal(&dir, PASSPHRASE).len(), 3);
    expect_err(Vault::unlock(&dir, &other), ErrorCode::WrongSecret);
}

#[test]
fn unlock_where_there_is_no_journal_says_so_and_creates_nothing() {
    let tmp = temp();

    let missing = tmp.path().join("never-made");
    expect_err(Vault::unlock(&missing, &passphrase()), ErrorCode::NoJournal);
    assert!(
        !missing.exists(),
        "unlock created the folder it was pointed at"
    );

    let empty = tmp.path().join("empty");
    fs::create_dir(&empty).unwrap();
    expect_err(Vault::unlock(&empty, &passphrase()), ErrorCode::NoJournal);
    assert_eq!(
        fs::read_dir(&empty).unwrap().count(),
        0,
        "unlock wrote into an empty folder"
    );

    let unrelated = tmp.path().join("unrelated");
    fs::create_dir(&unrelated).unwrap();
    fs::write(unrelated.join("notes.txt"), "shopping list").unwrap();
    let before = snapshot(&unrelated);
    expect_err(
        Vault::unlock(&unrelated, &passphrase()),
        ErrorCode::NoJournal,
    );
    assert_eq!(snapshot(&unrelated), before);

    // A folder path that is really a file.
    let file = tmp.path().join("a-file");
    fs::write(&file, "not a folder").unwrap();
    expect_err(Vault::unlock(&file, &passphrase()), ErrorCode::NoJournal);
    assert_eq!(fs::read(&file).unwrap(), b"not a folder");
}

/// Refusals for an unwritable location: `Unwritable`, no panic, and nothing created.
#[track_caller]
fn assert_init_refused(tmp: &Path, dir: &Path) {
    let before = snapshot(tmp);
    expect_err(
        Vault::create(dir, &passphrase(), KdfChoice::TestFast),
        ErrorCode::Unwritable,
    );
    assert_eq!(snapshot(tmp), before, "a failed init left something behind");
    assert!(!dir.join(DB_FILE).exists());
}

#[test]
fn init_under_a_regular_file_fails_cleanly() {
    let tmp = temp();
    let file = tmp.path().join("a-file");
    fs::write(&file, "not a folder").unwrap();
    // Fails for everyone, root included: a file cannot hold a folder.
    assert_init_refused(tmp.path(), &file.join("journal"));
    assert_init_refused(tmp.path(), &file.join("deeper").join("journal"));
    // The journal folder itself is a file.
    assert_init_refused(tmp.path(), &file);
}

#[cfg(unix)]
#[test]
fn init_in_a_read_only_folder_fails_cleanly() {
    use std::os::unix::fs::PermissionsExt;

    let tmp = temp();
    let read_only = tmp.path().join("read-only");
    fs::create_dir(&read_only).unwrap();
    fs::set_permissions(&read_only, fs::Permissions::from_mode(0o500)).unwrap();
    // Root ignores permission bits; find out rather than assume.
    let probe = read_only.join("probe");
    let enforced = fs::write(&probe, b"x").is_err();
    if enforced {
        // A new journal folder inside it, and the read-only folder itself as the journal.
        assert_init_refused(tmp.path(), &read_only.join("journal"));
        assert_init_refused(tmp.path(), &read_only);
    } else {
        eprintln!("permissions are not enforced for this user; using a path under a file");
        fs::remove_file(&probe).unwrap();
        let file = tmp.path().join("a-file");
        fs::write(&file, "not a folder").unwrap();
        assert_init_refused(tmp.path(), &file.join("journal"));
    }
    fs::set_permissions(&read_only, fs::Permissions::from_mode(0o700)).unwrap();
}

// ---- a journal already open --------------------------------------------------------

#[test]
fn second_open_is_busy_until_the_first_closes() {
    let tmp = temp();
    let dir = tmp.path().join("journal");
    journal_with_entries(&dir, 2);

    let mut first = open_journal(&dir, PASSPHRASE);
    expect_err(Vault::unlock(&dir, &passphrase()), ErrorCode::JournalBusy);
    // A refused open must not release the first one's lock on its way out.
    expect_err(Vault::unlock(&dir, &passphrase()), ErrorCode::JournalBusy);
    // Busy is reported before the passphrase is tried, so a wrong one says busy too.
    expect_err(
        Vault::unlock(&dir, &Passphrase::new("wrong passphrase here")),
        ErrorCode::JournalBusy,
    );
    // The first is unharmed and still writes.
    first
        .add(
            NewEntry {
                body: format!("{} after a refused open", MARKERS[0]),
                ..Default::default()
            },
            Utc::now(),
        )
        .expect("the first journal still writes");
    first.lock();

    let second = open_journal(&dir, PASSPHRASE);
    assert_eq!(second.len(), 3);
    assert!(second.damaged().is_empty());

    // A vault straight from `create` holds the lock too.
    let tmp2 = temp();
    let dir2 = tmp2.path().join("journal");
    let (vault, _recovery) = Vault::create(&dir2, &passphrase(), KdfChoice::TestFast).unwrap();
    expect_err(Vault::unlock(&dir2, &passphrase()), ErrorCode::JournalBusy);
    drop(vault);
    assert!(open_journal(&dir2, PASSPHRASE).is_empty());
}

// ---- damaged files -----------------------------------------------------------------

/// What opening a damaged journal did, when it did not fail outright.
#[derive(Debug)]
struct Opened {
    readable: usize,
    damaged: usize,
    report: Option<VerifyReport>,
}

/// Try to open a damaged journal the way the app does, twice (a failed open must not
/// leave the folder locked or changed), and check the file is byte-identical after.
fn open_damaged(dir: &Path) -> Result<Opened, Error> {
    let db = dir.join(DB_FILE);
    let bytes = fs::read(&db).unwrap();
    let attempt = || -> Result<Opened, Error> {
        let vault = Vault::unlock(dir, &passphrase())?;
        let journal = Journal::load(vault, Utc::now())?;
        Ok(Opened {
            readable: journal.len(),
            damaged: journal.damaged().len(),
            // `verify` may itself fail on a damaged file; that is a report too.
            report: attune::verify::journal(&journal).ok(),
        })
    };
    let first = attempt();
    let second = attempt();
    match (&first, &second) {
        (Err(a), Err(b)) => assert_eq!(a.code, b.code, "a second open failed differently"),
        (Ok(a), Ok(b)) => {
            assert_eq!((a.readable, a.damaged), (b.readable, b.damaged));
        }
        _ => panic!("a second open behaved differently: {first:?} then {second:?}"),
    }
    if let Err(err) = &first {
        assert_error(err, err.code);
    }
    assert!(
        fs::read(&db).unwrap() == bytes,
        "opening a damaged journal changed the file"
    );
    let leftovers: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != DB_FILE && name != attune::store::LOCK_FILE)
        .collect();
    assert!(
        leftovers.is_empty(),
        "opening a damaged journal left files behind: {leftovers:?}"
    );
    first
}

/// Either refused as a damaged journal, or opened with the damage reported.
#[track_caller]
fn assert_damage_reported(outcome: Result<Opened, Error>, what: &str) {
    eprintln!("{what}: {outcome:?}");
    match outcome {
        Err(err) => assert_error(&err, ErrorCode::DamagedJournal),
        Ok(opened) => {
            let reported = opened.damaged > 0
                || opened
                    .report
                    .as_ref()
                    .is_none_or(|r| !r.file_problems.is_empty() || !r.damaged.is_empty());
            assert!(reported, "{what}: the damage went unreported: {opened:?}");
        }
    }
}

const PAGE: usize = 4096;

#[test]
fn a_page_of_garbage_is_reported_and_the_file_left_alone() {
    let tmp = temp();
    let dir = tmp.path().join("journal");
    journal_with_entries(&dir, 60);
    let db = dir.join(DB_FILE);
    let mut bytes = fs::read(&db).unwrap();
    let pages = bytes.len() / PAGE;
    assert!(
        pages >= 8,
        "the journal is too small to damage in the middle"
    );
    let mut rng = 0x1234_5678_9abc_def0_u64;
    let middle = pages / 2 * PAGE;
    for byte in &mut bytes[middle..middle + PAGE] {
        *byte = next_byte(&mut rng);
    }
    fs::write(&db, &bytes).unwrap();
    assert_damage_reported(open_damaged(&dir), "a page of garbage");
}

#[test]
fn garbage_inside_a_record_is_reported_and_the_rest_stays_readable() {
    let tmp = temp();
    let dir = tmp.path().join("journal");
    journal_with_entries(&dir, 60);
    // Find one record's ciphertext in the file and flip bytes in it: SQLite still reads
    // the page, and the record fails to decrypt.
    let journal = open_journal(&dir, PASSPHRASE);
    let (rows, _) = journal.vault().store().records(Table::Entries).unwrap();
    let target = rows.iter().find(|r| r.envelope.len() <= 1024).unwrap();
    let hex = EntryId(target.id).to_hex();
    let window = &target.envelope[200..264];
    journal.lock();
    let db = dir.join(DB_FILE);
    let mut bytes = fs::read(&db).unwrap();
    let at = bytes
        .windows(window.len())
        .position(|w| w == window)
        .expect("the record's ciphertext is in the file");
    for byte in &mut bytes[at..at + window.len()] {
        *byte ^= 0x5a;
    }
    fs::write(&db, &bytes).unwrap();

    let outcome = open_damaged(&dir);
    eprintln!("garbage inside a record: {outcome:?}");
    let opened = outcome.expect("one damaged record must not stop the journal opening");
    assert_eq!(
        opened.damaged, 1,
        "the damaged record went unreported: {opened:?}"
    );
    assert_eq!(
        opened.readable, 59,
        "one damaged record took others down: {opened:?}"
    );
    let report = opened
        .report
        .expect("verify runs on a journal with a damaged record");
    assert_eq!(report.damaged.len(), 1);
    assert_eq!(report.damaged[0].id.as_deref(), Some(hex.as_str()));
    assert!(report.file_problems.is_empty(), "{report:?}");
}

#[test]
fn a_journal_cut_in_half_is_reported_and_left_alone() {
    let tmp = temp();
    let dir = tmp.path().join("journal");
    journal_with_entries(&dir, 60);
    let db = dir.join(DB_FILE);
    let bytes = fs::read(&db).unwrap();
    fs::write(&db, &bytes[..bytes.len() / 2]).unwrap();
    assert_damage_reported(open_damaged(&dir), "a journal cut in half");
}

#[test]
fn random_bytes_named_like_a_journal_are_a_damaged_journal() {
    let tmp = temp();
    let dir = tmp.path().join("journal");
    fs::create_dir(&dir).unwrap();
    let mut rng = 0x0bad_5eed_u64;
    let bytes: Vec<u8> = (0..64 * 1024).map(|_| next_byte(&mut rng)).collect();
    fs::write(dir.join(DB_FILE), &bytes).unwrap();
    let err = open_damaged(&dir).expect_err("random bytes opened as a journal");
    assert_error(&err, ErrorCode::DamagedJournal);
}

#[test]
fn an_empty_file_named_like_a_journal_is_a_damaged_journal() {
    let tmp = temp();
    let dir = tmp.path().join("journal");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join(DB_FILE), b"").unwrap();
    let err = open_damaged(&dir).expect_err("an empty file opened as a journal");
    assert_error(&err, ErrorCode::DamagedJournal);
    // And init refuses to build over it: it might be someone's journal.
    let before = snapshot(&dir);
    expect_err(
        Vault::create(&dir, &passphrase(), KdfChoice::TestFast),
        ErrorCode::JournalExists,
    );
    assert_eq!(snapshot(&dir), before);
}

/// SplitMix64, one byte at a time: reproducible garbage without a `rand` dependency.
fn next_byte(state: &mut u64) -> u8 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    (z ^ (z >> 31)) as u8
}

// ---- unknown ids and invalid fields ------------------------------------------------

#[test]
fn unknown_entry_ids_are_not_found_and_change_nothing() {
    let tmp = temp();
    let dir = tmp.path().join("journal");
    journal_with_entries(&dir, 3);
    let before = snapshot(&dir);

    let mut journal = open_journal(&dir, PASSPHRASE);
    let unknown = (0u8..=255)
        .map(|b| EntryId([b; 16]))
        .find(|id| journal.get(id).is_err())
        .unwrap();
    let now = Utc::now();
    expect_err(journal.get(&unknown), ErrorCode::NotFound);
    expect_err(
        journal.edit(
            &unknown,
            EntryChange {
                body: Some(format!("{} edited", MARKERS[0])),
                ..Default::default()
            },
            now,
        ),
        ErrorCode::NotFound,
    );
    expect_err(journal.trash(&unknown, now), ErrorCode::NotFound);
    expect_err(journal.restore(&unknown, now), ErrorCode::NotFound);
    expect_err(journal.purge(&unknown), ErrorCode::NotFound);
    expect_err(
        journal.resolve_id(&unknown.to_hex()[..8]),
        ErrorCode::NotFound,
    );
    // Malformed ids are invalid, not "not found".
    expect_err(journal.resolve_id("zebralantern"), ErrorCode::InvalidInput);
    expect_err(journal.resolve_id("ab"), ErrorCode::InvalidInput);
    assert_eq!(journal.len(), 3);
    assert_eq!(stored_records(&journal), 3);
    journal.lock();

    assert_eq!(
        snapshot(&dir),
        before,
        "a refused change wrote to the journal"
    );
}

#[test]
fn invalid_fields_are_refused_and_nothing_is_written() {
    let tmp = temp();
    let dir = tmp.path().join("journal");
    journal_with_entries(&dir, 3);
    let before = snapshot(&dir);

    let mut journal = open_journal(&dir, PASSPHRASE);
    let existing = journal.entries().unwrap().iter().next().unwrap().clone();
    let now = Utc::now();
    let text = || format!("{} {} {}", MARKERS[0], MARKERS[1], MARKERS[2]);
    let bad_entries = [
        (
            "carrying rating 11",
            NewEntry {
                carrying: Some(11),
                ..Default::default()
            },
        ),
        (
            "family code with a space",
            NewEntry {
                family_code: Some(format!("{} {}", MARKERS[0], MARKERS[1])),
                ..Default::default()
            },
        ),
        (
            "family code too long",
            NewEntry {
                family_code: Some(MARKERS.concat()),
                ..Default::default()
            },
        ),
        (
            "tag with a comma",
            NewEntry {
                tags: vec![format!("{},{}", MARKERS[0], MARKERS[1])],
                ..Default::default()
            },
        ),
        (
            "title too long",
            NewEntry {
                title: Some(MARKERS[0].repeat(30)),
                ..Default::default()
            },
        ),
        (
            "scale answer 11",
            NewEntry {
                answers: vec![PromptAnswer {
                    prompt_id: "carrying".into(),
                    prompt: String::new(),
                    value: AnswerValue::Scale(11),
                }],
                ..Default::default()
            },
        ),
        (
            "prompt id with a space",
            NewEntry {
                answers: vec![PromptAnswer {
                    prompt_id: format!("{} {}", MARKERS[0], MARKERS[1]),
                    prompt: String::new(),
                    value: AnswerValue::Text(text()),
                }],
                ..Default::default()
            },
        ),
    ];
    for (what, mut bad) in bad_entries {
        // Journal text alongside the bad field, which the message must not repeat.
        bad.body = text();
        if bad.title.is_none() {
            bad.title = Some(text());
        }
        let err = journal
            .add(bad, now)
            .map(|_| ())
            .expect_err(&format!("{what} was accepted"));
        assert_error(&err, ErrorCode::InvalidInput);
        assert_eq!(journal.len(), 3, "{what}: an entry appeared in memory");
        assert_eq!(stored_records(&journal), 3, "{what}: a record was written");
    }

    let bad_changes = [
        (
            "carrying rating 11",
            EntryChange {
                carrying: Some(Some(11)),
                body: Some(text()),
                ..Default::default()
            },
        ),
        (
            "family code with a space",
            EntryChange {
                family_code: Some(Some(format!("{} {}", MARKERS[0], MARKERS[1]))),
                ..Default::default()
            },
        ),
    ];
    for (what, change) in bad_changes {
        let err = journal
            .edit(&existing.id, change, now)
            .map(|_| ())
            .expect_err(&format!("an edit with {what} was accepted"));
        assert_error(&err, ErrorCode::InvalidInput);
        assert_eq!(
            journal.get(&existing.id).unwrap(),
            existing,
            "{what}: a refused edit changed the entry"
        );
    }
    assert_eq!(stored_records(&journal), 3);
    journal.lock();

    assert_eq!(
        snapshot(&dir),
        before,
        "a refused change wrote to the journal"
    );
    // And after reopening, everything is as it was.
    let journal = open_journal(&dir, PASSPHRASE);
    assert_eq!(journal.get(&existing.id).unwrap(), existing);
    assert_eq!(journal.len(), 3);
}
