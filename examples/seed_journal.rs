//! Write a journal of generated entries for measuring the desktop app
//! (`scripts/app-figures.sh`). Uses the fast test key derivation and the benchmark
//! passphrase, so it must never be used for real reflections.
//!
//! ```sh
//! cargo run --release --example seed_journal -- DIR [COUNT]   # default 10000
//! ```

#[path = "../benches/support/mod.rs"]
mod support;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: seed_journal DIR [COUNT]");
        return ExitCode::from(2);
    };
    let count = match args.next().map(|c| c.parse::<usize>()) {
        None => 10_000,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("COUNT is a whole number");
            return ExitCode::from(2);
        }
    };
    match support::build_journal(&dir, count, 7) {
        Ok(built) => {
            println!(
                "seeded {count} entries in {} in {:.1} s (passphrase: {:?})",
                dir.display(),
                built.took.as_secs_f64(),
                support::PASSPHRASE
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("could not seed the journal: {}", e.message);
            ExitCode::FAILURE
        }
    }
}
