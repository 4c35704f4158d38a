//! The print use-cases on real journals: the export's review gates reflections and the
//! prep sheet, periods and choices are checked before anything is written, files are
//! owner-only and never overwritten. (The PDFs' text is read back in
//! tests/processes/print.rs, which may start poppler.)

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::os::unix::fs::PermissionsExt;

use attune::api::print::{self, PrintHoursRequest, PrintPrepRequest, PrintReflectionsRequest};
use attune::api::{ErrorCode, Paper, WriteMode};
use attune::journal::{
    Delivery, NewEntry, SessionDetails, SessionFormat, SessionInput, SessionRole, TrainingInput,
};
use chrono::NaiveDate;
use tempfile::TempDir;

use crate::support::{code_of, create_journal, now};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn entry(date: NaiveDate, title: &str, body: &str, flag: bool) -> NewEntry {
    NewEntry {
        encounter_date: Some(date),
        title: Some(title.into()),
        body: body.into(),
        bring_to_supervision: flag,
        ..Default::default()
    }
}

fn range(from: NaiveDate, to: NaiveDate, reviewed: bool) -> PrintReflectionsRequest {
    PrintReflectionsRequest {
        entry_ids: vec![],
        from: Some(from),
        to: Some(to),
        reviewed,
        paper: Paper::Letter,
    }
}

#[test]
fn reflections_with_identifying_passages_print_only_after_the_review() {
    let tmp = TempDir::new().unwrap();
    let (mut j, _) = create_journal(&tmp.path().join("journal"));
    j.add(
        entry(day(2026, 3, 4), "Calm", "A quiet visit.", false),
        now(),
    )
    .unwrap();
    j.add(
        entry(
            day(2026, 3, 9),
            "Phone",
            "Called Mrs Okafor on 555-0147.",
            false,
        ),
        now(),
    )
    .unwrap();
    let path = tmp.path().join("r.pdf");

    // Only the calm one: nothing to review, prints without the acknowledgement.
    let calm = range(day(2026, 3, 1), day(2026, 3, 5), false);
    assert!(print::reflections_review(&j, &calm)
        .unwrap()
        .findings
        .is_empty());
    print::save_reflections(&j, &calm, &path, WriteMode::NewOnly).unwrap();
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );

    // Both: the phone number must be gone through first, and nothing is written.
    let both = range(day(2026, 3, 1), day(2026, 3, 31), false);
    let review = print::reflections_review(&j, &both).unwrap();
    assert_eq!(review.entries, 2);
    assert!(review.findings.iter().any(|f| f.text.contains("555-0147")));
    let other = tmp.path().join("both.pdf");
    assert_eq!(
        code_of(print::save_reflections(
            &j,
            &both,
            &other,
            WriteMode::NewOnly
        )),
        ErrorCode::InvalidInput
    );
    assert!(!other.exists(), "refused before a file is made");
    let reviewed = range(day(2026, 3, 1), day(2026, 3, 31), true);
    print::save_reflections(&j, &reviewed, &other, WriteMode::NewOnly).unwrap();
    assert!(std::fs::read(&other).unwrap().starts_with(b"%PDF-"));

    // Never overwritten from the CLI's mode.
    let before = std::fs::read(&path).unwrap();
    assert_eq!(
        code_of(print::save_reflections(
            &j,
            &reviewed,
            &path,
            WriteMode::NewOnly
        )),
        ErrorCode::InvalidInput
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn chosen_reflections_are_ids_or_a_range_never_the_trash() {
    let tmp = TempDir::new().unwrap();
    let (mut j, _) = create_journal(&tmp.path().join("journal"));
    let a = j
        .add(entry(day(2026, 5, 2), "B", "b", false), now())
        .unwrap()
        .id;
    let b = j
        .add(entry(day(2026, 5, 1), "A", "a", false), now())
        .unwrap()
        .id;
    let c = j
        .add(entry(day(2026, 5, 3), "T", "t", false), now())
        .unwrap()
        .id;
    j.trash(&c, now()).unwrap();

    let by_ids = PrintReflectionsRequest {
        entry_ids: vec![a, b, a],
        from: None,
        to: None,
        reviewed: false,
        paper: Paper::A4,
    };
    let titles: Vec<_> = print::chosen_reflections(&j, &by_ids)
        .unwrap()
        .iter()
        .map(|e| e.title.clone().unwrap())
        .collect();
    assert_eq!(titles, ["A", "B"], "oldest first, each once");

    let in_range =
        print::chosen_reflections(&j, &range(day(2026, 5, 1), day(2026, 5, 31), false)).unwrap();
    assert_eq!(in_range.len(), 2, "the trashed one is left out");

    let mut trashed = by_ids.clone();
    trashed.entry_ids = vec![c];
    assert_eq!(
        code_of(print::chosen_reflections(&j, &trashed)),
        ErrorCode::InvalidInput
    );
    let mut both = by_ids.clone();
    both.from = Some(day(2026, 1, 1));
    both.to = Some(day(2026, 12, 31));
    assert_eq!(
        code_of(print::chosen_reflections(&j, &both)),
        ErrorCode::InvalidInput
    );
    let none = range(day(2020, 1, 1), day(2020, 1, 2), false);
    assert_eq!(
        code_of(print::chosen_reflections(&j, &none)),
        ErrorCode::InvalidInput
    );
    let backwards = range(day(2026, 6, 1), day(2026, 5, 1), false);
    assert_eq!(
        code_of(print::chosen_reflections(&j, &backwards)),
        ErrorCode::InvalidInput
    );
    let mut nothing = by_ids;
    nothing.entry_ids.clear();
    assert_eq!(
        code_of(print::chosen_reflections(&j, &nothing)),
        ErrorCode::InvalidInput
    );
}

#[test]
fn the_hours_statement_counts_received_sessions_and_refuses_a_backwards_period() {
    let tmp = TempDir::new().unwrap();
    let (mut j, _) = create_journal(&tmp.path().join("journal"));
    for (date, minutes, format, role) in [
        (
            day(2026, 1, 10),
            90,
            SessionFormat::Individual,
            SessionRole::Receiving,
        ),
        (
            day(2026, 2, 10),
            120,
            SessionFormat::Group,
            SessionRole::Receiving,
        ),
        (
            day(2026, 2, 11),
            60,
            SessionFormat::Individual,
            SessionRole::Giving,
        ),
        // Peer consultation: no provider signs for it, so it stays off the statement.
        (
            day(2026, 3, 1),
            45,
            SessionFormat::Group,
            SessionRole::Receiving,
        ),
        (
            day(2027, 1, 1),
            60,
            SessionFormat::Individual,
            SessionRole::Receiving,
        ),
    ] {
        j.save_session(
            SessionInput {
                id: None,
                date,
                minutes,
                format,
                with_whom: "Dr. Rivera".into(),
                role,
                entries_discussed: vec![],
                notes: None,
                details: SessionDetails {
                    provider_credential: Some("IMHM-C".into()),
                    delivery: Some(Delivery::Video),
                    peer: format == SessionFormat::Group && minutes == 45,
                    ..Default::default()
                },
            },
            chrono::Utc::now(),
        )
        .unwrap();
    }
    let req = PrintHoursRequest {
        from: day(2026, 1, 1),
        to: day(2026, 12, 31),
        paper: Paper::Letter,
    };
    let s = print::hours_statement(&j, &req, day(2026, 12, 4)).unwrap();
    assert_eq!(
        (s.individual.minutes, s.group.minutes, s.total.sessions),
        (90, 120, 2)
    );
    assert_eq!(s.rows[0].credential.as_deref(), Some("IMHM-C"));
    assert_eq!(s.rows[0].delivery.as_deref(), Some("Video"));
    assert_eq!(s.rows[0].confirmation, None, "never asked for");
    assert_eq!(
        print::hours_file_name(&req),
        "attune-hours-2026-01-01-to-2026-12-31.pdf"
    );
    let path = tmp.path().join(print::hours_file_name(&req));
    print::save_hours(&j, &req, &path, WriteMode::NewOnly).unwrap();
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );

    let backwards = PrintHoursRequest {
        from: day(2026, 12, 31),
        to: day(2026, 1, 1),
        paper: Paper::Letter,
    };
    let other = tmp.path().join("b.pdf");
    assert_eq!(
        code_of(print::save_hours(
            &j,
            &backwards,
            &other,
            WriteMode::NewOnly
        )),
        ErrorCode::InvalidInput
    );
    assert!(!other.exists());
}

#[test]
fn the_prep_sheet_names_flagged_reflections_after_their_review() {
    let tmp = TempDir::new().unwrap();
    let (mut j, _) = create_journal(&tmp.path().join("journal"));
    j.add(
        entry(
            day(2026, 11, 2),
            "Flagged",
            "Met Mrs Okafor at 12 Elm Street.",
            true,
        ),
        now(),
    )
    .unwrap();
    j.add(entry(day(2026, 11, 3), "Not flagged", "x", false), now())
        .unwrap();
    let req = PrintPrepRequest {
        session_date: Some(day(2026, 12, 9)),
        reviewed: false,
        paper: Paper::Letter,
    };
    assert!(!print::prep_review(&j).unwrap().findings.is_empty());
    assert_eq!(
        code_of(print::prep_sheet(&j, &req, day(2026, 12, 4))),
        ErrorCode::InvalidInput
    );
    let sheet = print::prep_sheet(
        &j,
        &PrintPrepRequest {
            reviewed: true,
            ..req
        },
        day(2026, 12, 4),
    )
    .unwrap();
    let titles: Vec<&str> = sheet.reflections.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["Flagged"]);
    assert_eq!(print::prep_file_name(&req), "attune-prep-2026-12-09.pdf");
}

#[test]
fn the_training_record_holds_the_years_trainings_with_hours_by_topic() {
    let tmp = TempDir::new().unwrap();
    let (mut j, _) = create_journal(&tmp.path().join("journal"));
    for (date, title, hours, topics) in [
        (
            day(2026, 3, 2),
            "Working with fathers",
            1.5,
            vec!["rsc", "dei"],
        ),
        (
            day(2026, 9, 9),
            "Sleep in the first year",
            3.0,
            vec!["other"],
        ),
        (day(2025, 12, 30), "Last year's course", 6.0, vec!["rsc"]),
    ] {
        j.save_training(
            TrainingInput {
                id: None,
                title: title.into(),
                provider: "An association".into(),
                date,
                hours,
                topics: topics.into_iter().map(String::from).collect(),
                notes: None,
            },
            now(),
        )
        .unwrap();
    }
    let record = print::training_record(&j, 2026, Paper::Letter).unwrap();
    let titles: Vec<&str> = record.rows.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["Working with fathers", "Sleep in the first year"]);
    assert_eq!(record.total.minutes, 270);
    let rsc = &record.by_topic[0];
    assert_eq!(rsc.minutes, 90, "{}", rsc.topic);
    assert_eq!(
        code_of(print::training_record(&j, 10_000, Paper::Letter)),
        ErrorCode::InvalidInput
    );
    assert_eq!(print::training_file_name(2026), "attune-training-2026.pdf");
}
