//! `attune unlock` and `attune lock`: the key derivation once per shell, through the
//! real binary. The runtime folder is a private folder each test makes and names in
//! `XDG_RUNTIME_DIR`; the clock and suspend hooks exist only in `test-kdf` builds.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::ffi::OsStr;
use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::support::cli::{start_child, stderr, stdout, with_test_env, Cli};

/// A journal with one entry, and a private runtime folder beside it.
struct Shell {
    cli: Cli,
    runtime: PathBuf,
}

impl Shell {
    fn new() -> Self {
        let cli = Cli::new();
        cli.init();
        cli.add(
            &["add", "--title", "First"],
            "canary-journal-text-81c3 about the visit",
        );
        let runtime = cli.root.join("run");
        std::fs::create_dir(&runtime).unwrap();
        std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700)).unwrap();
        Self { cli, runtime }
    }

    /// Run with only `env` set (no passphrase file unless given), `XDG_RUNTIME_DIR` as
    /// the private folder unless `env` names it.
    fn run(&self, args: &[&str], stdin: &str, env: &[(&str, &OsStr)]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_attune"));
        with_test_env(cmd.arg("--journal").arg(&self.cli.dir).args(args))
            .env_remove("XDG_RUNTIME_DIR")
            .env("XDG_RUNTIME_DIR", &self.runtime)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = start_child(&mut cmd).unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    }

    /// `attune unlock` with the passphrase file; returns the session text.
    fn unlock(&self) -> String {
        let out = self.run(
            &["unlock"],
            "",
            &[("ATTUNE_PASSPHRASE_FILE", self.cli.pass_file.as_os_str())],
        );
        assert_eq!(out.status.code(), Some(0), "unlock: {}", stderr(&out));
        let text = stdout(&out);
        let line = text
            .lines()
            .find(|l| l.starts_with("export ATTUNE_SESSION="))
            .expect("an export line");
        assert!(stderr(&out).contains("auto-lock"), "{}", stderr(&out));
        line.trim_start_matches("export ATTUNE_SESSION=")
            .to_string()
    }

    /// Run with the session and no passphrase anywhere.
    fn with_session(&self, session: &str, args: &[&str], extra: &[(&str, &OsStr)]) -> Output {
        let mut env = vec![("ATTUNE_SESSION", OsStr::new(session))];
        env.extend_from_slice(extra);
        self.run(args, "", &env)
    }

    fn session_files(&self) -> Vec<PathBuf> {
        match std::fs::read_dir(self.runtime.join("attune")) {
            Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
            Err(_) => Vec::new(),
        }
    }
}

fn titles(out: &Output) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(&stdout(out)).unwrap();
    v.as_array()
        .or_else(|| v["entries"].as_array())
        .expect("a list")
        .iter()
        .map(|e| e["title"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn a_session_opens_the_journal_without_the_passphrase() {
    let sh = Shell::new();
    let session = sh.unlock();
    assert!(session.starts_with("as1."), "{session}");
    // The folder and the file are private.
    let folder = sh.runtime.join("attune");
    assert_eq!(std::fs::metadata(&folder).unwrap().mode() & 0o777, 0o700);
    let files = sh.session_files();
    assert_eq!(files.len(), 1);
    assert_eq!(std::fs::metadata(&files[0]).unwrap().mode() & 0o777, 0o600);

    let out = sh.with_session(&session, &["list", "--json"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(titles(&out), ["First"]);
    // Standard input is all text with a session: no passphrase line is taken from it.
    let out = sh.run(
        &["add", "--title", "Second", "--body-file", "-"],
        "all of this is the body",
        &[("ATTUNE_SESSION", OsStr::new(&session))],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let id = stdout(&out).trim().to_string();
    let shown = sh.with_session(&session, &["show", &id], &[]);
    assert!(stdout(&shown).contains("all of this is the body"));

    // The same session does not open another journal: it says so, and with nothing to
    // ask the passphrase with, exits 5.
    let other = Cli::new();
    other.init();
    let out = {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_attune"));
        with_test_env(cmd.arg("--journal").arg(&other.dir).args(["list"]))
            .env("XDG_RUNTIME_DIR", &sh.runtime)
            .env("ATTUNE_SESSION", &session);
        crate::support::cli::child_output(&mut cmd).unwrap()
    };
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    assert!(stderr(&out).contains("another journal"), "{}", stderr(&out));
    // ... and that journal's passphrase file, when set, is used instead.
    let out = other.run_env(
        &["list"],
        "",
        &[
            ("ATTUNE_SESSION", OsStr::new(&session)),
            ("XDG_RUNTIME_DIR", sh.runtime.as_os_str()),
            ("ATTUNE_PASSPHRASE_FILE", other.pass_file.as_os_str()),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("another journal"));
    // The session of the first journal still works.
    assert_eq!(sh.session_files().len(), 1);
}

#[test]
fn a_session_ends_at_the_auto_lock_time_on_sleep_and_when_the_clock_goes_back() {
    let sh = Shell::new();
    for (hook, value, says) in [
        (
            "ATTUNE_TEST_SESSION_CLOCK_SECS",
            "301",
            "minutes after it began",
        ),
        ("ATTUNE_TEST_SESSION_ASLEEP_MS", "5000", "went to sleep"),
        (
            "ATTUNE_TEST_SESSION_CLOCK_SECS",
            "-120",
            "clock was set back",
        ),
    ] {
        let session = sh.unlock();
        // Just inside the five minutes (the default auto-lock time) it still opens.
        let inside = sh.with_session(
            &session,
            &["list"],
            &[("ATTUNE_TEST_SESSION_CLOCK_SECS", OsStr::new("240"))],
        );
        assert_eq!(inside.status.code(), Some(0), "{}", stderr(&inside));
        let out = sh.with_session(&session, &["list"], &[(hook, OsStr::new(value))]);
        assert_eq!(
            out.status.code(),
            Some(5),
            "{hook}={value}: {}",
            stderr(&out)
        );
        assert!(stderr(&out).contains(says), "{}", stderr(&out));
        assert!(stderr(&out).contains("attune unlock"), "{}", stderr(&out));
        // It has ended for good: its file is gone, and the plain clock does not bring it back.
        assert!(sh.session_files().is_empty(), "{hook}");
        let out = sh.with_session(&session, &["list"], &[]);
        assert_eq!(out.status.code(), Some(5));
    }
}

/// The length follows the auto-lock setting (the unit test in src/session.rs sets it);
/// a new journal has the default, five minutes.
#[test]
fn unlock_json_gives_the_session_and_when_it_ends() {
    let sh = Shell::new();
    let out = sh.run(
        &["--json", "unlock"],
        "",
        &[("ATTUNE_PASSPHRASE_FILE", sh.cli.pass_file.as_os_str())],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["minutes"], 5, "the default auto-lock time");
    let session = v["session"].as_str().unwrap();
    assert!(session.starts_with("as1."));
    let expires = chrono::DateTime::parse_from_rfc3339(v["expires_at"].as_str().unwrap()).unwrap();
    let left = expires
        .signed_duration_since(chrono::Utc::now())
        .num_seconds();
    assert!((240..=300).contains(&left), "{left}");
}

#[test]
fn a_wrong_or_tampered_session_is_refused() {
    let sh = Shell::new();
    let session = sh.unlock();
    // Another key under the same id.
    let (head, key) = session.rsplit_once('.').unwrap();
    let flipped: String = key
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if i == 0 {
                if c == '0' {
                    '1'
                } else {
                    '0'
                }
            } else {
                c
            }
        })
        .collect();
    let wrong = format!("{head}.{flipped}");
    for bad in [wrong.as_str(), "as1.nothing.here", "hello"] {
        let out = sh.with_session(bad, &["list"], &[]);
        assert_eq!(out.status.code(), Some(5), "{bad}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("ATTUNE_SESSION") || stderr(&out).contains("has ended"),
            "{}",
            stderr(&out)
        );
        assert!(!stdout(&out).contains("First"));
    }
    // With the passphrase file set, a refused session falls back to it.
    let out = sh.with_session(
        &wrong,
        &["list"],
        &[("ATTUNE_PASSPHRASE_FILE", sh.cli.pass_file.as_os_str())],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("First"));

    // Every single changed byte of the file is refused (later expiry, another key id, ...).
    let file = sh.session_files().pop().unwrap();
    let original = std::fs::read(&file).unwrap();
    for i in [9, 30, 45, 60, 70, original.len() - 1] {
        let mut bad = original.clone();
        bad[i] ^= 0x01;
        std::fs::write(&file, &bad).unwrap();
        let out = sh.with_session(&session, &["list"], &[]);
        assert_eq!(out.status.code(), Some(5), "byte {i}: {}", stderr(&out));
        assert!(!stdout(&out).contains("First"));
        if !file.exists() {
            // A changed expiry or boot id reads as an ended session and is tidied away.
            std::fs::write(&file, &original).unwrap();
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
    }
    std::fs::write(&file, &original).unwrap();
    // A session file others can read is not used.
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = sh.with_session(&session, &["list"], &[]);
    assert_eq!(out.status.code(), Some(5));
    assert!(stderr(&out).contains("not private"), "{}", stderr(&out));
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = sh.with_session(&session, &["list"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// A folder owned by someone else: as root, a new folder given to `nobody`; otherwise
/// `/`, which is root's.
fn someone_elses_folder(root: &Path) -> PathBuf {
    let probe = root.join("probe");
    std::fs::write(&probe, "").unwrap();
    let me = std::fs::metadata(&probe).unwrap().uid();
    if me == 0 {
        let dir = root.join("theirs");
        std::fs::create_dir(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
        std::os::unix::fs::chown(&dir, Some(65534), Some(65534)).unwrap();
        dir
    } else {
        PathBuf::from("/")
    }
}

#[test]
fn a_runtime_folder_that_is_not_private_is_refused() {
    let sh = Shell::new();
    let pass = ("ATTUNE_PASSPHRASE_FILE", sh.cli.pass_file.as_os_str());
    let open = sh.cli.root.join("open");
    std::fs::create_dir(&open).unwrap();
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o777)).unwrap();
    let group = sh.cli.root.join("group");
    std::fs::create_dir(&group).unwrap();
    std::fs::set_permissions(&group, std::fs::Permissions::from_mode(0o770)).unwrap();
    let theirs = someone_elses_folder(&sh.cli.root);
    let missing = sh.cli.root.join("missing");
    for (dir, says) in [
        (open.as_path(), "other users can write"),
        (group.as_path(), "other users can write"),
        (theirs.as_path(), "another user"),
        (missing.as_path(), "does not exist"),
        (Path::new("relative/run"), "not a full path"),
    ] {
        let out = sh.run(
            &["unlock"],
            "",
            &[pass, ("XDG_RUNTIME_DIR", dir.as_os_str())],
        );
        assert_eq!(
            out.status.code(),
            Some(2),
            "{}: {}",
            dir.display(),
            stderr(&out)
        );
        assert!(stderr(&out).contains(says), "{}", stderr(&out));
        assert!(!stdout(&out).contains("ATTUNE_SESSION"));
        assert!(
            !dir.join("attune").exists(),
            "nothing written in {}",
            dir.display()
        );
    }
    // Unset: refused too, and nothing goes to the temporary folder instead.
    let out = {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_attune"));
        with_test_env(cmd.arg("--journal").arg(&sh.cli.dir).arg("unlock"))
            .env_remove("XDG_RUNTIME_DIR")
            .env("ATTUNE_PASSPHRASE_FILE", &sh.cli.pass_file);
        crate::support::cli::child_output(&mut cmd).unwrap()
    };
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("XDG_RUNTIME_DIR is not set"));

    // Our own folder inside a good runtime folder must be private too.
    let session = sh.unlock();
    std::fs::set_permissions(
        sh.runtime.join("attune"),
        std::fs::Permissions::from_mode(0o755),
    )
    .unwrap();
    let out = sh.with_session(&session, &["list"], &[]);
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("not a private folder"),
        "{}",
        stderr(&out)
    );
    let out = sh.run(&["unlock"], "", &[pass]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    // A session in a runtime folder that is no longer private is not used either.
    std::fs::set_permissions(
        sh.runtime.join("attune"),
        std::fs::Permissions::from_mode(0o700),
    )
    .unwrap();
    std::fs::set_permissions(&sh.runtime, std::fs::Permissions::from_mode(0o777)).unwrap();
    let out = sh.with_session(&session, &["list"], &[]);
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    assert!(stderr(&out).contains("other users can write"));
}

#[test]
fn lock_ends_the_session_and_key_changes_still_ask_for_the_passphrase() {
    let sh = Shell::new();
    let session = sh.unlock();
    let second = sh.unlock();
    assert_ne!(session, second);
    // Replacing the recovery key is never done on a session alone.
    let out = sh.with_session(&session, &["recovery-key", "replace"], &[]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("passphrase"), "{}", stderr(&out));
    assert!(!stdout(&out).contains("Recovery key"));

    let out = sh.with_session(&session, &["lock"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("2 unlocked sessions ended"),
        "{}",
        stdout(&out)
    );
    assert!(sh.session_files().is_empty());
    for s in [&session, &second] {
        let out = sh.with_session(s, &["list"], &[]);
        assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
        assert!(stderr(&out).contains("has ended"), "{}", stderr(&out));
    }
    let out = sh.run(&["lock"], "", &[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("no unlocked session"));
}

#[test]
fn canary_no_journal_text_or_session_key_reaches_the_disk() {
    let sh = Shell::new();
    let session = sh.unlock();
    let out = sh.run(
        &["add", "--title", "Canary", "--body-file", "-"],
        "canary-session-body-4d2a",
        &[("ATTUNE_SESSION", OsStr::new(&session))],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let key_hex = session.rsplit_once('.').unwrap().1.to_string();
    let key_raw = hex::decode(&key_hex).unwrap();
    let needles: [(&str, &[u8]); 5] = [
        ("journal text", b"canary-journal-text-81c3"),
        ("new text", b"canary-session-body-4d2a"),
        ("session text", session.as_bytes()),
        ("session key (hex)", key_hex.as_bytes()),
        ("session key", &key_raw),
    ];
    let mut scanned = 0;
    for path in walk(&sh.cli.root) {
        let bytes = std::fs::read(&path).unwrap();
        scanned += 1;
        for (what, needle) in needles {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle),
                "{what} in {}",
                path.display()
            );
        }
    }
    assert!(scanned >= 3, "the journal, its lock and the session file");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let meta = std::fs::symlink_metadata(&path).unwrap();
        if meta.is_dir() {
            out.extend(walk(&path));
        } else if meta.is_file() {
            out.push(path);
        }
    }
    out
}

/// An ended session's file does not wait for that session to be used again: whichever
/// command runs next sweeps it away. A new passphrase ends the journal's sessions, and
/// the session key is never printed to a terminal.
#[test]
fn ended_sessions_are_swept_by_any_command_and_a_new_passphrase_ends_them() {
    let sh = Shell::new();
    sh.unlock();
    assert_eq!(sh.session_files().len(), 1);
    // A command without the session, after a suspend: the file is gone.
    let out = sh.run(
        &["list"],
        "",
        &[
            ("ATTUNE_PASSPHRASE_FILE", sh.cli.pass_file.as_os_str()),
            ("ATTUNE_TEST_SESSION_ASLEEP_MS", OsStr::new("5000")),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(sh.session_files().is_empty());

    let session = sh.unlock();
    let new_pass = sh.cli.root.join("new-pass");
    std::fs::write(&new_pass, "a different long passphrase\n").unwrap();
    let out = sh.run(
        &["passwd"],
        "",
        &[
            ("ATTUNE_PASSPHRASE_FILE", sh.cli.pass_file.as_os_str()),
            ("ATTUNE_NEW_PASSPHRASE_FILE", new_pass.as_os_str()),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("1 unlocked command-line session ended"),
        "{}",
        stdout(&out)
    );
    assert!(sh.session_files().is_empty());
    let out = sh.with_session(&session, &["list"], &[]);
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));

    // `attune lock` with a session in the shell says to unset it.
    let session = {
        let out = sh.run(
            &["unlock"],
            "",
            &[("ATTUNE_PASSPHRASE_FILE", new_pass.as_os_str())],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
            .lines()
            .find_map(|l| l.strip_prefix("export ATTUNE_SESSION="))
            .unwrap()
            .to_string()
    };
    let out = sh.with_session(&session, &["lock"], &[]);
    assert!(
        stdout(&out).contains("unset ATTUNE_SESSION"),
        "{}",
        stdout(&out)
    );
}
