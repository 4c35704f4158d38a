//! In-memory full-text search over decrypted entries.
//!
//! Text is folded (lowercase, accents removed) once per entry at unlock; queries fold
//! the same way. Every word must match at the start of a word in the entry (so "sleep"
//! finds "sleepless" but "eat" does not find "heat"); "quoted phrases" must appear as
//! written. Nothing here ever touches disk.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Append the folded form of `text` to `out`.
pub(crate) fn fold_into(out: &mut String, text: &str) {
    let mut rest = text;
    while !rest.is_empty() {
        // Runs of ASCII (most of any English text) are copied and lowercased whole,
        // which is several times faster than a character at a time at unlock.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (run, after) = rest.split_at(ascii);
        let start = out.len();
        out.push_str(run);
        if let Some(pushed) = out.get_mut(start..) {
            pushed.make_ascii_lowercase();
        }
        let mut chars = after.chars();
        if let Some(c) = chars.next() {
            fold_char(c, |f| out.push(f));
        }
        rest = chars.as_str();
    }
}

/// Append `entry`'s searchable parts to `out`, folded, each ending in a line break (so
/// a needle, which never holds one, cannot match across two parts).
pub(crate) fn fold_entry_into(out: &mut String, entry: &super::Entry) {
    for part in entry.searchable_parts() {
        fold_into(out, part);
        out.push('\n');
    }
}

/// The folded form of `text`.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text);
    out
}

fn fold_char(c: char, mut push: impl FnMut(char)) {
    if c.is_ascii() {
        push(c.to_ascii_lowercase());
        return;
    }
    for lower in c.to_lowercase() {
        for d in std::iter::once(lower).nfd() {
            if !is_combining_mark(d) {
                push(d);
            }
        }
    }
}

/// A parsed query: folded words and phrases, all of which must match.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub needles: Vec<String>,
}

impl Query {
    /// Split on white space, keeping "quoted phrases" together. An unclosed quote runs
    /// to the end of the query.
    pub fn parse(text: &str) -> Self {
        let mut needles = Vec::new();
        let mut rest = text;
        loop {
            rest = rest.trim_start();
            if rest.is_empty() {
                break;
            }
            if let Some(after) = rest.strip_prefix('"') {
                let (phrase, next) = match after.find('"') {
                    Some(end) => (&after[..end], &after[end + 1..]),
                    None => (after, ""),
                };
                let words: Vec<String> = phrase.split_whitespace().map(fold).collect();
                if !words.is_empty() {
                    needles.push(words.join(" "));
                }
                rest = next;
            } else {
                let end = rest
                    .find(|c: char| c.is_whitespace() || c == '"')
                    .unwrap_or(rest.len());
                let word = fold(&rest[..end]);
                let word = word.trim_matches(|c: char| !c.is_alphanumeric());
                if !word.is_empty() {
                    needles.push(word.to_string());
                }
                rest = &rest[end..];
            }
        }
        Self { needles }
    }

    pub fn is_empty(&self) -> bool {
        self.needles.is_empty()
    }

    /// Does the folded text hold every needle at a word start? (For one text; to test
    /// many, make a [`Matcher`] once.)
    pub fn matches(&self, folded: &str) -> bool {
        self.matcher().matches(folded)
    }

    /// The query prepared for testing many texts.
    pub fn matcher(&self) -> Matcher {
        Matcher {
            needles: self
                .needles
                .iter()
                .map(|n| Needle {
                    finder: memchr::memmem::Finder::new(n.as_bytes()).into_owned(),
                    starts_word: n.chars().next().is_some_and(char::is_alphanumeric),
                })
                .collect(),
        }
    }
}

/// A [`Query`] prepared for testing many folded texts: each needle's substring
/// searcher is built once (a search at 100,000 entries tests every one).
#[derive(Debug, Clone)]
pub struct Matcher {
    needles: Vec<Needle>,
}

#[derive(Debug, Clone)]
struct Needle {
    finder: memchr::memmem::Finder<'static>,
    /// A needle that starts with a letter or digit must start a word in the text.
    starts_word: bool,
}

impl Matcher {
    /// Does the folded text hold every needle at a word start?
    pub fn matches(&self, folded: &str) -> bool {
        self.needles.iter().all(|n| n.is_in(folded))
    }
}

impl Needle {
    fn is_in(&self, hay: &str) -> bool {
        let bytes = hay.as_bytes();
        let mut start = 0;
        while let Some(pos) = bytes.get(start..).and_then(|rest| self.finder.find(rest)) {
            let at = start + pos;
            // A match of UTF-8 in UTF-8 starts on a character boundary.
            let boundary = hay.get(..at).is_some_and(|before| {
                before
                    .chars()
                    .next_back()
                    .is_none_or(|p| !p.is_alphanumeric())
            });
            if boundary || !self.starts_word {
                return true;
            }
            start = at + 1;
        }
        false
    }
}

/// A quick test on a record's JSON, before it is parsed and folded: `false` only when
/// `query` certainly cannot match the entry it holds, so a search skips most entries
/// without parsing them. `lowered` is a buffer to reuse (it ends up holding user text:
/// the caller zeroizes it).
///
/// Exact for every needle made of printable ASCII other than `\` and `"`: the JSON
/// writes such characters as themselves, and ASCII folds by lowercasing, so a folded
/// match is a case-blind match in the JSON. Any other character of the JSON must fold to
/// itself (as curly quotes and dashes do); one that does not (an accented letter, a
/// combining mark), or an escape written as `\u`, answers `true` and leaves the entry to
/// the full match.
pub(crate) fn may_match_json(query: &Query, json: &[u8], lowered: &mut Vec<u8>) -> bool {
    let checkable = |n: &&String| {
        n.bytes()
            .all(|b| (b.is_ascii_graphic() || b == b' ') && b != b'\\' && b != b'"')
    };
    if !query.needles.iter().any(|n| checkable(&n)) {
        return true;
    }
    if !json.is_ascii() {
        let Ok(text) = std::str::from_utf8(json) else {
            return true;
        };
        if !text.chars().filter(|c| !c.is_ascii()).all(folds_to_itself) {
            return true;
        }
    }
    lowered.clear();
    lowered.extend(json.iter().map(u8::to_ascii_lowercase));
    // Lowercasing ASCII bytes keeps UTF-8 valid.
    let Ok(lowered) = std::str::from_utf8(lowered) else {
        return true;
    };
    if lowered.contains("\\u") {
        return true;
    }
    query
        .needles
        .iter()
        .filter(checkable)
        .all(|n| lowered.contains(n.as_str()))
}

/// Does `c` fold to exactly itself?
fn folds_to_itself(c: char) -> bool {
    let (mut count, mut same) = (0, true);
    fold_char(c, |f| {
        count += 1;
        same &= f == c;
    });
    count == 1 && same
}

/// First position at or after `from` where `needle` occurs at the start of a word.
pub(crate) fn find_at_word_start(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let mut start = from;
    while let Some(pos) = hay.get(start..)?.find(needle) {
        let at = start + pos;
        let boundary = hay[..at]
            .chars()
            .next_back()
            .is_none_or(|prev| !prev.is_alphanumeric());
        let needle_starts_word = needle.chars().next().is_some_and(|c| !c.is_alphanumeric());
        if boundary || needle_starts_word {
            return Some(at);
        }
        start = at + needle.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// A piece of an entry's text around the first match, with the matched ranges marked
/// (character offsets into `text`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<(usize, usize)>,
}

const SNIPPET_BEFORE: usize = 60;
const SNIPPET_CHARS: usize = 180;

/// The opening of `text` as a preview, cut at a word boundary.
pub fn preview(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    cut_at_word(&flat, SNIPPET_CHARS)
}

fn cut_at_word(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let trimmed = match cut.rfind(' ') {
        Some(i) if i > max_chars / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{trimmed}…")
}

/// A snippet of `text` around the first place `query` matches, or `None` if it does not
/// match inside `text` (it may have matched the title or tags).
pub fn snippet(text: &str, query: &Query) -> Option<Snippet> {
    // Flatten white space first, so offsets are into what is shown.
    let flat: Vec<char> = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect();
    // Fold with a map from each folded char back to its source char.
    let mut folded = String::new();
    let mut source_of: Vec<usize> = Vec::new(); // per folded byte
    for (i, &c) in flat.iter().enumerate() {
        fold_char(c, |f| {
            folded.push(f);
            source_of.extend(std::iter::repeat_n(i, f.len_utf8()));
        });
    }
    source_of.push(flat.len());
    let mut hits: Vec<(usize, usize)> = Vec::new();
    for needle in &query.needles {
        let mut from = 0;
        while let Some(at) = find_at_word_start(&folded, needle, from) {
            let end = at + needle.len();
            hits.push((
                source_of[at],
                source_of[end.min(source_of.len() - 1)].max(source_of[at] + 1),
            ));
            from = end;
        }
    }
    hits.sort_unstable();
    let &(first, _) = hits.first()?;
    let mut start = first.saturating_sub(SNIPPET_BEFORE);
    while start > 0 && start < first && flat[start - 1] != ' ' {
        start += 1;
    }
    let end = (start + SNIPPET_CHARS).min(flat.len());
    let mut shown: String = flat[start..end].iter().collect();
    let mut offset = 0;
    if start > 0 {
        shown.insert(0, '…');
        offset = 1;
    }
    if end < flat.len() {
        shown.push('…');
    }
    let highlights = hits
        .into_iter()
        .filter(|&(s, e)| s >= start && e <= end)
        .map(|(s, e)| (s - start + offset, e - start + offset))
        .collect();
    Some(Snippet {
        text: shown,
        highlights,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The folding of one character at a time, as `fold_into` did before its ASCII
    /// runs were copied whole.
    fn fold_by_char(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            fold_char(c, |f| out.push(f));
        }
        out
    }

    #[test]
    fn folding_ascii_runs_whole_gives_what_folding_each_character_gives() {
        let pieces = [
            "Plain ASCII",
            "ÉCOLE",
            "é",
            "e\u{301}",
            "İstanbul",
            "ß",
            "Σ",
            "睡眠",
            "\n",
            " ",
            "MAYA-2",
            "ﬁ",
            "Ångström",
            "😀",
            "",
        ];
        // Every ordered pair and triple of pieces, so runs start and end everywhere.
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}");
                    assert_eq!(fold(&text), fold_by_char(&text), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Crème BRÛLÉE Ça"), "creme brulee ca");
        assert_eq!(fold("ÅNGSTRÖM"), "angstrom");
    }

    #[test]
    fn queries_split_words_and_keep_phrases() {
        let q = Query::parse(r#"  Sleep "holding the BABY"  mind, "#);
        assert_eq!(q.needles, vec!["sleep", "holding the baby", "mind"]);
        let q = Query::parse(r#"open "quote runs on"#);
        assert_eq!(q.needles, vec!["open", "quote runs on"]);
        assert!(Query::parse("  \"\" ").is_empty());
    }

    #[test]
    fn every_word_must_match_at_a_word_start() {
        let text = fold("The mother seemed exhausted; the baby's sleep is broken.");
        assert!(Query::parse("sleep mother").matches(&text));
        assert!(Query::parse("EXHAUST").matches(&text));
        assert!(!Query::parse("sleep father").matches(&text));
        assert!(
            !Query::parse("other").matches(&text),
            "no match inside a word"
        );
        assert!(Query::parse("\"the baby's sleep\"").matches(&text));
        assert!(!Query::parse("\"the sleep\"").matches(&text));
        assert!(Query::parse("médecin").matches(&fold("Le MEDECIN est venu")));
    }

    /// The quick test on a record's JSON never turns away an entry the full match
    /// finds, on text full of what could trip it: case, accents written both ways,
    /// combining marks, a Kelvin sign, curly quotes, escapes, `\u` and quotes.
    #[test]
    fn the_quick_json_test_never_refuses_a_real_match() {
        const PIECES: [&str; 24] = [
            "sleep",
            "Sleep",
            "SLEEP",
            "café",
            "CAFÉ",
            "cafe\u{301}",
            "ca\u{301}fe",
            "\u{212a}elvin",
            "kelvin",
            "’",
            "“quoted”",
            "\"",
            "\\",
            "\\u0041",
            "\n",
            "\t",
            "\u{1}",
            " ",
            " ",
            "—",
            "baby's",
            "Ångström",
            "mo",
            "ther",
        ];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let (mut matched, mut refused) = (0, 0);
        let mut lowered = Vec::new();
        for _ in 0..4000 {
            let parts: Vec<String> = (0..1 + next(3))
                .map(|_| (0..next(8)).map(|_| PIECES[next(PIECES.len())]).collect())
                .collect();
            let folded = parts.iter().map(|p| fold(p)).collect::<Vec<_>>().join("\n");
            let query = if next(2) == 0 && !folded.is_empty() {
                // A piece of the text itself, so that matches are common.
                let chars: Vec<char> = folded.chars().collect();
                let start = next(chars.len());
                let end = (start + 1 + next(8)).min(chars.len());
                let piece: String = chars[start..end].iter().collect();
                Query::parse(&format!("\"{piece}\""))
            } else {
                Query::parse(PIECES[next(PIECES.len())])
            };
            let json = serde_json::to_vec(&parts).unwrap();
            let quick = may_match_json(&query, &json, &mut lowered);
            if query.matches(&folded) {
                matched += 1;
                assert!(
                    quick,
                    "{parts:?} matches {query:?} but the quick test refused it"
                );
            } else if !quick {
                refused += 1;
            }
        }
        assert!(
            matched > 500 && refused > 100,
            "{matched} matched, {refused} refused"
        );
    }

    #[test]
    fn snippet_marks_the_hit_in_the_original_text() {
        let text = "Début. ".repeat(30) + "Then Élodie's crying stopped when held.";
        let s = snippet(&text, &Query::parse("elodie held")).unwrap();
        let chars: Vec<char> = s.text.chars().collect();
        let marked: Vec<String> = s
            .highlights
            .iter()
            .map(|&(a, b)| chars[a..b].iter().collect())
            .collect();
        assert_eq!(marked, vec!["Élodie".to_string(), "held".to_string()]);
        assert!(s.text.starts_with('…'));
        assert!(snippet("nothing here", &Query::parse("absent")).is_none());
    }
}
