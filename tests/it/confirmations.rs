//! Signed session confirmations through two real journals: asked by the supervisee,
//! answered by the supervisor, and every way an answer can be refused (forged,
//! replayed, meant for someone else, about other facts).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use crate::support::packets::Party;
use crate::support::*;
use attune::api::supervision as sup;
use attune::api::{
    AnswerConfirmationRequest, AskConfirmationRequest, ConfirmState, ContactRef, Decision,
};
use attune::ids::ContactId;
use attune::journal::{Journal, SessionFormat, SessionId, SessionInput, SessionRole};
use attune::share::confirm::sign_answer;
use attune::share::document::{ConfirmAnswerItem, PacketContent, SessionFacts};
use attune::share::{open_packet, parse_signing_key_hex, CardRole, MyRelation, PacketKind};
use attune::ErrorCode;
use chrono::{NaiveDate, SubsecRound, Utc};

const NOTES: &str = "Talked about the Rivera twins and my worry about the father";

fn journal(dir: &Path) -> Journal {
    create_journal(dir).0
}

fn session(j: &mut Journal, minutes: u32, role: SessionRole) -> SessionId {
    j.save_session(
        SessionInput {
            id: None,
            date: NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(),
            minutes,
            format: SessionFormat::Individual,
            with_whom: "Sam".into(),
            role,
            entries_discussed: Vec::new(),
            details: Default::default(),
            notes: Some(NOTES.into()),
        },
        now(),
    )
    .unwrap()
    .id
}

fn ask(j: &mut Journal, to: &ContactId, session: SessionId) -> Vec<u8> {
    sup::ask_confirmation(
        j,
        &AskConfirmationRequest {
            contact_id: to.to_hex(),
            session_id: session,
        },
    )
    .unwrap();
    sup::write_confirm_request_packet(
        j,
        &ContactRef {
            contact_id: to.to_hex(),
        },
    )
    .unwrap()
}

fn answer(j: &mut Journal, to: &ContactId, decision: Decision, reason: &str) -> Vec<u8> {
    let waiting = sup::confirmation_requests(j)
        .unwrap()
        .into_iter()
        .find(|r| r.state == ConfirmState::Waiting && r.contact_id == to.to_hex())
        .expect("a waiting request");
    sup::answer_confirmation(
        j,
        &AnswerConfirmationRequest {
            request_id: waiting.request_id,
            decision,
            reason: reason.into(),
        },
    )
    .unwrap();
    sup::write_confirm_answer_packet(
        j,
        &ContactRef {
            contact_id: to.to_hex(),
        },
    )
    .unwrap()
}

fn import(j: &mut Journal, packet: &[u8]) -> attune::share::ImportOutcome {
    Exchange::new(j).import_packet(packet).unwrap()
}

fn assert_refused(j: &mut Journal, dir: &Path, packet: &[u8], says: &str) {
    let before = journal_files(dir);
    let err = Exchange::new(&mut *j).import_packet(packet).unwrap_err();
    assert_eq!(err.code, ErrorCode::PacketRefused, "{}", err.message);
    assert!(err.message.contains(says), "{}", err.message);
    assert_same_files(&before, &journal_files(dir), says);
}

fn state_of(j: &Journal, session: &SessionId) -> attune::api::SessionConfirmation {
    sup::session_confirmations(j)
        .unwrap()
        .into_iter()
        .find(|c| c.session_id == session.to_hex())
        .expect("a confirmation for the session")
}

#[test]
fn a_session_is_confirmed_through_two_journals_and_carries_the_supervisors_signature() {
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut alex, mut sam) = (journal(da.path()), journal(db.path()));
    let (sam_in_alex, alex_in_sam) = pair(&mut alex, &mut sam);
    let s = session(&mut alex, 60, SessionRole::Receiving);
    let request = ask(&mut alex, &sam_in_alex, s);
    let asked = state_of(&alex, &s);
    assert_eq!(asked.state, ConfirmState::Waiting);
    assert!(asked.sent_at.is_some());

    let got = import(&mut sam, &request);
    assert_eq!((got.kind, got.requests), (PacketKind::ConfirmRequest, 1));
    let requests = sup::confirmation_requests(&sam).unwrap();
    assert_eq!(requests.len(), 1);
    let r = &requests[0];
    assert_eq!(r.contact_id, alex_in_sam.to_hex());
    assert_eq!(r.contact_name, "Alex");
    assert_eq!(
        r.facts,
        SessionFacts {
            date: NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(),
            minutes: 60,
            format: SessionFormat::Individual,
        }
    );
    // Only the facts travelled: the notes are nowhere in the supervisor's journal.
    assert!(files_containing(db.path(), NOTES.as_bytes()).is_empty());
    assert!(!serde_json::to_string(&requests).unwrap().contains("Rivera"));

    let reply = answer(&mut sam, &alex_in_sam, Decision::Confirmed, "");
    let got = import(&mut alex, &reply);
    assert_eq!((got.kind, got.answers), (PacketKind::ConfirmAnswer, 1));
    let done = state_of(&alex, &s);
    assert_eq!(done.state, ConfirmState::Confirmed);
    assert!(!done.session_changed && !done.session_missing);
    assert_eq!(done.reason, None);
    let sam_key = Exchange::new(&mut sam).identity_show().unwrap().signing_key;
    assert_eq!(done.signed_by.as_deref(), Some(sam_key.as_str()));
    assert_eq!(done.signature.as_ref().map(String::len), Some(128));

    // The same answer again changes nothing.
    let before = journal_files(da.path());
    assert!(import(&mut alex, &reply).already_imported);
    assert_same_files(&before, &journal_files(da.path()), "the same answer twice");
    // Everything survives a reopening, and verify reads every record.
    drop(alex);
    let alex = open_journal(da.path(), PASSPHRASE);
    assert_eq!(state_of(&alex, &s).state, ConfirmState::Confirmed);
    let report = attune::verify::journal(&alex).unwrap();
    assert!(report.is_sound(), "{report:?}");
}

#[test]
fn a_decline_comes_back_with_its_reason_and_asking_again_reopens_it() {
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut alex, mut sam) = (journal(da.path()), journal(db.path()));
    let (sam_in_alex, alex_in_sam) = pair(&mut alex, &mut sam);
    let s = session(&mut alex, 90, SessionRole::Receiving);
    import(&mut sam, &ask(&mut alex, &sam_in_alex, s));
    let reply = answer(
        &mut sam,
        &alex_in_sam,
        Decision::Declined,
        "We met for 60 minutes that day.",
    );
    import(&mut alex, &reply);
    let declined = state_of(&alex, &s);
    assert_eq!(declined.state, ConfirmState::Declined);
    assert_eq!(
        declined.reason.as_deref(),
        Some("We met for 60 minutes that day.")
    );

    // Put right and asked again: a new request, waiting; the old answer no longer counts.
    let mut input = session_input(&alex, &s);
    input.minutes = 60;
    alex.save_session(input, now()).unwrap();
    let again = ask(&mut alex, &sam_in_alex, s);
    assert_eq!(state_of(&alex, &s).state, ConfirmState::Waiting);
    assert_eq!(import(&mut sam, &again).requests, 1);
    let waiting: Vec<_> = sup::confirmation_requests(&sam)
        .unwrap()
        .into_iter()
        .filter(|r| r.state == ConfirmState::Waiting)
        .collect();
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].facts.minutes, 60);
    import(
        &mut alex,
        &answer(&mut sam, &alex_in_sam, Decision::Confirmed, ""),
    );
    let confirmed = state_of(&alex, &s);
    assert_eq!(confirmed.state, ConfirmState::Confirmed);
    assert_eq!(confirmed.facts.minutes, 60);
    assert!(!confirmed.session_changed);
}

fn session_input(j: &Journal, id: &SessionId) -> SessionInput {
    let s = j.session(id).unwrap();
    SessionInput {
        id: Some(s.id),
        date: s.date,
        minutes: s.minutes,
        format: s.format,
        with_whom: s.with_whom.clone(),
        role: s.role,
        entries_discussed: s.entries_discussed.clone(),
        notes: s.notes.clone(),
        details: s.details.clone(),
    }
}

#[test]
fn a_session_edited_after_asking_shows_plainly_that_the_answer_is_about_the_facts_sent() {
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut alex, mut sam) = (journal(da.path()), journal(db.path()));
    let (sam_in_alex, alex_in_sam) = pair(&mut alex, &mut sam);
    let s = session(&mut alex, 60, SessionRole::Receiving);
    import(&mut sam, &ask(&mut alex, &sam_in_alex, s));
    let mut input = session_input(&alex, &s);
    input.minutes = 120;
    alex.save_session(input, now()).unwrap();
    import(
        &mut alex,
        &answer(&mut sam, &alex_in_sam, Decision::Confirmed, ""),
    );
    let c = state_of(&alex, &s);
    assert_eq!(c.state, ConfirmState::Confirmed);
    assert_eq!(c.facts.minutes, 60, "what was confirmed");
    assert!(c.session_changed, "the session now says 120 minutes");

    // Deleted since: the answer is kept and says so.
    alex.delete_session(&s).unwrap();
    assert!(state_of(&alex, &s).session_missing);
}

#[test]
fn a_forged_confirmation_is_refused_and_changes_nothing() {
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut alex, mut sam) = (journal(da.path()), journal(db.path()));
    let (sam_in_alex, alex_in_sam) = pair(&mut alex, &mut sam);
    let s = session(&mut alex, 60, SessionRole::Receiving);
    import(&mut sam, &ask(&mut alex, &sam_in_alex, s));
    let genuine = answer(&mut sam, &alex_in_sam, Decision::Confirmed, "");

    // Changed on the way.
    let mut tampered = genuine.clone();
    let n = tampered.len() - 20;
    tampered[n] ^= 0x40;
    assert_refused(&mut alex, da.path(), &tampered, "damaged or was changed");

    // Someone else signs a confirmation in Sam's name.
    let me = Exchange::new(&mut alex).identity_show().unwrap();
    let alex_keys = attune::share::document::PartyKeys {
        signing_key: me.signing_key.clone(),
        age_recipient: me.age_recipient.clone(),
    };
    let sam_keys = {
        let i = Exchange::new(&mut sam).identity_show().unwrap();
        attune::share::document::PartyKeys {
            signing_key: i.signing_key,
            age_recipient: i.age_recipient,
        }
    };
    let mallory = Party::new("Mallory");
    let request = state_of(&alex, &s);
    // The packet-level signature fails first, whatever the answer inside says.
    let mut item = ConfirmAnswerItem {
        request_id: "0".repeat(32),
        session_id: s.to_hex(),
        facts: request.facts,
        decision: Decision::Confirmed,
        reason: String::new(),
        answered_at: Utc::now().trunc_subsecs(0),
        signature: String::new(),
    };
    sign_answer(&mallory.signing, &me.signing_key, &mut item).unwrap();
    let doc = attune::share::document::PacketDocument {
        format: attune::share::document::PACKET_FORMAT,
        packet_id: "f".repeat(32),
        sequence: u64::MAX / 2,
        created_at: Utc::now(),
        sender: sam_keys,
        sender_name: "Sam".into(),
        recipient: alex_keys,
        content: PacketContent::ConfirmAnswer {
            answers: vec![item],
        },
    };
    let bytes = serde_json::to_vec(&doc).unwrap();
    let forged = packets::seal_raw(
        &bytes,
        &mallory.signing,
        std::slice::from_ref(&me.age_recipient),
    );
    assert_refused(&mut alex, da.path(), &forged, "damaged or was changed");
    assert_eq!(state_of(&alex, &s).state, ConfirmState::Waiting);

    // The genuine answer still lands afterwards.
    import(&mut alex, &genuine);
    assert_eq!(state_of(&alex, &s).state, ConfirmState::Confirmed);
}

/// A supervisor held outside any journal, pinned in Alex's journal: it can sign
/// answers any way a test needs, with the real request packets Alex writes to it.
struct OutsideSupervisor {
    party: Party,
    contact: ContactId,
}

impl OutsideSupervisor {
    fn pinned_in(j: &mut Journal) -> Self {
        let party = Party::new("Sam");
        let c = Exchange::new(&mut *j)
            .import_card(
                &party.card(CardRole::Supervisor),
                MyRelation::MySupervisor,
                false,
            )
            .unwrap();
        let contact = contact_id(&c.id);
        Exchange::new(&mut *j)
            .confirm_contact(&contact, true)
            .unwrap();
        Self { party, contact }
    }

    /// The requests in a packet Alex wrote to this supervisor.
    fn read(&self, packet: &[u8], from: &str) -> Vec<attune::share::document::ConfirmRequestItem> {
        let key = parse_signing_key_hex(from).unwrap();
        let opened = open_packet(packet, &self.party.age, &[key]).unwrap();
        match opened.document.content {
            PacketContent::ConfirmRequest { requests } => requests,
            other => panic!("not a request packet: {other:?}"),
        }
    }

    fn answers(
        &self,
        to: &attune::share::document::PartyKeys,
        sequence: u64,
        answers: Vec<ConfirmAnswerItem>,
    ) -> Vec<u8> {
        self.party
            .packet(to, sequence, PacketContent::ConfirmAnswer { answers })
    }
}

fn keys(j: &mut Journal) -> attune::share::document::PartyKeys {
    let me = Exchange::new(j).identity_show().unwrap();
    attune::share::document::PartyKeys {
        signing_key: me.signing_key,
        age_recipient: me.age_recipient,
    }
}

fn signed(
    by: &attune::crypto::SigningKey,
    for_key: &str,
    r: &attune::share::document::ConfirmRequestItem,
    facts: SessionFacts,
) -> ConfirmAnswerItem {
    let mut a = ConfirmAnswerItem {
        request_id: r.request_id.clone(),
        session_id: r.session_id.clone(),
        facts,
        decision: Decision::Confirmed,
        reason: String::new(),
        answered_at: Utc::now().trunc_subsecs(0),
        signature: String::new(),
    };
    sign_answer(by, for_key, &mut a).unwrap();
    a
}

#[test]
fn an_answer_signed_for_someone_else_or_about_other_facts_is_refused() {
    let da = tempfile::tempdir().unwrap();
    let mut alex = journal(da.path());
    let sam = OutsideSupervisor::pinned_in(&mut alex);
    let me = keys(&mut alex);
    let s = session(&mut alex, 60, SessionRole::Receiving);
    let packet = ask(&mut alex, &sam.contact, s);
    let requests = sam.read(&packet, &me.signing_key);
    assert_eq!(requests.len(), 1);
    let r = &requests[0];
    assert_eq!(r.session_id, s.to_hex());

    // Packet signed by Sam, but the confirmation inside signed for another supervisee.
    let blair = Party::new("Blair");
    let for_blair = signed(&sam.party.signing, &blair.keys().signing_key, r, r.facts);
    let p = sam.answers(&me, 10, vec![for_blair]);
    assert_refused(
        &mut alex,
        da.path(),
        &p,
        "not signed by your supervisor for you",
    );

    // Signed by someone else inside a packet Sam signed.
    let other = signed(&blair.signing, &me.signing_key, r, r.facts);
    let p = sam.answers(&me, 11, vec![other]);
    assert_refused(
        &mut alex,
        da.path(),
        &p,
        "not signed by your supervisor for you",
    );

    // About other facts than the ones sent (signed properly, still refused).
    let mut more = r.facts;
    more.minutes = 180;
    let p = sam.answers(
        &me,
        12,
        vec![signed(&sam.party.signing, &me.signing_key, r, more)],
    );
    assert_refused(&mut alex, da.path(), &p, "other session facts");

    // A session this journal never asked about (someone else's).
    let mut stranger = r.clone();
    stranger.session_id = "ab".repeat(16);
    let p = sam.answers(
        &me,
        13,
        vec![signed(
            &sam.party.signing,
            &me.signing_key,
            &stranger,
            r.facts,
        )],
    );
    assert_refused(&mut alex, da.path(), &p, "did not ask about");

    // The right one lands.
    let p = sam.answers(
        &me,
        14,
        vec![signed(&sam.party.signing, &me.signing_key, r, r.facts)],
    );
    assert_eq!(import(&mut alex, &p).answers, 1);
    assert_eq!(state_of(&alex, &s).state, ConfirmState::Confirmed);
}

#[test]
fn a_replayed_or_older_answer_changes_nothing() {
    let da = tempfile::tempdir().unwrap();
    let mut alex = journal(da.path());
    let sam = OutsideSupervisor::pinned_in(&mut alex);
    let me = keys(&mut alex);
    let s = session(&mut alex, 60, SessionRole::Receiving);
    let r = sam.read(&ask(&mut alex, &sam.contact, s), &me.signing_key)[0].clone();
    let first = sam.answers(
        &me,
        100,
        vec![signed(&sam.party.signing, &me.signing_key, &r, r.facts)],
    );
    import(&mut alex, &first);

    // Edited and asked again: the earlier answer, replayed in a newer packet, does not
    // confirm the new request.
    let mut input = session_input(&alex, &s);
    input.minutes = 45;
    alex.save_session(input, now()).unwrap();
    let r2 = sam.read(&ask(&mut alex, &sam.contact, s), &me.signing_key)[0].clone();
    assert_ne!(r2.request_id, r.request_id);
    let before = journal_files(da.path());
    let replayed = sam.answers(
        &me,
        200,
        vec![signed(&sam.party.signing, &me.signing_key, &r, r.facts)],
    );
    assert_eq!(import(&mut alex, &replayed).answers, 0);
    assert_eq!(state_of(&alex, &s).state, ConfirmState::Waiting);
    drop(before);

    // The same packet again, and an older one, change nothing.
    let before = journal_files(da.path());
    assert!(import(&mut alex, &replayed).already_imported);
    assert_same_files(&before, &journal_files(da.path()), "the same packet again");
    assert_refused(
        &mut alex,
        da.path(),
        &first,
        "older than one already opened",
    );
    assert_eq!(state_of(&alex, &s).state, ConfirmState::Waiting);
}

#[test]
fn an_answer_meant_for_another_supervisee_does_not_open_here() {
    let (da, db, dc) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let (mut alex, mut sam, mut blair) =
        (journal(da.path()), journal(db.path()), journal(dc.path()));
    let (sam_in_alex, _) = pair(&mut alex, &mut sam);
    let (sam_in_blair, blair_in_sam) = pair_named(&mut blair, "Blair", &mut sam, "Sam");
    let s = session(&mut alex, 60, SessionRole::Receiving);
    import(&mut sam, &ask(&mut alex, &sam_in_alex, s));
    let b = session(&mut blair, 30, SessionRole::Receiving);
    import(&mut sam, &ask(&mut blair, &sam_in_blair, b));
    let for_blair = answer(&mut sam, &blair_in_sam, Decision::Confirmed, "");
    assert_refused(&mut alex, da.path(), &for_blair, "not sent to this journal");
    assert_eq!(import(&mut blair, &for_blair).answers, 1);
    assert_eq!(state_of(&alex, &s).state, ConfirmState::Waiting);
}

#[test]
fn confirmation_packets_and_shares_do_not_refuse_each_other() {
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut alex, mut sam) = (journal(da.path()), journal(db.path()));
    let (sam_in_alex, _) = pair(&mut alex, &mut sam);
    let e = alex
        .add(
            attune::journal::NewEntry {
                body: "A visit.".into(),
                ..Default::default()
            },
            now(),
        )
        .unwrap()
        .id;
    Exchange::new(&mut alex).share(&sam_in_alex, &[e]).unwrap();
    let share = Exchange::new(&mut alex)
        .write_share_packet(&sam_in_alex)
        .unwrap();
    let s = session(&mut alex, 60, SessionRole::Receiving);
    let request = ask(&mut alex, &sam_in_alex, s);
    // The newer request first, then the older share: both land.
    assert_eq!(import(&mut sam, &request).requests, 1);
    assert_eq!(import(&mut sam, &share).entries, 1);
}

#[test]
fn only_received_sessions_are_asked_about_and_a_decline_needs_a_reason() {
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut alex, mut sam) = (journal(da.path()), journal(db.path()));
    let (sam_in_alex, alex_in_sam) = pair(&mut alex, &mut sam);
    let given = session(&mut alex, 60, SessionRole::Giving);
    let before = journal_files(da.path());
    let err = sup::ask_confirmation(
        &mut alex,
        &AskConfirmationRequest {
            contact_id: sam_in_alex.to_hex(),
            session_id: given,
        },
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    // Asking a supervisee (Sam asks Alex) is refused too.
    let theirs = session(&mut sam, 60, SessionRole::Receiving);
    let err = sup::ask_confirmation(
        &mut sam,
        &AskConfirmationRequest {
            contact_id: alex_in_sam.to_hex(),
            session_id: theirs,
        },
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_same_files(&before, &journal_files(da.path()), "refused asks");
    // Nothing open: no packet.
    let err = sup::write_confirm_request_packet(
        &mut alex,
        &ContactRef {
            contact_id: sam_in_alex.to_hex(),
        },
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);

    let s = session(&mut alex, 60, SessionRole::Receiving);
    import(&mut sam, &ask(&mut alex, &sam_in_alex, s));
    let id = sup::confirmation_requests(&sam).unwrap()[0]
        .request_id
        .clone();
    let before = journal_files(db.path());
    for (decision, reason) in [
        (Decision::Declined, "  "),
        (Decision::Confirmed, "but why"),
        (Decision::Declined, &"x".repeat(501)[..]),
    ] {
        let err = sup::answer_confirmation(
            &mut sam,
            &AnswerConfirmationRequest {
                request_id: id.clone(),
                decision,
                reason: reason.into(),
            },
        )
        .unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput, "{reason:?}");
    }
    assert_same_files(&before, &journal_files(db.path()), "refused answers");
}
