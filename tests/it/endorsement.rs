//! Endorsement records: the richer session details (stored, checked, and old sessions
//! still opening), training records with certificates (type- and size-checked, kept
//! encrypted, saved back out, deleted with their training), the Endorsement maths on
//! fixed fixtures (windows, renewal-year boundaries, one main source, peer and giving
//! sessions left out, group and individual, topic minimums) and the application CSVs.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::*;
use attune::api::{self, EndorsementChoice, EndorsementRequest, TrainingRef};
use attune::journal::endorsement::{
    self, associations, report, rules, sessions_csv, training_csv, Plan, Target, TargetKind,
    SESSIONS_CSV_HEADER, TRAINING_CSV_HEADER,
};
use attune::journal::sessions::hours_csv;
use attune::journal::{
    Delivery, SessionDetails, SessionFormat, SessionId, SessionInput, SessionRole,
    SupervisionSession, Training, TrainingId, TrainingInput,
};
use attune::store::Table;
use attune::ErrorCode;
use chrono::{NaiveDate, TimeZone, Utc};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A received, counting, individual session with `provider`, distinct per `n`.
fn received(n: u8, date: NaiveDate, minutes: u32, provider: &str) -> SupervisionSession {
    SupervisionSession {
        id: SessionId([n; 16]),
        date,
        minutes,
        format: SessionFormat::Individual,
        with_whom: "my supervisor".into(),
        role: SessionRole::Receiving,
        entries_discussed: Vec::new(),
        notes: Some(format!("notes {n}")),
        details: SessionDetails {
            provider_name: Some(provider.into()),
            provider_credential: Some("IMHM-C".into()),
            delivery: Some(Delivery::Video),
            ..SessionDetails::default()
        },
        created_at: Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap(),
        revision: 1,
    }
}

fn training(n: u8, date: NaiveDate, hours: f64, topics: &[&str]) -> Training {
    Training {
        id: TrainingId([n; 16]),
        title: format!("Training {n}"),
        provider: "State association".into(),
        date,
        hours,
        topics: topics.iter().map(|t| t.to_string()).collect(),
        notes: None,
        certificate: None,
        created_at: Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap(),
        revision: 1,
    }
}

fn choice(association: &str, category: &str) -> EndorsementChoice {
    EndorsementChoice {
        association: Some(association.into()),
        category: Some(category.into()),
        ..EndorsementChoice::default()
    }
}

fn plan(choice: &EndorsementChoice) -> Plan<'static> {
    Plan::new(rules(), associations(), choice, None).unwrap()
}

#[test]
fn a_renewal_due_12_31_counts_the_calendar_year() {
    let c = choice("mi-aimh", "imhs");
    let sessions = [
        received(1, day(2025, 12, 31), 60, "Dr Lee"),
        received(2, day(2026, 1, 1), 90, "Dr Lee"),
        received(3, day(2026, 12, 31), 30, "Dr Lee"),
        received(4, day(2027, 1, 1), 60, "Dr Lee"),
    ];
    let r = report(&plan(&c), Target::Renewal { year: 2026 }, &sessions, &[]).unwrap();
    assert_eq!(r.kind, TargetKind::Renewal);
    assert_eq!(
        (r.from, r.to, r.due),
        (day(2026, 1, 1), day(2026, 12, 31), Some(day(2026, 12, 31)))
    );
    assert_eq!(r.rsc.counted_minutes, 120);
    assert_eq!(r.rsc.sessions_counted, 2);
    assert_eq!(r.rsc.required_hours, Some(12));
    assert_eq!(r.training.required_hours, Some(15));
    assert!(
        r.missing[0].starts_with("10 more hours of RS/C received (2 of 12"),
        "{:?}",
        r.missing
    );
    assert!(
        r.missing[1].starts_with("15 more hours of training"),
        "{:?}",
        r.missing
    );
    assert!(r.caveat.contains("your association decides"));
}

#[test]
fn a_renewal_due_1_31_runs_from_february_to_january() {
    let c = EndorsementChoice {
        renewal_due: Some("01-31".into()),
        ..choice("mi-aimh", "ifs")
    };
    let sessions = [
        received(1, day(2026, 1, 31), 60, "A"),
        received(2, day(2026, 2, 1), 60, "A"),
        received(3, day(2027, 1, 31), 60, "A"),
        received(4, day(2027, 2, 1), 60, "A"),
    ];
    let r = report(&plan(&c), Target::Renewal { year: 2026 }, &sessions, &[]).unwrap();
    assert_eq!((r.from, r.to), (day(2026, 2, 1), day(2027, 1, 31)));
    assert_eq!(r.due, Some(day(2027, 1, 31)));
    assert_eq!(r.rsc.counted_minutes, 120);
    // An association's own due date applies when the person set none.
    let az = report(
        &plan(&choice("itmhca", "ifs")),
        Target::Renewal { year: 2026 },
        &sessions,
        &[],
    )
    .unwrap();
    assert_eq!((az.from, az.to), (day(2025, 12, 16), day(2026, 12, 15)));
}

#[test]
fn earning_counts_a_rolling_window_ending_today() {
    let c = choice("mi-aimh", "imhs");
    let today = day(2026, 6, 30);
    let sessions = [
        received(1, day(2024, 6, 30), 600, "A"),
        received(2, day(2024, 7, 1), 600, "A"),
        received(3, day(2026, 6, 30), 600, "A"),
        received(4, day(2026, 7, 1), 600, "A"),
    ];
    let r = report(&plan(&c), Target::Earning { today }, &sessions, &[]).unwrap();
    assert_eq!(r.kind, TargetKind::Earning);
    assert_eq!(
        (r.from, r.to, r.due, r.year),
        (day(2024, 7, 1), today, None, None)
    );
    assert_eq!(r.rsc.counted_minutes, 1200);
    assert_eq!(r.rsc.required_hours, Some(50));
    assert_eq!(r.training.required_hours, None);
    assert_eq!(
        r.missing,
        ["30 more hours of RS/C received (20 of 50 so far)."]
    );
    // IFS asks 24; a category named overrides the one chosen.
    let ifs = Plan::new(rules(), associations(), &c, Some("IFS")).unwrap();
    let r = report(&ifs, Target::Earning { today }, &sessions, &[]).unwrap();
    assert_eq!(r.rsc.required_hours, Some(24));
    assert_eq!(
        r.missing,
        ["4 more hours of RS/C received (20 of 24 so far)."]
    );
    // IFA asks no RS/C hours: nothing is missing for it.
    let ifa = Plan::new(rules(), associations(), &c, Some("ifa")).unwrap();
    let r = report(&ifa, Target::Earning { today }, &sessions, &[]).unwrap();
    assert_eq!(r.rsc.required_hours, None);
    assert!(r.missing.is_empty(), "{:?}", r.missing);
}

#[test]
fn one_main_source_and_a_note_when_a_third_appears() {
    let c = choice("mi-aimh", "imhs");
    let mut sessions = vec![
        received(1, day(2026, 2, 1), 600, "Dr Lee"),
        received(2, day(2026, 3, 1), 60, " dr lee "),
        received(3, day(2026, 4, 1), 120, "Sam Ortiz"),
    ];
    let r = report(&plan(&c), Target::Renewal { year: 2026 }, &sessions, &[]).unwrap();
    assert_eq!(r.rsc.providers.len(), 2, "{:?}", r.rsc.providers);
    assert_eq!(r.rsc.providers[0].name, "Dr Lee");
    assert_eq!(r.rsc.main_provider_minutes, 660);
    assert_eq!(r.rsc.other_providers_minutes, 120);
    assert!(
        !r.notes.iter().any(|n| n.contains("providers")),
        "{:?}",
        r.notes
    );
    assert!(
        !r.missing.iter().any(|m| m.contains("RS/C")),
        "13 hours meet 12"
    );

    sessions.push(received(4, day(2026, 5, 1), 60, "Third Person"));
    let r = report(&plan(&c), Target::Renewal { year: 2026 }, &sessions, &[]).unwrap();
    assert_eq!(r.rsc.providers.len(), 3);
    assert_eq!(r.rsc.other_providers_minutes, 180);
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("3 providers") && n.contains("association decides")),
        "{:?}",
        r.notes
    );
    // Without a provider's name, the facilitator, then "with whom" names the source.
    let mut bare = received(5, day(2026, 6, 1), 60, "x");
    bare.details.provider_name = None;
    let r = report(&plan(&c), Target::Renewal { year: 2026 }, &[bare], &[]).unwrap();
    assert_eq!(r.rsc.providers[0].name, "my supervisor");
}

#[test]
fn peer_giving_and_not_counting_sessions_are_left_out() {
    let c = choice("mi-aimh", "imhs");
    let mut peer_counting = received(1, day(2026, 2, 1), 60, "Colleague");
    peer_counting.details.peer = true;
    let mut peer_plain = received(2, day(2026, 2, 2), 45, "Colleague");
    peer_plain.details.peer = true;
    peer_plain.details.counts_toward_endorsement = false;
    let mut given = received(3, day(2026, 2, 3), 90, "Me");
    given.role = SessionRole::Giving;
    let mut not_counting = received(4, day(2026, 2, 4), 30, "Dr Lee");
    not_counting.details.counts_toward_endorsement = false;
    let counted = received(5, day(2026, 2, 5), 60, "Dr Lee");
    let all = [peer_counting, peer_plain, given, not_counting, counted];
    let r = report(&plan(&c), Target::Renewal { year: 2026 }, &all, &[]).unwrap();
    assert_eq!(r.rsc.counted_minutes, 60);
    assert_eq!(r.rsc.peer_minutes, 105);
    assert_eq!(r.rsc.given_minutes, 90);
    assert_eq!(r.rsc.not_counted_minutes, 30);
    assert_eq!(r.rsc.providers.len(), 1);
    let peer_notes: Vec<_> = r.notes.iter().filter(|n| n.contains("peer")).collect();
    assert_eq!(
        peer_notes.len(),
        1,
        "only the one marked counting: {:?}",
        r.notes
    );
    assert!(peer_notes[0].starts_with("One session"));
    assert!(
        r.notes.iter().any(|n| n.starts_with("1.5 hours you gave")),
        "{:?}",
        r.notes
    );
}

#[test]
fn individual_and_group_both_count_with_subtotals() {
    let c = choice("mi-aimh", "ifs");
    let mut group = received(1, day(2026, 3, 1), 120, "Dr Lee");
    group.format = SessionFormat::Group;
    group.details.group_size = Some(6);
    group.details.facilitator = Some("Dr Lee".into());
    let single = received(2, day(2026, 3, 2), 50, "Dr Lee");
    let r = report(
        &plan(&c),
        Target::Renewal { year: 2026 },
        &[group, single],
        &[],
    )
    .unwrap();
    assert_eq!((r.rsc.individual_minutes, r.rsc.group_minutes), (50, 120));
    assert_eq!(r.rsc.counted_minutes, 170);
    assert_eq!(r.rsc.sessions_counted, 2);
}

#[test]
fn training_hours_add_up_exactly_with_topic_minimums() {
    // First 5 Alabama asks 3 hours on RS/C of those who provide it.
    let c = choice("first5alabama", "imhm-c");
    let trainings = [
        training(1, day(2026, 1, 10), 0.1, &["rsc"]),
        training(2, day(2026, 1, 11), 0.2, &["rsc", "dei"]),
        training(3, day(2026, 5, 1), 12.0, &["other"]),
        training(4, day(2025, 12, 31), 5.0, &["rsc"]),
    ];
    let r = report(&plan(&c), Target::Renewal { year: 2026 }, &[], &trainings).unwrap();
    assert_eq!(r.training.trainings, 3);
    assert_eq!(r.training.hours, 12.3);
    let rsc = r.training.topics.iter().find(|t| t.topic == "rsc").unwrap();
    assert_eq!(rsc.hours, 0.3);
    assert_eq!(rsc.minimum, None, "not a provider: no minimum");
    assert!(
        r.missing
            .iter()
            .any(|m| m == "2.7 more hours of training (12.3 of 15 so far)."),
        "{:?}",
        r.missing
    );

    let mut gave = received(9, day(2026, 4, 1), 60, "Me");
    gave.role = SessionRole::Giving;
    let r = report(
        &plan(&c),
        Target::Renewal { year: 2026 },
        &[gave],
        &trainings,
    )
    .unwrap();
    let rsc = r.training.topics.iter().find(|t| t.topic == "rsc").unwrap();
    assert_eq!(rsc.minimum, Some(3));
    assert!(
        r.missing.iter().any(|m| m == "2.7 more hours of training on reflective supervision/consultation (0.3 of 3 so far)."),
        "{:?}",
        r.missing
    );

    // Everything met: nothing missing.
    let full = [
        training(1, day(2026, 2, 1), 3.0, &["rsc"]),
        training(2, day(2026, 3, 1), 12.0, &["dei"]),
    ];
    let sessions: Vec<_> = (0..12)
        .map(|n| received(n, day(2026, 3, 1 + u32::from(n)), 60, "Dr Lee"))
        .collect();
    let mut all = sessions.clone();
    let mut gave = received(99, day(2026, 4, 1), 60, "Me");
    gave.role = SessionRole::Giving;
    all.push(gave);
    let r = report(&plan(&c), Target::Renewal { year: 2026 }, &all, &full).unwrap();
    assert!(r.missing.is_empty(), "{:?}", r.missing);
}

#[test]
fn the_person_s_own_minimums_override_the_category_s() {
    let c = EndorsementChoice {
        rsc_hours: Some(20),
        training_hours: Some(10),
        ..choice("mi-aimh", "imhs")
    };
    let r = report(&plan(&c), Target::Renewal { year: 2026 }, &[], &[]).unwrap();
    assert_eq!(
        (r.rsc.required_hours, r.training.required_hours),
        (Some(20), Some(10))
    );
    // No association chosen: the due date is 12/31, and the report says so.
    let none = EndorsementChoice {
        category: Some("imhs".into()),
        ..EndorsementChoice::default()
    };
    let r = report(&plan(&none), Target::Renewal { year: 2026 }, &[], &[]).unwrap();
    assert_eq!(r.to, day(2026, 12, 31));
    assert!(r.notes.iter().any(|n| n.contains("No association chosen")));
    // No category anywhere: a plain refusal.
    let err = Plan::new(rules(), associations(), &EndorsementChoice::default(), None).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let err = Plan::new(rules(), associations(), &none, Some("wizard")).unwrap_err();
    assert!(err.message.contains("IMHS"), "{}", err.message);
}

#[test]
fn application_csvs_have_one_row_each_and_leave_out_what_does_not_count() {
    let mut group = received(1, day(2026, 3, 1), 90, "=Dr Lee");
    group.format = SessionFormat::Group;
    group.details.delivery = Some(Delivery::InPerson);
    let mut peer = received(2, day(2026, 3, 2), 60, "Peer");
    peer.details.peer = true;
    let mut given = received(3, day(2026, 3, 3), 60, "Me");
    given.role = SessionRole::Giving;
    let plain = received(4, day(2026, 2, 1), 60, "Dr Lee, PhD");
    let all = [group, peer, given, plain];
    let csv = sessions_csv(&all, day(2026, 1, 1), day(2026, 12, 31));
    assert_eq!(
        csv,
        format!(
            "{SESSIONS_CSV_HEADER}\r\n\
             2026-02-01,1.00,\"Dr Lee, PhD\",IMHM-C,individual,video\r\n\
             2026-03-01,1.50,'=Dr Lee,IMHM-C,group,in person\r\n"
        )
    );
    assert!(!csv.contains("notes"));
    let trainings = [
        training(1, day(2026, 5, 1), 1.5, &["rsc", "dei"]),
        training(2, day(2025, 5, 1), 2.0, &[]),
    ];
    assert_eq!(
        training_csv(&trainings, day(2026, 1, 1), day(2026, 12, 31)),
        format!(
            "{TRAINING_CSV_HEADER}\r\n\
             2026-05-01,Training 1,State association,1.50,Reflective supervision/consultation; Diversity, equity and inclusion\r\n"
        )
        .replace("Reflective supervision/consultation; Diversity, equity and inclusion", "\"Reflective supervision/consultation; Diversity, equity and inclusion\"")
    );
    // The existing hours CSV is unchanged by the new fields.
    assert_eq!(
        hours_csv(&all, 2026),
        "date,minutes,hours,format,with_whom,role\r\n\
         2026-02-01,60,1.00,individual,my supervisor,receiving\r\n\
         2026-03-01,90,1.50,group,my supervisor,receiving\r\n\
         2026-03-02,60,1.00,individual,my supervisor,receiving\r\n\
         2026-03-03,60,1.00,individual,my supervisor,giving\r\n"
    );
}

#[test]
fn a_session_stored_before_the_details_existed_still_opens() {
    let old = r#"{"id":"0101010101010101010101010101010a","date":"2025-03-04","minutes":60,
        "format":"individual","with_whom":"my supervisor","role":"receiving",
        "entries_discussed":[],"notes":null,"created_at":"2025-03-04T12:00:00Z","revision":1}"#;
    let s: SupervisionSession = serde_json::from_str(old).unwrap();
    assert_eq!(s.details, SessionDetails::default());
    assert!(s.details.counts_toward_endorsement && !s.details.peer);
    let input: SessionInput = serde_json::from_str(
        r#"{"date":"2025-03-04","minutes":60,"format":"group","with_whom":"g"}"#,
    )
    .unwrap();
    assert_eq!(input.details, SessionDetails::default());
}

fn session_input(format: SessionFormat, details: SessionDetails) -> SessionInput {
    SessionInput {
        id: None,
        date: day(2026, 3, 4),
        minutes: 60,
        format,
        with_whom: "Tuesday group".into(),
        role: SessionRole::Receiving,
        entries_discussed: Vec::new(),
        notes: None,
        details,
    }
}

#[test]
fn session_details_are_kept_encrypted_and_checked() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    let details = SessionDetails {
        provider_name: Some("  Dr Lee ".into()),
        provider_credential: Some(" IMHM-C ".into()),
        delivery: Some(Delivery::Video),
        facilitator: Some("Dr Lee".into()),
        group_size: Some(5),
        presented: Some(true),
        peer: false,
        counts_toward_endorsement: true,
    };
    let saved = journal
        .save_session(session_input(SessionFormat::Group, details), now())
        .unwrap();
    assert_eq!(saved.details.provider_name.as_deref(), Some("Dr Lee"));
    assert_eq!(saved.details.provider_credential.as_deref(), Some("IMHM-C"));
    journal.lock();
    let journal = open_journal(&dir, PASSPHRASE);
    let back = journal.session(&saved.id).unwrap();
    assert_eq!(back.details, saved.details);
    assert_eq!(back.details.group_size, Some(5));
    drop(journal);

    let mut journal = open_journal(&dir, PASSPHRASE);
    let before = journal_files(&dir);
    for (format, details) in [
        (
            SessionFormat::Individual,
            SessionDetails {
                group_size: Some(4),
                ..SessionDetails::default()
            },
        ),
        (
            SessionFormat::Individual,
            SessionDetails {
                presented: Some(true),
                ..SessionDetails::default()
            },
        ),
        (
            SessionFormat::Group,
            SessionDetails {
                group_size: Some(1),
                ..SessionDetails::default()
            },
        ),
        (
            SessionFormat::Group,
            SessionDetails {
                provider_name: Some("a\nb".into()),
                ..SessionDetails::default()
            },
        ),
        (
            SessionFormat::Group,
            SessionDetails {
                provider_credential: Some("x".repeat(81)),
                ..SessionDetails::default()
            },
        ),
    ] {
        let err = journal
            .save_session(session_input(format, details), now())
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput, "{}", err.message);
    }
    assert_eq!(journal.sessions().len(), 1);
    assert_same_files(&before, &journal_files(&dir), "refused session details");
}

fn training_input(title: &str) -> TrainingInput {
    TrainingInput {
        id: None,
        title: title.into(),
        provider: "MI-AIMH".into(),
        date: day(2026, 5, 1),
        hours: 1.5,
        topics: vec!["RSC".into(), "dei".into(), "rsc".into()],
        notes: Some("  kept  ".into()),
    }
}

fn pdf(marker: &[u8]) -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend_from_slice(marker);
    bytes.extend_from_slice(b"\n%%EOF\n");
    bytes
}

#[test]
fn trainings_are_kept_checked_and_deleted_with_their_certificate() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    let t = api::training::save(&mut journal, training_input("Working with fathers")).unwrap();
    assert_eq!(t.topics, ["rsc", "dei"], "known, lowercase, once");
    assert_eq!(t.notes.as_deref(), Some("kept"));
    assert_eq!(t.hours, 1.5);

    // Bad input changes nothing.
    let before = journal_files(&dir);
    for bad in [
        TrainingInput {
            topics: vec!["knitting".into()],
            ..training_input("x")
        },
        TrainingInput {
            hours: 0.0,
            ..training_input("x")
        },
        TrainingInput {
            hours: f64::NAN,
            ..training_input("x")
        },
        TrainingInput {
            title: "  ".into(),
            ..training_input("x")
        },
        TrainingInput {
            provider: "a\nb".into(),
            ..training_input("x")
        },
    ] {
        let err = api::training::save(&mut journal, bad).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput, "{}", err.message);
    }
    let files = tmp.path().join("files");
    std::fs::create_dir_all(&files).unwrap();
    let gif = files.join("cert.gif");
    std::fs::write(&gif, b"GIF89a....").unwrap();
    let big = files.join("big.pdf");
    let mut huge = b"%PDF-".to_vec();
    huge.resize(attune::journal::MAX_CERTIFICATE_BYTES + 1, b'x');
    std::fs::write(&big, &huge).unwrap();
    let r = TrainingRef { id: t.id };
    for path in [&gif, &big, &files.join("missing.pdf")] {
        assert!(api::training::attach_certificate(&mut journal, &r, path).is_err());
    }
    assert_same_files(&before, &journal_files(&dir), "refused training input");

    // A certificate attached, read back after reopening, and saved out once.
    let original = pdf(b"certificate body");
    let cert = files.join("My Certificate.PDF");
    std::fs::write(&cert, &original).unwrap();
    let with = api::training::attach_certificate(&mut journal, &r, &cert).unwrap();
    let file = with.certificate.clone().unwrap();
    assert_eq!(file.file_name, "My Certificate.pdf");
    assert_eq!(file.bytes as usize, original.len());
    assert_eq!(
        std::fs::read(&cert).unwrap(),
        original,
        "the chosen file is untouched"
    );
    // An edit keeps the certificate.
    let edited = api::training::save(
        &mut journal,
        TrainingInput {
            id: Some(t.id),
            ..training_input("Working with fathers, part 2")
        },
    )
    .unwrap();
    assert!(edited.certificate.is_some());
    journal.lock();
    let mut journal = open_journal(&dir, PASSPHRASE);
    assert!(journal.damaged().is_empty());
    let out = files.join("out.pdf");
    api::training::save_certificate(&journal, &r, &out).unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), original);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let again = api::training::save_certificate(&journal, &r, &out).unwrap_err();
    assert_eq!(again.code, ErrorCode::InvalidInput);
    assert_eq!(std::fs::read(&out).unwrap(), original, "never overwritten");

    // Deleting the training deletes its certificate.
    let count = |j: &attune::journal::Journal, table: Table| {
        j.vault().store().records(table).unwrap().0.len()
    };
    assert_eq!(
        (
            count(&journal, Table::Training),
            count(&journal, Table::Certificates)
        ),
        (1, 1)
    );
    api::training::delete(&mut journal, &r).unwrap();
    assert_eq!(
        (
            count(&journal, Table::Training),
            count(&journal, Table::Certificates)
        ),
        (0, 0)
    );
    assert!(api::training::list(&journal).unwrap().is_empty());
    assert_eq!(
        api::training::delete(&mut journal, &r).unwrap_err().code,
        ErrorCode::NotFound
    );
}

#[test]
fn the_endorsement_report_reads_the_choice_kept_in_the_settings() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    let req = EndorsementRequest {
        category: None,
        renewal_year: Some(2026),
    };
    assert_eq!(
        api::endorsement::report(&journal, &req).unwrap_err().code,
        ErrorCode::InvalidInput,
        "no category yet"
    );
    let bad = EndorsementChoice {
        association: Some("nowhere".into()),
        ..EndorsementChoice::default()
    };
    assert!(api::endorsement::choose(&mut journal, bad).is_err());
    api::endorsement::choose(&mut journal, choice("mi-aimh", "ifs")).unwrap();
    journal
        .save_session(
            session_input(
                SessionFormat::Individual,
                SessionDetails {
                    provider_name: Some("Dr Lee".into()),
                    ..SessionDetails::default()
                },
            ),
            now(),
        )
        .unwrap();
    api::training::save(&mut journal, training_input("Fathers")).unwrap();
    let r = api::endorsement::report(&journal, &req).unwrap();
    assert_eq!(r.category_id, "ifs");
    assert_eq!(
        r.association_name.as_deref(),
        Some("Michigan Association for Infant Mental Health")
    );
    assert_eq!(r.rsc.counted_minutes, 60);
    assert_eq!(r.training.hours, 1.5);
    let csv = api::endorsement::csv_on(
        &journal,
        &api::EndorsementCsvRequest {
            what: api::ApplicationCsv::Training,
            target: req.clone(),
        },
        day(2026, 6, 1),
    )
    .unwrap();
    assert_eq!(csv.lines().count(), 2);
    let earning =
        api::endorsement::report_on(&journal, &EndorsementRequest::default(), day(2026, 6, 1))
            .unwrap();
    assert_eq!(earning.rsc.required_hours, Some(24));
    assert!(endorsement::data().associations.associations.len() > 10);
}
