use super::*;

fn flags(text: &str, kind: FindingKind) -> Vec<String> {
    scan(text, &AllowList::default())
        .into_iter()
        .filter(|f| f.kind == kind)
        .map(|f| f.text)
        .collect()
}

fn nothing_flagged(text: &str) {
    let found = scan(text, &AllowList::default());
    assert!(found.is_empty(), "{text:?} flagged {found:?}");
}

#[test]
fn phone_numbers_in_national_and_international_formats_are_flagged() {
    for phone in [
        "(614) 555-0182",
        "614.555.0199",
        "773-555-0109",
        "555 201 9934",
        "555-0147",
        "+44 7700 900123",
        "+1 614 555 0123",
        "07700 900461",
        "0161 496 0732",
    ] {
        let text = format!("Call her on {phone} tomorrow.");
        assert_eq!(flags(&text, FindingKind::Phone), [phone], "{text}");
    }
}

#[test]
fn years_times_scores_durations_and_dates_are_not_phone_numbers() {
    nothing_flagged("In 2024 we met at 2:30, she rated it 7/10, and the visit took 45 minutes.");
    nothing_flagged("Sessions 4 of 12, between 2023-2024, 10:15-11:45, score 3-2.");
    assert!(flags(
        "Visit on 2025-10-07 and again on 12/03/2025.",
        FindingKind::Phone
    )
    .is_empty());
}

#[test]
fn email_addresses_are_flagged_without_trailing_punctuation() {
    assert_eq!(
        flags("Write to tamsin.rook@example.org.", FindingKind::Email),
        ["tamsin.rook@example.org"]
    );
    assert_eq!(
        flags("(d.mbeki+home@mail.example.co.uk)", FindingKind::Email),
        ["d.mbeki+home@mail.example.co.uk"]
    );
}

#[test]
fn street_addresses_with_apartments_and_postcodes_are_flagged() {
    assert_eq!(
        flags(
            "They moved to 214 Larkspur Lane last month.",
            FindingKind::StreetAddress
        ),
        ["214 Larkspur Lane"]
    );
    assert_eq!(
        flags(
            "The shelter at 1200 Alder Street, Apt 4C, is full.",
            FindingKind::StreetAddress
        ),
        ["1200 Alder Street, Apt 4C"]
    );
    assert_eq!(
        flags(
            "Send it to 9 Sparrow Court, Dunmore, OH 43210 please.",
            FindingKind::StreetAddress
        ),
        ["9 Sparrow Court, Dunmore, OH 43210"]
    );
    assert_eq!(
        flags(
            "Apartment 14B has a broken buzzer.",
            FindingKind::StreetAddress
        ),
        ["Apartment 14B"]
    );
}

#[test]
fn numbers_with_capitalised_words_but_no_street_are_not_addresses() {
    nothing_flagged("Unit 3 of the training covered vicarious trauma.");
    for text in [
        "We read 3 Little Pigs and sang.",
        "Session 2 Monday Morning Group",
    ] {
        assert!(flags(text, FindingKind::StreetAddress).is_empty(), "{text}");
    }
}

#[test]
fn full_dates_are_birth_dates_only_when_the_sentence_says_birth() {
    assert_eq!(
        flags("Baby was born 3/14/2025 at home.", FindingKind::BirthDate),
        ["3/14/2025"]
    );
    assert_eq!(
        flags("DOB: 2024-02-11.", FindingKind::BirthDate),
        ["2024-02-11"]
    );
    assert_eq!(
        flags("Her birthday is June 3rd, 2023.", FindingKind::BirthDate),
        ["June 3rd, 2023"]
    );
    assert_eq!(
        flags(
            "Date of birth: the 2nd of March, 2024",
            FindingKind::BirthDate
        ),
        ["the 2nd of March, 2024"]
    );
    assert_eq!(
        flags("14 May 2024 (DOB)", FindingKind::BirthDate),
        ["14 May 2024"]
    );
    nothing_flagged("On 12/03/2025 I visited for the first time.");
    nothing_flagged("He was born in June. On 3/2/2025 we met again.");
    nothing_flagged("Her birthday is in March.");
}

#[test]
fn record_numbers_labelled_or_shaped_are_flagged() {
    for (text, number) in [
        ("MRN 4471902 on the letter", "4471902"),
        ("case no. 22-1187 was on the folder", "22-1187"),
        ("Patient ID: HX448210.", "HX448210"),
        ("Referral number #30917 went astray", "#30917"),
        ("NHS number 485 777 3456 on it", "485 777 3456"),
        ("an SSN (078-05-1120) on the form", "078-05-1120"),
        ("code WX5521873 at the top", "WX5521873"),
    ] {
        assert_eq!(flags(text, FindingKind::RecordNumber), [number], "{text}");
    }
}

#[test]
fn family_codes_short_numbers_and_ages_are_not_record_numbers() {
    nothing_flagged("Family code F12 again, then FAM-7 and R3.");
    nothing_flagged("Visit 4 for case 3, the 9-month-old, session 12 of 20.");
}

#[test]
fn capitalised_words_mid_sentence_are_names_unless_ordinary() {
    assert_eq!(
        flags("I met Keisha and her baby today.", FindingKind::PersonName),
        ["Keisha"]
    );
    assert_eq!(
        flags(
            "The nurse, Bettina Sorrell, helped.",
            FindingKind::PersonName
        ),
        ["Bettina Sorrell"]
    );
    nothing_flagged(
        "On Tuesday in March, Mom and Grandma talked about Reflective Supervision and the NICU.",
    );
    nothing_flagged("We used the Circle of Security and Ages and Stages with the WIC form.");
}

#[test]
fn honorifics_always_make_a_name_and_titles_alone_do_not() {
    assert_eq!(
        flags("Mrs Okafor called.", FindingKind::PersonName),
        ["Mrs Okafor"]
    );
    assert_eq!(
        flags("We saw Dr. Lee today.", FindingKind::PersonName),
        ["Dr. Lee"]
    );
    assert_eq!(
        flags("Grandma Ruth came too.", FindingKind::PersonName),
        ["Ruth"]
    );
    nothing_flagged("Grandma held the baby while Dad made tea.");
}

#[test]
fn sentence_starts_count_as_names_only_with_a_names_context() {
    assert_eq!(
        flags("Marisol said no.", FindingKind::PersonName),
        ["Marisol"]
    );
    assert_eq!(
        flags("Jonah's mother came.", FindingKind::PersonName),
        ["Jonah"]
    );
    assert_eq!(
        flags("Tobias Wren from housing called.", FindingKind::PersonName),
        ["Tobias Wren"]
    );
    nothing_flagged("Feeding went well. Sleep is still hard. Progress, slowly.");
}

#[test]
fn places_named_like_people_are_not_names() {
    nothing_flagged("We met at the Greenway Community Center.");
}

#[test]
fn the_allow_list_silences_words_case_insensitively() {
    let text = "Talked with Keisha and Priya about the group.";
    let allow = AllowList::new(["keisha", "  PRIYA "]);
    assert!(scan(text, &allow).is_empty());
    let some = AllowList::new(["Keisha"]);
    let left: Vec<String> = scan(text, &some).into_iter().map(|f| f.text).collect();
    assert_eq!(left, ["Priya"]);
}

#[test]
fn offsets_count_code_points_and_utf16_units_past_accents_and_emoji() {
    let text = "Zoë 😊 called Matías on 555-0147.";
    let found = scan(text, &AllowList::default());
    let phone = found.iter().find(|f| f.kind == FindingKind::Phone).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let by_cp: String = chars[phone.start..phone.end].iter().collect();
    assert_eq!(by_cp, "555-0147");
    let units: Vec<u16> = text.encode_utf16().collect();
    let by_u16 = String::from_utf16(&units[phone.start_utf16..phone.end_utf16]).unwrap();
    assert_eq!(by_u16, "555-0147");
    // The emoji is one code point and two UTF-16 units.
    assert_eq!(phone.start_utf16, phone.start + 1);
    let name = found.iter().find(|f| f.text == "Matías").unwrap();
    assert_eq!((name.start, name.end), (13, 19));
}

#[test]
fn findings_are_sorted_and_never_overlap_with_the_specific_kind_kept() {
    let text = "Record number 485 777 3456; Dr. Kestrel lives at 5 Kestrel Way; born 1/2/2024.";
    let found = scan(text, &AllowList::default());
    for pair in found.windows(2) {
        assert!(pair[0].end <= pair[1].start, "{found:?}");
    }
    let kinds: Vec<FindingKind> = found.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [
            FindingKind::RecordNumber,
            FindingKind::PersonName,
            FindingKind::StreetAddress,
            FindingKind::BirthDate
        ]
    );
}

#[test]
fn every_kind_has_a_label_and_a_reason() {
    for kind in FindingKind::ALL {
        assert!(!kind.label().is_empty() && kind.why().ends_with(['.', '?']));
        let json = serde_json::to_string(&kind).unwrap();
        assert_eq!(json, format!("\"{}\"", kind.as_str()));
    }
}

#[test]
fn the_common_words_file_is_one_lowercase_word_a_line_without_repeats() {
    let mut seen = std::collections::HashSet::new();
    for line in names::COMMON_WORDS.lines() {
        let w = line.trim();
        if w.is_empty() || w.starts_with('#') {
            continue;
        }
        assert_eq!(w, line, "no stray spaces: {line:?}");
        assert!(!w.contains(' ') && w == w.to_lowercase(), "{w:?}");
        assert!(seen.insert(w), "listed twice: {w}");
    }
    assert!(seen.contains("i") && seen.contains("monday") && seen.contains("grandma"));
}

#[test]
fn odd_input_gives_in_bounds_findings_and_never_panics() {
    for text in [
        "",
        "-",
        "Mrs",
        "Dr.",
        "A-",
        "É-1",
        "born ",
        "ünïcödé Zoë-Ånn's 12-éé 🙂🙂 +44 (0) 20 7946 0958 DOB 01/01/2024 🙂",
        "\n\n\u{301}Ada\u{301} said",
        "#12345678901234567890 @@ a@b 1 A St",
    ] {
        let n = text.chars().count();
        let u = text.encode_utf16().count();
        for f in scan(text, &AllowList::default()) {
            assert!(
                f.start < f.end && f.end <= n && f.end_utf16 <= u,
                "{text:?}: {f:?}"
            );
        }
    }
}
