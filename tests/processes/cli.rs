//! The `attune` command line as a script or a person would use it: the real binary on
//! real journals, with the documented exit codes and JSON shapes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use tempfile::TempDir;

use crate::support::cli::{
    child_output, holding_journal, recovery_key_of, start_child, stderr, stdout, Cli,
};
use crate::support::PASSPHRASE as PASS;
use crate::support::{set_envelope, snapshot, stored_records};

#[test]
fn init_shows_the_recovery_key_once_and_warns_about_the_test_kdf() {
    let cli = Cli::new();
    let out = cli.run(&["init"], "");
    assert_eq!(out.status.code(), Some(0));
    let key = recovery_key_of(&out);
    assert_eq!(key.split('-').count(), 8, "{key}");
    assert!(
        stderr(&out).contains("WEAK"),
        "loud warning for ATTUNE_TEST_FAST_KDF=1"
    );
    // A second init changes nothing and says why.
    let before = snapshot(&cli.dir);
    let again = cli.run(&["init"], "");
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("already a journal"));
    assert!(!stdout(&again).contains("Recovery key:"));
    assert_eq!(snapshot(&cli.dir), before);
}

/// `attune list | true`: the reader is gone before the list is printed, so printing
/// meets a closed pipe. The command ends quietly, with no panic and exit code 0.
#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    let cli = Cli::new();
    cli.init();
    for i in 0..3 {
        cli.add(&["add", "--title", &format!("Visit {i}")], "A quiet visit.");
    }
    let mut piped = Command::new("bash");
    crate::support::cli::with_test_env(
        piped
            .args(["-c", "set -o pipefail; \"$@\" | true", "bash"])
            .arg(env!("CARGO_BIN_EXE_attune"))
            .arg("--journal")
            .arg(&cli.dir)
            .args(["list", "--limit", "50"]),
    )
    .env("ATTUNE_PASSPHRASE_FILE", &cli.pass_file);
    let out = child_output(&mut piped).unwrap();
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn passphrase_can_come_from_the_first_line_of_stdin_with_the_body_after_it() {
    let cli = Cli::new();
    let out = cli.run_env(&["init"], &format!("{PASS}\n"), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = cli.run_env(
        &["add", "--title", "From stdin", "--body-file", "-"],
        &format!("{PASS}\nfirst line of the body\nsecond line\n"),
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let id = stdout(&out).trim().to_string();
    let entry = cli.json(&["show", &id, "--json"]);
    assert_eq!(entry["body"], "first line of the body\nsecond line");
    assert_eq!(entry["title"], "From stdin");
}

#[test]
fn add_list_search_show_round_trip_with_stable_json() {
    let cli = Cli::new();
    cli.init();
    let a = cli.add(
        &[
            "add",
            "--title",
            "Home visit",
            "--date",
            "2026-03-04",
            "--family",
            "FAM-7",
            "--tag",
            "sleep",
            "--tag",
            "feeding",
            "--flag",
            "--rating",
            "6",
            "--setting",
            "home_visit",
        ],
        "The baby settled when the father sang. I noticed my own tiredness.",
    );
    let b = cli.add(
        &[
            "add",
            "--title",
            "Quiet evening",
            "--kind",
            "private",
            "--date",
            "2026-03-05",
        ],
        "Thinking about burnout and what helps me rest.",
    );
    assert_eq!(a.len(), 32);

    let list = cli.json(&["list", "--json"]);
    assert_eq!(list["total"], 2);
    let first = &list["entries"][0];
    assert_eq!(first["id"], b.as_str(), "newest encounter first");
    for key in [
        "id",
        "title",
        "kind",
        "encounter_date",
        "created_at",
        "updated_at",
        "tags",
        "family_code",
        "bring_to_supervision",
        "setting",
        "carrying",
        "in_trash",
    ] {
        assert!(first.get(key).is_some(), "list --json has {key}");
    }
    assert!(first.get("snippet").is_none(), "snippets belong to search");

    let flagged = cli.json(&["list", "--json", "--flagged"]);
    assert_eq!(flagged["total"], 1);
    assert_eq!(flagged["entries"][0]["family_code"], "FAM-7");
    assert_eq!(
        flagged["entries"][0]["tags"],
        serde_json::json!(["sleep", "feeding"])
    );

    let found = cli.json(&["search", "--json", "FATHER", "sang"]);
    assert_eq!(found["total"], 1);
    assert_eq!(found["entries"][0]["id"], a.as_str());
    assert!(found["entries"][0]["snippet"]
        .as_str()
        .unwrap()
        .contains("father sang"));
    let none = cli.json(&["search", "--json", "father", "burnout"]);
    assert_eq!(none["total"], 0, "every word must match");

    let shown = cli.json(&["show", &a[..6], "--json"]);
    assert_eq!(shown["carrying"], 6);
    assert_eq!(shown["setting"], "home_visit");
    assert_eq!(shown["encounter_date"], "2026-03-04");
}

#[test]
fn edit_changes_only_the_given_fields_and_delete_restore_use_the_trash() {
    let cli = Cli::new();
    cli.init();
    let id = cli.add(
        &["add", "--title", "Draft", "--tag", "a", "--flag"],
        "Body stays.",
    );
    let out = cli.run(&["edit", &id, "--title", "Renamed", "--no-flag"], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let e = cli.json(&["show", &id, "--json"]);
    assert_eq!(e["title"], "Renamed");
    assert_eq!(e["body"], "Body stays.");
    assert_eq!(e["tags"], serde_json::json!(["a"]));
    assert_eq!(e["bring_to_supervision"], false);
    assert_eq!(e["revision"], 2);

    assert_eq!(cli.run(&["delete", &id], "").status.code(), Some(0));
    assert_eq!(cli.json(&["list", "--json"])["total"], 0);
    assert_eq!(cli.json(&["list", "--json", "--trash"])["total"], 1);
    assert_eq!(cli.run(&["restore", &id], "").status.code(), Some(0));
    assert_eq!(cli.json(&["list", "--json"])["total"], 1);
    assert_eq!(cli.run(&["purge", &id], "").status.code(), Some(0));
    assert_eq!(cli.json(&["list", "--json", "--trash"])["total"], 0);
    let gone = cli.run(&["show", &id], "");
    assert_eq!(gone.status.code(), Some(2), "unknown ids are bad input");
}

#[test]
fn whole_entry_as_json_and_malformed_json_changes_nothing() {
    let cli = Cli::new();
    cli.init();
    let json = r#"{"title": "Via JSON", "kind": "private", "tags": ["x"], "carrying": 3,
        "answers": [{"prompt_id": "p1", "value": {"type": "text", "value": "an answer"}}],
        "body": "JSON body"}"#;
    let out = cli.run(&["add", "--json"], json);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let id = stdout(&out).trim().to_string();
    let e = cli.json(&["show", &id, "--json"]);
    assert_eq!(e["answers"][0]["value"]["value"], "an answer");

    let before = snapshot(&cli.dir);
    for bad in [
        r#"{"title": "unclosed"#,
        r#"{"titel": "typo"}"#,
        r#"{"carrying": 99}"#,
    ] {
        let out = cli.run(&["add", "--json"], bad);
        assert_eq!(out.status.code(), Some(2), "{bad}: {}", stderr(&out));
        assert_eq!(stderr(&out).lines().count(), 1, "one clear line");
        assert!(!stderr(&out).contains("unclosed") && !stderr(&out).contains("typo"));
    }
    assert_eq!(cli.json(&["list", "--json"])["total"], 1);
    assert_eq!(snapshot(&cli.dir), before, "refused adds wrote nothing");
}

#[test]
fn exit_codes_follow_the_readme() {
    let cli = Cli::new();
    // No journal yet.
    assert_eq!(cli.run(&["list"], "").status.code(), Some(2));
    cli.init();
    let marker = "SECRET-MARKER-TEXT";
    cli.add(&["add", "--title", marker], marker);
    // Wrong passphrase: 4, one human line, nothing of the journal in it.
    let wrong = cli.file("wrong", "not the passphrase\n");
    let out = cli.run_env(
        &["list"],
        "",
        &[("ATTUNE_PASSPHRASE_FILE", wrong.as_os_str())],
    );
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(stderr(&out).lines().count(), 1);
    assert!(stdout(&out).is_empty());
    // Bad input: 2.
    assert_eq!(
        cli.run(&["add", "--date", "04/03/2026"], "").status.code(),
        Some(2)
    );
    assert_eq!(
        cli.run(&["add", "--rating", "11"], "").status.code(),
        Some(2)
    );
    assert_eq!(
        cli.run(&["add", "--family", "Jane Doe"], "").status.code(),
        Some(2)
    );
    assert_eq!(cli.run(&["show", "ffff"], "").status.code(), Some(2));
    assert_eq!(cli.run(&["frobnicate"], "").status.code(), Some(2));
    // A sound journal verifies with 0.
    assert_eq!(cli.run(&["verify"], "").status.code(), Some(0));
    for code in [2, 4] {
        let out = match code {
            2 => cli.run(&["show", "ffff"], ""),
            _ => cli.run_env(
                &["list"],
                "",
                &[("ATTUNE_PASSPHRASE_FILE", wrong.as_os_str())],
            ),
        };
        assert!(!stderr(&out).contains(marker));
    }
}

#[test]
fn verify_exits_3_and_names_a_damaged_record_while_the_rest_stays_readable() {
    let cli = Cli::new();
    cli.init();
    let good = cli.add(&["add", "--title", "Good"], "fine");
    let bad = cli.add(&["add", "--title", "Bad"], "to be damaged");
    {
        let record = stored_records(&cli.dir)
            .into_iter()
            .find(|r| r.id_hex() == bad)
            .unwrap();
        let mut env = record.envelope;
        env[60] ^= 0x01;
        set_envelope(&cli.dir, record.seq, &env);
    }
    let out = cli.run(&["verify"], "");
    assert_eq!(out.status.code(), Some(3));
    assert!(stdout(&out).contains(&bad));
    assert!(!stdout(&out).contains(&good));
    let list = cli.run(&["list", "--json"], "");
    assert_eq!(list.status.code(), Some(0));
    assert!(stderr(&list).contains("could not be read"));
    let page: serde_json::Value = serde_json::from_str(&stdout(&list)).unwrap();
    assert_eq!(page["total"], 1);
    assert_eq!(page["entries"][0]["id"], good.as_str());
    // The damaged record can be removed by its id, after which verify is clean.
    assert_eq!(cli.run(&["purge", &bad], "").status.code(), Some(0));
    assert_eq!(cli.run(&["verify"], "").status.code(), Some(0));
}

#[test]
fn passwd_recover_rotate_and_replace_recovery_key() {
    let cli = Cli::new();
    let first_key = cli.init();
    let id = cli.add(&["add", "--title", "Keep me"], "kept");
    let new_pass = cli.file("new", "a brand new passphrase\n");
    let out = cli.run_env(
        &["passwd"],
        "",
        &[
            ("ATTUNE_PASSPHRASE_FILE", cli.pass_file.as_os_str()),
            ("ATTUNE_NEW_PASSPHRASE_FILE", new_pass.as_os_str()),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Copies made before keep the old passphrase, and the person is told so.
    assert!(
        stdout(&out).contains("still open with the old passphrase"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        cli.run(&["list"], "").status.code(),
        Some(4),
        "old passphrase fails"
    );
    let with_new = |args: &[&str], stdin: &str| {
        cli.run_env(
            args,
            stdin,
            &[("ATTUNE_PASSPHRASE_FILE", new_pass.as_os_str())],
        )
    };
    assert_eq!(with_new(&["list"], "").status.code(), Some(0));

    // A new passphrase that is too short is refused and changes nothing.
    let short = cli.file("short", "short\n");
    let out = cli.run_env(
        &["passwd"],
        "",
        &[
            ("ATTUNE_PASSPHRASE_FILE", new_pass.as_os_str()),
            ("ATTUNE_NEW_PASSPHRASE_FILE", short.as_os_str()),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(with_new(&["list"], "").status.code(), Some(0));

    // Recover with the first recovery key (typed in lowercase, with spaces).
    let typed = first_key.to_lowercase().replace('-', " ");
    let out = cli.run_env(
        &["recover"],
        &format!("{typed}\nrecovered passphrase\n"),
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let second_key = recovery_key_of(&out);
    assert_ne!(second_key, first_key);
    let out = cli.run_env(
        &["recover"],
        &format!("{first_key}\nanother passphrase!\n"),
        &[],
    );
    assert_eq!(
        out.status.code(),
        Some(4),
        "the old recovery key stopped working"
    );
    // A mistyped recovery key is reported as a mistype (exit 2), not a wrong key.
    let mut mistyped: Vec<char> = second_key.chars().collect();
    mistyped[0] = if mistyped[0] == 'A' { 'B' } else { 'A' };
    let mistyped: String = mistyped.into_iter().collect();
    let out = cli.run_env(
        &["recover"],
        &format!("{mistyped}\nanother passphrase!\n"),
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("typing mistake"));

    // Rotate the key: the passphrase stays, a new recovery key is issued.
    let recovered = cli.file("recovered", "recovered passphrase\n");
    let with_rec = |args: &[&str]| {
        cli.run_env(
            args,
            "",
            &[("ATTUNE_PASSPHRASE_FILE", recovered.as_os_str())],
        )
    };
    let out = with_rec(&["rotate-key"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("still open with the old passphrase"));
    let third_key = recovery_key_of(&out);
    let out = with_rec(&["show", &id, "--json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("Keep me"));

    let out = with_rec(&["recovery-key", "replace"]);
    assert_eq!(out.status.code(), Some(0));
    let fourth_key = recovery_key_of(&out);
    let key_file = cli.file("rk", &format!("{third_key}\n"));
    let fresh = cli.file("fresh", "yet another passphrase\n");
    let out = cli.run_env(
        &["recover"],
        "",
        &[
            ("ATTUNE_RECOVERY_KEY_FILE", key_file.as_os_str()),
            ("ATTUNE_NEW_PASSPHRASE_FILE", fresh.as_os_str()),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(4),
        "replaced recovery key no longer works"
    );
    std::fs::write(&key_file, format!("{fourth_key}\n")).unwrap();
    let out = cli.run_env(
        &["recover"],
        "",
        &[
            ("ATTUNE_RECOVERY_KEY_FILE", key_file.as_os_str()),
            ("ATTUNE_NEW_PASSPHRASE_FILE", fresh.as_os_str()),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn export_needs_a_named_new_file_warns_and_is_private() {
    let cli = Cli::new();
    cli.init();
    cli.add(&["add", "--title", "Exported"], "export me");
    let out = cli.run(&["export", "--format", "json"], "");
    assert_eq!(out.status.code(), Some(2), "no --out, no export");
    assert!(stdout(&out).is_empty());

    let path = cli.root.join("export.json");
    let out = cli.run(
        &[
            "export",
            "--format",
            "json",
            "--out",
            path.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("NOT encrypted"));
    let exported: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(exported[0]["title"], "Exported");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // An existing file is never overwritten.
    let out = cli.run(
        &["export", "--format", "md", "--out", path.to_str().unwrap()],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(std::fs::read_to_string(&path)
        .unwrap()
        .contains("\"Exported\""));

    let md = cli.root.join("export.md");
    let out = cli.run(
        &["export", "--format", "md", "--out", md.to_str().unwrap()],
        "",
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(std::fs::read_to_string(&md).unwrap().contains("## "));
}

#[test]
fn a_second_process_on_the_same_journal_is_turned_away() {
    let cli = Cli::new();
    cli.init();
    let pass = attune::crypto::Passphrase::new(PASS);
    let holding = holding_journal();
    let held = attune::vault::Vault::unlock(&cli.dir, &pass).unwrap();
    let out = cli.run(&["list"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("open in another"), "{}", stderr(&out));
    held.lock();
    drop(holding);
    assert_eq!(cli.run(&["list"], "").status.code(), Some(0));
}

#[test]
fn journal_folder_comes_from_the_environment_when_not_given() {
    let tmp = TempDir::new().unwrap();
    let pass = tmp.path().join("pass");
    std::fs::write(&pass, format!("{PASS}\n")).unwrap();
    let run = |envs: &[(&str, &Path)]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_attune"));
        cmd.arg("init")
            .env("ATTUNE_TEST_FAST_KDF", "1")
            .env("ATTUNE_PASSPHRASE_FILE", &pass)
            .env_remove("ATTUNE_JOURNAL")
            .stdin(Stdio::null());
        for (k, v) in envs {
            cmd.env(k, v);
        }
        child_output(&mut cmd).unwrap()
    };
    let xdg = tmp.path().join("xdg");
    let out = run(&[("XDG_DATA_HOME", &xdg), ("HOME", tmp.path())]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(xdg.join("attune").join("journal.sqlite3").is_file());
    let named = tmp.path().join("named");
    let out = run(&[("ATTUNE_JOURNAL", &named), ("XDG_DATA_HOME", &xdg)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(named.join("journal.sqlite3").is_file());
}

#[test]
fn a_cli_journey_leaves_no_plaintext_in_the_journal_folder() {
    let cli = Cli::new();
    cli.init();
    let markers = [
        "QuokkaTitleMarker",
        "ZephyrBodyMarker",
        "FAMQX9",
        "OcelotTagMarker",
        "NarwhalEditMarker",
    ];
    let id = cli.add(
        &[
            "add", "--title", markers[0], "--family", markers[2], "--tag", markers[3],
        ],
        &format!(
            "Body with {} inside, and Ünïcödé {}",
            markers[1], markers[1]
        ),
    );
    let out = cli.run(
        &["edit", &id, "--body-file", "-"],
        &format!("Edited: {}", markers[4]),
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(cli.run(&["delete", &id], "").status.code(), Some(0));
    assert_eq!(cli.run(&["restore", &id], "").status.code(), Some(0));
    assert!(
        stdout(&cli.run(&["search", markers[4]], "")).contains(markers[0]),
        "the markers were stored"
    );
    let files = snapshot(&cli.dir);
    assert!(files.len() >= 2, "journal and lock file at least");
    for (path, bytes) in &files {
        for marker in markers {
            let utf16: Vec<u8> = marker.encode_utf16().flat_map(u16::to_le_bytes).collect();
            for needle in [marker.as_bytes(), &utf16[..]] {
                assert!(
                    !bytes.windows(needle.len()).any(|w| w == needle),
                    "{marker} found in {path}"
                );
            }
        }
    }
}

#[test]
fn checkin_by_flags_or_json_and_trends_as_text_and_json() {
    let cli = Cli::new();
    cli.init();
    // Before any check-in: the trends say so, and the JSON nudges.
    let empty = cli.json(&["trends", "--json"]);
    assert_eq!(empty["count"], 0);
    assert_eq!(empty["nudge"], true);
    assert!(empty["days_since_last"].is_null());
    let out = cli.run(&["trends"], "");
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("No check-ins yet"));

    // A heavy check-in by flags: overall reading, suggestions, the reminder.
    let out = cli.run(
        &[
            "checkin",
            "--energy",
            "1",
            "--exhaustion",
            "9",
            "--intrusive",
            "8",
            "--sleep",
            "2",
            "--note",
            "CheckinCliNoteMarker",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Overall: 8.5 of 10"), "{text}");
    assert!(text.contains("supervision"), "{text}");
    assert!(
        text.contains("not a validated measure or a diagnosis"),
        "{text}"
    );
    assert!(!text.contains("CheckinCliNoteMarker"));

    // A moderate one as inline JSON: no suggestions.
    let out = cli.run(&["checkin", "--json", r#"{"energy": 6, "support": 5}"#], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Overall: 4.5 of 10"));
    assert!(!stdout(&out).contains("  - "), "no suggestions");

    // JSON from standard input after the passphrase line.
    let out = cli.run_env(
        &["checkin", "--json"],
        &format!("{PASS}\n{{\"sleep\": 9, \"note\": \"from stdin\"}}\n"),
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Overall: 1.0 of 10"));

    let trends = cli.json(&["trends", "--json"]);
    assert_eq!(trends["count"], 3);
    assert_eq!(trends["days_since_last"], 0);
    assert_eq!(trends["nudge"], false);
    let items = trends["items"].as_array().unwrap();
    assert_eq!(items.len(), 6);
    let energy = &items[0];
    assert_eq!(energy["item_id"], "energy");
    assert_eq!(energy["direction"], "higher_is_easier");
    assert_eq!(energy["latest"], 6);
    assert_eq!(energy["average"], 3.5);
    assert_eq!(energy["points"].as_array().unwrap().len(), 2);
    assert_eq!(trends["overall"].as_array().unwrap().len(), 3);
    let weekly = trends["weekly"].as_array().unwrap();
    assert!(!weekly.is_empty());
    let counted: u64 = weekly.iter().map(|w| w["count"].as_u64().unwrap()).sum();
    assert_eq!(counted, 3);

    let out = cli.run(&["trends", "--weeks", "2"], "");
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.contains("3 check-ins in the last 2 weeks"), "{text}");
    assert!(text.contains("Emotionally spent"), "{text}");
    assert!(text.contains("Overall by week"), "{text}");
    assert!(!text.contains("CheckinCliNoteMarker"));

    // The note is on disk only encrypted.
    for (path, bytes) in &snapshot(&cli.dir) {
        assert!(
            !bytes.windows(20).any(|w| w == b"CheckinCliNoteMarker"),
            "note found in {path}"
        );
    }
}

#[test]
fn checkin_refuses_bad_answers_with_exit_2_and_saves_nothing() {
    let cli = Cli::new();
    cli.init();
    let before = snapshot(&cli.dir);
    for args in [
        &["checkin"][..],
        &["checkin", "--energy", "11"],
        &["checkin", "--energy", "ten"],
        &["checkin", "--json", r#"{"mood": 5}"#],
        &["checkin", "--json", r#"{"energy": 5.5}"#],
        &["checkin", "--json", r#"{"energy": -1}"#],
        &["checkin", "--json", "{not json"],
        &["checkin", "--json", r#"{"energy": 5}"#, "--sleep", "4"],
    ] {
        let out = cli.run(args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).is_empty(), "{args:?}");
    }
    assert_eq!(
        snapshot(&cli.dir),
        before,
        "refused check-ins wrote nothing"
    );
    assert_eq!(cli.json(&["trends", "--json"])["count"], 0);
}

#[test]
fn checkin_questions_list_every_item_with_its_flag_and_the_about_text() {
    let cli = Cli::new();
    let out = cli.run(&["checkin", "--questions"], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for flag in [
        "--energy",
        "--exhaustion",
        "--intrusive",
        "--effectiveness",
        "--support",
        "--sleep",
    ] {
        assert!(text.contains(flag), "{flag} missing from {text}");
    }
    assert!(text.contains("not a diagnosis"));
    assert!(text.contains("emergency"));
}

#[test]
fn deid_reads_stdin_without_a_journal_and_prints_code_point_spans() {
    let cli = Cli::new(); // no init: no journal, no passphrase needed
    let text = "Zoë's mum 😊 met Keisha; call 555-0147 or write to k.lee@example.org.\n";
    let out = cli.run_env(&["deid"], text, &[]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "findings exit 1: {}",
        stderr(&out)
    );
    let chars: Vec<char> = text.chars().collect();
    let lines: Vec<String> = stdout(&out).lines().map(String::from).collect();
    assert_eq!(lines.len(), 4, "{lines:?}");
    for line in &lines {
        let (range, rest) = line.split_once("  ").unwrap();
        let (kind, quoted) = rest.split_once("  ").unwrap();
        let (s, e) = range.split_once('-').unwrap();
        let (s, e): (usize, usize) = (s.parse().unwrap(), e.parse().unwrap());
        let at: String = chars[s..e].iter().collect();
        assert_eq!(format!("{at:?}"), quoted, "{line}");
        assert!(!kind.is_empty());
    }
    assert!(
        lines[0].starts_with("0-3  person_name  \"Zoë\""),
        "{lines:?}"
    );
    assert!(stderr(&out).contains("4 passages look identifying"));

    let out = cli.run_env(&["deid", "--json", "--allow", "keisha"], text, &[]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["count"], 3);
    let phone = &json["findings"][1];
    assert_eq!(phone["kind"], "phone");
    let (s, e) = (
        phone["start"].as_u64().unwrap(),
        phone["end"].as_u64().unwrap(),
    );
    let at: String = chars[s as usize..e as usize].iter().collect();
    assert_eq!(at, "555-0147");
    assert_eq!(phone["text"], "555-0147");
    assert!(json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["text"] != "Keisha"));
}

#[test]
fn deid_exits_0_on_clean_text_and_2_on_input_that_is_not_text() {
    let cli = Cli::new();
    let out = cli.run_env(
        &["deid"],
        "Mom and the 9-month-old on Tuesday; F12 rated 7/10.",
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).is_empty());
    let out = cli.run_env(&["deid", "--json"], "", &[]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json, serde_json::json!({"findings": [], "count": 0}));

    let mut cmd = Command::new(env!("CARGO_BIN_EXE_attune"));
    let mut child = start_child(
        cmd.arg("deid")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    )
    .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&[0xff, 0xfe, 0x41])
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn built_in_packs_are_listed_and_shown_without_a_journal_or_passphrase() {
    let cli = Cli::new();
    let out = cli.run_env(&["prompts", "list"], "", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for id in ["after-encounter", "vicarious-trauma", "quick-reflection"] {
        assert!(stdout(&out).contains(id), "{id} listed");
    }
    let listed = cli.json(&["prompts", "list", "--json"]);
    assert_eq!(listed.as_array().unwrap().len(), 21);
    assert!(listed[0]["prompt_count"].as_u64().unwrap() >= 6);

    let out = cli.run_env(&["prompts", "show", "preventing-burnout"], "", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let pack = cli.json(&["prompts", "show", "preventing-burnout", "--json"]);
    let first = pack["prompts"][0]["text"].as_str().unwrap();
    let first_help = pack["prompts"][0]["help"].as_str().unwrap();
    assert!(
        text.contains(&format!("1. {first}")),
        "numbered prompts: {text}"
    );
    assert!(text.contains(&format!("   {first_help}")), "help indented");
    assert!(text.contains(pack["closing"]["text"].as_str().unwrap()));
    assert!(!cli.dir.exists(), "no journal was made or needed");

    let out = cli.run_env(
        &["prompts", "show", "after-encounter", "--version", "9"],
        "",
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn export_warns_with_the_number_of_identifying_passages_and_no_content() {
    let cli = Cli::new();
    cli.init();
    cli.add(
        &["add", "--title", "Visit with Keisha"],
        "Call her on 555-0147 after Monday.",
    );
    cli.add(
        &["add", "--title", "Quiet day", "--family", "F12"],
        "Mom and baby slept.",
    );
    let path = cli.root.join("export.md");
    let out = cli.run(
        &["export", "--format", "md", "--out", path.to_str().unwrap()],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("2 passages look identifying"), "{err}");
    assert!(
        !err.contains("Keisha") && !err.contains("555-0147"),
        "{err}"
    );

    // A clean journal gets no note.
    let clean = Cli::new();
    clean.init();
    clean.add(&["add", "--title", "Quiet day"], "Mom and baby slept.");
    let path = clean.root.join("export.json");
    let out = clean.run(
        &[
            "export",
            "--format",
            "json",
            "--out",
            path.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(!stderr(&out).contains("identifying"), "{}", stderr(&out));
}

#[test]
fn add_with_a_pack_keeps_prompt_texts_and_show_prints_them() {
    let cli = Cli::new();
    cli.init();
    let answers = r#"{"lately": "Two full weeks.", "load": 7,
        "small-plan": {"step": "Leave on time on Friday", "by": "2026-03-27"},
        "lens:holding-the-baby": "The baby I keep thinking of."}"#;
    let out = cli.run(
        &[
            "add",
            "--pack",
            "preventing-burnout",
            "--title",
            "Load",
            "--answers",
            answers,
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let id = stdout(&out).trim().to_string();
    let entry = cli.json(&["show", &id, "--json"]);
    assert_eq!(entry["prompt_pack"]["id"], "preventing-burnout");
    let pack = cli.json(&["prompts", "show", "preventing-burnout", "--json"]);
    assert_eq!(entry["answers"][0]["prompt"], pack["prompts"][0]["text"]);
    assert_eq!(
        entry["answers"][1]["value"],
        serde_json::json!({"type": "scale", "value": 7})
    );
    assert_eq!(entry["answers"][2]["value"]["value"]["by"], "2026-03-27");

    let shown = stdout(&cli.run(&["show", &id], ""));
    assert!(
        shown.contains(pack["prompts"][0]["text"].as_str().unwrap()),
        "{shown}"
    );
    assert!(
        shown.contains("Leave on time on Friday (by 2026-03-27)"),
        "{shown}"
    );
    assert!(shown.contains("Lens: "), "{shown}");

    // Answers from a file, alongside the body on standard input.
    let file = cli.file("answers.json", r#"{"what": "A short visit."}"#);
    let out = cli.run(
        &[
            "add",
            "--pack",
            "quick-reflection",
            "--answers",
            file.to_str().unwrap(),
            "--body-file",
            "-",
        ],
        "And the body.",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let entry = cli.json(&["show", stdout(&out).trim(), "--json"]);
    assert_eq!(entry["body"], "And the body.");
    assert_eq!(entry["answers"][0]["value"]["value"], "A short visit.");
}

#[test]
fn answers_that_do_not_fit_the_pack_exit_2_and_save_nothing() {
    let cli = Cli::new();
    cli.init();
    for (pack, answers, says) in [
        ("quick-reflection", r#"{"nope": "x"}"#, "no prompt \"nope\""),
        ("preventing-burnout", r#"{"load": "very"}"#, "0 to 10"),
        (
            "preventing-burnout",
            r#"{"small-plan": {"step": "x"}}"#,
            "plan",
        ),
        ("no-such-pack", r#"{}"#, "No prompt pack"),
        ("quick-reflection", r#"{"what": "#, "not valid"),
    ] {
        let out = cli.run(&["add", "--pack", pack, "--answers", answers], "");
        assert_eq!(out.status.code(), Some(2), "{pack} {answers}");
        assert!(stderr(&out).contains(says), "{}", stderr(&out));
    }
    let out = cli.run(
        &[
            "add",
            "--pack",
            "quick-reflection",
            "--answers",
            "-",
            "--body-file",
            "-",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2), "stdin cannot carry both");
    assert_eq!(cli.json(&["list", "--json"])["total"], 0);
}

#[test]
fn insights_report_elements_and_the_carrying_trend() {
    let cli = Cli::new();
    cli.init();
    let today = chrono::Local::now().date_naive().to_string();
    let out = cli.run(
        &[
            "add",
            "--pack",
            "after-encounter",
            "--date",
            &today,
            "--rating",
            "5",
            "--answers",
            r#"{"baby-experience": "She watched the window."}"#,
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let found = cli.json(&["insights", "--json", "--weeks", "2"]);
    assert_eq!(found["weeks"], 2);
    assert_eq!(found["entries"], 1);
    let baby = found["elements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["element"] == "holding_the_baby")
        .unwrap();
    assert_eq!(baby["answers"], 1);
    assert_eq!(baby["days_since"], 0);
    assert_eq!(found["carrying"][0]["mean"], 5.0);
    let text = stdout(&cli.run(&["insights"], ""));
    assert!(text.contains("Holding the baby in mind"), "{text}");
    assert!(
        text.contains("has not come up"),
        "observations printed: {text}"
    );
    assert_eq!(
        cli.run(&["insights", "--weeks", "99"], "").status.code(),
        Some(2)
    );
}

#[test]
fn custom_packs_are_listed_only_with_the_passphrase() {
    let cli = Cli::new();
    cli.init();
    // A custom pack made through the library, then seen through the CLI.
    let holding = holding_journal();
    let vault =
        attune::vault::Vault::unlock(&cli.dir, &attune::crypto::Passphrase::new(PASS)).unwrap();
    let mut journal = attune::journal::Journal::load(vault, chrono::Utc::now()).unwrap();
    let copy = journal
        .duplicate_pack(&attune::prompts::PackRequest {
            id: "quick-reflection".into(),
            version: None,
        })
        .unwrap();
    journal.lock();
    drop(holding);
    let listed = cli.json(&["prompts", "list", "--custom", "--json"]);
    assert_eq!(listed.as_array().unwrap().len(), 22);
    assert!(listed
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["id"] == copy.id.as_str()));
    let out = cli.run_env(&["prompts", "list"], "", &[]);
    assert!(
        !stdout(&out).contains(&copy.id),
        "built-ins only without --custom"
    );
    let shown = cli.json(&["prompts", "show", &copy.id, "--json"]);
    assert_eq!(shown["origin"]["based_on"]["id"], "quick-reflection");
    let out = cli.run(
        &["add", "--pack", &copy.id, "--answers", r#"{"what": "x"}"#],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn edit_checks_answers_against_the_entry_s_pack_and_keeps_prompt_texts() {
    let cli = Cli::new();
    cli.init();
    let out = cli.run(
        &[
            "add",
            "--pack",
            "quick-reflection",
            "--answers",
            r#"{"what": "First."}"#,
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let id = stdout(&out).trim().to_string();
    let bad = r#"{"answers": [{"prompt_id": "nope", "value": {"type": "text", "value": "x"}}]}"#;
    let out = cli.run(&["edit", &id, "--json", "--body-file", "-"], bad);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let good =
        r#"{"answers": [{"prompt_id": "felt", "value": {"type": "text", "value": "calm"}}]}"#;
    let out = cli.run(&["edit", &id, "--json", "--body-file", "-"], good);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let entry = cli.json(&["show", &id, "--json"]);
    let pack = cli.json(&["prompts", "show", "quick-reflection", "--json"]);
    assert_eq!(entry["answers"][0]["prompt"], pack["prompts"][2]["text"]);
}

#[test]
fn backup_to_a_folder_list_restore_elsewhere_and_in_place() {
    let cli = Cli::new();
    cli.init();
    cli.add(&["add", "--title", "Before the backup"], "first");
    let folder = cli.root.join("usb");
    std::fs::create_dir(&folder).unwrap();

    // No folder yet: a clear refusal.
    let out = cli.run(&["backup"], "");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--folder"));

    let out = cli.run(&["backup", "--folder", folder.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let listed = cli.json(&["backups", "list", "--json"]);
    let files = listed.as_array().unwrap();
    assert_eq!(files.len(), 1);
    let name = files[0]["file_name"].as_str().unwrap().to_string();
    assert!(name.starts_with("attune-backup-") && name.ends_with(".attune"));

    // One file for moving, written without the passphrase; refuses to overwrite.
    let one = cli.root.join("moving.attune");
    let out = cli.run_env(&["backup", "--out", one.to_str().unwrap()], "", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let again = cli.run(&["backup", "--out", one.to_str().unwrap()], "");
    assert_eq!(again.status.code(), Some(2));

    // Into a new folder on "another computer".
    let elsewhere = cli.root.join("elsewhere");
    let out = cli.run(
        &[
            "restore",
            one.to_str().unwrap(),
            "--to",
            elsewhere.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let listed = child_output(
        Command::new(env!("CARGO_BIN_EXE_attune"))
            .args(["--journal", elsewhere.to_str().unwrap(), "list", "--json"])
            .env("ATTUNE_PASSPHRASE_FILE", &cli.pass_file),
    )
    .unwrap();
    assert!(String::from_utf8_lossy(&listed.stdout).contains("Before the backup"));

    // In place needs --yes; then the newer entry is gone and the old journal kept aside.
    cli.add(&["add", "--title", "After the backup"], "second");
    let out = cli.run(&["restore", one.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let out = cli.run(&["restore", one.to_str().unwrap(), "--yes"], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let titles = stdout(&cli.run(&["list"], ""));
    assert!(titles.contains("Before the backup") && !titles.contains("After the backup"));
    assert!(
        cli.dir
            .join("kept-before-restore")
            .read_dir()
            .unwrap()
            .count()
            == 1
    );

    // verify --backup checks a file with the passphrase.
    let out = cli.run(&["verify", "--backup", one.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // `restore ID` still brings an entry back from the trash.
    let id = cli.add(&["add", "--title", "Trashed"], "x");
    assert_eq!(cli.run(&["delete", &id], "").status.code(), Some(0));
    assert_eq!(cli.run(&["restore", &id], "").status.code(), Some(0));
}

#[test]
fn sessions_add_list_hours_with_target_csv_and_delete() {
    let cli = Cli::new();
    cli.init();
    let entry = cli.add(&["add", "--title", "A visit"], "SessionEntryBodyMarker");
    let add = |args: &[&str]| {
        let mut all = vec!["sessions", "add"];
        all.extend(args);
        let out = cli.run(&all, "");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        stdout(&out).trim().to_string()
    };
    let first = add(&[
        "--date",
        "2026-01-10",
        "--minutes",
        "90",
        "--format",
        "individual",
        "--with",
        "my supervisor",
        "--entry",
        &entry[..6],
        "--notes",
        "SessionCliNotesMarker",
    ]);
    assert_eq!(first.len(), 32, "prints the new id");
    add(&[
        "--date",
        "2026-03-10",
        "--minutes",
        "360",
        "--format",
        "group",
        "--with",
        "=Team, \"A\"",
    ]);
    add(&[
        "--date",
        "2026-03-12",
        "--minutes",
        "60",
        "--format",
        "group",
        "--with",
        "new staff",
        "--giving",
    ]);
    add(&[
        "--date",
        "2025-12-01",
        "--minutes",
        "30",
        "--format",
        "individual",
        "--with",
        "last year",
    ]);

    let listed = cli.json(&["sessions", "list", "--year", "2026", "--json"]);
    let listed = listed.as_array().unwrap();
    let dates: Vec<&str> = listed.iter().map(|s| s["date"].as_str().unwrap()).collect();
    assert_eq!(dates, ["2026-03-12", "2026-03-10", "2026-01-10"]);
    assert_eq!(listed[0]["role"], "giving");
    assert_eq!(listed[2]["entries_discussed"][0], entry.as_str());
    assert_eq!(listed[2]["notes"], "SessionCliNotesMarker");
    let out = cli.run(&["sessions", "list"], "");
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 4, "{text}");
    assert!(text.contains("my supervisor") && text.contains("(notes)"));
    assert!(
        !text.contains("SessionCliNotesMarker"),
        "notes only in --json"
    );

    // Without a target: the total and a hint. With one: the progress line.
    let out = cli.run(&["sessions", "hours", "--year", "2026"], "");
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).starts_with("7.5 hours received in 2026"));
    let csv = cli.root.join("hours.csv");
    let out = cli.run(
        &[
            "sessions",
            "hours",
            "--year",
            "2026",
            "--target",
            "12",
            "--csv",
            csv.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("7.5 of 12 hours in 2026 (62%)"), "{text}");
    assert!(text.contains("1 hour given as supervisor"), "{text}");
    let written = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(
        written,
        "date,minutes,hours,format,with_whom,role\r\n\
         2026-01-10,90,1.50,individual,my supervisor,receiving\r\n\
         2026-03-10,360,6.00,group,\"'=Team, \"\"A\"\"\",receiving\r\n\
         2026-03-12,60,1.00,group,new staff,giving\r\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&csv).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "owner-only");
    }
    // The target is kept in the settings; an existing file is never replaced.
    let summary = cli.json(&["sessions", "hours", "--year", "2026", "--json"]);
    assert_eq!(summary["target_hours"], 12.0);
    assert_eq!(summary["received_minutes"], 450);
    assert_eq!(summary["given_minutes"], 60);
    assert_eq!(summary["sessions"], 3);
    assert_eq!(summary["progress"], 0.625);
    assert_eq!(summary["by_month"].as_array().unwrap().len(), 12);
    let out = cli.run(&["sessions", "hours", "--csv", csv.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), written);

    let out = cli.run(&["sessions", "delete", &first[..8]], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = cli.run(&["sessions", "delete", &first], "");
    assert_eq!(out.status.code(), Some(2), "gone for good");
    let summary = cli.json(&["sessions", "hours", "--year", "2026", "--json"]);
    assert_eq!(summary["received_minutes"], 360);

    // Notes and entry text are on disk only encrypted.
    for (path, bytes) in &snapshot(&cli.dir) {
        assert!(
            !bytes.windows(21).any(|w| w == b"SessionCliNotesMarker"),
            "notes found in {path}"
        );
    }
}

#[test]
fn bad_sessions_exit_2_and_save_nothing() {
    let cli = Cli::new();
    cli.init();
    let base = [
        "sessions",
        "add",
        "--date",
        "2026-01-10",
        "--format",
        "group",
        "--with",
        "team",
    ];
    let with = |extra: &[&'static str]| {
        let mut all = base.to_vec();
        all.extend(extra);
        all
    };
    for args in [
        with(&["--minutes", "0"]),
        with(&["--minutes", "601"]),
        with(&["--minutes", "sixty"]),
        with(&["--minutes", "60", "--entry", "abcdef12"]),
        with(&["--minutes", "60", "--format", "pair"]),
        vec![
            "sessions",
            "add",
            "--date",
            "10/01/2026",
            "--minutes",
            "60",
            "--format",
            "group",
            "--with",
            "team",
        ],
        vec![
            "sessions",
            "add",
            "--date",
            "2026-01-10",
            "--minutes",
            "60",
            "--format",
            "group",
            "--with",
            " ",
        ],
        vec!["sessions", "hours", "--target", "0"],
        vec!["sessions", "hours", "--target", "201"],
        vec!["sessions", "delete", "zz"],
    ] {
        let out = cli.run(&args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).is_empty(), "{args:?}");
    }
    assert_eq!(
        cli.json(&["sessions", "list", "--json"]),
        serde_json::json!([])
    );
    assert!(cli.json(&["sessions", "hours", "--json"])["target_hours"].is_null());
}

/// Flip one byte of the newest record of `table` (2 settings, 3 drafts); its id in hex.
fn damage_newest_record_of(dir: &Path, table: u8) -> String {
    let conn = rusqlite::Connection::open(dir.join("journal.sqlite3")).unwrap();
    let (seq, id, mut env): (i64, Vec<u8>, Vec<u8>) = conn
        .query_row(
            "SELECT seq, id, envelope FROM records WHERE tbl = ?1 ORDER BY revision DESC LIMIT 1",
            [table],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    env[60] ^= 0x01;
    conn.execute(
        "UPDATE records SET envelope = ?1 WHERE seq = ?2",
        rusqlite::params![env, seq],
    )
    .unwrap();
    id.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn verify_reports_a_damaged_settings_record_and_a_damaged_draft_and_never_resets_settings() {
    use attune::api::{self, App, Draft, NewEntry, SecretText, UnlockRequest};
    let cli = Cli::new();
    cli.init();
    cli.add(&["add", "--title", "Kept"], "fine");
    assert_eq!(
        cli.run(&["sessions", "hours", "--target", "12"], "")
            .status
            .code(),
        Some(0)
    );
    // A draft, kept the way the app keeps one when it locks.
    {
        let _holding = holding_journal();
        let req = UnlockRequest {
            passphrase: SecretText::new(PASS),
        };
        let mut app = App::new(cli.dir.clone());
        app.install(api::keys::open_journal(&cli.dir, &req).unwrap())
            .unwrap();
        app.stage_draft(Draft {
            entry_id: None,
            fields: NewEntry {
                body: "half a thought".into(),
                ..NewEntry::default()
            },
            saved_at: None,
        })
        .unwrap();
        app.lock().unwrap();
    }
    assert_eq!(cli.run(&["verify"], "").status.code(), Some(0));

    let settings = damage_newest_record_of(&cli.dir, 2);
    let draft = damage_newest_record_of(&cli.dir, 3);
    let out = cli.run(&["verify"], "");
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));
    assert!(stdout(&out).contains(&settings), "{}", stdout(&out));
    assert!(stdout(&out).contains(&draft), "{}", stdout(&out));

    // The settings are not quietly replaced by the defaults: reading them says why not.
    let hours = cli.run(&["sessions", "hours", "--json"], "");
    assert_eq!(hours.status.code(), Some(3), "{}", stdout(&hours));
    assert!(stderr(&hours).contains("settings could not be read"));
    {
        let _holding = holding_journal();
        let req = UnlockRequest {
            passphrase: SecretText::new(PASS),
        };
        let unlocked = api::keys::open_journal(&cli.dir, &req).unwrap();
        assert_eq!(unlocked.damaged().len(), 2, "unlock reports both");
        assert_eq!(
            api::settings::get(&unlocked).unwrap_err().code,
            attune::ErrorCode::DamagedRecords
        );
    }

    // Both can be removed by id; saving settings again starts them afresh.
    assert_eq!(cli.run(&["purge", &settings], "").status.code(), Some(0));
    assert_eq!(cli.run(&["purge", &draft], "").status.code(), Some(0));
    assert_eq!(cli.run(&["verify"], "").status.code(), Some(0));
}

#[test]
fn the_cli_and_the_app_export_the_same_reflections_and_leave_the_trash_out() {
    use attune::api::{self, App, ExportFormat, ExportRequest, SecretText, UnlockRequest};
    let cli = Cli::new();
    cli.init();
    cli.add(&["add", "--title", "Kept one"], "first");
    cli.add(&["add", "--title", "Kept two"], "second");
    let trashed = cli.add(&["add", "--title", "In the trash"], "third");
    assert_eq!(cli.run(&["delete", &trashed], "").status.code(), Some(0));

    let by_cli = cli.root.join("cli.json");
    let out = cli.run(
        &[
            "export",
            "--format",
            "json",
            "--out",
            by_cli.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Wrote 2 entries") && stdout(&out).contains("trash is left out"),
        "{}",
        stdout(&out)
    );

    let by_app = cli.root.join("app.json");
    let holding = holding_journal();
    let mut app = App::new(cli.dir.clone());
    let req = UnlockRequest {
        passphrase: SecretText::new(PASS),
    };
    app.install(api::keys::open_journal(&cli.dir, &req).unwrap())
        .unwrap();
    let review = app.read(api::export::review).unwrap();
    assert_eq!(review.entries, 2);
    let request = ExportRequest {
        format: ExportFormat::Json,
        reviewed: true,
    };
    app.read(|j| api::export::write(j, &request, &by_app, api::WriteMode::Replace))
        .unwrap();
    app.lock().unwrap();
    drop(holding);

    let read = |p: &Path| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap();
        let mut ids: Vec<String> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids
    };
    let (cli_ids, app_ids) = (read(&by_cli), read(&by_app));
    assert_eq!(cli_ids, app_ids);
    assert_eq!(cli_ids.len(), 2);
    assert!(!cli_ids.contains(&trashed));
}
