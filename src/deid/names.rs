//! Personal names. A capitalised word inside a sentence is a name unless the word lists
//! say it is an ordinary word, a place or one of the project's never-a-name words; at a
//! sentence start (capitalised anyway) a known first name or a word on no list is a name,
//! and an ordinary word that is also a first name (Faith, Rose) only with a name's
//! context ("Faith was cruising", "Rose got"). Words that are ordinary or months (June,
//! Major, Bishop) are names only in a strong context ("baby June", "June and Autumn are
//! sisters", "Major grabbed", "Bishop, who"). Also initials ("RB said", "T.W.",
//! "mom (J.)"), lower-case names in a strong context ("baby keke"), and words in scripts
//! without case (Chinese, Arabic, Hebrew), which cannot be told apart and are asked about.
//! A word flagged once is flagged everywhere in the same text.

use std::cell::LazyCell;
use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{self, Class};
use super::tokens::{adjacent, at_sentence_start, window_after, window_before, Token};
use super::{AllowList, Candidate, FindingKind};

#[allow(clippy::expect_used)] // constant patterns, checked by the unit tests
fn pattern(re: &str) -> Regex {
    Regex::new(&super::detect::ascii_word_boundaries(re)).expect("a valid built-in pattern")
}

/// Dotted initials: "T.W.", "J.", "t.w.".
static DOTTED: LazyLock<Regex> = LazyLock::new(|| pattern(r"\b(?:[A-Za-z]\.){1,3}(?:[A-Za-z]\b)?"));

/// Another dotted initial right after (", D.S.") or right before ("P.K., ") a dotted
/// pair of capitals: a list of children's initials.
static INITIALS_LIST_AFTER: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"^,?\ (?:and\ )?[A-Z]\.[A-Z]\."));
static INITIALS_LIST_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"[A-Z]\.[A-Z]\.,?(?:\ and)?$"));

/// A strength right after a word ("Sertraline 50 mg", "Zoloft 25mg"): a medicine, not a
/// person ("gave Aiden 2.5 ml" still names a child).
static DOSE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"^\ \d+(?:\.\d+)?\ ?(?i:mg|mcg|µg)\b"));

/// A run of letters from scripts without case, with its marks (names cannot be told
/// from other words there, so every run is asked about); not the ordinal marks of "nº"
/// and "1ª", which are Latin.
static CASELESS: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"[\p{Lo}--[ªº]][\p{Lo}\p{M}]*(?: [\p{Lo}--[ªº]][\p{Lo}\p{M}]*)*"));

/// An age right after a word: "Harmony 18 mo", "Gunner 2yo", "Lyric (5)", "Wren, 4 mo";
/// also the bracket a note puts after a child's name: "(ex-29wk, 14 mo)", "(twins, 9
/// mo)", "(sisters, 2 and 4)". Not "2 mo ago" (a time, not an age).
static AGE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)^(?:
            ,?\ \(?\d{1,2}(?:\.\d)?\ ?(?:mo|mos|months?|m|wks?|weeks?|w|yo|y/o|y|yrs?|years?|days?|d)\b(?:\ (?:ago|later|earlier)\b)?
          | \ \(\d{1,2}\)
          | \ \((?:ex-?\ ?\d{2}\ ?(?:\+\d\ ?)?(?:wk|wks|w|weeker)|(?:twins?|triplets?|sisters?|brothers?|sibs?|siblings?|cousins?),)
        )",
    )
});

/// Words that often stand before an age and are never its subject ("Corrected 6 mo",
/// "Visit 2 wks", "About 3 months").
const AGE_LEADS: &[&str] = &[
    "about",
    "around",
    "almost",
    "nearly",
    "over",
    "under",
    "past",
    "since",
    "after",
    "before",
    "every",
    "last",
    "next",
    "first",
    "only",
    "just",
    "now",
    "visit",
    "visits",
    "session",
    "week",
    "weight",
    "age",
    "aged",
    "born",
    "corrected",
    "adjusted",
    "gestational",
    "at",
    "in",
    "for",
    "approx",
    "roughly",
    "another",
    "still",
    "today",
    "tonight",
    "went",
    "was",
    "took",
    "takes",
    "take",
    "spent",
    "lasted",
    "waited",
    "wait",
    "slept",
    "napped",
    "fed",
    "ago",
    "within",
    "until",
    "till",
    "by",
    "from",
    "to",
    "than",
    "of",
    "on",
    "up",
    "out",
    "down",
    "back",
    "both",
    "all",
    "each",
    "times",
    "x",
    "plus",
    "and",
    "or",
    "but",
];

/// Roles a name can stand beside ("Gareth, the supervising worker", "The mother, Aisling,").
const ROLE_NOUNS: &[&str] = &[
    "worker",
    "caseworker",
    "nurse",
    "midwife",
    "doula",
    "therapist",
    "physiotherapist",
    "teacher",
    "advocate",
    "supervisor",
    "friend",
    "neighbour",
    "neighbor",
    "landlord",
    "landlady",
    "child",
    "kid",
    "baby",
    "oldest",
    "youngest",
    "eldest",
    "middle",
    "one",
    "coordinator",
    "visitor",
    "officer",
    "guardian",
    "carer",
    "caregiver",
    "roommate",
    "sibling",
    "half-sister",
    "half-brother",
    "counselor",
    "counsellor",
    "attorney",
    "lawyer",
    "interpreter",
    "manager",
    "pediatrician",
    "paediatrician",
    "mentor",
];

/// Words that may sit between "is" and a role ("is the big bro", "is mom's bf").
const ROLE_MODIFIERS: &[&str] = &[
    "the",
    "her",
    "his",
    "their",
    "my",
    "our",
    "a",
    "big",
    "little",
    "lil",
    "older",
    "younger",
    "baby",
    "new",
    "bio",
    "maternal",
    "paternal",
    "supervising",
    "social",
    "key",
    "family",
    "only",
    "oldest",
    "youngest",
    "eldest",
    "middle",
    "current",
    "step",
];

/// Milestones only a person reaches: "River is walking", "Sky was crawling".
const PERSON_PROGRESSIVES: &[&str] = &[
    "walking", "crawling", "teething", "babbling", "cooing", "cruising", "talking", "nursing",
    "latching", "napping", "crying", "smiling", "laughing", "giggling", "scooting", "toddling",
    "standing", "sitting", "rolling", "eating", "sleeping",
];

/// A verb in the past that takes a person's pronoun after it ("Dawn lost her temper",
/// "Ivy let me hold her"): a first name that is also a word reads as its subject.
const PAST_BEFORE_PRONOUN: &[&str] = &[
    "lost", "got", "had", "took", "gave", "held", "kept", "made", "told", "put", "let", "hit",
    "threw", "left", "found", "brought", "bit", "sent", "showed", "asked", "wanted",
];

/// Negated verbs typed with or without the apostrophe ("Will wouldnt let go", "kiki
/// wont eat").
const NEGATIVES: &[&str] = &[
    "wont",
    "won't",
    "won’t",
    "wouldnt",
    "wouldn't",
    "wouldn’t",
    "doesnt",
    "doesn't",
    "doesn’t",
    "didnt",
    "didn't",
    "didn’t",
    "cant",
    "can't",
    "can’t",
    "isnt",
    "isn't",
    "isn’t",
    "hasnt",
    "hasn't",
    "hasn’t",
];

const HONORIFICS: [&str; 9] = ["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Mme", "Mlle"];

/// Dotted letters that are abbreviations, not initials.
const ABBREVIATIONS: [&str; 27] = [
    "ie", "eg", "am", "pm", "nb", "ps", "us", "uk", "dc", "po", "dob", "rn", "md", "ba", "ma",
    "bs", "ad", "bc", "er", "iv", "ot", "pt", "vs", "aka", "rr", "st", "jr",
];

/// Spanish words for relatives and elders that a first name follows ("abuela rosa").
const SPANISH_KIN: [&str; 16] = [
    "abuela", "abuelita", "abuelo", "tía", "tia", "tío", "tio", "prima", "primo", "madrina",
    "padrino", "comadre", "compadre", "doña", "dona", "hermana",
];

/// Words after which the next word names a person: family roles, clergy, "baby", "named".
const NAMING_WORDS: &[&str] = &[
    "baby",
    "bub",
    "bubba",
    "named",
    "nicknamed",
    "newborn",
    "mom",
    "mum",
    "mama",
    "mother",
    "dad",
    "daddy",
    "papa",
    "father",
    "sister",
    "brother",
    "cousin",
    "aunt",
    "auntie",
    "aunty",
    "uncle",
    "grandma",
    "grandpa",
    "grandmother",
    "grandfather",
    "nana",
    "granny",
    "abuela",
    "abuelo",
    "tia",
    "tio",
    "son",
    "daughter",
    "boyfriend",
    "girlfriend",
    "pastor",
    "imam",
    "rabbi",
    "husband",
    "wife",
    "partner",
    "fiance",
    "fiancé",
    "fiancee",
    "twin",
    "stepmom",
    "stepdad",
    "stepmother",
    "stepfather",
    "niece",
    "nephew",
    "grandson",
    "granddaughter",
    "godmother",
    "godfather",
    "ex",
    // text-speak: sis, bro, boyfriend, grandmother, father of the baby, "lil man"
    "sis",
    "bro",
    "bf",
    "gf",
    "hubby",
    "gma",
    "gpa",
    "mgm",
    "pgm",
    "fob",
    "lil",
    "stepson",
    "stepdaughter",
];

/// Roles before initials ("pt DL", "client RB"): a person, though not always a relative.
const INITIAL_ROLES: [&str; 8] = [
    "pt",
    "patient",
    "client",
    "supervisee",
    "infant",
    "toddler",
    "child",
    "caregiver",
];

/// Words after "the X" that make X a family's name ("the Castillo baby", "the Alvarez
/// case").
const FAMILY_NOUNS: [&str; 12] = [
    "family",
    "families",
    "baby",
    "babies",
    "case",
    "kids",
    "children",
    "twins",
    "boys",
    "girls",
    "household",
    "home",
];

/// Phrases right before a word that make it a name: "my name's Precious", "named the
/// baby Journey", "calls me Pree", "her name is".
const NAME_INTRODUCERS: [&str; 16] = [
    "name is ",
    "name's ",
    "name’s ",
    "names are ",
    "named the baby ",
    "named her ",
    "named him ",
    "named them ",
    "calls me ",
    "call me ",
    "calls him ",
    "calls her ",
    "nickname is ",
    "goes by ",
    "known as ",
    "name was ",
];

/// Words that make "her" a possessive after "calls" ("calls her youngest", "calls her
/// son"): the person called, not what they are called ("him" is never possessive).
const RELATIVES_AFTER_HER: [&str; 20] = [
    "youngest",
    "oldest",
    "eldest",
    "middle",
    "baby",
    "little",
    "son",
    "daughter",
    "boy",
    "girl",
    "twins",
    "kids",
    "children",
    "partner",
    "husband",
    "wife",
    "boyfriend",
    "girlfriend",
    "mom",
    "mother",
];

/// Verbs only people (mostly babies) do: after one, even an ordinary word is a name.
const PERSON_VERBS: &[&str] = &[
    "cried",
    "cries",
    "smiled",
    "smiles",
    "laughed",
    "laughs",
    "giggled",
    "giggles",
    "babbled",
    "babbles",
    "cooed",
    "coos",
    "crawled",
    "crawls",
    "napped",
    "naps",
    "fussed",
    "fusses",
    "nursed",
    "hugged",
    "hugs",
    "kissed",
    "whispered",
    "shouted",
    "screamed",
    "yelled",
    "texted",
    "grabbed",
    "grabs",
    "kicked",
    "waved",
    "waves",
    "pointed",
    "toddled",
    "startled",
    "fainted",
    "sobbed",
    "signed",
    "teethed",
    "pooped",
    "screams",
    "screamed",
    "smashed",
    "climbed",
    "climbs",
    "bit",
    "bites",
    "threw",
    "throws",
    "spat",
    "drooled",
    "drools",
    "snuggled",
    "snuggles",
    "cuddled",
    "scooted",
    "scoots",
    "squealed",
    "squeals",
    "wiggled",
    "latched",
    "burped",
    "spit",
];

/// Verbs that follow a person as subject (said, was cruising, showed).
const NAME_VERBS: [&str; 71] = [
    "said",
    "says",
    "told",
    "tells",
    "asked",
    "asks",
    "texts",
    "called",
    "calls",
    "emailed",
    "wrote",
    "writes",
    "brought",
    "brings",
    "wants",
    "wanted",
    "needs",
    "needed",
    "thinks",
    "thought",
    "showed",
    "shows",
    "came",
    "comes",
    "sang",
    "got",
    "gets",
    "might",
    "left",
    "leaves",
    "stayed",
    "stays",
    "started",
    "went",
    "goes",
    "looked",
    "looks",
    "took",
    "takes",
    "walked",
    "slept",
    "sleeps",
    "ate",
    "loves",
    "loved",
    "feels",
    "felt",
    "knows",
    "knew",
    "tried",
    "tries",
    "held",
    "holds",
    "kept",
    "made",
    "gave",
    "pulled",
    "reached",
    "rolled",
    "played",
    "watched",
    "noticed",
    "shared",
    "mentioned",
    "refused",
    "turned",
    "fell",
    "woke",
    "sat",
    "stood",
    "ran",
];

const SIBLINGS: [&str; 15] = [
    "sisters", "brothers", "twins", "cousins", "siblings", "triplets", "friends", "babies", "boys",
    "girls", "kids", "sibs", "oldest", "youngest", "eldest",
];

/// Words between "are" and the sibling word: "are the two boys", "are both twins".
const SIBLING_LEADS: [&str; 10] = [
    "the", "two", "three", "both", "her", "his", "their", "my", "little", "older",
];

const NUMBER_WORDS: [&str; 12] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

/// Titles before a surname ("Judge Harris", "Officer Brown"); "Dr" and "Mrs" are
/// honorifics, handled apart.
const TITLES: [&str; 18] = [
    "judge",
    "officer",
    "coach",
    "nurse",
    "teacher",
    "deacon",
    "elder",
    "reverend",
    "rev",
    "chaplain",
    "director",
    "principal",
    "sergeant",
    "detective",
    "attorney",
    "counselor",
    "caseworker",
    "pastor",
];

/// Family and care words after a possessive name ("Hope's mom", "Destiny's baby").
const POSSESSED_KIN: [&str; 24] = [
    "dad",
    "daddy",
    "mom",
    "mommy",
    "mum",
    "mother",
    "father",
    "mama",
    "papa",
    "baby",
    "grandma",
    "grandmother",
    "nana",
    "sister",
    "brother",
    "aunt",
    "auntie",
    "uncle",
    "cousin",
    "son",
    "daughter",
    "boyfriend",
    "girlfriend",
    "caseworker",
];

/// Verbs of care whose object is a person taken somewhere ("took tyrese to wic").
const OBJECT_VERBS: [&str; 13] = [
    "took", "take", "taking", "picked", "dropped", "drove", "walked", "carried", "bathed",
    "visited", "met", "saw", "texted",
];

/// Titles and respect words written capitalised before a person's own name, in English
/// and in the languages of families practitioners visit ("Teacher Mica", "Ma'am Dolor",
/// "Tatay Rommel", "Aling Pacing", "Hajia Aisha", "Maame Serwaa").
const RESPECT_TITLES: [&str; 30] = [
    "Teacher", "Nurse", "Judge", "Coach", "Officer", "Ma'am", "Ma’am", "Maam", "Sir", "Tatay",
    "Nanay", "Aling", "Mang", "Ate", "Kuya", "Tita", "Tito", "Lola", "Lolo", "Inday", "Manang",
    "Manong", "Hajia", "Alhaji", "Alhaja", "Mallam", "Madam", "Maame", "Nne", "Pastor",
];

/// Verbs that places and brands do not do, after a word that could be either
/// ("Brooklyn asked", "Paris ate").
const SPEAKING_VERBS: [&str; 24] = [
    "said", "says", "told", "tells", "asked", "asks", "texts", "emailed", "wrote", "wants",
    "wanted", "needs", "thinks", "thought", "slept", "sleeps", "ate", "loves", "feels", "felt",
    "knows", "knew", "tried", "refused",
];

/// Verbs whose object is a person ("call Beatrix", "asked Chen"), not a place.
const ADDRESSING: [&str; 22] = [
    "remind",
    "reminded",
    "reassure",
    "reassured",
    "praised",
    "encouraged",
    "warned",
    "invited",
    "call",
    "called",
    "text",
    "texted",
    "ask",
    "asked",
    "tell",
    "told",
    "email",
    "emailed",
    "thank",
    "thanked",
    "hug",
    "hugged",
];

/// Words before a place name: "family in Georgia" is a place, "talked to Jordan" not.
/// The first one alone is enough to read a word on no list as a place.
const PLACE_PREPOSITIONS: [&str; 7] = ["in", "from", "near", "into", "across", "outside", "around"];

/// Words before a month: "in June", "last May".
const MONTH_PREPOSITIONS: [&str; 13] = [
    "in", "on", "since", "until", "by", "last", "next", "this", "early", "late", "mid", "of",
    "through",
];

/// What the text is: running prose, or a short field (a family code, a tag) where any
/// word that could be a name is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Prose,
    Field,
}

struct Ctx<'t, 'a> {
    text: &'t str,
    toks: &'a [Token<'t>],
}

impl Ctx<'_, '_> {
    /// The word just before `i`, one space away.
    fn prev(&self, i: usize) -> Option<&Token<'_>> {
        let p = self.toks.get(i.checked_sub(1)?)?;
        adjacent(self.text, p, &self.toks[i]).then_some(p)
    }

    /// The word just after `i`, one space away.
    fn next(&self, i: usize) -> Option<&Token<'_>> {
        let n = self.toks.get(i + 1)?;
        adjacent(self.text, &self.toks[i], n).then_some(n)
    }

    fn next_is(&self, i: usize, words: &[&str]) -> bool {
        self.next(i)
            .is_some_and(|n| words.contains(&n.lower.as_str()))
    }

    fn prev_is(&self, i: usize, words: &[&str]) -> bool {
        self.prev(i)
            .is_some_and(|p| words.contains(&p.lower.as_str()))
    }

    /// "X is 17", "X was 3", "X turned one", "X turns two".
    fn age_follows(&self, i: usize) -> bool {
        // "Child is 2y4m": a role's age, not a name's.
        if !self.next_is(i, &["is", "was", "turned", "turns"])
            || ROLE_NOUNS.contains(&self.toks[i].lower.as_str())
        {
            return false;
        }
        let after = self.text[self.toks[i + 1].end..].trim_start();
        after.starts_with(|c: char| c.is_ascii_digit())
            || self
                .next(i + 1)
                .is_some_and(|n| NUMBER_WORDS.contains(&n.lower.as_str()))
    }

    /// "Harmony 18 mo", "Gunner 2yo", "Lyric (5)": an age right after the word.
    fn age_after(&self, i: usize) -> bool {
        let t = &self.toks[i];
        // "in the Bronx 20 years", "Child 2y4m": a name takes no "the", and a role's age
        // is no name's.
        !t.possessive
            && !self.prev_is(i, &["the"])
            && !ROLE_NOUNS.contains(&t.lower.as_str())
            && !AGE_LEADS.contains(&t.lower.as_str())
            && !t.lower.ends_with("ly")
            && !t.lower.ends_with("ed")
            && AGE_AFTER.find(&self.text[t.end..]).is_some_and(|m| {
                !m.as_str().ends_with("ago")
                    && !m.as_str().ends_with("later")
                    && !m.as_str().ends_with("earlier")
            })
    }

    /// A role word, or a family word used as a possessive ("mom's bf").
    fn role_at(&self, j: usize) -> bool {
        let t = &self.toks[j];
        let last = t.lower.rsplit('-').next().unwrap_or("");
        !t.possessive
            && (NAMING_WORDS.contains(&t.lower.as_str())
                || ROLE_NOUNS.contains(&t.lower.as_str())
                || NAMING_WORDS.contains(&last))
    }

    /// From `j`, over modifiers and possessive family words, to a role word: "the big
    /// bro", "mom's bf", "the mother's older brother".
    fn role_phrase(&self, j: usize) -> bool {
        // "a quiet baby", "the fussy one's big sister": up to two plain describing words
        // after the article.
        let mut describing = 0;
        for k in j..j + 5 {
            let Some(t) = self.toks.get(k) else {
                return false;
            };
            if self.role_at(k) {
                return true;
            }
            let family_possessive = t.possessive
                && (NAMING_WORDS.contains(&t.lower.as_str())
                    || ["mother", "father", "mom", "mum", "dad", "baby"]
                        .contains(&t.lower.as_str()));
            let plain = k > j
                && describing < 2
                && !t.capitalised()
                && !t.possessive
                && lexicon::is_word(&t.lower)
                && ["the", "a", "an"].contains(&self.toks[j].lower.as_str());
            if plain && !ROLE_MODIFIERS.contains(&t.lower.as_str()) {
                describing += 1;
            } else if describing > 0
                || !(ROLE_MODIFIERS.contains(&t.lower.as_str()) || family_possessive)
            {
                // "the word my mentor used": a noun, then another phrase, is no role.
                return false;
            }
            if self.next(k).is_none() && !t.possessive {
                return false;
            }
        }
        false
    }

    /// "Chance is the baby", "ray is mom's bf", "Honor is the middle child".
    fn role_follows(&self, i: usize) -> bool {
        !self.toks[i].possessive
            && self.next_is(i, &["is", "was"])
            && self.next(i + 1).is_some()
            && self.role_phrase(i + 2)
    }

    /// "Bartholomew, the mother's older brother," and "The mother, Aisling, is".
    fn appositive(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let after_comma = self.text[t.end..].starts_with(", ");
        if after_comma && i + 1 < self.toks.len() && !t.possessive && self.role_phrase(i + 1) {
            let first = &self.toks[i + 1];
            // The role right after the comma: "Kai, the baby" (not "Kai, baby steps").
            if ["the", "her", "his", "their", "my", "our"].contains(&first.lower.as_str())
                || first.possessive
            {
                return true;
            }
        }
        // "Faith the grandma said": the role without commas, then a speaking verb (a
        // first name only: not "Afterwards the mother asked").
        if !t.possessive
            && lexicon::first_name_rank(&t.lower).is_some()
            && self.next_is(i, &["the"])
            && self.next_is(i + 1, NAMING_WORDS)
            && self.next_is(i + 2, &["said", "says", "told", "asked", "asks", "texted"])
        {
            return true;
        }
        let before_comma = self.text[..t.start].ends_with(", ");
        before_comma && i > 0 && self.role_at(i - 1) && self.text[t.end..].starts_with([',', ';'])
    }

    /// "peanut is what mom calls her", "grace is literally my middle name".
    fn name_said(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if t.possessive {
            return false;
        }
        let after = window_after(self.text, t.end, 48).to_lowercase();
        let Some(rest) = after
            .strip_prefix(" is ")
            .or_else(|| after.strip_prefix(" was "))
        else {
            return false;
        };
        if rest.starts_with("what ") {
            return rest.split_whitespace().take(5).any(|w| {
                w.starts_with("call") || w.starts_with("name") || w.starts_with("nickname")
            });
        }
        let words: Vec<&str> = rest
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty())
            .take(5)
            .collect();
        let mut k = 0;
        while k < words.len()
            && [
                "literally",
                "actually",
                "really",
                "also",
                "my",
                "her",
                "his",
                "their",
                "our",
                "the",
                "middle",
                "first",
                "real",
                "legal",
                "full",
                "nick",
                "baby's",
                "baby’s",
                "babys",
                "child's",
                "kid's",
                "girl's",
                "boy's",
            ]
            .contains(&words[k])
        {
            k += 1;
        }
        k > 0
            && words
                .get(k)
                .is_some_and(|w| *w == "name" || *w == "nickname")
    }

    /// "Summer n her mom", "Blessing and her mother": a person with their relative.
    fn with_own_relative(&self, i: usize) -> bool {
        self.next_is(i, &["and", "n", "with"])
            && self.next_is(i + 1, &["her", "his", "their"])
            && self.next_is(i + 2, NAMING_WORDS)
    }

    /// "River is walking", "Sky was crawling".
    fn milestone(&self, i: usize) -> bool {
        !self.toks[i].possessive
            && self.next_is(i, &["is", "was", "started"])
            && self.next_is(i + 1, PERSON_PROGRESSIVES)
    }

    /// "X and Y are sisters" (for either X or Y).
    fn sibling_pair(&self, i: usize) -> bool {
        let pair_at = |x: usize| {
            self.toks
                .get(x + 1)
                .is_some_and(|t| t.lower == "and" || t.lower == "n")
                && self
                    .toks
                    .get(x + 3)
                    .is_some_and(|t| t.lower == "are" || t.lower == "were")
                && (x + 4..x + 7)
                    .map_while(|k| self.toks.get(k))
                    .take_while(|t| {
                        SIBLINGS.contains(&t.lower.as_str())
                            || SIBLING_LEADS.contains(&t.lower.as_str())
                    })
                    .any(|t| SIBLINGS.contains(&t.lower.as_str()))
        };
        pair_at(i) || (i >= 2 && pair_at(i - 2))
    }

    /// A context that makes even an ordinary word a name.
    fn strong(&self, i: usize) -> bool {
        let t = &self.toks[i];
        self.age_after(i)
            || self.role_follows(i)
            || self.appositive(i)
            || self.name_said(i)
            || self.with_own_relative(i)
            || self.milestone(i)
            || self.after_naming_word(i)
            || self.goes_by(i)
            || self.introduced(i)
            || self.family_of(i)
            || self.born_follows(i)
            || role_in_brackets_after(self.text, t.end)
            || (!t.possessive && self.next_is(i, PERSON_VERBS))
            || self.age_follows(i)
            || self.sibling_pair(i)
            || self.text[t.end..].starts_with(", who ")
            || (!t.possessive && self.next_is(i, &["who"]))
            || self.told_someone(i)
            || self.after_title(i)
            || (!t.possessive && self.next_is(i, &["dob"]))
            || (t.possessive && self.next_is(i, &POSSESSED_KIN))
            || self.with_initial(i)
    }

    /// "Destiny R is 22 weeks", "Amber M. said": a given name, then the initial of a
    /// surname (not "Part C", "Plan B", "Vitamin D": none of them is a given name).
    fn with_initial(&self, i: usize) -> bool {
        let t = &self.toks[i];
        !t.possessive
            && lexicon::first_name_rank(&t.lower).is_some()
            && self.next(i).is_some_and(|n| {
                n.single_letter()
                    && n.capitalised()
                    && n.bare != "I"
                    && !self.text[n.end..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
            })
    }

    /// "took tyrese to wic", "dropped kiana off": a person taken or met somewhere, the
    /// object of a verb of care with a place or a direction after it.
    fn taken_somewhere(&self, i: usize) -> bool {
        let ends = self.toks.get(i + 1).is_none_or(|n| {
            let gap = &self.text[self.toks[i].end..n.start];
            gap.trim_start().starts_with([',', '.', ';', '!', '?'])
        });
        // "took popsicles to the park": a plural is a thing.
        !self.toks[i].lower.ends_with('s')
            && self.prev_is(i, &OBJECT_VERBS)
            && (ends
                || self.next_is(
                    i,
                    &[
                        "to", "for", "at", "home", "off", "up", "from", "back", "over", "in",
                    ],
                ))
    }

    /// "Teacher Mica", "Ma'am Dolor", "Tatay Rommel", "Hajia Joy": a capitalised title or
    /// respect word right before the word makes it a name, even one that is also a word.
    /// Not "the Judge Advocate" nor "Nurse Practitioner": a title after an article, or a
    /// role after the title, names no one.
    fn after_title(&self, i: usize) -> bool {
        let t = &self.toks[i];
        i > 0
            && self
                .prev(i)
                .is_some_and(|p| RESPECT_TITLES.contains(&p.bare))
            && !self.prev_is(i - 1, &["the", "a", "an"])
            && !ROLE_NOUNS.contains(&t.lower.as_str())
            && !ROLE_MODIFIERS.contains(&t.lower.as_str())
    }

    /// "moved to Denver", "drove back to Houston": a place after a word of going.
    fn moved_to(&self, i: usize) -> bool {
        i >= 2
            && self.prev_is(i, &["to"])
            && self.prev_is(
                i - 1,
                &[
                    "moved",
                    "moving",
                    "move",
                    "drove",
                    "driving",
                    "flew",
                    "relocated",
                    "back",
                ],
            )
    }

    /// "Summer told me", "May asked us": a season or a month does not tell anyone.
    fn told_someone(&self, i: usize) -> bool {
        !self.toks[i].possessive
            && self.next_is(i, &["told", "tells", "asked", "asks", "texted", "showed"])
            && self.next_is(i + 1, &["me", "us", "him", "her", "them"])
    }

    /// "Grace + Will", "Sky & Dawn": written like "and" in notes.
    fn plus_next(&self, i: usize) -> Option<usize> {
        let t = &self.toks[i];
        let n = self.toks.get(i + 1)?;
        let gap = &self.text[t.end..n.start];
        (gap == " + " || gap == " & " || gap == "+" || gap == "&").then_some(i + 1)
    }

    /// "baby June", "her husband Min-ho"; not "Newborn Behavioral
    /// Observations" (a title: another capitalised word follows).
    fn after_naming_word(&self, i: usize) -> bool {
        let naming = self.prev_is(i, NAMING_WORDS);
        let title = self.next(i).is_some_and(|n| {
            n.capitalised() && !n.acronym() && matches!(n.class(), Class::Word | Class::Never)
        });
        naming && !title
    }

    /// "my name's Precious", "named the baby Journey", "calls me Pree".
    fn introduced(&self, i: usize) -> bool {
        let start = self.toks[i].start;
        let before = window_before(self.text, start, 20).to_lowercase();
        // "everyone calls her youngest apa": "her youngest" is whom they call.
        let her_own = before.ends_with("calls her ") && self.relative_after_her(i);
        !her_own && NAME_INTRODUCERS.iter().any(|p| before.ends_with(p))
    }

    /// "the Castillo baby", "the Alvarez case": a family's name.
    /// Not "the Strengthening Families framework": the noun is in lower case, and an
    /// ordinary word before it must be a surname too ("the Baker family").
    fn family_of(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let noun_lower = self.next(i).is_some_and(|n| !n.capitalised());
        if !(self.prev_is(i, &["the"])
            && !t.possessive
            && self.next_is(i, &FAMILY_NOUNS)
            && noun_lower)
        {
            return false;
        }
        // Not "the Malay family": a people or a place the dictionary knows, unless it is
        // also a surname.
        let surname_like = !matches!(t.class(), Class::Word | Class::Proper)
            || t.lower.split('-').any(lexicon::is_surname);
        // "the Kowloon family", "the Lagos family": a big place, not a surname.
        let big_place = lexicon::is_known_place(&t.lower) && !lexicon::is_surname(&t.lower);
        surname_like && !big_place
    }

    /// "Hope was born at 30 weeks", "Mercy is the name her mom picked".
    fn born_follows(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if t.possessive {
            return false;
        }
        let after = &self.text[t.end..];
        [
            "was born",
            "is due",
            "is the name",
            "is her name",
            "is his name",
        ]
        .iter()
        .any(|p| after.strip_prefix(' ').is_some_and(|a| a.starts_with(p)))
    }

    /// "goes by X", "calls her X": a nickname follows.
    fn goes_by(&self, i: usize) -> bool {
        if i < 2 {
            return false;
        }
        let (a, b) = (
            self.toks[i - 2].lower.as_str(),
            self.toks[i - 1].lower.as_str(),
        );
        (b == "by" && matches!(a, "goes" | "go" | "went"))
            || (matches!(b, "him" | "her" | "them")
                && matches!(a, "call" | "calls" | "called" | "nicknamed")
                && !(b == "her" && self.relative_after_her(i)))
    }

    /// "calls her youngest": "her" owns the word after it, which is whom they call.
    fn relative_after_her(&self, i: usize) -> bool {
        RELATIVES_AFTER_HER.contains(&self.toks[i].lower.as_str())
    }

    /// A context where a first name that is also a word reads as a name.
    fn medium(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if t.possessive {
            return true;
        }
        // "Faith came up in group" is a topic, "Faith came to the door" a person.
        if self.next_is(i, &NAME_VERBS) && !self.next_is(i + 1, &["up"]) {
            return true;
        }
        // "Will wouldnt let go", "Dawn lost her temper", "Ivy let me hold her".
        if self.next_is(i, NEGATIVES)
            || (self.next_is(i, PAST_BEFORE_PRONOUN)
                && self.next_is(
                    i + 1,
                    &[
                        "her", "his", "him", "me", "us", "them", "herself", "himself",
                    ],
                ))
        {
            return true;
        }
        // "Faith was cruising", "Angel has been sleeping": a progressive, not "Hope is a
        // discipline".
        let progressive = |t: &Token<'_>| t.lower.ends_with("ing") && t.lower.chars().count() > 5;
        if self.next_is(i, &["is", "was"]) && self.next(i + 1).is_some_and(progressive) {
            return true;
        }
        // "Sawyer and Gunner were wrestling": two of them, then a progressive.
        if self.next_is(i, &["and"])
            && self
                .next(i + 1)
                .is_some_and(|t| t.capitalised() && !t.acronym())
            && self.next_is(i + 2, &["were", "are"])
            && self.next(i + 3).is_some_and(progressive)
        {
            return true;
        }
        if self.next_is(i, &["has", "had"])
            && self.next_is(i + 1, &["been"])
            && self.next(i + 2).is_some_and(progressive)
        {
            return true;
        }
        let namey = |t: &Token<'_>| {
            t.capitalised()
                && !t.acronym()
                && matches!(t.class(), Class::FirstName | Class::Unknown)
        };
        // "X and her twin": a person with a relative; "X Y", "X and Y" with Y a name.
        self.with_relative(i)
            || self.next(i).is_some_and(namey)
            || (self.next_is(i, &["and"]) && self.next(i + 1).is_some_and(namey))
            || self.plus_next(i).is_some_and(|j| namey(&self.toks[j]))
    }

    /// "Precious and baby Zion", "Grace and her twin", "Aaliyah with her mom".
    fn with_relative(&self, i: usize) -> bool {
        self.next_is(i, &["and", "with"])
            && (self.next_is(i + 1, NAMING_WORDS)
                || (self.next_is(i + 1, &["her", "his", "their"])
                    && self.next_is(i + 2, NAMING_WORDS)))
    }
}

/// A lower-case word that could only be a name: not a word, not on any list.
fn lowercase_name_shape(t: &Token<'_>) -> bool {
    let n = t.bare.chars().count();
    n >= 3
        && t.bare.chars().all(char::is_lowercase)
        && t.bare
            .chars()
            .any(|c| "aeiouy".contains(c) || !c.is_ascii())
        && !lexicon::is_common(&t.lower)
        && !lexicon::is_kin_word(&t.lower)
        && !lexicon::is_word(&t.lower)
        && !lexicon::is_proper(&t.lower)
        && !typo_of_a_word(&t.lower)
}

/// A long lower-case word one slip of the thumb from a dictionary word ("frustated",
/// "recieved", "appt"s aside): a typo, not a nickname. Short words are left out, since
/// short names ("kiki", "dre") are one letter from many words.
fn typo_of_a_word(lower: &str) -> bool {
    let chars: Vec<char> = lower.chars().collect();
    if chars.len() < 7 || !lower.is_ascii() {
        return false;
    }
    let word = |c: &[char]| lexicon::is_word(&c.iter().collect::<String>());
    for k in 0..chars.len() {
        // A letter too many.
        let mut v = chars.clone();
        v.remove(k);
        if word(&v) {
            return true;
        }
        // Two letters swapped.
        if k + 1 < chars.len() {
            let mut v = chars.clone();
            v.swap(k, k + 1);
            if word(&v) {
                return true;
            }
        }
    }
    // A letter missing.
    for k in 0..=chars.len() {
        for c in 'a'..='z' {
            let mut v = chars.clone();
            v.insert(k, c);
            if word(&v) {
                return true;
            }
        }
    }
    false
}

fn inside(spans: &[(usize, usize)], t: &Token<'_>) -> bool {
    spans.iter().any(|&(s, e)| t.start < e && s < t.end)
}

/// "the Karen interpreter", "Dinka speakers", "the Hmong community": a language or a
/// people that is also a given name, before a noun that a language or a people has.
fn people_before_their_noun(text: &str, toks: &[Token<'_>], i: usize) -> bool {
    const NOUNS: [&str; 16] = [
        "interpreter",
        "interpreters",
        "translator",
        "speaker",
        "speakers",
        "language",
        "community",
        "communities",
        "church",
        "elders",
        "women",
        "mothers",
        "families",
        "culture",
        "refugees",
        "songs",
    ];
    let t = &toks[i];
    !t.possessive
        && lexicon::is_people(&t.lower)
        && toks
            .get(i + 1)
            .is_some_and(|n| adjacent(text, t, n) && NOUNS.contains(&n.bare))
}

/// "born in Darwin", "the certificate from Vietnam says": a big place the lists know
/// (places that are also given names among them) right after "in" or "from" is the place,
/// whatever verb follows, unless a capitalised word runs on from it ("from Georgia Lee").
fn big_place_after_in_or_from(text: &str, toks: &[Token<'_>], i: usize) -> bool {
    let t = &toks[i];
    i > 0
        && matches!(toks[i - 1].lower.as_str(), "in" | "from")
        && adjacent(text, &toks[i - 1], t)
        && t.capitalised()
        && !t.possessive
        && lexicon::is_known_place(&t.lower)
        && !toks
            .get(i + 1)
            .is_some_and(|n| n.capitalised() && adjacent(text, t, n))
}

/// Names in `text`, skipping the byte ranges in `skip` (places already found).
pub(super) fn person_names(
    text: &str,
    toks: &[Token<'_>],
    allow: &AllowList,
    skip: &[(usize, usize)],
    mode: Mode,
    found: &mut Vec<Candidate>,
) {
    let mut taken: Vec<(usize, usize)> = skip.to_vec();
    let before = found.len();
    initials(text, allow, mode, found);
    caseless(text, allow, found);
    taken.extend(found[before..].iter().map(|c| (c.start, c.end)));

    let ctx = Ctx { text, toks };
    let n = toks.len();
    let field = mode == Mode::Field;
    let mut name = vec![false; n];
    let mut honorific = vec![false; n];
    let mut blocked = vec![false; n];
    let storm_talk = LazyCell::new(|| STORM_TALK.is_match(text));
    for i in 0..n {
        let t = &toks[i];
        blocked[i] = inside(&taken, t)
            || in_big_place_name(toks, i)
            || after_saint(text, toks, i)
            || storm_named(text, toks, i, &storm_talk)
            || in_festival_name(text, toks, i)
            || big_place_after_in_or_from(text, toks, i)
            || people_before_their_noun(text, toks, i)
            || programme_capitals(t.bare)
            || allow.contains(t.bare)
            || t.single_letter()
            || t.touches_digit(text)
            || DOSE_AFTER.is_match(&text[t.end..]);
    }
    for i in 0..n {
        let t = &toks[i];
        // "baby J", "mom K": a capital letter alone after a family word is an initial;
        // "Twin A", "twin B" label twins in a note.
        let twin_label = ["A", "B", "C"].contains(&t.bare) && ctx.prev_is(i, &["twin", "triplet"]);
        if t.single_letter()
            && t.capitalised()
            && t.bare != "I"
            && !twin_label
            && !inside(&taken, t)
            && !allow.contains(t.bare)
            && ctx.prev_is(i, NAMING_WORDS)
            && !text[t.end..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
        {
            name[i] = true;
            continue;
        }
        if blocked[i] {
            continue;
        }
        // "Ah Ma", "Ah Gong": a grandparent or elder in Hokkien and Cantonese, where
        // "Ah Mei" is a name.
        if ctx.prev_is(i, &["ah"]) && AH_KIN.contains(&t.lower.as_str()) {
            continue;
        }
        // "Jun-Jun", "Ray Ray", "bam bam": a doubled name is a nickname.
        if let Some(last) = doubled_name(&ctx, i) {
            if !blocked[last] {
                name[i..=last].fill(true);
                continue;
            }
        }
        // "ms oyelaran", "mr tran" typed in lower case: a word on no list after it.
        let lower_honorific = ["mr", "mrs", "ms", "dr"].contains(&t.bare);
        if lower_honorific
            && toks.get(i + 1).is_some_and(|next| {
                matches!(&text[t.end..next.start], " " | ". ")
                    && !blocked[i + 1]
                    && lowercase_name_shape(next)
                    && next.class() == Class::Unknown
            })
        {
            honorific[i] = true;
            name[i + 1] = true;
            continue;
        }
        // "Mrs Okafor", "Dr. Lee": always a name, whatever the word.
        if HONORIFICS.contains(&t.bare) && i + 1 < n {
            let gap = &text[t.end..toks[i + 1].start];
            let next = &toks[i + 1];
            let letter = next.single_letter() && !allow.contains(next.bare);
            // "Dr. Brazelton", "Dr. Winnicott": a theorist on the never-a-name list.
            if (gap == " " || gap == ". ")
                && next.capitalised()
                && !next.acronym()
                && (next.single_letter()
                    || next.class() != Class::Never
                    // "Mrs. Hill", "Mr Park": a surname that is also an everyday word
                    // (not a theorist on the never-a-name list: "Dr. Lieberman").
                    || word_surname(next))
                && (!blocked[i + 1] || letter || word_surname(next))
            {
                honorific[i] = true;
                name[i + 1] = true;
            }
            continue;
        }
        if name[i] {
            continue;
        }
        // "Valentine's Day", "Mother's Day", "Christmas Eve": a holiday, not a person.
        let holiday_eve = t.bare == "Eve"
            && ctx
                .prev(i)
                .is_some_and(|p| p.bare == "Christmas" || (p.bare == "Year" && p.possessive));
        // "Martin Luther King Day", "Presidents Day": a run of capitals ending in Day.
        let names_a_day = (i + 1..(i + 5).min(n))
            .take_while(|&k| toks[k].capitalised() && &text[toks[k - 1].end..toks[k].start] == " ")
            .any(|k| toks[k].bare == "Day");
        if holiday_eve
            || names_a_day
            || ctx
                .next(i)
                .is_some_and(|n| n.bare == "Day" || n.bare == "Eve")
            || (t.possessive
                && text[t.end..]
                    .get(..7)
                    .is_some_and(|a| a == "'s Day " || a == "'s Day." || a == "'s Day,"))
        {
            continue;
        }
        if t.capitalised() {
            if t.acronym() {
                name[i] = caps_initials(&ctx, i, field);
                continue;
            }
            let start = at_sentence_start(text, t.start) && !(i > 0 && honorific[i - 1]);
            name[i] = match t.class() {
                Class::Never => false,
                Class::Soft => ctx.strong(i),
                // "Destiny told me", "Precious and baby Zion": a Census first name that
                // is also a word reads as a name with a name's context; "texted Jade".
                Class::Word => {
                    let first_name = lexicon::first_name_rank(&t.lower).is_some();
                    ctx.strong(i)
                        || (lexicon::is_surname(&t.lower) && ctx.prev_is(i, &TITLES))
                        || (first_name
                            && (ctx.medium(i) || (!start && ctx.prev_is(i, &ADDRESSING))))
                }
                Class::Proper => {
                    let surname = lexicon::is_surname(&t.lower);
                    ctx.strong(i)
                        || (surname && (field || ctx.medium(i) || ctx.prev_is(i, &TITLES)))
                        || (!t.possessive && ctx.next_is(i, &SPEAKING_VERBS))
                        // "Aaliyah came home": a verb that follows a person.
                        || (!t.possessive
                            && ctx.next_is(
                                i,
                                &["came", "went", "got", "stayed", "left", "showed", "slept"],
                            )
                            && !ctx.next_is(i + 1, &["up", "out", "in", "through"]))
                        // "in Mexico and mom calls her": a place with a relative after it.
                        || (ctx.with_relative(i) && !ctx.prev_is(i, &PLACE_PREPOSITIONS))
                        || (!start && ctx.prev_is(i, &ADDRESSING))
                }
                Class::WordName => field || !start || ctx.strong(i) || ctx.medium(i),
                Class::FirstName => {
                    !(lexicon::is_proper(&t.lower)
                        && (ctx.prev_is(i, &PLACE_PREPOSITIONS) || ctx.moved_to(i)))
                        || ctx.strong(i)
                }
                // "Extubated", "Gastroschisis": shaped like a word, not a name.
                // "in Tegucigalpa" is a town; "Extubated" is shaped like a word.
                Class::Unknown => {
                    ctx.strong(i)
                        || !(lexicon::word_shaped(&t.lower)
                            || (!t.possessive && ctx.prev_is(i, &PLACE_PREPOSITIONS[..1])))
                }
            };
        } else if lowercase_name_shape(t) {
            let start = at_sentence_start(text, t.start);
            let with = ctx.prev_is(i, &["with"]) || text[..t.start].ends_with("w/ ");
            // "mom (tasha)", "bao (the baby, not the uncle)".
            let bracketed_role = (text[..t.start].ends_with('(')
                && i > 0
                && NAMING_WORDS.contains(&toks[i - 1].lower.as_str()))
                || role_in_brackets_after(text, t.end);
            name[i] = field
                || ctx.prev_is(i, NAMING_WORDS)
                || bracketed_role
                || ctx.introduced(i)
                || with
                || t.possessive
                || ctx.goes_by(i)
                || ctx.next_is(i, PERSON_VERBS)
                || ctx.next_is(i, &SPEAKING_VERBS)
                || (start && ctx.next_is(i, &NAME_VERBS))
                || (start && ctx.next_is(i, &["was", "is", "has", "had"]))
                || (start && ctx.next_is(i, NEGATIVES))
                || ctx.age_after(i)
                || ctx.with_own_relative(i)
                || ctx.name_said(i)
                || (start && ctx.role_follows(i))
                || ctx.taken_somewhere(i);
        } else if lexicon::is_kin_word(&t.lower)
            && (ctx.prev_is(i, &["named", "nicknamed", "called", "baby"])
                || ctx.goes_by(i)
                || ctx.introduced(i)
                || ctx.name_said(i))
        {
            // "lola" is a grandmother, but "a girl named lola" is a girl.
            name[i] = true;
        } else if lowercase_word_as_name(&ctx, i) {
            // "peanut is what mom calls her", "ray is mom's bf", "sky (goes by sky)".
            name[i] = true;
        }
    }
    // "baby D … D's mom": an initial named once is the same person when it comes back
    // with a possessive or a verb.
    let initials_named: Vec<&str> = (0..n)
        .filter(|&i| name[i] && toks[i].single_letter())
        .map(|i| toks[i].bare)
        .collect();
    for i in 0..n {
        let t = &toks[i];
        if t.single_letter()
            && initials_named.contains(&t.bare)
            && !inside(&taken, t)
            && (t.possessive || ctx.next_is(i, PERSON_VERBS) || ctx.next_is(i, &SPEAKING_VERBS))
        {
            name[i] = true;
        }
    }
    join_surnames(&ctx, &blocked, &mut name);
    join_pairs(&ctx, &blocked, &mut name);
    spread_names(&ctx, &blocked, &honorific, &mut name);
    emit_runs(&ctx, &name, &honorific, found);
}

/// Big places named by two words that are each a given name or a surname ("Hong Kong",
/// "Tel Aviv"): each word alone is a name, together they are a city of millions.
/// The word is one of a big place's name of two or three words ("Hong Kong", "Ho Chi
/// Minh"; content/deid/big-place-names.txt).
fn in_big_place_name(toks: &[Token<'_>], i: usize) -> bool {
    // Next to each other, one space or hyphen apart.
    let named = |a: usize, b: usize| {
        toks[a..b]
            .iter()
            .zip(&toks[a + 1..=b])
            .all(|(x, y)| !x.possessive && y.start == x.end + 1)
            && lexicon::is_big_place_name(
                &toks[a..=b]
                    .iter()
                    .map(|t| t.lower.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            )
    };
    toks[i].capitalised()
        && (i.saturating_sub(2)..=i)
            .any(|a| (i.max(a + 1)..(a + 3).min(toks.len())).any(|b| named(a, b)))
}

/// "St. Elizabeth", "Saint Bernard": a saint, or a parish, church or town named for one,
/// is no one in the family.
fn after_saint(text: &str, toks: &[Token<'_>], i: usize) -> bool {
    i > 0 && {
        let p = &toks[i - 1];
        let gap = &text[p.end..toks[i].start];
        matches!(p.bare, "St" | "Saint" | "Ste" | "Sainte")
            && !p.possessive
            && (gap == " " || gap == ". ")
    }
}

/// Words that say a reflection talks of a storm.
static STORM_TALK: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:hurricanes?|cyclones?|typhoons?|storms?|floods?|flooding|flooded|fema|landfall|evacuat\w*|tornado\w*)\b",
    )
});

/// Words after which a storm's name is the storm, not a person, when written with a
/// capital as part of the name ("Hurricane Maria", "Tropical Storm Alberto"); not in
/// lower case: "during the storm Maria held the baby" names a child.
const STORM_TITLES: [&str; 5] = ["Hurricane", "Cyclone", "Typhoon", "Storm", "TC"];

/// "Hurricane Maria", and in a reflection about a storm "after Laura", "Katrina 2005",
/// "Ida tore the roof off": the storm, not a person.
fn storm_named(
    text: &str,
    toks: &[Token<'_>],
    i: usize,
    storm_talk: &LazyCell<bool, impl FnOnce() -> bool>,
) -> bool {
    let t = &toks[i];
    if !t.capitalised() {
        return false;
    }
    let prev = i.checked_sub(1).map(|p| &toks[p]);
    if prev.is_some_and(|p| STORM_TITLES.contains(&p.bare) && adjacent(text, p, t)) {
        return true;
    }
    if !lexicon::is_storm(&t.lower) || !**storm_talk {
        return false;
    }
    let after = text[t.end..].trim_start_matches([' ', ',']);
    // "Ida tore the roof off", "Katrina 2005": what a storm does, or its year.
    let struck = after.starts_with(|c: char| c.is_ascii_digit())
        || STORM_VERBS.iter().any(|w| {
            after
                .strip_prefix(w)
                .is_some_and(|r| r.starts_with([' ', '.', ',']))
        });
    // "after Laura left": what a person does.
    let person = toks.get(i + 1).is_some_and(|n| {
        adjacent(text, t, n)
            && (NAME_VERBS.contains(&n.lower.as_str()) || PERSON_VERBS.contains(&n.lower.as_str()))
    });
    let when = prev.is_some_and(|p| STORM_WHEN.contains(&p.lower.as_str()));
    // "Irma, Ian, Idalia, Helene": storms listed with storms.
    let listed_with = |other: Option<&Token<'_>>, gap: Option<&str>| {
        other.is_some_and(|o| o.capitalised() && lexicon::is_storm(&o.lower))
            && gap.is_some_and(|g| [", ", " and ", ", and ", " & "].contains(&g))
    };
    let next = toks.get(i + 1);
    let listed = listed_with(prev, prev.map(|p| &text[p.end..t.start]))
        || listed_with(next, next.map(|n| &text[t.end..n.start]));
    struck || (when && !person) || listed
}

/// What a storm did, right after its name; not what a person does too ("took", "came":
/// "Ida took the baby" names a child even in a reflection about a flood).
const STORM_VERBS: [&str; 6] = ["hit", "struck", "flooded", "destroyed", "wiped", "tore"];

/// Words that place a time by a storm ("after Laura", "since Maria").
const STORM_WHEN: [&str; 8] = [
    "after",
    "since",
    "during",
    "before",
    "through",
    "thru",
    "survived",
    "remembered",
];

/// "KinGAP", "LaCHIP", "eWIC": capitals run together after a small letter name a
/// programme or a form; a name has one capital at a time ("LaToya", "McKenzie").
fn programme_capitals(word: &str) -> bool {
    let mut lower_seen = false;
    let mut caps = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            lower_seen = true;
            caps = 0;
        } else if c.is_uppercase() {
            caps += 1;
            if lower_seen && caps >= 2 {
                return true;
            }
        }
    }
    false
}

/// Kin words after "Ah" in Hokkien, Teochew and Cantonese ("Ah Ma", "Ah Kong").
const AH_KIN: [&str; 15] = [
    "ma", "mah", "pa", "ba", "gong", "kong", "po", "poh", "yi", "yee", "sim", "pek", "chek", "soh",
    "hia",
];

/// "RB said", "with RB", "(RB)": two or three capitals that are not a known acronym.
fn caps_initials(ctx: &Ctx<'_, '_>, i: usize, field: bool) -> bool {
    let t = &ctx.toks[i];
    let letters = t.bare.chars().count();
    if !(2..=3).contains(&letters) || t.bare.ends_with('s') || lexicon::is_common(&t.lower) {
        return false;
    }
    let text = ctx.text;
    // "child ID: 6620", "Client ID 4471": a label before a value, not initials.
    let label = text[t.end..].trim_start().starts_with([':', '#'])
        || text[t.end..]
            .strip_prefix(' ')
            .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()));
    if label {
        return false;
    }
    // "(RB)"; three letters in brackets are too often a form ("(PSI)").
    let bracketed = text[..t.start].ends_with('(') && text[t.end..].starts_with(')');
    field
        || (bracketed && letters == 2)
        || ctx.prev_is(i, NAMING_WORDS)
        || ctx.prev_is(i, &INITIAL_ROLES)
        || ctx.prev_is(i, &ADDRESSING)
        || (letters == 2 && ctx.prev_is(i, &["with", "and"]))
        || ctx.next_is(
            i,
            &["said", "says", "told", "asked", "texted", "called", "cried"],
        )
        || ctx.next_is(i, PERSON_VERBS)
        || ctx.next_is(i, &NAME_VERBS)
        || ctx.next_is(i, &["reminds", "remembers", "likes", "hates", "misses"])
        || role_in_brackets_after(text, t.end)
        // "CJ is what mom calls him".
        || ctx.name_said(i)
        // "TJ is 2.5", "TJ 2yo", "JR's dad", "w/ AJ" (not "ZIP is 60623").
        || (ctx.age_follows(i) && small_number_after(text, ctx.toks[i + 1].end))
        || ctx.age_after(i)
        || (t.possessive && ctx.toks.get(i + 1).is_some_and(|n| NAMING_WORDS.contains(&n.lower.as_str())))
        || (letters == 2 && text[..t.start].ends_with("w/ "))
}

/// Doubled baby talk and doubled place names, never a nickname.
const DOUBLED_WORDS: [&str; 40] = [
    "bye", "night", "choo", "yum", "num", "tum", "din", "pee", "poo", "wee", "bla", "blah", "tut",
    "dum", "hee", "heh", "hah", "lol", "nom", "yay", "woo", "boo", "mmm", "hmm", "pom", "ooh",
    "aah", "walla", "bora", "sing", "pago", "wagga", "tuk", "chop", "tsk", "cha", "mahi", "hubba",
    "tom", "meh",
];

/// A surname that is also an everyday English word ("Hill", "Park", "Baker").
fn word_surname(t: &Token<'_>) -> bool {
    lexicon::is_surname(&t.lower) && lexicon::is_word(&t.lower)
}

/// "Jun-Jun", "Ray Ray", "bam bam": the same short name twice (hyphenated, or two words),
/// a nickname; `Some` holds the last token of it. Not baby talk ("bye-bye", "night
/// night") or a word that is no name ("so so").
fn doubled_name(ctx: &Ctx<'_, '_>, i: usize) -> Option<usize> {
    let t = &ctx.toks[i];
    let name_like = |part: &str| {
        let lower = part.to_lowercase();
        (3..=6).contains(&part.chars().count())
            && !DOUBLED_WORDS.contains(&lower.as_str())
            // "Gung Gung": a kin word said twice.
            && !lexicon::is_world_kin(&lower)
            && (lexicon::first_name_rank(&lower).is_some() || !lexicon::is_word(&lower))
            && lexicon::class(part) != Class::Proper
    };
    if let Some((a, b)) = t.bare.split_once('-') {
        return (a.eq_ignore_ascii_case(b) && name_like(a)).then_some(i);
    }
    let next = ctx.toks.get(i + 1)?;
    let same_case = t.capitalised() == next.capitalised();
    (&ctx.text[t.end..next.start] == " "
        && !t.possessive
        && same_case
        && t.lower == next.lower
        && name_like(t.bare))
    .then_some(i + 1)
}

/// One or two digits (an age, not a code) after `at`: "is 2.5", "is 17".
fn small_number_after(text: &str, at: usize) -> bool {
    let after = text[at..].trim_start();
    let n = after.chars().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&n)
}

/// A lower-case ordinary word in a context that only a name has: "peanut is what mom
/// calls her", "ray is mom's bf", "sky (goes by sky)", "grace is my middle name".
fn lowercase_word_as_name(ctx: &Ctx<'_, '_>, i: usize) -> bool {
    let t = &ctx.toks[i];
    t.bare.chars().count() >= 3
        && t.bare.chars().all(char::is_lowercase)
        && !lexicon::is_common(&t.lower)
        && !lexicon::is_kin_word(&t.lower)
        && ((ctx.goes_by(i) && ctx.text[t.end..].starts_with([',', '.', ')', ';', '!', '?', '\n']))
            // "abuela rosa", "tía luz": a word that is also a first name, after a
            // Spanish word for a relative or an elder.
            || (t.class() == Class::WordName && ctx.prev_is(i, &SPANISH_KIN))
            || ctx.text[..t.start].ends_with("goes by ")
            || (ctx.introduced(i) && !carries_on(ctx, i))
            || ctx.name_said(i)
            || (at_sentence_start(ctx.text, t.start) && ctx.role_follows(i))
            || nickname_in_brackets_after(ctx.text, t.end))
}

/// "which surname is going on the form", "the name is longer than the list", "her name
/// is hard to say": a dictionary word after "name is" that the sentence carries on from
/// is not the name.
fn carries_on(ctx: &Ctx<'_, '_>, i: usize) -> bool {
    lexicon::is_word(&ctx.toks[i].lower)
        && ctx.next_is(
            i,
            &[
                "on", "than", "to", "in", "up", "out", "off", "into", "through", "for", "with",
                "at", "by", "enough", "of",
            ],
        )
}

/// "sky (goes by sky)", "little bit (thats what the fam calls her)", "(yes thats his name)".
fn nickname_in_brackets_after(text: &str, end: usize) -> bool {
    let Some(inner) = window_after(text, end, 200).trim_start().strip_prefix('(') else {
        return false;
    };
    let inner = inner.split(')').next().unwrap_or("").to_lowercase();
    // "(yes thats his name)", not "(one's the dog's name)".
    let names_them = [
        "nickname",
        "his name",
        "her name",
        "their name",
        "real name",
        "name is",
        "thats",
        "that's",
        "middle name",
        "full name",
    ]
    .iter()
    .any(|p| inner.contains(p));
    inner.len() <= 40
        && (names_them
            || inner.contains("calls")
            || inner.contains("goes by")
            || inner.starts_with("aka"))
}

/// "T.W. (her partner)", "t.w. (dad)".
fn role_in_brackets_after(text: &str, end: usize) -> bool {
    let after = text[end..].trim_start();
    let Some(inner) = after.strip_prefix('(') else {
        return false;
    };
    let inner = inner.split(')').next().unwrap_or("");
    inner.len() <= 30
        && inner.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
            NAMING_WORDS.contains(&w.as_str())
                || [
                    "partner",
                    "husband",
                    "wife",
                    "ex",
                    "friend",
                    "supervisee",
                    "mob",
                    "moc",
                    "foc",
                    "mgf",
                    "pgf",
                    "name",
                    "calls",
                    "called",
                    "goes",
                    "nickname",
                ]
                .contains(&w.as_str())
        })
}

fn initials(text: &str, allow: &AllowList, mode: Mode, found: &mut Vec<Candidate>) {
    for m in DOTTED.find_iter(text) {
        let s = m.as_str();
        let letters: String = s.chars().filter(|c| c.is_alphabetic()).collect();
        let lower = letters.to_lowercase();
        // "a.m" without a last dot is fine, but "T.W" is still initials.
        let upper = letters.chars().all(char::is_uppercase);
        let before = text[..m.start()].trim_end();
        if allow.contains(s) {
            continue;
        }
        if ABBREVIATIONS.contains(&lower.as_str()) {
            // "J.R. (3y)", "check A.M., D.S. and P.K.": capitals shaped like an
            // abbreviation are initials with an age after them or in a list of initials
            // (not "9 A.M.").
            let after_number = before.ends_with(|c: char| c.is_ascii_digit());
            let listed = INITIALS_LIST_AFTER.is_match(&text[m.end()..])
                || INITIALS_LIST_BEFORE.is_match(before);
            let aged = AGE_AFTER.is_match(&text[m.end()..]);
            if !(upper && letters.chars().count() == 2 && !after_number && (listed || aged)) {
                continue;
            }
        }
        let prev_word = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_lowercase();
        let bracketed = before.ends_with('(') && text[m.end()..].trim_start().starts_with(')');
        let next_word = text[m.end()..]
            .split(|c: char| !c.is_alphabetic())
            .find(|w| !w.is_empty())
            .unwrap_or("")
            .to_lowercase();
        let next_is_verb = text[m.end()..].starts_with(' ')
            && (PERSON_VERBS.contains(&next_word.as_str())
                || NAME_VERBS.contains(&next_word.as_str()));
        let context = bracketed
            || NAMING_WORDS.contains(&prev_word.as_str())
            || INITIAL_ROLES.contains(&prev_word.as_str())
            || ADDRESSING.contains(&prev_word.as_str())
            || (["with", "and"].contains(&prev_word.as_str()) && letters.len() >= 2)
            || role_in_brackets_after(text, m.end())
            || next_is_verb;
        let flag = match letters.chars().count() {
            1 => upper && (context || mode == Mode::Field),
            _ => (upper && letters.len() <= 3) || context || mode == Mode::Field,
        };
        if flag {
            found.push(Candidate {
                kind: FindingKind::PersonName,
                start: m.start(),
                end: m.end(),
            });
        }
    }
}

/// The capitalised words right before a festival word are the festival's, not a name
/// ("Kali Puja", "Kartik Shukla Panchami"), and so is the festival word after them
/// (Puja and Purnima are given names too).
fn in_festival_name(text: &str, toks: &[Token<'_>], i: usize) -> bool {
    if lexicon::is_festival_word(&toks[i].lower)
        && i > 0
        && toks[i - 1].capitalised()
        && adjacent(text, &toks[i - 1], &toks[i])
    {
        return true;
    }
    let mut j = i;
    while let Some(next) = toks.get(j + 1) {
        if !adjacent(text, &toks[j], next) {
            return false;
        }
        if lexicon::is_festival_word(&next.lower) {
            return true;
        }
        if !next.capitalised() || j > i + 2 {
            return false;
        }
        j += 1;
    }
    false
}

/// Runs of words in scripts without case, split at the words listed as never names
/// (kin words such as 奶奶 and 엄마, and the everyday words of script-words.txt): each
/// part left is asked about.
fn caseless(text: &str, allow: &AllowList, found: &mut Vec<Candidate>) {
    for m in CASELESS.find_iter(text) {
        let mut part: Option<(usize, usize)> = None;
        let mut ask = |part: Option<(usize, usize)>| {
            if let Some((start, end)) = part {
                if !allow.contains(&text[start..end]) {
                    found.push(Candidate {
                        kind: FindingKind::PersonName,
                        start,
                        end,
                    });
                }
            }
        };
        let mut at = m.start();
        for word in m.as_str().split(' ') {
            let end = at + word.len();
            if lexicon::is_common(word) || lexicon::is_script_word(word) {
                ask(part.take());
            } else {
                part = Some((part.map_or(at, |(s, _)| s), end));
            }
            at = end + 1;
        }
        ask(part);
    }
}

/// "Harriet Vance", "Lorenzo Bright": a name runs on into a surname; "Pa Houa": a first
/// name runs on into the name after it.
/// "Grace and Will (twins)", "Sky + Dawn (sisters)": a first name joined by "and", "+"
/// or "&" to a name is a name too, even when it is also a word.
fn join_pairs(ctx: &Ctx<'_, '_>, blocked: &[bool], name: &mut [bool]) {
    let toks = ctx.toks;
    let partner = |i: usize| -> Option<usize> {
        ctx.plus_next(i)
            .or_else(|| (ctx.next_is(i, &["and"]) && ctx.next(i + 1).is_some()).then_some(i + 2))
    };
    let joinable = |j: usize| {
        let t = &toks[j];
        !blocked[j]
            && t.capitalised()
            && !t.acronym()
            && !t.single_letter()
            && t.class() != Class::Never
            && (matches!(t.class(), Class::FirstName | Class::Unknown)
                || lexicon::first_name_rank(&t.lower).is_some())
    };
    // "Ember + Hazel": a plus in a note joins two children, whatever the words are.
    let plus_joinable = |j: usize| {
        let t = &toks[j];
        !blocked[j]
            && t.capitalised()
            && !t.acronym()
            && !t.single_letter()
            && !matches!(t.class(), Class::Never | Class::Soft)
    };
    for i in 0..toks.len() {
        if let Some(j) = partner(i) {
            let plus = ctx.plus_next(i).is_some();
            let ok = |k: usize| joinable(k) || (plus && plus_joinable(k));
            if name[j] && !name[i] && ok(i) {
                name[i] = true;
            } else if name[i] && !name[j] && ok(j) {
                name[j] = true;
            }
        }
    }
}

fn join_surnames(ctx: &Ctx<'_, '_>, blocked: &[bool], name: &mut [bool]) {
    let toks = ctx.toks;
    for i in 0..toks.len().saturating_sub(1) {
        let next = &toks[i + 1];
        if !name[i] || name[i + 1] || blocked[i + 1] || !adjacent(ctx.text, &toks[i], next) {
            continue;
        }
        if next.capitalised() && !next.acronym() {
            let c = next.class();
            name[i + 1] = matches!(c, Class::FirstName | Class::Unknown | Class::WordName)
                || (c != Class::Never && lexicon::is_surname(&next.lower));
        }
    }
    for i in (1..toks.len()).rev() {
        let prev = &toks[i - 1];
        if !name[i] || name[i - 1] || blocked[i - 1] || !adjacent(ctx.text, prev, &toks[i]) {
            continue;
        }
        if prev.capitalised() && !prev.acronym() {
            let c = prev.class();
            name[i - 1] = c != Class::Never
                && (matches!(c, Class::FirstName | Class::Unknown)
                    || lexicon::first_name_rank(&prev.lower).is_some());
        }
    }
}

/// A word flagged once is a name everywhere in the text ("Autumn and June are sisters …
/// the way Autumn checks"); a month stays a month after "in", "last" and the like.
fn spread_names(ctx: &Ctx<'_, '_>, blocked: &[bool], honorific: &[bool], name: &mut [bool]) {
    let toks = ctx.toks;
    let mut exact: HashSet<&str> = HashSet::new();
    let mut any_case: HashSet<&str> = HashSet::new();
    for (i, t) in toks.iter().enumerate() {
        if !name[i] {
            continue;
        }
        exact.insert(t.bare);
        // "baby noor … Noor smiled": a lower-case name is one in any case; so is a
        // name that is no word ("grandma Darlene … mom n darlene fight").
        if !t.capitalised() || matches!(t.class(), Class::FirstName | Class::Unknown) {
            any_case.insert(t.lower.as_str());
        }
    }
    for (i, t) in toks.iter().enumerate() {
        if name[i] || blocked[i] || honorific[i] || t.acronym() {
            continue;
        }
        let same = exact.contains(t.bare) || any_case.contains(t.lower.as_str());
        if !same {
            continue;
        }
        // A lower-case word used as a name ("peanut is what mom calls her") is that name
        // again only where a name could start a sentence, not "a peanut butter sandwich".
        if !t.capitalised() && lexicon::is_word(&t.lower) && !at_sentence_start(ctx.text, t.start) {
            continue;
        }
        let class = t.class();
        if class == Class::Never {
            continue;
        }
        if class == Class::Soft && ctx.prev_is(i, &MONTH_PREPOSITIONS) {
            continue;
        }
        name[i] = true;
    }
}

fn emit_runs(ctx: &Ctx<'_, '_>, name: &[bool], honorific: &[bool], found: &mut Vec<Candidate>) {
    let (text, toks) = (ctx.text, ctx.toks);
    let n = toks.len();
    let mut i = 0;
    while i < n {
        if !(name[i] || honorific[i]) {
            i += 1;
            continue;
        }
        let first = i;
        while i + 1 < n
            && name[i + 1]
            && (adjacent(text, &toks[i], &toks[i + 1])
                || (honorific[i] && &text[toks[i].end..toks[i + 1].start] == ". "))
        {
            i += 1;
        }
        if honorific[i] {
            i += 1;
            continue;
        }
        // "Kalyanpura", "Latifabad", "Kasarwadi": one word with a town's ending is a
        // place (the softer question), not a person.
        let kind = if first == i && town_ending(&toks[i]) {
            FindingKind::Place
        } else {
            FindingKind::PersonName
        };
        found.push(Candidate {
            kind,
            start: toks[first].start,
            end: toks[i].end,
        });
        i += 1;
    }
}

/// A word on no name list that ends like a town, with at least three letters before the
/// ending ("Mohammadpur", not "Kapur", a surname).
fn town_ending(t: &Token<'_>) -> bool {
    lexicon::town_endings().any(|e| {
        t.lower
            .strip_suffix(e)
            .is_some_and(|stem| stem.chars().count() >= 3)
    }) && lexicon::first_name_rank(&t.lower).is_none()
        && !lexicon::is_surname(&t.lower)
}
