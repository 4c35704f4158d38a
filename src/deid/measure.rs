//! Measuring the check on a labelled corpus (tests/deid/corpus, tests/deid/practice):
//! precision, recall and F1, overall and per kind, and the share of clean controls (texts
//! with nothing planted) that get any flag at all.
//!
//! Match rule: a flagged span is right when it overlaps a planted span of the same kind;
//! a planted span is found when some flagged span of its kind overlaps it. Exact
//! boundaries are not scored: the person sees the highlight, not the offsets. Only the
//! kinds a corpus marks are scored on it: the first corpus was written before places and
//! social handles were looked for, so findings of those kinds say nothing about it.

use serde::Deserialize;

use super::{scan, AllowList, FindingKind};

/// One labelled text of the corpus.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sample {
    pub id: String,
    pub text: String,
    pub spans: Vec<Planted>,
}

/// A planted identifier, in code points (end exclusive).
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Planted {
    pub kind: FindingKind,
    pub start: usize,
    pub end: usize,
}

/// Counts for one kind, or for all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Flagged spans that match a planted one.
    pub true_pos: usize,
    /// Flagged spans that match nothing planted.
    pub false_pos: usize,
    /// Planted spans found.
    pub found: usize,
    /// Planted spans missed.
    pub missed: usize,
}

impl Tally {
    pub fn precision(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_pos)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.found, self.found + self.missed)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: &Tally) {
        self.true_pos += other.true_pos;
        self.false_pos += other.false_pos;
        self.found += other.found;
        self.missed += other.missed;
    }
}

/// An empty denominator scores 1: nothing to find, nothing wrongly flagged.
fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}

/// A miss or a false flag, for tuning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    pub sample: String,
    pub kind: FindingKind,
    pub text: String,
    /// True for a flagged span matching nothing; false for a planted span not found.
    pub false_flag: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub overall: Tally,
    pub by_kind: Vec<(FindingKind, Tally)>,
    pub mistakes: Vec<Mistake>,
    /// Texts with nothing planted.
    pub clean: usize,
    /// Clean texts with at least one flag of a scored kind.
    pub clean_flagged: usize,
}

impl Scores {
    /// The share of clean controls with any flag: how often a harmless reflection would
    /// be highlighted at all.
    pub fn false_alarm_rate(&self) -> f64 {
        if self.clean == 0 {
            0.0
        } else {
            self.clean_flagged as f64 / self.clean as f64
        }
    }
}

/// The kinds the first corpus (tests/deid/corpus) marks. It was written before places
/// and social handles were looked for, so findings of those kinds are not scored on it.
pub const FIRST_CORPUS_KINDS: [FindingKind; 6] = [
    FindingKind::Phone,
    FindingKind::Email,
    FindingKind::StreetAddress,
    FindingKind::BirthDate,
    FindingKind::RecordNumber,
    FindingKind::PersonName,
];

/// Parse a corpus file (JSON Lines).
pub fn parse_corpus(jsonl: &str) -> crate::Result<Vec<Sample>> {
    jsonl
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .map_err(|_| crate::Error::invalid(format!("Corpus line {} is not valid.", i + 1)))
        })
        .collect()
}

/// Score the check on `samples` with an empty allow-list, counting only findings and
/// planted spans of the kinds in `scored` (the kinds the corpus marks).
pub fn evaluate(samples: &[Sample], scored: &[FindingKind]) -> Scores {
    let allow = AllowList::default();
    let mut by_kind: Vec<(FindingKind, Tally)> = FindingKind::ALL
        .iter()
        .filter(|k| scored.contains(k))
        .map(|k| (*k, Tally::default()))
        .collect();
    let mut mistakes = Vec::new();
    let (mut clean, mut clean_flagged) = (0, 0);
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    for s in samples {
        let mut flagged = scan(&s.text, &allow);
        flagged.retain(|f| scored.contains(&f.kind));
        if s.spans.iter().all(|p| !scored.contains(&p.kind)) {
            clean += 1;
            clean_flagged += usize::from(!flagged.is_empty());
        }
        for (kind, tally) in by_kind.iter_mut() {
            for f in flagged.iter().filter(|f| f.kind == *kind) {
                if s.spans
                    .iter()
                    .any(|p| p.kind == *kind && overlaps((f.start, f.end), (p.start, p.end)))
                {
                    tally.true_pos += 1;
                } else {
                    tally.false_pos += 1;
                    mistakes.push(Mistake {
                        sample: s.id.clone(),
                        kind: *kind,
                        text: f.text.clone(),
                        false_flag: true,
                    });
                }
            }
            for p in s.spans.iter().filter(|p| p.kind == *kind) {
                if flagged
                    .iter()
                    .any(|f| f.kind == *kind && overlaps((f.start, f.end), (p.start, p.end)))
                {
                    tally.found += 1;
                } else {
                    tally.missed += 1;
                    mistakes.push(Mistake {
                        sample: s.id.clone(),
                        kind: *kind,
                        text: s.text.chars().skip(p.start).take(p.end - p.start).collect(),
                        false_flag: false,
                    });
                }
            }
        }
    }
    let mut overall = Tally::default();
    for (_, t) in &by_kind {
        overall.add(t);
    }
    Scores {
        overall,
        by_kind,
        mistakes,
        clean,
        clean_flagged,
    }
}
