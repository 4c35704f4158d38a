//! `attune import-journal` as a person or a script runs it: the preview, the import, the
//! duplicate rule, the exit codes, a write cut short (file-size limit) or a full disk
//! changing nothing, no plaintext left in temporary files, and the Markdown folder export
//! read back.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use crate::disk_full::{bash, steps};
use crate::support::cli::{stderr, stdout, Cli};
use crate::support::files_containing;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn import_journal_previews_then_imports_and_a_second_time_adds_nothing() {
    let cli = Cli::new();
    cli.init();
    let zip = fixture("dayone.zip");
    let dry = cli.json(&["import-journal", arg(&zip), "--dry-run", "--json"]);
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["imported"], 0);
    let preview = &dry["preview"];
    assert_eq!(preview["format"], "dayone");
    assert_eq!(preview["entries"], 5);
    assert_eq!(preview["first_date"], "2024-02-01");
    assert_eq!(preview["deid"]["total"], 1);
    assert_eq!(preview["deid"]["counts"][0]["kind"], "phone");
    assert!(preview["dropped"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["kind"] == "photo" && d["count"] == 1));
    assert_eq!(
        cli.json(&["list", "--json"])["total"],
        0,
        "a dry run writes nothing"
    );

    let text = cli.ok(&["import-journal", arg(&zip), "--flag-starred"], "");
    assert!(
        text.contains("From Day One: 5 entries to bring in, 2024-02-01 to 2099-01-02."),
        "{text}"
    );
    assert!(
        text.contains("1 photo: media are not imported in this version."),
        "{text}"
    );
    assert!(
        text.contains("Looks identifying: 1 passage (1 phone number)"),
        "{text}"
    );
    assert!(text.contains("Imported 5 entries"), "{text}");
    let list = cli.json(&["list", "--json", "--flagged"]);
    assert_eq!(list["total"], 2, "starred and pinned, as asked");
    let found = cli.json(&["search", "--json", "caseloads"]);
    assert_eq!(found["total"], 1);
    let id = found["entries"][0]["id"].as_str().unwrap().to_string();
    let shown = cli.ok(&["show", &id], "");
    assert!(shown.contains("imported:  from Day One on "), "{shown}");
    let shown = cli.json(&["show", &id, "--json"]);
    assert_eq!(shown["imported"]["source"], "dayone");
    assert_eq!(
        shown["imported"]["source_id"],
        "55C679DD02BF4B9DBA1B7B293BAED008"
    );

    let again = cli.ok(&["import-journal", arg(&zip)], "");
    assert!(
        again.contains("Already in your journal, left out: 5 entries."),
        "{again}"
    );
    assert!(again.contains("Nothing new to import."), "{again}");
    assert_eq!(cli.json(&["list", "--json"])["total"], 5);

    // Refusals: one line on stderr, exit 2, nothing written.
    for (file, says) in [
        ("dayone-traversal.zip", "outside itself"),
        ("dayone-version-2.json", "version \"2.0\""),
        ("markdown-latin1", "is not UTF-8"),
    ] {
        let out = cli.run(&["import-journal", arg(&fixture(file))], "");
        assert_eq!(out.status.code(), Some(2), "{file}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{file}: {}", stderr(&out));
        assert_eq!(stderr(&out).lines().count(), 1);
    }
    let out = cli.run(
        &[
            "import-journal",
            arg(&fixture("jrnl.txt")),
            "--format",
            "minidiary",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a Mini Diary export"),
        "{}",
        stderr(&out)
    );
    assert_eq!(cli.json(&["list", "--json"])["total"], 5);
}

#[test]
fn a_markdown_folder_export_from_the_cli_imports_back_into_a_new_journal() {
    let cli = Cli::new();
    cli.init();
    cli.add(
        &[
            "add",
            "--title",
            "A visit",
            "--date",
            "2026-03-04",
            "--tag",
            "sleep",
            "--family",
            "F-1",
        ],
        "The father sang.",
    );
    let out = cli.root.join("vault");
    let wrote = cli.ok(&["export", "--format", "md-folder", "--out", arg(&out)], "");
    assert!(wrote.contains("Wrote 1 entry"), "{wrote}");
    assert!(out.join("2026-03-04 A visit.md").is_file());
    let again = cli.run(&["export", "--format", "md-folder", "--out", arg(&out)], "");
    assert_eq!(
        again.status.code(),
        Some(2),
        "never over a folder already there"
    );

    let other = Cli::new();
    other.init();
    let done = other.json(&["import-journal", arg(&out), "--json"]);
    assert_eq!(done["imported"], 1);
    assert_eq!(done["preview"]["format"], "markdown");
    let list = other.json(&["list", "--json"]);
    let entry = &list["entries"][0];
    assert_eq!(entry["title"], "A visit");
    assert_eq!(entry["family_code"], "F-1");
    assert_eq!(entry["tags"], serde_json::json!(["sleep"]));
    assert_eq!(entry["encounter_date"], "2026-03-04");
}

#[test]
fn an_import_leaves_no_plaintext_in_the_journal_or_temporary_files() {
    let cli = Cli::new();
    cli.init();
    let temp = cli.root.join("tmp");
    std::fs::create_dir(&temp).unwrap();
    let marker_title = "CanaryImportTitle Überschrift";
    let marker_body = "CanaryImportBody записка";
    let source = cli.root.join("sources");
    std::fs::create_dir(&source).unwrap();
    let file = source.join("journal.txt");
    std::fs::write(
        &file,
        format!("[2024-01-15 09:30] {marker_title}\n{marker_body}\n"),
    )
    .unwrap();
    let out = cli.run_env(
        &["import-journal", arg(&file)],
        "",
        &[
            ("ATTUNE_PASSPHRASE_FILE", cli.pass_file.as_os_str()),
            ("TMPDIR", temp.as_os_str()),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Imported 1 entry"));
    for marker in [marker_title, marker_body] {
        for dir in [&cli.dir, &temp] {
            let utf16: Vec<u8> = marker.encode_utf16().flat_map(u16::to_le_bytes).collect();
            assert_eq!(
                files_containing(dir, marker.as_bytes()),
                Vec::<String>::new()
            );
            assert_eq!(files_containing(dir, &utf16), Vec::<String>::new());
        }
    }
    assert_eq!(
        std::fs::read_dir(&temp).unwrap().count(),
        0,
        "no temporary file at all"
    );
}

/// A jrnl journal of 3,000 entries (about 1 MB) imported under `LIMIT_STEP`.
fn big_import() -> String {
    steps(
        r#"for i in $(seq 1 3000); do
  printf '[2024-01-01 09:%02d] IMPORT-MARKER %d\n%s\n\n' $((i % 60)) "$i" "$(printf 'words %.0s' $(seq 1 40))"
done > "$WORK/big.txt""#,
        r#""$ATTUNE" --journal "$J" import-journal "$WORK/big.txt""#,
    )
}

fn check_unchanged(stdout: &str, expected_message: &str) {
    crate::disk_full::check_unchanged(stdout, expected_message, "IMPORT-MARKER");
}

#[test]
fn an_import_cut_short_by_a_file_size_limit_leaves_the_journal_byte_identical() {
    let script = format!(
        "mkdir -p \"$WORK/disk\"\n{}",
        big_import().replace("LIMIT_STEP ", "trap '' XFSZ; ulimit -f 200; ")
    );
    let (code, stdout, stderr) = bash(&script, false);
    assert_eq!(code, 0, "script failed ({code}):\n{stdout}\n{stderr}");
    check_unchanged(&stdout, "could not write to the disk");
}

#[test]
fn an_import_onto_a_full_disk_leaves_the_journal_byte_identical() {
    let script = format!(
        "mkdir -p \"$WORK/disk\" && mount -t tmpfs -o size=300k tmpfs \"$WORK/disk\" || exit 99\n{}",
        big_import().replace("LIMIT_STEP ", "")
    );
    let (code, stdout, stderr) = bash(&script, true);
    assert_eq!(code, 0, "script failed ({code}):\n{stdout}\n{stderr}");
    check_unchanged(&stdout, "disk is full");
}
