//! A synthetic journal for the benchmarks (`benches/journal.rs`) and the scale run
//! (`examples/scale.rs`), which both include this file.
//!
//! Entries read like reflections: 200 to 300 words of prose assembled from a small
//! vocabulary, one to three tags from a fixed set, a family code on encounter entries,
//! encounter dates spread over three years. Generation is deterministic (a seeded
//! SplitMix64), so every run measures the same journal. Exactly one entry in a hundred
//! mentions [`RARE_WORD`], which appears nowhere else: searching for it is the "about 1%
//! of entries" search of the performance budgets.

// Each includer uses part of this file.
#![allow(dead_code)]

use std::path::Path;
use std::time::{Duration, Instant};

use attune::crypto::{random_id, Passphrase};
use attune::journal::{Entry, EntryId, EntryKind, NewEntry, Setting};
use attune::store::{self, Table};
use attune::vault::{KdfChoice, Vault};
use chrono::{DateTime, Duration as Days, NaiveDate, TimeZone, Utc};

/// The benchmark journals' passphrase. Not a secret: these journals are throwaway.
pub const PASSPHRASE: &str = "benchmark passphrase, not a secret";

/// A word found in exactly 1% of generated entries and in no other text.
pub const RARE_WORD: &str = "lullaby";

/// Record kind of an entry row; must equal the journal module's own constant. A
/// mismatch shows up as damaged records at load, which [`check_loaded`] refuses.
const ENTRY_RECORD_KIND: u8 = 1;

/// Entries sealed and written per transaction while building.
const BUILD_CHUNK: usize = 2_000;

pub fn passphrase() -> Passphrase {
    Passphrase::new(PASSPHRASE)
}

/// SplitMix64: small, fast, and good enough to vary synthetic text.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const CAREGIVERS: &[&str] = &[
    "the mother",
    "the father",
    "the grandmother",
    "the foster mother",
    "the aunt",
    "the young parent",
    "the caregiver",
];
const CHILDREN: &[&str] = &[
    "the baby",
    "the infant",
    "the toddler",
    "the little one",
    "the newborn",
    "her son",
    "his daughter",
];
const FEELINGS: &[&str] = &[
    "tired",
    "hopeful",
    "worried",
    "tender",
    "helpless",
    "curious",
    "calm",
    "overwhelmed",
    "moved",
    "uncertain",
    "protective",
    "sad",
    "irritated",
    "relieved",
    "anxious",
    "grateful",
];
const ACTIONS: &[&str] = &[
    "held the baby close",
    "looked away for a while",
    "reached for the bottle",
    "hummed quietly",
    "talked about the long nights",
    "asked again about sleep",
    "watched the baby play on the blanket",
    "described a difficult week",
    "paused for a long time",
    "laughed softly at the mess",
    "kept the television on",
    "mentioned the upcoming court date",
    "spoke about her own mother",
    "showed me the new crib",
    "wiped the baby's face without a word",
];
const PLACES: &[&str] = &[
    "in the kitchen",
    "on the floor",
    "by the window",
    "on the couch",
    "in the clinic room",
    "on the porch",
    "in the car afterwards",
    "during the video call",
];
const RESPONSES: &[&str] = &[
    "I slowed down",
    "I waited",
    "I named what I saw",
    "I wondered aloud what the baby might be feeling",
    "I stayed with the silence",
    "I noticed my own breathing",
    "I wanted to fix it",
    "I held back advice",
    "I felt pulled to take sides",
    "I reflected the strength I noticed",
    "I kept my voice low",
    "I asked what had helped before",
];
const THOUGHTS: &[&str] = &[
    "how much of this belongs to me",
    "whether I was rushing the family",
    "what the baby is learning about being comforted",
    "how my own history shows up in these visits",
    "what my supervisor would notice first",
    "the difference between helping and rescuing",
    "how safe the relationship feels right now",
    "what it means to be held in mind",
    "which feelings I keep leaving at the door",
    "how tired everyone seems this month",
];
const CLOSINGS: &[&str] = &[
    "I want to bring this to supervision.",
    "Next time I will start with the baby's cues.",
    "I left feeling more settled than when I arrived.",
    "Something about this visit stayed with me all evening.",
    "I am not sure yet what to make of it.",
    "I need to remember to rest this weekend.",
    "The visit ended warmly, which surprised me.",
    "I noticed the parallel with my own week.",
];
const TAGS: &[&str] = &[
    "sleep",
    "feeding",
    "attachment",
    "parallel-process",
    "self-care",
    "safety",
    "separation",
    "play",
    "regulation",
    "grief",
    "joy",
    "boundaries",
];
const TITLES: &[&str] = &[
    "Home visit",
    "After the visit",
    "Hard morning",
    "Small moment of connection",
    "Things I keep thinking about",
    "Check-in",
    "Before supervision",
    "A quieter visit",
];

fn sentence(rng: &mut Rng) -> String {
    let caregiver = rng.pick(CAREGIVERS);
    let child = rng.pick(CHILDREN);
    match rng.below(9) {
        0 => format!(
            "When I arrived {caregiver} {} {}.",
            rng.pick(ACTIONS),
            rng.pick(PLACES)
        ),
        1 => format!(
            "I felt {} as {caregiver} {}.",
            rng.pick(FEELINGS),
            rng.pick(ACTIONS)
        ),
        2 => format!(
            "{} {}, and {child} seemed {} too.",
            capitalise(caregiver),
            rng.pick(ACTIONS),
            rng.pick(FEELINGS)
        ),
        3 => format!(
            "In that moment {}, and I noticed I was {}.",
            rng.pick(RESPONSES),
            rng.pick(FEELINGS)
        ),
        4 => format!("Afterwards I kept wondering {}.", rng.pick(THOUGHTS)),
        5 => format!(
            "{} watched {caregiver} closely {} while {}.",
            capitalise(child),
            rng.pick(PLACES),
            rng.pick(RESPONSES)
        ),
        6 => format!(
            "It is hard to say {}, but {} and that helped a little.",
            rng.pick(THOUGHTS),
            rng.pick(RESPONSES)
        ),
        7 => format!(
            "Part of me felt {} and part of me felt {}.",
            rng.pick(FEELINGS),
            rng.pick(FEELINGS)
        ),
        _ => rng.pick(CLOSINGS).to_string(),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// 200 to 300 words of reflective prose, in paragraphs. `rare` adds the one sentence
/// that holds [`RARE_WORD`].
pub fn reflection(rng: &mut Rng, rare: bool) -> String {
    let target = 200 + rng.below(101);
    let mut body = String::new();
    let mut words = 0;
    let mut in_paragraph = 0;
    let rare_at = if rare { Some(rng.below(4)) } else { None };
    let mut sentences = 0;
    while words < target {
        let s = if rare_at == Some(sentences) {
            format!("We sang a {RARE_WORD} together and the room softened.")
        } else {
            sentence(rng)
        };
        sentences += 1;
        words += s.split_whitespace().count();
        if !body.is_empty() {
            body.push_str(if in_paragraph >= 4 + rng.below(3) {
                in_paragraph = 0;
                "\n\n"
            } else {
                " "
            });
        }
        body.push_str(&s);
        in_paragraph += 1;
    }
    body
}

/// The `index`th synthetic entry and the moment it was written.
pub fn entry(rng: &mut Rng, index: usize) -> (NewEntry, DateTime<Utc>) {
    let start = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or_default();
    let date = start + Days::days(rng.below(3 * 365) as i64);
    let written = Utc.from_utc_datetime(&date.and_hms_opt(16, 0, 0).unwrap_or_default())
        + Days::minutes(rng.below(6 * 60) as i64);
    let private = rng.below(100) < 15;
    let mut tags = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let tag = rng.pick(TAGS);
        if !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_string());
        }
    }
    let family_code = (!private).then(|| format!("F-{:03}", rng.below(120)));
    let title = match &family_code {
        Some(code) if rng.below(2) == 0 => format!("{} with {code}", rng.pick(TITLES)),
        _ => rng.pick(TITLES).to_string(),
    };
    let input = NewEntry {
        encounter_date: Some(date),
        kind: Some(if private {
            EntryKind::Private
        } else {
            EntryKind::Encounter
        }),
        setting: (!private).then(|| Setting::ALL[rng.below(Setting::ALL.len())]),
        family_code,
        title: Some(title),
        body: reflection(rng, index % 100 == 37),
        tags,
        carrying: Some(rng.below(11) as u8),
        bring_to_supervision: rng.below(10) == 0,
        ..NewEntry::default()
    };
    (input, written)
}

/// What building a journal took.
#[derive(Debug, Clone, Copy)]
pub struct Built {
    /// Generating, sealing and writing every entry.
    pub took: Duration,
    /// Total bytes of entry text (bodies), before encoding and padding.
    pub body_bytes: u64,
}

/// Create a journal in `dir` (fast test KDF) holding `count` generated entries, written
/// in a few large transactions.
///
/// Entries are sealed and stored exactly as `Journal::add` stores them (JSON, record
/// kind 1, revision 1), but many per transaction: one durable transaction per entry
/// would make a 100k-entry journal take minutes to set up.
pub fn build_journal(dir: &Path, count: usize, seed: u64) -> attune::Result<Built> {
    let (mut vault, _recovery) = Vault::create(dir, &passphrase(), KdfChoice::TestFast)?;
    let mut rng = Rng::new(seed);
    let started = Instant::now();
    let mut index = 0;
    let mut body_bytes = 0;
    while index < count {
        let chunk = BUILD_CHUNK.min(count - index);
        let mut rows = Vec::with_capacity(chunk);
        for _ in 0..chunk {
            let (input, written) = entry(&mut rng, index);
            body_bytes += input.body.len() as u64;
            let entry = Entry::create(EntryId(random_id()?), input, written)?;
            let plain = serde_json::to_vec(&entry).map_err(|_| {
                attune::Error::new(attune::ErrorCode::Internal, "Could not encode the entry.")
            })?;
            rows.push(vault.seal(
                Table::Entries,
                entry.id.0,
                ENTRY_RECORD_KIND,
                entry.revision,
                &plain,
            )?);
            index += 1;
        }
        vault.store_mut().transaction(|tx| {
            for row in &rows {
                store::put_record(tx, Table::Entries, row)?;
            }
            Ok(())
        })?;
    }
    vault.store().checkpoint_truncate()?;
    let took = started.elapsed();
    // Records written straight to the store leave the journal without its list index;
    // every journal the app writes has one, so the first full load builds it here
    // rather than inside the first unlock a benchmark measures.
    drop(attune::journal::Journal::load(vault, chrono::Utc::now())?);
    Ok(Built { took, body_bytes })
}

/// Refuse a journal that did not load whole: the benchmark would measure the wrong thing.
pub fn check_loaded(journal: &attune::journal::Journal, expected: usize) -> attune::Result<()> {
    if journal.damaged().is_empty() && journal.len() == expected {
        Ok(())
    } else {
        Err(attune::Error::new(attune::ErrorCode::Internal, format!(
            "The benchmark journal loaded {} entries and {} damaged records, not {expected} entries.",
            journal.len(),
            journal.damaged().len()
        )))
    }
}

/// Total size in bytes of the files in `dir` (database, log, lock).
pub fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}
