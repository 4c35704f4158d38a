//! The integration tests that run programs: the `attune` binary (directly, under strace,
//! on a tiny disk or under a file-size limit) and Debian's `age` tools.
//!
//! They live apart from `tests/it/` because a child process holds a copy of its
//! parent's open files until it has loaded its program, journal locks included: started
//! beside tests that close and reopen journals in-process, it makes them see a busy
//! journal. The tests here open journals through the binary and start every child
//! through `support::cli::start_child`; the two CLI tests that also keep one open in
//! this process take `support::cli::holding_journal` first, so meanwhile no other test
//! starts a child.

// This binary uses only part of the shared helpers.
#[allow(dead_code, unused_imports)]
#[path = "../it/support/mod.rs"]
mod support;

mod age_interop;
mod cli;
mod cli_endorsement;
mod cli_exchange;
mod cli_import;
mod cli_loop;
mod cli_session;
mod disk_full;
mod no_network;
#[cfg(feature = "print")]
mod print;
