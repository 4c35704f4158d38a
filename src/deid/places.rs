//! Named places and organisations that could point to one family: a run of capitalised
//! words ending in a place word ("Oakwood Family Refuge", "Hope House", "Maplewood
//! Elementary", "Sandhu Brothers Trucking") with at least one word that is not generic
//! ("Community Health Center" alone names no place), and "St. X's".

use super::lexicon::{self, Class};
use super::tokens::{tokens, Token};
use super::{AllowList, Candidate, FindingKind};

/// Small words that may sit inside a place's name ("Lady of Lourdes Church", "Boys and
/// Girls Club").
const CONNECTORS: [&str; 2] = ["of", "and"];

/// Words dropped from the front of a run ("the Bayview Motel").
const LEADING: [&str; 12] = [
    "the", "a", "an", "at", "in", "from", "to", "my", "her", "his", "their", "this",
];

const SAINTS: [&str; 4] = ["St", "Saint", "Ste", "San"];

/// Two words that belong to one name: one space apart, a possessive ("Children's
/// Hospital"), "St. Mary's", "Ages & Stages".
fn joined(text: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    let gap = &text[a.end..b.start];
    gap == " "
        || (a.possessive && (gap == "'s " || gap == "’s "))
        || (SAINTS.contains(&a.bare) && gap == ". ")
        || gap == " & "
}

fn name_part(t: &Token<'_>) -> bool {
    t.capitalised() || CONNECTORS.contains(&t.lower.as_str())
}

/// Says which place this is, rather than what kind of place.
fn distinctive(t: &Token<'_>) -> bool {
    t.capitalised()
        && !lexicon::is_place_word(&t.lower)
        && !lexicon::is_place_generic(&t.lower)
        && !SAINTS.contains(&t.bare)
        && t.class() != Class::Never
}

/// A place word ending a name; "Care" only as "Child Care" or "Day Care".
fn head(toks: &[Token<'_>], j: usize) -> bool {
    let t = &toks[j];
    if !t.capitalised() {
        return false;
    }
    if t.lower == "care" {
        return j > 0 && matches!(toks[j - 1].lower.as_str(), "child" | "day");
    }
    lexicon::is_place_word(&t.lower)
}

/// Every place found, as byte ranges (the name check skips them).
pub(super) fn places(text: &str, allow: &AllowList, found: &mut Vec<Candidate>) -> Vec<(usize, usize)> {
    let toks = tokens(text);
    let n = toks.len();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut j = 0;
    while j < n {
        let saint = SAINTS.contains(&toks[j].bare)
            && toks.get(j + 1).is_some_and(|x| {
                x.capitalised() && x.possessive && joined(text, &toks[j], x)
            });
        if !head(&toks, j) && !saint {
            j += 1;
            continue;
        }
        // Walk back over the capitalised words (and connectors between them).
        let mut s = j;
        while s > 0 && joined(text, &toks[s - 1], &toks[s]) && name_part(&toks[s - 1]) {
            s -= 1;
        }
        // Not "Tuesday and Hope House" nor "the Bayview Motel".
        while s < j
            && (LEADING.contains(&toks[s].lower.as_str())
                || !toks[s].capitalised()
                || (toks[s].class() == Class::Never && !SAINTS.contains(&toks[s].bare)))
        {
            s += 1;
        }
        // Run on over further place words ("Mobile Home Park", "Elementary School").
        let mut e = if saint { j + 1 } else { j };
        while e + 1 < n
            && joined(text, &toks[e], &toks[e + 1])
            && toks[e + 1].capitalised()
            && (head(&toks, e + 1) || lexicon::is_place_generic(&toks[e + 1].lower))
        {
            e += 1;
        }
        while e > j && !head(&toks, e) && !(saint && e == j + 1) {
            e -= 1;
        }
        let words = &toks[s..=e];
        let allowed = words.iter().any(|t| allow.contains(t.bare));
        if !allowed && (saint || words.iter().any(distinctive)) {
            let (start, end) = (toks[s].start, toks[e].end);
            spans.push((start, end));
            found.push(Candidate {
                kind: FindingKind::Place,
                start,
                end,
            });
        }
        j = e + 1;
    }
    spans
}
