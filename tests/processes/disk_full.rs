//! A full disk, or a write cut short, gives a clear error and changes nothing.
//!
//! The real `attune` binary runs on a tiny tmpfs (mounted inside a private user and mount
//! namespace, so no root is needed), and under a file-size limit. Both need tools from
//! util-linux and bash; if they are missing the test fails, it never skips.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

use crate::support::cli::{child_output, with_test_env};

const PASS: &str = "disk full passphrase";

/// Run `script` in bash with `$ATTUNE` pointing at the binary and a passphrase file set.
pub(crate) fn bash(script: &str, namespace: bool) -> (i32, String, String) {
    let tmp = tempfile::TempDir::new().unwrap();
    let pass = tmp.path().join("pass");
    std::fs::write(&pass, format!("{PASS}\n")).unwrap();
    let mut cmd = if namespace {
        let mut c = Command::new("unshare");
        c.args(["--user", "--map-root-user", "--mount", "bash", "-c", script]);
        c
    } else {
        let mut c = Command::new("bash");
        c.args(["-c", script]);
        c
    };
    with_test_env(&mut cmd)
        .env("ATTUNE", env!("CARGO_BIN_EXE_attune"))
        .env("ATTUNE_PASSPHRASE_FILE", &pass)
        .env("WORK", tmp.path());
    let out =
        child_output(&mut cmd).expect("bash and unshare (util-linux) are needed for this test");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

pub(crate) fn value<'a>(stdout: &'a str, key: &str) -> &'a str {
    stdout
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{key}=")))
        .unwrap_or_else(|| panic!("no {key}= line in:\n{stdout}"))
}

/// A journal with two small entries; then `make_big` prepares `$WORK/big.txt` and
/// `big_step` (one command after `LIMIT_STEP`, which each test replaces with its limit)
/// tries to write it; then what the checks read.
pub(crate) fn steps(make_big: &str, big_step: &str) -> String {
    format!(
        r#"
set -u
J="$WORK/disk/journal"
"$ATTUNE" --journal "$J" init >/dev/null 2>&1; echo "init=$?"
echo "first small entry" | "$ATTUNE" --journal "$J" add --title one --body-file - >/dev/null; echo "small1=$?"
echo "second small entry" | "$ATTUNE" --journal "$J" add --title two --body-file - >/dev/null; echo "small2=$?"
echo "before=$(cd "$J" && sha256sum * | sha256sum | cut -c1-64)"
{make_big}
(LIMIT_STEP {big_step} >/dev/null 2>"$WORK/err"); echo "big=$?"
echo "err=$(cat "$WORK/err")"
echo "errlines=$(wc -l < "$WORK/err")"
echo "after=$(cd "$J" && sha256sum * | sha256sum | cut -c1-64)"
"$ATTUNE" --journal "$J" verify >/dev/null 2>&1; echo "verify=$?"
echo "count=$("$ATTUNE" --journal "$J" list --json | grep -c '"id"')"
"#
    )
}

/// The big write failed with exit 1 and one clear line naming no journal text
/// (`marker`), and the journal is byte-identical with both earlier entries readable.
pub(crate) fn check_unchanged(stdout: &str, expected_message: &str, marker: &str) {
    for step in ["init", "small1", "small2", "verify"] {
        assert_eq!(value(stdout, step), "0", "{step} failed:\n{stdout}");
    }
    assert_eq!(
        value(stdout, "big"),
        "1",
        "the big write must fail with exit 1:\n{stdout}"
    );
    let err = value(stdout, "err");
    assert!(err.contains(expected_message), "clear message, got {err:?}");
    assert!(!err.contains(marker), "no journal text in errors");
    assert_eq!(value(stdout, "errlines"), "1");
    assert_eq!(
        value(stdout, "before"),
        value(stdout, "after"),
        "every file unchanged"
    );
    assert_eq!(
        value(stdout, "count"),
        "2",
        "both earlier entries, and nothing else"
    );
}

/// A 150 KB entry, added in one go.
fn big_add() -> String {
    steps(
        r#"head -c 150000 /dev/zero | tr '\0' 'x' | fold -w 100 > "$WORK/big.txt""#,
        r#""$ATTUNE" --journal "$J" add --title BIG-MARKER --body-file "$WORK/big.txt""#,
    )
}

fn check(stdout: &str, expected_message: &str) {
    check_unchanged(stdout, expected_message, "BIG-MARKER");
}

#[test]
fn full_disk_gives_a_clear_error_and_leaves_the_journal_unchanged() {
    // A 320 KiB tmpfs: the journal (nine 16 KiB pages when new) and two small entries
    // fit, a 150 KB entry does not.
    let script = format!(
        "mkdir -p \"$WORK/disk\" && mount -t tmpfs -o size=320k tmpfs \"$WORK/disk\" || exit 99\n{}",
        big_add().replace("LIMIT_STEP ", "")
    );
    let (code, stdout, stderr) = bash(&script, true);
    assert_eq!(code, 0, "script failed ({code}):\n{stdout}\n{stderr}");
    check(&stdout, "disk is full");
}

#[test]
fn write_cut_short_by_a_file_size_limit_leaves_the_journal_unchanged() {
    // RLIMIT_FSIZE makes writes past 100 KiB fail part-way (EFBIG); SIGXFSZ is ignored
    // so the process sees the error instead of dying.
    let script = format!(
        "mkdir -p \"$WORK/disk\"\n{}",
        big_add().replace("LIMIT_STEP ", "trap '' XFSZ; ulimit -f 100; ")
    );
    let (code, stdout, stderr) = bash(&script, false);
    assert_eq!(code, 0, "script failed ({code}):\n{stdout}\n{stderr}");
    check(&stdout, "could not write to the disk");
}

#[test]
fn a_backup_cut_short_by_a_file_size_limit_leaves_no_file_and_the_journal_whole() {
    // 60 entries make a journal well over the 64 KiB limit the backup runs under.
    let script = r#"
        set -u
        J="$WORK/journal"
        "$ATTUNE" --journal "$J" init >/dev/null || exit 10
        for i in $(seq 1 60); do
            printf '%s\n%s\n' "$(cat "$ATTUNE_PASSPHRASE_FILE")" "Entry $i, long enough to take some room in the file. $(printf 'x%.0s' $(seq 1 400))" \
              | ATTUNE_PASSPHRASE_FILE= "$ATTUNE" --journal "$J" add --title "Entry $i" --body-file - >/dev/null || exit 11
        done
        ( trap '' XFSZ; ulimit -f 64; "$ATTUNE" --journal "$J" backup --out "$WORK/moving.attune" ) 2>"$WORK/err"
        echo "exit=$?"
        cat "$WORK/err"
        [ -e "$WORK/moving.attune" ] && echo "backup file exists"
        ls -a "$WORK" | grep -q partial && echo "partial left"
        "$ATTUNE" --journal "$J" list --limit 100 --json | grep -o '"title"' | wc -l
    "#;
    let (code, stdout, stderr) = bash(script, false);
    assert_eq!(code, 0, "script failed ({code}):\n{stdout}\n{stderr}");
    assert!(
        !stdout.contains("exit=0"),
        "the backup cannot fit: {stdout}"
    );
    assert!(
        stdout.to_lowercase().contains("disk"),
        "a clear message: {stdout}"
    );
    assert!(!stdout.contains("backup file exists"), "{stdout}");
    assert!(!stdout.contains("partial left"), "{stdout}");
    assert_eq!(stdout.lines().last().map(str::trim), Some("60"), "{stdout}");
}
