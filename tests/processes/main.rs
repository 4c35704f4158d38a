//! The integration tests that run programs: the `attune` binary (directly, under strace,
//! on a tiny disk or under a file-size limit) and Debian's `age` tools.
//!
//! They live apart from `tests/it/` because a child process briefly holds a copy of its
//! parent's open files, journal locks included: started beside tests that close and
//! reopen journals in-process, it makes them see a busy journal. These tests keep their
//! journals in the child processes, so they can share this binary with each other.

// This binary uses only part of the shared helpers.
#[allow(dead_code, unused_imports)]
#[path = "../it/support/mod.rs"]
mod support;

mod age_interop;
mod cli;
mod cli_exchange;
mod disk_full;
mod no_network;
