//! The desktop app's command functions, on real journals, without Tauri.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use attune::api::{
    self, ChangePassphraseRequest, CreateRequest, Draft, EntryChange, EntryRef, ErrorCode,
    FindRequest, NewEntry, RecoverRequest, RecoveryKeyCheck, SecretText, Session, Settings, Theme,
    UnlockRequest, UpdateRequest,
};
use attune::vault::KdfChoice;
use tempfile::TempDir;

const PASS: &str = "api test passphrase";

fn created() -> (TempDir, Session, String) {
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
    (tmp, session, shown.recovery_key.text().to_string())
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
    let (_tmp, session, key) = created();
    let check = |typed: &str| {
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
        deid_allow: vec!["Rowan".into()],
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

#[test]
fn deid_scan_flags_identifiers_and_skips_the_journals_allow_list() {
    let (_tmp, mut session, _) = created();
    let req = api::DeidRequest {
        text: "Keisha called from 555-0147 about Zoë 😊 and Priya.".into(),
    };
    let before = session.deid_scan(&req).unwrap();
    let names: Vec<&str> = before
        .findings
        .iter()
        .filter(|f| f.kind == api::FindingKind::PersonName)
        .map(|f| f.text.as_str())
        .collect();
    assert_eq!(names, ["Keisha", "Zoë", "Priya"]);
    assert_eq!(before.total, before.findings.len());
    let phone = before
        .counts
        .iter()
        .find(|c| c.kind == api::FindingKind::Phone)
        .unwrap();
    assert_eq!((phone.count, phone.label.as_str()), (1, "Phone number"));

    let settings = Settings {
        deid_allow: vec!["  keisha ".into(), "PRIYA".into(), "Keisha".into()],
        ..session.get_settings().unwrap()
    };
    let saved = session.save_settings(settings).unwrap();
    assert_eq!(
        saved.deid_allow,
        ["keisha", "PRIYA"],
        "trimmed, repeats dropped"
    );
    let after = session.deid_scan(&req).unwrap();
    let left: Vec<&str> = after.findings.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(left, ["555-0147", "Zoë"]);
    // Same answer without a journal, given the same words.
    assert_eq!(api::deid_text(&req.text, &saved.deid_allow), after);

    session.lock().unwrap();
    assert_eq!(session.deid_scan(&req).unwrap_err().code, ErrorCode::Locked);
}

#[test]
fn allow_list_settings_are_validated() {
    let (_tmp, mut session, _) = created();
    let base = session.get_settings().unwrap();
    assert!(base.deid_allow.is_empty());
    let with = |words: Vec<String>| Settings {
        deid_allow: words,
        ..base.clone()
    };
    let too_long = with(vec!["x".repeat(41)]);
    assert_eq!(
        session.save_settings(too_long).unwrap_err().code,
        ErrorCode::InvalidInput
    );
    let too_many = with((0..501).map(|i| format!("word{i}")).collect());
    assert_eq!(
        session.save_settings(too_many).unwrap_err().code,
        ErrorCode::InvalidInput
    );
    assert!(with(vec![" ".into()]).validate().is_err());
    assert!(with(vec![" padded".into()]).validate().is_err());
    let ok = with((0..500).map(|i| format!("word{i}")).collect());
    session.save_settings(ok.clone()).unwrap();
    assert_eq!(session.get_settings().unwrap(), ok);
}

#[test]
fn settings_saved_before_the_allow_list_existed_still_load() {
    let old: Settings =
        serde_json::from_str(r#"{"auto_lock_minutes": 7, "theme": "dark", "privacy_mode": true}"#)
            .unwrap();
    assert_eq!(old.auto_lock_minutes, 7);
    assert!(old.deid_allow.is_empty());
}
