//! Words of a text and where sentences begin, for the name and place checks.

use std::cell::OnceCell;
use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{self, Class};

/// A word: letters, joined by apostrophes (also the ‘ some type for the ʻokina) and hyphens.
#[allow(clippy::expect_used)] // a constant pattern, checked by the unit tests
static WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{L}\p{M}]+(?:['’‘\-][\p{L}\p{M}]+)*").expect("a valid built-in pattern")
});

/// One word, in byte offsets.
#[derive(Debug)]
pub(super) struct Token<'a> {
    pub start: usize,
    /// The end of the word without a possessive 's.
    pub end: usize,
    /// The word without a possessive 's.
    pub bare: &'a str,
    pub possessive: bool,
    pub lower: String,
    class: OnceCell<Class>,
}

impl Token<'_> {
    pub fn capitalised(&self) -> bool {
        self.bare.chars().next().is_some_and(char::is_uppercase)
    }

    /// NICU, WIC, IFSP, RNs: acronyms are programs, forms and roles (or initials).
    pub fn acronym(&self) -> bool {
        let core = self.bare.strip_suffix('s').unwrap_or(self.bare);
        core.chars().filter(|c| c.is_alphabetic()).count() > 1
            && core.chars().all(|c| !c.is_lowercase())
    }

    pub fn single_letter(&self) -> bool {
        self.bare.chars().count() == 1
    }

    /// What the word lists say the word is (looked up once per word).
    pub fn class(&self) -> Class {
        *self.class.get_or_init(|| lexicon::class(self.bare))
    }

    /// Family codes ("F12", "FAM-7"): letters touching digits are never a name.
    pub fn touches_digit(&self, text: &str) -> bool {
        let after = &text[self.end..];
        let next_digit = after.chars().next().is_some_and(|c| c.is_ascii_digit())
            || after
                .strip_prefix('-')
                .and_then(|a| a.chars().next())
                .is_some_and(|c| c.is_ascii_digit());
        let prev_digit = text[..self.start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit());
        next_digit || prev_digit
    }
}

pub(super) fn tokens(text: &str) -> Vec<Token<'_>> {
    WORD.find_iter(text)
        .map(|m| {
            let w = m.as_str();
            let bare = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .filter(|b| !b.is_empty())
                .unwrap_or(w);
            let possessive = bare.len() < w.len()
                || text[m.end()..].starts_with("'s")
                || text[m.end()..].starts_with("’s");
            Token {
                start: m.start(),
                end: m.start() + bare.len(),
                bare,
                possessive,
                lower: bare.to_lowercase(),
                class: OnceCell::new(),
            }
        })
        .collect()
}

/// The word begins a sentence, a line, a quotation, a bracket or the text.
pub(super) fn at_sentence_start(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\t']);
    match before.chars().next_back() {
        None => true,
        Some(c) => ".!?:;\n\"“‘(*•–—-".contains(c),
    }
}

/// The word begins a line or the text (spaces before it aside): a note's heading.
pub(super) fn at_line_start(text: &str, start: usize) -> bool {
    text[..start]
        .trim_end_matches([' ', '\t'])
        .chars()
        .next_back()
        .is_none_or(|c| c == '\n')
}

/// Separated by exactly one space (so a run of words reads as one name).
pub(super) fn adjacent(text: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    !a.possessive && &text[a.end..b.start] == " "
}

/// Up to `bytes` bytes of `text` just before `at`, narrowed to a character boundary.
pub(super) fn window_before(text: &str, at: usize, bytes: usize) -> &str {
    let mut from = at.saturating_sub(bytes);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..at]
}

/// Up to `bytes` bytes of `text` just after `at`, narrowed to a character boundary.
pub(super) fn window_after(text: &str, at: usize, bytes: usize) -> &str {
    let mut to = at.saturating_add(bytes).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    &text[at..to]
}
