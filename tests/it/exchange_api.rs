//! The exchange's App methods (what the desktop shell calls), on two real
//! journals, through files as the shell would pass them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use attune::api::{
    self, AgendaMark, App, CardRole, ConfirmContactRequest, ContactCardRequest, ContactRef,
    CreateRequest, ErrorCode, FeedbackRequest, ImportCardFileRequest, ImportCardRequest,
    InboxRequest, MyRelation, NewEntry, PacketKind, ResponseRequest, SecretText, ShareRequest,
    WithdrawRequest,
};
use attune::vault::KdfChoice;
use tempfile::TempDir;

fn session(tmp: &TempDir, name: &str) -> App {
    let dir = tmp.path().join(name);
    let mut session = App::new(dir.clone());
    let req = CreateRequest {
        passphrase: SecretText::new("exchange api passphrase"),
    };
    let (journal, _) = api::keys::create_journal(&dir, &req, KdfChoice::TestFast).unwrap();
    session.install(journal).unwrap();
    session
}

#[test]
fn the_whole_exchange_runs_through_session_methods_and_files() {
    let tmp = TempDir::new().unwrap();
    let mut alex = session(&tmp, "alex");
    let mut sam = session(&tmp, "sam");
    let me = alex.write(api::exchange::identity_show).unwrap();
    assert_eq!(me.signing_key.len(), 64);
    assert_eq!(
        alex.write(api::exchange::identity_show).unwrap(),
        me,
        "made once, then kept"
    );

    // Cards: one pasted as text, one through a file.
    let card = alex
        .write(|j| {
            api::exchange::export_contact_card(
                j,
                &ContactCardRequest {
                    name: "Alex".into(),
                    role: CardRole::Supervisee,
                },
            )
        })
        .unwrap();
    assert!(!card.file_name.contains("Alex"));
    let sam_card_file = tmp.path().join(&card.file_name);
    sam.write(|j| {
        api::exchange::export_contact_card_to(
            j,
            &ContactCardRequest {
                name: "Sam".into(),
                role: CardRole::Supervisor,
            },
            &sam_card_file,
            api::WriteMode::Replace,
        )
    })
    .unwrap();
    let alex_in_sam = sam
        .write(|j| {
            api::exchange::import_contact_card(
                j,
                &ImportCardRequest {
                    text: card.text.clone(),
                    relation: MyRelation::MySupervisee,
                    replace_key: false,
                },
            )
        })
        .unwrap();
    let sam_in_alex = alex
        .write(|j| {
            api::exchange::import_contact_card_file(
                j,
                &ImportCardFileRequest {
                    relation: MyRelation::MySupervisor,
                    replace_key: false,
                },
                &sam_card_file,
            )
        })
        .unwrap();
    assert_eq!(alex_in_sam.safety_code, sam_in_alex.safety_code);
    let to_sam = ContactRef {
        contact_id: sam_in_alex.id[..6].to_string(),
    };
    let to_alex = ContactRef {
        contact_id: alex_in_sam.id.clone(),
    };
    for (s, id) in [(&mut alex, &sam_in_alex.id), (&mut sam, &alex_in_sam.id)] {
        let confirmed = s
            .write(|j| {
                api::exchange::confirm_contact(
                    j,
                    &ConfirmContactRequest {
                        contact_id: id.clone(),
                        compared: true,
                    },
                )
            })
            .unwrap();
        assert!(confirmed.usable);
        assert_eq!(
            s.write(api::exchange::list_contacts).unwrap(),
            vec![confirmed]
        );
    }

    // Share what is flagged.
    let flagged = alex
        .write(|j| {
            api::entries::create(
                j,
                NewEntry {
                    body: "Call me on 0612 345 678 about it.".into(),
                    bring_to_supervision: true,
                    ..Default::default()
                },
            )
        })
        .unwrap()
        .id;
    alex.write(|j| {
        api::entries::create(
            j,
            NewEntry {
                body: "Kept to myself.".into(),
                ..Default::default()
            },
        )
    })
    .unwrap();
    let ids = alex
        .read(|j| Ok(api::exchange::flagged_for_supervision(j)))
        .unwrap()
        .entry_ids;
    assert_eq!(ids, vec![flagged]);
    let share = ShareRequest {
        contact_id: to_sam.contact_id.clone(),
        entry_ids: ids.clone(),
    };
    let preview = alex
        .write(|j| api::exchange::preview_share(j, &share))
        .unwrap();
    assert_eq!(preview.entries.len(), 1);
    assert!(preview.identifying >= 1, "the phone number is flagged");
    assert!(alex
        .write(|j| api::exchange::share_status(j, &to_sam))
        .unwrap()
        .shared
        .is_empty());
    assert_eq!(
        alex.write(|j| api::exchange::share_entries(j, &share))
            .unwrap()
            .shared
            .len(),
        1
    );
    let name = api::exchange::packet_file_name(PacketKind::Share);
    assert!(name.starts_with("attune-share-") && name.ends_with(".attune-packet"));
    let packet_file = tmp.path().join(name);
    alex.write(|j| {
        api::exchange::write_share_packet_to(j, &to_sam, &packet_file, api::WriteMode::Replace)
    })
    .unwrap();
    let got = sam
        .write(|j| api::exchange::import_packet_file(j, &packet_file))
        .unwrap();
    assert_eq!((got.kind, got.entries), (PacketKind::Share, 1));
    assert!(
        sam.write(|j| api::exchange::import_packet_file(j, &packet_file))
            .unwrap()
            .already_imported
    );

    // The supervisor reads, marks the agenda and responds.
    let inbox = sam
        .write(|j| api::exchange::inbox(j, &InboxRequest::default()))
        .unwrap();
    assert_eq!(inbox.len(), 1);
    let shared_id = inbox[0].items[0].entry.entry_id.clone();
    assert_eq!(shared_id, flagged.to_hex());
    sam.write(|j| {
        api::exchange::set_agenda(
            j,
            &AgendaMark {
                contact_id: to_alex.contact_id.clone(),
                entry_id: shared_id.clone(),
                on_agenda: true,
            },
        )
    })
    .unwrap();
    assert_eq!(
        sam.write(|j| api::exchange::agenda(j, &to_alex))
            .unwrap()
            .len(),
        1
    );
    let response = sam
        .write(|j| {
            api::exchange::write_response(
                j,
                &ResponseRequest {
                    contact_id: to_alex.contact_id.clone(),
                    entry_id: shared_id.clone(),
                    heard: String::new(),
                    noticed: String::new(),
                    wonder: "I wonder what the baby made of the call.".into(),
                    stays: String::new(),
                },
            )
        })
        .unwrap();
    assert!(response.mine);
    assert_eq!(
        sam.write(|j| api::exchange::responses_written(j, &to_alex))
            .unwrap(),
        vec![response]
    );
    let fb_file = tmp
        .path()
        .join(api::exchange::packet_file_name(PacketKind::Feedback));
    sam.write(|j| {
        api::exchange::write_feedback_packet_to(j, &to_alex, &fb_file, api::WriteMode::Replace)
    })
    .unwrap();
    assert!(sam
        .write(|j| api::exchange::responses_written(j, &to_alex))
        .unwrap()[0]
        .sent_at
        .is_some());

    let back = alex
        .write(|j| api::exchange::import_packet_file(j, &fb_file))
        .unwrap();
    assert_eq!(back.responses, 1);
    let threads = alex
        .read(|j| {
            api::exchange::feedback_for(
                j,
                &FeedbackRequest {
                    entry_id: Some(flagged),
                },
            )
        })
        .unwrap();
    assert_eq!(threads.len(), 1);
    assert_eq!(threads[0].supervisor_name, "Sam");
    assert_eq!(
        threads[0].wonder,
        "I wonder what the baby made of the call."
    );

    // Withdraw; the next packet removes it on the supervisor's side.
    let withdrawn = alex
        .write(|j| {
            api::exchange::withdraw_entry(
                j,
                &WithdrawRequest {
                    contact_id: to_sam.contact_id.clone(),
                    entry_id: flagged,
                },
            )
        })
        .unwrap();
    assert!(withdrawn.note.contains("cannot be recalled"));
    let bytes = alex
        .write(|j| api::exchange::write_share_packet(j, &to_sam))
        .unwrap();
    assert_eq!(
        sam.write(|j| api::exchange::import_packet(j, &bytes))
            .unwrap()
            .withdrawn,
        1
    );
    assert!(sam
        .write(|j| api::exchange::inbox(j, &InboxRequest::default()))
        .unwrap()[0]
        .items
        .is_empty());

    // Locked: nothing answers.
    alex.lock().unwrap();
    assert_eq!(
        alex.write(api::exchange::list_contacts).unwrap_err().code,
        ErrorCode::Locked
    );
    assert_eq!(
        alex.write(|j| api::exchange::import_packet(j, &bytes))
            .unwrap_err()
            .code,
        ErrorCode::Locked
    );
}

#[test]
fn an_oversized_or_missing_packet_file_is_refused_before_reading() {
    let tmp = TempDir::new().unwrap();
    let mut s = session(&tmp, "j");
    let big = tmp.path().join("big.attune");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(attune::share::packet::MAX_PACKET_BYTES as u64 + 1)
        .unwrap();
    let err = s
        .write(|j| api::exchange::import_packet_file(j, &big))
        .unwrap_err();
    assert!(err.message.contains("too large"), "{}", err.message);
    let err = s
        .write(|j| api::exchange::import_packet_file(j, &tmp.path().join("none.attune")))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
}
