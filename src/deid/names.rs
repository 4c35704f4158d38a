//! Personal names: capitalised words that are not ordinary words, not the person's own
//! allow-list and not family codes. Sentence starts are capitalised anyway, so a word
//! there counts only with a name's context ("X said", "X's", "X Y").

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::{AllowList, Candidate, FindingKind};

/// Capitalised words that are not names (content/deid/common-words.txt).
pub(crate) const COMMON_WORDS: &str = include_str!("../../content/deid/common-words.txt");

static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    COMMON_WORDS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

#[allow(clippy::expect_used)] // a constant pattern, checked by the unit tests
static WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*").expect("a valid built-in pattern")
});

const HONORIFICS: [&str; 7] = ["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof"];

/// Words after which a capitalised sentence opener is probably a person.
const NAME_VERBS: [&str; 26] = [
    "said",
    "says",
    "told",
    "tells",
    "asked",
    "asks",
    "texted",
    "texts",
    "called",
    "calls",
    "emailed",
    "wrote",
    "laughed",
    "cried",
    "smiled",
    "brought",
    "brings",
    "wants",
    "wanted",
    "thinks",
    "showed",
    "hugged",
    "came",
    "sang",
    "shouted",
    "whispered",
];

/// A capitalised run followed by one of these is a place or an organisation.
const PLACE_WORDS: [&str; 16] = [
    "center",
    "centre",
    "clinic",
    "hospital",
    "library",
    "school",
    "park",
    "office",
    "church",
    "bank",
    "house",
    "hall",
    "services",
    "program",
    "programme",
    "agency",
];

struct Word<'a> {
    start: usize,
    end: usize,
    /// The word without a possessive 's.
    bare: &'a str,
    possessive: bool,
}

impl Word<'_> {
    fn lower(&self) -> String {
        self.bare.to_lowercase()
    }

    fn capitalised(&self) -> bool {
        self.bare.chars().next().is_some_and(char::is_uppercase)
    }

    /// NICU, WIC, IFSP: acronyms are programs and forms, not people.
    fn acronym(&self) -> bool {
        self.bare.chars().filter(|c| c.is_alphabetic()).count() > 1
            && self.bare.chars().all(|c| !c.is_lowercase())
    }

    fn ordinary(&self, allow: &AllowList) -> bool {
        let lower = self.lower();
        let first = lower.split(['-', '\'', '’']).next().unwrap_or("");
        COMMON.contains(lower.as_str()) || COMMON.contains(first) || allow.contains(self.bare)
    }
}

fn words(text: &str) -> Vec<Word<'_>> {
    WORD.find_iter(text)
        .map(|m| {
            let w = m.as_str();
            let bare = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            let possessive = bare.len() < w.len()
                || text[m.end()..].starts_with("'s")
                || text[m.end()..].starts_with("’s");
            Word {
                start: m.start(),
                end: m.start() + bare.len(),
                bare,
                possessive,
            }
        })
        .collect()
}

/// The word begins a sentence, a line, a quotation or the text.
fn at_sentence_start(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\t']);
    match before.chars().next_back() {
        None => true,
        Some(c) if ".!?:;\n\"“‘(*•–—-".contains(c) => {
            // "Dr. Lee": the honorific rule has handled it; a plain full stop ends a sentence.
            true
        }
        Some(_) => false,
    }
}

/// Family codes ("F12", "FAM-7"): letters touching digits are never a name.
fn touches_digit(text: &str, w: &Word<'_>) -> bool {
    let after = &text[w.end..];
    let next_digit = after.chars().next().is_some_and(|c| c.is_ascii_digit())
        || (after.starts_with('-')
            && after[1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit()));
    let prev_digit = text[..w.start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit());
    next_digit || prev_digit
}

/// Separated by exactly one space (so a run of words reads as one name).
fn adjacent(text: &str, a: &Word<'_>, b: &Word<'_>) -> bool {
    !a.possessive && &text[a.end..b.start] == " "
}

pub(super) fn person_names(text: &str, allow: &AllowList, found: &mut Vec<Candidate>) {
    let words = words(text);
    let n = words.len();
    let candidate = |i: usize| {
        let w = &words[i];
        w.capitalised() && !w.acronym() && !touches_digit(text, w) && !w.ordinary(allow)
    };
    let mut is_name = vec![false; n];
    let mut honorific = vec![false; n];
    for i in 0..n {
        let w = &words[i];
        // "Mrs Okafor", "Dr. Lee": always a name, whatever the word.
        if HONORIFICS.contains(&w.bare) && i + 1 < n {
            let gap = &text[w.end..words[i + 1].start];
            let next = &words[i + 1];
            if (gap == " " || gap == ". ")
                && next.capitalised()
                && !next.acronym()
                && !allow.contains(next.bare)
            {
                honorific[i] = true;
                is_name[i + 1] = true;
            }
            continue;
        }
        if !candidate(i) {
            continue;
        }
        if !at_sentence_start(text, w.start) || (i > 0 && honorific[i - 1]) {
            is_name[i] = true;
            continue;
        }
        let next = words.get(i + 1).filter(|x| adjacent(text, w, x));
        let named_by_context = w.possessive
            || next.is_some_and(|x| NAME_VERBS.contains(&x.lower().as_str()))
            || (next.is_some() && candidate(i + 1))
            || (next.is_some_and(|x| x.bare == "and")
                && words.get(i + 2).is_some_and(|_| candidate(i + 2)));
        is_name[i] = named_by_context;
    }
    // A word named elsewhere in the text is a name at a sentence start too.
    let named: HashSet<&str> = (0..n)
        .filter(|&i| is_name[i])
        .map(|i| words[i].bare)
        .collect();
    for i in 0..n {
        if !is_name[i] && candidate(i) && named.contains(words[i].bare) {
            is_name[i] = true;
        }
    }
    let mut i = 0;
    while i < n {
        if !(is_name[i] || honorific[i]) {
            i += 1;
            continue;
        }
        let first = i;
        while i + 1 < n
            && is_name[i + 1]
            && (adjacent(text, &words[i], &words[i + 1])
                || (honorific[i] && &text[words[i].end..words[i + 1].start] == ". "))
        {
            i += 1;
        }
        if honorific[i] {
            i += 1;
            continue;
        }
        // "Greenway Community Center" is a place.
        let mut j = i + 1;
        let mut place = false;
        while j < n && adjacent(text, &words[j - 1], &words[j]) && words[j].capitalised() {
            if PLACE_WORDS.contains(&words[j].lower().as_str()) {
                place = true;
                break;
            }
            j += 1;
        }
        if !place {
            found.push(Candidate {
                kind: FindingKind::PersonName,
                start: words[first].start,
                end: words[i].end,
            });
        }
        i += 1;
    }
}
