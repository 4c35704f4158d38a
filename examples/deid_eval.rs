//! Print the de-identification check's precision, recall and F1, overall and per kind, and
//! the share of clean controls it flags, on every labelled corpus under tests/deid/:
//! the first corpus (written alongside the check), the practice corpus (written by people
//! who never saw the check; its held-out half has been measured several times and is now
//! SPENT, read as tuning data), the probe sets (sentences written by the person tuning
//! the check before each round of changes), the fresh set (tests/deid/fresh/, held out
//! for the second round, measured then and now SPENT: tuning data too), the third and
//! fourth to seventh held-out sets (heldout3/ to heldout7/: each written by someone who
//! never saw the check, frozen before a round, measured after it, now SPENT) and, when it
//! is present, the eighth (heldout8/, frozen before the eighth round: aggregate figures
//! only, never tuned on, though its first lines were once shown to the tuner by mistake),
//! the ninth to thirteenth and the fifteenth to nineteenth (heldout9/ to heldout13/ and
//! heldout15/ to heldout19/, the eighth to twelfth and the thirteenth to seventeenth
//! rounds' measures, now SPENT), the fourteenth (heldout14/, frozen before the thirteenth
//! round) and the twentieth (heldout20/, frozen before the eighteenth): aggregate figures
//! only.
//!
//! `cargo run --release --example deid_eval [-- --mistakes] [-- --tuning-only]` (the
//! figures in docs/deid.md come from this command, through scripts/deid-eval.sh).
//! `--mistakes` also lists misses and false flags on the parts used for tuning (never on
//! a held-out part: nothing from its texts is ever printed, only aggregate figures).
//! `--tuning-only` leaves the held-out parts out altogether, for working on the check
//! without looking at them. `--by-voice` adds the same figures for each voice of a part
//! (the letters its ids start with), still aggregates only. `--scan` prints the findings
//! for each line typed on standard input instead.

use std::path::Path;

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

/// One part of a corpus and how it may be used.
struct Part {
    /// The name printed (`practice/heldout`).
    name: &'static str,
    /// Under tests/deid/.
    file: &'static str,
    /// What it is for, printed after its name.
    note: &'static str,
    kinds: &'static [FindingKind],
    /// Held out: scored for aggregate figures only, never a text or a mistake printed.
    held_out: bool,
    /// Left out without an error when the file is absent.
    optional: bool,
}

const PARTS: [Part; 30] = [
    Part {
        name: "corpus/tuning",
        file: "corpus/tuning.jsonl",
        note: "tuning",
        kinds: &FIRST_CORPUS_KINDS,
        held_out: false,
        optional: false,
    },
    Part {
        name: "corpus/heldout",
        file: "corpus/heldout.jsonl",
        note: "held out",
        kinds: &FIRST_CORPUS_KINDS,
        held_out: true,
        optional: false,
    },
    Part {
        name: "practice/tuning",
        file: "practice/tuning.jsonl",
        note: "tuning",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "practice/heldout",
        file: "practice/heldout.jsonl",
        note: "spent (now tuning)",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "probe",
        file: "probe.jsonl",
        note: "tuning: own sentences, see probe.src",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "probe2",
        file: "probe2.jsonl",
        note: "tuning: own sentences, see probe2.src",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "probe3",
        file: "probe3.jsonl",
        note: "tuning: own sentences, see probe3.src",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "probe4",
        file: "probe4.jsonl",
        note: "tuning: own sentences, see probe4.src",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "probe5",
        file: "probe5.jsonl",
        note: "tuning: own sentences, see probe5.src",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "probe6",
        file: "probe6.jsonl",
        note: "tuning: own sentences, see probe6.src",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "probe7",
        file: "probe7.jsonl",
        note: "tuning: own sentences, see probe7.src",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "fresh/heldout",
        file: "fresh/heldout.jsonl",
        note: "spent (now tuning)",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "heldout3",
        file: "heldout3/heldout.jsonl",
        note: "spent (now tuning)",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "heldout4",
        file: "heldout4/heldout.jsonl",
        note: "spent (now tuning)",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "heldout5",
        file: "heldout5/heldout.jsonl",
        note: "spent (now tuning)",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "heldout6",
        file: "heldout6/heldout.jsonl",
        note: "spent (now tuning)",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "heldout7",
        file: "heldout7/heldout.jsonl",
        note: "spent (now tuning)",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "heldout8",
        file: "heldout8/heldout.jsonl",
        note: "held out, not tuned on, but its first 29 lines were once shown to the tuner: aggregate figures only",
        kinds: &FindingKind::ALL,
        held_out: true,
        optional: true,
    },
    Part {
        name: "heldout9",
        file: "heldout9/heldout.jsonl",
        note: "spent (now tuning)",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "heldout10",
        file: "heldout10/heldout.jsonl",
        note: "spent (now tuning)",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "heldout11",
        file: "heldout11/heldout.jsonl",
        note: "spent (now tuning)",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "heldout12",
        file: "heldout12/heldout.jsonl",
        note: "spent (now tuning)",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "heldout13",
        file: "heldout13/heldout.jsonl",
        note: "spent (now tuning)",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "heldout14",
        file: "heldout14/heldout.jsonl",
        note: "held out: aggregate figures only",
        kinds: &FindingKind::ALL,
        held_out: true,
        optional: true,
    },
    Part {
        name: "heldout15",
        file: "heldout15/heldout.jsonl",
        note: "spent (now tuning)",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "heldout16",
        file: "heldout16/heldout.jsonl",
        note: "spent (now tuning)",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "heldout17",
        file: "heldout17/heldout.jsonl",
        note: "spent (now tuning)",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "heldout18",
        file: "heldout18/heldout.jsonl",
        note: "spent (now tuning)",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "heldout19",
        file: "heldout19/heldout.jsonl",
        note: "spent (now tuning)",
        kinds: &FindingKind::ALL,
        held_out: false,
        optional: false,
    },
    Part {
        name: "heldout20",
        file: "heldout20/heldout.jsonl",
        note: "held out: aggregate figures only",
        kinds: &FindingKind::ALL,
        held_out: true,
        optional: true,
    },
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // `--scan`: the findings for each line of standard input, to try a sentence by hand.
    if std::env::args().any(|a| a == "--scan") {
        let allow = attune::deid::AllowList::new(Vec::<String>::new());
        for line in std::io::stdin().lines() {
            let line = line?;
            println!("{line}");
            for f in attune::deid::scan(&line, &allow) {
                println!("    {} {:?}", f.kind.as_str(), f.text);
            }
        }
        return Ok(());
    }
    let show_mistakes = std::env::args().any(|a| a == "--mistakes");
    let tuning_only = std::env::args().any(|a| a == "--tuning-only");
    let by_voice = std::env::args().any(|a| a == "--by-voice");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/deid");
    println!("Match rule: a flagged span counts when it overlaps a planted span of the same kind.");
    for part in &PARTS {
        if tuning_only && part.held_out {
            continue;
        }
        let file = dir.join(part.file);
        if part.optional && !file.exists() {
            println!("\n{} ({}): not present, skipped", part.name, part.note);
            continue;
        }
        let samples = parse_corpus(&std::fs::read_to_string(file)?)?;
        let planted: usize = samples.iter().map(|s| s.spans.len()).sum();
        let scores = evaluate(&samples, part.kinds);
        println!(
            "\n{} ({}): {} texts ({} clean controls), {planted} planted identifiers",
            part.name,
            part.note,
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
        if by_voice {
            // The voices of a corpus are the letters its ids start with ("zk", "zl").
            let mut voices: Vec<String> = samples
                .iter()
                .map(|s| {
                    s.id.trim_end_matches(|c: char| c.is_ascii_digit())
                        .to_string()
                })
                .collect();
            voices.sort();
            voices.dedup();
            for voice in voices.iter().filter(|_| voices.len() > 1) {
                let own: Vec<_> = samples
                    .iter()
                    .filter(|s| s.id.trim_end_matches(|c: char| c.is_ascii_digit()) == voice)
                    .cloned()
                    .collect();
                let scores = evaluate(&own, part.kinds);
                println!("  voice {voice}: {} texts", own.len());
                row("  overall", &scores.overall);
                for (kind, t) in &scores.by_kind {
                    row(&format!("  {}", kind.as_str()), t);
                }
                println!(
                    "    clean controls flagged: {} of {}",
                    scores.clean_flagged, scores.clean
                );
            }
        }
        if show_mistakes && !part.held_out {
            for m in &scores.mistakes {
                let what = if m.false_flag { "false flag" } else { "missed" };
                println!("    {} {what} {}: {:?}", m.sample, m.kind.as_str(), m.text);
            }
        }
    }
    Ok(())
}
