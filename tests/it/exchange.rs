//! The supervision exchange between two (or three) journals: identity, contacts and
//! safety codes, sharing, import safety, withdrawal and feedback.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use crate::support::packets::Party;
use crate::support::*;
use attune::journal::{EntryChange, EntryId, Journal, NewEntry};
use attune::share::contacts::ContactCard;
use attune::share::document::{
    FeedbackResponse, PacketContent, PacketDocument, PartyKeys, SharedEntry, PACKET_FORMAT,
};
use attune::share::packet::seal_packet;
use attune::share::{safety_code, CardRole, MyRelation, PacketKind};
use attune::ErrorCode;
use chrono::{NaiveDate, Utc};

fn journal(dir: &Path) -> Journal {
    create_journal(dir).0
}

fn entry(j: &mut Journal, body: &str, flagged: bool) -> EntryId {
    j.add(
        NewEntry {
            title: Some("Home visit".into()),
            body: body.into(),
            family_code: Some("FAM1".into()),
            bring_to_supervision: flagged,
            ..Default::default()
        },
        now(),
    )
    .unwrap()
    .id
}

fn keys_of(j: &mut Journal) -> PartyKeys {
    let me = Exchange::new(&mut *j).identity_show().unwrap();
    PartyKeys {
        signing_key: me.signing_key,
        age_recipient: me.age_recipient,
    }
}

fn shared_entry(id: &str) -> SharedEntry {
    SharedEntry {
        entry_id: id.into(),
        revision: 1,
        encounter_date: NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(),
        kind: attune::journal::EntryKind::Encounter,
        setting: None,
        family_code: None,
        title: None,
        pack_title: None,
        answers: Vec::new(),
        body: "words".into(),
        tags: Vec::new(),
        carrying: None,
    }
}

fn feedback(entry_id: &str) -> PacketContent {
    PacketContent::Feedback {
        responses: vec![FeedbackResponse {
            response_id: "ab".repeat(16),
            entry_id: entry_id.into(),
            revision: 1,
            written_at: Utc::now(),
            heard: "I heard".into(),
            noticed: String::new(),
            wonder: String::new(),
            stays: String::new(),
        }],
        withdrawn: Vec::new(),
    }
}

/// Import must be refused with a message containing `says`, and the journal's files
/// must not change by a byte.
fn assert_refused(j: &mut Journal, dir: &Path, packet: &[u8], says: &str) {
    let before = journal_files(dir);
    let err = Exchange::new(&mut *j).import_packet(packet).unwrap_err();
    assert_eq!(err.code, ErrorCode::PacketRefused, "{}", err.message);
    assert!(err.message.contains(says), "{}", err.message);
    assert_same_files(&before, &journal_files(dir), says);
}

#[test]
fn an_entry_goes_to_the_supervisor_and_feedback_comes_back_under_it() {
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, mut b) = (journal(da.path()), journal(db.path()));
    let (sam, alex) = pair(&mut a, &mut b);
    let e = entry(&mut a, "The baby turned towards the window.", true);
    let _private = entry(&mut a, "Not for sharing.", false);
    assert_eq!(a.entries_flagged_for_supervision(), vec![e]);

    let preview = Exchange::new(&mut a).preview_share(&sam, &[e]).unwrap();
    assert_eq!(preview.entries.len(), 1);
    assert_eq!(
        preview.entries[0].entry.body,
        "The baby turned towards the window."
    );
    assert!(
        Exchange::new(&mut a)
            .share_status(&sam)
            .unwrap()
            .shared
            .is_empty(),
        "preview changes nothing"
    );

    Exchange::new(&mut a).share(&sam, &[e]).unwrap();
    let packet = Exchange::new(&mut a).write_share_packet(&sam).unwrap();
    assert!(packet.starts_with(b"age-encryption.org/v1\n"));
    let status = Exchange::new(&mut a).share_status(&sam).unwrap();
    assert_eq!(status.shared[0].entry_id, e);
    assert!(status.shared[0].last_sent_at.is_some());

    let got = Exchange::new(&mut b).import_packet(&packet).unwrap();
    assert_eq!(
        (got.kind, got.entries, got.already_imported),
        (PacketKind::Share, 1, false)
    );
    let inbox = Exchange::new(&mut b).inbox(Some(&alex)).unwrap();
    assert_eq!(inbox[0].contact_name, "Alex");
    assert_eq!(inbox[0].items[0].entry.entry_id, e.to_hex());
    assert_eq!(
        inbox[0].items[0].entry.body,
        "The baby turned towards the window."
    );

    Exchange::new(&mut b)
        .set_agenda(&alex, &e.to_hex(), true)
        .unwrap();
    assert_eq!(Exchange::new(&mut b).agenda(&alex).unwrap().len(), 1);
    Exchange::new(&mut b)
        .write_response(
            &alex,
            &e.to_hex()[..6],
            attune::share::exchange::ResponseParts {
                heard: "You stayed with the baby's gaze.",
                noticed: "How gently you named the rupture.",
                stays: "The window.",
                ..Default::default()
            },
        )
        .unwrap();
    let fb = Exchange::new(&mut b).write_feedback_packet(&alex).unwrap();

    let back = Exchange::new(&mut a).import_packet(&fb).unwrap();
    assert_eq!(
        (back.kind, back.responses, back.unknown_entries),
        (PacketKind::Feedback, 1, 0)
    );
    let threads = Exchange::new(&mut a).feedback_for(Some(&e)).unwrap();
    assert_eq!(threads.len(), 1);
    assert_eq!(threads[0].supervisor_name, "Sam");
    assert_eq!(threads[0].heard, "You stayed with the baby's gaze.");
    assert_eq!(threads[0].noticed, "How gently you named the rupture.");
    assert_eq!(threads[0].stays, "The window.");
    assert!(!threads[0].mine && threads[0].entry_known);

    // A later share keeps the supervisor's agenda mark and carries the edited entry.
    a.edit(
        &e,
        EntryChange {
            body: Some("Edited words.".into()),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    let again = Exchange::new(&mut a).write_share_packet(&sam).unwrap();
    Exchange::new(&mut b).import_packet(&again).unwrap();
    let item = &Exchange::new(&mut b).inbox(Some(&alex)).unwrap()[0].items[0];
    assert_eq!(item.entry.body, "Edited words.");
    assert!(item.on_agenda);
}

#[test]
fn both_sides_see_the_same_safety_code_and_other_keys_give_another() {
    let (da, db, dc) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let (mut a, mut b, mut c) = (journal(da.path()), journal(db.path()), journal(dc.path()));
    let card_a = Exchange::new(&mut a)
        .export_card("Alex", CardRole::Supervisee)
        .unwrap();
    let card_b = Exchange::new(&mut b)
        .export_card("Sam", CardRole::Supervisor)
        .unwrap();
    let card_c = Exchange::new(&mut c)
        .export_card("Kim", CardRole::Supervisor)
        .unwrap();
    let b_in_a = Exchange::new(&mut a)
        .import_card(&card_b, MyRelation::MySupervisor, false)
        .unwrap();
    let a_in_b = Exchange::new(&mut b)
        .import_card(&card_a, MyRelation::MySupervisee, false)
        .unwrap();
    let c_in_a = Exchange::new(&mut a)
        .import_card(&card_c, MyRelation::MySupervisor, false)
        .unwrap();
    assert_eq!(b_in_a.safety_code, a_in_b.safety_code);
    assert_ne!(b_in_a.safety_code, c_in_a.safety_code);
    assert_eq!(
        b_in_a.safety_code,
        safety_code(&keys_of(&mut a), &keys_of(&mut b))
    );
    assert!(!b_in_a.confirmed && !b_in_a.usable);
    // Confirming needs the comparison.
    assert!(Exchange::new(&mut a)
        .confirm_contact(&contact_id(&b_in_a.id), false)
        .is_err());
    assert!(
        Exchange::new(&mut a)
            .confirm_contact(&contact_id(&b_in_a.id), true)
            .unwrap()
            .usable
    );
}

#[test]
fn a_card_of_the_wrong_role_or_my_own_is_refused() {
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, mut b) = (journal(da.path()), journal(db.path()));
    let card_b = Exchange::new(&mut b)
        .export_card("Sam", CardRole::Supervisor)
        .unwrap();
    let err = Exchange::new(&mut a)
        .import_card(&card_b, MyRelation::MySupervisee, false)
        .unwrap_err();
    assert!(err.message.contains("supervisor"), "{}", err.message);
    let mine = Exchange::new(&mut a)
        .export_card("Alex", CardRole::Both)
        .unwrap();
    assert!(Exchange::new(&mut a)
        .import_card(&mine, MyRelation::Both, false)
        .unwrap_err()
        .message
        .contains("own"));
    assert!(Exchange::new(&mut a).contacts().unwrap().is_empty());
}

#[test]
fn an_unconfirmed_contact_cannot_be_shared_with_and_its_packets_are_refused() {
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, mut b) = (journal(da.path()), journal(db.path()));
    let card_a = Exchange::new(&mut a)
        .export_card("Alex", CardRole::Supervisee)
        .unwrap();
    let card_b = Exchange::new(&mut b)
        .export_card("Sam", CardRole::Supervisor)
        .unwrap();
    let sam = contact_id(
        &Exchange::new(&mut a)
            .import_card(&card_b, MyRelation::MySupervisor, false)
            .unwrap()
            .id,
    );
    let alex = contact_id(
        &Exchange::new(&mut b)
            .import_card(&card_a, MyRelation::MySupervisee, false)
            .unwrap()
            .id,
    );
    let e = entry(&mut a, "Words.", false);
    assert!(Exchange::new(&mut a)
        .share(&sam, &[e])
        .unwrap_err()
        .message
        .contains("safety code"));
    Exchange::new(&mut a).confirm_contact(&sam, true).unwrap();
    Exchange::new(&mut a).share(&sam, &[e]).unwrap();
    let packet = Exchange::new(&mut a).write_share_packet(&sam).unwrap();
    // b has not confirmed Alex yet.
    assert_refused(&mut b, db.path(), &packet, "not confirmed");
    Exchange::new(&mut b).confirm_contact(&alex, true).unwrap();
    assert_eq!(
        Exchange::new(&mut b)
            .import_packet(&packet)
            .unwrap()
            .entries,
        1
    );
}

#[test]
fn a_packet_from_someone_never_pinned_is_refused() {
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, mut b) = (journal(da.path()), journal(db.path()));
    let peer = Party::new("Robin");
    let to_b = keys_of(&mut b);
    let _ = pair(&mut a, &mut b);
    let packet = peer.packet(
        &to_b,
        5,
        PacketContent::Share {
            entries: vec![],
            withdrawn: vec![],
        },
    );
    assert_refused(&mut b, db.path(), &packet, "confirmed as a contact");
}

#[test]
fn shares_only_from_supervisees_and_feedback_only_from_supervisors() {
    let dir = tempfile::tempdir().unwrap();
    let mut me = journal(dir.path());
    let mine = keys_of(&mut me);
    let supervisor = Party::new("Robin");
    let sup = Exchange::new(&mut me)
        .import_card(
            &supervisor.card(CardRole::Supervisor),
            MyRelation::MySupervisor,
            false,
        )
        .unwrap();
    Exchange::new(&mut me)
        .confirm_contact(&contact_id(&sup.id), true)
        .unwrap();
    let share = supervisor.packet(
        &mine,
        10,
        PacketContent::Share {
            entries: vec![shared_entry(&"c".repeat(32))],
            withdrawn: vec![],
        },
    );
    assert_refused(&mut me, dir.path(), &share, "not your supervisee");

    let supervisee = Party::new("Robin");
    // The same name as a pinned contact with other keys reads as a key change.
    let same_name = Exchange::new(&mut me).import_card(
        &supervisee.card(CardRole::Supervisee),
        MyRelation::MySupervisee,
        false,
    );
    assert!(same_name.unwrap_err().message.contains("different keys"));
    let card = ContactCard {
        name: "Jo".into(),
        role: CardRole::Supervisee,
        keys: supervisee.keys(),
    }
    .to_text();
    let sv = Exchange::new(&mut me)
        .import_card(&card, MyRelation::MySupervisee, false)
        .unwrap();
    Exchange::new(&mut me)
        .confirm_contact(&contact_id(&sv.id), true)
        .unwrap();
    let fb = supervisee.packet(&mine, 10, feedback(&"d".repeat(32)));
    assert_refused(&mut me, dir.path(), &fb, "not your supervisor");
}

#[test]
fn an_older_packet_is_refused_and_the_same_packet_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut me = journal(dir.path());
    let mine = keys_of(&mut me);
    let peer = Party::new("Robin");
    let c = Exchange::new(&mut me)
        .import_card(
            &peer.card(CardRole::Supervisee),
            MyRelation::MySupervisee,
            false,
        )
        .unwrap();
    Exchange::new(&mut me)
        .confirm_contact(&contact_id(&c.id), true)
        .unwrap();
    let share = |seq: u64, ids: &[&str]| {
        peer.packet(
            &mine,
            seq,
            PacketContent::Share {
                entries: ids.iter().map(|i| shared_entry(i)).collect(),
                withdrawn: vec![],
            },
        )
    };
    let (one, two) = ("1".repeat(32), "2".repeat(32));
    let first = share(100, &[&one]);
    let second = share(200, &[&one, &two]);
    assert_eq!(
        Exchange::new(&mut me)
            .import_packet(&second)
            .unwrap()
            .entries,
        2
    );
    assert_refused(&mut me, dir.path(), &first, "older than one already opened");
    // A replay of a different packet with the same sequence is refused too.
    let same_seq = share(200, &[&one]);
    assert_refused(
        &mut me,
        dir.path(),
        &same_seq,
        "older than one already opened",
    );

    let before = journal_files(dir.path());
    let again = Exchange::new(&mut me).import_packet(&second).unwrap();
    assert!(again.already_imported);
    assert_same_files(&before, &journal_files(dir.path()), "same packet twice");
    assert_eq!(
        Exchange::new(&mut me).inbox(None).unwrap()[0].items.len(),
        2
    );
}

#[test]
fn a_packet_meant_for_someone_else_is_refused() {
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, mut b) = (journal(da.path()), journal(db.path()));
    let mine = keys_of(&mut a);
    let other = keys_of(&mut b);
    let peer = Party::new("Robin");
    for j in [&mut a, &mut b] {
        let c = Exchange::new(&mut *j)
            .import_card(
                &peer.card(CardRole::Supervisee),
                MyRelation::MySupervisee,
                false,
            )
            .unwrap();
        Exchange::new(&mut *j)
            .confirm_contact(&contact_id(&c.id), true)
            .unwrap();
    }
    let to_b = peer.packet(
        &other,
        7,
        PacketContent::Share {
            entries: vec![],
            withdrawn: vec![],
        },
    );
    assert_refused(&mut a, da.path(), &to_b, "not sent to this journal");
    // Encrypted to me but addressed to someone else inside.
    let doc = PacketDocument {
        format: PACKET_FORMAT,
        packet_id: "e".repeat(32),
        sequence: 8,
        created_at: Utc::now(),
        sender: peer.keys(),
        sender_name: "Robin".into(),
        recipient: other.clone(),
        content: PacketContent::Share {
            entries: vec![],
            withdrawn: vec![],
        },
    };
    let misdirected = seal_packet(
        &doc,
        &peer.signing,
        std::slice::from_ref(&mine.age_recipient),
    )
    .unwrap();
    assert_refused(&mut a, da.path(), &misdirected, "addressed to someone else");
    let mut tampered = to_b.clone();
    let n = tampered.len() - 10;
    tampered[n] ^= 1;
    assert_refused(&mut b, db.path(), &tampered, "damaged or was changed");
}

#[test]
fn a_changed_key_is_refused_until_the_new_safety_code_is_confirmed() {
    let (da, db, db2) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let (mut a, mut b) = (journal(da.path()), journal(db.path()));
    let (sam, _alex) = pair(&mut a, &mut b);
    let old_code = Exchange::new(&mut a).contact(&sam).unwrap().safety_code;
    // Sam sets Attune up again: a new journal, new keys, same name.
    let mut b2 = journal(db2.path());
    let card_b2 = Exchange::new(&mut b2)
        .export_card("Sam", CardRole::Supervisor)
        .unwrap();
    let before = journal_files(da.path());
    let err = Exchange::new(&mut a)
        .import_card(&card_b2, MyRelation::MySupervisor, false)
        .unwrap_err();
    assert!(err.message.contains("different keys"), "{}", err.message);
    assert_same_files(&before, &journal_files(da.path()), "refused key change");

    let changed = Exchange::new(&mut a)
        .import_card(&card_b2, MyRelation::MySupervisor, true)
        .unwrap();
    let change = changed.key_change.clone().unwrap();
    assert_ne!(change.safety_code, old_code);
    assert!(!changed.usable);
    let e = entry(&mut a, "Words.", false);
    assert!(Exchange::new(&mut a)
        .share(&sam, &[e])
        .unwrap_err()
        .message
        .contains("keys changed"));

    let confirmed = Exchange::new(&mut a).confirm_contact(&sam, true).unwrap();
    assert!(confirmed.usable && confirmed.key_change.is_none());
    assert_eq!(confirmed.safety_code, change.safety_code);
    let card_a = Exchange::new(&mut a)
        .export_card("Alex", CardRole::Supervisee)
        .unwrap();
    let a_in_b2 = contact_id(
        &Exchange::new(&mut b2)
            .import_card(&card_a, MyRelation::MySupervisee, false)
            .unwrap()
            .id,
    );
    Exchange::new(&mut b2)
        .confirm_contact(&a_in_b2, true)
        .unwrap();
    Exchange::new(&mut a).share(&sam, &[e]).unwrap();
    let packet = Exchange::new(&mut a).write_share_packet(&sam).unwrap();
    assert_eq!(
        Exchange::new(&mut b2)
            .import_packet(&packet)
            .unwrap()
            .entries,
        1
    );
    // The old journal's key no longer opens anything new.
    assert!(Exchange::new(&mut b).import_packet(&packet).is_err());
}

#[test]
fn withdrawing_removes_the_entry_on_the_supervisors_side() {
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, mut b) = (journal(da.path()), journal(db.path()));
    let (sam, alex) = pair(&mut a, &mut b);
    let keep = entry(&mut a, "Keep.", true);
    let take_back = entry(&mut a, "Take back.", true);
    Exchange::new(&mut a)
        .share(&sam, &[keep, take_back])
        .unwrap();
    Exchange::new(&mut b)
        .import_packet(&Exchange::new(&mut a).write_share_packet(&sam).unwrap())
        .unwrap();
    assert_eq!(
        Exchange::new(&mut b).inbox(Some(&alex)).unwrap()[0]
            .items
            .len(),
        2
    );

    let status = Exchange::new(&mut a).withdraw(&sam, &take_back).unwrap();
    assert_eq!(status.withdrawn[0].entry_id, take_back);
    assert!(attune::share::WITHDRAW_NOTE.contains("cannot be recalled"));
    let preview = Exchange::new(&mut a).preview_share(&sam, &[]).unwrap();
    assert_eq!(preview.withdrawn, vec![take_back.to_hex()]);
    let got = Exchange::new(&mut b)
        .import_packet(&Exchange::new(&mut a).write_share_packet(&sam).unwrap())
        .unwrap();
    assert_eq!((got.entries, got.withdrawn), (1, 1));
    let items = &Exchange::new(&mut b).inbox(Some(&alex)).unwrap()[0].items;
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].entry.entry_id, keep.to_hex());

    // An entry moved to the trash goes out as withdrawn too.
    a.trash(&keep, now()).unwrap();
    Exchange::new(&mut b)
        .import_packet(&Exchange::new(&mut a).write_share_packet(&sam).unwrap())
        .unwrap();
    assert!(Exchange::new(&mut b).inbox(Some(&alex)).unwrap()[0]
        .items
        .is_empty());
}

#[test]
fn feedback_on_an_entry_this_journal_lacks_is_kept_and_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let mut me = journal(dir.path());
    let mine = keys_of(&mut me);
    let peer = Party::new("Robin");
    let c = Exchange::new(&mut me)
        .import_card(
            &peer.card(CardRole::Supervisor),
            MyRelation::MySupervisor,
            false,
        )
        .unwrap();
    Exchange::new(&mut me)
        .confirm_contact(&contact_id(&c.id), true)
        .unwrap();
    let got = Exchange::new(&mut me)
        .import_packet(&peer.packet(&mine, 3, feedback(&"9".repeat(32))))
        .unwrap();
    assert_eq!((got.responses, got.unknown_entries), (1, 1));
    let all = Exchange::new(&mut me).feedback_for(None).unwrap();
    assert_eq!(all.len(), 1);
    assert!(!all[0].entry_known);
    assert_eq!(all[0].supervisor_name, "Robin");
}

#[test]
fn a_response_needs_at_least_one_part_and_an_entry_that_was_shared() {
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, mut b) = (journal(da.path()), journal(db.path()));
    let (sam, alex) = pair(&mut a, &mut b);
    let e = entry(&mut a, "Words.", true);
    Exchange::new(&mut a).share(&sam, &[e]).unwrap();
    Exchange::new(&mut b)
        .import_packet(&Exchange::new(&mut a).write_share_packet(&sam).unwrap())
        .unwrap();
    assert!(Exchange::new(&mut b)
        .write_response(
            &alex,
            &e.to_hex(),
            attune::share::exchange::ResponseParts {
                heard: " ",
                wonder: "",
                stays: "",
                ..Default::default()
            }
        )
        .is_err());
    let long = "x".repeat(attune::share::exchange::MAX_RESPONSE_PART_CHARS + 1);
    assert!(Exchange::new(&mut b)
        .write_response(
            &alex,
            &e.to_hex(),
            attune::share::exchange::ResponseParts {
                heard: &long,
                wonder: "",
                stays: "",
                ..Default::default()
            }
        )
        .is_err());
    assert!(Exchange::new(&mut b)
        .write_response(
            &alex,
            &"f".repeat(32),
            attune::share::exchange::ResponseParts {
                heard: "heard",
                wonder: "",
                stays: "",
                ..Default::default()
            }
        )
        .is_err());
    assert!(
        Exchange::new(&mut b).write_feedback_packet(&alex).is_err(),
        "nothing written yet"
    );
    // Sam is my supervisor: responses do not go that way.
    assert!(Exchange::new(&mut a)
        .write_response(
            &sam,
            &e.to_hex(),
            attune::share::exchange::ResponseParts {
                heard: "heard",
                wonder: "",
                stays: "",
                ..Default::default()
            }
        )
        .is_err());
}

#[test]
fn exchange_records_survive_a_key_rotation_and_verify_reports_a_damaged_one() {
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, mut b) = (journal(da.path()), journal(db.path()));
    let (sam, _) = pair(&mut a, &mut b);
    let e = entry(&mut a, "Words.", true);
    Exchange::new(&mut a).share(&sam, &[e]).unwrap();
    let before = Exchange::new(&mut a).identity_show().unwrap();
    let checked = attune::verify::journal(&a).unwrap();
    assert!(checked.is_sound());

    a.vault_mut().rotate_key(&passphrase()).unwrap();
    drop(a);
    let mut a = open_journal(da.path(), PASSPHRASE);
    assert_eq!(Exchange::new(&mut a).identity_show().unwrap(), before);
    assert!(Exchange::new(&mut a).contact(&sam).unwrap().usable);
    assert_eq!(
        Exchange::new(&mut a).share_status(&sam).unwrap().shared[0].entry_id,
        e
    );
    assert_eq!(
        attune::verify::journal(&a).unwrap().records_checked,
        checked.records_checked
    );
    drop(a);

    // Lengthen the contact record's envelope by one byte: it no longer authenticates.
    crate::support::db(da.path())
        .execute(
            "UPDATE records SET envelope = CAST(envelope || x'00' AS BLOB) WHERE tbl = 7",
            [],
        )
        .unwrap();
    let a = open_journal(da.path(), PASSPHRASE);
    let report = attune::verify::journal(&a).unwrap();
    let sam_hex = sam.to_hex();
    assert_eq!(report.damaged.len(), 1, "{report:?}");
    assert_eq!(report.damaged[0].id.as_deref(), Some(sam_hex.as_str()));
}

#[test]
fn contact_names_with_bidi_overrides_or_invisible_characters_are_refused() {
    use attune::share::contacts::validate_name;
    for hidden in [
        "Sam\u{202E}rosivrepus",
        "Sa\u{200B}m",
        "\u{2066}Sam\u{2069}",
        "Sam\u{FEFF}",
        "Sam\u{0007}",
    ] {
        assert_eq!(
            code_of(validate_name(hidden)),
            ErrorCode::InvalidInput,
            "{hidden:?}"
        );
    }
    for fine in ["Sam", "S. R.", "Zoë", "سام", "山田"] {
        assert!(validate_name(fine).is_ok(), "{fine:?}");
    }
}

#[test]
fn removing_a_contact_says_what_goes_deletes_it_on_this_side_only_and_refuses_their_files() {
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, mut b) = (journal(da.path()), journal(db.path()));
    let (sam, alex) = pair(&mut a, &mut b);
    let e = entry(&mut a, "The baby turned towards the window.", true);
    Exchange::new(&mut a).share(&sam, &[e]).unwrap();
    let share = Exchange::new(&mut a).write_share_packet(&sam).unwrap();
    Exchange::new(&mut b).import_packet(&share).unwrap();
    Exchange::new(&mut b)
        .write_response(
            &alex,
            &e.to_hex(),
            attune::share::exchange::ResponseParts {
                heard: "You stayed.",
                ..Default::default()
            },
        )
        .unwrap();
    let fb = Exchange::new(&mut b).write_feedback_packet(&alex).unwrap();
    Exchange::new(&mut a).import_packet(&fb).unwrap();
    let later_share = {
        let again = entry(&mut a, "A second visit.", true);
        Exchange::new(&mut a).share(&sam, &[again]).unwrap();
        Exchange::new(&mut a).write_share_packet(&sam).unwrap()
    };

    // Asking changes nothing and says what goes, what stays and what cannot be recalled.
    let before = journal_files(db.path());
    let said = Exchange::read(&b).contact_removal(&alex).unwrap();
    assert_same_files(&before, &journal_files(db.path()), "asking");
    assert_eq!(
        (
            said.contact_name.as_str(),
            said.their_reflections,
            said.responses_to_them
        ),
        ("Alex", 1, 1)
    );
    assert_eq!((said.responses_from_them, said.shared_with_them), (0, 0));
    assert!(said
        .summary
        .contains("the 1 reflection Alex shared with you"));
    assert!(said.summary.contains("your 1 response to Alex"));
    assert!(said.summary.contains("Attune cannot recall it"));
    assert!(said.summary.contains("Your own reflections stay"));

    let removed = Exchange::new(&mut b).remove_contact(&alex).unwrap();
    assert_eq!(removed, said);
    assert!(Exchange::new(&mut b).contacts().unwrap().is_empty());
    assert!(Exchange::new(&mut b).inbox(None).unwrap().is_empty());
    assert!(Exchange::read(&b)
        .responses_written(&alex)
        .unwrap()
        .is_empty());
    assert_eq!(
        Exchange::new(&mut b).contact(&alex).unwrap_err().code,
        ErrorCode::NotFound
    );
    // Their next file is refused, and changes nothing.
    let before = journal_files(db.path());
    let err = Exchange::new(&mut b)
        .import_packet(&later_share)
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::PacketRefused, "{}", err.message);
    assert_same_files(
        &before,
        &journal_files(db.path()),
        "a removed contact's file",
    );

    // On the other side: Sam's response stays under my entry until I remove Sam, and
    // then it goes, while the entry itself stays.
    let said = Exchange::read(&a).contact_removal(&sam).unwrap();
    assert_eq!((said.responses_from_them, said.shared_with_them), (1, 2));
    assert!(said.summary.contains("the 1 response Sam wrote to you"));
    assert!(said.summary.contains(
        "the list of the 2 reflections you shared with Sam (the reflections themselves stay)"
    ));
    Exchange::new(&mut a).remove_contact(&sam).unwrap();
    assert!(Exchange::read(&a)
        .feedback_for(Some(&e))
        .unwrap()
        .is_empty());
    assert!(a.get(&e).is_ok(), "my own reflection stays");
    assert_eq!(
        Exchange::new(&mut a).remove_contact(&sam).unwrap_err().code,
        ErrorCode::NotFound
    );
}

#[test]
fn an_edited_or_withdrawn_response_reaches_the_supervisee_and_an_older_packet_never_undoes_it() {
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut a, mut b) = (journal(da.path()), journal(db.path()));
    let (sam, alex) = pair(&mut a, &mut b);
    let e = entry(&mut a, "The baby turned towards the window.", true);
    Exchange::new(&mut a).share(&sam, &[e]).unwrap();
    let share = Exchange::new(&mut a).write_share_packet(&sam).unwrap();
    Exchange::new(&mut b).import_packet(&share).unwrap();
    let parts = |heard| attune::share::exchange::ResponseParts {
        heard,
        ..Default::default()
    };
    let first = Exchange::new(&mut b)
        .write_response(&alex, &e.to_hex(), parts("First words."))
        .unwrap();
    let v1 = Exchange::new(&mut b).write_feedback_packet(&alex).unwrap();
    Exchange::new(&mut a).import_packet(&v1).unwrap();

    // Edited: same id, new words, marked edited on both sides.
    let edited = Exchange::new(&mut b)
        .edit_response(&alex, &first.response_id[..6], parts("Kinder words."))
        .unwrap();
    assert_eq!(edited.response_id, first.response_id);
    assert!(edited.edited && edited.sent_at.is_none());
    let v2 = Exchange::new(&mut b).write_feedback_packet(&alex).unwrap();
    assert_eq!(
        Exchange::new(&mut a).import_packet(&v2).unwrap().responses,
        1
    );
    let seen = Exchange::read(&a).feedback_for(Some(&e)).unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(
        (seen[0].heard.as_str(), seen[0].edited),
        ("Kinder words.", true)
    );

    // Replayed: the first packet again is refused (older), changing nothing.
    let before = journal_files(da.path());
    let err = Exchange::new(&mut a).import_packet(&v1).unwrap_err();
    assert_eq!(err.code, ErrorCode::PacketRefused, "{}", err.message);
    assert_same_files(
        &before,
        &journal_files(da.path()),
        "a replayed older packet",
    );

    // Withdrawn: the words go on both sides; the supervisee sees it was withdrawn.
    let gone = Exchange::new(&mut b)
        .withdraw_response(&alex, &first.response_id)
        .unwrap();
    assert!(gone.withdrawn && gone.heard.is_empty());
    assert!(Exchange::new(&mut b)
        .edit_response(&alex, &first.response_id, parts("Again?"))
        .is_err());
    let v3 = Exchange::new(&mut b).write_feedback_packet(&alex).unwrap();
    let out = Exchange::new(&mut a).import_packet(&v3).unwrap();
    assert_eq!((out.responses, out.withdrawn), (0, 1));
    let seen = Exchange::read(&a).feedback_for(Some(&e)).unwrap();
    assert_eq!(seen.len(), 1);
    assert!(seen[0].withdrawn && !seen[0].edited);
    assert!(seen[0].heard.is_empty());
    // The edited packet again is older than the withdrawal: refused, nothing comes back.
    assert!(Exchange::new(&mut a).import_packet(&v2).is_err());
    assert!(Exchange::read(&a).feedback_for(Some(&e)).unwrap()[0].withdrawn);
}

#[test]
fn a_forged_or_muddled_withdrawal_is_refused_and_an_older_revision_never_overwrites() {
    use attune::share::document::WithdrawnResponse;
    let da = tempfile::tempdir().unwrap();
    let mut a = journal(da.path());
    let me = keys_of(&mut a);
    let sam = Party::new("Sam");
    let c = Exchange::new(&mut a)
        .import_card(
            &sam.card(CardRole::Supervisor),
            MyRelation::MySupervisor,
            false,
        )
        .unwrap();
    Exchange::new(&mut a)
        .confirm_contact(&contact_id(&c.id), true)
        .unwrap();
    let rid = "fe".repeat(16);
    let words = |revision: u64, heard: &str| PacketContent::Feedback {
        responses: vec![FeedbackResponse {
            response_id: rid.clone(),
            entry_id: format!("{:032x}", 1),
            revision,
            written_at: Utc::now(),
            heard: heard.into(),
            noticed: String::new(),
            wonder: String::new(),
            stays: String::new(),
        }],
        withdrawn: Vec::new(),
    };
    let withdrawal = |response_id: &str, revision: u64| PacketContent::Feedback {
        responses: Vec::new(),
        withdrawn: vec![WithdrawnResponse {
            response_id: response_id.into(),
            revision,
        }],
    };
    let heard = |a: &Journal| {
        Exchange::read(a).feedback_for(None).unwrap()[0]
            .heard
            .clone()
    };

    // Revision 3, then a newer packet carrying revision 2 of it: the words stay at 3.
    Exchange::new(&mut a)
        .import_packet(&sam.packet(&me, 10, words(3, "Revision three.")))
        .unwrap();
    Exchange::new(&mut a)
        .import_packet(&sam.packet(&me, 11, words(2, "Revision two.")))
        .unwrap();
    assert_eq!(heard(&a), "Revision three.");

    // A withdrawal no newer than the words held changes nothing.
    let out = Exchange::new(&mut a)
        .import_packet(&sam.packet(&me, 12, withdrawal(&rid, 3)))
        .unwrap();
    assert_eq!(out.withdrawn, 0);
    assert_eq!(heard(&a), "Revision three.");

    // The same id both sent and withdrawn, or an id that is not one: refused.
    let mut both = words(9, "Both.");
    if let PacketContent::Feedback { withdrawn, .. } = &mut both {
        withdrawn.push(WithdrawnResponse {
            response_id: rid.clone(),
            revision: 10,
        });
    }
    assert_refused(&mut a, da.path(), &sam.packet(&me, 20, both), "");
    assert_refused(
        &mut a,
        da.path(),
        &sam.packet(&me, 21, withdrawal("not-hex", 9)),
        "",
    );

    // A withdrawal signed by someone else under the same name: refused.
    let mallory = Party::new("Sam");
    assert_refused(
        &mut a,
        da.path(),
        &mallory.packet(&me, 30, withdrawal(&rid, 9)),
        "",
    );
    assert_eq!(heard(&a), "Revision three.");

    // Sam's real withdrawal takes the words out; words sent later at an older revision
    // do not bring them back.
    let out = Exchange::new(&mut a)
        .import_packet(&sam.packet(&me, 40, withdrawal(&rid, 4)))
        .unwrap();
    assert_eq!(out.withdrawn, 1);
    Exchange::new(&mut a)
        .import_packet(&sam.packet(&me, 41, words(4, "Back again?")))
        .unwrap();
    let seen = Exchange::read(&a).feedback_for(None).unwrap();
    assert!(seen[0].withdrawn && seen[0].heard.is_empty());
}
