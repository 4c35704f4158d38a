//! Setup shared by the fuzz targets: seed inputs and a throwaway journal. Everything
//! here runs once per process, before fuzzing starts, so it panics on failure (a fuzz
//! run without its setup is meaningless).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use attune::crypto::Passphrase;
use attune::journal::Journal;
use attune::vault::{KdfChoice, Vault};

/// Write `seeds` (file name, bytes) into `fuzz/corpus/<target>/` when that folder holds
/// no input yet. Called from a target's `init`, which libFuzzer runs before it reads the
/// corpus, so a first run starts from real, valid inputs instead of searching for a
/// checksum or a SQLite header byte by byte. Only the default corpus folder (the one
/// `cargo fuzz run` and `scripts/fuzz.sh` use) is seeded.
pub fn seed_corpus(target: &str, seeds: impl FnOnce() -> Vec<(&'static str, Vec<u8>)>) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(target);
    let empty = std::fs::read_dir(&dir)
        .map(|mut d| d.next().is_none())
        .unwrap_or(true);
    if empty {
        std::fs::create_dir_all(&dir).expect("create the corpus folder");
        for (name, bytes) in seeds() {
            std::fs::write(dir.join(name), bytes).expect("write a seed input");
        }
    }
}

/// A new, empty journal in `<temp>/attune-fuzz-<tag>-<pid>` (one per process, replaced
/// if a dead process with the same id left one), with the weak test key derivation.
/// `scripts/fuzz.sh` points the temporary folder at one it removes when it ends.
pub fn temp_journal(tag: &str) -> (PathBuf, Journal) {
    let dir = std::env::temp_dir().join(format!("attune-fuzz-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create the journal folder");
    let passphrase = Passphrase::new("fuzz passphrase 1234");
    let (vault, _recovery) =
        Vault::create(&dir, &passphrase, KdfChoice::TestFast).expect("create a journal");
    let journal = Journal::load(vault, chrono::Utc::now()).expect("load the journal");
    (dir, journal)
}
