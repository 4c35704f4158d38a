//! The desktop app's command functions, on real journals, without Tauri.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use attune::api::{
    self, ChangePassphraseRequest, CreateRequest, CreateResponse, Draft, EntryChange, EntryRef,
    ErrorCode, FindRequest, NewEntry, RecoverRequest, RecoveryKeyCheck, SecretText, Session,
    Settings, Theme, UnlockRequest, UpdateRequest,
};
use attune::vault::KdfChoice;
use tempfile::TempDir;

const PASS: &str = "api test passphrase";

fn created() -> (TempDir, Session, String) {
    let (tmp, session, shown) = created_showing_key();
    (tmp, session, shown.recovery_key.text().to_string())
}

fn created_showing_key() -> (TempDir, Session, CreateResponse) {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("journal");
    let mut session = Session::new(dir.clone());
    assert!(!session.status().has_journal);
    let req = CreateRequest {
        passphrase: SecretText::new(PASS),
    };
    let (journal, shown) = api::create_journal(&dir, &req, KdfChoice::TestFast).unwrap();
    let status = session.install(journal).unwrap();
    assert!(status.has_journal && status.unlocked && status.test_journal);
    (tmp, session, shown)
}

fn unlock(session: &mut Session, pass: &str) -> Result<(), ErrorCode> {
    let req = UnlockRequest {
        passphrase: SecretText::new(pass),
    };
    let journal = api::open_journal(session.dir(), &req).map_err(|e| e.code)?;
    session.install(journal).map(|_| ()).map_err(|e| e.code)
}

#[test]
fn a_new_journal_checks_the_recovery_key_typed_back() {
    let (_tmp, mut session, key) = created();
    let mut check = |typed: &str| {
        session.check_recovery_key(&RecoveryKeyCheck {
            recovery_key: SecretText::new(typed),
        })
    };
    assert!(check(&key.to_lowercase()).is_ok());
    let mut typo: Vec<char> = key.chars().collect();
    typo[3] = if typo[3] == '7' { '8' } else { '7' };
    let typo: String = typo.into_iter().collect();
    assert_eq!(
        check(&typo).unwrap_err().code,
        ErrorCode::RecoveryKeyMistyped
    );
    assert_eq!(
        check("ABCD").unwrap_err().code,
        ErrorCode::RecoveryKeyMistyped
    );
}

#[test]
fn the_fresh_recovery_key_can_be_saved_until_it_is_typed_back() {
    let (tmp, mut session, shown) = created_showing_key();
    let key = shown.recovery_key.text().to_string();
    let path = tmp.path().join("attune-recovery-key.txt");
    // Not remembered: nothing to save.
    assert_eq!(
        session.save_recovery_key(&path).unwrap_err().code,
        ErrorCode::InvalidInput
    );
    session.remember_recovery_key(&shown).unwrap();
    assert!(session.recovery_key_saveable().is_ok());
    std::fs::write(&path, "an older file the dialog agreed to replace").unwrap();
    let saved = session.save_recovery_key(&path).unwrap();
    assert!(saved.saved);
    assert_eq!(saved.file_name.as_deref(), Some("attune-recovery-key.txt"));
    let sheet = std::fs::read_to_string(&path).unwrap();
    assert!(sheet.contains(&key), "the sheet holds the key");
    assert!(sheet.contains("passphrase"), "and says what it is for");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Typed back correctly: the session forgets it.
    session
        .check_recovery_key(&RecoveryKeyCheck {
            recovery_key: SecretText::new(&key),
        })
        .unwrap();
    assert!(session.recovery_key_saveable().is_err());
    assert!(session.save_recovery_key(&path).is_err());
}

#[test]
fn locking_forgets_a_fresh_recovery_key() {
    let (tmp, mut session, shown) = created_showing_key();
    session.remember_recovery_key(&shown).unwrap();
    session.lock().unwrap();
    unlock(&mut session, PASS).unwrap();
    assert!(session.recovery_key_saveable().is_err());
    let path = tmp.path().join("key.txt");
    assert!(session.save_recovery_key(&path).is_err());
    assert!(!path.exists());
}

#[test]
fn locked_sessions_refuse_journal_commands() {
    let (_tmp, mut session, _) = created();
    session.lock().unwrap();
    assert!(!session.status().unlocked);
    let code = session
        .find_entries(&FindRequest::default())
        .unwrap_err()
        .code;
    assert_eq!(code, ErrorCode::Locked);
    assert_eq!(
        session.create_entry(NewEntry::default()).unwrap_err().code,
        ErrorCode::Locked
    );
    assert_eq!(
        unlock(&mut session, "not it at all"),
        Err(ErrorCode::WrongSecret)
    );
    assert_eq!(unlock(&mut session, PASS), Ok(()));
    assert!(session.find_entries(&FindRequest::default()).is_ok());
}

#[test]
fn entries_go_through_create_update_trash_and_restore() {
    let (_tmp, mut session, _) = created();
    let e = session
        .create_entry(NewEntry {
            title: Some("First".into()),
            body: "Text".into(),
            ..Default::default()
        })
        .unwrap();
    let id = EntryRef { id: e.id };
    let changed = session
        .update_entry(UpdateRequest {
            id: e.id,
            change: EntryChange {
                body: Some("Changed".into()),
                ..Default::default()
            },
        })
        .unwrap();
    assert_eq!(changed.revision, 2);
    session.trash_entry(&id).unwrap();
    assert_eq!(
        session.find_entries(&FindRequest::default()).unwrap().total,
        0
    );
    session.restore_entry(&id).unwrap();
    assert_eq!(session.get_entry(&id).unwrap().body, "Changed");
}

#[test]
fn a_staged_draft_is_kept_encrypted_through_lock_and_unlock() {
    let (tmp, mut session, _) = created();
    let draft = Draft {
        fields: NewEntry {
            body: "Half a sentence about the DraftMarkerWord".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    session.stage_draft(draft).unwrap();
    session.lock().unwrap();
    // The draft is on disk, but not in plaintext.
    for entry in std::fs::read_dir(tmp.path().join("journal")).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(!bytes.windows(15).any(|w| w == b"DraftMarkerWord"));
    }
    unlock(&mut session, PASS).unwrap();
    let kept = session
        .kept_draft()
        .unwrap()
        .expect("the draft survived the lock");
    assert_eq!(
        kept.fields.body,
        "Half a sentence about the DraftMarkerWord"
    );
    assert!(kept.saved_at.is_some());
    session.discard_draft().unwrap();
    session.lock().unwrap();
    unlock(&mut session, PASS).unwrap();
    assert_eq!(session.kept_draft().unwrap(), None);
}

#[test]
fn dropping_the_session_keeps_the_draft_like_closing_the_window() {
    let (tmp, mut session, _) = created();
    session
        .stage_draft(Draft {
            fields: NewEntry {
                body: "typed just before closing".into(),
                ..Default::default()
            },
            ..Default::default()
        })
        .unwrap();
    drop(session);
    let mut session = Session::new(tmp.path().join("journal"));
    unlock(&mut session, PASS).unwrap();
    assert_eq!(
        session.kept_draft().unwrap().unwrap().fields.body,
        "typed just before closing"
    );
}

#[test]
fn settings_are_validated_and_kept_encrypted() {
    let (_tmp, mut session, _) = created();
    assert_eq!(session.get_settings().unwrap(), Settings::default());
    assert_eq!(Settings::default().auto_lock_minutes, 5);
    let wanted = Settings {
        auto_lock_minutes: 15,
        theme: Theme::Dark,
        privacy_mode: true,
    };
    session.save_settings(wanted.clone()).unwrap();
    let bad = Settings {
        auto_lock_minutes: 0,
        ..wanted.clone()
    };
    assert_eq!(
        session.save_settings(bad).unwrap_err().code,
        ErrorCode::InvalidInput
    );
    session.lock().unwrap();
    unlock(&mut session, PASS).unwrap();
    assert_eq!(session.get_settings().unwrap(), wanted);
}

#[test]
fn changing_the_passphrase_needs_the_current_one() {
    let (_tmp, mut session, _) = created();
    let req = |current: &str, new: &str| ChangePassphraseRequest {
        current: SecretText::new(current),
        new_passphrase: SecretText::new(new),
    };
    let err = session
        .change_passphrase(&req("wrong current one", "a new passphrase"))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongSecret);
    let err = session.change_passphrase(&req(PASS, "short")).unwrap_err();
    assert_eq!(err.code, ErrorCode::WeakPassphrase);
    session
        .change_passphrase(&req(PASS, "a new passphrase"))
        .unwrap();
    session.lock().unwrap();
    assert_eq!(unlock(&mut session, PASS), Err(ErrorCode::WrongSecret));
    assert_eq!(unlock(&mut session, "a new passphrase"), Ok(()));
}

#[test]
fn recovery_sets_a_passphrase_and_issues_a_new_key() {
    let (_tmp, mut session, key) = created();
    session.lock().unwrap();
    let req = RecoverRequest {
        recovery_key: SecretText::new(&key),
        new_passphrase: SecretText::new("recovered passphrase"),
    };
    let (journal, fresh) = api::recover_journal(session.dir(), &req).unwrap();
    session.install(journal).unwrap();
    assert_ne!(fresh.recovery_key.text(), key);
    session.lock().unwrap();
    assert_eq!(unlock(&mut session, "recovered passphrase"), Ok(()));
}
