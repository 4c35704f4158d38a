//! Fuzz opening a backup file (restore and verify start here): `read_backup_image` on
//! arbitrary bytes, written to one fixed temporary file per process. Nothing may panic;
//! a file is either refused as damaged or from a newer version, or accepted and returned
//! exactly as it was read. The corpus is seeded with the image of a real small journal,
//! so mutations reach SQLite's parser and the schema check, not only the magic header.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use attune::journal::NewEntry;
use attune::store::backup::read_backup_image;
use attune::ErrorCode;
use libfuzzer_sys::fuzz_target;

/// The image of a journal holding one entry, as a backup holds it (setup may panic).
fn small_journal_image() -> Vec<u8> {
    let (dir, mut journal) = attune_fuzz::temp_journal("backup-seed");
    let entry = NewEntry {
        body: "A seed entry.".into(),
        ..NewEntry::default()
    };
    journal.add(entry, chrono::Utc::now()).unwrap();
    let image = journal.vault().store().snapshot().unwrap();
    journal.lock();
    let _ = std::fs::remove_dir_all(dir);
    image
}

fn image_file() -> &'static PathBuf {
    static FILE: OnceLock<PathBuf> = OnceLock::new();
    FILE.get_or_init(|| {
        let name = format!("attune-fuzz-backup-{}.attune", std::process::id());
        std::env::temp_dir().join(name)
    })
}

fuzz_target!(
    init: {
        attune_fuzz::seed_corpus("backup_image", || {
            vec![("small-journal", small_journal_image())]
        });
    },
    |data: &[u8]| {
        // Setup, not the code under test: a temp file that cannot be written is fatal.
        std::fs::write(image_file(), data).unwrap();
        match read_backup_image(image_file()) {
            Ok(bytes) => assert_eq!(bytes, data),
            Err(e) => assert!(
                matches!(e.code, ErrorCode::DamagedJournal | ErrorCode::NewerVersion),
                "unexpected refusal: {e:?}"
            ),
        }
    }
);
