use super::*;

fn flags(text: &str, kind: FindingKind) -> Vec<String> {
    scan(text, &AllowList::default())
        .into_iter()
        .filter(|f| f.kind == kind)
        .map(|f| f.text)
        .collect()
}

/// Each text flags exactly one passage of `kind`, the one given.
#[track_caller]
fn assert_finds(kind: FindingKind, cases: &[(&str, &str)]) {
    for (text, want) in cases {
        assert_eq!(flags(text, kind), [*want], "{text}");
    }
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
fn phone_numbers_read_out_in_words_are_flagged_but_counting_is_not() {
    assert_eq!(
        flags(
            "her number is five five five, two one oh, eight eight four seven ok",
            FindingKind::Phone
        ),
        ["five five five, two one oh, eight eight four seven"]
    );
    assert_eq!(
        flags("call five five five 210 8847 tonight", FindingKind::Phone),
        ["five five five 210 8847"]
    );
    assert_eq!(
        flags("her cell is 555 0182, text first", FindingKind::Phone),
        ["555 0182"]
    );
    nothing_flagged("we counted one two three four five six seven eight together");
    nothing_flagged("Scores were 555 0182 on the sheet.");
}

#[test]
fn social_handles_and_profile_addresses_are_flagged_but_not_e_mail() {
    assert_finds(
        FindingKind::SocialHandle,
        &[
            ("her TikTok, @keke_bakes_tx, is busy", "@keke_bakes_tx"),
            (
                "FB is facebook.com/brittany.r.tanner.92 and",
                "facebook.com/brittany.r.tanner.92",
            ),
            (
                "see instagram.com/mama.of.3 today",
                "instagram.com/mama.of.3",
            ),
            ("her IG is k.r.m if I need it", "k.r.m"),
            ("insta: lilkeke22", "lilkeke22"),
            ("IG handle k.r.m, she said", "k.r.m"),
            ("her Cash App is $kekeb22 for gifts", "$kekeb22"),
            (
                "her Facebook is Brittany Rae Tanner and",
                "Brittany Rae Tanner",
            ),
        ],
    );
    assert!(flags("write to keke@example.org", FindingKind::SocialHandle).is_empty());
    nothing_flagged("SNAP is separate. WIC is separate. Facebook is where the family is.");
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
fn rural_routes_boxes_lots_rooms_and_postcodes_are_addresses() {
    assert_finds(
        FindingKind::StreetAddress,
        &[
            ("Mail goes to PO Box 381 now.", "PO Box 381"),
            ("RR 3 Box 22, past the elevator.", "RR 3 Box 22"),
            ("They are out on County Road 9 now.", "County Road 9"),
            ("lot 17 in the mobile home park", "lot 17"),
            ("now in room 212 at the motel", "room 212"),
            ("Sister in Ottawa, K2P 1L4, might help.", "K2P 1L4"),
            ("Her aunt is at LS6 2QT in Leeds.", "LS6 2QT"),
            ("the eircode T12 R4KH for the form", "T12 R4KH"),
            ("ZIP is 60623, not the old one", "60623"),
            ("ZIP+4 60622-3341 on it", "60622-3341"),
            ("she moved to Sydney NSW 2000 last year", "NSW 2000"),
        ],
    );
    nothing_flagged("The dad in room 4 of the unit. Writing this in a parking lot 7 times.");
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
    assert_finds(
        FindingKind::BirthDate,
        &[
            (
                "Zosia was born on the second of March.",
                "on the second of March",
            ),
            (
                "He was born the 19th of November in snow.",
                "the 19th of November",
            ),
            ("Baby Zain, DOB Oct 3. Spent an hour", "Oct 3"),
            ("She turned one on 4/9 and we had cake.", "4/9"),
            ("She was born 12 Feb and is three months now.", "12 Feb"),
            ("Came home from the NICU on 8/2/2025 at last.", "8/2/2025"),
            (
                "Mia was three months old on 9 January 2025 when",
                "9 January 2025",
            ),
            ("Her birthday is 6/12 and she wants cake.", "6/12"),
            ("She was induced on 2/27 after a wait.", "2/27"),
        ],
    );
    nothing_flagged("Born at 34 weeks, Apgars 8/9. Visit 4/9 at 10, stubborn 3/4/2025.");
    nothing_flagged("On 12/03/2025 I visited for the first time.");
    nothing_flagged("He was born in June. On 3/2/2025 we met again.");
    nothing_flagged("Her birthday is in March.");
}

#[test]
fn record_numbers_labelled_or_shaped_are_flagged() {
    assert_finds(
        FindingKind::RecordNumber,
        &[
            ("MRN 4471902 on the letter", "4471902"),
            ("case no. 22-1187 was on the folder", "22-1187"),
            ("Patient ID: HX448210.", "HX448210"),
            ("Referral number #30917 went astray", "#30917"),
            ("NHS number 485 777 3456 on it", "485 777 3456"),
            ("an SSN (078-05-1120) on the form", "078-05-1120"),
            ("code WX5521873 at the top", "WX5521873"),
        ],
    );
}

#[test]
fn benefit_court_and_agency_numbers_after_a_label_are_record_numbers() {
    assert_finds(
        FindingKind::RecordNumber,
        &[
            ("Medicaid 5521 0987 C was rejected", "5521 0987 C"),
            ("insurance card: member ID QRT 55 2019.", "QRT 55 2019"),
            ("the petition JD-25-0431 came", "JD-25-0431"),
            ("CPS report 3381 filed", "3381"),
            ("her WIC ID is 55102; the", "55102"),
            ("about case 5527 by Friday", "5527"),
            ("CPS case number 2023-JV-1187 again", "2023-JV-1187"),
        ],
    );
    nothing_flagged("CPT 90837 is not mine to bill; the report 2024 was late.");
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
fn first_names_and_unknown_words_at_a_sentence_start_are_names() {
    assert_eq!(
        flags("Ambrose is four weeks old.", FindingKind::PersonName),
        ["Ambrose"]
    );
    assert_eq!(
        flags(
            "Visit went well. Oksana might move.",
            FindingKind::PersonName
        ),
        ["Oksana"]
    );
    nothing_flagged("Tylenol given at noon. Somalia, Poland and Mexico were all there.");
    nothing_flagged("Mondays are hard. Saturdays in June are quiet. Junes here are hot.");
    nothing_flagged("I'll call back. She'll come. I've noticed it.");
    nothing_flagged("Realised it later. Organised the folder. Colour and behaviour.");
}

#[test]
fn ordinary_words_are_names_only_in_a_names_context() {
    assert_eq!(
        flags("Autumn and June are sisters.", FindingKind::PersonName),
        ["Autumn", "June"]
    );
    assert_eq!(
        flags("Faith was cruising the couch.", FindingKind::PersonName),
        ["Faith"]
    );
    assert_eq!(
        flags(
            "We waited until baby Major grabbed the ring.",
            FindingKind::PersonName
        ),
        ["Major"]
    );
    assert_eq!(
        flags(
            "The boy, Bishop, who bites, is two.",
            FindingKind::PersonName
        ),
        ["Bishop"]
    );
    nothing_flagged("Hope is a discipline. Grace is not a strategy. Faith in this work.");
    nothing_flagged("June was the worst month. Will do the screen next time.");
    nothing_flagged("Policy says parents need ID. Major League dreams.");
}

#[test]
fn a_word_named_once_is_named_everywhere_in_the_text() {
    assert_eq!(
        flags(
            "Rose got baby Mateo a place. Rose cried after. We saw roses.",
            FindingKind::PersonName
        ),
        ["Rose", "Mateo", "Rose"]
    );
    assert_eq!(
        flags(
            "baby noor slept. noor woke at two.",
            FindingKind::PersonName
        ),
        ["noor", "noor"]
    );
}

#[test]
fn initials_next_to_a_role_a_verb_or_in_brackets_are_names() {
    assert_finds(
        FindingKind::PersonName,
        &[
            ("RB said she was done.", "RB"),
            ("T.W. stayed in the kitchen.", "T.W."),
            ("Her partner (K.) was quiet.", "K."),
            ("mom (J.) was quiet.", "J."),
            ("t.w. (dad) called twice.", "t.w."),
            ("I sat with DK for an hour.", "DK"),
            ("baby J slept through.", "J"),
            ("We saw Ms. D again.", "Ms. D"),
        ],
    );
    nothing_flagged("PSI came back high, e.g. at 9 a.m. SW aware, OT aware.");
    nothing_flagged("Plan B. Part C, then the ASQ (ASQ-3) and the EPDS.");
}

#[test]
fn lower_case_names_in_a_strong_context_and_caseless_scripts_are_names() {
    assert_eq!(
        flags("we met baby keke today", FindingKind::PersonName),
        ["keke"]
    );
    assert_eq!(
        flags("a girl named lola, who sings", FindingKind::PersonName),
        ["lola"]
    );
    nothing_flagged("baby girl was fussy, then baby brother cried");
    assert_eq!(
        flags("She wrote ليلى for me.", FindingKind::PersonName),
        ["ليلى"]
    );
    assert_eq!(
        flags("Grandma (王阿姨) lives with them.", FindingKind::PersonName),
        ["王阿姨"]
    );
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
fn named_places_are_places_and_generic_ones_are_not_flagged() {
    for (text, place) in [
        (
            "We met at the Greenway Community Center.",
            "Greenway Community Center",
        ),
        ("They are staying at Hope House for now.", "Hope House"),
        (
            "Mom found a bed at Oakwood Family Refuge.",
            "Oakwood Family Refuge",
        ),
        (
            "He drives for Okafor Brothers Trucking.",
            "Okafor Brothers Trucking",
        ),
        (
            "Baby is at Valley Children's Hospital.",
            "Valley Children's Hospital",
        ),
        (
            "She starts at Maplewood Elementary in fall.",
            "Maplewood Elementary",
        ),
        (
            "They live at Cedar Ridge Mobile Home Park.",
            "Cedar Ridge Mobile Home Park",
        ),
        ("Christened at St. Brigid's last spring.", "St. Brigid"),
    ] {
        assert_eq!(flags(text, FindingKind::Place), [place], "{text}");
        assert!(flags(text, FindingKind::PersonName).is_empty(), "{text}");
    }
    assert_finds(
        FindingKind::Place,
        &[
            ("She works at Kroger on weekends.", "Kroger"),
            ("He started at Kindercare on Monday.", "Kindercare"),
            ("They are staying at the Budget Inn for now.", "Budget Inn"),
            (
                "The kids go to Central Elementary now.",
                "Central Elementary",
            ),
        ],
    );
    nothing_flagged("She works at night and stays at Grandma's on Mondays.");
    nothing_flagged("The Community Health Center and Family Child Care both called.");
    nothing_flagged("Early Head Start and the NICU, then Sunday School.");
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
fn short_fields_read_initials_first_names_and_lower_case_names_as_names() {
    let field = |text: &str| -> Vec<String> {
        scan_field(text, &AllowList::default())
            .into_iter()
            .map(|f| f.text)
            .collect()
    };
    for name in ["RB", "T.W.", "Faith", "Keisha", "keke", "Dr. Osei"] {
        assert_eq!(field(name), [name], "{name}");
    }
    for quiet in [
        "F12", "FAM-7", "R3", "feeding", "NICU", "sleep", "Family B", "June",
    ] {
        assert!(field(quiet).is_empty(), "{quiet}: {:?}", field(quiet));
    }
    assert!(scan_field("keke", &AllowList::new(["keke"])).is_empty());
    // Prose is read as before.
    assert!(scan("RB", &AllowList::default()).is_empty());
}

#[test]
fn regular_inflections_of_listed_words_are_words() {
    for w in [
        "cried", "walking", "babies", "stopped", "happier", "quickly", "reading",
    ] {
        assert!(lexicon::is_word(w), "{w}");
    }
    for name in ["keisha", "harpreet", "noor"] {
        assert!(!lexicon::is_word(name), "{name}");
    }
    assert_eq!(lexicon::class("Harding"), lexicon::Class::Proper);
    assert_eq!(lexicon::class("Faith"), lexicon::Class::WordName);
    assert_eq!(lexicon::class("June"), lexicon::Class::Soft);
    assert_eq!(lexicon::class("Keisha"), lexicon::Class::FirstName);
}

#[test]
fn the_built_word_lists_are_lower_case_words_one_a_line() {
    for (name, list, at_least) in [
        ("first names", lexicon::FIRST_NAMES, 5000),
        ("surnames", lexicon::SURNAMES, 10_000),
        ("english words", lexicon::ENGLISH_WORDS, 25_000),
        ("proper nouns", lexicon::PROPER_NOUNS, 5000),
        ("place words", lexicon::PLACE_WORDS, 50),
        ("generic place words", lexicon::PLACE_GENERIC, 30),
        (
            "places that are first names",
            lexicon::PLACE_FIRST_NAMES,
            30,
        ),
        ("big places", lexicon::BIG_PLACES, 1000),
    ] {
        let mut n = 0;
        for line in list
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            assert!(
                !line.contains(' ') && line == line.to_lowercase(),
                "{name}: {line:?}"
            );
            n += 1;
        }
        assert!(n >= at_least, "{name}: {n} words");
    }
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
    for line in lexicon::COMMON_WORDS.lines() {
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
fn the_hand_written_lists_are_lower_case_words_without_repeats() {
    for (name, list, at_least) in [
        ("world words", lexicon::WORLD_WORDS, 5000),
        ("months", lexicon::MONTHS, 1500),
        ("peoples", lexicon::PEOPLES, 800),
        ("festival words", lexicon::FESTIVAL_WORDS, 20),
        ("town endings", lexicon::TOWN_ENDINGS, 20),
        ("portuguese words", lexicon::PORTUGUESE_WORDS, 4000),
    ] {
        let mut seen = std::collections::HashSet::new();
        for line in list
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let w = line.trim_end_matches('*');
            assert!(
                !w.contains(char::is_whitespace) && w == w.to_lowercase(),
                "{name}: {line:?}"
            );
            assert!(seen.insert(w), "{name}: listed twice: {w}");
        }
        assert!(seen.len() >= at_least, "{name}: {} words", seen.len());
    }
    // Only the months sub-groups feed the date pattern: not "tarehe" (date), not weekdays.
    let months: Vec<&str> = lexicon::month_words().collect();
    assert!(months.len() > 700, "{}", months.len());
    for w in [
        "kwietnia",
        "листопада",
        "julai",
        "martie",
        "spalio",
        "maart",
        "mei",
    ] {
        assert!(months.contains(&w), "{w}");
    }
    for w in ["tarehe", "selasa", "sondag", "jumatatu"] {
        assert!(!months.contains(&w), "{w}");
    }
}

#[test]
fn the_town_name_words_are_capitalised_words_without_repeats() {
    for (name, list) in [
        ("town heads", lexicon::TOWN_HEADS),
        ("town fronts", lexicon::TOWN_FRONTS),
    ] {
        let mut seen = std::collections::HashSet::new();
        for w in lexicon::entries(list) {
            assert!(
                w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic),
                "{name}: {w:?}"
            );
            assert!(seen.insert(w), "{name}: listed twice: {w}");
        }
        assert!(seen.len() >= 10, "{name}: {} words", seen.len());
    }
    // Read where a place is expected: a town word begins or ends the town's name.
    assert!(lexicon::is_town_head("Hill") && !lexicon::is_town_head("hill"));
    assert!(lexicon::is_town_front("Mount"));
}

#[test]
fn dates_written_in_other_languages_are_birth_dates_after_a_birth_word() {
    assert_finds(
        FindingKind::BirthDate,
        &[
            ("Baby born 12 martie 2025 at the Royal.", "12 martie 2025"),
            ("DOB 3 kwietnia, she wrote it herself.", "3 kwietnia"),
            ("He was born 9 листопада 2024 at home.", "9 листопада 2024"),
            ("Baby Nurul born Selasa, 2 Julai 2024.", "2 Julai 2024"),
            (
                "Her birthday: 2024 m. spalio 7 d. in the diary.",
                "2024 m. spalio 7 d",
            ),
            ("Born 14 Machi, the third child.", "14 Machi"),
            ("Born 5. listopadu 2023 in Brno.", "5. listopadu 2023"),
        ],
    );
    // A month without a birth word is a visit's date, and a weekday is no name.
    nothing_flagged("Next visit 12 martie, after the clinic.");
    nothing_flagged("Sondag is church, so we moved the visit to Maandag.");
}

#[test]
fn names_of_languages_and_peoples_are_not_names() {
    nothing_flagged("She speaks Sesotho and isiZulu, and a bit of Setswana with the grandmother.");
    nothing_flagged("A Kalenjin name, he said, and the Hokkien grandmother agreed.");
    // A given name that looks like a listed word's plural is still a name.
    assert_eq!(
        flags("Marcus told me the baby slept.", FindingKind::PersonName),
        vec!["Marcus"]
    );
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

/// Issue 14, second round: names in the habits practitioners write them in.
#[test]
fn names_introduced_by_relatives_roles_and_birth_are_found() {
    for (text, name) in [
        ("Hope was born at 30 weeks and startles easily.", "Hope"),
        ("Will (dad) jokes every time I suggest something.", "Will"),
        ("Destiny told me she named the baby Journey.", "Destiny"),
        ("Destiny told me she named the baby Journey.", "Journey"),
        (
            "Precious and baby Zion are staying with her aunt.",
            "Precious",
        ),
        ("Sat with Aaliyah and baby Journey tonight.", "Aaliyah"),
        ("my name's Precious but everyone calls me Pree.", "Pree"),
        ("Baby's name is King, she said.", "King"),
        (
            "She asked about the Castillo baby before rounds.",
            "Castillo",
        ),
        ("She said the Alvarez case wears her out.", "Alvarez"),
        ("Her husband Min-ho came to the visit.", "Min-ho"),
        ("Sung-min asked to use my phone.", "Sung-min"),
        ("Texted Jade the link she asked about.", "Jade"),
        ("Mom is Shayla; baby is Zion.", "Shayla"),
        ("Grace and her twin turned one this week.", "Grace"),
    ] {
        assert!(
            flags(text, FindingKind::PersonName)
                .iter()
                .any(|f| f == name),
            "{text:?}: {:?}",
            flags(text, FindingKind::PersonName)
        );
    }
    for (text, name) in [
        ("dre was asleep when I got there.", "dre"),
        ("mom (tasha) said let him sleep.", "tasha"),
        ("Worked with abuela rosa today.", "rosa"),
        ("pt DL, 29+3, delivered by C/S.", "DL"),
        ("\"JT reminds me of my brother.\"", "JT"),
        ("I asked T. about her sleep.", "T."),
    ] {
        assert!(
            flags(text, FindingKind::PersonName)
                .iter()
                .any(|f| f.contains(name)),
            "{text:?}: {:?}",
            flags(text, FindingKind::PersonName)
        );
    }
}

#[test]
fn labels_titles_languages_and_kinship_words_are_not_names() {
    assert!(flags(
        "Client ID: QZ771209 is on the form, child ID 6620 on the other.",
        FindingKind::PersonName
    )
    .is_empty());
    nothing_flagged("We used the Newborn Behavioral Observations today.");
    nothing_flagged("Faith came up in group today.");
    nothing_flagged("Mom speaks K'iche' and dad speaks Ojibwe at home.");
    nothing_flagged("Generational stuff, but also generational skill.");
    nothing_flagged("Surfactant x1. Handoff at 7.");
    nothing_flagged("Grandma (奶奶) held the baby; 엄마 smiled.");
    assert_eq!(
        flags("Her friend 美玲 translates.", FindingKind::PersonName),
        ["美玲"]
    );
    nothing_flagged("Her grandmother in Houston keeps calling; the family is from Georgia.");
    nothing_flagged("A Check-in and a Follow-up, then the Sit-down.");
}

#[test]
fn birth_dates_after_delivery_words_and_ages_on_a_date_are_found() {
    assert_finds(
        FindingKind::BirthDate,
        &[
            ("pt delivered 11/30 via C/S.", "11/30"),
            ("Twins, born Tuesday night, 7/22.", "7/22"),
            ("baby Hamza (DOB 9/1) lives with aunt.", "9/1"),
            ("On 3 April 2025 she was ten days old.", "3 April 2025"),
            (
                "When I met them on June 20, 2025 the twins were three weeks old.",
                "June 20, 2025",
            ),
        ],
    );
    nothing_flagged("Born at 34 weeks, Apgars 8/9.");
    nothing_flagged("On 3 April 2025 we met at the library.");
}

#[test]
fn phones_handles_and_rooms_in_a_shelter_are_found() {
    assert_eq!(
        flags("note:\ncell 5550142288\nbest after 6", FindingKind::Phone),
        ["5550142288"]
    );
    assert_eq!(
        flags(
            "off her insta, yoli.strong.mama. I'm angry.",
            FindingKind::SocialHandle
        ),
        ["yoli.strong.mama"]
    );
    assert_eq!(
        flags(
            "the Snapchat of the peer group she asked about: nicu.moms.circle",
            FindingKind::SocialHandle
        ),
        ["nicu.moms.circle"]
    );
    nothing_flagged("We went over the ASQ-3 and e.g. the sleep.log file.");
    assert_eq!(
        flags(
            "staying at Harbor Light Family House, Room 212, to pump.",
            FindingKind::StreetAddress
        ),
        ["Room 212"]
    );
    assert_eq!(
        flags(
            "Relocated to Dublin 8 near her cousin.",
            FindingKind::StreetAddress
        ),
        ["Dublin 8"]
    );
}

#[test]
fn places_led_by_their_kind_before_a_lower_case_place_word_and_small_towns_are_places() {
    assert_finds(
        FindingKind::Place,
        &[
            (
                "He brought the baby to Masjid al-Noor for the first time.",
                "Masjid al-Noor",
            ),
            (
                "The next visit is at Temple Beth Shalom.",
                "Temple Beth Shalom",
            ),
            ("Pastor at Greater Mt. Olive brings meals.", "Mt. Olive"),
            (
                "They moved to the Whispering Pines trailer park.",
                "Whispering Pines",
            ),
            (
                "Dawit works nights at Northgate Distribution.",
                "Northgate Distribution",
            ),
            (
                "She got into the program at Roosevelt High.",
                "Roosevelt High",
            ),
            ("Dad works at Miller's Tire & Lube.", "Miller's Tire & Lube"),
            ("Apt 3C at Sunnyside Courts.", "Sunnyside Courts"),
            ("She grew up in Tullahoma.", "Tullahoma"),
        ],
    );
    // The church and the town it names are both places.
    assert_eq!(
        flags(
            "She came to group at First Baptist of Cedar Hill.",
            FindingKind::Place
        ),
        ["First Baptist", "Cedar Hill"]
    );
    nothing_flagged("She was raised Baptist and goes to the high school.");
    assert!(flags(
        "Took Keisha to the park and Keisha school.",
        FindingKind::Place
    )
    .is_empty());
    nothing_flagged("Mom grew up in Chicago and moved here from Ottawa.");
}

#[test]
fn second_round_patterns_and_their_look_alikes() {
    assert_eq!(
        flags(
            "Called her at 1-614-555-0182 after lunch.",
            FindingKind::Phone
        ),
        ["1-614-555-0182"]
    );
    nothing_flagged("The helpline is 1-800-944-4773 or 888-555-0100, and 988 for crisis.");
    assert_eq!(
        flags(
            "They live at 4410 N. 5th Ave, upstairs.",
            FindingKind::StreetAddress
        ),
        ["4410 N. 5th Ave"]
    );
    assert_eq!(
        flags("Baby was b. 3/14/25 per the chart.", FindingKind::BirthDate),
        ["3/14/25"]
    );
    assert_eq!(
        flags(
            "He turned 6 months on 4/9 and rolled over.",
            FindingKind::BirthDate
        ),
        ["4/9"]
    );
    assert_eq!(
        flags("Her Medicaid # is 1234 5678 9.", FindingKind::RecordNumber),
        ["1234 5678 9"]
    );
    assert_eq!(
        flags(
            "Her DHS case 44812 has a new worker.",
            FindingKind::RecordNumber
        ),
        ["44812"]
    );
    assert_eq!(
        flags(
            "She delivered at Mercy and the nurses were kind.",
            FindingKind::Place
        ),
        ["Mercy"]
    );
    nothing_flagged("Dr. Brazelton and Dr. Winnicott would have liked this baby.");
    nothing_flagged("Mom is Baptist, dad is Mexican, and the baby is Catholic.");
    nothing_flagged("The Strengthening Families framework came up.");
}

#[test]
fn names_that_are_words_are_found_by_what_follows_them() {
    let cases = [
        ("Meadow 9 mo, pulling to stand on everything.", "Meadow"),
        ("Thorne 3yo kept hiding behind the couch.", "Thorne"),
        ("Big brother Orion (6) read to the baby.", "Orion"),
        ("Cove is the baby, Reed is the big bro.", "Cove"),
        ("Ember, her oldest, watched from the stairs.", "Ember"),
        ("The midwife, Juniper, stayed late.", "Juniper"),
        ("Sparrow n her mom were both asleep.", "Sparrow"),
        ("Canyon is crawling now and into everything.", "Canyon"),
        ("Valor screamed when the door slammed.", "Valor"),
    ];
    for (text, name) in cases {
        assert!(
            flags(text, FindingKind::PersonName).contains(&name.to_string()),
            "{text}: {:?}",
            scan(text, &AllowList::default())
        );
    }
}

#[test]
fn lower_case_nicknames_the_text_explains_are_names() {
    let text = "pickle is what grandma calls her. pickle is 10 mo now.";
    assert_eq!(flags(text, FindingKind::PersonName), ["pickle", "pickle"]);
    assert_eq!(
        flags(
            "noodle (goes by noodle at home) slept well.",
            FindingKind::PersonName
        ),
        ["noodle", "noodle"]
    );
    // The same word as a word is left alone.
    nothing_flagged("We had a pickle and a sandwich in the car.");
}

#[test]
fn typos_and_text_speak_after_a_family_word_are_not_names() {
    nothing_flagged("mom exausted, dad didnt say much, baby fine.");
    nothing_flagged("MGM and FOB both came; sis was at school.");
}

#[test]
fn named_organisations_towns_and_childcare_are_places() {
    let cases = [
        (
            "She works at Quillfield Regional now.",
            "Quillfield Regional",
        ),
        (
            "Referred to Umbali Family Support last week.",
            "Umbali Family Support",
        ),
        (
            "They stayed at the House of Mercy for a month.",
            "House of Mercy",
        ),
        (
            "The baby goes to Little Pinecones three days a week.",
            "Little Pinecones",
        ),
        ("Her aunt lives in Tarrow Falls.", "Tarrow Falls"),
        (
            "They moved to Brackley, Manitoba in the spring.",
            "Brackley",
        ),
        ("We met at the Ostley branch library.", "Ostley"),
    ];
    for (text, place) in cases {
        let found = flags(text, FindingKind::Place);
        assert!(
            found.iter().any(|f| f.contains(place)),
            "{text}: {:?}",
            scan(text, &AllowList::default())
        );
    }
    // Generic names and frameworks stay quiet.
    nothing_flagged("Child Protective Services and Early Intervention both called.");
    nothing_flagged("We used Positive Behavior Support ideas and the Family Support plan.");
}

#[test]
fn a_day_alone_after_a_birth_word_is_a_birth_date() {
    assert_eq!(
        flags(
            "She was born on the 17th, a week early.",
            FindingKind::BirthDate
        ),
        ["the 17th"]
    );
    assert_eq!(
        flags(
            "He turned two on the 5th and we had cake.",
            FindingKind::BirthDate
        ),
        ["the 5th"]
    );
    assert!(flags(
        "The second birthday party is next week.",
        FindingKind::BirthDate
    )
    .is_empty());
    assert!(flags("Visit on the 17th went well.", FindingKind::BirthDate).is_empty());
}

#[test]
fn labelled_numbers_postal_and_rural_addresses_are_found() {
    assert_eq!(
        flags(
            "Her locker number 88231 is on the tag.",
            FindingKind::RecordNumber
        ),
        ["locker number 88231"]
    );
    // Found by its shape (the label is not part of the highlight, which is fine).
    let found = flags(
        "Plan ref 2024/CP/00412 was reviewed.",
        FindingKind::RecordNumber,
    );
    assert!(
        found.len() == 1 && found[0].contains("2024/CP/00412"),
        "{found:?}"
    );
    assert!(flags(
        "Her phone number 555-0147 works.",
        FindingKind::RecordNumber
    )
    .is_empty());
    assert_finds(
        FindingKind::StreetAddress,
        &[
            ("Mail to HC 71 Box 9 please.", "HC 71 Box 9"),
            (
                "Mail to General Delivery, Oakvale now.",
                "General Delivery, Oakvale",
            ),
            (
                "Send it to PO Box 88, Birch Hollow today.",
                "PO Box 88, Birch Hollow",
            ),
        ],
    );
}

// Round four (issue 14): each rule with a positive and a look-alike negative.

#[test]
fn phones_with_typographic_separators_are_phones() {
    // A non-breaking hyphen, an en dash and a middle dot, as phones and word processors write.
    assert_eq!(
        flags(
            "the landlord's line is 555\u{2011}0191 now",
            FindingKind::Phone
        ),
        ["555\u{2011}0191"]
    );
    assert_eq!(
        flags(
            "reach auntie at 555–555–0164 after work",
            FindingKind::Phone
        ),
        ["555–555–0164"]
    );
    assert_eq!(
        flags("grandpa's cell 555·555·0177", FindingKind::Phone),
        ["555·555·0177"]
    );
    // A range of years with an en dash is not a number.
    assert!(flags(
        "the lease ran 2019–2024 with no trouble",
        FindingKind::Phone
    )
    .is_empty());
}

#[test]
fn reddit_users_are_handles_but_clinical_slashes_are_not() {
    assert_eq!(
        flags(
            "she vents as u/nightfeeds_forever on there",
            FindingKind::SocialHandle
        ),
        ["u/nightfeeds_forever"]
    );
    nothing_flagged("the u/s at 20 weeks was normal and w/u showed nothing.");
}

#[test]
fn medicaid_numbers_after_ma_are_record_numbers() {
    assert_eq!(
        flags(
            "her card reads MA# 3301 8842 on the front",
            FindingKind::RecordNumber
        ),
        ["3301 8842"]
    );
    assert_eq!(
        flags(
            "MA 7712 0093 15 is the one on file",
            FindingKind::RecordNumber
        ),
        ["7712 0093 15"]
    );
    // The medical assistant with a small count is not a number on a file.
    assert!(flags("the MA saw 12 babies today", FindingKind::RecordNumber).is_empty());
}

#[test]
fn birth_days_in_words_holidays_and_dotted_dob_are_birth_dates() {
    assert_eq!(
        flags(
            "she turned one on the 11th of April with cake everywhere",
            FindingKind::BirthDate
        ),
        ["on the 11th of April"]
    );
    assert_eq!(
        flags(
            "the baby was born on New Year's Eve in the snow",
            FindingKind::BirthDate
        ),
        ["New Year's Eve"]
    );
    assert_eq!(
        flags(
            "her d.o.b. is 2/19/25 per the clinic",
            FindingKind::BirthDate
        ),
        ["2/19/25"]
    );
    assert_eq!(
        flags(
            "he was born the 4th right before dawn",
            FindingKind::BirthDate
        ),
        ["the 4th"]
    );
    // Christmas Eve without a birth word is a holiday, and not a person called Eve.
    nothing_flagged("We skipped the visit on Christmas Eve because of the roads.");
}

#[test]
fn a_discharge_due_or_visit_date_after_the_birth_word_is_not_the_birth() {
    assert!(flags(
        "Born at 31 weeks; d/c Mar 3 after five weeks inside.",
        FindingKind::BirthDate
    )
    .is_empty());
    assert!(flags(
        "She was born early, and the next visit is April 2.",
        FindingKind::BirthDate
    )
    .is_empty());
    assert_eq!(
        flags(
            "Born Oct 4 (due Nov 20), so corrected age matters.",
            FindingKind::BirthDate
        ),
        ["Oct 4"]
    );
}

#[test]
fn streets_named_without_a_house_number_are_addresses() {
    assert_eq!(
        flags(
            "the grandparents live out on Cottonwood Road by the ditch",
            FindingKind::StreetAddress
        ),
        ["Cottonwood Road"]
    );
    assert_eq!(
        flags(
            "a room off Pemberton Ave for now",
            FindingKind::StreetAddress
        ),
        ["Pemberton Ave"]
    );
    assert_eq!(
        flags(
            "the aunt's place at 88 Calle Robles is full",
            FindingKind::StreetAddress
        ),
        ["88 Calle Robles"]
    );
    // A court and a complex are not streets here.
    assert!(flags(
        "the hearing is up in Family Court next week",
        FindingKind::StreetAddress
    )
    .is_empty());
    assert!(flags(
        "we walked past the Maple Terrace apartments together",
        FindingKind::StreetAddress
    )
    .is_empty());
}

#[test]
fn rooms_in_a_residence_are_addresses() {
    assert_eq!(
        flags(
            "She has Room 14 at the Elm Street Women's Residence.",
            FindingKind::StreetAddress
        ),
        ["Room 14"]
    );
    assert!(flags(
        "Room 14 at the hospital was loud.",
        FindingKind::StreetAddress
    )
    .is_empty());
}

#[test]
fn rural_towns_farms_halls_and_spanish_place_names_are_places() {
    assert_eq!(
        flags(
            "her dad lives out past Fourmile with the horses",
            FindingKind::Place
        ),
        ["Fourmile"]
    );
    assert_eq!(
        flags(
            "they camp near Jackrabbit Wells in summer",
            FindingKind::Place
        ),
        ["Jackrabbit Wells"]
    );
    assert_eq!(
        flags(
            "he milks at the Brandvold dairy before dawn",
            FindingKind::Place
        ),
        ["Brandvold"]
    );
    assert_eq!(
        flags(
            "the baby stays at Casa de las Flores while mom works",
            FindingKind::Place
        ),
        ["Casa de las Flores"]
    );
    assert_eq!(
        flags(
            "she got a spot at Northfield Head Start",
            FindingKind::Place
        ),
        ["Northfield Head Start"]
    );
    assert_eq!(
        flags(
            "dad pumps gas at the Cedar Ridge Truck Stop",
            FindingKind::Place
        ),
        ["Cedar Ridge Truck Stop"]
    );
    // Generic names name no place; a dictionary city with an accent is a city.
    nothing_flagged("She qualifies for Early Head Start and a truck stop job.");
    assert!(flags("the family moved from Québec last year", FindingKind::Place).is_empty());
}

#[test]
fn note_shorthand_nationalities_and_twin_letters_are_not_names() {
    nothing_flagged("Mtg moved. Ctr staff tired. Reframed it as a stress response.");
    nothing_flagged("Twin A fed well; Twin B spit up twice.");
    nothing_flagged("The grandmother is Guatemalan and the dad is Scottish.");
    nothing_flagged("I DM'd the coordinator about the gap in coverage.");
    // A country before a relative is a place, not a person.
    assert!(flags(
        "Her aunt is in Peru and mom calls daily.",
        FindingKind::PersonName
    )
    .is_empty());
    // A letter after "baby" is still an initial.
    assert_eq!(flags("baby R was fussy", FindingKind::PersonName), ["R"]);
}

#[test]
fn names_before_a_note_bracket_or_joined_by_plus_are_names() {
    assert_eq!(
        flags(
            "Patience (ex-27wk, 11 mo) rolls both ways now.",
            FindingKind::PersonName
        ),
        ["Patience"]
    );
    assert_eq!(
        flags(
            "Ember + Hazel (twins, 6 mo) nap at the same time.",
            FindingKind::PersonName
        ),
        ["Ember", "Hazel"]
    );
    assert_eq!(
        flags(
            "Summer told us the heat is off again.",
            FindingKind::PersonName
        ),
        ["Summer"]
    );
    assert_eq!(
        flags(
            "Ranger and Bishop are the two boys upstairs.",
            FindingKind::PersonName
        ),
        ["Ranger", "Bishop"]
    );
    assert_eq!(
        flags(
            "Fox is the baby's name, after a song.",
            FindingKind::PersonName
        ),
        ["Fox"]
    );
    assert_eq!(
        flags("TK is what the aunt calls her.", FindingKind::PersonName),
        ["TK"]
    );
    // A time after a place and the season as a topic are not names.
    assert!(flags("They left Lebanon 3 mo ago.", FindingKind::PersonName).is_empty());
    nothing_flagged("Summer is hard on the family without air conditioning.");
}

#[test]
fn rural_town_heads_count_only_after_a_word_of_place() {
    assert_eq!(
        flags(
            "the bus only comes to Saltbush Gap on Fridays",
            FindingKind::Place
        ),
        ["Saltbush Gap"]
    );
    assert_eq!(
        flags(
            "her people are from Dry Wash Flats originally",
            FindingKind::Place
        ),
        ["Dry Wash Flats"]
    );
    nothing_flagged("We talked about the Achievement Gap and the Word Gap in training.");
}

#[test]
fn a_meal_program_table_needs_its_possessive_and_sayings_are_not_streets() {
    assert_eq!(
        flags(
            "they eat lunch at Miriam's Table most days",
            FindingKind::Place
        ),
        ["Miriam's Table"]
    );
    nothing_flagged("We had a Round Table on reflective practice.");
    nothing_flagged("We took a trip down Memory Lane with the NICU photos.");
}

#[test]
fn a_visit_date_after_a_birth_word_and_a_city_after_moved_to_are_not_flagged() {
    assert!(flags(
        "The baby was born at home; we visited on Halloween.",
        FindingKind::BirthDate
    )
    .is_empty());
    assert_eq!(
        flags(
            "Born 6/1, seen 6/8 for a weight check.",
            FindingKind::BirthDate
        ),
        ["6/1"]
    );
    nothing_flagged("They moved to Houston after the flood.");
    assert_eq!(
        flags("Houston moved to the back room.", FindingKind::PersonName),
        ["Houston"]
    );
}

#[test]
fn a_role_with_plain_describing_words_after_is_makes_a_name() {
    assert_eq!(
        flags(
            "Meadow is a sleepy baby in the mornings.",
            FindingKind::PersonName
        ),
        ["Meadow"]
    );
    nothing_flagged("Patience is a big part of this work.");
    nothing_flagged("Hope is a strong word for it.");
}

#[test]
fn a_noun_then_another_phrase_is_not_a_role_after_is() {
    nothing_flagged("Journey is the word my supervisor uses for it.");
}

#[test]
fn doula_birth_words_and_birth_work_shorthand() {
    assert_eq!(
        flags(
            "Her son came earthside on May 30 at dawn.",
            FindingKind::BirthDate
        ),
        ["May 30"]
    );
    assert_eq!(
        flags(
            "The twins entered the world on Sept 12.",
            FindingKind::BirthDate
        ),
        ["Sept 12"]
    );
    // A due date and a labour note are not births; EDD and DT are not initials.
    nothing_flagged("EDD was 8/14; DT and I met after. Pitocin started at noon.");
}

#[test]
fn spanish_church_names_run_on_past_their_place_word() {
    assert_eq!(
        flags(
            "They go to Iglesia Bautista Rios de Agua Viva on Sundays.",
            FindingKind::Place
        ),
        ["Iglesia Bautista Rios de Agua Viva"]
    );
}

#[test]
fn towns_states_grid_numbers_and_bare_house_numbers_are_addresses() {
    assert_eq!(
        flags(
            "Send it to 14 Cedar Ln, Pine River MN.",
            FindingKind::StreetAddress
        ),
        ["14 Cedar Ln, Pine River MN"]
    );
    assert_eq!(
        flags(
            "The farm is at E2291 County Rd QQ.",
            FindingKind::StreetAddress
        ),
        ["E2291 County Rd QQ"]
    );
    assert_eq!(
        flags(
            "She lives at 1820 Wexley with her aunt.",
            FindingKind::StreetAddress
        ),
        ["1820 Wexley"]
    );
    assert_eq!(
        flags(
            "They rent at 3 Banksia Crt, Ballarat VIC 3350.",
            FindingKind::StreetAddress
        ),
        ["3 Banksia Crt, Ballarat VIC 3350"]
    );
    // A count of people or grams is not a house number.
    assert!(flags(
        "She lives near 400 Amish families and weighed in at 2900 Grams.",
        FindingKind::StreetAddress
    )
    .is_empty());
}

#[test]
fn abbreviation_shaped_initials_with_an_age_or_in_a_list_are_names() {
    assert_eq!(
        flags(
            "J.R. (4y) lines up his cars every visit.",
            FindingKind::PersonName
        ),
        ["J.R."]
    );
    assert_eq!(
        flags(
            "Forms still needed for P.M., K.T. and B.L.",
            FindingKind::PersonName
        ),
        ["P.M.", "K.T.", "B.L."]
    );
    // A time and a suffix stay what they are.
    nothing_flagged("We started at 10 A.M. and the P.M. group ran long.");
}

#[test]
fn a_role_between_a_name_and_a_speaking_verb_makes_a_name() {
    assert_eq!(
        flags(
            "Charity the aunt said she would drive them.",
            FindingKind::PersonName
        ),
        ["Charity"]
    );
    nothing_flagged("Hope the baby sleeps tonight.");
    nothing_flagged("Afterwards the mother asked about the report.");
}

#[test]
fn a_hospital_after_gave_birth_at_or_transferred_to_is_a_place() {
    assert_eq!(
        flags(
            "She gave birth at Holloway Regional after a long night.",
            FindingKind::Place
        ),
        ["Holloway Regional"]
    );
    assert_eq!(
        flags(
            "The baby was airlifted to Brentmoor Children's at six hours old.",
            FindingKind::Place
        ),
        ["Brentmoor Children"]
    );
    nothing_flagged("She was admitted to Labor and Delivery at noon and gave birth at home.");
}

#[test]
fn a_profile_name_after_facebook_is_runs_to_four_more_capitalised_words() {
    assert_eq!(
        flags(
            "her Facebook is Dulce Mtz Mama De Cuatro and I declined",
            FindingKind::SocialHandle
        ),
        ["Dulce Mtz Mama De Cuatro"]
    );
    // A lower-case word ends it.
    assert_eq!(
        flags(
            "her Facebook is Dulce and she posts a lot",
            FindingKind::SocialHandle
        ),
        ["Dulce"]
    );
}

#[test]
fn reminding_someone_and_the_two_oldest_make_names() {
    assert_eq!(
        flags(
            "Afterwards I reminded Destiny that group is Thursday.",
            FindingKind::PersonName
        ),
        ["Destiny"]
    );
    assert_eq!(
        flags(
            "Harmony and Ransom are the two youngest.",
            FindingKind::PersonName
        ),
        ["Harmony", "Ransom"]
    );
    nothing_flagged("We encouraged Play and Rest as routines.");
    nothing_flagged("Saturday and Sunday are the two hardest days.");
}

#[test]
fn dictated_numbers_with_o_double_and_triple_are_phone_or_record_numbers() {
    assert_finds(
        FindingKind::Phone,
        &[
            (
                "Her new cell is five five five, o one two six and she wants a text first.",
                "five five five, o one two six",
            ),
            (
                "Ring nan on oh two one, double four, six eight one.",
                "oh two one, double four, six eight one",
            ),
        ],
    );
    assert_finds(
        FindingKind::RecordNumber,
        &[
            (
                "The worker read out case number four one one eight twice.",
                "case number four one one eight",
            ),
            (
                "Her petition is JD two six zero one nine and it got moved.",
                "petition is JD two six zero one nine",
            ),
        ],
    );
    // Scores, counts and counting out loud stay unflagged.
    nothing_flagged("She scored one two on the screen and the baby is two weeks old.");
    nothing_flagged("We counted one two three four five six seven and breathed.");
    nothing_flagged("The case number is not assigned yet.");
}

#[test]
fn a_room_or_lot_by_a_named_place_is_an_address_but_a_ward_room_is_not() {
    assert_eq!(
        flags(
            "They are in room 9 at the Bluebird until Friday.",
            FindingKind::StreetAddress
        ),
        ["room 9"]
    );
    assert_eq!(
        flags(
            "She is back out at Cottonwood, lot 12, with her mum.",
            FindingKind::StreetAddress
        ),
        ["lot 12"]
    );
    assert!(flags("We met in room 4 on the ward.", FindingKind::StreetAddress).is_empty());
    assert!(flags(
        "Unit 3 of the course is on repair.",
        FindingKind::StreetAddress
    )
    .is_empty());
    assert!(flags(
        "Room 12 at the clinic has a rocker.",
        FindingKind::StreetAddress
    )
    .is_empty());
}

#[test]
fn postal_boxes_and_rural_routes_read_out_in_words_are_addresses() {
    assert_finds(
        FindingKind::StreetAddress,
        &[
            ("Post goes to PO Box sixty-two in town.", "PO Box sixty-two"),
            ("She wrote RR number three on the form.", "RR number three"),
            ("The courier finds RD 4 if you ring first.", "RD 4"),
        ],
    );
}

#[test]
fn births_on_holidays_and_named_weekdays_are_dates_of_birth() {
    assert_finds(
        FindingKind::BirthDate,
        &[
            (
                "He was born the week after Easter, early.",
                "the week after Easter",
            ),
            (
                "The baby arrived on Waitangi Day in the rain.",
                "Waitangi Day",
            ),
            (
                "She was delivered Friday the 9th at 35 weeks.",
                "Friday the 9th",
            ),
        ],
    );
    // A holiday or a day with no birth word is a date like any other.
    nothing_flagged("We have no visits the week after Easter.");
    nothing_flagged("The next visit is Friday the 9th.");
}

#[test]
fn code_switched_spanish_is_read_as_words_not_names() {
    nothing_flagged("Mamá dice que el bebé no quiere comer y ella está muy cansada.");
    nothing_flagged("Hablamos de la lactancia. Poco a poco, le dije, and she smiled.");
    nothing_flagged("Después de la visita I sat in the car; hoy fue difícil, pura esperanza.");
    // "Lê" is a Vietnamese name, not the Spanish "le".
    let le = flags("Mrs Lê said the baby sleeps now.", FindingKind::PersonName);
    assert!(le.iter().any(|f| f.contains("Lê")), "{le:?}");
    // A word that is also a first name, after a Spanish word for a relative.
    assert_eq!(
        flags(
            "She left the baby with abuela rosa on Tuesdays.",
            FindingKind::PersonName
        ),
        ["rosa"]
    );
}

#[test]
fn spanish_dates_numbers_streets_and_display_names_are_found() {
    assert_eq!(
        flags(
            "La niña nació el 14 de febrero en la madrugada.",
            FindingKind::BirthDate
        ),
        ["el 14 de febrero"]
    );
    assert_eq!(
        flags("Su cumpleaños es el dos de marzo.", FindingKind::BirthDate),
        ["el dos de marzo"]
    );
    nothing_flagged("La cita es el 14 de febrero a las diez.");
    assert_eq!(
        flags(
            "Su número es cinco cinco cinco cero uno dos siete.",
            FindingKind::Phone
        ),
        ["cinco cinco cinco cero uno dos siete"]
    );
    assert_eq!(
        flags(
            "They lived at Calle Hidalgo 318 before.",
            FindingKind::StreetAddress
        ),
        ["Calle Hidalgo 318"]
    );
    assert_eq!(
        flags(
            "Her WhatsApp name is Mami de Santi and she posts daily.",
            FindingKind::SocialHandle
        ),
        ["Mami de Santi"]
    );
}

#[test]
fn spanish_shops_addresses_records_and_spelled_emails_are_found() {
    assert_eq!(
        flags(
            "Dad works at Panadería La Estrella most nights.",
            FindingKind::Place
        ),
        ["Panadería La Estrella"]
    );
    assert_eq!(
        flags(
            "They lived at calle 7 #88, Colonia Las Rosas before.",
            FindingKind::StreetAddress
        ),
        ["calle 7 #88, Colonia Las Rosas"]
    );
    assert_eq!(
        flags(
            "Her number is in expediente 2025-AB-0102 at the office.",
            FindingKind::RecordNumber
        ),
        ["2025-AB-0102"]
    );
    assert_eq!(
        flags(
            "I wrote IR 25-0777 after the fall.",
            FindingKind::RecordNumber
        ),
        ["25-0777"]
    );
    assert_eq!(
        flags(
            "Write to ana.lopez arroba example punto com for the forms.",
            FindingKind::Email
        ),
        ["ana.lopez arroba example punto com"]
    );
    assert_eq!(
        flags(
            "The baby was born on Nochebuena at home.",
            FindingKind::BirthDate
        ),
        ["Nochebuena"]
    );
}

#[test]
fn classroom_words_and_spanish_verb_forms_are_not_names() {
    nothing_flagged("The Pre-K teachers kept the ratio all week.");
    nothing_flagged("Celebramos el bautizo. Platicamos mucho and she laughed.");
    nothing_flagged("Respeté su decisión, I told my supervisor.");
    // An -ando name is still a name.
    assert_eq!(
        flags("Armando said the baby sleeps.", FindingKind::PersonName),
        ["Armando"]
    );
}

#[test]
fn australian_phones_roadside_boxes_units_and_community_houses_are_found() {
    assert_eq!(
        flags("landline (02) 5550 0164 best after 4.", FindingKind::Phone),
        ["(02) 5550 0164"]
    );
    assert_eq!(
        flags(
            "new number 04 3855 5092, the old one's cut off.",
            FindingKind::Phone
        ),
        ["04 3855 5092"]
    );
    assert_eq!(
        flags(
            "RMB 88 out past the creek, a caravan and a shed.",
            FindingKind::StreetAddress
        ),
        ["RMB 88"]
    );
    assert_eq!(
        flags(
            "the pool on Marlin Pde had a free swim.",
            FindingKind::StreetAddress
        ),
        ["Marlin Pde"]
    );
    assert_eq!(
        flags(
            "flat at Kurrajong Gardens Unit 12 has mould again.",
            FindingKind::StreetAddress
        ),
        ["Unit 12"]
    );
    assert_eq!(
        flags(
            "House 27 at the community, big mob living there.",
            FindingKind::StreetAddress
        ),
        ["House 27"]
    );
    // A training unit, a named house's third room and houses counted stay quiet.
    nothing_flagged("we did unit 3 of the course today and she asked good questions.");
    assert!(flags("Hope House 3 was closed.", FindingKind::StreetAddress).is_empty());
    nothing_flagged("two houses down from the school there is a park.");
}

#[test]
fn block_flats_corners_stops_and_hyphenated_house_numbers_are_found() {
    assert_eq!(
        flags(
            "visit at the Villa Esperanza Apartments #208 today.",
            FindingKind::StreetAddress
        ),
        ["#208"]
    );
    assert!(flags(
        "visit at the Villa Esperanza Apartments #208 today.",
        FindingKind::RecordNumber
    )
    .is_empty());
    assert_eq!(
        flags(
            "did the visit at the library on Hawthorne and 112th.",
            FindingKind::StreetAddress
        ),
        ["Hawthorne and 112th"]
    );
    assert_eq!(
        flags(
            "they moved to 35-20 Linden Terr, 5F last week.",
            FindingKind::StreetAddress
        ),
        ["35-20 Linden Terr"]
    );
    assert_eq!(
        flags(
            "met her at the Ridgeway Av stop on the J.",
            FindingKind::Place
        ),
        ["Ridgeway Av"]
    );
    assert_eq!(
        flags("Linwood Houses again today.", FindingKind::Place),
        ["Linwood Houses"]
    );
    assert_eq!(
        flags("the counselor at Hollis Prep called.", FindingKind::Place),
        ["Hollis Prep"]
    );
    nothing_flagged("Supervision Prep is on Friday.");
}

#[test]
fn acronym_numbers_custody_numbers_and_australian_health_numbers_are_found() {
    assert_eq!(
        flags(
            "DCFS SCR# 2025-00417 still open.",
            FindingKind::RecordNumber
        ),
        ["SCR# 2025-00417"]
    );
    assert_eq!(
        flags(
            "he is away till spring, DIN 24-B-1183.",
            FindingKind::RecordNumber
        ),
        ["24-B-1183"]
    );
    assert_eq!(
        flags(
            "bub's IHI 8003 6081 2249 7713 wasn't linking.",
            FindingKind::RecordNumber
        ),
        ["8003 6081 2249 7713"]
    );
    assert_eq!(
        flags("mum's HCC 318 492 617A expired.", FindingKind::RecordNumber),
        ["318 492 617A"]
    );
}

#[test]
fn a_baby_coming_on_a_date_and_turning_an_age_on_it_are_births() {
    assert_eq!(
        flags(
            "the baby came October 9 at the hospital.",
            FindingKind::BirthDate
        ),
        ["October 9"]
    );
    assert_eq!(
        flags(
            "bub came on the 28th, a week past the due date.",
            FindingKind::BirthDate
        ),
        ["the 28th"]
    );
    assert_eq!(
        flags(
            "Yaw turned five Sept 3 and hides under the table.",
            FindingKind::BirthDate
        ),
        ["Sept 3"]
    );
    assert!(flags(
        "the baby came to group on 3/4 and slept.",
        FindingKind::BirthDate
    )
    .is_empty());
    assert!(flags(
        "she came October 9 for the training.",
        FindingKind::BirthDate
    )
    .is_empty());
}

#[test]
fn doubled_nicknames_lower_case_honorifics_and_repeated_initials_are_names() {
    assert_eq!(
        flags(
            "Bong texted a photo of Jun-Jun standing.",
            FindingKind::PersonName
        ),
        ["Bong", "Jun-Jun"]
    );
    assert_eq!(
        flags(
            "ray ray (dad) finally sat on the floor with her.",
            FindingKind::PersonName
        ),
        ["ray ray"]
    );
    assert_eq!(
        flags(
            "call ms oyelaran back re: the voucher.",
            FindingKind::PersonName
        ),
        ["ms oyelaran"]
    );
    assert_eq!(
        flags(
            "baby D has a flat spot and D's mom thinks it's her fault.",
            FindingKind::PersonName
        ),
        ["D", "D"]
    );
    assert_eq!(flags("bub M's mum rang.", FindingKind::PersonName), ["M"]);
    nothing_flagged("we sang night night and bye bye and she waved.");
    nothing_flagged("tsk tsk, said grandma, then they danced the cha-cha and ate mahi mahi.");
    // A bracket about a dog's name does not make the word before it a name.
    assert!(flags(
        "12 mo check, 8 words (mum says 12, one's the dog's name).",
        FindingKind::PersonName
    )
    .is_empty());
}

#[test]
fn french_kin_and_other_languages_words_are_read_as_words() {
    nothing_flagged(
        "Ensuite, la maman m'a dit que le bébé dormait mieux. Pourtant elle pleure encore.",
    );
    nothing_flagged("Aujourd'hui on a parlé de la garderie et du CLSC, bref une bonne visite.");
    nothing_flagged("Gave bub a bath and she settled. lola cried watching him crawl.");
    nothing_flagged("kuya held him while the nainai made congee.");
    // A French word with other accents is a name ("Lê" is not "le"), and a French word
    // that is a first name stays a name.
    let named = flags(
        "Aujourd'hui Lê Thi Mai est venue avec Claire.",
        FindingKind::PersonName,
    );
    assert!(named.iter().any(|f| f.contains("Lê")), "{named:?}");
    assert!(named.iter().any(|f| f == "Claire"), "{named:?}");
    // A kin word that is also a given name is still a name where a name is meant.
    assert_eq!(
        flags("Lola cried when I left.", FindingKind::PersonName),
        ["Lola"]
    );
}

#[test]
fn group_and_display_names_in_words_are_handles() {
    assert_eq!(
        flags(
            "Amara added me to a whatsapp group called Amara's Village with her cousins.",
            FindingKind::SocialHandle
        ),
        ["Amara's Village"]
    );
    assert_eq!(
        flags(
            "mum found me through the Wirrabool Mums & Bubs group on fb.",
            FindingKind::SocialHandle
        ),
        ["Wirrabool Mums & Bubs"]
    );
    assert_eq!(
        flags(
            "goes by Jessie Deadly Mumma on there.",
            FindingKind::SocialHandle
        ),
        ["Jessie Deadly Mumma"]
    );
    nothing_flagged("she joined a group called Circle of Security at the clinic.");
}

#[test]
fn a_baby_that_came_on_a_day_or_festival_is_a_birth_but_a_parent_coming_is_not() {
    assert_eq!(
        flags(
            "Noelle came Christmas Eve, the baby with the name to match.",
            FindingKind::BirthDate
        ),
        ["Christmas Eve"]
    );
    assert_eq!(
        flags(
            "Simran came on Canada Day at 4:12, the midwife said.",
            FindingKind::BirthDate
        ),
        ["Canada Day"]
    );
    assert_eq!(
        flags(
            "Baby turned one on Vaisakhi, so a double celebration.",
            FindingKind::BirthDate
        ),
        ["Vaisakhi"]
    );
    assert_eq!(
        flags(
            "She was born on the last day of Ramadan.",
            FindingKind::BirthDate
        ),
        ["the last day of Ramadan"]
    );
    assert_eq!(
        flags(
            "HV new birth visit. Baby boy, DOB 14.03. Mum exhausted.",
            FindingKind::BirthDate
        ),
        ["14.03"]
    );
    // A month of fasting is not a day; a parent coming and a weight are not births.
    assert!(flags(
        "She was born in Ramadan and the baby is fine.",
        FindingKind::BirthDate
    )
    .is_empty());
    assert!(flags(
        "Mom came June 3 to the clinic with the baby.",
        FindingKind::BirthDate
    )
    .is_empty());
    assert!(flags("Baby born 3.2 kg, feeding well.", FindingKind::BirthDate).is_empty());
    nothing_flagged(
        "Christmas, New Year's and Martin Luther King Day all fall in the worst month.",
    );
}

#[test]
fn app_groups_towers_floors_grids_and_plain_word_streets_are_found() {
    assert_eq!(
        flags(
            "Foster dad added me to the Yellowstone Kinship Grandparents Messenger chat.",
            FindingKind::SocialHandle
        ),
        ["Yellowstone Kinship Grandparents"]
    );
    assert!(flags(
        "She joined the Healthy Families Facebook group.",
        FindingKind::SocialHandle
    )
    .is_empty());
    assert_eq!(
        flags(
            "They're in the flats now, Tower 3, 19th floor.",
            FindingKind::StreetAddress
        ),
        ["Tower 3, 19th floor"]
    );
    assert_eq!(
        flags(
            "she carried the pram down from the 16th floor, the lift broke.",
            FindingKind::StreetAddress
        ),
        ["16th floor"]
    );
    assert!(flags("the NICU is on the 4th floor.", FindingKind::StreetAddress).is_empty());
    assert_eq!(
        flags(
            "moved to 1420 N 400 W last month.",
            FindingKind::StreetAddress
        ),
        ["1420 N 400 W"]
    );
    assert_eq!(
        flags(
            "the new place is 3320 17 Ave SE.",
            FindingKind::StreetAddress
        ),
        ["3320 17 Ave SE"]
    );
    assert_eq!(
        flags(
            "The family shelter on Front Street is full.",
            FindingKind::StreetAddress
        ),
        ["Front Street"]
    );
    assert!(flags(
        "The hearing is at Family Court on Tuesday.",
        FindingKind::StreetAddress
    )
    .is_empty());
}

#[test]
fn a_given_name_after_a_move_or_a_word_of_place_is_a_town() {
    for (text, town) in [
        ("Rhea came to the clinic in Palmer with the baby.", "Palmer"),
        ("They're moving to Enid where her brother is.", "Enid"),
        ("Mom is scared to go to Kapolei for court alone.", "Kapolei"),
        ("Flew into Allakaket with the nurse.", "Allakaket"),
        ("She lives in Bethel now.", "Bethel"),
    ] {
        assert_eq!(flags(text, FindingKind::Place), [town], "{text}");
        assert!(
            flags(text, FindingKind::PersonName)
                .iter()
                .all(|n| n != town),
            "{text}"
        );
    }
    // A person, not a town: seen in someone, gone to for help, leaned toward as a name.
    assert_finds(
        FindingKind::PersonName,
        &[
            ("I see a lot of myself in Maria.", "Maria"),
            ("He went to Grace for help.", "Grace"),
            ("She is leaning toward Aurora for the baby.", "Aurora"),
        ],
    );
}

#[test]
fn glottal_stops_and_macrons_do_not_hide_a_listed_word() {
    // The ʻokina, a typed ‘ or ' for it, and macrons: the lists spell these plainly.
    nothing_flagged("Tūtū came with us. Hawaiʻi is far from her sisters; Hawai‘i and Hawai'i too.");
    nothing_flagged("She speaks Yup'ik and Iñupiaq with aana. Tinā and Tamā came to church.");
    // A kin word that is a given name without its marks is still a name without them.
    assert_eq!(
        flags("Tina came to group.", FindingKind::PersonName),
        ["Tina"]
    );
    assert_eq!(
        flags("O'Brien came to group.", FindingKind::PersonName),
        ["O'Brien"]
    );
}

#[test]
fn a_birth_on_a_named_day_or_a_day_fixed_by_an_event_is_a_birth_date() {
    assert_finds(
        FindingKind::BirthDate,
        &[
            (
                "Keoni was born on Prince Kūhiō Day, like his dad.",
                "Prince Kūhiō Day",
            ),
            (
                "She's a Lei Day baby, born at the medical centre.",
                "Lei Day",
            ),
            ("Luis and Marivic had their son on Rizal Day.", "Rizal Day"),
            (
                "Baby came the night of the Fourth; mom calls him her firecracker.",
                "the night of the Fourth",
            ),
            (
                "The baby came \"the Saturday after Merrie Monarch,\" dad said.",
                "the Saturday after Merrie Monarch",
            ),
            (
                "born the night of Nalukataq, her uncle said",
                "the night of Nalukataq",
            ),
            (
                "Infant born 12 Meskerem 2016 by the Ethiopian calendar.",
                "12 Meskerem 2016",
            ),
            ("He turned three on Lag BaOmer.", "Lag BaOmer"),
        ],
    );
    // A holiday without a birth is a day on the calendar.
    for text in [
        "We visited on Lei Day and again on Flag Day.",
        "The Christmas baby shower was loud.",
        "Labor Day weekend was hard; Rosh Hashanah too.",
        "We had a visit on Rizal Day.",
        "Group meets 12 Meskerem at the church hall.",
    ] {
        assert!(flags(text, FindingKind::BirthDate).is_empty(), "{text}");
    }
}

#[test]
fn record_numbers_with_letters_among_the_digits_are_flagged() {
    assert_finds(
        FindingKind::RecordNumber,
        &[
            ("Tribal enrollment no. 4A-11872 needed.", "4A-11872"),
            ("Court case 3AN-23-00118CN is set.", "3AN-23-00118CN"),
            ("OCS opened case no. 2023-0441-CN today.", "2023-0441-CN"),
            (
                "Juvenile Court docket 24CP0118BO, subpoenaed.",
                "24CP0118BO",
            ),
            ("Referral No. EI-PHL-24-3371 went in.", "EI-PHL-24-3371"),
        ],
    );
    assert!(flags(
        "Court at 3PM; the record from 2024 is thin.",
        FindingKind::RecordNumber
    )
    .is_empty());
}

#[test]
fn quarters_buildings_blocks_highways_and_shelter_units_are_addresses() {
    assert_finds(
        FindingKind::StreetAddress,
        &[
            (
                "Mom is alone with the twins in base housing, Qtrs 4418-B.",
                "Qtrs 4418-B",
            ),
            (
                "They live on post with the baby, Bldg 3104 Apt C.",
                "Bldg 3104 Apt C",
            ),
            (
                "A rowhouse on the 3100 block of N. Lawrence St, she said.",
                "3100 block of N. Lawrence St",
            ),
            (
                "The same house on Kalanianaʻole Hwy near the fishponds.",
                "Kalanianaʻole Hwy",
            ),
            (
                "Placement at the family residence, Unit 12, for 90 days.",
                "Unit 12",
            ),
        ],
    );
    nothing_flagged("The clinic is in Building 4. Unit 3 of the course is on attachment.");
}

#[test]
fn words_run_together_as_a_programme_or_brand_are_not_names() {
    nothing_flagged("NJ FamilyCare and the KidCare card came through.");
    for name in [
        "MacKenzie",
        "LaToya",
        "RoseMarie",
        "DeShawn",
        "JoAnn",
        "VanHorn",
        "LittleBear",
    ] {
        let text = format!("{name} came to group.");
        assert_eq!(flags(&text, FindingKind::PersonName), [name], "{text}");
    }
}

#[test]
fn a_group_named_after_its_app_and_a_labelled_handle_are_handles() {
    assert_finds(
        FindingKind::SocialHandle,
        &[
            (
                "FB group: Leeward Keiki Swap & Share — mom sells there.",
                "Leeward Keiki Swap & Share",
            ),
            (
                "Group name: Interior Alaska Moms Who Bead. I asked her.",
                "Interior Alaska Moms Who Bead",
            ),
            (
                "Telegram channel Русские мамы Филадельфии is where she heard.",
                "Русские мамы Филадельфии",
            ),
            (
                "WhatsApp group Mamães do Ironbound 🇧🇷 — she added me.",
                "Mamães do Ironbound 🇧🇷",
            ),
            (
                "Facebook group Haitian Moms of Mattapan & Hyde Park is where she found us.",
                "Haitian Moms of Mattapan & Hyde Park",
            ),
            (
                "Dad runs a group chat called Waipahu Chuukese Youth Volleyball and posts.",
                "Waipahu Chuukese Youth Volleyball",
            ),
            ("The handle is yupikmama907 on TikTok.", "yupikmama907"),
        ],
    );
    nothing_flagged("We talked about the Facebook group and her username is the same as before.");
}

#[test]
fn places_of_worship_and_study_named_in_their_own_language_are_places() {
    assert_finds(
        FindingKind::Place,
        &[
            (
                "Her father teaches at Yeshiva Tiferes Moshe on weekdays.",
                "Yeshiva Tiferes Moshe",
            ),
            ("The family attends St. Odilia parish.", "St. Odilia"),
            (
                "She works at Pho Saigon Star most nights.",
                "Pho Saigon Star",
            ),
        ],
    );
    // A town that is also a given name, right after a named place.
    assert_eq!(
        flags(
            "Storefront church Igreja Batista Monte Hermom in Everett has childcare.",
            FindingKind::Place
        ),
        ["Igreja Batista Monte Hermom", "Everett"]
    );
    // A faith describes a place of worship without naming it.
    nothing_flagged(
        "Buddhist temple on Sundays, the Hindu temple at Diwali, a Greek Orthodox church.",
    );
}

#[test]
fn a_holiday_restating_a_birth_date_is_flagged_and_her_youngest_is_not_a_nickname() {
    assert_eq!(
        flags(
            "The infant was born July 5, Cape Verdean Independence Day; his day.",
            FindingKind::BirthDate
        ),
        ["July 5", "Cape Verdean Independence Day"]
    );
    assert!(flags("We met July 5, Independence Day.", FindingKind::BirthDate).is_empty());
    assert!(!flags(
        "apa, that's what everyone calls her youngest, short for Apanuk, has RSV.",
        FindingKind::PersonName
    )
    .contains(&"youngest".to_string()));
    assert_eq!(
        flags("Mom calls her Bug.", FindingKind::PersonName),
        ["Bug"]
    );
}

#[test]
fn review_round_eleven_a_birth_word_before_a_holiday_and_names_that_look_like_listed_words() {
    // A capitalised birth word before a holiday is the birth word, not the holiday's.
    assert_finds(
        FindingKind::BirthDate,
        &[
            ("Born Christmas Day, she was tiny.", "Christmas Day"),
            ("DOB Easter Sunday per mom.", "Easter Sunday"),
        ],
    );
    // A name that runs on past "Eve" is a name.
    assert_eq!(
        flags(
            "The baby was born to Mary Eve Tanner last spring.",
            FindingKind::PersonName
        ),
        ["Mary Eve Tanner"]
    );
    // Stripped of the ʻokina, a macron or an apostrophe, a name is still a name.
    assert_finds(
        FindingKind::PersonName,
        &[
            ("Hōne came to group.", "Hōne"),
            ("Leʻa came to group.", "Leʻa"),
            ("Keisha O'Neal came to group.", "Keisha O'Neal"),
            ("Her daughter Cailín cried.", "Cailín"),
        ],
    );
    // A capitalised name after "username is" is the name check's, whole.
    assert_eq!(
        flags(
            "her username is Brittany Rae Tanner",
            FindingKind::PersonName
        ),
        ["Brittany Rae Tanner"]
    );
    assert!(flags("she can't handle Isabella today", FindingKind::SocialHandle).is_empty());
    assert!(flags(
        "building 10 minutes of reading into bedtime",
        FindingKind::StreetAddress
    )
    .is_empty());
}

#[test]
fn homes_numbered_by_stand_plot_block_or_directions_are_addresses() {
    assert_finds(
        FindingKind::StreetAddress,
        &[
            (
                "Visited at her mother's, Stand 4471 Zone 6, baby well.",
                "Stand 4471 Zone 6",
            ),
            (
                "The address is Erf 10382, Site C, near the rank.",
                "Erf 10382, Site C",
            ),
            (
                "They're on pitch 14 now, moved after the flooding.",
                "pitch 14",
            ),
            (
                "Mother and baby at her aunt's now, shack 112, Section C.",
                "shack 112, Section C",
            ),
            (
                "She lives in house no. C14 behind the shop.",
                "house no. C14",
            ),
            (
                "Home at Blk 178 Ang Mo Kio Ave 5 #03-45.",
                "Blk 178 Ang Mo Kio Ave 5 #03-45",
            ),
            ("Visit the family in the 0/1, bottom left.", "the 0/1"),
            (
                "Go past the spaza, third house after the tuckshop with the red sign.",
                "third house after the tuckshop with the red sign",
            ),
        ],
    );
    // Counting, a referral's number and a course's unit are not homes.
    nothing_flagged("I was at her house 2 weeks ago and again on Friday.");
    assert!(flags("Referral #25-0877 came in.", FindingKind::StreetAddress).is_empty());
    nothing_flagged("The third time after the visit she called.");
}

#[test]
fn neighbourhoods_told_by_their_context_are_places() {
    assert_finds(
        FindingKind::Place,
        &[
            ("Ciara, the Ballymurphy mum, rang twice.", "Ballymurphy"),
            ("She was in the Ikageng clinic queue for hours.", "Ikageng"),
            ("We park at the shops on the Shankill and walk.", "Shankill"),
            ("Mother is Chantelle, baby Keenan, Manenberg.", "Manenberg"),
            (
                "Refugee family in Walker, the older boy translates.",
                "Walker",
            ),
        ],
    );
    // A sign-off is a name; a family's name before "dad" stays a name; big places and
    // feasts stay quiet.
    assert_eq!(
        flags("Thanks, Nomvula.", FindingKind::PersonName),
        ["Nomvula"]
    );
    assert!(flags("Dinh dad brought the baby.", FindingKind::Place).is_empty());
    nothing_flagged("The family is moving to Wales in the spring.");
    nothing_flagged("St Andrew's Day, and the baby's first tooth.");
    nothing_flagged("Ah Ma gave me a red packet and Gung Gung laughed.");
}

#[test]
fn identity_numbers_phones_read_out_and_dates_in_other_orders_are_found() {
    for (text, kind, want) in [
        (
            "Mum's NRIC on the form: S9234517H.",
            FindingKind::RecordNumber,
            "S9234517H",
        ),
        (
            "NIN CF98043102PQLK for the registration.",
            FindingKind::RecordNumber,
            "CF98043102PQLK",
        ),
        (
            "MARAC ref is MARAC 24/0387.",
            FindingKind::RecordNumber,
            "24/0387",
        ),
        (
            "clinic no. SRC/0934/24 for the follow-up",
            FindingKind::RecordNumber,
            "clinic no. SRC/0934/24",
        ),
        (
            "Her number 07700900561, text first.",
            FindingKind::Phone,
            "07700900561",
        ),
        (
            "it's now 0 7 4 5 5 5 0 1 2 8 ok bye",
            FindingKind::Phone,
            "0 7 4 5 5 5 0 1 2 8",
        ),
        (
            "Birth date on the card: 2025/01/19.",
            FindingKind::BirthDate,
            "2025/01/19",
        ),
        (
            "Baby born 11-Aug-2024 at 2am.",
            FindingKind::BirthDate,
            "11-Aug-2024",
        ),
    ] {
        assert_eq!(flags(text, kind), vec![want], "{text}");
    }
    nothing_flagged("Scores went 1 2 3 4 5 6 7 8 9 10 across the sessions.");
    // "Wee Acorns" is a nursery; "Wee Alfie" is a child.
    assert_eq!(
        flags("Wee Acorns had a cold room.", FindingKind::Place),
        ["Wee Acorns"]
    );
    assert!(flags("Wee Alfie is 14 weeks.", FindingKind::Place).is_empty());
}

#[test]
fn big_places_and_peoples_before_family_are_not_surnames() {
    nothing_flagged("Mum from Hong Kong came last spring; the Hong Kong family are settled.");
    nothing_flagged("Open house at the Malay family's flat, and the Kowloon family came too.");
    nothing_flagged("She flew from Tel Aviv to Puerto Rico.");
    assert_eq!(
        flags("The Nowak family came.", FindingKind::PersonName),
        ["Nowak"]
    );
    assert_eq!(
        flags("the Lopez-Harjo kids came.", FindingKind::PersonName),
        ["Lopez-Harjo"]
    );
}

#[test]
fn a_birth_date_said_again_from_a_card_is_a_birth_date() {
    assert_eq!(
        flags("Born 8 August 2024, 8/8 for luck.", FindingKind::BirthDate),
        ["8 August 2024", "8/8"]
    );
    assert_eq!(
        flags(
            "Baby born 12 Feb at night. Card: 2025-02-13.",
            FindingKind::BirthDate
        ),
        ["12 Feb", "2025-02-13"]
    );
    // Another event's date, or "the first" of something, is not the birth again.
    assert_eq!(
        flags(
            "Born 3 May 2024. Next visit 14/06/2024 at home.",
            FindingKind::BirthDate
        ),
        ["3 May 2024"]
    );
    assert_eq!(
        flags(
            "Born 3 May 2024, and the first week was hard.",
            FindingKind::BirthDate
        ),
        ["3 May 2024"]
    );
}

#[test]
fn group_page_and_display_names_with_emoji_are_handles() {
    assert_finds(
        FindingKind::SocialHandle,
        &[
            (
                "She showed me the group she's in, Drumchapel Mammies & Grannies 💕, and a post.",
                "Drumchapel Mammies & Grannies 💕",
            ),
            (
                "Added me on WhatsApp, display name Kelvin 🇭🇰 Wong.",
                "Kelvin 🇭🇰 Wong",
            ),
            (
                "The Facebook page is Lyla's Little Heart Journey 💗 now.",
                "Lyla's Little Heart Journey 💗",
            ),
        ],
    );
    // Emoji in a note are not a page's name without a word of social media.
    assert!(flags(
        "Great Visit Today 😊 and Mum was happy.",
        FindingKind::SocialHandle
    )
    .is_empty());
}

#[test]
fn towns_named_by_a_town_word_are_places_where_a_place_is_expected() {
    assert_finds(
        FindingKind::Place,
        &[
            (
                "Mum grew up in Cedar Hill and moved here at nine.",
                "Cedar Hill",
            ),
            (
                "Visited the family out of Little Salmon Bay today.",
                "Little Salmon Bay",
            ),
            (
                "Gran lives near the Ninth Ward with her sister.",
                "Ninth Ward",
            ),
            (
                "Harlow Point — grandmother raising the two boys.",
                "Harlow Point",
            ),
            ("They came from Port Kembla last spring.", "Port Kembla"),
        ],
    );
    // A big place, a person after "from", a demonym and a hospital ward stay quiet.
    for text in [
        "They moved from Salt Lake City last year.",
        "Got a text from Maria Hill about the group.",
        "Her partner is Cape Verdean and speaks Kriolu at home.",
        "Baby spent two days on Labour Ward.",
    ] {
        assert!(flags(text, FindingKind::Place).is_empty(), "{text}");
    }
}

#[test]
fn a_town_heading_a_note_is_a_place_and_a_nickname_heading_is_not() {
    assert_finds(
        FindingKind::Place,
        &[
            (
                "Kettlebrook — mom and the twins, baby 3 wks.",
                "Kettlebrook",
            ),
            (
                "Wanstead Creekside — the Abernathy family again.",
                "Wanstead Creekside",
            ),
            ("Okarchee visit, dad on nights so mom alone.", "Okarchee"),
            (
                "Notes\nTullaghvore — MGM raising the two girls.",
                "Tullaghvore",
            ),
        ],
    );
    for text in [
        "Shaz — Sharon to her mum, late again.",
        "Wanstead — not the first time she said it.",
        "Then Kettlebrook — mom and the twins.",
    ] {
        assert!(flags(text, FindingKind::Place).is_empty(), "{text}");
    }
}

#[test]
fn birthdays_on_feasts_with_a_time_of_day_and_relative_to_today_are_birth_dates() {
    assert_finds(
        FindingKind::BirthDate,
        &[
            (
                "Gran says he was born Junkanoo morning.",
                "Junkanoo morning",
            ),
            (
                "She was born Divali night, so they call her Lakshmi.",
                "Divali night",
            ),
            (
                "DOB on the card, but at home he is the Independence baby.",
                "Independence",
            ),
            (
                "Born the Sunday night before Easter, early.",
                "the Sunday night before Easter",
            ),
            ("Auntie calls her the Juneteenth blessing.", "Juneteenth"),
            ("Marcus turned 3 last Sunday and had a cake.", "last Sunday"),
            (
                "She turns two next Friday, the 9th.",
                "next Friday, the 9th",
            ),
            ("The baby arrived last night, 7 lb.", "last night"),
            ("She delivered yesterday, a girl.", "yesterday"),
        ],
    );
    for text in [
        "She fought hard for her independence this year.",
        "We read a card from Valentine at group.",
        "I wasn't born yesterday, she told the worker.",
        "It feels like the baby was born yesterday.",
        "Grandma arrived yesterday to help with nights.",
        "The crib was delivered last night at last.",
    ] {
        assert!(flags(text, FindingKind::BirthDate).is_empty(), "{text}");
    }
}

#[test]
fn saints_and_programmes_in_run_together_capitals_are_not_names() {
    for text in [
        "Grandmother from St. Elizabeth, in the city twenty years.",
        "Hot on the porch in Saint Bernard today.",
        "The KinGAP paperwork is still pending.",
        "Mom renewed LaCHIP this week.",
    ] {
        assert!(flags(text, FindingKind::PersonName).is_empty(), "{text}");
    }
    // One capital at a time is a name's.
    assert_eq!(
        flags("LaToya came to group.", FindingKind::PersonName),
        ["LaToya"]
    );
}

#[test]
fn storms_spoken_of_by_name_are_not_people() {
    for text in [
        "Hurricane Maria took the roof and the crib.",
        "Since Helene the family sleeps in the FEMA trailer.",
        "She said Ida tore the roof off; the flood came up to the porch.",
    ] {
        assert!(flags(text, FindingKind::PersonName).is_empty(), "{text}");
    }
    // A person of the same name, or no storm in the reflection, is a name.
    assert_eq!(
        flags(
            "After Laura left, mom cried. The storm was loud.",
            FindingKind::PersonName
        ),
        ["Laura"]
    );
    assert_eq!(
        flags("Ida took the baby to the park.", FindingKind::PersonName),
        ["Ida"]
    );
    assert_finds(
        FindingKind::PersonName,
        &[
            ("During the storm Maria held the baby close.", "Maria"),
            ("After the flood, Ida took the baby to her aunt.", "Ida"),
        ],
    );
}

#[test]
fn a_place_word_after_a_lower_case_word_names_no_place() {
    for text in [
        "Asked about daycare vouchers, gave her the form.",
        "Biting at daycare again this week.",
    ] {
        assert!(flags(text, FindingKind::Place).is_empty(), "{text}");
    }
    assert_eq!(
        flags("Shawna at daycare all week now.", FindingKind::PersonName),
        ["Shawna"]
    );
    assert_eq!(
        flags(
            "She lives in a static caravan at Sandy Bay holiday park.",
            FindingKind::Place
        ),
        ["Sandy Bay"]
    );
}

#[test]
fn a_role_with_its_age_and_a_place_after_the_are_not_names() {
    for text in [
        "Child is 2y4m, talking in short phrases.",
        "Grandbaby 2y8m, forty words and some pairs.",
        "Grandmother in the Bronx 20 years, still cooks on Sunday.",
    ] {
        assert!(flags(text, FindingKind::PersonName).is_empty(), "{text}");
    }
    assert_eq!(
        flags("Kayla is 2y4m and talking.", FindingKind::PersonName),
        ["Kayla"]
    );
}

#[test]
fn numbers_dictated_with_their_punctuation_and_south_asian_mobiles_are_phones() {
    assert_finds(
        FindingKind::Phone,
        &[
            (
                "Her number is three one two comma five five five comma zero one six six.",
                "three one two comma five five five comma zero one six six",
            ),
            (
                "Text dad at seis uno cuatro coma cinco cinco cinco coma cero uno tres tres.",
                "seis uno cuatro coma cinco cinco cinco coma cero uno tres tres",
            ),
            ("Call the aunt on 98765 20143 after six.", "98765 20143"),
            (
                "Her husband's mobile is +92 300 5550123.",
                "+92 300 5550123",
            ),
            (
                "She read out her number, 4 1 5 5 5 5 0 1 9 2.",
                "4 1 5 5 5 5 0 1 9 2",
            ),
        ],
    );
    // Counting, scores and a row of single figures with no calling in sight are not.
    nothing_flagged("We counted one, two, three, four, five, six, seven together.");
    nothing_flagged("The scores were 4 1 5 5 3 5 0 1 2 2 across the ten items.");
}

#[test]
fn south_asian_ids_a_numbers_and_bare_dockets_are_record_numbers() {
    assert_finds(
        FindingKind::RecordNumber,
        &[
            (
                "Her Aadhaar 2231 5567 9910 is on the form.",
                "2231 5567 9910",
            ),
            ("Mum's NIC 885512347V was photocopied.", "885512347V"),
            ("The MR# 25-004411 is on her band.", "25-004411"),
            ("Dad's A-number is A-204 551 873.", "A-204 551 873"),
            (
                "The hearing for JD-2025-00388 moved again.",
                "JD-2025-00388",
            ),
        ],
    );
    for text in [
        "We used ASQ-3 and the DC:0-5 today.",
        "Pagó por 300 dólares el cuarto.",
        "A 10 minute walk.",
    ] {
        assert!(flags(text, FindingKind::RecordNumber).is_empty(), "{text}");
    }
}

#[test]
fn house_block_sector_and_lane_numbers_of_south_asian_addresses_are_addresses() {
    assert_finds(
        FindingKind::StreetAddress,
        &[
            ("They moved to House K-118 near the market.", "House K-118"),
            ("The family is in Block D-7 now.", "Block D-7"),
            ("She stays in Sector 21-B with her in-laws.", "Sector 21-B"),
            ("Their flat is C-9/114, third floor.", "C-9/114"),
            ("Visited H.No. 48 again; the door was open.", "H.No. 48"),
            ("Look for door no. 6 behind the temple.", "door no. 6"),
        ],
    );
    for text in [
        "The public sector is stretched.",
        "We did block play for an hour.",
    ] {
        assert!(flags(text, FindingKind::StreetAddress).is_empty(), "{text}");
    }
}

#[test]
fn a_birth_a_few_days_from_a_holiday_is_a_birth_date() {
    assert_eq!(
        flags(
            "The baby was born three days after Holi, at home.",
            FindingKind::BirthDate
        ),
        ["three days after Holi"]
    );
    assert!(flags(
        "Three days after Holi we had our next visit.",
        FindingKind::BirthDate
    )
    .is_empty());
}

#[test]
fn a_sentence_in_a_script_without_case_asks_only_about_its_unlisted_words() {
    assert_eq!(
        flags(
            "Nani said बच्चा ठीक है, and रेखा will come on Sunday.",
            FindingKind::PersonName
        ),
        ["रेखा"]
    );
    assert_eq!(
        flags("Mum wrote: فاطمة في البيت اليوم", FindingKind::PersonName),
        ["فاطمة"]
    );
    assert!(flags("Dad said: वह बहुत थका है", FindingKind::PersonName).is_empty());
}

#[test]
fn a_small_town_the_dictionary_knows_is_a_place_but_a_big_one_or_a_language_is_not() {
    assert_finds(
        FindingKind::Place,
        &[
            ("They moved out to Lompoc after the eviction.", "Lompoc"),
            ("Dad is from Porterville and drives a truck.", "Porterville"),
        ],
    );
    nothing_flagged("Her mother is from Canada and speaks Hebrew at home.");
    nothing_flagged("They flew in from London, then lived in Boston for a year.");
}

#[test]
fn kin_words_with_an_honorific_and_festival_names_are_not_names() {
    for text in [
        "Nani-ji made khichdi and Dada-ji slept through the visit.",
        "We will meet after Ganesh Chaturthi; Lakshmi Puja is next week.",
        "The family was busy with Durga Puja all week.",
    ] {
        assert!(flags(text, FindingKind::PersonName).is_empty(), "{text}");
    }
    assert_eq!(
        flags(
            "Puja came to the visit with her son.",
            FindingKind::PersonName
        ),
        ["Puja"]
    );
    assert_eq!(
        flags("Sunita-ji asked about the clinic.", FindingKind::PersonName),
        ["Sunita-ji"]
    );
}

#[test]
fn a_word_with_a_towns_ending_is_asked_about_as_a_place() {
    for (text, place) in [
        ("Rasoolpur is where the aunt stays.", "Rasoolpur"),
        (
            "Keshavnagar was flooded again, so the visit moved.",
            "Keshavnagar",
        ),
    ] {
        assert_eq!(flags(text, FindingKind::Place), [place], "{text}");
        assert!(flags(text, FindingKind::PersonName).is_empty(), "{text}");
    }
    assert_eq!(
        flags("We met Kapur at the clinic.", FindingKind::PersonName),
        ["Kapur"]
    );
}

#[test]
fn a_birth_on_a_south_asian_festival_is_a_birth_date() {
    assert_finds(
        FindingKind::BirthDate,
        &[
            (
                "Baby boy was born on Ugadi morning at home.",
                "Ugadi morning",
            ),
            ("Her daughter was born on Karva Chauth.", "Karva Chauth"),
        ],
    );
    assert!(flags(
        "We celebrated Makar Sankranti at the centre with kites.",
        FindingKind::BirthDate
    )
    .is_empty());
}

#[test]
fn a_birth_dated_by_a_feast_or_an_event_no_list_names_is_a_birth_date() {
    assert_finds(
        FindingKind::BirthDate,
        &[
            ("Her son was born on Bhai Dooj, they said.", "Bhai Dooj"),
            (
                "The twins were born on Meskerem feast day.",
                "Meskerem feast day",
            ),
            ("She was born on Día de San Isidro.", "Día de San Isidro"),
            (
                "He was born on the feast of St. Brigid.",
                "the feast of St. Brigid",
            ),
            ("Baby was born on Kumbha puja at the temple.", "Kumbha puja"),
            ("Our boy was born on Tsechu weekend.", "Tsechu weekend"),
            (
                "The baby was born the week after the Harvest Powwow, tiny but loud.",
                "the week after the Harvest Powwow",
            ),
            (
                "She was born the night the power went out and the creek rose.",
                "the night the power went out",
            ),
            ("Lucía was born during Semana Santa.", "Semana Santa"),
            ("Baby was born on Thadingyut.", "Thadingyut"),
        ],
    );
    // A day word whose lower case is shorter than as written (the Kelvin sign) cuts the
    // span at the word's own end.
    assert_eq!(
        flags(
            "born on Tsechu WEE\u{212A}END, at home",
            FindingKind::BirthDate
        ),
        ["Tsechu WEE\u{212A}END"]
    );
    // A place, a person's day, a programme or a plain day stay as they were.
    for text in [
        "She was born on Maui and moved here at six.",
        "He was born on Grace's birthday, which she loves.",
        "Both kids were born on Medicaid, she said.",
        "The baby was born on Tuesday morning.",
        "He was born on Okinawa when his dad was stationed there.",
        "She was born the same week as her cousin.",
    ] {
        let births = flags(text, FindingKind::BirthDate);
        assert!(
            births.iter().all(|b| b == "Tuesday morning"),
            "{text}: {births:?}"
        );
    }
}

#[test]
fn a_labelled_record_wins_over_the_shapes_inside_it_and_keeps_its_scheme() {
    assert_finds(
        FindingKind::RecordNumber,
        &[
            (
                "Baby's Ontario OHIP 4471-229-118 is new.",
                "Ontario OHIP 4471-229-118",
            ),
            (
                "Her Manitoba PHIN 224 118 907 came.",
                "Manitoba PHIN 224 118 907",
            ),
            ("Mum's UR no. 00 552 117 at the Base.", "00 552 117"),
            ("The NB MSI 0072 118 445 is hers.", "NB MSI 0072 118 445"),
            ("His PHN 91822-4471 was wrong.", "91822-4471"),
        ],
    );
    for text in [
        "Mum's UR no. 00 552 117 at the Base.",
        "His PHN 91822-4471 was wrong.",
    ] {
        assert!(flags(text, FindingKind::Phone).is_empty(), "{text}");
        assert!(flags(text, FindingKind::StreetAddress).is_empty(), "{text}");
    }
    // A date that is the whole value under a label stays a birth date.
    assert_eq!(
        flags(
            "DOB on the referral is 3/14, smudged.",
            FindingKind::BirthDate
        ),
        ["3/14"]
    );
    assert!(flags(
        "The intake: DOB 04/07/2022, fine.",
        FindingKind::RecordNumber
    )
    .is_empty());
    // "ur" typed for "your" is no label.
    assert!(flags("is ur 3 kids ok", FindingKind::RecordNumber).is_empty());
}

#[test]
fn a_town_after_flying_in_working_out_of_or_a_province_code_is_a_place() {
    assert_finds(
        FindingKind::Place,
        &[
            ("Flew in to Kowanyama with the nurse.", "Kowanyama"),
            ("Her partner works out of Karumba now.", "Karumba"),
            ("The family resettled to Winkler last spring.", "Winkler"),
        ],
    );
    assert_finds(
        FindingKind::StreetAddress,
        &[(
            "They are at 41 Main St, Morden, MB R6M 1A1 now.",
            "41 Main St, Morden, MB R6M 1A1",
        )],
    );
    for text in [
        "We ran out of formula again.",
        "She went in to the kitchen.",
    ] {
        assert!(flags(text, FindingKind::Place).is_empty(), "{text}");
    }
}

#[test]
fn a_gazetteer_town_after_in_from_or_a_move_is_a_place_even_when_it_is_a_word() {
    assert_finds(
        FindingKind::Place,
        &[
            ("Her cousin lives in Dapto, near the lake.", "Dapto"),
            ("The family moved to Falls Church in May.", "Falls Church"),
            ("Dad drives a forklift in Auburn at night.", "Auburn"),
            ("They came from Gympie with nothing.", "Gympie"),
        ],
    );
    for text in [
        // A programme, a big city, a given name and a sentence start stay as they were.
        "She is enrolled in Early Head Start now.",
        "They moved to Kingston last year.",
        "She got a card from Hope on Friday.",
    ] {
        assert!(flags(text, FindingKind::Place).is_empty(), "{text}");
    }
}

#[test]
fn a_big_place_after_in_or_from_and_a_people_before_its_noun_are_no_names() {
    for (text, word) in [
        ("The baby was born last week in Darwin.", "Darwin"),
        ("The paper from Jordan says she is two.", "Jordan"),
        ("We booked the Karen interpreter for Monday.", "Karen"),
        ("Her Zalo is busy, she said.", "Zalo"),
        ("Kumanjayi's funeral is on Saturday.", "Kumanjayi"),
    ] {
        let names = flags(text, FindingKind::PersonName);
        assert!(!names.iter().any(|n| n.contains(word)), "{text}: {names:?}");
    }
    // A given name stays one when a surname follows, or with a person's own words.
    assert_eq!(
        flags(
            "A card came from Georgia Lee today.",
            FindingKind::PersonName
        ),
        ["Georgia Lee"]
    );
    assert_eq!(
        flags(
            "Karen said the interpreter was late.",
            FindingKind::PersonName
        ),
        ["Karen"]
    );
}

#[test]
fn a_display_name_or_group_after_its_app_and_is_is_a_handle() {
    assert_finds(
        FindingKind::SocialHandle,
        &[
            ("His Viber name is Tomasz Wolny 🇵🇱 now.", "Tomasz Wolny 🇵🇱"),
            (
                "The family WhatsApp group is Ohana Kealoha Crew.",
                "Ohana Kealoha Crew",
            ),
        ],
    );
    for text in [
        "The WhatsApp group is Monday nights now.",
        "The Telegram group was Tuesday evening.",
    ] {
        assert!(flags(text, FindingKind::SocialHandle).is_empty(), "{text}");
    }
}

#[test]
fn a_phone_number_before_a_colon_is_still_a_phone_number() {
    assert_finds(
        FindingKind::Phone,
        &[
            (
                "Her sister texted from +233 24 555 0713: she has gone home.",
                "+233 24 555 0713",
            ),
            (
                "New number 0803 555 2190: use it from today.",
                "0803 555 2190",
            ),
        ],
    );
    // A time or a range runs on.
    assert!(flags("Seen 555-0147:30 in the log", FindingKind::Phone).is_empty());
}

#[test]
fn a_scheme_number_shaped_like_a_phone_or_with_lettered_parts_is_a_record() {
    assert_finds(
        FindingKind::RecordNumber,
        &[
            (
                "Her NHIA no. 555-0092-1187 needs updating.",
                "NHIA no. 555-0092-1187",
            ),
            (
                "The suit no. FCT/HC/FAM/555/2024 is listed.",
                "suit no. FCT/HC/FAM/555/2024",
            ),
            (
                "Her NHIS card 0555 2290 17 is valid.",
                "NHIS card 0555 2290 17",
            ),
            (
                "Suit No. 2023 FC 00318 was adjourned.",
                "Suit No. 2023 FC 00318",
            ),
            ("It is Social Welfare file OG/SW/555/22.", "OG/SW/555/22"),
        ],
    );
    // A phone-shaped "number" after a person's word, an app's "no." and an ordinary card
    // stay phones or nothing.
    assert_finds(
        FindingKind::Phone,
        &[
            ("I have the moms number 801-555-0107 now.", "801-555-0107"),
            ("Her Viber no. 0917 555 1234 works.", "0917 555 1234"),
        ],
    );
    assert!(flags("The birthday card 2024 arrived.", FindingKind::RecordNumber).is_empty());
}

#[test]
fn an_address_runs_on_over_its_parts_and_town_after_commas() {
    assert_finds(
        FindingKind::StreetAddress,
        &[
            (
                "Visit Flat 3, No. 14 Adeniran Street, off Ogunlana Drive, Surulere, black gate.",
                "Flat 3, No. 14 Adeniran Street, off Ogunlana Drive, Surulere",
            ),
            (
                "They moved to 22 Oak Avenue, Dayton, Ohio.",
                "22 Oak Avenue, Dayton, Ohio",
            ),
            (
                "Letters go to Private Mail Bag 555, Abeokuta, please.",
                "Private Mail Bag 555, Abeokuta",
            ),
            (
                "Write to P.O. Box HP 555, Ho for the file.",
                "P.O. Box HP 555, Ho",
            ),
            (
                "They now live in the house behind the mosque, third after the transformer.",
                "house behind the mosque, third after the transformer",
            ),
            (
                "Lucía lives in the trailer behind the tire shop in Harrisonburg.",
                "trailer behind the tire shop",
            ),
        ],
    );
    // A person, a phone number, a named complex or a common word after the comma is no part
    // of the address.
    let text = "She minds kids at 4419 Orchard Lane, Mrs. Kowalczyk, and at 3 Church Street, 0813 555 7702, and Apt 14, Cedar Springs Apartments, and 14 Main St, Thursday.";
    assert_eq!(
        flags(text, FindingKind::StreetAddress),
        [
            "4419 Orchard Lane",
            "3 Church Street",
            "Apt 14",
            "14 Main St"
        ]
    );
    assert!(flags(
        "I went the long way home past the river.",
        FindingKind::StreetAddress
    )
    .is_empty());
}

#[test]
fn places_named_by_their_area_word_or_an_address_elsewhere_are_places() {
    assert_finds(
        FindingKind::Place,
        &[
            ("Sister Grace from the Kissy team cancelled.", "Kissy"),
            ("Lola Pacita of Brgy. Malanday came.", "Brgy. Malanday"),
            ("She is back in Sitio Malinis now.", "Sitio Malinis"),
            ("His mother walked to Lagawe to get it.", "Lagawe"),
            (
                "She is the midwife for barangays around Sagada, and tired.",
                "Sagada",
            ),
        ],
    );
    assert_eq!(
        flags(
            "Their place is 14B Hangha Road, Kenema, and Kenema social welfare has the file.",
            FindingKind::Place
        ),
        ["Kenema"]
    );
    assert_eq!(
        flags(
            "Rhea in San Jose, Tacloban, turns 22 soon.",
            FindingKind::Place
        ),
        ["San Jose", "Tacloban"]
    );
    // A surname before "team" is a person's team, not a place.
    assert!(flags("The Ramirez team met today.", FindingKind::Place).is_empty());
    assert_finds(
        FindingKind::StreetAddress,
        &[("Lola is at Purok 3 now.", "Purok 3")],
    );
}

#[test]
fn an_agency_or_brand_written_in_capitals_inside_is_no_name() {
    for text in [
        "Add the baby to her PhilHealth first.",
        "Her PhilSys card came.",
        "She is on WellCare now.",
    ] {
        assert!(flags(text, FindingKind::PersonName).is_empty(), "{text}");
    }
    // Given names written together stay names.
    assert_finds(
        FindingKind::PersonName,
        &[
            ("Mom said RoseMarie slept.", "RoseMarie"),
            ("Mom said DeShawn slept.", "DeShawn"),
        ],
    );
}

#[test]
fn a_birth_dated_by_a_feast_or_an_event_after_any_birth_word() {
    assert_finds(
        FindingKind::BirthDate,
        &[
            (
                "The baby was born on the first day of Damba, and slept.",
                "the first day of Damba",
            ),
            (
                "Darkoa delivered at home in Akropong during Odwira.",
                "Odwira",
            ),
            ("Kristelle gave birth on Sinulog in Mandaue.", "Sinulog"),
            (
                "Joanna had her son on Chinese New Year.",
                "Chinese New Year",
            ),
            (
                "She was born on the day of the yam festival in Nsukka.",
                "the day of the yam festival",
            ),
            (
                "Baby Kwabena, born Tuesday last week, is well.",
                "Tuesday last week",
            ),
            ("The baby was born two sundays ago.", "two sundays ago"),
        ],
    );
    for text in ["She had her baby on Medicaid.", "She gave birth on Maui."] {
        assert!(flags(text, FindingKind::BirthDate).is_empty(), "{text}");
    }
}

#[test]
fn a_respect_title_makes_the_next_word_a_name_and_a_thank_you_signs_one() {
    assert_finds(
        FindingKind::PersonName,
        &[
            ("Teacher Mica at the centre called.", "Mica"),
            ("I asked the RHU to send Ma'am Dolor up.", "Dolor"),
            ("Tatay Rommel is in Kuwait.", "Rommel"),
            ("Please use my own e-mail. Thank you, Adaeze.", "Adaeze"),
        ],
    );
    for text in ["The Judge Advocate spoke first.", "Sir said no."] {
        assert!(flags(text, FindingKind::PersonName).is_empty(), "{text}");
    }
}

#[test]
fn a_group_someone_runs_or_added_them_to_and_a_name_they_post_as_are_handles() {
    assert_finds(
        FindingKind::SocialHandle,
        &[
            (
                "Ate Lorie runs Navotas Buy and Sell Baby Items now.",
                "Navotas Buy and Sell Baby Items",
            ),
            (
                "The admin of Madina Nursing Mothers Forum asked me.",
                "Madina Nursing Mothers Forum",
            ),
            (
                "Mrs Obi added me to Nyanya Mummies Hangout 💃🏾 today.",
                "Nyanya Mummies Hangout 💃🏾",
            ),
            (
                "She posts the baby as Awa Jobe Sopi 🇬🇲 each week.",
                "Awa Jobe Sopi 🇬🇲",
            ),
        ],
    );
    // A programme someone runs is no group.
    for text in [
        "He runs Parents as Teachers in the county.",
        "She runs Circle of Security groups.",
    ] {
        assert!(flags(text, FindingKind::SocialHandle).is_empty(), "{text}");
    }
}

#[test]
fn a_town_heading_a_note_and_a_lower_case_child_taken_somewhere() {
    assert_finds(
        FindingKind::Place,
        &[
            ("Lawton — the Mopope family, baby at 4 months.", "Lawton"),
            ("Ville Platte — the Fontenot family.", "Ville Platte"),
        ],
    );
    // A word that is also a town heads a note as a word.
    assert!(flags("Home — the baby slept all day.", FindingKind::Place).is_empty());
    assert_finds(
        FindingKind::PersonName,
        &[
            ("took tyrese to wic this am", "tyrese"),
            ("dropped kiana off at daycare", "kiana"),
        ],
    );
    for text in ["took popsicles to the park", "we took tylenol to the visit"] {
        assert!(flags(text, FindingKind::PersonName).is_empty(), "{text}");
    }
}

#[test]
fn lower_case_streets_house_numbers_and_digital_addresses_are_addresses() {
    assert_finds(
        FindingKind::StreetAddress,
        &[
            ("they live at 412 maple street now", "412 maple street"),
            (
                "They live at House No. 55, Abossey Okai Road.",
                "House No. 55, Abossey Okai Road",
            ),
            ("Her digital address is GA-555-0418 now.", "GA-555-0418"),
        ],
    );
    for text in ["a 2 lane road out there", "The case is CP-2024-0118 now."] {
        assert!(flags(text, FindingKind::StreetAddress).is_empty(), "{text}");
    }
}

#[test]
fn a_word_name_before_dob_a_role_or_an_initial_and_a_word_surname_after_a_title() {
    assert_finds(
        FindingKind::PersonName,
        &[
            ("Amber DOB 11-3-99 is on the form.", "Amber"),
            ("Crystal (MOB) and her bf came.", "Crystal"),
            ("Destiny R is 22 weeks and scared.", "Destiny"),
            ("Hope's mom called twice.", "Hope"),
            ("Mrs. Hill said hi at the door.", "Mrs. Hill"),
            ("Then Mr Park came in.", "Mr Park"),
        ],
    );
    for text in [
        "Part C covers it.",
        "Plan B is fine for now.",
        "Dr. Lieberman's book helped.",
        "Mom's dad came.",
    ] {
        assert!(flags(text, FindingKind::PersonName).is_empty(), "{text}");
    }
    assert!(flags("Then Mr Park came in.", FindingKind::Place).is_empty());
}

#[test]
fn an_acronym_before_an_identity_shaped_number_or_a_long_mixed_code_is_a_record() {
    assert_finds(
        FindingKind::RecordNumber,
        &[
            ("Her DNI 55.812.340 is on the form.", "DNI 55.812.340"),
            ("The baby's RUN 27.555.318-K came.", "RUN 27.555.318-K"),
            ("Mother's CPF 555.318.402-19.", "CPF 555.318.402-19"),
            (
                "Her CNS 705 5550 1234 5678 works.",
                "CNS 705 5550 1234 5678",
            ),
            (
                "Her CURP LOBA240312MOCPTB55 was issued.",
                "CURP LOBA240312MOCPTB55",
            ),
            (
                "The key TLRMRS95071509M555 is on the card.",
                "TLRMRS95071509M555",
            ),
        ],
    );
    // Scores, billing codes and a relative's phone after their role stay as they were.
    for text in [
        "EPDS 14 today, CPT 90834 billed.",
        "ASQ-3 score 45 at the visit.",
    ] {
        assert!(flags(text, FindingKind::RecordNumber).is_empty(), "{text}");
    }
    assert_finds(
        FindingKind::Phone,
        &[("Call MGM 555 555 0143 first.", "555 555 0143")],
    );
}

#[test]
fn portuguese_and_spanish_service_words_are_words_and_their_places_are_places() {
    for text in [
        "Encaminhamento feito. Cadastro pendente, Prontuário atualizado.",
        "Juzgado de familia called. Registro civil is closed.",
    ] {
        assert!(flags(text, FindingKind::PersonName).is_empty(), "{text}");
    }
    assert_finds(
        FindingKind::Place,
        &[
            (
                "They moved to Jardim Ibirapuera last month.",
                "Jardim Ibirapuera",
            ),
            (
                "She sleeps at Albergue Senda de Paz now.",
                "Albergue Senda de Paz",
            ),
        ],
    );
    // Given names are never on the lists: they stay names where a name stands.
    assert_finds(
        FindingKind::PersonName,
        &[
            ("Mom said Graça slept.", "Graça"),
            ("Mom said Vitória slept.", "Vitória"),
        ],
    );
}

#[test]
fn latin_american_homes_by_block_lot_street_postbox_and_room() {
    assert_finds(
        FindingKind::StreetAddress,
        &[
            ("They rent at Mz. C Lt. 9 now.", "Mz. C Lt. 9"),
            ("Home is Manzana 7, Lote 31.", "Manzana 7, Lote 31"),
            ("She wrote pasaje 3, casa 18 on it.", "pasaje 3, casa 18"),
            (
                "Visit at Jr. Las Orquídeas 412 today.",
                "Jr. Las Orquídeas 412",
            ),
            (
                "They live on Rua dos Coqueiros, 88 now.",
                "Rua dos Coqueiros, 88",
            ),
            (
                "Address: Calle 12 Sur # 40-17, int. 2, at the back.",
                "Calle 12 Sur # 40-17, int. 2",
            ),
            ("Letters go to Casilla 214, Temuco.", "Casilla 214, Temuco"),
            (
                "They farm at Ruta 5, km 40, parcela 9.",
                "Ruta 5, km 40, parcela 9",
            ),
            ("The form had only C.P. 07555 on it.", "C.P. 07555"),
            ("The CEP is 40555-210, nothing more.", "40555-210"),
            ("They sleep in cuarto 4 at the Hotel Miramar.", "cuarto 4"),
            ("Mum and baby are in cama 9 at the albergue.", "cama 9"),
            (
                "Staying at the Oak Street shelter. They have Room 12 for now.",
                "Room 12",
            ),
        ],
    );
    // A hospital bed, a date after a referral and a count are not homes or records.
    for text in [
        "She was in bed 4 of the NICU for a week.",
        "Room 3 of the clinic was cold.",
    ] {
        assert!(flags(text, FindingKind::StreetAddress).is_empty(), "{text}");
    }
    assert!(flags("The referral 2.14.24 came back.", FindingKind::RecordNumber).is_empty());
}

#[test]
fn brazilian_and_peruvian_phones_and_portuguese_digits_are_phones() {
    assert_finds(
        FindingKind::Phone,
        &[
            ("Her WhatsApp is (11) 95555-2040.", "(11) 95555-2040"),
            ("Call +55 (31) 98555-1177 after six.", "+55 (31) 98555-1177"),
            ("Pay her by Yape to 987 555 120 please.", "987 555 120"),
            (
                "O número: nove oito cinco cinco cinco, um dois três quatro.",
                "nove oito cinco cinco cinco, um dois três quatro",
            ),
        ],
    );
    // Nine figures in threes after a scheme's label stay a record (a Canadian SIN or
    // health number is written like a Peruvian mobile).
    assert_finds(
        FindingKind::RecordNumber,
        &[("Her SIN 955 123 456 is on the form.", "SIN 955 123 456")],
    );
    // After an area code it is not a ZIP+4.
    assert!(flags("Text (21) 95555-3410 today.", FindingKind::StreetAddress).is_empty());
    // Nine figures in threes with no talk of calling stay unflagged.
    assert!(flags("Totals were 955 555 218 in the ledger.", FindingKind::Phone).is_empty());
}

#[test]
fn spanish_and_portuguese_record_labels_mark_their_numbers() {
    assert_finds(
        FindingKind::RecordNumber,
        &[
            ("Her historia clínica 555-4410 is open.", "555-4410"),
            ("CRAS prontuário 555/2024 updated.", "555/2024"),
            ("The ficha 555/23 was filed.", "555/23"),
            (
                "The court radicado 11001-555-2024 is active.",
                "11001-555-2024",
            ),
            ("A denuncia 555-2024-00321 was made.", "555-2024-00321"),
            (
                "Her protocolo de refúgio 08555.004321/2024-17 expired.",
                "08555.004321/2024-17",
            ),
            ("The causa BA-5551/2023 is pending.", "BA-5551/2023"),
        ],
    );
}

#[test]
fn ordinal_marks_openers_storm_lists_and_medicine_strengths_are_not_names() {
    for text in [
        "Processo nº 2024 was opened, 1ª via.",
        "In Renca, the baby slept through.",
        "Irma, Ian, Idalia: the moms here count years by hurricanes.",
        "Sertraline 50 mg started, EPDS down to 10.",
        "Mom pays by Pix and orders on DoorDash.",
    ] {
        assert!(flags(text, FindingKind::PersonName).is_empty(), "{text}");
    }
    // A child given a dose is still named.
    assert_finds(
        FindingKind::PersonName,
        &[("Mom gave Aiden 2.5 ml of Tylenol.", "Aiden")],
    );
}

#[test]
fn a_saints_town_and_the_town_of_an_address_are_places_where_named_again() {
    assert_finds(
        FindingKind::Place,
        &[
            (
                "She rents a camper outside St. Johnsbury now.",
                "St. Johnsbury",
            ),
            ("The family just got to Kissimmee last night.", "Kissimmee"),
        ],
    );
    let text = "They live out on Wadmalaw Point. Address: 12 Oak Rd, Wadmalaw Point, SC 29555.";
    assert_eq!(flags(text, FindingKind::Place), ["Wadmalaw Point"]);
}

#[test]
fn a_child_who_came_or_arrived_on_a_holiday_or_an_event_was_born_then() {
    assert_finds(
        FindingKind::BirthDate,
        &[
            (
                "Noor was born on Christmas Day a little after noon.",
                "Christmas Day",
            ),
            (
                "Gunner came the morning of the county fair. The baby is 9 lbs now.",
                "the morning of the county fair",
            ),
            (
                "Rain arrived the night of the hailstorm near Ogallala, the newborn screaming.",
                "the night of the hailstorm",
            ),
            ("Mom had him on Labor Day, baby is 5 weeks.", "Labor Day"),
            (
                "He was born during Hurricane Ivan, in the dark.",
                "Hurricane Ivan",
            ),
            (
                "O bebê nasceu dia 9 de outubro de 2023.",
                "9 de outubro de 2023",
            ),
        ],
    );
    // A grown-up's coming, and a visit on a date, are not births.
    for text in [
        "Mom came the morning of the county fair with the baby.",
        "The interpreter arrived the night of the storm; the baby slept.",
        "We had her at the clinic on 3/4 for shots.",
        "A reunião foi 3 de maio.",
    ] {
        assert!(flags(text, FindingKind::BirthDate).is_empty(), "{text}");
    }
}

#[test]
fn community_groups_spoken_and_lower_case_house_numbers_and_more_phone_shapes() {
    assert_finds(
        FindingKind::SocialHandle,
        &[
            (
                "She posted it in Karen Moms of Omaha last night.",
                "Karen Moms of Omaha",
            ),
            (
                "He sold the stroller on Okmulgee Dads Buy Sell Trade.",
                "Okmulgee Dads Buy Sell Trade",
            ),
            (
                "Mom is in a WhatsApp group called \"Hooyo Lewiston\" now.",
                "Hooyo Lewiston",
            ),
        ],
    );
    // A programme's name, and parents as a word, are not groups.
    for text in [
        "Healthy Families posted the schedule.",
        "The moms in the group were tired.",
    ] {
        assert!(flags(text, FindingKind::SocialHandle).is_empty(), "{text}");
    }
    assert_finds(
        FindingKind::StreetAddress,
        &[
            (
                "They moved to forty two Kauri Street.",
                "forty two Kauri Street",
            ),
            (
                "She said six one two Pine Road, the blue one.",
                "six one two Pine Road",
            ),
            ("New place is 1180 w 63rd st apt c.", "1180 w 63rd st apt c"),
            (
                "They rent Lot 12, Wainibuka Road, Nausori.",
                "Lot 12, Wainibuka Road, Nausori",
            ),
            (
                "Post goes to Private Bag 3012, Kaikohe.",
                "Private Bag 3012, Kaikohe",
            ),
        ],
    );
    assert!(flags("We read one Hill Road story.", FindingKind::StreetAddress).is_empty());
    assert_finds(
        FindingKind::Phone,
        &[
            ("Her landline is (09) 555 2210.", "(09) 555 2210"),
            ("pls ring 0215550192 after 3", "0215550192"),
        ],
    );
}

#[test]
fn birthdays_told_as_turning_lower_case_holidays_storm_nights_and_sibling_lists() {
    assert_finds(
        FindingKind::BirthDate,
        &[
            (
                "she turned 1 on juneteenth and wic wants her in",
                "juneteenth",
            ),
            (
                "Bentley turns one on Thanksgiving, so no visit.",
                "Thanksgiving",
            ),
            (
                "The first photo is from March 9, the day she was born.",
                "March 9",
            ),
            (
                "He came early, the morning after the big snow, and spent a week in the NICU.",
                "the morning after the big snow",
            ),
        ],
    );
    let text = "Ivy was born on Easter Sunday and her brother Cole on Labor Day.";
    assert_eq!(
        flags(text, FindingKind::BirthDate),
        ["Easter Sunday", "Labor Day"]
    );
    // A placement after a birth date is not another birth.
    assert_eq!(
        flags(
            "Kaia (DOB 19/05/2021) was placed in care on 3 March last year.",
            FindingKind::BirthDate
        ),
        ["19/05/2021"]
    );
}
