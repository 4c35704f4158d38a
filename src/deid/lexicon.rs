//! The word lists behind the name and place checks, loaded once from content/deid/:
//! the project's own words that are never names, Census first names and surnames, an
//! English dictionary and the dictionary's proper nouns (places, brands, nationalities),
//! and the project's own lists of common Spanish and French words. scripts/deid-lists.py builds the
//! Census and dictionary lists; docs/deid.md gives sources and licences.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::LazyLock;

/// Words that are never names, in the project's own words.
pub(crate) const COMMON_WORDS: &str = include_str!("../../content/deid/common-words.txt");
/// Census first names, most common first.
pub(crate) const FIRST_NAMES: &str = include_str!("../../content/deid/first-names.txt");
/// The most common Census surnames, most common first.
pub(crate) const SURNAMES: &str = include_str!("../../content/deid/surnames.txt");
/// Ordinary English words, without the inflections [`inflection_bases`] derives.
pub(crate) const ENGLISH_WORDS: &str = include_str!("../../content/deid/english-words.txt");
/// Ordinary Spanish words that code-switched notes carry ("mamá dice que…"), in the
/// project's own list.
pub(crate) const SPANISH_WORDS: &str = include_str!("../../content/deid/spanish-words.txt");
/// Ordinary Portuguese words (content/deid/portuguese-words.txt), read like the Spanish ones.
pub(crate) const PORTUGUESE_WORDS: &str = include_str!("../../content/deid/portuguese-words.txt");
/// Ordinary French words (Quebec, Acadian, Haitian, European), in the project's own list.
pub(crate) const FRENCH_WORDS: &str = include_str!("../../content/deid/french-words.txt");
/// Kin, endearment, food, faith and everyday words of other languages and Englishes that
/// notes in English carry ("lola", "whānau", "bub"), in the project's own list.
pub(crate) const WORLD_WORDS: &str = include_str!("../../content/deid/world-words.txt");
/// Month and weekday names of other languages, with the forms dates use ("kwietnia",
/// "листопада", "Julai"), in the project's own list.
pub(crate) const MONTHS: &str = include_str!("../../content/deid/months.txt");
/// Names of languages, peoples and nations that are not dictionary words ("Sesotho",
/// "Kalenjin", "Hokkien"), in the project's own list.
pub(crate) const PEOPLES: &str = include_str!("../../content/deid/peoples.txt");
/// Capitalised dictionary entries that are neither ordinary words nor first names.
pub(crate) const PROPER_NOUNS: &str = include_str!("../../content/deid/proper-nouns.txt");
/// Places that are also first names (Houston, Georgia): places after "in" or "from".
pub(crate) const PLACE_FIRST_NAMES: &str = include_str!("../../content/deid/place-first-names.txt");
/// Capitals, big cities and state-like regions a dictionary misses ("Kyiv", "Addis Ababa",
/// "Oʻahu"): too big to identify anyone.
pub(crate) const BIG_PLACES: &str = include_str!("../../content/deid/big-places.txt");
/// Big places named in two or three words ("Hong Kong", "Cape Town", "Salt Lake City").
pub(crate) const BIG_PLACE_NAMES: &str = include_str!("../../content/deid/big-place-names.txt");
/// Everyday words in scripts without case ("में", "है", "في"): never names, so a run of
/// such words is split at them before it is asked about.
pub(crate) const SCRIPT_WORDS: &str = include_str!("../../content/deid/script-words.txt");
/// Hurricanes, cyclones and typhoons spoken of by name ("after Laura").
pub(crate) const STORMS: &str = include_str!("../../content/deid/storms.txt");
/// Towns of 1,000 to 249,999 people from the GeoNames gazetteer, lower-case, one to three
/// words (scripts/deid-towns.py builds it).
pub(crate) const TOWNS: &str = include_str!("../../content/deid/towns.txt");
/// Words that end a festival's or a holy day's name ("Puja", "Purnima", "Padwa").
pub(crate) const FESTIVAL_WORDS: &str = include_str!("../../content/deid/festival-words.txt");
/// Endings of town names in South Asia and Mexico ("-pur", "-abad", "-tepec").
pub(crate) const TOWN_ENDINGS: &str = include_str!("../../content/deid/town-endings.txt");
/// Words that end a town's own name ("Hill", "Bay", "Ward"), as written in a name.
pub(crate) const TOWN_HEADS: &str = include_str!("../../content/deid/town-heads.txt");
/// Words that begin a town's own name ("Point", "Mount", "Bayou"), as written in a name.
pub(crate) const TOWN_FRONTS: &str = include_str!("../../content/deid/town-fronts.txt");
/// Words that end the name of a place or organisation ("Clinic", "Motel").
pub(crate) const PLACE_WORDS: &str = include_str!("../../content/deid/place-words.txt");
/// Words that describe a place without naming one ("Family", "Community").
pub(crate) const PLACE_GENERIC: &str = include_str!("../../content/deid/place-generic.txt");

/// States, provinces and counties that follow a town after a comma ("Kenora, Ontario").
pub(crate) const REGIONS: &str = include_str!("../../content/deid/regions.txt");

static REGION_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    REGIONS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// `text` begins with a state, province or county name as a whole word ("Ontario, …",
/// "County Mayo").
pub(super) fn is_region_start(text: &str) -> bool {
    REGION_NAMES.iter().any(|r| {
        text.strip_prefix(r).is_some_and(|rest| {
            let county = matches!(*r, "County" | "Co." | "Co");
            !rest.starts_with(char::is_alphanumeric) && (!county || rest.starts_with(' '))
        })
    })
}

/// A dictionary word that is also a first name counts as a likely name only among the
/// commonest first names (Faith is 852nd, Hope 768th; Major, at 1,873rd, stays a word).
const COMMON_FIRST_NAME_RANK: usize = 1500;

/// What a word is, as far as the lists can tell (from the lower-cased word).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// On the project's list of words that are never names (Mom, Monday, NICU).
    Never,
    /// On that list but also a common first name (June, May, Autumn): a name only in a
    /// strong name context.
    Soft,
    /// An ordinary English word, or a regular inflection of one.
    Word,
    /// An ordinary word that is also a common first name (Faith, Rose, Will).
    WordName,
    /// A place, brand or nationality from the dictionary (Ottawa, Somalia, Tylenol).
    Proper,
    /// A first name that is not an ordinary word.
    FirstName,
    /// On no list: most rare names look like this.
    Unknown,
}

struct Lexicon {
    common: HashSet<&'static str>,
    first: HashMap<&'static str, usize>,
    surnames: HashSet<&'static str>,
    words: HashSet<&'static str>,
    /// Spanish words, with and without their accents.
    spanish: HashSet<Cow<'static, str>>,
    /// French words as listed, and without their accents for words typed without them
    /// ("ecole").
    french: HashSet<Cow<'static, str>>,
    /// The world list's words that are not also given names, as listed and without
    /// accents.
    world: HashSet<Cow<'static, str>>,
    /// The world list's kin words that are also given names ("lola*", "tita*").
    world_kin: HashSet<Cow<'static, str>>,
    /// The world list's kin words that are not given names ("gung", "nainai").
    world_kin_only: HashSet<Cow<'static, str>>,
    proper: HashSet<&'static str>,
    /// Big places, states and provinces, and towns that are also given names (the
    /// first and last are on `proper` too), in lower case.
    known_places: HashSet<String>,
    /// Big places named in several words, in lower case, one space between words.
    big_place_names: HashSet<String>,
    place_words: HashSet<&'static str>,
    place_generic: HashSet<&'static str>,
    storms: HashSet<&'static str>,
    script_words: HashSet<&'static str>,
    festival_words: HashSet<&'static str>,
    towns: HashSet<&'static str>,
    /// Every language and people of the list, given names among them ("karen").
    peoples: HashSet<&'static str>,
    town_heads: HashSet<&'static str>,
    town_fronts: HashSet<&'static str>,
}

/// The words of a list: one a line (or several, space-separated), `#` starts a comment.
pub(crate) fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    common: entries(COMMON_WORDS).collect(),
    first: entries(FIRST_NAMES)
        .enumerate()
        .map(|(i, w)| (w, i + 1))
        .collect(),
    surnames: entries(SURNAMES).collect(),
    words: entries(ENGLISH_WORDS).collect(),
    spanish: with_plain(entries(SPANISH_WORDS).chain(entries(PORTUGUESE_WORDS))),
    french: with_plain(entries(FRENCH_WORDS)),
    world: with_plain(
        world_entries()
            .filter(|(_, starred, _)| !starred)
            .map(|(w, _, _)| w)
            .chain(unstarred(MONTHS))
            .chain(unstarred(PEOPLES)),
    ),
    world_kin: with_plain(
        world_entries()
            .filter(|(_, starred, kin)| *starred && *kin)
            .map(|(w, _, _)| w),
    ),
    world_kin_only: with_plain(
        world_entries()
            .filter(|(_, starred, kin)| !*starred && *kin)
            .map(|(w, _, _)| w),
    ),
    proper: entries(PROPER_NOUNS)
        .chain(entries(PLACE_FIRST_NAMES))
        .chain(entries(BIG_PLACES))
        .collect(),
    known_places: entries(PLACE_FIRST_NAMES)
        .chain(entries(BIG_PLACES))
        .chain(entries(REGIONS))
        .map(str::to_lowercase)
        .collect(),
    big_place_names: BIG_PLACE_NAMES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect(),
    place_words: entries(PLACE_WORDS).collect(),
    place_generic: entries(PLACE_GENERIC).collect(),
    storms: entries(STORMS).collect(),
    script_words: entries(SCRIPT_WORDS).collect(),
    festival_words: entries(FESTIVAL_WORDS).collect(),
    peoples: entries(PEOPLES).map(|w| w.trim_end_matches('*')).collect(),
    towns: TOWNS
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect(),
    town_heads: entries(TOWN_HEADS).collect(),
    town_fronts: entries(TOWN_FRONTS).collect(),
});

/// A list's words that are not also given names (those end in "*").
fn unstarred(list: &'static str) -> impl Iterator<Item = &'static str> {
    entries(list).filter(|w| !w.ends_with('*'))
}

/// The months of the other-language list, given names among them, without the "*"
/// (beside a day number they are months: "2 Mei 2024").
pub(super) fn month_words() -> impl Iterator<Item = &'static str> {
    let mut months = false;
    MONTHS.lines().filter_map(move |line| {
        if let Some(heading) = line.strip_prefix("# --") {
            months = heading.trim() == "months";
            return None;
        }
        let w = line.trim();
        (months && !w.is_empty() && !w.starts_with('#')).then(|| w.trim_end_matches('*'))
    })
}

/// The world list's words: (word, starred as also a given name, under a kin heading).
fn world_entries() -> impl Iterator<Item = (&'static str, bool, bool)> {
    let mut kin = false;
    WORLD_WORDS.lines().filter_map(move |line| {
        if let Some(heading) = line.strip_prefix('#') {
            if heading.starts_with(" ==") {
                kin = false;
            } else if heading.starts_with(" --") {
                kin = heading.contains("kin");
            }
            return None;
        }
        let w = line.trim();
        (!w.is_empty()).then(|| match w.strip_suffix('*') {
            Some(name) => (name, true, kin),
            None => (w, false, kin),
        })
    })
}

/// Words as listed, and without their accents for text typed without them. A form
/// without accents is kept only when it is plain ASCII, so a word written with accents
/// matches only as listed ("Lê" is not "le").
fn with_plain(words: impl Iterator<Item = &'static str>) -> HashSet<Cow<'static, str>> {
    let mut set = HashSet::default();
    for w in words {
        if !w.is_ascii() {
            let plain: String = w.chars().map(without_accent).collect();
            if plain.is_ascii() {
                set.insert(Cow::Owned(plain));
            }
        }
        set.insert(Cow::Borrowed(w));
    }
    set
}

/// Candidate base forms of `w` if it is a regular inflection (cried → cry, walking →
/// walk, stopped → stop, babies → baby). Mirrors `bases` in scripts/deid-lists.py, which
/// leaves these inflections out of english-words.txt: change both together.
pub(super) fn inflection_bases(w: &str) -> Vec<String> {
    let mut out = Vec::new();
    let stem = |suffix: &str| {
        w.strip_suffix(suffix)
            .filter(|s| s.chars().count() >= 2)
            .map(str::to_string)
    };
    for suffix in ["ies", "ied", "ier", "iest", "ily"] {
        if let Some(s) = stem(suffix) {
            out.push(s + "y");
        }
    }
    if let Some(s) = stem("es") {
        out.push(s);
    }
    if !w.ends_with("ss") {
        if let Some(s) = stem("s") {
            out.push(s);
        }
    }
    for suffix in ["ed", "ing", "er", "est"] {
        if let Some(s) = stem(suffix) {
            let chars: Vec<char> = s.chars().collect();
            let doubled = chars.len() >= 3 && chars[chars.len() - 1] == chars[chars.len() - 2];
            if doubled {
                out.push(chars[..chars.len() - 1].iter().collect());
            }
            out.push(format!("{s}e"));
            out.push(s);
        }
    }
    if let Some(s) = stem("ly") {
        out.push(s);
    }
    out
}

/// On the never-a-name list or the world list (not its given names), as written or as a
/// plural ("Mondays", "moms", "bubs").
pub(super) fn is_common(lower: &str) -> bool {
    let listed = |w: &str| LEXICON.common.contains(w) || LEXICON.world.contains(w);
    // Not a name that only looks like a plural ("Marcus" is not the Polish "marcu").
    listed(lower)
        || (lower.strip_suffix('s').is_some_and(listed)
            && first_name_rank(lower).is_none()
            && !is_surname(lower))
}

/// A kin word of another language on the world list, whether or not it is also a given
/// name ("gung", "lola").
pub(super) fn is_world_kin(lower: &str) -> bool {
    LEXICON.world_kin.contains(lower) || LEXICON.world_kin_only.contains(lower)
}

/// A kin word of another language that is also a given name ("lola", "tita"): in lower
/// case, the kin word.
pub(super) fn is_kin_word(lower: &str) -> bool {
    LEXICON.world_kin.contains(lower)
}

/// An ordinary English word, as listed or as a regular inflection of one, in American
/// or British spelling, or a Spanish or French word on the project's lists.
pub(super) fn is_word(lower: &str) -> bool {
    is_word_but_french(lower) || is_french(lower)
}

fn is_word_but_french(lower: &str) -> bool {
    listed_or_inflected(lower)
        || american(lower).is_some_and(|a| listed_or_inflected(&a))
        || LEXICON.spanish.contains(lower)
}

/// A French word on the project's list, as listed ("école"), typed without accents
/// ("ecole") or as a plural ("enfants"); not a word with other accents ("Lê" is a
/// name, not "le").
fn is_french(lower: &str) -> bool {
    let listed = |w: &str| LEXICON.french.contains(w);
    listed(lower)
        || lower
            .strip_suffix(['s', 'x'])
            .is_some_and(|one| one.chars().count() >= 4 && listed(one))
}

fn listed_or_inflected(lower: &str) -> bool {
    let l = &LEXICON.words;
    l.contains(lower)
        || inflection_bases(lower)
            .iter()
            .any(|b| l.contains(b.as_str()))
}

/// The American spelling of a British one (the dictionary is American): realised →
/// realized, colour → color, centre → center, paediatric → pediatric, travelled →
/// traveled. None when nothing changes.
fn american(lower: &str) -> Option<String> {
    let mut a = lower.to_string();
    for (from, to) in [
        ("isation", "ization"),
        ("ise", "ize"),
        ("yse", "yze"),
        ("our", "or"),
        ("tre", "ter"),
        ("ogue", "og"),
        ("ae", "e"),
        ("oe", "e"),
        ("lled", "led"),
        ("lling", "ling"),
    ] {
        a = a.replace(from, to);
    }
    (a != lower).then_some(a)
}

/// Endings English words have and names almost never do (extubated, gastroschisis,
/// bradycardia): a word on no list with one of these is taken for a word.
const WORD_ENDINGS: [&str; 31] = [
    "ional", "ful", "less", "ship", "ated", "ized", "ised", "tion", "tions", "sion", "ment",
    "ments", "ness", "ity", "ous", "ive", "ives", "ism", "ist", "ists", "ology", "itis", "emia",
    "osis", "ectomy", "otomy", "ular", "ical", "ally", "ence", "ance",
];

/// Spanish endings that verbs and nouns have and names almost never do (celebramos,
/// respetaron, conversación, lavandería, tranquilamente): not -ando (Fernando, Armando)
/// or -é (José, René).
const SPANISH_WORD_ENDINGS: [&str; 12] = [
    "amos", "emos", "imos", "aron", "ieron", "ción", "ciones", "sión", "ería", "erías", "mente",
    "iendo",
];

/// Shaped like an English or Spanish word rather than a name (for words on no list).
pub(super) fn word_shaped(lower: &str) -> bool {
    lower.chars().count() >= 6
        && WORD_ENDINGS
            .iter()
            .chain(&SPANISH_WORD_ENDINGS)
            .any(|e| lower.ends_with(e))
}

/// The rank of a Census first name (1 = commonest).
pub(super) fn first_name_rank(lower: &str) -> Option<usize> {
    LEXICON.first.get(lower).copied()
}

pub(super) fn is_surname(lower: &str) -> bool {
    LEXICON.surnames.contains(lower)
}

pub(super) fn is_proper(lower: &str) -> bool {
    LEXICON.proper.contains(lower)
}

/// A big place, a state or province, or a town that is also a given name ("Houston",
/// "Aberdeen", "Wales").
pub(super) fn is_known_place(lower: &str) -> bool {
    LEXICON.known_places.contains(lower)
}

/// A big place named in several words (`words` lower-cased, one space between them):
/// "cape town", "salt lake city".
pub(super) fn is_big_place_name(words: &str) -> bool {
    LEXICON.big_place_names.contains(words)
}

/// An everyday word in a script without case (content/deid/script-words.txt), compared
/// in Unicode NFC.
pub(super) fn is_script_word(word: &str) -> bool {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    if is_nfc_quick(word.chars()) == IsNormalized::Yes {
        LEXICON.script_words.contains(word)
    } else {
        LEXICON
            .script_words
            .contains(word.nfc().collect::<String>().as_str())
    }
}

/// A storm spoken of by name ("laura", "katrina"; content/deid/storms.txt).
pub(super) fn is_storm(lower: &str) -> bool {
    LEXICON.storms.contains(lower)
}

/// A town of the gazetteer (`words` lower-cased, one space between them): "blacktown",
/// "falls church".
pub(super) fn is_town(words: &str) -> bool {
    LEXICON.towns.contains(words)
}

/// A language or a people of content/deid/peoples.txt, given names among them.
pub(super) fn is_people(lower: &str) -> bool {
    LEXICON.peoples.contains(lower)
}

pub(super) fn is_festival_word(lower: &str) -> bool {
    LEXICON.festival_words.contains(lower)
}

/// The endings of town names, in lower case (a short list, read in order).
pub(super) fn town_endings() -> impl Iterator<Item = &'static str> {
    entries(TOWN_ENDINGS)
}

/// `word` (as written) ends a town's own name: "Hill" in "Stony Hill".
pub(super) fn is_town_head(word: &str) -> bool {
    LEXICON.town_heads.contains(word)
}

/// `word` (as written) begins a town's own name: "Mount" in "Mount Salem".
pub(super) fn is_town_front(word: &str) -> bool {
    LEXICON.town_fronts.contains(word)
}

pub(super) fn is_place_word(lower: &str) -> bool {
    LEXICON.place_words.contains(lower)
}

pub(super) fn is_place_generic(lower: &str) -> bool {
    LEXICON.place_generic.contains(lower)
}

/// The class of one word (no hyphens or apostrophes), lower-cased; a word on no list
/// written with accents is looked up without them too ("Montréal" is Montreal).
fn class_of_part(lower: &str) -> Class {
    let class = class_as_listed(lower, true, true);
    if class != Class::Unknown || lower.is_ascii() {
        return class;
    }
    // "Tinā", "Bố", "Mãe": a kin word that is also a given name once its accents are
    // gone ("Tina", "Bo", "Mae"), written with them, is the kin word unless a strong
    // name context says otherwise (some are given names as written: "Cailín").
    if LEXICON.world_kin.contains(lower) {
        return Class::Soft;
    }
    // "hawaiʻi", "keaʻau": the ʻokina is a letter, but the lists spell most words without
    // it, as many people type them.
    // Only a listed word or a big place counts: stripped, a name can become an English
    // word ("Leʻa" is not "lea", "Hōne" is not "hone").
    let listed_only = |c: Class| {
        if matches!(c, Class::Never | Class::Proper) {
            c
        } else {
            Class::Unknown
        }
    };
    if lower.contains(GLOTTAL_STOPS) {
        let bare = lower.replace(GLOTTAL_STOPS, "");
        if !bare.is_empty() {
            return listed_only(class_of_part(&bare));
        }
    }
    let plain: String = lower.chars().map(without_accent).collect();
    if plain == lower {
        return class;
    }
    if lower.contains(MACRONS) {
        return listed_only(class_as_listed(&plain, false, false));
    }
    // "Lê" is not the Spanish "le": Spanish and Portuguese words are matched without
    // their accents only when the accents are Spanish ones or a cedilla (a Portuguese
    // word written with ã, ê or ô is matched as written: Vietnamese names carry those).
    let spanish_accents = lower
        .chars()
        .all(|c| c.is_ascii() || "áéíóúüñç".contains(c));
    class_as_listed(&plain, spanish_accents, false)
}

/// Apostrophes a word can be joined by ("O'Brien", "Hawai‘i"), as the tokenizer joins them.
const APOSTROPHES: [char; 3] = ['\'', '’', '‘'];

/// Honorifics joined to a kin word in South Asian English ("Nani-ji", "Dadi-saa").
const HONORIFICS: [&str; 6] = ["ji", "jee", "saa", "sa", "sahib", "saab"];

/// What joins the parts of one word: a hyphen or an apostrophe.
const WORD_JOINERS: [char; 4] = ['-', '\'', '’', '‘'];

/// Vowels with a macron, as Hawaiian, Māori and romanised Japanese write them.
const MACRONS: [char; 5] = ['ā', 'ē', 'ī', 'ō', 'ū'];

/// The ʻokina and the modifier apostrophe: letters in Hawaiian, Samoan and other
/// languages' spelling, left out by many who type them.
const GLOTTAL_STOPS: [char; 2] = ['ʻ', 'ʼ'];

/// A Latin letter without its accent (and without the macron of Hawaiian, Māori and
/// romanised Japanese: "tūtū", "whānau", "obāchan"). Vietnamese letters keep theirs:
/// "Mỹ" stripped would be "my".
fn without_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ō' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        _ => c,
    }
}

/// `spanish_ok`: Spanish words count (the accents written are ones Spanish writes);
/// `french_ok`: French words count (the word as written, not stripped of its accents).
fn class_as_listed(lower: &str, spanish_ok: bool, french_ok: bool) -> Class {
    let common_name = first_name_rank(lower).is_some_and(|r| r <= COMMON_FIRST_NAME_RANK);
    if is_common(lower) {
        return if common_name {
            Class::Soft
        } else {
            Class::Never
        };
    }
    let exact_word = LEXICON.words.contains(lower);
    let spanish = spanish_ok && LEXICON.spanish.contains(lower);
    if first_name_rank(lower).is_some() {
        return match (exact_word, common_name) {
            // A Spanish word that is also a first name (Rosa, Abril, Leo) is a name where
            // a name could stand, as Faith and Rose are.
            (false, _) if spanish => Class::WordName,
            (false, _) => Class::FirstName,
            (true, true) => Class::WordName,
            (true, false) => Class::Word,
        };
    }
    // Spanish words that are common surnames (Flores, Cruz, Torres) are left off the list.
    // A French word that is also a first name (Claire, Aurore) stays a name: notes in
    // English name French-speaking families far more often than they quote French.
    if exact_word || spanish || (french_ok && is_french(lower)) {
        return Class::Word;
    }
    // A surname that only looks like an inflection (Harding, Manning) is not taken for
    // a word: inflections that are real words and names (reading) are listed as words.
    let word = if french_ok {
        is_word(lower)
    } else {
        is_word_but_french(lower)
    };
    if !is_surname(lower) && word {
        Class::Word
    } else if !is_surname(lower) && prefixed_word(lower) {
        // Coined in notes ("Rescreen 3 mo"), never a name even before an age.
        Class::Never
    } else if is_proper(lower) {
        Class::Proper
    } else {
        Class::Unknown
    }
}

/// The parts of a word split before each capital that follows a lower-case letter
/// ("PhilHealth" → "Phil", "Health"); None when it holds anything but letters.
fn capitalised_parts(word: &str) -> Option<Vec<&str>> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut prev_lower = false;
    for (i, c) in word.char_indices() {
        if !c.is_alphabetic() {
            return None;
        }
        if c.is_uppercase() && prev_lower {
            parts.push(&word[start..i]);
            start = i;
        }
        prev_lower = c.is_lowercase();
    }
    parts.push(&word[start..]);
    Some(parts)
}

/// "PhilHealth", "PhilSys", "WellCare": a capital inside the word after four or more
/// letters, and a last part that is no given name or surname, make an agency's or a
/// brand's name. Not "RoseMarie" or "MaryJane" (a given name ends them), nor "LaToya",
/// "McKenzie" or "DeShawn" (a short front).
fn brand_capitals(word: &str) -> bool {
    let Some(parts) = capitalised_parts(word) else {
        return false;
    };
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return false;
    };
    let last_lower = last.to_lowercase();
    parts.len() >= 2
        && first.chars().count() >= 4
        && last.chars().count() >= 3
        && last.chars().skip(1).all(char::is_lowercase)
        && first_name_rank(&last_lower).is_none()
        && !is_surname(&last_lower)
}

/// "KidCare", "FamilyCare", "HeadStart", "SoundCloud": programme and brand names run
/// ordinary words together, each capitalised, and end in a word programmes and apps end
/// in. Not "LaToya", "MacKenzie", "RoseMarie", nor surnames such as "VanHorn" or
/// "LittleBear": no part may be a first name or a surname, and the last must be one of
/// `RUN_TOGETHER_ENDINGS`.
fn run_together_words(word: &str) -> bool {
    let Some(parts) = capitalised_parts(word) else {
        return false;
    };
    parts.len() >= 2
        && parts
            .last()
            .is_some_and(|p| RUN_TOGETHER_ENDINGS.contains(&p.to_lowercase().as_str()))
        && parts.iter().all(|p| {
            let lower = p.to_lowercase();
            p.chars().count() >= 3
                && !is_surname(&lower)
                && first_name_rank(&lower).is_none()
                && matches!(class_of_part(&lower), Class::Never | Class::Word)
        })
}

/// The words programme, service and app names run together end in ("KidCare",
/// "HeadStart", "SoundCloud", "BrightStart").
const RUN_TOGETHER_ENDINGS: [&str; 16] = [
    "care", "cloud", "start", "kids", "book", "chat", "line", "link", "works", "health", "steps",
    "learning", "center", "centre", "net", "app",
];

/// A prefix and a word of four letters or more: "Reframed", "Rescreen", "Unswaddled",
/// "Preverbal" (notes coin these; a dictionary lists few).
fn prefixed_word(lower: &str) -> bool {
    ["re", "pre", "un", "non", "mis", "over", "under", "co"]
        .iter()
        .filter_map(|p| lower.strip_prefix(p))
        .any(|rest| rest.chars().count() >= 4 && is_word(rest))
}

/// Endings of contractions: "I'll" is "I", "She'd" is "she".
const CONTRACTIONS: [&str; 14] = [
    "'ll", "’ll", "'ve", "’ve", "'re", "’re", "'d", "’d", "'m", "’m", "n't", "n’t", "'s", "’s",
];

/// Second halves of hyphenated words that are not names ("Check-in", "Sit-down").
const PARTICLES: [&str; 14] = [
    "in", "up", "on", "off", "out", "by", "to", "ins", "ups", "down", "over", "back", "for", "way",
];

/// First halves of hyphenated words that are not names ("Co-sleep", "Re-do").
const PREFIXES: [&str; 16] = [
    "co", "re", "pre", "non", "mid", "sub", "un", "ex", "post", "anti", "semi", "self", "half",
    "all", "low", "high",
];

/// Korean and other syllable names written with a hyphen ("Sung-min", "Min-ho",
/// "Soo-jin"): two short parts, the second in lower case, not a dictionary word and not
/// a prefix or particle compound.
fn syllable_name(word: &str, parts: &[&str]) -> bool {
    let [a, b] = parts else { return false };
    let written: Vec<&str> = word.split('-').collect();
    let [_, b_written] = written.as_slice() else {
        return false;
    };
    let short = |p: &str| (2..=4).contains(&p.chars().count());
    word.chars().next().is_some_and(char::is_uppercase)
        && b_written.chars().all(char::is_lowercase)
        && short(a)
        && short(b)
        && !PARTICLES.contains(b)
        && !PREFIXES.contains(a)
        && !is_common(a)
        && !NUMBER_PARTS.contains(a)
}

/// Number words before a hyphen ("Two-year", "One-on-one").
const NUMBER_PARTS: [&str; 10] = [
    "one", "two", "four", "five", "six", "nine", "ten", "day", "week", "year",
];

/// The class of a word as written (without a possessive 's), hyphenated or not.
pub(super) fn class(word: &str) -> Class {
    if run_together_words(word) {
        return Class::Word;
    }
    if brand_capitals(word) {
        return Class::Never;
    }
    let mut lower = word.to_lowercase();
    if let Some(stem) = CONTRACTIONS
        .iter()
        .find_map(|c| lower.strip_suffix(c))
        .filter(|s| !s.is_empty())
    {
        // "DM'd", "OK'd": an acronym made a verb.
        let acronym = word.chars().take_while(|c| c.is_alphabetic()).count() >= 2
            && word
                .chars()
                .take_while(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        if stem.chars().count() == 1 || is_common(stem) || is_word(stem) || acronym {
            return Class::Never;
        }
        lower = stem.to_string();
    }
    let parts: Vec<&str> = lower
        .split(WORD_JOINERS)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() <= 1 {
        return class_of_part(&lower);
    }
    if is_common(&lower) {
        return Class::Never;
    }
    // "Yup'ik", "Hawai'i", "Gwich'in": the apostrophe stands for a glottal stop, and the
    // lists spell these without it.
    if !lower.contains('-') {
        let bare = lower.replace(APOSTROPHES, "");
        let joined = class_of_part(&bare);
        // Not "O'Neal": "oneal" is a dictionary proper noun, but a surname first.
        let a_name = is_surname(&bare) || first_name_rank(&bare).is_some();
        if matches!(joined, Class::Never | Class::Proper) && !a_name {
            return joined;
        }
    }
    // "aujourd'hui", typed "aujourdhui" as often.
    if LEXICON.words.contains(lower.as_str()) || is_french(&lower.replace(['\'', '’'], "")) {
        return Class::Word;
    }
    // "Bibi-ji", "Dadi-saa", "Ammi-jis": a kin or other listed word with an honorific
    // after it is still that word ("Sunita-ji" stays a name).
    if let [stem, suffix] = parts.as_slice() {
        // The world list's words are in `is_common` (so in the classes here), except
        // its starred kin words ("bibi").
        let listed = matches!(
            class_of_part(stem),
            Class::Never | Class::Soft | Class::Word | Class::Proper
        ) || is_world_kin(stem);
        if HONORIFICS.contains(&suffix.trim_end_matches('s')) && listed {
            return Class::Never;
        }
    }
    // "G-tube", "mother-in-law", "SSN-shaped" are ordinary; "Zoë-Ånn", "O'Brien" not.
    let acronyms: Vec<bool> = word
        .split(WORD_JOINERS)
        .filter(|p| !p.is_empty())
        .map(|p| p.chars().count() > 1 && p.chars().all(|c| !c.is_lowercase()))
        .collect();
    let classes: Vec<Class> = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if p.chars().count() == 1 || acronyms.get(i).copied().unwrap_or(false) {
                Class::Never
            } else {
                class_of_part(p)
            }
        })
        .collect();
    if classes.iter().all(|c| *c == Class::Never) {
        return Class::Never;
    }
    let ordinary = |c: &Class| matches!(c, Class::Never | Class::Soft | Class::Word);
    if syllable_name(word, &parts) {
        return Class::Unknown;
    }
    if classes.iter().all(ordinary) {
        return Class::Word;
    }
    classes
        .into_iter()
        .find(|c| !ordinary(c))
        .unwrap_or(Class::Word)
}
