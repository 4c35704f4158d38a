//! Print the de-identification check's precision, recall and F1, overall and per kind, and
//! the share of clean controls it flags, on both labelled corpora (tests/deid/corpus, the
//! first, written alongside the check; tests/deid/practice, written by people who never
//! saw it), tuning and held-out parts separately.
//!
//! `cargo run --release --example deid_eval [-- --mistakes] [-- --tuning-only]` (the
//! figures in docs/deid.md come from this command). `--mistakes` also lists misses and
//! false flags on the tuning parts only: the held-out parts are for measuring, never for
//! tuning, so nothing from their texts is ever printed. `--tuning-only` leaves the
//! held-out parts out altogether, for working on the check without looking at them.

use attune::deid::measure::{evaluate, parse_corpus, Tally, FIRST_CORPUS_KINDS};
use attune::deid::FindingKind;

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
    let tuning_only = std::env::args().any(|a| a == "--tuning-only");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/deid");
    println!("Match rule: a flagged span counts when it overlaps a planted span of the same kind.");
    let corpora: [(&str, &[FindingKind]); 2] = [
        ("corpus", &FIRST_CORPUS_KINDS),
        ("practice", &FindingKind::ALL),
    ];
    for (corpus, kinds) in corpora {
        for part in ["tuning", "heldout"] {
            let tuning = part == "tuning";
            if tuning_only && !tuning {
                continue;
            }
            let file = dir.join(corpus).join(format!("{part}.jsonl"));
            let samples = parse_corpus(&std::fs::read_to_string(file)?)?;
            let planted: usize = samples.iter().map(|s| s.spans.len()).sum();
            let scores = evaluate(&samples, kinds);
            println!(
                "\n{corpus}/{part}: {} texts ({} clean controls), {planted} planted identifiers",
                samples.len(),
                scores.clean
            );
            row("overall", &scores.overall);
            for (kind, t) in &scores.by_kind {
                row(kind.as_str(), t);
            }
            println!(
                "  clean controls flagged: {} of {} ({:.1}%)",
                scores.clean_flagged,
                scores.clean,
                100.0 * scores.false_alarm_rate()
            );
            if show_mistakes && tuning {
                for m in &scores.mistakes {
                    let what = if m.false_flag { "false flag" } else { "missed" };
                    println!("    {} {what} {}: {:?}", m.sample, m.kind.as_str(), m.text);
                }
            }
        }
    }
    Ok(())
}
