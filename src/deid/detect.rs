//! The pattern detectors: phone numbers, e-mail and street addresses, dates of birth and
//! record numbers. Each adds candidates in byte offsets; `scan` settles overlaps.

use std::sync::LazyLock;

use regex::Regex;

use super::{Candidate, FindingKind};

/// The patterns are constants checked by the unit tests, so failing to compile one is a
/// programming error found before release, like a bad `include_str!`.
#[allow(clippy::expect_used)]
fn pattern(re: &str) -> Regex {
    Regex::new(re).expect("a valid built-in pattern")
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b[a-z0-9][a-z0-9._%+-]*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+",
    )
});

static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
          \+\d{1,3}[\ .-]?(?:\(\d{1,4}\)[\ .-]?)?\d{1,4}(?:[\ .-]\d{2,6}){1,4}  # +44 7700 900123
        | \(\d{3}\)\ ?\d{3}[-.\ ]\d{4}                                      # (614) 555-0182
        | \b\d{3}[-.\ ]\d{3}[-.\ ]\d{4}\b                                   # 614.555.0199
        | \b0\d{2,4}[\ -]?\d{3,4}[\ -]?\d{3,4}\b                            # 07700 900461
        | \b\d{3}-\d{4}\b                                                   # 555-0147
        ",
    )
});

const STREET_TYPES: &str = "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Court|Ct|Way|\
    Boulevard|Blvd|Place|Pl|Terrace|Close|Crescent|Row|Circle|Parkway|Pkwy|Highway|Hwy|\
    Square|Sq|Trail|Gardens|Walk|Mews|Alley|Bend|Grove|Heights";

static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?x)
          \b\d{{1,5}}[A-Za-z]?\ +(?:\p{{Lu}}[\p{{L}}'’.-]*\ +){{1,4}}(?:{STREET_TYPES})\b\.?
          (?:,?\ *(?i:apartment|apt|unit|suite|ste|flat|\#)\.?\ *\#?[A-Za-z]?\d+[A-Za-z]?\b)?
          (?:,\ *(?:\p{{Lu}}\p{{L}}+\ ?){{1,3}},?\ *(?:[A-Z]{{2}}\ +)?
             (?:\d{{5}}(?:-\d{{4}})?|[A-Z]{{1,2}}\d[A-Z\d]?\ ?\d[A-Z]{{2}}))?
        "
    ))
});

/// "Apartment 14B" on its own; "Unit 3" alone is too often a training unit.
static APARTMENT: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?i)\b(?:apartment|apt\.?|flat|suite)\ +\#?\d+[a-z]?\b"));

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|\
    November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?x)
          \b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b
        | \b\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})\b
        | \b(?i:the\ +)?\d{{1,2}}(?i:st|nd|rd|th)?(?i:\ +of)?\ +(?i:{MONTHS})\.?,?\ +\d{{4}}\b
        | \b(?i:{MONTHS})\.?\ +\d{{1,2}}(?i:st|nd|rd|th)?,?\ +\d{{4}}\b
        "
    ))
});

static RECORD_LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?ix)
          \b(?:mrn|medical\ record|record|case|client\ id|patient\ id|member\ id|id|nhs|ssn
             |social\ security|chart|file|referral|account|policy|reference|ref)
          (?:\ *(?:number|no\.?|num|\#|:))*\ *
          (?P<v>\#?[a-z]{0,3}-?\d+(?:[\ -]\d+){0,3})\b
        ",
    )
});

static RECORD_SHAPED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?x)
          \b\d{3}-\d{2}-\d{4}\b        # SSN shape
        | \#\d{4,}\b                   # #30917
        | \b[A-Z]{1,4}-?\d{5,}\b       # letters and a long number: HX448210
        | \b\d{7,}\b                   # a long digit run
        ",
    )
});

fn push(found: &mut Vec<Candidate>, kind: FindingKind, start: usize, end: usize) {
    found.push(Candidate { kind, start, end });
}

fn digits(s: &str) -> usize {
    s.bytes().filter(u8::is_ascii_digit).count()
}

pub(super) fn emails(text: &str, found: &mut Vec<Candidate>) {
    for m in EMAIL.find_iter(text) {
        push(found, FindingKind::Email, m.start(), m.end());
    }
}

pub(super) fn phones(text: &str, found: &mut Vec<Candidate>) {
    for m in PHONE.find_iter(text) {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        // Part of a longer number, a date or a range is not a phone number.
        let joined = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || "/-.:".contains(c));
        let after_joined = after.is_some_and(|c| c.is_ascii_digit() || "/-:".contains(c));
        if joined(before) || after_joined || !(7..=15).contains(&digits(m.as_str())) {
            continue;
        }
        push(found, FindingKind::Phone, m.start(), m.end());
    }
}

pub(super) fn addresses(text: &str, found: &mut Vec<Candidate>) {
    for m in ADDRESS.find_iter(text).chain(APARTMENT.find_iter(text)) {
        let end = m.start() + m.as_str().trim_end_matches(['.', ',']).len();
        push(found, FindingKind::StreetAddress, m.start(), end);
    }
}

/// Full dates count as dates of birth only when the words around them say so: visit
/// dates are everywhere in reflections and flagging them would bury the real ones.
pub(super) fn birth_dates(text: &str, found: &mut Vec<Candidate>) {
    for m in FULL_DATE.find_iter(text) {
        if says_birth(text, m.start(), m.end()) {
            push(found, FindingKind::BirthDate, m.start(), m.end());
        }
    }
}

fn says_birth(text: &str, start: usize, end: usize) -> bool {
    let mut from = start.saturating_sub(48);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..start].to_lowercase();
    if before.trim_end().ends_with("d.o.b.") || before.trim_end().ends_with("d.o.b:") {
        return true;
    }
    // Only the same sentence counts ("born in June. On 3/2/2025 I visited" is a visit).
    let cut = ["! ", "? ", ". ", "\n"]
        .iter()
        .filter_map(|p| before.rfind(p).map(|i| i + p.len()))
        .max()
        .unwrap_or(0);
    let sentence = &before[cut..];
    if ["born", "birth", "dob", "d.o.b"]
        .iter()
        .any(|k| sentence.contains(k))
    {
        return true;
    }
    let mut to = (end + 24).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let after = text[end..to].to_lowercase();
    let after = after.trim_start_matches([' ', '(', ',', '-', '–']);
    ["dob", "d.o.b", "date of birth", "birthday", "born"]
        .iter()
        .any(|k| after.starts_with(k))
}

pub(super) fn record_numbers(text: &str, found: &mut Vec<Candidate>) {
    for c in RECORD_LABELLED.captures_iter(text) {
        if let Some(v) = c.name("v") {
            if digits(v.as_str()) >= 5 {
                push(found, FindingKind::RecordNumber, v.start(), v.end());
            }
        }
    }
    for m in RECORD_SHAPED.find_iter(text) {
        push(found, FindingKind::RecordNumber, m.start(), m.end());
    }
}
