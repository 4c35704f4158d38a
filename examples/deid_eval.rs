//! Print the de-identification check's precision, recall and F1 on the synthetic corpus,
//! tuning and held-out parts separately, overall and per kind.
//!
//! `cargo run --release --example deid_eval [-- --mistakes]` (the figures in docs/deid.md
//! come from this command). `--mistakes` also lists misses and false flags on the tuning
//! part only: the held-out part is for measuring, never for tuning.

use attune::deid::measure::{evaluate, parse_corpus, Tally};

fn row(name: &str, t: &Tally) {
    println!(
        "  {name:<15} precision {:.3}  recall {:.3}  F1 {:.3}   (TP {}, FP {}, found {}, missed {})",
        t.precision(),
        t.recall(),
        t.f1(),
        t.true_pos,
        t.false_pos,
        t.found,
        t.missed
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let show_mistakes = std::env::args().any(|a| a == "--mistakes");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/deid/corpus");
    println!("Match rule: a flagged span counts when it overlaps a planted span of the same kind.");
    for part in ["tuning", "heldout"] {
        let samples = parse_corpus(&std::fs::read_to_string(dir.join(format!("{part}.jsonl")))?)?;
        let clean = samples.iter().filter(|s| s.spans.is_empty()).count();
        let planted: usize = samples.iter().map(|s| s.spans.len()).sum();
        let scores = evaluate(&samples);
        println!(
            "\n{part}: {} texts ({clean} clean controls), {planted} planted identifiers",
            samples.len()
        );
        row("overall", &scores.overall);
        for (kind, t) in &scores.by_kind {
            row(kind.as_str(), t);
        }
        if show_mistakes && part == "tuning" {
            for m in &scores.mistakes {
                let what = if m.false_flag { "false flag" } else { "missed" };
                println!("    {} {what} {}: {:?}", m.sample, m.kind.as_str(), m.text);
            }
        }
    }
    Ok(())
}
