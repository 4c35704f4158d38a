//! The integration tests that run inside this one process, linked once (like cargo's own
//! `tests/testsuite`): one module per area, with the helpers they share in [`support`].
//!
//! Nothing here may start a child process. A child holds a copy of this process's open
//! files until it has loaded its program, and with it the lock of any journal another
//! test has open at that moment; a test that closes and reopens its journal meanwhile is
//! told the journal is busy. Tests that run programs live in `tests/processes/`.

mod support;

mod api;
mod backup;
mod bad_input;
mod canary;
mod checkins;
mod confirmations;
mod deid;
mod endorsement;
mod exchange;
mod exchange_api;
mod exchange_folders;
mod import;
mod index;
mod journal;
mod migrations;
mod packets;
#[cfg(feature = "print")]
mod print;
mod prompt_packs;
mod prompts;
mod sessions;
mod supervision_loop;
mod tamper;
mod vault;
