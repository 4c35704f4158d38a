//! The de-identification check on a long reflection: the editor scans as the person
//! writes, so `deid::scan` on 20 KB of text should take well under 5 ms.
//!
//! Run with `cargo bench --bench deid` (under a minute). The text is built here from
//! invented sentences (names, places, numbers, accents, an emoji and plain reflection),
//! repeated to 20 KB; the first scan, which loads the word lists, happens before the
//! timing. On a busy machine the wall-clock figures run high: compare the CPU time
//! (`perf stat`) when in doubt.

use std::hint::black_box;
use std::time::{Duration, Instant};

use attune::deid::{scan, AllowList};
use criterion::{criterion_group, criterion_main, Criterion};

const SENTENCES: [&str; 13] = [
    "Destiny cried when I left, and her mom, Shanice, said she always does that now.",
    "Zoë’s abuela sang to her in Spanish — the whole room went quiet 😊.",
    "Visited the Greenleaf Motel again, room 14; the manager is kind to them.",
    "Supervision helped me see the parallel process: I was anxious, so Mom was anxious.",
    "Jaylen was born on June 2nd and spent ten days in the NICU before coming home.",
    "Her Medicaid ID is 44 9182 7730 B and she keeps the card in her phone case.",
    "Mom's IG is @mama.bear.of.three and she posts photos of the baby every day.",
    "Progress is slow but steady. Sleep is still hard for everyone in the house.",
    "Call Yolanda back at 555-013-4412 after three, or text her first.",
    "baby keke smiled at her dad for the first time and we all held our breath.",
    "The twins go to Little Sprouts Early Learning Center three days a week.",
    "I noticed my bias today and wrote it down so I can bring it to supervision.",
    "Mail goes to PO Box 381 now because the landlord keeps losing it.",
];

/// About 20 KB of reflection, paragraphs of the sentences above.
fn reflection() -> String {
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 20 * 1024 {
        text.push_str(SENTENCES[i % SENTENCES.len()]);
        text.push_str(if i % 5 == 4 { "\n\n" } else { " " });
        i += 1;
    }
    text
}

fn deid_20kb(c: &mut Criterion) {
    let text = reflection();
    let allow = AllowList::new(["Supervision"]);
    let started = Instant::now();
    let findings = scan(&text, &allow);
    println!(
        "{} bytes, {} findings; first scan (loading the word lists) {:.1} ms",
        text.len(),
        findings.len(),
        started.elapsed().as_secs_f64() * 1e3
    );
    let runs = 50;
    let started = Instant::now();
    for _ in 0..runs {
        black_box(scan(black_box(&text), &allow));
    }
    println!(
        "scan of a 20 KB reflection: {:.2} ms on average over {runs} runs (budget 5 ms)",
        started.elapsed().as_secs_f64() * 1e3 / f64::from(runs)
    );
    c.bench_function("deid_scan_20kb", |b| {
        b.iter(|| scan(black_box(&text), &allow))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(50)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    targets = deid_20kb
}
criterion_main!(benches);
