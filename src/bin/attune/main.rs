//! `attune`: the command-line front end of the journal.
//!
//! A thin layer over [`attune::api`], the same use-case layer the desktop app calls: it
//! parses arguments ([`cli`]), reads secrets without ever taking them as arguments
//! ([`input`]), prints text or JSON ([`output`]), and maps error codes to the
//! documented exit codes. Each area's commands live in [`commands`].

mod cli;
mod commands;
mod input;
mod output;

use std::io::Write;
use std::process::ExitCode;

use attune::ErrorCode;
use clap::Parser;

fn main() -> ExitCode {
    end_quietly_when_the_reader_stops();
    let cli = cli::Cli::parse();
    let mut input = input::Input::default();
    match commands::run(cli, &mut input) {
        Ok(code) => code,
        Err(err) => {
            let _ = writeln!(std::io::stderr(), "attune: {}", err.message);
            ExitCode::from(exit_code(err.code))
        }
    }
}

/// A reader that stops early (`attune list | head -3`) closes the pipe, and printing then
/// panics: end quietly with 0 instead, as other command-line tools do. Anything the
/// command writes to the journal is committed before its output is printed.
fn end_quietly_when_the_reader_stops() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.starts_with("failed printing to stdout") && message.contains("os error 32") {
            std::process::exit(0);
        }
        default(info);
    }));
}

/// The documented exit codes.
fn exit_code(code: ErrorCode) -> u8 {
    match code {
        ErrorCode::InvalidInput
        | ErrorCode::NotFound
        | ErrorCode::JournalExists
        | ErrorCode::NoJournal
        | ErrorCode::WeakPassphrase
        | ErrorCode::RecoveryKeyMistyped
        | ErrorCode::Unwritable
        | ErrorCode::PacketRefused => 2,
        ErrorCode::DamagedRecords | ErrorCode::DamagedJournal => 3,
        ErrorCode::WrongSecret => 4,
        ErrorCode::JournalBusy
        | ErrorCode::NewerVersion
        | ErrorCode::DiskFull
        | ErrorCode::WriteFailed
        | ErrorCode::Internal => 1,
        // The shell's session has ended (or is not for this journal) and no passphrase
        // could be asked for: run `attune unlock` again.
        ErrorCode::Locked => 5,
    }
}
