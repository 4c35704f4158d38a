//! Backups: consistent encrypted copies, written so that a failure leaves older copies
//! and the journal as they were; restore into a new folder or in place; rotation. (The
//! full-disk case runs the real binary, in tests/processes/disk_full.rs: a test that
//! forks here could hold a journal lock across its fork while another test reopens the
//! journal.)

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::Path;

use crate::support::*;
use attune::crypto::Passphrase;
use attune::store::backup::{
    back_up_into, backup_file_name, list_backups, read_backup_image, restore_into, rotate, to_keep,
    write_durably, Rotation,
};
use attune::store::Store;
use attune::vault::Vault;
use attune::ErrorCode;
use chrono::{Duration, NaiveDate, TimeZone, Utc};

const MARKERS: [&str; 2] = ["OspreyBackupCanary", "LanternBackupCanary"];

fn journal_with_entries(dir: &Path) -> (attune::journal::Journal, attune::crypto::RecoveryKey) {
    let (mut journal, key) = create_journal(dir);
    add_sample_entries(&mut journal, 5);
    let mut marked = sample_entry(99);
    marked.title = Some(MARKERS[0].into());
    marked.body = format!("The visit where {} happened.", MARKERS[1]);
    journal.add(marked, now()).unwrap();
    (journal, key)
}

#[test]
fn a_backup_restored_elsewhere_opens_with_the_passphrase_and_the_recovery_key() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (journal, key) = journal_with_entries(&dir);
    let before = entries_by_id(&journal);
    let folder = tmp.path().join("usb");
    std::fs::create_dir(&folder).unwrap();
    let file = back_up_into(journal.vault().store(), &folder, now()).unwrap();
    drop(journal);

    // Plaintext is nowhere in the backup.
    let bytes = std::fs::read(&file).unwrap();
    for m in MARKERS {
        assert!(
            !contains(&bytes, m.as_bytes()),
            "{m} readable in the backup"
        );
    }

    let elsewhere = tmp.path().join("new-laptop").join("attune");
    restore_into(&elsewhere, &file).unwrap();
    let restored = open_journal(&elsewhere, PASSPHRASE);
    assert_eq!(entries_by_id(&restored), before);
    drop(restored);
    let (vault, _fresh_key) = Vault::recover(
        &elsewhere,
        &key,
        &Passphrase::new("a new passphrase here"),
        attune::vault::KdfChoice::TestFast,
    )
    .unwrap();
    assert_eq!(
        attune::journal::Journal::load(vault, now()).unwrap().len(),
        before.len()
    );

    // A folder that already holds a journal is refused and left alone.
    let snap = snapshot(&dir);
    assert_eq!(code_of(restore_into(&dir, &file)), ErrorCode::JournalExists);
    assert_same_files(&snap, &snapshot(&dir), "restore over an existing journal");
}

#[test]
fn a_writer_that_fails_halfway_leaves_older_backups_and_the_journal_intact() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (journal, _) = journal_with_entries(&dir);
    let folder = tmp.path().join("backups");
    std::fs::create_dir(&folder).unwrap();
    let first = back_up_into(journal.vault().store(), &folder, now()).unwrap();
    let first_bytes = std::fs::read(&first).unwrap();
    let journal_files = snapshot(&dir);

    let image = journal.vault().store().snapshot().unwrap();
    for cut in [0usize, 1, 4096, image.len() / 2, image.len() - 1] {
        // Same name as the first backup: a failed overwrite must leave it whole.
        let result = write_durably(&first, &image, |file, bytes| {
            file.write_all(&bytes[..cut])?;
            Err(std::io::Error::other("injected failure"))
        });
        assert_eq!(code_of(result), ErrorCode::Unwritable, "cut at {cut}");
        assert_eq!(std::fs::read(&first).unwrap(), first_bytes, "cut at {cut}");
        let names: Vec<_> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "no partial file left behind (cut at {cut})");
    }
    assert_same_files(&journal_files, &snapshot(&dir), "failed backups");
}

#[test]
fn a_damaged_or_future_backup_is_refused_without_touching_the_journal() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (journal, _) = journal_with_entries(&dir);
    let good = tmp.path().join("good.attune");
    let image = journal.vault().store().snapshot().unwrap();
    std::fs::write(&good, &image).unwrap();
    drop(journal);
    let snap = snapshot(&dir);

    let mut damaged = image.clone();
    // The start of the middle page (its b-tree header and cells), whatever the page
    // size (bytes 16-17 of the SQLite header).
    let page = usize::from(u16::from_be_bytes([image[16], image[17]]));
    let mid = (damaged.len() / 2) / page * page;
    for b in &mut damaged[mid..mid + 4096] {
        *b ^= 0x5a;
    }
    let bad = tmp.path().join("bad.attune");
    std::fs::write(&bad, &damaged).unwrap();
    let not_sqlite = tmp.path().join("notes.txt");
    std::fs::write(&not_sqlite, b"just some text").unwrap();
    for file in [&bad, &not_sqlite] {
        assert_eq!(code_of(read_backup_image(file)), ErrorCode::DamagedJournal);
        let store = Store::open(&dir).unwrap();
        let result = store.replace_with_backup(file, &tmp.path().join("kept"), now());
        assert_eq!(code_of(result), ErrorCode::DamagedJournal);
        assert_same_files(&snap, &snapshot(&dir), "refused restore");
    }

    // A backup from a newer format.
    let future = tmp.path().join("future.attune");
    std::fs::write(&future, &image).unwrap();
    {
        let conn = rusqlite::Connection::open(&future).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    assert_eq!(code_of(read_backup_image(&future)), ErrorCode::NewerVersion);

    // verify --backup: the good one is sound, the damaged one refused.
    let pass = attune::api::SecretText::new(PASSPHRASE);
    assert!(attune::api::backups::verify_backup(&good, &pass)
        .unwrap()
        .is_sound());
    assert_eq!(
        code_of(attune::api::backups::verify_backup(&bad, &pass)),
        ErrorCode::DamagedJournal
    );
    assert_eq!(
        code_of(attune::api::backups::verify_backup(
            &good,
            &attune::api::SecretText::new("not the passphrase")
        )),
        ErrorCode::WrongSecret
    );
}

#[test]
fn restoring_in_place_keeps_the_current_journal_aside_first() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = journal_with_entries(&dir);
    let old = tmp.path().join("old.attune");
    std::fs::write(&old, journal.vault().store().snapshot().unwrap()).unwrap();
    add_sample_entries(&mut journal, 3);
    let newer = entries_by_id(&journal);
    drop(journal);

    let store = Store::open(&dir).unwrap();
    let kept = store
        .replace_with_backup(&old, &dir.join("kept-before-restore"), now())
        .unwrap();
    assert_eq!(
        open_journal(&dir, PASSPHRASE).len(),
        6,
        "the backup's entries"
    );
    // The journal as it was is kept and restores whole.
    let back = tmp.path().join("back");
    restore_into(&back, &kept).unwrap();
    assert_eq!(entries_by_id(&open_journal(&back, PASSPHRASE)), newer);
}

#[test]
fn rotation_keeps_exactly_the_policy_over_a_simulated_year() {
    // One backup a day at 09:00 and 17:00 for a year.
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let mut taken = Vec::new();
    for day in 0..365 {
        let d = start + Duration::days(day);
        taken.push(d.and_hms_opt(9, 0, 0).unwrap());
        taken.push(d.and_hms_opt(17, 0, 0).unwrap());
    }
    let policy = Rotation {
        daily: 7,
        weekly: 4,
        monthly: 12,
    };
    let kept: Vec<_> = to_keep(&taken, policy)
        .into_iter()
        .map(|i| taken[i])
        .collect();
    let last = *taken.last().unwrap();
    // The newest of each of the last 7 days.
    for back in 0..7 {
        let d = last.date() - Duration::days(back);
        assert!(kept.contains(&d.and_hms_opt(17, 0, 0).unwrap()), "day {d}");
        assert!(
            !kept.contains(&d.and_hms_opt(9, 0, 0).unwrap()),
            "only the newest of {d}"
        );
    }
    // The newest of each of 12 months: every month of the year has its last day's 17:00.
    for month in 1..=12 {
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(2027, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(2026, month + 1, 1)
        }
        .unwrap();
        let last_day = next - Duration::days(1);
        assert!(
            kept.contains(&last_day.and_hms_opt(17, 0, 0).unwrap()),
            "month {month}"
        );
    }
    // Nothing else: 7 days + up to 4 weeks + 12 months, overlapping.
    assert!(
        kept.len() <= 7 + 4 + 12 && kept.len() >= 12,
        "{}",
        kept.len()
    );
    let expected: std::collections::BTreeSet<_> = kept.iter().collect();
    assert_eq!(expected.len(), kept.len());

    // On disk: rotate() deletes exactly the others.
    let tmp = tempfile::tempdir().unwrap();
    for t in taken.iter().rev().take(40) {
        let name = backup_file_name(Utc.from_utc_datetime(t));
        std::fs::write(tmp.path().join(name), b"x").unwrap();
    }
    std::fs::write(tmp.path().join("unrelated.txt"), b"kept").unwrap();
    let removed = rotate(tmp.path(), policy).unwrap();
    let left = list_backups(tmp.path()).unwrap();
    assert_eq!(removed + left.len(), 40);
    let recent: Vec<_> = taken.iter().rev().take(40).copied().collect();
    let should: std::collections::BTreeSet<_> = to_keep(&recent, policy)
        .into_iter()
        .map(|i| recent[i])
        .collect();
    let have: std::collections::BTreeSet<_> = left.iter().map(|b| b.taken_at).collect();
    assert_eq!(have, should);
    assert!(
        tmp.path().join("unrelated.txt").exists(),
        "other files are never touched"
    );
}

#[test]
fn a_missing_backup_folder_is_a_clear_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (journal, _) = journal_with_entries(&dir);
    let err = back_up_into(
        journal.vault().store(),
        &tmp.path().join("unplugged-usb"),
        now(),
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::Unwritable);
    assert!(
        err.message.contains("Your journal is fine"),
        "{}",
        err.message
    );
}

#[test]
fn a_backup_carries_everything_the_journal_holds_to_another_computer() {
    use attune::journal::checkin::{CheckinAnswer, NewCheckin, TrendsRequest};
    use attune::journal::sessions::{SessionFormat, SessionInput, SessionRole};
    use attune::prompts::PackRequest;
    let tmp = tempfile::tempdir().unwrap();
    let (da, db) = (tmp.path().join("supervisee"), tmp.path().join("supervisor"));
    let (mut a, _) = create_journal(&da);
    let (mut b, _) = create_journal(&db);

    // Entries, a check-in, a custom pack, a supervision session, settings.
    let e = a.add(sample_entry(1), now()).unwrap().id;
    a.save_checkin(
        NewCheckin {
            answers: vec![CheckinAnswer {
                item_id: "sleep".into(),
                value: 4,
            }],
            note: Some("a long week".into()),
        },
        now(),
    )
    .unwrap();
    let pack = a
        .duplicate_pack(&PackRequest {
            id: "quick-reflection".into(),
            version: None,
        })
        .unwrap();
    a.save_session(
        SessionInput {
            id: None,
            date: now().date_naive(),
            minutes: 60,
            format: SessionFormat::Individual,
            with_whom: "my supervisor".into(),
            role: SessionRole::default(),
            entries_discussed: vec![e],
            notes: None,
            details: Default::default(),
        },
        now(),
    )
    .unwrap();
    // Identity, a confirmed contact, a shared entry and a feedback thread.
    let (sam, alex) = pair(&mut a, &mut b);
    Exchange::new(&mut a).share(&sam, &[e]).unwrap();
    Exchange::new(&mut b)
        .import_packet(&Exchange::new(&mut a).write_share_packet(&sam).unwrap())
        .unwrap();
    Exchange::new(&mut b)
        .write_response(
            &alex,
            &e.to_hex(),
            attune::share::exchange::ResponseParts {
                heard: "I heard care.",
                wonder: "",
                stays: "",
                ..Default::default()
            },
        )
        .unwrap();
    Exchange::new(&mut a)
        .import_packet(&Exchange::new(&mut b).write_feedback_packet(&alex).unwrap())
        .unwrap();
    let identity = Exchange::new(&mut a).identity_show().unwrap();

    let folder = tmp.path().join("usb");
    std::fs::create_dir(&folder).unwrap();
    let file = back_up_into(a.vault().store(), &folder, now()).unwrap();
    drop(a);

    let elsewhere = tmp.path().join("new-laptop");
    restore_into(&elsewhere, &file).unwrap();
    let mut r = open_journal(&elsewhere, PASSPHRASE);
    assert_eq!(r.len(), 1);
    let checkins = r
        .checkins_since(&TrendsRequest { weeks: 0 }, now())
        .unwrap();
    assert_eq!(checkins[0].note.as_deref(), Some("a long week"));
    assert!(r.custom_packs().unwrap().iter().any(|p| p.id == pack.id));
    assert_eq!(r.sessions().len(), 1);
    assert_eq!(
        Exchange::new(&mut r).identity_show().unwrap().signing_key,
        identity.signing_key
    );
    let contacts = Exchange::new(&mut r).contacts().unwrap();
    assert!(contacts.iter().any(|c| c.name == "Sam" && c.confirmed));
    assert_eq!(
        Exchange::new(&mut r).share_status(&sam).unwrap().shared[0].entry_id,
        e
    );
    assert_eq!(
        Exchange::new(&mut r).feedback_for(Some(&e)).unwrap()[0].heard,
        "I heard care."
    );
    // The exchange carries on from the new computer: a new packet is accepted.
    Exchange::new(&mut r).share(&sam, &[e]).unwrap();
    Exchange::new(&mut b)
        .import_packet(&Exchange::new(&mut r).write_share_packet(&sam).unwrap())
        .unwrap();
}

#[test]
fn sql_planted_in_a_backup_or_a_journal_is_refused_before_it_can_run() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (journal, _key) = journal_with_entries(&dir);
    let folder = tmp.path().join("usb");
    std::fs::create_dir(&folder).unwrap();
    let file = back_up_into(journal.vault().store(), &folder, now()).unwrap();
    drop(journal);

    // A trigger that would fire on the next write, planted in the backup file.
    let planted = tmp.path().join("planted.attune");
    std::fs::copy(&file, &planted).unwrap();
    {
        let conn = rusqlite::Connection::open(&planted).unwrap();
        conn.execute_batch(
            "CREATE TRIGGER leak AFTER INSERT ON records BEGIN DELETE FROM records; END;",
        )
        .unwrap();
    }
    assert_eq!(
        code_of(read_backup_image(&planted)),
        ErrorCode::DamagedJournal
    );
    let target = tmp.path().join("restored");
    assert_eq!(
        code_of(restore_into(&target, &planted)),
        ErrorCode::DamagedJournal
    );
    assert!(!target.join("journal.sqlite3").exists());
    assert_eq!(
        code_of(attune::api::backups::verify_backup(
            &planted,
            &attune::api::SecretText::new(PASSPHRASE)
        )),
        ErrorCode::DamagedJournal
    );
    // The clean backup still passes the same checks.
    assert!(read_backup_image(&file).is_ok());

    // A view planted in the journal itself: the journal no longer opens.
    db(&dir)
        .execute_batch("CREATE VIEW peek AS SELECT * FROM records;")
        .unwrap();
    assert_eq!(
        code_of(Vault::unlock(&dir, &passphrase())),
        ErrorCode::DamagedJournal
    );
}
