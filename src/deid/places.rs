//! Named places and organisations that could point to one family: a run of capitalised
//! words ending in a place word ("Oakwood Family Refuge", "Hope House", "Maplewood
//! Elementary", "Sandhu Brothers Trucking") with at least one word that is not generic
//! ("Community Health Center" alone names no place), and "St. X's".

use super::lexicon::{self, Class};
use super::tokens::{at_line_start, at_sentence_start, Token};
use super::{AllowList, Candidate, FindingKind};

/// Small words that may sit inside a place's name ("Lady of Lourdes Church", "Boys and
/// Girls Club").
const CONNECTORS: [&str; 2] = ["of", "and"];

/// Words dropped from the front of a run ("the Bayview Motel").
const LEADING: [&str; 12] = [
    "the", "a", "an", "at", "in", "from", "to", "my", "her", "his", "their", "this",
];

const SAINTS: [&str; 4] = ["St", "Saint", "Ste", "San"];

/// Words that make the capitalised name after "at" (or "for", "into") a place: an
/// employer ("works at Kroger", "his shift at Sandhu Trucking", "drives for UPS"), a
/// school or childcare ("started at Kindercare", "enrolled at Lincoln"), a place to stay
/// ("staying at the Bayview", "moved into Cedar Court").
const WORK_WORDS: [&str; 15] = [
    "work",
    "works",
    "working",
    "worked",
    "job",
    "shift",
    "shifts",
    "hired",
    "employed",
    "cashier",
    "clerk",
    "manager",
    "drives",
    "waitress",
    "volunteers",
];
const STAY_OR_SCHOOL_WORDS: [&str; 39] = [
    "delivered",
    "birth",
    "born",
    "admitted",
    "transferred",
    "discharged",
    "seen",
    "appointment",
    "appointments",
    "group",
    "class",
    "classes",
    "worships",
    "prays",
    "attends",
    "attend",
    "attending",
    "enrolled",
    "starts",
    "started",
    "lives",
    "living",
    "staying",
    "stays",
    "stayed",
    "moved",
    "placed",
    "ask",
    "met",
    "meet",
    "meeting",
    "visit",
    "childcare",
    "daycare",
    "preschool",
    "nursery",
    "pickup",
    "serving",
    "incarcerated",
];

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

/// Words that are never a person's name but do say which place it is ("Central
/// Elementary", "Riverside Regional", "West Side Clinic").
const GEOGRAPHIC: [&str; 12] = [
    "first",
    "second",
    "north",
    "south",
    "east",
    "west",
    "central",
    "main",
    "hill",
    "river",
    "riverside",
    "lake",
];

/// Says which place this is, rather than what kind of place.
fn distinctive(t: &Token<'_>) -> bool {
    t.capitalised()
        && !lexicon::is_place_word(&t.lower)
        && !lexicon::is_place_generic(&t.lower)
        && !SAINTS.contains(&t.bare)
        && (t.class() != Class::Never || GEOGRAPHIC.contains(&t.lower.as_str()))
}

/// Words that end a place's name only after another capitalised word ("Bayview Urgent
/// Care", "Roosevelt High", "Sunny Days Early Learning").
/// "Kingsway Kids", "Tumbleweed Kids" (a childcare's name) too.
const AFTER_A_NAME: [&str; 6] = ["care", "high", "middle", "learning", "counseling", "kids"];

/// Words that end an organisation's name only after a word that could only be a name
/// ("Lakeshore Regional", "Harborview Early Intervention", "Ikhaya Family Support",
/// "Brightwater Group Home", "Dayton Children's", "Hollis Prep"); "Positive Behavior Support" and
/// "Department of Family Services" stay quiet.
const WEAK_HEADS: [&str; 11] = [
    "program",
    "prep",
    "regional",
    "home",
    "homes",
    "services",
    "support",
    "intervention",
    "action",
    "children",
    "partnership",
];

/// A word that could only be a name or a place's own name (not an ordinary word).
fn namelike(t: &Token<'_>) -> bool {
    t.capitalised()
        && !t.acronym()
        && !lexicon::is_place_generic(&t.lower)
        && !lexicon::is_place_word(&t.lower)
        && (matches!(
            t.class(),
            Class::FirstName | Class::Unknown | Class::Proper | Class::WordName
        ) || lexicon::is_surname(&t.lower))
}

/// Place words that begin a name ("Masjid al-Noor", "Temple Beth Shalom").
const FRONT_HEADS: [&str; 143] = [
    // Spanish shops and services that begin with their word ("Taquería El Buen Sabor",
    // "Envíos La Paloma", "Lavandería Mi Pueblo").
    "Taquería",
    "Taqueria",
    "Panadería",
    "Panaderia",
    "Carnicería",
    "Carniceria",
    "Lavandería",
    "Lavanderia",
    "Farmacia",
    "Tienda",
    "Envíos",
    "Envios",
    "Gasolinera",
    "Supermercado",
    "Restaurante",
    "Misión",
    "Mision",
    // The Māori article that begins many names of places ("Te Awa Iti", "Te Whare
    // Rongomau").
    "Te",
    // Spanish, Portuguese, French and Haitian Creole place words that come first ("Casa
    // del Sol", "Escuela Santa Rosa", "Igreja Batista Nova Vida", "Legliz Bondye Vivan",
    // "Rancho El Mirador", "Colonia Las Flores").
    "Rancho",
    "Colonia",
    "Barrio",
    "Templo",
    "Parroquia",
    "Capilla",
    "Igreja",
    "Église",
    "Eglise",
    "Legliz",
    // Welsh, Scottish Gaelic and Irish place words that come first ("Ysgol Bryn Heulog",
    // "Cylch Meithrin Cwm Aur", "Tŷ Derwen", "Canolfan Plant", "Bunscoil Naomh Bríd").
    // Not "Ty": it is also a first name.
    "Ysgol",
    "Cylch",
    "Meithrinfa",
    "Canolfan",
    "Tŷ",
    "Capel",
    "Eglwys",
    "Neuadd",
    "Sgoil",
    "Scoil",
    "Bunscoil",
    // A prison by its initials ("HMP Wyndale"); a church of Our Lady (see `fronted`).
    "HMP",
    "Our",
    "Casa",
    "Escuela",
    "Centro",
    "Clinica",
    "Clínica",
    "Hogar",
    "Colegio",
    "Masjid",
    "Temple",
    "Congregation",
    "Iglesia",
    "Camp",
    "Mount",
    "Mt",
    "Holy",
    "Sacred",
    "San",
    "Santa",
    "Santo",
    "Fort",
    "Port",
    // Schools, temples and shops in other languages that begin with their word
    // ("Yeshiva Tiferes Moshe", "Gan Yeladim", "Chùa Tâm Thiện", "Gurdwara Sahib
    // Nanaksar", "Padaria Pão de Minas", "Pho Saigon Star", "Wat Lao Buddharam").
    "Yeshiva",
    "Gan",
    "Chùa",
    "Gurdwara",
    "Madrasa",
    "Madrassa",
    "Darul",
    "Jamia",
    "Kollel",
    "Cheder",
    "Padaria",
    "Mercado",
    "Escola",
    "Guardería",
    "Guarderia",
    "Jardín",
    "École",
    "Ecole",
    "Kościół",
    "Parafia",
    "Pho",
    "Phở",
    "Wat",
    "Kōhanga",
    "Kohanga",
    // Philippine barangays and sitios ("Brgy. Malanday", "Sitio Malinis").
    "Barangay",
    "Brgy",
    "Sitio",
    // Neighbourhoods, settlements, shelters and services in Spanish and Portuguese that
    // begin with their word ("Jardim Ibirapuera", "Comuna 13", "Campamento Nueva Aurora",
    // "Albergue Senda de Paz", "CESFAM Los Quillayes", "CRAS Ipê Branco").
    "Jardim",
    "Vila",
    "Conjunto",
    "Comunidade",
    "Morro",
    "Favela",
    "Aldea",
    "Comuna",
    "Campamento",
    "Asentamiento",
    "Población",
    "Vereda",
    "Albergue",
    "Refugio",
    "Comedor",
    "Creche",
    "Cesfam",
    "CESFAM",
    "CRAS",
    "CREAS",
    "CAPS",
    "UBS",
    // Hotels, guesthouses and cooperatives named after their word ("Hotel Los Arcos del
    // Norte", "Residencias El Dorado Real", "Coop. Nueva Vida", "Urb. El Pino").
    "Hotel",
    "Hostal",
    "Residencias",
    "Residencial",
    "Pensión",
    "Hospedaje",
    "Posada",
    "Cooperativa",
    "Coop",
    "Urbanización",
    "Urb",
    // The same settlement words in lower case, as notes write them ("vereda El Hato",
    // "finca La Palma", "bairro Cidade Nova").
    "vereda",
    "finca",
    "fazenda",
    "hacienda",
    "sítio",
    "aldea",
    "caserío",
    "caserio",
    "barrio",
    "bairro",
    "colonia",
    "comunidad",
    "comunidade",
    "campamento",
    "asentamiento",
    "corregimiento",
    "población",
    "favela",
    "morro",
    "comuna",
];

/// Small words inside a name that begins with its place word ("San Isidro de la Loma").
const FRONT_CONNECTORS: [&str; 7] = ["de", "del", "la", "los", "las", "y", "of"];

/// Lower-case place words after a capitalised name ("the Whispering Pines trailer park",
/// "Cedar Hollow apartments").
/// Lower-case words between a name and its place word ("the Elmwood branch library",
/// "Desert Palms RV park", "Little Lambs home daycare").
const TRAILING_MODIFIERS: [&str; 17] = [
    "branch",
    // "Sandy Bay holiday park", "Seaview caravan park".
    "holiday",
    "caravan",
    "public",
    "community",
    "rv",
    "RV",
    "mobile",
    "home",
    "trailer",
    "family",
    "day",
    "child",
    "group",
    // "the St Barnabas food bank", "the Sunflower baby bank", "Ocean Street children's
    // centre".
    "food",
    "baby",
    "children",
];

/// Businesses a family's name stands before: "the Kessler egg farm", "the Vossberg
/// dairy" (a single name word is enough after "the", and one plain word may sit between).
const BUSINESS_HEADS: [&str; 8] = [
    "farm", "dairy", "ranch", "orchard", "shop", "garage", "grange", "hall",
];

const TRAILING_HEADS: [&str; 50] = [
    "farm",
    "dairy",
    "ranch",
    "orchard",
    "shop",
    "garage",
    "grange",
    "hall",
    "park",
    "trailer",
    "mobile",
    "shelter",
    "refuge",
    "motel",
    "inn",
    "hotel",
    "apartments",
    "apartment",
    "daycare",
    "preschool",
    "church",
    "mosque",
    "clinic",
    "school",
    "elementary",
    "hospital",
    "library",
    "campground",
    "centre",
    "center",
    "duplexes",
    "nursery",
    // British: "the Whitebrook estate", "Kingsmead family hub", "Lark Lane surgery".
    "estate",
    "hub",
    "surgery",
    "barracks",
    "ward",
    "bank",
    // Places of worship and study by their own word after the name ("St. Odilia
    // parish", "Tâm Thiện temple", "Beth Shalom shul").
    "parish",
    "temple",
    "gurdwara",
    "mandir",
    "synagogue",
    "shul",
    "yeshiva",
    "madrasa",
    "madrassa",
    "chapel",
    "creche",
    "kindergarten",
];

/// A place word ending a name; "Care" only after another capitalised word ("Bayview
/// Urgent Care", "Little Stars Child Care").
fn head(toks: &[Token<'_>], j: usize) -> bool {
    let t = &toks[j];
    if !t.capitalised() {
        return false;
    }
    // "Eastgate Head Start" (not "Early Head Start": every word of it is generic).
    if t.lower == "start" {
        return j > 0 && toks[j - 1].bare == "Head";
    }
    // "Shepherd's Table", "Martha's Table" (meal programs), not "a Round Table".
    if t.lower == "table" {
        return j > 0 && toks[j - 1].possessive;
    }
    if AFTER_A_NAME.contains(&t.lower.as_str()) {
        return j > 0 && toks[j - 1].capitalised();
    }
    if WEAK_HEADS.contains(&t.lower.as_str()) {
        // "Dayton Children's" (a hospital), not "the children's room".
        if t.lower == "children" && !t.possessive {
            return false;
        }
        return j > 0 && toks[j - 1].capitalised();
    }
    lexicon::is_place_word(&t.lower)
}

/// Every place found, as byte ranges (the name check skips them).
pub(super) fn places(
    text: &str,
    toks: &[Token<'_>],
    allow: &AllowList,
    found: &mut Vec<Candidate>,
) -> Vec<(usize, usize)> {
    let n = toks.len();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut j = 0;
    while j < n {
        // Not "St Andrew's Day", "St Patrick's Day": a feast, not a church.
        let saint = SAINTS.contains(&toks[j].bare)
            && toks.get(j + 1).is_some_and(|x| {
                x.capitalised()
                    && x.possessive
                    && joined(text, &toks[j], x)
                    && toks.get(j + 2).is_none_or(|d| d.bare != "Day")
            });
        if !head(toks, j) && !saint {
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
                || (toks[s].class() == Class::Never
                    && !SAINTS.contains(&toks[s].bare)
                    && !GEOGRAPHIC.contains(&toks[s].lower.as_str())))
        {
            s += 1;
        }
        // Run on over further place words ("Mobile Home Park", "Elementary School").
        let mut e = if saint { j + 1 } else { j };
        while e + 1 < n
            && joined(text, &toks[e], &toks[e + 1])
            && toks[e + 1].capitalised()
            && (head(toks, e + 1) || lexicon::is_place_generic(&toks[e + 1].lower))
        {
            e += 1;
        }
        while e > j && !head(toks, e) && !(saint && e == j + 1) {
            e -= 1;
        }
        let words = &toks[s..=e];
        let allowed = words.iter().any(|t| allow.contains(t.bare));
        let weak = WEAK_HEADS.contains(&toks[e].lower.as_str());
        let named = if weak {
            words.iter().any(namelike)
        } else {
            words.iter().any(distinctive)
        };
        if !allowed && (saint || named) {
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
    fronted(text, toks, allow, &mut spans, found);
    of_names(text, toks, allow, &mut spans, found);
    childcare_names(text, toks, allow, &mut spans, found);
    regions(text, toks, allow, &mut spans, found);
    trailing(text, toks, allow, &mut spans, found);
    employers(text, toks, allow, &mut spans, found);
    rural_towns(text, toks, allow, &mut spans, found);
    geographic_names(text, toks, allow, &mut spans, found);
    headings(text, toks, allow, &mut spans, found);
    towns(text, toks, allow, &mut spans, found);
    gazetteer_towns(text, toks, allow, &mut spans, found);
    localities(text, toks, allow, &mut spans, found);
    let addresses: Vec<(usize, usize)> = found
        .iter()
        .filter(|c| c.kind == FindingKind::StreetAddress)
        .map(|c| (c.start, c.end))
        .collect();
    if !addresses.is_empty() {
        named_in_an_address(toks, &addresses, allow, &mut spans, found);
        town_of_an_address(text, &addresses, allow, &mut spans, found);
    }
    // "Mrs Hill", "Then Mr Park": a person after a title, whatever the word looks like.
    let titled = |start: usize, end: usize| {
        let words: Vec<&str> = text[start..end].split_whitespace().collect();
        words.len() > 1
            && words[..words.len() - 1]
                .iter()
                .any(|w| TITLES.contains(&w.trim_end_matches('.')))
    };
    found.retain(|c| c.kind != FindingKind::Place || !titled(c.start, c.end));
    spans.retain(|&(start, end)| !titled(start, end));
    spans
}

/// A word no list knows, named as part of an address in this text, is the same place
/// where it stands alone ("14B Hangha Road, Kenema … Kenema social welfare has the file").
fn named_in_an_address(
    toks: &[Token<'_>],
    addresses: &[(usize, usize)],
    allow: &AllowList,
    spans: &mut Vec<(usize, usize)>,
    found: &mut Vec<Candidate>,
) {
    let within = |t: &Token<'_>| addresses.iter().any(|&(s, e)| s <= t.start && t.end <= e);
    // Capitalised words first: the cheap test, before the lists and the spans.
    let named: Vec<&str> = toks
        .iter()
        .filter(|t| t.capitalised() && within(t) && t.bare.chars().count() > 2 && obscure(t))
        .map(|t| t.bare)
        .collect();
    if named.is_empty() {
        return;
    }
    for t in toks {
        if !named.contains(&t.bare) || within(t) || allow.contains(t.bare) {
            continue;
        }
        if !found.iter().any(|c| c.start < t.end && t.start < c.end) {
            claim(spans, found, t.start, t.end);
        }
    }
}

/// The town of an address found here ("5552 River Rd, Johns Island, SC 29555": the part
/// before a state's two letters) is the same place where the text names it again ("lives
/// out on Johns Island"); not a big city, which identifies nobody.
fn town_of_an_address(
    text: &str,
    addresses: &[(usize, usize)],
    allow: &AllowList,
    spans: &mut Vec<(usize, usize)>,
    found: &mut Vec<Candidate>,
) {
    let mut towns: Vec<&str> = Vec::new();
    for &(start, end) in addresses {
        let parts: Vec<&str> = text[start..end].split(", ").collect();
        for pair in parts.windows(2).skip(1) {
            let (town, next) = (pair[0], pair[1]);
            let state = next.len() >= 2
                && next.as_bytes()[..2].iter().all(u8::is_ascii_uppercase)
                && next.as_bytes().get(2).is_none_or(|b| *b == b' ');
            let words: Vec<&str> = town.split(' ').collect();
            let named = words.len() <= 3
                && words.iter().all(|w| {
                    w.starts_with(char::is_uppercase)
                        && w.chars().all(|c| c.is_alphabetic() || ".'-".contains(c))
                });
            if state && named && !lexicon::is_big_place_name(&town.to_lowercase()) {
                towns.push(town);
            }
        }
    }
    for town in towns {
        for (at, _) in text.match_indices(town) {
            let end = at + town.len();
            let bounded = !text[..at].ends_with(char::is_alphanumeric)
                && !text[end..].starts_with(char::is_alphanumeric);
            let inside = addresses.iter().any(|&(s, e)| s <= at && end <= e);
            // A place found inside it ("Wadmalaw" of "Wadmalaw Point") gives way.
            let taken = found.iter().any(|c| {
                c.start < end
                    && at < c.end
                    && !(c.kind == FindingKind::Place && at <= c.start && c.end <= end)
            });
            if bounded && !inside && !taken && !allow.contains(town) {
                claim_over(spans, found, at, end);
            }
        }
    }
}

/// Titles before a person's name: a run holding one is a person, not a place.
const TITLES: [&str; 6] = ["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr"];

fn claim(spans: &mut Vec<(usize, usize)>, found: &mut Vec<Candidate>, start: usize, end: usize) {
    if spans.iter().any(|&(s, t)| s < end && start < t) {
        return;
    }
    spans.push((start, end));
    found.push(Candidate {
        kind: FindingKind::Place,
        start,
        end,
    });
}

/// Like [`claim`], but a longer name takes the place of shorter ones inside it
/// ("Iglesia Pentecostal Fuente de Vida" over "Iglesia Pentecostal").
fn claim_over(
    spans: &mut Vec<(usize, usize)>,
    found: &mut Vec<Candidate>,
    start: usize,
    end: usize,
) {
    let inside = |s: usize, t: usize| start <= s && t <= end && (s, t) != (start, end);
    spans.retain(|&(s, t)| !inside(s, t));
    found.retain(|c| c.kind != FindingKind::Place || !inside(c.start, c.end));
    claim(spans, found, start, end);
}

/// "Masjid al-Noor", "Temple Beth Shalom": a place word, then its name.
fn fronted(
    text: &str,
    toks: &[Token<'_>],
    allow: &AllowList,
    spans: &mut Vec<(usize, usize)>,
    found: &mut Vec<Candidate>,
) {
    for j in 0..toks.len().saturating_sub(1) {
        if !FRONT_HEADS.contains(&toks[j].bare) || toks[j].possessive {
            continue;
        }
        // "Our" only as in "Our Lady of Fatima", "Our Saviour".
        if toks[j].bare == "Our"
            && !["Lady", "Saviour", "Savior", "Redeemer"].contains(&toks[j + 1].bare)
        {
            continue;
        }
        let mut e = j;
        // "Mt. Olive": the abbreviation's full stop.
        let abbreviated = |e: usize| e == j && &text[toks[e].end..toks[e + 1].start] == ". ";
        while e + 1 < toks.len()
            && (joined(text, &toks[e], &toks[e + 1]) || abbreviated(e))
            && !toks[e].possessive
        {
            if toks[e + 1].capitalised() || toks[e + 1].bare.starts_with("al-") {
                e += 1;
                continue;
            }
            // "San Isidro de la Loma": connectors, then a capitalised word.
            let mut k = e + 1;
            while k < toks.len()
                && FRONT_CONNECTORS.contains(&toks[k].bare)
                && joined(text, &toks[k - 1], &toks[k])
            {
                k += 1;
            }
            if k > e + 1
                && k < toks.len()
                && joined(text, &toks[k - 1], &toks[k])
                && toks[k].capitalised()
            {
                e = k;
                continue;
            }
            break;
        }
        let words = &toks[j + 1..=e];
        let named = words.iter().any(|t| {
            !lexicon::is_place_word(&t.lower)
                && !lexicon::is_place_generic(&t.lower)
                && (t.class() != Class::Never || t.bare.starts_with("al-"))
        });
        if e > j && named && !toks[j..=e].iter().any(|t| allow.contains(t.bare)) {
            claim_over(spans, found, toks[j].start, toks[e].end);
        }
    }
}

/// "the Whispering Pines trailer park", "Cedar Hollow apartments": a capitalised name
/// before a lower-case place word.
fn trailing(
    text: &str,
    toks: &[Token<'_>],
    allow: &AllowList,
    spans: &mut Vec<(usize, usize)>,
    found: &mut Vec<Candidate>,
) {
    for j in 1..toks.len() {
        let t = &toks[j];
        if !TRAILING_HEADS.contains(&t.bare) || !joined(text, &toks[j - 1], t) {
            continue;
        }
        let mut e = j - 1;
        // Over one or two lower-case modifiers ("branch library", "RV park").
        for _ in 0..2 {
            if e > 0
                && TRAILING_MODIFIERS.contains(&toks[e].bare)
                && joined(text, &toks[e - 1], &toks[e])
            {
                e -= 1;
            }
        }
        let business = BUSINESS_HEADS.contains(&t.bare);
        // "the Kessler egg farm": one plain word between the name and the business.
        if business
            && e == j - 1
            && e > 0
            && !toks[e].capitalised()
            && lexicon::is_word(&toks[e].lower)
            && !lexicon::is_common(&toks[e].lower)
            && toks[e - 1].capitalised()
            && joined(text, &toks[e - 1], &toks[e])
        {
            e -= 1;
        }
        // The name ends right before the place word or its modifiers: "Asked about
        // daycare" has no name.
        if toks[e].possessive || !toks[e].capitalised() {
            continue;
        }
        let mut s = e;
        while s > 0 && joined(text, &toks[s - 1], &toks[s]) && toks[s - 1].capitalised() {
            s -= 1;
        }
        while s <= e && !toks[s].capitalised() {
            s += 1;
        }
        if s > e {
            continue;
        }
        let words = &toks[s..=e];
        // Two words or a word that is no one's first name ("Keisha school" is not a
        // place, "Whispering Pines" is).
        let the_before =
            s > 0 && toks[s - 1].lower == "the" && joined(text, &toks[s - 1], &toks[s]);
        // "the Whitebrook estate": after "the", a word that is no one's name is the place's.
        let namey = words.len() == 1
            && !(business && the_before)
            && match words[0].class() {
                Class::FirstName | Class::WordName => true,
                Class::Unknown => !the_before,
                _ => false,
            };
        // "Milk bank low again": a plain word opening the sentence is not a name.
        let opening_word = words.len() == 1
            && at_sentence_start(text, words[0].start)
            && lexicon::is_word(&words[0].lower);
        if namey
            || opening_word
            || words.iter().any(|t| allow.contains(t.bare) || t.acronym())
            || !words.iter().all(|t| t.class() != Class::Never)
            || !words.iter().any(distinctive)
        {
            continue;
        }
        claim(spans, found, toks[s].start, toks[e].end);
    }
}

/// Words that end a rural town's name ("Cedar Flats", "Coyote Wells", "Piñon Gap",
/// "Mesquite Bend"), read as one only after a word of place or going ("the Achievement
/// Gap" is not a town).
const TOWN_HEADS: [&str; 10] = [
    "Flats", "Flat", "Wells", "Gap", "Bend", "Forks", "Butte", "Mesa", "Gulch", "Bottom",
];

/// Words before a rural town's name.
const TOWN_LEADS: [&str; 12] = [
    "in", "from", "near", "outside", "past", "to", "by", "toward", "towards", "around", "at", "of",
];

/// "out in Coyote Wells", "the van comes to Lonepine Gap": one or two capitalised words
/// and a town head after a word of place.
fn rural_towns(
    text: &str,
    toks: &[Token<'_>],
    allow: &AllowList,
    spans: &mut Vec<(usize, usize)>,
    found: &mut Vec<Candidate>,
) {
    for j in 2..toks.len() {
        if !TOWN_HEADS.contains(&toks[j].bare) || !joined(text, &toks[j - 1], &toks[j]) {
            continue;
        }
        let mut s = j - 1;
        if s > 1 && toks[s - 1].capitalised() && joined(text, &toks[s - 1], &toks[s]) {
            s -= 1;
        }
        let lead = &toks[s - 1];
        let words = &toks[s..j];
        if !TOWN_LEADS.contains(&lead.lower.as_str())
            || !joined(text, lead, &toks[s])
            || words.iter().any(|t| {
                !t.capitalised() || t.acronym() || t.possessive || t.class() == Class::Never
            })
            || toks[s..=j].iter().any(|t| allow.contains(t.bare))
        {
            continue;
        }
        claim(spans, found, toks[s].start, toks[j].end);
    }
}

/// Before these a place is expected, even when the name begins with a given name ("in
/// Rose Hall"); after other leads ("from", "at", "to") a given name and a surname-like
/// town word are a person ("a text from Maria Hill").
const STRONG_TOWN_LEADS: [&str; 7] = [
    "in", "near", "outside", "past", "toward", "towards", "around",
];

/// A word that can be part of a town's own name ("Stony", "Old", "Fifth", "Governor's"):
/// capitalised, not a place word of its own and not a record's or family code's letters.
fn town_word(text: &str, t: &Token<'_>, allow: &AllowList) -> bool {
    t.capitalised()
        && !t.acronym()
        && !allow.contains(t.bare)
        && !t.touches_digit(text)
        && !lexicon::is_place_word(&t.lower)
        && !lexicon::is_place_generic(&t.lower)
}

/// Where a town's name may start: after a word of place ("in", "from", "out of"), maybe
/// with "the" between, or heading a line ("Stony Hill — grandmother raising two").
/// Returns whether the lead is a strong one (see [`STRONG_TOWN_LEADS`]).
fn town_lead(text: &str, toks: &[Token<'_>], s: usize) -> Option<bool> {
    if at_line_start(text, toks[s].start) {
        return Some(false);
    }
    let mut l = s.checked_sub(1)?;
    if toks[l].lower == "the" && joined(text, &toks[l], &toks[s]) && l > 0 {
        l -= 1;
        if !joined(text, &toks[l], &toks[l + 1]) {
            return None;
        }
    } else if !joined(text, &toks[l], &toks[s]) {
        return None;
    }
    let lead = toks[l].lower.as_str();
    TOWN_LEADS
        .contains(&lead)
        .then(|| STRONG_TOWN_LEADS.contains(&lead))
}

/// "in Stony Hill", "out of Old Harbour Bay", "Point Fortin — new baby": a town named by
/// a town word at its end or its start, where a place is expected. Not a big place
/// ("Cape Town", "Kansas City") nor a person ("from Maria Hill").
fn geographic_names(
    text: &str,
    toks: &[Token<'_>],
    allow: &AllowList,
    spans: &mut Vec<(usize, usize)>,
    found: &mut Vec<Candidate>,
) {
    let n = toks.len();
    let mut j = 0;
    while j < n {
        let head = lexicon::is_town_head(toks[j].bare);
        let front = lexicon::is_town_front(toks[j].bare);
        let (s, e) = if head
            && j > 0
            && joined(text, &toks[j - 1], &toks[j])
            && town_word(text, &toks[j - 1], allow)
        {
            // One to three words of its own before the town word.
            let mut s = j - 1;
            while s > 0
                && s + 3 > j
                && joined(text, &toks[s - 1], &toks[s])
                && town_word(text, &toks[s - 1], allow)
            {
                s -= 1;
            }
            // "Old Harbour Bay": town words run on.
            let mut e = j;
            while e + 1 < n
                && lexicon::is_town_head(toks[e + 1].bare)
                && joined(text, &toks[e], &toks[e + 1])
            {
                e += 1;
            }
            (s, e)
        } else if front {
            // One or two after it ("Bayou La Batre").
            let mut e = j;
            while e + 1 < n
                && e < j + 2
                && !toks[e].possessive
                && joined(text, &toks[e], &toks[e + 1])
                && town_word(text, &toks[e + 1], allow)
            {
                e += 1;
            }
            // "Cape Verdean", "Port Authority": a word that is never a name is not a town's.
            if toks[j + 1..=e]
                .iter()
                .any(|t| t.class() == Class::Never && !FRONT_CONNECTORS.contains(&t.lower.as_str()))
            {
                j += 1;
                continue;
            }
            (j, e)
        } else {
            j += 1;
            continue;
        };
        if e == s {
            j += 1;
            continue;
        }
        j = e + 1;
        // The lead may come inside the run ("Sunday in Stony Hill").
        let Some((s, strong)) = (s..e).find_map(|k| town_lead(text, toks, k).map(|st| (k, st)))
        else {
            continue;
        };
        let words = &toks[s..=e];
        let lowered = words
            .iter()
            .map(|t| t.lower.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let person = !strong
            && words.len() == 2
            && lexicon::first_name_rank(&words[0].lower).is_some()
            && !lexicon::is_known_place(&words[0].lower);
        let big = lexicon::is_big_place_name(&lowered)
            || words
                .iter()
                .filter(|t| !lexicon::is_town_head(t.bare) && !lexicon::is_town_front(t.bare))
                .all(|t| lexicon::is_known_place(&t.lower));
        if person || big || words.iter().any(|t| allow.contains(t.bare)) {
            continue;
        }
        claim(spans, found, words[0].start, words[words.len() - 1].end);
    }
}

/// Who a note's heading place is followed by ("Okmulgee — MGM raising two", "Dulac —
/// the Verdin family"): the people met there, not what a named person did.
const MET_THERE: [&str; 34] = [
    "mom",
    "mum",
    "mother",
    "mob",
    "fob",
    "mgm",
    "pgm",
    "mgf",
    "pgf",
    "dad",
    "father",
    "grandma",
    "grandmother",
    "granny",
    "gran",
    "grandpa",
    "grandfather",
    "nana",
    "nanny",
    "auntie",
    "aunt",
    "uncle",
    "abuela",
    "abuelo",
    "family",
    "fam",
    "new",
    "visit",
    "ms",
    "mrs",
    "mr",
    "miss",
    "doña",
    "don",
];

/// A word that could name a town in a note's heading: on no list (surnames included), so
/// not a given name, a word or a dictionary proper noun (big towns are: "Brooklyn").
fn heading_word(t: &Token<'_>) -> bool {
    obscure(t)
        && !t.possessive
        && lexicon::first_name_rank(&t.lower).is_none()
        && !lexicon::is_known_place(&t.lower)
}

/// A note headed by a town ("Okmulgee — the Harjo family", "Sapulpa — mom Kelsey, baby
/// 14mo", "Oistins visit."): a word on no list at the head of a line, then a dash and the
/// people met there, or "visit". A nickname heading ("Shaz — Sharon to her mum") is
/// short and followed by what the person did.
fn headings(
    text: &str,
    toks: &[Token<'_>],
    allow: &AllowList,
    spans: &mut Vec<(usize, usize)>,
    found: &mut Vec<Candidate>,
) {
    let n = toks.len();
    for j in 0..n {
        if !at_line_start(text, toks[j].start) {
            continue;
        }
        let mut e = j;
        while e + 1 < n && e < j + 2 && joined(text, &toks[e], &toks[e + 1]) {
            e += 1;
        }
        // The shortest run that the heading's mark follows.
        let Some(e) = (j..=e).find(|&k| {
            let after = &text[toks[k].end..];
            after.starts_with(" visit")
                || [" — ", " – ", " - "].iter().any(|d| after.starts_with(d))
        }) else {
            continue;
        };
        let words = &toks[j..=e];
        // "Lawton — the Mopope family", "Ville Platte — the Fontenot family": a town of the
        // gazetteer heads a note even when it is also a surname (not a given name alone:
        // "Donna — can you cover?").
        let lowered = words
            .iter()
            .map(|w| w.lower.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let town = lexicon::is_town(&lowered)
            && !lexicon::is_big_place_name(&lowered)
            && !lexicon::is_known_place(&lowered)
            && words
                .iter()
                .all(|w| !w.possessive && w.capitalised() && !w.acronym())
            && !(words.len() == 1
                && (lexicon::first_name_rank(&words[0].lower).is_some()
                    || lexicon::is_word(&words[0].lower)
                    || lexicon::is_common(&words[0].lower)));
        if !(town || words.iter().all(heading_word))
            || words
                .iter()
                .any(|t| allow.contains(t.bare) || t.touches_digit(text))
        {
            continue;
        }
        let visit = text[toks[e].end..].starts_with(" visit")
            && toks.get(e + 1).is_some_and(|v| v.lower == "visit");
        let long = words.iter().map(|w| w.bare.chars().count()).sum::<usize>() >= 5;
        let met = toks.get(e + 1).is_some_and(|m| {
            let then = toks.get(e + 2);
            MET_THERE.contains(&m.lower.as_str())
                || lexicon::is_world_kin(&m.lower)
                // "the Harjo family", not "the dad".
                || (m.lower == "the" && then.is_some_and(Token::capitalised))
                // "Canarsie — Tanya (dad's gf)", "Kenner — Honduran moms", "Harlandale —
                // DFPS intake": a long heading and a capitalised word after it, not a
                // nickname explained ("Pili — Pilar — …").
                || (m.capitalised()
                    && long
                    && m.class() != Class::Never
                    && ![" — ", " – ", " - ", " to ", " on ", " is "]
                        .iter()
                        .any(|d| text[m.end..].starts_with(d)))
        });
        if visit || met {
            claim(spans, found, toks[j].start, toks[e].end);
        }
    }
}

/// Words of going before "to" a town ("drove out to Greasewood").
const GOING: [&str; 9] = [
    "out", "up", "down", "back", "over", "comes", "came", "went", "in",
];

/// Words of moving or travelling before "to" or "into" a town (a person is seldom moved
/// or driven to, so a given name after them is read as a town).
const MOVING: [&str; 48] = [
    "got",
    "get",
    "gets",
    "getting",
    "moved",
    "moving",
    "move",
    "moves",
    "relocated",
    "relocating",
    "relocate",
    "drove",
    "drive",
    "driving",
    "drives",
    "flew",
    "fly",
    "flying",
    "flown",
    "flies",
    "headed",
    "heading",
    "go",
    "going",
    "goes",
    "gone",
    "travelled",
    "traveled",
    "resettled",
    "returned",
    "returning",
    "evacuated",
    "transferred",
    "shifted",
    "migrated",
    "commutes",
    "walked",
    "walk",
    "walks",
    "walking",
    "rode",
    "ride",
    "travel",
    "travels",
    "taken",
    "brought",
    "sent",
    "referred",
];

/// Words before "in" that make what follows a place ("the clinic in Palmer", "lives in
/// Bethel"), for words that are also given names.
const PLACED_IN: [&str; 40] = [
    "lives",
    "live",
    "living",
    "lived",
    "stays",
    "staying",
    "stayed",
    "moved",
    "settled",
    "up",
    "out",
    "back",
    "born",
    "raised",
    "based",
    "clinic",
    "hospital",
    "church",
    "parish",
    "school",
    "daycare",
    "care",
    "centre",
    "center",
    "court",
    "office",
    "shelter",
    "house",
    "home",
    "apartment",
    "village",
    "town",
    "motel",
    "hotel",
    "family",
    "families",
    "job",
    "works",
    "working",
    "somewhere",
];

/// "drove out to Greasewood", "flew into Allakaket", "flew in to Ngukurr", "works out of
/// Karratha": the word before `toks[j]` leads to a town ("to" and "into" only after a
/// word of going, "of" only after "out").
fn gone_to(toks: &[Token<'_>], j: usize) -> bool {
    let p = &toks[j - 1].lower;
    let before = j.checked_sub(2).map_or("", |i| toks[i].lower.as_str());
    (p == "to" && (GOING.contains(&before) || MOVING.contains(&before)))
        || (p == "into" && MOVING.contains(&before))
        || (p == "of" && before == "out")
}

/// "grew up in Tullahoma", "sent from Gunnedah": a capitalised word on no list after
/// in/from/near is most likely a small town, and a small town can identify a family.
/// Big towns are in the dictionary's proper nouns and stay quiet.
fn towns(
    text: &str,
    toks: &[Token<'_>],
    allow: &AllowList,
    spans: &mut Vec<(usize, usize)>,
    found: &mut Vec<Candidate>,
) {
    for j in 1..toks.len() {
        let (p, t) = (&toks[j - 1], &toks[j]);
        let before = j.checked_sub(2).map_or("", |i| toks[i].lower.as_str());
        let going = gone_to(toks, j);
        // A word that is also a given name ("Palmer", "Enid", "Bethel") is a town only
        // after a move or a word of place ("the clinic in Palmer", "moving to Enid"), not
        // after "in" alone ("I see myself in Maria").
        // Big towns are on the proper-noun list ("moved to Houston") and stay quiet.
        // A surname that is also a word ("family in Walker") the same way, unless it is a
        // known place ("moving to Wales"); not one the dictionary knows as a proper noun,
        // which may be a city ("Boston").
        let name_like = (t.class() == Class::FirstName && !lexicon::is_proper(&t.lower))
            || (lexicon::is_surname(&t.lower)
                && matches!(t.class(), Class::Word | Class::WordName)
                && !lexicon::is_known_place(&t.lower));
        let name_ok = name_like
            && match p.lower.as_str() {
                // "the Igreja Batista Monte Hermom in Everett": right after a place.
                "in" => {
                    PLACED_IN.contains(&before)
                        || j >= 2 && spans.iter().any(|&(_, e)| e == toks[j - 2].end)
                }
                "to" | "into" => MOVING.contains(&before),
                "near" | "outside" => true,
                _ => false,
            };
        // "out in Calexico", "moved to Turlock": the dictionary knows many small towns as
        // proper nouns; only the big places (content/deid/big-places.txt) identify no one,
        // and languages and peoples are on peoples.txt.
        // Not after "at", "past" or "toward" ("at Walmart" is a chain, not a home).
        let small_town = t.class() == Class::Proper
            && !lexicon::is_known_place(&t.lower)
            && !SAINTS.contains(&t.bare)
            && (going || matches!(p.lower.as_str(), "in" | "from" | "near" | "outside"));
        if !(matches!(
            p.lower.as_str(),
            "in" | "from" | "near" | "outside" | "past" | "toward" | "towards" | "at"
        ) || going)
            || &text[p.end..t.start] != " "
            || !t.capitalised()
            || t.acronym()
            || t.possessive
            || !(t.class() == Class::Unknown || name_ok || small_town)
            || lexicon::word_shaped(&t.lower)
            || allow.contains(t.bare)
            || t.touches_digit(text)
        {
            continue;
        }
        // A capitalised word after it belongs to the town ("in Cedar Bluff").
        let mut e = j;
        if toks.get(j + 1).is_some_and(|n| {
            n.capitalised() && !n.acronym() && joined(text, t, n) && n.class() == Class::Unknown
        }) {
            e = j + 1;
        }
        claim(spans, found, t.start, toks[e].end);
    }
}

/// "works at a warehouse in Midland", "moved to Falls Church", "from Blacktown": a town of
/// the gazetteer (content/deid/towns.txt) after in, from, near, outside or a move, even
/// when it is also a word ("Auburn") or a dictionary proper noun. The capitalised run
/// must end with the town ("in Early Head Start" names a programme, not Early, Texas),
/// and a given name is left to the name rules ("from Hope").
/// Abbreviations that begin a town's name, and the word the gazetteer spells out.
const ABBREVIATED_FRONTS: [(&str, &str); 4] = [
    ("st", "saint"),
    ("ste", "sainte"),
    ("mt", "mount"),
    ("ft", "fort"),
];

fn gazetteer_towns(
    text: &str,
    toks: &[Token<'_>],
    allow: &AllowList,
    spans: &mut Vec<(usize, usize)>,
    found: &mut Vec<Candidate>,
) {
    for j in 1..toks.len() {
        let (p, t) = (&toks[j - 1], &toks[j]);
        let gap = &text[p.end..t.start];
        // "San Jose, Tacloban": a town after the place it holds.
        let after_a_place = gap == ", " && spans.iter().any(|&(_, e)| e == p.end);
        let lead = (gap == " "
            && (matches!(
                p.lower.as_str(),
                "in" | "from" | "near" | "outside" | "around" | "toward" | "towards" | "across"
            ) || gone_to(toks, j)))
            || after_a_place;
        if !lead
            || !t.capitalised()
            || t.acronym()
            || allow.contains(t.bare)
            || super::tokens::at_sentence_start(text, t.start)
        {
            continue;
        }
        // The capitalised run from here: up to three words joined by single spaces, or
        // after a saint's or a mount's abbreviation ("St. Johnsbury", "East St. Louis").
        let abbreviated = |k: usize| {
            ABBREVIATED_FRONTS
                .iter()
                .any(|(short, _)| *short == toks[k].lower)
                && &text[toks[k].end..toks[k + 1].start] == ". "
        };
        let mut run = j;
        while run + 1 < toks.len()
            && run < j + 2
            && toks[run + 1].capitalised()
            && !toks[run].possessive
            && (&text[toks[run].end..toks[run + 1].start] == " " || abbreviated(run))
        {
            run += 1;
        }
        // The town is the whole run, and nothing capitalised runs on after it.
        let runs_on = toks.get(run + 1).is_some_and(|n| {
            n.capitalised() && &text[toks[run].end..n.start] == " " && !toks[run].possessive
        });
        if runs_on || toks[run].possessive || toks[run].touches_digit(text) {
            continue;
        }
        let name = toks[j..=run]
            .iter()
            .map(|w| {
                ABBREVIATED_FRONTS
                    .iter()
                    .find(|(short, _)| *short == w.lower && run > j)
                    .map_or(w.lower.as_str(), |(_, long)| long)
            })
            .collect::<Vec<_>>()
            .join(" ");
        if !lexicon::is_town(&name) || lexicon::is_big_place_name(&name) {
            continue;
        }
        let single_ok = run > j
            || (matches!(t.class(), Class::Word | Class::Proper | Class::Unknown)
                && !lexicon::is_known_place(&t.lower)
                && !lexicon::is_common(&t.lower));
        // "from Jordan Lee": a given name and a surname are a person.
        let person = run > j
            && toks[j].class() == Class::FirstName
            && toks[j + 1..=run]
                .iter()
                .all(|w| lexicon::is_surname(&w.lower));
        if single_ok && !person {
            // Over a shorter place found inside it ("Falls" in "Falls Church").
            claim_over(spans, found, t.start, toks[run].end);
        }
    }
}

/// Lower-case words after a neighbourhood's, township's or estate's own name
/// ("Ikageng clinic", "Kiwempe zone", "the Muirhouse patch", "Ohlange section").
const LOCALITY_HEADS: [&str; 33] = [
    "clinic",
    // A team, office or service named by the area it serves ("the Kissy team", "Bo
    // registry", "Montalban lying-in", "Kubwa PHC", "Pateros RHU").
    "team",
    "office",
    "market",
    "hospital",
    "maternity",
    "registry",
    "waterside",
    "branch",
    "lying-in",
    "social",
    "PHC",
    "RHU",
    "CHC",
    "CHPS",
    "township",
    "village",
    "location",
    "section",
    "zone",
    "side",
    "site",
    "patch",
    "scheme",
    "settlement",
    "camp",
    "compound",
    "kampung",
    "estate",
    "area",
    "division",
    "district",
    "extension",
];

/// People told apart by where they live, after "the" ("the Ballymurphy mum", "the
/// Vosloorus mother"): a name is seldom put there without a possessive.
const PEOPLE_OF_A_PLACE: [&str; 15] = [
    "mum", "mom", "mother", "mam", "mammy", "mama", "dad", "father", "mums", "moms", "mothers",
    "mommies", "mummies", "mammies", "mamas",
];

/// Words that close a letter before the writer's name ("Thanks, Nomvula.").
const SIGN_OFFS: [&str; 9] = [
    "thanks", "thank", "regards", "cheers", "love", "best", "from", "signed", "warmly",
];

/// A word on no list: in a place's context, most likely a neighbourhood or a small town.
/// Not one shaped like a word ("Celebramos").
fn obscure(t: &Token<'_>) -> bool {
    t.capitalised()
        && !t.acronym()
        && t.class() == Class::Unknown
        && !lexicon::word_shaped(&t.lower)
}

/// Words that may follow a place named with "the" ("on the Shankill today"); any other
/// word after it is the noun the name belongs to ("notes on the Castillo baby").
const AFTER_THE_PLACE: [&str; 12] = [
    "today",
    "again",
    "now",
    "and",
    "with",
    "for",
    "at",
    "to",
    "yesterday",
    "side",
    "where",
    "near",
];

/// Neighbourhoods, townships and estates told by their context rather than by a place
/// word of their own: "the Ballymurphy mum", "Kiwempe zone", "on the Shankill", and a
/// note's closing fragment ("Baby Lily, Benwell.", "Shettleston.").
fn localities(
    text: &str,
    toks: &[Token<'_>],
    allow: &AllowList,
    spans: &mut Vec<(usize, usize)>,
    found: &mut Vec<Candidate>,
) {
    let n = toks.len();
    let usable = |t: &Token<'_>| !allow.contains(t.bare) && !t.touches_digit(text);
    for j in 0..n {
        let t = &toks[j];
        if !t.capitalised() || t.acronym() || !usable(t) {
            continue;
        }
        // The run of capitalised words from here (at most three).
        let mut e = j;
        while e + 1 < n
            && e < j + 2
            && !toks[e].possessive
            && joined(text, &toks[e], &toks[e + 1])
            && toks[e + 1].capitalised()
            && !toks[e + 1].acronym()
            && usable(&toks[e + 1])
        {
            e += 1;
        }
        let words = &toks[j..=e];
        let the_before = j > 0 && toks[j - 1].lower == "the" && joined(text, &toks[j - 1], t);
        let all_obscure = words.iter().all(obscure);
        // A first name after "the" is no one's name: "the Alexandra mother".
        let after_the_ok = words
            .iter()
            .all(|w| obscure(w) || w.class() == Class::FirstName);
        let next = toks.get(e + 1).filter(|h| {
            !words[words.len() - 1].possessive && joined(text, &words[words.len() - 1], h)
        });
        let locality = next.is_some_and(|h| LOCALITY_HEADS.contains(&h.bare));
        // "Dinh dad brought the baby": without "the", a family's name.
        let people = the_before && next.is_some_and(|h| PEOPLE_OF_A_PLACE.contains(&h.bare));
        let placed = if locality || people {
            all_obscure || (the_before && after_the_ok)
        } else if the_before && j > 1 && ["on", "in"].contains(&toks[j - 2].lower.as_str()) {
            // "on the Shankill", "in the Creggan": a name does not take "the".
            all_obscure
                && (next.is_none() || next.is_some_and(|h| AFTER_THE_PLACE.contains(&h.bare)))
        } else {
            all_obscure && closing_fragment(text, toks, j, e)
        };
        if placed {
            claim(spans, found, t.start, toks[e].end);
        }
    }
}

/// The words `j..=e` are a note's last item, alone or after a comma, and not a sign-off:
/// "Mother is Chantelle, baby Keenan, Manenberg.", "Yishun."
fn closing_fragment(text: &str, toks: &[Token<'_>], j: usize, e: usize) -> bool {
    let rest = text[toks[e].end..].trim_start_matches(['.', '!']).trim();
    if !rest.is_empty() {
        return false;
    }
    let before = text[..toks[j].start].trim_end_matches(' ');
    let after_comma = before.ends_with(',');
    let alone = at_sentence_start(text, toks[j].start);
    // "Thanks, Nomvula.", "Thank you, Adaeze.", "the clerk, Mrs. Lindgren."
    let thank_you = j > 1 && toks[j - 1].lower == "you" && toks[j - 2].lower == "thank";
    let signed = j > 0
        && (thank_you
            || SIGN_OFFS.contains(&toks[j - 1].lower.as_str())
            || TITLES.contains(&toks[j - 1].bare));
    (after_comma || alone) && !signed
}

/// "works at Kroger", "started at Kindercare", "staying at the Bayview" (no place word
/// needed after these).
fn employers(
    text: &str,
    toks: &[Token<'_>],
    allow: &AllowList,
    spans: &mut Vec<(usize, usize)>,
    found: &mut Vec<Candidate>,
) {
    for i in 1..toks.len().saturating_sub(1) {
        let at = &toks[i];
        // "works at", "works nights at", "working doubles at".
        let prev = &toks[i - 1];
        let work_before = i >= 2
            && WORK_WORDS.contains(&toks[i - 2].lower.as_str())
            && matches!(
                prev.lower.as_str(),
                "nights"
                    | "days"
                    | "weekends"
                    | "doubles"
                    | "overnights"
                    | "mornings"
                    | "evenings"
                    | "there"
                    | "now"
                    | "still"
            );
        let work = WORK_WORDS.contains(&prev.lower.as_str()) || work_before;
        let preposition = match at.lower.as_str() {
            "at" => true,
            "for" => work,
            "into" => prev.lower == "moved",
            // "transferred to Good Samaritan", "airlifted to Riverside": a hospital.
            "to" => matches!(
                prev.lower.as_str(),
                "transferred" | "transported" | "airlifted" | "admitted"
            ),
            _ => false,
        };
        if !preposition
            || !(work || STAY_OR_SCHOOL_WORDS.contains(&prev.lower.as_str()))
            || &text[prev.end..at.start] != " "
        {
            continue;
        }
        // "staying at the Bayview Motor Inn": skip one "the".
        let mut f = i + 1;
        if toks.get(f).is_some_and(|t| t.lower == "the") && f + 1 < toks.len() {
            f += 1;
        }
        let first = &toks[f];
        let gap = &text[toks[f - 1].end..first.start];
        // "works at McDonald's" is a business; "stays at Keisha's" is a person's home.
        let class = first.class();
        if gap != " "
            || !first.capitalised()
            || matches!(class, Class::FirstName | Class::Never | Class::Soft)
            || (first.possessive && class == Class::WordName)
        {
            continue;
        }
        let mut e = f;
        while e + 1 < toks.len()
            && !toks[e].possessive
            && joined(text, &toks[e], &toks[e + 1])
            && toks[e + 1].capitalised()
        {
            e += 1;
        }
        let (start, end) = (first.start, toks[e].end);
        let words = &toks[f..=e];
        if spans.iter().any(|&(s, t)| s < end && start < t)
            || words.iter().any(|t| allow.contains(t.bare))
            || !words.iter().any(distinctive)
        {
            continue;
        }
        spans.push((start, end));
        found.push(Candidate {
            kind: FindingKind::Place,
            start,
            end,
        });
    }
}

/// "Haven of Rest", "House of Hope", "Children's of Calloway": a place word, "of", and
/// a name.
fn of_names(
    text: &str,
    toks: &[Token<'_>],
    allow: &AllowList,
    spans: &mut Vec<(usize, usize)>,
    found: &mut Vec<Candidate>,
) {
    for j in 0..toks.len().saturating_sub(2) {
        let (h, of, x) = (&toks[j], &toks[j + 1], &toks[j + 2]);
        let head = h.capitalised()
            && (lexicon::is_place_word(&h.lower) || (h.lower == "children" && h.possessive));
        if !head
            || of.bare != "of"
            || !joined(text, h, of)
            || !joined(text, of, x)
            || !x.capitalised()
            || x.acronym()
            || x.class() == Class::Never
            || [h, x].iter().any(|t| allow.contains(t.bare))
        {
            continue;
        }
        let mut e = j + 2;
        while e + 1 < toks.len()
            && joined(text, &toks[e], &toks[e + 1])
            && toks[e + 1].capitalised()
        {
            e += 1;
        }
        claim(spans, found, h.start, toks[e].end);
    }
}

/// Childcare names: "Little Acorns", "Tiny Treasures", "Kiddie Korner", "Busy Bees".
const CHILDCARE_FRONTS: [&str; 8] = [
    "Little", "Tiny", "Kiddie", "Kiddy", "Kidz", "Wee", "Busy", "Lil",
];

fn childcare_names(
    text: &str,
    toks: &[Token<'_>],
    allow: &AllowList,
    spans: &mut Vec<(usize, usize)>,
    found: &mut Vec<Candidate>,
) {
    for j in 0..toks.len().saturating_sub(1) {
        let (f, x) = (&toks[j], &toks[j + 1]);
        if !CHILDCARE_FRONTS.contains(&f.bare)
            || !joined(text, f, x)
            || !x.capitalised()
            || x.acronym()
            || x.class() == Class::Never
            || allow.contains(x.bare)
        {
            continue;
        }
        // A plural ("Little Acorns") or a word on no list ("Kiddie Korner"); after "Wee",
        // "Little" or "Lil" such a word is a child ("Wee Alfie", "Lil Keir").
        let plural = x.lower.ends_with('s') && !x.possessive;
        let endearing = ["Wee", "Little", "Lil"].contains(&f.bare);
        if !(plural || (x.class() == Class::Unknown && !endearing)) {
            continue;
        }
        claim(spans, found, f.start, x.end);
    }
}

/// "Kenora, Ontario", "Hazard, Kentucky": a town before its state, province or county;
/// "Little Wendham", "Upper Tulse": a town after a word that begins towns. Towns in the
/// dictionary (Chicago, Ottawa) stay quiet, as elsewhere.
fn regions(
    text: &str,
    toks: &[Token<'_>],
    allow: &AllowList,
    spans: &mut Vec<(usize, usize)>,
    found: &mut Vec<Candidate>,
) {
    for j in 0..toks.len() {
        let t = &toks[j];
        if !t.capitalised()
            || t.acronym()
            || t.possessive
            || allow.contains(t.bare)
            || matches!(t.class(), Class::Never | Class::Soft | Class::Proper)
        {
            continue;
        }
        let after = &text[t.end..];
        let before_region = after
            .strip_prefix(", ")
            .is_some_and(lexicon::is_region_start);
        let start = super::tokens::at_sentence_start(text, t.start);
        // "Honestly, Texas is far": a word at a sentence start needs to be no word.
        if before_region && !(start && t.class() != Class::Unknown) {
            let mut s = j;
            while s > 0 && joined(text, &toks[s - 1], &toks[s]) && namelike(&toks[s - 1]) {
                s -= 1;
            }
            claim(spans, found, toks[s].start, t.end);
            continue;
        }
        let town_front = j > 0
            && [
                "Little", "Great", "Upper", "Lower", "North", "South", "East", "West", "Glen",
            ]
            .contains(&toks[j - 1].bare)
            && joined(text, &toks[j - 1], t)
            && t.class() == Class::Unknown;
        if town_front {
            claim(spans, found, toks[j - 1].start, t.end);
        }
    }
}
