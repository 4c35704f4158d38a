//! Supervision sessions: encrypted storage through lock and unlock, changes and
//! deletion, damage handling, validation, the hours maths on fixed dates, progress
//! towards the target, and the hours CSV (its shape, quoting, the formula guard, and
//! that it never carries notes or entry text).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::*;
use attune::journal::sessions::{self, HOURS_CSV_HEADER};
use attune::journal::{
    EntryId, Journal, SessionFormat, SessionId, SessionInput, SessionRole, Settings,
    SupervisionSession,
};
use attune::store::Table;
use attune::ErrorCode;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap()
}

fn input(date: NaiveDate, minutes: u32, with_whom: &str) -> SessionInput {
    SessionInput {
        id: None,
        date,
        minutes,
        format: SessionFormat::Individual,
        with_whom: with_whom.into(),
        role: SessionRole::Receiving,
        entries_discussed: Vec::new(),
        notes: None,
        details: Default::default(),
    }
}

/// A session built directly (for the pure hours maths), distinct per `n`.
fn stored(n: u8, date: NaiveDate, minutes: u32, role: SessionRole) -> SupervisionSession {
    SupervisionSession {
        id: SessionId([n; 16]),
        date,
        minutes,
        format: SessionFormat::Group,
        with_whom: format!("group {n}"),
        role,
        entries_discussed: Vec::new(),
        notes: Some(format!("notes {n}")),
        details: Default::default(),
        created_at: at(2026, 1, 1),
        revision: 1,
    }
}

#[test]
fn sessions_survive_lock_and_unlock_with_every_field() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    let entry = journal.add(sample_entry(1), now()).unwrap().id;
    let saved = journal
        .save_session(
            SessionInput {
                format: SessionFormat::Group,
                role: SessionRole::Giving,
                entries_discussed: vec![entry, entry],
                notes: Some("  we stayed with the waiting  ".into()),
                ..input(day(2026, 2, 3), 75, "  Tuesday group ")
            },
            at(2026, 2, 3),
        )
        .unwrap();
    assert_eq!(saved.with_whom, "Tuesday group", "trimmed");
    assert_eq!(saved.notes.as_deref(), Some("we stayed with the waiting"));
    assert_eq!(saved.entries_discussed, vec![entry], "named once");
    assert_eq!(saved.revision, 1);
    let second = journal
        .save_session(input(day(2026, 4, 1), 60, "my supervisor"), now())
        .unwrap();
    assert_ne!(saved.id, second.id);
    journal.lock();

    assert_eq!(
        stored_records_in(&dir, Table::Sessions).len(),
        2,
        "one record per session"
    );
    let journal = open_journal(&dir, PASSPHRASE);
    assert!(journal.damaged().is_empty());
    assert_eq!(journal.session(&saved.id).unwrap(), &saved);
    assert_eq!(journal.session(&second.id).unwrap(), &second);
    assert_eq!(
        attune::verify::journal(&journal).unwrap().records_checked,
        3
    );
}

#[test]
fn changing_a_session_keeps_its_id_and_creation_and_raises_the_revision() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    let first = journal
        .save_session(input(day(2026, 5, 6), 60, "my supervisor"), at(2026, 5, 6))
        .unwrap();
    let changed = journal
        .save_session(
            SessionInput {
                id: Some(first.id),
                notes: Some("added later".into()),
                ..input(day(2026, 5, 7), 90, "my supervisor")
            },
            at(2026, 6, 1),
        )
        .unwrap();
    assert_eq!(changed.id, first.id);
    assert_eq!(changed.created_at, first.created_at);
    assert_eq!(changed.revision, 2);
    assert_eq!((changed.date, changed.minutes), (day(2026, 5, 7), 90));
    assert_eq!(journal.sessions().len(), 1);
    journal.lock();
    assert_eq!(
        stored_records_in(&dir, Table::Sessions).len(),
        1,
        "replaced, not added"
    );
    let journal = open_journal(&dir, PASSPHRASE);
    assert_eq!(journal.session(&first.id).unwrap(), &changed);

    let mut journal = journal;
    let unknown = SessionInput {
        id: Some(SessionId([7; 16])),
        ..input(day(2026, 5, 7), 90, "x")
    };
    assert_eq!(
        code_of(journal.save_session(unknown, now())),
        ErrorCode::NotFound
    );
}

#[test]
fn sessions_must_name_entries_that_exist_but_keep_those_deleted_since() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    let entry = journal.add(sample_entry(2), now()).unwrap().id;
    let missing = EntryId([0x5a; 16]);
    let with = |entries: Vec<EntryId>| SessionInput {
        entries_discussed: entries,
        ..input(day(2026, 3, 3), 60, "my supervisor")
    };
    assert_eq!(
        code_of(journal.save_session(with(vec![entry, missing]), now())),
        ErrorCode::InvalidInput
    );
    assert!(journal.sessions().is_empty(), "nothing saved");
    let saved = journal.save_session(with(vec![entry]), now()).unwrap();

    // The entry is deleted for good; the session still names it and can be edited.
    journal.purge(&entry).unwrap();
    let edited = journal
        .save_session(
            SessionInput {
                id: Some(saved.id),
                notes: Some("still about that visit".into()),
                ..with(vec![entry])
            },
            now(),
        )
        .unwrap();
    assert_eq!(edited.entries_discussed, vec![entry]);
    // But it cannot be added to another session.
    assert_eq!(
        code_of(journal.save_session(with(vec![entry]), now())),
        ErrorCode::InvalidInput
    );
}

#[test]
fn bad_sessions_are_refused_and_nothing_is_saved() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    let good = || input(day(2026, 3, 3), 60, "my supervisor");
    let bad = [
        SessionInput {
            minutes: 0,
            ..good()
        },
        SessionInput {
            minutes: 601,
            ..good()
        },
        SessionInput {
            with_whom: "   ".into(),
            ..good()
        },
        SessionInput {
            with_whom: "x".repeat(81),
            ..good()
        },
        SessionInput {
            with_whom: "two\nlines".into(),
            ..good()
        },
        SessionInput {
            notes: Some("n".repeat(5001)),
            ..good()
        },
    ];
    for (i, b) in bad.into_iter().enumerate() {
        assert_eq!(
            code_of(journal.save_session(b, now())),
            ErrorCode::InvalidInput,
            "case {i}"
        );
    }
    assert!(journal.sessions().is_empty());
    // The limits themselves are fine; blank notes are dropped.
    let edge = journal
        .save_session(
            SessionInput {
                minutes: 600,
                with_whom: "é".repeat(80),
                notes: Some(" \n ".into()),
                ..good()
            },
            now(),
        )
        .unwrap();
    assert_eq!(edge.notes, None);
    journal.lock();
    assert_eq!(stored_records_in(&dir, Table::Sessions).len(), 1);
}

#[test]
fn a_damaged_session_is_reported_and_can_be_removed_by_its_id() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    for m in [1, 2, 3] {
        journal
            .save_session(input(day(2026, m, 1), 60, "my supervisor"), now())
            .unwrap();
    }
    journal.lock();
    let StoredRecord { seq, id, .. } = stored_records_in(&dir, Table::Sessions)[1].clone();
    set_envelope(&dir, seq, &[0]);
    let hex = hex(&id);

    let mut journal = open_journal(&dir, PASSPHRASE);
    let reported: Vec<Option<String>> = journal.damaged().iter().map(|d| d.id.clone()).collect();
    assert_eq!(reported, vec![Some(hex.clone())]);
    assert_eq!(journal.sessions().len(), 2, "the others read back");
    let report = attune::verify::journal(&journal).unwrap();
    assert_eq!(report.records_checked, 3);
    assert_eq!(report.damaged[0].id.as_deref(), Some(hex.as_str()));

    let damaged = SessionId::from_hex(&hex).unwrap();
    journal.delete_session(&damaged).unwrap();
    assert!(journal.damaged().is_empty());
    assert_eq!(
        code_of(journal.delete_session(&damaged)),
        ErrorCode::NotFound
    );
    journal.lock();
    let journal = open_journal(&dir, PASSPHRASE);
    assert!(journal.damaged().is_empty());
    assert_eq!(journal.sessions().len(), 2);
}

#[test]
fn purge_removes_a_damaged_session_but_not_a_readable_one() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    let kept = journal
        .save_session(input(day(2026, 1, 5), 60, "a"), now())
        .unwrap()
        .id;
    journal
        .save_session(input(day(2026, 1, 6), 60, "b"), now())
        .unwrap();
    journal.lock();
    let StoredRecord { seq, id, .. } = stored_records_in(&dir, Table::Sessions)[1].clone();
    set_envelope(&dir, seq, &[0]);
    let mut journal = open_journal(&dir, PASSPHRASE);
    assert_eq!(
        code_of(journal.purge(&EntryId(kept.0))),
        ErrorCode::NotFound
    );
    journal.purge(&EntryId(id.try_into().unwrap())).unwrap();
    assert!(journal.damaged().is_empty());
    assert_eq!(journal.sessions().len(), 1);
}

#[test]
fn deleted_sessions_are_gone_after_unlock_and_rotation_carries_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    let gone = journal
        .save_session(input(day(2026, 1, 5), 60, "a"), now())
        .unwrap()
        .id;
    let kept = journal
        .save_session(input(day(2026, 1, 6), 45, "b"), now())
        .unwrap();
    journal.delete_session(&gone).unwrap();
    assert_eq!(
        code_of(journal.session(&gone).map(|s| s.id)),
        ErrorCode::NotFound
    );
    journal.vault_mut().rotate_key(&passphrase()).unwrap();
    journal.lock();
    assert_eq!(stored_records_in(&dir, Table::Sessions).len(), 1);
    let journal = open_journal(&dir, PASSPHRASE);
    assert!(journal.damaged().is_empty());
    let ids: Vec<SessionId> = journal.sessions().iter().map(|s| s.id).collect();
    assert_eq!(ids, vec![kept.id]);
    assert_eq!(journal.session(&kept.id).unwrap(), &kept);
}

#[test]
fn hours_count_one_year_by_month_and_keep_given_hours_apart() {
    use SessionRole::{Giving, Receiving};
    let all = [
        stored(1, day(2025, 12, 31), 120, Receiving), // the year before
        stored(2, day(2026, 1, 1), 90, Receiving),
        stored(3, day(2026, 1, 31), 30, Receiving),
        stored(4, day(2026, 3, 15), 60, Giving),
        stored(5, day(2026, 12, 31), 45, Receiving),
        stored(6, day(2027, 1, 1), 600, Receiving), // the year after
    ];
    let summary = sessions::hours(&all, 2026, None);
    assert_eq!(summary.year, 2026);
    assert_eq!(summary.sessions, 4);
    assert_eq!(summary.received_minutes, 90 + 30 + 45);
    assert_eq!(summary.given_minutes, 60);
    assert_eq!(summary.target_hours, None);
    assert_eq!(summary.progress, None);
    let months: Vec<u32> = summary.by_month.iter().map(|m| m.month).collect();
    assert_eq!(months, (1..=12).collect::<Vec<_>>());
    let received: Vec<u32> = summary
        .by_month
        .iter()
        .map(|m| m.received_minutes)
        .collect();
    assert_eq!(received, [120, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 45]);
    assert_eq!(summary.by_month[2].given_minutes, 60);
    assert_eq!(
        summary
            .by_month
            .iter()
            .map(|m| m.given_minutes)
            .sum::<u32>(),
        60
    );

    let before = sessions::hours(&all, 2025, None);
    assert_eq!((before.sessions, before.received_minutes), (1, 120));
    let empty = sessions::hours(&all, 2024, Some(12));
    assert_eq!((empty.sessions, empty.received_minutes), (0, 0));
    assert_eq!(empty.progress, Some(0.0));
}

#[test]
fn progress_is_received_hours_over_the_target_and_stops_at_one() {
    use SessionRole::{Giving, Receiving};
    let mut all = vec![
        stored(1, day(2026, 2, 1), 300, Receiving),
        stored(2, day(2026, 3, 1), 150, Receiving),
        // Given hours do not count towards the target.
        stored(3, day(2026, 3, 2), 600, Giving),
    ];
    let summary = sessions::hours(&all, 2026, Some(12));
    assert_eq!(summary.target_hours, Some(12.0));
    // 7.5 of 12 hours.
    assert!((summary.progress.unwrap() - 0.625).abs() < 1e-6);
    all.push(stored(4, day(2026, 4, 1), 600, Receiving));
    all.push(stored(5, day(2026, 5, 1), 600, Receiving));
    let over = sessions::hours(&all, 2026, Some(12));
    assert_eq!(over.received_minutes, 450 + 1200);
    assert_eq!(over.progress, Some(1.0));
}

#[test]
fn the_journal_reads_the_target_from_the_settings() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    journal
        .save_session(input(day(2026, 6, 1), 180, "my supervisor"), now())
        .unwrap();
    assert_eq!(journal.hours(2026).unwrap().progress, None);
    for bad in [0, 201] {
        let settings = Settings {
            rsc_hours_target: Some(bad),
            ..journal.settings().unwrap()
        };
        assert_eq!(
            code_of(journal.save_settings(&settings)),
            ErrorCode::InvalidInput,
            "{bad}"
        );
    }
    let settings = Settings {
        rsc_hours_target: Some(24),
        ..journal.settings().unwrap()
    };
    journal.save_settings(&settings).unwrap();
    journal.lock();
    let journal: Journal = open_journal(&dir, PASSPHRASE);
    let summary = journal.hours(2026).unwrap();
    assert_eq!(summary.target_hours, Some(24.0));
    assert!((summary.progress.unwrap() - 0.125).abs() < 1e-6);
    assert_eq!(code_of(journal.hours(0)), ErrorCode::InvalidInput);
}

#[test]
fn the_hours_csv_has_one_line_per_session_of_the_year_oldest_first() {
    use SessionRole::{Giving, Receiving};
    let all = [
        stored(1, day(2026, 3, 9), 90, Giving),
        stored(2, day(2025, 7, 1), 60, Receiving),
        stored(3, day(2026, 1, 20), 50, Receiving),
    ];
    let csv = sessions::hours_csv(&all, 2026);
    assert!(csv.ends_with("\r\n"));
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines,
        [
            HOURS_CSV_HEADER,
            "2026-01-20,50,0.83,group,group 3,receiving",
            "2026-03-09,90,1.50,group,group 1,giving",
            "",
        ]
    );
    assert_eq!(HOURS_CSV_HEADER, "date,minutes,hours,format,with_whom,role");
    assert_eq!(
        sessions::hours_csv(&all, 2024),
        format!("{HOURS_CSV_HEADER}\r\n")
    );
}

#[test]
fn the_hours_csv_quotes_names_and_defuses_formulas() {
    let named = |n: u8, name: &str| {
        let mut s = stored(n, day(2026, 1, u32::from(n)), 60, SessionRole::Receiving);
        s.with_whom = name.into();
        s
    };
    let all = [
        named(1, "Rowan, Kai"),
        named(2, "the \"Tuesday\" group"),
        named(3, "=HYPERLINK(\"http://x\")"),
        named(4, "+1"),
        named(5, "-team"),
        named(6, "@sum"),
        named(7, "\tpad"),
    ];
    let csv = sessions::hours_csv(&all, 2026);
    let names: Vec<&str> = csv
        .split("\r\n")
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let rest = l.splitn(5, ',').nth(4).unwrap();
            rest.strip_suffix(",receiving").unwrap()
        })
        .collect();
    assert_eq!(
        names,
        [
            "\"Rowan, Kai\"",
            "\"the \"\"Tuesday\"\" group\"",
            "\"'=HYPERLINK(\"\"http://x\"\")\"",
            "'+1",
            "'-team",
            "'@sum",
            "'\tpad",
        ]
    );
    // No line of the file starts a cell with a formula character.
    for line in csv.split("\r\n") {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} in {line:?}"
            );
        }
    }
}

#[test]
fn the_hours_csv_never_holds_notes_or_entry_text() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    let entry = journal
        .add(
            attune::journal::NewEntry {
                title: Some("EntryTitleMarkerQ7".into()),
                body: "EntryBodyMarkerQ7 the visit".into(),
                family_code: Some("FAMQ7".into()),
                ..sample_entry(3)
            },
            now(),
        )
        .unwrap()
        .id;
    let saved = journal
        .save_session(
            SessionInput {
                entries_discussed: vec![entry],
                notes: Some("SessionNotesMarkerQ7 what we said".into()),
                ..input(day(2026, 9, 9), 60, "my supervisor")
            },
            now(),
        )
        .unwrap();
    let csv = journal.hours_csv(2026).unwrap();
    assert!(csv.contains("2026-09-09,60,1.00,individual,my supervisor,receiving"));
    for marker in [
        "SessionNotesMarkerQ7",
        "EntryTitleMarkerQ7",
        "EntryBodyMarkerQ7",
        "FAMQ7",
        &entry.to_hex(),
        &saved.id.to_hex(),
    ] {
        assert!(!csv.contains(marker), "{marker} in {csv:?}");
    }
}

#[test]
fn lists_are_newest_first_and_filter_by_year() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("journal");
    let (mut journal, _) = create_journal(&dir);
    for (y, m, d) in [(2026, 2, 1), (2025, 11, 3), (2026, 7, 9), (2026, 2, 14)] {
        journal
            .save_session(input(day(y, m, d), 60, "my supervisor"), now())
            .unwrap();
    }
    let dates = |year| -> Vec<NaiveDate> {
        journal
            .sessions_of(year)
            .unwrap()
            .iter()
            .map(|s| s.date)
            .collect()
    };
    assert_eq!(
        dates(None),
        [
            day(2026, 7, 9),
            day(2026, 2, 14),
            day(2026, 2, 1),
            day(2025, 11, 3)
        ]
    );
    assert_eq!(dates(Some(2025)), [day(2025, 11, 3)]);
    assert!(dates(Some(2019)).is_empty());
}
