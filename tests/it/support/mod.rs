//! Helpers shared by the integration tests: journals in temporary folders, two journals
//! that know each other, packets, files compared byte for byte, raw SQLite access for
//! tampering, and the `attune` binary run as a person would. The binary in
//! `tests/processes/` borrows this module through `#[path]`.
//!
//! Every journal here uses the weak test key derivation, so a whole test file runs in
//! seconds. Files are compared and scanned byte for byte, never through the library.

// Test code: a failed step should stop the test where it happened.
#![allow(clippy::unwrap_used, clippy::expect_used)]

// Only the binary in tests/processes runs programs; tests/it must not (see its main.rs).
#[allow(dead_code)]
pub mod cli;
pub mod exchange;
pub mod files;
pub mod hostile;
pub mod journal;
pub mod packets;
pub mod sqlite;

pub use exchange::*;
pub use files::*;
pub use journal::*;
pub use sqlite::*;

/// Lowercase hex, as the journal writes record ids.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
