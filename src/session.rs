//! Command-line sessions: pay the key derivation once per shell.
//!
//! `attune unlock` derives the key once, then wraps a copy of the data key under a
//! random session key ([`crate::crypto::SealedSession`]). The session key goes only to
//! the shell (`ATTUNE_SESSION`); the wrapped copy goes only to
//! `$XDG_RUNTIME_DIR/attune/<session id>.session` (folder 0700, file 0600). Either half
//! alone opens nothing. A session ends:
//! - at a fixed time: the journal's auto-lock minutes after `unlock` (not sliding: the
//!   file is written once and never rewritten, so reading commands stay read-only and
//!   cannot race `attune lock` into bringing a session back, and a leaked variable is
//!   useful for at most that long);
//! - when the computer has been suspended since `unlock` (Linux: CLOCK_BOOTTIME minus
//!   CLOCK_MONOTONIC is the time spent asleep) or restarted (the kernel's boot id, and
//!   the runtime folder is emptied anyway);
//! - on `attune lock`, which deletes the session files of the journal;
//! - when the clock has been set back before the session began.
//!
//! These are rules this program keeps, not properties of the encryption: an ended
//! session's file stays in the runtime folder until the next `attune` command of this
//! user sweeps it away ([`sweep`]), and the shell keeps its variable until it is unset
//! or the shell exits.
//!
//! The runtime folder is refused (and nothing written) when `XDG_RUNTIME_DIR` is unset,
//! not absolute, missing, not owned by this user, or writable by others, and our own
//! folder inside it when it is not a private folder of this user. Never `/tmp`.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use zeroize::Zeroizing;

use crate::crypto::{SealedSession, SessionBinding, SessionKey, SEALED_SESSION_LEN};
use crate::vault::{self, Vault};
use crate::{Error, ErrorCode, Result};

/// The variable that carries a session to the commands of a shell.
pub const SESSION_ENV: &str = "ATTUNE_SESSION";
/// Test builds only (`test-kdf`): seconds added to the clock the session rules read.
#[cfg(feature = "test-kdf")]
pub const TEST_CLOCK_ENV: &str = "ATTUNE_TEST_SESSION_CLOCK_SECS";
/// Test builds only (`test-kdf`): milliseconds added to the time asleep (a suspend).
#[cfg(feature = "test-kdf")]
pub const TEST_ASLEEP_ENV: &str = "ATTUNE_TEST_SESSION_ASLEEP_MS";

/// More time asleep than this since `unlock` ends the session.
const SUSPEND_TOLERANCE_MS: u64 = 1_000;
const FILE_SUFFIX: &str = ".session";

/// A session just started: the text for `ATTUNE_SESSION` and when it ends.
pub struct Started {
    pub text: Zeroizing<String>,
    pub expires_at: DateTime<Utc>,
    pub minutes: u32,
}

impl std::fmt::Debug for Started {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Started")
            .field("text", &"[REDACTED]")
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// Start a session for the unlocked `vault`, ending after `minutes`. Old session files
/// that have ended are swept away on the way.
pub fn start(vault: &Vault, minutes: u32) -> Result<Started> {
    let dir = private_dir(true).map_err(|why| Error::new(ErrorCode::Unwritable, why))?;
    // Without a boot id a restart could not end the session: none is started.
    if boot_id() == [0; 16] {
        return Err(Error::new(
            ErrorCode::Unwritable,
            "Attune cannot tell this computer's restarts apart here, so it does not start unlocked sessions. Each command asks for the passphrase instead.",
        ));
    }
    sweep_ended(&dir, true);
    let session = SessionKey::generate()?;
    let now = now_secs();
    let expires_at = now + i64::from(minutes) * 60;
    let sealed = vault.seal_session(
        &session,
        SessionBinding {
            session_id: session.id(),
            journal_id: [0; 16],
            key_id: 0,
            test_kdf: false,
            created_at: now,
            expires_at,
            boot_id: boot_id(),
            asleep_ms: asleep_ms(),
            minutes,
            reserved: 0,
        },
    )?;
    let path = file_for(&dir, &session.id());
    write_private(&path, &sealed.to_bytes())
        .map_err(|e| Error::from_io(&e, "write the session file"))?;
    Ok(Started {
        text: session.to_text(),
        expires_at: DateTime::from_timestamp(expires_at, 0).unwrap_or_else(Utc::now),
        minutes,
    })
}

/// Unlock the journal in `dir` with the session `text` (from `ATTUNE_SESSION`).
///
/// Any reason the session cannot be used comes back as [`ErrorCode::Locked`] with a
/// plain message, so a front end can ask for the passphrase instead; any other error is
/// about the journal itself (missing, busy, damaged).
pub fn open(dir: &Path, text: &str) -> Result<Vault> {
    let Some(session) = SessionKey::parse(text) else {
        return Err(ended(format!(
            "{SESSION_ENV} does not hold an Attune session."
        )));
    };
    // Checked before the journal is opened: a session never reads a file in a folder
    // that is not private, whatever state the journal is in.
    let folder = private_dir(false).map_err(ended)?;
    Vault::unlock_with_session(
        dir,
        &session,
        |journal_id, key_id| {
            let path = file_for(&folder, &session.id());
            let sealed = read_private(&path)?;
            check_rules(&sealed.binding, journal_id, key_id).inspect_err(|e| {
                // A session that has ended for good (not one for another journal) is
                // tidied away.
                if e.message != OTHER_JOURNAL {
                    let _ = fs::remove_file(&path);
                }
            })?;
            Ok(sealed)
        },
        || {
            ended(format!(
                "{SESSION_ENV} does not open its session (a wrong or changed session)."
            ))
        },
    )
}

/// End every session of the journal in `dir`, and the one named by `text` if given.
/// Returns how many session files were deleted.
pub fn end(dir: &Path, text: Option<&str>) -> Result<usize> {
    let folder = match private_dir(false) {
        Ok(folder) => folder,
        // No private folder: no session can be running.
        Err(_) => return Ok(0),
    };
    let mut ended = 0;
    if let Some(session) = text.and_then(SessionKey::parse) {
        if fs::remove_file(file_for(&folder, &session.id())).is_ok() {
            ended += 1;
        }
    }
    // The journal's own id names its other sessions; the one named is gone already,
    // whatever state the journal is in.
    let journal_id = match vault::journal_id_of(dir) {
        Ok(id) => id,
        Err(_) if ended > 0 => return Ok(ended),
        Err(e) => return Err(e),
    };
    for (path, sealed) in session_files(&folder) {
        if sealed.binding.journal_id == journal_id && fs::remove_file(&path).is_ok() {
            ended += 1;
        }
    }
    Ok(ended)
}

const OTHER_JOURNAL: &str = "The session in ATTUNE_SESSION is for another journal.";

fn ended(message: impl Into<String>) -> Error {
    Error::new(ErrorCode::Locked, message)
}

/// Why a session whose file says `binding` may not open this journal now, if it may not.
fn check_rules(binding: &SessionBinding, journal_id: &[u8; 16], key_id: u32) -> Result<()> {
    if binding.journal_id != *journal_id {
        return Err(ended(OTHER_JOURNAL));
    }
    if binding.key_id != key_id {
        return Err(ended(
            "Your unlocked session ended because the journal's key was rotated.",
        ));
    }
    if binding.boot_id != boot_id() {
        return Err(ended(
            "Your unlocked session ended when the computer restarted.",
        ));
    }
    let now = now_secs();
    if now >= binding.expires_at {
        let at = DateTime::from_timestamp(binding.expires_at, 0)
            .map(|t| t.with_timezone(&chrono::Local).format("%H:%M").to_string())
            .unwrap_or_default();
        return Err(ended(format!(
            "Your unlocked session ended at {at}, {} minute{} after it began (the journal's auto-lock time).",
            binding.minutes,
            if binding.minutes == 1 { "" } else { "s" }
        )));
    }
    if now < binding.created_at {
        return Err(ended(
            "Your unlocked session ended because the computer's clock was set back.",
        ));
    }
    if asleep_ms().saturating_sub(binding.asleep_ms) > SUSPEND_TOLERANCE_MS {
        return Err(ended(
            "Your unlocked session ended when the computer went to sleep.",
        ));
    }
    Ok(())
}

/// Delete this user's session files that have ended, whichever journal they are for.
/// Every command runs this when it is done (after its own session was checked): the time limit and the end at suspend are rules this
/// program keeps when it runs, so the sooner an ended session's file is gone the better.
pub fn sweep() {
    if let Ok(folder) = private_dir(false) {
        sweep_ended(&folder, false);
    }
}

/// Delete session files that have ended (expired, another boot, a suspend or the clock
/// set back since), and with `unreadable`, files that cannot be read as a session.
fn sweep_ended(folder: &Path, unreadable: bool) {
    let now = now_secs();
    let boot = boot_id();
    let asleep = asleep_ms();
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if !is_session_name(&path) {
            continue;
        }
        let done = match read_private(&path) {
            Ok(sealed) => {
                let b = &sealed.binding;
                b.expires_at <= now
                    || b.boot_id != boot
                    || now < b.created_at
                    || asleep.saturating_sub(b.asleep_ms) > SUSPEND_TOLERANCE_MS
            }
            Err(_) => unreadable,
        };
        if done {
            let _ = fs::remove_file(&path);
        }
    }
}

fn session_files(folder: &Path) -> Vec<(PathBuf, SealedSession)> {
    let Ok(entries) = fs::read_dir(folder) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| is_session_name(p))
        .filter_map(|p| read_private(&p).ok().map(|s| (p, s)))
        .collect()
}

fn is_session_name(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(FILE_SUFFIX))
        .is_some_and(|id| id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn file_for(folder: &Path, id: &[u8; 16]) -> PathBuf {
    folder.join(format!("{}{FILE_SUFFIX}", hex::encode(id)))
}

/// Read a session file: a regular file of this user that no one else may read, of
/// exactly a session's length.
fn read_private(path: &Path) -> Result<SealedSession> {
    let gone = || {
        ended("Your unlocked session has ended (it was locked, or it expired and was tidied away).")
    };
    let link = fs::symlink_metadata(path).map_err(|_| gone())?;
    if !link.file_type().is_file() {
        return Err(gone());
    }
    let mut file = fs::File::open(path).map_err(|_| gone())?;
    let meta = file.metadata().map_err(|_| gone())?;
    if !same_file(&link, &meta) || !private_to_me(&meta, 0o077) {
        return Err(ended(
            "The session file is not private to you, so it was not used.",
        ));
    }
    let mut bytes = Vec::with_capacity(SEALED_SESSION_LEN + 1);
    (&mut file)
        .take(SEALED_SESSION_LEN as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| gone())?;
    SealedSession::parse(&bytes).ok_or_else(|| {
        ended(format!(
            "{SESSION_ENV} does not open its session (a wrong or changed session)."
        ))
    })
}

#[cfg(target_os = "linux")]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(target_os = "linux")]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(bytes)
}

/// Owned by this user, and none of the `forbidden` mode bits set.
#[cfg(target_os = "linux")]
fn private_to_me(meta: &fs::Metadata, forbidden: u32) -> bool {
    use std::os::unix::fs::MetadataExt;
    meta.uid() == rustix::process::geteuid().as_raw() && meta.mode() & forbidden == 0
}

/// `$XDG_RUNTIME_DIR/attune`, checked (and made 0700 when `create`), or why not.
#[cfg(target_os = "linux")]
fn private_dir(create: bool) -> std::result::Result<PathBuf, String> {
    use std::os::unix::fs::DirBuilderExt;
    const HOW: &str = "Unlocked sessions need your private runtime folder";
    let root = std::env::var_os("XDG_RUNTIME_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .ok_or_else(|| format!("{HOW}, and XDG_RUNTIME_DIR is not set."))?;
    if !root.is_absolute() {
        return Err(format!("{HOW}, and XDG_RUNTIME_DIR is not a full path."));
    }
    let shown = root.display();
    let meta = fs::metadata(&root)
        .map_err(|_| format!("{HOW}, and XDG_RUNTIME_DIR ({shown}) does not exist."))?;
    if !meta.is_dir() {
        return Err(format!(
            "{HOW}, and XDG_RUNTIME_DIR ({shown}) is not a folder."
        ));
    }
    if !private_to_me(&meta, 0) {
        return Err(format!(
            "{HOW}, and XDG_RUNTIME_DIR ({shown}) belongs to another user."
        ));
    }
    if !private_to_me(&meta, 0o022) {
        return Err(format!(
            "{HOW}, and other users can write to XDG_RUNTIME_DIR ({shown})."
        ));
    }
    let dir = root.join("attune");
    if create {
        match fs::DirBuilder::new().mode(0o700).create(&dir) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(_) => return Err(format!("{HOW}, and {} could not be made.", dir.display())),
        }
    }
    let meta = fs::symlink_metadata(&dir).map_err(|_| {
        "Your unlocked session has ended (there is no session folder; was the computer restarted?).".to_string()
    })?;
    if !meta.is_dir() || !private_to_me(&meta, 0o077) {
        return Err(format!(
            "{} is not a private folder of yours, so sessions are not kept there. Remove it (or `chmod 700` it if it is yours) and unlock again.",
            dir.display()
        ));
    }
    Ok(dir)
}

#[cfg(not(target_os = "linux"))]
fn private_dir(_create: bool) -> std::result::Result<PathBuf, String> {
    Err("Unlocked sessions are not available on this system yet.".to_string())
}
#[cfg(not(target_os = "linux"))]
fn private_to_me(_meta: &fs::Metadata, _forbidden: u32) -> bool {
    false
}
#[cfg(not(target_os = "linux"))]
fn same_file(_a: &fs::Metadata, _b: &fs::Metadata) -> bool {
    false
}
#[cfg(not(target_os = "linux"))]
fn write_private(_path: &Path, _bytes: &[u8]) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// The kernel's boot id (Linux), or zeros where there is none.
fn boot_id() -> [u8; 16] {
    let mut id = [0u8; 16];
    if let Ok(text) = fs::read_to_string("/proc/sys/kernel/random/boot_id") {
        let hex: String = text.trim().chars().filter(|c| *c != '-').collect();
        if hex::decode_to_slice(&hex, &mut id).is_err() {
            id = [0; 16];
        }
    }
    id
}

/// Milliseconds spent suspended since boot: CLOCK_BOOTTIME counts through suspend,
/// CLOCK_MONOTONIC does not. Zero where that cannot be told.
fn asleep_ms() -> u64 {
    #[cfg(target_os = "linux")]
    let measured = {
        use rustix::time::{clock_gettime, ClockId};
        let ms = |t: rustix::time::Timespec| {
            i128::from(t.tv_sec) * 1000 + i128::from(t.tv_nsec) / 1_000_000
        };
        let boot = ms(clock_gettime(ClockId::Boottime));
        let mono = ms(clock_gettime(ClockId::Monotonic));
        u64::try_from((boot - mono).max(0)).unwrap_or(0)
    };
    #[cfg(not(target_os = "linux"))]
    let measured = 0u64;
    measured.saturating_add(test_offset(Hook::Asleep).unsigned_abs())
}

/// Now, Unix seconds.
fn now_secs() -> i64 {
    Utc::now().timestamp() + test_offset(Hook::Clock)
}

enum Hook {
    Clock,
    Asleep,
}

/// The test hooks: only in `test-kdf` builds, so a release build has neither the
/// variables' names nor the code that reads them.
#[cfg(feature = "test-kdf")]
fn test_offset(hook: Hook) -> i64 {
    let name = match hook {
        Hook::Clock => TEST_CLOCK_ENV,
        Hook::Asleep => TEST_ASLEEP_ENV,
    };
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

#[cfg(not(feature = "test-kdf"))]
fn test_offset(_hook: Hook) -> i64 {
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::Passphrase;
    use crate::vault::KdfChoice;

    /// One test owns `XDG_RUNTIME_DIR` in this process (the other unit tests never read it).
    #[test]
    fn a_session_opens_the_journal_and_no_key_or_text_reaches_the_disk() {
        let tmp = tempfile::TempDir::new().unwrap();
        let runtime = tmp.path().join("run");
        std::fs::create_dir(&runtime).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700)).unwrap();
        std::env::set_var("XDG_RUNTIME_DIR", &runtime);
        let dir = tmp.path().join("journal");
        let pass = Passphrase::new("a long enough passphrase");
        let (vault, _) = Vault::create(&dir, &pass, KdfChoice::TestFast).unwrap();
        let canary = b"canary-session-text-5f1e";
        let row = vault
            .seal(crate::store::Table::Entries, [1; 16], 1, 1, canary)
            .unwrap();
        vault
            .store()
            .put_record(crate::store::Table::Entries, &row)
            .unwrap();
        let started = start(&vault, 5).unwrap();
        let key = *vault.key_for_tests();
        drop(vault);

        let opened = open(&dir, &started.text).unwrap();
        assert_eq!(opened.key_for_tests(), &key);
        drop(opened);

        // The private folder and file modes.
        let folder = runtime.join("attune");
        use std::os::unix::fs::MetadataExt;
        assert_eq!(std::fs::metadata(&folder).unwrap().mode() & 0o777, 0o700);
        let files: Vec<_> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(files.len(), 1);
        assert_eq!(std::fs::metadata(&files[0]).unwrap().mode() & 0o777, 0o600);

        // Canary: neither the data key, nor the session key, nor the text, anywhere.
        let session = SessionKey::parse(&started.text).unwrap();
        let contains = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).any(|w| w == needle);
        for path in walk(tmp.path()) {
            let bytes = std::fs::read(&path).unwrap();
            assert!(!contains(&bytes, &key), "data key in {}", path.display());
            assert!(
                !contains(&bytes, hex::encode(key).as_bytes()),
                "data key (hex) in {}",
                path.display()
            );
            assert!(!contains(&bytes, canary), "text in {}", path.display());
            assert!(
                !contains(&bytes, started.text.as_bytes()),
                "session text in {}",
                path.display()
            );
            assert!(!contains(&bytes, session.secret_for_tests()));
        }

        // Lock ends it.
        assert_eq!(end(&dir, None).unwrap(), 1);
        let err = open(&dir, &started.text).unwrap_err();
        assert_eq!(err.code, ErrorCode::Locked);

        // The length is the journal's auto-lock setting.
        let mut vault = Vault::unlock(&dir, &pass).unwrap();
        let settings = crate::journal::Settings {
            auto_lock_minutes: 17,
            ..Default::default()
        };
        crate::records::save_singleton(&mut vault, &settings).unwrap();
        drop(vault);
        let started = crate::api::keys::start_session(
            &dir,
            &crate::api::SecretText::new("a long enough passphrase"),
        )
        .unwrap();
        assert_eq!(started.minutes, 17);
        let left = (started.expires_at - Utc::now()).num_seconds();
        assert!((17 * 60 - 30..=17 * 60).contains(&left), "{left}");
        assert!(open(&dir, &started.text).is_ok());
    }

    fn walk(dir: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                out.extend(walk(&path));
            } else {
                out.push(path);
            }
        }
        out
    }
}
