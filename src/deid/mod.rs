//! The de-identification check: finds what looks identifying in a piece of text (phone
//! numbers, e-mail and street addresses, social media handles, dates of birth, record or
//! ID numbers, personal names and named places that could point to one family).
//!
//! Pure functions: no journal, no I/O. The editor calls [`scan`] while the person
//! writes (non-blocking highlights) and [`scan_field`] on the family code and tags, the
//! app before any export (a required review) and the CLI in `attune deid` and `attune
//! export`. The word lists it reads are compiled in (content/deid/). It is a helper, not a guarantee: it
//! misses things and flags things, and docs/deid.md gives its measured figures.
//!
//! Offsets are Unicode code points (end exclusive), with UTF-16 offsets alongside so a
//! JavaScript front end can use them as they are.

mod detect;
mod lexicon;
pub mod measure;
mod names;
mod places;
mod tokens;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

/// What kind of identifier a finding looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    Phone,
    Email,
    StreetAddress,
    BirthDate,
    RecordNumber,
    PersonName,
    /// A named place or organisation that could point to one family: a school,
    /// childcare, place of worship, clinic, shelter, motel, park, employer or shop.
    Place,
    /// A social media handle or profile address (`@name`, `instagram.com/name`).
    SocialHandle,
}

impl FindingKind {
    pub const ALL: [FindingKind; 8] = [
        FindingKind::Phone,
        FindingKind::Email,
        FindingKind::SocialHandle,
        FindingKind::StreetAddress,
        FindingKind::BirthDate,
        FindingKind::RecordNumber,
        FindingKind::PersonName,
        FindingKind::Place,
    ];

    /// The name used in JSON and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Phone => "phone",
            Self::Email => "email",
            Self::StreetAddress => "street_address",
            Self::BirthDate => "birth_date",
            Self::RecordNumber => "record_number",
            Self::PersonName => "person_name",
            Self::Place => "place",
            Self::SocialHandle => "social_handle",
        }
    }

    /// A short label for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Phone => "Phone number",
            Self::Email => "E-mail address",
            Self::StreetAddress => "Street address",
            Self::BirthDate => "Date of birth",
            Self::RecordNumber => "Record or ID number",
            Self::PersonName => "Name",
            Self::Place => "Place",
            Self::SocialHandle => "Social media handle",
        }
    }

    /// One line on why it matters (for a place, the question to ask).
    pub fn why(self) -> &'static str {
        match self {
            Self::Phone => "Phone numbers can identify a family.",
            Self::Email => "An e-mail address points straight to a person.",
            Self::StreetAddress => "An address says where a family lives.",
            Self::BirthDate => "A full date of birth can identify a child.",
            Self::RecordNumber => "Record and ID numbers link back to files about a family.",
            Self::PersonName => {
                "This looks like a name. Families are easier to protect by a short code."
            }
            Self::Place => "Could this place identify the family?",
            Self::SocialHandle => "A handle or profile link leads straight to a person.",
        }
    }

    /// When two detectors claim the same text, the more specific one wins.
    fn specificity(self) -> u8 {
        match self {
            Self::Email => 8,
            Self::SocialHandle => 7,
            Self::BirthDate => 6,
            Self::StreetAddress => 5,
            Self::RecordNumber => 4,
            Self::Phone => 3,
            Self::Place => 2,
            Self::PersonName => 1,
        }
    }
}

/// One passage that looks identifying.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Finding {
    pub kind: FindingKind,
    /// Offsets in Unicode code points, end exclusive.
    pub start: usize,
    pub end: usize,
    /// The same span in UTF-16 code units (JavaScript string indices).
    pub start_utf16: usize,
    pub end_utf16: usize,
    /// The flagged text itself.
    pub text: String,
}

/// Words the person has said are not identifying (a colleague's first name they use for
/// themselves, a place, a program name). Matched case-insensitively.
#[derive(Debug, Clone, Default)]
pub struct AllowList {
    words: HashSet<String>,
}

impl AllowList {
    pub fn new<I, S>(words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        Self {
            words: words
                .into_iter()
                .map(|w| w.as_ref().trim().to_lowercase())
                .filter(|w| !w.is_empty())
                .collect(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        !self.words.is_empty() && self.words.contains(&word.trim().to_lowercase())
    }
}

/// A detector's claim, in byte offsets, before overlaps are settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Candidate {
    kind: FindingKind,
    start: usize,
    end: usize,
}

/// Every passage of `text` that looks identifying, sorted and non-overlapping.
pub fn scan(text: &str, allow: &AllowList) -> Vec<Finding> {
    scan_as(text, allow, names::Mode::Prose)
}

/// The same for a short field (a family code, a tag), which is read as a name's
/// context: initials ("RB", "T.W."), a first name alone ("Faith") and a lower-case
/// name ("keke") are flagged there, while family codes ("F12", "FAM-7") and ordinary
/// words ("feeding", "NICU") are not.
pub fn scan_field(text: &str, allow: &AllowList) -> Vec<Finding> {
    scan_as(text, allow, names::Mode::Field)
}

fn scan_as(text: &str, allow: &AllowList, mode: names::Mode) -> Vec<Finding> {
    let mut found = Vec::new();
    detect::emails(text, &mut found);
    detect::social_handles(text, &mut found);
    detect::phones(text, &mut found);
    detect::addresses(text, &mut found);
    detect::birth_dates(text, &mut found);
    detect::dotted_birth_dates(text, &mut found);
    detect::record_numbers(text, &mut found);
    let words = tokens::tokens(text);
    let places = places::places(text, &words, allow, &mut found);
    names::person_names(text, &words, allow, &places, mode, &mut found);
    found.retain(|c| !allow.contains(&text[c.start..c.end]));
    let kept = settle_overlaps(found);
    to_findings(text, &kept)
}

/// How many findings of each kind, in [`FindingKind::ALL`] order, leaving out zeros.
pub fn count_by_kind(findings: &[Finding]) -> Vec<(FindingKind, usize)> {
    FindingKind::ALL
        .iter()
        .map(|k| (*k, findings.iter().filter(|f| f.kind == *k).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// Keep the more specific (then the longer) of overlapping claims.
fn settle_overlaps(mut found: Vec<Candidate>) -> Vec<Candidate> {
    found.sort_by(|a, b| {
        b.kind
            .specificity()
            .cmp(&a.kind.specificity())
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<Candidate> = Vec::new();
    for c in found {
        if c.start < c.end && !kept.iter().any(|k| c.start < k.end && k.start < c.end) {
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.start);
    kept
}

/// Turn byte offsets into code-point and UTF-16 offsets in one pass over the text.
fn to_findings(text: &str, kept: &[Candidate]) -> Vec<Finding> {
    let mut wanted: Vec<usize> = kept.iter().flat_map(|c| [c.start, c.end]).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut at = std::collections::HashMap::with_capacity(wanted.len());
    let (mut cp, mut u16) = (0usize, 0usize);
    let mut next = wanted.iter().peekable();
    for (byte, ch) in text
        .char_indices()
        .chain(std::iter::once((text.len(), '\0')))
    {
        while let Some(&&w) = next.peek() {
            if w > byte {
                break;
            }
            at.insert(w, (cp, u16));
            next.next();
        }
        cp += 1;
        u16 += ch.len_utf16();
    }
    kept.iter()
        .filter_map(|c| {
            let (start, start_utf16) = *at.get(&c.start)?;
            let (end, end_utf16) = *at.get(&c.end)?;
            Some(Finding {
                kind: c.kind,
                start,
                end,
                start_utf16,
                end_utf16,
                text: text.get(c.start..c.end)?.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
