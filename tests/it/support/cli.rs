//! The `attune` binary run as a person or a script would: one journal folder per
//! [`Cli`], its passphrase in a file beside it, the weak test key derivation, and no
//! `ATTUNE_*` setting inherited from whoever runs the tests.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Mutex, PoisonError, RwLock, RwLockWriteGuard};
use std::thread::{self, ThreadId};

use tempfile::TempDir;

use super::PASSPHRASE;

/// The settings the binary reads from the environment, cleared before each run.
const SETTINGS: [&str; 5] = [
    "ATTUNE_SESSION",
    "ATTUNE_PASSPHRASE_FILE",
    "ATTUNE_NEW_PASSPHRASE_FILE",
    "ATTUNE_RECOVERY_KEY_FILE",
    "ATTUNE_JOURNAL",
];

/// While a test keeps a journal open in this process, other tests start no child: a
/// child holds a copy of its parent's open files until it has loaded its program, the
/// journal's lock among them, and would leave the journal busy after the test lets go.
/// Children start holding this shared; [`HoldingJournal`] holds it alone.
static STARTING: RwLock<()> = RwLock::new(());

/// The thread whose [`HoldingJournal`] holds [`STARTING`] alone: it may still start
/// children of its own.
static HOLDER: Mutex<Option<ThreadId>> = Mutex::new(None);

/// Taken by a test before it opens a journal in this process and dropped once it has
/// let go of it: meanwhile, only that test's thread starts children.
#[derive(Debug)]
pub struct HoldingJournal {
    _alone: RwLockWriteGuard<'static, ()>,
}

pub fn holding_journal() -> HoldingJournal {
    let alone = STARTING.write().unwrap_or_else(PoisonError::into_inner);
    *HOLDER.lock().unwrap_or_else(PoisonError::into_inner) = Some(thread::current().id());
    HoldingJournal { _alone: alone }
}

impl Drop for HoldingJournal {
    fn drop(&mut self) {
        *HOLDER.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }
}

/// Start `command` as [`Command::spawn`] does, but not while another test keeps a
/// journal open in this process (see [`HoldingJournal`]). Every child the tests start
/// goes through here.
pub fn start_child(command: &mut Command) -> std::io::Result<Child> {
    let holder = *HOLDER.lock().unwrap_or_else(PoisonError::into_inner);
    let _starting = (holder != Some(thread::current().id()))
        .then(|| STARTING.read().unwrap_or_else(PoisonError::into_inner));
    command.spawn()
}

/// Run `command` to its end as [`Command::output`] does (no input, stdout and stderr
/// captured), started through [`start_child`].
pub fn child_output(command: &mut Command) -> std::io::Result<Output> {
    start_child(
        command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    )?
    .wait_with_output()
}

/// Wait until no run is starting a child, and keep it so while the guard lives. Hold it
/// while letting go of a journal this process opened: a child holds a copy of its
/// parent's open files until it has loaded its program, the journal's lock among them,
/// so a child started by another test at that moment would leave the journal busy for
/// the next command.
pub fn no_child_starting() -> RwLockWriteGuard<'static, ()> {
    STARTING.write().unwrap_or_else(PoisonError::into_inner)
}

/// Clear the `ATTUNE_*` settings `command` would inherit and ask for the weak test key
/// derivation (the binary warns loudly about it). For commands that run the binary
/// under another program (strace, bash), which passes the environment on.
pub fn with_test_env(command: &mut Command) -> &mut Command {
    for name in SETTINGS {
        command.env_remove(name);
    }
    command.env("ATTUNE_TEST_FAST_KDF", "1")
}

/// One journal folder, driven through the binary.
#[derive(Debug)]
pub struct Cli {
    /// Held so the folder lives as long as this; `None` when the caller owns it.
    _tmp: Option<TempDir>,
    /// The folder holding the journal folder, the passphrase file and any file a test
    /// writes with [`Cli::file`].
    pub root: PathBuf,
    /// The journal folder, passed as `--journal` (not created until `init`).
    pub dir: PathBuf,
    /// A file holding [`PASSPHRASE`], passed as `ATTUNE_PASSPHRASE_FILE` by [`Cli::run`].
    pub pass_file: PathBuf,
}

impl Cli {
    /// A journal folder `journal` in a new temporary folder.
    pub fn new() -> Self {
        let tmp = TempDir::new().unwrap();
        let root = tmp.path().to_path_buf();
        let mut cli = Self::at(&root, root.join("journal"), root.join("pass"));
        cli._tmp = Some(tmp);
        cli
    }

    /// The journal of `name` in `root`, which other people's journals and the files
    /// passed between them share: `root/name`, its passphrase in `root/name.pass`.
    pub fn named(root: &Path, name: &str) -> Self {
        Self::at(root, root.join(name), root.join(format!("{name}.pass")))
    }

    fn at(root: &Path, dir: PathBuf, pass_file: PathBuf) -> Self {
        std::fs::write(&pass_file, format!("{PASSPHRASE}\n")).unwrap();
        Self {
            _tmp: None,
            root: root.to_path_buf(),
            dir,
            pass_file,
        }
    }

    /// Write `text` to the file `name` beside the journal folder.
    pub fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.root.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    /// Run `attune --journal DIR args…` with the passphrase file set, feeding `stdin`.
    pub fn run(&self, args: &[&str], stdin: &str) -> Output {
        self.run_env(
            args,
            stdin,
            &[("ATTUNE_PASSPHRASE_FILE", self.pass_file.as_os_str())],
        )
    }

    /// Run `attune --journal DIR args…` with only the settings in `env`, feeding `stdin`.
    pub fn run_env(&self, args: &[&str], stdin: &str, env: &[(&str, &std::ffi::OsStr)]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_attune"));
        with_test_env(cmd.arg("--journal").arg(&self.dir).args(args))
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

    /// `init`, which must succeed; returns the recovery key it shows.
    pub fn init(&self) -> String {
        let out = self.run(&["init"], "");
        assert_eq!(out.status.code(), Some(0), "init: {}", stderr(&out));
        recovery_key_of(&out)
    }

    /// `args` (an `add`) with the body on stdin, which must succeed; returns the new id.
    pub fn add(&self, args: &[&str], body: &str) -> String {
        let mut all = args.to_vec();
        all.extend(["--body-file", "-"]);
        let out = self.run(&all, body);
        assert_eq!(out.status.code(), Some(0), "add: {}", stderr(&out));
        stdout(&out).trim().to_string()
    }

    /// Run `args`, which must succeed; returns what it printed.
    pub fn ok(&self, args: &[&str], stdin: &str) -> String {
        let out = self.run(args, stdin);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        stdout(&out)
    }

    /// Run `args`, which must succeed and print JSON.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args, "")).unwrap()
    }
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// The one recovery key that `init`, `recover`, `rotate-key` or `recovery-key replace`
/// printed.
pub fn recovery_key_of(out: &Output) -> String {
    let text = stdout(out);
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("Recovery key:"))
        .collect();
    assert_eq!(lines.len(), 1, "exactly one recovery key line in {text:?}");
    lines[0]
        .trim_start_matches("Recovery key:")
        .trim()
        .to_string()
}
