//! How long importing a jrnl journal of 10,000 entries takes: reading and checking it
//! (the preview), then the import itself (every entry checked, encrypted and written in
//! one transaction, fsynced). Prints the figures and the machine's load; the import's
//! figure is quoted in docs/benchmarks.md.
//!
//! ```sh
//! cargo run --release --example import_bench -- [ENTRIES]    # default: 10000
//! ```
//!
//! The jrnl text is generated with the benchmarks' prose (`benches/support/mod.rs`:
//! 200 to 300 words an entry, one to three tags), written to a temporary folder with a
//! new journal (fast test key derivation); both go when it ends. Every figure is
//! measured; nothing is estimated. No timed assertion anywhere: this only prints.

#[path = "../benches/support/mod.rs"]
mod support;

use std::error::Error;
use std::fmt::Write as _;
use std::time::Instant;

use attune::api::{self, ImportOptions};
use attune::journal::Journal;
use attune::vault::{KdfChoice, Vault};

fn main() -> Result<(), Box<dyn Error>> {
    let count: usize = match std::env::args().nth(1) {
        Some(n) => n.parse()?,
        None => 10_000,
    };
    let tmp = tempfile::TempDir::new()?;
    let source = tmp.path().join("journal.txt");
    let mut rng = support::Rng::new(16);
    let mut text = String::new();
    for i in 0..count {
        let (entry, written) = support::entry(&mut rng, i);
        let tags: Vec<String> = entry
            .tags
            .iter()
            .map(|t| format!("@{}", t.replace(' ', "-")))
            .collect();
        writeln!(
            text,
            "[{}] {}\n{}\n{}\n",
            written.format("%Y-%m-%d %H:%M"),
            entry.title.as_deref().unwrap_or("A reflection"),
            entry.body,
            tags.join(" ")
        )?;
    }
    std::fs::write(&source, &text)?;

    let dir = tmp.path().join("journal");
    let (vault, _) = Vault::create(&dir, &support::passphrase(), KdfChoice::TestFast)?;
    let mut journal = Journal::load(vault, chrono::Utc::now())?;
    let options = ImportOptions::default();

    let started = Instant::now();
    let preview = api::import::preview(&journal, &source, &options)?;
    let preview_time = started.elapsed();

    let started = Instant::now();
    let done = api::import::import(&mut journal, &source, &options)?;
    let import_time = started.elapsed();
    drop(journal);

    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "jrnl text: {} entries, {:.1} MB",
        count,
        text.len() as f64 / 1e6
    );
    println!(
        "preview (read, check, de-identification scan): {:.2} s, {} entries",
        preview_time.as_secs_f64(),
        preview.entries
    );
    println!(
        "import (the same, then encrypt and write in one transaction): {:.2} s, {} entries imported",
        import_time.as_secs_f64(),
        done.imported
    );
    println!(
        "load average: {}",
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    Ok(())
}
