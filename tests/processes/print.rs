//! `attune print`: real PDFs from real journals, read back with poppler (`pdftotext`,
//! `pdfinfo`, `pdffonts`). Each test says so and stops if poppler is not installed
//! (scripts/setup.sh installs poppler-utils).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use crate::support::cli::{child_output, stderr, stdout, Cli};

/// Text that would be markup if it were spliced into a typst template.
/// The same, short enough for a provider's name (80 characters).
const HOSTILE_NAME: &str = r#"#import "/etc/passwd": * [bracket] $x^2$ *star* #panic("boom")"#;
const HOSTILE: &str = r#"#import "/etc/passwd": * [bracket] $x^2$ *star* _under_ #panic("boom") \ @ref <label> = Heading"#;

/// Poppler's tools are present (else the caller returns, having said why).
fn poppler() -> bool {
    let found = child_output(Command::new("pdftotext").arg("-v")).is_ok();
    if !found {
        eprintln!(
            "skipped: pdftotext is not installed (poppler-utils; scripts/setup.sh installs it)"
        );
    }
    found
}

fn tool(name: &str, args: &[&str], pdf: &Path) -> String {
    let out = child_output(
        Command::new(name)
            .args(args)
            .arg(pdf)
            .args(if name == "pdftotext" {
                &["-"][..]
            } else {
                &[][..]
            }),
    )
    .unwrap();
    assert!(out.status.success(), "{name}: {}", stderr(&out));
    stdout(&out)
}

/// The text of the PDF with runs of white space made single spaces (layout wraps).
fn text_of(pdf: &Path) -> String {
    tool("pdftotext", &["-layout", "-enc", "UTF-8"], pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Checks every document shares: owner-only, a neutral title, no author, the bundled
/// fonts embedded, "Page X of Y".
fn check_pdf(pdf: &Path, title: &str, secrets: &[&str]) {
    let mode = std::fs::metadata(pdf).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "owner-only");
    let info = tool("pdfinfo", &[], pdf);
    assert!(
        info.contains(&format!("Title:           {title}")),
        "{info}"
    );
    assert!(!info.contains("Author:"), "no author: {info}");
    for s in secrets {
        assert!(!info.contains(s), "{s:?} in the metadata: {info}");
    }
    let fonts = tool("pdffonts", &[], pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        // name type encoding emb sub uni object ID
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "font not embedded: {row}");
    }
    let text = text_of(pdf);
    assert!(text.contains("Page 1 of "), "{text}");
}

fn sessions_add(cli: &Cli, date: &str, minutes: &str, format: &str, with: &str, extra: &[&str]) {
    let mut args = vec![
        "sessions",
        "add",
        "--date",
        date,
        "--minutes",
        minutes,
        "--format",
        format,
        "--with",
        with,
    ];
    args.extend(extra);
    cli.ok(&args, "");
}

#[test]
fn the_hours_statement_prints_sessions_received_with_totals_and_signature_lines() {
    if !poppler() {
        return;
    }
    let cli = Cli::new();
    cli.init();
    sessions_add(
        &cli,
        "2026-01-10",
        "90",
        "individual",
        "Dr. Rivera",
        &["--notes", "NotesMarker"],
    );
    sessions_add(&cli, "2026-02-14", "120", "group", "Tuesday group", &[]);
    sessions_add(&cli, "2026-03-01", "60", "individual", HOSTILE_NAME, &[]);
    sessions_add(
        &cli,
        "2026-03-05",
        "60",
        "individual",
        "GivenMarker",
        &["--giving"],
    );
    sessions_add(
        &cli,
        "2025-12-31",
        "60",
        "individual",
        "LastYearMarker",
        &[],
    );
    let pdf = cli.root.join("attune-hours-2026-01-01-to-2026-12-31.pdf");
    let out = cli.ok(
        &[
            "print",
            "hours",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--out",
            pdf.to_str().unwrap(),
        ],
        "",
    );
    assert!(out.contains("3 sessions received, 4.50 hours"), "{out}");
    check_pdf(&pdf, "Attune — hours statement", &["Rivera", "Tuesday"]);
    let text = text_of(&pdf);
    for want in [
        "Hours statement",
        "January 1, 2026 to December 31, 2026",
        "Jan 10, 2026 1.50 Individual Dr. Rivera",
        "Feb 14, 2026 2.00 Group Tuesday group",
        "Individual 2 2.50",
        "Group 1 2.00",
        "Total 3 4.50",
        "Supervisee signature",
        "Provider signature",
        "Page 1 of 1",
    ] {
        assert!(text.contains(want), "{want:?} missing from {text}");
    }
    // The hostile provider name prints as the characters typed.
    for piece in [
        "#import \"/etc/passwd\": *",
        "[bracket]",
        "$x^2$",
        "*star*",
        "#panic(\"boom\")",
    ] {
        assert!(
            text.contains(piece),
            "{piece:?} not printed literally in {text}"
        );
    }
    for absent in ["NotesMarker", "GivenMarker", "LastYearMarker"] {
        assert!(!text.contains(absent), "{absent} printed");
    }
    // Never overwritten: a second print to the same file is refused and changes nothing.
    let before = std::fs::read(&pdf).unwrap();
    let again = cli.run(
        &[
            "print",
            "hours",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--out",
            pdf.to_str().unwrap(),
        ],
        "",
    );
    assert_ne!(again.status.code(), Some(0));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    assert_eq!(std::fs::read(&pdf).unwrap(), before);
}

#[test]
fn reflections_print_hostile_text_literally_and_a4_when_asked() {
    if !poppler() {
        return;
    }
    let cli = Cli::new();
    cli.init();
    let a = cli.add(
        &[
            "add",
            "--title",
            "TitleMarker one",
            "--date",
            "2026-03-04",
            "--tag",
            "sleep",
        ],
        &format!("First paragraph.\n\n{HOSTILE}\nsecond line"),
    );
    cli.add(
        &[
            "add",
            "--title",
            "Outside the range",
            "--date",
            "2026-05-01",
        ],
        "OutsideMarker",
    );
    let trashed = cli.add(
        &["add", "--title", "Trashed", "--date", "2026-03-05"],
        "TrashMarker",
    );
    cli.ok(&["delete", &trashed], "");
    let pdf = cli.root.join("r.pdf");
    let out = cli.run(
        &[
            "print",
            "reflections",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-31",
            "--paper",
            "a4",
            "--out",
            pdf.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("NOT encrypted"));
    check_pdf(
        &pdf,
        "Attune — reflections",
        &["TitleMarker", "First paragraph"],
    );
    let info = tool("pdfinfo", &[], &pdf);
    assert!(info.contains("pts (A4)"), "{info}");
    let text = text_of(&pdf);
    assert!(text.contains("TitleMarker one"), "{text}");
    assert!(text.contains("March 4, 2026"), "{text}");
    assert!(
        text.contains(
            HOSTILE
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .as_str()
        ),
        "{text}"
    );
    assert!(
        !text.contains("OutsideMarker") && !text.contains("TrashMarker"),
        "{text}"
    );
    // By id, on Letter (the default).
    let pdf2 = cli.root.join("r2.pdf");
    cli.ok(
        &[
            "print",
            "reflections",
            "--id",
            &a[..8],
            "--out",
            pdf2.to_str().unwrap(),
        ],
        "",
    );
    assert!(tool("pdfinfo", &[], &pdf2).contains("612 x 792 pts (letter)"));
    // A trashed reflection is not printed.
    let refused = cli.run(
        &[
            "print",
            "reflections",
            "--id",
            &trashed,
            "--out",
            cli.root.join("r3.pdf").to_str().unwrap(),
        ],
        "",
    );
    assert_ne!(refused.status.code(), Some(0));
    assert!(!cli.root.join("r3.pdf").exists());
}

#[test]
fn the_prep_sheet_names_flagged_reflections_and_the_training_record_its_trainings() {
    if !poppler() {
        return;
    }
    let cli = Cli::new();
    cli.init();
    cli.add(
        &[
            "add",
            "--title",
            "FlaggedMarker",
            "--date",
            "2026-11-02",
            "--flag",
        ],
        "BodyMarker",
    );
    cli.add(
        &["add", "--title", "NotFlaggedMarker", "--date", "2026-11-03"],
        "x",
    );
    let pdf = cli.root.join("prep.pdf");
    let out = cli.ok(
        &[
            "print",
            "prep",
            "--date",
            "2026-12-09",
            "--out",
            pdf.to_str().unwrap(),
        ],
        "",
    );
    assert!(out.contains("naming 1 reflection"), "{out}");
    check_pdf(&pdf, "Attune — session prep sheet", &["FlaggedMarker"]);
    let text = text_of(&pdf);
    for want in [
        "Session prep sheet",
        "For the session on December 9, 2026",
        "Nov 2, 2026 FlaggedMarker",
        "What I want to bring",
        "What I hope to take away",
    ] {
        assert!(text.contains(want), "{want:?} missing from {text}");
    }
    assert!(
        !text.contains("NotFlaggedMarker") && !text.contains("BodyMarker"),
        "{text}"
    );

    let added = cli.run(
        &[
            "training",
            "add",
            "--title",
            "TrainingTitleMarker",
            "--provider",
            "An association",
            "--date",
            "2026-04-01",
            "--hours",
            "1.5",
            "--topic",
            "rsc",
        ],
        "",
    );
    assert!(added.status.success(), "{}", stderr(&added));
    let t = cli.root.join("training.pdf");
    let out = cli.run(
        &[
            "print",
            "training",
            "--year",
            "2026",
            "--out",
            t.to_str().unwrap(),
        ],
        "",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    check_pdf(&t, "Attune — training record", &["TrainingTitleMarker"]);
    let text = text_of(&t);
    assert!(text.contains("TrainingTitleMarker"), "{text}");
    assert!(text.contains("1.5"), "{text}");
}

/// The training record and the agenda have no journal data to come from in a CLI test
/// (an agenda needs a supervisee's packet), so their
/// documents are made from fixtures here and read back the same way.
#[test]
fn the_training_record_and_the_agenda_from_fixtures() {
    use attune::print::{
        Agenda, AgendaItem, Document, PageSetup, Paper, TrainingRecord, TrainingRow, TrainingTopic,
    };
    use chrono::NaiveDate;
    if !poppler() {
        return;
    }
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let page = PageSetup::new(Paper::Letter, day(2026, 12, 4));
    let dir = tempfile::TempDir::new().unwrap();

    let record = TrainingRecord::new(
        page.clone(),
        2026,
        vec![
            TrainingRow::new(
                day(2026, 3, 1),
                "Reflective practice in home visiting",
                "State AIMH",
                180,
                &[TrainingTopic::Rsc],
            ),
            TrainingRow::new(
                day(2026, 4, 9),
                HOSTILE,
                "Alliance",
                120,
                &[TrainingTopic::Dei],
            ),
        ],
    );
    let pdf = dir.path().join("training.pdf");
    attune::api::files::save(
        &pdf,
        &record.pdf().unwrap(),
        attune::api::WriteMode::NewOnly,
    )
    .unwrap();
    check_pdf(
        &pdf,
        "Attune — training record",
        &["Reflective", "Alliance"],
    );
    let text = text_of(&pdf);
    for want in [
        "Training record",
        "Mar 1, 2026 Reflective practice in home visiting State AIMH 3.00 RS/C",
        "RS/C 3.00",
        "Diversity, equity and inclusion 2.00",
        "All trainings (2) 5.00",
        "#panic(\"boom\")",
    ] {
        assert!(text.contains(want), "{want:?} missing from {text}");
    }

    let mut agenda = Agenda::new(
        page,
        "SuperviseeMarker",
        Some(day(2026, 12, 10)),
        vec![AgendaItem {
            date: "Dec 1, 2026".into(),
            title: "AgendaTitleMarker".into(),
            responses: 1,
        }],
    );
    agenda.planning_note = Some(HOSTILE.into());
    let pdf = dir.path().join("agenda.pdf");
    attune::api::files::save(
        &pdf,
        &agenda.pdf().unwrap(),
        attune::api::WriteMode::NewOnly,
    )
    .unwrap();
    check_pdf(
        &pdf,
        "Attune — supervision agenda",
        &["SuperviseeMarker", "AgendaTitleMarker"],
    );
    let text = text_of(&pdf);
    for want in [
        "Supervision agenda",
        "For the session on December 10, 2026",
        "With SuperviseeMarker",
        "Dec 1, 2026 AgendaTitleMarker 1",
        "#import \"/etc/passwd\": *",
    ] {
        assert!(text.contains(want), "{want:?} missing from {text}");
    }
}
