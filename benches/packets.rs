//! How long a hostile packet takes to be refused: an age header stuffed with X25519
//! stanzas for nobody, up to the 16 MiB packet cap (security review item 2: age's own
//! parser once took minutes on 98 KB of them).
//!
//! Run with `cargo bench --bench packets`. The figures go to docs/benchmarks.md.

#![allow(
    clippy::expect_used,
    reason = "a benchmark that cannot set up should stop loudly"
)]

use attune::crypto::{AgeIdentity, SigningKey};
use attune::share::{open_packet, MAX_PACKET_BYTES};
use criterion::{criterion_group, criterion_main, Criterion};

#[path = "../tests/it/support/hostile.rs"]
mod hostile;

use hostile::stanza_stuffed;

fn hostile_packets(c: &mut Criterion) {
    let me = AgeIdentity::generate();
    let sender = SigningKey::generate().expect("signing key");
    let mut group = c.benchmark_group("refuse_stanza_stuffed_packet");
    group.sample_size(20);
    for size in [100 * 1024, 1024 * 1024, MAX_PACKET_BYTES] {
        let packet = stanza_stuffed(size);
        group.bench_function(format!("{} KiB", size / 1024), |b| {
            b.iter(|| {
                let refused = open_packet(&packet, &me, &[sender.public_key()]);
                assert!(refused.is_err(), "a stuffed header must be refused");
            })
        });
    }
    group.finish();
}

criterion_group!(benches, hostile_packets);
criterion_main!(benches);
