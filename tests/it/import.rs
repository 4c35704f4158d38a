//! Bringing a journal over from another app: each format's mapping (the fixtures in
//! `tests/fixtures/import/`, made by its `make.py`), the preview, the duplicate rule,
//! every refusal leaving the journal byte for byte as it was, a failure part-way through
//! the transaction rolling everything back, the caps, and the Markdown folder export
//! coming back as the same reflections.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::*;

use attune::api::export::{self as export_api};
use attune::api::import::{import, import_within, preview};
use attune::api::{ExportFormat, ExportRequest, ImportOptions, WriteMode};
use attune::import::{DroppedKind, Limits};
use attune::journal::{
    AnswerValue, Entry, EntryKind, FindRequest, ImportSource, Imported, Incoming, Journal,
    NewEntry, PackRef, PromptAnswer, Setting,
};
use attune::ErrorCode;
use chrono::{DateTime, NaiveDate, Utc};
use tempfile::TempDir;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn by_title(journal: &Journal, title: &str) -> Entry {
    journal
        .entries()
        .unwrap()
        .iter()
        .find(|e| e.title.as_deref() == Some(title))
        .cloned()
        .unwrap_or_else(|| panic!("no entry titled {title:?}"))
}

fn options() -> ImportOptions {
    ImportOptions::default()
}

/// A journal in a temporary folder, and the folder.
fn journal() -> (TempDir, Journal) {
    let tmp = TempDir::new().unwrap();
    let (journal, _) = create_journal(&tmp.path().join("j"));
    (tmp, journal)
}

#[test]
fn day_one_zip_import_keeps_text_titles_tags_days_and_times_and_leaves_media_behind() {
    let (_tmp, mut journal) = journal();
    let done = import(&mut journal, &fixture("dayone.zip"), &options()).unwrap();
    assert_eq!(done.imported, 5);
    assert_eq!(journal.len(), 5);
    let p = &done.preview;
    assert_eq!(p.format, ImportSource::DayOne);
    assert_eq!(
        (p.first_date, p.last_date),
        (Some(date(2024, 2, 1)), Some(date(2099, 1, 2)))
    );
    assert_eq!(p.future_dated, 1);
    assert_eq!(p.starred, 2);
    let dropped = |kind| {
        p.dropped
            .iter()
            .find(|d| d.kind == kind)
            .map_or(0, |d| d.count)
    };
    for (kind, n) in [
        (DroppedKind::Location, 1),
        (DroppedKind::Weather, 1),
        (DroppedKind::Device, 1),
        (DroppedKind::Activity, 1),
        (DroppedKind::Photo, 1),
        (DroppedKind::Audio, 1),
        (DroppedKind::Video, 1),
        (DroppedKind::Pdf, 1),
        (DroppedKind::MediaLink, 2),
        (DroppedKind::EmptyEntry, 1),
        (DroppedKind::RepeatedEntry, 1),
    ] {
        assert_eq!(dropped(kind), n, "{kind:?}");
    }
    assert!(p
        .dropped
        .iter()
        .any(|d| d.text.contains("media are not imported")));
    assert_eq!(p.deid.total, 1, "the clinic's phone number");
    assert_eq!(
        p.deid.most[0].title.as_deref(),
        Some("Tea before the visit")
    );
    assert!(p.notes.iter().any(|n| n.contains("time zone")));

    let tea = by_title(&journal, "Tea before the visit");
    // 18:34 UTC on the 3rd is the morning of the 4th in Sydney.
    assert_eq!(tea.encounter_date, date(2024, 3, 4));
    assert_eq!(
        tea.body,
        "The baby settled when her father sang. I noticed my own tiredness - and let it be.\n\nCall back on 555-201-4477 (the clinic line)."
    );
    assert_eq!(
        tea.tags,
        vec!["home visit".to_string(), "sleep".to_string()]
    );
    assert_eq!(tea.created_at, at("2024-03-03T18:34:56Z"));
    assert_eq!(tea.updated_at, at("2024-03-13T21:58:46Z"));
    assert_eq!(tea.kind, EntryKind::Encounter);
    assert!(!tea.bring_to_supervision, "starred flags only when asked");
    let imported = tea.imported.as_ref().unwrap();
    assert_eq!(imported.source, ImportSource::DayOne);
    assert_eq!(imported.source_id, "2F8DDCA258634D9994DF3A4FEE328035");

    let prep = by_title(&journal, "Before supervision");
    assert!(!prep.body.contains('\r'), "Windows line ends made plain");
    assert!(!prep.body.contains("dayone-moment"));
    assert_eq!(
        prep.body,
        "What I want to bring: the silence after the mother's phone call.\n\nStill thinking!"
    );
    let evening = by_title(&journal, "Evening");
    assert_eq!(evening.body, "A long day, **held** well.");
    assert_eq!(evening.encounter_date, date(2024, 3, 7));
    let future = by_title(&journal, "A note to my future self");
    assert_eq!(future.encounter_date, date(2099, 1, 2));
    assert_eq!(
        by_title(&journal, "Team meeting").body,
        "We talked about caseloads."
    );
}

#[test]
fn starred_and_pinned_entries_are_flagged_only_when_asked_and_private_when_asked() {
    let (_tmp, mut journal) = journal();
    let asked = ImportOptions {
        flag_starred: true,
        as_private: true,
        ..options()
    };
    import(&mut journal, &fixture("dayone.zip"), &asked).unwrap();
    let entries = journal.entries().unwrap();
    let flagged: Vec<&str> = entries
        .iter()
        .filter(|e| e.bring_to_supervision)
        .filter_map(|e| e.title.as_deref())
        .collect();
    assert_eq!(flagged.len(), 2, "{flagged:?}");
    assert!(flagged.contains(&"Tea before the visit"), "starred");
    assert!(flagged.contains(&"Before supervision"), "pinned");
    assert!(journal
        .entries()
        .unwrap()
        .iter()
        .all(|e| e.kind == EntryKind::Private));
}

#[test]
fn a_zip_rezipped_on_a_mac_with_its_journal_in_a_folder_imports_the_same() {
    let (_tmp, mut journal) = journal();
    let done = import(&mut journal, &fixture("dayone-nested.zip"), &options()).unwrap();
    assert_eq!(done.imported, 1);
    assert_eq!(
        by_title(&journal, "Team meeting").encounter_date,
        date(2024, 2, 1)
    );
}

#[test]
fn jrnl_json_text_and_folder_journals_import() {
    let (_tmp, mut journal) = journal();
    let done = import(&mut journal, &fixture("jrnl.json"), &options()).unwrap();
    assert_eq!(done.imported, 2);
    assert_eq!(done.preview.dropped[0].kind, DroppedKind::EmptyEntry);
    let long = by_title(&journal, "Long day at work.");
    assert_eq!(long.tags, vec!["work".to_string(), "sleep".to_string()]);
    assert_eq!(long.body, "The @work felt heavy. @sleep helped.");
    assert_eq!(long.encounter_date, date(2024, 1, 15));

    let done = import(&mut journal, &fixture("jrnl.txt"), &options()).unwrap();
    assert_eq!(done.preview.format, ImportSource::Jrnl);
    assert_eq!(done.imported, 2);
    let visit = by_title(&journal, "Visit with @family-a");
    assert_eq!(
        visit.body,
        "We sat on the floor and played.\n@sleep was hard this week."
    );
    assert_eq!(
        visit.tags,
        vec!["family-a".to_string(), "sleep".to_string()]
    );
    assert_eq!(done.preview.starred, 1);

    let done = import(&mut journal, &fixture("jrnl-folder"), &options()).unwrap();
    assert_eq!(done.imported, 3);
    assert_eq!(
        by_title(&journal, "Evening").encounter_date,
        date(2024, 1, 16)
    );
    assert_eq!(by_title(&journal, "Evening").tags, vec!["rest".to_string()]);
    assert_eq!(by_title(&journal, "Later").body, "Could not sleep.");
    assert!(done
        .preview
        .dropped
        .iter()
        .any(|d| d.kind == DroppedKind::OtherFile && d.count == 1));
}

#[test]
fn mini_diary_and_mini_diarium_import() {
    let (_tmp, mut journal) = journal();
    let done = import(&mut journal, &fixture("minidiary.json"), &options()).unwrap();
    assert_eq!(done.preview.format, ImportSource::MiniDiary);
    assert_eq!(done.imported, 2);
    let new_year = by_title(&journal, "New year");
    assert_eq!(new_year.body, "**Quiet** start.\n\n- a walk\n- a call");
    assert_eq!(new_year.encounter_date, date(2024, 1, 1));
    assert_eq!(new_year.created_at, at("2024-01-01T20:15:14Z"));
    assert_eq!(new_year.imported.as_ref().unwrap().source_id, "2024-01-01");

    let done = import(&mut journal, &fixture("minidiarium.json"), &options()).unwrap();
    assert_eq!(done.preview.format, ImportSource::MiniDiarium);
    assert_eq!(done.imported, 2);
    let visit = by_title(&journal, "Home visit");
    assert_eq!(
        visit.body,
        "## What happened\n\nWe **played** on the floor & sang.\n\n- Tummy time\n- A song"
    );
    assert_eq!(visit.tags, vec!["visit".to_string(), "play".to_string()]);
    assert_eq!(visit.imported.as_ref().unwrap().source_id, "42");
    let untitled = journal
        .entries()
        .unwrap()
        .iter()
        .find(|e| e.encounter_date == date(2024, 1, 16) && e.title.is_none())
        .cloned()
        .unwrap();
    assert_eq!(untitled.body, "Line one\nline two\n\n> What she said");
}

#[test]
fn markdown_notes_import_from_nested_folders_with_front_matter() {
    let (_tmp, mut journal) = journal();
    let done = import(&mut journal, &fixture("markdown"), &options()).unwrap();
    assert_eq!(done.preview.format, ImportSource::Markdown);
    assert_eq!(done.imported, 3, "the empty note is skipped");
    let daily = journal
        .entries()
        .unwrap()
        .iter()
        .find(|e| e.encounter_date == date(2024, 1, 15))
        .cloned()
        .unwrap();
    assert_eq!(daily.title, None);
    assert_eq!(daily.body, "Slept badly; the visit went well anyway.");
    let after = by_title(&journal, "After the visit");
    assert_eq!(after.encounter_date, date(2024, 1, 16));
    assert_eq!(after.body, "The father sang.");
    assert_eq!(
        after.tags,
        vec!["sleep".to_string(), "home visit".to_string()]
    );
    let prep = by_title(&journal, "Prep: what to bring");
    assert_eq!(prep.encounter_date, date(2024, 1, 20));
    assert_eq!(prep.created_at, at("2024-01-20T08:30:00Z"));
    assert!(done
        .preview
        .dropped
        .iter()
        .any(|d| d.kind == DroppedKind::OtherFile && d.count == 1));
}

#[test]
fn imported_reflections_are_searchable_at_once() {
    let (_tmp, mut journal) = journal();
    import(&mut journal, &fixture("dayone.zip"), &options()).unwrap();
    let page = journal
        .find(&FindRequest {
            text: "silence after the mother".into(),
            ..FindRequest::default()
        })
        .unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.items[0].title.as_deref(), Some("Before supervision"));
}

#[test]
fn importing_the_same_file_twice_adds_nothing_the_second_time() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("j");
    let (mut journal, _) = create_journal(&dir);
    for name in ["dayone.zip", "jrnl.txt", "markdown", "minidiarium.json"] {
        let first = import(&mut journal, &fixture(name), &options()).unwrap();
        assert!(first.imported > 0, "{name}");
        let again = import(&mut journal, &fixture(name), &options()).unwrap();
        assert_eq!(again.imported, 0, "{name}");
        assert_eq!(again.preview.already_in_journal, first.imported, "{name}");
    }
    let count = journal.len();
    drop(journal);
    // Kept encrypted, so it holds after the journal is locked and opened again.
    let mut journal = open_journal(&dir, PASSPHRASE);
    assert_eq!(
        import(&mut journal, &fixture("dayone.zip"), &options())
            .unwrap()
            .imported,
        0
    );
    assert_eq!(journal.len(), count);
}

#[test]
fn a_preview_writes_nothing() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("j");
    let (journal, _) = create_journal(&dir);
    drop(journal);
    let before = journal_files(&dir);
    let journal = open_journal(&dir, PASSPHRASE);
    let p = preview(&journal, &fixture("dayone.zip"), &options()).unwrap();
    assert_eq!(p.entries, 5);
    assert_eq!(journal.len(), 0);
    drop(journal);
    assert_same_files(&before, &journal_files(&dir), "a preview");
}

/// Import `path` into a journal holding two entries, expect a refusal whose message
/// holds `says`, and check every file of the journal is as it was.
#[track_caller]
fn refused_and_unchanged(path: &Path, limits: &Limits, says: &str) {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("j");
    let (mut journal, _) = create_journal(&dir);
    add_sample_entries(&mut journal, 2);
    drop(journal);
    let before = journal_files(&dir);
    let mut journal = open_journal(&dir, PASSPHRASE);
    let err = import_within(&mut journal, path, &options(), limits).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput, "{err:?}");
    assert!(
        err.message.contains(says),
        "{says:?} not in {:?}",
        err.message
    );
    assert!(
        err.message.contains("Nothing was imported"),
        "{:?}",
        err.message
    );
    assert_eq!(journal.len(), 2);
    drop(journal);
    assert_same_files(&before, &journal_files(&dir), "a refused import");
}

#[test]
fn a_malformed_or_newer_export_is_refused_and_the_journal_stays_byte_identical() {
    let limits = Limits::DEFAULT;
    refused_and_unchanged(
        &fixture("dayone-malformed.json"),
        &limits,
        "not complete JSON",
    );
    refused_and_unchanged(
        &fixture("dayone-version-2.json"),
        &limits,
        "version \"2.0\"",
    );
    refused_and_unchanged(&fixture("dayone-not-really.zip"), &limits, "damaged");
    refused_and_unchanged(
        &fixture("markdown-latin1"),
        &limits,
        "2024-01-15.md is not UTF-8",
    );
}

#[test]
fn hostile_zips_are_refused_before_anything_is_unpacked_or_written() {
    let limits = Limits::DEFAULT;
    refused_and_unchanged(&fixture("dayone-traversal.zip"), &limits, "outside itself");
    refused_and_unchanged(&fixture("dayone-absolute.zip"), &limits, "outside itself");
    refused_and_unchanged(&fixture("dayone-bomb.zip"), &limits, "unpacks to far more");
}

#[test]
fn a_symbolic_link_in_an_imported_folder_is_not_followed() {
    let tmp = TempDir::new().unwrap();
    let notes = tmp.path().join("notes");
    fs::create_dir(&notes).unwrap();
    fs::write(notes.join("2024-01-15.md"), "A note").unwrap();
    let secret = tmp.path().join("elsewhere.md");
    fs::write(&secret, "Not to be read").unwrap();
    std::os::unix::fs::symlink(&secret, notes.join("2024-01-16.md")).unwrap();
    refused_and_unchanged(&notes, &Limits::DEFAULT, "2024-01-16.md is a link");
}

#[test]
fn a_file_over_the_size_cap_is_refused_before_it_is_read() {
    let tmp = TempDir::new().unwrap();
    // 2 GiB that take no room: sparse. Reading it would take seconds and 2 GiB of memory.
    let big = tmp.path().join("journal.json");
    fs::File::create(&big)
        .unwrap()
        .set_len(2 * 1024 * 1024 * 1024)
        .unwrap();
    refused_and_unchanged(
        &big,
        &Limits::DEFAULT,
        "larger than Attune imports (64 MiB at most)",
    );
    let zip = tmp.path().join("export.zip");
    let mut bytes = fs::read(fixture("dayone-nested.zip")).unwrap();
    bytes.truncate(64);
    fs::write(&zip, &bytes).unwrap();
    fs::OpenOptions::new()
        .write(true)
        .open(&zip)
        .unwrap()
        .set_len(9 * 1024 * 1024 * 1024)
        .unwrap();
    refused_and_unchanged(&zip, &Limits::DEFAULT, "(8 GiB at most)");
}

#[test]
fn a_huge_entry_is_refused_by_name_and_date_never_by_its_text() {
    let tmp = TempDir::new().unwrap();
    let path = tmp.path().join("huge.txt");
    let text = format!(
        "[2024-01-15 09:30] Fine\nSmall.\n[2024-01-16 09:30] Too big\n{}\n",
        "zebralantern ".repeat(16_000)
    );
    fs::write(&path, text).unwrap();
    refused_and_unchanged(&path, &Limits::DEFAULT, "huge.txt, entry 2 (2024-01-16)");
    let tmp2 = TempDir::new().unwrap();
    let (mut journal, _) = create_journal(&tmp2.path().join("j"));
    let err = import(&mut journal, &path, &options()).unwrap_err();
    assert!(err.message.contains("200000 characters"), "{}", err.message);
    assert!(!err.message.contains("zebralantern"));
}

#[test]
fn the_caps_on_entries_folders_and_unpacked_bytes_are_kept() {
    let small = |f: fn(&mut Limits)| {
        let mut limits = Limits::DEFAULT;
        f(&mut limits);
        limits
    };
    refused_and_unchanged(
        &fixture("jrnl.txt"),
        &small(|l| l.max_entries = 1),
        "more than 1 entries",
    );
    refused_and_unchanged(
        &fixture("dayone.zip"),
        &small(|l| l.max_unpacked_bytes = 2048),
        "unpacked",
    );
    refused_and_unchanged(
        &fixture("markdown"),
        &small(|l| l.max_folder_items = 3),
        "more than 3 files and folders",
    );
    refused_and_unchanged(
        &fixture("markdown"),
        &small(|l| l.max_depth = 1),
        "folders more than 1 deep",
    );
    refused_and_unchanged(
        &fixture("dayone.zip"),
        &small(|l| l.max_zip_members = 2),
        "more than 2 files",
    );
}

fn incoming(n: usize) -> Incoming {
    Incoming {
        entry: sample_entry(n),
        created_at: at("2024-01-01T09:00:00Z"),
        updated_at: at("2024-01-02T09:00:00Z"),
        imported: Imported {
            source: ImportSource::Jrnl,
            source_id: format!("id-{n}"),
            imported_at: Utc::now(),
        },
    }
}

#[test]
fn a_failure_part_way_through_the_import_transaction_rolls_every_entry_back() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("j");
    let (mut journal, _) = create_journal(&dir);
    add_sample_entries(&mut journal, 3);
    drop(journal);
    let before = journal_files(&dir);
    let mut journal = open_journal(&dir, PASSPHRASE);
    let before_in_memory = entries_by_id(&journal);
    // 600 good entries are written inside the transaction before the 601st breaks a
    // rule (a family code that is a full name): all 600 must go.
    let mut batch: Vec<Incoming> = (0..600).map(incoming).collect();
    let mut bad = incoming(600);
    bad.entry.family_code = Some("Jane Smith".into());
    batch.push(bad);
    batch.extend((601..700).map(incoming));
    let err = journal.add_all(batch).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_eq!(
        entries_by_id(&journal),
        before_in_memory,
        "memory untouched"
    );
    drop(journal);
    assert_same_files(&before, &journal_files(&dir), "a rolled-back import");
    let journal = open_journal(&dir, PASSPHRASE);
    assert_eq!(journal.len(), 3);
}

#[test]
fn a_batch_import_keeps_its_times_and_origin() {
    let (_tmp, mut journal) = journal();
    assert_eq!(journal.add_all((0..3).map(incoming)).unwrap(), 3);
    let e = journal.entries().unwrap()[0].clone();
    assert_eq!(e.created_at, at("2024-01-01T09:00:00Z"));
    assert_eq!(e.updated_at, at("2024-01-02T09:00:00Z"));
    assert_eq!(e.imported.as_ref().unwrap().source, ImportSource::Jrnl);
    assert_eq!(e.revision, 1);
}

/// Reflections that use every field an export carries.
fn rich_entries() -> Vec<NewEntry> {
    let answers = vec![
        PromptAnswer {
            prompt_id: "what".into(),
            prompt: "What happened?".into(),
            value: AnswerValue::Text("We played.\n\nThen she slept.".into()),
        },
        PromptAnswer {
            prompt_id: "load".into(),
            prompt: String::new(),
            value: AnswerValue::Scale(7),
        },
        PromptAnswer {
            prompt_id: "bring".into(),
            prompt: "Bring it, or let it rest?".into(),
            value: AnswerValue::Choice("Bring it".into()),
        },
        PromptAnswer {
            prompt_id: "plan".into(),
            prompt: "One small step".into(),
            value: AnswerValue::Plan {
                step: "Walk at lunch".into(),
                by: date(2026, 3, 27),
            },
        },
    ];
    vec![
        NewEntry {
            encounter_date: Some(date(2026, 3, 4)),
            kind: Some(EntryKind::Encounter),
            setting: Some(Setting::HomeVisit),
            family_code: Some("FAM-7".into()),
            title: Some("A \"hard\" visit: part 1/2 #sleep".into()),
            prompt_pack: Some(PackRef {
                id: "after-encounter".into(),
                version: 1,
            }),
            answers,
            body: "The baby settled when the father sang.\n\n- a list\n- of things".into(),
            tags: vec!["sleep".into(), "home visit".into()],
            carrying: Some(6),
            bring_to_supervision: true,
            not_names: Vec::new(),
        },
        NewEntry {
            encounter_date: Some(date(2026, 3, 4)),
            kind: Some(EntryKind::Private),
            title: Some("A \"hard\" visit: part 1/2 #sleep".into()),
            body: "Same title, same day: the file names must differ.".into(),
            ..NewEntry::default()
        },
        NewEntry {
            encounter_date: Some(date(2026, 3, 5)),
            body: "No title at all.".into(),
            ..NewEntry::default()
        },
    ]
}

/// What a reflection is, without what a new journal gives it afresh (id, import record).
fn essence(
    e: &Entry,
) -> (
    NaiveDate,
    String,
    Option<String>,
    String,
    Vec<String>,
    String,
) {
    (
        e.encounter_date,
        e.kind.label().to_string(),
        e.title.clone(),
        e.body.clone(),
        e.tags.clone(),
        format!(
            "{:?} {:?} {:?} {:?} {:?} {} {}",
            e.setting,
            e.family_code,
            e.carrying,
            e.prompt_pack,
            e.answers,
            e.bring_to_supervision,
            e.created_at
        ),
    )
}

#[test]
fn a_markdown_folder_export_imports_back_as_the_same_reflections() {
    let tmp = TempDir::new().unwrap();
    let (mut source, _) = create_journal(&tmp.path().join("a"));
    for e in rich_entries() {
        source.add(e, Utc::now()).unwrap();
    }
    let out = tmp.path().join("vault");
    let req = ExportRequest {
        format: ExportFormat::MarkdownFolder,
        reviewed: true,
    };
    let done = export_api::write(&source, &req, &out, WriteMode::Replace).unwrap();
    assert_eq!(done.entries, 3);
    let mut names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        vec![
            "2026-03-04 A hard visit part 1 2 sleep.md".to_string(),
            "2026-03-04 A hard visit part 1 2 sleep 2.md".to_string(),
            "2026-03-05.md".to_string(),
        ]
        .into_iter()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect::<Vec<_>>()
    );
    let note = fs::read_to_string(out.join("2026-03-04 A hard visit part 1 2 sleep.md")).unwrap();
    assert!(
        note.starts_with("---\nattune: 1\ndate: 2026-03-04\n"),
        "{note}"
    );
    assert!(note.contains("\nfamily_code: \"FAM-7\"\n"), "{note}");
    assert!(
        note.contains("\ntags:\n  - \"sleep\"\n  - \"home visit\"\n"),
        "{note}"
    );
    assert!(
        note.contains("\n## What happened?\n\nWe played.\n\nThen she slept.\n"),
        "{note}"
    );
    // A folder already there is never replaced or merged into.
    let again = export_api::write(&source, &req, &out, WriteMode::Replace).unwrap_err();
    assert_eq!(again.code, ErrorCode::InvalidInput);

    let (mut back, _) = create_journal(&tmp.path().join("b"));
    let flag = ImportOptions {
        flag_starred: true,
        ..options()
    };
    let imported = import(&mut back, &out, &flag).unwrap();
    assert_eq!(imported.imported, 3);
    let mut a: Vec<_> = source.entries().unwrap().iter().map(essence).collect();
    let mut b: Vec<_> = back.entries().unwrap().iter().map(essence).collect();
    a.sort();
    b.sort();
    assert_eq!(a, b);
    // And into the journal it came from, it adds nothing.
    assert_eq!(import(&mut source, &out, &flag).unwrap().imported, 0);
}

#[test]
fn a_jrnl_export_has_jrnls_shape() {
    let tmp = TempDir::new().unwrap();
    let (mut journal, _) = create_journal(&tmp.path().join("j"));
    for e in rich_entries() {
        journal.add(e, Utc::now()).unwrap();
    }
    let out = tmp.path().join("export.json");
    let req = ExportRequest {
        format: ExportFormat::Jrnl,
        reviewed: true,
    };
    export_api::write(&journal, &req, &out, WriteMode::NewOnly).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&fs::read(&out).unwrap()).unwrap();
    assert_eq!(json["tags"]["@home-visit"], 1);
    let first = &json["entries"][0];
    assert_eq!(first["date"], "2026-03-04");
    assert_eq!(first["tags"], serde_json::json!(["@sleep", "@home-visit"]));
    assert_eq!(first["starred"], true);
    assert!(first["time"].as_str().unwrap().len() == 5);
    assert!(first["body"]
        .as_str()
        .unwrap()
        .contains("**What happened?**: We played."));
    // And Attune reads it back as a jrnl export.
    let (mut back, _) = create_journal(&tmp.path().join("b"));
    let done = import(&mut back, &out, &options()).unwrap();
    assert_eq!(done.preview.format, ImportSource::Jrnl);
    assert_eq!(done.imported, 3);
}

#[test]
fn the_app_holds_the_chosen_export_until_it_is_imported_and_forgets_it_on_lock() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("j");
    let (journal, _) = create_journal(&dir);
    let mut app = attune::api::App::new(dir.clone());
    app.install(journal).unwrap();
    // Nothing chosen yet: nothing to import.
    assert_eq!(app.take_import().unwrap_err().code, ErrorCode::InvalidInput);
    app.hold_import(fixture("jrnl.txt"), None);
    let (path, format) = app.take_import().unwrap();
    assert_eq!((path, format), (fixture("jrnl.txt"), None));
    assert!(app.take_import().is_err(), "taken once");
    app.hold_import(fixture("jrnl.txt"), Some(ImportSource::Jrnl));
    app.cancel_import();
    assert!(app.take_import().is_err(), "cancelled");
    app.hold_import(fixture("jrnl.txt"), None);
    app.lock().unwrap();
    let journal = open_journal(&dir, PASSPHRASE);
    app.install(journal).unwrap();
    assert!(app.take_import().is_err(), "a lock forgets the choice");
}
