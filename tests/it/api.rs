//! The desktop app's command functions, on real journals, without Tauri.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use attune::api::{
    self, App, ChangePassphraseRequest, CheckinAnswer, CheckinRef, CreateRequest, CreateResponse,
    Draft, EntryChange, EntryRef, ErrorCode, FindRequest, HoursRequest, NewCheckin, NewEntry,
    RecoverRequest, RecoveryKeyCheck, SecretText, SessionFormat, SessionInput, SessionRef,
    SessionRole, SessionsRequest, Settings, Support, Theme, TrendsRequest, UnlockRequest,
    UpdateRequest,
};
use attune::vault::KdfChoice;
use chrono::Datelike;
use tempfile::TempDir;

const PASS: &str = "api test passphrase";

fn created() -> (TempDir, App, String) {
    let (tmp, session, shown) = created_showing_key();
    (tmp, session, shown.recovery_key.text().to_string())
}

fn created_showing_key() -> (TempDir, App, CreateResponse) {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("journal");
    let mut session = App::new(dir.clone());
    assert!(!session.status().has_journal);
    let req = CreateRequest {
        passphrase: SecretText::new(PASS),
    };
    let (journal, shown) = api::keys::create_journal(&dir, &req, KdfChoice::TestFast).unwrap();
    let status = session.install(journal).unwrap();
    assert!(status.has_journal && status.unlocked && status.test_journal);
    (tmp, session, shown)
}

/// "Back up now" the way the shell runs it: the backup on the journal, then the app told.
fn back_up_now(session: &mut App) -> attune::Result<api::BackupStatus> {
    let result = session.write(|j| api::backups::back_up_now(j, chrono::Utc::now()));
    session.backed_up(result)
}

fn unlock(session: &mut App, pass: &str) -> Result<(), ErrorCode> {
    let req = UnlockRequest {
        passphrase: SecretText::new(pass),
    };
    let journal = api::keys::open_journal(session.dir(), &req).map_err(|e| e.code)?;
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
        .read(|j| api::entries::find(j, &FindRequest::default()))
        .unwrap_err()
        .code;
    assert_eq!(code, ErrorCode::Locked);
    assert_eq!(
        session
            .write(|j| api::entries::create(j, NewEntry::default()))
            .unwrap_err()
            .code,
        ErrorCode::Locked
    );
    assert_eq!(
        unlock(&mut session, "not it at all"),
        Err(ErrorCode::WrongSecret)
    );
    assert_eq!(unlock(&mut session, PASS), Ok(()));
    assert!(session
        .read(|j| api::entries::find(j, &FindRequest::default()))
        .is_ok());
}

#[test]
fn entries_go_through_create_update_trash_and_restore() {
    let (_tmp, mut session, _) = created();
    let e = session
        .write(|j| {
            api::entries::create(
                j,
                NewEntry {
                    title: Some("First".into()),
                    body: "Text".into(),
                    ..Default::default()
                },
            )
        })
        .unwrap();
    let id = EntryRef { id: e.id };
    let changed = session
        .write(|j| {
            api::entries::update(
                j,
                UpdateRequest {
                    id: e.id,
                    change: EntryChange {
                        body: Some("Changed".into()),
                        ..Default::default()
                    },
                },
            )
        })
        .unwrap();
    assert_eq!(changed.revision, 2);
    session.write(|j| api::entries::trash(j, &id)).unwrap();
    assert_eq!(
        session
            .read(|j| api::entries::find(j, &FindRequest::default()))
            .unwrap()
            .total,
        0
    );
    session.write(|j| api::entries::restore(j, &id)).unwrap();
    assert_eq!(
        session.read(|j| api::entries::get(j, &id)).unwrap().body,
        "Changed"
    );
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
fn a_lock_asked_for_during_slow_work_wins_at_once() {
    use std::sync::{mpsc, Arc, Mutex};

    let (_tmp, session, _) = created();
    let app = Arc::new(Mutex::new(session));
    app.lock()
        .unwrap()
        .stage_draft(Draft {
            fields: NewEntry {
                body: "typed while an import ran".into(),
                ..Default::default()
            },
            ..Default::default()
        })
        .unwrap();
    let journal = app.lock().unwrap().lend().unwrap();
    let (finish, wait) = mpsc::channel::<()>();
    let worker = {
        let app = Arc::clone(&app);
        std::thread::spawn(move || {
            // Slow work holds only the journal, never the app.
            wait.recv().unwrap();
            app.lock().unwrap().give_back(journal)
        })
    };
    {
        let mut held = app.lock().unwrap();
        assert_eq!(
            held.read(api::settings::get).unwrap_err().code,
            ErrorCode::JournalBusy,
            "other commands wait politely while the journal is lent"
        );
        assert!(held.status().unlocked);
        held.lock().unwrap();
        assert!(!held.status().unlocked, "the app is locked at once");
        assert_eq!(
            held.read(api::settings::get).unwrap_err().code,
            ErrorCode::Locked
        );
        assert_eq!(
            unlock(&mut held, PASS).unwrap_err(),
            ErrorCode::JournalBusy,
            "no second journal is opened while the first is still out"
        );
    }
    finish.send(()).unwrap();
    assert!(!worker.join().unwrap(), "the journal came back and locked");
    let mut session = Arc::try_unwrap(app).unwrap().into_inner().unwrap();
    assert!(!session.status().unlocked);
    unlock(&mut session, PASS).unwrap();
    assert_eq!(
        session.kept_draft().unwrap().unwrap().fields.body,
        "typed while an import ran",
        "the staged draft was written when the journal locked"
    );
}

#[test]
fn a_lent_journal_comes_back_open_when_no_lock_was_asked_for() {
    let (_tmp, mut session, _) = created();
    let journal = session.lend().unwrap();
    assert!(session.give_back(journal));
    assert!(session.status().unlocked);
    session.read(api::settings::get).unwrap();
    session.lock().unwrap();
    assert_eq!(session.lend().unwrap_err().code, ErrorCode::Locked);
}

#[test]
fn a_packet_opened_with_attune_waits_for_unlock_and_the_page_sees_only_its_name() {
    let (tmp, mut session, _) = created();
    let file = tmp.path().join("attune-share-2026-12-04.attune-packet");
    std::fs::write(&file, b"not opened here").unwrap();
    session.lock().unwrap();
    session.packet_opened(file.clone());
    assert_eq!(
        session.waiting_packet().unwrap_err().code,
        ErrorCode::Locked,
        "nothing about it before unlock"
    );
    unlock(&mut session, PASS).unwrap();
    let waiting = session.waiting_packet().unwrap().unwrap();
    assert_eq!(waiting.file_name, "attune-share-2026-12-04.attune-packet");
    let sent = serde_json::to_string(&waiting).unwrap();
    assert!(
        !sent.contains(&tmp.path().display().to_string()),
        "no folder: {sent}"
    );
    assert_eq!(session.waiting_packet_path().unwrap(), file);

    // Nothing to delete before an import; after one, the file once.
    assert_eq!(
        session.delete_imported_packet().unwrap_err().code,
        ErrorCode::NotFound
    );
    session.packet_imported();
    assert_eq!(session.waiting_packet().unwrap(), None);
    session.delete_imported_packet().unwrap();
    assert!(!file.exists());
    assert_eq!(
        session.delete_imported_packet().unwrap_err().code,
        ErrorCode::NotFound
    );

    // "Not now" forgets it and leaves the file alone.
    std::fs::write(&file, b"again").unwrap();
    session.packet_opened(file.clone());
    session.dismiss_waiting_packet();
    assert_eq!(session.waiting_packet().unwrap(), None);
    assert!(file.exists());
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
    let mut session = App::new(tmp.path().join("journal"));
    unlock(&mut session, PASS).unwrap();
    assert_eq!(
        session.kept_draft().unwrap().unwrap().fields.body,
        "typed just before closing"
    );
}

#[test]
fn settings_are_validated_and_kept_encrypted() {
    let (_tmp, mut session, _) = created();
    assert_eq!(
        session.read(api::settings::get).unwrap(),
        Settings::default()
    );
    assert_eq!(Settings::default().auto_lock_minutes, 5);
    let wanted = Settings {
        auto_lock_minutes: 15,
        theme: Theme::Dark,
        privacy_mode: true,
        deid_allow: vec!["Rowan".into()],
        rsc_hours_target: Some(12),
        endorsement: Some(attune::api::EndorsementChoice {
            association: Some("mi-aimh".into()),
            category: Some("imhs".into()),
            renewal_due: Some("01-31".into()),
            rsc_hours: None,
            training_hours: Some(16),
        }),
        // Set only through the folder dialog; see the test below.
        backup_folder: None,
        backup_rotation: Some(attune::store::backup::Rotation {
            daily: 3,
            weekly: 2,
            monthly: 6,
        }),
        my_supports: vec![Support {
            label: "My supervisor".into(),
            reach: "Tuesdays, or by phone".into(),
        }],
        crisis_line: Some("Lifeline 13 11 14".into()),
        emergency_number: Some("000".into()),
        checkin_reminder: false,
        seen_before_you_write: true,
        seen_share_limits: true,
        reminders: attune::journal::reminders::ReminderSettings {
            reflect: attune::journal::reminders::ReflectReminder {
                on: true,
                at_minute: 16 * 60 + 30,
                weekdays: vec![2, 4],
            },
            keep_running: true,
            ..Default::default()
        },
    };
    session
        .write(|j| api::settings::save(j, wanted.clone()))
        .unwrap();
    let bad = Settings {
        auto_lock_minutes: 0,
        ..wanted.clone()
    };
    assert_eq!(
        session
            .write(|j| api::settings::save(j, bad))
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );
    let keeps_nothing = Settings {
        backup_rotation: Some(attune::store::backup::Rotation {
            daily: 0,
            weekly: 0,
            monthly: 0,
        }),
        ..wanted.clone()
    };
    assert_eq!(
        session
            .write(|j| api::settings::save(j, keeps_nothing))
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );
    session.lock().unwrap();
    unlock(&mut session, PASS).unwrap();
    assert_eq!(session.read(api::settings::get).unwrap(), wanted);
}

#[test]
fn a_huge_rotation_is_refused_not_overflowed() {
    let (_tmp, mut session, _) = created();
    let current = session.read(api::settings::get).unwrap();
    let huge = Settings {
        backup_rotation: Some(attune::store::backup::Rotation {
            daily: u32::MAX,
            weekly: 1,
            monthly: 0,
        }),
        ..current
    };
    assert_eq!(
        session
            .write(|j| api::settings::save(j, huge))
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );
}

#[test]
fn a_rotation_that_would_delete_backups_kept_today_is_counted_before_saving() {
    use attune::store::backup::Rotation;
    let (tmp, mut session, _) = created();
    let keep = |daily, weekly, monthly| Rotation {
        daily,
        weekly,
        monthly,
    };
    // No folder: nothing to delete.
    assert_eq!(
        session
            .read(|j| api::backups::removed_by_new_rotation(j, keep(0, 0, 0)))
            .unwrap(),
        0
    );
    let folder = tmp.path().join("usb");
    std::fs::create_dir(&folder).unwrap();
    session
        .write(|j| api::backups::set_folder(j, &folder))
        .unwrap();
    // One backup on each of ten days in a row.
    for day in 1..=10 {
        let name = format!("attune-backup-202611{day:02}-090000.attune");
        std::fs::write(folder.join(name), b"not read here").unwrap();
    }
    let fewer = |r| {
        session
            .read(|j| api::backups::removed_by_new_rotation(j, r))
            .unwrap()
    };
    // The default (7 days, 5 weeks, 12 months) keeps eight: November 4 to 10, and
    // November 1 as the newest of its ISO week. Keeping one day's worth keeps only the
    // newest, so seven of those would go (the two already due to go are not counted).
    assert_eq!(fewer(keep(1, 0, 0)), 7);
    assert_eq!(fewer(keep(7, 0, 0)), 1, "only November 1 goes");
    assert_eq!(fewer(keep(7, 5, 12)), 0);
    assert_eq!(fewer(keep(30, 5, 12)), 0, "keeping more deletes nothing");
    assert_eq!(
        std::fs::read_dir(&folder).unwrap().count(),
        10,
        "counting deletes nothing"
    );
}

#[test]
fn the_page_cannot_choose_the_backup_folder_through_the_settings() {
    let (tmp, mut session, _) = created();
    let folder = tmp.path().join("usb");
    std::fs::create_dir(&folder).unwrap();
    session.set_backup_folder(&folder).unwrap();
    let chosen = Some(folder.display().to_string());
    let current = session.read(api::settings::get).unwrap();
    for sent in [Some("/somewhere/else".to_string()), None] {
        let saved = session
            .write(|j| {
                api::settings::save(
                    j,
                    Settings {
                        backup_folder: sent.clone(),
                        auto_lock_minutes: 10,
                        ..current.clone()
                    },
                )
            })
            .unwrap();
        assert_eq!(saved.backup_folder, chosen);
        let stored = session.read(api::settings::get).unwrap();
        assert_eq!(stored.backup_folder, chosen, "sent {sent:?}");
        assert_eq!(stored.auto_lock_minutes, 10);
    }
}

#[test]
fn changing_the_passphrase_needs_the_current_one() {
    let (_tmp, mut session, _) = created();
    let req = |current: &str, new: &str| ChangePassphraseRequest {
        current: SecretText::new(current),
        new_passphrase: SecretText::new(new),
    };
    let err = session
        .write(|j| api::keys::change_passphrase(j, &req("wrong current one", "a new passphrase")))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongSecret);
    let err = session
        .write(|j| api::keys::change_passphrase(j, &req(PASS, "short")))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::WeakPassphrase);
    session
        .write(|j| api::keys::change_passphrase(j, &req(PASS, "a new passphrase")))
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
    let (journal, fresh) =
        api::keys::recover_journal(session.dir(), &req, KdfChoice::TestFast).unwrap();
    session.install(journal).unwrap();
    assert_ne!(fresh.recovery_key.text(), key);
    session.lock().unwrap();
    assert_eq!(unlock(&mut session, "recovered passphrase"), Ok(()));
}

#[test]
fn check_ins_go_through_form_save_trends_list_and_delete() {
    let (_tmp, mut session, _) = created();
    let form = api::wellbeing::form().unwrap();
    assert_eq!(form.items.len(), 6);
    assert_eq!(form.max_value, 10);
    assert!(form.about.contains("not a diagnosis"));
    assert!(!form.resources.is_empty());

    let before = session
        .read(|j| api::wellbeing::trends(j, &TrendsRequest::default()))
        .unwrap();
    assert!(before.nudge && before.days_since_last.is_none());

    let answers = form
        .items
        .iter()
        .map(|item| CheckinAnswer {
            item_id: item.id.clone(),
            value: 5,
        })
        .collect();
    let saved = session
        .write(|j| {
            api::wellbeing::save(
                j,
                NewCheckin {
                    answers,
                    note: Some("a steadier week".into()),
                },
            )
        })
        .unwrap();
    assert_eq!(saved.overall, Some(5.0));
    assert!(saved.suggestions.is_empty());
    assert_eq!(saved.checkin.item_set_version, form.version);

    let after = session
        .read(|j| api::wellbeing::trends(j, &TrendsRequest { weeks: 4 }))
        .unwrap();
    assert_eq!(after.count, 1);
    assert_eq!((after.days_since_last, after.nudge), (Some(0), false));
    assert!(after.items.iter().all(|i| i.latest == Some(5)));

    session.lock().unwrap();
    assert_eq!(
        session
            .read(|j| api::wellbeing::trends(j, &TrendsRequest::default()))
            .unwrap_err()
            .code,
        ErrorCode::Locked
    );
    assert_eq!(
        session
            .write(|j| api::wellbeing::save(j, NewCheckin::default()))
            .unwrap_err()
            .code,
        ErrorCode::Locked
    );
    unlock(&mut session, PASS).unwrap();
    let listed = session
        .read(|j| api::wellbeing::list(j, &TrendsRequest::default()))
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].note.as_deref(), Some("a steadier week"));

    let id = CheckinRef {
        id: saved.checkin.id,
    };
    session.write(|j| api::wellbeing::delete(j, &id)).unwrap();
    assert_eq!(
        session
            .write(|j| api::wellbeing::delete(j, &id))
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );
    assert_eq!(
        session
            .read(|j| api::wellbeing::trends(j, &TrendsRequest::default()))
            .unwrap()
            .count,
        0
    );
    let refused = session
        .write(|j| api::wellbeing::save(j, NewCheckin::default()))
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);
}

#[test]
fn check_in_requests_arrive_as_the_front_end_sends_them() {
    let (_tmp, mut session, _) = created();
    let req: NewCheckin =
        serde_json::from_str(r#"{"answers":[{"item_id":"sleep","value":3}],"note":null}"#).unwrap();
    let saved = session.write(|j| api::wellbeing::save(j, req)).unwrap();
    let sent = serde_json::to_value(&saved).unwrap();
    assert_eq!(sent["checkin"]["id"].as_str().unwrap().len(), 32);
    // One answer at strain 7: the overall reading is high too, so it leads.
    assert!(sent["suggestions"][0]["item_id"].is_null());
    assert_eq!(sent["suggestions"][1]["item_id"], "sleep");
    let id: CheckinRef =
        serde_json::from_value(serde_json::json!({ "id": sent["checkin"]["id"] })).unwrap();
    session.write(|j| api::wellbeing::delete(j, &id)).unwrap();
    let trends: TrendsRequest = serde_json::from_str("{}").unwrap();
    assert_eq!(trends.weeks, 0);
    assert!(serde_json::from_str::<NewCheckin>(r#"{"answers":[],"mood":1}"#).is_err());
}

#[test]
fn not_a_name_here_stays_in_one_reflection_and_reviews_show_what_the_allow_list_hides() {
    let (_tmp, mut session, _) = created();
    let text = "Mom said Kayla and Priya slept better this week.";
    let here = api::DeidRequest {
        text: text.into(),
        not_names: vec!["Kayla".into()],
        field: None,
    };
    let names = |r: &api::DeidReport| -> Vec<String> {
        r.findings.iter().map(|f| f.text.clone()).collect()
    };
    assert_eq!(
        names(&session.read(|j| api::deid::scan(j, &here)).unwrap()),
        ["Priya"]
    );
    let elsewhere = api::DeidRequest {
        text: text.into(),
        not_names: Vec::new(),
        field: None,
    };
    assert_eq!(
        names(&session.read(|j| api::deid::scan(j, &elsewhere)).unwrap()),
        ["Kayla", "Priya"],
        "another reflection is not affected"
    );

    // Saved with the reflection, the mark still does not hide the name from the export
    // review; the journal-wide allow-list does, and the review lists what it hides.
    session
        .write(|j| {
            api::entries::create(
                j,
                NewEntry {
                    body: text.into(),
                    family_code: Some("KR".into()),
                    tags: vec!["sleep".into()],
                    not_names: vec!["Kayla".into(), " kayla ".into()],
                    ..Default::default()
                },
            )
        })
        .unwrap();
    let review = session.read(api::export::review).unwrap();
    let flagged: Vec<&str> = review.findings.iter().map(|f| f.text.as_str()).collect();
    assert!(
        flagged.contains(&"Kayla") && flagged.contains(&"Priya"),
        "{flagged:?}"
    );
    assert!(review.silenced.is_empty());
    let settings = Settings {
        deid_allow: vec!["priya".into()],
        ..session.read(api::settings::get).unwrap()
    };
    session.write(|j| api::settings::save(j, settings)).unwrap();
    let review = session.read(api::export::review).unwrap();
    assert!(!review.findings.iter().any(|f| f.text == "Priya"));
    assert_eq!(
        review.silenced,
        ["Priya"],
        "the review shows the allowed word it skips"
    );
}

#[test]
fn deid_scan_flags_identifiers_and_skips_the_journals_allow_list() {
    let (_tmp, mut session, _) = created();
    let req = api::DeidRequest {
        text: "Keisha called from 555-0147 about Zoë 😊 and Priya.".into(),
        not_names: Vec::new(),
        field: None,
    };
    let before = session.read(|j| api::deid::scan(j, &req)).unwrap();
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
        ..session.read(api::settings::get).unwrap()
    };
    let saved = session.write(|j| api::settings::save(j, settings)).unwrap();
    assert_eq!(
        saved.deid_allow,
        ["keisha", "PRIYA"],
        "trimmed, repeats dropped"
    );
    let after = session.read(|j| api::deid::scan(j, &req)).unwrap();
    let left: Vec<&str> = after.findings.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(left, ["555-0147", "Zoë"]);
    // Same answer without a journal, given the same words.
    assert_eq!(api::deid::text(&req.text, &saved.deid_allow), after);
    // A short field (the family code, a tag) reads initials as a name; prose does not.
    let initials = |field| api::DeidRequest {
        text: "RB".into(),
        field,
        not_names: Vec::new(),
    };
    let as_field = session.read(|j| api::deid::scan(j, &initials(Some(true))));
    assert_eq!(as_field.unwrap().total, 1);
    let as_prose = session.read(|j| api::deid::scan(j, &initials(None)));
    assert_eq!(as_prose.unwrap().total, 0);

    session.lock().unwrap();
    assert_eq!(
        session.read(|j| api::deid::scan(j, &req)).unwrap_err().code,
        ErrorCode::Locked
    );
}

#[test]
fn allow_list_settings_are_validated() {
    let (_tmp, mut session, _) = created();
    let base = session.read(api::settings::get).unwrap();
    assert!(base.deid_allow.is_empty());
    let with = |words: Vec<String>| Settings {
        deid_allow: words,
        ..base.clone()
    };
    let too_long = with(vec!["x".repeat(41)]);
    assert_eq!(
        session
            .write(|j| api::settings::save(j, too_long))
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );
    let too_many = with((0..501).map(|i| format!("word{i}")).collect());
    assert_eq!(
        session
            .write(|j| api::settings::save(j, too_many))
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );
    assert!(with(vec![" ".into()]).validate().is_err());
    assert!(with(vec![" padded".into()]).validate().is_err());
    let ok = with((0..500).map(|i| format!("word{i}")).collect());
    session
        .write(|j| api::settings::save(j, ok.clone()))
        .unwrap();
    assert_eq!(session.read(api::settings::get).unwrap(), ok);
}

#[test]
fn settings_saved_before_the_allow_list_existed_still_load() {
    let old: Settings =
        serde_json::from_str(r#"{"auto_lock_minutes": 7, "theme": "dark", "privacy_mode": true}"#)
            .unwrap();
    assert_eq!(old.auto_lock_minutes, 7);
    assert!(old.deid_allow.is_empty());
}

#[test]
fn export_needs_the_identifying_passages_reviewed_and_leaves_the_trash_out() {
    use attune::api::{ExportFormat, ExportRequest};
    let (tmp, mut session, _) = created();
    let flagged = session
        .write(|j| {
            api::entries::create(
                j,
                NewEntry {
                    title: Some("After the visit".into()),
                    body: "I said I would call Mrs Okafor on 555-0147.".into(),
                    ..NewEntry::default()
                },
            )
        })
        .unwrap();
    let trashed = session
        .write(|j| {
            api::entries::create(
                j,
                NewEntry {
                    body: "TrashedExportMarker".into(),
                    ..NewEntry::default()
                },
            )
        })
        .unwrap();
    session
        .write(|j| api::entries::trash(j, &EntryRef { id: trashed.id }))
        .unwrap();

    let review = session.read(api::export::review).unwrap();
    assert_eq!(review.entries, 1);
    let kinds: Vec<_> = review
        .findings
        .iter()
        .map(|f| (f.entry_id, f.text.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [(flagged.id, "Mrs Okafor"), (flagged.id, "555-0147")],
        "every passage, with its entry"
    );

    let path = tmp.path().join("export.json");
    let not_reviewed = ExportRequest {
        format: ExportFormat::Json,
        reviewed: false,
    };
    assert_eq!(
        session
            .read(
                |j| api::export::write(j, &not_reviewed, &path, api::WriteMode::Replace)
                    .map(|d| d.file)
            )
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );
    assert!(!path.exists(), "nothing written before the review");

    let reviewed = ExportRequest {
        format: ExportFormat::Markdown,
        reviewed: true,
    };
    let saved = session
        .read(|j| api::export::write(j, &reviewed, &path, api::WriteMode::Replace).map(|d| d.file))
        .unwrap();
    assert_eq!(saved.file_name.as_deref(), Some("export.json"));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("After the visit"));
    assert!(!text.contains("TrashedExportMarker"), "the trash stays out");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert!(api::export::file_name(ExportFormat::Json).starts_with("attune-export-"));

    // A journal with nothing identifying exports without a review.
    session
        .write(|j| api::entries::trash(j, &EntryRef { id: flagged.id }))
        .unwrap();
    assert!(session
        .read(api::export::review)
        .unwrap()
        .findings
        .is_empty());
    session
        .read(|j| api::export::check(j, &not_reviewed))
        .unwrap();
}

#[test]
fn backups_happen_on_lock_after_changes_at_most_daily_and_failures_never_stop_locking() {
    let (tmp, mut session, _) = created();
    let folder = tmp.path().join("backups");
    std::fs::create_dir(&folder).unwrap();
    let count = || std::fs::read_dir(&folder).unwrap().count();

    // No folder chosen: nothing happens, and the status says so.
    session.lock().unwrap();
    unlock(&mut session, PASS).unwrap();
    let status = session.backup_status().unwrap();
    assert!(status.folder.is_none() && !status.notice && status.last_at.is_none());

    assert!(session
        .set_backup_folder(&tmp.path().join("missing"))
        .is_err());
    let status = session.set_backup_folder(&folder).unwrap();
    assert!(
        status.notice,
        "a folder and no backup yet: the gentle notice"
    );
    session
        .write(|j| {
            api::entries::create(
                j,
                NewEntry {
                    body: "changed".into(),
                    ..NewEntry::default()
                },
            )
        })
        .unwrap();
    session.lock().unwrap();
    assert_eq!(count(), 1, "a change, then lock: one backup");
    unlock(&mut session, PASS).unwrap();
    assert_eq!(count(), 1, "unlock right after: not again the same day");
    let status = session.backup_status().unwrap();
    assert!(status.last_at.is_some() && !status.notice && status.last_error.is_none());
    assert_eq!(status.backups.len(), 1);

    // A day later without changes: nothing new either.
    assert!(!session
        .auto_backup(chrono::Utc::now() + chrono::Duration::days(2))
        .unwrap());
    // With a change, a day later: yes.
    session
        .write(|j| {
            api::entries::create(
                j,
                NewEntry {
                    body: "changed again".into(),
                    ..NewEntry::default()
                },
            )
        })
        .unwrap();
    assert!(session
        .auto_backup(chrono::Utc::now() + chrono::Duration::days(2))
        .unwrap());
    assert_eq!(count(), 2);

    // Back up now always writes (into the folder, rotated: the earlier backup of today
    // makes way for it, one per day).
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let before: Vec<_> = session.backup_status().unwrap().backups;
    let status = back_up_now(&mut session).unwrap();
    assert_eq!(count(), 2);
    assert_eq!(before[0], status.backups[0], "the later day's backup stays");
    assert!(
        !before.contains(&status.backups[1]),
        "today's is the new one"
    );

    // The folder disappears (USB stick pulled): a clear error kept for Settings, and
    // locking still works.
    std::fs::rename(&folder, tmp.path().join("pulled")).unwrap();
    let err = back_up_now(&mut session).unwrap_err();
    assert_eq!(err.code, ErrorCode::Unwritable);
    assert!(session.backup_status().unwrap().last_error.is_some());
    session
        .write(|j| {
            api::entries::create(
                j,
                NewEntry {
                    body: "written with the stick out".into(),
                    ..NewEntry::default()
                },
            )
        })
        .unwrap();
    session.lock().unwrap();
    unlock(&mut session, PASS).unwrap();
}

#[test]
fn sessions_go_through_save_list_hours_csv_and_delete() {
    let (_tmp, mut session, _) = created();
    let year = chrono::Utc::now().year();
    let entry = session
        .write(|j| {
            api::entries::create(
                j,
                NewEntry {
                    body: "a visit to talk through".into(),
                    ..Default::default()
                },
            )
        })
        .unwrap();
    let input = |month: u32, minutes: u32, role: SessionRole| SessionInput {
        id: None,
        date: chrono::NaiveDate::from_ymd_opt(year, month, 10).unwrap(),
        minutes,
        format: SessionFormat::Individual,
        with_whom: "my supervisor".into(),
        role,
        entries_discussed: vec![entry.id],
        notes: Some("what we noticed together".into()),
        details: Default::default(),
    };
    let first = session
        .write(|j| api::sessions::save(j, input(1, 90, SessionRole::Receiving)))
        .unwrap();
    session
        .write(|j| api::sessions::save(j, input(2, 60, SessionRole::Giving)))
        .unwrap();
    let changed = session
        .write(|j| {
            api::sessions::save(
                j,
                SessionInput {
                    id: Some(first.id),
                    ..input(3, 120, SessionRole::Receiving)
                },
            )
        })
        .unwrap();
    assert_eq!((changed.id, changed.revision), (first.id, 2));

    let settings = Settings {
        rsc_hours_target: Some(8),
        ..session.read(api::settings::get).unwrap()
    };
    session.write(|j| api::settings::save(j, settings)).unwrap();
    let hours = session
        .read(|j| api::sessions::hours(j, &HoursRequest { year }))
        .unwrap();
    assert_eq!((hours.received_minutes, hours.given_minutes), (120, 60));
    assert_eq!(hours.sessions, 2);
    assert_eq!(hours.target_hours, Some(8.0));
    assert!((hours.progress.unwrap() - 0.25).abs() < 1e-6);
    assert_eq!(hours.by_month[2].received_minutes, 120);

    let csv = session
        .read(|j| api::sessions::hours_csv(j, &HoursRequest { year }))
        .unwrap();
    assert_eq!(csv.lines().count(), 3, "header and two sessions");
    assert!(!csv.contains("noticed together"));

    session.lock().unwrap();
    let locked = session.read(|j| api::sessions::list(j, &SessionsRequest::default()));
    assert_eq!(locked.unwrap_err().code, ErrorCode::Locked);
    let locked = session.read(|j| api::sessions::hours_csv(j, &HoursRequest { year }));
    assert_eq!(locked.unwrap_err().code, ErrorCode::Locked);
    unlock(&mut session, PASS).unwrap();

    let listed = session
        .read(|j| api::sessions::list(j, &SessionsRequest { year: Some(year) }))
        .unwrap();
    let months: Vec<u32> = listed.iter().map(|s| s.date.month()).collect();
    assert_eq!(months, [3, 2], "newest first");
    assert_eq!(listed[0], changed);
    let none = session
        .read(|j| {
            api::sessions::list(
                j,
                &SessionsRequest {
                    year: Some(year - 1),
                },
            )
        })
        .unwrap();
    assert!(none.is_empty());

    let id = SessionRef { id: first.id };
    session.write(|j| api::sessions::delete(j, &id)).unwrap();
    assert_eq!(
        session
            .write(|j| api::sessions::delete(j, &id))
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );
    assert_eq!(
        session
            .read(|j| api::sessions::list(j, &SessionsRequest::default()))
            .unwrap()
            .len(),
        1
    );
    let refused = session
        .write(|j| api::sessions::save(j, input(1, 0, SessionRole::Receiving)))
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);
}

#[test]
fn session_requests_arrive_as_the_front_end_sends_them() {
    let (_tmp, mut session, _) = created();
    let req: SessionInput = serde_json::from_str(
        r#"{"id": null, "date": "2026-02-03", "minutes": 45, "format": "group",
            "with_whom": "Tuesday group", "role": "giving", "entries_discussed": [],
            "notes": null}"#,
    )
    .unwrap();
    let saved = session.write(|j| api::sessions::save(j, req)).unwrap();
    let sent = serde_json::to_value(&saved).unwrap();
    assert_eq!(sent["id"].as_str().unwrap().len(), 32);
    assert_eq!(sent["date"], "2026-02-03");
    assert_eq!(
        (sent["format"].as_str(), sent["role"].as_str()),
        (Some("group"), Some("giving"))
    );
    // Role defaults to receiving; unknown fields are refused.
    let short: SessionInput = serde_json::from_str(
        r#"{"date": "2026-02-04", "minutes": 30, "format": "individual", "with_whom": "K."}"#,
    )
    .unwrap();
    assert_eq!(short.role, SessionRole::Receiving);
    assert!(serde_json::from_str::<SessionInput>(
        r#"{"date": "2026-02-04", "minutes": 30, "format": "individual", "with_whom": "K.", "mood": 1}"#
    )
    .is_err());
    let id: SessionRef = serde_json::from_value(serde_json::json!({ "id": sent["id"] })).unwrap();
    let hours: HoursRequest = serde_json::from_str(r#"{"year": 2026}"#).unwrap();
    let all: SessionsRequest = serde_json::from_str("{}").unwrap();
    assert_eq!(all.year, None);
    assert_eq!(
        session
            .read(|j| api::sessions::hours(j, &hours))
            .unwrap()
            .given_minutes,
        45
    );
    session.write(|j| api::sessions::delete(j, &id)).unwrap();
    assert!(session
        .read(|j| api::sessions::list(j, &all))
        .unwrap()
        .is_empty());
}

#[test]
fn my_supports_are_tidied_capped_and_kept_through_a_lock() {
    let (_tmp, mut session, _) = created();
    let base = session.read(api::settings::get).unwrap();
    assert!(base.my_supports.is_empty());
    let support = |label: &str, reach: &str| Support {
        label: label.into(),
        reach: reach.into(),
    };
    let sent = Settings {
        my_supports: vec![
            support("  EAP  ", " 1-800-555-0100 "),
            support("", "   "),
            support("A friend", ""),
        ],
        crisis_line: Some("   ".into()),
        emergency_number: Some(" 911 ".into()),
        ..base.clone()
    };
    let saved = session.write(|j| api::settings::save(j, sent)).unwrap();
    // Trimmed; the empty row and the blank crisis line dropped; a support may have no
    // "how to reach" yet.
    assert_eq!(
        saved.my_supports,
        vec![support("EAP", "1-800-555-0100"), support("A friend", "")]
    );
    assert_eq!(saved.crisis_line, None);
    assert_eq!(saved.emergency_number.as_deref(), Some("911"));

    let mut refused = |settings: Settings| {
        session
            .write(|j| api::settings::save(j, settings))
            .unwrap_err()
    };
    let with = |supports: Vec<Support>| Settings {
        my_supports: supports,
        ..saved.clone()
    };
    let no_name = refused(with(vec![support("", "555-0100")]));
    assert_eq!(no_name.code, ErrorCode::InvalidInput);
    assert!(
        no_name.message.contains("needs a name"),
        "{}",
        no_name.message
    );
    let too_many = refused(with(
        (0..=attune::journal::MAX_SUPPORTS)
            .map(|i| support(&format!("Support {i}"), ""))
            .collect(),
    ));
    assert!(
        too_many.message.contains("up to 12"),
        "{}",
        too_many.message
    );
    let long_name = refused(with(vec![support(&"n".repeat(61), "")]));
    assert!(
        long_name.message.contains("60 characters"),
        "{}",
        long_name.message
    );
    let long_reach = refused(with(vec![support("EAP", &"5".repeat(121))]));
    assert!(
        long_reach.message.contains("120 characters"),
        "{}",
        long_reach.message
    );
    let two_lines = refused(with(vec![support("EAP", "555-0100\nask for Sam")]));
    assert!(
        two_lines.message.contains("one line"),
        "{}",
        two_lines.message
    );
    let long_line = refused(Settings {
        crisis_line: Some("9".repeat(81)),
        ..saved.clone()
    });
    assert!(
        long_line.message.contains("80 characters"),
        "{}",
        long_line.message
    );
    // Just inside every cap is fine.
    let full = with(
        (0..attune::journal::MAX_SUPPORTS)
            .map(|i| support(&format!("{i:0>60}"), &"5".repeat(120)))
            .collect(),
    );
    session
        .write(|j| api::settings::save(j, full.clone()))
        .unwrap();
    session.lock().unwrap();
    unlock(&mut session, PASS).unwrap();
    assert_eq!(session.read(api::settings::get).unwrap(), full);
}

#[test]
fn settings_saved_before_the_supports_and_reminders_existed_still_load() {
    let old: Settings = serde_json::from_str(
        r#"{"auto_lock_minutes": 7, "theme": "dark", "privacy_mode": true, "deid_allow": [], "rsc_hours_target": 12}"#,
    )
    .unwrap();
    assert!(old.my_supports.is_empty());
    assert_eq!((old.crisis_line, old.emergency_number), (None, None));
    // The reminder stays on for someone who never chose; the one-time cards show once.
    assert!(old.checkin_reminder);
    assert!(!old.seen_before_you_write && !old.seen_share_limits);
}

#[test]
fn settings_saved_before_the_hours_target_existed_still_load() {
    let old: Settings = serde_json::from_str(
        r#"{"auto_lock_minutes": 7, "theme": "dark", "privacy_mode": true, "deid_allow": []}"#,
    )
    .unwrap();
    assert_eq!(old.rsc_hours_target, None);
}

#[test]
fn restoring_a_backup_in_the_app_locks_and_keeps_the_replaced_journal() {
    let (tmp, mut session, _) = created();
    let folder = tmp.path().join("backups");
    std::fs::create_dir(&folder).unwrap();
    session.set_backup_folder(&folder).unwrap();
    session
        .write(|j| {
            api::entries::create(
                j,
                NewEntry {
                    title: Some("In the backup".into()),
                    ..NewEntry::default()
                },
            )
        })
        .unwrap();
    let status = back_up_now(&mut session).unwrap();
    let file = folder.join(&status.backups[0].file_name);
    session
        .write(|j| {
            api::entries::create(
                j,
                NewEntry {
                    title: Some("After the backup".into()),
                    ..NewEntry::default()
                },
            )
        })
        .unwrap();

    // A file that is not a backup changes nothing and keeps the journal open.
    let not_backup = tmp.path().join("notes.txt");
    std::fs::write(&not_backup, "hello").unwrap();
    assert_eq!(
        session.restore_backup(&not_backup).unwrap_err().code,
        ErrorCode::DamagedJournal
    );
    assert!(session.status().unlocked);

    let restored = session.restore_backup(&file).unwrap();
    assert!(!session.status().unlocked, "locked after a restore");
    assert!(restored.kept_as.starts_with("attune-backup-"));
    assert!(session
        .dir()
        .join("kept-before-restore")
        .join(&restored.kept_as)
        .is_file());
    unlock(&mut session, PASS).unwrap();
    let titles: Vec<_> = session
        .read(|j| api::entries::find(j, &FindRequest::default()))
        .unwrap()
        .items
        .into_iter()
        .map(|e| e.title.unwrap_or_default())
        .collect();
    assert_eq!(titles, ["In the backup"]);
}

#[test]
fn a_new_computer_restores_a_backup_before_any_journal_exists() {
    let (tmp, mut session, _) = created();
    session
        .write(|j| {
            api::entries::create(
                j,
                NewEntry {
                    title: Some("Carried over".into()),
                    ..NewEntry::default()
                },
            )
        })
        .unwrap();
    let file = tmp.path().join("moving.attune");
    session.lock().unwrap();
    let image = attune::store::Store::open(session.dir())
        .unwrap()
        .snapshot()
        .unwrap();
    std::fs::write(&file, image).unwrap();

    let mut fresh = App::new(tmp.path().join("new-laptop"));
    assert!(!fresh.status().has_journal);
    let restored = fresh.restore_backup(&file).unwrap();
    assert!(restored.kept_as.is_empty());
    assert!(fresh.status().has_journal && !fresh.status().unlocked);
    unlock(&mut fresh, PASS).unwrap();
    let page = fresh
        .read(|j| api::entries::find(j, &FindRequest::default()))
        .unwrap();
    assert_eq!(page.items[0].title.as_deref(), Some("Carried over"));

    // Over an existing journal, only while it is unlocked.
    let mut locked = App::new(session.dir().to_path_buf());
    assert_eq!(
        locked.restore_backup(&file).unwrap_err().code,
        ErrorCode::Locked
    );
}

#[test]
fn a_backup_copy_for_moving_opens_elsewhere_and_needs_the_journal_unlocked() {
    let (tmp, mut session, _) = created();
    session
        .write(|j| {
            api::entries::create(
                j,
                NewEntry {
                    title: Some("Moving with me".into()),
                    ..NewEntry::default()
                },
            )
        })
        .unwrap();
    let name = api::backups::copy_file_name();
    assert!(name.starts_with("attune-backup-") && name.ends_with(".attune"));
    let path = tmp.path().join(&name);
    let saved = session
        .read(|j| api::backups::save_copy(j.vault().store(), &path, api::WriteMode::Replace))
        .unwrap();
    assert_eq!(saved.file_name.as_deref(), Some(name.as_str()));
    let elsewhere = tmp.path().join("elsewhere");
    attune::store::backup::restore_into(&elsewhere, &path).unwrap();
    let mut other = App::new(elsewhere);
    unlock(&mut other, PASS).unwrap();
    let page = other
        .read(|j| api::entries::find(j, &FindRequest::default()))
        .unwrap();
    assert_eq!(page.items[0].title.as_deref(), Some("Moving with me"));
    session.lock().unwrap();
    assert_eq!(
        session
            .read(|j| api::backups::save_copy(
                j.vault().store(),
                &tmp.path().join("again.attune"),
                api::WriteMode::Replace
            ))
            .unwrap_err()
            .code,
        ErrorCode::Locked
    );
}
