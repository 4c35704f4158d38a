//! The pattern detectors: phone numbers, e-mail and street addresses, social media
//! handles, dates of birth and record numbers. Each adds candidates in byte offsets;
//! `scan` settles overlaps.

use std::cell::LazyCell;
use std::sync::LazyLock;

use regex::Regex;

use super::lexicon;
use super::tokens::{window_after, window_before};
use super::{Candidate, FindingKind};

/// The patterns are constants checked by the unit tests, so failing to compile one is a
/// programming error found before release, like a bad `include_str!`.
#[allow(clippy::expect_used)]
fn pattern(re: &str) -> Regex {
    Regex::new(&ascii_word_boundaries(re)).expect("a valid built-in pattern")
}

/// A large pattern (the dates, with every month and holiday): its lazy DFA gets a bigger
/// cache, or on a long text it keeps clearing the cache and falls back to the slow
/// engine (thirty times slower). The limit caps the cache; it grows only as needed.
#[allow(clippy::expect_used)] // as for `pattern`
fn large_pattern(re: &str) -> Regex {
    regex::RegexBuilder::new(&ascii_word_boundaries(re))
        .dfa_size_limit(32 << 20)
        .build()
        .expect("a valid built-in pattern")
}

/// `\b` as an ASCII word boundary: a Unicode one makes the regex engine fall back to
/// its slow path on any text with an accent or an emoji (ten times slower), and every
/// boundary here sits next to ASCII letters or digits anyway.
pub(super) fn ascii_word_boundaries(re: &str) -> String {
    re.replace(r"\b", r"(?-u:\b)")
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b[a-z0-9][a-z0-9._%+-]*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+",
    )
});

/// "keke at gmail dot com": an address spelled out to get past filters.
static EMAIL_SPELLED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?ix)
          \b[a-z0-9][a-z0-9._-]*\ +(?:at|arroba|\[at\]|\(at\))\ +[a-z0-9-]+
          (?:\ +(?:dot|punto|\[dot\]|\(dot\))\ +[a-z]{2,6}){1,2}\b
        ",
    )
});

/// Seven or ten digits with only a space or dot in them ("555 0182", "5552104477", the
/// Indian "98201 44735"): phone numbers only when the sentence talks about calling.
static PHONE_BARE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"\b(?:\d{3}[.\ ]\d{4}|\d{5}\ \d{5}|\(?\d{3}\)?\d{7}|[2-9]\d{9})\b"));

/// A nine-digit mobile in threes (the Peruvian "984 555 307"): a phone only when the
/// sentence talks about calling or paying by phone, and never a phone's shape for a
/// labelled value (Canadian social insurance and health numbers are written the same way).
static PHONE_IN_THREES: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"\b[6-9]\d{2}\ \d{3}\ \d{3}\b"));
static PHONE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:phone|cell|number|call|called|calling|text|texted|reach|voicemail|line|ph|tel|mobile|mob|#|whatsapp|yape|pix|nequi|n[uú]mero|celular|telefone|tel[eé]fono|ligar|llamar|ring|rang|txt|sms|dial)",
    )
});

/// Separators between a phone number's groups, with the non-breaking hyphen, the en dash
/// and the middle dot that word processors and phones put in ("555‑0107", "555·555·0176").
const PHONE_SEP: &str = r"\-.\ \x{2010}\x{2011}\x{2013}\x{00B7}";

static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?x)
          \+\d{{1,3}}[{PHONE_SEP}]?(?:\(\d{{1,4}}\)[{PHONE_SEP}]?)?\d{{1,5}}(?:[{PHONE_SEP}]\d{{2,8}}){{1,4}}  # +44 7700 900123, +55 (21) 95555-8812
        | \(\d{{2}}\)\ ?\d{{4,5}}[{PHONE_SEP}]\d{{4}}\b                              # (21) 95555-3410
        | \b1[{PHONE_SEP}]\(?\d{{3}}\)?[{PHONE_SEP}]\d{{3}}[{PHONE_SEP}]\d{{4}}\b          # 1-614-555-0182
        | \(\d{{3}}\)\ ?\d{{3}}[{PHONE_SEP}]\d{{4}}                                 # (614) 555-0182
        | \(0\d\)\ ?\d{{4}}[{PHONE_SEP}]?\d{{4}}\b                                  # (02) 5550 0164
        | \(0\d\)\ ?\d{{3}}[{PHONE_SEP}]\d{{4}}\b                                    # (07) 555 3186
        | \b\d{{3}}[{PHONE_SEP}]\d{{3}}[{PHONE_SEP}]\d{{4}}\b                         # 614.555.0199
        | \b0\d{{1,4}}[\ -]?\d{{3,4}}[\ -]?\d{{3,4}}\b                            # 07700 900461, 04 3855 5092
        | \b\d{{3}}[\-\x{{2010}}\x{{2011}}\x{{2013}}]\d{{4}}\b                         # 555-0147
        | \b0(?:\ \d){{9,10}}\b                                                # 0 7 4 5 5 5 0 1 2 8
        "
    ))
});

/// One digit read out, as dictation writes it: "five", "oh", "o", "double four",
/// "triple-nine".
const SPOKEN_DIGIT: &str = r"(?:(?:double|triple)[\ -]?)?(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine
    |cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|um|dois|três|quatro|sete|oito|nove)";

/// A number read out in words: seven to fifteen digits, mostly words ("five five five, two
/// one oh, eight eight four seven", "oh two one, double four"), with the punctuation a
/// dictation app writes out ("nine four four comma one eight two").
static PHONE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?ix)
          \b(?:{SPOKEN_DIGIT}|\d{{1,4}})
          (?:[\ ,.-]+(?:(?:comma|coma|dash|hyphen|gui[oó]n)[\ ,.-]+)?(?:{SPOKEN_DIGIT}|\d{{1,4}})){{2,14}}\b
        "
    ))
});

const STREET_TYPES: &str = "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Court|Ct|Way|\
    Boulevard|Blvd|Place|Pl|Terrace|Close|Crescent|Row|Circle|Parkway|Pkwy|Highway|Hwy|\
    Square|Sq|Trail|Gardens|Walk|Mews|Alley|Bend|Grove|Heights|Loop|Pike|Path|Cove|Ridge|\
    Point|Glen|Hollow|Trace|Run|Crossing|Landing|Commons|Estates|Park|Green|Rise|View|Vale|\
    Cres|Cir|Crt|Pde|Cct|Terr|Tce|Av|Esp|Cl";

/// US state and territory codes, after a town ("Carver MN", "Merrill, WI 54452").
const US_STATES: &str =
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|\
    NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|PR";

/// Canadian province and Australian state codes, after a town ("Steinbach, MB R5G 1N9",
/// "Tennant Creek NT 0861").
const PROVINCES_AND_STATES: &str =
    "AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|PEI|QC|SK|YT|NSW|QLD|Qld|VIC|Vic|TAS|Tas|ACT|SA|WA";

/// The town and state after a street address: ", Carver MN", ", Merrill, WI 54452",
/// ", Steinbach, MB R5G 1N9", ", Tennant Creek NT 0861".
static TOWN_AND_STATE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"^,\ *(?:\p{{Lu}}\p{{Ll}}+\ ?){{1,3}},?\ +(?-i:{US_STATES}|{PROVINCES_AND_STATES})\b(?:\ +(?:\d{{5}}(?:-\d{{4}})?|\d{{4}}|[A-Z]\d[A-Z]\ ?\d[A-Z]\d)\b)?"
    ))
});

/// "at 311B Kenwood", "2200 Delmar": a house number and a street name without its street
/// word, only where the sentence talks of living somewhere.
static NUMBER_AND_NAME: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"\b\d{3,5}[A-Z]?\ +\p{Lu}\p{Ll}{2,}(?:\ +\p{Lu}\p{Ll}{2,})?\b"));
static LIVING_CUE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:live|lives|living|lived|address|moved|stay|stays|staying|house|duplex|apartment|apt|unit|rent|rents|renting|mail)\b",
    )
});

/// Wisconsin-style rural numbers and lettered county roads: "N4518 County Rd K",
/// "W1234 Hwy 12", "County Road JJ".
static RURAL_GRID: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
          \b[NSEW]\d{3,5}\ +(?:(?i:county\ (?:road|rd\.?|highway|hwy\.?)|highway|hwy\.?|state\ (?:road|rd\.?)))\ +[A-Z0-9]{1,3}\b
        | \b(?i:county\ (?:road|rd\.?|highway|hwy\.?))\ +[A-Z]{1,2}\b
        ",
    )
});

/// Street words that name a street even without a house number ("the blue house on
/// Sandhill Road", "lives off Quarry Rd"); not Park, Commons or Heights, which are as
/// often a place's own name.
const STREET_WORDS: &str = "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|\
    Way|Crescent|Cres|Circle|Cir|Terrace|Terr|Tce|Trail|Parkway|Pkwy|Pike|Pde|Parade|Cct|Av|Esp|Esplanade|\
    Highway|Hwy|Loop";

/// A street named after "on", "off", "down" and the like, without a house number.
static STREET_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"\b(?:on|off|along|down|up|onto|of|near|past|by)\ +(?:the\ +)?(?P<s>(?:\p{{Lu}}[\p{{L}}'’-]*\ +){{1,3}}(?:{STREET_WORDS})\b\.?(?:\ (?-i:N|S|E|W|NE|NW|SE|SW)\b\.?)?)"
    ))
});

/// Streets written in Spanish or French ("Calle Sierra", "342 Calle Paloma", "12 Rue
/// des Pruniers"): the street word comes first.
static STREET_FRONTED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"\b(?:\d{1,5}\ +)?(?:Calle|Avenida|Rue|Camino|Paseo|Carrera|Rua)\ +(?:(?:de\ la|de|del|la|las|los|des|du|da|do)\ +)?\p{Lu}[\p{L}'’-]+(?:\ +\p{Lu}[\p{L}'’-]+)?(?:,?\ *(?i:apartment|apt|unit|suite|\#)\.?\ *\#?[A-Za-z]?\d+[A-Za-z]?\b)?",
    )
});

static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?x)
          \b(?:\d{{1,3}}-)?\d{{1,5}}[A-Za-z]?\ +(?:\p{{Lu}}[\p{{L}}'’.-]*\ +){{1,4}}(?:{STREET_TYPES})\b\.?
          (?:,?\ *(?i:apartment|apt|unit|suite|ste|flat|\#)\.?\ *\#?[A-Za-z]?\d+[A-Za-z]?\b)?
          (?:,\ *(?:\p{{Lu}}\p{{L}}+\ ?){{1,3}},?\ *(?:[A-Z]{{2,3}}\ +)?
             (?:\d{{5}}(?:-\d{{4}})?\b|(?-u:\b)[A-Z]{{2,3}}\ +\d{{4}}\b|[A-Z]{{1,2}}\d[A-Z\d]?\ ?\d[A-Z]{{2}}\b|[A-Z]\d[A-Z]\ ?\d[A-Z]\d\b))?
        "
    ))
});

/// "221 5th Ave", "1200 W. 3rd Street": numbered streets; Utah's grid ("1420 N 400 W")
/// and Calgary's quadrants ("3320 17 Ave SE").
static ADDRESS_NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?x)
          \b\d{{1,5}}\ +(?:N|S|E|W|North|South|East|West)\.?\ +\d{{1,4}}\ +(?:N|S|E|W|North|South|East|West)\b\.?
        | \b\d{{1,5}}\ +\d{{1,3}}\ +(?:Ave|Avenue|St|Street|Dr|Drive|Rd|Road|Blvd)\.?\ +(?:NE|NW|SE|SW)\b
        |
          \b\d{{1,5}}\ +(?:(?i:[NSEW])\.?\ +|(?:North|South|East|West)\ +)?\d{{1,3}}(?:st|nd|rd|th)\ +(?i:{STREET_TYPES})\b\.?
          (?:,?\ *(?i:apartment|apt|unit|suite|ste|flat|\#)\.?\ *\#?(?:[A-Za-z]?\d+[A-Za-z]?|[A-Za-z])\b)?
        "
    ))
});

/// "fifty five Hill Road", "five five four two Jackson Avenue": a house number read out
/// (from ten up, or two figures or more one by one: "one Main Street story" is no address).
static ADDRESS_SPOKEN: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"\b(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\ -](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)[\ -]){1,4}(?:zero|oh|one|two|three|four|five|six|seven|eight|nine))\ +(?:\p{Lu}[\p{L}'’-]*\ +){1,3}(?:Street|Road|Avenue|Lane|Drive|Crescent|Place|Terrace|Court|Way)\b",
    )
});

/// "418 linden st": written in lower case, only with a street abbreviation.
static ADDRESS_LOWER: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"\b\d{1,5}\ +(?:[a-z][a-z'-]+\ +){1,2}(?:st|ave|rd|ln|blvd|dr|ct|hwy)\b\.?")
});

/// "9 oduduwa street", "412 maple avenue": a street typed in lower case with its whole
/// street word, only after "at", "on", "no" or "number" or where the sentence talks of
/// living somewhere ("a 2 lane road" is none).
static ADDRESS_LOWER_FULL: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"\b\d{1,5}\ +(?:[a-z][a-z'-]+\ +){1,2}(?:street|avenue|road|lane|drive|boulevard|highway|crescent)\b",
    )
});

/// "House No. 55", "house number 12": a house by its number.
static HOUSE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"\b(?i:house)\ +(?i:no\.?|number|\#)\ *\d{1,5}[A-Z]?\b"));

/// A GhanaPost GPS digital address ("GA-555-0418", "AK-039-5028"), where the sentence talks
/// of an address or a home: two letters, three or four digits, four digits.
static DIGITAL_ADDRESS: LazyLock<Regex> = LazyLock::new(|| pattern(r"\b[A-Z]{2}-\d{3,4}-\d{4}\b"));
static DIGITAL_ADDRESS_CUE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:address|gps|ghanapost|ghana\ post|live|lives|living|stay|stays|staying|house|home|moved|location)\b",
    )
});

/// "Apartment 14B" on its own; "Unit 3" alone is too often a training unit.
static APARTMENT: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?i)\b(?:apartment|apt\.?|flat|suite)\ +\#?\d+[a-z]?\b"));

/// A number up to ninety-nine in words ("forty one", "twenty-two", "seven").
const NUMBER_WORDS: &str = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\ -](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine";

/// Rural and postal addresses: PO Box (with a lettered one, "P.O. Box HP 555"), a private
/// mail bag ("PMB 555"), RR 3 Box 22, Rural Route 2, County Road 9, Route 66, Highway 12.
static RURAL: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?x)
          \b(?:(?i:p\.?\ ?o\.?\ *box|post\ office\ box)\ *(?:[A-Z]{{1,3}}\ +)?\#?\d+|(?i:private\ (?:mail\ )?bag|p\.m\.b\.|pmb)\ *\#?\d+|(?i:general\ delivery)
            |(?i:casilla|caixa\ postal|apartado\ postal|apdo\.)\ *\d+)
            (?:,\ *\p{{Lu}}\p{{Ll}}+(?:\ \p{{Lu}}\p{{Ll}}+)?(?:,?\ [A-Z]{{2}}\ +\d{{5}}\b)?)?
        | \b(?:RR|R\.R\.|HC|H\.C\.|Rt\.?|(?i:rural\ route|star\ route|highway\ contract))\ *\#?\d+,?\ *(?i:box)\ *\#?\d+
        | \b(?:RR|R\.R\.|RMB|(?i:rural\ route|roadside\ mail\ box))\ *(?i:number\ +|no\.?\ *)?\#?(?:\d+|(?i:{NUMBER_WORDS})\b)
        | \b(?:(?i:p\.?\ ?o\.?\ *box|post\ office\ box))\ +(?i:number\ +)?(?i:{NUMBER_WORDS})\b
        | \bRD\ *\d{{1,2}}\b(?:,\ *\p{{Lu}}\p{{Ll}}+(?:\ \p{{Lu}}\p{{Ll}}+)?)?
        | \b(?:(?i:county\ road|county\ rd\.?|state\ route|route|rte\.?|highway|hwy\.?|farm\ road|fm|ruta|rodovia|carretera)|CR|Rt\.?)\ +\d+[A-Z]?\b(?:\ *&\ *\p{{Lu}}\p{{Ll}}+\ (?:Ln|Rd|St|Dr|Lane|Road|Street|Drive)\b)?
        | \bDublin\ (?:1[0-8]|2[0-4]|[1-9]|6W)\b
        "
    ))
});

/// A street in Spanish with its number: "Calle 5 #214", "Avenida Hidalgo 318", "Calle
/// Morelos No. 12".
static STREET_SPANISH: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
          \b(?:Calle|Avenida|Av\.|Callejón|Callejon|Privada|Calzada|Carretera|Camino|Pasaje)\ +(?:(?:de|del|la|las|los)\ +)?(?:[\p{Lu}\d][\p{L}\d]*\ +){0,3}(?:(?i:no\.?|núm\.?|num\.?)\ *|\#\ *)?\d+[A-Za-z]?\b
            (?:\ +\d{1,3}-\d{1,3})?
            (?:,?\ +(?i:zona)\ +\d{1,2}\b)?
            (?:,\ +(?i:colonia|col\.|barrio|pasaje|casa)\ +[\p{L}\d][\p{L}\d]*(?:\ +[\p{Lu}\d][\p{L}\d]*){0,3})?
        | \b(?:\d{1,2}a\.?\ +)?(?i:calle|avenida)\ +\d{1,3}[a-z]?\ *(?:\#\ *\d+|\d{1,3}-\d{1,3})
            (?:,?\ +(?i:zona)\ +\d{1,2}\b)?
            (?:,\ +(?i:colonia|col\.|barrio)\ +[\p{Lu}][\p{L}]*(?:\ +[\p{Lu}][\p{L}]*){0,3})?
        | \b\d{1,2}a\.?\ +(?i:calle|avenida)\ +\d{1,3}-\d{1,3}(?:,?\ +(?i:zona)\ +\d{1,2}\b)?
        ",
    )
});

/// A home by its block and lot, as Latin American settlements number them ("Mz. B Lt. 14",
/// "Manzana 12, Casa 4", "Mz. 555 Solar 12"), or by its passage and house ("pasaje 5, casa
/// 55").
static BLOCK_AND_LOT: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
          \b(?:Mz[a]?\.?|(?i:manzana))\ *[A-Z0-9]{1,4}\b,?\ +(?:Lt\.?|(?i:lote|casa|solar|villa))\ *\d{1,4}[A-Z]?\b
        | \b(?i:pasaje|psje\.|pje\.|bloque|torre|edificio|edif\.)\ *[A-Z0-9]{1,4}\b,?\ +
            (?i:casa|depto\.?|departamento|dpto\.?|apto\.?|apartamento|int\.|interior|lote|piso)\ *[A-Z0-9]{1,4}\b
        ",
    )
});

/// A street in Spanish or Portuguese that names its kind first and its number last ("Jr. Los
/// Claveles 555", "Travessa São Jorge, 55", "Rua das Flores, 120", "calle 16 de septiembre
/// 555", "Carrera 7 Este # 89-12 Sur").
static STREET_LATIN: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
          \b(?:Jr\.|Jirón|Jiron|Psje\.|Pje\.|Pasaje|Travessa|Rua|Rodovia|Avenida|Av\.|Carrera|Cra\.|Calle|Diagonal
             |Transversal|Beco|Ladeira|Praça|(?i:calle|avenida|carrera|rua|travessa))
          \ +(?:[\p{Lu}\d][\p{L}\p{M}\d'’]*|(?:de|del|da|das|do|dos|la|las|los|el)\ +\p{L}[\p{L}\p{M}]*)
          (?:\ +(?:[\p{Lu}\d][\p{L}\p{M}\d'’]*|(?:de|del|da|das|do|dos|la|las|los|el)\ +\p{L}[\p{L}\p{M}]*)){0,3}?
          (?:,\ *|\ +)(?:(?i:no\.?|nº|n°|núm\.?|número|numero)\ *|\#\ *)?\d{1,5}[A-Za-z]?\b
          (?:-\d{1,3}\b)?(?:\ +(?:Sur|Norte|Este|Oeste|Bis)\b)?
        ",
    )
});

/// Welsh streets name their street word first ("Heol y Nant", "Stryd Fawr", "Lôn
/// Glanrafon"), with or without a house number before them.
static STREET_WELSH: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"\b(?:Heol|Stryd|Ffordd|Lôn|Rhodfa|Cilgant|Teras)\ +(?:(?:y|yr|'r)\ +)?\p{Lu}[\p{L}'’-]*(?:\ +\p{Lu}[\p{L}'’-]*)?",
    )
});

/// "lot 17" in a mobile-home or trailer park, "room 212" at a motel: only with the park
/// or motel in the same sentence (a hospital room or a parking lot is not an address).
/// Spanish and Portuguese words count too: "cuarto 7" or "habitación 12" at a hotel, "cama
/// 14" at a shelter, "lote 55" or "sitio 23" in a campamento.
static LOT_OR_ROOM: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?P<what>lot|lote|space|site|sitio|parcela|trailer|cabin|unit|room|rm\.?|cuarto|quarto|habitaci[oó]n|pieza|cama|bed)\ +\#?\d+[a-z]?\b",
    )
});

/// "room 12 at the Starlite", "Lot 55, Naduruloulou Road": a named place or road right
/// after.
static NAMED_RIGHT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^(?:,?\ +(?:at|in|of)\ +(?:the\ +)?\p{Lu}\p{L}|,\ +(?:\p{Lu}[\p{L}'’-]*\ +){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Drive|Highway)\b)",
    )
});
static NAMED_PLACE_CUE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"\b(?:at|in|to|from)\ +(?:the\ +)?\p{Lu}\p{Ll}"));
static PARK_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:mobile[\ -]home|trailer|rv|manufactured\ home|park|court|village|estates|acres|campground|camp|cabins|apartments|apts|bldg|building|complex|duplex(?:es)?|campamento|asentamiento|toma|parcela)\b",
    )
});
static HOME_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:flat|flats|housing|gardens|terrace|towers?|block|estate|houses|home|lives|living|moved|mould|mold|landlord|rent|lease|tenancy|bedroom|lounge|kitchen|address)\b",
    )
});
static MOTEL_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i:\b(?:motel|inn|hotel|lodge|suites|extended\ stay|hostel|b&b|shelter|refuge|residence|recovery\ housing|dorm|albergue|refugio|residencias|hostal|pensi[oó]n|hospedaje|pagadiario|casa\ de\ acogida)\b)|\b(?:House|Haven)\b",
    )
});

/// A stop or station named for its street ("the Ridgeway Av stop", "125th St station"):
/// where someone gets on the bus every day, a place.
static STREET_STOP: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"\b(?P<s>(?:(?:\p{{Lu}}[\p{{L}}'’-]*|\d{{1,3}}(?:st|nd|rd|th))\ +){{1,3}}(?:{STREET_WORDS})\b\.?)\ +(?i:stop|station|subway\ stop|bus\ stop|train\ station)\b"
    ))
});

/// A street corner: "on Hawthorne and 112th", "at 5th and Main", "corner of Elm and
/// Cherry".
static CORNER: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
          \b(?:on|at|near|by|off)\ +(?P<a>\p{Lu}\p{Ll}+(?:\ (?:St|Ave|Av|Rd|Street|Avenue|Road|Blvd)\b\.?)?\ +(?:and|&)\ +\d{1,3}(?:st|nd|rd|th)\b(?:\ (?:St|Ave|Av|Street|Avenue)\b\.?)?
              |\d{1,3}(?:st|nd|rd|th)(?:\ (?:St|Ave|Av|Street|Avenue)\b\.?)?\ +(?:and|&)\ +\p{Lu}\p{Ll}+\b(?:\ (?:St|Ave|Av|Rd|Street|Avenue|Road|Blvd)\b\.?)?)
        | \b(?i:corner\ of)\ +(?P<b>\p{Lu}\p{Ll}+(?:\ (?:St|Ave|Rd|Street|Avenue|Road)\b\.?)?\ +(?:and|&)\ +\p{Lu}\p{Ll}+(?:\ (?:St|Ave|Rd|Street|Avenue|Road)\b\.?)?)
        ",
    )
});

/// A flat or unit number after the named block it is in ("Villa Esperanza Apartments
/// #208", "Halsted Terrace Unit 1405"), "House 27" (how houses in a remote community
/// are numbered), and the numbering of South Asian towns ("House L-412", "Block C-3",
/// "Sector 33-A", "B-14/207", "H.No. 212", "Gali No. 14", "door no. 12").
static NUMBER_IN_BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
          \b(?:Apartments|Apts|Houses|Towers?|Court|Courts|Terrace|Gardens|Homes|Flats|Estate|Village|Manor|Place|Heights|Bldg\.?|Building)
            ,?\ +(?P<n>(?:\#\ ?|(?i:unit|apt\.?|flat|no\.?)\ +\#?)\d{1,4}[A-Za-z]?\b)
        | (?P<house>\bHouse\ +(?:[A-Z]-?)?\d{1,4}(?:-?[A-Z]\b)?\b)
        | (?P<tower>\b(?:Tower|Block)\ +\d{1,3}[A-Z]?\b(?:,\ *\d{1,2}(?:st|nd|rd|th)\ +(?i:floor)\b)?)
        | (?P<n2>\b(?i:block)\ +[A-Z]{1,2}-\d{1,3}\b|\bSector\ +\d{1,3}(?:-?[A-Z]\d?)?\b|\b[A-Z]-\d{1,3}/\d{1,4}\b
            |\b(?i:h\.\ ?no|flat\ no|door\ no|gali\ no|ward\ no|qtr\ no|quarter\ no|khasra\ no|khata\ no)\b\.?\ *:?\ *[A-Z]?-?\d{1,5}(?:[-/][A-Z0-9]{1,4})?[A-Z]?\b)
        ",
    )
});

/// Military quarters and buildings ("Qtrs 4418-B", "Bldg 3104 Apt C"), and a block of a
/// street ("the 3100 block of N. Lawrence St"): where a family lives.
static QUARTERS_OR_BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?x)
          \b(?:(?:Qtrs\.?|Bldg\.?)\ +\d{{1,5}}|(?:Quarters|Building)\ +\d{{2,5}})(?:-?[A-Z])?\b
            (?:,?\ +(?i:apt\.?|unit|rm\.?|room)\ +[A-Z0-9]{{1,4}}\b)?
        | \b\d{{1,5}}\ +(?i:block)\ +of\ +(?:[NSEW]\.?\ +)?(?:\p{{Lu}}[\p{{L}}'’.-]*)(?:\ +\p{{Lu}}[\p{{L}}'’.-]*){{0,2}}
            (?:\ +(?:{STREET_TYPES})\b\.?)?
        "
    ))
});

/// How homes are numbered where streets are not the address: a stand or erf in a South
/// African township ("Stand 4471 Zone 6", "Erf 10382, Site C"), a plot in an East African
/// settlement ("Plot 23, Kisenyi II Zone"), a pitch on a Traveller site, a shack or house
/// number in an informal settlement ("shack 112, Section C", "house no. C14"; "House 27"
/// is [`NUMBER_IN_BLOCK`]'s, which knows "Hope House 3").
static DWELLING: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
          \b(?:(?i:stand|erf|plot|pitch|shack)|house)\ +(?i:no\.?\ *|number\ +)?\#?[A-Z]?\d{1,6}[A-Z]?\b
          (?P<more>(?:,?\ +(?i:zone|section|extension|ext\.?|phase|site|block|village|ward)\ +[A-Z0-9]{1,3}\b
              |\ +[A-Z]\ +(?i:section|zone|block)\b){0,2})
        ",
    )
});

/// Words after a number that count something rather than number a home ("her house 2
/// weeks ago", "plot 3 times").
const COUNTED_AFTER: [&str; 12] = [
    "weeks", "days", "months", "years", "hours", "times", "minutes", "kids", "children", "people",
    "more", "or",
];

/// A Singapore HDB address: "Blk 512 Jurong West St 52 #08-217", "#15-210, Blk 88", and a
/// unit number alone ("#05-67", floor and flat).
static SINGAPORE_BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
          \b(?i:blk|block)\.?\ +\d{1,4}[A-Z]?\b(?:\ +\p{Lu}[\p{L}']*){0,4}(?:\ +(?:St|Ave|Rd|Dr|Street|Avenue|Road|Drive|Crescent|Close|Walk|Link|Way)\b\.?)?(?:\ +\d{1,3}[A-Z]?\b)?
            (?:,?\ +\#\d{1,2}-\d{1,4}[A-Z]?\b)?
        ",
    )
});

/// A Singapore unit number on its own ("at #15-210"); "Referral #25-0877" is a record.
static SINGAPORE_UNIT: LazyLock<Regex> = LazyLock::new(|| pattern(r"\#\d{1,2}-\d{2,4}[A-Z]?\b"));

/// Words that say a unit number is a home's ("HDB", "Blk", "flat", "at").
static SINGAPORE_HOME: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?i)\b(?:hdb|blk|flat|unit|lives|living|moved|home)\b|\bat\ +\#"));

/// A Scottish tenement flat by floor and door ("flat 5/1", "the 0/1 at 22 Ardenlea
/// Street"): 0 as the floor is never a date.
static FLAT_POSITION: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"\b(?i:flat\ +\d{1,2}/\d{1,2}|(?:the|flat)\ +0/\d{1,2})\b"));

/// Directions that lead to one home: "third house after the tuckshop", "2nd house after
/// the Hotel Jubba sign", "the end caravan on the left", "3rd door in the lane". They run
/// on to the end of the clause (in this verbose pattern a line break in the class would
/// be ignored, so it is not listed: a direction can run past one).
static DIRECTIONS: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)(?i)
          \b(?:first|second|third|fourth|fifth|sixth|seventh|last|end|next|[1-9](?:st|nd|rd|th))
          \ +(?:[a-z]+\ +)?(?:house|door|gate|caravan|trailer|shack|room|flat|plot|hut|yard)
          \ +(?:after|past|from|behind|beside|before|opposite|next\ to|on\ the\ (?:left|right)|in\ the\ (?:lane|row|yard|alley)|with\ the|along)\b
          [^.;:!?]{0,80}
        ",
    )
});

/// A purok, the smallest part of a Philippine barangay, numbered or named ("Purok 3",
/// "Purok Masagana"): where a family lives.
static PUROK: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"\bPurok\ +(?:\d{1,3}[A-Z]?\b|\p{Lu}[\p{L}\p{M}-]+(?:\ \p{Lu}[\p{L}\p{M}-]+){0,2})")
});

/// Directions to a home from a landmark: "the house behind the mosque, third after the
/// transformer", "the bungalow opposite the church with the blue gate". They run on to the
/// end of the clause.
static DIRECTIONS_FROM_A_HOME: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)(?i)
          \b(?:house|bungalow|compound|shack|hut|trailer|caravan|cabin|duplex)
          \ +(?:with\ the\ [a-z]+(?:\ [a-z]+)?\ +)?
          (?:behind|beside|opposite|next\ to|across\ from|past)\ +the\b
          [^.;:!?\n]{0,80}
        ",
    )
});

static FLOOR: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?i)\b\d{1,2}(?:st|nd|rd|th)\ +floor\b"));
static BLOCK_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:lift|elevator|tower|towers|block|flats|council|high-rise|highrise|estate|housing)\b",
    )
});

/// Postcodes: US ZIP+4, Canadian (K2P 1L4), UK (LS6 2QT), Irish Eircodes (T12 R4KH),
/// an Australian state and four digits; and a bare ZIP after the word.
static POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
          \b\d{5}-\d{4}\b
        | \b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\ ?\d[ABCEGHJ-NPRSTV-Z]\d\b
        | \b[A-Z]{1,2}\d[A-Z\d]?\ ?\d[ABD-HJLNP-UW-Z]{2}\b
        | \b(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\ ?(?:[0-9AC-FHKNPRTV-Y]{4})\b
        | \b(?:NSW|VIC|QLD|TAS|ACT)\ +\d{4}\b
        | \b\p{Lu}\p{Ll}+,\ +[A-Z]{2}\ +\d{5}\b
        | \b\p{Lu}\p{Ll}+,?\ +(?:SA|WA|NT)\ +\d{4}\b
        | (?i:\b(?:zip|zip\ code|zipcode|postcode|postal\ code|eircode)\b)[^.\n\d]{0,12}\d{5}\b
        | \b(?:C\.P\.|CP|CEP)\ *:?\ *\d{5}(?:-\d{3})?\b
        | (?-i:\bCEP\b)[^.\n\d]{0,12}\d{5}-\d{3}\b
        ",
    )
});

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|\
    November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

/// A day written as a word: "the second of March", "the twenty-first".
const ORDINALS: &str = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\
    eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|\
    nineteenth|twentieth|thirtieth|(?:twenty|thirty)[\\ -]?(?:first|second|third|fourth|\
    fifth|sixth|seventh|eighth|ninth)";

/// Months and days in Spanish ("nació el 3 de mayo", "el dos de marzo"), and the months
/// Portuguese spells otherwise ("nasceu dia 3 de maio", "20 de outubro de 2023").
const SPANISH_MONTHS: &str =
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|\
    janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro";
const SPANISH_DAYS: &str =
    "primero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|\
    trece|catorce|quince|dieciséis|dieciseis|diecisiete|dieciocho|diecinueve|veinte|veintiuno|\
    veintiún|veintidós|veintidos|veintitrés|veintitres|veinticuatro|veinticinco|veintiséis|\
    veintiseis|veintisiete|veintiocho|veintinueve|treinta|treinta\\ y\\ uno";

/// Months of the Hebrew, Islamic, Ethiopian, Persian and Nanakshahi calendars, with a
/// day in figures ("12 Meskerem 2016", "born 3 Tishrei", "Rajab 14"); capitalised.
const OTHER_MONTHS: &str = "Tishrei|Tishri|Cheshvan|Heshvan|Marcheshvan|Kislev|Tevet|Teves|\
    Shevat|Shvat|Adar|Nisan|Nissan|Iyar|Iyyar|Sivan|Tammuz|Tamuz|Av|Elul|\
    Muharram|Safar|Rabi['’]?\\ (?:al|ul)[\\ -]?(?:Awwal|Awal|Thani|Akhir|Sani)|Jumada\\ (?:al|ul)[\\ -]?(?:Ula|Awwal|Akhirah|Thani|Sani)|\
    Rajab|Sha['’]?ban|Ramadan|Ramzan|Shawwal|Dhu\\ al[\\ -]?(?:Qadah|Qi['’]?dah|Hijjah)|Dhul[\\ -]?(?:Qadah|Hijjah)|\
    Meskerem|Tikimt|Tikemt|Tekemt|Hidar|Hedar|Tahsas|Tahisas|Tir|Ter|Yekatit|Yakatit|Megabit|Miyazya|\
    Miazia|Ginbot|Genbot|Sene|Hamle|Nehase|Nehasse|Pagume|Pagumen|\
    Farvardin|Ordibehesht|Khordad|Mordad|Amordad|Shahrivar|Mehr|Aban|Azar|Dey|Bahman|Esfand|\
    Chet|Vaisakh|Jeth|Harh|Sawan|Bhadon|Assu|Katak|Maghar|Poh|Magh|Phagan";

/// Holidays on a fixed date: "born on Christmas Eve" gives the day away as surely as
/// "12/24" (only with a birth word, like a day alone).
const HOLIDAYS: &str =
    "Christmas\\ (?:Eve|Day)|Christmas|New\\ Year['’]s\\ (?:Eve|Day)|New\\ Year['’]s|\
    Valentine['’]s\\ Day|Halloween|(?i:the\\ )?Fourth\\ of\\ July|Independence\\ Day|\
    St\\.?\\ Patrick['’]s\\ Day|Cinco\\ de\\ Mayo|Boxing\\ Day|St\\.?\\ Stephen['’]s\\ Day|\
    Easter\\ (?:Sunday|Monday)|Easter|Thanksgiving(?:\\ Day)?|Mother['’]s\\ Day|Father['’]s\\ Day|\
    Labou?r\\ Day|Memorial\\ Day|Canada\\ Day|Waitangi\\ Day|Anzac\\ Day|Australia\\ Day|\
    Juneteenth|Diwali|Lunar\\ New\\ Year|Eid(?:\\ al-(?:Fitr|Adha))?|Leap\\ Day|\
    Nochebuena|Navidad|A[ñn]o\\ Nuevo|D[ií]a\\ de\\ (?:los\\ )?Reyes|D[ií]a\\ de\\ las\\ Madres|\
    D[ií]a\\ de\\ (?:los\\ )?Muertos|Hogmanay|Burns\\ Night|Bonfire\\ Night|Guy\\ Fawkes\\ Night|\
    St\\.?\\ (?:David|Andrew|George)['’]s\\ Day|Remembrance\\ (?:Day|Sunday)|Armistice\\ Day|\
    Nowruz|Navroz|Noël|Saint-Jean-Baptiste|P[âa]ques|Toussaint|jour\\ de\\ l['’]An|\
    Vaisakhi|Baisakhi|Chand\\ Raat|Holi|Lohri|Raksha\\ Bandhan|Navratri|Rosh\\ Hashanah|Yom\\ Kippur|\
    Hanukkah|Chanukah|Purim|Passover|Chuseok|Seollal|T[ếe]t|Good\\ Friday|Mardi\\ Gras|\
    Martin\\ Luther\\ King(?:\\ Jr\\.?)?\\ Day|MLK\\ Day|Veterans\\ Day|Presidents['’]?\\ Day|\
    Ashura|Mawlid|Kwanzaa|Epiphany|Pentecost|Candlemas|Ash\\ Wednesday|Palm\\ Sunday|\
    Lag\\ B['’]?a?Omer|Sukkot|Sukkos|Shavuot|Shavuos|Simchat\\ Torah|Tu\\ B['’]?i?Shvat|Tisha\\ B['’]?Av|\
    Janmashtami|Dussehra|Dasara|Durga\\ Puja|Pongal|Onam|Gurpurab|Songkran|Vesak|Matariki|Timkat|\
    Timket|Meskel|Meskal|Enkutatash|Fasika|Genna|Obon|Hina\\ Matsuri|Kodomo\\ no\\ Hi|\
    Divali|Deepavali|Deepawali|Junkanoo|J['’]?ouvert|Fat\\ Tuesday|Shrove\\ Tuesday|\
    Carnival\\ (?:Monday|Tuesday)|Holy\\ (?:Thursday|Saturday)|Maundy\\ Thursday|Easter\\ Saturday|\
    All\\ Saints['’]?(?:\\ Day)?|All\\ Souls['’]?(?:\\ Day)?|D[ií]a\\ de\\ la\\ Virgen(?:\\ de\\ Guadalupe)?|\
    m[ùu]ng\\ [0-9]{1,2}\\ T[ếe]t|Emancipation\\ Day|Independence|Emancipation|Valentine(?:['’]s)?|\
    Ugadi|Vishu|Thiruvonam|Bihu|Gudi\\ Padwa|(?:Makar\\ )?Sankranti|Karva\\ Chauth|Ganesh\\ Chaturthi|\
    Chhath|Tihar|Dashain|[BV]ijaya\\ Dashami|Teej|Akha\\ Teej|P[oa]h?e?la\\ Boishakh|Poila\\ Boishakh|\
    Pahela\\ Baishakh|Shab-e-Barat|Basant|Losar|Nuakhai|Bhogi|Maghi|Bakri?\\ ?Eid|Bakrid|Avurudu|\
    Eid\\ (?:ul|al)[-\\ ](?:Fitr|Adha|Azha|Zuha)|Hmong\\ New\\ Year|Semana\\ Santa|\
    Chinese\\ New\\ Year|Holy\\ Week|\
    juneteenth|thanksgiving|christmas\\ (?:eve|day)|christmas|halloween|easter|new\\ year['’]s\\ (?:eve|day)|\
    valentine['’]s\\ day|mother['’]s\\ day|father['’]s\\ day|labou?r\\ day|memorial\\ day|veterans\\ day|\
    the\\ fourth\\ of\\ july|diwali|anzac\\ day|waitangi\\ day";

/// Holidays above that are also ordinary words or names ("independence", "Valentine"): a
/// birthday only with a time of day or "baby" after them ("Independence morning", "the
/// Valentine baby").
const BARE_HOLIDAYS: [&str; 7] = [
    "Basant",
    "Vishu",
    "Independence",
    "Emancipation",
    "Valentine",
    "Valentine's",
    "Valentine’s",
];

/// A holiday named by capitalised words and "Day", "Eve" or "Festival" ("Rizal Day", "Prince
/// Kūhiō Day", "Haitian Flag Day", "Mid-Autumn Festival"): a day on the calendar, a birth
/// date only with a birth word, like a day alone.
const NAMED_DAY: &str = "(?:\\p{Lu}[\\p{L}\\p{M}'ʻ’.-]*\\ +){1,3}(?:Day|Eve|Festival|Sunday)";

/// Birth words that, capitalised, can open a sentence right before a holiday ("Born
/// Christmas Day").
const BIRTH_LEADS: [&str; 8] = [
    "born",
    "dob",
    "bday",
    "b-day",
    "birthday",
    "delivered",
    "arrived",
    "induced",
];

/// "the night of", "the day before", "the Saturday after", "two days after": a day fixed
/// by a holiday or an event named after it ("the Saturday after Merrie Monarch"). The
/// event's name needs no `\b` after it: its letters run to the end of the word, and an
/// ASCII `\b` would stop before a last letter with an accent ("José").
const DAY_BY_EVENT: &str = "(?i:the\\ +(?:day|night|week|weekend|morning|evening|eve|\
    monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\ +(?:(?:night|morning|evening)\\ +)?\
    (?:before|after|of)\\ +\
    |(?:one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})\\ +days?\\ +(?:before|after)\\ +)";

/// Any date with a day: with or without a year, in figures or words. `ymd` and `dmy`
/// have a year; `dm` is day and month in figures alone ("8/2"), which needs a birth word
/// right before it (Apgar scores look the same).
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    large_pattern(&format!(
        r"(?x)
          (?P<ymd>\b\d{{4}}(?:-\d{{1,2}}-|/\d{{1,2}}/|\.\d{{1,2}}\.)\d{{1,2}}\b|\b\d{{1,2}}-(?i:{MONTHS})-\d{{2,4}}\b)
        | (?P<dmy>\b\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})\b)
        | (?P<dm>\b\d{{1,2}}/\d{{1,2}}\b)
        | \b(?i:(?:on\ +)?the\ +)?(?:\d{{1,2}}(?i:st|nd|rd|th)?|(?i:{ORDINALS}))(?i:\ +of)?\ +(?i:{MONTHS})\b\.?(?:,?\ +\d{{4}}\b)?
        | \b(?i:{MONTHS})\b\.?\ +(?i:the\ +)?(?:\d{{1,2}}(?i:st|nd|rd|th)?\b|(?i:{ORDINALS})\b)(?:,?\ +\d{{4}}\b)?
        | \b(?i:(?:el\ +)?(?:\d{{1,2}}|{SPANISH_DAYS})\ +de\ +(?:{SPANISH_MONTHS})\b(?:\ +(?:de|del)\ +\d{{4}}\b)?)
        | (?P<day>\b(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\ +)?(?i:the)\ +(?:\d{{1,2}}(?i:st|nd|rd|th)|(?i:{ORDINALS}))\b)
        | (?P<holiday>\b(?:{DAY_BY_EVENT}?(?:(?P<listed_day>{HOLIDAYS})|(?-i:(?P<named_day>{NAMED_DAY})))\b(?P<time>\ +(?:morning|night|evening))?(?:,?\ +\d{{4}}\b)?
            |(?i:the\ +(?:first|last|second|third|\d{{1,2}}(?:st|nd|rd|th))\ +(?:day|night)\ +of\ +)(?:{HOLIDAYS}|Ramadan|Ramzan|Muharram)\b
            |{DAY_BY_EVENT}(?:the\ +Fourth\b|\p{{Lu}}[\p{{L}}\p{{M}}'ʻ’-]*(?:\ +\p{{Lu}}[\p{{L}}\p{{M}}'ʻ’-]*){{0,3}})))
        | (?P<other>\b\d{{1,2}}\.?\ +(?:(?:{OTHER_MONTHS})\b|{listed})(?:,?\ +\d{{4}}\b)?|\b(?:{OTHER_MONTHS}|{listed})\ +\d{{1,2}}\b(?:,?\ +\d{{4}}\b)?|\b\d{{4}}\ +m\.\ +{listed}\ +\d{{1,2}}\ *d\b\.?)
        ",
        listed = listed_months(),
    ))
});

/// The other-language months of the word list as one case-blind alternation, longest
/// first ("2 Julai 2024", "12 martie 2025", "9 листопада"), with two that are also
/// English words and so not on the list ("12 mars", "3 Mart"). A word ending in an ASCII
/// letter ends at a word boundary; the ASCII `\b` cannot see the end of "листопада",
/// and the longest form is tried first instead.
fn listed_months() -> String {
    let mut words: Vec<&str> = lexicon::month_words()
        .filter(|w| w.chars().count() >= 3)
        .chain(["mars", "mart"])
        .collect();
    words.sort_unstable();
    words.dedup();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let alternation = |ascii_end: bool| {
        words
            .iter()
            .filter(|w| w.ends_with(|c: char| c.is_ascii()) == ascii_end)
            .map(|w| regex::escape(w))
            .collect::<Vec<_>>()
            .join("|")
    };
    format!(
        "(?i:(?:{})\\b|(?:{}))",
        alternation(true),
        alternation(false)
    )
}

/// Words that say a date is a birth: born, birth(day), DOB, arrived, delivered, came
/// home, turned N on, N days/weeks/months old on.
static BIRTH_CUE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?ix)
          \b(?:born|birth\w*|b-?day|dob|d\.o\.b|arrived|delivered|induced|welcomed|c-?section|into\ labou?r
             |naci[oó]|nacid[oa]|nacimiento|cumplea[ñn]os|cumple|dio\ a\ luz|lleg[oó]\ al\ mundo
             |nasceu|nascid[oa]|nascimento|anivers[aá]rio|deu\ [àa]\ luz
             |came\ home|home\ from\ the\ (?:hospital|nicu)|came\ into\ the\ world|gave\ birth
             |earthside|entered\ the\ world|made\ (?:her|his|their)\ entrance
             |turned\ \w+(?:\ (?:days?|weeks?|months?|years?))?(?:\ old)?\ on
             |(?:turns|be|is|was)\ (?:\d{1,2}|one|two|three|four|five|six|a)(?:\ (?:days?|weeks?|months?|years?))?(?:\ old)?\ on
             |(?:days?|weeks?|wks?|months?|mos?)\ old(?:\ on\b|\ *$))
        ",
    )
});

/// A label for a record, benefit, court or agency number, then the number: 3 or more
/// digits, with letters before ("QRT 55 2019", "JD-25-0431", "EI-PHL-24-3371"), letters
/// among them ("4A-11872", "3AN-23-00118CN", "24CP0118BO"), spaces or a trailing letter
/// ("5521 0987 C").
static RECORD_LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
          (?i:\b(?:mrn|medical\ record|record|case|client\ id|patient\ id|member(?:\ id)?|child\ id
             |program\ id|id|nhs|ssn|social\ security|chart|file|referral|account|acct|policy
             |reference|ref|medicaid|medi-cal|masshealth|badgercare|tenncare|soonercare|husky
             |ahcccs|insurance|wic|snap|ebt|intake|docket|petition|court|cps|dcfs|dss|dcf|dcyf
             |dfcs|dcs|acs|cfs|ocs|cyfd|report|ifsp|iep|claim|confirmation|voucher|benefits?
             |passport|license|licence|plate|uscis|alien|a-number|itin|receipt|medicare|chip
             |peachcare|mainecare|ohip|health\ card|subscriber|group\ number|dhs|dhhs|cws|cas|tusla|pps
             |crn|centrelink|tfn|hcn|member\ number|wic\ id|snap\ id|ebt\ card|hmis|dss
             |cpp|tanf|ssi|ssdi|application|probation|student|investigation|enrol{1,2}ment|household
             |tenancy|bic|cin|tracking|incident(?:\ report)?|complaint|expediente|caso
             |n[uú]mero\ de\ caso|ihi|hcc|health\ care\ card|urn|ur\ number|ndis|din|scr|nhi|chi|ucn|uci|ircc
             |home\ office|hospital\ number|unit\ number|ahcip|ahs|phn|mcp|msp|ramq|port\ ref
             |nric|nin|marac|ccc|folder|h&c|reg|registration
             |aadhaa?r|abha|uhid|cnic|nicop|nid|nic|b-form|fir|nadra|bpl|ration\ card|rch|mcts
             |unhcr|cib|i-94|ip\ no|phin|msi
             |historia\ cl[ií]nica|prontu[aá]rio|ficha|folio|radicado|denuncia|acta(?:\ de\ nacimiento)?
             |protocolo(?:\ de\ ref[uú]gio)?|certid[aã]o|causa)\b|\bmr\#|(?-i:\b(?:MA|IR|PoR|POR|UR)\b))
          (?i:\ *(?:(?:number|no|num|is|id|report|case|file|card|ref|assessment)\b\.?|\#|:|n[º°]))*\ *[:\#]?\ *
          (?P<v>\d{2,5}(?:\.\d{3,6}){1,3}(?:/\d{2,4})?(?:-[0-9A-Z]{1,3}\b)?|\#?(?:[A-Z]{1,4}[-/]){0,3}(?:[A-Z]{1,4}[\ /-]?)?\d+(?:[A-Z]{1,4}\d*)*(?:-[A-Z]{1,4}-?\d+)?(?:[\ -]\d+(?:[A-Z]{1,4}\d*)*){0,3}(?:/[A-Za-z0-9]+){0,3}(?:-[A-Z]{1,3}\b|\ ?[A-Z]\b)?)
        ",
    )
});

/// Any label-like word before "number", "no." or "#" (or an acronym before "card" or
/// "ID": "NHIS card 0555 2290 17"), then a value with 3 or more digits ("student number
/// 44512", "locker no. 2231", "suit no. FCT/HC/FAM/555/2024"); not a phone's own label.
static RECORD_NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
          \b(?P<label>[A-Za-z][A-Za-z-]+)\ +(?P<link>(?i:number|no\.|num|\#)|card|ID)\ *[:\#]?\ *
          (?P<v>(?:[A-Z]{1,4}[\ /-]?){0,4}\d+(?:[\ /-](?:[A-Z]{1,4}\ )?[A-Za-z]*\d[A-Za-z0-9]*){0,3})
        ",
    )
});

/// A record number read out ("case number two two four seven", "the petition is JD two
/// five zero four one"): a label, then three or more digits in words.
static RECORD_SPOKEN: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?x)
          \b(?P<label>[A-Za-z][A-Za-z-]+)\ +(?P<link>(?i:(?:number|no\.?|num|id|is|\#)\ *:?\ *)*)
          (?P<v>(?:[A-Z]{{1,4}}\ +)?(?i:{SPOKEN_DIGIT})(?:[\ ,-]+(?i:(?:comma|coma|dash|hyphen)[\ ,-]+)?(?i:{SPOKEN_DIGIT})){{2,}})\b
        "
    ))
});

/// A US alien registration number (an A-number) written as people write it, with or
/// without a label: "A-218 447 903", "A# 213-884-071", "A 21 744 809".
static A_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"\bA(?:-|\#|\ )\ ?\d{2,3}[\ -]?\d{3}[\ -]?\d{3}\b|\bA\d{8,9}\b"));

/// A docket or case number shaped as letters, a year and a number, with no label:
/// "JD-2024-00417", "CP-25-0118".
static LETTERED_DOCKET: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"\b[A-Z]{1,4}-(?:19|20)?\d{2}-\d{3,6}\b"));

/// Labels that name a record without the word "number" after them.
const SPOKEN_RECORD_LABELS: [&str; 24] = [
    "aadhaar",
    "aadhar",
    "case",
    "petition",
    "docket",
    "referral",
    "medicaid",
    "mrn",
    "member",
    "snap",
    "wic",
    "ebt",
    "intake",
    "account",
    "claim",
    "policy",
    "file",
    "chart",
    "report",
    "ifsp",
    "nhi",
    "ohip",
    "insurance",
    "voucher",
];

/// Apps, carriers and phone words whose "no." is a phone number ("Viber no.", "GCash no.",
/// "MTN no.", "CP no.").
const PHONE_LABELS: [&str; 24] = [
    "viber",
    "gcash",
    "momo",
    "smart",
    "globe",
    "tm",
    "mtn",
    "airtel",
    "glo",
    "vodafone",
    "telegram",
    "signal",
    "imo",
    "tel",
    "telephone",
    "cellphone",
    "cel",
    "cp",
    "sms",
    "wa",
    "hotline",
    "helpline",
    "tigo",
    "safaricom",
];

/// Words before "number" that make it a phone number or no label at all.
const NOT_RECORD_LABELS: [&str; 40] = [
    "phone",
    "cell",
    "mobile",
    "contact",
    "home",
    "work",
    "her",
    "his",
    "my",
    "their",
    "our",
    "your",
    "new",
    "old",
    "the",
    "a",
    "call",
    "this",
    "that",
    "text",
    "landline",
    "whatsapp",
    "fax",
    "emergency",
    // A flat in a block is an address ("Villa Esperanza Apartments #208").
    "apartments",
    "apartment",
    "apts",
    "apt",
    "unit",
    "room",
    "suite",
    "flat",
    "lot",
    "bldg",
    "building",
    "house",
    "houses",
    "towers",
    "court",
    "terrace",
];

/// "@keke_bakes_tx" (not an e-mail address), and profile addresses.
static HANDLE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?ix)
          (?P<at>@[a-z0-9_](?:[a-z0-9_.]*[a-z0-9_])?)
        | (?P<cash>\$[a-z][a-z0-9_]{1,19})
        | (?-i:\bu/)[a-z0-9_-]{3,30}\b       # a Reddit user: u/tiredmama
        | \b(?:https?://)?(?:www\.|m\.)?(?:instagram|facebook|fb|tiktok|twitter|x|snapchat|youtube
             |linkedin|threads|pinterest|twitch|venmo|cash|gofundme|linktr|paypal|patreon|etsy
             |onlyfans|t|wa)\.(?:com|me|app|net|ee)/[@a-z0-9_.\-/]*[a-z0-9_]
        ",
    )
});

/// "her IG is k.r.m", "insta: kekebakes", "snap is lil.k22", "IG handle k.r.m".
static HANDLE_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
          \b(?:IG|Ig|ig|(?i:insta|instagram|snap|snapchat|tiktok|tik\ tok|fb|facebook|twitter|threads|venmo|cash\ ?app
             |whats\ ?app|telegram|messenger))
          (?P<label>(?i:\ +(?:handle|name|username|user\ name|account|page|id|profile)))?
          (?P<sep>(?i:\ *(?:is|es|:|=|-|as|,)\ *)|\ +\(?)
          (?:
            (?P<h>@?[\p{L}0-9_$](?:[\p{L}0-9_.]*[\p{L}0-9_])?)
            (?:\ +(?P<more>(?:(?:de|del|da|do|la|of)\ +)?\p{Lu}\p{Ll}+(?:\ +(?:(?:de|del|da|do|la|of)\ +)?\p{Lu}\p{Ll}+){0,3}))?
          )
        ",
    )
});

static RECORD_SHAPED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
          \b\d{3}-\d{2}-\d{4}\b        # SSN shape
        | \#\d{4,}\b                   # #30917
        | \b[A-Z]{2,5}\#\ ?\d{3,}(?:-\d+)*\b   # SCR# 2025-00417: an acronym's own number
        | \b\d{2,4}-[A-Z]{1,3}-\d{3,}\b  # 24-B-1183: a court or custody number
        | \b[A-Z]{1,4}-?\d{5,}\b       # letters and a long number: HX448210
        | \b[STFGM]\d{7}[A-Z]\b        # a Singapore NRIC or FIN, or a birth cert: S9234517H
        | \b\d{7,}\b                   # a long digit run
        ",
    )
});

/// An acronym, then a value shaped like an identity or registry number: figures in
/// groups with dots, spaces or hyphens, perhaps a check letter ("DNI 55.812.340", "RUN
/// 27.555.318-K", "CPF 555.318.402-19", "CNS 705 5550 1234 5678", "NUIP 1.011.555.872"),
/// or a code of capitals and figures ("CURP LOBA240312MOCPTB55").
static ACRONYM_ID: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
          \b(?P<label>[A-Z]{2,6})\ *(?:\#|(?i:no\.?|n[ºo°]\.?)|:)?\ *
          (?P<v>\d{1,5}(?:[.\ -]\d{2,6}){0,4}(?:-[0-9Kk]|-[A-Z]\b)?|[A-Z]{2,6}\d{4,12}[A-Z0-9]{0,8})\b
        ",
    )
});

/// Acronyms before figures that are scores, codes or times, never a person's number.
const NOT_ID_ACRONYMS: [&str; 16] = [
    "ASQ", "EPDS", "PHQ", "GAD", "DECA", "ICD", "CPT", "DSM", "AM", "PM", "BMI", "APGAR", "NICU",
    "ZIP", "CEP", "ISBN",
];

/// A code of twelve to twenty capitals and figures, four or more of each
/// ("TLRMRS95071509M555", a voter key; "GURX230905MDFTMN55", a CURP): an identity number.
static MIXED_CODE: LazyLock<Regex> = LazyLock::new(|| pattern(r"\b[A-Z0-9]{12,20}\b"));

/// The whole value is shaped like a phone number ("555-0092-1187", "0772 555 019").
fn phone_shaped(value: &str) -> bool {
    let whole = |re: &Regex| re.find(value).is_some_and(|m| m.as_str() == value);
    whole(&PHONE) || whole(&PHONE_BARE)
}

fn push(found: &mut Vec<Candidate>, kind: FindingKind, start: usize, end: usize) {
    found.push(Candidate { kind, start, end });
}

fn digits(s: &str) -> usize {
    s.bytes().filter(u8::is_ascii_digit).count()
}

/// The match at `start..end` is only part of a longer run: the text before it ends with
/// one of `before` ("-4471", "@kayla") or the text after it starts with one of `after`
/// ("4/9/…", "JD-24-…").
fn joined_on(text: &str, start: usize, end: usize, before: &[char], after: &[char]) -> bool {
    text[..start].ends_with(before) || text[end..].starts_with(after)
}

/// More figures follow `end` after one of `separators` ("14.03" in "14.03.2025", "3381"
/// in "3381/2"), so the figures before it are part of a longer number.
fn figures_run_on(text: &str, end: usize, separators: &[char]) -> bool {
    let rest = &text[end..];
    rest.starts_with(separators) && rest[1..].starts_with(|c: char| c.is_ascii_digit())
}

pub(super) fn emails(text: &str, found: &mut Vec<Candidate>) {
    for m in EMAIL.find_iter(text).chain(EMAIL_SPELLED.find_iter(text)) {
        push(found, FindingKind::Email, m.start(), m.end());
    }
}

pub(super) fn phones(text: &str, found: &mut Vec<Candidate>) {
    for m in PHONE.find_iter(text) {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        // Part of a longer number, a date or a range is not a phone number.
        let joined = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || "/-.:".contains(c));
        // "0713-22", "0713/4" run on; "+233 24 555 0713: she …" ends at the colon.
        let after_joined = after.is_some_and(|c| {
            c.is_ascii_digit()
                || ("/-:".contains(c)
                    && text[m.end() + 1..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_ascii_alphanumeric()))
        });
        if joined(before)
            || after_joined
            || !(7..=15).contains(&digits(m.as_str()))
            || toll_free(m.as_str())
        {
            continue;
        }
        push(found, FindingKind::Phone, m.start(), m.end());
    }
    for m in PHONE_BARE
        .find_iter(text)
        .chain(PHONE_IN_THREES.find_iter(text))
    {
        let joined = joined_on(
            text,
            m.start(),
            m.end(),
            &['-', '/', '.', ':', '#'],
            &['-', '/', ':'],
        );
        if !joined && PHONE_CUE.is_match(sentence_around(text, m.start(), m.end())) {
            push(found, FindingKind::Phone, m.start(), m.end());
        }
    }
    for m in PHONE_WORDS.find_iter(text) {
        let (spelled, digits) = spoken_digits(m.as_str());
        // Figures alone are for the patterns above, except figures read out one by one
        // ("6 6 1 5 5 5 0 1 3 8") where the sentence talks of calling.
        let one_by_one = spelled == 0
            && digits.len() >= 10
            && m.as_str().split([' ', ',']).all(|w| w.len() <= 1)
            && PHONE_CUE.is_match(sentence_around(text, m.start(), m.end()));
        if (spelled >= 3 || one_by_one)
            && !counted_out_loud(&digits)
            && (7..=15).contains(&digits.len())
        {
            push(found, FindingKind::Phone, m.start(), m.end());
        }
    }
}

/// The digits of a number read out ("double four" is two), and how many were words.
fn spoken_digits(said: &str) -> (usize, Vec<u8>) {
    let (mut spelled, mut digits, mut times) = (0, Vec::new(), 1);
    for w in said
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        match w.to_lowercase().as_str() {
            "double" => times = 2,
            "triple" => times = 3,
            "comma" | "coma" | "dash" | "hyphen" | "guion" | "guión" => {}
            _ => {
                let d = digit_word(w);
                spelled += usize::from(d.is_some());
                for _ in 0..times {
                    match d {
                        Some(d) => digits.push(d),
                        None => digits.extend(w.bytes().map(|b| b.wrapping_sub(b'0'))),
                    }
                }
                times = 1;
            }
        }
    }
    (spelled, digits)
}

/// Counting out loud ("one, two, three, four …") is not a number.
fn counted_out_loud(digits: &[u8]) -> bool {
    digits.windows(2).all(|w| w[1] == w[0].wrapping_add(1))
}

/// A toll-free number (1-800-944-4773) belongs to a helpline or a business, not a family.
fn toll_free(number: &str) -> bool {
    let d: String = number.chars().filter(char::is_ascii_digit).collect();
    let d = d
        .strip_prefix('1')
        .filter(|rest| rest.len() == 10)
        .unwrap_or(&d);
    d.len() == 10 && ["800", "888", "877", "866", "855", "844", "833"].contains(&&d[..3])
}

fn digit_word(w: &str) -> Option<u8> {
    let words = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    let spanish = [
        "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
    ];
    let portuguese = [
        "zero", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove",
    ];
    let w = w.to_lowercase();
    if w == "oh" || w == "o" {
        return Some(0);
    }
    words
        .iter()
        .position(|d| *d == w)
        .or_else(|| spanish.iter().position(|d| *d == w))
        .or_else(|| portuguese.iter().position(|d| *d == w))
        .and_then(|i| u8::try_from(i).ok())
}

pub(super) fn addresses(text: &str, found: &mut Vec<Candidate>) {
    for m in ADDRESS
        .find_iter(text)
        .chain(APARTMENT.find_iter(text))
        .chain(RURAL.find_iter(text))
        .chain(ADDRESS_LOWER.find_iter(text))
        .chain(ADDRESS_NUMBERED.find_iter(text))
        .chain(STREET_SPANISH.find_iter(text))
        .chain(STREET_LATIN.find_iter(text))
        .chain(ADDRESS_SPOKEN.find_iter(text))
        .chain(BLOCK_AND_LOT.find_iter(text))
        .chain(STREET_WELSH.find_iter(text))
    {
        let mut end = m.start() + m.as_str().trim_end_matches(['.', ',']).len();
        // ", Carver MN": the town and state run on.
        if let Some(t) = TOWN_AND_STATE.find(&text[end..]) {
            end += t.end();
        }
        push(found, FindingKind::StreetAddress, m.start(), end);
    }
    for m in RURAL_GRID.find_iter(text) {
        push(found, FindingKind::StreetAddress, m.start(), m.end());
    }
    for m in QUARTERS_OR_BLOCK
        .find_iter(text)
        .chain(SINGAPORE_BLOCK.find_iter(text))
        .chain(FLAT_POSITION.find_iter(text))
    {
        push(found, FindingKind::StreetAddress, m.start(), m.end());
    }
    for m in SINGAPORE_UNIT.find_iter(text) {
        let sentence = sentence_around(text, m.start(), m.end());
        if SINGAPORE_HOME.is_match(sentence) {
            push(found, FindingKind::StreetAddress, m.start(), m.end());
        }
    }
    for c in DWELLING.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let next = text[m.end()..]
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        let counted = c.name("more").is_none_or(|more| more.is_empty())
            && COUNTED_AFTER.contains(&next.trim_end_matches([',', '.']));
        if !counted {
            push(found, FindingKind::StreetAddress, m.start(), m.end());
        }
    }
    for m in DIRECTIONS.find_iter(text) {
        // "second gate after the eucalyptus, and the father's phone is …": the directions
        // end where a new clause begins.
        let said = directions_until(
            m.as_str(),
            &[", and ", ", but ", ", so ", ", which ", ", where ", ", or "],
        );
        push(
            found,
            FindingKind::StreetAddress,
            m.start(),
            m.start() + said.len(),
        );
    }
    for m in NUMBER_AND_NAME.find_iter(text) {
        let sentence = sentence_around(text, m.start(), m.end());
        let first = m.as_str().split_whitespace().nth(1).unwrap_or("");
        let lower = first.to_lowercase();
        let before = window_before(text, m.start(), 5).to_lowercase();
        let after_at = ["at ", "to ", "on ", "from "]
            .iter()
            .any(|p| before.ends_with(p));
        // "300 Mennonites", "2200 Grams": a count of something, not a street.
        let counted = lower.ends_with('s') && lexicon::is_word(&lower);
        if after_at && !counted && LIVING_CUE.is_match(sentence) && !lexicon::is_common(&lower) {
            push(found, FindingKind::StreetAddress, m.start(), m.end());
        }
    }
    for c in STREET_NAMED.captures_iter(text) {
        let Some(m) = c.name("s") else { continue };
        // "on Main Street Clinic" is a place; the place check has it.
        // "past the Sunrise Terrace apartments" is a complex, also a place.
        // "on Sycamore St. Her husband …": a full stop ends the street and the sentence.
        let place_follows = !m.as_str().ends_with('.')
            && text[m.end()..].strip_prefix(' ').is_some_and(|a| {
                a.starts_with(char::is_uppercase)
                    || [
                        "apartment",
                        "apts",
                        "complex",
                        "park",
                        "building",
                        "homes",
                        "townhomes",
                        "condos",
                    ]
                    .iter()
                    .any(|w| a.starts_with(w))
            });
        // "on Dr Patel's list": a title, not a street.
        // "Family Court", "Juvenile Court": generic words name no court, way or drive;
        // "Front Street", "Case Ave" are streets all the same.
        let words: Vec<&str> = m.as_str().split_whitespace().collect();
        let street_word = words
            .last()
            .map_or("", |w| w.trim_end_matches('.'))
            .to_lowercase();
        let court_like = [
            "court", "ct", "way", "circle", "cir", "trail", "terrace", "terr", "tce", "parkway",
            "pkwy", "pike", "drive", "dr", "crescent", "cres",
        ]
        .contains(&street_word.as_str());
        let generic = court_like
            && words[..words.len().saturating_sub(1)].iter().all(|w| {
                lexicon::is_place_generic(&w.to_lowercase())
                    || lexicon::is_common(&w.to_lowercase())
            });
        // "a trip down Memory Lane", "on Easy Street": sayings, not streets.
        let saying = [
            "Memory Lane",
            "Easy Street",
            "Sesame Street",
            "Wall Street",
            "Skid Row",
        ]
        .iter()
        .any(|s| m.as_str().starts_with(s));
        if !place_follows && !generic && !saying {
            let end = m.start() + m.as_str().trim_end_matches('.').len();
            push(found, FindingKind::StreetAddress, m.start(), end);
        }
    }
    for m in STREET_FRONTED.find_iter(text) {
        push(found, FindingKind::StreetAddress, m.start(), m.end());
    }
    for c in STREET_STOP.captures_iter(text) {
        if let Some(m) = c.name("s") {
            let end = m.start() + m.as_str().trim_end_matches('.').len();
            push(found, FindingKind::Place, m.start(), end);
        }
    }
    for c in CORNER.captures_iter(text) {
        if let Some(m) = c.name("a").or_else(|| c.name("b")) {
            push(found, FindingKind::StreetAddress, m.start(), m.end());
        }
    }
    for m in FLOOR.find_iter(text) {
        // "down from the 16th floor" where the sentence talks of a block of flats or a
        // lift; not a hospital's or an office's floor.
        if BLOCK_WORDS.is_match(sentence_around(text, m.start(), m.end())) {
            push(found, FindingKind::StreetAddress, m.start(), m.end());
        }
    }
    for c in NUMBER_IN_BLOCK.captures_iter(text) {
        if let Some(m) = c.name("n").or_else(|| c.name("n2")) {
            push(found, FindingKind::StreetAddress, m.start(), m.end());
        } else if let Some(m) = c.name("tower") {
            push(found, FindingKind::StreetAddress, m.start(), m.end());
        } else if let Some(m) = c.name("house") {
            // "Hope House 3" is the third of something called Hope House; "House 27" on
            // its own is a house.
            let before = text[..m.start()].trim_end();
            let named = before
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .is_some_and(|w| w.starts_with(char::is_uppercase));
            let counted = window_after(text, m.end(), 40)
                .trim_start()
                .to_lowercase()
                .starts_with("of ");
            if !named && !counted {
                push(found, FindingKind::StreetAddress, m.start(), m.end());
            }
        }
    }
    for c in LOT_OR_ROOM.captures_iter(text) {
        let (Some(m), Some(what)) = (c.get(0), c.name("what")) else {
            continue;
        };
        let sentence = sentence_around(text, m.start(), m.end());
        let what = what.as_str().to_lowercase();
        let room = [
            "room",
            "rm",
            "rm.",
            "cuarto",
            "quarto",
            "habitación",
            "habitacion",
            "pieza",
            "cama",
            "bed",
        ]
        .contains(&what.as_str());
        let place = if room { &MOTEL_WORDS } else { &PARK_WORDS };
        // "Intake at Harbor Light Family Refuge tonight. Mom and two kids in Room 7": the
        // shelter or motel named in the sentence before.
        let just_before = room && MOTEL_WORDS.is_match(window_before(text, m.start(), 160));
        // "room 12 at the Starlite", "unit 7 at Kowhai Court": a named place right after.
        let named_after = NAMED_RIGHT_AFTER.is_match(&text[m.end()..]);
        // "back at Riverbend now, lot 31": a lot, space, cabin or trailer where the
        // sentence names where it is.
        let named_in_sentence = ["lot", "lote", "sitio", "space", "cabin", "trailer"]
            .contains(&what.as_str())
            && NAMED_PLACE_CUE.is_match(sentence);
        // "flat at Kurrajong Gardens Unit 12", "unit 4B, mould again", "Family Residence,
        // Unit 12": a unit where the sentence talks of a home or a shelter (never "unit 3
        // of the course").
        let of_something = window_after(text, m.end(), 40)
            .trim_start()
            .to_lowercase()
            .starts_with("of ");
        let home_unit = what == "unit"
            && !of_something
            && (HOME_WORDS.is_match(sentence) || MOTEL_WORDS.is_match(sentence));
        // A bed is a home only in a shelter ("cama 14 at the albergue"), never "bed 4 of the
        // NICU".
        let bed = what == "bed" || what == "cama";
        let named_after = named_after && !bed;
        if place.is_match(sentence) || named_after || named_in_sentence || home_unit || just_before
        {
            push(found, FindingKind::StreetAddress, m.start(), m.end());
        }
    }
    for m in ADDRESS_LOWER_FULL.find_iter(text) {
        let before = window_before(text, m.start(), 12).to_lowercase();
        let led = ["at ", "on ", "no ", "no. ", "number ", "to "]
            .iter()
            .any(|w| before.ends_with(w));
        if led || LIVING_CUE.is_match(sentence_around(text, m.start(), m.end())) {
            push(found, FindingKind::StreetAddress, m.start(), m.end());
        }
    }
    for m in HOUSE_NUMBER.find_iter(text) {
        push(found, FindingKind::StreetAddress, m.start(), m.end());
    }
    for m in DIGITAL_ADDRESS.find_iter(text) {
        let year = m.as_str()[3..].starts_with("19") || m.as_str()[3..].starts_with("20");
        if !year && DIGITAL_ADDRESS_CUE.is_match(sentence_around(text, m.start(), m.end())) {
            push(found, FindingKind::StreetAddress, m.start(), m.end());
        }
    }
    for m in PUROK.find_iter(text) {
        push(found, FindingKind::StreetAddress, m.start(), m.end());
    }
    for m in DIRECTIONS_FROM_A_HOME.find_iter(text) {
        // "the trailer behind the tire shop on Route 9 in Harrisonburg": the directions end
        // where the clause goes on to something else.
        let said = directions_until(
            m.as_str(),
            &[
                " in ",
                " and ",
                " where ",
                " so ",
                " but ",
                " because ",
                " when ",
                " to ",
                ", or ",
            ],
        );
        push(
            found,
            FindingKind::StreetAddress,
            m.start(),
            m.start() + said.len(),
        );
    }
    for m in POSTCODE.find_iter(text) {
        let s = m.as_str();
        // "ZIP is 60623": flag the code, not the label.
        let from = s.find(|c: char| c.is_ascii_digit()).filter(|_| {
            s.starts_with(|c: char| c.is_ascii_lowercase())
                || s.to_lowercase().starts_with("zip")
                || s.to_lowercase().starts_with("post")
                || s.to_lowercase().starts_with("eircode")
                || s.starts_with("CEP")
        });
        let start = m.start() + from.unwrap_or(0);
        // "(21) 95555-3410": a Brazilian mobile after its area code, not a ZIP+4.
        let area_code = window_before(text, m.start(), 6)
            .trim_end()
            .strip_suffix(')')
            .is_some_and(|b| {
                let mut back = b.chars().rev();
                back.next().is_some_and(|c| c.is_ascii_digit())
                    && back.next().is_some_and(|c| c.is_ascii_digit())
                    && back.next() == Some('(')
            });
        if area_code {
            continue;
        }
        // An Eircode's last four characters mix letters and digits ("R4KH").
        let eircode_like = s.len() >= 7
            && s.as_bytes()[0].is_ascii_uppercase()
            && s[1..3].bytes().all(|b| b.is_ascii_digit())
            && !s.contains('-');
        if eircode_like && from.is_none() {
            let tail = &s[s.len() - 4..];
            let mixed = tail.bytes().any(|b| b.is_ascii_digit())
                && tail.bytes().any(|b| b.is_ascii_uppercase());
            if !mixed {
                continue;
            }
        }
        push(found, FindingKind::StreetAddress, start, m.end());
    }
    address_tails(text, found);
}

/// Directions up to the first of `breaks` that begins another clause, without a trailing
/// comma or space.
fn directions_until<'a>(said: &'a str, breaks: &[&str]) -> &'a str {
    let cut = breaks
        .iter()
        .filter_map(|w| said.find(w))
        .min()
        .unwrap_or(said.len());
    said[..cut].trim_end_matches([',', ' '])
}

/// One more part of an address after a comma: the next line of it ("No. 14 Adeniran
/// Street", "off Ogunlana Drive", "Phase 4", "Brgy. San Isidro") or the area and town
/// ("Surulere", "Tema New Town"). It must end the clause: a comma, a full stop or the end
/// follows ("14 Main St, Kayla said" is not one).
static ADDRESS_PART: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
          ^,\ +(?:(?:off|near|behind|beside|opposite)\ +)?
          (?:(?:\p{Lu}[\p{Lu}\p{Ll}]{0,3}\.){1,3}\ +)?
          (?:\p{Lu}[\p{L}\p{M}'’-]*|\d{1,5}[A-Za-z]?)
          (?:\ +(?:de|del|la|of|\p{Lu}[\p{L}\p{M}'’-]*|\d{1,5}[A-Za-z]?|[A-Z]\b)){0,3}
          (?:[,.;:)!?]|\n|$)
        ",
    )
});

/// A lower-case part of an address after a comma: the unit, lot or kilometre ("…, int. 3",
/// "Ruta 68, km 23, parcela 15", "…, 55, fundos, Belém").
static UNIT_PART: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
          ^,\ +(?:(?:km|lote|lt\.|casa|parcela|interior|int\.|depto\.|dpto\.|piso|apto\.|apt\.|unit|flat)\ *[A-Z0-9]{1,5}\b
            |fundos|bis)
          (?:[,.;:)!?]|\n|$)
        ",
    )
});

/// The last word of a named complex, hotel or shelter, a place of its own after an address.
const COMPLEX_HEADS: [&str; 24] = [
    "Apartments",
    "Apts",
    "Towers",
    "Tower",
    "House",
    "Gardens",
    "Residences",
    "Residence",
    "Estates",
    "Lodge",
    "Inn",
    "Motel",
    "Hotel",
    "Landing",
    "Homes",
    "Courts",
    "Manor",
    "Commons",
    "Shelter",
    "Hall",
    "Flats",
    "Mansions",
    "Suites",
    "Village",
];

/// An address found runs on over the parts that follow it after commas ("Flat 3, No. 14
/// Adeniran Street, off Ogunlana Drive, Surulere"; "14B Hangha Road, Kenema"), up to four.
/// A part that is one role or common word ("…, Mom.", "…, Thursday.") is no part of it.
fn address_tails(text: &str, found: &mut [Candidate]) {
    for address in found
        .iter_mut()
        .filter(|c| c.kind == FindingKind::StreetAddress)
    {
        let mut end = address.end;
        for _ in 0..4 {
            if let Some(m) = UNIT_PART.find(&text[end..]) {
                end += m
                    .as_str()
                    .trim_end_matches([',', '.', ';', ':', ')', '!', '?', '\n'])
                    .len();
                continue;
            }
            let Some(m) = ADDRESS_PART.find(&text[end..]) else {
                break;
            };
            let part = m
                .as_str()
                .trim_end_matches([',', '.', ';', ':', ')', '!', '?', '\n']);
            let words: Vec<&str> = part[1..].split_whitespace().collect();
            let ordinary = words.len() == 1 && {
                let w = words[0].to_lowercase();
                lexicon::is_common(&w) || lexicon::is_word(&w)
            };
            // "0813 555 7702" after an address is a phone number, not a part of it.
            let named = words.iter().any(|w| w.starts_with(char::is_uppercase));
            // "Apt 14, Cedar Springs Apartments": the complex is a place of its own.
            let complex = words
                .last()
                .is_some_and(|w| COMPLEX_HEADS.contains(&w.trim_end_matches('.')));
            // "4419 Orchard Lane, Mrs. Kowalczyk, has …", "…, Maria Lopez, …": a person.
            let first = words[0].trim_end_matches('.');
            let person = ["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Fr", "Sr", "Rev"]
                .contains(&first)
                || (lexicon::first_name_rank(&first.to_lowercase()).is_some()
                    && !lexicon::is_town(&words.join(" ").to_lowercase())
                    && !lexicon::is_known_place(&words.join(" ").to_lowercase()));
            if ordinary || !named || complex || person {
                break;
            }
            end += part.len();
        }
        address.end = end;
    }
}

/// The sentence holding `start..end` (cut at full stops, question marks and lines).
fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    // A full stop inside a word ("bre.bre.2x", "555.0128") does not end the sentence.
    let ends = |i: usize, c: char| {
        c != '.' || text[i + 1..].starts_with(|n: char| n.is_whitespace()) || i + 1 == text.len()
    };
    let from = text[..start]
        .char_indices()
        .rev()
        .find(|&(i, c)| "!?\n.".contains(c) && ends(i, c))
        .map_or(0, |(i, _)| i + 1);
    let to = text[end..]
        .char_indices()
        .find(|&(i, c)| "!?\n.".contains(c) && ends(end + i, c))
        .map_or(text.len(), |(i, _)| end + i);
    &text[from..to]
}

/// Where a birth date is read again from: the card, the tag, the certificate, the
/// system, what the hospital or the registrar wrote.
static RESTATED_FROM: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:card|tag|cert|certificate|registrar|register|record|records|system|chart|form|book|bracelet|band|wrote|written|says|said|put)\b",
    )
});

/// Dates count as dates of birth only when the words around them say so: visit dates
/// are everywhere in reflections and flagging them would bury the real ones.
pub(super) fn birth_dates(text: &str, found: &mut Vec<Candidate>) {
    relative_birthdays(text, found);
    births_on_named_events(text, found);
    let about_a_baby = LazyCell::new(|| BABY_TALK.is_match(text));
    let mut last_birth_end: Option<usize> = None;
    for c in DATE.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        // "turned one on the 3rd of March": the "on" belongs to the birth words before it
        // when they are read (the finding keeps it).
        let start = if m
            .as_str()
            .get(..3)
            .is_some_and(|o| o.eq_ignore_ascii_case("on "))
        {
            m.start() + m.as_str()[3..].len() - m.as_str()[3..].trim_start().len() + 3
        } else {
            m.start()
        };
        let holiday = c.name("holiday").is_some();
        // "Born Christmas Day", "DOB Easter Sunday": a capitalised birth word was read as
        // the first word of the day's name; the date starts after it, and it is a birth.
        let named_day = c.name("named_day");
        let cue_inside = named_day.and_then(|d| {
            let first = d.as_str().split(' ').next()?;
            let rest = d.as_str()[first.len()..].trim_start();
            (BIRTH_LEADS.contains(&first.to_lowercase().as_str()) && rest.contains(' '))
                .then(|| d.end() - rest.len())
        });
        let start = cue_inside.unwrap_or(start);
        let span_start = cue_inside.unwrap_or(m.start());
        // "born to Mary Eve Tanner": a name that runs on past "Eve" or "Day" is a name.
        let runs_on = named_day.is_some()
            && text[m.end()..]
                .strip_prefix(' ')
                .is_some_and(|a| a.starts_with(char::is_uppercase));
        // "independence", "Valentine" alone are a word and a name, not a day.
        let bare = c
            .name("listed_day")
            .is_some_and(|d| BARE_HOLIDAYS.contains(&d.as_str()))
            && c.name("time").is_none()
            && !text[m.end()..].trim_start().starts_with("baby");
        if runs_on || bare {
            continue;
        }
        let birth = if c.name("dm").is_some() || c.name("day").is_some() || holiday {
            // "8/2" alone: only right after the birth word ("born 8/2", "DOB 4/9",
            // "turned one on 4/9"), and not part of a longer number or range.
            let joined = joined_on(text, m.start(), m.end(), &['/', '-', '.'], &['/', '-']);
            let day_alone = c.name("day").is_some() || holiday;
            // "the second birthday": an ordinal before a noun is not a day.
            let next_word = text[m.end()..]
                .strip_prefix(' ')
                .and_then(|a| a.split(|c: char| !c.is_alphabetic()).next())
                .unwrap_or("")
                .to_lowercase();
            let before_noun = day_alone
                && !next_word.is_empty()
                && ![
                    "at",
                    "in",
                    "when",
                    "while",
                    "but",
                    "during",
                    "and",
                    "after",
                    "before",
                    "so",
                    "with",
                    "by",
                    "of",
                    "this",
                    "last",
                    "around",
                    "just",
                    "right",
                    "early",
                    "late",
                    "morning",
                    "night",
                    "evening",
                    "afternoon",
                    // dictation's punctuation read out
                    "comma",
                    "period",
                    "colon",
                ]
                .contains(&next_word.as_str())
                // "born on New Year's Day a few minutes after midnight": an article
                // begins what follows a holiday, never a noun the holiday qualifies.
                && (!holiday
                    || !["a", "an", "the", "just", "about", "almost"].contains(&next_word.as_str()));
            // "a Lei Day baby", "our Christmas baby": the holiday is the birthday.
            // "her Juneteenth blessing", "our Diwali girl" too.
            let holiday_baby =
                holiday && ["baby", "blessing", "boy", "girl"].contains(&next_word.as_str()) && {
                    let after = window_after(text, m.end(), 80)
                        .trim_start()
                        .get(next_word.len()..)
                        .unwrap_or("")
                        .trim_start()
                        .to_lowercase();
                    ![
                        "shower", "sitter", "class", "group", "fair", "photo", "clothes", "stuff",
                    ]
                    .iter()
                    .any(|w| after.starts_with(w))
                };
            cue_inside.is_some()
                || holiday_baby
                || (!joined
                    && !before_noun
                    && !other_event_before(text, start)
                    && (introduced_as_birth(text, start, day_alone)
                        || birth_follows(text, m.end())))
        } else {
            !other_event_before(text, start) && says_birth(text, start, m.end())
        };
        let birth = birth
            || (!other_event_before(text, start) && came_on(text, start, m.end()) && *about_a_baby);
        // "born July 5, Cape Verdean Independence Day": the holiday restates the birth.
        // "Born 8 August 2024, 8/8.", "born 12 Feb … Card: 2025-02-13.": a date in the
        // birth's sentence, or the next when it reads the date off a card or a record,
        // restates it (a holiday only right after it).
        let restated = last_birth_end.is_some_and(|e| {
            let between = &text[e..m.start()];
            let right_after = between
                .trim_matches(|c: char| c.is_whitespace() || ",;:—–-\"“(".contains(c))
                .is_empty();
            let sentence_ends = between.matches(['.', '!', '?']).count();
            // "the first" after a birth is seldom the day again ("the third child").
            // "born on Christmas Eve, and Nicolas on Christmas Day": another child's birth
            // in the same breath.
            let another = AND_ANOTHER_ON.is_match(between) && sentence_ends == 0;
            c.name("day").is_none()
                && (right_after
                    || another
                    || (!holiday
                        && !other_event_before(text, start)
                        && ((sentence_ends == 0 && between.len() <= 80)
                            || (sentence_ends == 1 && RESTATED_FROM.is_match(between)))))
        });
        if birth || restated {
            last_birth_end = Some(m.end());
            // "… the second of March." ends the sentence; the full stop is not the date's.
            let end = m.start() + m.as_str().trim_end_matches('.').len();
            push(found, FindingKind::BirthDate, span_start, end);
        }
    }
}

/// "…, and Nicolas on", "and her cousin Kauri on": another child, then the day.
static AND_ANOTHER_ON: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"(?:^|[,\ ])and\ +(?:(?:her|his|their)\ +[a-z]+\ +)?\p{Lu}[\p{L}'’-]*\ +on\ +$")
});

/// A birth word ("born", "gave birth", "had her son"), where it happened if written ("at
/// home", "in Akropong"), and "on", "during" or "over" if written: what follows may be a
/// feast or an event the birth is dated by ("delivered at home in Akropong during Odwira").
static BORN_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)\b(?i:born|delivered|gave\ +birth|had\ +(?:her|his|their)\ +(?:son|daughter|baby|babies|twins|boy|girl|first|second|third))
          (?:\ +(?:(?i:at\ +home)|(?i:in)\ +\p{Lu}[\p{L}\p{M}'’-]*(?:\ \p{Lu}[\p{L}\p{M}'’-]*){0,2})){0,2}
          \ +(?P<on>(?i:on|during|over)\ +)?",
    )
});

/// Someone who came or arrived, then "on" or "during" if written: a birth when the one
/// who came is not a grown-up and the reflection talks of a baby (see
/// [`births_on_named_events`]).
static CAME_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)(?:\b(?P<who>\p{L}[\p{L}'’]*)|,)\ +(?:came|arrived)(?:\ +(?:early|late|quick|fast))?,?
          \ +(?P<on>(?i:on|during)\ +)?",
    )
});

/// The one who came is a grown-up or a worker, not a newborn.
const GROWN_UPS: [&str; 24] = [
    "mom",
    "mum",
    "dad",
    "mother",
    "father",
    "grandma",
    "grandpa",
    "nan",
    "aunt",
    "aunty",
    "auntie",
    "uncle",
    "i",
    "we",
    "they",
    "caseworker",
    "worker",
    "nurse",
    "visitor",
    "supervisor",
    "interpreter",
    "parents",
    "family",
    "everyone",
];

/// "the night of the Bean Dance", "the week after the fair", "the day the river rose": a
/// day fixed by an event, to the end of its clause.
static EVENT_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)^(?i:the\ +(?:(?:first|second|third|fourth|last|final)\ +)?(?:day|night|week|weekend|morning|evening|afternoon|monday|tuesday|wednesday|thursday|friday|saturday|sunday)
           (?:\ +(?:night|morning|evening|afternoon))?
           \ +(?:of|after|before|that|when|while|as|the|we|it|she|he|they|our|her|his|my|everyone|there)\b)
           [^.,;:!?\n()\[\]—–]{0,70}",
    )
});

/// A saint's or a feast's day named in Spanish or English: "Día de San Juan", "el día de
/// la Virgen", "feast day", "the feast of Our Lady".
static FEAST_DAY: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)^(?:(?i:el|la)\ +)?(?:
            (?i:d[ií]a\ +de)\ +(?:(?i:la|las|los|el|san|santa|santo|nuestra\ +se[ñn]ora\ +de(?:\ +la)?)\ +)?\p{Lu}[\p{L}\p{M}'’-]*(?:\ +(?:de\ +)?\p{Lu}[\p{L}\p{M}'’-]*){0,2}
          | (?i:feast\ +day)\b
          | (?i:the\ +feast\ +of)\ +(?:(?i:the|st\.?|saint)\ +)?\p{Lu}[\p{L}\p{M}'’-]*(?:\ +\p{Lu}[\p{L}\p{M}'’-]*){0,2})",
    )
});

/// Up to four capitalised words ("Gyalpo Lhosar", "St. Francis", "Go-Jii-Ya").
static CAPITALISED_RUN: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"^\p{Lu}[\p{L}\p{M}'ʻ’:.-]*(?:\ \p{Lu}[\p{L}\p{M}'ʻ’:.-]*){0,3}"));

/// Words after a feast's name that make it a day ("Avurudu day", "St. Francis feast day",
/// "Go-Jii-Ya weekend").
const FEAST_TAILS: [&str; 7] = [
    "day",
    "feast",
    "festival",
    "weekend",
    "eve",
    "fair",
    "celebration",
];

/// A birth dated by a feast or an event no list names: "born on Ghatasthapana", "born on
/// Raja Parba", "born on Avurudu day", "born on St. Francis feast day", "born on Día de San
/// Juan", "born the week after the Sunrise Dance". A run of capitalised words after "born
/// on" is the feast when a day word or a festival word ends it, or when no list knows any
/// of its words (a place the lists know, a given name, a surname or a word is not taken):
/// "born on Maui", "born on Grace's birthday" and "born on Medicaid" stay as they were.
fn births_on_named_events(text: &str, found: &mut Vec<Candidate>) {
    let about_a_baby = LazyCell::new(|| BABY_TALK.is_match(text));
    // "Legacy came the morning of the Super Bowl": a child's coming, not a grown-up's.
    // "Baby Rongo, DOB 8/2, arrived the night …": no word before, the baby talk decides.
    let child_came = |lead: &regex::Captures<'_>| {
        let leads_born = lead.get(0).is_some_and(|m| BORN_LEAD.is_match(m.as_str()));
        leads_born
            || (lead
                .name("who")
                .is_none_or(|who| !GROWN_UPS.contains(&who.as_str().to_lowercase().as_str()))
                && *about_a_baby)
    };
    // The word first: the pattern starts at every word of the text.
    let came = (text.contains("came") || text.contains("arrived"))
        .then(|| CAME_LEAD.captures_iter(text))
        .into_iter()
        .flatten();
    for lead in BORN_LEAD.captures_iter(text).chain(came).filter(child_came) {
        let Some(m) = lead.get(0) else { continue };
        let on = lead.name("on").map(|o| o.as_str().trim().to_lowercase());
        let rest = window_after(text, m.end(), 160);
        let span = if let Some(e) = EVENT_CLAUSE.find(rest) {
            Some(clause_end(e.as_str()))
        } else if let Some(f) = FEAST_DAY.find(rest) {
            Some(f.end())
        } else {
            CAPITALISED_RUN
                .find(rest)
                .and_then(|run| feast_named(rest, run.end(), on.as_deref()))
        };
        if let Some(len) = span.filter(|&l| l > 0) {
            let end = m.end() + rest[..len].trim_end_matches(['.', ' ']).len();
            push(found, FindingKind::BirthDate, m.end(), end);
        }
    }
}

/// The end of an event's clause: before " and ", " but ", " so " or " in the ", and at
/// most twelve words.
fn clause_end(clause: &str) -> usize {
    let lower = clause.to_ascii_lowercase();
    let cut = [
        " and ",
        " but ",
        " so ",
        " because ",
        " in the ",
        " at the ",
    ]
    .iter()
    .filter_map(|w| lower.find(w))
    .min()
    .unwrap_or(clause.len());
    // "the day of the new yam festival in Nsukka", "the night of the tornado out by
    // Wanblee": the place is not part of the day.
    let placed = [" in ", " at ", " out by ", " by ", " near ", " outside "]
        .iter()
        .flat_map(|w| clause.match_indices(w))
        .filter(|(i, w)| {
            clause[i + w.len()..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        })
        .map(|(i, _)| i)
        .min()
        .unwrap_or(clause.len());
    let cut = cut.min(placed);
    let twelve = clause
        .match_indices(' ')
        .nth(11)
        .map_or(clause.len(), |(i, _)| i);
    cut.min(twelve)
}

/// The length of a feast's name at the start of `rest`, whose capitalised words end at
/// `run_end`, or None when they are more likely a place or a person.
fn feast_named(rest: &str, run_end: usize, on: Option<&str>) -> Option<usize> {
    let run = &rest[..run_end];
    let words: Vec<&str> = run.split(' ').collect();
    let first = words[0].trim_end_matches('.').to_lowercase();
    let weekday_or_month = MONTHS.split('|').any(|w| w.eq_ignore_ascii_case(&first))
        || [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ]
        .contains(&first.as_str());
    if weekday_or_month || run.contains("'s") || run.contains("’s") {
        return None;
    }
    // "born during Hurricane Helene": a named storm dates the birth.
    if ["Hurricane", "Cyclone", "Typhoon", "Storm", "Tropical"].contains(&words[0])
        && words.len() > 1
    {
        return Some(run_end);
    }
    let after = &rest[run_end..];
    // The next word as written (its length cuts the span) and in lower case.
    let next_raw = after
        .strip_prefix(' ')
        .and_then(|a| a.split(|c: char| !c.is_alphabetic()).next())
        .unwrap_or("");
    let next = next_raw.to_lowercase();
    let tail = if next == "feast" && after[1..].to_lowercase().starts_with("feast day") {
        Some(" feast day".len())
    } else if FEAST_TAILS.contains(&next.as_str()) || lexicon::is_festival_word(&next) {
        Some(1 + next_raw.len())
    } else {
        None
    };
    let lowers: Vec<String> = words
        .iter()
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let a_place = lowers.iter().any(|w| lexicon::is_known_place(w))
        || lexicon::is_big_place_name(&lowers.join(" "))
        || lexicon::is_town_head(words[words.len() - 1])
        || lexicon::is_place_word(&next);
    if a_place {
        return None;
    }
    if let Some(tail) = tail {
        // A festival word inside the run ends it ("Raja Parba", "Saraswati Puja").
        return Some(run_end + tail);
    }
    if lowers.last().is_some_and(|w| lexicon::is_festival_word(w)) && words.len() > 1 {
        return Some(run_end);
    }
    // No day word: only after "on" or "during", and only words no list knows or that
    // are never names, one of them unknown or more than one of them ("Bhai Dooj"; not
    // "Medicaid" alone).
    let classes: Vec<lexicon::Class> = words
        .iter()
        .map(|w| lexicon::class(w.trim_end_matches('.')))
        .collect();
    let unknown = (classes.contains(&lexicon::Class::Unknown) || classes.len() > 1)
        && classes
            .iter()
            .all(|c| matches!(c, lexicon::Class::Unknown | lexicon::Class::Never));
    // After "during" a capitalised run is a season or an event, not a person, unless a
    // word of it is a given name ("born during Semana Santa", "during Lent").
    let during = on == Some("during") && !classes.contains(&lexicon::Class::FirstName);
    ((on == Some("on") && unknown) || during).then_some(run_end)
}

/// A birthday told relative to today: "turned 3 last Sunday", "turns 2 next Saturday,
/// the 17th", "born yesterday", "arrived last night", "born Tuesday last week", "born two
/// sundays ago". The day (`d`) is the birth date
/// once the reader knows when the note was written.
static RELATIVE_BIRTHDAY: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?ix)
          \b(?:turn(?:ed|s|ing)\ +(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)
               (?:\ +(?:years?|yrs?|months?|mos?))?(?:\ +old)?
            |(?:was\ +|were\ +)?born|(?P<came>arrived|delivered))
          \ +(?P<d>(?:(?:last|this\ past|next|this\ coming)\ +(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)
                   (?:\ +(?:morning|night|evening|afternoon))?(?:,?\ +the\ +\d{1,2}(?:st|nd|rd|th))?
                 |(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\ +(?:last|this)\ +week
                 |(?:two|three|four|five|six|\d)\ +(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weeks|days)\ +ago
                 |(?:one|a)\ +(?:week|day)\ +ago
                 |yesterday|last\ night|the\ +day\ +before\ +yesterday))\b
        ",
    )
});

/// Relative birthdays ([`RELATIVE_BIRTHDAY`]), not the saying "I wasn't born yesterday"
/// nor "feels like she was born yesterday".
fn relative_birthdays(text: &str, found: &mut Vec<Candidate>) {
    for c in RELATIVE_BIRTHDAY.captures_iter(text) {
        let (Some(m), Some(d)) = (c.get(0), c.name("d")) else {
            continue;
        };
        // "it feels like the baby was born yesterday": a saying too.
        let before = window_before(text, m.start(), 40).to_lowercase();
        if ["n't ", "not ", "n’t "].iter().any(|n| before.ends_with(n))
            || before.contains("like ")
            || before.contains("as if ")
        {
            continue;
        }
        // "the baby arrived yesterday", "she delivered last night"; not "Grandma arrived
        // yesterday" nor "the crib was delivered".
        if c.name("came").is_some() {
            let subject = before.trim_end().rsplit(' ').next().unwrap_or("");
            let births = [
                "baby", "bub", "newborn", "twins", "triplets", "son", "daughter", "one", "boy",
                "girl",
            ];
            let mothers = ["she", "mom", "mum", "mother", "mama"];
            let came = c.name("came").map_or("", |v| v.as_str()).to_lowercase();
            let ok =
                births.contains(&subject) || (came == "delivered" && mothers.contains(&subject));
            if !ok {
                continue;
            }
        }
        push(found, FindingKind::BirthDate, d.start(), d.end());
    }
}

/// Right before the date, words that make it the birth without a birth word of their own:
/// "the baby came October 9", "bub came on the 28th", "turned five Sept 3".
static BIRTH_RIGHT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?ix)
          (?:\b(?:baby|bub|bubba|son|daughter|twins|little\ one|newborn|newest|grandbaby|babygirl|babyboy)\ +came(?:\ +(?:early|late|quick|fast))?
           |\bhad\ +(?:her|their|the|a|our|my|his)\ +(?:son|daughter|baby|twins|girl|boy|little\ one|first|second|third)
           |\bhad\ +(?:him|her|them)(?:\ +(?:early|late|at\ +home))?
           |\b(?:turned|turns|turning|will\ +turn)\ +(?:\d{{1,2}}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\ +(?:days?|weeks?|months?|years?))?(?:\ +old)?)
          \ *,?\ *(?:\bon\ *)?{WEEKDAY_THEN_END}
        ",
    ))
});

/// "Noelle came Christmas Eve", "Simran came on Canada Day", "She came Easter Sunday":
/// "came" right before the date, in a reflection that talks of a baby (not "came to group
/// on 3/4", which has words between).
static CAME_RIGHT_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| pattern(&format!(r"(?i)\bcame\ *(?:\bon\ *)?{WEEKDAY_THEN_END}")));

/// An optional weekday ("Tues.,", "on Friday"), an optional opening quote, and then the end
/// of the words before a date.
const WEEKDAY_THEN_END: &str =
    r#"(?:\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\ *)?["“‘]?$"#;
static BABY_TALK: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:baby|babies|bub|newborn|newest|infant|nicu|scbu|weeks?\ old|days?\ old|\d+\ ?weeks|lbs?|oz|labou?r|delivery|c-?section|midwi(?:fe|ves)|maternity|birth|born|dob|named\ (?:him|her|them))\b",
    )
});

/// "came" + the date (the caller checks the reflection is about a baby); not a parent or a
/// worker coming ("Mom came June 3"), nor a date with somewhere after it ("came June 3 to
/// the clinic").
fn came_on(text: &str, start: usize, end: usize) -> bool {
    let before = window_before(text, start, 60).to_lowercase();
    let before = sentence_tail(&before);
    let Some(came) = CAME_RIGHT_BEFORE.find(before) else {
        return false;
    };
    let subject = before[..came.start()]
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    let grown_up = GROWN_UPS.contains(&subject);
    let after = window_after(text, end, 40).trim_start().to_lowercase();
    let somewhere = [
        "to ", "for ", "into ", "back", "by ", "with ", "over", "in ", "round", "around",
    ]
    .iter()
    .any(|w| after.starts_with(w));
    !grown_up && !somewhere
}

/// Words for other events a date belongs to: discharge, due date, the next visit.
static OTHER_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:d/c|dc'?d|discharged?|discharge\ date|due(?:\ date)?|visit\w*|seen|saw|check-?up|appt|appointment|f/u|follow-?up|next|until|court|hearing|moved|placed|removed|removal)\b",
    )
});

/// Another event's word stands between the last birth word and the date ("born at 29
/// weeks; d/c Feb 12", "born May 9 (due June 30)", "born early; next visit is June 18"):
/// the date is that event's, not the birth's.
fn other_event_before(text: &str, start: usize) -> bool {
    let before = window_before(text, start, 80).to_lowercase();
    let tail = sentence_tail(&before);
    let Some(event) = OTHER_EVENT.find_iter(tail).last() else {
        return false;
    };
    BIRTH_CUE
        .find_iter(tail)
        .last()
        .is_none_or(|cue| cue.end() <= event.start())
}

/// The date follows a birth word closely: "born (on) 8/2", "DOB: 8/2", "her birthday is
/// 8/2", "turned one on 4/9" (not "born at 34 weeks, Apgars 8/9").
fn introduced_as_birth(text: &str, start: usize, day_alone: bool) -> bool {
    let before = window_before(text, start, 40).to_lowercase();
    let before = before.trim_end_matches([' ', ':', '-']);
    let last = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    let close = matches!(
        last,
        "born"
            | "dob"
            | "d.o.b."
            | "d.o.b"
            | "birthday"
            | "bday"
            | "b-day"
            | "birth"
            | "delivered"
            | "arrived"
            | "induced"
            | "b."
    );
    let close = close || BIRTH_RIGHT_BEFORE.is_match(before);
    // Or a birth word earlier in the sentence, then "is", "was", "on" or "of"; or a few
    // words with no figures between ("born Tuesday night, 7/22", not "born at 34 weeks,
    // Apgars 8/9").
    let tail = sentence_tail(before);
    let cue = BIRTH_CUE.find_iter(tail).last();
    let near = cue.is_some_and(|m| tail.len() - m.end() <= 30);
    let plain_between = cue.is_some_and(|m| {
        let between = &tail[m.end()..];
        between.len() <= 25
            && !between.contains(|c: char| c.is_ascii_digit())
            && !between.contains("apgar")
    });
    // A day alone ("the 3rd") only after the birth word itself, or with nothing but
    // plain words after a birth word that is not a birthday (party plans are not births).
    let birthday =
        cue.is_some_and(|m| m.as_str().starts_with("birthday") || m.as_str().contains("day"));
    let plain_between = plain_between && (!day_alone || !birthday);
    close || plain_between || (matches!(last, "is" | "was" | "on" | "of") && near)
}

/// The part of `before` after its last sentence break.
fn sentence_tail(before: &str) -> &str {
    let mut end = before.len();
    loop {
        let cut = ["! ", "? ", ". ", "\n"]
            .iter()
            .filter_map(|p| before[..end].rfind(p).map(|i| (i, i + p.len())))
            .max_by_key(|&(_, after)| after);
        let Some((at, after)) = cut else {
            return before;
        };
        // "at St. Aldric's on the 9th": a full stop after an abbreviation or an initial
        // does not end the sentence.
        let word = before[..at]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        // "d.o.b. is 3/8/25": a letter after a dot is part of a dotted abbreviation.
        let dotted = word.chars().count() == 1 && before[..at - word.len()].ends_with('.');
        let abbreviation = before[at..].starts_with('.')
            && (dotted
                || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
                || [
                    "st", "dr", "mr", "mrs", "ms", "mt", "ft", "ave", "no", "jr", "sr", "vs",
                ]
                .contains(&word));
        if !abbreviation {
            return &before[after..];
        }
        end = at;
    }
}

fn says_birth(text: &str, start: usize, end: usize) -> bool {
    let before = window_before(text, start, 80).to_lowercase();
    let last = before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    if matches!(last, "d.o.b." | "d.o.b:" | "b.") || BIRTH_RIGHT_BEFORE.is_match(&before) {
        return true;
    }
    // Only the same sentence counts ("born in June. On 3/2/2025 I visited" is a visit).
    if BIRTH_CUE.is_match(sentence_tail(&before)) {
        return true;
    }
    birth_follows(text, end)
}

/// "On 3 April 2025 she was ten days old": an age in days, weeks or months on that date
/// gives the birth date away.
static AGE_ON_DATE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?ix)^[^.!?\n]{0,30}?\b(?:was|is|were|turned|turns)\ +(?:just\ +|only\ +)?(?:\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\ +(?:days?|weeks?|months?)\ +old\b",
    )
});

/// "14 May 2024 (DOB)", "8/2, her birthday": the birth word right after the date.
fn birth_follows(text: &str, end: usize) -> bool {
    if AGE_ON_DATE.is_match(window_after(text, end, 60)) {
        return true;
    }
    let after = window_after(text, end, 24).to_lowercase();
    let after = after.trim_start_matches([' ', '(', ',', '-', '–']);
    ["dob", "d.o.b", "date of birth", "birthday", "bday", "born"]
        .iter()
        .any(|k| after.starts_with(k))
        || DAY_OF_BIRTH_AFTER.is_match(window_after(text, end, 40))
}

/// "October 14, the day he was born", "March 3 (the day she came)": the date named as the
/// birth right after it.
static DAY_OF_BIRTH_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)^[,\ (–-]+the\ +(?:day|night|morning)\ +(?:he|she|they|the\ +baby|the\ +twins)\ +(?:was|were|came|arrived)(?:\ +born)?\b",
    )
});

/// "DOB 14.03", "born 3.4.": day and month with a dot, right after the birth word (a
/// weight, "3.2 kg", has no birth word right before it).
static BIRTH_DOTTED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"(?i)\b(?:dob|d\.o\.b\.?|born|birthday)\b[:\ ]*(?P<d>\d{1,2}\.\d{1,2})\b")
});

pub(super) fn dotted_birth_dates(text: &str, found: &mut Vec<Candidate>) {
    for c in BIRTH_DOTTED.captures_iter(text) {
        let Some(d) = c.name("d") else { continue };
        // Not part of a longer number ("14.03.2025" is a whole date the others read),
        // and a real day and month.
        let longer = figures_run_on(text, d.end(), &['.']);
        let (day, month) = d.as_str().split_once('.').unwrap_or(("", ""));
        let real = day.parse::<u8>().is_ok_and(|n| (1..=31).contains(&n))
            && month.parse::<u8>().is_ok_and(|n| (1..=12).contains(&n));
        let unit_after = window_after(text, d.end(), 40)
            .trim_start()
            .to_lowercase()
            .starts_with(['k', 'l', 'o', 'g']);
        if !longer && real && !unit_after {
            push(found, FindingKind::BirthDate, d.start(), d.end());
        }
    }
}

/// The start of a health or benefit scheme's name written right before a record's label
/// at `label`: up to three words, each a state, province or region ("Alberta",
/// "Manitoba"), "Health", or a short code in capitals ("NS", "MB", "Qld", "NSW").
fn scheme_before(text: &str, label: usize) -> Option<usize> {
    let mut start = None;
    let mut at = label;
    for _ in 0..3 {
        let Some(before) = text[..at].strip_suffix(' ') else {
            break;
        };
        let word_start = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
        let word = &before[word_start..];
        let letters = word.chars().count();
        let code = (2..=4).contains(&letters)
            && word.starts_with(|c: char| c.is_ascii_uppercase())
            && word.chars().skip(1).all(|c| c.is_ascii_alphabetic())
            && PROVINCES_AND_STATES
                .split('|')
                .chain(US_STATES.split('|'))
                .any(|s| s == word);
        let scheme = word == "Health"
            || code
            || (word.starts_with(char::is_uppercase) && lexicon::is_region_start(word));
        if word.is_empty() || !scheme {
            break;
        }
        start = Some(word_start);
        at = word_start;
    }
    start
}

pub(super) fn record_numbers(text: &str, found: &mut Vec<Candidate>) {
    for c in RECORD_LABELLED.captures_iter(text) {
        let Some(v) = c.name("v") else { continue };
        let value = v.as_str().trim_end();
        let n = digits(value);
        // A year after a label ("the report 2024") is not a number on a file.
        let year =
            n == 4 && value.len() == 4 && (value.starts_with("19") || value.starts_with("20"));
        let joined = figures_run_on(text, v.end(), &['/', ':', '.']);
        // "the intake: DOB 05/06/2021" is a birth date under a label, not a record.
        let birth = value
            .get(..3)
            .is_some_and(|l| l.eq_ignore_ascii_case("dob"));
        if n >= 3 && !year && !joined && !birth {
            // "Alberta PHN …", "NS MSI …", "Qld Health UR no. …": the scheme's name before
            // the label is part of the record (and not a person called Alberta).
            let label = c.get(0).map_or(v.start(), |l| l.start());
            let start = scheme_before(text, label).unwrap_or(v.start());
            let end = v.start() + value.len();
            // The label says what the figures are: shapes found inside them before
            // ("PHN 60447-2218" looks like a ZIP code, "UR no. 00 419 238" a phone) give way,
            // and so does a date that is only part of them ("1/2" in "Medicare 3329 51082
            // 1/2"); a date that is the whole value stays one ("DOB on the IFSP is 1/22").
            found.retain(|f| {
                let inside = label <= f.start && f.end <= end;
                let part = v.start() < f.start || f.end < end;
                !(inside
                    && match f.kind {
                        FindingKind::Phone | FindingKind::StreetAddress => true,
                        FindingKind::BirthDate => part,
                        _ => false,
                    })
            });
            push(found, FindingKind::RecordNumber, start, end);
        }
    }
    let labelled: Vec<(usize, usize)> = found
        .iter()
        .filter(|c| c.kind == FindingKind::RecordNumber)
        .map(|c| (c.start, c.end))
        .collect();
    for c in RECORD_NUMBERED.captures_iter(text) {
        let (Some(label), Some(v)) = (c.name("label"), c.name("v")) else {
            continue;
        };
        let value = v.as_str().trim_end();
        let lower = label.as_str().to_lowercase();
        // "card" and "ID" make a record only after a scheme's acronym ("EBT card", "WIC
        // ID"), not after any word ("birthday card 2024").
        let acronym_link = c
            .name("link")
            .is_some_and(|l| ["card", "ID"].contains(&l.as_str()));
        let acronym = label.as_str().len() >= 2
            && label
                .as_str()
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b == b'-');
        if acronym_link && !acronym {
            continue;
        }
        // "NHIA no. 555-0092-1187" is a record although shaped like a phone number; a
        // number after a phone's, an app's or a carrier's label is a phone.
        let phone_shaped = phone_shaped(value);
        // "moms number 801-555-0107": a phone-shaped "number" is a phone unless a scheme's
        // acronym names it ("NHIA number …").
        let spoken_number = c
            .name("link")
            .is_some_and(|l| ["number", "num"].contains(&l.as_str().to_lowercase().as_str()));
        let phone_label = PHONE_LABELS.contains(&lower.as_str())
            || (spoken_number && !acronym)
            || PHONE_CUE.is_match(window_before(text, label.start(), 24));
        let year = value.len() == 4 && (value.starts_with("19") || value.starts_with("20"));
        let end = v.start() + value.len();
        if NOT_RECORD_LABELS.contains(&lower.as_str())
            || labelled.iter().any(|&(s, e)| s < end && label.start() < e)
            || digits(value) < 3
            || year
            || (phone_shaped && phone_label)
        {
            continue;
        }
        // The label says what the figures are: a phone number found inside them gives way
        // (an address does not: "at #15-210" is a flat).
        found.retain(|f| {
            !(label.start() <= f.start && f.end <= end && f.kind == FindingKind::Phone)
        });
        push(
            found,
            FindingKind::RecordNumber,
            label.start(),
            v.start() + value.len(),
        );
    }
    for m in A_NUMBER
        .find_iter(text)
        .chain(LETTERED_DOCKET.find_iter(text))
    {
        let joined = joined_on(text, m.start(), m.end(), &['-', '/', '.'], &['-', '/']);
        if !joined {
            push(found, FindingKind::RecordNumber, m.start(), m.end());
        }
    }
    for c in RECORD_SPOKEN.captures_iter(text) {
        let (Some(label), Some(link), Some(v)) = (c.name("label"), c.name("link"), c.name("v"))
        else {
            continue;
        };
        let lower = label.as_str().to_lowercase();
        let numbered = ["number", "no", "num", "#"]
            .iter()
            .any(|w| link.as_str().to_lowercase().contains(w));
        let labelled = SPOKEN_RECORD_LABELS.contains(&lower.as_str())
            || (numbered && !NOT_RECORD_LABELS.contains(&lower.as_str()));
        let (spelled, digits) = spoken_digits(v.as_str());
        if labelled && spelled >= 3 && !counted_out_loud(&digits) {
            push(found, FindingKind::RecordNumber, label.start(), v.end());
        }
    }
    for c in ACRONYM_ID.captures_iter(text) {
        let (Some(label), Some(v)) = (c.name("label"), c.name("v")) else {
            continue;
        };
        // Six digits or more: a score ("EPDS 14") or a billing code ("CPT 90834") is
        // shorter; a phone's own label or a time is no scheme.
        let value = v.as_str();
        // "…-2." ends a sentence; "…/2024" or "….33" runs on.
        let mut after = text[v.end()..].chars();
        let joined = after.next().is_some_and(|c| "/-.".contains(c))
            && after.next().is_some_and(|c| c.is_ascii_alphanumeric());
        // "MGM 555 555 0143", "VHT: 0772 555 019": a person's phone after their role.
        let phone_shaped = phone_shaped(value);
        // A labelled record found already keeps its own span.
        let labelled = found
            .iter()
            .any(|f| f.kind == FindingKind::RecordNumber && f.start < v.end() && v.start() < f.end);
        if digits(value) >= 6
            && !joined
            && !phone_shaped
            && !labelled
            && !NOT_ID_ACRONYMS.contains(&label.as_str())
            && !PHONE_LABELS.contains(&label.as_str().to_lowercase().as_str())
        {
            found.retain(|f| {
                !(label.start() <= f.start && f.end <= v.end() && f.kind == FindingKind::Phone)
            });
            push(found, FindingKind::RecordNumber, label.start(), v.end());
        }
    }
    for m in MIXED_CODE.find_iter(text) {
        let code = m.as_str();
        let letters = code.bytes().filter(u8::is_ascii_uppercase).count();
        if letters >= 4 && digits(code) >= 4 {
            push(found, FindingKind::RecordNumber, m.start(), m.end());
        }
    }
    for m in RECORD_SHAPED.find_iter(text) {
        // "cell 5550142288": ten bare digits where the sentence talks of a phone are a
        // phone number (the phone check claims them).
        let s = m.as_str().trim_start_matches('#');
        // "Her number 07700900561": eleven digits from a 0 are a UK mobile; "ring
        // 0225550916", ten from a single 0, an Australian or New Zealand one.
        let phone_shaped = (s.len() == 10 && !s.starts_with(['1']) && !s.starts_with("00"))
            || (s.len() == 11 && s.starts_with('0'));
        if phone_shaped && PHONE_CUE.is_match(sentence_around(text, m.start(), m.end())) {
            continue;
        }
        // "+92 300 5550123", "0333-2187406": the digit run is the end of a longer phone
        // number found already, not a record of its own ("TDCJ # 02447811" is one).
        let in_phone = found.iter().any(|c| {
            c.kind == FindingKind::Phone
                && c.start <= m.start()
                && m.end() <= c.end
                && c.end - c.start > m.end() - m.start()
        });
        if in_phone && s.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        push(found, FindingKind::RecordNumber, m.start(), m.end());
    }
}

/// A word shaped like a handle: dots or underscores between letters ("nicu.moms.circle",
/// "keke_bakes"), not a web address or an abbreviation.
static HANDLE_SHAPED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b[a-z0-9]+(?:[._][a-z0-9]+)*_[a-z0-9]+(?:[._][a-z0-9]+)*\b|\b[a-z0-9]{2,}(?:\.[a-z0-9]{2,}){2,}\b",
    )
});

/// Words that say a sentence is about social media.
static SOCIAL_CUE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:ig|insta|instagram|snap|snapchat|tiktok|tik\ tok|facebook|fb|twitter|threads|handle|username|profile|account|page|followers?|dm|dms|venmo|cash\ ?app)\b",
    )
});

/// A group or display name given in words: "a whatsapp group called Amara's Village",
/// "the Wirrabool Mums & Bubs group on fb", "goes by Jessie Deadly Mumma on there".
static GROUP_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
          \b(?i:group|chat|page|channel)\ +(?i:called|named)\ +[\x{22}“]?(?P<a>\p{Lu}[\p{L}'’]*(?:\ +(?:&|and|of|the|de|\p{Lu}[\p{L}'’]*|\d+)){0,5})
        | \b(?i:the)\ +(?P<b>\p{Lu}[\p{L}'’]*(?:\ +(?:&|and|of|\p{Lu}[\p{L}'’]*)){1,5})\ +(?i:group|page|chat)\ +(?i:on)\ +(?i:fb|facebook|whats\ ?app|messenger|insta|instagram|ig|telegram|signal|viber|wechat)\b
        | \b(?P<d>\p{Lu}[\p{L}'’-]*(?:\ +(?:&|and|of|\p{Lu}[\p{L}'’-]*)){1,5})(?:\ +[\p{So}\p{Sk}\x{FE0F}]+)?\ +(?:Facebook|FB|WhatsApp|Whatsapp|Messenger|Instagram|Insta|Telegram|Viber|Signal|WeChat|Snapchat)\ +(?i:group|chat|page|community|channel)\b
        | \b(?i:goes\ by|go\ by|comes\ up\ as|shows\ up\ as)\ +(?P<c>\p{Lu}[\p{L}'’]*(?:\ +\p{Lu}[\p{L}'’]*){1,6})\ +(?i:on)\ +(?i:there|fb|facebook|whats\ ?app|messenger|insta|instagram|ig|tiktok|snap|snapchat)\b
        ",
    )
});

/// A community group named for who is in it ("Marshallese Moms PNW", "Diné Families of Salt
/// Lake", "JBLM Mamas Swap & Sell", "Southside Dads Who Show Up"): capitalised words
/// around a word for parents, where the sentence talks of a group, a post or an app.
static COMMUNITY_GROUP: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
          \b(?:[A-Z][\p{L}'’-]*\ +(?:(?:&|and|of|for|the)\ +)?){0,4}
          (?:Moms|Mums|Mamas|Mommas|Mommies|Dads|Daddies|Parents|Families|Mothers|Fathers|Mamás|Mamães|Papás)
            # the same words as COMMUNITY_WORDS
          (?:\ +(?:(?:&|and|of|for|the|in|Who)\ +)?[A-Z][\p{L}'’-]*){0,5}
        ",
    )
});
const COMMUNITY_WORDS: [&str; 14] = [
    "Moms", "Mums", "Mamas", "Mommas", "Mommies", "Dads", "Daddies", "Parents", "Families",
    "Mothers", "Fathers", "Mamás", "Mamães", "Papás",
];
static GROUP_TALK: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:group|groupme|chat|page|posted|posts|post|facebook|fb|whats\ ?app|telegram|insta|instagram|marketplace|swap|sell|sold|trade|admin|joined|added)\b",
    )
});

/// A capitalised word of a group's own name: not a common, generic or dictionary word
/// ("Marshallese", "PNW"; not "Healthy" or "Families").
fn own_name_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    w.starts_with(char::is_uppercase)
        && !lexicon::is_common(&lower)
        && !lexicon::is_place_generic(&lower)
        && !lexicon::is_word(&lower)
}

/// A group named after its app ("FB group: Leeward Keiki Swap & Share", "Telegram channel
/// Русские мамы Филадельфии", "Group name: …"). Its own pattern, not an alternative of
/// `GROUP_NAMED`: there its Unicode classes doubled the whole scan's time (measured:
/// 4.1 ms to 7.2 ms for 20 KB; about 4.2 ms as it is).
static GROUP_AFTER_APP: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?x)
          \b(?:(?i:fb|facebook|whats\ ?app|telegram|signal|viber|wechat|messenger|instagram|insta|ig|snapchat|tiktok|discord|kakao(?:talk)?|groupme)\ +(?i:group|chat|channel|page|community)(?:\ +(?i:called|named))?|(?i:group|page|channel|chat)\ +name
             |(?i:fb|facebook|whats\ ?app|telegram|signal|viber|wechat|messenger|instagram|insta|ig|snapchat|tiktok|zalo|imo|kakao(?:talk)?)\ +(?i:display\ +)?(?i:name))
            (?P<is>\ +(?i:is|was))?\ *[:—–,-]?\ *[\x{{22}}“]?(?P<e>{GROUP_WORD}(?:\ +(?:{GROUP_WORD}|\d+|(?i:{connectors}))){{0,6}}(?:\ +{EMOJI}+)?)
        ",
        connectors = GROUP_CONNECTORS.join("|")
    ))
});

/// Small words inside a group's name ("Haitian Moms of Mattapan & Hyde Park", "Mamães do
/// Ironbound"); it does not end on one.
const GROUP_CONNECTORS: [&str; 17] = [
    "&", "and", "of", "the", "de", "do", "da", "dos", "das", "des", "du", "la", "le", "el", "y",
    "e", "for",
];

/// A word of a group's name: capitalised, or in a script without Latin letters
/// ("Русские мамы Филадельфии").
const GROUP_WORD: &str = r"(?:\p{Lu}[\p{L}\p{M}'’-]*|[\p{Cyrillic}\p{Greek}\p{Arabic}\p{Hebrew}\p{Han}\p{Hangul}\p{Ethiopic}\p{Devanagari}\p{Thai}][\p{L}\p{M}'’-]*)";

/// Emoji and flags after a group or display name ("Tita Lani 🌺", "Mamães do Ironbound 🇧🇷").
const EMOJI: &str = r"[\p{So}\p{Sk}\x{FE0F}\x{200D}\x{1F1E6}-\x{1F1FF}]";

/// "the handle is yupikmama907", "username: keke.bakes": a handle after its label, with
/// no app named before it.
static HANDLE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"\b(?i:handle|username|user\ name|screen\ name)(?:\ +(?i:is)\ +|\ *[:=]\ *)(?P<h>@?[\p{L}0-9_$][\p{L}0-9_.]*[\p{L}0-9_])",
    )
});

/// A digit, `_`, `.`, `@` or `$` in it: shaped like a handle, not a word or a name.
fn handle_marked(handle: &str) -> bool {
    handle
        .chars()
        .any(|c| c.is_ascii_digit() || "_.@$".contains(c))
}

/// Endings of web addresses, which the e-mail and profile patterns handle.
const TLDS: [&str; 12] = [
    "com", "org", "net", "edu", "gov", "io", "co", "us", "uk", "ca", "me", "app",
];

/// "@name" (not inside an e-mail address), profile addresses, and "her IG is k.r.m".
pub(super) fn social_handles(text: &str, found: &mut Vec<Candidate>) {
    for m in HANDLE_SHAPED.find_iter(text) {
        let s = m.as_str();
        let tld = s
            .rsplit('.')
            .next()
            .is_some_and(|t| s.contains('.') && TLDS.contains(&t.to_lowercase().as_str()));
        let joined = joined_on(text, m.start(), m.end(), &['@', '/', '.', '$'], &['@', '/']);
        if !tld && !joined && SOCIAL_CUE.is_match(sentence_around(text, m.start(), m.end())) {
            push(found, FindingKind::SocialHandle, m.start(), m.end());
        }
    }
    for c in HANDLE.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        if c.name("at").is_some() {
            let before = text[..m.start()].chars().next_back();
            if before.is_some_and(|b| b.is_alphanumeric() || "._-+".contains(b))
                || m.as_str().chars().count() < 3
            {
                continue;
            }
        }
        push(found, FindingKind::SocialHandle, m.start(), m.end());
    }
    for c in HANDLE_NAMED.captures_iter(text) {
        let (Some(m), Some(h)) = (c.get(0), c.name("h")) else {
            continue;
        };
        // "SNAP is separate" is the food benefit; a plain word is not a handle.
        if m.as_str().starts_with("SNAP") {
            continue;
        }
        let handle = h.as_str();
        let marked = handle_marked(handle);
        // Without "is" or ":" only a handle-shaped word counts ("IG handle k.r.m").
        let said = c
            .name("sep")
            .is_some_and(|s| !s.as_str().trim().is_empty() && s.as_str().trim() != "(");
        let lower = handle.to_lowercase();
        // A word that is also a common first name ("Dulce", "Faith") is a name here.
        let plain_word = (lexicon::is_word(&lower) || lexicon::is_common(&lower))
            && !matches!(lexicon::class(handle), lexicon::Class::WordName);
        // "her Facebook is Brittany Rae Tanner": a profile under a name.
        let capitalised = handle.starts_with(|c: char| c.is_uppercase());
        let end = match c.name("more") {
            Some(more) if said && capitalised && !marked => more.end(),
            _ => h.end(),
        };
        // "her WhatsApp name is Mami de Dylan": after "name is", even words are a name.
        // "her Facebook is Dulce Mtz Mama De Cuatro": a run of capitalised words is a
        // profile name even when its first word is also a word.
        let named = said && capitalised && (c.name("label").is_some() || c.name("more").is_some());
        if marked || (said && !plain_word) || named {
            push(found, FindingKind::SocialHandle, h.start(), end);
        }
    }
    for c in HANDLE_LABEL.captures_iter(text) {
        let Some(h) = c.name("h") else { continue };
        let handle = h.as_str();
        let lower = handle.to_lowercase();
        let marked = handle_marked(handle);
        // "her username is Brittany Rae Tanner": a name in capitals is left to the name
        // check, which takes all of it.
        let capitalised = handle.starts_with(char::is_uppercase);
        let plain_word = lexicon::is_word(&lower) || lexicon::is_common(&lower);
        if marked || (!capitalised && !plain_word) {
            push(found, FindingKind::SocialHandle, h.start(), h.end());
        }
    }
    // The word for parents first: the pattern starts at every capital of the text.
    let parents = COMMUNITY_WORDS.iter().any(|w| text.contains(w));
    for m in parents
        .then(|| COMMUNITY_GROUP.find_iter(text))
        .into_iter()
        .flatten()
    {
        // Two words at least, one of them the group's own ("Healthy Families" alone is
        // a programme; "Moms" alone is a word).
        let words: Vec<&str> = m.as_str().split(' ').collect();
        let own = words.iter().any(|w| own_name_word(w));
        let at_start = super::tokens::at_sentence_start(text, m.start()) && words.len() == 2;
        if words.len() >= 2
            && own
            && !at_start
            && GROUP_TALK.is_match(sentence_around(text, m.start(), m.end()))
        {
            push(found, FindingKind::SocialHandle, m.start(), m.end());
        }
    }
    for c in GROUP_NAMED
        .captures_iter(text)
        .chain(GROUP_AFTER_APP.captures_iter(text))
    {
        let Some(m) = c
            .name("a")
            .or_else(|| c.name("b"))
            .or_else(|| c.name("c"))
            .or_else(|| c.name("d"))
            .or_else(|| c.name("e"))
        else {
            continue;
        };
        // "Facebook group Haitian Moms of Mattapan & Hyde Park is where…": the name ends
        // at its last word of its own, not on a joining word.
        let mut end = m.end();
        while let Some((head, last)) = text[m.start()..end].trim_end().rsplit_once(' ') {
            if !GROUP_CONNECTORS.contains(&last.to_lowercase().as_str()) {
                break;
            }
            end = m.start() + head.trim_end().len();
        }
        let m_text = &text[m.start()..end];
        // "the Healthy Families Facebook group": a programme's own page, generic words
        // only, names no one.
        let named = m_text.split_whitespace().any(own_name_word);
        // "the WhatsApp group is Monday nights": after "is" only a name of its own.
        if (c.name("d").is_some() || c.name("is").is_some()) && !named {
            continue;
        }
        // "a group called Circle of Security" names a programme, not a chat: only where
        // the sentence talks of a chat app or social media (or the group is a chat).
        let chat = c.get(0).is_some_and(|whole| {
            let lead = whole.as_str()[..m.start() - whole.start()].to_lowercase();
            lead.contains("chat") || lead.contains("channel")
        });
        let sentence = sentence_around(text, m.start(), end);
        let social = c.name("a").is_none()
            || chat
            || SOCIAL_CUE.is_match(sentence)
            || sentence.to_lowercase().contains("whatsapp");
        if social {
            push(found, FindingKind::SocialHandle, m.start(), end);
        }
    }
    for c in GROUP_RUN_BY.captures_iter(text) {
        if let Some(m) = c.name("g") {
            push(found, FindingKind::SocialHandle, m.start(), m.end());
        }
    }
    for m in NAME_WITH_EMOJI.find_iter(text) {
        let sentence = sentence_around(text, m.start(), m.end());
        if EMOJI_NAME_CUE.is_match(sentence) {
            push(found, FindingKind::SocialHandle, m.start(), m.end());
        }
    }
}

/// A group, page or display name that ends in emoji ("Drumchapel Mammies & Grannies 💕",
/// "Lyla's Little Heart Journey 💗", "Kelvin 🇭🇰 Wong"): capitalised words, small joining
/// words between them, and the emoji.
static NAME_WITH_EMOJI: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
          [\p{Extended_Pictographic}\p{Regional_Indicator}]*\p{Lu}[\p{L}\p{M}'’-]*
          (?:\ +(?:&|and|of|the|a|z|y|de|la|ti|fi|-|\p{Lu}[\p{L}\p{M}'’-]*|\d+))*
          \ +\p{Lu}[\p{L}\p{M}'’-]*
          (?:\ +[\p{Extended_Pictographic}\p{Regional_Indicator}\x{FE0F}\x{200D}\p{Emoji_Modifier}]+(?:\ +\p{Lu}[\p{L}\p{M}'’-]*)?)
        | [\p{Extended_Pictographic}]+\p{Lu}[\p{L}\p{M}'’-]*(?:\ +\p{Lu}[\p{L}\p{M}'’-]*)+[\p{Extended_Pictographic}]+
        | \p{Lu}[\p{L}\p{M}'’-]*\ +[\p{Extended_Pictographic}\p{Regional_Indicator}\x{FE0F}\x{200D}]+\ +\p{Lu}[\p{L}\p{M}'’-]*
        ",
    )
});

/// Words that say a name with emoji is a group's, a page's or a profile's.
/// A group or page someone runs, moderates or was added to, named by capitalised words
/// that end in a group's word ("runs Navotas Buy and Sell Baby Items", "the admin of
/// Madina Nursing Mothers Forum", "added me to Westside Mamas Support").
static GROUP_RUN_BY: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?x)
          \b(?i:runs|ran|moderates|moderated|admins|the\ admin\ of|admin\ of|added\ (?:me|her|him|us)\ to|joined)
          \ +(?P<g>\p{{Lu}}[\p{{L}}\p{{M}}'’-]*(?:\ +(?:{GROUP_WORD}|\d+|(?i:{connectors})))*?
            \ +(?:Group|Club|Forum|Hangout|Circle|Community|Network|Squad|Tribe|Chat|Page|Swap|Items|Support|Moms|Mums|Mommies|Mummies|Mamas|Mommas|Nanays|Parents|Dads|Families|Sellers|Exchange|PH))\b
        ",
        connectors = GROUP_CONNECTORS.join("|")
    ))
});

static EMOJI_NAME_CUE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:group|page|chat|channel|whats\ ?app|facebook|fb|instagram|insta|ig|tiktok|display\ name|profile|account|status|bio|telegram|viber|wechat|messenger|posts|posted|posting|sells|selling|online|admin|moderates|added\ (?:me|her|him))\b",
    )
});
