//! Schema versions: a journal written by every earlier schema opens in this build (with
//! its passphrase and with its recovery key), and a journal from a newer Attune is
//! refused untouched.
//!
//! Fixtures live in `tests/fixtures/schema-vN/` (made by `examples/make_fixture.rs`);
//! each README.md names the passphrase and recovery key.

// Test code, helpers included: a failed step should stop the test where it happened.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::*;
use attune::crypto::{Passphrase, RecoveryKey};
use attune::journal::Journal;
use attune::store::{CURRENT_VERSION, DB_FILE};
use attune::vault::Vault;
use attune::ErrorCode;

/// The titles every fixture's three entries carry.
const FIXTURE_TITLES: [&str; 3] = [
    "Fixture entry one",
    "Fixture entry three",
    "Fixture entry two",
];

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Every `schema-vN` fixture folder, by version.
fn fixtures() -> Vec<(u32, PathBuf)> {
    let mut out: Vec<(u32, PathBuf)> = fs::read_dir(fixtures_root())
        .expect("tests/fixtures exists")
        .map(|item| item.unwrap().path())
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?;
            let version = name.strip_prefix("schema-v")?.parse().ok()?;
            Some((version, path))
        })
        .collect();
    out.sort();
    out
}

/// The value after `- {label}:` in the fixture's README, between backticks.
fn readme_value(fixture: &Path, label: &str) -> String {
    let readme = fs::read_to_string(fixture.join("README.md")).expect("fixture README.md");
    let prefix = format!("- {label}: `");
    let line = readme
        .lines()
        .find_map(|line| line.trim().strip_prefix(prefix.as_str()))
        .unwrap_or_else(|| panic!("{}: no {label:?} line", fixture.display()));
    line.split('`').next().unwrap().to_string()
}

/// The schema version in a SQLite file's header (`user_version`, bytes 60..64), read
/// without opening the file with SQLite.
fn header_user_version(db: &Path) -> u32 {
    let bytes = fs::read(db).unwrap();
    u32::from_be_bytes(bytes[60..64].try_into().unwrap())
}

/// A private copy of a fixture's journal file, in a fresh folder.
fn copy_fixture(fixture: &Path) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    fs::create_dir(&dir).unwrap();
    fs::copy(fixture.join(DB_FILE), dir.join(DB_FILE)).unwrap();
    (tmp, dir)
}

fn sorted_titles(journal: &Journal) -> Vec<String> {
    let mut titles: Vec<String> = journal
        .entries()
        .unwrap()
        .iter()
        .map(|e| e.title.clone().unwrap_or_default())
        .collect();
    titles.sort();
    titles
}

fn assert_fixture_entries(journal: &Journal, what: &str) {
    assert!(journal.damaged().is_empty(), "{what}: damaged records");
    assert_eq!(sorted_titles(journal), FIXTURE_TITLES, "{what}: titles");
    let report = attune::verify::journal(journal).unwrap();
    assert!(report.is_sound(), "{what}: {report:?}");
    assert_eq!(report.records_checked, 3, "{what}");
    assert_eq!(
        journal.vault().store().schema_version().unwrap(),
        CURRENT_VERSION,
        "{what}: migrated to the current schema"
    );
}

#[test]
fn there_is_a_fixture_for_every_schema_version() {
    let found: Vec<u32> = fixtures().iter().map(|(v, _)| *v).collect();
    let wanted: Vec<u32> = (1..=CURRENT_VERSION).collect();
    assert_eq!(
        found, wanted,
        "add tests/fixtures/schema-v{CURRENT_VERSION} with examples/make_fixture.rs"
    );
    for (version, fixture) in fixtures() {
        let db = fixture.join(DB_FILE);
        assert_eq!(header_user_version(&db), version, "{}", db.display());
        for leftover in ["-wal", "-shm"] {
            let path = fixture.join(format!("{DB_FILE}{leftover}"));
            assert!(!path.exists(), "{} must not be committed", path.display());
        }
        assert_eq!(
            readme_value(&fixture, "Passphrase"),
            format!("fixture passphrase v{version}")
        );
    }
}

#[test]
fn every_fixture_opens_with_its_passphrase_and_reads_its_entries() {
    for (version, fixture) in fixtures() {
        let what = format!("schema v{version} by passphrase");
        let committed = fs::read(fixture.join(DB_FILE)).unwrap();
        let (_tmp, dir) = copy_fixture(&fixture);
        let pass = readme_value(&fixture, "Passphrase");

        assert_eq!(
            code_of(Vault::unlock(
                &dir,
                &Passphrase::new("not the fixture passphrase")
            )),
            ErrorCode::WrongSecret,
            "{what}"
        );
        let journal = open_journal(&dir, &pass);
        assert_fixture_entries(&journal, &what);
        let edited = journal
            .entries()
            .unwrap()
            .iter()
            .find(|e| e.title.as_deref() == Some("Fixture entry three"))
            .cloned()
            .unwrap();
        assert_eq!(edited.revision, 2, "{what}");
        journal.lock();

        // Migrated once, it opens again the same way.
        let journal = open_journal(&dir, &pass);
        assert_fixture_entries(&journal, &format!("{what}, reopened"));
        journal.lock();

        assert_eq!(
            fs::read(fixture.join(DB_FILE)).unwrap(),
            committed,
            "{what}: the committed fixture is untouched"
        );
    }
}

#[test]
fn every_fixture_opens_with_its_recovery_key() {
    for (version, fixture) in fixtures() {
        let what = format!("schema v{version} by recovery key");
        let (_tmp, dir) = copy_fixture(&fixture);
        let recovery = RecoveryKey::parse(&readme_value(&fixture, "Recovery key")).unwrap();

        let new_pass = "a new passphrase after recovery";
        let (vault, _fresh) = Vault::recover(
            &dir,
            &recovery,
            &Passphrase::new(new_pass),
            attune::vault::KdfChoice::TestFast,
        )
        .unwrap_or_else(|e| panic!("{what}: {e:?}"));
        assert_fixture_entries(&Journal::load(vault, now()).unwrap(), &what);

        assert_fixture_entries(
            &open_journal(&dir, new_pass),
            &format!("{what}, new passphrase"),
        );
    }
}

#[test]
fn a_journal_from_a_newer_version_is_refused_and_left_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, recovery) = create_journal(&dir);
    add_sample_entries(&mut journal, 2);
    journal.lock();

    let newer = CURRENT_VERSION + 1;
    db(&dir).pragma_update(None, "user_version", newer).unwrap();
    assert_eq!(header_user_version(&db_path(&dir)), newer);
    let before = snapshot(&dir);

    let err = Vault::unlock(&dir, &passphrase()).unwrap_err();
    assert_eq!(err.code, ErrorCode::NewerVersion);
    assert_same_files(&before, &snapshot(&dir), "after unlock");

    // The version is checked before any secret: a wrong one gets the same answer.
    assert_eq!(
        code_of(Vault::unlock(
            &dir,
            &Passphrase::new("not the passphrase at all")
        )),
        ErrorCode::NewerVersion
    );
    assert_eq!(
        code_of(Vault::recover(
            &dir,
            &recovery,
            &Passphrase::new("a new passphrase here"),
            attune::vault::KdfChoice::TestFast
        )),
        ErrorCode::NewerVersion
    );
    assert_same_files(&before, &snapshot(&dir), "after recover");

    // Back at the current version, the same file opens.
    db(&dir)
        .pragma_update(None, "user_version", CURRENT_VERSION)
        .unwrap();
    assert_eq!(open_journal(&dir, PASSPHRASE).len(), 2);
}

/// A journal written before the page-cut padding keeps its 4 KiB pages and its
/// version-1 (power-of-two) records; a record saved now is written as version 2 beside
/// them, and every one of them still reads.
#[test]
fn older_records_open_beside_records_written_now() {
    let (_tmp, dir) = copy_fixture(&fixtures_root().join("schema-v1"));
    let pass = readme_value(&fixtures_root().join("schema-v1"), "Passphrase");
    let mut journal = open_journal(&dir, &pass);
    assert_eq!(journal.vault().store().page_size().unwrap(), 4096);
    let versions = |journal: &Journal| -> Vec<u8> {
        let (rows, _) = journal
            .vault()
            .store()
            .records(attune::store::Table::Entries)
            .unwrap();
        let mut v: Vec<u8> = rows.iter().map(|r| r.envelope[0]).collect();
        v.sort();
        v
    };
    assert_eq!(
        versions(&journal),
        [1, 1, 1],
        "the fixture predates version 2"
    );
    let id = journal
        .entries()
        .unwrap()
        .iter()
        .find(|e| e.title.as_deref() == Some("Fixture entry one"))
        .unwrap()
        .id;
    journal
        .edit(
            &id,
            attune::journal::EntryChange {
                body: Some("Rewritten now, in a version-2 envelope.".into()),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    let added = journal
        .add(
            attune::journal::NewEntry {
                title: Some("Added now".into()),
                body: "A new one.".into(),
                ..Default::default()
            },
            now(),
        )
        .unwrap()
        .id;
    assert_eq!(versions(&journal), [1, 1, 2, 2]);
    journal.lock();

    let journal = open_journal(&dir, &pass);
    assert!(journal.damaged().is_empty());
    assert_eq!(journal.len(), 4);
    assert_eq!(
        journal.get(&id).unwrap().body,
        "Rewritten now, in a version-2 envelope."
    );
    assert!(journal.get(&added).is_ok());
    assert_eq!(journal.vault().store().page_size().unwrap(), 4096);
    assert!(attune::verify::journal(&journal).unwrap().is_sound());
}

/// A journal made now has 16 KiB pages, the size its records' padding is cut to.
#[test]
fn new_journals_have_the_page_size_the_padding_is_cut_to() {
    let tmp = tempfile::tempdir().unwrap();
    let (vault, _) = Vault::create(
        tmp.path(),
        &Passphrase::new("page size passphrase"),
        attune::vault::KdfChoice::TestFast,
    )
    .unwrap();
    assert_eq!(vault.store().page_size().unwrap(), 16_384);
    assert_eq!(attune::crypto::PAGE_SIZE, 16_384);
}
