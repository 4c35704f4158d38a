//! Benchmarks for the performance budgets in DESIGN.md, on a 10k-entry journal.
//!
//! Run with `cargo bench --bench journal` (a few minutes). The journal is generated once
//! in a temporary folder (see `support`); the operations measured are the ones the
//! budgets name: unlock after key derivation, a durable save, a search for a word in 1%
//! of entries, the first page of the list, and (separately) the real, calibrated key
//! derivation. Also the steps of unlock and the cost of lock, to show where unlock time
//! goes. `examples/scale.rs` covers other sizes, memory and the CLI; results and the
//! machine they came from are in docs/benchmarks.md.

#![allow(
    clippy::expect_used,
    reason = "a benchmark that cannot set up should stop loudly"
)]

mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use attune::crypto::ProtectorKind;
use attune::journal::{Entry, FindRequest, Journal};
use attune::store::{self, Table};
use attune::vault::{KdfChoice, Vault};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, SamplingMode};
use rusqlite::{Connection, OpenFlags};

const ENTRIES: usize = 10_000;

fn unlock(dir: &Path) -> Vault {
    Vault::unlock(dir, &support::passphrase()).expect("unlock the benchmark journal")
}

fn journal_10k(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let built = support::build_journal(dir.path(), ENTRIES, 1).expect("build the journal");
    println!(
        "built {ENTRIES} entries ({} bytes of text each on average) in {:.1} s; journal files: {:.1} MB",
        built.body_bytes / ENTRIES as u64,
        built.took.as_secs_f64(),
        support::dir_size(dir.path()) as f64 / 1e6
    );

    let mut group = c.benchmark_group("unlock_10k");
    group.sample_size(20);
    // Everything after the key derivation: read, decrypt, parse and index every entry.
    // The vault is unlocked (fast test KDF) outside the timed part.
    group.bench_function("load_after_kdf", |b| {
        b.iter_batched(
            || unlock(dir.path()),
            |vault| Journal::load(vault, chrono::Utc::now()).expect("load"),
            BatchSize::PerIteration,
        )
    });
    // The same with the file opened and the (about 1 ms) test KDF inside the timing: an
    // upper bound for the above.
    group.bench_function("open_test_kdf_and_load", |b| {
        b.iter_batched(
            || (),
            |()| Journal::load(unlock(dir.path()), chrono::Utc::now()).expect("load"),
            BatchSize::PerIteration,
        )
    });
    group.finish();

    load_phases(c, dir.path());

    // Lock: zeroize and free every decrypted entry, and drop the key. The CLI pays this
    // on every command.
    let mut group = c.benchmark_group("lock_10k");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(1500));
    group.bench_function("lock", |b| {
        b.iter_custom(|iters| {
            let mut locking = Duration::ZERO;
            for _ in 0..iters {
                let journal = Journal::load(unlock(dir.path()), chrono::Utc::now()).expect("load");
                let started = Instant::now();
                journal.lock();
                locking += started.elapsed();
            }
            locking
        })
    });
    group.finish();

    let mut journal =
        Journal::load(unlock(dir.path()), chrono::Utc::now()).expect("load the journal");
    support::check_loaded(&journal, ENTRIES).expect("whole journal");

    let search = FindRequest {
        text: support::RARE_WORD.to_string(),
        limit: 50,
        ..FindRequest::default()
    };
    let hits = journal.find(&search).expect("search").total;
    println!(
        "\"{}\" is in {hits} of {ENTRIES} entries",
        support::RARE_WORD
    );
    let first_page = FindRequest {
        limit: 50,
        ..FindRequest::default()
    };

    let mut group = c.benchmark_group("journal_10k");
    group.bench_function("search_1pct_word", |b| {
        b.iter(|| journal.find(&search).expect("search"))
    });
    group.bench_function("first_page_50", |b| {
        b.iter(|| journal.find(&first_page).expect("list"))
    });
    // Last, because every iteration adds an entry. Each save is its own SQLite
    // transaction with synchronous=FULL, so this measures the disk's fsync as well.
    let mut rng = support::Rng::new(2);
    group.sample_size(30);
    group.bench_function("save_one_entry_durable", |b| {
        b.iter_batched(
            || support::entry(&mut rng, 0),
            |(input, now)| journal.add(input, now).map(|e| e.id).expect("save"),
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

/// The parts of `load_after_kdf` that can be timed through the public API: reading
/// every record, decrypting them, parsing the JSON inside. What remains of the load is
/// folding the text for search and indexing. Also the records query as `Store::records`
/// runs it next to the same query scanning in rowid order, because SQLite answers the
/// first through the `(tbl, id)` index and then sorts every envelope by `seq`.
fn load_phases(c: &mut Criterion, dir: &Path) {
    const STORED_QUERY: &str =
        "SELECT seq, id, kind, revision, key_id, envelope FROM records WHERE tbl = ?1 ORDER BY seq";
    const ROWID_QUERY: &str = "SELECT seq, id, kind, revision, key_id, envelope FROM records WHERE +tbl = ?1 ORDER BY seq";

    let vault = unlock(dir);
    let (rows, _) = vault.store().records(Table::Entries).expect("records");
    let plaintexts: Vec<_> = rows
        .iter()
        .map(|r| vault.open(Table::Entries, r).expect("decrypt"))
        .collect();
    let mut group = c.benchmark_group("unlock_10k_phases");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("read_records", |b| {
        b.iter_with_large_drop(|| vault.store().records(Table::Entries).expect("records"))
    });
    group.bench_function("decrypt_records", |b| {
        b.iter_with_large_drop(|| {
            rows.iter()
                .map(|r| vault.open(Table::Entries, r).expect("decrypt"))
                .collect::<Vec<_>>()
        })
    });
    group.bench_function("parse_entries", |b| {
        b.iter_with_large_drop(|| {
            plaintexts
                .iter()
                .map(|p| serde_json::from_slice::<Entry>(p).expect("parse"))
                .collect::<Vec<_>>()
        })
    });
    let conn = Connection::open_with_flags(
        dir.join(store::DB_FILE),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .expect("open the database read-only");
    // As the store sets it: SQLite's sorter then works in memory, not in temporary files.
    conn.pragma_update(None, "temp_store", "MEMORY")
        .expect("temp_store");
    for sql in [STORED_QUERY, ROWID_QUERY] {
        let mut stmt = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .expect("plan");
        let plan: Vec<String> = stmt
            .query_map([Table::Entries as u8], |r| r.get(3))
            .expect("plan")
            .collect::<Result<_, _>>()
            .expect("plan");
        println!("query plan of `{sql}`: {}", plan.join("; "));
    }
    for (name, sql) in [
        ("records_query_as_stored", STORED_QUERY),
        ("records_query_rowid_order", ROWID_QUERY),
    ] {
        group.bench_function(name, |b| {
            b.iter_with_large_drop(|| {
                let mut stmt = conn.prepare_cached(sql).expect("prepare");
                stmt.query_map([Table::Entries as u8], |r| r.get::<_, Vec<u8>>(5))
                    .expect("query")
                    .collect::<Result<Vec<_>, _>>()
                    .expect("rows")
            })
        });
    }
    group.finish();
}

fn calibrated_kdf(c: &mut Criterion) {
    // Vault::create runs KdfParams::calibrate, as `attune init` does.
    let dir = tempfile::tempdir().expect("temporary folder");
    let (vault, _recovery) =
        Vault::create(dir.path(), &support::passphrase(), KdfChoice::Calibrated)
            .expect("create a calibrated journal");
    let params = vault
        .store()
        .protectors()
        .expect("protectors")
        .into_iter()
        .find(|(p, _)| p.kind == ProtectorKind::Passphrase)
        .and_then(|(p, _)| p.kdf_params().ok())
        .expect("passphrase protector");
    println!(
        "calibrated Argon2id: m = {} MiB, t = {}, p = {}",
        params.memory_kib / 1024,
        params.iterations,
        params.lanes
    );
    drop(vault);

    let mut group = c.benchmark_group("kdf");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(15));
    // Unlock of an empty journal: almost all of it is the Argon2id derivation.
    group.bench_function("calibrated_unlock", |b| b.iter(|| unlock(dir.path())));
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8));
    targets = journal_10k, calibrated_kdf
}
criterion_main!(benches);
